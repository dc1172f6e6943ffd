import { describe, expect, it } from 'vitest';
import { promqlSyntaxError } from '../../../src/alerts/promql.js';

describe('in-process PromQL syntax parse (used when promtool is not on the PATH)', () => {
  it.each([
    'up',
    'sum by (env) (rate(http_requests_total{job="x"}[5m])) > 0.5',
    'time() - max by (env, prefix) (m{env="a",prefix="b/"}) > 26 * 3600 or absent(m{env="a"})',
    '(x - x offset 1d) / (x offset 1d > 0) * 100 > 25',
    'm{prefix=~"chat-attachments/.+/"}',
    'min by (env, prefix) (m) == 0',
  ])('accepts %s', (expr) => expect(promqlSyntaxError(expr)).toBeUndefined());

  it.each([
    ['sum(rate(x[5m])', 15],
    ['foo{env="a"', 11],
    ['rate(x[5q])', 8],
    ['foo bar', 4],
    ['nosuchfunc(x)', 10],
    ['sum by (a) x', 11],
    ['1 +', 3],
    ['', 0],
  ])('rejects %j at offset %i', (expr, offset) => {
    expect(promqlSyntaxError(expr)?.offset).toBe(offset);
  });

  it('does not type-check: rate() of an instant vector passes here (promtool rejects it)', () => {
    expect(promqlSyntaxError('rate(x)')).toBeUndefined();
  });
});
