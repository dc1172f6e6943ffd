import type { S3Client } from '@aws-sdk/client-s3';
import { S3Failure } from './s3-errors.js';

/** The object operations the smoke gate uses; each goes through the gateway's bounded call(). */
export interface S3ObjectOperations {
  putObject(input: PutObjectInput): Promise<PutObjectAnswer>;
  createMultipartUpload(input: ObjectAttributes): Promise<string>;
  /** Returns the part's ETag. */
  uploadPart(input: UploadPartInput): Promise<string>;
  completeMultipartUpload(input: CompleteUploadInput): Promise<PutObjectAnswer>;
  /** Refuses, before any request, a key that is not under `onlyUnder` (like deleteObjects). */
  abortMultipartUpload(key: string, uploadId: string, onlyUnder: string): Promise<void>;
  listMultipartUploads(prefix: string): Promise<ListedUpload[]>;
  /** 'not-found' for a 404 (a missing key or a delete marker). */
  headObject(key: string): Promise<ObjectHead | 'not-found'>;
  /** The whole body (or the range, e.g. `bytes=0-1023`), read inside the time limit. */
  getObject(key: string, range?: string): Promise<ObjectBody>;
  listObjects(prefix: string): Promise<ListedObject[]>;
  listObjectVersions(prefix: string): Promise<ListedVersion[]>;
  /**
   * Deletes the given keys (or versions) in one request per 1000. Refuses, before any request,
   * a key that is not under `onlyUnder`: the caller's scope is enforced here too.
   */
  deleteObjects(targets: readonly ObjectTarget[], onlyUnder: string): Promise<DeleteAnswer>;
}

