import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../src/cli/local-s3.js';
import { runGates } from '../../src/run.js';
import { recordingHost, type RecordingHost } from '../support/host.js';
import { testInputs, uniqueBucket } from '../support/s3.js';
import { readTree, tempDir } from '../support/workspace.js';

/** Every text the run produced: logs, failures, outputs, summary and every file in the workspace. */
async function everything(host: RecordingHost): Promise<Record<string, string>> {
  return {
    logs: host.logs.join('\n'),
    failures: host.failures.join('\n'),
    outputs: JSON.stringify(host.outputs),
    summary: host.summary,
    ...(await readTree(host.workspace)),
  };
}

function containing(texts: Record<string, string>, secret: string): string[] {
  return Object.entries(texts)
    .filter(([, text]) => text.includes(secret))
    .map(([where]) => where);
}

describe('faults fail closed, name the cause and never leak the secret', () => {
  it('fails fast on a closed port, naming the endpoint', async () => {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const host = recordingHost(
      testInputs({ 's3-bucket': uniqueBucket('closed'), 's3-endpoint': endpoint, 's3-timeout-seconds': '2' }),
      await tempDir('closed'),
    );

    const started = performance.now();
    const result = await runGates(host);
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(5000);
    expect(result?.result).toBe('FAIL');
    expect(host.outputs.result).toBe('FAIL');
    expect(host.failures).toHaveLength(1);
    for (const gate of result?.gates.filter((gate) => gate.id !== 'go-no-go') ?? []) {
      expect(gate.status).toBe('ERROR');
      expect(gate.summary).toContain(endpoint);
    }
    expect(result?.gates[0]?.summary).toContain('unreachable');
    const files = await readTree(host.workspace);
    expect(files['docs/research/release-gates-surreal-latest.md']).toContain(endpoint);
    expect(files['docs/research/chat-attachment-bucket-latest.md']).toContain('Result: ERROR');
  });

  it('times out within s3-timeout-seconds on a server that accepts connections but never answers', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const host = recordingHost(
        testInputs({ 's3-bucket': uniqueBucket('silent'), 's3-endpoint': endpoint, 's3-timeout-seconds': '2' }),
        await tempDir('silent'),
      );
      const started = performance.now();
      const result = await runGates(host);
      const elapsed = performance.now() - started;

      expect(elapsed).toBeLessThan(5000);
      expect(result?.result).toBe('FAIL');
      expect(host.failures).toHaveLength(1);
      expect(result?.gates[0]?.status).toBe('ERROR');
      expect(result?.gates[0]?.summary).toContain(endpoint);
      expect(result?.gates[0]?.summary).toContain('s3-timeout-seconds');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('names the credentials when the secret key is wrong, and never prints the wrong secret', async () => {
    const wrongSecret = `wrongSecret${Math.random().toString(36).slice(2)}XYZ`;
    const host = recordingHost(testInputs({ 's3-bucket': uniqueBucket('wrong-key'), 's3-secret-key': wrongSecret }), await tempDir('wrong-key'));

    const result = await runGates(host);

    expect(result?.result).toBe('FAIL');
    expect(host.failures).toHaveLength(1);
    const gates = result?.gates.filter((gate) => gate.id !== 'go-no-go') ?? [];
    expect(gates.map((gate) => gate.id)).toEqual(['bucket', 'lifecycle', 'verify', 'smoke']);
    for (const gate of gates) {
      expect(['ERROR', 'UNVERIFIABLE']).toContain(gate.status);
      expect(gate.summary).toMatch(/s3-access-key and s3-secret-key/);
    }
    const texts = await everything(host);
    expect(texts['docs/research/release-gates-surreal-latest.md']).toContain('s3-secret-key');
    expect(host.masked).toContain(wrongSecret);
    expect(containing(texts, wrongSecret)).toEqual([]);
  });

  it('never prints the secret key on the success path, and masks it first', async () => {
    const inputs = testInputs({ 's3-bucket': uniqueBucket('secret') });
    const secret = inputs['s3-secret-key'] ?? '';
    expect(secret.length).toBeGreaterThan(8);
    const host = recordingHost(inputs, await tempDir('secret'));

    const result = await runGates(host);

    expect(result?.result).toBe('PASS');
    expect(host.masked).toContain(secret);
    const texts = await everything(host);
    expect(Object.keys(texts)).toContain('docs/research/release-gates-surreal-latest.json');
    expect(containing(texts, secret)).toEqual([]);
  });
});
