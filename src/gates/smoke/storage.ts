import { S3Failure, type S3Gateway } from '../../clients/s3.js';
import type { ObjectHead, ObjectTarget } from '../../clients/s3-objects.js';
import type { LifecycleRule, Versioning } from '../../lifecycle/rule.js';
import { judgeExpiration, type ExpirationVerdict } from '../../smoke/expiration.js';
import { expectedContentRange, firstAndLastRanges, md5Base64, sha256Hex, type SmokeObject } from '../../smoke/objects.js';
import type { SmokeProbe } from './probe.js';
import { sleep } from '../../util/sleep.js';

export interface StorageContext {
  readonly s3: S3Gateway;
  readonly probe: SmokeProbe;
  readonly runPrefix: string;
  readonly envPrefix: string;
  readonly objects: readonly SmokeObject[];
  /** Remediation when no rule expires the run's objects. */
  readonly applyHint: string;
}

/** What the run did so far: the cleanup reads it to know what is left to undo. */
export interface StorageState {
  versioning: Versioning | 'unknown';
  /** A write was attempted: something may exist under the run prefix. */
  wroteAny: boolean;
  /** An object may have been stored (a write succeeded, or failed without a clear refusal). */
  storedAny: boolean;
  /** Multipart uploads started and neither completed nor aborted: key -> upload id. */
  readonly openUploads: Map<string, string>;
  /** A CreateMultipartUpload failed without an answer: an upload may exist that we have no id for. */
  multipartUncertain: boolean;
  /** The main flow deleted every object and saw each HEAD 404. */
  deletedAll: boolean;
  /** The main flow removed every version and delete marker under the run prefix. */
  versionsCleared: boolean;
  /** The bucket's lifecycle rules as read at the start of the run; undefined when unreadable. */
  rules: LifecycleRule[] | undefined;
  /** The expiry the server announced (and the rules confirmed), for the summary. */
  expiry: string | undefined;
}

export function initialStorageState(): StorageState {
  return {
    versioning: 'unknown',
    wroteAny: false,
    storedAny: false,
    openUploads: new Map(),
    multipartUncertain: false,
    deletedAll: false,
    versionsCleared: false,
    rules: undefined,
    expiry: undefined,
  };
}

/**
 * The attachment path on real objects: write (Content-MD5, metadata, multipart above the
 * threshold), HEAD (attributes and x-amz-expiration), GET in full and by range, list, delete,
 * confirm 404, and remove versions on a versioned bucket. Wrong answers are findings and the run
 * goes on; a request without a usable answer stops it, and the caller's cleanup undoes what is
 * left. Never throws (every request goes through the probe).
 */
export async function runStorageLevel(context: StorageContext, state: StorageState): Promise<void> {
  const { probe, s3 } = context;
  // The rules are read to compare the server's x-amz-expiration with them; versioning decides the cleanup.
  const [versioning, rules] = await Promise.all([
    probe.timed('GetBucketVersioning', '(bucket)', () => s3.getVersioning({ fresh: true })),
    probe.timed('GetBucketLifecycleConfiguration', '(bucket)', () => s3.getLifecycleRules({ fresh: true })),
  ]);
  if (rules.ok) state.rules = rules.value;
  if (versioning.ok) {
    state.versioning = versioning.value;
  } else if (versioning.error instanceof S3Failure && versioning.error.kind === 'access-denied') {
    probe.add({ level: 'info', message: 'Could not read the bucket versioning (denied): versions are swept as if the bucket were versioned.' });
  } else if (versioning.error instanceof S3Failure && versioning.error.code === 'NoSuchBucket') {
    probe.add({
      level: 'fail',
      message: `The bucket does not exist: the attachment path cannot work, and nothing was written.`,
      evidence: versioning.error.message,
      remediation: "Run the 'bucket' gate with mode: apply, or check s3-bucket.",
    });
    return;
  } else {
    probe.failure('Reading versioning of', 'the bucket', versioning.error);
    return;
  }

  const written = await Promise.all(context.objects.map((object) => writeObject(context, state, object)));
  // Findings in the order of the objects, not of completion: the same failure reads the same way.
  for (const failed of written) if (failed !== undefined) probe.failure(failed.what, failed.key, failed.error);
  if (written.some((failed) => failed !== undefined)) return;
  const multipart = context.objects.filter((object) => object.upload === 'multipart');
  probe.add({
    level: 'info',
    message: `PUT ${context.objects.length} objects with Content-MD5 and user metadata (${multipart.map((object) => `${object.name} in ${object.parts.length} parts`).join(', ') || 'no multipart'}): accepted.`,
  });

  if (!(await headObjects(context, state))) return;
  if (!(await getObjects(context))) return;
  const listed = await listRunPrefix(context);
  if (listed === undefined) return;
  if (!(await deleteObjects(context, state, listed))) return;
  if (state.versioning !== 'Unversioned') await removeVersions(context, state);
  else state.versionsCleared = true;
}

