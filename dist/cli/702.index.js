export const id = 702;
export const ids = [702];
export const modules = {

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit)
/* harmony export */ });
/* unused harmony export KeyguardOctokit */
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9988);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);





/** One Octokit stack for the action and the CLI: REST methods, GitHub's throttling, bounded retries. */
const KeyguardOctokit = _octokit_rest__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L);
const MAX_RATE_LIMIT_RETRIES = 2;
/** Issue and comment creation: not idempotent, so never retried by the retry plugin. */
const CREATES = /^(?:POST )?\/repos\/\{owner\}\/\{repo\}\/issues(?:\/\{issue_number\}\/comments)?$/;
function createOctokit(options) {
    const { logger } = options;
    const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
    const octokit = new KeyguardOctokit({
        auth: options.token,
        baseUrl,
        userAgent: 'keyguard',
        // Failed requests are thrown to the caller, which says what they meant: an expected 404 (a
        // label not created yet) is no warning, and a real failure is reported once, not per retry.
        log: { debug() { }, info() { }, warn: (m) => logger.warning(m), error() { } },
        throttle: {
            // Issues and comments also go through the plugin's notifications group (3 s apart).
            ...(options.writeIntervalMs !== undefined
                ? { write: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0___default().Group)({ maxConcurrent: 1, minTime: options.writeIntervalMs }), notifications: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0___default().Group)({ maxConcurrent: 1, minTime: options.writeIntervalMs }) }
                : {}),
            onRateLimit: (retryAfter, req, _octokit, retryCount) => {
                logger.warning(`GitHub rate limit reached on ${req.method} ${req.url}; ${retryCount < MAX_RATE_LIMIT_RETRIES ? `retrying in ${retryAfter} s` : 'giving up'}`);
                return retryCount < MAX_RATE_LIMIT_RETRIES;
            },
            onSecondaryRateLimit: (retryAfter, req, _octokit, retryCount) => {
                logger.warning(`GitHub secondary rate limit on ${req.method} ${req.url}; ${retryCount < MAX_RATE_LIMIT_RETRIES ? `retrying in ${retryAfter} s` : 'giving up'}`);
                return retryCount < MAX_RATE_LIMIT_RETRIES;
            },
        },
        retry: {
            // Server errors and network failures are retried; answers that a retry cannot change are
            // not: bad request, bad credentials, not found, gone, validation failed, legal block. 403
            // and 429 are left to the throttling plugin, which knows rate limits from permissions.
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        },
    });
    // A create that GitHub processed but answered 502 (or whose connection dropped) would become a
    // second issue if retried: the caller lists by marker instead (issue-tracker.ts).
    octokit.hook.before('request', (req) => {
        if (req.method === 'POST' && CREATES.test(req.url))
            req.request = { ...req.request, retries: 0 };
    });
    // Octokit reports a request that got no answer as "HTTP 500": say it never connected, and where.
    octokit.hook.error('request', (error, req) => {
        if (error.status === 500 && !error.response) {
            throw new Error(`could not connect to ${baseUrl} (GITHUB_API_URL) for ${req.method} ${req.url}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .connectionCause */ .Id)(error)}`);
        }
        throw error;
    });
    return octokit;
}


/***/ })

};
