import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../../src/cli/local-s3.js';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { listAll, seedObjects } from '../support/objects.js';
import { clientFor, testInputs, uniqueBucket, type S3Server } from '../support/s3.js';

/**
 * Both RGWs make a lifecycle "day" last 10 s. The growth gate's clock runs at the same pace
 * (10 real seconds = one day from the start of the test), so expire-days 1 + grace 1 means
 * "overdue after 20 s": the RGW that runs lifecycle has removed the objects by then; the one
 * started without lifecycle processing still holds them.
 */
const SECONDS_PER_DAY = 10;
const scaledClock = (start: number) => () => new Date(start + (Date.now() - start) * (86_400 / SECONDS_PER_DAY));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies the 1-day rule with the action itself, seeds objects, and returns when they were written. */
async function arrange(server: S3Server, bucket: string, now: () => Date) {
  const inputs = testInputs({
    's3-endpoint': server.endpoint,
    's3-access-key': server.accessKey,
    's3-secret-key': server.secretKey,
    's3-bucket': bucket,
    'expire-days': '1',
  });
  const workspace = await mkdtemp(path.join(tmpdir(), 'srg-growth-lc-'));
  const applied = await runGates(recordingHost({ ...inputs, gates: 'bucket,lifecycle,verify' }, workspace));
  expect(applied?.result).toBe('PASS');
  const keys = ['a.bin', 'a.json', 'b.bin', 'b.json'].map((name) => `chat-attachments/ci/${name}`);
  await seedObjects(clientFor(server), bucket, [...keys, 'keep/outside.bin'], () => 64);
  const written = Date.now();
  const growth = async () => {
    const host = recordingHost({ ...inputs, gates: 'growth', 'retention-grace-days': '1' }, workspace, now);
    const result = await runGates(host);
    return { host, growth: result?.gates.find((gate) => gate.id === 'growth') };
  };
  return { keys, written, growth };
}

describe('growth gate against real lifecycle processing (10 s lifecycle day)', () => {
  let withoutLifecycle: LocalS3 | undefined;
  // Its own RGW with lifecycle on, too: the shared one's lifecycle pass walks every other test's
  // buckets, and under load it was seen taking longer than the deadline below.
  let withLifecycle: LocalS3 | undefined;
  beforeAll(async () => {
    [withoutLifecycle, withLifecycle] = await Promise.all([
      startLocalS3({ lifecycleThreads: false, lifecycleDaySeconds: SECONDS_PER_DAY }),
      startLocalS3({ lifecycleDaySeconds: SECONDS_PER_DAY }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([withoutLifecycle?.stop(), withLifecycle?.stop()]);
  });

  it.concurrent(
    'FAILs on an RGW started without lifecycle processing: objects stay past expiry + grace',
    async () => {
      const server = withoutLifecycle as LocalS3;
      const start = Date.now();
      const bucket = uniqueBucket('growth-nolc');
      const { keys, written, growth } = await arrange(server, bucket, scaledClock(start));
      await sleep(Math.max(0, written + 25_000 - Date.now())); // 2.5 lifecycle days after the last write
      expect(await listAll(clientFor(server), bucket, 'chat-attachments/ci/')).toHaveLength(keys.length);
      const { host, growth: result } = await growth();
      expect(result?.status).toBe('FAIL');
      expect(host.outputs).toMatchObject({ 'growth-objects': String(keys.length), 'growth-overdue': String(keys.length) });
      expect(result?.summary).toContain('lifecycle is not executing');
    },
    120_000,
  );

  it.concurrent(
    'PASSes on the RGW that runs lifecycle: the same objects expire in time',
    async () => {
      const server = withLifecycle as LocalS3;
      const start = Date.now();
      const bucket = uniqueBucket('growth-lc');
      const { written, growth } = await arrange(server, bucket, scaledClock(start));
      const client = clientFor(server);
      const deadline = Date.now() + 90_000;
      while ((await listAll(client, bucket, 'chat-attachments/ci/')).length > 0) {
        if (Date.now() > deadline) throw new Error('lifecycle did not expire the objects within 90 s');
        await sleep(2000);
      }
      expect(await listAll(client, bucket, 'keep/')).toHaveLength(1);
      await sleep(Math.max(0, written + 25_000 - Date.now())); // the same point of the clock as the FAIL case
      const { host, growth: result } = await growth();
      expect(result?.status).toBe('PASS');
      expect(host.outputs).toMatchObject({ 'growth-objects': '0', 'growth-overdue': '0' });
    },
    120_000,
  );
});
