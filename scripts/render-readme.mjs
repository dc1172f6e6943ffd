#!/usr/bin/env node
// Regenerates the inputs and outputs tables of README.md from action.yml (between the
// <!-- inputs:start/end --> and <!-- outputs:start/end --> markers). --check exits 1 when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Reads the flat `inputs:` / `outputs:` maps of action.yml (two-level keys, scalar values). */
export function readActionMetadata(text) {
  const sections = { inputs: [], outputs: [] };
  let section;
  let current;
  for (const line of text.split('\n')) {
    const top = /^([a-z-]+):\s*$/.exec(line);
    if (top) {
      section = sections[top[1]];
      current = undefined;
      continue;
    }
    if (/^\S/.test(line)) section = undefined;
    if (!section) continue;
    const name = /^ {2}([a-z0-9-]+):\s*$/.exec(line);
    if (name) {
      current = { name: name[1] };
      section.push(current);
      continue;
    }
    const field = /^ {4}([a-z-]+):\s*(.*)$/.exec(line);
    if (field && current) current[field[1]] = unquote(field[2]);
  }
  return sections;
}

function unquote(value) {
  const trimmed = value.trim();
  if (trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.slice(1, -1).replaceAll("''", "'");
  if (trimmed.startsWith('"') && trimmed.endsWith('"')) return JSON.parse(trimmed);
  return trimmed;
}

const cell = (text) => String(text ?? '').replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function renderTables(metadata) {
  const inputs = [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...metadata.inputs.map(
      (input) =>
        `| \`${input.name}\` | ${input.required === 'true' ? 'yes' : 'no'} | ${input.default ? `\`${cell(input.default)}\`` : ''} | ${cell(input.description)} |`,
    ),
  ].join('\n');
  const outputs = [
    '| Output | Description |',
    '| --- | --- |',
    ...metadata.outputs.map((output) => `| \`${output.name}\` | ${cell(output.description)} |`),
  ].join('\n');
  return { inputs, outputs };
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readmePath = path.join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = renderReadme(readme, renderTables(readActionMetadata(readFileSync(path.join(root, 'action.yml'), 'utf8'))));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      process.stderr.write('README.md inputs/outputs tables are stale: run `npm run readme`.\n');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(readmePath, next);
  }
}
