export const id = 457;
export const ids = [457];
export const modules = {

/***/ 6969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ markerLine),
/* harmony export */   zo: () => (/* binding */ GitHubIssueTracker)
/* harmony export */ });
/* unused harmony exports markerOf, upsertPullRequestComment */
/** `<!-- keyguard:v1 leak 0123…cdef -->`: kind and id are keyguard's own, never user text. */
function markerLine(kind, id) {
    if (!/^[a-z0-9:._-]+$/i.test(id))
        throw new Error(`bug: marker id ${JSON.stringify(id)} has unsafe characters`);
    return `<!-- keyguard:v1 ${kind} ${id} -->`;
}
/**
 * The marker of a body, read strictly from its first line only: bodies quote untrusted text
 * (paths, commit messages), and a marker planted further down must not hijack another issue.
 */
function markerOf(body) {
    const first = (body ?? '').split('\n', 1)[0].trim();
    return /^<!-- keyguard:v1 (?:leak|audit|report|pr) [a-z0-9:._-]+ -->$/i.test(first) ? first : undefined;
}
/**
 * Issues through the REST API. Existing issues are found by listing the keyguard label with
 * `state=all` once per run (paginated) and parsing markers, not through search: the search API
 * lags behind writes and allows 30 requests a minute.
 */
class GitHubIssueTracker {
    #octokit;
    #repo;
    #label;
    #index;
    constructor(octokit, repo, label) {
        this.#octokit = octokit;
        this.#repo = repo;
        this.#label = label;
    }
    async #load() {
        if (this.#index)
            return this.#index;
        const index = new Map();
        const issues = await this.#octokit.paginate(this.#octokit.rest.issues.listForRepo, { ...this.#repo, labels: this.#label, state: 'all', per_page: 100 });
        for (const i of issues) {
            if (i.pull_request)
                continue;
            const marker = markerOf(i.body);
            // The oldest issue wins if a marker ever appears twice (listing is newest first).
            if (marker)
                index.set(marker, { number: i.number, title: i.title, body: i.body ?? '', state: i.state === 'closed' ? 'closed' : 'open', url: i.html_url });
        }
        this.#index = index;
        return index;
    }
    async findByMarker(marker) {
        return (await this.#load()).get(marker);
    }
    async create(issue) {
        const { data } = await this.#octokit.rest.issues.create({ ...this.#repo, title: issue.title, body: issue.body, labels: [...issue.labels], ...(issue.assignees.length ? { assignees: [...issue.assignees] } : {}) });
        const tracked = { number: data.number, title: data.title, body: data.body ?? '', state: 'open', url: data.html_url };
        const marker = markerOf(issue.body);
        if (marker)
            (await this.#load()).set(marker, tracked);
        return tracked;
    }
    async update(number, change) {
        await this.#octokit.rest.issues.update({ ...this.#repo, issue_number: number, ...change });
    }
    async comment(number, body) {
        await this.#octokit.rest.issues.createComment({ ...this.#repo, issue_number: number, body });
    }
    async ensureLabel(name, color, description) {
        try {
            await this.#octokit.rest.issues.getLabel({ ...this.#repo, name });
        }
        catch (e) {
            if (e.status !== 404)
                throw e;
            try {
                await this.#octokit.rest.issues.createLabel({ ...this.#repo, name, color, description });
            }
            catch (err) {
                // Created meanwhile by a parallel job: that is what we wanted.
                if (err.status !== 422)
                    throw err;
            }
        }
    }
}
/** Creates or updates (in place) the one keyguard comment on a pull request. */
async function upsertPullRequestComment(octokit, repo, pullNumber, body) {
    const marker = markerOf(body);
    if (!marker)
        throw new Error('bug: a keyguard comment must start with its marker');
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pullNumber, per_page: 100 });
    const mine = comments.find((c) => markerOf(c.body) === marker);
    if (mine) {
        await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
        return 'updated';
    }
    await octokit.rest.issues.createComment({ ...repo, issue_number: pullNumber, body });
    return 'created';
}


/***/ }),

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ createOctokit)
/* harmony export */ });
/* unused harmony export KeyguardOctokit */
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9988);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0__);




/** One Octokit stack for the action and the CLI: REST methods, GitHub's throttling, bounded retries. */
const KeyguardOctokit = _octokit_rest__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L);
const MAX_RATE_LIMIT_RETRIES = 2;
function createOctokit(options) {
    const { logger } = options;
    return new KeyguardOctokit({
        auth: options.token,
        baseUrl: options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
        userAgent: 'keyguard',
        log: { debug() { }, info() { }, warn: (m) => logger.warning(m), error: (m) => logger.warning(m) },
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
}


/***/ }),

