import type { PrometheusSettings } from '../config/types.js';
import { parseSampleValue, type Series } from '../hot-path/series.js';
import type { Logger } from '../util/logger.js';
import { printable } from '../util/printable.js';
import { HttpFailure, httpRequest, retryPolicy, type HttpAnswer, type RetryPolicy } from './http.js';

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

import type { LoadedRuleGroup } from '../alerts/rules-status.js';

export type { LoadedRule, LoadedRuleGroup } from '../alerts/rules-status.js';

/**
 * Prometheus' HTTP API as the hot-path and alerts gates read it: one client, with the
 * credentials of prometheus-username/password (or the URL) and each call, retries included,
 * within prometheus-timeout-seconds.
 */
export interface PrometheusClient {
  /** The base URL without credentials, for reports. */
  readonly label: string;
  /** Evaluates at one instant (default now): a vector or scalar, each series with one sample. */
  instant(query: string, time?: Date): Promise<Series[]>;
  /** Evaluates at start, start + step, ... up to end. */
  range(query: string, start: Date, end: Date, stepMs: number): Promise<Series[]>;
  /** Every rule group Prometheus has loaded (/api/v1/rules). */
  ruleGroups(): Promise<LoadedRuleGroup[]>;
}

interface ApiResponse {
  status?: unknown;
  errorType?: unknown;
  error?: unknown;
  warnings?: unknown;
  data?: { resultType?: unknown; result?: unknown; groups?: unknown };
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function createPrometheusClient(settings: PrometheusSettings, log: Logger, policy: RetryPolicy = retryPolicy(settings.timeoutMs)): PrometheusClient {
  const base = new URL(settings.url.href.endsWith('/') ? settings.url.href : `${settings.url.href}/`);
  const label = settings.url.href.replace(/\/$/, '');
  const limit = `${policy.deadlineMs / 1000} s (prometheus-timeout-seconds)`;

  /** One API call: queries by POST (long PromQL fits; it is safe to repeat), reads by GET. */
  async function call(path: string, params?: Record<string, string>): Promise<ApiResponse> {
    const url = new URL(path, base);
    const startedAt = performance.now();
    let answer: HttpAnswer<string>;
    try {
      answer = await httpRequest(
        params === undefined
          ? { method: 'GET', url, headers: { accept: 'application/json' }, ...(settings.basicAuth ? { basicAuth: settings.basicAuth } : {}) }
          : {
              method: 'POST',
              url,
              idempotent: true,
              headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
              // Prometheus stops evaluating when what is left of the deadline has passed.
              body: () =>
                new URLSearchParams({ ...params, timeout: `${Math.max(1, Math.floor((startedAt + policy.deadlineMs - performance.now()) / 1000))}s` }),
              ...(settings.basicAuth ? { basicAuth: settings.basicAuth } : {}),
            },
        { service: 'Prometheus', policy, log, startedAt },
      );
    } catch (thrown) {
      if (!(thrown instanceof HttpFailure)) throw thrown;
      if (thrown.kind === 'timeout') {
        const tries = thrown.attempts > 1 ? ` (${thrown.attempts} attempts)` : '';
        throw new PrometheusFailure(
          'timeout',
          `Prometheus at ${label} did not answer ${path} within ${limit}${tries}. Check prometheus-url and the network, or raise prometheus-timeout-seconds.`,
        );
      }
      if (thrown.kind === 'unreachable') {
        throw new PrometheusFailure(
          'unreachable',
          `${thrown.message} Prometheus at ${label} is unreachable (${thrown.code}): check prometheus-url and that Prometheus is running.`,
        );
      }
      throw new PrometheusFailure('server', `${thrown.message} Check prometheus-url and the network.`);
    }
    return judge(path, url, answer);
  }

  function judge(path: string, url: URL, answer: HttpAnswer<string>): ApiResponse {
    const { status } = answer;
    const parsed = parseJson(answer.body);
    if (status >= 200 && status < 300 && parsed?.status === 'success') return parsed;
    const apiError = printable(
      parsed && typeof parsed.error === 'string' ? `${String(parsed.errorType ?? 'error')}: ${parsed.error}` : answer.body.slice(0, 200).trim(),
    );
    if (status === 400 || status === 422) {
      throw new PrometheusFailure('bad-query', `Prometheus at ${label} rejected the query (HTTP ${status}, ${apiError}).`);
    }
    if (status === 401 || status === 403) {
      throw new PrometheusFailure(
        'auth',
        settings.basicAuth === undefined
          ? `Prometheus at ${label} answered ${url.pathname} with HTTP ${status}: no credentials were sent. Set prometheus-username and prometheus-password (from secrets).`
          : `Prometheus at ${label} refused access (HTTP ${status}). Check the credentials: prometheus-username and prometheus-password (or user:password@ in prometheus-url).`,
      );
    }
    if (status >= 200 && status < 300) {
      throw new PrometheusFailure(
        'bad-response',
        parsed === undefined
          ? `Prometheus at ${label} answered ${url.pathname} with HTTP ${status} and no JSON: is prometheus-url the Prometheus server (not Grafana or a proxy login page)?`
          : `Prometheus at ${label} answered ${path} with something other than an API success (${apiError || 'empty body'}). Check that prometheus-url is the Prometheus base URL.`,
      );
    }
    const after = answer.attempts > 1 ? ` after ${answer.attempts} attempt(s)` : '';
    const problem = `HTTP ${status}${apiError ? ` (${apiError})` : ''}`;
    if (status === 404) {
      throw new PrometheusFailure(
        'bad-response',
        `Prometheus at ${label} answered ${path} with ${problem}. Check that prometheus-url is the Prometheus base URL (without /api/v1).`,
      );
    }
    throw new PrometheusFailure('server', `Prometheus at ${label} failed ${path}: ${problem}${after}.`);
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
    async ruleGroups() {
      const response = await call('api/v1/rules');
      const groups = response.data?.groups;
      if (groups !== undefined && !Array.isArray(groups))
        throw new PrometheusFailure('bad-response', `Prometheus at ${label} answered api/v1/rules without a list of groups.`);
      return (groups ?? []) as LoadedRuleGroup[];
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
    throw new PrometheusFailure(
      'bad-response',
      `Prometheus at ${label} returned a ${String(type)} result; a check's query must give numbers (a vector or scalar).`,
    );
  }
  return result.map((entry: unknown) => {
    const { metric, values, value } = (entry ?? {}) as { metric?: unknown; values?: unknown; value?: unknown };
    const labels = typeof metric === 'object' && metric !== null ? (metric as Record<string, string>) : {};
    const points = type === 'matrix' ? (Array.isArray(values) ? values : []) : [value];
    return { labels, samples: points.map((point) => toPoint(point, label)) };
  });
}
