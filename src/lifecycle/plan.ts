import { ruleLabel, semanticJson, type LifecycleRule } from './rule.js';

export const MAX_LIFECYCLE_RULES = 1000;

/**
 * Terraform's vocabulary: add, change, unchanged; plus keep for rules this action does not own,
 * and adopt for a rule named in lifecycle-adopt-rule-ids, removed because the managed rule replaces it.
 */
export type PlanAction = 'add' | 'change' | 'unchanged' | 'keep' | 'adopt';

export interface PlanEntry {
  readonly id: string;
  readonly action: PlanAction;
  readonly before: LifecycleRule | undefined;
  readonly after: LifecycleRule | undefined;
}

export interface LifecyclePlan {
  readonly entries: readonly PlanEntry[];
  /** The full configuration to write (never empty: it always holds the desired rules). */
  readonly rules: readonly LifecycleRule[];
  readonly changed: boolean;
}

/**
 * Merges the desired rules into the current configuration by ID. Rules not desired are kept
 * exactly as given (prepareLifecyclePlan gives them normalised to valid S3), in place; a desired
 * rule replaces its namesake in place or is appended. Rules whose ID is in `adopt` (checked
 * eligible by planAdoption) are left out: the managed rule replaces them.
 */
export function planLifecycle(current: readonly LifecycleRule[], desired: readonly LifecycleRule[], adopt: ReadonlySet<string> = new Set()): LifecyclePlan {
  const desiredById = new Map(desired.map((rule) => [rule.ID, rule]));
  const entries: PlanEntry[] = [];
  const rules: LifecycleRule[] = [];
  const seen = new Set<string | undefined>();

  current.forEach((rule, index) => {
    if (rule.ID !== undefined && adopt.has(rule.ID)) {
      entries.push({ id: ruleLabel(rule, index), action: 'adopt', before: rule, after: undefined });
      return;
    }
    const wanted = rule.ID === undefined ? undefined : desiredById.get(rule.ID);
    if (wanted === undefined || seen.has(rule.ID)) {
      entries.push({ id: ruleLabel(rule, index), action: 'keep', before: rule, after: rule });
      rules.push(rule);
      return;
    }
    seen.add(rule.ID);
    const same = semanticJson(rule) === semanticJson(wanted);
    entries.push({ id: ruleLabel(rule, index), action: same ? 'unchanged' : 'change', before: rule, after: same ? rule : wanted });
    rules.push(same ? rule : wanted);
  });
  for (const rule of desired) {
    if (seen.has(rule.ID)) continue;
    entries.push({ id: rule.ID ?? '', action: 'add', before: undefined, after: rule });
    rules.push(rule);
  }
  return { entries, rules, changed: entries.some((entry) => entry.action === 'add' || entry.action === 'change' || entry.action === 'adopt') };
}
