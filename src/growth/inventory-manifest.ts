import { printable } from '../util/printable.js';

/**
 * The parts of an AWS S3 Inventory report the growth gate reads: the dated folder names and the
 * `manifest.json` of one report (format documented in the S3 user guide, "Locating your inventory
 * list": sourceBucket, destinationBucket, version, creationTimestamp in epoch milliseconds as a
 * string, fileFormat, fileSchema, files[] of {key, size, MD5checksum}).
 */

/**
 * A report the gate cannot judge from (unsupported, inconsistent or damaged): never PASS. Its
 * message quotes keys and manifest fields, which are untrusted: control characters are shown as
 * escapes, so a newline in a key cannot start a workflow command in the log.
 */
export class InventoryProblem extends Error {
  constructor(
    message: string,
    readonly remediation: string,
  ) {
    super(printable(message));
    this.name = 'InventoryProblem';
  }
}

export interface InventoryFile {
  readonly key: string;
  readonly size: number;
  /** Lower-case hex MD5 of the file's bytes (the compressed file). */
  readonly md5: string;
}

export interface InventoryManifest {
  readonly sourceBucket: string;
  readonly destinationBucket: string;
  readonly version: string;
  /** When S3 began scanning the bucket for this report: the moment the figures describe. */
  readonly creationTime: Date;
  readonly fileFormat: string;
  readonly fileSchema: string;
  readonly files: readonly InventoryFile[];
}

/** `YYYY-MM-DDTHH-MMZ`: the name S3 gives each report's folder (the scan's start, UTC). */
const DATED_FOLDER = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})Z$/;

/** The last segment of a folder prefix (`a/b/c/` -> `c`). */
export function folderName(prefix: string): string {
  const segments = prefix.split('/');
  return segments[segments.length - 2] ?? '';
}

/** True when the folder is one report's dated folder. */
export function isDatedFolder(prefix: string): boolean {
  return DATED_FOLDER.test(folderName(prefix));
}

/** Dated folders, newest first (their names sort as their times do). */
export function newestFirst(folders: readonly string[]): string[] {
  return folders.filter(isDatedFolder).sort((a, b) => (folderName(a) < folderName(b) ? 1 : folderName(a) > folderName(b) ? -1 : 0));
}

const SUPPORTED_FORMAT = 'CSV';

/** Parses and checks a manifest.json; `where` names it in messages (s3://bucket/key). */
export function parseManifest(text: string, where: string): InventoryManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InventoryProblem(
      `${where} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      'Point inventory-location at the folder S3 Inventory writes to; the manifest may have been damaged.',
    );
  }
  const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const field = (name: string): string => {
    const value = record[name];
    if (typeof value !== 'string' || value.length === 0) throw missing(where, name);
    return value;
  };
  const fileFormat = field('fileFormat');
  if (fileFormat !== SUPPORTED_FORMAT) {
    throw new InventoryProblem(
      `${where} describes a ${fileFormat} inventory; the growth gate reads CSV inventories only.`,
      'Add an inventory configuration with output format CSV for this bucket (or change the format of this one), wait for its first report, and point inventory-location at it; or use growth-source: list.',
    );
  }
  const timestamp = field('creationTimestamp');
  const millis = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!Number.isFinite(millis))
    throw new InventoryProblem(
      `${where}: creationTimestamp ${JSON.stringify(timestamp)} is not epoch milliseconds.`,
      'The manifest is not one S3 Inventory wrote; point inventory-location at the real report.',
    );
  const filesValue = record.files;
  if (!Array.isArray(filesValue) || filesValue.length === 0) throw missing(where, 'files');
  const files = filesValue.map((entry, index) => parseFile(entry, `${where} files[${index}]`));
  return {
    sourceBucket: field('sourceBucket'),
    destinationBucket: field('destinationBucket'),
    version: field('version'),
    creationTime: new Date(millis),
    fileFormat,
    fileSchema: field('fileSchema'),
    files,
  };
}

function parseFile(entry: unknown, where: string): InventoryFile {
  const file = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
  const { key, size, MD5checksum: md5 } = file;
  if (typeof key !== 'string' || key.length === 0) throw missing(where, 'key');
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw missing(where, 'size');
  if (typeof md5 !== 'string' || !/^[0-9a-fA-F]{32}$/.test(md5)) throw missing(where, 'MD5checksum');
  return { key, size, md5: md5.toLowerCase() };
}

function missing(where: string, field: string): InventoryProblem {
  return new InventoryProblem(
    `${where} lacks a valid ${field}.`,
    'The manifest is not one S3 Inventory wrote, or it is damaged; point inventory-location at the real report.',
  );
}

/** Where each field the gate reads sits in a CSV row, from the manifest's fileSchema. */
export interface InventoryColumns {
  readonly count: number;
  readonly key: number;
  readonly size: number;
  readonly lastModified: number;
  /** Present in inventories of all versions, absent in current-only ones. */
  readonly isLatest: number | undefined;
  readonly isDeleteMarker: number | undefined;
}

/**
 * fileSchema lists the CSV columns in order, separated by ", ". The order depends on the fields a
 * configuration includes, so columns are found by name, never by position.
 */
export function parseSchema(fileSchema: string, where: string): InventoryColumns {
  const names = fileSchema.split(',').map((name) => name.trim());
  const index = (name: string): number | undefined => {
    const found = names.indexOf(name);
    return found < 0 ? undefined : found;
  };
  const required = (name: string): number => {
    const found = index(name);
    if (found === undefined) {
      throw new InventoryProblem(
        `${where}: fileSchema has no ${name} field (it lists: ${names.join(', ')}).`,
        'Add the optional fields Size and Last modified to the inventory configuration; the next report will carry them.',
      );
    }
    return found;
  };
  if (names.some((name) => name.length === 0) || new Set(names).size !== names.length) {
    throw new InventoryProblem(
      `${where}: fileSchema ${JSON.stringify(fileSchema)} has an empty or repeated field name.`,
      'The manifest is not one S3 Inventory wrote; point inventory-location at the real report.',
    );
  }
  const isLatest = index('IsLatest');
  const isDeleteMarker = index('IsDeleteMarker');
  if ((isLatest === undefined) !== (isDeleteMarker === undefined)) {
    throw new InventoryProblem(
      `${where}: fileSchema has only one of IsLatest and IsDeleteMarker.`,
      'The manifest is not one S3 Inventory wrote; point inventory-location at the real report.',
    );
  }
  return { count: names.length, key: required('Key'), size: required('Size'), lastModified: required('LastModifiedDate'), isLatest, isDeleteMarker };
}
