/**
 * Time budgets of a smoke run, in multiples of s3-timeout-seconds (the limit of one request,
 * retries included). They make "a worst-case smoke run" a number: the storage level stops at its
 * budget, cleanup at its own, so a run's objects exist for at most worstCaseSmokeRunMs after its
 * run id was taken. smoke-stale-after must be longer, or one run could sweep a live one.
 */

/** Rounds of requests the storage level may spend (it needs about 14 when every one is slow). */
const STORAGE_ROUNDS = 8;
/** The two pauses before re-reading a wrong x-amz-expiration. */
const STORAGE_PAUSES_MS = 2000;
/** Cleanup's rounds: list (in parallel), abort and delete, delete versions, the final listing. */
const CLEANUP_ROUNDS = 4;
const SLACK_MS = 1000;

export function storageBudgetMs(s3TimeoutMs: number): number {
  return STORAGE_ROUNDS * s3TimeoutMs + STORAGE_PAUSES_MS;
}

export function cleanupBudgetMs(s3TimeoutMs: number): number {
  return CLEANUP_ROUNDS * s3TimeoutMs + SLACK_MS;
}

/** The longest a run's objects can exist, counted from its run id: 12 x s3-timeout-seconds + 3 s. */
export function worstCaseSmokeRunMs(s3TimeoutMs: number): number {
  return storageBudgetMs(s3TimeoutMs) + cleanupBudgetMs(s3TimeoutMs);
}

/** The sweep of earlier runs' debris (listing `_smoke/`, deleting, aborting) gets this long. */
export function debrisBudgetMs(s3TimeoutMs: number): number {
  return 6 * s3TimeoutMs;
}
