import { Agent, createServer, request as forward, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

/** One request as the proxy saw it. */
export interface ProxiedRequest {
  readonly method: string;
  /** Path without the query, e.g. `/bucket/key`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

export interface ProxyAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

/** How the proxy may change an answer: the request as received, the server's headers. */
export type HeaderRewrite = (request: IncomingMessage, headers: IncomingHttpHeaders) => IncomingHttpHeaders;

/** What the proxy does to a request; each hook may look at it and return undefined to pass it on. */
export interface ProxyFaults {
  /** Answer in the server's place (the request never reaches it). */
  answer?(request: ProxiedRequest): ProxyAnswer | undefined;
  /** Hold the request this long before it is sent on: a write slow in transit lands late. */
  delayMs?(request: ProxiedRequest): number;
  /** Runs (and is awaited) before the request is sent on: another writer acting at that moment. */
  before?(request: ProxiedRequest): Promise<void> | void;
  /** Rewrites the server's response headers: a quirk the real server cannot be made to show, such as a wrong x-amz-expiration. */
  rewriteHeaders?: HeaderRewrite;
  /** A rewrite of the response body for this request (it is then read whole), or undefined to pass it on. */
  rewriteBody?(request: ProxiedRequest): ((body: string) => string) | undefined;
}

export interface S3Proxy {
  readonly endpoint: string;
  /** Every request seen, in arrival order. */
  readonly requests: ProxiedRequest[];
  close(): Promise<void>;
}

/** True for PutBucketLifecycleConfiguration. */
export const isLifecyclePut = (request: ProxiedRequest): boolean => request.method === 'PUT' && request.query.has('lifecycle');
/** True for GetBucketLifecycleConfiguration. */
export const isLifecycleGet = (request: ProxiedRequest): boolean => request.method === 'GET' && request.query.has('lifecycle');

/** An S3 error document, as servers send it. */
export function s3Error(status: number, code: string, message: string): ProxyAnswer {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>proxy</RequestId></Error>`,
  };
}

/**
 * A fault proxy on loopback in front of a real S3 server: requests pass through unchanged (the
 * Host header too, so SigV4 signatures stay valid) unless a hook answers, delays or rewrites them.
 * A function as `faults` rewrites response headers only.
 */
export async function startS3Proxy(target: string, faults: ProxyFaults | HeaderRewrite = {}): Promise<S3Proxy> {
  if (typeof faults === 'function') return startS3Proxy(target, { rewriteHeaders: faults });
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const requests: ProxiedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://proxy');
    const seen: ProxiedRequest = { method: incoming.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: incoming.headers };
    requests.push(seen);
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const answer = faults.answer?.(seen);
      if (answer !== undefined) {
        outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) }).end(answer.body);
        return;
      }
      const send = () => {
        const request = forward(
          { host: upstream.hostname, port: upstream.port, method: seen.method, path: incoming.url, headers: incoming.headers, agent },
          (response) => {
            const headers = faults.rewriteHeaders?.(incoming, { ...response.headers }) ?? response.headers;
            const rewrite = faults.rewriteBody?.(seen);
            if (rewrite === undefined) {
              outgoing.writeHead(response.statusCode ?? 502, headers);
              response.pipe(outgoing);
              return;
            }
            const parts: Buffer[] = [];
            response.on('data', (chunk: Buffer) => parts.push(chunk));
            response.on('end', () => {
              const body = rewrite(Buffer.concat(parts).toString('utf8'));
              outgoing.writeHead(response.statusCode ?? 502, { ...headers, 'content-length': String(Buffer.byteLength(body)) }).end(body);
            });
          },
        );
        request.on('error', () => outgoing.destroy());
        request.end(Buffer.concat(chunks));
      };
      const delay = faults.delayMs?.(seen) ?? 0;
      void new Promise((resolve) => setTimeout(resolve, delay)).then(() => faults.before?.(seen)).then(send, () => outgoing.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
