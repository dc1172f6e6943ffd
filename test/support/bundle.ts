import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from './node-process.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles an entry point with ncc as `npm run build` does, into a temp dir (dist/ stays as
 * committed), so a test runs the current sources as they ship. Returns the bundle's index.js.
 */
export async function bundle(entry: 'src/index.ts' | 'src/cli.ts'): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'srg-bundle-'));
  // At the lowest CPU priority: tests running beside it keep their pace.
  const built = await runProcess('nice', ['-n', '19', process.execPath, path.join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', path.join(ROOT, entry), '-o', out, '--quiet'], {
    env: process.env,
    cwd: ROOT,
    timeoutMs: 240_000,
  });
  if (built.code !== 0) throw new Error(`ncc build of ${entry} failed: ${built.stderr}`);
  return path.join(out, 'index.js');
}
