import { describe, expect, it } from 'vitest';
import { expectedExpiryDates } from '../../../src/lifecycle/expiry.js';
import type { LifecycleRule } from '../../../src/lifecycle/rule.js';
import { decodeRuleId, judgeExpiration, parseExpirationHeader } from '../../../src/smoke/expiration.js';

const MANAGED = 'surreal-release-gates:chat-attachments/ci';

describe('parseExpirationHeader', () => {
  it.each([
    ['Ceph RGW (rule-id as is)', `expiry-date="Tue, 29 Dec 2026 00:00:00 GMT", rule-id="${MANAGED}"`, '2026-12-29T00:00:00.000Z', MANAGED],
    [
      'AWS (rule-id URL-encoded)',
      'expiry-date="Fri, 23 Dec 2012 00:00:00 GMT", rule-id="surreal-release-gates%3Achat-attachments%2Fci"',
      '2012-12-23T00:00:00.000Z',
      MANAGED,
    ],
    ['encoded space as +', 'expiry-date="Fri, 23 Dec 2012 00:00:00 GMT", rule-id="legacy+cleanup"', '2012-12-23T00:00:00.000Z', 'legacy cleanup'],
    ['fields in the other order, extra spaces', 'rule-id="r1" ,  expiry-date = "Mon, 01 Jan 2024 00:00:00 GMT"', '2024-01-01T00:00:00.000Z', 'r1'],
  ])('%s', (_name, raw, date, ruleId) => {
    const header = parseExpirationHeader(raw);
    expect(header?.expiryDate.toISOString()).toBe(date);
    expect(header?.ruleId).toBe(ruleId);
  });

  it.each([
    ['empty', ''],
    ['no rule-id', 'expiry-date="Tue, 29 Dec 2026 00:00:00 GMT"'],
    ['no date', 'rule-id="x"'],
    ['bad date', 'expiry-date="tomorrow", rule-id="x"'],
  ])('is undefined when %s', (_name, raw) => {
    expect(parseExpirationHeader(raw)).toBeUndefined();
  });

  it('keeps a rule-id that is not valid percent-encoding as it is', () => {
    expect(decodeRuleId('50%-rule')).toBe('50%-rule');
  });
});

describe('expectedExpiryDates: object time + days, rounded up to the next midnight UTC', () => {
  it.each([
    ['mid-day', '2026-11-28T04:47:42Z', 30, ['2026-12-29T00:00:00.000Z']],
    ['AWS documentation example', '2014-01-15T10:30:00Z', 3, ['2014-01-19T00:00:00.000Z']],
    ['a second before midnight', '2026-02-27T23:59:59Z', 1, ['2026-03-01T00:00:00.000Z']],
    ['across a leap day', '2028-02-28T12:00:00Z', 1, ['2028-03-01T00:00:00.000Z']],
    ['across the year', '2026-12-31T08:00:00Z', 1, ['2027-01-02T00:00:00.000Z']],
    ['exactly midnight: both readings allowed', '2026-01-01T00:00:00Z', 2, ['2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z']],
  ])('%s', (_name, written, days, expected) => {
    expect(expectedExpiryDates(new Date(written), days).map((date) => date.toISOString())).toEqual(expected);
  });
});

