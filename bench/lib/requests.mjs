// Names S3 requests by method, path and Range header, so every variant's requests print the same
// way and can be compared operation by operation.

/** Query keys that name no subresource: the SDK's x-id and a listing's parameters. */
const IGNORED_QUERY_KEYS = new Set(['x-id']);

/**
 * "HEAD /bucket" -> "HeadBucket"; "GET /bucket?lifecycle" -> "GetBucketLifecycleConfiguration";
 * "PUT /bucket/key?partNumber=1&uploadId=..." -> "UploadPart"; a GET of a key with a Range
 * header -> "GetObject (range)". `bucket` strips a path-style bucket; without it (or when the
 * path does not start with it, virtual-hosted addressing) the whole path is taken as the key.
 */
export function s3Operation(method, requestPath, range, bucket) {
  const [pathname = '', query = ''] = requestPath.split('?');
  const keys = new Set(query.split('&').filter(Boolean).map((part) => part.split('=')[0]).filter((key) => !IGNORED_QUERY_KEYS.has(key)));
  const segments = pathname.split('/').filter(Boolean);
  const objectKey = (bucket === undefined || segments[0] === bucket ? segments.slice(1) : segments).join('/');
  if (objectKey === '') return bucketOperation(method, keys) ?? `${method} ${requestPath}`;
  return objectOperation(method, keys, range) ?? `${method} ${requestPath}`;
}

function bucketOperation(method, keys) {
  const subresource = keys.has('lifecycle') ? 'LifecycleConfiguration' : keys.has('versioning') ? 'Versioning' : undefined;
  if (subresource) return { GET: `GetBucket${subresource}`, PUT: `PutBucket${subresource}`, DELETE: `DeleteBucket${subresource}` }[method];
  if (method === 'HEAD' && keys.size === 0) return 'HeadBucket';
  if (method === 'PUT' && keys.size === 0) return 'CreateBucket';
  if (method === 'POST' && keys.has('delete')) return 'DeleteObjects';
  if (method !== 'GET') return undefined;
  if (keys.has('versions')) return 'ListObjectVersions';
  if (keys.has('uploads')) return 'ListMultipartUploads';
  if (keys.has('list-type')) return 'ListObjectsV2';
  return undefined;
}

function objectOperation(method, keys, range) {
  switch (method) {
    case 'PUT':
      return keys.has('uploadId') && keys.has('partNumber') ? 'UploadPart' : keys.size === 0 ? 'PutObject' : undefined;
    case 'POST':
      return keys.has('uploads') ? 'CreateMultipartUpload' : keys.has('uploadId') ? 'CompleteMultipartUpload' : undefined;
    case 'DELETE':
      return keys.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
    case 'HEAD':
      return 'HeadObject';
    case 'GET':
      return range ? 'GetObject (range)' : 'GetObject';
    default:
      return undefined;
  }
}

/** Counts of each operation, e.g. { HeadBucket: 1, GetBucketVersioning: 2 }. */
export function countOperations(requests, bucket) {
  const counts = {};
  for (const { method, path, range } of requests) {
    const name = s3Operation(method, path, range, bucket);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** Requests that change the bucket's configuration (a steady-state run must send none). */
export function configWriteCount(counts) {
  return sumWhere(counts, (name) => /^(CreateBucket|PutBucket|DeleteBucket)/.test(name));
}

/** Requests that write or delete objects (the smoke gate's test objects). */
export function objectWriteCount(counts) {
  return sumWhere(counts, (name) => !/^(Get|Head|List)/.test(name)) - configWriteCount(counts);
}

function sumWhere(counts, matches) {
  return Object.entries(counts)
    .filter(([name]) => matches(name))
    .reduce((sum, [, count]) => sum + count, 0);
}

export function total(counts) {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/** The operations in the order a default run sends them first; others after, by name. */
const ORDER = [
  'HeadBucket',
  'CreateBucket',
  'GetBucketLifecycleConfiguration',
  'PutBucketLifecycleConfiguration',
  'GetBucketVersioning',
  'PutObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
  'HeadObject',
  'GetObject',
  'GetObject (range)',
  'ListObjectsV2',
  'DeleteObjects',
  'ListObjectVersions',
];

export function operationNames(...countsList) {
  const names = new Set(countsList.flatMap((counts) => Object.keys(counts)));
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** "HeadBucket 1, GetBucketLifecycleConfiguration 1, ..." in a fixed order. */
export function describeCounts(counts) {
  return operationNames(counts).map((name) => `${name} ${counts[name]}`).join(', ');
}

/** "GetBucketVersioning: action 2, baseline 1; ..." for every operation whose counts differ; '' when equal. */
export function describeDifferences(left, right, [leftLabel, rightLabel]) {
  return operationNames(left, right)
    .filter((name) => (left[name] ?? 0) !== (right[name] ?? 0))
    .map((name) => `${name}: ${leftLabel} ${left[name] ?? 0}, ${rightLabel} ${right[name] ?? 0}`)
    .join('; ');
}

function rank(name) {
  const index = ORDER.indexOf(name);
  return index === -1 ? ORDER.length : index;
}

/** "METHOD path [range]" lines (the preload's log, the in-process bench's output) as requests. */
export function parseRequestLines(lines) {
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [method = '', path = '', range] = line.split(' ');
      return { method, path, ...(range ? { range } : {}) };
    });
}

/** "METHOD path [range]": paths are URL-encoded and ranges are `bytes=a-b`, so neither has a space. */
export function requestLine(method, path, range) {
  return `${method} ${path}${range ? ` ${String(range).replace(/\s+/g, '')}` : ''}`;
}

/** The HTTP requests in AWS CLI --debug output (botocore logs "Sending http request: ..."). */
export function parseAwsCliDebug(stderr) {
  const requests = [];
  for (const line of stderr.split('\n')) {
    const match = /Sending http request: <AWSPreparedRequest [^>]*?method=(\w+), url=(\S+?),/.exec(line);
    if (!match) continue;
    const url = new URL(match[2]);
    const range = /'Range': b'([^']*)'/.exec(line)?.[1];
    requests.push({ method: match[1], path: `${url.pathname}${url.search}`, ...(range ? { range } : {}) });
  }
  return requests;
}
