import { createHash } from 'node:crypto';
import type { ConditionalPutAnswer, ConditionalPutInput, S3ConditionalOperations, SmallObject } from '../../src/clients/s3-conditional.js';

interface Version {
  readonly versionId: string;
  readonly body: string;
  readonly etag: string;
  readonly lastModified: Date;
}

export interface MemoryObjectsOptions {
  /** The server's clock (Last-Modified and Date). */
  readonly clock?: () => Date;
  /** Keep every write as a version (versioning Enabled); deleting a version id removes just it. */
  readonly versioned?: boolean;
  /** Answer 200 to If-None-Match: * on an existing key, as Ceph RGW 16.2 does on versioned buckets. */
  readonly ignoreIfNoneMatch?: boolean;
  /** Match If-Match only against the bare ETag (no quotes), as Ceph RGW 16.2 does on unversioned buckets. */
  readonly ifMatchBareOnly?: boolean;
}

/**
 * The conditional-write operations of S3, in memory, for unit tests of the lock (our interface,
 * not the SDK): If-None-Match: * and If-Match answer 412 as S3 does. Every call is recorded.
 */
export class MemoryObjects implements S3ConditionalOperations {
  readonly calls: string[] = [];
  /** Current versions per key, oldest first; the last one is what GET returns. */
  readonly objects = new Map<string, Version[]>();
  /** Makes the next call of an operation throw this (once). */
  readonly failNext = new Map<'readSmallObject' | 'putObjectIf' | 'deleteObjectVersion', unknown>();
  private counter = 0;

  constructor(private readonly options: MemoryObjectsOptions = {}) {}

  private readonly clock = (): Date => this.options.clock?.() ?? new Date();

  private readonly check = (operation: 'readSmallObject' | 'putObjectIf' | 'deleteObjectVersion', detail: string): void => {
    this.calls.push(`${operation} ${detail}`);
    if (this.failNext.has(operation)) {
      const error = this.failNext.get(operation);
      this.failNext.delete(operation);
      throw error;
    }
  };

  /** Puts an object as another writer would (unconditionally), at the given time. */
  readonly seed = (key: string, body: string, lastModified: Date = this.clock()): Version => {
    const version = this.version(body, lastModified);
    this.objects.set(key, this.options.versioned ? [...(this.objects.get(key) ?? []), version] : [version]);
    return version;
  };

  readonly readSmallObject = async (key: string): Promise<SmallObject | 'not-found'> => {
    this.check('readSmallObject', key);
    const current = this.objects.get(key)?.at(-1);
    if (current === undefined) return 'not-found';
    return {
      body: current.body,
      etag: current.etag,
      lastModified: current.lastModified,
      versionId: this.options.versioned ? current.versionId : undefined,
      serverDate: this.clock(),
    };
  };

  readonly putObjectIf = async (input: ConditionalPutInput): Promise<ConditionalPutAnswer> => {
    this.check('putObjectIf', `${input.key} ${'ifNoneMatch' in input.condition ? 'If-None-Match: *' : `If-Match: ${input.condition.ifMatch}`}`);
    const current = this.objects.get(input.key)?.at(-1);
    if ('ifNoneMatch' in input.condition && current !== undefined && !this.options.ignoreIfNoneMatch) return { kind: 'precondition-failed' };
    const expected = this.options.ifMatchBareOnly ? current?.etag.replace(/"/g, '') : current?.etag;
    if ('ifMatch' in input.condition && expected !== input.condition.ifMatch) return { kind: 'precondition-failed' };
    const version = this.seed(input.key, input.body);
    return { kind: 'written', etag: version.etag, versionId: this.options.versioned ? version.versionId : undefined };
  };

  readonly deleteObjectVersion = async (key: string, versionId: string | undefined): Promise<void> => {
    this.check('deleteObjectVersion', `${key} ${versionId ?? '(no version)'}`);
    const versions = this.objects.get(key) ?? [];
    const left = versionId === undefined ? [] : versions.filter((version) => version.versionId !== versionId);
    if (left.length > 0) this.objects.set(key, left);
    else this.objects.delete(key);
  };

  private version(body: string, lastModified: Date): Version {
    this.counter += 1;
    return { versionId: `v${this.counter}`, body, etag: `"${createHash('md5').update(body).digest('hex')}"`, lastModified };
  }
}
