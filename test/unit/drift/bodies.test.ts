import { describe, expect, it } from 'vitest';
import { blockingGates, renderDriftIssueBody, renderDuplicateComment, renderResolvedComment } from '../../../src/drift/issue-body.js';
import { fitToLimit, GITHUB_BODY_LIMIT, runLink } from '../../../src/drift/limit.js';
import { readDriftMarker } from '../../../src/drift/markers.js';
import { ourPlanComments, planVerdict, renderPlanComment } from '../../../src/drift/plan-comment.js';
import { failingVerify, gate, goNoGo, RUN, RUN_URL } from './fixtures.js';

const FIRST = '2030-05-30T08:00:00.000Z';
const LAST = '2030-06-01T12:00:05.000Z';

describe('the drift issue body', () => {
  it('opens with the marker, then what did not pass and what to do, the times, and the reports', () => {
    const body = renderDriftIssueBody({ gates: [failingVerify, goNoGo('FAIL')], run: RUN, runUrl: RUN_URL }, FIRST, LAST);
    expect(readDriftMarker(body)).toEqual({ env: 'staging', firstSeen: FIRST });
    expect(body).toContain('| `verify` | FAIL | chat-attachments/staging/ has no expiration rule | Run the lifecycle gate with mode: apply. |');
    expect(body).toContain(`- First seen: ${FIRST}`);
    expect(body).toContain(`- Last seen: ${LAST}, in [the run](<${RUN_URL}>)`);
    // The reports in run order, go/no-go last, as the job summary has them.
    expect(body).toMatch(/## Latest reports\n\n## Chat attachment lifecycle verification[\s\S]*Result: FAIL[\s\S]*## Release gates \(surreal\): go\/no-go/);
  });

  it('escapes server text, so a finding cannot break the table or hide a link', () => {
    const hostile = gate({ status: 'ERROR', findings: [{ level: 'error', message: 'denied | <img src=x> [x](http://evil)\n::error::boom' }] });
    const body = renderDriftIssueBody({ gates: [hostile, goNoGo('FAIL')], run: RUN, runUrl: RUN_URL }, FIRST, LAST);
    const row = body.split('\n').find((line) => line.startsWith('| `verify` |')) ?? '';
    expect(row).toContain('denied \\| \\<img src=x\\> \\[x\\](http://evil) ::error::boom');
    // Gate, status, finding: the escaped pipe splits nothing (an empty "What to do" column is left out).
    expect(row.split(' | ')).toHaveLength(3);
    expect(body).toContain('| Gate | Status | Finding |\n');
  });

  it('lists go/no-go as the gate that did not pass only when nothing else failed (a health check)', () => {
    expect(blockingGates([gate(), goNoGo('FAIL')]).map((result) => result.id)).toEqual(['go-no-go']);
    expect(blockingGates([failingVerify, goNoGo('FAIL')]).map((result) => result.id)).toEqual(['verify']);
  });

  it('stays within 65,536 characters however long the reports are: compact first, then cut with a link to the run', () => {
    const longFinding = (n: number) => ({ level: 'fail' as const, message: `object ${n} is ${'x'.repeat(200)} overdue` });
    const huge = gate({
      status: 'FAIL',
      findings: Array.from({ length: 400 }, (_, n) => longFinding(n)),
      sections: [{ kind: 'code', title: 'Keys', language: 'text', text: 'k'.repeat(70_000) }],
    });
    const body = renderDriftIssueBody({ gates: [huge, goNoGo('FAIL')], run: RUN, runUrl: RUN_URL }, FIRST, LAST);
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body.length).toBeGreaterThan(GITHUB_BODY_LIMIT - 1000);
    expect(readDriftMarker(body)?.env).toBe('staging');
    expect(body).toMatch(
      /> Cut at GitHub's 65,536-character limit; the full reports are in \[the run\]\(<https:\/\/github\.com\/octo-org\/chat-service\/actions\/runs\/42>\)\.\n$/,
    );

    // Only the section is long: the compact reports fit whole, and say so.
    const longSection = gate({
      status: 'FAIL',
      findings: [longFinding(1)],
      sections: [{ kind: 'code', title: 'Keys', language: 'text', text: 'k'.repeat(70_000) }],
    });
    const compact = renderDriftIssueBody({ gates: [longSection, goNoGo('FAIL')], run: RUN, runUrl: RUN_URL }, FIRST, LAST);
    expect(compact.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(compact).toContain("> The full reports do not fit GitHub's 65,536-character limit");
    expect(compact).toContain('_1 more section(s) in the report file._');
    expect(compact).not.toContain('kkkk');
  });

  it('cuts at a line and never splits a surrogate pair', () => {
    const head = 'head\n';
    const parts = [{ full: `${'😀'.repeat(100)}\n`.repeat(20), compact: `${'😀'.repeat(100)}\n`.repeat(20) }];
    const cut = fitToLimit(head, parts, undefined, 1000);
    expect(cut.length).toBeLessThanOrEqual(1000);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(cut).toContain('the run (its job summary and report artifact)');
  });

  it('the run link takes only http(s) URLs and cannot be broken out of', () => {
    expect(runLink('https://github.com/o/r/actions/runs/1')).toBe('[the run](<https://github.com/o/r/actions/runs/1>)');
    expect(runLink('javascript:alert(1)')).toBe('the run (its job summary and report artifact)');
    expect(runLink('https://x.example/a b>(c)')).toBe('[the run](<https://x.example/a%20b%3E%28c%29>)');
  });

  it('resolved and duplicate comments name the run and the kept issue', () => {
    expect(renderResolvedComment({ gates: [gate(), goNoGo('PASS')], run: RUN, runUrl: RUN_URL }, LAST)).toMatch(
      /^Every gate passes again at 2030-06-01T12:00:05\.000Z, in \[the run\]\(<https:[^>]+>\): retention of `chat-attachments\/staging\/` in bucket `chat-attachments-staging` is proven\. Closing\.\n\n\| Gate \| Status \| Summary \|\n\| --- \| --- \| --- \|\n\| `verify` \| PASS \|/,
    );
    expect(renderDuplicateComment('staging', 12, RUN_URL)).toMatch(/^Duplicate of #12: /);
  });
});

describe('the plan comment', () => {
  const lifecycle = (changed: boolean | undefined, overrides = {}) =>
    gate({
      id: 'lifecycle',
      title: 'Chat attachment lifecycle policy',
      mode: 'plan',
      status: changed ? 'WARN' : 'PASS',
      ...(changed === undefined ? {} : { details: { changed, changes: changed ? ['surreal-release-gates:chat-attachments/staging'] : [] } }),
      sections: [
        {
          kind: 'table',
          title: 'Plan',
          headers: ['', 'Rule ID', 'Action', 'Before', 'After'],
          rows: [['+', 'surreal-release-gates:chat-attachments/staging', 'add', '', '{}']],
        },
      ],
      ...overrides,
    });

  it('says "no change" when nothing would change, and names the rules otherwise', () => {
    expect(planVerdict(lifecycle(false)).heading).toBe('no change');
    expect(planVerdict(lifecycle(true)).heading).toBe('apply would change `surreal-release-gates:chat-attachments/staging`');
    expect(planVerdict(lifecycle(undefined, { status: 'ERROR' })).heading).toBe('could not be made (ERROR)');
    expect(planVerdict(lifecycle(false, { status: 'UNVERIFIABLE' })).changed).toBeUndefined();
  });

  it('carries the marker, the verdict and the plan table', () => {
    const body = renderPlanComment(lifecycle(false), RUN, RUN_URL, 'c0ffee1234567890c0ffee1234567890c0ffee12');
    expect(body.split('\n')[0]).toBe('<!-- surreal-release-gates:plan-comment env=staging -->');
    expect(body).toContain('## Lifecycle plan for `staging`: no change');
    expect(body).toContain('planned at 2030-06-01T12:00:05.000Z for c0ffee123456 in [the run]');
    // The lifecycle report as the report renderer draws it: the plan table with the rule.
    expect(body).toMatch(/### Plan\n\n\|.*Rule ID.*\|\n[\s\S]*surreal-release-gates:chat-attachments\/staging/);
  });

  it('edits only a comment of ours for this environment: the oldest', () => {
    const comment = (id: number, body: string, login: string, type: string, createdAt = '2030-06-01T10:00:00Z') => ({
      id,
      body,
      createdAt,
      author: { login, type },
    });
    const marker = '<!-- surreal-release-gates:plan-comment env=staging -->\nplan';
    const comments = [
      comment(1, marker, 'alice', 'User'),
      comment(2, 'looks good', 'github-actions[bot]', 'Bot'),
      comment(4, marker, 'github-actions[bot]', 'Bot', '2030-06-01T11:00:00Z'),
      comment(3, marker, 'github-actions[bot]', 'Bot', '2030-06-01T10:30:00Z'),
      comment(5, '<!-- surreal-release-gates:plan-comment env=production -->', 'github-actions[bot]', 'Bot'),
    ];
    expect(ourPlanComments(comments, 'staging', { kind: 'app' }).map((entry) => entry.id)).toEqual([3, 4]);
    expect(ourPlanComments(comments, 'staging', { kind: 'user', login: 'alice' }).map((entry) => entry.id)).toEqual([1]);
  });
});
