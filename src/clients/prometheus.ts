import type { Logger } from '../util/logger.js';
import { DEFAULT_HTTP_POLICY, HttpFailure, requestWithRetry, type HttpRetryPolicy } from './http.js';

import type { LoadedRuleGroup } from '../alerts/rules-status.js';

export type { LoadedRule, LoadedRuleGroup } from '../alerts/rules-status.js';

export interface InstantSample {
  readonly metric: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface PrometheusApi {
  readonly url: URL;
  /** GET /api/v1/rules: every rule group Prometheus has loaded. */
  ruleGroups(): Promise<LoadedRuleGroup[]>;
  /** GET /api/v1/query: an instant vector query. */
  query(expr: string): Promise<InstantSample[]>;
}

interface ApiEnvelope<T> {
  readonly status?: string;
  readonly data?: T;
  readonly error?: string;
  readonly errorType?: string;
}

/** Basic-auth credentials of a Prometheus behind a proxy that asks for them. */
export interface PrometheusBasicAuth {
  readonly username: string;
  readonly password: string;
}

export function createPrometheusApi(url: URL, log: Logger, policy: HttpRetryPolicy = DEFAULT_HTTP_POLICY, basicAuth?: PrometheusBasicAuth): PrometheusApi {
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  const headers = basicAuth === undefined ? undefined : { authorization: `Basic ${Buffer.from(`${basicAuth.username}:${basicAuth.password}`).toString('base64')}` };
  async function get<T>(pathAndQuery: string): Promise<T> {
    const target = new URL(pathAndQuery, base);
    const answer = await requestWithRetry('Prometheus', target, { method: 'GET', ...(headers ? { headers } : {}) }, log, policy);
    if (answer.status === 401 || answer.status === 403) {
      const given = basicAuth === undefined ? 'no credentials were sent' : `the credentials of prometheus-username (${basicAuth.username}) were refused`;
      throw new HttpFailure(`Prometheus at ${url.origin} answered ${target.pathname} with HTTP ${answer.status}: ${given}. Set prometheus-username and prometheus-password (from secrets).`, answer.status);
    }
    let envelope: ApiEnvelope<T>;
    try {
      envelope = JSON.parse(answer.body) as ApiEnvelope<T>;
    } catch {
      throw new HttpFailure(`Prometheus at ${url.origin} answered ${target.pathname} with HTTP ${answer.status} and no JSON: is prometheus-url the Prometheus server (not Grafana or a proxy login page)?`, answer.status);
    }
    if (answer.status !== 200 || envelope.status !== 'success' || envelope.data === undefined) {
      throw new HttpFailure(`Prometheus at ${url.origin} answered ${target.pathname} with HTTP ${answer.status}: ${envelope.errorType ?? ''} ${envelope.error ?? answer.body.slice(0, 200)}`.trim(), answer.status);
    }
    return envelope.data;
  }
  return {
    url,
    async ruleGroups() {
      const data = await get<{ groups?: LoadedRuleGroup[] }>('api/v1/rules');
      return data.groups ?? [];
    },
    async query(expr) {
      const data = await get<{ resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] }>(`api/v1/query?query=${encodeURIComponent(expr)}`);
      if (data.resultType !== 'vector') throw new HttpFailure(`Prometheus query returned a ${data.resultType}, expected a vector: ${expr}`, 200);
      return data.result.map((sample) => ({ metric: sample.metric, value: Number(sample.value[1]) }));
    },
  };
}
