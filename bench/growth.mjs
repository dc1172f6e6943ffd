#!/usr/bin/env node
// npm run bench:growth — the growth gate's scan against `aws s3 ls --recursive --summarize` on
// the same prefix of a local Ceph RGW, at two sizes (default 10,000 and 100,000 objects), to show
// how time, requests and memory grow with the object count. Each size is its own prefix,
// chat-attachments/bench-<count>/ in bucket srg-bench-growth, seeded once with small objects
// whose keys look like the chat service's (64 PUTs in flight). Not part of the tests or CI; it
// asserts no timing. It prints one table; the machine's load average is part of it.
//
// Env:
//   BENCH_SIZES       object counts, comma-separated (default 10000,100000)
//   BENCH_RUNS        timed runs per size, after one warm-up (default 5); medians are reported
//   BENCH_KEEP_RGW=1  leave the RGW this bench started running, seeded, and print the variables
//                     that reuse it (a 100,000-object seed takes minutes; a reused bucket none)
//   S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY
//                     use a running server instead of starting one; a prefix that already
//                     holds objects is not seeded again (its count must be the size)
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map((size) => Number(size.trim()));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUCKET = 'srg-bench-growth';
const SEED_IN_FLIGHT = 64;
const AWS_CLI = '/usr/bin/aws';
/** The scan's speed target against aws s3 ls (issue: at least 8x at 100,000 objects, quiet machine). */
const TARGET_SPEEDUP = 8;

const log = (line) => process.stderr.write(`${line}\n`);
const mib = (kib) => (kib / 1024).toFixed(0);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');

if (SIZES.length === 0 || SIZES.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`BENCH_SIZES must list positive integers, got '${process.env.BENCH_SIZES}'`);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a positive integer, got '${process.env.BENCH_RUNS}'`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function runScript(script, env) {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(root, 'scripts', script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${script} exited ${code}: ${output.slice(-500)}`))));
  });
}

async function startRgw() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'srg-bench-rgw-'));
  const [rgwPort, monPort] = [await freePort(), await freePort()];
  const server = { endpoint: `http://127.0.0.1:${rgwPort}`, accessKey: 'BENCHACCESSKEY000001', secretKey: `bench${Date.now().toString(36)}`.padEnd(40, '0'), dataDir };
  await runScript('rgw-up.sh', {
    RGW_PORT: String(rgwPort),
    MON_PORT: String(monPort),
    RGW_DATA_DIR: dataDir,
    S3_ACCESS_KEY: server.accessKey,
    S3_SECRET_KEY: server.secretKey,
    RGW_ENABLE_LC_THREADS: 'false',
  });
  return { ...server, stop: () => runScript('rgw-down.sh', { RGW_DATA_DIR: dataDir, FAST: '1' }) };
}

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

/** Keys shaped like the chat service's: a random 128-bit id, .bin payload and .json metadata. */
function keyOf(prefix, index) {
  const id = `${Math.random().toString(16).slice(2, 10)}${Math.random().toString(16).slice(2, 10)}${index.toString(16).padStart(8, '0')}`;
  return `${prefix}${id}.${index % 2 === 0 ? 'bin' : 'json'}`;
}

async function isEmpty(client, prefix) {
  const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, MaxKeys: 1 }));
  return (page.KeyCount ?? 0) === 0;
}

async function seed(client, prefix, count) {
  const started = performance.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const body = Buffer.alloc(16 + (index % 241), 97);
      await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: keyOf(prefix, index), Body: body }));
      done += 1;
      if (done % 10_000 === 0) log(`  seeded ${done} / ${count}`);
    }
  };
  await Promise.all(Array.from({ length: SEED_IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  log(`  seeded ${count} objects under ${prefix} in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} PUT/s)`);
}

/** Runs the bundled growth scan in a child process; wall time includes Node's start-up. */
function growthScan(bundle, server, env, nodeFlags = []) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    execFile(
      process.execPath,
      ['--expose-gc', ...nodeFlags, bundle],
      { env: { ...process.env, S3_ENDPOINT: server.endpoint, S3_ACCESS_KEY: server.accessKey, S3_SECRET_KEY: server.secretKey, S3_BUCKET: BUCKET, APP_ENV: env, AWS_EC2_METADATA_DISABLED: 'true', S3_TIMEOUT_SECONDS: '60' }, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`growth scan failed: ${stderr || error.message}`));
        resolve({ ...JSON.parse(stdout), wallMs: Math.round(performance.now() - started) });
      },
    );
  });
}

