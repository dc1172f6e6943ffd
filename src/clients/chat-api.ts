import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatApiSettings } from '../config/types.js';
import { stopReason } from '../util/cancellation.js';
import type { Logger } from '../util/logger.js';
import { ChatApiFailure, isTimeout, networkCodeOf } from './chat-api-errors.js';

export { ChatApiFailure, describeChatApiStatus } from './chat-api-errors.js';

/** Attempts per request (the first included); all of them fit in chat-api-timeout-seconds. */
export const CHAT_API_MAX_ATTEMPTS = 3;
const MAX_REDIRECTS = 5;
const RETRY_BASE_MS = 250;
/** Statuses that mean "not processed, try again" for any method; 500 is retried for GET only. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export interface ChatApiAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: Uint8Array;
  /** Origin and path requested last (redirects followed); never carries the token. */
  readonly where: string;
  readonly attempts: number;
}

export interface UploadFile {
  readonly field: string;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly contentType: string;
}

/** The chat API as the smoke gate uses it. Non-2xx statuses are answers; only transport failures throw. */
export interface ChatApiClient {
  /** chat-api-url, for reports. */
  readonly baseLabel: string;
  /** POST multipart/form-data to `path` (below chat-api-url). */
  upload(path: string, file: UploadFile): Promise<ChatApiAnswer>;
  /** GET `path`, following redirects (the token goes to the API's own origin only). */
  download(path: string, maxBytes: number): Promise<ChatApiAnswer>;
}

type Fetch = typeof fetch;

/** `cancel` (the run's cancellation) aborts a request in flight and fails the next at once. */
export function createChatApiClient(settings: ChatApiSettings, log: Logger, fetchImpl: Fetch = fetch, cancel?: AbortSignal): ChatApiClient {
  const base = settings.url;
  const baseLabel = `${base.origin}${base.pathname}`;
  const seconds = settings.timeoutMs / 1000;

  const urlOf = (path: string): URL => {
    const url = new URL(base.href);
    url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
    return url;
  };
  const label = (url: URL) => `${url.origin}${url.pathname}`;
  const authorization = (url: URL): Record<string, string> =>
    settings.token !== undefined && url.origin === base.origin ? { authorization: `Bearer ${settings.token}` } : {};

  /** One request with retries, all inside one deadline. */
  async function send(operation: string, method: 'GET' | 'POST', start: URL, body: () => FormData | undefined, maxBytes: number): Promise<ChatApiAnswer> {
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const deadline = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
    const cancelled = () => new ChatApiFailure('cancelled', operation, `Chat API ${operation} ${label(start)} was stopped: ${cancel ? stopReason(cancel) : 'cancelled'}.`);
    if (cancel?.aborted) throw cancelled();
    let url = start;
    let redirects = 0;
    for (let attempt = 1; ; attempt += 1) {
      let retryReason: string;
      try {
        const requestBody = body();
        const response = await fetchImpl(url, {
          method,
          headers: { accept: 'application/json, application/octet-stream, */*', ...authorization(url) },
          ...(requestBody !== undefined ? { body: requestBody } : {}),
          redirect: 'manual',
          signal: deadline,
        });
        const location = response.headers.get('location');
        if (method === 'GET' && [301, 302, 303, 307, 308].includes(response.status) && location) {
          await response.body?.cancel();
          if (redirects >= MAX_REDIRECTS) throw new ChatApiFailure('redirect', operation, `Chat API ${operation} ${label(start)}: more than ${MAX_REDIRECTS} redirects.`);
          redirects += 1;
          url = new URL(location, url);
          attempt -= 1; // a redirect is not a retry
          continue;
        }
        const retryable = RETRYABLE_STATUSES.has(response.status) || (method === 'GET' && response.status === 500);
        if (!retryable || attempt >= CHAT_API_MAX_ATTEMPTS) {
          return {
            status: response.status,
            contentType: response.headers.get('content-type') ?? undefined,
            body: await readCapped(response, maxBytes, operation, label(url)),
            where: label(url),
            attempts: attempt,
          };
        }
        await response.body?.cancel();
        retryReason = `HTTP ${response.status}`;
      } catch (thrown) {
        if (thrown instanceof ChatApiFailure) throw thrown;
        if (cancel?.aborted && !timeout.aborted) throw cancelled();
        if (isTimeout(thrown) || deadline.aborted) {
          throw new ChatApiFailure('timeout', operation, `Chat API ${operation} ${label(url)} did not answer within ${seconds} s (chat-api-timeout-seconds). Check chat-api-url and the network, or raise chat-api-timeout-seconds.`);
        }
        const code = networkCodeOf(thrown) ?? (thrown instanceof Error ? thrown.message : String(thrown));
        if (attempt >= CHAT_API_MAX_ATTEMPTS) {
          throw new ChatApiFailure('unreachable', operation, `Chat API ${operation} ${label(url)} failed: unreachable (${code}) after ${attempt} attempt(s). Check chat-api-url (${baseLabel}) and that the service is running.`);
        }
        retryReason = code;
      }
      log.warning(`Chat API ${operation}: retry ${attempt} of ${CHAT_API_MAX_ATTEMPTS - 1} after ${retryReason}`);
      try {
        await sleep(RETRY_BASE_MS * 2 ** (attempt - 1), undefined, { signal: deadline });
      } catch {
        if (cancel?.aborted && !timeout.aborted) throw cancelled();
        throw new ChatApiFailure('timeout', operation, `Chat API ${operation} ${label(url)} did not succeed within ${seconds} s (chat-api-timeout-seconds), last: ${retryReason}. Check the service, or raise chat-api-timeout-seconds.`);
      }
    }
  }

  return {
    baseLabel,
    upload: (path, file) =>
      send('upload', 'POST', urlOf(path), () => {
        // A fresh form per attempt: a body stream can be read once.
        const form = new FormData();
        form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.fileName);
        return form;
      }, 1024 * 1024),
    download: (path, maxBytes) => send('download', 'GET', urlOf(path), () => undefined, maxBytes),
  };
}

/** Reads a body, stopping once it exceeds `maxBytes` (a wrong endpoint must not fill memory). */
async function readCapped(response: Response, maxBytes: number, operation: string, where: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ChatApiFailure('too-large', operation, `Chat API ${operation} ${where} answered more than ${maxBytes} bytes; expected the test file. Check chat-api-download-path.`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
