// npm run bench: wall time of the default gate sequence (bucket, lifecycle, verify, smoke +
// go/no-go, as action.yml declares it) on a steady-state bucket, three ways: the action as a
// runner starts it (a Node process per run), the same runGates() repeated inside one process, and
// bench/awscli-baseline.sh (one AWS CLI call per S3 operation, as the runbook's scripts work).
// Before timing, it counts the HTTP requests of each side by operation (Node's http diagnostics
// channel, aws --debug) and stops unless the baseline sends exactly what the action sends. A
// steady-state run changes no bucket configuration; the smoke gate writes and deletes its own
// test objects on every run. Then start-up, against `node -e 0`: the input-error run (no inputs)
// and the time to the action's first S3 request (bench/lib/first-request.mjs). The machine's
// load average is printed with the figures. Not part of the tests or CI; it asserts no timing.
//
// Env: BENCH_ITERATIONS (default 15); BENCH_GATES (default: the `gates` default of action.yml)
// passes the gates to both sides, e.g. BENCH_GATES=bucket,lifecycle,verify for the comparison
// before the smoke gate joined (the baseline reproduces bucket, lifecycle, verify and smoke);
// S3_ENDPOINT + S3_ACCESS_KEY + S3_SECRET_KEY (+ S3_REGION) to use a running S3 instead of
// starting a local Ceph RGW; BENCH_BUCKET to use a given bucket (default: a new uniquely named
// one). Run it through npm so Node 24 (the `node` dev dependency) runs it; `npm run build` first,
// it measures dist/ as built.
import { createHash } from 'node:crypto';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { copyFile, mkdtemp, mkdir, rm, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { actionEnv, declaredDefaults, readOutputs, resetStepFiles } from './lib/action.mjs';
import { run, runChecked, stopChildren } from './lib/processes.mjs';
import {
  configWriteCount,
  countOperations,
  describeCounts,
  describeDifferences,
  objectWriteCount,
  operationNames,
  parseAwsCliDebug,
  parseRequestLines,
  total,
} from './lib/requests.mjs';
import { startFirstRequestServer, timeToFirstRequest } from './lib/first-request.mjs';
import { startLocalRgw } from './lib/rgw.mjs';
import { ms, summarize } from './lib/stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const BASELINE = path.join(ROOT, 'bench', 'awscli-baseline.sh');
const COUNTER = pathToFileURL(path.join(ROOT, 'bench', 'lib', 'count-requests.mjs')).href;
const NCC = path.join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
// Debian's awscli, named explicitly: another `aws` earlier on PATH may be a different CLI.
const AWS_CLI = '/usr/bin/aws';
// Under npm, PATH starts with node_modules/.bin whose `node` is the Node 24 dev dependency.
const NODE = process.execPath;
const APP_ENV = 'bench';
const WARMUP = 1;
/** Issue targets: the default sequence at most 0.05x the AWS CLI script (aim 0.03), i.e. 20x. */
const TARGET_RATIO = 0.05;
const AIM_RATIO = 0.03;
const TARGET_SPEEDUP = 1 / TARGET_RATIO;
/** Start-up targets: first S3 request and input-error run at most this far above `node -e 0`. */
const TARGET_STARTUP_MS = 120;
/** The gates bench/awscli-baseline.sh can reproduce with the AWS CLI. */
const BASELINE_GATES = ['bucket', 'lifecycle', 'verify', 'smoke'];

const cleanups = [];
let interrupted = false;

function iterations() {
  const raw = process.env.BENCH_ITERATIONS ?? '15';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1000) throw new Error(`BENCH_ITERATIONS must be an integer 1..1000, got '${raw}'`);
  return value;
}

