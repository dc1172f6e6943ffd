/**
 * Socket-level error codes that mean "the network or the server is not there", wherever a
 * client meets them (fetch wraps them in `cause`, the AWS SDK and Octokit in their own errors).
 */
export const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The codes of the above that mean no connection was made, so no request reached the server. */
export const NOT_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The network error code behind an error (in `cause` or an AggregateError's `errors`), if any. */
export function networkCode(thrown: unknown, depth = 0): string | undefined {
  if (typeof thrown !== 'object' || thrown === null || depth > 4) return undefined;
  const error = thrown as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) return error.code;
  if (Array.isArray(error.errors)) {
    for (const inner of error.errors) {
      const found = networkCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return networkCode(error.cause, depth + 1);
}

/** Whether an error is an abort (a timeout signal firing included). */
export function isAbortError(thrown: unknown): boolean {
  const name = typeof thrown === 'object' && thrown !== null ? (thrown as { name?: unknown }).name : undefined;
  return name === 'TimeoutError' || name === 'AbortError';
}
