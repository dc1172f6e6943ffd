import { describe, expect, it } from 'vitest';
import { compareKeys, gapProbes, planShards } from '../../../src/growth/keys.js';

describe('compareKeys orders keys as S3 does (UTF-8 bytes)', () => {
  it.each([
    ['a', 'b', -1],
    ['a', 'a', 0],
    ['a', 'ab', -1],
    ['B', 'a', -1],
    ['~', 'é', -1],
    // U+FFFD sorts after U+1F600 in UTF-16 code units but before it in UTF-8 bytes.
    ['\uFFFD', '😀', -1],
    ['p/', 'p/\u0001', -1],
  ])('%j vs %j -> %i', (a, b, expected) => {
    expect(Math.sign(compareKeys(a, b))).toBe(expected);
    expect(Math.sign(compareKeys(b, a))).toBe(-expected || 0);
  });
});

describe('planShards', () => {
  const chars = ['0', 'a', 'b', 'c'];
  it('lists every shard from its start when nothing is counted yet', () => {
    expect(planShards('p/', undefined, chars)).toEqual(chars.map((c) => ({ prefix: `p/${c}`, startAfter: undefined })));
  });
  it('skips shards counted already and continues the one the last counted key falls in', () => {
    expect(planShards('p/', 'p/b17', chars)).toEqual([
      { prefix: 'p/b', startAfter: 'p/b17' },
      { prefix: 'p/c', startAfter: undefined },
    ]);
  });
  it('treats a counted key equal to a shard prefix as inside that shard', () => {
    expect(planShards('p/', 'p/b', chars)).toEqual([
      { prefix: 'p/b', startAfter: 'p/b' },
      { prefix: 'p/c', startAfter: undefined },
    ]);
  });
  it('plans nothing when the last counted key sorts after every shard character', () => {
    expect(planShards('p/', 'p/é', chars)).toEqual([]);
  });
  it('lists a shard whole when the counted key sorts between shard characters', () => {
    expect(planShards('p/', 'p/%', chars)).toEqual(chars.map((c) => ({ prefix: `p/${c}`, startAfter: undefined })));
  });
});

describe('gapProbes', () => {
  it('probes before each non-empty span, in key order, and after the last', () => {
    expect(gapProbes('p/0', [undefined, { firstKey: 'p/c1', lastKey: 'p/c9' }, { firstKey: 'p/a1', lastKey: 'p/a2' }])).toEqual([
      { startAfter: 'p/0', nextKnownKey: 'p/a1' },
      { startAfter: 'p/a2', nextKnownKey: 'p/c1' },
      { startAfter: 'p/c9', nextKnownKey: undefined },
    ]);
  });
  it('probes once to the end when every shard was empty', () => {
    expect(gapProbes('p/x', [undefined, undefined])).toEqual([{ startAfter: 'p/x', nextKnownKey: undefined }]);
  });
});
