/** Why work stopped before it ended: the run was cancelled, or a phase used up its time budget. */
export class Stopped extends Error {
  override name = 'Stopped';
}

export type CancelSignalName = 'SIGINT' | 'SIGTERM';

/** From the first signal until the reports are written (the runner sends SIGTERM 7.5 s after SIGINT). */
export const CANCEL_BUDGET_MS = 5000;
/** A signal after the first one leaves at most this much. */
export const LATER_SIGNAL_BUDGET_MS = 2000;
/** Of what is left, kept for rendering and writing the reports: wrap-up work stops this early. */
export const REPORT_MARGIN_MS = 1000;
/** The gate sequence stops waiting for a gate this long before the deadline. */
const GIVE_UP_MARGIN_MS = 500;

export const CANCEL_EXIT_CODES: Readonly<Record<CancelSignalName, number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * The run's one cancellation: `signal` aborts every in-flight request and keeps new gates from
 * starting; wrap-up work (cleanup of the smoke run, release of a lock) runs on `cleanupSignal()`,
 * which the cancellation itself does not abort but which ends with the time left for it.
 */
export class Cancellation {
  private readonly cancelController = new AbortController();
  private readonly wrapUpController = new AbortController();
  private readonly giveUpController = new AbortController();
  private by: CancelSignalName | undefined;
  private deadline = Number.POSITIVE_INFINITY;
  private readonly timers: ReturnType<typeof setTimeout>[] = [];

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** Aborted on the first signal; its reason is a Stopped naming the signal. */
  get signal(): AbortSignal {
    return this.cancelController.signal;
  }

  /** The first signal received, if any. */
  get cancelledBy(): CancelSignalName | undefined {
    return this.by;
  }

  /** Aborted when the time for wrap-up work is over (the reports still have theirs). */
  get wrapUpSignal(): AbortSignal {
    return this.wrapUpController.signal;
  }

  /** Aborted when the sequence must stop waiting for a gate and write the reports. */
  get giveUpSignal(): AbortSignal {
    return this.giveUpController.signal;
  }

  /** The exit code the run ends with: 130 after SIGINT, 143 after SIGTERM, undefined when not cancelled. */
  get exitCode(): number | undefined {
    return this.by === undefined ? undefined : CANCEL_EXIT_CODES[this.by];
  }

  /** First call: cancel with CANCEL_BUDGET_MS to finish. Later calls: at most LATER_SIGNAL_BUDGET_MS more. */
  cancel(name: CancelSignalName): void {
    const now = this.clock();
    if (this.by === undefined) {
      this.by = name;
      this.deadline = now + CANCEL_BUDGET_MS;
      this.cancelController.abort(new Stopped(`the run was cancelled (${name})`));
    } else {
      this.deadline = Math.min(this.deadline, now + LATER_SIGNAL_BUDGET_MS);
    }
    this.schedule(now);
  }

  /**
   * For wrap-up work: aborts after `budgetMs` (with a Stopped naming `what`), or earlier, once
   * the run is cancelled, when the time left for wrap-up is over.
   */
  cleanupSignal(budgetMs: number, what: string): AbortSignal {
    return AbortSignal.any([budgetSignal(budgetMs, what), this.wrapUpController.signal]);
  }

  private schedule(now: number): void {
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
    const at = (controller: AbortController, margin: number, message: string) => {
      const left = this.deadline - margin - now;
      const abort = () => controller.abort(new Stopped(message));
      if (left <= 0) {
        abort();
        return;
      }
      const timer = setTimeout(abort, left);
      // Never the reason the process stays alive.
      timer.unref?.();
      this.timers.push(timer);
    };
    at(this.wrapUpController, REPORT_MARGIN_MS, `the time left after ${this.by ?? 'the signal'} ran out`);
    at(this.giveUpController, GIVE_UP_MARGIN_MS, `the time left after ${this.by ?? 'the signal'} ran out`);
  }
}

/** Aborts after `ms` with a Stopped saying `what` used its time budget. Does not keep the process alive. */
export function budgetSignal(ms: number, what: string): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Stopped(`${what} used its time budget of ${formatSeconds(ms)}`)), ms);
  timer.unref?.();
  return controller.signal;
}

/** The reason an aborted signal carries, as a sentence fragment. */
export function stopReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Stopped) return reason.message;
  if (reason instanceof Error && reason.name === 'TimeoutError') return 'its time budget ran out';
  return reason instanceof Error ? reason.message : 'it was aborted';
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
