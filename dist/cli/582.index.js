export const id = 582;
export const ids = [582,702];
export const modules = {

/***/ 8792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KH: () => (/* binding */ iso),
/* harmony export */   Sd: () => (/* binding */ totals),
/* harmony export */   ai: () => (/* binding */ readExposure),
/* harmony export */   eH: () => (/* binding */ measureExposure),
/* harmony export */   jG: () => (/* binding */ readKeyUsage),
/* harmony export */   jj: () => (/* binding */ useOf)
/* harmony export */ });
/* unused harmony exports KEY_ENDPOINTS, windowsOf, MAX_FILTER_IDS */
/* harmony import */ var _openai_admin_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7005);
/* harmony import */ var _report_aggregate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8105);


const DAY = 86_400;
/**
 * The endpoints a key's requests and tokens come from: those that group by `api_key_id` and whose
 * model requests count (web and file search calls are made within requests the others count).
 */
const KEY_ENDPOINTS = _openai_admin_client_js__WEBPACK_IMPORTED_MODULE_0__/* .USAGE_ENDPOINTS */ .lk.filter((e) => (0,_openai_admin_client_js__WEBPACK_IMPORTED_MODULE_0__/* .groupsBy */ .G_)(e, 'api_key_id') && _report_aggregate_js__WEBPACK_IMPORTED_MODULE_1__/* .ENDPOINT_UNITS */ .G[e].requests);
const iso = (t) => new Date(t * 1000).toISOString();
/** A key's windows in whole UTC days: after = [day of exposure, now), before = the same days just before. */
function windowsOf(since, now) {
    const start = Math.floor(Math.min(since, now) / DAY) * DAY;
    const days = Math.max(1, Math.ceil((now - start) / DAY));
    return { after: { start, end: now }, before: { start: start - days * DAY, end: start } };
}
const inside = (t, r) => t >= r.start && t < r.end;
/**
 * Ids a filter sends at most: each goes into the URL (`api_key_ids[]=key_…`, ~30 bytes), and
 * servers refuse long request lines (Node answers 431 past 16 KiB; many proxies stop at 8 KiB).
 * More ids than this read everything grouped by key instead: pages count buckets, not rows, so
 * that is no more requests, only bigger answers.
 */
const MAX_FILTER_IDS = 100;
async function readKeyUsage(source, range, keyIds, projectIds) {
    const keys = keyIds.length <= MAX_FILTER_IDS ? [...keyIds] : undefined;
    const projects = projectIds.length <= MAX_FILTER_IDS ? [...projectIds] : undefined;
    const [usage, costs] = await Promise.all([
        Promise.all(KEY_ENDPOINTS.map((e) => source.usage(e, range, (0,_openai_admin_client_js__WEBPACK_IMPORTED_MODULE_0__/* .groupsBy */ .G_)(e, 'model') ? ['api_key_id', 'model'] : ['api_key_id'], undefined, keys))).then((b) => b.flat()),
        source.costs(range, ['project_id'], projects),
    ]);
    return { usage, costs };
}
/** One key's use within `range` (buckets counted by their start), and its project's cost. */
function useOf(read, key, range) {
    const t = { requests: 0, inputTokens: 0, outputTokens: 0, models: new Map(), costUsd: null };
    let lastActiveDay = null;
    for (const b of read.usage) {
        if (!inside(b.start, range))
            continue;
        for (const r of b.results) {
            if (r.apiKeyId !== key.keyId)
                continue;
            t.requests += r.requests;
            t.inputTokens += r.inputTokens;
            t.outputTokens += r.outputTokens;
            if (r.requests > 0)
                lastActiveDay = Math.max(lastActiveDay ?? 0, b.start);
            const model = r.model ?? 'unknown model';
            const m = t.models.get(model) ?? t.models.set(model, { requests: 0, inputTokens: 0, outputTokens: 0 }).get(model);
            m.requests += r.requests;
            m.inputTokens += r.inputTokens;
            m.outputTokens += r.outputTokens;
        }
    }
    for (const b of read.costs) {
        if (!inside(b.start, range))
            continue;
        for (const r of b.results)
            if (r.projectId === key.projectId && r.usd !== null)
                t.costUsd = (t.costUsd ?? 0) + r.usd;
    }
    const byModel = [...t.models].map(([model, m]) => ({ model, ...m })).sort((a, b) => b.requests - a.requests || b.inputTokens - a.inputTokens || a.model.localeCompare(b.model));
    return { from: iso(range.start), requests: t.requests, inputTokens: t.inputTokens, outputTokens: t.outputTokens, byModel, projectCostUsd: t.costUsd === null ? null : Math.round(t.costUsd * 100) / 100, lastActiveDay };
}
const totals = ({ lastActiveDay: _, ...t }) => t;
/**
 * Usage since exposure of every key at once: one read per endpoint over the union of the keys'
 * windows, grouped by key and model and filtered to the keys, plus one costs read by project.
 * Requests grow with the pages of the longest window, not with the number of keys.
 */
async function measureExposure(keys, source, now) {
    if (keys.length === 0)
        return new Map();
    const exposureOf = await readExposure(keys, source, now);
    return new Map(keys.map((k) => [k.keyId, exposureOf(k)]));
}
/**
 * The one read of `measureExposure`, answering for any of `keys`: the same key exposed at
 * different times (in several repositories) keeps each exposure's own window.
 */
async function readExposure(keys, source, now) {
    const union = { start: Math.min(...keys.map((k) => windowsOf(k.since, now).before.start)), end: now };
    const read = await readKeyUsage(source, union, [...new Set(keys.map((k) => k.keyId))], [...new Set(keys.map((k) => k.projectId))]);
    return (k) => {
        const w = windowsOf(k.since, now);
        return { since: iso(k.since), until: iso(now), lastUsedAt: k.lastUsedAt === null ? null : iso(k.lastUsedAt), ...totals(useOf(read, k, w.after)), before: totals(useOf(read, k, w.before)) };
    };
}


/***/ }),

/***/ 2574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zo: () => (/* binding */ GitHubIssueTracker)
});

// UNUSED EXPORTS: PullRequestComments, pullRequestCommentPolicy, upsertPullRequestComment

// EXTERNAL MODULE: ./src/text/body-limit.ts
var body_limit = __webpack_require__(2305);
// EXTERNAL MODULE: ./src/text/marker.ts
var text_marker = __webpack_require__(4777);
;// CONCATENATED MODULE: ./src/github/identity.ts
/**
 * The login keyguard writes as, as REST shows it on issues and comments: `github-actions[bot]`
 * for GITHUB_TOKEN, `<app-slug>[bot]` for an App token, the user for a personal token. Asked of
 * GitHub with GraphQL's `viewer`, which answers for every kind of token (REST `GET /user` refuses
 * installation tokens). GraphQL may name a bot without the `[bot]` suffix REST shows; it is added.
 */
