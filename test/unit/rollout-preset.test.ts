import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputDefinition } from '../../src/config/inputs.js';
import { loadConfig } from '../../src/config/load.js';
import { presetGates, ROLLOUT_PRESET } from '../../src/config/presets.js';
import { InputError, SELECTABLE_GATES } from '../../src/verdict.js';

const WORKSPACE = mkdtempSync(path.join(tmpdir(), 'srg-config-'));
const CHECKS = "- {name: up, query: up, comparison: '>=', threshold: 1}\n";
writeFileSync(path.join(WORKSPACE, 'hot-path-checks.yaml'), CHECKS);

function load(inputs: Record<string, string> = {}) {
  const values: Record<string, string> = { 'app-env': 'staging', 's3-bucket': 'chat-attachments-staging', ...inputs };
  return loadConfig((input: InputDefinition) => values[input.name], WORKSPACE);
}

const ROLLOUT = {
  gates: 'rollout',
  'prometheus-url': 'http://prometheus.monitoring:9090',
  'hot-path-checks': 'hot-path-checks.yaml',
  // The branch-protection stage needs a token and a repository.
  'github-token': 'ghs_test',
  'github-repository': 'chat/service',
};

describe('the rollout preset', () => {
  it("keeps the runbook's order: alerts, lifecycle, verify, smoke, growth, hot-path, branch-protection", () => {
    expect(ROLLOUT_PRESET.stages).toEqual(['alerts', 'lifecycle', 'verify', 'smoke', 'growth', 'hot-path', 'branch-protection']);
    expect(ROLLOUT_PRESET.retry).toEqual({ gate: 'verify', rerun: ['lifecycle'] });
  });

  it('has a registered gate for every stage', () => {
    const missing = ROLLOUT_PRESET.stages.filter((stage) => !(SELECTABLE_GATES as readonly string[]).includes(stage));
    expect(missing).toEqual([]);
    expect(presetGates(ROLLOUT_PRESET)).toEqual(ROLLOUT_PRESET.stages);
  });

  it('expands gates: rollout, forcing fail-fast and archive-evidence on, with the verify retry', () => {
    const config = load({ ...ROLLOUT, 'fail-fast': 'false', 'archive-evidence': 'false' });
    expect(config.gates).toEqual(presetGates(ROLLOUT_PRESET));
    expect(config.gates).toEqual(['alerts', 'lifecycle', 'verify', 'smoke', 'growth', 'hot-path', 'branch-protection']);
    expect(config.alerts.mode).toBe('apply');
    expect(config.failFast).toBe(true);
    expect(config.archiveEvidence).toBe(true);
    expect(config.preset).toBe('rollout');
    expect(config.retry).toEqual({ gate: 'verify', rerun: ['lifecycle'] });
  });

  it('has no retry and no archive for ordinary gate lists', () => {
    const config = load({ gates: 'bucket,lifecycle,verify' });
    expect([config.preset, config.retry, config.archiveEvidence]).toEqual([undefined, undefined, false]);
    expect(load({ 'archive-evidence': 'true' }).archiveEvidence).toBe(true);
  });

  it.each([
    [{ ...ROLLOUT, mode: 'plan' }, 'mode', /apply with gates: rollout/],
    [{ ...ROLLOUT, gates: 'rollout,bucket' }, 'gates', /the preset 'rollout' stands alone/],
    [{ ...ROLLOUT, 'prometheus-url': '' }, 'prometheus-url', /the hot-path gate queries it/],
    [{ ...ROLLOUT, 'hot-path-checks': '' }, 'hot-path-checks', /YAML file path or inline YAML/],
    [{ ...ROLLOUT, 'hot-path-checks': 'missing.yaml' }, 'hot-path-checks', /a readable YAML file.*ENOENT/],
    [{ ...ROLLOUT, 'archive-evidence': 'yes' }, 'archive-evidence', /true or false/],
  ])('rejects %j on %s', (inputs, input, message) => {
    expect(() => load(inputs)).toThrow(InputError);
    try {
      load(inputs);
    } catch (error) {
      expect((error as InputError).input).toBe(input);
      expect((error as InputError).message).toMatch(message);
    }
  });
});

