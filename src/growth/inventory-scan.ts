import { createVersionTally, tallyInventoryFile, type VersionTally } from './inventory-csv.js';
import { locateInventory } from './inventory-locate.js';
import { InventoryProblem, parseManifest, parseSchema, type InventoryManifest } from './inventory-manifest.js';
import { createTally, overdueCutoff, type GrowthTally } from './tally.js';

/** The reads an inventory needs, in a bucket that may differ from s3-bucket; the S3 gateway implements them. */
export interface InventoryStore {
  /** CommonPrefixes one level below `prefix` ('/'-delimited), every page. */
  listFolders(bucket: string, prefix: string): Promise<string[]>;
  /** The object's bytes, or undefined when it does not exist; refuses objects above `maxBytes`. */
  readObjectBytes(bucket: string, key: string, maxBytes: number): Promise<Uint8Array | undefined>;
  /** The object's bytes as they arrive; a broken transfer resumes where it stopped. */
  streamObject(bucket: string, key: string): AsyncIterable<Uint8Array>;
}

export interface InventoryLocation {
  readonly bucket: string;
  /** Empty or ending in '/'. */
  readonly prefix: string;
}

export interface InventoryScanOptions {
  readonly location: InventoryLocation;
  /** s3-bucket: the bucket the inventory must describe. */
  readonly sourceBucket: string;
  /** `<prefix>/<env>/`. */
  readonly prefix: string;
  readonly expireDays: number;
  readonly graceDays: number;
}

export interface InventoryScanResult {
  readonly tally: GrowthTally;
  readonly versions: VersionTally;
  /** True when the inventory lists every version (IsLatest and IsDeleteMarker in its schema). */
  readonly allVersions: boolean;
  readonly manifest: InventoryManifest;
  /** s3://bucket/key of the manifest read. */
  readonly manifestUrl: string;
  readonly overdueBefore: Date;
  /** 'verified' against manifest.checksum, or 'absent' when there was none. */
  readonly checksum: 'verified' | 'absent';
  readonly filesRead: number;
  readonly bytesRead: number;
  readonly rows: number;
  /** Folder listings made to find the report. */
  readonly listings: number;
}

/** manifest.json is small (a list of file names); anything bigger is not a manifest. */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
/** Dated folders tried, newest first, when the newest has no manifest.json yet (a report still being written). */
const DATED_FOLDERS_TRIED = 3;

/**
 * Tallies `<prefix>/<env>/` from the newest S3 Inventory report below the location: finds it,
 * checks the manifest (its checksum, format, source bucket, schema), then streams each listed
 * file in turn. Objects are overdue as of the report's creationTimestamp, not now: an object the
 * report lists existed then. Throws InventoryProblem when the report cannot be trusted.
 */
export async function scanInventory(store: InventoryStore, options: InventoryScanOptions): Promise<InventoryScanResult> {
  const { location } = options;
  const url = (key: string) => `s3://${location.bucket}/${key}`;
  const located = await locateInventory((prefix) => store.listFolders(location.bucket, prefix), location.prefix, options.sourceBucket, url);

  let manifestKey: string | undefined;
  let manifestBytes: Uint8Array | undefined;
  for (const folder of located.datedFolders.slice(0, DATED_FOLDERS_TRIED)) {
    manifestBytes = await store.readObjectBytes(location.bucket, `${folder}manifest.json`, MAX_MANIFEST_BYTES);
    if (manifestBytes !== undefined) {
      manifestKey = `${folder}manifest.json`;
      break;
    }
  }
  if (manifestKey === undefined || manifestBytes === undefined) {
    throw new InventoryProblem(
      `None of the ${Math.min(DATED_FOLDERS_TRIED, located.datedFolders.length)} newest report folders below ${url(located.configPrefix)} has a manifest.json.`,
      'S3 writes manifest.json last, when a report is complete; if reports stopped arriving, check the inventory configuration and the destination bucket policy.',
    );
  }
  const manifestUrl = url(manifestKey);
  const checksum = await checkManifestChecksum(store, location.bucket, manifestKey, manifestBytes, manifestUrl);
  const manifest = parseManifest(Buffer.from(manifestBytes).toString('utf8'), manifestUrl);
  if (manifest.sourceBucket !== options.sourceBucket) {
    throw new InventoryProblem(
      `${manifestUrl} is an inventory of bucket ${manifest.sourceBucket}, not of s3-bucket ${options.sourceBucket}.`,
      `Set inventory-location to the reports of ${options.sourceBucket}.`,
    );
  }
  const columns = parseSchema(manifest.fileSchema, manifestUrl);
  const overdueBefore = overdueCutoff(manifest.creationTime, options.expireDays, options.graceDays);
  const tally = createTally();
  const versions = createVersionTally();
  let bytesRead = 0;
  let rows = 0;
  let filesRead = 0;
  // One file at a time: memory holds one file's stream buffers, never the report.
  for (const file of manifest.files) {
    const counted = await tallyInventoryFile(store.streamObject(location.bucket, file.key), {
      file,
      where: url(file.key),
      columns,
      prefix: options.prefix,
      overdueBefore,
      tally,
      versions,
    });
    bytesRead += counted.bytes;
    rows += counted.rows;
    filesRead += 1;
  }
  return {
    tally,
    versions,
    allVersions: columns.isLatest !== undefined,
    manifest,
    manifestUrl,
    overdueBefore,
    checksum,
    filesRead,
    bytesRead,
    rows,
    listings: located.listings,
  };
}

/** manifest.checksum holds the MD5 (hex) of manifest.json; S3 writes it beside every manifest. */
async function checkManifestChecksum(
  store: InventoryStore,
  bucket: string,
  manifestKey: string,
  manifest: Uint8Array,
  manifestUrl: string,
): Promise<'verified' | 'absent'> {
  const checksumKey = manifestKey.replace(/manifest\.json$/, 'manifest.checksum');
  const stored = await store.readObjectBytes(bucket, checksumKey, 1024);
  if (stored === undefined) return 'absent';
  const expected = Buffer.from(stored).toString('utf8').trim().toLowerCase();
  // node:crypto loads here, when used, not at every start-up.
  const actual = process.getBuiltinModule('node:crypto').createHash('md5').update(manifest).digest('hex');
  if (expected !== actual) {
    throw new InventoryProblem(
      `${manifestUrl} does not match its manifest.checksum (MD5 ${actual}, the checksum file says ${JSON.stringify(expected.slice(0, 64))}).`,
      'The manifest is damaged or was replaced after S3 wrote it: wait for the next daily report, or check who writes to the inventory destination.',
    );
  }
  return 'verified';
}
