/**
 * Every input the action and the CLI accept, in one table. action.yml mirrors it (a test keeps
 * them equal); `env` is the runbook variable the CLI falls back to.
 */
export interface InputDefinition {
  readonly name: string;
  readonly env: string;
  readonly description: string;
  /** Default as action.yml documents it; `undefined` means "unset" (the schema decides). */
  readonly default?: string;
  readonly required?: boolean;
  readonly secret?: boolean;
}

export const INPUTS = [
  { name: 'app-env', env: 'APP_ENV', required: true, description: 'Environment name, e.g. staging or production (pattern [a-z0-9][a-z0-9-]*).' },
  { name: 'chat-attachment-s3-prefix', env: 'CHAT_ATTACHMENT_S3_PREFIX', default: 'chat-attachments', description: 'Key prefix of chat attachments; objects live under <prefix>/<app-env>/.' },
  { name: 'chat-attachment-required-prefixes', env: 'CHAT_ATTACHMENT_REQUIRED_PREFIXES', description: 'Comma-separated prefixes that must be covered by expiration (default <prefix>/<app-env>/).' },
  { name: 'expire-days', env: 'EXPIRE_DAYS', default: '30', description: 'Retention in days of the managed lifecycle rule (integer 1..36500).' },
  { name: 'expect-expire-days', env: 'EXPECT_EXPIRE_DAYS', description: 'When set, the effective retention of every required prefix must equal this (integer 1..36500).' },
  { name: 's3-bucket', env: 'S3_BUCKET', required: true, description: 'Attachment bucket (a valid S3 bucket name).' },
  { name: 's3-endpoint', env: 'S3_ENDPOINT', description: 'S3-compatible endpoint URL (MinIO, Ceph); empty means AWS S3.' },
  { name: 's3-region', env: 'S3_REGION', default: 'us-east-1', description: 'S3 region.' },
  { name: 's3-access-key', env: 'S3_ACCESS_KEY', description: "Access key id; empty uses the SDK's default credential chain (OIDC roles work)." },
  { name: 's3-secret-key', env: 'S3_SECRET_KEY', secret: true, description: 'Secret access key (masked); empty uses the default credential chain.' },
  { name: 's3-force-path-style', env: 'S3_FORCE_PATH_STYLE', description: 'Path-style addressing (true/false); default true when s3-endpoint is set.' },
  { name: 's3-timeout-seconds', env: 'S3_TIMEOUT_SECONDS', default: '30', description: 'Time limit of one S3 operation, retries included (integer 1..600).' },
  { name: 'mode', env: 'MODE', default: 'apply', description: 'apply or plan: plan changes nothing in S3 configuration (bucket, lifecycle).' },
  { name: 'gates', env: 'GATES', default: 'bucket,lifecycle,verify', description: 'Comma-separated gate ids, run in this order; go/no-go always runs last.' },
  { name: 'fail-fast', env: 'FAIL_FAST', default: 'false', description: 'true: gates after the first non-passing one are NOT RUN.' },
  { name: 'reports-dir', env: 'REPORTS_DIR', default: 'docs/research', description: 'Directory of the markdown and JSON reports, relative to the workspace.' },
  { name: 'retention-grace-days', env: 'RETENTION_GRACE_DAYS', default: '2', description: 'growth gate: objects older than expire-days plus this many days are overdue (a FAIL) (integer 0..365).' },
  { name: 'pushgateway-url', env: 'PUSHGATEWAY_URL', description: 'growth gate: Prometheus Pushgateway URL to push the growth gauges to; empty pushes nothing.' },
  { name: 'alerts-mode', env: 'ALERTS_MODE', default: 'dry-run', description: 'alerts gate: dry-run (validate; server-side dry run with a cluster context) or apply (apply the PrometheusRule). Never implied by mode.' },
  { name: 'k8s-context', env: 'K8S_CONTEXT', description: "alerts gate: kubectl context; empty uses kubectl's current context, and without one dry-run validates offline only." },
  { name: 'k8s-namespace', env: 'K8S_NAMESPACE', default: 'monitoring', description: 'alerts gate: namespace of the PrometheusRule.' },
  { name: 'prometheus-url', env: 'PROM_URL', description: 'alerts gate: Prometheus URL; when set, the gate waits until /api/v1/rules shows the rule group loaded and healthy.' },
  { name: 'alerts-rule-labels', env: 'ALERTS_RULE_LABELS', default: 'release=kube-prometheus-stack', description: "alerts gate: comma-separated key=value labels of the PrometheusRule, to match your Prometheus's ruleSelector." },
  { name: 'alerts-runbook-url', env: 'ALERTS_RUNBOOK_URL', default: 'docs/alerts/chat-attachment-lifecycle.md', description: "alerts gate: runbook address in the alerts' runbook_url annotation (each alert adds #<alert-name>); an absolute URL is best." },
  { name: 'alerts-growth-percent', env: 'ALERTS_GROWTH_PERCENT', default: '25', description: 'alerts gate: the growth alert fires when prefix bytes grew more than this percent in a day, for 6 hours (integer 1..10000).' },
  { name: 'alerts-stale-hours', env: 'ALERTS_STALE_HOURS', default: '26', description: 'alerts gate: the stale alert fires when the growth gate has not pushed a result for this many hours (integer 1..8760).' },
  { name: 'alerts-verify-timeout-seconds', env: 'ALERTS_VERIFY_TIMEOUT_SECONDS', default: '120', description: 'alerts gate: how long to wait for Prometheus to load the rule group (integer 1..3600).' },
] as const satisfies readonly InputDefinition[];

export type InputName = (typeof INPUTS)[number]['name'];

export function inputDefinition(name: InputName): InputDefinition {
  const found = INPUTS.find((input) => input.name === name);
  if (!found) throw new Error(`unknown input ${name}`);
  return found;
}
