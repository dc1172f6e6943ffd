import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputDefinition } from '../../src/config/inputs.js';
import { loadConfig } from '../../src/config/load.js';
import { parseBucketName, parseInteger, parseKeyPrefix, parsePrefixList } from '../../src/config/parse.js';
import { InputError } from '../../src/verdict.js';

const WORKSPACE = path.resolve('workspace-for-tests');
const SECRET = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY';

/** The smallest valid set of inputs; each case overrides one. */
const VALID: Readonly<Record<string, string>> = { 'app-env': 'prod', 's3-bucket': 'chat-attachments-prod' };

function load(overrides: Record<string, string> = {}) {
  const values: Record<string, string> = { ...VALID, ...overrides };
  return loadConfig((input: InputDefinition) => values[input.name], WORKSPACE);
}

/** Runs fn and returns the InputError it throws; fails the test when it throws nothing else. */
function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

/** The contract of every bad-input message: one line, naming the input and the expected form. */
function expectOneLineNaming(error: InputError, input: string, expectedForm: RegExp): void {
  expect(error.input).toBe(input);
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message).toContain(`'${input}'`);
  expect(error.message).toMatch(/Expected /);
  expect(error.message).toMatch(expectedForm);
}

describe('loadConfig rejects bad input with one line naming the input and the expected form', () => {
  const cases: { name: string; inputs: Record<string, string>; input: string; form: RegExp }[] = [
    ...['30.5', '0', '36501', '1e3', '-1', '+5', '0x1e', '3 0', 'thirty', '99999999999999999999'].flatMap((value) => [
      { name: `expire-days ${JSON.stringify(value)}`, inputs: { 'expire-days': value }, input: 'expire-days', form: /integer from 1 to 36500/ },
      {
        name: `expect-expire-days ${JSON.stringify(value)}`,
        inputs: { 'expect-expire-days': value },
        input: 'expect-expire-days',
        form: /integer from 1 to 36500/,
      },
    ]),
    ...['a,,b', ' , ', 'x'.repeat(256), 'line\nbreak'].map((value) => ({
      name: `lifecycle-adopt-rule-ids ${JSON.stringify(value)}`,
      inputs: { 'lifecycle-adopt-rule-ids': value },
      input: 'lifecycle-adopt-rule-ids',
      form: /comma-separated list of lifecycle rule IDs/,
    })),
    ...['Prod', '-prod', 'prod_eu', 'prod.eu', 'prod/eu', 'p r', 'é', 'a'.repeat(64)].map((value) => ({
      name: `app-env ${JSON.stringify(value)}`,
      inputs: { 'app-env': value },
      input: 'app-env',
      form: /\[a-z0-9\]\[a-z0-9-\]\*/,
    })),
    ...['chat/../attachments', '..', 'chat-*', '*', '/chat-attachments', 'a//b', 'a/./b', 'a b', 'chat-attachments//', 'x'.repeat(151)].map((value) => ({
      name: `chat-attachment-s3-prefix ${JSON.stringify(value)}`,
      inputs: { 'chat-attachment-s3-prefix': value },
      input: 'chat-attachment-s3-prefix',
      form: /no leading '\/', no '\.\.', no '\*', no empty segment/,
    })),
    ...[
      'Chat-Attachments',
      'chat_attachments',
      'ab',
      'a'.repeat(64),
      '192.168.1.10',
      'xn--chat',
      'chat-s3alias',
      'chat..attachments',
      'chat.-attachments',
      '-chat',
      'chat-',
      'sthree-chat',
    ].map((value) => ({
      name: `s3-bucket ${JSON.stringify(value)}`,
      inputs: { 's3-bucket': value },
      input: 's3-bucket',
      form: /an S3 bucket name/,
    })),
    { name: 'unknown gate', inputs: { gates: 'bucket,nope' }, input: 'gates', form: /unknown gate 'nope'/ },
    { name: 'repeated gate', inputs: { gates: 'bucket,lifecycle,bucket' }, input: 'gates', form: /'bucket' repeated/ },
    { name: 'empty gate entry', inputs: { gates: 'bucket,,verify' }, input: 'gates', form: /bucket, lifecycle, verify/ },
    { name: 'only go-no-go selected', inputs: { gates: 'go-no-go' }, input: 'gates', form: /bucket, lifecycle, verify/ },
    ...['destroy', 'Apply', 'dry-run'].map((value) => ({ name: `mode ${value}`, inputs: { mode: value }, input: 'mode', form: /one of: apply, plan/ })),
    ...['ture', 'yes', '1', 'on'].map((value) => ({ name: `fail-fast ${value}`, inputs: { 'fail-fast': value }, input: 'fail-fast', form: /true or false/ })),
    { name: 's3-force-path-style flase', inputs: { 's3-force-path-style': 'flase' }, input: 's3-force-path-style', form: /true or false/ },
    ...['0', '601', '1.5'].map((value) => ({
      name: `s3-timeout-seconds ${value}`,
      inputs: { 's3-timeout-seconds': value },
      input: 's3-timeout-seconds',
      form: /integer from 1 to 600/,
    })),
    ...['chat-attachments-old/prod/', 'other/prod/', 'chat/prod/'].map((value) => ({
      name: `required prefix ${value} not under the prefix`,
      inputs: { 'chat-attachment-required-prefixes': value },
      input: 'chat-attachment-required-prefixes',
      form: /every prefix under 'chat-attachments\/'/,
    })),
    {
      name: 'one of several required prefixes not under the prefix',
      inputs: { 'chat-attachment-required-prefixes': 'chat-attachments/prod/, elsewhere/prod/' },
      input: 'chat-attachment-required-prefixes',
      form: /every prefix under 'chat-attachments\/'/,
    },
    {
      name: 'empty entry in required prefixes',
      inputs: { 'chat-attachment-required-prefixes': 'chat-attachments/prod/,,chat-attachments/eu/' },
      input: 'chat-attachment-required-prefixes',
      form: /no empty entry/,
    },
    {
      name: 'required prefix with ..',
      inputs: { 'chat-attachment-required-prefixes': 'chat-attachments/../prod/' },
      input: 'chat-attachment-required-prefixes',
      form: /no '\.\.'/,
    },
    ...['ftp://127.0.0.1:9000', 'not a url', 'http://user:pw@127.0.0.1:9000', 'http://127.0.0.1:9000/?x=1'].map((value) => ({
      name: `s3-endpoint ${value}`,
      inputs: { 's3-endpoint': value },
      input: 's3-endpoint',
      form: /an http\(s\) URL/,
    })),
    { name: 's3-region with uppercase', inputs: { 's3-region': 'US-EAST-1' }, input: 's3-region', form: /a region name/ },
    { name: 'app-env missing', inputs: { 'app-env': '' }, input: 'app-env', form: /environment name/ },
    { name: 's3-bucket missing', inputs: { 's3-bucket': '  ' }, input: 's3-bucket', form: /S3 bucket name/ },
  ];

  it.each(cases)('$name', ({ inputs, input, form }) => {
    const error = inputErrorOf(() => load(inputs));
    expectOneLineNaming(error, input, form);
  });

  it('quotes the bad value so a value containing a newline still gives one line', () => {
    const error = inputErrorOf(() => load({ 'expire-days': '30\n31' }));
    expectOneLineNaming(error, 'expire-days', /integer from 1 to 36500/);
    expect(error.message).toContain('"30\\n31"');
  });

  it.each([
    { name: 'access key without secret key', inputs: { 's3-access-key': 'AKIAEXAMPLE' }, input: 's3-secret-key' },
    { name: 'secret key without access key', inputs: { 's3-secret-key': SECRET }, input: 's3-access-key' },
  ])('$name: names both inputs and never the secret', ({ inputs, input }) => {
    const error = inputErrorOf(() => load(inputs));
    expectOneLineNaming(error, input, /both s3-access-key and s3-secret-key, or neither/);
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(String(error.stack)).not.toContain(SECRET);
  });

  it.each([
    { value: 'http://AKIAEXAMPLE:hunter2-secret@127.0.0.1:9000', hidden: ['hunter2-secret', 'AKIAEXAMPLE'], shown: '"http://***@127.0.0.1:9000"' },
    { value: 'AKIAEXAMPLE:hunter2-secret@127.0.0.1:9000', hidden: ['hunter2-secret', 'AKIAEXAMPLE'], shown: '"***@127.0.0.1:9000"' },
    { value: 'https://s3.example.com/?X-Amz-Signature=abc123sig', hidden: ['abc123sig'], shown: '"https://s3.example.com/?***"' },
    { value: 'https://s3.example.com/#token=tok456', hidden: ['tok456'], shown: '"https://s3.example.com/#***"' },
  ])('does not echo credentials carried in a rejected s3-endpoint ($shown)', ({ value, hidden, shown }) => {
    const error = inputErrorOf(() => load({ 's3-endpoint': value }));
    expectOneLineNaming(error, 's3-endpoint', /without credentials, query or fragment/);
    for (const secret of hidden) expect(error.message).not.toContain(secret);
    expect(error.message).toContain(shown);
  });

  it.each([
    ['localhost:7651', 'an http(s) URL without credentials'],
    ['127.0.0.1:9000', 'an http(s) URL such as'],
    ['minio:9000/chat', 'an http(s) URL without credentials'],
  ])('quotes a rejected s3-endpoint as given: %s', (value, expected) => {
    const error = inputErrorOf(() => load({ 's3-endpoint': value }));
    expectOneLineNaming(error, 's3-endpoint', new RegExp(expected.replace(/[()]/g, '\\$&')));
    expect(error.message).toContain(`got "${value}".`);
  });

  it('never echoes the secret key in the error of another bad input', () => {
    const error = inputErrorOf(() => load({ 's3-access-key': 'AKIAEXAMPLE', 's3-secret-key': SECRET, mode: 'destroy' }));
    expect(error.input).toBe('mode');
    expect(error.message).not.toContain(SECRET);
  });
});

