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

/** `--<input-name> value` or `--<input-name>=value`, plus --help, --aws and --summary-file. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const inputs = new Map<string, string>();
  let help = false;
  let aws = false;
  let summaryFile: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--aws') {
      aws = true;
      continue;
    }
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new CliUsageError(`Unexpected argument '${arg}'. Expected --<input-name> <value>; see --help.`);
    const flag = match[1] ?? '';
    const name = ALIASES[flag] ?? flag;
    let value = match[2];
    if (value === undefined) {
      value = argv[index + 1];
      if (value === undefined) throw new CliUsageError(`Flag --${flag} needs a value.`);
      index += 1;
    }
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
    'The runbook\'s live rollout for one environment (fail-fast, one verify retry, archived evidence):',
    '  surreal-release-gates --gates rollout --env staging --s3-bucket B --s3-endpoint URL \\',
    '    --prom-url http://prometheus:9090 --hot-path-checks hot-path-checks.yaml',
    '',
    '  flag                                   variable                           meaning',
    ...lines,
  ].join('\n');
}
