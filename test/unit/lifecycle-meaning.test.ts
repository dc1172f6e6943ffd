import { describe, expect, it } from 'vitest';
import { keptMeaningProblem, meaningAsRead, meaningAsWritten } from '../../src/lifecycle/meaning.js';
import { normaliseRule } from '../../src/lifecycle/normalise.js';
import { prepareLifecyclePlan, type PlanRequest } from '../../src/lifecycle/prepare.js';
import { compareForeign } from '../../src/lifecycle/read-back.js';
import type { LifecycleRule } from '../../src/lifecycle/rule.js';

const TEAM = { Key: 'team', Value: 'media' };
const TIER = { Key: 'tier', Value: 'scratch' };
const TAGS = [TEAM, TIER];
const expire = { Status: 'Enabled', Expiration: { Days: 5 } } as const;
/** What the other team wrote: prefix and two tags, in valid S3. */
const WRITTEN: LifecycleRule = { ID: 'media-tagged', ...expire, Filter: { And: { Prefix: 'media/', Tags: TAGS } } };
/** How Ceph RGW 16.2 answers it: the prefix beside And. Written back so, RGW drops the prefix. */
const RGW_ANSWER: LifecycleRule = { ID: 'media-tagged', ...expire, Filter: { Prefix: 'media/', And: { Tags: TAGS } } };
/** And with one tag: RGW answers with Prefix and Tag side by side. */
const RGW_ONE_TAG: LifecycleRule = { ID: 'scratch', ...expire, Filter: { Prefix: 'uploads/', Tag: TIER } };

describe('normaliseRule: server shapes into valid S3, the same meaning', () => {
  it.each([
    { label: "RGW's Prefix beside And", read: RGW_ANSWER, filter: { And: { Prefix: 'media/', Tags: TAGS } } },
    { label: "RGW's Prefix beside a single Tag", read: RGW_ONE_TAG, filter: { And: { Prefix: 'uploads/', Tags: [TIER] } } },
    { label: 'an empty Prefix beside a Tag', read: { ID: 't', ...expire, Filter: { Prefix: '', Tag: TEAM } }, filter: { Tag: TEAM } },
    {
      label: 'a size bound beside the prefix',
      read: { ID: 's', ...expire, Filter: { Prefix: 'big/', ObjectSizeGreaterThan: 1024 } },
      filter: { And: { Prefix: 'big/', ObjectSizeGreaterThan: 1024 } },
    },
    {
      label: 'a rule-level Prefix repeating the Filter',
      read: { ID: 'l', ...expire, Prefix: 'logs/', Filter: { Prefix: 'logs/' } },
      filter: { Prefix: 'logs/' },
    },
    { label: 'neither Filter nor Prefix (the whole bucket)', read: { ID: 'n', ...expire }, filter: { Prefix: '' } },
    { label: 'the same tag twice', read: { ID: 'd', ...expire, Filter: { Tag: TEAM, And: { Tags: [TEAM] } } }, filter: { Tag: TEAM } },
  ] as { label: string; read: LifecycleRule; filter: unknown }[])('re-spells $label', ({ read, filter }) => {
    const normalised = normaliseRule(read);
    expect(normalised.respelt).toBe(true);
    expect(normalised.rule.Filter).toEqual(filter);
    expect(normalised.rule.Prefix).toBeUndefined();
    expect(normalised.rule.Expiration).toEqual(read.Expiration);
    expect(normalised.rule.ID).toBe(read.ID);
    expect(keptMeaningProblem(read, normalised.rule)).toBeUndefined();
  });

  it.each([
    { label: 'Filter.Prefix', rule: { ID: 'a', ...expire, Filter: { Prefix: 'tmp/' } } },
    { label: 'an empty Filter.Prefix', rule: { ID: 'a', ...expire, Filter: { Prefix: '' } } },
    { label: 'the legacy rule-level Prefix', rule: { ID: 'a', ...expire, Prefix: 'legacy/' } },
    { label: 'a single Tag', rule: { ID: 'a', ...expire, Filter: { Tag: TEAM } } },
    { label: 'And with prefix and tags', rule: WRITTEN },
    { label: 'And with tags only', rule: { ID: 'a', ...expire, Filter: { And: { Tags: TAGS } } } },
    { label: 'And with both size bounds', rule: { ID: 'a', ...expire, Filter: { And: { ObjectSizeGreaterThan: 1, ObjectSizeLessThan: 9 } } } },
    { label: 'an empty Filter', rule: { ID: 'a', ...expire, Filter: {} } },
  ])('keeps $label as it is (not re-spelt)', ({ rule }) => {
    const normalised = normaliseRule(rule as LifecycleRule);
    expect(normalised.respelt).toBe(false);
    expect(normalised.rule).toBe(rule);
  });

  it.each([
    {
      label: 'two different prefixes (rule-level and Filter)',
      rule: { ID: 'x', ...expire, Prefix: 'a/', Filter: { Prefix: 'b/' } },
      problem: "names the prefixes 'a/' and 'b/' at once",
    },
    {
      label: 'two different prefixes (beside and inside And)',
      rule: { ID: 'x', ...expire, Filter: { Prefix: 'a/', And: { Prefix: 'b/', Tags: TAGS } } },
      problem: "names the prefixes 'a/' and 'b/' at once",
    },
    { label: 'an unknown filter field', rule: { ID: 'x', ...expire, Filter: { Prefix: 'a/', Suffix: '.bin' } }, problem: "unknown filter field 'Suffix'" },
    {
      label: 'one tag with two values',
      rule: { ID: 'x', ...expire, Filter: { Tag: TEAM, And: { Tags: [{ Key: 'team', Value: 'chat' }] } } },
      problem: 'tag team is filtered on twice',
    },
    {
      label: 'a size that is not a whole number',
      rule: { ID: 'x', ...expire, Filter: { ObjectSizeLessThan: 1.5 } },
      problem: 'a size bound is not a whole number of bytes',
    },
    { label: 'a tag without Key', rule: { ID: 'x', ...expire, Filter: { Tag: { Value: 'v' } } }, problem: 'a tag filter has no Key' },
  ])('keeps, unprovable, $label', ({ rule, problem }) => {
    const normalised = normaliseRule(rule as LifecycleRule);
    expect(normalised.respelt).toBe(false);
    expect(normalised.rule).toBe(rule);
    expect(keptMeaningProblem(normalised.read, normalised.rule)).toContain(problem);
  });
});

