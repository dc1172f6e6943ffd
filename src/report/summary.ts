/** GitHub aborts a step summary above 1 MiB; stay well below it. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

/** One gate's report as a `<details>` block, in full and in compact form. */
export interface SummaryPart {
  /** Named when the part is left out. */
  readonly gate: string;
  /** Open (not passing): kept before closed ones when not all fit. */
  readonly open: boolean;
  readonly full: string;
  readonly compact: string;
}

/**
 * The opening (decision, lines to act on, gates table), then every gate's report. The opening is
 * always kept whole. When the full reports do not fit, the compact ones are used; when those do
 * not fit either, whole compact reports are left out, passing ones first, and named, so no
 * `<details>` or code block is ever cut open. The report files stay complete.
 */
export function composeSummary(opening: string, parts: readonly SummaryPart[], reportsDir: string, limit = SUMMARY_LIMIT_BYTES): string {
  const full = [opening, ...parts.map((part) => part.full)].join('\n');
  if (bytes(full) <= limit) return full;
  const note = `> The full reports did not fit GitHub's 1 MiB job summary limit; they are in \`${reportsDir}\`.\n`;
  const compact = [opening, note, ...parts.map((part) => part.compact)].join('\n');
  if (bytes(compact) <= limit) return compact;

  // Room for the closing note naming every part, the most it can say.
  const closing = (left: readonly SummaryPart[]) =>
    `> Left out to stay under ${limit} bytes: the reports of ${left.map((part) => part.gate).join(', ')}; they are in \`${reportsDir}\`.\n`;
  const head = [opening, note].join('\n');
  let room = limit - bytes(head) - bytes(closing(parts)) - 2 * parts.length;
  if (room < 0) return cut(head, closing(parts), limit);
  const kept = new Set<SummaryPart>();
  for (const part of [...parts.filter((part) => part.open), ...parts.filter((part) => !part.open)]) {
    const size = bytes(part.compact) + 1;
    if (size <= room) {
      kept.add(part);
      room -= size;
    }
  }
  const left = parts.filter((part) => !kept.has(part));
  return [head, ...parts.filter((part) => kept.has(part)).map((part) => part.compact), ...(left.length > 0 ? [closing(left)] : [])].join('\n');
}

function bytes(text: string): number {
  return Buffer.byteLength(text);
}

/** Last resort, for a limit smaller than the opening itself: a cut on a character boundary. */
function cut(text: string, closing: string, limit: number): string {
  const room = limit - bytes(closing) - 2;
  return room < 0 ? prefixBytes(closing, limit) : `${prefixBytes(text, room)}\n\n${closing}`;
}

function prefixBytes(text: string, size: number): string {
  return Buffer.from(text)
    .subarray(0, Math.max(0, size))
    .toString('utf8')
    .replace(/\uFFFD*$/, '');
}
