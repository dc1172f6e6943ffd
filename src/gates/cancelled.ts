import type { Cancellation } from '../util/cancellation.js';
import type { GateOutcome } from '../verdict.js';

const RERUN = 'Re-run the release gates; nothing of the cancelled run needs undoing unless a finding below says so.';

/**
 * The gate that was running when the run was cancelled: ERROR "cancelled", with everything the
 * gate still reported (e.g. what its cleanup removed or left). `outcome` is undefined when the
 * gate did not stop within the time left.
 */
export function cancelledOutcome(outcome: GateOutcome | undefined, cancellation: Cancellation): GateOutcome {
  const by = cancellation.cancelledBy ?? 'a signal';
  const message = outcome
    ? `Cancelled (${by}) while the gate ran: its requests in flight were aborted and it stopped.`
    : `Cancelled (${by}) while the gate ran, and it did not stop within the time left: its report holds nothing more.`;
  return {
    ...(outcome ?? { facts: [], sections: [] }),
    status: 'ERROR',
    summary: outcome ? `Cancelled (${by}): ${outcome.summary}` : message,
    findings: [{ level: 'error', message, remediation: RERUN }, ...(outcome?.findings ?? [])],
  };
}

/** A gate not started because the run was cancelled before it. */
export function notStartedOutcome(cancellation: Cancellation): GateOutcome {
  const by = cancellation.cancelledBy ?? 'a signal';
  return {
    status: 'NOT RUN',
    summary: `Not run: the run was cancelled (${by}) before this gate.`,
    findings: [{ level: 'info', message: `The run was cancelled (${by}): no gate starts after that.` }],
    facts: [],
    sections: [],
  };
}

/** The gate's outcome, or undefined when the cancellation's time ran out first (the gate is left behind). */
export async function unlessGivenUp(running: Promise<GateOutcome>, cancellation: Cancellation): Promise<GateOutcome | undefined> {
  const giveUp = cancellation.giveUpSignal;
  if (giveUp.aborted) return undefined;
  let stopWaiting: () => void = () => undefined;
  const givenUp = new Promise<undefined>((resolve) => {
    stopWaiting = () => resolve(undefined);
    giveUp.addEventListener('abort', stopWaiting, { once: true });
  });
  try {
    return await Promise.race([running, givenUp]);
  } finally {
    giveUp.removeEventListener('abort', stopWaiting);
  }
}
