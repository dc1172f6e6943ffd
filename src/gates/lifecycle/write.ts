import type { S3Gateway } from '../../clients/s3.js';
import { droppedAbortIncomplete, droppedAbortFinding } from '../../lifecycle/abort-uploads.js';
import { MAX_LIFECYCLE_RULES } from '../../lifecycle/plan.js';
import type { PreparedPlan } from '../../lifecycle/prepare.js';
import { checkWrite, compareForeign } from '../../lifecycle/read-back.js';
import type { LifecycleRule } from '../../lifecycle/rule.js';
import type { Logger } from '../../util/logger.js';
import type { LockHandle } from './lock.js';
import type { Finding } from '../../verdict.js';

/** Writes of one apply: the first, and two more when another writer replaced the configuration meanwhile. */
export const MAX_WRITES = 3;
/** Reads after a write while it is not visible yet: AWS propagates a new configuration within minutes. */
const READ_BACK_ATTEMPTS = 5;
const READ_BACK_DELAY_MS = 500;

export interface WriteInput {
  readonly s3: Pick<S3Gateway, 'getLifecycleRules' | 'putLifecycleRules'>;
  readonly log: Logger;
  readonly bucket: string;
  readonly desired: readonly LifecycleRule[];
  /** IDs of the managed rules. */
  readonly ownedIds: ReadonlySet<string>;
  /** Plans against the configuration as read (normalised, merged, foreign meaning proved). */
  readonly prepare: (read: readonly LifecycleRule[]) => PreparedPlan;
  readonly lock: LockHandle;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface WriteResult {
  /** applied: written and read back; up-to-date: nothing to write (another apply may have written it); refused: stopped, see findings. */
  readonly kind: 'applied' | 'up-to-date' | 'refused';
  /** The last plan: the one written, or the one that found nothing to do or was refused. */
  readonly prepared: PreparedPlan;
  readonly writes: number;
  readonly findings: readonly Finding[];
}

/**
 * Re-reads and re-plans (under the lock, the configuration may have changed since the first
 * read), writes, and reads back. When the read-back lacks a managed rule because someone else
 * replaced the configuration meanwhile, merges into theirs and writes again (bounded): a change
 * of theirs is kept, not a failure.
 */
export async function writeConverging(input: WriteInput): Promise<WriteResult> {
  const { s3, log } = input;
  const sleep = input.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const findings: Finding[] = [];
  let writes = 0;
  let prepared: PreparedPlan | undefined;
  for (let round = 1; round <= MAX_WRITES; round += 1) {
    const read = await s3.getLifecycleRules({ fresh: true });
    prepared = input.prepare(read);
    const { plan } = prepared;
    if (!plan.changed) return { kind: writes > 0 ? 'applied' : 'up-to-date', prepared, writes, findings };
    const refusal = writeRefusal(prepared, input.lock, writes);
    if (refusal !== undefined) return { kind: 'refused', prepared, writes, findings: [...findings, refusal] };

    await s3.putLifecycleRules(plan.rules);
    writes += 1;
    log.info(`Wrote lifecycle configuration of ${plan.rules.length} rules to ${input.bucket}${round > 1 ? ` (write ${round} of at most ${MAX_WRITES})` : ''}.`);

    const { check, after } = await readBack(s3, read, input.desired, sleep);
    // A server that drops AbortIncompleteMultipartUpload (MinIO) kept the rest: no failure, and no
    // reason to write again (each write would be dropped alike).
    const dropped = check.kind === 'confirmed' ? [] : droppedAbortIncomplete(after, input.desired, check.missing);
    if (check.kind === 'confirmed' || (dropped.length > 0 && dropped.length === check.missing.length)) {
      // Adopted rules leave the configuration on purpose: not compared.
      const ignored = new Set([...input.ownedIds, ...prepared.adoption.adopt]);
      return {
        kind: 'applied',
        prepared,
        writes,
        findings: [...findings, ...foreignFindings(plan.rules, after, ignored), ...dropped.map(droppedAbortFinding)],
      };
    }
    const why =
      check.kind === 'replaced' ? 'another writer replaced the configuration after our write' : `the write was not visible after ${READ_BACK_ATTEMPTS} reads`;
    findings.push({ level: 'info', message: `Write ${round}: the read-back lacked ${check.missing.join(', ')} (${why}).` });
    if (round < MAX_WRITES)
      log.warning(
        `Lifecycle read-back lacks ${check.missing.join(', ')}: ${why}; reading again and merging into it (write ${round + 1} of at most ${MAX_WRITES}).`,
      );
  }
  return {
    kind: 'refused',
    prepared: prepared as PreparedPlan,
    writes,
    findings: [
      ...findings,
      {
        level: 'fail',
        message: `After ${MAX_WRITES} writes the read-back still lacks the managed rule: another writer keeps replacing the configuration of ${input.bucket} (or the server does not keep what it accepts).`,
        remediation:
          'Find the other writer (a tool that owns the whole configuration, e.g. Terraform aws_s3_bucket_lifecycle_configuration or mc ilm import) and let it carry the managed rule, or stop it during releases; then re-run.',
      },
    ],
  };
}

/**
 * Rules not ours whose meaning could not be proved to survive a write: FAIL before a write
 * (`tail` says what was written), WARN when nothing needs writing (a later change would refuse).
 */
export function unprovableFinding(prepared: PreparedPlan, level: 'fail' | 'warn', tail: string): Finding {
  const rules = prepared.unprovable.map((entry) => `rule ${entry.rule} (${entry.reason})`).join('; ');
  return {
    level,
    message: `Cannot prove that ${rules} would keep its meaning if written back, so ${level === 'fail' ? 'the configuration is not written' : 'a write that changes the managed rule would be refused'}.${tail}`,
    remediation: 'Have the owner of that rule write it in valid S3 form (a Filter with exactly one member, or And for several conditions), then re-run.',
  };
}

/** Why this plan must not be written (FAIL); undefined when it may be. */
export function writeRefusal(prepared: PreparedPlan, lock: Pick<LockHandle, 'withinBudget'>, writes = 0): Finding | undefined {
  const already = writes > 0 ? ` ${writes} earlier write(s) of this run stand.` : ' Nothing was written.';
  if (prepared.plan.rules.length > MAX_LIFECYCLE_RULES) {
    return {
      level: 'fail',
      message: `The configuration would hold ${prepared.plan.rules.length} rules; S3 allows ${MAX_LIFECYCLE_RULES}.${already}`,
      remediation: 'Remove unused rules first.',
    };
  }
  if (prepared.adoption.refused.length > 0) {
    return {
      level: 'fail',
      message: `lifecycle-adopt-rule-ids: ${prepared.adoption.refused.map((refused) => `rule ${refused.id} cannot be adopted: ${refused.reason}`).join('; ')}.${already}`,
      remediation: 'Remove the rule from lifecycle-adopt-rule-ids; the rule stays as it is.',
    };
  }
  if (prepared.unprovable.length > 0) return unprovableFinding(prepared, 'fail', already);
  if (!lock.withinBudget()) {
    return {
      level: 'fail',
      message: `The lifecycle lock's time budget ran out before the write (another apply may break the lock as abandoned from now on).${already}`,
      remediation: "Re-run. The budget covers many slow S3 answers; if it runs out again, look at the S3 endpoint's latency in the log.",
    };
  }
  return undefined;
}

async function readBack(
  s3: WriteInput['s3'],
  before: readonly LifecycleRule[],
  desired: readonly LifecycleRule[],
  sleep: (ms: number) => Promise<void>,
): Promise<{ check: ReturnType<typeof checkWrite>; after: LifecycleRule[] }> {
  for (let attempt = 1; ; attempt += 1) {
    const after = await s3.getLifecycleRules({ fresh: true });
    const check = checkWrite(after, before, desired);
    if (check.kind !== 'not-visible' || attempt >= READ_BACK_ATTEMPTS) return { check, after };
    await sleep(READ_BACK_DELAY_MS * attempt);
  }
}

/** A rule of someone else's that reads back otherwise than we wrote it is a WARN naming it, never a silent PASS. */
function foreignFindings(written: readonly LifecycleRule[], after: readonly LifecycleRule[], ownedIds: ReadonlySet<string>): Finding[] {
  const compared = compareForeign(written, after, ownedIds);
  const findings: Finding[] = [];
  for (const { rule, difference } of compared.changed) {
    findings.push({
      level: 'warn',
      message: `Rule ${rule} (not ours) does not read back as written: ${difference}. The server changed it, or another writer did meanwhile.`,
      remediation: `Compare rule ${rule} in the bucket with the plan's resulting configuration, and have its owner restore it.`,
    });
  }
  for (const rule of compared.missing) {
    findings.push({
      level: 'warn',
      message: `Rule ${rule} (not ours) was written but is missing from the read-back: another writer removed it meanwhile, or the server dropped it.`,
      remediation: `Have the owner of rule ${rule} check it.`,
    });
  }
  for (const rule of compared.added) findings.push({ level: 'info', message: `Rule ${rule} (not ours) appeared meanwhile (another writer); kept.` });
  const unchanged = written.filter((rule) => !ownedIds.has(rule.ID ?? '')).length - compared.changed.length - compared.missing.length;
  findings.push({
    level: 'info',
    message: `Read back ${after.length} rules: managed rules present; ${unchanged} other rule(s) as written (compared in meaning).`,
  });
  return findings;
}
