import type { Logger } from '../util/logger.js';

export interface HttpRetryPolicy {
  /** Time limit of each attempt. */
  readonly timeoutMs: number;
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Pause before retry n is n times this. */
  readonly backoffMs: number;
}

export const DEFAULT_HTTP_POLICY: HttpRetryPolicy = { timeoutMs: 10_000, attempts: 3, backoffMs: 500 };

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** Why an HTTP call to a monitoring service failed, with the service and URL named. */
export class HttpFailure extends Error {
  override name = 'HttpFailure';
  readonly status: number | undefined;
  constructor(message: string, status: number | undefined) {
    super(message);
    this.status = status;
  }
}

/**
 * One request with a time limit per attempt and a bounded number of attempts; every retry is
 * logged. Retries network errors, timeouts, 429 and 5xx; any other status is returned to the
 * caller, which knows what it means.
 */
export async function requestWithRetry(
  service: string,
  url: URL,
  init: { readonly method: string; readonly body?: string; readonly headers?: Readonly<Record<string, string>> },
  log: Logger,
  policy: HttpRetryPolicy = DEFAULT_HTTP_POLICY,
): Promise<HttpAnswer> {
  const where = `${service} ${init.method} ${redactUrl(url)}`;
  let lastProblem = '';
  for (let attempt = 1; attempt <= policy.attempts; attempt += 1) {
    if (attempt > 1) {
      log.warning(`${where}: retry ${attempt - 1} of ${policy.attempts - 1} after ${lastProblem}`);
      await new Promise((resolve) => setTimeout(resolve, policy.backoffMs * (attempt - 1)));
    }
    try {
      const response = await fetch(url, {
        method: init.method,
        ...(init.body !== undefined ? { body: init.body } : {}),
        ...(init.headers ? { headers: { ...init.headers } } : {}),
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      const body = await response.text();
      if (response.status === 429 || response.status >= 500) {
        lastProblem = `HTTP ${response.status}: ${body.trim().slice(0, 200)}`;
        continue;
      }
      return { status: response.status, body };
    } catch (thrown) {
      lastProblem = describeFetchError(thrown, policy.timeoutMs);
    }
  }
  throw new HttpFailure(`${where} failed after ${policy.attempts} attempt(s): ${lastProblem}.`, undefined);
}

function describeFetchError(thrown: unknown, timeoutMs: number): string {
  if (thrown instanceof Error) {
    if (thrown.name === 'TimeoutError' || thrown.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
    // fetch() says only "fetch failed"; the cause holds the socket error (or e.g. "bad port").
    const cause = (thrown as { cause?: { code?: unknown; message?: unknown } }).cause;
    if (cause && typeof cause.code === 'string') return `${cause.code}${typeof cause.message === 'string' ? ` (${cause.message})` : ''}`;
    if (cause && typeof cause.message === 'string') return `${thrown.message} (${cause.message})`;
    return thrown.message;
  }
  return String(thrown);
}

/** URLs are printed without credentials or query, which may carry tokens. */
export function redactUrl(url: URL): string {
  const copy = new URL(url.href);
  if (copy.username || copy.password) {
    copy.username = '***';
    copy.password = '';
  }
  copy.search = '';
  return copy.href;
}
