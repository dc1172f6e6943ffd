import { acceptedNames, isAccepted, isNearMiss } from './names.js';
import { describeProofSource } from './proof-source.js';
import { conditionsTarget } from './ref-match.js';
import {
  GITHUB_ACTIONS_APP_ID,
  type CheckRunProof,
  type CheckRunSeen,
  type Denial,
  type ProofSearch,
  type ProtectionEvidence,
  type RequiredCheck,
  type RulesetDetail,
} from './types.js';
import type { Fact, Finding } from '../verdict.js';

export type RequirementSource = 'ruleset' | 'classic' | 'classic-summary';

/** One required context found on the branch, with where it comes from. */
export interface Requirement {
  readonly source: RequirementSource;
  readonly sourceLabel: string;
  readonly rulesetId: number | undefined;
  readonly context: string;
  readonly appId: number | undefined;
  /** Undefined when the source does not say (the branch summary). */
  readonly strict: boolean | undefined;
}

export type Verdict =
  | 'satisfied'
  | 'name not proved'
  | 'carried by no check run'
  | 'not from GitHub Actions'
  | 'pinned to another app'
  | 'not enforced'
  | 'similar name, does not count'
  | 'other check';

export interface RequirementRow extends Requirement {
  readonly verdict: Verdict;
  /** The check run that satisfies it, when one does. */
  readonly evidenceRun: CheckRunSeen | undefined;
}

export interface ProtectionAssessment {
  readonly findings: readonly Finding[];
  readonly requirements: readonly RequirementRow[];
  /**
   * The accepted name a GitHub Actions check run is proved to carry (on the head, a recent
   * commit or a merged pull request's head): the one to require. Undefined when none was found:
   * then nothing may be required, as a name no job emits blocks every pull request.
   */
  readonly emittedName: string | undefined;
  readonly summary: string;
  readonly facts: readonly Fact[];
}

const describeApp = (appId: number | undefined) =>
  appId === undefined ? 'any app (not pinned)' : appId === GITHUB_ACTIONS_APP_ID ? `GitHub Actions (${GITHUB_ACTIONS_APP_ID})` : `app ${appId}`;

export function describeDenial(denial: Denial): string {
  const permission = denial.permission ? `the token lacks '${denial.permission}'` : 'the token lacks the permission (GitHub did not name it)';
  return `${denial.operation} answered ${denial.status}: ${permission}`;
}

function rulesetLabel(id: number, detail: RulesetDetail | undefined, fallbackSource: string | undefined): string {
  if (detail === undefined) return `ruleset #${id}${fallbackSource ? ` (${fallbackSource})` : ''}`;
  return `ruleset #${id} '${detail.name}' (${detail.sourceType ?? 'source'} ${detail.source}, enforcement ${detail.enforcement})`;
}

/** Every required context on the branch, from rulesets and classic protection (or its summary). */
function collectRequirements(evidence: ProtectionEvidence): Requirement[] {
  const requirements: Requirement[] = [];
  if (evidence.rules.ok) {
    for (const rule of evidence.rules.value) {
      const detailRead = evidence.rulesetDetails.get(rule.rulesetId);
      const detail = detailRead?.ok ? detailRead.value : undefined;
      for (const check of rule.checks) {
        requirements.push({
          source: 'ruleset',
          sourceLabel: rulesetLabel(rule.rulesetId, detail, rule.rulesetSource),
          rulesetId: rule.rulesetId,
          context: check.context,
          appId: check.appId,
          strict: rule.strict,
        });
      }
    }
  }
  const classic = evidence.classic;
  if (classic !== 'not-read' && classic.ok && classic.value !== 'not-protected') {
    const status = classic.value.required_status_checks;
    const checks: RequiredCheck[] =
      status?.checks !== undefined
        ? status.checks.map((check) => ({ context: check.context, appId: check.app_id ?? undefined }))
        : (status?.contexts ?? []).map((context) => ({ context, appId: undefined }));
    for (const check of checks) {
      requirements.push({ source: 'classic', sourceLabel: 'classic branch protection', rulesetId: undefined, ...check, strict: status?.strict });
    }
  } else if (classic !== 'not-read' && !classic.ok) {
    const summary = evidence.summary.requiredStatusChecks;
    if (summary !== undefined && summary.enforcementLevel !== 'off') {
      for (const check of summary.checks) {
        requirements.push({
          source: 'classic-summary',
          sourceLabel: 'classic branch protection (branch summary)',
          rulesetId: undefined,
          ...check,
          strict: undefined,
        });
      }
    }
  }
  return requirements;
}

