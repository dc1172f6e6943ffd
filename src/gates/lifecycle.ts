import { lockKey, lockTimings } from '../lifecycle/lock-policy.js';
import { desiredRules, managedRuleIds, prefersLegacyPrefix } from '../lifecycle/managed.js';
import { MAX_LIFECYCLE_RULES, planLifecycle, type LifecyclePlan } from '../lifecycle/plan.js';
import { prepareLifecyclePlan, type PreparedPlan } from '../lifecycle/prepare.js';
import { canonicalJson, type LifecycleRule } from '../lifecycle/rule.js';
import { underLifecycleLock } from './lifecycle-lock.js';
import { writeConverging } from './lifecycle-write.js';
import { outcome } from './outcome.js';
import { readBucketState } from './bucket-state.js';
import type { Fact, Finding, GateContext, GateDefinition, GateOutcome, Section } from './types.js';

const PLAN_SYMBOLS = { add: '+', change: '~', unchanged: '=', keep: '·' } as const;

/**
 * Plans or applies the managed expiration rule by merging it into the bucket's configuration
 * (PutBucketLifecycleConfiguration replaces the whole configuration); every other rule is kept.
 * Apply writes under the bucket's lifecycle lock, and only when the plan changes something.
 */
async function runLifecycle({ config, s3, log, now }: GateContext): Promise<GateOutcome> {
  const state = await readBucketState(s3);
  if (state === 'missing' && config.mode === 'apply') {
    return outcome(`Bucket ${config.s3.bucket} does not exist.`, [
      { level: 'fail', message: `Bucket ${config.s3.bucket} does not exist; no lifecycle was written.`, remediation: "Add the 'bucket' gate before 'lifecycle' so apply creates it." },
    ]);
  }
  const [current, versioning] = state === 'missing' ? [[], 'Unversioned' as const] : state;
  const ids = managedRuleIds(config.prefix, config.appEnv);
  const desired = desiredRules({
    ids,
    envPrefix: config.envPrefix,
    expireDays: config.expireDays,
    versioning,
    legacyPrefix: prefersLegacyPrefix(current),
  });
  const prepare = (read: readonly LifecycleRule[]): PreparedPlan => prepareLifecyclePlan(read, (rules) => planLifecycle(rules, desired));
  const ownedIds = new Set(desired.map((rule) => rule.ID ?? ''));
  const describe = ({ read, plan }: PreparedPlan) => {
    const facts: Fact[] = [
      { label: 'Managed rule', value: ids.expiration },
      { label: 'Expire days', value: String(config.expireDays) },
      { label: 'Versioning', value: versioning },
      { label: 'Rules before', value: String(read.length) },
      { label: 'Rules after', value: String(plan.rules.length) },
    ];
    const findings: Finding[] = plan.entries.map((entry) => ({
      level: 'info',
      message: `${PLAN_SYMBOLS[entry.action]} ${entry.id}: ${entry.action}${entry.action === 'keep' ? ' (not ours)' : ''}`,
    }));
    return { facts, findings, sections: planSections(plan) };
  };
  const prepared = prepare(current);
  const { plan } = prepared;
  const { facts, findings, sections } = describe(prepared);

  if (plan.rules.length > MAX_LIFECYCLE_RULES) {
    return outcome(`The configuration would hold ${plan.rules.length} rules; S3 allows ${MAX_LIFECYCLE_RULES}.`, [
      ...findings,
      { level: 'fail', message: `Adding the managed rule would exceed ${MAX_LIFECYCLE_RULES} rules; nothing was written.`, remediation: 'Remove unused rules first.' },
    ], facts, sections);
  }
  if (!plan.changed) {
    return outcome(`Lifecycle is up to date: ${ids.expiration} expires ${config.envPrefix} after ${config.expireDays} days.`, findings, facts, sections);
  }
  if (config.mode === 'plan') {
    if (state === 'missing') findings.push({ level: 'info', message: `Bucket ${config.s3.bucket} does not exist yet: planned against an empty configuration.` });
    const pending = plan.entries.filter((entry) => entry.action === 'add' || entry.action === 'change').map((entry) => entry.id);
    return outcome(`Plan: apply would ${pending.map((id) => `write ${id}`).join(', ')}; nothing was changed.`, [
      ...findings,
      { level: 'warn', message: `Pending lifecycle change: ${pending.join(', ')}.`, remediation: 'Run with mode: apply to write it.' },
    ], facts, sections);
  }

  const locked = await underLifecycleLock(
    { s3, key: lockKey(config.prefix), env: config.appEnv, versioning, timings: lockTimings(config.s3.timeoutMs), log, now },
    (lock) => writeConverging({ s3, log, bucket: config.s3.bucket, desired, ownedIds, prepare, lock }),
  );
  if (!locked.ran) return outcome('Another apply holds the lifecycle lock of this bucket; nothing was written.', [...findings, ...locked.findings], facts, sections);
  const written = locked.value;
  const final = describe(written.prepared);
  const all = [...final.findings, ...locked.findings, ...written.findings];
  if (written.kind === 'refused') {
    return outcome(written.writes > 0 ? 'Lifecycle written, but the write did not hold.' : 'Lifecycle not written.', all, final.facts, final.sections);
  }
  if (written.kind === 'up-to-date') {
    return outcome(`Lifecycle is up to date (written meanwhile by another apply): ${ids.expiration} expires ${config.envPrefix} after ${config.expireDays} days.`, all, final.facts, final.sections);
  }
  const kept = written.prepared.plan.entries.filter((entry) => entry.action === 'keep').length;
  return outcome(
    `Applied: ${ids.expiration} expires ${config.envPrefix} after ${config.expireDays} days; ${kept} other rule(s) kept${written.writes > 1 ? `; ${written.writes} writes (another writer replaced the configuration meanwhile)` : ''}.`,
    all,
    final.facts,
    final.sections,
  );
}

function planSections(plan: LifecyclePlan): Section[] {
  const describe = (rule: LifecycleRule | undefined): string => (rule === undefined ? '' : canonicalJson(rule));
  return [
    {
      kind: 'table',
      title: 'Plan',
      headers: ['', 'Rule ID', 'Action', 'Before', 'After'],
      rows: plan.entries.map((entry) => [
        PLAN_SYMBOLS[entry.action],
        entry.id,
        entry.action === 'keep' ? 'keep (not ours)' : entry.action,
        entry.action === 'add' ? '' : describe(entry.before),
        entry.action === 'keep' || entry.action === 'unchanged' ? '(same)' : describe(entry.after),
      ]),
    },
    {
      kind: 'code',
      title: 'Resulting configuration (commit this to your infrastructure repository)',
      language: 'json',
      text: JSON.stringify({ Rules: JSON.parse(`[${plan.rules.map((rule) => canonicalJson(rule)).join(',')}]`) as unknown }, null, 2),
    },
  ];
}

export const lifecycleGate: GateDefinition = {
  id: 'lifecycle',
  title: 'Chat attachment lifecycle policy',
  report: 'chat-attachment-lifecycle-policy-latest.md',
  mode: (config) => config.mode,
  run: runLifecycle,
};
