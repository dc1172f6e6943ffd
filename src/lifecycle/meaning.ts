import { canonicalJson, type LifecycleRule } from './rule.js';

/*
 * What a lifecycle rule does, whatever its spelling: which objects it selects (prefix, tags,
 * size bounds), whether it is enabled, and its actions. Two readings:
 * - as read: servers answer in shapes S3 does not accept (Ceph RGW puts the prefix beside `And`
 *   or beside a single `Tag`); each part is taken for what the server enforces.
 * - as written: valid S3 only (a Filter holds exactly one member, several conditions go in `And`,
 *   never a rule-level Prefix beside a Filter). Anything else cannot be proved to mean anything.
 */

export interface RuleMeaning {
  readonly status: string | undefined;
  readonly prefix: string;
  /** [key, value] pairs, sorted by key. */
  readonly tags: readonly (readonly [string, string])[];
  readonly sizeGreaterThan: number | undefined;
  readonly sizeLessThan: number | undefined;
  /** Every field but ID, Status and the filter, in canonical JSON: expiration, transitions, and any other. */
  readonly actions: string;
}

/** Why a rule has no provable meaning. */
export interface Unreadable {
  readonly problem: string;
}

export type Reading = RuleMeaning | Unreadable;

export const isUnreadable = (reading: Reading): reading is Unreadable => 'problem' in reading;

const FILTER_FIELDS = new Set(['Prefix', 'Tag', 'ObjectSizeGreaterThan', 'ObjectSizeLessThan', 'And']);
const AND_FIELDS = new Set(['Prefix', 'Tags', 'ObjectSizeGreaterThan', 'ObjectSizeLessThan']);

type Fields = Readonly<Record<string, unknown>>;
const present = (fields: Fields | undefined): string[] =>
  Object.entries(fields ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);

/** The rule's meaning as a server answered it (lenient about shape, strict about conflicts). */
export function meaningAsRead(rule: LifecycleRule): Reading {
  return meaning(rule, 'read');
}

/** The rule's meaning if written to S3 as it is; unreadable when S3 would not accept its shape. */
export function meaningAsWritten(rule: LifecycleRule): Reading {
  return meaning(rule, 'write');
}

