import { describe, expect, it } from 'vitest';
import { DEFAULT_GATES } from '../../src/gates/ids.js';
import { INPUTS } from '../../src/config/inputs.js';
import { loadConfig } from '../../src/config/load.js';

const base = { 'app-env': 'ci', 's3-bucket': 'chat-attachments-ci' };
const load = (inputs: Record<string, string>) => loadConfig((input) => ({ ...base, ...inputs })[input.name], '/workspace');

describe('smoke inputs', () => {
  it('joins the default gates', () => {
    expect(load({}).gates).toEqual(['bucket', 'lifecycle', 'verify', 'smoke']);
    expect(DEFAULT_GATES).toEqual(['bucket', 'lifecycle', 'verify', 'smoke']);
    expect(INPUTS.find((input) => input.name === 'gates')?.default).toBe('bucket,lifecycle,verify,smoke');
  });

  it('defaults to a 5 MiB multipart threshold (S3\'s minimum part) and no API level', () => {
    expect(load({}).smoke).toEqual({ multipartThresholdBytes: 5 * 1024 * 1024, api: undefined });
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
