import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../src/cli/local-s3.js';
import { ChatApiFailure, createChatApiClient } from '../../src/clients/chat-api.js';
import type { ChatApiSettings } from '../../src/config/types.js';
import { recordingLogger } from '../support/logger.js';

const TOKEN = 'client-token-4c1d9e';
let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

/** A real HTTP server on loopback answering with `handle`; records each request's Authorization. */
async function serve(handle: (request: IncomingMessage, response: ServerResponse, count: number) => void) {
  const seen: { path: string; authorization: string | undefined }[] = [];
  const server = createServer((request, response) => {
    seen.push({ path: request.url ?? '', authorization: request.headers.authorization });
    request.resume();
    handle(request, response, seen.length);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function settings(url: string, timeoutSeconds = 5): ChatApiSettings {
  return {
    url: new URL(url),
    token: TOKEN,
    uploadPath: '/v1/chat/attachments/upload',
    downloadPath: '/v1/chat/attachments/:attachment_id/download',
    uploadField: 'file',
    idField: 'attachment_id',
    objectKeyTemplate: ':prefix/:env/:attachment_id.bin',
    timeoutMs: timeoutSeconds * 1000,
  };
}

const file = { field: 'file', bytes: new Uint8Array([1, 2, 3]), fileName: 'a.bin', contentType: 'application/octet-stream' };

describe('chat API client against local HTTP servers', () => {
  it('retries 503 twice with logged retries, then returns the answer', async () => {
    const server = await serve((_request, response, count) => {
      response.writeHead(count < 3 ? 503 : 200, { 'content-type': 'application/octet-stream' });
      response.end(count < 3 ? 'busy' : 'payload');
    });
    const log = recordingLogger();
    const answer = await createChatApiClient(settings(server.url), log).download('/files/1', 1024);
    expect(answer.status).toBe(200);
    expect(new TextDecoder().decode(answer.body)).toBe('payload');
    expect(answer.attempts).toBe(3);
    expect(log.lines).toEqual(['warning Chat API download: retry 1 of 2 after HTTP 503', 'warning Chat API download: retry 2 of 2 after HTTP 503']);
  });

  it('does not repeat an upload the server answered with 500 (POST is not idempotent)', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(500);
      response.end('boom');
    });
    const answer = await createChatApiClient(settings(server.url), recordingLogger()).upload('/upload', file);
    expect(answer.status).toBe(500);
    expect(answer.attempts).toBe(1);
    expect(server.seen).toHaveLength(1);
  });

  it('does not repeat an upload answered 503 either: only a connection never made is retried for a POST', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(503);
      response.end('busy');
    });
    const log = recordingLogger();
    const answer = await createChatApiClient(settings(server.url), log).upload('/upload', file);
    expect(answer.status).toBe(503);
    expect(answer.attempts).toBe(1);
    expect(server.seen).toHaveLength(1);
    expect(log.lines).toEqual([]);
  });

  it('gives up on a server that never answers within the timeout, naming chat-api-timeout-seconds', async () => {
    const server = await serve(() => undefined);
    const started = performance.now();
    const failure = await createChatApiClient(settings(server.url, 1), recordingLogger())
      .download('/slow', 1024)
      .catch((error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(2500);
    expect(failure).toBeInstanceOf(ChatApiFailure);
    expect((failure as ChatApiFailure).kind).toBe('timeout');
    expect((failure as ChatApiFailure).message).toBe(
      `Chat API download ${server.url}/slow did not answer within 1 s (chat-api-timeout-seconds). Check chat-api-url and the network, or raise chat-api-timeout-seconds.`,
    );
  });

  it('names chat-api-url after bounded retries when nothing listens', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const log = recordingLogger();
    const failure = await createChatApiClient(settings(url), log)
      .upload('/upload', file)
      .catch((error: unknown) => error);
    expect((failure as ChatApiFailure).kind).toBe('unreachable');
    expect((failure as ChatApiFailure).message).toContain('Check chat-api-url');
    expect(log.lines.filter((line) => line.startsWith('warning'))).toHaveLength(2);
  });

  it('follows a download redirect, sending the token to the API origin only', async () => {
    const storage = await serve((_request, response) => {
      response.writeHead(200);
      response.end('from storage');
    });
    const api = await serve((request, response) => {
      response.writeHead(302, { location: request.url === '/a' ? '/b' : `${storage.url}/presigned?x=1` });
      response.end();
    });
    const answer = await createChatApiClient(settings(api.url), recordingLogger()).download('/a', 1024);
    expect(new TextDecoder().decode(answer.body)).toBe('from storage');
    expect(answer.where).toBe(`${storage.url}/presigned`);
    expect(api.seen.map((request) => request.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(storage.seen).toEqual([{ path: '/presigned?x=1', authorization: undefined }]);
  });

  it('stops reading a body larger than expected', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200);
      response.end(Buffer.alloc(10_000));
    });
    const failure = await createChatApiClient(settings(server.url), recordingLogger())
      .download('/big', 4096)
      .catch((error: unknown) => error);
    expect((failure as ChatApiFailure).kind).toBe('too-large');
  });

  it('joins paths below the path of chat-api-url and sends the file as multipart/form-data', async () => {
    let contentType = '';
    const server = await serve((request, response) => {
      contentType = request.headers['content-type'] ?? '';
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end('{"attachment_id":"x"}');
    });
    const answer = await createChatApiClient(settings(`${server.url}/api/`), recordingLogger()).upload('/v1/chat/attachments/upload', file);
    expect(answer.status).toBe(201);
    expect(server.seen[0]?.path).toBe('/api/v1/chat/attachments/upload');
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
  });
});
