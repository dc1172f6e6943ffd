import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import * as path from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { CURRENT_SCHEMA, gzipText, inventoryRow, writeReport, type InventoryObject } from '../support/inventory.js';
import { seedObjects } from '../support/objects.js';
import { rawClient, testInputs, testS3, uniqueBucket } from '../support/s3.js';
import { tempDir } from '../support/workspace.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const prefix = 'chat-attachments/ci/';

async function runGrowth(bucket: string, extra: Record<string, string> = {}, now: () => Date = () => new Date()) {
  const workspace = await tempDir('growth-inventory');
  const host = recordingHost(testInputs({ 's3-bucket': bucket, gates: 'growth', ...extra }), workspace, now);
  const result = await runGates(host);
  const growth = result?.gates.find((gate) => gate.id === 'growth');
  const report = await readFile(path.join(workspace, 'docs/research/chat-attachment-growth-latest.md'), 'utf8');
  return { host, result, growth, report };
}

const fromInventory = (bucket: string, location: string, extra: Record<string, string> = {}, now?: () => Date) =>
  runGrowth(bucket, { 'growth-source': 'inventory', 'inventory-location': location, ...extra }, now);

/** Every object of the bucket as ListObjectsV2 reports it: what an inventory of it lists. */
async function listBucket(client: S3Client, bucket: string): Promise<InventoryObject[]> {
  const objects: InventoryObject[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ...(token ? { ContinuationToken: token } : {}) }));
    for (const object of page.Contents ?? []) objects.push({ key: object.Key ?? '', size: object.Size ?? 0, lastModified: object.LastModified ?? new Date(0) });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

/** Rows split into `parts` gzip CSV files, as S3 splits a large report. */
function csvFiles(schema: string, bucket: string, objects: readonly InventoryObject[], parts: number): Buffer[] {
  const size = Math.ceil(objects.length / parts);
  return Array.from({ length: parts }, (_, part) =>
    gzipText(
      objects
        .slice(part * size, (part + 1) * size)
        .map((object) => inventoryRow(schema, bucket, object))
        .join(''),
    ),
  );
}

const fact = (report: string, label: string) => new RegExp(`^- ${label}: (.*)$`, 'm').exec(report)?.[1];

