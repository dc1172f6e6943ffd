import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { s3Request, startHangingProxy, type HangingProxy } from '../support/hanging-proxy.js';
import { actionInputEnv, parseGithubOutput } from '../support/github-files.js';
import { rawClient, testS3, uniqueBucket } from '../support/s3.js';
import { runWith, snapshot } from '../support/smoke-run.js';
import { readReport, REPORTS, tempDir } from '../support/workspace.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SMOKE = 'chat-attachments/ci/_smoke/';
const SMOKE_REPORT = 'chat-attachment-s3-smoke-latest.md';
const s3 = rawClient();
afterAll(() => s3.destroy());

interface Cancelled {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly workspace: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

/**
 * Starts `node dist/index.js` as the runner does, against S3 behind `proxy`, with the first
 * UploadPart held (so the signal lands mid-smoke, with objects written and an upload open), and
 * sends `signals` once the smoke gate is that far. `between` runs after the first signal.
 */
async function cancelMidSmoke(bucket: string, proxy: HangingProxy, signals: readonly NodeJS.Signals[], between?: () => Promise<void>): Promise<Cancelled> {
  const dir = await tempDir('signals');
  const workspace = path.join(dir, 'workspace');
  const outputFile = path.join(dir, 'github_output');
  const summaryFile = path.join(dir, 'step_summary');
  await Promise.all([writeFile(outputFile, ''), writeFile(summaryFile, ''), mkdir(workspace)]);
  const server = testS3();
  const env = {
    ...actionInputEnv({
      'app-env': 'ci',
      's3-bucket': bucket,
      's3-endpoint': proxy.endpoint,
      's3-access-key': server.accessKey,
      's3-secret-key': server.secretKey,
      's3-timeout-seconds': '2',
      // verify after smoke: a gate the cancellation must not start.
      gates: 'bucket,lifecycle,smoke,verify',
    }),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: workspace,
    AWS_EC2_METADATA_DISABLED: 'true',
    PATH: process.env.PATH ?? '',
  };
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/index.js')], { env, cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  // A safety net for a child that never ends (the runner would kill it at 10 s).
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  try {
    await Promise.race([proxy.waitFor(s3Request.isUploadPart), ended]);
    const [first, ...later] = signals;
    if (first) child.kill(first);
    await between?.();
    for (const signal of later) child.kill(signal);
    const { code, signal } = await ended;
    return { code, signal, stdout, workspace, outputs: parseGithubOutput(await readFile(outputFile, 'utf8')), summary: await readFile(summaryFile, 'utf8') };
  } finally {
    clearTimeout(killer);
  }
}

/** A bucket with the managed rule, and a proxy that holds the smoke gate's first UploadPart. */
async function prepared(label: string): Promise<{ bucket: string; proxy: HangingProxy }> {
  const bucket = uniqueBucket(label);
  expect((await runWith({ ...inputsFor(bucket), gates: 'bucket,lifecycle' })).result?.result).toBe('PASS');
  let held = 0;
  const proxy = await startHangingProxy(testS3().endpoint, {}, (request) => s3Request.isUploadPart(request) && (held += 1) === 1);
  return { bucket, proxy };
}

function inputsFor(bucket: string): Record<string, string> {
  const server = testS3();
  return { 'app-env': 'ci', 's3-bucket': bucket, 's3-endpoint': server.endpoint, 's3-access-key': server.accessKey, 's3-secret-key': server.secretKey };
}

async function leftUnderSmoke(bucket: string): Promise<{ objects: string[]; uploads: string[] }> {
  const uploads = (await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: SMOKE }))).Uploads ?? [];
  return { objects: await snapshot(s3, bucket, SMOKE), uploads: uploads.map((upload) => `${upload.Key} ${upload.UploadId}`) };
}

