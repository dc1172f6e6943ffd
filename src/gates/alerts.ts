import { CommandNotFound } from '../clients/exec.js';
import type { KubectlRun } from '../clients/kubectl.js';
import { judgeLoadedGroup } from '../alerts/rules-status.js';
import type { ManifestValidation } from '../alerts/validate.js';
import type { GateContext, GateDefinition } from './types.js';
import { type Fact, type Finding, type GateOutcome, type Section, outcome } from '../verdict.js';
import { sleep } from '../util/sleep.js';

/** Pause between two reads of /api/v1/rules while waiting for the group to load. */
const RULES_POLL_MS = 2000;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
const hasFailure = (findings: readonly Finding[]) => findings.some((finding) => finding.level === 'fail' || finding.level === 'error');

/**
 * Renders the PrometheusRule for this environment, validates it, then (alerts-mode) dry-runs or
 * applies it with kubectl when a cluster context exists, and verifies through prometheus-url that
 * Prometheus loaded the group and evaluates it without error.
 */
async function runAlerts(context: GateContext): Promise<GateOutcome> {
  // yaml and the manifest code load when this gate runs, not at every start-up.
  const { EXPECTED_ALERTS, manifestHeader, manifestYaml, renderPrometheusRule, ruleGroupName } = await import('../alerts/manifest.js');
  const { validateManifest } = await import('../alerts/validate.js');
  const { config } = context;
  const settings = config.alerts;
  const manifest = renderPrometheusRule({
    env: config.appEnv,
    basePrefix: config.prefix,
    labels: settings.ruleLabels,
    runbookUrl: settings.runbookUrl,
    growthPercent: settings.growthPercent,
    staleHours: settings.staleHours,
  });
  const manifestText = manifestYaml(manifest, manifestHeader(config.appEnv, config.prefix));
  const groupName = ruleGroupName(config.appEnv);
  const findings: Finding[] = [];
  const facts: Fact[] = [
    { label: 'PrometheusRule', value: `${manifest.metadata.name} (group ${groupName}, ${EXPECTED_ALERTS.length} alerts)` },
    {
      label: 'Labels',
      value: Object.entries(manifest.metadata.labels)
        .map(([key, value]) => `${key}=${value}`)
        .join(', '),
    },
    { label: 'Namespace', value: settings.k8sNamespace },
  ];
  const sections: Section[] = [{ kind: 'code', title: 'Manifest', language: 'yaml', text: manifestText.trimEnd() }];

  const validation = validateManifest(manifestText, settings.ruleLabels);
  findings.push(...validation.findings);
  const ruleCheck = await checkRules(context, validation);
  findings.push(...ruleCheck.findings);
  facts.push({ label: 'Rule check', value: ruleCheck.method });
  if (ruleCheck.output) sections.push({ kind: 'code', title: 'Rule check output', language: 'text', text: ruleCheck.output });

  let clusterAction = 'validated';
  if (hasFailure(findings)) {
    findings.push({ level: 'info', message: 'The manifest did not validate: nothing was sent to a cluster.' });
  } else {
    const cluster = await clusterStep(context, manifestText);
    findings.push(...cluster.findings);
    clusterAction = !cluster.run
      ? 'validated offline only (no cluster context)'
      : settings.mode === 'apply'
        ? `applied to ${cluster.contextName ?? ''} namespace ${settings.k8sNamespace}`
        : `passed a server-side dry run on ${cluster.contextName ?? ''}`;
    facts.push({ label: 'Cluster context', value: cluster.contextName ?? 'none (offline validation only)' });
    if (cluster.run)
      sections.push({
        kind: 'code',
        title: 'kubectl',
        language: 'text',
        text: `$ ${cluster.run.command}\n${`${cluster.run.stdout}${cluster.run.stderr}`.trim()}`,
      });
  }

  facts.push({ label: 'Prometheus', value: config.prometheusUrl?.origin ?? 'not set (loading not verified)' });
  if (config.prometheusUrl !== undefined) {
    if (hasFailure(findings)) findings.push({ level: 'info', message: 'Prometheus verification skipped: an earlier step failed.' });
    else findings.push(...(await verifyLoaded(context, groupName)));
  }

  const failure = findings.find((finding) => finding.level === 'fail' || finding.level === 'error');
  const warnings = findings.filter((finding) => finding.level === 'warn').length;
  const summary =
    failure?.message ??
    `${manifest.metadata.name} ${clusterAction}${config.prometheusUrl ? '; loaded and healthy in Prometheus' : ''}${warnings > 0 ? `; ${warnings} warning(s)` : ''}.`;
  return outcome(summary, findings, facts, sections);
}

