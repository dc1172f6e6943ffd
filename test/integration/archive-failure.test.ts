import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveName } from '../../src/report/archive.js';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { testInputs, uniqueBucket } from '../support/s3.js';
import { tempDir } from '../support/workspace.js';

const NOW = new Date('2026-12-01T06:00:00Z');

describe('a failed evidence archive is one decision everywhere', () => {
  it('makes go/no-go, the JSON, the summary, the outputs and the exit agree on FAIL', async () => {
    const workspace = await tempDir('archive-fail');
    const reports = path.join(workspace, 'docs/research');
    await mkdir(reports, { recursive: true });
    // Every archive name of the bucket report is taken: archiving gives up after 100 copies.
    for (let copy = 1; copy <= 100; copy += 1) await writeFile(path.join(reports, archiveName('chat-attachment-bucket-latest.md', 'ci', NOW, copy)), 'taken');
    const host = recordingHost(testInputs({ 's3-bucket': uniqueBucket('archive-fail'), gates: 'bucket', 'archive-evidence': 'true' }), workspace, () => NOW);

    const result = await runGates(host);

    expect(result?.gates.find((gate) => gate.id === 'bucket')?.status).toBe('PASS');
    expect(result?.result).toBe('FAIL');
    expect(result?.gates.find((gate) => gate.id === 'go-no-go')?.status).toBe('FAIL');
    expect(host.outputs.result).toBe('FAIL');
    expect(Object.keys(host.outputs).at(-1)).toBe('result');
    const json = JSON.parse(await readFile(path.join(reports, 'release-gates-surreal-latest.json'), 'utf8')) as { result: string; decision: string };
    expect([json.result, json.decision]).toEqual(['FAIL', 'NO-GO']);
    const goNoGo = await readFile(path.join(reports, 'release-gates-surreal-latest.md'), 'utf8');
    expect(goNoGo).toContain('Result: FAIL');
    expect(goNoGo).toContain('Archiving the evidence failed (archive-evidence)');
    expect(host.summary).toContain('NO-GO');
    expect(host.summary).not.toMatch(/: ✅\u00a0GO/);
    expect(host.failures).toEqual([expect.stringContaining('Archiving the evidence failed')]);
  });
});
