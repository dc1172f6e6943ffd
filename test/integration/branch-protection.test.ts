import { afterEach, describe, expect, it } from 'vitest';
import { CHECK, HEAD, repository, rulesetRequiring, runBranchProtectionGate, TOKEN } from '../support/branch-protection.js';
import {
  ACTIONS,
  defaultClassic,
  OTHER_APP,
  startFakeGitHub,
  type FakeGitHub,
  type FakeRepository,
  type FakeToken,
  type RateLimitPlan,
} from '../support/fake-github.js';
import { gitHubOpenApi } from '../support/openapi.js';
import type { GateOutcome } from '../../src/verdict.js';

const WORKFLOW_TOKEN: FakeToken = { value: TOKEN, admin: false };
const ADMIN_TOKEN: FakeToken = { value: TOKEN, admin: true };

const R = {
  repo: 'GET /repos/{owner}/{repo}',
  branch: 'GET /repos/{owner}/{repo}/branches/{branch}',
  rules: 'GET /repos/{owner}/{repo}/rules/branches/{branch}',
  rulesets: 'GET /repos/{owner}/{repo}/rulesets',
  ruleset: 'GET /repos/{owner}/{repo}/rulesets/{ruleset_id}',
  protection: 'GET /repos/{owner}/{repo}/branches/{branch}/protection',
  putProtection: 'PUT /repos/{owner}/{repo}/branches/{branch}/protection',
  createRuleset: 'POST /repos/{owner}/{repo}/rulesets',
  runs: 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
  commits: 'GET /repos/{owner}/{repo}/commits',
  pulls: 'GET /repos/{owner}/{repo}/pulls',
} as const;

let fake: FakeGitHub | undefined;
afterEach(async () => {
  // Every answer of every test, and every body sent, matched GitHub's OpenAPI description.
  expect(fake?.violations ?? []).toEqual([]);
  await fake?.close();
  fake = undefined;
});

async function gate(state: FakeRepository, token: FakeToken, inputs: Record<string, string> = {}, rateLimit?: RateLimitPlan, clientOptions = {}) {
  fake = await startFakeGitHub(state, token, rateLimit ? { rateLimit } : {});
  return { ...(await runBranchProtectionGate(fake, inputs, clientOptions)), fake };
}

const messages = (outcome: GateOutcome, level: string) => outcome.findings.filter((finding) => finding.level === level).map((finding) => finding.message);
const uniqueRoutes = (github: FakeGitHub) => [...new Set(github.routes())].sort();