/***/ 7005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G_: () => (/* binding */ groupsBy),
/* harmony export */   Kd: () => (/* binding */ OpenAIAdmin),
/* harmony export */   lk: () => (/* binding */ USAGE_ENDPOINTS)
/* harmony export */ });
/* harmony import */ var openai__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8193);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(370);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2175);



/** The usage endpoints of the organization API (`/organization/usage/{endpoint}`). */
const USAGE_ENDPOINTS = ['completions', 'embeddings', 'moderations', 'images', 'audio_speeches', 'audio_transcriptions', 'vector_stores', 'code_interpreter_sessions', 'file_search_calls', 'web_search_calls'];
const BY_USER = ['project_id', 'user_id', 'api_key_id', 'model'];
/**
 * Each endpoint's SDK method, the groupings it takes (of those keyguard uses), and the result field
 * that counts in the endpoint's own unit (none where tokens are the unit).
 */
const ENDPOINT = {
    completions: { method: 'completions', groupBy: BY_USER, quantity: null },
    embeddings: { method: 'embeddings', groupBy: BY_USER, quantity: null },
    moderations: { method: 'moderations', groupBy: BY_USER, quantity: null },
    images: { method: 'images', groupBy: BY_USER, quantity: 'images' },
    audio_speeches: { method: 'audioSpeeches', groupBy: BY_USER, quantity: 'characters' },
    audio_transcriptions: { method: 'audioTranscriptions', groupBy: BY_USER, quantity: 'seconds' },
    vector_stores: { method: 'vectorStores', groupBy: ['project_id'], quantity: 'usage_bytes' },
    code_interpreter_sessions: { method: 'codeInterpreterSessions', groupBy: ['project_id'], quantity: 'num_sessions' },
    file_search_calls: { method: 'fileSearchCalls', groupBy: ['project_id', 'user_id', 'api_key_id'], quantity: 'num_requests' },
    web_search_calls: { method: 'webSearchCalls', groupBy: BY_USER, quantity: 'num_requests' },
};
/** Whether an endpoint's usage can be grouped by `grouping` (vector stores and code interpreter: by project only). */
const groupsBy = (endpoint, grouping) => ENDPOINT[endpoint].groupBy.includes(grouping);
/**
 * The organization API through the `openai` SDK's typed admin methods. The admin key lives in a
 * private field and in the SDK instance, which this class never exposes.
 */