async function identity_ownLogin(octokit) {
    const { viewer } = await octokit.graphql('query { viewer { login __typename } }');
    return viewer.__typename === 'Bot' && !viewer.login.endsWith('[bot]') ? `${viewer.login}[bot]` : viewer.login;
}

// EXTERNAL MODULE: ./src/github/issue-writer.ts
var issue_writer = __webpack_require__(1402);
;// CONCATENATED MODULE: ./src/github/issue-tracker.ts




/**
 * Issues through the REST API. Existing issues are found by listing the keyguard label with
 * `state=all` once per run (paginated) and parsing markers, not through search: the search API
 * lags behind writes and allows 30 requests a minute. Only issues opened by the identity keyguard
 * runs as count: a labelled issue with a forged marker is neither adopted nor edited.
 */
class GitHubIssueTracker {
    #octokit;
    #repo;
    #label;
    #index;
    #author;
    /** Labels made sure of in this run: one look each, however many issues are opened. */
    #labels = new Set();
    constructor(octokit, repo, label) {
        this.#octokit = octokit;
        this.#repo = repo;
        this.#label = label;
    }
    async #load(fresh = false) {
        if (this.#index && !fresh)
            return this.#index;
        this.#author ??= identity_ownLogin(this.#octokit);
        const author = await this.#author;
        const index = new Map();
        const issues = await this.#octokit.paginate(this.#octokit.rest.issues.listForRepo, { ...this.#repo, labels: this.#label, state: 'all', per_page: 100 });
        for (const i of issues) {
            if (i.pull_request || i.user?.login !== author)
                continue;
            const marker = (0,text_marker/* markerOf */.we)(i.body);
            // The oldest issue wins if a marker ever appears twice (listing is newest first).
            if (marker)
                index.set(marker, { number: i.number, title: i.title, body: i.body ?? '', state: i.state === 'closed' ? 'closed' : 'open', url: i.html_url });
        }
        this.#index = index;
        return index;
    }
    async findByMarker(marker, options = {}) {
        return (await this.#load(options.fresh)).get(marker);
    }
    /** Every issue keyguard's identity wrote with a marker of `kind` (forged markers left out, as above). */
    async list(kind) {
        return [...(await this.#load()).entries()].filter(([m]) => m.startsWith(`<!-- keyguard:v1 ${kind} `)).map(([, i]) => i);
    }
    /** One request, never retried (octokit.ts): the issue writer looks for a lost answer's issue. */
    async create(issue) {
        const { data } = await this.#octokit.rest.issues.create({ ...this.#repo, title: issue.title, body: (0,body_limit/* fitBody */.KM)(issue.body), labels: [...issue.labels], ...(issue.assignees.length ? { assignees: [...issue.assignees] } : {}) });
        const tracked = { number: data.number, title: data.title, body: data.body ?? '', state: 'open', url: data.html_url };
        const marker = (0,text_marker/* markerOf */.we)(issue.body);
        if (marker)
            (await this.#load()).set(marker, tracked);
        return tracked;
    }
    async update(number, change) {
        await this.#octokit.rest.issues.update({ ...this.#repo, issue_number: number, ...change, ...(change.body !== undefined ? { body: (0,body_limit/* fitBody */.KM)(change.body) } : {}) });
    }
    async comment(number, body) {
        await this.#octokit.rest.issues.createComment({ ...this.#repo, issue_number: number, body: (0,body_limit/* fitBody */.KM)(body) });
    }
    async ensureLabel(name, color, description) {
        if (this.#labels.has(name))
            return;
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
        this.#labels.add(name);
    }
}
/**
 * The comments of one pull request (conversation comments are issue comments), as a store for the
 * issue writer: only comments keyguard's own identity wrote count, listed afresh on each look. A
 * comment has no title and no state: its id stands for the number.
 */
class PullRequestComments {
    #octokit;
    #repo;
    #pullNumber;
    #author;
    constructor(octokit, repo, pullNumber) {
        this.#octokit = octokit;
        this.#repo = repo;
        this.#pullNumber = pullNumber;
    }
    async findByMarker(marker) {
        this.#author ??= ownLogin(this.#octokit);
        const author = await this.#author;
        const comments = await this.#octokit.paginate(this.#octokit.rest.issues.listComments, { ...this.#repo, issue_number: this.#pullNumber, per_page: 100 });
        const mine = comments.find((c) => c.user?.login === author && markerOf(c.body) === marker);
        return mine && { number: mine.id, title: '', body: mine.body ?? '', state: 'open', url: mine.html_url };
    }
    async create(comment) {
        const { data } = await this.#octokit.rest.issues.createComment({ ...this.#repo, issue_number: this.#pullNumber, body: fitBody(comment.body) });
        return { number: data.id, title: '', body: data.body ?? '', state: 'open', url: data.html_url };
    }
    async update(commentId, change) {
        if (change.body !== undefined)
            await this.#octokit.rest.issues.updateComment({ ...this.#repo, comment_id: commentId, body: fitBody(change.body) });
    }
}
/** Opened only when there is something to say; rewritten on every run, unchanged or not: its edit time shows the latest check. */
const pullRequestCommentPolicy = (open) => ({ open, always: true });
/**
 * Creates or updates (in place) the one keyguard comment on a pull request: the comment with the
 * marker that keyguard's own identity wrote; a comment anyone else wrote with the marker is left
 * alone. `updateOnly`: only an earlier comment is updated (a clean pull request stays quiet).
 */
async function upsertPullRequestComment(octokit, repo, pullNumber, body, updateOnly = false) {
    const marker = markerOf(body);
    if (!marker)
        throw new Error('bug: a keyguard comment must start with its marker');
    const out = await writeMarked(new PullRequestComments(octokit, repo, pullNumber), marker, () => ({ title: '', body }), pullRequestCommentPolicy(!updateOnly));
    return out.action === 'created' ? 'created' : out.action === 'none' ? 'none' : 'updated';
}


/***/ }),

/***/ 1402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ writeMarked),
/* harmony export */   c: () => (/* binding */ ensureLabels)
/* harmony export */ });
/* harmony import */ var _detect_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1457);
/* harmony import */ var _text_body_limit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2305);
/* harmony import */ var _text_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4777);



