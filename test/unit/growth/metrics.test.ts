import { describe, expect, it } from 'vitest';
import { groupingPath } from '../../../src/clients/pushgateway.js';
import { escapeLabelValue, GROWTH_METRICS, renderExposition, resultSamples, scanSamples } from '../../../src/growth/metrics.js';
import { countObject, createTally } from '../../../src/growth/tally.js';
import { object } from '../../support/fake-listing.js';

describe('growth metrics', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  it('renders every gauge in the text format with HELP and TYPE once per name', () => {
    const tally = createTally();
    countObject(tally, object('p/a.bin', 100, new Date('2026-02-28T00:00:00Z')), new Date('2026-01-01T00:00:00Z'));
    countObject(tally, object('p/a.json', 20, new Date('2026-02-27T00:00:00Z')), new Date('2026-01-01T00:00:00Z'));
    const text = renderExposition(scanSamples(tally, { passed: true, now, scanSeconds: 0.1234 }));
    expect(text).toContain(`# TYPE ${GROWTH_METRICS.objects} gauge\n${GROWTH_METRICS.objects} 2\n`);
    expect(text).toContain(`${GROWTH_METRICS.bytes} 120\n`);
    expect(text).toContain(
      `${GROWTH_METRICS.objectsByKind}{kind="bin"} 1\n${GROWTH_METRICS.objectsByKind}{kind="json"} 1\n${GROWTH_METRICS.objectsByKind}{kind="other"} 0\n`,
    );
    expect(text).toContain(`${GROWTH_METRICS.oldestAge} 172800\n`);
    expect(text).toContain(`${GROWTH_METRICS.overdue} 0\n`);
    expect(text).toContain(`${GROWTH_METRICS.gatePassed} 1\n`);
    expect(text).toContain(`${GROWTH_METRICS.lastRun} ${now.getTime() / 1000}\n`);
    expect(text).toContain(`${GROWTH_METRICS.scanDuration} 0.123\n`);
    expect(text.match(/# TYPE chat_attachment_prefix_objects_by_kind gauge/g)).toHaveLength(1);
  });
  it('pushes only the result and time after a broken scan', () => {
    expect(resultSamples(false, now).map((sample) => [sample.name, sample.value])).toEqual([
      [GROWTH_METRICS.gatePassed, 0],
      [GROWTH_METRICS.lastRun, now.getTime() / 1000],
    ]);
  });
  it('escapes label values', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
  });
  it('encodes grouping values with base64url so a prefix keeps its slashes', () => {
    expect(groupingPath('chat_attachment_growth', { env: 'ci', prefix: 'chat-attachments/ci/' })).toBe(
      `metrics/job/chat_attachment_growth/env@base64/${Buffer.from('ci').toString('base64url')}/prefix@base64/${Buffer.from('chat-attachments/ci/').toString('base64url')}`,
    );
    expect(groupingPath('j', { env: '' })).toBe('metrics/job/j/env@base64/=');
  });
});
