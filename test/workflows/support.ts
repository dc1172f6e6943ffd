import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { INPUTS } from '../../src/config/inputs.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

export interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly 'continue-on-error'?: boolean;
}

export interface Job {
  readonly name?: string;
  readonly 'runs-on'?: string;
  readonly uses?: string;
  readonly with?: Record<string, string>;
  readonly secrets?: Record<string, string> | 'inherit';
  readonly needs?: string | string[];
  readonly if?: string;
  readonly environment?: string | { readonly name: string };
  readonly permissions?: Record<string, string> | string;
  readonly services?: Record<string, { readonly image: string }>;
  readonly env?: Record<string, string>;
  readonly steps?: Step[];
}

export interface WorkflowInput {
  readonly description?: string;
  readonly type?: string;
  readonly default?: string | boolean | number;
  readonly required?: boolean;
}

export interface Workflow {
  readonly name?: string;
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string> | string;
  readonly jobs: Record<string, Job>;
}

export interface ActionInput {
  readonly description: string;
  readonly required?: boolean;
  readonly default?: string;
}

export const readYaml = <T>(file: string): T => parse(read(file)) as T;

export const workflow = (file: string): Workflow => readYaml<Workflow>(file);

/** The action's inputs, from INPUTS (action.yml is generated from it, and a test keeps it so). */
export function actionInputs(): Record<string, ActionInput> {
  return Object.fromEntries(
    INPUTS.map((input) => [
      input.name,
      { description: input.description, required: 'required' in input && input.required === true, ...('default' in input ? { default: input.default } : {}) },
    ]),
  );
}

/** `uses:` values that run this repository's action: itself, or its checkout in a reusable workflow. */
export const THIS_ACTION = new Set(['./', './.surreal-release-gates']);

/** This action as a consumer names it (the example), at any ref. */
const PUBLISHED_ACTION = /^surreal-release-gates\/surreal-release-gates@[^/]+$/;

export const isThisAction = (uses: string | undefined): boolean => uses !== undefined && (THIS_ACTION.has(uses) || PUBLISHED_ACTION.test(uses));

export interface LocatedStep {
  readonly file: string;
  readonly jobId: string;
  readonly step: Step;
}

export function steps(file: string): LocatedStep[] {
  return Object.entries(workflow(file).jobs).flatMap(([jobId, job]) => (job.steps ?? []).map((step) => ({ file, jobId, step })));
}

export const actionSteps = (file: string): LocatedStep[] => steps(file).filter(({ step }) => isThisAction(step.uses));

/** The name GitHub gives a job's check: its `name:`, else its id. */
export const checkName = (jobId: string, job: Job): string => job.name ?? jobId;
