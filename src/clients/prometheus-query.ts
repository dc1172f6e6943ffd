import type { PrometheusSettings } from '../config/types.js';
import { parseSampleValue, type Series } from '../hot-path/series.js';
import type { Logger } from '../util/logger.js';

/** Attempts per query (the first included); all of them fit in prometheus-timeout-seconds. */
export const PROMETHEUS_MAX_ATTEMPTS = 3;
const FIRST_BACKOFF_MS = 250;

export type PrometheusFailureKind = 'unreachable' | 'timeout' | 'bad-query' | 'auth' | 'server' | 'bad-response';

export class PrometheusFailure extends Error {
  constructor(
    readonly kind: PrometheusFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'PrometheusFailure';
  }
}

/** Reads from Prometheus' HTTP API (/api/v1/query, /api/v1/query_range). */
export interface PrometheusQueryClient {
  /** The base URL without credentials, for reports. */
  readonly label: string;
  /** Evaluates at one instant (default now): a vector or scalar, each series with one sample. */
  instant(query: string, time?: Date): Promise<Series[]>;
  /** Evaluates at start, start + step, ... up to end. */
  range(query: string, start: Date, end: Date, stepMs: number): Promise<Series[]>;
}

interface ApiResponse {
  status?: unknown;
  errorType?: unknown;
  error?: unknown;
  warnings?: unknown;
  data?: { resultType?: unknown; result?: unknown };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET']);
/** Statuses worth another attempt: the server or a proxy in front of it is busy or restarting. */
const RETRIED_STATUSES = new Set([429, 502, 503, 504]);

function networkCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
  return networkCode(cause, depth + 1);
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function createPrometheusQueryClient(settings: PrometheusSettings, log: Logger): PrometheusQueryClient {
  const base = new URL(settings.url.href.endsWith('/') ? settings.url.href : `${settings.url.href}/`);
  const label = settings.url.href.replace(/\/$/, '');
  const authorization =
    settings.basicAuth === undefined
      ? undefined
      : `Basic ${Buffer.from(`${settings.basicAuth.username}:${settings.basicAuth.password}`).toString('base64')}`;
  const limit = `${settings.timeoutMs / 1000} s (prometheus-timeout-seconds)`;

  /** One API call: retried on network errors and busy statuses, all within the timeout. */
  async function call(path: string, params: Record<string, string>): Promise<ApiResponse> {
    const deadline = performance.now() + settings.timeoutMs;
    const url = new URL(path, base);
    let lastProblem = '';
    for (let attempt = 1; attempt <= PROMETHEUS_MAX_ATTEMPTS; attempt += 1) {
      const remaining = deadline - performance.now();
      const body = new URLSearchParams({ ...params, timeout: `${Math.max(1, Math.floor(remaining / 1000))}s` });
      const started = performance.now();
      let retryable: boolean;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
            ...(authorization ? { authorization } : {}),
          },
          body,
          signal: AbortSignal.timeout(Math.max(1, Math.floor(remaining))),
        });
        const text = await response.text();
        log.debug(`Prometheus ${path}: HTTP ${response.status} in ${Math.round(performance.now() - started)} ms`);
        const parsed = parseJson(text);
        if (response.ok && parsed?.status === 'success') return parsed;
        const apiError = parsed && typeof parsed.error === 'string' ? `${String(parsed.errorType ?? 'error')}: ${parsed.error}` : text.slice(0, 200).trim();
        if (response.status === 400 || response.status === 422) {
          throw new PrometheusFailure('bad-query', `Prometheus at ${label} rejected the query (HTTP ${response.status}, ${apiError}).`);
        }
        if (response.status === 401 || response.status === 403) {
          throw new PrometheusFailure('auth', `Prometheus at ${label} refused access (HTTP ${response.status}). Check the credentials: prometheus-username and prometheus-password (or user:password@ in prometheus-url).`);
        }
        if (response.ok) {
          throw new PrometheusFailure('bad-response', `Prometheus at ${label} answered ${path} with something other than an API success (${apiError || 'empty body'}). Check that prometheus-url is the Prometheus base URL.`);
        }
        lastProblem = `HTTP ${response.status}${apiError ? ` (${apiError})` : ''}`;
        retryable = RETRIED_STATUSES.has(response.status);
        if (!retryable) {
          throw new PrometheusFailure(response.status === 404 ? 'bad-response' : 'server', `Prometheus at ${label} answered ${path} with ${lastProblem}.${response.status === 404 ? ' Check that prometheus-url is the Prometheus base URL (without /api/v1).' : ''}`);
        }
      } catch (thrown) {
        if (thrown instanceof PrometheusFailure) throw thrown;
        const name = typeof thrown === 'object' && thrown !== null ? (thrown as { name?: unknown }).name : undefined;
        if (name === 'TimeoutError' || name === 'AbortError' || deadline - performance.now() <= 0) {
          throw new PrometheusFailure('timeout', `Prometheus at ${label} did not answer ${path} within ${limit}${lastProblem ? `; before that: ${lastProblem}` : ''}. Check prometheus-url and the network, or raise prometheus-timeout-seconds.`);
        }
        const code = networkCode(thrown);
        lastProblem = code ?? (thrown instanceof Error ? thrown.message : String(thrown));
        retryable = true;
      }
      const backoff = FIRST_BACKOFF_MS * 2 ** (attempt - 1);
      if (!retryable || attempt === PROMETHEUS_MAX_ATTEMPTS || deadline - performance.now() < backoff + 50) break;
      log.warning(`Prometheus ${path}: attempt ${attempt} failed (${lastProblem}); retry ${attempt} of ${PROMETHEUS_MAX_ATTEMPTS - 1} in ${backoff} ms`);
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
    const unreachable = NETWORK_CODES.has(lastProblem);
    throw new PrometheusFailure(
      unreachable ? 'unreachable' : 'server',
      unreachable
        ? `Prometheus at ${label} is unreachable (${lastProblem}). Check prometheus-url and that Prometheus is running.`
        : `Prometheus at ${label} failed ${path}: ${lastProblem}.`,
    );
  }

  return {
    label,
    async instant(query, time) {
      const response = await call('api/v1/query', { query, ...(time ? { time: seconds(time.getTime()) } : {}) });
      return toSeries(response, label);
    },
    async range(query, start, end, stepMs) {
      const response = await call('api/v1/query_range', {
        query,
        start: seconds(start.getTime()),
        end: seconds(end.getTime()),
        step: seconds(stepMs),
      });
      return toSeries(response, label);
    },
  };
}

