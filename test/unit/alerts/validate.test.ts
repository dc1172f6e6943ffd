import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { manifestHeader, manifestYaml, renderPrometheusRule, type AlertRenderOptions } from '../../../src/alerts/manifest.js';
import { validateManifest } from '../../../src/alerts/validate.js';

const options: AlertRenderOptions = {
  env: 'ci',
  basePrefix: 'chat-attachments',
  labels: { release: 'prom' },
  runbookUrl: 'https://runbooks.test/a.md',
  growthPercent: 25,
  staleHours: 26,
};
const good = manifestYaml(renderPrometheusRule(options), manifestHeader('ci', 'chat-attachments'));

type Doc = { kind?: string; metadata: { labels: Record<string, string> }; spec: { groups: { rules: Record<string, unknown>[] }[] } };
function mutate(change: (doc: Doc) => void): string {
  const doc = parse(good) as Doc;
  change(doc);
  return stringify(doc);
}
const rules = (doc: Doc) => doc.spec.groups[0]?.rules ?? [];

describe('validateManifest', () => {
  it('accepts the rendered manifest and extracts its spec as a rule file', () => {
    const result = validateManifest(good, options.labels);
    expect(result.findings).toEqual([]);
    expect(result.rules).toHaveLength(4);
    expect(result.groupNames).toEqual(['chat-attachment-lifecycle-ci']);
    expect(parse(result.ruleFile ?? '')).toEqual((parse(good) as Doc).spec);
  });

  it.each<[string, string, string]>([
    ['a missing alert', mutate((doc) => rules(doc).splice(1, 1)), 'ChatAttachmentLifecycleOverdueObjects appears 0 times'],
    ['a duplicated alert', mutate((doc) => rules(doc).push({ ...rules(doc)[0] })), 'ChatAttachmentPrefixGrowthHigh appears 2 times'],
    ['a missing runbook_url', mutate((doc) => delete (rules(doc)[0]?.annotations as Record<string, string>).runbook_url), 'lacks the runbook_url annotation'],
    ['an empty summary', mutate((doc) => ((rules(doc)[2]?.annotations as Record<string, string>).summary = ' ')), 'lacks the summary annotation'],
    ['a missing description', mutate((doc) => delete (rules(doc)[3]?.annotations as Record<string, string>).description), 'lacks the description annotation'],
    ['no severity', mutate((doc) => (rules(doc)[0]!.labels = {})), 'no severity label'],
    ['a bad duration', mutate((doc) => (rules(doc)[0]!.for = 'ten minutes')), "no valid 'for' duration"],
    ['no expr', mutate((doc) => delete rules(doc)[1]!.expr), 'has no expr'],
    ['the wrong kind', mutate((doc) => (doc.kind = 'ConfigMap')), 'kind PrometheusRule'],
    ['a missing ruleSelector label', mutate((doc) => delete doc.metadata.labels.release), 'lacks release=prom'],
    ['no groups', mutate((doc) => (doc.spec.groups = [])), 'spec.groups is empty'],
    ['invalid YAML', 'apiVersion: [unclosed', 'not valid YAML'],
  ])('fails on %s', (_name, text, message) => {
    const failures = validateManifest(text, options.labels).findings.filter((finding) => finding.level === 'fail');
    expect(failures.map((finding) => finding.message).join('\n')).toContain(message);
  });

  it('warns once, not per alert, about a relative runbook_url', () => {
    const relative = manifestYaml(renderPrometheusRule({ ...options, runbookUrl: 'docs/alerts/x.md' }), '');
    const findings = validateManifest(relative, options.labels).findings;
    expect(findings.map((finding) => finding.level)).toEqual(['warn']);
  });
});
