export const id = 411;
export const ids = [411];
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

/***/ 70792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishToGitHub: () => (/* binding */ publishToGitHub)
});

// EXTERNAL MODULE: ./src/clients/github-errors.ts
var github_errors = __webpack_require__(86445);
// EXTERNAL MODULE: ./src/clients/github-octokit.ts
var github_octokit = __webpack_require__(23205);
;// CONCATENATED MODULE: ./src/clients/github-issues.ts


/** Pages of 100 read at most from a list (open issues, comments of one pull request). */
const MAX_LIST_PAGES = 30;
const authorOf = (user) => user?.login === undefined ? undefined : { login: user.login, type: user.type ?? 'User' };
const issueOf = (issue) => ({
    id: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    createdAt: issue.created_at,
    author: authorOf(issue.user),
    labels: issue.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))),
    htmlUrl: issue.html_url,
});
function createGitHubIssuesGateway(settings, log, options = {}) {
    const { owner, repo } = settings.repository;
    const { octokit, apiLabel, call, requestCounts } = (0,github_octokit/* connectGitHub */.UY)(settings, log, options);
    const base = `/repos/${owner}/${repo}`;
    async function pages(iterator) {
        const items = [];
        let count = 0;
        for await (const page of iterator) {
            items.push(...page.data);
            count += 1;
            // A full last page may have a successor: the listing is whole only if the iterator ended.
            if (count >= MAX_LIST_PAGES)
                return { items, complete: page.data.length < 100 };
        }
        return { items, complete: true };
    }
    const toComment = (comment) => ({
        id: comment.id,
        body: comment.body ?? '',
        createdAt: comment.created_at,
        author: authorOf(comment.user),
        htmlUrl: comment.html_url,
    });
    return {
        apiLabel,
        async identity() {
            try {
                const { data } = await call('GET /user', () => octokit.rest.users.getAuthenticated());
                return { kind: 'user', login: data.login };
            }
            catch (error) {
                // "Resource not accessible by integration": an installation token has no user.
                if (error instanceof github_errors/* GitHubFailure */.iK && error.kind === 'permission')
                    return { kind: 'app' };
                throw error;
            }
        },
        async listOpenIssues() {
            const listing = await call(`GET ${base}/issues`, () => pages(octokit.paginate.iterator(octokit.rest.issues.listForRepo, { owner, repo, state: 'open', sort: 'created', direction: 'asc', per_page: 100 })));
            return {
                complete: listing.complete,
                items: listing.items.filter((issue) => issue.pull_request === undefined).map(issueOf),
            };
        },
        async createIssue(title, body, labels) {
            const { data } = await call(`POST ${base}/issues`, () => octokit.rest.issues.create({ owner, repo, title, body, labels: [...labels] }));
            return issueOf(data);
        },
        async updateIssueBody(issueNumber, body) {
            await call(`PATCH ${base}/issues/${issueNumber}`, () => octokit.rest.issues.update({ owner, repo, issue_number: issueNumber, body }));
        },
        async closeIssue(issueNumber, reason) {
            await call(`PATCH ${base}/issues/${issueNumber}`, () => octokit.rest.issues.update({
                owner,
                repo,
                issue_number: issueNumber,
                state: 'closed',
                ...(reason === 'completed'
                    ? { state_reason: 'completed' }
                    : { state_reason: 'duplicate', duplicate_issue_id: reason.duplicateOfId }),
            }));
        },
        async listComments(issueNumber) {
            const listing = await call(`GET ${base}/issues/${issueNumber}/comments`, () => pages(octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 })));
            return { complete: listing.complete, items: listing.items.map(toComment) };
        },
        async createComment(issueNumber, body) {
            const { data } = await call(`POST ${base}/issues/${issueNumber}/comments`, () => octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }));
            return toComment(data);
        },
        async updateComment(commentId, body) {
            const { data } = await call(`PATCH ${base}/issues/comments/${commentId}`, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body }));
            return toComment(data);
        },
        requestCounts,
    };
}

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/drift/markers.ts
/**
 * Hidden first lines that say which issue or comment belongs to which environment. Labels can be
 * dropped silently (tokens without push access), titles edited by people: the marker is what the
 * drift watch and the plan comment look for. Only a first line counts, so a marker quoted further
 * down someone's text is never taken for ours.
 */
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z$/;
const DRIFT = /^<!-- surreal-release-gates:drift env=([a-z0-9][a-z0-9-]*)(?: first-seen=(\S+))? -->$/;
const PLAN = /^<!-- surreal-release-gates:plan-comment env=([a-z0-9][a-z0-9-]*) -->$/;
const firstLine = (body) => (body ?? '').split(/\r?\n/, 1)[0]?.trim() ?? '';
/** The drift issue's marker; `firstSeen` (ISO 8601 UTC) carries over from run to run. */
function driftMarker(env, firstSeen) {
    return `<!-- surreal-release-gates:drift env=${env} first-seen=${firstSeen} -->`;
}
/** The environment and first-seen time of a drift issue body, or undefined when it is not one. */
function readDriftMarker(body) {
    const match = DRIFT.exec(firstLine(body));
    if (!match)
        return undefined;
    const firstSeen = match[2] !== undefined && TIMESTAMP.test(match[2]) && !Number.isNaN(Date.parse(match[2])) ? match[2] : undefined;
    return { env: match[1] ?? '', firstSeen };
}
function planCommentMarker(env) {
    return `<!-- surreal-release-gates:plan-comment env=${env} -->`;
}
function isPlanComment(body, env) {
    return PLAN.exec(firstLine(body))?.[1] === env;
}

