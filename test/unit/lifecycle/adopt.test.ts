import { describe, expect, it } from 'vitest';
import { adoptionRefusal, planAdoption } from '../../../src/lifecycle/adopt.js';
import { managedRuleIds } from '../../../src/lifecycle/managed.js';
import { planLifecycle } from '../../../src/lifecycle/plan.js';
import type { LifecycleRule } from '../../../src/lifecycle/rule.js';

const PREFIX = 'chat-attachments/staging/';
const IDS = managedRuleIds('chat-attachments', 'staging');
const MANAGED = new Set([IDS.expiration, IDS.deleteMarkers]);
const old = (extra: Partial<LifecycleRule> = {}): LifecycleRule => ({
  ID: 'old-expire',
  Status: 'Enabled',
  Filter: { Prefix: PREFIX },
  Expiration: { Days: 30 },
  ...extra,
});

describe('adoptionRefusal: only a rule on exactly the env prefix may be replaced', () => {
  it.each([
    ['plain Filter.Prefix', old(), undefined],
    ['legacy rule-level Prefix', { ID: 'old-expire', Status: 'Enabled', Prefix: PREFIX, Expiration: { Days: 30 } }, undefined],
    ['And with only the Prefix', old({ Filter: { And: { Prefix: PREFIX } } }), undefined],
    ['other days, Disabled: still only this prefix', old({ Status: 'Disabled', Expiration: { Days: 7 } }), undefined],
    ['a parent prefix', old({ Filter: { Prefix: 'chat-attachments/' } }), "its prefix is 'chat-attachments/', not 'chat-attachments/staging/'"],
    ['a narrower prefix', old({ Filter: { Prefix: `${PREFIX}images/` } }), `its prefix is '${PREFIX}images/', not '${PREFIX}'`],
    ['the whole bucket', old({ Filter: { Prefix: '' } }), `its prefix is '', not '${PREFIX}'`],
    ['a tag', old({ Filter: { And: { Prefix: PREFIX, Tags: [{ Key: 'k', Value: 'v' }] } } }), 'it has a tag filter'],
    ['a size bound', old({ Filter: { And: { Prefix: PREFIX, ObjectSizeGreaterThan: 10 } } }), 'it has an object size filter'],
    ['transitions', old({ Transitions: [{ Days: 10, StorageClass: 'GLACIER' }] }), 'it has Transitions'],
    ['noncurrent transitions', old({ NoncurrentVersionTransitions: [{ NoncurrentDays: 10, StorageClass: 'GLACIER' }] }), 'it has NoncurrentVersionTransitions'],
  ])('%s', (_name, rule, refusal) => {
    expect(adoptionRefusal(rule, PREFIX)).toBe(refusal);
  });
});

describe('planAdoption and planLifecycle', () => {
  const current: LifecycleRule[] = [old(), { ID: 'parent', Status: 'Enabled', Filter: { Prefix: 'chat-attachments/' }, Expiration: { Days: 90 } }];

  it('sorts the IDs into adopted, refused and absent; the managed IDs are never adoptable', () => {
    const plan = planAdoption(current, ['old-expire', 'parent', 'typo', IDS.expiration], PREFIX, MANAGED);
    expect([...plan.adopt]).toEqual(['old-expire']);
    expect(plan.refused.map((refused) => refused.id)).toEqual(['parent', IDS.expiration]);
    expect(plan.absent).toEqual(['typo']);
  });

  it('removes exactly the adopted rule, adds the managed rule and keeps every other rule as read', () => {
    const desired: LifecycleRule[] = [{ ID: IDS.expiration, Status: 'Enabled', Filter: { Prefix: PREFIX }, Expiration: { Days: 30 } }];
    const plan = planLifecycle(current, desired, new Set(['old-expire']));
    expect(plan.entries.map((entry) => [entry.id, entry.action])).toEqual([
      ['old-expire', 'adopt'],
      ['parent', 'keep'],
      [IDS.expiration, 'add'],
    ]);
    expect(plan.rules.map((rule) => rule.ID)).toEqual(['parent', IDS.expiration]);
    expect(plan.rules[0]).toBe(current[1]);
    expect(plan.changed).toBe(true);
  });

  it('an adoption alone is a change (the managed rule already there)', () => {
    const desired: LifecycleRule[] = [{ ID: IDS.expiration, Status: 'Enabled', Filter: { Prefix: PREFIX }, Expiration: { Days: 30 } }];
    const plan = planLifecycle([...current, desired[0] as LifecycleRule], desired, new Set(['old-expire']));
    expect(plan.entries.map((entry) => entry.action)).toEqual(['adopt', 'keep', 'unchanged']);
    expect(plan.changed).toBe(true);
    expect(planLifecycle([...current, desired[0] as LifecycleRule], desired).changed).toBe(false);
  });
});