/** The labels of `policy`, made sure of: before any create, and up front by a run that should fail early. */
async function ensureLabels(store, policy) {
    for (const name of policy.labels?.names ?? [])
        await store.ensureLabel?.(name, policy.labels.color, policy.labels.description);
}
/**
 * The one issue writer: finds keyguard's own issue or comment by `marker`, renders it (with the
 * earlier body, if any), fits the body within GitHub's limit, and creates or updates it as
 * `policy` says. A create is never retried blindly: GitHub may have processed one whose answer
 * was lost (a 502, a dropped connection), so after a failed create the store is asked again by
 * marker and what did land is adopted (octokit.ts turns the retry plugin off for creates).
 */
async function writeMarked(store, marker, render, policy) {
    const existing = await store.findByMarker(marker);
    const draw = () => {
        // Text from elsewhere goes into bodies (paths, project and key names from the API): the last
        // word on keys is here, where every issue and comment leaves for GitHub.
        const drawn = render(existing);
        const rendered = { ...drawn, title: (0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .scrubSecrets */ .Zg)(drawn.title), ...(drawn.comment !== undefined ? { comment: (0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .scrubSecrets */ .Zg)(drawn.comment) } : {}) };
        const body = (0,_text_body_limit_js__WEBPACK_IMPORTED_MODULE_2__/* .fitBody */ .KM)((0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .scrubSecrets */ .Zg)(drawn.body), policy.more ? { more: policy.more } : {});
        if ((0,_text_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .markerOf */ .we)(body) !== marker)
            throw new Error(`bug: a keyguard body must start with its marker ${marker}`);
        return { rendered, body };
    };
    let outcome;
    if (!existing) {
        if (!policy.open)
            outcome = { action: 'none' };
        else if (policy.budget && !policy.budget())
            outcome = { action: 'deferred' };
        else {
            const { rendered, body } = draw();
            outcome = { action: 'created', issue: await createOnce(store, marker, { title: rendered.title, body, labels: policy.labels?.names ?? [], assignees: policy.assignees ?? [] }, policy), rendered };
        }
    }
    else {
        const { rendered, body } = draw();
        const change = { ...(policy.retitle ? { title: rendered.title } : {}), body, ...(policy.state ? { state: policy.state } : {}) };
        const same = existing.body === body && (!policy.retitle || existing.title === rendered.title) && (!policy.state || existing.state === policy.state);
        let action = 'unchanged';
        if (!same || policy.always) {
            await store.update(existing.number, change);
            action = 'updated';
        }
        if (rendered.comment && store.comment) {
            await store.comment(existing.number, rendered.comment);
            action = 'commented';
        }
        outcome = { action, issue: existing, rendered };
    }
    const closed = policy.closes ? await closeEarlier(store, policy.closes) : undefined;
    return closed === undefined ? outcome : { ...outcome, closed };
}
async function createOnce(store, marker, issue, policy) {
    await ensureLabels(store, policy);
    try {
        return await store.create(issue);
    }
    catch (e) {
        const landed = await store.findByMarker(marker, { fresh: true }).catch(() => undefined);
        if (landed)
            return landed;
        throw e;
    }
}
async function closeEarlier(store, marker) {
    const earlier = await store.findByMarker(marker);
    if (earlier?.state !== 'open')
        return undefined;
    await store.update(earlier.number, { state: 'closed' });
    return earlier.number;
}


/***/ }),

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


/***/ }),

/***/ 7005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G_: () => (/* binding */ groupsBy),
/* harmony export */   Kd: () => (/* binding */ OpenAIAdmin),
/* harmony export */   lk: () => (/* binding */ USAGE_ENDPOINTS)
/* harmony export */ });
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(370);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2175);
/* harmony import */ var _sdk_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4498);



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
        this.#sdk = (0,_sdk_js__WEBPACK_IMPORTED_MODULE_1__/* .openaiSdk */ .P)({
            key: options.adminKey,
            admin: true,
            baseURL: options.baseURL,
            timeoutMs: options.timeoutMs ?? 30_000,
            maxRetries: options.maxRetries ?? 3,
            onRequest: () => this.#requests++,
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
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('GET /organization/projects', async () => {
            const out = [];
            for await (const p of this.#sdk.admin.organization.projects.list({ limit: 100, include_archived: true })) {
                out.push({ id: p.id, name: p.name ?? null, createdAt: p.created_at, archived: p.archived_at != null || p.status === 'archived' });
            }
            return out;
        });
    }
    /** Every enabled key of a project, including those of owners who lost access (`owner_project_access=any`). */
    async projectKeys(projectId) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)(`GET /organization/projects/${projectId}/api_keys`, async () => {
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
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)(`GET /organization/projects/${projectId}/service_accounts`, async () => {
            const out = [];
            for await (const s of this.#sdk.admin.organization.projects.serviceAccounts.list(projectId, { limit: 100 }))
                out.push({ id: s.id, projectId, name: s.name });
            return out;
        });
    }
    async adminKeys() {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('GET /organization/admin_api_keys', async () => {
            const out = [];
            for await (const k of this.#sdk.admin.organization.adminAPIKeys.list({ limit: 100 })) {
                out.push({ type: 'admin_key', id: k.id, name: k.name ?? null, redactedValue: k.redacted_value, ownerName: k.owner.name ?? null, createdAt: k.created_at, lastUsedAt: k.last_used_at ?? null, expiresAt: k.expires_at });
            }
            return out;
        });
    }
    /**
     * Project id → member user ids, from the organization's users (each lists its projects), and
     * user id → name. `members` is `undefined` when a user comes without `projects`: the description
     * makes the field optional ("if included"), and a missing list is not an empty one.
     */
    async projectMembers() {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('GET /organization/users', async () => {
            const members = new Map();
            const userNames = new Map();
            let complete = true;
            for await (const u of this.#sdk.admin.organization.users.list({ limit: 100 })) {
                if (u.name)
                    userNames.set(u.id, u.name);
                if (!u.projects)
                    complete = false;
                for (const p of u.projects?.data ?? [])
                    if (p.id)
                        (members.get(p.id) ?? members.set(p.id, []).get(p.id)).push(u.id);
            }
            return { members: complete ? members : undefined, userNames };
        });
    }
    /** The user ids of one project's members. */
    async projectUsers(projectId) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)(`GET /organization/projects/${projectId}/users`, async () => {
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
     * only the groupings the endpoint has (see `groupsBy`); `apiKeyIds` only where it groups by
     * `api_key_id`.
     */
    async usage(endpoint, range, groupBy, projectIds, apiKeyIds) {
        const { method, quantity } = ENDPOINT[endpoint];
        const out = [];
        let page;
        do {
            const query = { start_time: range.start, end_time: range.end, bucket_width: '1d', group_by: groupBy, limit: 31, ...(projectIds ? { project_ids: projectIds } : {}), ...(apiKeyIds ? { api_key_ids: apiKeyIds } : {}), ...(page ? { page } : {}) };
            const res = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)(`GET /organization/usage/${endpoint}`, () => this.#sdk.admin.organization.usage[method](query));
            for (const b of res.data) {
                out.push({
                    endpoint,
                    start: b.start_time,
                    end: b.end_time,
                    results: b.results.map((r) => {
                        const x = r;
                        const n = (k) => (k !== null && typeof x[k] === 'number' ? x[k] : 0);
                        const s = (k) => (typeof x[k] === 'string' ? x[k] : null);
                        return { projectId: s('project_id'), model: s('model'), apiKeyId: s('api_key_id'), userId: s('user_id'), inputTokens: n('input_tokens'), outputTokens: n('output_tokens'), cachedTokens: n('input_cached_tokens'), requests: n('num_model_requests'), quantity: n(quantity) };
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
            const res = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('GET /organization/costs', () => this.#sdk.admin.organization.usage.costs(query));
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
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)(`DELETE /organization/projects/${projectId}/api_keys/${keyId}`, () => this.#sdk.admin.organization.projects.apiKeys.delete(keyId, { project_id: projectId }));
    }
    deleteServiceAccount(projectId, serviceAccountId) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)(`DELETE /organization/projects/${projectId}/service_accounts/${serviceAccountId}`, () => this.#sdk.admin.organization.projects.serviceAccounts.delete(serviceAccountId, { project_id: projectId }));
    }
    deleteAdminKey(keyId) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)(`DELETE /organization/admin_api_keys/${keyId}`, () => this.#sdk.admin.organization.adminAPIKeys.delete(keyId));
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
/* harmony import */ var _detect_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1457);


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
        return new ApiError(endpoint, undefined, e.cause instanceof Error ? e.cause.message : `could not connect: ${e.message}`);
    if (e instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .APIError */ .LG) {
        const body = e.error;
        return new ApiError(endpoint, e.status, body?.message ?? e.message, e.requestID ?? undefined, e.code ?? undefined);
    }
    return new ApiError(endpoint, undefined, e instanceof Error ? e.message : String(e));
}


/***/ }),

/***/ 4498:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ openaiSdk)
/* harmony export */ });
/* unused harmony export OPENAI_API */
/* harmony import */ var openai__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8193);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/** OpenAI's API; another base URL comes only from the `openai-base-url` input or flag. */
const OPENAI_API = 'https://api.openai.com/v1';
/** Request headers the SDK itself sets; anything else (OPENAI_CUSTOM_HEADERS) is dropped. */
const SDK_HEADERS = /^(?:accept|content-type|content-length|user-agent|idempotency-key|x-stainless-[a-z0-9-]+)$/i;
/**
 * An `openai` client that reads nothing from the environment. The SDK would take OPENAI_BASE_URL
 * (sending every key to whatever it names), OPENAI_ORG_ID and OPENAI_PROJECT_ID (making every
 * probe answer "mismatched") and OPENAI_CUSTOM_HEADERS (which can even replace Authorization).
 * Options pass explicit values or nulls, and the fetch rebuilds the headers from an allowlist, so
 * nothing the job environment says reaches OpenAI.
 */
