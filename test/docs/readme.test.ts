import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { readActionMetadata, renderReadme, renderTables } from '../../scripts/render-readme.mjs';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('README', () => {
  it('has inputs and outputs tables generated from action.yml (run `npm run readme` when this fails)', () => {
    const readme = read('README.md');
    const metadata = readActionMetadata(read('action.yml')) as { inputs: { name: string }[]; outputs: { name: string }[] };
    expect(metadata.inputs.length).toBeGreaterThan(10);
    expect(metadata.outputs.map((output) => output.name)).toContain('result');
    expect(renderReadme(readme, renderTables(metadata))).toBe(readme);
  });

  it('starts with the two commands a newcomer needs', () => {
    const readme = read('README.md');
    const commands = readme.indexOf('## Two commands');
    expect(commands).toBeGreaterThan(0);
    expect(commands).toBeLessThan(readme.indexOf('## Use in a workflow'));
    expect(readme).toContain('bash scripts/preflight.sh');
    expect(readme).toContain('bash scripts/test.sh');
  });
});
