/** The folder under `<prefix>/<env>/` that holds every smoke run's objects. */
export const SMOKE_FOLDER = '_smoke';

const RUN_ID_PATTERN = /^\d{8}T\d{6}Z-[0-9a-f]{8,}$/;

/**
 * A run id unique per run and sortable by time: `20261128T044742Z-3f9a1c2b` (UTC second, then
 * random hex so two runs in the same second never share a prefix).
 */
export function smokeRunId(now: Date, random: Uint8Array): string {
  if (random.length < 4) throw new Error('a smoke run id needs at least 4 random bytes');
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  const hex = [...random].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${stamp}-${hex}`;
}

/** `<prefix>/<env>/_smoke/<run-id>/`: the only place a smoke run writes or deletes. */
export function smokeRunPrefix(envPrefix: string, runId: string): string {
  if (!envPrefix.endsWith('/') || envPrefix.startsWith('/')) throw new Error(`env prefix must end with '/' and not start with it: ${envPrefix}`);
  if (!RUN_ID_PATTERN.test(runId)) throw new Error(`not a smoke run id: ${runId}`);
  return `${envPrefix}${SMOKE_FOLDER}/${runId}/`;
}
