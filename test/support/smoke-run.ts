import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, ListObjectVersionsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { runGates, type RunResult } from '../../src/run.js';
import { recordingHost, type RecordingHost } from './host.js';
import type { GateResult } from '../../src/verdict.js';

export interface GateRun {
  readonly host: RecordingHost;
  readonly result: RunResult | undefined;
  readonly workspace: string;
  readonly elapsedMs: number;
  gate(id: string): GateResult;
  report(name: string): Promise<string>;
  resultsJson(): Promise<ResultsJson>;
  /** Report files, summary, logs, outputs and failures in one text (for "never printed" checks). */
  everything(): Promise<string>;
}

export interface ResultsJson {
  gates: { id: string; status: string; mode: string | null; details?: SmokeDetailsJson }[];
}

export interface SmokeDetailsJson {
  runId: string;
  runPrefix: string;
  objects: { name: string; key: string; upload: string; parts: number }[];
  operations: { operation: string; key: string; result: string; ok: boolean; ms: number; atMs: number }[];
  totals: { operations: number; failed: number; sumMs: number; wallMs: number; byOperation: { operation: string; count: number }[] };
  api: null | {
    attachmentId: string | null;
    objectKey: string | null;
    inBucket: boolean | null;
    downloadMatches: boolean | null;
    bucketMatches: boolean | null;
  };
}

/** runGates() with a recording host in a fresh workspace. */
export async function runWith(inputs: Record<string, string>): Promise<GateRun> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'srg-ws-'));
  const host = recordingHost(inputs, workspace);
  const started = performance.now();
  const result = await runGates(host);
  const elapsedMs = performance.now() - started;
  const reportsDir = path.join(workspace, 'docs/research');
  const report = (name: string) => readFile(path.join(reportsDir, name), 'utf8');
  return {
    host,
    result,
    workspace,
    elapsedMs,
    gate: (id) => {
      const found = result?.gates.find((gate) => gate.id === id);
      if (!found) throw new Error(`gate ${id} did not run`);
      return found;
    },
    report,
    resultsJson: async () => JSON.parse(await report('release-gates-surreal-latest.json')) as ResultsJson,
    everything: async () => {
      const files = await Promise.all((result?.reportFiles ?? []).map((file) => readFile(file, 'utf8')));
      return [...files, host.summary, ...host.logs, ...host.failures, JSON.stringify(host.outputs)].join('\n');
    },
  };
}

export async function createBucketWith(client: S3Client, bucket: string, objects: Record<string, string>): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const [key, body] of Object.entries(objects)) await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

/** Every current key with its ETag and time, sorted: equal snapshots mean nothing was touched. */
export async function snapshot(client: S3Client, bucket: string, prefix = ''): Promise<string[]> {
  const entries: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
    for (const entry of page.Contents ?? []) entries.push(`${entry.Key} ${entry.ETag} ${entry.Size} ${entry.LastModified?.toISOString()}`);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return entries.sort();
}

/** Every version and delete marker, sorted. */
export async function versionSnapshot(client: S3Client, bucket: string, prefix = ''): Promise<string[]> {
  const page = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix }));
  return [
    ...(page.Versions ?? []).map((version) => `version ${version.Key} ${version.VersionId} ${version.ETag}`),
    ...(page.DeleteMarkers ?? []).map((marker) => `marker ${marker.Key} ${marker.VersionId}`),
  ].sort();
}