function verdictFor(
  requirement: Requirement,
  runs: readonly CheckRunSeen[],
  found: CheckRunProof | undefined,
): { verdict: Verdict; run: CheckRunSeen | undefined } {
  if (requirement.appId !== undefined && requirement.appId !== GITHUB_ACTIONS_APP_ID) return { verdict: 'pinned to another app', run: undefined };
  const onHead = runs.filter((run) => run.name === requirement.context);
  const fromActions = onHead.find((run) => run.appId === GITHUB_ACTIONS_APP_ID);
  if (fromActions !== undefined) return { verdict: 'satisfied', run: fromActions };
  if (found !== undefined && found.name === requirement.context) return { verdict: 'satisfied', run: found.run };
  if (onHead.length > 0) return { verdict: 'not from GitHub Actions', run: onHead[0] };
  if (found === undefined) return { verdict: 'name not proved', run: undefined };
  return { verdict: 'carried by no check run', run: undefined };
}

function runLabel(run: CheckRunSeen): string {
  const app = run.appSlug ? `${run.appSlug} (${run.appId ?? '?'})` : `app ${run.appId ?? 'unknown'}`;
  return `check run #${run.id} '${run.name}' by ${app}, ${run.status}${run.conclusion ? `/${run.conclusion}` : ''}`;
}

function emittedNameOf(proof: ProofSearch): string | undefined {
  return proof.found?.kind === 'accepted' ? proof.found.name : undefined;
}

/** What the proof search covered: "the head of main, its 19 previous commits and the head commits of 3 merged pull requests". */
function searchedLabel(proof: ProofSearch, branch: string): string {
  const previous = proof.branchCommits - 1;
  return `the head of ${branch}${previous > 0 ? `, its ${previous} previous commit(s)` : ''} and the head commits of ${proof.pullRequests} merged pull request(s)`;
}

function describeFound(found: CheckRunProof, branch: string): string {
  return `check run #${found.run.id} on ${describeProofSource(found, branch)}`;
}

/**
 * Judges whether `required-check` is really required on the branch: required by an enforced
 * ruleset or classic protection under a name GitHub Actions emits on the branch head.
 */
