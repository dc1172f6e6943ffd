import { isUnreadable, meaningAsRead, meaningAsWritten, type RuleMeaning } from './meaning.js';
import type { LifecycleFilter, LifecycleRule, LifecycleTag } from './rule.js';

export interface NormalisedRule {
  /** As the server answered. */
  readonly read: LifecycleRule;
  /** What will be written: the rule as read when S3 accepts it, else the same meaning in valid S3. */
  readonly rule: LifecycleRule;
  readonly respelt: boolean;
}

/**
 * A server's answer in a shape S3 accepts, meaning the same. A rule already valid is kept as it
 * is (same object); one that cannot be read (conflicting prefixes, an unknown filter field) is
 * kept too, and the proof before any write refuses it.
 */
export function normaliseRule(read: LifecycleRule): NormalisedRule {
  if (!isUnreadable(meaningAsWritten(read))) return { read, rule: read, respelt: false };
  const meaning = meaningAsRead(read);
  if (isUnreadable(meaning)) return { read, rule: read, respelt: false };
  const { Prefix: _legacy, Filter: _filter, ...rest } = read;
  return { read, rule: { ...rest, Filter: validFilter(meaning) }, respelt: true };
}

/** Exactly one member, or And for several conditions: the only filters S3 accepts. */
function validFilter(meaning: RuleMeaning): LifecycleFilter {
  const tags: LifecycleTag[] = meaning.tags.map(([key, value]) => ({ Key: key, Value: value }));
  const conditions =
    (meaning.prefix !== '' ? 1 : 0) + tags.length + (meaning.sizeGreaterThan !== undefined ? 1 : 0) + (meaning.sizeLessThan !== undefined ? 1 : 0);
  if (conditions === 0) return { Prefix: '' };
  if (conditions === 1) {
    if (meaning.prefix !== '') return { Prefix: meaning.prefix };
    if (tags[0] !== undefined) return { Tag: tags[0] };
    if (meaning.sizeGreaterThan !== undefined) return { ObjectSizeGreaterThan: meaning.sizeGreaterThan };
    return { ObjectSizeLessThan: meaning.sizeLessThan };
  }
  return {
    And: {
      ...(meaning.prefix !== '' ? { Prefix: meaning.prefix } : {}),
      ...(tags.length > 0 ? { Tags: tags } : {}),
      ...(meaning.sizeGreaterThan !== undefined ? { ObjectSizeGreaterThan: meaning.sizeGreaterThan } : {}),
      ...(meaning.sizeLessThan !== undefined ? { ObjectSizeLessThan: meaning.sizeLessThan } : {}),
    },
  };
}
