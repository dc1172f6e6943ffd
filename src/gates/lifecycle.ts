import { planAdoption, type AdoptionPlan } from '../lifecycle/adopt.js';
import { desiredRules, managedRuleIds, prefersLegacyPrefix } from '../lifecycle/managed.js';
import { foreignRulesCanonical, MAX_LIFECYCLE_RULES, planLifecycle, type LifecyclePlan } from '../lifecycle/plan.js';
import { canonicalJson, type LifecycleRule } from '../lifecycle/rule.js';
import { outcome } from './outcome.js';
import { readBucketState } from './bucket-state.js';
import type { Finding, GateContext, GateDefinition, GateOutcome, Section } from './types.js';
import { sleep } from '../util/sleep.js';

const PLAN_SYMBOLS = { add: '+', change: '~', unchanged: '=', keep: '·', adopt: '-' } as const;
const ACTION_LABELS = { add: 'add', change: 'change', unchanged: 'unchanged', keep: 'keep (not ours)', adopt: 'adopt (removed)' } as const;
/** Read-back attempts after a write: AWS propagates a new configuration within minutes. */
const READ_BACK_ATTEMPTS = 5;
const READ_BACK_DELAY_MS = 500;

/**
 * Plans or applies the managed expiration rule by merging it into the bucket's configuration
 * (PutBucketLifecycleConfiguration replaces the whole configuration); every other rule is kept.
 */
async function runLifecycle({ config, s3, log }: GateContext): Promise<GateOutcome> {
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
  const ownedIds = new Set(desired.map((rule) => rule.ID ?? ''));
  const adoption = planAdoption(current, config.adoptRuleIds, config.envPrefix, new Set([ids.expiration, ids.deleteMarkers]));
  const plan = planLifecycle(current, desired, adoption.adopt);
  const facts = [
    { label: 'Managed rule', value: ids.expiration },
    { label: 'Expire days', value: String(config.expireDays) },
    { label: 'Versioning', value: versioning },
    { label: 'Rules before', value: String(current.length) },
    { label: 'Rules after', value: String(plan.rules.length) },
  ];
  const sections = planSections(plan);
  const findings: Finding[] = [
    ...plan.entries.map((entry): Finding => ({ level: 'info', message: `${PLAN_SYMBOLS[entry.action]} ${entry.id}: ${ACTION_LABELS[entry.action]}` })),
    ...absentAdoptionFindings(adoption, current, ids.expiration),
  ];

  if (adoption.refused.length > 0) {
    return outcome(`lifecycle-adopt-rule-ids names ${adoption.refused.length} rule(s) that cannot be adopted; nothing was written.`, [
      ...findings,
      ...adoption.refused.map((refused): Finding => ({
        level: 'fail',
        message: `lifecycle-adopt-rule-ids: rule ${refused.id} cannot be adopted: ${refused.reason}. Only a rule filtering on exactly '${config.envPrefix}' (no tags, size bounds or transitions) can be replaced by ${ids.expiration}; nothing was written.`,
        remediation: `Remove ${refused.id} from lifecycle-adopt-rule-ids; the rule stays as it is.`,
      })),
    ], facts, sections);
  }

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
    const pending = plan.entries.filter((entry) => entry.action === 'add' || entry.action === 'change' || entry.action === 'adopt');
    const verbs = pending.map((entry) => `${entry.action === 'adopt' ? 'remove (adopt)' : 'write'} ${entry.id}`);
    return outcome(`Plan: apply would ${verbs.join(', ')}; nothing was changed.`, [
      ...findings,
      { level: 'warn', message: `Pending lifecycle change: ${verbs.join(', ')}.`, remediation: 'Run with mode: apply to write it.' },
    ], facts, sections);
  }

  // Adopted rules leave the configuration on purpose; every other rule not ours must stay as it was.
  const foreignBefore = foreignRulesCanonical(current, new Set([...ownedIds, ...adoption.adopt]));
  await s3.putLifecycleRules(plan.rules);
  log.info(`Wrote lifecycle configuration of ${plan.rules.length} rules to ${config.s3.bucket}.`);
  const confirmed = await readBack(() => s3.getLifecycleRules({ fresh: true }), desired, new Set([...ownedIds, ...adoption.adopt]), foreignBefore);
  if (!confirmed.ok) {
    return outcome('Lifecycle written, but the read-back does not match.', [...findings, { level: 'fail', message: confirmed.reason, remediation: 'Re-run the lifecycle gate; if it persists, compare the report with the bucket configuration.' }], facts, sections);
  }
  const adopted = adoption.adopt.size > 0 ? `; adopted (removed) ${[...adoption.adopt].join(', ')}` : '';
  return outcome(
    `Applied: ${ids.expiration} expires ${config.envPrefix} after ${config.expireDays} days${adopted}; ${foreignBefore.length} other rule(s) kept unchanged.`,
    [...findings, { level: 'info', message: `Read back ${confirmed.rules} rules: managed rules present, every other rule unchanged.` }],
    facts,
    sections,
  );
}

/** An adopt ID not in the bucket: likely a typo while the managed rule is missing; adoption done once it is present. */
function absentAdoptionFindings(adoption: AdoptionPlan, current: readonly LifecycleRule[], managedId: string): Finding[] {
  const managedPresent = current.some((rule) => rule.ID === managedId);
  return adoption.absent.map((id): Finding =>
    managedPresent
      ? { level: 'info', message: `lifecycle-adopt-rule-ids: ${id} is not in the bucket (already adopted, or gone); ${managedId} is present.` }
      : { level: 'warn', message: `lifecycle-adopt-rule-ids: ${id} is not in the bucket, and ${managedId} is not there yet.`, remediation: 'Check the rule ID against the bucket lifecycle configuration (IDs are case-sensitive).' },
  );
}

async function readBack(
  read: () => Promise<LifecycleRule[]>,
  desired: readonly LifecycleRule[],
  ownedIds: ReadonlySet<string>,
  foreignBefore: readonly string[],
): Promise<{ ok: true; rules: number } | { ok: false; reason: string }> {
  let reason = '';
  for (let attempt = 1; attempt <= READ_BACK_ATTEMPTS; attempt += 1) {
    const after = await read();
    const missing = desired.filter((rule) => !planLifecycle(after, [rule]).entries.some((entry) => entry.id === rule.ID && entry.action === 'unchanged'));
    const foreignAfter = foreignRulesCanonical(after, ownedIds);
    const foreignSame = canonicalJson(foreignAfter) === canonicalJson(foreignBefore);
    if (missing.length === 0 && foreignSame) return { ok: true, rules: after.length };
    reason = missing.length > 0
      ? `Read-back lacks ${missing.map((rule) => rule.ID).join(', ')} as written.`
      : 'Read-back shows rules not owned by this action changed: they must stay exactly as they were.';
    if (attempt < READ_BACK_ATTEMPTS) await sleep(READ_BACK_DELAY_MS * attempt);
  }
  return { ok: false, reason: `${reason} (after ${READ_BACK_ATTEMPTS} reads)` };
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
        ACTION_LABELS[entry.action],
        entry.action === 'add' ? '' : describe(entry.before),
        entry.action === 'keep' || entry.action === 'unchanged' ? '(same)' : entry.action === 'adopt' ? `(replaced by the managed rule)` : describe(entry.after),
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
