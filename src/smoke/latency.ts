import type { Section } from '../verdict.js';

/** One timed request of the smoke run, as the latency table shows it. */
export interface OperationRecord {
  /** e.g. PutObject, UploadPart 2, GetObject range last, API upload. */
  readonly operation: string;
  /** Key below the run prefix, a full key, or an API path. */
  readonly key: string;
  /** `ok`, `404 (expected)`, or what failed (an S3 error code, an HTTP status). */
  readonly result: string;
  readonly ok: boolean;
  /** When the request started, in ms after the run's first request. */
  readonly atMs: number;
  readonly ms: number;
  readonly bytes?: number;
}

/** Records in the order their requests started (they complete out of order when parallel). */
export function inStartOrder(records: readonly OperationRecord[]): OperationRecord[] {
  return [...records].sort((a, b) => a.atMs - b.atMs);
}

export interface OperationTotals {
  readonly operation: string;
  readonly count: number;
  readonly failed: number;
  readonly sumMs: number;
  readonly maxMs: number;
}

export interface LatencyTotals {
  readonly operations: number;
  readonly failed: number;
  /** Sum of every request's time; requests run in parallel, so it exceeds the wall time. */
  readonly sumMs: number;
  /** Time from the first request to the end of the last. */
  readonly wallMs: number;
  readonly bytes: number;
  readonly byOperation: readonly OperationTotals[];
}

/** Groups by operation name without its variant (`UploadPart 2` counts as UploadPart). */
const family = (operation: string) => operation.replace(/ .*$/, '');

export function latencyTotals(records: readonly OperationRecord[], wallMs: number): LatencyTotals {
  const groups = new Map<string, OperationTotals>();
  for (const record of records) {
    const name = family(record.operation);
    const group = groups.get(name) ?? { operation: name, count: 0, failed: 0, sumMs: 0, maxMs: 0 };
    groups.set(name, {
      operation: name,
      count: group.count + 1,
      failed: group.failed + (record.ok ? 0 : 1),
      sumMs: group.sumMs + record.ms,
      maxMs: Math.max(group.maxMs, record.ms),
    });
  }
  return {
    operations: records.length,
    failed: records.filter((record) => !record.ok).length,
    sumMs: records.reduce((sum, record) => sum + record.ms, 0),
    wallMs,
    bytes: records.reduce((sum, record) => sum + (record.bytes ?? 0), 0),
    byOperation: [...groups.values()],
  };
}

/** The latency table (operation, key, result, ms) and the totals, as report sections. */
export function latencySections(records: readonly OperationRecord[], totals: LatencyTotals): Section[] {
  return [
    {
      kind: 'table',
      title: 'Latency',
      headers: ['Operation', 'Key', 'Result', 'ms'],
      rows: records.map((record) => [record.operation, record.key, record.result, String(record.ms)]),
    },
    {
      kind: 'table',
      title: 'Latency totals',
      headers: ['Operation', 'Requests', 'Failed', 'Sum ms', 'Max ms'],
      rows: [
        ...totals.byOperation.map((group) => [group.operation, String(group.count), String(group.failed), String(group.sumMs), String(group.maxMs)]),
        ['All', String(totals.operations), String(totals.failed), String(totals.sumMs), String(Math.max(0, ...totals.byOperation.map((group) => group.maxMs)))],
      ],
    },
  ];
}

/** One line for facts and logs. */
export function latencyLine(totals: LatencyTotals): string {
  return `${totals.operations} request(s), ${totals.failed} failed, ${totals.sumMs} ms summed, ${totals.wallMs} ms wall, ${totals.bytes} bytes`;
}
