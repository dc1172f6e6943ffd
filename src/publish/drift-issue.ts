import { GitHubFailure } from '../clients/github-errors.js';
import type { IssueSeen } from '../clients/github-issues.js';
import { decideDrift, describeStep, DRIFT_LABEL, driftTitle, type DriftStep, type TrackedIssue } from '../drift/decide.js';
import { renderDriftIssueBody, renderDuplicateComment, renderResolvedComment, type DriftReport } from '../drift/issue-body.js';
import { markdownLink } from '../drift/limit.js';
import { escapeMarkdown } from '../report/escape.js';
import { readDriftMarker } from '../drift/markers.js';
import { writtenBy } from '../drift/ownership.js';
import type { PublishContext, StepReport } from './context.js';

const toTracked = (issue: IssueSeen): TrackedIssue => ({ id: issue.id, number: issue.number, body: issue.body, createdAt: issue.createdAt });

/**
 * Keeps the environment's drift issue in step with this run: finds it by its marker among the
 * open issues (labels can be dropped, so they are not searched), decides (src/drift/decide.ts),
 * then does it, or with drift-issue: plan only says it. Throws nothing the caller must handle
 * beyond GitHubFailure.
 */
export async function publishDriftIssue(context: PublishContext): Promise<StepReport> {
  const { config, gates, log, github } = context;
  const env = config.appEnv;
  const passing = gates.find((gate) => gate.id === 'go-no-go')?.status === 'PASS';
  const listing = await github.listOpenIssues();
  const marked = listing.items.filter((issue) => readDriftMarker(issue.body)?.env === env);
  const identity = marked.length > 0 ? await context.identity() : undefined;
  const ours = identity === undefined ? [] : marked.filter((issue) => writtenBy(issue.author, identity));
  if (ours.length < marked.length) {
    log.info(`${marked.length - ours.length} open issue(s) carry the drift marker of ${env} but were not written by this token: left alone.`);
  }
  const steps = decideDrift(passing, ours.map(toTracked));
  const title = `Drift issue for \`${env}\``;
  if (!listing.complete && steps.some((step) => step.kind === 'open')) {
    return {
      line: `${title}: not opened.`,
      problem: `Drift issue for ${env}: the repository has more open issues than this action reads (${listing.items.length}); not opening another, since one may already exist. The gates' results are unchanged.`,
    };
  }
  const decision = steps.length === 0 ? 'nothing to do: every gate passes and no drift issue is open' : steps.map((step) => describeStep(step, env)).join('; ');
  if (config.publish.driftIssue === 'plan') {
    log.info(`Drift issue for ${env} (drift-issue: plan, nothing written): would ${decision}.`);
    return { line: `${title} (plan, nothing written): would ${decision}.` };
  }
  log.info(`Drift issue for ${env}: ${decision}.`);
  const report: DriftReport = { gates, run: context.run, runUrl: config.publish.runUrl };
  const done: string[] = [];
  try {
    for (const step of steps) done.push(await carryOut(step, context, report));
  } catch (error) {
    if (!(error instanceof GitHubFailure)) throw error;
    const so = done.length > 0 ? ` (done before: ${done.join('; ')})` : '';
    return {
      line: `${title}: ${done.length > 0 ? `${done.join('; ')}; then ` : ''}failed: ${escapeMarkdown(error.message)}`,
      problem: `Drift issue for ${env}${so}: ${error.message} The gates' results are unchanged.`,
    };
  }
  return { line: `${title}: ${done.length > 0 ? done.join('; ') : decision}.` };
}

async function carryOut(step: DriftStep, context: PublishContext, report: DriftReport): Promise<string> {
  const { github, redact, config, log } = context;
  const now = context.now().toISOString();
  const link = (number: number) => `#${number}`;
  switch (step.kind) {
    case 'open': {
      const created = await github.createIssue(driftTitle(config.appEnv), redact(renderDriftIssueBody(report, now, now)), [DRIFT_LABEL]);
      if (!created.labels.includes(DRIFT_LABEL))
        log.info(`Issue #${created.number} has no label ${DRIFT_LABEL} (GitHub drops labels for tokens without push access); its marker still finds it.`);
      return `opened ${markdownLink(link(created.number), created.htmlUrl)}`;
    }
    case 'update':
      await github.updateIssueBody(step.issue.number, redact(renderDriftIssueBody(report, step.firstSeen, now)));
      return `updated ${link(step.issue.number)} (first seen ${step.firstSeen})`;
    case 'resolve':
      await github.createComment(step.issue.number, redact(renderResolvedComment(report, now)));
      await github.closeIssue(step.issue.number, 'completed');
      return `closed ${link(step.issue.number)}: every gate passes again`;
    case 'duplicate':
      await github.createComment(step.issue.number, redact(renderDuplicateComment(config.appEnv, step.original.number, config.publish.runUrl)));
      await github.closeIssue(step.issue.number, { duplicateOfId: step.original.id });
      return `closed ${link(step.issue.number)} as a duplicate of ${link(step.original.number)}`;
  }
}
