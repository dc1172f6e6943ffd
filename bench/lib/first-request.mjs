// Start-up figures of the action process, timed from spawn() in this process:
// - first S3 request: a loopback HTTP server stands in for S3 and notes when the first request's
//   headers arrive; the process is then stopped (SIGKILL, by its PID), since only its start-up
//   is measured. The clock includes Node's own start-up, bundle loading, the input check, loading
//   the SDK and opening the connection.
// - input error: `node dist/index.js` without inputs, to its exit (it stops on app-env).
// - node -e 0: Node's start-up alone, the floor both are compared with.
// The three are started in turns, so drift in the machine's load hits them alike.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';

/** Starts the stand-in S3; `next()` resolves with the arrival time of the next first request. */
export async function startFirstRequestServer() {
  let waiting;
  const server = createServer((request, response) => {
    const arrived = performance.now();
    request.resume();
    response.writeHead(503, { 'content-type': 'application/xml', connection: 'close' });
    response.end('<Error><Code>SlowDown</Code><Message>bench stand-in</Message></Error>');
    if (waiting) {
      const { resolve } = waiting;
      waiting = undefined;
      resolve({ arrived, method: request.method, url: request.url });
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    next: () => new Promise((resolve) => (waiting = { resolve })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** ms from spawn to the first request at `server`; the child is killed once it arrived. */
export async function timeToFirstRequest(command, args, { env, cwd, server, timeoutMs = 30_000 }) {
  const arrival = server.next();
  const started = performance.now();
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let timer;
  const outcome = await Promise.race([
    arrival.then((request) => ({ request })),
    exited.then((exit) => ({ exit })),
    new Promise((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  await exited;
  if (!outcome.request) {
    throw new Error(`no S3 request arrived (${outcome.timeout ? 'timed out' : `process exited ${outcome.exit.code ?? outcome.exit.signal}`}): ${stderr.trim().split('\n').slice(-12).join(' | ')}`);
  }
  return { ms: outcome.request.arrived - started, request: `${outcome.request.method} ${outcome.request.url}` };
}
