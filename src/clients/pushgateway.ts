import type { Logger } from '../util/logger.js';
import { DEFAULT_HTTP_POLICY, HttpFailure, requestWithRetry, type HttpRetryPolicy } from './http.js';

export interface PushRequest {
  readonly job: string;
  /** Grouping labels beyond the job, in URL order. */
  readonly grouping: Readonly<Record<string, string>>;
  /** Text exposition format. */
  readonly body: string;
  /** PUT replaces every metric of the group; POST replaces only the metrics named in the body. */
  readonly method: 'PUT' | 'POST';
}

export interface Pushgateway {
  readonly url: URL;
  push(request: PushRequest): Promise<void>;
}

/**
 * `/metrics/job/<job>/<label>@base64/<value>...`: every grouping value base64url-encoded, so a prefix
 * holding '/' survives (the Pushgateway's documented form).
 */
export function groupingPath(job: string, grouping: Readonly<Record<string, string>>): string {
  const encode = (value: string) => Buffer.from(value, 'utf8').toString('base64url') || '=';
  const parts = [`job/${encodeURIComponent(job)}`, ...Object.entries(grouping).map(([label, value]) => `${label}@base64/${encode(value)}`)];
  return `metrics/${parts.join('/')}`;
}

export function createPushgateway(url: URL, log: Logger, policy: HttpRetryPolicy = DEFAULT_HTTP_POLICY): Pushgateway {
  return {
    url,
    async push(request) {
      const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
      const target = new URL(groupingPath(request.job, request.grouping), base);
      const answer = await requestWithRetry('Pushgateway', target, { method: request.method, body: request.body, headers: { 'content-type': 'text/plain; version=0.0.4' } }, log, policy);
      if (answer.status !== 200 && answer.status !== 202) {
        throw new HttpFailure(
          `Pushgateway ${request.method} ${target.href} answered HTTP ${answer.status}: ${answer.body.trim().slice(0, 300)}. Check pushgateway-url and that metric names do not clash with another job's.`,
          answer.status,
        );
      }
      log.info(`Pushed ${request.body.split('\n').filter((line) => line && !line.startsWith('#')).length} sample(s) to ${target.href} (${request.method}).`);
    },
  };
}
