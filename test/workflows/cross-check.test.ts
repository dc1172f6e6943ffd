import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUTS } from '../../src/config/inputs.js';
import { actionInputs, actionSteps, checkName, read, readYaml, ROOT, steps, workflow, type WorkflowInput } from './support.js';

const REUSABLE = '.github/workflows/release-gates.yml';
const EXAMPLE = 'docs/examples/ci.yml';
const ROLLOUT = '.github/workflows/rollout.yml';
const CI = '.github/workflows/ci.yml';
const DRIFT_WATCH = '.github/workflows/drift-watch.yml';
const DRIFT_EXAMPLE = 'docs/examples/drift-watch.yml';
const WORKFLOWS = [CI, REUSABLE, ROLLOUT, EXAMPLE, DRIFT_WATCH, DRIFT_EXAMPLE];
/** The only write permission any workflow grants: the drift watch keeps its issue (issues: write). */
const WRITE_GRANTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  [DRIFT_WATCH]: { 'drift-watch': ['issues'] },
  [DRIFT_EXAMPLE]: { 'drift-watch': ['issues'] },
};

/** The runbook's repository variables, the reusable workflow's input for each, and its default. */
const RUNBOOK_VARIABLES = [
  { variable: 'RELEASE_GATES_APP_ENV', input: 'app-env', default: 'ci' },
  { variable: 'RELEASE_GATES_CHAT_ATTACHMENT_S3_PREFIX', input: 'chat-attachment-s3-prefix', default: 'chat-attachments' },
  { variable: 'RELEASE_GATES_CHAT_ATTACHMENT_REQUIRED_PREFIXES', input: 'chat-attachment-required-prefixes', default: '' },
  { variable: 'RELEASE_GATES_EXPIRE_DAYS', input: 'expire-days', default: '30' },
  { variable: 'RELEASE_GATES_EXPECT_EXPIRE_DAYS', input: 'expect-expire-days', default: '' },
  { variable: 'RELEASE_GATES_S3_BUCKET', input: 's3-bucket', default: 'chat-attachments-ci' },
] as const;

/**
 * Inputs of the reusable workflow that configure the local stack rather than the action: the
 * images (MinIO publishes none of its own any more, so users must be able to switch). Each must
 * reach the one place that starts its container.
 */
const STACK_INPUTS: Record<string, (text: string) => boolean> = {
  'minio-image': (text) => /MINIO_IMAGE: \$\{\{ inputs\.minio-image \}\}/.test(text),
  'surrealdb-image': (text) => /SURREALDB_IMAGE: \$\{\{ inputs\.surrealdb-image \}\}/.test(text),
  'redis-image': (text) => /image: \$\{\{ inputs\.redis-image \}\}/.test(text),
};

const callInputs = (): Record<string, WorkflowInput> => (workflow(REUSABLE).on.workflow_call as { inputs: Record<string, WorkflowInput> }).inputs;
const callSecrets = (): Record<string, unknown> => (workflow(REUSABLE).on.workflow_call as { secrets: Record<string, unknown> }).secrets;

function markdownUnder(dir: string): string {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => read(path.relative(ROOT, path.join(entry.parentPath, entry.name))))
    .join('\n');
}

