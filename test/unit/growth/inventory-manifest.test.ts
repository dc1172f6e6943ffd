import { describe, expect, it } from 'vitest';
import { locateInventory } from '../../../src/growth/inventory-locate.js';
import { folderName, InventoryProblem, isDatedFolder, newestFirst, parseManifest, parseSchema } from '../../../src/growth/inventory-manifest.js';

// The CSV example of the S3 user guide ("Locating your inventory list"), shortened.
const guideExample = {
  sourceBucket: 'example-source-bucket',
  destinationBucket: 'arn:aws:s3:::example-inventory-destination-bucket',
  version: '2016-11-30',
  creationTimestamp: '1514944800000',
  fileFormat: 'CSV',
  fileSchema:
    'Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass, IsMultipartUploaded, ReplicationStatus, EncryptionStatus, ObjectLockRetainUntilDate, ObjectLockMode, ObjectLockLegalHoldStatus, IntelligentTieringAccessTier, BucketKeyStatus, ChecksumAlgorithm',
  files: [
    {
      key: 'Inventory/example-source-bucket/2016-11-06T21-32Z/files/939c6d46-85a9-4ba8-87bd-9db705a579ce.csv.gz',
      size: 2147483647,
      MD5checksum: 'F11166069F1990ABEB9C97ACE9CDFABC',
    },
  ],
};
const manifest = (changes: Record<string, unknown> = {}) => JSON.stringify({ ...guideExample, ...changes });

describe('parseManifest', () => {
  it('reads the S3 user guide example', () => {
    const parsed = parseManifest(manifest(), 'm');
    expect(parsed.creationTime.toISOString()).toBe('2018-01-03T02:00:00.000Z');
    expect(parsed.sourceBucket).toBe('example-source-bucket');
    expect(parsed.files).toEqual([{ key: guideExample.files[0]?.key, size: 2147483647, md5: 'f11166069f1990abeb9c97ace9cdfabc' }]);
  });

  it.each(['ORC', 'Parquet'])('refuses a %s inventory, saying only CSV is read', (fileFormat) => {
    expect(() => parseManifest(manifest({ fileFormat }), 's3://inv/m')).toThrow(
      `s3://inv/m describes a ${fileFormat} inventory; the growth gate reads CSV inventories only.`,
    );
  });

  it.each([
    ['not JSON', '{', /is not valid JSON/],
    ['a number as creationTimestamp', manifest({ creationTimestamp: 1514944800000 }), /lacks a valid creationTimestamp/],
    ['an ISO creationTimestamp', manifest({ creationTimestamp: '2018-01-03T02:00:00Z' }), /is not epoch milliseconds/],
    ['no files', manifest({ files: [] }), /lacks a valid files/],
    ['a file without MD5', manifest({ files: [{ key: 'k', size: 1 }] }), /files\[0\] lacks a valid MD5checksum/],
    ['a negative size', manifest({ files: [{ key: 'k', size: -1, MD5checksum: 'a'.repeat(32) }] }), /lacks a valid size/],
    ['no sourceBucket', manifest({ sourceBucket: undefined }), /lacks a valid sourceBucket/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseManifest(text, 'm')).toThrow(message);
    expect(() => parseManifest(text, 'm')).toThrow(InventoryProblem);
  });
});

describe('InventoryProblem', () => {
  it('keeps untrusted text on one line: control characters become escapes', () => {
    const problem = new InventoryProblem('s3://inv/a\n::error::x\r\u2028\u0085.csv.gz is damaged', 'r');
    expect(problem.message).toBe('s3://inv/a\\u000a::error::x\\u000d\\u2028\\u0085.csv.gz is damaged');
    expect(problem.message).not.toMatch(/[\n\r]/);
  });
});

describe('parseSchema', () => {
  it('finds the columns by name', () => {
    expect(parseSchema(guideExample.fileSchema, 'm')).toEqual({ count: 18, key: 1, size: 5, lastModified: 6, isLatest: 3, isDeleteMarker: 4 });
    expect(parseSchema('Size, LastModifiedDate, Key, Bucket', 'm')).toEqual({
      count: 4,
      key: 2,
      size: 0,
      lastModified: 1,
      isLatest: undefined,
      isDeleteMarker: undefined,
    });
  });

  it('refuses a schema without Size or LastModifiedDate, naming the missing field', () => {
    expect(() => parseSchema('Bucket, Key, Size', 'm')).toThrow('m: fileSchema has no LastModifiedDate field (it lists: Bucket, Key, Size).');
    expect(() => parseSchema('Bucket, Key, LastModifiedDate', 'm')).toThrow(/no Size field/);
    expect(() => parseSchema('Bucket, Key, Key, Size, LastModifiedDate', 'm')).toThrow(/repeated field/);
    expect(() => parseSchema('Bucket, Key, IsLatest, Size, LastModifiedDate', 'm')).toThrow(/only one of IsLatest and IsDeleteMarker/);
  });
});

