import { describe, expect, it } from 'vitest';
import { evaluateProtection, isCompliant } from '../../src/branch-protection/evaluate.js';
import { acceptedNames } from '../../src/branch-protection/names.js';
import { proofNames, proofOnHead } from '../../src/branch-protection/proof-source.js';
import type {
  BranchSummary,
  CheckRunProof,
  CheckRunSeen,
  ClassicProtection,
  Denial,
  ProofSearch,
  ProtectionEvidence,
  Read,
  RulesetCheckRule,
  RulesetDetail,
} from '../../src/branch-protection/types.js';
import { statusOf } from '../../src/verdict.js';

const CHECK = 'CI / surreal-release-gates';
const ACTIONS = 15368;
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const denied = (operation: string, permission: string | undefined, status = 403): Read<never> => ({
  ok: false,
  denied: { operation, status, permission, message: 'Resource not accessible by integration' } satisfies Denial,
});
const run = (name: string, appId = ACTIONS, id = 1): CheckRunSeen => ({
  id,
  name,
  appId,
  appSlug: appId === ACTIONS ? 'github-actions' : 'other',
  status: 'completed',
  conclusion: 'success',
});
const rule = (checks: { context: string; appId?: number }[], rulesetId = 1): RulesetCheckRule => ({
  rulesetId,
  rulesetSource: 'octo-org/chat-service',
  rulesetSourceType: 'Repository',
  strict: false,
  checks: checks.map((check) => ({ context: check.context, appId: check.appId })),
});
const detail = (overrides: Partial<RulesetDetail> = {}): RulesetDetail => ({
  id: 1,
  name: 'Protect main',
  enforcement: 'active',
  target: 'branch',
  sourceType: 'Repository',
  source: 'octo-org/chat-service',
  bypassActors: [],
  refConditions: { include: ['~DEFAULT_BRANCH'], exclude: [] },
  requiredChecks: [],
  strict: false,
  rules: [],
  ...overrides,
});
const classic = (checks: { context: string; app_id: number | null }[], extra: Partial<ClassicProtection> = {}): ClassicProtection => ({
  required_status_checks: { strict: true, contexts: checks.map((check) => check.context), checks },
  enforce_admins: { enabled: true },
  ...extra,
});
const summary = (overrides: Partial<BranchSummary> = {}): BranchSummary => ({
  name: 'main',
  headSha: 'abc123',
  protected: true,
  requiredStatusChecks: { enforcementLevel: 'off', checks: [] },
  ...overrides,
});

/** What the search found; by default what the head shows, as the search does first (20 commits and 5 pull requests searched otherwise). */
const searched = (found: CheckRunProof | undefined, requiredCheck = CHECK, denials: Denial[] = []): ProofSearch => ({
  found,
  names: proofNames(acceptedNames(requiredCheck)),
  branchCommits: found?.source.kind === 'head' ? 1 : 20,
  pullRequests: found === undefined || found.source.kind === 'pull-request' ? 5 : 0,
  denials,
});
const fromPullRequest = (name: string, number = 12): CheckRunProof => ({
  name,
  kind: 'accepted',
  run: run(name, ACTIONS, 77),
  sha: 'f00d00000000aaaa',
  source: { kind: 'pull-request', number },
});

function evidence(overrides: Partial<ProtectionEvidence> = {}): ProtectionEvidence {
  const base: Omit<ProtectionEvidence, 'proof'> = {
    requiredCheck: CHECK,
    repository: 'octo-org/chat-service',
    branch: 'main',
    defaultBranch: 'main',
    summary: summary(),
    rules: ok([]),
    rulesetDetails: new Map(),
    inactiveRulesets: ok([]),
    classic: ok('not-protected'),
    checkRuns: [run(CHECK), run('lint', ACTIONS, 2)],
    ...overrides,
  };
  return {
    ...base,
    proof: overrides.proof ?? searched(proofOnHead(base.summary.headSha, base.checkRuns, acceptedNames(base.requiredCheck)), base.requiredCheck),
  };
}
const withRuleset = (checks: { context: string; appId?: number }[], detailOverrides: Partial<RulesetDetail> = {}, extra: Partial<ProtectionEvidence> = {}) =>
  evidence({ rules: ok([rule(checks)]), rulesetDetails: new Map([[1, ok(detail(detailOverrides))]]), ...extra });