export interface ObjectAttributes {
  readonly key: string;
  readonly contentType: string;
  /** User metadata (x-amz-meta-*), names in lower case. */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface PutObjectInput extends ObjectAttributes {
  readonly body: Uint8Array;
  /** Base64 MD5 of the body: the server rejects the upload (BadDigest) when the bytes differ. */
  readonly contentMd5: string;
}

export interface UploadPartInput {
  readonly key: string;
  readonly uploadId: string;
  readonly partNumber: number;
  readonly body: Uint8Array;
  readonly contentMd5: string;
}

export interface CompleteUploadInput {
  readonly key: string;
  readonly uploadId: string;
  readonly parts: readonly { readonly partNumber: number; readonly etag: string }[];
}

export interface PutObjectAnswer {
  readonly etag: string | undefined;
  readonly versionId: string | undefined;
}

export interface ObjectHead {
  readonly contentLength: number | undefined;
  readonly contentType: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
  readonly etag: string | undefined;
  readonly lastModified: Date | undefined;
  /** The raw x-amz-expiration header, when a lifecycle rule covers the object. */
  readonly expiration: string | undefined;
  readonly versionId: string | undefined;
}

export interface ObjectBody {
  readonly body: Uint8Array;
  readonly contentRange: string | undefined;
}

export interface ListedObject {
  readonly key: string;
  readonly size: number | undefined;
  readonly etag: string | undefined;
  readonly lastModified: Date | undefined;
}

export interface ListedVersion {
  readonly key: string;
  readonly versionId: string;
  readonly deleteMarker: boolean;
  readonly etag: string | undefined;
  readonly lastModified: Date | undefined;
}

/** A multipart upload started and neither completed nor aborted. */
export interface ListedUpload {
  readonly key: string;
  readonly uploadId: string;
  readonly initiated: Date | undefined;
}

export interface ObjectTarget {
  readonly key: string;
  readonly versionId?: string;
}

export interface DeleteAnswer {
  readonly deleted: readonly ObjectTarget[];
  readonly errors: readonly (ObjectTarget & { readonly code: string })[];
}

/** The SDK module, loaded by the gateway on its first operation (see s3.ts). */
export type S3Sdk = typeof import('@aws-sdk/client-s3');

/** Runs one operation within the time limit, with the client and SDK once they are loaded. */
export type BoundedCall = <T>(operation: string, send: (abortSignal: AbortSignal, client: S3Client, sdk: S3Sdk) => Promise<T>) => Promise<T>;

/** Listings stop after this many pages; the smoke gate's own prefix holds a handful of keys. */
const MAX_LIST_PAGES = 20;
const DELETE_BATCH = 1000;

export function s3ObjectOperations(Bucket: string, call: BoundedCall): S3ObjectOperations {
  const attributes = (input: ObjectAttributes) => ({
    Key: input.key,
    ContentType: input.contentType,
    Metadata: { ...input.metadata },
  });

  async function deleteBatch(batch: readonly ObjectTarget[]): Promise<DeleteAnswer> {
    try {
      const response = await call('DeleteObjects', (abortSignal, client, sdk) =>
        client.send(
          new sdk.DeleteObjectsCommand({
            Bucket,
            Delete: { Objects: batch.map((target) => ({ Key: target.key, ...(target.versionId ? { VersionId: target.versionId } : {}) })), Quiet: false },
          }),
          { abortSignal },
        ),
      );
      return {
        deleted: (response.Deleted ?? []).map((entry) => ({ key: entry.Key ?? '', ...(entry.VersionId ? { versionId: entry.VersionId } : {}) })),
        errors: (response.Errors ?? []).map((entry) => ({
          key: entry.Key ?? '',
          ...(entry.VersionId ? { versionId: entry.VersionId } : {}),
          code: entry.Code ?? 'unknown',
        })),
      };
    } catch (error) {
      // Some S3-compatible servers lack the multi-object delete: fall back to one request per key.
      if (!(error instanceof S3Failure) || error.code !== 'NotImplemented') throw error;
      const deleted: ObjectTarget[] = [];
      await Promise.all(
        batch.map(async (target) => {
          await call('DeleteObject', (abortSignal, client, sdk) =>
            client.send(new sdk.DeleteObjectCommand({ Bucket, Key: target.key, ...(target.versionId ? { VersionId: target.versionId } : {}) }), {
              abortSignal,
            }),
          );
          deleted.push(target);
        }),
      );
      return { deleted, errors: [] };
    }
  }

  return {
    async putObject(input) {
      const response = await call('PutObject', (abortSignal, client, sdk) =>
        client.send(new sdk.PutObjectCommand({ Bucket, ...attributes(input), Body: input.body, ContentMD5: input.contentMd5 }), { abortSignal }),
      );
      return { etag: response.ETag, versionId: response.VersionId };
    },
    async createMultipartUpload(input) {
      const response = await call('CreateMultipartUpload', (abortSignal, client, sdk) =>
        client.send(new sdk.CreateMultipartUploadCommand({ Bucket, ...attributes(input) }), { abortSignal }),
      );
      if (!response.UploadId) throw new Error(`S3 CreateMultipartUpload of ${input.key} answered without an UploadId`);
      return response.UploadId;
    },
    async uploadPart(input) {
      const response = await call('UploadPart', (abortSignal, client, sdk) =>
        client.send(
          new sdk.UploadPartCommand({
            Bucket,
            Key: input.key,
            UploadId: input.uploadId,
            PartNumber: input.partNumber,
            Body: input.body,
            ContentMD5: input.contentMd5,
          }),
          { abortSignal },
        ),
      );
      if (!response.ETag) throw new Error(`S3 UploadPart ${input.partNumber} of ${input.key} answered without an ETag`);
      return response.ETag;
    },
    async completeMultipartUpload(input) {
      const response = await call('CompleteMultipartUpload', (abortSignal, client, sdk) =>
        client.send(
          new sdk.CompleteMultipartUploadCommand({
            Bucket,
            Key: input.key,
            UploadId: input.uploadId,
            MultipartUpload: { Parts: input.parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })) },
          }),
          { abortSignal },
        ),
      );
      // Ceph RGW answers with an empty ETag here; HEAD shows the real one.
      return { etag: response.ETag || undefined, versionId: response.VersionId };
    },
    async abortMultipartUpload(key, uploadId, onlyUnder) {
      if (!isStrictlyUnder(key, onlyUnder)) throw new Error(`refusing to abort an upload outside '${onlyUnder}': ${key}`);
      await call('AbortMultipartUpload', (abortSignal, client, sdk) =>
        client.send(new sdk.AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId }), { abortSignal }),
      );
    },
    async listMultipartUploads(prefix) {
      const uploads: ListedUpload[] = [];
      let keyMarker: string | undefined;
      let uploadIdMarker: string | undefined;
      for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
        const response = await call('ListMultipartUploads', (abortSignal, client, sdk) =>
          client.send(
            new sdk.ListMultipartUploadsCommand({
              Bucket,
              Prefix: prefix,
              ...(keyMarker ? { KeyMarker: keyMarker } : {}),
              ...(uploadIdMarker ? { UploadIdMarker: uploadIdMarker } : {}),
            }),
            { abortSignal },
          ),
        );
        for (const upload of response.Uploads ?? []) {
          if (upload.Key && upload.UploadId) uploads.push({ key: upload.Key, uploadId: upload.UploadId, initiated: upload.Initiated });
        }
        if (!response.IsTruncated) break;
        keyMarker = response.NextKeyMarker;
        uploadIdMarker = response.NextUploadIdMarker;
      }
      return uploads;
    },
    async headObject(key) {
      try {
        const response = await call('HeadObject', (abortSignal, client, sdk) => client.send(new sdk.HeadObjectCommand({ Bucket, Key: key }), { abortSignal }));
        return {
          contentLength: response.ContentLength,
          contentType: response.ContentType,
          metadata: { ...(response.Metadata ?? {}) },
          etag: response.ETag,
          lastModified: response.LastModified,
          expiration: response.Expiration,
          versionId: response.VersionId,
        };
      } catch (error) {
        if (error instanceof S3Failure && error.kind === 'not-found') return 'not-found';
        throw error;
      }
    },
    async getObject(key, range) {
      return call('GetObject', async (abortSignal, client, sdk) => {
        const response = await client.send(new sdk.GetObjectCommand({ Bucket, Key: key, ...(range ? { Range: range } : {}) }), { abortSignal });
        // Read the body inside the call, so the time limit covers the transfer too.
        const body = response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
        return { body, contentRange: response.ContentRange };
      });
    },
    async listObjects(prefix) {
      const objects: ListedObject[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
        const response = await call('ListObjectsV2', (abortSignal, client, sdk) =>
          client.send(new sdk.ListObjectsV2Command({ Bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }), { abortSignal }),
        );
        for (const entry of response.Contents ?? []) {
          if (entry.Key) objects.push({ key: entry.Key, size: entry.Size, etag: entry.ETag, lastModified: entry.LastModified });
        }
        if (!response.IsTruncated || !response.NextContinuationToken) break;
        token = response.NextContinuationToken;
      }
      return objects;
    },
    async listObjectVersions(prefix) {
      const versions: ListedVersion[] = [];
      let keyMarker: string | undefined;
      let versionIdMarker: string | undefined;
      for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
        const response = await call('ListObjectVersions', (abortSignal, client, sdk) =>
          client.send(
            new sdk.ListObjectVersionsCommand({
              Bucket,
              Prefix: prefix,
              ...(keyMarker ? { KeyMarker: keyMarker } : {}),
              ...(versionIdMarker ? { VersionIdMarker: versionIdMarker } : {}),
            }),
            { abortSignal },
          ),
        );
        for (const entry of response.Versions ?? []) {
          if (entry.Key && entry.VersionId)
            versions.push({ key: entry.Key, versionId: entry.VersionId, deleteMarker: false, etag: entry.ETag, lastModified: entry.LastModified });
        }
        for (const entry of response.DeleteMarkers ?? []) {
          if (entry.Key && entry.VersionId)
            versions.push({ key: entry.Key, versionId: entry.VersionId, deleteMarker: true, etag: undefined, lastModified: entry.LastModified });
        }
        if (!response.IsTruncated) break;
        keyMarker = response.NextKeyMarker;
        versionIdMarker = response.NextVersionIdMarker;
      }
      return versions;
    },
    async deleteObjects(targets, onlyUnder) {
      const outside = targets.filter((target) => !isStrictlyUnder(target.key, onlyUnder));
      if (onlyUnder.length === 0 || !onlyUnder.endsWith('/') || outside.length > 0) {
        throw new Error(
          `refusing to delete outside '${onlyUnder}': ${
            outside
              .map((target) => target.key)
              .slice(0, 5)
              .join(', ') || 'the scope must be a non-empty prefix ending in /'
          }`,
        );
      }
      const deleted: ObjectTarget[] = [];
      const errors: (ObjectTarget & { code: string })[] = [];
      for (let start = 0; start < targets.length; start += DELETE_BATCH) {
        const answer = await deleteBatch(targets.slice(start, start + DELETE_BATCH));
        deleted.push(...answer.deleted);
        errors.push(...answer.errors);
      }
      return { deleted, errors };
    },
  };
}

/** True when `key` lies below `prefix` (a non-empty prefix ending in '/'), the prefix itself excluded. */
export function isStrictlyUnder(key: string, prefix: string): boolean {
  return prefix.endsWith('/') && key.length > prefix.length && key.startsWith(prefix);
}
