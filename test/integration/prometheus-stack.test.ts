import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/cli/local-s3.js';
import { EXPECTED_ALERTS, renderPrometheusRule, ruleFileYaml } from '../../src/alerts/manifest.js';
import { createPrometheusClient } from '../../src/clients/prometheus.js';
import { loadConfig } from '../../src/config/load.js';
import { GROWTH_METRICS } from '../../src/growth/metrics.js';
import { runGates } from '../../src/run.js';
import { silentLogger } from '../../src/util/logger.js';
import { startBasicAuthProxy } from '../support/auth-proxy.js';
import { recordingHost } from '../support/host.js';
import { seedObjects } from '../support/objects.js';
import { startPrometheusStack, type PrometheusStack } from '../support/prometheus.js';
import { rawClient, readerOf, testInputs, uniqueBucket } from '../support/s3.js';

const DAY = 86_400_000;
let stack: PrometheusStack;
let kubeconfig: string;

beforeAll(async () => {
  stack = await startPrometheusStack();
  // No cluster context: the alerts gate validates offline; never reaches a developer's real cluster.
  kubeconfig = path.join(await mkdtemp(path.join(tmpdir(), 'srg-kube-')), 'config');
  await writeFile(kubeconfig, 'apiVersion: v1\nkind: Config\n');
  process.env.KUBECONFIG = kubeconfig;
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

/** One series of an instant query: its labels and its value. */
interface InstantSample {
  readonly metric: Readonly<Record<string, string>>;
  readonly value: number;
}

const uniqueEnv = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}`;

async function run(inputs: Record<string, string>, now: () => Date = () => new Date()) {
  const workspace = await mkdtemp(path.join(tmpdir(), 'srg-prom-ws-'));
  const host = recordingHost(testInputs(inputs), workspace, now);
  const result = await runGates(host);
  return { host, result, workspace };
}

/** Polls an instant query until `accept` holds (Prometheus scrapes the Pushgateway every second). */
async function waitForQuery(expr: string, accept: (samples: InstantSample[]) => boolean, timeoutMs = 20_000): Promise<InstantSample[]> {
  const prometheus = createPrometheusClient({ url: new URL(stack.prometheusUrl), basicAuth: undefined, timeoutMs: 10_000 }, silentLogger);
  const deadline = Date.now() + timeoutMs;
  let last: InstantSample[] = [];
  while (Date.now() < deadline) {
    last = (await prometheus.instant(expr)).map((series) => ({ metric: series.labels, value: series.samples[0]?.value ?? Number.NaN }));
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${expr}: not satisfied within ${timeoutMs} ms; last answer ${JSON.stringify(last)}\n${await stack.logs()}`);
}

function selector(env: string): string {
  return `env="${env}",prefix="chat-attachments/${env}/"`;
}