describe('keptMeaningProblem: the proof before any write', () => {
  it("refuses RGW's answer written verbatim: S3 has no such shape (RGW would drop the prefix)", () => {
    expect(keptMeaningProblem(RGW_ANSWER, RGW_ANSWER)).toBe('as it would be written, its Filter holds Prefix and And side by side (S3 wants them inside And)');
  });

  it.each([
    { label: 'a dropped prefix (the widened rule)', written: { ...WRITTEN, Filter: { And: { Tags: TAGS } } }, difference: "prefix 'media/' would become ''" },
    {
      label: 'a dropped tag',
      written: { ...WRITTEN, Filter: { And: { Prefix: 'media/', Tags: [TEAM] } } },
      difference: "tags 'team=media, tier=scratch' would become 'team=media'",
    },
    {
      label: 'a dropped size bound',
      read: { ID: 's', ...expire, Filter: { And: { Prefix: 'a/', ObjectSizeGreaterThan: 10 } } },
      written: { ID: 's', ...expire, Filter: { Prefix: 'a/' } },
      difference: "ObjectSizeGreaterThan '10' would become none",
    },
    { label: 'another Status', written: { ...WRITTEN, Status: 'Disabled' }, difference: "Status 'Enabled' would become 'Disabled'" },
    {
      label: 'a dropped NewerNoncurrentVersions',
      read: { ID: 'n', Status: 'Enabled', Filter: { Prefix: 'n/' }, NoncurrentVersionExpiration: { NoncurrentDays: 3, NewerNoncurrentVersions: 2 } },
      written: { ID: 'n', Status: 'Enabled', Filter: { Prefix: 'n/' }, NoncurrentVersionExpiration: { NoncurrentDays: 3 } },
      difference:
        'its actions {"NoncurrentVersionExpiration":{"NewerNoncurrentVersions":2,"NoncurrentDays":3}} would become {"NoncurrentVersionExpiration":{"NoncurrentDays":3}}',
    },
  ])('names $label', ({ read, written, difference }) => {
    expect(keptMeaningProblem((read ?? RGW_ANSWER) as LifecycleRule, written as LifecycleRule)).toBe(difference);
  });

  it('reads legacy Prefix and Filter.Prefix alike, and tags in any order', () => {
    expect(meaningAsRead({ ID: 'a', ...expire, Prefix: 'p/' })).toEqual(meaningAsWritten({ ID: 'b', ...expire, Filter: { Prefix: 'p/' } }));
    expect(meaningAsRead(RGW_ANSWER)).toEqual(meaningAsWritten({ ...WRITTEN, Filter: { And: { Prefix: 'media/', Tags: [...TAGS].reverse() } } }));
  });
});