describe('evaluateProtection', () => {
  const cases: { name: string; evidence: ProtectionEvidence; status: string; message?: RegExp }[] = [
    { name: 'ruleset pinned to Actions, emitted', evidence: withRuleset([{ context: CHECK, appId: ACTIONS }]), status: 'PASS' },
    { name: 'classic pinned, readable', evidence: evidence({ classic: ok(classic([{ context: CHECK, app_id: ACTIONS }])) }), status: 'PASS' },
    {
      name: 'classic unreadable, the branch summary lists it',
      evidence: evidence({
        classic: denied('GET protection', 'administration=read'),
        summary: summary({ requiredStatusChecks: { enforcementLevel: 'everyone', checks: [{ context: CHECK, appId: ACTIONS }] } }),
      }),
      status: 'PASS',
    },
    {
      name: 'classic unreadable, the summary shows no checks at all',
      evidence: evidence({ classic: denied('GET protection', 'administration=read'), summary: summary({ requiredStatusChecks: undefined }) }),
      status: 'UNVERIFIABLE',
      message: /the token lacks 'administration=read'/,
    },
    {
      name: 'rules unreadable, branch unprotected',
      evidence: evidence({ rules: denied('GET rules', 'metadata=read'), classic: 'not-read', summary: summary({ protected: false }) }),
      status: 'UNVERIFIABLE',
      message: /metadata=read/,
    },
    {
      name: 'rules unreadable, classic proves it',
      evidence: evidence({ rules: denied('GET rules', 'metadata=read'), classic: ok(classic([{ context: CHECK, app_id: ACTIONS }])) }),
      status: 'PASS',
    },
    { name: 'nothing requires it', evidence: evidence(), status: 'FAIL', message: /^Neither rulesets nor classic branch protection require/ },
    {
      name: 'near miss: spacing',
      evidence: withRuleset([{ context: 'CI/surreal-release-gates', appId: ACTIONS }]),
      status: 'FAIL',
      message: /similar name does not count/,
    },
    {
      name: 'near miss: case',
      evidence: withRuleset([{ context: 'ci / Surreal-Release-Gates', appId: ACTIONS }]),
      status: 'FAIL',
      message: /similar name does not count/,
    },
    {
      name: 'near miss: matrix suffix',
      evidence: withRuleset([{ context: 'surreal-release-gates (ubuntu-latest)', appId: ACTIONS }]),
      status: 'FAIL',
      message: /similar name does not count/,
    },
    { name: 'unpinned', evidence: withRuleset([{ context: CHECK }]), status: 'WARN', message: /not pinned to GitHub Actions/ },
    {
      name: 'pinned to another app',
      evidence: withRuleset([{ context: CHECK, appId: 99 }]),
      status: 'FAIL',
      message: /pinned to app 99: the GitHub Actions job can never satisfy it/,
    },
    {
      name: 'emitted by another app only',
      evidence: withRuleset([{ context: CHECK }], {}, { checkRuns: [run(CHECK, 99)] }),
      status: 'FAIL',
      message: /only another app posts it/,
    },
    {
      name: 'pinned to Actions, emitted by another app only',
      evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [run(CHECK, 99)] }),
      status: 'FAIL',
    },
    {
      name: 'no check run with the name anywhere searched (spec change: was a passing WARN)',
      evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [] }),
      status: 'UNVERIFIABLE',
      message:
        /^No GitHub Actions check run named 'CI \/ surreal-release-gates' or 'surreal-release-gates' was found on the head of main, its 19 previous commit\(s\) and the head commits of 5 merged pull request\(s\): that a job emits the required name cannot be proved/,
    },
    {
      name: 'head without the name, proved on a merged pull request (CI on pull_request only)',
      evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [run('deploy', ACTIONS, 5)], proof: searched(fromPullRequest(CHECK)) }),
      status: 'PASS',
      message: /is required, pinned to GitHub Actions \(15368\), and emitted on f00d00000000, the head of merged pull request #12\.$/,
    },
    {
      name: 'proved on a merged pull request under the other name',
      evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [], proof: searched(fromPullRequest('surreal-release-gates')) }),
      status: 'FAIL',
      message: /but GitHub Actions emits 'surreal-release-gates' \(check run #77 on f00d00000000, the head of merged pull request #12\), not this one/,
    },
    {
      name: 'required name carried by no run',
      evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [run('surreal-release-gates')] }),
      status: 'FAIL',
      message: /wait for it forever/,
    },
    {
      name: 'both names required, one emitted',
      evidence: withRuleset([
        { context: CHECK, appId: ACTIONS },
        { context: 'surreal-release-gates', appId: ACTIONS },
      ]),
      status: 'FAIL',
      message: /'surreal-release-gates' .* wait for it forever/,
    },
    {
      name: 'ruleset details unreadable',
      evidence: evidence({ rules: ok([rule([{ context: CHECK, appId: ACTIONS }])]), rulesetDetails: new Map([[1, denied('GET ruleset', undefined, 404)]]) }),
      status: 'UNVERIFIABLE',
      message: /its details could not be read/,
    },
    {
      name: 'ruleset not active (defensive)',
      evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], { enforcement: 'evaluate' }),
      status: 'FAIL',
      message: /in evaluate mode: it enforces nothing/,
    },
    {
      name: 'bypass actors',
      evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], { bypassActors: [{ actorType: 'Team', actorId: 3, bypassMode: 'pull_request' }] }),
      status: 'WARN',
      message: /bypassed by 1 actor/,
    },
    { name: 'bypass actors not visible', evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], { bypassActors: undefined }), status: 'PASS' },
    {
      name: 'classic without admin enforcement',
      evidence: evidence({ classic: ok(classic([{ context: CHECK, app_id: ACTIONS }], { enforce_admins: { enabled: false } })) }),
      status: 'WARN',
      message: /enforce_admins off/,
    },
    {
      name: 'summary: non-admins only',
      evidence: evidence({
        classic: denied('GET protection', 'administration=read'),
        summary: summary({ requiredStatusChecks: { enforcementLevel: 'non_admins', checks: [{ context: CHECK, appId: ACTIONS }] } }),
      }),
      status: 'WARN',
      message: /non-administrators only/,
    },
    {
      name: 'evaluate-mode ruleset that targets the branch',
      evidence: evidence({ inactiveRulesets: ok([detail({ enforcement: 'evaluate', requiredChecks: [{ context: CHECK, appId: ACTIONS }] })]) }),
      status: 'FAIL',
      message: /evaluate mode: it blocks nothing/,
    },
  ];

  it.each(cases)('$name: $status', ({ evidence: input, status, message }) => {
    const assessment = evaluateProtection(input);
    expect(statusOf(assessment.findings)).toBe(status);
    if (message) expect(assessment.findings.map((finding) => finding.message)).toContainEqual(expect.stringMatching(message));
  });

  it('an evaluate-mode ruleset that does not target the branch is not reported', () => {
    const assessment = evaluateProtection(
      withRuleset(
        [{ context: CHECK, appId: ACTIONS }],
        {},
        {
          inactiveRulesets: ok([
            detail({
              id: 9,
              enforcement: 'evaluate',
              refConditions: { include: ['refs/heads/release/*'], exclude: [] },
              requiredChecks: [{ context: CHECK, appId: ACTIONS }],
            }),
          ]),
        },
      ),
    );
    expect(statusOf(assessment.findings)).toBe('PASS');
  });

  it('names the emitted name: the proved one, never an unproved guess (spec change: no runs gave the configured name)', () => {
    expect(evaluateProtection(evidence()).emittedName).toBe(CHECK);
    expect(evaluateProtection(evidence({ checkRuns: [run('surreal-release-gates')] })).emittedName).toBe('surreal-release-gates');
    expect(evaluateProtection(evidence({ checkRuns: [] })).emittedName).toBeUndefined();
    expect(evaluateProtection(evidence({ checkRuns: [], proof: searched(fromPullRequest('surreal-release-gates')) })).emittedName).toBe(
      'surreal-release-gates',
    );
    expect(evaluateProtection(evidence({ checkRuns: [run('lint'), run(CHECK, 99)] })).emittedName).toBeUndefined();
  });

  it('the unproved finding names the reads that were denied and the permissions to grant', () => {
    const pulls: Denial = {
      operation: 'GET /repos/octo-org/chat-service/pulls?base=main',
      status: 403,
      permission: 'pull_requests=read',
      message: 'Resource not accessible by integration',
    };
    const assessment = evaluateProtection(withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [], proof: searched(undefined, CHECK, [pulls]) }));
    const finding = assessment.findings.find((candidate) => candidate.level === 'unverifiable');
    expect(finding?.evidence).toBe(
      "Check runs on the head: none. Not searched: GET /repos/octo-org/chat-service/pulls?base=main answered 403: the token lacks 'pull_requests=read'.",
    );
    expect(finding?.remediation).toContain('Run the workflow once on a pull request or the branch first');
    expect(finding?.remediation).toContain('pull-requests: read');
    expect(assessment.facts).toContainEqual({
      label: 'Emitted name',
      value: 'unproved: none on the head of main, its 19 previous commit(s) and the head commits of 5 merged pull request(s)',
    });
  });

  describe('required-check in the pull request page form (three parts)', () => {
    const PAGE = 'CI / CI / surreal-release-gates';

    it('says which name to use when the check-run form is required, instead of a bare near miss', () => {
      const assessment = evaluateProtection(withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { requiredCheck: PAGE }));
      expect(statusOf(assessment.findings)).toBe('FAIL');
      const messages = assessment.findings.map((finding) => finding.message);
      expect(messages).toContainEqual(
        "required-check 'CI / CI / surreal-release-gates' is the pull request page's label (workflow name / caller job / job), not a check-run name: GitHub Actions emits 'CI / surreal-release-gates' (check run #1 on the head abc123 of main). Branch protection matches check-run names exactly.",
      );
      expect(assessment.findings.find((finding) => finding.message.startsWith('required-check'))?.remediation).toBe(
        "Set required-check to 'CI / surreal-release-gates'.",
      );
      expect(messages.filter((message) => message.includes('a similar name does not count'))).toEqual([]);
      expect(assessment.emittedName).toBeUndefined();
    });

    it('says so from the requirement alone when no check run shows the name', () => {
      const assessment = evaluateProtection(withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { requiredCheck: PAGE, checkRuns: [] }));
      expect(assessment.findings.find((finding) => finding.message.startsWith('required-check'))?.message).toContain(
        "'CI / surreal-release-gates' is what branch protection requires here",
      );
    });

    it('a plain two-part name has no page form', () => {
      expect(acceptedNames(CHECK).pageForm).toBeUndefined();
      expect(acceptedNames(PAGE).pageForm).toBe(CHECK);
      expect(acceptedNames('a / b / c / d').pageForm).toBeUndefined();
    });
  });

  it('isCompliant: only when every enforced requirement of ours is met and one is pinned to Actions', () => {
    const compliant = (input: ProtectionEvidence) => isCompliant(evaluateProtection(input), CHECK);
    expect(compliant(withRuleset([{ context: CHECK, appId: ACTIONS }]))).toBe(true);
    expect(compliant(withRuleset([{ context: CHECK }]))).toBe(false);
    // Spec change: a requirement whose name is not proved is not compliant (apply refuses instead of guessing).
    expect(compliant(withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [] }))).toBe(false);
    expect(compliant(withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [], proof: searched(fromPullRequest(CHECK)) }))).toBe(true);
    expect(compliant(evidence())).toBe(false);
    expect(
      compliant(
        withRuleset([
          { context: CHECK, appId: ACTIONS },
          { context: 'surreal-release-gates', appId: ACTIONS },
        ]),
      ),
    ).toBe(false);
  });
});
