import { S3Failure, type S3Gateway } from '../../clients/s3.js';
import {
  isStale,
  lockAgeMs,
  lockBodyText,
  lockRetryDelayMs,
  lockRunId,
  parseLockBody,
  type LockHolder,
  type LockTimings,
} from '../../lifecycle/lock-policy.js';
import type { Versioning } from '../../lifecycle/rule.js';
import type { Logger } from '../../util/logger.js';
import type { Finding } from '../../verdict.js';

export interface LockDeps {
  readonly s3: Pick<S3Gateway, 'readSmallObject' | 'putObjectIf' | 'deleteObjectVersion'>;
  readonly key: string;
  readonly env: string;
  readonly versioning: Versioning;
  readonly timings: LockTimings;
  readonly log: Logger;
  readonly now: () => Date;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * The gateway for removing our lock, made when the removal starts: after a cancellation the
   * gateway's own calls fail at once, so the release runs on a cleanup view
   * (`s3.scoped({ cleanup: true })`) with its own small budget. Default: `s3`.
   */
  readonly releaseS3?: () => Pick<S3Gateway, 'readSmallObject' | 'deleteObjectVersion'>;
}

/** What the work under the lock may ask. */
export interface LockHandle {
  /** False when the lock could not be written (permissions): the apply goes on without it. */
  readonly held: boolean;
  /** False once the holder's budget has passed: stop before the next write, another run may break the lock. */
  withinBudget(): boolean;
}

export type LockedRun<T> =
  { readonly ran: true; readonly value: T; readonly findings: readonly Finding[] } | { readonly ran: false; readonly findings: readonly Finding[] };

interface Held {
  readonly kind: 'held';
  readonly sentAtMs: number;
  /** Versions this run wrote (on versioned buckets each is deleted by id on release). */
  readonly versions: string[];
  readonly findings: Finding[];
}

type Acquired = Held | { readonly kind: 'busy'; readonly finding: Finding } | { readonly kind: 'unavailable'; readonly finding: Finding };

const WAIT_LOG_INTERVAL_MS = 10_000;

/**
 * Runs `body` under the bucket's lifecycle lock and releases it in `finally`, so a failure or a
 * cancellation that unwinds the stack releases it too. When another run holds it past the wait,
 * `body` does not run and the findings say who holds it (FAIL); when the credentials may not write
 * the lock, `body` runs unlocked and a WARN says so.
 */
export async function underLifecycleLock<T>(deps: LockDeps, body: (lock: LockHandle) => Promise<T>): Promise<LockedRun<T>> {
  // node:crypto loads here, when used, not at every start-up.
  const runId = lockRunId(deps.now(), process.getBuiltinModule('node:crypto').randomBytes(4));
  const holder: LockHolder = { runId, env: deps.env, time: deps.now().toISOString() };
  const acquired = await acquire(deps, holder);
  if (acquired.kind === 'busy') return { ran: false, findings: [acquired.finding] };
  if (acquired.kind === 'unavailable') {
    const value = await body({ held: false, withinBudget: () => true });
    return { ran: true, value, findings: [acquired.finding] };
  }
  const findings = [...acquired.findings];
  try {
    const value = await body({ held: true, withinBudget: () => deps.now().getTime() - acquired.sentAtMs < deps.timings.budgetMs });
    return { ran: true, value, findings };
  } finally {
    // On a throw the caller sees the error; the release's own findings then reach the log only.
    const released = await release(deps, runId, acquired);
    findings.push(released);
    if (released.level !== 'info') deps.log.warning(released.message);
  }
}

