import * as path from 'node:path';
import { InputError } from '../verdict.js';

/**
 * reports-dir, resolved against the workspace. On a runner it must lie inside one of `roots`
 * (the workspace, RUNNER_TEMP): reports are written there, and a path such as ../.ssh or /etc
 * would write into places the job does not own. Without roots (the CLI on an operator's
 * machine) any directory is taken.
 */
export function parseReportsDir(input: string, raw: string, workspace: string, roots: readonly string[] | undefined): string {
  const resolved = path.resolve(workspace, raw.trim());
  if (roots === undefined) return resolved;
  const inside = roots.some((root) => {
    const relative = path.relative(path.resolve(root), resolved);
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
  });
  if (!inside) {
    throw new InputError(input, raw, `a directory inside the workspace or RUNNER_TEMP (${roots.join(', ')}), e.g. docs/research`);
  }
  return resolved;
}
