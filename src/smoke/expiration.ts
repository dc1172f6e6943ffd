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

/** True when the header's rule ID is `ruleId`, whether or not the server encoded it. */
export function namesRule(header: ExpirationHeader, ruleId: string): boolean {
  return header.rawRuleId === ruleId || header.ruleId === ruleId;
}

/**
 * The expiry dates S3 may announce for an object: its time plus `days`, rounded up to the next
 * midnight UTC. A sum that falls exactly on midnight is ambiguous, so both midnights are allowed.
 */
export function expectedExpiryDates(lastModified: Date, days: number): Date[] {
  const due = lastModified.getTime() + days * DAY_MS;
  const nextMidnight = Math.floor(due / DAY_MS) * DAY_MS + DAY_MS;
  return due % DAY_MS === 0 ? [new Date(due), new Date(nextMidnight)] : [new Date(nextMidnight)];
}

export type ExpirationVerdict =
  | { readonly ok: true; readonly header: ExpirationHeader; readonly message: string }
  | {
      readonly ok: false;
      readonly problem: 'missing' | 'malformed' | 'other-rule' | 'wrong-date';
      readonly header: ExpirationHeader | undefined;
      readonly message: string;
      readonly remediation: string;
    };

export interface ExpirationCheck {
  readonly key: string;
  /** The raw x-amz-expiration header, undefined when the server sent none. */
  readonly header: string | undefined;
  /** The object's Last-Modified from the same HEAD (server time). */
  readonly lastModified: Date | undefined;
  readonly managedRuleId: string;
  readonly expireDays: number;
  readonly envPrefix: string;
}

const day = (date: Date) => date.toUTCString();

/** Judges whether the managed rule expires the object, `expireDays` after it was written. */
export function judgeExpiration(check: ExpirationCheck): ExpirationVerdict {
  const applyRule = `Run the lifecycle gate with mode: apply so ${check.managedRuleId} expires ${check.envPrefix} after ${check.expireDays} days.`;
  if (check.header === undefined || check.header.trim() === '') {
    return {
      ok: false,
      problem: 'missing',
      header: undefined,
      message: `${check.key}: no x-amz-expiration header, so no enabled lifecycle rule expires it.`,
      remediation: applyRule,
    };
  }
  const header = parseExpirationHeader(check.header);
  if (header === undefined) {
    return {
      ok: false,
      problem: 'malformed',
      header: undefined,
      message: `${check.key}: x-amz-expiration header is not of the form expiry-date="...", rule-id="...": ${check.header}`,
      remediation: 'Check the S3 endpoint: it answers with a header this gate cannot read.',
    };
  }
  const expected = check.lastModified === undefined ? [] : expectedExpiryDates(check.lastModified, check.expireDays);
  const offsetDays = expected[0] === undefined ? undefined : Math.round((header.expiryDate.getTime() - expected[0].getTime()) / DAY_MS);
  const relation = offsetDays === undefined || offsetDays === 0 ? '' : ` (${Math.abs(offsetDays)} day(s) ${offsetDays < 0 ? 'sooner' : 'later'} than ${check.expireDays} days would give)`;
  if (!namesRule(header, check.managedRuleId)) {
    return {
      ok: false,
      problem: 'other-rule',
      header,
      message: `${check.key}: expires ${day(header.expiryDate)} by rule '${header.ruleId}', not by the managed rule ${check.managedRuleId}${relation}.`,
      remediation: `Another rule decides this prefix's expiry. ${applyRule} Remove or narrow '${header.ruleId}' if it expires sooner.`,
    };
  }
  if (check.lastModified === undefined) {
    return {
      ok: false,
      problem: 'wrong-date',
      header,
      message: `${check.key}: the server sent no Last-Modified, so the expiry date ${day(header.expiryDate)} cannot be checked against ${check.expireDays} days.`,
      remediation: 'Check the S3 endpoint: HEAD must return Last-Modified.',
    };
  }
  if (!expected.some((date) => date.getTime() === header.expiryDate.getTime())) {
    return {
      ok: false,
      problem: 'wrong-date',
      header,
      message: `${check.key}: the managed rule expires it ${day(header.expiryDate)}, expected ${expected.map(day).join(' or ')} (written ${check.lastModified.toISOString()} + ${check.expireDays} days, next midnight UTC)${relation}.`,
      remediation: `The bucket's rule and expire-days (${check.expireDays}) disagree. ${applyRule}`,
    };
  }
  return {
    ok: true,
    header,
    message: `${check.key}: expires ${day(header.expiryDate)} by ${header.ruleId} (written ${check.lastModified.toISOString()} + ${check.expireDays} days).`,
  };
}
