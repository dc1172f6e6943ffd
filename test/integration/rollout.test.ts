import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CreateBucketCommand, DeleteBucketLifecycleCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyArgs } from '../../src/clients/kubectl.js';
import { runGates } from '../../src/run.js';
import { CHECK, repository, rulesetRequiring, TOKEN } from '../support/branch-protection.js';
import { ACTIONS, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { recordingHost, type RecordingHost } from '../support/host.js';
import { appliedManifests, createKubectlStandIn, type KubectlStandIn } from '../support/kubectl-stand-in.js';
import { startPrometheusStack, type PrometheusStack } from '../support/prometheus.js';
import { startRuleOperator, type RuleOperator } from '../support/rule-operator.js';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';

/*
 * The whole preset against real parts where the project has them: the local RGW (lifecycle,
 * verify, smoke, growth), a real Prometheus (hot-path queries; the alerts gate's /api/v1/rules),
 * and otherwise the project's doubles: a stand-in kubectl first on PATH (the gate runs kubectl via
 * @actions/exec) whose applies a small rule operator loads into that Prometheus, and the fake
 * GitHub with a compliant ruleset for branch protection.
 */
let stack: PrometheusStack;
let kubectl: KubectlStandIn;
let operator: RuleOperator;
let github: FakeGitHub;
let savedPath: string | undefined;

beforeAll(async () => {
  stack = await startPrometheusStack();
  kubectl = await createKubectlStandIn('staging-admin');
  operator = startRuleOperator(kubectl, stack);
  github = await startFakeGitHub(repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] }), {
    value: TOKEN,
    admin: false,
  });
  savedPath = process.env.PATH;
  process.env.PATH = kubectl.path(savedPath);
}, 60_000);

afterAll(async () => {
  process.env.PATH = savedPath;
  await operator?.stop();
  await github?.close();
  await stack?.stop();
  await kubectl?.remove();
});

const RULE_GROUP = 'chat-attachment-lifecycle-staging';
let callsBefore = 0;
let githubCallsBefore = 0;
beforeEach(async () => {
  // Each run's alerts stage must apply its rule before Prometheus shows it: none is loaded at the start.
  await stack.removeRuleFile(`${RULE_GROUP}.yml`);
  callsBefore = (await kubectl.calls()).length;
  githubCallsBefore = github.calls.length;
});
afterEach(() => {
  expect(github.violations).toEqual([]);
});

const CLOCK = new Date('2026-11-28T05:15:00.000Z');
/** Always 1: the hot path is healthy as far as Prometheus can say, so these tests are about the sequence. */
const HEALTHY_CHECKS = "- {name: always up, query: 'vector(1)', comparison: '>=', threshold: 1}\n";
const STAGES = ['alerts', 'lifecycle', 'verify', 'smoke', 'growth', 'hot-path', 'branch-protection'] as const;
const REPORTS = {
  alerts: 'chat-attachment-alerts-apply',
  lifecycle: 'chat-attachment-lifecycle-policy',
  verify: 'chat-attachment-lifecycle-verify',
  smoke: 'chat-attachment-s3-smoke',
  growth: 'chat-attachment-growth',
  'hot-path': 'hot-path-rollout',
  'branch-protection': 'branch-protection-surreal-release-gates',
} as const;

function rolloutInputs(bucket: string, overrides: Record<string, string> = {}): Record<string, string> {
  return testInputs({
    'app-env': 'staging',
    's3-bucket': bucket,
    gates: 'rollout',
    'prometheus-url': stack.prometheusUrl,
    'hot-path-checks': HEALTHY_CHECKS,
    'hot-path-window': '2s',
    'hot-path-step': '1s',
    'alerts-runbook-url': 'https://runbooks.test/chat-attachment-lifecycle.md',
    'alerts-verify-timeout-seconds': '30',
    'github-token': TOKEN,
    'github-repository': 'octo-org/chat-service',
    ...overrides,
  });
}

/** As on a runner: the GitHub API URL comes from the environment. */
const HOST_ENV = () => ({ GITHUB_API_URL: github.url });

