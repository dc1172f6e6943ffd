import { describeChatApiStatus, type ChatApiClient } from '../../clients/chat-api.js';
import type { S3Gateway } from '../../clients/s3.js';
import type { ChatApiSettings } from '../../config/types.js';
import { expandTemplate, isSafeId, readIdField } from '../../smoke/api-templates.js';
import type { LifecycleRule } from '../../lifecycle/rule.js';
import { judgeExpiration } from '../../smoke/expiration.js';
import { sha256Hex } from '../../smoke/objects.js';
import type { SmokeProbe } from './probe.js';
import { reportExpiration } from './storage.js';

/** The test file is small: the API level proves the path, the storage level covers sizes. */
const API_FILE_BYTES = 32 * 1024 + 77;
const EVIDENCE_CHARS = 300;

export interface ApiContext {
  readonly api: ChatApiClient;
  readonly settings: ChatApiSettings;
  readonly s3: S3Gateway;
  readonly bucket: string;
  readonly probe: SmokeProbe;
  readonly runId: string;
  readonly prefix: string;
  readonly appEnv: string;
  readonly envPrefix: string;
  /** The bucket's lifecycle rules as the storage level read them; undefined when unreadable. */
  readonly rules: readonly LifecycleRule[] | undefined;
  readonly applyHint: string;
  readonly random: (size: number) => Uint8Array;
}

/** What the API level saw, for the JSON results. */
export interface ApiDetails {
  url: string;
  fileBytes: number;
  sha256: string;
  uploadStatus: number | null;
  attachmentId: string | null;
  downloadStatus: number | null;
  downloadMatches: boolean | null;
  objectKey: string | null;
  inBucket: boolean | null;
  bucketMatches: boolean | null;
}

/**
 * Uploads a random file through the chat API, downloads it, compares the bytes, and confirms the
 * service stored it in the bucket under `<prefix>/<env>/` (not on local disk). The uploaded
 * attachment is left for the managed lifecycle rule to expire: it lies outside the run's prefix.
 */
export async function runApiLevel(context: ApiContext): Promise<ApiDetails> {
  const { api, settings, probe } = context;
  const bytes = context.random(API_FILE_BYTES);
  const sha256 = sha256Hex(bytes);
  const details: ApiDetails = {
    url: api.baseLabel,
    fileBytes: bytes.length,
    sha256,
    uploadStatus: null,
    attachmentId: null,
    downloadStatus: null,
    downloadMatches: null,
    objectKey: null,
    inBucket: null,
    bucketMatches: null,
  };

  const uploaded = await probe.timed(
    'API upload',
    settings.uploadPath,
    () =>
      api.upload(settings.uploadPath, { field: settings.uploadField, bytes, fileName: `smoke-${context.runId}.bin`, contentType: 'application/octet-stream' }),
    { bytes: bytes.length, describe: (answer) => ({ result: `HTTP ${answer.status}`, ok: answer.status >= 200 && answer.status < 300 }) },
  );
  if (!uploaded.ok) {
    probe.failure('Chat API upload', settings.uploadPath, uploaded.error);
    return details;
  }
  details.uploadStatus = uploaded.value.status;
  if (uploaded.value.status < 200 || uploaded.value.status >= 300) {
    const advice = describeChatApiStatus('upload', uploaded.value.status, uploaded.value.where);
    probe.add({ level: 'fail', message: advice.message, evidence: excerpt(uploaded.value.body), remediation: advice.remediation });
    return details;
  }
  const id = attachmentIdOf(uploaded.value.body, settings.idField);
  if (!id.ok) {
    probe.add({
      level: 'fail',
      message: `Chat API upload answered ${uploaded.value.status} without a usable id: ${id.reason}`,
      evidence: excerpt(uploaded.value.body),
      remediation: 'Check chat-api-id-field (the field of the JSON answer that holds the attachment id).',
    });
    return details;
  }
  details.attachmentId = id.value;
  probe.add({ level: 'info', message: `Chat API upload ${uploaded.value.where}: HTTP ${uploaded.value.status}, attachment id ${id.value}.` });

  const downloadPath = expandTemplate(settings.downloadPath, { attachment_id: id.value }, encodeURIComponent);
  const downloaded = await probe.timed('API download', downloadPath, () => api.download(downloadPath, bytes.length * 2 + 64 * 1024), {
    bytes: bytes.length,
    describe: (answer) =>
      answer.status < 200 || answer.status >= 300
        ? { result: `HTTP ${answer.status}`, ok: false }
        : sha256Hex(answer.body) === sha256
          ? { result: `HTTP ${answer.status}`, ok: true }
          : { result: `HTTP ${answer.status}, other bytes`, ok: false },
  });
  if (!downloaded.ok) {
    probe.failure('Chat API download', downloadPath, downloaded.error);
  } else {
    details.downloadStatus = downloaded.value.status;
    if (downloaded.value.status < 200 || downloaded.value.status >= 300) {
      const advice = describeChatApiStatus('download', downloaded.value.status, downloaded.value.where);
      probe.add({ level: 'fail', message: advice.message, evidence: excerpt(downloaded.value.body), remediation: advice.remediation });
    } else {
      const got = sha256Hex(downloaded.value.body);
      details.downloadMatches = got === sha256;
      if (got !== sha256) {
        probe.add({
          level: 'fail',
          message: `Chat API download of ${id.value} answered other bytes than were uploaded: ${downloaded.value.body.length} bytes with SHA-256 ${got}, uploaded ${bytes.length} bytes with ${sha256}.`,
          remediation: 'The service corrupts or substitutes attachments: check its storage backend and any transformation on download.',
        });
      } else {
        probe.add({ level: 'info', message: `Chat API download ${downloaded.value.where}: the ${bytes.length} bytes uploaded (SHA-256 equal).` });
      }
    }
  }

  await confirmInBucket(context, id.value, bytes, details);
  return details;
}

