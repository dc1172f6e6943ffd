import type { AdoptionPlan } from '../../lifecycle/adopt.js';
import { lockKey, lockTimings } from '../../lifecycle/lock-policy.js';
import { desiredRules, managedRuleIds, prefersLegacyPrefix } from '../../lifecycle/managed.js';
import { MAX_LIFECYCLE_RULES, type LifecyclePlan, type PlanEntry } from '../../lifecycle/plan.js';
import { prepareLifecyclePlan, type PreparedPlan } from '../../lifecycle/prepare.js';
import { canonicalJson, type LifecycleRule } from '../../lifecycle/rule.js';
import { underLifecycleLock } from './lock.js';
import { unprovableFinding, writeConverging } from './write.js';
import { readBucketState } from '../bucket-state.js';
import type { GateContext, GateDefinition } from '../types.js';
import { type Fact, type Finding, type GateOutcome, type Section, outcome } from '../../verdict.js';

/** Requests a release makes, about: read the lock and delete it, or delete each version written. */
const LOCK_RELEASE_REQUESTS = 3;
const PLAN_SYMBOLS = { add: '+', change: '~', unchanged: '=', keep: '·', adopt: '-' } as const;
const ACTION_LABELS = { add: 'add', change: 'change', unchanged: 'unchanged', keep: 'keep (not ours)', adopt: 'adopt (removed)' } as const;

/**
 * Plans or applies the managed expiration rule by merging it into the bucket's configuration
 * (PutBucketLifecycleConfiguration replaces the whole configuration); every other rule is kept.
 * Apply writes under the bucket's lifecycle lock, and only when the plan changes something.
 */
async function runLifecycle(context: GateContext): Promise<GateOutcome> {
  let decided: LifecyclePlan | undefined;
  const result = await lifecycleOutcome(context, (plan) => {
    decided = plan;
  });
  return decided === undefined ? result : { ...result, details: planDetails(decided) };
}

/**
 * Machine-readable: whether the bucket differs from the plan, and the rules apply adds, changes or
 * removes by adoption (plan: would; apply: did). The plan comment says "no change" from it.
 */
function planDetails(plan: LifecyclePlan): Record<string, unknown> {
  const changes = plan.entries.filter((entry) => entry.action === 'add' || entry.action === 'change' || entry.action === 'adopt').map((entry) => entry.id);
  return { changed: plan.changed, changes };
}

