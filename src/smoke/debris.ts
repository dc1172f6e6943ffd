import { runIdTime, smokeFolder, smokeRunPrefix } from './run-id.js';

/** What a listing of `<prefix>/<env>/_smoke/` found (the shapes the S3 client returns). */
export interface SmokeFolderListing {
  readonly objects: readonly { readonly key: string; readonly lastModified: Date | undefined }[];
  /** Versions and delete markers; undefined when not listed (an unversioned bucket). */
  readonly versions:
    readonly { readonly key: string; readonly versionId: string; readonly deleteMarker: boolean; readonly lastModified: Date | undefined }[] | undefined;
  readonly uploads: readonly { readonly key: string; readonly uploadId: string; readonly initiated: Date | undefined }[];
}

export interface DebrisInput {
  readonly envPrefix: string;
  /** This run: never debris (its own cleanup handles it). */
  readonly ownRunId: string;
  readonly listing: SmokeFolderListing;
  /** The runner's clock, for the run id's time. */
  readonly runnerNow: Date;
  /** The server's clock (its Date header), for Last-Modified and Initiated; undefined: unknown. */
  readonly serverNow: Date | undefined;
  readonly staleAfterMs: number;
}

/** Everything of one earlier run found under its prefix. */
export interface DebrisRun {
  readonly runId: string;
  readonly runPrefix: string;
  /** The time in the run id (runner clock of that run). */
  readonly startedAt: Date;
  /** The newest Last-Modified / Initiated (server clock); undefined when an entry had none. */
  readonly newestWrite: Date | undefined;
  readonly objects: readonly string[];
  readonly versions: readonly { readonly key: string; readonly versionId: string; readonly deleteMarker: boolean }[];
  readonly uploads: readonly { readonly key: string; readonly uploadId: string }[];
  /** True only when both the run id and the newest write are older than smoke-stale-after. */
  readonly stale: boolean;
  /** Why it is (not) stale, for the report. */
  readonly why: string;
}

/**
 * Groups what lies under `_smoke/` by run and decides which runs are stale. Only keys strictly
 * below `_smoke/<run-id>/` with a real run id count; anything else under `_smoke/` (notes, a key
 * named like a run id, `<run-id>-x/`) is never part of a run, so never removed. A run is stale
 * only when both clocks agree: the run id's time on the runner's clock and its newest write on
 * the server's clock, so a runner clock that is off cannot sweep a run that is still writing.
 */
export function findDebris(input: DebrisInput): DebrisRun[] {
  const folder = smokeFolder(input.envPrefix);
  const runs = new Map<
    string,
    { objects: string[]; versions: DebrisRun['versions'][number][]; uploads: DebrisRun['uploads'][number][]; times: (Date | undefined)[] }
  >();
  const runOf = (key: string) => {
    const runId = runIdOfKey(key, folder);
    if (runId === undefined || runId === input.ownRunId) return undefined;
    let run = runs.get(runId);
    if (run === undefined) {
      run = { objects: [], versions: [], uploads: [], times: [] };
      runs.set(runId, run);
    }
    return run;
  };
  for (const object of input.listing.objects) {
    const run = runOf(object.key);
    run?.objects.push(object.key);
    run?.times.push(object.lastModified);
  }
  for (const version of input.listing.versions ?? []) {
    const run = runOf(version.key);
    run?.versions.push({ key: version.key, versionId: version.versionId, deleteMarker: version.deleteMarker });
    run?.times.push(version.lastModified);
  }
  for (const upload of input.listing.uploads) {
    const run = runOf(upload.key);
    run?.uploads.push({ key: upload.key, uploadId: upload.uploadId });
    run?.times.push(upload.initiated);
  }

  return [...runs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([runId, run]) => {
      const startedAt = runIdTime(runId) as Date;
      const newestWrite = run.times.some((time) => time === undefined) ? undefined : new Date(Math.max(...run.times.map((time) => (time as Date).getTime())));
      const { stale, why } = judge(startedAt, newestWrite, input);
      return {
        runId,
        runPrefix: smokeRunPrefix(input.envPrefix, runId),
        startedAt,
        newestWrite,
        objects: run.objects,
        versions: run.versions,
        uploads: run.uploads,
        stale,
        why,
      };
    });
}

/** The run id of a key strictly below `<folder><run-id>/`, or undefined. */
export function runIdOfKey(key: string, folder: string): string | undefined {
  if (!key.startsWith(folder)) return undefined;
  const rest = key.slice(folder.length);
  const slash = rest.indexOf('/');
  // A name, then at least one character after its slash (the prefix itself is no key of the run).
  if (slash <= 0 || slash === rest.length - 1) return undefined;
  const name = rest.slice(0, slash);
  return runIdTime(name) === undefined ? undefined : name;
}

function judge(startedAt: Date, newestWrite: Date | undefined, input: DebrisInput): { stale: boolean; why: string } {
  const limit = formatAge(input.staleAfterMs);
  const idAge = input.runnerNow.getTime() - startedAt.getTime();
  if (idAge <= input.staleAfterMs) return { stale: false, why: `its run id is ${describeAge(idAge)}, not older than smoke-stale-after ${limit}` };
  if (newestWrite === undefined) return { stale: false, why: 'the server gave no time for one of its entries' };
  if (input.serverNow === undefined) return { stale: false, why: "the server's clock is unknown (no Date header)" };
  const writeAge = input.serverNow.getTime() - newestWrite.getTime();
  // The Date header counts whole seconds: a write of this second may look a little in the future.
  if (writeAge <= input.staleAfterMs)
    return { stale: false, why: `its newest write is ${describeAge(writeAge)} by the server's clock, not older than smoke-stale-after ${limit}` };
  return { stale: true, why: `its run id is ${formatAge(idAge)} old and its newest write ${formatAge(writeAge)}, both older than smoke-stale-after ${limit}` };
}

/** "10m old", or "5 s in the future" (less than a second ahead counts as now). */
function describeAge(ms: number): string {
  return ms <= -1000 ? `${formatAge(-ms)} in the future` : `${formatAge(Math.max(0, ms))} old`;
}

/** 90061000 -> "1d 1h 1m"; under a minute in seconds. */
export function formatAge(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.floor(ms / 60_000);
  const parts = [
    [Math.floor(minutes / 1440), 'd'],
    [Math.floor((minutes % 1440) / 60), 'h'],
    [minutes % 60, 'm'],
  ] as const;
  return parts
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value}${unit}`)
    .join(' ');
}
