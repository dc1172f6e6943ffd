import { escapeMarkdown } from '../report/escape.js';
import { renderGateReport } from '../report/markdown.js';
import type { RunInfo } from '../report/run-info.js';
import { markdownTable } from '../report/table.js';
import { fitToLimit, GITHUB_BODY_LIMIT, runLink } from './limit.js';
import { driftMarker } from './markers.js';
import { type GateResult, PASSING_STATUSES, decidingFinding } from '../verdict.js';

export interface DriftReport {
  /** Every gate of the run, go/no-go included. */
  readonly gates: readonly GateResult[];
  readonly run: RunInfo;
  readonly runUrl: string | undefined;
}

/** The gates that did not pass, go/no-go only when it is the one that did not (health checks). */
export function blockingGates(gates: readonly GateResult[]): GateResult[] {
  const blocking = gates.filter((gate) => !PASSING_STATUSES.includes(gate.status));
  const selected = blocking.filter((gate) => gate.id !== 'go-no-go');
  return selected.length > 0 ? selected : blocking;
}

/** In run order, go/no-go last, as in the job summary; the head above already says what failed. */
function reportParts(gates: readonly GateResult[], run: RunInfo) {
  return gates.map((gate) => ({ full: renderGateReport(gate, run), compact: renderGateReport(gate, run, { compact: true }) }));
}

/**
 * The drift issue's body: the marker (environment, first seen), what does not pass and what to
 * do, first and last seen, then the run's reports, within GitHub's 65,536 characters.
 */
export function renderDriftIssueBody(report: DriftReport, firstSeen: string, lastSeen: string, limit = GITHUB_BODY_LIMIT): string {
  const { run } = report;
  const blocking = blockingGates(report.gates);
  const rows = blocking.map((gate) => {
    const finding = decidingFinding(gate.findings);
    return [`\`${gate.id}\``, gate.status, escapeMarkdown(finding?.message ?? gate.summary), escapeMarkdown(finding?.remediation ?? '')];
  });
  const head = [
    driftMarker(run.appEnv, firstSeen),
    `Retention of \`${run.envPrefix}\` in bucket \`${run.bucket}\` (${escapeMarkdown(run.endpoint)}) is not proven: ${blocking.length} gate(s) did not pass.`,
    '',
    markdownTable(['Gate', 'Status', 'Finding', 'What to do'], rows),
    '',
    `- First seen: ${firstSeen}`,
    `- Last seen: ${lastSeen}, in ${runLink(report.runUrl)}`,
    `- surreal-release-gates ${escapeMarkdown(run.version)}`,
    '',
    "The release gates' drift watch keeps this issue: each run that finds a gate not passing updates it, and the first run in which every gate passes comments and closes it. Keep the first line of this description: it is how the watch finds the issue.",
    '',
    '## Latest reports',
    '',
  ].join('\n');
  return fitToLimit(head, reportParts(report.gates, run), report.runUrl, limit);
}

/** The comment before closing: every gate passes again. */
export function renderResolvedComment(report: DriftReport, at: string): string {
  const rows = report.gates.filter((gate) => gate.id !== 'go-no-go').map((gate) => [`\`${gate.id}\``, gate.status, escapeMarkdown(gate.summary)]);
  return [
    `Every gate passes again at ${at}, in ${runLink(report.runUrl)}: retention of \`${report.run.envPrefix}\` in bucket \`${report.run.bucket}\` is proven. Closing.`,
    '',
    markdownTable(['Gate', 'Status', 'Summary'], rows),
    '',
  ].join('\n');
}

/** The comment before closing an extra issue of the same environment. */
export function renderDuplicateComment(env: string, originalNumber: number, runUrl: string | undefined): string {
  return `Duplicate of #${originalNumber}: two drift watch runs for \`${env}\` overlapped and each opened an issue. #${originalNumber} (the oldest) is kept up to date; closing this one (${runLink(runUrl)}).\n`;
}
