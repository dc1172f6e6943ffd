import { GITHUB_ACTIONS_APP_ID, type BypassActor, type RulesetDetail } from './types.js';

/** Apply never edits a ruleset it did not create: its own carries this name. */
export function ownRulesetName(branch: string): string {
  return `surreal-release-gates: required check on ${branch}`;
}

/** Body of POST /repos/{o}/{r}/rulesets and PUT /repos/{o}/{r}/rulesets/{id}. */
export interface RulesetBody {
  readonly name: string;
  readonly target: 'branch';
  readonly enforcement: 'active';
  readonly bypass_actors?: readonly { readonly actor_id: number | null; readonly actor_type: string; readonly bypass_mode: string }[];
  readonly conditions: { readonly ref_name: { readonly include: readonly string[]; readonly exclude: readonly string[] } };
  readonly rules: readonly Readonly<Record<string, unknown>>[];
}

export type RulesetPlan =
  | { readonly kind: 'unchanged'; readonly id: number }
  | { readonly kind: 'create'; readonly body: RulesetBody }
  | { readonly kind: 'update'; readonly id: number; readonly body: RulesetBody };

function checksRule(emittedName: string, strict: boolean): Record<string, unknown> {
  return {
    type: 'required_status_checks',
    parameters: {
      strict_required_status_checks_policy: strict,
      do_not_enforce_on_create: false,
      required_status_checks: [{ context: emittedName, integration_id: GITHUB_ACTIONS_APP_ID }],
    },
  };
}

function bypassBody(actors: readonly BypassActor[]): NonNullable<RulesetBody['bypass_actors']> {
  return actors.map((actor) => ({ actor_id: actor.actorId ?? null, actor_type: actor.actorType, bypass_mode: actor.bypassMode ?? 'always' }));
}

/**
 * The ruleset change that makes `emittedName` required on the branch, pinned to GitHub Actions:
 * create the action's own ruleset, or update it when it exists (its other rules, conditions and
 * bypass actors kept). Rulesets of others are never touched.
 */
export function planRuleset(own: RulesetDetail | undefined, branch: string, emittedName: string): RulesetPlan {
  const ref = `refs/heads/${branch}`;
  if (own === undefined) {
    return {
      kind: 'create',
      body: {
        name: ownRulesetName(branch),
        target: 'branch',
        enforcement: 'active',
        bypass_actors: [],
        conditions: { ref_name: { include: [ref], exclude: [] } },
        rules: [checksRule(emittedName, false)],
      },
    };
  }
  const targets = own.refConditions !== undefined && own.refConditions.include.includes(ref) && !own.refConditions.exclude.includes(ref);
  const pinned = own.requiredChecks.length === 1 && own.requiredChecks[0]?.context === emittedName && own.requiredChecks[0].appId === GITHUB_ACTIONS_APP_ID;
  if (own.enforcement === 'active' && targets && pinned) return { kind: 'unchanged', id: own.id };

  let replaced = false;
  const rules = own.rules.map((rule) => {
    if (rule.type !== 'required_status_checks') return rule;
    replaced = true;
    return checksRule(emittedName, own.strict);
  });
  const include = own.refConditions?.include.includes(ref) ? own.refConditions.include : [...(own.refConditions?.include ?? []), ref];
  return {
    kind: 'update',
    id: own.id,
    body: {
      name: own.name,
      target: 'branch',
      enforcement: 'active',
      // Bypass actors invisible to this token are left out, so GitHub keeps them as they are.
      ...(own.bypassActors !== undefined ? { bypass_actors: bypassBody(own.bypassActors) } : {}),
      conditions: { ref_name: { include, exclude: (own.refConditions?.exclude ?? []).filter((pattern) => pattern !== ref) } },
      rules: replaced ? rules : [...rules, checksRule(emittedName, false)],
    },
  };
}
