import { planAdoption, type AdoptionPlan } from './adopt.js';
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
  readonly plan: LifecyclePlan;
  /** Rules kept but re-spelt to valid S3: the rule as it will be written -> as it was read. */
  readonly respelt: ReadonlyMap<LifecycleRule, LifecycleRule>;
  /** Rules not ours whose meaning as written could not be proved equal to their meaning as read. */
  readonly unprovable: readonly { readonly rule: string; readonly reason: string }[];
}

/** Plans against a configuration as read: adoption, then the merge of the managed rules. */
export function prepareLifecyclePlan(read: readonly LifecycleRule[], request: PlanRequest): PreparedPlan {
  const adoption = planAdoption(read, request.adoptIds, request.envPrefix, request.managedIds);
  return { read, adoption, plan: planLifecycle(read, request.desired, adoption.adopt), respelt: new Map(), unprovable: [] };
}
