import type { Config } from '../../config/types.js';
import { evaluateCoverage } from '../../lifecycle/coverage.js';
import { managedRuleIds } from '../../lifecycle/managed.js';
import type { LifecycleRule } from '../../lifecycle/rule.js';
import { cleanupBudgetMs, debrisBudgetMs, storageBudgetMs } from '../../smoke/budget.js';
import { formatAge } from '../../smoke/debris.js';
import { inStartOrder, latencyLine, latencySections, latencyTotals } from '../../smoke/latency.js';
import { MIB, planSmokeObjects } from '../../smoke/objects.js';
import { smokeRunId, smokeRunPrefix } from '../../smoke/run-id.js';
import { budgetSignal } from '../../util/cancellation.js';
import { runApiLevel, type ApiDetails } from './api.js';
import { cleanUpRun } from './cleanup.js';
import { sweepDebris, type DebrisDetails } from './debris.js';
import { SmokeProbe } from './probe.js';
import { initialStorageState, runStorageLevel } from './storage.js';
import type { GateContext, GateDefinition } from '../types.js';
import { type GateOutcome, decidingFinding, outcome } from '../../verdict.js';

export interface SmokeGateOptions {
  /** A fixed run id (tests); by default the time plus 4 random bytes. */
  readonly runId?: (now: Date) => string;
  readonly random?: (size: number) => Uint8Array;
}

/**
 * Proves the attachment path on real objects under `<prefix>/<env>/_smoke/<run-id>/` (written in
 * every mode: a test, not configuration), that the managed lifecycle rule covers them, and, with
 * chat-api-url, that the service stores uploads in S3. The storage level has a time budget;
 * cleanup, in a finally, has its own and runs even after a cancellation. Then earlier runs'
 * debris is swept (reported only, in plan mode).
 */
async function runSmoke(context: GateContext, options: SmokeGateOptions): Promise<GateOutcome> {
  const { config, s3, log, cancellation } = context;
  const timeoutMs = config.s3.timeoutMs;
  const started = context.now();
  // node:crypto loads here, when the gate runs, not at every start-up.
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  const random = options.random ?? ((size: number) => new Uint8Array(randomBytes(size)));
  const runId = options.runId?.(started) ?? smokeRunId(started, randomBytes(4));
  const runPrefix = smokeRunPrefix(config.envPrefix, runId);
  const managedRuleId = managedRuleIds(config.prefix, config.appEnv).expiration;
  const probe = new SmokeProbe(runPrefix, config.s3.bucket);
  const objects = planSmokeObjects({ runPrefix, runId, createdAt: started, multipartThresholdBytes: config.smoke.multipartThresholdBytes, random });
  const state = initialStorageState();
  const applyHint = `Run the lifecycle gate with mode: apply so ${managedRuleId} expires ${config.envPrefix} after ${config.expireDays} days.`;

  log.info(`Smoke run ${runId}: test objects under ${runPrefix}`);
  try {
    const storage = s3.scoped({ signal: budgetSignal(storageBudgetMs(timeoutMs), 'the smoke storage level') });
    await runStorageLevel({ s3: storage, probe, runPrefix, envPrefix: config.envPrefix, objects, applyHint }, state);
  } finally {
    // Not skipped after an unreachable verdict, not aborted by the cancellation: bounded by its own budget.
    const cleanup = s3.scoped({ signal: cancellation.cleanupSignal(cleanupBudgetMs(timeoutMs), 'the smoke cleanup'), cleanup: true });
    await cleanUpRun(cleanup, probe, runPrefix, state);
  }

  let api: ApiDetails | undefined;
  let debris: DebrisDetails | undefined;
  if (cancellation.signal.aborted) {
    probe.add({ level: 'info', message: `The run was cancelled: the API level and the sweep of earlier runs' debris did not run.` });
  } else if (config.smoke.api === undefined) {
    probe.add({ level: 'info', message: 'API level skipped: chat-api-url is not set (only the storage level ran).' });
  } else if (context.chatApi === undefined) {
    probe.add({ level: 'error', message: 'chat-api-url is set but no chat API client was provided to the gate.' });
  } else {
    api = await runApiLevel({
      api: context.chatApi,
      settings: config.smoke.api,
      s3,
      bucket: config.s3.bucket,
      probe,
      runId,
      prefix: config.prefix,
      appEnv: config.appEnv,
      envPrefix: config.envPrefix,
      rules: state.rules,
      applyHint,
      random,
    });
    if (api.objectKey !== null && api.inBucket === true) {
      probe.add({
        level: 'info',
        message: `The attachment uploaded through the chat API (${api.objectKey}) is not deleted: it lies outside the run prefix, and the managed lifecycle rule expires it after ${config.expireDays} days.`,
      });
    }
  }
  if (!cancellation.signal.aborted && !state.wroteAny) {
    probe.add({ level: 'info', message: "Earlier runs' debris was not checked: the run stopped before it wrote anything." });
  } else if (!cancellation.signal.aborted) {
    debris = await sweepDebris({
      s3: s3.scoped({ signal: budgetSignal(debrisBudgetMs(timeoutMs), "the sweep of earlier runs' debris") }),
      probe,
      envPrefix: config.envPrefix,
      runId,
      versioning: state.versioning,
      staleAfterMs: config.smoke.staleAfterMs,
      mode: config.mode,
      runnerNow: context.now(),
    });
  }

  const records = inStartOrder(probe.records);
  const totals = latencyTotals(records, probe.wallMs());
  log.info(`Smoke latency: ${latencyLine(totals)}`);
  const multipart = objects.filter((object) => object.upload === 'multipart');
  const facts = [
    { label: 'Run id', value: runId },
    { label: 'Run prefix', value: runPrefix },
    {
      label: 'Writes',
      value:
        "test objects under the run prefix in every mode, deleted before the gate ends; in mode apply, stale earlier runs' debris under _smoke/ is removed",
    },
    { label: 'Versioning', value: state.versioning },
    { label: 'Managed rule', value: `${managedRuleId} (expire-days ${config.expireDays})` },
    { label: 'Retention (verify judges it)', value: quoteRetention(state.rules, config, managedRuleId, started) },
    { label: 'Multipart threshold', value: `${config.smoke.multipartThresholdBytes / MIB} MiB` },
    {
      label: 'Objects',
      value: objects
        .map((object) => `${object.name} ${object.body.length} B ${object.upload === 'multipart' ? `multipart, ${object.parts.length} parts` : 'single PUT'}`)
        .join('; '),
    },
    { label: 'Chat API', value: api ? api.url : 'not checked (chat-api-url unset)' },
    { label: 'Earlier runs', value: debrisFact(debris, config.smoke.staleAfterMs) },
    { label: 'Latency', value: latencyLine(totals) },
  ];
  const details = {
    runId,
    runPrefix,
    versioning: state.versioning,
    managedRuleId,
    expireDays: config.expireDays,
    multipartThresholdBytes: config.smoke.multipartThresholdBytes,
    objects: objects.map((object) => ({
      name: object.name,
      key: object.key,
      bytes: object.body.length,
      upload: object.upload,
      parts: object.parts.length,
      sha256: object.sha256,
    })),
    api: api ?? null,
    debris: debris ?? null,
    operations: records,
    totals,
  };
  const deciding = decidingFinding(probe.findings);
  const summary =
    deciding === undefined
      ? `Attachment path works: ${objects.length} objects (${multipart.length} multipart) written, read back, listed and deleted under ${runPrefix}; the server expires them ${state.expiry ?? ''} as the bucket's rules give${api ? `; the chat API stores uploads in the bucket` : ''}.`
      : `${deciding.message}${probe.findings.filter((finding) => finding.level !== 'info').length > 1 ? ' (and more findings)' : ''}`;
  return { ...outcome(summary, probe.findings, facts, latencySections(records, totals)), details };
}

