/**
 * Hidden first lines that say which issue or comment belongs to which environment. Labels can be
 * dropped silently (tokens without push access), titles edited by people: the marker is what the
 * drift watch and the plan comment look for. Only a first line counts, so a marker quoted further
 * down someone's text is never taken for ours.
 */

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z$/;
const DRIFT = /^<!-- surreal-release-gates:drift env=([a-z0-9][a-z0-9-]*)(?: first-seen=(\S+))? -->$/;
const PLAN = /^<!-- surreal-release-gates:plan-comment env=([a-z0-9][a-z0-9-]*) -->$/;

const firstLine = (body: string | null | undefined): string => (body ?? '').split(/\r?\n/, 1)[0]?.trim() ?? '';

/** The drift issue's marker; `firstSeen` (ISO 8601 UTC) carries over from run to run. */
export function driftMarker(env: string, firstSeen: string): string {
  return `<!-- surreal-release-gates:drift env=${env} first-seen=${firstSeen} -->`;
}

/** The environment and first-seen time of a drift issue body, or undefined when it is not one. */
export function readDriftMarker(body: string | null | undefined): { env: string; firstSeen: string | undefined } | undefined {
  const match = DRIFT.exec(firstLine(body));
  if (!match) return undefined;
  const firstSeen = match[2] !== undefined && TIMESTAMP.test(match[2]) && !Number.isNaN(Date.parse(match[2])) ? match[2] : undefined;
  return { env: match[1] ?? '', firstSeen };
}

export function planCommentMarker(env: string): string {
  return `<!-- surreal-release-gates:plan-comment env=${env} -->`;
}

export function isPlanComment(body: string | null | undefined, env: string): boolean {
  return PLAN.exec(firstLine(body))?.[1] === env;
}
