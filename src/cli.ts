import { writeFile } from 'node:fs/promises';
import { parseCliArgs, usage, CliUsageError } from './cli/args.js';
import { startLocalS3, type LocalS3 } from './cli/local-s3.js';
import type { Host } from './host.js';
import { runGates } from './run.js';
import { cancelOnSignals } from './signals.js';
import { Cancellation } from './util/cancellation.js';
import { inertLine, inertLines, redactor } from './util/logger.js';

/**
 * The operator's local preflight: the same run() as the action, with inputs from flags and the
 * runbook's variables, output on the terminal. Exit code 0 only when go/no-go is GO.
 */
async function main(argv: readonly string[]): Promise<void> {
  const args = parseCliArgs(argv);
  if (args.help) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  // Ctrl-C cancels like the runner does: cleanup and reports, then exit 130 (twice: at once).
  const cancellation = new Cancellation();
  const stopHandling = cancelOnSignals(cancellation, (message) => process.stderr.write(`warning: ${message}\n`));
  const values = new Map(args.inputs);
  const given = (name: string, env: string) => values.get(name) ?? process.env[env];

  let local: LocalS3 | undefined;
  if (!args.aws && !given('s3-endpoint', 'S3_ENDPOINT')) {
    process.stderr.write('No s3-endpoint given: starting a local Ceph RGW (use --aws for AWS S3).\n');
    local = await startLocalS3({ onLog: (line) => process.stderr.write(`  ${inertLine(line)}\n`) });
    values.set('s3-endpoint', local.endpoint);
    values.set('s3-access-key', local.accessKey);
    values.set('s3-secret-key', local.secretKey);
    if (!given('app-env', 'APP_ENV')) values.set('app-env', 'local');
    if (!given('s3-bucket', 'S3_BUCKET')) values.set('s3-bucket', 'chat-attachments-local');
  }

  const secrets: string[] = [];
  const redact = () => redactor(secrets);
  // Every line goes through inertLine: run in a workflow, server text must not become a command.
  const print = (stream: NodeJS.WriteStream, prefix: string) => (message: string) => stream.write(`${prefix}${inertLine(redact()(message))}\n`);
  const host: Host = {
    readInput: (input) => values.get(input.name) ?? process.env[input.env],
    workspace: process.cwd(),
    log: {
      debug: process.env.RUNNER_DEBUG === '1' ? print(process.stderr, 'debug: ') : () => undefined,
      info: print(process.stderr, ''),
      warning: print(process.stderr, 'warning: '),
      error: print(process.stderr, 'error: '),
      group: async (name, body) => {
        process.stderr.write(`== ${inertLine(redact()(name))}\n`);
        return body();
      },
    },
    maskSecret: (value) => secrets.push(value),
    setOutput: (name, value) => process.stderr.write(`output ${name}=${inertLine(redact()(value))}\n`),
    writeSummary: async (markdown) => {
      if (args.summaryFile) await writeFile(args.summaryFile, markdown, 'utf8');
      // The summary's lines keep their breaks; a line that could start a command is neutralised.
      process.stdout.write(inertLines(markdown));
    },
    setFailed: (message) => {
      process.stderr.write(`error: ${inertLine(redact()(message))}\n`);
      process.exitCode = 1;
    },
    now: () => new Date(),
    cancellation,
  };
  try {
    await runGates(host);
  } finally {
    stopHandling();
    // Ctrl-C must not leave the throwaway cluster running: a cancelled run ends here too.
    await local?.stop();
    if (cancellation.exitCode !== undefined) process.exitCode = cancellation.exitCode;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof CliUsageError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${inertLine(message)}\n`);
  process.exitCode = error instanceof CliUsageError ? 2 : 1;
});
