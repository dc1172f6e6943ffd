import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { requestWithRetry } from '../../src/clients/http.js';
import { createPrometheusApi } from '../../src/clients/prometheus.js';
import { createPushgateway } from '../../src/clients/pushgateway.js';
import type { Logger } from '../../src/util/logger.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A loopback HTTP server answering each request from a script: [status, body] or 'hang'. */
async function scriptedServer(answers: ([number, string] | 'hang')[]): Promise<{ url: URL; requests: { method: string; url: string; body: string }[] }> {
  const requests: { method: string; url: string; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', body });
      const answer = answers[Math.min(requests.length - 1, answers.length - 1)] ?? [500, 'no script'];
      if (answer === 'hang') return;
      response.writeHead(answer[0], { 'content-type': 'text/plain' }).end(answer[1]);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`), requests };
}

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: () => undefined, info: (m) => lines.push(`info ${m}`), warning: (m) => lines.push(`warning ${m}`), error: (m) => lines.push(`error ${m}`), group: (_n, body) => body() };
}

const fast = { timeoutMs: 300, attempts: 3, backoffMs: 10 };

describe('HTTP calls to monitoring services: timeout per attempt, bounded logged retries', () => {
  it('retries 5xx and succeeds on the third attempt, logging each retry', async () => {
    const { url, requests } = await scriptedServer([[503, 'busy'], [502, 'bad gateway'], [200, 'ok']]);
    const log = recordingLog();
    const answer = await requestWithRetry('Test', url, { method: 'GET' }, log, fast);
    expect(answer).toEqual({ status: 200, body: 'ok' });
    expect(requests).toHaveLength(3);
    expect(log.lines).toEqual([`warning Test GET ${url.href}: retry 1 of 2 after HTTP 503: busy`, `warning Test GET ${url.href}: retry 2 of 2 after HTTP 502: bad gateway`]);
  });

  it('gives up after the last attempt with the last problem', async () => {
    const { url, requests } = await scriptedServer([[500, 'down']]);
    await expect(requestWithRetry('Test', url, { method: 'GET' }, recordingLog(), fast)).rejects.toThrow(`Test GET ${url.href} failed after 3 attempt(s): HTTP 500: down.`);
    expect(requests).toHaveLength(3);
  });

  it('times out each attempt of a server that never answers', async () => {
    const { url, requests } = await scriptedServer(['hang']);
    const started = Date.now();
    await expect(requestWithRetry('Test', url, { method: 'GET' }, recordingLog(), fast)).rejects.toThrow('no answer within 0.3 s');
    expect(requests).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('does not retry a 4xx: the Pushgateway rejection is reported with its body', async () => {
    const { url, requests } = await scriptedServer([[400, 'pushed metrics are invalid or inconsistent with existing metrics']]);
    const pushgateway = createPushgateway(url, recordingLog(), fast);
    await expect(pushgateway.push({ job: 'j', grouping: { env: 'ci' }, body: 'x 1\n', method: 'PUT' })).rejects.toThrow('answered HTTP 400: pushed metrics are invalid');
    expect(requests).toEqual([{ method: 'PUT', url: '/metrics/job/j/env@base64/Y2k', body: 'x 1\n' }]);
  });

  it('names a Prometheus answer that is not the API (e.g. a login page)', async () => {
    const { url } = await scriptedServer([[200, '<html>login</html>']]);
    await expect(createPrometheusApi(url, recordingLog(), fast).ruleGroups()).rejects.toThrow('is prometheus-url the Prometheus server');
  });
});
