export const id = 705;
export const ids = [705];
export const modules = {

/***/ 23205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MD: () => (/* binding */ policyOctokit),
/* harmony export */   N5: () => (/* binding */ GITHUB_RETRIES),
/* harmony export */   UY: () => (/* binding */ connectGitHub),
/* harmony export */   iC: () => (/* binding */ RATE_LIMIT_MAX_WAIT_SECONDS),
/* harmony export */   se: () => (/* binding */ RATE_LIMIT_RETRIES),
/* harmony export */   ur: () => (/* binding */ callGitHub)
/* harmony export */ });
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86856);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59988);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(311);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86445);





/** Retries of a failed attempt (5xx, network, timeout), each after 1 s, 4 s (the plugin's backoff). */
const GITHUB_RETRIES = 2;
/** Rate-limit waits per request, and their total for the whole run; beyond that the call fails. */
const RATE_LIMIT_RETRIES = 2;
const RATE_LIMIT_MAX_WAIT_SECONDS = 120;
const ThrottledOctokit = _octokit_rest__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
/**
 * One Octokit with this project's policy; every attempt (first try, retry, rate-limit retry) goes
 * through one fetch with its own time limit, counted in `budget`, whose rate-limit wait is bounded
 * across every Octokit that shares it.
 */
function policyOctokit(apiLabel, token, timeoutMs, log, budget, options = {}) {
    const maxWait = options.rateLimitMaxWaitSeconds ?? RATE_LIMIT_MAX_WAIT_SECONDS;
    const timedFetch = async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const key = `${init?.method ?? 'GET'} ${url.pathname}`;
        budget.counts[key] = (budget.counts[key] ?? 0) + 1;
        if ((budget.counts[key] ?? 0) > 1)
            log.debug(`GitHub ${key}: attempt ${budget.counts[key]}`);
        const signals = [AbortSignal.timeout(timeoutMs), ...(init?.signal ? [init.signal] : [])];
        const response = await fetch(input, { ...init, signal: AbortSignal.any(signals) });
        if (response.status >= 500 || response.status === 429)
            log.warning(`GitHub ${key}: HTTP ${response.status}; retrying within the bounds`);
        return response;
    };
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const within = retryCount < RATE_LIMIT_RETRIES && budget.waitedSeconds + retryAfter <= maxWait;
        if (!within) {
            log.warning(`GitHub ${kind} rate limit on ${request.method} ${request.url}: retry-after ${retryAfter} s is beyond the bound (${RATE_LIMIT_RETRIES} waits, ${maxWait} s in all); giving up.`);
            return false;
        }
        budget.waitedSeconds += retryAfter;
        log.warning(`GitHub ${kind} rate limit on ${request.method} ${request.url}: waiting ${retryAfter} s (wait ${retryCount + 1} of ${RATE_LIMIT_RETRIES}).`);
        return true;
    };
    return new ThrottledOctokit({
        auth: token,
        baseUrl: apiLabel,
        userAgent: `surreal-release-gates/${_version_js__WEBPACK_IMPORTED_MODULE_4__/* .VERSION */ .x}`,
        headers: { 'x-github-api-version': '2022-11-28' },
        request: { fetch: timedFetch },
        log: {
            debug: (message) => log.debug(message),
            info: (message) => log.debug(message),
            warn: (message) => log.warning(message),
            error: (message) => log.debug(message),
        },
        retry: {
            retries: GITHUB_RETRIES,
            // 429 is the throttling plugin's (it honours retry-after); other 4xx answers do not change on
            // retry. A POST that failed with a 5xx may have been done: retrying it can create twice, which
            // the drift watch's next run tidies up (duplicates are closed), so the bounded retry stays.
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
            ...(options.retryBaseMs !== undefined ? { retryAfterBaseValue: options.retryBaseMs } : {}),
        },
        throttle: {
            // Bottleneck groups are shared per id: one per client keeps runs apart.
            id: `srg-${Math.random().toString(36).slice(2)}`,
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
        },
    });
}
/** Runs one API operation: logs its time, turns any failure into a GitHubFailure naming the permission. */
async function callGitHub(log, target, operation, send) {
    const started = performance.now();
    try {
        const result = await send();
        log.debug(`GitHub ${operation}: ${Math.round(performance.now() - started)} ms`);
        return result;
    }
    catch (thrown) {
        throw (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeGitHubError */ .dZ)(operation, thrown, target);
    }
}
function connectGitHub(settings, log, options = {}) {
    const apiLabel = settings.apiUrl.href.replace(/\/$/, '');
    const target = { apiUrl: apiLabel, timeoutMs: settings.timeoutMs };
    const budget = { counts: {}, waitedSeconds: 0 };
    const counts = budget.counts;
    const octokit = policyOctokit(apiLabel, settings.token, settings.timeoutMs, log, budget, options);
    return {
        octokit,
        apiLabel,
        call: (operation, send) => callGitHub(log, target, operation, send),
        requestCounts: () => ({ ...counts }),
    };
}


