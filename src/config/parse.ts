import { InputError } from '../verdict.js';

// Pure parsers: each takes the raw text of one input and returns its typed value or throws an
// InputError naming the input and the expected form.

export function parseInteger(input: string, raw: string, min: number, max: number): number {
  const value = raw.trim();
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(input, raw, `an integer from ${min} to ${max}`);
  }
  return Number(value);
}

export function parseBoolean(input: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(input, raw, 'true or false');
}

export function parseChoice<T extends string>(input: string, raw: string, choices: readonly T[]): T {
  const value = raw.trim();
  const found = choices.find((choice) => choice === value);
  if (found === undefined) throw new InputError(input, raw, `one of: ${choices.join(', ')}`);
  return found;
}

const ENV_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function parseAppEnv(input: string, raw: string): string {
  const value = raw.trim();
  if (!ENV_PATTERN.test(value)) {
    throw new InputError(input, raw, 'a name matching [a-z0-9][a-z0-9-]* (at most 63 characters), e.g. staging');
  }
  return value;
}

const SEGMENT_PATTERN = /^[A-Za-z0-9._-]+$/;
const PREFIX_FORM = "at most 150 characters: letters, digits, '.', '_' or '-' in '/'-separated segments, no leading '/', no '..', no '*', no empty segment";

/** A key prefix without its trailing '/' (which is normalised away). */
export function parseKeyPrefix(input: string, raw: string): string {
  const value = raw.trim().replace(/\/$/, '');
  const segments = value.split('/');
  const valid =
    value.length > 0 && value.length <= 150 && !value.includes('..') && segments.every((segment) => SEGMENT_PATTERN.test(segment) && segment !== '.');
  if (!valid) throw new InputError(input, raw, PREFIX_FORM);
  return value;
}

/** Comma-separated prefixes, each under `<base>/`, returned with a trailing '/'. */
export function parsePrefixList(input: string, raw: string, base: string): string[] {
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.some((part) => part.length === 0)) {
    throw new InputError(input, raw, `a comma-separated list of prefixes under '${base}/', with no empty entry`);
  }
  const prefixes = parts.map((part) => {
    const prefix = `${parseKeyPrefix(input, part)}/`;
    if (!prefix.startsWith(`${base}/`)) {
      throw new InputError(input, raw, `every prefix under '${base}/' (the chat-attachment-s3-prefix), e.g. '${base}/staging/'`);
    }
    return prefix;
  });
  return [...new Set(prefixes)];
}

const IPV4_PATTERN = /^\d{1,3}(\.\d{1,3}){3}$/;
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const RESERVED_BUCKET_AFFIXES = { prefixes: ['xn--', 'sthree-', 'amzn-s3-demo-'], suffixes: ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'] };

/** S3 general purpose bucket naming rules. */
export function parseBucketName(input: string, raw: string): string {
  const value = raw.trim();
  const valid =
    BUCKET_PATTERN.test(value) &&
    !value.includes('..') &&
    !value.includes('.-') &&
    !value.includes('-.') &&
    !IPV4_PATTERN.test(value) &&
    !RESERVED_BUCKET_AFFIXES.prefixes.some((prefix) => value.startsWith(prefix)) &&
    !RESERVED_BUCKET_AFFIXES.suffixes.some((suffix) => value.endsWith(suffix));
  if (!valid) {
    throw new InputError(
      input,
      raw,
      'an S3 bucket name: 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit, not an IP address',
    );
  }
  return value;
}

export function parseEndpoint(input: string, raw: string): URL {
  const value = raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(input, shownUrlInput(value), 'an http(s) URL such as http://127.0.0.1:9000');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new InputError(input, shownUrlInput(value), 'an http(s) URL without credentials, query or fragment, such as http://127.0.0.1:9000');
  }
  return url;
}

/**
 * A URL input as the user typed it, for an error message, less what may carry credentials: the
 * userinfo (with or without a scheme) and the query and fragment. Not re-serialised by URL, which
 * would show `localhost:7651` as `localhost://7651`.
 */
export function shownUrlInput(value: string): string {
  return value
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#\s]*@/i, (_all, scheme: string | undefined) => `${scheme ?? ''}***@`)
    .replace(/\?[^#]*/, '?***')
    .replace(/#.*$/, '#***');
}

export function parseRegion(input: string, raw: string): string {
  const value = raw.trim();
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(value)) throw new InputError(input, raw, 'a region name such as us-east-1');
  return value;
}

/** Comma-separated lifecycle rule IDs (S3: at most 255 characters each), without duplicates. */
export function parseRuleIdList(input: string, raw: string): string[] {
  const ids = raw.split(',').map((part) => part.trim());
  const valid = ids.every((id) => id.length > 0 && id.length <= 255 && !/[\u0000-\u001f\u007f]/.test(id));
  if (!valid)
    throw new InputError(input, raw, 'a comma-separated list of lifecycle rule IDs (1 to 255 characters each, no control characters, no empty entry)');
  return [...new Set(ids)];
}