interface WriteFailure {
  readonly what: string;
  readonly key: string;
  readonly error: unknown;
}

/** Writes one object (single PUT or multipart); undefined on success. */
async function writeObject({ s3, probe }: StorageContext, state: StorageState, object: SmokeObject): Promise<WriteFailure | undefined> {
  state.wroteAny = true;
  const attributes = { key: object.key, contentType: object.contentType, metadata: object.metadata };
  if (object.upload === 'single') {
    const put = await probe.timed('PutObject', object.key, () => s3.putObject({ ...attributes, body: object.body, contentMd5: object.md5Base64 }), {
      bytes: object.body.length,
    });
    if (put.ok || !refused(put.error)) state.storedAny = true;
    return put.ok ? undefined : { what: 'PUT', key: object.key, error: put.error };
  }
  const created = await probe.timed('CreateMultipartUpload', object.key, () => s3.createMultipartUpload(attributes));
  if (!created.ok) {
    if (!refused(created.error)) state.multipartUncertain = true;
    return { what: 'Multipart upload of', key: object.key, error: created.error };
  }
  const uploadId = created.value;
  state.openUploads.set(object.key, uploadId);
  const parts = await Promise.all(
    object.parts.map(async (part) => {
      const body = object.body.subarray(part.start, part.end);
      const uploaded = await probe.timed(
        `UploadPart ${part.partNumber}`,
        object.key,
        () => s3.uploadPart({ key: object.key, uploadId, partNumber: part.partNumber, body, contentMd5: md5Base64(body) }),
        { bytes: body.length },
      );
      return { part, uploaded };
    }),
  );
  const failedPart = parts.find((entry) => !entry.uploaded.ok);
  if (failedPart && !failedPart.uploaded.ok) {
    return { what: `UploadPart ${failedPart.part.partNumber} of`, key: object.key, error: failedPart.uploaded.error };
  }
  const etags = parts.map((entry) => ({ partNumber: entry.part.partNumber, etag: entry.uploaded.ok ? entry.uploaded.value : '' }));
  const completed = await probe.timed('CompleteMultipartUpload', object.key, () => s3.completeMultipartUpload({ key: object.key, uploadId, parts: etags }));
  if (completed.ok || !refused(completed.error)) state.storedAny = true;
  if (!completed.ok) return { what: 'Completing the multipart upload of', key: object.key, error: completed.error };
  state.openUploads.delete(object.key);
  return undefined;
}

/** S3 answered no (denied, rejected, no such bucket): the request had no effect. */
function refused(error: unknown): boolean {
  return (
    error instanceof S3Failure && (error.kind === 'access-denied' || error.kind === 'rejected' || error.kind === 'credentials' || error.kind === 'not-found')
  );
}

