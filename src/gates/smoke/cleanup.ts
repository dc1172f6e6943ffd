import { S3Failure, type S3Gateway } from '../../clients/s3.js';
import type { ListedUpload, ListedVersion, ObjectTarget } from '../../clients/s3-objects.js';
import type { SmokeProbe } from './probe.js';
import type { StorageState } from './storage.js';

/**
 * Cleanup is a phase of its own: it runs in the gate's `finally`, after any failure, timeout,
 * "unreachable" verdict or cancellation of the storage level, on a gateway view made for it
 * (`s3.scoped({ cleanup: true })`: its own time budget, not skipped after an unreachable verdict,
 * not aborted by the cancellation). It aborts the run's multipart uploads (those it knows and
 * those the server lists), deletes what the run left under its own prefix (versions and delete
 * markers too on a versioned bucket), then lists the prefix once more: anything left, keys and
 * upload ids, is a FAIL finding. Every delete is scoped to `runPrefix`. Never throws.
 */
export async function cleanUpRun(s3: S3Gateway, probe: SmokeProbe, runPrefix: string, state: StorageState): Promise<void> {
  if (!state.wroteAny) return;
  if (!state.storedAny && state.openUploads.size === 0 && !state.multipartUncertain) {
    probe.add({ level: 'info', message: `Cleanup: nothing to do, S3 refused every write under ${runPrefix}.` });
    return;
  }
  const manual = `Delete everything under ${runPrefix} by hand and abort its multipart uploads (it holds only this run's test objects); the next run removes it too once it is older than smoke-stale-after.`;
  // Versions exist only where an object may have been stored; an unknown state counts as versioned.
  const versioned = state.versioning !== 'Unversioned' && state.storedAny;

  // Round 1, in parallel: the uploads the server knows (a request cut off in flight may have
  // started one this run has no id for), and what is left, unless the main flow removed it all.
  const [uploads, objects, versions] = await Promise.all([
    probe.timed('ListMultipartUploads cleanup', runPrefix, () => s3.listMultipartUploads(runPrefix)),
    state.deletedAll ? undefined : probe.timed('ListObjectsV2 cleanup', runPrefix, () => s3.listObjects(runPrefix)),
    versioned && !state.versionsCleared ? probe.timed('ListObjectVersions cleanup', runPrefix, () => s3.listObjectVersions(runPrefix)) : undefined,
  ]);
  if (!uploads.ok) probe.failure('Cleanup: listing the multipart uploads under', runPrefix, uploads.error);
  if (objects && !objects.ok) probe.failure('Cleanup: listing', runPrefix, objects.error);
  if (versions && !versions.ok) probe.failure('Cleanup: listing the versions under', runPrefix, versions.error);

  // Round 2, in parallel: abort every open upload; delete every version (no delete markers are
  // made that way) or, where versions are not listed, every object.
  const open = new Map<string, string>([...state.openUploads].map(([key, uploadId]) => [uploadId, key]));
  for (const upload of uploads.ok ? uploads.value : []) open.set(upload.uploadId, upload.key);
  const targets: ObjectTarget[] =
    versions?.ok === true
      ? versions.value.map((version) => ({ key: version.key, versionId: version.versionId }))
      : objects?.ok === true
        ? objects.value.map((object) => ({ key: object.key }))
        : [];
  await Promise.all([
    ...[...open].map(async ([uploadId, key]) => {
      const aborted = await probe.timed('AbortMultipartUpload cleanup', key, () => s3.abortMultipartUpload(key, uploadId, runPrefix));
      // NoSuchUpload: completed or aborted already (e.g. a Complete whose answer was cut off).
      const gone = !aborted.ok && aborted.error instanceof S3Failure && aborted.error.kind === 'not-found';
      if (aborted.ok || gone) state.openUploads.delete(key);
      else probe.failure(`Cleanup: aborting the multipart upload ${uploadId} of`, key, aborted.error);
    }),
    targets.length > 0
      ? deleteScoped(s3, probe, versions?.ok === true ? 'DeleteObjects cleanup versions' : 'DeleteObjects cleanup', runPrefix, targets)
      : undefined,
  ]);

  await finalCheck(s3, probe, runPrefix, state, versioned, manual);
}

