import { describe, expect, it } from 'vitest';
import { desiredRules, managedRuleIds, MANAGED_ID_PREFIX, prefersLegacyPrefix } from '../../src/lifecycle/managed.js';
import { planLifecycle } from '../../src/lifecycle/plan.js';
import { canonicalJson, canonicalRules, ruleLabel, ruleScope, semanticJson, type LifecycleRule, type Versioning } from '../../src/lifecycle/rule.js';

const PROD = managedRuleIds('chat-attachments', 'prod');
const ENV_PREFIX = 'chat-attachments/prod/';

function desired(expireDays = 30, versioning: Versioning = 'Unversioned', legacyPrefix = false, abortIncompleteMultipartDays = 7): LifecycleRule[] {
  return desiredRules({ ids: PROD, envPrefix: ENV_PREFIX, expireDays, abortIncompleteMultipartDays, versioning, legacyPrefix });
}
const ABORT_7 = { AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } };

/** Rules not owned by this action, one of every shape S3 allows. */
function foreignRules(): LifecycleRule[] {
  return [
    { ID: 'tagged-temp', Status: 'Enabled', Filter: { Tag: { Key: 'class', Value: 'temp' } }, Expiration: { Days: 1 } },
    {
      ID: 'tagged-and',
      Status: 'Enabled',
      Filter: {
        And: {
          Prefix: 'chat-attachments/prod/',
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'b', Value: '2' },
          ],
        },
      },
      Expiration: { Days: 3 },
    },
    { ID: 'disabled-logs', Status: 'Disabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 5 } },
    { ID: 'noncurrent', Status: 'Enabled', Filter: { Prefix: 'backups/' }, NoncurrentVersionExpiration: { NoncurrentDays: 60, NewerNoncurrentVersions: 3 } },
    { ID: 'abort-mpu', Status: 'Enabled', Filter: { Prefix: '' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
    { ID: 'date-expiry', Status: 'Enabled', Filter: { Prefix: 'campaign/' }, Expiration: { Date: new Date('2031-01-01T00:00:00.000Z') } },
    { ID: 'legacy-prefix', Status: 'Enabled', Prefix: 'tmp/', Expiration: { Days: 2 } },
    { Status: 'Enabled', Filter: { ObjectSizeGreaterThan: 1048576 }, Expiration: { Days: 90 } },
    { ID: 'with-unknown-field', Status: 'Enabled', Filter: { Prefix: 'x/' }, Expiration: { Days: 9 }, Transitions: [{ Days: 1, StorageClass: 'GLACIER' }] },
  ];
}

const actions = (rules: readonly LifecycleRule[], wanted: readonly LifecycleRule[]) =>
  planLifecycle(rules, wanted).entries.map((entry) => [entry.id, entry.action]);

describe('managedRuleIds and desiredRules', () => {
  it('derives fixed IDs owned by this action from prefix and env', () => {
    expect(PROD).toEqual({
      expiration: 'surreal-release-gates:chat-attachments/prod',
      deleteMarkers: 'surreal-release-gates:chat-attachments/prod:delete-markers',
    });
    expect(PROD.expiration.startsWith(MANAGED_ID_PREFIX)).toBe(true);
  });

  it.each([
    {
      versioning: 'Unversioned' as const,
      legacy: false,
      rules: [{ ID: PROD.expiration, Status: 'Enabled', Filter: { Prefix: ENV_PREFIX }, Expiration: { Days: 30 }, ...ABORT_7 }],
    },
    {
      versioning: 'Unversioned' as const,
      legacy: true,
      rules: [{ ID: PROD.expiration, Status: 'Enabled', Prefix: ENV_PREFIX, Expiration: { Days: 30 }, ...ABORT_7 }],
    },
    ...(['Enabled', 'Suspended'] as const).map((versioning) => ({
      versioning,
      legacy: false,
      rules: [
        {
          ID: PROD.expiration,
          Status: 'Enabled',
          Filter: { Prefix: ENV_PREFIX },
          Expiration: { Days: 30 },
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          ...ABORT_7,
        },
        // The delete-marker rule is unchanged: no AbortIncompleteMultipartUpload beside ExpiredObjectDeleteMarker.
        { ID: PROD.deleteMarkers, Status: 'Enabled', Filter: { Prefix: ENV_PREFIX }, Expiration: { ExpiredObjectDeleteMarker: true } },
      ],
    })),
  ])('versioning $versioning, legacy $legacy', ({ versioning, legacy, rules }) => {
    expect(desired(30, versioning, legacy)).toEqual(rules);
  });

  it('leaves AbortIncompleteMultipartUpload out with abort-incomplete-multipart-days 0', () => {
    expect(desired(30, 'Unversioned', false, 0)).toEqual([
      { ID: PROD.expiration, Status: 'Enabled', Filter: { Prefix: ENV_PREFIX }, Expiration: { Days: 30 } },
    ]);
  });

  it('changes a managed rule written before AbortIncompleteMultipartUpload once, then leaves it alone', () => {
    const before: LifecycleRule = { ID: PROD.expiration, Status: 'Enabled', Filter: { Prefix: ENV_PREFIX }, Expiration: { Days: 30 } };
    const plan = planLifecycle([before], desired());
    expect(plan.entries).toEqual([{ id: PROD.expiration, action: 'change', before, after: desired()[0] }]);
    expect(planLifecycle(plan.rules, desired()).changed).toBe(false);
  });
});

describe('prefersLegacyPrefix', () => {
  it.each([
    { name: 'empty configuration', rules: [], legacy: false },
    {
      name: 'every rule legacy',
      rules: [
        { ID: 'a', Prefix: 'a/' },
        { ID: 'b', Prefix: '' },
      ],
      legacy: true,
    },
    {
      name: 'mixed spellings',
      rules: [
        { ID: 'a', Prefix: 'a/' },
        { ID: 'b', Filter: { Prefix: 'b/' } },
      ],
      legacy: false,
    },
    { name: 'every rule with Filter', rules: [{ ID: 'b', Filter: { Prefix: 'b/' } }], legacy: false },
    {
      name: 'rule with neither',
      rules: [
        { ID: 'a', Prefix: 'a/' },
        { ID: 'c', Status: 'Enabled' },
      ],
      legacy: false,
    },
  ])('$name -> $legacy', ({ rules, legacy }) => {
    expect(prefersLegacyPrefix(rules as LifecycleRule[])).toBe(legacy);
  });
});

describe('planLifecycle', () => {
  it('adds the managed rule to an empty configuration', () => {
    const plan = planLifecycle([], desired());
    expect(plan.entries).toEqual([{ id: PROD.expiration, action: 'add', before: undefined, after: desired()[0] }]);
    expect(plan.rules).toEqual(desired());
    expect(plan.changed).toBe(true);
  });

  it('changes the managed rule in place when the days differ', () => {
    const [first, second] = foreignRules();
    const current = [first!, { ...desired(7)[0]! }, second!];
    const plan = planLifecycle(current, desired(30));
    expect(plan.entries.map((entry) => [entry.id, entry.action])).toEqual([
      ['tagged-temp', 'keep'],
      [PROD.expiration, 'change'],
      ['tagged-and', 'keep'],
    ]);
    expect(plan.entries[1]?.before).toBe(current[1]);
    expect(plan.entries[1]?.after).toEqual(desired(30)[0]);
    expect(plan.rules[1]).toEqual(desired(30)[0]);
    expect(plan.changed).toBe(true);
  });

  it.each([
    { name: 'as written (Filter.Prefix)', served: { ID: PROD.expiration, Status: 'Enabled', Filter: { Prefix: ENV_PREFIX }, Expiration: { Days: 30 } } },
    { name: 'legacy rule-level Prefix', served: { ID: PROD.expiration, Status: 'Enabled', Prefix: ENV_PREFIX, Expiration: { Days: 30 } } },
    {
      name: 'Filter.And with only a Prefix',
      served: { ID: PROD.expiration, Status: 'Enabled', Filter: { And: { Prefix: ENV_PREFIX } }, Expiration: { Days: 30 } },
    },
    {
      name: 'Filter.And with a Prefix and no tags',
      served: { ID: PROD.expiration, Status: 'Enabled', Filter: { And: { Prefix: ENV_PREFIX, Tags: [] } }, Expiration: { Days: 30 } },
    },
    {
      name: 'keys in another order, undefined fields present',
      served: {
        Expiration: { Days: 30, Date: undefined },
        Filter: { Prefix: ENV_PREFIX, Tag: undefined },
        Status: 'Enabled',
        ID: PROD.expiration,
        Prefix: undefined,
      },
    },
  ])('leaves the managed rule unchanged when the server spells it $name', ({ served }) => {
    const current = [served as LifecycleRule];
    // The spelling alone is under test: the served rules, like this desired one, carry no AbortIncompleteMultipartUpload.
    const plan = planLifecycle(current, desired(30, 'Unversioned', false, 0));
    expect(plan.entries.map((entry) => entry.action)).toEqual(['unchanged']);
    expect(plan.changed).toBe(false);
    expect(plan.rules[0]).toBe(current[0]);
  });

  it.each([
    { name: 'other days', served: { ID: PROD.expiration, Status: 'Enabled', Filter: { Prefix: ENV_PREFIX }, Expiration: { Days: 31 } } },
    { name: 'Disabled', served: { ID: PROD.expiration, Status: 'Disabled', Filter: { Prefix: ENV_PREFIX }, Expiration: { Days: 30 } } },
    { name: 'another prefix', served: { ID: PROD.expiration, Status: 'Enabled', Filter: { Prefix: 'chat-attachments/' }, Expiration: { Days: 30 } } },
    {
      name: 'narrowed by a tag',
      served: { ID: PROD.expiration, Status: 'Enabled', Filter: { And: { Prefix: ENV_PREFIX, Tags: [{ Key: 'k', Value: 'v' }] } }, Expiration: { Days: 30 } },
    },
    {
      name: 'narrowed by size',
      served: { ID: PROD.expiration, Status: 'Enabled', Filter: { And: { Prefix: ENV_PREFIX, ObjectSizeGreaterThan: 10 } }, Expiration: { Days: 30 } },
    },
    {
      name: 'with an extra action',
      served: {
        ID: PROD.expiration,
        Status: 'Enabled',
        Filter: { Prefix: ENV_PREFIX },
        Expiration: { Days: 30 },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
      },
    },
  ])('changes the managed rule when it differs: $name', ({ served }) => {
    const plan = planLifecycle([served as LifecycleRule], desired());
    expect(plan.entries.map((entry) => entry.action)).toEqual(['change']);
    expect(plan.rules).toEqual(desired());
    expect(plan.changed).toBe(true);
  });

  it('keeps foreign rules of every shape as the identical objects, in place, and appends the managed rule', () => {
    const current = foreignRules();
    const snapshot = structuredClone(current);
    const plan = planLifecycle(current, desired());
    expect(plan.rules).toHaveLength(current.length + 1);
    current.forEach((rule, index) => {
      expect(plan.rules[index]).toBe(rule);
      expect(plan.entries[index]).toEqual({ id: ruleLabel(rule, index), action: 'keep', before: rule, after: rule });
    });
    expect(plan.rules.at(-1)).toEqual(desired()[0]);
    expect(plan.entries.at(-1)?.action).toBe('add');
    expect(current).toEqual(snapshot); // the input is not mutated
    expect(plan.entries[7]?.id).toBe('(rule #8 without ID)');
  });

  it("keeps another environment's managed rules when planning for prod", () => {
    const staging = desiredRules({
      ids: managedRuleIds('chat-attachments', 'staging'),
      envPrefix: 'chat-attachments/staging/',
      expireDays: 7,
      abortIncompleteMultipartDays: 7,
      versioning: 'Enabled',
      legacyPrefix: false,
    });
    const current = [...staging, ...desired(30, 'Enabled')];
    const plan = planLifecycle(current, desired(30, 'Enabled'));
    expect(plan.entries.map((entry) => [entry.id, entry.action])).toEqual([
      ['surreal-release-gates:chat-attachments/staging', 'keep'],
      ['surreal-release-gates:chat-attachments/staging:delete-markers', 'keep'],
      [PROD.expiration, 'unchanged'],
      [PROD.deleteMarkers, 'unchanged'],
    ]);
    expect(plan.rules[0]).toBe(current[0]);
    expect(plan.rules[1]).toBe(current[1]);
    expect(plan.changed).toBe(false);
  });

  it('adds both managed rules on a versioned bucket, and the delete-marker rule once versioning appears', () => {
    expect(actions([], desired(30, 'Enabled'))).toEqual([
      [PROD.expiration, 'add'],
      [PROD.deleteMarkers, 'add'],
    ]);
    expect(actions(desired(30, 'Unversioned'), desired(30, 'Suspended'))).toEqual([
      [PROD.expiration, 'change'],
      [PROD.deleteMarkers, 'add'],
    ]);
  });

  it('treats a second rule with a managed ID as not ours rather than merging twice', () => {
    const duplicate = { ...desired(7)[0]! };
    expect(actions([desired(7)[0]!, duplicate], desired(30))).toEqual([
      [PROD.expiration, 'change'],
      [PROD.expiration, 'keep'],
    ]);
  });

  it.each([
    { name: 'empty', current: [] as LifecycleRule[] },
    { name: 'foreign only', current: foreignRules() },
    { name: 'managed already', current: desired() },
    { name: 'legacy only', current: [{ ID: 'legacy-prefix', Status: 'Enabled', Prefix: 'tmp/', Expiration: { Days: 2 } }] },
  ])('never yields an empty configuration ($name)', ({ current }) => {
    const wanted = desiredRules({
      ids: PROD,
      envPrefix: ENV_PREFIX,
      expireDays: 30,
      abortIncompleteMultipartDays: 7,
      versioning: 'Unversioned',
      legacyPrefix: prefersLegacyPrefix(current),
    });
    const plan = planLifecycle(current, wanted);
    expect(plan.rules.length).toBeGreaterThanOrEqual(1);
    expect(plan.rules.length).toBe(current.length + plan.entries.filter((entry) => entry.action === 'add').length);
    for (const rule of wanted) expect(plan.rules).toContainEqual(rule);
  });

  it('spells the managed rule the legacy way when every existing rule does, so the configuration stays uniform', () => {
    const current: LifecycleRule[] = [{ ID: 'legacy-prefix', Status: 'Enabled', Prefix: 'tmp/', Expiration: { Days: 2 } }];
    const plan = planLifecycle(current, desired(30, 'Unversioned', prefersLegacyPrefix(current)));
    expect(plan.rules.every((rule) => rule.Filter === undefined && typeof rule.Prefix === 'string')).toBe(true);
  });
});

describe('canonicalJson, canonicalRules, semanticJson, ruleScope', () => {
  it('sorts keys at every depth, drops undefined and writes dates as ISO strings', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [{ z: 1, y: 2 }] }, e: new Date('2030-01-02T03:04:05Z'), f: undefined, g: null })).toBe(
      '{"a":{"c":[{"y":2,"z":1}]},"b":1,"e":"2030-01-02T03:04:05.000Z","g":null}',
    );
  });

  it('gives equal text for equal rules written in another key order', () => {
    const a: LifecycleRule = { ID: 'x', Status: 'Enabled', Filter: { Prefix: 'p/' }, Expiration: { Days: 1 } };
    const b: LifecycleRule = { Expiration: { Days: 1 }, Filter: { Prefix: 'p/' }, Status: 'Enabled', ID: 'x', Prefix: undefined };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('canonicalRules sorts rules, so order does not matter', () => {
    const rules = foreignRules();
    expect(canonicalRules([...rules].reverse())).toEqual(canonicalRules(rules));
  });

  it('semanticJson tells tags apart but not their order', () => {
    const tags = (list: { Key: string; Value: string }[]): LifecycleRule => ({
      ID: 'x',
      Status: 'Enabled',
      Filter: { And: { Prefix: 'p/', Tags: list } },
      Expiration: { Days: 1 },
    });
    expect(
      semanticJson(
        tags([
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
        ]),
      ),
    ).toBe(
      semanticJson(
        tags([
          { Key: 'b', Value: '2' },
          { Key: 'a', Value: '1' },
        ]),
      ),
    );
    expect(semanticJson(tags([{ Key: 'a', Value: '1' }]))).not.toBe(semanticJson(tags([{ Key: 'a', Value: '2' }])));
  });

  it.each([
    { name: 'Filter.Prefix', rule: { Filter: { Prefix: 'p/' } }, scope: { prefix: 'p/', tags: [], sizeFiltered: false } },
    { name: 'legacy Prefix', rule: { Prefix: 'p/' }, scope: { prefix: 'p/', tags: [], sizeFiltered: false } },
    { name: 'And.Prefix', rule: { Filter: { And: { Prefix: 'p/' } } }, scope: { prefix: 'p/', tags: [], sizeFiltered: false } },
    { name: 'no filter at all', rule: {}, scope: { prefix: '', tags: [], sizeFiltered: false } },
    { name: 'empty Filter', rule: { Filter: {} }, scope: { prefix: '', tags: [], sizeFiltered: false } },
    { name: 'single Tag', rule: { Filter: { Tag: { Key: 'k', Value: 'v' } } }, scope: { prefix: '', tags: [{ Key: 'k', Value: 'v' }], sizeFiltered: false } },
    { name: 'size', rule: { Filter: { ObjectSizeLessThan: 5 } }, scope: { prefix: '', tags: [], sizeFiltered: true } },
    {
      name: 'And with prefix, tags and size',
      rule: { Filter: { And: { Prefix: 'p/', Tags: [{ Key: 'k', Value: 'v' }], ObjectSizeGreaterThan: 1 } } },
      scope: { prefix: 'p/', tags: [{ Key: 'k', Value: 'v' }], sizeFiltered: true },
    },
  ])('ruleScope reads $name', ({ rule, scope }) => {
    expect(ruleScope(rule as LifecycleRule)).toEqual(scope);
  });
});
