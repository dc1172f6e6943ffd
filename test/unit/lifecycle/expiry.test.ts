import { describe, expect, it } from 'vitest';
import { objectExpiry } from '../../../src/lifecycle/expiry.js';
import type { LifecycleRule } from '../../../src/lifecycle/rule.js';
import { ruleSelects } from '../../../src/lifecycle/selection.js';

const KEY = 'chat-attachments/ci/a.bin';
const WRITTEN = new Date('2026-11-28T04:47:42Z');
const rule = (id: string, filter: LifecycleRule['Filter'], days: number, extra: Partial<LifecycleRule> = {}): LifecycleRule => ({
  ID: id,
  Status: 'Enabled',
  Filter: filter,
  Expiration: { Days: days },
  ...extra,
});

describe('ruleSelects', () => {
  it.each([
    ['prefix match', rule('r', { Prefix: 'chat-attachments/' }, 1), { key: KEY }, true],
    ['no filter at all', { ID: 'r', Status: 'Enabled', Expiration: { Days: 1 } }, { key: KEY }, true],
    ['legacy rule-level Prefix', { ID: 'r', Status: 'Enabled', Prefix: 'chat-attachments/ci/', Expiration: { Days: 1 } }, { key: KEY }, true],
    ['other prefix', rule('r', { Prefix: 'logs/' }, 1), { key: KEY }, false],
    ['Disabled', rule('r', { Prefix: '' }, 1, { Status: 'Disabled' }), { key: KEY }, false],
    ['tag rule, untagged object', rule('r', { Tag: { Key: 'k', Value: 'v' } }, 1), { key: KEY }, false],
    ['tag rule, tagged object', rule('r', { Tag: { Key: 'k', Value: 'v' } }, 1), { key: KEY, tags: [{ Key: 'k', Value: 'v' }] }, true],
    [
      'two tags, object has one',
      rule(
        'r',
        {
          And: {
            Prefix: '',
            Tags: [
              { Key: 'a', Value: '1' },
              { Key: 'b', Value: '2' },
            ],
          },
        },
        1,
      ),
      { key: KEY, tags: [{ Key: 'a', Value: '1' }] },
      false,
    ],
    ['size above the bound', rule('r', { ObjectSizeGreaterThan: 10 }, 1), { key: KEY, size: 11 }, true],
    ['size equal to the bound (strict)', rule('r', { ObjectSizeGreaterThan: 10 }, 1), { key: KEY, size: 10 }, false],
    ['size below an And upper bound', rule('r', { And: { Prefix: 'chat-attachments/', ObjectSizeLessThan: 100 } }, 1), { key: KEY, size: 99 }, true],
    ['size unknown', rule('r', { ObjectSizeLessThan: 100 }, 1), { key: KEY }, false],
  ] as const)('%s', (_name, value, object, selected) => {
    expect(ruleSelects(value as LifecycleRule, object)).toBe(selected);
  });
});

describe('objectExpiry: the earliest expiry among the rules selecting the object', () => {
  it('names every rule of a tie, in configuration order', () => {
    const expiry = objectExpiry(
      [rule('managed', { Prefix: 'chat-attachments/ci/' }, 30), rule('old', { Prefix: 'chat-attachments/ci/' }, 30), rule('long', { Prefix: '' }, 90)],
      { key: KEY },
      WRITTEN,
    );
    expect(expiry?.date.toISOString()).toBe('2026-12-29T00:00:00.000Z');
    expect(expiry?.decidingRules).toEqual(['managed', 'old']);
  });

  it('a Date rule before the Days rule decides', () => {
    const expiry = objectExpiry(
      [rule('managed', { Prefix: '' }, 30), { ID: 'dated', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Date: new Date('2026-12-10T00:00:00Z') } }],
      { key: KEY },
      WRITTEN,
    );
    expect(expiry?.decidingRules).toEqual(['dated']);
    expect(expiry?.dates.map((date) => date.toISOString())).toEqual(['2026-12-10T00:00:00.000Z']);
  });

  it('undefined when no enabled rule expires the object', () => {
    expect(
      objectExpiry(
        [
          rule('off', { Prefix: '' }, 1, { Status: 'Disabled' }),
          { ID: 'dm', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { ExpiredObjectDeleteMarker: true } },
        ],
        { key: KEY },
        WRITTEN,
      ),
    ).toBeUndefined();
  });
});
