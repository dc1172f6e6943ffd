import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/cli/local-s3.js';
import { runProcess, type Finished } from '../support/node-process.js';
import { testS3, uniqueBucket } from '../support/s3.js';
import { tempDir } from '../support/workspace.js';
import { ROOT, steps } from './support.js';

const SCRIPTS = path.join(ROOT, 'scripts/ci');

/** Runs a CI script with bash, as a workflow step does, with only the environment given. */
function script(name: string, args: readonly string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Finished> {
  return runProcess('bash', [path.join(SCRIPTS, name), ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', AWS_EC2_METADATA_DISABLED: 'true', ...env },
    cwd: ROOT,
    timeoutMs,
  });
}

const output = (finished: Finished) => `${finished.stdout}${finished.stderr}`;

/** KEY=value lines a script appended to GITHUB_ENV. */
async function githubEnv(file: string): Promise<Record<string, string>> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

/** An HTTP server on loopback whose answers the test sets: a status per request, or none at all. */
async function httpServer(answer: (request: number) => number | 'hang'): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((_request, response) => {
    count += 1;
    const status = answer(count);
    if (status === 'hang') return;
    response.writeHead(status).end(status < 400 ? 'ok' : 'unhealthy');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A real redis-server (Debian package) on a free loopback port, with a password; stopped by PID. */
async function startRedis(password: string): Promise<{ port: number; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--requirepass', password],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ping = await runProcess('redis-cli', ['-p', String(port), '--no-auth-warning', '-a', password, 'PING'], {
      env: process.env,
      cwd: ROOT,
      timeoutMs: 2_000,
    });
    if (ping.stdout.trim() === 'PONG') break;
    if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not answer: ${ping.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, stop: () => child.kill('SIGTERM') };
}

/** A docker stand-in that records its arguments and the MinIO/SurrealDB credentials it was given. */
async function fakeDocker(exitCode: number): Promise<{ bin: string; calls: () => Promise<string[]> }> {
  const dir = await tempDir('docker');
  const log = path.join(dir, 'calls');
  const bin = path.join(dir, 'bin');
  await mkdir(bin);
  await writeFile(
    path.join(bin, 'docker'),
    [
      '#!/usr/bin/env bash',
      `printf '%s|env:%s,%s,%s,%s\\n' "$*" "\${MINIO_ROOT_USER:-}" "\${MINIO_ROOT_PASSWORD:-}" "\${SURREAL_USER:-}" "\${SURREAL_PASS:-}" >>'${log}'`,
      `if [ "$1" = run ] && [ ${exitCode} != 0 ]; then echo 'Unable to find image: pull access denied' >&2; exit ${exitCode}; fi`,
      'exit 0',
    ].join('\n'),
  );
  await chmod(path.join(bin, 'docker'), 0o755);
  return { bin, calls: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
}

describe('scripts/ci against the local RGW', () => {
  it('start-storage.sh (S3_SERVER=rgw) starts an RGW that wait-for-health sees, ensure-bucket fills and stop-storage.sh stops', async () => {
    const dir = await tempDir('ci-rgw');
    const envFile = path.join(dir, 'github_env');
    await writeFile(envFile, '');
    const [port, monPort] = [await freePort(), await freePort()];
    const started = await script(
      'start-storage.sh',
      [],
      { S3_SERVER: 'rgw', S3_PORT: String(port), MON_PORT: String(monPort), GITHUB_ENV: envFile, TMPDIR: dir },
      120_000,
    );
    const exported = await githubEnv(envFile);
    try {
      expect(started.code, output(started)).toBe(0);
      expect(started.stdout.trim()).toBe(`S3_ENDPOINT=http://127.0.0.1:${port}`);
      expect(exported).toMatchObject({ S3_SERVER: 'rgw', S3_ENDPOINT: `http://127.0.0.1:${port}` });
      expect(exported.S3_SECRET_KEY).toMatch(/^[0-9a-f]{40}$/);
      expect(output(started)).not.toContain(exported.S3_SECRET_KEY);
      // Not on a runner: no ::add-mask:: line, which would print the secret itself.
      expect(started.stdout).not.toContain('::add-mask::');

      const healthy = await script('wait-for-health.sh', [`rgw=${exported.S3_ENDPOINT}/`], { HEALTH_TIMEOUT_SECONDS: '30' });
      expect(healthy.code, output(healthy)).toBe(0);

      const bucket = uniqueBucket('ci-ensure');
      const reports = path.join(dir, 'reports');
      const ensured = await script('ensure-bucket.sh', [], { ...exported, S3_BUCKET: bucket, APP_ENV: 'ci', REPORTS_DIR: reports, NODE: process.execPath });
      expect(ensured.code, output(ensured)).toBe(0);
      const client = new S3Client({
        endpoint: exported.S3_ENDPOINT ?? '',
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: exported.S3_ACCESS_KEY ?? '', secretAccessKey: exported.S3_SECRET_KEY ?? '' },
      });
      await expect(client.send(new HeadBucketCommand({ Bucket: bucket }))).resolves.toBeDefined();
      client.destroy();
    } finally {
      const stopped = await script('stop-storage.sh', [], { S3_SERVER: 'rgw', RGW_DATA_DIR: exported.RGW_DATA_DIR ?? '' });
      expect(stopped.code, output(stopped)).toBe(0);
    }
    await expect(fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
    // The exported credentials were the stopped RGW's; leave nothing behind.
    await rm(dir, { recursive: true, force: true });
  }, 180_000);

  describe('ensure-bucket.sh', () => {
    const s3 = () => testS3();
    const env = (bucket: string, reports: string) => ({
      S3_ENDPOINT: s3().endpoint,
      S3_ACCESS_KEY: s3().accessKey,
      S3_SECRET_KEY: s3().secretKey,
      S3_BUCKET: bucket,
      APP_ENV: 'ci',
      REPORTS_DIR: reports,
      NODE: process.execPath,
    });

    it('creates a missing bucket, reports PASS, and changes nothing on a second run', async () => {
      const bucket = uniqueBucket('ensure');
      const reports = path.join(await tempDir('ensure'), 'reports');
      const first = await script('ensure-bucket.sh', [], env(bucket, reports));
      expect(first.code, output(first)).toBe(0);
      expect(output(first)).toContain(`Created bucket ${bucket}`);
      expect(output(first)).not.toContain(s3().secretKey);
      const report = await readFile(path.join(reports, 'chat-attachment-bucket-latest.md'), 'utf8');
      expect(report).toContain('Result: PASS');
      expect(report).toContain('Mode: apply');

      const second = await script('ensure-bucket.sh', [], env(bucket, reports));
      expect(second.code, output(second)).toBe(0);
      expect(output(second)).not.toContain('Created bucket');
    });

    it('fails within its time limit, naming the endpoint, when the storage is down', async () => {
      const closed = `http://127.0.0.1:${await freePort()}`;
      const started = performance.now();
      const down = await script('ensure-bucket.sh', [], {
        ...env(uniqueBucket('down'), path.join(await tempDir('down'), 'reports')),
        S3_ENDPOINT: closed,
        S3_TIMEOUT_SECONDS: '3',
      });
      expect(down.code).toBe(1);
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(down.stderr).toContain(`is not ensured on ${closed}`);
    });

    it('refuses to run without S3_ENDPOINT instead of letting the CLI start a throwaway RGW', async () => {
      const started = performance.now();
      const refused = await script('ensure-bucket.sh', [], { S3_BUCKET: 'chat-attachments-ci', APP_ENV: 'ci', NODE: process.execPath });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('S3_ENDPOINT is not set');
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  });
});

describe('wait-for-health.sh', () => {
  const password = 'p@ss:w0rd/+';
  let redis: { port: number; stop: () => void };
  beforeAll(async () => {
    redis = await startRedis(password);
  });
  afterAll(() => redis?.stop());
  const redisUrl = (secret: string) => `redis://:${encodeURIComponent(secret)}@127.0.0.1:${redis.port}/0`;

  it('passes when the HTTP endpoint answers and redis answers PING with the password from the URL, never printing it', async () => {
    const server = await httpServer(() => 200);
    try {
      const result = await script('wait-for-health.sh', [`web=${server.url}/health`, `redis=${redisUrl(password)}`], { HEALTH_TIMEOUT_SECONDS: '10' });
      expect(result.code, output(result)).toBe(0);
      expect(output(result)).toContain(`web (${server.url}/health) is healthy`);
      expect(output(result)).toContain(`redis (redis://***@127.0.0.1:${redis.port}/0) is healthy`);
      expect(output(result)).not.toContain(encodeURIComponent(password));
      expect(output(result)).not.toContain(password);
    } finally {
      await server.close();
    }
  });

  it('waits through unhealthy answers until the endpoint is healthy', async () => {
    const server = await httpServer((request) => (request < 3 ? 503 : 200));
    try {
      const result = await script('wait-for-health.sh', [`web=${server.url}/`], { HEALTH_TIMEOUT_SECONDS: '20', HEALTH_INTERVAL_SECONDS: '0' });
      expect(result.code, output(result)).toBe(0);
      expect(server.requests()).toBe(3);
      expect(result.stderr).toContain('healthy: 3 attempt(s)');
    } finally {
      await server.close();
    }
  });

  it('fails after the deadline, naming each endpoint and its last error, when nothing listens', async () => {
    const closed = await freePort();
    const started = performance.now();
    const result = await script('wait-for-health.sh', [`web=http://127.0.0.1:${closed}/`, `cache=redis://127.0.0.1:${closed}`], {
      HEALTH_TIMEOUT_SECONDS: '2',
      HEALTH_ATTEMPT_SECONDS: '1',
    });
    const seconds = (performance.now() - started) / 1000;
    expect(result.code).toBe(1);
    expect(seconds).toBeGreaterThanOrEqual(1.9);
    expect(seconds).toBeLessThan(6);
    expect(result.stderr).toMatch(new RegExp(`web \\(http://127\\.0\\.0\\.1:${closed}/\\) is not healthy after \\d+s and \\d+ attempt\\(s\\): curl: \\(7\\)`));
    expect(result.stderr).toContain(`cache (redis://127.0.0.1:${closed}) is not healthy`);
    expect(result.stderr).toContain('Connection refused');
    expect(result.stderr).toContain('not healthy within 2s: web cache');
  });

  it('bounds a probe of an endpoint that accepts but never answers', async () => {
    const server = await httpServer(() => 'hang');
    try {
      const started = performance.now();
      const result = await script('wait-for-health.sh', [`web=${server.url}/`], { HEALTH_TIMEOUT_SECONDS: '2', HEALTH_ATTEMPT_SECONDS: '1' });
      expect(result.code).toBe(1);
      expect(performance.now() - started).toBeLessThan(6_000);
      expect(result.stderr).toContain('Operation timed out');
    } finally {
      await server.close();
    }
  });

  it('fails on a wrong redis password without printing it', async () => {
    const result = await script('wait-for-health.sh', [`redis=${redisUrl('wrong-secret')}`], { HEALTH_TIMEOUT_SECONDS: '1', HEALTH_ATTEMPT_SECONDS: '1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/WRONGPASS|NOAUTH|invalid password/);
    expect(output(result)).not.toContain('wrong-secret');
  });

  it('rejects arguments it cannot probe before waiting for anything', async () => {
    for (const args of [['ftp=ftp://127.0.0.1/'], ['http://127.0.0.1/'], []]) {
      const started = performance.now();
      const result = await script('wait-for-health.sh', args, {});
      expect(result.code, args.join(' ')).toBe(2);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});

describe('start scripts, with a docker stand-in (docker itself runs on GitHub runners in ci.yml)', () => {
  it('start-storage.sh runs MinIO with its server command, on loopback, credentials through the environment, masked on a runner', async () => {
    const docker = await fakeDocker(0);
    const dir = await tempDir('minio');
    const envFile = path.join(dir, 'github_env');
    await writeFile(envFile, '');
    const result = await script('start-storage.sh', [], {
      PATH: `${docker.bin}:${process.env.PATH ?? ''}`,
      S3_PORT: '19000',
      GITHUB_ACTIONS: 'true',
      GITHUB_ENV: envFile,
    });
    expect(result.code, output(result)).toBe(0);
    const exported = await githubEnv(envFile);
    const secret = exported.S3_SECRET_KEY ?? '';
    expect(secret).toMatch(/^[0-9a-f]{40}$/);
    expect(exported).toMatchObject({ S3_SERVER: 'minio', S3_ENDPOINT: 'http://127.0.0.1:19000' });
    // The mask comes first, before anything could print the secret.
    expect(result.stdout.split('\n')[0]).toBe(`::add-mask::${secret}`);
    const calls = await docker.calls();
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatch(/^rm -f surreal-release-gates-minio\|/);
    expect(calls[1]).toBe(
      `run --detach --name surreal-release-gates-minio --publish 127.0.0.1:19000:9000 --env MINIO_ROOT_USER --env MINIO_ROOT_PASSWORD quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z server /data|env:${exported.S3_ACCESS_KEY},${secret},,`,
    );
  });

  it('start-storage.sh fails with what to do when docker cannot start MinIO', async () => {
    const docker = await fakeDocker(125);
    const result = await script('start-storage.sh', [], {
      PATH: `${docker.bin}:${process.env.PATH ?? ''}`,
      MINIO_IMAGE: 'example.invalid/minio:gone',
      S3_SECRET_KEY: 'given-secret-0001',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pull access denied');
    expect(result.stderr).toContain('docker run example.invalid/minio:gone failed: check that the image can be pulled (set minio-image');
    expect(output(result)).not.toContain('given-secret-0001');
  });

  it('start-surrealdb.sh runs SurrealDB in memory on loopback, its password through the environment', async () => {
    const docker = await fakeDocker(0);
    const result = await script('start-surrealdb.sh', [], {
      PATH: `${docker.bin}:${process.env.PATH ?? ''}`,
      SURREALDB_PORT: '18000',
      SURREAL_PASS: 'db-secret-0001',
    });
    expect(result.code, output(result)).toBe(0);
    expect(result.stdout.trim()).toBe('SURREALDB_URL=http://127.0.0.1:18000');
    const calls = await docker.calls();
    expect(calls[1]).toBe(
      'run --detach --name surreal-release-gates-surrealdb --publish 127.0.0.1:18000:8000 --env SURREAL_USER --env SURREAL_PASS surrealdb/surrealdb:v2.3.10 start --bind 0.0.0.0:8000 memory|env:,,root,db-secret-0001',
    );
    expect(output(result)).not.toContain('db-secret-0001');
  });
});

describe('require-result.sh', () => {
  it('passes when every result is the expected one', async () => {
    const result = await script('require-result.sh', ['PASS', 'lifecycle=PASS', 'release gates=PASS'], {});
    expect(result.code, output(result)).toBe(0);
  });

  it('fails naming every result that is not, including a step that never ran', async () => {
    const result = await script('require-result.sh', ['PASS', 'lifecycle=FAIL', 'release gates=', 'other=PASS'], { GITHUB_ACTIONS: 'true' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error title=require-result::lifecycle: FAIL, expected PASS');
    expect(result.stdout).toContain('::error title=require-result::release gates: no result (the step did not run), expected PASS');
    expect(result.stderr).toContain('not PASS: lifecycle,release gates');
  });
});

describe('check-dist.sh', () => {
  async function repo(): Promise<{ dir: string; git: (...args: string[]) => Promise<Finished> }> {
    const dir = await tempDir('dist-repo');
    const git = (...args: string[]) =>
      runProcess('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
        env: { PATH: process.env.PATH ?? '' },
        cwd: dir,
        timeoutMs: 10_000,
      });
    await git('init', '-q');
    await mkdir(path.join(dir, 'dist'));
    await writeFile(path.join(dir, 'dist/index.js'), 'built\n');
    await git('add', '.');
    await git('commit', '-qm', 'dist');
    return { dir, git };
  }
  const check = (dir: string) =>
    runProcess('bash', [path.join(SCRIPTS, 'check-dist.sh'), 'dist'], { env: { PATH: process.env.PATH ?? '' }, cwd: dir, timeoutMs: 10_000 });

  it('passes when the build left dist/ as committed', async () => {
    const { dir } = await repo();
    const result = await check(dir);
    expect(result.code, output(result)).toBe(0);
  });

  it('fails, listing the file, on a changed, a new or a deleted file', async () => {
    for (const change of ['changed', 'new', 'deleted'] as const) {
      const { dir } = await repo();
      if (change === 'changed') await writeFile(path.join(dir, 'dist/index.js'), 'rebuilt\n');
      if (change === 'new') await writeFile(path.join(dir, 'dist/extra.js'), 'x\n');
      if (change === 'deleted') await runProcess('rm', [path.join(dir, 'dist/index.js')], { env: process.env, cwd: dir, timeoutMs: 5_000 });
      const result = await check(dir);
      expect(result.code, change).toBe(1);
      expect(result.stderr, change).toContain(change === 'new' ? 'dist/extra.js' : 'dist/index.js');
      expect(result.stderr).toContain('run npm run build and commit dist/');
    }
  });
});

describe("release-gates.yml's first step (inline: it runs before this repository is checked out)", () => {
  const locate = steps('.github/workflows/release-gates.yml').find(({ step }) => step.id === 'source')?.step.run ?? '';

  async function runLocate(jobContext: unknown): Promise<Finished & { outputs: string }> {
    const dir = await tempDir('locate');
    const outputFile = path.join(dir, 'github_output');
    await writeFile(outputFile, '');
    const finished = await runProcess('bash', ['-e', '-c', locate], {
      env: { PATH: process.env.PATH ?? '', JOB_CONTEXT: JSON.stringify(jobContext), GITHUB_OUTPUT: outputFile },
      cwd: dir,
      timeoutMs: 10_000,
    });
    return { ...finished, outputs: await readFile(outputFile, 'utf8') };
  }

  it("reads the reusable workflow's own repository and commit from the job context", async () => {
    expect(locate).toContain('JOB_CONTEXT');
    const sha = 'a'.repeat(40);
    const result = await runLocate({
      status: 'success',
      workflow_ref: 'surreal-release-gates/surreal-release-gates/.github/workflows/release-gates.yml@refs/tags/v0',
      workflow_sha: sha,
      workflow_repository: 'surreal-release-gates/surreal-release-gates',
      workflow_file_path: '.github/workflows/release-gates.yml',
    });
    expect(result.code, output(result)).toBe(0);
    expect(result.outputs).toBe(`repository=surreal-release-gates/surreal-release-gates\nsha=${sha}\n`);
  });

  it('fails with what to do where GitHub does not provide them', async () => {
    for (const context of [{ status: 'success' }, { status: 'success', workflow_repository: 'o/r', workflow_sha: 'v1' }]) {
      const result = await runLocate(context);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('::error::This GitHub does not provide job.workflow_repository and job.workflow_sha');
      expect(result.outputs).toBe('');
    }
  });
});

describe("release-gates.yml's gates check (inline, before anything starts)", () => {
  const check = steps('.github/workflows/release-gates.yml').find(({ step }) => step.name === 'Check the gates input')?.step.run ?? '';

  const runCheck = (gates: string) =>
    runProcess('bash', ['-e', '-c', check], { env: { PATH: process.env.PATH ?? '', GATES: gates }, cwd: ROOT, timeoutMs: 10_000 });

  it.each(['verify,smoke', 'verify', 'smoke, growth', 'bucket,lifecycle,verify,smoke,hot-path'])('lets %j through', async (gates) => {
    const result = await runCheck(gates);
    expect(result.code, output(result)).toBe(0);
    expect(result.stdout).toBe('');
  });

  it.each(['verify,branch-protection', 'branch-protection', 'verify, branch-protection ,smoke', 'rollout'])(
    'refuses %j with the reason and where to run it, not echoing the input',
    async (gates) => {
      const result = await runCheck(gates);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /^::error title=release-gates::gates includes branch-protection .*checks: read, pull-requests: read.* docs\/examples\/ci\.yml, job branch-protection\.\n$/,
      );
    },
  );
});
