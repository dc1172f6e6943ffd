import { renderGfm } from '../../scripts/summary-html.mjs';

/** What a reader sees of a rendered job summary, read off the HTML GitHub's renderer would make. */
export interface RenderedSummary {
  readonly html: string;
  /** Tag and text of the first element. */
  readonly first: { readonly tag: string; readonly text: string };
  /** Everything before the first gate report: the opening part. */
  readonly opening: string;
  /** Each <details>: open or closed, and the text of its <summary>. */
  readonly details: readonly { readonly open: boolean; readonly summary: string; readonly body: string }[];
  /** Each table as rows of cell texts, the header row first. */
  readonly tables: readonly (readonly (readonly string[])[])[];
  /** The text of every paragraph. */
  readonly paragraphs: readonly string[];
}

/** The text of an HTML fragment: tags dropped, the entities micromark writes decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
    .trim();
}

/** Renders a job summary with the GitHub-flavoured markdown renderer and takes it apart. */
export function renderSummary(markdown: string): RenderedSummary {
  const html = renderGfm(markdown);
  const firstMatch = /^\s*<(\w+)[^>]*>([\s\S]*?)<\/\1>/.exec(html);
  const detailsStart = html.indexOf('<details');
  const details = [...html.matchAll(/<details( open)?>\s*<summary>([\s\S]*?)<\/summary>([\s\S]*?)<\/details>/g)].map((match) => ({
    open: match[1] !== undefined,
    summary: textOf(match[2] ?? ''),
    body: match[3] ?? '',
  }));
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1] ?? '')),
    ),
  );
  return {
    html,
    first: { tag: firstMatch?.[1] ?? '', text: textOf(firstMatch?.[2] ?? '') },
    opening: detailsStart < 0 ? html : html.slice(0, detailsStart),
    details,
    tables,
    paragraphs: [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => textOf(match[1] ?? '')),
  };
}

/** Column headers of a table that no body row fills: none, when every column says something. */
export function emptyColumns(table: readonly (readonly string[])[]): string[] {
  const [header = [], ...body] = table;
  if (body.length === 0) return [];
  return header.filter((_, column) => body.every((row) => (row[column] ?? '').trim() === ''));
}
