import type { TestProject } from 'vitest/node';
import { startLocalS3 } from '../../src/cli/local-s3.js';

export interface TestS3 {
  readonly endpoint: string;
  readonly accessKey: string;
  readonly secretKey: string;
  /** ceph.conf of the local instance for radosgw-admin; empty with an external S3_ENDPOINT. */
  readonly cephConf: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    s3: TestS3;
  }
}

/**
 * One throwaway Ceph RGW for the whole run (stopped by PID afterwards), unless S3_ENDPOINT
 * points at a server already running (then S3_ACCESS_KEY / S3_SECRET_KEY are its credentials).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.S3_ENDPOINT;
  if (external) {
    project.provide('s3', {
      endpoint: external,
      accessKey: process.env.S3_ACCESS_KEY ?? '',
      secretKey: process.env.S3_SECRET_KEY ?? '',
      cephConf: process.env.CEPH_CONF ?? '',
    });
    return async () => undefined;
  }
  const started = performance.now();
  // No lifecycle processing on the shared instance: the tests that watch objects expire start an
  // RGW of their own, and a lifecycle pass over every test's buckets only adds load. Headers such
  // as x-amz-expiration come from the configuration and are unaffected.
  const rgw = await startLocalS3({ lifecycleThreads: false });
  process.stderr.write(`local RGW at ${rgw.endpoint} in ${Math.round(performance.now() - started)} ms\n`);
  project.provide('s3', { endpoint: rgw.endpoint, accessKey: rgw.accessKey, secretKey: rgw.secretKey, cephConf: rgw.cephConf });
  return () => rgw.stop();
}
