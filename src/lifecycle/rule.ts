/**
 * The lifecycle rule shape as S3 returns it (a structural subset of the SDK's LifecycleRule, so
 * this folder stays free of SDK imports). Unknown fields are carried through untouched.
 */
export interface LifecycleTag {
  Key?: string | undefined;
  Value?: string | undefined;
}

export interface LifecycleFilter {
  Prefix?: string | undefined;
  Tag?: LifecycleTag | undefined;
  ObjectSizeGreaterThan?: number | undefined;
  ObjectSizeLessThan?: number | undefined;
  And?:
    | {
        Prefix?: string | undefined;
        Tags?: LifecycleTag[] | undefined;
        ObjectSizeGreaterThan?: number | undefined;
        ObjectSizeLessThan?: number | undefined;
      }
    | undefined;
}

export interface LifecycleRule {
  ID?: string | undefined;
  Status?: string | undefined;
  /** Legacy rule-level prefix; means the same as Filter.Prefix. */
  Prefix?: string | undefined;
  Filter?: LifecycleFilter | undefined;
  Expiration?: { Days?: number | undefined; Date?: Date | undefined; ExpiredObjectDeleteMarker?: boolean | undefined } | undefined;
  NoncurrentVersionExpiration?: { NoncurrentDays?: number | undefined; NewerNoncurrentVersions?: number | undefined } | undefined;
  AbortIncompleteMultipartUpload?: { DaysAfterInitiation?: number | undefined } | undefined;
  [field: string]: unknown;
}

export type Versioning = 'Enabled' | 'Suspended' | 'Unversioned';

/** What a rule selects, whichever of the three filter spellings it uses. */
export interface RuleScope {
  readonly prefix: string;
  readonly tags: readonly LifecycleTag[];
  readonly sizeFiltered: boolean;
}

export function ruleScope(rule: LifecycleRule): RuleScope {
  const filter = rule.Filter;
  const and = filter?.And;
  const prefix = and?.Prefix ?? filter?.Prefix ?? rule.Prefix ?? '';
  const tags = [...(and?.Tags ?? []), ...(filter?.Tag ? [filter.Tag] : [])];
  const sizeFiltered = [and?.ObjectSizeGreaterThan, and?.ObjectSizeLessThan, filter?.ObjectSizeGreaterThan, filter?.ObjectSizeLessThan].some(
    (size) => size !== undefined,
  );
  return { prefix, tags, sizeFiltered };
}

export function ruleLabel(rule: LifecycleRule, index: number): string {
  return rule.ID !== undefined && rule.ID !== '' ? rule.ID : `(rule #${index + 1} without ID)`;
}

/** Sorted keys, no undefined values, dates as ISO strings: two equal rules give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value));
}

function canonicalValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, field]) => [key, canonicalValue(field)]));
  }
  return value;
}

/** Canonical form of a whole configuration: rules sorted by ID, each canonical. */
export function canonicalRules(rules: readonly LifecycleRule[]): string[] {
  const keyed = rules.map((rule) => ({ id: rule.ID ?? '', text: canonicalJson(rule) }));
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // By ID; rules without one (or a repeated one) by their text, so the order never depends on the server's.
  return keyed.sort((a, b) => order(a.id, b.id) || order(a.text, b.text)).map((rule) => rule.text);
}

/**
 * Semantic identity of a rule: the filter spelling (legacy Prefix, Filter.Prefix, And) is
 * normalised away, so a server that re-spells a rule does not make apply write again.
 */
export function semanticJson(rule: LifecycleRule): string {
  const { Prefix: _legacy, Filter: _filter, ...rest } = rule;
  const scope = ruleScope(rule);
  const tags = [...scope.tags].map((tag) => canonicalJson(tag)).sort();
  const filter = rule.Filter?.And ?? rule.Filter ?? {};
  return canonicalJson({
    ...rest,
    __scope: {
      prefix: scope.prefix,
      tags,
      gt: filter.ObjectSizeGreaterThan,
      lt: filter.ObjectSizeLessThan,
    },
  });
}
