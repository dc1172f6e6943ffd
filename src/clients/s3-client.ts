/**
 * The AWS SDK's S3 client, built by the gateway (s3.ts) on its first operation: this module and
 * the SDK load only then (a chunk of their own in the bundle), so start-up does not parse them.
 */
import * as sdk from '@aws-sdk/client-s3';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { S3Settings } from '../config/types.js';
import type { Logger } from '../util/logger.js';

export { sdk };

/** Attempts per operation (the first try included); all of them fit in s3-timeout-seconds. */
export const S3_MAX_ATTEMPTS = 3;

/** What the gateway keeps of the client's traffic. */
export interface S3ClientHooks {
  /** HTTP requests sent, by SDK command name (retries counted); written by the client. */
  readonly counts: Record<string, number>;
  /** Where retries are logged. */
  readonly log: Logger;
  /** Called with the server's clock (its Date header, in ms) on every answer that carries one. */
  readonly onServerDate: (ms: number) => void;
}

/**
 * The SDK client of one run: a keep-alive pool, bounded retries, attempts counted by command and
 * logged when retried, the server's clock read from every answer.
 */
export function buildS3Client(settings: S3Settings, { counts, log, onServerDate }: S3ClientHooks): sdk.S3Client {
  const agentOptions = { keepAlive: true, maxSockets: 32 };
  const client = new sdk.S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint.href } : {}),
    forcePathStyle: settings.forcePathStyle,
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    maxAttempts: S3_MAX_ATTEMPTS,
    // S3-compatible servers (Ceph RGW, older MinIO) reject the SDK's default CRC32 checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: {
      connectionTimeout: Math.min(settings.timeoutMs, 5000),
      requestTimeout: settings.timeoutMs,
      httpAgent: new HttpAgent(agentOptions),
      httpsAgent: new HttpsAgent(agentOptions),
    },
  });
  const attempts = new WeakMap<object, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const commandName = String(context.commandName ?? 'unknown');
      const attempt = (attempts.get(context) ?? 0) + 1;
      attempts.set(context, attempt);
      counts[commandName] = (counts[commandName] ?? 0) + 1;
      if (attempt > 1) log.warning(`S3 ${commandName}: retry ${attempt - 1} of ${S3_MAX_ATTEMPTS - 1}`);
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'srgCountAttempts' },
  );
  // The server's clock (Date header), so ages of objects are judged on the clock that stamped them.
  client.middlewareStack.add(
    (next) => async (args) => {
      const answer = await next(args);
      const headers = (answer.response as { headers?: Record<string, string | undefined> } | undefined)?.headers;
      const ms = headers?.date === undefined ? Number.NaN : Date.parse(headers.date);
      if (!Number.isNaN(ms)) onServerDate(ms);
      return answer;
    },
    { step: 'deserialize', priority: 'low', name: 'srgServerClock' },
  );
  return client;
}
