export const id = 309;
export const ids = [309,282];
export const modules = {

/***/ 94282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AK: () => (/* binding */ ruleFileYaml),
/* harmony export */   EXPECTED_ALERTS: () => (/* binding */ EXPECTED_ALERTS),
/* harmony export */   manifestHeader: () => (/* binding */ manifestHeader),
/* harmony export */   manifestYaml: () => (/* binding */ manifestYaml),
/* harmony export */   renderPrometheusRule: () => (/* binding */ renderPrometheusRule),
/* harmony export */   ruleGroupName: () => (/* binding */ ruleGroupName),
/* harmony export */   te: () => (/* binding */ REQUIRED_ANNOTATIONS)
/* harmony export */ });
/* unused harmony exports FIXED_METADATA_LABELS, seriesSelector */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _growth_metrics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29414);


/** The alerts every rendering carries; validation requires each of them. */
const EXPECTED_ALERTS = [
    'ChatAttachmentPrefixGrowthHigh',
    'ChatAttachmentLifecycleOverdueObjects',
    'ChatAttachmentGrowthGateFailing',
    'ChatAttachmentGrowthGateStale',
];
const REQUIRED_ANNOTATIONS = ['summary', 'description', 'runbook_url'];
/** Labels every rendering carries besides the user's ruleSelector labels. */
const FIXED_METADATA_LABELS = {
    'app.kubernetes.io/name': 'chat-attachment-lifecycle',
    'app.kubernetes.io/part-of': 'surreal-release-gates',
    'app.kubernetes.io/managed-by': 'surreal-release-gates',
};
/** Name of the PrometheusRule and of its one rule group. */
function ruleGroupName(env) {
    return env === undefined ? 'chat-attachment-lifecycle' : `chat-attachment-lifecycle-${env}`;
}
/** PromQL string literal (Go escaping) of a value. */
function promqlString(value) {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
/** Label matchers of the series one rendering watches. */
function seriesSelector(env, basePrefix) {
    if (env !== undefined)
        return `env=${promqlString(env)},prefix=${promqlString(`${basePrefix}/${env}/`)}`;
    const regex = `${basePrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/.+/`;
    return `prefix=~${promqlString(regex)}`;
}
/** The PrometheusRule as data: pure, so the gate, the committed file and the tests share it. */
function renderPrometheusRule(options) {
    const selector = seriesSelector(options.env, options.basePrefix);
    const metric = (name) => `${name}{${selector}}`;
    const by = 'max by (env, prefix)';
    const runbook = (alert) => `${options.runbookUrl}#${alert.toLowerCase()}`;
    const where = '{{ $labels.prefix }} ({{ $labels.env }})';
    const rules = [
        {
            alert: 'ChatAttachmentPrefixGrowthHigh',
            expr: [
                '(',
                `  ${by} (${metric(_growth_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .GROWTH_METRICS */ .eq.bytes)})`,
                `  - ${by} (${metric(_growth_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .GROWTH_METRICS */ .eq.bytes)} offset 1d)`,
                ')',
                `/ ${by} (${metric(_growth_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .GROWTH_METRICS */ .eq.bytes)} offset 1d > 0)`,
                `* 100 > ${options.growthPercent}`,
            ].join('\n'),
            for: '6h',
            labels: { severity: 'warning' },
            annotations: {
                summary: `Chat attachments under {{ $labels.prefix }} grew {{ $value | printf "%.0f" }}% in a day`,
                description: `Bytes under ${where} grew more than ${options.growthPercent}% over 24 hours, for 6 hours in a row. With lifecycle expiring objects after expire-days, the prefix should level off: check upload volume, and whether ChatAttachmentLifecycleOverdueObjects fires too.`,
                runbook_url: runbook('ChatAttachmentPrefixGrowthHigh'),
            },
        },
        {
            alert: 'ChatAttachmentLifecycleOverdueObjects',
            expr: `${by} (${metric(_growth_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .GROWTH_METRICS */ .eq.overdue)}) > 0`,
            for: '10m',
            labels: { severity: 'critical' },
            annotations: {
                summary: `{{ $value }} chat attachment object(s) past retention under {{ $labels.prefix }}`,
                description: `The growth gate found objects under ${where} older than expire-days plus retention-grace-days: lifecycle expiration is not executing. Check the bucket's lifecycle rule (verify gate) and that the storage runs lifecycle.`,
                runbook_url: runbook('ChatAttachmentLifecycleOverdueObjects'),
            },
        },
        {
            alert: 'ChatAttachmentGrowthGateFailing',
            expr: `min by (env, prefix) (${metric(_growth_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .GROWTH_METRICS */ .eq.gatePassed)}) == 0`,
            for: '10m',
            labels: { severity: 'warning' },
            annotations: {
                summary: 'Growth gate failing for {{ $labels.prefix }}',
                description: `The last growth gate run for ${where} did not pass (FAIL or ERROR). Its report chat-attachment-growth-latest.md says why.`,
                runbook_url: runbook('ChatAttachmentGrowthGateFailing'),
            },
        },
        {
            alert: 'ChatAttachmentGrowthGateStale',
            expr: [`time() - ${by} (${metric(_growth_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .GROWTH_METRICS */ .eq.lastRun)}) > ${options.staleHours} * 3600`, 'or', `absent(${metric(_growth_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .GROWTH_METRICS */ .eq.lastRun)})`].join('\n'),
            for: '10m',
            labels: { severity: 'warning' },
            annotations: {
                summary: 'Growth gate result stale or missing{{ if $labels.prefix }} for {{ $labels.prefix }}{{ end }}',
                description: `No growth gate result newer than ${options.staleHours} hours reached Prometheus{{ if $labels.prefix }} for ${where}{{ end }}: the scheduled gate stopped running or pushing, or the Pushgateway is not scraped. Until it runs, growth and overdue objects go unwatched.`,
                runbook_url: runbook('ChatAttachmentGrowthGateStale'),
            },
        },
    ];
    const name = ruleGroupName(options.env);
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: { name, labels: { ...FIXED_METADATA_LABELS, ...options.labels } },
        spec: { groups: [{ name, rules }] },
    };
}
const YAML_OPTIONS = { lineWidth: 0, indent: 2 };
/** The manifest as committed and applied, with a header naming how it was made. */
function manifestYaml(manifest, header) {
    const document = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo(manifest);
    document.commentBefore = header;
    return document.toString(YAML_OPTIONS);
}
/** The manifest's `.spec`: a Prometheus rule file, which is what promtool and Prometheus read. */
function ruleFileYaml(spec) {
    return new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo(spec).toString(YAML_OPTIONS);
}
/** The header of a rendering, naming its environment. */
function manifestHeader(env, basePrefix) {
    return [
        ` PrometheusRule for chat attachment growth and lifecycle (${env === undefined ? `every environment under ${basePrefix}/` : `${basePrefix}/${env}/`}).`,
        ' Generated by surreal-release-gates; do not edit by hand. The committed copy is regenerated by',
        ' `npm run alerts:render`; the alerts gate renders one per environment.',
    ].join('\n');
}


