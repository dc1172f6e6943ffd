import { afterAll, describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { isLifecycleGet, startS3Proxy } from '../support/s3-proxy.js';
import { recordingHost } from '../support/host.js';
import { rawClient, testInputs, testS3, uniqueBucket } from '../support/s3.js';
import { readRules } from '../support/server-state.js';
import { tempDir } from '../support/workspace.js';
import { MANAGED_ID } from './foreign-rules.js';

const PUT_LIFECYCLE = 'PutBucketLifecycleConfigurationCommand';
const client = rawClient();
afterAll(() => client.destroy());

describe('AbortIncompleteMultipartUpload on the managed rule', () => {
  it('is written by apply, and verify names the rule that aborts uploads', async () => {
    const bucket = uniqueBucket('abort-mpu');
    const host = recordingHost(
      testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle,verify', 'abort-incomplete-multipart-days': '5' }),
      await tempDir('abort-mpu'),
    );

    const result = await runGates(host);

    expect(result?.gates.map((gate) => [gate.id, gate.status])).toEqual([
      ['bucket', 'PASS'],
      ['lifecycle', 'PASS'],
      ['verify', 'PASS'],
      ['go-no-go', 'PASS'],
    ]);
    const managed = (await readRules(client, bucket)).find((rule) => rule.ID === MANAGED_ID);
    expect(managed?.AbortIncompleteMultipartUpload).toEqual({ DaysAfterInitiation: 5 });
    const verify = result?.gates.find((gate) => gate.id === 'verify');
    expect(verify?.findings.map((finding) => finding.message)).toContain(
      `Unfinished multipart uploads under chat-attachments/ci/ are aborted 5 day(s) after they start, by rule ${MANAGED_ID}.`,
    );
  });

  it('from a server that drops it (a proxy strips it from GET lifecycle): info, one PUT per run, no failed read-back; verify WARNs', async () => {
    const bucket = uniqueBucket('abort-dropped');
    const proxy = await startS3Proxy(testS3().endpoint, {
      rewriteBody: (request) =>
        isLifecycleGet(request) ? (xml) => xml.replace(/<AbortIncompleteMultipartUpload>.*?<\/AbortIncompleteMultipartUpload>/gs, '') : undefined,
    });
    try {
      const run = async () => {
        const host = recordingHost(
          testInputs({ 's3-bucket': bucket, 's3-endpoint': proxy.endpoint, gates: 'bucket,lifecycle,verify' }),
          await tempDir('abort-dropped'),
        );
        return runGates(host);
      };

      for (const attempt of [1, 2]) {
        const result = await run();
        const lifecycle = result?.gates.find((gate) => gate.id === 'lifecycle');
        const verify = result?.gates.find((gate) => gate.id === 'verify');
        expect(lifecycle?.status, `run ${attempt}`).toBe('PASS');
        expect(result?.s3Requests[PUT_LIFECYCLE], `run ${attempt}`).toBe(1);
        expect(lifecycle?.findings.filter((finding) => finding.level === 'info').map((finding) => finding.message)).toContain(
          `The server keeps ${MANAGED_ID} without AbortIncompleteMultipartUpload: it drops the field (MinIO does, and removes stale uploads server-wide) or has not applied the new configuration yet. Unfinished uploads are not aborted by this rule; every apply writes it once more until abort-incomplete-multipart-days is 0.`,
        );
        expect(verify?.status).toBe('WARN');
        expect(verify?.findings.find((finding) => finding.level === 'warn')?.message).toMatch(
          /^No enabled rule covering chat-attachments\/ci\/ aborts unfinished multipart uploads/,
        );
        expect(result?.result).toBe('PASS');
      }
      // The proxy hid it; the server behind it has it.
      expect((await readRules(client, bucket)).find((rule) => rule.ID === MANAGED_ID)?.AbortIncompleteMultipartUpload).toEqual({ DaysAfterInitiation: 7 });
      expect(proxy.requests.filter(isLifecycleGet).length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('is left out with abort-incomplete-multipart-days 0, and verify WARNs', async () => {
    const bucket = uniqueBucket('abort-off');
    const result = await runGates(
      recordingHost(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle,verify', 'abort-incomplete-multipart-days': '0' }), await tempDir('abort-off')),
    );
    expect(result?.gates.map((gate) => [gate.id, gate.status])).toEqual([
      ['bucket', 'PASS'],
      ['lifecycle', 'PASS'],
      ['verify', 'WARN'],
      ['go-no-go', 'PASS'],
    ]);
    expect((await readRules(client, bucket)).find((rule) => rule.ID === MANAGED_ID)?.AbortIncompleteMultipartUpload).toBeUndefined();
  });
});
