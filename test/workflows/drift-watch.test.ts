import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { lintWorkflow } from '../../scripts/lint-workflows.mjs';
import { parse } from 'yaml';
import { actionSteps, read, steps, workflow, type WorkflowInput } from './support.js';

const DRIFT_WATCH = '.github/workflows/drift-watch.yml';
const EXAMPLE = 'docs/examples/drift-watch.yml';
const DOC = 'docs/drift-watch.md';
/** Gates that write nothing to S3 (smoke writes objects, bucket may create, alerts applies). */
const READ_ONLY_GATES = new Set(['lifecycle', 'verify', 'growth', 'branch-protection']);

const callOf = (file: string) => workflow(file).on.workflow_call as { inputs: Record<string, WorkflowInput>; secrets: Record<string, unknown> };

describe('the drift watch workflow', () => {
  const watch = workflow(DRIFT_WATCH);
  const job = watch.jobs['drift-watch'];
  const [gates] = actionSteps(DRIFT_WATCH);

  it('is a reusable workflow with one job per environment of the input, each in its own concurrency group', () => {
    expect(Object.keys(watch.on)).toEqual(['workflow_call']);
    expect(Object.keys(watch.jobs)).toEqual(['drift-watch']);
    const text = read(DRIFT_WATCH);
    expect(text).toMatch(/matrix:\n\s+app-env: \$\{\{ fromJSON\(inputs\.environments\) \}\}/);
    expect(text).toMatch(/concurrency:\n\s+group: release-gates-drift-\$\{\{ matrix\.app-env \}\}\n\s+cancel-in-progress: false/);
    expect(job?.environment).toBe('${{ inputs.environment-prefix }}${{ matrix.app-env }}');
    expect(callOf(DRIFT_WATCH).inputs.environments?.required).toBe(true);
  });

  it('asks for exactly contents: read, issues: write, and the reads branch protection needs', () => {
    expect(watch.permissions).toEqual({ contents: 'read' });
    expect(job?.permissions).toEqual({ contents: 'read', issues: 'write', checks: 'read', 'pull-requests': 'read' });
  });

  it('runs only read-only gates in mode plan, branch protection in check mode when asked, and keeps the drift issue', () => {
    expect(actionSteps(DRIFT_WATCH)).toHaveLength(1);
    const inputs = gates?.step.with ?? {};
    expect(inputs).toMatchObject({ mode: 'plan', 'branch-protection-mode': 'check', 'drift-issue': 'true', 'app-env': '${{ matrix.app-env }}' });
    const selections = [...(inputs.gates ?? '').matchAll(/'([a-z,-]+)'/g)].map((match) => match[1]?.split(',') ?? []);
    expect(selections).toEqual([
      ['lifecycle', 'verify', 'growth', 'branch-protection'],
      ['lifecycle', 'verify', 'growth'],
    ]);
    expect(inputs.gates).toContain('inputs.branch-protection');
    for (const gate of selections.flat()) expect(READ_ONLY_GATES.has(gate), gate).toBe(true);
    // A narrowed rule is drift: retention must be exactly the released one.
    expect(inputs['expect-expire-days']).toBe("${{ vars.EXPECT_EXPIRE_DAYS || vars.EXPIRE_DAYS || '30' }}");
  });

  it('uses every input and secret it declares', () => {
    const text = read(DRIFT_WATCH);
    const { inputs, secrets } = callOf(DRIFT_WATCH);
    for (const name of Object.keys(inputs)) expect(text, name).toContain(`inputs.${name}`);
    for (const name of Object.keys(secrets)) expect(text, name).toContain(`secrets.${name}`);
  });

  it('uploads the reports even when a gate failed', () => {
    const upload = steps(DRIFT_WATCH).find(({ step }) => step.uses?.startsWith('actions/upload-artifact@'))?.step;
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.path).toBe(`${gates?.step.with?.['reports-dir']}/`);
  });
});

describe('the drift watch example', () => {
  const example = workflow(EXAMPLE);
  const [callerId, caller] = Object.entries(example.jobs)[0] ?? ['', {}];

  it('runs on a schedule (and on demand) and calls the drift watch', () => {
    expect(Object.keys(example.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect((example.on.schedule as { cron: string }[])[0]?.cron).toMatch(/^\d+ /);
    expect(callerId).toBe('drift-watch');
    expect(caller.uses).toMatch(/^surreal-release-gates\/surreal-release-gates\/\.github\/workflows\/drift-watch\.yml@/);
  });

  it('grants what the called job asks for, and passes only declared inputs', () => {
    expect(caller.permissions).toEqual(workflow(DRIFT_WATCH).jobs['drift-watch']?.permissions);
    const declared = Object.keys(callOf(DRIFT_WATCH).inputs);
    for (const key of Object.keys(caller.with ?? {})) expect(declared).toContain(key);
    for (const [name, input] of Object.entries(callOf(DRIFT_WATCH).inputs)) if (input.required) expect(caller.with?.[name], name).toBeTruthy();
    expect(caller.secrets, 'secrets are passed explicitly, if at all').not.toBe('inherit');
    for (const key of Object.keys(caller.secrets ?? {})) expect(Object.keys(callOf(DRIFT_WATCH).secrets)).toContain(key);
  });
});

describe('docs/drift-watch.md', () => {
  const doc = read(DOC);
  const yamlBlocks = [...doc.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');

  it('its workflow example (plan-comment) lints clean and uses only inputs the action has', async () => {
    expect(yamlBlocks).toHaveLength(1);
    const text = yamlBlocks[0] ?? '';
    expect(((await lintWorkflow(text, 'lifecycle-plan.yml')) as { message: string }[]).map((finding) => finding.message)).toEqual([]);
    const parsed = parse(text) as { jobs: Record<string, { permissions: Record<string, string>; steps: { with?: Record<string, string> }[] }> };
    const [planJob] = Object.values(parsed.jobs);
    expect(planJob?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const action = parse(read('action.yml')) as { inputs: Record<string, unknown> };
    const step = planJob?.steps[0];
    for (const key of Object.keys(step?.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
    expect(step?.with).toMatchObject({ 'plan-comment': 'true', mode: 'plan', gates: 'lifecycle' });
  });

  it('names the permission of each part', () => {
    for (const permission of ['`issues: write`', '`pull-requests: write`', '`checks: read`', '`contents: read`']) expect(doc).toContain(permission);
  });
});
