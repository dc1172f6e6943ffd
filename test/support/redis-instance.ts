import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../src/cli/local-s3.js';
import { stopByPid } from './prometheus-instance.js';

/** A throwaway redis-server (Debian's) on loopback with a password, optionally TLS only; stopped by PID. */
export interface RedisInstance {
  readonly port: number;
  readonly password: string;
  /** PEM of the CA that signed the TLS certificate (TLS instances only). */
  readonly caPem: string | undefined;
  stop(): Promise<void>;
}

export interface RedisOptions {
  readonly password: string;
  readonly tls?: boolean;
}

/** A CA and a server certificate for 127.0.0.1, made with openssl. */
async function makeCertificates(dir: string): Promise<void> {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  await writeFile(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=surreal-release-gates test CA']);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  run(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'san.ext']);
}

export async function startRedis(options: RedisOptions): Promise<RedisInstance> {
  const dir = await mkdtemp(path.join(tmpdir(), 'srg-redis-'));
  const port = await freePort();
  const args = ['--bind', '127.0.0.1', '--requirepass', options.password, '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'no'];
  let caPem: string | undefined;
  if (options.tls) {
    await makeCertificates(dir);
    caPem = await readFile(path.join(dir, 'ca.crt'), 'utf8');
    args.push(
      '--port',
      '0',
      '--tls-port',
      String(port),
      '--tls-cert-file',
      path.join(dir, 'server.crt'),
      '--tls-key-file',
      path.join(dir, 'server.key'),
      '--tls-ca-cert-file',
      path.join(dir, 'ca.crt'),
      '--tls-auth-clients',
      'no',
    );
  } else {
    args.push('--port', String(port));
  }
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = `${output}${chunk.toString()}`.slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = async () => {
    await stopByPid(child);
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start on ${port}: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { port, password: options.password, caPem, stop };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
