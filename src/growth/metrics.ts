import type { GrowthTally, ObjectKind } from './tally.js';

/**
 * The gauges the growth gate pushes (documented in docs/gates/growth.md); the PrometheusRule's
 * alerts read them, so renaming one is a breaking change for every deployed rule.
 */
export const GROWTH_METRICS = {
  objects: 'chat_attachment_prefix_objects',
  bytes: 'chat_attachment_prefix_bytes',
  objectsByKind: 'chat_attachment_prefix_objects_by_kind',
  oldestAge: 'chat_attachment_prefix_oldest_object_age_seconds',
  overdue: 'chat_attachment_prefix_overdue_objects',
  gatePassed: 'chat_attachment_growth_gate_passed',
  lastRun: 'chat_attachment_growth_gate_last_run_timestamp_seconds',
  scanDuration: 'chat_attachment_growth_gate_scan_duration_seconds',
} as const;

/** The Pushgateway job; the grouping key adds `env` and `prefix`. */
export const GROWTH_PUSH_JOB = 'chat_attachment_growth';

const HELP: Record<string, string> = {
  [GROWTH_METRICS.objects]: 'Objects under the chat attachment prefix at the last growth scan.',
  [GROWTH_METRICS.bytes]: 'Bytes under the chat attachment prefix at the last growth scan.',
  [GROWTH_METRICS.objectsByKind]: 'Objects under the prefix by kind: bin (payload), json (metadata), other.',
  [GROWTH_METRICS.oldestAge]: 'Age in seconds of the oldest object under the prefix (0 when empty).',
  [GROWTH_METRICS.overdue]: 'Objects older than expire-days plus retention-grace-days: lifecycle is not expiring them.',
  [GROWTH_METRICS.gatePassed]: '1 when the last growth gate run passed (PASS or WARN), else 0.',
  [GROWTH_METRICS.lastRun]: 'Unix time of the last growth gate run.',
  [GROWTH_METRICS.scanDuration]: 'Seconds the last growth scan took.',
};

interface Sample {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Label values in the text format escape backslash, double quote and newline. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Prometheus text exposition format (0.0.4), one HELP/TYPE block per metric name. */
export function renderExposition(samples: readonly Sample[]): string {
  const lines: string[] = [];
  let current: string | undefined;
  for (const sample of samples) {
    if (sample.name !== current) {
      current = sample.name;
      lines.push(`# HELP ${sample.name} ${HELP[sample.name] ?? sample.name}`, `# TYPE ${sample.name} gauge`);
    }
    const labels = Object.entries(sample.labels ?? {});
    const labelText = labels.length === 0 ? '' : `{${labels.map(([key, value]) => `${key}="${escapeLabelValue(value)}"`).join(',')}}`;
    lines.push(`${sample.name}${labelText} ${Number.isFinite(sample.value) ? String(sample.value) : 'NaN'}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface GateRun {
  readonly passed: boolean;
  readonly now: Date;
  readonly scanSeconds: number;
  /** The time the figures describe when it is not `now` (an inventory's creationTimestamp): ages count from it. */
  readonly asOf?: Date;
}

/** The full set pushed after a scan (PUT: replaces the group's previous figures). */
export function scanSamples(tally: GrowthTally, run: GateRun): Sample[] {
  const kinds: ObjectKind[] = ['bin', 'json', 'other'];
  const asOf = run.asOf ?? run.now;
  const oldestSeconds = tally.oldest ? Math.max(0, (asOf.getTime() - tally.oldest.lastModified.getTime()) / 1000) : 0;
  return [
    { name: GROWTH_METRICS.objects, value: tally.objects },
    { name: GROWTH_METRICS.bytes, value: tally.bytes },
    ...kinds.map((kind) => ({ name: GROWTH_METRICS.objectsByKind, labels: { kind }, value: tally.byKind[kind] })),
    { name: GROWTH_METRICS.oldestAge, value: Math.round(oldestSeconds) },
    { name: GROWTH_METRICS.overdue, value: tally.overdue },
    { name: GROWTH_METRICS.scanDuration, value: Number(run.scanSeconds.toFixed(3)) },
    ...resultSamples(run.passed, run.now),
  ];
}

/** Only the gate's result and time (POST: keeps the last good figures when the scan broke). */
export function resultSamples(passed: boolean, now: Date): Sample[] {
  return [
    { name: GROWTH_METRICS.gatePassed, value: passed ? 1 : 0 },
    { name: GROWTH_METRICS.lastRun, value: Math.floor(now.getTime() / 1000) },
  ];
}
