import { S3Failure, type S3Gateway } from '../../clients/s3.js';
import type { ObjectTarget } from '../../clients/s3-objects.js';
import type { S3Mode } from '../../config/types.js';
import type { Versioning } from '../../lifecycle/rule.js';
import { findDebris, formatAge, type DebrisRun } from '../../smoke/debris.js';
import { smokeFolder } from '../../smoke/run-id.js';
import type { SmokeProbe } from './probe.js';

export interface DebrisContext {
  /** Bounded by the sweep's own time budget (and the run's cancellation). */
  readonly s3: S3Gateway;
  readonly probe: SmokeProbe;
  readonly envPrefix: string;
  readonly runId: string;
  readonly versioning: Versioning | 'unknown';
  readonly staleAfterMs: number;
  readonly mode: S3Mode;
  readonly runnerNow: Date;
}

/** One earlier run in the JSON results. */
export interface DebrisEntry {
  readonly runId: string;
  readonly runPrefix: string;
  readonly objects: number;
  readonly versions: number;
  readonly uploads: readonly { readonly key: string; readonly uploadId: string }[];
  readonly newestWrite: string | null;
  readonly why: string;
  /** Only for removed runs: false when something could not be deleted or aborted. */
  readonly complete?: boolean;
}

export interface DebrisDetails {
  /** mode apply: stale runs removed. */
  readonly removed: readonly DebrisEntry[];
  /** mode plan: stale runs apply would remove. */
  readonly planned: readonly DebrisEntry[];
  /** Runs not stale yet (maybe still running): kept. */
  readonly kept: readonly DebrisEntry[];
}

/**
 * Earlier runs' debris (a killed or cut-off run's objects, versions, delete markers and
 * unfinished multipart uploads): lists `<prefix>/<env>/_smoke/`, removes every run whose run id
 * and newest write are both older than smoke-stale-after (plan mode only reports them, as WARN),
 * and lists the runs it keeps. Keys without the run-id shape, and everything outside `_smoke/`,
 * are never touched; each delete is scoped to one stale run's prefix. Never throws; undefined
 * when `_smoke/` could not be listed (a WARN says why).
 */
export async function sweepDebris(context: DebrisContext): Promise<DebrisDetails | undefined> {
  const { s3, probe } = context;
  const folder = smokeFolder(context.envPrefix);
  const versioned = context.versioning !== 'Unversioned';
  const [objects, uploads, versions] = await Promise.all([
    probe.timed('ListObjectsV2 debris', folder, () => s3.listObjects(folder)),
    probe.timed('ListMultipartUploads debris', folder, () => s3.listMultipartUploads(folder)),
    versioned ? probe.timed('ListObjectVersions debris', folder, () => s3.listObjectVersions(folder)) : undefined,
  ]);
  const failed = [objects, uploads, versions].find((listed) => listed !== undefined && !listed.ok);
  if (failed !== undefined && !failed.ok) {
    probe.add({
      level: 'warn',
      message: `Debris of earlier runs under ${folder} was not checked: ${failed.error instanceof Error ? failed.error.message : String(failed.error)}`,
      remediation:
        'Grant s3:ListBucket and s3:ListBucketMultipartUploads (and s3:ListBucketVersions on a versioned bucket) on the bucket; the next run checks again.',
    });
    return undefined;
  }
  const runs = findDebris({
    envPrefix: context.envPrefix,
    ownRunId: context.runId,
    listing: {
      objects: objects.ok ? objects.value : [],
      versions: versions?.ok === true ? versions.value : undefined,
      uploads: uploads.ok ? uploads.value : [],
    },
    runnerNow: context.runnerNow,
    serverNow: s3.serverTime(),
    staleAfterMs: context.staleAfterMs,
  });
  const kept = runs.filter((run) => !run.stale);
  const stale = runs.filter((run) => run.stale);
  if (kept.length > 0) {
    probe.add({
      level: 'info',
      message: `Kept ${kept.length} other run(s) under ${folder} that are not stale (maybe still running): ${kept.map((run) => `${run.runId} (${describe(run)}; ${run.why})`).join('; ')}.`,
    });
  }
  if (stale.length === 0) return { removed: [], planned: [], kept: kept.map((run) => entry(run)) };
  if (context.mode === 'plan') {
    probe.add({
      level: 'warn',
      message: `Debris of ${stale.length} earlier run(s) under ${folder}, which mode: apply would remove (plan deletes only this run's own objects): ${stale.map((run) => `${run.runId} (${describe(run)}; ${run.why})`).join('; ')}.`,
      remediation: 'Run the smoke gate with mode: apply, or delete these run prefixes and abort their uploads by hand.',
    });
    return { removed: [], planned: stale.map((run) => entry(run)), kept: kept.map((run) => entry(run)) };
  }
  const removed: DebrisEntry[] = [];
  for (const run of stale) removed.push(entry(run, await removeRun(s3, probe, run, versions?.ok === true)));
  const complete = removed.filter((run) => run.complete);
  if (complete.length > 0) {
    probe.add({
      level: 'info',
      message: `Removed debris of ${complete.length} earlier run(s) older than smoke-stale-after ${formatAge(context.staleAfterMs)}: ${stale
        .filter((run) => complete.some((done) => done.runId === run.runId))
        .map((run) => `${run.runId} (${describe(run)})`)
        .join('; ')}.`,
    });
  }
  return { removed, planned: [], kept: kept.map((run) => entry(run)) };
}

