import { describe, expect, it } from 'vitest';
import type { HotPathCheck } from '../../src/hot-path/checks.js';
import { evaluateCheck, formatValue, satisfies, type CheckVerdict } from '../../src/hot-path/evaluate.js';
import type { Series } from '../../src/hot-path/series.js';

const LATENCY: HotPathCheck = { name: 'p95', query: 'q', comparison: '<', threshold: 300, unit: 'ms' };
const RATE: HotPathCheck = { name: 'rate', query: 'q', comparison: '>=', threshold: 1, unit: 'req/s' };

/** One series of values at t = 0, 10, 20, ... */
const series = (values: number[], labels: Record<string, string> = {}): Series => ({
  labels,
  samples: values.map((value, index) => ({ time: 1_800_000_000 + index * 10, value })),
});

describe('satisfies', () => {
  it.each([
    [299, '<', 300, true],
    [300, '<', 300, false],
    [300, '<=', 300, true],
    [301, '<=', 300, false],
    [2, '>', 1, true],
    [1, '>', 1, false],
    [1, '>=', 1, true],
    [0.5, '>=', 1, false],
    [Number.POSITIVE_INFINITY, '<', 300, false],
    [Number.NEGATIVE_INFINITY, '>=', 0, false],
  ] as const)('%s %s %s is %s', (value, comparison, threshold, expected) => {
    expect(satisfies(value, comparison, threshold)).toBe(expected);
  });
});

describe('evaluateCheck', () => {
  const cases: {
    name: string;
    check: HotPathCheck;
    data: Series[];
    minSamples?: number;
    partial?: boolean;
    verdict: CheckVerdict;
    samples: number;
    violations: number;
    worst?: number;
    reason: RegExp;
  }[] = [
    {
      name: 'all samples hold',
      check: LATENCY,
      data: [series([100, 120, 250, 90])],
      verdict: 'PASS',
      samples: 4,
      violations: 0,
      worst: 250,
      reason: /^All 4 samples < 300 ms; worst 250 ms at /,
    },
    {
      name: 'one sample breaks: FAIL (every sample must hold)',
      check: LATENCY,
      data: [series([100, 301, 90, 80])],
      verdict: 'FAIL',
      samples: 4,
      violations: 1,
      worst: 301,
      reason: /^1 of 4 samples break < 300 ms; worst 301 ms at /,
    },
    {
      name: 'on the threshold with < : FAIL',
      check: LATENCY,
      data: [series([300, 300, 300])],
      verdict: 'FAIL',
      samples: 3,
      violations: 3,
      worst: 300,
      reason: /3 of 3/,
    },
    {
      name: '+Inf (quantile in the +Inf bucket) breaks <',
      check: LATENCY,
      data: [series([100, Number.POSITIVE_INFINITY, 100])],
      verdict: 'FAIL',
      samples: 3,
      violations: 1,
      reason: /worst \+Inf ms/,
    },
    {
      name: 'for >= the worst is the lowest',
      check: RATE,
      data: [series([5, 0.2, 3])],
      verdict: 'FAIL',
      samples: 3,
      violations: 1,
      worst: 0.2,
      reason: /worst 0\.2 req\/s/,
    },
    { name: 'no series: NO_DATA', check: LATENCY, data: [], verdict: 'NO_DATA', samples: 0, violations: 0, reason: /the query returned no series/ },
    {
      name: 'only NaN (0/0 without traffic): NO_DATA',
      check: LATENCY,
      data: [series([Number.NaN, Number.NaN])],
      verdict: 'NO_DATA',
      samples: 0,
      violations: 0,
      reason: /every sample is NaN \(2 of them/,
    },
    {
      name: 'NaN samples are not counted, the rest judged',
      check: LATENCY,
      data: [series([Number.NaN, 100, 110, 120])],
      verdict: 'PASS',
      samples: 3,
      violations: 0,
      worst: 120,
      reason: /All 3 samples/,
    },
    {
      name: 'fewer samples than required: TOO_FEW_SAMPLES',
      check: LATENCY,
      data: [series([100, 110])],
      minSamples: 5,
      verdict: 'TOO_FEW_SAMPLES',
      samples: 2,
      violations: 0,
      reason: /Too few samples: 2, at least 5 required/,
    },
    {
      name: 'a violation wins over too few samples',
      check: LATENCY,
      data: [series([900])],
      minSamples: 5,
      verdict: 'FAIL',
      samples: 1,
      violations: 1,
      reason: /1 of 1/,
    },
    {
      name: 'several series: each needs enough samples',
      check: LATENCY,
      data: [series([100, 100, 100], { route: '/a' }), series([100], { route: '/b' })],
      minSamples: 3,
      verdict: 'TOO_FEW_SAMPLES',
      samples: 4,
      violations: 0,
      reason: /Too few samples: 1 in \{route="\/b"\}/,
    },
    {
      name: 'several series: the worst names its series',
      check: LATENCY,
      data: [series([100, 100], { route: '/a' }), series([100, 450], { route: '/b' })],
      verdict: 'FAIL',
      samples: 4,
      violations: 1,
      worst: 450,
      reason: /worst 450 ms at .* in \{route="\/b"\}/,
    },
    {
      name: 'stopped early, nothing broken yet: INCOMPLETE',
      check: LATENCY,
      data: [series([100])],
      minSamples: 5,
      partial: true,
      verdict: 'INCOMPLETE',
      samples: 1,
      violations: 0,
      reason: /^Not judged to the end/,
    },
    {
      name: 'stopped early with a break: FAIL',
      check: LATENCY,
      data: [series([100, 700])],
      minSamples: 5,
      partial: true,
      verdict: 'FAIL',
      samples: 2,
      violations: 1,
      reason: /1 of 2/,
    },
  ];

  it.each(cases)('$name', ({ check, data, minSamples, partial, verdict, samples, violations, worst, reason }) => {
    const evaluation = evaluateCheck(check, data, { minSamples: minSamples ?? 1, ...(partial ? { partial } : {}) });
    expect(evaluation.verdict).toBe(verdict);
    expect(evaluation.samples).toBe(samples);
    expect(evaluation.violations).toBe(violations);
    if (worst !== undefined) expect(evaluation.worst?.sample.value).toBe(worst);
    expect(evaluation.reason).toMatch(reason);
  });
});

describe('formatValue', () => {
  it.each([
    [97.5, 'ms', '97.5 ms'],
    [0.012345, undefined, '0.01235'],
    [1234567, undefined, '1235000'],
    [Number.NaN, '%', 'NaN %'],
    [Number.POSITIVE_INFINITY, 'ms', '+Inf ms'],
  ] as const)('%s %s -> %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });
});
