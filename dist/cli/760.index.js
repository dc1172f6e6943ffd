export const id = 760;
export const ids = [760];
export const modules = {

/***/ 86760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   promqlSyntaxError: () => (/* binding */ promqlSyntaxError)
/* harmony export */ });
/* harmony import */ var _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86828);

/**
 * Parses PromQL with the Prometheus project's own grammar (the lezer grammar its web UI uses) and
 * reports the first syntax error. Syntax only: it catches unbalanced brackets, bad selectors,
 * durations, operators and unknown function names, but not type errors (rate() of an instant
 * vector), argument counts or label-matching problems, which promtool and Prometheus reject.
 */
function promqlSyntaxError(expr) {
    if (expr.trim() === '')
        return { offset: 0, near: '(empty expression)' };
    let offset;
    _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3D.parse(expr).iterate({
        enter: (node) => {
            if (offset === undefined && node.type.isError)
                offset = node.from;
            return offset === undefined;
        },
    });
    if (offset === undefined)
        return undefined;
    const near = expr.slice(Math.max(0, offset - 20), offset + 20).replace(/\s+/g, ' ');
    return { offset, near };
}


/***/ })

};