function openaiSdk(o) {
    return new openai__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .Ay({
        apiKey: o.admin ? null : o.key,
        adminAPIKey: o.admin ? o.key : null,
        organization: null,
        project: null,
        webhookSecret: null,
        baseURL: o.baseURL ?? OPENAI_API,
        timeout: o.timeoutMs,
        maxRetries: o.maxRetries,
        logLevel: 'off',
        fetch: (url, init) => {
            o.onRequest?.();
            const headers = new Headers();
            for (const [name, value] of new Headers(init?.headers))
                if (SDK_HEADERS.test(name))
                    headers.set(name, value);
            headers.set('authorization', `Bearer ${o.key}`);
            if (o.organization)
                headers.set('openai-organization', o.organization);
            if (o.project)
                headers.set('openai-project', o.project);
            // The SDK reports any network failure as "Connection error.": say where, and who chose it.
            return fetch(url, { ...init, headers }).catch((e) => {
                if (e.name === 'AbortError')
                    throw e;
                throw new Error(`could not connect to ${String(url).split('?')[0]} (${o.baseURL ? 'set by --openai-base-url, or input openai-base-url' : "OpenAI's API"}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .connectionCause */ .Id)(e)}`);
            });
        },
    });
}


/***/ }),

/***/ 994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BP: () => (/* binding */ fileIssues),
  bn: () => (/* binding */ leakLabels),
  uf: () => (/* binding */ respond)
});

// UNUSED EXPORTS: leakIssuePolicy

