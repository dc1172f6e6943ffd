import { PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';
import { readRules } from '../support/server-state.js';
import { readReport, REPORTS, tempDir } from '../support/workspace.js';
import { MANAGED_DELETE_MARKERS_ID, MANAGED_ID } from './foreign-rules.js';

async function run(bucket: string, overrides: Record<string, string>) {
  const workspace = await tempDir('verify');
  const host = recordingHost(testInputs({ 's3-bucket': bucket, ...overrides }), workspace);
  const result = await runGates(host);
  const verify = result?.gates.find((gate) => gate.id === 'verify');
  return { host, result, verify, workspace };
}

describe('verify gate against real configurations', () => {
  it('passes with the managed rule and fails, naming the deciding rule, when expect-expire-days differs', async () => {
    const bucket = uniqueBucket('verify');
    const applied = await run(bucket, { gates: 'bucket,lifecycle', 'expire-days': '30' });
    expect(applied.result?.result).toBe('PASS');

    const pass = await run(bucket, { gates: 'verify', 'expect-expire-days': '30' });
    expect(pass.host.failures).toEqual([]);
    expect(pass.verify?.status).toBe('PASS');
    expect(pass.result?.result).toBe('PASS');
    expect(pass.verify?.summary).toContain('chat-attachments/ci/ after 30 days');
    expect(await readReport(pass.workspace, REPORTS.verify)).toContain('Result: PASS');

    const fail = await run(bucket, { gates: 'verify', 'expect-expire-days': '7' });
    expect(fail.verify?.status).toBe('FAIL');
    expect(fail.result?.result).toBe('FAIL');
    expect(fail.host.outputs['failed-gates']).toBe('verify');
    const failing = fail.verify?.findings.filter((finding) => finding.level === 'fail') ?? [];
    expect(failing).toHaveLength(1);
    expect(failing[0]?.message).toContain(MANAGED_ID);
    expect(failing[0]?.message).toContain('30 days, expected 7');
    const report = await readReport(fail.workspace, REPORTS.verify);
    expect(report).toContain('Result: FAIL');
    expect(report).toContain(MANAGED_ID);
    expect(fail.host.failures).toHaveLength(1);
  });

  it('fails on a versioned bucket until apply adds NoncurrentVersionExpiration and the delete-marker rule', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('verify-versioned');
    const applied = await run(bucket, { gates: 'bucket,lifecycle' });
    expect(applied.result?.result).toBe('PASS');
    await client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));

    const before = await run(bucket, { gates: 'verify' });
    expect(before.verify?.status).toBe('FAIL');
    const messages = (before.verify?.findings ?? []).filter((finding) => finding.level === 'fail').map((finding) => finding.message);
    expect(messages).toHaveLength(2);
    expect(messages.join('\n')).toContain('NoncurrentVersionExpiration');
    expect(messages.join('\n')).toContain('ExpiredObjectDeleteMarker');

    const after = await run(bucket, { gates: 'bucket,lifecycle,verify' });
    expect(after.host.failures).toEqual([]);
    // Ceph RGW 16.2 ignores If-None-Match on versioned buckets: the lifecycle lock is advisory there (WARN).
    expect(after.result?.gates.map((gate) => [gate.id, gate.status])).toEqual([
      ['bucket', 'PASS'],
      ['lifecycle', 'WARN'],
      ['verify', 'PASS'],
      ['go-no-go', 'PASS'],
    ]);
    const lifecycle = after.result?.gates.find((gate) => gate.id === 'lifecycle');
    expect(lifecycle?.findings.filter((finding) => finding.level === 'warn').map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^Advisory lock only/),
    ]);
    const rules = await readRules(client, bucket);
    const expiration = rules.find((rule) => rule.ID === MANAGED_ID);
    expect(expiration?.Expiration?.Days).toBe(30);
    expect(expiration?.NoncurrentVersionExpiration?.NoncurrentDays).toBe(30);
    const markers = rules.find((rule) => rule.ID === MANAGED_DELETE_MARKERS_ID);
    expect(markers?.Status).toBe('Enabled');
    expect(markers?.Expiration?.ExpiredObjectDeleteMarker).toBe(true);
  });
});