/***/ }),

/***/ 80705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GITHUB_RETRIES: () => (/* reexport safe */ _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__.N5),
/* harmony export */   GitHubFailure: () => (/* reexport safe */ _github_errors_js__WEBPACK_IMPORTED_MODULE_0__.iK),
/* harmony export */   RATE_LIMIT_MAX_WAIT_SECONDS: () => (/* reexport safe */ _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__.iC),
/* harmony export */   RATE_LIMIT_RETRIES: () => (/* reexport safe */ _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__.se),
/* harmony export */   createGitHubGateway: () => (/* binding */ createGitHubGateway)
/* harmony export */ });
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86445);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23205);




/** Pages of 100 read at most from a list (check runs of one commit, rulesets, rules). */
const MAX_PAGES = 10;
function seenRun(run) {
    return { id: run.id, name: run.name, appId: run.app?.id, appSlug: run.app?.slug, status: run.status, conclusion: run.conclusion ?? undefined };
}
function createGitHubGateway(settings, log, options = {}) {
    if (settings.repository === undefined || settings.token === undefined) {
        throw new Error('the GitHub client needs github-repository and github-token');
    }
    const { owner, repo } = settings.repository;
    const apiLabel = settings.apiUrl.href.replace(/\/$/, '');
    const adminInput = settings.adminToken === undefined ? 'github-token' : 'github-admin-token';
    // One budget for both tokens' Octokits: attempts counted together, rate-limit waits bounded together.
    const budget = { counts: {}, waitedSeconds: 0 };
    const client = (token) => (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .policyOctokit */ .MD)(apiLabel, token, settings.timeoutMs, log, budget, options);
    const octokit = client(settings.token);
    const adminOctokit = settings.adminToken === undefined ? octokit : client(settings.adminToken);
    const call = (operation, send, tokenInput = 'github-token') => (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .callGitHub */ .ur)(log, { apiUrl: apiLabel, timeoutMs: settings.timeoutMs, tokenInput }, operation, send);
    const toCheck = (context, appId) => ({
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
                requiredStatusChecks: status === undefined
                    ? undefined
                    : {
                        enforcementLevel: status.enforcement_level,
                        checks: status.checks.length > 0
                            ? status.checks.map((check) => toCheck(check.context, check.app_id))
                            : status.contexts.map((context) => toCheck(context, undefined)),
                    },
            };
        },
        async getBranchRules(branch) {
            const rules = await call(`GET /repos/${owner}/${repo}/rules/branches/${branch}`, async () => {
                const all = [];
                let pages = 0;
                for await (const page of adminOctokit.paginate.iterator(adminOctokit.rest.repos.getBranchRules, { owner, repo, branch, per_page: 100 })) {
                    all.push(...page.data);
                    pages += 1;
                    if (pages >= MAX_PAGES)
                        break;
                }
                return all;
            }, adminInput);
            const result = [];
            for (const rule of rules) {
                if (rule.type !== 'required_status_checks' || !('parameters' in rule) || rule.parameters === undefined)
                    continue;
                const parameters = rule.parameters;
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
            const rulesets = await call(`GET /repos/${owner}/${repo}/rulesets`, async () => {
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
                    if (pages >= MAX_PAGES)
                        break;
                }
                return all;
            }, adminInput);
            return rulesets
                .filter((ruleset) => ruleset.target === undefined || ruleset.target === 'branch')
                .map((ruleset) => ({ id: ruleset.id, name: ruleset.name, enforcement: ruleset.enforcement, sourceType: ruleset.source_type, source: ruleset.source }));
        },
        async getRuleset(id) {
            const { data } = await call(`GET /repos/${owner}/${repo}/rulesets/${id}`, () => adminOctokit.rest.repos.getRepoRuleset({ owner, repo, ruleset_id: id, includes_parents: true }), adminInput);
            const rules = (data.rules ?? []);
            const checkRules = rules.filter((rule) => rule.type === 'required_status_checks');
            const parametersOf = (rule) => (rule.parameters ?? {});
            const refName = data.conditions && 'ref_name' in data.conditions ? data.conditions.ref_name : undefined;
            return {
                id: data.id,
                name: data.name,
                enforcement: data.enforcement,
                target: data.target,
                sourceType: data.source_type,
                source: data.source,
                bypassActors: data.bypass_actors?.map((actor) => ({
                    actorType: actor.actor_type,
                    actorId: actor.actor_id ?? undefined,
                    bypassMode: actor.bypass_mode,
                })),
                refConditions: refName === undefined ? undefined : { include: refName.include ?? [], exclude: refName.exclude ?? [] },
                requiredChecks: checkRules.flatMap((rule) => (parametersOf(rule).required_status_checks ?? []).map((check) => toCheck(check.context, check.integration_id))),
                strict: checkRules.some((rule) => parametersOf(rule).strict_required_status_checks_policy === true),
                rules,
            };
        },
        async getClassicProtection(branch) {
            try {
                const { data } = await call(`GET /repos/${owner}/${repo}/branches/${branch}/protection`, () => adminOctokit.rest.repos.getBranchProtection({ owner, repo, branch }), adminInput);
                return data;
            }
            catch (error) {
                // With the permission, GitHub answers 404 "Branch not protected"; without it, 403 or a bare 404.
                if (error instanceof _github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubFailure */ .iK && error.status === 404 && /branch not protected/i.test(error.serverMessage ?? ''))
                    return 'not-protected';
                throw error;
            }
        },
        async putClassicProtection(branch, body) {
            await call(`PUT /repos/${owner}/${repo}/branches/${branch}/protection`, 
            // The domain body is the same shape with readonly arrays.
            () => adminOctokit.rest.repos.updateBranchProtection({ owner, repo, branch, ...body }), adminInput);
        },
        async createRuleset(body) {
            const { data } = await call(`POST /repos/${owner}/${repo}/rulesets`, () => adminOctokit.rest.repos.createRepoRuleset({ owner, repo, ...body }), adminInput);
            return data.id;
        },
        async updateRuleset(id, body) {
            await call(`PUT /repos/${owner}/${repo}/rulesets/${id}`, () => adminOctokit.rest.repos.updateRepoRuleset({ owner, repo, ruleset_id: id, ...body }), adminInput);
        },
        async listCheckRuns(sha) {
            const runs = await call(`GET /repos/${owner}/${repo}/commits/${sha}/check-runs`, async () => {
                const all = [];
                let pages = 0;
                for await (const page of octokit.paginate.iterator(octokit.rest.checks.listForRef, { owner, repo, ref: sha, per_page: 100 })) {
                    all.push(...page.data);
                    pages += 1;
                    if (pages >= MAX_PAGES)
                        break;
                }
                return all;
            });
            return runs.map(seenRun);
        },
        async listRecentCommits(branch, limit) {
            const { data } = await call(`GET /repos/${owner}/${repo}/commits?sha=${branch}`, () => octokit.rest.repos.listCommits({ owner, repo, sha: branch, per_page: limit }));
            return data.map((commit) => commit.sha);
        },
        async listMergedPullRequests(base, limit) {
            const { data } = await call(`GET /repos/${owner}/${repo}/pulls?base=${base}`, () => octokit.rest.pulls.list({ owner, repo, base, state: 'closed', sort: 'updated', direction: 'desc', per_page: limit }));
            return data.filter((pull) => pull.merged_at !== null).map((pull) => ({ number: pull.number, headSha: pull.head.sha, mergedAt: pull.merged_at ?? '' }));
        },
        async findCheckRun(sha, name, appId) {
            let data;
            try {
                ({ data } = await call(`GET /repos/${owner}/${repo}/commits/${sha}/check-runs?check_name=${name}`, () => octokit.rest.checks.listForRef({ owner, repo, ref: sha, check_name: name, app_id: appId, filter: 'all', per_page: 1 })));
            }
            catch (error) {
                // A merged pull request's head that was pushed over may be gone: GitHub answers 422.
                if (error instanceof _github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubFailure */ .iK && error.status === 422 && /no commit found/i.test(error.serverMessage ?? '')) {
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


/***/ })

};
