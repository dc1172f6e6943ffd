import type { Denial, Read } from '../../branch-protection/types.js';
import { GitHubFailure } from '../../clients/github-errors.js';

/** A read whose 403/404 is an answer ("this token may not know"), not a crash. */
export async function readOrDenied<T>(read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof GitHubFailure && (error.kind === 'permission' || error.kind === 'not-found')) {
      const denied: Denial = {
        operation: error.operation,
        status: error.status ?? 0,
        permission: error.acceptedPermissions,
        message: error.serverMessage ?? error.message,
      };
      return { ok: false, denied };
    }
    throw error;
  }
}
