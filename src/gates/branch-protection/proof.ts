import type { AcceptedNames } from '../../branch-protection/names.js';
import { proofNames, proofOnHead } from '../../branch-protection/proof-source.js';
import {
  GITHUB_ACTIONS_APP_ID,
  type CheckRunProof,
  type CheckRunSeen,
  type Denial,
  type ProofSearch,
  type ProofSource,
} from '../../branch-protection/types.js';
import type { GitHubGateway } from '../../clients/github.js';
import type { Logger } from '../../util/logger.js';
import { readOrDenied } from './denial.js';

/** Commits of the branch looked at, the head included (one page of GET .../commits). */
export const RECENT_COMMITS = 20;
/** Closed pull requests into the branch read (one page), of which the merged ones are looked at. */
export const RECENT_PULL_REQUESTS = 20;

interface Candidate {
  readonly sha: string;
  readonly source: ProofSource;
}

/**
 * Which name GitHub Actions really emits. The head's check runs are read already; when none of
 * them is a GitHub Actions run with an accepted name, the branch's recent commits are searched,
 * then the head commits of recently merged pull requests (CI that runs only on pull_request
 * leaves no check run on the branch), with the check-runs endpoint's check_name and app_id
 * filters, commit by commit, stopping at the first hit. A required-check of three parts is also
 * looked for in the check-run form the pull request page shows that way (the names' pageForm).
 */
export async function searchProof(
  github: GitHubGateway,
  branch: string,
  headSha: string,
  headRuns: readonly CheckRunSeen[],
  accepted: AcceptedNames,
  log: Logger,
): Promise<ProofSearch> {
  const names = proofNames(accepted);
  const kindOf = (name: string): CheckRunProof['kind'] => (accepted.all.includes(name) ? 'accepted' : 'page-form');
  const denials: Denial[] = [];
  const result = (found: CheckRunProof | undefined, branchCommits: number, pullRequests: number): ProofSearch => ({
    found,
    names,
    branchCommits,
    pullRequests,
    denials,
  });

  const onHead = proofOnHead(headSha, headRuns, accepted);
  if (onHead !== undefined) return result(onHead, 1, 0);

  const commits = await readOrDenied(() => github.listRecentCommits(branch, RECENT_COMMITS));
  if (!commits.ok) denials.push(commits.denied);
  const branchShas = commits.ok ? commits.value : [];
  const seen = new Set([headSha]);
  const onBranch: Candidate[] = [];
  branchShas.forEach((sha, index) => {
    if (seen.has(sha)) return;
    seen.add(sha);
    onBranch.push({ sha, source: { kind: 'branch-commit', position: index } });
  });
  log.info(
    `No GitHub Actions check run named ${names.map((name) => `'${name}'`).join(' or ')} on the head of ${branch}: searching its ${onBranch.length} previous commit(s), then merged pull requests.`,
  );
  const onBranchHit = await firstHit(github, onBranch, names, kindOf, denials);
  const branchCommits = 1 + onBranch.length;
  if (onBranchHit !== undefined) return result(onBranchHit, branchCommits, 0);

  const pulls = await readOrDenied(() => github.listMergedPullRequests(branch, RECENT_PULL_REQUESTS));
  if (!pulls.ok) denials.push(pulls.denied);
  const pullCandidates: Candidate[] = [];
  for (const pull of pulls.ok ? pulls.value : []) {
    if (seen.has(pull.headSha)) continue;
    seen.add(pull.headSha);
    pullCandidates.push({ sha: pull.headSha, source: { kind: 'pull-request', number: pull.number } });
  }
  const pullHit = await firstHit(github, pullCandidates, names, kindOf, denials);
  return result(pullHit, branchCommits, pullCandidates.length);
}

/**
 * The first candidate, in order, that carries one of the names (in order) from GitHub Actions.
 * The names of one commit are asked for together; the next commit only when none was there.
 */
async function firstHit(
  github: GitHubGateway,
  candidates: readonly Candidate[],
  names: readonly string[],
  kindOf: (name: string) => CheckRunProof['kind'],
  denials: Denial[],
): Promise<CheckRunProof | undefined> {
  for (const candidate of candidates) {
    const reads = await Promise.all(names.map((name) => readOrDenied(() => github.findCheckRun(candidate.sha, name, GITHUB_ACTIONS_APP_ID))));
    for (const [index, read] of reads.entries()) {
      const name = names[index] ?? '';
      if (!read.ok) {
        // A commit GitHub no longer has (a pull request's head pushed over) is skipped; a missing
        // permission is the same for every commit: reported once, and the search stops.
        if (read.denied.status === 404) continue;
        denials.push(read.denied);
        return undefined;
      }
      if (read.value !== undefined) return { name, kind: kindOf(name), run: read.value, sha: candidate.sha, source: candidate.source };
    }
  }
  return undefined;
}
