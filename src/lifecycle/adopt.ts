import { ruleScope, type LifecycleRule } from './rule.js';

/** Fields that would change what a rule does beyond expiring current objects by prefix. */
const DISQUALIFYING_FIELDS = ['Transitions', 'Transition', 'NoncurrentVersionTransitions', 'NoncurrentVersionTransition'] as const;

/**
 * Whether a rule may be replaced by the managed rule: its filter is exactly the env prefix (plain
 * Filter.Prefix, And with only that Prefix, or the legacy rule-level Prefix), with no tags, no
 * size bounds and no transitions. Anything else means more than the managed rule does.
 */
export function adoptionRefusal(rule: LifecycleRule, envPrefix: string): string | undefined {
  const scope = ruleScope(rule);
  if (scope.prefix !== envPrefix) return `its prefix is '${scope.prefix}', not '${envPrefix}'`;
  if (scope.tags.length > 0) return 'it has a tag filter';
  if (scope.sizeFiltered) return 'it has an object size filter';
  const transition = DISQUALIFYING_FIELDS.find(
    (field) => rule[field] !== undefined && rule[field] !== null && !(Array.isArray(rule[field]) && rule[field].length === 0),
  );
  if (transition !== undefined) return `it has ${transition}`;
  return undefined;
}

export interface AdoptionPlan {
  /** IDs present and eligible: apply removes these rules. */
  readonly adopt: ReadonlySet<string>;
  /** IDs present but not eligible: nothing may be written. */
  readonly refused: readonly { readonly id: string; readonly reason: string }[];
  /** IDs not in the configuration. */
  readonly absent: readonly string[];
}

/** Sorts the IDs of lifecycle-adopt-rule-ids into adopted, refused and absent. */
export function planAdoption(current: readonly LifecycleRule[], adoptIds: readonly string[], envPrefix: string, managedIds: ReadonlySet<string>): AdoptionPlan {
  const adopt = new Set<string>();
  const refused: { id: string; reason: string }[] = [];
  const absent: string[] = [];
  for (const id of adoptIds) {
    const matches = current.filter((rule) => rule.ID === id);
    if (managedIds.has(id)) refused.push({ id, reason: 'it is a rule this action manages' });
    else if (matches.length === 0) absent.push(id);
    else {
      const reason = matches.map((rule) => adoptionRefusal(rule, envPrefix)).find((found) => found !== undefined);
      if (reason === undefined) adopt.add(id);
      else refused.push({ id, reason });
    }
  }
  return { adopt, refused, absent };
}
