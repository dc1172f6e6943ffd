import { describe, expect, it } from 'vitest';
import { parseSampleValue } from '../../src/hot-path/series.js';
import { renderGateReport } from '../../src/report/markdown.js';
import type { GateResult } from '../../src/verdict.js';

const RUN = { appEnv: 'staging', bucket: 'b', envPrefix: 'chat-attachments/staging/', endpoint: 'http://s3', startedAt: '', finishedAt: '', version: '0' };

function withLinks(links: { label: string; url: string }[]): GateResult {
  return {
    id: 'hot-path',
    title: 'Hot-path rollout',
    mode: undefined,
    status: 'PASS',
    summary: 's',
    findings: [],
    facts: [],
    sections: [{ kind: 'links', title: 'Graphs', links }],
    startedAt: '2026-11-28T05:15:00.000Z',
    durationMs: 1,
  };
}

describe('links sections', () => {
  it('render a markdown list of links, labels escaped, targets in angle brackets', () => {
    const report = renderGateReport(withLinks([{ label: 'p95 [ms]', url: 'http://prom:9090/graph?g0.expr=up%20%3D%3D%201' }]), RUN);
    expect(report).toContain('### Graphs\n\n- [p95 \\[ms\\]](<http://prom:9090/graph?g0.expr=up%20%3D%3D%201>)');
  });

  it('cannot be broken out of, and carry only http(s) links', () => {
    const report = renderGateReport(
      withLinks([
        { label: 'x', url: 'http://prom/graph?a=b>c (d)\n# heading' },
        { label: 'y', url: 'javascript:alert(1)' },
      ]),
      RUN,
    );
    expect(report).toContain('- [x](<http://prom/graph?a=b%3Ec%20%28d%29%0A#%20heading>)');
    expect(report).toContain('- [y](<about:blank>)');
  });
});

describe('parseSampleValue', () => {
  it.each([
    ['1.5', 1.5],
    ['+Inf', Number.POSITIVE_INFINITY],
    ['-Inf', Number.NEGATIVE_INFINITY],
    ['NaN', Number.NaN],
    ['1e3', 1000],
  ])('%s', (text, value) => {
    expect(parseSampleValue(text)).toBe(value);
  });
});
