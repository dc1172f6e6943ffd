import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/config/duration.js';
import { graphLink } from '../../src/hot-path/graph-link.js';
import { defaultMinSamples, expectedSamples, observationWindow } from '../../src/hot-path/window.js';
import { InputError } from '../../src/verdict.js';

const T0 = Date.parse('2026-11-28T05:15:00Z');
const s = (seconds: number) => seconds * 1000;

describe('observationWindow: ends hot-path-window after the run started, never before the gate starts', () => {
  it.each([
    { name: 'hot-path alone: the gate waits the whole window', runStart: T0, gateStart: T0, start: T0, end: T0 + s(60) },
    { name: 'earlier stages took 20 s: the window covers them and 40 s more', runStart: T0, gateStart: T0 + s(20), start: T0, end: T0 + s(60) },
    {
      name: 'earlier stages took longer than the window: the last 60 s, judged at once',
      runStart: T0,
      gateStart: T0 + s(90),
      start: T0 + s(30),
      end: T0 + s(90),
    },
    { name: 'the end lands on a whole second', runStart: T0 + 400, gateStart: T0 + 400, start: T0 + s(1), end: T0 + s(61) },
  ])('$name', ({ runStart, gateStart, start, end }) => {
    const window = observationWindow({ runStartMs: runStart, gateStartMs: gateStart, windowMs: s(60), stepMs: s(10) });
    expect([new Date(window.startMs).toISOString(), new Date(window.endMs).toISOString()]).toEqual([
      new Date(start).toISOString(),
      new Date(end).toISOString(),
    ]);
    expect(window.startMs).toBeGreaterThanOrEqual(Math.floor(runStart / 1000) * 1000);
    expect(window.expectedSamples).toBe(7);
  });

  it('counts evaluation points with both ends, and requires all but one by default', () => {
    expect([expectedSamples(s(60), s(10)), defaultMinSamples(s(60), s(10))]).toEqual([7, 6]);
    expect([expectedSamples(s(5), s(1)), defaultMinSamples(s(5), s(1))]).toEqual([6, 5]);
    expect([expectedSamples(s(65), s(10)), defaultMinSamples(s(65), s(10))]).toEqual([7, 6]);
    expect([expectedSamples(s(1), s(1)), defaultMinSamples(s(1), s(1))]).toEqual([2, 1]);
  });
});

describe('graphLink', () => {
  it('opens the query on the graph page over exactly the judged window, credentials left out', () => {
    const window = observationWindow({ runStartMs: T0, gateStartMs: T0, windowMs: s(60), stepMs: s(10) });
    const link = graphLink(new URL('https://user:secret@prom.example/prometheus'), 'sum(rate(x{a="b"}[1m])) * 100', window);
    expect(link).toBe(
      'https://prom.example/prometheus/graph?g0.expr=sum%28rate%28x%7Ba%3D%22b%22%7D%5B1m%5D%29%29%20%2A%20100&g0.tab=0&g0.stacked=0&g0.range_input=60s&g0.end_input=2026-11-28%2005%3A16%3A00&g0.moment_input=2026-11-28%2005%3A16%3A00&g0.step_input=10',
    );
    expect(link).not.toMatch(/[()\s]/);
  });
});

describe('parseDuration', () => {
  it.each([
    ['60s', 60_000],
    ['60', 60_000],
    ['5m', 300_000],
    ['1m30s', 90_000],
    ['1500ms', 1500],
    ['1h', 3_600_000],
    [' 10s ', 10_000],
  ])('%j -> %d ms', (raw, ms) => {
    expect(parseDuration('hot-path-window', raw, 1000, 3_600_000)).toBe(ms);
  });

  it.each(['', '0s', '500ms', '2h', '1.5s', '10 s', 'ten seconds', '-5s', '1d'])('rejects %j naming the input and the range', (raw) => {
    expect(() => parseDuration('hot-path-window', raw, 1000, 3_600_000)).toThrow(InputError);
    expect(() => parseDuration('hot-path-window', raw, 1000, 3_600_000)).toThrow(/^Invalid input 'hot-path-window'.*from 1s to 3600s\.$/);
  });

  it('formats exactly, in a form Prometheus reads', () => {
    expect([formatDuration(60_000), formatDuration(1500)]).toEqual(['60s', '1500ms']);
  });
});
