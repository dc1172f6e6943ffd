/**
 * The AWS SDK's S3 client, built by the gateway (s3.ts) on its first operation: this module and
 * the SDK load only then (a chunk of their own in the bundle), so start-up does not parse them.
 */
import * as sdk from '@aws-sdk/client-s3';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { S3Settings } from '../config/types.js';
import type { Logger } from '../util/logger.js';
import { S3_MAX_ATTEMPTS } from './s3.js';

export { sdk };

/** The SDK client of one run: a keep-alive pool, bounded retries, attempts counted by command. */
export function buildS3Client(settings: S3Settings, counts: Record<string, number>, log: Logger): sdk.S3Client {
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
  return client;
}
