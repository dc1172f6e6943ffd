import { escapeMarkdown } from '../report/escape.js';
import { renderGateReport } from '../report/markdown.js';
import type { RunInfo } from '../report/run-info.js';
import { fitToLimit, GITHUB_BODY_LIMIT, runLink } from './limit.js';
import { isPlanComment, planCommentMarker } from './markers.js';
import { writtenBy, type Author, type TokenIdentity } from './ownership.js';
import type { GateResult } from '../verdict.js';

export interface PullRequestComment {
  readonly id: number;
  readonly body: string;
  readonly createdAt: string;
  readonly author: Author | undefined;
}

/** What the lifecycle plan says, in the words of the comment's heading. */
export function planVerdict(lifecycle: GateResult): { readonly changed: boolean | undefined; readonly heading: string } {
  const details = lifecycle.details as { changed?: unknown; changes?: unknown } | undefined;
  const changes = Array.isArray(details?.changes) ? details.changes.filter((id): id is string => typeof id === 'string') : [];
  if (typeof details?.changed !== 'boolean' || lifecycle.status === 'ERROR' || lifecycle.status === 'UNVERIFIABLE') {
    return { changed: undefined, heading: `could not be made (${lifecycle.status})` };
  }
  if (!details.changed) return { changed: false, heading: 'no change' };
  return { changed: true, heading: `apply would change ${changes.map((id) => `\`${escapeMarkdown(id)}\``).join(', ')}` };
}

/** The comment: marker, verdict, where and when, then the lifecycle report (plan table, resulting configuration). */
export function renderPlanComment(
  lifecycle: GateResult,
  run: RunInfo,
  runUrl: string | undefined,
  headSha: string | undefined,
  limit = GITHUB_BODY_LIMIT,
): string {
  const verdict = planVerdict(lifecycle);
  const commit = headSha !== undefined && /^[0-9a-f]{7,64}$/.test(headSha) ? ` for ${headSha.slice(0, 12)}` : '';
  const head = [
    planCommentMarker(run.appEnv),
    `## Lifecycle plan for \`${run.appEnv}\`: ${verdict.heading}`,
    '',
    `Bucket \`${run.bucket}\` (${escapeMarkdown(run.endpoint)}), prefix \`${run.envPrefix}\`: planned at ${run.finishedAt}${commit} in ${runLink(runUrl)}. Nothing was changed; this comment is edited in place on every push.`,
    '',
  ].join('\n');
  const part = { full: renderGateReport(lifecycle, run), compact: renderGateReport(lifecycle, run, { compact: true }) };
  return fitToLimit(head, [part], runUrl, limit);
}

/** This environment's plan comments written by this token, oldest first: the first is the one to edit. */
export function ourPlanComments(comments: readonly PullRequestComment[], env: string, identity: TokenIdentity): PullRequestComment[] {
  return comments
    .filter((comment) => isPlanComment(comment.body, env) && writtenBy(comment.author, identity))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
}