/** The final word: one more listing of objects, uploads (and versions); whatever is left is named. */
async function finalCheck(s3: S3Gateway, probe: SmokeProbe, runPrefix: string, state: StorageState, versioned: boolean, manual: string): Promise<void> {
  const left = (entries: readonly unknown[]) => (entries.length === 0 ? { result: 'empty', ok: true } : { result: `${entries.length} left`, ok: false });
  const [objects, uploads, versions] = await Promise.all([
    probe.timed('ListObjectsV2 final check', runPrefix, () => s3.listObjects(runPrefix), { describe: left }),
    probe.timed('ListMultipartUploads final check', runPrefix, () => s3.listMultipartUploads(runPrefix), { describe: left }),
    versioned ? probe.timed('ListObjectVersions final check', runPrefix, () => s3.listObjectVersions(runPrefix), { describe: left }) : undefined,
  ]);
  if (versions && !versions.ok) {
    probe.add({
      level: 'unverifiable',
      message: `Cleanup: cannot confirm that no version is left under ${runPrefix}: ${versions.error instanceof Error ? versions.error.message : String(versions.error)}`,
      remediation: `Grant s3:ListBucketVersions, or ${manual}`,
    });
  }
  if (!objects.ok || !uploads.ok) {
    const failed = !objects.ok ? objects : uploads;
    const known = [...state.openUploads].map(([key, uploadId]) => `upload ${uploadId} of ${probe.keyLabel(key)}`);
    probe.add({
      level: 'fail',
      message: `Cleanup could not confirm that nothing is left under ${runPrefix}: ${!failed.ok && failed.error instanceof Error ? failed.error.message : 'the final listing failed'}${known.length > 0 ? ` Known to be open: ${known.join(', ')}.` : ''}`,
      remediation: manual,
    });
    return;
  }
  const versionsLeft: readonly ListedVersion[] = versions?.ok === true ? versions.value : [];
  if (objects.value.length > 0 || uploads.value.length > 0 || versionsLeft.length > 0) {
    probe.add({
      level: 'fail',
      message: `Cleanup left ${leftovers(
        probe,
        objects.value.map((entry) => entry.key),
        uploads.value,
        versionsLeft,
      )} under ${runPrefix}.`,
      remediation: manual,
    });
    return;
  }
  probe.add({ level: 'info', message: `Cleanup: nothing of this run is left under ${runPrefix}.` });
}

function leftovers(probe: SmokeProbe, keys: readonly string[], uploads: readonly ListedUpload[], versions: readonly ListedVersion[]): string {
  return [
    keys.length > 0 ? `${keys.length} object(s): ${keys.map((key) => probe.keyLabel(key)).join(', ')}` : '',
    uploads.length > 0
      ? `${uploads.length} unfinished multipart upload(s): ${uploads.map((upload) => `${probe.keyLabel(upload.key)} (upload id ${upload.uploadId})`).join(', ')}`
      : '',
    versions.length > 0
      ? `${versions.length} version(s)/delete marker(s): ${versions.map((version) => `${probe.keyLabel(version.key)} ${version.versionId}`).join(', ')}`
      : '',
  ]
    .filter(Boolean)
    .join('; ');
}

async function deleteScoped(s3: S3Gateway, probe: SmokeProbe, operation: string, runPrefix: string, targets: readonly ObjectTarget[]): Promise<void> {
  const deleted = await probe.timed(operation, runPrefix, () => s3.deleteObjects(targets, runPrefix), {
    describe: (answer) => (answer.errors.length > 0 ? { result: `${answer.errors.length} error(s)`, ok: false } : { result: 'ok', ok: true }),
  });
  if (!deleted.ok) probe.failure('Cleanup: deleting under', runPrefix, deleted.error);
  else if (deleted.value.errors.length > 0) {
    probe.add({
      level: 'fail',
      message: `Cleanup: could not delete ${deleted.value.errors.map((error) => `${probe.keyLabel(error.key)} (${error.code})`).join(', ')}.`,
      remediation: `Grant s3:DeleteObject on ${runPrefix}*, or delete it by hand.`,
    });
  }
}
