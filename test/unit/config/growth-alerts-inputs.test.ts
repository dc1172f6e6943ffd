import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUTS } from '../../../src/config/inputs.js';
import { loadConfig } from '../../../src/config/load.js';
import { GATES } from '../../../src/gates/registry.js';
import { readerOf } from '../../support/inputs.js';
import { InputError, SELECTABLE_GATES } from '../../../src/verdict.js';

const base = { 'app-env': 'staging', 's3-bucket': 'chat-attachments-staging' };
const load = (extra: Record<string, string> = {}) => loadConfig(readerOf({ ...base, ...extra }), '/workspace');

describe('growth and alerts inputs', () => {
  it('have safe defaults: dry-run, no push, no Prometheus, grace 2 days', () => {
    const config = load();
    expect(config.growth).toEqual({ graceDays: 2, pushgatewayUrl: undefined, source: 'list', inventoryLocation: undefined });
    expect(config.prometheusUrl).toBeUndefined();
    expect(config.alerts).toEqual({
      mode: 'dry-run',
      k8sContext: undefined,
      k8sNamespace: 'monitoring',
      ruleLabels: { release: 'kube-prometheus-stack' },
      runbookUrl: 'docs/alerts/chat-attachment-lifecycle.md',
      growthPercent: 25,
      staleHours: 26,
      verifyTimeoutMs: 120_000,
    });
  });

  it('never derive alerts-mode from the S3 mode', () => {
    expect(load({ mode: 'apply' }).alerts.mode).toBe('dry-run');
    expect(load({ mode: 'plan', 'alerts-mode': 'apply' }).alerts.mode).toBe('apply');
  });

  it('parse every value', () => {
    const config = load({
      'retention-grace-days': '0',
      'pushgateway-url': 'http://127.0.0.1:9091',
      'prometheus-url': 'https://prometheus.example.test/prom/',
      'alerts-mode': 'apply',
      'k8s-context': 'arn:aws:eks:eu-west-1:123456789012:cluster/chat',
      'k8s-namespace': 'observability',
      'alerts-rule-labels': 'release=prom, team=chat,example.com/tier=',
      'alerts-runbook-url': 'https://github.com/acme/chat/blob/main/docs/runbook.md',
      'alerts-growth-percent': '10',
      'alerts-stale-hours': '2',
      'alerts-verify-timeout-seconds': '5',
    });
    expect(config.growth.graceDays).toBe(0);
    expect(config.growth.pushgatewayUrl?.href).toBe('http://127.0.0.1:9091/');
    expect(config.prometheusUrl?.href).toBe('https://prometheus.example.test/prom/');
    expect(config.alerts).toMatchObject({
      mode: 'apply',
      k8sContext: 'arn:aws:eks:eu-west-1:123456789012:cluster/chat',
      k8sNamespace: 'observability',
      growthPercent: 10,
      staleHours: 2,
      verifyTimeoutMs: 5000,
    });
    expect(config.alerts.ruleLabels).toEqual({ release: 'prom', team: 'chat', 'example.com/tier': '' });
  });

  it.each([
    ['retention-grace-days', '-1'],
    ['retention-grace-days', '366'],
    ['pushgateway-url', 'ftp://host'],
    ['pushgateway-url', 'http://user:pass@host:9091'],
    ['prometheus-url', 'not a url'],
    ['alerts-mode', 'plan'],
    ['k8s-context', 'two words'],
    ['k8s-namespace', 'Monitoring_NS'],
    ['alerts-rule-labels', 'release'],
    ['alerts-rule-labels', 'a=b,a=c'],
    ['alerts-rule-labels', 'bad key=x'],
    ['alerts-runbook-url', 'javascript:alert(1)'],
    ['alerts-runbook-url', 'https://x.test/a.md#anchor'],
    ['alerts-growth-percent', '0'],
    ['alerts-stale-hours', '1.5'],
    ['alerts-verify-timeout-seconds', '3601'],
  ])('reject %s = %j naming the input', (input, value) => {
    let thrown: unknown;
    try {
      load({ [input]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).input).toBe(input);
    expect((thrown as Error).message).toContain(`Invalid input '${input}'`);
    if (input === 'pushgateway-url') expect((thrown as Error).message).toContain('Expected an http(s) URL');
  });
});

describe('gate registration', () => {
  it('offers growth and alerts but keeps them out of the default gates', () => {
    expect(SELECTABLE_GATES).toEqual(expect.arrayContaining(['growth', 'alerts']));
    expect(load().gates).toEqual(['bucket', 'lifecycle', 'verify', 'smoke']);
    expect(load({ gates: 'growth,alerts' }).gates).toEqual(['growth', 'alerts']);
  });
  it('uses the runbook report names and states the alerts mode', () => {
    expect(GATES.growth.report).toBe('chat-attachment-growth-latest.md');
    expect(GATES.alerts.report).toBe('chat-attachment-alerts-apply-latest.md');
    expect(GATES.growth.mode).toBeUndefined();
    expect(GATES.alerts.mode?.(load({ 'alerts-mode': 'apply' }))).toBe('apply');
    expect(GATES.alerts.mode?.(load())).toBe('dry-run');
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(path.resolve(import.meta.dirname, '../../../action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string; default?: string; required?: boolean }>;
    outputs: Record<string, { description: string }>;
  };
  it('mirrors every input of the table (names, defaults, descriptions)', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUTS.map((input) => input.name));
    for (const input of INPUTS) {
      expect(action.inputs[input.name]?.description).toBe(input.description);
      expect(action.inputs[input.name]?.default).toBe('default' in input ? input.default : undefined);
    }
  });
  it('declares the growth outputs', () => {
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(['growth-objects', 'growth-bytes', 'growth-overdue']));
  });
});
