import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../src/cli/local-s3.js';
import { startAttachmentService, type AttachmentService, type AttachmentServiceVariant } from '../support/attachment-service.js';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';
import { createBucketWith, runWith, snapshot } from '../support/smoke-run.js';

const s3 = rawClient();
const ENV_PREFIX = 'chat-attachments/ci/';
const TOKEN = 'chat-token-9f3b2c71d4e85a60';
const EXISTING = { [`${ENV_PREFIX}existing.bin`]: 'attachment', [`${ENV_PREFIX}existing.json`]: '{}' };

let services: AttachmentService[] = [];
afterEach(async () => {
  await Promise.all(services.map((service) => service.stop()));
  services = [];
});
afterAll(() => s3.destroy());

/** A bucket with the managed rule applied and a few attachments, plus the reference service. */
async function arrange(label: string, variant: AttachmentServiceVariant) {
  const bucket = uniqueBucket(label);
  await createBucketWith(s3, bucket, EXISTING);
  expect((await runWith(testInputs({ 's3-bucket': bucket, gates: 'lifecycle' }))).result?.result).toBe('PASS');
  const service = await startAttachmentService({ variant, s3, bucket, envPrefix: ENV_PREFIX, token: TOKEN });
  services.push(service);
  return { bucket, service, before: await snapshot(s3, bucket) };
}

const apiDetails = async (run: Awaited<ReturnType<typeof runWith>>) => (await run.resultsJson()).gates.find((gate) => gate.id === 'smoke')?.details?.api;

describe('smoke gate API level against a reference attachment service', () => {
  it('PASSes when the service stores uploads in the bucket, and never shows the token', async () => {
    const { bucket, service, before } = await arrange('api-pass', 's3');

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'smoke', 'chat-api-url': service.url, 'chat-api-token': TOKEN }));

    expect(run.gate('smoke').status).toBe('PASS');
    expect(run.result?.result).toBe('PASS');
    const api = await apiDetails(run);
    expect(api).toMatchObject({ inBucket: true, downloadMatches: true, bucketMatches: true });
    const upload = service.uploads[0];
    expect(service.uploads).toHaveLength(1);
    expect(api?.attachmentId).toBe(upload?.id);
    expect(api?.objectKey).toBe(`${ENV_PREFIX}${upload?.id}.bin`);
    // The service's own object is really there, under <prefix>/<env>/, and covered by the managed rule.
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: `${ENV_PREFIX}${upload?.id}.bin` }));
    expect(head.Expiration).toContain('rule-id="surreal-release-gates:chat-attachments/ci"');
    expect(service.requests.map((request) => [request.method, request.path, request.authorization])).toEqual([
      ['POST', '/v1/chat/attachments/upload', `Bearer ${TOKEN}`],
      ['GET', `/v1/chat/attachments/${upload?.id}/download`, `Bearer ${TOKEN}`],
    ]);
    // Only the service's own attachment was added; no _smoke key remains; the rest is untouched.
    const after = await snapshot(s3, bucket);
    expect(after.filter((entry) => !entry.startsWith(`${ENV_PREFIX}${upload?.id}.`))).toEqual(before);
    expect(after.some((entry) => entry.includes('/_smoke/'))).toBe(false);
    // The service's attachment is left for the lifecycle rule, and the report says so.
    expect(run.gate('smoke').findings.map((finding) => finding.message)).toContain(
      `The attachment uploaded through the chat API (${ENV_PREFIX}${upload?.id}.bin) is not deleted: it lies outside the run prefix, and the managed lifecycle rule expires it after 30 days.`,
    );
    const report = await run.report('chat-attachment-s3-smoke-latest.md');
    expect(report).toMatch(/\| API upload \| \/v1\/chat\/attachments\/upload \| HTTP 201 \| \d+ \|/);
    expect(report).toMatch(/\| API download \| \/v1\/chat\/attachments\/[0-9a-f-]+\/download \| HTTP 200 \| \d+ \|/);
    expect(run.host.masked).toContain(TOKEN);
    expect(await run.everything()).not.toContain(TOKEN);
  });

  it('FAILs when the service falls back to local disk: the upload is not in the bucket', async () => {
    const { bucket, service, before } = await arrange('api-fallback', 'local-disk');

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'smoke', 'chat-api-url': service.url, 'chat-api-token': TOKEN }));

    expect(run.gate('smoke').status).toBe('FAIL');
    expect(run.gate('smoke').summary).toBe(
      `The attachment uploaded through the API is not in bucket ${bucket} at ${ENV_PREFIX}${service.uploads[0]?.id}.bin: the service did not store it in S3 (a fallback to local storage?).`,
    );
    expect(await apiDetails(run)).toMatchObject({ downloadMatches: true, inBucket: false });
    expect(await snapshot(s3, bucket)).toEqual(before);
  });

  it('FAILs when the API answers other bytes than were uploaded', async () => {
    const { bucket, service } = await arrange('api-bytes', 'other-bytes');

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'smoke', 'chat-api-url': service.url, 'chat-api-token': TOKEN }));

    expect(run.gate('smoke').status).toBe('FAIL');
    expect(run.gate('smoke').summary).toMatch(
      /^Chat API download of [0-9a-f-]+ answered other bytes than were uploaded: 32845 bytes with SHA-256 [0-9a-f]{64}, uploaded 32845 bytes with [0-9a-f]{64}\.$/,
    );
    expect(await apiDetails(run)).toMatchObject({ downloadMatches: false, inBucket: true, bucketMatches: true });
  });

  it('FAILs naming chat-api-token when the service rejects the token, without printing it', async () => {
    const { bucket, service } = await arrange('api-token', 's3');
    const wrong = 'wrong-token-5be0c1a2f37d';

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'smoke', 'chat-api-url': service.url, 'chat-api-token': wrong }));

    const failing = run.gate('smoke').findings.find((finding) => finding.level === 'fail');
    expect(failing?.message).toBe(`Chat API upload ${service.url}/v1/chat/attachments/upload answered HTTP 401: the bearer token was missing or rejected.`);
    expect(failing?.remediation).toContain('chat-api-token');
    expect(service.uploads).toEqual([]);
    expect(await run.everything()).not.toContain(wrong);
  });

  it('fails within chat-api-timeout-seconds naming chat-api-url when the API is unreachable', async () => {
    const bucket = uniqueBucket('api-down');
    const closed = `http://127.0.0.1:${await freePort()}`;

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle,smoke', 'chat-api-url': closed, 'chat-api-timeout-seconds': '3' }));

    const smoke = run.gate('smoke');
    expect(smoke.status).toBe('ERROR');
    expect(smoke.summary).toBe(
      `Chat API upload ${closed}/v1/chat/attachments/upload failed: unreachable (ECONNREFUSED) after 3 attempt(s). Check chat-api-url (${closed}/) and that the service is running.`,
    );
    expect(run.host.logs.filter((line) => line.startsWith('warning Chat API upload: retry'))).toHaveLength(2);
    expect(run.result?.result).toBe('FAIL');
    expect(run.elapsedMs).toBeLessThan(10_000);
  });
});
