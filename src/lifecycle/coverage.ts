import { adoptionRefusal } from './adopt.js';
import { expiryDays } from './expiry.js';
import { ruleLabel, ruleScope, type LifecycleRule, type Versioning } from './rule.js';
import { ruleSelects } from './selection.js';
import type { Finding } from '../verdict.js';

export interface CoverageInput {
  readonly rules: readonly LifecycleRule[];
  readonly versioning: Versioning;
  /** Each with a trailing '/'. */
  readonly requiredPrefixes: readonly string[];
  readonly expectExpireDays: number | undefined;
  /** The rule this action manages, preferred when several rules decide alike. */
  readonly managedId: string;
  /** `<prefix>/<env>/`: a same-retention rule on exactly it can be adopted. */
  readonly envPrefix: string;
  readonly now: Date;
}

/** The retention verify holds the bucket to, and where that number comes from. */
export interface ExpectedRetention {
  readonly days: number;
  /** `expect-expire-days`, or `the managed rule <id>`. */
  readonly source: string;
}

/**
 * expect-expire-days when set; otherwise the days of the managed rule when it is in the bucket;
 * otherwise none (any positive retention passes). Verify and smoke both judge against this.
 */
export function expectedRetention(input: Pick<CoverageInput, 'rules' | 'expectExpireDays' | 'managedId' | 'now'>): ExpectedRetention | undefined {
  if (input.expectExpireDays !== undefined) return { days: input.expectExpireDays, source: 'expect-expire-days' };
  const managed = input.rules.find((rule) => rule.ID === input.managedId && expiryDays(rule, input.now) !== undefined);
  const days = managed === undefined ? undefined : expiryDays(managed, input.now);
  return days === undefined ? undefined : { days, source: `the managed rule ${input.managedId}` };
}

export interface PrefixCoverage {
  readonly prefix: string;
  /** Sample keys and the rules that expire them. */
  readonly keys: readonly { readonly key: string; readonly expiringRules: readonly string[] }[];
  readonly effectiveDays: number | undefined;
  readonly decidingRule: string | undefined;
  readonly expected: ExpectedRetention | undefined;
  readonly findings: readonly Finding[];
}

interface IndexedRule {
  readonly rule: LifecycleRule;
  readonly label: string;
  readonly prefix: string;
  readonly narrowed: boolean;
  readonly enabled: boolean;
}

interface ExpiringRule extends IndexedRule {
  readonly days: number;
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
  const expected = expectedRetention(input);
  return input.requiredPrefixes.map((prefix) => evaluatePrefix(prefix, rules, input, expected));
}

/** Enabled rules that expire every untagged object under `prefix`, earliest first (ties: the managed rule first). */
function expiringRules(rules: readonly IndexedRule[], prefix: string, input: CoverageInput): ExpiringRule[] {
  return rules
    .filter((rule) => ruleSelects(rule.rule, { key: prefix }))
    .map((rule) => ({ ...rule, days: expiryDays(rule.rule, input.now) }))
    .filter((rule): rule is ExpiringRule => rule.days !== undefined)
    .sort((a, b) => a.days - b.days || Number(b.label === input.managedId) - Number(a.label === input.managedId));
}

function evaluatePrefix(prefix: string, rules: readonly IndexedRule[], input: CoverageInput, expected: ExpectedRetention | undefined): PrefixCoverage {
  const findings: Finding[] = [];
  // A rule that selects the prefix selects every *.bin payload and *.json metadata object under it.
  const expiring = expiringRules(rules, prefix, input);
  const keys = ['bin', 'json'].map((extension) => ({ key: `${prefix}example.${extension}`, expiringRules: expiring.map((rule) => rule.label) }));

  for (const rule of rules) {
    if (!prefix.startsWith(rule.prefix) || expiryDays(rule.rule, input.now) === undefined) continue;
    if (!rule.enabled) {
      findings.push({ level: 'info', message: `Rule ${rule.label} would cover ${prefix} but its Status is ${String(rule.rule.Status)}.` });
    } else if (rule.narrowed) {
      findings.push({ level: 'info', message: `Rule ${rule.label} is narrowed by a tag or size filter: it does not cover untagged objects under ${prefix}.` });
    }
  }

  const deciding = expiring[0];
  const versioning = versioningFindings(prefix, rules, input);
  if (deciding === undefined) {
    findings.push({
      level: 'fail',
      message: `No enabled expiration rule covers ${prefix}: its *.bin and *.json objects never expire.`,
      remediation: `Run the lifecycle gate with mode: apply (expire-days sets the retention), or add a rule with Filter.Prefix '${prefix}'.`,
    });
    return { prefix, keys, effectiveDays: undefined, decidingRule: undefined, expected, findings: [...findings, ...versioning] };
  }

  const evidence = `rule ${deciding.label} (prefix '${deciding.prefix}', ${deciding.days} days)`;
  findings.push(...retentionFindings(prefix, deciding, expiring, expected, input, evidence));
  for (const rule of rules) {
    const days = expiryDays(rule.rule, input.now);
    if (rule.enabled && rule.prefix.startsWith(prefix) && rule.prefix !== prefix && days !== undefined && days < deciding.days) {
      findings.push({
        level: 'warn',
        message: `Rule ${rule.label} expires part of ${prefix} (prefix '${rule.prefix}') sooner: after ${days} days.`,
      });
    }
  }
  return { prefix, keys, effectiveDays: deciding.days, decidingRule: deciding.label, expected, findings: [...findings, ...versioning] };
}

