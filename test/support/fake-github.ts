import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gitHubOpenApi } from './openapi.js';

/**
 * A local fake of the GitHub REST API for the branch-protection gate and for publishing (issues,
 * issue and pull request comments), on node:http at 127.0.0.1.
 * Every answer it gives, and every body it is sent, is validated against GitHub's published
 * OpenAPI description (`violations`); routes it does not implement answer 404, as GitHub does.
 * State is kept the way GitHub keeps it, so a PUT shows in the next GET.
 */

export const ACTIONS = { id: 15368, slug: 'github-actions' } as const;
export const OTHER_APP = { id: 4242, slug: 'status-poster' } as const;

export interface FakeCheckRun {
  readonly name: string;
  readonly app?: { readonly id: number; readonly slug: string };
  readonly status?: 'queued' | 'in_progress' | 'completed';
  readonly conclusion?: 'success' | 'failure' | 'skipped' | null;
}

export interface FakeRule {
  readonly type: string;
  readonly parameters?: Record<string, unknown>;
}

export interface FakeRuleset {
  id: number;
  name: string;
  enforcement: 'active' | 'evaluate' | 'disabled';
  source_type?: 'Repository' | 'Organization';
  source?: string;
  bypass_actors?: { actor_id: number | null; actor_type: string; bypass_mode: string }[];
  conditions: { ref_name: { include: string[]; exclude: string[] } };
  rules: FakeRule[];
}

/** Classic protection in the form PUT takes it (names of users, teams and apps). */
export interface FakeClassic {
  required_status_checks: { strict: boolean; checks: { context: string; app_id: number | null }[] } | null;
  enforce_admins: boolean;
  required_pull_request_reviews: {
    dismissal_restrictions?: { users: string[]; teams: string[]; apps: string[] };
    dismiss_stale_reviews: boolean;
    require_code_owner_reviews: boolean;
    required_approving_review_count: number;
    require_last_push_approval: boolean;
    bypass_pull_request_allowances?: { users: string[]; teams: string[]; apps: string[] };
  } | null;
  restrictions: { users: string[]; teams: string[]; apps: string[] } | null;
  required_linear_history: boolean;
  allow_force_pushes: boolean;
  allow_deletions: boolean;
  block_creations: boolean;
  required_conversation_resolution: boolean;
  lock_branch: boolean;
  allow_fork_syncing: boolean;
  required_signatures: boolean;
}

export interface FakePullRequest {
  readonly number: number;
  /** The branch it merges into. */
  readonly base: string;
  readonly headSha: string;
  readonly state: 'open' | 'closed';
  /** Closed without merging when false. */
  readonly merged: boolean;
  /** ISO time; the list is sorted by it (sort: updated). */
  readonly updatedAt: string;
}

/** An account as GitHub shows it on an issue or comment. */
export interface FakeAccount {
  readonly login: string;
  readonly type: 'User' | 'Bot';
}

export const WORKFLOW_BOT: FakeAccount = { login: 'github-actions[bot]', type: 'Bot' };

/** An issue, or a pull request (which GitHub lists among issues, with a pull_request field). */
export interface FakeIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null;
  /** The REST id of the issue this one duplicates, when closed as a duplicate. */
  duplicate_of?: number;
  labels: string[];
  user: FakeAccount;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  pull_request?: boolean;
}

export interface FakeIssueComment {
  id: number;
  issue_number: number;
  body: string;
  user: FakeAccount;
  created_at: string;
  updated_at: string;
}

export interface FakeRepository {
  owner: string;
  repo: string;
  defaultBranch: string;
  /** Branch name -> head sha. */
  branches: Record<string, string>;
  /** Branch name -> its commits, newest (the head) first; default: the head alone. */
  history?: Record<string, string[]>;
  pullRequests?: FakePullRequest[];
  /** Commits GitHub no longer has (a pull request's head pushed over): their check runs answer 422. */
  goneCommits?: string[];
  classic: Record<string, FakeClassic | undefined>;
  rulesets: FakeRuleset[];
  /** Commit sha -> check runs. */
  checkRuns: Record<string, FakeCheckRun[]>;
  /** Issues and pull requests as GitHub's issues API shows them (publishing); none when absent. */
  issues?: FakeIssue[];
  /** Comments on issues and pull requests. */
  issueComments?: FakeIssueComment[];
}

