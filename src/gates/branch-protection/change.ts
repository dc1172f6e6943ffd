import { classicSettingsOutsideOurs, classicChecks, planClassic, type ClassicProtectionBody } from '../../branch-protection/classic-plan.js';
import { describeDenial, isCompliant, type ProtectionAssessment } from '../../branch-protection/evaluate.js';
import { acceptedNames } from '../../branch-protection/names.js';
import { ownRulesetName, planRuleset, type RulesetBody } from '../../branch-protection/ruleset-plan.js';
import { GITHUB_ACTIONS_APP_ID, type ClassicProtection, type ProtectionEvidence, type RequiredCheck } from '../../branch-protection/types.js';
import type { GitHubGateway } from '../../clients/github.js';
import type { BranchProtectionTarget } from '../../config/types.js';
import type { Finding, Section } from '../../verdict.js';

/** What apply would send, decided from what was read; `request` is absent when nothing is sent. */
export type ProtectionChange =
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'blocked'; readonly finding: Finding }
  | {
      readonly kind: 'classic';
      readonly description: string;
      readonly request: { readonly method: 'PUT'; readonly path: string; readonly body: ClassicProtectionBody };
      readonly before: ClassicProtection | 'not-protected';
    }
  | {
      readonly kind: 'ruleset';
      readonly description: string;
      readonly request: { readonly method: 'POST' | 'PUT'; readonly path: string; readonly body: RulesetBody };
      readonly rulesetId: number | undefined;
    };

const checksLabel = (checks: readonly RequiredCheck[]) =>
  checks.length === 0 ? 'none' : checks.map((check) => `'${check.context}'@${check.appId ?? 'any app'}`).join(', ');

/** Plans the change that makes the branch compliant, for the configured target. Writes nothing. */
export async function planProtectionChange(
  github: GitHubGateway,
  evidence: ProtectionEvidence,
  assessment: ProtectionAssessment,
  target: BranchProtectionTarget,
  repository: string,
): Promise<ProtectionChange> {
  if (isCompliant(assessment, evidence.requiredCheck)) {
    return { kind: 'none', reason: `Nothing to change: '${evidence.requiredCheck}' is already required on ${evidence.branch}, pinned to GitHub Actions.` };
  }
  const emitted = assessment.emittedName;
  if (emitted === undefined) {
    const found = evidence.proof.found;
    const names = acceptedNames(evidence.requiredCheck)
      .all.map((name) => `'${name}'`)
      .join(' or ');
    return {
      kind: 'blocked',
      finding:
        found?.kind === 'page-form'
          ? {
              level: 'fail',
              message: `No change planned: required-check '${evidence.requiredCheck}' is the pull request page's label; GitHub Actions emits '${found.name}'.`,
              remediation: `Set required-check to '${found.name}', then plan again.`,
            }
          : {
              level: 'unverifiable',
              message: `No change planned: no GitHub Actions check run carrying ${names} was found on the branch or on recently merged pull requests, and requiring a name no job emits would block every pull request forever.`,
              remediation: 'Run the workflow once on a pull request or the branch first, then plan or apply again.',
            },
    };
  }
  const names = acceptedNames(evidence.requiredCheck);
  if (target === 'classic') {
    const classic = evidence.classic;
    if (classic !== 'not-read' && !classic.ok) {
      return {
        kind: 'blocked',
        finding: {
          level: 'unverifiable',
          message: `No classic protection change planned: the current protection could not be read (${describeDenial(classic.denied)}), and apply must keep every other setting.`,
          remediation: `Use a github-token with ${classic.denied.permission ?? 'administration: read'} (apply needs administration: write).`,
        },
      };
    }
    const before = classic === 'not-read' ? 'not-protected' : classic.value;
    const plan = planClassic(before, names, evidence.checkRuns, emitted);
    if (plan.kind === 'unchanged') {
      return {
        kind: 'none',
        reason: `Classic protection already requires ${checksLabel(plan.checks)}; what blocks compliance is elsewhere (see the findings).`,
      };
    }
    return {
      kind: 'classic',
      description: `${plan.creates ? 'Protect' : 'Update the protection of'} ${evidence.branch}: required checks ${checksLabel(plan.before)} -> ${checksLabel(plan.after)}; every other setting as it is.`,
      request: { method: 'PUT', path: `/repos/${repository}/branches/${evidence.branch}/protection`, body: plan.body },
      before,
    };
  }

  const listed = await github.listRulesets();
  const ownSummary = listed.find((ruleset) => ruleset.name === ownRulesetName(evidence.branch) && ruleset.sourceType === 'Repository');
  const own = ownSummary === undefined ? undefined : await github.getRuleset(ownSummary.id);
  const plan = planRuleset(own, evidence.branch, emitted);
  if (plan.kind === 'unchanged') {
    return {
      kind: 'none',
      reason: `Ruleset #${plan.id} '${ownRulesetName(evidence.branch)}' already requires '${emitted}' pinned to GitHub Actions; what blocks compliance is elsewhere (see the findings).`,
    };
  }
  return plan.kind === 'create'
    ? {
        kind: 'ruleset',
        description: `Create ruleset '${plan.body.name}' (active, refs/heads/${evidence.branch}) requiring '${emitted}' pinned to GitHub Actions (${GITHUB_ACTIONS_APP_ID}); other rulesets untouched.`,
        request: { method: 'POST', path: `/repos/${repository}/rulesets`, body: plan.body },
        rulesetId: undefined,
      }
    : {
        kind: 'ruleset',
        description: `Update this action's ruleset #${plan.id} to require '${emitted}' pinned to GitHub Actions (${GITHUB_ACTIONS_APP_ID}), active on refs/heads/${evidence.branch}; its other rules kept, other rulesets untouched.`,
        request: { method: 'PUT', path: `/repos/${repository}/rulesets/${plan.id}`, body: plan.body },
        rulesetId: plan.id,
      };
}

