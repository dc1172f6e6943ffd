/**
 * The in-process half of `npm run bench`: runGates() as the action runs it, repeated in ONE Node
 * process, so the figure leaves out Node start-up and bundle loading. run.mjs bundles this file
 * with ncc into a temporary folder and starts it once.
 *
 * Env BENCH_INPROCESS: JSON { inputs, workspace, iterations, warmup }. Prints one JSON line per
 * run: { warmup, ms, result, failures, requests } where requests are the HTTP requests the run
 * sent ("METHOD path [range]", as bench/lib/count-requests.mjs writes them), seen by Node's http
 * diagnostics channel, not by the code under test.
 */
import { subscribe } from 'node:diagnostics_channel';
import { appendFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Host } from '../src/host.js';
import { runGates } from '../src/run.js';

interface BenchSettings {
  readonly inputs: Readonly<Record<string, string>>;
  readonly workspace: string;
  readonly iterations: number;
  readonly warmup: number;
}

interface HttpRequestLike {
  readonly method?: unknown;
  readonly path?: unknown;
  getHeader?(name: string): unknown;
}

function readSettings(): BenchSettings {
  const raw = process.env.BENCH_INPROCESS;
  if (!raw) throw new Error('BENCH_INPROCESS is not set (run this through npm run bench)');
  return JSON.parse(raw) as BenchSettings;
}

let requests: string[] = [];
subscribe('http.client.request.start', (message) => {
  const request = (message as { request?: HttpRequestLike }).request;
  // The Range header tells a ranged GET from a full one; ranges (`bytes=a-b`) hold no space.
  const range = request?.getHeader?.('range');
  requests.push(`${String(request?.method)} ${String(request?.path)}${range ? ` ${String(range).replace(/\s+/g, '')}` : ''}`);
});

/** Like the action's host, minus @actions/core: logs are dropped, the summary is appended to a file. */
function benchHost(settings: BenchSettings, summaryFile: string, failures: string[]): Host {
  const quiet = () => undefined;
  return {
    readInput: (input) => settings.inputs[input.name],
    workspace: settings.workspace,
    log: { debug: quiet, info: quiet, warning: quiet, error: quiet, group: (_name, body) => body() },
    maskSecret: quiet,
    setOutput: quiet,
    writeSummary: (markdown) => appendFile(summaryFile, markdown, 'utf8'),
    setFailed: (message) => failures.push(message),
    now: () => new Date(),
  };
}

async function main(): Promise<void> {
  const settings = readSettings();
  const summaryFile = path.join(settings.workspace, 'step-summary.md');
  for (let run = 0; run < settings.warmup + settings.iterations; run += 1) {
    await writeFile(summaryFile, '', 'utf8');
    const failures: string[] = [];
    const host = benchHost(settings, summaryFile, failures);
    requests = [];
    const started = performance.now();
    const outcome = await runGates(host);
    const ms = performance.now() - started;
    const line = { warmup: run < settings.warmup, ms, result: outcome?.result ?? 'ERROR', failures, requests };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`inprocess bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
