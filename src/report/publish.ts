import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/** Writes each file whole (temporary file, then rename) so a reader never sees half a report. */
export async function writeReportFiles(dir: string, files: Readonly<Record<string, string>>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return Promise.all(
    Object.entries(files).map(async ([name, content]) => {
      const target = path.join(dir, name);
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, content, 'utf8');
      await rename(temporary, target);
      return target;
    }),
  );
}