describe('growth gate with growth-source: inventory, on the local RGW', () => {
  it('agrees with a listing of the same bucket, from the newest report below the destination prefix', async () => {
    const client = rawClient();
    const source = uniqueBucket('inv-src');
    const destination = uniqueBucket('inv-dest');
    const odd = [
      `${prefix}a b+c.bin`,
      `${prefix}comma,and "quote".json`,
      `${prefix}中文/é.bin`,
      `${prefix}😀.json`,
      `${prefix}100%.bin`,
      `${prefix}~tilde.txt`,
    ];
    const plain = Array.from({ length: 300 }, (_, index) => `${prefix}${index.toString(36)}/${index}.${index % 3 ? 'bin' : 'json'}`);
    const outside = ['chat-attachments/ci-extra/x.bin', 'chat-attachments/staging/y.bin', 'other/z.json'];
    await seedObjects(client, source, [...plain, ...odd, ...outside], (_key, index) => 1 + (index % 13));
    const objects = await listBucket(client, source);
    expect(objects).toHaveLength(plain.length + odd.length + outside.length);

    const creation = new Date(Date.now() - HOUR);
    await writeReport(client, {
      destinationBucket: destination,
      destinationPrefix: 'inventory',
      sourceBucket: source,
      configId: 'daily',
      creation,
      files: csvFiles(CURRENT_SCHEMA, source, objects, 3),
    });
    // An older report (a third of the objects) and another bucket's newer one beside it: neither is read.
    await writeReport(client, {
      destinationBucket: destination,
      destinationPrefix: 'inventory',
      sourceBucket: source,
      configId: 'daily',
      creation: new Date(creation.getTime() - DAY),
      files: csvFiles(CURRENT_SCHEMA, source, objects.slice(0, 100), 1),
    });
    await writeReport(client, {
      destinationBucket: destination,
      destinationPrefix: 'inventory',
      sourceBucket: 'another-bucket',
      configId: 'daily',
      creation: new Date(),
      files: csvFiles(CURRENT_SCHEMA, 'another-bucket', objects.slice(0, 5), 1),
    });

    const listed = await runGrowth(source);
    const inventoried = await fromInventory(source, `s3://${destination}/inventory/`);
    expect(listed.growth?.status).toBe('PASS');
    expect(inventoried.growth?.status).toBe('PASS');
    expect(inventoried.result?.result).toBe('PASS');
    const figures = (outputs: Record<string, string>) => [outputs['growth-objects'], outputs['growth-bytes'], outputs['growth-overdue']];
    expect(figures(inventoried.host.outputs)).toEqual(figures(listed.host.outputs));
    expect(inventoried.host.outputs['growth-objects']).toBe(String(plain.length + odd.length));
    for (const label of ['Objects', 'Bytes', '\\.bin objects', '\\.json objects', 'Other objects', 'Overdue objects']) {
      expect(fact(inventoried.report, label), label).toBe(fact(listed.report, label));
    }
    expect(fact(inventoried.report, 'Source')).toMatch(
      new RegExp(`^S3 Inventory s3://${destination}/inventory/${source}/daily/\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}Z/manifest\\.json$`),
    );
    expect(fact(inventoried.report, 'Inventory time \\(creationTimestamp\\)')).toBe(creation.toISOString());
    expect(fact(inventoried.report, 'Inventory read')).toMatch(
      new RegExp(
        `^3 CSV file\\(s\\), \\d+ compressed bytes, ${objects.length} row\\(s\\), each file's size and MD5 matched the manifest; manifest.checksum verified;`,
      ),
    );
    expect(fact(inventoried.report, 'Versions')).toContain('current versions only');
    expect(inventoried.host.logs.join('\n')).not.toContain('warning');
  });

  it('reads a versioned report in another field order: noncurrent versions and delete markers apart', async () => {
    const client = rawClient();
    const destination = uniqueBucket('inv-versions');
    const creation = new Date(Date.now() - 2 * HOUR);
    const schema = 'LastModifiedDate, IsDeleteMarker, Size, Key, ETag, IsLatest, VersionId, Bucket, StorageClass';
    const rows: InventoryObject[] = [
      { key: `${prefix}a.bin`, versionId: 'v2', isLatest: true, size: 10, lastModified: new Date(creation.getTime() - DAY) },
      { key: `${prefix}a.bin`, versionId: 'v1', isLatest: false, size: 100, lastModified: new Date(creation.getTime() - 40 * DAY) },
      { key: `${prefix}b.json`, versionId: 'd1', isLatest: true, isDeleteMarker: true, size: 0, lastModified: new Date(creation.getTime() - DAY) },
      { key: `${prefix}b.json`, versionId: 'b1', isLatest: false, size: 5, lastModified: new Date(creation.getTime() - 2 * DAY) },
      { key: 'chat-attachments/other/c.bin', versionId: 'c1', isLatest: true, size: 1, lastModified: new Date(creation.getTime() - 90 * DAY) },
    ];
    await writeReport(client, {
      destinationBucket: destination,
      destinationPrefix: '',
      sourceBucket: 'chat-versioned',
      configId: 'all-versions',
      creation,
      schema,
      files: csvFiles(schema, 'chat-versioned', rows, 1),
    });
    const { growth, host, report } = await fromInventory('chat-versioned', `s3://${destination}/chat-versioned/all-versions/`);
    expect(growth?.status).toBe('PASS');
    expect(host.outputs).toMatchObject({ 'growth-objects': '1', 'growth-bytes': '10', 'growth-overdue': '0' });
    expect(fact(report, 'Versions')).toBe(`2 noncurrent version(s) (105 bytes), 1 delete marker(s) under ${prefix}; not counted as objects`);
  });

  it('judges overdue objects as of creationTimestamp, and WARNs on a report older than 48 hours', async () => {
    const client = rawClient();
    const destination = uniqueBucket('inv-stale');
    const creation = new Date(Date.now() - 50 * HOUR);
    const ago = (days: number) => new Date(creation.getTime() - days * DAY);
    const rows: InventoryObject[] = [
      { key: `${prefix}overdue-then.bin`, size: 3, lastModified: ago(33) },
      // 31.5 days old at creationTimestamp (within 30 + 2), 33.6 days old now: not overdue.
      { key: `${prefix}overdue-only-now.bin`, size: 5, lastModified: ago(31.5) },
      { key: `${prefix}fresh.json`, size: 7, lastModified: ago(1) },
    ];
    await writeReport(client, {
      destinationBucket: destination,
      destinationPrefix: 'inv',
      sourceBucket: 'chat-stale',
      configId: 'daily',
      creation,
      files: csvFiles(CURRENT_SCHEMA, 'chat-stale', rows, 1),
    });
    const failing = await fromInventory('chat-stale', `s3://${destination}/inv/`);
    expect(failing.growth?.status).toBe('FAIL');
    expect(failing.host.outputs).toMatchObject({ 'growth-objects': '3', 'growth-overdue': '1' });
    expect(failing.report).toContain(`| ${prefix}overdue-then.bin |`);
    expect(failing.report).not.toContain(`| ${prefix}overdue-only-now.bin |`);
    expect(failing.growth?.findings.some((finding) => finding.level === 'warn' && /is 50\.\d hours old .* more than 48 hours/.test(finding.message))).toBe(
      true,
    );

    const onlyStale = uniqueBucket('inv-stale-ok');
    await writeReport(client, {
      destinationBucket: onlyStale,
      destinationPrefix: '',
      sourceBucket: 'chat-stale',
      configId: 'daily',
      creation,
      files: csvFiles(CURRENT_SCHEMA, 'chat-stale', rows.slice(1), 1),
    });
    const warned = await fromInventory('chat-stale', `s3://${onlyStale}/`);
    expect(warned.growth?.status).toBe('WARN');
    expect(warned.host.outputs['growth-overdue']).toBe('0');
    expect(fact(warned.report, 'Inventory age')).toMatch(/^50\.\d hours at /);
    // An hour later by the run's clock the same report is judged the same: as of creationTimestamp.
    const later = await fromInventory('chat-stale', `s3://${onlyStale}/`, {}, () => new Date(Date.now() + 5 * DAY));
    expect(later.growth?.status).toBe('WARN');
    expect(later.host.outputs['growth-overdue']).toBe('0');
  });

  it('is never PASS when a file does not match its MD5, or the report is ORC or Parquet', async () => {
    const client = rawClient();
    const destination = uniqueBucket('inv-bad');
    const rows: InventoryObject[] = [{ key: `${prefix}a.bin`, size: 1, lastModified: new Date() }];
    const creation = new Date(Date.now() - HOUR);
    await writeReport(client, {
      destinationBucket: destination,
      destinationPrefix: 'md5',
      sourceBucket: 'chat-bad',
      configId: 'daily',
      creation,
      files: csvFiles(CURRENT_SCHEMA, 'chat-bad', rows, 2),
      md5Override: { 1: '0123456789abcdef0123456789abcdef' },
    });
    const damaged = await fromInventory('chat-bad', `s3://${destination}/md5/`);
    expect(damaged.growth?.status).toBe('UNVERIFIABLE');
    expect(damaged.result?.result).toBe('FAIL');
    expect(damaged.growth?.summary).toMatch(
      /does not match its manifest: \d+ bytes with MD5 [0-9a-f]{32}, the manifest says \d+ bytes with MD5 0123456789abcdef0123456789abcdef/,
    );
    expect(damaged.host.outputs['growth-objects']).toBeUndefined();

    for (const fileFormat of ['ORC', 'Parquet']) {
      await writeReport(client, {
        destinationBucket: destination,
        destinationPrefix: fileFormat,
        sourceBucket: 'chat-bad',
        configId: 'daily',
        creation,
        fileFormat,
        files: [randomBytes(64)],
      });
      const refused = await fromInventory('chat-bad', `s3://${destination}/${fileFormat}/`);
      expect(refused.growth?.status).toBe('UNVERIFIABLE');
      expect(refused.growth?.summary).toContain(`describes a ${fileFormat} inventory; the growth gate reads CSV inventories only.`);
      expect(refused.report).toContain('output format CSV');
    }
  });

  it('is UNVERIFIABLE, naming the input, when there is no report to read', async () => {
    const client = rawClient();
    const destination = uniqueBucket('inv-none');
    await client.send(new CreateBucketCommand({ Bucket: destination }));
    const empty = await fromInventory('chat-none', `s3://${destination}/inventory/`);
    expect(empty.growth?.status).toBe('UNVERIFIABLE');
    expect(empty.growth?.summary).toContain(`No inventory report below s3://${destination}/inventory/`);

    // A folder name is untrusted text: its newline must not reach the log, where '::' could start a workflow command.
    await writeReport(client, {
      destinationBucket: destination,
      destinationPrefix: 'inventory',
      sourceBucket: 'chat-elsewhere',
      configId: 'daily\n::error::injected',
      creation: new Date(),
      files: [gzipText('')],
    });
    const others = await fromInventory('chat-none', `s3://${destination}/inventory/`);
    expect(others.growth?.status).toBe('UNVERIFIABLE');
    expect(others.growth?.summary).toContain('holds inventories of other buckets only');
    expect(others.growth?.summary).toContain('daily\\u000a::error::injected/');
    expect(others.host.logs.some((line) => line.split('\n').some((part) => part.startsWith('::')))).toBe(false);

    const missing = await fromInventory('chat-none', `s3://${uniqueBucket('inv-missing')}/inventory/`);
    expect(missing.growth?.status).toBe('UNVERIFIABLE');
    expect(missing.growth?.summary).toMatch(/^The inventory bucket t-inv-missing-[0-9a-f]+ does not exist\.$/);
  });

  describe('through a proxy that cuts the first data transfer', () => {
    const proxies: Server[] = [];
    afterAll(() => proxies.forEach((proxy) => proxy.close()));

    it('resumes a broken file transfer with a Range request and counts every row once', async () => {
      const client = rawClient();
      const destination = uniqueBucket('inv-resume');
      // Random keys so the gzip file is large enough to be cut mid-way (a few hundred KiB).
      const rows: InventoryObject[] = Array.from({ length: 20_000 }, (_, index) => ({
        key: `${index % 4 === 0 ? prefix : 'elsewhere/'}${randomBytes(24).toString('hex')}.bin`,
        size: index,
        lastModified: new Date(Date.now() - DAY),
      }));
      const [file] = csvFiles(CURRENT_SCHEMA, 'chat-resume', rows, 1);
      expect(file?.length).toBeGreaterThan(256 * 1024);
      await writeReport(client, {
        destinationBucket: destination,
        destinationPrefix: '',
        sourceBucket: 'chat-resume',
        configId: 'daily',
        creation: new Date(Date.now() - HOUR),
        files: [file ?? Buffer.alloc(0)],
      });

      const proxy = await cuttingProxy(new URL(testS3().endpoint), '/data/', 100 * 1024);
      proxies.push(proxy.server);
      const { growth, host } = await fromInventory('chat-resume', `s3://${destination}/`, { 's3-endpoint': proxy.endpoint });
      const under = rows.filter((row) => row.key.startsWith(prefix));
      expect(proxy.cuts).toBe(1);
      expect(proxy.rangeRequests).toBe(1);
      expect(growth?.status).toBe('PASS');
      expect(host.outputs).toMatchObject({ 'growth-objects': String(under.length), 'growth-bytes': String(under.reduce((sum, row) => sum + row.size, 0)) });
      expect(host.logs.join('\n')).toMatch(/warning S3 GetObject s3:\/\/.*\/data\/.* broke after \d+ bytes \(unreachable\): resuming, attempt 2 of 3/);
    });
  });
});

