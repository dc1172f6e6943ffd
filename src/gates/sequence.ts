import { S3Failure } from '../clients/s3.js';
import { goNoGoGate, GATES } from './registry.js';
import { PASSING_STATUSES, type GateContext, type GateDefinition, type GateOutcome, type GateResult } from './types.js';

export type SequenceContext = Omit<GateContext, 'previous'>;

/**
 * Runs the selected gates in order, then go/no-go. A gate that throws becomes ERROR (or
 * UNVERIFIABLE when S3 denied the permission); nothing escapes. With fail-fast, gates after the
 * first non-passing one are NOT RUN.
 */
export async function runSequence(context: SequenceContext): Promise<GateResult[]> {
  const results: GateResult[] = [];
  for (const id of context.config.gates) {
    const gate = GATES[id];
    const blocked = context.config.failFast && results.some((result) => !PASSING_STATUSES.includes(result.status));
    if (blocked) {
      results.push(notRun(gate, context));
      continue;
    }
    results.push(await runGate(gate, { ...context, previous: [...results] }));
  }
  results.push(await runGate(goNoGoGate, { ...context, previous: [...results] }));
  return results;
}

async function runGate(gate: GateDefinition, context: GateContext): Promise<GateResult> {
  const startedAt = context.now();
  const started = performance.now();
  const outcome = await context.log.group(`Gate ${gate.id}`, async () => {
    try {
      return await gate.run(context);
    } catch (thrown) {
      return failureOutcome(thrown);
    }
  });
  const result: GateResult = {
    ...outcome,
    id: gate.id,
    title: gate.title,
    mode: gate.mode?.(context.config),
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
  };
  context.log.info(`${gate.id}: ${result.status} - ${result.summary}`);
  return result;
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

function notRun(gate: GateDefinition, context: SequenceContext): GateResult {
  return {
    id: gate.id,
    title: gate.title,
    mode: gate.mode?.(context.config),
    status: 'NOT RUN',
    summary: 'Not run: an earlier gate did not pass and fail-fast is on.',
    findings: [],
    facts: [],
    sections: [],
    startedAt: context.now().toISOString(),
    durationMs: 0,
  };
}
