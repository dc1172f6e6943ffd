import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionsExecRunner } from '../../src/clients/exec.js';
import { createKubectl } from '../../src/clients/kubectl.js';
import { createPromtool, type Promtool } from '../../src/clients/promtool.js';
import { createS3Gateway } from '../../src/clients/s3.js';
import { loadConfig } from '../../src/config/load.js';
import { alertsGate } from '../../src/gates/alerts.js';
import { runGates } from '../../src/run.js';
import { silentLogger } from '../../src/util/logger.js';
import { Cancellation } from '../../src/util/cancellation.js';
import { recordingHost } from '../support/host.js';
import { recordingRunner, type RecordedCall, type ScriptedAnswer } from '../support/recording-runner.js';
import { readerOf } from '../support/s3.js';
import type { GateOutcome } from '../../src/verdict.js';

const base = {
  'app-env': 'staging',
  's3-bucket': 'chat-attachments-staging',
  's3-endpoint': 'http://127.0.0.1:9',
  'alerts-runbook-url': 'https://runbooks.test/chat.md',
};
const APPLY_OK = 'prometheusrule.monitoring.coreos.com/chat-attachment-lifecycle-staging serverside-applied\n';

/** Runs the alerts gate with kubectl behind a recording fake and the real promtool (unless replaced). */
async function runAlerts(
  inputs: Record<string, string>,
  kubectl: (call: RecordedCall) => ScriptedAnswer,
  promtool?: Promtool,
): Promise<{ result: GateOutcome; calls: RecordedCall[] }> {
  const config = loadConfig(readerOf({ ...base, ...inputs }), tmpdir());
  const { runner, calls } = recordingRunner(kubectl);
  const result = await alertsGate.run({
    config,
    s3: createS3Gateway(config.s3, silentLogger), // never called by this gate
    log: silentLogger,
    now: () => new Date(),
    previous: [],
    cancellation: new Cancellation(),
    kubectl: createKubectl(runner, silentLogger),
    promtool: promtool ?? createPromtool(actionsExecRunner()),
  });
  return { result, calls };
}

const applyCall = (calls: RecordedCall[]) => calls.find((call) => call.args.includes('apply'));

