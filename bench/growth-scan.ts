/**
 * One growth scan in a process of its own, for bench/growth.mjs (bundled with ncc there): runs
 * the growth gate as the action does and prints its figures and the process's peak RSS as JSON.
 * Inputs come from the runbook's variables (S3_ENDPOINT, S3_BUCKET, APP_ENV, ...).
 */
import { createS3Gateway } from '../src/clients/s3.js';
import { loadConfig } from '../src/config/load.js';
import { growthGate } from '../src/gates/growth/gate.js';
import { Cancellation } from '../src/util/cancellation.js';
import { silentLogger } from '../src/util/logger.js';

const rssBeforeKiB = Math.round(process.memoryUsage().rss / 1024);
const config = loadConfig((input) => process.env[input.env], process.cwd());
const s3 = createS3Gateway(config.s3, silentLogger);
const started = performance.now();
const outcome = await growthGate.run({ config, s3, log: silentLogger, now: () => new Date(), previous: [], cancellation: new Cancellation() });
const scanMs = performance.now() - started;
s3.destroy();
// With --expose-gc: the heap still in use after a full collection is what the scan retained.
(globalThis as { gc?: () => void }).gc?.();
// 'Scan' with growth-source list, 'Inventory read' with growth-source inventory.
const scan = outcome.facts.find((fact) => fact.label === 'Scan' || fact.label === 'Inventory read')?.value ?? '';
// "N ListObjectsV2 request(s), M shard(s), at most K in flight ..." (the list scan's Scan fact; NaN for an inventory read).
const scanFigure = (pattern: RegExp) => Number(pattern.exec(scan)?.[1] ?? Number.NaN);
process.stdout.write(
  `${JSON.stringify({
    status: outcome.status,
    objects: Number(outcome.outputs?.['growth-objects']),
    bytes: Number(outcome.outputs?.['growth-bytes']),
    scanMs: Math.round(scanMs),
    scan,
    requests: scanFigure(/(\d+) ListObjectsV2 request/),
    shards: scanFigure(/(\d+) shard/),
    maxInFlight: scanFigure(/at most (\d+) in flight/),
    rssBeforeKiB,
    maxRssKiB: process.resourceUsage().maxRSS,
    // User + system CPU of the whole process (zlib's thread pool included): less load-dependent than wall time.
    cpuMs: Math.round((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000),
    heapAfterGcKiB: Math.round(process.memoryUsage().heapUsed / 1024),
    requestsByCommand: s3.requestCounts(),
  })}\n`,
);
