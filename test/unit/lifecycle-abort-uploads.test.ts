import { describe, expect, it } from 'vitest';
import { abortUploadsFinding, heldWithoutAbortIncomplete, withoutAbortIncomplete } from '../../src/lifecycle/abort-uploads.js';
import { desiredRules, managedRuleIds } from '../../src/lifecycle/managed.js';
import type { LifecycleRule } from '../../src/lifecycle/rule.js';

const PREFIX = 'chat-attachments/prod/';
const IDS = managedRuleIds('chat-attachments', 'prod');
const managed = (abortDays = 7) =>
  desiredRules({ ids: IDS, envPrefix: PREFIX, expireDays: 30, abortIncompleteMultipartDays: abortDays, versioning: 'Unversioned', legacyPrefix: false });

describe('abortUploadsFinding (verify)', () => {
  it.each<{ name: string; rules: LifecycleRule[]; level: string; message: RegExp }>([
    {
      name: 'the managed rule with the field',
      rules: managed(),
      level: 'info',
      message: /aborted 7 day\(s\) after they start, by rule surreal-release-gates:chat-attachments\/prod\.$/,
    },
    {
      name: 'the managed rule without it',
      rules: managed(0),
      level: 'warn',
      message: /^No enabled rule covering chat-attachments\/prod\/ aborts unfinished multipart uploads/,
    },
    {
      name: 'a foreign rule over the whole bucket (it counts), the soonest named',
      rules: [...managed(7), { ID: 'stale-uploads', Status: 'Enabled', Filter: { Prefix: '' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 3 } }],
      level: 'info',
      message: /aborted 3 day\(s\) after they start, by rule stale-uploads\.$/,
    },
    {
      name: 'a disabled rule',
      rules: [{ ID: 'off', Status: 'Disabled', Filter: { Prefix: '' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
      level: 'warn',
      message: /^No enabled rule/,
    },
    {
      name: 'a rule for another prefix',
      rules: [{ ID: 'other', Status: 'Enabled', Filter: { Prefix: 'chat-attachments/staging/' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
      level: 'warn',
      message: /^No enabled rule/,
    },
    {
      name: 'a rule narrower than the prefix',
      rules: [{ ID: 'part', Status: 'Enabled', Filter: { Prefix: `${PREFIX}big/` }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
      level: 'warn',
      message: /^No enabled rule/,
    },
    {
      name: 'a tag-filtered rule',
      rules: [{ ID: 'tagged', Status: 'Enabled', Filter: { Tag: { Key: 'k', Value: 'v' } }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
      level: 'warn',
      message: /^No enabled rule/,
    },
    {
      name: 'a legacy-prefix rule',
      rules: [{ ID: 'legacy', Status: 'Enabled', Prefix: 'chat-attachments/', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 } }],
      level: 'info',
      message: /by rule legacy\.$/,
    },
    { name: 'no rules', rules: [], level: 'warn', message: /^No enabled rule/ },
  ])('$name: $level', ({ rules, level, message }) => {
    const finding = abortUploadsFinding(rules, PREFIX);
    expect(finding.level).toBe(level);
    expect(finding.message).toMatch(message);
    if (level === 'warn') expect(finding.remediation).toContain('abort-incomplete-multipart-days');
  });
});

describe('heldWithoutAbortIncomplete (lifecycle read-back)', () => {
  const [written] = managed(7) as [LifecycleRule];

  it('names a written rule the server keeps only without the field', () => {
    expect(heldWithoutAbortIncomplete([withoutAbortIncomplete(written)], [written])).toEqual([written]);
  });

  it('names nothing when the server keeps the rule as written, or changed something else', () => {
    expect(heldWithoutAbortIncomplete([written], [written])).toEqual([]);
    const otherDays = { ...withoutAbortIncomplete(written), Expiration: { Days: 31 } };
    expect(heldWithoutAbortIncomplete([otherDays], [written])).toEqual([]);
    expect(heldWithoutAbortIncomplete([], [written])).toEqual([]);
  });
});
