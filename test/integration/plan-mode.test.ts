import type { LifecycleRule } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';
import { canonicalRules, createBucketWith, readRules, serverState } from '../support/server-state.js';
import { codeBlockAfter, readReport, REPORTS, tableRows, tempDir } from '../support/workspace.js';
import { FOREIGN_IDS, FOREIGN_RULES, MANAGED_DELETE_MARKERS_ID, MANAGED_ID } from './foreign-rules.js';

const ENV_PREFIX = 'chat-attachments/ci/';
const KEEP = 'keep (not ours)';

async function plan(bucket: string, overrides: Record<string, string> = {}) {
  const workspace = await tempDir('plan');
  const host = recordingHost(testInputs({ 's3-bucket': bucket, mode: 'plan', gates: 'bucket,lifecycle', ...overrides }), workspace);
  const result = await runGates(host);
  const report = await readReport(workspace, REPORTS.lifecycle);
  const actions = Object.fromEntries(tableRows(report, 'Plan').map((row) => [row[1], row[2]]));
  const json = codeBlockAfter(report, 'Resulting configuration', 'json');
  const resulting = json === undefined ? undefined : (JSON.parse(json) as { Rules: LifecycleRule[] });
  return { host, result, report, actions, resulting, workspace };
}

// RGW answers scratch-uploads (And with a prefix and one tag) with Prefix beside Tag, not valid S3:
// the plan keeps it in meaning and writes it back in valid form, as it was first written.
const RESPELT = 'scratch-uploads';
const foreignKept = Object.fromEntries(FOREIGN_IDS.map((id) => [id, id === RESPELT ? 'keep (re-spelt)' : KEEP]));
const asWritten = (rules: readonly LifecycleRule[]): LifecycleRule[] =>
  rules.map((rule) => (rule.ID === RESPELT ? (FOREIGN_RULES.find((foreign) => foreign.ID === RESPELT) ?? rule) : rule));

