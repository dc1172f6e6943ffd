import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 86445:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dZ: () => (/* binding */ describeGitHubError),
/* harmony export */   iK: () => (/* binding */ GitHubFailure)
/* harmony export */ });
/* unused harmony export isRateLimitAnswer */
class GitHubFailure extends Error {
    kind;
    operation;
    status;
    acceptedPermissions;
    serverMessage;
    constructor(kind, operation, message, status, 
    /** X-Accepted-GitHub-Permissions of the answer, e.g. "administration=read". */
    acceptedPermissions, 
    /** GitHub's own message, e.g. "Branch not protected". */
    serverMessage) {
        super(message);
        this.kind = kind;
        this.operation = operation;
        this.status = status;
        this.acceptedPermissions = acceptedPermissions;
        this.serverMessage = serverMessage;
        this.name = 'GitHubFailure';
    }
}
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
function causeChain(error, depth = 0) {
    if (error === undefined || error === null || typeof error !== 'object' || depth > 5)
        return [];
    return [error, ...causeChain(error.cause, depth + 1)];
}
/** Whether an answer is a rate limit (primary: remaining 0; secondary: 429 or the message says so). */
function isRateLimitAnswer(status, headers, message) {
    if (status === 429)
        return true;
    if (status !== 403)
        return false;
    return headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message);
}
/** Turns anything an Octokit call threw into a GitHubFailure naming the input or permission at fault. */
function describeGitHubError(operation, thrown, target) {
    if (thrown instanceof GitHubFailure)
        return thrown;
    const error = (typeof thrown === 'object' && thrown !== null ? thrown : { message: String(thrown) });
    const chain = causeChain(error);
    const headers = error.response?.headers;
    const data = error.response?.data;
    const serverMessage = typeof data?.message === 'string' ? data.message : undefined;
    const status = typeof error.status === 'number' ? error.status : undefined;
    const accepted = typeof headers?.['x-accepted-github-permissions'] === 'string' ? headers['x-accepted-github-permissions'] : undefined;
    const where = `GitHub ${operation} at ${target.apiUrl}`;
    const tokenInput = target.tokenInput ?? 'github-token';
    const make = (kind, message) => new GitHubFailure(kind, operation, message, status, accepted, serverMessage);
    if (chain.some((inner) => inner.name === 'TimeoutError' || inner.name === 'AbortError')) {
        return make('timeout', `${where} did not answer within ${target.timeoutMs / 1000} s per attempt (retries included). Check GITHUB_API_URL and the network.`);
    }
    const network = chain.map((inner) => inner.code).find((code) => typeof code === 'string' && NETWORK_CODES.has(code));
    if (network !== undefined || (status === 500 && error.response === undefined)) {
        return make('unreachable', `${where} failed: API unreachable (${network ?? (typeof error.message === 'string' ? error.message : 'network error')}). Check GITHUB_API_URL (${target.apiUrl}).`);
    }
    const detail = serverMessage ?? (typeof error.message === 'string' ? error.message : 'unknown error');
    if (isRateLimitAnswer(status, headers, detail)) {
        const reset = typeof headers?.['x-ratelimit-reset'] === 'string' ? ` (limit resets at ${new Date(Number(headers['x-ratelimit-reset']) * 1000).toISOString()})` : '';
        return make('rate-limited', `${where} is rate limited${reset} and the wait exceeded this action's bound: ${detail}. Run the gate again later, or use a token with a higher limit.`);
    }
    if (status === 401) {
        return make('credentials', `${where} rejected the token (401 ${detail}). Check ${tokenInput}: it is expired, revoked or not a GitHub token.`);
    }
    if (status === 403) {
        const permission = accepted ? `the permission '${accepted}'` : 'a permission GitHub did not name';
        return make('permission', `${where} was denied (403 ${detail}): ${tokenInput} lacks ${permission}.`);
    }
    if (status === 404) {
        const permission = accepted ? ` or the token lacks '${accepted}'` : ' or the token cannot see it';
        return make('not-found', `${where} answered 404 (${detail}): it does not exist${permission}. Check github-repository and github-branch.`);
    }
    if (status !== undefined && status >= 400 && status < 500) {
        return make('rejected', `${where} was rejected (${status} ${detail}).`);
    }
    return make('server', `${where} failed: ${detail}${status !== undefined ? ` (HTTP ${status})` : ''}.`);
}


/***/ }),

/***/ 69530:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  be: () => (/* reexport */ S3Failure),
  lg: () => (/* binding */ S3_MAX_ATTEMPTS),
  pt: () => (/* binding */ createS3Gateway)
});

// UNUSED EXPORTS: decodeListedKey

;// CONCATENATED MODULE: ./src/clients/s3-errors.ts
class S3Failure extends Error {
    kind;
    operation;
    code;
    httpStatus;
    constructor(kind, operation, message, code, httpStatus) {
        super(message);
        this.kind = kind;
        this.operation = operation;
        this.code = code;
        this.httpStatus = httpStatus;
        this.name = 'S3Failure';
    }
}
const CREDENTIAL_CODES = new Set([
    'InvalidAccessKeyId',
    'SignatureDoesNotMatch',
    'ExpiredToken',
    'InvalidToken',
    'CredentialsProviderError',
    'TokenRefreshRequired',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
function networkCode(error, depth = 0) {
    if (error === undefined || error === null || depth > 4)
        return undefined;
    if (typeof error.code === 'string' && NETWORK_CODES.has(error.code))
        return error.code;
    if (Array.isArray(error.errors)) {
        for (const inner of error.errors) {
            const found = networkCode(inner, depth + 1);
            if (found)
                return found;
        }
    }
    return networkCode(error.cause, depth + 1);
}
/** Turns anything an SDK call threw into an S3Failure whose message names the input at fault. */
function describeS3Error(operation, thrown, target) {
    if (thrown instanceof S3Failure)
        return thrown;
    const error = (typeof thrown === 'object' && thrown !== null ? thrown : { message: String(thrown) });
    const name = typeof error.name === 'string' ? error.name : undefined;
    const code = typeof error.Code === 'string' ? error.Code : name;
    const status = typeof error.$metadata?.httpStatusCode === 'number' ? error.$metadata.httpStatusCode : undefined;
    const detail = typeof error.message === 'string' && error.message !== 'UnknownError' ? error.message : code ?? 'unknown error';
    const where = `S3 ${operation} on bucket '${target.bucket}' at ${target.endpoint}`;
    const seconds = target.timeoutMs / 1000;
    if (name === 'AbortError' || name === 'TimeoutError' || error.code === 'ETIMEDOUT') {
        return new S3Failure('timeout', operation, `${where} did not answer within ${seconds} s (s3-timeout-seconds). Check s3-endpoint and the network, or raise s3-timeout-seconds.`, code, status);
    }
    const network = networkCode(error);
    if (network !== undefined) {
        return new S3Failure('unreachable', operation, `${where} failed: endpoint unreachable (${network}). Check s3-endpoint (${target.endpoint}) and that the server is running.`, network, status);
    }
    if (code !== undefined && CREDENTIAL_CODES.has(code)) {
        return new S3Failure('credentials', operation, `${where} rejected the credentials (${code}). Check s3-access-key and s3-secret-key, or the role the default credential chain provides.`, code, status);
    }
    if (status === 403 || code === 'AccessDenied' || code === 'AllAccessDisabled') {
        // A HEAD response has no body, so a bad signature and a missing permission both read as a bare 403.
        if (code !== 'AccessDenied' && code !== 'AllAccessDisabled') {
            return new S3Failure('access-denied', operation, `${where} was denied (HTTP 403, no error code). Check s3-access-key and s3-secret-key; if they are right, they lack the permission for ${operation} on this bucket.`, code, status);
        }
        return new S3Failure('access-denied', operation, `${where} was denied (${code}). The credentials lack the permission for ${operation} on this bucket.`, code, status);
    }
    if (status === 301 || code === 'PermanentRedirect' || code === 'AuthorizationHeaderMalformed' || code === 'IllegalLocationConstraintException') {
        return new S3Failure('wrong-region', operation, `${where} answered that the bucket is in another region (${code ?? status}). Check s3-region (${target.region}).`, code, status);
    }
    if (status === 404 || code === 'NoSuchBucket' || code === 'NotFound') {
        return new S3Failure('not-found', operation, `${where} failed: ${code ?? 'not found'}.`, code, status);
    }
    if (status !== undefined && status >= 400 && status < 500) {
        return new S3Failure('rejected', operation, `${where} was rejected: ${detail} (HTTP ${status}).`, code, status);
    }
    return new S3Failure('server', operation, `${where} failed: ${detail}${status ? ` (HTTP ${status})` : ''}.`, code, status);
}

;// CONCATENATED MODULE: ./src/clients/s3-conditional.ts

const READ_LIMIT = 'bytes=0-4095';
function s3ConditionalOperations(Bucket, call) {
    return {
        async readSmallObject(key) {
            try {
                return await call('GetObject', async (abortSignal, client, sdk) => {
                    const command = new sdk.GetObjectCommand({ Bucket, Key: key, Range: READ_LIMIT });
                    let date;
                    command.middlewareStack.add((next) => async (args) => {
                        const result = await next(args);
                        const headers = result.response?.headers;
                        date = headers?.date;
                        return result;
                    }, { step: 'deserialize', name: 'srgServerDate' });
                    const response = await client.send(command, { abortSignal });
                    const body = response.Body ? await response.Body.transformToString() : '';
                    const serverDate = date === undefined ? undefined : new Date(date);
                    return {
                        body,
                        etag: response.ETag,
                        lastModified: response.LastModified,
                        versionId: response.VersionId,
                        serverDate: serverDate !== undefined && !Number.isNaN(serverDate.getTime()) ? serverDate : undefined,
                    };
                });
            }
            catch (error) {
                if (error instanceof S3Failure && (error.code === 'NoSuchKey' || (error.kind === 'not-found' && error.code !== 'NoSuchBucket')))
                    return 'not-found';
                throw error;
            }
        },
        async putObjectIf(input) {
            const condition = 'ifNoneMatch' in input.condition ? { IfNoneMatch: input.condition.ifNoneMatch } : { IfMatch: input.condition.ifMatch };
            try {
                const response = await call('PutObject', (abortSignal, client, sdk) => client.send(new sdk.PutObjectCommand({ Bucket, Key: input.key, Body: input.body, ContentType: 'application/json', ...condition }), { abortSignal }));
                return { kind: 'written', etag: response.ETag, versionId: response.VersionId };
            }
            catch (error) {
                if (error instanceof S3Failure && error.httpStatus === 412)
                    return { kind: 'precondition-failed' };
                if (error instanceof S3Failure && error.httpStatus === 409)
                    return { kind: 'conflict' };
                throw error;
            }
        },
        async deleteObjectVersion(key, versionId) {
            await call('DeleteObject', (abortSignal, client, sdk) => client.send(new sdk.DeleteObjectCommand({ Bucket, Key: key, ...(versionId !== undefined ? { VersionId: versionId } : {}) }), { abortSignal }));
        },
    };
}

// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __nccwpck_require__(41095);
;// CONCATENATED MODULE: ./src/clients/s3-inventory.ts


/** Pages of one folder listing at most: a report folder holds a handful of subfolders. */
const MAX_FOLDER_PAGES = 100;
/** Failures while streaming one object after which it is given up (the first try included). */
const STREAM_MAX_ATTEMPTS = 3;
/**
 * Reads in any bucket these credentials reach (the inventory destination may differ from
 * s3-bucket). Every request is bounded by s3-timeout-seconds; the SDK's own bounded retries apply.
 */
function s3BucketReads(connect, settings, log) {
    const target = (bucket) => ({ endpoint: settings.endpointLabel, bucket, region: settings.region, timeoutMs: settings.timeoutMs });
    async function call(bucket, operation, send) {
        // Loading the SDK is not part of the operation's time limit.
        const { client, sdk } = await connect();
        try {
            return await send(AbortSignal.timeout(settings.timeoutMs), client, sdk);
        }
        catch (thrown) {
            throw describeS3Error(operation, thrown, target(bucket));
        }
    }
    return {
        async listFolders(bucket, prefix) {
            const folders = [];
            let token;
            for (let page = 0; page < MAX_FOLDER_PAGES; page += 1) {
                const response = await call(bucket, 'ListObjectsV2', (abortSignal, client, sdk) => client.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', ...(token ? { ContinuationToken: token } : {}) }), { abortSignal }));
                for (const common of response.CommonPrefixes ?? [])
                    if (common.Prefix)
                        folders.push(common.Prefix);
                if (!response.IsTruncated)
                    return folders;
                if (!response.NextContinuationToken) {
                    throw new S3Failure('server', 'ListObjectsV2', `S3 ListObjectsV2 on bucket '${bucket}' at ${settings.endpointLabel} said the listing continues but gave no continuation token.`, undefined, undefined);
                }
                token = response.NextContinuationToken;
            }
            throw new S3Failure('rejected', 'ListObjectsV2', `${(0,printable/* printable */.g)(`s3://${bucket}/${prefix}`)} holds more than ${MAX_FOLDER_PAGES * 1000} entries at one level: not an inventory folder. Check inventory-location.`, undefined, undefined);
        },
        async readObjectBytes(bucket, key, maxBytes) {
            try {
                return await call(bucket, 'GetObject', async (abortSignal, client, sdk) => {
                    const response = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal });
                    if (response.ContentLength !== undefined && response.ContentLength > maxBytes) {
                        response.Body?.destroy();
                        throw new S3Failure('rejected', 'GetObject', `${(0,printable/* printable */.g)(`s3://${bucket}/${key}`)} has ${response.ContentLength} bytes, more than the ${maxBytes} expected of it.`, undefined, undefined);
                    }
                    // Read inside the call, so the time limit covers the transfer too.
                    return response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
                });
            }
            catch (error) {
                if (error instanceof S3Failure && error.kind === 'not-found' && error.code !== 'NoSuchBucket')
                    return undefined;
                throw error;
            }
        },
        streamObject(bucket, key) {
            return streamWithResume(connect, bucket, key, settings, log, target(bucket));
        },
    };
}
/**
 * Yields an object's bytes as they arrive. The time limit applies to each wait for bytes (an
 * object of gigabytes takes longer than one request's limit, but never stalls that long); a
 * transfer that breaks resumes with a Range request from the last byte received, pinned to the
 * first response's ETag so that a replaced object is never spliced onto the old one.
 */
async function* streamWithResume(connect, bucket, key, settings, log, target) {
    let offset = 0;
    let etag;
    for (let attempt = 1;; attempt += 1) {
        const controller = new AbortController();
        let timer;
        const arm = () => {
            timer = setTimeout(() => controller.abort(new DOMException(`no bytes for ${settings.timeoutMs} ms`, 'TimeoutError')), settings.timeoutMs);
        };
        const disarm = () => clearTimeout(timer);
        let body;
        try {
            const { client, sdk } = await connect();
            arm();
            const response = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key, ...(offset > 0 ? { Range: `bytes=${offset}-` } : {}), ...(etag ? { IfMatch: etag } : {}) }), { abortSignal: controller.signal });
            etag ??= response.ETag;
            body = response.Body;
            if (body === undefined)
                return;
            for await (const chunk of body) {
                disarm();
                const bytes = chunk;
                offset += bytes.length;
                // The consumer's time is not the server's: the limit runs only while waiting for bytes.
                yield bytes;
                arm();
            }
            return;
        }
        catch (thrown) {
            const failure = describeS3Error('GetObject', controller.signal.aborted ? controller.signal.reason : thrown, target);
            const transient = failure.kind === 'unreachable' || failure.kind === 'timeout' || failure.kind === 'server';
            if (!transient || attempt >= STREAM_MAX_ATTEMPTS) {
                throw new S3Failure(failure.kind, failure.operation, `${failure.message} (reading ${(0,printable/* printable */.g)(`s3://${bucket}/${key}`)}, ${offset} bytes in, attempt ${attempt} of ${STREAM_MAX_ATTEMPTS})`, failure.code, failure.httpStatus);
            }
            log.warning(`S3 GetObject ${(0,printable/* printable */.g)(`s3://${bucket}/${key}`)} broke after ${offset} bytes (${failure.kind}): resuming, attempt ${attempt + 1} of ${STREAM_MAX_ATTEMPTS}`);
        }
        finally {
            disarm();
            body?.destroy();
        }
    }
}

;// CONCATENATED MODULE: ./src/clients/s3-list-xml.ts
/**
 * A lean reader of ListObjectsV2 answers (`<ListBucketResult>`) for the growth scan: it takes
 * only the key, size and modification time of each object, and the continuation. The SDK's own
 * deserializer builds a document tree and a full output (owner, ETag, storage class, ...) for
 * every entry: about 13 KB of garbage per listed object, measured, which made V8 grow its young
 * generation with the length of the scan. This reader makes one small object per entry.
 *
 * It reads the XML S3 servers send (AWS, Ceph RGW, MinIO): elements without attributes inside
 * `<Contents>`, text with the five predefined entities and numeric character references. An
 * answer it does not recognise returns undefined, and the SDK's deserializer reads it instead.
 */
/**
 * Parses a ListBucketResult; undefined when `xml` is not one (the caller falls back to the SDK).
 * It works on the bytes: only each field's text becomes a string, never the whole page (a page of
 * 1,000 keys is about 300 KB; as one string it would outlive young-generation collections).
 */
function parseListBucketResult(xml) {
    const root = xml.indexOf('<ListBucketResult', 0, 'latin1');
    if (root === -1 || xml.indexOf('</ListBucketResult>', root, 'latin1') === -1)
        return undefined;
    const objects = [];
    let position = root;
    let headerEnd = xml.length;
    for (;;) {
        const start = xml.indexOf('<Contents>', position, 'latin1');
        if (start === -1)
            break;
        if (objects.length === 0)
            headerEnd = start;
        const end = xml.indexOf('</Contents>', start, 'latin1');
        if (end === -1)
            return undefined;
        const key = elementText(xml, 'Key', start, end);
        const size = elementText(xml, 'Size', start, end);
        const modified = elementText(xml, 'LastModified', start, end);
        if (key === undefined || size === undefined || modified === undefined)
            return undefined;
        const lastModified = new Date(modified);
        const bytes = Number(size);
        if (Number.isNaN(lastModified.getTime()) || !Number.isSafeInteger(bytes) || bytes < 0)
            return undefined;
        objects.push({ key: decodeXmlText(key), size: bytes, lastModified });
        position = end + '</Contents>'.length;
    }
    // The listing's own fields come before or after the entries; search outside them only.
    const outside = (name) => elementText(xml, name, root, headerEnd) ?? elementText(xml, name, position, xml.length);
    const truncated = outside('IsTruncated');
    if (truncated !== 'true' && truncated !== 'false')
        return undefined;
    const token = outside('NextContinuationToken');
    return {
        objects,
        isTruncated: truncated === 'true',
        nextContinuationToken: token === undefined ? undefined : decodeXmlText(token),
        encodingType: outside('EncodingType'),
    };
}
/** The text of the first `<name>...</name>` within [from, to); undefined when absent. */
function elementText(xml, name, from, to) {
    const open = `<${name}>`;
    const start = xml.indexOf(open, from, 'latin1');
    if (start === -1 || start >= to)
        return undefined;
    const textStart = start + open.length;
    const end = xml.indexOf(`</${name}>`, textStart, 'latin1');
    if (end === -1 || end > to)
        return undefined;
    return xml.toString('utf8', textStart, end);
}
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Resolves XML's predefined entities and character references; text without '&' is returned as is. */
function decodeXmlText(text) {
    if (!text.includes('&'))
        return text;
    return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]+);/g, (whole, name) => {
        if (!name.startsWith('#'))
            return ENTITIES[name] ?? whole;
        const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}

;// CONCATENATED MODULE: ./src/clients/s3-objects.ts

/** Listings stop after this many pages; the smoke gate's own prefix holds a handful of keys. */
const MAX_LIST_PAGES = 20;
const DELETE_BATCH = 1000;
function s3ObjectOperations(Bucket, call) {
    const attributes = (input) => ({
        Key: input.key,
        ContentType: input.contentType,
        Metadata: { ...input.metadata },
    });
    async function deleteBatch(batch) {
        try {
            const response = await call('DeleteObjects', (abortSignal, client, sdk) => client.send(new sdk.DeleteObjectsCommand({
                Bucket,
                Delete: { Objects: batch.map((target) => ({ Key: target.key, ...(target.versionId ? { VersionId: target.versionId } : {}) })), Quiet: false },
            }), { abortSignal }));
            return {
                deleted: (response.Deleted ?? []).map((entry) => ({ key: entry.Key ?? '', ...(entry.VersionId ? { versionId: entry.VersionId } : {}) })),
                errors: (response.Errors ?? []).map((entry) => ({
                    key: entry.Key ?? '',
                    ...(entry.VersionId ? { versionId: entry.VersionId } : {}),
                    code: entry.Code ?? 'unknown',
                })),
            };
        }
        catch (error) {
            // Some S3-compatible servers lack the multi-object delete: fall back to one request per key.
            if (!(error instanceof S3Failure) || error.code !== 'NotImplemented')
                throw error;
            const deleted = [];
            await Promise.all(batch.map(async (target) => {
                await call('DeleteObject', (abortSignal, client, sdk) => client.send(new sdk.DeleteObjectCommand({ Bucket, Key: target.key, ...(target.versionId ? { VersionId: target.versionId } : {}) }), { abortSignal }));
                deleted.push(target);
            }));
            return { deleted, errors: [] };
        }
    }
    return {
        async putObject(input) {
            const response = await call('PutObject', (abortSignal, client, sdk) => client.send(new sdk.PutObjectCommand({ Bucket, ...attributes(input), Body: input.body, ContentMD5: input.contentMd5 }), { abortSignal }));
            return { etag: response.ETag, versionId: response.VersionId };
        },
        async createMultipartUpload(input) {
            const response = await call('CreateMultipartUpload', (abortSignal, client, sdk) => client.send(new sdk.CreateMultipartUploadCommand({ Bucket, ...attributes(input) }), { abortSignal }));
            if (!response.UploadId)
                throw new Error(`S3 CreateMultipartUpload of ${input.key} answered without an UploadId`);
            return response.UploadId;
        },
        async uploadPart(input) {
            const response = await call('UploadPart', (abortSignal, client, sdk) => client.send(new sdk.UploadPartCommand({
                Bucket,
                Key: input.key,
                UploadId: input.uploadId,
                PartNumber: input.partNumber,
                Body: input.body,
                ContentMD5: input.contentMd5,
            }), { abortSignal }));
            if (!response.ETag)
                throw new Error(`S3 UploadPart ${input.partNumber} of ${input.key} answered without an ETag`);
            return response.ETag;
        },
        async completeMultipartUpload(input) {
            const response = await call('CompleteMultipartUpload', (abortSignal, client, sdk) => client.send(new sdk.CompleteMultipartUploadCommand({
                Bucket,
                Key: input.key,
                UploadId: input.uploadId,
                MultipartUpload: { Parts: input.parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })) },
            }), { abortSignal }));
            // Ceph RGW answers with an empty ETag here; HEAD shows the real one.
            return { etag: response.ETag || undefined, versionId: response.VersionId };
        },
        async abortMultipartUpload(key, uploadId, onlyUnder) {
            if (!isStrictlyUnder(key, onlyUnder))
                throw new Error(`refusing to abort an upload outside '${onlyUnder}': ${key}`);
            await call('AbortMultipartUpload', (abortSignal, client, sdk) => client.send(new sdk.AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId }), { abortSignal }));
        },
        async listMultipartUploads(prefix) {
            const uploads = [];
            let keyMarker;
            let uploadIdMarker;
            for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
                const response = await call('ListMultipartUploads', (abortSignal, client, sdk) => client.send(new sdk.ListMultipartUploadsCommand({
                    Bucket,
                    Prefix: prefix,
                    ...(keyMarker ? { KeyMarker: keyMarker } : {}),
                    ...(uploadIdMarker ? { UploadIdMarker: uploadIdMarker } : {}),
                }), { abortSignal }));
                for (const upload of response.Uploads ?? []) {
                    if (upload.Key && upload.UploadId)
                        uploads.push({ key: upload.Key, uploadId: upload.UploadId, initiated: upload.Initiated });
                }
                if (!response.IsTruncated)
                    break;
                keyMarker = response.NextKeyMarker;
                uploadIdMarker = response.NextUploadIdMarker;
            }
            return uploads;
        },
        async headObject(key) {
            try {
                const response = await call('HeadObject', (abortSignal, client, sdk) => client.send(new sdk.HeadObjectCommand({ Bucket, Key: key }), { abortSignal }));
                return {
                    contentLength: response.ContentLength,
                    contentType: response.ContentType,
                    metadata: { ...(response.Metadata ?? {}) },
                    etag: response.ETag,
                    lastModified: response.LastModified,
                    expiration: response.Expiration,
                    versionId: response.VersionId,
                };
            }
            catch (error) {
                if (error instanceof S3Failure && error.kind === 'not-found')
                    return 'not-found';
                throw error;
            }
        },
        async getObject(key, range) {
            return call('GetObject', async (abortSignal, client, sdk) => {
                const response = await client.send(new sdk.GetObjectCommand({ Bucket, Key: key, ...(range ? { Range: range } : {}) }), { abortSignal });
                // Read the body inside the call, so the time limit covers the transfer too.
                const body = response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
                return { body, contentRange: response.ContentRange };
            });
        },
        async listObjects(prefix) {
            const objects = [];
            let token;
            for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
                const response = await call('ListObjectsV2', (abortSignal, client, sdk) => client.send(new sdk.ListObjectsV2Command({ Bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }), { abortSignal }));
                for (const entry of response.Contents ?? []) {
                    if (entry.Key)
                        objects.push({ key: entry.Key, size: entry.Size, etag: entry.ETag, lastModified: entry.LastModified });
                }
                if (!response.IsTruncated || !response.NextContinuationToken)
                    break;
                token = response.NextContinuationToken;
            }
            return objects;
        },
        async listObjectVersions(prefix) {
            const versions = [];
            let keyMarker;
            let versionIdMarker;
            for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
                const response = await call('ListObjectVersions', (abortSignal, client, sdk) => client.send(new sdk.ListObjectVersionsCommand({
                    Bucket,
                    Prefix: prefix,
                    ...(keyMarker ? { KeyMarker: keyMarker } : {}),
                    ...(versionIdMarker ? { VersionIdMarker: versionIdMarker } : {}),
                }), { abortSignal }));
                for (const entry of response.Versions ?? []) {
                    if (entry.Key && entry.VersionId)
                        versions.push({ key: entry.Key, versionId: entry.VersionId, deleteMarker: false, etag: entry.ETag, lastModified: entry.LastModified });
                }
                for (const entry of response.DeleteMarkers ?? []) {
                    if (entry.Key && entry.VersionId)
                        versions.push({ key: entry.Key, versionId: entry.VersionId, deleteMarker: true, etag: undefined, lastModified: entry.LastModified });
                }
                if (!response.IsTruncated)
                    break;
                keyMarker = response.NextKeyMarker;
                versionIdMarker = response.NextVersionIdMarker;
            }
            return versions;
        },
        async deleteObjects(targets, onlyUnder) {
            const outside = targets.filter((target) => !isStrictlyUnder(target.key, onlyUnder));
            if (onlyUnder.length === 0 || !onlyUnder.endsWith('/') || outside.length > 0) {
                throw new Error(`refusing to delete outside '${onlyUnder}': ${outside.map((target) => target.key).slice(0, 5).join(', ') || 'the scope must be a non-empty prefix ending in /'}`);
            }
            const deleted = [];
            const errors = [];
            for (let start = 0; start < targets.length; start += DELETE_BATCH) {
                const answer = await deleteBatch(targets.slice(start, start + DELETE_BATCH));
                deleted.push(...answer.deleted);
                errors.push(...answer.errors);
            }
            return { deleted, errors };
        },
    };
}
/** True when `key` lies below `prefix` (a non-empty prefix ending in '/'), the prefix itself excluded. */
function isStrictlyUnder(key, prefix) {
    return prefix.endsWith('/') && key.length > prefix.length && key.startsWith(prefix);
}

// EXTERNAL MODULE: ./src/util/cancellation.ts
var cancellation = __nccwpck_require__(76601);
;// CONCATENATED MODULE: ./src/clients/s3.ts







/** Attempts per operation (the first try included); all of them fit in s3-timeout-seconds. */
const S3_MAX_ATTEMPTS = 3;
/**
 * Shares one in-flight or settled answer; a failure is not kept, so the next call asks again.
 * `read` is given per call, so a scoped view asks with its own bounds.
 */
function sharedRead() {
    let answer;
    return {
        get(read, options) {
            if (answer === undefined || options?.fresh) {
                const pending = read();
                answer = pending;
                pending.catch(() => {
                    if (answer === pending)
                        answer = undefined;
                });
            }
            return answer;
        },
        forget() {
            answer = undefined;
        },
    };
}
/**
 * `cancel` is the run's cancellation: it aborts every call in flight and fails every later one at
 * once, except those of a `scoped({ cleanup: true })` view.
 */
function createS3Gateway(settings, log, cancel) {
    const endpointLabel = settings.endpoint?.origin ?? `AWS S3 (${settings.region})`;
    const isAws = settings.endpoint === undefined || settings.endpoint.hostname.endsWith('.amazonaws.com');
    const target = { endpoint: endpointLabel, bucket: settings.bucket, region: settings.region, timeoutMs: settings.timeoutMs };
    // The SDK (about 1.3 MB of bundled code) is loaded and the client built on the first S3
    // operation, not at start-up: a run that stops on bad input or selects no S3 gate never parses
    // it. One client, one keep-alive pool for the whole run: every gate and every scoped view
    // reuses the same connections.
    const counts = {};
    // The server's clock (Date header), so ages of objects are judged on the clock that stamped them.
    let serverDate;
    const onServerDate = (ms) => {
        serverDate = { ms, at: performance.now() };
    };
    let connection;
    let built;
    let destroyed = false;
    const connect = () => (connection ??= Promise.all(/* import() */[__nccwpck_require__.e(711), __nccwpck_require__.e(906)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2906)).then(({ buildS3Client, sdk }) => {
        if (destroyed)
            throw new Error('S3 client already destroyed');
        const client = buildS3Client(settings, { counts, log, onServerDate });
        built = client;
        return { client, sdk };
    }));
    // After the endpoint proved unreachable, fail at once instead of waiting out every timeout again.
    let unreachable;
    /** Calls bounded by s3-timeout-seconds and `bounds` (aborted: a 'cancelled' failure naming why). */
    function boundedCall(bounds, cleanup) {
        return async (operation, send) => {
            if (bounds?.aborted)
                throw stoppedFailure(operation, bounds, target);
            if (unreachable && !cleanup) {
                throw new S3Failure(unreachable.kind, operation, `S3 ${operation} not attempted: ${unreachable.message}`, unreachable.code, undefined);
            }
            // Loading the SDK is not part of the operation's time limit.
            const { client, sdk } = await connect();
            if (bounds?.aborted)
                throw stoppedFailure(operation, bounds, target);
            const started = performance.now();
            const timeout = AbortSignal.timeout(settings.timeoutMs);
            try {
                const result = await send(bounds ? AbortSignal.any([timeout, bounds]) : timeout, client, sdk);
                log.debug(`S3 ${operation}: ${Math.round(performance.now() - started)} ms`);
                return result;
            }
            catch (thrown) {
                if (bounds?.aborted && !timeout.aborted)
                    throw stoppedFailure(operation, bounds, target);
                const failure = describeS3Error(operation, thrown, target);
                if (failure.kind === 'unreachable' || failure.kind === 'timeout')
                    unreachable = failure;
                throw failure;
            }
        };
    }
    const Bucket = settings.bucket;
    const lifecycleRules = sharedRead();
    const versioning = sharedRead();
    function gateway(bounds, cleanup) {
        const call = boundedCall(bounds, cleanup);
        const readLifecycle = async () => {
            try {
                const response = await call('GetBucketLifecycleConfiguration', (abortSignal, client, sdk) => client.send(new sdk.GetBucketLifecycleConfigurationCommand({ Bucket }), { abortSignal }));
                return (response.Rules ?? []);
            }
            catch (error) {
                if (error instanceof S3Failure && error.code === 'NoSuchLifecycleConfiguration')
                    return [];
                throw error;
            }
        };
        const readVersioning = async () => {
            const response = await call('GetBucketVersioning', (abortSignal, client, sdk) => client.send(new sdk.GetBucketVersioningCommand({ Bucket }), { abortSignal }));
            return response.Status === 'Enabled' || response.Status === 'Suspended' ? response.Status : 'Unversioned';
        };
        return {
            endpointLabel,
            isAws,
            async bucketExists() {
                try {
                    await call('HeadBucket', (abortSignal, client, sdk) => client.send(new sdk.HeadBucketCommand({ Bucket }), { abortSignal }));
                    return true;
                }
                catch (error) {
                    if (error instanceof S3Failure && error.kind === 'not-found')
                        return false;
                    throw error;
                }
            },
            async createBucket() {
                // RGW and AWS reject an explicit us-east-1; only AWS takes other regions.
                const location = isAws && settings.region !== 'us-east-1' ? settings.region : undefined;
                try {
                    await call('CreateBucket', (abortSignal, client, sdk) => client.send(new sdk.CreateBucketCommand({
                        Bucket,
                        ...(location ? { CreateBucketConfiguration: { LocationConstraint: location } } : {}),
                    }), { abortSignal }));
                    lifecycleRules.forget();
                    versioning.forget();
                    return 'created';
                }
                catch (error) {
                    if (error instanceof S3Failure && error.code === 'BucketAlreadyOwnedByYou')
                        return 'already-owned';
                    throw error;
                }
            },
            getLifecycleRules: (options) => lifecycleRules.get(readLifecycle, options),
            async putLifecycleRules(rules) {
                if (rules.length === 0)
                    throw new Error('refusing to write an empty lifecycle configuration');
                await call('PutBucketLifecycleConfiguration', (abortSignal, client, sdk) => client.send(new sdk.PutBucketLifecycleConfigurationCommand({
                    Bucket,
                    LifecycleConfiguration: { Rules: [...rules] },
                }), { abortSignal }));
                lifecycleRules.forget();
            },
            getVersioning: (options) => versioning.get(readVersioning, options),
            async listObjectsPage(request) {
                const { response, lean } = await call('ListObjectsV2', async (abortSignal, client, sdk) => {
                    const command = new sdk.ListObjectsV2Command({
                        Bucket,
                        Prefix: request.prefix,
                        // URL-encoded keys survive characters XML 1.0 cannot carry; decoded below.
                        EncodingType: 'url',
                        ...(request.startAfter !== undefined ? { StartAfter: request.startAfter } : {}),
                        ...(request.continuationToken !== undefined ? { ContinuationToken: request.continuationToken } : {}),
                        ...(request.maxKeys !== undefined ? { MaxKeys: request.maxKeys } : {}),
                    });
                    // A scan lists pages by the hundred: read each with the lean reader, not the SDK's tree.
                    let listing;
                    command.middlewareStack.add((next) => async (args) => {
                        const result = await next(args);
                        listing = await takeLeanListing(result.response);
                        return result;
                    }, { step: 'deserialize', priority: 'low', name: 'srgLeanListing' });
                    const output = await client.send(command, { abortSignal });
                    return { response: output, lean: listing };
                });
                const isTruncated = lean ? lean.isTruncated : response.IsTruncated === true;
                const nextToken = lean ? lean.nextContinuationToken : response.NextContinuationToken;
                if (isTruncated && !nextToken) {
                    // Fail closed: stopping here would under-count the prefix silently.
                    throw new S3Failure('server', 'ListObjectsV2', `S3 ListObjectsV2 on bucket '${Bucket}' at ${endpointLabel} said the listing continues but gave no continuation token.`, undefined, undefined);
                }
                const decode = (lean ? lean.encodingType : response.EncodingType) === 'url' ? decodeListedKey : (key) => key;
                const objects = lean
                    ? lean.objects.map((object) => ({ key: decode(object.key), size: object.size, lastModified: object.lastModified }))
                    : (response.Contents ?? []).map((object) => ({
                        key: decode(object.Key ?? ''),
                        size: object.Size ?? 0,
                        lastModified: object.LastModified ?? new Date(0),
                    }));
                return { objects, nextContinuationToken: isTruncated ? nextToken : undefined };
            },
            ...s3ObjectOperations(Bucket, call),
            ...s3ConditionalOperations(Bucket, call),
            // Reads of the inventory bucket are bounded by s3-timeout-seconds alone (not by scoped()).
            ...s3BucketReads(connect, { endpointLabel, region: settings.region, timeoutMs: settings.timeoutMs }, log),
            requestCounts: () => ({ ...counts }),
            scoped: (options) => options.cleanup
                ? gateway(options.signal, true)
                : gateway(bounds ? AbortSignal.any([bounds, options.signal]) : options.signal, false),
            serverTime: () => (serverDate === undefined ? undefined : new Date(serverDate.ms + (performance.now() - serverDate.at))),
            destroy: () => {
                destroyed = true;
                built?.destroy();
            },
        };
    }
    return gateway(cancel, false);
}
/** A call that the run's cancellation or a phase's budget stopped: says which, and that S3 is not at fault. */
function stoppedFailure(operation, bounds, target) {
    return new S3Failure('cancelled', operation, `S3 ${operation} on bucket '${target.bucket}' at ${target.endpoint} was stopped: ${(0,cancellation/* stopReason */.PJ)(bounds)}.`, 'Stopped', undefined);
}
/** Keys of an `EncodingType=url` listing: AWS writes a space as '+', RGW as %20; both encode '+' as %2B. */
function decodeListedKey(encoded) {
    return decodeURIComponent(encoded.replace(/\+/g, '%20'));
}
/** What the SDK's deserializer reads once the lean reader has taken the listing: an empty result. */
const EMPTY_LISTING = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult></ListBucketResult>');
/**
 * Runs inside the SDK's deserializer (a deserialize-step middleware of the scan's listings): reads
 * a successful ListObjectsV2 body itself and leaves the SDK an empty listing to deserialize. Error
 * answers, and bodies the lean reader does not recognise, reach the SDK's deserializer unchanged.
 */
async function takeLeanListing(answer) {
    const response = answer;
    const body = response.body;
    if (response.statusCode !== 200 || typeof body !== 'object' || body === null || !(Symbol.asyncIterator in body))
        return undefined;
    const chunks = [];
    for await (const chunk of body)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    const raw = Buffer.concat(chunks);
    const listing = parseListBucketResult(raw);
    response.body = listing === undefined ? raw : EMPTY_LISTING.slice();
    return listing;
}


/***/ }),

/***/ 33596:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bu: () => (/* binding */ outcome),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   vc: () => (/* binding */ decidingFinding)
/* harmony export */ });
/** The status findings imply: any fail/error/unverifiable wins over warn, warn over pass. */
function statusOf(findings) {
    if (findings.some((finding) => finding.level === 'error'))
        return 'ERROR';
    if (findings.some((finding) => finding.level === 'fail'))
        return 'FAIL';
    if (findings.some((finding) => finding.level === 'unverifiable'))
        return 'UNVERIFIABLE';
    if (findings.some((finding) => finding.level === 'warn'))
        return 'WARN';
    return 'PASS';
}
function outcome(summary, findings, facts = [], sections = []) {
    return { status: statusOf(findings), summary, findings, facts, sections };
}
/** The first finding that decides the status, for one-line summaries. */
function decidingFinding(findings) {
    const order = ['error', 'fail', 'unverifiable', 'warn'];
    for (const level of order) {
        const found = findings.find((finding) => finding.level === level);
        if (found)
            return found;
    }
    return undefined;
}


/***/ }),

/***/ 29414:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JH: () => (/* binding */ GROWTH_PUSH_JOB),
/* harmony export */   Lc: () => (/* binding */ scanSamples),
/* harmony export */   eq: () => (/* binding */ GROWTH_METRICS),
/* harmony export */   fw: () => (/* binding */ renderExposition),
/* harmony export */   pz: () => (/* binding */ resultSamples)
/* harmony export */ });
/* unused harmony export escapeLabelValue */
/**
 * The gauges the growth gate pushes (documented in docs/gates/growth.md); the PrometheusRule's
 * alerts read them, so renaming one is a breaking change for every deployed rule.
 */
const GROWTH_METRICS = {
    objects: 'chat_attachment_prefix_objects',
    bytes: 'chat_attachment_prefix_bytes',
    objectsByKind: 'chat_attachment_prefix_objects_by_kind',
    oldestAge: 'chat_attachment_prefix_oldest_object_age_seconds',
    overdue: 'chat_attachment_prefix_overdue_objects',
    gatePassed: 'chat_attachment_growth_gate_passed',
    lastRun: 'chat_attachment_growth_gate_last_run_timestamp_seconds',
    scanDuration: 'chat_attachment_growth_gate_scan_duration_seconds',
};
/** The Pushgateway job; the grouping key adds `env` and `prefix`. */
const GROWTH_PUSH_JOB = 'chat_attachment_growth';
const HELP = {
    [GROWTH_METRICS.objects]: 'Objects under the chat attachment prefix at the last growth scan.',
    [GROWTH_METRICS.bytes]: 'Bytes under the chat attachment prefix at the last growth scan.',
    [GROWTH_METRICS.objectsByKind]: 'Objects under the prefix by kind: bin (payload), json (metadata), other.',
    [GROWTH_METRICS.oldestAge]: 'Age in seconds of the oldest object under the prefix (0 when empty).',
    [GROWTH_METRICS.overdue]: 'Objects older than expire-days plus retention-grace-days: lifecycle is not expiring them.',
    [GROWTH_METRICS.gatePassed]: '1 when the last growth gate run passed (PASS or WARN), else 0.',
    [GROWTH_METRICS.lastRun]: 'Unix time of the last growth gate run.',
    [GROWTH_METRICS.scanDuration]: 'Seconds the last growth scan took.',
};
/** Label values in the text format escape backslash, double quote and newline. */
function escapeLabelValue(value) {
    return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
/** Prometheus text exposition format (0.0.4), one HELP/TYPE block per metric name. */
function renderExposition(samples) {
    const lines = [];
    let current;
    for (const sample of samples) {
        if (sample.name !== current) {
            current = sample.name;
            lines.push(`# HELP ${sample.name} ${HELP[sample.name] ?? sample.name}`, `# TYPE ${sample.name} gauge`);
        }
        const labels = Object.entries(sample.labels ?? {});
        const labelText = labels.length === 0 ? '' : `{${labels.map(([key, value]) => `${key}="${escapeLabelValue(value)}"`).join(',')}}`;
        lines.push(`${sample.name}${labelText} ${Number.isFinite(sample.value) ? String(sample.value) : 'NaN'}`);
    }
    return `${lines.join('\n')}\n`;
}
/** The full set pushed after a scan (PUT: replaces the group's previous figures). */
function scanSamples(tally, run) {
    const kinds = ['bin', 'json', 'other'];
    const asOf = run.asOf ?? run.now;
    const oldestSeconds = tally.oldest ? Math.max(0, (asOf.getTime() - tally.oldest.lastModified.getTime()) / 1000) : 0;
    return [
        { name: GROWTH_METRICS.objects, value: tally.objects },
        { name: GROWTH_METRICS.bytes, value: tally.bytes },
        ...kinds.map((kind) => ({ name: GROWTH_METRICS.objectsByKind, labels: { kind }, value: tally.byKind[kind] })),
        { name: GROWTH_METRICS.oldestAge, value: Math.round(oldestSeconds) },
        { name: GROWTH_METRICS.overdue, value: tally.overdue },
        { name: GROWTH_METRICS.scanDuration, value: Number(run.scanSeconds.toFixed(3)) },
        ...resultSamples(run.passed, run.now),
    ];
}
/** Only the gate's result and time (POST: keeps the last good figures when the scan broke). */
function resultSamples(passed, now) {
    return [
        { name: GROWTH_METRICS.gatePassed, value: passed ? 1 : 0 },
        { name: GROWTH_METRICS.lastRun, value: Math.floor(now.getTime() / 1000) },
    ];
}


/***/ }),

/***/ 14031:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   ZD: () => (/* binding */ escapeHtml)
/* harmony export */ });
/** Escapes untrusted text (server messages, rule IDs) for inline markdown and table cells. */
function escapeMarkdown(text) {
    return text
        // CRLF, LF and a lone CR all end a line in CommonMark; any of them would break a table row.
        .replace(/\r\n?|\n/g, ' ')
        .replace(/[\\`*_{}[\]<>|~]/g, (char) => `\\${char}`)
        .replace(/&/g, '&amp;');
}
/** A fenced block whose fence is longer than any backtick run inside, so content cannot break out. */
function codeBlock(language, text) {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${language.replace(/[^a-z0-9-]/gi, '')}\n${text}\n${fence}`;
}
/** Escapes text for an HTML element's content or a quoted attribute (the job summary's <summary> lines). */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}


/***/ }),

/***/ 54285:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ renderGateReport),
/* harmony export */   b: () => (/* binding */ renderRunHeader)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(14031);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(790);


const LEVEL_LABEL = { fail: 'FAIL', error: 'ERROR', unverifiable: 'UNVERIFIABLE', warn: 'WARN', info: 'info' };
function table(headers, rows) {
    return (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Q)(headers.map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV), rows.map((row) => row.map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)));
}
/** Only http(s) URLs, in angle brackets with every character that could end the link encoded. */
function linkTarget(url) {
    const safe = /^https?:\/\//i.test(url) ? url : 'about:blank';
    return `<${safe.replace(/[<>\s()\\]/g, (char) => encodeURIComponent(char).replace('(', '%28').replace(')', '%29'))}>`;
}
function renderSection(section) {
    const title = `### ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(section.title)}`;
    switch (section.kind) {
        case 'table':
            return `${title}\n\n${section.rows.length === 0 ? '_none_' : table(section.headers, section.rows)}`;
        case 'code':
            return `${title}\n\n${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(section.language, section.text)}`;
        case 'text':
            return `${title}\n\n${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(section.text)}`;
        case 'links':
            return `${title}\n\n${section.links.length === 0 ? '_none_' : section.links.map((link) => `- [${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(link.label)}](${linkTarget(link.url)})`).join('\n')}`;
    }
}
/** One gate's report: `Result:` and `Mode:` lines first, then the run's facts, findings and sections. */
function renderGateReport(result, run, options = {}) {
    const lines = [
        `## ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.title)}`,
        '',
        // A blank line between them: consecutive lines of a paragraph render as one line on GitHub.
        `Result: ${result.status}`,
        '',
        ...(result.mode !== undefined ? [`Mode: ${result.mode}`, ''] : []),
        `- Gate: \`${result.id}\``,
        `- Environment: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(run.appEnv)}`,
        `- Bucket: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(run.bucket)}`,
        `- Prefix: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(run.envPrefix)}`,
        `- Endpoint: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(run.endpoint)}`,
        `- Time: ${result.startedAt} (${result.durationMs} ms)`,
        `- Summary: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.summary)}`,
        ...result.facts.map((fact) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(fact.label)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(fact.value)}`),
    ];
    const findings = result.findings.map((finding) => [
        LEVEL_LABEL[finding.level],
        finding.message,
        finding.evidence ?? '',
        finding.remediation ?? '',
    ]);
    const body = [lines.join('\n'), `### Findings\n\n${findings.length === 0 ? '_none_' : table(['Level', 'Finding', 'Evidence', 'What to do'], findings)}`];
    if (!options.compact)
        body.push(...result.sections.map(renderSection));
    else if (result.sections.length > 0)
        body.push(`_${result.sections.length} more section(s) in the report file._`);
    return `${body.join('\n\n')}\n`;
}
/** The go/no-go report (release-gates-surreal-latest.md) with the run's header. */
function renderRunHeader(run, decision) {
    return [
        `# Release gates (surreal): ${decision}`,
        '',
        `- Started: ${run.startedAt}`,
        `- Finished: ${run.finishedAt}`,
        `- surreal-release-gates ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(run.version)}`,
        '',
    ].join('\n');
}


/***/ }),

/***/ 790:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ markdownTable)
/* harmony export */ });
/**
 * A GFM table of cells that are already inline markdown (escaped by the caller). A column whose
 * cells are empty in every row is left out: it only takes width from the columns that say
 * something. With no rows at all, every column stays, so the header still says what is missing.
 */
function markdownTable(headers, rows) {
    const kept = headers.map((_, column) => rows.length === 0 || rows.some((row) => (row[column] ?? '').trim() !== '')).flatMap((keep, column) => (keep ? [column] : []));
    const line = (cells) => `| ${kept.map((column) => cells[column] || ' ').join(' | ')} |`;
    return [line(headers), `|${kept.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}


/***/ }),

/***/ 76601:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CK: () => (/* binding */ budgetSignal),
/* harmony export */   PJ: () => (/* binding */ stopReason),
/* harmony export */   W3: () => (/* binding */ CANCEL_BUDGET_MS),
/* harmony export */   ld: () => (/* binding */ LATER_SIGNAL_BUDGET_MS),
/* harmony export */   mT: () => (/* binding */ Cancellation),
/* harmony export */   zB: () => (/* binding */ CANCEL_EXIT_CODES)
/* harmony export */ });
/* unused harmony exports Stopped, REPORT_MARGIN_MS */
/** Why work stopped before it ended: the run was cancelled, or a phase used up its time budget. */
class Stopped extends Error {
    name = 'Stopped';
}
/** From the first signal until the reports are written (the runner sends SIGTERM 7.5 s after SIGINT). */
const CANCEL_BUDGET_MS = 5000;
/** A signal after the first one leaves at most this much. */
const LATER_SIGNAL_BUDGET_MS = 2000;
/** Of what is left, kept for rendering and writing the reports: wrap-up work stops this early. */
const REPORT_MARGIN_MS = 1000;
/** The gate sequence stops waiting for a gate this long before the deadline. */
const GIVE_UP_MARGIN_MS = 500;
const CANCEL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 };
/**
 * The run's one cancellation: `signal` aborts every in-flight request and keeps new gates from
 * starting; wrap-up work (cleanup of the smoke run, release of a lock) runs on `cleanupSignal()`,
 * which the cancellation itself does not abort but which ends with the time left for it.
 */
class Cancellation {
    clock;
    cancelController = new AbortController();
    wrapUpController = new AbortController();
    giveUpController = new AbortController();
    by;
    deadline = Number.POSITIVE_INFINITY;
    timers = [];
    constructor(clock = () => performance.now()) {
        this.clock = clock;
    }
    /** Aborted on the first signal; its reason is a Stopped naming the signal. */
    get signal() {
        return this.cancelController.signal;
    }
    /** The first signal received, if any. */
    get cancelledBy() {
        return this.by;
    }
    /** Aborted when the time for wrap-up work is over (the reports still have theirs). */
    get wrapUpSignal() {
        return this.wrapUpController.signal;
    }
    /** Aborted when the sequence must stop waiting for a gate and write the reports. */
    get giveUpSignal() {
        return this.giveUpController.signal;
    }
    /** The exit code the run ends with: 130 after SIGINT, 143 after SIGTERM, undefined when not cancelled. */
    get exitCode() {
        return this.by === undefined ? undefined : CANCEL_EXIT_CODES[this.by];
    }
    /** First call: cancel with CANCEL_BUDGET_MS to finish. Later calls: at most LATER_SIGNAL_BUDGET_MS more. */
    cancel(name) {
        const now = this.clock();
        if (this.by === undefined) {
            this.by = name;
            this.deadline = now + CANCEL_BUDGET_MS;
            this.cancelController.abort(new Stopped(`the run was cancelled (${name})`));
        }
        else {
            this.deadline = Math.min(this.deadline, now + LATER_SIGNAL_BUDGET_MS);
        }
        this.schedule(now);
    }
    /**
     * For wrap-up work: aborts after `budgetMs` (with a Stopped naming `what`), or earlier, once
     * the run is cancelled, when the time left for wrap-up is over.
     */
    cleanupSignal(budgetMs, what) {
        return AbortSignal.any([budgetSignal(budgetMs, what), this.wrapUpController.signal]);
    }
    schedule(now) {
        for (const timer of this.timers.splice(0))
            clearTimeout(timer);
        const at = (controller, margin, message) => {
            const left = this.deadline - margin - now;
            const abort = () => controller.abort(new Stopped(message));
            if (left <= 0) {
                abort();
                return;
            }
            const timer = setTimeout(abort, left);
            // Never the reason the process stays alive.
            timer.unref?.();
            this.timers.push(timer);
        };
        at(this.wrapUpController, REPORT_MARGIN_MS, `the time left after ${this.by ?? 'the signal'} ran out`);
        at(this.giveUpController, GIVE_UP_MARGIN_MS, `the time left after ${this.by ?? 'the signal'} ran out`);
    }
}
/** Aborts after `ms` with a Stopped saying `what` used its time budget. Does not keep the process alive. */
function budgetSignal(ms, what) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Stopped(`${what} used its time budget of ${formatSeconds(ms)}`)), ms);
    timer.unref?.();
    return controller.signal;
}
/** The reason an aborted signal carries, as a sentence fragment. */
function stopReason(signal) {
    const reason = signal.reason;
    if (reason instanceof Stopped)
        return reason.message;
    if (reason instanceof Error && reason.name === 'TimeoutError')
        return 'its time budget ran out';
    return reason instanceof Error ? reason.message : 'it was aborted';
}
function formatSeconds(ms) {
    return `${Number((ms / 1000).toFixed(1))} s`;
}


/***/ }),

/***/ 41095:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ printable)
/* harmony export */ });
/**
 * Control characters (C0, DEL, C1, line and paragraph separators) as \uXXXX escapes: untrusted
 * text (keys, server fields) kept on one line, so a newline in it cannot start a workflow command
 * (`::...`) when a message reaches the log.
 */
function printable(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 53138:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Aq: () => (/* binding */ SELECTABLE_GATES),
/* harmony export */   bc: () => (/* binding */ PASSING_STATUSES),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   uv: () => (/* binding */ decisionOf)
/* harmony export */ });
/**
 * The ground floor: the vocabulary of verdicts every layer speaks (statuses, findings, facts,
 * report sections, gate results), the gate ids and the bad-input error. It imports nothing, so
 * pure domain modules can judge without reaching up into gates, clients or config.
 */
/** Gates a user can select with the `gates` input, in their documented order. */
const SELECTABLE_GATES = ['bucket', 'lifecycle', 'verify', 'smoke', 'growth', 'alerts', 'hot-path', 'branch-protection'];
const PASSING_STATUSES = ['PASS', 'WARN'];
/** Bad input: stops the run before any request, with one line naming the input and the expected form. */
class InputError extends Error {
    input;
    received;
    expected;
    constructor(input, received, expected) {
        super(`Invalid input '${input}': got ${JSON.stringify(received)}. Expected ${expected}.`);
        this.input = input;
        this.received = received;
        this.expected = expected;
        this.name = 'InputError';
    }
}
/**
 * The decision, read in one place: GO only when the go/no-go gate (always last) passed. Every
 * report, output and the exit code follow from it.
 */
function decisionOf(results) {
    return results.find((result) => result.id === 'go-no-go')?.status === 'PASS' ? 'GO' : 'NO-GO';
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** Kept equal to package.json's version by a test. */
const VERSION = '0.1.0';


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 96137:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns/promises");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 58500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 57349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var resolveBlockMap = __nccwpck_require__(87103);
var resolveBlockSeq = __nccwpck_require__(90334);
var resolveFlowCollection = __nccwpck_require__(13142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 23683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(45937);
var resolveEnd = __nccwpck_require__(17788);
var resolveProps = __nccwpck_require__(34631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 45937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(41127);
var composeCollection = __nccwpck_require__(57349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(17788);
var utilEmptyScalarPosition = __nccwpck_require__(22599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var resolveBlockScalar = __nccwpck_require__(48913);
var resolveFlowScalar = __nccwpck_require__(76842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 89984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(61342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(91464);
var identity = __nccwpck_require__(41127);
var composeDoc = __nccwpck_require__(23683);
var resolveEnd = __nccwpck_require__(17788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 87103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(57165);
var YAMLMap = __nccwpck_require__(84454);
var resolveProps = __nccwpck_require__(34631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(74051);
var utilMapIncludes = __nccwpck_require__(81187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 48913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 90334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(92223);
var resolveProps = __nccwpck_require__(34631);
var utilFlowIndentCheck = __nccwpck_require__(74051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 17788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 13142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var resolveEnd = __nccwpck_require__(17788);
var resolveProps = __nccwpck_require__(34631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(81187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 76842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var resolveEnd = __nccwpck_require__(17788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 34631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 22599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 74051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 81187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(40101);
var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var toJS = __nccwpck_require__(74043);
var Schema = __nccwpck_require__(45840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(71596);
var applyReviver = __nccwpck_require__(83661);
var createNode = __nccwpck_require__(42404);
var directives = __nccwpck_require__(61342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 71596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var visit = __nccwpck_require__(10204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 83661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 42404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 61342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var visit = __nccwpck_require__(10204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 91464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 38815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(89984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(45840);
var errors = __nccwpck_require__(91464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var Scalar = __nccwpck_require__(63301);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(40361);
var lineCounter = __nccwpck_require__(66628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(84047);
var visit = __nccwpck_require__(10204);



__webpack_unused_export__ = composer.Composer;
exports.yo = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
__webpack_unused_export__ = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
__webpack_unused_export__ = identity.isScalar;
__webpack_unused_export__ = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
__webpack_unused_export__ = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 57249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(71596);
var visit = __nccwpck_require__(10204);
var identity = __nccwpck_require__(41127);
var Node = __nccwpck_require__(66673);
var toJS = __nccwpck_require__(74043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 40101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(42404);
var identity = __nccwpck_require__(41127);
var Node = __nccwpck_require__(66673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 66673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(83661);
var identity = __nccwpck_require__(41127);
var toJS = __nccwpck_require__(74043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 57165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(42404);
var stringifyPair = __nccwpck_require__(59748);
var addPairToJSMap = __nccwpck_require__(97104);
var identity = __nccwpck_require__(41127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 63301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Node = __nccwpck_require__(66673);
var toJS = __nccwpck_require__(74043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 84454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(61212);
var addPairToJSMap = __nccwpck_require__(97104);
var Collection = __nccwpck_require__(40101);
var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var Scalar = __nccwpck_require__(63301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 92223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(42404);
var stringifyCollection = __nccwpck_require__(61212);
var Collection = __nccwpck_require__(40101);
var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var toJS = __nccwpck_require__(74043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 97104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(57249);
var merge = __nccwpck_require__(90452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(41127);
var toJS = __nccwpck_require__(74043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 41127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 74043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 60110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(48913);
var resolveFlowScalar = __nccwpck_require__(76842);
var errors = __nccwpck_require__(91464);
var stringifyString = __nccwpck_require__(83069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 91733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 97715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(60110);
var cstStringify = __nccwpck_require__(91733);
var cstVisit = __nccwpck_require__(97715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 40361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 66628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(40361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 84047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(89984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(91464);
var log = __nccwpck_require__(57249);
var identity = __nccwpck_require__(41127);
var lineCounter = __nccwpck_require__(66628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 45840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var map = __nccwpck_require__(47451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var tags = __nccwpck_require__(90018);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 47451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var YAMLMap = __nccwpck_require__(84454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 73632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var YAMLSeq = __nccwpck_require__(92223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 66464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(83069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 73959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 38405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var stringifyNumber = __nccwpck_require__(28689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 59874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(28689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 70896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(47451);
var _null = __nccwpck_require__(73632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var bool = __nccwpck_require__(73959);
var float = __nccwpck_require__(38405);
var int = __nccwpck_require__(59874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 33559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var map = __nccwpck_require__(47451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 90018:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(47451);
var _null = __nccwpck_require__(73632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var bool = __nccwpck_require__(73959);
var float = __nccwpck_require__(38405);
var int = __nccwpck_require__(59874);
var schema = __nccwpck_require__(70896);
var schema$1 = __nccwpck_require__(33559);
var binary = __nccwpck_require__(56083);
var merge = __nccwpck_require__(90452);
var omap = __nccwpck_require__(50303);
var pairs = __nccwpck_require__(18385);
var schema$2 = __nccwpck_require__(35913);
var set = __nccwpck_require__(81528);
var timestamp = __nccwpck_require__(46752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 56083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(20181);
var Scalar = __nccwpck_require__(63301);
var stringifyString = __nccwpck_require__(83069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 88398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 35782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var stringifyNumber = __nccwpck_require__(28689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 10873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(28689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 90452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 50303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var toJS = __nccwpck_require__(74043);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var pairs = __nccwpck_require__(18385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 18385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var Scalar = __nccwpck_require__(63301);
var YAMLSeq = __nccwpck_require__(92223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 35913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(47451);
var _null = __nccwpck_require__(73632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var binary = __nccwpck_require__(56083);
var bool = __nccwpck_require__(88398);
var float = __nccwpck_require__(35782);
var int = __nccwpck_require__(10873);
var merge = __nccwpck_require__(90452);
var omap = __nccwpck_require__(50303);
var pairs = __nccwpck_require__(18385);
var set = __nccwpck_require__(81528);
var timestamp = __nccwpck_require__(46752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 81528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var YAMLMap = __nccwpck_require__(84454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 46752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(28689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 34475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(71596);
var identity = __nccwpck_require__(41127);
var stringifyComment = __nccwpck_require__(59799);
var stringifyString = __nccwpck_require__(83069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 61212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(59799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 59799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(59799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 28689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 59748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(59799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 83069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var foldFlowLines = __nccwpck_require__(34475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 10204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
;// CONCATENATED MODULE: ./src/config/inputs.ts
const INPUTS = [
    { name: 'app-env', env: 'APP_ENV', required: true, description: 'Environment name, e.g. staging or production (pattern [a-z0-9][a-z0-9-]*).' },
    { name: 'chat-attachment-s3-prefix', env: 'CHAT_ATTACHMENT_S3_PREFIX', default: 'chat-attachments', description: 'Key prefix of chat attachments; objects live under <prefix>/<app-env>/.' },
    { name: 'chat-attachment-required-prefixes', env: 'CHAT_ATTACHMENT_REQUIRED_PREFIXES', description: 'Comma-separated prefixes that must be covered by expiration (default <prefix>/<app-env>/).' },
    { name: 'expire-days', env: 'EXPIRE_DAYS', default: '30', description: 'Retention in days of the managed lifecycle rule (integer 1..36500).' },
    { name: 'abort-incomplete-multipart-days', env: 'ABORT_INCOMPLETE_MULTIPART_DAYS', default: '7', description: 'The managed expiration rule aborts multipart uploads left unfinished this many days after they started (AbortIncompleteMultipartUpload; integer 0..365, 0 = off, e.g. for a server that rejects the field).' },
    { name: 'expect-expire-days', env: 'EXPECT_EXPIRE_DAYS', description: "When set, the effective retention of every required prefix must equal this (integer 1..36500); unset, the managed rule's days in the bucket are expected, and without that rule any positive retention passes." },
    { name: 'lifecycle-adopt-rule-ids', env: 'LIFECYCLE_ADOPT_RULE_IDS', description: "Comma-separated IDs of existing rules (e.g. the old script's) that lifecycle apply replaces by the managed rule; each must filter on exactly <prefix>/<app-env>/ (no tags, size bounds or transitions), else nothing is written. No other rule is ever removed." },
    { name: 's3-bucket', env: 'S3_BUCKET', required: true, description: 'Attachment bucket (a valid S3 bucket name).' },
    { name: 's3-endpoint', env: 'S3_ENDPOINT', description: 'S3-compatible endpoint URL (MinIO, Ceph); empty means AWS S3.' },
    { name: 's3-region', env: 'S3_REGION', default: 'us-east-1', description: 'S3 region.' },
    { name: 's3-access-key', env: 'S3_ACCESS_KEY', description: "Access key id; empty uses the SDK's default credential chain (OIDC roles work)." },
    { name: 's3-secret-key', env: 'S3_SECRET_KEY', secret: true, description: 'Secret access key (masked); empty uses the default credential chain.' },
    { name: 's3-force-path-style', env: 'S3_FORCE_PATH_STYLE', description: 'Path-style addressing (true/false); default true when s3-endpoint is set.' },
    { name: 's3-timeout-seconds', env: 'S3_TIMEOUT_SECONDS', default: '30', description: 'Time limit of one S3 operation, retries included (integer 1..600).' },
    { name: 'mode', env: 'RELEASE_GATES_MODE', default: 'apply', description: 'apply or plan: plan changes nothing in S3 configuration (bucket, lifecycle).' },
    { name: 'gates', env: 'RELEASE_GATES_GATES', default: 'bucket,lifecycle,verify,smoke', description: 'Comma-separated gate ids (bucket, lifecycle, verify, smoke, growth, alerts, hot-path, branch-protection), run in this order, or the preset rollout; go/no-go always runs last.' },
    { name: 'fail-fast', env: 'RELEASE_GATES_FAIL_FAST', default: 'false', description: 'true: gates after the first non-passing one are NOT RUN.' },
    { name: 'reports-dir', env: 'RELEASE_GATES_REPORTS_DIR', default: 'docs/research', description: 'Directory of the markdown and JSON reports, relative to the workspace; it must lie inside the workspace or RUNNER_TEMP.' },
    { name: 'github-token', env: 'GITHUB_TOKEN', secret: true, default: '${{ github.token }}', description: 'Branch-protection gate: token that reads the branch, its rules, recent commits, merged pull requests and check runs (masked). The workflow token does, in a job granted checks: read and pull-requests: read; fine-grained personal access tokens cannot get checks: read.' },
    { name: 'github-admin-token', env: 'GITHUB_ADMIN_TOKEN', secret: true, description: 'Branch-protection gate: token with administration rights, from a secret (masked), used only for the protection reads (classic protection in full, ruleset bypass actors) and for apply (administration: write); a fine-grained personal access token or GitHub App token works. Empty: github-token does those too.' },
    { name: 'github-repository', env: 'GH_REPO', description: 'owner/repo whose branch protection is checked; default GITHUB_REPOSITORY (the repository running the workflow).' },
    { name: 'github-branch', env: 'GH_BRANCH', description: "Branch whose protection is checked; default the repository's default branch." },
    { name: 'required-check', env: 'REQUIRED_CHECK', default: 'CI / surreal-release-gates', description: "Check that branch protection must require, by its check-run name: the job's name, or '<caller job> / <job>' for a job of a called workflow. Not the pull request page's label, which puts the workflow name in front ('CI / CI / surreal-release-gates' for the check 'CI / surreal-release-gates')." },
    { name: 'branch-protection-mode', env: 'BRANCH_PROTECTION_MODE', default: 'check', description: 'check, plan or apply: plan prints the change that would require the check, apply makes it. Never implied by mode.' },
    { name: 'branch-protection-target', env: 'BRANCH_PROTECTION_TARGET', default: 'ruleset', description: "Where apply adds the requirement: ruleset (a ruleset of this action's own) or classic (branch protection, every other setting kept)." },
    { name: 'drift-issue', env: 'DRIFT_ISSUE', default: 'false', description: 'true: while a gate does not pass, keep one open issue per app-env in github-repository (title "Release gates drift: <app-env>", label release-gates-drift), updated every run and closed when all pass again; needs issues: write. plan: print that decision, write nothing. Never changes the result.' },
    { name: 'plan-comment', env: 'PLAN_COMMENT', default: 'false', description: 'true: in a pull_request run (with mode: plan and the lifecycle gate), post the lifecycle plan as one comment per app-env on the pull request, edited in place on later pushes; needs pull-requests: write. Fork pull requests keep it in the job summary. Never changes the result.' },
    { name: 'smoke-multipart-threshold-mib', env: 'SMOKE_MULTIPART_THRESHOLD_MIB', default: '5', description: 'Smoke gate: a test payload above this many MiB takes the multipart upload path (integer 5..512).' },
    { name: 'smoke-stale-after', env: 'SMOKE_STALE_AFTER', default: '1h', description: "Smoke gate: an earlier run's leftovers under <prefix>/<app-env>/_smoke/<run-id>/ are removed once its run id and the server's timestamps are both older than this (e.g. 1h, 90m; longer than a worst-case smoke run, 12 x s3-timeout-seconds + 3 s)." },
    { name: 'chat-api-url', env: 'CHAT_API_URL', description: 'Smoke gate: base URL of the chat API; when set, an attachment is uploaded and downloaded through it.' },
    { name: 'chat-api-token', env: 'CHAT_API_TOKEN', secret: true, description: 'Smoke gate: bearer token for the chat API (masked).' },
    { name: 'chat-api-upload-path', env: 'CHAT_API_UPLOAD_PATH', default: '/v1/chat/attachments/upload', description: 'Smoke gate: path of the multipart/form-data upload (POST), below chat-api-url.' },
    { name: 'chat-api-download-path', env: 'CHAT_API_DOWNLOAD_PATH', default: '/v1/chat/attachments/:attachment_id/download', description: 'Smoke gate: path of the download (GET); :attachment_id is the id from the upload answer.' },
    { name: 'chat-api-upload-field', env: 'CHAT_API_UPLOAD_FIELD', default: 'file', description: 'Smoke gate: form field that carries the file in the upload.' },
    { name: 'chat-api-id-field', env: 'CHAT_API_ID_FIELD', default: 'attachment_id', description: 'Smoke gate: field of the JSON upload answer holding the attachment id (dot path allowed, e.g. data.id).' },
    { name: 'chat-api-object-key', env: 'CHAT_API_OBJECT_KEY', default: ':prefix/:env/:attachment_id.bin', description: 'Smoke gate: S3 key where the service stores an upload (:prefix, :env, :attachment_id); must lie under <prefix>/<app-env>/.' },
    { name: 'chat-api-timeout-seconds', env: 'CHAT_API_TIMEOUT_SECONDS', default: '30', description: 'Time limit of one chat API request, retries included (integer 1..600).' },
    { name: 'prometheus-url', env: 'PROM_URL', urlPasswords: true, description: 'Prometheus base URL, e.g. http://prometheus.monitoring:9090: the hot-path gate queries it; the alerts gate waits until /api/v1/rules shows its group loaded and healthy. Put credentials in prometheus-username and prometheus-password: a user:password@ here is printed in the log before the action can mask it (a warning says so).' },
    { name: 'prometheus-username', env: 'PROMETHEUS_USERNAME', description: 'Basic-auth user for prometheus-url (hot-path and alerts gates); set together with prometheus-password.' },
    { name: 'prometheus-password', env: 'PROMETHEUS_PASSWORD', secret: true, description: 'Basic-auth password for prometheus-url, from a secret (masked); set together with prometheus-username.' },
    { name: 'prometheus-timeout-seconds', env: 'PROMETHEUS_TIMEOUT_SECONDS', default: '30', description: 'Time limit of one Prometheus query, retries included (integer 1..600).' },
    { name: 'hot-path-checks', env: 'HOT_PATH_CHECKS', description: 'Hot-path checks: a YAML file path (relative to the workspace) or inline YAML listing {name, query, comparison (<, <=, >, >=), threshold, unit?, description?}.' },
    { name: 'hot-path-window', env: 'HOT_PATH_WINDOW', default: '60s', description: 'How long the hot-path gate observes the checks, counted from the start of the run (e.g. 60s, 5m; 1s..1h).' },
    { name: 'hot-path-step', env: 'HOT_PATH_STEP', default: '10s', description: 'Step between the samples of each check within the window (1s..window).' },
    { name: 'hot-path-min-samples', env: 'HOT_PATH_MIN_SAMPLES', description: 'Samples each series needs within the window (default: every step but one, e.g. 6 of 7 for 60s at 10s).' },
    { name: 'on-no-data', env: 'ON_NO_DATA', default: 'fail', description: 'A hot-path check with no samples (empty result, or NaN without traffic) is NO_DATA; fail makes it FAIL, pass makes it a passing WARN.' },
    { name: 'health-checks', env: 'HEALTH_CHECKS', urlPasswords: true, description: 'Services go/no-go requires healthy, one name=url per line: http(s):// answered 2xx, redis(s):// answered PING; optional " timeout=5s". Passwords in URLs are masked from the start of the action, but the runner prints a with: value before that unless it comes from a secret (a warning says so).' },
    { name: 'health-check-timeout-seconds', env: 'HEALTH_CHECK_TIMEOUT_SECONDS', default: '10', description: 'Time limit of one health check, retries included, unless its line sets timeout= (integer 1..300).' },
    { name: 'archive-evidence', env: 'ARCHIVE_EVIDENCE', default: 'false', description: 'true: copy each report written by this run to <name>-<app-env>-<UTC yyyymmddThhmmssZ>.md beside it, never overwriting; gates: rollout turns it on.' },
    { name: 'retention-grace-days', env: 'RETENTION_GRACE_DAYS', default: '2', description: 'growth gate: objects older than expire-days plus this many days are overdue (a FAIL) (integer 0..365).' },
    { name: 'pushgateway-url', env: 'PUSHGATEWAY_URL', description: 'growth gate: Prometheus Pushgateway URL to push the growth gauges to; empty pushes nothing.' },
    { name: 'growth-source', env: 'GROWTH_SOURCE', default: 'list', description: 'growth gate: where the figures come from: list (ListObjectsV2 over the prefix) or inventory (the newest AWS S3 Inventory report, CSV, under inventory-location).' },
    { name: 'inventory-location', env: 'INVENTORY_LOCATION', description: 'growth gate with growth-source inventory: s3://<bucket>/<prefix>/ above the inventory\'s dated folders (<destination-prefix>/<source-bucket>/<config-id>/); read with the s3-* credentials.' },
    { name: 'alerts-mode', env: 'ALERTS_MODE', default: 'dry-run', description: 'alerts gate: dry-run (validate; server-side dry run with a cluster context) or apply (apply the PrometheusRule). Never implied by mode.' },
    { name: 'k8s-context', env: 'K8S_CONTEXT', description: "alerts gate: kubectl context; empty uses kubectl's current context, and without one dry-run validates offline only." },
    { name: 'k8s-namespace', env: 'K8S_NAMESPACE', default: 'monitoring', description: 'alerts gate: namespace of the PrometheusRule.' },
    { name: 'alerts-rule-labels', env: 'ALERTS_RULE_LABELS', default: 'release=kube-prometheus-stack', description: "alerts gate: comma-separated key=value labels of the PrometheusRule, to match your Prometheus's ruleSelector." },
    { name: 'alerts-runbook-url', env: 'ALERTS_RUNBOOK_URL', default: 'docs/alerts/chat-attachment-lifecycle.md', description: "alerts gate: runbook address in the alerts' runbook_url annotation (each alert adds #<alert-name>); an absolute URL is best." },
    { name: 'alerts-growth-percent', env: 'ALERTS_GROWTH_PERCENT', default: '25', description: 'alerts gate: the growth alert fires when prefix bytes grew more than this percent in a day, for 6 hours (integer 1..10000).' },
    { name: 'alerts-stale-hours', env: 'ALERTS_STALE_HOURS', default: '26', description: 'alerts gate: the stale alert fires when the growth gate has not pushed a result for this many hours (integer 1..8760).' },
    { name: 'alerts-verify-timeout-seconds', env: 'ALERTS_VERIFY_TIMEOUT_SECONDS', default: '120', description: 'alerts gate: how long to wait for Prometheus to load the rule group (integer 1..3600).' },
];
function inputDefinition(name) {
    const found = INPUTS.find((input) => input.name === name);
    if (!found)
        throw new Error(`unknown input ${name}`);
    return found;
}

;// CONCATENATED MODULE: ./src/cli/args.ts

class CliUsageError extends Error {
    name = 'CliUsageError';
}
const KNOWN = new Set(INPUTS.map((input) => input.name));
/** Short aliases the runbook's commands use. */
const ALIASES = { env: 'app-env', bucket: 's3-bucket', endpoint: 's3-endpoint', 'prom-url': 'prometheus-url' };
/** `--<input-name> value` or `--<input-name>=value`, plus --help, --aws and --summary-file. */
function parseCliArgs(argv) {
    const inputs = new Map();
    let help = false;
    let aws = false;
    let summaryFile;
    for (let index = 0; index < argv.length; index += 1) {
        const arg = argv[index] ?? '';
        if (arg === '--help' || arg === '-h') {
            help = true;
            continue;
        }
        if (arg === '--aws') {
            aws = true;
            continue;
        }
        const match = /^--([a-z0-9-]+)(?:=(.*))?$/s.exec(arg);
        if (!match)
            throw new CliUsageError(`Unexpected argument '${arg}'. Expected --<input-name> <value>; see --help.`);
        const flag = match[1] ?? '';
        const name = ALIASES[flag] ?? flag;
        let value = match[2];
        if (value === undefined) {
            value = argv[index + 1];
            if (value === undefined)
                throw new CliUsageError(`Flag --${flag} needs a value.`);
            index += 1;
        }
        if (name === 'summary-file')
            summaryFile = value;
        else if (KNOWN.has(name))
            inputs.set(name, value);
        else
            throw new CliUsageError(`Unknown flag --${flag}. Expected one of: ${[...KNOWN].map((known) => `--${known}`).join(', ')}.`);
    }
    return { inputs, help, aws, summaryFile };
}
function usage() {
    const lines = INPUTS.map((input) => {
        const fallback = 'default' in input ? ` (default ${input.default})` : '';
        return `  --${input.name.padEnd(36)} ${input.env.padEnd(34)} ${input.description}${fallback}`;
    });
    return [
        'Usage: surreal-release-gates [--<input-name> <value> ...] [--aws] [--summary-file FILE]',
        '',
        'Runs the release gates and writes the reports. Each flag falls back to the runbook variable',
        'named beside it. Without s3-endpoint (and without --aws) a throwaway local Ceph RGW is',
        'started, with app-env "local" and bucket "chat-attachments-local" unless given.',
        '',
        'The runbook\'s live rollout for one environment (fail-fast, one verify retry, archived evidence):',
        '  surreal-release-gates --gates rollout --env staging --s3-bucket B --s3-endpoint URL \\',
        '    --prom-url http://prometheus:9090 --hot-path-checks hot-path-checks.yaml',
        '',
        '  flag                                   variable                           meaning',
        ...lines,
    ].join('\n');
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(77030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(73136);
;// CONCATENATED MODULE: ./src/cli/local-s3.ts







/** The project root: the nearest folder upwards holding this package's package.json. */
function projectRoot(start = external_node_path_.dirname((0,external_node_url_.fileURLToPath)(import.meta.url))) {
    let dir = start;
    for (;;) {
        const manifest = external_node_path_.join(dir, 'package.json');
        if ((0,external_node_fs_.existsSync)(manifest) && JSON.parse((0,external_node_fs_.readFileSync)(manifest, 'utf8')).name === 'surreal-release-gates') {
            return dir;
        }
        const parent = external_node_path_.dirname(dir);
        if (parent === dir)
            throw new Error('cannot find the surreal-release-gates project root (its scripts/ start the local S3)');
        dir = parent;
    }
}
async function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0,external_node_net_.createServer)();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
        });
    });
}
function runScript(script, env, onLog) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('bash', [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        const collect = (chunk) => {
            output += chunk.toString();
            for (const line of chunk.toString().split('\n'))
                if (line.trim())
                    onLog?.(line);
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.on('error', reject);
        child.on('close', (code) => code === 0 ? resolve() : reject(new Error(`${external_node_path_.basename(script)} exited ${code}: ${output.trim().split('\n').slice(-3).join(' | ')}`)));
    });
}
async function startLocalS3(options = {}) {
    const root = projectRoot();
    const scripts = external_node_path_.join(root, 'scripts');
    const dataDir = await (0,promises_.mkdtemp)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'srg-rgw-'));
    const [rgwPort, monPort] = [await freePort(), await freePort()];
    const accessKey = 'LOCALACCESSKEY000001';
    const secretKey = `local${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`.padEnd(40, '0');
    const env = {
        RGW_PORT: String(rgwPort),
        MON_PORT: String(monPort),
        RGW_DATA_DIR: dataDir,
        S3_ACCESS_KEY: accessKey,
        S3_SECRET_KEY: secretKey,
        RGW_LC_DEBUG_INTERVAL: String(options.lifecycleDaySeconds ?? 10),
        RGW_ENABLE_LC_THREADS: options.lifecycleThreads === false ? 'false' : 'true',
    };
    await runScript(external_node_path_.join(scripts, 'rgw-up.sh'), env, options.onLog);
    return {
        endpoint: `http://127.0.0.1:${rgwPort}`,
        accessKey,
        secretKey,
        dataDir,
        cephConf: external_node_path_.join(dataDir, 'ceph.conf'),
        stop: () => runScript(external_node_path_.join(scripts, 'rgw-down.sh'), { RGW_DATA_DIR: dataDir, FAST: '1' }, options.onLog),
    };
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __nccwpck_require__(58500);
// EXTERNAL MODULE: ./src/util/cancellation.ts
var util_cancellation = __nccwpck_require__(76601);
;// CONCATENATED MODULE: ./src/clients/chat-api-errors.ts
class ChatApiFailure extends Error {
    kind;
    operation;
    constructor(kind, operation, message) {
        super(message);
        this.kind = kind;
        this.operation = operation;
        this.name = 'ChatApiFailure';
    }
}
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
/** The network error code behind a fetch failure (fetch wraps it in `cause`), if any. */
function networkCodeOf(thrown, depth = 0) {
    if (typeof thrown !== 'object' || thrown === null || depth > 4)
        return undefined;
    const error = thrown;
    if (typeof error.code === 'string' && NETWORK_CODES.has(error.code))
        return error.code;
    if (Array.isArray(error.errors)) {
        for (const inner of error.errors) {
            const found = networkCodeOf(inner, depth + 1);
            if (found)
                return found;
        }
    }
    return networkCodeOf(error.cause, depth + 1);
}
function isTimeout(thrown) {
    return typeof thrown === 'object' && thrown !== null && (thrown.name === 'TimeoutError' || thrown.name === 'AbortError');
}
/** What an unexpected HTTP status of the chat API means, naming the input to check. */
function describeChatApiStatus(operation, status, where) {
    const pathInput = operation === 'upload' ? 'chat-api-upload-path' : 'chat-api-download-path';
    if (status === 401) {
        return { message: `Chat API ${operation} ${where} answered HTTP 401: the bearer token was missing or rejected.`, remediation: 'Check chat-api-token (a valid bearer token of the chat API).' };
    }
    if (status === 403) {
        return { message: `Chat API ${operation} ${where} answered HTTP 403: the token may not ${operation} attachments.`, remediation: `Give the token of chat-api-token the right to ${operation} chat attachments.` };
    }
    if (status === 404 || status === 405) {
        return { message: `Chat API ${operation} ${where} answered HTTP ${status}: no such endpoint${operation === 'download' ? ' or attachment' : ''}.`, remediation: `Check chat-api-url and ${pathInput}.` };
    }
    if (status === 400 || status === 415 || status === 422) {
        return {
            message: `Chat API ${operation} ${where} answered HTTP ${status}: the request was not accepted.`,
            remediation: operation === 'upload' ? 'Check chat-api-upload-field (the form field that carries the file) and chat-api-upload-path.' : 'Check chat-api-download-path and chat-api-id-field.',
        };
    }
    if (status === 413) {
        return { message: `Chat API ${operation} ${where} answered HTTP 413: the test file (under 100 KiB) was too large.`, remediation: 'Check the service upload size limit.' };
    }
    if (status >= 500) {
        return { message: `Chat API ${operation} ${where} answered HTTP ${status}: the service failed.`, remediation: 'Check the service logs (with CHAT_ATTACHMENT_STORAGE_BACKEND=s3, a storage error shows there).' };
    }
    return { message: `Chat API ${operation} ${where} answered HTTP ${status}, expected 2xx.`, remediation: `Check chat-api-url and ${pathInput}.` };
}

;// CONCATENATED MODULE: ./src/clients/chat-api.ts




/** Attempts per request (the first included); all of them fit in chat-api-timeout-seconds. */
const CHAT_API_MAX_ATTEMPTS = 3;
const MAX_REDIRECTS = 5;
const RETRY_BASE_MS = 250;
/** Statuses that mean "not processed, try again" for any method; 500 is retried for GET only. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/** `cancel` (the run's cancellation) aborts a request in flight and fails the next at once. */
function createChatApiClient(settings, log, fetchImpl = fetch, cancel) {
    const base = settings.url;
    const baseLabel = `${base.origin}${base.pathname}`;
    const seconds = settings.timeoutMs / 1000;
    const urlOf = (path) => {
        const url = new URL(base.href);
        url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
        return url;
    };
    const label = (url) => `${url.origin}${url.pathname}`;
    const authorization = (url) => settings.token !== undefined && url.origin === base.origin ? { authorization: `Bearer ${settings.token}` } : {};
    /** One request with retries, all inside one deadline. */
    async function send(operation, method, start, body, maxBytes) {
        const timeout = AbortSignal.timeout(settings.timeoutMs);
        const deadline = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
        const cancelled = () => new ChatApiFailure('cancelled', operation, `Chat API ${operation} ${label(start)} was stopped: ${cancel ? (0,util_cancellation/* stopReason */.PJ)(cancel) : 'cancelled'}.`);
        if (cancel?.aborted)
            throw cancelled();
        let url = start;
        let redirects = 0;
        for (let attempt = 1;; attempt += 1) {
            let retryReason;
            try {
                const requestBody = body();
                const response = await fetchImpl(url, {
                    method,
                    headers: { accept: 'application/json, application/octet-stream, */*', ...authorization(url) },
                    ...(requestBody !== undefined ? { body: requestBody } : {}),
                    redirect: 'manual',
                    signal: deadline,
                });
                const location = response.headers.get('location');
                if (method === 'GET' && [301, 302, 303, 307, 308].includes(response.status) && location) {
                    await response.body?.cancel();
                    if (redirects >= MAX_REDIRECTS)
                        throw new ChatApiFailure('redirect', operation, `Chat API ${operation} ${label(start)}: more than ${MAX_REDIRECTS} redirects.`);
                    redirects += 1;
                    url = new URL(location, url);
                    attempt -= 1; // a redirect is not a retry
                    continue;
                }
                const retryable = RETRYABLE_STATUSES.has(response.status) || (method === 'GET' && response.status === 500);
                if (!retryable || attempt >= CHAT_API_MAX_ATTEMPTS) {
                    return {
                        status: response.status,
                        contentType: response.headers.get('content-type') ?? undefined,
                        body: await readCapped(response, maxBytes, operation, label(url)),
                        where: label(url),
                        attempts: attempt,
                    };
                }
                await response.body?.cancel();
                retryReason = `HTTP ${response.status}`;
            }
            catch (thrown) {
                if (thrown instanceof ChatApiFailure)
                    throw thrown;
                if (cancel?.aborted && !timeout.aborted)
                    throw cancelled();
                if (isTimeout(thrown) || deadline.aborted) {
                    throw new ChatApiFailure('timeout', operation, `Chat API ${operation} ${label(url)} did not answer within ${seconds} s (chat-api-timeout-seconds). Check chat-api-url and the network, or raise chat-api-timeout-seconds.`);
                }
                const code = networkCodeOf(thrown) ?? (thrown instanceof Error ? thrown.message : String(thrown));
                if (attempt >= CHAT_API_MAX_ATTEMPTS) {
                    throw new ChatApiFailure('unreachable', operation, `Chat API ${operation} ${label(url)} failed: unreachable (${code}) after ${attempt} attempt(s). Check chat-api-url (${baseLabel}) and that the service is running.`);
                }
                retryReason = code;
            }
            log.warning(`Chat API ${operation}: retry ${attempt} of ${CHAT_API_MAX_ATTEMPTS - 1} after ${retryReason}`);
            try {
                await (0,external_node_timers_promises_.setTimeout)(RETRY_BASE_MS * 2 ** (attempt - 1), undefined, { signal: deadline });
            }
            catch {
                if (cancel?.aborted && !timeout.aborted)
                    throw cancelled();
                throw new ChatApiFailure('timeout', operation, `Chat API ${operation} ${label(url)} did not succeed within ${seconds} s (chat-api-timeout-seconds), last: ${retryReason}. Check the service, or raise chat-api-timeout-seconds.`);
            }
        }
    }
    return {
        baseLabel,
        upload: (path, file) => send('upload', 'POST', urlOf(path), () => {
            // A fresh form per attempt: a body stream can be read once.
            const form = new FormData();
            form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.fileName);
            return form;
        }, 1024 * 1024),
        download: (path, maxBytes) => send('download', 'GET', urlOf(path), () => undefined, maxBytes),
    };
}
/** Reads a body, stopping once it exceeds `maxBytes` (a wrong endpoint must not fill memory). */
async function readCapped(response, maxBytes, operation, where) {
    if (!response.body)
        return new Uint8Array();
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.length;
        if (size > maxBytes) {
            await reader.cancel();
            throw new ChatApiFailure('too-large', operation, `Chat API ${operation} ${where} answered more than ${maxBytes} bytes; expected the test file. Check chat-api-download-path.`);
        }
        chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.length;
    }
    return body;
}

;// CONCATENATED MODULE: ./src/clients/health.ts
/** Attempts per probe (the first included), all within the probe's timeout. */
const HEALTH_MAX_ATTEMPTS = 3;
const FIRST_BACKOFF_MS = 200;
const TIMED_OUT = { ok: false, detail: '', retry: false, timedOut: true };
const health_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
function errorCode(error, depth = 0) {
    if (typeof error !== 'object' || error === null || depth > 4)
        return undefined;
    const { code, cause } = error;
    if (typeof code === 'string')
        return code;
    return errorCode(cause, depth + 1);
}
function message(error) {
    return error instanceof Error ? error.message : String(error);
}
function createHealthProber(log) {
    async function probeOne(target) {
        const started = performance.now();
        const deadline = started + target.timeoutMs;
        const limit = `${target.timeoutMs / 1000} s (health-check-timeout-seconds or the line's timeout=)`;
        let last = { ok: false, detail: 'not probed', retry: false };
        let attempts = 0;
        for (let attempt = 1; attempt <= HEALTH_MAX_ATTEMPTS; attempt += 1) {
            attempts = attempt;
            const remaining = deadline - performance.now();
            if (remaining <= 0)
                break;
            const signal = AbortSignal.timeout(Math.max(1, Math.floor(remaining)));
            const work = target.kind === 'http' ? probeHttp(target.url, signal) : probeRedis(target.url, signal);
            // Backstop: should a client not react to the abort, stop waiting for it shortly after.
            last = await withDeadline(work, remaining + 500, TIMED_OUT);
            const backoff = FIRST_BACKOFF_MS * 2 ** (attempt - 1);
            if (last.ok || !last.retry || attempt === HEALTH_MAX_ATTEMPTS || deadline - performance.now() < backoff + 50)
                break;
            log.warning(`Health ${target.name}: attempt ${attempt} failed (${last.detail}); retry ${attempt} of ${HEALTH_MAX_ATTEMPTS - 1} in ${backoff} ms`);
            await new Promise((resolve) => setTimeout(resolve, backoff));
        }
        const problem = last.ok ? '' : last.timedOut ? `no answer within ${limit} (timeout)${last.detail ? `: ${last.detail}` : ''}` : last.detail;
        const result = {
            name: target.name,
            kind: target.kind,
            target: target.display,
            healthy: last.ok,
            detail: last.ok ? last.detail : `${problem}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`,
            attempts,
            durationMs: Math.round(performance.now() - started),
        };
        log.info(`Health ${target.name} (${target.display}): ${result.healthy ? 'healthy' : 'UNHEALTHY'} - ${result.detail}`);
        return result;
    }
    return {
        probe: (targets) => Promise.all(targets.map((target) => probeOne(target))),
    };
}
/** Resolves with `onTimeout` when `work` takes longer than `ms` (the work is abandoned, not awaited). */
async function withDeadline(work, ms, onTimeout) {
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve(onTimeout), ms);
    });
    try {
        return await Promise.race([work, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** GET; healthy on 2xx. Redirects are not followed: a /health that redirects (to a login) is not healthy. */
async function probeHttp(url, signal) {
    const request = new URL(url.href);
    const headers = { accept: '*/*', 'user-agent': 'surreal-release-gates health check' };
    if (request.username !== '' || request.password !== '') {
        headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(request.username)}:${decodeURIComponent(request.password)}`).toString('base64')}`;
        request.username = '';
        request.password = '';
    }
    try {
        const response = await fetch(request, { method: 'GET', headers, redirect: 'manual', signal });
        await response.body?.cancel();
        const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        if (response.status >= 200 && response.status < 300)
            return { ok: true, detail: status };
        if (response.status >= 300 && response.status < 400) {
            return { ok: false, detail: `${status}: redirected to ${response.headers.get('location') ?? '(no location)'}; point the check at the health endpoint itself`, retry: false };
        }
        return { ok: false, detail: `${status}, expected 2xx`, retry: response.status >= 500 || response.status === 429 };
    }
    catch (error) {
        if (signal.aborted)
            return TIMED_OUT;
        const code = errorCode(error);
        if (code !== undefined && health_NETWORK_CODES.has(code))
            return { ok: false, detail: `unreachable (${code}): is the service running at this address?`, retry: true };
        return { ok: false, detail: `request failed: ${code ?? message(error)}`, retry: true };
    }
}
/** Connects (with the URL's user, password and TLS for rediss://), sends PING, expects PONG. */
async function probeRedis(url, signal) {
    // Loaded only when a redis:// check is configured: most runs never pay for parsing the client.
    const { createClient } = await __nccwpck_require__.e(/* import() */ 488).then(__nccwpck_require__.t.bind(__nccwpck_require__, 90488, 23));
    const client = createClient({ url: url.href, socket: { reconnectStrategy: false }, disableOfflineQueue: true });
    // Without a listener an 'error' event would crash the process; the awaited calls carry the error.
    client.on('error', () => undefined);
    // The timeout covers the TLS handshake, AUTH and PING too, not only the TCP connect.
    const abort = () => client.destroy();
    signal.addEventListener('abort', abort, { once: true });
    try {
        await client.connect();
        const reply = await client.ping();
        return reply === 'PONG' ? { ok: true, detail: 'PING answered PONG' } : { ok: false, detail: `PING answered ${JSON.stringify(reply)}, expected PONG`, retry: false };
    }
    catch (error) {
        return signal.aborted ? TIMED_OUT : describeRedisError(error);
    }
    finally {
        signal.removeEventListener('abort', abort);
        if (client.isOpen)
            client.destroy();
    }
}
function describeRedisError(error) {
    const text = message(error);
    const code = errorCode(error);
    if (/^WRONGPASS/.test(text)) {
        return { ok: false, detail: "authentication failed (WRONGPASS): check the user and password in this check's redis URL", retry: false };
    }
    if (/^NOAUTH/.test(text)) {
        return { ok: false, detail: 'the server requires a password (NOAUTH): put it in the URL, redis://:PASSWORD@host:port', retry: false };
    }
    if (/^(NOPERM|ERR AUTH|ERR invalid password)/i.test(text)) {
        return { ok: false, detail: `authentication rejected (${text.split(' ')[0]}): check the user, password and ACL of this check's redis URL`, retry: false };
    }
    if (code !== undefined && health_NETWORK_CODES.has(code))
        return { ok: false, detail: `unreachable (${code}): is Redis running at this address?`, retry: true };
    if (code !== undefined && /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO/i.test(code)) {
        return { ok: false, detail: `TLS failed (${code}): ${text}; the server's certificate must be trusted by this runner`, retry: false };
    }
    return { ok: false, detail: `failed: ${code ? `${code}: ` : ''}${text}`, retry: false };
}

;// CONCATENATED MODULE: ./src/hot-path/series.ts
/** `{code="500",route="/x"}`, or `{}` for a series without labels (an aggregate). */
function labelText(labels) {
    const pairs = Object.keys(labels)
        .filter((name) => name !== '__name__')
        .sort()
        .map((name) => `${name}=${JSON.stringify(labels[name])}`);
    return `${labels.__name__ ?? ''}{${pairs.join(',')}}`;
}
/** Prometheus writes sample values as strings: "+Inf", "-Inf" and "NaN" included. */
function parseSampleValue(text) {
    if (text === '+Inf' || text === 'Inf')
        return Number.POSITIVE_INFINITY;
    if (text === '-Inf')
        return Number.NEGATIVE_INFINITY;
    return Number(text);
}

;// CONCATENATED MODULE: ./src/clients/prometheus-query.ts

/** Attempts per query (the first included); all of them fit in prometheus-timeout-seconds. */
const PROMETHEUS_MAX_ATTEMPTS = 3;
const prometheus_query_FIRST_BACKOFF_MS = 250;
class PrometheusFailure extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.name = 'PrometheusFailure';
    }
}
const prometheus_query_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET']);
/** Statuses worth another attempt: the server or a proxy in front of it is busy or restarting. */
const RETRIED_STATUSES = new Set([429, 502, 503, 504]);
function networkCode(error, depth = 0) {
    if (typeof error !== 'object' || error === null || depth > 4)
        return undefined;
    const { code, cause } = error;
    if (typeof code === 'string' && prometheus_query_NETWORK_CODES.has(code))
        return code;
    return networkCode(cause, depth + 1);
}
const seconds = (ms) => (ms / 1000).toFixed(3);
function createPrometheusQueryClient(settings, log) {
    const base = new URL(settings.url.href.endsWith('/') ? settings.url.href : `${settings.url.href}/`);
    const label = settings.url.href.replace(/\/$/, '');
    const authorization = settings.basicAuth === undefined
        ? undefined
        : `Basic ${Buffer.from(`${settings.basicAuth.username}:${settings.basicAuth.password}`).toString('base64')}`;
    const limit = `${settings.timeoutMs / 1000} s (prometheus-timeout-seconds)`;
    /** One API call: retried on network errors and busy statuses, all within the timeout. */
    async function call(path, params) {
        const deadline = performance.now() + settings.timeoutMs;
        const url = new URL(path, base);
        let lastProblem = '';
        for (let attempt = 1; attempt <= PROMETHEUS_MAX_ATTEMPTS; attempt += 1) {
            const remaining = deadline - performance.now();
            const body = new URLSearchParams({ ...params, timeout: `${Math.max(1, Math.floor(remaining / 1000))}s` });
            const started = performance.now();
            let retryable;
            try {
                const response = await fetch(url, {
                    method: 'POST',
                    headers: {
                        'content-type': 'application/x-www-form-urlencoded',
                        accept: 'application/json',
                        ...(authorization ? { authorization } : {}),
                    },
                    body,
                    signal: AbortSignal.timeout(Math.max(1, Math.floor(remaining))),
                });
                const text = await response.text();
                log.debug(`Prometheus ${path}: HTTP ${response.status} in ${Math.round(performance.now() - started)} ms`);
                const parsed = parseJson(text);
                if (response.ok && parsed?.status === 'success')
                    return parsed;
                const apiError = parsed && typeof parsed.error === 'string' ? `${String(parsed.errorType ?? 'error')}: ${parsed.error}` : text.slice(0, 200).trim();
                if (response.status === 400 || response.status === 422) {
                    throw new PrometheusFailure('bad-query', `Prometheus at ${label} rejected the query (HTTP ${response.status}, ${apiError}).`);
                }
                if (response.status === 401 || response.status === 403) {
                    throw new PrometheusFailure('auth', `Prometheus at ${label} refused access (HTTP ${response.status}). Check the credentials: prometheus-username and prometheus-password (or user:password@ in prometheus-url).`);
                }
                if (response.ok) {
                    throw new PrometheusFailure('bad-response', `Prometheus at ${label} answered ${path} with something other than an API success (${apiError || 'empty body'}). Check that prometheus-url is the Prometheus base URL.`);
                }
                lastProblem = `HTTP ${response.status}${apiError ? ` (${apiError})` : ''}`;
                retryable = RETRIED_STATUSES.has(response.status);
                if (!retryable) {
                    throw new PrometheusFailure(response.status === 404 ? 'bad-response' : 'server', `Prometheus at ${label} answered ${path} with ${lastProblem}.${response.status === 404 ? ' Check that prometheus-url is the Prometheus base URL (without /api/v1).' : ''}`);
                }
            }
            catch (thrown) {
                if (thrown instanceof PrometheusFailure)
                    throw thrown;
                const name = typeof thrown === 'object' && thrown !== null ? thrown.name : undefined;
                if (name === 'TimeoutError' || name === 'AbortError' || deadline - performance.now() <= 0) {
                    throw new PrometheusFailure('timeout', `Prometheus at ${label} did not answer ${path} within ${limit}${lastProblem ? `; before that: ${lastProblem}` : ''}. Check prometheus-url and the network, or raise prometheus-timeout-seconds.`);
                }
                const code = networkCode(thrown);
                lastProblem = code ?? (thrown instanceof Error ? thrown.message : String(thrown));
                retryable = true;
            }
            const backoff = prometheus_query_FIRST_BACKOFF_MS * 2 ** (attempt - 1);
            if (!retryable || attempt === PROMETHEUS_MAX_ATTEMPTS || deadline - performance.now() < backoff + 50)
                break;
            log.warning(`Prometheus ${path}: attempt ${attempt} failed (${lastProblem}); retry ${attempt} of ${PROMETHEUS_MAX_ATTEMPTS - 1} in ${backoff} ms`);
            await new Promise((resolve) => setTimeout(resolve, backoff));
        }
        const unreachable = prometheus_query_NETWORK_CODES.has(lastProblem);
        throw new PrometheusFailure(unreachable ? 'unreachable' : 'server', unreachable
            ? `Prometheus at ${label} is unreachable (${lastProblem}). Check prometheus-url and that Prometheus is running.`
            : `Prometheus at ${label} failed ${path}: ${lastProblem}.`);
    }
    return {
        label,
        async instant(query, time) {
            const response = await call('api/v1/query', { query, ...(time ? { time: seconds(time.getTime()) } : {}) });
            return toSeries(response, label);
        },
        async range(query, start, end, stepMs) {
            const response = await call('api/v1/query_range', {
                query,
                start: seconds(start.getTime()),
                end: seconds(end.getTime()),
                step: seconds(stepMs),
            });
            return toSeries(response, label);
        },
    };
}
function parseJson(text) {
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function toPoint(raw, label) {
    if (!Array.isArray(raw) || raw.length !== 2 || typeof raw[0] !== 'number' || typeof raw[1] !== 'string') {
        throw new PrometheusFailure('bad-response', `Prometheus at ${label} returned a malformed sample.`);
    }
    const [time, value] = raw;
    return { time, value: parseSampleValue(value) };
}
/** matrix, vector and scalar results as series; anything else is a bad response. */
function toSeries(response, label) {
    const type = response.data?.resultType;
    const result = response.data?.result;
    if (type === 'scalar')
        return [{ labels: {}, samples: [toPoint(result, label)] }];
    if ((type !== 'matrix' && type !== 'vector') || !Array.isArray(result)) {
        throw new PrometheusFailure('bad-response', `Prometheus at ${label} returned a ${String(type)} result; a check's query must give numbers (a vector or scalar).`);
    }
    return result.map((entry) => {
        const { metric, values, value } = (entry ?? {});
        const labels = typeof metric === 'object' && metric !== null ? metric : {};
        const points = type === 'matrix' ? (Array.isArray(values) ? values : []) : [value];
        return { labels, samples: points.map((point) => toPoint(point, label)) };
    });
}

;// CONCATENATED MODULE: ./src/clients/exec.ts
/** The tool is not on the PATH. */
class CommandNotFound extends Error {
    name = 'CommandNotFound';
    command;
    constructor(command) {
        super(`'${command}' is not on the PATH.`);
        this.command = command;
    }
}
/** Runs commands through @actions/exec, silently (callers log what matters), never throwing on exit codes. */
function actionsExecRunner() {
    return async (command, args, options = {}) => {
        try {
            // Loaded on the first command: most runs start no external tool.
            const exec = await __nccwpck_require__.e(/* import() */ 260).then(__nccwpck_require__.bind(__nccwpck_require__, 81260));
            const result = await exec.getExecOutput(command, [...args], {
                silent: true,
                ignoreReturnCode: true,
                ...(options.input !== undefined ? { input: Buffer.from(options.input, 'utf8') } : {}),
            });
            return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
        }
        catch (thrown) {
            // @actions/exec resolves the executable first and throws when it finds none.
            if (thrown instanceof Error && /Unable to locate executable file/i.test(thrown.message))
                throw new CommandNotFound(command);
            throw thrown;
        }
    };
}
/** A command line for reports and logs (arguments quoted only when they need it). */
function commandLine(command, args) {
    return [command, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`)).join(' ');
}

;// CONCATENATED MODULE: ./src/clients/kubectl.ts

/** Field manager of server-side apply: kubectl shows it as the owner of the fields we set. */
const FIELD_MANAGER = 'surreal-release-gates';
/** kubectl's own limit per API request, since @actions/exec has no timeout of its own. */
const KUBECTL_REQUEST_TIMEOUT = '30s';
/** The exact arguments of an apply; exported so tests and docs state the same command. */
function applyArgs(target, dryRun) {
    return [
        '--context',
        target.context,
        '--namespace',
        target.namespace,
        `--request-timeout=${KUBECTL_REQUEST_TIMEOUT}`,
        'apply',
        '--server-side',
        `--field-manager=${FIELD_MANAGER}`,
        ...(dryRun ? ['--dry-run=server'] : []),
        '-f',
        '-',
    ];
}
function createKubectl(runner, log) {
    // Every kubectl call goes through here: one place to log and to fake in tests.
    const run = async (args, input) => {
        const command = commandLine('kubectl', args);
        log.info(`Running ${command}`);
        const result = await runner('kubectl', args, input !== undefined ? { input } : {});
        if (result.exitCode !== 0)
            log.warning(`${command} exited ${result.exitCode}: ${result.stderr.trim() || result.stdout.trim()}`);
        return { command, ...result };
    };
    return {
        async currentContext() {
            try {
                const result = await run(['config', 'current-context']);
                const context = result.stdout.trim();
                return result.exitCode === 0 && context !== '' ? context : undefined;
            }
            catch (error) {
                if (error instanceof CommandNotFound)
                    return undefined;
                throw error;
            }
        },
        async apply(manifest, target, options) {
            return run(applyArgs(target, options.dryRun), manifest);
        },
    };
}

;// CONCATENATED MODULE: ./src/clients/http.ts
const DEFAULT_HTTP_POLICY = { timeoutMs: 10_000, attempts: 3, backoffMs: 500 };
/** Why an HTTP call to a monitoring service failed, with the service and URL named. */
class HttpFailure extends Error {
    name = 'HttpFailure';
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/**
 * One request with a time limit per attempt and a bounded number of attempts; every retry is
 * logged. Retries network errors, timeouts, 429 and 5xx; any other status is returned to the
 * caller, which knows what it means.
 */
async function requestWithRetry(service, url, init, log, policy = DEFAULT_HTTP_POLICY) {
    const where = `${service} ${init.method} ${redactUrl(url)}`;
    let lastProblem = '';
    for (let attempt = 1; attempt <= policy.attempts; attempt += 1) {
        if (attempt > 1) {
            log.warning(`${where}: retry ${attempt - 1} of ${policy.attempts - 1} after ${lastProblem}`);
            await new Promise((resolve) => setTimeout(resolve, policy.backoffMs * (attempt - 1)));
        }
        try {
            const response = await fetch(url, {
                method: init.method,
                ...(init.body !== undefined ? { body: init.body } : {}),
                ...(init.headers ? { headers: { ...init.headers } } : {}),
                signal: AbortSignal.timeout(policy.timeoutMs),
            });
            const body = await response.text();
            if (response.status === 429 || response.status >= 500) {
                lastProblem = `HTTP ${response.status}: ${body.trim().slice(0, 200)}`;
                continue;
            }
            return { status: response.status, body };
        }
        catch (thrown) {
            lastProblem = describeFetchError(thrown, policy.timeoutMs);
        }
    }
    throw new HttpFailure(`${where} failed after ${policy.attempts} attempt(s): ${lastProblem}.`, undefined);
}
function describeFetchError(thrown, timeoutMs) {
    if (thrown instanceof Error) {
        if (thrown.name === 'TimeoutError' || thrown.name === 'AbortError')
            return `no answer within ${timeoutMs / 1000} s`;
        // fetch() says only "fetch failed"; the cause holds the socket error (or e.g. "bad port").
        const cause = thrown.cause;
        if (cause && typeof cause.code === 'string')
            return `${cause.code}${typeof cause.message === 'string' ? ` (${cause.message})` : ''}`;
        if (cause && typeof cause.message === 'string')
            return `${thrown.message} (${cause.message})`;
        return thrown.message;
    }
    return String(thrown);
}
/** URLs are printed without credentials or query, which may carry tokens. */
function redactUrl(url) {
    const copy = new URL(url.href);
    if (copy.username || copy.password) {
        copy.username = '***';
        copy.password = '';
    }
    copy.search = '';
    return copy.href;
}

;// CONCATENATED MODULE: ./src/clients/prometheus.ts

function createPrometheusApi(url, log, policy = DEFAULT_HTTP_POLICY, basicAuth) {
    const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
    const headers = basicAuth === undefined ? undefined : { authorization: `Basic ${Buffer.from(`${basicAuth.username}:${basicAuth.password}`).toString('base64')}` };
    async function get(pathAndQuery) {
        const target = new URL(pathAndQuery, base);
        const answer = await requestWithRetry('Prometheus', target, { method: 'GET', ...(headers ? { headers } : {}) }, log, policy);
        if (answer.status === 401 || answer.status === 403) {
            const given = basicAuth === undefined ? 'no credentials were sent' : `the credentials of prometheus-username (${basicAuth.username}) were refused`;
            throw new HttpFailure(`Prometheus at ${url.origin} answered ${target.pathname} with HTTP ${answer.status}: ${given}. Set prometheus-username and prometheus-password (from secrets).`, answer.status);
        }
        let envelope;
        try {
            envelope = JSON.parse(answer.body);
        }
        catch {
            throw new HttpFailure(`Prometheus at ${url.origin} answered ${target.pathname} with HTTP ${answer.status} and no JSON: is prometheus-url the Prometheus server (not Grafana or a proxy login page)?`, answer.status);
        }
        if (answer.status !== 200 || envelope.status !== 'success' || envelope.data === undefined) {
            throw new HttpFailure(`Prometheus at ${url.origin} answered ${target.pathname} with HTTP ${answer.status}: ${envelope.errorType ?? ''} ${envelope.error ?? answer.body.slice(0, 200)}`.trim(), answer.status);
        }
        return envelope.data;
    }
    return {
        url,
        async ruleGroups() {
            const data = await get('api/v1/rules');
            return data.groups ?? [];
        },
        async query(expr) {
            const data = await get(`api/v1/query?query=${encodeURIComponent(expr)}`);
            if (data.resultType !== 'vector')
                throw new HttpFailure(`Prometheus query returned a ${data.resultType}, expected a vector: ${expr}`, 200);
            return data.result.map((sample) => ({ metric: sample.metric, value: Number(sample.value[1]) }));
        },
    };
}

;// CONCATENATED MODULE: ./src/clients/promtool.ts




function createPromtool(runner) {
    return {
        async checkRules(ruleFile) {
            let version;
            try {
                const answer = await runner('promtool', ['--version']);
                // "promtool, version 2.42.0+ds (branch: ..., revision: ...)": keep the name and version.
                version = (answer.stdout || answer.stderr).split('\n')[0]?.replace(/\s*\(.*$/, '').trim() || 'promtool';
            }
            catch (error) {
                if (error instanceof CommandNotFound)
                    return undefined;
                throw error;
            }
            const dir = await (0,promises_.mkdtemp)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'srg-rules-'));
            try {
                const file = external_node_path_.join(dir, 'chat-attachment-lifecycle.rules.yml');
                await (0,promises_.writeFile)(file, ruleFile, 'utf8');
                const result = await runner('promtool', ['check', 'rules', file]);
                return { version, exitCode: result.exitCode, output: `${result.stdout}${result.stderr}`.split(dir).join('.').trim() };
            }
            finally {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/clients/pushgateway.ts

/**
 * `/metrics/job/<job>/<label>@base64/<value>...`: every grouping value base64url-encoded, so a prefix
 * holding '/' survives (the Pushgateway's documented form).
 */
function groupingPath(job, grouping) {
    const encode = (value) => Buffer.from(value, 'utf8').toString('base64url') || '=';
    const parts = [`job/${encodeURIComponent(job)}`, ...Object.entries(grouping).map(([label, value]) => `${label}@base64/${encode(value)}`)];
    return `metrics/${parts.join('/')}`;
}
function createPushgateway(url, log, policy = DEFAULT_HTTP_POLICY) {
    return {
        url,
        async push(request) {
            const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
            const target = new URL(groupingPath(request.job, request.grouping), base);
            const answer = await requestWithRetry('Pushgateway', target, { method: request.method, body: request.body, headers: { 'content-type': 'text/plain; version=0.0.4' } }, log, policy);
            if (answer.status !== 200 && answer.status !== 202) {
                throw new HttpFailure(`Pushgateway ${request.method} ${target.href} answered HTTP ${answer.status}: ${answer.body.trim().slice(0, 300)}. Check pushgateway-url and that metric names do not clash with another job's.`, answer.status);
            }
            log.info(`Pushed ${request.body.split('\n').filter((line) => line && !line.startsWith('#')).length} sample(s) to ${target.href} (${request.method}).`);
        },
    };
}

;// CONCATENATED MODULE: ./src/clients/observability.ts






/** The growth and alerts gates' clients; the HTTP ones only when their URL input is set. */
function createObservabilityClients(config, log) {
    const runner = actionsExecRunner();
    return {
        kubectl: createKubectl(runner, log),
        promtool: createPromtool(runner),
        ...(config.growth.pushgatewayUrl ? { pushgateway: createPushgateway(config.growth.pushgatewayUrl, log) } : {}),
        ...(config.prometheus ? { prometheusRules: createPrometheusApi(config.prometheus.url, log, DEFAULT_HTTP_POLICY, config.prometheus.basicAuth) } : {}),
    };
}

// EXTERNAL MODULE: ./src/clients/s3.ts + 5 modules
var clients_s3 = __nccwpck_require__(69530);
// EXTERNAL MODULE: ./src/verdict.ts
var verdict = __nccwpck_require__(53138);
;// CONCATENATED MODULE: ./src/config/duration.ts

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION_PATTERN = /^(\d+(?:ms|s|m|h))+$/;
/** A duration as Prometheus writes it (60s, 5m, 1m30s, 500ms); a bare integer means seconds. */
function parseDuration(input, raw, minMs, maxMs) {
    const value = raw.trim();
    const expected = `a duration such as 60s, 5m or 1m30s (units ms, s, m, h; a bare integer means seconds) from ${formatDuration(minMs)} to ${formatDuration(maxMs)}`;
    let ms;
    if (/^\d+$/.test(value)) {
        ms = Number(value) * 1000;
    }
    else if (DURATION_PATTERN.test(value)) {
        ms = [...value.matchAll(/(\d+)(ms|s|m|h)/g)].reduce((total, [, amount, unit]) => total + Number(amount) * UNIT_MS[unit], 0);
    }
    else {
        throw new verdict/* InputError */.dz(input, raw, expected);
    }
    if (!Number.isSafeInteger(ms) || ms < minMs || ms > maxMs)
        throw new verdict/* InputError */.dz(input, raw, expected);
    return ms;
}
/** Exact and valid for Prometheus: 60000 -> "60s", 1500 -> "1500ms". */
function formatDuration(ms) {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

;// CONCATENATED MODULE: ./src/config/url-secrets.ts
/** `scheme://user:password@`: the userinfo of a URL anywhere in a text. */
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@\s]*)@/gi;
/**
 * Passwords written into URLs in an input's text (as typed and percent-decoded), so they can be
 * masked before anything, even a bad-input message, could print them.
 */
function passwordsInUrls(text) {
    const found = new Set();
    for (const match of text.matchAll(USERINFO)) {
        const password = match[2] ?? '';
        if (password === '')
            continue;
        found.add(password);
        try {
            found.add(decodeURIComponent(password));
        }
        catch {
            // Not valid percent-encoding: the text as typed is what could be printed.
        }
    }
    return [...found];
}
/** The text with every URL password replaced by ***. */
function hideUrlPasswords(text) {
    return text.replace(USERINFO, (_match, prefix, password) => `${prefix}${password === '' ? '' : '***'}@`);
}

;// CONCATENATED MODULE: ./src/config/health-checks.ts



const INPUT = 'health-checks';
const FORM = "one 'name=url' per line (http:// or https:// answered 2xx, redis:// or rediss:// answered PING), optionally followed by ' timeout=5s'";
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const KINDS = { 'http:': 'http', 'https:': 'http', 'redis:': 'redis', 'rediss:': 'redis' };
/** The URL as it may be shown: the password, when there is one, replaced by ***. */
function displayUrl(url) {
    if (url.password === '')
        return url.href;
    const shown = new URL(url.href);
    shown.password = '***';
    return shown.href.replace('%2A%2A%2A', '***');
}
/** Parses the health-checks input; errors name the line but never echo a password. */
function parseHealthChecks(raw, defaultTimeoutMs) {
    const targets = [];
    const secrets = [];
    raw.split(/\r?\n/).forEach((rawLine, index) => {
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const where = (problem) => `line ${index + 1} (${hideUrlPasswords(line)}): ${problem}`;
        const [entry = '', ...options] = line.split(/\s+/);
        const separator = entry.indexOf('=');
        const name = separator > 0 ? entry.slice(0, separator) : '';
        const urlText = separator > 0 ? entry.slice(separator + 1) : '';
        if (!NAME_PATTERN.test(name))
            throw new verdict/* InputError */.dz(INPUT, where('no valid name before ='), `${FORM}; names are letters, digits, '.', '_' or '-'`);
        if (targets.some((target) => target.name === name))
            throw new verdict/* InputError */.dz(INPUT, where(`name '${name}' repeated`), `${FORM}; each name once`);
        let url;
        try {
            url = new URL(urlText);
        }
        catch {
            throw new verdict/* InputError */.dz(INPUT, where('not a URL'), FORM);
        }
        const kind = KINDS[url.protocol];
        if (kind === undefined || url.hostname === '')
            throw new verdict/* InputError */.dz(INPUT, where(`unsupported URL scheme ${url.protocol}`), FORM);
        let timeoutMs = defaultTimeoutMs;
        for (const option of options) {
            const match = /^timeout=(.+)$/.exec(option);
            if (!match)
                throw new verdict/* InputError */.dz(INPUT, where(`unknown option '${option}'`), FORM);
            try {
                timeoutMs = parseDuration(INPUT, match[1] ?? '', 100, 300_000);
            }
            catch {
                throw new verdict/* InputError */.dz(INPUT, where(`timeout '${match[1] ?? ''}'`), `${FORM}; timeout= takes a duration from 100ms to 300s, such as 5s`);
            }
        }
        if (url.password !== '')
            secrets.push(decodeURIComponent(url.password), url.password);
        targets.push({ name, kind, url, display: displayUrl(url), timeoutMs });
    });
    return { targets, secrets: [...new Set(secrets)] };
}

;// CONCATENATED MODULE: ./src/config/parse.ts

// Pure parsers: each takes the raw text of one input and returns its typed value or throws an
// InputError naming the input and the expected form.
function parseInteger(input, raw, min, max) {
    const value = raw.trim();
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new verdict/* InputError */.dz(input, raw, `an integer from ${min} to ${max}`);
    }
    return Number(value);
}
function parseBoolean(input, raw) {
    const value = raw.trim().toLowerCase();
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    throw new verdict/* InputError */.dz(input, raw, 'true or false');
}
function parseChoice(input, raw, choices) {
    const value = raw.trim();
    const found = choices.find((choice) => choice === value);
    if (found === undefined)
        throw new verdict/* InputError */.dz(input, raw, `one of: ${choices.join(', ')}`);
    return found;
}
const ENV_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
function parseAppEnv(input, raw) {
    const value = raw.trim();
    if (!ENV_PATTERN.test(value)) {
        throw new verdict/* InputError */.dz(input, raw, 'a name matching [a-z0-9][a-z0-9-]* (at most 63 characters), e.g. staging');
    }
    return value;
}
const SEGMENT_PATTERN = /^[A-Za-z0-9._-]+$/;
const PREFIX_FORM = "at most 150 characters: letters, digits, '.', '_' or '-' in '/'-separated segments, no leading '/', no '..', no '*', no empty segment";
/** A key prefix without its trailing '/' (which is normalised away). */
function parseKeyPrefix(input, raw) {
    const value = raw.trim().replace(/\/$/, '');
    const segments = value.split('/');
    const valid = value.length > 0 &&
        value.length <= 150 &&
        !value.includes('..') &&
        segments.every((segment) => SEGMENT_PATTERN.test(segment) && segment !== '.');
    if (!valid)
        throw new verdict/* InputError */.dz(input, raw, PREFIX_FORM);
    return value;
}
/** Comma-separated prefixes, each under `<base>/`, returned with a trailing '/'. */
function parsePrefixList(input, raw, base) {
    const parts = raw.split(',').map((part) => part.trim());
    if (parts.some((part) => part.length === 0)) {
        throw new verdict/* InputError */.dz(input, raw, `a comma-separated list of prefixes under '${base}/', with no empty entry`);
    }
    const prefixes = parts.map((part) => {
        const prefix = `${parseKeyPrefix(input, part)}/`;
        if (!prefix.startsWith(`${base}/`)) {
            throw new verdict/* InputError */.dz(input, raw, `every prefix under '${base}/' (the chat-attachment-s3-prefix), e.g. '${base}/staging/'`);
        }
        return prefix;
    });
    return [...new Set(prefixes)];
}
const IPV4_PATTERN = /^\d{1,3}(\.\d{1,3}){3}$/;
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const RESERVED_BUCKET_AFFIXES = { prefixes: ['xn--', 'sthree-', 'amzn-s3-demo-'], suffixes: ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'] };
/** S3 general purpose bucket naming rules. */
function parseBucketName(input, raw) {
    const value = raw.trim();
    const valid = BUCKET_PATTERN.test(value) &&
        !value.includes('..') &&
        !value.includes('.-') &&
        !value.includes('-.') &&
        !IPV4_PATTERN.test(value) &&
        !RESERVED_BUCKET_AFFIXES.prefixes.some((prefix) => value.startsWith(prefix)) &&
        !RESERVED_BUCKET_AFFIXES.suffixes.some((suffix) => value.endsWith(suffix));
    if (!valid) {
        throw new verdict/* InputError */.dz(input, raw, 'an S3 bucket name: 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit, not an IP address');
    }
    return value;
}
function parseEndpoint(input, raw) {
    const value = raw.trim();
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new verdict/* InputError */.dz(input, shownUrlInput(value), 'an http(s) URL such as http://127.0.0.1:9000');
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
        throw new verdict/* InputError */.dz(input, shownUrlInput(value), 'an http(s) URL without credentials, query or fragment, such as http://127.0.0.1:9000');
    }
    return url;
}
/**
 * A URL input as the user typed it, for an error message, less what may carry credentials: the
 * userinfo (with or without a scheme) and the query and fragment. Not re-serialised by URL, which
 * would show `localhost:7651` as `localhost://7651`.
 */
function shownUrlInput(value) {
    return value
        .replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#\s]*@/i, (_all, scheme) => `${scheme ?? ''}***@`)
        .replace(/\?[^#]*/, '?***')
        .replace(/#.*$/, '#***');
}
function parseRegion(input, raw) {
    const value = raw.trim();
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(value))
        throw new verdict/* InputError */.dz(input, raw, 'a region name such as us-east-1');
    return value;
}
/** Comma-separated lifecycle rule IDs (S3: at most 255 characters each), without duplicates. */
function parseRuleIdList(input, raw) {
    const ids = raw.split(',').map((part) => part.trim());
    // eslint-disable-next-line no-control-regex
    const valid = ids.every((id) => id.length > 0 && id.length <= 255 && !/[\u0000-\u001f\u007f]/.test(id));
    if (!valid)
        throw new verdict/* InputError */.dz(input, raw, 'a comma-separated list of lifecycle rule IDs (1 to 255 characters each, no control characters, no empty entry)');
    return [...new Set(ids)];
}

;// CONCATENATED MODULE: ./src/config/parse-github.ts

// Pure parsers of the branch-protection inputs; each throws an InputError naming the input.
const OWNER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
function parseRepository(input, raw) {
    const value = raw.trim();
    const [owner, repo, ...rest] = value.split('/');
    if (owner === undefined || repo === undefined || rest.length > 0 || !OWNER_PATTERN.test(owner) || !REPO_PATTERN.test(repo) || repo === '.' || repo === '..') {
        throw new verdict/* InputError */.dz(input, raw, 'the format owner/repo, e.g. octo-org/chat-service');
    }
    return { owner, repo };
}
/** A branch name as git allows it (git check-ref-format); a leading refs/heads/ is dropped. */
function parseBranchName(input, raw) {
    const value = raw.trim().replace(/^refs\/heads\//, '');
    const valid = value.length > 0 &&
        value.length <= 255 &&
        !/[\x00-\x20\x7f~^:?*[\\]/.test(value) &&
        !value.includes('..') &&
        !value.includes('@{') &&
        !value.includes('//') &&
        !value.startsWith('/') &&
        !value.startsWith('-') &&
        !value.endsWith('/') &&
        !value.endsWith('.') &&
        !value.endsWith('.lock') &&
        value !== '@' &&
        value.split('/').every((part) => !part.startsWith('.'));
    if (!valid)
        throw new verdict/* InputError */.dz(input, raw, 'a git branch name such as main or release/1.x (no spaces, no ~^:?*[\\, no ..)');
    return value;
}
/** A check name: one line, as GitHub shows it; surrounding spaces are not part of it. */
function parseCheckName(input, raw) {
    const value = raw.trim();
    if (value.length === 0 || value.length > 255 || /[\r\n\t]/.test(value)) {
        throw new verdict/* InputError */.dz(input, raw, 'a check name on one line (at most 255 characters), e.g. CI / surreal-release-gates');
    }
    return value;
}
/** GITHUB_API_URL: an http(s) URL, path allowed (GitHub Enterprise Server serves /api/v3). */
function parseApiUrl(input, raw) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        throw new verdict/* InputError */.dz(input, raw, 'an http(s) URL such as https://api.github.com or https://ghe.example.com/api/v3');
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
        throw new verdict/* InputError */.dz(input, raw, 'an http(s) URL without credentials, query or fragment, such as https://api.github.com');
    }
    return url;
}
/**
 * A token is never echoed: errors name the input only. An unexpanded workflow expression (the
 * action.yml default read outside a runner) counts as unset.
 */
function parseToken(input, raw) {
    const value = raw?.trim();
    if (value === undefined || value === '' || /^\$\{\{.*\}\}$/.test(value))
        return undefined;
    if (/\s/.test(value))
        throw new verdict/* InputError */.dz(input, '', 'a GitHub token without whitespace (the value is not shown)');
    return value;
}

;// CONCATENATED MODULE: ./src/config/load-github.ts



const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/** Time limit of one GitHub API attempt; retries and rate-limit waits are bounded separately. */
const GITHUB_TIMEOUT_MS = 30_000;
/**
 * The branch-protection gate's settings. Given values are always validated; the token and the
 * repository are required only when the gate is selected, so S3-only runs need neither.
 */
function loadGitHubSettings({ raw, withDefault }, env, gates) {
    const selected = gates.includes('branch-protection');
    const apiUrlRaw = env.GITHUB_API_URL?.trim();
    const apiUrl = parseApiUrl('GITHUB_API_URL', apiUrlRaw === undefined || apiUrlRaw === '' ? DEFAULT_GITHUB_API_URL : apiUrlRaw);
    const token = parseToken('github-token', raw('github-token'));
    const adminToken = parseToken('github-admin-token', raw('github-admin-token'));
    const repositoryRaw = raw('github-repository') ?? nonEmpty(env.GITHUB_REPOSITORY);
    const repository = repositoryRaw === undefined ? undefined : parseRepository('github-repository', repositoryRaw);
    const branchRaw = raw('github-branch');
    const branch = branchRaw === undefined ? undefined : parseBranchName('github-branch', branchRaw);
    const requiredCheck = parseCheckName('required-check', withDefault('required-check'));
    const mode = parseChoice('branch-protection-mode', withDefault('branch-protection-mode'), ['check', 'plan', 'apply']);
    const target = parseChoice('branch-protection-target', withDefault('branch-protection-target'), ['ruleset', 'classic']);
    if (selected && token === undefined) {
        throw new verdict/* InputError */.dz('github-token', '', 'a GitHub token for the branch-protection gate: the workflow token (default in the action) or GITHUB_TOKEN in the CLI');
    }
    if (selected && repository === undefined) {
        throw new verdict/* InputError */.dz('github-repository', '', 'owner/repo for the branch-protection gate (GITHUB_REPOSITORY is not set)');
    }
    return { apiUrl, token, adminToken, repository, branch, requiredCheck, mode, target, timeoutMs: GITHUB_TIMEOUT_MS };
}
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(38815);
;// CONCATENATED MODULE: ./src/hot-path/checks.ts


const COMPARISONS = ['<', '<=', '>', '>='];
const checks_INPUT = 'hot-path-checks';
const checks_FORM = 'a YAML list (or a mapping with a `checks` list) of checks, each {name, query, comparison (<, <=, >, >=), threshold (a number), optional unit and description}';
const KEYS = new Set(['name', 'query', 'comparison', 'threshold', 'unit', 'description']);
const checks_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,79}$/;
const MAX_CHECKS = 50;
const MAX_QUERY_LENGTH = 4000;
/**
 * Parses and validates the checks; any problem is one InputError line naming the check and the
 * field, so a typo (`treshold`, `comparison: =<`) stops the run before anything is queried.
 */
function parseHotPathChecks(text, source) {
    const fail = (where, expected) => {
        throw new verdict/* InputError */.dz(checks_INPUT, `${source}: ${where}`, `${expected}; the checks are ${checks_FORM}`);
    };
    const document = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true, uniqueKeys: true });
    const syntax = document.errors[0];
    if (syntax !== undefined) {
        const hint = /:\s*>/.test(text) ? " (quote comparisons: a bare '>' starts a YAML block scalar, write '>=')" : '';
        fail(`YAML syntax error: ${(syntax.message.split('\n')[0] ?? '').replace(/:$/, '')}`, `valid YAML${hint}`);
    }
    const root = document.toJS({ maxAliasCount: 50 });
    const list = isRecord(root) && Object.keys(root).length === 1 && 'checks' in root ? root.checks : root;
    if (!Array.isArray(list) || list.length === 0)
        fail('no list of checks', 'at least one check');
    const items = list;
    if (items.length > MAX_CHECKS)
        fail(`${items.length} checks`, `at most ${MAX_CHECKS} checks`);
    const checks = [];
    items.forEach((item, index) => {
        const label = `check ${index + 1}${isRecord(item) && typeof item.name === 'string' ? ` (${item.name})` : ''}`;
        if (!isRecord(item))
            return fail(`${label} is not a mapping`, 'each check to be a mapping of name, query, comparison, threshold');
        const unknown = Object.keys(item).filter((key) => !KEYS.has(key));
        if (unknown.length > 0)
            fail(`${label} has unknown field(s) ${unknown.join(', ')}`, `only the fields ${[...KEYS].join(', ')}`);
        const { name, query, comparison, threshold, unit, description } = item;
        if (typeof name !== 'string' || !checks_NAME_PATTERN.test(name.trim())) {
            fail(`${label}: name ${show(name)}`, 'a name of 1-80 letters, digits, spaces or . _ : / -, starting with a letter or digit');
        }
        const checkName = name.trim();
        if (checks.some((check) => check.name === checkName))
            fail(`${label}: name repeated`, 'every check name once');
        if (typeof query !== 'string' || query.trim() === '' || query.length > MAX_QUERY_LENGTH) {
            fail(`${label}: query ${typeof query === 'string' ? 'empty or too long' : show(query)}`, `a PromQL expression of at most ${MAX_QUERY_LENGTH} characters`);
        }
        const found = COMPARISONS.find((candidate) => candidate === (typeof comparison === 'string' ? comparison.trim() : comparison));
        if (found === undefined)
            fail(`${label}: comparison ${show(comparison)}`, `comparison to be one of ${COMPARISONS.join(', ')} (quoted in YAML)`);
        if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
            fail(`${label}: threshold ${show(threshold)}`, 'threshold to be a finite number in the unit of the query (e.g. 300 for ms, 0.01 for a ratio)');
        }
        for (const [field, value] of [['unit', unit], ['description', description]]) {
            if (value !== undefined && value !== null && (typeof value !== 'string' || value.length > 200)) {
                fail(`${label}: ${field} ${show(value)}`, `${field} to be text of at most 200 characters`);
            }
        }
        checks.push({
            name: checkName,
            query: query.trim(),
            comparison: found,
            threshold: threshold,
            ...(typeof unit === 'string' && unit.trim() !== '' ? { unit: unit.trim() } : {}),
            ...(typeof description === 'string' && description.trim() !== '' ? { description: description.trim() } : {}),
        });
    });
    return checks;
}
/** Whether the input names a file rather than holding YAML itself. */
function looksLikeInlineYaml(raw) {
    const value = raw.trim();
    return value.includes('\n') || /^[-[{]/.test(value) || /^checks\s*:/.test(value);
}
/** A value for a one-line message: text in single quotes (no JSON escapes), absence as 'missing'. */
function show(value) {
    if (value === undefined || value === null)
        return 'missing';
    return typeof value === 'string' ? `'${value.slice(0, 80)}'` : JSON.stringify(value).slice(0, 80);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/hot-path/window.ts
/**
 * The window ends `windowMs` after the run started, and never before the gate starts: so it never
 * reaches back before this rollout began, it covers the changes the earlier gates made while
 * they were made, and when those took longer than the window it is the last `windowMs` before the
 * gate (all of it after the run started). The gate waits until the end has passed.
 */
function observationWindow({ runStartMs, gateStartMs, windowMs, stepMs }) {
    // On a whole second, so sample times read cleanly in the report and on the graph page.
    const endMs = Math.ceil(Math.max(gateStartMs, Math.min(runStartMs, gateStartMs) + windowMs) / 1000) * 1000;
    return { startMs: endMs - windowMs, endMs, stepMs, expectedSamples: expectedSamples(windowMs, stepMs) };
}
function expectedSamples(windowMs, stepMs) {
    return Math.floor(windowMs / stepMs) + 1;
}
/** Every evaluation point but one: a scrape may be missed, most of the window must be seen. */
function defaultMinSamples(windowMs, stepMs) {
    return Math.max(1, expectedSamples(windowMs, stepMs) - 1);
}

;// CONCATENATED MODULE: ./src/config/load-hot-path.ts








const MAX_WINDOW_MS = 3_600_000;
/** Prometheus refuses query_range results above 11,000 points per series. */
const MAX_POINTS = 11_000;
/** prometheus-url: an http(s) base URL; user:password@ becomes basic auth (the password is masked). */
function parsePrometheusUrl(input, raw) {
    const value = raw.trim();
    const shown = hideUrlPasswords(value);
    const expected = 'an http(s) base URL of Prometheus without query or fragment, such as http://prometheus.monitoring:9090 (user:password@ for basic auth)';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new verdict/* InputError */.dz(input, shown, expected);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash)
        throw new verdict/* InputError */.dz(input, shown, expected);
    const basicAuth = url.username === '' && url.password === ''
        ? undefined
        : { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
    const bare = new URL(url.href);
    bare.username = '';
    bare.password = '';
    return { url: bare, basicAuth };
}
/** Settings of the Prometheus client; undefined when prometheus-url is unset and no gate needs it. */
function loadPrometheus(inputs, needed) {
    const raw = inputs.raw('prometheus-url');
    if (raw === undefined) {
        if (needed)
            throw new verdict/* InputError */.dz('prometheus-url', '', 'the Prometheus base URL, e.g. http://prometheus.monitoring:9090 (the hot-path gate queries it)');
        return undefined;
    }
    const { url, basicAuth: fromUrl } = parsePrometheusUrl('prometheus-url', raw);
    const fromInputs = prometheusCredentials(inputs);
    if (fromUrl !== undefined && fromInputs !== undefined) {
        throw new verdict/* InputError */.dz('prometheus-username', '', 'credentials in prometheus-username and prometheus-password, or in prometheus-url, not both');
    }
    const timeoutSeconds = parseInteger('prometheus-timeout-seconds', inputs.withDefault('prometheus-timeout-seconds'), 1, 600);
    return { url, basicAuth: fromInputs ?? fromUrl, timeoutMs: timeoutSeconds * 1000 };
}
/** prometheus-username and prometheus-password: both or neither; the password is never echoed. */
function prometheusCredentials(inputs) {
    const username = inputs.raw('prometheus-username')?.trim();
    const password = inputs.raw('prometheus-password')?.trim();
    if (username === undefined && password === undefined)
        return undefined;
    if (username === undefined || password === undefined) {
        throw new verdict/* InputError */.dz(username === undefined ? 'prometheus-username' : 'prometheus-password', '', 'both prometheus-username and prometheus-password, or neither');
    }
    if (/[:\r\n]/.test(username))
        throw new verdict/* InputError */.dz('prometheus-username', username.replace(/[\r\n]/g, ' '), 'a basic-auth user name without a colon or line break');
    return { username, password };
}
/** The hot-path checks, window and policies; undefined when hot-path-checks is unset and the gate is not selected. */
function loadHotPath(inputs, workspace, needed) {
    const raw = inputs.raw('hot-path-checks');
    const windowMs = parseDuration('hot-path-window', inputs.withDefault('hot-path-window'), 1000, MAX_WINDOW_MS);
    const stepMs = parseDuration('hot-path-step', inputs.withDefault('hot-path-step'), 1000, windowMs);
    if (expectedSamples(windowMs, stepMs) > MAX_POINTS) {
        throw new verdict/* InputError */.dz('hot-path-step', inputs.withDefault('hot-path-step'), `a step giving at most ${MAX_POINTS} samples over hot-path-window (${formatDuration(windowMs)})`);
    }
    const possible = expectedSamples(windowMs, stepMs);
    const minRaw = inputs.raw('hot-path-min-samples');
    const minSamples = minRaw === undefined ? defaultMinSamples(windowMs, stepMs) : parseInteger('hot-path-min-samples', minRaw, 1, possible);
    const onNoData = parseChoice('on-no-data', inputs.withDefault('on-no-data'), ['fail', 'pass']);
    if (raw === undefined) {
        if (needed) {
            throw new verdict/* InputError */.dz('hot-path-checks', '', 'a YAML file path or inline YAML listing the checks of the hot-path gate (see docs/gates/hot-path.md)');
        }
        return undefined;
    }
    let text = raw;
    let source = 'inline YAML';
    if (!looksLikeInlineYaml(raw)) {
        source = raw.trim();
        const file = external_node_path_.resolve(workspace, source);
        try {
            text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch (error) {
            const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
            throw new verdict/* InputError */.dz('hot-path-checks', source, `a readable YAML file relative to the workspace, or inline YAML (${file}: ${code})`);
        }
    }
    return { checks: parseHotPathChecks(text, source), checksSource: source, windowMs, stepMs, minSamples, onNoData };
}

;// CONCATENATED MODULE: ./src/config/load-publish.ts



/**
 * What the run publishes on GitHub after the gates (drift issue, plan comment), and the facts of
 * the workflow run it needs: the link to the run and, in a pull_request run, the pull request.
 * Publishing never decides a verdict, but asking for it without what it needs is bad input.
 */
function loadPublishSettings({ withDefault }, env, { gates, mode, github }) {
    const driftIssue = parseChoice('drift-issue', withDefault('drift-issue').trim().toLowerCase(), ['false', 'true', 'plan']);
    const planComment = parseBoolean('plan-comment', withDefault('plan-comment'));
    const publishing = driftIssue !== 'false' || planComment;
    const which = [...(driftIssue !== 'false' ? ['drift-issue'] : []), ...(planComment ? ['plan-comment'] : [])].join(' and ');
    if (publishing && github.token === undefined) {
        throw new verdict/* InputError */.dz('github-token', '', `a GitHub token for ${which}: the workflow token (default in the action) or GITHUB_TOKEN in the CLI`);
    }
    if (publishing && github.repository === undefined) {
        throw new verdict/* InputError */.dz('github-repository', '', `owner/repo for ${which} (GITHUB_REPOSITORY is not set)`);
    }
    if (planComment && !gates.includes('lifecycle')) {
        throw new verdict/* InputError */.dz('plan-comment', 'true', 'false, or the lifecycle gate in gates (the comment is its plan)');
    }
    if (planComment && mode !== 'plan') {
        throw new verdict/* InputError */.dz('plan-comment', 'true', 'false, or mode: plan (a pull request shows what apply would change; it must not change the bucket)');
    }
    const eventName = load_publish_nonEmpty(env.GITHUB_EVENT_NAME);
    const pullRequest = planComment && eventName === 'pull_request' ? readPullRequest(env.GITHUB_EVENT_PATH) : undefined;
    return {
        driftIssue: driftIssue === 'true' ? 'apply' : driftIssue === 'plan' ? 'plan' : 'off',
        planComment,
        eventName,
        pullRequest,
        runUrl: runUrl(env),
    };
}
/** The link to this workflow run, when the runner's variables say which run it is. */
function runUrl(env) {
    const server = load_publish_nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com';
    const repository = load_publish_nonEmpty(env.GITHUB_REPOSITORY);
    const runId = load_publish_nonEmpty(env.GITHUB_RUN_ID);
    if (repository === undefined || runId === undefined)
        return undefined;
    if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^\d+$/.test(runId))
        return undefined;
    const attempt = load_publish_nonEmpty(env.GITHUB_RUN_ATTEMPT);
    const suffix = attempt !== undefined && /^\d+$/.test(attempt) && attempt !== '1' ? `/attempts/${attempt}` : '';
    return `${server.replace(/\/$/, '')}/${repository}/actions/runs/${runId}${suffix}`;
}
/**
 * The pull request of a pull_request event, from the payload the runner writes. A pull request
 * whose head is in another repository (a fork, or a deleted one) runs with a read-only token.
 */
function readPullRequest(eventPath) {
    if (eventPath === undefined || eventPath.trim() === '')
        return { problem: 'GITHUB_EVENT_PATH is not set, so the pull request is unknown' };
    let payload;
    try {
        payload = JSON.parse((0,external_node_fs_.readFileSync)(eventPath, 'utf8'));
    }
    catch (error) {
        return { problem: `the event payload (GITHUB_EVENT_PATH) could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
    const pull = payload.pull_request;
    const number = pull?.number ?? payload.number;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
        return { problem: 'the event payload names no pull request number' };
    const head = pull?.head?.repo?.full_name;
    const base = pull?.base?.repo?.full_name;
    const fork = typeof head !== 'string' || typeof base !== 'string' || head.toLowerCase() !== base.toLowerCase();
    return { number, fork, headSha: typeof pull?.head?.sha === 'string' ? pull.head.sha : undefined };
}
function load_publish_nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}

;// CONCATENATED MODULE: ./src/config/parse-alerts.ts

// Parsers of the growth and alerts gates' inputs; pure, each throwing an InputError that names
// the input and the expected form.
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;
/** Kubernetes label key: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
function isLabelKey(key) {
    const slash = key.lastIndexOf('/');
    if (slash === -1)
        return LABEL_NAME.test(key);
    const prefix = key.slice(0, slash);
    return prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix) && LABEL_NAME.test(key.slice(slash + 1));
}
/** `key=value,key=value` as Kubernetes labels; an empty value is allowed, a repeated key is not. */
function parseLabelList(input, raw) {
    const expected = 'comma-separated key=value Kubernetes labels, e.g. release=kube-prometheus-stack';
    const labels = {};
    for (const part of raw.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0)) {
        const equals = part.indexOf('=');
        if (equals <= 0)
            throw new verdict/* InputError */.dz(input, raw, expected);
        const key = part.slice(0, equals).trim();
        const value = part.slice(equals + 1).trim();
        if (!isLabelKey(key) || !LABEL_VALUE.test(value) || key in labels)
            throw new verdict/* InputError */.dz(input, raw, `${expected} (each key once)`);
        labels[key] = value;
    }
    return labels;
}
/** A Kubernetes namespace: a DNS label. */
function parseNamespace(input, raw) {
    const value = raw.trim();
    if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(value))
        throw new verdict/* InputError */.dz(input, raw, 'a Kubernetes namespace (lowercase letters, digits and -, at most 63), e.g. monitoring');
    return value;
}
/** A kubeconfig context name: cloud providers use ':', '/', '_' and '@', so only blanks are refused. */
function parseContextName(input, raw) {
    const value = raw.trim();
    if (value.length > 253 || !/^[\x21-\x7e]+$/.test(value))
        throw new verdict/* InputError */.dz(input, raw, 'a kubeconfig context name without spaces (at most 253 characters)');
    return value;
}
/** An absolute http(s) URL, or a path for docs kept beside the code; never a javascript: or other scheme. */
function parseRunbookUrl(input, raw) {
    const value = raw.trim();
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
    const valid = value.length <= 1000 && !/\s/.test(value) && !value.includes('#') && (scheme === undefined || scheme === 'http' || scheme === 'https');
    if (!valid)
        throw new verdict/* InputError */.dz(input, raw, 'an http(s) URL (or a path) without spaces or #fragment, e.g. https://github.com/acme/chat/blob/main/docs/runbooks/attachments.md');
    return value;
}

;// CONCATENATED MODULE: ./src/config/parse-growth.ts


// Parsers of the growth gate's source inputs; pure, each throwing an InputError that names the
// input and the expected form.
const LOCATION_FORM = 's3://<bucket>/<prefix>/ (the inventory destination bucket and the folder above its dated folders), e.g. s3://chat-inventory/inventory/chat-attachments-prod/daily/';
/**
 * `s3://bucket/prefix/`: the bucket by S3's naming rules; the prefix any key prefix without
 * control characters, normalised to end in '/' (empty: the bucket's root).
 */
function parseS3Location(input, raw) {
    const value = raw.trim();
    const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(value);
    if (!match?.[1])
        throw new verdict/* InputError */.dz(input, raw, LOCATION_FORM);
    const bucket = parseBucketName(input, match[1]);
    const path = match[2] ?? '';
    if (path.length > 900 || /[\u0000-\u001f\u007f]/.test(path) || path.startsWith('/') || path.includes('//')) {
        throw new verdict/* InputError */.dz(input, raw, LOCATION_FORM);
    }
    return { bucket, prefix: path === '' || path.endsWith('/') ? path : `${path}/` };
}
/** growth-source and inventory-location together: inventory needs a location, list takes none. */
function parseGrowthSource(sourceRaw, locationRaw) {
    const source = parseChoice('growth-source', sourceRaw, ['list', 'inventory']);
    if (source === 'list') {
        if (locationRaw !== undefined) {
            throw new verdict/* InputError */.dz('growth-source', sourceRaw, 'inventory when inventory-location is set (or leave inventory-location empty to list the prefix)');
        }
        return { source, inventoryLocation: undefined };
    }
    if (locationRaw === undefined)
        throw new verdict/* InputError */.dz('inventory-location', '', `${LOCATION_FORM}, required with growth-source: inventory`);
    return { source, inventoryLocation: parseS3Location('inventory-location', locationRaw) };
}

;// CONCATENATED MODULE: ./src/config/reports-dir.ts


/**
 * reports-dir, resolved against the workspace. On a runner it must lie inside one of `roots`
 * (the workspace, RUNNER_TEMP): reports are written there, and a path such as ../.ssh or /etc
 * would write into places the job does not own. Without roots (the CLI on an operator's
 * machine) any directory is taken.
 */
function parseReportsDir(input, raw, workspace, roots) {
    const resolved = external_node_path_.resolve(workspace, raw.trim());
    if (roots === undefined)
        return resolved;
    const inside = roots.some((root) => {
        const relative = external_node_path_.relative(external_node_path_.resolve(root), resolved);
        return relative === '' || (relative !== '..' && !relative.startsWith(`..${external_node_path_.sep}`) && !external_node_path_.isAbsolute(relative));
    });
    if (!inside) {
        throw new verdict/* InputError */.dz(input, raw, `a directory inside the workspace or RUNNER_TEMP (${roots.join(', ')}), e.g. docs/research`);
    }
    return resolved;
}

;// CONCATENATED MODULE: ./src/smoke/api-templates.ts
/** `:name` placeholders in path and key templates, e.g. `/v1/chat/attachments/:attachment_id/download`. */
const PLACEHOLDER = /:([a-z_]+)/g;
function placeholdersOf(template) {
    return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}
/** Replaces every `:name` with `encode(values[name])`; throws on a name without a value. */
function expandTemplate(template, values, encode = (value) => value) {
    return template.replace(PLACEHOLDER, (whole, name) => {
        const value = values[name];
        if (value === undefined)
            throw new Error(`template ${template} uses :${name}, which has no value`);
        return encode(value);
    });
}
/** Reads a field of a JSON answer by name or dot path (`data.attachment_id`); strings and integers only. */
function readIdField(json, fieldPath) {
    let current = json;
    for (const part of fieldPath.split('.')) {
        if (typeof current !== 'object' || current === null || Array.isArray(current))
            return undefined;
        current = current[part];
    }
    if (typeof current === 'string')
        return current;
    if (typeof current === 'number' && Number.isSafeInteger(current))
        return String(current);
    return undefined;
}
/** An id safe to put into a URL path and an object key: no separators, no traversal. */
function isSafeId(id) {
    return /^[A-Za-z0-9._-]{1,200}$/.test(id) && id !== '.' && id !== '..';
}

;// CONCATENATED MODULE: ./src/smoke/budget.ts
/**
 * Time budgets of a smoke run, in multiples of s3-timeout-seconds (the limit of one request,
 * retries included). They make "a worst-case smoke run" a number: the storage level stops at its
 * budget, cleanup at its own, so a run's objects exist for at most worstCaseSmokeRunMs after its
 * run id was taken. smoke-stale-after must be longer, or one run could sweep a live one.
 */
/** Rounds of requests the storage level may spend (it needs about 14 when every one is slow). */
const STORAGE_ROUNDS = 8;
/** The two pauses before re-reading a wrong x-amz-expiration. */
const STORAGE_PAUSES_MS = 2000;
/** Cleanup's rounds: list (in parallel), abort and delete, delete versions, the final listing. */
const CLEANUP_ROUNDS = 4;
const SLACK_MS = 1000;
function storageBudgetMs(s3TimeoutMs) {
    return STORAGE_ROUNDS * s3TimeoutMs + STORAGE_PAUSES_MS;
}
function cleanupBudgetMs(s3TimeoutMs) {
    return CLEANUP_ROUNDS * s3TimeoutMs + SLACK_MS;
}
/** The longest a run's objects can exist, counted from its run id: 12 x s3-timeout-seconds + 3 s. */
function worstCaseSmokeRunMs(s3TimeoutMs) {
    return storageBudgetMs(s3TimeoutMs) + cleanupBudgetMs(s3TimeoutMs);
}
/** The sweep of earlier runs' debris (listing `_smoke/`, deleting, aborting) gets this long. */
function debrisBudgetMs(s3TimeoutMs) {
    return 6 * s3TimeoutMs;
}

;// CONCATENATED MODULE: ./src/smoke/objects.ts
/** S3's smallest part (every part but the last); a smaller threshold still uses parts this big. */
const MIN_PART_BYTES = 5 * 1024 * 1024;
const MIB = 1024 * 1024;
/** Sizes that are not multiples of anything, so off-by-one range and part errors show. */
const PAYLOAD_BYTES = 64 * 1024 + 123;
/**
 * What the large payload has beyond the threshold: a short last part (more than the ranged read's
 * KiB, so the last-KiB read lies inside it). The multipart path needs no more than one full part
 * and a last one; every MiB beyond that is uploaded and read back for nothing.
 */
const LARGE_EXTRA_BYTES = 64 * 1024 + 321;
const RANGE_BYTES = 1024;
// node:crypto is loaded when the smoke gate first hashes, not at every start-up.
const createHash = (algorithm) => process.getBuiltinModule('node:crypto').createHash(algorithm);
const sha256Hex = (bytes) => createHash('sha256').update(bytes).digest('hex');
const md5Base64 = (bytes) => createHash('md5').update(bytes).digest('base64');
/** A body above the threshold takes the multipart path, as the SDKs' upload helpers do. */
function uploadPathFor(size, thresholdBytes) {
    return size > thresholdBytes ? 'multipart' : 'single';
}
/** Splits `size` bytes into parts of `max(threshold, 5 MiB)`; the last part takes the rest. */
function partRanges(size, thresholdBytes) {
    const partSize = Math.max(thresholdBytes, MIN_PART_BYTES);
    const parts = [];
    for (let start = 0, partNumber = 1; start < size; start += partSize, partNumber += 1) {
        parts.push({ partNumber, start, end: Math.min(size, start + partSize) });
    }
    return parts;
}
/** The first and the last KiB of an object (the whole object when it is smaller). */
function firstAndLastRanges(size) {
    if (size === 0)
        return [];
    const length = Math.min(RANGE_BYTES, size);
    const range = (label, start) => ({
        label,
        start,
        end: start + length - 1,
        header: `bytes=${start}-${start + length - 1}`,
    });
    return [range('first', 0), range('last', size - length)];
}
/** The Content-Range a server must answer for `range` of an object of `size` bytes. */
function expectedContentRange(range, size) {
    return `bytes ${range.start}-${range.end}/${size}`;
}
/**
 * The run's objects, shaped like a chat attachment: a random payload (single PUT), a larger one
 * above the multipart threshold, and the metadata document the service stores beside them.
 */
function planSmokeObjects(input) {
    const attachmentId = `smoke-${input.runId}`;
    const make = (name, body, contentType) => {
        const sha256 = sha256Hex(body);
        const upload = uploadPathFor(body.length, input.multipartThresholdBytes);
        return {
            name,
            key: `${input.runPrefix}${name}`,
            body,
            contentType,
            metadata: { 'attachment-id': attachmentId, 'smoke-run-id': input.runId, sha256 },
            sha256,
            md5Base64: md5Base64(body),
            upload,
            parts: upload === 'multipart' ? partRanges(body.length, input.multipartThresholdBytes) : [],
        };
    };
    const payload = make('payload.bin', input.random(PAYLOAD_BYTES), 'application/octet-stream');
    const large = make('payload-large.bin', input.random(input.multipartThresholdBytes + LARGE_EXTRA_BYTES), 'application/octet-stream');
    const meta = {
        attachment_id: attachmentId,
        file_name: payload.name,
        content_type: payload.contentType,
        size_bytes: payload.body.length,
        sha256: payload.sha256,
        storage_key: payload.key,
        created_at: input.createdAt.toISOString(),
        source: 'surreal-release-gates smoke',
    };
    const metaJson = make('meta.json', new TextEncoder().encode(`${JSON.stringify(meta, null, 2)}\n`), 'application/json');
    return [payload, large, metaJson];
}

;// CONCATENATED MODULE: ./src/config/smoke.ts






const PATH_PATTERN = /^\/[A-Za-z0-9._~!$&'()*+,;=@:/-]*$/;
const FIELD_PATTERN = /^[A-Za-z0-9_.[\]-]{1,100}$/;
const ID_FIELD_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const KEY_TEMPLATE_PATTERN = /^[A-Za-z0-9._:/-]+$/;
/** The smoke gate's inputs; the chat API ones are checked even when chat-api-url is unset. */
function loadSmokeSettings(inputs) {
    const { raw, withDefault } = inputs;
    const thresholdMib = parseInteger('smoke-multipart-threshold-mib', withDefault('smoke-multipart-threshold-mib'), 5, 512);
    const staleAfterMs = parseStaleAfter(withDefault('smoke-stale-after'), inputs.s3TimeoutMs);
    const uploadPath = parsePathTemplate('chat-api-upload-path', withDefault('chat-api-upload-path'), []);
    const downloadPath = parsePathTemplate('chat-api-download-path', withDefault('chat-api-download-path'), ['attachment_id']);
    const uploadField = withDefault('chat-api-upload-field').trim();
    if (!FIELD_PATTERN.test(uploadField)) {
        throw new verdict/* InputError */.dz('chat-api-upload-field', uploadField, "a form field name of letters, digits, '_', '-', '.', '[' or ']', e.g. file");
    }
    const idField = withDefault('chat-api-id-field').trim();
    if (!ID_FIELD_PATTERN.test(idField)) {
        throw new verdict/* InputError */.dz('chat-api-id-field', idField, 'a JSON field name or dot path, e.g. attachment_id or data.id');
    }
    const objectKeyTemplate = parseObjectKeyTemplate(withDefault('chat-api-object-key'), inputs);
    const timeoutSeconds = parseInteger('chat-api-timeout-seconds', withDefault('chat-api-timeout-seconds'), 1, 600);
    const urlRaw = raw('chat-api-url');
    if (inputs.token !== undefined && /[\s\u0000-\u001f\u007f]/.test(inputs.token)) {
        // The value is a secret: the message names the input only.
        throw new verdict/* InputError */.dz('chat-api-token', '', 'a bearer token without whitespace or control characters');
    }
    return {
        multipartThresholdBytes: thresholdMib * MIB,
        staleAfterMs,
        api: urlRaw === undefined
            ? undefined
            : {
                url: parseEndpoint('chat-api-url', urlRaw),
                token: inputs.token,
                uploadPath,
                downloadPath,
                uploadField,
                idField,
                objectKeyTemplate,
                timeoutMs: timeoutSeconds * 1000,
            },
    };
}
/** At most 30 days: debris should not wait longer than a month for the next run to remove it. */
const MAX_STALE_AFTER_MS = 720 * 3_600_000;
function parseStaleAfter(rawValue, s3TimeoutMs) {
    const ms = parseDuration('smoke-stale-after', rawValue, 1000, MAX_STALE_AFTER_MS);
    const worstCase = worstCaseSmokeRunMs(s3TimeoutMs);
    if (ms <= worstCase) {
        throw new verdict/* InputError */.dz('smoke-stale-after', rawValue, `a duration longer than a worst-case smoke run, 12 x s3-timeout-seconds + 3 s (${formatDuration(worstCase)} with s3-timeout-seconds ${s3TimeoutMs / 1000}), so that no run removes a live one's objects; e.g. 1h`);
    }
    return ms;
}
function parsePathTemplate(input, rawValue, required) {
    const value = rawValue.trim();
    const names = placeholdersOf(value);
    const expected = `a path starting with '/', without query or fragment${required.length > 0 ? `, with the placeholder ${required.map((name) => `:${name}`).join(', ')}` : ', without placeholders'} (e.g. ${input === 'chat-api-upload-path' ? '/v1/chat/attachments/upload' : '/v1/chat/attachments/:attachment_id/download'})`;
    const placeholdersOk = names.every((name) => required.includes(name)) && required.every((name) => names.includes(name));
    if (!PATH_PATTERN.test(value) || !placeholdersOk)
        throw new verdict/* InputError */.dz(input, rawValue, expected);
    return value;
}
function parseObjectKeyTemplate(rawValue, inputs) {
    const value = rawValue.trim();
    const expected = `a key template of letters, digits, '.', '_', '-', '/' and the placeholders :prefix, :env, :attachment_id (which it must use), expanding under '${inputs.envPrefix}', e.g. :prefix/:env/:attachment_id.bin`;
    const names = placeholdersOf(value);
    if (!KEY_TEMPLATE_PATTERN.test(value) || !names.includes('attachment_id') || names.some((name) => !['prefix', 'env', 'attachment_id'].includes(name))) {
        throw new verdict/* InputError */.dz('chat-api-object-key', rawValue, expected);
    }
    const sample = expandTemplate(value, { prefix: inputs.prefix, env: inputs.appEnv, attachment_id: 'id' });
    if (!sample.startsWith(inputs.envPrefix) || sample.length === inputs.envPrefix.length || sample.includes('//') || sample.split('/').includes('..')) {
        throw new verdict/* InputError */.dz('chat-api-object-key', rawValue, expected);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/config/presets.ts
/**
 * The runbook's live rollout for one environment: alerts apply, lifecycle apply, lifecycle
 * verify, smoke, growth, hot-path, branch protection, then go/no-go. Fail-fast: stop at the first
 * stage that does not pass, except the runbook's one retry ("if lifecycle verify fails, re-apply
 * lifecycle policy and rerun verify before proceeding"). Evidence is archived for the environment.
 */
const ROLLOUT_PRESET = {
    id: 'rollout',
    stages: ['alerts', 'lifecycle', 'verify', 'smoke', 'growth', 'hot-path', 'branch-protection'],
    failFast: true,
    archiveEvidence: true,
    retry: { gate: 'verify', rerun: ['lifecycle'] },
};
const PRESETS = { rollout: ROLLOUT_PRESET };
/** The preset's stages in the runbook's order. */
function presetGates(preset) {
    return [...preset.stages];
}

;// CONCATENATED MODULE: ./src/config/load.ts












/**
 * Reads every input once and validates it; empty means unset, so defaults live here only.
 * Throws InputError on the first bad input, before anything touches a server.
 */
function loadConfig(read, workspace, env = process.env, options = {}) {
    const raw = (name) => {
        const definition = INPUTS.find((input) => input.name === name);
        if (!definition)
            throw new Error(`unknown input ${name}`);
        const value = read(definition);
        return value === undefined || value.trim() === '' ? undefined : value;
    };
    const required = (name, expected) => {
        const value = raw(name);
        if (value === undefined)
            throw new verdict/* InputError */.dz(name, '', expected);
        return value;
    };
    const withDefault = (name) => {
        const definition = INPUTS.find((input) => input.name === name);
        const fallback = definition && 'default' in definition ? definition.default : undefined;
        const value = raw(name) ?? fallback;
        if (value === undefined)
            throw new Error(`input ${name} has no default`);
        return value;
    };
    const accessKey = raw('s3-access-key')?.trim();
    const secretKey = raw('s3-secret-key')?.trim();
    const chatApiToken = raw('chat-api-token')?.trim();
    const secrets = [secretKey, chatApiToken].filter((value) => value !== undefined);
    if ((accessKey === undefined) !== (secretKey === undefined)) {
        // Never echo either value: the message names the inputs only.
        throw new verdict/* InputError */.dz(accessKey === undefined ? 's3-access-key' : 's3-secret-key', '', 'both s3-access-key and s3-secret-key, or neither (to use the default credential chain)');
    }
    const appEnv = parseAppEnv('app-env', required('app-env', 'an environment name such as staging'));
    const prefix = parseKeyPrefix('chat-attachment-s3-prefix', withDefault('chat-attachment-s3-prefix'));
    const envPrefix = `${prefix}/${appEnv}/`;
    const requiredRaw = raw('chat-attachment-required-prefixes');
    const requiredPrefixes = requiredRaw === undefined ? [envPrefix] : parsePrefixList('chat-attachment-required-prefixes', requiredRaw, prefix);
    const expireDays = parseInteger('expire-days', withDefault('expire-days'), 1, 36500);
    const abortIncompleteMultipartDays = parseInteger('abort-incomplete-multipart-days', withDefault('abort-incomplete-multipart-days'), 0, 365);
    const expectRaw = raw('expect-expire-days');
    const expectExpireDays = expectRaw === undefined ? undefined : parseInteger('expect-expire-days', expectRaw, 1, 36500);
    const adoptRaw = raw('lifecycle-adopt-rule-ids');
    const adoptRuleIds = adoptRaw === undefined ? [] : parseRuleIdList('lifecycle-adopt-rule-ids', adoptRaw);
    const bucket = parseBucketName('s3-bucket', required('s3-bucket', 'an S3 bucket name such as chat-attachments-staging'));
    const endpointRaw = raw('s3-endpoint');
    const endpoint = endpointRaw === undefined ? undefined : parseEndpoint('s3-endpoint', endpointRaw);
    const region = parseRegion('s3-region', withDefault('s3-region'));
    const pathStyleRaw = raw('s3-force-path-style');
    const forcePathStyle = pathStyleRaw === undefined ? endpoint !== undefined : parseBoolean('s3-force-path-style', pathStyleRaw);
    const timeoutSeconds = parseInteger('s3-timeout-seconds', withDefault('s3-timeout-seconds'), 1, 600);
    const mode = parseChoice('mode', withDefault('mode'), ['apply', 'plan']);
    const preset = PRESETS[withDefault('gates').trim()];
    const gates = preset ? presetGates(preset) : parseGates(withDefault('gates'));
    if (preset && mode !== 'apply') {
        throw new verdict/* InputError */.dz('mode', mode, `apply with gates: ${preset.id} (the rollout applies changes; preview with gates: bucket,lifecycle,verify and mode: plan)`);
    }
    const failFast = parseBoolean('fail-fast', withDefault('fail-fast')) || preset?.failFast === true;
    const reportsDir = parseReportsDir('reports-dir', withDefault('reports-dir'), workspace, options.reportRoots);
    const github = loadGitHubSettings({ raw, withDefault }, env, gates);
    if (github.token !== undefined)
        secrets.push(github.token);
    if (github.adminToken !== undefined)
        secrets.push(github.adminToken);
    const publish = loadPublishSettings({ withDefault }, env, { gates, mode, github });
    const smoke = loadSmokeSettings({ raw, withDefault, prefix, appEnv, envPrefix, token: chatApiToken, s3TimeoutMs: timeoutSeconds * 1000 });
    const inputs = { raw, withDefault };
    const prometheus = loadPrometheus(inputs, gates.includes('hot-path'));
    const hotPath = loadHotPath(inputs, workspace, gates.includes('hot-path'));
    const healthRaw = raw('health-checks');
    const healthTimeoutMs = parseInteger('health-check-timeout-seconds', withDefault('health-check-timeout-seconds'), 1, 300) * 1000;
    const health = healthRaw === undefined ? { targets: [], secrets: [] } : parseHealthChecks(healthRaw, healthTimeoutMs);
    secrets.push(...health.secrets, ...(prometheus?.basicAuth?.password ? [prometheus.basicAuth.password] : []));
    const archiveEvidence = parseBoolean('archive-evidence', withDefault('archive-evidence')) || preset?.archiveEvidence === true;
    const graceDays = parseInteger('retention-grace-days', withDefault('retention-grace-days'), 0, 365);
    const pushgatewayRaw = raw('pushgateway-url');
    const growthSource = parseGrowthSource(withDefault('growth-source'), raw('inventory-location'));
    const contextRaw = raw('k8s-context');
    const alerts = {
        // The runbook's rollout applies the alerts ("alerts apply"); otherwise alerts-mode decides.
        mode: preset ? 'apply' : parseChoice('alerts-mode', withDefault('alerts-mode'), ['dry-run', 'apply']),
        k8sContext: contextRaw === undefined ? undefined : parseContextName('k8s-context', contextRaw),
        k8sNamespace: parseNamespace('k8s-namespace', withDefault('k8s-namespace')),
        ruleLabels: parseLabelList('alerts-rule-labels', withDefault('alerts-rule-labels')),
        runbookUrl: parseRunbookUrl('alerts-runbook-url', withDefault('alerts-runbook-url')),
        growthPercent: parseInteger('alerts-growth-percent', withDefault('alerts-growth-percent'), 1, 10000),
        staleHours: parseInteger('alerts-stale-hours', withDefault('alerts-stale-hours'), 1, 8760),
        verifyTimeoutMs: parseInteger('alerts-verify-timeout-seconds', withDefault('alerts-verify-timeout-seconds'), 1, 3600) * 1000,
    };
    return {
        appEnv,
        prefix,
        envPrefix,
        requiredPrefixes,
        expireDays,
        abortIncompleteMultipartDays,
        expectExpireDays,
        adoptRuleIds,
        s3: {
            bucket,
            endpoint,
            region,
            credentials: accessKey !== undefined && secretKey !== undefined
                ? { accessKeyId: accessKey, secretAccessKey: secretKey }
                : undefined,
            forcePathStyle,
            timeoutMs: timeoutSeconds * 1000,
        },
        mode,
        github,
        publish,
        gates,
        failFast,
        reportsDir,
        growth: {
            graceDays,
            pushgatewayUrl: pushgatewayRaw === undefined ? undefined : parseEndpoint('pushgateway-url', pushgatewayRaw),
            ...growthSource,
        },
        alerts,
        // One prometheus-url, with one set of credentials (config.prometheus), for both gates.
        prometheusUrl: prometheus?.url,
        secrets,
        smoke,
        prometheus,
        hotPath,
        healthChecks: health.targets,
        archiveEvidence,
        preset: preset?.id,
        retry: preset?.retry,
    };
}
function parseGates(rawGates) {
    const expected = `a comma-separated list of gate ids, each once, from: ${verdict/* SELECTABLE_GATES */.Aq.join(', ')}; or one preset: ${Object.keys(PRESETS).join(', ')}`;
    const ids = rawGates.split(',').map((id) => id.trim());
    const gates = [];
    for (const id of ids) {
        if (id === 'go-no-go' || id === 'go/no-go')
            continue; // always runs last anyway
        const gate = verdict/* SELECTABLE_GATES */.Aq.find((known) => known === id);
        if (PRESETS[id] !== undefined)
            throw new verdict/* InputError */.dz('gates', rawGates, `${expected} (the preset '${id}' stands alone)`);
        if (gate === undefined || gates.includes(gate)) {
            throw new verdict/* InputError */.dz('gates', rawGates, `${expected}${gate === undefined ? ` (unknown gate '${id}')` : ` ('${id}' repeated)`}`);
        }
        gates.push(gate);
    }
    if (gates.length === 0)
        throw new verdict/* InputError */.dz('gates', rawGates, expected);
    return gates;
}

// EXTERNAL MODULE: ./src/gates/outcome.ts
var outcome = __nccwpck_require__(33596);
;// CONCATENATED MODULE: ./src/gates/go-no-go.ts


/** One line of evidence per gate: the finding that decided it, else its summary. */
function evidenceLine(result) {
    return (0,outcome/* decidingFinding */.vc)(result.findings)?.message ?? result.summary;
}
/**
 * GO only when every selected gate is PASS or WARN, and every service of health-checks is
 * healthy (probed here, just before deciding, as the runbook starts its services first). Runs
 * last, always.
 */
async function runGoNoGo({ config, previous, health, cancellation }) {
    const blocking = previous.filter((result) => !verdict/* PASSING_STATUSES */.bc.includes(result.status));
    // A cancelled run is NO-GO whatever its gates said, and has no time to probe services.
    const cancelledBy = cancellation.cancelledBy;
    const services = cancelledBy === undefined ? await probeServices(config.healthChecks, health) : [];
    const unhealthy = services.filter((service) => !service.healthy);
    const go = blocking.length === 0 && unhealthy.length === 0 && previous.length > 0 && cancelledBy === undefined;
    const reasons = [
        ...(cancelledBy !== undefined ? [`cancelled (${cancelledBy})`] : []),
        ...blocking.map((result) => `${result.id} ${result.status}`),
        ...unhealthy.map((service) => `${service.name} unhealthy`),
    ];
    const sections = [
        {
            kind: 'table',
            title: 'Gates',
            headers: ['Gate', 'Status', 'Mode', 'Duration', 'Evidence'],
            rows: previous.map((result) => [
                result.id,
                result.status,
                result.mode ?? '',
                `${result.durationMs} ms`,
                evidenceLine(result),
            ]),
        },
    ];
    if (services.length > 0) {
        sections.push({
            kind: 'table',
            title: 'Services (health-checks)',
            headers: ['Service', 'Target', 'Health', 'Detail', 'Duration'],
            rows: services.map((service) => [service.name, service.target, service.healthy ? 'healthy' : 'UNHEALTHY', service.detail, `${service.durationMs} ms`]),
        });
    }
    return {
        status: go ? 'PASS' : 'FAIL',
        summary: go
            ? `GO: all ${previous.length} gate(s) passed${services.length > 0 ? `; ${services.length} service(s) healthy` : ''}.`
            : `NO-GO: ${reasons.join(', ') || 'no gate ran'}.`,
        findings: [
            ...(cancelledBy !== undefined
                ? [{ level: 'fail', message: `The run was cancelled (${cancelledBy})${config.healthChecks.length > 0 ? '; health-checks were not probed' : ''}.`, remediation: 'Re-run the release gates.' }]
                : []),
            ...blocking.map((result) => ({
                level: 'fail',
                message: `${result.id} is ${result.status}: ${evidenceLine(result)}`,
            })),
            ...unhealthy.map((service) => ({
                level: 'fail',
                message: `Service ${service.name} is unhealthy: ${service.detail}`,
                evidence: service.target,
                remediation: 'Start or fix the service (or correct its line in health-checks), then re-run.',
            })),
        ],
        facts: [
            { label: 'Decision', value: go ? 'GO' : 'NO-GO' },
            ...(services.length > 0 ? [{ label: 'Services', value: `${services.length - unhealthy.length} of ${services.length} healthy` }] : []),
        ],
        sections,
    };
}
async function probeServices(targets, health) {
    if (targets.length === 0)
        return [];
    if (health === undefined)
        throw new Error('health-checks is set but no health prober was given to go/no-go.');
    return health.probe(targets);
}
const goNoGoGate = {
    id: 'go-no-go',
    title: 'Release gates (surreal): go/no-go',
    report: 'release-gates-surreal-latest.md',
    run: runGoNoGo,
};
/**
 * Archiving the evidence (archive-evidence) is part of the release decision: when it fails, the
 * go/no-go result becomes FAIL with the reason, so the reports, the JSON, the outputs and the exit
 * code all say NO-GO.
 */
function withArchiveFailure(results, problem) {
    return results.map((result) => result.id !== 'go-no-go'
        ? result
        : {
            ...result,
            status: 'FAIL',
            summary: `NO-GO: ${problem}`,
            findings: [...result.findings, { level: 'fail', message: problem, remediation: 'Check that the reports directory is writable and has space, then re-run; the gates themselves passed.' }],
            facts: result.facts.map((fact) => (fact.label === 'Decision' ? { ...fact, value: 'NO-GO' } : fact)),
        });
}

;// CONCATENATED MODULE: ./src/gates/cancelled.ts
const RERUN = 'Re-run the release gates; nothing of the cancelled run needs undoing unless a finding below says so.';
/**
 * The gate that was running when the run was cancelled: ERROR "cancelled", with everything the
 * gate still reported (e.g. what its cleanup removed or left). `outcome` is undefined when the
 * gate did not stop within the time left.
 */
function cancelledOutcome(outcome, cancellation) {
    const by = cancellation.cancelledBy ?? 'a signal';
    const message = outcome
        ? `Cancelled (${by}) while the gate ran: its requests in flight were aborted and it stopped.`
        : `Cancelled (${by}) while the gate ran, and it did not stop within the time left: its report holds nothing more.`;
    return {
        ...(outcome ?? { facts: [], sections: [] }),
        status: 'ERROR',
        summary: outcome ? `Cancelled (${by}): ${outcome.summary}` : message,
        findings: [{ level: 'error', message, remediation: RERUN }, ...(outcome?.findings ?? [])],
    };
}
/** A gate not started because the run was cancelled before it. */
function notStartedOutcome(cancellation) {
    const by = cancellation.cancelledBy ?? 'a signal';
    return {
        status: 'NOT RUN',
        summary: `Not run: the run was cancelled (${by}) before this gate.`,
        findings: [{ level: 'info', message: `The run was cancelled (${by}): no gate starts after that.` }],
        facts: [],
        sections: [],
    };
}
/** The gate's outcome, or undefined when the cancellation's time ran out first (the gate is left behind). */
async function unlessGivenUp(running, cancellation) {
    const giveUp = cancellation.giveUpSignal;
    if (giveUp.aborted)
        return undefined;
    let stopWaiting = () => undefined;
    const givenUp = new Promise((resolve) => {
        stopWaiting = () => resolve(undefined);
        giveUp.addEventListener('abort', stopWaiting, { once: true });
    });
    try {
        return await Promise.race([running, givenUp]);
    }
    finally {
        giveUp.removeEventListener('abort', stopWaiting);
    }
}

;// CONCATENATED MODULE: ./src/alerts/rules-status.ts
/**
 * Judges /api/v1/rules for one group: healthy when it holds every expected alert and each was
 * evaluated without error; pending while it is missing or not yet evaluated (Prometheus and the
 * operator load rules asynchronously); unhealthy when a rule failed to evaluate.
 */
function judgeLoadedGroup(groups, groupName, expectedAlerts) {
    const group = groups.find((candidate) => candidate.name === groupName);
    if (group === undefined) {
        const seen = groups.map((candidate) => candidate.name);
        return { state: 'pending', reason: `rule group ${groupName} is not loaded (loaded groups: ${seen.length === 0 ? 'none' : seen.slice(0, 20).join(', ')})` };
    }
    const alerts = group.rules.filter((rule) => rule.type === 'alerting');
    const missing = expectedAlerts.filter((name) => !alerts.some((rule) => rule.name === name));
    if (missing.length > 0)
        return { state: 'pending', reason: `rule group ${groupName} (${group.file}) lacks ${missing.join(', ')}` };
    const failing = alerts.filter((rule) => rule.health === 'err');
    if (failing.length > 0) {
        return { state: 'unhealthy', reason: failing.map((rule) => `${rule.name}: ${rule.lastError ?? 'evaluation error'}`).join('; ') };
    }
    const unevaluated = alerts.filter((rule) => rule.health !== 'ok');
    if (unevaluated.length > 0)
        return { state: 'pending', reason: `not evaluated yet: ${unevaluated.map((rule) => `${rule.name} (${rule.health})`).join(', ')}` };
    return { state: 'healthy', evaluated: alerts.length };
}

;// CONCATENATED MODULE: ./src/gates/alerts.ts



/** Pause between two reads of /api/v1/rules while waiting for the group to load. */
const RULES_POLL_MS = 2000;
const describe = (error) => (error instanceof Error ? error.message : String(error));
const hasFailure = (findings) => findings.some((finding) => finding.level === 'fail' || finding.level === 'error');
/**
 * Renders the PrometheusRule for this environment, validates it, then (alerts-mode) dry-runs or
 * applies it with kubectl when a cluster context exists, and verifies through prometheus-url that
 * Prometheus loaded the group and evaluates it without error.
 */
async function runAlerts(context) {
    // yaml and the manifest code load when this gate runs, not at every start-up.
    const { EXPECTED_ALERTS, manifestHeader, manifestYaml, renderPrometheusRule, ruleGroupName } = await __nccwpck_require__.e(/* import() */ 282).then(__nccwpck_require__.bind(__nccwpck_require__, 94282));
    const { validateManifest } = await __nccwpck_require__.e(/* import() */ 309).then(__nccwpck_require__.bind(__nccwpck_require__, 31309));
    const { config } = context;
    const settings = config.alerts;
    const manifest = renderPrometheusRule({
        env: config.appEnv,
        basePrefix: config.prefix,
        labels: settings.ruleLabels,
        runbookUrl: settings.runbookUrl,
        growthPercent: settings.growthPercent,
        staleHours: settings.staleHours,
    });
    const manifestText = manifestYaml(manifest, manifestHeader(config.appEnv, config.prefix));
    const groupName = ruleGroupName(config.appEnv);
    const findings = [];
    const facts = [
        { label: 'PrometheusRule', value: `${manifest.metadata.name} (group ${groupName}, ${EXPECTED_ALERTS.length} alerts)` },
        { label: 'Labels', value: Object.entries(manifest.metadata.labels).map(([key, value]) => `${key}=${value}`).join(', ') },
        { label: 'Namespace', value: settings.k8sNamespace },
    ];
    const sections = [{ kind: 'code', title: 'Manifest', language: 'yaml', text: manifestText.trimEnd() }];
    const validation = validateManifest(manifestText, settings.ruleLabels);
    findings.push(...validation.findings);
    const ruleCheck = await checkRules(context, validation);
    findings.push(...ruleCheck.findings);
    facts.push({ label: 'Rule check', value: ruleCheck.method });
    if (ruleCheck.output)
        sections.push({ kind: 'code', title: 'Rule check output', language: 'text', text: ruleCheck.output });
    let clusterAction = 'validated';
    if (hasFailure(findings)) {
        findings.push({ level: 'info', message: 'The manifest did not validate: nothing was sent to a cluster.' });
    }
    else {
        const cluster = await clusterStep(context, manifestText);
        findings.push(...cluster.findings);
        clusterAction = !cluster.run
            ? 'validated offline only (no cluster context)'
            : settings.mode === 'apply'
                ? `applied to ${cluster.contextName ?? ''} namespace ${settings.k8sNamespace}`
                : `passed a server-side dry run on ${cluster.contextName ?? ''}`;
        facts.push({ label: 'Cluster context', value: cluster.contextName ?? 'none (offline validation only)' });
        if (cluster.run)
            sections.push({ kind: 'code', title: 'kubectl', language: 'text', text: `$ ${cluster.run.command}\n${`${cluster.run.stdout}${cluster.run.stderr}`.trim()}` });
    }
    facts.push({ label: 'Prometheus', value: config.prometheusUrl?.origin ?? 'not set (loading not verified)' });
    if (config.prometheusUrl !== undefined) {
        if (hasFailure(findings))
            findings.push({ level: 'info', message: 'Prometheus verification skipped: an earlier step failed.' });
        else
            findings.push(...(await verifyLoaded(context, groupName)));
    }
    const failure = findings.find((finding) => finding.level === 'fail' || finding.level === 'error');
    const warnings = findings.filter((finding) => finding.level === 'warn').length;
    const summary = failure?.message ??
        `${manifest.metadata.name} ${clusterAction}${config.prometheusUrl ? '; loaded and healthy in Prometheus' : ''}${warnings > 0 ? `; ${warnings} warning(s)` : ''}.`;
    return (0,outcome/* outcome */.bu)(summary, findings, facts, sections);
}
/** promtool check rules on the extracted .spec when promtool is on the PATH, else the PromQL grammar. */
async function checkRules(context, validation) {
    if (validation.ruleFile === undefined)
        return { method: 'none (no spec)', findings: [] };
    const checked = context.promtool ? await context.promtool.checkRules(validation.ruleFile) : undefined;
    if (checked !== undefined) {
        const method = `promtool check rules (${checked.version})`;
        if (checked.exitCode !== 0) {
            return { method, output: checked.output, findings: [{ level: 'fail', message: `promtool check rules rejected the rules: ${checked.output.split('\n').slice(-3).join(' ')}`, remediation: 'Fix the renderer or the alerts-* inputs; see the rule check output.' }] };
        }
        return { method, output: checked.output, findings: [{ level: 'info', message: `promtool check rules: ${checked.output.split('\n').pop()?.trim() ?? 'SUCCESS'}` }] };
    }
    // The PromQL grammar loads only when promtool is missing.
    const { promqlSyntaxError } = await Promise.all(/* import() */[__nccwpck_require__.e(828), __nccwpck_require__.e(760)]).then(__nccwpck_require__.bind(__nccwpck_require__, 86760));
    const findings = [];
    for (const rule of validation.rules) {
        const error = promqlSyntaxError(rule.expr);
        if (error)
            findings.push({ level: 'fail', message: `Alert ${rule.alert}: PromQL syntax error at offset ${error.offset} near '${error.near}'.` });
    }
    if (findings.length === 0) {
        findings.push({ level: 'info', message: `promtool is not on the PATH: the ${validation.rules.length} expressions passed an in-process PromQL syntax parse (no type checks).` });
    }
    return { method: 'in-process PromQL syntax parse (promtool not on the PATH)', findings };
}
/** With a cluster context: kubectl apply --server-side, as a server dry run or for real. */
async function clusterStep(context, manifestText) {
    const settings = context.config.alerts;
    const kubectl = context.kubectl;
    if (kubectl === undefined) {
        return { contextName: undefined, findings: [{ level: 'error', message: 'No kubectl client was provided to the alerts gate.' }] };
    }
    const contextName = settings.k8sContext ?? (await kubectl.currentContext());
    if (contextName === undefined) {
        if (settings.mode === 'apply') {
            return {
                contextName,
                findings: [{ level: 'fail', message: 'alerts-mode apply needs a cluster context, and there is none: k8s-context is unset and kubectl has no current context.', remediation: 'Set k8s-context, or configure kubectl (e.g. a kubeconfig step) before this one.' }],
            };
        }
        return {
            contextName,
            findings: [{ level: 'warn', message: 'No cluster context (k8s-context unset, no kubectl current context): dry-run validated the manifest offline only; no server-side dry run ran.', remediation: 'Set k8s-context to run kubectl apply --server-side --dry-run=server against the cluster.' }],
        };
    }
    const dryRun = settings.mode === 'dry-run';
    let run;
    try {
        run = await kubectl.apply(manifestText, { context: contextName, namespace: settings.k8sNamespace }, { dryRun });
    }
    catch (error) {
        if (error instanceof CommandNotFound) {
            return { contextName, findings: [{ level: 'fail', message: `kubectl is not on the PATH, but cluster context ${contextName} is set.`, remediation: 'Install kubectl (hosted runners have it) or unset k8s-context for an offline dry-run.' }] };
        }
        throw error;
    }
    if (run.exitCode !== 0) {
        const message = (run.stderr.trim() || run.stdout.trim() || `exit code ${run.exitCode}`).split('\n').slice(0, 5).join(' ');
        return {
            contextName,
            run,
            findings: [{ level: 'fail', message: `kubectl apply${dryRun ? ' (server dry run)' : ''} failed: ${message}`, evidence: run.command, remediation: 'Check k8s-context, k8s-namespace, the RBAC for prometheusrules.monitoring.coreos.com and that the Prometheus Operator CRDs are installed.' }],
        };
    }
    return { contextName, run, findings: [{ level: 'info', message: `kubectl apply${dryRun ? ' (server dry run)' : ''}: ${run.stdout.trim() || 'ok'}`, evidence: run.command }] };
}
/** Waits (alerts-verify-timeout-seconds at most) until /api/v1/rules shows the group loaded and healthy. */
async function verifyLoaded(context, groupName) {
    const prometheus = context.prometheusRules;
    const url = context.config.prometheusUrl;
    if (prometheus === undefined || url === undefined)
        return [{ level: 'error', message: 'prometheus-url is set but no Prometheus client was provided to the alerts gate.' }];
    const { EXPECTED_ALERTS } = await __nccwpck_require__.e(/* import() */ 282).then(__nccwpck_require__.bind(__nccwpck_require__, 94282));
    const timeoutMs = context.config.alerts.verifyTimeoutMs;
    const deadline = performance.now() + timeoutMs;
    let reason = '';
    for (let reads = 1;; reads += 1) {
        let state;
        try {
            state = judgeLoadedGroup(await prometheus.ruleGroups(), groupName, EXPECTED_ALERTS);
        }
        catch (error) {
            return [{ level: 'fail', message: `Could not read the rules from Prometheus: ${describe(error)}`, remediation: 'Check prometheus-url and that the runner can reach it.' }];
        }
        if (state.state === 'healthy')
            return [{ level: 'info', message: `Prometheus at ${url.origin} has rule group ${groupName} loaded; all ${state.evaluated} alerts evaluate without error (read ${reads} time(s)).` }];
        if (state.state === 'unhealthy')
            return [{ level: 'fail', message: `Prometheus at ${url.origin} evaluates rule group ${groupName} with errors: ${state.reason}` }];
        reason = state.reason;
        const left = deadline - performance.now();
        if (left <= 0)
            break;
        context.log.info(`Waiting for Prometheus to load ${groupName}: ${reason}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(RULES_POLL_MS, left)));
    }
    const hint = context.config.alerts.mode === 'dry-run' ? ' alerts-mode is dry-run, so this run applied nothing.' : '';
    return [
        {
            level: 'fail',
            message: `Prometheus at ${url.origin} did not show rule group ${groupName} loaded and evaluated within ${timeoutMs / 1000} s: ${reason}.${hint}`,
            remediation: "Check that the PrometheusRule's labels match the Prometheus ruleSelector (alerts-rule-labels) and its namespace the ruleNamespaceSelector, or raise alerts-verify-timeout-seconds.",
        },
    ];
}
const alertsGate = {
    id: 'alerts',
    title: 'Chat attachment alerts (PrometheusRule)',
    report: 'chat-attachment-alerts-apply-latest.md',
    mode: (config) => config.alerts.mode,
    run: runAlerts,
};

;// CONCATENATED MODULE: ./src/branch-protection/names.ts
function acceptedNames(requiredCheck) {
    const separator = requiredCheck.lastIndexOf(' / ');
    const jobPart = separator > 0 ? requiredCheck.slice(separator + 3).trim() : undefined;
    const usableJobPart = jobPart !== undefined && jobPart.length > 0 ? jobPart : undefined;
    const parts = requiredCheck.split(' / ').map((part) => part.trim());
    const pageForm = parts.length === 3 && parts.every((part) => part.length > 0) ? `${parts[1]} / ${parts[2]}` : undefined;
    return { full: requiredCheck, jobPart: usableJobPart, all: usableJobPart === undefined ? [requiredCheck] : [requiredCheck, usableJobPart], pageForm };
}
function isAccepted(name, names) {
    return names.all.includes(name);
}
/**
 * A name a person would take for the required one, which GitHub does not: other case or spacing,
 * a typo or two, or the job name with a matrix suffix. Reported, never counted.
 */
function isNearMiss(name, names) {
    if (isAccepted(name, names))
        return false;
    const loose = (text) => text.toLowerCase().replace(/\s+/g, '');
    const candidate = loose(name);
    return names.all.some((accepted) => {
        const target = loose(accepted);
        return candidate === target || editDistance(candidate, target) <= 2 || (candidate.includes(target) && target.length >= 4);
    });
}
/** Levenshtein distance, for the near-miss test only. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_unused, index) => index);
    for (let i = 1; i <= a.length; i += 1) {
        const current = [i];
        for (let j = 1; j <= b.length; j += 1) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}

;// CONCATENATED MODULE: ./src/branch-protection/types.ts
/** GitHub Actions' app id: a requirement pinned to it cannot be met by another app's status. */
const GITHUB_ACTIONS_APP_ID = 15368;

;// CONCATENATED MODULE: ./src/branch-protection/proof-source.ts

/** The names a proof is searched for, in order: the accepted ones, then the page form's check-run name. */
function proofNames(names) {
    return [...names.all, ...(names.pageForm !== undefined && !names.all.includes(names.pageForm) ? [names.pageForm] : [])];
}
/** The first name (in proofNames order) that a GitHub Actions check run on the head carries. */
function proofOnHead(headSha, runs, names) {
    for (const name of proofNames(names)) {
        const run = runs.find((candidate) => candidate.name === name && candidate.appId === GITHUB_ACTIONS_APP_ID);
        if (run !== undefined)
            return { name, kind: names.all.includes(name) ? 'accepted' : 'page-form', run, sha: headSha, source: { kind: 'head' } };
    }
    return undefined;
}
/** Where a proof was found, for findings: "the head", "commit 3 of main", "the head of merged pull request #12". */
function describeProofSource(proof, branch) {
    const sha = proof.sha.slice(0, 12);
    switch (proof.source.kind) {
        case 'head':
            return `the head ${sha} of ${branch}`;
        case 'branch-commit':
            return `commit ${sha} of ${branch} (${proof.source.position} before the head)`;
        case 'pull-request':
            return `${sha}, the head of merged pull request #${proof.source.number}`;
    }
}

;// CONCATENATED MODULE: ./src/branch-protection/ref-match.ts
/**
 * Whether a ruleset's ref_name conditions select a branch: some include pattern matches and no
 * exclude pattern does. Patterns are `~ALL`, `~DEFAULT_BRANCH` or fnmatch globs on the full ref
 * (`refs/heads/release/*`), where `*` stops at '/' and `**` does not.
 */
function conditionsTarget(conditions, branch, defaultBranch) {
    const ref = `refs/heads/${branch}`;
    const matches = (pattern) => pattern === '~ALL' || (pattern === '~DEFAULT_BRANCH' ? branch === defaultBranch : globToRegExp(pattern).test(ref));
    return conditions.include.some(matches) && !conditions.exclude.some(matches);
}
function globToRegExp(pattern) {
    let source = '';
    for (let index = 0; index < pattern.length; index += 1) {
        const char = pattern[index] ?? '';
        if (char === '*') {
            if (pattern[index + 1] === '*') {
                source += '.*';
                index += 1;
            }
            else {
                source += '[^/]*';
            }
        }
        else if (char === '?') {
            source += '[^/]';
        }
        else if (char === '[') {
            const end = pattern.indexOf(']', index + 1);
            if (end < 0) {
                source += '\\[';
            }
            else {
                const body = pattern.slice(index + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
                source += `[${body}]`;
                index = end;
            }
        }
        else {
            source += char.replace(/[.+^${}()|\\/]/g, '\\$&');
        }
    }
    return new RegExp(`^${source}$`);
}

;// CONCATENATED MODULE: ./src/branch-protection/evaluate.ts




const describeApp = (appId) => appId === undefined ? 'any app (not pinned)' : appId === GITHUB_ACTIONS_APP_ID ? `GitHub Actions (${GITHUB_ACTIONS_APP_ID})` : `app ${appId}`;
function describeDenial(denial) {
    const permission = denial.permission ? `the token lacks '${denial.permission}'` : 'the token lacks the permission (GitHub did not name it)';
    return `${denial.operation} answered ${denial.status}: ${permission}`;
}
function rulesetLabel(id, detail, fallbackSource) {
    if (detail === undefined)
        return `ruleset #${id}${fallbackSource ? ` (${fallbackSource})` : ''}`;
    return `ruleset #${id} '${detail.name}' (${detail.sourceType ?? 'source'} ${detail.source}, enforcement ${detail.enforcement})`;
}
/** Every required context on the branch, from rulesets and classic protection (or its summary). */
function collectRequirements(evidence) {
    const requirements = [];
    if (evidence.rules.ok) {
        for (const rule of evidence.rules.value) {
            const detailRead = evidence.rulesetDetails.get(rule.rulesetId);
            const detail = detailRead?.ok ? detailRead.value : undefined;
            for (const check of rule.checks) {
                requirements.push({
                    source: 'ruleset',
                    sourceLabel: rulesetLabel(rule.rulesetId, detail, rule.rulesetSource),
                    rulesetId: rule.rulesetId,
                    context: check.context,
                    appId: check.appId,
                    strict: rule.strict,
                });
            }
        }
    }
    const classic = evidence.classic;
    if (classic !== 'not-read' && classic.ok && classic.value !== 'not-protected') {
        const status = classic.value.required_status_checks;
        const checks = status?.checks !== undefined
            ? status.checks.map((check) => ({ context: check.context, appId: check.app_id ?? undefined }))
            : (status?.contexts ?? []).map((context) => ({ context, appId: undefined }));
        for (const check of checks) {
            requirements.push({ source: 'classic', sourceLabel: 'classic branch protection', rulesetId: undefined, ...check, strict: status?.strict });
        }
    }
    else if (classic !== 'not-read' && !classic.ok) {
        const summary = evidence.summary.requiredStatusChecks;
        if (summary !== undefined && summary.enforcementLevel !== 'off') {
            for (const check of summary.checks) {
                requirements.push({ source: 'classic-summary', sourceLabel: 'classic branch protection (branch summary)', rulesetId: undefined, ...check, strict: undefined });
            }
        }
    }
    return requirements;
}
function verdictFor(requirement, runs, found) {
    if (requirement.appId !== undefined && requirement.appId !== GITHUB_ACTIONS_APP_ID)
        return { verdict: 'pinned to another app', run: undefined };
    const onHead = runs.filter((run) => run.name === requirement.context);
    const fromActions = onHead.find((run) => run.appId === GITHUB_ACTIONS_APP_ID);
    if (fromActions !== undefined)
        return { verdict: 'satisfied', run: fromActions };
    if (found !== undefined && found.name === requirement.context)
        return { verdict: 'satisfied', run: found.run };
    if (onHead.length > 0)
        return { verdict: 'not from GitHub Actions', run: onHead[0] };
    if (found === undefined)
        return { verdict: 'name not proved', run: undefined };
    return { verdict: 'carried by no check run', run: undefined };
}
function runLabel(run) {
    const app = run.appSlug ? `${run.appSlug} (${run.appId ?? '?'})` : `app ${run.appId ?? 'unknown'}`;
    return `check run #${run.id} '${run.name}' by ${app}, ${run.status}${run.conclusion ? `/${run.conclusion}` : ''}`;
}
function emittedNameOf(proof) {
    return proof.found?.kind === 'accepted' ? proof.found.name : undefined;
}
/** What the proof search covered: "the head of main, its 19 previous commits and the head commits of 3 merged pull requests". */
function searchedLabel(proof, branch) {
    const previous = proof.branchCommits - 1;
    return `the head of ${branch}${previous > 0 ? `, its ${previous} previous commit(s)` : ''} and the head commits of ${proof.pullRequests} merged pull request(s)`;
}
function describeFound(found, branch) {
    return `check run #${found.run.id} on ${describeProofSource(found, branch)}`;
}
/**
 * Judges whether `required-check` is really required on the branch: required by an enforced
 * ruleset or classic protection under a name GitHub Actions emits on the branch head.
 */
function evaluateProtection(evidence) {
    const names = acceptedNames(evidence.requiredCheck);
    const runs = evidence.checkRuns;
    const head = evidence.summary.headSha.slice(0, 12);
    const findings = [];
    const requirements = collectRequirements(evidence);
    const found = evidence.proof.found;
    const emittedName = emittedNameOf(evidence.proof);
    const acceptedList = names.all.map((name) => `'${name}'`).join(' or ');
    const seenNames = [...new Set(runs.map((run) => run.name))];
    const seenLabel = seenNames.length === 0 ? 'none' : seenNames.map((name) => `'${name}'`).join(', ');
    // Rulesets behind our requirements: not enforced, bypassable, or unreadable.
    const notEnforced = new Set();
    const rulesetIds = [...new Set(requirements.filter((r) => r.source === 'ruleset' && isAccepted(r.context, names)).map((r) => r.rulesetId ?? -1))];
    for (const id of rulesetIds) {
        const read = evidence.rulesetDetails.get(id);
        if (read === undefined)
            continue;
        if (!read.ok) {
            findings.push({
                level: 'unverifiable',
                message: `Ruleset #${id} requires the check, but its details could not be read: its enforcement and bypass actors are unknown.`,
                evidence: describeDenial(read.denied),
                remediation: `Give github-token ${read.denied.permission ?? 'read access to the ruleset (administration: read)'}, or check ruleset #${id} in the repository settings.`,
            });
            continue;
        }
        const detail = read.value;
        if (detail.enforcement !== 'active') {
            notEnforced.add(id);
            findings.push({
                level: 'warn',
                message: `Ruleset #${id} '${detail.name}' is in ${detail.enforcement} mode: it enforces nothing.`,
                remediation: `Set ruleset '${detail.name}' to Active.`,
            });
        }
        if (detail.bypassActors === undefined) {
            findings.push({
                level: 'info',
                message: `Ruleset #${id} '${detail.name}': bypass actors are not visible to this token (GitHub shows them only with write access to the ruleset).`,
            });
        }
        else if (detail.bypassActors.length > 0) {
            const actors = detail.bypassActors.map((actor) => `${actor.actorType}${actor.actorId !== undefined ? ` #${actor.actorId}` : ''} (${actor.bypassMode ?? 'always'})`);
            findings.push({
                level: 'warn',
                message: `Ruleset #${id} '${detail.name}' can be bypassed by ${actors.length} actor(s): they can merge without the check.`,
                evidence: actors.join(', '),
                remediation: 'Remove bypass actors that do not need to skip the release gates.',
            });
        }
    }
    const rows = requirements.map((requirement) => {
        if (!isAccepted(requirement.context, names)) {
            return { ...requirement, verdict: isNearMiss(requirement.context, names) ? 'similar name, does not count' : 'other check', evidenceRun: undefined };
        }
        if (requirement.rulesetId !== undefined && notEnforced.has(requirement.rulesetId))
            return { ...requirement, verdict: 'not enforced', evidenceRun: undefined };
        const { verdict, run } = verdictFor(requirement, runs, found);
        return { ...requirement, verdict, evidenceRun: run };
    });
    const ours = rows.filter((row) => isAccepted(row.context, names) && row.verdict !== 'not enforced');
    // The page form's check-run name gets a finding of its own that says which name to use.
    const pageFormRequired = names.pageForm !== undefined && rows.some((row) => row.context === names.pageForm);
    const nearMisses = rows.filter((row) => row.verdict === 'similar name, does not count' && row.context !== names.pageForm);
    if (names.pageForm !== undefined && (found?.kind === 'page-form' || pageFormRequired)) {
        const shown = found?.kind === 'page-form' ? `GitHub Actions emits '${names.pageForm}' (${describeFound(found, evidence.branch)})` : `'${names.pageForm}' is what branch protection requires here`;
        findings.push({
            level: 'fail',
            message: `required-check '${evidence.requiredCheck}' is the pull request page's label (workflow name / caller job / job), not a check-run name: ${shown}. Branch protection matches check-run names exactly.`,
            remediation: `Set required-check to '${names.pageForm}'.`,
        });
    }
    for (const row of nearMisses) {
        findings.push({
            level: ours.length > 0 ? 'info' : 'fail',
            message: `'${row.context}' (${row.sourceLabel}) is required, but it is not ${acceptedList}: a similar name does not count.`,
            remediation: `Require exactly ${emittedName !== undefined ? `'${emittedName}'` : acceptedList}.`,
        });
    }
    // Rulesets in evaluate (or disabled) mode that would require the check on this branch.
    if (evidence.inactiveRulesets.ok) {
        for (const ruleset of evidence.inactiveRulesets.value) {
            const targets = ruleset.refConditions !== undefined && conditionsTarget(ruleset.refConditions, evidence.branch, evidence.defaultBranch);
            const requires = ruleset.requiredChecks.filter((check) => isAccepted(check.context, names));
            if (!targets || requires.length === 0)
                continue;
            findings.push({
                level: 'warn',
                message: `Ruleset #${ruleset.id} '${ruleset.name}' would require ${requires.map((check) => `'${check.context}'`).join(', ')} on ${evidence.branch}, but it is in ${ruleset.enforcement} mode: it blocks nothing.`,
                remediation: `Set ruleset '${ruleset.name}' to Active to enforce it.`,
            });
        }
    }
    else {
        findings.push({ level: 'info', message: `Rulesets in evaluate mode were not checked: ${describeDenial(evidence.inactiveRulesets.denied)}.` });
    }
    const rulesDenied = evidence.rules.ok ? undefined : evidence.rules.denied;
    const classicDenied = evidence.classic !== 'not-read' && !evidence.classic.ok ? evidence.classic.denied : undefined;
    const classicUnknown = classicDenied !== undefined && evidence.summary.requiredStatusChecks === undefined;
    if (ours.length === 0) {
        const unknown = [rulesDenied, classicUnknown ? classicDenied : undefined].filter((denial) => denial !== undefined);
        if (unknown.length > 0) {
            findings.push({
                level: 'unverifiable',
                message: `Could not prove that '${evidence.requiredCheck}' is required on ${evidence.branch}: ${unknown.map(describeDenial).join('; ')}.`,
                evidence: `Readable sources require: ${requirements.length === 0 ? 'nothing' : requirements.map((r) => `'${r.context}'`).join(', ')}.`,
                remediation: `Give github-token ${unknown.map((denial) => denial.permission ?? 'administration: read').join(' and ')} (a fine-grained token or GitHub App token; the workflow token can never read classic protection), or require the check in a ruleset, which the workflow token can read.`,
            });
        }
        else {
            findings.push({
                level: 'fail',
                message: `Neither rulesets nor classic branch protection require ${acceptedList} on ${evidence.branch}.`,
                evidence: `Required contexts: ${requirements.length === 0 ? 'none' : requirements.map((r) => `'${r.context}' (${r.sourceLabel})`).join(', ')}.`,
                remediation: emittedName !== undefined
                    ? `Require '${emittedName}' pinned to GitHub Actions in a ruleset or in branch protection (branch-protection-mode: plan shows the change, apply makes it).`
                    : 'Run the workflow once on a pull request or the branch, so that the gate can prove the name its job emits; then require that name pinned to GitHub Actions (branch-protection-mode: plan shows the change, apply makes it).',
            });
        }
    }
    if (found === undefined) {
        const denials = evidence.proof.denials;
        findings.push({
            level: 'unverifiable',
            message: `No GitHub Actions check run named ${acceptedList} was found on ${searchedLabel(evidence.proof, evidence.branch)}: that a job emits the required name cannot be proved, and a required name that no job emits blocks every pull request.`,
            evidence: `Check runs on the head: ${seenLabel}.${denials.length > 0 ? ` Not searched: ${denials.map(describeDenial).join('; ')}.` : ''}`,
            remediation: `Run the workflow once on a pull request or the branch first, then run this gate again.${denials.length > 0 ? ` Give the job the permissions named above (checks: read, pull-requests: read) for github-token.` : ''}`,
        });
    }
    for (const row of ours) {
        const where = `'${row.context}' (${row.sourceLabel})`;
        switch (row.verdict) {
            case 'satisfied':
                findings.push({
                    level: 'info',
                    message: `${where} is required, pinned to ${describeApp(row.appId)}, and emitted ${found !== undefined && row.evidenceRun?.id === found.run.id ? `on ${describeProofSource(found, evidence.branch)}` : `on the head ${head}`}.`,
                    ...(row.evidenceRun ? { evidence: runLabel(row.evidenceRun) } : {}),
                });
                if (row.appId === undefined) {
                    findings.push({
                        level: 'warn',
                        message: `${where} is not pinned to GitHub Actions (${GITHUB_ACTIONS_APP_ID}): any app allowed to post statuses could satisfy it with a passing '${row.context}'.`,
                        remediation: `Pin the required check to GitHub Actions (app id ${GITHUB_ACTIONS_APP_ID}).`,
                    });
                }
                break;
            case 'carried by no check run':
                findings.push({
                    level: 'fail',
                    message: `${where} is required, but GitHub Actions emits ${found ? `'${found.name}' (${describeFound(found, evidence.branch)})` : 'another name'}, not this one: every pull request would wait for it forever.`,
                    evidence: `Check runs on the head: ${seenLabel}.`,
                    remediation: emittedName !== undefined && emittedName !== row.context
                        ? `Require '${emittedName}' (the name the job emits) instead.`
                        : found?.kind === 'page-form'
                            ? `Set required-check to '${found.name}' and require that name.`
                            : `Make a job emit exactly '${row.context}' (a plain job emits its job name; a caller job 'X' calling a reusable workflow emits 'X / job'), or require the name it emits; a workflow skipped by path filters emits nothing.`,
                });
                break;
            case 'not from GitHub Actions':
                findings.push({
                    level: 'fail',
                    message: `${where} is required, but on the head ${head} only another app posts it, not GitHub Actions.`,
                    ...(row.evidenceRun ? { evidence: runLabel(row.evidenceRun) } : {}),
                    remediation: `Make the GitHub Actions job emit '${row.context}' and pin the requirement to GitHub Actions (${GITHUB_ACTIONS_APP_ID}).`,
                });
                break;
            case 'pinned to another app':
                findings.push({
                    level: 'fail',
                    message: `${where} is pinned to ${describeApp(row.appId)}: the GitHub Actions job can never satisfy it.`,
                    remediation: `Pin it to GitHub Actions (${GITHUB_ACTIONS_APP_ID}).`,
                });
                break;
            default:
                break;
        }
    }
    // Strict mode and admin enforcement of the sources that carry our requirement.
    const sourcesOfOurs = [...new Map(ours.map((row) => [row.sourceLabel, row])).values()];
    for (const row of sourcesOfOurs) {
        const strict = row.strict === undefined ? 'unknown (the branch summary does not show it)' : row.strict ? 'on' : 'off';
        findings.push({ level: 'info', message: `Strict mode (branch must be up to date before merging) in ${row.sourceLabel}: ${strict}.` });
    }
    const classic = evidence.classic;
    const oursInClassic = ours.some((row) => row.source === 'classic' || row.source === 'classic-summary');
    if (oursInClassic && classic !== 'not-read' && classic.ok && classic.value !== 'not-protected' && classic.value.enforce_admins?.enabled !== true) {
        findings.push({ level: 'warn', message: 'Classic branch protection does not apply to administrators (enforce_admins off): they can merge without the check.', remediation: "Enable 'Do not allow bypassing the above settings'." });
    }
    if (oursInClassic && classicDenied !== undefined) {
        if (evidence.summary.requiredStatusChecks?.enforcementLevel === 'non_admins') {
            findings.push({ level: 'warn', message: 'The branch summary says required checks apply to non-administrators only: administrators can merge without the check.' });
        }
        findings.push({ level: 'info', message: `Classic protection details not readable (${describeDenial(classicDenied)}); the requirement was read from the branch summary.` });
    }
    if (ours.length > 0 && rulesDenied !== undefined) {
        findings.push({ level: 'info', message: `Rulesets not read: ${describeDenial(rulesDenied)}.` });
    }
    const facts = [
        { label: 'Repository', value: evidence.repository },
        { label: 'Branch', value: `${evidence.branch}${evidence.branch === evidence.defaultBranch ? ' (default branch)' : ''}` },
        { label: 'Head', value: evidence.summary.headSha },
        { label: 'Required check', value: evidence.requiredCheck },
        { label: 'Names that count', value: names.all.join(' | ') },
        {
            label: 'Emitted name',
            value: found === undefined ? `unproved: none on ${searchedLabel(evidence.proof, evidence.branch)}` : `${found.name}${found.kind === 'page-form' ? ' (not required-check: its check-run form)' : ''}, ${describeFound(found, evidence.branch)}`,
        },
        { label: 'Rulesets', value: evidence.rules.ok ? `${new Set(evidence.rules.value.map((rule) => rule.rulesetId)).size} with required checks` : describeDenial(evidence.rules.denied) },
        {
            label: 'Classic protection',
            value: classic === 'not-read'
                ? 'none (branch summary: not protected)'
                : classic.ok
                    ? classic.value === 'not-protected'
                        ? 'none'
                        : 'read'
                    : describeDenial(classic.denied),
        },
        { label: 'Check runs on head', value: String(runs.length) },
    ];
    return { findings, requirements: rows, emittedName, summary: summarize(findings, evidence, ours), facts };
}
function summarize(findings, evidence, ours) {
    const deciding = ['error', 'fail', 'unverifiable', 'warn'].map((level) => findings.find((finding) => finding.level === level)).find((finding) => finding !== undefined);
    if (deciding !== undefined && deciding.level !== 'warn')
        return deciding.message;
    const sources = [...new Set(ours.map((row) => row.sourceLabel))].join(' and ');
    const base = `'${evidence.requiredCheck}' is required on ${evidence.branch} by ${sources}.`;
    return deciding === undefined ? base : `${base} Warning: ${deciding.message}`;
}
/** Nothing for apply to do: every enforced requirement of ours is met, and at least one is pinned to GitHub Actions. */
function isCompliant(assessment, requiredCheck) {
    const names = acceptedNames(requiredCheck);
    const ours = assessment.requirements.filter((row) => isAccepted(row.context, names) && row.verdict !== 'not enforced');
    return ours.length > 0 && ours.every((row) => row.verdict === 'satisfied') && ours.some((row) => row.appId === GITHUB_ACTIONS_APP_ID);
}

// EXTERNAL MODULE: ./src/clients/github-errors.ts
var github_errors = __nccwpck_require__(86445);
;// CONCATENATED MODULE: ./src/branch-protection/desired-checks.ts


/**
 * The required checks of one source after apply: every check that is not ours stays as it is,
 * in place; ours become the emitted name pinned to GitHub Actions. An accepted name of ours that
 * no GitHub Actions run carries is dropped (it would block every pull request forever), unless
 * the head has no runs at all, when nothing can be told and it stays.
 */
function desiredChecks(current, names, runs, emittedName) {
    const emittedByActions = (name) => runs.some((run) => run.name === name && run.appId === GITHUB_ACTIONS_APP_ID);
    const result = [];
    const seen = new Set();
    for (const check of current) {
        if (!isAccepted(check.context, names)) {
            result.push(check);
            continue;
        }
        if (seen.has(check.context))
            continue;
        if (check.context === emittedName || runs.length === 0 || emittedByActions(check.context)) {
            result.push({ context: check.context, appId: GITHUB_ACTIONS_APP_ID });
            seen.add(check.context);
        }
    }
    if (!seen.has(emittedName))
        result.push({ context: emittedName, appId: GITHUB_ACTIONS_APP_ID });
    return result;
}
function sameChecks(a, b) {
    const key = (checks) => JSON.stringify(checks.map((check) => [check.context, check.appId ?? null]));
    return key(a) === key(b);
}

;// CONCATENATED MODULE: ./src/branch-protection/classic-plan.ts


const ANY_APP = -1;
function names(lists) {
    return {
        users: (lists.users ?? []).map((user) => user.login ?? '').filter((login) => login !== ''),
        teams: (lists.teams ?? []).map((team) => team.slug ?? '').filter((slug) => slug !== ''),
        apps: (lists.apps ?? []).map((app) => app.slug ?? '').filter((slug) => slug !== ''),
    };
}
function classicChecks(protection) {
    if (protection === 'not-protected')
        return [];
    const status = protection.required_status_checks;
    if (status === undefined)
        return [];
    if (status.checks !== undefined)
        return status.checks.map((check) => ({ context: check.context, appId: check.app_id ?? undefined }));
    return (status.contexts ?? []).map((context) => ({ context, appId: undefined }));
}
/**
 * The PUT body that states a protection exactly as GET returned it, with the required checks
 * given. Required signatures are not part of this body: GitHub keeps them as they are.
 */
function classicBody(protection, checks) {
    const current = protection === 'not-protected' ? {} : protection;
    const reviews = current.required_pull_request_reviews;
    const enabled = (setting) => setting?.enabled === true;
    return {
        required_status_checks: current.required_status_checks === undefined && checks.length === 0
            ? null
            : {
                strict: current.required_status_checks?.strict ?? false,
                contexts: checks.map((check) => check.context),
                checks: checks.map((check) => ({ context: check.context, app_id: check.appId ?? ANY_APP })),
            },
        enforce_admins: current.enforce_admins === undefined ? null : enabled(current.enforce_admins),
        required_pull_request_reviews: reviews === undefined
            ? null
            : {
                ...(reviews.dismissal_restrictions !== undefined ? { dismissal_restrictions: names(reviews.dismissal_restrictions) } : {}),
                dismiss_stale_reviews: reviews.dismiss_stale_reviews ?? false,
                require_code_owner_reviews: reviews.require_code_owner_reviews ?? false,
                required_approving_review_count: reviews.required_approving_review_count ?? 0,
                require_last_push_approval: reviews.require_last_push_approval ?? false,
                ...(reviews.bypass_pull_request_allowances !== undefined ? { bypass_pull_request_allowances: names(reviews.bypass_pull_request_allowances) } : {}),
            },
        restrictions: current.restrictions === undefined ? null : names(current.restrictions),
        required_linear_history: enabled(current.required_linear_history),
        allow_force_pushes: enabled(current.allow_force_pushes),
        allow_deletions: enabled(current.allow_deletions),
        block_creations: enabled(current.block_creations),
        required_conversation_resolution: enabled(current.required_conversation_resolution),
        lock_branch: enabled(current.lock_branch),
        allow_fork_syncing: enabled(current.allow_fork_syncing),
    };
}
/** What apply sends to classic protection: every setting as read, our check required and pinned. */
function planClassic(protection, accepted, runs, emittedName) {
    const before = classicChecks(protection);
    const after = desiredChecks(before, accepted, runs, emittedName);
    if (sameChecks(before, after))
        return { kind: 'unchanged', checks: before };
    return { kind: 'change', before, after, body: classicBody(protection, after), creates: protection === 'not-protected' };
}
/**
 * Everything apply must not change, in a canonical form: the whole protection except our own
 * required checks. Equal before and after apply means every other setting was kept.
 */
function classicSettingsOutsideOurs(protection, accepted) {
    const foreign = classicChecks(protection).filter((check) => !isAccepted(check.context, accepted));
    const body = classicBody(protection, foreign);
    const status = body.required_status_checks ?? { strict: false, contexts: [], checks: [] };
    // GitHub reads back an unset enforce_admins as false.
    return canonical({ ...body, required_status_checks: status, enforce_admins: body.enforce_admins ?? false });
}
function canonical(value) {
    return JSON.stringify(value, (_key, inner) => inner !== null && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
        : inner);
}

;// CONCATENATED MODULE: ./src/branch-protection/ruleset-plan.ts

/** Apply never edits a ruleset it did not create: its own carries this name. */
function ownRulesetName(branch) {
    return `surreal-release-gates: required check on ${branch}`;
}
function checksRule(emittedName, strict) {
    return {
        type: 'required_status_checks',
        parameters: {
            strict_required_status_checks_policy: strict,
            do_not_enforce_on_create: false,
            required_status_checks: [{ context: emittedName, integration_id: GITHUB_ACTIONS_APP_ID }],
        },
    };
}
function bypassBody(actors) {
    return actors.map((actor) => ({ actor_id: actor.actorId ?? null, actor_type: actor.actorType, bypass_mode: actor.bypassMode ?? 'always' }));
}
/**
 * The ruleset change that makes `emittedName` required on the branch, pinned to GitHub Actions:
 * create the action's own ruleset, or update it when it exists (its other rules, conditions and
 * bypass actors kept). Rulesets of others are never touched.
 */
function planRuleset(own, branch, emittedName) {
    const ref = `refs/heads/${branch}`;
    if (own === undefined) {
        return {
            kind: 'create',
            body: {
                name: ownRulesetName(branch),
                target: 'branch',
                enforcement: 'active',
                bypass_actors: [],
                conditions: { ref_name: { include: [ref], exclude: [] } },
                rules: [checksRule(emittedName, false)],
            },
        };
    }
    const targets = own.refConditions !== undefined && own.refConditions.include.includes(ref) && !own.refConditions.exclude.includes(ref);
    const pinned = own.requiredChecks.length === 1 && own.requiredChecks[0]?.context === emittedName && own.requiredChecks[0].appId === GITHUB_ACTIONS_APP_ID;
    if (own.enforcement === 'active' && targets && pinned)
        return { kind: 'unchanged', id: own.id };
    let replaced = false;
    const rules = own.rules.map((rule) => {
        if (rule.type !== 'required_status_checks')
            return rule;
        replaced = true;
        return checksRule(emittedName, own.strict);
    });
    const include = own.refConditions?.include.includes(ref) ? own.refConditions.include : [...(own.refConditions?.include ?? []), ref];
    return {
        kind: 'update',
        id: own.id,
        body: {
            name: own.name,
            target: 'branch',
            enforcement: 'active',
            // Bypass actors invisible to this token are left out, so GitHub keeps them as they are.
            ...(own.bypassActors !== undefined ? { bypass_actors: bypassBody(own.bypassActors) } : {}),
            conditions: { ref_name: { include, exclude: (own.refConditions?.exclude ?? []).filter((pattern) => pattern !== ref) } },
            rules: replaced ? rules : [...rules, checksRule(emittedName, false)],
        },
    };
}

;// CONCATENATED MODULE: ./src/gates/branch-protection-change.ts





const checksLabel = (checks) => checks.length === 0 ? 'none' : checks.map((check) => `'${check.context}'@${check.appId ?? 'any app'}`).join(', ');
/** Plans the change that makes the branch compliant, for the configured target. Writes nothing. */
async function planProtectionChange(github, evidence, assessment, target, repository) {
    if (isCompliant(assessment, evidence.requiredCheck)) {
        return { kind: 'none', reason: `Nothing to change: '${evidence.requiredCheck}' is already required on ${evidence.branch}, pinned to GitHub Actions.` };
    }
    const emitted = assessment.emittedName;
    if (emitted === undefined) {
        const found = evidence.proof.found;
        const names = acceptedNames(evidence.requiredCheck).all.map((name) => `'${name}'`).join(' or ');
        return {
            kind: 'blocked',
            finding: found?.kind === 'page-form'
                ? {
                    level: 'fail',
                    message: `No change planned: required-check '${evidence.requiredCheck}' is the pull request page's label; GitHub Actions emits '${found.name}'.`,
                    remediation: `Set required-check to '${found.name}', then plan again.`,
                }
                : {
                    level: 'unverifiable',
                    message: `No change planned: no GitHub Actions check run carrying ${names} was found on the branch or on recently merged pull requests, and requiring a name no job emits would block every pull request forever.`,
                    remediation: 'Run the workflow once on a pull request or the branch first, then plan or apply again.',
                },
        };
    }
    const names = acceptedNames(evidence.requiredCheck);
    if (target === 'classic') {
        const classic = evidence.classic;
        if (classic !== 'not-read' && !classic.ok) {
            return {
                kind: 'blocked',
                finding: {
                    level: 'unverifiable',
                    message: `No classic protection change planned: the current protection could not be read (${describeDenial(classic.denied)}), and apply must keep every other setting.`,
                    remediation: `Use a github-token with ${classic.denied.permission ?? 'administration: read'} (apply needs administration: write).`,
                },
            };
        }
        const before = classic === 'not-read' ? 'not-protected' : classic.value;
        const plan = planClassic(before, names, evidence.checkRuns, emitted);
        if (plan.kind === 'unchanged') {
            return { kind: 'none', reason: `Classic protection already requires ${checksLabel(plan.checks)}; what blocks compliance is elsewhere (see the findings).` };
        }
        return {
            kind: 'classic',
            description: `${plan.creates ? 'Protect' : 'Update the protection of'} ${evidence.branch}: required checks ${checksLabel(plan.before)} -> ${checksLabel(plan.after)}; every other setting as it is.`,
            request: { method: 'PUT', path: `/repos/${repository}/branches/${evidence.branch}/protection`, body: plan.body },
            before,
        };
    }
    const listed = await github.listRulesets();
    const ownSummary = listed.find((ruleset) => ruleset.name === ownRulesetName(evidence.branch) && ruleset.sourceType === 'Repository');
    const own = ownSummary === undefined ? undefined : await github.getRuleset(ownSummary.id);
    const plan = planRuleset(own, evidence.branch, emitted);
    if (plan.kind === 'unchanged') {
        return { kind: 'none', reason: `Ruleset #${plan.id} '${ownRulesetName(evidence.branch)}' already requires '${emitted}' pinned to GitHub Actions; what blocks compliance is elsewhere (see the findings).` };
    }
    return plan.kind === 'create'
        ? {
            kind: 'ruleset',
            description: `Create ruleset '${plan.body.name}' (active, refs/heads/${evidence.branch}) requiring '${emitted}' pinned to GitHub Actions (${GITHUB_ACTIONS_APP_ID}); other rulesets untouched.`,
            request: { method: 'POST', path: `/repos/${repository}/rulesets`, body: plan.body },
            rulesetId: undefined,
        }
        : {
            kind: 'ruleset',
            description: `Update this action's ruleset #${plan.id} to require '${emitted}' pinned to GitHub Actions (${GITHUB_ACTIONS_APP_ID}), active on refs/heads/${evidence.branch}; its other rules kept, other rulesets untouched.`,
            request: { method: 'PUT', path: `/repos/${repository}/rulesets/${plan.id}`, body: plan.body },
            rulesetId: plan.id,
        };
}
function changeSections(change) {
    if (change.kind === 'none' || change.kind === 'blocked')
        return [];
    return [
        { kind: 'text', title: 'Change', text: change.description },
        { kind: 'code', title: 'Request apply sends', language: 'json', text: JSON.stringify(change.request, null, 2) },
    ];
}
/** Sends the planned change and reads it back. Returns findings on what was written and kept. */
async function applyProtectionChange(github, change, branch, requiredCheck) {
    if (change.kind === 'none' || change.kind === 'blocked')
        return [];
    const names = acceptedNames(requiredCheck);
    if (change.kind === 'classic') {
        await github.putClassicProtection(branch, change.request.body);
        const after = await github.getClassicProtection(branch);
        const kept = classicSettingsOutsideOurs(change.before, names) === classicSettingsOutsideOurs(after, names);
        const wanted = change.request.body.required_status_checks?.checks ?? [];
        const afterChecks = classicChecks(after);
        const written = wanted.every((check) => afterChecks.some((seen) => seen.context === check.context && (seen.appId ?? -1) === check.app_id));
        return [
            { level: 'info', message: `Applied: ${change.description}` },
            kept
                ? { level: 'info', message: 'Read back: every protection setting other than our required check is unchanged.' }
                : { level: 'fail', message: 'Read back: protection settings other than our required check changed; compare the report with the branch settings.' },
            ...(written ? [] : [{ level: 'fail', message: `Read back: the required checks are ${checksLabel(afterChecks)}, not as written.` }]),
        ];
    }
    const id = change.request.method === 'POST' ? await github.createRuleset(change.request.body) : (await github.updateRuleset(change.rulesetId ?? -1, change.request.body), change.rulesetId ?? -1);
    const after = await github.getRuleset(id);
    const wanted = change.request.body.rules.flatMap((rule) => {
        const parameters = rule.parameters;
        return rule.type === 'required_status_checks' ? (parameters?.required_status_checks ?? []) : [];
    });
    const written = after.enforcement === 'active' && wanted.every((check) => after.requiredChecks.some((seen) => seen.context === check.context && seen.appId === check.integration_id));
    return [
        { level: 'info', message: `Applied: ${change.description} (ruleset #${id}).` },
        written
            ? { level: 'info', message: `Read back ruleset #${id}: active, requires ${checksLabel(after.requiredChecks)}.` }
            : { level: 'fail', message: `Read back ruleset #${id}: enforcement ${after.enforcement}, requires ${checksLabel(after.requiredChecks)}: not as written.` },
    ];
}

;// CONCATENATED MODULE: ./src/gates/branch-protection-denial.ts

/** A read whose 403/404 is an answer ("this token may not know"), not a crash. */
async function readOrDenied(read) {
    try {
        return { ok: true, value: await read() };
    }
    catch (error) {
        if (error instanceof github_errors/* GitHubFailure */.iK && (error.kind === 'permission' || error.kind === 'not-found')) {
            const denied = { operation: error.operation, status: error.status ?? 0, permission: error.acceptedPermissions, message: error.serverMessage ?? error.message };
            return { ok: false, denied };
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/gates/branch-protection-proof.ts



/** Commits of the branch looked at, the head included (one page of GET .../commits). */
const RECENT_COMMITS = 20;
/** Closed pull requests into the branch read (one page), of which the merged ones are looked at. */
const RECENT_PULL_REQUESTS = 20;
/**
 * Which name GitHub Actions really emits. The head's check runs are read already; when none of
 * them is a GitHub Actions run with an accepted name, the branch's recent commits are searched,
 * then the head commits of recently merged pull requests (CI that runs only on pull_request
 * leaves no check run on the branch), with the check-runs endpoint's check_name and app_id
 * filters, commit by commit, stopping at the first hit. A required-check of three parts is also
 * looked for in the check-run form the pull request page shows that way (the names' pageForm).
 */
async function searchProof(github, branch, headSha, headRuns, accepted, log) {
    const names = proofNames(accepted);
    const kindOf = (name) => (accepted.all.includes(name) ? 'accepted' : 'page-form');
    const denials = [];
    const result = (found, branchCommits, pullRequests) => ({ found, names, branchCommits, pullRequests, denials });
    const onHead = proofOnHead(headSha, headRuns, accepted);
    if (onHead !== undefined)
        return result(onHead, 1, 0);
    const commits = await readOrDenied(() => github.listRecentCommits(branch, RECENT_COMMITS));
    if (!commits.ok)
        denials.push(commits.denied);
    const branchShas = commits.ok ? commits.value : [];
    const seen = new Set([headSha]);
    const onBranch = [];
    branchShas.forEach((sha, index) => {
        if (seen.has(sha))
            return;
        seen.add(sha);
        onBranch.push({ sha, source: { kind: 'branch-commit', position: index } });
    });
    log.info(`No GitHub Actions check run named ${names.map((name) => `'${name}'`).join(' or ')} on the head of ${branch}: searching its ${onBranch.length} previous commit(s), then merged pull requests.`);
    const onBranchHit = await firstHit(github, onBranch, names, kindOf, denials);
    const branchCommits = 1 + onBranch.length;
    if (onBranchHit !== undefined)
        return result(onBranchHit, branchCommits, 0);
    const pulls = await readOrDenied(() => github.listMergedPullRequests(branch, RECENT_PULL_REQUESTS));
    if (!pulls.ok)
        denials.push(pulls.denied);
    const pullCandidates = [];
    for (const pull of pulls.ok ? pulls.value : []) {
        if (seen.has(pull.headSha))
            continue;
        seen.add(pull.headSha);
        pullCandidates.push({ sha: pull.headSha, source: { kind: 'pull-request', number: pull.number } });
    }
    const pullHit = await firstHit(github, pullCandidates, names, kindOf, denials);
    return result(pullHit, branchCommits, pullCandidates.length);
}
/**
 * The first candidate, in order, that carries one of the names (in order) from GitHub Actions.
 * The names of one commit are asked for together; the next commit only when none was there.
 */
async function firstHit(github, candidates, names, kindOf, denials) {
    for (const candidate of candidates) {
        const reads = await Promise.all(names.map((name) => readOrDenied(() => github.findCheckRun(candidate.sha, name, GITHUB_ACTIONS_APP_ID))));
        for (const [index, read] of reads.entries()) {
            const name = names[index] ?? '';
            if (!read.ok) {
                // A commit GitHub no longer has (a pull request's head pushed over) is skipped; a missing
                // permission is the same for every commit: reported once, and the search stops.
                if (read.denied.status === 404)
                    continue;
                denials.push(read.denied);
                return undefined;
            }
            if (read.value !== undefined)
                return { name, kind: kindOf(name), run: read.value, sha: candidate.sha, source: candidate.source };
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/gates/branch-protection-read.ts




class BranchNotFound extends Error {
    name = 'BranchNotFound';
}
/**
 * Reads what the gate judges: the branch summary and head, the active ruleset rules, rulesets
 * not enforced, classic protection where the token may read it, the head's check runs, and the
 * proof of the name GitHub Actions emits (searched beyond the head when needed). Independent
 * reads run in parallel. `knownProof`: a proof read before (the read-back after apply, when the
 * head has not moved), not searched again.
 */
async function readProtectionEvidence(github, repository, requestedBranch, requiredCheck, log, knownProof) {
    const defaultBranch = await github.getDefaultBranch();
    const branch = requestedBranch ?? defaultBranch;
    log.info(`Branch protection of ${repository}@${branch}${requestedBranch === undefined ? ' (default branch)' : ''}, required check '${requiredCheck}'.`);
    let summary;
    try {
        summary = await github.getBranch(branch);
    }
    catch (error) {
        if (error instanceof github_errors/* GitHubFailure */.iK && error.kind === 'not-found')
            throw new BranchNotFound(`Branch '${branch}' does not exist in ${repository} (GET branch answered 404). Check github-branch.`);
        throw error;
    }
    const names = acceptedNames(requiredCheck);
    const [rules, inactiveRulesets, classic, checkRuns] = await Promise.all([
        readOrDenied(() => github.getBranchRules(branch)),
        readOrDenied(async () => {
            const listed = await github.listRulesets();
            return Promise.all(listed.filter((ruleset) => ruleset.enforcement !== 'active').map((ruleset) => github.getRuleset(ruleset.id)));
        }),
        summary.protected ? readOrDenied(() => github.getClassicProtection(branch)) : Promise.resolve('not-read'),
        github.listCheckRuns(summary.headSha),
    ]);
    // Enforcement and bypass actors of the rulesets that carry our check.
    const ourRulesetIds = rules.ok ? [...new Set(rules.value.filter((rule) => rule.checks.some((check) => isAccepted(check.context, names))).map((rule) => rule.rulesetId))] : [];
    const [details, proof] = await Promise.all([
        Promise.all(ourRulesetIds.map(async (id) => [id, await readOrDenied(() => github.getRuleset(id))])),
        knownProof !== undefined && knownProof.headSha === summary.headSha ? knownProof.proof : searchProof(github, branch, summary.headSha, checkRuns, names, log),
    ]);
    const rulesetDetails = new Map(details);
    return { requiredCheck, repository, branch, defaultBranch, summary, rules, rulesetDetails, inactiveRulesets, classic, checkRuns, proof };
}

;// CONCATENATED MODULE: ./src/gates/branch-protection.ts







/** Check-run rows shown in the report; the count is always given. */
const MAX_RUN_ROWS = 50;
/**
 * Proves that `required-check` is really required on the branch (runbook step 5): required by an
 * enforced ruleset or classic protection, under the exact name a GitHub Actions check run carries
 * on the branch head. Plan shows the change that would make it so; apply makes it.
 */
async function runBranchProtection({ config, github, log }) {
    const settings = config.github;
    const repository = settings.repository === undefined ? undefined : `${settings.repository.owner}/${settings.repository.repo}`;
    if (github === undefined || repository === undefined) {
        return (0,outcome/* outcome */.bu)('No GitHub client: github-token and github-repository are required.', [
            { level: 'error', message: 'The branch-protection gate ran without a GitHub client.', remediation: 'Set github-token and github-repository (or GITHUB_REPOSITORY).' },
        ]);
    }
    const baseFacts = [
        { label: 'GitHub API', value: github.apiLabel },
        { label: 'Apply target', value: settings.target },
    ];
    try {
        const evidence = await readProtectionEvidence(github, repository, settings.branch, settings.requiredCheck, log);
        const assessment = evaluateProtection(evidence);
        if (settings.mode === 'check')
            return report(assessment, evidence.checkRuns, settings.requiredCheck, [], [], baseFacts);
        const change = await planProtectionChange(github, evidence, assessment, settings.target, repository);
        if (settings.mode === 'plan') {
            return report(assessment, evidence.checkRuns, settings.requiredCheck, planFindings(change, 'plan'), changeSections(change), baseFacts, planSummary(change));
        }
        if (change.kind === 'none' || change.kind === 'blocked') {
            return report(assessment, evidence.checkRuns, settings.requiredCheck, planFindings(change, 'apply'), [], baseFacts);
        }
        const applied = await applyProtectionChange(github, change, evidence.branch, settings.requiredCheck);
        log.info(`Applied: ${change.description}`);
        // Judge what GitHub holds now, not what was meant to be written.
        const afterEvidence = await readProtectionEvidence(github, repository, evidence.branch, settings.requiredCheck, log, { headSha: evidence.summary.headSha, proof: evidence.proof });
        const after = evaluateProtection(afterEvidence);
        return report(after, afterEvidence.checkRuns, settings.requiredCheck, applied, changeSections(change), baseFacts);
    }
    catch (error) {
        if (error instanceof BranchNotFound) {
            return (0,outcome/* outcome */.bu)(error.message, [{ level: 'fail', message: error.message }], baseFacts);
        }
        if (error instanceof github_errors/* GitHubFailure */.iK) {
            const unknown = error.kind === 'permission' || error.kind === 'not-found' || error.kind === 'rate-limited';
            const remediation = remediationFor(error);
            return (0,outcome/* outcome */.bu)(error.message, [{ level: unknown ? 'unverifiable' : 'error', message: error.message, ...(remediation ? { remediation } : {}) }], baseFacts);
        }
        throw error;
    }
}
/**
 * What to do about a denied read. Check runs need checks: read, which the workflow token gets
 * from the job's permissions and fine-grained personal access tokens cannot get at all.
 */
function remediationFor(error) {
    if (error.kind !== 'permission' && error.kind !== 'not-found')
        return undefined;
    if (error.operation.includes('/check-runs') || error.acceptedPermissions?.includes('checks') === true) {
        return "Pass the workflow token as github-token (the action's default) in a job with permissions checks: read and pull-requests: read; fine-grained personal access tokens cannot get checks: read, so give such a token as github-admin-token instead.";
    }
    return error.acceptedPermissions ? `Give the token '${error.acceptedPermissions}'.` : undefined;
}
function planFindings(change, mode) {
    switch (change.kind) {
        case 'none':
            return [{ level: 'info', message: change.reason }];
        case 'blocked':
            return [change.finding];
        default:
            return mode === 'plan'
                ? [{ level: 'info', message: `Plan: ${change.description} Nothing was changed; branch-protection-mode: apply makes it (administration: write).` }]
                : [];
    }
}
function planSummary(change) {
    return change.kind === 'classic' || change.kind === 'ruleset' ? `Plan: ${change.description}` : undefined;
}
function requirementRows(rows) {
    return rows.map((row) => [
        row.sourceLabel,
        row.context,
        row.appId === undefined ? 'any (not pinned)' : row.appId === GITHUB_ACTIONS_APP_ID ? `${row.appId} (GitHub Actions)` : String(row.appId),
        row.strict === undefined ? 'unknown' : row.strict ? 'on' : 'off',
        row.verdict,
        row.evidenceRun ? `check run #${row.evidenceRun.id} (app ${row.evidenceRun.appId ?? '?'})` : '',
    ]);
}
function runRows(runs, requiredCheck) {
    const names = acceptedNames(requiredCheck);
    const match = (name) => (isAccepted(name, names) ? 'exact' : isNearMiss(name, names) ? 'similar, does not count' : '');
    const rank = (run) => (isAccepted(run.name, names) ? 0 : isNearMiss(run.name, names) ? 1 : 2);
    return [...runs]
        .sort((a, b) => rank(a) - rank(b))
        .slice(0, MAX_RUN_ROWS)
        .map((run) => [run.name, `${run.appSlug ?? 'unknown'} (${run.appId ?? '?'})`, `${run.status}${run.conclusion ? `/${run.conclusion}` : ''}`, String(run.id), match(run.name)]);
}
function report(assessment, runs, requiredCheck, extraFindings, extraSections, baseFacts, summaryOverride) {
    const sections = [
        { kind: 'table', title: 'Required status checks', headers: ['Source', 'Context', 'App', 'Strict', 'Verdict', 'Evidence'], rows: requirementRows(assessment.requirements) },
        {
            kind: 'table',
            title: `Check runs on the head (${runs.length}${runs.length > MAX_RUN_ROWS ? `, first ${MAX_RUN_ROWS} shown` : ''})`,
            headers: ['Name', 'App', 'Status', 'Id', 'Match'],
            rows: runRows(runs, requiredCheck),
        },
        ...extraSections,
    ];
    const result = (0,outcome/* outcome */.bu)(assessment.summary, [...assessment.findings, ...extraFindings], [...assessment.facts, ...baseFacts], sections);
    if (summaryOverride === undefined)
        return result;
    return { ...result, summary: `${summaryOverride} Now: ${assessment.summary}` };
}
const branchProtectionGate = {
    id: 'branch-protection',
    title: 'Branch protection: required check surreal-release-gates',
    report: 'branch-protection-surreal-release-gates-latest.md',
    mode: (config) => config.github.mode,
    run: runBranchProtection,
};

;// CONCATENATED MODULE: ./src/gates/bucket.ts

/** Ensures the attachment bucket exists; creates it in apply mode, never deletes or empties anything. */
async function runBucket({ config, s3 }) {
    const bucket = config.s3.bucket;
    const facts = [{ label: 'Addressing', value: config.s3.forcePathStyle ? 'path-style' : 'virtual-hosted' }];
    if (await s3.bucketExists()) {
        return (0,outcome/* outcome */.bu)(`Bucket ${bucket} exists.`, [{ level: 'info', message: `HeadBucket ${bucket}: 200.` }], facts);
    }
    if (config.mode === 'plan') {
        return (0,outcome/* outcome */.bu)(`Bucket ${bucket} is missing; apply would create it.`, [
            {
                level: 'warn',
                message: `Bucket ${bucket} does not exist; mode plan changed nothing.`,
                evidence: `HeadBucket ${bucket}: 404`,
                remediation: 'Run with mode: apply to create it.',
            },
        ], facts);
    }
    const created = await s3.createBucket();
    const message = created === 'created' ? `Created bucket ${bucket}.` : `Bucket ${bucket} appeared meanwhile (BucketAlreadyOwnedByYou).`;
    return (0,outcome/* outcome */.bu)(message, [{ level: 'info', message, evidence: `HeadBucket ${bucket}: 404, then CreateBucket` }], facts);
}
const bucketGate = {
    id: 'bucket',
    title: 'Chat attachment bucket',
    report: 'chat-attachment-bucket-latest.md',
    mode: (config) => config.mode,
    run: runBucket,
};

;// CONCATENATED MODULE: ./src/growth/judge.ts
function ageDays(now, then) {
    return (now.getTime() - then.getTime()) / 86_400_000;
}
const days = (value) => `${value.toFixed(1)} days`;
/** Objects past expire-days plus the grace prove lifecycle is not executing: a FAIL. */
function judgeGrowth(tally, policy) {
    const limit = policy.expireDays + policy.graceDays;
    if (tally.overdue > 0) {
        const oldest = tally.oldest;
        return {
            summary: `${tally.overdue} of ${tally.objects} object(s) under ${policy.prefix} are older than ${limit} days (expire-days ${policy.expireDays} + grace ${policy.graceDays}): lifecycle is not executing.`,
            findings: [
                {
                    level: 'fail',
                    message: `${tally.overdue} object(s) (${tally.overdueBytes} bytes) under ${policy.prefix} were last modified before ${policy.overdueBefore.toISOString()}, more than ${limit} days ago; lifecycle should have expired them.`,
                    ...(oldest ? { evidence: `oldest: ${oldest.key}, ${days(ageDays(policy.now, oldest.lastModified))} old` } : {}),
                    remediation: 'Check that the lifecycle rule covers the prefix (verify gate) and that the server runs lifecycle (RGW: rgw_enable_lc_threads, `radosgw-admin lc list`; MinIO: scanner; AWS: expiry runs daily). See the overdue sample below.',
                },
            ],
        };
    }
    const oldestText = tally.oldest ? `; oldest ${days(ageDays(policy.now, tally.oldest.lastModified))}` : '';
    return {
        summary: `${tally.objects} object(s), ${tally.bytes} bytes under ${policy.prefix}; none older than ${limit} days${oldestText}.`,
        findings: [{ level: 'info', message: `No object under ${policy.prefix} is older than expire-days ${policy.expireDays} + grace ${policy.graceDays} days.` }],
    };
}
function growthFacts(tally, policy) {
    return [
        { label: 'Objects', value: String(tally.objects) },
        { label: 'Bytes', value: String(tally.bytes) },
        { label: '.bin objects', value: String(tally.byKind.bin) },
        { label: '.json objects', value: String(tally.byKind.json) },
        { label: 'Other objects', value: String(tally.byKind.other) },
        { label: 'Oldest object age', value: tally.oldest ? `${days(ageDays(policy.now, tally.oldest.lastModified))} (${tally.oldest.key})` : 'none (empty prefix)' },
        { label: 'Overdue after', value: `${policy.expireDays + policy.graceDays} days (expire-days ${policy.expireDays} + retention-grace-days ${policy.graceDays}), i.e. last modified before ${policy.overdueBefore.toISOString()}` },
        { label: 'Overdue objects', value: String(tally.overdue) },
        { label: policy.nowLabel ?? 'Scan time (now)', value: policy.now.toISOString() },
    ];
}
function overdueSection(tally, policy) {
    return {
        kind: 'table',
        title: `Overdue objects (the ${tally.overdueSample.length} oldest of ${tally.overdue})`,
        headers: ['Key', 'Last modified', 'Age', 'Bytes'],
        rows: tally.overdueSample.map((object) => [object.key, object.lastModified.toISOString(), days(ageDays(policy.now, object.lastModified)), String(object.size)]),
    };
}

// EXTERNAL MODULE: ./src/growth/metrics.ts
var metrics = __nccwpck_require__(29414);
;// CONCATENATED MODULE: ./src/util/pool.ts
/**
 * Runs `work` over `items` with at most `limit` calls in flight; results keep the items' order.
 * The first rejection is rethrown after the calls already started have settled, so nothing keeps
 * running behind the caller's back.
 */
async function mapWithLimit(items, limit, work) {
    if (!Number.isInteger(limit) || limit < 1)
        throw new Error(`concurrency limit must be a positive integer, got ${limit}`);
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const index = next;
            next += 1;
            try {
                results[index] = await work(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failure !== undefined)
        throw failure.error;
    return results;
}

;// CONCATENATED MODULE: ./src/growth/keys.ts
/**
 * S3 lists keys in the order of their UTF-8 bytes. JavaScript compares UTF-16 code units, which
 * disagrees for characters above U+FFFF against U+E000..U+FFFF, so every comparison of keys goes
 * through this function.
 */
function compareKeys(a, b) {
    if (a === b)
        return 0;
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
/**
 * Characters S3 calls safe in key names, in byte order: the scan lists one shard per next key
 * character among these. Keys whose next character is anything else are still counted (the gap
 * probes find them), just not in parallel.
 */
const SHARD_CHARACTERS = [..."!'()*-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"];
/**
 * The shards still to list once every key up to `countedThrough` is counted: a shard whose keys
 * all sort at or before it is skipped; the one it falls in continues after it.
 */
function planShards(prefix, countedThrough, characters = SHARD_CHARACTERS) {
    const shards = [];
    for (const character of characters) {
        const shardPrefix = `${prefix}${character}`;
        if (countedThrough === undefined || compareKeys(countedThrough, shardPrefix) < 0) {
            shards.push({ prefix: shardPrefix, startAfter: undefined });
        }
        else if (countedThrough.startsWith(shardPrefix)) {
            shards.push({ prefix: shardPrefix, startAfter: countedThrough });
        }
        // else: every key of this shard sorts before countedThrough, so it is counted already.
    }
    return shards;
}
/**
 * The probes that make the shard listing exact: one between every two consecutive non-empty spans,
 * and one after the last. `countedThrough` is the last key counted before the shards ran.
 */
function gapProbes(countedThrough, spans) {
    const listed = spans.filter((span) => span !== undefined).sort((a, b) => compareKeys(a.firstKey, b.firstKey));
    const probes = [];
    let after = countedThrough;
    for (const span of listed) {
        probes.push({ startAfter: after, nextKnownKey: span.firstKey });
        if (compareKeys(span.lastKey, after) > 0)
            after = span.lastKey;
    }
    probes.push({ startAfter: after, nextKnownKey: undefined });
    return probes;
}

;// CONCATENATED MODULE: ./src/growth/tally.ts
/** How many overdue keys a report lists: enough to investigate, bounded whatever the count. */
const OVERDUE_SAMPLE_SIZE = 20;
/** The runbook's two object kinds: payload (`*.bin`) and metadata (`*.json`). */
function kindOf(key) {
    if (key.endsWith('.bin'))
        return 'bin';
    if (key.endsWith('.json'))
        return 'json';
    return 'other';
}
function createTally() {
    return { objects: 0, bytes: 0, byKind: { bin: 0, json: 0, other: 0 }, oldest: undefined, newest: undefined, overdue: 0, overdueBytes: 0, overdueSample: [] };
}
/** Counts one object; it is overdue when it was last modified before `overdueBefore`. */
function countObject(tally, object, overdueBefore, sampleSize = OVERDUE_SAMPLE_SIZE) {
    tally.objects += 1;
    tally.bytes += object.size;
    tally.byKind[kindOf(object.key)] += 1;
    const time = object.lastModified.getTime();
    if (tally.oldest === undefined || time < tally.oldest.lastModified.getTime())
        tally.oldest = object;
    if (tally.newest === undefined || time > tally.newest.lastModified.getTime())
        tally.newest = object;
    if (time < overdueBefore.getTime()) {
        tally.overdue += 1;
        tally.overdueBytes += object.size;
        keepOldest(tally.overdueSample, object, sampleSize);
    }
}
/** Inserts in age order and drops the youngest beyond `size`: O(size) per object, size is small. */
function keepOldest(sample, object, size) {
    const time = object.lastModified.getTime();
    const last = sample[sample.length - 1];
    if (sample.length >= size && last !== undefined && last.lastModified.getTime() <= time)
        return;
    let index = sample.length;
    while (index > 0 && (sample[index - 1]?.lastModified.getTime() ?? 0) > time)
        index -= 1;
    sample.splice(index, 0, object);
    if (sample.length > size)
        sample.pop();
}
/** The cut-off: objects older than expire-days plus the grace are overdue. */
function overdueCutoff(now, expireDays, graceDays) {
    return new Date(now.getTime() - (expireDays + graceDays) * 86_400_000);
}

;// CONCATENATED MODULE: ./src/growth/scan.ts



/**
 * ListObjectsV2 requests in flight at most. Each page in flight is memory that outlives young-
 * generation collections, and what survives them makes V8 grow its heap over a long scan: 4 kept
 * the peak RSS at 100,000 objects within 1.5x that at 10,000 (16 took it to 1.9x with the same
 * lean page reader) and was as fast against a local RGW, which 4 requests already keep busy.
 * Against a distant endpoint the scan takes about pages / 4 x the latency of one page.
 */
const MAX_LIST_REQUESTS_IN_FLIGHT = 4;
/**
 * Counts every object under a prefix while holding only aggregates. One plain page first: a
 * small prefix ends there. Otherwise the rest is listed in parallel, one shard per next key
 * character (at most `maxInFlight` requests at once), and gap probes between the shards make the
 * result exact whatever characters the keys use.
 */
async function scanPrefix(listPage, options) {
    const tally = createTally();
    const limit = options.maxInFlight ?? MAX_LIST_REQUESTS_IN_FLIGHT;
    let requests = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const list = async (request) => {
        requests += 1;
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
            return await listPage(request);
        }
        finally {
            inFlight -= 1;
        }
    };
    const count = (object) => countObject(tally, object, options.overdueBefore);
    const first = await list({ prefix: options.prefix });
    first.objects.forEach(count);
    const countedThrough = first.objects[first.objects.length - 1]?.key;
    if (first.nextContinuationToken === undefined || countedThrough === undefined) {
        return { tally, stats: { requests, shards: 0, gapKeys: 0, maxInFlight } };
    }
    const shards = planShards(options.prefix, countedThrough, options.characters ?? SHARD_CHARACTERS);
    const spans = await mapWithLimit(shards, limit, (shard) => listShard(list, shard, count));
    const probes = gapProbes(countedThrough, spans);
    const gapCounts = await mapWithLimit(probes, limit, (probe) => closeGap(list, options.prefix, probe, count));
    const gapKeys = gapCounts.reduce((sum, keys) => sum + keys, 0);
    return { tally, stats: { requests, shards: shards.length, gapKeys, maxInFlight } };
}
/** Lists every page of one shard; returns the span it covered. */
async function listShard(list, shard, count) {
    let firstKey;
    let lastKey;
    let token;
    do {
        const page = await list({
            prefix: shard.prefix,
            ...(shard.startAfter !== undefined ? { startAfter: shard.startAfter } : {}),
            ...(token !== undefined ? { continuationToken: token } : {}),
        });
        for (const object of page.objects) {
            count(object);
            firstKey ??= object.key;
            lastKey = object.key;
        }
        token = page.nextContinuationToken;
    } while (token !== undefined);
    return firstKey !== undefined && lastKey !== undefined ? { firstKey, lastKey } : undefined;
}
/**
 * One probe key after the span; when it sorts before the next known key, the keys in between lie
 * outside every shard: list and count them up to (not including) that key. Returns how many.
 */
async function closeGap(list, prefix, probe, count) {
    const before = (key) => probe.nextKnownKey === undefined || compareKeys(key, probe.nextKnownKey) < 0;
    const peek = await list({ prefix, startAfter: probe.startAfter, maxKeys: 1 });
    const found = peek.objects[0];
    if (found === undefined || !before(found.key))
        return 0;
    let counted = 0;
    let token;
    for (;;) {
        const page = await list({ prefix, startAfter: probe.startAfter, ...(token !== undefined ? { continuationToken: token } : {}) });
        for (const object of page.objects) {
            if (!before(object.key))
                return counted;
            count(object);
            counted += 1;
        }
        token = page.nextContinuationToken;
        if (token === undefined)
            return counted;
    }
}

// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __nccwpck_require__(41095);
;// CONCATENATED MODULE: ./src/growth/inventory-manifest.ts

/**
 * The parts of an AWS S3 Inventory report the growth gate reads: the dated folder names and the
 * `manifest.json` of one report (format documented in the S3 user guide, "Locating your inventory
 * list": sourceBucket, destinationBucket, version, creationTimestamp in epoch milliseconds as a
 * string, fileFormat, fileSchema, files[] of {key, size, MD5checksum}).
 */
/**
 * A report the gate cannot judge from (unsupported, inconsistent or damaged): never PASS. Its
 * message quotes keys and manifest fields, which are untrusted: control characters are shown as
 * escapes, so a newline in a key cannot start a workflow command in the log.
 */
class InventoryProblem extends Error {
    remediation;
    constructor(message, remediation) {
        super((0,printable/* printable */.g)(message));
        this.remediation = remediation;
        this.name = 'InventoryProblem';
    }
}
/** `YYYY-MM-DDTHH-MMZ`: the name S3 gives each report's folder (the scan's start, UTC). */
const DATED_FOLDER = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})Z$/;
/** The last segment of a folder prefix (`a/b/c/` -> `c`). */
function folderName(prefix) {
    const segments = prefix.split('/');
    return segments[segments.length - 2] ?? '';
}
/** True when the folder is one report's dated folder. */
function isDatedFolder(prefix) {
    return DATED_FOLDER.test(folderName(prefix));
}
/** Dated folders, newest first (their names sort as their times do). */
function newestFirst(folders) {
    return folders.filter(isDatedFolder).sort((a, b) => (folderName(a) < folderName(b) ? 1 : folderName(a) > folderName(b) ? -1 : 0));
}
const SUPPORTED_FORMAT = 'CSV';
/** Parses and checks a manifest.json; `where` names it in messages (s3://bucket/key). */
function parseManifest(text, where) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new InventoryProblem(`${where} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`, 'Point inventory-location at the folder S3 Inventory writes to; the manifest may have been damaged.');
    }
    const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
    const field = (name) => {
        const value = record[name];
        if (typeof value !== 'string' || value.length === 0)
            throw missing(where, name);
        return value;
    };
    const fileFormat = field('fileFormat');
    if (fileFormat !== SUPPORTED_FORMAT) {
        throw new InventoryProblem(`${where} describes a ${fileFormat} inventory; the growth gate reads CSV inventories only.`, 'Add an inventory configuration with output format CSV for this bucket (or change the format of this one), wait for its first report, and point inventory-location at it; or use growth-source: list.');
    }
    const timestamp = field('creationTimestamp');
    const millis = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
    if (!Number.isFinite(millis))
        throw new InventoryProblem(`${where}: creationTimestamp ${JSON.stringify(timestamp)} is not epoch milliseconds.`, 'The manifest is not one S3 Inventory wrote; point inventory-location at the real report.');
    const filesValue = record.files;
    if (!Array.isArray(filesValue) || filesValue.length === 0)
        throw missing(where, 'files');
    const files = filesValue.map((entry, index) => parseFile(entry, `${where} files[${index}]`));
    return {
        sourceBucket: field('sourceBucket'),
        destinationBucket: field('destinationBucket'),
        version: field('version'),
        creationTime: new Date(millis),
        fileFormat,
        fileSchema: field('fileSchema'),
        files,
    };
}
function parseFile(entry, where) {
    const file = typeof entry === 'object' && entry !== null ? entry : {};
    const { key, size, MD5checksum: md5 } = file;
    if (typeof key !== 'string' || key.length === 0)
        throw missing(where, 'key');
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        throw missing(where, 'size');
    if (typeof md5 !== 'string' || !/^[0-9a-fA-F]{32}$/.test(md5))
        throw missing(where, 'MD5checksum');
    return { key, size, md5: md5.toLowerCase() };
}
function missing(where, field) {
    return new InventoryProblem(`${where} lacks a valid ${field}.`, 'The manifest is not one S3 Inventory wrote, or it is damaged; point inventory-location at the real report.');
}
/**
 * fileSchema lists the CSV columns in order, separated by ", ". The order depends on the fields a
 * configuration includes, so columns are found by name, never by position.
 */
function parseSchema(fileSchema, where) {
    const names = fileSchema.split(',').map((name) => name.trim());
    const index = (name) => {
        const found = names.indexOf(name);
        return found < 0 ? undefined : found;
    };
    const required = (name) => {
        const found = index(name);
        if (found === undefined) {
            throw new InventoryProblem(`${where}: fileSchema has no ${name} field (it lists: ${names.join(', ')}).`, 'Add the optional fields Size and Last modified to the inventory configuration; the next report will carry them.');
        }
        return found;
    };
    if (names.some((name) => name.length === 0) || new Set(names).size !== names.length) {
        throw new InventoryProblem(`${where}: fileSchema ${JSON.stringify(fileSchema)} has an empty or repeated field name.`, 'The manifest is not one S3 Inventory wrote; point inventory-location at the real report.');
    }
    const isLatest = index('IsLatest');
    const isDeleteMarker = index('IsDeleteMarker');
    if ((isLatest === undefined) !== (isDeleteMarker === undefined)) {
        throw new InventoryProblem(`${where}: fileSchema has only one of IsLatest and IsDeleteMarker.`, 'The manifest is not one S3 Inventory wrote; point inventory-location at the real report.');
    }
    return { count: names.length, key: required('Key'), size: required('Size'), lastModified: required('LastModifiedDate'), isLatest, isDeleteMarker };
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(57075);
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(38522);
// EXTERNAL MODULE: external "stream"
var external_stream_ = __nccwpck_require__(2203);
;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/is_object.js
const is_object = function (obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/CsvError.js
class CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== undefined) {
      Error.captureStackTrace(this, CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value)
          ? value.toString(options.encoding)
          : value == null
            ? value
            : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_columns_array.js



const normalize_columns_array = function (columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === undefined || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal",
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`,
      ]);
    }
  }
  return normalizedColumns;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/ResizeableBuffer.js
class ResizeableBuffer {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
}

/* harmony default export */ const utils_ResizeableBuffer = (ResizeableBuffer);

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/init_state.js


const init_state = function (options) {
  // ECMAScript WhiteSpace + LineTerminator codepoints, encoded under
  // `options.encoding`. Aligns trimming with `String.prototype.trim()`.
  // https://tc39.es/ecma262/#sec-white-space
  // https://tc39.es/ecma262/#sec-line-terminators
  //
  // Codepoints unrepresentable in the target encoding are dropped: Node's
  // Buffer substitutes them with `?` (0x3F), and including those would cause
  // literal `?` bytes in the input to be trimmed under `latin1`/`ascii`.
  const timchars = [
    // Basic Latin
    0x0020, // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    0x0009, // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    0x000a, // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    0x000d, // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    0x000c, // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    0x000b, // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    0x00a0, // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    0x1680, // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    0x2000, // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    0x2001, // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    0x2002, // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    0x2003, // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    0x2004, // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    0x2005, // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    0x2006, // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    0x2007, // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    0x2008, // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    0x2009, // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    0x200a, // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    0x2028, // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    0x2029, // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    0x202f, // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    0x205f, // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    0x3000, // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    0xfeff, // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding,
    );
    if (codepoint !== 0x3f && encoded.length === 1 && encoded[0] === 0x3f) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  // First-byte lookup table for `__isCharTrimable`. Non-whitespace bytes
  // (the common case) bail out in O(1) without scanning every timchar.
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: undefined,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: undefined,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote:
      Buffer.isBuffer(options.escape) &&
      Buffer.isBuffer(options.quote) &&
      Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns)
      ? options.columns.length
      : undefined,
    field: new utils_ResizeableBuffer(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      // Skip if the remaining buffer can be delimiter
      ...(options.delimiter
        ? options.delimiter.map((delimiter) => delimiter.length)
        : []),
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      // Skip if the remaining buffer can be a multi-byte trim character
      ...timchars.map((t) => t.length),
    ),
    previousBuf: undefined,
    quoting: false,
    stop: false,
    rawBuffer: new utils_ResizeableBuffer(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength:
      options.record_delimiter.length === 0
        ? 0
        : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("\t", options.encoding)[0],
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: timchars,
    timcharFirstBytes: timcharFirstBytes,
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/underscore.js
const underscore = function (str) {
  return str.replace(/([A-Z])/g, function (_, match) {
    return "_" + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_options.js





const normalize_options = function (opts) {
  const options = {};
  // Merge with user options
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  // Normalize option `encoding`
  // Note: defined first because other options depends on it
  // to convert chars/strings into buffers.
  if (options.encoding === undefined || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (
    typeof options.encoding !== "string" &&
    options.encoding !== null
  ) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`,
      ],
      options,
    );
  }
  // Normalize option `bom`
  if (
    options.bom === undefined ||
    options.bom === null ||
    options.bom === false
  ) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`,
      ],
      options,
    );
  }
  // Normalize option `cast`
  options.cast_function = null;
  if (
    options.cast === undefined ||
    options.cast === null ||
    options.cast === false ||
    options.cast === ""
  ) {
    options.cast = undefined;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`,
      ],
      options,
    );
  }
  // Normalize option `cast_date`
  if (
    options.cast_date === undefined ||
    options.cast_date === null ||
    options.cast_date === false ||
    options.cast_date === ""
  ) {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function (value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`,
      ],
      options,
    );
  }
  // Normalize option `columns`
  options.cast_first_line_to_header = undefined;
  if (options.columns === true) {
    // Fields in the first line are converted as-is to columns
    options.cast_first_line_to_header = undefined;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (
    options.columns === undefined ||
    options.columns === null ||
    options.columns === false
  ) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`,
      ],
      options,
    );
  }
  // Normalize option `group_columns_by_name`
  if (
    options.group_columns_by_name === undefined ||
    options.group_columns_by_name === null ||
    options.group_columns_by_name === false
  ) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`,
      ],
      options,
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated.",
      ],
      options,
    );
  }
  // Normalize option `comment`
  if (
    options.comment === undefined ||
    options.comment === null ||
    options.comment === false ||
    options.comment === ""
  ) {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `comment_no_infix`
  if (
    options.comment_no_infix === undefined ||
    options.comment_no_infix === null ||
    options.comment_no_infix === false
  ) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`,
      ],
      options,
    );
  }
  // Normalize option `delimiter_auto`
  if (
    options.delimiter_auto === undefined ||
    options.delimiter_auto === null ||
    options.delimiter_auto === false
  ) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`,
      ],
      options,
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === undefined)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["\t".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4,
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.score === undefined)
      options.delimiter_auto.score = (info, options) => {
        return (
          (info.total - info.std) * (options.preferred[info.char_code] || 1)
        );
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.size === undefined)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `delimiter`
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (
      options.delimiter === undefined ||
      options.delimiter === null ||
      options.delimiter === false
    ) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function (delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`,
        ],
        options,
      );
    }
    return delimiter;
  });
  // Normalize option `escape`
  if (options.escape === undefined || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`,
      );
    }
  }
  // Normalize option `from`
  if (options.from === undefined || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`,
      );
    }
  }
  // Normalize option `from_line`
  if (options.from_line === undefined || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (
      typeof options.from_line === "string" &&
      /\d+/.test(options.from_line)
    ) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`,
      );
    }
  }
  // Normalize options `ignore_last_delimiters`
  if (
    options.ignore_last_delimiters === undefined ||
    options.ignore_last_delimiters === null
  ) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`,
      ],
      options,
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option",
      ],
      options,
    );
  }
  // Normalize option `info`
  if (
    options.info === undefined ||
    options.info === null ||
    options.info === false
  ) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`,
    );
  }
  // Normalize option `max_record_size`
  if (
    options.max_record_size === undefined ||
    options.max_record_size === null ||
    options.max_record_size === false
  ) {
    options.max_record_size = 0;
  } else if (
    Number.isInteger(options.max_record_size) &&
    options.max_record_size >= 0
  ) {
    // Great, nothing to do
  } else if (
    typeof options.max_record_size === "string" &&
    /\d+/.test(options.max_record_size)
  ) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`,
    );
  }
  // Normalize option `objname`
  if (
    options.objname === undefined ||
    options.objname === null ||
    options.objname === false
  ) {
    options.objname = undefined;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
      // Don't call `toString`, leave objname as a buffer
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
    // Great, nothing to do
  } else if (typeof options.objname === "number") {
    // if(options.objname.length === 0){
    //   throw new Error(`Invalid Option: objname must be a non empty string`);
    // }
    // Great, nothing to do
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`,
    );
  }
  if (options.objname !== undefined) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field",
        );
      }
    } else {
      // A string or a buffer
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index",
        );
      }
    }
  }
  // Normalize option `on_record`
  if (options.on_record === undefined || options.on_record === null) {
    options.on_record = undefined;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`,
      ],
      options,
    );
  }
  // Normalize option `on_skip`
  // options.on_skip ??= (err, chunk) => {
  //   this.emit('skip', err, chunk);
  // };
  if (
    options.on_skip !== undefined &&
    options.on_skip !== null &&
    typeof options.on_skip !== "function"
  ) {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`,
    );
  }
  // Normalize option `quote`
  if (
    options.quote === null ||
    options.quote === false ||
    options.quote === ""
  ) {
    options.quote = null;
  } else {
    if (options.quote === undefined || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`,
      );
    }
  }
  // Normalize option `raw`
  if (
    options.raw === undefined ||
    options.raw === null ||
    options.raw === false
  ) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`,
    );
  }
  // Normalize option `record_delimiter`
  if (options.record_delimiter === undefined) {
    options.record_delimiter = [];
  } else if (
    typeof options.record_delimiter === "string" ||
    Buffer.isBuffer(options.record_delimiter)
  ) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`,
        ],
        options,
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`,
      ],
      options,
    );
  }
  options.record_delimiter = options.record_delimiter.map(function (rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  // Normalize option `relax_column_count`
  if (typeof options.relax_column_count === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count === undefined ||
    options.relax_column_count === null
  ) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`,
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_less === undefined ||
    options.relax_column_count_less === null
  ) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`,
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_more === undefined ||
    options.relax_column_count_more === null
  ) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`,
    );
  }
  // Normalize option `relax_quotes`
  if (typeof options.relax_quotes === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_quotes === undefined ||
    options.relax_quotes === null
  ) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`,
    );
  }
  // Normalize option `skip_empty_lines`
  if (typeof options.skip_empty_lines === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_empty_lines === undefined ||
    options.skip_empty_lines === null
  ) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`,
    );
  }
  // Normalize option `skip_records_with_empty_values`
  if (typeof options.skip_records_with_empty_values === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_empty_values === undefined ||
    options.skip_records_with_empty_values === null
  ) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`,
    );
  }
  // Normalize option `skip_records_with_error`
  if (typeof options.skip_records_with_error === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_error === undefined ||
    options.skip_records_with_error === null
  ) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`,
    );
  }
  // Normalize option `rtrim`
  if (
    options.rtrim === undefined ||
    options.rtrim === null ||
    options.rtrim === false
  ) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`,
    );
  }
  // Normalize option `ltrim`
  if (
    options.ltrim === undefined ||
    options.ltrim === null ||
    options.ltrim === false
  ) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`,
    );
  }
  // Normalize option `trim`
  if (
    options.trim === undefined ||
    options.trim === null ||
    options.trim === false
  ) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`,
    );
  }
  // Normalize options `trim`, `ltrim` and `rtrim`
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  // Normalize option `to`
  if (options.to === undefined || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`,
      );
    }
  }
  // Normalize option `to_line`
  if (options.to_line === undefined || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`,
      );
    }
  }
  return options;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/delimiter_discover.js



// Discussed in [issue #400](https://github.com/adaltas/node-csv/issues/400)
// See https://github.com/python/cpython/blob/ea1b1c579f600cc85d145c60862b2e6b98701b24/Lib/csv.py#L349
const delimiter_discover = function (records, options) {
  // Normalize the configuration
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  // Convert String to Buffer
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  // Convert Buffer to an array of records
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records.push(record);
      const close = () => {};
      const error = parser.parse(data, true, push, close);
      if (error !== undefined) throw error;
      return records;
    })(records);
  }
  // Info array initialization, 127 entries, one per char code
  const info = Array(127)
    .fill()
    .map(() => ({ lines: [] }));
  // Traverse each records, count occurences per char code
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      // Count the character frequency
      const code = record.charCodeAt(i);
      if (info[code].lines[line] === undefined) info[code].lines[line] = 0;
      info[code].lines[line]++;
    }
  });
  // Traverse each char code, compute the score
  info.map((info, i) => {
    info.char_code = i;
    info.std = std(info.lines);
    info.total = info.lines.reduce((acc, val) => acc + val, 0);
    info.preferred = !!options.preferred[i];
    info.score = options.score(info, options);
  });
  // Extract the dominant character
  const result = info.reduce(
    (acc, info) => (acc.score > info.score ? acc : info),
    {},
  );
  return String.fromCharCode(result.char_code);
};

const std = function (array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n,
  );
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/index.js






const isRecordEmpty = function (record) {
  return record.every(
    (field) =>
      field == null || (field.toString && field.toString().trim() === ""),
  );
};

const cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal

const boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254]),
};

const transform = function (original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0,
  };
  const options = normalize_options(original_options);
  return {
    info: info,
    original_options: original_options,
    options: options,
    state: init_state(options),
    __needMoreData: function (i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } =
        this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0
          ? Buffer.from("\r\n", encoding).length
          : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0,
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function (nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line,
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote,
      } = this.state;
      // Automatic delimiter discovery
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === undefined) {
          delimiterBuf = nextBuf;
        } else if (
          delimiterBufPrevious !== undefined &&
          nextBuf === undefined
        ) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        // Ensure that nextBuf is not concatenated a second time during buffer reconciliation
        nextBuf = undefined;
        // this.delimiterBufPrevious = delimiterBuf;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto),
            ),
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = undefined;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      // Previous buffers reconciliation
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === undefined) {
        if (nextBuf === undefined) {
          // Handle empty string
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== undefined && nextBuf === undefined) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      // Handle UTF BOM
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          // No enough data
          if (end === false) {
            // Wait for more data
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding in boms) {
            if (boms[encoding].compare(buf, 0, boms[encoding].length) === 0) {
              // Skip BOM
              const bomLength = boms[encoding].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              // Renormalize original options with the new encoding
              const options = normalize_options({
                ...this.original_options,
                encoding: encoding,
              });
              // Properties are merged with the existing options instance
              for (const key in options) {
                this.options[key] = options[key];
              }
              // Options will re-evaluate the Buffer with the new encoding
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        // Ensure we get enough space to look ahead
        // There should be a way to move this out of the loop
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        // Auto discovery of record_delimiter, unix, mac and windows supported
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos,
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if (
          (chr === cr || chr === nl) &&
          this.state.wasRowDelimiter === false
        ) {
          this.state.wasRowDelimiter = true;
        }
        // Previous char was a valid escape char
        // treat the current char as a regular char
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          // Escape is only active inside quoted fields
          // We are quoting, the char is an escape chr and there is a chr to escape
          // if(escape !== null && this.state.quoting === true && chr === escape && pos + 1 < bufLen){
          if (
            escape !== null &&
            this.state.quoting === true &&
            this.__isEscape(buf, pos, chr) &&
            pos + escape.length < bufLen
          ) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          // Not currently escaping and chr is a quote
          // TODO: need to compare bytes instead of single char
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable =
                rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment =
                comment !== null &&
                this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr,
              );
              const isNextChrRecordDelimiter =
                record_delimiter.length === 0
                  ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length)
                  : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              // Escape a quote
              // Treat next char as a regular character
              if (
                escape !== null &&
                this.__isEscape(buf, pos, chr) &&
                this.__isQuote(buf, pos + escape.length)
              ) {
                pos += escape.length - 1;
              } else if (
                !nextChr ||
                isNextChrDelimiter ||
                isNextChrRecordDelimiter ||
                isNextChrComment ||
                isNextChrTrimable
              ) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment",
                    ],
                    this.options,
                    this.__infoField(),
                  ),
                );
                if (err !== undefined) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                // In relax_quotes mode, treat opening quote preceded by chrs as regular
                if (relax_quotes === false) {
                  const info = this.__infoField();
                  const bom = Object.keys(boms)
                    .map((b) =>
                      boms[b].equals(this.state.field.toString()) ? b : false,
                    )
                    .filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info.column)} at line ${info.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom ? `(${bom} bom)` : undefined,
                      ],
                      this.options,
                      info,
                      {
                        field: this.state.field,
                      },
                    ),
                  );
                  if (err !== undefined) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos,
            );
            if (recordDelimiterLength !== 0) {
              // Do not emit comments which take a full line
              const skipCommentLine =
                this.state.commenting &&
                this.state.wasQuoting === false &&
                this.state.record.length === 0 &&
                this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
                // Skip full comment line
              } else {
                // Activate records emission if above from_line
                if (
                  this.state.enabled === false &&
                  this.info.lines +
                    (this.state.wasRowDelimiter === true ? 1 : 0) >=
                    from_line
                ) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                // Skip if line is empty and skip_empty_lines activated
                if (
                  skip_empty_lines === true &&
                  this.state.wasQuoting === false &&
                  this.state.record.length === 0 &&
                  this.state.field.length === 0
                ) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== undefined) return errField;
                this.info.bytes =
                  this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== undefined) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (
              comment !== null &&
              (comment_no_infix === false ||
                (this.state.record.length === 0 &&
                  this.state.field.length === 0))
            ) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== undefined) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (
            max_record_size !== 0 &&
            this.state.record_length + this.state.field.length > max_record_size
          ) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
              ),
            );
          }
        }
        const lappend =
          ltrim === false ||
          this.state.quoting === true ||
          this.state.field.length !== 0 ||
          !this.__isCharTrimable(buf, pos);
        // rtrim in non quoting is handle in __onField
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        // Ensure we are not ending in a quoting state
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
          if (err !== undefined) return err;
        } else {
          // Skip last line if it has no characters
          if (
            this.state.wasQuoting === true ||
            this.state.record.length !== 0 ||
            this.state.field.length !== 0
          ) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== undefined) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== undefined) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function (push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values,
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      // Convert the first line into column names
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err =
          columns === false
            ? new CsvError(
                "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
                [
                  "Invalid Record Length:",
                  `expect ${this.state.expectedRecordLength},`,
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              )
            : new CsvError(
                "CSV_RECORD_INCONSISTENT_COLUMNS",
                [
                  "Invalid Record Length:",
                  `columns length is ${columns.length},`, // rename columns
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              );
        if (
          relax_column_count === true ||
          (relax_column_count_less === true &&
            recordLength < this.state.expectedRecordLength) ||
          (relax_column_count_more === true &&
            recordLength > this.state.expectedRecordLength)
        ) {
          this.info.invalid_field_length++;
          this.state.error = err;
          // Error is undefined with skip_records_with_error
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        // With columns, records are object
        if (columns !== false) {
          const obj = {};
          // Transform record array to an object
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === undefined || columns[i].disabled) continue;
            // Turn duplicate columns into an array
            if (
              group_columns_by_name === true &&
              Object.hasOwn(obj, columns[i].name)
            ) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true,
              });
            }
          }
          // Without objname (default)
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [obj[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? obj : [obj[objname], obj],
              push,
            );
            if (err) {
              return err;
            }
          }
          // Without columns, records are array
        } else {
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: record },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [record[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? record : [record[objname], record],
              push,
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function (record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers =
          firstLineToHeaders === undefined
            ? record
            : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`,
              ],
              this.options,
              this.__infoField(),
              {
                headers: headers,
              },
            ),
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function () {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = undefined;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function () {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      // Short circuit for the from_line options
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== undefined) return err;
        field = f;
      }
      this.state.record.push(field);
      // Increment record length if record size must not exceed a limit
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function () {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function (record, push) {
      const { on_record } = this.options;
      if (on_record !== undefined) {
        const info = this.__infoRecord();
        try {
          record = on_record.call(null, record, info);
        } catch (err) {
          return err;
        }
        if (record === undefined || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function (field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      // Dont loose time calling cast
      // because the final record is an object
      // and this field can't be associated to a key present in columns
      if (
        isColumns === true &&
        relax_column_count &&
        this.options.columns.length <= this.state.record.length
      ) {
        return [undefined, undefined];
      }
      if (this.state.castField !== null) {
        try {
          const info = this.__infoField();
          return [undefined, this.state.castField.call(null, field, info)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [undefined, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info = this.__infoField();
        return [undefined, this.options.cast_date.call(null, field, info)];
      }
      return [undefined, field];
    },
    __compareBytes: function (sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function (buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      // Fast bail-out: non-whitespace bytes (the common case) are rejected
      // without scanning the full timchar list.
      const first = buf[pos];
      if (first === undefined || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function (buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (
        ignore_last_delimiters === true &&
        this.state.record.length === this.options.columns.length - 1
      ) {
        return 0;
      } else if (
        ignore_last_delimiters !== false &&
        typeof ignore_last_delimiters === "number" &&
        this.state.record.length === ignore_last_delimiters - 1
      ) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function (buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function (value) {
      return value - parseFloat(value) + 1 >= 0; // Borrowed from jquery
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function (buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function (chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function (buf, pos) {
      const { encoding } = this.options;
      // Note, we don't need to cache this information in state,
      // It is only called on the first line until we find out a suitable
      // record delimiter.
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding),
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function (msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== undefined) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : undefined,
            );
          } catch (err) {
            return err;
          }
        }
        // this.emit('skip', err, raw ? this.state.rawBuffer.toString(encoding) : undefined);
        return undefined;
      } else {
        return err;
      }
    },
    __infoDataSet: function () {
      return {
        ...this.info,
        columns: this.options.columns,
      };
    },
    __infoRecord: function () {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : undefined,
      };
    },
    __infoField: function () {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      // Bytes records are only incremented when all records'fields are parsed
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records: bytes_records,
        column:
          isColumns === true
            ? columns.length > this.state.record.length
              ? columns[this.state.record.length].name
              : null
            : this.state.record.length,
        quoting: this.state.wasQuoting,
      };
    },
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/index.js
/*
CSV Parse

Please look at the [project documentation](https://csv.js.org/parse/) for
additional information.
*/







class Parser extends external_stream_.Transform {
  constructor(opts = {}) {
    super({ ...{ readableObjectMode: true }, ...opts, encoding: null });
    this.api = transform({
      on_skip: (err, chunk) => {
        this.emit("skip", err, chunk);
      },
      ...opts,
    });
    // Backward compatibility
    this.state = this.api.state;
    this.options = this.api.options;
    this.info = this.api.info;
  }
  // Implementation of `Transform._transform`
  _transform(buf, _, callback) {
    if (this.state.stop === true) {
      return;
    }
    const err = this.api.parse(
      buf,
      false,
      (record) => {
        this.push(record);
      },
      () => {
        this.push(null);
        this.end();
        // Fix #333 and break #410
        //   ko: api.stream.iterator.coffee
        //   ko with v21.4.0, ok with node v20.5.1: api.stream.finished # aborted (with generate())
        //   ko: api.stream.finished # aborted (with Readable)
        // this.destroy()
        // Fix #410 and partially break #333
        //   ok: api.stream.iterator.coffee
        //   ok: api.stream.finished # aborted (with generate())
        //   broken: api.stream.finished # aborted (with Readable)
        this.on("end", this.destroy);
      },
    );
    if (err !== undefined) {
      this.state.stop = true;
    }
    callback(err);
  }
  // Implementation of `Transform._flush`
  _flush(callback) {
    if (this.state.stop === true) {
      return;
    }
    const err = this.api.parse(
      undefined,
      true,
      (record) => {
        this.push(record);
      },
      () => {
        this.push(null);
        this.on("end", this.destroy);
      },
    );
    callback(err);
  }
}

const parse = function () {
  let data, options, callback;
  for (const i in arguments) {
    const argument = arguments[i];
    const type = typeof argument;
    if (
      data === undefined &&
      (typeof argument === "string" || Buffer.isBuffer(argument))
    ) {
      data = argument;
    } else if (options === undefined && is_object(argument)) {
      options = argument;
    } else if (callback === undefined && type === "function") {
      callback = argument;
    } else {
      throw new CsvError(
        "CSV_INVALID_ARGUMENT",
        ["Invalid argument:", `got ${JSON.stringify(argument)} at index ${i}`],
        options || {},
      );
    }
  }
  const parser = new Parser(options);
  if (callback) {
    const records =
      options === undefined || options.objname === undefined
        ? []
        : Object.create(null);
    parser.on("readable", function () {
      let record;
      while ((record = this.read()) !== null) {
        if (options === undefined || options.objname === undefined) {
          records.push(record);
        } else {
          Object.assign(records, {
            [record[0]]: record[1],
            // writable: true,
            // enumerable: true,
            // configurable: true
          });
        }
      }
    });
    parser.on("error", function (err) {
      callback(err, undefined, parser.api.__infoDataSet());
    });
    parser.on("end", function () {
      callback(undefined, records, parser.api.__infoDataSet());
    });
  }
  if (data !== undefined) {
    const writer = function () {
      parser.write(data);
      parser.end();
    };
    // Support Deno, Rollup doesn't provide a shim for setImmediate
    if (typeof setImmediate === "function") {
      setImmediate(writer);
    } else {
      setTimeout(writer, 0);
    }
  }
  return parser;
};



;// CONCATENATED MODULE: ./src/growth/inventory-csv.ts






/**
 * The longest CSV row accepted, in characters: a key of 1,024 bytes URL-encoded is at most
 * about 9 KiB, the other fields are short. A longer row is damage, and the bound keeps the
 * parser's buffer small whatever the file holds.
 */
const MAX_ROW_CHARACTERS = 64 * 1024;
/**
 * Output buffer of gunzip. zlib's default (16 KiB) makes the decompression several times slower
 * on inventory files (each output chunk is a round trip to the zlib thread); 256 KiB is still a
 * fixed, small amount of memory.
 */
const GUNZIP_CHUNK_BYTES = 256 * 1024;
function createVersionTally() {
    return { noncurrent: 0, noncurrentBytes: 0, deleteMarkers: 0 };
}
/**
 * Streams one inventory file (gzip -> CSV) into the tallies, one row at a time, and checks its
 * size and MD5 against the manifest once the last byte is in. Memory stays bounded by the stream
 * buffers and MAX_ROW_CHARACTERS, whatever the file's size.
 */
async function tallyInventoryFile(chunks, options) {
    // node:crypto loads here, when used, not at every start-up.
    const hash = process.getBuiltinModule('node:crypto').createHash('md5');
    let bytes = 0;
    let rows = 0;
    const measured = external_node_stream_.Readable.from((async function* () {
        for await (const chunk of chunks) {
            hash.update(chunk);
            bytes += chunk.length;
            yield chunk;
        }
    })());
    // Inventory CSV: no header, every field quoted (quotes inside doubled), rows end in \n.
    const parser = parse({ max_record_size: MAX_ROW_CHARACTERS, relax_column_count: true, skip_empty_lines: true });
    const countRow = rowCounter(options);
    try {
        await (0,external_node_stream_promises_namespaceObject.pipeline)(measured, (0,external_node_zlib_.createGunzip)({ chunkSize: GUNZIP_CHUNK_BYTES }), parser, async (records) => {
            for await (const record of records) {
                rows += 1;
                countRow(record, rows);
            }
        });
    }
    catch (error) {
        if (error instanceof InventoryProblem || !isDataError(error))
            throw error;
        throw new InventoryProblem(
        // The parser quotes the offending field: keep the message short whatever the field holds.
        `${options.where} could not be read as gzip-compressed CSV (${(error instanceof Error ? error.message : String(error)).slice(0, 300)}).`, damageRemediation);
    }
    const md5 = hash.digest('hex');
    if (bytes !== options.file.size || md5 !== options.file.md5) {
        throw new InventoryProblem(`${options.where} does not match its manifest: ${bytes} bytes with MD5 ${md5}, the manifest says ${options.file.size} bytes with MD5 ${options.file.md5}.`, damageRemediation);
    }
    return { bytes, rows };
}
const damageRemediation = 'The inventory file is damaged, was replaced, or is not the one the manifest lists: its figures cannot be trusted. Wait for the next daily report (or check who writes to the inventory destination), then run again; meanwhile growth-source: list still works.';
/** zlib and csv-parse errors: the bytes are wrong, not the connection. */
function isDataError(error) {
    const code = error?.code;
    return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('CSV_'));
}
/** Inventory keys are URL-encoded like a form: a space is '+', a '+' is %2B. */
function decodeInventoryKey(encoded) {
    if (!/[%+]/.test(encoded))
        return encoded;
    return decodeURIComponent(encoded.replace(/\+/g, '%20'));
}
/** Counts one parsed row into the tallies; throws InventoryProblem on a row S3 would not write. */
function rowCounter(options) {
    const { columns, prefix, tally, versions, overdueBefore, where } = options;
    const bad = (row, what) => new InventoryProblem(`${where} row ${row}: ${what}.`, damageRemediation);
    return (record, row) => {
        if (record.length !== columns.count)
            throw bad(row, `${record.length} fields where fileSchema lists ${columns.count}`);
        let key;
        try {
            key = decodeInventoryKey(record[columns.key] ?? '');
        }
        catch {
            throw bad(row, 'the key is not valid URL encoding');
        }
        if (!key.startsWith(prefix))
            return;
        const deleteMarker = columns.isDeleteMarker !== undefined && record[columns.isDeleteMarker]?.toLowerCase() === 'true';
        if (deleteMarker) {
            versions.deleteMarkers += 1;
            return;
        }
        const sizeText = record[columns.size] ?? '';
        if (!/^\d{1,16}$/.test(sizeText))
            throw bad(row, `Size ${JSON.stringify(sizeText.slice(0, 40))} is not a byte count`);
        const size = Number(sizeText);
        if (columns.isLatest !== undefined && record[columns.isLatest]?.toLowerCase() === 'false') {
            versions.noncurrent += 1;
            versions.noncurrentBytes += size;
            return;
        }
        const modifiedText = record[columns.lastModified] ?? '';
        const lastModified = new Date(modifiedText);
        if (modifiedText.length === 0 || Number.isNaN(lastModified.getTime()))
            throw bad(row, `LastModifiedDate ${JSON.stringify(modifiedText.slice(0, 40))} is not a date`);
        countObject(tally, { key, size, lastModified }, overdueBefore);
    };
}

;// CONCATENATED MODULE: ./src/growth/inventory-locate.ts

/** How deep below inventory-location the gate looks for `<source-bucket>/<config-id>/` folders. */
const MAX_LOCATE_DEPTH = 4;
/** Folder listings the search may make; a location needing more is too broad. */
const MAX_LOCATE_LISTINGS = 64;
/**
 * Finds the one inventory configuration of `sourceBucket` at or below `locationPrefix`: the
 * folder whose subfolders are dated report folders. Below the location, a configuration folder
 * counts only when its parent folder is named after the source bucket (S3's layout), so reports
 * of other buckets sharing a destination are ignored; two of the same bucket are ambiguous.
 */
async function locateInventory(listFolders, locationPrefix, sourceBucket, describe) {
    const found = [];
    let frontier = [locationPrefix];
    let listings = 0;
    for (let depth = 0; depth <= MAX_LOCATE_DEPTH && frontier.length > 0; depth += 1) {
        const next = [];
        for (const prefix of frontier) {
            if (listings >= MAX_LOCATE_LISTINGS) {
                throw new InventoryProblem(`${describe(locationPrefix)} holds too many folders to search (more than ${MAX_LOCATE_LISTINGS} listings).`, `Set inventory-location to the configuration's own folder, s3://<destination-bucket>/<destination-prefix>/${sourceBucket}/<config-id>/.`);
            }
            listings += 1;
            const folders = await listFolders(prefix);
            const dated = newestFirst(folders);
            // A configuration folder: its dated folders are the reports; data/ and hive/ beside them hold no reports.
            if (dated.length > 0)
                found.push({ prefix, dated });
            else
                next.push(...folders.filter((folder) => !isDatedFolder(folder)));
        }
        frontier = next;
    }
    const ours = found.filter(({ prefix }) => prefix === locationPrefix || parentName(prefix) === sourceBucket);
    const only = ours[0];
    if (only !== undefined && ours.length === 1)
        return { configPrefix: only.prefix, datedFolders: only.dated, listings };
    if (ours.length > 1) {
        throw new InventoryProblem(`${describe(locationPrefix)} holds ${ours.length} inventory configurations of bucket ${sourceBucket}: ${ours.slice(0, 5).map(({ prefix }) => describe(prefix)).join(', ')}.`, 'Set inventory-location to the one whose configuration lists the whole bucket (or the attachment prefix) in CSV.');
    }
    if (found.length > 0) {
        throw new InventoryProblem(`${describe(locationPrefix)} holds inventories of other buckets only (${found.slice(0, 5).map(({ prefix }) => describe(prefix)).join(', ')}), none of s3-bucket ${sourceBucket}.`, `Configure an S3 Inventory for ${sourceBucket}, or set inventory-location to where its reports are delivered.`);
    }
    throw new InventoryProblem(`No inventory report below ${describe(locationPrefix)}: no folder named YYYY-MM-DDTHH-MMZ/ within ${MAX_LOCATE_DEPTH} levels.`, 'Check inventory-location (the destination bucket and prefix of the inventory configuration) and that S3 has delivered a first report (up to 48 hours after the configuration is created).');
}
/** `a/bucket/config/` -> `bucket`. */
function parentName(prefix) {
    return folderName(prefix.slice(0, prefix.length - folderName(prefix).length - 1));
}

;// CONCATENATED MODULE: ./src/growth/inventory-scan.ts




/** manifest.json is small (a list of file names); anything bigger is not a manifest. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
/** Dated folders tried, newest first, when the newest has no manifest.json yet (a report still being written). */
const DATED_FOLDERS_TRIED = 3;
/**
 * Tallies `<prefix>/<env>/` from the newest S3 Inventory report below the location: finds it,
 * checks the manifest (its checksum, format, source bucket, schema), then streams each listed
 * file in turn. Objects are overdue as of the report's creationTimestamp, not now: an object the
 * report lists existed then. Throws InventoryProblem when the report cannot be trusted.
 */
async function scanInventory(store, options) {
    const { location } = options;
    const url = (key) => `s3://${location.bucket}/${key}`;
    const located = await locateInventory((prefix) => store.listFolders(location.bucket, prefix), location.prefix, options.sourceBucket, url);
    let manifestKey;
    let manifestBytes;
    for (const folder of located.datedFolders.slice(0, DATED_FOLDERS_TRIED)) {
        manifestBytes = await store.readObjectBytes(location.bucket, `${folder}manifest.json`, MAX_MANIFEST_BYTES);
        if (manifestBytes !== undefined) {
            manifestKey = `${folder}manifest.json`;
            break;
        }
    }
    if (manifestKey === undefined || manifestBytes === undefined) {
        throw new InventoryProblem(`None of the ${Math.min(DATED_FOLDERS_TRIED, located.datedFolders.length)} newest report folders below ${url(located.configPrefix)} has a manifest.json.`, 'S3 writes manifest.json last, when a report is complete; if reports stopped arriving, check the inventory configuration and the destination bucket policy.');
    }
    const manifestUrl = url(manifestKey);
    const checksum = await checkManifestChecksum(store, location.bucket, manifestKey, manifestBytes, manifestUrl);
    const manifest = parseManifest(Buffer.from(manifestBytes).toString('utf8'), manifestUrl);
    if (manifest.sourceBucket !== options.sourceBucket) {
        throw new InventoryProblem(`${manifestUrl} is an inventory of bucket ${manifest.sourceBucket}, not of s3-bucket ${options.sourceBucket}.`, `Set inventory-location to the reports of ${options.sourceBucket}.`);
    }
    const columns = parseSchema(manifest.fileSchema, manifestUrl);
    const overdueBefore = overdueCutoff(manifest.creationTime, options.expireDays, options.graceDays);
    const tally = createTally();
    const versions = createVersionTally();
    let bytesRead = 0;
    let rows = 0;
    let filesRead = 0;
    // One file at a time: memory holds one file's stream buffers, never the report.
    for (const file of manifest.files) {
        const counted = await tallyInventoryFile(store.streamObject(location.bucket, file.key), {
            file,
            where: url(file.key),
            columns,
            prefix: options.prefix,
            overdueBefore,
            tally,
            versions,
        });
        bytesRead += counted.bytes;
        rows += counted.rows;
        filesRead += 1;
    }
    return {
        tally,
        versions,
        allVersions: columns.isLatest !== undefined,
        manifest,
        manifestUrl,
        overdueBefore,
        checksum,
        filesRead,
        bytesRead,
        rows,
        listings: located.listings,
    };
}
/** manifest.checksum holds the MD5 (hex) of manifest.json; S3 writes it beside every manifest. */
async function checkManifestChecksum(store, bucket, manifestKey, manifest, manifestUrl) {
    const checksumKey = manifestKey.replace(/manifest\.json$/, 'manifest.checksum');
    const stored = await store.readObjectBytes(bucket, checksumKey, 1024);
    if (stored === undefined)
        return 'absent';
    const expected = Buffer.from(stored).toString('utf8').trim().toLowerCase();
    // node:crypto loads here, when used, not at every start-up.
    const actual = process.getBuiltinModule('node:crypto').createHash('md5').update(manifest).digest('hex');
    if (expected !== actual) {
        throw new InventoryProblem(`${manifestUrl} does not match its manifest.checksum (MD5 ${actual}, the checksum file says ${JSON.stringify(expected.slice(0, 64))}).`, 'The manifest is damaged or was replaced after S3 wrote it: wait for the next daily report, or check who writes to the inventory destination.');
    }
    return 'verified';
}

;// CONCATENATED MODULE: ./src/gates/growth-push.ts

/** Pushes when pushgateway-url is set; returns the problem as a finding instead of throwing. */
async function pushGrowth(context, method, body) {
    const url = context.config.growth.pushgatewayUrl;
    if (url === undefined)
        return undefined;
    if (context.pushgateway === undefined)
        return { level: 'error', message: 'pushgateway-url is set but no Pushgateway client was provided to the gate.' };
    try {
        await context.pushgateway.push({ job: metrics/* GROWTH_PUSH_JOB */.JH, grouping: { env: context.config.appEnv, prefix: context.config.envPrefix }, body, method });
        return undefined;
    }
    catch (error) {
        return {
            level: 'error',
            message: `Could not push the growth gauges: ${error instanceof Error ? error.message : String(error)}`,
            remediation: 'Check pushgateway-url and that the Pushgateway is reachable from the runner; until a push succeeds, ChatAttachmentGrowthGateStale fires.',
        };
    }
}
/** The finding that says where the gauges went: the push's problem, or where they were pushed. */
async function pushGrowthFigures(context, exposition) {
    const problem = await pushGrowth(context, 'PUT', exposition);
    if (problem)
        return problem;
    const url = context.config.growth.pushgatewayUrl;
    if (url === undefined)
        return { level: 'info', message: 'pushgateway-url is unset: the figures were not pushed (the alerts have nothing to read).' };
    return { level: 'info', message: `Pushed the growth gauges to ${url.origin} (job ${metrics/* GROWTH_PUSH_JOB */.JH}, env ${context.config.appEnv}, prefix ${context.config.envPrefix}).` };
}

;// CONCATENATED MODULE: ./src/gates/growth-inventory.ts








/** S3 Inventory reports arrive daily (or weekly); one older than this means deliveries stopped. */
const INVENTORY_STALE_HOURS = 48;
/**
 * The growth gate with growth-source: inventory. Same figures and verdict as the listing, read
 * from the newest S3 Inventory report instead: objects are overdue as of the report's
 * creationTimestamp, and a report older than 48 hours is a WARN. A report that cannot be trusted
 * (not CSV, damaged, another bucket's) is UNVERIFIABLE, never PASS.
 */
async function runInventoryGrowth(context) {
    const { config, s3, now } = context;
    const location = config.growth.inventoryLocation;
    if (location === undefined)
        throw new Error('growth-source is inventory but inventory-location is unset');
    const locationUrl = `s3://${location.bucket}/${location.prefix}`;
    const runNow = now();
    const started = performance.now();
    let scan;
    try {
        scan = await scanInventory(s3, {
            location,
            sourceBucket: config.s3.bucket,
            prefix: config.envPrefix,
            expireDays: config.expireDays,
            graceDays: config.growth.graceDays,
        });
    }
    catch (error) {
        // Tell the alerts the gate ran and did not pass; the last good figures stay (POST).
        const pushProblem = await pushGrowth(context, 'POST', (0,metrics/* renderExposition */.fw)((0,metrics/* resultSamples */.pz)(false, runNow)));
        if (pushProblem)
            context.log.warning(pushProblem.message);
        const facts = [{ label: 'Source', value: `S3 Inventory below ${locationUrl}` }];
        if (error instanceof InventoryProblem) {
            return (0,outcome/* outcome */.bu)(`The inventory cannot be used: ${error.message}`, [{ level: 'unverifiable', message: error.message, remediation: error.remediation }], facts);
        }
        if (error instanceof clients_s3/* S3Failure */.be && error.code === 'NoSuchBucket') {
            return (0,outcome/* outcome */.bu)(`The inventory bucket ${location.bucket} does not exist.`, [
                { level: 'unverifiable', message: `inventory-location names bucket ${location.bucket}, which does not exist.`, evidence: error.message, remediation: "Set inventory-location to the inventory configuration's destination bucket and prefix." },
            ], facts);
        }
        if (error instanceof clients_s3/* S3Failure */.be && error.kind === 'access-denied') {
            return (0,outcome/* outcome */.bu)(`Reading the inventory was denied: ${error.message}`, [
                { level: 'unverifiable', message: error.message, remediation: `Grant these credentials s3:ListBucket on ${location.bucket} (prefix ${location.prefix || '/'}) and s3:GetObject on its objects.` },
            ], facts);
        }
        throw error;
    }
    const scanSeconds = (performance.now() - started) / 1000;
    const { tally, versions, manifest } = scan;
    const asOf = manifest.creationTime;
    const policy = {
        prefix: config.envPrefix,
        now: asOf,
        expireDays: config.expireDays,
        graceDays: config.growth.graceDays,
        overdueBefore: scan.overdueBefore,
        nowLabel: 'Inventory time (creationTimestamp)',
    };
    const judged = judgeGrowth(tally, policy);
    const findings = [...judged.findings, ...inventoryFindings(scan, runNow, config.envPrefix)];
    const passed = verdict/* PASSING_STATUSES */.bc.includes((0,outcome/* statusOf */.c2)(findings));
    const exposition = (0,metrics/* renderExposition */.fw)((0,metrics/* scanSamples */.Lc)(tally, { passed, now: runNow, scanSeconds, asOf }));
    findings.push(await pushGrowthFigures(context, exposition));
    const sections = [];
    if (tally.overdue > 0)
        sections.push(overdueSection(tally, policy));
    sections.push({ kind: 'code', title: 'Gauges (Prometheus text format)', language: 'text', text: exposition.trimEnd() });
    const ageHours = (runNow.getTime() - asOf.getTime()) / 3_600_000;
    const facts = [
        { label: 'Source', value: `S3 Inventory ${scan.manifestUrl}` },
        ...growthFacts(tally, policy),
        { label: 'Newest object age', value: tally.newest ? `${ageDays(asOf, tally.newest.lastModified).toFixed(1)} days` : 'none' },
        { label: 'Inventory age', value: `${ageHours.toFixed(1)} hours at ${runNow.toISOString()} (WARN above ${INVENTORY_STALE_HOURS})` },
        {
            label: 'Versions',
            value: scan.allVersions
                ? `${versions.noncurrent} noncurrent version(s) (${versions.noncurrentBytes} bytes), ${versions.deleteMarkers} delete marker(s) under ${config.envPrefix}; not counted as objects`
                : 'current versions only (the inventory configuration lists current versions)',
        },
        {
            label: 'Inventory read',
            value: `${scan.filesRead} CSV file(s), ${scan.bytesRead} compressed bytes, ${scan.rows} row(s), each file's size and MD5 matched the manifest; manifest.checksum ${scan.checksum}; ${scan.listings} folder listing(s); ${scanSeconds.toFixed(2)} s`,
        },
        { label: 'Pushgateway', value: config.growth.pushgatewayUrl?.origin ?? 'not set' },
    ];
    return {
        ...(0,outcome/* outcome */.bu)(judged.summary, findings, facts, sections),
        outputs: { 'growth-objects': String(tally.objects), 'growth-bytes': String(tally.bytes), 'growth-overdue': String(tally.overdue) },
    };
}
/** What only an inventory can get wrong: its age, a missing checksum, a prefix it does not list. */
function inventoryFindings(scan, runNow, prefix) {
    const findings = [];
    const created = scan.manifest.creationTime;
    const ageHours = (runNow.getTime() - created.getTime()) / 3_600_000;
    if (ageHours > INVENTORY_STALE_HOURS) {
        findings.push({
            level: 'warn',
            message: `The newest inventory report is ${ageHours.toFixed(1)} hours old (created ${created.toISOString()}), more than ${INVENTORY_STALE_HOURS} hours: the figures describe that time, not now.`,
            evidence: scan.manifestUrl,
            remediation: 'Check that the inventory configuration is enabled and daily, and that its destination bucket policy still lets S3 deliver reports.',
        });
    }
    if (scan.checksum === 'absent') {
        findings.push({
            level: 'warn',
            message: `${scan.manifestUrl} has no manifest.checksum beside it: the list of files could not be verified (each file's MD5 was).`,
            remediation: 'S3 writes manifest.checksum with every manifest; check that nothing removes it from the inventory destination.',
        });
    }
    if (scan.tally.objects === 0) {
        findings.push({
            level: 'warn',
            message: `The inventory lists no current object under ${prefix} (${scan.rows} row(s) in all).`,
            remediation: `Check that the inventory configuration's prefix filter covers ${prefix}; if the prefix is really empty, growth-source: list confirms it cheaply.`,
        });
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/gates/growth.ts









/**
 * Retention audit of `<prefix>/<env>/`: counts objects and bytes by streaming the listing, and
 * FAILs when objects older than expire-days plus the grace exist (lifecycle is not executing).
 * Publishes the figures to the Pushgateway when pushgateway-url is set.
 */
async function runGrowth(context) {
    if (context.config.growth.source === 'inventory')
        return runInventoryGrowth(context);
    const { config, s3, now } = context;
    const scanNow = now();
    const overdueBefore = overdueCutoff(scanNow, config.expireDays, config.growth.graceDays);
    const policy = { prefix: config.envPrefix, now: scanNow, expireDays: config.expireDays, graceDays: config.growth.graceDays, overdueBefore };
    const started = performance.now();
    let scan;
    try {
        scan = await scanPrefix((request) => s3.listObjectsPage(request), { prefix: config.envPrefix, overdueBefore });
    }
    catch (error) {
        // Tell the alerts the gate ran and did not pass; the last good figures stay (POST).
        const pushProblem = await pushGrowth(context, 'POST', (0,metrics/* renderExposition */.fw)((0,metrics/* resultSamples */.pz)(false, scanNow)));
        if (pushProblem)
            context.log.warning(pushProblem.message);
        if (error instanceof clients_s3/* S3Failure */.be && error.code === 'NoSuchBucket') {
            return (0,outcome/* outcome */.bu)(`Bucket ${config.s3.bucket} does not exist: nothing to audit.`, [
                { level: 'fail', message: `Bucket ${config.s3.bucket} does not exist.`, evidence: error.message, remediation: "Run the 'bucket' and 'lifecycle' gates with mode: apply first." },
            ]);
        }
        throw error;
    }
    const scanSeconds = (performance.now() - started) / 1000;
    const { tally, stats } = scan;
    const judged = judgeGrowth(tally, policy);
    const findings = [...judged.findings];
    const passed = verdict/* PASSING_STATUSES */.bc.includes((0,outcome/* statusOf */.c2)(findings));
    const exposition = (0,metrics/* renderExposition */.fw)((0,metrics/* scanSamples */.Lc)(tally, { passed, now: scanNow, scanSeconds }));
    const pushProblem = await pushGrowth(context, 'PUT', exposition);
    if (pushProblem)
        findings.push(pushProblem);
    else if (config.growth.pushgatewayUrl === undefined)
        findings.push({ level: 'info', message: 'pushgateway-url is unset: the figures were not pushed (the alerts have nothing to read).' });
    else
        findings.push({ level: 'info', message: `Pushed the growth gauges to ${config.growth.pushgatewayUrl.origin} (job ${metrics/* GROWTH_PUSH_JOB */.JH}, env ${config.appEnv}, prefix ${config.envPrefix}).` });
    const sections = [];
    if (tally.overdue > 0)
        sections.push(overdueSection(tally, policy));
    sections.push({ kind: 'code', title: 'Gauges (Prometheus text format)', language: 'text', text: exposition.trimEnd() });
    const facts = [
        ...growthFacts(tally, policy),
        { label: 'Newest object age', value: tally.newest ? `${ageDays(scanNow, tally.newest.lastModified).toFixed(1)} days` : 'none' },
        {
            label: 'Scan',
            value: `${stats.requests} ListObjectsV2 request(s), ${stats.shards} shard(s), at most ${stats.maxInFlight} in flight (limit ${MAX_LIST_REQUESTS_IN_FLIGHT}), ${stats.gapKeys} key(s) outside the shards, ${scanSeconds.toFixed(2)} s`,
        },
        { label: 'Pushgateway', value: config.growth.pushgatewayUrl?.origin ?? 'not set' },
    ];
    return {
        ...(0,outcome/* outcome */.bu)(judged.summary, findings, facts, sections),
        outputs: { 'growth-objects': String(tally.objects), 'growth-bytes': String(tally.bytes), 'growth-overdue': String(tally.overdue) },
    };
}
const growthGate = {
    id: 'growth',
    title: 'Chat attachment prefix growth',
    report: 'chat-attachment-growth-latest.md',
    run: runGrowth,
};

;// CONCATENATED MODULE: ./src/hot-path/evaluate.ts

function satisfies(value, comparison, threshold) {
    switch (comparison) {
        case '<':
            return value < threshold;
        case '<=':
            return value <= threshold;
        case '>':
            return value > threshold;
        case '>=':
            return value >= threshold;
    }
}
/** True when `a` is farther on the wrong side of the threshold than `b`. */
function worse(a, b, comparison) {
    return comparison === '<' || comparison === '<=' ? a > b : a < b;
}
/** 97.5, 0.0123, 1.235e+6, +Inf: four significant digits, with the check's unit. */
function formatValue(value, unit) {
    const text = Number.isNaN(value)
        ? 'NaN'
        : value === Number.POSITIVE_INFINITY
            ? '+Inf'
            : value === Number.NEGATIVE_INFINITY
                ? '-Inf'
                : String(Number(value.toPrecision(4)));
    return unit === undefined ? text : `${text} ${unit}`;
}
const samplesText = (count) => `${count} sample${count === 1 ? '' : 's'}`;
function conditionText(check) {
    return `${check.comparison} ${formatValue(check.threshold, check.unit)}`;
}
function sampleTime(sample) {
    return new Date(sample.time * 1000).toISOString().replace(/\.000Z$/, 'Z');
}
/** Judges one check's query result; pure, so every rule above is table-tested. */
function evaluateCheck(check, data, options) {
    const perSeries = data.map((series) => {
        const numeric = series.samples.filter((sample) => !Number.isNaN(sample.value));
        const broken = numeric.filter((sample) => !satisfies(sample.value, check.comparison, check.threshold));
        const worst = numeric.reduce((current, sample) => (current === undefined || worse(sample.value, current.value, check.comparison) ? sample : current), undefined);
        return {
            series: labelText(series.labels),
            samples: numeric.length,
            nanSamples: series.samples.length - numeric.length,
            violations: broken.length,
            worst,
        };
    });
    const samples = perSeries.reduce((total, series) => total + series.samples, 0);
    const violations = perSeries.reduce((total, series) => total + series.violations, 0);
    const worst = perSeries.reduce((current, series) => {
        if (series.worst === undefined)
            return current;
        return current === undefined || worse(series.worst.value, current.sample.value, check.comparison)
            ? { sample: series.worst, series: series.series }
            : current;
    }, undefined);
    const worstText = worst === undefined ? '' : `${formatValue(worst.sample.value, check.unit)} at ${sampleTime(worst.sample)}${data.length > 1 ? ` in ${worst.series}` : ''}`;
    const base = { check, samples, violations, worst, series: perSeries, data };
    if (violations > 0) {
        return { ...base, verdict: 'FAIL', reason: `${violations} of ${samplesText(samples)} break ${conditionText(check)}; worst ${worstText}.` };
    }
    if (options.partial) {
        return { ...base, verdict: 'INCOMPLETE', reason: `Not judged to the end: the gate stopped early (another check failed); ${samplesText(samples)} so far, none breaking ${conditionText(check)}.` };
    }
    if (samples === 0) {
        const nan = perSeries.reduce((total, series) => total + series.nanSamples, 0);
        const why = data.length === 0
            ? 'the query returned no series (no matching metric, or no traffic yet)'
            : `every sample is NaN (${nan} of them: e.g. a ratio or quantile without requests)`;
        return { ...base, verdict: 'NO_DATA', reason: `No data: ${why}.` };
    }
    const thin = perSeries.filter((series) => series.samples < options.minSamples);
    if (thin.length > 0) {
        const fewest = thin.reduce((current, series) => (series.samples < current.samples ? series : current));
        return {
            ...base,
            verdict: 'TOO_FEW_SAMPLES',
            reason: `Too few samples: ${fewest.samples}${data.length > 1 ? ` in ${fewest.series}` : ''}, at least ${options.minSamples} required (hot-path-min-samples); none breaks ${conditionText(check)}.`,
        };
    }
    return { ...base, verdict: 'PASS', reason: `${samples === 1 ? 'The only sample is' : `All ${samples} samples`} ${conditionText(check)}; worst ${worstText}.` };
}
/** A check whose query failed: no samples, the failure as the reason. */
function erroredCheck(check, message) {
    return { check, verdict: 'ERROR', samples: 0, violations: 0, worst: undefined, series: [], data: [], reason: message };
}

;// CONCATENATED MODULE: ./src/hot-path/graph-link.ts
/** encodeURIComponent leaves !'()* alone; parentheses would end a markdown link. */
function encode(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** `2026-11-28 05:15:00`: the graph page reads its end time in UTC, to the second. */
function graphTime(ms) {
    return new Date(Math.ceil(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}
/** A link to the query on Prometheus' graph page, showing exactly the judged window. */
function graphLink(prometheus, query, window) {
    const base = new URL(prometheus.href.endsWith('/') ? prometheus.href : `${prometheus.href}/`);
    base.username = '';
    base.password = '';
    const end = graphTime(window.endMs);
    const params = [
        ['g0.expr', query],
        ['g0.tab', '0'],
        ['g0.stacked', '0'],
        ['g0.range_input', `${Math.ceil((window.endMs - window.startMs) / 1000)}s`],
        ['g0.end_input', end],
        ['g0.moment_input', end],
        ['g0.step_input', String(Math.max(1, Math.round(window.stepMs / 1000)))],
    ];
    return `${new URL('graph', base).href}?${params.map(([name, value]) => `${name}=${encode(value)}`).join('&')}`;
}

;// CONCATENATED MODULE: ./src/gates/hot-path.ts








/** Sample rows in the report; the graph link shows the rest. */
const MAX_SAMPLE_ROWS = 300;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/**
 * Observes the chat hot path in Prometheus while the rollout runs: every check's query is sampled
 * at hot-path-step over hot-path-window, and every sample must satisfy the check's comparison.
 * Queries are tried once first (a bad query or an unreachable Prometheus fails at once), then the
 * gate polls each step and stops early at the first broken threshold, else judges the whole window.
 */
async function runHotPath(context) {
    const { config, prometheus, log, now, previous } = context;
    const settings = config.hotPath;
    const prometheusUrl = config.prometheus?.url;
    if (settings === undefined || prometheusUrl === undefined || prometheus === undefined) {
        throw new Error('The hot-path gate needs prometheus-url and hot-path-checks.');
    }
    const gateStartMs = now().getTime();
    const runStartMs = Math.min(gateStartMs, ...previous.map((result) => Date.parse(result.startedAt)).filter(Number.isFinite));
    const window = observationWindow({ runStartMs, gateStartMs, windowMs: settings.windowMs, stepMs: settings.stepMs });
    const links = settings.checks.map((check) => graphLink(prometheusUrl, check.query, window));
    const render = (evaluations, observation) => hotPathOutcome({ settings, window, evaluations, observation, links, prometheus: prometheus.label });
    const preflight = await Promise.all(settings.checks.map(async (check) => {
        try {
            await prometheus.instant(check.query);
            return undefined;
        }
        catch (error) {
            return erroredCheck(check, describeFailure(check, error));
        }
    }));
    if (preflight.some((evaluation) => evaluation !== undefined)) {
        const evaluations = settings.checks.map((check, index) => preflight[index] ?? notJudged(check, 'Not judged: another check could not be queried.'));
        return render(evaluations, 'Not observed: a query failed before the window was sampled.');
    }
    log.info(`hot-path: observing ${settings.checks.length} check(s) over ${iso(window.startMs)} .. ${iso(window.endMs)} (step ${formatDuration(window.stepMs)}) on ${prometheus.label}`);
    const sample = (untilMs, partial) => Promise.all(settings.checks.map((check) => sampleCheck(prometheus, check, window, untilMs, settings.minSamples, partial, log)));
    // Bounded by the number of steps, so a clock that stands still cannot loop forever.
    for (let poll = 0; poll <= window.expectedSamples; poll += 1) {
        const wait = window.endMs - now().getTime();
        if (wait <= 0)
            break;
        await (0,external_node_timers_promises_.setTimeout)(Math.min(window.stepMs, wait));
        const untilMs = now().getTime();
        if (untilMs >= window.endMs)
            break;
        const partial = await sample(untilMs, true);
        const broken = partial.find((evaluation) => evaluation.verdict === 'FAIL');
        if (broken !== undefined) {
            log.info(`hot-path: ${broken.check.name} broke ${conditionText(broken.check)}; stopping early`);
            return render(partial, `Stopped early at ${iso(untilMs)}, ${formatDuration(Math.round((untilMs - window.startMs) / 1000) * 1000)} into the window: ${broken.check.name} broke its threshold.`);
        }
    }
    const waited = Math.max(0, window.endMs - gateStartMs);
    const evaluations = await sample(window.endMs, false);
    return render(evaluations, waited > 0 ? `Waited ${formatDuration(Math.round(waited / 1000) * 1000)} for the window to end, then judged all of it.` : 'The window had already ended when the gate started: judged at once.');
}
async function sampleCheck(prometheus, check, window, untilMs, minSamples, partial, log) {
    try {
        const data = await prometheus.range(check.query, new Date(window.startMs), new Date(untilMs), window.stepMs);
        return evaluateCheck(check, data, { minSamples, partial });
    }
    catch (error) {
        const message = describeFailure(check, error);
        if (!partial)
            return erroredCheck(check, message);
        // A failed poll is no verdict: the final query over the whole window decides.
        log.warning(`hot-path: poll failed, the final query decides: ${message}`);
        return notJudged(check, 'Not judged yet.');
    }
}
function notJudged(check, reason) {
    return { check, verdict: 'INCOMPLETE', samples: 0, violations: 0, worst: undefined, series: [], data: [], reason };
}
function describeFailure(check, error) {
    const message = error instanceof Error ? error.message : `non-Error thrown: ${String(error)}`;
    const fix = error instanceof PrometheusFailure && error.kind === 'bad-query' ? ` Fix the query of '${check.name}' in hot-path-checks.` : '';
    return `Check '${check.name}': ${message}${fix}`;
}
const REMEDIATION = {
    FAIL: 'The hot path did not hold during the rollout: stop here, open the graph, and roll back or fix what slowed it.',
    TOO_FEW_SAMPLES: 'Not proven: make sure Prometheus scrapes the service at least once per hot-path-step; lower hot-path-min-samples only if gaps are expected.',
    NO_DATA: 'If the environment has no traffic, set on-no-data: pass and keep a minimum request-rate check (it fails when traffic is expected but absent); otherwise check the metric names and labels of the query.',
    ERROR: 'Check prometheus-url, that Prometheus is up, and the query (it must return numbers).',
};
function findingOf(evaluation, onNoData) {
    const { check, verdict, reason } = evaluation;
    const evidence = `${check.query} ${conditionText(check)}`;
    switch (verdict) {
        case 'PASS':
            return { level: 'info', message: `${check.name}: PASS. ${reason}`, evidence };
        case 'INCOMPLETE':
            // Not judged to the end (another check failed first): never a passing verdict on its own.
            return { level: 'unverifiable', message: `${check.name}: ${reason}`, evidence };
        case 'FAIL':
        case 'TOO_FEW_SAMPLES':
            return { level: 'fail', message: `${check.name}: ${verdict}. ${reason}`, evidence, remediation: REMEDIATION[verdict] };
        case 'NO_DATA':
            return onNoData === 'fail'
                ? { level: 'fail', message: `${check.name}: NO_DATA, so FAIL (on-no-data: fail). ${reason}`, evidence, remediation: REMEDIATION.NO_DATA }
                : { level: 'warn', message: `${check.name}: NO_DATA, passed as WARN (on-no-data: pass). ${reason}`, evidence, remediation: REMEDIATION.NO_DATA };
        case 'ERROR':
            return { level: 'error', message: `${check.name}: ERROR. ${reason}`, evidence, remediation: REMEDIATION.ERROR };
    }
}
/** The verdict as the report shows it: NO_DATA says what the policy made of it. */
function verdictText(evaluation, onNoData) {
    if (evaluation.verdict !== 'NO_DATA')
        return evaluation.verdict;
    return onNoData === 'fail' ? 'NO_DATA (FAIL by on-no-data)' : 'NO_DATA (WARN by on-no-data)';
}
function hotPathOutcome({ settings, window, evaluations, observation, links, prometheus }) {
    const findings = evaluations.map((evaluation) => findingOf(evaluation, settings.onNoData));
    const span = `${formatDuration(window.endMs - window.startMs)} at ${formatDuration(window.stepMs)} steps`;
    const facts = [
        { label: 'Prometheus', value: prometheus },
        { label: 'Checks', value: `${settings.checks.length} from ${settings.checksSource}` },
        { label: 'Window', value: `${iso(window.startMs)} to ${iso(window.endMs)} (${span}; it ends hot-path-window after the run started, never before this gate started)` },
        { label: 'Samples per series', value: `${window.expectedSamples} possible, ${settings.minSamples} required; every sample must satisfy the condition` },
        { label: 'On no data', value: settings.onNoData },
        { label: 'Observation', value: observation },
    ];
    const failing = evaluations.filter((evaluation) => ['FAIL', 'TOO_FEW_SAMPLES', 'ERROR'].includes(evaluation.verdict) || (evaluation.verdict === 'NO_DATA' && settings.onNoData === 'fail'));
    const noData = evaluations.filter((evaluation) => evaluation.verdict === 'NO_DATA');
    const summary = failing.length > 0
        ? `${failing.map((evaluation) => `${evaluation.check.name} ${evaluation.verdict}`).join(', ')}: ${failing[0]?.reason ?? ''}`
        : `All ${evaluations.length} hot-path check(s) held over ${span}${noData.length > 0 ? `; ${noData.length} had no data (on-no-data: pass)` : ''}.`;
    const sections = [
        {
            kind: 'table',
            title: 'Checks',
            headers: ['Check', 'Query', 'Condition', 'Samples', 'Worst', 'Breaking', 'Verdict'],
            rows: evaluations.map((evaluation) => [
                evaluation.check.name,
                evaluation.check.query,
                conditionText(evaluation.check),
                `${evaluation.samples} (${evaluation.series.length} series)`,
                evaluation.worst === undefined ? '' : `${formatValue(evaluation.worst.sample.value, evaluation.check.unit)} at ${sampleTime(evaluation.worst.sample)}`,
                String(evaluation.violations),
                verdictText(evaluation, settings.onNoData),
            ]),
        },
        {
            kind: 'links',
            title: 'Graphs (the judged window on Prometheus)',
            links: evaluations.map((evaluation, index) => ({ label: evaluation.check.name, url: links[index] ?? '' })),
        },
        samplesSection(evaluations),
    ];
    const described = settings.checks.filter((check) => check.description !== undefined);
    if (described.length > 0) {
        sections.push({ kind: 'table', title: 'What each check means', headers: ['Check', 'Description'], rows: described.map((check) => [check.name, check.description ?? '']) });
    }
    return (0,outcome/* outcome */.bu)(summary, findings, facts, sections);
}
function samplesSection(evaluations) {
    const rows = [];
    let total = 0;
    for (const evaluation of evaluations) {
        for (const series of evaluation.data) {
            for (const sample of series.samples) {
                total += 1;
                if (rows.length >= MAX_SAMPLE_ROWS)
                    continue;
                const holds = Number.isNaN(sample.value) ? 'no value' : satisfies(sample.value, evaluation.check.comparison, evaluation.check.threshold) ? 'yes' : 'NO';
                rows.push([evaluation.check.name, labelText(series.labels), sampleTime(sample), formatValue(sample.value, evaluation.check.unit), holds]);
            }
        }
    }
    if (total > rows.length)
        rows.push(['', '', '', `${total - rows.length} more samples`, 'see the graphs']);
    return { kind: 'table', title: 'Samples', headers: ['Check', 'Series', 'Time (UTC)', 'Value', 'Holds'], rows };
}
const hotPathGate = {
    id: 'hot-path',
    title: 'Hot-path rollout',
    report: 'hot-path-rollout-latest.md',
    run: runHotPath,
};

;// CONCATENATED MODULE: ./src/lifecycle/lock-policy.ts
/*
 * The per-bucket lifecycle lock, pure parts: where it lives, what it says, how long it may be held.
 * S3 has no conditional lifecycle PUT, so applies that share a bucket serialise on an object
 * written with If-None-Match: * (as Terraform's S3 backend locks its state).
 */
/** Below `<prefix>/`, beside the env folders: no env name starts with '_', so no env rule, growth scan or smoke touches it. */
const LOCK_FOLDER = '_release-gates';
function lockKey(prefix) {
    return `${prefix}/${LOCK_FOLDER}/lifecycle.lock`;
}
const TOOL = 'surreal-release-gates';
function lockBodyText(holder) {
    return JSON.stringify({ tool: TOOL, runId: holder.runId, env: holder.env, time: holder.time });
}
/** The holder a lock body names; undefined when it is not a lock this tool wrote. */
function parseLockBody(text) {
    try {
        const value = JSON.parse(text);
        const { runId, env, time } = value;
        if (value.tool !== TOOL || typeof runId !== 'string' || typeof env !== 'string' || typeof time !== 'string')
            return undefined;
        return { runId, env, time };
    }
    catch {
        return undefined;
    }
}
/** A holder id unique per apply and readable: UTC second, then random hex. */
function lockRunId(now, random) {
    const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
    return `${stamp}-${[...random].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
const BUDGET_MS = 120_000;
const CLOCK_MARGIN_MS = 60_000;
/**
 * The TTL outlasts the whole critical section: the budget, plus one S3 call (retries included)
 * still in flight when the budget ends, plus a margin for the lock's own write.
 */
function lockTimings(s3TimeoutMs) {
    const ttlMs = BUDGET_MS + s3TimeoutMs + CLOCK_MARGIN_MS;
    return { budgetMs: BUDGET_MS, ttlMs, waitMs: ttlMs + 15_000 };
}
/** Age of a lock by the server's clock (its Date header against its Last-Modified); our clock only when it sent no Date. */
function lockAgeMs(lastModified, serverDate, clientNow) {
    if (lastModified === undefined)
        return undefined;
    return (serverDate ?? clientNow).getTime() - lastModified.getTime();
}
/** Stale: older than the TTL. A lock without Last-Modified is never judged stale (fail closed: wait). */
function isStale(ageMs, ttlMs) {
    return ageMs !== undefined && ageMs > ttlMs;
}
/** Pause before the next attempt: doubling from 250 ms up to 2 s, times a jitter factor in [0.5, 1.5). */
function lockRetryDelayMs(attempt, random) {
    const base = Math.min(2000, 250 * 2 ** Math.max(0, attempt - 1));
    return Math.round(base * (0.5 + random));
}

;// CONCATENATED MODULE: ./src/lifecycle/managed.ts
/** Every rule this action owns has an ID starting with this. */
const MANAGED_ID_PREFIX = 'surreal-release-gates:';
function managedRuleIds(prefix, appEnv) {
    const base = `${MANAGED_ID_PREFIX}${prefix}/${appEnv}`;
    return { expiration: base, deleteMarkers: `${base}:delete-markers` };
}
function desiredRules(input) {
    const scope = input.legacyPrefix ? { Prefix: input.envPrefix } : { Filter: { Prefix: input.envPrefix } };
    const versioned = input.versioning !== 'Unversioned';
    const expiration = {
        ID: input.ids.expiration,
        Status: 'Enabled',
        ...scope,
        Expiration: { Days: input.expireDays },
        ...(versioned ? { NoncurrentVersionExpiration: { NoncurrentDays: input.expireDays } } : {}),
        // Parts of an interrupted upload are billed, and never expire: abort them.
        ...(input.abortIncompleteMultipartDays > 0 ? { AbortIncompleteMultipartUpload: { DaysAfterInitiation: input.abortIncompleteMultipartDays } } : {}),
    };
    if (!versioned)
        return [expiration];
    return [
        expiration,
        { ID: input.ids.deleteMarkers, Status: 'Enabled', ...scope, Expiration: { ExpiredObjectDeleteMarker: true } },
    ];
}
/** Follow the configuration's spelling: legacy only when every existing rule uses it. */
function prefersLegacyPrefix(current) {
    return current.length > 0 && current.every((rule) => rule.Filter === undefined && rule.Prefix !== undefined);
}

;// CONCATENATED MODULE: ./src/lifecycle/rule.ts
function ruleScope(rule) {
    const filter = rule.Filter;
    const and = filter?.And;
    const prefix = and?.Prefix ?? filter?.Prefix ?? rule.Prefix ?? '';
    const tags = [...(and?.Tags ?? []), ...(filter?.Tag ? [filter.Tag] : [])];
    const sizeFiltered = [and?.ObjectSizeGreaterThan, and?.ObjectSizeLessThan, filter?.ObjectSizeGreaterThan, filter?.ObjectSizeLessThan].some((size) => size !== undefined);
    return { prefix, tags, sizeFiltered };
}
function ruleLabel(rule, index) {
    return rule.ID !== undefined && rule.ID !== '' ? rule.ID : `(rule #${index + 1} without ID)`;
}
/** Sorted keys, no undefined values, dates as ISO strings: two equal rules give equal text. */
function canonicalJson(value) {
    return JSON.stringify(canonicalValue(value));
}
function canonicalValue(value) {
    if (value instanceof Date)
        return value.toISOString();
    if (Array.isArray(value))
        return value.map(canonicalValue);
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, field]) => field !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return Object.fromEntries(entries.map(([key, field]) => [key, canonicalValue(field)]));
    }
    return value;
}
/** Canonical form of a whole configuration: rules sorted by ID, each canonical. */
function rule_canonicalRules(rules) {
    const keyed = rules.map((rule) => ({ id: rule.ID ?? '', text: canonicalJson(rule) }));
    const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    // By ID; rules without one (or a repeated one) by their text, so the order never depends on the server's.
    return keyed.sort((a, b) => order(a.id, b.id) || order(a.text, b.text)).map((rule) => rule.text);
}
/**
 * Semantic identity of a rule: the filter spelling (legacy Prefix, Filter.Prefix, And) is
 * normalised away, so a server that re-spells a rule does not make apply write again.
 */
function semanticJson(rule) {
    const { Prefix: _legacy, Filter: _filter, ...rest } = rule;
    const scope = ruleScope(rule);
    const tags = [...scope.tags].map((tag) => canonicalJson(tag)).sort();
    const filter = rule.Filter?.And ?? rule.Filter ?? {};
    return canonicalJson({
        ...rest,
        __scope: {
            prefix: scope.prefix,
            tags,
            gt: filter.ObjectSizeGreaterThan,
            lt: filter.ObjectSizeLessThan,
        },
    });
}

;// CONCATENATED MODULE: ./src/lifecycle/plan.ts

const MAX_LIFECYCLE_RULES = 1000;
/**
 * Merges the desired rules into the current configuration by ID. Rules not desired are kept
 * exactly as given (prepareLifecyclePlan gives them normalised to valid S3), in place; a desired
 * rule replaces its namesake in place or is appended. Rules whose ID is in `adopt` (checked
 * eligible by planAdoption) are left out: the managed rule replaces them.
 */
function planLifecycle(current, desired, adopt = new Set()) {
    const desiredById = new Map(desired.map((rule) => [rule.ID, rule]));
    const entries = [];
    const rules = [];
    const seen = new Set();
    current.forEach((rule, index) => {
        if (rule.ID !== undefined && adopt.has(rule.ID)) {
            entries.push({ id: ruleLabel(rule, index), action: 'adopt', before: rule, after: undefined });
            return;
        }
        const wanted = rule.ID === undefined ? undefined : desiredById.get(rule.ID);
        if (wanted === undefined || seen.has(rule.ID)) {
            entries.push({ id: ruleLabel(rule, index), action: 'keep', before: rule, after: rule });
            rules.push(rule);
            return;
        }
        seen.add(rule.ID);
        const same = semanticJson(rule) === semanticJson(wanted);
        entries.push({ id: ruleLabel(rule, index), action: same ? 'unchanged' : 'change', before: rule, after: same ? rule : wanted });
        rules.push(same ? rule : wanted);
    });
    for (const rule of desired) {
        if (seen.has(rule.ID))
            continue;
        entries.push({ id: rule.ID ?? '', action: 'add', before: undefined, after: rule });
        rules.push(rule);
    }
    return { entries, rules, changed: entries.some((entry) => entry.action === 'add' || entry.action === 'change' || entry.action === 'adopt') };
}
/** Canonical form (keys sorted, rules sorted) of every rule not owned: must be equal before and after apply. */
function foreignRulesCanonical(rules, ownedIds) {
    return canonicalRules(rules.filter((rule) => rule.ID === undefined || !ownedIds.has(rule.ID)));
}

;// CONCATENATED MODULE: ./src/lifecycle/adopt.ts

/** Fields that would change what a rule does beyond expiring current objects by prefix. */
const DISQUALIFYING_FIELDS = ['Transitions', 'Transition', 'NoncurrentVersionTransitions', 'NoncurrentVersionTransition'];
/**
 * Whether a rule may be replaced by the managed rule: its filter is exactly the env prefix (plain
 * Filter.Prefix, And with only that Prefix, or the legacy rule-level Prefix), with no tags, no
 * size bounds and no transitions. Anything else means more than the managed rule does.
 */
function adoptionRefusal(rule, envPrefix) {
    const scope = ruleScope(rule);
    if (scope.prefix !== envPrefix)
        return `its prefix is '${scope.prefix}', not '${envPrefix}'`;
    if (scope.tags.length > 0)
        return 'it has a tag filter';
    if (scope.sizeFiltered)
        return 'it has an object size filter';
    const transition = DISQUALIFYING_FIELDS.find((field) => rule[field] !== undefined && rule[field] !== null && !(Array.isArray(rule[field]) && rule[field].length === 0));
    if (transition !== undefined)
        return `it has ${transition}`;
    return undefined;
}
/** Sorts the IDs of lifecycle-adopt-rule-ids into adopted, refused and absent. */
function planAdoption(current, adoptIds, envPrefix, managedIds) {
    const adopt = new Set();
    const refused = [];
    const absent = [];
    for (const id of adoptIds) {
        const matches = current.filter((rule) => rule.ID === id);
        if (managedIds.has(id))
            refused.push({ id, reason: 'it is a rule this action manages' });
        else if (matches.length === 0)
            absent.push(id);
        else {
            const reason = matches.map((rule) => adoptionRefusal(rule, envPrefix)).find((found) => found !== undefined);
            if (reason === undefined)
                adopt.add(id);
            else
                refused.push({ id, reason });
        }
    }
    return { adopt, refused, absent };
}

;// CONCATENATED MODULE: ./src/lifecycle/meaning.ts

const isUnreadable = (reading) => 'problem' in reading;
const FILTER_FIELDS = new Set(['Prefix', 'Tag', 'ObjectSizeGreaterThan', 'ObjectSizeLessThan', 'And']);
const AND_FIELDS = new Set(['Prefix', 'Tags', 'ObjectSizeGreaterThan', 'ObjectSizeLessThan']);
const present = (fields) => Object.entries(fields ?? {}).filter(([, value]) => value !== undefined).map(([key]) => key);
/** The rule's meaning as a server answered it (lenient about shape, strict about conflicts). */
function meaningAsRead(rule) {
    return meaning(rule, 'read');
}
/** The rule's meaning if written to S3 as it is; unreadable when S3 would not accept its shape. */
function meaningAsWritten(rule) {
    return meaning(rule, 'write');
}
function meaning(rule, mode) {
    const filter = rule.Filter;
    const and = (filter?.And ?? undefined);
    const unknown = [...present(filter).filter((key) => !FILTER_FIELDS.has(key)), ...present(and).filter((key) => !AND_FIELDS.has(key)).map((key) => `And.${key}`)];
    if (unknown.length > 0)
        return { problem: `unknown filter field ${unknown.map((key) => `'${key}'`).join(', ')}` };
    if (filter !== undefined && (typeof filter !== 'object' || filter === null))
        return { problem: 'its Filter is not an object' };
    if (mode === 'write') {
        if (rule.Prefix !== undefined && filter !== undefined)
            return { problem: 'it has both a rule-level Prefix and a Filter' };
        if (rule.Prefix === undefined && filter === undefined)
            return { problem: 'it has neither a Filter nor a Prefix' };
        if (present(filter).length > 1)
            return { problem: `its Filter holds ${present(filter).join(' and ')} side by side (S3 wants them inside And)` };
    }
    const prefixes = [rule.Prefix, filter?.Prefix, and?.Prefix].filter((value) => value !== undefined);
    if (prefixes.some((value) => typeof value !== 'string'))
        return { problem: 'a prefix is not text' };
    const distinct = [...new Set(prefixes.filter((value) => value !== ''))];
    if (distinct.length > 1)
        return { problem: `it names the prefixes ${distinct.map((value) => `'${value}'`).join(' and ')} at once` };
    const tagList = [...(filter?.Tag !== undefined ? [filter.Tag] : []), ...(Array.isArray(and?.Tags) ? and.Tags : [])];
    if (and?.Tags !== undefined && !Array.isArray(and.Tags))
        return { problem: 'its And.Tags is not a list' };
    const tags = new Map();
    for (const tag of tagList) {
        const { Key: key, Value: value } = (tag ?? {});
        if (typeof key !== 'string' || key === '')
            return { problem: 'a tag filter has no Key' };
        if (value !== undefined && typeof value !== 'string')
            return { problem: `tag ${key} has a Value that is not text` };
        const text = value ?? '';
        const seen = tags.get(key);
        if (seen !== undefined && (seen !== text || mode === 'write'))
            return { problem: `tag ${key} is filtered on twice` };
        tags.set(key, text);
    }
    const greaterThan = size(filter?.ObjectSizeGreaterThan, and?.ObjectSizeGreaterThan);
    const lessThan = size(filter?.ObjectSizeLessThan, and?.ObjectSizeLessThan);
    if (greaterThan === 'conflict' || lessThan === 'conflict')
        return { problem: 'it names two different size bounds' };
    if (greaterThan === 'invalid' || lessThan === 'invalid')
        return { problem: 'a size bound is not a whole number of bytes' };
    const { ID: _id, Status: status, Prefix: _prefix, Filter: _filter, ...actions } = rule;
    return {
        status,
        prefix: distinct[0] ?? '',
        tags: [...tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        sizeGreaterThan: greaterThan,
        sizeLessThan: lessThan,
        actions: canonicalJson(actions),
    };
}
function size(...values) {
    const given = values.filter((value) => value !== undefined);
    if (given.some((value) => typeof value !== 'number' || !Number.isInteger(value) || value < 0))
        return 'invalid';
    const distinct = [...new Set(given)];
    if (distinct.length > 1)
        return 'conflict';
    return distinct[0];
}
/** The first way two meanings differ, in words ("prefix 'a/' would become ''"); undefined when they are the same. */
function meaningDifference(before, after, verb = 'would become') {
    const quote = (value) => (value === undefined ? 'none' : `'${String(value)}'`);
    if (before.prefix !== after.prefix)
        return `prefix ${quote(before.prefix)} ${verb} ${quote(after.prefix)}`;
    const tags = (meaning) => meaning.tags.map(([key, value]) => `${key}=${value}`).join(', ');
    if (JSON.stringify(before.tags) !== JSON.stringify(after.tags))
        return `tags ${quote(tags(before))} ${verb} ${quote(tags(after))}`;
    if (before.sizeGreaterThan !== after.sizeGreaterThan)
        return `ObjectSizeGreaterThan ${quote(before.sizeGreaterThan)} ${verb} ${quote(after.sizeGreaterThan)}`;
    if (before.sizeLessThan !== after.sizeLessThan)
        return `ObjectSizeLessThan ${quote(before.sizeLessThan)} ${verb} ${quote(after.sizeLessThan)}`;
    if (before.status !== after.status)
        return `Status ${quote(before.status)} ${verb} ${quote(after.status)}`;
    if (before.actions !== after.actions)
        return `its actions ${before.actions} ${verb} ${after.actions}`;
    return undefined;
}
/**
 * Proof that a rule not ours means, as it will be written, what it meant as read. Undefined when
 * proved; otherwise why not (the caller writes nothing).
 */
function keptMeaningProblem(read, written) {
    const before = meaningAsRead(read);
    if (isUnreadable(before))
        return `as read, ${before.problem}`;
    const after = meaningAsWritten(written);
    if (isUnreadable(after))
        return `as it would be written, ${after.problem}`;
    return meaningDifference(before, after);
}
/** A text equal for two rules exactly when they mean the same (unreadable rules only equal themselves). */
function meaningKey(rule) {
    const reading = meaningAsRead(rule);
    return isUnreadable(reading) ? `unreadable ${canonicalJson(rule)}` : JSON.stringify(reading);
}

;// CONCATENATED MODULE: ./src/lifecycle/normalise.ts

/**
 * A server's answer in a shape S3 accepts, meaning the same. A rule already valid is kept as it
 * is (same object); one that cannot be read (conflicting prefixes, an unknown filter field) is
 * kept too, and the proof before any write refuses it.
 */
function normaliseRule(read) {
    if (!isUnreadable(meaningAsWritten(read)))
        return { read, rule: read, respelt: false };
    const meaning = meaningAsRead(read);
    if (isUnreadable(meaning))
        return { read, rule: read, respelt: false };
    const { Prefix: _legacy, Filter: _filter, ...rest } = read;
    return { read, rule: { ...rest, Filter: validFilter(meaning) }, respelt: true };
}
/** Exactly one member, or And for several conditions: the only filters S3 accepts. */
function validFilter(meaning) {
    const tags = meaning.tags.map(([key, value]) => ({ Key: key, Value: value }));
    const conditions = (meaning.prefix !== '' ? 1 : 0) + tags.length + (meaning.sizeGreaterThan !== undefined ? 1 : 0) + (meaning.sizeLessThan !== undefined ? 1 : 0);
    if (conditions === 0)
        return { Prefix: '' };
    if (conditions === 1) {
        if (meaning.prefix !== '')
            return { Prefix: meaning.prefix };
        if (tags[0] !== undefined)
            return { Tag: tags[0] };
        if (meaning.sizeGreaterThan !== undefined)
            return { ObjectSizeGreaterThan: meaning.sizeGreaterThan };
        return { ObjectSizeLessThan: meaning.sizeLessThan };
    }
    return {
        And: {
            ...(meaning.prefix !== '' ? { Prefix: meaning.prefix } : {}),
            ...(tags.length > 0 ? { Tags: tags } : {}),
            ...(meaning.sizeGreaterThan !== undefined ? { ObjectSizeGreaterThan: meaning.sizeGreaterThan } : {}),
            ...(meaning.sizeLessThan !== undefined ? { ObjectSizeLessThan: meaning.sizeLessThan } : {}),
        },
    };
}

;// CONCATENATED MODULE: ./src/lifecycle/prepare.ts




/**
 * Normalises what the server returned into valid S3 (a re-spelling alone changes nothing in the
 * plan, so it never causes a write), plans adoption and the merge of the managed rules, and proves
 * that every rule kept means, as it would be written, what it meant as read.
 */
function prepareLifecyclePlan(read, request) {
    const normalised = read.map(normaliseRule);
    const rules = normalised.map((entry) => entry.rule);
    const asRead = new Map(normalised.map((entry) => [entry.rule, entry.read]));
    const adoption = planAdoption(rules, request.adoptIds, request.envPrefix, request.managedIds);
    const plan = planLifecycle(rules, request.desired, adoption.adopt);
    const unprovable = plan.entries.flatMap((entry) => {
        if (entry.action !== 'keep' || entry.after === undefined)
            return [];
        const reason = keptMeaningProblem(asRead.get(entry.after) ?? entry.after, entry.after);
        return reason === undefined ? [] : [{ rule: entry.id, reason }];
    });
    const respelt = new Map(normalised.filter((entry) => entry.respelt).map((entry) => [entry.rule, entry.read]));
    return { read, adoption, plan, respelt, unprovable };
}

;// CONCATENATED MODULE: ./src/gates/lifecycle-lock.ts


const WAIT_LOG_INTERVAL_MS = 10_000;
/**
 * Runs `body` under the bucket's lifecycle lock and releases it in `finally`, so a failure or a
 * cancellation that unwinds the stack releases it too. When another run holds it past the wait,
 * `body` does not run and the findings say who holds it (FAIL); when the credentials may not write
 * the lock, `body` runs unlocked and a WARN says so.
 */
async function underLifecycleLock(deps, body) {
    // node:crypto loads here, when used, not at every start-up.
    const runId = lockRunId(deps.now(), process.getBuiltinModule('node:crypto').randomBytes(4));
    const holder = { runId, env: deps.env, time: deps.now().toISOString() };
    const acquired = await acquire(deps, holder);
    if (acquired.kind === 'busy')
        return { ran: false, findings: [acquired.finding] };
    if (acquired.kind === 'unavailable') {
        const value = await body({ held: false, withinBudget: () => true });
        return { ran: true, value, findings: [acquired.finding] };
    }
    const findings = [...acquired.findings];
    try {
        const value = await body({ held: true, withinBudget: () => deps.now().getTime() - acquired.sentAtMs < deps.timings.budgetMs });
        return { ran: true, value, findings };
    }
    finally {
        // On a throw the caller sees the error; the release's own findings then reach the log only.
        const released = await release(deps, runId, acquired);
        findings.push(released);
        if (released.level !== 'info')
            deps.log.warning(released.message);
    }
}
async function acquire(deps, holder) {
    const { s3, key, timings, log } = deps;
    const sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const random = deps.random ?? Math.random;
    const body = lockBodyText(holder);
    const startedMs = deps.now().getTime();
    const versions = [];
    let lastWaitLogMs = Number.NEGATIVE_INFINITY;
    let other;
    // Said once the lock is ours: on versioned buckets the abandoned lock is deleted first, taken after.
    const broke = [];
    // When our conditional PUT went out: the budget counts from there, even if its answer was lost.
    let putSentAtMs;
    try {
        for (let attempt = 1;; attempt += 1) {
            const nowMs = deps.now().getTime();
            if (attempt > 1 && nowMs - startedMs > timings.waitMs)
                return { kind: 'busy', finding: busyFinding(deps, other, nowMs - startedMs) };
            const existing = await s3.readSmallObject(key);
            if (existing !== 'not-found') {
                const current = parseLockBody(existing.body);
                if (current?.runId === holder.runId) {
                    // Our PUT landed although it answered otherwise (e.g. an SDK retry of a write that had succeeded got 412).
                    if (existing.versionId !== undefined)
                        versions.push(existing.versionId);
                    return await lifecycle_lock_confirm(deps, { kind: 'held', sentAtMs: putSentAtMs ?? nowMs, versions, findings: broke }, body, attempt, startedMs);
                }
                const ageMs = lockAgeMs(existing.lastModified, existing.serverDate, deps.now());
                other = { holder: current, ageMs };
                if (isStale(ageMs, timings.ttlMs)) {
                    log.warning(`Lifecycle lock ${key}: ${describeHolder(current)} is ${lifecycle_lock_seconds(ageMs)} old (TTL ${lifecycle_lock_seconds(timings.ttlMs)}): breaking it.`);
                    const broken = await breakStale(deps, existing, body);
                    if (broken === 'deleted')
                        broke.push(staleFinding(deps, current, ageMs));
                    if (broken !== undefined && broken !== 'deleted') {
                        versions.push(...broken.versions);
                        return await lifecycle_lock_confirm(deps, { ...broken, versions, findings: [staleFinding(deps, current, ageMs)] }, body, attempt, startedMs);
                    }
                    // Not broken by us (replaced meanwhile, or the server refused): read again after a pause.
                    if (broken === undefined)
                        await sleep(lockRetryDelayMs(attempt, random()));
                    continue;
                }
                if (nowMs - lastWaitLogMs >= WAIT_LOG_INTERVAL_MS) {
                    lastWaitLogMs = nowMs;
                    log.info(`Lifecycle lock ${key} is held by ${describeHolder(current)} (${lifecycle_lock_seconds(ageMs)} old); waiting up to ${lifecycle_lock_seconds(timings.waitMs)} in all.`);
                }
                await sleep(lockRetryDelayMs(attempt, random()));
                continue;
            }
            const sentAtMs = deps.now().getTime();
            putSentAtMs ??= sentAtMs;
            const answer = await s3.putObjectIf({ key, body, condition: { ifNoneMatch: '*' } });
            if (answer.kind === 'written') {
                if (answer.versionId !== undefined)
                    versions.push(answer.versionId);
                return await lifecycle_lock_confirm(deps, { kind: 'held', sentAtMs, versions, findings: broke }, body, attempt, startedMs);
            }
            // 412: another run took it first, or our own write landed and was retried; the next read tells.
            // 409: a conditional write was in flight at the same time; both answers mean try again shortly.
            if (answer.kind === 'conflict' || attempt > 2)
                await sleep(lockRetryDelayMs(attempt, random()));
        }
    }
    catch (error) {
        if (error instanceof clients_s3/* S3Failure */.be && error.kind === 'access-denied') {
            await removeOwn(deps, holder.runId, versions).catch(() => undefined);
            return { kind: 'unavailable', finding: unavailableFinding(deps, error) };
        }
        // Leave no lock behind when we fail half-way (e.g. a timeout on a write that landed, or a cancellation).
        await removeOwn(deps, holder.runId, versions).catch(() => undefined);
        throw error;
    }
}
/**
 * A second conditional PUT (the same body) on the lock we hold must get 412. A server that
 * answers 200 ignores If-None-Match (Ceph RGW 16.2 on versioned buckets does): the lock is
 * advisory only, kept apart from another run by the read before the write and nothing else.
 */
async function lifecycle_lock_confirm(deps, held, body, attempt, startedMs) {
    const probe = await deps.s3.putObjectIf({ key: deps.key, body, condition: { ifNoneMatch: '*' } });
    const findings = [...held.findings];
    if (probe.kind === 'written') {
        if (probe.versionId !== undefined)
            held.versions.push(probe.versionId);
        findings.push({
            level: 'warn',
            message: `Advisory lock only: the server answered 200 to a second conditional PUT (If-None-Match: *) on the lock ${deps.key}, so it does not enforce the condition (bucket versioning ${deps.versioning}). Concurrent applies are not excluded; the read-back after the write still re-merges a lost rule.`,
            remediation: 'Use a server that honours If-None-Match on PutObject (AWS S3, MinIO; Ceph RGW on unversioned buckets), or run applies on this bucket one at a time.',
        });
    }
    const waitedMs = deps.now().getTime() - startedMs;
    findings.push({ level: 'info', message: `Took the lifecycle lock ${deps.key} (attempt ${attempt}${waitedMs >= 1000 ? `, after ${lifecycle_lock_seconds(waitedMs)}` : ''}).` });
    deps.log.info(`Took the lifecycle lock ${deps.key}.`);
    return { ...held, findings };
}
/**
 * Breaks an abandoned lock. Versioned bucket: delete exactly its version (a newer lock someone
 * else wrote meanwhile is another version, untouched; nothing is left behind) and take it anew.
 * Otherwise: overwrite it with If-Match on its ETag, so a lock replaced meanwhile is not.
 * Undefined: not broken by us (replaced meanwhile, or a conflict); the caller reads again.
 */
async function breakStale(deps, stale, body) {
    const { s3, key } = deps;
    if (deps.versioning === 'Enabled' && stale.versionId !== undefined) {
        await s3.deleteObjectVersion(key, stale.versionId);
        return 'deleted';
    }
    if (stale.etag === undefined)
        return undefined;
    // RFC 7232 quotes the ETag; Ceph RGW 16.2 matches only the bare value, so try that when the lock is unchanged.
    for (const etag of [stale.etag, stale.etag.replace(/"/g, '')]) {
        const sentAtMs = deps.now().getTime();
        const answer = await s3.putObjectIf({ key, body, condition: { ifMatch: etag } });
        if (answer.kind === 'written')
            return { kind: 'held', sentAtMs, versions: answer.versionId !== undefined ? [answer.versionId] : [], findings: [] };
        if (answer.kind === 'conflict')
            return undefined;
        const now = await s3.readSmallObject(key);
        if (now === 'not-found' || now.etag !== stale.etag)
            return undefined;
    }
    return undefined;
}
async function release(deps, runId, held) {
    try {
        const removed = await removeOwn(deps, runId, held.versions);
        return removed
            ? { level: 'info', message: `Released the lifecycle lock ${deps.key}.` }
            : { level: 'warn', message: `The lifecycle lock ${deps.key} no longer named this run at release (another run broke it as abandoned?); it was left in place.` };
    }
    catch (error) {
        return {
            level: 'warn',
            message: `Could not release the lifecycle lock ${deps.key}: ${error instanceof Error ? error.message : String(error)}`,
            remediation: `Applies on this bucket wait for it until it is ${lifecycle_lock_seconds(deps.timings.ttlMs)} old, then break it; delete ${deps.key} if no apply is running.`,
        };
    }
}
/**
 * Removes what this run wrote. Versioned: each of its versions by id (no delete marker remains,
 * and another run's version is never touched). Otherwise: the object, once read and found ours.
 */
async function removeOwn(deps, runId, versions) {
    const { key } = deps;
    const s3 = deps.releaseS3?.() ?? deps.s3;
    if (deps.versioning === 'Enabled' && versions.length > 0) {
        for (const versionId of versions)
            await s3.deleteObjectVersion(key, versionId);
        return true;
    }
    const current = await s3.readSmallObject(key);
    if (current === 'not-found' || parseLockBody(current.body)?.runId !== runId)
        return false;
    // Suspended versioning: the write replaced the 'null' version; delete that, not the key (which adds a marker).
    await s3.deleteObjectVersion(key, deps.versioning === 'Suspended' ? (current.versionId ?? 'null') : undefined);
    return true;
}
function busyFinding(deps, other, waitedMs) {
    return {
        level: 'fail',
        message: `The lifecycle lock ${deps.key} is held by ${describeHolder(other?.holder)} (${lifecycle_lock_seconds(other?.ageMs)} old); waited ${lifecycle_lock_seconds(waitedMs)}. Nothing was written.`,
        remediation: `Re-run once the other apply has finished. A lock older than ${lifecycle_lock_seconds(deps.timings.ttlMs)} counts as abandoned and the next apply breaks it; delete ${deps.key} if no apply is running.`,
    };
}
function staleFinding(deps, holder, ageMs) {
    return {
        level: 'info',
        message: `Broke an abandoned lifecycle lock of ${describeHolder(holder)}: ${lifecycle_lock_seconds(ageMs)} old by the server's clock, over its TTL of ${lifecycle_lock_seconds(deps.timings.ttlMs)}.`,
    };
}
function unavailableFinding(deps, error) {
    return {
        level: 'warn',
        message: `Applied without the lifecycle lock: the credentials may not use ${deps.key} (${error.message}). A concurrent apply on this bucket could lose a rule; the read-back re-merges one it sees lost.`,
        remediation: `Grant s3:GetObject, s3:PutObject and s3:DeleteObject on ${deps.key}.`,
    };
}
function describeHolder(holder) {
    return holder === undefined ? 'an object this tool did not write' : `run ${holder.runId} (env ${holder.env}, taken ${holder.time})`;
}
function lifecycle_lock_seconds(ms) {
    return ms === undefined ? 'an unknown time' : `${Math.max(0, Math.round(ms / 1000))} s`;
}

;// CONCATENATED MODULE: ./src/lifecycle/abort-uploads.ts


/**
 * AbortIncompleteMultipartUpload: the parts of an upload that was started and never completed
 * or aborted are stored (and billed) until someone aborts it; expiry never removes them. MinIO
 * accepts the field and drops it (it cleans stale uploads server-wide); some older servers
 * reject it.
 */
/** The rule as a server that drops AbortIncompleteMultipartUpload keeps it. */
function withoutAbortIncomplete(rule) {
    const { AbortIncompleteMultipartUpload: _dropped, ...rest } = rule;
    return rest;
}
/** True when `rules` hold `rule` as written (any filter spelling). */
function holdsRule(rules, rule) {
    return planLifecycle(rules, [rule]).entries.some((entry) => entry.id === rule.ID && entry.action === 'unchanged');
}
/**
 * Of the rules written, those a read-back holds only without their AbortIncompleteMultipartUpload
 * (the server dropped the field, or has not applied the new configuration yet).
 */
function heldWithoutAbortIncomplete(after, written) {
    return written.filter((rule) => rule.AbortIncompleteMultipartUpload !== undefined && !holdsRule(after, rule) && holdsRule(after, withoutAbortIncomplete(rule)));
}
/**
 * IDs among `missing` (desired rules a read-back lacks) that the read-back holds except for their
 * AbortIncompleteMultipartUpload: a server that drops the field applied the rest of the write.
 */
function droppedAbortIncomplete(after, desired, missing) {
    return heldWithoutAbortIncomplete(after, desired.filter((rule) => missing.includes(rule.ID ?? ''))).map((rule) => rule.ID ?? '');
}
/** lifecycle: the info for a managed rule the server keeps without the field. */
function droppedAbortFinding(id) {
    return {
        level: 'info',
        message: `The server keeps ${id} without AbortIncompleteMultipartUpload: it drops the field (MinIO does, and removes stale uploads server-wide) or has not applied the new configuration yet. Unfinished uploads are not aborted by this rule; every apply writes it once more until abort-incomplete-multipart-days is 0.`,
    };
}
/**
 * verify: does an enabled rule covering `prefix` (whoever owns it, without tag or size filter)
 * abort unfinished multipart uploads? Info naming the soonest one, else WARN.
 */
function abortUploadsFinding(rules, prefix) {
    const aborting = rules
        .map((rule, index) => ({ rule, label: ruleLabel(rule, index), scope: ruleScope(rule), days: rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation }))
        .filter(({ rule, scope, days }) => rule.Status === 'Enabled' && scope.tags.length === 0 && !scope.sizeFiltered && prefix.startsWith(scope.prefix) && typeof days === 'number' && days > 0)
        .sort((a, b) => (a.days ?? 0) - (b.days ?? 0));
    const soonest = aborting[0];
    if (soonest !== undefined) {
        return { level: 'info', message: `Unfinished multipart uploads under ${prefix} are aborted ${soonest.days} day(s) after they start, by rule ${soonest.label}.` };
    }
    return {
        level: 'warn',
        message: `No enabled rule covering ${prefix} aborts unfinished multipart uploads (AbortIncompleteMultipartUpload): the parts of an interrupted upload are kept, and billed, forever; expiry never removes them.`,
        remediation: 'Run the lifecycle gate with mode: apply and abort-incomplete-multipart-days above 0 (default 7). MinIO drops this field and removes stale uploads itself (its api stale_uploads_expiry setting, 24h by default); there this WARN stays.',
    };
}

;// CONCATENATED MODULE: ./src/lifecycle/read-back.ts



function checkWrite(after, before, desired) {
    const missing = desired
        .filter((rule) => !planLifecycle(after, [rule]).entries.some((entry) => entry.id === rule.ID && entry.action === 'unchanged'))
        .map((rule) => rule.ID ?? '');
    if (missing.length === 0)
        return { kind: 'confirmed' };
    const unchanged = rule_canonicalRules(after).join('\n') === rule_canonicalRules(before).join('\n');
    return { kind: unchanged ? 'not-visible' : 'replaced', missing };
}
/**
 * Compares rules by their meaning in normalised form (a server's re-spelling is no difference),
 * matched by ID; rules without an ID are matched by meaning alone, so they can only be missing
 * or added.
 */
function compareForeign(written, readBack, ownedIds) {
    const foreign = (rules) => rules.map((rule, index) => ({ rule, label: ruleLabel(rule, index), id: rule.ID ?? '', meaning: meaningKey(rule) })).filter((entry) => !ownedIds.has(entry.id));
    const before = foreign(written);
    const after = foreign(readBack);
    const changed = [];
    const missing = [];
    const matched = new Set();
    for (const entry of before) {
        const index = after.findIndex((other, at) => !matched.has(at) && (entry.id === '' ? other.id === '' && other.meaning === entry.meaning : other.id === entry.id));
        if (index < 0) {
            missing.push(entry.label);
            continue;
        }
        matched.add(index);
        const found = after[index];
        if (found !== undefined && found.meaning !== entry.meaning)
            changed.push({ rule: entry.label, difference: describeChange(entry.rule, found.rule) });
    }
    const added = after.filter((_, at) => !matched.has(at)).map((entry) => entry.label);
    return { changed, missing, added };
}
function describeChange(written, readBack) {
    const before = meaningAsWritten(written);
    const after = meaningAsRead(readBack);
    if (isUnreadable(after))
        return `it reads back unreadable: ${after.problem}`;
    if (isUnreadable(before))
        return 'it was written in a shape S3 does not define';
    return meaningDifference(before, after, 'reads back as') ?? 'its meaning differs';
}

;// CONCATENATED MODULE: ./src/gates/lifecycle-write.ts



/** Writes of one apply: the first, and two more when another writer replaced the configuration meanwhile. */
const MAX_WRITES = 3;
/** Reads after a write while it is not visible yet: AWS propagates a new configuration within minutes. */
const READ_BACK_ATTEMPTS = 5;
const READ_BACK_DELAY_MS = 500;
/**
 * Re-reads and re-plans (under the lock, the configuration may have changed since the first
 * read), writes, and reads back. When the read-back lacks a managed rule because someone else
 * replaced the configuration meanwhile, merges into theirs and writes again (bounded): a change
 * of theirs is kept, not a failure.
 */
async function writeConverging(input) {
    const { s3, log } = input;
    const sleep = input.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const findings = [];
    let writes = 0;
    let prepared;
    for (let round = 1; round <= MAX_WRITES; round += 1) {
        const read = await s3.getLifecycleRules({ fresh: true });
        prepared = input.prepare(read);
        const { plan } = prepared;
        if (!plan.changed)
            return { kind: writes > 0 ? 'applied' : 'up-to-date', prepared, writes, findings };
        const refusal = writeRefusal(prepared, input.lock, writes);
        if (refusal !== undefined)
            return { kind: 'refused', prepared, writes, findings: [...findings, refusal] };
        await s3.putLifecycleRules(plan.rules);
        writes += 1;
        log.info(`Wrote lifecycle configuration of ${plan.rules.length} rules to ${input.bucket}${round > 1 ? ` (write ${round} of at most ${MAX_WRITES})` : ''}.`);
        const { check, after } = await readBack(s3, read, input.desired, sleep);
        // A server that drops AbortIncompleteMultipartUpload (MinIO) kept the rest: no failure, and no
        // reason to write again (each write would be dropped alike).
        const dropped = check.kind === 'confirmed' ? [] : droppedAbortIncomplete(after, input.desired, check.missing);
        if (check.kind === 'confirmed' || (dropped.length > 0 && dropped.length === check.missing.length)) {
            // Adopted rules leave the configuration on purpose: not compared.
            const ignored = new Set([...input.ownedIds, ...prepared.adoption.adopt]);
            return { kind: 'applied', prepared, writes, findings: [...findings, ...foreignFindings(plan.rules, after, ignored), ...dropped.map(droppedAbortFinding)] };
        }
        const why = check.kind === 'replaced'
            ? 'another writer replaced the configuration after our write'
            : `the write was not visible after ${READ_BACK_ATTEMPTS} reads`;
        findings.push({ level: 'info', message: `Write ${round}: the read-back lacked ${check.missing.join(', ')} (${why}).` });
        if (round < MAX_WRITES)
            log.warning(`Lifecycle read-back lacks ${check.missing.join(', ')}: ${why}; reading again and merging into it (write ${round + 1} of at most ${MAX_WRITES}).`);
    }
    return {
        kind: 'refused',
        prepared: prepared,
        writes,
        findings: [
            ...findings,
            {
                level: 'fail',
                message: `After ${MAX_WRITES} writes the read-back still lacks the managed rule: another writer keeps replacing the configuration of ${input.bucket} (or the server does not keep what it accepts).`,
                remediation: 'Find the other writer (a tool that owns the whole configuration, e.g. Terraform aws_s3_bucket_lifecycle_configuration or mc ilm import) and let it carry the managed rule, or stop it during releases; then re-run.',
            },
        ],
    };
}
/**
 * Rules not ours whose meaning could not be proved to survive a write: FAIL before a write
 * (`tail` says what was written), WARN when nothing needs writing (a later change would refuse).
 */
function unprovableFinding(prepared, level, tail) {
    const rules = prepared.unprovable.map((entry) => `rule ${entry.rule} (${entry.reason})`).join('; ');
    return {
        level,
        message: `Cannot prove that ${rules} would keep its meaning if written back, so ${level === 'fail' ? 'the configuration is not written' : 'a write that changes the managed rule would be refused'}.${tail}`,
        remediation: 'Have the owner of that rule write it in valid S3 form (a Filter with exactly one member, or And for several conditions), then re-run.',
    };
}
/** Why this plan must not be written (FAIL); undefined when it may be. */
function writeRefusal(prepared, lock, writes = 0) {
    const already = writes > 0 ? ` ${writes} earlier write(s) of this run stand.` : ' Nothing was written.';
    if (prepared.plan.rules.length > MAX_LIFECYCLE_RULES) {
        return { level: 'fail', message: `The configuration would hold ${prepared.plan.rules.length} rules; S3 allows ${MAX_LIFECYCLE_RULES}.${already}`, remediation: 'Remove unused rules first.' };
    }
    if (prepared.adoption.refused.length > 0) {
        return {
            level: 'fail',
            message: `lifecycle-adopt-rule-ids: ${prepared.adoption.refused.map((refused) => `rule ${refused.id} cannot be adopted: ${refused.reason}`).join('; ')}.${already}`,
            remediation: 'Remove the rule from lifecycle-adopt-rule-ids; the rule stays as it is.',
        };
    }
    if (prepared.unprovable.length > 0)
        return unprovableFinding(prepared, 'fail', already);
    if (!lock.withinBudget()) {
        return {
            level: 'fail',
            message: `The lifecycle lock's time budget ran out before the write (another apply may break the lock as abandoned from now on).${already}`,
            remediation: 'Re-run. The budget covers many slow S3 answers; if it runs out again, look at the S3 endpoint\'s latency in the log.',
        };
    }
    return undefined;
}
async function readBack(s3, before, desired, sleep) {
    for (let attempt = 1;; attempt += 1) {
        const after = await s3.getLifecycleRules({ fresh: true });
        const check = checkWrite(after, before, desired);
        if (check.kind !== 'not-visible' || attempt >= READ_BACK_ATTEMPTS)
            return { check, after };
        await sleep(READ_BACK_DELAY_MS * attempt);
    }
}
/** A rule of someone else's that reads back otherwise than we wrote it is a WARN naming it, never a silent PASS. */
function foreignFindings(written, after, ownedIds) {
    const compared = compareForeign(written, after, ownedIds);
    const findings = [];
    for (const { rule, difference } of compared.changed) {
        findings.push({
            level: 'warn',
            message: `Rule ${rule} (not ours) does not read back as written: ${difference}. The server changed it, or another writer did meanwhile.`,
            remediation: `Compare rule ${rule} in the bucket with the plan's resulting configuration, and have its owner restore it.`,
        });
    }
    for (const rule of compared.missing) {
        findings.push({
            level: 'warn',
            message: `Rule ${rule} (not ours) was written but is missing from the read-back: another writer removed it meanwhile, or the server dropped it.`,
            remediation: `Have the owner of rule ${rule} check it.`,
        });
    }
    for (const rule of compared.added)
        findings.push({ level: 'info', message: `Rule ${rule} (not ours) appeared meanwhile (another writer); kept.` });
    const unchanged = written.filter((rule) => !ownedIds.has(rule.ID ?? '')).length - compared.changed.length - compared.missing.length;
    findings.push({ level: 'info', message: `Read back ${after.length} rules: managed rules present; ${unchanged} other rule(s) as written (compared in meaning).` });
    return findings;
}

;// CONCATENATED MODULE: ./src/gates/bucket-state.ts

/**
 * Lifecycle rules and versioning, read in parallel; 'missing' when the bucket does not exist.
 * `lifecycle` applies to the rules only (e.g. fresh: ask the server again).
 */
async function readBucketState(s3, lifecycle = {}) {
    try {
        return await Promise.all([s3.getLifecycleRules(lifecycle), s3.getVersioning()]);
    }
    catch (error) {
        if (error instanceof clients_s3/* S3Failure */.be && error.code === 'NoSuchBucket')
            return 'missing';
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/gates/lifecycle.ts









/** Requests a release makes, about: read the lock and delete it, or delete each version written. */
const LOCK_RELEASE_REQUESTS = 3;
const PLAN_SYMBOLS = { add: '+', change: '~', unchanged: '=', keep: '·', adopt: '-' };
const ACTION_LABELS = { add: 'add', change: 'change', unchanged: 'unchanged', keep: 'keep (not ours)', adopt: 'adopt (removed)' };
/**
 * Plans or applies the managed expiration rule by merging it into the bucket's configuration
 * (PutBucketLifecycleConfiguration replaces the whole configuration); every other rule is kept.
 * Apply writes under the bucket's lifecycle lock, and only when the plan changes something.
 */
async function runLifecycle(context) {
    let decided;
    const result = await lifecycleOutcome(context, (plan) => {
        decided = plan;
    });
    return decided === undefined ? result : { ...result, details: planDetails(decided) };
}
/**
 * Machine-readable: whether the bucket differs from the plan, and the rules apply adds, changes or
 * removes by adoption (plan: would; apply: did). The plan comment says "no change" from it.
 */
function planDetails(plan) {
    const changes = plan.entries.filter((entry) => entry.action === 'add' || entry.action === 'change' || entry.action === 'adopt').map((entry) => entry.id);
    return { changed: plan.changed, changes };
}
/** `onPlan` hears the plan judged (before a write) and the plan written (after it). */
async function lifecycleOutcome({ config, s3, log, now, cancellation }, onPlan) {
    const state = await readBucketState(s3);
    if (state === 'missing' && config.mode === 'apply') {
        return (0,outcome/* outcome */.bu)(`Bucket ${config.s3.bucket} does not exist.`, [
            { level: 'fail', message: `Bucket ${config.s3.bucket} does not exist; no lifecycle was written.`, remediation: "Add the 'bucket' gate before 'lifecycle' so apply creates it." },
        ]);
    }
    const [current, versioning] = state === 'missing' ? [[], 'Unversioned'] : state;
    const ids = managedRuleIds(config.prefix, config.appEnv);
    const desired = desiredRules({
        ids,
        envPrefix: config.envPrefix,
        expireDays: config.expireDays,
        abortIncompleteMultipartDays: config.abortIncompleteMultipartDays,
        versioning,
        legacyPrefix: prefersLegacyPrefix(current),
    });
    const ownedIds = new Set(desired.map((rule) => rule.ID ?? ''));
    const request = { desired, adoptIds: config.adoptRuleIds, envPrefix: config.envPrefix, managedIds: new Set([ids.expiration, ids.deleteMarkers]) };
    const prepare = (read) => prepareLifecyclePlan(read, request);
    const describe = ({ read, plan, adoption, respelt }) => {
        const facts = [
            { label: 'Managed rule', value: ids.expiration },
            { label: 'Expire days', value: String(config.expireDays) },
            { label: 'Versioning', value: versioning },
            { label: 'Rules before', value: String(read.length) },
            { label: 'Rules after', value: String(plan.rules.length) },
        ];
        const findings = [
            ...plan.entries.map((entry) => ({ level: 'info', message: `${PLAN_SYMBOLS[entry.action]} ${entry.id}: ${actionLabel(entry, respelt)}` })),
            ...absentAdoptionFindings(adoption, read, ids.expiration),
        ];
        return { facts, findings, sections: planSections(plan, respelt) };
    };
    const prepared = prepare(current);
    const { plan, adoption } = prepared;
    onPlan(plan);
    const { facts, findings, sections } = describe(prepared);
    if (adoption.refused.length > 0) {
        return (0,outcome/* outcome */.bu)(`lifecycle-adopt-rule-ids names ${adoption.refused.length} rule(s) that cannot be adopted; nothing was written.`, [
            ...findings,
            ...adoption.refused.map((refused) => ({
                level: 'fail',
                message: `lifecycle-adopt-rule-ids: rule ${refused.id} cannot be adopted: ${refused.reason}. Only a rule filtering on exactly '${config.envPrefix}' (no tags, size bounds or transitions) can be replaced by ${ids.expiration}; nothing was written.`,
                remediation: `Remove ${refused.id} from lifecycle-adopt-rule-ids; the rule stays as it is.`,
            })),
        ], facts, sections);
    }
    if (plan.rules.length > MAX_LIFECYCLE_RULES) {
        return (0,outcome/* outcome */.bu)(`The configuration would hold ${plan.rules.length} rules; S3 allows ${MAX_LIFECYCLE_RULES}.`, [
            ...findings,
            { level: 'fail', message: `Adding the managed rule would exceed ${MAX_LIFECYCLE_RULES} rules; nothing was written.`, remediation: 'Remove unused rules first.' },
        ], facts, sections);
    }
    if (!plan.changed) {
        if (prepared.unprovable.length > 0)
            findings.push(unprovableFinding(prepared, 'warn', ' Nothing was written.'));
        return (0,outcome/* outcome */.bu)(`Lifecycle is up to date: ${ids.expiration} expires ${config.envPrefix} after ${config.expireDays} days.`, findings, facts, sections);
    }
    if (prepared.unprovable.length > 0) {
        // Before any write (and in plan, which tells what apply would do): a rule not ours must keep its meaning.
        return (0,outcome/* outcome */.bu)(`A rule not ours cannot be proved to keep its meaning; nothing was written.`, [...findings, unprovableFinding(prepared, 'fail', ' Nothing was written.')], facts, sections);
    }
    if (config.mode === 'plan') {
        if (state === 'missing')
            findings.push({ level: 'info', message: `Bucket ${config.s3.bucket} does not exist yet: planned against an empty configuration.` });
        const pending = plan.entries.filter((entry) => entry.action === 'add' || entry.action === 'change' || entry.action === 'adopt');
        const verbs = pending.map((entry) => `${entry.action === 'adopt' ? 'remove (adopt)' : 'write'} ${entry.id}`);
        return (0,outcome/* outcome */.bu)(`Plan: apply would ${verbs.join(', ')}; nothing was changed.`, [
            ...findings,
            { level: 'warn', message: `Pending lifecycle change: ${verbs.join(', ')}.`, remediation: 'Run with mode: apply to write it.' },
        ], facts, sections);
    }
    const locked = await underLifecycleLock({
        s3,
        key: lockKey(config.prefix),
        env: config.appEnv,
        versioning,
        timings: lockTimings(config.s3.timeoutMs),
        log,
        now,
        // Released after a cancellation too: on a view the cancellation does not abort, within the time left.
        releaseS3: () => s3.scoped({ signal: cancellation.cleanupSignal(LOCK_RELEASE_REQUESTS * config.s3.timeoutMs + 1000, 'releasing the lifecycle lock'), cleanup: true }),
    }, (lock) => writeConverging({ s3, log, bucket: config.s3.bucket, desired, ownedIds, prepare, lock }));
    if (!locked.ran)
        return (0,outcome/* outcome */.bu)('Another apply holds the lifecycle lock of this bucket; nothing was written.', [...findings, ...locked.findings], facts, sections);
    const written = locked.value;
    onPlan(written.prepared.plan);
    const final = describe(written.prepared);
    const all = [...final.findings, ...locked.findings, ...written.findings];
    if (written.kind === 'refused') {
        return (0,outcome/* outcome */.bu)(written.writes > 0 ? 'Lifecycle written, but the write did not hold.' : 'Lifecycle not written.', all, final.facts, final.sections);
    }
    if (written.kind === 'up-to-date') {
        return (0,outcome/* outcome */.bu)(`Lifecycle is up to date (written meanwhile by another apply): ${ids.expiration} expires ${config.envPrefix} after ${config.expireDays} days.`, all, final.facts, final.sections);
    }
    const entries = written.prepared.plan.entries;
    const adopted = entries.filter((entry) => entry.action === 'adopt').map((entry) => entry.id);
    const kept = entries.filter((entry) => entry.action === 'keep').length;
    return (0,outcome/* outcome */.bu)(`Applied: ${ids.expiration} expires ${config.envPrefix} after ${config.expireDays} days${adopted.length > 0 ? `; adopted (removed) ${adopted.join(', ')}` : ''}; ${kept} other rule(s) kept${written.writes > 1 ? `; ${written.writes} writes (another writer replaced the configuration meanwhile)` : ''}.`, all, final.facts, final.sections);
}
/** An adopt ID not in the bucket: likely a typo while the managed rule is missing; adoption done once it is present. */
function absentAdoptionFindings(adoption, current, managedId) {
    const managedPresent = current.some((rule) => rule.ID === managedId);
    return adoption.absent.map((id) => managedPresent
        ? { level: 'info', message: `lifecycle-adopt-rule-ids: ${id} is not in the bucket (already adopted, or gone); ${managedId} is present.` }
        : { level: 'warn', message: `lifecycle-adopt-rule-ids: ${id} is not in the bucket, and ${managedId} is not there yet.`, remediation: 'Check the rule ID against the bucket lifecycle configuration (IDs are case-sensitive).' });
}
/** A kept rule re-spelt to valid S3 says so: its meaning stays, its spelling changes when written. */
function actionLabel(entry, respelt) {
    return entry.action === 'keep' && entry.after !== undefined && respelt.has(entry.after) ? 'keep (re-spelt)' : ACTION_LABELS[entry.action];
}
function planSections(plan, respelt) {
    const describe = (rule) => (rule === undefined ? '' : canonicalJson(rule));
    return [
        {
            kind: 'table',
            title: 'Plan',
            headers: ['', 'Rule ID', 'Action', 'Before', 'After'],
            rows: plan.entries.map((entry) => [
                PLAN_SYMBOLS[entry.action],
                entry.id,
                actionLabel(entry, respelt),
                // Before: as the server answered; a re-spelt rule's After: as it will be written.
                entry.action === 'add' ? '' : describe((entry.before && respelt.get(entry.before)) ?? entry.before),
                actionLabel(entry, respelt) === 'keep (re-spelt)'
                    ? describe(entry.after)
                    : entry.action === 'keep' || entry.action === 'unchanged' ? '(same)' : entry.action === 'adopt' ? `(replaced by the managed rule)` : describe(entry.after),
            ]),
        },
        {
            kind: 'code',
            title: 'Resulting configuration (commit this to your infrastructure repository)',
            language: 'json',
            text: JSON.stringify({ Rules: JSON.parse(`[${plan.rules.map((rule) => canonicalJson(rule)).join(',')}]`) }, null, 2),
        },
    ];
}
const lifecycleGate = {
    id: 'lifecycle',
    title: 'Chat attachment lifecycle policy',
    report: 'chat-attachment-lifecycle-policy-latest.md',
    mode: (config) => config.mode,
    run: runLifecycle,
};

;// CONCATENATED MODULE: ./src/lifecycle/selection.ts

/**
 * Whether an enabled rule's filter selects the object: plain prefix match on the key, every tag
 * of the rule present on the object, and the size strictly within the bounds. A prefix works as
 * a key here: every key under it starts with it, so a rule selecting the prefix selects them all.
 */
function ruleSelects(rule, object) {
    if (rule.Status !== 'Enabled')
        return false;
    const scope = ruleScope(rule);
    if (!object.key.startsWith(scope.prefix))
        return false;
    const tags = object.tags ?? [];
    if (!scope.tags.every((wanted) => tags.some((tag) => tag.Key === wanted.Key && tag.Value === wanted.Value)))
        return false;
    const { greaterThan, lessThan } = sizeBounds(rule);
    if (greaterThan === undefined && lessThan === undefined)
        return true;
    if (object.size === undefined)
        return false;
    return (greaterThan === undefined || object.size > greaterThan) && (lessThan === undefined || object.size < lessThan);
}
function sizeBounds(rule) {
    const filter = rule.Filter;
    return {
        greaterThan: filter?.And?.ObjectSizeGreaterThan ?? filter?.ObjectSizeGreaterThan,
        lessThan: filter?.And?.ObjectSizeLessThan ?? filter?.ObjectSizeLessThan,
    };
}

;// CONCATENATED MODULE: ./src/lifecycle/expiry.ts


const DAY_MS = 86_400_000;
/**
 * Days until a rule expires a new object: Days as written; a Date counts the whole days left
 * (0 once passed: such a rule deletes objects as soon as they are written). Undefined when the
 * rule expires no current objects (e.g. only ExpiredObjectDeleteMarker).
 */
function expiryDays(rule, now) {
    const expiration = rule.Expiration;
    if (expiration?.Days !== undefined)
        return expiration.Days;
    if (expiration?.Date !== undefined) {
        return Math.max(0, Math.ceil((new Date(expiration.Date).getTime() - now.getTime()) / DAY_MS));
    }
    return undefined;
}
/**
 * The expiry dates S3 may announce for an object: its time plus `days`, rounded up to the next
 * midnight UTC. A sum that falls exactly on midnight is ambiguous, so both midnights are allowed.
 */
function expectedExpiryDates(lastModified, days) {
    const due = lastModified.getTime() + days * DAY_MS;
    const nextMidnight = Math.floor(due / DAY_MS) * DAY_MS + DAY_MS;
    return due % DAY_MS === 0 ? [new Date(due), new Date(nextMidnight)] : [new Date(nextMidnight)];
}
/** The dates one rule may give an object written at `lastModified`; undefined when it expires none. */
function ruleExpiryDates(rule, lastModified) {
    const expiration = rule.Expiration;
    if (expiration?.Days !== undefined)
        return expectedExpiryDates(lastModified, expiration.Days);
    if (expiration?.Date !== undefined)
        return [new Date(expiration.Date)];
    return undefined;
}
/**
 * The expiry the configuration gives an object: the earliest among the enabled rules selecting
 * it (S3: where several rules match, the earliest expiry wins). Undefined when none expires it.
 */
function objectExpiry(rules, object, lastModified) {
    const candidates = rules
        .map((rule, index) => ({ label: ruleLabel(rule, index), dates: ruleSelects(rule, object) ? ruleExpiryDates(rule, lastModified) : undefined }))
        .filter((candidate) => candidate.dates !== undefined && candidate.dates.length > 0);
    const first = (dates) => Math.min(...dates.map((date) => date.getTime()));
    const earliest = Math.min(...candidates.map((candidate) => first(candidate.dates)));
    const deciding = candidates.filter((candidate) => first(candidate.dates) === earliest);
    if (deciding.length === 0)
        return undefined;
    const times = [...new Set(deciding.flatMap((candidate) => candidate.dates.map((date) => date.getTime())))].sort((a, b) => a - b);
    return { date: new Date(earliest), dates: times.map((time) => new Date(time)), decidingRules: deciding.map((candidate) => candidate.label) };
}

;// CONCATENATED MODULE: ./src/lifecycle/coverage.ts




/**
 * expect-expire-days when set; otherwise the days of the managed rule when it is in the bucket;
 * otherwise none (any positive retention passes). Verify and smoke both judge against this.
 */
function expectedRetention(input) {
    if (input.expectExpireDays !== undefined)
        return { days: input.expectExpireDays, source: 'expect-expire-days' };
    const managed = input.rules.find((rule) => rule.ID === input.managedId && expiryDays(rule, input.now) !== undefined);
    const days = managed === undefined ? undefined : expiryDays(managed, input.now);
    return days === undefined ? undefined : { days, source: `the managed rule ${input.managedId}` };
}
function evaluateCoverage(input) {
    const rules = input.rules.map((rule, index) => {
        const scope = ruleScope(rule);
        return {
            rule,
            label: ruleLabel(rule, index),
            prefix: scope.prefix,
            narrowed: scope.tags.length > 0 || scope.sizeFiltered,
            enabled: rule.Status === 'Enabled',
        };
    });
    const expected = expectedRetention(input);
    return input.requiredPrefixes.map((prefix) => evaluatePrefix(prefix, rules, input, expected));
}
/** Enabled rules that expire every untagged object under `prefix`, earliest first (ties: the managed rule first). */
function expiringRules(rules, prefix, input) {
    return rules
        .filter((rule) => ruleSelects(rule.rule, { key: prefix }))
        .map((rule) => ({ ...rule, days: expiryDays(rule.rule, input.now) }))
        .filter((rule) => rule.days !== undefined)
        .sort((a, b) => a.days - b.days || Number(b.label === input.managedId) - Number(a.label === input.managedId));
}
function evaluatePrefix(prefix, rules, input, expected) {
    const findings = [];
    // A rule that selects the prefix selects every *.bin payload and *.json metadata object under it.
    const expiring = expiringRules(rules, prefix, input);
    const keys = ['bin', 'json'].map((extension) => ({ key: `${prefix}example.${extension}`, expiringRules: expiring.map((rule) => rule.label) }));
    for (const rule of rules) {
        if (!prefix.startsWith(rule.prefix) || expiryDays(rule.rule, input.now) === undefined)
            continue;
        if (!rule.enabled) {
            findings.push({ level: 'info', message: `Rule ${rule.label} would cover ${prefix} but its Status is ${String(rule.rule.Status)}.` });
        }
        else if (rule.narrowed) {
            findings.push({ level: 'info', message: `Rule ${rule.label} is narrowed by a tag or size filter: it does not cover untagged objects under ${prefix}.` });
        }
    }
    const deciding = expiring[0];
    const versioning = versioningFindings(prefix, rules, input);
    if (deciding === undefined) {
        findings.push({
            level: 'fail',
            message: `No enabled expiration rule covers ${prefix}: its *.bin and *.json objects never expire.`,
            remediation: `Run the lifecycle gate with mode: apply (expire-days sets the retention), or add a rule with Filter.Prefix '${prefix}'.`,
        });
        return { prefix, keys, effectiveDays: undefined, decidingRule: undefined, expected, findings: [...findings, ...versioning] };
    }
    const evidence = `rule ${deciding.label} (prefix '${deciding.prefix}', ${deciding.days} days)`;
    findings.push(...retentionFindings(prefix, deciding, expiring, expected, input, evidence));
    for (const rule of rules) {
        const days = expiryDays(rule.rule, input.now);
        if (rule.enabled && rule.prefix.startsWith(prefix) && rule.prefix !== prefix && days !== undefined && days < deciding.days) {
            findings.push({
                level: 'warn',
                message: `Rule ${rule.label} expires part of ${prefix} (prefix '${rule.prefix}') sooner: after ${days} days.`,
            });
        }
    }
    return { prefix, keys, effectiveDays: deciding.days, decidingRule: deciding.label, expected, findings: [...findings, ...versioning] };
}
/** The verdict on the number itself: equal to the expected retention, shorter, or longer. */
function retentionFindings(prefix, deciding, expiring, expected, input, evidence) {
    if (deciding.days <= 0) {
        return [{ level: 'fail', message: `Rule ${deciding.label} expires objects under ${prefix} immediately (its Date has passed).`, evidence, remediation: `Remove or change rule ${deciding.label}.` }];
    }
    if (expected === undefined) {
        // The runbook's non-strict mode: any positive retention passes; a shorter overlap is worth a look.
        const findings = [{ level: 'info', message: `Objects under ${prefix} expire after ${deciding.days} days.`, evidence }];
        const longer = expiring.filter((rule) => rule.days > deciding.days);
        if (longer.length > 0) {
            findings.push({
                level: 'warn',
                message: `Rule ${deciding.label} (${deciding.days} days) overlaps ${longer.map((rule) => `${rule.label} (${rule.days} days)`).join(', ')} on ${prefix}: the shorter one wins.`,
                evidence,
            });
        }
        return findings;
    }
    const stated = `Effective retention of ${prefix} is ${deciding.days} days, expected ${expected.days} (${expected.source}); ${evidence} decides`;
    if (deciding.days < expected.days) {
        return [{
                level: 'fail',
                message: `${stated}: objects are deleted ${expected.days - deciding.days} days earlier than the configured retention.`,
                evidence,
                remediation: `Remove rule ${deciding.label}, or narrow it so it no longer covers ${prefix}; or make ${expected.days} days the retention you configure.`,
            }];
    }
    if (deciding.days > expected.days) {
        return [{
                level: 'fail',
                message: `${stated}: objects are kept ${deciding.days - expected.days} days longer than the configured retention.`,
                evidence,
                remediation: expected.source === 'expect-expire-days'
                    ? `Set expire-days to ${expected.days} and apply, or change rule ${deciding.label}.`
                    : `Run the lifecycle gate with mode: apply so ${input.managedId} covers ${prefix}, or change rule ${deciding.label}.`,
            }];
    }
    const findings = [{ level: 'info', message: `Objects under ${prefix} expire after ${deciding.days} days, as configured (${expected.source}).`, evidence }];
    for (const twin of expiring.filter((rule) => rule.days === deciding.days && rule.label !== deciding.label)) {
        const adoptable = input.envPrefix === prefix && adoptionRefusal(twin.rule, input.envPrefix) === undefined && twin.label !== input.managedId;
        findings.push({
            level: 'info',
            message: `Rule ${twin.label} also expires ${prefix} after ${deciding.days} days (same retention, no effect on the verdict).${adoptable ? ` If it is the old script's rule, set lifecycle-adopt-rule-ids: ${twin.label} so lifecycle apply replaces it by ${input.managedId}.` : ''}`,
        });
    }
    return findings;
}
/** On a versioned bucket, expiry only adds delete markers: old versions and markers need rules too. */
function versioningFindings(prefix, rules, input) {
    if (input.versioning === 'Unversioned')
        return [];
    const findings = [];
    const covering = rules.filter((rule) => ruleSelects(rule.rule, { key: prefix }));
    const noncurrent = covering.find((rule) => rule.rule.NoncurrentVersionExpiration?.NoncurrentDays !== undefined);
    const markers = covering.find((rule) => rule.rule.Expiration?.ExpiredObjectDeleteMarker === true);
    if (noncurrent === undefined) {
        findings.push({
            level: 'fail',
            message: `Bucket versioning is ${input.versioning} but no enabled rule covering ${prefix} has NoncurrentVersionExpiration: old versions are kept forever.`,
            remediation: 'Run the lifecycle gate with mode: apply; it adds NoncurrentVersionExpiration on versioned buckets.',
        });
    }
    if (markers === undefined) {
        findings.push({
            level: 'fail',
            message: `Bucket versioning is ${input.versioning} but no enabled rule covering ${prefix} removes expired delete markers (Expiration.ExpiredObjectDeleteMarker).`,
            remediation: 'Run the lifecycle gate with mode: apply; it adds a delete-marker rule on versioned buckets.',
        });
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/smoke/run-id.ts
/** The folder under `<prefix>/<env>/` that holds every smoke run's objects. */
const SMOKE_FOLDER = '_smoke';
const RUN_ID_PATTERN = /^\d{8}T\d{6}Z-[0-9a-f]{8,}$/;
/**
 * A run id unique per run and sortable by time: `20261128T044742Z-3f9a1c2b` (UTC second, then
 * random hex so two runs in the same second never share a prefix).
 */
function smokeRunId(now, random) {
    if (random.length < 4)
        throw new Error('a smoke run id needs at least 4 random bytes');
    const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
    const hex = [...random].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${stamp}-${hex}`;
}
/**
 * The time a run id was taken (its UTC second), or undefined for a name without the run-id
 * shape or with a date that does not exist: only such names are runs a sweep may remove.
 */
function runIdTime(name) {
    const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-/.exec(name);
    if (!RUN_ID_PATTERN.test(name) || match === null)
        return undefined;
    const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
    const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    // Date.UTC rolls 2026-02-30 over into March: such a name is not a run id.
    const same = time.getUTCFullYear() === year && time.getUTCMonth() === month - 1 && time.getUTCDate() === day && time.getUTCHours() === hour && time.getUTCMinutes() === minute && time.getUTCSeconds() === second;
    return same ? time : undefined;
}
/** `<prefix>/<env>/_smoke/`: every run's prefix lies below it. */
function smokeFolder(envPrefix) {
    if (!envPrefix.endsWith('/') || envPrefix.startsWith('/'))
        throw new Error(`env prefix must end with '/' and not start with it: ${envPrefix}`);
    return `${envPrefix}${SMOKE_FOLDER}/`;
}
/** `<prefix>/<env>/_smoke/<run-id>/`: where a smoke run writes; it deletes there and in stale runs' prefixes. */
function smokeRunPrefix(envPrefix, runId) {
    if (!envPrefix.endsWith('/') || envPrefix.startsWith('/'))
        throw new Error(`env prefix must end with '/' and not start with it: ${envPrefix}`);
    if (!RUN_ID_PATTERN.test(runId))
        throw new Error(`not a smoke run id: ${runId}`);
    return `${envPrefix}${SMOKE_FOLDER}/${runId}/`;
}

;// CONCATENATED MODULE: ./src/smoke/debris.ts

/**
 * Groups what lies under `_smoke/` by run and decides which runs are stale. Only keys strictly
 * below `_smoke/<run-id>/` with a real run id count; anything else under `_smoke/` (notes, a key
 * named like a run id, `<run-id>-x/`) is never part of a run, so never removed. A run is stale
 * only when both clocks agree: the run id's time on the runner's clock and its newest write on
 * the server's clock, so a runner clock that is off cannot sweep a run that is still writing.
 */
function findDebris(input) {
    const folder = smokeFolder(input.envPrefix);
    const runs = new Map();
    const runOf = (key) => {
        const runId = runIdOfKey(key, folder);
        if (runId === undefined || runId === input.ownRunId)
            return undefined;
        let run = runs.get(runId);
        if (run === undefined) {
            run = { objects: [], versions: [], uploads: [], times: [] };
            runs.set(runId, run);
        }
        return run;
    };
    for (const object of input.listing.objects) {
        const run = runOf(object.key);
        run?.objects.push(object.key);
        run?.times.push(object.lastModified);
    }
    for (const version of input.listing.versions ?? []) {
        const run = runOf(version.key);
        run?.versions.push({ key: version.key, versionId: version.versionId, deleteMarker: version.deleteMarker });
        run?.times.push(version.lastModified);
    }
    for (const upload of input.listing.uploads) {
        const run = runOf(upload.key);
        run?.uploads.push({ key: upload.key, uploadId: upload.uploadId });
        run?.times.push(upload.initiated);
    }
    return [...runs.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([runId, run]) => {
        const startedAt = runIdTime(runId);
        const newestWrite = run.times.some((time) => time === undefined) ? undefined : new Date(Math.max(...run.times.map((time) => time.getTime())));
        const { stale, why } = judge(startedAt, newestWrite, input);
        return { runId, runPrefix: smokeRunPrefix(input.envPrefix, runId), startedAt, newestWrite, objects: run.objects, versions: run.versions, uploads: run.uploads, stale, why };
    });
}
/** The run id of a key strictly below `<folder><run-id>/`, or undefined. */
function runIdOfKey(key, folder) {
    if (!key.startsWith(folder))
        return undefined;
    const rest = key.slice(folder.length);
    const slash = rest.indexOf('/');
    // A name, then at least one character after its slash (the prefix itself is no key of the run).
    if (slash <= 0 || slash === rest.length - 1)
        return undefined;
    const name = rest.slice(0, slash);
    return runIdTime(name) === undefined ? undefined : name;
}
function judge(startedAt, newestWrite, input) {
    const limit = formatAge(input.staleAfterMs);
    const idAge = input.runnerNow.getTime() - startedAt.getTime();
    if (idAge <= input.staleAfterMs)
        return { stale: false, why: `its run id is ${describeAge(idAge)}, not older than smoke-stale-after ${limit}` };
    if (newestWrite === undefined)
        return { stale: false, why: 'the server gave no time for one of its entries' };
    if (input.serverNow === undefined)
        return { stale: false, why: "the server's clock is unknown (no Date header)" };
    const writeAge = input.serverNow.getTime() - newestWrite.getTime();
    // The Date header counts whole seconds: a write of this second may look a little in the future.
    if (writeAge <= input.staleAfterMs)
        return { stale: false, why: `its newest write is ${describeAge(writeAge)} by the server's clock, not older than smoke-stale-after ${limit}` };
    return { stale: true, why: `its run id is ${formatAge(idAge)} old and its newest write ${formatAge(writeAge)}, both older than smoke-stale-after ${limit}` };
}
/** "10m old", or "5 s in the future" (less than a second ahead counts as now). */
function describeAge(ms) {
    return ms <= -1000 ? `${formatAge(-ms)} in the future` : `${formatAge(Math.max(0, ms))} old`;
}
/** 90061000 -> "1d 1h 1m"; under a minute in seconds. */
function formatAge(ms) {
    if (ms < 60_000)
        return `${Math.round(ms / 1000)} s`;
    const minutes = Math.floor(ms / 60_000);
    const parts = [
        [Math.floor(minutes / 1440), 'd'],
        [Math.floor((minutes % 1440) / 60), 'h'],
        [minutes % 60, 'm'],
    ];
    return parts.filter(([value]) => value > 0).map(([value, unit]) => `${value}${unit}`).join(' ');
}

;// CONCATENATED MODULE: ./src/smoke/latency.ts
/** Records in the order their requests started (they complete out of order when parallel). */
function inStartOrder(records) {
    return [...records].sort((a, b) => a.atMs - b.atMs);
}
/** Groups by operation name without its variant (`UploadPart 2` counts as UploadPart). */
const family = (operation) => operation.replace(/ .*$/, '');
function latencyTotals(records, wallMs) {
    const groups = new Map();
    for (const record of records) {
        const name = family(record.operation);
        const group = groups.get(name) ?? { operation: name, count: 0, failed: 0, sumMs: 0, maxMs: 0 };
        groups.set(name, {
            operation: name,
            count: group.count + 1,
            failed: group.failed + (record.ok ? 0 : 1),
            sumMs: group.sumMs + record.ms,
            maxMs: Math.max(group.maxMs, record.ms),
        });
    }
    return {
        operations: records.length,
        failed: records.filter((record) => !record.ok).length,
        sumMs: records.reduce((sum, record) => sum + record.ms, 0),
        wallMs,
        bytes: records.reduce((sum, record) => sum + (record.bytes ?? 0), 0),
        byOperation: [...groups.values()],
    };
}
/** The latency table (operation, key, result, ms) and the totals, as report sections. */
function latencySections(records, totals) {
    return [
        {
            kind: 'table',
            title: 'Latency',
            headers: ['Operation', 'Key', 'Result', 'ms'],
            rows: records.map((record) => [record.operation, record.key, record.result, String(record.ms)]),
        },
        {
            kind: 'table',
            title: 'Latency totals',
            headers: ['Operation', 'Requests', 'Failed', 'Sum ms', 'Max ms'],
            rows: [
                ...totals.byOperation.map((group) => [group.operation, String(group.count), String(group.failed), String(group.sumMs), String(group.maxMs)]),
                ['All', String(totals.operations), String(totals.failed), String(totals.sumMs), String(Math.max(0, ...totals.byOperation.map((group) => group.maxMs)))],
            ],
        },
    ];
}
/** One line for facts and logs. */
function latencyLine(totals) {
    return `${totals.operations} request(s), ${totals.failed} failed, ${totals.sumMs} ms summed, ${totals.wallMs} ms wall, ${totals.bytes} bytes`;
}

;// CONCATENATED MODULE: ./src/smoke/expiration.ts

const expiration_DAY_MS = 86_400_000;
/** Parses `expiry-date="Tue, 29 Dec 2026 00:00:00 GMT", rule-id="<id>"`; undefined when malformed. */
function parseExpirationHeader(raw) {
    const fields = new Map();
    for (const match of raw.matchAll(/([A-Za-z-]+)\s*=\s*"([^"]*)"/g)) {
        const [, name, value] = match;
        if (name !== undefined && value !== undefined)
            fields.set(name.toLowerCase(), value);
    }
    const date = fields.get('expiry-date');
    const rawRuleId = fields.get('rule-id');
    if (date === undefined || rawRuleId === undefined)
        return undefined;
    const expiryDate = new Date(date);
    if (Number.isNaN(expiryDate.getTime()))
        return undefined;
    return { expiryDate, rawRuleId, ruleId: decodeRuleId(rawRuleId) };
}
/** Decodes a URL-encoded rule ID; a value that is not valid percent-encoding is taken as is. */
function decodeRuleId(raw) {
    if (!raw.includes('%') && !raw.includes('+'))
        return raw;
    try {
        return decodeURIComponent(raw.replace(/\+/g, ' '));
    }
    catch {
        return raw;
    }
}
const day = (date) => date.toUTCString();
const ruleList = (rules) => rules.join(' and ');
/**
 * Judges whether the server applies the configuration as written: the date in x-amz-expiration
 * must be the date the bucket's rules give the object (the same coverage code verify uses, with
 * S3's rounding to the next midnight UTC). The rule ID the server names is reported, not judged:
 * where rules tie, any of them may be named. Retention itself is verify's verdict.
 */
function judgeExpiration(check) {
    const { label } = check;
    const raw = check.header?.trim() ?? '';
    const header = raw === '' ? undefined : parseExpirationHeader(raw);
    if (raw !== '' && header === undefined) {
        return { ok: false, problem: 'malformed', header: undefined, message: `${label}: x-amz-expiration header is not of the form expiry-date="...", rule-id="...": ${raw}`, remediation: 'Check the S3 endpoint: it answers with a header this gate cannot read.' };
    }
    if (check.rules === undefined) {
        return { ok: false, problem: 'no-rules', header, message: `${label}: the bucket's lifecycle configuration could not be read, so the x-amz-expiration date cannot be compared with it.`, remediation: 'Grant the credentials s3:GetLifecycleConfiguration on the bucket.' };
    }
    if (check.lastModified === undefined) {
        return { ok: false, problem: 'no-time', header, message: `${label}: the server sent no Last-Modified, so the expiry date cannot be checked against the bucket's rules.`, remediation: 'Check the S3 endpoint: HEAD must return Last-Modified.' };
    }
    const expected = objectExpiry(check.rules, check.object, check.lastModified);
    const written = `written ${check.lastModified.toISOString()}`;
    if (header === undefined) {
        return expected === undefined
            ? { ok: false, problem: 'missing', header, message: `${label}: no x-amz-expiration header, so no enabled lifecycle rule expires it (the bucket's rules agree).`, remediation: check.applyHint }
            : { ok: false, problem: 'missing', header, message: `${label}: no x-amz-expiration header, but the bucket's rules expire it ${day(expected.date)} by ${ruleList(expected.decidingRules)} (${written}): the server does not announce the configuration.`, remediation: 'Check the S3 endpoint: it must apply the bucket lifecycle configuration and send x-amz-expiration.' };
    }
    if (expected === undefined) {
        return { ok: false, problem: 'unexpected', header, message: `${label}: the server expires it ${day(header.expiryDate)} by rule '${header.ruleId}', but no enabled rule of the bucket's configuration selects it.`, remediation: "Check the S3 endpoint: it applies a lifecycle rule the bucket's configuration does not show." };
    }
    if (!expected.dates.some((date) => date.getTime() === header.expiryDate.getTime())) {
        const offsetDays = Math.round((header.expiryDate.getTime() - expected.date.getTime()) / expiration_DAY_MS);
        return {
            ok: false,
            problem: 'wrong-date',
            header,
            message: `${label}: the server expires it ${day(header.expiryDate)} by rule '${header.ruleId}', but the bucket's rules give ${expected.dates.map(day).join(' or ')} by ${ruleList(expected.decidingRules)} (${written}; ${Math.abs(offsetDays)} day(s) ${offsetDays < 0 ? 'sooner' : 'later'}).`,
            remediation: "The server does not apply the configuration as written (e.g. it dropped a rule's filter): compare its behaviour with the bucket's lifecycle configuration before relying on it.",
        };
    }
    const named = expected.decidingRules.includes(header.ruleId) ? '' : ` (the server names '${header.ruleId}'; the rules give the date by ${ruleList(expected.decidingRules)})`;
    return { ok: true, header, message: `${label}: expires ${day(header.expiryDate)} by ${header.ruleId}, as the bucket's rules give (${written})${named}.` };
}

;// CONCATENATED MODULE: ./src/gates/smoke-storage.ts



function initialStorageState() {
    return { versioning: 'unknown', wroteAny: false, storedAny: false, openUploads: new Map(), multipartUncertain: false, deletedAll: false, versionsCleared: false, rules: undefined, expiry: undefined };
}
/**
 * The attachment path on real objects: write (Content-MD5, metadata, multipart above the
 * threshold), HEAD (attributes and x-amz-expiration), GET in full and by range, list, delete,
 * confirm 404, and remove versions on a versioned bucket. Wrong answers are findings and the run
 * goes on; a request without a usable answer stops it, and the caller's cleanup undoes what is
 * left. Never throws (every request goes through the probe).
 */
async function runStorageLevel(context, state) {
    const { probe, s3 } = context;
    // The rules are read to compare the server's x-amz-expiration with them; versioning decides the cleanup.
    const [versioning, rules] = await Promise.all([
        probe.timed('GetBucketVersioning', '(bucket)', () => s3.getVersioning({ fresh: true })),
        probe.timed('GetBucketLifecycleConfiguration', '(bucket)', () => s3.getLifecycleRules({ fresh: true })),
    ]);
    if (rules.ok)
        state.rules = rules.value;
    if (versioning.ok) {
        state.versioning = versioning.value;
    }
    else if (versioning.error instanceof clients_s3/* S3Failure */.be && versioning.error.kind === 'access-denied') {
        probe.add({ level: 'info', message: 'Could not read the bucket versioning (denied): versions are swept as if the bucket were versioned.' });
    }
    else if (versioning.error instanceof clients_s3/* S3Failure */.be && versioning.error.code === 'NoSuchBucket') {
        probe.add({ level: 'fail', message: `The bucket does not exist: the attachment path cannot work, and nothing was written.`, evidence: versioning.error.message, remediation: "Run the 'bucket' gate with mode: apply, or check s3-bucket." });
        return;
    }
    else {
        probe.failure('Reading versioning of', 'the bucket', versioning.error);
        return;
    }
    const written = await Promise.all(context.objects.map((object) => writeObject(context, state, object)));
    // Findings in the order of the objects, not of completion: the same failure reads the same way.
    for (const failed of written)
        if (failed !== undefined)
            probe.failure(failed.what, failed.key, failed.error);
    if (written.some((failed) => failed !== undefined))
        return;
    const multipart = context.objects.filter((object) => object.upload === 'multipart');
    probe.add({
        level: 'info',
        message: `PUT ${context.objects.length} objects with Content-MD5 and user metadata (${multipart.map((object) => `${object.name} in ${object.parts.length} parts`).join(', ') || 'no multipart'}): accepted.`,
    });
    if (!(await headObjects(context, state)))
        return;
    if (!(await getObjects(context)))
        return;
    const listed = await listRunPrefix(context);
    if (listed === undefined)
        return;
    if (!(await deleteObjects(context, state, listed)))
        return;
    if (state.versioning !== 'Unversioned')
        await removeVersions(context, state);
    else
        state.versionsCleared = true;
}
/** Writes one object (single PUT or multipart); undefined on success. */
async function writeObject({ s3, probe }, state, object) {
    state.wroteAny = true;
    const attributes = { key: object.key, contentType: object.contentType, metadata: object.metadata };
    if (object.upload === 'single') {
        const put = await probe.timed('PutObject', object.key, () => s3.putObject({ ...attributes, body: object.body, contentMd5: object.md5Base64 }), { bytes: object.body.length });
        if (put.ok || !refused(put.error))
            state.storedAny = true;
        return put.ok ? undefined : { what: 'PUT', key: object.key, error: put.error };
    }
    const created = await probe.timed('CreateMultipartUpload', object.key, () => s3.createMultipartUpload(attributes));
    if (!created.ok) {
        if (!refused(created.error))
            state.multipartUncertain = true;
        return { what: 'Multipart upload of', key: object.key, error: created.error };
    }
    const uploadId = created.value;
    state.openUploads.set(object.key, uploadId);
    const parts = await Promise.all(object.parts.map(async (part) => {
        const body = object.body.subarray(part.start, part.end);
        const uploaded = await probe.timed(`UploadPart ${part.partNumber}`, object.key, () => s3.uploadPart({ key: object.key, uploadId, partNumber: part.partNumber, body, contentMd5: md5Base64(body) }), { bytes: body.length });
        return { part, uploaded };
    }));
    const failedPart = parts.find((entry) => !entry.uploaded.ok);
    if (failedPart && !failedPart.uploaded.ok) {
        return { what: `UploadPart ${failedPart.part.partNumber} of`, key: object.key, error: failedPart.uploaded.error };
    }
    const etags = parts.map((entry) => ({ partNumber: entry.part.partNumber, etag: entry.uploaded.ok ? entry.uploaded.value : '' }));
    const completed = await probe.timed('CompleteMultipartUpload', object.key, () => s3.completeMultipartUpload({ key: object.key, uploadId, parts: etags }));
    if (completed.ok || !refused(completed.error))
        state.storedAny = true;
    if (!completed.ok)
        return { what: 'Completing the multipart upload of', key: object.key, error: completed.error };
    state.openUploads.delete(object.key);
    return undefined;
}
/** S3 answered no (denied, rejected, no such bucket): the request had no effect. */
function refused(error) {
    return error instanceof clients_s3/* S3Failure */.be && (error.kind === 'access-denied' || error.kind === 'rejected' || error.kind === 'credentials' || error.kind === 'not-found');
}
async function headObjects({ s3, probe, objects, applyHint }, state) {
    const heads = await Promise.all(objects.map(async (object) => ({
        object,
        head: await probe.timed('HeadObject', object.key, () => s3.headObject(object.key), {
            describe: (value) => (value === 'not-found' ? { result: '404', ok: false } : { result: 'ok', ok: true }),
        }),
    })));
    // Only a request that got no usable answer stops the run; wrong answers are findings.
    let ok = true;
    let attributesOk = true;
    const judged = [];
    for (const { object, head } of heads) {
        if (!head.ok) {
            probe.failure('HEAD', object.key, head.error);
            ok = false;
            continue;
        }
        if (head.value === 'not-found') {
            probe.add({ level: 'fail', message: `HEAD ${object.key}: 404 right after the server accepted the upload.`, remediation: 'Check that the endpoint is the bucket the service reads (s3-endpoint, s3-bucket).' });
            ok = false;
            continue;
        }
        const mismatches = attributeMismatches(object, head.value);
        if (mismatches.length > 0) {
            probe.add({ level: 'fail', message: `HEAD ${object.key} does not show what was written: ${mismatches.join('; ')}.`, remediation: 'Check the S3 endpoint: it must keep Content-Type and x-amz-meta-* headers.' });
            attributesOk = false;
        }
        const judge = (value) => judgeExpiration({ label: probe.keyLabel(object.key), object: { key: object.key, size: object.body.length }, header: value.expiration, lastModified: value.lastModified, rules: state.rules, applyHint });
        judged.push(rejudgeExpiration(probe, s3, object.key, judge(head.value), judge));
    }
    const verdicts = await Promise.all(judged);
    if (!ok)
        return false;
    if (attributesOk)
        probe.add({ level: 'info', message: `HEAD ${objects.length} objects: size, content type and user metadata as written.` });
    state.expiry = reportExpiration(probe, verdicts).expiry;
    return true;
}
/** Re-reads of an object whose x-amz-expiration disagrees, and the pause before each. */
const EXPIRATION_REREADS = 2;
const EXPIRATION_REREAD_DELAY_MS = 1000;
/**
 * A server may announce a lifecycle change late (AWS propagates a new configuration over minutes;
 * a busy RGW was seen once answering with a stale header): a wrong or missing header is read
 * again, a bounded number of times, and only the last answer is judged. Every read is in the table.
 */
async function rejudgeExpiration(probe, s3, key, first, judge) {
    let verdict = first;
    for (let reread = 1; reread <= EXPIRATION_REREADS && !verdict.ok; reread += 1) {
        await new Promise((resolve) => setTimeout(resolve, EXPIRATION_REREAD_DELAY_MS));
        const again = await probe.timed(`HeadObject (expiration re-read ${reread})`, key, () => s3.headObject(key), {
            describe: (value) => (value === 'not-found' ? { result: '404', ok: false } : { result: 'ok', ok: true }),
        });
        if (!again.ok || again.value === 'not-found')
            break;
        verdict = judge(again.value);
    }
    return verdict;
}
function attributeMismatches(object, head) {
    const mismatches = [];
    if (head.contentLength !== object.body.length)
        mismatches.push(`size ${head.contentLength ?? 'missing'}, wrote ${object.body.length}`);
    if (head.contentType !== object.contentType)
        mismatches.push(`content type ${head.contentType ?? 'missing'}, wrote ${object.contentType}`);
    for (const [name, value] of Object.entries(object.metadata)) {
        if (head.metadata[name] !== value)
            mismatches.push(`x-amz-meta-${name} ${head.metadata[name] === undefined ? 'missing' : `'${head.metadata[name]}'`}, wrote '${value}'`);
    }
    return mismatches;
}
/**
 * One finding per kind of expiration problem (the objects of a run share their rules). Returns
 * the announced expiry when every verdict passed, else undefined.
 */
function reportExpiration(probe, verdicts) {
    const problems = new Map();
    for (const verdict of verdicts) {
        if (verdict.ok)
            continue;
        const group = `${verdict.problem}:${verdict.header?.ruleId ?? ''}`;
        const entry = problems.get(group);
        problems.set(group, { verdict: entry?.verdict ?? verdict, count: (entry?.count ?? 0) + 1 });
    }
    for (const { verdict, count } of problems.values()) {
        probe.add({
            level: verdict.problem === 'no-rules' ? 'unverifiable' : 'fail',
            message: `${verdict.message}${count > 1 ? ` (${count - 1} more object(s) alike)` : ''}`,
            ...(verdict.header ? { evidence: `x-amz-expiration: expiry-date="${verdict.header.expiryDate.toUTCString()}", rule-id="${verdict.header.rawRuleId}"` } : {}),
            remediation: verdict.remediation,
        });
    }
    const passed = verdicts.filter((verdict) => verdict.ok);
    if (problems.size === 0 && passed[0] !== undefined) {
        probe.add({ level: 'info', message: `x-amz-expiration: the server announces for ${passed.length} object(s) the date the bucket's rules give, e.g. ${passed[0].message}` });
    }
    return { passed: problems.size === 0, expiry: problems.size === 0 ? passed[0]?.header.expiryDate.toUTCString() : undefined };
}
async function getObjects({ s3, probe, objects }) {
    const checks = objects.flatMap((object) => [
        { object, range: undefined, expected: object.body },
        ...firstAndLastRanges(object.body.length).map((range) => ({ object, range, expected: object.body.subarray(range.start, range.end + 1) })),
    ]);
    const problems = [];
    const failures = await Promise.all(checks.map(async ({ object, range, expected }) => {
        const expectedSha = sha256Hex(expected);
        const got = await probe.timed(`GetObject ${range ? `range ${range.label}` : 'full'}`, object.key, () => s3.getObject(object.key, range?.header), {
            bytes: expected.length,
            describe: (value) => (sha256Hex(value.body) === expectedSha ? { result: 'ok', ok: true } : { result: 'other bytes', ok: false }),
        });
        if (!got.ok)
            return { key: object.key, error: got.error };
        const what = `GET ${object.name}${range ? ` ${range.header}` : ''}`;
        const sha = sha256Hex(got.value.body);
        if (sha !== expectedSha)
            problems.push(`${what}: ${got.value.body.length} bytes with SHA-256 ${sha}, expected ${expected.length} bytes with ${expectedSha}`);
        if (range && got.value.contentRange !== expectedContentRange(range, object.body.length)) {
            problems.push(`${what}: Content-Range ${got.value.contentRange ?? 'missing'}, expected ${expectedContentRange(range, object.body.length)}`);
        }
        return undefined;
    }));
    const thrown = failures.find((failure) => failure !== undefined);
    if (thrown !== undefined) {
        probe.failure('GET', thrown.key, thrown.error);
        return false;
    }
    if (problems.length > 0) {
        probe.add({ level: 'fail', message: `GET returned other bytes than were written: ${problems.join('; ')}.`, remediation: 'Check the S3 endpoint and any proxy or cache in front of it: reads must return the stored bytes.' });
        return true;
    }
    probe.add({ level: 'info', message: `GET ${objects.length} objects in full and by first and last range: SHA-256 equal to what was written.` });
    return true;
}
/** The keys listed under the run prefix, or undefined when the listing failed. */
async function listRunPrefix({ s3, probe, objects, runPrefix }) {
    const listed = await probe.timed('ListObjectsV2', runPrefix, () => s3.listObjects(runPrefix));
    if (!listed.ok) {
        probe.failure('LIST', runPrefix, listed.error);
        return undefined;
    }
    const expected = new Map(objects.map((object) => [object.key, object.body.length]));
    const seen = new Map(listed.value.map((entry) => [entry.key, entry.size]));
    const missing = [...expected.keys()].filter((key) => !seen.has(key));
    const extra = [...seen.keys()].filter((key) => !expected.has(key));
    const wrongSize = [...expected].filter(([key, size]) => seen.has(key) && seen.get(key) !== size).map(([key]) => key);
    if (missing.length + extra.length + wrongSize.length > 0) {
        probe.add({
            level: 'fail',
            message: `LIST ${runPrefix} does not show exactly the run's keys: ${[
                missing.length > 0 ? `missing ${missing.map((key) => probe.keyLabel(key)).join(', ')}` : '',
                extra.length > 0 ? `unexpected ${extra.map((key) => probe.keyLabel(key)).join(', ')}` : '',
                wrongSize.length > 0 ? `other size ${wrongSize.map((key) => probe.keyLabel(key)).join(', ')}` : '',
            ].filter(Boolean).join('; ')}.`,
            remediation: 'Check that listings of the bucket are consistent with writes (a caching proxy or an eventually consistent gateway breaks the service).',
        });
    }
    else {
        probe.add({ level: 'info', message: `LIST ${runPrefix}: exactly the run's ${objects.length} keys, sizes as written.` });
    }
    return [...seen.keys()];
}
/** Deletes the run's objects and anything else listed under its prefix (all of it is the run's). */
async function deleteObjects({ s3, probe, objects, runPrefix }, state, listed) {
    const keys = new Set([...objects.map((object) => object.key), ...listed]);
    const targets = [...keys].map((key) => ({ key }));
    const deleted = await probe.timed('DeleteObjects', runPrefix, () => s3.deleteObjects(targets, runPrefix), {
        describe: (answer) => (answer.errors.length > 0 ? { result: `${answer.errors.length} error(s)`, ok: false } : { result: 'ok', ok: true }),
    });
    if (!deleted.ok) {
        probe.failure('DELETE', runPrefix, deleted.error);
        return false;
    }
    if (deleted.value.errors.length > 0) {
        probe.add({
            level: 'fail',
            message: `DELETE failed for ${deleted.value.errors.map((error) => `${probe.keyLabel(error.key)} (${error.code})`).join(', ')}.`,
            remediation: 'Grant s3:DeleteObject on the attachment prefix: the service deletes attachments too.',
        });
        return false;
    }
    const heads = await Promise.all(objects.map(async (object) => ({
        object,
        head: await probe.timed('HeadObject after delete', object.key, () => s3.headObject(object.key), {
            describe: (value) => (value === 'not-found' ? { result: '404 (expected)', ok: true } : { result: 'still there', ok: false }),
        }),
    })));
    const stillThere = heads.filter(({ head }) => !head.ok || head.value !== 'not-found');
    const thrown = heads.find(({ head }) => !head.ok);
    if (thrown && !thrown.head.ok) {
        probe.failure('HEAD after delete', thrown.object.key, thrown.head.error);
        return false;
    }
    if (stillThere.length > 0) {
        probe.add({ level: 'fail', message: `HEAD after DELETE still finds ${stillThere.map(({ object }) => object.name).join(', ')}.`, remediation: 'Check the S3 endpoint: a deleted object must answer 404.' });
        return false;
    }
    state.deletedAll = true;
    probe.add({ level: 'info', message: `DELETE ${targets.length} object(s), then HEAD each of the run's ${objects.length}: 404.` });
    return true;
}
async function removeVersions({ s3, probe, runPrefix }, state) {
    const listed = await probe.timed('ListObjectVersions', runPrefix, () => s3.listObjectVersions(runPrefix));
    if (!listed.ok) {
        probe.failure('Listing the versions under', runPrefix, listed.error);
        return;
    }
    if (listed.value.length === 0) {
        state.versionsCleared = true;
        return;
    }
    const targets = listed.value.map((version) => ({ key: version.key, versionId: version.versionId }));
    const deleted = await probe.timed('DeleteObjects versions', runPrefix, () => s3.deleteObjects(targets, runPrefix), {
        describe: (answer) => (answer.errors.length > 0 ? { result: `${answer.errors.length} error(s)`, ok: false } : { result: 'ok', ok: true }),
    });
    if (!deleted.ok) {
        probe.failure('Deleting the versions under', runPrefix, deleted.error);
        return;
    }
    if (deleted.value.errors.length > 0) {
        probe.add({ level: 'fail', message: `Deleting versions failed for ${deleted.value.errors.map((error) => `${probe.keyLabel(error.key)} ${error.versionId ?? ''} (${error.code})`).join(', ')}.`, remediation: 'Grant s3:DeleteObjectVersion on the attachment prefix.' });
        return;
    }
    state.versionsCleared = true;
    const markers = listed.value.filter((version) => version.deleteMarker).length;
    probe.add({ level: 'info', message: `Versioned bucket (${state.versioning}): removed the run's ${listed.value.length - markers} version(s) and ${markers} delete marker(s).` });
}

;// CONCATENATED MODULE: ./src/gates/smoke-api.ts





/** The test file is small: the API level proves the path, the storage level covers sizes. */
const API_FILE_BYTES = 32 * 1024 + 77;
const EVIDENCE_CHARS = 300;
/**
 * Uploads a random file through the chat API, downloads it, compares the bytes, and confirms the
 * service stored it in the bucket under `<prefix>/<env>/` (not on local disk). The uploaded
 * attachment is left for the managed lifecycle rule to expire: it lies outside the run's prefix.
 */
async function runApiLevel(context) {
    const { api, settings, probe } = context;
    const bytes = context.random(API_FILE_BYTES);
    const sha256 = sha256Hex(bytes);
    const details = {
        url: api.baseLabel,
        fileBytes: bytes.length,
        sha256,
        uploadStatus: null,
        attachmentId: null,
        downloadStatus: null,
        downloadMatches: null,
        objectKey: null,
        inBucket: null,
        bucketMatches: null,
    };
    const uploaded = await probe.timed('API upload', settings.uploadPath, () => api.upload(settings.uploadPath, { field: settings.uploadField, bytes, fileName: `smoke-${context.runId}.bin`, contentType: 'application/octet-stream' }), { bytes: bytes.length, describe: (answer) => ({ result: `HTTP ${answer.status}`, ok: answer.status >= 200 && answer.status < 300 }) });
    if (!uploaded.ok) {
        probe.failure('Chat API upload', settings.uploadPath, uploaded.error);
        return details;
    }
    details.uploadStatus = uploaded.value.status;
    if (uploaded.value.status < 200 || uploaded.value.status >= 300) {
        const advice = describeChatApiStatus('upload', uploaded.value.status, uploaded.value.where);
        probe.add({ level: 'fail', message: advice.message, evidence: excerpt(uploaded.value.body), remediation: advice.remediation });
        return details;
    }
    const id = attachmentIdOf(uploaded.value.body, settings.idField);
    if (!id.ok) {
        probe.add({ level: 'fail', message: `Chat API upload answered ${uploaded.value.status} without a usable id: ${id.reason}`, evidence: excerpt(uploaded.value.body), remediation: 'Check chat-api-id-field (the field of the JSON answer that holds the attachment id).' });
        return details;
    }
    details.attachmentId = id.value;
    probe.add({ level: 'info', message: `Chat API upload ${uploaded.value.where}: HTTP ${uploaded.value.status}, attachment id ${id.value}.` });
    const downloadPath = expandTemplate(settings.downloadPath, { attachment_id: id.value }, encodeURIComponent);
    const downloaded = await probe.timed('API download', downloadPath, () => api.download(downloadPath, bytes.length * 2 + 64 * 1024), {
        bytes: bytes.length,
        describe: (answer) => answer.status < 200 || answer.status >= 300
            ? { result: `HTTP ${answer.status}`, ok: false }
            : sha256Hex(answer.body) === sha256
                ? { result: `HTTP ${answer.status}`, ok: true }
                : { result: `HTTP ${answer.status}, other bytes`, ok: false },
    });
    if (!downloaded.ok) {
        probe.failure('Chat API download', downloadPath, downloaded.error);
    }
    else {
        details.downloadStatus = downloaded.value.status;
        if (downloaded.value.status < 200 || downloaded.value.status >= 300) {
            const advice = describeChatApiStatus('download', downloaded.value.status, downloaded.value.where);
            probe.add({ level: 'fail', message: advice.message, evidence: excerpt(downloaded.value.body), remediation: advice.remediation });
        }
        else {
            const got = sha256Hex(downloaded.value.body);
            details.downloadMatches = got === sha256;
            if (got !== sha256) {
                probe.add({
                    level: 'fail',
                    message: `Chat API download of ${id.value} answered other bytes than were uploaded: ${downloaded.value.body.length} bytes with SHA-256 ${got}, uploaded ${bytes.length} bytes with ${sha256}.`,
                    remediation: 'The service corrupts or substitutes attachments: check its storage backend and any transformation on download.',
                });
            }
            else {
                probe.add({ level: 'info', message: `Chat API download ${downloaded.value.where}: the ${bytes.length} bytes uploaded (SHA-256 equal).` });
            }
        }
    }
    await confirmInBucket(context, id.value, bytes, details);
    return details;
}
/** The proof that the service uses S3 and did not fall back: the object is in the bucket, byte for byte. */
async function confirmInBucket(context, id, bytes, details) {
    const { probe, s3, settings } = context;
    const key = expandTemplate(settings.objectKeyTemplate, { prefix: context.prefix, env: context.appEnv, attachment_id: id });
    details.objectKey = key;
    if (!key.startsWith(context.envPrefix)) {
        probe.add({ level: 'error', message: `chat-api-object-key expands to ${key}, outside ${context.envPrefix}.`, remediation: 'Fix chat-api-object-key.' });
        return;
    }
    const head = await probe.timed('HeadObject API upload', key, () => s3.headObject(key), {
        describe: (value) => (value === 'not-found' ? { result: '404', ok: false } : { result: 'ok', ok: true }),
    });
    if (!head.ok) {
        probe.failure('HEAD of the uploaded attachment', key, head.error);
        return;
    }
    details.inBucket = head.value !== 'not-found';
    if (head.value === 'not-found') {
        probe.add({
            level: 'fail',
            message: `The attachment uploaded through the API is not in bucket ${context.bucket} at ${key}: the service did not store it in S3 (a fallback to local storage?).`,
            evidence: `HeadObject ${key}: 404`,
            remediation: 'Run the service with CHAT_ATTACHMENT_STORAGE_BACKEND=s3 and this bucket and prefix; if it stores elsewhere under the prefix, set chat-api-object-key.',
        });
        return;
    }
    const stored = await probe.timed('GetObject API upload', key, () => s3.getObject(key), {
        bytes: bytes.length,
        describe: (value) => (sha256Hex(value.body) === sha256Hex(bytes) ? { result: 'ok', ok: true } : { result: 'other bytes', ok: false }),
    });
    if (!stored.ok) {
        probe.failure('GET of the uploaded attachment', key, stored.error);
        return;
    }
    details.bucketMatches = sha256Hex(stored.value.body) === sha256Hex(bytes);
    if (!details.bucketMatches) {
        probe.add({ level: 'fail', message: `The object at ${key} holds other bytes than were uploaded through the API (${stored.value.body.length} bytes, uploaded ${bytes.length}).`, remediation: 'Check chat-api-object-key and how the service writes attachments.' });
        return;
    }
    probe.add({ level: 'info', message: `The API upload is in the bucket at ${key}, byte for byte.` });
    // The service's own object must get the expiry the bucket's rules give it, like the smoke objects.
    reportExpiration(probe, [judgeExpiration({ label: key, object: { key, size: bytes.length }, header: head.value.expiration, lastModified: head.value.lastModified, rules: context.rules, applyHint: context.applyHint })]);
}
function attachmentIdOf(body, field) {
    let json;
    try {
        json = JSON.parse(new TextDecoder().decode(body));
    }
    catch {
        return { ok: false, reason: 'the answer is not JSON' };
    }
    const id = readIdField(json, field);
    if (id === undefined) {
        const fields = typeof json === 'object' && json !== null && !Array.isArray(json) ? Object.keys(json).slice(0, 10).join(', ') : typeof json;
        return { ok: false, reason: `no string or integer field '${field}' (fields: ${fields || 'none'})` };
    }
    if (!isSafeId(id))
        return { ok: false, reason: `field '${field}' holds '${id.slice(0, 80)}', not an id of letters, digits, '.', '_' or '-'` };
    return { ok: true, value: id };
}
function excerpt(body) {
    const text = new TextDecoder().decode(body.subarray(0, EVIDENCE_CHARS * 4)).replace(/\s+/g, ' ').trim();
    return text.length > EVIDENCE_CHARS ? `${text.slice(0, EVIDENCE_CHARS)}...` : text || '(empty body)';
}

;// CONCATENATED MODULE: ./src/gates/smoke-cleanup.ts

/**
 * Cleanup is a phase of its own: it runs in the gate's `finally`, after any failure, timeout,
 * "unreachable" verdict or cancellation of the storage level, on a gateway view made for it
 * (`s3.scoped({ cleanup: true })`: its own time budget, not skipped after an unreachable verdict,
 * not aborted by the cancellation). It aborts the run's multipart uploads (those it knows and
 * those the server lists), deletes what the run left under its own prefix (versions and delete
 * markers too on a versioned bucket), then lists the prefix once more: anything left, keys and
 * upload ids, is a FAIL finding. Every delete is scoped to `runPrefix`. Never throws.
 */
async function cleanUpRun(s3, probe, runPrefix, state) {
    if (!state.wroteAny)
        return;
    if (!state.storedAny && state.openUploads.size === 0 && !state.multipartUncertain) {
        probe.add({ level: 'info', message: `Cleanup: nothing to do, S3 refused every write under ${runPrefix}.` });
        return;
    }
    const manual = `Delete everything under ${runPrefix} by hand and abort its multipart uploads (it holds only this run's test objects); the next run removes it too once it is older than smoke-stale-after.`;
    // Versions exist only where an object may have been stored; an unknown state counts as versioned.
    const versioned = state.versioning !== 'Unversioned' && state.storedAny;
    // Round 1, in parallel: the uploads the server knows (a request cut off in flight may have
    // started one this run has no id for), and what is left, unless the main flow removed it all.
    const [uploads, objects, versions] = await Promise.all([
        probe.timed('ListMultipartUploads cleanup', runPrefix, () => s3.listMultipartUploads(runPrefix)),
        state.deletedAll ? undefined : probe.timed('ListObjectsV2 cleanup', runPrefix, () => s3.listObjects(runPrefix)),
        versioned && !state.versionsCleared ? probe.timed('ListObjectVersions cleanup', runPrefix, () => s3.listObjectVersions(runPrefix)) : undefined,
    ]);
    if (!uploads.ok)
        probe.failure('Cleanup: listing the multipart uploads under', runPrefix, uploads.error);
    if (objects && !objects.ok)
        probe.failure('Cleanup: listing', runPrefix, objects.error);
    if (versions && !versions.ok)
        probe.failure('Cleanup: listing the versions under', runPrefix, versions.error);
    // Round 2, in parallel: abort every open upload; delete every version (no delete markers are
    // made that way) or, where versions are not listed, every object.
    const open = new Map([...state.openUploads].map(([key, uploadId]) => [uploadId, key]));
    for (const upload of uploads.ok ? uploads.value : [])
        open.set(upload.uploadId, upload.key);
    const targets = versions?.ok === true
        ? versions.value.map((version) => ({ key: version.key, versionId: version.versionId }))
        : objects?.ok === true
            ? objects.value.map((object) => ({ key: object.key }))
            : [];
    await Promise.all([
        ...[...open].map(async ([uploadId, key]) => {
            const aborted = await probe.timed('AbortMultipartUpload cleanup', key, () => s3.abortMultipartUpload(key, uploadId, runPrefix));
            // NoSuchUpload: completed or aborted already (e.g. a Complete whose answer was cut off).
            const gone = !aborted.ok && aborted.error instanceof clients_s3/* S3Failure */.be && aborted.error.kind === 'not-found';
            if (aborted.ok || gone)
                state.openUploads.delete(key);
            else
                probe.failure(`Cleanup: aborting the multipart upload ${uploadId} of`, key, aborted.error);
        }),
        targets.length > 0 ? deleteScoped(s3, probe, versions?.ok === true ? 'DeleteObjects cleanup versions' : 'DeleteObjects cleanup', runPrefix, targets) : undefined,
    ]);
    await finalCheck(s3, probe, runPrefix, state, versioned, manual);
}
/** The final word: one more listing of objects, uploads (and versions); whatever is left is named. */
async function finalCheck(s3, probe, runPrefix, state, versioned, manual) {
    const left = (entries) => (entries.length === 0 ? { result: 'empty', ok: true } : { result: `${entries.length} left`, ok: false });
    const [objects, uploads, versions] = await Promise.all([
        probe.timed('ListObjectsV2 final check', runPrefix, () => s3.listObjects(runPrefix), { describe: left }),
        probe.timed('ListMultipartUploads final check', runPrefix, () => s3.listMultipartUploads(runPrefix), { describe: left }),
        versioned ? probe.timed('ListObjectVersions final check', runPrefix, () => s3.listObjectVersions(runPrefix), { describe: left }) : undefined,
    ]);
    if (versions && !versions.ok) {
        probe.add({
            level: 'unverifiable',
            message: `Cleanup: cannot confirm that no version is left under ${runPrefix}: ${versions.error instanceof Error ? versions.error.message : String(versions.error)}`,
            remediation: `Grant s3:ListBucketVersions, or ${manual}`,
        });
    }
    if (!objects.ok || !uploads.ok) {
        const failed = !objects.ok ? objects : uploads;
        const known = [...state.openUploads].map(([key, uploadId]) => `upload ${uploadId} of ${probe.keyLabel(key)}`);
        probe.add({
            level: 'fail',
            message: `Cleanup could not confirm that nothing is left under ${runPrefix}: ${!failed.ok && failed.error instanceof Error ? failed.error.message : 'the final listing failed'}${known.length > 0 ? ` Known to be open: ${known.join(', ')}.` : ''}`,
            remediation: manual,
        });
        return;
    }
    const versionsLeft = versions?.ok === true ? versions.value : [];
    if (objects.value.length > 0 || uploads.value.length > 0 || versionsLeft.length > 0) {
        probe.add({
            level: 'fail',
            message: `Cleanup left ${leftovers(probe, objects.value.map((entry) => entry.key), uploads.value, versionsLeft)} under ${runPrefix}.`,
            remediation: manual,
        });
        return;
    }
    probe.add({ level: 'info', message: `Cleanup: nothing of this run is left under ${runPrefix}.` });
}
function leftovers(probe, keys, uploads, versions) {
    return [
        keys.length > 0 ? `${keys.length} object(s): ${keys.map((key) => probe.keyLabel(key)).join(', ')}` : '',
        uploads.length > 0 ? `${uploads.length} unfinished multipart upload(s): ${uploads.map((upload) => `${probe.keyLabel(upload.key)} (upload id ${upload.uploadId})`).join(', ')}` : '',
        versions.length > 0 ? `${versions.length} version(s)/delete marker(s): ${versions.map((version) => `${probe.keyLabel(version.key)} ${version.versionId}`).join(', ')}` : '',
    ]
        .filter(Boolean)
        .join('; ');
}
async function deleteScoped(s3, probe, operation, runPrefix, targets) {
    const deleted = await probe.timed(operation, runPrefix, () => s3.deleteObjects(targets, runPrefix), {
        describe: (answer) => (answer.errors.length > 0 ? { result: `${answer.errors.length} error(s)`, ok: false } : { result: 'ok', ok: true }),
    });
    if (!deleted.ok)
        probe.failure('Cleanup: deleting under', runPrefix, deleted.error);
    else if (deleted.value.errors.length > 0) {
        probe.add({ level: 'fail', message: `Cleanup: could not delete ${deleted.value.errors.map((error) => `${probe.keyLabel(error.key)} (${error.code})`).join(', ')}.`, remediation: `Grant s3:DeleteObject on ${runPrefix}*, or delete it by hand.` });
    }
}

;// CONCATENATED MODULE: ./src/gates/smoke-debris.ts



/**
 * Earlier runs' debris (a killed or cut-off run's objects, versions, delete markers and
 * unfinished multipart uploads): lists `<prefix>/<env>/_smoke/`, removes every run whose run id
 * and newest write are both older than smoke-stale-after (plan mode only reports them, as WARN),
 * and lists the runs it keeps. Keys without the run-id shape, and everything outside `_smoke/`,
 * are never touched; each delete is scoped to one stale run's prefix. Never throws; undefined
 * when `_smoke/` could not be listed (a WARN says why).
 */
async function sweepDebris(context) {
    const { s3, probe } = context;
    const folder = smokeFolder(context.envPrefix);
    const versioned = context.versioning !== 'Unversioned';
    const [objects, uploads, versions] = await Promise.all([
        probe.timed('ListObjectsV2 debris', folder, () => s3.listObjects(folder)),
        probe.timed('ListMultipartUploads debris', folder, () => s3.listMultipartUploads(folder)),
        versioned ? probe.timed('ListObjectVersions debris', folder, () => s3.listObjectVersions(folder)) : undefined,
    ]);
    const failed = [objects, uploads, versions].find((listed) => listed !== undefined && !listed.ok);
    if (failed !== undefined && !failed.ok) {
        probe.add({
            level: 'warn',
            message: `Debris of earlier runs under ${folder} was not checked: ${failed.error instanceof Error ? failed.error.message : String(failed.error)}`,
            remediation: 'Grant s3:ListBucket and s3:ListBucketMultipartUploads (and s3:ListBucketVersions on a versioned bucket) on the bucket; the next run checks again.',
        });
        return undefined;
    }
    const runs = findDebris({
        envPrefix: context.envPrefix,
        ownRunId: context.runId,
        listing: {
            objects: objects.ok ? objects.value : [],
            versions: versions?.ok === true ? versions.value : undefined,
            uploads: uploads.ok ? uploads.value : [],
        },
        runnerNow: context.runnerNow,
        serverNow: s3.serverTime(),
        staleAfterMs: context.staleAfterMs,
    });
    const kept = runs.filter((run) => !run.stale);
    const stale = runs.filter((run) => run.stale);
    if (kept.length > 0) {
        probe.add({
            level: 'info',
            message: `Kept ${kept.length} other run(s) under ${folder} that are not stale (maybe still running): ${kept.map((run) => `${run.runId} (${smoke_debris_describe(run)}; ${run.why})`).join('; ')}.`,
        });
    }
    if (stale.length === 0)
        return { removed: [], planned: [], kept: kept.map((run) => entry(run)) };
    if (context.mode === 'plan') {
        probe.add({
            level: 'warn',
            message: `Debris of ${stale.length} earlier run(s) under ${folder}, which mode: apply would remove (plan deletes only this run's own objects): ${stale.map((run) => `${run.runId} (${smoke_debris_describe(run)}; ${run.why})`).join('; ')}.`,
            remediation: 'Run the smoke gate with mode: apply, or delete these run prefixes and abort their uploads by hand.',
        });
        return { removed: [], planned: stale.map((run) => entry(run)), kept: kept.map((run) => entry(run)) };
    }
    const removed = [];
    for (const run of stale)
        removed.push(entry(run, await removeRun(s3, probe, run, versions?.ok === true)));
    const complete = removed.filter((run) => run.complete);
    if (complete.length > 0) {
        probe.add({
            level: 'info',
            message: `Removed debris of ${complete.length} earlier run(s) older than smoke-stale-after ${formatAge(context.staleAfterMs)}: ${stale.filter((run) => complete.some((done) => done.runId === run.runId)).map((run) => `${run.runId} (${smoke_debris_describe(run)})`).join('; ')}.`,
        });
    }
    return { removed, planned: [], kept: kept.map((run) => entry(run)) };
}
/** Aborts the run's uploads and deletes its versions (or objects); true when all of it went. */
async function removeRun(s3, probe, run, byVersion) {
    const targets = byVersion ? run.versions.map((version) => ({ key: version.key, versionId: version.versionId })) : run.objects.map((key) => ({ key }));
    const problems = [];
    await Promise.all([
        ...run.uploads.map(async (upload) => {
            const aborted = await probe.timed('AbortMultipartUpload debris', upload.key, () => s3.abortMultipartUpload(upload.key, upload.uploadId, run.runPrefix));
            const gone = !aborted.ok && aborted.error instanceof clients_s3/* S3Failure */.be && aborted.error.kind === 'not-found';
            if (!aborted.ok && !gone)
                problems.push(`aborting upload ${upload.uploadId} of ${upload.key}: ${smoke_debris_message(aborted.error)}`);
        }),
        (async () => {
            if (targets.length === 0)
                return;
            const deleted = await probe.timed('DeleteObjects debris', run.runPrefix, () => s3.deleteObjects(targets, run.runPrefix), {
                describe: (answer) => (answer.errors.length > 0 ? { result: `${answer.errors.length} error(s)`, ok: false } : { result: 'ok', ok: true }),
            });
            if (!deleted.ok)
                problems.push(`deleting: ${smoke_debris_message(deleted.error)}`);
            else if (deleted.value.errors.length > 0)
                problems.push(`could not delete ${deleted.value.errors.map((error) => `${error.key} (${error.code})`).join(', ')}`);
        })(),
    ]);
    if (problems.length > 0) {
        probe.add({
            level: 'warn',
            message: `Debris of the earlier run ${run.runId} (${smoke_debris_describe(run)}) was not all removed: ${problems.join('; ')}.`,
            remediation: `Grant s3:DeleteObject, s3:AbortMultipartUpload (and s3:DeleteObjectVersion on a versioned bucket) on ${run.runPrefix}*, or remove it by hand; the next run tries again.`,
        });
    }
    return problems.length === 0;
}
function smoke_debris_describe(run) {
    return [
        `${run.objects.length} object(s)`,
        ...(run.versions.length > 0 ? [`${run.versions.length} version(s)/delete marker(s)`] : []),
        `${run.uploads.length} unfinished multipart upload(s)${run.uploads.length > 0 ? `: upload id ${run.uploads.map((upload) => upload.uploadId).join(', ')}` : ''}`,
    ].join(', ');
}
function entry(run, complete) {
    return {
        runId: run.runId,
        runPrefix: run.runPrefix,
        objects: run.objects.length,
        versions: run.versions.length,
        uploads: run.uploads,
        newestWrite: run.newestWrite?.toISOString() ?? null,
        why: run.why,
        ...(complete !== undefined ? { complete } : {}),
    };
}
function smoke_debris_message(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/gates/smoke-probe.ts


/** The IAM action behind each S3 operation, for "grant this" remediations. */
const PERMISSIONS = {
    PutObject: 's3:PutObject',
    CreateMultipartUpload: 's3:PutObject',
    UploadPart: 's3:PutObject',
    CompleteMultipartUpload: 's3:PutObject',
    AbortMultipartUpload: 's3:AbortMultipartUpload',
    ListMultipartUploads: 's3:ListBucketMultipartUploads',
    HeadObject: 's3:GetObject',
    GetObject: 's3:GetObject',
    ListObjectsV2: 's3:ListBucket',
    ListObjectVersions: 's3:ListBucketVersions',
    DeleteObjects: 's3:DeleteObject (and s3:DeleteObjectVersion on a versioned bucket)',
    DeleteObject: 's3:DeleteObject (and s3:DeleteObjectVersion on a versioned bucket)',
    GetBucketVersioning: 's3:GetBucketVersioning',
};
/** Times every request of a smoke run and turns failures into findings. */
class SmokeProbe {
    runPrefix;
    bucket;
    records = [];
    findings = [];
    first;
    last;
    constructor(
    /** Keys under it are shown relative to it. */
    runPrefix, bucket) {
        this.runPrefix = runPrefix;
        this.bucket = bucket;
    }
    keyLabel(key) {
        return key.startsWith(this.runPrefix) && key.length > this.runPrefix.length ? key.slice(this.runPrefix.length) : key;
    }
    async timed(operation, key, run, options = {}) {
        const started = performance.now();
        this.first ??= started;
        const finish = (result, ok) => {
            const ended = performance.now();
            this.last = Math.max(this.last ?? ended, ended);
            this.records.push({
                operation,
                key: this.keyLabel(key),
                result,
                ok,
                atMs: Math.round(started - (this.first ?? started)),
                ms: Math.round(ended - started),
                ...(options.bytes !== undefined ? { bytes: options.bytes } : {}),
            });
        };
        try {
            const value = await run();
            const described = options.describe?.(value) ?? { result: 'ok', ok: true };
            finish(described.result, described.ok);
            return { ok: true, value };
        }
        catch (error) {
            finish(resultLabel(error), false);
            return { ok: false, error };
        }
    }
    wallMs() {
        return this.first === undefined || this.last === undefined ? 0 : Math.round(this.last - this.first);
    }
    add(finding) {
        this.findings.push(finding);
    }
    /** A finding for a request that threw: FAIL when S3 or the API answered no, ERROR when no answer came. */
    failure(step, key, error) {
        const finding = failureFinding(`${step} ${this.keyLabel(key)}`.trim(), key, error, this.bucket);
        this.findings.push(finding);
        return finding;
    }
    failed() {
        return this.findings.some((finding) => finding.level === 'fail' || finding.level === 'error' || finding.level === 'unverifiable');
    }
}
function resultLabel(error) {
    if (error instanceof clients_s3/* S3Failure */.be)
        return error.code ?? error.kind;
    if (error instanceof ChatApiFailure)
        return error.kind;
    return 'error';
}
/** `what` names the step and its key, e.g. `PUT payload.bin`; `key` is the full key (for the ARN). */
function failureFinding(what, key, error, bucket) {
    if (error instanceof clients_s3/* S3Failure */.be) {
        const permission = PERMISSIONS[error.operation];
        if (error.kind === 'access-denied') {
            return {
                level: 'fail',
                message: `${what}: ${error.message}`,
                evidence: `S3 ${error.operation}: ${error.code ?? 'AccessDenied'} (HTTP ${error.httpStatus ?? 403})`,
                remediation: `Grant the credentials ${permission ?? `the permission for ${error.operation}`} on arn:aws:s3:::${bucket}/${key}: the chat service needs it for attachments.`,
            };
        }
        if (error.kind === 'rejected' || error.kind === 'not-found' || error.kind === 'wrong-region') {
            return { level: 'fail', message: `${what}: ${error.message}`, evidence: `S3 ${error.operation}: ${error.code ?? error.kind}` };
        }
        return { level: 'error', message: `${what}: ${error.message}`, evidence: `S3 ${error.operation}: ${error.code ?? error.kind}` };
    }
    if (error instanceof ChatApiFailure) {
        // Its message already names the operation, the URL and the input to check.
        return { level: 'error', message: error.message };
    }
    const message = error instanceof Error ? error.message : `non-Error thrown: ${String(error)}`;
    return { level: 'error', message: `${what} failed: ${message}` };
}

;// CONCATENATED MODULE: ./src/gates/smoke.ts














/**
 * Proves the attachment path on real objects under `<prefix>/<env>/_smoke/<run-id>/` (written in
 * every mode: a test, not configuration), that the managed lifecycle rule covers them, and, with
 * chat-api-url, that the service stores uploads in S3. The storage level has a time budget;
 * cleanup, in a finally, has its own and runs even after a cancellation. Then earlier runs'
 * debris is swept (reported only, in plan mode).
 */
async function runSmoke(context, options) {
    const { config, s3, log, cancellation } = context;
    const timeoutMs = config.s3.timeoutMs;
    const started = context.now();
    // node:crypto loads here, when the gate runs, not at every start-up.
    const { randomBytes } = process.getBuiltinModule('node:crypto');
    const random = options.random ?? ((size) => new Uint8Array(randomBytes(size)));
    const runId = options.runId?.(started) ?? smokeRunId(started, randomBytes(4));
    const runPrefix = smokeRunPrefix(config.envPrefix, runId);
    const managedRuleId = managedRuleIds(config.prefix, config.appEnv).expiration;
    const probe = new SmokeProbe(runPrefix, config.s3.bucket);
    const objects = planSmokeObjects({ runPrefix, runId, createdAt: started, multipartThresholdBytes: config.smoke.multipartThresholdBytes, random });
    const state = initialStorageState();
    const applyHint = `Run the lifecycle gate with mode: apply so ${managedRuleId} expires ${config.envPrefix} after ${config.expireDays} days.`;
    log.info(`Smoke run ${runId}: test objects under ${runPrefix}`);
    try {
        const storage = s3.scoped({ signal: (0,util_cancellation/* budgetSignal */.CK)(storageBudgetMs(timeoutMs), 'the smoke storage level') });
        await runStorageLevel({ s3: storage, probe, runPrefix, envPrefix: config.envPrefix, objects, applyHint }, state);
    }
    finally {
        // Not skipped after an unreachable verdict, not aborted by the cancellation: bounded by its own budget.
        const cleanup = s3.scoped({ signal: cancellation.cleanupSignal(cleanupBudgetMs(timeoutMs), 'the smoke cleanup'), cleanup: true });
        await cleanUpRun(cleanup, probe, runPrefix, state);
    }
    let api;
    let debris;
    if (cancellation.signal.aborted) {
        probe.add({ level: 'info', message: `The run was cancelled: the API level and the sweep of earlier runs' debris did not run.` });
    }
    else if (config.smoke.api === undefined) {
        probe.add({ level: 'info', message: 'API level skipped: chat-api-url is not set (only the storage level ran).' });
    }
    else if (context.chatApi === undefined) {
        probe.add({ level: 'error', message: 'chat-api-url is set but no chat API client was provided to the gate.' });
    }
    else {
        api = await runApiLevel({
            api: context.chatApi,
            settings: config.smoke.api,
            s3,
            bucket: config.s3.bucket,
            probe,
            runId,
            prefix: config.prefix,
            appEnv: config.appEnv,
            envPrefix: config.envPrefix,
            rules: state.rules,
            applyHint,
            random,
        });
        if (api.objectKey !== null && api.inBucket === true) {
            probe.add({ level: 'info', message: `The attachment uploaded through the chat API (${api.objectKey}) is not deleted: it lies outside the run prefix, and the managed lifecycle rule expires it after ${config.expireDays} days.` });
        }
    }
    if (!cancellation.signal.aborted && !state.wroteAny) {
        probe.add({ level: 'info', message: "Earlier runs' debris was not checked: the run stopped before it wrote anything." });
    }
    else if (!cancellation.signal.aborted) {
        debris = await sweepDebris({
            s3: s3.scoped({ signal: (0,util_cancellation/* budgetSignal */.CK)(debrisBudgetMs(timeoutMs), "the sweep of earlier runs' debris") }),
            probe,
            envPrefix: config.envPrefix,
            runId,
            versioning: state.versioning,
            staleAfterMs: config.smoke.staleAfterMs,
            mode: config.mode,
            runnerNow: context.now(),
        });
    }
    const records = inStartOrder(probe.records);
    const totals = latencyTotals(records, probe.wallMs());
    log.info(`Smoke latency: ${latencyLine(totals)}`);
    const multipart = objects.filter((object) => object.upload === 'multipart');
    const facts = [
        { label: 'Run id', value: runId },
        { label: 'Run prefix', value: runPrefix },
        { label: 'Writes', value: "test objects under the run prefix in every mode, deleted before the gate ends; in mode apply, stale earlier runs' debris under _smoke/ is removed" },
        { label: 'Versioning', value: state.versioning },
        { label: 'Managed rule', value: `${managedRuleId} (expire-days ${config.expireDays})` },
        { label: 'Retention (verify judges it)', value: quoteRetention(state.rules, config, managedRuleId, started) },
        { label: 'Multipart threshold', value: `${config.smoke.multipartThresholdBytes / MIB} MiB` },
        { label: 'Objects', value: objects.map((object) => `${object.name} ${object.body.length} B ${object.upload === 'multipart' ? `multipart, ${object.parts.length} parts` : 'single PUT'}`).join('; ') },
        { label: 'Chat API', value: api ? api.url : 'not checked (chat-api-url unset)' },
        { label: 'Earlier runs', value: debrisFact(debris, config.smoke.staleAfterMs) },
        { label: 'Latency', value: latencyLine(totals) },
    ];
    const details = {
        runId,
        runPrefix,
        versioning: state.versioning,
        managedRuleId,
        expireDays: config.expireDays,
        multipartThresholdBytes: config.smoke.multipartThresholdBytes,
        objects: objects.map((object) => ({ name: object.name, key: object.key, bytes: object.body.length, upload: object.upload, parts: object.parts.length, sha256: object.sha256 })),
        api: api ?? null,
        debris: debris ?? null,
        operations: records,
        totals,
    };
    const deciding = (0,outcome/* decidingFinding */.vc)(probe.findings);
    const summary = deciding === undefined
        ? `Attachment path works: ${objects.length} objects (${multipart.length} multipart) written, read back, listed and deleted under ${runPrefix}; the server expires them ${state.expiry ?? ''} as the bucket's rules give${api ? `; the chat API stores uploads in the bucket` : ''}.`
        : `${deciding.message}${probe.findings.filter((finding) => finding.level !== 'info').length > 1 ? ' (and more findings)' : ''}`;
    return { ...(0,outcome/* outcome */.bu)(summary, probe.findings, facts, latencySections(records, totals)), details };
}
/** Smoke does not judge the retention (verify does, from the same rules); its report quotes it. */
function quoteRetention(rules, config, managedId, now) {
    if (rules === undefined)
        return 'unknown (the lifecycle configuration could not be read)';
    const [coverage] = evaluateCoverage({ rules, versioning: 'Unversioned', requiredPrefixes: [config.envPrefix], expectExpireDays: config.expectExpireDays, managedId, envPrefix: config.envPrefix, now });
    if (coverage?.effectiveDays === undefined)
        return `none: no enabled rule expires ${config.envPrefix}`;
    return `${coverage.effectiveDays} days under ${config.envPrefix} (rule ${coverage.decidingRule ?? ''})`;
}
function debrisFact(debris, staleAfterMs) {
    if (debris === undefined)
        return 'not checked';
    const parts = [
        debris.removed.length > 0 ? `removed ${debris.removed.length} stale run(s)` : '',
        debris.planned.length > 0 ? `${debris.planned.length} stale run(s) left for mode: apply` : '',
        debris.kept.length > 0 ? `kept ${debris.kept.length} not stale` : '',
    ].filter(Boolean);
    return `${parts.join('; ') || 'no debris'} (smoke-stale-after ${formatAge(staleAfterMs)})`;
}
function createSmokeGate(options = {}) {
    return {
        id: 'smoke',
        title: 'Chat attachment S3 smoke',
        report: 'chat-attachment-s3-smoke-latest.md',
        // It changes nothing lasting, but it writes test objects, so the report states the run's mode.
        mode: (config) => config.mode,
        run: (context) => runSmoke(context, options),
    };
}
const smokeGate = createSmokeGate();

;// CONCATENATED MODULE: ./src/gates/verify.ts





/** Judges from the rules alone that every required prefix expires, and after how long. */
async function runVerify({ config, s3, now }) {
    // Asks the server again: verify confirms what is in force now, not lifecycle's read-back, so a
    // rule removed after apply (another owner of the configuration) fails it and the rollout retries.
    const state = await readBucketState(s3, { fresh: true });
    if (state === 'missing') {
        return (0,outcome/* outcome */.bu)(`Bucket ${config.s3.bucket} does not exist.`, [
            { level: 'fail', message: `Bucket ${config.s3.bucket} does not exist, so nothing under it expires.`, remediation: "Run the 'bucket' and 'lifecycle' gates with mode: apply." },
        ]);
    }
    const [rules, versioning] = state;
    const coverage = evaluateCoverage({
        rules,
        versioning,
        requiredPrefixes: config.requiredPrefixes,
        expectExpireDays: config.expectExpireDays,
        managedId: managedRuleIds(config.prefix, config.appEnv).expiration,
        envPrefix: config.envPrefix,
        now: now(),
    });
    const findings = [...coverage.flatMap((prefix) => prefix.findings), abortUploadsFinding(rules, config.envPrefix)];
    const failing = coverage.filter((prefix) => prefix.findings.some((finding) => finding.level === 'fail'));
    const summary = failing.length > 0
        ? `${failing.length} of ${coverage.length} required prefix(es) fail: ${failing.map((prefix) => prefix.prefix).join(', ')}.`
        : `Every required prefix expires: ${coverage.map((prefix) => `${prefix.prefix} after ${prefix.effectiveDays} days`).join('; ')}.`;
    return (0,outcome/* outcome */.bu)(summary, findings, [
        { label: 'Required prefixes', value: config.requiredPrefixes.join(', ') },
        { label: 'Expected retention', value: describeExpected(coverage[0]?.expected) },
        { label: 'Versioning', value: versioning },
        { label: 'Rules read', value: String(rules.length) },
    ], [
        {
            kind: 'table',
            title: 'Coverage',
            headers: ['Key', 'Expiring rules', 'Effective retention', 'Deciding rule'],
            rows: coverage.flatMap((prefix) => prefix.keys.map((key) => [
                key.key,
                key.expiringRules.join(', ') || 'none',
                prefix.effectiveDays === undefined ? 'never' : `${prefix.effectiveDays} days`,
                prefix.decidingRule ?? '',
            ])),
        },
    ]);
}
function describeExpected(expected) {
    return expected === undefined ? 'any positive (expect-expire-days unset, managed rule not in the bucket)' : `${expected.days} days (${expected.source})`;
}
const verifyGate = {
    id: 'verify',
    title: 'Chat attachment lifecycle verification',
    report: 'chat-attachment-lifecycle-verify-latest.md',
    run: runVerify,
};

;// CONCATENATED MODULE: ./src/gates/registry.ts









const GATES = {
    bucket: bucketGate,
    lifecycle: lifecycleGate,
    verify: verifyGate,
    'branch-protection': branchProtectionGate,
    smoke: smokeGate,
    'hot-path': hotPathGate,
    growth: growthGate,
    alerts: alertsGate,
};

;// CONCATENATED MODULE: ./src/gates/sequence.ts





/** The title of this action's annotations; a gate's add `: <gate id>`. */
const ANNOTATION_TITLE = 'surreal-release-gates';
/**
 * Runs the selected gates in order, then go/no-go. A gate that throws becomes ERROR (or
 * UNVERIFIABLE when S3 denied the permission); nothing escapes. With fail-fast, gates after the
 * first non-passing one are NOT RUN. With a retry rule (the rollout preset: verify), a failing
 * gate gets exactly one more chance: its `rerun` gates run again, then the gate itself.
 */
async function runSequence(sequence) {
    const context = { ...sequence, cancellation: sequence.cancellation ?? new util_cancellation/* Cancellation */.mT() };
    const results = [];
    let retried = false;
    for (const id of context.config.gates) {
        const gate = GATES[id];
        // Once cancelled, no gate starts (go/no-go still decides, below).
        if (context.cancellation.signal.aborted) {
            results.push(resultOf(gate, context, notStartedOutcome(context.cancellation), context.now(), 0));
            continue;
        }
        const blocker = context.config.failFast ? results.find((result) => !verdict/* PASSING_STATUSES */.bc.includes(result.status)) : undefined;
        if (blocker) {
            results.push(notRun(gate, context, blocker));
            continue;
        }
        let result = await runGate(gate, { ...context, previous: [...results] });
        const rule = context.config.retry;
        if (rule !== undefined && rule.gate === id && !retried && !verdict/* PASSING_STATUSES */.bc.includes(result.status) && !context.cancellation.signal.aborted) {
            retried = true;
            result = await retryOnce(result, rule, results, context);
        }
        results.push(result);
    }
    results.push(await runGate(goNoGoGate, { ...context, previous: [...results] }));
    return results;
}
/**
 * The runbook's retry: "if lifecycle verify fails, re-apply lifecycle policy and rerun verify".
 * Re-runs each `rerun` gate that already ran (replacing its result in `results`), then the failed
 * gate; both results say so. Returns the failed gate's final result.
 */
async function retryOnce(failed, rule, results, context) {
    const gate = GATES[rule.gate];
    const note = `${failed.id} was ${failed.status} (${failed.summary}); the runbook's one retry re-ran ${rule.rerun.join(', ')} and then ${failed.id}.`;
    context.log.warning(`Retry: ${note}`);
    for (const id of rule.rerun) {
        const index = results.findIndex((result) => result.id === id);
        if (index < 0)
            continue;
        const earlier = results[index];
        const again = await runGate(GATES[id], { ...context, previous: results.slice(0, index) });
        results[index] = annotate(again, `Re-run once because ${failed.id} did not pass (runbook retry); the first run was ${earlier?.status}: ${earlier?.summary}`, earlier);
        if (!verdict/* PASSING_STATUSES */.bc.includes(again.status)) {
            return annotate(failed, `Retry: ${id} was re-run and is ${again.status}, so ${failed.id} was not re-run.`);
        }
    }
    const second = await runGate(gate, { ...context, previous: [...results] });
    return annotate(second, `Attempt 2 of 2 (runbook retry). Attempt 1 was ${failed.status}: ${failed.summary}`, failed);
}
/** Adds a note (a `Retry` fact, near the top of the report) to a result; with `earlier`, timing covers both runs. */
function annotate(result, note, earlier) {
    return {
        ...result,
        facts: [{ label: 'Retry', value: note }, ...result.facts],
        ...(earlier ? { startedAt: earlier.startedAt, durationMs: earlier.durationMs + result.durationMs } : {}),
    };
}
/** The gate's warnings and errors become annotations titled with the gate, unless they name one. */
function titledLog(log, title) {
    return {
        debug: (message) => log.debug(message),
        info: (message) => log.info(message),
        group: (name, body) => log.group(name, body),
        warning: (message, given) => log.warning(message, given ?? title),
        error: (message, given) => log.error(message, given ?? title),
    };
}
async function runGate(gate, outer) {
    const context = { ...outer, log: titledLog(outer.log, `${ANNOTATION_TITLE}: ${gate.id}`) };
    const startedAt = context.now();
    const started = performance.now();
    const { cancellation } = context;
    const running = context.log.group(`Gate ${gate.id}`, async () => {
        try {
            return await gate.run(context);
        }
        catch (thrown) {
            return failureOutcome(thrown);
        }
    });
    // A cancelled run waits for the gate (its finally blocks clean up) only as long as the time left allows.
    let outcome = await unlessGivenUp(running, cancellation);
    if (outcome === undefined || (cancellation.signal.aborted && gate !== goNoGoGate))
        outcome = cancelledOutcome(outcome, cancellation);
    const result = resultOf(gate, context, outcome, startedAt, Math.round(performance.now() - started));
    context.log.info(`${gate.id}: ${result.status} - ${result.summary}`);
    return result;
}
function resultOf(gate, context, outcome, startedAt, durationMs) {
    return { ...outcome, id: gate.id, title: gate.title, mode: gate.mode?.(context.config), startedAt: startedAt.toISOString(), durationMs };
}
function failureOutcome(thrown) {
    const message = thrown instanceof Error ? thrown.message : `non-Error thrown: ${String(thrown)}`;
    const denied = thrown instanceof clients_s3/* S3Failure */.be && thrown.kind === 'access-denied';
    return {
        status: denied ? 'UNVERIFIABLE' : 'ERROR',
        summary: message,
        findings: [{ level: denied ? 'unverifiable' : 'error', message }],
        facts: [],
        sections: [],
    };
}
function notRun(gate, context, blocker) {
    return {
        id: gate.id,
        title: gate.title,
        mode: gate.mode?.(context.config),
        status: 'NOT RUN',
        summary: 'Not run: an earlier gate did not pass and fail-fast is on.',
        findings: [
            {
                level: 'info',
                message: `Stopped at ${blocker.id} (${blocker.status}): ${blocker.summary}${context.config.preset ? ` (gates: ${context.config.preset} forces fail-fast)` : ''}`,
            },
        ],
        facts: [],
        sections: [],
        startedAt: context.now().toISOString(),
        durationMs: 0,
    };
}

;// CONCATENATED MODULE: ./src/report/annotations.ts
/**
 * Statuses that get an annotation. NOT RUN is left out: it is the consequence of a failure that
 * has its own annotation, and GitHub shows only 10 error annotations per step.
 */
const ANNOTATED = ['FAIL', 'ERROR', 'UNVERIFIABLE'];
/** At most one annotation per gate: the gate's deciding finding. go/no-go has the step's failure line. */
function failureAnnotations(attention) {
    return attention
        .filter((item) => item.gate !== 'go-no-go' && ANNOTATED.includes(item.status))
        .map((item) => ({ title: `${item.gate}: ${item.status}`, message: `${item.finding} What to do: ${item.whatToDo}` }));
}

;// CONCATENATED MODULE: ./src/report/archive.ts



/** Copies of one name tried before giving up: `-2`, `-3`, ... after the first. */
const MAX_COPIES = 100;
/** `20261128T051500Z`: the runbook's `date -u +%Y%m%dT%H%M%SZ`. */
function archiveTimestamp(time) {
    return time.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
/**
 * The runbook's archive name of a report: `hot-path-rollout-latest.md` becomes
 * `hot-path-rollout-staging-20261128T051500Z.md`; `copy` 2 and up adds `-2`, ... when that name is taken.
 */
function archiveName(reportFile, env, time, copy = 1) {
    const extension = external_node_path_.extname(reportFile);
    const stem = external_node_path_.basename(reportFile, extension).replace(/-latest$/, '');
    return `${stem}-${env}-${archiveTimestamp(time)}${copy > 1 ? `-${copy}` : ''}${extension}`;
}
/**
 * Copies each report (absolute paths, all written by this run) beside itself under its archive
 * name. Never overwrites: the copy is created exclusively, and a taken name gets the next suffix.
 * Returns the copies' paths, in the order of `reports`.
 */
async function archiveReports(reports, env, time) {
    const copies = [];
    for (const report of reports) {
        copies.push(await copyExclusive(report, env, time));
    }
    return copies;
}
async function copyExclusive(report, env, time) {
    for (let copy = 1; copy <= MAX_COPIES; copy += 1) {
        const target = external_node_path_.join(external_node_path_.dirname(report), archiveName(external_node_path_.basename(report), env, time, copy));
        try {
            await (0,promises_.copyFile)(report, target, external_node_fs_.constants.COPYFILE_EXCL);
            return target;
        }
        catch (error) {
            if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST'))
                throw error;
        }
    }
    throw new Error(`Cannot archive ${report}: ${MAX_COPIES} copies named ${archiveName(external_node_path_.basename(report), env, time)} already exist.`);
}

;// CONCATENATED MODULE: ./src/report/attention.ts

/** Longest finding or advice carried into the summary's opening lines and annotations. */
const ONE_LINE_MAX = 400;
/** Said when the deciding finding carries no remediation of its own. */
const FALLBACK_ADVICE = {
    PASS: '',
    WARN: 'It passes; read the finding in the report below before the next release.',
    FAIL: 'Read the findings in the report below; each says what it checked and found.',
    ERROR: 'The gate could not finish: fix what the finding names (endpoint, credentials, timeout), then re-run.',
    UNVERIFIABLE: 'Give the credentials the access the finding names, then re-run.',
    'NOT RUN': 'Fix the gate that stopped the run (above); fail-fast left this one out.',
};
/** Text on one line (any line break or run of spaces becomes one space), at most `max` characters. */
function oneLine(text, max = ONE_LINE_MAX) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
/**
 * One entry per gate whose status is not PASS (WARN included: it passes, but says what to look
 * at), in run order; go/no-go only for a reason of its own (an unhealthy service, no gate run),
 * since the gates it lists have their own entries.
 */
function attentionOf(results) {
    const gates = results.filter((result) => result.id !== 'go-no-go');
    const entries = gates.filter((result) => result.status !== 'PASS').map((result) => gateAttention(result));
    const goNoGo = results.find((result) => result.id === 'go-no-go');
    if (goNoGo !== undefined && goNoGo.status !== 'PASS') {
        const own = goNoGoOwnFindings(goNoGo, gates);
        const first = own[0];
        if (first !== undefined) {
            entries.push(attention_entry(goNoGo, `${first.message}${own.length > 1 ? ` (and ${own.length - 1} more)` : ''}`, first.remediation));
        }
        else if (entries.length === 0) {
            entries.push(attention_entry(goNoGo, goNoGo.summary, undefined));
        }
    }
    return entries;
}
function gateAttention(result) {
    // NOT RUN has only an info finding; its summary says why in fewer words.
    const deciding = result.status === 'NOT RUN' ? undefined : (0,outcome/* decidingFinding */.vc)(result.findings);
    const advice = deciding?.remediation ?? result.findings.find((finding) => finding.level === deciding?.level && finding.remediation)?.remediation;
    return attention_entry(result, deciding?.message ?? result.summary, advice);
}
function attention_entry(result, finding, remediation) {
    return {
        gate: result.id,
        title: result.title,
        status: result.status,
        finding: oneLine(finding),
        whatToDo: oneLine(remediation !== undefined && remediation.trim() !== '' ? remediation : FALLBACK_ADVICE[result.status]),
    };
}
/**
 * go/no-go's findings that are not about another gate. go-no-go.ts words a gate's finding
 * `<id> is <STATUS>: <evidence>`; every other finding (a service of health-checks) is its own.
 */
function goNoGoOwnFindings(goNoGo, gates) {
    const aboutGates = gates.map((gate) => `${gate.id} is ${gate.status}: `);
    return goNoGo.findings.filter((finding) => finding.level !== 'info' && !aboutGates.some((prefix) => finding.message.startsWith(prefix)));
}

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __nccwpck_require__(14031);
;// CONCATENATED MODULE: ./src/report/json.ts

const RESULTS_SCHEMA = 'surreal-release-gates/results@1';
/** The machine-readable run results (release-gates-surreal-latest.json); documented in docs/reports.md. */
function renderResultsJson(results, run, reports) {
    const decision = (0,verdict/* decisionOf */.uv)(results);
    const document = {
        schema: RESULTS_SCHEMA,
        result: decision === 'GO' ? 'PASS' : 'FAIL',
        decision,
        environment: run.appEnv,
        bucket: run.bucket,
        prefix: run.envPrefix,
        endpoint: run.endpoint,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        version: run.version,
        gates: results.map((result) => ({
            id: result.id,
            title: result.title,
            status: result.status,
            mode: result.mode ?? null,
            summary: result.summary,
            findings: result.findings,
            facts: result.facts,
            startedAt: result.startedAt,
            durationMs: result.durationMs,
            report: reports[result.id] ?? null,
            ...(result.details !== undefined ? { details: result.details } : {}),
        })),
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __nccwpck_require__(54285);
;// CONCATENATED MODULE: ./src/report/status-mark.ts
/**
 * A status with a mark a reader finds in a table at a glance; for the job summary only. The
 * report files keep the plain `Result: <STATUS>` line for machines and grep.
 */
const MARK = {
    PASS: '✅',
    WARN: '⚠️',
    FAIL: '❌',
    ERROR: '⛔',
    UNVERIFIABLE: '❔',
    'NOT RUN': '⏭',
};
/** No-break spaces keep the mark and the words together in a narrow table column. */
const NBSP = '\u00a0';
function markedStatus(status) {
    return `${MARK[status]}${NBSP}${status.replace(/ /g, NBSP)}`;
}
function markedDecision(decision) {
    return `${decision === 'GO' ? MARK.PASS : MARK.FAIL}${NBSP}${decision}`;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
/** GitHub aborts a step summary above 1 MiB; stay well below it. */
const SUMMARY_LIMIT_BYTES = 1_000_000;
/**
 * The opening (decision, lines to act on, gates table), then every gate's report. The opening is
 * always kept whole. When the full reports do not fit, the compact ones are used; when those do
 * not fit either, whole compact reports are left out, passing ones first, and named, so no
 * `<details>` or code block is ever cut open. The report files stay complete.
 */
function composeSummary(opening, parts, reportsDir, limit = SUMMARY_LIMIT_BYTES) {
    const full = [opening, ...parts.map((part) => part.full)].join('\n');
    if (bytes(full) <= limit)
        return full;
    const note = `> The full reports did not fit GitHub's 1 MiB job summary limit; they are in \`${reportsDir}\`.\n`;
    const compact = [opening, note, ...parts.map((part) => part.compact)].join('\n');
    if (bytes(compact) <= limit)
        return compact;
    // Room for the closing note naming every part, the most it can say.
    const closing = (left) => `> Left out to stay under ${limit} bytes: the reports of ${left.map((part) => part.gate).join(', ')}; they are in \`${reportsDir}\`.\n`;
    const head = [opening, note].join('\n');
    let room = limit - bytes(head) - bytes(closing(parts)) - 2 * parts.length;
    if (room < 0)
        return cut(head, closing(parts), limit);
    const kept = new Set();
    for (const part of [...parts.filter((part) => part.open), ...parts.filter((part) => !part.open)]) {
        const size = bytes(part.compact) + 1;
        if (size <= room) {
            kept.add(part);
            room -= size;
        }
    }
    const left = parts.filter((part) => !kept.has(part));
    return [head, ...parts.filter((part) => kept.has(part)).map((part) => part.compact), ...(left.length > 0 ? [closing(left)] : [])].join('\n');
}
function bytes(text) {
    return Buffer.byteLength(text);
}
/** Last resort, for a limit smaller than the opening itself: a cut on a character boundary. */
function cut(text, closing, limit) {
    const room = limit - bytes(closing) - 2;
    return room < 0 ? prefixBytes(closing, limit) : `${prefixBytes(text, room)}\n\n${closing}`;
}
function prefixBytes(text, size) {
    return Buffer.from(text).subarray(0, Math.max(0, size)).toString('utf8').replace(/\uFFFD*$/, '');
}

// EXTERNAL MODULE: ./src/report/table.ts
var table = __nccwpck_require__(790);
;// CONCATENATED MODULE: ./src/report/summary-opening.ts





/** Longest evidence cell in the gates table: the line above and the report below say the rest. */
const TABLE_CELL_MAX = 200;
/**
 * The top of the job summary, what a reader sees first: the decision, one line per gate that
 * did not pass (why and what to do), the gates table, then the run's facts. Every block is its
 * own paragraph, list or table, so no two lines are joined into one when GitHub renders it.
 * Small by construction (lines are capped), so it is always kept whole.
 */
function renderSummaryOpening(results, run, decision, attention) {
    const gates = results.filter((result) => result.id !== 'go-no-go');
    const blocks = [`# Release gates (surreal): ${markedDecision(decision)}`, verdictLine(gates, decision, attention)];
    if (attention.length > 0)
        blocks.push(attention.map(attentionLine).join('\n'));
    if (gates.length > 0) {
        blocks.push((0,table/* markdownTable */.Q)(['Gate', 'Status', 'Mode', 'Duration', 'Evidence'], gates.map((result) => [
            `\`${result.id}\``,
            markedStatus(result.status),
            (0,report_escape/* escapeMarkdown */.FV)(result.mode ?? ''),
            duration(result.durationMs),
            (0,report_escape/* escapeMarkdown */.FV)(oneLine(evidenceLine(result), TABLE_CELL_MAX)),
        ])));
    }
    blocks.push(`Environment ${(0,report_escape/* escapeMarkdown */.FV)(run.appEnv)} · bucket ${(0,report_escape/* escapeMarkdown */.FV)(run.bucket)} · prefix ${(0,report_escape/* escapeMarkdown */.FV)(run.envPrefix)} · endpoint ${(0,report_escape/* escapeMarkdown */.FV)(run.endpoint)}`, `Started ${run.startedAt} · finished ${run.finishedAt} · surreal-release-gates ${(0,report_escape/* escapeMarkdown */.FV)(run.version)}`);
    return `${blocks.join('\n\n')}\n`;
}
function verdictLine(gates, decision, attention) {
    const count = `${gates.length} gate${gates.length === 1 ? '' : 's'}`;
    if (decision === 'GO') {
        const warned = attention.length;
        return warned === 0 ? `**All ${count} passed.**` : `**All ${count} passed**; ${warned} with a warning to read:`;
    }
    const blocking = attention.filter((item) => item.gate !== 'go-no-go' && item.status !== 'WARN').length;
    if (gates.length === 0)
        return '**No gate ran.**';
    return blocking > 0 ? `**${blocking} of ${count} did not pass:**` : `**All ${count} passed, but go/no-go did not:**`;
}
/** `- ❌ FAIL **verify**: finding` with `What to do: ...` on a line of its own (a hard line break). */
function attentionLine(item) {
    return `- ${markedStatus(item.status)} **${item.gate}**: ${(0,report_escape/* escapeMarkdown */.FV)(item.finding)}\\\n  _What to do:_ ${(0,report_escape/* escapeMarkdown */.FV)(item.whatToDo)}`;
}
function duration(ms) {
    return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/report/build.ts









const RESULTS_JSON = 'release-gates-surreal-latest.json';
function reportName(result) {
    return result.id === 'go-no-go' ? goNoGoGate.report : GATES[result.id].report;
}
/** Renders every report of the run; pure, so the same text goes to files and the job summary. */
function buildReports(results, run, reportsDir) {
    const decision = (0,verdict/* decisionOf */.uv)(results);
    const files = {};
    const reportByGate = {};
    const parts = [];
    for (const result of results) {
        const name = reportName(result);
        const full = (0,markdown/* renderGateReport */.C)(result, run);
        files[name] = result.id === 'go-no-go' ? `${(0,markdown/* renderRunHeader */.b)(run, decision)}\n${full}` : `# ${result.title}\n\n${withoutHeading(full)}`;
        reportByGate[result.id] = name;
        parts.push(summaryPart(result, name, full, (0,markdown/* renderGateReport */.C)(result, run, { compact: true })));
    }
    files[RESULTS_JSON] = renderResultsJson(results, run, reportByGate);
    const attention = attentionOf(results);
    return { files, attention, summary: composeSummary(renderSummaryOpening(results, run, decision, attention), parts, reportsDir) };
}
/** The report without its `## title` line: the file has its own `#` title, the summary its `<summary>` line. */
function withoutHeading(report) {
    return report.replace(/^## .*\n\n/, '');
}
/**
 * A gate's report in the job summary: a `<details>` block, open when the gate did not pass (WARN
 * included), closed when it passed. Blank lines around the report let GitHub render its markdown.
 */
function summaryPart(result, file, full, compact) {
    const open = result.status !== 'PASS';
    const details = (report) => [
        `<details${open ? ' open' : ''}>`,
        `<summary>${(0,report_escape/* escapeHtml */.ZD)(markedStatus(result.status))} · <b>${(0,report_escape/* escapeHtml */.ZD)(oneLine(result.title))}</b> (<code>${(0,report_escape/* escapeHtml */.ZD)(file)}</code>)</summary>`,
        '',
        withoutHeading(report),
        '</details>',
        '',
    ].join('\n');
    return { gate: result.id, open, full: details(full), compact: details(compact) };
}

;// CONCATENATED MODULE: ./src/report/publish.ts


/** Writes each file whole (temporary file, then rename) so a reader never sees half a report. */
async function writeReportFiles(dir, files) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    return Promise.all(Object.entries(files).map(async ([name, content]) => {
        const target = external_node_path_.join(dir, name);
        const temporary = `${target}.${process.pid}.tmp`;
        await (0,promises_.writeFile)(temporary, content, 'utf8');
        await (0,promises_.rename)(temporary, target);
        return target;
    }));
}

;// CONCATENATED MODULE: ./src/util/logger.ts
/** Replaces every secret in a text with ***. Defence in depth behind the runner's masking. */
function redactor(secrets) {
    const values = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
    return (text) => values.reduce((result, secret) => result.split(secret).join('***'), text);
}
/*
 * The runner reads every line a step prints and runs two command forms: `::name::data` when the
 * line starts with it (after the leading whitespace .NET's TrimStart removes, which includes
 * U+0085), and the older `##[name]data` anywhere in a line. Messages carry text from servers (rule
 * IDs, error messages, keys), so every line this project prints passes through here.
 */
const LEADING_COMMAND = /^([\s\u0085]*):(?=:)/;
const LEGACY_COMMAND = /##\[/g;
/** One line that cannot run a workflow command; idempotent, so applying it twice is harmless. */
function inertLine(message) {
    // CR and LF as the toolkit escapes command data: the message stays one line.
    return inertLines(message.replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}
/** Keeps the line breaks of a multi-line text (a markdown summary) but makes every line inert. */
function inertLines(text) {
    // CR, LF and CRLF each end a line for the runner; the separators (odd indexes) are kept.
    return text
        .split(/(\r\n|\r|\n)/)
        .map((part, index) => (index % 2 === 1 ? part : part.replace(LEADING_COMMAND, '$1%3A').replace(LEGACY_COMMAND, '##%5B')))
        .join('');
}
/** A Logger whose every message (and group name) is one inert line: no caller can forget it. */
function inertLogger(log) {
    return {
        debug: (message) => log.debug(inertLine(message)),
        info: (message) => log.info(inertLine(message)),
        warning: (message, title) => log.warning(inertLine(message), title === undefined ? undefined : inertLine(title)),
        error: (message, title) => log.error(inertLine(message), title === undefined ? undefined : inertLine(title)),
        group: (name, body) => log.group(inertLine(name), body),
    };
}
const silentLogger = {
    debug: () => undefined,
    info: () => undefined,
    warning: () => undefined,
    error: () => undefined,
    group: (_name, body) => body(),
};

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/run.ts




















/**
 * config -> S3 client -> gates -> reports -> outputs -> one setFailed. Never throws: every
 * failure, a non-Error throw included, ends as a failed run with a one-line reason.
 */
async function runGates(host) {
    let summary = '';
    let redact = (text) => text;
    let failed = false;
    const fail = (message, title) => {
        if (!failed)
            host.setFailed(redact(message), title);
        failed = true;
    };
    try {
        // Mask secrets before anything else could print them, even a bad-input message.
        const secrets = INPUTS.filter((input) => 'secret' in input && input.secret)
            .map((input) => host.readInput(input)?.trim() ?? '')
            .filter((value) => value.length > 0);
        secrets.push(...INPUTS.filter((input) => 'urlPasswords' in input && input.urlPasswords).flatMap((input) => passwordsInUrls(host.readInput(input) ?? '')));
        secrets.forEach((secret) => host.maskSecret(secret));
        redact = redactor(secrets);
        warnAboutUrlPasswords(host);
        let config;
        try {
            config = loadConfig(host.readInput, host.workspace, host.env ?? process.env, host.reportRoots ? { reportRoots: host.reportRoots } : {});
        }
        catch (error) {
            if (error instanceof verdict/* InputError */.dz) {
                // The message quotes the input as given: escaped, it cannot add markup to the summary.
                summary = `# Release gates (surreal): NO-GO\n\nResult: FAIL\n\n${(0,report_escape/* escapeMarkdown */.FV)(redact(error.message))}\n`;
                host.setOutput('result', 'FAIL');
                fail(error.message, `${ANNOTATION_TITLE}: input ${error.input}`);
                return undefined;
            }
            throw error;
        }
        // Anything else the parsed configuration holds as secret (e.g. a URL password as parsed).
        const parsedSecrets = config.secrets.filter((secret) => !secrets.includes(secret));
        parsedSecrets.forEach((secret) => host.maskSecret(secret));
        redact = redactor([...secrets, ...parsedSecrets]);
        const log = redactingLogger(host.log, redact);
        const startedAt = host.now().toISOString();
        const cancellation = host.cancellation ?? new util_cancellation/* Cancellation */.mT();
        const s3 = (0,clients_s3/* createS3Gateway */.pt)(config.s3, log, cancellation.signal);
        // Clients of other systems only when a gate needs them; creating a client sends nothing.
        // Octokit is loaded only then, so S3-only runs do not pay for parsing it.
        const github = config.gates.includes('branch-protection')
            ? (await Promise.all(/* import() */[__nccwpck_require__.e(167), __nccwpck_require__.e(705)]).then(__nccwpck_require__.bind(__nccwpck_require__, 80705))).createGitHubGateway(config.github, log)
            : undefined;
        const chatApi = config.smoke.api ? createChatApiClient(config.smoke.api, log, fetch, cancellation.signal) : undefined;
        let gates;
        try {
            gates = await runSequence({
                config,
                s3,
                log,
                now: host.now,
                cancellation,
                health: createHealthProber(log),
                ...(config.prometheus ? { prometheus: createPrometheusQueryClient(config.prometheus, log) } : {}),
                ...createObservabilityClients(config, log),
                ...(github ? { github } : {}),
                ...(chatApi ? { chatApi } : {}),
            });
        }
        finally {
            s3.destroy();
        }
        const runInfo = {
            appEnv: config.appEnv,
            bucket: config.s3.bucket,
            envPrefix: config.envPrefix,
            endpoint: s3.endpointLabel,
            startedAt,
            finishedAt: host.now().toISOString(),
            version: version/* VERSION */.x,
        };
        let built = buildReports(gates, runInfo, config.reportsDir);
        const redactFiles = (files) => Object.fromEntries(Object.entries(files).map(([name, content]) => [name, redact(content)]));
        const reportFiles = await writeReportFiles(config.reportsDir, redactFiles(built.files));
        let archivedReports = [];
        let archiveProblem;
        if (config.archiveEvidence) {
            try {
                archivedReports = await archiveReports(reportFiles, config.appEnv, host.now());
                log.info(`Archived ${archivedReports.length} report(s) for ${config.appEnv}: ${archivedReports.map((file) => external_node_path_.basename(file)).join(', ')}`);
            }
            catch (error) {
                archiveProblem = `Archiving the evidence failed (archive-evidence): ${error instanceof Error ? error.message : String(error)}`;
                // The decision changes, so every report that states it is written again.
                gates = withArchiveFailure(gates, archiveProblem);
                built = buildReports(gates, runInfo, config.reportsDir);
                await writeReportFiles(config.reportsDir, redactFiles(built.files));
            }
        }
        summary = redact(built.summary);
        const result = (0,verdict/* decisionOf */.uv)(gates) === 'GO' ? 'PASS' : 'FAIL';
        const blocking = gates.filter((gate) => gate.id !== 'go-no-go' && !verdict/* PASSING_STATUSES */.bc.includes(gate.status));
        const failedGates = blocking.map((gate) => gate.id);
        const goNoGo = gates.find((gate) => gate.id === 'go-no-go');
        host.setOutput('failed-gates', failedGates.join(','));
        host.setOutput('reports-dir', config.reportsDir);
        for (const gate of gates)
            for (const [name, value] of Object.entries(gate.outputs ?? {}))
                host.setOutput(name, value);
        host.setOutput('archived-reports', archivedReports.join(','));
        // One annotation per gate that failed, before the step's own failure line.
        for (const annotation of failureAnnotations(built.attention)) {
            host.annotateFailure?.({ title: annotation.title, message: redact(annotation.message) });
        }
        // Publishing (drift issue, plan comment) comes after the gates and is no gate: it reads the
        // results, never changes them, and its problems are warnings. Octokit is loaded only for it.
        let published;
        if (config.publish.driftIssue !== 'off' || config.publish.planComment) {
            const { publishToGitHub } = await Promise.all(/* import() */[__nccwpck_require__.e(167), __nccwpck_require__.e(660)]).then(__nccwpck_require__.bind(__nccwpck_require__, 55660));
            published = await publishToGitHub({ config, gates, run: runInfo, log, redact, now: host.now });
            summary += redact(published.summary);
        }
        // Last of the outputs, so a reader of `result` sees every other output already set.
        host.setOutput('result', result);
        if (archiveProblem !== undefined)
            fail(archiveProblem, `${ANNOTATION_TITLE}: archive-evidence`);
        if (result !== 'PASS') {
            // One line that says what to fix first: the first blocking gate and its evidence.
            const first = blocking[0];
            const reason = first ? `${first.id} ${first.status}: ${evidenceLine(first)}` : (goNoGo?.summary ?? 'no decision');
            const cancelled = cancellation.cancelledBy ? `Cancelled (${cancellation.cancelledBy}). ` : '';
            fail(`Release gates NO-GO (${failedGates.join(', ') || 'go-no-go'}). ${cancelled}${reason} Reports: ${config.reportsDir}`, `${ANNOTATION_TITLE}: ${first?.id ?? 'go-no-go'}`);
        }
        return { result, failedGates, gates, reportFiles, archivedReports, s3Requests: s3.requestCounts(), ...(published ? { published } : {}), cancelledBy: cancellation.cancelledBy };
    }
    catch (thrown) {
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        fail(`surreal-release-gates failed unexpectedly: ${message}`, ANNOTATION_TITLE);
        host.setOutput('result', 'FAIL');
        if (summary === '')
            summary = `# Release gates (surreal): NO-GO\n\nResult: ERROR\n\n${(0,report_escape/* escapeMarkdown */.FV)(redact(message))}\n`;
        return undefined;
    }
    finally {
        if (summary !== '') {
            try {
                await host.writeSummary(summary);
            }
            catch (error) {
                host.log.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
    }
}
/**
 * Every line redacted; every warning and error an annotation with a title: the gate's when a
 * gate logs it (the sequence adds it), else this action's name (e.g. a client's retry notice).
 */
function redactingLogger(log, redact) {
    return {
        debug: (message) => log.debug(redact(message)),
        info: (message) => log.info(redact(message)),
        warning: (message, title) => log.warning(redact(message), redact(title ?? ANNOTATION_TITLE)),
        error: (message, title) => log.error(redact(message), redact(title ?? ANNOTATION_TITLE)),
        group: (name, body) => log.group(redact(name), body),
    };
}
/**
 * The runner prints every with: value in the step's log before the action starts; only values
 * from secrets.* are masked by then. A password in a URL input may so already be in the log.
 */
function warnAboutUrlPasswords(host) {
    for (const input of INPUTS.filter((candidate) => 'urlPasswords' in candidate && candidate.urlPasswords)) {
        if (passwordsInUrls(host.readInput(input) ?? '').length === 0)
            continue;
        const instead = input.name === 'prometheus-url' ? 'prometheus-username and prometheus-password, each from a secret' : 'a secret holding the whole value';
        host.log.warning(`${input.name} carries a password in a URL. Unless the value came from a secret, the runner printed it in this step's log before the action could mask it. Pass it through ${instead}.`, `${ANNOTATION_TITLE}: ${input.name}`);
    }
}

;// CONCATENATED MODULE: ./src/signals.ts

/**
 * A GitHub runner cancels a job with SIGINT, then SIGTERM about 7.5 s later, then kills it at
 * 10 s. The first SIGINT or SIGTERM cancels the run: requests in flight are aborted, no gate
 * starts, cleanup runs and the reports are written within CANCEL_BUDGET_MS, and the run ends
 * with exit code 130 or 143 (through process.exitCode, so `finally` blocks run). A later SIGTERM
 * leaves at most LATER_SIGNAL_BUDGET_MS; a second SIGINT (Ctrl-C twice) exits at once, without
 * cleanup or reports. Returns a function that removes the handlers.
 */
function cancelOnSignals(cancellation, warn, target = process) {
    const handlers = ['SIGINT', 'SIGTERM'].map((name) => {
        const handler = () => {
            if (cancellation.cancelledBy === undefined) {
                warn(`${name} received: cancelling. Requests in flight are aborted, no further gate starts, cleanup runs and the reports are written within ${util_cancellation/* CANCEL_BUDGET_MS */.W3 / 1000} s. A second SIGINT exits at once.`);
                cancellation.cancel(name);
                return;
            }
            if (name === 'SIGINT') {
                warn('Second SIGINT: exiting at once, without cleanup or reports.');
                target.exit(util_cancellation/* CANCEL_EXIT_CODES */.zB.SIGINT);
            }
            warn(`${name} received while cancelling: at most ${util_cancellation/* LATER_SIGNAL_BUDGET_MS */.ld / 1000} s more.`);
            cancellation.cancel(name);
        };
        target.on(name, handler);
        return [name, handler];
    });
    return () => {
        for (const [name, handler] of handlers)
            target.off(name, handler);
    };
}

;// CONCATENATED MODULE: ./src/cli.ts







/**
 * The operator's local preflight: the same run() as the action, with inputs from flags and the
 * runbook's variables, output on the terminal. Exit code 0 only when go/no-go is GO.
 */
async function main(argv) {
    const args = parseCliArgs(argv);
    if (args.help) {
        process.stdout.write(`${usage()}\n`);
        return;
    }
    // Ctrl-C cancels like the runner does: cleanup and reports, then exit 130 (twice: at once).
    const cancellation = new util_cancellation/* Cancellation */.mT();
    const stopHandling = cancelOnSignals(cancellation, (message) => process.stderr.write(`warning: ${message}\n`));
    const values = new Map(args.inputs);
    const given = (name, env) => values.get(name) ?? process.env[env];
    let local;
    if (!args.aws && !given('s3-endpoint', 'S3_ENDPOINT')) {
        process.stderr.write('No s3-endpoint given: starting a local Ceph RGW (use --aws for AWS S3).\n');
        local = await startLocalS3({ onLog: (line) => process.stderr.write(`  ${inertLine(line)}\n`) });
        values.set('s3-endpoint', local.endpoint);
        values.set('s3-access-key', local.accessKey);
        values.set('s3-secret-key', local.secretKey);
        if (!given('app-env', 'APP_ENV'))
            values.set('app-env', 'local');
        if (!given('s3-bucket', 'S3_BUCKET'))
            values.set('s3-bucket', 'chat-attachments-local');
    }
    const secrets = [];
    const redact = () => redactor(secrets);
    // Every line goes through inertLine: run in a workflow, server text must not become a command.
    const print = (stream, prefix) => (message) => stream.write(`${prefix}${inertLine(redact()(message))}\n`);
    const host = {
        readInput: (input) => values.get(input.name) ?? process.env[input.env],
        workspace: process.cwd(),
        log: {
            debug: process.env.RUNNER_DEBUG === '1' ? print(process.stderr, 'debug: ') : () => undefined,
            info: print(process.stderr, ''),
            warning: print(process.stderr, 'warning: '),
            error: print(process.stderr, 'error: '),
            group: async (name, body) => {
                process.stderr.write(`== ${inertLine(redact()(name))}\n`);
                return body();
            },
        },
        maskSecret: (value) => secrets.push(value),
        setOutput: (name, value) => process.stderr.write(`output ${name}=${inertLine(redact()(value))}\n`),
        writeSummary: async (markdown) => {
            if (args.summaryFile)
                await (0,promises_.writeFile)(args.summaryFile, markdown, 'utf8');
            // The summary's lines keep their breaks; a line that could start a command is neutralised.
            process.stdout.write(inertLines(markdown));
        },
        setFailed: (message) => {
            process.stderr.write(`error: ${inertLine(redact()(message))}\n`);
            process.exitCode = 1;
        },
        now: () => new Date(),
        cancellation,
    };
    try {
        await runGates(host);
    }
    finally {
        stopHandling();
        // Ctrl-C must not leave the throwaway cluster running: a cancelled run ends here too.
        await local?.stop();
        if (cancellation.exitCode !== undefined)
            process.exitCode = cancellation.exitCode;
    }
}
main(process.argv.slice(2)).catch((error) => {
    const message = error instanceof CliUsageError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${inertLine(message)}\n`);
    process.exitCode = error instanceof CliUsageError ? 2 : 1;
});