function meaning(rule: LifecycleRule, mode: 'read' | 'write'): Reading {
  const filter = rule.Filter as Fields | undefined;
  const and = (filter?.And ?? undefined) as Fields | undefined;
  const unknown = [
    ...present(filter).filter((key) => !FILTER_FIELDS.has(key)),
    ...present(and)
      .filter((key) => !AND_FIELDS.has(key))
      .map((key) => `And.${key}`),
  ];
  if (unknown.length > 0) return { problem: `unknown filter field ${unknown.map((key) => `'${key}'`).join(', ')}` };
  if (filter !== undefined && (typeof filter !== 'object' || filter === null)) return { problem: 'its Filter is not an object' };

  if (mode === 'write') {
    if (rule.Prefix !== undefined && filter !== undefined) return { problem: 'it has both a rule-level Prefix and a Filter' };
    if (rule.Prefix === undefined && filter === undefined) return { problem: 'it has neither a Filter nor a Prefix' };
    if (present(filter).length > 1) return { problem: `its Filter holds ${present(filter).join(' and ')} side by side (S3 wants them inside And)` };
  }

  const prefixes = [rule.Prefix, filter?.Prefix, and?.Prefix].filter((value) => value !== undefined);
  if (prefixes.some((value) => typeof value !== 'string')) return { problem: 'a prefix is not text' };
  const distinct = [...new Set((prefixes as string[]).filter((value) => value !== ''))];
  if (distinct.length > 1) return { problem: `it names the prefixes ${distinct.map((value) => `'${value}'`).join(' and ')} at once` };

  const tagList = [...(filter?.Tag !== undefined ? [filter.Tag] : []), ...(Array.isArray(and?.Tags) ? (and.Tags as unknown[]) : [])];
  if (and?.Tags !== undefined && !Array.isArray(and.Tags)) return { problem: 'its And.Tags is not a list' };
  const tags = new Map<string, string>();
  for (const tag of tagList) {
    const { Key: key, Value: value } = (tag ?? {}) as { Key?: unknown; Value?: unknown };
    if (typeof key !== 'string' || key === '') return { problem: 'a tag filter has no Key' };
    if (value !== undefined && typeof value !== 'string') return { problem: `tag ${key} has a Value that is not text` };
    const text = value ?? '';
    const seen = tags.get(key);
    if (seen !== undefined && (seen !== text || mode === 'write')) return { problem: `tag ${key} is filtered on twice` };
    tags.set(key, text);
  }

  const greaterThan = size(filter?.ObjectSizeGreaterThan, and?.ObjectSizeGreaterThan);
  const lessThan = size(filter?.ObjectSizeLessThan, and?.ObjectSizeLessThan);
  if (greaterThan === 'conflict' || lessThan === 'conflict') return { problem: 'it names two different size bounds' };
  if (greaterThan === 'invalid' || lessThan === 'invalid') return { problem: 'a size bound is not a whole number of bytes' };

  const { ID: _id, Status: status, Prefix: _prefix, Filter: _filter, ...actions } = rule;
  return {
    status,
    prefix: distinct[0] ?? '',
    tags: [...tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    sizeGreaterThan: greaterThan,
    sizeLessThan: lessThan,
    actions: canonicalJson(actions),
  };
}

function size(...values: unknown[]): number | undefined | 'conflict' | 'invalid' {
  const given = values.filter((value) => value !== undefined);
  if (given.some((value) => typeof value !== 'number' || !Number.isInteger(value) || value < 0)) return 'invalid';
  const distinct = [...new Set(given as number[])];
  if (distinct.length > 1) return 'conflict';
  return distinct[0];
}

/** The first way two meanings differ, in words ("prefix 'a/' would become ''"); undefined when they are the same. */
export function meaningDifference(before: RuleMeaning, after: RuleMeaning, verb = 'would become'): string | undefined {
  const quote = (value: unknown) => (value === undefined ? 'none' : `'${String(value)}'`);
  if (before.prefix !== after.prefix) return `prefix ${quote(before.prefix)} ${verb} ${quote(after.prefix)}`;
  const tags = (meaning: RuleMeaning) => meaning.tags.map(([key, value]) => `${key}=${value}`).join(', ');
  if (JSON.stringify(before.tags) !== JSON.stringify(after.tags)) return `tags ${quote(tags(before))} ${verb} ${quote(tags(after))}`;
  if (before.sizeGreaterThan !== after.sizeGreaterThan) return `ObjectSizeGreaterThan ${quote(before.sizeGreaterThan)} ${verb} ${quote(after.sizeGreaterThan)}`;
  if (before.sizeLessThan !== after.sizeLessThan) return `ObjectSizeLessThan ${quote(before.sizeLessThan)} ${verb} ${quote(after.sizeLessThan)}`;
  if (before.status !== after.status) return `Status ${quote(before.status)} ${verb} ${quote(after.status)}`;
  if (before.actions !== after.actions) return `its actions ${before.actions} ${verb} ${after.actions}`;
  return undefined;
}

/**
 * Proof that a rule not ours means, as it will be written, what it meant as read. Undefined when
 * proved; otherwise why not (the caller writes nothing).
 */
export function keptMeaningProblem(read: LifecycleRule, written: LifecycleRule): string | undefined {
  const before = meaningAsRead(read);
  if (isUnreadable(before)) return `as read, ${before.problem}`;
  const after = meaningAsWritten(written);
  if (isUnreadable(after)) return `as it would be written, ${after.problem}`;
  return meaningDifference(before, after);
}

/** A text equal for two rules exactly when they mean the same (unreadable rules only equal themselves). */
export function meaningKey(rule: LifecycleRule): string {
  const reading = meaningAsRead(rule);
  return isUnreadable(reading) ? `unreadable ${canonicalJson(rule)}` : JSON.stringify(reading);
}
