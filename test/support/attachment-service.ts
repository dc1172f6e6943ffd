import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/**
 * How the reference service behaves:
 * - `s3`: stores uploads in the bucket under `<prefix>/<env>/<id>.bin` (+ `<id>.json`), as the
 *   chat service does with CHAT_ATTACHMENT_STORAGE_BACKEND=s3;
 * - `local-disk`: "falls back" to a local folder, answering the API exactly as `s3` does;
 * - `other-bytes`: stores in S3 but answers downloads with one byte changed.
 */
export type AttachmentServiceVariant = 's3' | 'local-disk' | 'other-bytes';

export interface AttachmentServiceOptions {
  readonly variant: AttachmentServiceVariant;
  readonly s3: S3Client;
  readonly bucket: string;
  /** `<prefix>/<env>/` */
  readonly envPrefix: string;
  readonly token: string;
}

export interface AttachmentService {
  readonly url: string;
  /** Every request the service received: method, path and the Authorization header seen. */
  readonly requests: { method: string; path: string; authorization: string | undefined }[];
  /** Ids and where each upload went. */
  readonly uploads: { id: string; key: string | undefined; file: string | undefined }[];
  stop(): Promise<void>;
}

const UPLOAD_PATH = '/v1/chat/attachments/upload';
const DOWNLOAD_PATH = /^\/v1\/chat\/attachments\/([A-Za-z0-9._-]+)\/download$/;

/** A small chat attachment API on loopback (node:http), the counterpart the smoke gate's API level tests. */
export async function startAttachmentService(options: AttachmentServiceOptions): Promise<AttachmentService> {
  const disk = await mkdtemp(path.join(tmpdir(), 'srg-attachments-'));
  const requests: AttachmentService['requests'] = [];
  const uploads: AttachmentService['uploads'] = [];

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  async function upload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const headers = new Headers();
    for (let index = 0; index < request.rawHeaders.length; index += 2) headers.append(request.rawHeaders[index] ?? '', request.rawHeaders[index + 1] ?? '');
    const form = await new Request(`http://service${request.url ?? '/'}`, {
      method: 'POST',
      headers,
      body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit).formData();
    const file = form.get('file');
    if (file === null || typeof file === 'string') return json(response, 400, { error: "multipart field 'file' is missing" });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const id = randomUUID();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const metadata = { attachment_id: id, file_name: file.name, content_type: file.type, size_bytes: bytes.length, sha256 };
    if (options.variant === 'local-disk') {
      const target = path.join(disk, `${id}.bin`);
      await writeFile(target, bytes);
      uploads.push({ id, key: undefined, file: target });
    } else {
      const key = `${options.envPrefix}${id}.bin`;
      await options.s3.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: bytes, ContentType: file.type || 'application/octet-stream' }));
      await options.s3.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: `${options.envPrefix}${id}.json`,
          Body: JSON.stringify(metadata),
          ContentType: 'application/json',
        }),
      );
      uploads.push({ id, key, file: undefined });
    }
    json(response, 201, metadata);
  }

  async function download(id: string, response: ServerResponse): Promise<void> {
    let bytes: Uint8Array;
    try {
      if (options.variant === 'local-disk') {
        bytes = await readFile(path.join(disk, `${id}.bin`));
      } else {
        const object = await options.s3.send(new GetObjectCommand({ Bucket: options.bucket, Key: `${options.envPrefix}${id}.bin` }));
        bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      }
    } catch {
      return json(response, 404, { error: 'no such attachment' });
    }
    if (options.variant === 'other-bytes' && bytes.length > 0) {
      bytes = Uint8Array.from(bytes);
      bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) });
    response.end(bytes);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://service');
    requests.push({ method: request.method ?? '', path: url.pathname, authorization: request.headers.authorization });
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      request.resume();
      return json(response, 401, { error: 'unauthorized' });
    }
    const downloadMatch = DOWNLOAD_PATH.exec(url.pathname);
    const handled =
      request.method === 'POST' && url.pathname === UPLOAD_PATH
        ? upload(request, response)
        : request.method === 'GET' && downloadMatch?.[1]
          ? download(downloadMatch[1], response)
          : Promise.resolve(json(response, 404, { error: 'no such route' }));
    handled.catch((error: unknown) => {
      if (!response.headersSent) json(response, 500, { error: error instanceof Error ? error.message : String(error) });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    uploads,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(disk, { recursive: true, force: true });
    },
  };
}
