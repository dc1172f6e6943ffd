import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error plain ESM script without type declarations
import { renderAction } from '../../scripts/render-action.mjs';
import { INPUTS } from '../../src/config/inputs.js';
import { VERSION } from '../../src/version.js';

const projectFile = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');

interface ActionInput {
  description?: unknown;
  default?: unknown;
  required?: unknown;
}

const actionInputs = (): Record<string, ActionInput> => (parse(projectFile('action.yml')) as { inputs: Record<string, ActionInput> }).inputs;

describe('action.yml inputs are generated from src/config/inputs.ts', () => {
  const declared = actionInputs();

  it('are not stale (run `npm run readme` when this fails)', () => {
    const action = projectFile('action.yml');
    expect(renderAction(action)).toBe(action);
  });

  it('catches a hand edit: regeneration restores the text INPUTS gives', () => {
    const action = projectFile('action.yml');
    const edited = action.replace("description: 'S3 region.'", "description: 'S3 region (edited by hand).'");
    expect(edited).not.toBe(action);
    expect(renderAction(edited)).toBe(action);
  });

  it('places a new input where INPUTS has it and leaves the rest of action.yml as written', () => {
    const action = projectFile('action.yml');
    const added = { name: 'x-new-input', env: 'X_NEW_INPUT', description: "It's new: 5..512.", default: '8' };
    const rendered = renderAction(action, [...INPUTS.slice(0, 2), added, ...INPUTS.slice(2)]) as string;
    const inputs = (parse(rendered) as { inputs: Record<string, ActionInput> }).inputs;
    expect(Object.keys(inputs).slice(0, 4)).toEqual([INPUTS[0]?.name, INPUTS[1]?.name, 'x-new-input', INPUTS[2]?.name]);
    expect(inputs['x-new-input']).toEqual({ description: "It's new: 5..512.", required: false, default: '8' });
    expect(rendered.slice(rendered.indexOf('\noutputs:'))).toBe(action.slice(action.indexOf('\noutputs:')));
    expect(rendered.slice(0, rendered.indexOf('\ninputs:'))).toBe(action.slice(0, action.indexOf('\ninputs:')));
  });

  it('declares the same inputs in the same order', () => {
    expect(Object.keys(declared)).toEqual(INPUTS.map((input) => input.name));
  });

  it.each(INPUTS.map((input) => [input.name, input] as const))('%s: same description, default and required flag', (name, input) => {
    const yaml = declared[name];
    expect(yaml).toBeDefined();
    expect(yaml?.description).toBe(input.description);
    expect(yaml?.default).toBe('default' in input ? input.default : undefined);
    expect(yaml?.required).toBe('required' in input && input.required === true);
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
