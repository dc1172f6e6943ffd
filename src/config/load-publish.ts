import { readFileSync } from 'node:fs';
import type { InputName } from './inputs.js';
import type { Environment } from './load-github.js';
import { parseBoolean, parseChoice } from './parse.js';
import type { GitHubSettings, PublishSettings, PullRequestRef, S3Mode } from './types.js';
import { InputError, type SelectableGateId } from '../verdict.js';

interface Readers {
  readonly withDefault: (name: InputName) => string;
}

interface Selected {
  readonly gates: readonly SelectableGateId[];
  readonly mode: S3Mode;
  readonly github: GitHubSettings;
}

/**
 * What the run publishes on GitHub after the gates (drift issue, plan comment), and the facts of
 * the workflow run it needs: the link to the run and, in a pull_request run, the pull request.
 * Publishing never decides a verdict, but asking for it without what it needs is bad input.
 */
export function loadPublishSettings({ withDefault }: Readers, env: Environment, { gates, mode, github }: Selected): PublishSettings {
  const driftIssue = parseChoice('drift-issue', withDefault('drift-issue').trim().toLowerCase(), ['false', 'true', 'plan'] as const);
  const planComment = parseBoolean('plan-comment', withDefault('plan-comment'));
  const publishing = driftIssue !== 'false' || planComment;
  const which = [...(driftIssue !== 'false' ? ['drift-issue'] : []), ...(planComment ? ['plan-comment'] : [])].join(' and ');
  if (publishing && github.token === undefined) {
    throw new InputError('github-token', '', `a GitHub token for ${which}: the workflow token (default in the action) or GITHUB_TOKEN in the CLI`);
  }
  if (publishing && github.repository === undefined) {
    throw new InputError('github-repository', '', `owner/repo for ${which} (GITHUB_REPOSITORY is not set)`);
  }
  if (planComment && !gates.includes('lifecycle')) {
    throw new InputError('plan-comment', 'true', 'false, or the lifecycle gate in gates (the comment is its plan)');
  }
  if (planComment && mode !== 'plan') {
    throw new InputError('plan-comment', 'true', 'false, or mode: plan (a pull request shows what apply would change; it must not change the bucket)');
  }
  const eventName = nonEmpty(env.GITHUB_EVENT_NAME);
  const pullRequest = planComment && eventName === 'pull_request' ? readPullRequest(env.GITHUB_EVENT_PATH) : undefined;
  return {
    driftIssue: driftIssue === 'true' ? 'apply' : driftIssue === 'plan' ? 'plan' : 'off',
    planComment,
    eventName,
    pullRequest,
    runUrl: runUrl(env),
  };
}

/** The link to this workflow run, when the runner's variables say which run it is. */
function runUrl(env: Environment): string | undefined {
  const server = nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com';
  const repository = nonEmpty(env.GITHUB_REPOSITORY);
  const runId = nonEmpty(env.GITHUB_RUN_ID);
  if (repository === undefined || runId === undefined) return undefined;
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^\d+$/.test(runId)) return undefined;
  const attempt = nonEmpty(env.GITHUB_RUN_ATTEMPT);
  const suffix = attempt !== undefined && /^\d+$/.test(attempt) && attempt !== '1' ? `/attempts/${attempt}` : '';
  return `${server.replace(/\/$/, '')}/${repository}/actions/runs/${runId}${suffix}`;
}

interface PullRequestPayload {
  readonly number?: unknown;
  readonly pull_request?: {
    readonly number?: unknown;
    readonly head?: { readonly sha?: unknown; readonly repo?: { readonly full_name?: unknown } | null };
    readonly base?: { readonly repo?: { readonly full_name?: unknown } | null };
  };
}

/**
 * The pull request of a pull_request event, from the payload the runner writes. A pull request
 * whose head is in another repository (a fork, or a deleted one) runs with a read-only token.
 */
function readPullRequest(eventPath: string | undefined): PullRequestRef {
  if (eventPath === undefined || eventPath.trim() === '') return { problem: 'GITHUB_EVENT_PATH is not set, so the pull request is unknown' };
  let payload: PullRequestPayload;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8')) as PullRequestPayload;
  } catch (error) {
    return { problem: `the event payload (GITHUB_EVENT_PATH) could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const pull = payload.pull_request;
  const number = pull?.number ?? payload.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) return { problem: 'the event payload names no pull request number' };
  const head = pull?.head?.repo?.full_name;
  const base = pull?.base?.repo?.full_name;
  const fork = typeof head !== 'string' || typeof base !== 'string' || head.toLowerCase() !== base.toLowerCase();
  return { number, fork, headSha: typeof pull?.head?.sha === 'string' ? pull.head.sha : undefined };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