describe('parseInteger', () => {
  it.each(['30.5', '0', '36501', '1e3', '-1', ' ', '', '1_000'])('rejects %j for 1..36500', (value) => {
    const error = inputErrorOf(() => parseInteger('expire-days', value, 1, 36500));
    expectOneLineNaming(error, 'expire-days', /an integer from 1 to 36500/);
  });

  it.each([
    ['1', 1],
    ['36500', 36500],
    [' 30 ', 30],
    ['007', 7],
  ])('accepts %j as %i', (value, expected) => {
    expect(parseInteger('expire-days', value, 1, 36500)).toBe(expected);
  });
});

describe('parseKeyPrefix and parsePrefixList', () => {
  it.each([
    ['chat-attachments', 'chat-attachments'],
    ['chat-attachments/', 'chat-attachments'],
    [' tenant_1/chat.attachments/ ', 'tenant_1/chat.attachments'],
  ])('normalises %j to %j', (value, expected) => {
    expect(parseKeyPrefix('chat-attachment-s3-prefix', value)).toBe(expected);
  });

  it('returns required prefixes with a trailing slash, de-duplicated', () => {
    expect(
      parsePrefixList('chat-attachment-required-prefixes', 'chat-attachments/prod, chat-attachments/prod/ ,chat-attachments/eu/', 'chat-attachments'),
    ).toEqual(['chat-attachments/prod/', 'chat-attachments/eu/']);
  });
});

