import { S3Failure } from '../../clients/s3.js';
import { InventoryProblem } from '../../growth/inventory-manifest.js';
import { scanInventory, type InventoryScanResult } from '../../growth/inventory-scan.js';
import { ageDays, growthFacts, judgeGrowth, overdueSection, type GrowthPolicy } from '../../growth/judge.js';
import { renderExposition, resultSamples, scanSamples } from '../../growth/metrics.js';
import { pushGrowth, pushGrowthFigures } from './push.js';
import { type GateContext } from '../types.js';
import { type Fact, type Finding, type GateOutcome, PASSING_STATUSES, type Section, outcome, statusOf } from '../../verdict.js';

/** S3 Inventory reports arrive daily (or weekly); one older than this means deliveries stopped. */
export const INVENTORY_STALE_HOURS = 48;

/**
 * The growth gate with growth-source: inventory. Same figures and verdict as the listing, read
 * from the newest S3 Inventory report instead: objects are overdue as of the report's
 * creationTimestamp, and a report older than 48 hours is a WARN. A report that cannot be trusted
 * (not CSV, damaged, another bucket's) is UNVERIFIABLE, never PASS.
 */
export async function runInventoryGrowth(context: GateContext): Promise<GateOutcome> {
  const { config, s3, now } = context;
  const location = config.growth.inventoryLocation;
  if (location === undefined) throw new Error('growth-source is inventory but inventory-location is unset');
  const locationUrl = `s3://${location.bucket}/${location.prefix}`;
  const runNow = now();
  const started = performance.now();
  let scan: InventoryScanResult;
  try {
    scan = await scanInventory(s3, {
      location,
      sourceBucket: config.s3.bucket,
      prefix: config.envPrefix,
      expireDays: config.expireDays,
      graceDays: config.growth.graceDays,
    });
  } catch (error) {
    // Tell the alerts the gate ran and did not pass; the last good figures stay (POST).
    const pushProblem = await pushGrowth(context, 'POST', renderExposition(resultSamples(false, runNow)));
    if (pushProblem) context.log.warning(pushProblem.message);
    const facts: Fact[] = [{ label: 'Source', value: `S3 Inventory below ${locationUrl}` }];
    if (error instanceof InventoryProblem) {
      return outcome(
        `The inventory cannot be used: ${error.message}`,
        [{ level: 'unverifiable', message: error.message, remediation: error.remediation }],
        facts,
      );
    }
    if (error instanceof S3Failure && error.code === 'NoSuchBucket') {
      return outcome(
        `The inventory bucket ${location.bucket} does not exist.`,
        [
          {
            level: 'unverifiable',
            message: `inventory-location names bucket ${location.bucket}, which does not exist.`,
            evidence: error.message,
            remediation: "Set inventory-location to the inventory configuration's destination bucket and prefix.",
          },
        ],
        facts,
      );
    }
    if (error instanceof S3Failure && error.kind === 'access-denied') {
      return outcome(
        `Reading the inventory was denied: ${error.message}`,
        [
          {
            level: 'unverifiable',
            message: error.message,
            remediation: `Grant these credentials s3:ListBucket on ${location.bucket} (prefix ${location.prefix || '/'}) and s3:GetObject on its objects.`,
          },
        ],
        facts,
      );
    }
    throw error;
  }
  const scanSeconds = (performance.now() - started) / 1000;
  const { tally, versions, manifest } = scan;
  const asOf = manifest.creationTime;
  const policy: GrowthPolicy = {
    prefix: config.envPrefix,
    now: asOf,
    expireDays: config.expireDays,
    graceDays: config.growth.graceDays,
    overdueBefore: scan.overdueBefore,
    nowLabel: 'Inventory time (creationTimestamp)',
  };
  const judged = judgeGrowth(tally, policy);
  const findings: Finding[] = [...judged.findings, ...inventoryFindings(scan, runNow, config.envPrefix)];
  const passed = PASSING_STATUSES.includes(statusOf(findings));
  const exposition = renderExposition(scanSamples(tally, { passed, now: runNow, scanSeconds, asOf }));
  findings.push(await pushGrowthFigures(context, exposition));

  const sections: Section[] = [];
  if (tally.overdue > 0) sections.push(overdueSection(tally, policy));
  sections.push({ kind: 'code', title: 'Gauges (Prometheus text format)', language: 'text', text: exposition.trimEnd() });
  const ageHours = (runNow.getTime() - asOf.getTime()) / 3_600_000;
  const facts: Fact[] = [
    { label: 'Source', value: `S3 Inventory ${scan.manifestUrl}` },
    ...growthFacts(tally, policy),
    { label: 'Newest object age', value: tally.newest ? `${ageDays(asOf, tally.newest.lastModified).toFixed(1)} days` : 'none' },
    { label: 'Inventory age', value: `${ageHours.toFixed(1)} hours at ${runNow.toISOString()} (WARN above ${INVENTORY_STALE_HOURS})` },
    {
      label: 'Versions',
      value: scan.allVersions
        ? `${versions.noncurrent} noncurrent version(s) (${versions.noncurrentBytes} bytes), ${versions.deleteMarkers} delete marker(s) under ${config.envPrefix}; not counted as objects`
        : 'current versions only (the inventory configuration lists current versions)',
    },
    {
      label: 'Inventory read',
      value: `${scan.filesRead} CSV file(s), ${scan.bytesRead} compressed bytes, ${scan.rows} row(s), each file's size and MD5 matched the manifest; manifest.checksum ${scan.checksum}; ${scan.listings} folder listing(s); ${scanSeconds.toFixed(2)} s`,
    },
    { label: 'Pushgateway', value: config.growth.pushgatewayUrl?.origin ?? 'not set' },
  ];
  return {
    ...outcome(judged.summary, findings, facts, sections),
    outputs: { 'growth-objects': String(tally.objects), 'growth-bytes': String(tally.bytes), 'growth-overdue': String(tally.overdue) },
  };
}

/** What only an inventory can get wrong: its age, a missing checksum, a prefix it does not list. */
function inventoryFindings(scan: InventoryScanResult, runNow: Date, prefix: string): Finding[] {
  const findings: Finding[] = [];
  const created = scan.manifest.creationTime;
  const ageHours = (runNow.getTime() - created.getTime()) / 3_600_000;
  if (ageHours > INVENTORY_STALE_HOURS) {
    findings.push({
      level: 'warn',
      message: `The newest inventory report is ${ageHours.toFixed(1)} hours old (created ${created.toISOString()}), more than ${INVENTORY_STALE_HOURS} hours: the figures describe that time, not now.`,
      evidence: scan.manifestUrl,
      remediation: 'Check that the inventory configuration is enabled and daily, and that its destination bucket policy still lets S3 deliver reports.',
    });
  }
  if (scan.checksum === 'absent') {
    findings.push({
      level: 'warn',
      message: `${scan.manifestUrl} has no manifest.checksum beside it: the list of files could not be verified (each file's MD5 was).`,
      remediation: 'S3 writes manifest.checksum with every manifest; check that nothing removes it from the inventory destination.',
    });
  }
  if (scan.tally.objects === 0) {
    findings.push({
      level: 'warn',
      message: `The inventory lists no current object under ${prefix} (${scan.rows} row(s) in all).`,
      remediation: `Check that the inventory configuration's prefix filter covers ${prefix}; if the prefix is really empty, growth-source: list confirms it cheaply.`,
    });
  }
  return findings;
}
