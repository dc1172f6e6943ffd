import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMMITTED_MANIFEST_OPTIONS, COMMITTED_MANIFEST_PATH } from '../../src/alerts/committed.js';
import { manifestHeader, manifestYaml, renderPrometheusRule } from '../../src/alerts/manifest.js';
import { validateManifest } from '../../src/alerts/validate.js';
import { actionsExecRunner, CommandNotFound } from '../../src/clients/exec.js';
import { createPromtool } from '../../src/clients/promtool.js';
import { recordingRunner } from '../support/recording-runner.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/alerts');

/** Writes the manifest's .spec as rules.yml beside a copy of the fixture and runs promtool test rules. */
async function promtoolTest(manifestText: string, fixture: string): Promise<{ code: number; output: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'srg-promtool-'));
  const ruleFile = validateManifest(manifestText, {}).ruleFile;
  if (ruleFile === undefined) throw new Error('manifest has no spec');
  await writeFile(path.join(dir, 'rules.yml'), ruleFile);
  await copyFile(path.join(fixtures, fixture), path.join(dir, fixture));
  try {
    const { stdout, stderr } = await promisify(execFile)('promtool', ['test', 'rules', path.join(dir, fixture)]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('promtool test rules: each alert fires on its synthetic series and stays quiet on healthy ones', () => {
  it('for the committed manifest (every environment)', async () => {
    const result = await promtoolTest(await readFile(path.join(root, COMMITTED_MANIFEST_PATH), 'utf8'), 'all-environments.test.yml');
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it('for the rendering of one environment (what the alerts gate applies)', async () => {
    const options = { ...COMMITTED_MANIFEST_OPTIONS, env: 'staging' };
    const result = await promtoolTest(manifestYaml(renderPrometheusRule(options), manifestHeader('staging', options.basePrefix)), 'staging.test.yml');
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it('notices a broken threshold (the fixtures are not vacuous)', async () => {
    const options = { ...COMMITTED_MANIFEST_OPTIONS, env: 'staging', growthPercent: 1, staleHours: 200 };
    const result = await promtoolTest(manifestYaml(renderPrometheusRule(options), ''), 'staging.test.yml');
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('steady growth (3 % a day) stays quiet');
    expect(result.output).toContain('a result older than 26 hours fires');
  });
});

describe('promtool client (check rules)', () => {
  it('accepts the rendered spec and reports the version', async () => {
    const ruleFile = validateManifest(manifestYaml(renderPrometheusRule({ ...COMMITTED_MANIFEST_OPTIONS, env: 'ci' }), ''), {}).ruleFile ?? '';
    const checked = await createPromtool(actionsExecRunner()).checkRules(ruleFile);
    expect(checked?.exitCode).toBe(0);
    expect(checked?.version).toMatch(/^promtool, version \d+\.\d+/);
    expect(checked?.output).toContain('SUCCESS: 4 rules found');
  });

  it('rejects a rule whose PromQL is wrong, with promtool’s message', async () => {
    const broken = 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: rate(up) > 0\n';
    const checked = await createPromtool(actionsExecRunner()).checkRules(broken);
    expect(checked?.exitCode).not.toBe(0);
    expect(checked?.output).toContain('expected type range vector');
  });

  it('answers undefined when promtool is not on the PATH', async () => {
    const { runner, calls } = recordingRunner(() => 'not-found');
    expect(await createPromtool(runner).checkRules('groups: []\n')).toBeUndefined();
    expect(calls.map((call) => [call.command, ...call.args])).toEqual([['promtool', '--version']]);
  });

  it('the @actions/exec runner reports a missing tool as CommandNotFound', async () => {
    await expect(actionsExecRunner()('surely-not-a-command-on-this-path', ['--version'])).rejects.toBeInstanceOf(CommandNotFound);
  });
});
