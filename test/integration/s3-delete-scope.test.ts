import { CreateBucketCommand, CreateMultipartUploadCommand, ListMultipartUploadsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { createS3Gateway } from '../../src/clients/s3.js';
import { loadConfig } from '../../src/config/load.js';
import { silentLogger } from '../../src/util/logger.js';
import { rawClient, readerOf, testInputs, uniqueBucket } from '../support/s3.js';
import { snapshot } from '../support/smoke-run.js';

const s3 = rawClient();
afterAll(() => s3.destroy());

describe('S3 gateway delete scope (deleteObjects, abortMultipartUpload)', () => {
  it.each([
    ['a key beside the scope', ['chat-attachments/ci/_smoke/run-1/a.bin', 'chat-attachments/ci/_smoke/run-10/a.bin']],
    ['the scope folder itself', ['chat-attachments/ci/_smoke/run-1/']],
    ['a key of another environment', ['chat-attachments/prod/a.bin']],
  ])('refuses %s before sending any request, deleting nothing', async (_name, keys) => {
    const bucket = uniqueBucket('scope');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));
    const before = await snapshot(s3, bucket);
    const gateway = createS3Gateway(loadConfig(readerOf(testInputs({ 's3-bucket': bucket })), '/workspace').s3, silentLogger);
    try {
      await expect(
        gateway.deleteObjects(
          keys.map((key) => ({ key })),
          'chat-attachments/ci/_smoke/run-1/',
        ),
      ).rejects.toThrow("refusing to delete outside 'chat-attachments/ci/_smoke/run-1/'");
      expect(gateway.requestCounts()).toEqual({});
    } finally {
      gateway.destroy();
    }
    expect(await snapshot(s3, bucket)).toEqual(before);
  });

  it('refuses to abort an upload outside the scope before sending any request, leaving it open', async () => {
    const bucket = uniqueBucket('scope-abort');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const key = 'chat-attachments/ci/_smoke/20200101T000000Z-0badc0de/payload-large.bin';
    const upload = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
    const gateway = createS3Gateway(loadConfig(readerOf(testInputs({ 's3-bucket': bucket })), '/workspace').s3, silentLogger);
    try {
      await expect(gateway.abortMultipartUpload(key, upload.UploadId ?? '', 'chat-attachments/ci/_smoke/20261128T044742Z-3f9a1c2b/')).rejects.toThrow(
        `refusing to abort an upload outside 'chat-attachments/ci/_smoke/20261128T044742Z-3f9a1c2b/': ${key}`,
      );
      expect(gateway.requestCounts()).toEqual({});
    } finally {
      gateway.destroy();
    }
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads?.map((entry) => entry.UploadId)).toEqual([upload.UploadId]);
  });

  it('refuses an empty scope or one without a trailing slash', async () => {
    const gateway = createS3Gateway(loadConfig(readerOf(testInputs({ 's3-bucket': uniqueBucket('scope') })), '/workspace').s3, silentLogger);
    try {
      await expect(gateway.deleteObjects([{ key: 'a/b' }], '')).rejects.toThrow('refusing to delete');
      await expect(gateway.deleteObjects([{ key: 'a/b' }], 'a')).rejects.toThrow('refusing to delete');
      expect(gateway.requestCounts()).toEqual({});
    } finally {
      gateway.destroy();
    }
  });
});
