import { planLifecycle } from './plan.js';
import { ruleLabel, ruleScope, type LifecycleRule } from './rule.js';
import type { Finding } from '../verdict.js';

/**
 * AbortIncompleteMultipartUpload: the parts of an upload that was started and never completed
 * or aborted are stored (and billed) until someone aborts it; expiry never removes them. MinIO
 * accepts the field and drops it (it cleans stale uploads server-wide); some older servers
 * reject it.
 */

/** The rule as a server that drops AbortIncompleteMultipartUpload keeps it. */
export function withoutAbortIncomplete(rule: LifecycleRule): LifecycleRule {
  const { AbortIncompleteMultipartUpload: _dropped, ...rest } = rule;
  return rest;
}

/** True when `rules` hold `rule` as written (any filter spelling). */
function holdsRule(rules: readonly LifecycleRule[], rule: LifecycleRule): boolean {
  return planLifecycle(rules, [rule]).entries.some((entry) => entry.id === rule.ID && entry.action === 'unchanged');
}

/**
 * Of the rules written, those a read-back holds only without their AbortIncompleteMultipartUpload
 * (the server dropped the field, or has not applied the new configuration yet).
 */
export function heldWithoutAbortIncomplete(after: readonly LifecycleRule[], written: readonly LifecycleRule[]): LifecycleRule[] {
  return written.filter(
    (rule) => rule.AbortIncompleteMultipartUpload !== undefined && !holdsRule(after, rule) && holdsRule(after, withoutAbortIncomplete(rule)),
  );
}

/**
 * IDs among `missing` (desired rules a read-back lacks) that the read-back holds except for their
 * AbortIncompleteMultipartUpload: a server that drops the field applied the rest of the write.
 */
export function droppedAbortIncomplete(after: readonly LifecycleRule[], desired: readonly LifecycleRule[], missing: readonly string[]): string[] {
  return heldWithoutAbortIncomplete(
    after,
    desired.filter((rule) => missing.includes(rule.ID ?? '')),
  ).map((rule) => rule.ID ?? '');
}

/** lifecycle: the info for a managed rule the server keeps without the field. */
export function droppedAbortFinding(id: string): Finding {
  return {
    level: 'info',
    message: `The server keeps ${id} without AbortIncompleteMultipartUpload: it drops the field (MinIO does, and removes stale uploads server-wide) or has not applied the new configuration yet. Unfinished uploads are not aborted by this rule; every apply writes it once more until abort-incomplete-multipart-days is 0.`,
  };
}

/**
 * verify: does an enabled rule covering `prefix` (whoever owns it, without tag or size filter)
 * abort unfinished multipart uploads? Info naming the soonest one, else WARN.
 */
export function abortUploadsFinding(rules: readonly LifecycleRule[], prefix: string): Finding {
  const aborting = rules
    .map((rule, index) => ({ rule, label: ruleLabel(rule, index), scope: ruleScope(rule), days: rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation }))
    .filter(
      ({ rule, scope, days }) =>
        rule.Status === 'Enabled' && scope.tags.length === 0 && !scope.sizeFiltered && prefix.startsWith(scope.prefix) && typeof days === 'number' && days > 0,
    )
    .sort((a, b) => (a.days ?? 0) - (b.days ?? 0));
  const soonest = aborting[0];
  if (soonest !== undefined) {
    return {
      level: 'info',
      message: `Unfinished multipart uploads under ${prefix} are aborted ${soonest.days} day(s) after they start, by rule ${soonest.label}.`,
    };
  }
  return {
    level: 'warn',
    message: `No enabled rule covering ${prefix} aborts unfinished multipart uploads (AbortIncompleteMultipartUpload): the parts of an interrupted upload are kept, and billed, forever; expiry never removes them.`,
    remediation:
      'Run the lifecycle gate with mode: apply and abort-incomplete-multipart-days above 0 (default 7). MinIO drops this field and removes stale uploads itself (its api stale_uploads_expiry setting, 24h by default); there this WARN stays.',
  };
}
