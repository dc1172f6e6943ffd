import type { ListedObject, ListPage, ListPageFn, ListPageRequest } from '../../src/growth/listing.js';
import { compareKeys } from '../../src/growth/keys.js';

/**
 * An in-memory bucket answering like ListObjectsV2 (Prefix, StartAfter, ContinuationToken,
 * MaxKeys, keys in UTF-8 byte order), for table tests of the scan's sharding. It is a fake of
 * the project's own lister interface, not of the AWS SDK; the same scan also runs on the real RGW.
 */
export function fakeBucket(objects: readonly ListedObject[], pageSize = 1000): { listPage: ListPageFn; requests: ListPageRequest[] } {
  const sorted = [...objects].sort((a, b) => compareKeys(a.key, b.key));
  const requests: ListPageRequest[] = [];
  // First index whose key sorts after `key` (or at it, when `inclusive`): keys under a prefix are contiguous.
  const firstAfter = (key: string, inclusive: boolean): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const order = compareKeys((sorted[middle] as ListedObject).key, key);
      if (order > 0 || (inclusive && order === 0)) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const listPage = async (request: ListPageRequest): Promise<ListPage> => {
    requests.push(request);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const after = request.continuationToken ?? request.startAfter;
    const start = Math.max(firstAfter(request.prefix, true), after === undefined ? 0 : firstAfter(after, false));
    const size = Math.min(request.maxKeys ?? 1000, pageSize);
    const page: ListedObject[] = [];
    let index = start;
    for (; index < sorted.length && page.length < size; index += 1) {
      const candidate = sorted[index] as ListedObject;
      if (!candidate.key.startsWith(request.prefix)) break;
      page.push(candidate);
    }
    const truncated = (sorted[index]?.key.startsWith(request.prefix) ?? false) && page.length === size;
    return { objects: page, nextContinuationToken: truncated ? page[page.length - 1]?.key : undefined };
  };
  return { listPage, requests };
}

export function object(key: string, size: number, lastModified = new Date('2026-01-01T00:00:00Z')): ListedObject {
  return { key, size, lastModified };
}
