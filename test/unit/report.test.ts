import { describe, expect, it } from 'vitest';
import { buildReports, RESULTS_JSON } from '../../src/report/build.js';
import { codeBlock, escapeMarkdown } from '../../src/report/escape.js';
import { renderResultsJson, RESULTS_SCHEMA } from '../../src/report/json.js';
import { renderGateReport } from '../../src/report/markdown.js';
import type { RunInfo } from '../../src/report/run-info.js';
import { composeSummary } from '../../src/report/summary.js';
import type { GateResult } from '../../src/verdict.js';

const RUN: RunInfo = {
  appEnv: 'prod',
  bucket: 'chat-attachments-prod',
  envPrefix: 'chat-attachments/prod/',
  endpoint: 'http://127.0.0.1:9000',
  startedAt: '2030-06-01T12:00:00.000Z',
  finishedAt: '2030-06-01T12:00:01.000Z',
  version: '0.1.0',
};

function result(overrides: Partial<GateResult> = {}): GateResult {
  return {
    id: 'lifecycle',
    title: 'Chat attachment lifecycle policy',
    mode: 'apply',
    status: 'PASS',
    summary: 'Applied.',
    findings: [{ level: 'info', message: 'wrote 1 rule', evidence: 'PutBucketLifecycleConfiguration', remediation: 'none' }],
    facts: [{ label: 'Expire days', value: '30' }],
    sections: [{ kind: 'code', title: 'Resulting configuration', language: 'json', text: '{"Rules":[]}' }],
    startedAt: '2030-06-01T12:00:00.100Z',
    durationMs: 42,
    ...overrides,
  };
}

const goNoGo = (status: 'PASS' | 'FAIL') =>
  result({ id: 'go-no-go', title: 'Release gates (surreal): go/no-go', mode: undefined, status, summary: status === 'PASS' ? 'GO' : 'NO-GO', sections: [] });

