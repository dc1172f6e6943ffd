import { PutBucketLifecycleConfigurationCommand, type LifecycleRule } from '@aws-sdk/client-s3';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planCommentMarker } from '../../src/drift/markers.js';
import { runGates } from '../../src/run.js';
import { repository, TOKEN } from '../support/branch-protection.js';
import { startFakeGitHub, WORKFLOW_BOT, type FakeGitHub, type FakeToken } from '../support/fake-github.js';
import { PERSON, seedComment, seedIssue } from '../support/github-issues.js';
import { recordingHost } from '../support/host.js';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';
import { createBucketWith, serverState } from '../support/server-state.js';
import { tempDir } from '../support/workspace.js';

const ENV = 'staging';
const PR = 7;
const HEAD_SHA = 'c0ffee1234567890c0ffee1234567890c0ffee12';
/** The managed rule as apply writes it with the defaults (expire-days 30, abort-incomplete-multipart-days 7). */
const MANAGED: LifecycleRule = {
  ID: `surreal-release-gates:chat-attachments/${ENV}`,
  Status: 'Enabled',
  Filter: { Prefix: `chat-attachments/${ENV}/` },
  Expiration: { Days: 30 },
  AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
};
const COMMENTS = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';

let fake: FakeGitHub | undefined;
afterEach(async () => {
  expect(fake?.violations ?? []).toEqual([]);
  await fake?.close();
  fake = undefined;
});

async function startGitHub(token: Partial<FakeToken> = {}) {
  fake = await startFakeGitHub(repository(), { value: TOKEN, admin: false, ...token });
  seedIssue(fake.state, { number: PR, title: 'Raise the attachment limit', pull_request: true });
  return fake;
}

/** A pull_request run with plan-comment, its event payload written where the runner puts it. */
async function planRun(github: FakeGitHub, bucket: string, options: { fork?: boolean; event?: string } = {}) {
  const workspace = await tempDir('plan-comment');
  const eventPath = path.join(workspace, 'event.json');
  const head = options.fork ? 'someone/chat-service' : 'octo-org/chat-service';
  await writeFile(
    eventPath,
    JSON.stringify({
      number: PR,
      pull_request: { number: PR, head: { sha: HEAD_SHA, repo: { full_name: head } }, base: { repo: { full_name: 'octo-org/chat-service' } } },
    }),
  );
  const host = recordingHost(
    testInputs({ 'app-env': ENV, 's3-bucket': bucket, gates: 'lifecycle', mode: 'plan', 'plan-comment': 'true', 'github-token': TOKEN }),
    workspace,
    () => new Date(),
    {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'octo-org/chat-service',
      GITHUB_RUN_ID: '77',
      GITHUB_EVENT_NAME: options.event ?? 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
    },
  );
  const result = await runGates(host);
  return { host, result, verdict: { result: result?.result, statuses: result?.gates.map((gate) => [gate.id, gate.status]), failures: host.failures } };
}

const ourComments = (github: FakeGitHub) =>
  (github.state.issueComments ?? []).filter(
    (comment) => comment.issue_number === PR && comment.user.type === 'Bot' && comment.body.startsWith(planCommentMarker(ENV)),
  );