/** Aborts the run's uploads and deletes its versions (or objects); true when all of it went. */
async function removeRun(s3: S3Gateway, probe: SmokeProbe, run: DebrisRun, byVersion: boolean): Promise<boolean> {
  const targets: ObjectTarget[] = byVersion
    ? run.versions.map((version) => ({ key: version.key, versionId: version.versionId }))
    : run.objects.map((key) => ({ key }));
  const problems: string[] = [];
  await Promise.all([
    ...run.uploads.map(async (upload) => {
      const aborted = await probe.timed('AbortMultipartUpload debris', upload.key, () => s3.abortMultipartUpload(upload.key, upload.uploadId, run.runPrefix));
      const gone = !aborted.ok && aborted.error instanceof S3Failure && aborted.error.kind === 'not-found';
      if (!aborted.ok && !gone) problems.push(`aborting upload ${upload.uploadId} of ${upload.key}: ${message(aborted.error)}`);
    }),
    (async () => {
      if (targets.length === 0) return;
      const deleted = await probe.timed('DeleteObjects debris', run.runPrefix, () => s3.deleteObjects(targets, run.runPrefix), {
        describe: (answer) => (answer.errors.length > 0 ? { result: `${answer.errors.length} error(s)`, ok: false } : { result: 'ok', ok: true }),
      });
      if (!deleted.ok) problems.push(`deleting: ${message(deleted.error)}`);
      else if (deleted.value.errors.length > 0)
        problems.push(`could not delete ${deleted.value.errors.map((error) => `${error.key} (${error.code})`).join(', ')}`);
    })(),
  ]);
  if (problems.length > 0) {
    probe.add({
      level: 'warn',
      message: `Debris of the earlier run ${run.runId} (${describe(run)}) was not all removed: ${problems.join('; ')}.`,
      remediation: `Grant s3:DeleteObject, s3:AbortMultipartUpload (and s3:DeleteObjectVersion on a versioned bucket) on ${run.runPrefix}*, or remove it by hand; the next run tries again.`,
    });
  }
  return problems.length === 0;
}

function describe(run: DebrisRun): string {
  return [
    `${run.objects.length} object(s)`,
    ...(run.versions.length > 0 ? [`${run.versions.length} version(s)/delete marker(s)`] : []),
    `${run.uploads.length} unfinished multipart upload(s)${run.uploads.length > 0 ? `: upload id ${run.uploads.map((upload) => upload.uploadId).join(', ')}` : ''}`,
  ].join(', ');
}

function entry(run: DebrisRun, complete?: boolean): DebrisEntry {
  return {
    runId: run.runId,
    runPrefix: run.runPrefix,
    objects: run.objects.length,
    versions: run.versions.length,
    uploads: run.uploads,
    newestWrite: run.newestWrite?.toISOString() ?? null,
    why: run.why,
    ...(complete !== undefined ? { complete } : {}),
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
