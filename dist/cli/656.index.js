export const id = 656;
export const ids = [656];
export const modules = {

/***/ 656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runLeakResponse: () => (/* binding */ runLeakResponse)
});

// EXTERNAL MODULE: ./src/github/octokit.ts
var octokit = __webpack_require__(6702);
// EXTERNAL MODULE: ./src/github/issue-tracker.ts
var issue_tracker = __webpack_require__(6969);
// EXTERNAL MODULE: ./src/openai/admin-client.ts
var admin_client = __webpack_require__(7005);
// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 232 modules
var openai = __webpack_require__(8193);
// EXTERNAL MODULE: ./src/detect/index.ts + 7 modules
var detect = __webpack_require__(9029);
;// CONCATENATED MODULE: ./src/openai/liveness.ts


/** OpenAI's 429 codes for a key that works but has no credit (retrying does not help). */
const QUOTA_CODES = new Set(['insufficient_quota', 'credit_balance_exhausted', 'organization_spend_limit_exceeded', 'project_spend_limit_exceeded', 'organization_usage_limit_exceeded']);
/**
 * Whether a found key still works, without spending tokens: `GET /v1/models` (for an admin key,
 * the admin keys list with `limit=1`), with retries off, so a quota 429 is read once, not retried.
 */
async function checkLiveness(secret, kind, options = {}) {
    const baseURL = options.baseURL ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1';
    const common = { baseURL, maxRetries: 0, timeout: options.timeoutMs ?? 10_000 };
    try {
        if (kind === 'admin') {
            const sdk = new openai/* default */.Ay({ ...common, apiKey: null, adminAPIKey: secret.reveal() });
            await sdk.admin.organization.adminAPIKeys.list({ limit: 1 });
            return { status: 'live', rule: '200 from GET /organization/admin_api_keys' };
        }
        const sdk = new openai/* default */.Ay({ ...common, apiKey: secret.reveal() });
        await sdk.models.list();
        return { status: 'live', rule: '200 from GET /models' };
    }
    catch (e) {
        return classify(e);
    }
}
/** Maps the probe's failure to a verdict; `rule` names the branch that decided. */
function classify(e) {
    if (e instanceof openai/* APIConnectionTimeoutError */.qA)
        return { status: 'unknown', rule: 'timeout', reason: 'the request timed out' };
    if (e instanceof openai/* APIConnectionError */.xX)
        return { status: 'unknown', rule: 'network', reason: (0,detect/* scrubSecrets */.Zg)(e.message) };
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

// EXTERNAL MODULE: ./src/openai/errors.ts
var errors = __webpack_require__(2175);
;// CONCATENATED MODULE: ./src/openai/revoke.ts

const gone = (e) => e instanceof errors/* ApiError */.hD && e.status === 404;
/**
 * Revocation through the admin API, by the kind of record the key matched:
 *  - a user's project key: delete the project key;
 *  - a service account's key: delete the key; where the API refuses that (it answered 400 in its
 *    2026-08 description), delete the service account, but only when it holds no other key;
 *  - an admin key: delete it, never the admin key doing the revoking.
 * Only a `matched` key is acted on; `ambiguous` and `not-found` are reported. A 404 means the key
 * is already gone, which is the goal.
 */
class OpenAIRevoker {
    #admin;
    #inventory;
    constructor(admin, inventory) {
        this.#admin = admin;
        this.#inventory = inventory;
    }
    async revoke(secret, match, { dryRun }) {
        if (match.type === 'not-found')
            return { type: 'refused', reason: 'no key of the organization matches it' };
        if (match.type === 'ambiguous')
            return { type: 'refused', reason: `${match.records.length} keys match its visible characters (${match.records.map((r) => r.id).join(', ')}); revoke it by hand` };
        const record = match.record;
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
            if (!(e instanceof errors/* ApiError */.hD && e.status === 400))
                throw e;
        }
        // The API refused to delete a service account's key: deleting the account revokes its keys,
        // which is only acceptable when this key is its only one.
        if (others.length > 0)
            return { type: 'refused', reason: `the API will not delete a service account's key, and service account ${accountId} holds ${others.length} other key(s): ${others.map((k) => k.id).join(', ')}` };
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

// EXTERNAL MODULE: ./src/respond/respond.ts + 2 modules
var respond = __webpack_require__(7496);
;// CONCATENATED MODULE: ./src/respond/wire.ts






/** Builds leak response's adapters from validated options (the same for the action and the CLI). */
async function runLeakResponse(result, options, ctx) {
    const { logger } = ctx;
    const enabled = options.verify || options.adminKey || options.issues;
    if (!enabled || result.findings.length === 0)
        return undefined;
    if (options.adminKey)
        logger.mask(options.adminKey);
    if (options.issues)
        logger.mask(options.issues.token);
    const admin = options.adminKey ? new admin_client/* OpenAIAdmin */.Kd({ adminKey: options.adminKey, baseURL: options.openaiBaseUrl, logger }) : undefined;
    const [owner, repo] = options.issues ? options.issues.repository.split('/') : [];
    const deps = {
        logger,
        ...(options.verify ? { liveness: (s, k) => checkLiveness(s, k, { baseURL: options.openaiBaseUrl }) } : {}),
        ...(admin ? { openai: { inventory: () => admin.inventory(), revoker: (inv) => new OpenAIRevoker(admin, inv) } } : {}),
        ...(options.issues
            ? {
                tracker: new issue_tracker/* GitHubIssueTracker */.zo((0,octokit/* createOctokit */.Q)({ token: options.issues.token, baseUrl: ctx.githubApiUrl, logger, writeIntervalMs: ctx.writeIntervalMs }), { owner: owner, repo: repo }, options.issues.labels[0]),
            }
            : {}),
    };
    return (0,respond/* respond */.u)(result, {
        verify: options.verify,
        revoke: options.revoke,
        dryRun: options.dryRun,
        issues: options.issues ? { labels: options.issues.labels, assignees: options.issues.assignees, mention: options.issues.mention, maxNew: options.issues.maxNew } : null,
        repo: ctx.repo,
    }, deps);
}


/***/ })

};
