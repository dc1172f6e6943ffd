#!/usr/bin/env node
// Makes the README's pictures of the job summary: docs/images/summary-go.png and
// docs/images/summary-no-go.png. Runs the operator CLI from dist/ twice against a throwaway
// local Ceph RGW (the CLI starts and stops it): once GO, once NO-GO (lifecycle writes 30 days,
// verify expects 7, fail-fast leaves smoke out). Renders each summary with the same GitHub-
// flavoured markdown renderer as the summary structure test, in a GitHub-like page, and
// screenshots its top with headless Chromium (Debian's package).
//
// Usage: npm run build && node scripts/render-summary-screenshots.mjs [--out DIR]
// Needs: the local RGW's Debian packages (scripts/install-deps.sh) and `apt-get install chromium
// fonts-noto-color-emoji` (the status marks are emoji). CHROMIUM=/path overrides the browser.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { renderGfm, summaryPage } from './summary-html.mjs';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const outDir = path.resolve(outIndex > 0 ? (process.argv[outIndex + 1] ?? '') : path.join(root, 'docs/images'));
const chromium = process.env.CHROMIUM ?? 'chromium';
/** About the width of the summary panel of a workflow run on a laptop screen. */
const WIDTH = 1000;
/**
 * The picture shows what a reader sees first: at most this many pixels from the top (the
 * decision, the lines to act on, the gates table and the start of the open failing report).
 */
const MAX_HEIGHT = 1320;
const CLI = path.join(root, 'dist/cli/index.js');

const SHOTS = [
  { name: 'summary-go.png', args: [] },
  { name: 'summary-no-go.png', args: ['--expire-days', '30', '--expect-expire-days', '7', '--fail-fast', 'true'] },
];

/** One CLI run in a fresh workspace; returns the summary it wrote. Exit 1 is NO-GO, not an error. */
async function summaryOf(work, name, args) {
  const workspace = path.join(work, name.replace(/\.png$/, ''));
  await mkdir(workspace);
  const summaryFile = path.join(workspace, 'summary.md');
  const cliArgs = [CLI, '--app-env', 'staging', '--s3-bucket', 'chat-attachments-staging', '--summary-file', summaryFile, ...args];
  try {
    await run(process.execPath, cliArgs, { cwd: workspace, env: { PATH: process.env.PATH, AWS_EC2_METADATA_DISABLED: 'true' }, timeout: 300_000, maxBuffer: 64 << 20 });
  } catch (error) {
    if (error.code !== 1) throw new Error(`the CLI failed (${error.code}): ${error.stderr}`);
  }
  return readFile(summaryFile, 'utf8');
}

function chromiumArgs(...args) {
  // Chromium refuses to run as root without --no-sandbox.
  const sandbox = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
  return [...sandbox, '--headless', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1', ...args];
}

/** The page's full height at WIDTH: the page writes it into its own DOM, which --dump-dom prints. */
async function pageHeight(file) {
  const { stdout } = await run(chromium, chromiumArgs(`--window-size=${WIDTH},800`, '--virtual-time-budget=2000', '--dump-dom', `file://${file}`), { maxBuffer: 64 << 20 });
  const height = Number(/data-height="(\d+)"/.exec(stdout)?.[1]);
  if (!Number.isFinite(height) || height <= 0) throw new Error(`could not measure ${file}`);
  return height;
}

const MEASURE = '<script>addEventListener("load", () => { document.body.dataset.height = String(document.documentElement.scrollHeight); });</script>';

async function main() {
  if (!existsSync(CLI)) throw new Error('dist/cli/index.js is missing: run npm run build first.');
  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(path.join(tmpdir(), 'srg-screenshots-'));
  try {
    for (const shot of SHOTS) {
      const markdown = await summaryOf(work, shot.name, shot.args);
      const html = path.join(work, shot.name.replace(/\.png$/, '.html'));
      await writeFile(html, summaryPage('surreal-release-gates summary', renderGfm(markdown), MEASURE));
      const height = Math.min(await pageHeight(html), MAX_HEIGHT);
      const target = path.join(outDir, shot.name);
      await run(chromium, chromiumArgs(`--window-size=${WIDTH},${height}`, '--virtual-time-budget=2000', `--screenshot=${target}`, `file://${html}`));
      process.stdout.write(`${path.relative(root, target)}: ${WIDTH}x${height}\n`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`render-summary-screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
