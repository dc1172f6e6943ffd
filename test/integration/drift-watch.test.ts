import type { LifecycleRule } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { driftMarker, readDriftMarker } from '../../src/drift/markers.js';
import { runGates } from '../../src/run.js';
import { repository, TOKEN } from '../support/branch-protection.js';
import { startFakeGitHub, WORKFLOW_BOT, type FakeGitHub, type FakeToken } from '../support/fake-github.js';
import { openIssues, PERSON, seedIssue } from '../support/github-issues.js';
import { recordingHost } from '../support/host.js';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';
import { createBucketWith, serverState } from '../support/server-state.js';
import { tempDir } from '../support/workspace.js';

const ENV = 'staging';
const TITLE = `Release gates drift: ${ENV}`;
const ISSUES = 'GET /repos/{owner}/{repo}/issues';
const MANAGED: LifecycleRule = {
  ID: `surreal-release-gates:chat-attachments/${ENV}`,
  Status: 'Enabled',
  Filter: { Prefix: `chat-attachments/${ENV}/` },
  Expiration: { Days: 30 },
};

let fake: FakeGitHub | undefined;
afterEach(async () => {
  expect(fake?.violations ?? []).toEqual([]);
  await fake?.close();
  fake = undefined;
});

async function startGitHub(token: Partial<FakeToken> = {}, options: Parameters<typeof startFakeGitHub>[2] = {}) {
  fake = await startFakeGitHub(repository(), { value: TOKEN, admin: false, ...token }, options);
  return fake;
}

let runId = 1000;
/** One run of the drift watch as the workflow runs it: read-only gates in mode plan, drift-issue on. */
async function watch(github: FakeGitHub, bucket: string, overrides: Record<string, string> = {}) {
  const workspace = await tempDir('drift');
  const id = runId++;
  const host = recordingHost(
    testInputs({
      'app-env': ENV,
      's3-bucket': bucket,
      gates: 'lifecycle,verify,growth',
      mode: 'plan',
      'expect-expire-days': '30',
      'drift-issue': 'true',
      'github-token': TOKEN,
      ...overrides,
    }),
    workspace,
    () => new Date(),
    { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'octo-org/chat-service', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: String(id) },
  );
  const result = await runGates(host);
  const verdict = {
    result: result?.result,
    failedGates: result?.failedGates,
    statuses: result?.gates.map((gate) => [gate.id, gate.status]),
    outputResult: host.outputs.result,
    failures: host.failures.map((line) => line.replace(workspace, '<workspace>')),
  };
  return { host, result, verdict, runUrl: `https://github.com/octo-org/chat-service/actions/runs/${id}` };
}

/** A bucket whose rule was deleted (drift) or is in place. */
async function bucketWith(label: string, rules: LifecycleRule[]) {
  const bucket = uniqueBucket(label);
  await createBucketWith(rawClient(), bucket, { rules });
  return bucket;
}

