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
        '.github/workflows/drift-watch.yml',
        'docs/examples/drift-watch.yml',
      ]),
    );
    expect(((await lintWorkflows(files)) as string[]).join('\n')).toBe('');
  });

  // Without this, "no findings" could mean a linter that checks nothing. The property must be one
  // GitHub does not have either (job.workflow_sha, say, exists, though actionlint 1.7 flags it).
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
      '      - run: echo ${{ job.no_such_property }}',
    ].join('\n');
    const findings = (await lintWorkflow(broken, 'broken.yml')) as Finding[];
    const messages = findings.map((finding) => finding.message).join('\n');
    expect(messages).toContain('property "no_such_property" is not defined');
    expect(messages).toContain('missing-job');
    expect(messages).toMatch(/invalid CRON format/);
  });

  // Why MinIO and SurrealDB are started by docker run steps (release-gates.yml says so): when this
  // fails, the linter knows service containers' command: and they can become services.
  it('still rejects command: in a service container', async () => {
    const service = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    services:',
      '      minio:',
      '        image: quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z',
      '        command: server /data',
      '    steps:',
      '      - run: echo',
    ].join('\n');
    const findings = (await lintWorkflow(service, 'service.yml')) as Finding[];
    expect(findings.map((finding) => finding.message).join('\n')).toContain('unexpected key "command" for "services" section');
  });
});
