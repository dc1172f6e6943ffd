import type { LifecyclePlan } from './plan.js';
import type { LifecycleRule } from './rule.js';

/** A plan, with what it takes to write it safely. */
export interface PreparedPlan {
  /** The configuration as the server returned it. */
  readonly read: readonly LifecycleRule[];
  readonly plan: LifecyclePlan;
  /** Rules kept but re-spelt to valid S3: the rule as it will be written -> as it was read. */
  readonly respelt: ReadonlyMap<LifecycleRule, LifecycleRule>;
  /** Rules not ours whose meaning as written could not be proved equal to their meaning as read. */
  readonly unprovable: readonly { readonly rule: string; readonly reason: string }[];
}

/** Plans against a configuration as read; `plan` merges the managed rules (planLifecycle). */
export function prepareLifecyclePlan(read: readonly LifecycleRule[], plan: (current: readonly LifecycleRule[]) => LifecyclePlan): PreparedPlan {
  return { read, plan: plan(read), respelt: new Map(), unprovable: [] };
}
