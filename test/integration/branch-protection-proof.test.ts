import { afterEach, describe, expect, it } from 'vitest';
import { CHECK, HEAD, repository, rulesetRequiring, runBranchProtectionGate, TOKEN } from '../support/branch-protection.js';
import {
  ACTIONS,
  defaultClassic,
  OTHER_APP,
  startFakeGitHub,
  type FakeCall,
  type FakeGitHub,
  type FakePullRequest,
  type FakeRepository,
  type FakeToken,
} from '../support/fake-github.js';
import type { GateOutcome } from '../../src/verdict.js';

/**
 * The cases of adoption on github.com: which token reads what, where the proof of the emitted
 * check name is searched (the branch's recent commits, then merged pull requests' heads), and
 * the pull request page's form of the name. Every answer of the fake is validated against
 * GitHub's OpenAPI description.
 */

/** The workflow token in a job granted checks: read and pull-requests: read; no administration rights. */
const WORKFLOW: FakeToken = { value: TOKEN, admin: false };
/** A fine-grained personal access token with administration rights, which cannot get checks: read. */
const PAT_VALUE = 'github_pat_fakeFineGrained0123456789abcdefABCDEF';
const FINE_GRAINED_PAT: FakeToken = { value: PAT_VALUE, admin: true, checks: false };

const RUNS = 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs';
const COMMITS = 'GET /repos/{owner}/{repo}/commits';
const PULLS = 'GET /repos/{owner}/{repo}/pulls';
const PROTECTION = 'GET /repos/{owner}/{repo}/branches/{branch}/protection';

let fake: FakeGitHub | undefined;
afterEach(async () => {
  expect(fake?.violations ?? []).toEqual([]);
  await fake?.close();
  fake = undefined;
});

async function gate(state: FakeRepository, tokens: FakeToken[], inputs: Record<string, string> = {}) {
  fake = await startFakeGitHub(state, tokens);
  return { ...(await runBranchProtectionGate(fake, inputs)), fake };
}

const sha = (n: number) => `${String(n).padStart(4, '0')}${'ab'.repeat(18)}`;
const calls = (github: FakeGitHub, route: string): FakeCall[] => github.calls.filter((call) => `${call.method} ${call.route}` === route);
/**
 * The filtered check-run reads, one entry per commit in the order the commits were asked about:
 * "sha-prefix: name | name" (the names of one commit are asked for together, so sorted).
 */
function searches(github: FakeGitHub): string[] {
  const byCommit = new Map<string, string[]>();
  for (const call of calls(github, RUNS).filter((candidate) => candidate.query.has('check_name'))) {
    const commit = call.path.split('/')[5]?.slice(0, 4) ?? '';
    byCommit.set(commit, [...(byCommit.get(commit) ?? []), call.query.get('check_name') ?? '']);
  }
  return [...byCommit].map(([commit, names]) => `${commit}: ${names.sort().join(' | ')}`);
}
const BOTH = `${CHECK} | surreal-release-gates`;
const finding = (outcome: GateOutcome, level: string) => outcome.findings.find((candidate) => candidate.level === level);
const pull = (number: number, headSha: string, overrides: Partial<FakePullRequest> = {}): FakePullRequest => ({
  number,
  base: 'main',
  headSha,
  state: 'closed',
  merged: true,
  updatedAt: `2026-03-${String(10 + number).padStart(2, '0')}T00:00:00Z`,
  ...overrides,
});

