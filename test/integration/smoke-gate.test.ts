import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PutBucketLifecycleConfigurationCommand, PutBucketPolicyCommand, PutBucketVersioningCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { createS3Gateway } from '../../src/clients/s3.js';
import { loadConfig } from '../../src/config/load.js';
import { createSmokeGate } from '../../src/gates/smoke/gate.js';
import { smokeRunId, smokeRunPrefix } from '../../src/smoke/run-id.js';
import { silentLogger } from '../../src/util/logger.js';
import { Cancellation } from '../../src/util/cancellation.js';
import { createRgwUser, hasRadosgwAdmin, rgwUserIdOf } from '../support/rgw-admin.js';
import { readerOf, rawClient, testInputs, testS3, uniqueBucket } from '../support/s3.js';
import { createBucketWith, runWith, snapshot, versionSnapshot } from '../support/smoke-run.js';

const s3 = rawClient();
afterAll(() => s3.destroy());

const ENV_PREFIX = 'chat-attachments/ci/';
const MANAGED_ID = 'surreal-release-gates:chat-attachments/ci';
/** Objects that exist before a run: the smoke gate must leave each exactly as it was. */
const EXISTING = {
  [`${ENV_PREFIX}existing-1.bin`]: 'attachment bytes',
  [`${ENV_PREFIX}existing-1.json`]: '{"attachment_id":"existing-1"}',
  // Another run's key, with a run id of 2020 but written just now by the server's clock: not stale, kept.
  [`${ENV_PREFIX}_smoke/20200101T000000Z-0badc0de/payload.bin`]: 'another run, not stale',
  'chat-attachments/other/keep.bin': 'other environment',
};

const smokeFindings = (run: Awaited<ReturnType<typeof runWith>>) =>
  run.gate('smoke').findings.map((finding) => `${finding.level} ${finding.message} ${finding.remediation ?? ''}`);

