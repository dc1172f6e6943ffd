import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { InventoryProblem, type InventoryColumns, type InventoryFile } from './inventory-manifest.js';
import { countObject, type GrowthTally } from './tally.js';

/**
 * The longest CSV row accepted, in characters: a key of 1,024 bytes URL-encoded is at most
 * about 9 KiB, the other fields are short. A longer row is damage, and the bound keeps the
 * parser's buffer small whatever the file holds.
 */
export const MAX_ROW_CHARACTERS = 64 * 1024;

/**
 * Output buffer of gunzip. zlib's default (16 KiB) makes the decompression several times slower
 * on inventory files (each output chunk is a round trip to the zlib thread); 256 KiB is still a
 * fixed, small amount of memory.
 */
const GUNZIP_CHUNK_BYTES = 256 * 1024;

/** What a versioned inventory lists besides current objects: reported apart, never counted as objects. */
export interface VersionTally {
  noncurrent: number;
  noncurrentBytes: number;
  deleteMarkers: number;
}

export function createVersionTally(): VersionTally {
  return { noncurrent: 0, noncurrentBytes: 0, deleteMarkers: 0 };
}

export interface InventoryFileCount {
  /** Compressed bytes read (what the manifest's size and MD5 describe). */
  readonly bytes: number;
  readonly rows: number;
}

export interface FileTallyOptions {
  readonly file: InventoryFile;
  /** s3://bucket/key of the file, for messages. */
  readonly where: string;
  readonly columns: InventoryColumns;
  /** `<prefix>/<env>/`: rows under it are counted, the rest skipped. */
  readonly prefix: string;
  readonly overdueBefore: Date;
  readonly tally: GrowthTally;
  readonly versions: VersionTally;
}

/**
 * Streams one inventory file (gzip -> CSV) into the tallies, one row at a time, and checks its
 * size and MD5 against the manifest once the last byte is in. Memory stays bounded by the stream
 * buffers and MAX_ROW_CHARACTERS, whatever the file's size.
 */
export async function tallyInventoryFile(chunks: AsyncIterable<Uint8Array>, options: FileTallyOptions): Promise<InventoryFileCount> {
  // node:crypto loads here, when used, not at every start-up.
  const hash = process.getBuiltinModule('node:crypto').createHash('md5');
  let bytes = 0;
  let rows = 0;
  const measured = Readable.from(
    (async function* () {
      for await (const chunk of chunks) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    })(),
  );
  // Inventory CSV: no header, every field quoted (quotes inside doubled), rows end in \n.
  const parser = parse({ max_record_size: MAX_ROW_CHARACTERS, relax_column_count: true, skip_empty_lines: true });
  const countRow = rowCounter(options);
  try {
    await pipeline(measured, createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES }), parser, async (records: AsyncIterable<string[]>) => {
      for await (const record of records) {
        rows += 1;
        countRow(record, rows);
      }
    });
  } catch (error) {
    if (error instanceof InventoryProblem || !isDataError(error)) throw error;
    throw new InventoryProblem(
      // The parser quotes the offending field: keep the message short whatever the field holds.
      `${options.where} could not be read as gzip-compressed CSV (${(error instanceof Error ? error.message : String(error)).slice(0, 300)}).`,
      damageRemediation,
    );
  }
  const md5 = hash.digest('hex');
  if (bytes !== options.file.size || md5 !== options.file.md5) {
    throw new InventoryProblem(
      `${options.where} does not match its manifest: ${bytes} bytes with MD5 ${md5}, the manifest says ${options.file.size} bytes with MD5 ${options.file.md5}.`,
      damageRemediation,
    );
  }
  return { bytes, rows };
}

const damageRemediation =
  'The inventory file is damaged, was replaced, or is not the one the manifest lists: its figures cannot be trusted. Wait for the next daily report (or check who writes to the inventory destination), then run again; meanwhile growth-source: list still works.';

/** zlib and csv-parse errors: the bytes are wrong, not the connection. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('CSV_'));
}

/** Inventory keys are URL-encoded like a form: a space is '+', a '+' is %2B. */
export function decodeInventoryKey(encoded: string): string {
  if (!/[%+]/.test(encoded)) return encoded;
  return decodeURIComponent(encoded.replace(/\+/g, '%20'));
}

/** Counts one parsed row into the tallies; throws InventoryProblem on a row S3 would not write. */
function rowCounter(options: FileTallyOptions): (record: string[], row: number) => void {
  const { columns, prefix, tally, versions, overdueBefore, where } = options;
  const bad = (row: number, what: string) => new InventoryProblem(`${where} row ${row}: ${what}.`, damageRemediation);
  return (record, row) => {
    if (record.length !== columns.count) throw bad(row, `${record.length} fields where fileSchema lists ${columns.count}`);
    let key: string;
    try {
      key = decodeInventoryKey(record[columns.key] ?? '');
    } catch {
      throw bad(row, 'the key is not valid URL encoding');
    }
    if (!key.startsWith(prefix)) return;
    const deleteMarker = columns.isDeleteMarker !== undefined && record[columns.isDeleteMarker]?.toLowerCase() === 'true';
    if (deleteMarker) {
      versions.deleteMarkers += 1;
      return;
    }
    const sizeText = record[columns.size] ?? '';
    if (!/^\d{1,16}$/.test(sizeText)) throw bad(row, `Size ${JSON.stringify(sizeText.slice(0, 40))} is not a byte count`);
    const size = Number(sizeText);
    if (columns.isLatest !== undefined && record[columns.isLatest]?.toLowerCase() === 'false') {
      versions.noncurrent += 1;
      versions.noncurrentBytes += size;
      return;
    }
    const modifiedText = record[columns.lastModified] ?? '';
    const lastModified = new Date(modifiedText);
    if (modifiedText.length === 0 || Number.isNaN(lastModified.getTime()))
      throw bad(row, `LastModifiedDate ${JSON.stringify(modifiedText.slice(0, 40))} is not a date`);
    countObject(tally, { key, size, lastModified }, overdueBefore);
  };
}
