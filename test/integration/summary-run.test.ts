import { describe, expect, it } from 'vitest';
import { freePort } from '../../src/cli/local-s3.js';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { emptyColumns, renderSummary } from '../support/summary-html.js';
import { testInputs, uniqueBucket } from '../support/s3.js';
import { readReport, REPORTS, tempDir } from '../support/workspace.js';

async function run(overrides: Record<string, string>) {
  const workspace = await tempDir('summary');
  const host = recordingHost(testInputs({ 's3-bucket': uniqueBucket('summary'), ...overrides }), workspace);
  const result = await runGates(host);
  return { host, result, workspace, rendered: renderSummary(host.summary) };
}

describe('job summary and annotations of real runs', () => {
  it('NO-GO: the decision and the failing gate on top, its report open, one annotation for it', async () => {
    // verify fails (30 days written, 7 expected); fail-fast leaves smoke out.
    const { host, result, workspace, rendered } = await run({ 'expire-days': '30', 'expect-expire-days': '7', 'fail-fast': 'true' });
    expect(result?.result).toBe('FAIL');

    expect(rendered.first).toEqual({ tag: 'h1', text: 'Release gates (surreal): ❌\u00a0NO-GO' });
    const items = [...rendered.opening.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => match[1] ?? '');
    expect(items.map((item) => /^(.*?) <strong>([^<]+)<\/strong>/.exec(item)?.slice(1))).toEqual([
      ['❌\u00a0FAIL', 'verify'],
      ['⏭\u00a0NOT\u00a0RUN', 'smoke'],
    ]);
    const verify = result?.gates.find((gate) => gate.id === 'verify');
    const deciding = verify?.findings.find((finding) => finding.level === 'fail');
    expect(deciding?.remediation).toBeTruthy();
    expect(items[0]).toContain('<em>What to do:</em>');
    expect(rendered.details.map((entry) => [entry.summary.split(' · ')[0], entry.open])).toEqual([
      ['✅\u00a0PASS', false],
      ['✅\u00a0PASS', false],
      ['❌\u00a0FAIL', true],
      ['⏭\u00a0NOT\u00a0RUN', true],
      ['❌\u00a0FAIL', true],
    ]);
    for (const table of rendered.tables) expect(emptyColumns(table), table[0]?.join(' | ')).toEqual([]);

    // One annotation, for verify, before the step's failure line; NOT RUN and go/no-go get none.
    expect(host.gateAnnotations).toHaveLength(1);
    expect(host.gateAnnotations[0]?.title).toBe('verify: FAIL');
    expect(host.gateAnnotations[0]?.message).toContain('What to do:');
    expect(host.gateAnnotations[0]?.message).not.toMatch(/[\r\n]/);
    expect(host.failures).toHaveLength(1);

    // The files keep the plain lines.
    expect(await readReport(workspace, REPORTS.verify)).toMatch(/^Result: FAIL$/m);
    expect(await readReport(workspace, REPORTS.lifecycle)).toMatch(/^Result: PASS\n\nMode: apply$/m);
  });

  it('GO: every report closed, no line to act on, no annotation', async () => {
    const { host, result, rendered } = await run({ gates: 'bucket,lifecycle,verify' });
    expect(result?.result).toBe('PASS');
    expect(rendered.first.text).toBe('Release gates (surreal): ✅\u00a0GO');
    expect(rendered.paragraphs[0]).toBe('All 3 gates passed.');
    expect(rendered.opening).not.toContain('<li>');
    expect(rendered.details.map((entry) => entry.open)).toEqual([false, false, false, false]);
    expect(host.gateAnnotations).toEqual([]);
    expect(host.failures).toEqual([]);
  });

  it('NO-GO for an unhealthy service: go/no-go says which, and what to do', async () => {
    const closed = await freePort();
    const { result, rendered } = await run({ gates: 'bucket', 'health-checks': `attachments-api=http://127.0.0.1:${closed}/health timeout=2s` });
    expect(result?.result).toBe('FAIL');
    expect(rendered.opening).toContain('<strong>All 1 gate passed, but go/no-go did not:</strong>');
    const items = [...rendered.opening.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => match[1] ?? '');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(
      /^❌\u00a0FAIL <strong>go-no-go<\/strong>: Service attachments-api is unhealthy: .*<em>What to do:<\/em> Start or fix the service/s,
    );
  });
});
