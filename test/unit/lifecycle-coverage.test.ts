import { describe, expect, it } from 'vitest';
import { evaluateCoverage, expectedRetention, type CoverageInput } from '../../src/lifecycle/coverage.js';
import { expiryDays } from '../../src/lifecycle/expiry.js';
import { desiredRules, managedRuleIds } from '../../src/lifecycle/managed.js';
import type { LifecycleRule, Versioning } from '../../src/lifecycle/rule.js';
import { type GateStatus, statusOf } from '../../src/verdict.js';

const NOW = new Date('2030-06-01T12:00:00.000Z');
const DAY_MS = 86_400_000;
const IDS = managedRuleIds('chat-attachments', 'prod');
const MANAGED = IDS.expiration;
const PREFIX = 'chat-attachments/prod/';

const rule = (id: string, prefix: string, days: number, extra: Partial<LifecycleRule> = {}): LifecycleRule => ({
  ID: id,
  Status: 'Enabled',
  Filter: { Prefix: prefix },
  Expiration: { Days: days },
  ...extra,
});
const managed = (days = 30) => rule(MANAGED, PREFIX, days);
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

function evaluate(rules: LifecycleRule[], options: Partial<Omit<CoverageInput, 'rules'>> = {}) {
  return evaluateCoverage({
    rules,
    versioning: 'Unversioned',
    requiredPrefixes: [PREFIX],
    expectExpireDays: undefined,
    managedId: MANAGED,
    envPrefix: PREFIX,
    now: NOW,
    ...options,
  });
}

function single(rules: LifecycleRule[], options: Partial<Omit<CoverageInput, 'rules'>> = {}) {
  const [coverage, ...rest] = evaluate(rules, options);
  expect(rest).toEqual([]);
  if (coverage === undefined) throw new Error('no coverage returned');
  return coverage;
}

interface Case {
  readonly name: string;
  readonly rules: LifecycleRule[];
  readonly expect?: number;
  readonly versioning?: Versioning;
  readonly status: GateStatus;
  readonly days: number | undefined;
  readonly deciding: string | undefined;
  /** Each must match the message of some finding at the given level. */
  readonly findings?: readonly (readonly [level: string, message: RegExp])[];
}