class OpenAIAdmin {
    #sdk;
    #adminKey;
    #concurrency;
    #logger;
    #requests = 0;
    constructor(options) {
        this.#adminKey = options.adminKey;
        this.#concurrency = options.concurrency ?? 8;
        this.#logger = options.logger;
        this.#sdk = new openai__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .Ay({
            adminAPIKey: options.adminKey,
            // The SDK would otherwise also read OPENAI_API_KEY; admin calls need only the admin key.
            apiKey: null,
            baseURL: options.baseURL ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
            timeout: options.timeoutMs ?? 30_000,
            maxRetries: options.maxRetries ?? 3,
            fetch: (url, init) => {
                this.#requests++;
                return fetch(url, init);
            },
        });
    }
    /** HTTP requests sent so far, retries included. */
    get requests() {
        return this.#requests;
    }
    /** Whether `secret` is the admin key this client uses (it must never revoke itself). */
    isOwnKey(secret) {
        return secret === this.#adminKey;
    }
    async projects() {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)('GET /organization/projects', async () => {
            const out = [];
            for await (const p of this.#sdk.admin.organization.projects.list({ limit: 100, include_archived: true })) {
                out.push({ id: p.id, name: p.name ?? null, createdAt: p.created_at, archived: p.archived_at != null || p.status === 'archived' });
            }
            return out;
        });
    }
    /** Every enabled key of a project, including those of owners who lost access (`owner_project_access=any`). */
    async projectKeys(projectId) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)(`GET /organization/projects/${projectId}/api_keys`, async () => {
            const out = [];
            for await (const k of this.#sdk.admin.organization.projects.apiKeys.list(projectId, { limit: 100, owner_project_access: 'any' })) {
                const owner = k.owner.type === 'service_account' && k.owner.service_account
                    ? { type: 'service_account', id: k.owner.service_account.id, name: k.owner.service_account.name }
                    : { type: 'user', id: k.owner.user?.id ?? '', name: k.owner.user?.name ?? '', email: k.owner.user?.email ?? '' };
                out.push({ type: 'project_key', id: k.id, projectId, name: k.name, redactedValue: k.redacted_value, owner, ownerHasAccess: k.owner_project_access !== 'inactive', createdAt: k.created_at, lastUsedAt: k.last_used_at });
            }
            return out;
        });
    }
    async serviceAccounts(projectId) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)(`GET /organization/projects/${projectId}/service_accounts`, async () => {
            const out = [];
            for await (const s of this.#sdk.admin.organization.projects.serviceAccounts.list(projectId, { limit: 100 }))
                out.push({ id: s.id, projectId, name: s.name });
            return out;
        });
    }
    async adminKeys() {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)('GET /organization/admin_api_keys', async () => {
            const out = [];
            for await (const k of this.#sdk.admin.organization.adminAPIKeys.list({ limit: 100 })) {
                out.push({ type: 'admin_key', id: k.id, name: k.name ?? null, redactedValue: k.redacted_value, ownerName: k.owner.name ?? null, createdAt: k.created_at, lastUsedAt: k.last_used_at ?? null, expiresAt: k.expires_at });
            }
            return out;
        });
    }
    /**
     * Project id → member user ids, from the organization's users (each lists its projects), or
     * `undefined` when a user comes without `projects`: the description makes the field optional
     * ("if included"), and a missing list is not an empty one.
     */
    async projectMembers() {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)('GET /organization/users', async () => {
            const members = new Map();
            let complete = true;
            for await (const u of this.#sdk.admin.organization.users.list({ limit: 100 })) {
                if (!u.projects)
                    complete = false;
                for (const p of u.projects?.data ?? [])
                    if (p.id)
                        (members.get(p.id) ?? members.set(p.id, []).get(p.id)).push(u.id);
            }
            return complete ? members : undefined;
        });
    }
    /** The user ids of one project's members. */
    async projectUsers(projectId) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)(`GET /organization/projects/${projectId}/users`, async () => {
            const out = [];
            for await (const u of this.#sdk.admin.organization.projects.users.list(projectId, { limit: 100 }))
                out.push(u.id);
            return out;
        });
    }
    /**
     * Every project (archived included), every project key, service account and admin key. Projects
     * are read `concurrency` at a time: an org of 1,000 projects is not 1,000 round trips in a row.
     */
    async inventory() {
        const before = this.#requests;
        const [projects, adminKeys] = await Promise.all([this.projects(), this.adminKeys()]);
        const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A)(this.#concurrency);
        let done = 0;
        const perProject = await Promise.all(projects.map((p) => limit(async () => {
            // The API answers 400 for the service accounts of an archived project.
            const [keys, accounts] = await Promise.all([this.projectKeys(p.id), p.archived ? Promise.resolve([]) : this.serviceAccounts(p.id)]);
            if (++done % 50 === 0)
                this.#logger.progress(`keyguard: read ${done}/${projects.length} projects`);
            return { keys, accounts };
        })));
        return {
            projects,
            projectKeys: perProject.flatMap((p) => p.keys),
            serviceAccounts: perProject.flatMap((p) => p.accounts),
            adminKeys,
            requests: this.#requests - before,
        };
    }
    /**
     * Usage buckets of one day each, every page: these endpoints page with `page`/`next_page` and
     * their `limit` counts buckets (at most 31 a page for `1d`), so the loop is ours. `groupBy` takes
     * only the groupings the endpoint has (see `groupsBy`).
     */
    async usage(endpoint, range, groupBy, projectIds) {
        const { method, quantity } = ENDPOINT[endpoint];
        const out = [];
        let page;
        do {
            const query = { start_time: range.start, end_time: range.end, bucket_width: '1d', group_by: groupBy, limit: 31, ...(projectIds ? { project_ids: projectIds } : {}), ...(page ? { page } : {}) };
            const res = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)(`GET /organization/usage/${endpoint}`, () => this.#sdk.admin.organization.usage[method](query));
            for (const b of res.data) {
                out.push({
                    endpoint,
                    start: b.start_time,
                    end: b.end_time,
                    results: b.results.map((r) => {
                        const x = r;
                        const n = (k) => (k !== null && typeof x[k] === 'number' ? x[k] : 0);
                        const s = (k) => (typeof x[k] === 'string' ? x[k] : null);
                        return { projectId: s('project_id'), model: s('model'), apiKeyId: s('api_key_id'), inputTokens: n('input_tokens'), outputTokens: n('output_tokens'), cachedTokens: n('input_cached_tokens'), requests: n('num_model_requests'), quantity: n(quantity) };
                    }),
                });
            }
            page = res.next_page ?? undefined;
        } while (page);
        return out;
    }
    /** Cost buckets (USD) of one day each, every page (at most 180 buckets a page). */
    async costs(range, groupBy, projectIds) {
        const out = [];
        let page;
        do {
            const query = { start_time: range.start, end_time: range.end, bucket_width: '1d', group_by: groupBy, limit: 180, ...(projectIds ? { project_ids: projectIds } : {}), ...(page ? { page } : {}) };
            const res = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)('GET /organization/costs', () => this.#sdk.admin.organization.usage.costs(query));
            for (const b of res.data) {
                out.push({
                    start: b.start_time,
                    end: b.end_time,
                    results: b.results.map((r) => {
                        const x = r;
                        return { projectId: x.project_id ?? null, lineItem: x.line_item ?? null, apiKeyId: x.api_key_id ?? null, usd: x.amount?.value ?? null, currency: x.amount?.currency ?? 'usd' };
                    }),
                });
            }
            page = res.next_page ?? undefined;
        } while (page);
        return out;
    }
    deleteProjectKey(projectId, keyId) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)(`DELETE /organization/projects/${projectId}/api_keys/${keyId}`, () => this.#sdk.admin.organization.projects.apiKeys.delete(keyId, { project_id: projectId }));
    }
    deleteServiceAccount(projectId, serviceAccountId) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)(`DELETE /organization/projects/${projectId}/service_accounts/${serviceAccountId}`, () => this.#sdk.admin.organization.projects.serviceAccounts.delete(serviceAccountId, { project_id: projectId }));
    }
    deleteAdminKey(keyId) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)(`DELETE /organization/admin_api_keys/${keyId}`, () => this.#sdk.admin.organization.adminAPIKeys.delete(keyId));
    }
}



