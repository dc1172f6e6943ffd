import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../src/cli/local-s3.js';

/**
 * A real Prometheus (1 s scrape and evaluation) scraping a real Pushgateway, both from Debian's
 * packages, on free loopback ports with a temporary directory; stopped by PID.
 */
export interface PrometheusStack {
  readonly prometheusUrl: string;
  readonly pushgatewayUrl: string;
  /** Writes `<name>` into the rule directory Prometheus reads and reloads it (POST /-/reload). */
  loadRuleFile(name: string, text: string): Promise<void>;
  removeRuleFile(name: string): Promise<void>;
  /** Log output of both servers, for failure messages. */
  logs(): Promise<string>;
  stop(): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
}

export async function startPrometheusStack(): Promise<PrometheusStack> {
  const dir = await mkdtemp(path.join(tmpdir(), 'srg-prom-'));
  const ruleDir = path.join(dir, 'rules');
  await mkdir(ruleDir);
  const [pushPort, promPort] = [await freePort(), await freePort()];
  const pushgatewayUrl = `http://127.0.0.1:${pushPort}`;
  const prometheusUrl = `http://127.0.0.1:${promPort}`;
  await writeFile(
    path.join(dir, 'prometheus.yml'),
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'rule_files:',
      `  - ${path.join(ruleDir, '*.yml')}`,
      'scrape_configs:',
      '  - job_name: pushgateway',
      '    honor_labels: true',
      '    static_configs:',
      `      - targets: ['127.0.0.1:${pushPort}']`,
      '',
    ].join('\n'),
  );
  const children: ChildProcess[] = [];
  const start = (name: string, command: string, args: string[]) => {
    const log = createWriteStream(path.join(dir, `${name}.log`));
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    children.push(child);
    return child;
  };
  const stop = async () => {
    for (const child of children.reverse()) await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const pushgateway = start('pushgateway', 'prometheus-pushgateway', [`--web.listen-address=127.0.0.1:${pushPort}`, '--log.level=warn']);
    const prometheus = start('prometheus', 'prometheus', [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
      '--web.enable-lifecycle',
      '--log.level=warn',
    ]);
    await Promise.all([waitReady(`${pushgatewayUrl}/-/ready`, pushgateway), waitReady(`${prometheusUrl}/-/ready`, prometheus)]);
  } catch (error) {
    await stop();
    throw error;
  }
  const reload = async () => {
    const response = await fetch(`${prometheusUrl}/-/reload`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`Prometheus reload: HTTP ${response.status} ${await response.text()}`);
  };
  return {
    prometheusUrl,
    pushgatewayUrl,
    async loadRuleFile(name, text) {
      await writeFile(path.join(ruleDir, name), text, 'utf8');
      await reload();
    },
    async removeRuleFile(name) {
      await rm(path.join(ruleDir, name), { force: true });
      await reload();
    },
    async logs() {
      const read = (name: string) => readFile(path.join(dir, `${name}.log`), 'utf8').catch(() => '');
      return `pushgateway:\n${await read('pushgateway')}\nprometheus:\n${await read('prometheus')}`;
    },
    stop,
  };
}
