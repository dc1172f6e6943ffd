import type { Logger } from '../util/logger.js';
import { printable } from '../util/printable.js';
import { sleep } from '../util/sleep.js';
import { splitUrlCredentials, type UrlCredentials } from '../util/url-credentials.js';
import { isAbortError, networkCode, NOT_CONNECTED_CODES } from './network.js';

/**
 * The one retry policy of the project's HTTP calls (and of the Redis health probe): at most
 * `attempts` tries, all inside one deadline, each within its own time limit.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Time limit of the whole call: every attempt, pause and Retry-After wait fits inside it. */
  readonly deadlineMs: number;
  /** Time limit of one attempt; unset, an attempt may use what is left of the deadline. */
  readonly attemptTimeoutMs?: number;
  /** Pause before the first retry; it doubles for each further one. */
  readonly backoffMs: number;
}

export const MAX_ATTEMPTS = 3;
const FIRST_BACKOFF_MS = 250;
/** With less than this left after a pause, another attempt could not get an answer: stop. */
const MIN_ATTEMPT_MS = 50;

/** The policy every client uses, with its own deadline (usually an input such as prometheus-timeout-seconds). */
export function retryPolicy(deadlineMs: number, attemptTimeoutMs?: number): RetryPolicy {
  return { attempts: MAX_ATTEMPTS, deadlineMs, backoffMs: FIRST_BACKOFF_MS, ...(attemptTimeoutMs !== undefined ? { attemptTimeoutMs } : {}) };
}

/** Statuses that mean "busy or restarting, the request was not processed": the only ones retried. */
export const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
/** Methods whose repetition changes nothing more than the first request did (RFC 9110, 9.2.2). */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

const seconds = (ms: number) => `${Math.round(ms) / 1000}`;

/** One attempt's context: its abort signal and its own time limit. */
export interface AttemptContext {
  readonly signal: AbortSignal;
  readonly number: number;
  readonly limitMs: number;
}

export interface RetryLoop<T> {
  /** Names the call in the retry lines of the log. */
  readonly label: string;
  readonly policy: RetryPolicy;
  readonly log: Logger;
  /** When the deadline started (performance.now()); default now. Lets a call share one deadline over several requests. */
  readonly startedAt?: number;
  /** The run's cancellation: aborts the attempt in flight; no retry follows it. */
  readonly cancel?: AbortSignal | undefined;
  /** One attempt; a problem worth retrying is returned, not thrown. */
  readonly attempt: (context: AttemptContext) => Promise<T>;
  /** Why this result deserves another attempt; undefined when it is final. */
  readonly retryReason: (result: T) => string | undefined;
  /** A wait the server asked for (Retry-After), in ms. */
  readonly requestedWaitMs?: (result: T) => number | undefined;
}

/**
 * Runs attempts until one is final, the attempts are used up or the deadline leaves no room for
 * another; each retry is logged with its reason. Returns the last result and the attempts made.
 */
export async function withRetries<T>(loop: RetryLoop<T>): Promise<{ readonly result: T; readonly attempts: number }> {
  const { policy, log } = loop;
  const deadline = (loop.startedAt ?? performance.now()) + policy.deadlineMs;
  for (let number = 1; ; number += 1) {
    const remaining = deadline - performance.now();
    const limitMs = Math.max(1, Math.floor(Math.min(policy.attemptTimeoutMs ?? Number.POSITIVE_INFINITY, remaining)));
    const limit = AbortSignal.timeout(limitMs);
    const result = await loop.attempt({ signal: loop.cancel ? AbortSignal.any([limit, loop.cancel]) : limit, number, limitMs });
    const reason = loop.retryReason(result);
    if (reason === undefined || number >= policy.attempts || loop.cancel?.aborted) return { result, attempts: number };
    const asked = loop.requestedWaitMs?.(result);
    const wait = asked ?? policy.backoffMs * 2 ** (number - 1);
    const left = deadline - performance.now();
    if (wait + MIN_ATTEMPT_MS > left) {
      if (asked !== undefined && left > 0) {
        log.warning(
          `${loop.label}: not retried after ${reason}: the server asked to wait ${seconds(asked)} s (Retry-After), beyond the ${seconds(policy.deadlineMs)} s time limit`,
        );
      }
      return { result, attempts: number };
    }
    log.warning(`${loop.label}: retry ${number} of ${policy.attempts - 1} after ${reason}${asked !== undefined ? ` (Retry-After ${seconds(asked)} s)` : ''}`);
    await sleep(wait);
    if (loop.cancel?.aborted) return { result, attempts: number };
  }
}