/***/ }),

/***/ 2175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   hD: () => (/* binding */ ApiError)
/* harmony export */ });
/* unused harmony export toApiError */
/* harmony import */ var openai__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8193);
/* harmony import */ var _detect_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9029);


/** An OpenAI HTTP failure: which endpoint, what status and request id, and OpenAI's message. */
class ApiError extends Error {
    name = 'ApiError';
    endpoint;
    status;
    requestId;
    code;
    constructor(endpoint, status, message, requestId, code) {
        // Never the key: OpenAI's messages quote part of a key, and a caller may have put one in a URL.
        super((0,_detect_index_js__WEBPACK_IMPORTED_MODULE_1__/* .scrubSecrets */ .Zg)(`${endpoint}: ${status ? `HTTP ${status}` : 'no response'}${code ? ` (${code})` : ''}: ${message}${requestId ? ` [request ${requestId}]` : ''}`));
        this.endpoint = endpoint;
        this.status = status;
        this.requestId = requestId;
        this.code = code;
    }
}
/** Runs one SDK call and turns its failure into an ApiError naming the endpoint. */
async function call(endpoint, fn) {
    try {
        return await fn();
    }
    catch (e) {
        throw toApiError(endpoint, e);
    }
}
function toApiError(endpoint, e) {
    if (e instanceof ApiError)
        return e;
    if (e instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .APIConnectionTimeoutError */ .qA)
        return new ApiError(endpoint, undefined, 'timed out');
    if (e instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .APIConnectionError */ .xX)
        return new ApiError(endpoint, undefined, `connection failed: ${e.message}`);
    if (e instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .APIError */ .LG) {
        const body = e.error;
        return new ApiError(endpoint, e.status, body?.message ?? e.message, e.requestID ?? undefined, e.code ?? undefined);
    }
    return new ApiError(endpoint, undefined, e instanceof Error ? e.message : String(e));
}


/***/ }),

/***/ 8548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ escapeMarkdown),
/* harmony export */   a: () => (/* binding */ code)
/* harmony export */ });
/**
 * Escapes untrusted text (paths, commit messages, author names) for GitHub Markdown: it cannot
 * open links or images, HTML or comments, code spans, mentions (`@team`) or issue references, nor
 * break a table cell. Emphasis characters are left alone: at worst they make text bold.
 */
