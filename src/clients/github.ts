import type { RestEndpointMethodTypes } from '@octokit/rest';
import type { ClassicProtectionBody } from '../branch-protection/classic-plan.js';
import type { RulesetBody } from '../branch-protection/ruleset-plan.js';
import type {
  BranchSummary,
  BypassActor,
  CheckRunSeen,
  ClassicProtection,
  MergedPullRequest,
  RequiredCheck,
  RulesetCheckRule,
  RulesetDetail,
  RulesetSummary,
} from '../branch-protection/types.js';
import type { GitHubSettings } from '../config/types.js';
import type { Logger } from '../util/logger.js';
import { GitHubFailure } from './github-errors.js';
import { callGitHub, policyOctokit, type OctokitBudget, type OctokitOptions } from './github-octokit.js';

export { GitHubFailure } from './github-errors.js';

export { GITHUB_RETRIES, RATE_LIMIT_MAX_WAIT_SECONDS, RATE_LIMIT_RETRIES } from './github-octokit.js';
/** Pages of 100 read at most from a list (check runs of one commit, rulesets, rules). */
const MAX_PAGES = 10;

/**
 * The GitHub operations the branch-protection gate uses, for one repository. Commits, pull
 * requests and check runs are read with github-token (the workflow token: checks: read is a
 * permission fine-grained personal access tokens cannot get); rules, rulesets, classic
 * protection and every write with github-admin-token when one is given.
 */
export interface GitHubGateway {
  readonly apiLabel: string;
  getDefaultBranch(): Promise<string>;
  getBranch(branch: string): Promise<BranchSummary>;
  /** The SHAs of the branch's newest commits, newest first (one page, `limit` at most 100). */
  listRecentCommits(branch: string, limit: number): Promise<string[]>;
  /** Merged pull requests into `base`, most recently updated first, from one page of closed ones. */
  listMergedPullRequests(base: string, limit: number): Promise<MergedPullRequest[]>;
  /** A check run on the commit with exactly this name from this app, if there is one (check_name and app_id filters). */
  findCheckRun(sha: string, name: string, appId: number): Promise<CheckRunSeen | undefined>;
  /** Required-status-check rules of the active rulesets that apply to the branch. */
  getBranchRules(branch: string): Promise<RulesetCheckRule[]>;
  listRulesets(): Promise<RulesetSummary[]>;
  getRuleset(id: number): Promise<RulesetDetail>;
  /** Classic protection; 'not-protected' when GitHub says the branch has none. Needs administration: read. */
  getClassicProtection(branch: string): Promise<ClassicProtection | 'not-protected'>;
  putClassicProtection(branch: string, body: ClassicProtectionBody): Promise<void>;
  createRuleset(body: RulesetBody): Promise<number>;
  updateRuleset(id: number, body: RulesetBody): Promise<void>;
  listCheckRuns(sha: string): Promise<CheckRunSeen[]>;
  /** HTTP attempts sent so far, by "METHOD /path" (retries counted). */
  requestCounts(): Readonly<Record<string, number>>;
  /** Seconds spent waiting out rate limits. */
  rateLimitWaitedSeconds(): number;
}

export type GitHubClientOptions = OctokitOptions;

function seenRun(run: { id: number; name: string; app?: { id?: number; slug?: string } | null; status: string; conclusion?: string | null }): CheckRunSeen {
  return { id: run.id, name: run.name, appId: run.app?.id, appSlug: run.app?.slug, status: run.status, conclusion: run.conclusion ?? undefined };
}
type Repos = RestEndpointMethodTypes['repos'];

/** Which input's token sends a request: error messages name it. */
type TokenInput = 'github-token' | 'github-admin-token';

