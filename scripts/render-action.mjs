#!/usr/bin/env node
// Regenerates the `inputs:` section of action.yml from INPUTS (src/config/inputs.ts), the one
// place inputs are written. The rest of action.yml is left as written. --check exits 1 when stale.
// `npm run readme` runs this, then the README tables.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Scalar, isMap, isScalar, parseDocument } from 'yaml';
// Node 24 strips the types of this import-free module; the action itself reads the bundled copy.
import { INPUTS } from '../src/config/inputs.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `inputs:` and its map, as YAML text: every description quoted, `required` always stated. */
export function renderInputsSection(inputs = INPUTS) {
  const section = new Document({ inputs: {} });
  const map = section.get('inputs');
  for (const input of inputs) {
    const description = new Scalar(input.description);
    // Single quotes unless the text has one (then double quotes, as a person would write it).
    description.type = input.description.includes("'") ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    const entry = { description, required: input.required === true, ...('default' in input ? { default: defaultScalar(input.default) } : {}) };
    map.set(input.name, section.createNode(entry));
  }
  return section.toString({ lineWidth: 0, singleQuote: true });
}

/** A default; quoted when it starts with a YAML indicator, which some parsers reject in plain form. */
function defaultScalar(value) {
  const scalar = new Scalar(value);
  if (/^[-:?,[\]{}#&*!|>'"%@`]/.test(value)) scalar.type = 'QUOTE_SINGLE';
  return scalar;
}

/** action.yml with its `inputs:` section replaced by the one rendered from `inputs`. */
export function renderAction(actionText, inputs = INPUTS) {
  const document = parseDocument(actionText);
  if (document.errors.length > 0) throw new Error(`action.yml: ${document.errors[0].message}`);
  const pair = isMap(document.contents) ? document.contents.items.find((item) => isScalar(item.key) && item.key.value === 'inputs') : undefined;
  if (!pair || !isScalar(pair.key) || !pair.value?.range) throw new Error('action.yml has no top-level inputs: map');
  const start = pair.key.range[0];
  const end = pair.value.range[1];
  return `${actionText.slice(0, start)}${renderInputsSection(inputs)}${actionText.slice(end)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const actionPath = path.join(root, 'action.yml');
  const current = readFileSync(actionPath, 'utf8');
  const next = renderAction(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      process.stderr.write('action.yml inputs are stale (src/config/inputs.ts is their source): run `npm run readme`.\n');
      process.exitCode = 1;
    }
  } else if (next !== current) {
    writeFileSync(actionPath, next);
  }
}