describe('alerts gate with kubectl behind the interface (no cluster needed)', () => {
  it('dry-run with a context runs the exact server-side dry run with the manifest on stdin, and PASSes', async () => {
    const { result, calls } = await runAlerts({ 'k8s-context': 'staging-admin', 'k8s-namespace': 'observability' }, () => ({
      exitCode: 0,
      stdout: APPLY_OK.replace('\n', ' (server dry run)\n'),
    }));
    expect(calls.map((call) => [call.command, ...call.args])).toEqual([
      [
        'kubectl',
        '--context',
        'staging-admin',
        '--namespace',
        'observability',
        '--request-timeout=30s',
        'apply',
        '--server-side',
        '--field-manager=surreal-release-gates',
        '--dry-run=server',
        '-f',
        '-',
      ],
    ]);
    const manifest = parse(applyCall(calls)?.input ?? '') as { kind: string; metadata: { name: string; labels: Record<string, string> } };
    expect(manifest.kind).toBe('PrometheusRule');
    expect(manifest.metadata.name).toBe('chat-attachment-lifecycle-staging');
    expect(manifest.metadata.labels.release).toBe('kube-prometheus-stack');
    expect(result.status).toBe('PASS');
    expect(result.summary).toBe('chat-attachment-lifecycle-staging passed a server-side dry run on staging-admin.');
    expect(result.findings.map((finding) => finding.message)).toContain(
      'kubectl apply (server dry run): prometheusrule.monitoring.coreos.com/chat-attachment-lifecycle-staging serverside-applied (server dry run)',
    );
    expect(result.facts).toContainEqual({ label: 'Cluster context', value: 'staging-admin' });
    expect(result.facts.find((fact) => fact.label === 'Rule check')?.value).toMatch(/^promtool check rules \(promtool, version \d+\.\d+\.\d+[^ ]*\)$/);
  });

  it('apply runs the same command without --dry-run=server', async () => {
    const { result, calls } = await runAlerts({ 'alerts-mode': 'apply', 'k8s-context': 'staging-admin' }, () => ({ exitCode: 0, stdout: APPLY_OK }));
    expect(applyCall(calls)?.args).toEqual([
      '--context',
      'staging-admin',
      '--namespace',
      'monitoring',
      '--request-timeout=30s',
      'apply',
      '--server-side',
      '--field-manager=surreal-release-gates',
      '-f',
      '-',
    ]);
    expect(result.status).toBe('PASS');
    expect(result.summary).toBe('chat-attachment-lifecycle-staging applied to staging-admin namespace monitoring.');
  });

  it('finds the cluster context with kubectl config current-context when k8s-context is unset', async () => {
    const { calls, result } = await runAlerts({}, (call) =>
      call.args[0] === 'config' ? { exitCode: 0, stdout: 'kind-chat\n' } : { exitCode: 0, stdout: APPLY_OK },
    );
    expect(calls.map((call) => call.args.slice(0, 2))).toEqual([
      ['config', 'current-context'],
      ['--context', 'kind-chat'],
    ]);
    expect(result.status).toBe('PASS');
  });

  it.each(['dry-run', 'apply'])('a kubectl failure in %s is a FAIL carrying kubectl’s message', async (mode) => {
    const stderr =
      'error: resource mapping not found for name: "chat-attachment-lifecycle-staging" namespace: "" from "STDIN": no matches for kind "PrometheusRule" in version "monitoring.coreos.com/v1"\nensure CRDs are installed first\n';
    const { result } = await runAlerts({ 'alerts-mode': mode, 'k8s-context': 'staging-admin' }, () => ({ exitCode: 1, stderr }));
    expect(result.status).toBe('FAIL');
    expect(result.summary).toContain('no matches for kind "PrometheusRule" in version "monitoring.coreos.com/v1"');
    expect(result.findings.find((finding) => finding.level === 'fail')?.evidence).toContain('kubectl --context staging-admin');
  });

  it('without a cluster context, dry-run is offline validation only and says so (WARN)', async () => {
    const { result, calls } = await runAlerts({}, () => ({ exitCode: 1, stderr: 'error: current-context is not set\n' }));
    expect(applyCall(calls)).toBeUndefined();
    expect(result.status).toBe('WARN');
    expect(result.summary).toBe('chat-attachment-lifecycle-staging validated offline only (no cluster context); 1 warning(s).');
    expect(result.findings.find((finding) => finding.level === 'warn')?.message).toContain('dry-run validated the manifest offline only');
    expect(result.facts).toContainEqual({ label: 'Cluster context', value: 'none (offline validation only)' });
  });

  it('without a cluster context, apply is a FAIL (nothing to apply to)', async () => {
    const { result, calls } = await runAlerts({ 'alerts-mode': 'apply' }, () => 'not-found');
    expect(applyCall(calls)).toBeUndefined();
    expect(result.status).toBe('FAIL');
    expect(result.summary).toContain('alerts-mode apply needs a cluster context');
  });

  it('the S3 mode never implies alerts-mode: mode apply still dry-runs the rule', async () => {
    const { calls } = await runAlerts({ mode: 'apply', 'k8s-context': 'c' }, () => ({ exitCode: 0, stdout: APPLY_OK }));
    expect(applyCall(calls)?.args).toContain('--dry-run=server');
  });

  it('uses the in-process PromQL parse when promtool is not on the PATH, and says so', async () => {
    const { runner } = recordingRunner(() => 'not-found');
    const { result } = await runAlerts({ 'k8s-context': 'c' }, () => ({ exitCode: 0, stdout: APPLY_OK }), createPromtool(runner));
    expect(result.status).toBe('PASS');
    expect(result.facts).toContainEqual({ label: 'Rule check', value: 'in-process PromQL syntax parse (promtool not on the PATH)' });
    expect(result.findings.map((finding) => finding.message)).toContain(
      'promtool is not on the PATH: the 4 expressions passed an in-process PromQL syntax parse (no type checks).',
    );
  });

  it('stops before kubectl when promtool rejects the rules', async () => {
    const rejecting: Promtool = {
      checkRules: async () => ({ version: 'promtool, version 2.42.0', exitCode: 1, output: 'Checking rules.yml\n  FAILED:\n1:1: parse error' }),
    };
    const { result, calls } = await runAlerts({ 'k8s-context': 'c', 'alerts-mode': 'apply' }, () => ({ exitCode: 0 }), rejecting);
    expect(calls).toEqual([]);
    expect(result.status).toBe('FAIL');
    expect(result.summary).toContain('promtool check rules rejected the rules');
  });

  it('warns once when runbook_url is not an absolute URL', async () => {
    const { result } = await runAlerts({ 'alerts-runbook-url': 'docs/alerts/chat-attachment-lifecycle.md', 'k8s-context': 'c' }, () => ({
      exitCode: 0,
      stdout: APPLY_OK,
    }));
    expect(result.status).toBe('WARN');
    expect(result.findings.filter((finding) => finding.level === 'warn')).toHaveLength(1);
  });
});