/** BENCH_GATES, or the declared default; only gates the baseline reproduces. */
function benchGates(declaredDefault) {
  const raw = process.env.BENCH_GATES ?? declaredDefault;
  const gates = (raw ?? '').split(',').map((gate) => gate.trim()).filter(Boolean);
  const unsupported = gates.filter((gate) => !BASELINE_GATES.includes(gate));
  if (gates.length === 0 || unsupported.length > 0) {
    throw new Error(`BENCH_GATES must list gates of ${BASELINE_GATES.join(', ')} (the baseline has no AWS CLI version of others), got '${raw ?? ''}'`);
  }
  return gates.join(',');
}

function checkPrerequisites() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) throw new Error(`Node ${process.versions.node} runs the bench; use \`npm run bench\` (Node 24 from the node dev dependency)`);
  if (!existsSync(AWS_CLI)) throw new Error(`${AWS_CLI} (Debian's awscli) is missing: apt-get install awscli`);
  if (!existsSync(path.join(DIST, 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first');
  const built = statSync(path.join(DIST, 'index.js')).mtimeMs;
  const newer = readdirSync(path.join(ROOT, 'src'), { recursive: true })
    .map((file) => path.join(ROOT, 'src', String(file)))
    .filter((file) => file.endsWith('.ts') && statSync(file).mtimeMs > built);
  if (newer.length > 0) note(`warning: ${newer.length} file(s) in src/ are newer than dist/index.js (e.g. ${path.relative(ROOT, newer[0])}); the process figures are for dist/ as built, the in-process ones for src/ as it is now`);
}

function note(line) {
  process.stderr.write(`${line}\n`);
}

/** S3 from S3_ENDPOINT/S3_ACCESS_KEY/S3_SECRET_KEY, or a local RGW started for this run. */
async function s3Server() {
  const { S3_ENDPOINT: endpoint, S3_ACCESS_KEY: accessKey, S3_SECRET_KEY: secretKey } = process.env;
  if (endpoint || accessKey || secretKey) {
    if (!(endpoint && accessKey && secretKey)) throw new Error('set all of S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY, or none (then a local RGW is started)');
    note(`S3: ${endpoint} (from S3_ENDPOINT)`);
    return { endpoint, accessKey, secretKey, external: true };
  }
  note('S3: starting a local Ceph RGW (scripts/rgw-up.sh) ...');
  const started = performance.now();
  const rgw = await startLocalRgw(ROOT, (stop) => cleanups.push(stop));
  note(`S3: local RGW at ${rgw.endpoint}, up in ${(performance.now() - started) / 1000 | 0} s`);
  return { ...rgw, external: false };
}

/** AWS CLI env: credentials by env, no instance metadata lookups, no user config or pager. */
function awsCliEnv(s3, bucket, home, extra = {}) {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    AWS_ACCESS_KEY_ID: s3.accessKey,
    AWS_SECRET_ACCESS_KEY: s3.secretKey,
    AWS_DEFAULT_REGION: process.env.S3_REGION ?? 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'no-aws-credentials'),
    AWS_PAGER: '',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: bucket,
    APP_ENV,
    ...extra,
  };
}

