import { codeBlock, escapeMarkdown } from './escape.js';
import type { RunInfo } from './run-info.js';
import { markdownTable } from './table.js';
import type { GateResult, Section } from '../verdict.js';

const LEVEL_LABEL = { fail: 'FAIL', error: 'ERROR', unverifiable: 'UNVERIFIABLE', warn: 'WARN', info: 'info' } as const;

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return markdownTable(
    headers.map(escapeMarkdown),
    rows.map((row) => row.map(escapeMarkdown)),
  );
}

/** Only http(s) URLs, in angle brackets with every character that could end the link encoded. */
function linkTarget(url: string): string {
  const safe = /^https?:\/\//i.test(url) ? url : 'about:blank';
  return `<${safe.replace(/[<>\s()\\]/g, (char) => encodeURIComponent(char).replace('(', '%28').replace(')', '%29'))}>`;
}

function renderSection(section: Section): string {
  const title = `### ${escapeMarkdown(section.title)}`;
  switch (section.kind) {
    case 'table':
      return `${title}\n\n${section.rows.length === 0 ? '_none_' : table(section.headers, section.rows)}`;
    case 'code':
      return `${title}\n\n${codeBlock(section.language, section.text)}`;
    case 'text':
      return `${title}\n\n${escapeMarkdown(section.text)}`;
    case 'links':
      return `${title}\n\n${section.links.length === 0 ? '_none_' : section.links.map((link) => `- [${escapeMarkdown(link.label)}](${linkTarget(link.url)})`).join('\n')}`;
  }
}

export interface RenderOptions {
  /** Leave out the sections (long tables, JSON), e.g. to fit a job summary. */
  readonly compact?: boolean;
}

/** One gate's report: `Result:` and `Mode:` lines first, then the run's facts, findings and sections. */
export function renderGateReport(result: GateResult, run: RunInfo, options: RenderOptions = {}): string {
  const lines = [
    `## ${escapeMarkdown(result.title)}`,
    '',
    // A blank line between them: consecutive lines of a paragraph render as one line on GitHub.
    `Result: ${result.status}`,
    '',
    ...(result.mode !== undefined ? [`Mode: ${result.mode}`, ''] : []),
    `- Gate: \`${result.id}\``,
    `- Environment: ${escapeMarkdown(run.appEnv)}`,
    `- Bucket: ${escapeMarkdown(run.bucket)}`,
    `- Prefix: ${escapeMarkdown(run.envPrefix)}`,
    `- Endpoint: ${escapeMarkdown(run.endpoint)}`,
    `- Time: ${result.startedAt} (${result.durationMs} ms)`,
    `- Summary: ${escapeMarkdown(result.summary)}`,
    ...result.facts.map((fact) => `- ${escapeMarkdown(fact.label)}: ${escapeMarkdown(fact.value)}`),
  ];
  const findings = result.findings.map((finding) => [LEVEL_LABEL[finding.level], finding.message, finding.evidence ?? '', finding.remediation ?? '']);
  const body = [lines.join('\n'), `### Findings\n\n${findings.length === 0 ? '_none_' : table(['Level', 'Finding', 'Evidence', 'What to do'], findings)}`];
  if (!options.compact) body.push(...result.sections.map(renderSection));
  else if (result.sections.length > 0) body.push(`_${result.sections.length} more section(s) in the report file._`);
  return `${body.join('\n\n')}\n`;
}

/** The go/no-go report (release-gates-surreal-latest.md) with the run's header. */
export function renderRunHeader(run: RunInfo, decision: string): string {
  return [
    `# Release gates (surreal): ${decision}`,
    '',
    `- Started: ${run.startedAt}`,
    `- Finished: ${run.finishedAt}`,
    `- surreal-release-gates ${escapeMarkdown(run.version)}`,
    '',
  ].join('\n');
}
