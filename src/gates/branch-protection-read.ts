import { acceptedNames, isAccepted } from '../branch-protection/names.js';
import type { Denial, ProtectionEvidence, Read, RulesetDetail } from '../branch-protection/types.js';
import { GitHubFailure } from '../clients/github-errors.js';
import type { GitHubGateway } from '../clients/github.js';
import type { Logger } from '../util/logger.js';

/** A read whose 403/404 is an answer ("this token may not know"), not a crash. */
export async function readOrDenied<T>(read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof GitHubFailure && (error.kind === 'permission' || error.kind === 'not-found')) {
      const denied: Denial = { operation: error.operation, status: error.status ?? 0, permission: error.acceptedPermissions, message: error.serverMessage ?? error.message };
      return { ok: false, denied };
    }
    throw error;
  }
}

export class BranchNotFound extends Error {
  override name = 'BranchNotFound';
}

/**
 * Reads what the gate judges: the branch summary and head, the active ruleset rules, rulesets
 * not enforced, classic protection where the token may read it, and the head's check runs.
 * Independent reads run in parallel.
 */
export async function readProtectionEvidence(github: GitHubGateway, repository: string, requestedBranch: string | undefined, requiredCheck: string, log: Logger): Promise<ProtectionEvidence> {
  const defaultBranch = await github.getDefaultBranch();
  const branch = requestedBranch ?? defaultBranch;
  log.info(`Branch protection of ${repository}@${branch}${requestedBranch === undefined ? ' (default branch)' : ''}, required check '${requiredCheck}'.`);
  let summary;
  try {
    summary = await github.getBranch(branch);
  } catch (error) {
    if (error instanceof GitHubFailure && error.kind === 'not-found') throw new BranchNotFound(`Branch '${branch}' does not exist in ${repository} (GET branch answered 404). Check github-branch.`);
    throw error;
  }

  const names = acceptedNames(requiredCheck);
  const [rules, inactiveRulesets, classic, checkRuns] = await Promise.all([
    readOrDenied(() => github.getBranchRules(branch)),
    readOrDenied(async () => {
      const listed = await github.listRulesets();
      return Promise.all(listed.filter((ruleset) => ruleset.enforcement !== 'active').map((ruleset) => github.getRuleset(ruleset.id)));
    }),
    summary.protected ? readOrDenied(() => github.getClassicProtection(branch)) : Promise.resolve('not-read' as const),
    github.listCheckRuns(summary.headSha),
  ]);
  // Enforcement and bypass actors of the rulesets that carry our check.
  const ourRulesetIds = rules.ok ? [...new Set(rules.value.filter((rule) => rule.checks.some((check) => isAccepted(check.context, names))).map((rule) => rule.rulesetId))] : [];
  const details = await Promise.all(ourRulesetIds.map(async (id) => [id, await readOrDenied(() => github.getRuleset(id))] as const));
  const rulesetDetails = new Map<number, Read<RulesetDetail>>(details);

  return { requiredCheck, repository, branch, defaultBranch, summary, rules, rulesetDetails, inactiveRulesets, classic, checkRuns };
}
