import { InputError } from '../verdict.js';

// Parsers of the growth and alerts gates' inputs; pure, each throwing an InputError that names
// the input and the expected form.

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;

/** Kubernetes label key: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  if (slash === -1) return LABEL_NAME.test(key);
  const prefix = key.slice(0, slash);
  return prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix) && LABEL_NAME.test(key.slice(slash + 1));
}

/** `key=value,key=value` as Kubernetes labels; an empty value is allowed, a repeated key is not. */
export function parseLabelList(input: string, raw: string): Record<string, string> {
  const expected = 'comma-separated key=value Kubernetes labels, e.g. release=kube-prometheus-stack';
  const labels: Record<string, string> = {};
  for (const part of raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)) {
    const equals = part.indexOf('=');
    if (equals <= 0) throw new InputError(input, raw, expected);
    const key = part.slice(0, equals).trim();
    const value = part.slice(equals + 1).trim();
    if (!isLabelKey(key) || !LABEL_VALUE.test(value) || key in labels) throw new InputError(input, raw, `${expected} (each key once)`);
    labels[key] = value;
  }
  return labels;
}

/** A Kubernetes namespace: a DNS label. */
export function parseNamespace(input: string, raw: string): string {
  const value = raw.trim();
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(value))
    throw new InputError(input, raw, 'a Kubernetes namespace (lowercase letters, digits and -, at most 63), e.g. monitoring');
  return value;
}

/** A kubeconfig context name: cloud providers use ':', '/', '_' and '@', so only blanks are refused. */
export function parseContextName(input: string, raw: string): string {
  const value = raw.trim();
  if (value.length > 253 || !/^[\x21-\x7e]+$/.test(value))
    throw new InputError(input, raw, 'a kubeconfig context name without spaces (at most 253 characters)');
  return value;
}

/** An absolute http(s) URL, or a path for docs kept beside the code; never a javascript: or other scheme. */
export function parseRunbookUrl(input: string, raw: string): string {
  const value = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  const valid = value.length <= 1000 && !/\s/.test(value) && !value.includes('#') && (scheme === undefined || scheme === 'http' || scheme === 'https');
  if (!valid)
    throw new InputError(
      input,
      raw,
      'an http(s) URL (or a path) without spaces or #fragment, e.g. https://github.com/acme/chat/blob/main/docs/runbooks/attachments.md',
    );
  return value;
}