/** The verdict on the number itself: equal to the expected retention, shorter, or longer. */
function retentionFindings(
  prefix: string,
  deciding: ExpiringRule,
  expiring: readonly ExpiringRule[],
  expected: ExpectedRetention | undefined,
  input: CoverageInput,
  evidence: string,
): Finding[] {
  if (deciding.days <= 0) {
    return [
      {
        level: 'fail',
        message: `Rule ${deciding.label} expires objects under ${prefix} immediately (its Date has passed).`,
        evidence,
        remediation: `Remove or change rule ${deciding.label}.`,
      },
    ];
  }
  if (expected === undefined) {
    // The runbook's non-strict mode: any positive retention passes; a shorter overlap is worth a look.
    const findings: Finding[] = [{ level: 'info', message: `Objects under ${prefix} expire after ${deciding.days} days.`, evidence }];
    const longer = expiring.filter((rule) => rule.days > deciding.days);
    if (longer.length > 0) {
      findings.push({
        level: 'warn',
        message: `Rule ${deciding.label} (${deciding.days} days) overlaps ${longer.map((rule) => `${rule.label} (${rule.days} days)`).join(', ')} on ${prefix}: the shorter one wins.`,
        evidence,
      });
    }
    return findings;
  }
  const stated = `Effective retention of ${prefix} is ${deciding.days} days, expected ${expected.days} (${expected.source}); ${evidence} decides`;
  if (deciding.days < expected.days) {
    return [
      {
        level: 'fail',
        message: `${stated}: objects are deleted ${expected.days - deciding.days} days earlier than the configured retention.`,
        evidence,
        remediation: `Remove rule ${deciding.label}, or narrow it so it no longer covers ${prefix}; or make ${expected.days} days the retention you configure.`,
      },
    ];
  }
  if (deciding.days > expected.days) {
    return [
      {
        level: 'fail',
        message: `${stated}: objects are kept ${deciding.days - expected.days} days longer than the configured retention.`,
        evidence,
        remediation:
          expected.source === 'expect-expire-days'
            ? `Set expire-days to ${expected.days} and apply, or change rule ${deciding.label}.`
            : `Run the lifecycle gate with mode: apply so ${input.managedId} covers ${prefix}, or change rule ${deciding.label}.`,
      },
    ];
  }
  const findings: Finding[] = [
    { level: 'info', message: `Objects under ${prefix} expire after ${deciding.days} days, as configured (${expected.source}).`, evidence },
  ];
  for (const twin of expiring.filter((rule) => rule.days === deciding.days && rule.label !== deciding.label)) {
    const adoptable = input.envPrefix === prefix && adoptionRefusal(twin.rule, input.envPrefix) === undefined && twin.label !== input.managedId;
    findings.push({
      level: 'info',
      message: `Rule ${twin.label} also expires ${prefix} after ${deciding.days} days (same retention, no effect on the verdict).${
        adoptable ? ` If it is the old script's rule, set lifecycle-adopt-rule-ids: ${twin.label} so lifecycle apply replaces it by ${input.managedId}.` : ''
      }`,
    });
  }
  return findings;
}

/** On a versioned bucket, expiry only adds delete markers: old versions and markers need rules too. */
function versioningFindings(prefix: string, rules: readonly IndexedRule[], input: CoverageInput): Finding[] {
  if (input.versioning === 'Unversioned') return [];
  const findings: Finding[] = [];
  const covering = rules.filter((rule) => ruleSelects(rule.rule, { key: prefix }));
  const noncurrent = covering.find((rule) => rule.rule.NoncurrentVersionExpiration?.NoncurrentDays !== undefined);
  const markers = covering.find((rule) => rule.rule.Expiration?.ExpiredObjectDeleteMarker === true);
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
