import type { GitHubRepository } from './types.js';
import { InputError } from '../verdict.js';

// Pure parsers of the branch-protection inputs; each throws an InputError naming the input.

const OWNER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

export function parseRepository(input: string, raw: string): GitHubRepository {
  const value = raw.trim();
  const [owner, repo, ...rest] = value.split('/');
  if (owner === undefined || repo === undefined || rest.length > 0 || !OWNER_PATTERN.test(owner) || !REPO_PATTERN.test(repo) || repo === '.' || repo === '..') {
    throw new InputError(input, raw, 'the format owner/repo, e.g. octo-org/chat-service');
  }
  return { owner, repo };
}

/** A branch name as git allows it (git check-ref-format); a leading refs/heads/ is dropped. */
export function parseBranchName(input: string, raw: string): string {
  const value = raw.trim().replace(/^refs\/heads\//, '');
  const valid =
    value.length > 0 &&
    value.length <= 255 &&
    !/[\x00-\x20\x7f~^:?*[\\]/.test(value) &&
    !value.includes('..') &&
    !value.includes('@{') &&
    !value.includes('//') &&
    !value.startsWith('/') &&
    !value.startsWith('-') &&
    !value.endsWith('/') &&
    !value.endsWith('.') &&
    !value.endsWith('.lock') &&
    value !== '@' &&
    value.split('/').every((part) => !part.startsWith('.'));
  if (!valid) throw new InputError(input, raw, 'a git branch name such as main or release/1.x (no spaces, no ~^:?*[\\, no ..)');
  return value;
}

/** A check name: one line, as GitHub shows it; surrounding spaces are not part of it. */
export function parseCheckName(input: string, raw: string): string {
  const value = raw.trim();
  if (value.length === 0 || value.length > 255 || /[\r\n\t]/.test(value)) {
    throw new InputError(input, raw, 'a check name on one line (at most 255 characters), e.g. CI / surreal-release-gates');
  }
  return value;
}

/** GITHUB_API_URL: an http(s) URL, path allowed (GitHub Enterprise Server serves /api/v3). */
export function parseApiUrl(input: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InputError(input, raw, 'an http(s) URL such as https://api.github.com or https://ghe.example.com/api/v3');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new InputError(input, raw, 'an http(s) URL without credentials, query or fragment, such as https://api.github.com');
  }
  return url;
}

/**
 * A token is never echoed: errors name the input only. An unexpanded workflow expression (the
 * action.yml default read outside a runner) counts as unset.
 */
export function parseToken(input: string, raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (value === undefined || value === '' || /^\$\{\{.*\}\}$/.test(value)) return undefined;
  if (/\s/.test(value)) throw new InputError(input, '', 'a GitHub token without whitespace (the value is not shown)');
  return value;
}