// EXTERNAL MODULE: ./src/text/body-limit.ts
var body_limit = __webpack_require__(2305);
// EXTERNAL MODULE: ./src/github/issue-writer.ts
var issue_writer = __webpack_require__(1402);
// EXTERNAL MODULE: ./src/text/marker.ts
var marker = __webpack_require__(4777);
// EXTERNAL MODULE: ./src/detect/index.ts + 2 modules
var detect = __webpack_require__(1457);
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
/** Which records a key of this kind can belong to (its spec says): admin keys only among admin keys, and so on. */
function candidates(kind, inventory) {
    const records = (0,detect/* kindSpec */.KS)(kind).inventory;
    if (records === 'none')
        return [];
    if (records === 'admin')
        return inventory.adminKeys;
    const owner = records === 'project-service-account' ? 'service_account' : 'user';
    return inventory.projectKeys.filter((k) => k.owner.type === owner);
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

// EXTERNAL MODULE: ./src/respond/leak-issue.ts
var leak_issue = __webpack_require__(8280);
// EXTERNAL MODULE: ./src/text/count.ts
var count = __webpack_require__(896);
;// CONCATENATED MODULE: ./src/respond/respond.ts






/** Leak issues' labels: red, as a leak is. */
const leakLabels = (names) => ({ names, color: 'b60205', description: 'Raised by keyguard: a leaked OpenAI API key' });
function summarize(m, inventory, proven) {
    if (m.type === 'not-found')
        return m;
    if (m.type === 'ambiguous')
        return { type: 'ambiguous', keyIds: m.records.map((r) => r.id) };
    const r = m.record;
    const how = proven ? { proven } : {};
    if (r.type === 'admin_key')
        return { type: 'matched', recordType: 'admin_key', keyId: r.id, projectId: null, projectName: null, owner: r.ownerName ?? 'unknown', ...how };
    const project = inventory.projects.find((p) => p.id === r.projectId);
    return {
        type: 'matched',
        recordType: 'project_key',
        keyId: r.id,
        projectId: r.projectId,
        projectName: project?.name ?? null,
        owner: r.owner.type === 'user' ? `${r.owner.name} (user${r.ownerHasAccess ? '' : ', no longer in the project'})` : `${r.owner.name} (service account)`,
        ...how,
    };
}
/**
 * Leak response for what a scan found, one key at a time: is it live, whose is it, revoke it
 * (only when asked, only a key proven live and to be one exact record), and one issue per key,
 * found again by its marker.
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
    const now = Math.floor(deps.now?.() ?? Date.now() / 1000);
    const exposed = [];
    // Before any key is acted on: an unreachable GitHub fails the run first.
    if (settings.issues && deps.tracker && groups.size > 0)
        await (0,issue_writer/* ensureLabels */.c)(deps.tracker, { labels: leakLabels(settings.issues.labels) });
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
                let record = match.type === 'matched' ? match.record : undefined;
                if (settings.revoke === 'live') {
                    const decided = await revokeIfProven(secret, kind, match, response.liveness, settings.dryRun, inv, deps.openai);
                    if (decided.proven)
                        response = { ...response, match: summarize({ type: 'matched', record: decided.proven.record }, inv, decided.proven.rule) };
                    if (decided.proven)
                        record = decided.proven.record;
                    response = { ...response, revocation: decided.outcome };
                    if (decided.outcome.type === 'revoked')
                        revoked++;
                    const o = decided.outcome;
                    logger.info(`keyguard: ${redacted}: ${o.type}${'action' in o ? ` (${o.action})` : 'reason' in o ? ` (${o.reason})` : ` (${o.error})`}`);
                }
                // The usage API knows project keys by id; admin keys make no model requests.
                if (record?.type === 'project_key')
                    exposed.push({ fingerprint, keyId: record.id, projectId: record.projectId, since: exposedSince(findings, now), lastUsedAt: record.lastUsedAt });
            }
            catch (e) {
                const message = e instanceof Error ? e.message : String(e);
                logger.warning(`keyguard: could not look up or revoke ${redacted}: ${message}`);
                if (settings.revoke !== 'off')
                    response = { ...response, revocation: { type: 'failed', error: message } };
            }
        }
        responses.set(fingerprint, response);
    }
    if (deps.exposure && exposed.length > 0) {
        try {
            const measured = await deps.exposure(exposed);
            for (const e of exposed) {
                const m = measured.get(e.keyId);
                if (m)
                    responses.set(e.fingerprint, { ...responses.get(e.fingerprint), exposure: m });
            }
        }
        catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            logger.warning(`keyguard: could not read the usage since exposure: ${message}`);
            notes.push(`Usage since exposure could not be read: ${message}`);
        }
    }
    if (settings.issues && deps.tracker) {
        const leaks = [...groups].map(([fingerprint, findings]) => ({ fingerprint, kind: findings[0].kind, redacted: findings[0].redacted, findings, response: responses.get(fingerprint) }));
        const filed = await fileIssues(deps.tracker, leaks, settings.issues, settings.repo, logger);
        for (const [fingerprint, issue] of filed.issues)
            responses.set(fingerprint, { ...responses.get(fingerprint), issue });
        ({ opened, deferred } = filed);
    }
    if (deferred > 0)
        notes.push(`${(0,count/* count */.U)(deferred, 'issue')} not opened this run: at most ${settings.issues?.maxNew} new issues a run (GitHub limits content creation); the next run opens them.`);
    const findings = result.findings.map((f) => {
        const response = responses.get(f.fingerprint);
        // Live stays live in `response.liveness` (it was live when found); the finding says what it is now.
        const status = response.revocation?.type === 'revoked' ? 'revoked' : (response.liveness?.status ?? 'unverified');
        return { ...f, status, response };
    });
    const live = [...responses.values()].filter((r) => r.liveness?.status === 'live').length;
    return { result: { ...result, findings }, summary: { keys: groups.size, live, revoked, issuesOpened: opened, issuesDeferred: deferred, notes } };
}
/** When a key was exposed: the author date of the first commit that added it; else (working tree, staged) now. */
function exposedSince(findings, now) {
    // An alert gives the commit but not its date: GitHub's detection time bounds the exposure instead.
    const dates = findings.map((f) => (f.commit && f.git?.authorDate ? Date.parse(f.git.authorDate) / 1000 : f.alert ? Date.parse(f.alert.createdAt) / 1000 : NaN)).filter((t) => Number.isFinite(t));
    return dates.length ? Math.floor(Math.min(...dates)) : now;
}
/**
 * `revoke: live`: only a key found live, and proven to be one exact record of the organization.
 * Unknown liveness (429, 5xx, network) never revokes: the next run tries again.
 */
async function revokeIfProven(secret, kind, match, liveness, dryRun, inventory, openai) {
    if (liveness?.status === 'revoked')
        return { outcome: { type: 'already-gone', action: 'the key no longer works' } };
    if (liveness?.status !== 'live')
        return { outcome: { type: 'refused', reason: liveness ? `it is ${liveness.status}, and only a key found live is revoked (the next run checks again)` : 'liveness was not checked (verify is off), and only a key found live is revoked' } };
    if (match.type === 'not-found')
        return { outcome: { type: 'refused', reason: 'no key of the organization shows its visible characters' } };
    const proof = await openai.prove(secret, kind, match.type === 'matched' ? [match.record] : match.records);
    if (proof.type === 'unproven')
        return { outcome: { type: 'unproven', reason: proof.reason, confirm: proof.confirm } };
    return { outcome: await openai.revoker(inventory).revoke(secret.reveal(), proof.record, { dryRun }), proven: proof };
}
/** Opened within the run's budget, labelled and assigned; the title stays as its team may have edited it. */
function leakIssuePolicy(issues, budget) {
    return { open: true, budget, labels: leakLabels(issues.labels), assignees: issues.assignees };
}
/**
 * One issue per leaked key, found again by its marker: opened (at most `maxNew` a run, the rest
 * deferred), its facts and places updated, and a comment when the key turns up in new places.
 */
