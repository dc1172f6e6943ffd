import type { Finding } from '../gates/types.js';
import { ruleLabel, ruleScope, type LifecycleRule, type Versioning } from './rule.js';

const DAY_MS = 86_400_000;

export interface CoverageInput {
  readonly rules: readonly LifecycleRule[];
  readonly versioning: Versioning;
  /** Each with a trailing '/'. */
  readonly requiredPrefixes: readonly string[];
  readonly expectExpireDays: number | undefined;
  /** The rule this action manages, preferred when several rules decide alike. */
  readonly managedId: string;
  readonly now: Date;
}

export interface PrefixCoverage {
  readonly prefix: string;
  /** Sample keys and the rules that expire them. */
  readonly keys: readonly { readonly key: string; readonly expiringRules: readonly string[] }[];
  readonly effectiveDays: number | undefined;
  readonly decidingRule: string | undefined;
  readonly findings: readonly Finding[];
}

interface IndexedRule {
  readonly rule: LifecycleRule;
  readonly label: string;
  readonly prefix: string;
  readonly narrowed: boolean;
  readonly enabled: boolean;
}

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

/** A rule covers a prefix when it is enabled, not narrowed by tags or size, and its prefix contains it. */
function covers(rule: IndexedRule, prefix: string): boolean {
  return rule.enabled && !rule.narrowed && prefix.startsWith(rule.prefix);
}

export function evaluateCoverage(input: CoverageInput): PrefixCoverage[] {
  const rules: IndexedRule[] = input.rules.map((rule, index) => {
    const scope = ruleScope(rule);
    return {
      rule,
      label: ruleLabel(rule, index),
      prefix: scope.prefix,
      narrowed: scope.tags.length > 0 || scope.sizeFiltered,
      enabled: rule.Status === 'Enabled',
    };
  });
  return input.requiredPrefixes.map((prefix) => evaluatePrefix(prefix, rules, input));
}

function evaluatePrefix(prefix: string, rules: readonly IndexedRule[], input: CoverageInput): PrefixCoverage {
  const findings: Finding[] = [];
  const expiring = rules
    .filter((rule) => covers(rule, prefix))
    .map((rule) => ({ ...rule, days: expiryDays(rule.rule, input.now) }))
    .filter((rule): rule is IndexedRule & { days: number } => rule.days !== undefined)
    .sort((a, b) => a.days - b.days || Number(b.label === input.managedId) - Number(a.label === input.managedId));
  const keys = ['bin', 'json'].map((extension) => ({
    key: `${prefix}example.${extension}`,
    expiringRules: expiring.map((rule) => rule.label),
  }));

  for (const rule of rules) {
    if (!rule.enabled && prefix.startsWith(rule.prefix) && expiryDays(rule.rule, input.now) !== undefined) {
      findings.push({ level: 'info', message: `Rule ${rule.label} would cover ${prefix} but its Status is ${String(rule.rule.Status)}.` });
    }
    if (rule.enabled && rule.narrowed && prefix.startsWith(rule.prefix) && expiryDays(rule.rule, input.now) !== undefined) {
      findings.push({
        level: 'info',
        message: `Rule ${rule.label} is narrowed by a tag or size filter: it does not cover untagged objects under ${prefix}.`,
      });
    }
  }

  const deciding = expiring[0];
  if (deciding === undefined) {
    findings.push({
      level: 'fail',
      message: `No enabled expiration rule covers ${prefix}: its *.bin and *.json objects never expire.`,
      remediation: `Run the lifecycle gate with mode: apply (expire-days sets the retention), or add a rule with Filter.Prefix '${prefix}'.`,
    });
    return { prefix, keys, effectiveDays: undefined, decidingRule: undefined, findings: [...findings, ...versioningFindings(prefix, rules, input)] };
  }

  const evidence = `rule ${deciding.label} (prefix '${deciding.prefix}', ${deciding.days} days)`;
  if (input.expectExpireDays !== undefined && deciding.days !== input.expectExpireDays) {
    findings.push({
      level: 'fail',
      message: `Effective retention of ${prefix} is ${deciding.days} days, expected ${input.expectExpireDays} (expect-expire-days); ${evidence} decides.`,
      evidence,
      remediation: `Set expire-days to ${input.expectExpireDays} and apply, or change rule ${deciding.label}.`,
    });
  } else if (deciding.days <= 0) {
    findings.push({
      level: 'fail',
      message: `Rule ${deciding.label} expires objects under ${prefix} immediately (its Date has passed).`,
      evidence,
    });
  } else {
    findings.push({ level: 'info', message: `Objects under ${prefix} expire after ${deciding.days} days.`, evidence });
  }

  const longer = expiring.filter((rule) => rule.days > deciding.days);
  if (input.expectExpireDays === undefined && longer.length > 0) {
    findings.push({
      level: 'warn',
      message: `Rule ${deciding.label} (${deciding.days} days) overlaps ${longer.map((rule) => `${rule.label} (${rule.days} days)`).join(', ')} on ${prefix}: the shorter one wins.`,
      evidence,
    });
  }
  for (const rule of rules) {
    const days = expiryDays(rule.rule, input.now);
    if (rule.enabled && rule.prefix.startsWith(prefix) && rule.prefix !== prefix && days !== undefined && days < deciding.days) {
      findings.push({
        level: 'warn',
        message: `Rule ${rule.label} expires part of ${prefix} (prefix '${rule.prefix}') sooner: after ${days} days.`,
      });
    }
  }
  return {
    prefix,
    keys,
    effectiveDays: deciding.days,
    decidingRule: deciding.label,
    findings: [...findings, ...versioningFindings(prefix, rules, input)],
  };
}

/** On a versioned bucket, expiry only adds delete markers: old versions and markers need rules too. */
function versioningFindings(prefix: string, rules: readonly IndexedRule[], input: CoverageInput): Finding[] {
  if (input.versioning === 'Unversioned') return [];
  const findings: Finding[] = [];
  const noncurrent = rules.find((rule) => covers(rule, prefix) && rule.rule.NoncurrentVersionExpiration?.NoncurrentDays !== undefined);
  const markers = rules.find((rule) => covers(rule, prefix) && rule.rule.Expiration?.ExpiredObjectDeleteMarker === true);
  if (noncurrent === undefined) {
    findings.push({
      level: 'fail',
      message: `Bucket versioning is ${input.versioning} but no enabled rule covering ${prefix} has NoncurrentVersionExpiration: old versions are kept forever.`,
      remediation: 'Run the lifecycle gate with mode: apply; it adds NoncurrentVersionExpiration on versioned buckets.',
    });
  }
  if (markers === undefined) {
    findings.push({
      level: 'fail',
      message: `Bucket versioning is ${input.versioning} but no enabled rule covering ${prefix} removes expired delete markers (Expiration.ExpiredObjectDeleteMarker).`,
      remediation: 'Run the lifecycle gate with mode: apply; it adds a delete-marker rule on versioned buckets.',
    });
  }
  return findings;
}
