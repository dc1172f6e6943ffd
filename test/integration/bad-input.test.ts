import { describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';
import { createBucketWith, serverState } from '../support/server-state.js';
import { tempDir } from '../support/workspace.js';
import { FOREIGN_RULES } from './foreign-rules.js';

/** Each breaks one rule of the input schema; every run selects the default gates in mode apply (which would write). */
const BAD_INPUTS = [
  { input: 'expire-days', value: 'abc' },
  { input: 'expire-days', value: '0' },
  { input: 'expire-days', value: '36501' },
  { input: 'expect-expire-days', value: '-3' },
  { input: 'chat-attachment-s3-prefix', value: 'a/../b' },
  { input: 'chat-attachment-s3-prefix', value: '/leading' },
  { input: 'chat-attachment-s3-prefix', value: 'chat/*' },
  { input: 'chat-attachment-s3-prefix', value: 'chat//attachments' },
  { input: 'chat-attachment-required-prefixes', value: 'other/ci/' },
  { input: 'app-env', value: 'Prod' },
  { input: 's3-bucket', value: 'Bad_Bucket' },
  { input: 'gates', value: 'bucket,nope' },
  { input: 'gates', value: 'bucket,bucket' },
  { input: 'mode', value: 'yolo' },
  { input: 'fail-fast', value: 'maybe' },
  { input: 's3-timeout-seconds', value: '0' },
  { input: 's3-endpoint', value: 'ftp://127.0.0.1:21' },
] as const;

async function runWith(overrides: Record<string, string>) {
  const host = recordingHost(testInputs({ ...overrides }), await tempDir('bad'));
  const result = await runGates(host);
  return { host, result };
}

describe('bad input stops the run before any write', () => {
  it.each(BAD_INPUTS)("$input = '$value': one failure line naming the input, result FAIL, server unchanged", async ({ input, value }) => {
    const client = rawClient();
    const existing = uniqueBucket('bad-existing');
    await createBucketWith(client, existing, { rules: FOREIGN_RULES.slice(0, 2) });
    const missing = uniqueBucket('bad-missing');
    // A bad bucket name is itself the target; otherwise try both an existing and a missing bucket.
    const targets = input === 's3-bucket' ? [value] : [existing, missing];

    for (const bucket of targets) {
      const before = await serverState(client, bucket);
      const { host, result } = await runWith({ 's3-bucket': bucket, [input]: value });

      expect(result).toBeUndefined();
      expect(host.failures).toHaveLength(1);
      const [failure = ''] = host.failures;
      expect(failure).toContain(`'${input}'`);
      expect(failure).toContain('Expected');
      expect(failure).not.toContain('\n');
      expect(host.outputs.result).toBe('FAIL');
      expect(host.summary).toContain('Result: FAIL');
      expect(await serverState(client, bucket)).toEqual(before);
    }
    expect((await serverState(client, missing)).exists).toBe(false);
  });
});