async function acquire(deps: LockDeps, holder: LockHolder): Promise<Acquired> {
  const { s3, key, timings, log } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const body = lockBodyText(holder);
  const startedMs = deps.now().getTime();
  const versions: string[] = [];
  let lastWaitLogMs = Number.NEGATIVE_INFINITY;
  let other: { holder: LockHolder | undefined; ageMs: number | undefined } | undefined;
  // Said once the lock is ours: on versioned buckets the abandoned lock is deleted first, taken after.
  const broke: Finding[] = [];
  // When our conditional PUT went out: the budget counts from there, even if its answer was lost.
  let putSentAtMs: number | undefined;

  try {
    for (let attempt = 1; ; attempt += 1) {
      const nowMs = deps.now().getTime();
      if (attempt > 1 && nowMs - startedMs > timings.waitMs) return { kind: 'busy', finding: busyFinding(deps, other, nowMs - startedMs) };
      const existing = await s3.readSmallObject(key);
      if (existing !== 'not-found') {
        const current = parseLockBody(existing.body);
        if (current?.runId === holder.runId) {
          // Our PUT landed although it answered otherwise (e.g. an SDK retry of a write that had succeeded got 412).
          if (existing.versionId !== undefined) versions.push(existing.versionId);
          return await confirm(deps, { kind: 'held', sentAtMs: putSentAtMs ?? nowMs, versions, findings: broke }, body, attempt, startedMs);
        }
        const ageMs = lockAgeMs(existing.lastModified, existing.serverDate, deps.now());
        other = { holder: current, ageMs };
        if (isStale(ageMs, timings.ttlMs)) {
          log.warning(`Lifecycle lock ${key}: ${describeHolder(current)} is ${seconds(ageMs)} old (TTL ${seconds(timings.ttlMs)}): breaking it.`);
          const broken = await breakStale(deps, existing, body);
          if (broken === 'deleted') broke.push(staleFinding(deps, current, ageMs));
          if (broken !== undefined && broken !== 'deleted') {
            versions.push(...broken.versions);
            return await confirm(deps, { ...broken, versions, findings: [staleFinding(deps, current, ageMs)] }, body, attempt, startedMs);
          }
          // Not broken by us (replaced meanwhile, or the server refused): read again after a pause.
          if (broken === undefined) await sleep(lockRetryDelayMs(attempt, random()));
          continue;
        }
        if (nowMs - lastWaitLogMs >= WAIT_LOG_INTERVAL_MS) {
          lastWaitLogMs = nowMs;
          log.info(`Lifecycle lock ${key} is held by ${describeHolder(current)} (${seconds(ageMs)} old); waiting up to ${seconds(timings.waitMs)} in all.`);
        }
        await sleep(lockRetryDelayMs(attempt, random()));
        continue;
      }
      const sentAtMs = deps.now().getTime();
      putSentAtMs ??= sentAtMs;
      const answer = await s3.putObjectIf({ key, body, condition: { ifNoneMatch: '*' } });
      if (answer.kind === 'written') {
        if (answer.versionId !== undefined) versions.push(answer.versionId);
        return await confirm(deps, { kind: 'held', sentAtMs, versions, findings: broke }, body, attempt, startedMs);
      }
      // 412: another run took it first, or our own write landed and was retried; the next read tells.
      // 409: a conditional write was in flight at the same time; both answers mean try again shortly.
      if (answer.kind === 'conflict' || attempt > 2) await sleep(lockRetryDelayMs(attempt, random()));
    }
  } catch (error) {
    if (error instanceof S3Failure && error.kind === 'access-denied') {
      await removeOwn(deps, holder.runId, versions).catch(() => undefined);
      return { kind: 'unavailable', finding: unavailableFinding(deps, error) };
    }
    // Leave no lock behind when we fail half-way (e.g. a timeout on a write that landed, or a cancellation).
    await removeOwn(deps, holder.runId, versions).catch(() => undefined);
    throw error;
  }
}

/**
 * A second conditional PUT (the same body) on the lock we hold must get 412. A server that
 * answers 200 ignores If-None-Match (Ceph RGW 16.2 on versioned buckets does): the lock is
 * advisory only, kept apart from another run by the read before the write and nothing else.
 */
async function confirm(deps: LockDeps, held: Held, body: string, attempt: number, startedMs: number): Promise<Acquired> {
  const probe = await deps.s3.putObjectIf({ key: deps.key, body, condition: { ifNoneMatch: '*' } });
  const findings = [...held.findings];
  if (probe.kind === 'written') {
    if (probe.versionId !== undefined) held.versions.push(probe.versionId);
    findings.push({
      level: 'warn',
      message: `Advisory lock only: the server answered 200 to a second conditional PUT (If-None-Match: *) on the lock ${deps.key}, so it does not enforce the condition (bucket versioning ${deps.versioning}). Concurrent applies are not excluded; the read-back after the write still re-merges a lost rule.`,
      remediation:
        'Use a server that honours If-None-Match on PutObject (AWS S3, MinIO; Ceph RGW on unversioned buckets), or run applies on this bucket one at a time.',
    });
  }
  const waitedMs = deps.now().getTime() - startedMs;
  findings.push({
    level: 'info',
    message: `Took the lifecycle lock ${deps.key} (attempt ${attempt}${waitedMs >= 1000 ? `, after ${seconds(waitedMs)}` : ''}).`,
  });
  deps.log.info(`Took the lifecycle lock ${deps.key}.`);
  return { ...held, findings };
}

/**
 * Breaks an abandoned lock. Versioned bucket: delete exactly its version (a newer lock someone
 * else wrote meanwhile is another version, untouched; nothing is left behind) and take it anew.
 * Otherwise: overwrite it with If-Match on its ETag, so a lock replaced meanwhile is not.
 * Undefined: not broken by us (replaced meanwhile, or a conflict); the caller reads again.
 */
