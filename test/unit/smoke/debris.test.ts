import { describe, expect, it } from 'vitest';
import { worstCaseSmokeRunMs } from '../../../src/smoke/budget.js';
import { findDebris, formatAge, runIdOfKey, type SmokeFolderListing } from '../../../src/smoke/debris.js';
import { runIdTime } from '../../../src/smoke/run-id.js';

const ENV = 'chat-attachments/ci/';
const FOLDER = `${ENV}_smoke/`;
const HOUR = 3_600_000;
const NOW = new Date('2026-12-01T12:00:00Z');
const OLD_RUN = '20200101T000000Z-0badc0de';
const OWN_RUN = '20261201T115959Z-01020304';
const LIVE_RUN = '20261201T115000Z-aaaaaaaa';
const longAgo = new Date('2026-11-01T00:00:00Z');
const justNow = new Date('2026-12-01T11:59:30Z');

function listing(entries: Partial<SmokeFolderListing>): SmokeFolderListing {
  return { objects: [], versions: undefined, uploads: [], ...entries };
}

const debris = (list: SmokeFolderListing, overrides: { runnerNow?: Date; serverNow?: Date | undefined } = {}) =>
  findDebris({
    envPrefix: ENV,
    ownRunId: OWN_RUN,
    listing: list,
    runnerNow: overrides.runnerNow ?? NOW,
    serverNow: 'serverNow' in overrides ? overrides.serverNow : NOW,
    staleAfterMs: HOUR,
  });

describe('run ids as names under _smoke/', () => {
  it.each([
    ['20261128T044742Z-3f9a1c2b', '2026-11-28T04:47:42.000Z'],
    ['20200101T000000Z-0badc0de0badc0de', '2020-01-01T00:00:00.000Z'],
    ['notes', undefined],
    ['20261128T044742Z', undefined],
    ['20261128T044742Z-3f9a1c2', undefined],
    ['20261128T044742Z-3f9a1c2bx', undefined],
    ['20261128T044742Z-3F9A1C2B', undefined],
    ['20260230T000000Z-3f9a1c2b', undefined],
    ['20261128T246000Z-3f9a1c2b', undefined],
  ])('%s has the time %s', (name, time) => {
    expect(runIdTime(name)?.toISOString()).toBe(time);
  });

  it.each([
    [`${FOLDER}${OLD_RUN}/payload.bin`, OLD_RUN],
    [`${FOLDER}${OLD_RUN}/nested/deeper.bin`, OLD_RUN],
    [`${FOLDER}${OLD_RUN}/`, undefined],
    [`${FOLDER}${OLD_RUN}`, undefined],
    [`${FOLDER}${OLD_RUN}-sibling/payload.bin`, undefined],
    [`${FOLDER}notes/readme.txt`, undefined],
    [`${FOLDER}payload.bin`, undefined],
    [`${ENV}${OLD_RUN}/payload.bin`, undefined],
    [`chat-attachments/prod/_smoke/${OLD_RUN}/payload.bin`, undefined],
  ])('%s belongs to the run %s', (key, runId) => {
    expect(runIdOfKey(key, FOLDER)).toBe(runId);
  });
});

