import { NETWORK_CODES } from './network.js';

/** Why a GitHub API call failed, in terms a user can act on. */
export type GitHubFailureKind = 'unreachable' | 'timeout' | 'credentials' | 'permission' | 'not-found' | 'rate-limited' | 'rejected' | 'server';

export class GitHubFailure extends Error {
  constructor(
    readonly kind: GitHubFailureKind,
    readonly operation: string,
    message: string,
    readonly status: number | undefined,
    /** X-Accepted-GitHub-Permissions of the answer, e.g. "administration=read". */
    readonly acceptedPermissions: string | undefined,
    /** GitHub's own message, e.g. "Branch not protected". */
    readonly serverMessage: string | undefined,
  ) {
    super(message);
    this.name = 'GitHubFailure';
  }
}

interface ErrorShape {
  name?: unknown;
  status?: unknown;
  message?: unknown;
  cause?: unknown;
  code?: unknown;
  response?: { headers?: Record<string, unknown>; data?: unknown };
}

function causeChain(error: ErrorShape | undefined, depth = 0): ErrorShape[] {
  if (error === undefined || error === null || typeof error !== 'object' || depth > 5) return [];
  return [error, ...causeChain(error.cause as ErrorShape | undefined, depth + 1)];
}

export interface GitHubTarget {
  readonly apiUrl: string;
  readonly timeoutMs: number;
  /** The input whose token sent the request (default github-token). */
  readonly tokenInput?: string;
}

/** Whether an answer is a rate limit (primary: remaining 0; secondary: 429 or the message says so). */
export function isRateLimitAnswer(status: number | undefined, headers: Record<string, unknown> | undefined, message: string): boolean {
  if (status === 429) return true;
  if (status !== 403) return false;
  return headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message);
}

/** Turns anything an Octokit call threw into a GitHubFailure naming the input or permission at fault. */
export function describeGitHubError(operation: string, thrown: unknown, target: GitHubTarget): GitHubFailure {
  if (thrown instanceof GitHubFailure) return thrown;
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : { message: String(thrown) }) as ErrorShape;
  const chain = causeChain(error);
  const headers = error.response?.headers;
  const data = error.response?.data as { message?: unknown } | undefined;
  const serverMessage = typeof data?.message === 'string' ? data.message : undefined;
  const status = typeof error.status === 'number' ? error.status : undefined;
  const accepted = typeof headers?.['x-accepted-github-permissions'] === 'string' ? headers['x-accepted-github-permissions'] : undefined;
  const where = `GitHub ${operation} at ${target.apiUrl}`;
  const tokenInput = target.tokenInput ?? 'github-token';
  const make = (kind: GitHubFailureKind, message: string) => new GitHubFailure(kind, operation, message, status, accepted, serverMessage);

  if (chain.some((inner) => inner.name === 'TimeoutError' || inner.name === 'AbortError')) {
    return make('timeout', `${where} did not answer within ${target.timeoutMs / 1000} s per attempt (retries included). Check GITHUB_API_URL and the network.`);
  }
  const network = chain.map((inner) => inner.code).find((code): code is string => typeof code === 'string' && NETWORK_CODES.has(code));
  if (network !== undefined || (status === 500 && error.response === undefined)) {
    return make(
      'unreachable',
      `${where} failed: API unreachable (${network ?? (typeof error.message === 'string' ? error.message : 'network error')}). Check GITHUB_API_URL (${target.apiUrl}).`,
    );
  }
  const detail = serverMessage ?? (typeof error.message === 'string' ? error.message : 'unknown error');
  if (isRateLimitAnswer(status, headers, detail)) {
    const reset =
      typeof headers?.['x-ratelimit-reset'] === 'string' ? ` (limit resets at ${new Date(Number(headers['x-ratelimit-reset']) * 1000).toISOString()})` : '';
    return make(
      'rate-limited',
      `${where} is rate limited${reset} and the wait exceeded this action's bound: ${detail}. Run the gate again later, or use a token with a higher limit.`,
    );
  }
  if (status === 401) {
    return make('credentials', `${where} rejected the token (401 ${detail}). Check ${tokenInput}: it is expired, revoked or not a GitHub token.`);
  }
  if (status === 403) {
    const permission = accepted ? `the permission '${accepted}'` : 'a permission GitHub did not name';
    return make('permission', `${where} was denied (403 ${detail}): ${tokenInput} lacks ${permission}.`);
  }
  if (status === 404) {
    const permission = accepted ? ` or the token lacks '${accepted}'` : ' or the token cannot see it';
    return make('not-found', `${where} answered 404 (${detail}): it does not exist${permission}. Check github-repository and github-branch.`);
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return make('rejected', `${where} was rejected (${status} ${detail}).`);
  }
  return make('server', `${where} failed: ${detail}${status !== undefined ? ` (HTTP ${status})` : ''}.`);
}
