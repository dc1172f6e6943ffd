import type { Fact, Finding, GateOutcome, GateStatus, Section } from '../verdict.js';

/** The status findings imply: any fail/error/unverifiable wins over warn, warn over pass. */
export function statusOf(findings: readonly Finding[]): GateStatus {
  if (findings.some((finding) => finding.level === 'error')) return 'ERROR';
  if (findings.some((finding) => finding.level === 'fail')) return 'FAIL';
  if (findings.some((finding) => finding.level === 'unverifiable')) return 'UNVERIFIABLE';
  if (findings.some((finding) => finding.level === 'warn')) return 'WARN';
  return 'PASS';
}

export function outcome(
  summary: string,
  findings: readonly Finding[],
  facts: readonly Fact[] = [],
  sections: readonly Section[] = [],
): GateOutcome {
  return { status: statusOf(findings), summary, findings, facts, sections };
}

/** The first finding that decides the status, for one-line summaries. */
export function decidingFinding(findings: readonly Finding[]): Finding | undefined {
  const order = ['error', 'fail', 'unverifiable', 'warn'] as const;
  for (const level of order) {
    const found = findings.find((finding) => finding.level === level);
    if (found) return found;
  }
  return undefined;
}
