import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';

// Bad input stops the run before any client is created, so these runs need no server.
const BASE = { 'app-env': 'ci', 's3-bucket': 'chat-attachments-ci', 's3-endpoint': 'http://127.0.0.1:9' };

async function run(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const host = recordingHost({ ...BASE, ...inputs }, await mkdtemp(path.join(tmpdir(), 'srg-input-')), () => new Date(), env);
  const result = await runGates(host);
  return { host, result };
}

describe('bad input in the job summary and the annotation', () => {
  it('escapes the value as given, so it cannot add markup to the summary', async () => {
    const { host, result } = await run({ 'app-env': '<img src=x onerror=alert(1)> [click](https://example.invalid) `code`' });
    expect(result).toBeUndefined();
    expect(host.summary).toContain('Result: FAIL');
    expect(host.summary).toContain("Invalid input 'app-env'");
    expect(host.summary).not.toMatch(/(^|[^\\])<img/);
    expect(host.summary).not.toContain('[click](');
    expect(host.summary).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(host.summary).toContain('\\[click\\](https://example.invalid) \\`code\\`');
    // The failure itself stays the plain one-line message; its annotation names the input.
    expect(host.failures).toEqual([expect.stringMatching(/^Invalid input 'app-env': got "<img/)]);
    expect(host.failureTitles).toEqual(['surreal-release-gates: input app-env']);
  });

  it('refuses a reports-dir outside the workspace and RUNNER_TEMP when the host confines it', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-confined-'));
    const host = recordingHost({ ...BASE, 'reports-dir': '../elsewhere' }, workspace);
    const confined = { ...host, reportRoots: [workspace] };
    expect(await runGates(confined)).toBeUndefined();
    expect(host.failures).toEqual([
      expect.stringMatching(/^Invalid input 'reports-dir': got "\.\.\/elsewhere"\. Expected a directory inside the workspace or RUNNER_TEMP/),
    ]);
  });
});

describe('a password in a URL input', () => {
  it.each([
    ['prometheus-url', 'http://reader:hunter2-pw@prometheus.internal:9090', 'prometheus-username and prometheus-password'],
    ['health-checks', 'redis=redis://:hunter2-pw@127.0.0.1:6379', 'a secret holding the whole value'],
  ])('%s: a warning annotation says the runner may have printed it, without the password', async (input, value, instead) => {
    // mode is bad, so the run stops after the warning and before any request.
    const { host } = await run({ [input]: value, mode: 'nope' });
    const warnings = host.annotations.filter((annotation) => annotation.title === `surreal-release-gates: ${input}`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.level).toBe('warning');
    expect(warnings[0]?.message).toContain(`${input} carries a password in a URL`);
    expect(warnings[0]?.message).toContain(instead);
    expect(host.masked).toContain('hunter2-pw');
    expect(host.masked.indexOf('hunter2-pw')).toBeGreaterThanOrEqual(0);
    expect([...host.logs, ...host.failures, host.summary].join('\n')).not.toContain('hunter2-pw');
  });

  it('no warning when the URL carries no password', async () => {
    const { host } = await run({
      'prometheus-url': 'http://prometheus.internal:9090',
      'prometheus-username': 'reader',
      'prometheus-password': 'hunter2-pw',
      mode: 'nope',
    });
    expect(host.annotations.filter((annotation) => annotation.level === 'warning')).toEqual([]);
    expect(host.masked).toContain('hunter2-pw');
  });
});
