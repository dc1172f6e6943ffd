import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMITTED_MANIFEST_OPTIONS, COMMITTED_MANIFEST_PATH } from '../../../src/alerts/committed.js';
import { EXPECTED_ALERTS, manifestHeader, manifestYaml, renderPrometheusRule, seriesSelector, type AlertRenderOptions } from '../../../src/alerts/manifest.js';
import { promqlSyntaxError } from '../../../src/alerts/promql.js';
import { validateManifest } from '../../../src/alerts/validate.js';
import { inputDefinition } from '../../../src/config/inputs.js';
import { parseLabelList } from '../../../src/config/parse-alerts.js';
import { GROWTH_METRICS } from '../../../src/growth/metrics.js';

const root = path.resolve(import.meta.dirname, '../../..');
const staging: AlertRenderOptions = { ...COMMITTED_MANIFEST_OPTIONS, env: 'staging', runbookUrl: 'https://example.test/runbook.md' };

describe('PrometheusRule renderer', () => {
  it('renders every expected alert with a severity, a duration and the three annotations', () => {
    const manifest = renderPrometheusRule(staging);
    expect(manifest).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: 'chat-attachment-lifecycle-staging' } });
    const rules = manifest.spec.groups.flatMap((group) => group.rules);
    expect(rules.map((rule) => rule.alert)).toEqual([...EXPECTED_ALERTS]);
    for (const rule of rules) {
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.for).toMatch(/^\d+[mh]$/);
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
      expect(rule.annotations.description.length).toBeGreaterThan(40);
      expect(rule.annotations.runbook_url).toBe(`https://example.test/runbook.md#${rule.alert.toLowerCase()}`);
      expect(promqlSyntaxError(rule.expr)).toBeUndefined();
    }
  });

  it('watches the pushed gauges of one environment and prefix', () => {
    const exprs =
      renderPrometheusRule(staging)
        .spec.groups[0]?.rules.map((rule) => rule.expr)
        .join('\n') ?? '';
    for (const metric of [GROWTH_METRICS.bytes, GROWTH_METRICS.overdue, GROWTH_METRICS.gatePassed, GROWTH_METRICS.lastRun]) {
      expect(exprs).toContain(`${metric}{env="staging",prefix="chat-attachments/staging/"}`);
    }
    expect(exprs).toContain('* 100 > 25');
    expect(exprs).toContain('> 26 * 3600');
    expect(exprs).toContain('absent(');
  });

  it('puts the thresholds and ruleSelector labels where they belong', () => {
    const manifest = renderPrometheusRule({ ...staging, growthPercent: 40, staleHours: 50, labels: { release: 'prom', team: 'chat' } });
    expect(manifest.metadata.labels).toMatchObject({ release: 'prom', team: 'chat', 'app.kubernetes.io/managed-by': 'surreal-release-gates' });
    const exprs = manifest.spec.groups[0]?.rules.map((rule) => rule.expr).join('\n') ?? '';
    expect(exprs).toContain('* 100 > 40');
    expect(exprs).toContain('> 50 * 3600');
  });

  it('matches every environment under the base prefix when no environment is given, escaping regex characters', () => {
    expect(seriesSelector(undefined, 'chat-attachments')).toBe('prefix=~"chat-attachments/.+/"');
    expect(seriesSelector(undefined, 'media.v2/chat')).toBe('prefix=~"media\\\\.v2/chat/.+/"');
    expect(promqlSyntaxError(`up{${seriesSelector(undefined, 'media.v2/chat')}}`)).toBeUndefined();
  });

  it('renders YAML that validates and parses back to the same data', () => {
    const manifest = renderPrometheusRule(staging);
    const text = manifestYaml(manifest, manifestHeader('staging', 'chat-attachments'));
    expect(text.startsWith('# PrometheusRule for chat attachment growth and lifecycle (chat-attachments/staging/).')).toBe(true);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(manifest)));
    expect(validateManifest(text, staging.labels).findings).toEqual([]);
  });
});

describe('the committed manifest', () => {
  const committedPath = path.join(root, COMMITTED_MANIFEST_PATH);

  it('is what the renderer makes of the committed options (fails when stale: run npm run alerts:render)', () => {
    const expected = manifestYaml(renderPrometheusRule(COMMITTED_MANIFEST_OPTIONS), manifestHeader(undefined, COMMITTED_MANIFEST_OPTIONS.basePrefix));
    expect(readFileSync(committedPath, 'utf8')).toBe(expected);
  });

  it('is rendered with the inputs defaults', () => {
    const defaults = (name: Parameters<typeof inputDefinition>[0]) => inputDefinition(name).default ?? '';
    expect(COMMITTED_MANIFEST_OPTIONS).toEqual({
      env: undefined,
      basePrefix: defaults('chat-attachment-s3-prefix'),
      labels: parseLabelList('alerts-rule-labels', defaults('alerts-rule-labels')),
      runbookUrl: defaults('alerts-runbook-url'),
      growthPercent: Number(defaults('alerts-growth-percent')),
      staleHours: Number(defaults('alerts-stale-hours')),
    });
  });

  it('passes validation apart from the relative runbook_url warning', () => {
    const findings = validateManifest(readFileSync(committedPath, 'utf8'), COMMITTED_MANIFEST_OPTIONS.labels).findings;
    expect(findings.map((finding) => finding.level)).toEqual(['warn']);
    expect(findings[0]?.message).toContain('not an absolute URL');
  });

  it('npm run alerts:render --check agrees (the script runs the same renderer on Node 24)', async () => {
    const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/node'), [path.join(root, 'scripts/render-alerts.mjs'), '--check'], {
      cwd: root,
    });
    expect(stdout).toContain('is up to date');
    const rendered = await promisify(execFile)(path.join(root, 'node_modules/.bin/node'), [path.join(root, 'scripts/render-alerts.mjs'), '--env', 'staging'], {
      cwd: root,
    });
    expect(rendered.stdout).toBe(
      manifestYaml(renderPrometheusRule({ ...COMMITTED_MANIFEST_OPTIONS, env: 'staging' }), manifestHeader('staging', 'chat-attachments')),
    );
  });
});