interface RuleCheck {
  readonly method: string;
  readonly findings: Finding[];
  readonly output?: string;
}

/** promtool check rules on the extracted .spec when promtool is on the PATH, else the PromQL grammar. */
async function checkRules(context: GateContext, validation: ManifestValidation): Promise<RuleCheck> {
  if (validation.ruleFile === undefined) return { method: 'none (no spec)', findings: [] };
  const checked = context.promtool ? await context.promtool.checkRules(validation.ruleFile) : undefined;
  if (checked !== undefined) {
    const method = `promtool check rules (${checked.version})`;
    if (checked.exitCode !== 0) {
      return {
        method,
        output: checked.output,
        findings: [
          {
            level: 'fail',
            message: `promtool check rules rejected the rules: ${checked.output.split('\n').slice(-3).join(' ')}`,
            remediation: 'Fix the renderer or the alerts-* inputs; see the rule check output.',
          },
        ],
      };
    }
    return {
      method,
      output: checked.output,
      findings: [{ level: 'info', message: `promtool check rules: ${checked.output.split('\n').pop()?.trim() ?? 'SUCCESS'}` }],
    };
  }
  // The PromQL grammar loads only when promtool is missing.
  const { promqlSyntaxError } = await import('../alerts/promql.js');
  const findings: Finding[] = [];
  for (const rule of validation.rules) {
    const error = promqlSyntaxError(rule.expr);
    if (error) findings.push({ level: 'fail', message: `Alert ${rule.alert}: PromQL syntax error at offset ${error.offset} near '${error.near}'.` });
  }
  if (findings.length === 0) {
    findings.push({
      level: 'info',
      message: `promtool is not on the PATH: the ${validation.rules.length} expressions passed an in-process PromQL syntax parse (no type checks).`,
    });
  }
  return { method: 'in-process PromQL syntax parse (promtool not on the PATH)', findings };
}

interface ClusterStep {
  readonly contextName: string | undefined;
  readonly findings: Finding[];
  readonly run?: KubectlRun;
}

