import { createGitHubIssuesGateway, type GitHubIssuesGateway } from '../../src/clients/github-issues.js';
import { recordingLogger } from './logger.js';
import { TOKEN } from './branch-protection.js';
import { WORKFLOW_BOT, type FakeAccount, type FakeGitHub, type FakeIssue, type FakeIssueComment, type FakeRepository } from './fake-github.js';

export const PERSON: FakeAccount = { login: 'alice', type: 'User' };

/** An existing issue (or, with pullRequest, a pull request) in the fake's state; created before any the code opens. */
export function seedIssue(state: FakeRepository, fields: Partial<FakeIssue> & { readonly number: number }): FakeIssue {
  const at = new Date(Date.parse('2030-05-01T00:00:00Z') + fields.number * 60_000).toISOString().replace('.000Z', 'Z');
  const issue: FakeIssue = {
    id: 5000 + fields.number,
    title: `Issue ${fields.number}`,
    body: null,
    state: 'open',
    state_reason: null,
    labels: [],
    user: PERSON,
    created_at: at,
    updated_at: at,
    closed_at: null,
    ...fields,
  };
  (state.issues ??= []).push(issue);
  return issue;
}

export function seedComment(state: FakeRepository, issueNumber: number, body: string, user: FakeAccount = PERSON, id?: number): FakeIssueComment {
  const comments = (state.issueComments ??= []);
  const commentId = id ?? 100_000 + comments.length;
  const at = new Date(Date.parse('2030-05-02T00:00:00Z') + comments.length * 1000).toISOString().replace('.000Z', 'Z');
  const comment: FakeIssueComment = { id: commentId, issue_number: issueNumber, body, user, created_at: at, updated_at: at };
  comments.push(comment);
  return comment;
}

export const openIssues = (state: FakeRepository) => (state.issues ?? []).filter((issue) => issue.state === 'open' && !issue.pull_request);

export function issuesClient(fake: FakeGitHub): { client: GitHubIssuesGateway; logs: string[] } {
  const log = recordingLogger();
  const client = createGitHubIssuesGateway(
    { apiUrl: new URL(fake.url), token: TOKEN, timeoutMs: 5_000, repository: { owner: fake.state.owner, repo: fake.state.repo } },
    log,
    { retryBaseMs: 10 },
  );
  return { client, logs: log.lines };
}

export { WORKFLOW_BOT };
