import { readDriftMarker } from './markers.js';

export const DRIFT_LABEL = 'release-gates-drift';

export const driftTitle = (env: string): string => `Release gates drift: ${env}`;

/** An open issue that carries this environment's drift marker (and was written by this token). */
export interface TrackedIssue {
  /** The REST id (closing as a duplicate names the original by id). */
  readonly id: number;
  readonly number: number;
  readonly body: string;
  /** ISO 8601. */
  readonly createdAt: string;
}

export type DriftStep =
  | { readonly kind: 'open' }
  | { readonly kind: 'update'; readonly issue: TrackedIssue; readonly firstSeen: string }
  | { readonly kind: 'resolve'; readonly issue: TrackedIssue }
  | { readonly kind: 'duplicate'; readonly issue: TrackedIssue; readonly original: TrackedIssue };

/** Oldest first: by creation time, then by number. */
export function oldestFirst(issues: readonly TrackedIssue[]): TrackedIssue[] {
  return [...issues].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number - b.number);
}

/**
 * What to do with the environment's drift issue after a run. Not passing: update the oldest open
 * one, or open one when there is none. Passing: close them. Either way every other open one is
 * closed as a duplicate of the oldest: GitHub cannot create an issue conditionally, so two runs
 * that overlap can each open one, and the next run tidies up.
 */
export function decideDrift(passing: boolean, tracked: readonly TrackedIssue[]): DriftStep[] {
  const [oldest, ...extras] = oldestFirst(tracked);
  if (oldest === undefined) return passing ? [] : [{ kind: 'open' }];
  const duplicates = extras.map((issue): DriftStep => ({ kind: 'duplicate', issue, original: oldest }));
  if (passing) return [{ kind: 'resolve', issue: oldest }, ...duplicates];
  const firstSeen = readDriftMarker(oldest.body)?.firstSeen ?? new Date(oldest.createdAt).toISOString();
  return [{ kind: 'update', issue: oldest, firstSeen }, ...duplicates];
}

/** One line per step, as the log, the job summary and the CLI print the decision. */
export function describeStep(step: DriftStep, env: string): string {
  switch (step.kind) {
    case 'open':
      return `open an issue '${driftTitle(env)}'`;
    case 'update':
      return `update #${step.issue.number} with this run's report (first seen ${step.firstSeen})`;
    case 'resolve':
      return `comment on #${step.issue.number} that every gate passes again, and close it`;
    case 'duplicate':
      return `close #${step.issue.number} as a duplicate of #${step.original.number}`;
  }
}