describe('growth gate -> Pushgateway -> Prometheus (real servers)', () => {
  it('pushes the gauges; Prometheus scrapes them with env and prefix labels', async () => {
    const env = uniqueEnv('push');
    const bucket = uniqueBucket('growth-push');
    await seedObjects(rawClient(), bucket, [`chat-attachments/${env}/a.bin`, `chat-attachments/${env}/a.json`, `chat-attachments/${env}/b.bin`], () => 100);
    const { result, host } = await run({ 's3-bucket': bucket, 'app-env': env, gates: 'growth', 'pushgateway-url': stack.pushgatewayUrl });
    expect(result?.gates[0]?.status).toBe('PASS');
    expect(host.logs.some((line) => line.includes('Pushed 10 sample(s)'))).toBe(true);

    const objects = await waitForQuery(`${GROWTH_METRICS.objects}{${selector(env)}}`, (samples) => samples.length === 1);
    expect(objects[0]?.value).toBe(3);
    expect(objects[0]?.metric).toMatchObject({ job: 'chat_attachment_growth', env, prefix: `chat-attachments/${env}/` });
    const bytes = await waitForQuery(`${GROWTH_METRICS.bytes}{${selector(env)}}`, (samples) => samples.length === 1);
    expect(bytes[0]?.value).toBe(300);
    const kinds = await waitForQuery(`${GROWTH_METRICS.objectsByKind}{${selector(env)}}`, (samples) => samples.length === 3);
    expect(Object.fromEntries(kinds.map((sample) => [sample.metric.kind, sample.value]))).toEqual({ bin: 2, json: 1, other: 0 });
    const passed = await waitForQuery(`${GROWTH_METRICS.gatePassed}{${selector(env)}}`, (samples) => samples.length === 1);
    expect(passed[0]?.value).toBe(1);
    const lastRun = await waitForQuery(`${GROWTH_METRICS.lastRun}{${selector(env)}}`, (samples) => samples.length === 1);
    expect(Math.abs((lastRun[0]?.value ?? 0) - Date.now() / 1000)).toBeLessThan(60);
  });

  it('a FAIL pushes overdue objects and passed=0, and the loaded rules take the alerts to pending', async () => {
    const env = uniqueEnv('overdue');
    const bucket = uniqueBucket('growth-overdue');
    await seedObjects(rawClient(), bucket, [`chat-attachments/${env}/old.bin`, `chat-attachments/${env}/old.json`], () => 10);
    const config = loadConfig(readerOf({ 'app-env': env, 's3-bucket': bucket }), tmpdir());
    const manifest = renderPrometheusRule({
      env,
      basePrefix: config.prefix,
      labels: config.alerts.ruleLabels,
      runbookUrl: config.alerts.runbookUrl,
      growthPercent: 25,
      staleHours: 26,
    });

    const { result } = await run(
      { 's3-bucket': bucket, 'app-env': env, gates: 'growth', 'pushgateway-url': stack.pushgatewayUrl },
      () => new Date(Date.now() + 40 * DAY),
    );
    expect(result?.gates[0]?.status).toBe('FAIL');
    const overdue = await waitForQuery(`${GROWTH_METRICS.overdue}{${selector(env)}}`, (samples) => samples[0]?.value === 2);
    expect(overdue).toHaveLength(1);
    // Rules loaded once the push has been scraped: loaded earlier, the stale alert's absent()
    // arm would go pending for the evaluations before that first scrape.
    await stack.loadRuleFile(`${env}.yml`, ruleFileYaml(manifest.spec));
    const alerts = await waitForQuery(`ALERTS{${selector(env)}}`, (samples) => samples.length >= 2);
    expect(alerts.map((sample) => [sample.metric.alertname, sample.metric.alertstate]).sort()).toEqual([
      ['ChatAttachmentGrowthGateFailing', 'pending'],
      ['ChatAttachmentLifecycleOverdueObjects', 'pending'],
    ]);
  });

  it('a Pushgateway that cannot be reached makes the growth gate ERROR after bounded, logged retries', async () => {
    const bucket = uniqueBucket('growth-nopush');
    await seedObjects(rawClient(), bucket, ['chat-attachments/ci/a.bin']);
    const started = Date.now();
    const closed = await freePort();
    const { result, host } = await run({ 's3-bucket': bucket, gates: 'growth', 'pushgateway-url': `http://127.0.0.1:${closed}` });
    const growth = result?.gates[0];
    expect(growth?.status).toBe('ERROR');
    expect(growth?.findings.find((finding) => finding.level === 'error')?.message).toMatch(
      /Could not push the growth gauges: Pushgateway PUT http:\/\/127\.0\.0\.1:\d+\/metrics\/job\/chat_attachment_growth\/.* failed after 3 attempt\(s\): ECONNREFUSED/,
    );
    expect(host.logs.filter((line) => line.startsWith('warning Pushgateway PUT'))).toHaveLength(2);
    // A client's retry notice is an annotation too, titled with the action.
    expect(host.annotations.filter((annotation) => annotation.message.startsWith('Pushgateway PUT')).map((annotation) => annotation.title)).toEqual([
      'surreal-release-gates',
      'surreal-release-gates',
    ]);
    expect(host.outputs['growth-objects']).toBe('1');
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('alerts gate -> Prometheus /api/v1/rules (real Prometheus)', () => {
  it('sees the rule group loaded and healthy after the rule file from the manifest spec is loaded and Prometheus reloaded', async () => {
    const env = uniqueEnv('rules');
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-alerts-ws-'));
    // Render through the gate itself first (offline), then load the spec of the manifest it reported.
    const first = recordingHost(testInputs({ 'app-env': env, 's3-bucket': 'unused-bucket', gates: 'alerts' }), workspace);
    await runGates(first);
    const report = await readFile(path.join(workspace, 'docs/research/chat-attachment-alerts-apply-latest.md'), 'utf8');
    const manifestText = /```yaml\n([\s\S]*?)\n```/.exec(report)?.[1] ?? '';
    const { parse } = await import('yaml');
    await stack.loadRuleFile(`${env}.yml`, ruleFileYaml((parse(manifestText) as { spec: unknown }).spec));

    const host = recordingHost(
      testInputs({
        'app-env': env,
        's3-bucket': 'unused-bucket',
        gates: 'alerts',
        'prometheus-url': stack.prometheusUrl,
        'alerts-verify-timeout-seconds': '30',
      }),
      workspace,
    );
    const result = await runGates(host);
    const alerts = result?.gates.find((gate) => gate.id === 'alerts');
    expect(alerts?.status).toBe('WARN'); // no cluster context: offline validation, and a relative runbook_url
    const loaded = alerts?.findings.find((finding) => finding.message.includes('has rule group'));
    expect(loaded?.message).toContain(`has rule group chat-attachment-lifecycle-${env} loaded; all ${EXPECTED_ALERTS.length} alerts evaluate without error`);
    expect(alerts?.findings.some((finding) => finding.level === 'fail' || finding.level === 'error')).toBe(false);
  });

  it('FAILs after alerts-verify-timeout-seconds when the group is not loaded, naming what it saw', async () => {
    const env = uniqueEnv('missing');
    const started = Date.now();
    const { result } = await run({
      'app-env': env,
      's3-bucket': 'unused-bucket',
      gates: 'alerts',
      'prometheus-url': stack.prometheusUrl,
      'alerts-verify-timeout-seconds': '3',
    });
    const alerts = result?.gates.find((gate) => gate.id === 'alerts');
    expect(alerts?.status).toBe('FAIL');
    expect(alerts?.summary).toContain(`did not show rule group chat-attachment-lifecycle-${env} loaded and evaluated within 3 s`);
    expect(alerts?.summary).toContain('alerts-mode is dry-run, so this run applied nothing');
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reads /api/v1/rules with prometheus-username and prometheus-password through a proxy that asks for them; without them FAILs naming the inputs', async () => {
    const env = uniqueEnv('auth');
    const config = loadConfig(readerOf({ 'app-env': env, 's3-bucket': 'unused-bucket' }), tmpdir());
    const manifest = renderPrometheusRule({
      env,
      basePrefix: config.prefix,
      labels: config.alerts.ruleLabels,
      runbookUrl: config.alerts.runbookUrl,
      growthPercent: 25,
      staleHours: 26,
    });
    await stack.loadRuleFile(`${env}.yml`, ruleFileYaml(manifest.spec));
    const proxy = await startBasicAuthProxy(stack.prometheusUrl, 'rules-reader', 'n0t:shown');
    try {
      const inputs = { 'app-env': env, 's3-bucket': 'unused-bucket', gates: 'alerts', 'prometheus-url': proxy.url, 'alerts-verify-timeout-seconds': '30' };
      const withCredentials = await run({ ...inputs, 'prometheus-username': 'rules-reader', 'prometheus-password': 'n0t:shown' });
      const loaded = withCredentials.result?.gates.find((gate) => gate.id === 'alerts');
      expect(loaded?.findings.map((finding) => finding.message)).toContainEqual(
        expect.stringContaining(`has rule group chat-attachment-lifecycle-${env} loaded`),
      );
      expect(loaded?.findings.some((finding) => finding.level === 'fail' || finding.level === 'error')).toBe(false);
      expect(withCredentials.host.masked).toContain('n0t:shown');
      expect(proxy.authorizations).toContain(`Basic ${Buffer.from('rules-reader:n0t:shown').toString('base64')}`);

      const without = await run(inputs);
      const denied = without.result?.gates.find((gate) => gate.id === 'alerts');
      expect(denied?.status).toBe('FAIL');
      expect(denied?.summary).toContain(
        '/api/v1/rules with HTTP 401: no credentials were sent. Set prometheus-username and prometheus-password (from secrets).',
      );
      expect(proxy.authorizations).toContain(undefined);
    } finally {
      await proxy.close();
    }
  });

  it('FAILs, naming the URL, when Prometheus cannot be reached', async () => {
    const started = Date.now();
    const closed = await freePort();
    const { result } = await run({ 's3-bucket': 'unused-bucket', gates: 'alerts', 'prometheus-url': `http://127.0.0.1:${closed}` });
    const alerts = result?.gates.find((gate) => gate.id === 'alerts');
    expect(alerts?.status).toBe('FAIL');
    expect(alerts?.summary).toMatch(
      /Could not read the rules from Prometheus: Prometheus GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/rules failed after 3 attempt\(s\): ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
