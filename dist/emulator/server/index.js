import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 466:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _faults_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(767);
/* harmony import */ var _server_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(147);
/**
 * The emulator from the command line: `npm run emulator -- --help` prints every flag (USAGE below).
 * With --ready-file, once listening it writes a ReadyFile (JSON) there, for a parent that
 * started it on a free port (emulator/action) to learn where it listens.
 */




const USAGE = `Usage: npm run emulator -- [options]

The local Netiks server: the Uploads API and an S3 for its presigned URLs, on loopback.
Every option can also be set in the environment as NETIKS_EMULATOR_<NAME> (upper case,
dashes as underscores; --always-fail as a comma-separated list; switches as true or false).

  --port N                 port to listen on (default 8787; 0 picks a free one)
  --host H                 address to listen on (default 127.0.0.1)
  --api-key KEY            the key the API accepts (default: the emulator's test key)
  --url-ttl SECONDS        how long presigned URLs stay valid (default 900)
  --data-dir DIR           where stored bytes are kept (default: a temporary folder,
                           removed on exit)
  --public-host NAME       the host name written into URLs instead of the listening
                           address (for clients that reach the emulator through a proxy)
  --faults SPEC            inject faults: rate=0..1,seed=N,endpoints=a+b,kinds=a+b,
                           slow-ms=MS,late-ms=MS,retry-after=SECONDS
                           endpoints: ${_faults_js__WEBPACK_IMPORTED_MODULE_2__/* .FAULT_ENDPOINTS */ .MQ.join(', ')}
                           kinds: ${_faults_js__WEBPACK_IMPORTED_MODULE_2__/* .FAULT_KINDS */ .ln.join(', ')}
  --expired-batches N      the first N generate calls hand out already expired URLs
  --always-fail NAME       the PUT or single upload of this file name always fails with
                           a 500 (repeatable)
  --latency-ms MS          every API and S3 request waits MS before it is handled
  --throttle-kibps N       receive request bodies no faster than N KiB/s
  --s3-endpoint URL        presign for a real S3 instead (needs the three flags below)
  --s3-bucket NAME, --s3-access-key-id ID, --s3-secret-access-key SECRET, --s3-region R
  --s3-early-answer        refuse a PUT before reading its body, as S3 does
  --s3-dialect aws|radosgw an expired URL gets AWS S3's words or Ceph radosgw's
  --idempotency            honour Idempotency-Key on single uploads and confirms
                           (the real API publishes no such support)
  --ready-file PATH        once listening, write where (JSON) to PATH
  --quiet                  log no requests
  -h, --help               print this and exit
`;
function wholeNumber(flag, text) {
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value))
        throw new Error(`--${flag} needs a whole number, got "${text}"`);
    return value;
}
function switchFromEnv(variable) {
    const text = (process.env[variable] ?? '').trim().toLowerCase();
    if (['', '0', 'false', 'no', 'off'].includes(text))
        return false;
    if (['1', 'true', 'yes', 'on'].includes(text))
        return true;
    throw new Error(`${variable} needs true or false, got "${process.env[variable]}"`);
}
function dialect(text) {
    if (!_server_js__WEBPACK_IMPORTED_MODULE_3__/* .S3_DIALECTS */ .zQ.includes(text)) {
        throw new Error(`--s3-dialect takes ${_server_js__WEBPACK_IMPORTED_MODULE_3__/* .S3_DIALECTS */ .zQ.join(' or ')}, got "${text}"`);
    }
    return text;
}
function splitList(text) {
    return (text ?? '')
        .split(',')
        .map(item => item.trim())
        .filter(Boolean);
}
/** The external S3 the flags name, if any; all of endpoint, bucket and keys, or none. */
function externalS3Of(values) {
    const [endpoint, bucket, accessKeyId, secretAccessKey] = [
        's3-endpoint',
        's3-bucket',
        's3-access-key-id',
        's3-secret-access-key'
    ].map(flag => values[flag]);
    if (endpoint === undefined)
        return undefined;
    if (!bucket || !accessKeyId || !secretAccessKey) {
        throw new Error('--s3-endpoint needs --s3-bucket, --s3-access-key-id and --s3-secret-access-key too');
    }
    return { endpoint, bucket, accessKeyId, secretAccessKey, region: values['s3-region'] };
}
let emulator;
let externalS3;
let modes = [];
try {
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
        options: {
            port: { type: 'string', default: process.env.NETIKS_EMULATOR_PORT ?? '8787' },
            host: { type: 'string', default: process.env.NETIKS_EMULATOR_HOST ?? '127.0.0.1' },
            'api-key': { type: 'string', default: process.env.NETIKS_EMULATOR_API_KEY ?? _server_js__WEBPACK_IMPORTED_MODULE_3__/* .EMULATOR_API_KEY */ .NK },
            'url-ttl': { type: 'string', default: process.env.NETIKS_EMULATOR_URL_TTL ?? '900' },
            'data-dir': { type: 'string', default: process.env.NETIKS_EMULATOR_DATA_DIR },
            'public-host': { type: 'string', default: process.env.NETIKS_EMULATOR_PUBLIC_HOST },
            faults: { type: 'string', default: process.env.NETIKS_EMULATOR_FAULTS ?? '' },
            'expired-batches': { type: 'string', default: process.env.NETIKS_EMULATOR_EXPIRED_BATCHES ?? '0' },
            'always-fail': { type: 'string', multiple: true, default: splitList(process.env.NETIKS_EMULATOR_ALWAYS_FAIL) },
            'latency-ms': { type: 'string', default: process.env.NETIKS_EMULATOR_LATENCY_MS ?? '0' },
            'throttle-kibps': { type: 'string', default: process.env.NETIKS_EMULATOR_THROTTLE_KIBPS ?? '0' },
            's3-endpoint': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_ENDPOINT },
            's3-bucket': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_BUCKET },
            's3-access-key-id': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_ACCESS_KEY_ID },
            's3-secret-access-key': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_SECRET_ACCESS_KEY },
            's3-region': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_REGION },
            's3-early-answer': { type: 'boolean', default: switchFromEnv('NETIKS_EMULATOR_S3_EARLY_ANSWER') },
            's3-dialect': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_DIALECT || 'aws' },
            idempotency: { type: 'boolean', default: switchFromEnv('NETIKS_EMULATOR_IDEMPOTENCY') },
            quiet: { type: 'boolean', default: false },
            'ready-file': { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false }
        }
    });
    if (values.help) {
        console.log(USAGE);
        process.exit(0);
    }
    externalS3 = externalS3Of(values);
    emulator = await (0,_server_js__WEBPACK_IMPORTED_MODULE_3__/* .startEmulator */ .sJ)({
        port: wholeNumber('port', values.port),
        host: values.host,
        apiKeys: [values['api-key']],
        urlTtlSeconds: wholeNumber('url-ttl', values['url-ttl']),
        dataDir: values['data-dir'],
        publicHost: values['public-host'],
        faults: values.faults ? (0,_faults_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFaultSpec */ .Nd)(values.faults) : undefined,
        expiredBatches: wholeNumber('expired-batches', values['expired-batches']),
        alwaysFail: values['always-fail'],
        latencyMs: wholeNumber('latency-ms', values['latency-ms']),
        throttleBytesPerSecond: wholeNumber('throttle-kibps', values['throttle-kibps']) * 1024 || undefined,
        s3EarlyAnswer: values['s3-early-answer'],
        s3Dialect: dialect(values['s3-dialect']),
        idempotency: values.idempotency,
        log: values.quiet ? undefined : line => console.log(line),
        externalS3
    });
    modes = [
        values['s3-early-answer'] ? 's3-early-answer' : '',
        values['s3-dialect'] === 'radosgw' ? 's3-dialect radosgw' : '',
        values.idempotency ? 'idempotency' : ''
    ].filter(Boolean);
    const readyFile = values['ready-file'];
    if (readyFile) {
        const ready = {
            pid: process.pid,
            url: emulator.url,
            apiKey: emulator.apiKey,
            stateUrl: `${emulator.url}${_server_js__WEBPACK_IMPORTED_MODULE_3__/* .STATE_PATH */ .K}`,
            dataDir: emulator.store.dir
        };
        // Written whole, then renamed into place: a reader polling for it never sees half of it.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(`${readyFile}.partial`, JSON.stringify(ready));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(`${readyFile}.partial`, readyFile);
    }
}
catch (error) {
    console.error(`netiks emulator: ${error.message} (--help lists the options)`);
    process.exit(2);
}
console.log(`Netiks emulator listening on ${emulator.url}`);
console.log(`  api-key:  ${emulator.apiKey}`);
console.log(`  state:    ${emulator.url}${_server_js__WEBPACK_IMPORTED_MODULE_3__/* .STATE_PATH */ .K}`);
console.log(`  data dir: ${emulator.store.dir}`);
if (externalS3)
    console.log(`  S3:       ${externalS3.endpoint}/${externalS3.bucket} (external)`);
if (emulator.faultSpec)
    console.log(`  faults:   ${emulator.faultSpec}`);
if (modes.length > 0)
    console.log(`  modes:    ${modes.join(', ')}`);
const stop = () => {
    void emulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 767:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LW: () => (/* binding */ FaultInjector),
/* harmony export */   MQ: () => (/* binding */ FAULT_ENDPOINTS),
/* harmony export */   Nd: () => (/* binding */ parseFaultSpec),
/* harmony export */   TI: () => (/* binding */ strikesAfterEffect),
/* harmony export */   US: () => (/* binding */ DEFAULT_FAULTS),
/* harmony export */   ZM: () => (/* binding */ describeFaults),
/* harmony export */   ln: () => (/* binding */ FAULT_KINDS)
/* harmony export */ });
/* unused harmony exports AFTER_EFFECT_KINDS, FORGED_ANSWER_KINDS */
/**
 * Deterministic fault injection. A seeded generator decides, request by request in arrival
 * order, whether a request to a faulted endpoint fails and how, and the counts let a test know
 * exactly how many requests of each endpoint were faulted.
 *
 * Most kinds strike before the request takes effect, so a retried request is never also a
 * processed one. The AFTER_EFFECT_KINDS strike once the request was handled (an asset created,
 * an object stored, URLs issued): the server did the work, the client never learns it. The
 * FORGED_ANSWER_KINDS strike then too, on an asset-creating call (a single upload, a confirm):
 * the asset is created, and its answer is sent with one field forged, as a hostile or broken
 * server (or something between) would send it.
 */
