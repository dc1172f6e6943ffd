import { acceptedNames, isAccepted } from '../../branch-protection/names.js';
import type { ProofSearch, ProtectionEvidence, Read, RulesetDetail } from '../../branch-protection/types.js';
import { GitHubFailure } from '../../clients/github-errors.js';
import type { GitHubGateway } from '../../clients/github.js';
import type { Logger } from '../../util/logger.js';
import { readOrDenied } from './denial.js';
import { searchProof } from './proof.js';

export class BranchNotFound extends Error {
  override name = 'BranchNotFound';
}

/**
 * Reads what the gate judges: the branch summary and head, the active ruleset rules, rulesets
 * not enforced, classic protection where the token may read it, the head's check runs, and the
 * proof of the name GitHub Actions emits (searched beyond the head when needed). Independent
 * reads run in parallel. `knownProof`: a proof read before (the read-back after apply, when the
 * head has not moved), not searched again.
 */
export async function readProtectionEvidence(
  github: GitHubGateway,
  repository: string,
  requestedBranch: string | undefined,
  requiredCheck: string,
  log: Logger,
  knownProof?: { readonly headSha: string; readonly proof: ProofSearch },
): Promise<ProtectionEvidence> {
  const defaultBranch = await github.getDefaultBranch();
  const branch = requestedBranch ?? defaultBranch;
  log.info(`Branch protection of ${repository}@${branch}${requestedBranch === undefined ? ' (default branch)' : ''}, required check '${requiredCheck}'.`);
  let summary;
  try {
    summary = await github.getBranch(branch);
  } catch (error) {
    if (error instanceof GitHubFailure && error.kind === 'not-found')
      throw new BranchNotFound(`Branch '${branch}' does not exist in ${repository} (GET branch answered 404). Check github-branch.`);
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
  const ourRulesetIds = rules.ok
    ? [...new Set(rules.value.filter((rule) => rule.checks.some((check) => isAccepted(check.context, names))).map((rule) => rule.rulesetId))]
    : [];
  const [details, proof] = await Promise.all([
    Promise.all(ourRulesetIds.map(async (id) => [id, await readOrDenied(() => github.getRuleset(id))] as const)),
    knownProof !== undefined && knownProof.headSha === summary.headSha ? knownProof.proof : searchProof(github, branch, summary.headSha, checkRuns, names, log),
  ]);
  const rulesetDetails = new Map<number, Read<RulesetDetail>>(details);

  return { requiredCheck, repository, branch, defaultBranch, summary, rules, rulesetDetails, inactiveRulesets, classic, checkRuns, proof };
}
