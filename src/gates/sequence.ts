import { S3Failure } from '../clients/s3.js';
import type { RetryRule } from '../config/presets.js';
import { Cancellation } from '../util/cancellation.js';
import type { Logger } from '../util/logger.js';
import { cancelledOutcome, notStartedOutcome, unlessGivenUp } from './cancelled.js';
import { goNoGoGate, GATES } from './registry.js';
import { type GateContext, type GateDefinition } from './types.js';
import { type GateOutcome, type GateResult, PASSING_STATUSES } from '../verdict.js';

/** Without a cancellation, the run cannot be cancelled (tests, bench). */
export type SequenceContext = Omit<GateContext, 'previous' | 'cancellation'> & { readonly cancellation?: Cancellation };

/** The title of this action's annotations; a gate's add `: <gate id>`. */
export const ANNOTATION_TITLE = 'surreal-release-gates';

/**
 * Runs the selected gates in order, then go/no-go. A gate that throws becomes ERROR (or
 * UNVERIFIABLE when S3 denied the permission); nothing escapes. With fail-fast, gates after the
 * first non-passing one are NOT RUN. With a retry rule (the rollout preset: verify), a failing
 * gate gets exactly one more chance: its `rerun` gates run again, then the gate itself.
 */
export async function runSequence(sequence: SequenceContext): Promise<GateResult[]> {
  const context: Omit<GateContext, 'previous'> = { ...sequence, cancellation: sequence.cancellation ?? new Cancellation() };
  const results: GateResult[] = [];
  let retried = false;
  for (const id of context.config.gates) {
    const gate = GATES[id];
    // Once cancelled, no gate starts (go/no-go still decides, below).
    if (context.cancellation.signal.aborted) {
      results.push(resultOf(gate, context, notStartedOutcome(context.cancellation), context.now(), 0));
      continue;
    }
    const blocker = context.config.failFast ? results.find((result) => !PASSING_STATUSES.includes(result.status)) : undefined;
    if (blocker) {
      results.push(notRun(gate, context, blocker));
      continue;
    }
    let result = await runGate(gate, { ...context, previous: [...results] });
    const rule = context.config.retry;
    if (rule !== undefined && rule.gate === id && !retried && !PASSING_STATUSES.includes(result.status) && !context.cancellation.signal.aborted) {
      retried = true;
      result = await retryOnce(result, rule, results, context);
    }
    results.push(result);
  }
  results.push(await runGate(goNoGoGate, { ...context, previous: [...results] }));
  return results;
}

/**
 * The runbook's retry: "if lifecycle verify fails, re-apply lifecycle policy and rerun verify".
 * Re-runs each `rerun` gate that already ran (replacing its result in `results`), then the failed
 * gate; both results say so. Returns the failed gate's final result.
 */
async function retryOnce(failed: GateResult, rule: RetryRule, results: GateResult[], context: Omit<GateContext, 'previous'>): Promise<GateResult> {
  const gate = GATES[rule.gate];
  const note = `${failed.id} was ${failed.status} (${failed.summary}); the runbook's one retry re-ran ${rule.rerun.join(', ')} and then ${failed.id}.`;
  context.log.warning(`Retry: ${note}`);
  for (const id of rule.rerun) {
    const index = results.findIndex((result) => result.id === id);
    if (index < 0) continue;
    const earlier = results[index];
    const again = await runGate(GATES[id], { ...context, previous: results.slice(0, index) });
    results[index] = annotate(
      again,
      `Re-run once because ${failed.id} did not pass (runbook retry); the first run was ${earlier?.status}: ${earlier?.summary}`,
      earlier,
    );
    if (!PASSING_STATUSES.includes(again.status)) {
      return annotate(failed, `Retry: ${id} was re-run and is ${again.status}, so ${failed.id} was not re-run.`);
    }
  }
  const second = await runGate(gate, { ...context, previous: [...results] });
  return annotate(second, `Attempt 2 of 2 (runbook retry). Attempt 1 was ${failed.status}: ${failed.summary}`, failed);
}

/** Adds a note (a `Retry` fact, near the top of the report) to a result; with `earlier`, timing covers both runs. */
function annotate(result: GateResult, note: string, earlier?: GateResult): GateResult {
  return {
    ...result,
    facts: [{ label: 'Retry', value: note }, ...result.facts],
    ...(earlier ? { startedAt: earlier.startedAt, durationMs: earlier.durationMs + result.durationMs } : {}),
  };
}

/** The gate's warnings and errors become annotations titled with the gate, unless they name one. */
function titledLog(log: Logger, title: string): Logger {
  return {
    debug: (message) => log.debug(message),
    info: (message) => log.info(message),
    group: (name, body) => log.group(name, body),
    warning: (message, given) => log.warning(message, given ?? title),
    error: (message, given) => log.error(message, given ?? title),
  };
}

async function runGate(gate: GateDefinition, outer: GateContext): Promise<GateResult> {
  const context = { ...outer, log: titledLog(outer.log, `${ANNOTATION_TITLE}: ${gate.id}`) };
  const startedAt = context.now();
  const started = performance.now();
  const { cancellation } = context;
  const running = context.log.group(`Gate ${gate.id}`, async () => {
    try {
      return await gate.run(context);
    } catch (thrown) {
      return failureOutcome(thrown);
    }
  });
  // A cancelled run waits for the gate (its finally blocks clean up) only as long as the time left allows.
  let outcome = await unlessGivenUp(running, cancellation);
  if (outcome === undefined || (cancellation.signal.aborted && gate !== goNoGoGate)) outcome = cancelledOutcome(outcome, cancellation);
  const result = resultOf(gate, context, outcome, startedAt, Math.round(performance.now() - started));
  context.log.info(`${gate.id}: ${result.status} - ${result.summary}`);
  return result;
}

function resultOf(gate: GateDefinition, context: Omit<GateContext, 'previous'>, outcome: GateOutcome, startedAt: Date, durationMs: number): GateResult {
  return { ...outcome, id: gate.id, title: gate.title, mode: gate.mode?.(context.config), startedAt: startedAt.toISOString(), durationMs };
}

function failureOutcome(thrown: unknown): GateOutcome {
  const message = thrown instanceof Error ? thrown.message : `non-Error thrown: ${String(thrown)}`;
  const denied = thrown instanceof S3Failure && thrown.kind === 'access-denied';
  return {
    status: denied ? 'UNVERIFIABLE' : 'ERROR',
    summary: message,
    findings: [{ level: denied ? 'unverifiable' : 'error', message }],
    facts: [],
    sections: [],
  };
}

function notRun(gate: GateDefinition, context: Omit<GateContext, 'previous'>, blocker: GateResult): GateResult {
  return {
    id: gate.id,
    title: gate.title,
    mode: gate.mode?.(context.config),
    status: 'NOT RUN',
    summary: 'Not run: an earlier gate did not pass and fail-fast is on.',
    findings: [
      {
        level: 'info',
        message: `Stopped at ${blocker.id} (${blocker.status}): ${blocker.summary}${context.config.preset ? ` (gates: ${context.config.preset} forces fail-fast)` : ''}`,
      },
    ],
    facts: [],
    sections: [],
    startedAt: context.now().toISOString(),
    durationMs: 0,
  };
}
