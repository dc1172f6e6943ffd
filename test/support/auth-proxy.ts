import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A reverse proxy on loopback that asks for basic auth, as Prometheus is often exposed, in front
 * of a real server: a request with the expected Authorization header is forwarded, any other gets
 * 401. `authorizations` records the header of every request (undefined: none was sent).
 */
export interface AuthProxy {
  readonly url: string;
  readonly authorizations: (string | undefined)[];
  close(): Promise<void>;
}

export async function startBasicAuthProxy(upstream: string, username: string, password: string): Promise<AuthProxy> {
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const authorizations: (string | undefined)[] = [];
  const proxy = createServer((request, response) => {
    authorizations.push(request.headers.authorization);
    if (request.headers.authorization !== expected) {
      response.writeHead(401, { 'www-authenticate': 'Basic realm="prometheus"' }).end('unauthorized');
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const method = request.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
      void fetch(`${upstream}${request.url ?? '/'}`, { method, headers: { 'content-type': request.headers['content-type'] ?? '' }, ...(body ? { body } : {}) })
        .then(async (answer) => response.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text()))
        .catch(() => response.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
