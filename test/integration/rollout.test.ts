import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CreateBucketCommand, DeleteBucketLifecycleCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { recordingHost, type RecordingHost } from '../support/host.js';
import { startPrometheus, type PrometheusInstance } from '../support/prometheus-instance.js';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';

let prometheus: PrometheusInstance;

beforeAll(async () => {
  prometheus = await startPrometheus();
});

afterAll(async () => {
  await prometheus?.stop();
});

const CLOCK = new Date('2026-11-28T05:15:00.000Z');
/** Always 1: the hot path is healthy as far as Prometheus can say, so these tests are about the sequence. */
const HEALTHY_CHECKS = "- {name: always up, query: 'vector(1)', comparison: '>=', threshold: 1}\n";

function rolloutInputs(bucket: string, overrides: Record<string, string> = {}): Record<string, string> {
  return testInputs({
    'app-env': 'staging',
    's3-bucket': bucket,
    gates: 'rollout',
    'prometheus-url': prometheus.url,
    'hot-path-checks': HEALTHY_CHECKS,
    'hot-path-window': '2s',
    'hot-path-step': '1s',
    ...overrides,
  });
}

async function createBucket(label: string): Promise<string> {
  const bucket = uniqueBucket(label);
  await rawClient().send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

/** A recording host whose log groups (one per gate run) can trigger an action first, e.g. a concurrent change on the server. */
function hostWithHook(inputs: Record<string, string>, workspace: string, before: (group: string, count: number) => Promise<void>): RecordingHost {
  const base = recordingHost(inputs, workspace);
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

const gateRuns = (host: RecordingHost, id: string) => host.logs.filter((line) => line === `group Gate ${id}`).length;
const report = (workspace: string, name: string) => readFile(path.join(workspace, 'docs/research', name), 'utf8');

describe('gates: rollout (the runbook live sequence) against the local RGW and a real Prometheus', () => {
  it('stops at the first failing stage; the stages not reached say NOT RUN in their reports, and the evidence is archived', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-rollout-'));
    // The rollout has no bucket stage: a missing bucket fails lifecycle apply, the first stage here.
    const host = recordingHost(rolloutInputs(uniqueBucket('missing')), workspace, () => CLOCK);
    const result = await runGates(host);
    expect(result?.gates.map((gate) => [gate.id, gate.status])).toEqual([
      ['lifecycle', 'FAIL'],
      ['verify', 'NOT RUN'],
      ['hot-path', 'NOT RUN'],
      ['go-no-go', 'FAIL'],
    ]);
    expect(gateRuns(host, 'lifecycle')).toBe(1); // the retry is for verify only
    expect(gateRuns(host, 'verify')).toBe(0);
    expect(result?.result).toBe('FAIL');
    expect(host.outputs['failed-gates']).toBe('lifecycle,verify,hot-path');

    const verify = await report(workspace, 'chat-attachment-lifecycle-verify-latest.md');
    expect(verify).toContain('Result: NOT RUN');
    expect(verify).toContain('Stopped at lifecycle (FAIL)');
    expect(verify).toContain('gates: rollout forces fail-fast');
    expect(await report(workspace, 'hot-path-rollout-latest.md')).toContain('Result: NOT RUN');
    const lifecycle = await report(workspace, 'chat-attachment-lifecycle-policy-latest.md');
    expect(lifecycle).toContain('Result: FAIL');
    expect(lifecycle).toContain('Mode: apply');

    const archived = (host.outputs['archived-reports'] ?? '').split(',').map((file) => path.basename(file));
    expect(archived.sort()).toEqual(
      [
        'chat-attachment-lifecycle-policy-staging-20261128T051500Z.md',
        'chat-attachment-lifecycle-verify-staging-20261128T051500Z.md',
        'hot-path-rollout-staging-20261128T051500Z.md',
        'release-gates-surreal-staging-20261128T051500Z.md',
        'release-gates-surreal-staging-20261128T051500Z.json',
      ].sort(),
    );
    expect(await report(workspace, 'hot-path-rollout-staging-20261128T051500Z.md')).toBe(await report(workspace, 'hot-path-rollout-latest.md'));
  });

  it('verify fails once (the rule vanished after apply): lifecycle is applied once more, verify passes, the rollout goes on to GO', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-rollout-'));
    const bucket = await createBucket('retry');
    // What the runbook's retry is for: something (another owner of the configuration) removed the rule after apply.
    const host = hostWithHook(rolloutInputs(bucket), workspace, async (group, count) => {
      if (group === 'Gate verify' && count === 1) await rawClient().send(new DeleteBucketLifecycleCommand({ Bucket: bucket }));
    });
    const result = await runGates(host);
    expect(result?.gates.map((gate) => [gate.id, gate.status])).toEqual([
      ['lifecycle', 'PASS'],
      ['verify', 'PASS'],
      ['hot-path', 'PASS'],
      ['go-no-go', 'PASS'],
    ]);
    expect([gateRuns(host, 'lifecycle'), gateRuns(host, 'verify'), gateRuns(host, 'hot-path')]).toEqual([2, 2, 1]);
    expect(host.failures).toEqual([]);
    expect(host.logs.some((line) => line.startsWith('warning Retry: verify was FAIL'))).toBe(true);

    const verify = await report(workspace, 'chat-attachment-lifecycle-verify-latest.md');
    expect(verify).toContain('Result: PASS');
    expect(verify).toContain('Attempt 2 of 2 (runbook retry). Attempt 1 was FAIL');
    const lifecycle = await report(workspace, 'chat-attachment-lifecycle-policy-latest.md');
    expect(lifecycle).toContain('Re-run once because verify did not pass (runbook retry)');
    expect(lifecycle).toMatch(/Applied: surreal-release-gates:chat-attachments\/staging expires/);
    expect(await report(workspace, 'hot-path-rollout-latest.md')).toContain('always up: PASS');
  });

  it('verify fails again after the one retry: exactly one retry, then the rollout stops', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-rollout-'));
    const bucket = await createBucket('noretry');
    // A retention the lifecycle rule can never satisfy: re-applying does not help.
    const host = recordingHost(rolloutInputs(bucket, { 'expire-days': '30', 'expect-expire-days': '7' }), workspace, () => CLOCK);
    const result = await runGates(host);
    expect(result?.gates.map((gate) => [gate.id, gate.status])).toEqual([
      ['lifecycle', 'PASS'],
      ['verify', 'FAIL'],
      ['hot-path', 'NOT RUN'],
      ['go-no-go', 'FAIL'],
    ]);
    expect([gateRuns(host, 'lifecycle'), gateRuns(host, 'verify'), gateRuns(host, 'hot-path')]).toEqual([2, 2, 0]);
    const verify = await report(workspace, 'chat-attachment-lifecycle-verify-latest.md');
    expect(verify).toContain('Result: FAIL');
    expect(verify).toContain('Attempt 2 of 2 (runbook retry). Attempt 1 was FAIL');
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

  it('copies exactly this run\'s reports to <name>-<env>-<UTC time>, never overwriting, and lists them in archived-reports', async () => {
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
