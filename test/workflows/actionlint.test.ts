import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { lintWorkflow, lintWorkflows, workflowFiles } from '../../scripts/lint-workflows.mjs';

interface Finding {
  readonly message: string;
  readonly line: number;
}

describe('actionlint', () => {
  it('finds nothing in any workflow or workflow example', async () => {
    const files = workflowFiles() as string[];
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/release-gates.yml',
        '.github/workflows/rollout.yml',
        'docs/examples/ci.yml',
      ]),
    );
    expect(((await lintWorkflows(files)) as string[]).join('\n')).toBe('');
  });

  // Without this, "no findings" could mean a linter that checks nothing.
  it('reports what GitHub would reject: an unknown context property, a bad needs, a bad cron', async () => {
    const broken = [
      'on:',
      '  schedule:',
      "    - cron: '61 * * * *'",
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    needs: missing-job',
      '    steps:',
      '      - run: echo ${{ job.workflow_sha }}',
    ].join('\n');
    const findings = (await lintWorkflow(broken, 'broken.yml')) as Finding[];
    const messages = findings.map((finding) => finding.message).join('\n');
    expect(messages).toContain('property "workflow_sha" is not defined');
    expect(messages).toContain('missing-job');
    expect(messages).toMatch(/invalid CRON format/);
  });
});
