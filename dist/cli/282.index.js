export const id = 282;
export const ids = [282];
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


/***/ })

};