/***/ }),

/***/ 31309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateManifest: () => (/* binding */ validateManifest)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94282);


const SEVERITIES = new Set(['info', 'warning', 'critical']);
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;
const isPlain = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
/**
 * Checks a PrometheusRule manifest's text: kind and API version, the ruleSelector labels, every
 * expected alert present once, each with a duration, a severity and summary, description and
 * runbook_url annotations. PromQL itself is checked elsewhere (promtool, or the in-process parse).
 */
function validateManifest(manifestText, expectedLabels) {
    const findings = [];
    const fail = (message, remediation = 'Regenerate the manifest (npm run alerts:render) instead of editing it by hand.') => findings.push({ level: 'fail', message, remediation });
    const document = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(manifestText);
    if (document.errors.length > 0) {
        fail(`The manifest is not valid YAML: ${document.errors[0]?.message ?? 'parse error'}`);
        return { findings, rules: [], ruleFile: undefined, groupNames: [] };
    }
    const root = document.toJS();
    if (!isPlain(root)) {
        fail('The manifest is not a YAML mapping.');
        return { findings, rules: [], ruleFile: undefined, groupNames: [] };
    }
    if (root.apiVersion !== 'monitoring.coreos.com/v1' || root.kind !== 'PrometheusRule') {
        fail(`Expected apiVersion monitoring.coreos.com/v1 and kind PrometheusRule, got ${String(root.apiVersion)} ${String(root.kind)}.`);
    }
    const metadata = isPlain(root.metadata) ? root.metadata : {};
    if (text(metadata.name) === undefined)
        fail('metadata.name is missing.');
    const labels = isPlain(metadata.labels) ? metadata.labels : {};
    for (const [key, value] of Object.entries(expectedLabels)) {
        if (labels[key] !== value) {
            fail(`metadata.labels lacks ${key}=${value}: the Prometheus ruleSelector would not pick the rule up.`, 'Set alerts-rule-labels to the labels your Prometheus ruleSelector matches.');
        }
    }
    const spec = isPlain(root.spec) ? root.spec : undefined;
    const groups = spec && Array.isArray(spec.groups) ? spec.groups : [];
    if (groups.length === 0)
        fail('spec.groups is empty: the manifest holds no rules.');
    const rules = [];
    const groupNames = [];
    for (const group of groups) {
        const groupName = isPlain(group) ? text(group.name) : undefined;
        if (!isPlain(group) || groupName === undefined || !Array.isArray(group.rules)) {
            fail('A rule group lacks a name or a rules list.');
            continue;
        }
        groupNames.push(groupName);
        for (const rule of group.rules) {
            if (!isPlain(rule))
                continue;
            const alert = text(rule.alert);
            if (alert === undefined)
                continue; // recording rules are not ours to judge
            const expr = text(rule.expr);
            const duration = typeof rule.for === 'string' ? rule.for : '';
            const ruleLabels = isPlain(rule.labels) ? rule.labels : {};
            const annotations = isPlain(rule.annotations) ? rule.annotations : {};
            const severity = typeof ruleLabels.severity === 'string' ? ruleLabels.severity : '';
            if (expr === undefined)
                fail(`Alert ${alert} has no expr.`);
            if (!DURATION.test(duration))
                fail(`Alert ${alert} has no valid 'for' duration (got '${duration}').`);
            if (!SEVERITIES.has(severity))
                fail(`Alert ${alert} has no severity label of info, warning or critical (got '${severity}').`);
            for (const annotation of _manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .REQUIRED_ANNOTATIONS */ .te) {
                if (text(annotations[annotation]) === undefined)
                    fail(`Alert ${alert} lacks the ${annotation} annotation.`);
            }
            const runbook = text(annotations.runbook_url);
            if (runbook !== undefined && !/^https?:\/\//.test(runbook)) {
                findings.push({
                    level: 'warn',
                    message: `Alert ${alert}: runbook_url '${runbook}' is not an absolute URL, so notifications cannot link to it.`,
                    remediation: 'Set alerts-runbook-url to the https address of your runbook page.',
                });
            }
            rules.push({ group: groupName, alert, expr: expr ?? '', for: duration, severity });
        }
    }
    for (const expected of _manifest_js__WEBPACK_IMPORTED_MODULE_1__.EXPECTED_ALERTS) {
        const count = rules.filter((rule) => rule.alert === expected).length;
        if (count !== 1)
            fail(`Alert ${expected} appears ${count} times; expected once.`);
    }
    // A warning per alert about the same runbook_url says the same thing four times: keep one.
    const firstRunbookWarning = findings.findIndex((finding) => finding.level === 'warn');
    const deduplicated = findings.filter((finding, index) => finding.level !== 'warn' || index === firstRunbookWarning);
    const ruleFile = spec !== undefined ? (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .ruleFileYaml */ .AK)(spec) : undefined;
    return { findings: deduplicated, rules, ruleFile, groupNames };
}


/***/ })

};
