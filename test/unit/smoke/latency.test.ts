import { describe, expect, it } from 'vitest';
import { inStartOrder, latencyLine, latencySections, latencyTotals, type OperationRecord } from '../../../src/smoke/latency.js';

const records: OperationRecord[] = [
  { operation: 'PutObject', key: 'payload.bin', result: 'ok', ok: true, atMs: 5, ms: 40, bytes: 100 },
  { operation: 'UploadPart 1', key: 'payload-large.bin', result: 'ok', ok: true, atMs: 1, ms: 30, bytes: 1000 },
  { operation: 'UploadPart 2', key: 'payload-large.bin', result: 'AccessDenied', ok: false, atMs: 2, ms: 10 },
  { operation: 'HeadObject after delete', key: 'payload.bin', result: '404 (expected)', ok: true, atMs: 90, ms: 3 },
  { operation: 'HeadObject', key: 'payload.bin', result: 'ok', ok: true, atMs: 50, ms: 7 },
];

describe('latency totals and table', () => {
  const totals = latencyTotals(records, 95);

  it('sums requests, failures and bytes, grouping variants under their operation', () => {
    expect(totals).toEqual({
      operations: 5,
      failed: 1,
      sumMs: 90,
      wallMs: 95,
      bytes: 1100,
      byOperation: [
        { operation: 'PutObject', count: 1, failed: 0, sumMs: 40, maxMs: 40 },
        { operation: 'UploadPart', count: 2, failed: 1, sumMs: 40, maxMs: 30 },
        { operation: 'HeadObject', count: 2, failed: 0, sumMs: 10, maxMs: 7 },
      ],
    });
    expect(latencyLine(totals)).toBe('5 request(s), 1 failed, 90 ms summed, 95 ms wall, 1100 bytes');
  });

  it('renders one row per request (operation, key, result, ms) and a totals table ending in All', () => {
    const [table, sums] = latencySections(inStartOrder(records), totals);
    expect(table).toMatchObject({ kind: 'table', title: 'Latency', headers: ['Operation', 'Key', 'Result', 'ms'] });
    expect(table?.kind === 'table' && table.rows.map((row) => row[0])).toEqual([
      'UploadPart 1',
      'UploadPart 2',
      'PutObject',
      'HeadObject',
      'HeadObject after delete',
    ]);
    expect(table?.kind === 'table' && table.rows[1]).toEqual(['UploadPart 2', 'payload-large.bin', 'AccessDenied', '10']);
    expect(sums?.kind === 'table' && sums.rows.at(-1)).toEqual(['All', '5', '1', '90', '40']);
  });
});
