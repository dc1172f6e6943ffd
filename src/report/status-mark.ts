import type { GateStatus } from '../verdict.js';

/**
 * A status with a mark a reader finds in a table at a glance; for the job summary only. The
 * report files keep the plain `Result: <STATUS>` line for machines and grep.
 */
const MARK: Readonly<Record<GateStatus, string>> = {
  PASS: '✅',
  WARN: '⚠️',
  FAIL: '❌',
  ERROR: '⛔',
  UNVERIFIABLE: '❔',
  'NOT RUN': '⏭',
};

/** No-break spaces keep the mark and the words together in a narrow table column. */
const NBSP = '\u00a0';

export function markedStatus(status: GateStatus): string {
  return `${MARK[status]}${NBSP}${status.replace(/ /g, NBSP)}`;
}

export function markedDecision(decision: 'GO' | 'NO-GO'): string {
  return `${decision === 'GO' ? MARK.PASS : MARK.FAIL}${NBSP}${decision}`;
}
