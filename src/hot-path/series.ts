/** One sample of a Prometheus series: `time` in Unix seconds; NaN and ±Infinity are kept as such. */
export interface Sample {
  readonly time: number;
  readonly value: number;
}

/** One series of a query result, with its labels. */
export interface Series {
  readonly labels: Readonly<Record<string, string>>;
  readonly samples: readonly Sample[];
}

/** `{code="500",route="/x"}`, or `{}` for a series without labels (an aggregate). */
export function labelText(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.keys(labels)
    .filter((name) => name !== '__name__')
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `${labels.__name__ ?? ''}{${pairs.join(',')}}`;
}

/** Prometheus writes sample values as strings: "+Inf", "-Inf" and "NaN" included. */
export function parseSampleValue(text: string): number {
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}