describe('plan-comment on a pull request', () => {
  it('posts the plan once, edits it in place on the next push, and says "no change" when nothing would change', async () => {
    const github = await startGitHub();
    const bucket = uniqueBucket('plan-comment');
    await createBucketWith(rawClient(), bucket);
    const before = await serverState(rawClient(), bucket);

    const first = await planRun(github, bucket);
    expect(first.verdict).toEqual({
      result: 'PASS',
      statuses: [
        ['lifecycle', 'WARN'],
        ['go-no-go', 'PASS'],
      ],
      failures: [],
    });
    expect(first.result?.gates[0]?.details).toEqual({ changed: true, changes: [MANAGED.ID] });
    const [posted, ...more] = ourComments(github);
    expect(more).toEqual([]);
    expect(posted?.body).toContain(`## Lifecycle plan for \`${ENV}\`: apply would change \`${MANAGED.ID}\``);
    expect(posted?.body).toContain('for c0ffee123456 in [the run](<https://github.com/octo-org/chat-service/actions/runs/77>)');
    expect(posted?.body).toContain('### Plan');
    expect(posted?.body).toContain('### Resulting configuration');
    expect(first.host.summary).toMatch(
      new RegExp(
        `- Plan comment for \`${ENV}\` on #${PR}: \\[posted\\]\\(<https://github\\.com/octo-org/chat-service/issues/${PR}#issuecomment-\\d+>\\) \\(apply would change`,
      ),
    );
    expect(await serverState(rawClient(), bucket)).toEqual(before);

    // The rule is applied elsewhere; the next push finds nothing to change and edits the same comment.
    await rawClient().send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [MANAGED] } }));
    const second = await planRun(github, bucket);
    expect(second.verdict.statuses).toEqual([
      ['lifecycle', 'PASS'],
      ['go-no-go', 'PASS'],
    ]);
    const after = ourComments(github);
    expect(after.map((comment) => comment.id)).toEqual([posted?.id]);
    expect(after[0]?.body).toContain(`## Lifecycle plan for \`${ENV}\`: no change`);
    expect(github.routes().filter((route) => route.startsWith('POST '))).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments']);
    expect(github.routes()).toContain('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}');
  });

  it('finds its comment beyond the first page, and edits only its own', async () => {
    const github = await startGitHub();
    const bucket = uniqueBucket('plan-pages');
    await createBucketWith(rawClient(), bucket, { rules: [MANAGED] });
    for (let index = 0; index < 140; index += 1) seedComment(github.state, PR, `review comment ${index}`);
    // A person quoting the marker, a plan comment of another environment, then ours, on page 2.
    const quoted = seedComment(github.state, PR, `${planCommentMarker(ENV)}\nI copied the bot's comment`, PERSON);
    const production = seedComment(github.state, PR, `${planCommentMarker('production')}\n## Lifecycle plan for \`production\``, WORKFLOW_BOT);
    const ours = seedComment(github.state, PR, `${planCommentMarker(ENV)}\n## Lifecycle plan for \`${ENV}\`: old`, WORKFLOW_BOT);
    for (let index = 0; index < 60; index += 1) seedComment(github.state, PR, `later comment ${index}`);
    const quotedBody = quoted.body;
    const productionBody = production.body;

    const run = await planRun(github, bucket);
    expect(run.verdict.failures).toEqual([]);
    expect(github.routes().filter((route) => route === COMMENTS)).toHaveLength(3);
    expect(github.routes().filter((route) => route.startsWith('POST '))).toEqual([]);
    expect(ours.body).toContain(`## Lifecycle plan for \`${ENV}\`: no change`);
    expect(quoted.body).toBe(quotedBody);
    expect(production.body).toBe(productionBody);
    const edited = github.calls.filter((call) => call.method === 'PATCH').map((call) => call.path);
    expect(edited).toEqual([`/repos/octo-org/chat-service/issues/comments/${ours.id}`]);
  });

  it('a fork pull request keeps the plan in the job summary and says so, without failing', async () => {
    const github = await startGitHub({ issues: 'read', pullRequests: 'read' });
    const bucket = uniqueBucket('plan-fork');
    await createBucketWith(rawClient(), bucket);
    const run = await planRun(github, bucket, { fork: true });
    expect(run.verdict).toEqual({
      result: 'PASS',
      statuses: [
        ['lifecycle', 'WARN'],
        ['go-no-go', 'PASS'],
      ],
      failures: [],
    });
    expect(github.calls).toEqual([]);
    expect(run.host.summary).toContain(
      `- Plan comment for \`${ENV}\` on #${PR}: not posted: the pull request comes from a fork, and its runs get a read-only token. The plan is in this job summary (the lifecycle report).`,
    );
    // The plan itself is in the summary.
    expect(run.host.summary).toContain('### Resulting configuration');
    expect(run.host.logs.some((line) => line.startsWith('warning'))).toBe(false);
  });

  it('a 403 (a token without pull-requests: write) names the permission and changes no verdict', async () => {
    const github = await startGitHub({ issues: 'read', pullRequests: 'read' });
    const bucket = uniqueBucket('plan-403');
    await createBucketWith(rawClient(), bucket);
    const run = await planRun(github, bucket);
    expect(run.verdict).toEqual({
      result: 'PASS',
      statuses: [
        ['lifecycle', 'WARN'],
        ['go-no-go', 'PASS'],
      ],
      failures: [],
    });
    expect(run.host.outputs.result).toBe('PASS');
    const warning = run.host.logs.find((line) => line.startsWith('warning plan-comment:')) ?? '';
    expect(warning).toContain("github-token lacks the permission 'issues=write; pull_requests=write'");
    expect(warning).toContain("The gates' results are unchanged.");
    expect(run.host.summary).toContain('not posted: GitHub POST');
    expect(ourComments(github)).toEqual([]);
  });

  it('outside a pull_request run it posts nothing', async () => {
    const github = await startGitHub();
    const bucket = uniqueBucket('plan-push');
    await createBucketWith(rawClient(), bucket);
    const run = await planRun(github, bucket, { event: 'push' });
    expect(run.verdict.failures).toEqual([]);
    expect(github.calls).toEqual([]);
    expect(run.host.summary).toContain(`- Plan comment for \`${ENV}\`: not a pull_request run, nothing posted.`);
  });
});