/** `onPlan` hears the plan judged (before a write) and the plan written (after it). */
async function lifecycleOutcome({ config, s3, log, now, cancellation }: GateContext, onPlan: (plan: LifecyclePlan) => void): Promise<GateOutcome> {
  const state = await readBucketState(s3);
  if (state === 'missing' && config.mode === 'apply') {
    return outcome(`Bucket ${config.s3.bucket} does not exist.`, [
      {
        level: 'fail',
        message: `Bucket ${config.s3.bucket} does not exist; no lifecycle was written.`,
        remediation: "Add the 'bucket' gate before 'lifecycle' so apply creates it.",
      },
    ]);
  }
  const [current, versioning] = state === 'missing' ? [[], 'Unversioned' as const] : state;
  const ids = managedRuleIds(config.prefix, config.appEnv);
  const desired = desiredRules({
    ids,
    envPrefix: config.envPrefix,
    expireDays: config.expireDays,
    abortIncompleteMultipartDays: config.abortIncompleteMultipartDays,
    versioning,
    legacyPrefix: prefersLegacyPrefix(current),
  });
  const ownedIds = new Set(desired.map((rule) => rule.ID ?? ''));
  const request = { desired, adoptIds: config.adoptRuleIds, envPrefix: config.envPrefix, managedIds: new Set([ids.expiration, ids.deleteMarkers]) };
  const prepare = (read: readonly LifecycleRule[]): PreparedPlan => prepareLifecyclePlan(read, request);
  const describe = ({ read, plan, adoption, respelt }: PreparedPlan) => {
    const facts: Fact[] = [
      { label: 'Managed rule', value: ids.expiration },
      { label: 'Expire days', value: String(config.expireDays) },
      { label: 'Versioning', value: versioning },
      { label: 'Rules before', value: String(read.length) },
      { label: 'Rules after', value: String(plan.rules.length) },
    ];
    const findings: Finding[] = [
      ...plan.entries.map((entry): Finding => ({ level: 'info', message: `${PLAN_SYMBOLS[entry.action]} ${entry.id}: ${actionLabel(entry, respelt)}` })),
      ...absentAdoptionFindings(adoption, read, ids.expiration),
    ];
    return { facts, findings, sections: planSections(plan, respelt) };
  };
  const prepared = prepare(current);
  const { plan, adoption } = prepared;
  onPlan(plan);
  const { facts, findings, sections } = describe(prepared);

  if (adoption.refused.length > 0) {
    return outcome(
      `lifecycle-adopt-rule-ids names ${adoption.refused.length} rule(s) that cannot be adopted; nothing was written.`,
      [
        ...findings,
        ...adoption.refused.map((refused): Finding => ({
          level: 'fail',
          message: `lifecycle-adopt-rule-ids: rule ${refused.id} cannot be adopted: ${refused.reason}. Only a rule filtering on exactly '${config.envPrefix}' (no tags, size bounds or transitions) can be replaced by ${ids.expiration}; nothing was written.`,
          remediation: `Remove ${refused.id} from lifecycle-adopt-rule-ids; the rule stays as it is.`,
        })),
      ],
      facts,
      sections,
    );
  }

  if (plan.rules.length > MAX_LIFECYCLE_RULES) {
    return outcome(
      `The configuration would hold ${plan.rules.length} rules; S3 allows ${MAX_LIFECYCLE_RULES}.`,
      [
        ...findings,
        {
          level: 'fail',
          message: `Adding the managed rule would exceed ${MAX_LIFECYCLE_RULES} rules; nothing was written.`,
          remediation: 'Remove unused rules first.',
        },
      ],
      facts,
      sections,
    );
  }
  if (!plan.changed) {
    if (prepared.unprovable.length > 0) findings.push(unprovableFinding(prepared, 'warn', ' Nothing was written.'));
    return outcome(`Lifecycle is up to date: ${ids.expiration} expires ${config.envPrefix} after ${config.expireDays} days.`, findings, facts, sections);
  }
  if (prepared.unprovable.length > 0) {
    // Before any write (and in plan, which tells what apply would do): a rule not ours must keep its meaning.
    return outcome(
      `A rule not ours cannot be proved to keep its meaning; nothing was written.`,
      [...findings, unprovableFinding(prepared, 'fail', ' Nothing was written.')],
      facts,
      sections,
    );
  }
  if (config.mode === 'plan') {
    if (state === 'missing')
      findings.push({ level: 'info', message: `Bucket ${config.s3.bucket} does not exist yet: planned against an empty configuration.` });
    const pending = plan.entries.filter((entry) => entry.action === 'add' || entry.action === 'change' || entry.action === 'adopt');
    const verbs = pending.map((entry) => `${entry.action === 'adopt' ? 'remove (adopt)' : 'write'} ${entry.id}`);
    return outcome(
      `Plan: apply would ${verbs.join(', ')}; nothing was changed.`,
      [...findings, { level: 'warn', message: `Pending lifecycle change: ${verbs.join(', ')}.`, remediation: 'Run with mode: apply to write it.' }],
      facts,
      sections,
    );
  }

  const locked = await underLifecycleLock(
    {
      s3,
      key: lockKey(config.prefix),
      env: config.appEnv,
      versioning,
      timings: lockTimings(config.s3.timeoutMs),
      log,
      now,
      // Released after a cancellation too: on a view the cancellation does not abort, within the time left.
      releaseS3: () =>
        s3.scoped({ signal: cancellation.cleanupSignal(LOCK_RELEASE_REQUESTS * config.s3.timeoutMs + 1000, 'releasing the lifecycle lock'), cleanup: true }),
    },
    (lock) => writeConverging({ s3, log, bucket: config.s3.bucket, desired, ownedIds, prepare, lock }),
  );
  if (!locked.ran)
    return outcome('Another apply holds the lifecycle lock of this bucket; nothing was written.', [...findings, ...locked.findings], facts, sections);
  const written = locked.value;
  onPlan(written.prepared.plan);
  const final = describe(written.prepared);
  const all = [...final.findings, ...locked.findings, ...written.findings];
  if (written.kind === 'refused') {
    return outcome(written.writes > 0 ? 'Lifecycle written, but the write did not hold.' : 'Lifecycle not written.', all, final.facts, final.sections);
  }
  if (written.kind === 'up-to-date') {
    return outcome(
      `Lifecycle is up to date (written meanwhile by another apply): ${ids.expiration} expires ${config.envPrefix} after ${config.expireDays} days.`,
      all,
      final.facts,
      final.sections,
    );
  }
  const entries = written.prepared.plan.entries;
  const adopted = entries.filter((entry) => entry.action === 'adopt').map((entry) => entry.id);
  const kept = entries.filter((entry) => entry.action === 'keep').length;
  return outcome(
    `Applied: ${ids.expiration} expires ${config.envPrefix} after ${config.expireDays} days${adopted.length > 0 ? `; adopted (removed) ${adopted.join(', ')}` : ''}; ${kept} other rule(s) kept${written.writes > 1 ? `; ${written.writes} writes (another writer replaced the configuration meanwhile)` : ''}.`,
    all,
    final.facts,
    final.sections,
  );
}

