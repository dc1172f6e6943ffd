import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs, usage } from '../../src/cli/args.js';
import { INPUTS } from '../../src/config/inputs.js';

/** The CLI's flags and its one-line usage errors, word for word (pinned before the move to node:util parseArgs). */
const EVERY_FLAG = INPUTS.map((input) => `--${input.name}`).join(', ');

const PARSED: [string[], { inputs: [string, string][]; help: boolean; aws: boolean; summaryFile: string | undefined }][] = [
  [[], { inputs: [], help: false, aws: false, summaryFile: undefined }],
  [['--help'], { inputs: [], help: true, aws: false, summaryFile: undefined }],
  [['-h'], { inputs: [], help: true, aws: false, summaryFile: undefined }],
  [['--aws'], { inputs: [], help: false, aws: true, summaryFile: undefined }],
  [['--env', 'staging'], { inputs: [['app-env', 'staging']], help: false, aws: false, summaryFile: undefined }],
  [['--env=staging'], { inputs: [['app-env', 'staging']], help: false, aws: false, summaryFile: undefined }],
  [
    ['--bucket', 'b', '--endpoint', 'http://x', '--prom-url', 'http://p'],
    {
      inputs: [
        ['s3-bucket', 'b'],
        ['s3-endpoint', 'http://x'],
        ['prometheus-url', 'http://p'],
      ],
      help: false,
      aws: false,
      summaryFile: undefined,
    },
  ],
  [['--gates', '--fail-fast'], { inputs: [['gates', '--fail-fast']], help: false, aws: false, summaryFile: undefined }],
  [['--summary-file', 'out.md'], { inputs: [], help: false, aws: false, summaryFile: 'out.md' }],
  [['--summary-file=a=b'], { inputs: [], help: false, aws: false, summaryFile: 'a=b' }],
  [['--hot-path-checks=- name: a\n  query: up'], { inputs: [['hot-path-checks', '- name: a\n  query: up']], help: false, aws: false, summaryFile: undefined }],
  [['--app-env', 'a', '--app-env', 'b'], { inputs: [['app-env', 'b']], help: false, aws: false, summaryFile: undefined }],
  [['--app-env='], { inputs: [['app-env', '']], help: false, aws: false, summaryFile: undefined }],
];

const REJECTED: [string[], string][] = [
  [['positional'], "Unexpected argument 'positional'. Expected --<input-name> <value>; see --help."],
  [['-x'], "Unexpected argument '-x'. Expected --<input-name> <value>; see --help."],
  [['--Foo', 'x'], "Unexpected argument '--Foo'. Expected --<input-name> <value>; see --help."],
  [['--'], "Unexpected argument '--'. Expected --<input-name> <value>; see --help."],
  [['--nope', 'x'], `Unknown flag --nope. Expected one of: ${EVERY_FLAG}.`],
  [['--app-env'], 'Flag --app-env needs a value.'],
  [['--gates=a', '--s3-bucket'], 'Flag --s3-bucket needs a value.'],
  [['--help=x'], `Unknown flag --help. Expected one of: ${EVERY_FLAG}.`],
  [['--aws=true'], `Unknown flag --aws. Expected one of: ${EVERY_FLAG}.`],
  [['---x'], 'Flag ---x needs a value.'],
  [['--app_env', 'x'], "Unexpected argument '--app_env'. Expected --<input-name> <value>; see --help."],
  [['-abc'], "Unexpected argument '-abc'. Expected --<input-name> <value>; see --help."],
  [['--env', 'a', 'stray'], "Unexpected argument 'stray'. Expected --<input-name> <value>; see --help."],
  [['--summary-file'], 'Flag --summary-file needs a value.'],
  [['--h'], 'Flag --h needs a value.'],
  [['--constructor', 'x'], `Unknown flag --constructor. Expected one of: ${EVERY_FLAG}.`],
];

describe('parseCliArgs', () => {
  it.each(PARSED)('%j', (argv, expected) => {
    const args = parseCliArgs(argv);
    expect({ inputs: [...args.inputs], help: args.help, aws: args.aws, summaryFile: args.summaryFile }).toEqual(expected);
  });

  it.each(REJECTED)('rejects %j with one line', (argv, message) => {
    let thrown: unknown;
    try {
      parseCliArgs(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliUsageError);
    expect((thrown as Error).message).toBe(message);
    expect((thrown as Error).message).not.toContain('\n');
  });

  it('lists every input with its runbook variable in the usage', () => {
    const text = usage();
    for (const input of INPUTS) expect(text).toContain(`--${input.name.padEnd(36)} ${input.env}`);
  });
});