async function headObjects({ s3, probe, objects, applyHint }: StorageContext, state: StorageState): Promise<boolean> {
  const heads = await Promise.all(
    objects.map(async (object) => ({
      object,
      head: await probe.timed('HeadObject', object.key, () => s3.headObject(object.key), {
        describe: (value) => (value === 'not-found' ? { result: '404', ok: false } : { result: 'ok', ok: true }),
      }),
    })),
  );
  // Only a request that got no usable answer stops the run; wrong answers are findings.
  let ok = true;
  let attributesOk = true;
  const judged: Promise<ExpirationVerdict>[] = [];
  for (const { object, head } of heads) {
    if (!head.ok) {
      probe.failure('HEAD', object.key, head.error);
      ok = false;
      continue;
    }
    if (head.value === 'not-found') {
      probe.add({
        level: 'fail',
        message: `HEAD ${object.key}: 404 right after the server accepted the upload.`,
        remediation: 'Check that the endpoint is the bucket the service reads (s3-endpoint, s3-bucket).',
      });
      ok = false;
      continue;
    }
    const mismatches = attributeMismatches(object, head.value);
    if (mismatches.length > 0) {
      probe.add({
        level: 'fail',
        message: `HEAD ${object.key} does not show what was written: ${mismatches.join('; ')}.`,
        remediation: 'Check the S3 endpoint: it must keep Content-Type and x-amz-meta-* headers.',
      });
      attributesOk = false;
    }
    const judge = (value: ObjectHead) =>
      judgeExpiration({
        label: probe.keyLabel(object.key),
        object: { key: object.key, size: object.body.length },
        header: value.expiration,
        lastModified: value.lastModified,
        rules: state.rules,
        applyHint,
      });
    judged.push(rejudgeExpiration(probe, s3, object.key, judge(head.value), judge));
  }
  const verdicts = await Promise.all(judged);
  if (!ok) return false;
  if (attributesOk) probe.add({ level: 'info', message: `HEAD ${objects.length} objects: size, content type and user metadata as written.` });
  state.expiry = reportExpiration(probe, verdicts).expiry;
  return true;
}

/** Re-reads of an object whose x-amz-expiration disagrees, and the pause before each. */
const EXPIRATION_REREADS = 2;
const EXPIRATION_REREAD_DELAY_MS = 1000;

/**
 * A server may announce a lifecycle change late (AWS propagates a new configuration over minutes;
 * a busy RGW was seen once answering with a stale header): a wrong or missing header is read
 * again, a bounded number of times, and only the last answer is judged. Every read is in the table.
 */
async function rejudgeExpiration(
  probe: SmokeProbe,
  s3: StorageContext['s3'],
  key: string,
  first: ExpirationVerdict,
  judge: (head: ObjectHead) => ExpirationVerdict,
): Promise<ExpirationVerdict> {
  let verdict = first;
  for (let reread = 1; reread <= EXPIRATION_REREADS && !verdict.ok; reread += 1) {
    await sleep(EXPIRATION_REREAD_DELAY_MS);
    const again = await probe.timed(`HeadObject (expiration re-read ${reread})`, key, () => s3.headObject(key), {
      describe: (value) => (value === 'not-found' ? { result: '404', ok: false } : { result: 'ok', ok: true }),
    });
    if (!again.ok || again.value === 'not-found') break;
    verdict = judge(again.value);
  }
  return verdict;
}

function attributeMismatches(object: SmokeObject, head: ObjectHead): string[] {
  const mismatches: string[] = [];
  if (head.contentLength !== object.body.length) mismatches.push(`size ${head.contentLength ?? 'missing'}, wrote ${object.body.length}`);
  if (head.contentType !== object.contentType) mismatches.push(`content type ${head.contentType ?? 'missing'}, wrote ${object.contentType}`);
  for (const [name, value] of Object.entries(object.metadata)) {
    if (head.metadata[name] !== value)
      mismatches.push(`x-amz-meta-${name} ${head.metadata[name] === undefined ? 'missing' : `'${head.metadata[name]}'`}, wrote '${value}'`);
  }
  return mismatches;
}

/**
 * One finding per kind of expiration problem (the objects of a run share their rules). Returns
 * the announced expiry when every verdict passed, else undefined.
 */
export function reportExpiration(probe: SmokeProbe, verdicts: readonly ExpirationVerdict[]): { passed: boolean; expiry: string | undefined } {
  const problems = new Map<string, { verdict: ExpirationVerdict & { ok: false }; count: number }>();
  for (const verdict of verdicts) {
    if (verdict.ok) continue;
    const group = `${verdict.problem}:${verdict.header?.ruleId ?? ''}`;
    const entry = problems.get(group);
    problems.set(group, { verdict: entry?.verdict ?? verdict, count: (entry?.count ?? 0) + 1 });
  }
  for (const { verdict, count } of problems.values()) {
    probe.add({
      level: verdict.problem === 'no-rules' ? 'unverifiable' : 'fail',
      message: `${verdict.message}${count > 1 ? ` (${count - 1} more object(s) alike)` : ''}`,
      ...(verdict.header
        ? { evidence: `x-amz-expiration: expiry-date="${verdict.header.expiryDate.toUTCString()}", rule-id="${verdict.header.rawRuleId}"` }
        : {}),
      remediation: verdict.remediation,
    });
  }
  const passed = verdicts.filter((verdict): verdict is ExpirationVerdict & { ok: true } => verdict.ok);
  if (problems.size === 0 && passed[0] !== undefined) {
    probe.add({
      level: 'info',
      message: `x-amz-expiration: the server announces for ${passed.length} object(s) the date the bucket's rules give, e.g. ${passed[0].message}`,
    });
  }
  return { passed: problems.size === 0, expiry: problems.size === 0 ? passed[0]?.header.expiryDate.toUTCString() : undefined };
}

