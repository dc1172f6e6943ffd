import { S3Failure } from '../../clients/s3.js';
import { ageDays, growthFacts, judgeGrowth, overdueSection, type GrowthPolicy } from '../../growth/judge.js';
import { GROWTH_PUSH_JOB, renderExposition, resultSamples, scanSamples } from '../../growth/metrics.js';
import { MAX_LIST_REQUESTS_IN_FLIGHT, scanPrefix, type ScanResult } from '../../growth/scan.js';
import { overdueCutoff } from '../../growth/tally.js';
import { runInventoryGrowth } from './inventory.js';
import { pushGrowth } from './push.js';
import { type GateContext, type GateDefinition } from '../types.js';
import { type Finding, type GateOutcome, PASSING_STATUSES, type Section, outcome, statusOf } from '../../verdict.js';

/**
 * Retention audit of `<prefix>/<env>/`: counts objects and bytes by streaming the listing, and
 * FAILs when objects older than expire-days plus the grace exist (lifecycle is not executing).
 * Publishes the figures to the Pushgateway when pushgateway-url is set.
 */
async function runGrowth(context: GateContext): Promise<GateOutcome> {
  if (context.config.growth.source === 'inventory') return runInventoryGrowth(context);
  const { config, s3, now } = context;
  const scanNow = now();
  const overdueBefore = overdueCutoff(scanNow, config.expireDays, config.growth.graceDays);
  const policy: GrowthPolicy = { prefix: config.envPrefix, now: scanNow, expireDays: config.expireDays, graceDays: config.growth.graceDays, overdueBefore };
  const started = performance.now();
  let scan: ScanResult;
  try {
    scan = await scanPrefix((request) => s3.listObjectsPage(request), { prefix: config.envPrefix, overdueBefore });
  } catch (error) {
    // Tell the alerts the gate ran and did not pass; the last good figures stay (POST).
    const pushProblem = await pushGrowth(context, 'POST', renderExposition(resultSamples(false, scanNow)));
    if (pushProblem) context.log.warning(pushProblem.message);
    if (error instanceof S3Failure && error.code === 'NoSuchBucket') {
      return outcome(`Bucket ${config.s3.bucket} does not exist: nothing to audit.`, [
        {
          level: 'fail',
          message: `Bucket ${config.s3.bucket} does not exist.`,
          evidence: error.message,
          remediation: "Run the 'bucket' and 'lifecycle' gates with mode: apply first.",
        },
      ]);
    }
    throw error;
  }
  const scanSeconds = (performance.now() - started) / 1000;
  const { tally, stats } = scan;
  const judged = judgeGrowth(tally, policy);
  const findings: Finding[] = [...judged.findings];
  const passed = PASSING_STATUSES.includes(statusOf(findings));

  const exposition = renderExposition(scanSamples(tally, { passed, now: scanNow, scanSeconds }));
  const pushProblem = await pushGrowth(context, 'PUT', exposition);
  if (pushProblem) findings.push(pushProblem);
  else if (config.growth.pushgatewayUrl === undefined)
    findings.push({ level: 'info', message: 'pushgateway-url is unset: the figures were not pushed (the alerts have nothing to read).' });
  else
    findings.push({
      level: 'info',
      message: `Pushed the growth gauges to ${config.growth.pushgatewayUrl.origin} (job ${GROWTH_PUSH_JOB}, env ${config.appEnv}, prefix ${config.envPrefix}).`,
    });

  const sections: Section[] = [];
  if (tally.overdue > 0) sections.push(overdueSection(tally, policy));
  sections.push({ kind: 'code', title: 'Gauges (Prometheus text format)', language: 'text', text: exposition.trimEnd() });
  const facts = [
    ...growthFacts(tally, policy),
    { label: 'Newest object age', value: tally.newest ? `${ageDays(scanNow, tally.newest.lastModified).toFixed(1)} days` : 'none' },
    {
      label: 'Scan',
      value: `${stats.requests} ListObjectsV2 request(s), ${stats.shards} shard(s), at most ${stats.maxInFlight} in flight (limit ${MAX_LIST_REQUESTS_IN_FLIGHT}), ${stats.gapKeys} key(s) outside the shards, ${scanSeconds.toFixed(2)} s`,
    },
    { label: 'Pushgateway', value: config.growth.pushgatewayUrl?.origin ?? 'not set' },
  ];
  return {
    ...outcome(judged.summary, findings, facts, sections),
    outputs: { 'growth-objects': String(tally.objects), 'growth-bytes': String(tally.bytes), 'growth-overdue': String(tally.overdue) },
  };
}

export const growthGate: GateDefinition = {
  id: 'growth',
  title: 'Chat attachment prefix growth',
  report: 'chat-attachment-growth-latest.md',
  run: runGrowth,
};
