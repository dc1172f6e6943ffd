import { describe, expect, it } from 'vitest';
import { countObject, createTally, kindOf, overdueCutoff } from '../../../src/growth/tally.js';
import { judgeGrowth } from '../../../src/growth/judge.js';
import { object } from '../../support/fake-listing.js';

const day = 86_400_000;
const now = new Date('2026-03-01T12:00:00Z');
const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day);

describe('kindOf', () => {
  it.each([
    ['a/b.bin', 'bin'],
    ['a/b.json', 'json'],
    ['a/b.JSON', 'other'],
    ['a/b.bin.tmp', 'other'],
    ['a/bin', 'other'],
  ])('%s is %s', (key, kind) => expect(kindOf(key)).toBe(kind));
});

describe('overdueCutoff', () => {
  it('is expire-days plus grace before now', () => {
    expect(overdueCutoff(now, 30, 2).toISOString()).toBe(at(32).toISOString());
    expect(overdueCutoff(now, 1, 0).toISOString()).toBe(at(1).toISOString());
  });
});

describe('countObject', () => {
  it('aggregates counts, bytes, kinds, oldest and newest', () => {
    const tally = createTally();
    const cutoff = overdueCutoff(now, 30, 2);
    countObject(tally, object('p/a.bin', 10, at(3)), cutoff);
    countObject(tally, object('p/a.json', 2, at(1)), cutoff);
    countObject(tally, object('p/readme', 5, at(10)), cutoff);
    expect(tally).toMatchObject({ objects: 3, bytes: 17, byKind: { bin: 1, json: 1, other: 1 }, overdue: 0, overdueBytes: 0 });
    expect(tally.oldest?.key).toBe('p/readme');
    expect(tally.newest?.key).toBe('p/a.json');
  });

  it('counts an object exactly at the cut-off as not overdue, one millisecond older as overdue', () => {
    const tally = createTally();
    const cutoff = overdueCutoff(now, 30, 2);
    countObject(tally, object('p/edge.bin', 1, cutoff), cutoff);
    countObject(tally, object('p/old.bin', 4, new Date(cutoff.getTime() - 1)), cutoff);
    expect(tally.overdue).toBe(1);
    expect(tally.overdueBytes).toBe(4);
    expect(tally.overdueSample.map((o) => o.key)).toEqual(['p/old.bin']);
  });

  it('keeps only the oldest overdue objects, oldest first, whatever the order they arrive in', () => {
    const tally = createTally();
    const cutoff = overdueCutoff(now, 1, 0);
    const ages = [5, 50, 7, 40, 2, 90, 3, 60, 8, 70];
    ages.forEach((age, index) => countObject(tally, object(`p/${index}.bin`, 1, at(age)), cutoff, 4));
    expect(tally.overdue).toBe(10);
    expect(tally.overdueSample.map((o) => Math.round((now.getTime() - o.lastModified.getTime()) / day))).toEqual([90, 70, 60, 50]);
  });
});

describe('judgeGrowth', () => {
  const policy = { prefix: 'p/', now, expireDays: 30, graceDays: 2, overdueBefore: overdueCutoff(now, 30, 2) };
  it('fails with the count and the oldest key when objects are overdue', () => {
    const tally = createTally();
    countObject(tally, object('p/old.bin', 3, at(40)), policy.overdueBefore);
    countObject(tally, object('p/new.bin', 3, at(1)), policy.overdueBefore);
    const judged = judgeGrowth(tally, policy);
    expect(judged.findings[0]).toMatchObject({ level: 'fail' });
    expect(judged.findings[0]?.message).toContain('1 object(s) (3 bytes)');
    expect(judged.findings[0]?.evidence).toContain('p/old.bin, 40.0 days old');
    expect(judged.summary).toContain('lifecycle is not executing');
  });
  it('passes an empty prefix and one within retention plus grace', () => {
    expect(judgeGrowth(createTally(), policy).findings.map((f) => f.level)).toEqual(['info']);
    const tally = createTally();
    countObject(tally, object('p/a.bin', 3, at(31.9)), policy.overdueBefore);
    expect(judgeGrowth(tally, policy).findings.map((f) => f.level)).toEqual(['info']);
  });
});