describe('smoke gate against the local RGW', () => {
  it('passes the default sequence, leaves no key of its run and keeps every object that was there', async () => {
    const bucket = uniqueBucket('smoke-pass');
    await createBucketWith(s3, bucket, EXISTING);
    const before = await snapshot(s3, bucket);

    const run = await runWith(testInputs({ 's3-bucket': bucket }));

    expect(run.result?.gates.map((gate) => [gate.id, gate.status])).toEqual([
      ['bucket', 'PASS'],
      ['lifecycle', 'PASS'],
      ['verify', 'PASS'],
      ['smoke', 'PASS'],
      ['go-no-go', 'PASS'],
    ]);
    expect(run.host.failures).toEqual([]);
    expect(await snapshot(s3, bucket)).toEqual(before);

    const smoke = run.gate('smoke');
    expect(smoke.mode).toBe('apply');
    expect(smokeFindings(run).join('\n')).toMatch(new RegExp(`expires .* by ${MANAGED_ID}, as the bucket's rules give`));
    const details = (await run.resultsJson()).gates.find((gate) => gate.id === 'smoke')?.details;
    expect(details?.runPrefix).toMatch(/^chat-attachments\/ci\/_smoke\/\d{8}T\d{6}Z-[0-9a-f]{8}\/$/);
    // The large payload took the multipart path, the others a single PUT with Content-MD5.
    expect(details?.objects.map((object) => [object.name, object.upload, object.parts])).toEqual([
      ['payload.bin', 'single', 0],
      ['payload-large.bin', 'multipart', 2],
      ['meta.json', 'single', 0],
    ]);
    const operations = details?.operations.map((operation) => `${operation.operation} ${operation.key} ${operation.result}`) ?? [];
    expect(operations).toEqual(
      expect.arrayContaining([
        'PutObject payload.bin ok',
        'CreateMultipartUpload payload-large.bin ok',
        'UploadPart 1 payload-large.bin ok',
        'UploadPart 2 payload-large.bin ok',
        'CompleteMultipartUpload payload-large.bin ok',
        'HeadObject meta.json ok',
        'GetObject full payload-large.bin ok',
        'GetObject range first payload-large.bin ok',
        'GetObject range last payload-large.bin ok',
        `DeleteObjects ${details?.runPrefix} ok`,
        'HeadObject after delete payload.bin 404 (expected)',
        `ListObjectsV2 final check ${details?.runPrefix} empty`,
      ]),
    );
    expect(details?.totals.operations).toBe(details?.operations.length);
    expect(details?.totals.failed).toBe(0);
    expect(details?.operations.every((operation) => operation.ok && operation.ms >= 0)).toBe(true);

    // The latency table is in the report and in the job summary.
    const report = await run.report('chat-attachment-s3-smoke-latest.md');
    expect(report).toMatch(/^# Chat attachment S3 smoke\n\nResult: PASS\n\nMode: apply\n/);
    expect(report).toContain('| Operation | Key | Result | ms |');
    expect(report).toMatch(/\| PutObject \| payload\.bin \| ok \| \d+ \|/);
    expect(report).toMatch(/\| All \| \d+ \| 0 \| \d+ \| \d+ \|/);
    expect(run.host.summary).toContain('### Latency totals');
    expect(run.host.summary).toMatch(/\| UploadPart 2 \| payload-large\.bin \| ok \| \d+ \|/);
  });

  it('writes its test objects in plan mode too, and honours the multipart threshold input', async () => {
    const bucket = uniqueBucket('smoke-plan');
    const applied = await runWith(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle' }));
    expect(applied.result?.result).toBe('PASS');
    const before = await snapshot(s3, bucket);

    const run = await runWith(testInputs({ 's3-bucket': bucket, mode: 'plan', 'smoke-multipart-threshold-mib': '6' }));

    expect(run.gate('smoke').status).toBe('PASS');
    expect(run.gate('smoke').mode).toBe('plan');
    expect(await run.report('chat-attachment-s3-smoke-latest.md')).toContain('Result: PASS\n\nMode: plan\n');
    const details = (await run.resultsJson()).gates.find((gate) => gate.id === 'smoke')?.details;
    expect(details?.operations.filter((operation) => operation.operation.startsWith('UploadPart')).length).toBe(2);
    expect(run.gate('smoke').facts.find((fact) => fact.label === 'Objects')?.value).toContain(
      `payload-large.bin ${6 * 1024 * 1024 + 64 * 1024 + 321} B multipart, 2 parts`,
    );
    expect(await snapshot(s3, bucket)).toEqual(before);
  });

  it('FAILs when no lifecycle rule covers the env prefix (x-amz-expiration missing)', async () => {
    const bucket = uniqueBucket('smoke-norule');
    await createBucketWith(s3, bucket, EXISTING);
    const before = await snapshot(s3, bucket);

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'smoke' }));

    expect(run.gate('smoke').status).toBe('FAIL');
    expect(run.result?.result).toBe('FAIL');
    expect(run.host.outputs['failed-gates']).toBe('smoke');
    expect(run.host.failures).toHaveLength(1);
    expect(run.gate('smoke').summary).toContain('no x-amz-expiration header, so no enabled lifecycle rule expires it');
    expect(smokeFindings(run).join('\n')).toContain(`Run the lifecycle gate with mode: apply so ${MANAGED_ID} expires ${ENV_PREFIX}`);
    // A wrong header is read again (bounded) before it is judged: each of the 3 objects twice more.
    const details = (await run.resultsJson()).gates.find((gate) => gate.id === 'smoke')?.details;
    const rereads = details?.operations.filter((operation) => operation.operation.startsWith('HeadObject (expiration re-read')) ?? [];
    expect(rereads).toHaveLength(6);
    expect(await snapshot(s3, bucket)).toEqual(before);
  });

  // Spec change (retention verdicts): smoke proves the server applies the configuration as written;
  // the retention, and which rule should decide it, is verify's verdict.
  it('PASSes when another rule decides the date as the rules say; verify FAILs the shorter retention', async () => {
    const bucket = uniqueBucket('smoke-otherrule');
    await createBucketWith(s3, bucket, EXISTING);
    await s3.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: bucket,
        LifecycleConfiguration: {
          Rules: [
            { ID: MANAGED_ID, Status: 'Enabled', Filter: { Prefix: 'chat-attachments/other/' }, Expiration: { Days: 30 } },
            { ID: 'legacy cleanup', Status: 'Enabled', Filter: { Prefix: 'chat-attachments/' }, Expiration: { Days: 7 } },
          ],
        },
      }),
    );
    const before = await snapshot(s3, bucket);

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'verify,smoke' }));

    expect(run.gate('smoke').status).toBe('PASS');
    expect(smokeFindings(run).join('\n')).toContain("by legacy cleanup, as the bucket's rules give");
    expect(run.gate('smoke').facts.find((fact) => fact.label === 'Retention (verify judges it)')?.value).toBe(
      `7 days under ${ENV_PREFIX} (rule legacy cleanup)`,
    );
    expect(run.gate('verify').status).toBe('FAIL');
    expect(
      run
        .gate('verify')
        .findings.filter((finding) => finding.level === 'fail')
        .map((finding) => finding.message),
    ).toEqual([
      expect.stringContaining(
        `is 7 days, expected 30 (the managed rule ${MANAGED_ID}); rule legacy cleanup (prefix 'chat-attachments/', 7 days) decides: objects are deleted 23 days earlier`,
      ),
    ]);
    expect(run.result?.result).toBe('FAIL');
    expect(await snapshot(s3, bucket)).toEqual(before);
  });

  it('does not judge expire-days itself: a 30-day managed rule with expire-days 7 PASSes smoke, and verify with expect-expire-days 7 FAILs', async () => {
    const bucket = uniqueBucket('smoke-days');
    expect((await runWith(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle', 'expire-days': '30' }))).result?.result).toBe('PASS');

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'verify,smoke', 'expire-days': '7', 'expect-expire-days': '7' }));

    expect(run.gate('smoke').status).toBe('PASS');
    expect(run.gate('smoke').facts.find((fact) => fact.label === 'Retention (verify judges it)')?.value).toBe(
      `30 days under ${ENV_PREFIX} (rule ${MANAGED_ID})`,
    );
    expect(run.gate('verify').status).toBe('FAIL');
    expect(run.gate('verify').summary).toContain(ENV_PREFIX);
    expect(await snapshot(s3, bucket, `${ENV_PREFIX}_smoke/`)).toEqual([]);
  });

  it('FAILs, without touching anything, when the bucket does not exist (plan mode creates nothing)', async () => {
    const bucket = uniqueBucket('smoke-nobucket');

    const run = await runWith(testInputs({ 's3-bucket': bucket, mode: 'plan', gates: 'bucket,smoke' }));

    expect(run.gate('bucket').status).toBe('WARN');
    expect(run.gate('smoke').status).toBe('FAIL');
    expect(run.gate('smoke').summary).toBe('The bucket does not exist: the attachment path cannot work, and nothing was written.');
    expect(run.gate('smoke').findings[0]?.evidence).toContain('NoSuchBucket');
    const operations = (await run.resultsJson()).gates
      .find((gate) => gate.id === 'smoke')
      ?.details?.operations.map((operation) => `${operation.operation} ${operation.result}`);
    // Versioning and the lifecycle rules are read together before anything is written.
    expect(operations?.sort()).toEqual(['GetBucketLifecycleConfiguration NoSuchBucket', 'GetBucketVersioning NoSuchBucket']);
    expect(run.result?.result).toBe('FAIL');
  });

  it.skipIf(!hasRadosgwAdmin())('FAILs credentials that may only read the bucket, naming s3:PutObject, and touches nothing', async () => {
    const bucket = uniqueBucket('smoke-readonly');
    await createBucketWith(s3, bucket, EXISTING);
    expect((await runWith(testInputs({ 's3-bucket': bucket, gates: 'lifecycle' }))).result?.result).toBe('PASS');
    const reader = await createRgwUser('smoke-reader');
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: [reader.arn] },
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
            },
          ],
        }),
      }),
    );
    const before = await snapshot(s3, bucket);

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'smoke', 's3-access-key': reader.accessKey, 's3-secret-key': reader.secretKey }));

    const smoke = run.gate('smoke');
    expect(smoke.status).toBe('FAIL');
    expect(smoke.summary).toMatch(/^PUT payload\.bin: S3 PutObject on bucket '.*' at .* was denied \(AccessDenied\)/);
    const denied = smoke.findings.filter((finding) => finding.level === 'fail');
    expect(denied.map((finding) => finding.remediation)).toEqual(
      expect.arrayContaining([expect.stringContaining('Grant the credentials s3:PutObject on arn:aws:s3:::')]),
    );
    expect(denied.every((finding) => /denied/.test(finding.message))).toBe(true);
    expect(smoke.findings.map((finding) => finding.message)).toContain(
      `Cleanup: nothing to do, S3 refused every write under ${smoke.facts.find((fact) => fact.label === 'Run prefix')?.value}.`,
    );
    expect(await snapshot(s3, bucket)).toEqual(before);
    expect(await run.everything()).not.toContain(reader.secretKey);
  });

  it.skipIf(!hasRadosgwAdmin())('cleans up in a finally when a request fails in the middle of the run', async () => {
    const bucket = uniqueBucket('smoke-midfail');
    await createBucketWith(s3, bucket, EXISTING);
    expect((await runWith(testInputs({ 's3-bucket': bucket, gates: 'lifecycle' }))).result?.result).toBe('PASS');
    // Writes succeed, then HEAD/GET are denied: the run breaks after its objects exist.
    const owner = await rgwUserIdOf(testS3().accessKey);
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Deny', Principal: { AWS: [`arn:aws:iam:::user/${owner}`] }, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::${bucket}/*`] },
          ],
        }),
      }),
    );
    const before = await snapshot(s3, bucket);

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'smoke' }));

    const smoke = run.gate('smoke');
    expect(smoke.status).toBe('FAIL');
    expect(smoke.summary).toMatch(/^HEAD payload\.bin: S3 HeadObject on bucket '.*' at .* was denied/);
    const operations = (await run.resultsJson()).gates
      .find((gate) => gate.id === 'smoke')
      ?.details?.operations.map((operation) => `${operation.operation} ${operation.result}`);
    expect(operations).toEqual(
      expect.arrayContaining([
        'PutObject ok',
        'CompleteMultipartUpload ok',
        'ListObjectsV2 cleanup ok',
        'DeleteObjects cleanup ok',
        'ListObjectsV2 final check empty',
      ]),
    );
    expect(smoke.findings.map((finding) => finding.message)).toContain(
      `Cleanup: nothing of this run is left under ${smoke.facts.find((fact) => fact.label === 'Run prefix')?.value}.`,
    );
    expect(await snapshot(s3, bucket)).toEqual(before);
  });

  it('removes the versions and delete markers it created on a versioned bucket, and only those', async () => {
    const bucket = uniqueBucket('smoke-versioned');
    await createBucketWith(s3, bucket, EXISTING);
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    // Two versions of an existing attachment.
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${ENV_PREFIX}existing-1.bin`, Body: 'second version' }));
    const before = await versionSnapshot(s3, bucket);

    const run = await runWith(testInputs({ 's3-bucket': bucket }));

    expect(run.gate('smoke').status).toBe('PASS');
    expect(run.gate('smoke').facts.find((fact) => fact.label === 'Versioning')?.value).toBe('Enabled');
    expect(run.gate('smoke').findings.map((finding) => finding.message)).toContain(
      "Versioned bucket (Enabled): removed the run's 3 version(s) and 3 delete marker(s).",
    );
    expect(await versionSnapshot(s3, bucket)).toEqual(before);
  });

  // The contract changed (it was "never a key outside its own run prefix"): a run deletes under its own
  // prefix, and under another run-id-shaped _smoke/<run-id>/ only once that run is stale by both clocks.
  it('deletes only its own run prefix and stale runs: never a key beside them, without the run-id shape, or outside _smoke/', async () => {
    const bucket = uniqueBucket('smoke-scope');
    expect((await runWith(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle' }))).result?.result).toBe('PASS');
    const runId = smokeRunId(new Date('2026-01-02T03:04:05Z'), Uint8Array.from([1, 2, 3, 4]));
    const runPrefix = smokeRunPrefix(ENV_PREFIX, runId);
    const beside = [
      `${ENV_PREFIX}_smoke/${runId}`,
      `${ENV_PREFIX}_smoke/${runId}-sibling/payload.bin`,
      `${ENV_PREFIX}_smoke/${runId}x/payload.bin`,
      `${ENV_PREFIX}_smoke/payload.bin`,
      `${ENV_PREFIX}_smoke/notes/readme.txt`,
      `${ENV_PREFIX}_smoke/20200101T000000Z-0badc0de/payload.bin`,
      `${ENV_PREFIX}0b8f9c1e-4b1e-4a53-9d4e-1f0b8f9c1e4b.bin`,
      `chat-attachments/prod/_smoke/${runId}/payload.bin`,
    ];
    for (const key of beside) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'not this run' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${runPrefix}intruder.bin`, Body: 'inside the run prefix' }));
    const besideBefore = await snapshot(s3, bucket);

    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-ws-'));
    const config = loadConfig(readerOf(testInputs({ 's3-bucket': bucket })), workspace);
    const gateway = createS3Gateway(config.s3, silentLogger);
    try {
      const outcome = await createSmokeGate({ runId: () => runId }).run({
        config,
        s3: gateway,
        log: silentLogger,
        now: () => new Date(),
        previous: [],
        cancellation: new Cancellation(),
      });
      // The listing shows a key the run did not write: a finding, and the key is removed with the run's.
      expect(outcome.status).toBe('FAIL');
      expect(outcome.summary).toBe(`LIST ${runPrefix} does not show exactly the run's keys: unexpected intruder.bin.`);
    } finally {
      gateway.destroy();
    }
    expect(await snapshot(s3, bucket)).toEqual(besideBefore.filter((entry) => !entry.startsWith(`${runPrefix}intruder.bin `)));
  });
});
