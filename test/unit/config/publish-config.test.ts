import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputDefinition } from '../../../src/config/inputs.js';
import { loadConfig } from '../../../src/config/load.js';
import { InputError } from '../../../src/verdict.js';

const TOKEN = 'ghs_workflowToken0123456789abcdefABCDEF';
const BASE = { 'app-env': 'staging', 's3-bucket': 'chat-attachments-staging', 'github-token': TOKEN };
const RUNNER = { GITHUB_REPOSITORY: 'octo-org/chat-service', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '123456789', GITHUB_RUN_ATTEMPT: '1' };

function load(inputs: Record<string, string> = {}, env: Record<string, string> = RUNNER) {
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

async function eventFile(payload: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'srg-event-'));
  const file = path.join(dir, 'event.json');
  await writeFile(file, JSON.stringify(payload), 'utf8');
  return file;
}

const pullRequest = (head: string | null, base = 'octo-org/chat-service') => ({
  number: 7,
  pull_request: { number: 7, head: { sha: 'a'.repeat(40), repo: head === null ? null : { full_name: head } }, base: { repo: { full_name: base } } },
});

describe('drift-issue and plan-comment inputs', () => {
  it('are off by default, and the run link comes from the runner variables', () => {
    const config = load();
    expect(config.publish).toEqual({
      driftIssue: 'off',
      planComment: false,
      eventName: undefined,
      pullRequest: undefined,
      runUrl: 'https://github.com/octo-org/chat-service/actions/runs/123456789',
    });
    expect(load({}, { ...RUNNER, GITHUB_RUN_ATTEMPT: '3' }).publish.runUrl).toBe('https://github.com/octo-org/chat-service/actions/runs/123456789/attempts/3');
    expect(load({}, { GITHUB_REPOSITORY: 'octo-org/chat-service' }).publish.runUrl).toBeUndefined();
  });

  it('drift-issue takes true, false or plan, nothing else', () => {
    expect(load({ 'drift-issue': 'true' }).publish.driftIssue).toBe('apply');
    expect(load({ 'drift-issue': 'plan' }).publish.driftIssue).toBe('plan');
    expect(load({ 'drift-issue': 'False' }).publish.driftIssue).toBe('off');
    const error = inputError(() => load({ 'drift-issue': 'ture' }));
    expect(error.message).toBe(`Invalid input 'drift-issue': got "ture". Expected one of: false, true, plan.`);
  });

  it('need a token and a repository, named in one line, before anything is sent', () => {
    const values = { 'app-env': 'staging', 's3-bucket': 'chat-attachments-staging', 'drift-issue': 'true' };
    const noToken = inputError(() => loadConfig((input: InputDefinition) => values[input.name as keyof typeof values], '/workspace', RUNNER));
    expect(noToken.input).toBe('github-token');
    expect(noToken.message).toContain('drift-issue');
    const noRepository = inputError(() => load({ 'drift-issue': 'plan' }, {}));
    expect(noRepository.input).toBe('github-repository');
  });

  it('plan-comment needs the lifecycle gate in mode plan', () => {
    expect(inputError(() => load({ 'plan-comment': 'true', gates: 'verify', mode: 'plan' })).message).toContain('lifecycle gate');
    expect(inputError(() => load({ 'plan-comment': 'true', gates: 'lifecycle', mode: 'apply' })).message).toContain('mode: plan');
    expect(inputError(() => load({ 'plan-comment': 'yes' })).input).toBe('plan-comment');
    const config = load({ 'plan-comment': 'true', gates: 'lifecycle', mode: 'plan' });
    expect(config.publish.planComment).toBe(true);
    // Not a pull_request run: no pull request is read.
    expect(config.publish.pullRequest).toBeUndefined();
  });

  it('reads the pull request of a pull_request run, and tells a fork (or a deleted one) from a branch of the repository', async () => {
    const inputs = { 'plan-comment': 'true', gates: 'lifecycle', mode: 'plan' };
    const event = (payload: unknown) =>
      eventFile(payload).then((file) => load(inputs, { ...RUNNER, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file }).publish);
    expect((await event(pullRequest('octo-org/chat-service'))).pullRequest).toEqual({ number: 7, fork: false, headSha: 'a'.repeat(40) });
    expect((await event(pullRequest('someone/chat-service'))).pullRequest).toMatchObject({ number: 7, fork: true });
    expect((await event(pullRequest(null))).pullRequest).toMatchObject({ number: 7, fork: true });
    expect((await event({ action: 'opened' })).pullRequest).toEqual({ problem: 'the event payload names no pull request number' });
    const missing = load(inputs, { ...RUNNER, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/nonexistent/event.json' }).publish;
    expect(missing.pullRequest?.problem).toContain('could not be read');
    expect(missing.eventName).toBe('pull_request');
  });
});
