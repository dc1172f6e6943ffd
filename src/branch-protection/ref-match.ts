import type { RefConditions } from './types.js';

/**
 * Whether a ruleset's ref_name conditions select a branch: some include pattern matches and no
 * exclude pattern does. Patterns are `~ALL`, `~DEFAULT_BRANCH` or fnmatch globs on the full ref
 * (`refs/heads/release/*`), where `*` stops at '/' and `**` does not.
 */
export function conditionsTarget(conditions: RefConditions, branch: string, defaultBranch: string): boolean {
  const ref = `refs/heads/${branch}`;
  const matches = (pattern: string) => pattern === '~ALL' || (pattern === '~DEFAULT_BRANCH' ? branch === defaultBranch : globToRegExp(pattern).test(ref));
  return conditions.include.some(matches) && !conditions.exclude.some(matches);
}

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? '';
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        source += '.*';
        index += 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const end = pattern.indexOf(']', index + 1);
      if (end < 0) {
        source += '\\[';
      } else {
        const body = pattern
          .slice(index + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        index = end;
      }
    } else {
      source += char.replace(/[.+^${}()|\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
