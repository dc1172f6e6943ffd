import type { Comparison, HotPathCheck } from './checks.js';
import { labelText, type Sample, type Series } from './series.js';

/**
 * PASS: every sample of every series satisfies the comparison, each series with enough samples.
 * FAIL: at least one sample breaks it (one is enough: the hot path did not hold).
 * TOO_FEW_SAMPLES: nothing broke, but a series has fewer samples than required: not proven.
 * NO_DATA: no series, or only NaN samples (a ratio or quantile without traffic); on-no-data decides.
 * ERROR: the query itself failed (Prometheus down, bad PromQL).
 * INCOMPLETE: the gate stopped early because another check failed; judged on part of the window.
 */
export type CheckVerdict = 'PASS' | 'FAIL' | 'TOO_FEW_SAMPLES' | 'NO_DATA' | 'ERROR' | 'INCOMPLETE';

export interface SeriesVerdict {
  readonly series: string;
  /** Numeric samples (NaN excluded). */
  readonly samples: number;
  /** NaN samples: evaluation points where the expression had no value (e.g. 0/0). */
  readonly nanSamples: number;
  readonly violations: number;
  readonly worst: Sample | undefined;
}

export interface CheckEvaluation {
  readonly check: HotPathCheck;
  readonly verdict: CheckVerdict;
  /** Numeric samples over all series. */
  readonly samples: number;
  readonly violations: number;
  /** The sample farthest on the wrong side (the highest for < and <=, the lowest for > and >=). */
  readonly worst: { readonly sample: Sample; readonly series: string } | undefined;
  readonly series: readonly SeriesVerdict[];
  /** The data judged, for the report. */
  readonly data: readonly Series[];
  /** One line: why this verdict. */
  readonly reason: string;
}

export function satisfies(value: number, comparison: Comparison, threshold: number): boolean {
  switch (comparison) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
  }
}

/** True when `a` is farther on the wrong side of the threshold than `b`. */
function worse(a: number, b: number, comparison: Comparison): boolean {
  return comparison === '<' || comparison === '<=' ? a > b : a < b;
}

/** 97.5, 0.0123, 1.235e+6, +Inf: four significant digits, with the check's unit. */
export function formatValue(value: number, unit: string | undefined): string {
  const text = Number.isNaN(value)
    ? 'NaN'
    : value === Number.POSITIVE_INFINITY
      ? '+Inf'
      : value === Number.NEGATIVE_INFINITY
        ? '-Inf'
        : String(Number(value.toPrecision(4)));
  return unit === undefined ? text : `${text} ${unit}`;
}

const samplesText = (count: number) => `${count} sample${count === 1 ? '' : 's'}`;

export function conditionText(check: HotPathCheck): string {
  return `${check.comparison} ${formatValue(check.threshold, check.unit)}`;
}

export function sampleTime(sample: Sample): string {
  return new Date(sample.time * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

export interface EvaluateOptions {
  readonly minSamples: number;
  /** The window was cut short (another check failed): a verdict other than FAIL is INCOMPLETE. */
  readonly partial?: boolean;
}

/** Judges one check's query result; pure, so every rule above is table-tested. */
export function evaluateCheck(check: HotPathCheck, data: readonly Series[], options: EvaluateOptions): CheckEvaluation {
  const perSeries: SeriesVerdict[] = data.map((series) => {
    const numeric = series.samples.filter((sample) => !Number.isNaN(sample.value));
    const broken = numeric.filter((sample) => !satisfies(sample.value, check.comparison, check.threshold));
    const worst = numeric.reduce<Sample | undefined>(
      (current, sample) => (current === undefined || worse(sample.value, current.value, check.comparison) ? sample : current),
      undefined,
    );
    return {
      series: labelText(series.labels),
      samples: numeric.length,
      nanSamples: series.samples.length - numeric.length,
      violations: broken.length,
      worst,
    };
  });
  const samples = perSeries.reduce((total, series) => total + series.samples, 0);
  const violations = perSeries.reduce((total, series) => total + series.violations, 0);
  const worst = perSeries.reduce<CheckEvaluation['worst']>((current, series) => {
    if (series.worst === undefined) return current;
    return current === undefined || worse(series.worst.value, current.sample.value, check.comparison)
      ? { sample: series.worst, series: series.series }
      : current;
  }, undefined);
  const worstText =
    worst === undefined ? '' : `${formatValue(worst.sample.value, check.unit)} at ${sampleTime(worst.sample)}${data.length > 1 ? ` in ${worst.series}` : ''}`;
  const base = { check, samples, violations, worst, series: perSeries, data };

  if (violations > 0) {
    return { ...base, verdict: 'FAIL', reason: `${violations} of ${samplesText(samples)} break ${conditionText(check)}; worst ${worstText}.` };
  }
  if (options.partial) {
    return {
      ...base,
      verdict: 'INCOMPLETE',
      reason: `Not judged to the end: the gate stopped early (another check failed); ${samplesText(samples)} so far, none breaking ${conditionText(check)}.`,
    };
  }
  if (samples === 0) {
    const nan = perSeries.reduce((total, series) => total + series.nanSamples, 0);
    const why =
      data.length === 0
        ? 'the query returned no series (no matching metric, or no traffic yet)'
        : `every sample is NaN (${nan} of them: e.g. a ratio or quantile without requests)`;
    return { ...base, verdict: 'NO_DATA', reason: `No data: ${why}.` };
  }
  const thin = perSeries.filter((series) => series.samples < options.minSamples);
  if (thin.length > 0) {
    const fewest = thin.reduce((current, series) => (series.samples < current.samples ? series : current));
    return {
      ...base,
      verdict: 'TOO_FEW_SAMPLES',
      reason: `Too few samples: ${fewest.samples}${data.length > 1 ? ` in ${fewest.series}` : ''}, at least ${options.minSamples} required (hot-path-min-samples); none breaks ${conditionText(check)}.`,
    };
  }
  return {
    ...base,
    verdict: 'PASS',
    reason: `${samples === 1 ? 'The only sample is' : `All ${samples} samples`} ${conditionText(check)}; worst ${worstText}.`,
  };
}

/** A check whose query failed: no samples, the failure as the reason. */
export function erroredCheck(check: HotPathCheck, message: string): CheckEvaluation {
  return { check, verdict: 'ERROR', samples: 0, violations: 0, worst: undefined, series: [], data: [], reason: message };
}
