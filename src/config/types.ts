import type { SelectableGateId } from '../gates/ids.js';

export type S3Mode = 'apply' | 'plan';
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

export interface GrowthSettings {
  readonly graceDays: number;
  /** Undefined: nothing is pushed. */
  readonly pushgatewayUrl: URL | undefined;
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
  readonly expectExpireDays: number | undefined;
  readonly s3: S3Settings;
  readonly mode: S3Mode;
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
}