async function main() {
  const count = iterations();
  checkPrerequisites();
  const defaults = declaredDefaults(path.join(ROOT, 'action.yml'));
  const gates = benchGates(defaults.gates);
  const work = await mkdtemp(path.join(tmpdir(), 'srg-bench-'));
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  // A copy of dist/ taken now: a rebuild during the bench must not change what is measured. The
  // chunks ncc splits off (lazily imported modules) sit beside index.js and are copied too.
  const actionDir = path.join(work, 'action');
  await mkdir(actionDir);
  const distFiles = readdirSync(DIST, { withFileTypes: true })
    .filter((entry) => entry.isFile() && (entry.name.endsWith('.js') || entry.name === 'package.json'))
    .map((entry) => entry.name)
    .sort();
  const distHash = createHash('sha256');
  let distBytes = 0;
  for (const file of distFiles) {
    await copyFile(path.join(DIST, file), path.join(actionDir, file));
    const content = await readFile(path.join(actionDir, file));
    distHash.update(file).update(content);
    distBytes += content.length;
  }
  const distAction = path.join(actionDir, 'index.js');
  const distDigest = distHash.digest('hex').slice(0, 12);
  const loadBefore = loadavg().map((value) => value.toFixed(1)).join(' ');
  const s3 = await s3Server();
  const bucket = process.env.BENCH_BUCKET ?? `srg-bench-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const awsHome = path.join(work, 'aws-home');
  await mkdir(awsHome);
  if (s3.external && !process.env.BENCH_BUCKET) {
    // Leave nothing behind on someone else's server: the bench made this bucket, it removes it.
    cleanups.push(() => run(AWS_CLI, ['--endpoint-url', s3.endpoint, 's3api', 'delete-bucket', '--bucket', bucket], { env: awsCliEnv(s3, bucket, awsHome) }));
  }

  const inputs = {
    ...defaults,
    gates,
    'app-env': APP_ENV,
    's3-bucket': bucket,
    's3-endpoint': s3.endpoint,
    's3-access-key': s3.accessKey,
    's3-secret-key': s3.secretKey,
    ...(process.env.S3_REGION ? { 's3-region': process.env.S3_REGION } : {}),
  };
  const step = {
    workspace: path.join(work, 'action-workspace'),
    outputFile: path.join(work, 'github-output'),
    summaryFile: path.join(work, 'step-summary.md'),
  };
  await mkdir(step.workspace);

  /** One action run as the runner does it; `counted` preloads the request counter (not timed runs). */
  async function runAction({ counted = false, withInputs = true } = {}) {
    await resetStepFiles(step.outputFile, step.summaryFile);
    const requestLog = path.join(work, 'requests.log');
    await rm(requestLog, { force: true });
    const env = actionEnv({ ...step, inputs: withInputs ? inputs : {}, extra: counted ? { BENCH_REQUEST_LOG: requestLog } : {} });
    const args = counted ? ['--import', COUNTER, distAction] : [distAction];
    const result = await run(NODE, args, { env, cwd: step.workspace });
    const outputs = await readOutputs(step.outputFile);
    const requests = counted && existsSync(requestLog) ? parseRequestLines((await readFile(requestLog, 'utf8')).split('\n')) : [];
    return { ...result, outputs, counts: countOperations(requests, bucket) };
  }
  function expectGo(result, what) {
    if (result.code !== 0 || result.outputs.result !== 'PASS') {
      const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-10).join('\n  ');
      throw new Error(`${what}: exit ${result.code}, result=${result.outputs.result ?? '(none)'}:\n  ${tail}`);
    }
  }

  // Prepare the steady state once: the first run creates the bucket and writes the rule.
  const prepared = await runAction({ counted: true });
  expectGo(prepared, 'preparing run of the action');
  note(`prepared bucket ${bucket}: ${describeCounts(prepared.counts)}`);
  const actionBefore = await runAction({ counted: true });
  expectGo(actionBefore, 'steady-state check of the action');
  if (configWriteCount(actionBefore.counts) > 0) throw new Error(`not steady state: the action still changes the bucket (${describeCounts(actionBefore.counts)})`);

  // Counting run of the baseline: --debug shows every HTTP request, a wrapper counts the aws calls.
  // The baseline reads the same inputs the action gets (gates, prefix, retention, multipart size).
  const baselineEnv = awsCliEnv(s3, bucket, awsHome, {
    GATES: gates,
    CHAT_ATTACHMENT_S3_PREFIX: inputs['chat-attachment-s3-prefix'],
    EXPIRE_DAYS: inputs['expire-days'],
    SMOKE_MULTIPART_THRESHOLD_MIB: inputs['smoke-multipart-threshold-mib'],
    ...(inputs['expect-expire-days'] ? { EXPECT_EXPIRE_DAYS: inputs['expect-expire-days'] } : {}),
  });
  const callLog = path.join(work, 'aws-calls.log');
  const countingCli = path.join(work, 'aws-counting.sh');
  await writeFile(countingCli, `#!/bin/sh\necho "$*" >>'${callLog}'\nexec ${AWS_CLI} "$@"\n`, { mode: 0o755 });
  const baselineCounted = await runChecked('bash', [BASELINE], { env: { ...baselineEnv, AWS_CLI: countingCli, AWS_CLI_DEBUG: '1' } });
  const baselineCounts = countOperations(parseAwsCliDebug(baselineCounted.stderr), bucket);
  const awsInvocations = (await readFile(callLog, 'utf8')).split('\n').filter(Boolean).length;
  // Timing two different pieces of work would compare nothing: the same requests, or no figures.
  const baselineDiffers = describeDifferences(actionBefore.counts, baselineCounts, ['action', 'baseline']);
  if (baselineDiffers) {
    throw new Error(`the baseline does not send the requests the action sends (gates ${gates}): ${baselineDiffers}. Update bench/awscli-baseline.sh to do what the gates now do.`);
  }
  note(`requests per run, action = baseline (${total(baselineCounts)}): ${describeCounts(baselineCounts)}`);

  // Timed runs, the action and the baseline taking turns so drift on a shared machine hits both.
  note(`timing ${count} runs (+${WARMUP} warm-up) of the action process and of the AWS CLI baseline ...`);
  const processTimes = [];
  const baselineTimes = [];
  for (let index = 0; index < WARMUP + count; index += 1) {
    const action = await runAction();
    expectGo(action, `action run ${index + 1}`);
    const baseline = await runChecked('bash', [BASELINE], { env: baselineEnv });
    if (index >= WARMUP) {
      processTimes.push(action.ms);
      baselineTimes.push(baseline.ms);
    }
  }

  note(`timing ${count} runs (+${WARMUP} warm-up) in one process (bench/inprocess.ts bundled with ncc) ...`);
  const inProcess = await runInProcess(work, inputs, count, bucket);

  note('timing start-up, in turns: node -e 0, the input-error run, the time to the first S3 request, aws --version ...');
  // The first request goes to a loopback stand-in for S3 that notes its arrival (bench/lib/first-request.mjs).
  const standIn = await startFirstRequestServer();
  cleanups.push(() => standIn.close());
  const firstRequestEnv = actionEnv({ ...step, inputs: { ...inputs, 's3-endpoint': standIn.endpoint } });
  let firstRequestSeen = '';
  const references = [
    ['node -e 0', () => run(NODE, ['-e', '0'], { env: { PATH: process.env.PATH ?? '' } })],
    ['input-error run: node dist/index.js, no inputs', () => runAction({ withInputs: false })],
    [
      'time to the first S3 request (spawn to its arrival)',
      async () => {
        const first = await timeToFirstRequest(NODE, [distAction], { env: firstRequestEnv, cwd: step.workspace, server: standIn });
        firstRequestSeen = first.request;
        return first;
      },
    ],
    ['/usr/bin/aws --version', () => run(AWS_CLI, ['--version'], { env: baselineEnv })],
  ];
  const referenceSamples = references.map(() => []);
  for (let index = 0; index < WARMUP + count; index += 1) {
    for (const [position, [, start]] of references.entries()) {
      const result = await start();
      if (index >= WARMUP) referenceSamples[position].push(result.ms);
    }
  }
  const referenceTimes = references.map(([label], position) => [label, summarize(referenceSamples[position])]);
  note(`first S3 request of the action: ${firstRequestSeen}`);

  const actionAfter = await runAction({ counted: true });
  expectGo(actionAfter, 'steady-state check after timing');

  printReport({
    count,
    gates,
    dist: `dist/*.js sha256 ${distDigest} (${distFiles.filter((file) => file.endsWith('.js')).length} files, ${(distBytes / 1024) | 0} KiB)`,
    load: `load average (1, 5, 15 min) ${loadBefore} at start, ${loadavg().map((value) => value.toFixed(1)).join(' ')} at end, ${availableParallelism()} CPUs`,
    bucket,
    endpoint: s3.endpoint,
    process: { stats: summarize(processTimes), counts: actionBefore.counts, countsAfter: actionAfter.counts },
    inProcess,
    baseline: { stats: summarize(baselineTimes), counts: baselineCounts, invocations: awsInvocations },
    referenceTimes,
    samples: { process: processTimes, inProcess: inProcess.samples, baseline: baselineTimes },
  });
}

