import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { InventoryStore } from '../growth/inventory-scan.js';
import type { Logger } from '../util/logger.js';
import { printable } from '../util/printable.js';
import { describeS3Error, S3Failure, type S3Target } from './s3-errors.js';
import type { S3Sdk } from './s3-objects.js';

/** Pages of one folder listing at most: a report folder holds a handful of subfolders. */
const MAX_FOLDER_PAGES = 100;
/** Failures while streaming one object after which it is given up (the first try included). */
export const STREAM_MAX_ATTEMPTS = 3;

/** The run's S3 client and the SDK, loaded and built on the first S3 operation (see s3.ts). */
export type ConnectS3 = () => Promise<{ readonly client: S3Client; readonly sdk: S3Sdk }>;

export interface BucketReadSettings {
  readonly endpointLabel: string;
  readonly region: string;
  /** Per request; for a stream, the longest wait for the next bytes. */
  readonly timeoutMs: number;
}

/**
 * Reads in any bucket these credentials reach (the inventory destination may differ from
 * s3-bucket). Every request is bounded by s3-timeout-seconds; the SDK's own bounded retries apply.
 */
export function s3BucketReads(connect: ConnectS3, settings: BucketReadSettings, log: Logger): InventoryStore {
  const target = (bucket: string): S3Target => ({ endpoint: settings.endpointLabel, bucket, region: settings.region, timeoutMs: settings.timeoutMs });
  async function call<T>(bucket: string, operation: string, send: (abortSignal: AbortSignal, client: S3Client, sdk: S3Sdk) => Promise<T>): Promise<T> {
    // Loading the SDK is not part of the operation's time limit.
    const { client, sdk } = await connect();
    try {
      return await send(AbortSignal.timeout(settings.timeoutMs), client, sdk);
    } catch (thrown) {
      throw describeS3Error(operation, thrown, target(bucket));
    }
  }

  return {
    async listFolders(bucket, prefix) {
      const folders: string[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_FOLDER_PAGES; page += 1) {
        const response = await call(bucket, 'ListObjectsV2', (abortSignal, client, sdk) =>
          client.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', ...(token ? { ContinuationToken: token } : {}) }), {
            abortSignal,
          }),
        );
        for (const common of response.CommonPrefixes ?? []) if (common.Prefix) folders.push(common.Prefix);
        if (!response.IsTruncated) return folders;
        if (!response.NextContinuationToken) {
          throw new S3Failure(
            'server',
            'ListObjectsV2',
            `S3 ListObjectsV2 on bucket '${bucket}' at ${settings.endpointLabel} said the listing continues but gave no continuation token.`,
            undefined,
            undefined,
          );
        }
        token = response.NextContinuationToken;
      }
      throw new S3Failure(
        'rejected',
        'ListObjectsV2',
        `${printable(`s3://${bucket}/${prefix}`)} holds more than ${MAX_FOLDER_PAGES * 1000} entries at one level: not an inventory folder. Check inventory-location.`,
        undefined,
        undefined,
      );
    },

    async readObjectBytes(bucket, key, maxBytes) {
      try {
        return await call(bucket, 'GetObject', async (abortSignal, client, sdk) => {
          const response = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal });
          if (response.ContentLength !== undefined && response.ContentLength > maxBytes) {
            (response.Body as Readable | undefined)?.destroy();
            throw new S3Failure(
              'rejected',
              'GetObject',
              `${printable(`s3://${bucket}/${key}`)} has ${response.ContentLength} bytes, more than the ${maxBytes} expected of it.`,
              undefined,
              undefined,
            );
          }
          // Read inside the call, so the time limit covers the transfer too.
          return response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
        });
      } catch (error) {
        if (error instanceof S3Failure && error.kind === 'not-found' && error.code !== 'NoSuchBucket') return undefined;
        throw error;
      }
    },

    streamObject(bucket, key) {
      return streamWithResume(connect, bucket, key, settings, log, target(bucket));
    },
  };
}

/**
 * Yields an object's bytes as they arrive. The time limit applies to each wait for bytes (an
 * object of gigabytes takes longer than one request's limit, but never stalls that long); a
 * transfer that breaks resumes with a Range request from the last byte received, pinned to the
 * first response's ETag so that a replaced object is never spliced onto the old one.
 */
async function* streamWithResume(
  connect: ConnectS3,
  bucket: string,
  key: string,
  settings: BucketReadSettings,
  log: Logger,
  target: S3Target,
): AsyncGenerator<Uint8Array> {
  let offset = 0;
  let etag: string | undefined;
  for (let attempt = 1; ; attempt += 1) {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer = setTimeout(() => controller.abort(new DOMException(`no bytes for ${settings.timeoutMs} ms`, 'TimeoutError')), settings.timeoutMs);
    };
    const disarm = () => clearTimeout(timer);
    let body: Readable | undefined;
    try {
      const { client, sdk } = await connect();
      arm();
      const response = await client.send(
        new sdk.GetObjectCommand({ Bucket: bucket, Key: key, ...(offset > 0 ? { Range: `bytes=${offset}-` } : {}), ...(etag ? { IfMatch: etag } : {}) }),
        { abortSignal: controller.signal },
      );
      etag ??= response.ETag;
      body = response.Body as Readable | undefined;
      if (body === undefined) return;
      for await (const chunk of body) {
        disarm();
        const bytes = chunk as Uint8Array;
        offset += bytes.length;
        // The consumer's time is not the server's: the limit runs only while waiting for bytes.
        yield bytes;
        arm();
      }
      return;
    } catch (thrown) {
      const failure = describeS3Error('GetObject', controller.signal.aborted ? controller.signal.reason : thrown, target);
      const transient = failure.kind === 'unreachable' || failure.kind === 'timeout' || failure.kind === 'server';
      if (!transient || attempt >= STREAM_MAX_ATTEMPTS) {
        throw new S3Failure(
          failure.kind,
          failure.operation,
          `${failure.message} (reading ${printable(`s3://${bucket}/${key}`)}, ${offset} bytes in, attempt ${attempt} of ${STREAM_MAX_ATTEMPTS})`,
          failure.code,
          failure.httpStatus,
        );
      }
      log.warning(
        `S3 GetObject ${printable(`s3://${bucket}/${key}`)} broke after ${offset} bytes (${failure.kind}): resuming, attempt ${attempt + 1} of ${STREAM_MAX_ATTEMPTS}`,
      );
    } finally {
      disarm();
      body?.destroy();
    }
  }
}
