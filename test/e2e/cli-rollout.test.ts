import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrometheus, type PrometheusInstance } from '../support/prometheus-instance.js';
import { rawClient, testS3, uniqueBucket } from '../support/s3.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let bundle: string;
let prometheus: PrometheusInstance;

interface Exit {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The operator's environment; vitest's own MODE=test must not matter (the CLI reads RELEASE_GATES_MODE). */
function operatorEnv(): NodeJS.ProcessEnv {
  return { ...process.env, MODE: 'test' };
}

function node(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Exit> {
  return run(process.execPath, args, options);
}

function run(file: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Exit> {
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd: options.cwd, env: options.env ?? process.env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  // The operator's CLI as it ships: bundled by ncc (here into a temp dir; dist/ stays untouched).
  const out = await mkdtemp(path.join(tmpdir(), 'srg-cli-'));
  // At the lowest CPU priority: the timing assertions of the tests running beside it stay honest.
  const build = await run('nice', ['-n', '19', process.execPath, path.join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', path.join(ROOT, 'src/cli.ts'), '-o', out, '--quiet'], { cwd: ROOT });
  if (build.code !== 0) throw new Error(`ncc build failed: ${build.stderr}`);
  bundle = path.join(out, 'index.js');
  prometheus = await startPrometheus();
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  if (bundle) await rm(path.dirname(bundle), { recursive: true, force: true });
});

describe('the operator CLI runs the rollout preset (bundled with ncc)', () => {
  it('documents the preset in --help', async () => {
    const help = await node([bundle, '--help'], { cwd: ROOT });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--gates rollout --env staging');
    expect(help.stdout).toContain('--hot-path-checks');
  });

  it.each(['staging', 'production'])(
    '--gates rollout --env %s writes the runbook reports for the environment and archives them',
    async (env) => {
      const s3 = testS3();
      const workspace = await mkdtemp(path.join(tmpdir(), 'srg-operator-'));
      const bucket = uniqueBucket(env);
      await rawClient().send(new CreateBucketCommand({ Bucket: bucket }));
      await writeFile(path.join(workspace, 'hot-path-checks.yaml'), "checks:\n  - {name: always up, query: 'vector(1)', comparison: '>=', threshold: 1}\n");
      const run = await node(
        [
          bundle,
          '--gates', 'rollout',
          '--env', env,
          '--s3-bucket', bucket,
          '--s3-endpoint', s3.endpoint,
          '--s3-access-key', s3.accessKey,
          '--hot-path-checks', 'hot-path-checks.yaml',
          '--hot-path-window', '2s',
          '--hot-path-step', '1s',
        ],
        // The secret and the Prometheus URL come from the runbook's variables, as an operator exports them.
        { cwd: workspace, env: { ...operatorEnv(), S3_SECRET_KEY: s3.secretKey, PROM_URL: prometheus.url, AWS_EC2_METADATA_DISABLED: 'true' } },
      );
      expect(run.stderr).not.toContain(s3.secretKey);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('# Release gates (surreal): GO');

      const dir = path.join(workspace, 'docs/research');
      const files = await readdir(dir);
      for (const name of ['hot-path-rollout', 'chat-attachment-lifecycle-policy', 'chat-attachment-lifecycle-verify', 'release-gates-surreal']) {
        expect(files).toContain(`${name}-latest.md`);
        expect(files.some((file) => new RegExp(`^${name}-${env}-\\d{8}T\\d{6}Z\\.md$`).test(file))).toBe(true);
        expect(await readFile(path.join(dir, `${name}-latest.md`), 'utf8')).toContain('Result: PASS');
      }
      expect(await readFile(path.join(dir, 'chat-attachment-lifecycle-policy-latest.md'), 'utf8')).toContain('Mode: apply');
      const archived = /^output archived-reports=(.*)$/m.exec(run.stderr)?.[1]?.split(',') ?? [];
      expect(archived).toHaveLength(5);
      expect(archived.every((file) => path.basename(file).includes(`-${env}-`))).toBe(true);
    },
    60_000,
  );
});
