import { describe, expect, it } from 'vitest';
import { S3Failure } from '../../src/clients/s3-errors.js';
import { underLifecycleLock, type LockDeps } from '../../src/gates/lifecycle/lock.js';
import { isStale, lockAgeMs, lockBodyText, lockKey, lockRetryDelayMs, lockTimings, parseLockBody } from '../../src/lifecycle/lock-policy.js';
import type { Versioning } from '../../src/lifecycle/rule.js';
import { recordingLogger } from '../support/logger.js';
import { MemoryObjects, type MemoryObjectsOptions } from '../support/memory-objects.js';

const KEY = lockKey('chat-attachments');
const TIMINGS = lockTimings(30_000);
const START = Date.parse('2030-06-01T12:00:00Z');

/** A fake clock that sleep advances, one store on that clock, and the deps of the lock. */
function setup(options: Omit<MemoryObjectsOptions, 'clock'> = {}, versioning: Versioning = options.versioned ? 'Enabled' : 'Unversioned') {
  let nowMs = START;
  const clock = () => new Date(nowMs);
  const store = new MemoryObjects({ ...options, clock });
  const sleeps: number[] = [];
  const log = recordingLogger();
  const deps: LockDeps = {
    s3: store,
    key: KEY,
    env: 'staging',
    versioning,
    timings: TIMINGS,
    log,
    now: clock,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      nowMs += ms;
    },
  };
  return { store, deps, sleeps, log, advance: (ms: number) => (nowMs += ms) };
}

const otherHolder = (time = new Date(START).toISOString()) => lockBodyText({ runId: '20300601T115959Z-aaaaaaaa', env: 'production', time });
const levels = (findings: readonly { level: string; message: string }[]) => findings.map((finding) => `${finding.level}: ${finding.message}`);

