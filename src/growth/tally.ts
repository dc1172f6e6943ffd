import type { ListedObject } from './listing.js';

/** How many overdue keys a report lists: enough to investigate, bounded whatever the count. */
export const OVERDUE_SAMPLE_SIZE = 20;

export type ObjectKind = 'bin' | 'json' | 'other';

/** The runbook's two object kinds: payload (`*.bin`) and metadata (`*.json`). */
export function kindOf(key: string): ObjectKind {
  if (key.endsWith('.bin')) return 'bin';
  if (key.endsWith('.json')) return 'json';
  return 'other';
}

/**
 * Everything the growth gate reports about a prefix, kept as running aggregates: its size does
 * not depend on the number of objects (the overdue sample is bounded).
 */
export interface GrowthTally {
  objects: number;
  bytes: number;
  readonly byKind: Record<ObjectKind, number>;
  oldest: ListedObject | undefined;
  newest: ListedObject | undefined;
  overdue: number;
  overdueBytes: number;
  /** The oldest overdue objects, oldest first, at most `sampleSize`. */
  readonly overdueSample: ListedObject[];
}

export function createTally(): GrowthTally {
  return { objects: 0, bytes: 0, byKind: { bin: 0, json: 0, other: 0 }, oldest: undefined, newest: undefined, overdue: 0, overdueBytes: 0, overdueSample: [] };
}

/** Counts one object; it is overdue when it was last modified before `overdueBefore`. */
export function countObject(tally: GrowthTally, object: ListedObject, overdueBefore: Date, sampleSize = OVERDUE_SAMPLE_SIZE): void {
  tally.objects += 1;
  tally.bytes += object.size;
  tally.byKind[kindOf(object.key)] += 1;
  const time = object.lastModified.getTime();
  if (tally.oldest === undefined || time < tally.oldest.lastModified.getTime()) tally.oldest = object;
  if (tally.newest === undefined || time > tally.newest.lastModified.getTime()) tally.newest = object;
  if (time < overdueBefore.getTime()) {
    tally.overdue += 1;
    tally.overdueBytes += object.size;
    keepOldest(tally.overdueSample, object, sampleSize);
  }
}

/** Inserts in age order and drops the youngest beyond `size`: O(size) per object, size is small. */
function keepOldest(sample: ListedObject[], object: ListedObject, size: number): void {
  const time = object.lastModified.getTime();
  const last = sample[sample.length - 1];
  if (sample.length >= size && last !== undefined && last.lastModified.getTime() <= time) return;
  let index = sample.length;
  while (index > 0 && (sample[index - 1]?.lastModified.getTime() ?? 0) > time) index -= 1;
  sample.splice(index, 0, object);
  if (sample.length > size) sample.pop();
}

/** The cut-off: objects older than expire-days plus the grace are overdue. */
export function overdueCutoff(now: Date, expireDays: number, graceDays: number): Date {
  return new Date(now.getTime() - (expireDays + graceDays) * 86_400_000);
}
