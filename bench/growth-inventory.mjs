#!/usr/bin/env node
// npm run bench:growth-inventory — the growth gate with growth-source: inventory on reports of
// BENCH_ROWS (default 1,000,000) and 100,000 rows, written in S3 Inventory's layout to a local
// Ceph RGW (no object of the source bucket has to exist: the gate reads only the report). Half of
// the rows lie under chat-attachments/bench/, half under another environment's prefix. Prints
// rows per second, compressed bytes read, peak RSS and the heap left after a full GC for both
// sizes, and a run with the heap capped, to show that memory does not grow with the report.
// Not part of the tests or CI.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startLocalRgw } from './lib/rgw.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SMALL_ROWS = 100_000;
const ROWS_PER_FILE = 250_000;
const DESTINATION = 'srg-bench-inventory';
const SCHEMA = 'Bucket, Key, Size, LastModifiedDate, ETag, StorageClass';

const log = (line) => process.stderr.write(`${line}\n`);
const mib = (kib) => Math.round(kib / 1024);

function s3Client(server) {
  return new S3Client({
    endpoint: server.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKey, secretAccessKey: server.secretKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** One gzip CSV file of `count` rows shaped like the chat service's keys (URL-encoded '/'). */
function csvFile(sourceBucket, first, count, now) {
  const lines = [];
  for (let index = first; index < first + count; index += 1) {
    const env = index % 2 === 0 ? 'bench' : 'other';
    const key = `chat-attachments%2F${env}%2F${randomBytes(12).toString('hex')}${index.toString(16)}.${index % 4 < 2 ? 'bin' : 'json'}`;
    const modified = new Date(now - (index % 20) * 86_400_000).toISOString();
    lines.push(`"${sourceBucket}","${key}","${16 + (index % 241)}","${modified}","${randomBytes(16).toString('hex')}","STANDARD"\n`);
  }
  return gzipSync(lines.join(''));
}

/** Writes one report of `rows` rows for `sourceBucket`; returns its compressed size. */
async function writeReport(client, sourceBucket, rows) {
  const now = Date.now();
  const base = `inventory/${sourceBucket}/daily/`;
  const files = [];
  let bytes = 0;
  for (let first = 0; first < rows; first += ROWS_PER_FILE) {
    const body = csvFile(sourceBucket, first, Math.min(ROWS_PER_FILE, rows - first), now);
    const key = `${base}data/${randomBytes(8).toString('hex')}.csv.gz`;
    await client.send(new PutObjectCommand({ Bucket: DESTINATION, Key: key, Body: body }));
    files.push({ key, size: body.length, MD5checksum: createHash('md5').update(body).digest('hex') });
    bytes += body.length;
  }
  const creation = new Date(now - 3_600_000);
  const manifest = JSON.stringify({ sourceBucket, destinationBucket: `arn:aws:s3:::${DESTINATION}`, version: '2016-11-30', creationTimestamp: String(creation.getTime()), fileFormat: 'CSV', fileSchema: SCHEMA, files });
  const folder = `${base}${creation.toISOString().slice(0, 16).replace(':', '-')}Z/`;
  await client.send(new PutObjectCommand({ Bucket: DESTINATION, Key: `${folder}manifest.json`, Body: manifest }));
  await client.send(new PutObjectCommand({ Bucket: DESTINATION, Key: `${folder}manifest.checksum`, Body: createHash('md5').update(manifest).digest('hex') }));
  return bytes;
}

function growthScan(bundle, server, sourceBucket, nodeFlags = []) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', ...nodeFlags, bundle],
      {
        env: {
          ...process.env,
          S3_ENDPOINT: server.endpoint,
          S3_ACCESS_KEY: server.accessKey,
          S3_SECRET_KEY: server.secretKey,
          S3_BUCKET: sourceBucket,
          APP_ENV: 'bench',
          GROWTH_SOURCE: 'inventory',
          INVENTORY_LOCATION: `s3://${DESTINATION}/inventory/`,
          AWS_EC2_METADATA_DISABLED: 'true',
          S3_TIMEOUT_SECONDS: '60',
        },
        maxBuffer: 1 << 20,
      },
      (error, stdout, stderr) => (error ? reject(new Error(`growth scan failed: ${stderr || error.message}`)) : resolve(JSON.parse(stdout))),
    );
  });
}

async function main() {
  const stops = [];
  const server = await startLocalRgw(root, (stop) => stops.push(stop));
  const buildDir = await mkdtemp(path.join(tmpdir(), 'srg-bench-build-'));
  try {
    log(`S3: ${server.endpoint} (local RGW started for the bench, lifecycle off)`);
    await promisify(execFile)(path.join(root, 'node_modules/.bin/ncc'), ['build', path.join(root, 'bench/growth-scan.ts'), '-o', buildDir, '--quiet'], { cwd: root });
    const bundle = path.join(buildDir, 'index.js');
    const client = s3Client(server);
    await client.send(new CreateBucketCommand({ Bucket: DESTINATION }));
    const sizes = [
      { bucket: 'srg-bench-small', rows: SMALL_ROWS },
      { bucket: 'srg-bench-large', rows: ROWS },
    ];
    for (const size of sizes) {
      const started = performance.now();
      size.compressed = await writeReport(client, size.bucket, size.rows);
      log(`  wrote a report of ${size.rows} rows (${Math.round(size.compressed / 1048576)} MiB gzip) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    client.destroy();
    const lines = [];
    for (const size of sizes) {
      const result = await growthScan(bundle, server, size.bucket);
      if (result.status !== 'PASS' || result.objects !== size.rows / 2) throw new Error(`unexpected result for ${size.rows} rows: ${JSON.stringify(result)}`);
      const seconds = result.scanMs / 1000;
      lines.push(
        `${size.rows} rows (${mib(size.compressed / 1024)} MiB gzip, ${result.objects} under the prefix): ${result.scanMs} ms, ${Math.round(size.rows / seconds)} rows/s, ` +
          `${result.cpuMs} ms CPU (${Math.round(size.rows / (result.cpuMs / 1000))} rows per CPU second), ` +
          `${(size.compressed / 1048576 / seconds).toFixed(1)} MiB/s compressed; peak RSS ${mib(result.maxRssKiB)} MiB, heap after a full GC ${mib(result.heapAfterGcKiB)} MiB`,
      );
    }
    const large = sizes[1];
    const capped = await growthScan(bundle, server, large.bucket, ['--max-old-space-size=64', '--max-semi-space-size=2']);
    lines.push(`${large.rows} rows with the heap capped (--max-old-space-size=64 --max-semi-space-size=2): ${capped.status}, ${capped.scanMs} ms, peak RSS ${mib(capped.maxRssKiB)} MiB`);
    process.stdout.write(`Growth gate, growth-source: inventory, on a local Ceph RGW (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores):\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
  } finally {
    await rm(buildDir, { recursive: true, force: true });
    for (const stop of stops) await stop();
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
await main();
