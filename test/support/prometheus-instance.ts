import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../src/cli/local-s3.js';

/** A throwaway Prometheus (Debian's /usr/bin/prometheus) on loopback, stopped by PID. */
export interface PrometheusInstance {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface PrometheusOptions {
  /** host:port targets scraped as job "chat". */
  readonly targets?: readonly string[];
  readonly scrapeIntervalSeconds?: number;
}

const BINARY = process.env.PROMETHEUS_BIN ?? 'prometheus';

export async function startPrometheus(options: PrometheusOptions = {}): Promise<PrometheusInstance> {
  const dir = await mkdtemp(path.join(tmpdir(), 'srg-prom-'));
  const port = await freePort();
  const interval = `${options.scrapeIntervalSeconds ?? 1}s`;
  const targets = (options.targets ?? []).map((target) => `'${target}'`).join(', ');
  await writeFile(
    path.join(dir, 'prometheus.yml'),
    [
      'global:',
      `  scrape_interval: ${interval}`,
      `  evaluation_interval: ${interval}`,
      'scrape_configs:',
      '  - job_name: chat',
      `    scrape_interval: ${interval}`,
      `    static_configs: [{ targets: [${targets}] }]`,
      '',
    ].join('\n'),
  );
  const child = spawn(
    BINARY,
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString()}`.slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopByPid(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid ?? -1, stop };
}

async function waitUntilReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited ${child.exitCode}: ${stderr()}`);
    try {
      const response = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`prometheus at ${url} not ready within 30 s: ${stderr()}`);
}

/** SIGTERM to this child's PID, SIGKILL after 5 s. */
export async function stopByPid(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
}

/** Polls an instant query until it returns a value satisfying `accept` (e.g. enough scraped history). */
export async function waitForQuery(url: string, query: string, accept: (value: number) => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`, { signal: AbortSignal.timeout(2000) });
      const body = (await response.json()) as { data?: { result?: { value?: [number, string] }[] } };
      const value = Number(body.data?.result?.[0]?.value?.[1]);
      last = String(value);
      if (accept(value)) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`query ${query} never satisfied the condition (last: ${last})`);
}
