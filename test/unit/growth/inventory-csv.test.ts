import { describe, expect, it } from 'vitest';
import { createVersionTally, decodeInventoryKey, MAX_ROW_CHARACTERS, tallyInventoryFile } from '../../../src/growth/inventory-csv.js';
import { InventoryProblem, parseSchema } from '../../../src/growth/inventory-manifest.js';
import { createTally, overdueCutoff } from '../../../src/growth/tally.js';
import {
  CURRENT_SCHEMA,
  csvLine,
  encodeInventoryKey,
  gzipText,
  inventoryRow,
  md5Hex,
  VERSIONED_SCHEMA,
  type InventoryObject,
} from '../../support/inventory.js';

const day = 86_400_000;
const creation = new Date('2026-03-01T00:00:00Z');
const at = (daysAgo: number) => new Date(creation.getTime() - daysAgo * day);
const prefix = 'chat-attachments/ci/';

/** The file's bytes in chunks of `size`, so rows and multi-byte characters straddle chunk borders. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

async function tally(text: string, options: { schema?: string; chunk?: number; md5?: string; size?: number } = {}) {
  const body = gzipText(text);
  const result = { tally: createTally(), versions: createVersionTally() };
  const counted = await tallyInventoryFile(chunked(body, options.chunk ?? 7), {
    file: { key: 'inv/data/a.csv.gz', size: options.size ?? body.length, md5: options.md5 ?? md5Hex(body) },
    where: 's3://inv/inv/data/a.csv.gz',
    columns: parseSchema(options.schema ?? CURRENT_SCHEMA, 'manifest'),
    prefix,
    overdueBefore: overdueCutoff(creation, 30, 2),
    ...result,
  });
  return { ...result, counted };
}

const rows = (schema: string, objects: readonly InventoryObject[]) => objects.map((object) => inventoryRow(schema, 'src', object)).join('');

describe('decodeInventoryKey', () => {
  it.each([
    ['plain/key.bin', 'plain/key.bin'],
    ['a+b.bin', 'a b.bin'],
    ['a%2Bb.bin', 'a+b.bin'],
    ['chat-attachments%2Fci%2F%E4%B8%AD%F0%9F%98%80.json', 'chat-attachments/ci/中😀.json'],
    ['%25.bin', '%.bin'],
  ])('%s -> %s', (encoded, key) => expect(decodeInventoryKey(encoded)).toBe(key));

  it('round-trips what the fixture encoder writes', () => {
    for (const key of ['a b+c,d"e.bin', 'é/中/😀 x.json', "!'()*~.bin"]) expect(decodeInventoryKey(encodeInventoryKey(key))).toBe(key);
  });
});

describe('tallyInventoryFile', () => {
  it('counts current objects under the prefix only, with kinds, bytes, oldest and overdue', async () => {
    const objects: InventoryObject[] = [
      { key: `${prefix}a.bin`, size: 10, lastModified: at(1) },
      { key: `${prefix}a.json`, size: 20, lastModified: at(33) },
      { key: `${prefix}sub/c.txt`, size: 30, lastModified: at(31.9) },
      { key: 'chat-attachments/ci-extra/x.bin', size: 1000, lastModified: at(100) },
      { key: 'other/y.bin', size: 1000, lastModified: at(100) },
    ];
    const { tally: t, counted } = await tally(rows(CURRENT_SCHEMA, objects));
    expect(counted.rows).toBe(5);
    expect(t).toMatchObject({ objects: 3, bytes: 60, byKind: { bin: 1, json: 1, other: 1 }, overdue: 1, overdueBytes: 20 });
    expect(t.oldest?.key).toBe(`${prefix}a.json`);
    expect(t.newest?.key).toBe(`${prefix}a.bin`);
  });

  it('reads quoted commas, doubled quotes, newlines and URL-encoded unicode in keys, whatever the chunking', async () => {
    const keys = [`${prefix}a,b,c.bin`, `${prefix}say "hi".json`, `${prefix}line\nbreak.bin`, `${prefix}中 文/😀+é.bin`, `${prefix}%41.bin`];
    const text = rows(
      CURRENT_SCHEMA,
      keys.map((key, index) => ({ key, size: index + 1, lastModified: at(1) })),
    );
    for (const chunk of [1, 3, 64, 1 << 20]) {
      const { tally: t } = await tally(text, { chunk });
      expect(t.objects).toBe(5);
      expect(t.bytes).toBe(15);
      expect(t.byKind).toEqual({ bin: 4, json: 1, other: 0 });
    }
    // Raw CSV, written by hand: the quoting is the file's, not the fixture's.
    const raw = `"src","${encodeInventoryKey(`${prefix}x,y.bin`)}","5","2026-02-27T00:00:00.000Z","e","STANDARD"\n"src","chat-attachments%2Fci%2F%E4%B8%AD.json","7","2026-02-27T00:00:00.000Z","e","STANDARD"\n`;
    const { tally: hand } = await tally(raw);
    expect(hand).toMatchObject({ objects: 2, bytes: 12, byKind: { bin: 1, json: 1, other: 0 } });
  });

  it('finds columns by name: the same objects in another field order give the same tally', async () => {
    const objects: InventoryObject[] = [
      { key: `${prefix}a.bin`, size: 10, lastModified: at(40) },
      { key: `${prefix}b.json`, size: 5, lastModified: at(2) },
    ];
    const shuffled = 'StorageClass, LastModifiedDate, ETag, Size, Key, Bucket';
    const first = await tally(rows(CURRENT_SCHEMA, objects));
    const second = await tally(rows(shuffled, objects), { schema: shuffled });
    expect(second.tally).toEqual(first.tally);
    expect(second.tally).toMatchObject({ objects: 2, bytes: 15, overdue: 1 });
  });

  it('counts noncurrent versions and delete markers apart from current objects', async () => {
    const objects: InventoryObject[] = [
      { key: `${prefix}a.bin`, versionId: 'v3', isLatest: true, size: 10, lastModified: at(1) },
      { key: `${prefix}a.bin`, versionId: 'v2', isLatest: false, size: 100, lastModified: at(50) },
      { key: `${prefix}a.bin`, versionId: 'v1', isLatest: false, size: 1000, lastModified: at(60) },
      { key: `${prefix}gone.json`, versionId: 'd1', isLatest: true, isDeleteMarker: true, size: 0, lastModified: at(3) },
      { key: `${prefix}gone.json`, versionId: 'g1', isLatest: false, size: 7, lastModified: at(70) },
      { key: 'elsewhere/a.bin', versionId: 'x', isLatest: true, isDeleteMarker: true, size: 0, lastModified: at(3) },
    ];
    const { tally: t, versions } = await tally(rows(VERSIONED_SCHEMA, objects), { schema: VERSIONED_SCHEMA });
    expect(t).toMatchObject({ objects: 1, bytes: 10, overdue: 0 });
    expect(versions).toEqual({ noncurrent: 3, noncurrentBytes: 1107, deleteMarkers: 1 });
  });

  it('refuses a file whose MD5 or size differs from the manifest', async () => {
    const text = rows(CURRENT_SCHEMA, [{ key: `${prefix}a.bin`, size: 1, lastModified: at(1) }]);
    await expect(tally(text, { md5: '0'.repeat(32) })).rejects.toThrow(/does not match its manifest: .* MD5 0{32}/);
    await expect(tally(text, { size: 1 })).rejects.toBeInstanceOf(InventoryProblem);
  });

  it('refuses damaged files and rows S3 would not write, naming the file and row', async () => {
    const good = inventoryRow(CURRENT_SCHEMA, 'src', { key: `${prefix}a.bin`, size: 1, lastModified: at(1) });
    const cases: [string, RegExp][] = [
      [`${good}"src","${prefix}b.bin","1"\n`, /row 2: 3 fields where fileSchema lists 6/],
      [csvLine(['src', `${prefix}b.bin`, 'ten', at(1).toISOString(), 'e', 'STANDARD']), /row 1: Size "ten" is not a byte count/],
      [csvLine(['src', `${prefix}b.bin`, '1', 'yesterday', 'e', 'STANDARD']), /row 1: LastModifiedDate "yesterday" is not a date/],
      [csvLine(['src', `${prefix}%E4%B8.bin`, '1', at(1).toISOString(), 'e', 'STANDARD']), /row 1: the key is not valid URL encoding/],
      [`"src","${prefix}unterminated.bin,"1"\n`, /could not be read as gzip-compressed CSV/],
      [csvLine(['src', `${prefix}${'x'.repeat(MAX_ROW_CHARACTERS)}`, '1', at(1).toISOString(), 'e', 'STANDARD']), /could not be read as gzip-compressed CSV/],
    ];
    for (const [text, message] of cases) {
      const attempt = tally(text);
      await expect(attempt).rejects.toBeInstanceOf(InventoryProblem);
      await expect(attempt).rejects.toThrow(message);
    }
  });

  it('refuses bytes that are not gzip, and a truncated gzip file', async () => {
    const notGzip = Buffer.from('"src","a","1"\n');
    const run = (bytes: Uint8Array) =>
      tallyInventoryFile(chunked(bytes, 5), {
        file: { key: 'k', size: bytes.length, md5: md5Hex(bytes) },
        where: 's3://inv/k',
        columns: parseSchema(CURRENT_SCHEMA, 'manifest'),
        prefix,
        overdueBefore: creation,
        tally: createTally(),
        versions: createVersionTally(),
      });
    await expect(run(notGzip)).rejects.toThrow(/s3:\/\/inv\/k could not be read as gzip-compressed CSV/);
    const whole = gzipText(
      rows(
        CURRENT_SCHEMA,
        Array.from({ length: 200 }, (_, index) => ({ key: `${prefix}${index}.bin`, size: 1, lastModified: at(1) })),
      ),
    );
    await expect(run(whole.subarray(0, whole.length - 20))).rejects.toBeInstanceOf(InventoryProblem);
  });
});
