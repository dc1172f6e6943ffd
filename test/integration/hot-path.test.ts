import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/cli/local-s3.js';
import { runGates } from '../../src/run.js';
import { chatChecks, startChatExporter, type ChatExporter } from '../support/chat-exporter.js';
import { startBasicAuthProxy } from '../support/auth-proxy.js';
import { recordingHost, type RecordingHost } from '../support/host.js';
import { startPrometheus, waitForQuery, type PrometheusInstance } from '../support/prometheus-instance.js';
import { testInputs, uniqueBucket } from '../support/s3.js';

const HEALTHY = { requestsPerSecond: 50, latencySeconds: 0.08, errorRatio: 0 };
const SLOW = { requestsPerSecond: 50, latencySeconds: 0.8, errorRatio: 0 };
const ERRORING = { requestsPerSecond: 50, latencySeconds: 0.08, errorRatio: 0.2 };
const IDLE = { requestsPerSecond: 0, latencySeconds: 0.08, errorRatio: 0 };

let exporter: ChatExporter;
let prometheus: PrometheusInstance;

beforeAll(async () => {
  exporter = await startChatExporter({ healthy: HEALTHY, slow: SLOW, erroring: ERRORING, idle: IDLE, degrading: HEALTHY });
  prometheus = await startPrometheus({ targets: [exporter.target], scrapeIntervalSeconds: 1 });
  // Enough scraped history that the 3 s rate windows are full when a gate's window starts.
  await waitForQuery(prometheus.url, 'count_over_time(up{job="chat"}[10s])', (value) => value >= 5);
});

afterAll(async () => {
  await prometheus?.stop();
  await exporter?.close();
});

interface HotPathRun {
  readonly status: string | undefined;
  /** The report with markdown escapes removed, for readable assertions. */
  readonly text: string;
  readonly result: string | undefined;
  readonly report: string;
  readonly seconds: number;
  readonly logs: string[];
  readonly failures: string[];
  readonly annotations: RecordingHost['annotations'];
}

