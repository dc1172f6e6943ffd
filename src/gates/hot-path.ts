import { PrometheusFailure, type PrometheusClient } from '../clients/prometheus.js';
import { formatDuration } from '../config/duration.js';
import type { HotPathSettings } from '../config/types.js';
import type { HotPathCheck } from '../hot-path/checks.js';
import { conditionText, erroredCheck, evaluateCheck, formatValue, sampleTime, satisfies, type CheckEvaluation } from '../hot-path/evaluate.js';
import { graphLink } from '../hot-path/graph-link.js';
import { labelText } from '../hot-path/series.js';
import { observationWindow, type ObservationWindow } from '../hot-path/window.js';
import type { GateContext, GateDefinition } from './types.js';
import { type Fact, type Finding, type GateOutcome, type Section, outcome } from '../verdict.js';
import { sleep } from '../util/sleep.js';

/** Sample rows in the report; the graph link shows the rest. */
const MAX_SAMPLE_ROWS = 300;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Observes the chat hot path in Prometheus while the rollout runs: every check's query is sampled
 * at hot-path-step over hot-path-window, and every sample must satisfy the check's comparison.
 * Queries are tried once first (a bad query or an unreachable Prometheus fails at once), then the
 * gate polls each step and stops early at the first broken threshold, else judges the whole window.
 */
async function runHotPath(context: GateContext): Promise<GateOutcome> {
  const { config, prometheus, log, now, previous } = context;
  const settings = config.hotPath;
  const prometheusUrl = config.prometheus?.url;
  if (settings === undefined || prometheusUrl === undefined || prometheus === undefined) {
    throw new Error('The hot-path gate needs prometheus-url and hot-path-checks.');
  }
  const gateStartMs = now().getTime();
  const runStartMs = Math.min(gateStartMs, ...previous.map((result) => Date.parse(result.startedAt)).filter(Number.isFinite));
  const window = observationWindow({ runStartMs, gateStartMs, windowMs: settings.windowMs, stepMs: settings.stepMs });
  const links = settings.checks.map((check) => graphLink(prometheusUrl, check.query, window));
  const render = (evaluations: readonly CheckEvaluation[], observation: string) =>
    hotPathOutcome({ settings, window, evaluations, observation, links, prometheus: prometheus.label });

  const preflight = await Promise.all(
    settings.checks.map(async (check) => {
      try {
        await prometheus.instant(check.query);
        return undefined;
      } catch (error) {
        return erroredCheck(check, describeFailure(check, error));
      }
    }),
  );
  if (preflight.some((evaluation) => evaluation !== undefined)) {
    const evaluations = settings.checks.map((check, index) => preflight[index] ?? notJudged(check, 'Not judged: another check could not be queried.'));
    return render(evaluations, 'Not observed: a query failed before the window was sampled.');
  }

  log.info(
    `hot-path: observing ${settings.checks.length} check(s) over ${iso(window.startMs)} .. ${iso(window.endMs)} (step ${formatDuration(window.stepMs)}) on ${prometheus.label}`,
  );
  const sample = (untilMs: number, partial: boolean) =>
    Promise.all(settings.checks.map((check) => sampleCheck(prometheus, check, window, untilMs, settings.minSamples, partial, log)));

  // Bounded by the number of steps, so a clock that stands still cannot loop forever.
  for (let poll = 0; poll <= window.expectedSamples; poll += 1) {
    const wait = window.endMs - now().getTime();
    if (wait <= 0) break;
    await sleep(Math.min(window.stepMs, wait));
    const untilMs = now().getTime();
    if (untilMs >= window.endMs) break;
    const partial = await sample(untilMs, true);
    const broken = partial.find((evaluation) => evaluation.verdict === 'FAIL');
    if (broken !== undefined) {
      log.info(`hot-path: ${broken.check.name} broke ${conditionText(broken.check)}; stopping early`);
      return render(
        partial,
        `Stopped early at ${iso(untilMs)}, ${formatDuration(Math.round((untilMs - window.startMs) / 1000) * 1000)} into the window: ${broken.check.name} broke its threshold.`,
      );
    }
  }
  const waited = Math.max(0, window.endMs - gateStartMs);
  const evaluations = await sample(window.endMs, false);
  return render(
    evaluations,
    waited > 0
      ? `Waited ${formatDuration(Math.round(waited / 1000) * 1000)} for the window to end, then judged all of it.`
      : 'The window had already ended when the gate started: judged at once.',
  );
}