async function breakStale(
  deps: LockDeps,
  stale: { etag: string | undefined; versionId: string | undefined },
  body: string,
): Promise<Held | 'deleted' | undefined> {
  const { s3, key } = deps;
  if (deps.versioning === 'Enabled' && stale.versionId !== undefined) {
    await s3.deleteObjectVersion(key, stale.versionId);
    return 'deleted';
  }
  if (stale.etag === undefined) return undefined;
  // RFC 7232 quotes the ETag; Ceph RGW 16.2 matches only the bare value, so try that when the lock is unchanged.
  for (const etag of [stale.etag, stale.etag.replace(/"/g, '')]) {
    const sentAtMs = deps.now().getTime();
    const answer = await s3.putObjectIf({ key, body, condition: { ifMatch: etag } });
    if (answer.kind === 'written') return { kind: 'held', sentAtMs, versions: answer.versionId !== undefined ? [answer.versionId] : [], findings: [] };
    if (answer.kind === 'conflict') return undefined;
    const now = await s3.readSmallObject(key);
    if (now === 'not-found' || now.etag !== stale.etag) return undefined;
  }
  return undefined;
}

async function release(deps: LockDeps, runId: string, held: Held): Promise<Finding> {
  try {
    const removed = await removeOwn(deps, runId, held.versions);
    return removed
      ? { level: 'info', message: `Released the lifecycle lock ${deps.key}.` }
      : {
          level: 'warn',
          message: `The lifecycle lock ${deps.key} no longer named this run at release (another run broke it as abandoned?); it was left in place.`,
        };
  } catch (error) {
    return {
      level: 'warn',
      message: `Could not release the lifecycle lock ${deps.key}: ${error instanceof Error ? error.message : String(error)}`,
      remediation: `Applies on this bucket wait for it until it is ${seconds(deps.timings.ttlMs)} old, then break it; delete ${deps.key} if no apply is running.`,
    };
  }
}

/**
 * Removes what this run wrote. Versioned: each of its versions by id (no delete marker remains,
 * and another run's version is never touched). Otherwise: the object, once read and found ours.
 */
async function removeOwn(deps: LockDeps, runId: string, versions: readonly string[]): Promise<boolean> {
  const { key } = deps;
  const s3 = deps.releaseS3?.() ?? deps.s3;
  if (deps.versioning === 'Enabled' && versions.length > 0) {
    for (const versionId of versions) await s3.deleteObjectVersion(key, versionId);
    return true;
  }
  const current = await s3.readSmallObject(key);
  if (current === 'not-found' || parseLockBody(current.body)?.runId !== runId) return false;
  // Suspended versioning: the write replaced the 'null' version; delete that, not the key (which adds a marker).
  await s3.deleteObjectVersion(key, deps.versioning === 'Suspended' ? (current.versionId ?? 'null') : undefined);
  return true;
}

function busyFinding(deps: LockDeps, other: { holder: LockHolder | undefined; ageMs: number | undefined } | undefined, waitedMs: number): Finding {
  return {
    level: 'fail',
    message: `The lifecycle lock ${deps.key} is held by ${describeHolder(other?.holder)} (${seconds(other?.ageMs)} old); waited ${seconds(waitedMs)}. Nothing was written.`,
    remediation: `Re-run once the other apply has finished. A lock older than ${seconds(deps.timings.ttlMs)} counts as abandoned and the next apply breaks it; delete ${deps.key} if no apply is running.`,
  };
}

function staleFinding(deps: LockDeps, holder: LockHolder | undefined, ageMs: number | undefined): Finding {
  return {
    level: 'info',
    message: `Broke an abandoned lifecycle lock of ${describeHolder(holder)}: ${seconds(ageMs)} old by the server's clock, over its TTL of ${seconds(deps.timings.ttlMs)}.`,
  };
}

function unavailableFinding(deps: LockDeps, error: S3Failure): Finding {
  return {
    level: 'warn',
    message: `Applied without the lifecycle lock: the credentials may not use ${deps.key} (${error.message}). A concurrent apply on this bucket could lose a rule; the read-back re-merges one it sees lost.`,
    remediation: `Grant s3:GetObject, s3:PutObject and s3:DeleteObject on ${deps.key}.`,
  };
}

function describeHolder(holder: LockHolder | undefined): string {
  return holder === undefined ? 'an object this tool did not write' : `run ${holder.runId} (env ${holder.env}, taken ${holder.time})`;
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? 'an unknown time' : `${Math.max(0, Math.round(ms / 1000))} s`;
}
