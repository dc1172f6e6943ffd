import { describe, expect, it } from 'vitest';
import { judgeLoadedGroup } from '../../../src/alerts/rules-status.js';
import type { LoadedRule, LoadedRuleGroup } from '../../../src/clients/prometheus.js';

const rule = (name: string, health: string, lastError?: string): LoadedRule => ({
  name,
  type: 'alerting',
  query: 'up',
  health,
  ...(lastError ? { lastError } : {}),
});
const group = (name: string, rules: LoadedRule[]): LoadedRuleGroup => ({ name, file: '/rules/x.yml', rules });
const expected = ['A', 'B'];

describe('judgeLoadedGroup', () => {
  it.each<[string, LoadedRuleGroup[], string, string]>([
    ['healthy', [group('other', []), group('g', [rule('A', 'ok'), rule('B', 'ok')])], 'healthy', ''],
    ['group missing', [group('other', [])], 'pending', 'g is not loaded (loaded groups: other)'],
    ['no groups at all', [], 'pending', 'loaded groups: none'],
    ['an alert missing', [group('g', [rule('A', 'ok')])], 'pending', 'lacks B'],
    ['not evaluated yet', [group('g', [rule('A', 'ok'), rule('B', 'unknown')])], 'pending', 'B (unknown)'],
    [
      'an evaluation error',
      [group('g', [rule('A', 'ok'), rule('B', 'err', 'vector contains metrics with the same labelset')])],
      'unhealthy',
      'B: vector contains',
    ],
  ])('%s', (_name, groups, state, reason) => {
    const judged = judgeLoadedGroup(groups, 'g', expected);
    expect(judged.state).toBe(state);
    if (reason) expect('reason' in judged ? judged.reason : '').toContain(reason);
  });
});