export interface FakeToken {
  readonly value: string;
  /** Administration rights: classic protection, bypass actors, writes. The workflow token has none. */
  readonly admin: boolean;
  /**
   * checks: read. The workflow token has it when the job grants it; a fine-grained personal
   * access token cannot get it (default true).
   */
  readonly checks?: boolean;
  /** pull-requests: false none, 'read', or true/'write' (default). */
  readonly pullRequests?: boolean | 'read' | 'write';
  /** issues permission (default write). */
  readonly issues?: 'none' | 'read' | 'write';
  /** Who writes with the token; default the workflow token's github-actions[bot], which GET /user denies. */
  readonly account?: FakeAccount;
  /** Push access; without it GitHub silently drops the labels of a new issue. Default true. */
  readonly push?: boolean;
  /** Whether the branch summary shows required status checks (GitHub's schema makes them optional). */
  readonly summaryShowsChecks?: boolean;
}

export interface RateLimitPlan {
  /** "METHOD /route/template" to limit. */
  readonly route: string;
  readonly times: number;
  readonly retryAfterSeconds: number;
}

/** Holds requests to a route until `count` of them are waiting, then answers them all: overlapping runs. */
export interface BarrierPlan {
  /** "METHOD /route/template". */
  readonly route: string;
  readonly count: number;
}

export interface FakeCall {
  readonly method: string;
  /** The OpenAPI path template, or the raw path for a route the fake does not implement. */
  readonly route: string;
  readonly path: string;
  /** The query string as sent (URLSearchParams of it). */
  readonly query: URLSearchParams;
  /** The value of the token that authenticated the call; undefined when none did (401). */
  readonly token: string | undefined;
  readonly status: number;
  readonly at: number;
  readonly body?: unknown;
}

export interface FakeGitHub {
  readonly url: string;
  readonly calls: FakeCall[];
  /** Answers or request bodies that do not match GitHub's OpenAPI description. */
  readonly violations: string[];
  readonly state: FakeRepository;
  /** "METHOD /template" of every call, in order. */
  routes(): string[];
  close(): Promise<void>;
}

export function defaultClassic(overrides: Partial<FakeClassic> = {}): FakeClassic {
  return {
    required_status_checks: null,
    enforce_admins: false,
    required_pull_request_reviews: null,
    restrictions: null,
    required_linear_history: false,
    allow_force_pushes: false,
    allow_deletions: false,
    block_creations: false,
    required_conversation_resolution: false,
    lock_branch: false,
    allow_fork_syncing: false,
    required_signatures: false,
    ...overrides,
  };
}