describe('node dist/index.js cancelled by the runner mid-smoke', () => {
  it.each([
    { signal: 'SIGINT' as const, code: 130 },
    { signal: 'SIGTERM' as const, code: 143 },
  ])('$signal: aborts the request in flight, cleans up, writes the reports and exits $code; nothing is left', async ({ signal, code }) => {
    const { bucket, proxy } = await prepared(`cancel-${signal.toLowerCase()}`);
    try {
      const run = await cancelMidSmoke(bucket, proxy, [signal]);

      expect(run.signal).toBeNull();
      expect(run.code, run.stdout).toBe(code);
      expect(await leftUnderSmoke(bucket)).toEqual({ objects: [], uploads: [] });
      expect(run.stdout).toContain(`::warning::${signal} received: cancelling.`);
      expect(run.outputs.result).toBe('FAIL');
      expect(run.outputs['failed-gates']).toBe('smoke,verify');

      const smoke = await readReport(run.workspace, SMOKE_REPORT);
      expect(smoke).toMatch(/^# Chat attachment S3 smoke\n\nResult: ERROR\n/);
      expect(smoke).toContain(`Cancelled (${signal}) while the gate ran: its requests in flight were aborted and it stopped.`);
      expect(smoke).toMatch(/UploadPart [12] of payload-large\.bin: S3 UploadPart on bucket '.*' at .* was stopped: the run was cancelled/);
      expect(smoke).toMatch(/\| AbortMultipartUpload cleanup \| payload-large\.bin \| ok \|/);
      expect(smoke).toContain('Cleanup: nothing of this run is left under');
      expect(await readReport(run.workspace, REPORTS.verify)).toMatch(/^# .*\n\nResult: NOT RUN\n/);
      const goNoGo = await readReport(run.workspace, REPORTS.goNoGo);
      expect(goNoGo).toContain('Result: FAIL');
      expect(goNoGo).toContain(`The run was cancelled (${signal}).`);
      expect(run.summary.startsWith('# Release gates (surreal): ❌\u00a0NO-GO\n')).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('writes the reports even when cleanup hangs, naming what may be left; a SIGTERM after the SIGINT only shortens the wait', async () => {
    const { bucket, proxy } = await prepared('cancel-hung');
    try {
      const run = await cancelMidSmoke(bucket, proxy, ['SIGINT', 'SIGTERM'], async () => {
        proxy.hang(() => true);
        await proxy.waitFor(s3Request.isListUploads);
      });

      expect(run.code, run.stdout).toBe(130);
      expect(run.stdout).toContain('::warning::SIGTERM received while cancelling: at most 2 s more.');
      const smoke = await readReport(run.workspace, SMOKE_REPORT);
      expect(smoke).toMatch(/^# Chat attachment S3 smoke\n\nResult: ERROR\n/);
      expect(smoke).toMatch(
        /\| FAIL \| Cleanup could not confirm that nothing is left under chat-attachments\/ci\/\\_smoke\/\d{8}T\d{6}Z-[0-9a-f]{8}\/: S3 ListObjectsV2 on bucket '.*' at .* was stopped: the time left after SIGINT ran out\. Known to be open: upload .* of payload-large\.bin\./,
      );
      expect(await readReport(run.workspace, REPORTS.goNoGo)).toContain('Result: FAIL');
      expect(run.outputs.result).toBe('FAIL');
    } finally {
      await proxy.close();
    }
  });

  it('exits 130 at once on a second SIGINT, without waiting for cleanup', async () => {
    const { bucket, proxy } = await prepared('cancel-twice');
    try {
      const run = await cancelMidSmoke(bucket, proxy, ['SIGINT', 'SIGINT'], async () => {
        // Every request from now on hangs: cleanup waits on the server when the second SIGINT comes.
        proxy.hang(() => true);
        await proxy.waitFor(s3Request.isListUploads);
      });

      expect(run.signal).toBeNull();
      expect(run.code).toBe(130);
      expect(run.stdout).toContain('::warning::Second SIGINT: exiting at once, without cleanup or reports.');
      // The documented cost: no reports, and the run's objects stay for the next run's sweep.
      await expect(readReport(run.workspace, SMOKE_REPORT)).rejects.toThrow();
      expect((await leftUnderSmoke(bucket)).objects.length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });
});