describe('hot-path inputs', () => {
  it('reads the checks from a file relative to the workspace, with the documented defaults', () => {
    const config = load({ gates: 'hot-path', 'prometheus-url': 'http://prometheus.monitoring:9090/', 'hot-path-checks': 'hot-path-checks.yaml' });
    expect(config.hotPath).toEqual({
      checks: [{ name: 'up', query: 'up', comparison: '>=', threshold: 1 }],
      checksSource: 'hot-path-checks.yaml',
      windowMs: 60_000,
      stepMs: 10_000,
      minSamples: 6,
      onNoData: 'fail',
    });
    expect(config.prometheus).toEqual({ url: new URL('http://prometheus.monitoring:9090/'), basicAuth: undefined, timeoutMs: 30_000 });
  });

  it('reads inline YAML, the window, step, minimum samples and policy', () => {
    const config = load({
      gates: 'hot-path',
      'prometheus-url': 'http://p:9090',
      'hot-path-checks': CHECKS,
      'hot-path-window': '5s',
      'hot-path-step': '1s',
      'hot-path-min-samples': '6',
      'on-no-data': 'pass',
      'prometheus-timeout-seconds': '5',
    });
    expect(config.hotPath).toMatchObject({ checksSource: 'inline YAML', windowMs: 5000, stepMs: 1000, minSamples: 6, onNoData: 'pass' });
    expect(config.prometheus?.timeoutMs).toBe(5000);
  });

  it('takes basic auth from the URL, masks the password and keeps it out of the URL', () => {
    const config = load({ gates: 'hot-path', 'prometheus-url': 'https://reader:pa%24%24@prom.example/prometheus', 'hot-path-checks': CHECKS });
    expect(config.prometheus?.url.href).toBe('https://prom.example/prometheus');
    expect(config.prometheus?.basicAuth).toEqual({ username: 'reader', password: 'pa$$' });
    expect(config.secrets).toContain('pa$$');
  });

  it('takes basic auth from prometheus-username and prometheus-password (the password masked), the URL as it is', () => {
    const config = load({
      gates: 'hot-path',
      'prometheus-url': 'https://prom.example/prometheus',
      'prometheus-username': ' reader ',
      'prometheus-password': 'pa$$:w0rd',
      'hot-path-checks': CHECKS,
    });
    expect(config.prometheus?.url.href).toBe('https://prom.example/prometheus');
    expect(config.prometheus?.basicAuth).toEqual({ username: 'reader', password: 'pa$$:w0rd' });
    expect(config.secrets).toContain('pa$$:w0rd');
  });

  it.each([
    [{ 'prometheus-username': 'reader' }, 'prometheus-password', /both prometheus-username and prometheus-password, or neither/],
    [{ 'prometheus-password': 'hunter2' }, 'prometheus-username', /both prometheus-username and prometheus-password, or neither/],
    [{ 'prometheus-username': 're:ader', 'prometheus-password': 'hunter2' }, 'prometheus-username', /without a colon/],
    [{ 'prometheus-url': 'http://u:p@p:9090', 'prometheus-username': 'reader', 'prometheus-password': 'hunter2' }, 'prometheus-username', /not both/],
  ])('rejects the credentials %j naming %s, never echoing the password', (inputs, input, form) => {
    const values = { gates: 'hot-path', 'prometheus-url': 'http://p:9090', 'hot-path-checks': CHECKS, ...inputs };
    expect(() => load(values)).toThrow(new RegExp(`^Invalid input '${input}'`));
    expect(() => load(values)).toThrow(form);
    try {
      load(values);
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });

  it.each([
    [{ 'hot-path-window': '2h' }, 'hot-path-window'],
    [{ 'hot-path-step': '2m' }, 'hot-path-step'],
    [{ 'hot-path-min-samples': '8' }, 'hot-path-min-samples'],
    [{ 'on-no-data': 'ignore' }, 'on-no-data'],
    [{ 'prometheus-url': 'prometheus:9090' }, 'prometheus-url'],
    [{ 'prometheus-url': 'http://p:9090/?x=1' }, 'prometheus-url'],
    [{ 'prometheus-timeout-seconds': '0' }, 'prometheus-timeout-seconds'],
  ])('rejects %j naming %s', (inputs, input) => {
    const values = { gates: 'hot-path', 'prometheus-url': 'http://p:9090', 'hot-path-checks': CHECKS, ...inputs };
    expect(() => load(values)).toThrow(new RegExp(`^Invalid input '${input}'`));
  });

  it('never echoes the password of a bad prometheus-url', () => {
    expect(() => load({ gates: 'hot-path', 'prometheus-url': 'ftp://u:hunter2@p:9090', 'hot-path-checks': CHECKS })).toThrow(/got "ftp:\/\/u:\*\*\*@p:9090"/);
  });

  it('does not require Prometheus settings when hot-path is not selected', () => {
    const config = load();
    expect([config.prometheus, config.hotPath, config.healthChecks]).toEqual([undefined, undefined, []]);
  });
});