;// CONCATENATED MODULE: ./src/drift/decide.ts

const DRIFT_LABEL = 'release-gates-drift';
const driftTitle = (env) => `Release gates drift: ${env}`;
/** Oldest first: by creation time, then by number. */
function oldestFirst(issues) {
    return [...issues].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number - b.number);
}
/**
 * What to do with the environment's drift issue after a run. Not passing: update the oldest open
 * one, or open one when there is none. Passing: close them. Either way every other open one is
 * closed as a duplicate of the oldest: GitHub cannot create an issue conditionally, so two runs
 * that overlap can each open one, and the next run tidies up.
 */
function decideDrift(passing, tracked) {
    const [oldest, ...extras] = oldestFirst(tracked);
    if (oldest === undefined)
        return passing ? [] : [{ kind: 'open' }];
    const duplicates = extras.map((issue) => ({ kind: 'duplicate', issue, original: oldest }));
    if (passing)
        return [{ kind: 'resolve', issue: oldest }, ...duplicates];
    const firstSeen = readDriftMarker(oldest.body)?.firstSeen ?? new Date(oldest.createdAt).toISOString();
    return [{ kind: 'update', issue: oldest, firstSeen }, ...duplicates];
}
/** One line per step, as the log, the job summary and the CLI print the decision. */
function describeStep(step, env) {
    switch (step.kind) {
        case 'open':
            return `open an issue '${driftTitle(env)}'`;
        case 'update':
            return `update #${step.issue.number} with this run's report (first seen ${step.firstSeen})`;
        case 'resolve':
            return `comment on #${step.issue.number} that every gate passes again, and close it`;
        case 'duplicate':
            return `close #${step.issue.number} as a duplicate of #${step.original.number}`;
    }
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/report/table.ts
var table = __webpack_require__(790);
;// CONCATENATED MODULE: ./src/drift/limit.ts
/** GitHub's limit on an issue body and on a comment, in characters. */
const GITHUB_BODY_LIMIT = 65_536;
/**
 * A markdown link whose target is an http(s) URL in angle brackets, every character that could
 * end it encoded; anything else (a URL from a server is untrusted) gives the label alone.
 */
function markdownLink(label, url) {
    if (url === undefined || !/^https?:\/\//i.test(url))
        return label;
    return `[${label}](<${url.replace(/[<>\s()\\]/g, (char) => encodeURIComponent(char).replace('(', '%28').replace(')', '%29'))}>)`;
}
/** A link to the run (built from the runner's variables), or plain words outside Actions. */
function runLink(runUrl, label = 'the run') {
    if (runUrl === undefined || !/^https?:\/\//i.test(runUrl))
        return `${label} (its job summary and report artifact)`;
    return markdownLink(label, runUrl);
}
/**
 * The head (markers, decision) and the reports in at most `limit` characters: the full reports when
 * they fit, else the compact ones, else the compact ones cut at a line, each time saying where the
 * rest is. The head comes first, so the marker on its first line always survives the cut. Lengths
 * are counted in UTF-16 code units, never fewer than GitHub's characters.
 */
function fitToLimit(head, parts, runUrl, limit = GITHUB_BODY_LIMIT) {
    const full = [head, ...parts.map((part) => part.full)].join('\n');
    if (full.length <= limit)
        return full;
    const where = runLink(runUrl);
    const size = limit.toLocaleString('en-US');
    const note = `> The full reports do not fit GitHub's ${size}-character limit: they are in ${where}.\n`;
    const compact = [head, note, ...parts.map((part) => part.compact)].join('\n');
    if (compact.length <= limit)
        return compact;
    const closing = `\n> Cut at GitHub's ${size}-character limit; the full reports are in ${where}.\n`;
    let cut = compact.slice(0, Math.max(0, limit - closing.length));
    const lastLine = cut.lastIndexOf('\n');
    if (lastLine > 0)
        cut = cut.slice(0, lastLine + 1);
    // Never end on half of a surrogate pair.
    if (/[\uD800-\uDBFF]$/.test(cut))
        cut = cut.slice(0, -1);
    return `${cut}${closing}`;
}

// EXTERNAL MODULE: ./src/verdict.ts
var verdict = __webpack_require__(53138);
;// CONCATENATED MODULE: ./src/drift/issue-body.ts






/** The gates that did not pass, go/no-go only when it is the one that did not (health checks). */
function blockingGates(gates) {
    const blocking = gates.filter((gate) => !verdict/* PASSING_STATUSES */.bc.includes(gate.status));
    const selected = blocking.filter((gate) => gate.id !== 'go-no-go');
    return selected.length > 0 ? selected : blocking;
}
/** In run order, go/no-go last, as in the job summary; the head above already says what failed. */
function reportParts(gates, run) {
    return gates.map((gate) => ({ full: (0,markdown/* renderGateReport */.C)(gate, run), compact: (0,markdown/* renderGateReport */.C)(gate, run, { compact: true }) }));
}
/**
 * The drift issue's body: the marker (environment, first seen), what does not pass and what to
 * do, first and last seen, then the run's reports, within GitHub's 65,536 characters.
 */
function renderDriftIssueBody(report, firstSeen, lastSeen, limit = GITHUB_BODY_LIMIT) {
    const { run } = report;
    const blocking = blockingGates(report.gates);
    const rows = blocking.map((gate) => {
        const finding = (0,verdict/* decidingFinding */.vc)(gate.findings);
        return [`\`${gate.id}\``, gate.status, (0,report_escape/* escapeMarkdown */.FV)(finding?.message ?? gate.summary), (0,report_escape/* escapeMarkdown */.FV)(finding?.remediation ?? '')];
    });
    const head = [
        driftMarker(run.appEnv, firstSeen),
        `Retention of \`${run.envPrefix}\` in bucket \`${run.bucket}\` (${(0,report_escape/* escapeMarkdown */.FV)(run.endpoint)}) is not proven: ${blocking.length} gate(s) did not pass.`,
        '',
        (0,table/* markdownTable */.Q)(['Gate', 'Status', 'Finding', 'What to do'], rows),
        '',
        `- First seen: ${firstSeen}`,
        `- Last seen: ${lastSeen}, in ${runLink(report.runUrl)}`,
        `- surreal-release-gates ${(0,report_escape/* escapeMarkdown */.FV)(run.version)}`,
        '',
        "The release gates' drift watch keeps this issue: each run that finds a gate not passing updates it, and the first run in which every gate passes comments and closes it. Keep the first line of this description: it is how the watch finds the issue.",
        '',
        '## Latest reports',
        '',
    ].join('\n');
    return fitToLimit(head, reportParts(report.gates, run), report.runUrl, limit);
}
/** The comment before closing: every gate passes again. */
function renderResolvedComment(report, at) {
    const rows = report.gates.filter((gate) => gate.id !== 'go-no-go').map((gate) => [`\`${gate.id}\``, gate.status, (0,report_escape/* escapeMarkdown */.FV)(gate.summary)]);
    return [
        `Every gate passes again at ${at}, in ${runLink(report.runUrl)}: retention of \`${report.run.envPrefix}\` in bucket \`${report.run.bucket}\` is proven. Closing.`,
        '',
        (0,table/* markdownTable */.Q)(['Gate', 'Status', 'Summary'], rows),
        '',
    ].join('\n');
}
/** The comment before closing an extra issue of the same environment. */
function renderDuplicateComment(env, originalNumber, runUrl) {
    return `Duplicate of #${originalNumber}: two drift watch runs for \`${env}\` overlapped and each opened an issue. #${originalNumber} (the oldest) is kept up to date; closing this one (${runLink(runUrl)}).\n`;
}

;// CONCATENATED MODULE: ./src/drift/ownership.ts
/**
 * Whether an issue or comment was written by this token, so that it may be edited or closed.
 * A user token owns what its login wrote. An installation token cannot ask who it is (GET /user
 * is denied), so it owns what a bot account wrote: no person's text is ever rewritten.
 */
function writtenBy(author, identity) {
    if (author === undefined)
        return false;
    return identity.kind === 'user' ? author.login.toLowerCase() === identity.login.toLowerCase() : author.type === 'Bot';
}

;// CONCATENATED MODULE: ./src/publish/drift-issue.ts







const toTracked = (issue) => ({ id: issue.id, number: issue.number, body: issue.body, createdAt: issue.createdAt });
/**
 * Keeps the environment's drift issue in step with this run: finds it by its marker among the
 * open issues (labels can be dropped, so they are not searched), decides (src/drift/decide.ts),
 * then does it, or with drift-issue: plan only says it. Throws nothing the caller must handle
 * beyond GitHubFailure.
 */
async function publishDriftIssue(context) {
    const { config, gates, log, github } = context;
    const env = config.appEnv;
    const passing = gates.find((gate) => gate.id === 'go-no-go')?.status === 'PASS';
    const listing = await github.listOpenIssues();
    const marked = listing.items.filter((issue) => readDriftMarker(issue.body)?.env === env);
    const identity = marked.length > 0 ? await context.identity() : undefined;
    const ours = identity === undefined ? [] : marked.filter((issue) => writtenBy(issue.author, identity));
    if (ours.length < marked.length) {
        log.info(`${marked.length - ours.length} open issue(s) carry the drift marker of ${env} but were not written by this token: left alone.`);
    }
    const steps = decideDrift(passing, ours.map(toTracked));
    const title = `Drift issue for \`${env}\``;
    if (!listing.complete && steps.some((step) => step.kind === 'open')) {
        return {
            line: `${title}: not opened.`,
            problem: `Drift issue for ${env}: the repository has more open issues than this action reads (${listing.items.length}); not opening another, since one may already exist. The gates' results are unchanged.`,
        };
    }
    const decision = steps.length === 0 ? 'nothing to do: every gate passes and no drift issue is open' : steps.map((step) => describeStep(step, env)).join('; ');
    if (config.publish.driftIssue === 'plan') {
        log.info(`Drift issue for ${env} (drift-issue: plan, nothing written): would ${decision}.`);
        return { line: `${title} (plan, nothing written): would ${decision}.` };
    }
    log.info(`Drift issue for ${env}: ${decision}.`);
    const report = { gates, run: context.run, runUrl: config.publish.runUrl };
    const done = [];
    try {
        for (const step of steps)
            done.push(await carryOut(step, context, report));
    }
    catch (error) {
        if (!(error instanceof github_errors/* GitHubFailure */.iK))
            throw error;
        const so = done.length > 0 ? ` (done before: ${done.join('; ')})` : '';
        return {
            line: `${title}: ${done.length > 0 ? `${done.join('; ')}; then ` : ''}failed: ${(0,report_escape/* escapeMarkdown */.FV)(error.message)}`,
            problem: `Drift issue for ${env}${so}: ${error.message} The gates' results are unchanged.`,
        };
    }
    return { line: `${title}: ${done.length > 0 ? done.join('; ') : decision}.` };
}
async function carryOut(step, context, report) {
    const { github, redact, config, log } = context;
    const now = context.now().toISOString();
    const link = (number) => `#${number}`;
    switch (step.kind) {
        case 'open': {
            const created = await github.createIssue(driftTitle(config.appEnv), redact(renderDriftIssueBody(report, now, now)), [DRIFT_LABEL]);
            if (!created.labels.includes(DRIFT_LABEL))
                log.info(`Issue #${created.number} has no label ${DRIFT_LABEL} (GitHub drops labels for tokens without push access); its marker still finds it.`);
            return `opened ${markdownLink(link(created.number), created.htmlUrl)}`;
        }
        case 'update':
            await github.updateIssueBody(step.issue.number, redact(renderDriftIssueBody(report, step.firstSeen, now)));
            return `updated ${link(step.issue.number)} (first seen ${step.firstSeen})`;
        case 'resolve':
            await github.createComment(step.issue.number, redact(renderResolvedComment(report, now)));
            await github.closeIssue(step.issue.number, 'completed');
            return `closed ${link(step.issue.number)}: every gate passes again`;
        case 'duplicate':
            await github.createComment(step.issue.number, redact(renderDuplicateComment(config.appEnv, step.original.number, config.publish.runUrl)));
            await github.closeIssue(step.issue.number, { duplicateOfId: step.original.id });
            return `closed ${link(step.issue.number)} as a duplicate of ${link(step.original.number)}`;
    }
}

;// CONCATENATED MODULE: ./src/drift/plan-comment.ts





/** What the lifecycle plan says, in the words of the comment's heading. */
function planVerdict(lifecycle) {
    const details = lifecycle.details;
    const changes = Array.isArray(details?.changes) ? details.changes.filter((id) => typeof id === 'string') : [];
    if (typeof details?.changed !== 'boolean' || lifecycle.status === 'ERROR' || lifecycle.status === 'UNVERIFIABLE') {
        return { changed: undefined, heading: `could not be made (${lifecycle.status})` };
    }
    if (!details.changed)
        return { changed: false, heading: 'no change' };
    return { changed: true, heading: `apply would change ${changes.map((id) => `\`${(0,report_escape/* escapeMarkdown */.FV)(id)}\``).join(', ')}` };
}
/** The comment: marker, verdict, where and when, then the lifecycle report (plan table, resulting configuration). */
function renderPlanComment(lifecycle, run, runUrl, headSha, limit = GITHUB_BODY_LIMIT) {
    const verdict = planVerdict(lifecycle);
    const commit = headSha !== undefined && /^[0-9a-f]{7,64}$/.test(headSha) ? ` for ${headSha.slice(0, 12)}` : '';
    const head = [
        planCommentMarker(run.appEnv),
        `## Lifecycle plan for \`${run.appEnv}\`: ${verdict.heading}`,
        '',
        `Bucket \`${run.bucket}\` (${(0,report_escape/* escapeMarkdown */.FV)(run.endpoint)}), prefix \`${run.envPrefix}\`: planned at ${run.finishedAt}${commit} in ${runLink(runUrl)}. Nothing was changed; this comment is edited in place on every push.`,
        '',
    ].join('\n');
    const part = { full: (0,markdown/* renderGateReport */.C)(lifecycle, run), compact: (0,markdown/* renderGateReport */.C)(lifecycle, run, { compact: true }) };
    return fitToLimit(head, [part], runUrl, limit);
}
/** This environment's plan comments written by this token, oldest first: the first is the one to edit. */
function ourPlanComments(comments, env, identity) {
    return comments
        .filter((comment) => isPlanComment(comment.body, env) && writtenBy(comment.author, identity))
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
}

;// CONCATENATED MODULE: ./src/publish/plan-comment.ts





const IN_SUMMARY = 'The plan is in this job summary (the lifecycle report).';
/**
 * Posts the lifecycle plan on the pull request as one comment per environment, or edits the one
 * this token posted before (found by its marker among all comments, page by page). Fork pull
 * requests run with a read-only token: the plan stays in the job summary, and the run says so.
 */
async function publishPlanComment(context) {
    const { config, gates, log, github } = context;
    const { pullRequest, eventName } = config.publish;
    const env = config.appEnv;
    if (eventName !== 'pull_request' || pullRequest === undefined) {
        log.info(`plan-comment: this is not a pull_request run (${eventName ?? 'no GitHub event'}); nothing posted.`);
        return { line: `Plan comment for \`${env}\`: not a pull_request run, nothing posted.` };
    }
    if (pullRequest.problem !== undefined) {
        return { line: `Plan comment for \`${env}\`: not posted. ${IN_SUMMARY}`, problem: `plan-comment: ${pullRequest.problem}. ${IN_SUMMARY}` };
    }
    const title = `Plan comment for \`${env}\` on #${pullRequest.number}`;
    if (pullRequest.fork) {
        log.info(`plan-comment: pull request #${pullRequest.number} comes from a fork, whose runs get a read-only token; not posted. ${IN_SUMMARY}`);
        return { line: `${title}: not posted: the pull request comes from a fork, and its runs get a read-only token. ${IN_SUMMARY}` };
    }
    const lifecycle = gates.find((gate) => gate.id === 'lifecycle');
    if (lifecycle === undefined)
        return { line: `${title}: not posted.`, problem: 'plan-comment: the run has no lifecycle result to post.' };
    const body = context.redact(renderPlanComment(lifecycle, context.run, config.publish.runUrl, pullRequest.headSha));
    const verdict = planVerdict(lifecycle).heading;
    try {
        const listing = await github.listComments(pullRequest.number);
        const marked = listing.items.filter((comment) => isPlanComment(comment.body, env));
        const ours = marked.length > 0 ? ourPlanComments(marked, env, await context.identity()) : [];
        if (!listing.complete && ours.length === 0)
            log.warning(`plan-comment: #${pullRequest.number} has more comments than this action reads; an earlier plan comment may be beyond them.`);
        const [existing, ...extras] = ours;
        if (extras.length > 0)
            log.info(`plan-comment: ${extras.length} more plan comment(s) of ${env} on #${pullRequest.number} (overlapping runs); the oldest is the one kept up to date.`);
        if (existing !== undefined) {
            const updated = await github.updateComment(existing.id, body);
            log.info(`plan-comment: updated comment ${existing.id} on #${pullRequest.number}: ${verdict}.`);
            return { line: `${title}: ${markdownLink('updated', updated.htmlUrl)} (${verdict}).` };
        }
        const created = await github.createComment(pullRequest.number, body);
        log.info(`plan-comment: posted comment ${created.id} on #${pullRequest.number}: ${verdict}.`);
        return { line: `${title}: ${markdownLink('posted', created.htmlUrl)} (${verdict}).` };
    }
    catch (error) {
        if (!(error instanceof github_errors/* GitHubFailure */.iK))
            throw error;
        return {
            line: `${title}: not posted: ${(0,report_escape/* escapeMarkdown */.FV)(error.message)} ${IN_SUMMARY}`,
            problem: `plan-comment: ${error.message} ${IN_SUMMARY} The gates' results are unchanged.`,
        };
    }
}

;// CONCATENATED MODULE: ./src/publish/github.ts




/**
 * The publishing step after the gates: the drift issue (drift-issue) and the plan comment
 * (plan-comment). It is not a gate: it reads the results, never changes them, and never throws;
 * whatever goes wrong is a warning that names the permission or the server at fault.
 */
async function publishToGitHub(input) {
    const { config, log } = input;
    const wanted = config.publish.driftIssue !== 'off' || config.publish.planComment;
    if (!wanted)
        return { summary: '', problems: [] };
    const lines = [];
    const problems = [];
    const record = (report) => {
        lines.push(`- ${report.line}`);
        if (report.problem !== undefined) {
            problems.push(report.problem);
            log.warning(report.problem);
        }
    };
    let github;
    try {
        const { token, repository } = config.github;
        if (token === undefined || repository === undefined)
            throw new Error('publishing needs github-token and github-repository');
        github = createGitHubIssuesGateway({ apiUrl: config.github.apiUrl, token, timeoutMs: config.github.timeoutMs, repository }, log, input.clientOptions);
    }
    catch (error) {
        record({ line: 'Nothing published.', problem: `Publishing on GitHub failed: ${describe(error)}` });
        return { summary: section(lines), problems };
    }
    let identity;
    const context = { ...input, github, identity: () => (identity ??= github.identity()) };
    if (config.publish.driftIssue !== 'off') {
        record(await log.group('Publish: drift issue', () => guarded('Drift issue', () => publishDriftIssue(context))));
    }
    if (config.publish.planComment) {
        record(await log.group('Publish: plan comment', () => guarded('Plan comment', () => publishPlanComment(context))));
    }
    return { summary: section(lines), problems };
}
/** Anything unexpected (a failure outside the API calls) is a problem line too, never a throw. */
async function guarded(what, step) {
    try {
        return await step();
    }
    catch (error) {
        return { line: `${what}: failed: ${(0,report_escape/* escapeMarkdown */.FV)(describe(error))}`, problem: `${what} failed: ${describe(error)} The gates' results are unchanged.` };
    }
}
const describe = (error) => (error instanceof Error ? error.message : String(error));
function section(lines) {
    return lines.length === 0 ? '' : `\n## Published on GitHub\n\n${lines.join('\n')}\n`;
}


/***/ })

};
