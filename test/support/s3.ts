import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { S3Client } from '@aws-sdk/client-s3';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

export const testS3 = () => inject('s3');

/** A fresh bucket name per test: tests never share state on the server. */
export function uniqueBucket(label: string): string {
  return `t-${label}-${randomBytes(4).toString('hex')}`.toLowerCase().slice(0, 63);
}

/** Where a test's S3 is and how to sign for it. */
export interface S3Server {
  readonly endpoint: string;
  readonly accessKey: string;
  readonly secretKey: string;
}

/** A raw SDK client for a server, to arrange and inspect its state independently of the code under test. */
export function clientFor(server: S3Server): S3Client {
  return new S3Client({
    endpoint: server.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKey, secretAccessKey: server.secretKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** A raw SDK client for the shared test server. */
export function rawClient(): S3Client {
  return clientFor(testS3());
}

/** Inputs for loadConfig/runGates pointing at the test server. */
export function testInputs(overrides: Record<string, string> = {}): Record<string, string> {
  const s3 = testS3();
  return {
    'app-env': 'ci',
    's3-endpoint': s3.endpoint,
    's3-access-key': s3.accessKey,
    's3-secret-key': s3.secretKey,
    's3-timeout-seconds': '10',
    ...overrides,
  };
}

export { readerOf } from './inputs.js';
