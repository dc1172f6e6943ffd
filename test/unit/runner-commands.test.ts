import * as actionsCore from '@actions/core';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as runner from '../../src/runner-commands.js';

/**
 * runner-commands.ts stands in for @actions/core in the action (without @actions/core's HTTP
 * client, see the file's comment): the runner must see the same bytes from both. Each case runs
 * the same calls through both and compares stdout, GITHUB_OUTPUT, the job summary and the exit
 * code; only the random heredoc delimiters differ, and they are checked to be unique.
 */
interface Calls {
  getInput(name: string): string;
  setSecret(value: string): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  setFailed(message: string): void;
  setOutput(name: string, value: string): void;
  group<T>(name: string, body: () => Promise<T>): Promise<T>;
  appendSummary(markdown: string): Promise<void>;
}

const ours: Calls = runner;
const theirs: Calls = {
  getInput: (name) => actionsCore.getInput(name),
  setSecret: (value) => actionsCore.setSecret(value),
  debug: (message) => actionsCore.debug(message),
  info: (message) => actionsCore.info(message),
  warning: (message) => actionsCore.warning(message),
  error: (message) => actionsCore.error(message),
  setFailed: (message) => actionsCore.setFailed(message),
  setOutput: (name, value) => actionsCore.setOutput(name, value),
  group: (name, body) => actionsCore.group(name, body),
  appendSummary: async (markdown) => {
    await actionsCore.summary.addRaw(markdown).write({ overwrite: false });
  },
};

/** Untrusted-looking text: command starts, newlines, carriage returns, percent signs, commas, colons. */
const NASTY = 'rule-id="a%0Ab"\n::set-output name=result::PASS\r\n50% done, key: value:: end';

let dir: string;
const saved = { ...process.env };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'srg-runner-'));
});
afterEach(async () => {
  process.env = { ...saved };
  process.exitCode = undefined;
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

interface Trace {
  readonly stdout: string;
  readonly output: string;
  readonly summary: string;
  readonly exitCode: typeof process.exitCode;
  readonly values: readonly unknown[];
  readonly delimiters: readonly string[];
}

async function trace(calls: Calls, env: Record<string, string | undefined>, script: (calls: Calls) => Promise<unknown[]>): Promise<Trace> {
  const outputFile = path.join(dir, `output-${Math.random()}`);
  const summaryFile = path.join(dir, `summary-${Math.random()}`);
  await writeFile(outputFile, 'earlier=1\n');
  await writeFile(summaryFile, '# earlier\n');
  process.env = { ...saved, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
  process.exitCode = undefined;
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  let values: unknown[];
  try {
    values = await script(calls);
  } finally {
    spy.mockRestore();
  }
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  const rawOutput = await readFile(outputFile, 'utf8').catch(() => '(missing)');
  const delimiters = [...rawOutput.matchAll(/<<(ghadelimiter_[0-9a-f-]+)/g)].map((match) => match[1] ?? '');
  const normalise = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>');
  return {
    stdout: normalise(stdout),
    output: normalise(rawOutput),
    summary: await readFile(summaryFile, 'utf8').catch(() => '(missing)'),
    exitCode,
    values,
    delimiters,
  };
}

async function both(env: Record<string, string | undefined>, script: (calls: Calls) => Promise<unknown[]>): Promise<[Trace, Trace]> {
  return [await trace(ours, env, script), await trace(theirs, env, script)];
}

describe('runner-commands writes what @actions/core writes', () => {
  it('reads inputs by the runner name, trimmed, empty when unset', async () => {
    const env = { 'INPUT_APP-ENV': '  staging \n', 'INPUT_S3-BUCKET': 'chat', INPUT_GATES: '' };
    const [a, b] = await both(env, async (calls) => ['app-env', 's3-bucket', 'gates', 'expire-days'].map((name) => calls.getInput(name)));
    expect(a.values).toEqual(['staging', 'chat', '', '']);
    expect(a).toEqual(b);
  });

  it('masks, logs and groups with every workflow command escaped', async () => {
    const [a, b] = await both({}, async (calls) => {
      calls.setSecret(`secret${NASTY}`);
      calls.debug(NASTY);
      calls.info(NASTY);
      calls.warning(NASTY);
      calls.error(NASTY);
      const inside = await calls.group(`Gate ${NASTY}`, async () => {
        calls.info('inside');
        return 42;
      });
      const failed = await calls.group('failing', async () => Promise.reject(new Error('boom'))).catch((thrown: Error) => thrown.message);
      return [inside, failed];
    });
    expect(a.values).toEqual([42, 'boom']);
    expect(a.stdout).toContain('::add-mask::secretrule-id="a%250Ab"%0A::set-output');
    expect(a.stdout).toContain('::endgroup::');
    expect(a).toEqual(b);
  });

  it('fails the step with one error line and exit code 1', async () => {
    const [a, b] = await both({}, async (calls) => {
      calls.setFailed(`Release gates NO-GO. ${NASTY}`);
      return [];
    });
    expect(a.exitCode).toBe(1);
    expect(a.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(a).toEqual(b);
  });

  it('appends outputs to GITHUB_OUTPUT in heredoc blocks with fresh delimiters', async () => {
    const [a, b] = await both({}, async (calls) => {
      calls.setOutput('result', 'PASS');
      calls.setOutput('failed-gates', '');
      calls.setOutput('reports-dir', `/ws/docs/research\n${NASTY}`);
      return [];
    });
    expect(a.output.startsWith('earlier=1\nresult<<ghadelimiter_<uuid>\nPASS\nghadelimiter_<uuid>\n')).toBe(true);
    expect(new Set(a.delimiters).size).toBe(3);
    expect(a.stdout).toBe('');
    expect(a).toEqual({ ...b, delimiters: a.delimiters });
  });

  it('falls back to the ::set-output command without GITHUB_OUTPUT', async () => {
    const [a, b] = await both({ GITHUB_OUTPUT: undefined }, async (calls) => {
      calls.setOutput('result', `FAIL ${NASTY}`);
      calls.setOutput('archived-reports', '');
      return [];
    });
    expect(a.stdout).toContain('::set-output name=result::FAIL');
    expect(a).toEqual(b);
  });

  it('appends to the job summary, and refuses without a usable summary file', async () => {
    const [a, b] = await both({}, async (calls) => {
      await calls.appendSummary('# Release gates (surreal): GO\n\nResult: PASS\n');
      await calls.appendSummary(NASTY);
      return [];
    });
    expect(a.summary).toBe(`# earlier\n# Release gates (surreal): GO\n\nResult: PASS\n${NASTY}`);
    expect(a).toEqual(b);

    // @actions/core keeps the first summary path for the whole process, so these two cases are
    // checked against its messages, not run through it again.
    const missing = path.join(dir, 'no-such-dir', 'summary.md');
    const unusable = await trace(ours, { GITHUB_STEP_SUMMARY: missing }, async (calls) => [await calls.appendSummary('x').catch((thrown: Error) => thrown.message)]);
    expect(unusable.values).toEqual([`Unable to access summary file: '${missing}'. Check if the file has correct read/write permissions.`]);
    const unset = await trace(ours, { GITHUB_STEP_SUMMARY: undefined }, async (calls) => [await calls.appendSummary('x').catch((thrown: Error) => thrown.message)]);
    expect(unset.values).toEqual(['Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.']);
  });
});
