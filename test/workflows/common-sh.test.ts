import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/node-process.js';
import { ROOT } from './support.js';

const COMMON = path.join(ROOT, 'scripts/ci/common.sh');

/**
 * Sources common.sh as a step script does (named demo-step) and calls one helper with the given
 * arguments, on a runner (GITHUB_ACTIONS=true) unless told otherwise.
 */
async function helper(call: string, args: readonly string[], onRunner = true) {
  const program = `ci_script=demo-step; . "${COMMON}"; ${call} "$@"`;
  return runProcess('bash', ['-c', program, 'demo-step', ...args], {
    env: { PATH: process.env.PATH ?? '', ...(onRunner ? { GITHUB_ACTIONS: 'true' } : {}) },
    cwd: ROOT,
    timeoutMs: 10_000,
  });
}

/** Lines as the runner splits them: CR, LF and CRLF all end a line. */
const runnerLines = (text: string) => text.split(/\r\n|\r|\n/).filter((line) => line !== '');

/** Server text that tries to end the annotation and start commands of its own. */
const HOSTILE = '100% failed\r::set-env name=NODE_OPTIONS::--require /tmp/x\n::add-mask::\r\n::stop-commands::x';

describe('scripts/ci/common.sh: workflow commands cannot be started by the text they carry', () => {
  it('has a shebang (it is sourced, but editors and linters read it as bash)', () => {
    expect(readFileSync(COMMON, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env bash');
  });

  it('escape_data escapes %, CR and LF, and escape_property also : and ,', async () => {
    const data = await helper('escape_data', ['a%b\rc\nd:e,f']);
    expect(data.stdout).toBe('a%25b%0Dc%0Ad:e,f');
    const property = await helper('escape_property', ['a%b\rc\nd:e,f']);
    expect(property.stdout).toBe('a%25b%0Dc%0Ad%3Ae%2Cf');
    // Already-escaped text is escaped again, so the runner restores it as it was.
    expect((await helper('escape_data', ['%0A'])).stdout).toBe('%250A');
  });

  it('error: one annotation line on stdout, every stderr line prefixed; no line of either starts a command but the annotation', async () => {
    const result = await helper('error', [HOSTILE]);
    expect(result.code).toBe(0);
    const out = runnerLines(result.stdout);
    expect(out).toEqual(['::error title=demo-step::100%25 failed%0D::set-env name=NODE_OPTIONS::--require /tmp/x%0A::add-mask::%0D%0A::stop-commands::x']);
    const err = runnerLines(result.stderr);
    expect(err.length).toBeGreaterThan(1);
    expect(err.every((line) => line.startsWith('demo-step: ERROR: '))).toBe(true);
    expect(err.join('\n')).toContain('::set-env name=NODE_OPTIONS');
  });

  it('error: the title is escaped as a property', async () => {
    const result = await runProcess('bash', ['-c', `. "${COMMON}"; ci_script='step: a,b'; error oops`], {
      env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true' },
      cwd: ROOT,
      timeoutMs: 10_000,
    });
    expect(result.stdout).toBe('::error title=step%3A a%2Cb::oops\n');
  });

  it('log: every line prefixed with the script name, CR counted as a line break', async () => {
    const result = await helper('log', [HOSTILE]);
    const lines = runnerLines(result.stderr);
    expect(lines).toHaveLength(5);
    expect(lines.every((line) => line.startsWith('demo-step: '))).toBe(true);
    expect(result.stdout).toBe('');
  });

  it('mask: the value escaped as command data, so the runner masks exactly it; nothing off a runner', async () => {
    expect((await helper('mask', ['s3cr%t\nline2'])).stdout).toBe('::add-mask::s3cr%25t%0Aline2\n');
    expect((await helper('mask', ['s3cr%t'], false)).stdout).toBe('');
  });

  it('off a runner, error prints no annotation', async () => {
    const result = await helper('error', ['plain failure'], false);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('demo-step: ERROR: plain failure\n');
  });
});
