// A throwaway local Ceph RGW for the bench, started by scripts/rgw-up.sh on free ports with a
// temporary data dir and stopped by PID file with scripts/rgw-down.sh (as src/cli/local-s3.ts).
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run, runChecked } from './processes.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * Starts the RGW; returns { endpoint, accessKey, secretKey, stop }. stop() may be called any
 * number of times, also while the start is still running (it waits for rgw-up.sh to end first).
 */
export async function startLocalRgw(projectRoot, onStop) {
  const scripts = path.join(projectRoot, 'scripts');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'srg-bench-rgw-'));
  const rgwPort = await freePort();
  const monPort = await freePort();
  const accessKey = 'BENCHACCESSKEY000001';
  const secretKey = randomBytes(20).toString('hex');
  let stopping;
  const upEnv = {
    ...process.env,
    RGW_PORT: String(rgwPort),
    MON_PORT: String(monPort),
    RGW_DATA_DIR: dataDir,
    S3_ACCESS_KEY: accessKey,
    S3_SECRET_KEY: secretKey,
    // The bench never waits for expiry: no lifecycle worker threads competing for the CPU.
    RGW_ENABLE_LC_THREADS: 'false',
  };
  const up = runChecked('bash', [path.join(scripts, 'rgw-up.sh')], { env: upEnv });
  const stop = () => {
    stopping ??= up
      .catch(() => undefined)
      .then(() => run('bash', [path.join(scripts, 'rgw-down.sh')], { env: { ...process.env, RGW_DATA_DIR: dataDir, FAST: '1' } }))
      .then((result) => {
        if (result.code !== 0) process.stderr.write(`rgw-down.sh exited ${result.code}: ${result.stderr.trim()}\n`);
      });
    return stopping;
  };
  onStop(stop);
  await up;
  return { endpoint: `http://127.0.0.1:${rgwPort}`, accessKey, secretKey, dataDir, stop };
}