/** Bundles bench/inprocess.ts with ncc into the temp dir and runs it once for all iterations. */
async function runInProcess(work, inputs, count, bucket) {
  const outDir = path.join(work, 'inprocess-bundle');
  await runChecked(NODE, [NCC, 'build', path.join(ROOT, 'bench', 'inprocess.ts'), '-o', outDir, '--quiet'], { cwd: ROOT });
  const workspace = path.join(work, 'inprocess-workspace');
  await mkdir(workspace);
  const settings = { inputs, workspace, iterations: count, warmup: WARMUP };
  const result = await runChecked(NODE, [path.join(outDir, 'index.js')], {
    env: { PATH: process.env.PATH ?? '', HOME: workspace, BENCH_INPROCESS: JSON.stringify(settings) },
    cwd: workspace,
  });
  const lines = result.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
  const bad = lines.find((line) => line.result !== 'PASS');
  if (bad) throw new Error(`in-process run ended ${bad.result}: ${bad.failures.join(' | ')}`);
  const timed = lines.filter((line) => !line.warmup);
  const perRun = timed.map((line) => countOperations(parseRequestLines(line.requests), bucket));
  const shapes = new Set(perRun.map((counts) => describeCounts(counts)));
  if (shapes.size !== 1) throw new Error(`in-process runs sent different requests: ${[...shapes].join(' / ')}`);
  if (configWriteCount(perRun[0]) > 0) throw new Error(`in-process runs change the bucket: ${describeCounts(perRun[0])}`);
  const firstRunMs = lines.find((line) => line.warmup)?.ms;
  return { stats: summarize(timed.map((line) => line.ms)), counts: perRun[0], samples: timed.map((line) => line.ms), firstRunMs };
}