async function fileIssues(tracker, groups, issues, repo, logger) {
    const filed = new Map();
    let opened = 0;
    let deferred = 0;
    const policy = leakIssuePolicy(issues, () => opened < issues.maxNew);
    for (const group of groups) {
        const issue = await fileIssue(tracker, group, issues.mention, repo, policy, logger);
        if (issue.action === 'created')
            opened++;
        if (issue.action === 'deferred')
            deferred++;
        filed.set(group.fingerprint, issue);
    }
    return { issues: filed, opened, deferred };
}
async function fileIssue(tracker, group, mention, repo, policy, logger) {
    try {
        const out = await (0,issue_writer/* writeMarked */.S)(tracker, (0,marker/* markerLine */.B_)('leak', group.fingerprint), (previous) => {
            const { title, body, newPlaces } = (0,leak_issue/* renderLeakIssue */.XX)(group, repo, mention, previous?.body);
            return { title, body, ...(newPlaces.length ? { comment: foundAgain(group.redacted, newPlaces) } : {}) };
        }, policy);
        if (!out.issue)
            return { number: null, url: null, action: 'deferred' };
        if (out.action === 'created')
            logger.info(`keyguard: opened issue #${out.issue.number} for ${group.redacted}`);
        return { number: out.issue.number, url: out.issue.url, action: out.action };
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        logger.warning(`keyguard: could not file the issue for ${group.redacted}: ${message}`);
        return { number: null, url: null, action: 'failed', error: message };
    }
}
function foundAgain(redacted, places) {
    const n = places.length;
    return [`keyguard found ${redacted} again, in ${(0,count/* count */.U)(n, 'new place')}:`, '', ...places.slice(0, 20), ...(n > 20 ? ['', (0,body_limit/* moreInReport */.h6)(n - 20, 'place')] : [])].join('\n');
}


/***/ }),

/***/ 8582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runLeakResponse: () => (/* binding */ runLeakResponse)
});

// UNUSED EXPORTS: organizationDeps

// EXTERNAL MODULE: ./src/github/octokit.ts
var octokit = __webpack_require__(6702);
// EXTERNAL MODULE: ./src/github/issue-tracker.ts + 1 modules
var issue_tracker = __webpack_require__(2574);
// EXTERNAL MODULE: ./src/openai/admin-client.ts
var admin_client = __webpack_require__(7005);
// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 232 modules
var openai = __webpack_require__(8193);
// EXTERNAL MODULE: ./src/detect/index.ts + 2 modules
var detect = __webpack_require__(1457);
// EXTERNAL MODULE: ./src/openai/sdk.ts
var sdk = __webpack_require__(4498);
;// CONCATENATED MODULE: ./src/openai/liveness.ts



/** OpenAI's 429 codes for a key that works but has no credit (retrying does not help). */
const QUOTA_CODES = new Set(['insufficient_quota', 'credit_balance_exhausted', 'organization_spend_limit_exceeded', 'project_spend_limit_exceeded', 'organization_usage_limit_exceeded']);
const probeSdk = (secret, admin, options) => (0,sdk/* openaiSdk */.P)({ key: secret.reveal(), admin, baseURL: options.baseURL, project: options.project, timeoutMs: options.timeoutMs ?? 10_000, maxRetries: 0 });
/**
 * Whether a found key still works, without spending tokens: `GET /v1/models` (for an admin key,
 * the admin keys list with `limit=1`), with retries off, so a quota 429 is read once, not retried.
 */
async function checkLiveness(secret, kind, options = {}) {
    try {
        const admin = (0,detect/* kindSpec */.KS)(kind).probe === 'admin-keys';
        const sdk = probeSdk(secret, admin, options);
        if (admin) {
            await sdk.admin.organization.adminAPIKeys.list({ limit: 1 });
            return { status: 'live', rule: '200 from GET /organization/admin_api_keys' };
        }
        await sdk.models.list();
        return { status: 'live', rule: `200 from GET /models${options.project ? ` with OpenAI-Project: ${options.project}` : ''}` };
    }
    catch (e) {
        return classify(e);
    }
}
/**
 * The ids of the admin keys a found admin key lists: the keys of its own organization. Admin key
 * ids are unique, so the matched record among them proves the found key is of this organization.
 */
async function adminKeyIdsListedBy(secret, options = {}) {
    try {
        const ids = [];
        for await (const k of probeSdk(secret, true, options).admin.organization.adminAPIKeys.list({ limit: 100 }))
            ids.push(k.id);
        return { ids };
    }
    catch (e) {
        return { error: classify(e) };
    }
}
/** Maps the probe's failure to a verdict; `rule` names the branch that decided. */
function classify(e) {
    if (e instanceof openai/* APIConnectionTimeoutError */.qA)
        return { status: 'unknown', rule: 'timeout', reason: 'the request timed out' };
    if (e instanceof openai/* APIConnectionError */.xX)
        return { status: 'unknown', rule: 'network', reason: (0,detect/* scrubSecrets */.Zg)(e.cause instanceof Error ? e.cause.message : e.message) };
    if (!(e instanceof openai/* APIError */.LG) || e.status === undefined)
        return { status: 'unknown', rule: 'error', reason: (0,detect/* scrubSecrets */.Zg)(e instanceof Error ? e.message : String(e)) };
    const body = (e.error ?? {});
    const message = (0,detect/* scrubSecrets */.Zg)(body.message ?? e.message);
    const code = body.code ?? e.code ?? null;
    if (e.status === 401) {
        if (code === 'invalid_api_key')
            return { status: 'revoked', rule: '401 invalid_api_key' };
        // A restricted key without the Models scope authenticates, then lacks a scope: it works.
        if (/missing scopes|insufficient permissions/i.test(message))
            return { status: 'live', rule: '401 missing scopes (restricted key)' };
        if (/ip not authorized/i.test(message))
            return { status: 'live', rule: '401 IP not allowlisted (key valid)' };
        return { status: 'unknown', rule: `401 ${code ?? 'no code'}`, reason: message };
    }
    if (e.status === 429) {
        if ((code && QUOTA_CODES.has(code)) || (body.type && QUOTA_CODES.has(body.type)))
            return { status: 'live', rule: `429 ${code ?? body.type} (authenticated, out of quota)` };
        return { status: 'unknown', rule: '429 rate limited', reason: message };
    }
    if (e.status >= 500)
        return { status: 'unknown', rule: `${e.status} server error`, reason: message };
    return { status: 'unknown', rule: `${e.status}`, reason: message };
}

;// CONCATENATED MODULE: ./src/openai/proof.ts
/** More candidate projects than this is not a leak we guess about: it is reported. */
const MAX_PROJECT_PROBES = 5;
const MISMATCH = /^401 mismatched_(?:project|organization)$/;
/**
 * Proves which of the records that show the key's visible characters the key is:
 *  - a project key must answer `GET /v1/models` under `OpenAI-Project` of the record's project
 *    (OpenAI answers another project's key with 401 `mismatched_project`), in exactly one of the
 *    candidate projects, and exactly one candidate of that project may show its characters;
 *  - an admin key must list the record among its organization's admin keys.
 * Anything the probes cannot decide (429, 5xx, network) is unproven: the next run tries again.
 */
