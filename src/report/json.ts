import { decisionOf, type GateResult } from '../verdict.js';
import type { RunInfo } from './run-info.js';

export const RESULTS_SCHEMA = 'surreal-release-gates/results@1';

/** The machine-readable run results (release-gates-surreal-latest.json); documented in docs/reports.md. */
export function renderResultsJson(results: readonly GateResult[], run: RunInfo, reports: Readonly<Record<string, string>>): string {
  const decision = decisionOf(results);
  const document = {
    schema: RESULTS_SCHEMA,
    result: decision === 'GO' ? 'PASS' : 'FAIL',
    decision,
    environment: run.appEnv,
    bucket: run.bucket,
    prefix: run.envPrefix,
    endpoint: run.endpoint,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    version: run.version,
    gates: results.map((result) => ({
      id: result.id,
      title: result.title,
      status: result.status,
      mode: result.mode ?? null,
      summary: result.summary,
      findings: result.findings,
      facts: result.facts,
      startedAt: result.startedAt,
      durationMs: result.durationMs,
      report: reports[result.id] ?? null,
      ...(result.details !== undefined ? { details: result.details } : {}),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