async function sampleCheck(
  prometheus: PrometheusClient,
  check: HotPathCheck,
  window: ObservationWindow,
  untilMs: number,
  minSamples: number,
  partial: boolean,
  log: GateContext['log'],
): Promise<CheckEvaluation> {
  try {
    const data = await prometheus.range(check.query, new Date(window.startMs), new Date(untilMs), window.stepMs);
    return evaluateCheck(check, data, { minSamples, partial });
  } catch (error) {
    const message = describeFailure(check, error);
    if (!partial) return erroredCheck(check, message);
    // A failed poll is no verdict: the final query over the whole window decides.
    log.warning(`hot-path: poll failed, the final query decides: ${message}`);
    return notJudged(check, 'Not judged yet.');
  }
}

function notJudged(check: HotPathCheck, reason: string): CheckEvaluation {
  return { check, verdict: 'INCOMPLETE', samples: 0, violations: 0, worst: undefined, series: [], data: [], reason };
}

function describeFailure(check: HotPathCheck, error: unknown): string {
  const message = error instanceof Error ? error.message : `non-Error thrown: ${String(error)}`;
  const fix = error instanceof PrometheusFailure && error.kind === 'bad-query' ? ` Fix the query of '${check.name}' in hot-path-checks.` : '';
  return `Check '${check.name}': ${message}${fix}`;
}

interface OutcomeInput {
  readonly settings: HotPathSettings;
  readonly window: ObservationWindow;
  readonly evaluations: readonly CheckEvaluation[];
  readonly observation: string;
  readonly links: readonly string[];
  readonly prometheus: string;
}

const REMEDIATION = {
  FAIL: 'The hot path did not hold during the rollout: stop here, open the graph, and roll back or fix what slowed it.',
  TOO_FEW_SAMPLES:
    'Not proven: make sure Prometheus scrapes the service at least once per hot-path-step; lower hot-path-min-samples only if gaps are expected.',
  NO_DATA:
    'If the environment has no traffic, set on-no-data: pass and keep a minimum request-rate check (it fails when traffic is expected but absent); otherwise check the metric names and labels of the query.',
  ERROR: 'Check prometheus-url, that Prometheus is up, and the query (it must return numbers).',
} as const;

function findingOf(evaluation: CheckEvaluation, onNoData: HotPathSettings['onNoData']): Finding {
  const { check, verdict, reason } = evaluation;
  const evidence = `${check.query} ${conditionText(check)}`;
  switch (verdict) {
    case 'PASS':
      return { level: 'info', message: `${check.name}: PASS. ${reason}`, evidence };
    case 'INCOMPLETE':
      // Not judged to the end (another check failed first): never a passing verdict on its own.
      return { level: 'unverifiable', message: `${check.name}: ${reason}`, evidence };
    case 'FAIL':
    case 'TOO_FEW_SAMPLES':
      return { level: 'fail', message: `${check.name}: ${verdict}. ${reason}`, evidence, remediation: REMEDIATION[verdict] };
    case 'NO_DATA':
      return onNoData === 'fail'
        ? { level: 'fail', message: `${check.name}: NO_DATA, so FAIL (on-no-data: fail). ${reason}`, evidence, remediation: REMEDIATION.NO_DATA }
        : { level: 'warn', message: `${check.name}: NO_DATA, passed as WARN (on-no-data: pass). ${reason}`, evidence, remediation: REMEDIATION.NO_DATA };
    case 'ERROR':
      return { level: 'error', message: `${check.name}: ERROR. ${reason}`, evidence, remediation: REMEDIATION.ERROR };
  }
}

/** The verdict as the report shows it: NO_DATA says what the policy made of it. */
function verdictText(evaluation: CheckEvaluation, onNoData: HotPathSettings['onNoData']): string {
  if (evaluation.verdict !== 'NO_DATA') return evaluation.verdict;
  return onNoData === 'fail' ? 'NO_DATA (FAIL by on-no-data)' : 'NO_DATA (WARN by on-no-data)';
}

