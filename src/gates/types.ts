import type { Config } from '../config/types.js';
import type { GitHubGateway } from '../clients/github.js';
import type { S3Gateway } from '../clients/s3.js';
import type { ChatApiClient } from '../clients/chat-api.js';
import type { HealthProber } from '../clients/health.js';
import type { Kubectl } from '../clients/kubectl.js';
import type { PrometheusClient } from '../clients/prometheus.js';
import type { Promtool } from '../clients/promtool.js';
import type { Pushgateway } from '../clients/pushgateway.js';
import type { Cancellation } from '../util/cancellation.js';
import type { Logger } from '../util/logger.js';
import type { GateId, GateOutcome, GateResult } from '../verdict.js';

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
  /**
   * The run's cancellation (SIGINT/SIGTERM). Its `signal` already aborts the S3 gateway's calls;
   * wrap-up work in a `finally` (smoke cleanup, a lock's release) runs on
   * `s3.scoped({ signal: cancellation.cleanupSignal(budgetMs, what), cleanup: true })`.
   */
  readonly cancellation: Cancellation;
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
