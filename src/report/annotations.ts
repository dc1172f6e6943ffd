import type { Attention } from './attention.js';
import type { GateStatus } from '../verdict.js';

/** An error annotation: shown on the pull request's checks page and in the run overview. */
export interface FailureAnnotation {
  /** The gate and its status, e.g. `verify: FAIL`. */
  readonly title: string;
  /** The one-line finding and what to do. Plain text: the runner escapes it as a command. */
  readonly message: string;
}

/**
 * Statuses that get an annotation. NOT RUN is left out: it is the consequence of a failure that
 * has its own annotation, and GitHub shows only 10 error annotations per step.
 */
const ANNOTATED: readonly GateStatus[] = ['FAIL', 'ERROR', 'UNVERIFIABLE'];

/** At most one annotation per gate: the gate's deciding finding. go/no-go has the step's failure line. */
export function failureAnnotations(attention: readonly Attention[]): FailureAnnotation[] {
  return attention
    .filter((item) => item.gate !== 'go-no-go' && ANNOTATED.includes(item.status))
    .map((item) => ({ title: `${item.gate}: ${item.status}`, message: `${item.finding} What to do: ${item.whatToDo}` }));
}