export function changeSections(change: ProtectionChange): Section[] {
  if (change.kind === 'none' || change.kind === 'blocked') return [];
  return [
    { kind: 'text', title: 'Change', text: change.description },
    { kind: 'code', title: 'Request apply sends', language: 'json', text: JSON.stringify(change.request, null, 2) },
  ];
}

/** Sends the planned change and reads it back. Returns findings on what was written and kept. */
export async function applyProtectionChange(github: GitHubGateway, change: ProtectionChange, branch: string, requiredCheck: string): Promise<Finding[]> {
  if (change.kind === 'none' || change.kind === 'blocked') return [];
  const names = acceptedNames(requiredCheck);
  if (change.kind === 'classic') {
    await github.putClassicProtection(branch, change.request.body);
    const after = await github.getClassicProtection(branch);
    const kept = classicSettingsOutsideOurs(change.before, names) === classicSettingsOutsideOurs(after, names);
    const wanted = change.request.body.required_status_checks?.checks ?? [];
    const afterChecks = classicChecks(after);
    const written = wanted.every((check) => afterChecks.some((seen) => seen.context === check.context && (seen.appId ?? -1) === check.app_id));
    return [
      { level: 'info', message: `Applied: ${change.description}` },
      kept
        ? { level: 'info', message: 'Read back: every protection setting other than our required check is unchanged.' }
        : { level: 'fail', message: 'Read back: protection settings other than our required check changed; compare the report with the branch settings.' },
      ...(written ? [] : [{ level: 'fail' as const, message: `Read back: the required checks are ${checksLabel(afterChecks)}, not as written.` }]),
    ];
  }
  const id =
    change.request.method === 'POST'
      ? await github.createRuleset(change.request.body)
      : (await github.updateRuleset(change.rulesetId ?? -1, change.request.body), change.rulesetId ?? -1);
  const after = await github.getRuleset(id);
  const wanted = change.request.body.rules.flatMap((rule) => {
    const parameters = rule.parameters as { required_status_checks?: { context: string; integration_id?: number }[] } | undefined;
    return rule.type === 'required_status_checks' ? (parameters?.required_status_checks ?? []) : [];
  });
  const written =
    after.enforcement === 'active' &&
    wanted.every((check) => after.requiredChecks.some((seen) => seen.context === check.context && seen.appId === check.integration_id));
  return [
    { level: 'info', message: `Applied: ${change.description} (ruleset #${id}).` },
    written
      ? { level: 'info', message: `Read back ruleset #${id}: active, requires ${checksLabel(after.requiredChecks)}.` }
      : {
          level: 'fail',
          message: `Read back ruleset #${id}: enforcement ${after.enforcement}, requires ${checksLabel(after.requiredChecks)}: not as written.`,
        },
  ];
}
