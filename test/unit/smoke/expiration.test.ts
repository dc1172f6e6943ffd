import { describe, expect, it } from 'vitest';
import { decodeRuleId, expectedExpiryDates, judgeExpiration, parseExpirationHeader } from '../../../src/smoke/expiration.js';

const MANAGED = 'surreal-release-gates:chat-attachments/ci';

describe('parseExpirationHeader', () => {
  it.each([
    ['Ceph RGW (rule-id as is)', `expiry-date="Tue, 29 Dec 2026 00:00:00 GMT", rule-id="${MANAGED}"`, '2026-12-29T00:00:00.000Z', MANAGED],
    ['AWS (rule-id URL-encoded)', 'expiry-date="Fri, 23 Dec 2012 00:00:00 GMT", rule-id="surreal-release-gates%3Achat-attachments%2Fci"', '2012-12-23T00:00:00.000Z', MANAGED],
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

describe('judgeExpiration', () => {
  const base = { key: 'payload.bin', lastModified: new Date('2026-11-28T04:47:42Z'), managedRuleId: MANAGED, expireDays: 30, envPrefix: 'chat-attachments/ci/' };
  const header = (date: string, rule: string) => `expiry-date="${new Date(date).toUTCString()}", rule-id="${rule}"`;

  it.each([
    ['the managed rule, date consistent', header('2026-12-29', MANAGED), { ok: true }],
    ['the managed rule, URL-encoded', header('2026-12-29', encodeURIComponent(MANAGED)), { ok: true }],
    ['no header', undefined, { ok: false, problem: 'missing' }],
    ['a blank header', '  ', { ok: false, problem: 'missing' }],
    ['an unreadable header', 'soon', { ok: false, problem: 'malformed' }],
    ['another rule expiring sooner', header('2026-12-06', 'legacy'), { ok: false, problem: 'other-rule' }],
    ['another rule expiring later', header('2027-01-28', 'legacy'), { ok: false, problem: 'other-rule' }],
    ['another rule on the same day', header('2026-12-29', 'legacy'), { ok: false, problem: 'other-rule' }],
    ['the managed rule with other days', header('2026-12-06', MANAGED), { ok: false, problem: 'wrong-date' }],
    ['the managed rule, one day off', header('2026-12-30', MANAGED), { ok: false, problem: 'wrong-date' }],
  ])('%s', (_name, raw, expected) => {
    expect(judgeExpiration({ ...base, header: raw })).toMatchObject(expected);
  });

  it('says how much sooner another rule expires the object, and names it', () => {
    const verdict = judgeExpiration({ ...base, header: header('2026-12-06', 'legacy') });
    expect(verdict.message).toBe(`payload.bin: expires Sun, 06 Dec 2026 00:00:00 GMT by rule 'legacy', not by the managed rule ${MANAGED} (23 day(s) sooner than 30 days would give).`);
  });

  it('says how much later the managed rule expires the object than expire-days gives', () => {
    const verdict = judgeExpiration({ ...base, expireDays: 7, header: header('2026-12-29', MANAGED) });
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain('expected Sun, 06 Dec 2026 00:00:00 GMT (written 2026-11-28T04:47:42.000Z + 7 days, next midnight UTC) (23 day(s) later than 7 days would give)');
  });

  it('cannot confirm the date without Last-Modified', () => {
    expect(judgeExpiration({ ...base, lastModified: undefined, header: header('2026-12-29', MANAGED) })).toMatchObject({ ok: false, problem: 'wrong-date' });
  });
});
