import { isAccepted, type AcceptedNames } from './names.js';
import { GITHUB_ACTIONS_APP_ID, type CheckRunSeen, type RequiredCheck } from './types.js';

/**
 * The required checks of one source after apply: every check that is not ours stays as it is,
 * in place; ours become the emitted name pinned to GitHub Actions. An accepted name of ours that
 * no GitHub Actions run carries is dropped (it would block every pull request forever), unless
 * the head has no runs at all, when nothing can be told and it stays.
 */
export function desiredChecks(current: readonly RequiredCheck[], names: AcceptedNames, runs: readonly CheckRunSeen[], emittedName: string): RequiredCheck[] {
  const emittedByActions = (name: string) => runs.some((run) => run.name === name && run.appId === GITHUB_ACTIONS_APP_ID);
  const result: RequiredCheck[] = [];
  const seen = new Set<string>();
  for (const check of current) {
    if (!isAccepted(check.context, names)) {
      result.push(check);
      continue;
    }
    if (seen.has(check.context)) continue;
    if (check.context === emittedName || runs.length === 0 || emittedByActions(check.context)) {
      result.push({ context: check.context, appId: GITHUB_ACTIONS_APP_ID });
      seen.add(check.context);
    }
  }
  if (!seen.has(emittedName)) result.push({ context: emittedName, appId: GITHUB_ACTIONS_APP_ID });
  return result;
}

export function sameChecks(a: readonly RequiredCheck[], b: readonly RequiredCheck[]): boolean {
  const key = (checks: readonly RequiredCheck[]) => JSON.stringify(checks.map((check) => [check.context, check.appId ?? null]));
  return key(a) === key(b);
}