describe('prepareLifecyclePlan', () => {
  const managed: LifecycleRule = {
    ID: 'surreal-release-gates:chat-attachments/ci',
    Status: 'Enabled',
    Filter: { Prefix: 'chat-attachments/ci/' },
    Expiration: { Days: 30 },
  };
  const request: PlanRequest = { desired: [managed], adoptIds: [], envPrefix: 'chat-attachments/ci/', managedIds: new Set([managed.ID ?? '']) };

  it('plans against valid S3: a re-spelt rule is kept, written in valid form, and proved', () => {
    const prepared = prepareLifecyclePlan([RGW_ANSWER, RGW_ONE_TAG], request);
    expect(prepared.plan.changed).toBe(true);
    expect(prepared.plan.entries.map((entry) => [entry.id, entry.action])).toEqual([
      ['media-tagged', 'keep'],
      ['scratch', 'keep'],
      [managed.ID, 'add'],
    ]);
    expect(prepared.plan.rules[0]?.Filter).toEqual(WRITTEN.Filter);
    expect([...prepared.respelt.values()]).toEqual([RGW_ANSWER, RGW_ONE_TAG]);
    expect(prepared.respelt.get(prepared.plan.rules[0] as LifecycleRule)).toBe(RGW_ANSWER);
    expect(prepared.unprovable).toEqual([]);
  });

  it('a re-spelling alone changes nothing: no write', () => {
    const prepared = prepareLifecyclePlan([RGW_ANSWER, managed], request);
    expect(prepared.plan.changed).toBe(false);
    expect(prepared.respelt.size).toBe(1);
  });

  it('names a rule it cannot prove, with the reason', () => {
    const odd: LifecycleRule = { ID: 'odd', ...expire, Prefix: 'a/', Filter: { Prefix: 'b/' } };
    const prepared = prepareLifecyclePlan([odd, RGW_ANSWER], request);
    expect(prepared.unprovable).toEqual([{ rule: 'odd', reason: "as read, it names the prefixes 'a/' and 'b/' at once" }]);
  });

  it('adopts on the normalised rules, and proves only the rules it keeps', () => {
    const old: LifecycleRule = { ID: 'old', ...expire, Filter: { Prefix: 'chat-attachments/ci/', And: {} } };
    const prepared = prepareLifecyclePlan([old, RGW_ANSWER], { ...request, adoptIds: ['old'] });
    expect(prepared.adoption.adopt).toEqual(new Set(['old']));
    expect(prepared.plan.entries.map((entry) => entry.action)).toEqual(['adopt', 'keep', 'add']);
    expect(prepared.unprovable).toEqual([]);
  });
});

describe('compareForeign: the read-back in normalised form', () => {
  const owned = new Set(['surreal-release-gates:chat-attachments/ci']);

  it("takes a server's re-spelling for the same rule", () => {
    expect(compareForeign([WRITTEN], [RGW_ANSWER], owned)).toEqual({ changed: [], missing: [], added: [] });
  });

  it('names a rule that reads back widened, one that is missing, and one that appeared', () => {
    const widened: LifecycleRule = { ...WRITTEN, Filter: { And: { Tags: TAGS } } };
    const other: LifecycleRule = { ID: 'other', ...expire, Filter: { Prefix: 'o/' } };
    const added: LifecycleRule = { ID: 'added', ...expire, Filter: { Prefix: 'n/' } };
    expect(compareForeign([WRITTEN, other], [widened, added], owned)).toEqual({
      changed: [{ rule: 'media-tagged', difference: "prefix 'media/' reads back as ''" }],
      missing: ['other'],
      added: ['added'],
    });
  });
});
