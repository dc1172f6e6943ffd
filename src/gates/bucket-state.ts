import { S3Failure, type ReadOptions, type S3Gateway } from '../clients/s3.js';
import type { LifecycleRule, Versioning } from '../lifecycle/rule.js';

/**
 * Lifecycle rules and versioning, read in parallel; 'missing' when the bucket does not exist.
 * `lifecycle` applies to the rules only (e.g. fresh: ask the server again).
 */
export async function readBucketState(s3: S3Gateway, lifecycle: ReadOptions = {}): Promise<readonly [LifecycleRule[], Versioning] | 'missing'> {
  try {
    return await Promise.all([s3.getLifecycleRules(lifecycle), s3.getVersioning()]);
  } catch (error) {
    if (error instanceof S3Failure && error.code === 'NoSuchBucket') return 'missing';
    throw error;
  }
}
