import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { lockKey } from '../../src/lifecycle/lock-policy.js';
import { runGates } from '../../src/run.js';
import { Cancellation } from '../../src/util/cancellation.js';
import { startHangingProxy } from '../support/hanging-proxy.js';
import { recordingHost } from '../support/host.js';
import { isLifecyclePut } from '../support/s3-proxy.js';
import { rawClient, testInputs, testS3, uniqueBucket } from '../support/s3.js';
import { readRules } from '../support/server-state.js';
import { tempDir } from '../support/workspace.js';

const s3 = rawClient();
afterAll(() => s3.destroy());

const lockExists = (bucket: string) =>
  s3.send(new HeadObjectCommand({ Bucket: bucket, Key: lockKey('chat-attachments') })).then(
    () => true,
    () => false,
  );

describe('a cancellation during lifecycle apply', () => {
  it('aborts the held PUT and still releases the lifecycle lock; no later gate starts', async () => {
    const bucket = uniqueBucket('lifecycle-cancel');
    // The lifecycle PUT never gets an answer: the run is cancelled while it waits, holding the lock.
    const proxy = await startHangingProxy(testS3().endpoint, {}, isLifecyclePut);
    const cancellation = new Cancellation();
    try {
      const host = {
        ...recordingHost(
          testInputs({ 's3-bucket': bucket, 's3-endpoint': proxy.endpoint, 's3-timeout-seconds': '5', gates: 'bucket,lifecycle,verify' }),
          await tempDir('lifecycle-cancel'),
        ),
        cancellation,
      };
      const running = runGates(host);
      await proxy.waitFor(isLifecyclePut);
      expect(await lockExists(bucket)).toBe(true);
      cancellation.cancel('SIGINT');
      const result = await running;

      expect(result?.gates.map((gate) => [gate.id, gate.status])).toEqual([
        ['bucket', 'PASS'],
        ['lifecycle', 'ERROR'],
        ['verify', 'NOT RUN'],
        ['go-no-go', 'FAIL'],
      ]);
      const lifecycle = result?.gates.find((gate) => gate.id === 'lifecycle');
      expect(lifecycle?.summary).toMatch(
        /^Cancelled \(SIGINT\): S3 PutBucketLifecycleConfiguration on bucket '.*' at .* was stopped: the run was cancelled \(SIGINT\)\.$/,
      );
      expect(result?.cancelledBy).toBe('SIGINT');
      // The release ran on the cleanup view: the lock is gone, and nothing was written.
      expect(await lockExists(bucket)).toBe(false);
      expect(await readRules(s3, bucket)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
