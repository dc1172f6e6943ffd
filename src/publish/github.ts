import { createGitHubIssuesGateway, type GitHubIssuesGateway } from '../clients/github-issues.js';
import type { OctokitOptions } from '../clients/github-octokit.js';
import type { TokenIdentity } from '../drift/ownership.js';
import { escapeMarkdown } from '../report/escape.js';
import type { PublishedRun, StepReport } from './context.js';
import { publishDriftIssue } from './drift-issue.js';
import { publishPlanComment } from './plan-comment.js';

export interface PublishInput extends PublishedRun {
  /** Tests shorten the client's retry backoff. */
  readonly clientOptions?: OctokitOptions;
}

export interface PublishResult {
  /** Markdown for the end of the job summary: what was published, or why not; empty when nothing was asked. */
  readonly summary: string;
  /** One line each: a denied permission, an unreachable API. They are warnings: a verdict never changes. */
  readonly problems: readonly string[];
}

/**
 * The publishing step after the gates: the drift issue (drift-issue) and the plan comment
 * (plan-comment). It is not a gate: it reads the results, never changes them, and never throws;
 * whatever goes wrong is a warning that names the permission or the server at fault.
 */
export async function publishToGitHub(input: PublishInput): Promise<PublishResult> {
  const { config, log } = input;
  const wanted = config.publish.driftIssue !== 'off' || config.publish.planComment;
  if (!wanted) return { summary: '', problems: [] };
  const lines: string[] = [];
  const problems: string[] = [];
  const record = (report: StepReport) => {
    lines.push(`- ${report.line}`);
    if (report.problem !== undefined) {
      problems.push(report.problem);
      log.warning(report.problem);
    }
  };
  let github: GitHubIssuesGateway;
  try {
    const { token, repository } = config.github;
    if (token === undefined || repository === undefined) throw new Error('publishing needs github-token and github-repository');
    github = createGitHubIssuesGateway({ apiUrl: config.github.apiUrl, token, timeoutMs: config.github.timeoutMs, repository }, log, input.clientOptions);
  } catch (error) {
    record({ line: 'Nothing published.', problem: `Publishing on GitHub failed: ${describe(error)}` });
    return { summary: section(lines), problems };
  }
  let identity: Promise<TokenIdentity> | undefined;
  const context = { ...input, github, identity: () => (identity ??= github.identity()) };
  if (config.publish.driftIssue !== 'off') {
    record(await log.group('Publish: drift issue', () => guarded('Drift issue', () => publishDriftIssue(context))));
  }
  if (config.publish.planComment) {
    record(await log.group('Publish: plan comment', () => guarded('Plan comment', () => publishPlanComment(context))));
  }
  return { summary: section(lines), problems };
}

/** Anything unexpected (a failure outside the API calls) is a problem line too, never a throw. */
async function guarded(what: string, step: () => Promise<StepReport>): Promise<StepReport> {
  try {
    return await step();
  } catch (error) {
    return { line: `${what}: failed: ${escapeMarkdown(describe(error))}`, problem: `${what} failed: ${describe(error)} The gates' results are unchanged.` };
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function section(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `\n## Published on GitHub\n\n${lines.join('\n')}\n`;
}