describe('dated folders', () => {
  it('recognises S3 report folder names and sorts them newest first', () => {
    expect(folderName('a/b/2026-03-01T00-00Z/')).toBe('2026-03-01T00-00Z');
    expect(isDatedFolder('a/2026-03-01T00-00Z/')).toBe(true);
    expect(isDatedFolder('a/data/')).toBe(false);
    expect(isDatedFolder('a/hive/')).toBe(false);
    expect(isDatedFolder('a/2026-03-01T00:00Z/')).toBe(false);
    expect(newestFirst(['c/2026-01-31T23-59Z/', 'c/data/', 'c/2026-02-01T00-00Z/', 'c/2025-12-31T00-00Z/', 'c/hive/'])).toEqual([
      'c/2026-02-01T00-00Z/',
      'c/2026-01-31T23-59Z/',
      'c/2025-12-31T00-00Z/',
    ]);
  });
});

/** Folders of a destination bucket as a '/'-delimited listing shows them. */
function folders(keys: readonly string[]) {
  const listed: string[] = [];
  const listFolders = async (prefix: string) => {
    listed.push(prefix);
    const below = new Set<string>();
    for (const key of keys) {
      if (!key.startsWith(prefix)) continue;
      const slash = key.indexOf('/', prefix.length);
      if (slash >= 0) below.add(key.slice(0, slash + 1));
    }
    return [...below].sort();
  };
  return { listFolders, listed };
}

const report = (base: string, time: string) => [
  `${base}${time}/manifest.json`,
  `${base}${time}/manifest.checksum`,
  `${base}data/${time}.csv.gz`,
  `${base}hive/dt=${time}/symlink.txt`,
];
const url = (prefix: string) => `s3://inv/${prefix}`;

describe('locateInventory', () => {
  const keys = [
    ...report('inventory/chat-prod/daily/', '2026-03-01T00-00Z'),
    ...report('inventory/chat-prod/daily/', '2026-03-02T00-00Z'),
    ...report('inventory/other-bucket/daily/', '2026-03-03T00-00Z'),
  ];

  it('takes the configuration folder itself', async () => {
    const { listFolders, listed } = folders(keys);
    const found = await locateInventory(listFolders, 'inventory/chat-prod/daily/', 'chat-prod', url);
    expect(found).toEqual({
      configPrefix: 'inventory/chat-prod/daily/',
      datedFolders: ['inventory/chat-prod/daily/2026-03-02T00-00Z/', 'inventory/chat-prod/daily/2026-03-01T00-00Z/'],
      listings: 1,
    });
    expect(listed).toEqual(['inventory/chat-prod/daily/']);
  });

  it('finds the source bucket configuration below the destination prefix, ignoring other buckets', async () => {
    for (const location of ['', 'inventory/', 'inventory/chat-prod/']) {
      const { listFolders, listed } = folders(keys);
      const found = await locateInventory(listFolders, location, 'chat-prod', url);
      expect(found.configPrefix).toBe('inventory/chat-prod/daily/');
      expect(found.datedFolders[0]).toBe('inventory/chat-prod/daily/2026-03-02T00-00Z/');
      // Never descends into data/, hive/ or the dated folders of a configuration.
      expect(listed.some((prefix) => /\/(data|hive|\d{4}-[^/]+)\/$/.test(prefix))).toBe(false);
    }
  });

  it('refuses two configurations of the same bucket, and a location holding only other buckets', async () => {
    const two = [...keys, ...report('inventory/chat-prod/weekly/', '2026-02-22T00-00Z')];
    await expect(locateInventory(folders(two).listFolders, 'inventory/', 'chat-prod', url)).rejects.toThrow(
      's3://inv/inventory/ holds 2 inventory configurations of bucket chat-prod: s3://inv/inventory/chat-prod/daily/, s3://inv/inventory/chat-prod/weekly/.',
    );
    await expect(locateInventory(folders(keys).listFolders, 'inventory/', 'chat-staging', url)).rejects.toThrow(
      /holds inventories of other buckets only .*none of s3-bucket chat-staging/,
    );
  });

  it('says so when nothing below the location is a report', async () => {
    await expect(locateInventory(folders(['x/y/z.txt']).listFolders, '', 'chat-prod', url)).rejects.toThrow(
      'No inventory report below s3://inv/: no folder named YYYY-MM-DDTHH-MMZ/ within 4 levels.',
    );
  });

  it('gives up on a location too broad to search', async () => {
    const wide = Array.from({ length: 100 }, (_, index) => `f${index}/g/h.txt`);
    await expect(locateInventory(folders(wide).listFolders, '', 'chat-prod', url)).rejects.toThrow(/too many folders to search/);
  });
});
