import * as core from '@actions/core';
import type { Host } from './host.js';
import { runGates, type RunResult } from './run.js';
import { cancelOnSignals } from './signals.js';
import { Cancellation } from './util/cancellation.js';
import { inertLogger } from './util/logger.js';

/** The Actions runner as a Host: the one place that talks to @actions/core. */
export function actionHost(env: NodeJS.ProcessEnv = process.env, cancellation?: Cancellation): Host {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  return {
    ...(cancellation ? { cancellation } : {}),
    readInput: (input) => core.getInput(input.name),
    workspace,
    // Reports go where the job owns the files: its workspace or its temporary directory.
    reportRoots: [workspace, ...(env.RUNNER_TEMP ? [env.RUNNER_TEMP] : [])],
    // core.info prints raw; server text in a message must not become a workflow command.
    log: inertLogger({
      debug: (message) => core.debug(message),
      info: (message) => core.info(message),
      // @actions/core escapes the title as a command property and the message as its data.
      warning: (message, title) => core.warning(message, title === undefined ? {} : { title }),
      error: (message, title) => core.error(message, title === undefined ? {} : { title }),
      group: (name, body) => core.group(name, body),
    }),
    maskSecret: (value) => core.setSecret(value),
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) {
        core.info('GITHUB_STEP_SUMMARY is not set: job summary skipped (the reports are in reports-dir).');
        return;
      }
      await core.summary.addRaw(markdown).write({ overwrite: false });
    },
    annotateFailure: ({ title, message }) => core.error(message, { title }),
    // core.setFailed() without its title-less annotation: the same exit code, a titled error.
    setFailed: (message, title) => {
      process.exitCode = core.ExitCode.Failure;
      core.error(message, title === undefined ? {} : { title });
    },
    now: () => new Date(),
  };
}

/** The action's run: a cancelled job (SIGINT, SIGTERM) still cleans up and reports, then exits 130 or 143. */
export async function run(): Promise<RunResult | undefined> {
  const cancellation = new Cancellation();
  const stopHandling = cancelOnSignals(cancellation, (message) => core.warning(message));
  try {
    return await runGates(actionHost(process.env, cancellation));
  } finally {
    stopHandling();
    if (cancellation.exitCode !== undefined) process.exitCode = cancellation.exitCode;
  }
}
