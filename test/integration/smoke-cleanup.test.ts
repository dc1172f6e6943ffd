import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/report/escape.js';
import { s3Request, startHangingProxy } from '../support/hanging-proxy.js';
import { rawClient, testInputs, testS3, uniqueBucket } from '../support/s3.js';
import { runWith, snapshot } from '../support/smoke-run.js';

const s3 = rawClient();
afterAll(() => s3.destroy());

const SMOKE = 'chat-attachments/ci/_smoke/';

describe('smoke cleanup is a phase of its own', () => {
  it('empties the run prefix when one HEAD hangs until s3-timeout-seconds and the client gives up on the endpoint', async () => {
    const bucket = uniqueBucket('smoke-hang');
    expect((await runWith(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle' }))).result?.result).toBe('PASS');
    let hung = 0;
    // The first HEAD of a smoke object never gets an answer.
    const proxy = await startHangingProxy(testS3().endpoint, {}, (request) => s3Request.isHeadUnder(SMOKE)(request) && (hung += 1) === 1);
    try {
      const run = await runWith(testInputs({ 's3-bucket': bucket, 's3-endpoint': proxy.endpoint, 's3-timeout-seconds': '2', gates: 'smoke' }));

      const smoke = run.gate('smoke');
      expect(smoke.status).toBe('ERROR');
      expect(smoke.summary).toMatch(/^HEAD .*: S3 HeadObject on bucket '.*' at .* did not answer within 2 s \(s3-timeout-seconds\)/);
      const operations = (await run.resultsJson()).gates
        .find((gate) => gate.id === 'smoke')
        ?.details?.operations.map((operation) => `${operation.operation} ${operation.result}`);
      // Before, every request after the timeout was "not attempted", cleanup included.
      expect(operations).toEqual(
        expect.arrayContaining([
          'ListObjectsV2 cleanup ok',
          'DeleteObjects cleanup ok',
          'ListObjectsV2 final check empty',
          'ListMultipartUploads final check empty',
        ]),
      );
      const runPrefix = smoke.facts.find((fact) => fact.label === 'Run prefix')?.value;
      expect(smoke.findings.map((finding) => finding.message)).toContain(`Cleanup: nothing of this run is left under ${runPrefix}.`);
      expect(await snapshot(s3, bucket, SMOKE)).toEqual([]);
      expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: SMOKE }))).Uploads ?? []).toEqual([]);
      expect(proxy.requests.filter(s3Request.isHeadUnder(SMOKE)).length).toBeGreaterThanOrEqual(3);
    } finally {
      await proxy.close();
    }
  });

  it('names what is left, keys and upload ids, as a FAIL when cleanup cannot remove it', async () => {
    const bucket = uniqueBucket('smoke-left');
    expect((await runWith(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle' }))).result?.result).toBe('PASS');
    // CompleteMultipartUpload, DeleteObjects and AbortMultipartUpload never get an answer: the
    // upload stays open and nothing can be removed.
    const proxy = await startHangingProxy(testS3().endpoint, {}, (request) => s3Request.isCompleteOrAbort(request) || s3Request.isMultiDelete(request));
    try {
      const run = await runWith(testInputs({ 's3-bucket': bucket, 's3-endpoint': proxy.endpoint, 's3-timeout-seconds': '2', gates: 'smoke' }));

      const smoke = run.gate('smoke');
      expect(smoke.status).toBe('ERROR');
      const [upload] = (await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: SMOKE }))).Uploads ?? [];
      expect(upload?.UploadId).toBeDefined();
      const left = smoke.findings.filter((finding) => finding.level === 'fail' && finding.message.startsWith('Cleanup left '));
      expect(left).toHaveLength(1);
      expect(left[0]?.message).toMatch(
        new RegExp(
          `^Cleanup left 2 object\\(s\\): meta\\.json, payload\\.bin; 1 unfinished multipart upload\\(s\\): payload-large\\.bin \\(upload id ${upload?.UploadId?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\) under ${SMOKE}\\d{8}T\\d{6}Z-[0-9a-f]{8}/\\.$`,
        ),
      );
      expect(left[0]?.remediation).toContain('by hand');
      expect(await run.report('chat-attachment-s3-smoke-latest.md')).toContain(`(upload id ${escapeMarkdown(upload?.UploadId ?? 'no upload')})`);
    } finally {
      await proxy.close();
    }
  });
});