/**
 * A TCP proxy to the RGW that, once, closes the connection of the first GET whose path contains
 * `pathPart` after `after` bytes of its response: a transfer broken mid-way, which a healthy
 * local server never shows. Counts the cuts and the Range requests that follow.
 */
async function cuttingProxy(target: URL, pathPart: string, after: number): Promise<{ server: Server; endpoint: string; cuts: number; rangeRequests: number }> {
  const state = { cuts: 0, rangeRequests: 0 };
  const server = createServer((inbound: Socket) => {
    const outbound = createConnection({ host: target.hostname, port: Number(target.port) });
    let cutting = false;
    let sent = 0;
    inbound.on('data', (chunk: Buffer) => {
      const head = chunk.toString('latin1');
      if (/^GET /.test(head) && head.split('\r\n', 1)[0]?.includes(pathPart)) {
        if (/\r\nrange: bytes=\d+-/i.test(head)) state.rangeRequests += 1;
        else if (state.cuts === 0) cutting = true;
      }
      outbound.write(chunk);
    });
    outbound.on('data', (chunk: Buffer) => {
      if (cutting) {
        sent += chunk.length;
        if (sent > after) {
          state.cuts += 1;
          cutting = false;
          inbound.write(chunk.subarray(0, chunk.length - (sent - after)));
          inbound.destroy();
          outbound.destroy();
          return;
        }
      }
      inbound.write(chunk);
    });
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
    inbound.on('close', () => outbound.destroy());
    outbound.on('close', () => inbound.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    endpoint: `http://127.0.0.1:${port}`,
    get cuts() {
      return state.cuts;
    },
    get rangeRequests() {
      return state.rangeRequests;
    },
  };
}
