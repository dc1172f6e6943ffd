import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { testInputs, uniqueBucket } from '../support/s3.js';

describe('default gate sequence against the local RGW', () => {
  it('creates the bucket, applies the rule, verifies it and says GO', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'srg-ws-'));
    const host = recordingHost(testInputs({ 's3-bucket': uniqueBucket('default') }), workspace);
    const result = await runGates(host);
    expect(host.failures).toEqual([]);
    expect(result?.result).toBe('PASS');
    expect(result?.gates.map((gate) => [gate.id, gate.status])).toEqual([
      ['bucket', 'PASS'],
      ['lifecycle', 'PASS'],
      ['verify', 'PASS'],
      ['smoke', 'PASS'],
      ['go-no-go', 'PASS'],
    ]);
    const report = await readFile(path.join(workspace, 'docs/research/release-gates-surreal-latest.md'), 'utf8');
    expect(report).toContain('Result: PASS');
  });
});
