import { expandTemplate, placeholdersOf } from '../smoke/api-templates.js';
import { worstCaseSmokeRunMs } from '../smoke/budget.js';
import { MIB } from '../smoke/objects.js';
import { formatDuration, parseDuration } from './duration.js';
import type { InputName } from './inputs.js';
import { parseEndpoint, parseInteger } from './parse.js';
import type { SmokeSettings } from './types.js';
import { InputError } from '../verdict.js';

export interface SmokeInputs {
  /** The raw input, undefined when unset or empty. */
  readonly raw: (name: InputName) => string | undefined;
  readonly withDefault: (name: InputName) => string;
  readonly prefix: string;
  readonly appEnv: string;
  readonly envPrefix: string;
  /** chat-api-token, already read (it is a secret: never echoed in an error). */
  readonly token: string | undefined;
  /** s3-timeout-seconds in ms: smoke-stale-after must be longer than the worst-case run it implies. */
  readonly s3TimeoutMs: number;
}

const PATH_PATTERN = /^\/[A-Za-z0-9._~!$&'()*+,;=@:/-]*$/;
const FIELD_PATTERN = /^[A-Za-z0-9_.[\]-]{1,100}$/;
const ID_FIELD_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const KEY_TEMPLATE_PATTERN = /^[A-Za-z0-9._:/-]+$/;

/** The smoke gate's inputs; the chat API ones are checked even when chat-api-url is unset. */
export function loadSmokeSettings(inputs: SmokeInputs): SmokeSettings {
  const { raw, withDefault } = inputs;
  const thresholdMib = parseInteger('smoke-multipart-threshold-mib', withDefault('smoke-multipart-threshold-mib'), 5, 512);
  const staleAfterMs = parseStaleAfter(withDefault('smoke-stale-after'), inputs.s3TimeoutMs);

  const uploadPath = parsePathTemplate('chat-api-upload-path', withDefault('chat-api-upload-path'), []);
  const downloadPath = parsePathTemplate('chat-api-download-path', withDefault('chat-api-download-path'), ['attachment_id']);
  const uploadField = withDefault('chat-api-upload-field').trim();
  if (!FIELD_PATTERN.test(uploadField)) {
    throw new InputError('chat-api-upload-field', uploadField, "a form field name of letters, digits, '_', '-', '.', '[' or ']', e.g. file");
  }
  const idField = withDefault('chat-api-id-field').trim();
  if (!ID_FIELD_PATTERN.test(idField)) {
    throw new InputError('chat-api-id-field', idField, 'a JSON field name or dot path, e.g. attachment_id or data.id');
  }
  const objectKeyTemplate = parseObjectKeyTemplate(withDefault('chat-api-object-key'), inputs);
  const timeoutSeconds = parseInteger('chat-api-timeout-seconds', withDefault('chat-api-timeout-seconds'), 1, 600);

  const urlRaw = raw('chat-api-url');
  if (inputs.token !== undefined && /[\s\u0000-\u001f\u007f]/.test(inputs.token)) {
    // The value is a secret: the message names the input only.
    throw new InputError('chat-api-token', '', 'a bearer token without whitespace or control characters');
  }
  return {
    multipartThresholdBytes: thresholdMib * MIB,
    staleAfterMs,
    api:
      urlRaw === undefined
        ? undefined
        : {
            url: parseEndpoint('chat-api-url', urlRaw),
            token: inputs.token,
            uploadPath,
            downloadPath,
            uploadField,
            idField,
            objectKeyTemplate,
            timeoutMs: timeoutSeconds * 1000,
          },
  };
}

/** At most 30 days: debris should not wait longer than a month for the next run to remove it. */
const MAX_STALE_AFTER_MS = 720 * 3_600_000;

function parseStaleAfter(rawValue: string, s3TimeoutMs: number): number {
  const ms = parseDuration('smoke-stale-after', rawValue, 1000, MAX_STALE_AFTER_MS);
  const worstCase = worstCaseSmokeRunMs(s3TimeoutMs);
  if (ms <= worstCase) {
    throw new InputError(
      'smoke-stale-after',
      rawValue,
      `a duration longer than a worst-case smoke run, 12 x s3-timeout-seconds + 3 s (${formatDuration(worstCase)} with s3-timeout-seconds ${s3TimeoutMs / 1000}), so that no run removes a live one's objects; e.g. 1h`,
    );
  }
  return ms;
}

function parsePathTemplate(input: InputName, rawValue: string, required: readonly string[]): string {
  const value = rawValue.trim();
  const names = placeholdersOf(value);
  const expected = `a path starting with '/', without query or fragment${
    required.length > 0 ? `, with the placeholder ${required.map((name) => `:${name}`).join(', ')}` : ', without placeholders'
  } (e.g. ${input === 'chat-api-upload-path' ? '/v1/chat/attachments/upload' : '/v1/chat/attachments/:attachment_id/download'})`;
  const placeholdersOk = names.every((name) => required.includes(name)) && required.every((name) => names.includes(name));
  if (!PATH_PATTERN.test(value) || !placeholdersOk) throw new InputError(input, rawValue, expected);
  return value;
}

function parseObjectKeyTemplate(rawValue: string, inputs: SmokeInputs): string {
  const value = rawValue.trim();
  const expected = `a key template of letters, digits, '.', '_', '-', '/' and the placeholders :prefix, :env, :attachment_id (which it must use), expanding under '${inputs.envPrefix}', e.g. :prefix/:env/:attachment_id.bin`;
  const names = placeholdersOf(value);
  if (!KEY_TEMPLATE_PATTERN.test(value) || !names.includes('attachment_id') || names.some((name) => !['prefix', 'env', 'attachment_id'].includes(name))) {
    throw new InputError('chat-api-object-key', rawValue, expected);
  }
  const sample = expandTemplate(value, { prefix: inputs.prefix, env: inputs.appEnv, attachment_id: 'id' });
  if (!sample.startsWith(inputs.envPrefix) || sample.length === inputs.envPrefix.length || sample.includes('//') || sample.split('/').includes('..')) {
    throw new InputError('chat-api-object-key', rawValue, expected);
  }
  return value;
}
