import { ruleScope, type LifecycleRule, type LifecycleTag } from './rule.js';

/** What S3 knows of an object when it matches lifecycle filters. */
export interface ObjectFacts {
  readonly key: string;
  /** Bytes; unknown (undefined) means a size-filtered rule cannot be said to select it. */
  readonly size?: number | undefined;
  /** Object tags; unknown means untagged. */
  readonly tags?: readonly LifecycleTag[] | undefined;
}

/**
 * Whether an enabled rule's filter selects the object: plain prefix match on the key, every tag
 * of the rule present on the object, and the size strictly within the bounds. A prefix works as
 * a key here: every key under it starts with it, so a rule selecting the prefix selects them all.
 */
export function ruleSelects(rule: LifecycleRule, object: ObjectFacts): boolean {
  if (rule.Status !== 'Enabled') return false;
  const scope = ruleScope(rule);
  if (!object.key.startsWith(scope.prefix)) return false;
  const tags = object.tags ?? [];
  if (!scope.tags.every((wanted) => tags.some((tag) => tag.Key === wanted.Key && tag.Value === wanted.Value))) return false;
  const { greaterThan, lessThan } = sizeBounds(rule);
  if (greaterThan === undefined && lessThan === undefined) return true;
  if (object.size === undefined) return false;
  return (greaterThan === undefined || object.size > greaterThan) && (lessThan === undefined || object.size < lessThan);
}

function sizeBounds(rule: LifecycleRule): { greaterThan: number | undefined; lessThan: number | undefined } {
  const filter = rule.Filter;
  return {
    greaterThan: filter?.And?.ObjectSizeGreaterThan ?? filter?.ObjectSizeGreaterThan,
    lessThan: filter?.And?.ObjectSizeLessThan ?? filter?.ObjectSizeLessThan,
  };
}
