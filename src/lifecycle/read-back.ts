import { planLifecycle } from './plan.js';
import { isUnreadable, meaningAsRead, meaningAsWritten, meaningDifference, meaningKey } from './meaning.js';
import { canonicalRules, ruleLabel, type LifecycleRule } from './rule.js';

/** What a read after our write shows. */
export type WriteCheck =
  /** Every managed rule is there as written. */
  | { readonly kind: 'confirmed' }
  /** The configuration is still the one we replaced: our write is not visible yet (read again). */
  | { readonly kind: 'not-visible'; readonly missing: readonly string[] }
  /** Someone else wrote since, without our rule: merge into their configuration and write again. */
  | { readonly kind: 'replaced'; readonly missing: readonly string[] };

export function checkWrite(after: readonly LifecycleRule[], before: readonly LifecycleRule[], desired: readonly LifecycleRule[]): WriteCheck {
  const missing = desired
    .filter((rule) => !planLifecycle(after, [rule]).entries.some((entry) => entry.id === rule.ID && entry.action === 'unchanged'))
    .map((rule) => rule.ID ?? '');
  if (missing.length === 0) return { kind: 'confirmed' };
  const unchanged = canonicalRules(after).join('\n') === canonicalRules(before).join('\n');
  return { kind: unchanged ? 'not-visible' : 'replaced', missing };
}

/** How the rules not ours read back, against what we wrote. */
export interface ForeignReadBack {
  /** Written, read back with another meaning (a server that re-spells lossily, or another writer), and how. */
  readonly changed: readonly { readonly rule: string; readonly difference: string }[];
  /** Written, absent from the read-back. */
  readonly missing: readonly string[];
  /** Not written by us, present now: another writer added them meanwhile (kept). */
  readonly added: readonly string[];
}

/**
 * Compares rules by their meaning in normalised form (a server's re-spelling is no difference),
 * matched by ID; rules without an ID are matched by meaning alone, so they can only be missing
 * or added.
 */
export function compareForeign(written: readonly LifecycleRule[], readBack: readonly LifecycleRule[], ownedIds: ReadonlySet<string>): ForeignReadBack {
  const foreign = (rules: readonly LifecycleRule[]) =>
    rules
      .map((rule, index) => ({ rule, label: ruleLabel(rule, index), id: rule.ID ?? '', meaning: meaningKey(rule) }))
      .filter((entry) => !ownedIds.has(entry.id));
  const before = foreign(written);
  const after = foreign(readBack);
  const changed: { rule: string; difference: string }[] = [];
  const missing: string[] = [];
  const matched = new Set<number>();
  for (const entry of before) {
    const index = after.findIndex(
      (other, at) => !matched.has(at) && (entry.id === '' ? other.id === '' && other.meaning === entry.meaning : other.id === entry.id),
    );
    if (index < 0) {
      missing.push(entry.label);
      continue;
    }
    matched.add(index);
    const found = after[index];
    if (found !== undefined && found.meaning !== entry.meaning) changed.push({ rule: entry.label, difference: describeChange(entry.rule, found.rule) });
  }
  const added = after.filter((_, at) => !matched.has(at)).map((entry) => entry.label);
  return { changed, missing, added };
}

function describeChange(written: LifecycleRule, readBack: LifecycleRule): string {
  const before = meaningAsWritten(written);
  const after = meaningAsRead(readBack);
  if (isUnreadable(after)) return `it reads back unreadable: ${after.problem}`;
  if (isUnreadable(before)) return 'it was written in a shape S3 does not define';
  return meaningDifference(before, after, 'reads back as') ?? 'its meaning differs';
}