function parseJson(text: string): ApiResponse | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as ApiResponse) : undefined;
  } catch {
    return undefined;
  }
}

type RawPoint = [number, string];

function toPoint(raw: unknown, label: string) {
  if (!Array.isArray(raw) || raw.length !== 2 || typeof raw[0] !== 'number' || typeof raw[1] !== 'string') {
    throw new PrometheusFailure('bad-response', `Prometheus at ${label} returned a malformed sample.`);
  }
  const [time, value] = raw as RawPoint;
  return { time, value: parseSampleValue(value) };
}

/** matrix, vector and scalar results as series; anything else is a bad response. */
function toSeries(response: ApiResponse, label: string): Series[] {
  const type = response.data?.resultType;
  const result = response.data?.result;
  if (type === 'scalar') return [{ labels: {}, samples: [toPoint(result, label)] }];
  if ((type !== 'matrix' && type !== 'vector') || !Array.isArray(result)) {
    throw new PrometheusFailure('bad-response', `Prometheus at ${label} returned a ${String(type)} result; a check's query must give numbers (a vector or scalar).`);
  }
  return result.map((entry: unknown) => {
    const { metric, values, value } = (entry ?? {}) as { metric?: unknown; values?: unknown; value?: unknown };
    const labels = typeof metric === 'object' && metric !== null ? (metric as Record<string, string>) : {};
    const points = type === 'matrix' ? (Array.isArray(values) ? values : []) : [value];
    return { labels, samples: points.map((point) => toPoint(point, label)) };
  });
}