type Handler = (request: { params: Record<string, string>; body: unknown; url: URL; token: FakeToken }) => {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

interface Route {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly names: string[];
  readonly handle: Handler;
}

function route(method: string, template: string, handle: Handler): Route {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${template.replace(/\{([a-z_]+)\}/g, (_all, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  return { method, template, pattern, names, handle };
}

const notFound = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };

/** `tokens`: every token GitHub would accept, each with its own permissions; any other is 401. */
export async function startFakeGitHub(
  state: FakeRepository,
  tokens: FakeToken | readonly FakeToken[],
  options: { rateLimit?: RateLimitPlan; barrier?: BarrierPlan } = {},
): Promise<FakeGitHub> {
  const accepted = Array.isArray(tokens) ? (tokens as readonly FakeToken[]) : [tokens as FakeToken];
  const openapi = gitHubOpenApi();
  const calls: FakeCall[] = [];
  const violations: string[] = [];
  const started = performance.now();
  let rateLimitLeft = options.rateLimit?.times ?? 0;
  let nextRunId = 9000;
  let nextRulesetId = 500;
  let base = '';

  const api = (path: string) => `${base}${path}`;
  const repoPath = () => `/repos/${state.owner}/${state.repo}`;
  const user = (login: string, id = 100) => openapi.sample('simple-user', { login, id, type: 'User', url: api(`/users/${login}`) });
  const team = (slug: string) => openapi.sample('team', { slug, name: slug, id: 7, url: api(`/teams/${slug}`) });
  const app = (slug: string, id = 77) => openapi.sample('integration', { slug, id, name: slug });
  const isRepo = (params: Record<string, string>) => params.owner === state.owner && params.repo === state.repo;
  const denied = (permission: string) => ({
    status: 403,
    headers: { 'x-accepted-github-permissions': permission },
    body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/branches/branch-protection', status: '403' },
  });

  // Issues and comments: ids, times and numbers as GitHub hands them out, one clock second per write.
  let nextIssueId = 7000;
  let nextCommentId = 880_000;
  let clock = Date.parse('2030-06-01T00:00:00Z');
  const tick = () => {
    clock += 1000;
    return new Date(clock).toISOString().replace('.000Z', 'Z');
  };
  const writer = (token: FakeToken) => token.account ?? WORKFLOW_BOT;
  const levels = { none: 0, read: 1, write: 2 } as const;
  const pullRequestsLevel = (token: FakeToken) => (token.pullRequests === false ? 'none' : token.pullRequests === 'read' ? 'read' : 'write');
  const can = (token: FakeToken, scope: 'issues' | 'pullRequests', need: 'read' | 'write') =>
    levels[scope === 'issues' ? (token.issues ?? 'write') : pullRequestsLevel(token)] >= levels[need];
  /** An issue's route needs `issues`; a pull request's accepts either permission, as GitHub says in the header. */
  const allowed = (token: FakeToken, issue: FakeIssue, need: 'read' | 'write') =>
    can(token, 'issues', need) || (issue.pull_request === true && can(token, 'pullRequests', need));
  const deniedFor = (issue: FakeIssue, need: 'read' | 'write') =>
    denied(issue.pull_request === true ? `issues=${need}; pull_requests=${need}` : `issues=${need}`);
  const issues = () => (state.issues ??= []);
  const issueComments = () => (state.issueComments ??= []);
  const accountId = (who: FakeAccount) => [...who.login].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 1_000_000, 7) + 1;
  const accountJson = (who: FakeAccount) =>
    openapi.sample('simple-user', { login: who.login, id: accountId(who), type: who.type, url: api(`/users/${encodeURIComponent(who.login)}`) });
  const htmlPath = (issue: FakeIssue) => `https://github.com/${state.owner}/${state.repo}/${issue.pull_request ? 'pull' : 'issues'}/${issue.number}`;
  const issueJson = (issue: FakeIssue) => {
    const path = `${repoPath()}/issues/${issue.number}`;
    return openapi.sample('issue', {
      id: issue.id,
      node_id: `I_${issue.id}`,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.state_reason,
      url: api(path),
      repository_url: api(repoPath()),
      labels_url: api(`${path}/labels{/name}`),
      comments_url: api(`${path}/comments`),
      events_url: api(`${path}/events`),
      html_url: htmlPath(issue),
      user: accountJson(issue.user),
      labels: issue.labels.map((name, index) => ({
        id: 300 + index,
        node_id: `LA_${name}`,
        url: api(`${repoPath()}/labels/${encodeURIComponent(name)}`),
        name,
        description: null,
        color: 'ededed',
        default: false,
      })),
      assignee: null,
      milestone: null,
      locked: false,
      comments: issueComments().filter((comment) => comment.issue_number === issue.number).length,
      closed_at: issue.closed_at,
      created_at: issue.created_at,
      updated_at: issue.updated_at,
      author_association: 'NONE',
      ...(issue.pull_request
        ? {
            pull_request: {
              url: api(`${repoPath()}/pulls/${issue.number}`),
              html_url: htmlPath(issue),
              diff_url: `${htmlPath(issue)}.diff`,
              patch_url: `${htmlPath(issue)}.patch`,
            },
          }
        : {}),
    });
  };
  const commentJson = (comment: FakeIssueComment) =>
    openapi.sample('issue-comment', {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: api(`${repoPath()}/issues/comments/${comment.id}`),
      html_url: `https://github.com/${state.owner}/${state.repo}/issues/${comment.issue_number}#issuecomment-${comment.id}`,
      issue_url: api(`${repoPath()}/issues/${comment.issue_number}`),
      body: comment.body,
      user: accountJson(comment.user),
      created_at: comment.created_at,
      updated_at: comment.updated_at,
      author_association: 'NONE',
    });
  /** One page of a list, with GitHub's Link header (per_page default 30, at most 100). */
  const paginated = (url: URL, items: unknown[]) => {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? '30') || 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? '1') || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const pageUrl = (n: number) => {
      const target = new URL(url.href);
      target.searchParams.set('page', String(n));
      return `<${target.href}>`;
    };
    const links = [
      ...(page < last ? [`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(last)}; rel="last"`] : []),
      ...(page > 1 ? [`${pageUrl(1)}; rel="first"`, `${pageUrl(page - 1)}; rel="prev"`] : []),
    ];
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}) };
  };
  /** GitHub refuses a body above 65,536 characters. */
  const tooLong = (text: string | undefined, resource: string) =>
    text !== undefined && text.length > 65_536
      ? {
          status: 422,
          body: {
            message: 'Validation Failed',
            documentation_url: 'https://docs.github.com/rest/issues',
            errors: [{ resource, code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
          },
        }
      : undefined;
  const findIssue = (params: Record<string, string>) => (isRepo(params) ? issues().find((issue) => String(issue.number) === params.issue_number) : undefined);

  const targets = (ruleset: FakeRuleset, branch: string) => {
    const ref = `refs/heads/${branch}`;
    const match = (pattern: string) => pattern === '~ALL' || (pattern === '~DEFAULT_BRANCH' ? branch === state.defaultBranch : pattern === ref);
    return ruleset.conditions.ref_name.include.some(match) && !ruleset.conditions.ref_name.exclude.some(match);
  };
  const rulesetJson = (ruleset: FakeRuleset, withDetails: boolean, token: FakeToken) => ({
    id: ruleset.id,
    name: ruleset.name,
    target: 'branch',
    source_type: ruleset.source_type ?? 'Repository',
    source: ruleset.source ?? `${state.owner}/${state.repo}`,
    enforcement: ruleset.enforcement,
    node_id: `RRS_${ruleset.id}`,
    _links: {
      self: { href: api(`${repoPath()}/rulesets/${ruleset.id}`) },
      html: { href: `https://github.com/${state.owner}/${state.repo}/rules/${ruleset.id}` },
    },
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-02T00:00:00Z',
    ...(withDetails
      ? {
          // GitHub shows bypass actors only to tokens with write access to the ruleset.
          ...(token.admin ? { bypass_actors: ruleset.bypass_actors ?? [] } : {}),
          current_user_can_bypass: 'never',
          conditions: ruleset.conditions,
          rules: ruleset.rules,
        }
      : {}),
  });
  const names = (lists: { users: string[]; teams: string[]; apps: string[] }, path: string) => ({
    url: api(path),
    users_url: api(`${path}/users`),
    teams_url: api(`${path}/teams`),
    apps_url: api(`${path}/apps`),
    users: lists.users.map((login) => user(login)),
    teams: lists.teams.map((slug) => team(slug)),
    apps: lists.apps.map((slug) => app(slug)),
  });
  const classicJson = (branch: string, classic: FakeClassic) => {
    const path = `${repoPath()}/branches/${branch}/protection`;
    const reviews = classic.required_pull_request_reviews;
    const status = classic.required_status_checks;
    return {
      url: api(path),
      ...(status
        ? {
            required_status_checks: {
              url: api(`${path}/required_status_checks`),
              strict: status.strict,
              contexts: status.checks.map((check) => check.context),
              contexts_url: api(`${path}/required_status_checks/contexts`),
              checks: status.checks,
            },
          }
        : {}),
      ...(reviews
        ? {
            required_pull_request_reviews: {
              url: api(`${path}/required_pull_request_reviews`),
              dismiss_stale_reviews: reviews.dismiss_stale_reviews,
              require_code_owner_reviews: reviews.require_code_owner_reviews,
              required_approving_review_count: reviews.required_approving_review_count,
              require_last_push_approval: reviews.require_last_push_approval,
              ...(reviews.dismissal_restrictions ? { dismissal_restrictions: names(reviews.dismissal_restrictions, `${path}/dismissal_restrictions`) } : {}),
              ...(reviews.bypass_pull_request_allowances
                ? {
                    bypass_pull_request_allowances: {
                      users: reviews.bypass_pull_request_allowances.users.map((login) => user(login)),
                      teams: reviews.bypass_pull_request_allowances.teams.map((slug) => team(slug)),
                      apps: reviews.bypass_pull_request_allowances.apps.map((slug) => app(slug)),
                    },
                  }
                : {}),
            },
          }
        : {}),
      ...(classic.restrictions ? { restrictions: names(classic.restrictions, `${path}/restrictions`) } : {}),
      required_signatures: { url: api(`${path}/required_signatures`), enabled: classic.required_signatures },
      enforce_admins: { url: api(`${path}/enforce_admins`), enabled: classic.enforce_admins },
      required_linear_history: { enabled: classic.required_linear_history },
      allow_force_pushes: { enabled: classic.allow_force_pushes },
      allow_deletions: { enabled: classic.allow_deletions },
      block_creations: { enabled: classic.block_creations },
      required_conversation_resolution: { enabled: classic.required_conversation_resolution },
      lock_branch: { enabled: classic.lock_branch },
      allow_fork_syncing: { enabled: classic.allow_fork_syncing },
    };
  };

  const routes: Route[] = [
    route('GET', '/repos/{owner}/{repo}', ({ params }) =>
      isRepo(params)
        ? {
            status: 200,
            body: openapi.sample('full-repository', {
              name: state.repo,
              full_name: `${state.owner}/${state.repo}`,
              default_branch: state.defaultBranch,
              owner: user(state.owner, 1),
              url: api(repoPath()),
            }),
          }
        : notFound,
    ),
    route('GET', '/repos/{owner}/{repo}/branches/{branch}', ({ params, token }) => {
      const branch = params.branch ?? '';
      const sha = state.branches[branch];
      if (!isRepo(params) || sha === undefined)
        return {
          status: 404,
          body: { message: 'Branch not found', documentation_url: 'https://docs.github.com/rest/branches/branches#get-a-branch', status: '404' },
        };
      const classic = state.classic[branch];
      const rulesetApplies = state.rulesets.some((ruleset) => ruleset.enforcement === 'active' && targets(ruleset, branch));
      const checks = classic?.required_status_checks?.checks ?? [];
      const summaryChecks = {
        enforcement_level: classic?.required_status_checks ? (classic.enforce_admins ? 'everyone' : 'non_admins') : 'off',
        contexts: checks.map((check) => check.context),
        checks,
      };
      return {
        status: 200,
        body: {
          name: branch,
          commit: openapi.sample('commit', { sha, url: api(`${repoPath()}/commits/${sha}`) }),
          _links: { html: `https://github.com/${state.owner}/${state.repo}/tree/${branch}`, self: api(`${repoPath()}/branches/${branch}`) },
          protected: classic !== undefined || rulesetApplies,
          protection: { enabled: classic !== undefined, ...(token.summaryShowsChecks === false ? {} : { required_status_checks: summaryChecks }) },
          protection_url: api(`${repoPath()}/branches/${branch}/protection`),
        },
      };
    }),
    route('GET', '/repos/{owner}/{repo}/branches/{branch}/protection', ({ params, token }) => {
      if (!isRepo(params) || state.branches[params.branch ?? ''] === undefined) return notFound;
      if (!token.admin) return denied('administration=read');
      const classic = state.classic[params.branch ?? ''];
      if (classic === undefined)
        return {
          status: 404,
          body: {
            message: 'Branch not protected',
            documentation_url: 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection',
            status: '404',
          },
        };
      return { status: 200, body: classicJson(params.branch ?? '', classic) };
    }),
    route('PUT', '/repos/{owner}/{repo}/branches/{branch}/protection', ({ params, body, token }) => {
      const branch = params.branch ?? '';
      if (!isRepo(params) || state.branches[branch] === undefined) return notFound;
      if (!token.admin) return denied('administration=write');
      const put = body as Omit<FakeClassic, 'required_status_checks' | 'required_signatures'> & {
        required_status_checks: { strict: boolean; contexts: string[]; checks?: { context: string; app_id?: number }[] } | null;
      };
      const previous = state.classic[branch];
      const status = put.required_status_checks;
      state.classic[branch] = {
        ...defaultClassic(),
        ...put,
        enforce_admins: put.enforce_admins ?? false,
        required_status_checks: status
          ? {
              strict: status.strict,
              checks: (status.checks ?? status.contexts.map((context): { context: string; app_id?: number } => ({ context }))).map((check) => ({
                context: check.context,
                // -1: any app. (GitHub would pin an omitted app_id to the last app that posted the check.)
                app_id: check.app_id === undefined || check.app_id === -1 ? null : check.app_id,
              })),
            }
          : null,
        // Not part of this body: GitHub keeps it.
        required_signatures: previous?.required_signatures ?? false,
      };
      return { status: 200, body: classicJson(branch, state.classic[branch]) };
    }),
    route('GET', '/repos/{owner}/{repo}/rules/branches/{branch}', ({ params }) => {
      if (!isRepo(params)) return notFound;
      const branch = params.branch ?? '';
      const rules = state.rulesets
        .filter((ruleset) => ruleset.enforcement === 'active' && targets(ruleset, branch))
        .flatMap((ruleset) =>
          ruleset.rules.map((rule) => ({
            ...rule,
            ruleset_source_type: ruleset.source_type ?? 'Repository',
            ruleset_source: ruleset.source ?? `${state.owner}/${state.repo}`,
            ruleset_id: ruleset.id,
          })),
        );
      return { status: 200, body: rules };
    }),
    route('GET', '/repos/{owner}/{repo}/rulesets', ({ params, token }) =>
      isRepo(params) ? { status: 200, body: state.rulesets.map((ruleset) => rulesetJson(ruleset, false, token)) } : notFound,
    ),
    route('GET', '/repos/{owner}/{repo}/rulesets/{ruleset_id}', ({ params, token }) => {
      const ruleset = state.rulesets.find((candidate) => String(candidate.id) === params.ruleset_id);
      return isRepo(params) && ruleset ? { status: 200, body: rulesetJson(ruleset, true, token) } : notFound;
    }),
    route('POST', '/repos/{owner}/{repo}/rulesets', ({ params, body, token }) => {
      if (!isRepo(params)) return notFound;
      if (!token.admin) return denied('administration=write');
      const input = body as Omit<FakeRuleset, 'id'>;
      const ruleset: FakeRuleset = { ...input, id: nextRulesetId++, source_type: 'Repository', source: `${state.owner}/${state.repo}` };
      state.rulesets.push(ruleset);
      return { status: 201, body: rulesetJson(ruleset, true, token) };
    }),
    route('PUT', '/repos/{owner}/{repo}/rulesets/{ruleset_id}', ({ params, body, token }) => {
      const index = state.rulesets.findIndex((candidate) => String(candidate.id) === params.ruleset_id);
      const current = state.rulesets[index];
      if (!isRepo(params) || current === undefined) return notFound;
      if (!token.admin) return denied('administration=write');
      const updated: FakeRuleset = { ...current, ...(body as Partial<FakeRuleset>), id: current.id };
      state.rulesets[index] = updated;
      return { status: 200, body: rulesetJson(updated, true, token) };
    }),
    route('GET', '/repos/{owner}/{repo}/commits', ({ params, url }) => {
      if (!isRepo(params)) return notFound;
      const start = url.searchParams.get('sha') ?? state.defaultBranch;
      const history = state.history?.[start] ?? (state.branches[start] !== undefined ? [state.branches[start]] : undefined);
      if (history === undefined)
        return {
          status: 404,
          body: { message: 'No commit found for SHA: ' + start, documentation_url: 'https://docs.github.com/rest/commits/commits#list-commits', status: '404' },
        };
      const perPage = Number(url.searchParams.get('per_page') ?? '30');
      return {
        status: 200,
        body: history.slice(0, perPage).map((sha) =>
          openapi.sample('commit', {
            sha,
            node_id: `C_${sha}`,
            url: api(`${repoPath()}/commits/${sha}`),
            html_url: `https://github.com/${state.owner}/${state.repo}/commit/${sha}`,
            comments_url: api(`${repoPath()}/commits/${sha}/comments`),
            commit: {
              url: api(`${repoPath()}/git/commits/${sha}`),
              message: `commit ${sha.slice(0, 7)}`,
              comment_count: 0,
              tree: { sha, url: api(`${repoPath()}/git/trees/${sha}`) },
            },
            parents: [],
          }),
        ),
      };
    }),
    route('GET', '/repos/{owner}/{repo}/pulls', ({ params, url, token }) => {
      if (!isRepo(params)) return notFound;
      if (token.pullRequests === false) return denied('pull_requests=read');
      const wanted = url.searchParams.get('state') ?? 'open';
      const base = url.searchParams.get('base');
      const perPage = Number(url.searchParams.get('per_page') ?? '30');
      const descending = (url.searchParams.get('direction') ?? 'desc') === 'desc';
      const pulls = (state.pullRequests ?? [])
        .filter((pull) => (wanted === 'all' || pull.state === wanted) && (base === null || pull.base === base))
        .sort((a, b) => (descending ? b.updatedAt.localeCompare(a.updatedAt) : a.updatedAt.localeCompare(b.updatedAt)))
        .slice(0, perPage);
      return {
        status: 200,
        body: pulls.map((pull) =>
          openapi.sample('pull-request-simple', {
            id: 1000 + pull.number,
            number: pull.number,
            node_id: `PR_${pull.number}`,
            state: pull.state,
            title: `pull request ${pull.number}`,
            url: api(`${repoPath()}/pulls/${pull.number}`),
            html_url: `https://github.com/${state.owner}/${state.repo}/pull/${pull.number}`,
            created_at: '2026-01-01T00:00:00Z',
            updated_at: pull.updatedAt,
            closed_at: pull.state === 'closed' ? pull.updatedAt : null,
            merged_at: pull.merged ? pull.updatedAt : null,
            merge_commit_sha: null,
            // Merged into the sampled head and base: the fields the gate reads, set.
            head: { label: `${state.owner}:feature-${pull.number}`, ref: `feature-${pull.number}`, sha: pull.headSha, user: user(state.owner, 1) },
            base: { label: `${state.owner}:${pull.base}`, ref: pull.base, sha: state.branches[pull.base] ?? pull.headSha, user: user(state.owner, 1) },
            user: user(state.owner, 1),
          }),
        ),
      };
    }),
    route('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', ({ params, url, token }) => {
      if (!isRepo(params)) return notFound;
      if (token.checks === false) return denied('checks=read');
      const sha = state.branches[params.ref ?? ''] ?? params.ref ?? '';
      if (state.goneCommits?.includes(sha)) {
        return {
          status: 422,
          body: {
            message: `No commit found for SHA: ${sha}`,
            documentation_url: 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference',
            status: '422',
          },
        };
      }
      const name = url.searchParams.get('check_name');
      const appId = url.searchParams.get('app_id');
      const runs = (state.checkRuns[sha] ?? [])
        .filter((run) => (name === null || run.name === name) && (appId === null || String((run.app ?? ACTIONS).id) === appId))
        .map((run) => {
          const id = nextRunId++;
          return {
            ...openapi.sample('check-run'),
            id,
            node_id: `CR_${id}`,
            head_sha: sha,
            name: run.name,
            url: api(`${repoPath()}/check-runs/${id}`),
            html_url: `https://github.com/${state.owner}/${state.repo}/runs/${id}`,
            details_url: `https://github.com/${state.owner}/${state.repo}/actions/runs/${id}`,
            external_id: String(id),
            status: run.status ?? 'completed',
            conclusion: run.status === undefined || run.status === 'completed' ? (run.conclusion === undefined ? 'success' : run.conclusion) : null,
            started_at: '2026-01-01T00:00:00Z',
            completed_at: run.status === undefined || run.status === 'completed' ? '2026-01-01T00:05:00Z' : null,
            check_suite: { id: 1 },
            app: app((run.app ?? ACTIONS).slug, (run.app ?? ACTIONS).id),
            pull_requests: [],
            output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: api(`${repoPath()}/check-runs/${id}/annotations`) },
          };
        });
      const perPage = Number(url.searchParams.get('per_page') ?? '30');
      return { status: 200, body: { total_count: runs.length, check_runs: runs.slice(0, perPage) } };
    }),
    route('GET', '/user', ({ token }) =>
      writer(token).type === 'Bot'
        ? // An installation token (the workflow token) has no user.
          {
            status: 403,
            body: {
              message: 'Resource not accessible by integration',
              documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
              status: '403',
            },
          }
        : {
            status: 200,
            body: openapi.sample('private-user', {
              login: writer(token).login,
              id: accountId(writer(token)),
              type: 'User',
              url: api(`/users/${writer(token).login}`),
              user_view_type: 'private',
            }),
          },
    ),
    route('GET', '/repos/{owner}/{repo}/issues', ({ params, url, token }) => {
      if (!isRepo(params)) return notFound;
      if (!can(token, 'issues', 'read')) return denied('issues=read');
      const wanted = url.searchParams.get('state') ?? 'open';
      const ascending = url.searchParams.get('direction') === 'asc';
      const listed = issues()
        .filter((issue) => wanted === 'all' || issue.state === wanted)
        .sort((a, b) => (Date.parse(a.created_at) - Date.parse(b.created_at) || a.number - b.number) * (ascending ? 1 : -1));
      return paginated(url, listed.map(issueJson));
    }),
    route('POST', '/repos/{owner}/{repo}/issues', ({ params, body, token }) => {
      if (!isRepo(params)) return notFound;
      if (!can(token, 'issues', 'write')) return denied('issues=write');
      const input = body as { title: string; body?: string; labels?: string[] };
      const refused = tooLong(input.body, 'Issue');
      if (refused) return refused;
      const at = tick();
      const issue: FakeIssue = {
        id: nextIssueId++,
        number: Math.max(0, ...issues().map((existing) => existing.number)) + 1,
        title: input.title,
        body: input.body ?? null,
        state: 'open',
        state_reason: null,
        // GitHub drops labels silently for a token without push access.
        labels: token.push === false ? [] : [...(input.labels ?? [])],
        user: writer(token),
        created_at: at,
        updated_at: at,
        closed_at: null,
      };
      issues().push(issue);
      return { status: 201, body: issueJson(issue) };
    }),
    route('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', ({ params, body, token }) => {
      const issue = findIssue(params);
      if (issue === undefined) return notFound;
      if (!allowed(token, issue, 'write')) return deniedFor(issue, 'write');
      const input = body as { title?: string; body?: string; state?: 'open' | 'closed'; state_reason?: FakeIssue['state_reason']; duplicate_issue_id?: number };
      if (input.state_reason === 'duplicate' && input.duplicate_issue_id !== undefined && !issues().some((other) => other.id === input.duplicate_issue_id)) {
        return {
          status: 422,
          body: { message: 'Validation Failed', documentation_url: 'https://docs.github.com/rest/issues/issues#update-an-issue', status: '422' },
        };
      }
      const refused = tooLong(input.body, 'Issue');
      if (refused) return refused;
      const at = tick();
      if (input.title !== undefined) issue.title = input.title;
      if (input.body !== undefined) issue.body = input.body;
      if (input.state !== undefined && input.state !== issue.state) {
        issue.state = input.state;
        issue.closed_at = input.state === 'closed' ? at : null;
        issue.state_reason = input.state === 'closed' ? (input.state_reason ?? 'completed') : 'reopened';
        if (input.state_reason === 'duplicate' && input.duplicate_issue_id !== undefined) issue.duplicate_of = input.duplicate_issue_id;
      }
      issue.updated_at = at;
      return { status: 200, body: issueJson(issue) };
    }),
    route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', ({ params, url, token }) => {
      const issue = findIssue(params);
      if (issue === undefined) return notFound;
      if (!allowed(token, issue, 'read')) return deniedFor(issue, 'read');
      const listed = issueComments()
        .filter((comment) => comment.issue_number === issue.number)
        .sort((a, b) => a.id - b.id);
      return paginated(url, listed.map(commentJson));
    }),
    route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', ({ params, body, token }) => {
      const issue = findIssue(params);
      if (issue === undefined) return notFound;
      if (!allowed(token, issue, 'write')) return deniedFor(issue, 'write');
      const refused = tooLong((body as { body: string }).body, 'IssueComment');
      if (refused) return refused;
      const at = tick();
      const comment: FakeIssueComment = {
        id: nextCommentId++,
        issue_number: issue.number,
        body: (body as { body: string }).body,
        user: writer(token),
        created_at: at,
        updated_at: at,
      };
      issueComments().push(comment);
      return { status: 201, body: commentJson(comment) };
    }),
    route('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', ({ params, body, token }) => {
      const comment = isRepo(params) ? issueComments().find((candidate) => String(candidate.id) === params.comment_id) : undefined;
      const issue = comment === undefined ? undefined : issues().find((candidate) => candidate.number === comment.issue_number);
      if (comment === undefined || issue === undefined) return notFound;
      if (!allowed(token, issue, 'write')) return deniedFor(issue, 'write');
      const refused = tooLong((body as { body: string }).body, 'IssueComment');
      if (refused) return refused;
      comment.body = (body as { body: string }).body;
      comment.updated_at = tick();
      return { status: 200, body: commentJson(comment) };
    }),
  ];

  // The barrier: requests to its route wait until `count` of them have arrived, so that two runs
  // both read before either writes (as two overlapping workflow runs can). Once, then open.
  const held: (() => void)[] = [];
  let barrierPassed = false;
  const arriveAtBarrier = () =>
    new Promise<void>((resolve) => {
      held.push(resolve);
      if (held.length >= (options.barrier?.count ?? 0)) {
        barrierPassed = true;
        for (const release of held.splice(0)) release();
      }
    });

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void answerRequest().catch((error: unknown) => {
        // A handler that throws is a broken fake: recorded like a schema violation, answered 500.
        violations.push(`${request.method ?? 'GET'} ${request.url ?? '/'}: the fake threw ${String(error)}`);
        response.writeHead(500);
        response.end();
      });
    });
    const answerRequest = async () => {
      const url = new URL(request.url ?? '/', base);
      const method = request.method ?? 'GET';
      const path = url.pathname
        .split('/')
        .map((segment) => decodeURIComponent(segment))
        .join('/');
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text === '' ? undefined : (JSON.parse(text) as unknown);
      const matched = routes
        .map((candidate) => ({ candidate, match: candidate.method === method ? candidate.pattern.exec(url.pathname) : null }))
        .find((entry) => entry.match !== null);
      const template = matched?.candidate.template;
      const routeKey = `${method} ${template ?? path}`;
      if (options.barrier && routeKey === options.barrier.route && !barrierPassed) await arriveAtBarrier();

      let answer: { status: number; body?: unknown; headers?: Record<string, string> };
      const token = accepted.find((candidate) => request.headers.authorization === `token ${candidate.value}`);
      if (token === undefined) {
        answer = { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };
      } else if (options.rateLimit && routeKey === options.rateLimit.route && rateLimitLeft > 0) {
        rateLimitLeft -= 1;
        answer = {
          status: 429,
          headers: { 'retry-after': String(options.rateLimit.retryAfterSeconds) },
          body: {
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url: 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            status: '429',
          },
        };
      } else if (matched?.match) {
        const params = Object.fromEntries(matched.candidate.names.map((name, index) => [name, decodeURIComponent(matched.match?.[index + 1] ?? '')]));
        if (body !== undefined) violations.push(...openapi.validateRequest(method, matched.candidate.template, body));
        answer = matched.candidate.handle({ params, body, url, token });
      } else {
        answer = notFound;
      }

      violations.push(
        ...(template !== undefined ? openapi.validateResponse(method, template, answer.status, answer.body) : openapi.validateError(answer.body)),
      );
      calls.push({
        method,
        route: template ?? path,
        path,
        query: url.searchParams,
        token: token?.value,
        status: answer.status,
        at: performance.now() - started,
        ...(body !== undefined ? { body } : {}),
      });
      const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
      response.writeHead(answer.status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        ...answer.headers,
      });
      response.end(payload);
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    calls,
    violations,
    state,
    routes: () => calls.map((call) => `${call.method} ${call.route}`),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