const FAULT_ENDPOINTS = ['upload', 'generate', 'put', 'confirm'];
const FAULT_KINDS = [
    '429',
    '500',
    '502',
    '503',
    'reset',
    'slow',
    'expired',
    'lost-reply',
    'late-reply',
    'commit-then-500',
    'forged-id',
    'forged-size',
    'forged-name'
];
/** Kinds that let the request take effect first, then spoil its answer. */
const AFTER_EFFECT_KINDS = [
    'lost-reply',
    'late-reply',
    'commit-then-500',
    'forged-id',
    'forged-size',
    'forged-name'
];
/**
 * Kinds that answer an asset-creating call with one field of its `asset` forged: `forged-id`
 * an id with a line break and a workflow command (`<id>\n::error::forged`), `forged-size` a
 * `file_size` one byte more than was stored, `forged-name` an `asset_name` with a line break and
 * a workflow command after the name. They strike `upload` and `confirm` only.
 */
const FORGED_ANSWER_KINDS = ['forged-id', 'forged-size', 'forged-name'];
/** Whether a fault of this kind can strike a request to this endpoint. */
function strikes(kind, endpoint) {
    if (kind === 'expired')
        return endpoint === 'put';
    if (FORGED_ANSWER_KINDS.includes(kind))
        return endpoint === 'upload' || endpoint === 'confirm';
    return true;
}
function strikesAfterEffect(kind) {
    return AFTER_EFFECT_KINDS.includes(kind);
}
const DEFAULT_FAULTS = {
    rate: 0,
    seed: 1,
    endpoints: [...FAULT_ENDPOINTS],
    kinds: ['429', '500', '502', '503', 'reset', 'slow'],
    slowMs: 3000,
    lateMs: 5000,
    retryAfterSeconds: 1
};
class FaultInjector {
    options;
    random;
    counts = {
        upload: {},
        generate: {},
        put: {},
        confirm: {}
    };
    constructor(options) {
        this.options = options;
        this.random = mulberry32(options.seed);
    }
    /** The fault for this request, or undefined to let it through. */
    pick(endpoint) {
        if (!isFaultEndpoint(endpoint) || !this.options.endpoints.includes(endpoint) || this.options.rate <= 0) {
            return undefined;
        }
        const roll = this.random();
        const kinds = this.options.kinds.filter(kind => strikes(kind, endpoint));
        const kind = kinds[Math.floor(this.random() * kinds.length)];
        if (roll >= this.options.rate || kind === undefined)
            return undefined;
        this.counts[endpoint][kind] = (this.counts[endpoint][kind] ?? 0) + 1;
        return kind;
    }
    /** Faults injected so far, per endpoint and kind, with a total per endpoint. */
    summary() {
        const result = {};
        for (const endpoint of FAULT_ENDPOINTS) {
            const byKind = this.counts[endpoint];
            const total = Object.values(byKind).reduce((sum, n) => sum + (n ?? 0), 0);
            result[endpoint] = { ...byKind, total };
        }
        return result;
    }
}
function isFaultEndpoint(endpoint) {
    return FAULT_ENDPOINTS.includes(endpoint);
}
/**
 * Reads `rate=0.2,seed=7,endpoints=put+confirm,kinds=429+503+reset,slow-ms=3000,late-ms=5000,retry-after=1`.
 * Anything left out keeps its default. Throws with the offending part named.
 */
function parseFaultSpec(spec) {
    const options = {
        ...DEFAULT_FAULTS,
        endpoints: [...DEFAULT_FAULTS.endpoints],
        kinds: [...DEFAULT_FAULTS.kinds]
    };
    for (const part of spec
        .split(',')
        .map(p => p.trim())
        .filter(Boolean)) {
        const [key, value = ''] = part.split('=').map(p => p.trim());
        switch (key) {
            case 'rate':
                options.rate = numberIn(part, value, 0, 1);
                break;
            case 'seed':
                options.seed = numberIn(part, value, 0, 2 ** 32 - 1);
                break;
            case 'slow-ms':
                options.slowMs = numberIn(part, value, 0, 600_000);
                break;
            case 'late-ms':
                options.lateMs = numberIn(part, value, 0, 600_000);
                break;
            case 'retry-after':
                options.retryAfterSeconds = numberIn(part, value, 0, 3600);
                break;
            case 'endpoints':
                options.endpoints = listOf(part, value, FAULT_ENDPOINTS);
                break;
            case 'kinds':
                options.kinds = listOf(part, value, FAULT_KINDS);
                break;
            default:
                throw new Error(`unknown fault setting "${part}" (use rate, seed, endpoints, kinds, slow-ms, late-ms, retry-after)`);
        }
    }
    return options;
}
/** The spec string parseFaultSpec reads, or '' when nothing is injected. `late-ms` only with `late-reply`. */
function describeFaults(options) {
    if (options.rate <= 0)
        return '';
    return [
        `rate=${options.rate}`,
        `seed=${options.seed}`,
        `endpoints=${options.endpoints.join('+')}`,
        `kinds=${options.kinds.join('+')}`,
        `slow-ms=${options.slowMs}`,
        ...(options.kinds.includes('late-reply') ? [`late-ms=${options.lateMs}`] : []),
        `retry-after=${options.retryAfterSeconds}`
    ].join(',');
}
function numberIn(part, value, min, max) {
    const n = Number(value);
    if (value === '' || !Number.isFinite(n) || n < min || n > max) {
        throw new Error(`fault setting "${part}" needs a number from ${min} to ${max}`);
    }
    return n;
}
function listOf(part, value, allowed) {
    const items = value
        .split('+')
        .map(item => item.trim())
        .filter(Boolean);
    const unknown = items.filter(item => !allowed.includes(item));
    if (items.length === 0 || unknown.length > 0) {
        throw new Error(`fault setting "${part}" takes ${allowed.join(', ')} joined by +`);
    }
    return items;
}
/** A small, fast, seedable PRNG: the same seed gives the same sequence on every machine. */
function mulberry32(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}


/***/ }),

/***/ 147:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  NK: () => (/* reexport */ EMULATOR_API_KEY),
  zQ: () => (/* reexport */ S3_DIALECTS),
  K: () => (/* reexport */ STATE_PATH),
  sJ: () => (/* binding */ startEmulator)
});

// UNUSED EXPORTS: GENERATE_PRESIGNED_PATH, UPLOAD_FILE_PATH

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
;// CONCATENATED MODULE: ./emulator/signer.ts

const ACCESS_KEY_ID = 'AKIANETIKSEMULATOR01';
const SECRET_ACCESS_KEY = 'netiks-emulator-secret-access-key';
const REGION = 'us-east-1';
const SERVICE = 's3';
const ALGORITHM = 'AWS4-HMAC-SHA256';
/** What S3 presigned URLs sign as the payload: the body is not part of the signature. */
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const REQUIRED_PARAMS = [
    'X-Amz-Algorithm',
    'X-Amz-Credential',
    'X-Amz-Date',
    'X-Amz-Expires',
    'X-Amz-SignedHeaders',
    'X-Amz-Signature'
];
/**
 * Makes and checks AWS SigV4 query-signed URLs as S3 does: the path is signed exactly as
 * encoded (S3 does not double-encode), the payload is UNSIGNED-PAYLOAD, and `host` and
 * `content-type` are signed headers, so a client that changes either is refused.
 *
 * Written on node:crypto with the day's signing key cached: AWS's own signer derives the key
 * anew for every URL, which made the emulator the bottleneck of the benchmark. A test checks
 * that both produce the same URLs and accept each other's.
 */
