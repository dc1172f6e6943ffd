#!/usr/bin/env node
// Regenerates the inputs and outputs tables of README.md (between the <!-- inputs:start/end -->
// and <!-- outputs:start/end --> markers): inputs from INPUTS (src/config/inputs.ts), outputs from
// action.yml read with the yaml package. --check exits 1 when stale. `npm run readme` runs
// scripts/render-action.mjs first, so action.yml and the README follow INPUTS in one command.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { parse } from 'yaml';
import { INPUTS } from '../src/config/inputs.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The outputs of action.yml, in file order: [{ name, description }]. */
export function actionOutputs(actionText) {
  const action = parse(actionText);
  return Object.entries(action?.outputs ?? {}).map(([name, output]) => ({ name, description: output?.description ?? '' }));
}

const cell = (text) => String(text ?? '').replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function renderTables(inputs, outputs) {
  const inputsTable = [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...inputs.map(
      (input) =>
        `| \`${input.name}\` | ${input.required === true ? 'yes' : 'no'} | ${input.default ? `\`${cell(input.default)}\`` : ''} | ${cell(input.description)} |`,
    ),
  ].join('\n');
  const outputsTable = [
    '| Output | Description |',
    '| --- | --- |',
    ...outputs.map((output) => `| \`${output.name}\` | ${cell(output.description)} |`),
  ].join('\n');
  return { inputs: inputsTable, outputs: outputsTable };
}

export function renderReadme(readme, tables) {
  let result = readme;
  for (const [key, table] of Object.entries(tables)) {
    const pattern = new RegExp(`(<!-- ${key}:start -->)[\\s\\S]*?(<!-- ${key}:end -->)`);
    if (!pattern.test(result)) throw new Error(`README.md lacks the <!-- ${key}:start --> / <!-- ${key}:end --> markers`);
    result = result.replace(pattern, (_all, start, end) => `${start}\n${table}\n${end}`);
  }
  return result;
}

/** README.md as it should be, from its current text and action.yml's. */
export function renderReadmeFrom(readme, actionText) {
  return renderReadme(readme, renderTables(INPUTS, actionOutputs(actionText)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readmePath = path.join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = renderReadmeFrom(readme, readFileSync(path.join(root, 'action.yml'), 'utf8'));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      process.stderr.write('README.md inputs/outputs tables are stale: run `npm run readme`.\n');
      process.exitCode = 1;
    }
  } else if (next !== readme) {
    writeFileSync(readmePath, next);
  }
}
