import { describe, expect, it } from 'vitest';
import { INPUTS } from '../../src/config/inputs.js';
import { loadConfig } from '../../src/config/load.js';

const base = { 'app-env': 'ci', 's3-bucket': 'chat-attachments-ci' };
const load = (inputs: Record<string, string>) => loadConfig((input) => ({ ...base, ...inputs })[input.name], '/workspace');

describe('smoke inputs', () => {
  it('joins the default gates', () => {
    expect(load({}).gates).toEqual(['bucket', 'lifecycle', 'verify', 'smoke']);
    expect(INPUTS.find((input) => input.name === 'gates')?.default).toBe('bucket,lifecycle,verify,smoke');
  });

  it("defaults to a 5 MiB multipart threshold (S3's minimum part), debris stale after 1h and no API level", () => {
    expect(load({}).smoke).toEqual({ multipartThresholdBytes: 5 * 1024 * 1024, staleAfterMs: 3_600_000, api: undefined });
  });

  it.each([
    ['90m', {}, 5_400_000],
    ['1h30m', {}, 5_400_000],
    ['28s', { 's3-timeout-seconds': '2' }, 28_000],
    ['720h', {}, 720 * 3_600_000],
  ])('reads smoke-stale-after %s', (value, inputs, expected) => {
    expect(load({ 'smoke-stale-after': value, ...inputs }).smoke.staleAfterMs).toBe(expected);
  });

  it.each([
    ['not a duration', 'soon', {}, /a duration such as 60s/],
    ['above 720h', '721h', {}, /a duration such as 60s/],
    [
      'not longer than a worst-case run (12 x 30 s + 3 s)',
      '363s',
      {},
      /longer than a worst-case smoke run, 12 x s3-timeout-seconds \+ 3 s \(363s with s3-timeout-seconds 30\)/,
    ],
    ['the default 1h with s3-timeout-seconds 300', '', { 's3-timeout-seconds': '300' }, /\(3603s with s3-timeout-seconds 300\)/],
  ])('refuses smoke-stale-after %s, in one line naming the input', (_name, value, inputs, form) => {
    expect(() => load({ 'smoke-stale-after': value, ...inputs })).toThrow(/^Invalid input 'smoke-stale-after': got "[^"\n]*"\. Expected [^\n]+$/);
    expect(() => load({ 'smoke-stale-after': value, ...inputs })).toThrow(form);
  });

  it('reads the chat API settings with their defaults', () => {
    const { api } = load({ 'chat-api-url': 'https://chat.example.com/base', 'chat-api-token': ' t0ken ' }).smoke;
    expect(api).toEqual({
      url: new URL('https://chat.example.com/base'),
      token: 't0ken',
      uploadPath: '/v1/chat/attachments/upload',
      downloadPath: '/v1/chat/attachments/:attachment_id/download',
      uploadField: 'file',
      idField: 'attachment_id',
      objectKeyTemplate: ':prefix/:env/:attachment_id.bin',
      timeoutMs: 30_000,
    });
  });

  it('treats chat-api-token as a secret: masked by the run, never echoed by an error', () => {
    expect(INPUTS.find((input) => input.name === 'chat-api-token')).toMatchObject({ secret: true });
    expect(load({ 'chat-api-token': 'tok' }).secrets).toContain('tok');
    const bad = 'tok en-secret';
    expect(() => load({ 'chat-api-url': 'http://127.0.0.1:1', 'chat-api-token': bad })).toThrow("Invalid input 'chat-api-token'");
    try {
      load({ 'chat-api-url': 'http://127.0.0.1:1', 'chat-api-token': bad });
    } catch (error) {
      expect(String(error)).not.toContain('en-secret');
    }
  });

  it.each([
    ['smoke-multipart-threshold-mib', '4', 'an integer from 5 to 512'],
    ['smoke-multipart-threshold-mib', '513', 'an integer from 5 to 512'],
    ['chat-api-url', 'ftp://chat', 'an http(s) URL'],
    ['chat-api-url', 'https://user:pw@chat', 'without credentials'],
    ['chat-api-upload-path', 'v1/upload', "a path starting with '/'"],
    ['chat-api-upload-path', '/v1/:attachment_id/upload', 'without placeholders'],
    ['chat-api-download-path', '/v1/chat/attachments/download', 'with the placeholder :attachment_id'],
    ['chat-api-download-path', '/v1/:id/download', 'with the placeholder :attachment_id'],
    ['chat-api-download-path', '/v1/:attachment_id/download?x=1', "a path starting with '/'"],
    ['chat-api-upload-field', 'my file', 'a form field name'],
    ['chat-api-id-field', 'data..id', 'a JSON field name or dot path'],
    ['chat-api-object-key', ':prefix/:env/fixed.bin', 'which it must use'],
    ['chat-api-object-key', 'elsewhere/:attachment_id.bin', "expanding under 'chat-attachments/ci/'"],
    ['chat-api-object-key', ':prefix/:env/../:attachment_id.bin', "expanding under 'chat-attachments/ci/'"],
    ['chat-api-object-key', ':prefix/:other/:attachment_id.bin', 'the placeholders :prefix, :env, :attachment_id'],
    ['chat-api-timeout-seconds', '0', 'an integer from 1 to 600'],
  ])('rejects %s=%s, naming the expected form', (name, value, expected) => {
    expect(() => load({ [name]: value })).toThrow(`Invalid input '${name}'`);
    expect(() => load({ [name]: value })).toThrow(expected);
  });
});