class PresignedUrlSigner {
    signingKey = { day: '', key: Buffer.alloc(0) };
    credentials;
    constructor(credentials = {}) {
        this.credentials = {
            accessKeyId: credentials.accessKeyId ?? ACCESS_KEY_ID,
            secretAccessKey: credentials.secretAccessKey ?? SECRET_ACCESS_KEY,
            region: credentials.region ?? REGION
        };
    }
    /** A PUT URL that must be sent with this content type (`host` and `content-type` are signed). */
    async presignPut(options) {
        return await this.presign({ ...options, method: 'PUT' });
    }
    /** A query-signed URL for any method; `content-type` is signed only when one is given. */
    async presign(options) {
        const amzDate = toAmzDate(options.now);
        const headers = [['host', options.host]];
        if (options.contentType !== undefined)
            headers.unshift(['content-type', options.contentType]);
        // The parameters in canonical order, so the query is already canonical.
        const query = `X-Amz-Algorithm=${ALGORITHM}` +
            `&X-Amz-Credential=${encodeRfc3986(`${this.credentials.accessKeyId}/${this.scope(amzDate)}`)}` +
            `&X-Amz-Date=${amzDate}` +
            `&X-Amz-Expires=${options.expiresInSeconds}` +
            `&X-Amz-SignedHeaders=${encodeRfc3986(headers.map(([name]) => name).join(';'))}`;
        const signature = this.sign(options.method, options.encodedPath, query, amzDate, headers);
        return `${options.protocol ?? 'http'}://${options.host}${options.encodedPath}?${query}&X-Amz-Signature=${signature}`;
    }
    /** Returns the reason S3 would refuse this request, or undefined if it is good. */
    async check(request) {
        const missing = REQUIRED_PARAMS.filter(name => !request.query.has(name));
        if (missing.length > 0) {
            return {
                status: 403,
                code: 'AccessDenied',
                message: `Query-string authentication requires the ${missing.join(', ')} parameters`
            };
        }
        const amzDate = request.query.get('X-Amz-Date') ?? '';
        const signingDate = parseAmzDate(amzDate);
        const expiresIn = Number(request.query.get('X-Amz-Expires'));
        if (signingDate === undefined || !Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > 604800) {
            return {
                status: 400,
                code: 'AuthorizationQueryParametersError',
                message: 'X-Amz-Date must be in the ISO8601 Long Format and X-Amz-Expires between 1 and 604800'
            };
        }
        if (!(request.query.get('X-Amz-Credential') ?? '').startsWith(`${this.credentials.accessKeyId}/`)) {
            return {
                status: 403,
                code: 'InvalidAccessKeyId',
                message: 'The AWS Access Key Id you provided does not exist in our records.'
            };
        }
        const expected = this.expectedSignature(request, amzDate);
        if (!sameText(expected, request.query.get('X-Amz-Signature') ?? '')) {
            return {
                status: 403,
                code: 'SignatureDoesNotMatch',
                message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'
            };
        }
        if (request.now.getTime() > signingDate.getTime() + expiresIn * 1000) {
            return { status: 403, code: 'AccessDenied', message: 'Request has expired', expired: true };
        }
        return undefined;
    }
    expectedSignature(request, amzDate) {
        const headers = [];
        // Node gives header names in lower case; SigV4 lists them sorted.
        for (const name of (request.query.get('X-Amz-SignedHeaders') ?? '').toLowerCase().split(';').sort()) {
            const value = request.headers[name];
            if (typeof value !== 'string')
                return undefined;
            headers.push([name, value]);
        }
        const query = [];
        const seen = new Set();
        for (const [key, value] of request.query) {
            if (key !== 'X-Amz-Signature' && !seen.has(key))
                query.push([key, value]);
            seen.add(key);
        }
        return this.sign(request.method, request.rawPath, canonicalQuery(query), amzDate, headers);
    }
    /** The SigV4 signature; `headers` are the signed headers, lower-case and in order. */
    sign(method, encodedPath, canonicalQueryString, amzDate, headers) {
        const canonicalRequest = [
            method,
            encodedPath,
            canonicalQueryString,
            headers.map(([name, value]) => `${name}:${value.trim().replace(/\s+/g, ' ')}\n`).join(''),
            headers.map(([name]) => name).join(';'),
            UNSIGNED_PAYLOAD
        ].join('\n');
        const stringToSign = [
            ALGORITHM,
            amzDate,
            this.scope(amzDate),
            (0,external_node_crypto_namespaceObject.createHash)('sha256').update(canonicalRequest).digest('hex')
        ].join('\n');
        return (0,external_node_crypto_namespaceObject.createHmac)('sha256', this.keyFor(amzDate.slice(0, 8)))
            .update(stringToSign)
            .digest('hex');
    }
    keyFor(day) {
        if (this.signingKey.day !== day) {
            let key = Buffer.from(`AWS4${this.credentials.secretAccessKey}`);
            for (const part of [day, this.credentials.region, SERVICE, 'aws4_request'])
                key = (0,external_node_crypto_namespaceObject.createHmac)('sha256', key).update(part).digest();
            this.signingKey = { day, key };
        }
        return this.signingKey.key;
    }
    scope(amzDate) {
        return `${amzDate.slice(0, 8)}/${this.credentials.region}/${SERVICE}/aws4_request`;
    }
}
/** Sorted by encoded key, then value, each part RFC 3986-encoded, as SigV4 wants. */
function canonicalQuery(query) {
    return query
        .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)])
        .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
        .map(([key, value]) => `${key}=${value}`)
        .join('&');
}
function toAmzDate(date) {
    return date
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
}
function parseAmzDate(text) {
    const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (!match)
        return undefined;
    const [, y, mo, d, h, mi, s] = match.map(Number);
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}
function sameText(expected, given) {
    if (expected === undefined || expected.length !== given.length)
        return false;
    return (0,external_node_crypto_namespaceObject.timingSafeEqual)(Buffer.from(expected), Buffer.from(given));
}
/** Percent-encodes everything but RFC 3986's unreserved characters, as SigV4 does. */
function encodeRfc3986(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** An object key as a URL path: each segment encoded, the slashes kept. */
function encodeKey(key) {
    return key.split('/').map(encodeRfc3986).join('/');
}

;// CONCATENATED MODULE: ./emulator/external-s3.ts
/**
 * A real S3 (Ceph radosgw, MinIO, AWS) behind the emulator's Netiks API: generate presigns
 * PUT URLs for it, path-style, and confirm asks it with a HEAD whether the object is there.
 * The emulator then holds no bytes of its own; what the S3 holds is the truth.
 */



/** How long the emulator's own HEAD and GET URLs live. */
const OWN_URL_TTL_SECONDS = 60;
class ExternalS3 {
    options;
    signer;
    origin;
    constructor(options) {
        this.options = options;
        this.origin = new URL(options.endpoint);
        if (this.origin.protocol !== 'http:' && this.origin.protocol !== 'https:') {
            throw new Error(`external S3 endpoint must be an http or https URL, got "${options.endpoint}"`);
        }
        this.signer = new PresignedUrlSigner({
            accessKeyId: options.accessKeyId,
            secretAccessKey: options.secretAccessKey,
            region: options.region ?? 'us-east-1'
        });
    }
    /** Where the object lives, path-style: what the API gives as `storage_url`. */
    objectUrl(key) {
        return `${this.origin.origin}${this.encodedPath(key)}`;
    }
    /** A PUT URL signed as S3's presigner signs it: `host` and `content-type`, UNSIGNED-PAYLOAD. */
    async presignPut(options) {
        const { key, ...signing } = options;
        return await this.presign('PUT', key, signing);
    }
    /** A query-signed URL for another method (HEAD, GET, DELETE), e.g. for tests to read objects back. */
    async presign(method, key, options = {}) {
        return await this.signer.presign({
            method,
            host: this.origin.host,
            encodedPath: this.encodedPath(key),
            contentType: options.contentType,
            expiresInSeconds: options.expiresInSeconds ?? OWN_URL_TTL_SECONDS,
            now: options.now ?? new Date(),
            protocol: this.origin.protocol === 'https:' ? 'https' : 'http'
        });
    }
    /**
     * The object at `key` as S3 describes it, or undefined when S3 says 404. Any other answer
     * is an error: the emulator cannot tell whether the object is there.
     */
    async head(key) {
        const url = await this.presign('HEAD', key);
        const { status, headers } = await request('HEAD', url);
        if (status === 404)
            return undefined;
        if (status !== 200)
            throw new Error(`HEAD ${this.objectUrl(key)} on the external S3 answered HTTP ${status}`);
        return {
            key,
            // Not on the emulator's disk: the bytes are held by the external S3.
            diskPath: '',
            size: Number(headers['content-length']),
            etag: String(headers.etag ?? '').replace(/"/g, ''),
            contentType: String(headers['content-type'] ?? '')
        };
    }
    encodedPath(key) {
        return `/${encodeKey(this.options.bucket)}/${encodeKey(key)}`;
    }
}
async function request(method, url) {
    const client = url.startsWith('https:') ? (external_node_https_default()) : (external_node_http_default());
    return await new Promise((resolve, reject) => {
        const req = client.request(url, { method, agent: false, timeout: 30_000 }, res => {
            res.resume();
            res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
            res.once('error', reject);
        });
        req.once('timeout', () => req.destroy(new Error(`${method} to the external S3 timed out`)));
        req.once('error', reject);
        req.end();
    });
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: ./emulator/django-multipart.ts
/**
 * multipart/form-data read the way the real Netiks backend reads it: Django's MultiPartParser
 * (Django REST Framework hands uploads to it). What decides the name an upload is recorded
 * under is Django's own header parsing, not RFC 7578 or what browsers do, so it is copied here
 * step by step from Django 3.2 (`django/http/multipartparser.py`: `parse_header`,
 * `_parse_header_params`, `parse_boundary_stream`, `BoundaryIter`, `sanitize_file_name`) and
 * checked against real Django by __tests__/e2e/django-multipart.test.ts.
 *
 * Django 3.2 works on the header's bytes. Here those bytes are held in a 'latin1' string, one
 * character per byte, until Django itself would decode them.
 */


/** Django gives up on a part whose headers do not end within its first 1024 bytes. */
const MAX_HEADER_BYTES = 1024;
/** Django's DATA_UPLOAD_MAX_MEMORY_SIZE default; only bounds what is kept of a form field. */
const MAX_FIELD_BYTES = 2.5 * 1024 * 1024;
/** A request Django refuses to parse: DRF answers 400 "Multipart form parse error - …". */
class MultipartParseError extends Error {
    constructor(message) {
        super(message);
        this.name = 'MultipartParseError';
    }
}
/** An exception Django does not catch while parsing (a 500 from the server). */
class MultipartCrashError extends Error {
    constructor(message) {
        super(message);
        this.name = 'MultipartCrashError';
    }
}
/** (Written as ranges of UTF-16 code units: surrogates are not ASCII either.) */
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII_RUNS = /[^\u0080-\uffff]+/g;
/** Python's ValueError inside Django's header parsing: the header line is skipped. */
class SkippedHeaderLine extends Error {
}
/**
 * The file name Django 3.2 records for a file part with this Content-Disposition value (the text
 * after `Content-Disposition:`), or undefined when Django sees no file in it. A string is taken
 * as the header's UTF-8 text; a Buffer as its raw bytes.
 *
 * - `filename*=charset'lang'…` (RFC 2231/5987) is percent-decoded in that charset, but only
 *   when the parameter holds exactly two `'`; otherwise it is kept as it came. It is stored
 *   under `filename`, so of `filename` and `filename*` the one LAST in the header wins.
 * - Inside a quoted value `\\` becomes `\` and then `\"` becomes `"` (two plain replaces, so
 *   `\\"` ends as `"`); nothing else is unescaped, `%22` included. A `;` splits parameters
 *   unless an odd number of `"` (escaped or not) comes before it.
 * - The name is then HTML-unescaped (`&amp;` → `&`, `&#47;` → `/`, `&copy2` → `©2`), and
 *   only what follows the last `/`, then the last `\`, is kept; `''`, `.` and `..` are no file.
 * - A name over 255 characters is cut to 255, its extension kept.
 * - A part without a `name` parameter is no file either.
 */
function djangoFileName(contentDisposition) {
    const bytes = typeof contentDisposition === 'string' ? Buffer.from(contentDisposition, 'utf8') : contentDisposition;
    let line;
    try {
        line = parseHeaderLine(`content-disposition:${bytes.toString('latin1')}`);
    }
    catch (error) {
        if (error instanceof SkippedHeaderLine)
            return undefined;
        throw error;
    }
    return fileNameOf(line);
}
function fileNameOf(disposition) {
    const raw = disposition.params.get('filename');
    if (raw === undefined || django_multipart_valueOf(raw) === '' || !disposition.params.has('name'))
        return undefined;
    const name = sanitizeFileName('text' in raw ? raw.text : decodeUtf8(raw.bytes));
    return name === undefined ? undefined : uploadedFileName(name);
}
/**
 * Django's `UploadedFile._set_name`: a name longer than 255 characters is cut to 255, keeping
 * its extension (as `os.path.splitext` finds it) whole.
 */
function uploadedFileName(name) {
    const chars = Array.from(name);
    if (chars.length <= 255)
        return name;
    const dot = chars.lastIndexOf('.');
    const hasExtension = dot > 0 && chars.slice(0, dot).some(c => c !== '.');
    const stem = hasExtension ? chars.slice(0, dot) : chars;
    const extension = (hasExtension ? chars.slice(dot) : []).slice(0, 255);
    return [...stem.slice(0, 255 - extension.length), ...extension].join('');
}
/** Django's `MultiPartParser.sanitize_file_name`; undefined for a name it throws away. */
function sanitizeFileName(name) {
    let result = htmlUnescape(name);
    result = result.slice(result.lastIndexOf('/') + 1);
    result = result.slice(result.lastIndexOf('\\') + 1);
    return result === '' || result === '.' || result === '..' ? undefined : result;
}
/** Django's `_parse_header` over one header line (latin1 bytes): throws SkippedHeaderLine. */
function parseHeaderLine(line) {
    const plist = splitParams(`;${line}`);
    const key = asciiLower(plist.shift() ?? '');
    requireAscii(key);
    const params = new Map();
    for (const p of plist) {
        const i = p.indexOf('=');
        if (i < 0)
            continue;
        let hasEncoding = false;
        let name = asciiLower(stripBytes(p.slice(0, i)));
        requireAscii(name);
        if (name.endsWith('*')) {
            name = name.slice(0, -1);
            if (countOf(p, "'", p.length) === 2)
                hasEncoding = true;
        }
        let value = stripBytes(p.slice(i + 1));
        if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
            value = value.slice(1, -1).replaceAll('\\\\', '\\').replaceAll('\\"', '"');
        }
        if (hasEncoding) {
            const parts = value.split("'");
            if (parts.length !== 3)
                throw new SkippedHeaderLine('not enough values to unpack');
            const [charset, , encoded] = parts;
            params.set(name, { text: pythonUnquote(decodeUtf8Strict(encoded), decodeUtf8Strict(charset)) });
        }
        else {
            params.set(name, { bytes: value });
        }
    }
    const colon = key.indexOf(':');
    if (colon < 0)
        throw new SkippedHeaderLine('Invalid header');
    return { name: key.slice(0, colon), value: key.slice(colon + 1), params };
}
/** Django's `_parse_header_params`: a `;` inside an odd number of `"` does not split. */
function splitParams(text) {
    const plist = [];
    let s = text;
    while (s.startsWith(';')) {
        s = s.slice(1);
        let end = s.indexOf(';');
        while (end > 0 && countOf(s, '"', end) % 2 === 1)
            end = s.indexOf(';', end + 1);
        if (end < 0)
            end = s.length;
        plist.push(stripBytes(s.slice(0, end)));
        s = s.slice(end);
    }
    return plist;
}
function countOf(text, char, end) {
    let n = 0;
    for (let i = 0; i < end; i++)
        if (text[i] === char)
            n++;
    return n;
}
/** Python's `bytes.strip()`: ASCII whitespace only. */
function stripBytes(text) {
    return text.replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '');
}
/** Python's `bytes.lower()`: ASCII letters only. */
function asciiLower(text) {
    return text.replace(/[A-Z]/g, c => c.toLowerCase());
}
function requireAscii(text) {
    if (NON_ASCII.test(text))
        throw new SkippedHeaderLine("'ascii' codec can't decode");
}
function django_multipart_valueOf(value) {
    return 'text' in value ? value.text : value.bytes;
}
/** Python's `bytes.decode('utf-8', 'replace')` (a BOM is kept, as Python keeps it). */
function decodeUtf8(latin1) {
    return utf8Decoder().decode(Buffer.from(latin1, 'latin1'));
}
function utf8Decoder() {
    return new TextDecoder('utf-8', { ignoreBOM: true });
}
/** Python's strict `bytes.decode()`; its UnicodeDecodeError is a ValueError: the line is skipped. */
function decodeUtf8Strict(latin1) {
    try {
        return new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(Buffer.from(latin1, 'latin1'));
    }
    catch {
        throw new SkippedHeaderLine("'utf-8' codec can't decode");
    }
}
/**
 * Python's `urllib.parse.unquote(text, encoding, errors='replace')`: each run of ASCII is
 * percent-decoded to bytes and decoded in `encoding`; other characters stay as they are.
 */
function pythonUnquote(text, encoding) {
    if (!text.includes('%'))
        return text;
    return text.replace(ASCII_RUNS, run => decodeBytes(percentDecode(run), encoding));
}
function percentDecode(run) {
    const bytes = [];
    for (let i = 0; i < run.length; i++) {
        const hex = run.slice(i + 1, i + 3);
        if (run[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
            bytes.push(parseInt(hex, 16));
            i += 2;
        }
        else {
            bytes.push(run.charCodeAt(i));
        }
    }
    return Buffer.from(bytes);
}
const UTF8_NAMES = new Set(['utf_8', 'utf8', 'u8', 'utf', 'cp65001', 'utf8_ucs2', 'utf8_ucs4']);
const LATIN1_NAMES = new Set(['latin_1', 'latin1', 'latin', 'l1', 'iso_8859_1', 'iso8859_1', '8859', 'cp819']);
const ASCII_NAMES = new Set(['ascii', 'us_ascii', 'us', '646', 'ansi_x3.4_1968', 'cp367', 'iso646_us']);
/**
 * Python's `bytes.decode(encoding, 'replace')` for the charsets a client would name; others go
 * to the WHATWG decoder of that label, and one neither knows is Python's LookupError, which
 * Django does not catch.
 */
function decodeBytes(bytes, encoding) {
    const name = encoding.toLowerCase().replace(/[^a-z0-9.]+/g, '_');
    if (UTF8_NAMES.has(name))
        return utf8Decoder().decode(bytes);
    if (LATIN1_NAMES.has(name))
        return bytes.toString('latin1');
    if (ASCII_NAMES.has(name))
        return Array.from(bytes, b => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('');
    try {
        return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    }
    catch {
        throw new MultipartCrashError(`LookupError: unknown encoding: ${encoding}`);
    }
}
// --- html.unescape, as Python 3 has it ---------------------------------------------------------
/** Python's `html.entities.html5`, written out by `python3 -c 'import html.entities, json; …'`. */
let html5Entities;
function entities() {
    html5Entities ??= JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(new URL(/* asset import */ __nccwpck_require__(201), __nccwpck_require__.b), 'utf8'));
    return html5Entities;
}
/** Python's `html._invalid_charrefs`: code points a numeric reference maps elsewhere. */
const INVALID_CHARREFS = {
    0x00: '\ufffd',
    0x0d: '\r',
    0x80: '\u20ac',
    0x81: '\x81',
    0x82: '\u201a',
    0x83: '\u0192',
    0x84: '\u201e',
    0x85: '\u2026',
    0x86: '\u2020',
    0x87: '\u2021',
    0x88: '\u02c6',
    0x89: '\u2030',
    0x8a: '\u0160',
    0x8b: '\u2039',
    0x8c: '\u0152',
    0x8d: '\x8d',
    0x8e: '\u017d',
    0x8f: '\x8f',
    0x90: '\x90',
    0x91: '\u2018',
    0x92: '\u2019',
    0x93: '\u201c',
    0x94: '\u201d',
    0x95: '\u2022',
    0x96: '\u2013',
    0x97: '\u2014',
    0x98: '\u02dc',
    0x99: '\u2122',
    0x9a: '\u0161',
    0x9b: '\u203a',
    0x9c: '\u0153',
    0x9d: '\x9d',
    0x9e: '\u017e',
    0x9f: '\u0178'
};
/** Python's `html._invalid_codepoints`: a numeric reference to one of them is dropped. */
function isInvalidCodepoint(n) {
    return ((n >= 0x1 && n <= 0x8) ||
        n === 0xb ||
        (n >= 0xe && n <= 0x1f) ||
        (n >= 0x7f && n <= 0x9f) ||
        (n >= 0xfdd0 && n <= 0xfdef) ||
        (n & 0xfffe) === 0xfffe);
}
const CHARREF = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/gu;
/** Python's `html.unescape`. */
function htmlUnescape(text) {
    if (!text.includes('&'))
        return text;
    return text.replace(CHARREF, (_match, ref) => replaceCharref(ref));
}
function replaceCharref(ref) {
    if (ref.startsWith('#')) {
        const hex = ref[1] === 'x' || ref[1] === 'X';
        const digits = ref.slice(hex ? 2 : 1).replace(/;$/, '');
        const big = BigInt(hex ? `0x${digits}` : digits);
        const n = big > 0x10ffffn ? 0x110000 : Number(big);
        if (n in INVALID_CHARREFS)
            return INVALID_CHARREFS[n];
        if ((n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff)
            return '\ufffd';
        if (isInvalidCodepoint(n))
            return '';
        return String.fromCodePoint(n);
    }
    const table = entities();
    if (Object.hasOwn(table, ref))
        return table[ref];
    // The longest name the text starts with, as long as it has two characters or more.
    const chars = Array.from(ref);
    for (let x = chars.length - 1; x > 1; x--) {
        const prefix = chars.slice(0, x).join('');
        if (Object.hasOwn(table, prefix))
            return table[prefix] + chars.slice(x).join('');
    }
    return `&${ref}`;
}
/**
 * Reads a multipart body as Django does, streaming each file part to `receive` as it arrives
 * (with backpressure). What Django would skip is read and dropped. When `receive` resolved but
 * the body then fails, `discard` is given what it resolved to.
 *
 * Django's own rules, kept: a boundary is `--boundary` anywhere, not only at a line start, and
 * the CR and LF before it are dropped; the bytes before the first boundary are a part like any
 * other; a part whose headers do not end within its first 1024 bytes is skipped; a file part
 * with no boundary after it (the body ended) is not a file.
 */
async function readDjangoMultipart(body, contentType, receive, discard) {
    const scanner = new MultipartScanner(contentType, receive, discard);
    let failure;
    // A failure keeps the body flowing to its end (breaking out would destroy the request, and
    // with it the connection the answer has to go back on); it is thrown once the body is in.
    try {
        for await (const chunk of body) {
            if (failure !== undefined)
                continue;
            scanner.add(chunk);
            await scanner.advance(false).catch(error => (failure = error));
        }
        if (failure === undefined)
            await scanner.advance(true).catch(error => (failure = error));
    }
    catch (error) {
        failure ??= error;
    }
    if (failure !== undefined) {
        await scanner.abort();
        throw failure;
    }
    return scanner.form;
}
/** The reading of one body between its chunks: the bytes not yet decided, and the part they go to. */
class MultipartScanner {
    receive;
    discard;
    form = { files: [], fields: new Map() };
    marker;
    pending = Buffer.alloc(0);
    part;
    constructor(contentType, receive, discard) {
        this.receive = receive;
        this.discard = discard;
        this.marker = Buffer.from(`--${boundaryOf(contentType)}`, 'latin1');
    }
    add(chunk) {
        this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    }
    /** Moves everything decidable in `pending` on; at `eof`, everything. */
    async advance(eof) {
        for (;;) {
            const part = this.part ?? this.startPart(eof);
            if (part === undefined)
                return;
            const at = this.pending.indexOf(this.marker);
            if (at >= 0) {
                await part.write(this.pending.subarray(0, withoutLineBreak(this.pending, at)));
                await part.finish(this.form);
                this.part = undefined;
                this.pending = this.pending.subarray(at + this.marker.length);
                continue;
            }
            if (eof) {
                await part.write(this.pending);
                this.pending = Buffer.alloc(0);
                await part.endOfBody(this.form, this.discard);
                this.part = undefined;
                return;
            }
            // Keep what could be the start of a boundary and the line break before it.
            const keep = this.marker.length + 1;
            if (this.pending.length > keep) {
                await part.write(this.pending.subarray(0, this.pending.length - keep));
                this.pending = Buffer.from(this.pending.subarray(this.pending.length - keep));
            }
            return;
        }
    }
    /** The next part, once enough bytes tell where it ends within its first 1024, or all there is. */
    startPart(eof) {
        const at = this.pending.indexOf(this.marker);
        if (at < 0 && !eof && this.pending.length < MAX_HEADER_BYTES + this.marker.length + 2)
            return undefined;
        const end = at < 0 ? this.pending.length : withoutLineBreak(this.pending, at);
        const window = this.pending.subarray(0, Math.min(MAX_HEADER_BYTES, end));
        const headerEnd = window.indexOf('\r\n\r\n');
        if (headerEnd < 0) {
            this.part = new PartSink('skip');
        }
        else {
            this.part = openPart(window.subarray(0, headerEnd).toString('latin1'), this.receive);
            this.pending = this.pending.subarray(headerEnd + 4);
        }
        return this.part;
    }
    /** Discards every file received so far, and the one being received. */
    async abort() {
        await this.part?.abort(this.discard);
        await Promise.all(this.form.files.map(file => this.discard(file.received)));
    }
}
/** Django's `BoundaryIter._find_boundary`: the LF, then the CR, before the boundary are dropped. */
function withoutLineBreak(data, at) {
    let end = at;
    if (end > 0 && data[end - 1] === 0x0a)
        end--;
    if (end > 0 && data[end - 1] === 0x0d)
        end--;
    return end;
}
/** The boundary from the request's Content-Type, checked as Django checks it. */
function boundaryOf(contentType) {
    if (NON_ASCII.test(contentType)) {
        throw new MultipartParseError(`Invalid non-ASCII Content-Type in multipart: ${contentType}`);
    }
    let boundary;
    try {
        boundary = parseHeaderLine(`content-type:${contentType}`).params.get('boundary');
    }
    catch {
        boundary = undefined;
    }
    const text = boundary === undefined ? undefined : django_multipart_valueOf(boundary);
    // cgi.valid_boundary: printable ASCII, at most 200 characters, not ending in a space.
    if (!text || !/^[ -~]{0,200}[!-~]$/.test(text)) {
        throw new MultipartParseError(`Invalid boundary in multipart: ${text === undefined ? 'None' : text}`);
    }
    return text;
}
/** What one part's headers make of it, as `MultiPartParser._parse` decides. */
function openPart(header, receive) {
    let type = 'raw';
    const lines = new Map();
    for (const text of header.split('\r\n')) {
        let line;
        try {
            line = parseHeaderLine(text);
        }
        catch (error) {
            if (error instanceof SkippedHeaderLine)
                continue;
            throw error;
        }
        if (line.name === 'content-disposition') {
            const filename = line.params.get('filename');
            type = filename !== undefined && django_multipart_valueOf(filename) !== '' ? 'file' : 'field';
        }
        lines.set(line.name, line);
    }
    const disposition = lines.get('content-disposition');
    const name = disposition?.params.get('name');
    if (type === 'raw' || disposition === undefined || name === undefined)
        return new PartSink('skip');
    const fieldName = 'text' in name ? name.text.trim() : decodeUtf8(stripBytes(name.bytes));
    if (type === 'field')
        return new PartSink('field', fieldName);
    const fileName = fileNameOf(disposition);
    if (fileName === undefined)
        return new PartSink('skip');
    const contentType = (lines.get('content-type')?.value ?? '').trim();
    return new PartSink('file', fieldName, { fieldName, fileName, contentType }, receive);
}
/** Where one part's bytes go: nowhere, into a form field, or streamed to `receive`. */
class PartSink {
    kind;
    fieldName;
    file;
    chunks = [];
    size = 0;
    stream;
    received;
    constructor(kind, fieldName = '', file, receive) {
        this.kind = kind;
        this.fieldName = fieldName;
        this.file = file;
        if (kind === 'file' && file !== undefined && receive !== undefined) {
            this.stream = new external_node_stream_namespaceObject.PassThrough();
            this.received = receive(file, this.stream);
            // Seen by finish or abort; until then a failure must not go unhandled.
            this.received.catch(() => undefined);
        }
    }
    async write(bytes) {
        if (bytes.length === 0)
            return;
        if (this.kind === 'field') {
            if (this.size < MAX_FIELD_BYTES)
                this.chunks.push(Buffer.from(bytes));
            this.size += bytes.length;
            return;
        }
        const stream = this.stream;
        if (stream === undefined || stream.destroyed)
            return;
        if (!stream.write(bytes)) {
            await new Promise(resolve => {
                const done = () => {
                    stream.off('drain', done);
                    stream.off('close', done);
                    resolve();
                };
                stream.on('drain', done);
                stream.on('close', done);
            });
        }
    }
    /** A boundary followed the part. */
    async finish(form) {
        if (this.kind === 'field') {
            const value = utf8Decoder().decode(Buffer.concat(this.chunks).subarray(0, MAX_FIELD_BYTES));
            form.fields.set(this.fieldName, [...(form.fields.get(this.fieldName) ?? []), value]);
            return;
        }
        if (this.stream === undefined || this.received === undefined || this.file === undefined)
            return;
        this.stream.end();
        form.files.push({ ...this.file, received: await this.received });
    }
    /** The body ended inside this part: Django keeps a field so cut, but not a file. */
    async endOfBody(form, discard) {
        if (this.kind === 'field')
            return await this.finish(form);
        await this.abort(discard);
    }
    async abort(discard) {
        if (this.stream === undefined || this.received === undefined)
            return;
        this.stream.destroy(new Error('the multipart body ended inside this file'));
        await this.received.then(discard, () => undefined);
    }
}

// EXTERNAL MODULE: ./emulator/faults.ts
var faults = __nccwpck_require__(767);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(455);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./emulator/store.ts





/** Received bytes are written in slices of this size: one write per slice, not per socket read. */
const WRITE_SLICE_BYTES = 1024 * 1024;
/**
 * Files a reset lets go that are kept to be written over (see receive): the largest, up to
 * this many, that no download is reading. An object replaced by a PUT is removed as before.
 */
const SPARE_FILES = 2;
/** Bodies smaller than this get a new file: a spare is kept for the bodies that gain from it. */
const SPARE_MIN_BYTES = 1024 * 1024;
/** The emulator's disk and memory: objects (as S3 holds them) and assets (as Netiks does). */
class EmulatorStore {
    dir;
    ownsDir;
    objects = new Map();
    issued = new Map();
    assets = [];
    /** How many times each s3_path was confirmed: more than once is a duplicate asset. */
    confirmations = new Map();
    digests = new Map();
    nextFile = 0;
    opaqueEtags = 0;
    /** Downloads under way, by disk path: a file being read is never written over. */
    readers = new Map();
    /** Files a reset let go, kept to be written over (see fileFor). */
    spareFiles = [];
    constructor(dir, ownsDir) {
        this.dir = dir;
        this.ownsDir = ownsDir;
    }
    static async open(dir) {
        const root = dir ?? (await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'netiks-emulator-')));
        await (0,promises_.mkdir)(external_node_path_default().join(root, 'objects'), { recursive: true });
        return new EmulatorStore(root, dir === undefined);
    }
    /**
     * Streams a body to a temp file, a slice at a time; never holds it in memory. Nothing is
     * hashed here (sha256Of does that when asked), so the emulator keeps up with a fast client:
     * a server that hashes inline on the same core would be the bottleneck of a benchmark.
     *
     * A body of a MiB or more is written over a file a reset let go, when there is one. On a VM
     * that hands freed memory back to its host (this machine's Firecracker reports free pages),
     * a new 512 MiB file cost the emulator 0.5 to 1.4 s more of kernel time now and then, its
     * pages faulted in again at the host: noise in the benchmark that has nothing to do with
     * the client. Writing over pages that are already there does not wait on the host.
     */
    async receive(body, options = {}) {
        // Each body gets a file of its own, so a failed PUT never touches the object it would replace.
        const { diskPath, fd, spare } = this.fileFor(options.expectedBytes);
        const md5 = options.md5 ? (0,external_node_crypto_namespaceObject.createHash)('md5') : undefined;
        let size = 0;
        let slice = [];
        let sliceBytes = 0;
        const started = Date.now();
        try {
            for await (const chunk of body) {
                md5?.update(chunk);
                size += chunk.length;
                if (options.bytesPerSecond)
                    await keepToRate(size, options.bytesPerSecond, started);
                slice.push(chunk);
                sliceBytes += chunk.length;
                if (sliceBytes >= WRITE_SLICE_BYTES) {
                    writeFully(fd, Buffer.concat(slice, sliceBytes));
                    slice = [];
                    sliceBytes = 0;
                }
            }
            if (sliceBytes > 0)
                writeFully(fd, Buffer.concat(slice, sliceBytes));
            if (spare)
                (0,external_node_fs_namespaceObject.ftruncateSync)(fd, size);
        }
        catch (error) {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
            await this.discard(diskPath);
            throw error;
        }
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        return { diskPath, size, md5: md5?.digest('base64') };
    }
    /**
     * A file for a body of about `expectedBytes` (a Content-Length, or a multipart request's, which
     * is a little more than its file): for a MiB or more, the smallest spare that holds it or else
     * the largest; otherwise, or when the spare cannot be opened, a new file.
     */
    fileFor(expectedBytes) {
        if (expectedBytes !== undefined && expectedBytes >= SPARE_MIN_BYTES) {
            const bySize = [...this.spareFiles].sort((a, b) => a.size - b.size);
            const chosen = bySize.find(file => file.size >= expectedBytes) ?? bySize.at(-1);
            if (chosen !== undefined) {
                this.spareFiles = this.spareFiles.filter(file => file !== chosen);
                try {
                    return { diskPath: chosen.diskPath, fd: (0,external_node_fs_namespaceObject.openSync)(chosen.diskPath, 'r+'), spare: true };
                }
                catch {
                    // Gone or unusable: a new file does as well.
                }
            }
        }
        const diskPath = external_node_path_default().join(this.dir, 'objects', `${this.nextFile++}`);
        return { diskPath, fd: (0,external_node_fs_namespaceObject.openSync)(diskPath, 'w'), spare: false };
    }
    /** A download of the object's bytes; its file is not written over while it is read. */
    readObject(object) {
        const { diskPath } = object;
        this.readers.set(diskPath, (this.readers.get(diskPath) ?? 0) + 1);
        const stream = (0,external_node_fs_namespaceObject.createReadStream)(diskPath);
        stream.once('close', () => {
            const left = (this.readers.get(diskPath) ?? 1) - 1;
            if (left > 0)
                this.readers.set(diskPath, left);
            else
                this.readers.delete(diskPath);
        });
        return stream;
    }
    /** SHA-256 (hex) of the bytes held at `key`, hashed from disk on first use. */
    sha256Of(key) {
        const object = this.objects.get(key);
        if (object === undefined)
            return '';
        let digest = this.digests.get(key);
        if (digest === undefined) {
            digest = hashFileSync(object.diskPath);
            this.digests.set(key, digest);
        }
        return digest;
    }
    async discard(diskPath) {
        await (0,promises_.unlink)(diskPath).catch(() => undefined);
    }
    /** Makes a received body the object at `key`, replacing any earlier one (as S3 does). */
    async putObject(key, body, contentType) {
        const replaced = this.objects.get(key);
        const stored = {
            key,
            diskPath: body.diskPath,
            size: body.size,
            etag: body.md5 ? Buffer.from(body.md5, 'base64').toString('hex') : this.opaqueEtag(),
            contentType
        };
        this.objects.set(key, stored);
        this.digests.delete(key);
        if (replaced)
            await this.discard(replaced.diskPath);
        return stored;
    }
    /** An ETag that is not an MD5, as S3 answers for encrypted objects. */
    opaqueEtag() {
        return (0,external_node_crypto_namespaceObject.createHash)('md5').update(`${this.dir}:${this.opaqueEtags++}`).digest('hex');
    }
    addAsset(object, name, storageUrl, mode) {
        const asset = {
            id: (0,external_node_crypto_namespaceObject.randomUUID)(),
            asset_name: name,
            storage_url: storageUrl,
            s3_path: object.key,
            file_size: object.size,
            format: external_node_path_default().extname(name).replace(/^\./, '').toLowerCase() || 'bin',
            content_type: object.contentType,
            sha256: '',
            mode,
            created_at: new Date().toISOString()
        };
        this.assets.push(asset);
        if (mode === 'presigned') {
            this.confirmations.set(object.key, (this.confirmations.get(object.key) ?? 0) + 1);
        }
        return asset;
    }
    async reset() {
        // Everything is forgotten before the first await: a request that comes meanwhile sees an
        // empty store, and no object still names a file kept as a spare.
        const files = [...this.spareFiles, ...[...this.objects.values()].map(({ diskPath, size }) => ({ diskPath, size }))];
        this.objects.clear();
        this.digests.clear();
        this.issued.clear();
        this.assets.length = 0;
        this.confirmations.clear();
        // The largest files no download is reading are kept: writing over them saves the most.
        const kept = files
            .filter(file => file.diskPath !== '' && !this.readers.has(file.diskPath))
            .sort((a, b) => b.size - a.size)
            .slice(0, SPARE_FILES);
        this.spareFiles = kept;
        await Promise.all(files.filter(file => !kept.includes(file)).map(file => this.discard(file.diskPath)));
    }
    async close() {
        if (this.ownsDir)
            await (0,promises_.rm)(this.dir, { recursive: true, force: true });
    }
}
function writeFully(fd, bytes) {
    for (let written = 0; written < bytes.length;)
        written += (0,external_node_fs_namespaceObject.writeSync)(fd, bytes, written);
}
function hashFileSync(file) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const buffer = Buffer.alloc(WRITE_SLICE_BYTES);
    const fd = (0,external_node_fs_namespaceObject.openSync)(file, 'r');
    try {
        for (let read = (0,external_node_fs_namespaceObject.readSync)(fd, buffer); read > 0; read = (0,external_node_fs_namespaceObject.readSync)(fd, buffer))
            hash.update(buffer.subarray(0, read));
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    return hash.digest('hex');
}
/** Waits until `bytes` would have arrived at `bytesPerSecond`: a slower wire, by backpressure. */
async function keepToRate(bytes, bytesPerSecond, started) {
    const ahead = (bytes / bytesPerSecond) * 1000 - (Date.now() - started);
    if (ahead > 5)
        await new Promise(resolve => setTimeout(resolve, ahead));
}

;// CONCATENATED MODULE: ./emulator/constants.ts
/**
 * The emulator's fixed names, apart from the server so that emulator/action can use them
 * without bundling the server itself.
 */
/** The key the emulator accepts unless told otherwise: `ne-` and 25 alphanumerics, like real keys. */
const EMULATOR_API_KEY = 'ne-EmulatorLocalKey0000001';
/** Everything the emulator holds and has counted, as JSON (see EmulatorState in server.ts). */
const STATE_PATH = '/_emulator/state';
const S3_DIALECTS = ['aws', 'radosgw'];

;// CONCATENATED MODULE: ./emulator/server.ts










const UPLOAD_FILE_PATH = '/api/v1/assets/developer-upload-file/';
const GENERATE_PRESIGNED_PATH = '/api/v1/assets/developer-generate-presigned-url/';
const BUCKET = 'netiks-emulator';
const STORAGE_PREFIX = '/storage/';
const MAX_PUT_BYTES = 5 * 1024 * 1024 * 1024;
const MAX_JSON_BYTES = 1024 * 1024;
class ApiError extends Error {
    status;
    body;
    constructor(status, body) {
        super(`HTTP ${status}`);
        this.status = status;
        this.body = body;
    }
}
/** An answer with a body of its own, like a gateway's HTML error page. */
class RawError extends Error {
    status;
    contentType;
    body;
    constructor(status, contentType, body) {
        super(`HTTP ${status}`);
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }
}
class S3Error extends Error {
    status;
    code;
    s3Message;
    reason;
    constructor(status, code, s3Message, reason = {}) {
        super(`${code}: ${s3Message}`);
        this.status = status;
        this.code = code;
        this.s3Message = s3Message;
        this.reason = reason;
    }
}
/**
 * A Netiks-compatible server (API and S3 side): the state the routes share, and a method per
 * route and per concern (faults, idempotency, errors). `startEmulator` starts one on loopback.
 */
class EmulatorServer {
    options;
    store;
    signer = new PresignedUrlSigner();
    externalS3;
    apiKeys;
    urlTtlSeconds;
    maxBatch;
    s3Dialect;
    requests = { upload: 0, generate: 0, put: 0, confirm: 0, other: 0 };
    faults;
    alwaysFail;
    signatures = [];
    idempotent = new Map();
    idempotency = { replayed: 0, conflicts: 0, mismatches: 0 };
    server;
    generateCalls = 0;
    origin = '';
    timeline = [];
    constructor(options, store) {
        this.options = options;
        this.store = store;
        this.externalS3 = options.externalS3 ? new ExternalS3(options.externalS3) : undefined;
        this.apiKeys = new Set(options.apiKeys ?? [EMULATOR_API_KEY]);
        this.urlTtlSeconds = options.urlTtlSeconds ?? 900;
        this.maxBatch = options.maxBatch ?? 100;
        this.s3Dialect = options.s3Dialect ?? 'aws';
        this.faults = new faults/* FaultInjector */.LW({ ...faults/* DEFAULT_FAULTS */.US, ...options.faults });
        this.alwaysFail = new Set(options.alwaysFail ?? []);
        this.server = external_node_http_default().createServer({ requestTimeout: 0 }, this.receive(false));
        this.server.on('checkContinue', this.receive(true));
    }
    async listen() {
        await new Promise((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
        });
        const address = this.server.address();
        const listening = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        this.origin = `http://${this.options.publicHost ?? listening}:${address.port}`;
    }
    /** What tests and the CLI hold: the address, the state, and reset and close. */
    asEmulator() {
        const { store } = this;
        return {
            url: this.origin,
            port: this.server.address().port,
            apiKey: [...this.apiKeys][0],
            store,
            faultSpec: (0,faults/* describeFaults */.ZM)(this.faults.options),
            state: () => this.state(),
            assetDiskPath: asset => {
                const object = store.objects.get(asset.s3_path);
                if (object === undefined)
                    throw new Error(`no object behind asset ${asset.id}`);
                return object.diskPath;
            },
            timeline: () => [...this.timeline].sort((a, b) => a.start - b.start),
            reset: async () => await this.reset(),
            close: async () => {
                this.server.closeAllConnections();
                await new Promise(resolve => this.server.close(() => resolve()));
                await store.close();
            }
        };
    }
    async reset() {
        await this.store.reset();
        this.timeline = [];
        this.signatures.length = 0;
        this.generateCalls = 0;
        this.idempotent.clear();
        Object.assign(this.idempotency, { replayed: 0, conflicts: 0, mismatches: 0 });
        for (const endpoint of Object.keys(this.requests))
            this.requests[endpoint] = 0;
    }
    /**
     * Every request comes here, whether Node hands it over as a 'request' or, for one sent with
     * `Expect: 100-continue`, as a 'checkContinue' (then nothing is sent until a handler decides).
     */
    receive(awaitingContinue) {
        return (req, res) => {
            const endpoint = classify(req);
            const start = epochMs();
            const readBefore = req.socket.bytesRead;
            this.requests[endpoint]++;
            res.on('close', () => {
                if (endpoint === 'other')
                    return;
                const status = res.headersSent ? res.statusCode : 0;
                this.timeline.push({ endpoint, start, end: epochMs(), status, bytesRead: req.socket.bytesRead - readBefore });
            });
            res.on('finish', () => this.options.log?.(`${req.method} ${(req.url ?? '').split('?')[0]} → ${res.statusCode} (${endpoint})`));
            const exchange = { endpoint, req, res, awaitingContinue };
            this.serve(exchange)
                .catch(error => this.answerError(exchange, error))
                .catch(() => res.destroy());
        };
    }
    /** Latency first; then a fault strikes before the request takes effect, or after. */
    async serve(ex) {
        if (ex.endpoint !== 'other' && this.options.latencyMs) {
            await delay(this.options.latencyMs);
            if (ex.req.socket.destroyed)
                return;
        }
        const fault = this.faults.pick(ex.endpoint);
        if (fault !== undefined && !(0,faults/* strikesAfterEffect */.TI)(fault))
            return await this.injectFault(fault, ex);
        const outcome = await this.handle(ex).then(reply => ({ reply }), (error) => ({ error }));
        if (fault === undefined)
            return await this.deliver(ex, outcome);
        return await this.spoilAnswer(fault, ex, outcome);
    }
    async injectFault(kind, ex) {
        const s3 = ex.endpoint === 'put';
        switch (kind) {
            case 'reset':
                ex.req.socket.resetAndDestroy();
                return;
            case 'slow':
                await delay(this.faults.options.slowMs);
                ex.req.socket.destroy();
                return;
            case 'expired':
                throw this.expiredError();
            case '429': {
                const seconds = this.faults.options.retryAfterSeconds;
                ex.res.setHeader('Retry-After', String(seconds));
                throw s3
                    ? new S3Error(429, 'SlowDown', 'Please reduce your request rate.')
                    : new ApiError(429, { detail: `Request was throttled. Expected available in ${seconds} seconds.` });
            }
            case '500':
                throw serverError(ex.endpoint);
            case '502':
                throw new RawError(502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>');
            case '503':
                throw s3
                    ? new S3Error(503, 'ServiceUnavailable', 'Please reduce your request rate.')
                    : new ApiError(503, { detail: 'Service temporarily unavailable, try again later.' });
            default:
                throw new Error(`fault ${kind} strikes after the request, not before`);
        }
    }
    /** The request took effect (or failed on its own); now its answer is lost, late or a 500. */
    async spoilAnswer(kind, ex, outcome) {
        switch (kind) {
            case 'lost-reply':
                ex.req.socket.resetAndDestroy();
                return;
            case 'late-reply':
                await delay(this.faults.options.lateMs);
                // A client that gave up has closed the connection: there is no one left to answer.
                if (ex.req.socket.destroyed || ex.res.destroyed)
                    return;
                return await this.deliver(ex, outcome);
            case 'commit-then-500':
                return await this.deliver(ex, { error: serverError(ex.endpoint) });
            case 'forged-id':
            case 'forged-size':
            case 'forged-name':
                return await this.deliver(ex, 'reply' in outcome ? { reply: forgedAnswer(kind, outcome.reply) } : outcome);
            default:
                throw new Error(`fault ${kind} strikes before the request, not after`);
        }
    }
    async deliver(ex, outcome) {
        if ('error' in outcome)
            return await this.answerError(ex, outcome.error);
        if (outcome.reply !== undefined)
            send(ex.res, outcome.reply);
    }
    /** A successful answer, or undefined when the handler answered itself (a streamed GET). */
    async handle(ex) {
        switch (ex.endpoint) {
            case 'upload':
                this.checkApiKey(ex.req);
                return await this.idempotently(ex, async (ex) => await this.readUpload(ex), input => this.fingerprintUpload(input), async (input) => await this.commitUpload(input), async (input) => await this.releaseUpload(input));
            case 'confirm':
                this.checkApiKey(ex.req);
                return await this.idempotently(ex, async (ex) => await this.readConfirm(ex), body => this.fingerprintConfirm(body), async (body) => await this.commitConfirm(body), async () => undefined);
            case 'generate':
                this.checkApiKey(ex.req);
                return await this.handleGenerate(ex);
            case 'put':
                return await this.handlePut(ex);
            default:
                return await this.handleOther(ex);
        }
    }
    checkApiKey(req) {
        const key = req.headers['x-api-key'];
        if (key === undefined || key === '') {
            throw new ApiError(401, { detail: 'Authentication credentials were not provided.' });
        }
        if (typeof key !== 'string' || !this.apiKeys.has(key)) {
            throw new ApiError(401, { detail: 'Invalid API key.' });
        }
    }
    /** A client sent `Expect: 100-continue` and the request has passed every check made without its body. */
    continueIfAwaited(ex) {
        if (!ex.awaitingContinue)
            return;
        ex.awaitingContinue = false;
        ex.res.writeContinue();
    }
    /**
     * Runs an asset-creating request: read it, then commit it. With `this.idempotency` on and an
     * `Idempotency-Key` sent, a key seen before (for this API key) is answered from memory: 409
     * while its first request is still being processed, 422 when this request differs from that
     * one, and otherwise that request's answer again, with `Idempotent-Replayed: true`. Only
     * a success is remembered, so a request that failed can be retried with the same key.
     */
    async idempotently(ex, read, fingerprint, commit, release) {
        const header = ex.req.headers['idempotency-key'];
        if (!this.options.idempotency || typeof header !== 'string' || header === '')
            return await commit(await read(ex));
        const key = `${String(ex.req.headers['x-api-key'])}\u0000${header}`;
        const seen = this.idempotent.get(key);
        if (seen?.state === 'processing') {
            this.idempotency.conflicts++;
            throw new ApiError(409, { detail: 'A request with this Idempotency-Key is being processed.' });
        }
        if (seen === undefined)
            this.idempotent.set(key, { state: 'processing' });
        let input;
        try {
            input = await read(ex);
        }
        catch (error) {
            if (seen === undefined)
                this.idempotent.delete(key);
            throw error;
        }
        if (seen !== undefined) {
            await release(input);
            if (fingerprint(input) !== seen.fingerprint) {
                this.idempotency.mismatches++;
                throw new ApiError(422, { detail: 'Idempotency-Key reused with a different request.' });
            }
            this.idempotency.replayed++;
            return { ...seen.reply, headers: { ...seen.reply.headers, 'Idempotent-Replayed': 'true' } };
        }
        try {
            const reply = await commit(input);
            this.idempotent.set(key, { state: 'done', fingerprint: fingerprint(input), reply });
            return reply;
        }
        catch (error) {
            this.idempotent.delete(key);
            throw error;
        }
    }
    /** The `file` field of a multipart body, named as Django names it, on disk. */
    async readUpload(ex) {
        this.continueIfAwaited(ex);
        let form;
        try {
            form = await readDjangoMultipart(ex.req, String(ex.req.headers['content-type'] ?? ''), async (file, stream) => file.fieldName === 'file'
                ? await this.store.receive(stream, {
                    bytesPerSecond: this.options.throttleBytesPerSecond,
                    expectedBytes: Number(ex.req.headers['content-length'] ?? 0) || undefined
                })
                : await dropStream(stream), async (received) => {
                if (received !== undefined)
                    await this.store.discard(received.diskPath);
            });
        }
        catch (error) {
            if (error instanceof MultipartParseError) {
                throw new ApiError(400, { detail: `Multipart form parse error - ${error.message}` });
            }
            if (error instanceof MultipartCrashError)
                throw serverError('upload');
            throw error;
        }
        const files = form.files.flatMap(file => (file.received === undefined ? [] : [{ ...file, body: file.received }]));
        // DRF's request.data['file'] is the last file of that field; the others go unused.
        const chosen = files.pop();
        await Promise.all(files.map(file => this.store.discard(file.body.diskPath)));
        if (chosen === undefined) {
            // A part with `filename=""` is a form field to Django, so DRF finds text where a file should be.
            throw new ApiError(400, {
                file: [
                    form.fields.has('file')
                        ? 'The submitted data was not a file. Check the encoding type on the form.'
                        : 'No file was submitted.'
                ]
            });
        }
        return {
            fileName: chosen.fileName,
            contentType: chosen.contentType || 'application/octet-stream',
            body: chosen.body
        };
    }
    fingerprintUpload(input) {
        return JSON.stringify(['upload', input.fileName, input.body.size]);
    }
    async commitUpload(input) {
        if (this.alwaysFail.has(input.fileName)) {
            await this.store.discard(input.body.diskPath);
            throw serverError('upload');
        }
        const key = `developer-uploads/${(0,external_node_crypto_namespaceObject.randomUUID)()}/${safeName(input.fileName)}`;
        const object = await this.store.putObject(key, input.body, input.contentType);
        const asset = this.store.addAsset(object, input.fileName, this.storageUrlFor(key), 'single');
        return jsonReply(201, { message: 'File uploaded successfully.', asset: assetResponse(asset) });
    }
    async releaseUpload(input) {
        await this.store.discard(input.body.diskPath);
    }
    async handleGenerate(ex) {
        this.continueIfAwaited(ex);
        const body = await readJson(ex.req);
        const files = body.files;
        if (!Array.isArray(files) || files.length === 0) {
            throw new ApiError(400, { files: ['This field is required and must be a non-empty list.'] });
        }
        if (files.length > this.maxBatch) {
            throw new ApiError(400, { files: [`Ensure this field has no more than ${this.maxBatch} elements.`] });
        }
        const fieldErrors = files.map(validatePresignFile);
        if (fieldErrors.some(errors => Object.keys(errors).length > 0)) {
            throw new ApiError(400, { files: fieldErrors });
        }
        this.generateCalls++;
        const expired = this.generateCalls <= (this.options.expiredBatches ?? 0);
        const now = new Date(Date.now() - (expired ? (this.urlTtlSeconds + 60) * 1000 : 0));
        const host = new URL(this.origin).host;
        const presigned_urls = [];
        for (const file of files) {
            const contentType = file.type || 'application/octet-stream';
            const key = `developer-uploads/${(0,external_node_crypto_namespaceObject.randomUUID)()}/${safeName(file.name)}`;
            const presignedUrl = this.externalS3
                ? await this.externalS3.presignPut({ key, contentType, expiresInSeconds: this.urlTtlSeconds, now })
                : await this.signer.presignPut({
                    host,
                    encodedPath: `/${BUCKET}/${encodeKey(key)}`,
                    contentType,
                    expiresInSeconds: this.urlTtlSeconds,
                    now
                });
            this.signatures.push(new URL(presignedUrl).searchParams.get('X-Amz-Signature') ?? '');
            this.store.issued.set(key, {
                s3Path: key,
                fileName: file.name,
                storageUrl: this.storageUrlFor(key),
                contentType,
                declaredSize: file.size
            });
            presigned_urls.push({
                file_name: file.name,
                presigned_url: presignedUrl,
                storage_url: this.storageUrlFor(key),
                s3_path: key,
                content_type: contentType
            });
        }
        return jsonReply(200, { presigned_urls });
    }
    /**
     * S3's order: everything the URL and headers decide is checked before `100 Continue` and
     * before any of the body is read; then the body; then what only the body can tell.
     */
    async handlePut(ex) {
        const { req } = ex;
        const [rawPath, rawQuery = ''] = (req.url ?? '').split(/\?(.*)/s);
        const problem = await this.signer.check({
            method: 'PUT',
            rawPath,
            query: new URLSearchParams(rawQuery),
            headers: req.headers,
            now: new Date()
        });
        if (problem?.expired)
            throw this.expiredError();
        if (problem)
            throw new S3Error(problem.status, problem.code, problem.message, { beforeBody: true });
        const key = decodeKey(rawPath.slice(`/${BUCKET}/`.length));
        const issued = this.store.issued.get(key);
        if (issued === undefined)
            throw new S3Error(403, 'AccessDenied', 'Access Denied', { beforeBody: true });
        const length = req.headers['content-length'];
        if (length === undefined || req.headers['transfer-encoding'] !== undefined) {
            throw new S3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.', {
                beforeBody: true
            });
        }
        const declared = Number(length);
        if (declared > MAX_PUT_BYTES) {
            throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
                beforeBody: true,
                neverRead: true
            });
        }
        this.continueIfAwaited(ex);
        if (this.alwaysFail.has(issued.fileName)) {
            throw new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
        }
        const contentMd5 = req.headers['content-md5'];
        const body = await this.store.receive(req, {
            md5: typeof contentMd5 === 'string',
            bytesPerSecond: this.options.throttleBytesPerSecond,
            expectedBytes: declared
        });
        if (body.size !== declared) {
            await this.store.discard(body.diskPath);
            throw new S3Error(400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header');
        }
        if (typeof contentMd5 === 'string' && contentMd5 !== body.md5) {
            await this.store.discard(body.diskPath);
            throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
        }
        const object = await this.store.putObject(key, body, String(req.headers['content-type'] ?? ''));
        return { status: 200, headers: { ETag: `"${object.etag}"` }, body: '' };
    }
    async readConfirm(ex) {
        this.continueIfAwaited(ex);
        return (await readJson(ex.req));
    }
    fingerprintConfirm(body) {
        return JSON.stringify(['confirm', canonical(body)]);
    }
    async commitConfirm(body) {
        if (body.is_presigned !== true) {
            throw new ApiError(400, { file: ['No file was submitted.'] });
        }
        const errors = {};
        for (const field of ['file_name', 's3_path', 'storage_url']) {
            if (typeof body[field] !== 'string' || body[field] === '')
                errors[field] = ['This field is required.'];
        }
        if (!Number.isInteger(body.file_size) || body.file_size < 0) {
            errors.file_size = ['A valid non-negative integer is required.'];
        }
        if (Object.keys(errors).length > 0)
            throw new ApiError(400, errors);
        const s3Path = body.s3_path;
        const issued = this.store.issued.get(s3Path);
        if (issued === undefined) {
            throw new ApiError(400, { s3_path: ['No presigned URL was generated for this path.'] });
        }
        const object = this.externalS3 ? await this.externalS3.head(s3Path) : this.store.objects.get(s3Path);
        if (object === undefined) {
            throw new ApiError(400, { s3_path: ['No uploaded file was found at this path. PUT the file before confirming.'] });
        }
        if (object.size !== body.file_size) {
            throw new ApiError(400, {
                file_size: [`The uploaded file has ${object.size} bytes, not ${String(body.file_size)}.`]
            });
        }
        const asset = this.store.addAsset(object, issued.fileName, issued.storageUrl, 'presigned');
        return jsonReply(201, { message: 'File uploaded successfully.', asset: assetResponse(asset) });
    }
    async handleOther(ex) {
        const { req, res } = ex;
        const urlPath = (req.url ?? '').split('?')[0];
        if (req.method === 'GET' && urlPath === STATE_PATH)
            return jsonReply(200, this.state());
        if (req.method === 'GET' && urlPath.startsWith(STORAGE_PREFIX)) {
            const object = this.store.objects.get(decodeKey(urlPath.slice(STORAGE_PREFIX.length)));
            if (object !== undefined) {
                res.writeHead(200, { 'Content-Type': object.contentType, 'Content-Length': object.size });
                this.store.readObject(object).pipe(res);
                return undefined;
            }
        }
        throw new ApiError(404, { detail: 'Not found.' });
    }
    /** AWS S3's or radosgw's words for an expired URL; decided before the body, as S3 decides it. */
    expiredError() {
        return new S3Error(403, 'AccessDenied', this.s3Dialect === 'radosgw' ? '' : 'Request has expired', {
            beforeBody: true,
            expired: true
        });
    }
    /**
     * Answers an error. A client still waiting for `100 Continue` sends no body: it gets the
     * answer at once. A refusal S3 makes from the URL and headers is answered at once in early-
     * answer mode (and a body over 5 GiB always is): nothing of the body is read, and the
     * connection is closed once the answer is out. Otherwise a body not yet read is read to its
     * end and dropped first, so a client that only reads once it has sent everything still gets
     * the answer; the connection is closed after such an answer all the same.
     */
    async answerError(ex, error) {
        const { req, res } = ex;
        if (res.headersSent) {
            res.destroy();
            return;
        }
        const reply = this.errorReply(error);
        if (!req.complete) {
            reply.headers.Connection = 'close';
            if (ex.awaitingContinue)
                return send(res, reply);
            if (error instanceof S3Error &&
                (error.reason.neverRead || (error.reason.beforeBody && this.options.s3EarlyAnswer))) {
                res.once('finish', () => req.socket.destroy());
                return send(res, reply);
            }
            await drain(req);
            if (req.socket.destroyed)
                return;
        }
        send(res, reply);
    }
    errorReply(error) {
        if (error instanceof S3Error) {
            const xml = error.reason.expired && this.s3Dialect === 'radosgw' ? radosgwErrorXml(error) : awsErrorXml(error);
            return { status: error.status, headers: { 'Content-Type': 'application/xml' }, body: xml };
        }
        if (error instanceof ApiError)
            return jsonReply(error.status, error.body);
        if (error instanceof RawError) {
            return { status: error.status, headers: { 'Content-Type': error.contentType }, body: error.body };
        }
        return jsonReply(500, { detail: 'A server error occurred.' });
    }
    storageUrlFor(key) {
        return this.externalS3?.objectUrl(key) ?? `${this.origin}${STORAGE_PREFIX}${encodeKey(key)}`;
    }
    state() {
        return {
            assets: this.store.assets.map(asset => ({ ...asset, sha256: this.store.sha256Of(asset.s3_path) })),
            objects: [...this.store.objects.values()].map(({ diskPath: _diskPath, ...rest }) => ({
                ...rest,
                sha256: this.store.sha256Of(rest.key)
            })),
            requests: { ...this.requests },
            confirmations: Object.fromEntries(this.store.confirmations),
            faults: this.faults.summary(),
            signatures: [...this.signatures],
            idempotency: { ...this.idempotency }
        };
    }
}
/** Starts a Netiks-compatible server (API and S3 side) on loopback. */
async function startEmulator(options = {}) {
    const emulator = new EmulatorServer(options, await EmulatorStore.open(options.dataDir));
    await emulator.listen();
    return emulator.asEmulator();
}
function classify(req) {
    const urlPath = (req.url ?? '').split('?')[0];
    if (req.method === 'PUT' && urlPath.startsWith(`/${BUCKET}/`))
        return 'put';
    if (req.method !== 'POST')
        return 'other';
    if (urlPath === GENERATE_PRESIGNED_PATH)
        return 'generate';
    if (urlPath !== UPLOAD_FILE_PATH)
        return 'other';
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    return type.startsWith('multipart/form-data') ? 'upload' : 'confirm';
}
function validatePresignFile(file) {
    const errors = {};
    const record = (file ?? {});
    if (typeof record.name !== 'string' || record.name.trim() === '')
        errors.name = ['This field is required.'];
    if (!Number.isInteger(record.size) || record.size < 0) {
        errors.size = ['A valid non-negative integer is required.'];
    }
    if (record.type !== undefined && typeof record.type !== 'string')
        errors.type = ['Not a valid string.'];
    return errors;
}
/** The server's own failure, in the words of the side that failed. */
function serverError(endpoint) {
    return endpoint === 'put'
        ? new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.')
        : new ApiError(500, { detail: 'A server error occurred.' });
}
/**
 * Reads a JSON object body. Too large a body is still read to its end before the 413 (breaking
 * off would destroy the request, and the connection the answer goes back on).
 */
