import { Document } from 'yaml';
import { GROWTH_METRICS } from '../growth/metrics.js';

/** The alerts every rendering carries; validation requires each of them. */
export const EXPECTED_ALERTS = [
  'ChatAttachmentPrefixGrowthHigh',
  'ChatAttachmentLifecycleOverdueObjects',
  'ChatAttachmentGrowthGateFailing',
  'ChatAttachmentGrowthGateStale',
] as const;
export type AlertName = (typeof EXPECTED_ALERTS)[number];

export const REQUIRED_ANNOTATIONS = ['summary', 'description', 'runbook_url'] as const;

/** Labels every rendering carries besides the user's ruleSelector labels. */
export const FIXED_METADATA_LABELS: Readonly<Record<string, string>> = {
  'app.kubernetes.io/name': 'chat-attachment-lifecycle',
  'app.kubernetes.io/part-of': 'surreal-release-gates',
  'app.kubernetes.io/managed-by': 'surreal-release-gates',
};

export interface AlertRenderOptions {
  /** One environment; undefined renders one rule set for every environment under the base prefix. */
  readonly env: string | undefined;
  /** chat-attachment-s3-prefix, without the trailing '/'. */
  readonly basePrefix: string;
  /** Labels that let the Prometheus ruleSelector pick the rule up (alerts-rule-labels). */
  readonly labels: Readonly<Record<string, string>>;
  /** Each alert links to `<runbookUrl>#<alert name in lower case>`. */
  readonly runbookUrl: string;
  readonly growthPercent: number;
  readonly staleHours: number;
}

export interface AlertRule {
  readonly alert: AlertName;
  readonly expr: string;
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<(typeof REQUIRED_ANNOTATIONS)[number], string>>;
}

export interface RuleGroup {
  readonly name: string;
  readonly rules: readonly AlertRule[];
}

export interface PrometheusRuleManifest {
  readonly apiVersion: 'monitoring.coreos.com/v1';
  readonly kind: 'PrometheusRule';
  readonly metadata: { readonly name: string; readonly labels: Readonly<Record<string, string>> };
  readonly spec: { readonly groups: readonly RuleGroup[] };
}

/** Name of the PrometheusRule and of its one rule group. */
export function ruleGroupName(env: string | undefined): string {
  return env === undefined ? 'chat-attachment-lifecycle' : `chat-attachment-lifecycle-${env}`;
}

/** PromQL string literal (Go escaping) of a value. */
function promqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Label matchers of the series one rendering watches. */
export function seriesSelector(env: string | undefined, basePrefix: string): string {
  if (env !== undefined) return `env=${promqlString(env)},prefix=${promqlString(`${basePrefix}/${env}/`)}`;
  const regex = `${basePrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/.+/`;
  return `prefix=~${promqlString(regex)}`;
}

/** The PrometheusRule as data: pure, so the gate, the committed file and the tests share it. */
export function renderPrometheusRule(options: AlertRenderOptions): PrometheusRuleManifest {
  const selector = seriesSelector(options.env, options.basePrefix);
  const metric = (name: string) => `${name}{${selector}}`;
  const by = 'max by (env, prefix)';
  const runbook = (alert: AlertName) => `${options.runbookUrl}#${alert.toLowerCase()}`;
  const where = '{{ $labels.prefix }} ({{ $labels.env }})';
  const rules: AlertRule[] = [
    {
      alert: 'ChatAttachmentPrefixGrowthHigh',
      expr: [
        '(',
        `  ${by} (${metric(GROWTH_METRICS.bytes)})`,
        `  - ${by} (${metric(GROWTH_METRICS.bytes)} offset 1d)`,
        ')',
        `/ ${by} (${metric(GROWTH_METRICS.bytes)} offset 1d > 0)`,
        `* 100 > ${options.growthPercent}`,
      ].join('\n'),
      for: '6h',
      labels: { severity: 'warning' },
      annotations: {
        summary: `Chat attachments under {{ $labels.prefix }} grew {{ $value | printf "%.0f" }}% in a day`,
        description: `Bytes under ${where} grew more than ${options.growthPercent}% over 24 hours, for 6 hours in a row. With lifecycle expiring objects after expire-days, the prefix should level off: check upload volume, and whether ChatAttachmentLifecycleOverdueObjects fires too.`,
        runbook_url: runbook('ChatAttachmentPrefixGrowthHigh'),
      },
    },
    {
      alert: 'ChatAttachmentLifecycleOverdueObjects',
      expr: `${by} (${metric(GROWTH_METRICS.overdue)}) > 0`,
      for: '10m',
      labels: { severity: 'critical' },
      annotations: {
        summary: `{{ $value }} chat attachment object(s) past retention under {{ $labels.prefix }}`,
        description: `The growth gate found objects under ${where} older than expire-days plus retention-grace-days: lifecycle expiration is not executing. Check the bucket's lifecycle rule (verify gate) and that the storage runs lifecycle.`,
        runbook_url: runbook('ChatAttachmentLifecycleOverdueObjects'),
      },
    },
    {
      alert: 'ChatAttachmentGrowthGateFailing',
      expr: `min by (env, prefix) (${metric(GROWTH_METRICS.gatePassed)}) == 0`,
      for: '10m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'Growth gate failing for {{ $labels.prefix }}',
        description: `The last growth gate run for ${where} did not pass (FAIL or ERROR). Its report chat-attachment-growth-latest.md says why.`,
        runbook_url: runbook('ChatAttachmentGrowthGateFailing'),
      },
    },
    {
      alert: 'ChatAttachmentGrowthGateStale',
      expr: [`time() - ${by} (${metric(GROWTH_METRICS.lastRun)}) > ${options.staleHours} * 3600`, 'or', `absent(${metric(GROWTH_METRICS.lastRun)})`].join('\n'),
      for: '10m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'Growth gate result stale or missing{{ if $labels.prefix }} for {{ $labels.prefix }}{{ end }}',
        description: `No growth gate result newer than ${options.staleHours} hours reached Prometheus{{ if $labels.prefix }} for ${where}{{ end }}: the scheduled gate stopped running or pushing, or the Pushgateway is not scraped. Until it runs, growth and overdue objects go unwatched.`,
        runbook_url: runbook('ChatAttachmentGrowthGateStale'),
      },
    },
  ];
  const name = ruleGroupName(options.env);
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name, labels: { ...FIXED_METADATA_LABELS, ...options.labels } },
    spec: { groups: [{ name, rules }] },
  };
}

const YAML_OPTIONS = { lineWidth: 0, indent: 2 } as const;

/** The manifest as committed and applied, with a header naming how it was made. */
export function manifestYaml(manifest: PrometheusRuleManifest, header: string): string {
  const document = new Document(manifest);
  document.commentBefore = header;
  return document.toString(YAML_OPTIONS);
}

/** The manifest's `.spec`: a Prometheus rule file, which is what promtool and Prometheus read. */
export function ruleFileYaml(spec: unknown): string {
  return new Document(spec).toString(YAML_OPTIONS);
}

/** The header of a rendering, naming its environment. */
export function manifestHeader(env: string | undefined, basePrefix: string): string {
  return [
    ` PrometheusRule for chat attachment growth and lifecycle (${env === undefined ? `every environment under ${basePrefix}/` : `${basePrefix}/${env}/`}).`,
    ' Generated by surreal-release-gates; do not edit by hand. The committed copy is regenerated by',
    ' `npm run alerts:render`; the alerts gate renders one per environment.',
  ].join('\n');
}