async function proveRecord(candidates, probe) {
    if (candidates.length === 0)
        return { type: 'unproven', reason: 'no key of the organization shows its visible characters', confirm: 'nothing to confirm: it is not a key of this organization' };
    if (candidates[0].type === 'admin_key')
        return proveAdminKey(candidates, probe);
    const projects = [...new Set(candidates.map((c) => (c.type === 'project_key' ? c.projectId : '')))];
    const confirm = `call \`GET /v1/models\` with the key and the header \`OpenAI-Project: ${projects.slice(0, MAX_PROJECT_PROBES).join('` (or `')}${projects.length > MAX_PROJECT_PROBES ? ', …' : ''}\`: 200 means it is a key of that project; then find it by its visible characters and last use in that project's API keys and revoke it there`;
    if (projects.length > MAX_PROJECT_PROBES)
        return { type: 'unproven', reason: `${projects.length} projects hold keys with its visible characters, more than the ${MAX_PROJECT_PROBES} keyguard probes`, confirm };
    const answering = [];
    for (const projectId of projects) {
        const l = await probe.inProject(projectId);
        if (l.status === 'live')
            answering.push(projectId);
        else if (l.status === 'unknown' && !MISMATCH.test(l.rule))
            return { type: 'unproven', reason: `the probe under \`OpenAI-Project: ${projectId}\` did not decide (${l.rule})`, confirm };
    }
    if (answering.length === 0)
        return { type: 'unproven', reason: `it does not answer as a key of ${projects.map((p) => `\`${p}\``).join(', ')} (401 mismatched_project): it is another organization's or project's key`, confirm };
    if (answering.length > 1)
        return { type: 'unproven', reason: `it answers in ${answering.length} projects (a user key): not one record`, confirm };
    const inProject = candidates.filter((c) => c.type === 'project_key' && c.projectId === answering[0]);
    if (inProject.length > 1)
        return { type: 'unproven', reason: `${inProject.length} keys of \`${answering[0]}\` show its visible characters (${inProject.map((r) => r.id).join(', ')})`, confirm };
    return { type: 'proven', record: inProject[0], rule: `200 from GET /models with OpenAI-Project: ${answering[0]}; the only key of that project with its visible characters` };
}
async function proveAdminKey(candidates, probe) {
    const confirm = `list admin keys with the found key (\`GET /v1/organization/admin_api_keys\`): if it lists ${candidates.map((c) => `\`${c.id}\``).join(' or ')}, it is this organization's key; then revoke it in the organization's admin keys`;
    const listed = await probe.adminKeyIds();
    if ('error' in listed)
        return { type: 'unproven', reason: `it could not list admin keys (${listed.error.rule})`, confirm };
    const mine = candidates.filter((c) => listed.ids.includes(c.id));
    if (mine.length === 1)
        return { type: 'proven', record: mine[0], rule: `it lists admin key ${mine[0].id} among its organization's keys` };
    return { type: 'unproven', reason: mine.length === 0 ? 'it lists none of the matching admin keys: it is another organization\'s key' : `it lists ${mine.length} admin keys with its visible characters`, confirm };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/openai/inventory-file.ts


/**
 * The organization's key records saved once per org-wide run (by the discover job) so that the
 * scan jobs match found keys without each reading the whole organization again. It holds ids,
 * names, owners and redacted values: no secret (the admin key never leaves the job that read it).
 */
const VERSION = 1;
async function writeInventoryFile(file, inventory, readAt) {
    await writeFile(file, `${JSON.stringify({ keyguardInventory: VERSION, readAt, ...inventory, requests: 0 })}\n`);
}
async function readInventoryFile(file) {
    let data;
    try {
        data = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`${file}: cannot read the organization inventory (${e.code ?? e.message})`);
    }
    const arrays = ['projects', 'projectKeys', 'serviceAccounts', 'adminKeys'];
    if (data.keyguardInventory !== VERSION || typeof data.readAt !== 'number' || arrays.some((k) => !Array.isArray(data[k]))) {
        throw new errors/* ConfigurationError */.j1(`${file}: not an inventory written by this version of keyguard's discover (expected keyguardInventory ${VERSION})`);
    }
    return data;
}

// EXTERNAL MODULE: ./src/exposure/exposure.ts
var exposure = __webpack_require__(8792);
// EXTERNAL MODULE: ./src/openai/errors.ts
var openai_errors = __webpack_require__(2175);
// EXTERNAL MODULE: ./src/text/count.ts
var count = __webpack_require__(896);
;// CONCATENATED MODULE: ./src/openai/revoke.ts


const gone = (e) => e instanceof openai_errors/* ApiError */.hD && e.status === 404;
/**
 * Revocation through the admin API, by the kind of record the key matched:
 *  - a user's project key: delete the project key;
 *  - a service account's key: delete the key; where the API refuses that (it answered 400 in its
 *    2026-08 description), delete the service account, but only when it holds no other key;
 *  - an admin key: delete it, never the admin key doing the revoking.
 * A 404 means the key is already gone, which is the goal.
 */
class OpenAIRevoker {
    #admin;
    #inventory;
    constructor(admin, inventory) {
        this.#admin = admin;
        this.#inventory = inventory;
    }
    async revoke(secret, record, { dryRun }) {
        try {
            if (record.type === 'admin_key') {
                if (this.#admin.isOwnKey(secret))
                    return { type: 'refused', reason: 'it is the admin key keyguard is using; rotate it by hand' };
                const action = `delete admin key ${record.id}`;
                if (dryRun)
                    return { type: 'would-revoke', action };
                return await this.#delete(action, () => this.#admin.deleteAdminKey(record.id));
            }
            if (record.owner.type === 'user') {
                const action = `delete project key ${record.id} of ${record.projectId}`;
                if (dryRun)
                    return { type: 'would-revoke', action };
                return await this.#delete(action, () => this.#admin.deleteProjectKey(record.projectId, record.id));
            }
            return await this.#revokeServiceAccountKey(record, record.owner.id, dryRun);
        }
        catch (e) {
            return { type: 'failed', error: e instanceof Error ? e.message : String(e) };
        }
    }
    async #revokeServiceAccountKey(record, accountId, dryRun) {
        const keyAction = `delete service-account key ${record.id} of ${record.projectId}`;
        const others = this.#inventory.projectKeys.filter((k) => k.owner.type === 'service_account' && k.owner.id === accountId && k.id !== record.id);
        if (dryRun)
            return { type: 'would-revoke', action: `${keyAction} (or, if the API refuses, the service account ${accountId}${others.length ? ': refused, it holds other keys' : ''})` };
        try {
            return await this.#delete(keyAction, () => this.#admin.deleteProjectKey(record.projectId, record.id));
        }
        catch (e) {
            if (!(e instanceof openai_errors/* ApiError */.hD && e.status === 400))
                throw e;
        }
        // The API refused to delete a service account's key: deleting the account revokes its keys,
        // which is only acceptable when this key is its only one.
        if (others.length > 0)
            return { type: 'refused', reason: `the API will not delete a service account's key, and service account ${accountId} holds ${(0,count/* count */.U)(others.length, 'other key')}: ${others.map((k) => k.id).join(', ')}` };
        return this.#delete(`delete service account ${accountId} of ${record.projectId} (its only key leaked)`, () => this.#admin.deleteServiceAccount(record.projectId, accountId));
    }
    async #delete(action, fn) {
        try {
            await fn();
            return { type: 'revoked', action };
        }
        catch (e) {
            if (gone(e))
                return { type: 'already-gone', action: `${action} answered 404: already revoked` };
            throw e;
        }
    }
}