/** An adopt ID not in the bucket: likely a typo while the managed rule is missing; adoption done once it is present. */
function absentAdoptionFindings(adoption: AdoptionPlan, current: readonly LifecycleRule[], managedId: string): Finding[] {
  const managedPresent = current.some((rule) => rule.ID === managedId);
  return adoption.absent.map((id): Finding =>
    managedPresent
      ? { level: 'info', message: `lifecycle-adopt-rule-ids: ${id} is not in the bucket (already adopted, or gone); ${managedId} is present.` }
      : {
          level: 'warn',
          message: `lifecycle-adopt-rule-ids: ${id} is not in the bucket, and ${managedId} is not there yet.`,
          remediation: 'Check the rule ID against the bucket lifecycle configuration (IDs are case-sensitive).',
        },
  );
}

/** A kept rule re-spelt to valid S3 says so: its meaning stays, its spelling changes when written. */
function actionLabel(entry: PlanEntry, respelt: ReadonlyMap<LifecycleRule, LifecycleRule>): string {
  return entry.action === 'keep' && entry.after !== undefined && respelt.has(entry.after) ? 'keep (re-spelt)' : ACTION_LABELS[entry.action];
}

function planSections(plan: LifecyclePlan, respelt: ReadonlyMap<LifecycleRule, LifecycleRule>): Section[] {
  const describe = (rule: LifecycleRule | undefined): string => (rule === undefined ? '' : canonicalJson(rule));
  return [
    {
      kind: 'table',
      title: 'Plan',
      headers: ['', 'Rule ID', 'Action', 'Before', 'After'],
      rows: plan.entries.map((entry) => [
        PLAN_SYMBOLS[entry.action],
        entry.id,
        actionLabel(entry, respelt),
        // Before: as the server answered; a re-spelt rule's After: as it will be written.
        entry.action === 'add' ? '' : describe((entry.before && respelt.get(entry.before)) ?? entry.before),
        actionLabel(entry, respelt) === 'keep (re-spelt)'
          ? describe(entry.after)
          : entry.action === 'keep' || entry.action === 'unchanged'
            ? '(same)'
            : entry.action === 'adopt'
              ? `(replaced by the managed rule)`
              : describe(entry.after),
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
