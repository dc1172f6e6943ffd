import type { GitHubRepository } from '../config/types.js';
import type { Author, TokenIdentity } from '../drift/ownership.js';
import type { Logger } from '../util/logger.js';
import { GitHubFailure } from './github-errors.js';
import { connectGitHub, type OctokitOptions, type OctokitSettings } from './github-octokit.js';

/** Pages of 100 read at most from a list (open issues, comments of one pull request). */
export const MAX_LIST_PAGES = 30;

export interface IssueSeen {
  readonly id: number;
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly author: Author | undefined;
  readonly labels: readonly string[];
  readonly htmlUrl: string;
}

export interface CommentSeen {
  readonly id: number;
  readonly body: string;
  readonly createdAt: string;
  readonly author: Author | undefined;
  readonly htmlUrl: string;
}

/** A list and whether it is whole (false: more than MAX_LIST_PAGES pages). */
export interface Listing<T> {
  readonly items: T[];
  readonly complete: boolean;
}

/** Issues and issue comments (a pull request's conversation is its issue's comments) of one repository. */
export interface GitHubIssuesGateway {
  readonly apiLabel: string;
  /** GET /user: a user token's login; an installation token (the workflow token) is denied and is an app. */
  identity(): Promise<TokenIdentity>;
  /** Open issues, oldest first, pull requests left out. */
  listOpenIssues(): Promise<Listing<IssueSeen>>;
  createIssue(title: string, body: string, labels: readonly string[]): Promise<IssueSeen>;
  updateIssueBody(issueNumber: number, body: string): Promise<void>;
  /** Closes as completed, or as a duplicate of the issue with that REST id. */
  closeIssue(issueNumber: number, reason: { readonly duplicateOfId: number } | 'completed'): Promise<void>;
  listComments(issueNumber: number): Promise<Listing<CommentSeen>>;
  createComment(issueNumber: number, body: string): Promise<CommentSeen>;
  updateComment(commentId: number, body: string): Promise<CommentSeen>;
  requestCounts(): Readonly<Record<string, number>>;
}

interface UserShape {
  readonly login?: string;
  readonly type?: string;
}

const authorOf = (user: UserShape | null | undefined): Author | undefined =>
  user?.login === undefined ? undefined : { login: user.login, type: user.type ?? 'User' };

/** An issue as GitHub answers it (listed or created), in the shape the drift watch reads. */
interface IssueShape {
  readonly id: number;
  readonly number: number;
  readonly title: string;
  readonly body?: string | null;
  readonly created_at: string;
  readonly user: UserShape | null;
  readonly labels: readonly (string | { readonly name?: string | undefined })[];
  readonly html_url: string;
}

const issueOf = (issue: IssueShape): IssueSeen => ({
  id: issue.id,
  number: issue.number,
  title: issue.title,
  body: issue.body ?? '',
  createdAt: issue.created_at,
  author: authorOf(issue.user),
  labels: issue.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))),
  htmlUrl: issue.html_url,
});

export function createGitHubIssuesGateway(
  settings: OctokitSettings & { readonly repository: GitHubRepository },
  log: Logger,
  options: OctokitOptions = {},
): GitHubIssuesGateway {
  const { owner, repo } = settings.repository;
  const { octokit, apiLabel, call, requestCounts } = connectGitHub(settings, log, options);
  const base = `/repos/${owner}/${repo}`;

  async function pages<T>(iterator: AsyncIterable<{ data: T[] }>): Promise<Listing<T>> {
    const items: T[] = [];
    let count = 0;
    for await (const page of iterator) {
      items.push(...page.data);
      count += 1;
      // A full last page may have a successor: the listing is whole only if the iterator ended.
      if (count >= MAX_LIST_PAGES) return { items, complete: page.data.length < 100 };
    }
    return { items, complete: true };
  }

  const toComment = (comment: { id: number; body?: string; created_at: string; user: UserShape | null; html_url: string }): CommentSeen => ({
    id: comment.id,
    body: comment.body ?? '',
    createdAt: comment.created_at,
    author: authorOf(comment.user),
    htmlUrl: comment.html_url,
  });

  return {
    apiLabel,
    async identity() {
      try {
        const { data } = await call('GET /user', () => octokit.rest.users.getAuthenticated());
        return { kind: 'user', login: data.login };
      } catch (error) {
        // "Resource not accessible by integration": an installation token has no user.
        if (error instanceof GitHubFailure && error.kind === 'permission') return { kind: 'app' };
        throw error;
      }
    },
    async listOpenIssues() {
      const listing = await call(`GET ${base}/issues`, () =>
        pages(octokit.paginate.iterator(octokit.rest.issues.listForRepo, { owner, repo, state: 'open', sort: 'created', direction: 'asc', per_page: 100 })),
      );
      return {
        complete: listing.complete,
        items: listing.items.filter((issue) => issue.pull_request === undefined).map(issueOf),
      };
    },
    async createIssue(title, body, labels) {
      const { data } = await call(`POST ${base}/issues`, () => octokit.rest.issues.create({ owner, repo, title, body, labels: [...labels] }));
      return issueOf(data);
    },
    async updateIssueBody(issueNumber, body) {
      await call(`PATCH ${base}/issues/${issueNumber}`, () => octokit.rest.issues.update({ owner, repo, issue_number: issueNumber, body }));
    },
    async closeIssue(issueNumber, reason) {
      await call(`PATCH ${base}/issues/${issueNumber}`, () =>
        octokit.rest.issues.update({
          owner,
          repo,
          issue_number: issueNumber,
          state: 'closed',
          ...(reason === 'completed'
            ? { state_reason: 'completed' as const }
            : { state_reason: 'duplicate' as const, duplicate_issue_id: reason.duplicateOfId }),
        }),
      );
    },
    async listComments(issueNumber) {
      const listing = await call(`GET ${base}/issues/${issueNumber}/comments`, () =>
        pages(octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 })),
      );
      return { complete: listing.complete, items: listing.items.map(toComment) };
    },
    async createComment(issueNumber, body) {
      const { data } = await call(`POST ${base}/issues/${issueNumber}/comments`, () =>
        octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }),
      );
      return toComment(data);
    },
    async updateComment(commentId, body) {
      const { data } = await call(`PATCH ${base}/issues/comments/${commentId}`, () =>
        octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body }),
      );
      return toComment(data);
    },
    requestCounts,
  };
}