export function createGitHubGateway(settings: GitHubSettings, log: Logger, options: GitHubClientOptions = {}): GitHubGateway {
  if (settings.repository === undefined || settings.token === undefined) {
    throw new Error('the GitHub client needs github-repository and github-token');
  }
  const { owner, repo } = settings.repository;
  const apiLabel = settings.apiUrl.href.replace(/\/$/, '');
  const adminInput: TokenInput = settings.adminToken === undefined ? 'github-token' : 'github-admin-token';
  // One budget for both tokens' Octokits: attempts counted together, rate-limit waits bounded together.
  const budget: OctokitBudget = { counts: {}, waitedSeconds: 0 };
  const client = (token: string) => policyOctokit(apiLabel, token, settings.timeoutMs, log, budget, options);

  const octokit = client(settings.token);
  const adminOctokit = settings.adminToken === undefined ? octokit : client(settings.adminToken);

  const call = <T>(operation: string, send: () => Promise<T>, tokenInput: TokenInput = 'github-token'): Promise<T> =>
    callGitHub(log, { apiUrl: apiLabel, timeoutMs: settings.timeoutMs, tokenInput }, operation, send);

  const toCheck = (context: string, appId: number | null | undefined): RequiredCheck => ({
    context,
    appId: appId === null || appId === undefined || appId === -1 ? undefined : appId,
  });

  return {
    apiLabel,
    async getDefaultBranch() {
      const { data } = await call(`GET /repos/${owner}/${repo}`, () => octokit.rest.repos.get({ owner, repo }));
      return data.default_branch;
    },
    async getBranch(branch) {
      const { data } = await call(`GET /repos/${owner}/${repo}/branches/${branch}`, () => octokit.rest.repos.getBranch({ owner, repo, branch }));
      const status = data.protection.required_status_checks;
      return {
        name: data.name,
        headSha: data.commit.sha,
        protected: data.protected,
        requiredStatusChecks:
          status === undefined
            ? undefined
            : {
                enforcementLevel: status.enforcement_level,
                checks:
                  status.checks.length > 0
                    ? status.checks.map((check) => toCheck(check.context, check.app_id))
                    : status.contexts.map((context) => toCheck(context, undefined)),
              },
      };
    },
    async getBranchRules(branch) {
      const rules = await call(
        `GET /repos/${owner}/${repo}/rules/branches/${branch}`,
        async () => {
          const all = [];
          let pages = 0;
          for await (const page of adminOctokit.paginate.iterator(adminOctokit.rest.repos.getBranchRules, { owner, repo, branch, per_page: 100 })) {
            all.push(...page.data);
            pages += 1;
            if (pages >= MAX_PAGES) break;
          }
          return all;
        },
        adminInput,
      );
      const result: RulesetCheckRule[] = [];
      for (const rule of rules) {
        if (rule.type !== 'required_status_checks' || !('parameters' in rule) || rule.parameters === undefined) continue;
        const parameters = rule.parameters as {
          required_status_checks: { context: string; integration_id?: number }[];
          strict_required_status_checks_policy: boolean;
        };
        result.push({
          rulesetId: rule.ruleset_id ?? -1,
          rulesetSource: rule.ruleset_source,
          rulesetSourceType: rule.ruleset_source_type,
          strict: parameters.strict_required_status_checks_policy,
          checks: parameters.required_status_checks.map((check) => toCheck(check.context, check.integration_id)),
        });
      }
      return result;
    },
    async listRulesets() {
      const rulesets = await call(
        `GET /repos/${owner}/${repo}/rulesets`,
        async () => {
          const all = [];
          let pages = 0;
          for await (const page of adminOctokit.paginate.iterator(adminOctokit.rest.repos.getRepoRulesets, {
            owner,
            repo,
            includes_parents: true,
            per_page: 100,
          })) {
            all.push(...page.data);
            pages += 1;
            if (pages >= MAX_PAGES) break;
          }
          return all;
        },
        adminInput,
      );
      return rulesets
        .filter((ruleset) => ruleset.target === undefined || ruleset.target === 'branch')
        .map((ruleset) => ({ id: ruleset.id, name: ruleset.name, enforcement: ruleset.enforcement, sourceType: ruleset.source_type, source: ruleset.source }));
    },
    async getRuleset(id) {
      const { data } = await call(
        `GET /repos/${owner}/${repo}/rulesets/${id}`,
        () => adminOctokit.rest.repos.getRepoRuleset({ owner, repo, ruleset_id: id, includes_parents: true }),
        adminInput,
      );
      const rules = (data.rules ?? []) as unknown as Record<string, unknown>[];
      const checkRules = rules.filter((rule) => rule.type === 'required_status_checks');
      const parametersOf = (rule: Record<string, unknown>) =>
        (rule.parameters ?? {}) as { required_status_checks?: { context: string; integration_id?: number }[]; strict_required_status_checks_policy?: boolean };
      const refName =
        data.conditions && 'ref_name' in data.conditions ? (data.conditions.ref_name as { include?: string[]; exclude?: string[] } | undefined) : undefined;
      return {
        id: data.id,
        name: data.name,
        enforcement: data.enforcement,
        target: data.target,
        sourceType: data.source_type,
        source: data.source,
        bypassActors: data.bypass_actors?.map((actor): BypassActor => ({
          actorType: actor.actor_type,
          actorId: actor.actor_id ?? undefined,
          bypassMode: actor.bypass_mode,
        })),
        refConditions: refName === undefined ? undefined : { include: refName.include ?? [], exclude: refName.exclude ?? [] },
        requiredChecks: checkRules.flatMap((rule) =>
          (parametersOf(rule).required_status_checks ?? []).map((check) => toCheck(check.context, check.integration_id)),
        ),
        strict: checkRules.some((rule) => parametersOf(rule).strict_required_status_checks_policy === true),
        rules,
      };
    },
    async getClassicProtection(branch) {
      try {
        const { data } = await call(
          `GET /repos/${owner}/${repo}/branches/${branch}/protection`,
          () => adminOctokit.rest.repos.getBranchProtection({ owner, repo, branch }),
          adminInput,
        );
        return data as ClassicProtection;
      } catch (error) {
        // With the permission, GitHub answers 404 "Branch not protected"; without it, 403 or a bare 404.
        if (error instanceof GitHubFailure && error.status === 404 && /branch not protected/i.test(error.serverMessage ?? '')) return 'not-protected';
        throw error;
      }
    },
    async putClassicProtection(branch, body) {
      await call(
        `PUT /repos/${owner}/${repo}/branches/${branch}/protection`,
        // The domain body is the same shape with readonly arrays.
        () => adminOctokit.rest.repos.updateBranchProtection({ owner, repo, branch, ...body } as unknown as Repos['updateBranchProtection']['parameters']),
        adminInput,
      );
    },
    async createRuleset(body) {
      const { data } = await call(
        `POST /repos/${owner}/${repo}/rulesets`,
        () => adminOctokit.rest.repos.createRepoRuleset({ owner, repo, ...body } as unknown as Repos['createRepoRuleset']['parameters']),
        adminInput,
      );
      return data.id;
    },
    async updateRuleset(id, body) {
      await call(
        `PUT /repos/${owner}/${repo}/rulesets/${id}`,
        () => adminOctokit.rest.repos.updateRepoRuleset({ owner, repo, ruleset_id: id, ...body } as unknown as Repos['updateRepoRuleset']['parameters']),
        adminInput,
      );
    },
    async listCheckRuns(sha) {
      const runs = await call(`GET /repos/${owner}/${repo}/commits/${sha}/check-runs`, async () => {
        const all = [];
        let pages = 0;
        for await (const page of octokit.paginate.iterator(octokit.rest.checks.listForRef, { owner, repo, ref: sha, per_page: 100 })) {
          all.push(...page.data);
          pages += 1;
          if (pages >= MAX_PAGES) break;
        }
        return all;
      });
      return runs.map(seenRun);
    },
    async listRecentCommits(branch, limit) {
      const { data } = await call(`GET /repos/${owner}/${repo}/commits?sha=${branch}`, () =>
        octokit.rest.repos.listCommits({ owner, repo, sha: branch, per_page: limit }),
      );
      return data.map((commit) => commit.sha);
    },
    async listMergedPullRequests(base, limit) {
      const { data } = await call(`GET /repos/${owner}/${repo}/pulls?base=${base}`, () =>
        octokit.rest.pulls.list({ owner, repo, base, state: 'closed', sort: 'updated', direction: 'desc', per_page: limit }),
      );
      return data.filter((pull) => pull.merged_at !== null).map((pull) => ({ number: pull.number, headSha: pull.head.sha, mergedAt: pull.merged_at ?? '' }));
    },
    async findCheckRun(sha, name, appId) {
      let data;
      try {
        ({ data } = await call(`GET /repos/${owner}/${repo}/commits/${sha}/check-runs?check_name=${name}`, () =>
          octokit.rest.checks.listForRef({ owner, repo, ref: sha, check_name: name, app_id: appId, filter: 'all', per_page: 1 }),
        ));
      } catch (error) {
        // A merged pull request's head that was pushed over may be gone: GitHub answers 422.
        if (error instanceof GitHubFailure && error.status === 422 && /no commit found/i.test(error.serverMessage ?? '')) {
          log.debug(`GitHub has no commit ${sha} any more; skipped.`);
          return undefined;
        }
        throw error;
      }
      // The filters are GitHub's; the name and app are checked again rather than trusted.
      const run = data.check_runs.find((candidate) => candidate.name === name && candidate.app?.id === appId);
      return run === undefined ? undefined : seenRun(run);
    },
    requestCounts: () => ({ ...budget.counts }),
    rateLimitWaitedSeconds: () => budget.waitedSeconds,
  };
}
