import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  ListMultipartUploadsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/report/escape.js';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';
import { runWith, snapshot, versionSnapshot } from '../support/smoke-run.js';

const s3 = rawClient();
afterAll(() => s3.destroy());

const ENV_PREFIX = 'chat-attachments/ci/';
const SMOKE = `${ENV_PREFIX}_smoke/`;
/** A run of 2020 that was killed: its run id is old on any clock. */
const OLD_RUN = '20200101T000000Z-0badc0de';
const OLD_PREFIX = `${SMOKE}${OLD_RUN}/`;
/** Never part of a run: no run-id shape, outside _smoke/, or another environment. */
const KEPT = [
  `${SMOKE}notes/readme.txt`,
  `${ENV_PREFIX}0b8f9c1e-4b1e-4a53-9d4e-1f0b8f9c1e4b.bin`,
  `${SMOKE}${OLD_RUN}`,
  `${SMOKE}${OLD_RUN}-sibling/payload.bin`,
  `chat-attachments/prod/_smoke/${OLD_RUN}/payload.bin`,
];
/**
 * The shortest smoke-stale-after s3-timeout-seconds 1 allows (a worst-case run is 12 x 1 s + 3 s):
 * the debris the test writes becomes stale by the server's clock after it, so the test waits that long.
 */
const TIMEOUT_SECONDS = '1';
const STALE_AFTER_MS = 16_000;

/** A bucket with the managed rule, an old run's object and open multipart upload, and keys no run owns. */
async function bucketWithDebris(label: string, versioned: boolean): Promise<{ bucket: string; uploadId: string }> {
  const bucket = uniqueBucket(label);
  expect((await runWith(testInputs({ 's3-bucket': bucket, gates: 'bucket' }))).result?.result).toBe('PASS');
  // Versioning first, so lifecycle writes the versioned pair of managed rules.
  if (versioned) await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  expect((await runWith(testInputs({ 's3-bucket': bucket, gates: 'lifecycle' }))).result?.result).toBe('PASS');
  for (const key of KEPT) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'not a run of the smoke gate' }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${OLD_PREFIX}payload.bin`, Body: 'left by a killed run' }));
  if (versioned) {
    // A second version and a delete marker: what a run killed in its versions step leaves.
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${OLD_PREFIX}meta.json`, Body: '{}' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${OLD_PREFIX}meta.json`, Body: '{"v":2}' }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: `${OLD_PREFIX}meta.json` }));
  }
  const created = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: `${OLD_PREFIX}payload-large.bin` }));
  await s3.send(new UploadPartCommand({ Bucket: bucket, Key: `${OLD_PREFIX}payload-large.bin`, UploadId: created.UploadId, PartNumber: 1, Body: 'part one' }));
  return { bucket, uploadId: created.UploadId ?? '' };
}

const smokeRun = (bucket: string, mode: 'apply' | 'plan') =>
  runWith(testInputs({ 's3-bucket': bucket, gates: 'smoke', mode, 's3-timeout-seconds': TIMEOUT_SECONDS, 'smoke-stale-after': `${STALE_AFTER_MS / 1000}s` }));

const messages = (run: Awaited<ReturnType<typeof runWith>>, level: string) =>
  run
    .gate('smoke')
    .findings.filter((finding) => finding.level === level)
    .map((finding) => finding.message);

const openUploads = async (bucket: string) =>
  ((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: SMOKE }))).Uploads ?? []).map((upload) => upload.UploadId);

describe("smoke removes earlier runs' debris, and only that", () => {
  // Both wait for the debris to become stale: side by side, they wait once.
  it.concurrent.each([
    { label: 'unversioned', versioned: false },
    { label: 'versioned', versioned: true },
  ])(
    'keeps a 2020 run while its writes are recent, reports it in plan, then removes its object and open upload naming the upload id ($label bucket)',
    async ({ label, versioned }) => {
      const { bucket, uploadId } = await bucketWithDebris(`debris-${label}`, versioned);
      const writtenAt = Date.now();
      const before = await snapshot(s3, bucket);
      const versionsBefore = await versionSnapshot(s3, bucket);

      // Right away: the run id is from 2020, but the server stamped its writes just now. Kept.
      const early = await smokeRun(bucket, 'apply');
      expect(early.gate('smoke').status, JSON.stringify(early.gate('smoke').findings)).toBe('PASS');
      expect(messages(early, 'info').join('\n')).toMatch(
        new RegExp(
          `^Kept 1 other run\\(s\\) under ${SMOKE} that are not stale \\(maybe still running\\): ${OLD_RUN} \\(.*upload id ${uploadId}; its newest write is \\d+ s old by the server's clock, not older than smoke-stale-after 16 s\\)\\.$`,
          'm',
        ),
      );
      expect(await snapshot(s3, bucket)).toEqual(before);
      expect(await openUploads(bucket)).toEqual([uploadId]);

      await sleep(Math.max(0, writtenAt + STALE_AFTER_MS + 1500 - Date.now()));

      // Plan: reported as WARN, nothing deleted.
      const planned = await smokeRun(bucket, 'plan');
      expect(planned.gate('smoke').status).toBe('WARN');
      expect(planned.gate('smoke').summary).toContain(`Debris of 1 earlier run(s) under ${SMOKE}, which mode: apply would remove`);
      expect(planned.gate('smoke').summary).toContain(`upload id ${uploadId}`);
      expect(await snapshot(s3, bucket)).toEqual(before);
      expect(await versionSnapshot(s3, bucket)).toEqual(versionsBefore);

      // Apply: removed, and the report names the upload it aborted.
      const swept = await smokeRun(bucket, 'apply');
      expect(swept.gate('smoke').status).toBe('PASS');
      const removed = messages(swept, 'info').find((message) => message.startsWith('Removed debris'));
      expect(removed).toMatch(
        new RegExp(
          `^Removed debris of 1 earlier run\\(s\\) older than smoke-stale-after 16 s: ${OLD_RUN} \\(1 object\\(s\\), .*1 unfinished multipart upload\\(s\\): upload id ${uploadId}\\)\\.$`,
        ),
      );
      expect(await swept.report('chat-attachment-s3-smoke-latest.md')).toContain(escapeMarkdown(`upload id ${uploadId}`));
      const details = (await swept.resultsJson()).gates.find((gate) => gate.id === 'smoke')?.details as
        { debris?: { removed: { runId: string; uploads: { uploadId: string }[]; complete: boolean }[] } } | undefined;
      expect(details?.debris?.removed).toEqual([expect.objectContaining({ runId: OLD_RUN, uploads: [expect.objectContaining({ uploadId })], complete: true })]);
      expect(swept.gate('smoke').facts.find((fact) => fact.label === 'Earlier runs')?.value).toBe('removed 1 stale run(s) (smoke-stale-after 16 s)');

      // Only the old run is gone: its current objects, and on the versioned bucket every version and marker.
      expect(await snapshot(s3, bucket)).toEqual(before.filter((entry) => !entry.startsWith(OLD_PREFIX)));
      expect(await versionSnapshot(s3, bucket)).toEqual(versionsBefore.filter((entry) => !entry.split(' ')[1]?.startsWith(OLD_PREFIX)));
      expect(await versionSnapshot(s3, bucket, OLD_PREFIX)).toEqual([]);
      for (const key of KEPT) expect((await snapshot(s3, bucket, key)).length, key).toBeGreaterThan(0);
      expect(await openUploads(bucket)).toEqual([]);
    },
    90_000,
  );
});
