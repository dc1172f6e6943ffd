export const id = 906;
export const ids = [906];
export const modules = {

/***/ 2906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2___namespace_cache;
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S3_MAX_ATTEMPTS: () => (/* binding */ S3_MAX_ATTEMPTS),
/* harmony export */   buildS3Client: () => (/* binding */ buildS3Client),
/* harmony export */   sdk: () => (/* reexport fake namespace object from non-harmony */ _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2___namespace_cache || (_aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2___namespace_cache = __webpack_require__.t(_aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__, 2)))
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53711);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The AWS SDK's S3 client, built by the gateway (s3.ts) on its first operation: this module and
 * the SDK load only then (a chunk of their own in the bundle), so start-up does not parse them.
 */




/** Attempts per operation (the first try included); all of them fit in s3-timeout-seconds. */
const S3_MAX_ATTEMPTS = 3;
/**
 * The SDK client of one run: a keep-alive pool, bounded retries, attempts counted by command and
 * logged when retried, the server's clock read from every answer.
 */
function buildS3Client(settings, { counts, log, onServerDate }) {
    const agentOptions = { keepAlive: true, maxSockets: 32 };
    const client = new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__.S3Client({
        region: settings.region,
        ...(settings.endpoint ? { endpoint: settings.endpoint.href } : {}),
        forcePathStyle: settings.forcePathStyle,
        ...(settings.credentials ? { credentials: settings.credentials } : {}),
        maxAttempts: S3_MAX_ATTEMPTS,
        // S3-compatible servers (Ceph RGW, older MinIO) reject the SDK's default CRC32 checksums.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: {
            connectionTimeout: Math.min(settings.timeoutMs, 5000),
            requestTimeout: settings.timeoutMs,
            httpAgent: new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent(agentOptions),
            httpsAgent: new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent(agentOptions),
        },
    });
    const attempts = new WeakMap();
    client.middlewareStack.add((next, context) => async (args) => {
        const commandName = String(context.commandName ?? 'unknown');
        const attempt = (attempts.get(context) ?? 0) + 1;
        attempts.set(context, attempt);
        counts[commandName] = (counts[commandName] ?? 0) + 1;
        if (attempt > 1)
            log.warning(`S3 ${commandName}: retry ${attempt - 1} of ${S3_MAX_ATTEMPTS - 1}`);
        return next(args);
    }, { step: 'finalizeRequest', priority: 'low', name: 'srgCountAttempts' });
    // The server's clock (Date header), so ages of objects are judged on the clock that stamped them.
    client.middlewareStack.add((next) => async (args) => {
        const answer = await next(args);
        const headers = answer.response?.headers;
        const ms = headers?.date === undefined ? Number.NaN : Date.parse(headers.date);
        if (!Number.isNaN(ms))
            onServerDate(ms);
        return answer;
    }, { step: 'deserialize', priority: 'low', name: 'srgServerClock' });
    return client;
}


/***/ })

};
