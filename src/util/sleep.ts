import { setTimeout as wait } from 'node:timers/promises';

/** Resolves after `ms`; rejects with an AbortError as soon as `signal` aborts. The one way to pause. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return wait(Math.max(0, ms), undefined, signal ? { signal } : {});
}