describe('the fake GitHub API cannot drift from GitHub', () => {
  it('rejects a body that does not match the OpenAPI description, and answers 404 on routes it does not implement', async () => {
    const openapi = gitHubOpenApi();
    // A rule with required_status_checks as a string instead of a list: drift is caught.
    const drift = openapi.validateResponse('GET', '/repos/{owner}/{repo}/rules/branches/{branch}', 200, [
      { type: 'required_status_checks', parameters: { strict_required_status_checks_policy: true, required_status_checks: 'CI' }, ruleset_id: 1 },
    ]);
    expect(drift.length).toBeGreaterThan(0);
    expect(openapi.validateResponse('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', 200, { check_runs: [] })).toEqual([
      expect.stringContaining("must have required property 'total_count'"),
    ]);
    expect(openapi.validateRequest('PUT', '/repos/{owner}/{repo}/branches/{branch}/protection', { enforce_admins: true })).not.toEqual([]);
    // The routes the proof search reads: a commit without its sha, a pull request without its head.
    expect(openapi.validateResponse('GET', '/repos/{owner}/{repo}/commits', 200, [{ url: 'https://api.github.com/x' }])).toContainEqual(
      expect.stringContaining("must have required property 'sha'"),
    );
    expect(openapi.validateResponse('GET', '/repos/{owner}/{repo}/pulls', 200, [{ number: 1 }])).toContainEqual(
      expect.stringContaining("must have required property 'head'"),
    );

    fake = await startFakeGitHub(repository(), WORKFLOW_TOKEN);
    // (The issues routes are implemented now, for publishing: releases are not.)
    const response = await fetch(`${fake.url}/repos/octo-org/chat-service/releases`, { headers: { authorization: `token ${TOKEN}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: 'Not Found' });
    expect(fake.calls.at(-1)).toMatchObject({ method: 'GET', route: '/repos/octo-org/chat-service/releases', status: 404 });
  });
});

describe('branch-protection gate (check) against a fake GitHub', () => {
  it('PASS: an active ruleset requires the check, pinned to GitHub Actions, and Actions emits it on the head', async () => {
    const { outcome, fake } = await gate(repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] }), WORKFLOW_TOKEN);
    expect(outcome.status).toBe('PASS');
    expect(uniqueRoutes(fake)).toEqual([R.repo, R.branch, R.protection, R.rules, R.rulesets, R.ruleset, R.runs].sort());
    // The workflow token cannot read classic protection (403), which does not matter: the ruleset proves it.
    expect(fake.calls.find((call) => `${call.method} ${call.route}` === R.protection)?.status).toBe(403);
    const evidence = outcome.findings.find((finding) => finding.level === 'info' && finding.message.includes('is required, pinned to GitHub Actions'));
    expect(evidence?.message).toContain("ruleset #42 'Protect main' (Repository octo-org/chat-service, enforcement active)");
    expect(evidence?.evidence).toMatch(/^check run #\d+ 'CI \/ surreal-release-gates' by github-actions \(15368\), completed\/success$/);
    expect(messages(outcome, 'info')).toContain(
      'Strict mode (branch must be up to date before merging) in ' + "ruleset #42 'Protect main' (Repository octo-org/chat-service, enforcement active): on.",
    );
    const table = outcome.sections.find((section) => section.kind === 'table' && section.title === 'Required status checks');
    expect(table?.kind === 'table' ? table.rows : []).toEqual([
      [
        "ruleset #42 'Protect main' (Repository octo-org/chat-service, enforcement active)",
        CHECK,
        '15368 (GitHub Actions)',
        'on',
        'satisfied',
        expect.stringMatching(/^check run #\d+ \(app 15368\)$/),
      ],
    ]);
  });

  it('PASS: classic protection requires the check (token with administration: read)', async () => {
    const classic = defaultClassic({ required_status_checks: { strict: false, checks: [{ context: CHECK, app_id: ACTIONS.id }] }, enforce_admins: true });
    const { outcome, fake } = await gate(repository({ classic: { main: classic } }), ADMIN_TOKEN);
    expect(outcome.status).toBe('PASS');
    expect(fake.calls.find((call) => `${call.method} ${call.route}` === R.protection)?.status).toBe(200);
    expect(messages(outcome, 'info')).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`'${CHECK}' (classic branch protection) is required, pinned to GitHub Actions (15368)`),
        'Strict mode (branch must be up to date before merging) in classic branch protection: off.',
      ]),
    );
  });

  it('PASS: classic protection read from the branch summary when the workflow token may not read the protection', async () => {
    const classic = defaultClassic({ required_status_checks: { strict: true, checks: [{ context: CHECK, app_id: ACTIONS.id }] }, enforce_admins: true });
    const { outcome } = await gate(repository({ classic: { main: classic } }), WORKFLOW_TOKEN);
    expect(outcome.status).toBe('PASS');
    expect(messages(outcome, 'info')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('(classic branch protection (branch summary)) is required'),
        expect.stringContaining(
          "Classic protection details not readable (GET /repos/octo-org/chat-service/branches/main/protection answered 403: the token lacks 'administration=read')",
        ),
        expect.stringContaining('unknown (the branch summary does not show it)'),
      ]),
    );
  });

  it('FAIL: neither rulesets nor classic protection require the check', async () => {
    const { outcome, fake } = await gate(repository(), WORKFLOW_TOKEN);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.summary).toBe("Neither rulesets nor classic branch protection require 'CI / surreal-release-gates' or 'surreal-release-gates' on main.");
    // The summary says the branch is unprotected: there is no classic protection to ask about.
    expect(fake.routes()).not.toContain(R.protection);
  });

  it('FAIL: only a near-miss name is required', async () => {
    const { outcome } = await gate(
      repository({ rulesets: [rulesetRequiring([{ context: 'CI/surreal-release-gates', integration_id: ACTIONS.id }])] }),
      WORKFLOW_TOKEN,
    );
    expect(outcome.status).toBe('FAIL');
    expect(messages(outcome, 'fail')).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          "'CI/surreal-release-gates' (ruleset #42 (octo-org/chat-service)) is required, but it is not 'CI / surreal-release-gates' or 'surreal-release-gates': a similar name does not count.",
        ),
        expect.stringContaining('Neither rulesets nor classic branch protection require'),
      ]),
    );
    const table = outcome.sections.find((section) => section.kind === 'table' && section.title === 'Required status checks');
    expect(table?.kind === 'table' ? table.rows.map((row) => row[4]) : []).toEqual(['similar name, does not count']);
  });

  it('UNVERIFIABLE: the token may not read classic protection and nothing else proves the requirement', async () => {
    const classic = defaultClassic({ required_status_checks: { strict: true, checks: [{ context: CHECK, app_id: ACTIONS.id }] } });
    const { outcome } = await gate(repository({ classic: { main: classic } }), { ...WORKFLOW_TOKEN, summaryShowsChecks: false });
    expect(outcome.status).toBe('UNVERIFIABLE');
    const [finding] = outcome.findings.filter((f) => f.level === 'unverifiable');
    expect(finding?.message).toContain("the token lacks 'administration=read'");
    expect(finding?.remediation).toContain('administration=read');
    expect(finding?.remediation).toContain('ruleset');
  });

  it('PASS after waiting: a secondary rate limit with retry-after: 1 is waited out, then the answer is used', async () => {
    const state = repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] });
    const { outcome, logs, fake } = await gate(state, WORKFLOW_TOKEN, {}, { route: R.rules, times: 1, retryAfterSeconds: 1 });
    expect(outcome.status).toBe('PASS');
    const attempts = fake.calls.filter((call) => `${call.method} ${call.route}` === R.rules);
    expect(attempts.map((call) => call.status)).toEqual([429, 200]);
    const [limited, retried] = attempts;
    // retry-after: 1 honoured: the retry came at least a second later (timer granularity aside).
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect(logs).toContainEqual(
      expect.stringMatching(/^warning GitHub secondary rate limit on GET .*\/rules\/branches\/main.*: waiting 1 s \(wait 1 of 2\)\.$/),
    );
  });

  it('UNVERIFIABLE, never PASS: a rate limit beyond the wait bound', async () => {
    const state = repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] });
    const { outcome, logs } = await gate(state, WORKFLOW_TOKEN, {}, { route: R.branch, times: 5, retryAfterSeconds: 30 }, { rateLimitMaxWaitSeconds: 2 });
    expect(outcome.status).toBe('UNVERIFIABLE');
    expect(outcome.summary).toMatch(/is rate limited.*exceeded this action's bound/);
    expect(logs).toContainEqual(expect.stringContaining('retry-after 30 s is beyond the bound'));
  });

  it('WARN: the requirement is not pinned to the GitHub Actions app', async () => {
    const { outcome } = await gate(repository({ rulesets: [rulesetRequiring([{ context: CHECK }])] }), WORKFLOW_TOKEN);
    expect(outcome.status).toBe('WARN');
    expect(messages(outcome, 'warn')).toEqual([
      expect.stringContaining('is not pinned to GitHub Actions (15368): any app allowed to post statuses could satisfy it'),
    ]);
  });

  it('FAIL: the required name is carried by no check run (the plain job emits only its job name)', async () => {
    const state = repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] }, [
      { name: 'surreal-release-gates' },
      { name: 'lint' },
    ]);
    const { outcome } = await gate(state, WORKFLOW_TOKEN);
    expect(outcome.status).toBe('FAIL');
    const finding = outcome.findings.find((f) => f.level === 'fail');
    expect(finding?.message).toMatch(
      /is required, but GitHub Actions emits 'surreal-release-gates' \(check run #\d+ on the head c0ffee123456 of main\), not this one: every pull request would wait for it forever\.$/,
    );
    expect(finding?.evidence).toBe("Check runs on the head: 'surreal-release-gates', 'lint'.");
    expect(finding?.remediation).toBe("Require 'surreal-release-gates' (the name the job emits) instead.");
  });

  it('PASS: the job part of the name counts when exactly that name is required and emitted', async () => {
    const state = repository({ rulesets: [rulesetRequiring([{ context: 'surreal-release-gates', integration_id: ACTIONS.id }])] }, [
      { name: 'surreal-release-gates' },
    ]);
    const { outcome } = await gate(state, WORKFLOW_TOKEN);
    expect(outcome.status).toBe('PASS');
  });

  it('UNVERIFIABLE (spec change: was a passing WARN): no check run with the name on the head, the recent commits or merged pull requests', async () => {
    const state = repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] }, []);
    const { outcome } = await gate(state, WORKFLOW_TOKEN);
    expect(outcome.status).toBe('UNVERIFIABLE');
    expect(messages(outcome, 'unverifiable')).toEqual([
      "No GitHub Actions check run named 'CI / surreal-release-gates' or 'surreal-release-gates' was found on the head of main and the head commits of 0 merged pull request(s): that a job emits the required name cannot be proved, and a required name that no job emits blocks every pull request.",
    ]);
    expect(outcome.findings.find((finding) => finding.level === 'unverifiable')?.remediation).toBe(
      'Run the workflow once on a pull request or the branch first, then run this gate again.',
    );
  });

  it('FAIL: a check run with the name exists, but from another app than GitHub Actions', async () => {
    const state = repository({ rulesets: [rulesetRequiring([{ context: CHECK }])] }, [{ name: CHECK, app: OTHER_APP }]);
    const { outcome } = await gate(state, WORKFLOW_TOKEN);
    expect(outcome.status).toBe('FAIL');
    expect(messages(outcome, 'fail')).toEqual([expect.stringContaining('only another app posts it, not GitHub Actions')]);
  });

  it('FAIL with findings: a ruleset in evaluate mode requires it but enforces nothing', async () => {
    const { outcome, fake } = await gate(
      repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }], { enforcement: 'evaluate' })] }),
      WORKFLOW_TOKEN,
    );
    expect(outcome.status).toBe('FAIL');
    expect(messages(outcome, 'warn')).toEqual([
      "Ruleset #42 'Protect main' would require 'CI / surreal-release-gates' on main, but it is in evaluate mode: it blocks nothing.",
    ]);
    expect(fake.routes()).toContain(R.ruleset);
  });

  it('WARN: bypass actors of the ruleset are reported when the token may see them', async () => {
    const ruleset = rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }], {
      bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
    });
    const { outcome } = await gate(repository({ rulesets: [ruleset] }), ADMIN_TOKEN);
    expect(outcome.status).toBe('WARN');
    const [warning] = outcome.findings.filter((f) => f.level === 'warn');
    expect(warning?.message).toBe("Ruleset #42 'Protect main' can be bypassed by 1 actor(s): they can merge without the check.");
    expect(warning?.evidence).toBe('RepositoryRole #5 (always)');
  });

  it('ERROR naming github-token when GitHub rejects the token', async () => {
    fake = await startFakeGitHub(repository(), { value: 'another-token', admin: false });
    const { outcome } = await runBranchProtectionGate(fake);
    expect(outcome.status).toBe('ERROR');
    expect(outcome.summary).toContain('rejected the token (401 Bad credentials). Check github-token');
    expect(outcome.summary).not.toContain(TOKEN);
  });

  it('FAIL naming github-branch when the branch does not exist', async () => {
    const { outcome } = await gate(repository(), WORKFLOW_TOKEN, { 'github-branch': 'release/9' });
    expect(outcome.status).toBe('FAIL');
    expect(outcome.summary).toBe("Branch 'release/9' does not exist in octo-org/chat-service (GET branch answered 404). Check github-branch.");
  });
});

describe('branch-protection gate plan and apply', () => {
  /** Classic protection with every setting someone may have chosen, but not our check. */
  const busyClassic = () =>
    defaultClassic({
      required_status_checks: {
        strict: true,
        checks: [
          { context: 'lint', app_id: null },
          { context: 'build', app_id: OTHER_APP.id },
        ],
      },
      enforce_admins: true,
      required_pull_request_reviews: {
        dismissal_restrictions: { users: ['octocat'], teams: ['release-managers'], apps: [] },
        dismiss_stale_reviews: true,
        require_code_owner_reviews: true,
        required_approving_review_count: 2,
        require_last_push_approval: true,
        bypass_pull_request_allowances: { users: ['hubot'], teams: [], apps: [] },
      },
      restrictions: { users: ['octocat'], teams: ['release-managers'], apps: ['deploy-bot'] },
      required_linear_history: true,
      allow_force_pushes: false,
      allow_deletions: false,
      block_creations: true,
      required_conversation_resolution: true,
      lock_branch: false,
      allow_fork_syncing: true,
      required_signatures: true,
    });

  it('plan (classic) prints the PUT that would make the branch compliant and changes nothing', async () => {
    const state = repository({ classic: { main: busyClassic() } });
    const before = structuredClone(state.classic.main);
    const { outcome, fake } = await gate(state, ADMIN_TOKEN, { 'branch-protection-mode': 'plan', 'branch-protection-target': 'classic' });
    expect(outcome.status).toBe('FAIL');
    expect(outcome.summary).toMatch(
      /^Plan: Update the protection of main: required checks 'lint'@any app, 'build'@4242 -> 'lint'@any app, 'build'@4242, 'CI \/ surreal-release-gates'@15368; every other setting as it is\. Now: /,
    );
    expect(fake.calls.every((call) => call.method === 'GET')).toBe(true);
    expect(fake.state.classic.main).toEqual(before);
    const request = outcome.sections.find((section) => section.kind === 'code');
    expect(request?.kind === 'code' ? JSON.parse(request.text) : undefined).toMatchObject({
      method: 'PUT',
      path: '/repos/octo-org/chat-service/branches/main/protection',
    });
  });

  it('apply (classic) requires the check and keeps every other protection setting: the PUT body and the read-back prove it', async () => {
    const state = repository({ classic: { main: busyClassic() } });
    const { outcome, fake } = await gate(state, ADMIN_TOKEN, { 'branch-protection-mode': 'apply', 'branch-protection-target': 'classic' });
    const puts = fake.calls.filter((call) => `${call.method} ${call.route}` === R.putProtection);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.body).toEqual({
      required_status_checks: {
        strict: true,
        contexts: ['lint', 'build', CHECK],
        // lint stays open to any app (-1; an omitted app_id would let GitHub pin it), build stays pinned to its app.
        checks: [
          { context: 'lint', app_id: -1 },
          { context: 'build', app_id: OTHER_APP.id },
          { context: CHECK, app_id: ACTIONS.id },
        ],
      },
      enforce_admins: true,
      required_pull_request_reviews: {
        dismissal_restrictions: { users: ['octocat'], teams: ['release-managers'], apps: [] },
        dismiss_stale_reviews: true,
        require_code_owner_reviews: true,
        required_approving_review_count: 2,
        require_last_push_approval: true,
        bypass_pull_request_allowances: { users: ['hubot'], teams: [], apps: [] },
      },
      restrictions: { users: ['octocat'], teams: ['release-managers'], apps: ['deploy-bot'] },
      required_linear_history: true,
      allow_force_pushes: false,
      allow_deletions: false,
      block_creations: true,
      required_conversation_resolution: true,
      lock_branch: false,
      allow_fork_syncing: true,
    });
    expect(fake.state.classic.main).toEqual({
      ...busyClassic(),
      required_status_checks: {
        strict: true,
        checks: [
          { context: 'lint', app_id: null },
          { context: 'build', app_id: OTHER_APP.id },
          { context: CHECK, app_id: ACTIONS.id },
        ],
      },
    });
    expect(outcome.status).toBe('PASS');
    expect(messages(outcome, 'info')).toEqual(expect.arrayContaining(['Read back: every protection setting other than our required check is unchanged.']));
  });

  it('apply (classic) replaces our requirement that no check run carries with the emitted name', async () => {
    const classic = defaultClassic({
      required_status_checks: {
        strict: false,
        checks: [
          { context: CHECK, app_id: null },
          { context: 'lint', app_id: null },
        ],
      },
      enforce_admins: true,
    });
    const state = repository({ classic: { main: classic } }, [{ name: 'surreal-release-gates' }, { name: 'lint' }]);
    const { outcome, fake } = await gate(state, ADMIN_TOKEN, { 'branch-protection-mode': 'apply', 'branch-protection-target': 'classic' });
    expect(fake.state.classic.main?.required_status_checks?.checks).toEqual([
      { context: 'lint', app_id: null },
      { context: 'surreal-release-gates', app_id: ACTIONS.id },
    ]);
    expect(outcome.status).toBe('PASS');
  });

  it('plan (ruleset) prints the ruleset apply would create and writes nothing', async () => {
    const { outcome, fake } = await gate(repository(), WORKFLOW_TOKEN, { 'branch-protection-mode': 'plan' });
    expect(outcome.status).toBe('FAIL');
    expect(fake.calls.every((call) => call.method === 'GET')).toBe(true);
    expect(fake.state.rulesets).toEqual([]);
    expect(outcome.summary).toMatch(/^Plan: Create ruleset 'surreal-release-gates: required check on main'/);
  });

  it('apply (ruleset) creates its own ruleset, leaves the others alone, and the branch then passes', async () => {
    const foreign = rulesetRequiring([{ context: 'lint' }], { id: 7, name: 'Team rules' });
    const state = repository({ rulesets: [foreign] });
    const { outcome, fake } = await gate(state, ADMIN_TOKEN, { 'branch-protection-mode': 'apply' });
    const posts = fake.calls.filter((call) => `${call.method} ${call.route}` === R.createRuleset);
    expect(posts.map((call) => call.body)).toEqual([
      {
        name: 'surreal-release-gates: required check on main',
        target: 'branch',
        enforcement: 'active',
        bypass_actors: [],
        conditions: { ref_name: { include: ['refs/heads/main'], exclude: [] } },
        rules: [
          {
            type: 'required_status_checks',
            parameters: {
              strict_required_status_checks_policy: false,
              do_not_enforce_on_create: false,
              required_status_checks: [{ context: CHECK, integration_id: ACTIONS.id }],
            },
          },
        ],
      },
    ]);
    expect(fake.state.rulesets[0]).toEqual(foreign);
    expect(outcome.status).toBe('PASS');
    // After apply the gate judged fresh reads: the rules endpoint was read again.
    expect(fake.routes().filter((r) => r === R.rules)).toHaveLength(2);
  });

  it('apply with the workflow token: UNVERIFIABLE naming administration=write, nothing changed', async () => {
    const { outcome, fake } = await gate(repository(), WORKFLOW_TOKEN, { 'branch-protection-mode': 'apply' });
    expect(outcome.status).toBe('UNVERIFIABLE');
    expect(outcome.summary).toContain("github-token lacks the permission 'administration=write'");
    expect(fake.state.rulesets).toEqual([]);
  });

  it('apply when already compliant sends nothing', async () => {
    const { outcome, fake } = await gate(repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] }), ADMIN_TOKEN, {
      'branch-protection-mode': 'apply',
    });
    expect(outcome.status).toBe('PASS');
    expect(fake.calls.every((call) => call.method === 'GET')).toBe(true);
    expect(messages(outcome, 'info')).toContain("Nothing to change: 'CI / surreal-release-gates' is already required on main, pinned to GitHub Actions.");
  });

  it('apply refuses to require a name no check run carries, on the branch or on merged pull requests', async () => {
    const state = repository(
      {
        pullRequests: [
          { number: 3, base: 'main', headSha: 'feed000000000000000000000000000000000003', state: 'closed', merged: true, updatedAt: '2026-02-01T00:00:00Z' },
        ],
      },
      [{ name: 'lint' }],
    );
    const { outcome, fake } = await gate(state, ADMIN_TOKEN, { 'branch-protection-mode': 'apply' });
    expect(outcome.status).toBe('FAIL'); // nothing requires it either
    const refusal = outcome.findings.find((finding) => finding.message.startsWith('No change planned'));
    expect(refusal).toMatchObject({
      level: 'unverifiable',
      message:
        "No change planned: no GitHub Actions check run carrying 'CI / surreal-release-gates' or 'surreal-release-gates' was found on the branch or on recently merged pull requests, and requiring a name no job emits would block every pull request forever.",
      remediation: 'Run the workflow once on a pull request or the branch first, then plan or apply again.',
    });
    expect(fake.calls.every((call) => call.method === 'GET')).toBe(true);
    expect(fake.state.rulesets).toEqual([]);
  });

  it('apply refuses when the requirement exists but its name is not proved (spec change: no check runs used to count as compliant), and check is UNVERIFIABLE', async () => {
    const state = repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] }, []);
    const applied = await gate(state, ADMIN_TOKEN, { 'branch-protection-mode': 'apply' });
    expect(applied.outcome.status).toBe('UNVERIFIABLE');
    expect(messages(applied.outcome, 'unverifiable')).toContainEqual(expect.stringMatching(/^No change planned: no GitHub Actions check run carrying/));
    expect(applied.fake.calls.every((call) => call.method === 'GET')).toBe(true);
  });
});

describe('head sha', () => {
  it('check runs are read for the branch head commit', async () => {
    const { fake } = await gate(repository(), WORKFLOW_TOKEN);
    expect(fake.calls.find((call) => `${call.method} ${call.route}` === R.runs)?.path).toBe(`/repos/octo-org/chat-service/commits/${HEAD}/check-runs`);
  });
});
