import { objectExpiry } from '../lifecycle/expiry.js';
import type { LifecycleRule } from '../lifecycle/rule.js';
import type { ObjectFacts } from '../lifecycle/selection.js';

/** What an `x-amz-expiration` header says: when the object expires and which rule decides. */
export interface ExpirationHeader {
  readonly expiryDate: Date;
  /** The rule ID as sent (AWS URL-encodes it, Ceph RGW does not). */
  readonly rawRuleId: string;
  /** The rule ID decoded, for display and comparison. */
  readonly ruleId: string;
}

const DAY_MS = 86_400_000;

/** Parses `expiry-date="Tue, 29 Dec 2026 00:00:00 GMT", rule-id="<id>"`; undefined when malformed. */
export function parseExpirationHeader(raw: string): ExpirationHeader | undefined {
  const fields = new Map<string, string>();
  for (const match of raw.matchAll(/([A-Za-z-]+)\s*=\s*"([^"]*)"/g)) {
    const [, name, value] = match;
    if (name !== undefined && value !== undefined) fields.set(name.toLowerCase(), value);
  }
  const date = fields.get('expiry-date');
  const rawRuleId = fields.get('rule-id');
  if (date === undefined || rawRuleId === undefined) return undefined;
  const expiryDate = new Date(date);
  if (Number.isNaN(expiryDate.getTime())) return undefined;
  return { expiryDate, rawRuleId, ruleId: decodeRuleId(rawRuleId) };
}

/** Decodes a URL-encoded rule ID; a value that is not valid percent-encoding is taken as is. */
export function decodeRuleId(raw: string): string {
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

export type ExpirationVerdict =
  | { readonly ok: true; readonly header: ExpirationHeader; readonly message: string }
  | {
      readonly ok: false;
      readonly problem: 'missing' | 'malformed' | 'unexpected' | 'wrong-date' | 'no-time' | 'no-rules';
      readonly header: ExpirationHeader | undefined;
      readonly message: string;
      readonly remediation: string;
    };

export interface ExpirationCheck {
  /** The key as the report shows it. */
  readonly label: string;
  /** The object as S3 matches it against filters (full key, size; smoke objects carry no tags). */
  readonly object: ObjectFacts;
  /** The raw x-amz-expiration header, undefined when the server sent none. */
  readonly header: string | undefined;
  /** The object's Last-Modified from the same HEAD (server time). */
  readonly lastModified: Date | undefined;
  /** The bucket's lifecycle rules as read during the run; undefined when they could not be read. */
  readonly rules: readonly LifecycleRule[] | undefined;
  /** What to do when no rule expires the object, e.g. "Run the lifecycle gate with mode: apply so ...". */
  readonly applyHint: string;
}

const day = (date: Date) => date.toUTCString();
const ruleList = (rules: readonly string[]) => rules.join(' and ');

/**
 * Judges whether the server applies the configuration as written: the date in x-amz-expiration
 * must be the date the bucket's rules give the object (the same coverage code verify uses, with
 * S3's rounding to the next midnight UTC). The rule ID the server names is reported, not judged:
 * where rules tie, any of them may be named. Retention itself is verify's verdict.
 */
export function judgeExpiration(check: ExpirationCheck): ExpirationVerdict {
  const { label } = check;
  const raw = check.header?.trim() ?? '';
  const header = raw === '' ? undefined : parseExpirationHeader(raw);
  if (raw !== '' && header === undefined) {
    return {
      ok: false,
      problem: 'malformed',
      header: undefined,
      message: `${label}: x-amz-expiration header is not of the form expiry-date="...", rule-id="...": ${raw}`,
      remediation: 'Check the S3 endpoint: it answers with a header this gate cannot read.',
    };
  }
  if (check.rules === undefined) {
    return {
      ok: false,
      problem: 'no-rules',
      header,
      message: `${label}: the bucket's lifecycle configuration could not be read, so the x-amz-expiration date cannot be compared with it.`,
      remediation: 'Grant the credentials s3:GetLifecycleConfiguration on the bucket.',
    };
  }
  if (check.lastModified === undefined) {
    return {
      ok: false,
      problem: 'no-time',
      header,
      message: `${label}: the server sent no Last-Modified, so the expiry date cannot be checked against the bucket's rules.`,
      remediation: 'Check the S3 endpoint: HEAD must return Last-Modified.',
    };
  }
  const expected = objectExpiry(check.rules, check.object, check.lastModified);
  const written = `written ${check.lastModified.toISOString()}`;
  if (header === undefined) {
    return expected === undefined
      ? {
          ok: false,
          problem: 'missing',
          header,
          message: `${label}: no x-amz-expiration header, so no enabled lifecycle rule expires it (the bucket's rules agree).`,
          remediation: check.applyHint,
        }
      : {
          ok: false,
          problem: 'missing',
          header,
          message: `${label}: no x-amz-expiration header, but the bucket's rules expire it ${day(expected.date)} by ${ruleList(expected.decidingRules)} (${written}): the server does not announce the configuration.`,
          remediation: 'Check the S3 endpoint: it must apply the bucket lifecycle configuration and send x-amz-expiration.',
        };
  }
  if (expected === undefined) {
    return {
      ok: false,
      problem: 'unexpected',
      header,
      message: `${label}: the server expires it ${day(header.expiryDate)} by rule '${header.ruleId}', but no enabled rule of the bucket's configuration selects it.`,
      remediation: "Check the S3 endpoint: it applies a lifecycle rule the bucket's configuration does not show.",
    };
  }
  if (!expected.dates.some((date) => date.getTime() === header.expiryDate.getTime())) {
    const offsetDays = Math.round((header.expiryDate.getTime() - expected.date.getTime()) / DAY_MS);
    return {
      ok: false,
      problem: 'wrong-date',
      header,
      message: `${label}: the server expires it ${day(header.expiryDate)} by rule '${header.ruleId}', but the bucket's rules give ${expected.dates.map(day).join(' or ')} by ${ruleList(expected.decidingRules)} (${written}; ${Math.abs(offsetDays)} day(s) ${offsetDays < 0 ? 'sooner' : 'later'}).`,
      remediation:
        "The server does not apply the configuration as written (e.g. it dropped a rule's filter): compare its behaviour with the bucket's lifecycle configuration before relying on it.",
    };
  }
  const named = expected.decidingRules.includes(header.ruleId)
    ? ''
    : ` (the server names '${header.ruleId}'; the rules give the date by ${ruleList(expected.decidingRules)})`;
  return { ok: true, header, message: `${label}: expires ${day(header.expiryDate)} by ${header.ruleId}, as the bucket's rules give (${written})${named}.` };
}
