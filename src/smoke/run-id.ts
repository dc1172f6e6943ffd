/** The folder under `<prefix>/<env>/` that holds every smoke run's objects. */
export const SMOKE_FOLDER = '_smoke';

const RUN_ID_PATTERN = /^\d{8}T\d{6}Z-[0-9a-f]{8,}$/;

/**
 * A run id unique per run and sortable by time: `20261128T044742Z-3f9a1c2b` (UTC second, then
 * random hex so two runs in the same second never share a prefix).
 */
export function smokeRunId(now: Date, random: Uint8Array): string {
  if (random.length < 4) throw new Error('a smoke run id needs at least 4 random bytes');
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  const hex = [...random].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${stamp}-${hex}`;
}

/**
 * The time a run id was taken (its UTC second), or undefined for a name without the run-id
 * shape or with a date that does not exist: only such names are runs a sweep may remove.
 */
export function runIdTime(name: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-/.exec(name);
  if (!RUN_ID_PATTERN.test(name) || match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over into March: such a name is not a run id.
  const same =
    time.getUTCFullYear() === year &&
    time.getUTCMonth() === month - 1 &&
    time.getUTCDate() === day &&
    time.getUTCHours() === hour &&
    time.getUTCMinutes() === minute &&
    time.getUTCSeconds() === second;
  return same ? time : undefined;
}

/** `<prefix>/<env>/_smoke/`: every run's prefix lies below it. */
export function smokeFolder(envPrefix: string): string {
  if (!envPrefix.endsWith('/') || envPrefix.startsWith('/')) throw new Error(`env prefix must end with '/' and not start with it: ${envPrefix}`);
  return `${envPrefix}${SMOKE_FOLDER}/`;
}

/** `<prefix>/<env>/_smoke/<run-id>/`: where a smoke run writes; it deletes there and in stale runs' prefixes. */
export function smokeRunPrefix(envPrefix: string, runId: string): string {
  if (!envPrefix.endsWith('/') || envPrefix.startsWith('/')) throw new Error(`env prefix must end with '/' and not start with it: ${envPrefix}`);
  if (!RUN_ID_PATTERN.test(runId)) throw new Error(`not a smoke run id: ${runId}`);
  return `${envPrefix}${SMOKE_FOLDER}/${runId}/`;
}
