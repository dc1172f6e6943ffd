import type { HotPathCheck } from '../hot-path/checks.js';
import type { HealthCheckTarget } from './health-checks.js';
import type { Preset, RetryRule } from './presets.js';
import type { SelectableGateId } from '../verdict.js';

export type S3Mode = 'apply' | 'plan';
export type BranchProtectionMode = 'check' | 'plan' | 'apply';
export type BranchProtectionTarget = 'ruleset' | 'classic';
/** The alerts gate's own mode: never implied by the S3 `mode`. */
export type AlertsMode = 'dry-run' | 'apply';

export interface S3Settings {
  readonly bucket: string;
  /** Undefined means AWS S3. */
  readonly endpoint: URL | undefined;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
  readonly forcePathStyle: boolean;
  readonly timeoutMs: number;
}

export interface GitHubRepository {
  readonly owner: string;
  readonly repo: string;
}

/** Settings of the branch-protection gate; token and repository are checked when it is selected. */
export interface GitHubSettings {
  /** From GITHUB_API_URL (GitHub Enterprise Server too); https://api.github.com by default. */
  readonly apiUrl: URL;
  /** Reads the branch, rules, commits, pull requests and check runs (the workflow token). */
  readonly token: string | undefined;
  /**
   * Protection reads that need administration rights, and apply. Undefined: `token` does them.
   * Kept apart because fine-grained personal access tokens cannot read check runs.
   */
  readonly adminToken: string | undefined;
  readonly repository: GitHubRepository | undefined;
  /** Undefined: the repository's default branch, fetched. */
  readonly branch: string | undefined;
  readonly requiredCheck: string;
  readonly mode: BranchProtectionMode;
  readonly target: BranchProtectionTarget;
  /** Time limit of one HTTP attempt. */
  readonly timeoutMs: number;
}

/** The pull request of a pull_request run, or why it could not be read from the event payload. */
export type PullRequestRef =
  { readonly number: number; readonly fork: boolean; readonly headSha: string | undefined; readonly problem?: undefined } | { readonly problem: string };

/** What the run publishes on GitHub after the gates; publishing never changes a verdict. */
export interface PublishSettings {
  /** off; apply: open, update and close the drift issue; plan: print that decision only. */
  readonly driftIssue: 'off' | 'apply' | 'plan';
  readonly planComment: boolean;
  /** GITHUB_EVENT_NAME; undefined outside Actions. */
  readonly eventName: string | undefined;
  /** Read only for plan-comment in a pull_request run. */
  readonly pullRequest: PullRequestRef | undefined;
  /** This workflow run on GitHub; undefined outside Actions. */
  readonly runUrl: string | undefined;
}

/** The chat API the smoke gate uploads through (when chat-api-url is set). */
export interface ChatApiSettings {
  readonly url: URL;
  /** Bearer token; undefined sends no Authorization header. */
  readonly token: string | undefined;
  /** Path templates below the URL's path; `:attachment_id` is the id from the upload answer. */
  readonly uploadPath: string;
  readonly downloadPath: string;
  readonly uploadField: string;
  /** Name or dot path of the id in the JSON upload answer. */
  readonly idField: string;
  /** S3 key template (`:prefix`, `:env`, `:attachment_id`), always under `<prefix>/<env>/`. */
  readonly objectKeyTemplate: string;
  readonly timeoutMs: number;
}

export interface SmokeSettings {
  readonly multipartThresholdBytes: number;
  /** An earlier run's prefix is debris to remove once its run id and its newest write are older than this. */
  readonly staleAfterMs: number;
  readonly api: ChatApiSettings | undefined;
}

export interface GrowthSettings {
  readonly graceDays: number;
  /** Undefined: nothing is pushed. */
  readonly pushgatewayUrl: URL | undefined;
  /** list: ListObjectsV2 over the prefix; inventory: the newest S3 Inventory report. */
  readonly source: GrowthSource;
  /** Set exactly when source is inventory. */
  readonly inventoryLocation: S3Location | undefined;
}

export type GrowthSource = 'list' | 'inventory';

/** `s3://<bucket>/<prefix>`: a place in a bucket that may differ from s3-bucket. */
export interface S3Location {
  readonly bucket: string;
  /** Empty (the bucket's root) or ending in '/'. */
  readonly prefix: string;
}

export interface AlertsSettings {
  readonly mode: AlertsMode;
  /** Undefined: kubectl's current context, if any. */
  readonly k8sContext: string | undefined;
  readonly k8sNamespace: string;
  readonly ruleLabels: Readonly<Record<string, string>>;
  readonly runbookUrl: string;
  readonly growthPercent: number;
  readonly staleHours: number;
  readonly verifyTimeoutMs: number;
}

/** The typed result of reading every input once. Nothing else reads inputs. */
export interface Config {
  readonly appEnv: string;
  /** Without the trailing '/'. */
  readonly prefix: string;
  /** `<prefix>/<app-env>/`: the managed rule's prefix. */
  readonly envPrefix: string;
  /** Each with a trailing '/'. */
  readonly requiredPrefixes: readonly string[];
  readonly expireDays: number;
  /** AbortIncompleteMultipartUpload.DaysAfterInitiation of the managed expiration rule; 0: none. */
  readonly abortIncompleteMultipartDays: number;
  readonly expectExpireDays: number | undefined;
  /** lifecycle-adopt-rule-ids: rules the managed rule replaces (only if their filter is exactly the env prefix). */
  readonly adoptRuleIds: readonly string[];
  readonly s3: S3Settings;
  readonly mode: S3Mode;
  readonly github: GitHubSettings;
  /** Drift issue and plan comment (after the gates). */
  readonly publish: PublishSettings;
  readonly gates: readonly SelectableGateId[];
  readonly failFast: boolean;
  /** Absolute path. */
  readonly reportsDir: string;
  readonly growth: GrowthSettings;
  readonly alerts: AlertsSettings;
  /** Undefined: no Prometheus to verify against. */
  readonly prometheusUrl: URL | undefined;
  /** Values that must never be printed. */
  readonly secrets: readonly string[];
  readonly smoke: SmokeSettings;
  /** Set when prometheus-url is. */
  readonly prometheus: PrometheusSettings | undefined;
  /** Set when the hot-path gate is selected or hot-path-checks is given. */
  readonly hotPath: HotPathSettings | undefined;
  /** Services go/no-go requires healthy (empty: none). */
  readonly healthChecks: readonly HealthCheckTarget[];
  /** Copy each report of the run to <name>-<app-env>-<UTC time>.md beside it. */
  readonly archiveEvidence: boolean;
  /** The preset `gates` named, if any. */
  readonly preset: Preset['id'] | undefined;
  /** The sequence's one retry, when the preset has one. */
  readonly retry: RetryRule | undefined;
}

export interface PrometheusSettings {
  /** Base URL without credentials (a path prefix is kept). */
  readonly url: URL;
  readonly basicAuth: { readonly username: string; readonly password: string } | undefined;
  /** Per query, retries included. */
  readonly timeoutMs: number;
}

export interface HotPathSettings {
  readonly checks: readonly HotPathCheck[];
  /** The file the checks came from, or 'inline YAML'. */
  readonly checksSource: string;
  readonly windowMs: number;
  readonly stepMs: number;
  /** Samples each series needs within the window. */
  readonly minSamples: number;
  /** What a check without samples becomes: FAIL, or a passing WARN. */
  readonly onNoData: 'fail' | 'pass';
}
