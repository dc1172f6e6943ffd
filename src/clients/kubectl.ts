import type { Logger } from '../util/logger.js';
import { CommandNotFound, commandLine, type CommandRunner } from './exec.js';

/** Field manager of server-side apply: kubectl shows it as the owner of the fields we set. */
export const FIELD_MANAGER = 'surreal-release-gates';
/** kubectl's own limit per API request, since @actions/exec has no timeout of its own. */
export const KUBECTL_REQUEST_TIMEOUT = '30s';

export interface KubectlTarget {
  readonly context: string;
  readonly namespace: string;
}

export interface KubectlRun {
  /** The command as run, for the report. */
  readonly command: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Kubectl {
  /** The kubeconfig's current context; undefined when none is set or kubectl is missing. */
  currentContext(): Promise<string | undefined>;
  /** `kubectl apply --server-side` of a manifest on stdin; `dryRun` adds `--dry-run=server`. */
  apply(manifest: string, target: KubectlTarget, options: { readonly dryRun: boolean }): Promise<KubectlRun>;
}

/** The exact arguments of an apply; exported so tests and docs state the same command. */
export function applyArgs(target: KubectlTarget, dryRun: boolean): string[] {
  return [
    '--context',
    target.context,
    '--namespace',
    target.namespace,
    `--request-timeout=${KUBECTL_REQUEST_TIMEOUT}`,
    'apply',
    '--server-side',
    `--field-manager=${FIELD_MANAGER}`,
    ...(dryRun ? ['--dry-run=server'] : []),
    '-f',
    '-',
  ];
}

export function createKubectl(runner: CommandRunner, log: Logger): Kubectl {
  // Every kubectl call goes through here: one place to log and to fake in tests.
  const run = async (args: readonly string[], input?: string): Promise<KubectlRun> => {
    const command = commandLine('kubectl', args);
    log.info(`Running ${command}`);
    const result = await runner('kubectl', args, input !== undefined ? { input } : {});
    if (result.exitCode !== 0) log.warning(`${command} exited ${result.exitCode}: ${result.stderr.trim() || result.stdout.trim()}`);
    return { command, ...result };
  };
  return {
    async currentContext() {
      try {
        const result = await run(['config', 'current-context']);
        const context = result.stdout.trim();
        return result.exitCode === 0 && context !== '' ? context : undefined;
      } catch (error) {
        if (error instanceof CommandNotFound) return undefined;
        throw error;
      }
    },
    async apply(manifest, target, options) {
      return run(applyArgs(target, options.dryRun), manifest);
    },
  };
}
