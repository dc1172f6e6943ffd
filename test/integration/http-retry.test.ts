import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../src/cli/local-s3.js';
import { HttpFailure, httpRequest, retryAfterMs, type RetryPolicy } from '../../src/clients/http.js';
import { createPrometheusClient } from '../../src/clients/prometheus.js';
import { createPushgateway } from '../../src/clients/pushgateway.js';
import type { Logger } from '../../src/util/logger.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

type Answer = [number, string] | [number, string, Record<string, string>] | 'hang';

interface Seen {
  method: string;
  url: string;
  body: string;
  headers: IncomingHttpHeaders;
  /** performance.now() when the request arrived. */
  at: number;
}

/** A loopback HTTP server answering each request from a script: [status, body, headers?] or 'hang'. */
async function scriptedServer(answers: Answer[]): Promise<{ url: URL; requests: Seen[] }> {
  const requests: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', body, headers: request.headers, at: performance.now() });
      const answer = answers[Math.min(requests.length - 1, answers.length - 1)] ?? [500, 'no script'];
      if (answer === 'hang') return;
      response.writeHead(answer[0], { 'content-type': 'text/plain', ...(answer[2] ?? {}) }).end(answer[1]);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`), requests };
}

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: () => undefined,
    info: (m) => lines.push(`info ${m}`),
    warning: (m) => lines.push(`warning ${m}`),
    error: (m) => lines.push(`error ${m}`),
    group: (_n, body) => body(),
  };
}

const fast: RetryPolicy = { attemptTimeoutMs: 300, deadlineMs: 5000, attempts: 3, backoffMs: 10 };
const get = (url: URL) => ({ method: 'GET', url });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('the HTTP helper against a local server: time limits, bounded logged retries', () => {
  it('retries 503 and 502 and succeeds on the third attempt, logging each retry', async () => {
    const { url, requests } = await scriptedServer([
      [503, 'busy'],
      [502, 'bad gateway'],
      [200, 'ok'],
    ]);
    const log = recordingLog();
    const answer = await httpRequest(get(url), { service: 'Test', log, policy: fast });
    expect(answer).toMatchObject({ status: 200, body: 'ok', attempts: 3 });
    expect(requests).toHaveLength(3);
    expect(log.lines).toEqual([
      `warning Test GET ${url.href}: retry 1 of 2 after HTTP 503: busy`,
      `warning Test GET ${url.href}: retry 2 of 2 after HTTP 502: bad gateway`,
    ]);
  });

  it('retries 429 and 504 for a GET', async () => {
    const { url, requests } = await scriptedServer([
      [429, 'slow down'],
      [504, 'gateway timeout'],
      [200, 'ok'],
    ]);
    expect((await httpRequest(get(url), { service: 'Test', log: recordingLog(), policy: fast })).status).toBe(200);
    expect(requests).toHaveLength(3);
  });

  it('gives up after the last attempt and returns the last busy answer to the caller, which judges it', async () => {
    const { url, requests } = await scriptedServer([[503, 'down']]);
    const log = recordingLog();
    const answer = await httpRequest(get(url), { service: 'Test', log, policy: fast });
    expect(answer).toMatchObject({ status: 503, body: 'down', attempts: 3 });
    expect(requests).toHaveLength(3);
    expect(log.lines.filter((line) => line.startsWith('warning'))).toHaveLength(2);
  });

  it('does not retry 500: an internal error is an answer, not a busy server (spec change of issue 13)', async () => {
    const { url, requests } = await scriptedServer([
      [500, 'boom'],
      [200, 'ok'],
    ]);
    const answer = await httpRequest(get(url), { service: 'Test', log: recordingLog(), policy: fast });
    expect(answer).toMatchObject({ status: 500, body: 'boom', attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it('does not repeat a POST answered 503: it is not idempotent', async () => {
    const { url, requests } = await scriptedServer([
      [503, 'busy'],
      [200, 'ok'],
    ]);
    const log = recordingLog();
    const answer = await httpRequest({ method: 'POST', url, body: 'x' }, { service: 'Test', log, policy: fast });
    expect(answer).toMatchObject({ status: 503, attempts: 1 });
    expect(requests).toHaveLength(1);
    expect(log.lines).toEqual([]);
  });

  it('repeats a POST the caller marks idempotent (a Prometheus query), with a fresh body each time', async () => {
    const { url, requests } = await scriptedServer([
      [503, 'busy'],
      [200, 'ok'],
    ]);
    let made = 0;
    const body = () => {
      made += 1;
      return `attempt=${made}`;
    };
    const answer = await httpRequest({ method: 'POST', url, body, idempotent: true }, { service: 'Test', log: recordingLog(), policy: fast });
    expect(answer.status).toBe(200);
    expect(requests.map((request) => request.body)).toEqual(['attempt=1', 'attempt=2']);
  });

  it('repeats a POST whose connection was never made (nothing reached a server), then names the code', async () => {
    const url = new URL(`http://127.0.0.1:${await freePort()}/upload`);
    const log = recordingLog();
    const failure = await failureOf(httpRequest({ method: 'POST', url, body: 'x' }, { service: 'Test', log, policy: fast }));
    expect(failure).toBeInstanceOf(HttpFailure);
    expect(failure).toMatchObject({ kind: 'unreachable', code: 'ECONNREFUSED', attempts: 3 });
    expect((failure as Error).message).toMatch(new RegExp(`^Test POST ${url.href} failed after 3 attempt\\(s\\): ECONNREFUSED`));
    expect(log.lines.filter((line) => line.startsWith(`warning Test POST ${url.href}: retry`))).toHaveLength(2);
  });

  it('honours Retry-After: the retry waits as long as the server asked, and the log says so', async () => {
    const { url, requests } = await scriptedServer([
      [503, 'maintenance', { 'retry-after': '1' }],
      [200, 'ok'],
    ]);
    const log = recordingLog();
    const answer = await httpRequest(get(url), { service: 'Test', log, policy: fast });
    expect(answer.status).toBe(200);
    expect(requests).toHaveLength(2);
    // A lower bound only: the pause is at least what the server asked (timer granularity aside).
    expect((requests[1]?.at ?? 0) - (requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(log.lines).toEqual([`warning Test GET ${url.href}: retry 1 of 2 after HTTP 503: maintenance (Retry-After 1 s)`]);
  });

  it('does not wait out a Retry-After beyond the deadline: the busy answer returns at once, and the log says why', async () => {
    const { url, requests } = await scriptedServer([
      [429, 'later', { 'retry-after': '30' }],
      [200, 'ok'],
    ]);
    const log = recordingLog();
    const answer = await httpRequest(get(url), { service: 'Test', log, policy: { ...fast, deadlineMs: 2000 } });
    expect(answer).toMatchObject({ status: 429, attempts: 1 });
    expect(requests).toHaveLength(1);
    expect(log.lines).toEqual([
      `warning Test GET ${url.href}: not retried after HTTP 429: later: the server asked to wait 30 s (Retry-After), beyond the 2 s time limit`,
    ]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Tue, 01 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('times out each attempt of a server that never answers, then fails naming the limit', async () => {
    const { url, requests } = await scriptedServer(['hang']);
    const failure = await failureOf(httpRequest(get(url), { service: 'Test', log: recordingLog(), policy: fast }));
    expect(failure).toBeInstanceOf(HttpFailure);
    expect(failure).toMatchObject({ kind: 'timeout', attempts: 3, deadlineReached: false });
    expect((failure as Error).message).toBe(`Test GET ${url.href} failed after 3 attempt(s): no answer within 0.3 s.`);
    expect(requests).toHaveLength(3);
  });

  it('stops at the total deadline even with attempts left', async () => {
    const { url, requests } = await scriptedServer(['hang']);
    const policy: RetryPolicy = { attemptTimeoutMs: 400, deadlineMs: 1000, attempts: 10, backoffMs: 10 };
    const failure = await failureOf(httpRequest(get(url), { service: 'Test', log: recordingLog(), policy }));
    expect(failure).toMatchObject({ kind: 'timeout', deadlineReached: true });
    expect((failure as HttpFailure).attempts).toBeLessThan(10);
    expect(requests).toHaveLength((failure as HttpFailure).attempts);
  });

  it('sends URL credentials as basic auth, never in the URL, and logs the URL without them or the query', async () => {
    const { url, requests } = await scriptedServer([
      [503, 'busy'],
      [200, 'ok'],
    ]);
    const target = new URL(`http://reader:s3cr%40t@127.0.0.1:${url.port}/api?token=t0ken`);
    const log = recordingLog();
    const answer = await httpRequest(get(target), { service: 'Test', log, policy: fast });
    expect(answer.status).toBe(200);
    expect(requests.map((request) => request.headers.authorization)).toEqual([
      `Basic ${Buffer.from('reader:s3cr@t').toString('base64')}`,
      `Basic ${Buffer.from('reader:s3cr@t').toString('base64')}`,
    ]);
    expect(requests[0]?.url).toBe('/api?token=t0ken');
    expect(log.lines).toEqual([`warning Test GET http://127.0.0.1:${url.port}/api: retry 1 of 2 after HTTP 503: busy`]);
    expect(log.lines.join('\n')).not.toMatch(/s3cr|t0ken|reader/);
  });

  it('keeps a server body from starting a workflow command in the log', async () => {
    const { url } = await scriptedServer([
      [503, 'busy\n::error::injected'],
      [200, 'ok'],
    ]);
    const log = recordingLog();
    await httpRequest(get(url), { service: 'Test', log, policy: fast });
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).not.toContain('\n');
  });
});

describe('clients on the HTTP helper', () => {
  it('does not retry a 4xx: the Pushgateway rejection is reported with its body', async () => {
    const { url, requests } = await scriptedServer([[400, 'pushed metrics are invalid or inconsistent with existing metrics']]);
    const pushgateway = createPushgateway(url, recordingLog(), fast);
    await expect(pushgateway.push({ job: 'j', grouping: { env: 'ci' }, body: 'x 1\n', method: 'PUT' })).rejects.toThrow(
      'answered HTTP 400: pushed metrics are invalid',
    );
    expect(requests.map(({ method, url: path, body }) => ({ method, url: path, body }))).toEqual([
      { method: 'PUT', url: '/metrics/job/j/env@base64/Y2k', body: 'x 1\n' },
    ]);
  });

  it('a Pushgateway busy on every attempt: the error names the status and the attempts', async () => {
    const { url, requests } = await scriptedServer([[503, 'restarting']]);
    const pushgateway = createPushgateway(url, recordingLog(), fast);
    await expect(pushgateway.push({ job: 'j', grouping: {}, body: 'x 1\n', method: 'POST' })).rejects.toThrow(
      'answered HTTP 503 after 3 attempt(s): restarting',
    );
    expect(requests).toHaveLength(3);
  });

  it('names a Prometheus answer that is not the API (e.g. a login page)', async () => {
    const { url } = await scriptedServer([[200, '<html>login</html>']]);
    await expect(createPrometheusClient({ url, basicAuth: undefined, timeoutMs: 5000 }, recordingLog(), fast).ruleGroups()).rejects.toThrow(
      'is prometheus-url the Prometheus server',
    );
  });

  it('Prometheus: the rules read and the queries send the same basic auth and live within prometheus-timeout-seconds', async () => {
    const success = JSON.stringify({ status: 'success', data: { groups: [], resultType: 'vector', result: [] } });
    const { url, requests } = await scriptedServer([[200, success]]);
    const prometheus = createPrometheusClient({ url, basicAuth: { username: 'reader', password: 'pw' }, timeoutMs: 4000 }, recordingLog());
    await prometheus.ruleGroups();
    await prometheus.instant('up');
    expect(requests.map((request) => [request.method, request.url, request.headers.authorization])).toEqual([
      ['GET', '/api/v1/rules', `Basic ${Buffer.from('reader:pw').toString('base64')}`],
      ['POST', '/api/v1/query', `Basic ${Buffer.from('reader:pw').toString('base64')}`],
    ]);
    // The query tells Prometheus to stop evaluating when what is left of the 4 s has passed.
    expect(new URLSearchParams(requests[1]?.body).get('timeout')).toMatch(/^[1-4]s$/);
  });

  it('Prometheus: a rules read that hangs ends at prometheus-timeout-seconds, naming it', async () => {
    const { url } = await scriptedServer(['hang']);
    const failure = await failureOf(createPrometheusClient({ url, basicAuth: undefined, timeoutMs: 1000 }, recordingLog()).ruleGroups());
    expect((failure as Error).message).toBe(
      `Prometheus at ${url.href.replace(/\/$/, '')} did not answer api/v1/rules within 1 s (prometheus-timeout-seconds). Check prometheus-url and the network, or raise prometheus-timeout-seconds.`,
    );
  });
});