// EXTERNAL MODULE: ./src/github/secret-alerts.ts
var secret_alerts = __webpack_require__(2319);
;// CONCATENATED MODULE: ./src/respond/alerts.ts

/**
 * Resolves as `revoked` each alert whose key keyguard revoked in this run, with a comment naming
 * what it deleted and the leak issue. A failure is a note: the key is revoked either way.
 */
async function resolveRevokedAlerts(result, octokit, repo, logger, notes) {
    let resolved = 0;
    for (const f of result.findings) {
        const o = f.response?.revocation;
        if (!f.alert || o?.type !== 'revoked')
            continue;
        const issue = f.response?.issue?.number ? ` Leak issue: #${f.response.issue.number}.` : '';
        try {
            await (0,secret_alerts/* resolveAlertRevoked */.LQ)(octokit, repo, f.alert.number, `keyguard revoked this key (${o.action}) after proving it live and the organization's.${issue}`);
            resolved++;
        }
        catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            notes.push(`Secret scanning alert #${f.alert.number} could not be resolved as revoked: ${message}`);
            logger.warning(`keyguard: ${notes.at(-1)}`);
        }
    }
    return resolved;
}

// EXTERNAL MODULE: ./src/respond/respond.ts + 1 modules
var respond = __webpack_require__(994);
;// CONCATENATED MODULE: ./src/respond/wire.ts










/**
 * Matching, proof and revocation over an inventory source: the organization read now (with the
 * admin key, which revocation needs) or the run's saved inventory (matching and proof only: proof
 * asks the found key itself, and a run over a saved inventory never revokes).
 */
function organizationDeps(admin, baseURL, inventory) {
    return {
        inventory,
        prove: (s, k, candidates) => proveRecord(candidates, { inProject: (project) => checkLiveness(s, k, { baseURL, project }), adminKeyIds: () => adminKeyIdsListedBy(s, { baseURL }) }),
        revoker: (inv) => {
            if (!admin)
                throw new Error('bug: revocation over a saved inventory');
            return new OpenAIRevoker(admin, inv);
        },
    };
}
/**
 * Builds leak response's adapters from validated options (the same for the action and the CLI).
 * The scan's notes (what a source could not read) lead the summary's.
 */
async function runLeakResponse(result, options, ctx) {
    const { logger } = ctx;
    const enabled = options.verify || options.adminKey || options.inventoryFile || options.issues || options.alerts;
    if (!enabled)
        return undefined;
    if (options.adminKey)
        logger.mask(options.adminKey);
    if (options.issues)
        logger.mask(options.issues.token);
    const scanNotes = result.notes ?? [];
    // A run that read GitHub's alerts says so (or why it could not), even with nothing to respond to.
    if (result.findings.length === 0)
        return options.alerts ? { result, summary: { keys: 0, live: 0, revoked: 0, issuesOpened: 0, issuesDeferred: 0, notes: scanNotes } } : undefined;
    const baseURL = options.openaiBaseUrl;
    const admin = options.adminKey ? new admin_client/* OpenAIAdmin */.Kd({ adminKey: options.adminKey, baseURL, logger }) : undefined;
    const [owner, repo] = options.issues ? options.issues.repository.split('/') : [];
    // A revoking run acts on the organization as it is now, never on a snapshot taken hours before.
    const snapshot = options.revoke === 'off' ? options.inventoryFile : undefined;
    const deps = {
        logger,
        ...(options.verify ? { liveness: (s, k) => checkLiveness(s, k, { baseURL }) } : {}),
        ...(admin ? { exposure: ctx.exposure ?? ((keys) => (0,exposure/* measureExposure */.eH)(keys, admin, Math.floor(Date.now() / 1000))) } : {}),
        ...(snapshot ? { openai: organizationDeps(undefined, baseURL, () => readInventoryFile(snapshot)) } : admin ? { openai: organizationDeps(admin, baseURL, () => admin.inventory()) } : {}),
        ...(options.issues
            ? {
                tracker: new issue_tracker/* GitHubIssueTracker */.zo((0,octokit.createOctokit)({ token: options.issues.token, baseUrl: ctx.githubApiUrl, logger, writeIntervalMs: ctx.writeIntervalMs }), { owner: owner, repo: repo }, options.issues.labels[0]),
            }
            : {}),
    };
    const responded = await (0,respond/* respond */.uf)(result, {
        verify: options.verify,
        revoke: options.revoke,
        dryRun: options.dryRun,
        issues: options.issues ? { labels: options.issues.labels, assignees: options.issues.assignees, mention: options.issues.mention, maxNew: options.issues.maxNew } : null,
        repo: ctx.repo,
    }, deps);
    const alertNotes = [];
    const alerts = options.alerts;
    const alertsResolved = alerts
        ? await resolveRevokedAlerts(responded.result, (0,octokit.createOctokit)({ token: alerts.token, baseUrl: ctx.githubApiUrl, logger, writeIntervalMs: ctx.writeIntervalMs }), repoRef(alerts.repository), logger, alertNotes)
        : 0;
    return { result: responded.result, summary: { ...responded.summary, notes: [...scanNotes, ...alertNotes, ...responded.summary.notes], ...(alerts ? { alertsResolved } : {}) } };
}
function repoRef(fullName) {
    const [owner, repo] = fullName.split('/');
    return { owner, repo };
}


/***/ })

};
