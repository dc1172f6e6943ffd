import { planAdoption, type AdoptionPlan } from './adopt.js';
import { keptMeaningProblem } from './meaning.js';
import { normaliseRule } from './normalise.js';
import { planLifecycle, type LifecyclePlan } from './plan.js';
import type { LifecycleRule } from './rule.js';

/** What to merge into a configuration. */
export interface PlanRequest {
  readonly desired: readonly LifecycleRule[];
  /** lifecycle-adopt-rule-ids */
  readonly adoptIds: readonly string[];
  /** `<prefix>/<env>/` */
  readonly envPrefix: string;
  /** IDs of the rules this action manages (never adoptable). */
  readonly managedIds: ReadonlySet<string>;
}

/** A plan, with what it takes to write it safely. */
export interface PreparedPlan {
  /** The configuration as the server returned it. */
  readonly read: readonly LifecycleRule[];
  readonly adoption: AdoptionPlan;
  /** Planned against the configuration normalised to valid S3. */
  readonly plan: LifecyclePlan;
  /** Rules kept but re-spelt to valid S3: the rule as it will be written -> as it was read. */
  readonly respelt: ReadonlyMap<LifecycleRule, LifecycleRule>;
  /** Rules not ours whose meaning as written could not be proved equal to their meaning as read. */
  readonly unprovable: readonly { readonly rule: string; readonly reason: string }[];
}

/**
 * Normalises what the server returned into valid S3 (a re-spelling alone changes nothing in the
 * plan, so it never causes a write), plans adoption and the merge of the managed rules, and proves
 * that every rule kept means, as it would be written, what it meant as read.
 */
export function prepareLifecyclePlan(read: readonly LifecycleRule[], request: PlanRequest): PreparedPlan {
  const normalised = read.map(normaliseRule);
  const rules = normalised.map((entry) => entry.rule);
  const asRead = new Map(normalised.map((entry) => [entry.rule, entry.read]));
  const adoption = planAdoption(rules, request.adoptIds, request.envPrefix, request.managedIds);
  const plan = planLifecycle(rules, request.desired, adoption.adopt);
  const unprovable = plan.entries.flatMap((entry) => {
    if (entry.action !== 'keep' || entry.after === undefined) return [];
    const reason = keptMeaningProblem(asRead.get(entry.after) ?? entry.after, entry.after);
    return reason === undefined ? [] : [{ rule: entry.id, reason }];
  });
  const respelt = new Map(normalised.filter((entry) => entry.respelt).map((entry) => [entry.rule, entry.read]));
  return { read, adoption, plan, respelt, unprovable };
}