describe('escapeMarkdown', () => {
  it.each([
    { name: 'table pipe', text: 'a|b', escaped: 'a\\|b' },
    { name: 'LF newline', text: 'line1\nline2', escaped: 'line1 line2' },
    { name: 'CRLF newline', text: 'line1\r\nline2', escaped: 'line1 line2' },
    { name: 'lone CR (a line ending in CommonMark)', text: 'line1\rline2', escaped: 'line1 line2' },
    { name: 'backticks', text: 'run `rm -rf`', escaped: 'run \\`rm -rf\\`' },
    { name: 'HTML', text: '<script>alert(1)</script>', escaped: '\\<script\\>alert(1)\\</script\\>' },
    { name: 'link', text: '[link](x)', escaped: '\\[link\\](x)' },
    { name: 'image', text: '![img](http://x/y.png)', escaped: '!\\[img\\](http://x/y.png)' },
    { name: 'emphasis and strike', text: '*a* _b_ ~~c~~', escaped: '\\*a\\* \\_b\\_ \\~\\~c\\~\\~' },
    { name: 'backslash itself', text: 'a\\|b', escaped: 'a\\\\\\|b' },
    { name: 'entity', text: '&lt;script&gt;', escaped: '&amp;lt;script&amp;gt;' },
    { name: 'plain text untouched', text: 'Bucket chat-attachments-prod: 200.', escaped: 'Bucket chat-attachments-prod: 200.' },
  ])('$name', ({ text, escaped }) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it.each(['a|b', 'x\ny', 'x\ry', 'x\r\ny', '<b>', '`code`', '[l](u)'])('leaves no raw structural character in %j', (text) => {
    const escaped = escapeMarkdown(text);
    expect(escaped).not.toMatch(/[\r\n]/);
    // Every structural character is preceded by a backslash.
    expect(escaped).not.toMatch(/(^|[^\\])[|`<>[\]]/);
  });

  it('keeps a table row a single row when a cell has a pipe and a newline', () => {
    const report = renderGateReport(result({ findings: [{ level: 'fail', message: 'evil | cell\n| injected | row |' }] }), RUN);
    const findingRows = report.split('\n').filter((line) => line.startsWith('| FAIL'));
    expect(findingRows).toHaveLength(1);
    expect(report).not.toContain('\n| injected');
  });
});

describe('codeBlock', () => {
  /** The fence of a block: the backtick run on its first line. */
  const fenceOf = (block: string) => /^`+/.exec(block)?.[0] ?? '';

  it.each(['plain', 'a ``` b', '```\nbreak out\n```', '````````', 'x`y``z'])('content %j cannot close the fence', (text) => {
    const block = codeBlock('json', text);
    const fence = fenceOf(block);
    expect(fence.length).toBeGreaterThanOrEqual(3);
    const longestInside = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
    expect(fence.length).toBeGreaterThan(longestInside);
    expect(block).toBe(`${fence}json\n${text}\n${fence}`);
    // Only the first and the last line are fences of that length.
    const fenceLines = block.split('\n').filter((line) => line.trim().startsWith(fence));
    expect(fenceLines).toHaveLength(2);
  });

  it('strips anything but letters, digits and hyphens from the language', () => {
    expect(codeBlock('json\n<script>', '{}').split('\n')[0]).toBe('```jsonscript');
  });
});

describe('renderGateReport', () => {
  it.each(['PASS', 'WARN', 'FAIL', 'ERROR', 'UNVERIFIABLE', 'NOT RUN'] as const)('states Result: %s', (status) => {
    const report = renderGateReport(result({ status }), RUN);
    expect(report.split('\n')).toContain(`Result: ${status}`);
  });

  it('states Mode only for a gate that has one', () => {
    expect(renderGateReport(result({ mode: 'plan' }), RUN).split('\n')).toContain('Mode: plan');
    expect(renderGateReport(result({ mode: undefined }), RUN)).not.toMatch(/^Mode:/m);
  });

  it('keeps Result and Mode in paragraphs of their own, so GitHub does not join them into one line', () => {
    const report = renderGateReport(result({ mode: 'apply' }), RUN);
    expect(report).toContain('\nResult: PASS\n\nMode: apply\n\n- Gate: `lifecycle`');
  });

  it('leaves out a table column that is empty in every row, and keeps one that says something in any row', () => {
    const report = renderGateReport(
      result({
        findings: [
          { level: 'fail', message: 'rule missing' },
          { level: 'info', message: 'read 2 rules', evidence: 'GetBucketLifecycleConfiguration' },
        ],
      }),
      RUN,
    );
    expect(report).toContain(
      '| Level | Finding | Evidence |\n| --- | --- | --- |\n| FAIL | rule missing |   |\n| info | read 2 rules | GetBucketLifecycleConfiguration |',
    );
    expect(report).not.toContain('What to do');
  });

  it('keeps every column of a table with no rows', () => {
    const report = renderGateReport(result({ sections: [{ kind: 'table', title: 'Rules', headers: ['ID', 'Days'], rows: [] }] }), RUN);
    expect(report).toContain('### Rules\n\n_none_');
  });

  it('gives environment, bucket, prefix, endpoint, time and evidence', () => {
    const report = renderGateReport(result(), RUN);
    for (const line of [
      '- Environment: prod',
      '- Bucket: chat-attachments-prod',
      '- Prefix: chat-attachments/prod/',
      '- Endpoint: http://127.0.0.1:9000',
      '- Time: 2030-06-01T12:00:00.100Z (42 ms)',
      '- Expire days: 30',
    ]) {
      expect(report.split('\n')).toContain(line);
    }
    expect(report).toContain('| info | wrote 1 rule | PutBucketLifecycleConfiguration | none |');
    expect(report).toContain('```json\n{"Rules":[]}\n```');
  });

  it('escapes untrusted text in title, summary, facts, findings and sections', () => {
    const evil = '<img src=x onerror=alert(1)>|[x](y)';
    const report = renderGateReport(
      result({
        title: evil,
        summary: evil,
        facts: [{ label: evil, value: evil }],
        findings: [{ level: 'warn', message: evil, evidence: evil, remediation: evil }],
        sections: [
          { kind: 'table', title: evil, headers: ['h'], rows: [[evil]] },
          { kind: 'text', title: 't', text: evil },
        ],
      }),
      RUN,
    );
    // Every '<' and '[' of the untrusted text arrives escaped, so no tag or link is formed.
    expect(report).toContain('\\<img');
    expect(report).not.toMatch(/(^|[^\\])<img/m);
    expect(report).not.toContain('[x](y)');
    expect(report).not.toMatch(/(^|[^\\])\|\[x/m);
  });

  it('compact form leaves the sections out and says where they are', () => {
    const report = renderGateReport(result(), RUN, { compact: true });
    expect(report).not.toContain('{"Rules":[]}');
    expect(report).toContain('1 more section(s) in the report file');
    expect(report).toContain('Result: PASS');
  });
});

describe('composeSummary', () => {
  const opening = '# Release gates (surreal): ✅\u00a0GO\n\n**All 2 gates passed.**\n';
  const reportsDir = '/srv/workspace/docs/research';
  const part = (gate: string, size: number, open = false) => ({
    gate,
    open,
    full: `<details${open ? ' open' : ''}>\n<summary>${gate}</summary>\n\nFULL ${gate} ${'x'.repeat(size)}\n\n</details>\n`,
    compact: `<details${open ? ' open' : ''}>\n<summary>${gate}</summary>\n\nCOMPACT ${gate}\n\n</details>\n`,
  });
  /** Every <details> that opens also closes: nothing was cut in the middle of a report. */
  const balanced = (summary: string) => (summary.match(/<details/g) ?? []).length === (summary.match(/<\/details>/g) ?? []).length;

  it('joins the full reports when they fit', () => {
    const summary = composeSummary(opening, [part('bucket', 10), part('verify', 10)], reportsDir, 2000);
    expect(summary).toBe([opening, part('bucket', 10).full, part('verify', 10).full].join('\n'));
  });

  it('falls back to compact reports, keeps the opening whole and names the reports dir', () => {
    const summary = composeSummary(opening, [part('bucket', 1500), part('verify', 1500)], reportsDir, 2000);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(2000);
    expect(summary.startsWith(opening)).toBe(true);
    expect(summary).not.toContain('FULL');
    expect(summary).toContain('COMPACT bucket');
    expect(summary).toContain('COMPACT verify');
    expect(summary).toContain(reportsDir);
    expect(balanced(summary)).toBe(true);
  });

  it('when even the compact reports do not fit, leaves out whole reports, passing ones first, and names them', () => {
    const passing = { ...part('bucket', 3000), compact: `<details>\n<summary>bucket</summary>\n\nCOMPACT bucket ${'p'.repeat(1200)}\n\n</details>\n` };
    const failing = {
      ...part('verify', 3000, true),
      compact: `<details open>\n<summary>verify</summary>\n\nCOMPACT verify ${'f'.repeat(1200)}\n\n</details>\n`,
    };
    const summary = composeSummary(opening, [passing, failing], reportsDir, 2000);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(2000);
    expect(summary.startsWith(opening)).toBe(true);
    // The failing gate's report is kept whole; the passing one is left out and named.
    expect(summary).toContain(failing.compact);
    expect(summary).not.toContain('COMPACT bucket');
    expect(summary).toContain('the reports of bucket;');
    expect(summary).toContain(reportsDir);
    expect(balanced(summary)).toBe(true);
  });

  it('keeps the run order of the reports it keeps', () => {
    const parts = [part('bucket', 0), part('lifecycle', 0, true), part('verify', 0)].map((entry) => ({
      ...entry,
      full: `${entry.compact}${'z'.repeat(3000)}`,
    }));
    const summary = composeSummary(opening, parts, reportsDir, 2000);
    expect(summary.indexOf('COMPACT bucket')).toBeLessThan(summary.indexOf('COMPACT lifecycle'));
    expect(summary.indexOf('COMPACT lifecycle')).toBeLessThan(summary.indexOf('COMPACT verify'));
  });

  it('never cuts a multi-byte character, whatever the limit', () => {
    const euro = { gate: 'smoke', open: true, full: '€'.repeat(3000), compact: '€'.repeat(3000) };
    for (const limit of [300, 1000, 1001, 1002]) {
      const summary = composeSummary(opening, [euro], reportsDir, limit);
      expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(limit);
      expect(summary).not.toContain('\uFFFD');
    }
  });

  it('stays under the limit with a long reports dir', () => {
    const longDir = `/home/runner/work/${'nested-folder/'.repeat(20)}docs/research`;
    const big = { gate: 'verify', open: true, full: 'f'.repeat(5000), compact: 'c'.repeat(5000) };
    const summary = composeSummary(opening, [big], longDir, 1000);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1000);
    expect(summary).toContain(longDir);
    expect(summary.startsWith(opening)).toBe(true);
  });

  it('cuts the opening itself only when the limit is smaller than it, and still says where the reports are', () => {
    const longOpening = `# Release gates (surreal): ❌\u00a0NO-GO\n\n${'- line\n'.repeat(200)}`;
    const summary = composeSummary(longOpening, [part('verify', 10, true)], reportsDir, 500);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(500);
    expect(summary.startsWith('# Release gates (surreal): ❌\u00a0NO-GO')).toBe(true);
    expect(summary).toContain(reportsDir);
  });

  it('stays under the default 1 MiB limit for a huge report', () => {
    const huge = { gate: 'smoke', open: true, full: 'h'.repeat(3_000_000), compact: 'c'.repeat(2_000_000) };
    const summary = composeSummary(opening, [huge], reportsDir);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1_000_000);
    expect(summary.startsWith(opening)).toBe(true);
  });
});

describe('renderResultsJson', () => {
  const results = [result({ id: 'bucket', title: 'Bucket', status: 'WARN' }), result({ status: 'FAIL', mode: 'plan' }), goNoGo('FAIL')];
  const reports = {
    bucket: 'chat-attachment-bucket-latest.md',
    lifecycle: 'chat-attachment-lifecycle-policy-latest.md',
    'go-no-go': 'release-gates-surreal-latest.md',
  };

  it('has the documented fields', () => {
    const text = renderResultsJson(results, RUN, reports);
    expect(text.endsWith('\n')).toBe(true);
    const document = JSON.parse(text) as Record<string, unknown> & { gates: Record<string, unknown>[] };
    expect(document).toMatchObject({
      schema: RESULTS_SCHEMA,
      result: 'FAIL',
      decision: 'NO-GO',
      environment: 'prod',
      bucket: 'chat-attachments-prod',
      prefix: 'chat-attachments/prod/',
      endpoint: 'http://127.0.0.1:9000',
      startedAt: RUN.startedAt,
      finishedAt: RUN.finishedAt,
      version: '0.1.0',
    });
    expect(RESULTS_SCHEMA).toBe('surreal-release-gates/results@1');
    expect(document.gates.map((gate) => [gate.id, gate.status, gate.mode, gate.report])).toEqual([
      ['bucket', 'WARN', 'apply', 'chat-attachment-bucket-latest.md'],
      ['lifecycle', 'FAIL', 'plan', 'chat-attachment-lifecycle-policy-latest.md'],
      ['go-no-go', 'FAIL', null, 'release-gates-surreal-latest.md'],
    ]);
    for (const gate of document.gates) {
      expect(Object.keys(gate)).toEqual(
        expect.arrayContaining(['id', 'title', 'status', 'mode', 'summary', 'findings', 'facts', 'startedAt', 'durationMs', 'report']),
      );
      expect(typeof gate.summary).toBe('string');
      expect(Array.isArray(gate.findings)).toBe(true);
      expect(typeof gate.durationMs).toBe('number');
    }
    expect(document.gates[1]?.findings).toEqual(results[1]?.findings);
  });

  it('says PASS and GO only when go/no-go passed', () => {
    const document = JSON.parse(renderResultsJson([result(), goNoGo('PASS')], RUN, {})) as { result: string; decision: string };
    expect([document.result, document.decision]).toEqual(['PASS', 'GO']);
    const missing = JSON.parse(renderResultsJson([result()], RUN, {})) as { result: string; decision: string };
    expect([missing.result, missing.decision]).toEqual(['FAIL', 'NO-GO']);
  });
});

describe('buildReports', () => {
  it("writes the runbook's file names, the decision first in the summary", () => {
    const built = buildReports([result({ id: 'verify', title: 'Verify', mode: undefined }), result(), goNoGo('PASS')], RUN, '/srv/reports');
    expect(Object.keys(built.files).sort()).toEqual(
      ['chat-attachment-lifecycle-policy-latest.md', 'chat-attachment-lifecycle-verify-latest.md', 'release-gates-surreal-latest.md', RESULTS_JSON].sort(),
    );
    expect(RESULTS_JSON).toBe('release-gates-surreal-latest.json');
    expect(built.files['release-gates-surreal-latest.md']).toMatch(/^# Release gates \(surreal\): GO\n/);
    expect(built.files['chat-attachment-lifecycle-policy-latest.md']).toMatch(/^# Chat attachment lifecycle policy\n\nResult: PASS\n\nMode: apply\n/);
    expect(built.files['chat-attachment-lifecycle-verify-latest.md']).not.toMatch(/^Mode:/m);
    expect(built.summary.startsWith('# Release gates (surreal): ✅\u00a0GO\n')).toBe(true);
    expect(built.summary.indexOf('| `lifecycle` |')).toBeLessThan(built.summary.indexOf('<b>Chat attachment lifecycle policy</b>'));
  });
});
