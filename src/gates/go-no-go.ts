import type { HealthProber, HealthResult } from '../clients/health.js';
import type { Config } from '../config/types.js';
import { type GateContext, type GateDefinition } from './types.js';
import { type GateOutcome, type GateResult, PASSING_STATUSES, type Section, decidingFinding } from '../verdict.js';

/** One line of evidence per gate: the finding that decided it, else its summary. */
export function evidenceLine(result: GateResult): string {
  return decidingFinding(result.findings)?.message ?? result.summary;
}

/**
 * GO only when every selected gate is PASS or WARN, and every service of health-checks is
 * healthy (probed here, just before deciding, as the runbook starts its services first). Runs
 * last, always.
 */
async function runGoNoGo({ config, previous, health, cancellation }: GateContext): Promise<GateOutcome> {
  const blocking = previous.filter((result) => !PASSING_STATUSES.includes(result.status));
  // A cancelled run is NO-GO whatever its gates said, and has no time to probe services.
  const cancelledBy = cancellation.cancelledBy;
  const services = cancelledBy === undefined ? await probeServices(config.healthChecks, health) : [];
  const unhealthy = services.filter((service) => !service.healthy);
  const go = blocking.length === 0 && unhealthy.length === 0 && previous.length > 0 && cancelledBy === undefined;
  const reasons = [
    ...(cancelledBy !== undefined ? [`cancelled (${cancelledBy})`] : []),
    ...blocking.map((result) => `${result.id} ${result.status}`),
    ...unhealthy.map((service) => `${service.name} unhealthy`),
  ];
  const sections: Section[] = [
    {
      kind: 'table',
      title: 'Gates',
      headers: ['Gate', 'Status', 'Mode', 'Duration', 'Evidence'],
      rows: previous.map((result) => [result.id, result.status, result.mode ?? '', `${result.durationMs} ms`, evidenceLine(result)]),
    },
  ];
  if (services.length > 0) {
    sections.push({
      kind: 'table',
      title: 'Services (health-checks)',
      headers: ['Service', 'Target', 'Health', 'Detail', 'Duration'],
      rows: services.map((service) => [service.name, service.target, service.healthy ? 'healthy' : 'UNHEALTHY', service.detail, `${service.durationMs} ms`]),
    });
  }
  return {
    status: go ? 'PASS' : 'FAIL',
    summary: go
      ? `GO: all ${previous.length} gate(s) passed${services.length > 0 ? `; ${services.length} service(s) healthy` : ''}.`
      : `NO-GO: ${reasons.join(', ') || 'no gate ran'}.`,
    findings: [
      ...(cancelledBy !== undefined
        ? [
            {
              level: 'fail' as const,
              message: `The run was cancelled (${cancelledBy})${config.healthChecks.length > 0 ? '; health-checks were not probed' : ''}.`,
              remediation: 'Re-run the release gates.',
            },
          ]
        : []),
      ...blocking.map((result) => ({
        level: 'fail' as const,
        message: `${result.id} is ${result.status}: ${evidenceLine(result)}`,
      })),
      ...unhealthy.map((service) => ({
        level: 'fail' as const,
        message: `Service ${service.name} is unhealthy: ${service.detail}`,
        evidence: service.target,
        remediation: 'Start or fix the service (or correct its line in health-checks), then re-run.',
      })),
    ],
    facts: [
      { label: 'Decision', value: go ? 'GO' : 'NO-GO' },
      ...(services.length > 0 ? [{ label: 'Services', value: `${services.length - unhealthy.length} of ${services.length} healthy` }] : []),
    ],
    sections,
  };
}

async function probeServices(targets: Config['healthChecks'], health: HealthProber | undefined): Promise<HealthResult[]> {
  if (targets.length === 0) return [];
  if (health === undefined) throw new Error('health-checks is set but no health prober was given to go/no-go.');
  return health.probe(targets);
}

export const goNoGoGate: GateDefinition = {
  id: 'go-no-go',
  title: 'Release gates (surreal): go/no-go',
  report: 'release-gates-surreal-latest.md',
  run: runGoNoGo,
};

/**
 * Archiving the evidence (archive-evidence) is part of the release decision: when it fails, the
 * go/no-go result becomes FAIL with the reason, so the reports, the JSON, the outputs and the exit
 * code all say NO-GO.
 */
export function withArchiveFailure(results: readonly GateResult[], problem: string): GateResult[] {
  return results.map((result) =>
    result.id !== 'go-no-go'
      ? result
      : {
          ...result,
          status: 'FAIL',
          summary: `NO-GO: ${problem}`,
          findings: [
            ...result.findings,
            {
              level: 'fail',
              message: problem,
              remediation: 'Check that the reports directory is writable and has space, then re-run; the gates themselves passed.',
            },
          ],
          facts: result.facts.map((fact) => (fact.label === 'Decision' ? { ...fact, value: 'NO-GO' } : fact)),
        },
  );
}