export function evaluateProtection(evidence: ProtectionEvidence): ProtectionAssessment {
  const names = acceptedNames(evidence.requiredCheck);
  const runs = evidence.checkRuns;
  const head = evidence.summary.headSha.slice(0, 12);
  const findings: Finding[] = [];
  const requirements = collectRequirements(evidence);
  const found = evidence.proof.found;
  const emittedName = emittedNameOf(evidence.proof);
  const acceptedList = names.all.map((name) => `'${name}'`).join(' or ');
  const seenNames = [...new Set(runs.map((run) => run.name))];
  const seenLabel = seenNames.length === 0 ? 'none' : seenNames.map((name) => `'${name}'`).join(', ');

  // Rulesets behind our requirements: not enforced, bypassable, or unreadable.
  const notEnforced = new Set<number>();
  const rulesetIds = [...new Set(requirements.filter((r) => r.source === 'ruleset' && isAccepted(r.context, names)).map((r) => r.rulesetId ?? -1))];
  for (const id of rulesetIds) {
    const read = evidence.rulesetDetails.get(id);
    if (read === undefined) continue;
    if (!read.ok) {
      findings.push({
        level: 'unverifiable',
        message: `Ruleset #${id} requires the check, but its details could not be read: its enforcement and bypass actors are unknown.`,
        evidence: describeDenial(read.denied),
        remediation: `Give github-token ${read.denied.permission ?? 'read access to the ruleset (administration: read)'}, or check ruleset #${id} in the repository settings.`,
      });
      continue;
    }
    const detail = read.value;
    if (detail.enforcement !== 'active') {
      notEnforced.add(id);
      findings.push({
        level: 'warn',
        message: `Ruleset #${id} '${detail.name}' is in ${detail.enforcement} mode: it enforces nothing.`,
        remediation: `Set ruleset '${detail.name}' to Active.`,
      });
    }
    if (detail.bypassActors === undefined) {
      findings.push({
        level: 'info',
        message: `Ruleset #${id} '${detail.name}': bypass actors are not visible to this token (GitHub shows them only with write access to the ruleset).`,
      });
    } else if (detail.bypassActors.length > 0) {
      const actors = detail.bypassActors.map(
        (actor) => `${actor.actorType}${actor.actorId !== undefined ? ` #${actor.actorId}` : ''} (${actor.bypassMode ?? 'always'})`,
      );
      findings.push({
        level: 'warn',
        message: `Ruleset #${id} '${detail.name}' can be bypassed by ${actors.length} actor(s): they can merge without the check.`,
        evidence: actors.join(', '),
        remediation: 'Remove bypass actors that do not need to skip the release gates.',
      });
    }
  }

  const rows: RequirementRow[] = requirements.map((requirement) => {
    if (!isAccepted(requirement.context, names)) {
      return { ...requirement, verdict: isNearMiss(requirement.context, names) ? 'similar name, does not count' : 'other check', evidenceRun: undefined };
    }
    if (requirement.rulesetId !== undefined && notEnforced.has(requirement.rulesetId))
      return { ...requirement, verdict: 'not enforced', evidenceRun: undefined };
    const { verdict, run } = verdictFor(requirement, runs, found);
    return { ...requirement, verdict, evidenceRun: run };
  });
  const ours = rows.filter((row) => isAccepted(row.context, names) && row.verdict !== 'not enforced');
  // The page form's check-run name gets a finding of its own that says which name to use.
  const pageFormRequired = names.pageForm !== undefined && rows.some((row) => row.context === names.pageForm);
  const nearMisses = rows.filter((row) => row.verdict === 'similar name, does not count' && row.context !== names.pageForm);

  if (names.pageForm !== undefined && (found?.kind === 'page-form' || pageFormRequired)) {
    const shown =
      found?.kind === 'page-form'
        ? `GitHub Actions emits '${names.pageForm}' (${describeFound(found, evidence.branch)})`
        : `'${names.pageForm}' is what branch protection requires here`;
    findings.push({
      level: 'fail',
      message: `required-check '${evidence.requiredCheck}' is the pull request page's label (workflow name / caller job / job), not a check-run name: ${shown}. Branch protection matches check-run names exactly.`,
      remediation: `Set required-check to '${names.pageForm}'.`,
    });
  }

  for (const row of nearMisses) {
    findings.push({
      level: ours.length > 0 ? 'info' : 'fail',
      message: `'${row.context}' (${row.sourceLabel}) is required, but it is not ${acceptedList}: a similar name does not count.`,
      remediation: `Require exactly ${emittedName !== undefined ? `'${emittedName}'` : acceptedList}.`,
    });
  }

  // Rulesets in evaluate (or disabled) mode that would require the check on this branch.
  if (evidence.inactiveRulesets.ok) {
    for (const ruleset of evidence.inactiveRulesets.value) {
      const targets = ruleset.refConditions !== undefined && conditionsTarget(ruleset.refConditions, evidence.branch, evidence.defaultBranch);
      const requires = ruleset.requiredChecks.filter((check) => isAccepted(check.context, names));
      if (!targets || requires.length === 0) continue;
      findings.push({
        level: 'warn',
        message: `Ruleset #${ruleset.id} '${ruleset.name}' would require ${requires.map((check) => `'${check.context}'`).join(', ')} on ${evidence.branch}, but it is in ${ruleset.enforcement} mode: it blocks nothing.`,
        remediation: `Set ruleset '${ruleset.name}' to Active to enforce it.`,
      });
    }
  } else {
    findings.push({ level: 'info', message: `Rulesets in evaluate mode were not checked: ${describeDenial(evidence.inactiveRulesets.denied)}.` });
  }

  const rulesDenied = evidence.rules.ok ? undefined : evidence.rules.denied;
  const classicDenied = evidence.classic !== 'not-read' && !evidence.classic.ok ? evidence.classic.denied : undefined;
  const classicUnknown = classicDenied !== undefined && evidence.summary.requiredStatusChecks === undefined;

  if (ours.length === 0) {
    const unknown = [rulesDenied, classicUnknown ? classicDenied : undefined].filter((denial): denial is Denial => denial !== undefined);
    if (unknown.length > 0) {
      findings.push({
        level: 'unverifiable',
        message: `Could not prove that '${evidence.requiredCheck}' is required on ${evidence.branch}: ${unknown.map(describeDenial).join('; ')}.`,
        evidence: `Readable sources require: ${requirements.length === 0 ? 'nothing' : requirements.map((r) => `'${r.context}'`).join(', ')}.`,
        remediation: `Give github-token ${unknown.map((denial) => denial.permission ?? 'administration: read').join(' and ')} (a fine-grained token or GitHub App token; the workflow token can never read classic protection), or require the check in a ruleset, which the workflow token can read.`,
      });
    } else {
      findings.push({
        level: 'fail',
        message: `Neither rulesets nor classic branch protection require ${acceptedList} on ${evidence.branch}.`,
        evidence: `Required contexts: ${requirements.length === 0 ? 'none' : requirements.map((r) => `'${r.context}' (${r.sourceLabel})`).join(', ')}.`,
        remediation:
          emittedName !== undefined
            ? `Require '${emittedName}' pinned to GitHub Actions in a ruleset or in branch protection (branch-protection-mode: plan shows the change, apply makes it).`
            : 'Run the workflow once on a pull request or the branch, so that the gate can prove the name its job emits; then require that name pinned to GitHub Actions (branch-protection-mode: plan shows the change, apply makes it).',
      });
    }
  }

  if (found === undefined) {
    const denials = evidence.proof.denials;
    findings.push({
      level: 'unverifiable',
      message: `No GitHub Actions check run named ${acceptedList} was found on ${searchedLabel(evidence.proof, evidence.branch)}: that a job emits the required name cannot be proved, and a required name that no job emits blocks every pull request.`,
      evidence: `Check runs on the head: ${seenLabel}.${denials.length > 0 ? ` Not searched: ${denials.map(describeDenial).join('; ')}.` : ''}`,
      remediation: `Run the workflow once on a pull request or the branch first, then run this gate again.${
        denials.length > 0 ? ` Give the job the permissions named above (checks: read, pull-requests: read) for github-token.` : ''
      }`,
    });
  }
  for (const row of ours) {
    const where = `'${row.context}' (${row.sourceLabel})`;
    switch (row.verdict) {
      case 'satisfied':
        findings.push({
          level: 'info',
          message: `${where} is required, pinned to ${describeApp(row.appId)}, and emitted ${
            found !== undefined && row.evidenceRun?.id === found.run.id ? `on ${describeProofSource(found, evidence.branch)}` : `on the head ${head}`
          }.`,
          ...(row.evidenceRun ? { evidence: runLabel(row.evidenceRun) } : {}),
        });
        if (row.appId === undefined) {
          findings.push({
            level: 'warn',
            message: `${where} is not pinned to GitHub Actions (${GITHUB_ACTIONS_APP_ID}): any app allowed to post statuses could satisfy it with a passing '${row.context}'.`,
            remediation: `Pin the required check to GitHub Actions (app id ${GITHUB_ACTIONS_APP_ID}).`,
          });
        }
        break;
      case 'carried by no check run':
        findings.push({
          level: 'fail',
          message: `${where} is required, but GitHub Actions emits ${found ? `'${found.name}' (${describeFound(found, evidence.branch)})` : 'another name'}, not this one: every pull request would wait for it forever.`,
          evidence: `Check runs on the head: ${seenLabel}.`,
          remediation:
            emittedName !== undefined && emittedName !== row.context
              ? `Require '${emittedName}' (the name the job emits) instead.`
              : found?.kind === 'page-form'
                ? `Set required-check to '${found.name}' and require that name.`
                : `Make a job emit exactly '${row.context}' (a plain job emits its job name; a caller job 'X' calling a reusable workflow emits 'X / job'), or require the name it emits; a workflow skipped by path filters emits nothing.`,
        });
        break;
      case 'not from GitHub Actions':
        findings.push({
          level: 'fail',
          message: `${where} is required, but on the head ${head} only another app posts it, not GitHub Actions.`,
          ...(row.evidenceRun ? { evidence: runLabel(row.evidenceRun) } : {}),
          remediation: `Make the GitHub Actions job emit '${row.context}' and pin the requirement to GitHub Actions (${GITHUB_ACTIONS_APP_ID}).`,
        });
        break;
      case 'pinned to another app':
        findings.push({
          level: 'fail',
          message: `${where} is pinned to ${describeApp(row.appId)}: the GitHub Actions job can never satisfy it.`,
          remediation: `Pin it to GitHub Actions (${GITHUB_ACTIONS_APP_ID}).`,
        });
        break;
      default:
        break;
    }
  }

  // Strict mode and admin enforcement of the sources that carry our requirement.
  const sourcesOfOurs = [...new Map(ours.map((row) => [row.sourceLabel, row])).values()];
  for (const row of sourcesOfOurs) {
    const strict = row.strict === undefined ? 'unknown (the branch summary does not show it)' : row.strict ? 'on' : 'off';
    findings.push({ level: 'info', message: `Strict mode (branch must be up to date before merging) in ${row.sourceLabel}: ${strict}.` });
  }
  const classic = evidence.classic;
  const oursInClassic = ours.some((row) => row.source === 'classic' || row.source === 'classic-summary');
  if (oursInClassic && classic !== 'not-read' && classic.ok && classic.value !== 'not-protected' && classic.value.enforce_admins?.enabled !== true) {
    findings.push({
      level: 'warn',
      message: 'Classic branch protection does not apply to administrators (enforce_admins off): they can merge without the check.',
      remediation: "Enable 'Do not allow bypassing the above settings'.",
    });
  }
  if (oursInClassic && classicDenied !== undefined) {
    if (evidence.summary.requiredStatusChecks?.enforcementLevel === 'non_admins') {
      findings.push({
        level: 'warn',
        message: 'The branch summary says required checks apply to non-administrators only: administrators can merge without the check.',
      });
    }
    findings.push({
      level: 'info',
      message: `Classic protection details not readable (${describeDenial(classicDenied)}); the requirement was read from the branch summary.`,
    });
  }
  if (ours.length > 0 && rulesDenied !== undefined) {
    findings.push({ level: 'info', message: `Rulesets not read: ${describeDenial(rulesDenied)}.` });
  }

  const facts: Fact[] = [
    { label: 'Repository', value: evidence.repository },
    { label: 'Branch', value: `${evidence.branch}${evidence.branch === evidence.defaultBranch ? ' (default branch)' : ''}` },
    { label: 'Head', value: evidence.summary.headSha },
    { label: 'Required check', value: evidence.requiredCheck },
    { label: 'Names that count', value: names.all.join(' | ') },
    {
      label: 'Emitted name',
      value:
        found === undefined
          ? `unproved: none on ${searchedLabel(evidence.proof, evidence.branch)}`
          : `${found.name}${found.kind === 'page-form' ? ' (not required-check: its check-run form)' : ''}, ${describeFound(found, evidence.branch)}`,
    },
    {
      label: 'Rulesets',
      value: evidence.rules.ok
        ? `${new Set(evidence.rules.value.map((rule) => rule.rulesetId)).size} with required checks`
        : describeDenial(evidence.rules.denied),
    },
    {
      label: 'Classic protection',
      value:
        classic === 'not-read'
          ? 'none (branch summary: not protected)'
          : classic.ok
            ? classic.value === 'not-protected'
              ? 'none'
              : 'read'
            : describeDenial(classic.denied),
    },
    { label: 'Check runs on head', value: String(runs.length) },
  ];
  return { findings, requirements: rows, emittedName, summary: summarize(findings, evidence, ours), facts };
}

function summarize(findings: readonly Finding[], evidence: ProtectionEvidence, ours: readonly RequirementRow[]): string {
  const deciding = ['error', 'fail', 'unverifiable', 'warn']
    .map((level) => findings.find((finding) => finding.level === level))
    .find((finding) => finding !== undefined);
  if (deciding !== undefined && deciding.level !== 'warn') return deciding.message;
  const sources = [...new Set(ours.map((row) => row.sourceLabel))].join(' and ');
  const base = `'${evidence.requiredCheck}' is required on ${evidence.branch} by ${sources}.`;
  return deciding === undefined ? base : `${base} Warning: ${deciding.message}`;
}

/** Nothing for apply to do: every enforced requirement of ours is met, and at least one is pinned to GitHub Actions. */
export function isCompliant(assessment: ProtectionAssessment, requiredCheck: string): boolean {
  const names = acceptedNames(requiredCheck);
  const ours = assessment.requirements.filter((row) => isAccepted(row.context, names) && row.verdict !== 'not enforced');
  return ours.length > 0 && ours.every((row) => row.verdict === 'satisfied') && ours.some((row) => row.appId === GITHUB_ACTIONS_APP_ID);
}
