// Summaries of a list of wall times in milliseconds.

export function summarize(samples) {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  // Nearest-rank percentile: the smallest sample with at least 90% of the samples at or below it.
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1];
  return { median, p90, min: sorted[0], max: sorted[sorted.length - 1], count: sorted.length };
}

export function ms(value) {
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}