/** Smoke does not judge the retention (verify does, from the same rules); its report quotes it. */
function quoteRetention(rules: readonly LifecycleRule[] | undefined, config: Config, managedId: string, now: Date): string {
  if (rules === undefined) return 'unknown (the lifecycle configuration could not be read)';
  const [coverage] = evaluateCoverage({
    rules,
    versioning: 'Unversioned',
    requiredPrefixes: [config.envPrefix],
    expectExpireDays: config.expectExpireDays,
    managedId,
    envPrefix: config.envPrefix,
    now,
  });
  if (coverage?.effectiveDays === undefined) return `none: no enabled rule expires ${config.envPrefix}`;
  return `${coverage.effectiveDays} days under ${config.envPrefix} (rule ${coverage.decidingRule ?? ''})`;
}

function debrisFact(debris: DebrisDetails | undefined, staleAfterMs: number): string {
  if (debris === undefined) return 'not checked';
  const parts = [
    debris.removed.length > 0 ? `removed ${debris.removed.length} stale run(s)` : '',
    debris.planned.length > 0 ? `${debris.planned.length} stale run(s) left for mode: apply` : '',
    debris.kept.length > 0 ? `kept ${debris.kept.length} not stale` : '',
  ].filter(Boolean);
  return `${parts.join('; ') || 'no debris'} (smoke-stale-after ${formatAge(staleAfterMs)})`;
}

export function createSmokeGate(options: SmokeGateOptions = {}): GateDefinition {
  return {
    id: 'smoke',
    title: 'Chat attachment S3 smoke',
    report: 'chat-attachment-s3-smoke-latest.md',
    // It changes nothing lasting, but it writes test objects, so the report states the run's mode.
    mode: (config) => config.mode,
    run: (context) => runSmoke(context, options),
  };
}

export const smokeGate = createSmokeGate();
