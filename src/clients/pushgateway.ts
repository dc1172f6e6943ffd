import type { Logger } from '../util/logger.js';
import { printable } from '../util/printable.js';
import { httpRequest, retryPolicy, type RetryPolicy } from './http.js';

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

/** No input sets it: 10 s an attempt, 30 s in all. */
export const PUSHGATEWAY_POLICY: RetryPolicy = retryPolicy(30_000, 10_000);

/**
 * `/metrics/job/<job>/<label>@base64/<value>...`: every grouping value base64url-encoded, so a prefix
 * holding '/' survives (the Pushgateway's documented form).
 */
export function groupingPath(job: string, grouping: Readonly<Record<string, string>>): string {
  const encode = (value: string) => Buffer.from(value, 'utf8').toString('base64url') || '=';
  const parts = [`job/${encodeURIComponent(job)}`, ...Object.entries(grouping).map(([label, value]) => `${label}@base64/${encode(value)}`)];
  return `metrics/${parts.join('/')}`;
}

export function createPushgateway(url: URL, log: Logger, policy: RetryPolicy = PUSHGATEWAY_POLICY): Pushgateway {
  return {
    url,
    async push(request) {
      const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
      const target = new URL(groupingPath(request.job, request.grouping), base);
      // Both methods replace the named metrics of the group: repeating a push changes nothing more.
      const answer = await httpRequest(
        { method: request.method, url: target, body: request.body, headers: { 'content-type': 'text/plain; version=0.0.4' }, idempotent: true },
        { service: 'Pushgateway', policy, log },
      );
      if (answer.status !== 200 && answer.status !== 202) {
        const after = answer.attempts > 1 ? ` after ${answer.attempts} attempt(s)` : '';
        throw new Error(
          `Pushgateway ${request.method} ${target.href} answered HTTP ${answer.status}${after}: ${printable(answer.body.trim().slice(0, 300))}. Check pushgateway-url and that metric names do not clash with another job's.`,
        );
      }
      log.info(`Pushed ${request.body.split('\n').filter((line) => line && !line.startsWith('#')).length} sample(s) to ${target.href} (${request.method}).`);
    },
  };
}
