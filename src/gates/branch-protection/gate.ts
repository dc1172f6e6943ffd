import { evaluateProtection, type ProtectionAssessment, type RequirementRow } from '../../branch-protection/evaluate.js';
import { acceptedNames, isAccepted, isNearMiss } from '../../branch-protection/names.js';
import { GITHUB_ACTIONS_APP_ID, type CheckRunSeen } from '../../branch-protection/types.js';
import { GitHubFailure } from '../../clients/github-errors.js';
import { applyProtectionChange, changeSections, planProtectionChange, type ProtectionChange } from './change.js';
import { BranchNotFound, readProtectionEvidence } from './read.js';
import type { GateContext, GateDefinition } from '../types.js';
import { type Fact, type Finding, type GateOutcome, type Section, outcome } from '../../verdict.js';

/** Check-run rows shown in the report; the count is always given. */
const MAX_RUN_ROWS = 50;

/**
 * Proves that `required-check` is really required on the branch (runbook step 5): required by an
 * enforced ruleset or classic protection, under the exact name a GitHub Actions check run carries
 * on the branch head. Plan shows the change that would make it so; apply makes it.
 */
async function runBranchProtection({ config, github, log }: GateContext): Promise<GateOutcome> {
  const settings = config.github;
  const repository = settings.repository === undefined ? undefined : `${settings.repository.owner}/${settings.repository.repo}`;
  if (github === undefined || repository === undefined) {
    return outcome('No GitHub client: github-token and github-repository are required.', [
      {
        level: 'error',
        message: 'The branch-protection gate ran without a GitHub client.',
        remediation: 'Set github-token and github-repository (or GITHUB_REPOSITORY).',
      },
    ]);
  }
  const baseFacts: Fact[] = [
    { label: 'GitHub API', value: github.apiLabel },
    { label: 'Apply target', value: settings.target },
  ];
  try {
    const evidence = await readProtectionEvidence(github, repository, settings.branch, settings.requiredCheck, log);
    const assessment = evaluateProtection(evidence);
    if (settings.mode === 'check') return report(assessment, evidence.checkRuns, settings.requiredCheck, [], [], baseFacts);

    const change = await planProtectionChange(github, evidence, assessment, settings.target, repository);
    if (settings.mode === 'plan') {
      return report(
        assessment,
        evidence.checkRuns,
        settings.requiredCheck,
        planFindings(change, 'plan'),
        changeSections(change),
        baseFacts,
        planSummary(change),
      );
    }
    if (change.kind === 'none' || change.kind === 'blocked') {
      return report(assessment, evidence.checkRuns, settings.requiredCheck, planFindings(change, 'apply'), [], baseFacts);
    }
    const applied = await applyProtectionChange(github, change, evidence.branch, settings.requiredCheck);
    log.info(`Applied: ${change.description}`);
    // Judge what GitHub holds now, not what was meant to be written.
    const afterEvidence = await readProtectionEvidence(github, repository, evidence.branch, settings.requiredCheck, log, {
      headSha: evidence.summary.headSha,
      proof: evidence.proof,
    });
    const after = evaluateProtection(afterEvidence);
    return report(after, afterEvidence.checkRuns, settings.requiredCheck, applied, changeSections(change), baseFacts);
  } catch (error) {
    if (error instanceof BranchNotFound) {
      return outcome(error.message, [{ level: 'fail', message: error.message }], baseFacts);
    }
    if (error instanceof GitHubFailure) {
      const unknown = error.kind === 'permission' || error.kind === 'not-found' || error.kind === 'rate-limited';
      const remediation = remediationFor(error);
      return outcome(
        error.message,
        [{ level: unknown ? 'unverifiable' : 'error', message: error.message, ...(remediation ? { remediation } : {}) }],
        baseFacts,
      );
    }
    throw error;
  }
}

/**
 * What to do about a denied read. Check runs need checks: read, which the workflow token gets
 * from the job's permissions and fine-grained personal access tokens cannot get at all.
 */
