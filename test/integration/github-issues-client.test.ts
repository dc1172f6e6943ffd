import { afterEach, describe, expect, it } from 'vitest';
import { GitHubFailure } from '../../src/clients/github-errors.js';
import { repository, TOKEN } from '../support/branch-protection.js';
import { startFakeGitHub, WORKFLOW_BOT, type FakeGitHub, type FakeToken } from '../support/fake-github.js';
import { issuesClient, PERSON, seedComment, seedIssue } from '../support/github-issues.js';

let fake: FakeGitHub | undefined;
afterEach(async () => {
  // Every answer the fake gave and every body it was sent matched GitHub's OpenAPI description.
  expect(fake?.violations ?? []).toEqual([]);
  await fake?.close();
  fake = undefined;
});

async function start(token: Partial<FakeToken> = {}) {
  fake = await startFakeGitHub(repository(), { value: TOKEN, admin: false, ...token });
  return { fake, ...issuesClient(fake) };
}

describe('the issues client against the GitHub fake', () => {
  it('lists every open issue over several pages, oldest first, without pull requests', async () => {
    const { fake, client } = await start();
    for (let number = 1; number <= 260; number += 1)
      seedIssue(fake.state, { number, ...(number % 10 === 0 ? { pull_request: true } : {}), ...(number % 7 === 0 ? { state: 'closed' as const } : {}) });
    const listing = await client.listOpenIssues();
    const expected = (fake.state.issues ?? []).filter((issue) => issue.state === 'open' && !issue.pull_request).map((issue) => issue.number);
    expect(listing.complete).toBe(true);
    expect(listing.items.map((issue) => issue.number)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(100);
    // GitHub lists pull requests among issues: the pages count them too.
    const openWithPulls = (fake.state.issues ?? []).filter((issue) => issue.state === 'open').length;
    expect(openWithPulls).toBeGreaterThan(200);
    expect(fake.routes().filter((route) => route === 'GET /repos/{owner}/{repo}/issues')).toHaveLength(Math.ceil(openWithPulls / 100));
    expect(listing.items[0]).toMatchObject({ author: { login: 'alice', type: 'User' }, title: 'Issue 1', body: '' });
  });

  it('creates an issue with its label, updates its body, comments and closes it as completed', async () => {
    const { fake, client } = await start();
    const created = await client.createIssue('Release gates drift: staging', 'first body', ['release-gates-drift']);
    expect(created).toMatchObject({ title: 'Release gates drift: staging', body: 'first body', labels: ['release-gates-drift'], author: WORKFLOW_BOT });
    expect(created.htmlUrl).toBe(`https://github.com/octo-org/chat-service/issues/${created.number}`);
    await client.updateIssueBody(created.number, 'second body');
    const comment = await client.createComment(created.number, 'Every gate passes again.');
    expect(comment.author).toEqual(WORKFLOW_BOT);
    await client.closeIssue(created.number, 'completed');
    const stored = fake.state.issues?.find((issue) => issue.number === created.number);
    expect(stored).toMatchObject({ body: 'second body', state: 'closed', state_reason: 'completed' });
    expect(fake.state.issueComments?.map((entry) => [entry.issue_number, entry.body])).toEqual([[created.number, 'Every gate passes again.']]);
    expect(fake.calls.find((call) => call.method === 'PATCH' && (call.body as { state?: string }).state === 'closed')?.body).toEqual({
      state: 'closed',
      state_reason: 'completed',
    });
  });

  it('closes an issue as a duplicate of another, by its id', async () => {
    const { fake, client } = await start();
    const kept = seedIssue(fake.state, { number: 3 });
    seedIssue(fake.state, { number: 4 });
    await client.closeIssue(4, { duplicateOfId: kept.id });
    expect(fake.state.issues?.find((issue) => issue.number === 4)).toMatchObject({ state: 'closed', state_reason: 'duplicate', duplicate_of: kept.id });
  });

  it('a token without push access loses the label silently: the issue is still created', async () => {
    const { client } = await start({ push: false });
    const created = await client.createIssue('Release gates drift: staging', 'body', ['release-gates-drift']);
    expect(created.labels).toEqual([]);
  });

  it('lists the comments of a pull request over pages, creates one and edits it in place', async () => {
    const { fake, client } = await start();
    seedIssue(fake.state, { number: 7, pull_request: true });
    for (let index = 0; index < 250; index += 1) seedComment(fake.state, 7, `comment ${index}`);
    const listing = await client.listComments(7);
    expect(listing.complete).toBe(true);
    expect(listing.items).toHaveLength(250);
    expect(listing.items[249]?.body).toBe('comment 249');
    expect(fake.routes().filter((route) => route === 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments')).toHaveLength(3);
    const created = await client.createComment(7, 'plan v1');
    const updated = await client.updateComment(created.id, 'plan v2');
    expect(updated).toMatchObject({ id: created.id, body: 'plan v2', author: WORKFLOW_BOT });
    expect(fake.state.issueComments?.filter((comment) => comment.issue_number === 7)).toHaveLength(251);
  });

  it('knows whose token it is: a user token has a login, the workflow token is an app', async () => {
    expect(await (await start()).client.identity()).toEqual({ kind: 'app' });
    await fake?.close();
    fake = undefined;
    expect(await (await start({ account: PERSON })).client.identity()).toEqual({ kind: 'user', login: 'alice' });
  });

  it('a 403 names the permission GitHub asks for', async () => {
    const { fake, client } = await start({ issues: 'read', pullRequests: 'read' });
    seedIssue(fake.state, { number: 7, pull_request: true });
    const issue = await client.createIssue('t', 'b', []).catch((error: unknown) => error);
    expect(issue).toBeInstanceOf(GitHubFailure);
    expect(issue).toMatchObject({ kind: 'permission', status: 403, acceptedPermissions: 'issues=write' });
    expect((issue as Error).message).toContain("github-token lacks the permission 'issues=write'");
    const comment = await client.createComment(7, 'plan').catch((error: unknown) => error);
    expect(comment).toMatchObject({ kind: 'permission', acceptedPermissions: 'issues=write; pull_requests=write' });
    // Reading still works with read access; no write was retried.
    expect((await client.listOpenIssues()).items).toEqual([]);
    expect(fake.calls.filter((call) => call.method !== 'GET').map((call) => call.status)).toEqual([403, 403]);
  });
});
