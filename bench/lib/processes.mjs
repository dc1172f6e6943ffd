// Child processes of the bench: every one is tracked, so Ctrl-C can stop exactly those by PID.
import { spawn } from 'node:child_process';

const running = new Set();

/**
 * Runs a command to completion, collecting its output. `ms` is the wall time from spawn to exit
 * with its output drained, the way a CI runner waits for a step's process.
 */
export function run(command, args, { env, cwd, input } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    running.add(child);
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    if (input !== undefined) child.stdin.end(input);
    child.on('error', (error) => {
      running.delete(child);
      reject(new Error(`cannot start ${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({
        ms: performance.now() - started,
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** Like run(), but a non-zero exit is an error showing the last lines of output. */
export async function runChecked(command, args, options) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-8).join('\n  ');
    throw new Error(`${[command, ...args].join(' ')} exited ${result.code ?? result.signal}:\n  ${tail}`);
  }
  return result;
}

/** Sends SIGTERM to every child still running (by PID; they are ours). */
export function stopChildren() {
  for (const child of running) {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}