function remediationFor(error: GitHubFailure): string | undefined {
  if (error.kind !== 'permission' && error.kind !== 'not-found') return undefined;
  if (error.operation.includes('/check-runs') || error.acceptedPermissions?.includes('checks') === true) {
    return "Pass the workflow token as github-token (the action's default) in a job with permissions checks: read and pull-requests: read; fine-grained personal access tokens cannot get checks: read, so give such a token as github-admin-token instead.";
  }
  return error.acceptedPermissions ? `Give the token '${error.acceptedPermissions}'.` : undefined;
}

function planFindings(change: ProtectionChange, mode: 'plan' | 'apply'): Finding[] {
  switch (change.kind) {
    case 'none':
      return [{ level: 'info', message: change.reason }];
    case 'blocked':
      return [change.finding];
    default:
      return mode === 'plan'
        ? [{ level: 'info', message: `Plan: ${change.description} Nothing was changed; branch-protection-mode: apply makes it (administration: write).` }]
        : [];
  }
}

function planSummary(change: ProtectionChange): string | undefined {
  return change.kind === 'classic' || change.kind === 'ruleset' ? `Plan: ${change.description}` : undefined;
}

function requirementRows(rows: readonly RequirementRow[]): string[][] {
  return rows.map((row) => [
    row.sourceLabel,
    row.context,
    row.appId === undefined ? 'any (not pinned)' : row.appId === GITHUB_ACTIONS_APP_ID ? `${row.appId} (GitHub Actions)` : String(row.appId),
    row.strict === undefined ? 'unknown' : row.strict ? 'on' : 'off',
    row.verdict,
    row.evidenceRun ? `check run #${row.evidenceRun.id} (app ${row.evidenceRun.appId ?? '?'})` : '',
  ]);
}

function runRows(runs: readonly CheckRunSeen[], requiredCheck: string): string[][] {
  const names = acceptedNames(requiredCheck);
  const match = (name: string) => (isAccepted(name, names) ? 'exact' : isNearMiss(name, names) ? 'similar, does not count' : '');
  const rank = (run: CheckRunSeen) => (isAccepted(run.name, names) ? 0 : isNearMiss(run.name, names) ? 1 : 2);
  return [...runs]
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, MAX_RUN_ROWS)
    .map((run) => [
      run.name,
      `${run.appSlug ?? 'unknown'} (${run.appId ?? '?'})`,
      `${run.status}${run.conclusion ? `/${run.conclusion}` : ''}`,
      String(run.id),
      match(run.name),
    ]);
}

function report(
  assessment: ProtectionAssessment,
  runs: readonly CheckRunSeen[],
  requiredCheck: string,
  extraFindings: readonly Finding[],
  extraSections: readonly Section[],
  baseFacts: readonly Fact[],
  summaryOverride?: string,
): GateOutcome {
  const sections: Section[] = [
    {
      kind: 'table',
      title: 'Required status checks',
      headers: ['Source', 'Context', 'App', 'Strict', 'Verdict', 'Evidence'],
      rows: requirementRows(assessment.requirements),
    },
    {
      kind: 'table',
      title: `Check runs on the head (${runs.length}${runs.length > MAX_RUN_ROWS ? `, first ${MAX_RUN_ROWS} shown` : ''})`,
      headers: ['Name', 'App', 'Status', 'Id', 'Match'],
      rows: runRows(runs, requiredCheck),
    },
    ...extraSections,
  ];
  const result = outcome(assessment.summary, [...assessment.findings, ...extraFindings], [...assessment.facts, ...baseFacts], sections);
  if (summaryOverride === undefined) return result;
  return { ...result, summary: `${summaryOverride} Now: ${assessment.summary}` };
}

export const branchProtectionGate: GateDefinition = {
  id: 'branch-protection',
  title: 'Branch protection: required check surreal-release-gates',
  report: 'branch-protection-surreal-release-gates-latest.md',
  mode: (config) => config.github.mode,
  run: runBranchProtection,
};