const cases: Case[] = [
  {
    name: 'no rules at all',
    rules: [],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
    findings: [['fail', /No enabled expiration rule covers chat-attachments\/prod\//]],
  },
  { name: 'rule on the exact prefix covers', rules: [managed()], status: 'PASS', days: 30, deciding: MANAGED, findings: [['info', /expire after 30 days/]] },
  { name: 'rule on a parent prefix covers', rules: [rule('parent', 'chat-attachments/', 14)], status: 'PASS', days: 14, deciding: 'parent' },
  { name: 'rule on the whole bucket (empty prefix) covers', rules: [rule('all', '', 400)], status: 'PASS', days: 400, deciding: 'all' },
  { name: 'rule with no filter at all covers', rules: [{ ID: 'bare', Status: 'Enabled', Expiration: { Days: 9 } }], status: 'PASS', days: 9, deciding: 'bare' },
  {
    name: 'plain string prefix match: a shorter non-slash prefix covers',
    rules: [rule('pro', 'chat-attachments/pro', 11)],
    status: 'PASS',
    days: 11,
    deciding: 'pro',
  },
  {
    name: 'rule on a narrower prefix alone does not cover',
    rules: [rule('images', 'chat-attachments/prod/images/', 7)],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
    findings: [['fail', /No enabled expiration rule covers/]],
  },
  {
    name: 'rule on a sibling prefix does not cover',
    rules: [rule('staging', 'chat-attachments/staging/', 7)],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
  },
  {
    name: 'narrower rule with shorter days is a partial WARN',
    rules: [managed(), rule('images', 'chat-attachments/prod/images/', 7)],
    status: 'WARN',
    days: 30,
    deciding: MANAGED,
    findings: [['warn', /Rule images expires part of chat-attachments\/prod\/ \(prefix 'chat-attachments\/prod\/images\/'\) sooner: after 7 days/]],
  },
  {
    name: 'narrower rule with longer days is no warning',
    rules: [managed(), rule('images', 'chat-attachments/prod/images/', 90)],
    status: 'PASS',
    days: 30,
    deciding: MANAGED,
  },
  {
    name: 'tag-filtered rule (Filter.Tag) does not cover untagged objects',
    rules: [{ ID: 'tagged', Status: 'Enabled', Filter: { Tag: { Key: 'temp', Value: 'yes' } }, Expiration: { Days: 1 } }],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
    findings: [
      ['info', /Rule tagged is narrowed by a tag or size filter/],
      ['fail', /No enabled expiration rule covers/],
    ],
  },
  {
    name: 'tag-filtered rule (And.Tags on the prefix) does not cover untagged objects',
    rules: [{ ID: 'tagged', Status: 'Enabled', Filter: { And: { Prefix: PREFIX, Tags: [{ Key: 'k', Value: 'v' }] } }, Expiration: { Days: 1 } }],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
  },
  {
    name: 'size-filtered rule does not cover',
    rules: [{ ID: 'big', Status: 'Enabled', Filter: { And: { Prefix: PREFIX, ObjectSizeGreaterThan: 1024 } }, Expiration: { Days: 1 } }],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
    findings: [['info', /Rule big is narrowed/]],
  },
  {
    name: 'size-filtered (Filter.ObjectSizeLessThan) rule does not cover',
    rules: [{ ID: 'small', Status: 'Enabled', Filter: { ObjectSizeLessThan: 1024 }, Expiration: { Days: 1 } }],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
  },
  {
    name: 'tag-filtered shorter rule does not decide over the managed rule',
    rules: [managed(), { ID: 'tagged', Status: 'Enabled', Filter: { And: { Prefix: PREFIX, Tags: [{ Key: 'k', Value: 'v' }] } }, Expiration: { Days: 1 } }],
    status: 'PASS',
    days: 30,
    deciding: MANAGED,
  },
  {
    name: 'Disabled rule does not cover',
    rules: [rule('off', PREFIX, 30, { Status: 'Disabled' })],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
    findings: [
      ['info', /Rule off would cover chat-attachments\/prod\/ but its Status is Disabled/],
      ['fail', /No enabled expiration rule covers/],
    ],
  },
  {
    name: 'Disabled shorter rule does not decide',
    rules: [managed(), rule('off', PREFIX, 1, { Status: 'Disabled' })],
    status: 'PASS',
    days: 30,
    deciding: MANAGED,
  },
  {
    name: 'legacy rule-level Prefix counts like Filter.Prefix',
    rules: [{ ID: 'legacy', Status: 'Enabled', Prefix: 'chat-attachments/', Expiration: { Days: 21 } }],
    status: 'PASS',
    days: 21,
    deciding: 'legacy',
  },
  {
    name: 'legacy rule-level Prefix on a sibling does not cover',
    rules: [{ ID: 'legacy', Status: 'Enabled', Prefix: 'logs/', Expiration: { Days: 21 } }],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
  },
  {
    name: 'Filter.And with only a Prefix counts like Filter.Prefix',
    rules: [{ ID: 'and', Status: 'Enabled', Filter: { And: { Prefix: PREFIX } }, Expiration: { Days: 12 } }],
    status: 'PASS',
    days: 12,
    deciding: 'and',
  },
  {
    // Spec change (retention verdicts): the managed rule's days are the expected retention.
    name: 'a shorter rule on the parent prefix FAILs against the managed rule, without expect',
    rules: [managed(30), rule('parent', 'chat-attachments/', 10)],
    status: 'FAIL',
    days: 10,
    deciding: 'parent',
    findings: [
      [
        'fail',
        /is 10 days, expected 30 \(the managed rule surreal-release-gates:chat-attachments\/prod\); rule parent .* decides: objects are deleted 20 days earlier than the configured retention/,
      ],
    ],
  },
  {
    name: 'a shorter rule on the same prefix FAILs against the managed rule, without expect',
    rules: [rule('chat-attachments-prod-expire', PREFIX, 10), managed(30)],
    status: 'FAIL',
    days: 10,
    deciding: 'chat-attachments-prod-expire',
    findings: [['fail', /deleted 20 days earlier than the configured retention/]],
  },
  {
    name: 'without the managed rule and without expect, a shorter overlapping rule is a WARN (non-strict mode)',
    rules: [rule('team-a', PREFIX, 30), rule('parent', 'chat-attachments/', 10)],
    status: 'WARN',
    days: 10,
    deciding: 'parent',
    findings: [['warn', /Rule parent \(10 days\) overlaps team-a \(30 days\) on chat-attachments\/prod\/: the shorter one wins/]],
  },
  {
    name: 'the old script rule with the same days, its ID sorting first: PASS, named, adoption suggested',
    rules: [rule('chat-attachments-prod-expire', PREFIX, 30), managed(30)],
    status: 'PASS',
    days: 30,
    deciding: MANAGED,
    findings: [
      [
        'info',
        /Rule chat-attachments-prod-expire also expires chat-attachments\/prod\/ after 30 days .*lifecycle-adopt-rule-ids: chat-attachments-prod-expire/,
      ],
    ],
  },
  {
    name: 'the old script rule with the same days, its ID sorting last: PASS, adoption suggested',
    rules: [managed(30), rule('zz-old-expire', PREFIX, 30)],
    status: 'PASS',
    days: 30,
    deciding: MANAGED,
    findings: [['info', /Rule zz-old-expire also expires .*lifecycle-adopt-rule-ids: zz-old-expire/]],
  },
  {
    name: 'the old script rule as a legacy rule-level Prefix with the same days: PASS, adoption suggested',
    rules: [{ ID: 'old-legacy', Status: 'Enabled', Prefix: PREFIX, Expiration: { Days: 30 } }, managed(30)],
    status: 'PASS',
    days: 30,
    deciding: MANAGED,
    findings: [['info', /Rule old-legacy also expires .*lifecycle-adopt-rule-ids: old-legacy/]],
  },
  {
    name: 'a longer old rule changes nothing: the managed rule decides',
    rules: [rule('old-expire', PREFIX, 90), managed(30)],
    status: 'PASS',
    days: 30,
    deciding: MANAGED,
    findings: [['info', /expire after 30 days, as configured \(the managed rule/]],
  },
  {
    name: 'a longer rule alone, with expect: FAIL, kept longer than configured',
    rules: [rule('old-expire', PREFIX, 90)],
    expect: 30,
    status: 'FAIL',
    days: 90,
    deciding: 'old-expire',
    findings: [
      ['fail', /is 90 days, expected 30 \(expect-expire-days\); rule old-expire .* decides: objects are kept 60 days longer than the configured retention/],
    ],
  },
  {
    name: 'the managed rule disabled and a longer foreign rule: FAIL against the managed rule days',
    rules: [rule(MANAGED, PREFIX, 30, { Status: 'Disabled' }), rule('old-expire', 'chat-attachments/', 60)],
    status: 'FAIL',
    days: 60,
    deciding: 'old-expire',
    findings: [
      ['info', /Rule surreal-release-gates:chat-attachments\/prod would cover chat-attachments\/prod\/ but its Status is Disabled/],
      ['fail', /kept 30 days longer/],
    ],
  },
  {
    name: 'with expect equal to the effective retention: PASS',
    rules: [managed(30)],
    expect: 30,
    status: 'PASS',
    days: 30,
    deciding: MANAGED,
  },
  {
    name: 'with expect, a mismatch FAILs naming the deciding rule',
    rules: [managed(30)],
    expect: 14,
    status: 'FAIL',
    days: 30,
    deciding: MANAGED,
    findings: [
      [
        'fail',
        /Effective retention of chat-attachments\/prod\/ is 30 days, expected 14 \(expect-expire-days\); rule surreal-release-gates:chat-attachments\/prod .* decides/,
      ],
    ],
  },
  {
    name: 'with expect, a shorter foreign rule decides and the FAIL names it',
    rules: [managed(30), rule('parent', 'chat-attachments/', 10)],
    expect: 30,
    status: 'FAIL',
    days: 10,
    deciding: 'parent',
    findings: [['fail', /is 10 days, expected 30 .*rule parent \(prefix 'chat-attachments\/', 10 days\) decides/]],
  },
  {
    name: 'with expect matched by the shorter rule: PASS, no overlap warning',
    rules: [managed(30), rule('parent', 'chat-attachments/', 10)],
    expect: 10,
    status: 'PASS',
    days: 10,
    deciding: 'parent',
  },
  {
    name: 'on equal days the managed rule is named as deciding; the twin on the parent is named, not offered for adoption',
    rules: [rule('parent', 'chat-attachments/', 30), managed(30)],
    status: 'PASS',
    days: 30,
    deciding: MANAGED,
    findings: [['info', /^Rule parent also expires chat-attachments\/prod\/ after 30 days \(same retention, no effect on the verdict\)\.$/]],
  },
  {
    name: 'a rule without ID is named by its position',
    rules: [{ Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 5 } }],
    expect: 30,
    status: 'FAIL',
    days: 5,
    deciding: '(rule #1 without ID)',
    findings: [['fail', /\(rule #1 without ID\)/]],
  },
  {
    name: 'Date expiry in the future counts its remaining days',
    rules: [{ ID: 'dated', Status: 'Enabled', Filter: { Prefix: PREFIX }, Expiration: { Date: inDays(45) } }],
    status: 'PASS',
    days: 45,
    deciding: 'dated',
  },
  {
    name: 'Date expiry part-way through a day rounds up',
    rules: [{ ID: 'dated', Status: 'Enabled', Filter: { Prefix: PREFIX }, Expiration: { Date: inDays(2.25) } }],
    status: 'PASS',
    days: 3,
    deciding: 'dated',
  },
  {
    name: 'Date expiry in the future shorter than the managed rule decides and FAILs',
    rules: [managed(30), { ID: 'dated', Status: 'Enabled', Filter: { Prefix: 'chat-attachments/' }, Expiration: { Date: inDays(5) } }],
    status: 'FAIL',
    days: 5,
    deciding: 'dated',
  },
  {
    name: 'Date expiry in the past FAILs: objects are deleted at once',
    rules: [{ ID: 'dated', Status: 'Enabled', Filter: { Prefix: PREFIX }, Expiration: { Date: inDays(-3) } }],
    status: 'FAIL',
    days: 0,
    deciding: 'dated',
    findings: [['fail', /Rule dated expires objects under chat-attachments\/prod\/ immediately/]],
  },
  {
    name: 'Date expiry in the past FAILs even next to the managed rule',
    rules: [managed(30), { ID: 'dated', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Date: inDays(-1) } }],
    status: 'FAIL',
    days: 0,
    deciding: 'dated',
  },
  {
    name: 'ExpiredObjectDeleteMarker-only rule is not an expiry',
    rules: [{ ID: IDS.deleteMarkers, Status: 'Enabled', Filter: { Prefix: PREFIX }, Expiration: { ExpiredObjectDeleteMarker: true } }],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
    findings: [['fail', /No enabled expiration rule covers/]],
  },
  {
    name: 'NoncurrentVersionExpiration-only rule is not an expiry',
    rules: [{ ID: 'nc', Status: 'Enabled', Filter: { Prefix: PREFIX }, NoncurrentVersionExpiration: { NoncurrentDays: 5 } }],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
  },
  {
    name: 'AbortIncompleteMultipartUpload-only rule is not an expiry',
    rules: [{ ID: 'mpu', Status: 'Enabled', Filter: { Prefix: '' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
    status: 'FAIL',
    days: undefined,
    deciding: undefined,
  },
  ...(['Enabled', 'Suspended'] as const).flatMap((versioning): Case[] => [
    {
      name: `versioning ${versioning} without NoncurrentVersionExpiration and delete-marker rule FAILs twice`,
      rules: [managed()],
      versioning,
      status: 'FAIL',
      days: 30,
      deciding: MANAGED,
      findings: [
        ['fail', new RegExp(`Bucket versioning is ${versioning} but no enabled rule covering chat-attachments/prod/ has NoncurrentVersionExpiration`)],
        ['fail', new RegExp(`Bucket versioning is ${versioning} but no enabled rule covering chat-attachments/prod/ removes expired delete markers`)],
      ],
    },
    {
      name: `versioning ${versioning} with NoncurrentVersionExpiration but no delete-marker rule FAILs`,
      rules: [rule(MANAGED, PREFIX, 30, { NoncurrentVersionExpiration: { NoncurrentDays: 30 } })],
      versioning,
      status: 'FAIL',
      days: 30,
      deciding: MANAGED,
      findings: [['fail', /removes expired delete markers/]],
    },
    {
      name: `versioning ${versioning} with a delete-marker rule but no NoncurrentVersionExpiration FAILs`,
      rules: [managed(), { ID: IDS.deleteMarkers, Status: 'Enabled', Filter: { Prefix: PREFIX }, Expiration: { ExpiredObjectDeleteMarker: true } }],
      versioning,
      status: 'FAIL',
      days: 30,
      deciding: MANAGED,
      findings: [['fail', /has NoncurrentVersionExpiration/]],
    },
    {
      name: `versioning ${versioning} with both (the managed pair) has no versioning failure`,
      rules: desiredRules({ ids: IDS, envPrefix: PREFIX, expireDays: 30, abortIncompleteMultipartDays: 7, versioning, legacyPrefix: false }),
      versioning,
      status: 'PASS',
      days: 30,
      deciding: MANAGED,
    },
    {
      name: `versioning ${versioning}: a Disabled or tag-filtered noncurrent/marker rule does not count`,
      rules: [
        managed(),
        { ID: 'nc', Status: 'Disabled', Filter: { Prefix: PREFIX }, NoncurrentVersionExpiration: { NoncurrentDays: 1 } },
        { ID: 'dm', Status: 'Enabled', Filter: { Tag: { Key: 'k', Value: 'v' } }, Expiration: { ExpiredObjectDeleteMarker: true } },
      ],
      versioning,
      status: 'FAIL',
      days: 30,
      deciding: MANAGED,
      findings: [
        ['fail', /has NoncurrentVersionExpiration/],
        ['fail', /removes expired delete markers/],
      ],
    },
    {
      name: `versioning ${versioning} and no expiry at all: still reports the versioning failures`,
      rules: [],
      versioning,
      status: 'FAIL',
      days: undefined,
      deciding: undefined,
      findings: [
        ['fail', /No enabled expiration rule covers/],
        ['fail', /has NoncurrentVersionExpiration/],
      ],
    },
  ]),
  {
    name: 'unversioned bucket needs no noncurrent or delete-marker rule',
    rules: [managed()],
    versioning: 'Unversioned',
    status: 'PASS',
    days: 30,
    deciding: MANAGED,
  },
];

describe('evaluateCoverage of one required prefix', () => {
  it.each(cases)('$name', ({ rules, expect: expectDays, versioning, status, days, deciding, findings }) => {
    const coverage = single(rules, { expectExpireDays: expectDays, versioning: versioning ?? 'Unversioned' });
    expect(coverage.prefix).toBe(PREFIX);
    expect(statusOf(coverage.findings)).toBe(status);
    expect(coverage.effectiveDays).toBe(days);
    expect(coverage.decidingRule).toBe(deciding);
    for (const [level, message] of findings ?? []) {
      expect(coverage.findings.filter((finding) => finding.level === level).map((finding) => finding.message)).toContainEqual(expect.stringMatching(message));
    }
    // Whatever the verdict, every finding is one line a reader can act on.
    for (const finding of coverage.findings) expect(finding.message).not.toMatch(/[\r\n]/);
  });

  it('lists a *.bin and a *.json sample key with the rules expiring them, earliest first', () => {
    const coverage = single([rule('all', '', 90), managed(30), rule('off', PREFIX, 1, { Status: 'Disabled' })]);
    expect(coverage.keys).toEqual([
      { key: 'chat-attachments/prod/example.bin', expiringRules: [MANAGED, 'all'] },
      { key: 'chat-attachments/prod/example.json', expiringRules: [MANAGED, 'all'] },
    ]);
  });

  it('any positive retention passes without expect-expire-days or the managed rule, and is reported', () => {
    for (const days of [1, 7, 365, 36500]) {
      const coverage = single([rule('team-rule', PREFIX, days)]);
      expect(statusOf(coverage.findings)).toBe('PASS');
      expect(coverage.findings).toContainEqual(expect.objectContaining({ level: 'info', message: `Objects under ${PREFIX} expire after ${days} days.` }));
    }
  });
});

describe('evaluateCoverage of several required prefixes', () => {
  it('evaluates each prefix on its own', () => {
    const result = evaluate(
      [
        managed(30),
        rule('avatars', 'chat-attachments/prod/avatars/', 7),
        rule('tagged', 'chat-attachments/eu/', 1, { Filter: { And: { Prefix: 'chat-attachments/eu/', Tags: [{ Key: 'k', Value: 'v' }] } } }),
      ],
      { requiredPrefixes: [PREFIX, 'chat-attachments/prod/avatars/', 'chat-attachments/eu/'] },
    );
    expect(result.map((coverage) => [coverage.prefix, coverage.effectiveDays, coverage.decidingRule, statusOf(coverage.findings)])).toEqual([
      [PREFIX, 30, MANAGED, 'WARN'], // avatars/ expires part of it sooner
      ['chat-attachments/prod/avatars/', 7, 'avatars', 'FAIL'], // 7 days against the managed rule's 30
      ['chat-attachments/eu/', undefined, undefined, 'FAIL'], // only a tag-filtered rule
    ]);
  });

  it('a failing prefix does not leak findings into another', () => {
    const [prod, staging] = evaluate([managed(30)], { requiredPrefixes: [PREFIX, 'chat-attachments/staging/'], expectExpireDays: 30 });
    expect(prod && statusOf(prod.findings)).toBe('PASS');
    expect(staging && statusOf(staging.findings)).toBe('FAIL');
    expect(staging?.findings.every((finding) => finding.message.includes('chat-attachments/staging/'))).toBe(true);
  });
});

describe('expectedRetention', () => {
  it.each([
    { name: 'expect-expire-days wins over the managed rule', rules: [managed(30)], expect: 14, result: { days: 14, source: 'expect-expire-days' } },
    {
      name: 'the managed rule in the bucket gives its days',
      rules: [rule('other', PREFIX, 7), managed(45)],
      expect: undefined,
      result: { days: 45, source: `the managed rule ${MANAGED}` },
    },
    { name: 'no managed rule and no expect: none', rules: [rule('other', PREFIX, 7)], expect: undefined, result: undefined },
    {
      name: 'a managed delete-marker rule alone gives no days',
      rules: [{ ID: MANAGED, Status: 'Enabled', Filter: { Prefix: PREFIX }, Expiration: { ExpiredObjectDeleteMarker: true } }],
      expect: undefined,
      result: undefined,
    },
  ])('$name', ({ rules, expect: expectDays, result }) => {
    expect(expectedRetention({ rules, expectExpireDays: expectDays, managedId: MANAGED, now: NOW })).toEqual(result);
  });
});

describe('expiryDays', () => {
  it.each([
    { name: 'Days', rule: { Expiration: { Days: 30 } }, days: 30 },
    { name: 'Date in 10 days', rule: { Expiration: { Date: inDays(10) } }, days: 10 },
    { name: 'Date as an ISO string', rule: { Expiration: { Date: inDays(10).toISOString() } }, days: 10 },
    { name: 'Date passed', rule: { Expiration: { Date: inDays(-10) } }, days: 0 },
    { name: 'Date exactly now', rule: { Expiration: { Date: NOW } }, days: 0 },
    { name: 'delete markers only', rule: { Expiration: { ExpiredObjectDeleteMarker: true } }, days: undefined },
    { name: 'no Expiration', rule: { NoncurrentVersionExpiration: { NoncurrentDays: 3 } }, days: undefined },
  ])('$name -> $days', ({ rule: value, days }) => {
    expect(expiryDays(value as LifecycleRule, NOW)).toBe(days);
  });
});
