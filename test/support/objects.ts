import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mapWithLimit } from '../../src/util/pool.js';

/** Creates the bucket and puts each key with a body of `size(key)` bytes, 16 at a time. */
export async function seedObjects(
  client: S3Client,
  bucket: string,
  keys: readonly string[],
  size: (key: string, index: number) => number = () => 1,
): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: unknown) => {
    if ((error as { name?: string }).name !== 'BucketAlreadyOwnedByYou') throw error;
  });
  await mapWithLimit(keys, 16, (key, index) => client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.alloc(size(key, index), 120) })));
}

/** A plain sequential listing with the raw SDK: the reference the sharded scan must agree with. */
export async function listAll(client: S3Client, bucket: string, prefix: string): Promise<{ key: string; size: number }[]> {
  const objects: { key: string; size: number }[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
    for (const object of page.Contents ?? []) objects.push({ key: object.Key ?? '', size: object.Size ?? 0 });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}
