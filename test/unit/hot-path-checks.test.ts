import { describe, expect, it } from 'vitest';
import { looksLikeInlineYaml, parseHotPathChecks } from '../../src/hot-path/checks.js';
import { InputError } from '../../src/verdict.js';

const VALID = `
checks:
  - name: p95 latency
    query: histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{route=~"/v1/chat/.*"}[1m]))) * 1000
    comparison: '<'
    threshold: 300
    unit: ms
    description: 95th percentile latency of the chat endpoints
  - name: 5xx ratio
    query: 100 * sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))
    comparison: "<="
    threshold: 1
    unit: '%'
`;

describe('parseHotPathChecks', () => {
  it('reads a mapping with a checks list', () => {
    expect(parseHotPathChecks(VALID, 'checks.yaml')).toEqual([
      {
        name: 'p95 latency',
        query: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{route=~"/v1/chat/.*"}[1m]))) * 1000',
        comparison: '<',
        threshold: 300,
        unit: 'ms',
        description: '95th percentile latency of the chat endpoints',
      },
      {
        name: '5xx ratio',
        query: '100 * sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))',
        comparison: '<=',
        threshold: 1,
        unit: '%',
      },
    ]);
  });

  it('reads a bare list, and flow style on one line', () => {
    expect(parseHotPathChecks("[{name: up, query: 'up', comparison: '>=', threshold: 1}]", 'inline YAML')).toEqual([
      { name: 'up', query: 'up', comparison: '>=', threshold: 1 },
    ]);
  });

  const bad: [string, string, RegExp][] = [
    ['YAML syntax', 'checks: [', /YAML syntax error/],
    ["a bare '>' (a YAML block scalar)", '- name: rate\n  query: up\n  comparison: >=\n  threshold: 1\n', /quote comparisons/],
    ['no checks', 'checks: []', /no list of checks/],
    ['a scalar', 'just text', /no list of checks/],
    ['an unknown field (typo)', '- {name: a, query: up, comparison: "<", treshold: 1}', /check 1 \(a\) has unknown field\(s\) treshold/],
    ['a missing threshold', '- {name: a, query: up, comparison: "<"}', /check 1 \(a\): threshold missing.*finite number/],
    ['a threshold with a unit in it', '- {name: a, query: up, comparison: "<", threshold: 300ms}', /threshold '300ms'/],
    ['a bad comparison', '- {name: a, query: up, comparison: "=<", threshold: 1}', /comparison '=<'.*one of <, <=, >, >=/],
    ['an empty query', '- {name: a, query: "", comparison: "<", threshold: 1}', /query empty or too long/],
    [
      'a repeated name',
      '- {name: a, query: up, comparison: "<", threshold: 1}\n- {name: a, query: up, comparison: "<", threshold: 2}',
      /check 2 \(a\): name repeated/,
    ],
    ['a duplicate key', '- name: a\n  name: b\n  query: up\n  comparison: "<"\n  threshold: 1', /YAML syntax error: Map keys must be unique/],
    ['a name with markup', '- {name: "<b>x</b>", query: up, comparison: "<", threshold: 1}', /name '<b>x<\/b>'/],
  ];
  it.each(bad)('rejects %s with one line naming the input', (_name, text, message) => {
    let thrown: unknown;
    try {
      parseHotPathChecks(text, 'inline YAML');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    const error = thrown as InputError;
    expect(error.input).toBe('hot-path-checks');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^Invalid input 'hot-path-checks': got "inline YAML: /);
    expect(error.message).not.toContain('\n');
  });
});

describe('looksLikeInlineYaml', () => {
  it.each([
    ['ops/hot-path-checks.yaml', false],
    ['checks.yml', false],
    ['- name: a', true],
    ['[{name: a}]', true],
    ['checks:\n  - name: a', true],
    ['checks: []', true],
  ])('%j -> %s', (raw, inline) => {
    expect(looksLikeInlineYaml(raw)).toBe(inline);
  });
});
