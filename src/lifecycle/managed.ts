import type { LifecycleRule, Versioning } from './rule.js';

/** Every rule this action owns has an ID starting with this. */
export const MANAGED_ID_PREFIX = 'surreal-release-gates:';

export interface ManagedRuleIds {
  /** Expires current objects (and, on versioned buckets, noncurrent versions). */
  readonly expiration: string;
  /** Removes expired delete markers; only on versioned buckets (cannot share a block with Days). */
  readonly deleteMarkers: string;
}

export function managedRuleIds(prefix: string, appEnv: string): ManagedRuleIds {
  const base = `${MANAGED_ID_PREFIX}${prefix}/${appEnv}`;
  return { expiration: base, deleteMarkers: `${base}:delete-markers` };
}

export interface DesiredRulesInput {
  readonly ids: ManagedRuleIds;
  /** `<prefix>/<env>/` */
  readonly envPrefix: string;
  readonly expireDays: number;
  /** AbortIncompleteMultipartUpload.DaysAfterInitiation of the expiration rule; 0 leaves it out. */
  readonly abortIncompleteMultipartDays: number;
  readonly versioning: Versioning;
  /** Spell the filter as a rule-level Prefix, matching a configuration that already does. */
  readonly legacyPrefix: boolean;
}

export function desiredRules(input: DesiredRulesInput): LifecycleRule[] {
  const scope = input.legacyPrefix ? { Prefix: input.envPrefix } : { Filter: { Prefix: input.envPrefix } };
  const versioned = input.versioning !== 'Unversioned';
  const expiration: LifecycleRule = {
    ID: input.ids.expiration,
    Status: 'Enabled',
    ...scope,
    Expiration: { Days: input.expireDays },
    ...(versioned ? { NoncurrentVersionExpiration: { NoncurrentDays: input.expireDays } } : {}),
    // Parts of an interrupted upload are billed, and never expire: abort them.
    ...(input.abortIncompleteMultipartDays > 0 ? { AbortIncompleteMultipartUpload: { DaysAfterInitiation: input.abortIncompleteMultipartDays } } : {}),
  };
  if (!versioned) return [expiration];
  return [expiration, { ID: input.ids.deleteMarkers, Status: 'Enabled', ...scope, Expiration: { ExpiredObjectDeleteMarker: true } }];
}

/** Follow the configuration's spelling: legacy only when every existing rule uses it. */
export function prefersLegacyPrefix(current: readonly LifecycleRule[]): boolean {
  return current.length > 0 && current.every((rule) => rule.Filter === undefined && rule.Prefix !== undefined);
}
