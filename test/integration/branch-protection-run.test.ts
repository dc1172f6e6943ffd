import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { CHECK, repository, rulesetRequiring, TOKEN } from '../support/branch-protection.js';
import { ACTIONS, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { recordingHost } from '../support/host.js';

const REPORT = 'branch-protection-surreal-release-gates-latest.md';

/** Stands in for S3: records every request, so a test can prove none was made. */
async function recordingS3(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let fake: FakeGitHub | undefined;
let s3: Awaited<ReturnType<typeof recordingS3>> | undefined;
afterEach(async () => {
  expect(fake?.violations ?? []).toEqual([]);
  await fake?.close();
  await s3?.close();
  fake = undefined;
  s3 = undefined;
});

async function run(state: ReturnType<typeof repository>) {
  fake = await startFakeGitHub(state, { value: TOKEN, admin: false });
  s3 = await recordingS3();
  const workspace = await mkdtemp(path.join(tmpdir(), 'srg-bp-'));
  const host = recordingHost(
    {
      'app-env': 'ci',
      's3-bucket': 'chat-attachments-ci',
      's3-endpoint': s3.url,
      's3-access-key': 'unused',
      's3-secret-key': 'unused-secret-key',
      gates: 'branch-protection',
      'github-token': TOKEN,
    },
    workspace,
    () => new Date(),
    // As on a runner: the repository and the API URL come from the environment.
    { GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: 'octo-org/chat-service' },
  );
  const result = await runGates(host);
  const reportsDir = path.join(workspace, 'docs/research');
  const files = Object.fromEntries(
    await Promise.all((await readdir(reportsDir)).map(async (name) => [name, await readFile(path.join(reportsDir, name), 'utf8')] as const)),
  );
  return { host, result, files, s3Requests: s3.requests };
}

describe('runGates with gates: branch-protection only', () => {
  it('PASS end to end: outputs, the report with its evidence, the token masked and nowhere, no S3 request', async () => {
    const { host, result, files, s3Requests } = await run(repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] }));
    expect(host.failures).toEqual([]);
    expect(result?.result).toBe('PASS');
    expect(result?.gates.map((gate) => [gate.id, gate.status, gate.mode])).toEqual([
      ['branch-protection', 'PASS', 'check'],
      ['go-no-go', 'PASS', undefined],
    ]);
    expect(host.outputs).toMatchObject({ result: 'PASS', 'failed-gates': '' });
    expect(s3Requests).toEqual([]);

    const report = files[REPORT] ?? '';
    expect(report).toMatch(/^Result: PASS$/m);
    expect(report).toMatch(/^Mode: check$/m);
    // Which rule, which source, which check run (markdown-escaped in the report).
    expect(report).toContain("ruleset #42 'Protect main' (Repository octo-org/chat-service, enforcement active)");
    expect(report).toMatch(/check run #\d+ 'CI \/ surreal-release-gates' by github-actions \(15368\), completed\/success/);
    expect(report).toContain('15368 (GitHub Actions)');
    expect(Object.keys(files).sort()).toEqual([REPORT, 'release-gates-surreal-latest.json', 'release-gates-surreal-latest.md'].sort());
    const json = JSON.parse(files['release-gates-surreal-latest.json'] ?? '{}') as { gates: { id: string; mode: string | null; report: string | null }[] };
    expect(json.gates[0]).toMatchObject({ id: 'branch-protection', mode: 'check', report: REPORT });

    expect(host.masked).toContain(TOKEN);
    for (const text of [...Object.values(files), host.summary, ...host.logs, ...host.failures, ...Object.values(host.outputs)]) {
      expect(text).not.toContain(TOKEN);
    }
    // The API calls carried the token; it went nowhere else.
    expect(fake?.calls.length).toBeGreaterThan(0);
  });

  it('FAIL end to end: failed-gates names the gate and the step fails once', async () => {
    const { host, result, files, s3Requests } = await run(repository());
    expect(result?.result).toBe('FAIL');
    expect(host.outputs['failed-gates']).toBe('branch-protection');
    expect(host.failures).toHaveLength(1);
    // The step's error annotation is titled with the gate that blocked.
    expect(host.failureTitles).toEqual(['surreal-release-gates: branch-protection']);
    expect(files[REPORT]).toMatch(/^Result: FAIL$/m);
    expect(s3Requests).toEqual([]);
  });
});
