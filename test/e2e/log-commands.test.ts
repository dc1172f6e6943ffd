import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionInputEnv } from '../support/github-files.js';
import { runProcess, type Finished } from '../support/node-process.js';
import { isLifecycleGet, s3Error, startS3Proxy, type S3Proxy } from '../support/s3-proxy.js';
import { rawClient, testS3, uniqueBucket } from '../support/s3.js';
import { createBucketWith } from '../support/server-state.js';
import { tempDir } from '../support/workspace.js';

// Text from servers that would run workflow commands if printed raw: a rule ID that a server
// answers with `%0A` decoded into a newline (the proxy plays that server), and an S3 error message.
const EVIL_RULE_ID = 'evil%0A::error::X';
const EVIL_MESSAGE = 'boom\n::error::Y ##[error]Z';

// The action and the CLI as they ship (dist.test.ts proves dist/ is what the sources build).
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const actionBundle = path.join(DIST, 'index.js');
const cliBundle = path.join(DIST, 'cli/index.js');
let proxy: S3Proxy;
/** Buckets whose GetBucketLifecycleConfiguration the proxy answers with EVIL_MESSAGE. */
const failingBuckets = new Set<string>();
/** Lifecycle answers in which the proxy decoded the rule ID into a real newline. */
let decodedAnswers = 0;

beforeAll(async () => {
  proxy = await startS3Proxy(testS3().endpoint, {
    answer: (request) =>
      isLifecycleGet(request) && failingBuckets.has(request.path.split('/')[1] ?? '') ? s3Error(400, 'InvalidRequest', EVIL_MESSAGE) : undefined,
    rewriteBody: (request) =>
      isLifecycleGet(request)
        ? (body) => {
            if (body.includes(EVIL_RULE_ID)) decodedAnswers += 1;
            return body.split(EVIL_RULE_ID).join('evil&#10;::error::X');
          }
        : undefined,
  });
});

afterAll(async () => {
  await proxy?.close();
});

/** A bucket whose foreign rule decides the env prefix's expiry, shorter than the managed rule: verify FAILs naming it. */
async function bucketWithEvilRule(): Promise<string> {
  const bucket = uniqueBucket('evil-id');
  await createBucketWith(rawClient(), bucket, {
    rules: [
      { ID: EVIL_RULE_ID, Status: 'Enabled', Filter: { Prefix: 'chat-attachments/' }, Expiration: { Days: 3 } },
      { ID: 'surreal-release-gates:chat-attachments/ci', Status: 'Enabled', Filter: { Prefix: 'chat-attachments/ci/' }, Expiration: { Days: 30 } },
    ],
  });
  return bucket;
}

async function bucketWithFailingLifecycle(): Promise<string> {
  const bucket = uniqueBucket('evil-msg');
  await createBucketWith(rawClient(), bucket);
  failingBuckets.add(bucket);
  return bucket;
}

async function runAction(inputs: Record<string, string>): Promise<Finished> {
  const dir = await tempDir('inert-action');
  const workspace = path.join(dir, 'workspace');
  await mkdir(workspace);
  await Promise.all(['github_output', 'step_summary'].map((name) => writeFile(path.join(dir, name), '')));
  const s3 = testS3();
  const env = {
    ...actionInputEnv({ 'app-env': 'ci', 's3-endpoint': proxy.endpoint, 's3-access-key': s3.accessKey, 's3-secret-key': s3.secretKey, ...inputs }),
    GITHUB_OUTPUT: path.join(dir, 'github_output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'step_summary'),
    GITHUB_WORKSPACE: workspace,
    AWS_EC2_METADATA_DISABLED: 'true',
    PATH: process.env.PATH ?? '',
  };
  return runProcess(process.execPath, [actionBundle], { env, cwd: workspace, timeoutMs: 90_000 });
}

async function runCli(flags: Record<string, string>): Promise<Finished> {
  const workspace = await tempDir('inert-cli');
  const s3 = testS3();
  const args = Object.entries({
    'app-env': 'ci',
    's3-endpoint': proxy.endpoint,
    's3-access-key': s3.accessKey,
    's3-secret-key': s3.secretKey,
    ...flags,
  }).flatMap(([name, value]) => [`--${name}`, value]);
  // A clean environment: no S3_* variables of the test run leak into the CLI's inputs.
  const env = { PATH: process.env.PATH ?? '', HOME: workspace, AWS_EC2_METADATA_DISABLED: 'true' };
  return runProcess(process.execPath, [cliBundle, ...args], { env, cwd: workspace, timeoutMs: 90_000 });
}

/** Lines the runner would act on: `::name::` after its leading-space trim, or `##[` anywhere. */
function commandLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/).filter((line) => /^[\s\u0085]*::/.test(line) || line.includes('##['));
}

/** The commands the action issues itself, through @actions/core (which escapes their data and properties). */
const OWN_COMMAND = /^::(add-mask|group|endgroup|debug|notice|warning|error)( [^:]*)?::/;
/** A line where the server's text itself would start a command. */
const INJECTED = /^[\s\u0085]*::error::[XY]/;

const CASES = [
  // verify only reads: the decoded ID is never written back.
  { label: 'a rule ID that decodes to a newline', arrange: bucketWithEvilRule, gates: 'verify', escaped: 'evil%0A::error::X' },
  { label: 'an S3 error message with a newline', arrange: bucketWithFailingLifecycle, gates: 'lifecycle,verify', escaped: 'boom%0A::error::Y ##%5Berror]Z' },
];

describe('text from servers never becomes a workflow command (through a fault proxy)', () => {
  it.each(CASES)(
    'the action: $label',
    async ({ arrange, gates, escaped }) => {
      const bucket = await arrange();
      const decodedBefore = decodedAnswers;
      const run = await runAction({ 's3-bucket': bucket, gates });
      // The newline really came from the server (the proxy) in the rule ID case.
      if (escaped.includes('evil')) expect(decodedAnswers).toBeGreaterThan(decodedBefore);

      expect(run.code, run.stdout + run.stderr).toBe(1);
      // The server text did reach the log, escaped onto one line.
      expect(run.stdout).toContain(escaped);
      expect(commandLines(run.stderr)).toEqual([]);
      // Lines the runner takes for a command are only those @actions/core issues (their data is
      // escaped, and a line that parses as one command is not searched for '##[').
      const commands = commandLines(run.stdout);
      expect(commands.filter((line) => !OWN_COMMAND.test(line))).toEqual([]);
      expect(commands.filter((line) => INJECTED.test(line))).toEqual([]);
      // Outside those (plain lines of core.info), the payload occurs only escaped onto the line that carries it.
      const plain = run.stdout.split(/\r\n|\r|\n/).filter((line) => !OWN_COMMAND.test(line) && /::error::[XY]/.test(line));
      for (const line of plain) expect(line).toMatch(/%0A::error::[XY]/);
    },
    120_000,
  );

  it.each(CASES)(
    'the CLI, stderr and the summary on stdout: $label',
    async ({ arrange, gates, escaped }) => {
      const bucket = await arrange();
      const decodedBefore = decodedAnswers;
      const run = await runCli({ 's3-bucket': bucket, gates });
      if (escaped.includes('evil')) expect(decodedAnswers).toBeGreaterThan(decodedBefore);

      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr, run.stderr).toContain(escaped);
      expect(run.stdout).toMatch(/^# Release gates \(surreal\): .*NO-GO/m);
      expect(commandLines(run.stderr)).toEqual([]);
      expect(commandLines(run.stdout)).toEqual([]);
    },
    120_000,
  );
});