describe('the drift watch keeps one issue per environment', () => {
  it('opens the issue when retention is broken, updates it on the next run, and comments and closes it when all pass again', async () => {
    const github = await startGitHub();
    const bucket = await bucketWith('drift-open', []);
    const before = await serverState(rawClient(), bucket);

    const first = await watch(github, bucket);
    expect(first.verdict.result).toBe('FAIL');
    expect(first.verdict.failedGates).toEqual(['verify']);
    const [opened, ...others] = openIssues(github.state);
    expect(others).toEqual([]);
    expect(opened).toMatchObject({ title: TITLE, labels: ['release-gates-drift'], user: WORKFLOW_BOT });
    const openedBody = opened?.body;
    const marker = readDriftMarker(openedBody);
    expect(marker?.env).toBe(ENV);
    expect(opened?.body).toContain('| `verify` | FAIL |');
    expect(opened?.body).toContain(`in [the run](<${first.runUrl}>)`);
    expect(opened?.body).toContain('## Latest reports');
    expect(first.host.summary).toContain(
      `## Published on GitHub\n\n- Drift issue for \`${ENV}\`: opened [#${opened?.number}](<https://github.com/octo-org/chat-service/issues/${opened?.number}>).`,
    );
    expect(first.host.logs).toContain(`info Drift issue for ${ENV}: open an issue '${TITLE}'.`);
    // The watch only reads the bucket.
    expect(await serverState(rawClient(), bucket)).toEqual(before);

    const second = await watch(github, bucket);
    expect(second.verdict).toEqual({ ...first.verdict, failures: second.verdict.failures });
    expect(openIssues(github.state)).toHaveLength(1);
    const updated = openIssues(github.state)[0];
    expect(updated?.number).toBe(opened?.number);
    expect(readDriftMarker(updated?.body)?.firstSeen).toBe(marker?.firstSeen);
    expect(updated?.body).toContain(`in [the run](<${second.runUrl}>)`);
    expect(updated?.body).not.toBe(openedBody);
    expect(second.host.summary).toContain(`updated #${opened?.number} (first seen ${marker?.firstSeen})`);

    // Someone puts the rule back: the next run passes, comments and closes.
    await rawClient().send(
      new (await import('@aws-sdk/client-s3')).PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [MANAGED] } }),
    );
    const third = await watch(github, bucket);
    expect(third.verdict.result).toBe('PASS');
    expect(third.host.failures).toEqual([]);
    expect(openIssues(github.state)).toEqual([]);
    const closed = github.state.issues?.find((issue) => issue.number === opened?.number);
    expect(closed).toMatchObject({ state: 'closed', state_reason: 'completed' });
    const comments = github.state.issueComments?.filter((comment) => comment.issue_number === opened?.number) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(
      /^Every gate passes again at .*, in \[the run\]\(<https:\/\/github\.com\/octo-org\/chat-service\/actions\/runs\/\d+>\): retention of `chat-attachments\/staging\/`/,
    );

    // And a further passing run has nothing to do.
    const writes = github.calls.filter((call) => call.method !== 'GET').length;
    const fourth = await watch(github, bucket);
    expect(fourth.verdict.result).toBe('PASS');
    expect(github.calls.filter((call) => call.method !== 'GET').length).toBe(writes);
    expect(fourth.host.summary).toContain('nothing to do: every gate passes and no drift issue is open');
  });

  it('two overlapping runs both open an issue; the next run keeps the oldest and closes the other as its duplicate', async () => {
    // Both runs list the open issues before either creates one (held at the list until both ask).
    const github = await startGitHub({}, { barrier: { route: ISSUES, count: 2 } });
    const bucket = await bucketWith('drift-overlap', []);
    const [a, b] = await Promise.all([watch(github, bucket), watch(github, bucket)]);
    expect([a.verdict.result, b.verdict.result]).toEqual(['FAIL', 'FAIL']);
    const opened = openIssues(github.state);
    expect(opened).toHaveLength(2);
    const [oldest, newer] = opened.sort((x, y) => Date.parse(x.created_at) - Date.parse(y.created_at) || x.number - y.number);

    const next = await watch(github, bucket);
    expect(next.verdict.result).toBe('FAIL');
    expect(openIssues(github.state).map((issue) => issue.number)).toEqual([oldest?.number]);
    const duplicate = github.state.issues?.find((issue) => issue.number === newer?.number);
    expect(duplicate).toMatchObject({ state: 'closed', state_reason: 'duplicate', duplicate_of: oldest?.id });
    expect(github.state.issueComments?.find((comment) => comment.issue_number === newer?.number)?.body).toMatch(
      new RegExp(`^Duplicate of #${oldest?.number}: two drift watch runs for \`staging\` overlapped`),
    );
    expect(next.host.summary).toContain(`close #${newer?.number} as a duplicate of #${oldest?.number}`.replace('close', 'closed'));

    // The run after that finds one open issue and just updates it.
    const after = await watch(github, bucket);
    expect(after.host.logs).toContain(
      `info Drift issue for ${ENV}: update #${oldest?.number} with this run's report (first seen ${readDriftMarker(oldest?.body)?.firstSeen}).`,
    );
    expect(openIssues(github.state)).toHaveLength(1);
  });

  it('finds the issue by its marker when the label was dropped, and leaves issues of people and of other environments alone', async () => {
    const github = await startGitHub({ push: false });
    const bucket = await bucketWith('drift-marker', []);
    const person = seedIssue(github.state, { number: 1, title: 'Copied the drift issue', body: `${driftMarker(ENV, '2030-01-01T00:00:00Z')}\nmy notes` });
    const otherEnv = seedIssue(github.state, {
      number: 2,
      title: 'Release gates drift: production',
      body: `${driftMarker('production', '2030-01-01T00:00:00Z')}\n`,
      user: WORKFLOW_BOT,
    });
    seedIssue(github.state, {
      number: 3,
      title: 'A pull request',
      body: `${driftMarker(ENV, '2030-01-01T00:00:00Z')}\n`,
      user: WORKFLOW_BOT,
      pull_request: true,
    });

    await watch(github, bucket);
    const ours = openIssues(github.state).filter((issue) => issue.user.type === 'Bot' && readDriftMarker(issue.body)?.env === ENV);
    expect(ours).toHaveLength(1);
    expect(ours[0]?.labels).toEqual([]);
    await watch(github, bucket);
    expect(openIssues(github.state).filter((issue) => readDriftMarker(issue.body)?.env === ENV && issue.user.type === 'Bot')).toHaveLength(1);
    // Nothing written to what this token did not create, nor to the pull request.
    const touched = github.calls.filter((call) => call.method !== 'GET').map((call) => call.path);
    for (const number of [person.number, otherEnv.number, 3]) expect(touched.some((path) => path.includes(`/issues/${number}`))).toBe(false);
    expect(person.body).toContain('my notes');
    expect(person.state).toBe('open');
  });

  it('drift-issue: plan prints the decision and writes nothing', async () => {
    const github = await startGitHub({ issues: 'read' });
    const bucket = await bucketWith('drift-plan', []);
    const run = await watch(github, bucket, { 'drift-issue': 'plan' });
    expect(run.verdict.result).toBe('FAIL');
    expect(github.calls.filter((call) => call.method !== 'GET')).toEqual([]);
    expect(run.host.summary).toContain(`- Drift issue for \`${ENV}\` (plan, nothing written): would open an issue '${TITLE}'.`);
    expect(run.host.logs).toContain(`info Drift issue for ${ENV} (drift-issue: plan, nothing written): would open an issue '${TITLE}'.`);
  });

  it('a 403 names the permission and changes no verdict, failing or passing', async () => {
    const bucket = await bucketWith('drift-403', []);
    // The same bucket, watched without publishing: the reference verdict.
    const reference = await watch(await startGitHub(), bucket, { 'drift-issue': 'false' });
    await fake?.close();

    const github = await startGitHub({ issues: 'read' });
    const denied = await watch(github, bucket);
    expect(denied.verdict).toEqual(reference.verdict);
    expect(denied.verdict.failures).toHaveLength(1);
    expect(denied.verdict.failures[0]).toMatch(/^Release gates NO-GO \(verify\)\./);
    expect(openIssues(github.state)).toEqual([]);
    const warning = denied.host.logs.find((line) => line.startsWith('warning Drift issue for staging'));
    expect(warning).toContain("github-token lacks the permission 'issues=write'");
    expect(warning).toContain("The gates' results are unchanged.");
    expect(denied.host.summary).toContain('failed: GitHub POST /repos/octo-org/chat-service/issues at');
    expect(denied.result?.published?.problems).toHaveLength(1);

    // Passing, with an open drift issue the read-only token cannot close: still PASS, no failure.
    seedIssue(github.state, { number: 9, title: TITLE, body: `${driftMarker(ENV, '2030-01-01T00:00:00Z')}\n`, user: WORKFLOW_BOT });
    await rawClient().send(
      new (await import('@aws-sdk/client-s3')).PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [MANAGED] } }),
    );
    const passing = await watch(github, bucket);
    expect(passing.verdict.result).toBe('PASS');
    expect(passing.verdict.outputResult).toBe('PASS');
    expect(passing.host.failures).toEqual([]);
    expect(passing.host.logs.some((line) => line.startsWith('warning Drift issue for staging') && line.includes("'issues=write'"))).toBe(true);
    expect(github.state.issues?.find((issue) => issue.number === 9)?.state).toBe('open');
  });

  it('an unreachable GitHub API is a warning naming it, after bounded retries; the verdict is unchanged', async () => {
    const github = await startGitHub();
    const bucket = await bucketWith('drift-down', []);
    const reference = await watch(github, bucket, { 'drift-issue': 'false' });
    // The same API address, closed: nothing listens there any more.
    await github.close();
    fake = undefined;
    const down = await watch(github, bucket);
    expect(down.verdict).toEqual(reference.verdict);
    const warning = down.host.logs.find((line) => line.startsWith('warning Drift issue failed:')) ?? '';
    expect(warning).toContain(`GitHub GET /repos/octo-org/chat-service/issues at ${github.url} failed: API unreachable`);
    expect(warning).toContain("The gates' results are unchanged.");
    expect(down.host.summary).toContain('- Drift issue: failed: GitHub GET');
  });

  it('never puts a secret into the issue', async () => {
    const github = await startGitHub();
    const bucket = await bucketWith('drift-secret', []);
    const run = await watch(github, bucket);
    const secret = testInputs()['s3-secret-key'] ?? '';
    expect(secret.length).toBeGreaterThan(0);
    for (const call of github.calls) expect(JSON.stringify(call.body ?? '')).not.toContain(secret);
    for (const call of github.calls) expect(JSON.stringify(call.body ?? '')).not.toContain(TOKEN);
    expect(run.host.masked).toContain(TOKEN);
  });
});

describe('a person who owns the token', () => {
  it('with a personal token, the issue is found by its author, not by a bot account', async () => {
    const github = await startGitHub({ account: PERSON });
    const bucket = await bucketWith('drift-user', []);
    await watch(github, bucket);
    await watch(github, bucket);
    const open = openIssues(github.state);
    expect(open).toHaveLength(1);
    expect(open[0]?.user).toEqual(PERSON);
    expect(github.routes()).toContain('GET /user');
  });
});