describe('findDebris', () => {
  it('marks a run stale only when its run id and its newest write are both older than smoke-stale-after', () => {
    const runs = debris(
      listing({
        objects: [
          { key: `${FOLDER}${OLD_RUN}/payload.bin`, lastModified: longAgo },
          { key: `${FOLDER}${LIVE_RUN}/payload.bin`, lastModified: justNow },
          { key: `${FOLDER}${OWN_RUN}/payload.bin`, lastModified: justNow },
          { key: `${FOLDER}notes/readme.txt`, lastModified: longAgo },
        ],
        uploads: [{ key: `${FOLDER}${OLD_RUN}/payload-large.bin`, uploadId: '2~abc', initiated: longAgo }],
      }),
    );
    expect(runs.map((run) => [run.runId, run.stale])).toEqual([
      [OLD_RUN, true],
      [LIVE_RUN, false],
    ]);
    expect(runs[0]).toMatchObject({
      runPrefix: `${FOLDER}${OLD_RUN}/`,
      objects: [`${FOLDER}${OLD_RUN}/payload.bin`],
      uploads: [{ key: `${FOLDER}${OLD_RUN}/payload-large.bin`, uploadId: '2~abc' }],
      newestWrite: longAgo,
    });
    expect(runs[0]?.why).toMatch(/both older than smoke-stale-after 1h/);
    expect(runs[1]?.why).toBe('its run id is 10m old, not older than smoke-stale-after 1h');
  });

  it('keeps an old run id whose newest write is recent by the server clock (a runner clock that is off)', () => {
    const runs = debris(
      listing({
        objects: [{ key: `${FOLDER}${OLD_RUN}/payload.bin`, lastModified: longAgo }],
        uploads: [{ key: `${FOLDER}${OLD_RUN}/payload-large.bin`, uploadId: '2~new', initiated: justNow }],
      }),
    );
    expect(runs.map((run) => [run.runId, run.stale, run.why])).toEqual([
      [OLD_RUN, false, "its newest write is 30 s old by the server's clock, not older than smoke-stale-after 1h"],
    ]);
  });

  it('says how far ahead a write looks on a server clock read in whole seconds', () => {
    const ahead = (ms: number) =>
      debris(listing({ objects: [{ key: `${FOLDER}${OLD_RUN}/payload.bin`, lastModified: new Date(NOW.getTime() + ms) }] }))[0]?.why;
    expect(ahead(400)).toBe("its newest write is 0 s old by the server's clock, not older than smoke-stale-after 1h");
    expect(ahead(5000)).toBe("its newest write is 5 s in the future by the server's clock, not older than smoke-stale-after 1h");
  });

  it('keeps a recent run id whose objects look old (a server clock that is off)', () => {
    const runs = debris(listing({ objects: [{ key: `${FOLDER}${LIVE_RUN}/payload.bin`, lastModified: longAgo }] }));
    expect(runs.map((run) => run.stale)).toEqual([false]);
  });

  it('keeps everything when the server clock or an entry time is unknown', () => {
    const old = listing({ objects: [{ key: `${FOLDER}${OLD_RUN}/payload.bin`, lastModified: longAgo }] });
    expect(debris(old, { serverNow: undefined })[0]?.why).toBe("the server's clock is unknown (no Date header)");
    const untimed = listing({ objects: [{ key: `${FOLDER}${OLD_RUN}/payload.bin`, lastModified: undefined }] });
    expect(debris(untimed)[0]).toMatchObject({ stale: false, why: 'the server gave no time for one of its entries' });
  });

  it('groups versions and delete markers with their run, and counts a marker as a write', () => {
    const runs = debris(
      listing({
        objects: [],
        versions: [
          { key: `${FOLDER}${OLD_RUN}/payload.bin`, versionId: 'v1', deleteMarker: false, lastModified: longAgo },
          { key: `${FOLDER}${OLD_RUN}/payload.bin`, versionId: 'm1', deleteMarker: true, lastModified: justNow },
        ],
      }),
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]?.versions).toEqual([
      { key: `${FOLDER}${OLD_RUN}/payload.bin`, versionId: 'v1', deleteMarker: false },
      { key: `${FOLDER}${OLD_RUN}/payload.bin`, versionId: 'm1', deleteMarker: true },
    ]);
    expect(runs[0]?.stale).toBe(false);
  });

  it('finds nothing in keys without the run-id shape', () => {
    const runs = debris(
      listing({
        objects: [`notes/readme.txt`, `${OLD_RUN}`, `${OLD_RUN}-x/a`, `${OLD_RUN}/`, 'a'].map((name) => ({ key: `${FOLDER}${name}`, lastModified: longAgo })),
      }),
    );
    expect(runs).toEqual([]);
  });
});

describe('budgets', () => {
  it('makes a worst-case smoke run 12 x s3-timeout-seconds + 3 s', () => {
    expect(worstCaseSmokeRunMs(30_000)).toBe(363_000);
    expect(worstCaseSmokeRunMs(2_000)).toBe(27_000);
  });

  it.each([
    [0, '0 s'],
    [59_400, '59 s'],
    [60_000, '1m'],
    [HOUR + 60_000, '1h 1m'],
    [26 * HOUR, '1d 2h'],
  ])('formats an age of %d ms as %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});
