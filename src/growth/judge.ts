import type { GrowthTally } from './tally.js';
import type { Fact, Finding, Section } from '../verdict.js';

export interface GrowthPolicy {
  readonly prefix: string;
  readonly now: Date;
  readonly expireDays: number;
  readonly graceDays: number;
  readonly overdueBefore: Date;
  /** What `now` is, in the facts: the scan's time, or the time an inventory report describes. */
  readonly nowLabel?: string;
}

export function ageDays(now: Date, then: Date): number {
  return (now.getTime() - then.getTime()) / 86_400_000;
}

const days = (value: number) => `${value.toFixed(1)} days`;

/** Objects past expire-days plus the grace prove lifecycle is not executing: a FAIL. */
export function judgeGrowth(tally: GrowthTally, policy: GrowthPolicy): { summary: string; findings: Finding[] } {
  const limit = policy.expireDays + policy.graceDays;
  if (tally.overdue > 0) {
    const oldest = tally.oldest;
    return {
      summary: `${tally.overdue} of ${tally.objects} object(s) under ${policy.prefix} are older than ${limit} days (expire-days ${policy.expireDays} + grace ${policy.graceDays}): lifecycle is not executing.`,
      findings: [
        {
          level: 'fail',
          message: `${tally.overdue} object(s) (${tally.overdueBytes} bytes) under ${policy.prefix} were last modified before ${policy.overdueBefore.toISOString()}, more than ${limit} days ago; lifecycle should have expired them.`,
          ...(oldest ? { evidence: `oldest: ${oldest.key}, ${days(ageDays(policy.now, oldest.lastModified))} old` } : {}),
          remediation:
            'Check that the lifecycle rule covers the prefix (verify gate) and that the server runs lifecycle (RGW: rgw_enable_lc_threads, `radosgw-admin lc list`; MinIO: scanner; AWS: expiry runs daily). See the overdue sample below.',
        },
      ],
    };
  }
  const oldestText = tally.oldest ? `; oldest ${days(ageDays(policy.now, tally.oldest.lastModified))}` : '';
  return {
    summary: `${tally.objects} object(s), ${tally.bytes} bytes under ${policy.prefix}; none older than ${limit} days${oldestText}.`,
    findings: [{ level: 'info', message: `No object under ${policy.prefix} is older than expire-days ${policy.expireDays} + grace ${policy.graceDays} days.` }],
  };
}

export function growthFacts(tally: GrowthTally, policy: GrowthPolicy): Fact[] {
  return [
    { label: 'Objects', value: String(tally.objects) },
    { label: 'Bytes', value: String(tally.bytes) },
    { label: '.bin objects', value: String(tally.byKind.bin) },
    { label: '.json objects', value: String(tally.byKind.json) },
    { label: 'Other objects', value: String(tally.byKind.other) },
    {
      label: 'Oldest object age',
      value: tally.oldest ? `${days(ageDays(policy.now, tally.oldest.lastModified))} (${tally.oldest.key})` : 'none (empty prefix)',
    },
    {
      label: 'Overdue after',
      value: `${policy.expireDays + policy.graceDays} days (expire-days ${policy.expireDays} + retention-grace-days ${policy.graceDays}), i.e. last modified before ${policy.overdueBefore.toISOString()}`,
    },
    { label: 'Overdue objects', value: String(tally.overdue) },
    { label: policy.nowLabel ?? 'Scan time (now)', value: policy.now.toISOString() },
  ];
}

export function overdueSection(tally: GrowthTally, policy: GrowthPolicy): Section {
  return {
    kind: 'table',
    title: `Overdue objects (the ${tally.overdueSample.length} oldest of ${tally.overdue})`,
    headers: ['Key', 'Last modified', 'Age', 'Bytes'],
    rows: tally.overdueSample.map((object) => [
      object.key,
      object.lastModified.toISOString(),
      days(ageDays(policy.now, object.lastModified)),
      String(object.size),
    ]),
  };
}