function escapeMarkdown(text) {
    return text
        .replace(/[\\`[\]<>#|&]/g, (c) => `&#${c.charCodeAt(0)};`)
        .replace(/@/g, '@\u200b')
        .replace(/\r?\n/g, ' ');
}
/** Inline code for untrusted text: the fence is longer than any run of backticks inside it. */
function code(text) {
    const clean = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
    const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    const pad = longest > 0 ? ' ' : '';
    return `${fence}${pad}${clean}${pad}${fence}`;
}


/***/ }),

/***/ 7496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ fileIssue),
  u: () => (/* binding */ respond)
});

;// CONCATENATED MODULE: ./src/openai/match.ts
/**
 * The visible parts of a `redacted_value`. OpenAI documents only examples (`sk-abc...def`,
 * `sk-admin...def`), not how many characters are shown, so this reads whatever is there: the
 * text before the mask (`...`, `…` or a run of `*`) and the text after it.
 */
function parseRedacted(value) {
    const m = /^(.*?)(?:\.{3,}|…|\*{2,})(.*)$/.exec(value);
    if (!m)
        return undefined;
    return { prefix: m[1].replace(/[*.…]+$/, ''), suffix: m[2].replace(/^[*.…]+/, '') };
}
/** Which records a key of this kind can belong to: admin keys only among admin keys, and so on. */
function candidates(kind, inventory) {
    if (kind === 'admin')
        return inventory.adminKeys;
    const wantsServiceAccount = kind === 'service_account';
    return inventory.projectKeys.filter((k) => (k.owner.type === 'service_account') === wantsServiceAccount);
}
/**
 * Finds the record of a found key. No endpoint takes a secret, so the key is compared with each
 * record's visible prefix and suffix; more than one record that fits is `ambiguous`, never a guess.
 */
