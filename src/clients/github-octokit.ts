import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from '../util/logger.js';
import { VERSION } from '../version.js';
import { describeGitHubError, type GitHubTarget } from './github-errors.js';

/**
 * An Octokit with this project's policy for GitHub (the same as the branch-protection gate's
 * client): a time limit per attempt, 5xx and network errors retried twice, rate limits waited
 * out within a bound, every attempt counted. Used by the publishing clients.
 */

export interface OctokitSettings {
  readonly apiUrl: URL;
  readonly token: string;
  /** Time limit of one HTTP attempt. */
  readonly timeoutMs: number;
}

export interface OctokitOptions {
  /** Base of the retry plugin's backoff; tests shorten it. */
  readonly retryBaseMs?: number;
  readonly rateLimitMaxWaitSeconds?: number;
}

/** Retries of a failed attempt (5xx, network, timeout), each after 1 s, 4 s (the plugin's backoff). */
export const GITHUB_RETRIES = 2;
/** Rate-limit waits per request, and their total for the whole run; beyond that the call fails. */
export const RATE_LIMIT_RETRIES = 2;
export const RATE_LIMIT_MAX_WAIT_SECONDS = 120;

const ThrottledOctokit = Octokit.plugin(retry, throttling);
export type PolicyOctokit = InstanceType<typeof ThrottledOctokit>;

export interface GitHubConnection {
  readonly octokit: PolicyOctokit;
  readonly apiLabel: string;
  /** Runs one API operation: logs its time, turns any failure into a GitHubFailure naming the permission. */
  call<T>(operation: string, send: () => Promise<T>): Promise<T>;
  /** HTTP attempts sent so far, by "METHOD /path" (retries counted). */
  requestCounts(): Readonly<Record<string, number>>;
}

/** Counters shared by the Octokits of one gateway: attempts by request, seconds waited on rate limits. */
export interface OctokitBudget {
  readonly counts: Record<string, number>;
  waitedSeconds: number;
}

/**
 * One Octokit with this project's policy; every attempt (first try, retry, rate-limit retry) goes
 * through one fetch with its own time limit, counted in `budget`, whose rate-limit wait is bounded
 * across every Octokit that shares it.
 */
export function policyOctokit(
  apiLabel: string,
  token: string,
  timeoutMs: number,
  log: Logger,
  budget: OctokitBudget,
  options: OctokitOptions = {},
): PolicyOctokit {
  const maxWait = options.rateLimitMaxWaitSeconds ?? RATE_LIMIT_MAX_WAIT_SECONDS;
  const timedFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    budget.counts[key] = (budget.counts[key] ?? 0) + 1;
    if ((budget.counts[key] ?? 0) > 1) log.debug(`GitHub ${key}: attempt ${budget.counts[key]}`);
    const signals = [AbortSignal.timeout(timeoutMs), ...(init?.signal ? [init.signal] : [])];
    const response = await fetch(input, { ...init, signal: AbortSignal.any(signals) });
    if (response.status >= 500 || response.status === 429) log.warning(`GitHub ${key}: HTTP ${response.status}; retrying within the bounds`);
    return response;
  };

  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const within = retryCount < RATE_LIMIT_RETRIES && budget.waitedSeconds + retryAfter <= maxWait;
    if (!within) {
      log.warning(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}: retry-after ${retryAfter} s is beyond the bound (${RATE_LIMIT_RETRIES} waits, ${maxWait} s in all); giving up.`,
      );
      return false;
    }
    budget.waitedSeconds += retryAfter;
    log.warning(`GitHub ${kind} rate limit on ${request.method} ${request.url}: waiting ${retryAfter} s (wait ${retryCount + 1} of ${RATE_LIMIT_RETRIES}).`);
    return true;
  };

  return new ThrottledOctokit({
    auth: token,
    baseUrl: apiLabel,
    userAgent: `surreal-release-gates/${VERSION}`,
    headers: { 'x-github-api-version': '2022-11-28' },
    request: { fetch: timedFetch },
    log: {
      debug: (message: string) => log.debug(message),
      info: (message: string) => log.debug(message),
      warn: (message: string) => log.warning(message),
      error: (message: string) => log.debug(message),
    },
    retry: {
      retries: GITHUB_RETRIES,
      // 429 is the throttling plugin's (it honours retry-after); other 4xx answers do not change on
      // retry. A POST that failed with a 5xx may have been done: retrying it can create twice, which
      // the drift watch's next run tidies up (duplicates are closed), so the bounded retry stays.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      ...(options.retryBaseMs !== undefined ? { retryAfterBaseValue: options.retryBaseMs } : {}),
    },
    throttle: {
      // Bottleneck groups are shared per id: one per client keeps runs apart.
      id: `srg-${Math.random().toString(36).slice(2)}`,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
  });
}

/** Runs one API operation: logs its time, turns any failure into a GitHubFailure naming the permission. */
export async function callGitHub<T>(log: Logger, target: GitHubTarget, operation: string, send: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await send();
    log.debug(`GitHub ${operation}: ${Math.round(performance.now() - started)} ms`);
    return result;
  } catch (thrown) {
    throw describeGitHubError(operation, thrown, target);
  }
}

export function connectGitHub(settings: OctokitSettings, log: Logger, options: OctokitOptions = {}): GitHubConnection {
  const apiLabel = settings.apiUrl.href.replace(/\/$/, '');
  const target: GitHubTarget = { apiUrl: apiLabel, timeoutMs: settings.timeoutMs };
  const budget: OctokitBudget = { counts: {}, waitedSeconds: 0 };
  const counts = budget.counts;
  const octokit = policyOctokit(apiLabel, settings.token, settings.timeoutMs, log, budget, options);

  return {
    octokit,
    apiLabel,
    call: (operation, send) => callGitHub(log, target, operation, send),
    requestCounts: () => ({ ...counts }),
  };
}
