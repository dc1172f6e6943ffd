/**
 * S3 lists keys in the order of their UTF-8 bytes. JavaScript compares UTF-16 code units, which
 * disagrees for characters above U+FFFF against U+E000..U+FFFF, so every comparison of keys goes
 * through this function.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Characters S3 calls safe in key names, in byte order: the scan lists one shard per next key
 * character among these. Keys whose next character is anything else are still counted (the gap
 * probes find them), just not in parallel.
 */
export const SHARD_CHARACTERS = [..."!'()*-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"];

export interface Shard {
  /** `<prefix><character>`: the shard lists exactly the keys starting with it. */
  readonly prefix: string;
  /** Continue after this key (everything up to it is already counted). */
  readonly startAfter: string | undefined;
}

/**
 * The shards still to list once every key up to `countedThrough` is counted: a shard whose keys
 * all sort at or before it is skipped; the one it falls in continues after it.
 */
export function planShards(prefix: string, countedThrough: string | undefined, characters: readonly string[] = SHARD_CHARACTERS): Shard[] {
  const shards: Shard[] = [];
  for (const character of characters) {
    const shardPrefix = `${prefix}${character}`;
    if (countedThrough === undefined || compareKeys(countedThrough, shardPrefix) < 0) {
      shards.push({ prefix: shardPrefix, startAfter: undefined });
    } else if (countedThrough.startsWith(shardPrefix)) {
      shards.push({ prefix: shardPrefix, startAfter: countedThrough });
    }
    // else: every key of this shard sorts before countedThrough, so it is counted already.
  }
  return shards;
}

/** First and last key a shard listed (in S3 order); undefined when it listed nothing. */
export interface ShardSpan {
  readonly firstKey: string;
  readonly lastKey: string;
}

/**
 * A check that nothing lies between two listed spans: list one key after `startAfter`; if it sorts
 * before `nextKnownKey` (or exists when nothing is known after), keys outside every shard exist
 * there (their next character is not a shard character) and must be listed up to `nextKnownKey`.
 */
export interface GapProbe {
  readonly startAfter: string;
  readonly nextKnownKey: string | undefined;
}

/**
 * The probes that make the shard listing exact: one between every two consecutive non-empty spans,
 * and one after the last. `countedThrough` is the last key counted before the shards ran.
 */
export function gapProbes(countedThrough: string, spans: readonly (ShardSpan | undefined)[]): GapProbe[] {
  const listed = spans.filter((span): span is ShardSpan => span !== undefined).sort((a, b) => compareKeys(a.firstKey, b.firstKey));
  const probes: GapProbe[] = [];
  let after = countedThrough;
  for (const span of listed) {
    probes.push({ startAfter: after, nextKnownKey: span.firstKey });
    if (compareKeys(span.lastKey, after) > 0) after = span.lastKey;
  }
  probes.push({ startAfter: after, nextKnownKey: undefined });
  return probes;
}
