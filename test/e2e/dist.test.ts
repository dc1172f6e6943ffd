import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actionInputEnv, parseGithubOutput } from '../support/github-files.js';
import { runProcess } from '../support/node-process.js';
import { testS3, uniqueBucket } from '../support/s3.js';
import { readReport, REPORTS, tempDir } from '../support/workspace.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The package.json build scripts with their output directory moved from dist to `out`. */
async function buildCommands(out: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const action = manifest.scripts['build:action'] ?? '';
  const cli = manifest.scripts['build:cli'] ?? '';
  expect(action).toContain(' -o dist ');
  expect(cli).toContain(' -o dist/cli ');
  return [action.replace(' -o dist ', ` -o ${out} `), cli.replace(' -o dist/cli ', ` -o ${path.join(out, 'cli')} `)];
}

describe('dist/', () => {
  it('is what npm run build makes from the current sources, byte for byte', async () => {
    const out = await tempDir('dist');
    // The project's node (24) and ncc first on PATH, as npm run puts them.
    const env = { ...process.env, PATH: [path.dirname(process.execPath), path.join(ROOT, 'node_modules/.bin'), process.env.PATH].join(path.delimiter) };
    for (const command of await buildCommands(out)) {
      const built = await runProcess('sh', ['-c', command], { env, cwd: ROOT, timeoutMs: 240_000 });
      expect(built.code, `${command}\n${built.stdout}${built.stderr}`).toBe(0);
    }

    const fresh = await filesUnder(out);
    const committed = await filesUnder(DIST);
    expect(fresh).toContain('index.js');
    expect(fresh).toContain('cli/index.js');
    const differing: string[] = [];
    for (const file of fresh.filter((name) => committed.includes(name))) {
      const [a, b] = await Promise.all([readFile(path.join(out, file)), readFile(path.join(DIST, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    const stale = {
      differing,
      missingFromDist: fresh.filter((name) => !committed.includes(name)),
      extraInDist: committed.filter((name) => !fresh.includes(name)),
    };
    expect(stale, 'dist/ is stale: run npm run build and commit dist/').toEqual({ differing: [], missingFromDist: [], extraInDist: [] });
  }, 300_000);

  describe('node dist/index.js as the runner starts it', () => {
    async function runAction(inputs: Record<string, string>) {
      expect(process.version.startsWith('v24')).toBe(true);
      const dir = await tempDir('action');
      const workspace = path.join(dir, 'workspace');
      const outputFile = path.join(dir, 'github_output');
      const summaryFile = path.join(dir, 'step_summary');
      await Promise.all([writeFile(outputFile, ''), writeFile(summaryFile, '')]);
      await mkdir(workspace);
      const env = {
        ...actionInputEnv(inputs),
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_WORKSPACE: workspace,
        AWS_EC2_METADATA_DISABLED: 'true',
        PATH: process.env.PATH ?? '',
      };
      expect(Object.keys(env)).toContain('INPUT_S3-SECRET-KEY');
      const finished = await runProcess(process.execPath, [path.join(DIST, 'index.js')], { env, cwd: workspace, timeoutMs: 60_000 });
      return {
        ...finished,
        workspace,
        outputs: parseGithubOutput(await readFile(outputFile, 'utf8')),
        summary: await readFile(summaryFile, 'utf8'),
      };
    }

    function s3Inputs(): Record<string, string> {
      const s3 = testS3();
      return {
        'app-env': 'ci',
        's3-bucket': uniqueBucket('dist'),
        's3-endpoint': s3.endpoint,
        's3-access-key': s3.accessKey,
        's3-secret-key': s3.secretKey,
        's3-timeout-seconds': '10',
      };
    }

    /** The secret shows only in the ::add-mask:: line, never in reports or the summary. */
    async function expectSecretOnlyMasked(run: Awaited<ReturnType<typeof runAction>>, secret: string) {
      const lines = run.stdout.split('\n').filter((line) => line.includes(secret));
      expect(lines).toEqual([`::add-mask::${secret}`]);
      // Masked before anything else is printed.
      expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${secret}`);
      expect(run.stderr).not.toContain(secret);
      expect(run.summary).not.toContain(secret);
      for (const name of Object.values(REPORTS)) expect(await readReport(run.workspace, name).catch(() => '')).not.toContain(secret);
    }

    it('exits 0 on a PASS run with result=PASS, the summary and the reports', async () => {
      const inputs = s3Inputs();
      const run = await runAction(inputs);

      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.outputs).toEqual({
        result: 'PASS',
        'failed-gates': '',
        'reports-dir': path.join(run.workspace, 'docs/research'),
        'archived-reports': '',
      });
      expect(run.summary).toContain('Result: PASS');
      expect(run.summary.startsWith('# Release gates (surreal): ✅\u00a0GO\n')).toBe(true);
      expect(run.stdout).not.toMatch(/^::error/m);
      expect(await readReport(run.workspace, REPORTS.goNoGo)).toContain('Result: PASS');
      expect(await readReport(run.workspace, REPORTS.lifecycle)).toContain('Mode: apply');
      const results = JSON.parse(await readReport(run.workspace, REPORTS.json)) as { result: string };
      expect(results.result).toBe('PASS');
      await expectSecretOnlyMasked(run, inputs['s3-secret-key'] ?? '');
    }, 60_000);

    it('exits 1 on a FAIL run with result=FAIL, failed-gates and a NO-GO summary', async () => {
      const inputs: Record<string, string> = { ...s3Inputs(), 'expire-days': '30', 'expect-expire-days': '7' };
      const run = await runAction(inputs);

      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.outputs.result).toBe('FAIL');
      expect(run.outputs['failed-gates']?.split(',')).toContain('verify');
      expect(run.summary).toContain('NO-GO');
      expect(run.summary).toContain('Result: FAIL');
      expect(run.summary.startsWith('# Release gates (surreal): ❌\u00a0NO-GO\n')).toBe(true);
      // The step's failure line, titled with the first blocking gate (':' escaped as a command property).
      const failure = run.stdout.split('\n').filter((line) => line.startsWith('::error title=surreal-release-gates'));
      expect(failure).toHaveLength(1);
      expect(failure[0]).toMatch(/^::error title=surreal-release-gates%3A verify::Release gates NO-GO \(verify\)/);
      // One annotation for the failed gate, titled with it (the runner unescapes %3A to ':').
      const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::error title=verify'));
      expect(annotations).toHaveLength(1);
      expect(annotations[0]).toMatch(/^::error title=verify%3A FAIL::.*30 days, expected 7.* What to do: /);
      expect(run.stdout.split('\n').filter((line) => line.startsWith('::error'))).toHaveLength(2);
      expect(await readReport(run.workspace, REPORTS.verify)).toContain('Result: FAIL');
      await expectSecretOnlyMasked(run, inputs['s3-secret-key'] ?? '');
    }, 60_000);
  });

  it('dist/cli/index.js runs the sequence against a given endpoint and writes the reports', async () => {
    const s3 = testS3();
    const workspace = await tempDir('cli');
    const args = [
      path.join(DIST, 'cli/index.js'),
      '--s3-endpoint',
      s3.endpoint,
      '--s3-access-key',
      s3.accessKey,
      '--s3-secret-key',
      s3.secretKey,
      '--app-env',
      'ci',
      '--s3-bucket',
      uniqueBucket('cli'),
    ];
    const run = await runProcess(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '', AWS_EC2_METADATA_DISABLED: 'true' },
      cwd: workspace,
      timeoutMs: 60_000,
    });

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Result: PASS');
    expect(run.stderr).toContain('output result=PASS');
    expect(await readReport(workspace, REPORTS.goNoGo)).toContain('Result: PASS');
    expect(await readReport(workspace, REPORTS.verify)).toContain('Result: PASS');
    expect(run.stdout + run.stderr).not.toContain(s3.secretKey);
  }, 60_000);
});