describe('mode plan against the local RGW', () => {
  it('lists add, unchanged and keep on a versioned bucket, writes nothing, and reports the resulting configuration', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('plan-add');
    const managed: LifecycleRule = {
      ID: MANAGED_ID,
      Status: 'Enabled',
      Filter: { Prefix: ENV_PREFIX },
      Expiration: { Days: 30 },
      NoncurrentVersionExpiration: { NoncurrentDays: 30 },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
    };
    await createBucketWith(client, bucket, { rules: [...FOREIGN_RULES, managed], versioned: true });
    const before = await serverState(client, bucket);
    const rulesBefore = await readRules(client, bucket);

    const { host, result, report, actions, resulting } = await plan(bucket, { 'expire-days': '30' });

    expect(await serverState(client, bucket)).toEqual(before);
    expect(host.failures).toEqual([]);
    expect(result?.gates.map((gate) => [gate.id, gate.status])).toEqual([
      ['bucket', 'PASS'],
      ['lifecycle', 'WARN'],
      ['go-no-go', 'PASS'],
    ]);
    expect(result?.s3Requests.PutBucketLifecycleConfigurationCommand ?? 0).toBe(0);
    expect(report).toContain('Result: WARN');
    expect(report).toContain('Mode: plan');
    expect(actions).toEqual({ ...foreignKept, [MANAGED_ID]: 'unchanged', [MANAGED_DELETE_MARKERS_ID]: 'add' });
    const deleteMarkers: LifecycleRule = {
      ID: MANAGED_DELETE_MARKERS_ID,
      Status: 'Enabled',
      Filter: { Prefix: ENV_PREFIX },
      Expiration: { ExpiredObjectDeleteMarker: true },
    };
    expect(canonicalRules(resulting?.Rules ?? [])).toEqual(canonicalRules([...asWritten(rulesBefore), deleteMarkers]));
    const [respeltRow] = tableRows(report, 'Plan').filter((row) => row[1] === RESPELT);
    expect(JSON.parse(respeltRow?.[3] ?? '{}')).toMatchObject({ Filter: { Prefix: 'uploads/', Tag: { Key: 'tier', Value: 'scratch' } } });
    expect(JSON.parse(respeltRow?.[4] ?? '{}')).toMatchObject({ Filter: { And: { Prefix: 'uploads/', Tags: [{ Key: 'tier', Value: 'scratch' }] } } });
  });

  it('lists change and keep for an outdated managed rule and writes nothing', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('plan-change');
    const outdated: LifecycleRule = { ID: MANAGED_ID, Status: 'Enabled', Filter: { Prefix: ENV_PREFIX }, Expiration: { Days: 365 } };
    await createBucketWith(client, bucket, { rules: [...FOREIGN_RULES, outdated] });
    const before = await serverState(client, bucket);
    const foreignBefore = (await readRules(client, bucket)).filter((rule) => rule.ID !== MANAGED_ID);

    const { host, result, report, actions, resulting } = await plan(bucket, { 'expire-days': '30' });

    expect(await serverState(client, bucket)).toEqual(before);
    expect(host.failures).toEqual([]);
    expect(result?.s3Requests.PutBucketLifecycleConfigurationCommand ?? 0).toBe(0);
    expect(report).toContain('Mode: plan');
    expect(actions).toEqual({ ...foreignKept, [MANAGED_ID]: 'change' });
    const [changeRow] = tableRows(report, 'Plan').filter((row) => row[1] === MANAGED_ID);
    expect(changeRow?.[3]).toContain('"Days":365');
    expect(changeRow?.[4]).toContain('"Days":30');
    expect(canonicalRules(resulting?.Rules ?? [])).toEqual(
      canonicalRules([...asWritten(foreignBefore), { ...outdated, Expiration: { Days: 30 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }]),
    );
  });

  it('shows the one change AbortIncompleteMultipartUpload makes to a managed rule written before it, and writes nothing', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('plan-abort');
    const before: LifecycleRule = { ID: MANAGED_ID, Status: 'Enabled', Filter: { Prefix: ENV_PREFIX }, Expiration: { Days: 30 } };
    await createBucketWith(client, bucket, { rules: [before] });
    const state = await serverState(client, bucket);

    const { result, actions, report } = await plan(bucket, { 'expire-days': '30' });

    expect(await serverState(client, bucket)).toEqual(state);
    expect(result?.gates.find((gate) => gate.id === 'lifecycle')?.status).toBe('WARN');
    expect(actions).toEqual({ [MANAGED_ID]: 'change' });
    const [row] = tableRows(report, 'Plan').filter((cells) => cells[1] === MANAGED_ID);
    expect(row?.[3]).not.toContain('AbortIncompleteMultipartUpload');
    expect(row?.[4]).toContain('"AbortIncompleteMultipartUpload":{"DaysAfterInitiation":7}');
  });

  it('reports that a missing bucket would be created, plans against an empty configuration and creates nothing', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('plan-missing');

    const { host, result, report, actions, resulting, workspace } = await plan(bucket);

    expect(await serverState(client, bucket)).toEqual({ exists: false, versioning: '', rules: [] });
    expect(host.failures).toEqual([]);
    expect(result?.s3Requests.CreateBucketCommand ?? 0).toBe(0);
    const bucketGate = result?.gates.find((gate) => gate.id === 'bucket');
    expect(bucketGate?.status).toBe('WARN');
    expect(bucketGate?.summary).toContain('apply would create it');
    const bucketReport = await readReport(workspace, REPORTS.bucket);
    expect(bucketReport).toContain('Mode: plan');
    expect(bucketReport).toContain('apply would create it');
    expect(report).toContain('Mode: plan');
    expect(actions).toEqual({ [MANAGED_ID]: 'add' });
    expect(canonicalRules(resulting?.Rules ?? [])).toEqual(
      canonicalRules([
        {
          ID: MANAGED_ID,
          Status: 'Enabled',
          Filter: { Prefix: ENV_PREFIX },
          Expiration: { Days: 30 },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        },
      ]),
    );
  });
});

describe('bucket gate in mode apply', () => {
  it('creates a missing bucket, and leaves an existing one alone on the next run', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('create');
    expect((await serverState(client, bucket)).exists).toBe(false);

    const workspace = await tempDir('create');
    const first = await runGates(recordingHost(testInputs({ 's3-bucket': bucket, gates: 'bucket' }), workspace));
    expect(first?.result).toBe('PASS');
    expect(first?.gates[0]?.summary).toBe(`Created bucket ${bucket}.`);
    expect(first?.s3Requests.CreateBucketCommand).toBe(1);
    expect(await serverState(client, bucket)).toEqual({ exists: true, versioning: 'Unversioned', rules: [] });
    expect(await readReport(workspace, REPORTS.bucket)).toContain('Mode: apply');

    const second = await runGates(recordingHost(testInputs({ 's3-bucket': bucket, gates: 'bucket' }), workspace));
    expect(second?.result).toBe('PASS');
    expect(second?.gates[0]?.summary).toBe(`Bucket ${bucket} exists.`);
    expect(second?.s3Requests.CreateBucketCommand ?? 0).toBe(0);
  });
});