describe('parseBucketName', () => {
  it.each(['abc', 'a'.repeat(63), 'chat.attachments-prod', '1chat', 'chat-attachments-s3'])('accepts %j', (value) => {
    expect(parseBucketName('s3-bucket', value)).toBe(value);
  });
});

describe('loadConfig defaults and normalisation', () => {
  it('applies every documented default', () => {
    const config = load();
    expect(config).toMatchObject({
      appEnv: 'prod',
      prefix: 'chat-attachments',
      envPrefix: 'chat-attachments/prod/',
      requiredPrefixes: ['chat-attachments/prod/'],
      expireDays: 30,
      expectExpireDays: undefined,
      mode: 'apply',
      gates: ['bucket', 'lifecycle', 'verify', 'smoke'],
      failFast: false,
      reportsDir: path.resolve(WORKSPACE, 'docs/research'),
      secrets: [],
    });
    expect(config.s3).toEqual({
      bucket: 'chat-attachments-prod',
      endpoint: undefined,
      region: 'us-east-1',
      credentials: undefined,
      forcePathStyle: false,
      timeoutMs: 30_000,
    });
  });

  it('treats empty and whitespace-only inputs as unset (GitHub passes unset inputs as empty)', () => {
    const config = load({ 'expire-days': ' ', 'expect-expire-days': '', 's3-region': '', mode: ' ', gates: '', 'reports-dir': '' });
    expect(config.expireDays).toBe(30);
    expect(config.expectExpireDays).toBeUndefined();
    expect(config.s3.region).toBe('us-east-1');
    expect(config.mode).toBe('apply');
    expect(config.gates).toEqual(['bucket', 'lifecycle', 'verify', 'smoke']);
    expect(config.reportsDir).toBe(path.resolve(WORKSPACE, 'docs/research'));
  });

  it('normalises a trailing slash on the prefix and derives the env prefix from it', () => {
    const config = load({ 'chat-attachment-s3-prefix': 'tenant/chat-attachments/' });
    expect(config.prefix).toBe('tenant/chat-attachments');
    expect(config.envPrefix).toBe('tenant/chat-attachments/prod/');
    expect(config.requiredPrefixes).toEqual(['tenant/chat-attachments/prod/']);
  });

  it('defaults path style to true only when an endpoint is set, and lets the input override it', () => {
    expect(load().s3.forcePathStyle).toBe(false);
    expect(load({ 's3-endpoint': 'http://127.0.0.1:9000' }).s3.forcePathStyle).toBe(true);
    expect(load({ 's3-endpoint': 'http://127.0.0.1:9000', 's3-force-path-style': 'false' }).s3.forcePathStyle).toBe(false);
    expect(load({ 's3-force-path-style': 'TRUE' }).s3.forcePathStyle).toBe(true);
  });

  it('resolves reports-dir against the workspace, and keeps an absolute one where no roots confine it (the CLI)', () => {
    expect(load({ 'reports-dir': 'out/reports' }).reportsDir).toBe(path.join(WORKSPACE, 'out', 'reports'));
    const absolute = path.resolve(path.sep, 'srv', 'reports');
    expect(load({ 'reports-dir': absolute }).reportsDir).toBe(absolute);
  });

  describe('reports-dir on a runner (confined to the workspace and RUNNER_TEMP)', () => {
    const runnerTemp = path.resolve(path.sep, 'runner', '_temp');
    const confined = (value: string) =>
      loadConfig((input: InputDefinition) => ({ ...VALID, 'reports-dir': value })[input.name], WORKSPACE, {}, { reportRoots: [WORKSPACE, runnerTemp] });

    it.each([
      ['docs/research', path.join(WORKSPACE, 'docs', 'research')],
      ['.', WORKSPACE],
      [path.join(WORKSPACE, 'out'), path.join(WORKSPACE, 'out')],
      [path.join(runnerTemp, 'reports'), path.join(runnerTemp, 'reports')],
      ['..foo/reports', path.join(WORKSPACE, '..foo', 'reports')],
    ])('takes %s', (value, expected) => {
      expect(confined(value).reportsDir).toBe(expected);
    });

    it.each(['..', '../other-repo/docs', 'docs/../../x', path.resolve(path.sep, 'etc'), path.resolve(path.sep, 'runner', '_temp2')])(
      'refuses %s before any request, naming the input',
      (value) => {
        const error = inputErrorOf(() => confined(value));
        expectOneLineNaming(error, 'reports-dir', /a directory inside the workspace or RUNNER_TEMP/);
      },
    );
  });

  it('reads every other input into its typed field', () => {
    const config = load({
      'app-env': ' staging ',
      'expire-days': '7',
      'expect-expire-days': '7',
      'chat-attachment-required-prefixes': 'chat-attachments/staging/, chat-attachments/staging/avatars',
      's3-endpoint': 'http://127.0.0.1:9000',
      's3-region': 'eu-central-1',
      's3-access-key': 'AKIAEXAMPLE',
      's3-secret-key': ` ${SECRET} `,
      's3-timeout-seconds': '5',
      mode: 'plan',
      gates: 'verify, bucket, go-no-go',
      'fail-fast': 'true',
      'lifecycle-adopt-rule-ids': 'chat-attachments-staging-expire, old rule 2,chat-attachments-staging-expire',
    });
    expect(config.adoptRuleIds).toEqual(['chat-attachments-staging-expire', 'old rule 2']);
    expect(config.appEnv).toBe('staging');
    expect(config.expireDays).toBe(7);
    expect(config.expectExpireDays).toBe(7);
    expect(config.requiredPrefixes).toEqual(['chat-attachments/staging/', 'chat-attachments/staging/avatars/']);
    expect(config.s3.endpoint?.href).toBe('http://127.0.0.1:9000/');
    expect(config.s3.region).toBe('eu-central-1');
    expect(config.s3.credentials).toEqual({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: SECRET });
    expect(config.s3.timeoutMs).toBe(5000);
    expect(config.mode).toBe('plan');
    expect(config.gates).toEqual(['verify', 'bucket']);
    expect(config.failFast).toBe(true);
    expect(config.secrets).toEqual([SECRET]);
  });

  it('accepts the prefix itself as a required prefix (it is under itself)', () => {
    expect(load({ 'chat-attachment-required-prefixes': 'chat-attachments/' }).requiredPrefixes).toEqual(['chat-attachments/']);
  });
});
