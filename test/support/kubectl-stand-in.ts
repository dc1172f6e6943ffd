import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * A stand-in `kubectl` executable for runs through runGates or the CLI, where kubectl is run via
 * @actions/exec from the PATH (no test needs a cluster). It records each call's arguments, answers
 * `config current-context` with its context, and for `apply` keeps the manifest from stdin (in
 * `appliedDir`, one file per apply, for a rule operator to pick up) and answers as kubectl does.
 */
export interface KubectlStandIn {
  /** Directory holding `kubectl`; put it first on PATH. */
  readonly binDir: string;
  /** Manifests received by `apply`, one file each, named in arrival order. */
  readonly appliedDir: string;
  readonly context: string;
  /** PATH with the stand-in first. */
  path(current?: string): string;
  /** Each call's arguments, joined by spaces (kubectl's arguments here have none of their own). */
  calls(): Promise<string[]>;
  remove(): Promise<void>;
}

export async function createKubectlStandIn(context = 'rollout-test'): Promise<KubectlStandIn> {
  const root = await mkdtemp(path.join(tmpdir(), 'srg-kubectl-'));
  const binDir = path.join(root, 'bin');
  const appliedDir = path.join(root, 'applied');
  const callsFile = path.join(root, 'calls.log');
  await mkdir(binDir);
  await mkdir(appliedDir);
  await writeFile(callsFile, '');
  const script = [
    '#!/bin/sh',
    `printf '%s\\n' "$*" >> '${callsFile}'`,
    'if [ "$1" = config ] && [ "$2" = current-context ]; then',
    `  echo '${context}'`,
    '  exit 0',
    'fi',
    'for arg in "$@"; do',
    '  if [ "$arg" = apply ]; then',
    `    file='${appliedDir}'/$(date +%s%N)-$$.yaml`,
    '    cat > "$file.part" && mv "$file.part" "$file"',
    '    name=$(sed -n \'s/^  name: *//p\' "$file" | head -n 1)',
    '    echo "prometheusrule.monitoring.coreos.com/$name serverside-applied"',
    '    exit 0',
    '  fi',
    'done',
    'echo "error: the kubectl stand-in does not answer: $*" >&2',
    'exit 1',
    '',
  ].join('\n');
  await writeFile(path.join(binDir, 'kubectl'), script);
  await chmod(path.join(binDir, 'kubectl'), 0o755);
  return {
    binDir,
    appliedDir,
    context,
    path: (current = process.env.PATH ?? '') => `${binDir}${path.delimiter}${current}`,
    calls: async () => (await readFile(callsFile, 'utf8')).split('\n').filter((line) => line !== ''),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** The manifests applied so far, oldest first, with the files' names. */
export async function appliedManifests(standIn: KubectlStandIn): Promise<{ file: string; text: string }[]> {
  const files = (await readdir(standIn.appliedDir)).filter((file) => file.endsWith('.yaml')).sort();
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(standIn.appliedDir, file), 'utf8') })));
}
