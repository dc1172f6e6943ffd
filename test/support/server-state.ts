import {
  GetBucketLifecycleConfigurationCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketVersioningCommand,
  CreateBucketCommand,
  type LifecycleRule,
  type S3Client,
} from '@aws-sdk/client-s3';

// Server state read and arranged with the raw SDK client, independently of the code under test.

/** Sorted keys, no undefined values, dates as ISO text: equal rules give equal strings. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, field]) => field !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, field]) => [key, sortKeys(field)]),
    );
  }
  return value;
}

/** The bucket's lifecycle rules as the server returns them; [] when it has no configuration. */
export async function readRules(client: S3Client, bucket: string): Promise<LifecycleRule[]> {
  try {
    const response = await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
    return response.Rules ?? [];
  } catch (error) {
    if (error instanceof Error && error.name === 'NoSuchLifecycleConfiguration') return [];
    throw error;
  }
}

/** Canonical form of a configuration: each rule canonical, rules sorted by ID. */
export function canonicalRules(rules: readonly LifecycleRule[]): string[] {
  return [...rules].sort((a, b) => (a.ID ?? '').localeCompare(b.ID ?? '')).map((rule) => canonical(rule));
}

export async function bucketExists(client: S3Client, bucket: string): Promise<boolean> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || status === 400) return false;
    throw error;
  }
}

export interface ServerState {
  readonly exists: boolean;
  readonly versioning: string;
  readonly rules: readonly string[];
}

/** Everything the gates could change about one bucket, comparable with toEqual. */
export async function serverState(client: S3Client, bucket: string): Promise<ServerState> {
  if (!(await bucketExists(client, bucket))) return { exists: false, versioning: '', rules: [] };
  const versioning = await client.send(new GetBucketVersioningCommand({ Bucket: bucket }));
  return { exists: true, versioning: versioning.Status ?? 'Unversioned', rules: canonicalRules(await readRules(client, bucket)) };
}

export async function createBucketWith(
  client: S3Client,
  bucket: string,
  options: { readonly rules?: readonly LifecycleRule[]; readonly versioned?: boolean } = {},
): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  if (options.versioned) {
    await client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  }
  if (options.rules && options.rules.length > 0) {
    await client.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [...options.rules] } }));
  }
}