async function getObjects({ s3, probe, objects }: StorageContext): Promise<boolean> {
  const checks = objects.flatMap((object) => [
    { object, range: undefined, expected: object.body },
    ...firstAndLastRanges(object.body.length).map((range) => ({ object, range, expected: object.body.subarray(range.start, range.end + 1) })),
  ]);
  const problems: string[] = [];
  const failures = await Promise.all(
    checks.map(async ({ object, range, expected }) => {
      const expectedSha = sha256Hex(expected);
      const got = await probe.timed(`GetObject ${range ? `range ${range.label}` : 'full'}`, object.key, () => s3.getObject(object.key, range?.header), {
        bytes: expected.length,
        describe: (value) => (sha256Hex(value.body) === expectedSha ? { result: 'ok', ok: true } : { result: 'other bytes', ok: false }),
      });
      if (!got.ok) return { key: object.key, error: got.error };
      const what = `GET ${object.name}${range ? ` ${range.header}` : ''}`;
      const sha = sha256Hex(got.value.body);
      if (sha !== expectedSha)
        problems.push(`${what}: ${got.value.body.length} bytes with SHA-256 ${sha}, expected ${expected.length} bytes with ${expectedSha}`);
      if (range && got.value.contentRange !== expectedContentRange(range, object.body.length)) {
        problems.push(`${what}: Content-Range ${got.value.contentRange ?? 'missing'}, expected ${expectedContentRange(range, object.body.length)}`);
      }
      return undefined;
    }),
  );
  const thrown = failures.find((failure) => failure !== undefined);
  if (thrown !== undefined) {
    probe.failure('GET', thrown.key, thrown.error);
    return false;
  }
  if (problems.length > 0) {
    probe.add({
      level: 'fail',
      message: `GET returned other bytes than were written: ${problems.join('; ')}.`,
      remediation: 'Check the S3 endpoint and any proxy or cache in front of it: reads must return the stored bytes.',
    });
    return true;
  }
  probe.add({ level: 'info', message: `GET ${objects.length} objects in full and by first and last range: SHA-256 equal to what was written.` });
  return true;
}

