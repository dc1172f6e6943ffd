// The action started the way a GitHub runner starts it: `node dist/index.js` with INPUT_* env names
// that keep the hyphens, every declared default filled in, and GITHUB_OUTPUT/GITHUB_STEP_SUMMARY
// files; the environment is an object given to spawn, nothing is exported.
import { readFileSync } from 'node:fs';
import { writeFile, readFile } from 'node:fs/promises';
import * as path from 'node:path';

/** The defaults action.yml declares, by input name (the runner passes them as INPUT_*). */
export function declaredDefaults(actionYml) {
  const defaults = {};
  let inInputs = false;
  let current;
  for (const line of readFileSync(actionYml, 'utf8').split('\n')) {
    if (/^\S/.test(line)) inInputs = line.startsWith('inputs:');
    if (!inInputs) continue;
    const name = /^ {2}([a-z0-9-]+):\s*$/.exec(line);
    if (name) current = name[1];
    const fallback = /^ {4}default:\s*(.*)$/.exec(line);
    if (fallback && current) defaults[current] = fallback[1].trim().replace(/^'(.*)'$/s, '$1').replace(/^"(.*)"$/s, '$1');
  }
  return defaults;
}

/** The env of one action step: runner variables, then INPUT_<NAME> for each input. */
export function actionEnv({ workspace, outputFile, summaryFile, inputs, extra = {} }) {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? workspace,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: path.dirname(outputFile),
    ...extra,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** Fresh, empty output and summary files, as the runner creates for each step. */
export async function resetStepFiles(outputFile, summaryFile) {
  await writeFile(outputFile, '', 'utf8');
  await writeFile(summaryFile, '', 'utf8');
}

/** Outputs set through GITHUB_OUTPUT's `name<<delimiter` blocks. */
export async function readOutputs(outputFile) {
  const outputs = {};
  const lines = (await readFile(outputFile, 'utf8')).split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[index]);
    if (!heredoc) continue;
    const end = lines.indexOf(heredoc[2], index + 1);
    if (end === -1) break;
    outputs[heredoc[1]] = lines.slice(index + 1, end).join('\n');
    index = end;
  }
  return outputs;
}
