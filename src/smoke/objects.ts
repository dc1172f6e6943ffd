/** S3's smallest part (every part but the last); a smaller threshold still uses parts this big. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
export const MIB = 1024 * 1024;
/** Sizes that are not multiples of anything, so off-by-one range and part errors show. */
const PAYLOAD_BYTES = 64 * 1024 + 123;
/**
 * What the large payload has beyond the threshold: a short last part (more than the ranged read's
 * KiB, so the last-KiB read lies inside it). The multipart path needs no more than one full part
 * and a last one; every MiB beyond that is uploaded and read back for nothing.
 */
const LARGE_EXTRA_BYTES = 64 * 1024 + 321;
const RANGE_BYTES = 1024;

export type UploadPath = 'single' | 'multipart';

export interface PartRange {
  readonly partNumber: number;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface SmokeObject {
  /** File name below the run prefix, e.g. `payload.bin`. */
  readonly name: string;
  readonly key: string;
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly sha256: string;
  readonly md5Base64: string;
  readonly upload: UploadPath;
  /** Empty for a single PUT. */
  readonly parts: readonly PartRange[];
}

// node:crypto is loaded when the smoke gate first hashes, not at every start-up.
const createHash: typeof import('node:crypto').createHash = (algorithm) => process.getBuiltinModule('node:crypto').createHash(algorithm);
export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const md5Base64 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('base64');

/** A body above the threshold takes the multipart path, as the SDKs' upload helpers do. */
export function uploadPathFor(size: number, thresholdBytes: number): UploadPath {
  return size > thresholdBytes ? 'multipart' : 'single';
}

/** Splits `size` bytes into parts of `max(threshold, 5 MiB)`; the last part takes the rest. */
export function partRanges(size: number, thresholdBytes: number): PartRange[] {
  const partSize = Math.max(thresholdBytes, MIN_PART_BYTES);
  const parts: PartRange[] = [];
  for (let start = 0, partNumber = 1; start < size; start += partSize, partNumber += 1) {
    parts.push({ partNumber, start, end: Math.min(size, start + partSize) });
  }
  return parts;
}

export interface ByteRange {
  readonly label: 'first' | 'last';
  /** Inclusive bounds, as in the Range header. */
  readonly start: number;
  readonly end: number;
  readonly header: string;
}

/** The first and the last KiB of an object (the whole object when it is smaller). */
export function firstAndLastRanges(size: number): ByteRange[] {
  if (size === 0) return [];
  const length = Math.min(RANGE_BYTES, size);
  const range = (label: ByteRange['label'], start: number): ByteRange => ({
    label,
    start,
    end: start + length - 1,
    header: `bytes=${start}-${start + length - 1}`,
  });
  return [range('first', 0), range('last', size - length)];
}

/** The Content-Range a server must answer for `range` of an object of `size` bytes. */
export function expectedContentRange(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}

export interface SmokePlanInput {
  readonly runPrefix: string;
  readonly runId: string;
  readonly createdAt: Date;
  readonly multipartThresholdBytes: number;
  readonly random: (size: number) => Uint8Array;
}

/**
 * The run's objects, shaped like a chat attachment: a random payload (single PUT), a larger one
 * above the multipart threshold, and the metadata document the service stores beside them.
 */
export function planSmokeObjects(input: SmokePlanInput): SmokeObject[] {
  const attachmentId = `smoke-${input.runId}`;
  const make = (name: string, body: Uint8Array, contentType: string): SmokeObject => {
    const sha256 = sha256Hex(body);
    const upload = uploadPathFor(body.length, input.multipartThresholdBytes);
    return {
      name,
      key: `${input.runPrefix}${name}`,
      body,
      contentType,
      metadata: { 'attachment-id': attachmentId, 'smoke-run-id': input.runId, sha256 },
      sha256,
      md5Base64: md5Base64(body),
      upload,
      parts: upload === 'multipart' ? partRanges(body.length, input.multipartThresholdBytes) : [],
    };
  };
  const payload = make('payload.bin', input.random(PAYLOAD_BYTES), 'application/octet-stream');
  const large = make('payload-large.bin', input.random(input.multipartThresholdBytes + LARGE_EXTRA_BYTES), 'application/octet-stream');
  const meta = {
    attachment_id: attachmentId,
    file_name: payload.name,
    content_type: payload.contentType,
    size_bytes: payload.body.length,
    sha256: payload.sha256,
    storage_key: payload.key,
    created_at: input.createdAt.toISOString(),
    source: 'surreal-release-gates smoke',
  };
  const metaJson = make('meta.json', new TextEncoder().encode(`${JSON.stringify(meta, null, 2)}\n`), 'application/json');
  return [payload, large, metaJson];
}
