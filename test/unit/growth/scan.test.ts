import { describe, expect, it } from 'vitest';
import { MAX_LIST_REQUESTS_IN_FLIGHT, scanPrefix } from '../../../src/growth/scan.js';
import { fakeBucket, object } from '../../support/fake-listing.js';

const prefix = 'chat-attachments/ci/';
const old = new Date('2020-01-01T00:00:00Z');
const recent = new Date('2026-01-01T00:00:00Z');
const cutoff = new Date('2025-01-01T00:00:00Z');

/** Deterministic pseudo-random keys spread over many next characters. */
function spreadKeys(count: number): string[] {
  const alphabet = '0123456789abcdefABCDEF-_.!';
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  return Array.from({ length: count }, (_, index) => {
    const first = alphabet[next() % alphabet.length] ?? 'x';
    return `${prefix}${first}${next().toString(36)}-${index}.${index % 3 === 0 ? 'json' : 'bin'}`;
  });
}

const ODD_KEYS = [
  prefix, // a "folder" object equal to the prefix itself
  `${prefix}a`, // equal to a shard's prefix
  `${prefix}a b+c.bin`,
  `${prefix}\u0001control.bin`,
  `${prefix} space.json`,
  `${prefix}%41.bin`,
  `${prefix}#hash.bin`,
  `${prefix}~tilde.json`,
  `${prefix}é.bin`,
  `${prefix}中.json`,
  `${prefix}😀.bin`,
  `${prefix}\uFFFD.bin`,
  `${prefix}z/deeper/key.bin`,
];
const OUTSIDE = ['chat-attachments/ci', 'chat-attachments/ci-extra/a.bin', 'chat-attachments/cj/a.bin', 'chat-attachments/c/a.bin', 'other/ci/a.bin'];

describe('scanPrefix (sharded, exact) on an in-memory ListObjectsV2', () => {
  const cases: { name: string; keys: string[]; pageSize: number }[] = [
    { name: 'an empty prefix', keys: [], pageSize: 1000 },
    { name: 'one page', keys: spreadKeys(40), pageSize: 1000 },
    { name: 'many pages across shards', keys: spreadKeys(3000), pageSize: 50 },
    { name: 'odd keys only, small pages', keys: ODD_KEYS, pageSize: 2 },
    { name: 'odd keys among many, small pages', keys: [...ODD_KEYS, ...spreadKeys(500)], pageSize: 7 },
    {
      name: 'every key under one next character',
      keys: Array.from({ length: 300 }, (_, i) => `${prefix}2026/03/${String(i).padStart(4, '0')}.bin`),
      pageSize: 25,
    },
    { name: 'every key outside the shard characters', keys: Array.from({ length: 120 }, (_, i) => `${prefix}é${i}.json`), pageSize: 10 },
  ];
  it.each(cases)('counts each key exactly once: $name', async ({ keys, pageSize }) => {
    const objects = [...keys, ...OUTSIDE].map((key, index) => object(key, 1 + ((index * 7919) % 1000), index % 5 === 0 ? old : recent));
    const inside = objects.filter((o) => o.key.startsWith(prefix));
    const { listPage } = fakeBucket(objects, pageSize);
    const { tally, stats } = await scanPrefix(listPage, { prefix, overdueBefore: cutoff });
    expect(tally.objects).toBe(inside.length);
    expect(tally.bytes).toBe(inside.reduce((sum, o) => sum + o.size, 0));
    expect(tally.byKind.bin + tally.byKind.json + tally.byKind.other).toBe(inside.length);
    expect(tally.byKind.json).toBe(inside.filter((o) => o.key.endsWith('.json')).length);
    expect(tally.overdue).toBe(inside.filter((o) => o.lastModified < cutoff).length);
    expect(stats.maxInFlight).toBeLessThanOrEqual(MAX_LIST_REQUESTS_IN_FLIGHT);
  });

  it('keeps at most the limit of requests in flight, and uses the parallelism', async () => {
    const { listPage } = fakeBucket(
      spreadKeys(5000).map((key) => object(key, 1)),
      20,
    );
    const limited = await scanPrefix(listPage, { prefix, overdueBefore: cutoff, maxInFlight: 2 });
    expect(limited.stats.maxInFlight).toBe(2);
    const full = await scanPrefix(listPage, { prefix, overdueBefore: cutoff });
    expect(MAX_LIST_REQUESTS_IN_FLIGHT).toBe(4);
    expect(full.stats.maxInFlight).toBe(MAX_LIST_REQUESTS_IN_FLIGHT);
    expect(full.tally.objects).toBe(5000);
  });

  it('ends after one request when the first page holds the whole prefix', async () => {
    const { listPage, requests } = fakeBucket(spreadKeys(10).map((key) => object(key, 1)));
    const { stats } = await scanPrefix(listPage, { prefix, overdueBefore: cutoff });
    expect(requests).toHaveLength(1);
    expect(stats).toMatchObject({ requests: 1, shards: 0 });
  });

  it('rejects when a page fails, so a partial count never passes', async () => {
    const { listPage } = fakeBucket(
      spreadKeys(200).map((key) => object(key, 1)),
      10,
    );
    let calls = 0;
    const failing: typeof listPage = async (request) => {
      calls += 1;
      if (calls === 5) throw new Error('S3 ListObjectsV2 failed: boom');
      return listPage(request);
    };
    await expect(scanPrefix(failing, { prefix, overdueBefore: cutoff })).rejects.toThrow('boom');
  });
});
