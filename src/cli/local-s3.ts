import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A throwaway single-node Ceph RGW on loopback, started by scripts/rgw-up.sh and stopped by PID. */
export interface LocalS3 {
  readonly endpoint: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly dataDir: string;
  /** Extra admin access for tests (radosgw-admin needs it). */
  readonly cephConf: string;
  stop(): Promise<void>;
}

export interface LocalS3Options {
  /** Seconds per lifecycle "day" (RGW's lc debug interval). */
  readonly lifecycleDaySeconds?: number;
  /** False starts RGW without lifecycle processing. */
  readonly lifecycleThreads?: boolean;
  readonly onLog?: (line: string) => void;
}

/** The project root: the nearest folder upwards holding this package's package.json. */
export function projectRoot(start = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'surreal-release-gates') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the surreal-release-gates project root (its scripts/ start the local S3)');
    dir = parent;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function runScript(script: string, env: NodeJS.ProcessEnv, onLog?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line.trim()) onLog?.(line);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(script)} exited ${code}: ${output.trim().split('\n').slice(-3).join(' | ')}`)),
    );
  });
}

export async function startLocalS3(options: LocalS3Options = {}): Promise<LocalS3> {
  const root = projectRoot();
  const scripts = path.join(root, 'scripts');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'srg-rgw-'));
  const [rgwPort, monPort] = [await freePort(), await freePort()];
  const accessKey = 'LOCALACCESSKEY000001';
  const secretKey = `local${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`.padEnd(40, '0');
  const env = {
    RGW_PORT: String(rgwPort),
    MON_PORT: String(monPort),
    RGW_DATA_DIR: dataDir,
    S3_ACCESS_KEY: accessKey,
    S3_SECRET_KEY: secretKey,
    RGW_LC_DEBUG_INTERVAL: String(options.lifecycleDaySeconds ?? 10),
    RGW_ENABLE_LC_THREADS: options.lifecycleThreads === false ? 'false' : 'true',
  };
  await runScript(path.join(scripts, 'rgw-up.sh'), env, options.onLog);
  return {
    endpoint: `http://127.0.0.1:${rgwPort}`,
    accessKey,
    secretKey,
    dataDir,
    cephConf: path.join(dataDir, 'ceph.conf'),
    stop: () => runScript(path.join(scripts, 'rgw-down.sh'), { RGW_DATA_DIR: dataDir, FAST: '1' }, options.onLog),
  };
}
