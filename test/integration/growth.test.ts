import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { listAll, seedObjects } from '../support/objects.js';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';

const DAY = 86_400_000;
const prefix = 'chat-attachments/ci/';

async function runGrowth(bucket: string, now: () => Date = () => new Date(), extra: Record<string, string> = {}) {
  const workspace = await mkdtemp(path.join(tmpdir(), 'srg-growth-'));
  const host = recordingHost(testInputs({ 's3-bucket': bucket, gates: 'growth', ...extra }), workspace, now);
  const result = await runGates(host);
  const growth = result?.gates.find((gate) => gate.id === 'growth');
  const report = await readFile(path.join(workspace, 'docs/research/chat-attachment-growth-latest.md'), 'utf8');
  return { host, result, growth, report };
}

describe('growth gate on the local RGW', () => {
  it('passes a fresh, empty bucket with zero figures', async () => {
    const bucket = uniqueBucket('growth-fresh');
    await rawClient().send(new CreateBucketCommand({ Bucket: bucket }));
    const { host, growth, report, result } = await runGrowth(bucket);
    expect(growth?.status).toBe('PASS');
    expect(result?.result).toBe('PASS');
    expect(host.outputs).toMatchObject({ 'growth-objects': '0', 'growth-bytes': '0', 'growth-overdue': '0', result: 'PASS' });
    expect(report).toContain('Result: PASS');
    expect(report).toContain('- Oldest object age: none (empty prefix)');
    expect(report).not.toContain('Mode:');
  });

  it('counts objects, bytes and kinds under the env prefix only', async () => {
    const bucket = uniqueBucket('growth-count');
    const inside = [`${prefix}a1.bin`, `${prefix}a1.json`, `${prefix}b/2.bin`, `${prefix}c.txt`];
    const outside = ['chat-attachments/ci-extra/x.bin', 'chat-attachments/staging/y.bin', 'other/ci/z.json'];
    await seedObjects(rawClient(), bucket, [...inside, ...outside], (_key, index) => 10 * (index + 1));
    const { host, growth, report } = await runGrowth(bucket);
    expect(growth?.status).toBe('PASS');
    expect(host.outputs).toMatchObject({ 'growth-objects': '4', 'growth-bytes': String(10 + 20 + 30 + 40), 'growth-overdue': '0' });
    expect(report).toContain('- .bin objects: 2');
    expect(report).toContain('- .json objects: 1');
    expect(report).toContain('- Other objects: 1');
    expect(report).toContain('pushgateway-url is unset');
  });

  it('FAILs on objects older than expire-days + grace when the clock moves forward, and lists them', async () => {
    const bucket = uniqueBucket('growth-clock');
    const keys = Array.from({ length: 30 }, (_, index) => `${prefix}${index.toString(16)}-${index}.${index % 2 ? 'bin' : 'json'}`);
    await seedObjects(rawClient(), bucket, keys, () => 5);

    const withinGrace = await runGrowth(bucket, () => new Date(Date.now() + 31 * DAY));
    expect(withinGrace.growth?.status).toBe('PASS');
    expect(withinGrace.host.outputs['growth-overdue']).toBe('0');

    const late = await runGrowth(bucket, () => new Date(Date.now() + 40 * DAY));
    expect(late.growth?.status).toBe('FAIL');
    expect(late.result?.result).toBe('FAIL');
    expect(late.host.outputs).toMatchObject({ 'growth-objects': '30', 'growth-overdue': '30', result: 'FAIL', 'failed-gates': 'growth' });
    expect(late.growth?.summary).toContain('30 of 30 object(s) under chat-attachments/ci/ are older than 32 days');
    expect(late.report).toContain('Result: FAIL');
    expect(late.report).toContain('### Overdue objects (the 20 oldest of 30)');
    const listed = keys.filter((key) => late.report.includes(`| ${key} |`));
    expect(listed).toHaveLength(20);
    expect(late.host.failures).toHaveLength(1);

    const shorterGrace = await runGrowth(bucket, () => new Date(Date.now() + 31 * DAY), { 'retention-grace-days': '0' });
    expect(shorterGrace.growth?.status).toBe('FAIL');
  });

  it('agrees with a plain listing on 2,500 keys spread over many next characters, odd ones included', async () => {
    const bucket = uniqueBucket('growth-shards');
    const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEF-_.';
    const spread = Array.from(
      { length: 2500 },
      (_, index) => `${prefix}${alphabet[index % alphabet.length]}${((index * 2654435761) % 4294967296).toString(36)}.${index % 3 ? 'bin' : 'json'}`,
    );
    const odd = [
      prefix,
      `${prefix}a`,
      `${prefix} space.bin`,
      `${prefix}%41.bin`,
      `${prefix}~x.json`,
      `${prefix}é.bin`,
      `${prefix}中.json`,
      `${prefix}😀.bin`,
      `${prefix}a b+c.bin`,
    ];
    await seedObjects(rawClient(), bucket, [...spread, ...odd, 'chat-attachments/ci-extra/x.bin'], (_key, index) => 1 + (index % 7));
    const reference = await listAll(rawClient(), bucket, prefix);
    expect(reference).toHaveLength(2500 + odd.length);
    const { host, growth, report } = await runGrowth(bucket);
    expect(growth?.status).toBe('PASS');
    expect(host.outputs['growth-objects']).toBe(String(reference.length));
    expect(host.outputs['growth-bytes']).toBe(String(reference.reduce((sum, object) => sum + object.size, 0)));
    const scan = /- Scan: (\d+) ListObjectsV2 request\(s\), (\d+) shard\(s\), at most (\d+) in flight \(limit 4\), (\d+) key\(s\) outside the shards/.exec(
      report,
    );
    expect(scan).not.toBeNull();
    const [, requests, shards, inFlight, gapKeys] = (scan ?? []).map(Number);
    expect(shards).toBeGreaterThan(40);
    expect(inFlight).toBeGreaterThan(1);
    expect(inFlight).toBeLessThanOrEqual(4);
    // '~', 'é', '中' and '😀' sort after every shard character: only the gap probes find them
    // (' ' and '%' sort first, so the first plain page already counted them).
    expect(gapKeys).toBe(4);
    expect(requests).toBeGreaterThan(shards ?? 0);
  });

  it('FAILs when the bucket does not exist', async () => {
    const { growth } = await runGrowth(uniqueBucket('growth-missing'));
    expect(growth?.status).toBe('FAIL');
    expect(growth?.summary).toContain('does not exist');
  });

  it('is ERROR, never PASS, when S3 is unreachable, within the timeout', async () => {
    const started = Date.now();
    const { growth, host } = await runGrowth(uniqueBucket('growth-down'), undefined, { 's3-endpoint': 'http://127.0.0.1:9', 's3-timeout-seconds': '2' });
    expect(growth?.status).toBe('ERROR');
    expect(growth?.summary).toContain('http://127.0.0.1:9');
    expect(host.outputs['growth-objects']).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
