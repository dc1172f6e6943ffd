import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/cli/local-s3.js';
import { createHealthProber, type HealthResult } from '../../src/clients/health.js';
import { parseHealthChecks } from '../../src/config/health-checks.js';
import { runGates } from '../../src/run.js';
import { silentLogger } from '../../src/util/logger.js';
import { recordingHost } from '../support/host.js';
import { startRedis, type RedisInstance } from '../support/redis-instance.js';
import { testInputs, uniqueBucket } from '../support/s3.js';

const PASSWORD = 'redis-pw-7f3a9c';
let redis: RedisInstance;
let redisTls: RedisInstance;
let http: { url: string; close: () => Promise<void> };

/** /health answers 200, /broken 500, /busy 503, /hang never answers, /moved redirects. */
async function startHttpStub(): Promise<{ url: string; close: () => Promise<void> }> {
  const hanging: Socket[] = [];
  const server: Server = createServer((request, response) => {
    if (request.url === '/health') response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    else if (request.url === '/broken') response.writeHead(500).end('down');
    else if (request.url === '/busy') response.writeHead(503).end('busy');
    else if (request.url === '/private')
      response.writeHead(request.headers.authorization === `Basic ${Buffer.from('probe:pa ss').toString('base64')}` ? 200 : 401).end();
    else if (request.url === '/moved') response.writeHead(302, { location: '/login' }).end();
    else if (request.url === '/hang') hanging.push(request.socket);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      hanging.forEach((socket) => socket.destroy());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

beforeAll(async () => {
  [redis, redisTls, http] = await Promise.all([startRedis({ password: PASSWORD }), startRedis({ password: PASSWORD, tls: true }), startHttpStub()]);
});

afterAll(async () => {
  await Promise.all([redis?.stop(), redisTls?.stop(), http?.close()]);
});

async function probe(line: string, defaultTimeoutMs = 10_000): Promise<HealthResult & { seconds: number }> {
  const { targets } = parseHealthChecks(line, defaultTimeoutMs);
  const started = performance.now();
  const [result] = await createHealthProber(silentLogger).probe(targets);
  if (result === undefined) throw new Error('no result');
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

describe.concurrent('health probes against a real redis-server and local HTTP servers', () => {
  it('redis with the right password: healthy, PING answered PONG', async () => {
    const result = await probe(`redis=redis://:${PASSWORD}@127.0.0.1:${redis.port}`);
    expect(result).toMatchObject({ healthy: true, detail: 'PING answered PONG', attempts: 1 });
    expect(result.target).toBe(`redis://:***@127.0.0.1:${redis.port}`);
  });

  it('redis with a user (ACL default user) and a database number: healthy', async () => {
    const result = await probe(`redis=redis://default:${PASSWORD}@127.0.0.1:${redis.port}/0`);
    expect(result.healthy).toBe(true);
  });

  it('redis with a wrong password: unhealthy, naming the authentication problem, no retry', async () => {
    const result = await probe(`redis=redis://:wrong-password@127.0.0.1:${redis.port}`);
    expect(result.healthy).toBe(false);
    expect(result.detail).toContain('authentication failed (WRONGPASS)');
    expect(result.attempts).toBe(1);
    expect(JSON.stringify(result)).not.toContain('wrong-password');
  });

  it('redis without a password where one is required: unhealthy, NOAUTH', async () => {
    const result = await probe(`redis=redis://127.0.0.1:${redis.port}`);
    expect(result.healthy).toBe(false);
    expect(result.detail).toContain('requires a password (NOAUTH)');
  });

  it('redis down: unhealthy within the timeout, after bounded retries', async () => {
    const port = await freePort();
    const result = await probe(`redis=redis://:${PASSWORD}@127.0.0.1:${port} timeout=2s`);
    expect(result.healthy).toBe(false);
    expect(result.detail).toMatch(/unreachable \(ECONNREFUSED\).*\(after [23] attempts\)/);
    expect(result.seconds).toBeLessThan(3.5); // the 2 s budget, plus scheduling slack on a busy machine
  });

  it('rediss:// with a certificate the runner does not trust: unhealthy, TLS named (verification stays on)', async () => {
    const result = await probe(`cache=rediss://:${PASSWORD}@127.0.0.1:${redisTls.port}`);
    expect(result.healthy).toBe(false);
    expect(result.detail).toMatch(/^TLS failed \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT)\)/);
  });

  it('redis:// (plain) against a TLS-only port: unhealthy within the timeout', async () => {
    const result = await probe(`cache=redis://:${PASSWORD}@127.0.0.1:${redisTls.port} timeout=1500ms`);
    expect(result.healthy).toBe(false);
    expect(result.seconds).toBeLessThan(3);
  });

  it('http 200: healthy', async () => {
    const result = await probe(`surrealdb=${http.url}/health`);
    expect(result).toMatchObject({ healthy: true, detail: 'HTTP 200 OK', kind: 'http' });
  });

  it('http 503: unhealthy after bounded retries', async () => {
    const result = await probe(`surrealdb=${http.url}/busy`);
    expect(result.healthy).toBe(false);
    expect(result.detail).toBe('HTTP 503 Service Unavailable, expected 2xx (after 3 attempts)');
  });

  it('http 500: unhealthy at once, not retried (the one HTTP policy retries only 429/502/503/504)', async () => {
    const result = await probe(`surrealdb=${http.url}/broken`);
    expect(result.healthy).toBe(false);
    expect(result.detail).toBe('HTTP 500 Internal Server Error, expected 2xx');
    expect(result.attempts).toBe(1);
  });

  it('http with user:password@: sent as basic auth, the password shown nowhere', async () => {
    const port = new URL(http.url).port;
    const result = await probe(`api=http://probe:pa%20ss@127.0.0.1:${port}/private`);
    expect(result).toMatchObject({ healthy: true, detail: 'HTTP 200 OK', target: `http://probe:***@127.0.0.1:${port}/private` });
    const wrong = await probe(`api=http://probe:nope@127.0.0.1:${port}/private`);
    expect(wrong).toMatchObject({ healthy: false, detail: 'HTTP 401 Unauthorized, expected 2xx' });
  });

  it('http redirect: unhealthy, not followed', async () => {
    const result = await probe(`surrealdb=${http.url}/moved`);
    expect(result.healthy).toBe(false);
    expect(result.detail).toContain('redirected to /login');
  });

  it('http hanging: unhealthy when the timeout runs out, not later', async () => {
    const result = await probe(`surrealdb=${http.url}/hang timeout=1500ms`);
    expect(result.healthy).toBe(false);
    expect(result.detail).toContain('no answer within 1.5 s');
    expect(result.seconds).toBeGreaterThanOrEqual(1.4);
    expect(result.seconds).toBeLessThan(3);
  });

  it('http down (closed port): unhealthy, unreachable', async () => {
    const port = await freePort();
    const result = await probe(`minio=http://127.0.0.1:${port}/minio/health/live timeout=2s`);
    expect(result.healthy).toBe(false);
    expect(result.detail).toContain('unreachable (ECONNREFUSED)');
  });
});

describe('rediss:// with a trusted CA', () => {
  it('is healthy: TLS, password and PING through the real TLS port', async () => {
    const defaults = tls.getCACertificates('default');
    tls.setDefaultCACertificates([...defaults, redisTls.caPem ?? '']);
    try {
      const result = await probe(`cache=rediss://:${PASSWORD}@127.0.0.1:${redisTls.port}`);
      expect(result).toMatchObject({ healthy: true, detail: 'PING answered PONG' });
    } finally {
      tls.setDefaultCACertificates(defaults);
    }
  });
});

describe('go/no-go with health-checks, through the whole action', () => {
  async function run(healthChecks: string) {
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-health-'));
    const host = recordingHost(testInputs({ 's3-bucket': uniqueBucket('health'), 'health-checks': healthChecks }), workspace);
    const result = await runGates(host);
    const report = await readFile(path.join(workspace, 'docs/research/release-gates-surreal-latest.md'), 'utf8');
    return { host, result, report: report.replace(/\\([\\`*_{}[\]<>|~])/g, '$1') };
  }

  it('GO when every service is healthy; each service is a line of the go/no-go report', async () => {
    const { host, result, report } = await run(
      [`surrealdb=${http.url}/health`, `redis=redis://:${PASSWORD}@127.0.0.1:${redis.port}`, '# comments and blank lines are skipped', ''].join('\n'),
    );
    expect(host.failures).toEqual([]);
    expect(result?.result).toBe('PASS');
    expect(report).toContain('Result: PASS');
    expect(report).toContain(`| surrealdb | ${http.url}/health | healthy | HTTP 200 OK |`);
    expect(report).toContain(`| redis | redis://:***@127.0.0.1:${redis.port} | healthy | PING answered PONG |`);
    expect(report).toContain('- Services: 2 of 2 healthy');
  });

  it('NO-GO when one service is unhealthy, even though every gate passed; the password appears nowhere', async () => {
    const { host, result, report } = await run(`surrealdb=${http.url}/health\nredis=redis://:not-the-password@127.0.0.1:${redis.port}`);
    expect(result?.result).toBe('FAIL');
    expect(result?.gates.filter((gate) => gate.id !== 'go-no-go').every((gate) => gate.status === 'PASS')).toBe(true);
    expect(report).toContain('Result: FAIL');
    expect(report).toContain('Service redis is unhealthy: authentication failed (WRONGPASS)');
    expect(report).toContain('| redis | redis://:***@');
    expect(host.failures).toHaveLength(1);
    expect(host.failures[0]).toContain('redis unhealthy');
    expect(host.masked).toContain('not-the-password');
    const everything = [report, host.summary, ...host.logs, ...host.failures, JSON.stringify(host.outputs)].join('\n');
    expect(everything).not.toContain('not-the-password');
  });

  it('a bad health-checks line stops the run before any request, naming the line without echoing the password', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-health-'));
    const host = recordingHost(
      testInputs({ 's3-bucket': uniqueBucket('health'), 'health-checks': `surrealdb=${http.url}/health\nredis redis://:sekret-value@127.0.0.1:${redis.port}` }),
      workspace,
    );
    expect(await runGates(host)).toBeUndefined();
    expect(host.failures).toHaveLength(1);
    expect(host.failures[0]).toMatch(
      /^Invalid input 'health-checks': got "line 2 \(redis redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\): no valid name before =". Expected one 'name=url' per line/,
    );
    expect([...host.failures, host.summary, ...host.logs].join('\n')).not.toContain('sekret-value');
    await expect(readFile(path.join(workspace, 'docs/research/release-gates-surreal-latest.md'))).rejects.toThrow();
  });
});