// Spec change (retention verdicts): smoke judges the date the bucket's rules give the object, not
// which rule the server names, and not the retention (verify's verdict).
describe('judgeExpiration: the server applies the configuration as written', () => {
  const KEY = 'chat-attachments/ci/_smoke/20261128T044742Z-3f9a1c2b/payload.bin';
  const rule = (id: string, prefix: string, days: number, extra: Partial<LifecycleRule> = {}): LifecycleRule => ({
    ID: id,
    Status: 'Enabled',
    Filter: { Prefix: prefix },
    Expiration: { Days: days },
    ...extra,
  });
  const managed = rule(MANAGED, 'chat-attachments/ci/', 30);
  const base = {
    label: 'payload.bin',
    object: { key: KEY, size: 1000 },
    lastModified: new Date('2026-11-28T04:47:42Z'),
    rules: [managed] as LifecycleRule[] | undefined,
    applyHint: 'Run the lifecycle gate with mode: apply.',
  };
  const header = (date: string, rule: string) => `expiry-date="${new Date(date).toUTCString()}", rule-id="${rule}"`;

  it.each([
    ['the managed rule, date as the rules give', [managed], header('2026-12-29', MANAGED), { ok: true }],
    ['the managed rule, URL-encoded', [managed], header('2026-12-29', encodeURIComponent(MANAGED)), { ok: true }],
    [
      'a tie: the old rule sorting first is named, same date',
      [rule('chat-attachments-ci-expire', 'chat-attachments/ci/', 30), managed],
      header('2026-12-29', 'chat-attachments-ci-expire'),
      { ok: true },
    ],
    ['a shorter foreign rule named with its own date', [managed, rule('parent', 'chat-attachments/', 7)], header('2026-12-06', 'parent'), { ok: true }],
    [
      'a Date rule announces its date',
      [rule('dated', 'chat-attachments/', 0, { Expiration: { Date: new Date('2027-03-01T00:00:00Z') } })],
      header('2027-03-01', 'dated'),
      { ok: true },
    ],
    ['no header while a rule selects it', [managed], undefined, { ok: false, problem: 'missing' }],
    ['no header and no rule selects it', [], undefined, { ok: false, problem: 'missing' }],
    ['a blank header', [managed], '  ', { ok: false, problem: 'missing' }],
    ['an unreadable header', [managed], 'soon', { ok: false, problem: 'malformed' }],
    ['a header although no rule selects it', [], header('2026-12-29', MANAGED), { ok: false, problem: 'unexpected' }],
    [
      'a date from a rule whose filter the server dropped (tags)',
      [
        managed,
        rule('tagged', 'chat-attachments/', 3, {
          Filter: {
            And: {
              Prefix: 'chat-attachments/',
              Tags: [
                { Key: 'a', Value: '1' },
                { Key: 'b', Value: '2' },
              ],
            },
          },
        }),
      ],
      header('2026-12-02', 'tagged'),
      { ok: false, problem: 'wrong-date' },
    ],
    [
      'a date from a size-filtered rule that does not select this size',
      [managed, rule('big', 'chat-attachments/', 3, { Filter: { ObjectSizeGreaterThan: 5000 } })],
      header('2026-12-02', 'big'),
      { ok: false, problem: 'wrong-date' },
    ],
    ['the managed rule, one day off', [managed], header('2026-12-30', MANAGED), { ok: false, problem: 'wrong-date' }],
    ['rules that could not be read', undefined, header('2026-12-29', MANAGED), { ok: false, problem: 'no-rules' }],
  ])('%s', (_name, rules, raw, expected) => {
    expect(judgeExpiration({ ...base, rules, header: raw })).toMatchObject(expected);
  });

  it('a size-filtered rule that selects the object by its size decides its date', () => {
    const rules = [managed, rule('big', 'chat-attachments/', 3, { Filter: { ObjectSizeGreaterThan: 500 } })];
    expect(judgeExpiration({ ...base, rules, header: header('2026-12-02', 'big') })).toMatchObject({ ok: true });
  });

  it('reports, without judging, a server that names another rule of the same date', () => {
    const verdict = judgeExpiration({ ...base, rules: [rule('aaa-old', 'chat-attachments/ci/', 30), managed], header: header('2026-12-29', 'aaa-old') });
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.message).toBe(
      "payload.bin: expires Tue, 29 Dec 2026 00:00:00 GMT by aaa-old, as the bucket's rules give (written 2026-11-28T04:47:42.000Z).",
    );
    const other = judgeExpiration({ ...base, rules: [managed], header: header('2026-12-29', 'renamed-by-server') });
    expect(other.ok).toBe(true);
    expect(other.message).toContain(`(the server names 'renamed-by-server'; the rules give the date by ${MANAGED})`);
  });

  it('names both dates and both rules when they differ', () => {
    const verdict = judgeExpiration({ ...base, header: header('2026-12-06', 'legacy') });
    expect(verdict.message).toBe(
      `payload.bin: the server expires it Sun, 06 Dec 2026 00:00:00 GMT by rule 'legacy', but the bucket's rules give Tue, 29 Dec 2026 00:00:00 GMT by ${MANAGED} (written 2026-11-28T04:47:42.000Z; 23 day(s) sooner).`,
    );
  });

  it('cannot confirm the date without Last-Modified', () => {
    expect(judgeExpiration({ ...base, lastModified: undefined, header: header('2026-12-29', MANAGED) })).toMatchObject({ ok: false, problem: 'no-time' });
  });
});