/** The proof that the service uses S3 and did not fall back: the object is in the bucket, byte for byte. */
async function confirmInBucket(context: ApiContext, id: string, bytes: Uint8Array, details: ApiDetails): Promise<void> {
  const { probe, s3, settings } = context;
  const key = expandTemplate(settings.objectKeyTemplate, { prefix: context.prefix, env: context.appEnv, attachment_id: id });
  details.objectKey = key;
  if (!key.startsWith(context.envPrefix)) {
    probe.add({ level: 'error', message: `chat-api-object-key expands to ${key}, outside ${context.envPrefix}.`, remediation: 'Fix chat-api-object-key.' });
    return;
  }
  const head = await probe.timed('HeadObject API upload', key, () => s3.headObject(key), {
    describe: (value) => (value === 'not-found' ? { result: '404', ok: false } : { result: 'ok', ok: true }),
  });
  if (!head.ok) {
    probe.failure('HEAD of the uploaded attachment', key, head.error);
    return;
  }
  details.inBucket = head.value !== 'not-found';
  if (head.value === 'not-found') {
    probe.add({
      level: 'fail',
      message: `The attachment uploaded through the API is not in bucket ${context.bucket} at ${key}: the service did not store it in S3 (a fallback to local storage?).`,
      evidence: `HeadObject ${key}: 404`,
      remediation:
        'Run the service with CHAT_ATTACHMENT_STORAGE_BACKEND=s3 and this bucket and prefix; if it stores elsewhere under the prefix, set chat-api-object-key.',
    });
    return;
  }
  const stored = await probe.timed('GetObject API upload', key, () => s3.getObject(key), {
    bytes: bytes.length,
    describe: (value) => (sha256Hex(value.body) === sha256Hex(bytes) ? { result: 'ok', ok: true } : { result: 'other bytes', ok: false }),
  });
  if (!stored.ok) {
    probe.failure('GET of the uploaded attachment', key, stored.error);
    return;
  }
  details.bucketMatches = sha256Hex(stored.value.body) === sha256Hex(bytes);
  if (!details.bucketMatches) {
    probe.add({
      level: 'fail',
      message: `The object at ${key} holds other bytes than were uploaded through the API (${stored.value.body.length} bytes, uploaded ${bytes.length}).`,
      remediation: 'Check chat-api-object-key and how the service writes attachments.',
    });
    return;
  }
  probe.add({ level: 'info', message: `The API upload is in the bucket at ${key}, byte for byte.` });
  // The service's own object must get the expiry the bucket's rules give it, like the smoke objects.
  reportExpiration(probe, [
    judgeExpiration({
      label: key,
      object: { key, size: bytes.length },
      header: head.value.expiration,
      lastModified: head.value.lastModified,
      rules: context.rules,
      applyHint: context.applyHint,
    }),
  ]);
}

function attachmentIdOf(body: Uint8Array, field: string): { ok: true; value: string } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return { ok: false, reason: 'the answer is not JSON' };
  }
  const id = readIdField(json, field);
  if (id === undefined) {
    const fields = typeof json === 'object' && json !== null && !Array.isArray(json) ? Object.keys(json).slice(0, 10).join(', ') : typeof json;
    return { ok: false, reason: `no string or integer field '${field}' (fields: ${fields || 'none'})` };
  }
  if (!isSafeId(id)) return { ok: false, reason: `field '${field}' holds '${id.slice(0, 80)}', not an id of letters, digits, '.', '_' or '-'` };
  return { ok: true, value: id };
}

function excerpt(body: Uint8Array): string {
  const text = new TextDecoder()
    .decode(body.subarray(0, EVIDENCE_CHARS * 4))
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > EVIDENCE_CHARS ? `${text.slice(0, EVIDENCE_CHARS)}...` : text || '(empty body)';
}
