import { S3Failure } from './s3-errors.js';
import type { BoundedCall } from './s3-objects.js';

/** Conditional writes for a small coordination object (the lifecycle lock); each a bounded call. */
export interface S3ConditionalOperations {
  /** The object's first 4 KiB as text, with what judging it needs; 'not-found' when there is none. */
  readSmallObject(key: string): Promise<SmallObject | 'not-found'>;
  /** PutObject with If-None-Match: * (write only if absent) or If-Match: <etag> (only if unchanged). */
  putObjectIf(input: ConditionalPutInput): Promise<ConditionalPutAnswer>;
  /** DeleteObject, of one version when versionId is given (which removes it and leaves no marker). */
  deleteObjectVersion(key: string, versionId: string | undefined): Promise<void>;
}

export interface SmallObject {
  readonly body: string;
  readonly etag: string | undefined;
  readonly lastModified: Date | undefined;
  readonly versionId: string | undefined;
  /** The server's clock (its Date header), to judge Last-Modified without trusting ours. */
  readonly serverDate: Date | undefined;
}

export interface ConditionalPutInput {
  readonly key: string;
  readonly body: string;
  readonly condition: { readonly ifNoneMatch: '*' } | { readonly ifMatch: string };
}

/** 'precondition-failed': HTTP 412; 'conflict': HTTP 409 (a concurrent conditional write; try again). */
export type ConditionalPutAnswer =
  | { readonly kind: 'written'; readonly etag: string | undefined; readonly versionId: string | undefined }
  | { readonly kind: 'precondition-failed' }
  | { readonly kind: 'conflict' };

const READ_LIMIT = 'bytes=0-4095';

export function s3ConditionalOperations(Bucket: string, call: BoundedCall): S3ConditionalOperations {
  return {
    async readSmallObject(key) {
      try {
        return await call('GetObject', async (abortSignal, client, sdk) => {
          const command = new sdk.GetObjectCommand({ Bucket, Key: key, Range: READ_LIMIT });
          let date: string | undefined;
          command.middlewareStack.add(
            (next) => async (args) => {
              const result = await next(args);
              const headers = (result.response as { headers?: Record<string, string | undefined> } | undefined)?.headers;
              date = headers?.date;
              return result;
            },
            { step: 'deserialize', name: 'srgServerDate' },
          );
          const response = await client.send(command, { abortSignal });
          const body = response.Body ? await response.Body.transformToString() : '';
          const serverDate = date === undefined ? undefined : new Date(date);
          return {
            body,
            etag: response.ETag,
            lastModified: response.LastModified,
            versionId: response.VersionId,
            serverDate: serverDate !== undefined && !Number.isNaN(serverDate.getTime()) ? serverDate : undefined,
          };
        });
      } catch (error) {
        if (error instanceof S3Failure && (error.code === 'NoSuchKey' || (error.kind === 'not-found' && error.code !== 'NoSuchBucket'))) return 'not-found';
        throw error;
      }
    },
    async putObjectIf(input) {
      const condition = 'ifNoneMatch' in input.condition ? { IfNoneMatch: input.condition.ifNoneMatch } : { IfMatch: input.condition.ifMatch };
      try {
        const response = await call('PutObject', (abortSignal, client, sdk) =>
          client.send(new sdk.PutObjectCommand({ Bucket, Key: input.key, Body: input.body, ContentType: 'application/json', ...condition }), { abortSignal }),
        );
        return { kind: 'written', etag: response.ETag, versionId: response.VersionId };
      } catch (error) {
        if (error instanceof S3Failure && error.httpStatus === 412) return { kind: 'precondition-failed' };
        if (error instanceof S3Failure && error.httpStatus === 409) return { kind: 'conflict' };
        throw error;
      }
    },
    async deleteObjectVersion(key, versionId) {
      await call('DeleteObject', (abortSignal, client, sdk) =>
        client.send(new sdk.DeleteObjectCommand({ Bucket, Key: key, ...(versionId !== undefined ? { VersionId: versionId } : {}) }), { abortSignal }),
      );
    },
  };
}
