/** Escapes untrusted text (server messages, rule IDs) for inline markdown and table cells. */
export function escapeMarkdown(text: string): string {
  return (
    text
      // CRLF, LF and a lone CR all end a line in CommonMark; any of them would break a table row.
      .replace(/\r\n?|\n/g, ' ')
      .replace(/[\\`*_{}[\]<>|~]/g, (char) => `\\${char}`)
      .replace(/&/g, '&amp;')
  );
}

/** A fenced block whose fence is longer than any backtick run inside, so content cannot break out. */
export function codeBlock(language: string, text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language.replace(/[^a-z0-9-]/gi, '')}\n${text}\n${fence}`;
}

/** Escapes text for an HTML element's content or a quoted attribute (the job summary's <summary> lines). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
