import { describe, expect, it } from 'vitest';
import { failureAnnotations } from '../../src/report/annotations.js';
import { attentionOf, ONE_LINE_MAX } from '../../src/report/attention.js';
import { buildReports } from '../../src/report/build.js';
import type { RunInfo } from '../../src/report/run-info.js';
import { emptyColumns, renderSummary } from '../support/summary-html.js';
import type { GateResult, GateStatus } from '../../src/verdict.js';

const RUN: RunInfo = {
  appEnv: 'prod',
  bucket: 'chat-attachments-prod',
  envPrefix: 'chat-attachments/prod/',
  endpoint: 'https://s3.example.internal',
  startedAt: '2030-06-01T12:00:00.000Z',
  finishedAt: '2030-06-01T12:00:03.000Z',
  version: '0.1.0',
};

const TITLES: Record<string, string> = {
  bucket: 'Chat attachment bucket',
  lifecycle: 'Chat attachment lifecycle policy',
  verify: 'Chat attachment lifecycle verify',
  smoke: 'Chat attachment S3 smoke',
  'go-no-go': 'Release gates (surreal): go/no-go',
};

function gate(id: GateResult['id'], status: GateStatus, overrides: Partial<GateResult> = {}): GateResult {
  return {
    id,
    title: TITLES[id] ?? id,
    mode: undefined,
    status,
    summary: `${id} summary`,
    findings: [],
    facts: [],
    sections: [],
    startedAt: RUN.startedAt,
    durationMs: 12,
    ...overrides,
  };
}

const bucket = gate('bucket', 'PASS', {
  mode: 'apply',
  summary: 'Bucket chat-attachments-prod exists.',
  findings: [{ level: 'info', message: 'HeadBucket answered 200' }],
});
const lifecycle = gate('lifecycle', 'PASS', {
  mode: 'apply',
  summary: 'Lifecycle is up to date: nothing written.',
  sections: [{ kind: 'code', title: 'Resulting configuration', language: 'json', text: '{"Rules":[]}' }],
});
const verify = gate('verify', 'FAIL', {
  summary: 'chat-attachments/prod/ expires after 30 days, expected 7.',
  findings: [
    { level: 'info', message: 'Read 1 rule.' },
    {
      level: 'fail',
      message: 'chat-attachments/prod/ expires after 30 days (rule surreal-release-gates:chat-attachments/prod), expected 7.',
      evidence: 'GetBucketLifecycleConfiguration',
      remediation: 'Set expire-days to 7 and run lifecycle with mode: apply, or correct expect-expire-days.',
    },
  ],
  sections: [
    {
      kind: 'table',
      title: 'Coverage',
      headers: ['Prefix', 'Days', 'Rule', 'Note'],
      rows: [['chat-attachments/prod/', '30', 'surreal-release-gates:chat-attachments/prod', '']],
    },
  ],
});
const smoke = gate('smoke', 'NOT RUN', {
  mode: 'apply',
  durationMs: 0,
  summary: 'Not run: an earlier gate did not pass and fail-fast is on.',
  findings: [{ level: 'info', message: 'Stopped at verify (FAIL): chat-attachments/prod/ expires after 30 days, expected 7.' }],
});

/** go/no-go as go-no-go.ts words it: a finding per blocking gate, one per unhealthy service. */
function goNoGo(previous: readonly GateResult[], unhealthy: readonly string[] = []): GateResult {
  const blocking = previous.filter((result) => result.status !== 'PASS' && result.status !== 'WARN');
  const go = blocking.length === 0 && unhealthy.length === 0;
  return gate('go-no-go', go ? 'PASS' : 'FAIL', {
    summary: go
      ? `GO: all ${previous.length} gate(s) passed.`
      : `NO-GO: ${[...blocking.map((result) => `${result.id} ${result.status}`), ...unhealthy.map((name) => `${name} unhealthy`)].join(', ')}.`,
    findings: [
      ...blocking.map((result) => ({ level: 'fail' as const, message: `${result.id} is ${result.status}: ${result.summary}` })),
      ...unhealthy.map((name) => ({
        level: 'fail' as const,
        message: `Service ${name} is unhealthy: connection refused`,
        evidence: `http://127.0.0.1:9/${name}`,
        remediation: 'Start or fix the service (or correct its line in health-checks), then re-run.',
      })),
    ],
    facts: [{ label: 'Decision', value: go ? 'GO' : 'NO-GO' }],
    sections: [
      {
        kind: 'table',
        title: 'Gates',
        headers: ['Gate', 'Status', 'Mode', 'Duration', 'Evidence'],
        rows: previous.map((result) => [result.id, result.status, result.mode ?? '', `${result.durationMs} ms`, result.summary]),
      },
    ],
  });
}