function printReport(report) {
  const { process: proc, inProcess, baseline } = report;
  const rows = [
    ['variant', 'median ms', 'p90 ms', 'min ms', 'S3 requests'],
    ['action: node dist/index.js per run', ms(proc.stats.median), ms(proc.stats.p90), ms(proc.stats.min), String(total(proc.counts))],
    ['action: runGates() in one process', ms(inProcess.stats.median), ms(inProcess.stats.p90), ms(inProcess.stats.min), String(total(inProcess.counts))],
    ['baseline: awscli-baseline.sh', ms(baseline.stats.median), ms(baseline.stats.p90), ms(baseline.stats.min), String(total(baseline.counts))],
  ];
  const out = [];
  out.push('');
  out.push(`Release gates bench: gates ${report.gates} + go-no-go, steady state`);
  out.push(`S3 ${report.endpoint}, bucket ${report.bucket}; ${report.count} timed runs each after ${WARMUP} warm-up; Node ${process.versions.node}`);
  out.push(`${report.dist}; ${report.load}`);
  out.push('');
  out.push(...table(rows));
  out.push('');
  out.push("S3 requests per run by operation (HTTP requests as each client sent them: Node's http diagnostics channel, aws --debug):");
  const operations = operationNames(proc.counts, proc.countsAfter, inProcess.counts, baseline.counts);
  const cell = (counts, name) => String(counts[name] ?? 0);
  out.push(...table([
    ['operation', 'process', 'in-process', 'baseline'],
    ...operations.map((name) => [name, cell(proc.counts, name), cell(inProcess.counts, name), cell(baseline.counts, name)]),
    ['total', String(total(proc.counts)), String(total(inProcess.counts)), String(total(baseline.counts))],
  ]).map((line) => `  ${line}`));
  const differences = [
    ['process after timing', describeDifferences(proc.counts, proc.countsAfter, ['before', 'after'])],
    ['in-process', describeDifferences(proc.counts, inProcess.counts, ['process', 'in-process'])],
    ['baseline', describeDifferences(proc.counts, baseline.counts, ['process', 'baseline'])],
  ].filter(([, difference]) => difference);
  if (differences.length === 0) {
    out.push('  the same on all sides (process: counted runs before and after the timed ones; in-process: every run; baseline: one counted run)');
  } else {
    for (const [label, difference] of differences) out.push(`  DIFFERS, ${label}: ${difference}`);
    process.exitCode = 1;
  }
  out.push(`  bucket configuration writes ${configWriteCount(proc.counts)}; object writes and deletes (smoke test objects) ${objectWriteCount(proc.counts)}; baseline: ${baseline.invocations} aws invocations`);
  out.push('');
  const processRatio = baseline.stats.median / proc.stats.median;
  const inProcessRatio = baseline.stats.median / inProcess.stats.median;
  out.push(`Default sequence against the AWS CLI script (action median / baseline median), target at most ${TARGET_RATIO}x (aim ${AIM_RATIO}x), i.e. a speed-up of ${TARGET_SPEEDUP}x:`);
  out.push(`  process:    ${(1 / processRatio).toFixed(3)}x = ${processRatio.toFixed(1)}x faster (${1 / processRatio <= TARGET_RATIO ? 'meets' : 'misses'} the target)`);
  out.push(`  in-process: ${(1 / inProcessRatio).toFixed(3)}x = ${inProcessRatio.toFixed(1)}x faster (${1 / inProcessRatio <= TARGET_RATIO ? 'meets' : 'misses'} the target)`);
  out.push('');
  out.push(`Start-up, the four commands started in turns (${report.count} runs each after ${WARMUP} warm-up):`);
  const [nodeStart, noInputs, firstRequest] = report.referenceTimes.map(([, stats]) => stats.median);
  const overNode = (label, value) => (label === 'node -e 0' || label.startsWith('/usr/bin/aws') ? '' : `+${ms(value - nodeStart)} (${value - nodeStart <= TARGET_STARTUP_MS ? 'meets' : 'misses'} +${TARGET_STARTUP_MS})`);
  out.push(...table([['command', 'median ms', 'p90 ms', 'min ms', 'median - node -e 0'], ...report.referenceTimes.map(([label, stats]) => [label, ms(stats.median), ms(stats.p90), ms(stats.min), overNode(label, stats.median)])]));
  out.push(`  (time to the first S3 request: ${ms(firstRequest)} ms; it includes loading the SDK and opening the connection)`);
  out.push('');
  out.push('Where the process median goes (differences of medians, approximate):');
  out.push(...table([
    ['part', 'ms'],
    ['Node start-up (node -e 0)', ms(nodeStart)],
    ['bundle load + input check (no-input run - node -e 0)', ms(noInputs - nodeStart)],
    ['gates, S3 requests, reports, first-call costs (the rest)', ms(proc.stats.median - noInputs)],
  ]).map((line) => `  ${line}`));
  if (inProcess.firstRunMs !== undefined) out.push(`  (first runGates() in a fresh process, the in-process warm-up: ${ms(inProcess.firstRunMs)} ms)`);
  out.push('');
  out.push('Samples (ms, run order):');
  for (const [label, samples] of Object.entries(report.samples)) out.push(`  ${label.padEnd(10)} ${samples.map((value) => ms(value)).join(' ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(rows[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)];
}

async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      note(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    note(`\n${signal}: stopping the bench's processes and the local RGW ...`);
    stopChildren();
    cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

try {
  await main();
} catch (error) {
  if (!interrupted) {
    note(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
} finally {
  if (!interrupted) await cleanUp();
}
