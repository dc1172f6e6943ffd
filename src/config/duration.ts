import { InputError } from '../verdict.js';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION_PATTERN = /^(\d+(?:ms|s|m|h))+$/;

/** A duration as Prometheus writes it (60s, 5m, 1m30s, 500ms); a bare integer means seconds. */
export function parseDuration(input: string, raw: string, minMs: number, maxMs: number): number {
  const value = raw.trim();
  const expected = `a duration such as 60s, 5m or 1m30s (units ms, s, m, h; a bare integer means seconds) from ${formatDuration(minMs)} to ${formatDuration(maxMs)}`;
  let ms: number;
  if (/^\d+$/.test(value)) {
    ms = Number(value) * 1000;
  } else if (DURATION_PATTERN.test(value)) {
    ms = [...value.matchAll(/(\d+)(ms|s|m|h)/g)].reduce((total, [, amount, unit]) => total + Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS], 0);
  } else {
    throw new InputError(input, raw, expected);
  }
  if (!Number.isSafeInteger(ms) || ms < minMs || ms > maxMs) throw new InputError(input, raw, expected);
  return ms;
}

/** Exact and valid for Prometheus: 60000 -> "60s", 1500 -> "1500ms". */
export function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