const noGoRun = [bucket, lifecycle, verify, smoke];
const goRun = [
  bucket,
  lifecycle,
  {
    ...verify,
    status: 'PASS' as const,
    summary: 'chat-attachments/prod/ expires after 7 days.',
    findings: [{ level: 'info' as const, message: 'Read 1 rule.' }],
  },
];

describe('job summary as GitHub renders it', () => {
  it('NO-GO: decision first, one line per gate that did not pass, then the gates table, then the reports', () => {
    const { summary } = buildReports([...noGoRun, goNoGo(noGoRun)], RUN, '/srv/reports');
    const rendered = renderSummary(summary);

    expect(rendered.first).toEqual({ tag: 'h1', text: 'Release gates (surreal): ❌\u00a0NO-GO' });
    // The opening, before any report: the verdict, the lines to act on, the gates table.
    const opening = rendered.opening;
    expect(opening.indexOf('<h1>')).toBe(0);
    expect(opening).toContain('<strong>2 of 4 gates did not pass:</strong>');
    const items = [...opening.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => match[1] ?? '');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(
      /^❌\u00a0FAIL <strong>verify<\/strong>: chat-attachments\/prod\/ expires after 30 days .*expected 7\.<br \/>\n<em>What to do:<\/em> Set expire-days to 7 and run lifecycle with mode: apply/,
    );
    expect(items[1]).toMatch(
      /^⏭\u00a0NOT\u00a0RUN <strong>smoke<\/strong>: Not run: an earlier gate did not pass and fail-fast is on\.<br \/>\n<em>What to do:<\/em> /,
    );
    expect(opening.indexOf('<ul>')).toBeLessThan(opening.indexOf('<table>'));

    // The gates table comes first among the tables, with a mark on every status.
    const [gatesTable = []] = rendered.tables;
    expect(gatesTable[0]).toEqual(['Gate', 'Status', 'Mode', 'Duration', 'Evidence']);
    expect(gatesTable.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ['bucket', '✅\u00a0PASS'],
      ['lifecycle', '✅\u00a0PASS'],
      ['verify', '❌\u00a0FAIL'],
      ['smoke', '⏭\u00a0NOT\u00a0RUN'],
    ]);

    // Each gate's report: open when it did not pass, closed when it passed; go/no-go last.
    expect(rendered.details.map((entry) => [entry.summary, entry.open])).toEqual([
      ['✅\u00a0PASS · Chat attachment bucket (chat-attachment-bucket-latest.md)', false],
      ['✅\u00a0PASS · Chat attachment lifecycle policy (chat-attachment-lifecycle-policy-latest.md)', false],
      ['❌\u00a0FAIL · Chat attachment lifecycle verify (chat-attachment-lifecycle-verify-latest.md)', true],
      ['⏭\u00a0NOT\u00a0RUN · Chat attachment S3 smoke (chat-attachment-s3-smoke-latest.md)', true],
      ['❌\u00a0FAIL · Release gates (surreal): go/no-go (release-gates-surreal-latest.md)', true],
    ]);
    // Markdown inside <details> is rendered, not shown as text.
    expect(rendered.details[2]?.body).toContain('<h3>Findings</h3>');
    expect(rendered.details[1]?.body).toContain('<pre><code class="language-json">');
  });

  it('renders every header line on a line of its own and keeps the plain Result line of the reports', () => {
    const { summary, files } = buildReports([...noGoRun, goNoGo(noGoRun)], RUN, '/srv/reports');
    const rendered = renderSummary(summary);
    expect(rendered.paragraphs).toContain('Result: FAIL');
    expect(rendered.paragraphs).toContain('Mode: apply');
    expect(rendered.paragraphs.filter((text) => /Result: .*Mode:/s.test(text))).toEqual([]);
    expect(rendered.paragraphs).toContain(
      'Environment prod · bucket chat-attachments-prod · prefix chat-attachments/prod/ · endpoint https://s3.example.internal',
    );
    expect(rendered.paragraphs).toContain('Started 2030-06-01T12:00:00.000Z · finished 2030-06-01T12:00:03.000Z · surreal-release-gates 0.1.0');
    // Marks are for the summary; the files keep the plain line for machines and grep.
    expect(files['chat-attachment-lifecycle-verify-latest.md']).toMatch(/^Result: FAIL$/m);
    expect(Object.values(files).join('\n')).not.toMatch(/[✅❌⛔❔⏭]|⚠️/u);
    for (const file of ['chat-attachment-bucket-latest.md', 'chat-attachment-lifecycle-policy-latest.md']) {
      const paragraphs = renderSummary(files[file] ?? '').paragraphs;
      expect(paragraphs).toContain('Result: PASS');
      expect(paragraphs).toContain('Mode: apply');
    }
  });

  it('draws no column that is empty in every row', () => {
    const { summary } = buildReports([...noGoRun, goNoGo(noGoRun)], RUN, '/srv/reports');
    const rendered = renderSummary(summary);
    expect(rendered.tables.length).toBeGreaterThanOrEqual(4);
    for (const table of rendered.tables) expect(emptyColumns(table), table[0]?.join(' | ')).toEqual([]);
    // The findings table of verify keeps Evidence and What to do; go/no-go's has neither.
    const headers = rendered.tables.map((table) => table[0]?.join(' | '));
    expect(headers).toContain('Level | Finding | Evidence | What to do');
    expect(headers).toContain('Level | Finding');
    // The coverage table loses its empty Note column.
    expect(headers).toContain('Prefix | Days | Rule');
  });

  it('GO: all gates passed, no lines to act on, every report closed', () => {
    const { summary } = buildReports([...goRun, goNoGo(goRun)], RUN, '/srv/reports');
    const rendered = renderSummary(summary);
    expect(rendered.first).toEqual({ tag: 'h1', text: 'Release gates (surreal): ✅\u00a0GO' });
    expect(rendered.paragraphs[0]).toBe('All 3 gates passed.');
    expect(rendered.opening).not.toContain('<li>');
    expect(rendered.details.map((entry) => entry.open)).toEqual([false, false, false, false]);
    expect(rendered.tables[0]?.slice(1).map((row) => row[1])).toEqual(['✅\u00a0PASS', '✅\u00a0PASS', '✅\u00a0PASS']);
    // Mode is empty for verify only: the column stays.
    expect(rendered.tables[0]?.[0]).toEqual(['Gate', 'Status', 'Mode', 'Duration', 'Evidence']);
  });

  it('GO with a WARN: the warning gets a line and an open report, the decision stays GO', () => {
    const warned = gate('lifecycle', 'WARN', {
      mode: 'plan',
      summary: 'Plan: 1 change pending.',
      findings: [{ level: 'warn', message: 'Plan: add rule surreal-release-gates:chat-attachments/prod.', remediation: 'Run with mode: apply.' }],
    });
    const results = [bucket, warned];
    const rendered = renderSummary(buildReports([...results, goNoGo(results)], RUN, '/r').summary);
    expect(rendered.first.text).toBe('Release gates (surreal): ✅\u00a0GO');
    expect(rendered.opening).toContain('<strong>All 2 gates passed</strong>; 1 with a warning to read:');
    expect(rendered.opening).toMatch(/<li>⚠️\u00a0WARN <strong>lifecycle<\/strong>: Plan: add rule .*<em>What to do:<\/em> Run with mode: apply\.<\/li>/s);
    expect(rendered.details.map((entry) => entry.open)).toEqual([false, true, false]);
  });

  it('NO-GO for an unhealthy service only: go/no-go gets the line, naming the service', () => {
    const results = [bucket];
    const rendered = renderSummary(buildReports([...results, goNoGo(results, ['attachments-api', 'redis'])], RUN, '/r').summary);
    expect(rendered.opening).toContain('<strong>All 1 gate passed, but go/no-go did not:</strong>');
    const items = [...rendered.opening.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => match[1] ?? '');
    expect(items).toEqual([
      '❌\u00a0FAIL <strong>go-no-go</strong>: Service attachments-api is unhealthy: connection refused (and 1 more)<br />\n<em>What to do:</em> Start or fix the service (or correct its line in health-checks), then re-run.',
    ]);
  });

  it.each([
    ['PASS', '✅'],
    ['WARN', '⚠️'],
    ['FAIL', '❌'],
    ['ERROR', '⛔'],
    ['UNVERIFIABLE', '❔'],
    ['NOT RUN', '⏭'],
  ] as const)('marks %s with %s in the gates table and the report line, and the file says it plainly', (status, mark) => {
    const results = [gate('verify', status, { findings: [{ level: 'info', message: 'read' }] })];
    const { summary, files } = buildReports([...results, goNoGo(results)], RUN, '/r');
    const rendered = renderSummary(summary);
    const marked = `${mark}\u00a0${status.replace(' ', '\u00a0')}`;
    expect(rendered.tables[0]?.[1]?.[1]).toBe(marked);
    expect(rendered.details[0]?.summary.startsWith(`${marked} · `)).toBe(true);
    expect(rendered.details[0]?.open).toBe(status !== 'PASS');
    expect(files['chat-attachment-lifecycle-verify-latest.md']?.split('\n')).toContain(`Result: ${status}`);
  });

  it('escapes server text everywhere in the summary: no element, link or closed <details> comes from it', () => {
    const evil = 'x</summary></details><details open><img src=x onerror=alert(1)> [link](http://evil) | cell\n::error::injected';
    const hostile = gate('verify', 'FAIL', {
      title: evil,
      summary: evil,
      findings: [{ level: 'fail', message: evil, evidence: evil, remediation: evil }],
      facts: [{ label: evil, value: evil }],
    });
    const results = [bucket, hostile];
    const { summary } = buildReports([...results, goNoGo(results)], RUN, '/r');
    const rendered = renderSummary(summary);
    // No element from it; a bare URL is autolinked as GitHub does with any text, but `[link](...)` forms no link.
    expect(rendered.html).not.toMatch(/<img|>link<\/a>/);
    expect(rendered.details).toHaveLength(3);
    expect((rendered.html.match(/<details/g) ?? []).length).toBe(3);
    expect(rendered.details[1]?.summary).toContain('</summary></details>');
    expect(summary).not.toMatch(/^::/m);
    for (const table of rendered.tables) expect(new Set(table.map((row) => row.length)).size).toBe(1);
  });
});

