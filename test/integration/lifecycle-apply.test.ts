import type { LifecycleRule } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';
import { canonical, createBucketWith, readRules } from '../support/server-state.js';
import { readReport, REPORTS, tempDir } from '../support/workspace.js';
import { FOREIGN_IDS, FOREIGN_RULES, MANAGED_DELETE_MARKERS_ID, MANAGED_ID } from './foreign-rules.js';

const PUT_LIFECYCLE = 'PutBucketLifecycleConfigurationCommand';

/** ID -> canonical rule, for every rule the managed ones aside. */
function foreignById(rules: readonly LifecycleRule[]): Record<string, string> {
  return Object.fromEntries(
    rules
      .filter((rule) => !(rule.ID ?? '').startsWith('surreal-release-gates:'))
      .sort((a, b) => (a.ID ?? '').localeCompare(b.ID ?? ''))
      .map((rule) => [rule.ID ?? '', canonical(rule)]),
  );
}

async function applyLifecycle(bucket: string, overrides: Record<string, string> = {}) {
  const workspace = await tempDir('apply');
  const host = recordingHost(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle', ...overrides }), workspace);
  const result = await runGates(host);
  return { host, result, workspace };
}

describe('lifecycle apply against the local RGW', () => {
  it('keeps foreign rules of every shape exactly as they were and adds the managed rule', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('foreign');
    await createBucketWith(client, bucket, { rules: FOREIGN_RULES });
    const before = await readRules(client, bucket);
    expect(Object.keys(foreignById(before))).toEqual([...FOREIGN_IDS].sort());

    const { host, result } = await applyLifecycle(bucket, { 'expire-days': '21' });

    expect(host.failures).toEqual([]);
    expect(result?.gates.map((gate) => [gate.id, gate.status])).toEqual([
      ['bucket', 'PASS'],
      ['lifecycle', 'PASS'],
      ['go-no-go', 'PASS'],
    ]);
    const after = await readRules(client, bucket);
    expect(foreignById(after)).toEqual(foreignById(before));
    const managed = after.find((rule) => rule.ID === MANAGED_ID);
    expect(managed?.Status).toBe('Enabled');
    expect(managed?.Expiration?.Days).toBe(21);
    expect(managed?.Filter?.Prefix ?? managed?.Prefix).toBe('chat-attachments/ci/');
    expect(after).toHaveLength(FOREIGN_RULES.length + 1);
  });

  it('changes an outdated managed rule in place and still keeps every foreign rule', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('change');
    await createBucketWith(client, bucket, {
      rules: [...FOREIGN_RULES, { ID: MANAGED_ID, Status: 'Enabled', Filter: { Prefix: 'chat-attachments/ci/' }, Expiration: { Days: 365 } }],
    });
    const before = await readRules(client, bucket);

    const { host, result } = await applyLifecycle(bucket, { 'expire-days': '30' });

    expect(host.failures).toEqual([]);
    expect(result?.s3Requests[PUT_LIFECYCLE]).toBe(1);
    const after = await readRules(client, bucket);
    expect(foreignById(after)).toEqual(foreignById(before));
    expect(after.filter((rule) => rule.ID === MANAGED_ID).map((rule) => rule.Expiration?.Days)).toEqual([30]);
  });

  it.each([
    { label: 'unversioned', versioned: false },
    { label: 'versioned', versioned: true },
  ])('sends no second PutBucketLifecycleConfiguration when applied twice ($label bucket)', async ({ versioned }) => {
    const client = rawClient();
    const bucket = uniqueBucket('twice');
    // Foreign rules RGW re-spells (And, Filter.Prefix '') must not make the second run write again.
    await createBucketWith(client, bucket, { rules: FOREIGN_RULES, versioned });

    const first = await applyLifecycle(bucket);
    expect(first.host.failures).toEqual([]);
    expect(first.result?.result).toBe('PASS');
    expect(first.result?.s3Requests[PUT_LIFECYCLE]).toBe(1);
    const afterFirst = await readRules(client, bucket);
    expect(afterFirst.map((rule) => rule.ID)).toContain(MANAGED_ID);
    if (versioned) expect(afterFirst.map((rule) => rule.ID)).toContain(MANAGED_DELETE_MARKERS_ID);

    const second = await applyLifecycle(bucket);
    expect(second.host.failures).toEqual([]);
    expect(second.result?.result).toBe('PASS');
    expect(second.result?.s3Requests[PUT_LIFECYCLE] ?? 0).toBe(0);
    expect(second.result?.s3Requests.GetBucketLifecycleConfigurationCommand).toBeGreaterThanOrEqual(1);
    const lifecycle = second.result?.gates.find((gate) => gate.id === 'lifecycle');
    expect(lifecycle?.status).toBe('PASS');
    expect(lifecycle?.summary).toMatch(/^Lifecycle is up to date/);
    const report = await readReport(second.workspace, REPORTS.lifecycle);
    expect(report).toContain('Result: PASS');
    expect(report).toContain('Mode: apply');
    expect(report).toContain('Lifecycle is up to date');
    expect((await readRules(client, bucket)).map((rule) => canonical(rule)).sort()).toEqual(afterFirst.map((rule) => canonical(rule)).sort());
  });
});
