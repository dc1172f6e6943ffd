import { abortUploadsFinding } from '../lifecycle/abort-uploads.js';
import { evaluateCoverage, type ExpectedRetention } from '../lifecycle/coverage.js';
import { managedRuleIds } from '../lifecycle/managed.js';
import { readBucketState } from './bucket-state.js';
import type { GateContext, GateDefinition } from './types.js';
import { type Finding, type GateOutcome, outcome } from '../verdict.js';

/** Judges from the rules alone that every required prefix expires, and after how long. */
async function runVerify({ config, s3, now }: GateContext): Promise<GateOutcome> {
  // Asks the server again: verify confirms what is in force now, not lifecycle's read-back, so a
  // rule removed after apply (another owner of the configuration) fails it and the rollout retries.
  const state = await readBucketState(s3, { fresh: true });
  if (state === 'missing') {
    return outcome(`Bucket ${config.s3.bucket} does not exist.`, [
      {
        level: 'fail',
        message: `Bucket ${config.s3.bucket} does not exist, so nothing under it expires.`,
        remediation: "Run the 'bucket' and 'lifecycle' gates with mode: apply.",
      },
    ]);
  }
  const [rules, versioning] = state;
  const coverage = evaluateCoverage({
    rules,
    versioning,
    requiredPrefixes: config.requiredPrefixes,
    expectExpireDays: config.expectExpireDays,
    managedId: managedRuleIds(config.prefix, config.appEnv).expiration,
    envPrefix: config.envPrefix,
    now: now(),
  });
  const findings: Finding[] = [...coverage.flatMap((prefix) => prefix.findings), abortUploadsFinding(rules, config.envPrefix)];
  const failing = coverage.filter((prefix) => prefix.findings.some((finding) => finding.level === 'fail'));
  const summary =
    failing.length > 0
      ? `${failing.length} of ${coverage.length} required prefix(es) fail: ${failing.map((prefix) => prefix.prefix).join(', ')}.`
      : `Every required prefix expires: ${coverage.map((prefix) => `${prefix.prefix} after ${prefix.effectiveDays} days`).join('; ')}.`;
  return outcome(
    summary,
    findings,
    [
      { label: 'Required prefixes', value: config.requiredPrefixes.join(', ') },
      { label: 'Expected retention', value: describeExpected(coverage[0]?.expected) },
      { label: 'Versioning', value: versioning },
      { label: 'Rules read', value: String(rules.length) },
    ],
    [
      {
        kind: 'table',
        title: 'Coverage',
        headers: ['Key', 'Expiring rules', 'Effective retention', 'Deciding rule'],
        rows: coverage.flatMap((prefix) =>
          prefix.keys.map((key) => [
            key.key,
            key.expiringRules.join(', ') || 'none',
            prefix.effectiveDays === undefined ? 'never' : `${prefix.effectiveDays} days`,
            prefix.decidingRule ?? '',
          ]),
        ),
      },
    ],
  );
}

function describeExpected(expected: ExpectedRetention | undefined): string {
  return expected === undefined ? 'any positive (expect-expire-days unset, managed rule not in the bucket)' : `${expected.days} days (${expected.source})`;
}

export const verifyGate: GateDefinition = {
  id: 'verify',
  title: 'Chat attachment lifecycle verification',
  report: 'chat-attachment-lifecycle-verify-latest.md',
  run: runVerify,
};