function matchKey(secret, kind, inventory) {
    const fits = candidates(kind, inventory).filter((r) => {
        const shown = parseRedacted(r.redactedValue);
        return shown !== undefined && shown.suffix.length > 0 && secret.startsWith(shown.prefix) && secret.endsWith(shown.suffix);
    });
    if (fits.length === 0)
        return { type: 'not-found' };
    if (fits.length === 1)
        return { type: 'matched', record: fits[0] };
    return { type: 'ambiguous', records: fits };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/detect/index.ts + 7 modules
var detect = __webpack_require__(9029);
// EXTERNAL MODULE: ./src/github/issue-tracker.ts
var issue_tracker = __webpack_require__(6969);
// EXTERNAL MODULE: ./src/output/markdown.ts
var markdown = __webpack_require__(8548);
;// CONCATENATED MODULE: ./src/respond/leak-issue.ts




const section = (name, text) => `<!-- keyguard:v1 ${name} -->\n${text}\n<!-- /keyguard:v1 ${name} -->`;
function sectionOf(body, name) {
    const start = `<!-- keyguard:v1 ${name} -->\n`;
    const a = body.indexOf(start);
    const b = body.indexOf(`\n<!-- /keyguard:v1 ${name} -->`, a);
    return a === -1 || b === -1 ? undefined : body.slice(a + start.length, b);
}
/** A link to a file at a commit, with every path segment encoded (paths are untrusted). */
function permalink(ctx, repository, commit, file, line) {
    const path = file
        .split('/')
        .map((s) => encodeURIComponent(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
    return `${ctx.serverUrl}/${repository}/blob/${commit}/${path}${line > 0 ? `#L${line}` : ''}`;
}
function placesOf(group, ctx) {
    const out = new Map();
    for (const f of group.findings) {
        const repository = f.repository ?? ctx.repository;
        const commit = f.commit ?? (f.repository && f.repository !== ctx.repository ? undefined : ctx.sha);
        const id = (0,external_node_crypto_.createHash)('sha256').update(`${f.repository ?? ''}\0${f.commit ?? ''}\0${f.file}\0${f.line}`).digest('hex').slice(0, 12);
        const shown = `${f.repository ? `${f.repository}: ` : ''}${f.file}:${f.line}`;
        const where = commit && repository ? `[${(0,markdown/* code */.a)(shown)}](${permalink(ctx, repository, commit, f.file, f.line)})` : (0,markdown/* code */.a)(shown);
        const detail = f.commit ? ` in commit ${(0,markdown/* code */.a)(f.commit.slice(0, 12))}${f.git?.authorDate ? ` (${f.git.authorDate.slice(0, 10)})` : ''}${f.git && f.git.occurrences > 1 ? `, added ${f.git.occurrences} times` : ''}` : ' in the working tree';
        out.set(id, { id, line: `- ${where}${detail}` });
    }
    return [...out.values()];
}
function describeLiveness(r) {
    if (!r.liveness)
        return 'not checked';
    const l = r.liveness;
    return `**${l.status}** (${(0,markdown/* escapeMarkdown */.F)(l.rule)}${l.reason ? `: ${(0,markdown/* escapeMarkdown */.F)(l.reason)}` : ''})`;
}
function describeMatch(r) {
    const m = r.match;
    if (!m)
        return 'not looked up (no admin key)';
    if (m.type === 'not-found')
        return 'no key of the organization matches';
    if (m.type === 'ambiguous')
        return `ambiguous: ${m.keyIds.map((k) => (0,markdown/* code */.a)(k)).join(', ')} all match`;
    const project = m.projectId ? `${m.projectName ? `${(0,markdown/* escapeMarkdown */.F)(m.projectName)} ` : ''}(${(0,markdown/* code */.a)(m.projectId)}), ` : '';
    return `${project}${m.recordType === 'admin_key' ? 'admin key' : 'key'} ${(0,markdown/* code */.a)(m.keyId)}, owner ${(0,markdown/* escapeMarkdown */.F)(m.owner)}`;
}
function describeRevocation(r) {
    const o = r.revocation;
    if (!o)
        return 'nothing: revocation is off (`revoke: off`)';
    switch (o.type) {
        case 'revoked':
            return `**revoked** (${(0,markdown/* escapeMarkdown */.F)(o.action)})`;
        case 'already-gone':
            return `nothing to do: ${(0,markdown/* escapeMarkdown */.F)(o.action)}`;
        case 'would-revoke':
            return `dry run: would ${(0,markdown/* escapeMarkdown */.F)(o.action)}`;
        case 'refused':
            return `not revoked: ${(0,markdown/* escapeMarkdown */.F)(o.reason)}`;
        case 'failed':
            return `revocation **failed**: ${(0,markdown/* escapeMarkdown */.F)(o.error)}`;
    }
}
const TODO = [
    '- [ ] Create a replacement key and update every place that used this one (GitHub secrets, deployment environments).',
    '- [ ] Revoke this key in the OpenAI dashboard, unless keyguard revoked it above.',
    '- [ ] Remove it from git history (`git filter-repo --replace-text`), force-push, and ask collaborators to re-clone.',
    '- [ ] Review the usage of its project from when it was first committed until it was revoked.',
].join('\n');
function factsOf(body) {
    const m = body ? /^<!-- keyguard:v1 facts ([A-Za-z0-9_-]+) -->$/m.exec(body) : null;
    if (!m)
        return undefined;
    try {
        return JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/**
 * Today's response, without forgetting what earlier runs learnt: once keyguard revoked a key, its
 * record is gone from the organization and a rerun sees only "not found, not live"; the issue
 * must still say whose key it was and that keyguard revoked it.
 */
function mergeFacts(previous, now) {
    if (!previous)
        return now;
    const keepMatch = previous.match?.type === 'matched' && (!now.match || now.match.type === 'not-found');
    const keepRevocation = previous.revocation?.type === 'revoked' && now.revocation?.type !== 'revoked';
    const sameStatus = previous.liveness && now.liveness && previous.liveness.status === now.liveness.status;
    return {
        ...now,
        ...(sameStatus ? { liveness: previous.liveness } : {}),
        ...(keepMatch ? { match: previous.match } : {}),
        ...(keepRevocation ? { revocation: previous.revocation } : {}),
    };
}
/**
 * The issue for one leaked key. On a later run `previous` is the issue's body: its list of places,
 * checklist (ticks and all), seen-places and facts are kept; new places are appended and returned
 * so the caller can comment on them.
 */
function renderLeakIssue(group, ctx, mention, previous) {
    const first = [...group.findings].filter((f) => f.commit).sort((a, b) => (a.git?.authorDate ?? '').localeCompare(b.git?.authorDate ?? ''))[0];
    const still = group.findings.some((f) => (f.git ? f.git.presentAtHead : true));
    const r = mergeFacts(factsOf(previous), group.response);
    const state = [
        `## :rotating_light: Leaked OpenAI ${(0,detect/* kindLabel */.tf)(group.kind)} ${(0,markdown/* code */.a)(group.redacted)}`,
        '',
        ...(mention ? [`cc ${mention}`, ''] : []),
        '| | |',
        '| --- | --- |',
        `| Key | ${(0,markdown/* code */.a)(group.redacted)} (${(0,detect/* kindLabel */.tf)(group.kind)}; the whole key is never shown) |`,
        `| Fingerprint | ${(0,markdown/* code */.a)(group.fingerprint)} |`,
        `| Live | ${describeLiveness(r)} |`,
        `| OpenAI record | ${describeMatch(r)} |`,
        ...(first?.commit ? [`| First committed | ${(0,markdown/* code */.a)(first.commit.slice(0, 12))}${first.git?.authorDate ? ` on ${first.git.authorDate.slice(0, 10)}` : ''} |`] : []),
        `| Still in the repository | ${still ? 'yes' : 'no, removed since (it stays in git history)'} |`,
        `| keyguard did | ${describeRevocation(r)} |`,
    ].join('\n');
    const places = placesOf(group, ctx);
    const seenBefore = new Set((previous ? /<!-- keyguard:v1 seen ([0-9a-f,]*) -->/.exec(previous)?.[1] ?? '' : '').split(',').filter(Boolean));
    const fresh = places.filter((p) => !seenBefore.has(p.id));
    const oldWhere = previous ? sectionOf(previous, 'where') : undefined;
    const where = [oldWhere, ...fresh.map((p) => p.line)].filter((x) => x !== undefined && x !== '').join('\n');
    const seen = [...new Set([...seenBefore, ...places.map((p) => p.id)])];
    const body = [
        // The marker holds the fingerprint, a hash: anyone who can read the repository reads the
        // issue, and the hash still finds the same key again across runs and repositories.
        (0,issue_tracker/* markerLine */.B_)('leak', group.fingerprint),
        section('state', state),
        '',
        '### Where it was found',
        section('where', where),
        '',
        '### What to do',
        section('todo', (previous ? sectionOf(previous, 'todo') : undefined) ?? TODO),
        '',
        `<!-- keyguard:v1 seen ${seen.join(',')} -->`,
        `<!-- keyguard:v1 facts ${Buffer.from(JSON.stringify({ liveness: r.liveness, match: r.match, revocation: r.revocation })).toString('base64url')} -->`,
    ].join('\n');
    return {
        title: `Leaked OpenAI ${(0,detect/* kindLabel */.tf)(group.kind)} ${group.redacted} (${group.fingerprint.slice(0, 8)})`,
        body,
        newPlaces: previous ? fresh.map((p) => p.line) : [],
    };
}

;// CONCATENATED MODULE: ./src/respond/respond.ts


const LABEL_COLOR = 'b60205';
function summarize(m, inventory) {
    if (m.type === 'not-found')
        return m;
    if (m.type === 'ambiguous')
        return { type: 'ambiguous', keyIds: m.records.map((r) => r.id) };
    const r = m.record;
    if (r.type === 'admin_key')
        return { type: 'matched', recordType: 'admin_key', keyId: r.id, projectId: null, projectName: null, owner: r.ownerName ?? 'unknown' };
    const project = inventory.projects.find((p) => p.id === r.projectId);
    return {
        type: 'matched',
        recordType: 'project_key',
        keyId: r.id,
        projectId: r.projectId,
        projectName: project?.name ?? null,
        owner: r.owner.type === 'user' ? `${r.owner.name} (user${r.ownerHasAccess ? '' : ', no longer in the project'})` : `${r.owner.name} (service account)`,
    };
}
/**
 * Leak response for what a scan found, one key at a time: is it live, whose is it, revoke it
 * (only when asked, only a matched key), and one issue per key, found again by its marker.
 * Returns the result with every finding's `status` and `response` filled in.
 */
async function respond(result, settings, deps) {
    const { logger } = deps;
    const groups = new Map();
    for (const f of result.findings)
        (groups.get(f.fingerprint) ?? groups.set(f.fingerprint, []).get(f.fingerprint)).push(f);
    let inventory;
    const responses = new Map();
    const notes = [];
    let opened = 0;
    let deferred = 0;
    let revoked = 0;
    if (settings.issues && deps.tracker && groups.size > 0) {
        for (const label of settings.issues.labels)
            await deps.tracker.ensureLabel(label, LABEL_COLOR, 'Raised by keyguard: a leaked OpenAI API key');
    }
    for (const [fingerprint, findings] of groups) {
        const { secret, kind, redacted } = findings[0];
        let response = {};
        if (settings.verify && deps.liveness) {
            const l = await deps.liveness(secret, kind);
            response = { ...response, liveness: l.status === 'unknown' ? { status: l.status, rule: l.rule, reason: l.reason } : { status: l.status, rule: l.rule } };
        }
        if (deps.openai) {
            try {
                inventory ??= deps.openai.inventory();
                const inv = await inventory;
                const match = matchKey(secret.reveal(), kind, inv);
                response = { ...response, match: summarize(match, inv) };
                const eligible = settings.revoke === 'all' || (settings.revoke === 'live' && response.liveness?.status === 'live');
                if (settings.revoke !== 'off' && response.liveness?.status === 'revoked') {
                    response = { ...response, revocation: { type: 'already-gone', action: 'the key no longer works' } };
                }
                else if (eligible) {
                    const outcome = await deps.openai.revoker(inv).revoke(secret.reveal(), match, { dryRun: settings.dryRun });
                    response = { ...response, revocation: outcome };
                    if (outcome.type === 'revoked') {
                        revoked++;
                        response = { ...response, liveness: { status: 'revoked', rule: `revoked by keyguard (${outcome.action})` } };
                    }
                    logger.info(`keyguard: ${redacted}: ${outcome.type}${'action' in outcome ? ` (${outcome.action})` : 'reason' in outcome ? ` (${outcome.reason})` : ` (${outcome.error})`}`);
                }
                else if (settings.revoke === 'live') {
                    response = { ...response, revocation: { type: 'refused', reason: response.liveness ? `it is ${response.liveness.status}, and revoke is set to live keys only` : 'liveness was not checked (verify is off), and revoke is set to live keys only' } };
                }
            }
            catch (e) {
                const message = e instanceof Error ? e.message : String(e);
                logger.warning(`keyguard: could not look up or revoke ${redacted}: ${message}`);
                if (settings.revoke !== 'off')
                    response = { ...response, revocation: { type: 'failed', error: message } };
            }
        }
        if (settings.issues && deps.tracker) {
            response = { ...response, issue: await fileIssue(deps.tracker, { fingerprint, kind, redacted, findings, response }, settings, () => opened < settings.issues.maxNew, logger) };
            if (response.issue?.action === 'created')
                opened++;
            if (response.issue?.action === 'deferred')
                deferred++;
        }
        responses.set(fingerprint, response);
    }
    if (deferred > 0)
        notes.push(`${deferred} issue(s) not opened this run: at most ${settings.issues?.maxNew} new issues a run (GitHub limits content creation); the next run opens them.`);
    const findings = result.findings.map((f) => {
        const response = responses.get(f.fingerprint);
        const status = response.liveness?.status ?? 'unverified';
        return { ...f, status, response };
    });
    const live = [...responses.values()].filter((r) => r.liveness?.status === 'live').length;
    return { result: { ...result, findings }, summary: { keys: groups.size, live, revoked, issuesOpened: opened, issuesDeferred: deferred, notes } };
}
async function fileIssue(tracker, group, settings, mayOpen, logger) {
    const issues = settings.issues;
    try {
        const marker = renderLeakIssue(group, settings.repo, issues.mention).body.split('\n', 1)[0];
        const existing = await tracker.findByMarker(marker);
        if (!existing) {
            if (!mayOpen())
                return { number: null, url: null, action: 'deferred' };
            const { title, body } = renderLeakIssue(group, settings.repo, issues.mention);
            const created = await tracker.create({ title, body, labels: issues.labels, assignees: issues.assignees });
            logger.info(`keyguard: opened issue #${created.number} for ${group.redacted}`);
            return { number: created.number, url: created.url, action: 'created' };
        }
        const next = renderLeakIssue(group, settings.repo, issues.mention, existing.body);
        let action = 'unchanged';
        if (next.body !== existing.body) {
            await tracker.update(existing.number, { body: next.body });
            action = 'updated';
        }
        if (next.newPlaces.length > 0) {
            await tracker.comment(existing.number, [`keyguard found ${group.redacted} again, in ${next.newPlaces.length} new place${next.newPlaces.length === 1 ? '' : 's'}:`, '', ...next.newPlaces].join('\n'));
            action = 'commented';
        }
        return { number: existing.number, url: existing.url, action };
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        logger.warning(`keyguard: could not file the issue for ${group.redacted}: ${message}`);
        return { number: null, url: null, action: 'failed', error: message };
    }
}


/***/ })

};