function awsLs(server, prefix) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    execFile(
      AWS_CLI,
      ['s3', 'ls', '--recursive', '--summarize', `s3://${BUCKET}/${prefix}`, '--endpoint-url', server.endpoint],
      { env: { ...process.env, AWS_ACCESS_KEY_ID: server.accessKey, AWS_SECRET_ACCESS_KEY: server.secretKey, AWS_DEFAULT_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '' }, maxBuffer: 1 << 30 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`aws s3 ls failed: ${stderr || error.message}`));
        const objects = Number(/Total Objects: (\d+)/.exec(stdout)?.[1]);
        const bytes = Number(/Total Size: (\d+)/.exec(stdout)?.[1]);
        resolve({ wallMs: Math.round(performance.now() - started), objects, bytes });
      },
    );
  });
}

/** Warm-up, then RUNS scans and RUNS listings taking turns; medians, and the largest peak RSS. */
async function measure(bundle, server, size) {
  const env = `bench-${size}`;
  const prefix = `chat-attachments/${env}/`;
  log(`${size} objects (${prefix}): warm-up, then ${RUNS} runs each`);
  await growthScan(bundle, server, env);
  await awsLs(server, prefix);
  const scans = [];
  const lists = [];
  for (let run = 1; run <= RUNS; run += 1) {
    scans.push(await growthScan(bundle, server, env));
    lists.push(await awsLs(server, prefix));
    log(`  run ${run}: scan ${scans.at(-1).scanMs} ms (process ${scans.at(-1).wallMs} ms, peak RSS ${mib(scans.at(-1).maxRssKiB)} MiB), aws s3 ls ${lists.at(-1).wallMs} ms; load ${load()}`);
  }
  const scan = scans.at(-1);
  const list = lists.at(-1);
  if (scan.objects !== list.objects || scan.bytes !== list.bytes) {
    throw new Error(`${prefix}: counts disagree: growth scan ${scan.objects} objects / ${scan.bytes} bytes, aws s3 ls ${list.objects} / ${list.bytes}`);
  }
  if (scan.objects !== size) {
    throw new Error(`${prefix} holds ${scan.objects} objects, not ${size} (an interrupted seed?): remove the bucket's prefix or use a fresh RGW`);
  }
  return {
    size,
    prefix,
    objects: scan.objects,
    bytes: scan.bytes,
    requests: scan.requests,
    shards: scan.shards,
    maxInFlight: scan.maxInFlight,
    scanMs: median(scans.map((s) => s.scanMs)),
    processMs: median(scans.map((s) => s.wallMs)),
    awsMs: median(lists.map((l) => l.wallMs)),
    peakRssMiB: median(scans.map((s) => s.maxRssKiB)) / 1024,
    peakRssMaxMiB: Math.max(...scans.map((s) => s.maxRssKiB)) / 1024,
    startRssMiB: median(scans.map((s) => s.rssBeforeKiB)) / 1024,
    heapAfterGcMiB: median(scans.map((s) => s.heapAfterGcKiB)) / 1024,
  };
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  return [line(rows[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)];
}

async function main() {
  const external = process.env.S3_ENDPOINT;
  const keep = process.env.BENCH_KEEP_RGW === '1';
  const loadAtStart = load();
  const server = external
    ? { endpoint: external, accessKey: process.env.S3_ACCESS_KEY ?? '', secretKey: process.env.S3_SECRET_KEY ?? '', stop: async () => undefined }
    : await startRgw();
  const buildDir = await mkdtemp(path.join(tmpdir(), 'srg-bench-build-'));
  try {
    log(`S3: ${server.endpoint}${external ? ' (given)' : ' (local RGW started for the bench, lifecycle off)'}`);
    log('bundling bench/growth-scan.ts with ncc');
    await promisify(execFile)(path.join(root, 'node_modules/.bin/ncc'), ['build', path.join(root, 'bench/growth-scan.ts'), '-o', buildDir, '--quiet'], { cwd: root });
    const bundle = path.join(buildDir, 'index.js');

    const client = s3Client(server);
    await client.send(new CreateBucketCommand({ Bucket: BUCKET })).catch((error) => {
      if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
    });
    for (const size of SIZES) {
      const prefix = `chat-attachments/bench-${size}/`;
      if (await isEmpty(client, prefix)) await seed(client, prefix, size);
      else log(`  ${prefix} is seeded already: reused`);
    }
    client.destroy();

    const results = [];
    for (const size of SIZES) results.push(await measure(bundle, server, size));
    // The heap capped far below the peak RSS: the scan still completes, so what it keeps is small.
    const largest = results.at(-1);
    const capped = await growthScan(bundle, server, `bench-${largest.size}`, ['--max-old-space-size=64', '--max-semi-space-size=2']);

    const out = [];
    out.push('');
    out.push(`Growth scan vs aws s3 ls --recursive --summarize: medians of ${RUNS} runs after a warm-up, Node ${process.versions.node}, ${availableParallelism()} CPUs`);
    out.push(`S3 ${server.endpoint}, bucket ${BUCKET}; load average (1, 5, 15 min) ${loadAtStart} at start, ${load()} at end`);
    out.push('');
    out.push(
      ...table([
        ['objects', 'ListObjectsV2', 'shards', 'in flight', 'scan ms', 'process ms', 'aws s3 ls ms', 'speed-up (scan)', 'speed-up (process)', 'peak RSS MiB', 'heap after GC MiB'],
        ...results.map((r) => [
          r.objects,
          r.requests,
          r.shards,
          r.maxInFlight,
          r.scanMs.toFixed(0),
          r.processMs.toFixed(0),
          r.awsMs.toFixed(0),
          `${(r.awsMs / r.scanMs).toFixed(1)}x`,
          `${(r.awsMs / r.processMs).toFixed(1)}x`,
          `${r.peakRssMiB.toFixed(0)} (max ${r.peakRssMaxMiB.toFixed(0)})`,
          r.heapAfterGcMiB.toFixed(1),
        ]),
      ]),
    );
    out.push('');
    const first = results[0];
    if (results.length > 1) {
      out.push(`Peak RSS at ${largest.objects} objects / at ${first.objects}: ${(largest.peakRssMiB / first.peakRssMiB).toFixed(2)}x (target at most 1.5x); RSS after start-up ${largest.startRssMiB.toFixed(0)} MiB.`);
    }
    out.push(`Speed-up at ${largest.objects} objects, scan in process: ${(largest.awsMs / largest.scanMs).toFixed(1)}x (target at least ${TARGET_SPEEDUP}x on a quiet machine); whole process with Node's start-up: ${(largest.awsMs / largest.processMs).toFixed(1)}x.`);
    out.push(`Heap capped (--max-old-space-size=64 --max-semi-space-size=2): ${capped.objects} objects in ${capped.scanMs} ms, peak RSS ${mib(capped.maxRssKiB)} MiB.`);
    out.push('scan ms: the gate\'s scan inside its process; process ms: spawn to exit, Node\'s start-up included. Peak RSS: the scan process\'s maximum resident set (getrusage).');
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await rm(buildDir, { recursive: true, force: true });
    if (keep && !external) {
      log(`\nBENCH_KEEP_RGW=1: the RGW stays up with the seeded bucket. Reuse it with:`);
      log(`  S3_ENDPOINT=${server.endpoint} S3_ACCESS_KEY=${server.accessKey} S3_SECRET_KEY=${server.secretKey} npm run bench:growth`);
      log(`Stop it with:\n  bash scripts/rgw-down.sh ${server.dataDir}`);
    } else {
      await server.stop();
    }
  }
}

main().catch((error) => {
  process.stderr.write(`bench:growth failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
