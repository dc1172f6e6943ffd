import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/**
 * Writes S3 Inventory reports the way AWS lays them out (S3 user guide, "Locating your inventory
 * list"): `<destination-prefix>/<source-bucket>/<config-id>/<YYYY-MM-DDTHH-MMZ>/manifest.json` and
 * `manifest.checksum`, data files under `<...>/<config-id>/data/`, CSV gzip-compressed, no header,
 * every field quoted, keys URL-encoded with a space as '+'.
 */

export const CURRENT_SCHEMA = 'Bucket, Key, Size, LastModifiedDate, ETag, StorageClass';
export const VERSIONED_SCHEMA = 'Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass, IsMultipartUploaded';

/** Inventory CSV key encoding: form-style URL encoding (space as '+', '+' as %2B). */
export function encodeInventoryKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+');
}

/** One CSV line with every field quoted and inner quotes doubled. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((field) => `"${field.replace(/"/g, '""')}"`).join(',')}\n`;
}

export interface InventoryObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
  readonly versionId?: string;
  readonly isLatest?: boolean;
  readonly isDeleteMarker?: boolean;
}

/** A row for `schema` (field names separated by ", "), filling the fields the gate does not read. */
export function inventoryRow(schema: string, bucket: string, object: InventoryObject): string {
  const values: Record<string, string> = {
    Bucket: bucket,
    Key: encodeInventoryKey(object.key),
    VersionId: object.versionId ?? '',
    IsLatest: String(object.isLatest ?? true),
    IsDeleteMarker: String(object.isDeleteMarker ?? false),
    Size: object.isDeleteMarker ? '' : String(object.size),
    LastModifiedDate: object.lastModified.toISOString(),
    ETag: object.isDeleteMarker ? '' : createHash('md5').update(object.key).digest('hex'),
    StorageClass: object.isDeleteMarker ? '' : 'STANDARD',
    IsMultipartUploaded: 'false',
  };
  return csvLine(schema.split(', ').map((name) => values[name] ?? ''));
}

export const gzipText = (text: string): Buffer => gzipSync(Buffer.from(text, 'utf8'));
export const md5Hex = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');

/** `YYYY-MM-DDTHH-MMZ` of a time, as S3 names a report's folder. */
export function datedFolder(time: Date): string {
  return time.toISOString().slice(0, 16).replace(':', '-') + 'Z';
}

export interface ReportSpec {
  readonly destinationBucket: string;
  /** The configuration's destination prefix, without a trailing '/' ('' for none). */
  readonly destinationPrefix: string;
  readonly sourceBucket: string;
  readonly configId: string;
  readonly creation: Date;
  /** The gzip-compressed CSV files, in order. */
  readonly files: readonly Uint8Array[];
  readonly schema?: string;
  readonly fileFormat?: string;
  /** Replaces file i's MD5 in the manifest. */
  readonly md5Override?: Readonly<Record<number, string>>;
  /** Default true. */
  readonly writeChecksum?: boolean;
}

/** Writes one report (data files, then manifest.json and manifest.checksum); returns the manifest key. */
export async function writeReport(client: S3Client, spec: ReportSpec): Promise<string> {
  await client.send(new CreateBucketCommand({ Bucket: spec.destinationBucket })).catch((error: unknown) => {
    if ((error as { name?: string }).name !== 'BucketAlreadyOwnedByYou') throw error;
  });
  const base = `${spec.destinationPrefix ? `${spec.destinationPrefix}/` : ''}${spec.sourceBucket}/${spec.configId}/`;
  const extension = spec.fileFormat === 'ORC' ? 'orc' : spec.fileFormat === 'Parquet' ? 'parquet' : 'csv.gz';
  const files = [];
  for (const [index, body] of spec.files.entries()) {
    const key = `${base}data/${randomUUID()}.${extension}`;
    await client.send(new PutObjectCommand({ Bucket: spec.destinationBucket, Key: key, Body: body }));
    files.push({ key, size: body.length, MD5checksum: spec.md5Override?.[index] ?? md5Hex(body) });
  }
  const manifest = JSON.stringify(
    {
      sourceBucket: spec.sourceBucket,
      destinationBucket: `arn:aws:s3:::${spec.destinationBucket}`,
      version: '2016-11-30',
      creationTimestamp: String(spec.creation.getTime()),
      fileFormat: spec.fileFormat ?? 'CSV',
      fileSchema: spec.schema ?? CURRENT_SCHEMA,
      files,
    },
    null,
    2,
  );
  const folder = `${base}${datedFolder(spec.creation)}/`;
  await client.send(new PutObjectCommand({ Bucket: spec.destinationBucket, Key: `${folder}manifest.json`, Body: manifest }));
  if (spec.writeChecksum !== false) {
    await client.send(new PutObjectCommand({ Bucket: spec.destinationBucket, Key: `${folder}manifest.checksum`, Body: md5Hex(Buffer.from(manifest)) }));
  }
  return `${folder}manifest.json`;
}
