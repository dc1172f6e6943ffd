/** GitHub's limit on an issue body and on a comment, in characters. */
export const GITHUB_BODY_LIMIT = 65_536;

export interface ReportPart {
  readonly full: string;
  /** The same report without its long sections, for when the full ones do not fit. */
  readonly compact: string;
}

/**
 * A markdown link whose target is an http(s) URL in angle brackets, every character that could
 * end it encoded; anything else (a URL from a server is untrusted) gives the label alone.
 */
export function markdownLink(label: string, url: string | undefined): string {
  if (url === undefined || !/^https?:\/\//i.test(url)) return label;
  return `[${label}](<${url.replace(/[<>\s()\\]/g, (char) => encodeURIComponent(char).replace('(', '%28').replace(')', '%29'))}>)`;
}

/** A link to the run (built from the runner's variables), or plain words outside Actions. */
export function runLink(runUrl: string | undefined, label = 'the run'): string {
  if (runUrl === undefined || !/^https?:\/\//i.test(runUrl)) return `${label} (its job summary and report artifact)`;
  return markdownLink(label, runUrl);
}

/**
 * The head (markers, decision) and the reports in at most `limit` characters: the full reports when
 * they fit, else the compact ones, else the compact ones cut at a line, each time saying where the
 * rest is. The head comes first, so the marker on its first line always survives the cut. Lengths
 * are counted in UTF-16 code units, never fewer than GitHub's characters.
 */
export function fitToLimit(head: string, parts: readonly ReportPart[], runUrl: string | undefined, limit = GITHUB_BODY_LIMIT): string {
  const full = [head, ...parts.map((part) => part.full)].join('\n');
  if (full.length <= limit) return full;
  const where = runLink(runUrl);
  const size = limit.toLocaleString('en-US');
  const note = `> The full reports do not fit GitHub's ${size}-character limit: they are in ${where}.\n`;
  const compact = [head, note, ...parts.map((part) => part.compact)].join('\n');
  if (compact.length <= limit) return compact;
  const closing = `\n> Cut at GitHub's ${size}-character limit; the full reports are in ${where}.\n`;
  let cut = compact.slice(0, Math.max(0, limit - closing.length));
  const lastLine = cut.lastIndexOf('\n');
  if (lastLine > 0) cut = cut.slice(0, lastLine + 1);
  // Never end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}${closing}`;
}
