/**
 * Every input the action and the CLI accept, in one table: the one place inputs are written.
 * action.yml's `inputs:` and the README table are generated from it (`npm run readme`; tests
 * fail when either is stale). `env` is the runbook variable the CLI falls back to.
 */
export interface InputDefinition {
  readonly name: string;
  readonly env: string;
  readonly description: string;
  /** Default as action.yml shows it; `undefined` means "unset" (the schema decides). */
  readonly default?: string;
  readonly required?: boolean;
  readonly secret?: boolean;
  /** The value may hold URLs with passwords (user:password@): those are masked, not the whole value. */
  readonly urlPasswords?: boolean;
}

export const INPUTS = [
  { name: 'app-env', env: 'APP_ENV', required: true, description: 'Environment name, e.g. staging or production (pattern [a-z0-9][a-z0-9-]*).' },
  {
    name: 'chat-attachment-s3-prefix',
    env: 'CHAT_ATTACHMENT_S3_PREFIX',
    default: 'chat-attachments',
    description: 'Key prefix of chat attachments; objects live under <prefix>/<app-env>/.',
  },
  {
    name: 'chat-attachment-required-prefixes',
    env: 'CHAT_ATTACHMENT_REQUIRED_PREFIXES',
    description: 'Comma-separated prefixes that must be covered by expiration (default <prefix>/<app-env>/).',
  },
  { name: 'expire-days', env: 'EXPIRE_DAYS', default: '30', description: 'Retention in days of the managed lifecycle rule (integer 1..36500).' },
  {
    name: 'abort-incomplete-multipart-days',
    env: 'ABORT_INCOMPLETE_MULTIPART_DAYS',
    default: '7',
    description:
      'The managed expiration rule aborts multipart uploads left unfinished this many days after they started (AbortIncompleteMultipartUpload; integer 0..365, 0 = off, e.g. for a server that rejects the field).',
  },
  {
    name: 'expect-expire-days',
    env: 'EXPECT_EXPIRE_DAYS',
    description:
      "When set, the effective retention of every required prefix must equal this (integer 1..36500); unset, the managed rule's days in the bucket are expected, and without that rule any positive retention passes.",
  },
  {
    name: 'lifecycle-adopt-rule-ids',
    env: 'LIFECYCLE_ADOPT_RULE_IDS',
    description:
      "Comma-separated IDs of existing rules (e.g. the old script's) that lifecycle apply replaces by the managed rule; each must filter on exactly <prefix>/<app-env>/ (no tags, size bounds or transitions), else nothing is written. No other rule is ever removed.",
  },
  { name: 's3-bucket', env: 'S3_BUCKET', required: true, description: 'Attachment bucket (a valid S3 bucket name).' },
  { name: 's3-endpoint', env: 'S3_ENDPOINT', description: 'S3-compatible endpoint URL (MinIO, Ceph); empty means AWS S3.' },
  { name: 's3-region', env: 'S3_REGION', default: 'us-east-1', description: 'S3 region.' },
  { name: 's3-access-key', env: 'S3_ACCESS_KEY', description: "Access key id; empty uses the SDK's default credential chain (OIDC roles work)." },
  { name: 's3-secret-key', env: 'S3_SECRET_KEY', secret: true, description: 'Secret access key (masked); empty uses the default credential chain.' },
  { name: 's3-force-path-style', env: 'S3_FORCE_PATH_STYLE', description: 'Path-style addressing (true/false); default true when s3-endpoint is set.' },
  { name: 's3-timeout-seconds', env: 'S3_TIMEOUT_SECONDS', default: '30', description: 'Time limit of one S3 operation, retries included (integer 1..600).' },
  { name: 'mode', env: 'RELEASE_GATES_MODE', default: 'apply', description: 'apply or plan: plan changes nothing in S3 configuration (bucket, lifecycle).' },
  {
    name: 'gates',
    env: 'RELEASE_GATES_GATES',
    default: 'bucket,lifecycle,verify,smoke',
    description:
      'Comma-separated gate ids (bucket, lifecycle, verify, smoke, growth, alerts, hot-path, branch-protection), run in this order, or the preset rollout; go/no-go always runs last.',
  },
  { name: 'fail-fast', env: 'RELEASE_GATES_FAIL_FAST', default: 'false', description: 'true: gates after the first non-passing one are NOT RUN.' },
  {
    name: 'reports-dir',
    env: 'RELEASE_GATES_REPORTS_DIR',
    default: 'docs/research',
    description: 'Directory of the markdown and JSON reports, relative to the workspace; it must lie inside the workspace or RUNNER_TEMP.',
  },
  {
    name: 'github-token',
    env: 'GITHUB_TOKEN',
    secret: true,
    default: '${{ github.token }}',
    description:
      'Branch-protection gate: token that reads the branch, its rules, recent commits, merged pull requests and check runs (masked). The workflow token does, in a job granted checks: read and pull-requests: read; fine-grained personal access tokens cannot get checks: read.',
  },
  {
    name: 'github-admin-token',
    env: 'GITHUB_ADMIN_TOKEN',
    secret: true,
    description:
      'Branch-protection gate: token with administration rights, from a secret (masked), used only for the protection reads (classic protection in full, ruleset bypass actors) and for apply (administration: write); a fine-grained personal access token or GitHub App token works. Empty: github-token does those too.',
  },
  {
    name: 'github-repository',
    env: 'GH_REPO',
    description: 'owner/repo whose branch protection is checked; default GITHUB_REPOSITORY (the repository running the workflow).',
  },
  { name: 'github-branch', env: 'GH_BRANCH', description: "Branch whose protection is checked; default the repository's default branch." },
  {
    name: 'required-check',
    env: 'REQUIRED_CHECK',
    default: 'CI / surreal-release-gates',
    description:
      "Check that branch protection must require, by its check-run name: the job's name, or '<caller job> / <job>' for a job of a called workflow. Not the pull request page's label, which puts the workflow name in front ('CI / CI / surreal-release-gates' for the check 'CI / surreal-release-gates').",
  },
  {
    name: 'branch-protection-mode',
    env: 'BRANCH_PROTECTION_MODE',
    default: 'check',
    description: 'check, plan or apply: plan prints the change that would require the check, apply makes it. Never implied by mode.',
  },
  {
    name: 'branch-protection-target',
    env: 'BRANCH_PROTECTION_TARGET',
    default: 'ruleset',
    description: "Where apply adds the requirement: ruleset (a ruleset of this action's own) or classic (branch protection, every other setting kept).",
  },
  {
    name: 'drift-issue',
    env: 'DRIFT_ISSUE',
    default: 'false',
    description:
      'true: while a gate does not pass, keep one open issue per app-env in github-repository (title "Release gates drift: <app-env>", label release-gates-drift), updated every run and closed when all pass again; needs issues: write. plan: print that decision, write nothing. Never changes the result.',
  },
  {
    name: 'plan-comment',
    env: 'PLAN_COMMENT',
    default: 'false',
    description:
      'true: in a pull_request run (with mode: plan and the lifecycle gate), post the lifecycle plan as one comment per app-env on the pull request, edited in place on later pushes; needs pull-requests: write. Fork pull requests keep it in the job summary. Never changes the result.',
  },
  {
    name: 'smoke-multipart-threshold-mib',
    env: 'SMOKE_MULTIPART_THRESHOLD_MIB',
    default: '5',
    description: 'Smoke gate: a test payload above this many MiB takes the multipart upload path (integer 5..512).',
  },
  {
    name: 'smoke-stale-after',
    env: 'SMOKE_STALE_AFTER',
    default: '1h',
    description:
      "Smoke gate: an earlier run's leftovers under <prefix>/<app-env>/_smoke/<run-id>/ are removed once its run id and the server's timestamps are both older than this (e.g. 1h, 90m; longer than a worst-case smoke run, 12 x s3-timeout-seconds + 3 s).",
  },
  {
    name: 'chat-api-url',
    env: 'CHAT_API_URL',
    description: 'Smoke gate: base URL of the chat API; when set, an attachment is uploaded and downloaded through it.',
  },
  { name: 'chat-api-token', env: 'CHAT_API_TOKEN', secret: true, description: 'Smoke gate: bearer token for the chat API (masked).' },
  {
    name: 'chat-api-upload-path',
    env: 'CHAT_API_UPLOAD_PATH',
    default: '/v1/chat/attachments/upload',
    description: 'Smoke gate: path of the multipart/form-data upload (POST), below chat-api-url.',
  },
  {
    name: 'chat-api-download-path',
    env: 'CHAT_API_DOWNLOAD_PATH',
    default: '/v1/chat/attachments/:attachment_id/download',
    description: 'Smoke gate: path of the download (GET); :attachment_id is the id from the upload answer.',
  },
  { name: 'chat-api-upload-field', env: 'CHAT_API_UPLOAD_FIELD', default: 'file', description: 'Smoke gate: form field that carries the file in the upload.' },
  {
    name: 'chat-api-id-field',
    env: 'CHAT_API_ID_FIELD',
    default: 'attachment_id',
    description: 'Smoke gate: field of the JSON upload answer holding the attachment id (dot path allowed, e.g. data.id).',
  },
  {
    name: 'chat-api-object-key',
    env: 'CHAT_API_OBJECT_KEY',
    default: ':prefix/:env/:attachment_id.bin',
    description: 'Smoke gate: S3 key where the service stores an upload (:prefix, :env, :attachment_id); must lie under <prefix>/<app-env>/.',
  },
  {
    name: 'chat-api-timeout-seconds',
    env: 'CHAT_API_TIMEOUT_SECONDS',
    default: '30',
    description: 'Time limit of one chat API request, retries included (integer 1..600).',
  },
  {
    name: 'prometheus-url',
    env: 'PROM_URL',
    urlPasswords: true,
    description:
      'Prometheus base URL, e.g. http://prometheus.monitoring:9090: the hot-path gate queries it; the alerts gate waits until /api/v1/rules shows its group loaded and healthy. Put credentials in prometheus-username and prometheus-password: a user:password@ here is printed in the log before the action can mask it (a warning says so).',
  },
  {
    name: 'prometheus-username',
    env: 'PROMETHEUS_USERNAME',
    description: 'Basic-auth user for prometheus-url (hot-path and alerts gates); set together with prometheus-password.',
  },
  {
    name: 'prometheus-password',
    env: 'PROMETHEUS_PASSWORD',
    secret: true,
    description: 'Basic-auth password for prometheus-url, from a secret (masked); set together with prometheus-username.',
  },
  {
    name: 'prometheus-timeout-seconds',
    env: 'PROMETHEUS_TIMEOUT_SECONDS',
    default: '30',
    description: 'Time limit of one Prometheus call (a hot-path query, an alerts rules read), retries included (integer 1..600).',
  },
  {
    name: 'hot-path-checks',
    env: 'HOT_PATH_CHECKS',
    description:
      'Hot-path checks: a YAML file path (relative to the workspace) or inline YAML listing {name, query, comparison (<, <=, >, >=), threshold, unit?, description?}.',
  },
  {
    name: 'hot-path-window',
    env: 'HOT_PATH_WINDOW',
    default: '60s',
    description: 'How long the hot-path gate observes the checks, counted from the start of the run (e.g. 60s, 5m; 1s..1h).',
  },
  { name: 'hot-path-step', env: 'HOT_PATH_STEP', default: '10s', description: 'Step between the samples of each check within the window (1s..window).' },
  {
    name: 'hot-path-min-samples',
    env: 'HOT_PATH_MIN_SAMPLES',
    description: 'Samples each series needs within the window (default: every step but one, e.g. 6 of 7 for 60s at 10s).',
  },
  {
    name: 'on-no-data',
    env: 'ON_NO_DATA',
    default: 'fail',
    description: 'A hot-path check with no samples (empty result, or NaN without traffic) is NO_DATA; fail makes it FAIL, pass makes it a passing WARN.',
  },
  {
    name: 'health-checks',
    env: 'HEALTH_CHECKS',
    urlPasswords: true,
    description:
      'Services go/no-go requires healthy, one name=url per line: http(s):// answered 2xx, redis(s):// answered PING; optional " timeout=5s". Passwords in URLs are masked from the start of the action, but the runner prints a with: value before that unless it comes from a secret (a warning says so).',
  },
  {
    name: 'health-check-timeout-seconds',
    env: 'HEALTH_CHECK_TIMEOUT_SECONDS',
    default: '10',
    description: 'Time limit of one health check, retries included, unless its line sets timeout= (integer 1..300).',
  },
  {
    name: 'archive-evidence',
    env: 'ARCHIVE_EVIDENCE',
    default: 'false',
    description:
      'true: copy each report written by this run to <name>-<app-env>-<UTC yyyymmddThhmmssZ>.md beside it, never overwriting; gates: rollout turns it on.',
  },
  {
    name: 'retention-grace-days',
    env: 'RETENTION_GRACE_DAYS',
    default: '2',
    description: 'growth gate: objects older than expire-days plus this many days are overdue (a FAIL) (integer 0..365).',
  },
  {
    name: 'pushgateway-url',
    env: 'PUSHGATEWAY_URL',
    description: 'growth gate: Prometheus Pushgateway URL to push the growth gauges to; empty pushes nothing.',
  },
  {
    name: 'growth-source',
    env: 'GROWTH_SOURCE',
    default: 'list',
    description:
      'growth gate: where the figures come from: list (ListObjectsV2 over the prefix) or inventory (the newest AWS S3 Inventory report, CSV, under inventory-location).',
  },
  {
    name: 'inventory-location',
    env: 'INVENTORY_LOCATION',
    description:
      "growth gate with growth-source inventory: s3://<bucket>/<prefix>/ above the inventory's dated folders (<destination-prefix>/<source-bucket>/<config-id>/); read with the s3-* credentials.",
  },
  {
    name: 'alerts-mode',
    env: 'ALERTS_MODE',
    default: 'dry-run',
    description: 'alerts gate: dry-run (validate; server-side dry run with a cluster context) or apply (apply the PrometheusRule). Never implied by mode.',
  },
  {
    name: 'k8s-context',
    env: 'K8S_CONTEXT',
    description: "alerts gate: kubectl context; empty uses kubectl's current context, and without one dry-run validates offline only.",
  },
  { name: 'k8s-namespace', env: 'K8S_NAMESPACE', default: 'monitoring', description: 'alerts gate: namespace of the PrometheusRule.' },
  {
    name: 'alerts-rule-labels',
    env: 'ALERTS_RULE_LABELS',
    default: 'release=kube-prometheus-stack',
    description: "alerts gate: comma-separated key=value labels of the PrometheusRule, to match your Prometheus's ruleSelector.",
  },
  {
    name: 'alerts-runbook-url',
    env: 'ALERTS_RUNBOOK_URL',
    default: 'docs/alerts/chat-attachment-lifecycle.md',
    description: "alerts gate: runbook address in the alerts' runbook_url annotation (each alert adds #<alert-name>); an absolute URL is best.",
  },
  {
    name: 'alerts-growth-percent',
    env: 'ALERTS_GROWTH_PERCENT',
    default: '25',
    description: 'alerts gate: the growth alert fires when prefix bytes grew more than this percent in a day, for 6 hours (integer 1..10000).',
  },
  {
    name: 'alerts-stale-hours',
    env: 'ALERTS_STALE_HOURS',
    default: '26',
    description: 'alerts gate: the stale alert fires when the growth gate has not pushed a result for this many hours (integer 1..8760).',
  },
  {
    name: 'alerts-verify-timeout-seconds',
    env: 'ALERTS_VERIFY_TIMEOUT_SECONDS',
    default: '120',
    description: 'alerts gate: how long to wait for Prometheus to load the rule group (integer 1..3600).',
  },
] as const satisfies readonly InputDefinition[];

export type InputName = (typeof INPUTS)[number]['name'];

export function inputDefinition(name: InputName): InputDefinition {
  const found = INPUTS.find((input) => input.name === name);
  if (!found) throw new Error(`unknown input ${name}`);
  return found;
}
