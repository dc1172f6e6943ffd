import { createServer, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the proxy may change an answer: the request as received, the server's headers. */
export type HeaderRewrite = (request: IncomingMessage, headers: IncomingHttpHeaders) => IncomingHttpHeaders;

export interface S3Proxy {
  readonly endpoint: string;
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of a real S3 server that forwards every request as it is (Host
 * included, so SigV4 signatures stay valid) and lets a test rewrite response headers: a server
 * quirk the real server cannot be made to show, such as a wrong x-amz-expiration.
 */
export async function startS3Proxy(target: string, rewrite: HeaderRewrite): Promise<S3Proxy> {
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const forwarded = request(
      { hostname: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, rewrite(incoming, { ...answer.headers }));
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
