import type { BucketLocationConstraint, LifecycleRule as SdkLifecycleRule, S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '../config/types.js';
import type { InventoryStore } from '../growth/inventory-scan.js';
import type { ListPage, ListPageRequest } from '../growth/listing.js';
import type { LifecycleRule, Versioning } from '../lifecycle/rule.js';
import type { Logger } from '../util/logger.js';
import { s3ConditionalOperations, type S3ConditionalOperations } from './s3-conditional.js';
import { describeS3Error, S3Failure, type S3Target } from './s3-errors.js';
import { s3BucketReads } from './s3-inventory.js';
import { parseListBucketResult, type LeanListing } from './s3-list-xml.js';
import { s3ObjectOperations, type BoundedCall, type S3ObjectOperations, type S3Sdk } from './s3-objects.js';
import { stopReason } from '../util/cancellation.js';

export { S3Failure } from './s3-errors.js';

/**
 * The S3 operations the gates use. Every call is bounded by s3-timeout-seconds, retries included.
 * The InventoryStore reads (growth-source: inventory) reach other buckets with the same credentials.
 */
export interface S3Gateway extends S3ObjectOperations, S3ConditionalOperations, InventoryStore {
  readonly endpointLabel: string;
  readonly isAws: boolean;
  /** True when the bucket exists and these credentials may use it. */
  bucketExists(): Promise<boolean>;
  /** Creates the bucket; 'already-owned' when it appeared meanwhile. */
  createBucket(): Promise<'created' | 'already-owned'>;
  /**
   * The lifecycle rules, or an empty list when the bucket has no configuration. Read once per run
   * and shared by the gates (a write or `fresh` reads again; verify always asks fresh).
   */
  getLifecycleRules(options?: ReadOptions): Promise<LifecycleRule[]>;
  putLifecycleRules(rules: readonly LifecycleRule[]): Promise<void>;
  /** Versioning state; shared like getLifecycleRules. */
  getVersioning(options?: ReadOptions): Promise<Versioning>;
  /** One ListObjectsV2 page (at most 1000 keys); each page is bounded by s3-timeout-seconds. */
  listObjectsPage(request: ListPageRequest): Promise<ListPage>;
  /** HTTP requests sent so far, by SDK command name (retries counted). */
  requestCounts(): Readonly<Record<string, number>>;
  /**
   * The same gateway with calls bounded by one more signal (e.g. a phase's time budget). With
   * `cleanup`, a view for wrap-up work: the run's cancellation does not abort its calls and an
   * earlier "unreachable" verdict does not skip them; only `signal` and s3-timeout-seconds bound them.
   */
  scoped(options: ScopeOptions): S3Gateway;
  /** The server's clock, from the Date header of its latest answer; undefined before any answer. */
  serverTime(): Date | undefined;
  destroy(): void;
}

export interface ScopeOptions {
  readonly signal: AbortSignal;
  readonly cleanup?: boolean;
}

export interface ReadOptions {
  /** Ask the server again instead of reusing this run's earlier answer. */
  readonly fresh?: boolean;
}

/**
 * Shares one in-flight or settled answer; a failure is not kept, so the next call asks again.
 * `read` is given per call, so a scoped view asks with its own bounds.
 */
function sharedRead<T>(): { get(read: () => Promise<T>, options?: ReadOptions): Promise<T>; forget(): void } {
  let answer: Promise<T> | undefined;
  return {
    get(read, options) {
      if (answer === undefined || options?.fresh) {
        const pending = read();
        answer = pending;
        pending.catch(() => {
          if (answer === pending) answer = undefined;
        });
      }
      return answer;
    },
    forget() {
      answer = undefined;
    },
  };
}

/**
 * `cancel` is the run's cancellation: it aborts every call in flight and fails every later one at
 * once, except those of a `scoped({ cleanup: true })` view.
 */
export function createS3Gateway(settings: S3Settings, log: Logger, cancel?: AbortSignal): S3Gateway {
  const endpointLabel = settings.endpoint?.origin ?? `AWS S3 (${settings.region})`;
  const isAws = settings.endpoint === undefined || settings.endpoint.hostname.endsWith('.amazonaws.com');
  const target: S3Target = { endpoint: endpointLabel, bucket: settings.bucket, region: settings.region, timeoutMs: settings.timeoutMs };
  // The SDK (about 1.3 MB of bundled code) is loaded and the client built on the first S3
  // operation, not at start-up: a run that stops on bad input or selects no S3 gate never parses
  // it. One client, one keep-alive pool for the whole run: every gate and every scoped view
  // reuses the same connections.
  const counts: Record<string, number> = {};
  // The server's clock (Date header), so ages of objects are judged on the clock that stamped them.
  let serverDate: { readonly ms: number; readonly at: number } | undefined;
  const onServerDate = (ms: number) => {
    serverDate = { ms, at: performance.now() };
  };
  let connection: Promise<{ client: S3Client; sdk: S3Sdk }> | undefined;
  let built: S3Client | undefined;
  let destroyed = false;
  const connect = () =>
    (connection ??= import('./s3-client.js').then(({ buildS3Client, sdk }) => {
      if (destroyed) throw new Error('S3 client already destroyed');
      const client = buildS3Client(settings, { counts, log, onServerDate });
      built = client;
      return { client, sdk };
    }));

  // After the endpoint proved unreachable, fail at once instead of waiting out every timeout again.
  let unreachable: S3Failure | undefined;

  /** Calls bounded by s3-timeout-seconds and `bounds` (aborted: a 'cancelled' failure naming why). */
  function boundedCall(bounds: AbortSignal | undefined, cleanup: boolean): BoundedCall {
    return async (operation, send) => {
      if (bounds?.aborted) throw stoppedFailure(operation, bounds, target);
      if (unreachable && !cleanup) {
        throw new S3Failure(unreachable.kind, operation, `S3 ${operation} not attempted: ${unreachable.message}`, unreachable.code, undefined);
      }
      // Loading the SDK is not part of the operation's time limit.
      const { client, sdk } = await connect();
      if (bounds?.aborted) throw stoppedFailure(operation, bounds, target);
      const started = performance.now();
      const timeout = AbortSignal.timeout(settings.timeoutMs);
      try {
        const result = await send(bounds ? AbortSignal.any([timeout, bounds]) : timeout, client, sdk);
        log.debug(`S3 ${operation}: ${Math.round(performance.now() - started)} ms`);
        return result;
      } catch (thrown) {
        if (bounds?.aborted && !timeout.aborted) throw stoppedFailure(operation, bounds, target);
        const failure = describeS3Error(operation, thrown, target);
        if (failure.kind === 'unreachable' || failure.kind === 'timeout') unreachable = failure;
        throw failure;
      }
    };
  }

  const Bucket = settings.bucket;
  const lifecycleRules = sharedRead<LifecycleRule[]>();
  const versioning = sharedRead<Versioning>();

  function gateway(bounds: AbortSignal | undefined, cleanup: boolean): S3Gateway {
    const call = boundedCall(bounds, cleanup);
    const readLifecycle = async (): Promise<LifecycleRule[]> => {
      try {
        const response = await call('GetBucketLifecycleConfiguration', (abortSignal, client, sdk) =>
          client.send(new sdk.GetBucketLifecycleConfigurationCommand({ Bucket }), { abortSignal }),
        );
        return (response.Rules ?? []) as LifecycleRule[];
      } catch (error) {
        if (error instanceof S3Failure && error.code === 'NoSuchLifecycleConfiguration') return [];
        throw error;
      }
    };
    const readVersioning = async (): Promise<Versioning> => {
      const response = await call('GetBucketVersioning', (abortSignal, client, sdk) =>
        client.send(new sdk.GetBucketVersioningCommand({ Bucket }), { abortSignal }),
      );
      return response.Status === 'Enabled' || response.Status === 'Suspended' ? response.Status : 'Unversioned';
    };
    return {
      endpointLabel,
      isAws,
      async bucketExists() {
        try {
          await call('HeadBucket', (abortSignal, client, sdk) => client.send(new sdk.HeadBucketCommand({ Bucket }), { abortSignal }));
          return true;
        } catch (error) {
          if (error instanceof S3Failure && error.kind === 'not-found') return false;
          throw error;
        }
      },
      async createBucket() {
        // RGW and AWS reject an explicit us-east-1; only AWS takes other regions.
        const location = isAws && settings.region !== 'us-east-1' ? settings.region : undefined;
        try {
          await call('CreateBucket', (abortSignal, client, sdk) =>
            client.send(
              new sdk.CreateBucketCommand({
                Bucket,
                ...(location ? { CreateBucketConfiguration: { LocationConstraint: location as BucketLocationConstraint } } : {}),
              }),
              { abortSignal },
            ),
          );
          lifecycleRules.forget();
          versioning.forget();
          return 'created';
        } catch (error) {
          if (error instanceof S3Failure && error.code === 'BucketAlreadyOwnedByYou') return 'already-owned';
          throw error;
        }
      },
      getLifecycleRules: (options) => lifecycleRules.get(readLifecycle, options),
      async putLifecycleRules(rules) {
        if (rules.length === 0) throw new Error('refusing to write an empty lifecycle configuration');
        await call('PutBucketLifecycleConfiguration', (abortSignal, client, sdk) =>
          client.send(
            new sdk.PutBucketLifecycleConfigurationCommand({
              Bucket,
              LifecycleConfiguration: { Rules: [...rules] as SdkLifecycleRule[] },
            }),
            { abortSignal },
          ),
        );
        lifecycleRules.forget();
      },
      getVersioning: (options) => versioning.get(readVersioning, options),
      async listObjectsPage(request) {
        const { response, lean } = await call('ListObjectsV2', async (abortSignal, client, sdk) => {
          const command = new sdk.ListObjectsV2Command({
            Bucket,
            Prefix: request.prefix,
            // URL-encoded keys survive characters XML 1.0 cannot carry; decoded below.
            EncodingType: 'url',
            ...(request.startAfter !== undefined ? { StartAfter: request.startAfter } : {}),
            ...(request.continuationToken !== undefined ? { ContinuationToken: request.continuationToken } : {}),
            ...(request.maxKeys !== undefined ? { MaxKeys: request.maxKeys } : {}),
          });
          // A scan lists pages by the hundred: read each with the lean reader, not the SDK's tree.
          let listing: LeanListing | undefined;
          command.middlewareStack.add(
            (next) => async (args) => {
              const result = await next(args);
              listing = await takeLeanListing(result.response);
              return result;
            },
            { step: 'deserialize', priority: 'low', name: 'srgLeanListing' },
          );
          const output = await client.send(command, { abortSignal });
          return { response: output, lean: listing };
        });
        const isTruncated = lean ? lean.isTruncated : response.IsTruncated === true;
        const nextToken = lean ? lean.nextContinuationToken : response.NextContinuationToken;
        if (isTruncated && !nextToken) {
          // Fail closed: stopping here would under-count the prefix silently.
          throw new S3Failure(
            'server',
            'ListObjectsV2',
            `S3 ListObjectsV2 on bucket '${Bucket}' at ${endpointLabel} said the listing continues but gave no continuation token.`,
            undefined,
            undefined,
          );
        }
        const decode = (lean ? lean.encodingType : response.EncodingType) === 'url' ? decodeListedKey : (key: string) => key;
        const objects = lean
          ? lean.objects.map((object) => ({ key: decode(object.key), size: object.size, lastModified: object.lastModified }))
          : (response.Contents ?? []).map((object) => ({
              key: decode(object.Key ?? ''),
              size: object.Size ?? 0,
              lastModified: object.LastModified ?? new Date(0),
            }));
        return { objects, nextContinuationToken: isTruncated ? nextToken : undefined };
      },
      ...s3ObjectOperations(Bucket, call),
      ...s3ConditionalOperations(Bucket, call),
      // Reads of the inventory bucket are bounded by s3-timeout-seconds alone (not by scoped()).
      ...s3BucketReads(connect, { endpointLabel, region: settings.region, timeoutMs: settings.timeoutMs }, log),
      requestCounts: () => ({ ...counts }),
      scoped: (options) =>
        options.cleanup ? gateway(options.signal, true) : gateway(bounds ? AbortSignal.any([bounds, options.signal]) : options.signal, false),
      serverTime: () => (serverDate === undefined ? undefined : new Date(serverDate.ms + (performance.now() - serverDate.at))),
      destroy: () => {
        destroyed = true;
        built?.destroy();
      },
    };
  }

  return gateway(cancel, false);
}

/** A call that the run's cancellation or a phase's budget stopped: says which, and that S3 is not at fault. */
function stoppedFailure(operation: string, bounds: AbortSignal, target: S3Target): S3Failure {
  return new S3Failure(
    'cancelled',
    operation,
    `S3 ${operation} on bucket '${target.bucket}' at ${target.endpoint} was stopped: ${stopReason(bounds)}.`,
    'Stopped',
    undefined,
  );
}

/** Keys of an `EncodingType=url` listing: AWS writes a space as '+', RGW as %20; both encode '+' as %2B. */
export function decodeListedKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, '%20'));
}

/** What the SDK's deserializer reads once the lean reader has taken the listing: an empty result. */
const EMPTY_LISTING = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult></ListBucketResult>');

/**
 * Runs inside the SDK's deserializer (a deserialize-step middleware of the scan's listings): reads
 * a successful ListObjectsV2 body itself and leaves the SDK an empty listing to deserialize. Error
 * answers, and bodies the lean reader does not recognise, reach the SDK's deserializer unchanged.
 */
async function takeLeanListing(answer: unknown): Promise<LeanListing | undefined> {
  const response = answer as { statusCode?: number; body?: unknown };
  const body = response.body;
  if (response.statusCode !== 200 || typeof body !== 'object' || body === null || !(Symbol.asyncIterator in body)) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const raw = Buffer.concat(chunks);
  const listing = parseListBucketResult(raw);
  response.body = listing === undefined ? raw : EMPTY_LISTING.slice();
  return listing;
}
