import type { InputName } from './inputs.js';
import { parseChoice } from './parse.js';
import { parseApiUrl, parseBranchName, parseCheckName, parseRepository, parseToken } from './parse-github.js';
import type { GitHubSettings } from './types.js';
import { InputError, type SelectableGateId } from '../verdict.js';

/** Environment variables config reads (as every GitHub runner sets them). */
export type Environment = Readonly<Record<string, string | undefined>>;

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/** Time limit of one GitHub API attempt; retries and rate-limit waits are bounded separately. */
export const GITHUB_TIMEOUT_MS = 30_000;

interface Readers {
  readonly raw: (name: InputName) => string | undefined;
  readonly withDefault: (name: InputName) => string;
}

/**
 * The branch-protection gate's settings. Given values are always validated; the token and the
 * repository are required only when the gate is selected, so S3-only runs need neither.
 */
export function loadGitHubSettings({ raw, withDefault }: Readers, env: Environment, gates: readonly SelectableGateId[]): GitHubSettings {
  const selected = gates.includes('branch-protection');
  const apiUrlRaw = env.GITHUB_API_URL?.trim();
  const apiUrl = parseApiUrl('GITHUB_API_URL', apiUrlRaw === undefined || apiUrlRaw === '' ? DEFAULT_GITHUB_API_URL : apiUrlRaw);
  const token = parseToken('github-token', raw('github-token'));
  const adminToken = parseToken('github-admin-token', raw('github-admin-token'));
  const repositoryRaw = raw('github-repository') ?? nonEmpty(env.GITHUB_REPOSITORY);
  const repository = repositoryRaw === undefined ? undefined : parseRepository('github-repository', repositoryRaw);
  const branchRaw = raw('github-branch');
  const branch = branchRaw === undefined ? undefined : parseBranchName('github-branch', branchRaw);
  const requiredCheck = parseCheckName('required-check', withDefault('required-check'));
  const mode = parseChoice('branch-protection-mode', withDefault('branch-protection-mode'), ['check', 'plan', 'apply'] as const);
  const target = parseChoice('branch-protection-target', withDefault('branch-protection-target'), ['ruleset', 'classic'] as const);

  if (selected && token === undefined) {
    throw new InputError(
      'github-token',
      '',
      'a GitHub token for the branch-protection gate: the workflow token (default in the action) or GITHUB_TOKEN in the CLI',
    );
  }
  if (selected && repository === undefined) {
    throw new InputError('github-repository', '', 'owner/repo for the branch-protection gate (GITHUB_REPOSITORY is not set)');
  }
  return { apiUrl, token, adminToken, repository, branch, requiredCheck, mode, target, timeoutMs: GITHUB_TIMEOUT_MS };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
