import { parseDocument } from 'yaml';
import { EXPECTED_ALERTS, REQUIRED_ANNOTATIONS, ruleFileYaml } from './manifest.js';
import type { Finding } from '../verdict.js';

const SEVERITIES = new Set(['info', 'warning', 'critical']);
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

export interface ValidatedRule {
  readonly group: string;
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly severity: string;
}

export interface ManifestValidation {
  readonly findings: Finding[];
  readonly rules: ValidatedRule[];
  /** The `.spec` as a Prometheus rule file; undefined when the manifest has none. */
  readonly ruleFile: string | undefined;
  readonly groupNames: string[];
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * Checks a PrometheusRule manifest's text: kind and API version, the ruleSelector labels, every
 * expected alert present once, each with a duration, a severity and summary, description and
 * runbook_url annotations. PromQL itself is checked elsewhere (promtool, or the in-process parse).
 */
export function validateManifest(manifestText: string, expectedLabels: Readonly<Record<string, string>>): ManifestValidation {
  const findings: Finding[] = [];
  const fail = (message: string, remediation = 'Regenerate the manifest (npm run alerts:render) instead of editing it by hand.') =>
    findings.push({ level: 'fail', message, remediation });
  const document = parseDocument(manifestText);
  if (document.errors.length > 0) {
    fail(`The manifest is not valid YAML: ${document.errors[0]?.message ?? 'parse error'}`);
    return { findings, rules: [], ruleFile: undefined, groupNames: [] };
  }
  const root: unknown = document.toJS();
  if (!isPlain(root)) {
    fail('The manifest is not a YAML mapping.');
    return { findings, rules: [], ruleFile: undefined, groupNames: [] };
  }
  if (root.apiVersion !== 'monitoring.coreos.com/v1' || root.kind !== 'PrometheusRule') {
    fail(`Expected apiVersion monitoring.coreos.com/v1 and kind PrometheusRule, got ${String(root.apiVersion)} ${String(root.kind)}.`);
  }
  const metadata = isPlain(root.metadata) ? root.metadata : {};
  if (text(metadata.name) === undefined) fail('metadata.name is missing.');
  const labels = isPlain(metadata.labels) ? metadata.labels : {};
  for (const [key, value] of Object.entries(expectedLabels)) {
    if (labels[key] !== value) {
      fail(
        `metadata.labels lacks ${key}=${value}: the Prometheus ruleSelector would not pick the rule up.`,
        'Set alerts-rule-labels to the labels your Prometheus ruleSelector matches.',
      );
    }
  }
  const spec = isPlain(root.spec) ? root.spec : undefined;
  const groups = spec && Array.isArray(spec.groups) ? spec.groups : [];
  if (groups.length === 0) fail('spec.groups is empty: the manifest holds no rules.');

  const rules: ValidatedRule[] = [];
  const groupNames: string[] = [];
  for (const group of groups) {
    const groupName = isPlain(group) ? text(group.name) : undefined;
    if (!isPlain(group) || groupName === undefined || !Array.isArray(group.rules)) {
      fail('A rule group lacks a name or a rules list.');
      continue;
    }
    groupNames.push(groupName);
    for (const rule of group.rules) {
      if (!isPlain(rule)) continue;
      const alert = text(rule.alert);
      if (alert === undefined) continue; // recording rules are not ours to judge
      const expr = text(rule.expr);
      const duration = typeof rule.for === 'string' ? rule.for : '';
      const ruleLabels = isPlain(rule.labels) ? rule.labels : {};
      const annotations = isPlain(rule.annotations) ? rule.annotations : {};
      const severity = typeof ruleLabels.severity === 'string' ? ruleLabels.severity : '';
      if (expr === undefined) fail(`Alert ${alert} has no expr.`);
      if (!DURATION.test(duration)) fail(`Alert ${alert} has no valid 'for' duration (got '${duration}').`);
      if (!SEVERITIES.has(severity)) fail(`Alert ${alert} has no severity label of info, warning or critical (got '${severity}').`);
      for (const annotation of REQUIRED_ANNOTATIONS) {
        if (text(annotations[annotation]) === undefined) fail(`Alert ${alert} lacks the ${annotation} annotation.`);
      }
      const runbook = text(annotations.runbook_url);
      if (runbook !== undefined && !/^https?:\/\//.test(runbook)) {
        findings.push({
          level: 'warn',
          message: `Alert ${alert}: runbook_url '${runbook}' is not an absolute URL, so notifications cannot link to it.`,
          remediation: 'Set alerts-runbook-url to the https address of your runbook page.',
        });
      }
      rules.push({ group: groupName, alert, expr: expr ?? '', for: duration, severity });
    }
  }
  for (const expected of EXPECTED_ALERTS) {
    const count = rules.filter((rule) => rule.alert === expected).length;
    if (count !== 1) fail(`Alert ${expected} appears ${count} times; expected once.`);
  }
  // A warning per alert about the same runbook_url says the same thing four times: keep one.
  const firstRunbookWarning = findings.findIndex((finding) => finding.level === 'warn');
  const deduplicated = findings.filter((finding, index) => finding.level !== 'warn' || index === firstRunbookWarning);
  const ruleFile = spec !== undefined ? ruleFileYaml(spec) : undefined;
  return { findings: deduplicated, rules, ruleFile, groupNames };
}
