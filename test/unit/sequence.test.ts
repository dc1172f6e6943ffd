import { describe, expect, it } from 'vitest';
import { S3Failure, type S3Gateway } from '../../src/clients/s3.js';
import type { InputDefinition } from '../../src/config/inputs.js';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { runSequence } from '../../src/gates/sequence.js';
import type { LifecycleRule, Versioning } from '../../src/lifecycle/rule.js';
import { Cancellation } from '../../src/util/cancellation.js';
import { recordingLogger } from '../support/logger.js';
import { MemoryObjects } from '../support/memory-objects.js';
import type { GateResult } from '../../src/verdict.js';

/** The object operations belong to the smoke and growth gates; these tests select other gates. */
abstract class WithoutObjectOperations {
  private unused(): Promise<never> {
    return Promise.reject(new Error('object operations are not used by the gates under test'));
  }
  putObject = () => this.unused();
  createMultipartUpload = () => this.unused();
  uploadPart = () => this.unused();
  completeMultipartUpload = () => this.unused();
  abortMultipartUpload = () => this.unused();
  listMultipartUploads = () => this.unused();
  headObject = () => this.unused();
  getObject = () => this.unused();
  listObjects = () => this.unused();
  listObjectVersions = () => this.unused();
  deleteObjects = () => this.unused();
  listObjectsPage = () => this.unused();
  listFolders = () => this.unused();
  readObjectBytes = () => this.unused();
  streamObject = (): AsyncIterable<Uint8Array> => {
    throw new Error('object operations are not used by the gates under test');
  };
  // The lifecycle gate's lock object (apply takes it before writing), in memory.
  readonly lockObjects = new MemoryObjects();
  readSmallObject = this.lockObjects.readSmallObject;
  putObjectIf = this.lockObjects.putObjectIf;
  deleteObjectVersion = this.lockObjects.deleteObjectVersion;
  serverTime = () => undefined;
  /** Bounds do not matter to an in-memory fake: the view is the gateway itself. */
  scoped(): this {
    return this;
  }
}

const NOW = new Date('2030-06-01T12:00:00.000Z');

function config(inputs: Record<string, string> = {}): Config {
  // The S3 configuration gates: the fake has no object operations for smoke.
  const values: Record<string, string> = { 'app-env': 'prod', 's3-bucket': 'chat-attachments-prod', gates: 'bucket,lifecycle,verify', ...inputs };
  return loadConfig((input: InputDefinition) => values[input.name], process.cwd());
}

type Operation = 'bucketExists' | 'createBucket' | 'getLifecycleRules' | 'putLifecycleRules' | 'getVersioning';

/**
 * A hand-written in-memory S3Gateway (our interface, not the SDK): a bucket with lifecycle rules
 * and a versioning state. `fail` makes an operation throw the given value, whatever it is.
 * Methods are arrow functions (closures, like createS3Gateway's), so they work when a gate passes
 * one on unbound; the class-based gateway below shows why that matters.
 */
class FakeS3 extends WithoutObjectOperations implements S3Gateway {
  readonly endpointLabel = 'fake-s3';
  readonly isAws = false;
  readonly calls: Operation[] = [];
  exists = true;
  rules: LifecycleRule[] = [];
  versioning: Versioning = 'Unversioned';
  readonly fail = new Map<Operation, unknown>();

  private readonly record = (operation: Operation): void => {
    this.calls.push(operation);
    if (this.fail.has(operation)) throw this.fail.get(operation);
  };

  private readonly requireBucket = (operation: string): void => {
    if (!this.exists) throw new S3Failure('not-found', operation, 'no such bucket', 'NoSuchBucket', 404);
  };

  readonly bucketExists = async (): Promise<boolean> => {
    this.record('bucketExists');
    return this.exists;
  };

  readonly createBucket = async (): Promise<'created' | 'already-owned'> => {
    this.record('createBucket');
    this.exists = true;
    return 'created';
  };

  readonly getLifecycleRules = async (): Promise<LifecycleRule[]> => {
    this.record('getLifecycleRules');
    this.requireBucket('GetBucketLifecycleConfiguration');
    return structuredClone(this.rules);
  };

  readonly putLifecycleRules = async (rules: readonly LifecycleRule[]): Promise<void> => {
    this.record('putLifecycleRules');
    this.requireBucket('PutBucketLifecycleConfiguration');
    this.rules = structuredClone([...rules]);
  };