async function createBucket(label: string): Promise<string> {
  const bucket = uniqueBucket(label);
  await rawClient().send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

/** A recording host whose log groups (one per gate run) can trigger an action first, e.g. a concurrent change on the server. */
function hostWithHook(inputs: Record<string, string>, workspace: string, before: (group: string, count: number) => Promise<void>): RecordingHost {
  const base = recordingHost(inputs, workspace, () => new Date(), HOST_ENV());
  const log = base.log;
  const counts = new Map<string, number>();
  return Object.assign(base, {
    log: {
      ...log,
      group: async <T>(name: string, body: () => Promise<T>): Promise<T> => {
        const count = (counts.get(name) ?? 0) + 1;
        counts.set(name, count);
        await before(name, count);
        return log.group(name, body);
      },
    },
  });
}

/** Each gate's summary: the failure message when a status is not the expected one. */
const summaries = (result: Awaited<ReturnType<typeof runGates>>) => (result?.gates ?? []).map((gate) => `${gate.id}: ${gate.summary}`).join('\n');
const gateRuns = (host: RecordingHost, id: string) => host.logs.filter((line) => line === `group Gate ${id}`).length;
const allGateRuns = (host: RecordingHost) => Object.fromEntries(STAGES.map((id) => [id, gateRuns(host, id)]));
const report = (workspace: string, name: string) => readFile(path.join(workspace, 'docs/research', name), 'utf8');
/** kubectl calls made during this test, and the apply among them. */
async function kubectlCallsOfThisTest(): Promise<string[]> {
  return (await kubectl.calls()).slice(callsBefore);
}
const APPLY = applyArgs({ context: 'staging-admin', namespace: 'monitoring' }, false).join(' ');

describe('gates: rollout (the runbook live sequence) against the local RGW and a real Prometheus', () => {
  it('stops at the first failing stage; the stages not reached say NOT RUN in their reports, and the evidence is archived', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-rollout-'));
    // The rollout has no bucket stage: a missing bucket fails lifecycle apply, the first S3 stage
    // (right after alerts apply), so everything after it is NOT RUN.
    const host = recordingHost(rolloutInputs(uniqueBucket('missing')), workspace, () => CLOCK, HOST_ENV());
    const result = await runGates(host);
    expect(
      result?.gates.map((gate) => [gate.id, gate.status]),
      summaries(result),
    ).toEqual([
      ['alerts', 'PASS'],
      ['lifecycle', 'FAIL'],
      ['verify', 'NOT RUN'],
      ['smoke', 'NOT RUN'],
      ['growth', 'NOT RUN'],
      ['hot-path', 'NOT RUN'],
      ['branch-protection', 'NOT RUN'],
      ['go-no-go', 'FAIL'],
    ]);
    // The retry is for verify only; no stage after lifecycle ran.
    expect(allGateRuns(host)).toEqual({ alerts: 1, lifecycle: 1, verify: 0, smoke: 0, growth: 0, 'hot-path': 0, 'branch-protection': 0 });
    expect(result?.result).toBe('FAIL');
    expect(host.outputs['failed-gates']).toBe('lifecycle,verify,smoke,growth,hot-path,branch-protection');
    expect(github.calls.length - githubCallsBefore).toBe(0); // branch protection was never asked
    expect(result?.s3Requests.PutObjectCommand ?? 0).toBe(0); // smoke wrote nothing

    for (const id of ['verify', 'smoke', 'growth', 'hot-path', 'branch-protection'] as const) {
      const text = await report(workspace, `${REPORTS[id]}-latest.md`);
      expect(text, id).toContain('Result: NOT RUN');
      expect(text, id).toContain('Stopped at lifecycle (FAIL)');
      expect(text, id).toContain('gates: rollout forces fail-fast');
    }
    const lifecycle = await report(workspace, 'chat-attachment-lifecycle-policy-latest.md');
    expect(lifecycle).toContain('Result: FAIL');
    expect(lifecycle).toContain('Mode: apply');
    const alerts = await report(workspace, 'chat-attachment-alerts-apply-latest.md');
    expect(alerts).toContain('Result: PASS\n\nMode: apply\n');
    expect(await kubectlCallsOfThisTest()).toEqual(['config current-context', APPLY]);

    const archived = (host.outputs['archived-reports'] ?? '').split(',').map((file) => path.basename(file));
    expect(archived.sort()).toEqual(
      [
        ...STAGES.map((id) => `${REPORTS[id]}-staging-20261128T051500Z.md`),
        'release-gates-surreal-staging-20261128T051500Z.md',
        'release-gates-surreal-staging-20261128T051500Z.json',
      ].sort(),
    );
    expect(await report(workspace, 'hot-path-rollout-staging-20261128T051500Z.md')).toBe(await report(workspace, 'hot-path-rollout-latest.md'));
    expect(await report(workspace, 'branch-protection-surreal-release-gates-staging-20261128T051500Z.md')).toBe(
      await report(workspace, 'branch-protection-surreal-release-gates-latest.md'),
    );
  });

  it('verify fails once (the rule vanished after apply): lifecycle is applied once more, verify passes, the rollout goes on to GO', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-rollout-'));
    const bucket = await createBucket('retry');
    // What the runbook's retry is for: something (another owner of the configuration) removed the rule after apply.
    const host = hostWithHook(rolloutInputs(bucket), workspace, async (group, count) => {
      if (group === 'Gate verify' && count === 1) await rawClient().send(new DeleteBucketLifecycleCommand({ Bucket: bucket }));
    });
    const result = await runGates(host);
    expect(
      result?.gates.map((gate) => [gate.id, gate.status]),
      summaries(result),
    ).toEqual([
      ['alerts', 'PASS'],
      ['lifecycle', 'PASS'],
      ['verify', 'PASS'],
      ['smoke', 'PASS'],
      ['growth', 'PASS'],
      ['hot-path', 'PASS'],
      ['branch-protection', 'PASS'],
      ['go-no-go', 'PASS'],
    ]);
    expect(allGateRuns(host)).toEqual({ alerts: 1, lifecycle: 2, verify: 2, smoke: 1, growth: 1, 'hot-path': 1, 'branch-protection': 1 });
    expect(host.failures).toEqual([]);
    expect(result?.result).toBe('PASS');
    expect(host.logs.filter((line) => line.startsWith('warning Retry: verify was FAIL'))).toHaveLength(1);

    const verify = await report(workspace, 'chat-attachment-lifecycle-verify-latest.md');
    expect(verify).toContain('Result: PASS');
    expect(verify).toContain('Attempt 2 of 2 (runbook retry). Attempt 1 was FAIL');
    const lifecycle = await report(workspace, 'chat-attachment-lifecycle-policy-latest.md');
    expect(lifecycle).toContain('Re-run once because verify did not pass (runbook retry)');
    expect(lifecycle).toMatch(/Applied: surreal-release-gates:chat-attachments\/staging expires/);
    expect(await report(workspace, 'hot-path-rollout-latest.md')).toContain('always up: PASS');

    // alerts apply: the PrometheusRule went to the cluster (the stand-in) and Prometheus loaded its group.
    expect(await kubectlCallsOfThisTest()).toEqual(['config current-context', APPLY]);
    const applied = (await appliedManifests(kubectl)).at(-1)?.text ?? '';
    expect((parse(applied) as { metadata: { name: string } }).metadata.name).toBe(RULE_GROUP);
    const alerts = await report(workspace, 'chat-attachment-alerts-apply-latest.md');
    expect(alerts).toContain('Result: PASS\n\nMode: apply\n');
    expect(alerts).toContain(`has rule group ${RULE_GROUP} loaded`);
    // smoke, growth and branch protection ran for real against their servers.
    expect(await report(workspace, 'chat-attachment-s3-smoke-latest.md')).toContain('Result: PASS');
    expect(result?.s3Requests.PutObjectCommand ?? 0).toBeGreaterThan(0);
    expect(await report(workspace, 'chat-attachment-growth-latest.md')).toContain('Result: PASS');
    expect(await report(workspace, 'branch-protection-surreal-release-gates-latest.md')).toMatch(/^Result: PASS$/m);
    expect(github.calls.length - githubCallsBefore).toBeGreaterThan(0);
    expect(host.masked).toContain(TOKEN);
    for (const name of await readdir(path.join(workspace, 'docs/research'))) expect(await report(workspace, name)).not.toContain(TOKEN);
  });

  it('verify fails again after the one retry: exactly one retry, then the rollout stops', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-rollout-'));
    const bucket = await createBucket('noretry');
    // A retention the lifecycle rule can never satisfy: re-applying does not help.
    const host = recordingHost(rolloutInputs(bucket, { 'expire-days': '30', 'expect-expire-days': '7' }), workspace, () => CLOCK, HOST_ENV());
    const result = await runGates(host);
    expect(
      result?.gates.map((gate) => [gate.id, gate.status]),
      summaries(result),
    ).toEqual([
      ['alerts', 'PASS'],
      ['lifecycle', 'PASS'],
      ['verify', 'FAIL'],
      ['smoke', 'NOT RUN'],
      ['growth', 'NOT RUN'],
      ['hot-path', 'NOT RUN'],
      ['branch-protection', 'NOT RUN'],
      ['go-no-go', 'FAIL'],
    ]);
    expect(allGateRuns(host)).toEqual({ alerts: 1, lifecycle: 2, verify: 2, smoke: 0, growth: 0, 'hot-path': 0, 'branch-protection': 0 });
    expect(host.logs.filter((line) => line.startsWith('warning Retry: verify was FAIL'))).toHaveLength(1);
    expect(host.outputs['failed-gates']).toBe('verify,smoke,growth,hot-path,branch-protection');
    expect(github.calls.length - githubCallsBefore).toBe(0);
    const verify = await report(workspace, 'chat-attachment-lifecycle-verify-latest.md');
    expect(verify).toContain('Result: FAIL');
    expect(verify).toContain('Attempt 2 of 2 (runbook retry). Attempt 1 was FAIL');
    for (const id of ['smoke', 'growth', 'hot-path', 'branch-protection'] as const) {
      const text = await report(workspace, `${REPORTS[id]}-latest.md`);
      expect(text, id).toContain('Result: NOT RUN');
      expect(text, id).toContain('Stopped at verify (FAIL)');
    }
  });
});