/** `Authorization` for basic auth: the one place it is built. */
export function basicAuthorization(credentials: UrlCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

/** A Retry-After header (seconds, or an HTTP date) as a wait in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export interface HttpRequest {
  readonly method: string;
  /** user:password@ in it is sent as basic auth, never as part of the URL. */
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  /** The body; a function makes a fresh one per attempt (a FormData or stream can be sent once). */
  readonly body?: string | URLSearchParams | (() => NonNullable<RequestInit['body']>);
  readonly basicAuth?: UrlCredentials;
  /** A request that is safe to repeat although its method is not (a Prometheus query sent by POST). */
  readonly idempotent?: boolean;
  /** manual: a redirect is returned as the answer, for the caller to judge. Default: followed. */
  readonly redirect?: 'follow' | 'manual';
}

export interface HttpCallOptions<T> {
  /** The service, for the log and errors: "Prometheus", "Pushgateway", "Chat API". */
  readonly service: string;
  /** Names the call; default "<service> <METHOD> <URL without credentials and query>". */
  readonly label?: string;
  readonly policy: RetryPolicy;
  readonly log: Logger;
  /** Reads the body within the attempt's time limit (default: as text). */
  readonly read?: (response: Response) => Promise<T>;
  readonly startedAt?: number;
  /** The run's cancellation (see RetryLoop.cancel); the caller tells a cancelled call by it. */
  readonly cancel?: AbortSignal | undefined;
}

export interface HttpAnswer<T> {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: T;
  readonly attempts: number;
}

export type HttpFailureKind = 'timeout' | 'unreachable' | 'failed';

/** No usable answer: the service timed out, could not be reached, or the exchange broke. */
export class HttpFailure extends Error {
  override name = 'HttpFailure';
  constructor(
    readonly kind: HttpFailureKind,
    readonly label: string,
    readonly attempts: number,
    /** What went wrong last, e.g. "ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:9)" or "no answer within 2 s". */
    readonly problem: string,
    /** The network error code (ECONNREFUSED, ...), when there is one. */
    readonly code: string | undefined,
    /** The whole deadline ran out, not only one attempt's time limit. */
    readonly deadlineReached: boolean,
  ) {
    super(`${label} failed after ${attempts} attempt(s): ${problem}.`);
  }
}

type Attempt<T> =
  | { readonly kind: 'answer'; readonly answer: Omit<HttpAnswer<T>, 'attempts'>; readonly retry?: string; readonly waitMs?: number }
  | {
      readonly kind: 'error';
      readonly problem: string;
      readonly code: string | undefined;
      readonly timedOut: boolean;
      readonly deadlineReached: boolean;
      readonly retry?: string;
    };

/** The URL as the log shows it: no credentials, no query (which may carry tokens). */
export function describeTarget(url: URL): string {
  const shown = splitUrlCredentials(url).url;
  shown.search = '';
  shown.hash = '';
  return shown.href;
}

/**
 * The one HTTP helper: every request of the project's own HTTP clients goes through it. Each
 * attempt has a time limit inside one deadline; network errors, timeouts and 429/502/503/504
 * are retried (Retry-After honoured within the deadline) for idempotent requests only, and any
 * request whose connection was never made; every retry is logged. Any other status is returned:
 * the caller knows what it means. Throws HttpFailure when no answer came.
 */
