import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';

/** A request as the proxy saw it. */
export interface SeenRequest {
  readonly method: string;
  /** Path and query, e.g. `/bucket/key?uploadId=...&partNumber=1`. */
  readonly url: string;
}

export interface FaultProxyOptions {
  /** 'hang': hold the request without ever answering (until the client gives up or the proxy closes). */
  readonly decide?: (request: SeenRequest) => 'forward' | 'hang';
  /** Rewrites a buffered response body of a request it returns true for. */
  readonly rewrite?: { readonly when: (request: SeenRequest) => boolean; readonly body: (body: string) => string };
}

export interface FaultProxy {
  /** The address to give the code under test as s3-endpoint. */
  readonly endpoint: string;
  readonly seen: SeenRequest[];
  /** Changes the decision for every later request. */
  setDecide(decide: (request: SeenRequest) => 'forward' | 'hang'): void;
  /** Resolves with the first request (seen from now on, or already) that matches. */
  waitFor(match: (request: SeenRequest) => boolean): Promise<SeenRequest>;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of the test RGW, for faults a real server does not show: a
 * request that hangs, or an answer with a field removed. SigV4 signs the Host header, which the
 * proxy passes on unchanged, so the server accepts the forwarded requests.
 */
export async function startFaultProxy(upstream: string, options: FaultProxyOptions = {}): Promise<FaultProxy> {
  const target = new URL(upstream);
  const seen: SeenRequest[] = [];
  let decide = options.decide ?? (() => 'forward' as const);
  const waiters: { match: (request: SeenRequest) => boolean; resolve: (request: SeenRequest) => void }[] = [];

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const seenRequest = { method: incoming.method ?? 'GET', url: incoming.url ?? '/' };
    seen.push(seenRequest);
    for (const waiter of waiters.filter((entry) => entry.match(seenRequest))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(seenRequest);
    }
    if (decide(seenRequest) === 'hang') {
      incoming.resume(); // read the body, answer nothing
      return;
    }
    const outgoing = forward(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        if (options.rewrite?.when(seenRequest) !== true) {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.from(options.rewrite?.body(Buffer.concat(chunks).toString('utf8')) ?? '', 'utf8');
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          response.writeHead(answer.statusCode ?? 502, headers);
          response.end(body);
        });
      },
    );
    outgoing.on('error', () => response.destroy());
    incoming.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    setDecide: (next) => {
      decide = next;
    },
    waitFor: (match) => {
      const already = seen.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** S3 request shapes, as the proxy sees them (path-style). */
export const s3Request = {
  isHeadUnder: (prefix: string) => (request: SeenRequest) => request.method === 'HEAD' && decodeURIComponent(request.url).includes(`/${prefix}`),
  isUploadPart: (request: SeenRequest) => request.method === 'PUT' && /[?&]partNumber=/.test(request.url),
  isLifecycleGet: (request: SeenRequest) => request.method === 'GET' && /\?lifecycle(=|&|$)/.test(request.url),
  isListUploads: (request: SeenRequest) => request.method === 'GET' && /[?&]uploads(=|&|$)/.test(request.url),
};
