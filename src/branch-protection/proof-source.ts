import type { AcceptedNames } from './names.js';
import { GITHUB_ACTIONS_APP_ID, type CheckRunProof, type CheckRunSeen } from './types.js';

/** The names a proof is searched for, in order: the accepted ones, then the page form's check-run name. */
export function proofNames(names: AcceptedNames): string[] {
  return [...names.all, ...(names.pageForm !== undefined && !names.all.includes(names.pageForm) ? [names.pageForm] : [])];
}

/** The first name (in proofNames order) that a GitHub Actions check run on the head carries. */
export function proofOnHead(headSha: string, runs: readonly CheckRunSeen[], names: AcceptedNames): CheckRunProof | undefined {
  for (const name of proofNames(names)) {
    const run = runs.find((candidate) => candidate.name === name && candidate.appId === GITHUB_ACTIONS_APP_ID);
    if (run !== undefined) return { name, kind: names.all.includes(name) ? 'accepted' : 'page-form', run, sha: headSha, source: { kind: 'head' } };
  }
  return undefined;
}

/** Where a proof was found, for findings: "the head", "commit 3 of main", "the head of merged pull request #12". */
export function describeProofSource(proof: CheckRunProof, branch: string): string {
  const sha = proof.sha.slice(0, 12);
  switch (proof.source.kind) {
    case 'head':
      return `the head ${sha} of ${branch}`;
    case 'branch-commit':
      return `commit ${sha} of ${branch} (${proof.source.position} before the head)`;
    case 'pull-request':
      return `${sha}, the head of merged pull request #${proof.source.number}`;
  }
}
