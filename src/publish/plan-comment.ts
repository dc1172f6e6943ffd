import { GitHubFailure } from '../clients/github-errors.js';
import { markdownLink } from '../drift/limit.js';
import { escapeMarkdown } from '../report/escape.js';
import { isPlanComment } from '../drift/markers.js';
import { ourPlanComments, planVerdict, renderPlanComment } from '../drift/plan-comment.js';
import type { PublishContext, StepReport } from './context.js';

const IN_SUMMARY = 'The plan is in this job summary (the lifecycle report).';

/**
 * Posts the lifecycle plan on the pull request as one comment per environment, or edits the one
 * this token posted before (found by its marker among all comments, page by page). Fork pull
 * requests run with a read-only token: the plan stays in the job summary, and the run says so.
 */
export async function publishPlanComment(context: PublishContext): Promise<StepReport> {
  const { config, gates, log, github } = context;
  const { pullRequest, eventName } = config.publish;
  const env = config.appEnv;
  if (eventName !== 'pull_request' || pullRequest === undefined) {
    log.info(`plan-comment: this is not a pull_request run (${eventName ?? 'no GitHub event'}); nothing posted.`);
    return { line: `Plan comment for \`${env}\`: not a pull_request run, nothing posted.` };
  }
  if (pullRequest.problem !== undefined) {
    return { line: `Plan comment for \`${env}\`: not posted. ${IN_SUMMARY}`, problem: `plan-comment: ${pullRequest.problem}. ${IN_SUMMARY}` };
  }
  const title = `Plan comment for \`${env}\` on #${pullRequest.number}`;
  if (pullRequest.fork) {
    log.info(`plan-comment: pull request #${pullRequest.number} comes from a fork, whose runs get a read-only token; not posted. ${IN_SUMMARY}`);
    return { line: `${title}: not posted: the pull request comes from a fork, and its runs get a read-only token. ${IN_SUMMARY}` };
  }
  const lifecycle = gates.find((gate) => gate.id === 'lifecycle');
  if (lifecycle === undefined) return { line: `${title}: not posted.`, problem: 'plan-comment: the run has no lifecycle result to post.' };
  const body = context.redact(renderPlanComment(lifecycle, context.run, config.publish.runUrl, pullRequest.headSha));
  const verdict = planVerdict(lifecycle).heading;
  try {
    const listing = await github.listComments(pullRequest.number);
    const marked = listing.items.filter((comment) => isPlanComment(comment.body, env));
    const ours = marked.length > 0 ? ourPlanComments(marked, env, await context.identity()) : [];
    if (!listing.complete && ours.length === 0)
      log.warning(`plan-comment: #${pullRequest.number} has more comments than this action reads; an earlier plan comment may be beyond them.`);
    const [existing, ...extras] = ours;
    if (extras.length > 0)
      log.info(
        `plan-comment: ${extras.length} more plan comment(s) of ${env} on #${pullRequest.number} (overlapping runs); the oldest is the one kept up to date.`,
      );
    if (existing !== undefined) {
      const updated = await github.updateComment(existing.id, body);
      log.info(`plan-comment: updated comment ${existing.id} on #${pullRequest.number}: ${verdict}.`);
      return { line: `${title}: ${markdownLink('updated', updated.htmlUrl)} (${verdict}).` };
    }
    const created = await github.createComment(pullRequest.number, body);
    log.info(`plan-comment: posted comment ${created.id} on #${pullRequest.number}: ${verdict}.`);
    return { line: `${title}: ${markdownLink('posted', created.htmlUrl)} (${verdict}).` };
  } catch (error) {
    if (!(error instanceof GitHubFailure)) throw error;
    return {
      line: `${title}: not posted: ${escapeMarkdown(error.message)} ${IN_SUMMARY}`,
      problem: `plan-comment: ${error.message} ${IN_SUMMARY} The gates' results are unchanged.`,
    };
  }
}
