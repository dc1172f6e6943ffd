import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INPUTS } from '../../src/config/inputs.js';
import { VERSION } from '../../src/version.js';

const projectFile = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');

/** A YAML scalar as action.yml writes them: plain, 'single-quoted' or "double-quoted". */
function scalar(text: string): string {
  const value = text.trim();
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) return value.slice(1, -1).replace(/''/g, "'");
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) return JSON.parse(value) as string;
  return value;
}

interface ActionInput {
  name: string;
  description?: string;
  default?: string;
  required?: string;
}

/**
 * The `inputs:` block of action.yml, read line by line: the file is flat (name at two spaces,
 * one-line `key: value` properties at four), so no YAML dependency is needed. Anything else in
 * the block fails the parse rather than being skipped.
 */
function actionInputs(yaml: string): ActionInput[] {
  const lines = yaml.split(/\r?\n/);
  const start = lines.indexOf('inputs:');
  if (start < 0) throw new Error('action.yml has no top-level inputs: block');
  const inputs: ActionInput[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (/^\S/.test(line)) break; // next top-level key
    const name = /^ {2}([a-z0-9-]+):\s*$/.exec(line);
    if (name?.[1] !== undefined) {
      inputs.push({ name: name[1] });
      continue;
    }
    const property = /^ {4}(description|default|required):\s(.+)$/.exec(line);
    const current = inputs.at(-1);
    if (property?.[1] === undefined || property[2] === undefined || current === undefined) {
      throw new Error(`unexpected line in action.yml inputs: ${JSON.stringify(line)}`);
    }
    const key = property[1] as 'description' | 'default' | 'required';
    if (current[key] !== undefined) throw new Error(`input ${current.name} repeats ${key}`);
    current[key] = scalar(property[2]);
  }
  return inputs;
}

describe('action.yml mirrors src/config/inputs.ts', () => {
  const declared = actionInputs(projectFile('action.yml'));

  it('declares the same inputs in the same order', () => {
    expect(declared.map((input) => input.name)).toEqual(INPUTS.map((input) => input.name));
  });

  it.each(INPUTS.map((input) => [input.name, input] as const))('%s: same description, default and required flag', (name, input) => {
    const yaml = declared.find((candidate) => candidate.name === name);
    expect(yaml).toBeDefined();
    expect(yaml?.description).toBe(input.description);
    expect(yaml?.default).toBe('default' in input ? input.default : undefined);
    expect(yaml?.required).toBe('required' in input && input.required ? 'true' : 'false');
  });

  it('has unique input and env names', () => {
    expect(new Set(INPUTS.map((input) => input.name)).size).toBe(INPUTS.length);
    expect(new Set(INPUTS.map((input) => input.env)).size).toBe(INPUTS.length);
  });

  it('runs on node24 from the bundle', () => {
    const yaml = projectFile('action.yml');
    expect(yaml).toMatch(/^runs:\n {2}using: node24\n {2}main: dist\/index\.js$/m);
  });
});

describe('version', () => {
  it('src/version.ts VERSION equals package.json version', () => {
    const pkg = JSON.parse(projectFile('package.json')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
