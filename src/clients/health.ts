import type { HealthCheckTarget } from '../config/health-checks.js';
import type { Logger } from '../util/logger.js';
import { HttpFailure, httpRequest, retryPolicy, withRetries, type RetryPolicy } from './http.js';
import { NETWORK_CODES } from './network.js';

export interface HealthResult {
  readonly name: string;
  readonly kind: HealthCheckTarget['kind'];
  /** The URL without its password. */
  readonly target: string;
  readonly healthy: boolean;
  /** What was seen: "HTTP 200", "PONG", or the problem and what to check. */
  readonly detail: string;
  readonly attempts: number;
  readonly durationMs: number;
}

/** Probes the services go/no-go requires healthy. */
export interface HealthProber {
  /** Every target in parallel; never throws: a failure is an unhealthy result. */
  probe(targets: readonly HealthCheckTarget[]): Promise<HealthResult[]>;
}

/** One attempt's answer: healthy, or a problem that may (retry) or may not be transient. */
type Attempt = { ok: true; detail: string } | { ok: false; detail: string; retry: boolean; timedOut?: boolean };

const TIMED_OUT: Attempt = { ok: false, detail: '', retry: false, timedOut: true };

/** Any error code in the chain (network, TLS, ...). */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  return errorCode(cause, depth + 1);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Each probe runs under the project's one retry policy, within its own timeout: HTTP through the
 * HTTP helper, Redis with its own client in the same retry loop.
 */
export function createHealthProber(log: Logger): HealthProber {
  async function probeOne(target: HealthCheckTarget): Promise<HealthResult> {
    const started = performance.now();
    const limit = `${target.timeoutMs / 1000} s (health-check-timeout-seconds or the line's timeout=)`;
    const policy = retryPolicy(target.timeoutMs);
    const { result: last, attempts } =
      target.kind === 'http'
        ? await probeHttp(target, policy, log)
        : await withRetries<Attempt>({
            label: `Health ${target.name}`,
            policy,
            log,
            // Backstop: should the client not react to the abort, stop waiting for it shortly after.
            attempt: ({ signal, limitMs }) => withDeadline(probeRedis(target.url, signal), limitMs + 500, TIMED_OUT),
            retryReason: (attempt) => (!attempt.ok && attempt.retry ? attempt.detail : undefined),
          });
    const problem = last.ok ? '' : last.timedOut ? `no answer within ${limit} (timeout)${last.detail ? `: ${last.detail}` : ''}` : last.detail;
    const result: HealthResult = {
      name: target.name,
      kind: target.kind,
      target: target.display,
      healthy: last.ok,
      detail: last.ok ? last.detail : `${problem}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`,
      attempts,
      durationMs: Math.round(performance.now() - started),
    };
    log.info(`Health ${target.name} (${target.display}): ${result.healthy ? 'healthy' : 'UNHEALTHY'} - ${result.detail}`);
    return result;
  }

  return {
    probe: (targets) => Promise.all(targets.map((target) => probeOne(target))),
  };
}

/** Resolves with `onTimeout` when `work` takes longer than `ms` (the work is abandoned, not awaited). */
async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET; healthy on 2xx. Redirects are not followed: a /health that redirects (to a login) is not
 * healthy. user:password@ in the URL is sent as basic auth by the helper.
 */
async function probeHttp(target: HealthCheckTarget, policy: RetryPolicy, log: Logger): Promise<{ result: Attempt; attempts: number }> {
  try {
    const answer = await httpRequest(
      { method: 'GET', url: target.url, headers: { accept: '*/*', 'user-agent': 'surreal-release-gates health check' }, redirect: 'manual' },
      { service: 'Health', label: `Health ${target.name}`, policy, log, read: async (response) => void (await response.body?.cancel()) },
    );
    const status = `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
    if (answer.status >= 200 && answer.status < 300) return { result: { ok: true, detail: status }, attempts: answer.attempts };
    if (answer.status >= 300 && answer.status < 400) {
      const detail = `${status}: redirected to ${answer.headers.get('location') ?? '(no location)'}; point the check at the health endpoint itself`;
      return { result: { ok: false, detail, retry: false }, attempts: answer.attempts };
    }
    return { result: { ok: false, detail: `${status}, expected 2xx`, retry: false }, attempts: answer.attempts };
  } catch (thrown) {
    if (!(thrown instanceof HttpFailure)) throw thrown;
    if (thrown.kind === 'timeout') return { result: TIMED_OUT, attempts: thrown.attempts };
    const detail =
      thrown.kind === 'unreachable' ? `unreachable (${thrown.code}): is the service running at this address?` : `request failed: ${thrown.problem}`;
    return { result: { ok: false, detail, retry: false }, attempts: thrown.attempts };
  }
}

/** Connects (with the URL's user, password and TLS for rediss://), sends PING, expects PONG. */
async function probeRedis(url: URL, signal: AbortSignal): Promise<Attempt> {
  // Loaded only when a redis:// check is configured: most runs never pay for parsing the client.
  const { createClient } = await import('@redis/client');
  const client = createClient({ url: url.href, socket: { reconnectStrategy: false }, disableOfflineQueue: true });
  // Without a listener an 'error' event would crash the process; the awaited calls carry the error.
  client.on('error', () => undefined);
  // The timeout covers the TLS handshake, AUTH and PING too, not only the TCP connect.
  const abort = () => client.destroy();
  signal.addEventListener('abort', abort, { once: true });
  try {
    await client.connect();
    const reply = await client.ping();
    return reply === 'PONG'
      ? { ok: true, detail: 'PING answered PONG' }
      : { ok: false, detail: `PING answered ${JSON.stringify(reply)}, expected PONG`, retry: false };
  } catch (error) {
    return signal.aborted ? TIMED_OUT : describeRedisError(error);
  } finally {
    signal.removeEventListener('abort', abort);
    if (client.isOpen) client.destroy();
  }
}

function describeRedisError(error: unknown): Attempt {
  const text = message(error);
  const code = errorCode(error);
  if (/^WRONGPASS/.test(text)) {
    return { ok: false, detail: "authentication failed (WRONGPASS): check the user and password in this check's redis URL", retry: false };
  }
  if (/^NOAUTH/.test(text)) {
    return { ok: false, detail: 'the server requires a password (NOAUTH): put it in the URL, redis://:PASSWORD@host:port', retry: false };
  }
  if (/^(NOPERM|ERR AUTH|ERR invalid password)/i.test(text)) {
    return { ok: false, detail: `authentication rejected (${text.split(' ')[0]}): check the user, password and ACL of this check's redis URL`, retry: false };
  }
  if (code !== undefined && NETWORK_CODES.has(code)) return { ok: false, detail: `unreachable (${code}): is Redis running at this address?`, retry: true };
  if (code !== undefined && /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO/i.test(code)) {
    return { ok: false, detail: `TLS failed (${code}): ${text}; the server's certificate must be trusted by this runner`, retry: false };
  }
  return { ok: false, detail: `failed: ${code ? `${code}: ` : ''}${text}`, retry: false };
}
