import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { actionOutputs, renderReadmeFrom } from '../../scripts/render-readme.mjs';
import { INPUTS } from '../../src/config/inputs.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('README', () => {
  it('has the inputs table generated from INPUTS and the outputs table from action.yml (run `npm run readme` when this fails)', () => {
    const readme = read('README.md');
    const outputs = actionOutputs(read('action.yml')) as { name: string }[];
    expect(INPUTS.length).toBeGreaterThan(10);
    expect(outputs.map((output) => output.name)).toContain('result');
    expect(renderReadmeFrom(readme, read('action.yml'))).toBe(readme);
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
