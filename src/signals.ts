import { CANCEL_BUDGET_MS, CANCEL_EXIT_CODES, LATER_SIGNAL_BUDGET_MS, type Cancellation, type CancelSignalName } from './util/cancellation.js';

/** What the signal handling needs of the process (process itself, or a stand-in in tests). */
export interface SignalTarget {
  on(event: CancelSignalName, listener: () => void): unknown;
  off(event: CancelSignalName, listener: () => void): unknown;
  exit(code: number): never;
}

/**
 * A GitHub runner cancels a job with SIGINT, then SIGTERM about 7.5 s later, then kills it at
 * 10 s. The first SIGINT or SIGTERM cancels the run: requests in flight are aborted, no gate
 * starts, cleanup runs and the reports are written within CANCEL_BUDGET_MS, and the run ends
 * with exit code 130 or 143 (through process.exitCode, so `finally` blocks run). A later SIGTERM
 * leaves at most LATER_SIGNAL_BUDGET_MS; a second SIGINT (Ctrl-C twice) exits at once, without
 * cleanup or reports. Returns a function that removes the handlers.
 */
export function cancelOnSignals(cancellation: Cancellation, warn: (message: string) => void, target: SignalTarget = process): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((name) => {
    const handler = () => {
      if (cancellation.cancelledBy === undefined) {
        warn(
          `${name} received: cancelling. Requests in flight are aborted, no further gate starts, cleanup runs and the reports are written within ${CANCEL_BUDGET_MS / 1000} s. A second SIGINT exits at once.`,
        );
        cancellation.cancel(name);
        return;
      }
      if (name === 'SIGINT') {
        warn('Second SIGINT: exiting at once, without cleanup or reports.');
        target.exit(CANCEL_EXIT_CODES.SIGINT);
      }
      warn(`${name} received while cancelling: at most ${LATER_SIGNAL_BUDGET_MS / 1000} s more.`);
      cancellation.cancel(name);
    };
    target.on(name, handler);
    return [name, handler] as const;
  });
  return () => {
    for (const [name, handler] of handlers) target.off(name, handler);
  };
}