  readonly getVersioning = async (): Promise<Versioning> => {
    this.record('getVersioning');
    this.requireBucket('GetBucketVersioning');
    return this.versioning;
  };

  readonly requestCounts = (): Readonly<Record<string, number>> => ({});

  readonly destroy = (): void => undefined;
}

/** The same gateway with ordinary prototype methods, which need `this` when called. */
class PrototypeMethodS3 extends WithoutObjectOperations implements S3Gateway {
  readonly endpointLabel = 'fake-s3';
  readonly isAws = false;
  private rules: LifecycleRule[] = [];
  async bucketExists(): Promise<boolean> {
    return true;
  }
  async createBucket(): Promise<'created' | 'already-owned'> {
    return 'created';
  }
  async getLifecycleRules(): Promise<LifecycleRule[]> {
    return structuredClone(this.rules);
  }
  async putLifecycleRules(rules: readonly LifecycleRule[]): Promise<void> {
    this.rules = structuredClone([...rules]);
  }
  async getVersioning(): Promise<Versioning> {
    return 'Unversioned';
  }
  requestCounts(): Readonly<Record<string, number>> {
    return {};
  }
  destroy(): void {}
}

async function run(s3: FakeS3, inputs: Record<string, string> = {}): Promise<GateResult[]> {
  return runSequence({ config: config(inputs), s3, log: recordingLogger(), now: () => NOW });
}

const statuses = (results: readonly GateResult[]) => results.map((result) => [result.id, result.status]);

