import { describe, expect, it } from 'vitest';
import { decideDrift, describeStep, driftTitle, oldestFirst, type TrackedIssue } from '../../../src/drift/decide.js';
import { driftMarker, isPlanComment, planCommentMarker, readDriftMarker } from '../../../src/drift/markers.js';
import { writtenBy } from '../../../src/drift/ownership.js';

const issue = (number: number, createdAt: string, firstSeen?: string): TrackedIssue => ({
  id: 1000 + number,
  number,
  createdAt,
  body: firstSeen === undefined ? 'no marker' : `${driftMarker('staging', firstSeen)}\nrest`,
});

describe('drift markers', () => {
  it('are read from the first line only, with the environment and a valid first-seen time', () => {
    expect(readDriftMarker(`${driftMarker('staging', '2030-06-01T12:00:00.000Z')}\nbody`)).toEqual({ env: 'staging', firstSeen: '2030-06-01T12:00:00.000Z' });
    expect(readDriftMarker('<!-- surreal-release-gates:drift env=prod first-seen=yesterday -->')).toEqual({ env: 'prod', firstSeen: undefined });
    expect(readDriftMarker(`quoting it:\n${driftMarker('staging', '2030-06-01T12:00:00Z')}`)).toBeUndefined();
    expect(readDriftMarker(null)).toBeUndefined();
    expect(readDriftMarker('<!-- surreal-release-gates:drift env=Staging -->')).toBeUndefined();
  });

  it('plan comment markers name one environment', () => {
    expect(isPlanComment(`${planCommentMarker('staging')}\n### plan`, 'staging')).toBe(true);
    expect(isPlanComment(`${planCommentMarker('staging')}\n### plan`, 'production')).toBe(false);
    expect(isPlanComment(`> ${planCommentMarker('staging')}`, 'staging')).toBe(false);
  });
});

describe('writtenBy', () => {
  it('a user token owns its login; an installation token owns bot accounts, never a person', () => {
    expect(writtenBy({ login: 'Ops-Bot-User', type: 'User' }, { kind: 'user', login: 'ops-bot-user' })).toBe(true);
    expect(writtenBy({ login: 'alice', type: 'User' }, { kind: 'user', login: 'ops-bot-user' })).toBe(false);
    expect(writtenBy({ login: 'github-actions[bot]', type: 'Bot' }, { kind: 'app' })).toBe(true);
    expect(writtenBy({ login: 'alice', type: 'User' }, { kind: 'app' })).toBe(false);
    expect(writtenBy(undefined, { kind: 'app' })).toBe(false);
  });
});

describe('decideDrift', () => {
  const a = issue(12, '2030-06-01T10:00:00Z', '2030-05-30T08:00:00.000Z');
  const b = issue(13, '2030-06-01T10:00:01Z', '2030-06-01T10:00:01.000Z');
  const sameTime = issue(11, '2030-06-01T10:00:01Z', '2030-06-01T10:00:01.000Z');

  it.each([
    ['not passing, none open', false, [], ['open']],
    ['not passing, one open', false, [a], ['update #12']],
    ['not passing, two open (overlapping runs)', false, [b, a], ['update #12', 'duplicate #13 of #12']],
    ['passing, one open', true, [a], ['resolve #12']],
    ['passing, two open', true, [b, a], ['resolve #12', 'duplicate #13 of #12']],
    ['passing, none open', true, [], []],
  ] as const)('%s', (_name, passing, tracked, expected) => {
    const steps = decideDrift(passing, tracked).map((step) =>
      step.kind === 'open'
        ? 'open'
        : step.kind === 'duplicate'
          ? `duplicate #${step.issue.number} of #${step.original.number}`
          : `${step.kind} #${step.issue.number}`,
    );
    expect(steps).toEqual(expected);
  });

  it('keeps the first-seen time of the oldest issue, or its creation time when the marker has none', () => {
    expect(decideDrift(false, [a])).toEqual([{ kind: 'update', issue: a, firstSeen: '2030-05-30T08:00:00.000Z' }]);
    const unmarked = issue(20, '2030-06-02T00:00:00Z');
    expect(decideDrift(false, [unmarked])).toEqual([{ kind: 'update', issue: unmarked, firstSeen: '2030-06-02T00:00:00.000Z' }]);
  });

  it('orders by creation time, then by number', () => {
    expect(oldestFirst([b, sameTime, a]).map((entry) => entry.number)).toEqual([12, 11, 13]);
  });

  it('describes each step in one line', () => {
    expect(decideDrift(false, []).map((step) => describeStep(step, 'staging'))).toEqual([`open an issue '${driftTitle('staging')}'`]);
    expect(decideDrift(true, [b, a]).map((step) => describeStep(step, 'staging'))).toEqual([
      'comment on #12 that every gate passes again, and close it',
      'close #13 as a duplicate of #12',
    ]);
  });
});
