import type { GitHubIssuesGateway } from '../clients/github-issues.js';
import type { Config } from '../config/types.js';
import type { TokenIdentity } from '../drift/ownership.js';
import type { RunInfo } from '../report/run-info.js';
import type { Logger } from '../util/logger.js';
import type { GateResult } from '../verdict.js';

/** The run as publishing reads it. */
export interface PublishedRun {
  readonly config: Config;
  /** Every gate of the run, go/no-go included: read, never changed. */
  readonly gates: readonly GateResult[];
  readonly run: RunInfo;
  readonly log: Logger;
  /** Removes secrets from text before it leaves the runner. */
  readonly redact: (text: string) => string;
  readonly now: () => Date;
}

/** What a publishing step needs: the run's results, and GitHub. */
export interface PublishContext extends PublishedRun {
  readonly github: GitHubIssuesGateway;
  /** Asked once, and only when something carries our marker. */
  readonly identity: () => Promise<TokenIdentity>;
}

/** One line for the job summary (markdown), and a problem to warn about, if any. */
export interface StepReport {
  readonly line: string;
  readonly problem?: string;
}