describe('two tokens: check runs with the workflow token, protection reads and apply with the admin token', () => {
  const classicRequiring = () =>
    defaultClassic({ required_status_checks: { strict: true, checks: [{ context: CHECK, app_id: ACTIONS.id }] }, enforce_admins: true });

  it('PASS: github-token reads the check runs, github-admin-token the classic protection; each call carries the token it should', async () => {
    const { outcome, fake } = await gate(repository({ classic: { main: classicRequiring() } }), [WORKFLOW, FINE_GRAINED_PAT], {
      'github-admin-token': PAT_VALUE,
    });
    expect(outcome.status).toBe('PASS');
    expect(calls(fake, RUNS).map((call) => [call.token, call.status])).toEqual([[TOKEN, 200]]);
    expect(calls(fake, PROTECTION).map((call) => [call.token, call.status])).toEqual([[PAT_VALUE, 200]]);
    // Classic protection was read in full: strict mode and admin enforcement are known.
    expect(outcome.findings.map((f) => f.message)).toContain('Strict mode (branch must be up to date before merging) in classic branch protection: on.');
  });

  it('UNVERIFIABLE: a fine-grained token as github-token cannot read check runs; the finding says which token goes where', async () => {
    const { outcome } = await gate(repository({ classic: { main: classicRequiring() } }), [FINE_GRAINED_PAT], { 'github-token': PAT_VALUE });
    expect(outcome.status).toBe('UNVERIFIABLE');
    const denied = finding(outcome, 'unverifiable');
    expect(denied?.message).toContain(`/commits/${HEAD}/check-runs`);
    expect(denied?.message).toContain("github-token lacks the permission 'checks=read'");
    expect(denied?.remediation).toBe(
      "Pass the workflow token as github-token (the action's default) in a job with permissions checks: read and pull-requests: read; fine-grained personal access tokens cannot get checks: read, so give such a token as github-admin-token instead.",
    );
    expect(JSON.stringify(outcome)).not.toContain(PAT_VALUE);
  });

  it('apply (classic) writes with the admin token and reads check runs with the workflow token', async () => {
    const state = repository({
      classic: { main: defaultClassic({ required_status_checks: { strict: false, checks: [{ context: 'lint', app_id: null }] }, enforce_admins: true }) },
    });
    const { outcome, fake } = await gate(state, [WORKFLOW, FINE_GRAINED_PAT], {
      'github-admin-token': PAT_VALUE,
      'branch-protection-mode': 'apply',
      'branch-protection-target': 'classic',
    });
    expect(outcome.status).toBe('PASS');
    const writes = fake.calls.filter((call) => call.method !== 'GET');
    expect(writes.map((call) => [call.method, call.token, call.status])).toEqual([['PUT', PAT_VALUE, 200]]);
    expect(calls(fake, RUNS).every((call) => call.token === TOKEN)).toBe(true);
    expect(fake.state.classic.main?.required_status_checks?.checks).toEqual([
      { context: 'lint', app_id: null },
      { context: CHECK, app_id: ACTIONS.id },
    ]);
  });

  it('without github-admin-token, github-token does everything (one token, as before)', async () => {
    const { outcome, fake } = await gate(repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] }), [WORKFLOW]);
    expect(outcome.status).toBe('PASS');
    expect(new Set(fake.calls.map((call) => call.token))).toEqual(new Set([TOKEN]));
  });
});

