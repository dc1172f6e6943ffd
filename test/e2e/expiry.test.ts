import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../../src/cli/local-s3.js';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { clientFor, testInputs, uniqueBucket } from '../support/s3.js';
import { tempDir } from '../support/workspace.js';

const POLL_MS = 2_000;
const DEADLINE_MS = 90_000;

async function exists(client: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

// An RGW of this test's own with a lifecycle debug interval of 10 s: one "day" lasts 10 s. (The
// shared RGW's lifecycle pass walks every other test's buckets and can outlast the deadline.)
let server: LocalS3 | undefined;
beforeAll(async () => {
  server = await startLocalS3({ lifecycleDaySeconds: 10 });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

it('objects under the env prefix really expire after the applied 1-day rule, a key outside it stays', async () => {
  const rgw = server as LocalS3;
  const client = clientFor(rgw);
  const bucket = uniqueBucket('expiry');
  const inputs = testInputs({
    's3-endpoint': rgw.endpoint,
    's3-access-key': rgw.accessKey,
    's3-secret-key': rgw.secretKey,
    's3-bucket': bucket,
    'expire-days': '1',
  });
  const host = recordingHost(inputs, await tempDir('expiry'));
  const result = await runGates(host);
  expect(host.failures).toEqual([]);
  expect(result?.result).toBe('PASS');

  const expiring = ['chat-attachments/ci/room-1/photo.bin', 'chat-attachments/ci/room-1/meta.json'];
  const outside = 'other/keep.bin';
  for (const key of [...expiring, outside]) {
    const put = await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `content of ${key}` }));
    // The server itself says which rule covers each object.
    if (key === outside) expect(put.Expiration).toBeUndefined();
    else expect(put.Expiration).toContain('surreal-release-gates');
  }

  const started = performance.now();
  let remaining = expiring;
  while (remaining.length > 0 && performance.now() - started < DEADLINE_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const present = await Promise.all(remaining.map((key) => exists(client, bucket, key)));
    remaining = remaining.filter((_, index) => present[index]);
  }
  expect(remaining, `still present after ${Math.round((performance.now() - started) / 1000)} s`).toEqual([]);
  expect(await exists(client, bucket, outside)).toBe(true);
}, 120_000);
