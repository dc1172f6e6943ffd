import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyArgs } from '../../src/clients/kubectl.js';
import { CHECK, repository, rulesetRequiring, TOKEN } from '../support/branch-protection.js';
import { ACTIONS, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { createKubectlStandIn, type KubectlStandIn } from '../support/kubectl-stand-in.js';
import { startPrometheusStack, type PrometheusStack } from '../support/prometheus.js';
import { startRuleOperator, type RuleOperator } from '../support/rule-operator.js';
import { rawClient, testS3, uniqueBucket } from '../support/s3.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let bundle: string;
// The stages' other systems: a real Prometheus (hot-path queries, the alerts gate's rules), a
// stand-in kubectl on the CLI's PATH whose applies the rule operator loads into that Prometheus,
// and the fake GitHub with a compliant ruleset (branch protection).
let stack: PrometheusStack;
let kubectl: KubectlStandIn;
let operator: RuleOperator;
let github: FakeGitHub;

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
  const build = await run(
    'nice',
    ['-n', '19', process.execPath, path.join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', path.join(ROOT, 'src/cli.ts'), '-o', out, '--quiet'],
    { cwd: ROOT },
  );
  if (build.code !== 0) throw new Error(`ncc build failed: ${build.stderr}`);
  bundle = path.join(out, 'index.js');
  stack = await startPrometheusStack();
  kubectl = await createKubectlStandIn('rollout-admin');
  operator = startRuleOperator(kubectl, stack);
  github = await startFakeGitHub(repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] }), {
    value: TOKEN,
    admin: false,
  });
}, 120_000);

afterEach(() => {
  expect(github?.violations ?? []).toEqual([]);
});

afterAll(async () => {
  await operator?.stop();
  await github?.close();
  await stack?.stop();
  await kubectl?.remove();
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
      const kubectlCallsBefore = (await kubectl.calls()).length;
      const githubCallsBefore = github.calls.length;
      const run = await node(
        [
          bundle,
          '--gates',
          'rollout',
          '--env',
          env,
          '--s3-bucket',
          bucket,
          '--s3-endpoint',
          s3.endpoint,
          '--s3-access-key',
          s3.accessKey,
          '--hot-path-checks',
          'hot-path-checks.yaml',
          '--hot-path-window',
          '2s',
          '--hot-path-step',
          '1s',
        ],
        // The secrets, the Prometheus URL and the repository come from the runbook's variables, as an
        // operator exports them; kubectl is whatever is first on the PATH; GITHUB_API_URL as on a runner.
        {
          cwd: workspace,
          env: {
            ...operatorEnv(),
            S3_SECRET_KEY: s3.secretKey,
            PROM_URL: stack.prometheusUrl,
            AWS_EC2_METADATA_DISABLED: 'true',
            PATH: kubectl.path(),
            GITHUB_API_URL: github.url,
            GITHUB_TOKEN: TOKEN,
            GH_REPO: 'octo-org/chat-service',
            ALERTS_RUNBOOK_URL: 'https://runbooks.test/chat-attachment-lifecycle.md',
            ALERTS_VERIFY_TIMEOUT_SECONDS: '30',
          },
        },
      );
      for (const secret of [s3.secretKey, TOKEN]) {
        expect(run.stderr).not.toContain(secret);
        expect(run.stdout).not.toContain(secret);
      }
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('# Release gates (surreal): ✅\u00a0GO\n');

      const dir = path.join(workspace, 'docs/research');
      const files = await readdir(dir);
      // The reports the runbook lists for the rollout of an environment, and the rest of the preset's.
      const reports = [
        'hot-path-rollout',
        'chat-attachment-alerts-apply',
        'chat-attachment-lifecycle-policy',
        'chat-attachment-lifecycle-verify',
        'branch-protection-surreal-release-gates',
        'chat-attachment-s3-smoke',
        'chat-attachment-growth',
        'release-gates-surreal',
      ];
      for (const name of reports) {
        expect(files).toContain(`${name}-latest.md`);
        expect(
          files.some((file) => new RegExp(`^${name}-${env}-\\d{8}T\\d{6}Z\\.md$`).test(file)),
          name,
        ).toBe(true);
        expect(await readFile(path.join(dir, `${name}-latest.md`), 'utf8'), name).toMatch(/^Result: PASS$/m);
      }
      expect(await readFile(path.join(dir, 'chat-attachment-lifecycle-policy-latest.md'), 'utf8')).toContain('Mode: apply');
      const alerts = await readFile(path.join(dir, 'chat-attachment-alerts-apply-latest.md'), 'utf8');
      expect(alerts).toContain('Mode: apply');
      expect(alerts).toContain(`has rule group chat-attachment-lifecycle-${env} loaded`);
      const archived = /^output archived-reports=(.*)$/m.exec(run.stderr)?.[1]?.split(',') ?? [];
      expect(archived).toHaveLength(reports.length + 1); // each markdown report and the JSON one
      expect(archived.every((file) => path.basename(file).includes(`-${env}-`))).toBe(true);
      expect(archived.some((file) => /^release-gates-surreal-.*\.json$/.test(path.basename(file)))).toBe(true);

      // The alerts apply reached kubectl (the stand-in) once, for this environment's manifest.
      expect((await kubectl.calls()).slice(kubectlCallsBefore)).toEqual([
        'config current-context',
        applyArgs({ context: 'rollout-admin', namespace: 'monitoring' }, false).join(' '),
      ]);
      expect(operator.loaded).toContain(`chat-attachment-lifecycle-${env}`);
      expect(github.calls.length - githubCallsBefore).toBeGreaterThan(0);
    },
    60_000,
  );

  it('--drift-issue plan prints the drift watch decision and writes nothing to GitHub', async () => {
    const s3 = testS3();
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-operator-'));
    const bucket = uniqueBucket('drift');
    await rawClient().send(new CreateBucketCommand({ Bucket: bucket }));
    const writesBefore = github.calls.filter((call) => call.method !== 'GET').length;
    const run = await node(
      [
        bundle,
        '--gates',
        'lifecycle,verify',
        '--mode',
        'plan',
        '--drift-issue',
        'plan',
        '--env',
        'staging',
        '--s3-bucket',
        bucket,
        '--s3-endpoint',
        s3.endpoint,
        '--s3-access-key',
        s3.accessKey,
      ],
      {
        cwd: workspace,
        env: {
          ...operatorEnv(),
          S3_SECRET_KEY: s3.secretKey,
          AWS_EC2_METADATA_DISABLED: 'true',
          GITHUB_API_URL: github.url,
          GITHUB_TOKEN: TOKEN,
          GH_REPO: 'octo-org/chat-service',
        },
      },
    );
    // No rule on the bucket: verify fails, and the watch would open the environment's issue.
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Drift issue for staging (drift-issue: plan, nothing written): would open an issue 'Release gates drift: staging'.");
    expect(run.stdout).toContain(
      "## Published on GitHub\n\n- Drift issue for `staging` (plan, nothing written): would open an issue 'Release gates drift: staging'.",
    );
    expect(github.calls.filter((call) => call.method !== 'GET').length).toBe(writesBefore);
    expect(run.stderr).not.toContain(TOKEN);
  }, 60_000);
});