/** The gate through the whole action (config, client, gate, reports, outputs), with a 5 s window at 1 s steps. */
async function runHotPath(checks: string, inputs: Record<string, string> = {}): Promise<HotPathRun> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'srg-hp-'));
  const host = recordingHost(
    testInputs({
      's3-bucket': uniqueBucket('hp'),
      gates: 'hot-path',
      'prometheus-url': prometheus.url,
      'hot-path-checks': checks,
      'hot-path-window': '5s',
      'hot-path-step': '1s',
      ...inputs,
    }),
    workspace,
  );
  const started = performance.now();
  const run = await runGates(host);
  const seconds = (performance.now() - started) / 1000;
  const report = await readFile(path.join(workspace, 'docs/research/hot-path-rollout-latest.md'), 'utf8').catch(() => '');
  const text = report.replace(/\\([\\`*_{}[\]<>|~])/g, '$1');
  return {
    status: run?.gates.find((gate) => gate.id === 'hot-path')?.status,
    text,
    result: run?.result,
    report,
    seconds,
    logs: host.logs,
    failures: host.failures,
    annotations: host.annotations,
  };
}

describe.concurrent('hot-path gate against a real Prometheus scraping a controlled exporter', () => {
  it('healthy: PASS after observing the whole window, every sample within the thresholds', async () => {
    const run = await runHotPath(chatChecks('healthy', { minRequestRate: 10 }));
    expect(run.failures).toEqual([]);
    expect(run.status).toBe('PASS');
    expect(run.result).toBe('PASS');
    expect(run.seconds).toBeGreaterThanOrEqual(4.9);
    expect(run.report).toContain('Result: PASS');
    expect(run.text).toMatch(/p95 latency: PASS\. All [56] samples < 300 ms; worst 97\.5 ms/);
    expect(run.text).toMatch(/5xx ratio: PASS\. All [56] samples < 1 %; worst 0 %/);
    const rate = /request rate: PASS\. All [56] samples >= 10 req\/s; worst ([\d.]+) req\/s/.exec(run.text);
    expect(Number(rate?.[1])).toBeGreaterThan(25); // 50 req/s, give or take the scrape timing
    expect(Number(rate?.[1])).toBeLessThan(75);
    expect(run.report).toContain(
      'histogram\\_quantile(0.95, sum by (le) (rate(chat\\_http\\_request\\_duration\\_seconds\\_bucket\\{service="healthy"\\}\\[3s\\]))) \\* 1000',
    ); // escaped
    expect(run.report).toContain(`](<${prometheus.url}/graph?g0.expr=histogram_quantile%280.95`);
    expect(run.report).toContain('g0.range_input=5s');
    expect(run.report).toContain('6 possible, 5 required');
  });

  it('slow: FAIL on p95 latency, stopped early instead of waiting out the window', async () => {
    const run = await runHotPath(chatChecks('slow'));
    expect(run.status).toBe('FAIL');
    expect(run.result).toBe('FAIL');
    expect(run.seconds).toBeLessThan(4.5);
    expect(run.text).toMatch(/p95 latency: FAIL\. \d+ of \d+ samples? break < 300 ms; worst 975 ms/);
    expect(run.report).toContain('Stopped early at');
    expect(run.failures[0]).toContain('NO-GO');
  });

  it('erroring: FAIL on the 5xx ratio, with the worst sample', async () => {
    const run = await runHotPath(chatChecks('erroring'));
    expect(run.status).toBe('FAIL');
    const worst = /5xx ratio: FAIL\. \d+ of \d+ samples? break < 1 %; worst ([\d.]+) %/.exec(run.text);
    expect(Number(worst?.[1])).toBeGreaterThan(15); // 20 % of the requests fail
    expect(Number(worst?.[1])).toBeLessThan(25);
  });

  it('degrading: healthy at first, slow later: FAIL, with only the later samples breaking', async () => {
    const switchover = setTimeout(() => exporter.setProfile('degrading', SLOW), 2500);
    try {
      const run = await runHotPath(chatChecks('degrading'));
      expect(run.status).toBe('FAIL');
      const match = /p95 latency: FAIL\. (\d+) of (\d+) samples? break/.exec(run.text);
      expect(Number(match?.[1])).toBeGreaterThan(0);
      expect(Number(match?.[1])).toBeLessThan(Number(match?.[2]));
    } finally {
      clearTimeout(switchover);
    }
  });

  it('idle with on-no-data: fail (the default): NO_DATA, explicitly, and FAIL', async () => {
    const run = await runHotPath(chatChecks('idle'));
    expect(run.status).toBe('FAIL');
    expect(run.text).toContain('p95 latency: NO_DATA, so FAIL (on-no-data: fail). No data: every sample is NaN');
    expect(run.text).toContain('| NO_DATA (FAIL by on-no-data) |');
  });

  it('idle with on-no-data: pass: NO_DATA is a passing WARN and the release is GO', async () => {
    const run = await runHotPath(chatChecks('idle'), { 'on-no-data': 'pass' });
    expect(run.status).toBe('WARN');
    expect(run.result).toBe('PASS');
    expect(run.failures).toEqual([]);
    expect(run.text).toContain('5xx ratio: NO_DATA, passed as WARN (on-no-data: pass)');
  });

  it('idle with a minimum request rate: that check tells idle from healthy (FAIL) even with on-no-data: pass', async () => {
    const run = await runHotPath(chatChecks('idle', { minRequestRate: 1 }), { 'on-no-data': 'pass' });
    expect(run.status).toBe('FAIL');
    expect(run.text).toMatch(/request rate: FAIL\. \d+ of \d+ samples? break >= 1 req\/s; worst 0 req\/s/);
  });

  it('a query that matches no series: NO_DATA saying so', async () => {
    const run = await runHotPath(chatChecks('nobody'));
    expect(run.status).toBe('FAIL');
    expect(run.report).toContain('the query returned no series');
  });

  it('too few samples: FAIL when a series has fewer than hot-path-min-samples', async () => {
    // A series born 2 s into the 5 s window cannot give the 6 samples asked for.
    const born = setTimeout(() => exporter.setProfile('late', HEALTHY), 2000);
    try {
      const run = await runHotPath(chatChecks('late'), { 'hot-path-min-samples': '6' });
      expect(run.status).toBe('FAIL');
      expect(run.text).toMatch(/TOO_FEW_SAMPLES\. Too few samples: [0-4], at least 6 required/);
    } finally {
      clearTimeout(born);
    }
  });

  it('a query Prometheus rejects: ERROR at once, naming the check', async () => {
    const run = await runHotPath("- {name: broken, query: 'sum(rate(x[1m])', comparison: '<', threshold: 1}\n");
    expect(run.status).toBe('ERROR');
    expect(run.seconds).toBeLessThan(3);
    expect(run.report).toContain("Check 'broken': Prometheus at");
    expect(run.report).toContain('rejected the query');
    expect(run.report).toContain('Fix the query of');
  });

  it('Prometheus down (closed port): ERROR within prometheus-timeout-seconds, naming the URL', async () => {
    const port = await freePort();
    const run = await runHotPath(chatChecks('healthy'), { 'prometheus-url': `http://127.0.0.1:${port}`, 'prometheus-timeout-seconds': '3' });
    expect(run.status).toBe('ERROR');
    expect(run.seconds).toBeLessThan(3.5);
    expect(run.report).toContain(`Prometheus at http://127.0.0.1:${port} is unreachable (ECONNREFUSED)`);
    expect(run.logs.some((line) => line.includes('retry 1 of 2'))).toBe(true);
  });

  it('Prometheus hanging (accepts, never answers): ERROR after the configured timeout, not hanging', async () => {
    const sockets: Socket[] = [];
    const server: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const run = await runHotPath(chatChecks('healthy'), { 'prometheus-url': `http://127.0.0.1:${port}`, 'prometheus-timeout-seconds': '2' });
      expect(run.status).toBe('ERROR');
      expect(run.seconds).toBeGreaterThanOrEqual(1.9);
      expect(run.seconds).toBeLessThan(4);
      expect(run.report).toContain('did not answer api/v1/query within 2 s (prometheus-timeout-seconds)');
    } finally {
      sockets.forEach((socket) => socket.destroy());
      server.close();
    }
  });

  it('Prometheus stopped during the window: ERROR when the window is judged, within the timeout', async () => {
    const doomed = await startPrometheus({ targets: [exporter.target], scrapeIntervalSeconds: 1 });
    const stopping = new Promise<void>((resolve) => setTimeout(() => void doomed.stop().then(resolve), 1500));
    const run = await runHotPath(chatChecks('healthy'), { 'prometheus-url': doomed.url, 'prometheus-timeout-seconds': '2', 'hot-path-window': '4s' });
    await stopping;
    expect(run.status).toBe('ERROR');
    expect(run.seconds).toBeLessThan(4 + 2 + 1);
    expect(run.report).toContain('is unreachable (ECONNREFUSED)');
    expect(run.logs.some((line) => line.includes('poll failed, the final query decides'))).toBe(true);
    // The gate's own warning is an annotation titled with the gate; the client's retry notices with the action.
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', title: 'surreal-release-gates: hot-path', message: expect.stringContaining('poll failed') }),
    );
    expect(run.annotations.filter((annotation) => annotation.title === undefined)).toEqual([]);
  });

  it('behind an auth proxy: sends basic auth from prometheus-url, masks the password; a wrong one is an ERROR naming the credentials', async () => {
    // Prometheus behind a reverse proxy with basic auth (as it is often exposed).
    const proxy = await startBasicAuthProxy(prometheus.url, 'reader', 's3cr%t');
    const port = new URL(proxy.url).port;
    try {
      const ok = await runHotPath(chatChecks('healthy'), { 'prometheus-url': `http://reader:s3cr%25t@127.0.0.1:${port}/`, 'hot-path-window': '2s' });
      expect(ok.status).toBe('PASS');
      expect(ok.report).toContain(`Prometheus: http://127.0.0.1:${port}`);
      const denied = await runHotPath(chatChecks('healthy'), { 'prometheus-url': `http://reader:wrong@127.0.0.1:${port}/`, 'hot-path-window': '2s' });
      expect(denied.status).toBe('ERROR');
      expect(denied.report).toContain('refused access (HTTP 401). Check the credentials: prometheus-username and prometheus-password');
      for (const run of [ok, denied]) {
        expect([run.report, ...run.logs, ...run.failures].join('\n')).not.toMatch(/s3cr%t|s3cr%25t|reader:wrong/);
      }
      // The with: value carried a password, which the runner would have printed: a warning says so.
      expect(ok.annotations).toContainEqual(
        expect.objectContaining({
          level: 'warning',
          title: 'surreal-release-gates: prometheus-url',
          message: expect.stringContaining('prometheus-url carries a password in a URL'),
        }),
      );
    } finally {
      await proxy.close();
    }
  });

  it('behind an auth proxy: sends basic auth from prometheus-username and prometheus-password, with no warning', async () => {
    const proxy = await startBasicAuthProxy(prometheus.url, 'reader', 'pa$$:word');
    try {
      const run = await runHotPath(chatChecks('healthy'), {
        'prometheus-url': proxy.url,
        'prometheus-username': 'reader',
        'prometheus-password': 'pa$$:word',
        'hot-path-window': '2s',
      });
      expect(run.status).toBe('PASS');
      expect(proxy.authorizations.length).toBeGreaterThan(0);
      expect(proxy.authorizations.every((header) => header === `Basic ${Buffer.from('reader:pa$$:word').toString('base64')}`)).toBe(true);
      expect(run.annotations.filter((annotation) => annotation.title === 'surreal-release-gates: prometheus-url')).toEqual([]);
      expect([run.report, ...run.logs, ...run.failures].join('\n')).not.toContain('pa$$:word');
    } finally {
      await proxy.close();
    }
  });
});