describe('alerts gate through runGates with the real kubectl (no cluster)', () => {
  let kubeconfigDir: string;
  beforeAll(async () => {
    kubeconfigDir = await mkdtemp(path.join(tmpdir(), 'srg-kube-'));
    // A context whose API server is a closed loopback port: kubectl fails fast, as with a dead cluster.
    await writeFile(
      path.join(kubeconfigDir, 'dead'),
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: dead, cluster: {server: "https://127.0.0.1:9"}}]',
        'users: [{name: dead, user: {token: not-a-real-token}}]',
        'contexts: [{name: dead, context: {cluster: dead, user: dead}}]',
        'current-context: dead',
        '',
      ].join('\n'),
    );
    await writeFile(path.join(kubeconfigDir, 'empty'), 'apiVersion: v1\nkind: Config\n');
  });

  async function run(kubeconfig: string, inputs: Record<string, string>) {
    process.env.KUBECONFIG = path.join(kubeconfigDir, kubeconfig);
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-alerts-'));
    const host = recordingHost({ ...base, gates: 'alerts', ...inputs }, workspace);
    const result = await runGates(host);
    const report = await readFile(path.join(workspace, 'docs/research/chat-attachment-alerts-apply-latest.md'), 'utf8');
    return { result, report, alerts: result?.gates.find((gate) => gate.id === 'alerts') };
  }

  it('dry-run without a context: WARN, report says Mode: dry-run and shows the manifest', async () => {
    const { alerts, report, result } = await run('empty', {});
    expect(alerts?.status).toBe('WARN');
    expect(result?.result).toBe('PASS');
    expect(report).toMatch(/^# Chat attachment alerts \(PrometheusRule\)\n\nResult: WARN\n\nMode: dry-run\n/);
    expect(report).toContain('kind: PrometheusRule');
    expect(report).toContain('offline validation only');
  });

  it('apply against an unreachable cluster: FAIL with kubectl’s own message, report says Mode: apply', async () => {
    const { alerts, report, result } = await run('dead', { 'alerts-mode': 'apply' });
    expect(alerts?.status).toBe('FAIL');
    expect(result?.result).toBe('FAIL');
    expect(alerts?.summary).toMatch(/kubectl apply failed: .*127\.0\.0\.1:9.*(refused|connect)/);
    expect(report).toContain('Result: FAIL\n\nMode: apply\n');
    expect(report).toContain(
      '$ kubectl --context dead --namespace monitoring --request-timeout=30s apply --server-side --field-manager=surreal-release-gates -f -',
    );
  });
});
