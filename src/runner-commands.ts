/**
 * The Actions runner's protocol for the calls main.ts makes: inputs from INPUT_* variables,
 * workflow commands (`::add-mask::`, `::error::`, ...) on stdout, outputs and the job summary in
 * the files the runner names. It writes exactly what @actions/core 3 writes for the same calls
 * (test/unit/runner-commands.test.ts runs both and compares), without what @actions/core loads for
 * OIDC tokens, which this action never requests: @actions/http-client and undici, 0.9 MB of the
 * bundle that every start-up parsed and ran (about 50 ms of CPU, half the start-up of the action).
 */
import { appendFileSync, constants, existsSync } from 'node:fs';
import { access, appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/** The input's value, trimmed; '' when unset. The runner passes `name` as INPUT_<NAME> (hyphens kept). */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Hides the value in every later line of the log. */
export function setSecret(secret: string): void {
  issue('add-mask', secret);
}

export function debug(message: string): void {
  issue('debug', message);
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

export function warning(message: string): void {
  issue('warning', message);
}

export function error(message: string): void {
  issue('error', message);
}

/** Marks the step failed (exit code 1 when the process ends) and logs the message as an error. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Runs `body` inside a collapsible group of the log. */
export async function group<T>(name: string, body: () => Promise<T>): Promise<T> {
  issue('group', name);
  try {
    return await body();
  } finally {
    issue('endgroup');
  }
}

/** Appends `name<<delimiter` ... to GITHUB_OUTPUT; without that file, the old stdout command. */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT ?? '';
  if (file === '') {
    process.stdout.write(EOL);
    issue('set-output', value, { name });
    return;
  }
  // A random delimiter, so no value can end the block early and set another output. (The global
  // Web Crypto loads on first use; importing node:crypto would load it at every start-up.)
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (value.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

/** Appends markdown to the job summary file (GITHUB_STEP_SUMMARY). */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
  }
  await appendFile(file, markdown, { encoding: 'utf8' });
}

/** `::command key=value::message`, escaped so that neither can end the command or start another line. */
function issue(command: string, message = '', properties: Readonly<Record<string, string>> = {}): void {
  const listed = Object.entries(properties)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${command}${listed ? ` ${listed}` : ''}::${escapeData(message)}${EOL}`);
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
