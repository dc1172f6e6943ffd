import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUTS, type InputDefinition } from '../../src/config/inputs.js';
import { loadConfig } from '../../src/config/load.js';
import { InputError } from '../../src/verdict.js';

const TOKEN = 'ghp_secretValue0123456789abcdefghijklmnop';
const BASE = { 'app-env': 'prod', 's3-bucket': 'chat-attachments-prod' };

function load(inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const values: Record<string, string> = { ...BASE, ...inputs };
  return loadConfig((input: InputDefinition) => values[input.name], '/workspace', env);
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

const selected = { gates: 'branch-protection', 'github-token': TOKEN };

describe('branch-protection inputs', () => {
  it('are optional while the gate is not selected (default gates), with their defaults', () => {
    const config = load();
    expect(config.gates).toEqual(['bucket', 'lifecycle', 'verify', 'smoke']);
    expect(config.github).toEqual({
      apiUrl: new URL('https://api.github.com'),
      token: undefined,
      adminToken: undefined,
      repository: undefined,
      branch: undefined,
      requiredCheck: 'CI / surreal-release-gates',
      mode: 'check',
      target: 'ruleset',
      timeoutMs: 30_000,
    });
  });

  it('take the repository from GITHUB_REPOSITORY and the API from GITHUB_API_URL (GitHub Enterprise Server path kept)', () => {
    const config = load(selected, { GITHUB_REPOSITORY: 'octo-org/chat-service', GITHUB_API_URL: 'https://ghe.example.com/api/v3' });
    expect(config.github.repository).toEqual({ owner: 'octo-org', repo: 'chat-service' });
    expect(config.github.apiUrl.href).toBe('https://ghe.example.com/api/v3');
    expect(load({ ...selected, 'github-repository': 'other/repo' }, { GITHUB_REPOSITORY: 'octo-org/chat-service' }).github.repository).toEqual({
      owner: 'other',
      repo: 'repo',
    });
  });

  it('add the token to the secrets and never echo it in an error', () => {
    expect(load({ ...selected, 'github-repository': 'o/r' }).secrets).toContain(TOKEN);
    const error = inputError(() => load({ ...selected, 'github-token': `${TOKEN} trailing`, 'github-repository': 'o/r' }));
    expect(error.input).toBe('github-token');
    expect(error.message).not.toContain(TOKEN);
  });

  it('take github-admin-token as a second secret, used for protection reads and apply only; empty means none', () => {
    const ADMIN = 'github_pat_adminValue0123456789abcdefghijklmn';
    const config = load({ ...selected, 'github-repository': 'o/r', 'github-admin-token': ` ${ADMIN} ` });
    expect(config.github.token).toBe(TOKEN);
    expect(config.github.adminToken).toBe(ADMIN);
    expect(config.secrets).toEqual(expect.arrayContaining([TOKEN, ADMIN]));
    expect(load({ ...selected, 'github-repository': 'o/r', 'github-admin-token': '' }).github.adminToken).toBeUndefined();
    const error = inputError(() => load({ ...selected, 'github-repository': 'o/r', 'github-admin-token': `${ADMIN} x` }));
    expect(error.input).toBe('github-admin-token');
    expect(error.message).not.toContain(ADMIN);
  });

  it('treat the unexpanded action.yml default as no token', () => {
    const error = inputError(() => load({ gates: 'branch-protection', 'github-token': '${{ github.token }}', 'github-repository': 'o/r' }));
    expect(error.message).toMatch(/^Invalid input 'github-token': got "". Expected a GitHub token/);
  });

  it('strip refs/heads/ from the branch', () => {
    expect(load({ 'github-branch': 'refs/heads/release/1.x' }).github.branch).toBe('release/1.x');
  });

  it.each([
    [{ gates: 'branch-protection', 'github-repository': 'o/r' }, 'github-token', /a GitHub token/],
    [{ ...selected }, 'github-repository', /owner\/repo/],
    [{ 'github-repository': 'octo-org' }, 'github-repository', /the format owner\/repo/],
    [{ 'github-repository': 'octo org/repo' }, 'github-repository', /the format owner\/repo/],
    [{ 'github-repository': 'o/r/extra' }, 'github-repository', /the format owner\/repo/],
    [{ 'github-branch': 'feature..x' }, 'github-branch', /a git branch name/],
    [{ 'github-branch': 'bad branch' }, 'github-branch', /a git branch name/],
    [{ 'github-branch': '-x' }, 'github-branch', /a git branch name/],
    [{ 'required-check': 'a\nb' }, 'required-check', /one line/],
    [{ 'branch-protection-mode': 'apply-now' }, 'branch-protection-mode', /one of: check, plan, apply/],
    [{ 'branch-protection-mode': 'Apply' }, 'branch-protection-mode', /one of: check, plan, apply/],
    [{ 'branch-protection-target': 'both' }, 'branch-protection-target', /one of: ruleset, classic/],
  ])('reject %j naming %s', (inputs, input, form) => {
    const error = inputError(() => load(inputs));
    expect(error.input).toBe(input);
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message).toMatch(form);
  });

  it.each(['ftp://api.github.com', 'https://user:pw@api.github.com', 'not a url'])('reject GITHUB_API_URL %j', (url) => {
    expect(inputError(() => load({}, { GITHUB_API_URL: url })).input).toBe('GITHUB_API_URL');
  });

  it('never take branch-protection-mode from the S3 mode', () => {
    expect(load({ mode: 'plan' }).github.mode).toBe('check');
    expect(load({ mode: 'apply' }).github.mode).toBe('check');
  });

  it('are declared in action.yml with the same description and default', () => {
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { description?: unknown; default?: unknown; required?: unknown }>;
    };
    for (const name of ['github-token', 'github-repository', 'github-branch', 'required-check', 'branch-protection-mode', 'branch-protection-target']) {
      const input = INPUTS.find((candidate) => candidate.name === name);
      const declared = action.inputs[name];
      expect(declared?.description, name).toBe(input?.description);
      expect(declared?.default, name).toBe(input && 'default' in input ? input.default : undefined);
      expect(declared?.required, name).toBe(false);
    }
  });
});
