#!/usr/bin/env node
// npm run bench:growth — the growth gate's scan against `aws s3 ls --recursive --summarize` on
// the same prefix of a local Ceph RGW. Seeds BENCH_OBJECTS (default 100,000) small objects under
// chat-attachments/bench/ (64 PUTs in flight), plus 5,000 under chat-attachments/bench-small/ to
// show that the scan's memory does not grow with the object count (peak RSS, heap left after a
// full GC, and a run with a capped heap). Not part of the tests or CI.
//
// Env: BENCH_OBJECTS, BENCH_RUNS (default 3), S3_ENDPOINT/S3_ACCESS_KEY/S3_SECRET_KEY to use a
// running server instead of starting one (the bucket srg-bench-growth is reused when seeded).
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 100_000);
const SMALL_OBJECTS = 5_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BUCKET = 'srg-bench-growth';
const SEED_IN_FLIGHT = 64;
const AWS_CLI = '/usr/bin/aws';

const log = (line) => process.stderr.write(`${line}\n`);
const mib = (kib) => Math.round(kib / 1024);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
  const server = { endpoint: `http://127.0.0.1:${rgwPort}`, accessKey: 'BENCHACCESSKEY000001', secretKey: `bench${Date.now().toString(36)}`.padEnd(40, '0') };
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

async function countUnder(client, prefix) {
  const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, MaxKeys: 1 }));
  return page.KeyCount ?? 0;
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

async function main() {
  const external = process.env.S3_ENDPOINT;
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
    const large = 'chat-attachments/bench/';
    const small = 'chat-attachments/bench-small/';
    if ((await countUnder(client, large)) === 0) await seed(client, large, OBJECTS);
    if ((await countUnder(client, small)) === 0) await seed(client, small, SMALL_OBJECTS);
    client.destroy();

    log('warm-up: one scan and one aws s3 ls');
    await growthScan(bundle, server, 'bench');
    await awsLs(server, large);

    const scans = [];
    const lists = [];
    for (let run = 1; run <= RUNS; run += 1) {
      scans.push(await growthScan(bundle, server, 'bench'));
      lists.push(await awsLs(server, large));
      log(`  run ${run}: growth gate ${scans.at(-1).scanMs} ms (process ${scans.at(-1).wallMs} ms), aws s3 ls ${lists.at(-1).wallMs} ms`);
    }
    const smallScan = await growthScan(bundle, server, 'bench-small');
    // V8 grows the heap lazily under a high allocation rate (16 pages parsed at once): the peak
    // RSS of a long scan says little about what it keeps. The heap left after a full GC does, and
    // so does a run with the heap capped (old space 64 MiB, young semi-spaces 2 MiB).
    const capped = await growthScan(bundle, server, 'bench', ['--max-old-space-size=64', '--max-semi-space-size=2']);
    const scan = scans.at(-1);
    const list = lists.at(-1);
    if (scan.objects !== list.objects || scan.bytes !== list.bytes) {
      throw new Error(`counts disagree: growth gate ${scan.objects} objects / ${scan.bytes} bytes, aws s3 ls ${list.objects} / ${list.bytes}`);
    }
    const gateMs = median(scans.map((s) => s.scanMs));
    const processMs = median(scans.map((s) => s.wallMs));
    const awsMs = median(lists.map((l) => l.wallMs));
    const lines = [
      `Growth scan of ${scan.objects} objects (${scan.bytes} bytes) under ${large}, median of ${RUNS} runs:`,
      `  growth gate scan (in process)      ${String(gateMs).padStart(7)} ms   ${(awsMs / gateMs).toFixed(1)}x faster than aws s3 ls`,
      `  growth gate process (node start-up) ${String(processMs).padStart(6)} ms   ${(awsMs / processMs).toFixed(1)}x faster than aws s3 ls`,
      `  aws s3 ls --recursive --summarize  ${String(awsMs).padStart(7)} ms   (${list.objects} objects, ${list.bytes} bytes: same totals)`,
      `  scan: ${scan.scan}`,
      `  peak RSS of the scan process: ${mib(scan.maxRssKiB)} MiB for ${scan.objects} objects; ${mib(smallScan.maxRssKiB)} MiB for ${smallScan.objects} objects (RSS after start-up: ${mib(scan.rssBeforeKiB)} MiB)`,
      `  heap in use after a full GC at the end: ${mib(scan.heapAfterGcKiB)} MiB for ${scan.objects} objects; ${mib(smallScan.heapAfterGcKiB)} MiB for ${smallScan.objects} objects`,
      `  heap capped (--max-old-space-size=64 --max-semi-space-size=2): ${capped.objects} objects in ${capped.scanMs} ms at a peak RSS of ${mib(capped.maxRssKiB)} MiB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await rm(buildDir, { recursive: true, force: true });
    await server.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:growth failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
