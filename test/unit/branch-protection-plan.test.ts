import { describe, expect, it } from 'vitest';
import { classicBody, classicSettingsOutsideOurs, planClassic } from '../../src/branch-protection/classic-plan.js';
import { desiredChecks } from '../../src/branch-protection/desired-checks.js';
import { acceptedNames, isNearMiss } from '../../src/branch-protection/names.js';
import { conditionsTarget } from '../../src/branch-protection/ref-match.js';
import { ownRulesetName, planRuleset } from '../../src/branch-protection/ruleset-plan.js';
import type { CheckRunSeen, ClassicProtection, RequiredCheck, RulesetDetail } from '../../src/branch-protection/types.js';

const CHECK = 'CI / surreal-release-gates';
const NAMES = acceptedNames(CHECK);
const run = (name: string, appId = 15368): CheckRunSeen => ({ id: 1, name, appId, appSlug: 'x', status: 'completed', conclusion: 'success' });

describe('names', () => {
  it('accepts the full name and its job part only', () => {
    expect(NAMES.all).toEqual([CHECK, 'surreal-release-gates']);
    expect(acceptedNames('surreal-release-gates').all).toEqual(['surreal-release-gates']);
    expect(acceptedNames('Release / CI / gates').all).toEqual(['Release / CI / gates', 'gates']);
  });

  it.each([
    ['CI/surreal-release-gates', true],
    ['ci / surreal-release-gates', true],
    ['CI / surreal-release-gate', true],
    ['surreal-release-gates (ubuntu-latest)', true],
    ['Surreal-Release-Gates', true],
    [CHECK, false],
    ['surreal-release-gates', false],
    ['lint', false],
    ['CI / build', false],
  ])('isNearMiss(%j) = %s', (name, expected) => {
    expect(isNearMiss(name, NAMES)).toBe(expected);
  });
});

describe('ruleset ref conditions', () => {
  it.each([
    [{ include: ['~ALL'], exclude: [] }, 'feature/x', true],
    [{ include: ['~DEFAULT_BRANCH'], exclude: [] }, 'main', true],
    [{ include: ['~DEFAULT_BRANCH'], exclude: [] }, 'develop', false],
    [{ include: ['refs/heads/main'], exclude: [] }, 'main', true],
    [{ include: ['refs/heads/release/*'], exclude: [] }, 'release/1.x', true],
    [{ include: ['refs/heads/release/*'], exclude: [] }, 'release/1/hotfix', false],
    [{ include: ['refs/heads/release/**'], exclude: [] }, 'release/1/hotfix', true],
    [{ include: ['~ALL'], exclude: ['refs/heads/main'] }, 'main', false],
    [{ include: ['refs/heads/v[0-9]'], exclude: [] }, 'v1', true],
    [{ include: ['refs/heads/ma?n'], exclude: [] }, 'main', true],
    [{ include: ['refs/heads/a.b'], exclude: [] }, 'axb', false],
  ])('%j targets %s: %s', (conditions, branch, expected) => {
    expect(conditionsTarget(conditions, branch, 'main')).toBe(expected);
  });
});

