import { ChatApiFailure } from '../../clients/chat-api.js';
import { S3Failure } from '../../clients/s3.js';
import type { OperationRecord } from '../../smoke/latency.js';
import type { Finding } from '../../verdict.js';

export type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export interface TimedOptions<T> {
  readonly bytes?: number;
  /** The Result column for a value (default `ok`); `ok: false` marks an answer that is itself a failure. */
  readonly describe?: (value: T) => { readonly result: string; readonly ok: boolean };
}

/** The IAM action behind each S3 operation, for "grant this" remediations. */
const PERMISSIONS: Readonly<Record<string, string>> = {
  PutObject: 's3:PutObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  AbortMultipartUpload: 's3:AbortMultipartUpload',
  ListMultipartUploads: 's3:ListBucketMultipartUploads',
  HeadObject: 's3:GetObject',
  GetObject: 's3:GetObject',
  ListObjectsV2: 's3:ListBucket',
  ListObjectVersions: 's3:ListBucketVersions',
  DeleteObjects: 's3:DeleteObject (and s3:DeleteObjectVersion on a versioned bucket)',
  DeleteObject: 's3:DeleteObject (and s3:DeleteObjectVersion on a versioned bucket)',
  GetBucketVersioning: 's3:GetBucketVersioning',
};

/** Times every request of a smoke run and turns failures into findings. */
export class SmokeProbe {
  readonly records: OperationRecord[] = [];
  readonly findings: Finding[] = [];
  private first: number | undefined;
  private last: number | undefined;

  constructor(
    /** Keys under it are shown relative to it. */
    private readonly runPrefix: string,
    private readonly bucket: string,
  ) {}

  keyLabel(key: string): string {
    return key.startsWith(this.runPrefix) && key.length > this.runPrefix.length ? key.slice(this.runPrefix.length) : key;
  }

  async timed<T>(operation: string, key: string, run: () => Promise<T>, options: TimedOptions<T> = {}): Promise<Attempt<T>> {
    const started = performance.now();
    this.first ??= started;
    const finish = (result: string, ok: boolean) => {
      const ended = performance.now();
      this.last = Math.max(this.last ?? ended, ended);
      this.records.push({
        operation,
        key: this.keyLabel(key),
        result,
        ok,
        atMs: Math.round(started - (this.first ?? started)),
        ms: Math.round(ended - started),
        ...(options.bytes !== undefined ? { bytes: options.bytes } : {}),
      });
    };
    try {
      const value = await run();
      const described = options.describe?.(value) ?? { result: 'ok', ok: true };
      finish(described.result, described.ok);
      return { ok: true, value };
    } catch (error) {
      finish(resultLabel(error), false);
      return { ok: false, error };
    }
  }

  wallMs(): number {
    return this.first === undefined || this.last === undefined ? 0 : Math.round(this.last - this.first);
  }

  add(finding: Finding): void {
    this.findings.push(finding);
  }

  /** A finding for a request that threw: FAIL when S3 or the API answered no, ERROR when no answer came. */
  failure(step: string, key: string, error: unknown): Finding {
    const finding = failureFinding(`${step} ${this.keyLabel(key)}`.trim(), key, error, this.bucket);
    this.findings.push(finding);
    return finding;
  }

  failed(): boolean {
    return this.findings.some((finding) => finding.level === 'fail' || finding.level === 'error' || finding.level === 'unverifiable');
  }
}

export function resultLabel(error: unknown): string {
  if (error instanceof S3Failure) return error.code ?? error.kind;
  if (error instanceof ChatApiFailure) return error.kind;
  return 'error';
}

/** `what` names the step and its key, e.g. `PUT payload.bin`; `key` is the full key (for the ARN). */
export function failureFinding(what: string, key: string, error: unknown, bucket: string): Finding {
  if (error instanceof S3Failure) {
    const permission = PERMISSIONS[error.operation];
    if (error.kind === 'access-denied') {
      return {
        level: 'fail',
        message: `${what}: ${error.message}`,
        evidence: `S3 ${error.operation}: ${error.code ?? 'AccessDenied'} (HTTP ${error.httpStatus ?? 403})`,
        remediation: `Grant the credentials ${permission ?? `the permission for ${error.operation}`} on arn:aws:s3:::${bucket}/${key}: the chat service needs it for attachments.`,
      };
    }
    if (error.kind === 'rejected' || error.kind === 'not-found' || error.kind === 'wrong-region') {
      return { level: 'fail', message: `${what}: ${error.message}`, evidence: `S3 ${error.operation}: ${error.code ?? error.kind}` };
    }
    return { level: 'error', message: `${what}: ${error.message}`, evidence: `S3 ${error.operation}: ${error.code ?? error.kind}` };
  }
  if (error instanceof ChatApiFailure) {
    // Its message already names the operation, the URL and the input to check.
    return { level: 'error', message: error.message };
  }
  const message = error instanceof Error ? error.message : `non-Error thrown: ${String(error)}`;
  return { level: 'error', message: `${what} failed: ${message}` };
}
