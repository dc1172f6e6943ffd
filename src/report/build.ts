import { goNoGoGate, GATES } from '../gates/registry.js';
import { attentionOf, oneLine, type Attention } from './attention.js';
import { escapeHtml } from './escape.js';
import { renderResultsJson } from './json.js';
import { renderGateReport, renderRunHeader } from './markdown.js';
import type { RunInfo } from './run-info.js';
import { markedStatus } from './status-mark.js';
import { composeSummary, type SummaryPart } from './summary.js';
import { renderSummaryOpening } from './summary-opening.js';
import { decisionOf, type GateResult } from '../verdict.js';

export const RESULTS_JSON = 'release-gates-surreal-latest.json';

export interface BuiltReports {
  /** File name -> content, for reports-dir. */
  readonly files: Readonly<Record<string, string>>;
  readonly summary: string;
  /** The gates that did not pass (WARN included), with the finding and what to do; plain text. */
  readonly attention: readonly Attention[];
}

function reportName(result: GateResult): string {
  return result.id === 'go-no-go' ? goNoGoGate.report : GATES[result.id].report;
}

/** Renders every report of the run; pure, so the same text goes to files and the job summary. */
export function buildReports(results: readonly GateResult[], run: RunInfo, reportsDir: string): BuiltReports {
  const decision = decisionOf(results);
  const files: Record<string, string> = {};
  const reportByGate: Record<string, string> = {};
  const parts: SummaryPart[] = [];
  for (const result of results) {
    const name = reportName(result);
    const full = renderGateReport(result, run);
    files[name] = result.id === 'go-no-go' ? `${renderRunHeader(run, decision)}\n${full}` : `# ${result.title}\n\n${withoutHeading(full)}`;
    reportByGate[result.id] = name;
    parts.push(summaryPart(result, name, full, renderGateReport(result, run, { compact: true })));
  }
  files[RESULTS_JSON] = renderResultsJson(results, run, reportByGate);
  const attention = attentionOf(results);
  return { files, attention, summary: composeSummary(renderSummaryOpening(results, run, decision, attention), parts, reportsDir) };
}

/** The report without its `## title` line: the file has its own `#` title, the summary its `<summary>` line. */
function withoutHeading(report: string): string {
  return report.replace(/^## .*\n\n/, '');
}

/**
 * A gate's report in the job summary: a `<details>` block, open when the gate did not pass (WARN
 * included), closed when it passed. Blank lines around the report let GitHub render its markdown.
 */
function summaryPart(result: GateResult, file: string, full: string, compact: string): SummaryPart {
  const open = result.status !== 'PASS';
  const details = (report: string) =>
    [
      `<details${open ? ' open' : ''}>`,
      `<summary>${escapeHtml(markedStatus(result.status))} · <b>${escapeHtml(oneLine(result.title))}</b> (<code>${escapeHtml(file)}</code>)</summary>`,
      '',
      withoutHeading(report),
      '</details>',
      '',
    ].join('\n');
  return { gate: result.id, open, full: details(full), compact: details(compact) };
}
