import type { S3Gateway } from '../clients/s3.js';
import type { ObjectTarget } from '../clients/s3-objects.js';
import type { SmokeProbe } from './smoke-probe.js';
import type { StorageState } from './smoke-storage.js';

/**
 * Runs in the gate's `finally`: aborts open multipart uploads, deletes whatever the run left
 * under its own prefix (objects, then versions and delete markers), and confirms the prefix is
 * empty. Every delete is scoped to `runPrefix` (the gateway refuses anything else). Never throws.
 */
export async function cleanUpRun(s3: S3Gateway, probe: SmokeProbe, runPrefix: string, state: StorageState): Promise<void> {
  if (!state.wroteAny) return;
  if (!state.storedAny && state.openUploads.size === 0 && !state.multipartUncertain) {
    probe.add({ level: 'info', message: `Cleanup: nothing to do, S3 refused every write under ${runPrefix}.` });
    return;
  }
  const manual = `Delete everything under ${runPrefix} by hand (it holds only this run's test objects).`;

  for (const [key, uploadId] of state.openUploads) {
    const aborted = await probe.timed('AbortMultipartUpload cleanup', key, () => s3.abortMultipartUpload(key, uploadId, runPrefix));
    if (aborted.ok) state.openUploads.delete(key);
    else probe.failure('Cleanup: aborting the multipart upload of', key, aborted.error);
  }
  if (state.multipartUncertain) {
    const uploads = await probe.timed('ListMultipartUploads cleanup', runPrefix, () => s3.listMultipartUploads(runPrefix));
    if (uploads.ok) {
      for (const upload of uploads.value.filter((entry) => entry.key.startsWith(runPrefix))) {
        const aborted = await probe.timed('AbortMultipartUpload cleanup', upload.key, () => s3.abortMultipartUpload(upload.key, upload.uploadId, runPrefix));
        if (!aborted.ok) probe.failure('Cleanup: aborting the multipart upload of', upload.key, aborted.error);
      }
    } else {
      probe.failure('Cleanup: listing the multipart uploads under', runPrefix, uploads.error);
    }
  }

  if (!state.deletedAll) {
    const leftovers = await probe.timed('ListObjectsV2 cleanup', runPrefix, () => s3.listObjects(runPrefix));
    if (leftovers.ok && leftovers.value.length > 0) {
      await deleteScoped(s3, probe, 'DeleteObjects cleanup', runPrefix, leftovers.value.map((entry) => ({ key: entry.key })));
    } else if (!leftovers.ok) {
      probe.failure('Cleanup: listing', runPrefix, leftovers.error);
    }
  }
  // Versions exist only where an object may have been stored.
  const versioned = state.versioning !== 'Unversioned' && state.storedAny;
  const sweepVersions = versioned && !state.versionsCleared;
  if (sweepVersions) {
    const versions = await probe.timed('ListObjectVersions cleanup', runPrefix, () => s3.listObjectVersions(runPrefix));
    if (versions.ok && versions.value.length > 0) {
      await deleteScoped(s3, probe, 'DeleteObjects cleanup versions', runPrefix, versions.value.map((entry) => ({ key: entry.key, versionId: entry.versionId })));
    } else if (!versions.ok) {
      probe.failure('Cleanup: listing the versions under', runPrefix, versions.error);
    }
  }

  // The final word: nothing of this run may remain.
  const remaining = await probe.timed('ListObjectsV2 final check', runPrefix, () => s3.listObjects(runPrefix), {
    describe: (entries) => (entries.length === 0 ? { result: 'empty', ok: true } : { result: `${entries.length} left`, ok: false }),
  });
  let versionsLeft = 0;
  if (versioned) {
    const versions = await probe.timed('ListObjectVersions final check', runPrefix, () => s3.listObjectVersions(runPrefix), {
      describe: (entries) => (entries.length === 0 ? { result: 'empty', ok: true } : { result: `${entries.length} left`, ok: false }),
    });
    if (!versions.ok) {
      probe.add({ level: 'unverifiable', message: `Cleanup: cannot confirm that no version is left under ${runPrefix}: ${versions.error instanceof Error ? versions.error.message : String(versions.error)}`, remediation: `Grant s3:ListBucketVersions, or ${manual}` });
    } else {
      versionsLeft = versions.value.length;
    }
  }
  if (!remaining.ok) {
    probe.failure('Cleanup: the final listing of', runPrefix, remaining.error);
    return;
  }
  if (remaining.value.length > 0 || versionsLeft > 0) {
    probe.add({
      level: 'fail',
      message: `Cleanup left ${remaining.value.length} object(s)${versionsLeft > 0 ? ` and ${versionsLeft} version(s)/marker(s)` : ''} under ${runPrefix}: ${remaining.value.map((entry) => probe.keyLabel(entry.key)).join(', ')}.`,
      remediation: manual,
    });
    return;
  }
  probe.add({ level: 'info', message: `Cleanup: nothing of this run is left under ${runPrefix}.` });
}

async function deleteScoped(s3: S3Gateway, probe: SmokeProbe, operation: string, runPrefix: string, targets: readonly ObjectTarget[]): Promise<void> {
  const deleted = await probe.timed(operation, runPrefix, () => s3.deleteObjects(targets, runPrefix), {
    describe: (answer) => (answer.errors.length > 0 ? { result: `${answer.errors.length} error(s)`, ok: false } : { result: 'ok', ok: true }),
  });
  if (!deleted.ok) probe.failure('Cleanup: deleting under', runPrefix, deleted.error);
  else if (deleted.value.errors.length > 0) {
    probe.add({ level: 'fail', message: `Cleanup: could not delete ${deleted.value.errors.map((error) => `${probe.keyLabel(error.key)} (${error.code})`).join(', ')}.`, remediation: `Grant s3:DeleteObject on ${runPrefix}*, or delete it by hand.` });
  }
}
