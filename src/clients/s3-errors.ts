import { networkCode } from './network.js';

/** Why an S3 call failed, in terms a user can act on. */
export type S3FailureKind =
  | 'unreachable'
  | 'timeout'
  | 'credentials'
  | 'access-denied'
  | 'not-found'
  | 'wrong-region'
  | 'rejected'
  | 'server'
  /** Stopped by the run's cancellation or a phase's time budget, not by S3. */
  | 'cancelled';

export class S3Failure extends Error {
  constructor(
    readonly kind: S3FailureKind,
    readonly operation: string,
    message: string,
    readonly code: string | undefined,
    readonly httpStatus: number | undefined,
  ) {
    super(message);
    this.name = 'S3Failure';
  }
}

const CREDENTIAL_CODES = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'CredentialsProviderError',
  'TokenRefreshRequired',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  Code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  cause?: unknown;
  errors?: unknown;
}

export interface S3Target {
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly timeoutMs: number;
}

/** Turns anything an SDK call threw into an S3Failure whose message names the input at fault. */
export function describeS3Error(operation: string, thrown: unknown, target: S3Target): S3Failure {
  if (thrown instanceof S3Failure) return thrown;
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : { message: String(thrown) }) as ErrorShape;
  const name = typeof error.name === 'string' ? error.name : undefined;
  const code = typeof error.Code === 'string' ? error.Code : name;
  const status = typeof error.$metadata?.httpStatusCode === 'number' ? error.$metadata.httpStatusCode : undefined;
  const detail = typeof error.message === 'string' && error.message !== 'UnknownError' ? error.message : (code ?? 'unknown error');
  const where = `S3 ${operation} on bucket '${target.bucket}' at ${target.endpoint}`;
  const seconds = target.timeoutMs / 1000;

  if (name === 'AbortError' || name === 'TimeoutError' || error.code === 'ETIMEDOUT') {
    return new S3Failure(
      'timeout',
      operation,
      `${where} did not answer within ${seconds} s (s3-timeout-seconds). Check s3-endpoint and the network, or raise s3-timeout-seconds.`,
      code,
      status,
    );
  }
  const network = networkCode(error);
  if (network !== undefined) {
    return new S3Failure(
      'unreachable',
      operation,
      `${where} failed: endpoint unreachable (${network}). Check s3-endpoint (${target.endpoint}) and that the server is running.`,
      network,
      status,
    );
  }
  if (code !== undefined && CREDENTIAL_CODES.has(code)) {
    return new S3Failure(
      'credentials',
      operation,
      `${where} rejected the credentials (${code}). Check s3-access-key and s3-secret-key, or the role the default credential chain provides.`,
      code,
      status,
    );
  }
  if (status === 403 || code === 'AccessDenied' || code === 'AllAccessDisabled') {
    // A HEAD response has no body, so a bad signature and a missing permission both read as a bare 403.
    if (code !== 'AccessDenied' && code !== 'AllAccessDisabled') {
      return new S3Failure(
        'access-denied',
        operation,
        `${where} was denied (HTTP 403, no error code). Check s3-access-key and s3-secret-key; if they are right, they lack the permission for ${operation} on this bucket.`,
        code,
        status,
      );
    }
    return new S3Failure(
      'access-denied',
      operation,
      `${where} was denied (${code}). The credentials lack the permission for ${operation} on this bucket.`,
      code,
      status,
    );
  }
  if (status === 301 || code === 'PermanentRedirect' || code === 'AuthorizationHeaderMalformed' || code === 'IllegalLocationConstraintException') {
    return new S3Failure(
      'wrong-region',
      operation,
      `${where} answered that the bucket is in another region (${code ?? status}). Check s3-region (${target.region}).`,
      code,
      status,
    );
  }
  if (status === 404 || code === 'NoSuchBucket' || code === 'NotFound') {
    return new S3Failure('not-found', operation, `${where} failed: ${code ?? 'not found'}.`, code, status);
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return new S3Failure('rejected', operation, `${where} was rejected: ${detail} (HTTP ${status}).`, code, status);
  }
  return new S3Failure('server', operation, `${where} failed: ${detail}${status ? ` (HTTP ${status})` : ''}.`, code, status);
}
