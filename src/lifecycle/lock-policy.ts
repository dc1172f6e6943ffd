/*
 * The per-bucket lifecycle lock, pure parts: where it lives, what it says, how long it may be held.
 * S3 has no conditional lifecycle PUT, so applies that share a bucket serialise on an object
 * written with If-None-Match: * (as Terraform's S3 backend locks its state).
 */

/** Below `<prefix>/`, beside the env folders: no env name starts with '_', so no env rule, growth scan or smoke touches it. */
export const LOCK_FOLDER = '_release-gates';

export function lockKey(prefix: string): string {
  return `${prefix}/${LOCK_FOLDER}/lifecycle.lock`;
}

/** What the lock object says: who holds it, for which environment, since when. */
export interface LockHolder {
  readonly runId: string;
  readonly env: string;
  /** ISO time the holder took it (its own clock; staleness is judged by the server's). */
  readonly time: string;
}

const TOOL = 'surreal-release-gates';

export function lockBodyText(holder: LockHolder): string {
  return JSON.stringify({ tool: TOOL, runId: holder.runId, env: holder.env, time: holder.time });
}

/** The holder a lock body names; undefined when it is not a lock this tool wrote. */
export function parseLockBody(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const { runId, env, time } = value;
    if (value.tool !== TOOL || typeof runId !== 'string' || typeof env !== 'string' || typeof time !== 'string') return undefined;
    return { runId, env, time };
  } catch {
    return undefined;
  }
}

/** A holder id unique per apply and readable: UTC second, then random hex. */
export function lockRunId(now: Date, random: Uint8Array): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `${stamp}-${[...random].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export interface LockTimings {
  /**
   * How long a holder may work under the lock: it checks before every lifecycle write and stops
   * (FAIL, nothing more written) once this has passed. A few seconds are usual.
   */
  readonly budgetMs: number;
  /** Age (by the server's clock) after which a lock is abandoned and may be broken. */
  readonly ttlMs: number;
  /** How long to wait for a held lock: past the TTL, so an abandoned lock is always broken in time. */
  readonly waitMs: number;
}

const BUDGET_MS = 120_000;
const CLOCK_MARGIN_MS = 60_000;

/**
 * The TTL outlasts the whole critical section: the budget, plus one S3 call (retries included)
 * still in flight when the budget ends, plus a margin for the lock's own write.
 */
export function lockTimings(s3TimeoutMs: number): LockTimings {
  const ttlMs = BUDGET_MS + s3TimeoutMs + CLOCK_MARGIN_MS;
  return { budgetMs: BUDGET_MS, ttlMs, waitMs: ttlMs + 15_000 };
}

/** Age of a lock by the server's clock (its Date header against its Last-Modified); our clock only when it sent no Date. */
export function lockAgeMs(lastModified: Date | undefined, serverDate: Date | undefined, clientNow: Date): number | undefined {
  if (lastModified === undefined) return undefined;
  return (serverDate ?? clientNow).getTime() - lastModified.getTime();
}

/** Stale: older than the TTL. A lock without Last-Modified is never judged stale (fail closed: wait). */
export function isStale(ageMs: number | undefined, ttlMs: number): boolean {
  return ageMs !== undefined && ageMs > ttlMs;
}

/** Pause before the next attempt: doubling from 250 ms up to 2 s, times a jitter factor in [0.5, 1.5). */
export function lockRetryDelayMs(attempt: number, random: number): number {
  const base = Math.min(2000, 250 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random));
}