/** With a cluster context: kubectl apply --server-side, as a server dry run or for real. */
async function clusterStep(context: GateContext, manifestText: string): Promise<ClusterStep> {
  const settings = context.config.alerts;
  const kubectl = context.kubectl;
  if (kubectl === undefined) {
    return { contextName: undefined, findings: [{ level: 'error', message: 'No kubectl client was provided to the alerts gate.' }] };
  }
  const contextName = settings.k8sContext ?? (await kubectl.currentContext());
  if (contextName === undefined) {
    if (settings.mode === 'apply') {
      return {
        contextName,
        findings: [
          {
            level: 'fail',
            message: 'alerts-mode apply needs a cluster context, and there is none: k8s-context is unset and kubectl has no current context.',
            remediation: 'Set k8s-context, or configure kubectl (e.g. a kubeconfig step) before this one.',
          },
        ],
      };
    }
    return {
      contextName,
      findings: [
        {
          level: 'warn',
          message:
            'No cluster context (k8s-context unset, no kubectl current context): dry-run validated the manifest offline only; no server-side dry run ran.',
          remediation: 'Set k8s-context to run kubectl apply --server-side --dry-run=server against the cluster.',
        },
      ],
    };
  }
  const dryRun = settings.mode === 'dry-run';
  let run: KubectlRun;
  try {
    run = await kubectl.apply(manifestText, { context: contextName, namespace: settings.k8sNamespace }, { dryRun });
  } catch (error) {
    if (error instanceof CommandNotFound) {
      return {
        contextName,
        findings: [
          {
            level: 'fail',
            message: `kubectl is not on the PATH, but cluster context ${contextName} is set.`,
            remediation: 'Install kubectl (hosted runners have it) or unset k8s-context for an offline dry-run.',
          },
        ],
      };
    }
    throw error;
  }
  if (run.exitCode !== 0) {
    const message = (run.stderr.trim() || run.stdout.trim() || `exit code ${run.exitCode}`).split('\n').slice(0, 5).join(' ');
    return {
      contextName,
      run,
      findings: [
        {
          level: 'fail',
          message: `kubectl apply${dryRun ? ' (server dry run)' : ''} failed: ${message}`,
          evidence: run.command,
          remediation:
            'Check k8s-context, k8s-namespace, the RBAC for prometheusrules.monitoring.coreos.com and that the Prometheus Operator CRDs are installed.',
        },
      ],
    };
  }
  return {
    contextName,
    run,
    findings: [{ level: 'info', message: `kubectl apply${dryRun ? ' (server dry run)' : ''}: ${run.stdout.trim() || 'ok'}`, evidence: run.command }],
  };
}

/** Waits (alerts-verify-timeout-seconds at most) until /api/v1/rules shows the group loaded and healthy. */
async function verifyLoaded(context: GateContext, groupName: string): Promise<Finding[]> {
  const prometheus = context.prometheus;
  const url = context.config.prometheusUrl;
  if (prometheus === undefined || url === undefined)
    return [{ level: 'error', message: 'prometheus-url is set but no Prometheus client was provided to the alerts gate.' }];
  const { EXPECTED_ALERTS } = await import('../alerts/manifest.js');
  const timeoutMs = context.config.alerts.verifyTimeoutMs;
  const deadline = performance.now() + timeoutMs;
  let reason = '';
  for (let reads = 1; ; reads += 1) {
    let state;
    try {
      state = judgeLoadedGroup(await prometheus.ruleGroups(), groupName, EXPECTED_ALERTS);
    } catch (error) {
      return [
        {
          level: 'fail',
          message: `Could not read the rules from Prometheus: ${describe(error)}`,
          remediation: 'Check prometheus-url and that the runner can reach it.',
        },
      ];
    }
    if (state.state === 'healthy')
      return [
        {
          level: 'info',
          message: `Prometheus at ${url.origin} has rule group ${groupName} loaded; all ${state.evaluated} alerts evaluate without error (read ${reads} time(s)).`,
        },
      ];
    if (state.state === 'unhealthy')
      return [{ level: 'fail', message: `Prometheus at ${url.origin} evaluates rule group ${groupName} with errors: ${state.reason}` }];
    reason = state.reason;
    const left = deadline - performance.now();
    if (left <= 0) break;
    context.log.info(`Waiting for Prometheus to load ${groupName}: ${reason}`);
    await sleep(Math.min(RULES_POLL_MS, left));
  }
  const hint = context.config.alerts.mode === 'dry-run' ? ' alerts-mode is dry-run, so this run applied nothing.' : '';
  return [
    {
      level: 'fail',
      message: `Prometheus at ${url.origin} did not show rule group ${groupName} loaded and evaluated within ${timeoutMs / 1000} s: ${reason}.${hint}`,
      remediation:
        "Check that the PrometheusRule's labels match the Prometheus ruleSelector (alerts-rule-labels) and its namespace the ruleNamespaceSelector, or raise alerts-verify-timeout-seconds.",
    },
  ];
}

export const alertsGate: GateDefinition = {
  id: 'alerts',
  title: 'Chat attachment alerts (PrometheusRule)',
  report: 'chat-attachment-alerts-apply-latest.md',
  mode: (config) => config.alerts.mode,
  run: runAlerts,
};