describe('the action inputs (INPUTS, which action.yml is generated from) and the workflows', () => {
  const inputs = actionInputs();

  it('every with: key of every step running this action is an input of INPUTS, and required inputs are given', () => {
    const located = WORKFLOWS.flatMap(actionSteps);
    expect(located.length).toBeGreaterThanOrEqual(6);
    for (const { file, jobId, step } of located) {
      const where = `${file} job ${jobId} step ${step.name ?? step.id ?? step.uses}`;
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(inputs), `${where}: with.${key}`).toContain(key);
      for (const [name, input] of Object.entries(inputs)) {
        if (input.required) expect(step.with?.[name], `${where} lacks the required input ${name}`).toBeTruthy();
      }
    }
  });

  it('every input of the reusable workflow reaches the action (or, for the stack images, the container it selects)', () => {
    const text = read(REUSABLE);
    const located = actionSteps(REUSABLE);
    expect(located.length).toBeGreaterThan(0);
    for (const name of Object.keys(callInputs())) {
      const reference = `\${{ inputs.${name} }}`;
      if (name in inputs) {
        const passing = located.filter(({ step }) => step.with?.[name] === reference);
        expect(passing.length, `input ${name} is never passed to the action as with.${name}`).toBeGreaterThan(0);
      } else {
        expect(Object.keys(STACK_INPUTS), `input ${name} reaches no action input`).toContain(name);
        expect(STACK_INPUTS[name]?.(text), `input ${name} does not select its container`).toBe(true);
      }
    }
  });

  it('the reusable workflow takes the runbook repository variables as inputs with the CI defaults, and every action step gets them', () => {
    const declared = callInputs();
    for (const { variable, input, default: value } of RUNBOOK_VARIABLES) {
      expect(declared[input], input).toBeDefined();
      expect(declared[input]?.type, `${input}: repository variables are strings; the action validates them`).toBe('string');
      expect(declared[input]?.default, input).toBe(value);
      expect(declared[input]?.description, `${input} names its variable`).toContain(variable);
      for (const { step } of actionSteps(REUSABLE)) expect(step.with?.[input], `${step.name}: ${input}`).toBe(`\${{ inputs.${input} }}`);
    }
  });

  it('the consumer example passes each runbook variable to its input, and only inputs and secrets the workflow declares', () => {
    const caller = Object.values(workflow(EXAMPLE).jobs).find((job) => job.uses?.includes('/.github/workflows/release-gates.yml@'));
    expect(caller).toBeDefined();
    for (const key of Object.keys(caller?.with ?? {})) expect(Object.keys(callInputs())).toContain(key);
    for (const { variable, input } of RUNBOOK_VARIABLES) expect(caller?.with?.[input], input).toContain(`vars.${variable}`);
    expect(caller?.secrets, 'secrets are passed explicitly').not.toBe('inherit');
    for (const key of Object.keys(caller?.secrets ?? {})) expect(Object.keys(callSecrets())).toContain(key);
  });

  it('every secret of the reusable workflow is used', () => {
    const text = read(REUSABLE);
    for (const name of Object.keys(callSecrets())) expect(text).toContain(`secrets.${name}`);
  });

  it('documents every action input in docs/ as well as in the README table', () => {
    const docs = markdownUnder('docs');
    const readme = read('README.md');
    const undocumented = Object.keys(inputs).filter((name) => !docs.includes(`\`${name}\``));
    expect(undocumented, 'inputs missing from docs/').toEqual([]);
    for (const name of Object.keys(inputs)) expect(readme).toContain(`| \`${name}\` |`);
  });
});

describe('check names', () => {
  it('the reusable workflow has one job, surreal-release-gates', () => {
    const jobs = workflow(REUSABLE).jobs;
    expect(Object.keys(jobs)).toEqual(['surreal-release-gates']);
    expect(checkName('surreal-release-gates', jobs['surreal-release-gates'] ?? {})).toBe('surreal-release-gates');
  });

  it("the example's caller job makes the check the runbook requires: CI / surreal-release-gates", () => {
    const example = workflow(EXAMPLE);
    expect(example.name).toBe('CI');
    const callers = Object.entries(example.jobs).filter(([, job]) => job.uses?.includes('/.github/workflows/release-gates.yml@'));
    expect(callers).toHaveLength(1);
    const [callerId, caller] = callers[0] ?? ['', {}];
    const [calledId, called] = Object.entries(workflow(REUSABLE).jobs)[0] ?? ['', {}];
    // GitHub names a called job's check `<caller job> / <called job>`; the workflow name is no part of it.
    const emitted = `${checkName(callerId, caller)} / ${checkName(calledId, called)}`;
    expect(emitted).toBe('CI / surreal-release-gates');
    expect(emitted).toBe(actionInputs()['required-check']?.default);
  });
});

