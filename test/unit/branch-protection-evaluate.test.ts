import { describe, expect, it } from 'vitest';
import { evaluateProtection, isCompliant } from '../../src/branch-protection/evaluate.js';
import type { BranchSummary, CheckRunSeen, ClassicProtection, Denial, ProtectionEvidence, Read, RulesetCheckRule, RulesetDetail } from '../../src/branch-protection/types.js';
import { statusOf } from '../../src/gates/outcome.js';

const CHECK = 'CI / surreal-release-gates';
const ACTIONS = 15368;
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const denied = (operation: string, permission: string | undefined, status = 403): Read<never> => ({ ok: false, denied: { operation, status, permission, message: 'Resource not accessible by integration' } satisfies Denial });
const run = (name: string, appId = ACTIONS, id = 1): CheckRunSeen => ({ id, name, appId, appSlug: appId === ACTIONS ? 'github-actions' : 'other', status: 'completed', conclusion: 'success' });
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
const summary = (overrides: Partial<BranchSummary> = {}): BranchSummary => ({ name: 'main', headSha: 'abc123', protected: true, requiredStatusChecks: { enforcementLevel: 'off', checks: [] }, ...overrides });

function evidence(overrides: Partial<ProtectionEvidence> = {}): ProtectionEvidence {
  return {
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
}
const withRuleset = (checks: { context: string; appId?: number }[], detailOverrides: Partial<RulesetDetail> = {}, extra: Partial<ProtectionEvidence> = {}) =>
  evidence({ rules: ok([rule(checks)]), rulesetDetails: new Map([[1, ok(detail(detailOverrides))]]), ...extra });

describe('evaluateProtection', () => {
  const cases: { name: string; evidence: ProtectionEvidence; status: string; message?: RegExp }[] = [
    { name: 'ruleset pinned to Actions, emitted', evidence: withRuleset([{ context: CHECK, appId: ACTIONS }]), status: 'PASS' },
    { name: 'classic pinned, readable', evidence: evidence({ classic: ok(classic([{ context: CHECK, app_id: ACTIONS }])) }), status: 'PASS' },
    {
      name: 'classic unreadable, the branch summary lists it',
      evidence: evidence({ classic: denied('GET protection', 'administration=read'), summary: summary({ requiredStatusChecks: { enforcementLevel: 'everyone', checks: [{ context: CHECK, appId: ACTIONS }] } }) }),
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
    { name: 'rules unreadable, classic proves it', evidence: evidence({ rules: denied('GET rules', 'metadata=read'), classic: ok(classic([{ context: CHECK, app_id: ACTIONS }])) }), status: 'PASS' },
    { name: 'nothing requires it', evidence: evidence(), status: 'FAIL', message: /^Neither rulesets nor classic branch protection require/ },
    { name: 'near miss: spacing', evidence: withRuleset([{ context: 'CI/surreal-release-gates', appId: ACTIONS }]), status: 'FAIL', message: /similar name does not count/ },
    { name: 'near miss: case', evidence: withRuleset([{ context: 'ci / Surreal-Release-Gates', appId: ACTIONS }]), status: 'FAIL', message: /similar name does not count/ },
    { name: 'near miss: matrix suffix', evidence: withRuleset([{ context: 'surreal-release-gates (ubuntu-latest)', appId: ACTIONS }]), status: 'FAIL', message: /similar name does not count/ },
    { name: 'unpinned', evidence: withRuleset([{ context: CHECK }]), status: 'WARN', message: /not pinned to GitHub Actions/ },
    { name: 'pinned to another app', evidence: withRuleset([{ context: CHECK, appId: 99 }]), status: 'FAIL', message: /pinned to app 99: the GitHub Actions job can never satisfy it/ },
    { name: 'emitted by another app only', evidence: withRuleset([{ context: CHECK }], {}, { checkRuns: [run(CHECK, 99)] }), status: 'FAIL', message: /only another app posts it/ },
    { name: 'pinned to Actions, emitted by another app only', evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [run(CHECK, 99)] }), status: 'FAIL' },
    { name: 'no check runs yet', evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [] }), status: 'WARN', message: /no check runs yet/ },
    { name: 'required name carried by no run', evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [run('surreal-release-gates')] }), status: 'FAIL', message: /wait for it forever/ },
    {
      name: 'both names required, one emitted',
      evidence: withRuleset([{ context: CHECK, appId: ACTIONS }, { context: 'surreal-release-gates', appId: ACTIONS }]),
      status: 'FAIL',
      message: /'surreal-release-gates' .* wait for it forever/,
    },
    {
      name: 'ruleset details unreadable',
      evidence: evidence({ rules: ok([rule([{ context: CHECK, appId: ACTIONS }])]), rulesetDetails: new Map([[1, denied('GET ruleset', undefined, 404)]]) }),
      status: 'UNVERIFIABLE',
      message: /its details could not be read/,
    },
    { name: 'ruleset not active (defensive)', evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], { enforcement: 'evaluate' }), status: 'FAIL', message: /in evaluate mode: it enforces nothing/ },
    { name: 'bypass actors', evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], { bypassActors: [{ actorType: 'Team', actorId: 3, bypassMode: 'pull_request' }] }), status: 'WARN', message: /bypassed by 1 actor/ },
    { name: 'bypass actors not visible', evidence: withRuleset([{ context: CHECK, appId: ACTIONS }], { bypassActors: undefined }), status: 'PASS' },
    { name: 'classic without admin enforcement', evidence: evidence({ classic: ok(classic([{ context: CHECK, app_id: ACTIONS }], { enforce_admins: { enabled: false } })) }), status: 'WARN', message: /enforce_admins off/ },
    {
      name: 'summary: non-admins only',
      evidence: evidence({ classic: denied('GET protection', 'administration=read'), summary: summary({ requiredStatusChecks: { enforcementLevel: 'non_admins', checks: [{ context: CHECK, appId: ACTIONS }] } }) }),
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
      withRuleset([{ context: CHECK, appId: ACTIONS }], {}, {
        inactiveRulesets: ok([detail({ id: 9, enforcement: 'evaluate', refConditions: { include: ['refs/heads/release/*'], exclude: [] }, requiredChecks: [{ context: CHECK, appId: ACTIONS }] })]),
      }),
    );
    expect(statusOf(assessment.findings)).toBe('PASS');
  });

  it('names the emitted name: the full name, its job part, the configured name with no runs, none otherwise', () => {
    expect(evaluateProtection(evidence()).emittedName).toBe(CHECK);
    expect(evaluateProtection(evidence({ checkRuns: [run('surreal-release-gates')] })).emittedName).toBe('surreal-release-gates');
    expect(evaluateProtection(evidence({ checkRuns: [] })).emittedName).toBe(CHECK);
    expect(evaluateProtection(evidence({ checkRuns: [run('lint'), run(CHECK, 99)] })).emittedName).toBeUndefined();
  });

  it('isCompliant: only when every enforced requirement of ours is met and one is pinned to Actions', () => {
    const compliant = (input: ProtectionEvidence) => isCompliant(evaluateProtection(input), CHECK);
    expect(compliant(withRuleset([{ context: CHECK, appId: ACTIONS }]))).toBe(true);
    expect(compliant(withRuleset([{ context: CHECK }]))).toBe(false);
    expect(compliant(withRuleset([{ context: CHECK, appId: ACTIONS }], {}, { checkRuns: [] }))).toBe(true);
    expect(compliant(evidence())).toBe(false);
    expect(compliant(withRuleset([{ context: CHECK, appId: ACTIONS }, { context: 'surreal-release-gates', appId: ACTIONS }]))).toBe(false);
  });
});
