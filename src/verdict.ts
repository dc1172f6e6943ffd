/**
 * The ground floor: the vocabulary of verdicts every layer speaks (statuses, findings, facts,
 * report sections, gate results), the gate ids and the bad-input error. It imports nothing, so
 * pure domain modules can judge without reaching up into gates, clients or config.
 */

/** Gates a user can select with the `gates` input, in their documented order. */
export const SELECTABLE_GATES = ['bucket', 'lifecycle', 'verify', 'smoke', 'growth', 'alerts', 'hot-path', 'branch-protection'] as const;
export type SelectableGateId = (typeof SELECTABLE_GATES)[number];
/** go/no-go is never selected: it always runs, last. */
export type GateId = SelectableGateId | 'go-no-go';

/**
 * PASS and WARN pass; everything else blocks the release. ERROR: the gate itself broke.
 * UNVERIFIABLE: the answer could not be obtained (e.g. a permission). NOT RUN: skipped by fail-fast.
 */
export type GateStatus = 'PASS' | 'WARN' | 'FAIL' | 'ERROR' | 'UNVERIFIABLE' | 'NOT RUN';

export const PASSING_STATUSES: readonly GateStatus[] = ['PASS', 'WARN'];

export type FindingLevel = 'fail' | 'warn' | 'info' | 'unverifiable' | 'error';

export interface Finding {
  readonly level: FindingLevel;
  readonly message: string;
  readonly evidence?: string;
  readonly remediation?: string;
}

export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** Report content beyond findings, kept as data so rendering stays in src/report. */
export type Section =
  | { readonly kind: 'table'; readonly title: string; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'code'; readonly title: string; readonly language: string; readonly text: string }
  | { readonly kind: 'text'; readonly title: string; readonly text: string }
  | { readonly kind: 'links'; readonly title: string; readonly links: readonly { readonly label: string; readonly url: string }[] };

/** What a gate function returns; the sequence adds identity and timing. */
export interface GateOutcome {
  readonly status: GateStatus;
  readonly summary: string;
  readonly findings: readonly Finding[];
  readonly facts: readonly Fact[];
  readonly sections: readonly Section[];
  /** Gate-specific machine-readable results, copied to the JSON results as `details`. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Action outputs this gate sets (e.g. growth-objects), by output name. */
  readonly outputs?: Readonly<Record<string, string>>;
}

export interface GateResult extends GateOutcome {
  readonly id: GateId;
  readonly title: string;
  readonly mode: string | undefined;
  readonly startedAt: string;
  readonly durationMs: number;
}

/** Bad input: stops the run before any request, with one line naming the input and the expected form. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly received: string,
    readonly expected: string,
  ) {
    super(`Invalid input '${input}': got ${JSON.stringify(received)}. Expected ${expected}.`);
    this.name = 'InputError';
  }
}

export type Decision = 'GO' | 'NO-GO';

/**
 * The decision, read in one place: GO only when the go/no-go gate (always last) passed. Every
 * report, output and the exit code follow from it.
 */
export function decisionOf(results: readonly GateResult[]): Decision {
  return results.find((result) => result.id === 'go-no-go')?.status === 'PASS' ? 'GO' : 'NO-GO';
}

/** The status findings imply: any fail/error/unverifiable wins over warn, warn over pass. */
export function statusOf(findings: readonly Finding[]): GateStatus {
  if (findings.some((finding) => finding.level === 'error')) return 'ERROR';
  if (findings.some((finding) => finding.level === 'fail')) return 'FAIL';
  if (findings.some((finding) => finding.level === 'unverifiable')) return 'UNVERIFIABLE';
  if (findings.some((finding) => finding.level === 'warn')) return 'WARN';
  return 'PASS';
}

export function outcome(summary: string, findings: readonly Finding[], facts: readonly Fact[] = [], sections: readonly Section[] = []): GateOutcome {
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