describe('workflow hygiene', () => {
  const USES = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/;

  it('pins every third-party action and reusable workflow to a commit, with its tag in a comment, the same commit everywhere', () => {
    const pins = new Map<string, string>();
    let checked = 0;
    for (const file of WORKFLOWS) {
      for (const line of read(file).split('\n')) {
        const match = USES.exec(line);
        if (!match || line.trimStart().startsWith('#')) continue;
        const [, target = '', rest = ''] = match;
        if (target.startsWith('./') || target.startsWith('docker://')) continue;
        // The example refers to this project's own release (a tag until there is one to pin).
        if (file === EXAMPLE && target.startsWith('surreal-release-gates/surreal-release-gates')) continue;
        if (file === DRIFT_EXAMPLE && target.startsWith('surreal-release-gates/surreal-release-gates/.github/workflows/drift-watch.yml@')) continue;
        checked += 1;
        const pinned = /^([\w.-]+\/[\w./-]+)@([0-9a-f]{40})$/.exec(target);
        expect(pinned, `${file}: ${target} is not pinned to a 40-hex commit`).not.toBeNull();
        expect(rest, `${file}: ${target} lacks its "# vX.Y.Z" comment`).toMatch(/^\s+# v\d+(\.\d+)*$/);
        const [, action = '', sha = ''] = pinned ?? [];
        expect(pins.get(action) ?? sha, `${action} pinned to two commits`).toBe(sha);
        pins.set(action, sha);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect([...pins.keys()].sort()).toEqual(['actions/checkout', 'actions/setup-node', 'actions/upload-artifact']);
  });

  it("never uses pull_request_target, and grants no write permission but the drift watch's issues: write", () => {
    for (const file of WORKFLOWS) {
      const parsed = workflow(file);
      expect(Object.keys(parsed.on), file).not.toContain('pull_request_target');
      expect(read(file), file).not.toContain('pull_request_target');
      expect(parsed.permissions, `${file} sets top-level permissions`).toEqual({ contents: 'read' });
      for (const [jobId, job] of Object.entries(parsed.jobs)) {
        const permissions = job.permissions ?? {};
        expect(typeof permissions, `${file} ${jobId}`).toBe('object');
        for (const [scope, level] of Object.entries(permissions))
          expect(level, `${file} ${jobId} ${scope}`).toBe(WRITE_GRANTS[file]?.[jobId]?.includes(scope) ? 'write' : 'read');
      }
    }
    expect(workflow(REUSABLE).jobs['surreal-release-gates']?.permissions).toEqual({ contents: 'read' });
  });

  it('grants each job exactly the permissions it needs: contents: read, plus checks and pull-requests read where branch protection runs', () => {
    const BRANCH_PROTECTION = { contents: 'read', checks: 'read', 'pull-requests': 'read' };
    const expected: Record<string, Record<string, Record<string, string> | undefined>> = {
      // Callers that grant only contents: read must keep working; branch protection runs elsewhere.
      [REUSABLE]: { 'surreal-release-gates': { contents: 'read' } },
      [ROLLOUT]: { staging: BRANCH_PROTECTION, production: BRANCH_PROTECTION },
      // The caller job inherits the workflow's contents: read; the branch-protection job adds its reads.
      [EXAMPLE]: { 'release-gates': undefined, 'branch-protection': BRANCH_PROTECTION },
      [CI]: { lint: undefined, typecheck: undefined, test: undefined, dist: undefined, 'self-test': undefined, 'reusable-workflow': undefined },
      // The drift watch may check branch protection, and keeps its issue; its caller grants the same.
      [DRIFT_WATCH]: { 'drift-watch': { ...BRANCH_PROTECTION, issues: 'write' } },
      [DRIFT_EXAMPLE]: { 'drift-watch': { ...BRANCH_PROTECTION, issues: 'write' } },
    };
    for (const [file, jobs] of Object.entries(expected)) {
      const parsed = workflow(file);
      expect(Object.keys(parsed.jobs).sort(), file).toEqual(Object.keys(jobs).sort());
      for (const [jobId, permissions] of Object.entries(jobs)) expect(parsed.jobs[jobId]?.permissions, `${file} ${jobId}`).toEqual(permissions);
    }
  });

  it('runs the branch-protection gate only in jobs granted checks: read and pull-requests: read, and the reusable workflow refuses it', () => {
    let running = 0;
    for (const file of WORKFLOWS) {
      for (const { jobId, step } of actionSteps(file)) {
        const gates = (step.with?.gates ?? '').split(',').map((gate) => gate.trim());
        if (!gates.includes('branch-protection') && !gates.includes('rollout')) continue;
        running += 1;
        const permissions = workflow(file).jobs[jobId]?.permissions as Record<string, string> | undefined;
        expect(permissions?.checks, `${file} ${jobId}`).toBe('read');
        expect(permissions?.['pull-requests'], `${file} ${jobId}`).toBe('read');
      }
    }
    expect(running).toBe(3); // rollout staging and production, the example's branch-protection job
    const check = steps(REUSABLE).find(({ step }) => step.name === 'Check the gates input')?.step;
    expect(check?.env?.GATES).toBe('${{ inputs.gates }}');
    expect(check?.run).toContain('*,branch-protection,* | *,rollout,*)');
    expect(steps(REUSABLE)[0]?.step).toEqual(check);
  });

  it('takes every credential input from a secret (the runner prints other with: values before the action can mask them)', () => {
    const secretInputs = INPUTS.filter((input) => 'secret' in input && input.secret).map((input) => input.name);
    expect(secretInputs.sort()).toEqual(['chat-api-token', 'github-admin-token', 'github-token', 'prometheus-password', 's3-secret-key']);
    let checked = 0;
    for (const file of [ROLLOUT, EXAMPLE, CI, DRIFT_WATCH]) {
      for (const { jobId, step } of actionSteps(file)) {
        for (const name of secretInputs) {
          const value = step.with?.[name];
          if (value === undefined) continue;
          checked += 1;
          // github.token is the workflow token, masked by the runner; env.S3_SECRET_KEY is the
          // per-run key of CI's throwaway MinIO, masked by start-storage.sh before it is exported.
          expect(value, `${file} ${jobId} ${name}`).toMatch(/^\$\{\{ (secrets\.[A-Z0-9_]+|github\.token|env\.S3_SECRET_KEY) \}\}$/);
        }
        for (const [name, value] of Object.entries(step.with ?? {}))
          expect(value, `${file} ${jobId} ${name}: no password in a URL`).not.toMatch(/:\/\/[^/\s]*:[^@\s]*@/);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    for (const env of ['staging', 'production']) {
      const gates = steps(ROLLOUT).find(({ jobId, step }) => jobId === env && step.uses === './')?.step.with ?? {};
      expect(gates).toMatchObject({
        'github-token': '${{ github.token }}',
        'github-admin-token': '${{ secrets.RELEASE_GATES_GITHUB_TOKEN }}',
        'prometheus-url': '${{ vars.PROM_URL }}',
        'prometheus-username': '${{ secrets.PROM_USERNAME }}',
        'prometheus-password': '${{ secrets.PROM_PASSWORD }}',
      });
    }
  });

  it('prefixes concurrency groups of per-ref runs with the workflow, so that other workflows of the repository do not share them', () => {
    for (const file of [CI, EXAMPLE]) {
      const { concurrency } = readYaml<{ concurrency?: { group?: string } }>(file);
      expect(concurrency?.group, file).toBe('${{ github.workflow }}-${{ github.ref }}');
    }
  });

  it('interpolates no expression into a shell script (values reach run: steps through env)', () => {
    for (const file of WORKFLOWS) {
      for (const { jobId, step } of steps(file)) {
        if (step.run !== undefined) expect(step.run, `${file} ${jobId} ${step.name ?? step.run}`).not.toContain('${{');
      }
    }
  });

  it('checks out without persisting credentials', () => {
    for (const file of WORKFLOWS) {
      for (const { jobId, step } of steps(file)) {
        if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials'], `${file} ${jobId}`).toBe(false);
      }
    }
  });

  it('runs only scripts that exist and are executable', () => {
    const referenced = new Set<string>();
    for (const file of WORKFLOWS) {
      for (const match of read(file).matchAll(/(?:\.surreal-release-gates\/)?(scripts\/[\w./-]+\.sh)/g)) referenced.add(match[1] ?? '');
    }
    expect(referenced.size).toBeGreaterThanOrEqual(6);
    for (const script of referenced) {
      expect(existsSync(path.join(ROOT, script)), script).toBe(true);
      expect(statSync(path.join(ROOT, script)).mode & 0o111, `${script} is executable`).not.toBe(0);
    }
  });

  it('has Dependabot keep the action pins and the npm packages current', () => {
    const config = readYaml<{ version: number; updates: { 'package-ecosystem': string; directory: string }[] }>('.github/dependabot.yml');
    expect(config.version).toBe(2);
    expect(config.updates.map((update) => update['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  });
});

describe('the local stack of the reusable workflow', () => {
  const MINIO = 'quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z';

  it("defaults minio-image to MinIO's official quay.io image, the last multi-arch release, pinned by release tag; the script's default is the same", () => {
    const input = callInputs()['minio-image'];
    expect(input?.default).toBe(MINIO);
    expect(input?.description).toMatch(/digest .*pins better than a tag/);
    expect(read('scripts/ci/start-storage.sh')).toContain(`image=\${MINIO_IMAGE:-${MINIO}}`);
    // Every default image names its registry and a fixed release, never a moving tag such as latest.
    for (const name of ['minio-image', 'surrealdb-image', 'redis-image']) {
      expect(String(callInputs()[name]?.default), name).toMatch(/^[\w./-]+(:[\w.-]+|@sha256:[0-9a-f]{64})$/);
      expect(String(callInputs()[name]?.default), name).not.toMatch(/:latest$/);
    }
  });

  it('says next to the docker run steps why they are not service containers', () => {
    expect(read(REUSABLE)).toMatch(/Service containers on\s+# github\.com take `command:` now, but actionlint 1\.7/);
  });
});

describe('the staged rollout', () => {
  const rollout = workflow(ROLLOUT);

  it('is dispatched by hand, one at a time, and says that a third dispatch cancels the one waiting', () => {
    expect(Object.keys(rollout.on)).toEqual(['workflow_dispatch']);
    expect(read(ROLLOUT)).toMatch(/concurrency:\n\s+group: release-rollout\n\s+cancel-in-progress: false/);
    expect(read(ROLLOUT)).toMatch(/a third dispatch cancels the second while it waits/);
  });

  it('runs staging first, and production only after staging passed, in an environment whose reviewers approve', () => {
    const { staging, production } = rollout.jobs;
    expect(staging?.environment).toBe('staging');
    expect(staging?.needs).toBeUndefined();
    expect(production?.environment).toBe('production');
    expect([production?.needs].flat()).toEqual(['staging']);
    // An if: without a status function keeps the implicit success(): a failed staging never reaches production.
    expect(production?.if ?? '').not.toMatch(/always\(\)|failure\(\)|cancelled\(\)/);
  });

  it.each(['staging', 'production'])('%s runs the rollout preset fail-fast and uploads its archived reports as release-evidence-<env>', (env) => {
    const jobSteps = steps(ROLLOUT).filter(({ jobId }) => jobId === env);
    const gates = jobSteps.filter(({ step }) => step.uses === './');
    expect(gates).toHaveLength(1);
    expect(gates[0]?.step.with).toMatchObject({ 'app-env': env, gates: 'rollout', mode: 'apply', 'fail-fast': 'true', 'reports-dir': 'docs/research' });
    const upload = jobSteps.find(({ step }) => step.uses?.startsWith('actions/upload-artifact@'))?.step;
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.name).toBe(`release-evidence-${env}`);
    expect(upload?.with?.path).toBe(`docs/research/*-${env}-*`);
    expect(upload?.with?.['if-no-files-found']).toBe('error');
  });
});

describe("this repository's CI", () => {
  const ci = workflow(CI);
  const runs = (jobId: string) =>
    steps(CI)
      .filter((located) => located.jobId === jobId)
      .map(({ step }) => step.run ?? '')
      .join('\n');

  it('lints, type-checks and tests, installing the test servers first', () => {
    expect(runs('lint')).toContain('npm run lint');
    expect(runs('typecheck')).toContain('npm run typecheck');
    expect(runs('test')).toMatch(/bash scripts\/install-deps\.sh[\s\S]*npm test/);
  });

  it('checks dist/ in a job of its own and uploads the expected dist/ when it differs', () => {
    expect(runs('dist')).toMatch(/npm run build[\s\S]*bash scripts\/ci\/check-dist\.sh dist/);
    const upload = steps(CI).find(({ jobId, step }) => jobId === 'dist' && step.uses?.startsWith('actions/upload-artifact@'))?.step;
    expect(upload?.if).toBe("failure() && steps.diff.outcome == 'failure'");
    expect(upload?.with?.path).toBe('dist/');
  });

  it('self-tests the action with uses: ./ against MinIO started on the runner, and calls the reusable workflow', () => {
    expect(runs('self-test')).toContain('bash scripts/ci/start-storage.sh');
    expect(
      actionSteps(CI)
        .filter(({ jobId }) => jobId === 'self-test')
        .map(({ step }) => step.uses),
    ).toEqual(['./', './']);
    expect(ci.jobs['reusable-workflow']?.uses).toBe('./.github/workflows/release-gates.yml');
  });
});
