import { splitUrlCredentials } from '../util/url-credentials.js';
import type { ObservationWindow } from './window.js';

/** encodeURIComponent leaves !'()* alone; parentheses would end a markdown link. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `2026-11-28 05:15:00`: the graph page reads its end time in UTC, to the second. */
function graphTime(ms: number): string {
  return new Date(Math.ceil(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A link to the query on Prometheus' graph page, showing exactly the judged window. */
export function graphLink(prometheus: URL, query: string, window: ObservationWindow): string {
  // A link in a report never carries credentials.
  const { url: base } = splitUrlCredentials(new URL(prometheus.href.endsWith('/') ? prometheus.href : `${prometheus.href}/`));
  const end = graphTime(window.endMs);
  const params: [string, string][] = [
    ['g0.expr', query],
    ['g0.tab', '0'],
    ['g0.stacked', '0'],
    ['g0.range_input', `${Math.ceil((window.endMs - window.startMs) / 1000)}s`],
    ['g0.end_input', end],
    ['g0.moment_input', end],
    ['g0.step_input', String(Math.max(1, Math.round(window.stepMs / 1000)))],
  ];
  return `${new URL('graph', base).href}?${params.map(([name, value]) => `${name}=${encode(value)}`).join('&')}`;
}
