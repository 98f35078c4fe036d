export const id = 240;
export const ids = [240];
export const modules = {

/***/ 6240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  organizationDeps: () => (/* binding */ organizationDeps),
  runLeakResponse: () => (/* binding */ runLeakResponse)
});

// EXTERNAL MODULE: ./src/github/octokit.ts
var octokit = __webpack_require__(6702);
// EXTERNAL MODULE: ./src/github/issue-tracker.ts + 1 modules
var issue_tracker = __webpack_require__(2574);
// EXTERNAL MODULE: ./src/openai/admin-client.ts
var admin_client = __webpack_require__(7005);
// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 232 modules
var openai = __webpack_require__(8193);
// EXTERNAL MODULE: ./src/detect/index.ts + 7 modules
var detect = __webpack_require__(9029);
// EXTERNAL MODULE: ./src/openai/sdk.ts
var sdk = __webpack_require__(4498);
;// CONCATENATED MODULE: ./src/openai/liveness.ts



/** OpenAI's 429 codes for a key that works but has no credit (retrying does not help). */
const QUOTA_CODES = new Set(['insufficient_quota', 'credit_balance_exhausted', 'organization_spend_limit_exceeded', 'project_spend_limit_exceeded', 'organization_usage_limit_exceeded']);
const probeSdk = (secret, kind, options) => (0,sdk/* openaiSdk */.P)({ key: secret.reveal(), admin: kind === 'admin', baseURL: options.baseURL, project: options.project, timeoutMs: options.timeoutMs ?? 10_000, maxRetries: 0 });
/**
 * Whether a found key still works, without spending tokens: `GET /v1/models` (for an admin key,
 * the admin keys list with `limit=1`), with retries off, so a quota 429 is read once, not retried.
 */
async function checkLiveness(secret, kind, options = {}) {
    try {
        const sdk = probeSdk(secret, kind, options);
        if (kind === 'admin') {
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
        for await (const k of probeSdk(secret, 'admin', options).admin.organization.adminAPIKeys.list({ limit: 100 }))
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

// EXTERNAL MODULE: ./src/respond/respond.ts + 1 modules
var respond = __webpack_require__(994);
;// CONCATENATED MODULE: ./src/respond/wire.ts







/** The organization through the admin key; proofs are made with the found key itself, at the same base URL. */
function organizationDeps(admin, baseURL) {
    return {
        inventory: () => admin.inventory(),
        prove: (s, k, candidates) => proveRecord(candidates, { inProject: (project) => checkLiveness(s, k, { baseURL, project }), adminKeyIds: () => adminKeyIdsListedBy(s, { baseURL }) }),
        revoker: (inv) => new OpenAIRevoker(admin, inv),
    };
}
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
    const baseURL = options.openaiBaseUrl;
    const admin = options.adminKey ? new admin_client/* OpenAIAdmin */.Kd({ adminKey: options.adminKey, baseURL, logger }) : undefined;
    const [owner, repo] = options.issues ? options.issues.repository.split('/') : [];
    const deps = {
        logger,
        ...(options.verify ? { liveness: (s, k) => checkLiveness(s, k, { baseURL }) } : {}),
        ...(admin ? { openai: organizationDeps(admin, baseURL) } : {}),
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