function hotPathOutcome({ settings, window, evaluations, observation, links, prometheus }: OutcomeInput): GateOutcome {
  const findings = evaluations.map((evaluation) => findingOf(evaluation, settings.onNoData));
  const span = `${formatDuration(window.endMs - window.startMs)} at ${formatDuration(window.stepMs)} steps`;
  const facts: Fact[] = [
    { label: 'Prometheus', value: prometheus },
    { label: 'Checks', value: `${settings.checks.length} from ${settings.checksSource}` },
    {
      label: 'Window',
      value: `${iso(window.startMs)} to ${iso(window.endMs)} (${span}; it ends hot-path-window after the run started, never before this gate started)`,
    },
    { label: 'Samples per series', value: `${window.expectedSamples} possible, ${settings.minSamples} required; every sample must satisfy the condition` },
    { label: 'On no data', value: settings.onNoData },
    { label: 'Observation', value: observation },
  ];
  const failing = evaluations.filter(
    (evaluation) => ['FAIL', 'TOO_FEW_SAMPLES', 'ERROR'].includes(evaluation.verdict) || (evaluation.verdict === 'NO_DATA' && settings.onNoData === 'fail'),
  );
  const noData = evaluations.filter((evaluation) => evaluation.verdict === 'NO_DATA');
  const summary =
    failing.length > 0
      ? `${failing.map((evaluation) => `${evaluation.check.name} ${evaluation.verdict}`).join(', ')}: ${failing[0]?.reason ?? ''}`
      : `All ${evaluations.length} hot-path check(s) held over ${span}${noData.length > 0 ? `; ${noData.length} had no data (on-no-data: pass)` : ''}.`;

  const sections: Section[] = [
    {
      kind: 'table',
      title: 'Checks',
      headers: ['Check', 'Query', 'Condition', 'Samples', 'Worst', 'Breaking', 'Verdict'],
      rows: evaluations.map((evaluation) => [
        evaluation.check.name,
        evaluation.check.query,
        conditionText(evaluation.check),
        `${evaluation.samples} (${evaluation.series.length} series)`,
        evaluation.worst === undefined ? '' : `${formatValue(evaluation.worst.sample.value, evaluation.check.unit)} at ${sampleTime(evaluation.worst.sample)}`,
        String(evaluation.violations),
        verdictText(evaluation, settings.onNoData),
      ]),
    },
    {
      kind: 'links',
      title: 'Graphs (the judged window on Prometheus)',
      links: evaluations.map((evaluation, index) => ({ label: evaluation.check.name, url: links[index] ?? '' })),
    },
    samplesSection(evaluations),
  ];
  const described = settings.checks.filter((check) => check.description !== undefined);
  if (described.length > 0) {
    sections.push({
      kind: 'table',
      title: 'What each check means',
      headers: ['Check', 'Description'],
      rows: described.map((check) => [check.name, check.description ?? '']),
    });
  }
  return outcome(summary, findings, facts, sections);
}

function samplesSection(evaluations: readonly CheckEvaluation[]): Section {
  const rows: string[][] = [];
  let total = 0;
  for (const evaluation of evaluations) {
    for (const series of evaluation.data) {
      for (const sample of series.samples) {
        total += 1;
        if (rows.length >= MAX_SAMPLE_ROWS) continue;
        const holds = Number.isNaN(sample.value) ? 'no value' : satisfies(sample.value, evaluation.check.comparison, evaluation.check.threshold) ? 'yes' : 'NO';
        rows.push([evaluation.check.name, labelText(series.labels), sampleTime(sample), formatValue(sample.value, evaluation.check.unit), holds]);
      }
    }
  }
  if (total > rows.length) rows.push(['', '', '', `${total - rows.length} more samples`, 'see the graphs']);
  return { kind: 'table', title: 'Samples', headers: ['Check', 'Series', 'Time (UTC)', 'Value', 'Holds'], rows };
}

export const hotPathGate: GateDefinition = {
  id: 'hot-path',
  title: 'Hot-path rollout',
  report: 'hot-path-rollout-latest.md',
  run: runHotPath,
};
