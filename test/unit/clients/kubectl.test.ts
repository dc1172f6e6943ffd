import { describe, expect, it } from 'vitest';
import { createKubectl } from '../../../src/clients/kubectl.js';
import { silentLogger } from '../../../src/util/logger.js';
import { recordingRunner } from '../../support/recording-runner.js';

describe('kubectl client', () => {
  const target = { context: 'kind-chat', namespace: 'monitoring' };

  it('runs exactly kubectl apply --server-side --dry-run=server with the manifest on stdin', async () => {
    const { runner, calls } = recordingRunner(() => ({ exitCode: 0, stdout: 'prometheusrule.monitoring.coreos.com/x serverside-applied (server dry run)\n' }));
    const run = await createKubectl(runner, silentLogger).apply('kind: PrometheusRule\n', target, { dryRun: true });
    expect(calls).toEqual([
      {
        command: 'kubectl',
        args: [
          '--context',
          'kind-chat',
          '--namespace',
          'monitoring',
          '--request-timeout=30s',
          'apply',
          '--server-side',
          '--field-manager=surreal-release-gates',
          '--dry-run=server',
          '-f',
          '-',
        ],
        input: 'kind: PrometheusRule\n',
      },
    ]);
    expect(run.command).toBe(
      'kubectl --context kind-chat --namespace monitoring --request-timeout=30s apply --server-side --field-manager=surreal-release-gates --dry-run=server -f -',
    );
  });

  it('drops only --dry-run=server to apply', async () => {
    const { runner, calls } = recordingRunner(() => ({ exitCode: 0 }));
    await createKubectl(runner, silentLogger).apply('m', target, { dryRun: false });
    expect(calls[0]?.args).toEqual([
      '--context',
      'kind-chat',
      '--namespace',
      'monitoring',
      '--request-timeout=30s',
      'apply',
      '--server-side',
      '--field-manager=surreal-release-gates',
      '-f',
      '-',
    ]);
  });

  it.each<[string, Parameters<typeof recordingRunner>[0], string | undefined]>([
    ['a current context', () => ({ exitCode: 0, stdout: 'prod-admin@chat\n' }), 'prod-admin@chat'],
    ['none set', () => ({ exitCode: 1, stderr: 'error: current-context is not set\n' }), undefined],
    ['kubectl missing', () => 'not-found', undefined],
  ])('reads the current context: %s', async (_name, answer, expected) => {
    const { runner, calls } = recordingRunner(answer);
    expect(await createKubectl(runner, silentLogger).currentContext()).toBe(expected);
    expect(calls.map((call) => [call.command, ...call.args])).toEqual([['kubectl', 'config', 'current-context']]);
  });
});