describe('attention lines and annotations', () => {
  it('one annotation per failed gate, titled with the gate, carrying the finding and what to do', () => {
    const twoFails = gate('verify', 'FAIL', {
      findings: [
        { level: 'fail', message: 'first finding', remediation: 'fix the first' },
        { level: 'fail', message: 'second finding', remediation: 'fix the second' },
      ],
    });
    const errored = gate('lifecycle', 'ERROR', { findings: [{ level: 'error', message: 'S3 endpoint unreachable (ECONNREFUSED)' }] });
    const denied = gate('bucket', 'UNVERIFIABLE', { findings: [{ level: 'unverifiable', message: 'HeadBucket was denied (AccessDenied)' }] });
    const results = [denied, errored, twoFails, smoke];
    expect(failureAnnotations(attentionOf([...results, goNoGo(results)]))).toEqual([
      {
        title: 'bucket: UNVERIFIABLE',
        message: 'HeadBucket was denied (AccessDenied) What to do: Give the credentials the access the finding names, then re-run.',
      },
      {
        title: 'lifecycle: ERROR',
        message:
          'S3 endpoint unreachable (ECONNREFUSED) What to do: The gate could not finish: fix what the finding names (endpoint, credentials, timeout), then re-run.',
      },
      { title: 'verify: FAIL', message: 'first finding What to do: fix the first' },
    ]);
  });

  it('no annotation on GO, for a WARN or for a gate that did not run', () => {
    const warned = gate('lifecycle', 'WARN', { findings: [{ level: 'warn', message: 'plan pending' }] });
    expect(failureAnnotations(attentionOf([bucket, warned, goNoGo([bucket, warned])]))).toEqual([]);
    expect(failureAnnotations(attentionOf([smoke]))).toEqual([]);
  });

  it('keeps each line one line, and short', () => {
    const long = gate('verify', 'FAIL', { findings: [{ level: 'fail', message: `line one\nline two\r\n${'y'.repeat(2000)}`, remediation: 'a\nb' }] });
    const [item] = attentionOf([long]);
    expect(item?.finding).toMatch(/^line one line two y+…$/);
    expect(item?.finding.length).toBe(ONE_LINE_MAX);
    expect(item?.whatToDo).toBe('a b');
  });
});
