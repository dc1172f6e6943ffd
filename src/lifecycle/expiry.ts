import { ruleLabel, type LifecycleRule } from './rule.js';
import { ruleSelects, type ObjectFacts } from './selection.js';

const DAY_MS = 86_400_000;

/**
 * Days until a rule expires a new object: Days as written; a Date counts the whole days left
 * (0 once passed: such a rule deletes objects as soon as they are written). Undefined when the
 * rule expires no current objects (e.g. only ExpiredObjectDeleteMarker).
 */
export function expiryDays(rule: LifecycleRule, now: Date): number | undefined {
  const expiration = rule.Expiration;
  if (expiration?.Days !== undefined) return expiration.Days;
  if (expiration?.Date !== undefined) {
    return Math.max(0, Math.ceil((new Date(expiration.Date).getTime() - now.getTime()) / DAY_MS));
  }
  return undefined;
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

/** The dates one rule may give an object written at `lastModified`; undefined when it expires none. */
function ruleExpiryDates(rule: LifecycleRule, lastModified: Date): Date[] | undefined {
  const expiration = rule.Expiration;
  if (expiration?.Days !== undefined) return expectedExpiryDates(lastModified, expiration.Days);
  if (expiration?.Date !== undefined) return [new Date(expiration.Date)];
  return undefined;
}

/** When the bucket's rules expire one object, and which rules decide it (ties are legitimate). */
export interface ObjectExpiry {
  /** The earliest date; with an exact-midnight sum, `dates` holds the other midnight too. */
  readonly date: Date;
  /** Every date S3 may rightly announce. */
  readonly dates: readonly Date[];
  /** The rules giving the earliest date, in configuration order. */
  readonly decidingRules: readonly string[];
}

/**
 * The expiry the configuration gives an object: the earliest among the enabled rules selecting
 * it (S3: where several rules match, the earliest expiry wins). Undefined when none expires it.
 */
export function objectExpiry(rules: readonly LifecycleRule[], object: ObjectFacts, lastModified: Date): ObjectExpiry | undefined {
  const candidates = rules
    .map((rule, index) => ({ label: ruleLabel(rule, index), dates: ruleSelects(rule, object) ? ruleExpiryDates(rule, lastModified) : undefined }))
    .filter((candidate): candidate is { label: string; dates: Date[] } => candidate.dates !== undefined && candidate.dates.length > 0);
  const first = (dates: readonly Date[]) => Math.min(...dates.map((date) => date.getTime()));
  const earliest = Math.min(...candidates.map((candidate) => first(candidate.dates)));
  const deciding = candidates.filter((candidate) => first(candidate.dates) === earliest);
  if (deciding.length === 0) return undefined;
  const times = [...new Set(deciding.flatMap((candidate) => candidate.dates.map((date) => date.getTime())))].sort((a, b) => a - b);
  return { date: new Date(earliest), dates: times.map((time) => new Date(time)), decidingRules: deciding.map((candidate) => candidate.label) };
}
