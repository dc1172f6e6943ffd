import * as core from '@actions/core';
import type { Host } from './host.js';
import { runGates, type RunResult } from './run.js';
import { inertLogger } from './util/logger.js';

/** The Actions runner as a Host: the one place that talks to @actions/core. */
export function actionHost(env: NodeJS.ProcessEnv = process.env): Host {
  return {
    readInput: (input) => core.getInput(input.name),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    // core.info prints raw; server text in a message must not become a workflow command.
    log: inertLogger({
      debug: (message) => core.debug(message),
      info: (message) => core.info(message),
      warning: (message) => core.warning(message),
      error: (message) => core.error(message),
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
    setFailed: (message) => core.setFailed(message),
    now: () => new Date(),
  };
}

export async function run(): Promise<RunResult | undefined> {
  return runGates(actionHost());
}