export async function httpRequest<T = string>(request: HttpRequest, options: HttpCallOptions<T>): Promise<HttpAnswer<T>> {
  const { url, credentials } = splitUrlCredentials(request.url);
  const basicAuth = request.basicAuth ?? credentials;
  const headers = { ...request.headers, ...(basicAuth ? { authorization: basicAuthorization(basicAuth) } : {}) };
  const label = options.label ?? `${options.service} ${request.method} ${describeTarget(url)}`;
  const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method.toUpperCase());
  const read = options.read ?? ((response: Response) => response.text() as Promise<T>);
  const startedAt = options.startedAt ?? performance.now();
  const deadline = startedAt + options.policy.deadlineMs;

  const attempt = async ({ signal, limitMs }: AttemptContext): Promise<Attempt<T>> => {
    const failed = (thrown: unknown): Attempt<T> => {
      if (signal.aborted || isAbortError(thrown)) {
        const deadlineReached = performance.now() >= deadline - 5;
        const problem = `no answer within ${seconds(limitMs)} s`;
        return { kind: 'error', problem, code: undefined, timedOut: true, deadlineReached, ...(idempotent && !deadlineReached ? { retry: problem } : {}) };
      }
      const code = networkCode(thrown);
      const problem = describeFetchError(thrown, code);
      const retryable = idempotent || (code !== undefined && NOT_CONNECTED_CODES.has(code));
      return { kind: 'error', problem, code, timedOut: false, deadlineReached: false, ...(retryable ? { retry: problem } : {}) };
    };
    let response: Response;
    try {
      const body = typeof request.body === 'function' ? request.body() : request.body;
      response = await fetch(url, {
        method: request.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: request.redirect ?? 'follow',
        signal,
      });
    } catch (thrown) {
      return failed(thrown);
    }
    let body: T;
    try {
      body = await read(response);
    } catch (thrown) {
      // The caller's own verdict on a body (e.g. too large) is not a transport problem.
      if (!signal.aborted && !isAbortError(thrown) && networkCode(thrown) === undefined) throw thrown;
      return failed(thrown);
    }
    const answer = { status: response.status, statusText: response.statusText, headers: response.headers, body };
    if (!idempotent || !RETRIED_STATUSES.has(response.status)) return { kind: 'answer', answer };
    const snippet = typeof body === 'string' && body.trim() !== '' ? `: ${printable(body.trim().slice(0, 200))}` : '';
    const waitMs = retryAfterMs(response.headers.get('retry-after'));
    return { kind: 'answer', answer, retry: `HTTP ${response.status}${snippet}`, ...(waitMs !== undefined ? { waitMs } : {}) };
  };

  const { result, attempts } = await withRetries<Attempt<T>>({
    label,
    policy: options.policy,
    log: options.log,
    startedAt,
    cancel: options.cancel,
    attempt,
    retryReason: (outcome) => outcome.retry,
    requestedWaitMs: (outcome) => (outcome.kind === 'answer' ? outcome.waitMs : undefined),
  });
  if (result.kind === 'answer') return { ...result.answer, attempts };
  const kind: HttpFailureKind = result.timedOut ? 'timeout' : result.code !== undefined ? 'unreachable' : 'failed';
  throw new HttpFailure(kind, label, attempts, result.problem, result.code, result.deadlineReached);
}

/** fetch() says only "fetch failed"; the cause holds the socket error (or e.g. "bad port"). */
function describeFetchError(thrown: unknown, code: string | undefined): string {
  if (!(thrown instanceof Error)) return String(thrown);
  const cause = (thrown as { cause?: { message?: unknown } }).cause;
  const detail = cause && typeof cause.message === 'string' && cause.message !== '' ? cause.message : undefined;
  if (code !== undefined) return detail && detail !== code ? `${code} (${printable(detail)})` : code;
  return printable(detail ? `${thrown.message} (${detail})` : thrown.message);
}