describe('runSequence with a fake S3Gateway', () => {
  it('runs bucket, lifecycle and verify in order and says GO when all pass', async () => {
    const s3 = new FakeS3();
    const results = await run(s3);
    expect(statuses(results)).toEqual([
      ['bucket', 'PASS'],
      ['lifecycle', 'PASS'],
      ['verify', 'PASS'],
      ['go-no-go', 'PASS'],
    ]);
    expect(s3.calls.filter((call) => call === 'putLifecycleRules')).toHaveLength(1);
    expect(results.map((result) => result.mode)).toEqual(['apply', 'apply', undefined, undefined]);
    expect(results.every((result) => result.startedAt === NOW.toISOString() && result.durationMs >= 0)).toBe(true);
  });

  it.each([
    { name: 'a string', thrown: 'boom', message: 'non-Error thrown: boom' },
    { name: 'undefined', thrown: undefined, message: 'non-Error thrown: undefined' },
    { name: 'a number', thrown: 42, message: 'non-Error thrown: 42' },
    { name: 'a plain object', thrown: { code: 'X' }, message: 'non-Error thrown: [object Object]' },
    { name: 'an Error', thrown: new TypeError('bad state'), message: 'bad state' },
  ])('a gate whose S3 call throws $name ends as ERROR, not thrown out', async ({ thrown, message }) => {
    const s3 = new FakeS3();
    s3.fail.set('bucketExists', thrown);
    const results = await run(s3);
    expect(statuses(results)).toEqual([
      ['bucket', 'ERROR'],
      ['lifecycle', 'PASS'],
      ['verify', 'PASS'],
      ['go-no-go', 'FAIL'],
    ]);
    expect(results[0]?.summary).toBe(message);
    expect(results[0]?.findings).toEqual([{ level: 'error', message }]);
  });

  it('a cancellation during a gate makes it ERROR "cancelled", starts no later gate and says NO-GO', async () => {
    const s3 = new FakeS3();
    const cancellation = new Cancellation();
    // The signal arrives while lifecycle reads the rules; the gateway's call then fails as stopped.
    Object.defineProperty(s3, 'getLifecycleRules', {
      value: async () => {
        cancellation.cancel('SIGINT');
        throw new S3Failure(
          'cancelled',
          'GetBucketLifecycleConfiguration',
          'S3 GetBucketLifecycleConfiguration was stopped: the run was cancelled (SIGINT).',
          'Stopped',
          undefined,
        );
      },
    });
    const results = await runSequence({
      config: config({ gates: 'bucket,lifecycle,verify', 'health-checks': 'api=http://127.0.0.1:9/health' }),
      s3,
      log: recordingLogger(),
      now: () => NOW,
      cancellation,
    });
    expect(statuses(results)).toEqual([
      ['bucket', 'PASS'],
      ['lifecycle', 'ERROR'],
      ['verify', 'NOT RUN'],
      ['go-no-go', 'FAIL'],
    ]);
    expect(results[1]?.summary).toBe('Cancelled (SIGINT): S3 GetBucketLifecycleConfiguration was stopped: the run was cancelled (SIGINT).');
    expect(results[1]?.findings[0]?.message).toBe('Cancelled (SIGINT) while the gate ran: its requests in flight were aborted and it stopped.');
    expect(results[2]?.summary).toBe('Not run: the run was cancelled (SIGINT) before this gate.');
    expect(results[3]?.summary).toBe('NO-GO: cancelled (SIGINT), lifecycle ERROR, verify NOT RUN.');
    expect(results[3]?.findings[0]?.message).toBe('The run was cancelled (SIGINT); health-checks were not probed.');
    expect(s3.calls).not.toContain('putLifecycleRules');
  });

  it('an S3Failure of kind access-denied makes the gate UNVERIFIABLE', async () => {
    const s3 = new FakeS3();
    const denied = new S3Failure(
      'access-denied',
      'GetBucketLifecycleConfiguration',
      'S3 GetBucketLifecycleConfiguration was denied (AccessDenied).',
      'AccessDenied',
      403,
    );
    s3.fail.set('getLifecycleRules', denied);
    const results = await run(s3);
    expect(statuses(results)).toEqual([
      ['bucket', 'PASS'],
      ['lifecycle', 'UNVERIFIABLE'],
      ['verify', 'UNVERIFIABLE'],
      ['go-no-go', 'FAIL'],
    ]);
    expect(results[1]?.findings).toEqual([{ level: 'unverifiable', message: denied.message }]);
    expect(results[3]?.summary).toBe('NO-GO: lifecycle UNVERIFIABLE, verify UNVERIFIABLE.');
  });

  it.each(['timeout', 'unreachable', 'credentials', 'server'] as const)('an S3Failure of kind %s is ERROR', async (kind) => {
    const s3 = new FakeS3();
    s3.fail.set('getVersioning', new S3Failure(kind, 'GetBucketVersioning', `failed: ${kind}`, undefined, undefined));
    const results = await run(s3, { gates: 'verify' });
    expect(statuses(results)).toEqual([
      ['verify', 'ERROR'],
      ['go-no-go', 'FAIL'],
    ]);
  });

  it('fail-fast true: gates after the first non-passing one are NOT RUN and go/no-go is FAIL', async () => {
    const s3 = new FakeS3();
    s3.fail.set('bucketExists', 'boom');
    const results = await run(s3, { 'fail-fast': 'true' });
    expect(statuses(results)).toEqual([
      ['bucket', 'ERROR'],
      ['lifecycle', 'NOT RUN'],
      ['verify', 'NOT RUN'],
      ['go-no-go', 'FAIL'],
    ]);
    expect(s3.calls).toEqual(['bucketExists']);
    expect(results[1]?.mode).toBe('apply');
    expect(results[1]?.durationMs).toBe(0);
    expect(results[3]?.findings.map((finding) => finding.message)).toEqual([
      'bucket is ERROR: non-Error thrown: boom',
      'lifecycle is NOT RUN: Not run: an earlier gate did not pass and fail-fast is on.',
      'verify is NOT RUN: Not run: an earlier gate did not pass and fail-fast is on.',
    ]);
  });

  it('fail-fast true: a FAIL (not only an ERROR) stops the rest', async () => {
    const s3 = new FakeS3();
    s3.exists = false;
    const results = await run(s3, { 'fail-fast': 'true', gates: 'verify,lifecycle' });
    expect(statuses(results)).toEqual([
      ['verify', 'FAIL'],
      ['lifecycle', 'NOT RUN'],
      ['go-no-go', 'FAIL'],
    ]);
  });

  it('fail-fast true: a WARN passes and the next gate still runs', async () => {
    const s3 = new FakeS3();
    s3.exists = false;
    const results = await run(s3, { 'fail-fast': 'true', mode: 'plan' });
    // plan: bucket missing is a WARN, lifecycle plans against an empty configuration (WARN), verify has no bucket (FAIL).
    expect(statuses(results)).toEqual([
      ['bucket', 'WARN'],
      ['lifecycle', 'WARN'],
      ['verify', 'FAIL'],
      ['go-no-go', 'FAIL'],
    ]);
    expect(s3.calls).not.toContain('createBucket');
    expect(s3.calls).not.toContain('putLifecycleRules');
  });

  it('fail-fast false: every selected gate runs after a failure', async () => {
    const s3 = new FakeS3();
    s3.fail.set('bucketExists', new Error('boom'));
    const results = await run(s3, { 'fail-fast': 'false' });
    expect(statuses(results)).toEqual([
      ['bucket', 'ERROR'],
      ['lifecycle', 'PASS'],
      ['verify', 'PASS'],
      ['go-no-go', 'FAIL'],
    ]);
    expect(s3.calls).toContain('putLifecycleRules');
  });

  it('runs only the selected gates, in the order given, go/no-go last listing only them', async () => {
    const s3 = new FakeS3();
    s3.rules = [
      {
        ID: 'surreal-release-gates:chat-attachments/prod',
        Status: 'Enabled',
        Filter: { Prefix: 'chat-attachments/prod/' },
        Expiration: { Days: 30 },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
      },
    ];
    const results = await run(s3, { gates: 'verify,bucket' });
    expect(statuses(results)).toEqual([
      ['verify', 'PASS'],
      ['bucket', 'PASS'],
      ['go-no-go', 'PASS'],
    ]);
    const table = results[2]?.sections[0];
    expect(table?.kind === 'table' ? table.rows.map((row) => row[0]) : undefined).toEqual(['verify', 'bucket']);
  });

  it.each([
    { name: 'all PASS', rules: 30, expect: '30', goNoGo: 'PASS' },
    { name: 'a WARN still passes', rules: 30, expect: '', goNoGo: 'PASS', shorter: true },
    { name: 'a FAIL blocks', rules: 7, expect: '30', goNoGo: 'FAIL' },
  ])('go/no-go is GO only when all are PASS or WARN: $name', async ({ rules, expect: expectDays, goNoGo, shorter }) => {
    const s3 = new FakeS3();
    s3.rules = [
      { ID: 'surreal-release-gates:chat-attachments/prod', Status: 'Enabled', Filter: { Prefix: 'chat-attachments/prod/' }, Expiration: { Days: rules } },
      // A shorter rule on part of the prefix is a WARN (a shorter rule over all of it now FAILs verify).
      ...(shorter ? [{ ID: 'foreign', Status: 'Enabled', Filter: { Prefix: 'chat-attachments/prod/tmp/' }, Expiration: { Days: 3 } }] : []),
    ];
    const results = await run(s3, { gates: 'verify', 'expect-expire-days': expectDays });
    expect(results.at(-1)?.id).toBe('go-no-go');
    expect(results.at(-1)?.status).toBe(goNoGo);
    if (shorter) expect(results[0]?.status).toBe('WARN');
    expect(results.at(-1)?.facts).toEqual([{ label: 'Decision', value: goNoGo === 'PASS' ? 'GO' : 'NO-GO' }]);
  });

  it('lifecycle in apply keeps a foreign rule byte-for-byte and a second run writes nothing', async () => {
    const s3 = new FakeS3();
    const foreign: LifecycleRule = { ID: 'tmp', Status: 'Enabled', Prefix: 'tmp/', Expiration: { Days: 2 } };
    s3.rules = [foreign];
    await run(s3, { gates: 'lifecycle' });
    expect(s3.rules[0]).toEqual(foreign);
    expect(s3.rules).toHaveLength(2);
    const writes = s3.calls.filter((call) => call === 'putLifecycleRules').length;
    const again = await run(s3, { gates: 'lifecycle' });
    expect(again[0]?.status).toBe('PASS');
    expect(s3.calls.filter((call) => call === 'putLifecycleRules').length).toBe(writes);
  });

  // Gates must call gateway methods on the gateway: one written as a class keeps `this`.
  it('a gateway with prototype methods passes the lifecycle gate in apply', async () => {
    const results = await runSequence({ config: config({ gates: 'lifecycle' }), s3: new PrototypeMethodS3(), log: recordingLogger(), now: () => NOW });
    expect(statuses(results)).toEqual([
      ['lifecycle', 'PASS'],
      ['go-no-go', 'PASS'],
    ]);
  });
});