describe('desiredChecks', () => {
  const pinned = (context: string): RequiredCheck => ({ context, appId: 15368 });
  const cases: { name: string; current: RequiredCheck[]; runs: CheckRunSeen[]; emitted: string; expected: RequiredCheck[] }[] = [
    {
      name: 'adds ours pinned, keeps others in place',
      current: [{ context: 'lint', appId: undefined }],
      runs: [run(CHECK)],
      emitted: CHECK,
      expected: [{ context: 'lint', appId: undefined }, pinned(CHECK)],
    },
    {
      name: 'pins ours where it stands',
      current: [
        { context: CHECK, appId: undefined },
        { context: 'lint', appId: 7 },
      ],
      runs: [run(CHECK)],
      emitted: CHECK,
      expected: [pinned(CHECK), { context: 'lint', appId: 7 }],
    },
    {
      name: 'drops our name that no run carries',
      current: [{ context: CHECK, appId: 15368 }],
      runs: [run('surreal-release-gates')],
      emitted: 'surreal-release-gates',
      expected: [pinned('surreal-release-gates')],
    },
    {
      name: 'keeps both names when both are emitted',
      current: [pinned(CHECK), pinned('surreal-release-gates')],
      runs: [run(CHECK), run('surreal-release-gates')],
      emitted: CHECK,
      expected: [pinned(CHECK), pinned('surreal-release-gates')],
    },
    {
      name: 'no runs yet: keeps ours, adds the configured name',
      current: [{ context: 'surreal-release-gates', appId: undefined }],
      runs: [],
      emitted: CHECK,
      expected: [pinned('surreal-release-gates'), pinned(CHECK)],
    },
    {
      name: 'near misses are not ours: kept as they are',
      current: [{ context: 'CI/surreal-release-gates', appId: undefined }],
      runs: [run(CHECK)],
      emitted: CHECK,
      expected: [{ context: 'CI/surreal-release-gates', appId: undefined }, pinned(CHECK)],
    },
  ];
  it.each(cases)('$name', ({ current, runs, emitted, expected }) => {
    expect(desiredChecks(current, NAMES, runs, emitted)).toEqual(expected);
  });
});

describe('classic protection body', () => {
  const busy: ClassicProtection = {
    required_status_checks: { strict: true, contexts: ['lint'], checks: [{ context: 'lint', app_id: null }] },
    enforce_admins: { enabled: true },
    required_pull_request_reviews: {
      dismissal_restrictions: { users: [{ login: 'octocat' }], teams: [{ slug: 'core' }], apps: [] },
      dismiss_stale_reviews: true,
      require_code_owner_reviews: false,
      required_approving_review_count: 2,
      require_last_push_approval: true,
    },
    restrictions: { users: [], teams: [{ slug: 'core' }], apps: [{ slug: 'bot' }] },
    required_linear_history: { enabled: true },
    allow_force_pushes: { enabled: false },
    allow_deletions: { enabled: true },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: true },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: true },
    required_signatures: { enabled: true },
  };

  it('restates every setting as GET returned it (unpinned checks stay open to any app with app_id -1)', () => {
    expect(classicBody(busy, [{ context: 'lint', appId: undefined }])).toEqual({
      required_status_checks: { strict: true, contexts: ['lint'], checks: [{ context: 'lint', app_id: -1 }] },
      enforce_admins: true,
      required_pull_request_reviews: {
        dismissal_restrictions: { users: ['octocat'], teams: ['core'], apps: [] },
        dismiss_stale_reviews: true,
        require_code_owner_reviews: false,
        required_approving_review_count: 2,
        require_last_push_approval: true,
      },
      restrictions: { users: [], teams: ['core'], apps: ['bot'] },
      required_linear_history: true,
      allow_force_pushes: false,
      allow_deletions: true,
      block_creations: false,
      required_conversation_resolution: true,
      lock_branch: false,
      allow_fork_syncing: true,
    });
  });

  it('protects an unprotected branch with only the required check', () => {
    const plan = planClassic('not-protected', NAMES, [run(CHECK)], CHECK);
    expect(plan).toMatchObject({ kind: 'change', creates: true });
    expect(plan.kind === 'change' ? plan.body : undefined).toEqual({
      required_status_checks: { strict: false, contexts: [CHECK], checks: [{ context: CHECK, app_id: 15368 }] },
      enforce_admins: null,
      required_pull_request_reviews: null,
      restrictions: null,
      required_linear_history: false,
      allow_force_pushes: false,
      allow_deletions: false,
      block_creations: false,
      required_conversation_resolution: false,
      lock_branch: false,
      allow_fork_syncing: false,
    });
  });

  it('plans nothing when our check is already required and pinned', () => {
    const done: ClassicProtection = {
      ...busy,
      required_status_checks: {
        strict: true,
        checks: [
          { context: 'lint', app_id: null },
          { context: CHECK, app_id: 15368 },
        ],
      },
    };
    expect(planClassic(done, NAMES, [run(CHECK)], CHECK).kind).toBe('unchanged');
  });

  it('settings outside our check: equal when only ours changed, different when anything else did', () => {
    const after: ClassicProtection = {
      ...busy,
      required_status_checks: {
        strict: true,
        checks: [
          { context: 'lint', app_id: null },
          { context: CHECK, app_id: 15368 },
        ],
      },
    };
    expect(classicSettingsOutsideOurs(after, NAMES)).toBe(classicSettingsOutsideOurs(busy, NAMES));
    expect(classicSettingsOutsideOurs({ ...after, allow_deletions: { enabled: false } }, NAMES)).not.toBe(classicSettingsOutsideOurs(busy, NAMES));
    expect(
      classicSettingsOutsideOurs({ ...after, required_status_checks: { strict: false, checks: after.required_status_checks?.checks ?? [] } }, NAMES),
    ).not.toBe(classicSettingsOutsideOurs(busy, NAMES));
    // A new protection GitHub reads back with enforce_admins false equals "not protected".
    expect(
      classicSettingsOutsideOurs(
        { required_status_checks: { strict: false, checks: [{ context: CHECK, app_id: 15368 }] }, enforce_admins: { enabled: false } },
        NAMES,
      ),
    ).toBe(classicSettingsOutsideOurs('not-protected', NAMES));
  });
});

