import { decidingFinding } from './outcome.js';
import { PASSING_STATUSES, type GateContext, type GateDefinition, type GateOutcome, type GateResult } from './types.js';

/** One line of evidence per gate: the finding that decided it, else its summary. */
export function evidenceLine(result: GateResult): string {
  return decidingFinding(result.findings)?.message ?? result.summary;
}

/** GO only when every selected gate is PASS or WARN. Runs last, always. */
async function runGoNoGo({ previous }: GateContext): Promise<GateOutcome> {
  const blocking = previous.filter((result) => !PASSING_STATUSES.includes(result.status));
  const go = blocking.length === 0 && previous.length > 0;
  return {
    status: go ? 'PASS' : 'FAIL',
    summary: go
      ? `GO: all ${previous.length} gate(s) passed.`
      : `NO-GO: ${blocking.map((result) => `${result.id} ${result.status}`).join(', ') || 'no gate ran'}.`,
    findings: blocking.map((result) => ({
      level: 'fail' as const,
      message: `${result.id} is ${result.status}: ${evidenceLine(result)}`,
    })),
    facts: [{ label: 'Decision', value: go ? 'GO' : 'NO-GO' }],
    sections: [
      {
        kind: 'table',
        title: 'Gates',
        headers: ['Gate', 'Status', 'Mode', 'Duration', 'Evidence'],
        rows: previous.map((result) => [
          result.id,
          result.status,
          result.mode ?? '',
          `${result.durationMs} ms`,
          evidenceLine(result),
        ]),
      },
    ],
  };
}

export const goNoGoGate: GateDefinition = {
  id: 'go-no-go',
  title: 'Release gates (surreal): go/no-go',
  report: 'release-gates-surreal-latest.md',
  run: runGoNoGo,
};
