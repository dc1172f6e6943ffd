import { parseArgs } from 'node:util';
import { INPUTS } from '../config/inputs.js';

export interface CliArgs {
  /** Input name -> raw value from --<input-name> flags. */
  readonly inputs: ReadonlyMap<string, string>;
  readonly help: boolean;
  /** --aws: no local S3; an empty endpoint means AWS S3, as in the action. */
  readonly aws: boolean;
  readonly summaryFile: string | undefined;
}

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

const KNOWN = new Set<string>(INPUTS.map((input) => input.name));
/** Short aliases the runbook's commands use. */
const ALIASES: Readonly<Record<string, string>> = { env: 'app-env', bucket: 's3-bucket', endpoint: 's3-endpoint', 'prom-url': 'prometheus-url' };
const SWITCHES = new Set(['help', 'aws']);
const FLAG_NAME = /^[a-z0-9-]+$/;

/** Every value flag (inputs, aliases, --summary-file) takes a string; --help (-h) and --aws are switches. */
const OPTIONS = Object.fromEntries([
  ...[...KNOWN, ...Object.keys(ALIASES), 'summary-file'].map((name) => [name, { type: 'string' as const }]),
  ['help', { type: 'boolean' as const, short: 'h' }],
  ['aws', { type: 'boolean' as const }],
]);

/**
 * `--<input-name> value` or `--<input-name>=value`, plus --help, --aws and --summary-file. node:util
 * parseArgs splits the arguments (non-strict, so that each problem gets this CLI's own one-line
 * message, naming the argument and the expected form); the tokens are judged in order.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const inputs = new Map<string, string>();
  let help = false;
  let aws = false;
  let summaryFile: string | undefined;
  const unexpected = (index: number) => new CliUsageError(`Unexpected argument '${argv[index] ?? ''}'. Expected --<input-name> <value>; see --help.`);
  for (const token of tokens) {
    if (token.kind !== 'option') throw unexpected(token.index);
    if (token.rawName === '-h' && argv[token.index] === '-h') {
      help = true;
      continue;
    }
    if (!token.rawName.startsWith('--') || !FLAG_NAME.test(token.name)) throw unexpected(token.index);
    const flag = token.name;
    if (SWITCHES.has(flag) && token.value === undefined) {
      if (flag === 'help') help = true;
      else aws = true;
      continue;
    }
    // parseArgs gives a declared flag its value (inline or the next argument). A flag it does not
    // know gets none, so the next argument stands in: a missing value is named before an unknown flag.
    const value = token.value ?? (Object.hasOwn(OPTIONS, flag) ? undefined : argv[token.index + 1]);
    if (value === undefined) throw new CliUsageError(`Flag --${flag} needs a value.`);
    const name = Object.hasOwn(ALIASES, flag) ? (ALIASES[flag] ?? flag) : flag;
    if (name === 'summary-file') summaryFile = value;
    else if (KNOWN.has(name)) inputs.set(name, value);
    else throw new CliUsageError(`Unknown flag --${flag}. Expected one of: ${[...KNOWN].map((known) => `--${known}`).join(', ')}.`);
  }
  return { inputs, help, aws, summaryFile };
}

export function usage(): string {
  const lines = INPUTS.map((input) => {
    const fallback = 'default' in input ? ` (default ${input.default})` : '';
    return `  --${input.name.padEnd(36)} ${input.env.padEnd(34)} ${input.description}${fallback}`;
  });
  return [
    'Usage: surreal-release-gates [--<input-name> <value> ...] [--aws] [--summary-file FILE]',
    '',
    'Runs the release gates and writes the reports. Each flag falls back to the runbook variable',
    'named beside it. Without s3-endpoint (and without --aws) a throwaway local Ceph RGW is',
    'started, with app-env "local" and bucket "chat-attachments-local" unless given.',
    '',
    "The runbook's live rollout for one environment (fail-fast, one verify retry, archived evidence):",
    '  surreal-release-gates --gates rollout --env staging --s3-bucket B --s3-endpoint URL \\',
    '    --prom-url http://prometheus:9090 --hot-path-checks hot-path-checks.yaml',
    '',
    '  flag                                   variable                           meaning',
    ...lines,
  ].join('\n');
}
