import { stopReason } from '../util/cancellation.js';
import type { ChatApiSettings } from '../config/types.js';
import type { Logger } from '../util/logger.js';
import { ChatApiFailure } from './chat-api-errors.js';
import { HttpFailure, httpRequest, retryPolicy, type HttpAnswer } from './http.js';

export { ChatApiFailure, describeChatApiStatus } from './chat-api-errors.js';

const MAX_REDIRECTS = 5;
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

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

/** `cancel` (the run's cancellation) aborts a request in flight and fails the next at once. */
export function createChatApiClient(settings: ChatApiSettings, log: Logger, cancel?: AbortSignal): ChatApiClient {
  const base = settings.url;
  const baseLabel = `${base.origin}${base.pathname}`;
  const seconds = settings.timeoutMs / 1000;
  const policy = retryPolicy(settings.timeoutMs);

  const urlOf = (path: string): URL => {
    const url = new URL(base.href);
    url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
    return url;
  };
  const label = (url: URL) => `${url.origin}${url.pathname}`;
  const authorization = (url: URL): Record<string, string> =>
    settings.token !== undefined && url.origin === base.origin ? { authorization: `Bearer ${settings.token}` } : {};

  /**
   * One request through the HTTP helper, redirects followed by hand (the token goes to the API's
   * own origin only), all inside one deadline. An upload (POST) is repeated only when its
   * connection was never made.
   */
  async function send(operation: string, method: 'GET' | 'POST', start: URL, body: (() => FormData) | undefined, maxBytes: number): Promise<ChatApiAnswer> {
    const cancelled = () =>
      new ChatApiFailure('cancelled', operation, `Chat API ${operation} ${label(start)} was stopped: ${cancel ? stopReason(cancel) : 'cancelled'}.`);
    if (cancel?.aborted) throw cancelled();
    const startedAt = performance.now();
    let url = start;
    for (let redirects = 0; ; redirects += 1) {
      const where = label(url);
      let answer: HttpAnswer<Uint8Array>;
      try {
        answer = await httpRequest(
          {
            method,
            url,
            headers: { accept: 'application/json, application/octet-stream, */*', ...authorization(url) },
            ...(body !== undefined ? { body } : {}),
            redirect: 'manual',
          },
          {
            service: 'Chat API',
            label: `Chat API ${operation}`,
            policy,
            log,
            startedAt,
            cancel,
            read: (response) => readCapped(response, maxBytes, operation, where),
          },
        );
      } catch (thrown) {
        if (cancel?.aborted) throw cancelled();
        if (!(thrown instanceof HttpFailure)) throw thrown;
        if (thrown.kind === 'timeout') {
          throw new ChatApiFailure(
            'timeout',
            operation,
            `Chat API ${operation} ${where} did not answer within ${seconds} s (chat-api-timeout-seconds). Check chat-api-url and the network, or raise chat-api-timeout-seconds.`,
          );
        }
        throw new ChatApiFailure(
          'unreachable',
          operation,
          `Chat API ${operation} ${where} failed: unreachable (${thrown.code ?? thrown.problem}) after ${thrown.attempts} attempt(s). Check chat-api-url (${baseLabel}) and that the service is running.`,
        );
      }
      const location = answer.headers.get('location');
      if (method === 'GET' && REDIRECTS.has(answer.status) && location) {
        if (redirects >= MAX_REDIRECTS)
          throw new ChatApiFailure('redirect', operation, `Chat API ${operation} ${label(start)}: more than ${MAX_REDIRECTS} redirects.`);
        url = new URL(location, url);
        continue;
      }
      return { status: answer.status, contentType: answer.headers.get('content-type') ?? undefined, body: answer.body, where, attempts: answer.attempts };
    }
  }

  return {
    baseLabel,
    upload: (path, file) =>
      send(
        'upload',
        'POST',
        urlOf(path),
        () => {
          // A fresh form per attempt: a body stream can be read once.
          const form = new FormData();
          form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.fileName);
          return form;
        },
        1024 * 1024,
      ),
    download: (path, maxBytes) => send('download', 'GET', urlOf(path), undefined, maxBytes),
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
      throw new ChatApiFailure(
        'too-large',
        operation,
        `Chat API ${operation} ${where} answered more than ${maxBytes} bytes; expected the test file. Check chat-api-download-path.`,
      );
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