describe('lock policy', () => {
  it('lives beside the env folders, under a name no env can have', () => {
    expect(KEY).toBe('chat-attachments/_release-gates/lifecycle.lock');
  });

  it('round-trips its body and refuses bodies it did not write', () => {
    const holder = { runId: 'r', env: 'staging', time: '2030-06-01T12:00:00.000Z' };
    expect(parseLockBody(lockBodyText(holder))).toEqual(holder);
    for (const text of ['', 'not json', '{"runId":"r","env":"e","time":"t"}', '{"tool":"surreal-release-gates","runId":1,"env":"e","time":"t"}']) {
      expect(parseLockBody(text)).toBeUndefined();
    }
  });

  it('has a TTL longer than the budget plus one S3 call, and waits past the TTL', () => {
    const timings = lockTimings(30_000);
    expect(timings.ttlMs).toBeGreaterThan(timings.budgetMs + 30_000);
    expect(timings.waitMs).toBeGreaterThan(timings.ttlMs);
  });

  it('judges age by the server clock, and never a lock without Last-Modified as stale', () => {
    const modified = new Date(START);
    expect(lockAgeMs(modified, new Date(START + 5000), new Date(START + 999_999))).toBe(5000);
    expect(lockAgeMs(modified, undefined, new Date(START + 7000))).toBe(7000);
    expect(isStale(lockAgeMs(undefined, new Date(), new Date()), 1)).toBe(false);
    expect(isStale(1001, 1000)).toBe(true);
    expect(isStale(1000, 1000)).toBe(false);
  });

  it('backs off with jitter up to 2 s', () => {
    expect([1, 2, 3, 4, 5, 9].map((attempt) => lockRetryDelayMs(attempt, 0.5))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect(lockRetryDelayMs(1, 0)).toBe(125);
    expect(lockRetryDelayMs(9, 0.999)).toBeLessThan(3000);
  });
});

describe('underLifecycleLock', () => {
  it('takes a free lock with If-None-Match, proves the server enforces it, and releases it', async () => {
    const { store, deps } = setup();
    const run = await underLifecycleLock(deps, async (lock) => {
      expect(lock.held).toBe(true);
      expect(parseLockBody(store.objects.get(KEY)?.at(-1)?.body ?? '')?.env).toBe('staging');
      return 'written';
    });
    expect(run).toMatchObject({ ran: true, value: 'written' });
    expect(levels(run.findings)).toEqual([`info: Took the lifecycle lock ${KEY} (attempt 1).`, `info: Released the lifecycle lock ${KEY}.`]);
    expect(store.calls).toEqual([
      `readSmallObject ${KEY}`,
      `putObjectIf ${KEY} If-None-Match: *`,
      `putObjectIf ${KEY} If-None-Match: *`,
      `readSmallObject ${KEY}`,
      `deleteObjectVersion ${KEY} (no version)`,
    ]);
    expect(store.objects.size).toBe(0);
  });

  it('waits for a lock another run holds and takes it once released', async () => {
    const { store, deps, sleeps, log } = setup();
    store.seed(KEY, otherHolder());
    // The holder releases it before our third read.
    let reads = 0;
    const s3 = {
      putObjectIf: store.putObjectIf,
      deleteObjectVersion: store.deleteObjectVersion,
      readSmallObject: async (key: string) => {
        reads += 1;
        if (reads === 3) store.objects.delete(KEY);
        return store.readSmallObject(key);
      },
    };
    const run = await underLifecycleLock({ ...deps, s3 }, async () => 'ok');
    expect(run.ran).toBe(true);
    expect(sleeps).toEqual([250, 500]);
    expect(log.lines.some((line) => line.includes('is held by run 20300601T115959Z-aaaaaaaa (env production'))).toBe(true);
    expect(store.objects.size).toBe(0);
  });

  it('gives up after the wait with a FAIL that names the holder; the body never runs and the lock stays', async () => {
    const { store, deps } = setup();
    // A live holder: its lock never gets older than the TTL while we wait.
    const s3 = {
      putObjectIf: store.putObjectIf,
      deleteObjectVersion: store.deleteObjectVersion,
      readSmallObject: async (key: string) => {
        store.seed(KEY, otherHolder());
        return store.readSmallObject(key);
      },
    };
    let ran = false;
    const run = await underLifecycleLock({ ...deps, s3 }, async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    expect(run.ran).toBe(false);
    expect(run.findings).toHaveLength(1);
    expect(run.findings[0]?.level).toBe('fail');
    expect(run.findings[0]?.message).toMatch(/is held by run 20300601T115959Z-aaaaaaaa \(env production, .*\); waited \d+ s\. Nothing was written\./);
    expect(run.findings[0]?.remediation).toContain(KEY);
    expect(parseLockBody(store.objects.get(KEY)?.at(-1)?.body ?? '')?.env).toBe('production');
    expect(store.calls.filter((call) => call.startsWith('putObjectIf') || call.startsWith('delete'))).toEqual([]);
  });

  it.each([
    { label: 'unversioned, If-Match with the quoted ETag', options: {} },
    { label: 'unversioned, a server that matches only the bare ETag (Ceph RGW)', options: { ifMatchBareOnly: true } },
  ])('breaks a lock older than its TTL ($label)', async ({ options }) => {
    const { store, deps } = setup(options);
    store.seed(KEY, otherHolder(), new Date(START - TIMINGS.ttlMs - 1000));
    const run = await underLifecycleLock(deps, async () => 'ok');
    expect(run.ran).toBe(true);
    expect(levels(run.findings)[0]).toMatch(
      /^info: Broke an abandoned lifecycle lock of run 20300601T115959Z-aaaaaaaa \(env production, .*\): \d+ s old by the server's clock/,
    );
    expect(store.calls.filter((call) => call.includes('If-Match'))).toHaveLength(options.ifMatchBareOnly ? 2 : 1);
    expect(store.objects.size).toBe(0);
  });

  it('a stale lock the server never lets us replace: pauses between tries, then FAILs after the wait', async () => {
    const { store, deps, sleeps } = setup();
    store.seed(KEY, otherHolder(), new Date(START - TIMINGS.ttlMs - 1000));
    const s3 = {
      readSmallObject: store.readSmallObject,
      deleteObjectVersion: store.deleteObjectVersion,
      putObjectIf: async (input: Parameters<MemoryObjects['putObjectIf']>[0]) =>
        'ifMatch' in input.condition ? { kind: 'precondition-failed' as const } : store.putObjectIf(input),
    };
    const run = await underLifecycleLock({ ...deps, s3 }, async () => 'never');
    expect(run.ran).toBe(false);
    expect(run.findings[0]?.level).toBe('fail');
    expect(sleeps.length).toBeGreaterThan(10);
    expect(sleeps.every((ms) => ms > 0)).toBe(true);
  });

  it('breaks a stale lock on a versioned bucket by deleting exactly its version, and leaves no version behind', async () => {
    const { store, deps } = setup({ versioned: true });
    const stale = store.seed(KEY, otherHolder(), new Date(START - TIMINGS.ttlMs - 1000));
    const run = await underLifecycleLock(deps, async () => 'ok');
    expect(run.ran).toBe(true);
    expect(store.calls).toContain(`deleteObjectVersion ${KEY} ${stale.versionId}`);
    expect(store.objects.size).toBe(0);
  });

  it('a write that landed although it answered 412 (an SDK retry) is recognised as ours by its run id', async () => {
    const { store, deps } = setup();
    let first = true;
    const s3 = {
      readSmallObject: store.readSmallObject,
      deleteObjectVersion: store.deleteObjectVersion,
      putObjectIf: async (input: Parameters<MemoryObjects['putObjectIf']>[0]) => {
        const answer = await store.putObjectIf(input);
        if (first) {
          first = false;
          return { kind: 'precondition-failed' as const };
        }
        return answer;
      },
    };
    const run = await underLifecycleLock({ ...deps, s3 }, async (lock) => lock.held);
    expect(run).toMatchObject({ ran: true, value: true });
    expect(store.objects.size).toBe(0);
  });

  it('retries after 409 ConditionalRequestConflict', async () => {
    const { store, deps, sleeps } = setup();
    let conflicts = 1;
    const s3 = {
      readSmallObject: store.readSmallObject,
      deleteObjectVersion: store.deleteObjectVersion,
      putObjectIf: async (input: Parameters<MemoryObjects['putObjectIf']>[0]) => (conflicts-- > 0 ? { kind: 'conflict' as const } : store.putObjectIf(input)),
    };
    const run = await underLifecycleLock({ ...deps, s3 }, async () => 'ok');
    expect(run.ran).toBe(true);
    expect(sleeps).toEqual([250]);
  });

  it('a server that answers 200 to the second conditional PUT gets a WARN: advisory lock only; both versions are removed', async () => {
    const { store, deps } = setup({ versioned: true, ignoreIfNoneMatch: true });
    const run = await underLifecycleLock(deps, async () => 'ok');
    expect(run.ran).toBe(true);
    const warnings = run.findings.filter((finding) => finding.level === 'warn');
    expect(warnings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^Advisory lock only: the server answered 200 to a second conditional PUT/),
    ]);
    expect(store.calls.filter((call) => call.startsWith('deleteObjectVersion'))).toHaveLength(2);
    expect(store.objects.size).toBe(0);
  });

  it('goes on without the lock, with a WARN naming the permissions, when the credentials may not write it', async () => {
    const { store, deps } = setup();
    store.failNext.set('putObjectIf', new S3Failure('access-denied', 'PutObject', 'S3 PutObject was denied (AccessDenied).', 'AccessDenied', 403));
    const run = await underLifecycleLock(deps, async (lock) => lock.held);
    expect(run).toMatchObject({ ran: true, value: false });
    expect(run.findings).toHaveLength(1);
    expect(run.findings[0]?.level).toBe('warn');
    expect(run.findings[0]?.message).toContain('Applied without the lifecycle lock');
    expect(run.findings[0]?.remediation).toBe(`Grant s3:GetObject, s3:PutObject and s3:DeleteObject on ${KEY}.`);
  });

  it('any other error while taking the lock fails closed (it is thrown)', async () => {
    const { store, deps } = setup();
    store.failNext.set('readSmallObject', new S3Failure('server', 'GetObject', 'S3 GetObject failed: InternalError (HTTP 500).', 'InternalError', 500));
    await expect(underLifecycleLock(deps, async () => 'never')).rejects.toThrow('InternalError');
  });

  it('releases the lock in finally when the work throws', async () => {
    const { store, deps } = setup();
    await expect(
      underLifecycleLock(deps, async () => {
        expect(store.objects.size).toBe(1);
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(store.objects.size).toBe(0);
  });

  it('reports the budget as spent once it has passed', async () => {
    const { deps, advance } = setup();
    const run = await underLifecycleLock(deps, async (lock) => {
      const before = lock.withinBudget();
      advance(TIMINGS.budgetMs + 1);
      return [before, lock.withinBudget()];
    });
    expect(run).toMatchObject({ ran: true, value: [true, false] });
  });

  it('leaves a lock that another run took over in place, with a WARN', async () => {
    const { store, deps } = setup();
    const run = await underLifecycleLock(deps, async () => {
      store.seed(KEY, otherHolder());
    });
    expect(levels(run.findings).at(-1)).toMatch(/^warn: The lifecycle lock .* no longer named this run at release/);
    expect(parseLockBody(store.objects.get(KEY)?.at(-1)?.body ?? '')?.env).toBe('production');
  });
});
