/**
 * A GFM table of cells that are already inline markdown (escaped by the caller). A column whose
 * cells are empty in every row is left out: it only takes width from the columns that say
 * something. With no rows at all, every column stays, so the header still says what is missing.
 */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const kept = headers
    .map((_, column) => rows.length === 0 || rows.some((row) => (row[column] ?? '').trim() !== ''))
    .flatMap((keep, column) => (keep ? [column] : []));
  const line = (cells: readonly string[]) => `| ${kept.map((column) => cells[column] || ' ').join(' | ')} |`;
  return [line(headers), `|${kept.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}