async function readJson(req) {
    const type = String(req.headers['content-type'] ?? '');
    if (!type.toLowerCase().startsWith('application/json')) {
        throw new ApiError(415, { detail: `Unsupported media type "${type}" in request.` });
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size <= MAX_JSON_BYTES)
            chunks.push(chunk);
    }
    if (size > MAX_JSON_BYTES)
        throw new ApiError(413, { detail: 'Request body too large.' });
    try {
        const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new Error('not an object');
        return parsed;
    }
    catch (error) {
        throw new ApiError(400, { detail: `JSON parse error - ${error.message}` });
    }
}
/** JSON with object keys sorted, so two equal bodies compare equal whatever their key order. */
function canonical(value) {
    if (Array.isArray(value))
        return value.map(canonical);
    if (value === null || typeof value !== 'object')
        return value;
    return Object.fromEntries(Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, canonical(item)]));
}
function assetResponse(asset) {
    return {
        id: asset.id,
        asset_name: asset.asset_name,
        storage_url: asset.storage_url,
        location: null,
        location_name: null,
        format: asset.format,
        file_size: asset.file_size,
        dimensions: null,
        access: 'private',
        created_by: 'developer-api',
        last_updated_by: 'developer-api',
        created_at: asset.created_at,
        last_updated: asset.created_at
    };
}
/** A created asset's answer with one field forged (see FORGED_ANSWER_KINDS); any other answer as it is. */
function forgedAnswer(kind, reply) {
    if (reply === undefined || reply.status !== 201)
        return reply;
    const body = JSON.parse(reply.body);
    const { asset } = body;
    if (kind === 'forged-id')
        asset.id = `${String(asset.id)}\n::error::forged`;
    if (kind === 'forged-size')
        asset.file_size = Number(asset.file_size) + 1;
    if (kind === 'forged-name')
        asset.asset_name = `${String(asset.asset_name)}\n::error::forged`;
    return { ...reply, body: JSON.stringify(body) };
}
function jsonReply(status, body) {
    return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
function send(res, reply) {
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
}
function awsErrorXml(error) {
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<Error><Code>${error.code}</Code><Message>${escapeXml(error.s3Message)}</Message>` +
        `<RequestId>${(0,external_node_crypto_namespaceObject.randomUUID)()}</RequestId></Error>`);
}
/** As Ceph radosgw (Debian bookworm's 16.2) writes it: no Message element when it has none. */
function radosgwErrorXml(error) {
    const transaction = `tx00000${(0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex')}-${Math.floor(Date.now() / 1000)
        .toString(16)
        .padStart(8, '0')}-1a2b-default`;
    return ('<?xml version="1.0" encoding="UTF-8"?>' +
        `<Error><Code>${error.code}</Code>` +
        (error.s3Message ? `<Message>${escapeXml(error.s3Message)}</Message>` : '') +
        `<BucketName>${BUCKET}</BucketName><RequestId>${transaction}</RequestId>` +
        '<HostId>1a2b-default-default</HostId></Error>');
}
/** Reads a request body to its end and drops it; resolves early if the connection goes. */
async function drain(req) {
    if (req.readableEnded || req.destroyed)
        return;
    await new Promise(resolve => {
        req.once('end', resolve);
        req.once('close', resolve);
        req.resume();
    });
}
async function dropStream(stream) {
    for await (const _chunk of stream) {
        // dropped
    }
    return undefined;
}
/** Wall-clock milliseconds with sub-millisecond precision. */
function epochMs() {
    return performance.timeOrigin + performance.now();
}
async function delay(ms) {
    await new Promise(resolve => setTimeout(resolve, ms).unref());
}
function escapeXml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function decodeKey(encoded) {
    try {
        return encoded.split('/').map(decodeURIComponent).join('/');
    }
    catch {
        return '';
    }
}
function safeName(name) {
    return external_node_path_default().basename(name.replace(/\\/g, '/')) || 'file';
}


/***/ }),

/***/ 201:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__.p + "1cdacc2969dc1134de36.json";

/***/ }),

/***/ 455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

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
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
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
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
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
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/publicPath */
/******/ (() => {
/******/ 	var scriptUrl;
/******/ 	if (typeof import.meta.url === "string") scriptUrl = import.meta.url
/******/ 	// When supporting browsers where an automatic publicPath is not supported you must specify an output.publicPath manually via configuration
/******/ 	// or pass an empty string ("") and set the __webpack_public_path__ variable from your code to use your own logic.
/******/ 	if (!scriptUrl) throw new Error("Automatic publicPath is not supported in this browser");
/******/ 	scriptUrl = scriptUrl.replace(/#.*$/, "").replace(/\?.*$/, "").replace(/\/[^\/]+$/, "/");
/******/ 	__nccwpck_require__.p = scriptUrl;
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	__nccwpck_require__.b = new URL("./", import.meta.url);
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	// no install chunk
/******/ 	
/******/ 	// no chunk on demand loading
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
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(466);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