/** The keys listed under the run prefix, or undefined when the listing failed. */
async function listRunPrefix({ s3, probe, objects, runPrefix }: StorageContext): Promise<string[] | undefined> {
  const listed = await probe.timed('ListObjectsV2', runPrefix, () => s3.listObjects(runPrefix));
  if (!listed.ok) {
    probe.failure('LIST', runPrefix, listed.error);
    return undefined;
  }
  const expected = new Map(objects.map((object) => [object.key, object.body.length]));
  const seen = new Map(listed.value.map((entry) => [entry.key, entry.size]));
  const missing = [...expected.keys()].filter((key) => !seen.has(key));
  const extra = [...seen.keys()].filter((key) => !expected.has(key));
  const wrongSize = [...expected].filter(([key, size]) => seen.has(key) && seen.get(key) !== size).map(([key]) => key);
  if (missing.length + extra.length + wrongSize.length > 0) {
    probe.add({
      level: 'fail',
      message: `LIST ${runPrefix} does not show exactly the run's keys: ${[
        missing.length > 0 ? `missing ${missing.map((key) => probe.keyLabel(key)).join(', ')}` : '',
        extra.length > 0 ? `unexpected ${extra.map((key) => probe.keyLabel(key)).join(', ')}` : '',
        wrongSize.length > 0 ? `other size ${wrongSize.map((key) => probe.keyLabel(key)).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')}.`,
      remediation: 'Check that listings of the bucket are consistent with writes (a caching proxy or an eventually consistent gateway breaks the service).',
    });
  } else {
    probe.add({ level: 'info', message: `LIST ${runPrefix}: exactly the run's ${objects.length} keys, sizes as written.` });
  }
  return [...seen.keys()];
}

/** Deletes the run's objects and anything else listed under its prefix (all of it is the run's). */
async function deleteObjects({ s3, probe, objects, runPrefix }: StorageContext, state: StorageState, listed: readonly string[]): Promise<boolean> {
  const keys = new Set([...objects.map((object) => object.key), ...listed]);
  const targets: ObjectTarget[] = [...keys].map((key) => ({ key }));
  const deleted = await probe.timed('DeleteObjects', runPrefix, () => s3.deleteObjects(targets, runPrefix), {
    describe: (answer) => (answer.errors.length > 0 ? { result: `${answer.errors.length} error(s)`, ok: false } : { result: 'ok', ok: true }),
  });
  if (!deleted.ok) {
    probe.failure('DELETE', runPrefix, deleted.error);
    return false;
  }
  if (deleted.value.errors.length > 0) {
    probe.add({
      level: 'fail',
      message: `DELETE failed for ${deleted.value.errors.map((error) => `${probe.keyLabel(error.key)} (${error.code})`).join(', ')}.`,
      remediation: 'Grant s3:DeleteObject on the attachment prefix: the service deletes attachments too.',
    });
    return false;
  }
  const heads = await Promise.all(
    objects.map(async (object) => ({
      object,
      head: await probe.timed('HeadObject after delete', object.key, () => s3.headObject(object.key), {
        describe: (value) => (value === 'not-found' ? { result: '404 (expected)', ok: true } : { result: 'still there', ok: false }),
      }),
    })),
  );
  const stillThere = heads.filter(({ head }) => !head.ok || head.value !== 'not-found');
  const thrown = heads.find(({ head }) => !head.ok);
  if (thrown && !thrown.head.ok) {
    probe.failure('HEAD after delete', thrown.object.key, thrown.head.error);
    return false;
  }
  if (stillThere.length > 0) {
    probe.add({
      level: 'fail',
      message: `HEAD after DELETE still finds ${stillThere.map(({ object }) => object.name).join(', ')}.`,
      remediation: 'Check the S3 endpoint: a deleted object must answer 404.',
    });
    return false;
  }
  state.deletedAll = true;
  probe.add({ level: 'info', message: `DELETE ${targets.length} object(s), then HEAD each of the run's ${objects.length}: 404.` });
  return true;
}

async function removeVersions({ s3, probe, runPrefix }: StorageContext, state: StorageState): Promise<void> {
  const listed = await probe.timed('ListObjectVersions', runPrefix, () => s3.listObjectVersions(runPrefix));
  if (!listed.ok) {
    probe.failure('Listing the versions under', runPrefix, listed.error);
    return;
  }
  if (listed.value.length === 0) {
    state.versionsCleared = true;
    return;
  }
  const targets = listed.value.map((version) => ({ key: version.key, versionId: version.versionId }));
  const deleted = await probe.timed('DeleteObjects versions', runPrefix, () => s3.deleteObjects(targets, runPrefix), {
    describe: (answer) => (answer.errors.length > 0 ? { result: `${answer.errors.length} error(s)`, ok: false } : { result: 'ok', ok: true }),
  });
  if (!deleted.ok) {
    probe.failure('Deleting the versions under', runPrefix, deleted.error);
    return;
  }
  if (deleted.value.errors.length > 0) {
    probe.add({
      level: 'fail',
      message: `Deleting versions failed for ${deleted.value.errors.map((error) => `${probe.keyLabel(error.key)} ${error.versionId ?? ''} (${error.code})`).join(', ')}.`,
      remediation: 'Grant s3:DeleteObjectVersion on the attachment prefix.',
    });
    return;
  }
  state.versionsCleared = true;
  const markers = listed.value.filter((version) => version.deleteMarker).length;
  probe.add({
    level: 'info',
    message: `Versioned bucket (${state.versioning}): removed the run's ${listed.value.length - markers} version(s) and ${markers} delete marker(s).`,
  });
}
