import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPORTS = {
  lifecycle: 'chat-attachment-lifecycle-policy-latest.md',
  verify: 'chat-attachment-lifecycle-verify-latest.md',
  bucket: 'chat-attachment-bucket-latest.md',
  goNoGo: 'release-gates-surreal-latest.md',
  json: 'release-gates-surreal-latest.json',
} as const;

export function tempDir(label: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `srg-${label}-`));
}

/** A report under the default reports-dir of a workspace. */
export function readReport(workspace: string, name: string): Promise<string> {
  return readFile(path.join(workspace, 'docs/research', name), 'utf8');
}

/** Relative path -> content of every file under dir (to search them all for a secret). */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = await readFile(full, 'utf8');
  }
  return files;
}

/** Rows (cells, unescaped of markdown backslashes) of the table under a `### title` heading. */
export function tableRows(markdown: string, title: string): string[][] {
  const start = markdown.indexOf(`### ${title}\n`);
  if (start < 0) return [];
  const lines = markdown.slice(start).split('\n').slice(1);
  const rows: string[][] = [];
  for (const line of lines) {
    if (line.startsWith('### ')) break;
    if (!line.startsWith('|')) continue;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim().replace(/\\(.)/g, '$1')),
    );
  }
  // The first two rows are the header and the --- separator.
  return rows.slice(2);
}

/** The content of the first fenced block of a language after a `### title` heading. */
export function codeBlockAfter(markdown: string, title: string, language: string): string | undefined {
  const start = markdown.indexOf(`### ${title}`);
  if (start < 0) return undefined;
  const match = new RegExp(`(\`{3,})${language}\\n([\\s\\S]*?)\\n\\1`).exec(markdown.slice(start));
  return match?.[2];
}
