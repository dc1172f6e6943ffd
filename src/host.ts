import type { InputReader } from './config/load.js';
import type { FailureAnnotation } from './report/annotations.js';
import type { Cancellation } from './util/cancellation.js';
import type { Logger } from './util/logger.js';

/** What run() needs from where it runs: the Actions runner (main.ts) or a terminal (cli.ts). */
export interface Host {
  readonly readInput: InputReader;
  readonly workspace: string;
  readonly log: Logger;
  /** Hides a value from all later output (the runner's ::add-mask::). */
  maskSecret(value: string): void;
  setOutput(name: string, value: string): void;
  writeSummary(markdown: string): Promise<void>;
  /**
   * An error annotation for one gate that did not pass (the checks page, the run overview); the
   * runner escapes it, so server text in it cannot start a workflow command. Optional: the CLI
   * has no such place, its summary on stdout says the same.
   */
  annotateFailure?(annotation: FailureAnnotation): void;
  /** Marks the run failed with one line; called at most once. `title` names the annotation. */
  setFailed(message: string, title?: string): void;
  readonly now: () => Date;
  /** Directories reports-dir must lie in (the runner: workspace and RUNNER_TEMP); undefined: anywhere. */
  readonly reportRoots?: readonly string[];
  /** Environment variables config reads (GITHUB_API_URL, GITHUB_REPOSITORY); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Cancelled by SIGINT/SIGTERM (see signals.ts); without one the run cannot be cancelled. */
  readonly cancellation?: Cancellation;
}