describe('archive-evidence through a whole run (clock injected)', () => {
  async function workspaceWithLeftovers(): Promise<string> {
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-archive-run-'));
    const dir = path.join(workspace, 'docs/research');
    await mkdir(dir, { recursive: true });
    // A report from another run and selection, and an archive that already has this run's name.
    await writeFile(path.join(dir, 'hot-path-rollout-latest.md'), 'from an earlier run');
    await writeFile(path.join(dir, 'chat-attachment-lifecycle-verify-ci-20261128T051500Z.md'), 'earlier evidence');
    return workspace;
  }

  it("copies exactly this run's reports to <name>-<env>-<UTC time>, never overwriting, and lists them in archived-reports", async () => {
    const workspace = await workspaceWithLeftovers();
    const host = recordingHost(testInputs({ 's3-bucket': uniqueBucket('archive'), 'archive-evidence': 'true' }), workspace, () => CLOCK);
    const result = await runGates(host);
    expect(result?.result).toBe('PASS');
    const dir = path.join(workspace, 'docs/research');
    const listed = (host.outputs['archived-reports'] ?? '').split(',');
    expect(listed.every((file) => path.dirname(file) === dir)).toBe(true);
    expect(listed.map((file) => path.basename(file)).sort()).toEqual(
      [
        'chat-attachment-bucket-ci-20261128T051500Z.md',
        'chat-attachment-lifecycle-policy-ci-20261128T051500Z.md',
        'chat-attachment-lifecycle-verify-ci-20261128T051500Z-2.md',
        'chat-attachment-s3-smoke-ci-20261128T051500Z.md',
        'release-gates-surreal-ci-20261128T051500Z.md',
        'release-gates-surreal-ci-20261128T051500Z.json',
      ].sort(),
    );
    expect(result?.archivedReports).toEqual(listed);
    expect(await readFile(path.join(dir, 'chat-attachment-lifecycle-verify-ci-20261128T051500Z.md'), 'utf8')).toBe('earlier evidence');
    const files = await readdir(dir);
    expect(files.filter((file) => file.startsWith('hot-path-rollout'))).toEqual(['hot-path-rollout-latest.md']);
  });

  it('archives nothing when archive-evidence is false (the default)', async () => {
    const workspace = await workspaceWithLeftovers();
    const host = recordingHost(testInputs({ 's3-bucket': uniqueBucket('noarchive') }), workspace, () => CLOCK);
    const result = await runGates(host);
    expect(result?.result).toBe('PASS');
    expect(host.outputs['archived-reports']).toBe('');
    const files = await readdir(path.join(workspace, 'docs/research'));
    expect(files.filter((file) => /-ci-\d{8}T\d{6}Z/.test(file))).toEqual(['chat-attachment-lifecycle-verify-ci-20261128T051500Z.md']);
  });
});
