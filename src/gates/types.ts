import type { Config } from '../config/types.js';
import type { GitHubGateway } from '../clients/github.js';
import type { S3Gateway } from '../clients/s3.js';
import type { ChatApiClient } from '../clients/chat-api.js';
import type { HealthProber } from '../clients/health.js';
import type { Kubectl } from '../clients/kubectl.js';
import type { PrometheusClient } from '../clients/prometheus.js';
import type { Promtool } from '../clients/promtool.js';
import type { Pushgateway } from '../clients/pushgateway.js';
import type { Logger } from '../util/logger.js';
import type { GateId } from './ids.js';

/**
 * PASS and WARN pass; everything else blocks the release. ERROR: the gate itself broke.
 * UNVERIFIABLE: the answer could not be obtained (e.g. a permission). NOT RUN: skipped by fail-fast.
 */
export type GateStatus = 'PASS' | 'WARN' | 'FAIL' | 'ERROR' | 'UNVERIFIABLE' | 'NOT RUN';

export const PASSING_STATUSES: readonly GateStatus[] = ['PASS', 'WARN'];

export type FindingLevel = 'fail' | 'warn' | 'info' | 'unverifiable' | 'error';

export interface Finding {
  readonly level: FindingLevel;
  readonly message: string;
  readonly evidence?: string;
  readonly remediation?: string;
}

export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** Report content beyond findings, kept as data so rendering stays in src/report. */
export type Section =
  | { readonly kind: 'table'; readonly title: string; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'code'; readonly title: string; readonly language: string; readonly text: string }
  | { readonly kind: 'text'; readonly title: string; readonly text: string }
  | { readonly kind: 'links'; readonly title: string; readonly links: readonly { readonly label: string; readonly url: string }[] };

/** What a gate function returns; the sequence adds identity and timing. */
export interface GateOutcome {
  readonly status: GateStatus;
  readonly summary: string;
  readonly findings: readonly Finding[];
  readonly facts: readonly Fact[];
  readonly sections: readonly Section[];
  /** Gate-specific machine-readable results, copied to the JSON results as `details`. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Action outputs this gate sets (e.g. growth-objects), by output name. */
  readonly outputs?: Readonly<Record<string, string>>;
}

export interface GateResult extends GateOutcome {
  readonly id: GateId;
  readonly title: string;
  readonly mode: string | undefined;
  readonly startedAt: string;
  readonly durationMs: number;
}

export interface GateContext {
  readonly config: Config;
  readonly s3: S3Gateway;
  /** Created only when a gate that needs GitHub is selected. */
  readonly github?: GitHubGateway;
  readonly log: Logger;
  readonly now: () => Date;
  /** Tools of the alerts gate and the growth gate's Pushgateway; run.ts builds them. */
  readonly kubectl?: Kubectl;
  readonly promtool?: Promtool;
  /** Present when pushgateway-url is set. */
  readonly pushgateway?: Pushgateway;
  /** Results of the gates that ran before this one, in order. */
  readonly previous: readonly GateResult[];
  /** The chat API, when chat-api-url is set (the smoke gate's API level). */
  readonly chatApi?: ChatApiClient;
  /** Queries (hot-path) and the rules API (alerts); present when prometheus-url is set. */
  readonly prometheus?: PrometheusClient;
  /** Probes the services of health-checks (go/no-go). */
  readonly health?: HealthProber;
}

export interface GateDefinition {
  readonly id: GateId;
  readonly title: string;
  /** File name of the gate's markdown report in reports-dir. */
  readonly report: string;
  /** The mode this gate reports, when it can change something. */
  readonly mode?: (config: Config) => string;
  readonly run: (context: GateContext) => Promise<GateOutcome>;
}