describe('planRuleset', () => {
  const own = (overrides: Partial<RulesetDetail> = {}): RulesetDetail => ({
    id: 12,
    name: ownRulesetName('main'),
    enforcement: 'active',
    target: 'branch',
    sourceType: 'Repository',
    source: 'octo-org/chat-service',
    bypassActors: [{ actorType: 'RepositoryRole', actorId: 5, bypassMode: 'always' }],
    refConditions: { include: ['refs/heads/main'], exclude: [] },
    requiredChecks: [{ context: CHECK, appId: 15368 }],
    strict: true,
    rules: [
      { type: 'deletion' },
      {
        type: 'required_status_checks',
        parameters: { strict_required_status_checks_policy: true, required_status_checks: [{ context: CHECK, integration_id: 15368 }] },
      },
    ],
    ...overrides,
  });

  it('creates the action’s own ruleset when there is none', () => {
    const plan = planRuleset(undefined, 'main', CHECK);
    expect(plan).toMatchObject({
      kind: 'create',
      body: { name: 'surreal-release-gates: required check on main', enforcement: 'active', conditions: { ref_name: { include: ['refs/heads/main'] } } },
    });
  });

  it('leaves its own ruleset alone when it already requires the emitted name', () => {
    expect(planRuleset(own(), 'main', CHECK)).toEqual({ kind: 'unchanged', id: 12 });
  });

  it('updates its own ruleset: our rule replaced, other rules, strictness and bypass actors kept, enforcement active', () => {
    const plan = planRuleset(own({ enforcement: 'evaluate' }), 'main', 'surreal-release-gates');
    expect(plan).toEqual({
      kind: 'update',
      id: 12,
      body: {
        name: ownRulesetName('main'),
        target: 'branch',
        enforcement: 'active',
        bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
        conditions: { ref_name: { include: ['refs/heads/main'], exclude: [] } },
        rules: [
          { type: 'deletion' },
          {
            type: 'required_status_checks',
            parameters: {
              strict_required_status_checks_policy: true,
              do_not_enforce_on_create: false,
              required_status_checks: [{ context: 'surreal-release-gates', integration_id: 15368 }],
            },
          },
        ],
      },
    });
  });

  it('leaves bypass actors out of the body when the token cannot see them, so GitHub keeps them', () => {
    const plan = planRuleset(own({ bypassActors: undefined, enforcement: 'disabled' }), 'main', CHECK);
    expect(plan.kind === 'update' ? 'bypass_actors' in plan.body : true).toBe(false);
  });
});