describe('proof of the emitted name beyond the head', () => {
  const required = { rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] };

  it('PASS: the head has no check runs, an earlier commit of the branch has the run; the search stops there', async () => {
    const history = [HEAD, sha(1), sha(2), sha(3), sha(4), sha(5)];
    const state = repository({ ...required, history: { main: history } }, []);
    state.checkRuns[sha(3)] = [
      { name: CHECK, app: ACTIONS },
      { name: 'lint', app: ACTIONS },
    ];
    state.checkRuns[sha(5)] = [{ name: CHECK, app: ACTIONS }];
    const { outcome, fake } = await gate(state, [WORKFLOW]);
    expect(outcome.status).toBe('PASS');
    expect(outcome.findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/is required, pinned to GitHub Actions \(15368\), and emitted on commit 0003abababab of main \(3 before the head\)\.$/),
    );
    // GET /commits?sha=main&per_page=20, then each commit asked for both names with both filters, until the hit.
    expect(calls(fake, COMMITS).map((call) => [call.query.get('sha'), call.query.get('per_page')])).toEqual([['main', '20']]);
    expect(searches(fake)).toEqual([`0001: ${BOTH}`, `0002: ${BOTH}`, `0003: ${BOTH}`]);
    expect(
      calls(fake, RUNS)
        .filter((call) => call.query.has('check_name'))
        .every((call) => call.query.get('app_id') === '15368'),
    ).toBe(true);
    expect(calls(fake, PULLS)).toEqual([]);
    expect(outcome.facts).toContainEqual({
      label: 'Emitted name',
      value: expect.stringMatching(/^CI \/ surreal-release-gates, check run #\d+ on commit 0003abababab of main \(3 before the head\)$/),
    });
  });

  it('PASS: CI runs only on pull_request, so the branch has no run with the name; the head of a merged pull request has it', async () => {
    const history = [HEAD, sha(1), sha(2)];
    const state = repository(
      {
        ...required,
        history: { main: history },
        pullRequests: [
          pull(9, sha(90), { merged: false }), // closed without merging: not looked at
          pull(8, sha(80), { base: 'release/1.x' }), // another base: not listed
          pull(7, sha(70)),
          pull(6, sha(60)),
          pull(5, sha(50), { state: 'open', merged: false }),
        ],
      },
      [{ name: 'deploy' }],
    );
    // Push-triggered workflows ran on the branch; the gate's CI ran on the pull requests.
    state.checkRuns[sha(1)] = [{ name: 'deploy', app: ACTIONS }];
    state.checkRuns[sha(90)] = [{ name: CHECK, app: ACTIONS }];
    state.checkRuns[sha(70)] = [
      { name: 'lint', app: ACTIONS },
      { name: CHECK, app: ACTIONS, conclusion: 'failure' },
    ];
    state.checkRuns[sha(60)] = [{ name: CHECK, app: ACTIONS }];
    const { outcome, fake } = await gate(state, [WORKFLOW]);
    expect(outcome.status).toBe('PASS');
    expect(outcome.findings.map((f) => f.message)).toContainEqual(expect.stringMatching(/and emitted on 0070abababab, the head of merged pull request #7\.$/));
    expect(calls(fake, PULLS).map((call) => Object.fromEntries(call.query))).toEqual([
      { base: 'main', state: 'closed', sort: 'updated', direction: 'desc', per_page: '20' },
    ]);
    // The branch first (2 commits x 2 names), then the merged pull requests newest first; #6 never asked.
    expect(searches(fake)).toEqual([`0001: ${BOTH}`, `0002: ${BOTH}`, `0070: ${BOTH}`]);
  });

  it('a merged pull request whose head GitHub no longer has (422) is skipped, and the next one searched', async () => {
    const state = repository({ ...required, pullRequests: [pull(5, sha(50)), pull(4, sha(40))], goneCommits: [sha(50)] }, []);
    state.checkRuns[sha(40)] = [{ name: CHECK, app: ACTIONS }];
    const { outcome, fake } = await gate(state, [WORKFLOW]);
    expect(outcome.status).toBe('PASS');
    expect(calls(fake, RUNS).filter((call) => call.status === 422)).toHaveLength(2);
    expect(searches(fake)).toEqual([`0050: ${BOTH}`, `0040: ${BOTH}`]);
  });

  it('a run with the name by another app does not prove it: the app_id filter leaves it out', async () => {
    const state = repository({ ...required, history: { main: [HEAD, sha(1)] } }, []);
    state.checkRuns[sha(1)] = [{ name: CHECK, app: OTHER_APP }];
    const { outcome } = await gate(state, [WORKFLOW]);
    expect(outcome.status).toBe('UNVERIFIABLE');
  });

  it('UNVERIFIABLE: nothing anywhere; the finding says what was searched and to run the workflow once first', async () => {
    const history = Array.from({ length: 25 }, (_unused, index) => (index === 0 ? HEAD : sha(index)));
    const state = repository({ ...required, history: { main: history }, pullRequests: [pull(4, sha(40)), pull(3, sha(30))] }, [{ name: 'lint' }]);
    const { outcome, fake } = await gate(state, [WORKFLOW]);
    expect(outcome.status).toBe('UNVERIFIABLE');
    const unproved = finding(outcome, 'unverifiable');
    expect(unproved?.message).toBe(
      "No GitHub Actions check run named 'CI / surreal-release-gates' or 'surreal-release-gates' was found on the head of main, its 19 previous commit(s) and the head commits of 2 merged pull request(s): that a job emits the required name cannot be proved, and a required name that no job emits blocks every pull request.",
    );
    expect(unproved?.evidence).toBe("Check runs on the head: 'lint'.");
    expect(unproved?.remediation).toBe('Run the workflow once on a pull request or the branch first, then run this gate again.');
    // 20 commits at most (one page), the head included; two names each; two pull requests.
    expect(searches(fake)).toHaveLength(19 + 2);
    expect(searches(fake).every((entry) => entry.endsWith(BOTH))).toBe(true);
  });

  it('UNVERIFIABLE naming the permission when merged pull requests may not be listed (pull-requests: read missing)', async () => {
    const state = repository({ ...required, pullRequests: [pull(4, sha(40))] }, []);
    state.checkRuns[sha(40)] = [{ name: CHECK, app: ACTIONS }];
    const { outcome } = await gate(state, [{ ...WORKFLOW, pullRequests: false }]);
    expect(outcome.status).toBe('UNVERIFIABLE');
    const unproved = finding(outcome, 'unverifiable');
    expect(unproved?.evidence).toContain("Not searched: GET /repos/octo-org/chat-service/pulls?base=main answered 403: the token lacks 'pull_requests=read'.");
    expect(unproved?.remediation).toContain('pull-requests: read');
  });

  it('apply requires the name proved on a merged pull request, not the configured one', async () => {
    const state = repository({ pullRequests: [pull(4, sha(40))] }, []);
    state.checkRuns[sha(40)] = [{ name: 'surreal-release-gates', app: ACTIONS }];
    const { outcome, fake } = await gate(state, [WORKFLOW, FINE_GRAINED_PAT], { 'github-admin-token': PAT_VALUE, 'branch-protection-mode': 'apply' });
    expect(outcome.status).toBe('PASS');
    expect(fake.state.rulesets.map((ruleset) => ruleset.rules)).toEqual([
      [
        {
          type: 'required_status_checks',
          parameters: {
            strict_required_status_checks_policy: false,
            do_not_enforce_on_create: false,
            required_status_checks: [{ context: 'surreal-release-gates', integration_id: ACTIONS.id }],
          },
        },
      ],
    ]);
    // The read-back after apply reuses the proof (the head did not move): one search in all.
    expect(calls(fake, PULLS)).toHaveLength(1);
  });
});

describe('required-check as the pull request page shows it (workflow / caller job / job)', () => {
  const PAGE_FORM = 'CI / CI / surreal-release-gates';

  it('FAIL that says exactly which name to use, instead of a bare near miss', async () => {
    const { outcome } = await gate(repository({ rulesets: [rulesetRequiring([{ context: CHECK, integration_id: ACTIONS.id }])] }), [WORKFLOW], {
      'required-check': PAGE_FORM,
    });
    expect(outcome.status).toBe('FAIL');
    const wrong = outcome.findings.find((f) => f.message.startsWith('required-check'));
    expect(wrong?.message).toMatch(
      /^required-check 'CI \/ CI \/ surreal-release-gates' is the pull request page's label \(workflow name \/ caller job \/ job\), not a check-run name: GitHub Actions emits 'CI \/ surreal-release-gates' \(check run #\d+ on the head c0ffee123456 of main\)\. Branch protection matches check-run names exactly\.$/,
    );
    expect(wrong?.remediation).toBe("Set required-check to 'CI / surreal-release-gates'.");
    expect(outcome.findings.filter((f) => f.message.includes('a similar name does not count'))).toEqual([]);
  });

  it('finds the check-run form on a merged pull request too, and apply refuses to guess', async () => {
    const state = repository({ pullRequests: [pull(2, sha(20))] }, []);
    state.checkRuns[sha(20)] = [{ name: CHECK, app: ACTIONS }];
    const { outcome, fake } = await gate(state, [WORKFLOW, FINE_GRAINED_PAT], {
      'required-check': PAGE_FORM,
      'github-admin-token': PAT_VALUE,
      'branch-protection-mode': 'apply',
    });
    expect(outcome.status).toBe('FAIL');
    expect(outcome.findings.map((f) => f.message)).toContainEqual(expect.stringContaining("GitHub Actions emits 'CI / surreal-release-gates' (check run #"));
    expect(outcome.findings.find((f) => f.message.startsWith('No change planned'))).toMatchObject({
      level: 'fail',
      message:
        "No change planned: required-check 'CI / CI / surreal-release-gates' is the pull request page's label; GitHub Actions emits 'CI / surreal-release-gates'.",
      remediation: "Set required-check to 'CI / surreal-release-gates', then plan again.",
    });
    expect(fake.calls.every((call) => call.method === 'GET')).toBe(true);
    // The three names were asked for on the pull request's head; the check-run form was last.
    expect(searches(fake)).toEqual([`0020: ${[PAGE_FORM, 'surreal-release-gates', CHECK].sort().join(' | ')}`]);
  });
});
