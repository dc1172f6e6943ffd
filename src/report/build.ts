import { goNoGoGate, GATES } from '../gates/registry.js';
import type { GateResult } from '../gates/types.js';
import { renderResultsJson } from './json.js';
import { renderGateReport, renderRunHeader } from './markdown.js';
import type { RunInfo } from './run-info.js';
import { composeSummary } from './summary.js';

export const RESULTS_JSON = 'release-gates-surreal-latest.json';

export interface BuiltReports {
  /** File name -> content, for reports-dir. */
  readonly files: Readonly<Record<string, string>>;
  readonly summary: string;
}

function reportName(result: GateResult): string {
  return result.id === 'go-no-go' ? goNoGoGate.report : GATES[result.id].report;
}

/** Renders every report of the run; pure, so the same text goes to files and the job summary. */
export function buildReports(results: readonly GateResult[], run: RunInfo, reportsDir: string): BuiltReports {
  const goNoGo = results.find((result) => result.id === 'go-no-go');
  const decision = goNoGo?.status === 'PASS' ? 'GO' : 'NO-GO';
  const header = renderRunHeader(run, decision);
  const files: Record<string, string> = {};
  const reportByGate: Record<string, string> = {};
  const parts = [];
  // go/no-go first in the summary: the decision is what a reviewer looks for.
  const ordered = [...results.filter((result) => result.id === 'go-no-go'), ...results.filter((result) => result.id !== 'go-no-go')];
  for (const result of ordered) {
    const name = reportName(result);
    const full = renderGateReport(result, run);
    files[name] = result.id === 'go-no-go' ? `${header}\n${full}` : `# ${result.title}\n\n${full.replace(/^## .*\n\n/, '')}`;
    reportByGate[result.id] = name;
    parts.push({ full, compact: renderGateReport(result, run, { compact: true }) });
  }
  files[RESULTS_JSON] = renderResultsJson(results, run, reportByGate);
  return { files, summary: composeSummary(header, parts, reportsDir) };
}
