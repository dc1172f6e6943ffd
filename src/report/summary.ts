/** GitHub aborts a step summary above 1 MiB; stay well below it. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

export interface SummaryPart {
  readonly full: string;
  readonly compact: string;
}

/**
 * All reports of the run in one summary. Falls back to compact reports, then to a cut, so the
 * summary always fits; the report files stay complete.
 */
export function composeSummary(header: string, parts: readonly SummaryPart[], reportsDir: string, limit = SUMMARY_LIMIT_BYTES): string {
  const full = [header, ...parts.map((part) => part.full)].join('\n');
  if (Buffer.byteLength(full) <= limit) return full;
  const note = `\n> The full reports did not fit GitHub's 1 MiB job summary limit; they are in \`${reportsDir}\`.\n`;
  const compact = [header, note, ...parts.map((part) => part.compact)].join('\n');
  if (Buffer.byteLength(compact) <= limit) return compact;
  // Size the cut by the closing note itself: a long reports dir must not push the total past the limit.
  const closing = `\n\n> Summary cut at ${limit} bytes; the full reports are in \`${reportsDir}\`.\n`;
  const room = Math.max(0, limit - Buffer.byteLength(closing));
  const cut = Buffer.from(compact).subarray(0, room).toString('utf8').replace(/\uFFFD*$/, '');
  return `${cut}${closing}`;
}
