export const id = 161;
export const ids = [161];
export const modules = {

/***/ 6161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aggregateCommand: () => (/* binding */ aggregateCommand),
  audit: () => (/* binding */ audit),
  discoverCommand: () => (/* binding */ discoverCommand),
  report: () => (/* binding */ report),
  scanBatchCommand: () => (/* binding */ scanBatchCommand),
  watch: () => (/* binding */ watch)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github/issue-tracker.ts + 1 modules
var issue_tracker = __webpack_require__(2574);
// EXTERNAL MODULE: ./src/text/marker.ts
var marker = __webpack_require__(4777);
// EXTERNAL MODULE: ./src/text/body-limit.ts
var body_limit = __webpack_require__(2305);
// EXTERNAL MODULE: ./src/github/issue-writer.ts
var issue_writer = __webpack_require__(1402);
// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(788);
// EXTERNAL MODULE: ./src/openai/admin-client.ts
var admin_client = __webpack_require__(7005);
// EXTERNAL MODULE: ./src/audit/finding.ts
var finding = __webpack_require__(2902);
// EXTERNAL MODULE: ./src/audit/render.ts
var render = __webpack_require__(6339);
// EXTERNAL MODULE: ./src/scan/worktree-scan.ts + 2 modules
var worktree_scan = __webpack_require__(7690);
// EXTERNAL MODULE: ./src/sources/git.ts
var git = __webpack_require__(8022);
// EXTERNAL MODULE: ./src/sources/file-reader.ts
var file_reader = __webpack_require__(6280);
// EXTERNAL MODULE: ./src/sources/worktree.ts
var worktree = __webpack_require__(7821);
// EXTERNAL MODULE: ./src/scan/triage.ts
var triage = __webpack_require__(1713);
;// CONCATENATED MODULE: ./src/audit/org-rules.ts

const DAY = 86_400;
const days = (seconds) => Math.floor(seconds / DAY);
/** Each project key with what its messages say of it: its target, owner, project and age. */
function projectKeys({ inv, now }) {
    const projects = new Map(inv.projects.map((p) => [p.id, p]));
    return inv.projectKeys.map((k) => ({
        k,
        project: projects.get(k.projectId),
        target: `${k.projectId}/${k.id}`,
        who: k.owner.type === 'user' ? `${k.owner.name || k.owner.id} (user)` : `${k.owner.name} (service account)`,
        age: days(now - k.createdAt),
    }));
}
/** A rule over each project key: `hit` says what is wrong with one key, or nothing. */
const perKey = (hit) => (org) => projectKeys(org).flatMap((key) => {
    const h = hit(key, org);
    return h ? [{ target: key.target, ...h }] : [];
});
/** A rule over each admin key. */
const perAdminKey = (hit) => (org) => org.inv.adminKeys.flatMap((k) => {
    const h = hit(k, days(org.now - k.createdAt), org);
    return h ? [{ target: `admin key ${k.id}`, ...h }] : [];
});
const production = ({ inv, policy }, k) => {
    const name = inv.projects.find((p) => p.id === k.projectId)?.name;
    return policy.productionProjects.includes(k.projectId) || (name != null && policy.productionProjects.includes(name));
};
/**
 * Hygiene rules over the organization's keys: each key on age, use, owner and project; admin keys
 * on count, age and use. A new rule is an entry here; README's table and the generic test
 * (test/audit-rules.test.ts) follow.
 */
const ORG_RULES = [
    {
        id: 'key-in-archived-project',
        appliesTo: 'organization',
        severity: ['high'],
        doc: 'an enabled key in an archived project',
        check: perKey(({ k, project, who }) => (project?.archived ? { message: `Key "${k.name}" of ${who} is still enabled in archived project ${project.name ?? k.projectId}.`, fix: 'Delete the key; an archived project should hold no usable keys.' } : undefined)),
        samples: { positive: [{ keys: [{ project: 'archived' }] }], negative: [{ keys: [{}] }] },
    },
    {
        id: 'key-owner-without-access',
        appliesTo: 'organization',
        severity: ['high'],
        doc: 'an enabled key whose owner no longer has access to the project',
        check: perKey(({ k, who }) => (!k.ownerHasAccess ? { message: `Key "${k.name}" belongs to ${who}, who no longer has access to the project, yet the key is enabled.`, fix: 'Delete the key, or move the workload to a service account.' } : undefined)),
        samples: { positive: [{ keys: [{ owner: 'user', ownerHasAccess: false }] }], negative: [{ keys: [{ owner: 'user' }] }] },
    },
    {
        id: 'user-key-in-production',
        appliesTo: 'organization',
        severity: ['medium'],
        doc: 'a person\'s key in a project listed in `audit.productionProjects` (service accounts expected)',
        check: perKey(({ k, project, who }, org) => (k.owner.type === 'user' && production(org, k) ? { message: `Production project ${project?.name ?? k.projectId} uses key "${k.name}" owned by a person (${who}).`, fix: 'Use a service-account key, so the workload does not depend on one person\'s account.' } : undefined)),
        samples: { positive: [{ keys: [{ owner: 'user', project: 'production' }] }], negative: [{ keys: [{ owner: 'service_account', project: 'production' }, { owner: 'user' }] }] },
    },
    {
        id: 'key-too-old',
        appliesTo: 'organization',
        severity: ['medium'],
        doc: 'older than `audit.maxKeyAgeDays` (90)',
        check: perKey(({ k, who, age }, { policy }) => (age > policy.maxKeyAgeDays ? { message: `Key "${k.name}" of ${who} is ${age} days old (policy: rotate within ${policy.maxKeyAgeDays}).`, fix: 'Create a new key, switch the secret, delete this one.' } : undefined)),
        samples: { positive: [{ keys: [{ ageDays: 91 }] }], negative: [{ keys: [{ ageDays: 90 }] }] },
    },
    {
        id: 'key-idle',
        appliesTo: 'organization',
        severity: ['low'],
        doc: 'unused for longer than `audit.maxIdleDays` (30), from `last_used_at`',
        check: perKey(({ k, who }, { policy, now }) => (k.lastUsedAt !== null && days(now - k.lastUsedAt) > policy.maxIdleDays ? { message: `Key "${k.name}" of ${who} was last used ${days(now - k.lastUsedAt)} days ago (policy: ${policy.maxIdleDays}).`, fix: 'Delete it if nothing needs it any more.' } : undefined)),
        samples: { positive: [{ keys: [{ ageDays: 60, idleDays: 31 }] }], negative: [{ keys: [{ ageDays: 60, idleDays: 30 }, { ageDays: 60, idleDays: null }] }] },
    },
    {
        id: 'key-never-used',
        appliesTo: 'organization',
        severity: ['low'],
        doc: 'never used, and older than `audit.neverUsedGraceDays` (7)',
        check: perKey(({ k, who, age }, { policy }) => (k.lastUsedAt === null && age > policy.neverUsedGraceDays ? { message: `Key "${k.name}" of ${who} was created ${age} days ago and never used.`, fix: 'Delete it: an unused key is only risk.' } : undefined)),
        samples: { positive: [{ keys: [{ ageDays: 8, idleDays: null }] }], negative: [{ keys: [{ ageDays: 7, idleDays: null }, { ageDays: 60, idleDays: 59 }] }] },
    },
    {
        id: 'too-many-admin-keys',
        appliesTo: 'organization',
        severity: ['high'],
        doc: 'more admin keys than `audit.maxAdminKeys` (2)',
        check: ({ inv, policy }) => (inv.adminKeys.length > policy.maxAdminKeys ? [{ target: 'organization', message: `The organization has ${inv.adminKeys.length} admin keys (policy: at most ${policy.maxAdminKeys}): ${inv.adminKeys.map((k) => k.id).join(', ')}.`, fix: 'Delete admin keys that no automation needs; each one can manage every key of the organization.' }] : []),
        samples: { positive: [{ adminKeys: [{}, {}, {}] }], negative: [{ adminKeys: [{}, {}] }] },
    },
    {
        id: 'admin-key-too-old',
        appliesTo: 'organization',
        severity: ['high'],
        doc: 'an admin key older than `audit.maxKeyAgeDays`',
        check: perAdminKey((k, age, { policy }) => (age > policy.maxKeyAgeDays ? { message: `Admin key "${k.name ?? k.id}" is ${age} days old (policy: ${policy.maxKeyAgeDays}).`, fix: 'Rotate it: create a new admin key, update the secret, delete this one.' } : undefined)),
        samples: { positive: [{ adminKeys: [{ ageDays: 91 }] }], negative: [{ adminKeys: [{ ageDays: 90 }] }] },
    },
    {
        id: 'admin-key-unused',
        appliesTo: 'organization',
        severity: ['medium'],
        doc: 'an admin key idle for longer than `audit.maxIdleDays`, or never used past `audit.neverUsedGraceDays`',
        check: perAdminKey((k, age, { policy, now }) => (k.lastUsedAt === null ? age > policy.neverUsedGraceDays : days(now - k.lastUsedAt) > policy.maxIdleDays)
            ? { message: `Admin key "${k.name ?? k.id}" ${k.lastUsedAt === null ? 'has never been used' : `was last used ${days(now - k.lastUsedAt)} days ago`}.`, fix: 'Delete it if no automation needs it.' }
            : undefined),
        samples: { positive: [{ adminKeys: [{ ageDays: 40, idleDays: 31 }] }, { adminKeys: [{ ageDays: 8, idleDays: null }] }], negative: [{ adminKeys: [{ ageDays: 40, idleDays: 30 }, { ageDays: 7, idleDays: null }] }] },
    },
];
/** Every organization rule over the inventory. */
function auditOrganization(inv, policy, now) {
    return ORG_RULES.flatMap((rule) => (0,finding/* findingsOf */.WX)(rule, rule.check({ inv, policy, now })));
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/detect/index.ts + 2 modules
var detect = __webpack_require__(1457);
;// CONCATENATED MODULE: ./src/audit/repo-rules.ts


/*
 * Repository rules: how code and workflows get their OpenAI keys. Pure: file text in, findings
 * out. Messages never quote the literal: it may be a key.
 */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|ipynb)$/i;
const ENV_FILE = /(?:^|\/)\.env(?:\.[^/]*)?$/;
const ENV_EXAMPLE = /\.(?:example|sample|template|dist|defaults?)$/i;
/** The files a file rule reads. */
const FILE_KINDS = {
    code: (path) => CODE_FILE.test(path),
    workflow: (path) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path),
    env: (path) => ENV_FILE.test(path),
};
function lineAt(text, offset) {
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
/** A JS/TS `apiKey` property, a Python client's `api_key` argument, or `openai.api_key`, given a string literal. */
const LITERAL_PATTERNS = [
    /\bapiKey\s*:\s*(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g,
    /\b(?:Async|Azure)?OpenAI\s*\([^)]*?\bapi_key\s*=\s*(["'])((?:(?!\1)[^\\\n]|\\.)*)\1/g,
    /\bopenai\.api_key\s*=\s*(["'])((?:(?!\1)[^\\\n]|\\.)*)\1/g,
];
const SECRET_EXPR = /\$\{\{\s*secrets\.[A-Za-z0-9_]+\s*\}\}/;
/** A workflow's string values with their key and the path of keys above them; undefined when it does not parse. */
function workflowValues(text) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines });
    if (doc.errors.length > 0)
        return undefined;
    const values = [];
    const walk = (node, key, under) => {
        if ((0,dist/* isMap */.jh)(node)) {
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair) || !(0,dist/* isScalar */.jn)(pair.key))
                    continue;
                walk(pair.value, String(pair.key.value), [...under, String(pair.key.value)]);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            node.items.forEach((item) => walk(item, key, under));
        }
        else if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string' && key) {
            values.push({ node: node, key, under });
        }
    };
    walk(doc.contents, undefined, []);
    return { values, lineOf: (n) => (n.range ? lines.linePos(n.range[0]).line : 1), doc };
}
const at = (file, line) => ({ target: `${file}:${line}`, file, line });
const WORKFLOW_GOOD = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n    steps:\n      - run: node app.js\n';
/**
 * The repository rules, in README's order. A new rule is an entry here; README's table and the
 * generic test (test/audit-rules.test.ts) follow.
 */
const REPO_RULES = [
    {
        id: 'literal-key',
        severity: ['critical'],
        doc: 'an OpenAI key committed in the working tree (the scan\'s findings)',
        appliesTo: 'repository',
        check: (repo) => repo.keys.map((f) => ({ ...at(f.file, f.line), message: `An OpenAI ${(0,detect/* kindLabel */.tf)(f.kind)} ${f.redacted} is committed (fingerprint ${f.fingerprint}).`, fix: 'Revoke it, store the new key as a secret, read it from OPENAI_API_KEY, and purge it from history (keyguard scan --history).' })),
        samples: { positive: [{ 'config.json': '{"key": "sk-proj-{20}{M}{20}"}' }], negative: [{ 'config.json': '{"key": "sk-proj-{X*20}{M}{X*20}"}' }] },
    },
    {
        id: 'client-literal-api-key',
        severity: ['critical', 'medium'],
        doc: '`new OpenAI({ apiKey: "…" })`, Python `OpenAI(api_key="…")` or `openai.api_key = "…"` given a string literal (critical when it is a key) instead of reading `OPENAI_API_KEY`',
        appliesTo: 'code',
        check: (file, text) => {
            if (!/openai/i.test(text))
                return [];
            const out = [];
            for (const re of LITERAL_PATTERNS) {
                for (const m of text.matchAll(re)) {
                    const value = m[2];
                    // Empty strings, template literals that read the environment and bare ellipses (documentation)
                    // are not literals of a key.
                    if (value === '' || value.includes('${') || /^(?:\.{3}|…)$/.test(value))
                        continue;
                    const isKey = (0,detect/* detectKeys */.c8)(value).length > 0;
                    out.push({
                        severity: isKey ? 'critical' : 'medium',
                        ...at(file, lineAt(text, m.index)),
                        message: isKey ? 'An OpenAI client is built with a literal key.' : 'An OpenAI client is built with a literal string as its API key (a placeholder today is a key tomorrow).',
                        fix: 'Read the key from the environment: OpenAI() with no apiKey reads OPENAI_API_KEY (Python: os.environ["OPENAI_API_KEY"]); set it from a secret.',
                    });
                }
            }
            return out;
        },
        samples: {
            // The quotes are templates (`{'*1}`: one quote) as the keys are: written out, this file would
            // be a client built with a literal, and keyguard's own audit would report it.
            positive: [{ 'app.ts': "import OpenAI from 'openai';\nconst c = new OpenAI({ apiKey: {'*1}not-set-yet{'*1} });\n" }, { 'app.py': 'from openai import OpenAI\nclient = OpenAI(api_key={"*1}sk-{20}{M}{20}{"*1})\n' }],
            negative: [{ 'app.ts': "import OpenAI from 'openai';\nconst c = new OpenAI({ apiKey: `${process.env.KEY}` });\n", 'b.py': 'import openai\nopenai.api_key = ""\n' }],
        },
    },
    {
        id: 'env-file-tracked',
        severity: ['high', 'medium'],
        doc: 'a `.env`-style file tracked by git (high when it sets an OpenAI key); `.env.example` and the like are fine',
        appliesTo: 'env',
        check: (file, text, repo) => {
            if (!repo.inGit || ENV_EXAMPLE.test(file))
                return [];
            const assigns = /^\s*(?:export\s+)?OPENAI_[A-Z_]*KEY\s*=\s*['"]?[^\s'"#]+/m.exec(text);
            return [
                {
                    severity: assigns ? 'high' : 'medium',
                    target: file,
                    file,
                    ...(assigns ? { line: lineAt(text, assigns.index) } : {}),
                    message: assigns ? `${file} is tracked by git and sets an OpenAI key.` : `${file} is tracked by git; .env files hold secrets.`,
                    fix: `git rm --cached ${file}, add it to .gitignore, and keep a ${file}.example with empty values instead.`,
                },
            ];
        },
        samples: { positive: [{ '.env': 'OPENAI_API_KEY=not-a-key\n' }, { 'web/.env.local': 'PORT=1\n' }], negative: [{ '.env.example': 'OPENAI_API_KEY=\n' }] },
    },
    {
        id: 'gitignore-missing-env',
        severity: ['medium'],
        doc: '`.gitignore` (as git reads it) does not ignore `.env`',
        appliesTo: 'repository',
        check: (repo) => (repo.envIgnored ? [] : [{ target: '.gitignore', file: '.gitignore', message: '.gitignore does not ignore .env files, so a local .env can be committed by accident.', fix: 'Add the lines .env* and !.env.example to .gitignore.' }]),
        samples: { positive: [{ '.gitignore': 'node_modules\n' }], negative: [{ '.gitignore': '.env*\n!.env.example\n' }] },
    },
    {
        id: 'workflow-literal-key',
        severity: ['critical', 'high'],
        doc: 'a workflow sets an OpenAI key (`env:` or `with:`) to a literal instead of `${{ secrets.… }}`',
        appliesTo: 'workflow',
        check: (file, text) => {
            const w = workflowValues(text);
            if (!w)
                return [];
            return w.values.flatMap(({ node, key, under }) => {
                const parent = under.at(-2);
                const keyish = /openai.*(?:key|token)|api[_-]?key/i.test(key);
                if ((parent !== 'env' && parent !== 'with') || !keyish || node.value.trim() === '' || node.value.includes('${{'))
                    return [];
                const isKey = (0,detect/* detectKeys */.c8)(node.value).length > 0;
                return [{ severity: isKey ? 'critical' : 'high', ...at(file, w.lineOf(node)), message: `${key} is set to a literal in the workflow, not from a secret.`, fix: `Store the key as a repository or organization secret and use ${'${{ secrets.OPENAI_API_KEY }}'}.` }];
            });
        },
        samples: { positive: [{ '.github/workflows/ci.yml': WORKFLOW_GOOD.replace('${{ secrets.OPENAI_API_KEY }}', 'sk-{20}{M}{20}') }], negative: [{ '.github/workflows/ci.yml': WORKFLOW_GOOD }] },
    },
    {
        id: 'workflow-echoes-secret',
        severity: ['high'],
        doc: 'a `run:` step prints a secret, or a variable set from one',
        appliesTo: 'workflow',
        check: (file, text) => {
            const w = workflowValues(text);
            if (!w)
                return [];
            // Names of environment variables set from secrets anywhere in the workflow (a step may echo a
            // variable that a job-level env defines further down the file).
            const secretVars = w.values.filter(({ node, under }) => under.at(-2) === 'env' && SECRET_EXPR.test(node.value)).map((v) => v.key);
            return w.values.flatMap(({ node, key }) => {
                if (key !== 'run')
                    return [];
                const runLine = w.lineOf(node);
                return node.value.split('\n').flatMap((l, i) => {
                    const echoes = /\b(?:echo|printf|print|cat\s*<<)\b/.test(l);
                    const mentionsSecret = SECRET_EXPR.test(l) || secretVars.some((v) => new RegExp(`\\$\\{?${v}\\b`).test(l));
                    if (!echoes || !mentionsSecret || />>\s*"?\$GITHUB_(?:ENV|OUTPUT)/.test(l) || /::add-mask::/.test(l))
                        return [];
                    const line = runLine + i + (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 1 : 0);
                    return [{ ...at(file, line), message: 'A run step prints a secret; masking hides exact matches only, and transformed values leak.', fix: 'Do not print secrets; pass them to the program through env: and let it read them.' }];
                });
            });
        },
        samples: { positive: [{ '.github/workflows/ci.yml': WORKFLOW_GOOD.replace('node app.js', 'echo "$OPENAI_API_KEY" | base64') }], negative: [{ '.github/workflows/ci.yml': WORKFLOW_GOOD.replace('node app.js', 'echo "::add-mask::$OPENAI_API_KEY"') }] },
    },
    {
        id: 'pwn-request',
        severity: ['critical'],
        doc: 'a `pull_request_target` workflow checks out the pull request head and exposes an OpenAI secret',
        appliesTo: 'workflow',
        check: (file, text) => {
            // pull_request_target runs with secrets; checking out the PR head there runs untrusted code with them.
            const w = workflowValues(text);
            if (!w)
                return [];
            const on = w.doc.get('on');
            const triggers = (0,dist/* isMap */.jh)(on) ? on.items.map((p) => String(p.key?.value)) : (0,dist/* isSeq */.oP)(on) ? on.items.map((i) => String(i.value)) : [String(on ?? '')];
            if (!triggers.includes('pull_request_target') || !/secrets\.[A-Za-z0-9_]*OPENAI|OPENAI_[A-Z_]*KEY/i.test(text))
                return [];
            const headRef = /\$\{\{\s*github\.(?:event\.pull_request\.head\.(?:sha|ref)|head_ref)\s*\}\}|refs\/pull\//;
            return [...text.matchAll(/uses:\s*actions\/checkout@[\s\S]*?ref:\s*([^\n]+)/g)]
                .filter((m) => headRef.test(m[1]))
                .map((m) => ({ ...at(file, lineAt(text, m.index)), message: 'A pull_request_target workflow checks out the pull request head and exposes an OpenAI secret: the PR author\'s code runs with it.', fix: 'Use the pull_request event for untrusted code, or never check out the head in pull_request_target; keep secrets out of that job.' }));
        },
        samples: {
            positive: [{ '.github/workflows/pr.yml': WORKFLOW_GOOD.replace('on: push', 'on: pull_request_target').replace('      - run: node app.js', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: node app.js') }],
            negative: [{ '.github/workflows/pr.yml': WORKFLOW_GOOD.replace('on: push', 'on: pull_request_target').replace('      - run: node app.js', '      - uses: actions/checkout@v4\n      - run: node app.js') }],
        },
    },
];
/** The rules a file of this path is read for. */
const rulesForFile = (path) => REPO_RULES.flatMap((r) => (r.appliesTo !== 'repository' && FILE_KINDS[r.appliesTo](path) ? [r] : []));

;// CONCATENATED MODULE: ./src/audit/run.ts








/** Whether git (or, outside a repository, the root .gitignore) ignores a `.env` file. */
async function envIgnored(root, inGit, reader) {
    if (inGit) {
        try {
            await (0,git/* git */.$Y)(root, ['check-ignore', '-q', '--no-index', '.env']);
            return true;
        }
        catch {
            return false;
        }
    }
    const read = reader.read('.gitignore');
    if (read.kind !== 'file')
        return false;
    const { default: ignore } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 298, 23));
    return ignore().add(read.data.toString('utf8')).ignores('.env');
}
/**
 * The audit: the repository rules (REPO_RULES) always, the organization rules (ORG_RULES) when an
 * inventory source is given (an admin key).
 */
async function runAudit(settings, deps) {
    const { root, config } = settings;
    const findings = [];
    const scan = await (0,worktree_scan/* scanWorktree */.X)({ root, config, threads: 'auto' }, deps);
    const allowed = (0,triage/* triageFrom */.b)(config);
    const inGit = (await (0,git/* gitTopLevel */.oB)(root)) !== undefined;
    const reader = new file_reader/* FileReader */.qg(root, config.scan.maxFileSize);
    const repo = { inGit, envIgnored: await envIgnored(root, inGit, reader), keys: scan.findings };
    let filesChecked = 0;
    let workflows = 0;
    // File by file: a file's text is dropped once its rules have read it.
    for await (const batch of (0,worktree/* listWorktree */.S)(root)) {
        for (const file of batch) {
            const rules = allowed.pathAllowed(file) ? [] : rulesForFile(file);
            if (rules.length === 0)
                continue;
            const read = reader.read(file);
            if (read.kind !== 'file')
                continue;
            const text = read.data.toString('utf8');
            filesChecked++;
            if (FILE_KINDS.workflow(file))
                workflows++;
            for (const rule of rules)
                findings.push(...(0,finding/* findingsOf */.WX)(rule, rule.check(file, text, repo)));
        }
    }
    for (const rule of REPO_RULES)
        if (rule.appliesTo === 'repository')
            findings.push(...(0,finding/* findingsOf */.WX)(rule, rule.check(repo)));
    let organization = null;
    if (deps.inventory) {
        const inv = await deps.inventory();
        findings.push(...auditOrganization(inv, config.audit, settings.now));
        organization = { projects: inv.projects.length, keys: inv.projectKeys.length, adminKeys: inv.adminKeys.length, requests: inv.requests };
    }
    return { findings: (0,finding/* sortFindings */.Tc)(findings), stats: { filesChecked, workflows, organization } };
}

;// CONCATENATED MODULE: ./src/audit/command.ts










function parseAuditFailOn(raw, name) {
    const v = raw?.trim() || 'high';
    if (v === 'none' || v === 'any' || finding/* SEVERITIES */.oC.includes(v))
        return v;
    throw new errors/* ConfigurationError */.j1(`${name}: expected one of none, any, ${finding/* SEVERITIES */.oC.join(', ')}, got "${raw}"`);
}
/** Opened when there is something to say, reopened when there is again, closed when all is fixed; retitled with the count. */
function auditIssuePolicy(labels, findings) {
    return {
        open: findings,
        labels: { names: labels, color: 'fbca04', description: 'keyguard key-hygiene audit' },
        retitle: true,
        state: findings ? 'open' : 'closed',
        // A large organization's audit is longer than an issue holds: the rest is in the JSON report.
        more: (n) => (0,body_limit/* moreInReport */.h6)(n),
    };
}
/** Keeps the repository's one audit issue up to date, as `auditIssuePolicy` says. */
async function fileAuditIssue(result, target) {
    const out = await (0,issue_writer/* writeMarked */.S)(target.tracker, (0,marker/* markerLine */.B_)('audit', target.repoId), (previous) => (0,render.renderAuditIssue)(result, target.repoId, previous?.body), auditIssuePolicy(target.labels, result.findings.length > 0));
    if (!out.issue)
        return { number: 0, action: 'none' };
    return { number: out.issue.number, action: out.action === 'commented' ? 'updated' : out.action };
}
/** The audit as both entries run it: repository rules, organization rules with the context's admin key, the issue. */
async function auditCommand(settings, name, ctx) {
    const { logger, adminKey } = ctx;
    const target = settings.issue && (0,context/* issueTarget */.Xp)(ctx, settings.issue.repository, name, 'the audit issue');
    if (adminKey)
        logger.mask(adminKey);
    const admin = adminKey ? new admin_client/* OpenAIAdmin */.Kd({ adminKey, baseURL: settings.openaiBaseUrl, logger }) : undefined;
    const result = await runAudit({ root: settings.root, config: settings.config, now: ctx.now() }, { logger, ...(admin ? { inventory: () => admin.inventory() } : {}) });
    if (!target)
        return { result };
    const labels = settings.issue?.labels?.length ? settings.issue.labels : ['keyguard-audit'];
    const tracker = new issue_tracker/* GitHubIssueTracker */.zo(await (0,context/* githubClient */.$f)(ctx, target.token), { owner: target.owner, repo: target.repo }, labels[0]);
    const issue = await fileAuditIssue(result, { tracker, repoId: `${target.owner}:${target.repo}`, labels });
    return { result, issue };
}

// EXTERNAL MODULE: ./src/cli/args.ts + 1 modules
var args = __webpack_require__(6890);
// EXTERNAL MODULE: ./src/cli/context.ts
var cli_context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/config.ts
var src_config = __webpack_require__(2973);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/respond/respond.ts + 1 modules
var respond = __webpack_require__(994);
// EXTERNAL MODULE: ./src/scan/finding.ts
var scan_finding = __webpack_require__(1164);
// EXTERNAL MODULE: ./src/text/count.ts
var count = __webpack_require__(896);
;// CONCATENATED MODULE: ./src/org/aggregate.ts









/** The fields of a scan's JSON report that aggregation reads (the report holds no key). */
const ReportSchema = schemas/* object */.Ikc({
    repository: schemas/* string */.YjP().optional(),
    findings: schemas/* array */.YOg(schemas/* object */.Ikc({
        file: schemas/* string */.YjP(),
        entry: schemas/* string */.YjP().optional(),
        source: schemas/* enum */.k5n(Object.keys(scan_finding/* SOURCE_LABEL */.Rc)).optional(),
        line: schemas/* number */.aig(),
        commit: schemas/* string */.YjP().nullable(),
        kind: schemas/* enum */.k5n(detect/* KEY_KINDS */.A3),
        fingerprint: schemas/* string */.YjP().regex(/^[0-9a-f]{32}$/),
        redacted: schemas/* string */.YjP(),
        date: schemas/* string */.YjP().nullable().optional(),
        occurrences: schemas/* number */.aig().optional(),
        presentAtHead: schemas/* boolean */.zMY().optional(),
        presentIn: schemas/* array */.YOg(schemas/* object */.Ikc({ ref: schemas/* string */.YjP(), file: schemas/* string */.YjP(), line: schemas/* number */.aig() })).optional(),
        refsHolding: schemas/* number */.aig().optional(),
        liveness: schemas/* object */.Ikc({ status: schemas/* enum */.k5n(['live', 'revoked', 'unknown']), rule: schemas/* string */.YjP(), reason: schemas/* string */.YjP().optional() }).nullable().optional(),
        match: schemas/* any */.bzn().optional(),
        revocation: schemas/* any */.bzn().optional(),
        exposure: schemas/* any */.bzn().optional(),
    })),
});
async function jsonFiles(dir) {
    const out = [];
    for (const e of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
        const p = external_node_path_default().join(dir, e.name);
        if (e.isDirectory())
            out.push(...(await jsonFiles(p)));
        else if (e.name.endsWith('.json'))
            out.push(p);
    }
    return out.sort();
}
/** Reads every scan report under `dir` (artifacts of an org-wide run) and groups findings by key. */
async function readScanReports(dir) {
    let files;
    try {
        files = await jsonFiles(dir);
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`cannot read reports from ${dir}: ${e.code ?? e}`);
    }
    const groups = new Map();
    for (const file of files) {
        let parsed;
        try {
            parsed = ReportSchema.safeParse(JSON.parse(await (0,promises_.readFile)(file, 'utf8')));
        }
        catch (e) {
            throw new errors/* ConfigurationError */.j1(`${file}: not JSON (${e.message})`);
        }
        if (!parsed.success)
            throw new errors/* ConfigurationError */.j1(`${file}: not a keyguard scan report (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
        for (const f of parsed.data.findings) {
            const g = groups.get(f.fingerprint) ?? groups.set(f.fingerprint, { kind: f.kind, redacted: f.redacted, places: [], response: {} }).get(f.fingerprint);
            g.places.push({
                file: f.file,
                ...(f.entry !== undefined ? { entry: f.entry } : {}),
                ...(f.source ? { source: f.source } : {}),
                line: f.line,
                commit: f.commit,
                ...(parsed.data.repository ? { repository: parsed.data.repository } : {}),
                ...(f.occurrences !== undefined ? { git: { authorDate: f.date ?? null, occurrences: f.occurrences, presentAtHead: f.presentAtHead ?? true, atHead: null, locations: [], ...(f.presentIn ? { presentIn: f.presentIn } : {}), ...(f.refsHolding !== undefined ? { refsHolding: f.refsHolding } : {}) } } : {}),
            });
            // What any repository's job learnt about the key (it is the same key everywhere).
            if (f.liveness && (!g.response.liveness || f.liveness.status === 'live'))
                g.response = { ...g.response, liveness: f.liveness };
            if (f.match && (!g.response.match || g.response.match.type !== 'matched'))
                g.response = { ...g.response, match: f.match };
            if (f.revocation && (!g.response.revocation || f.revocation.type === 'revoked'))
                g.response = { ...g.response, revocation: f.revocation };
            // The same key in several repositories: its use counts from the earliest exposure.
            if (f.exposure && (!g.response.exposure || f.exposure.since < g.response.exposure.since))
                g.response = { ...g.response, exposure: f.exposure };
        }
    }
    return { groups: [...groups].map(([fingerprint, g]) => ({ fingerprint, kind: g.kind, redacted: g.redacted, findings: g.places, response: g.response })), reports: files.length };
}
/** Files one issue per key for an org-wide run, in the security team's repository. */
async function aggregateIssues(groups, tracker, options, logger) {
    await (0,issue_writer/* ensureLabels */.c)(tracker, { labels: (0,respond/* leakLabels */.bn)(options.labels) });
    const { issues, opened, deferred } = await (0,respond/* fileIssues */.BP)(tracker, groups, options, options.repo, logger);
    const updated = [...issues.values()].filter((i) => i.action === 'updated' || i.action === 'commented').length;
    if (deferred)
        logger.warning(`keyguard: ${(0,count/* count */.U)(deferred, 'issue')} deferred to the next run (at most ${options.maxNew} new issues a run)`);
    return { opened, deferred, updated };
}

;// CONCATENATED MODULE: ./src/org/discover.ts
/** GitHub Actions runs at most 256 jobs from one matrix. */
const MAX_MATRIX_JOBS = 256;
/**
 * A GitHub App installation token (`ghs_`, GitHub's documented prefix; GITHUB_TOKEN is one too)
 * reaches only the repositories the installation was granted: listing the whole organization
 * would hand the scan jobs repositories they cannot clone.
 */
const isInstallationToken = (token) => token.startsWith('ghs_');
/** Lists the repositories to scan (every page) and how many scan jobs share them. */
async function discover(octokit, token, options) {
    const source = isInstallationToken(token) ? 'installation' : 'organization';
    const repos = source === 'installation'
        ? (await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 })).filter((r) => r.owner.login.toLowerCase() === options.org.toLowerCase())
        : await octokit.paginate(octokit.rest.repos.listForOrg, { org: options.org, type: 'all', per_page: 100 });
    let archived = 0;
    let forks = 0;
    const kept = [];
    for (const r of repos) {
        if (r.archived && !options.includeArchived)
            archived++;
        else if (r.fork && !options.includeForks)
            forks++;
        else
            kept.push(r.full_name);
    }
    kept.sort((a, b) => a.localeCompare(b));
    return { repositories: kept, source, skipped: { archived, forks }, batches: Math.min(MAX_MATRIX_JOBS, kept.length) };
}
/**
 * Batch `index` of `batches` (0-based): contiguous, sizes differ by at most one, none empty while
 * there are at least as many repositories as batches. Every repository is in exactly one batch.
 */
function batchOf(list, index, batches) {
    return list.slice(Math.floor((index * list.length) / batches), Math.floor(((index + 1) * list.length) / batches));
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/exposure/exposure.ts
var exposure_exposure = __webpack_require__(8792);
// EXTERNAL MODULE: ./src/output/json.ts
var json = __webpack_require__(7711);
// EXTERNAL MODULE: ./src/respond/wire.ts + 5 modules
var wire = __webpack_require__(8582);
// EXTERNAL MODULE: ./src/scan/index.ts + 7 modules
var scan = __webpack_require__(8042);
;// CONCATENATED MODULE: ./src/org/batch.ts












const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
/** Reads the list discover wrote (one `owner/name` a line), refusing anything else by line number. */
async function readRepositoryList(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`${file}: cannot read the repository list (${e.code ?? (0,errors/* errorMessage */.gJ)(e)})`);
    }
    const out = [];
    text.split('\n').forEach((line, i) => {
        const name = line.trim();
        if (!name)
            return;
        // Names become clone URLs and paths: `..` or a leading `-` must never reach git.
        if (!REPOSITORY.test(name) || name.split('/').some((p) => p === '.' || p === '..'))
            throw new errors/* ConfigurationError */.j1(`${file}:${i + 1}: expected owner/name, got "${name.slice(0, 100)}"`);
        out.push(name);
    });
    return out;
}
/** `I/K` (0-based batch I of K), as the scan matrix passes it. */
function parseBatch(text, name) {
    const m = /^(\d+)\/(\d+)$/.exec(text?.trim() ?? '');
    const index = Number(m?.[1]);
    const batches = Number(m?.[2]);
    if (!m || batches < 1 || batches > MAX_MATRIX_JOBS || index >= batches)
        throw new errors/* ConfigurationError */.j1(`${name}: expected I/K with 0 <= I < K <= ${MAX_MATRIX_JOBS} (batch I of K), got "${text ?? ''}"`);
    return { index, batches };
}
/** The checkout action's way to authenticate git over HTTPS, for this one command only. */
const authConfig = (token) => (token ? ['-c', `http.extraheader=AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`] : []);
/**
 * Scans batch `index` of `batches`: each repository is cloned (every branch and tag), its whole
 * history scanned, the leak response run (verify, match, opt-in revocation; issues are the
 * aggregate job's), and its JSON report written to `outDir`. With the admin key, the use since
 * exposure of every key the batch matched is read once at the end (a read per repository cost 7
 * requests each) and the reports holding them rewritten. A repository that cannot be cloned or
 * scanned is reported and the rest go on; the caller fails the job when any did.
 */
async function scanBatch(request, logger) {
    const mine = batchOf(request.repositories, request.index, request.batches);
    if (request.token)
        logger.mask(request.token);
    await (0,promises_.mkdir)(request.outDir, { recursive: true });
    const scanned = [];
    const failed = [];
    const awaiting = [];
    let keys = 0;
    logger.info(`keyguard: batch ${request.index + 1} of ${request.batches}: ${mine.length} of ${request.repositories.length} repositories`);
    for (const [i, repository] of mine.entries()) {
        const started = Date.now();
        const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'keyguard-batch-'));
        try {
            const url = `${request.serverUrl.replace(/\/+$/, '')}/${repository}.git`;
            await (0,git/* git */.$Y)(dir, [...authConfig(request.token), 'clone', '--quiet', '--no-checkout', '--', url, 'repo']);
            const root = external_node_path_default().join(dir, 'repo');
            let result = await (0,scan/* runScan */.Hk)({ root, config: request.config, scope: { type: 'history' } }, { logger });
            const sha = await (0,git/* headCommit */.Qo)(root);
            // Leak response hands over the keys it matched; their figures come from the batch's one read.
            const exposed = [];
            const exposure = async (found) => {
                exposed.push(...found);
                return new Map();
            };
            const responded = await (0,wire.runLeakResponse)(result, request.respond, { logger, repo: { serverUrl: request.serverUrl, repository, sha }, exposure });
            if (responded)
                result = responded.result;
            const file = external_node_path_default().join(request.outDir, `${repository.replace('/', '__')}.json`);
            await (0,promises_.writeFile)(file, (0,json.renderJson)(result, responded?.summary, repository));
            if (exposed.length)
                awaiting.push({ file, repository, result, summary: responded?.summary, keys: exposed });
            const found = new Set(result.findings.map((f) => f.fingerprint)).size;
            keys += found;
            const seconds = (Date.now() - started) / 1000;
            const commits = result.stats.commitsScanned ?? 0;
            scanned.push({ repository, commits, keys: found, seconds });
            logger.info(`keyguard: [${i + 1}/${mine.length}] ${repository}: ${(0,count/* count */.U)(found, 'key')} in ${(0,count/* count */.U)(commits, 'commit')} (${seconds.toFixed(1)} s)`);
        }
        catch (e) {
            const error = (0,errors/* errorMessage */.gJ)(e);
            failed.push({ repository, error });
            logger.error(`keyguard: [${i + 1}/${mine.length}] ${repository}: not scanned: ${error}`);
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    const { adminKey, openaiBaseUrl } = request.respond;
    if (awaiting.length && adminKey)
        await addExposure(awaiting, new admin_client/* OpenAIAdmin */.Kd({ adminKey, baseURL: openaiBaseUrl, logger }), logger);
    return { scanned, failed, keys };
}
/** One read for every repository's keys; each key's figures count from its own repository's exposure. */
async function addExposure(awaiting, source, logger) {
    let exposureOf;
    let note;
    try {
        exposureOf = await (0,exposure_exposure/* readExposure */.ai)(awaiting.flatMap((a) => a.keys), source, Math.floor(Date.now() / 1000));
    }
    catch (e) {
        const message = (0,errors/* errorMessage */.gJ)(e);
        logger.warning(`keyguard: could not read the usage since exposure: ${message}`);
        note = `Usage since exposure could not be read: ${message}`;
    }
    for (const { file, repository, result, summary, keys } of awaiting) {
        const byId = new Map(keys.map((k) => [k.keyId, exposureOf?.(k)]));
        const findings = result.findings.map((f) => {
            const match = f.response?.match;
            const exposure = match?.type === 'matched' ? byId.get(match.keyId) : undefined;
            return exposure ? { ...f, response: { ...f.response, exposure } } : f;
        });
        await (0,promises_.writeFile)(file, (0,json.renderJson)({ ...result, findings }, summary && note ? { ...summary, notes: [...summary.notes, note] } : summary, repository));
    }
}

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/report/period.ts
var report_period = __webpack_require__(9061);
// EXTERNAL MODULE: ./src/report/aggregate.ts
var aggregate = __webpack_require__(8105);
// EXTERNAL MODULE: ./src/report/render.ts
var report_render = __webpack_require__(6340);
;// CONCATENATED MODULE: ./src/report/command.ts















/**
 * Reads what a report needs with as few requests as grouping allows: projects and members (a few
 * pages each), costs by project and usage of every usage endpoint by project (and model, where
 * the endpoint has models) over both periods (one page each for up to 31 days), usage of the period
 * by project, API key and user (one page per endpoint that has keys, for every project at once),
 * and, to name keys and flag spend from keys the audit flags, the keys of projects that spent. When
 * the users come without their projects, the members of the projects that spent are read from each
 * project's users instead.
 */
async function buildReport(admin, period, config, now, logger) {
    const before = admin.requests;
    const previous = (0,report_period/* previousPeriod */.jB)(period);
    const span = { start: previous.start, end: period.end };
    const all = (range, endpoints, groupBy) => Promise.all(endpoints.map((e) => admin.usage(e, range, groupBy(e)))).then((b) => b.flat());
    const [projects, users, costs, usage, keyUsage] = await Promise.all([
        admin.projects(),
        admin.projectMembers(),
        admin.costs(span, ['project_id']),
        all(span, admin_client/* USAGE_ENDPOINTS */.lk, (e) => ((0,admin_client/* groupsBy */.G_)(e, 'model') ? ['project_id', 'model'] : ['project_id'])),
        // Every endpoint that meters keys also meters users (vector stores and code interpreter do neither).
        all(period, admin_client/* USAGE_ENDPOINTS */.lk.filter((e) => (0,admin_client/* groupsBy */.G_)(e, 'api_key_id')), () => ['project_id', 'api_key_id', 'user_id']),
    ]);
    const limit = (0,p_limit/* default */.A)(8);
    let flaggedKeys;
    let keyLabels;
    if (config.report.flagKeys) {
        const spent = [...new Set(keyUsage.flatMap((b) => b.results.filter((r) => r.requests > 0 && r.projectId).map((r) => r.projectId)))].filter((id) => projects.some((p) => p.id === id));
        const keys = (await Promise.all(spent.map((id) => limit(() => admin.projectKeys(id))))).flat();
        keyLabels = new Map(keys.map((k) => [k.id, { name: k.name, redacted: k.redactedValue }]));
        const findings = auditOrganization({ projects, projectKeys: keys, serviceAccounts: [], adminKeys: [], requests: 0 }, config.audit, now);
        flaggedKeys = new Set(findings.filter((f) => f.target.includes('/')).map((f) => f.target.split('/')[1]));
        logger.info(`keyguard: checked the keys of the ${(0,count/* count */.U)(spent.length, 'project')} that spent`);
    }
    const input = { period, previous, usage, costs, keyUsage, keyLabels, userNames: users.userNames, projects, flaggedKeys };
    const policy = { budgets: config.report.budgets, spikePercent: config.report.spikePercent, minSpikeBaseUsd: config.report.minSpikeBaseUsd, minSpikeBaseTokens: config.report.minSpikeBaseTokens };
    let members = users.members;
    if (!members) {
        // Only projects that spent can be flagged for having no members: read those (deleted ones have none to read).
        const spent = (0,aggregate/* aggregate */.Q)(input, policy).projects.filter((p) => (p.costUsd > 0 || p.requests > 0) && projects.some((x) => x.id === p.id));
        members = new Map(await Promise.all(spent.map((p) => limit(async () => [p.id, await admin.projectUsers(p.id)]))));
        logger.info(`keyguard: the organization's users came without their projects; read the members of the ${(0,count/* count */.U)(spent.length, 'project')} that spent`);
    }
    return { report: (0,aggregate/* aggregate */.Q)({ ...input, members }, policy), requests: admin.requests - before };
}
/** Always opened, updated in place, retitled; `closes`: the previous period's, once this one is written. */
function reportIssuePolicy(labels, closes) {
    return { open: true, labels: { names: labels, color: '0e8a16', description: 'keyguard usage and cost report' }, retitle: true, more: (n) => (0,body_limit/* moreInReport */.h6)(n), ...(closes ? { closes } : {}) };
}
/** One issue per period, found again by its marker and updated in place; optionally closes the previous period's. */
async function fileReportIssue(report, tracker, options) {
    const out = await (0,issue_writer/* writeMarked */.S)(tracker, (0,marker/* markerLine */.B_)('report', (0,report_period/* periodId */.Dn)(report.period)), () => ({ title: `OpenAI usage and cost: ${(0,report_period/* describePeriod */.Pl)(report.period)}`, body: (0,report_render.renderReportMarkdown)(report, { marker: true }) }), reportIssuePolicy(options.labels, options.closePrevious ? (0,marker/* markerLine */.B_)('report', (0,report_period/* periodId */.Dn)(report.previousPeriod)) : undefined));
    if (!out.issue)
        throw new Error('bug: a report issue is always opened');
    const result = { number: out.issue.number, action: out.action === 'commented' ? 'updated' : out.action };
    return out.closed === undefined ? result : { ...result, closedPrevious: out.closed };
}
/** Which period: `--since`/`--until` (both), or `--period` (default the last full week). */
function choosePeriod(settings, now, name) {
    if (settings.since || settings.until) {
        if (!settings.since || !settings.until)
            throw new errors/* ConfigurationError */.j1(`${name('since')} and ${name('until')} go together`);
        if (settings.period)
            throw new errors/* ConfigurationError */.j1(`${name('period')} or ${name('since')}/${name('until')}, not both`);
        return (0,report_period/* customPeriod */.pP)(settings.since, settings.until);
    }
    const kind = settings.period?.trim() || 'week';
    if (kind !== 'day' && kind !== 'week' && kind !== 'month')
        throw new errors/* ConfigurationError */.j1(`${name('period')}: expected one of day, week, month, got "${settings.period}"`);
    return (0,report_period/* lastFullPeriod */.nr)(kind, now);
}
/** The report as both entries run it, with the context's admin key. */
async function reportCommand(settings, name, ctx) {
    const { logger, adminKey } = ctx;
    const now = ctx.now();
    const period = choosePeriod(settings, now, name);
    if (!adminKey)
        throw new errors/* ConfigurationError */.j1(`the report needs an OpenAI admin key (${name('openai-admin-key')}): usage and costs come from the organization API`);
    const target = settings.issue && (0,context/* issueTarget */.Xp)(ctx, settings.issue.repository, name, 'the report issue');
    logger.mask(adminKey);
    const admin = new admin_client/* OpenAIAdmin */.Kd({ adminKey, baseURL: settings.openaiBaseUrl, logger });
    const { report, requests } = await buildReport(admin, period, settings.config, now, logger);
    if (!target || !settings.issue)
        return { report, requests };
    const labels = settings.issue.labels?.length ? settings.issue.labels : ['keyguard-report'];
    const tracker = new issue_tracker/* GitHubIssueTracker */.zo(await (0,context/* githubClient */.$f)(ctx, target.token), { owner: target.owner, repo: target.repo }, labels[0]);
    const issue = await fileReportIssue(report, tracker, { labels, closePrevious: settings.issue.closePrevious });
    return { report, requests, issue };
}

// EXTERNAL MODULE: ./src/options.ts
var src_options = __webpack_require__(8381);
// EXTERNAL MODULE: ./src/output/formats.ts
var formats = __webpack_require__(3709);
// EXTERNAL MODULE: ./src/settings.ts
var settings = __webpack_require__(8750);
// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __webpack_require__(6590);
// EXTERNAL MODULE: ./src/exposure/render.ts
var exposure_render = __webpack_require__(3741);
// EXTERNAL MODULE: ./src/respond/leak-issue.ts
var leak_issue = __webpack_require__(8280);
;// CONCATENATED MODULE: ./src/watch/watch.ts






const watch_DAY = 86_400;
const ID = /^[A-Za-z0-9_-]{1,100}$/;
/** The watch revisits keyguard's own leak issues (listed by marker and author): it never opens one, and keeps the title. */
const WATCH_POLICY = { open: false };
/** Record id → `last_used_at` of the records that still exist; `failed`: ids whose records could not be read this run. */
async function recordsOf(org, watched, logger) {
    const out = Object.assign(new Map(), { failed: new Set() });
    const read = async (what, ids, fn) => {
        try {
            for (const r of await fn())
                out.set(r.id, r.lastUsedAt);
        }
        catch (e) {
            // A deleted project answers 404: its keys are gone. Anything else is not known this run.
            if (e.status === 404)
                return;
            logger.warning(`keyguard: watch could not read ${what}: ${e instanceof Error ? e.message : String(e)}`);
            for (const id of ids)
                out.failed.add(id);
        }
    };
    const projects = new Map();
    for (const w of watched)
        if (w.projectId)
            (projects.get(w.projectId) ?? projects.set(w.projectId, []).get(w.projectId)).push(w.keyId);
    const admin = watched.filter((w) => !w.projectId).map((w) => w.keyId);
    await Promise.all([...[...projects].map(([p, ids]) => read(`the keys of ${p}`, ids, () => org.projectKeys(p))), ...(admin.length ? [read('the admin keys', admin, () => org.adminKeys())] : [])]);
    return out;
}
/**
 * Leak watch: revisits every open leak issue keyguard wrote, from the record ids in its hidden
 * facts (never the key, never a rescan). Writes only when something is new: the key was used since
 * the last check (one comment, with the mention), its record disappeared or came back, or it became
 * closable (revoked and quiet for `quietDays`). A run with nothing new sends no write.
 */
async function watchLeaks(tracker, org, settings, logger, now) {
    const outcomes = [];
    const watched = [];
    const today = Math.floor(now / watch_DAY) * watch_DAY;
    for (const issue of (await tracker.list('leak')).filter((i) => i.state === 'open')) {
        const facts = (0,leak_issue/* factsOf */.xS)(issue.body);
        const m = facts?.match;
        if (!facts || m?.type !== 'matched') {
            outcomes.push({ issue: issue.number, type: 'skipped', reason: 'no OpenAI record is known for this key' });
            continue;
        }
        // Whoever may edit issues can edit keyguard's hidden facts: ids go into request paths only in their own shape.
        if (!ID.test(m.keyId) || (m.projectId !== null && !ID.test(m.projectId))) {
            outcomes.push({ issue: issue.number, type: 'skipped', reason: 'its facts do not hold a record id' });
            continue;
        }
        const from = facts.watch ? Date.parse(facts.watch.from) / 1000 : facts.exposure ? Date.parse(facts.exposure.from) / 1000 : today;
        watched.push({ issue, facts, keyId: m.keyId, projectId: m.projectId, from });
    }
    if (watched.length === 0)
        return outcomes;
    const records = await recordsOf(org, watched, logger);
    const projectKeys = watched.filter((w) => w.projectId);
    const read = projectKeys.length
        ? await (0,exposure_exposure/* readKeyUsage */.jG)(org, { start: Math.min(...projectKeys.map((w) => w.from)), end: now }, [...new Set(projectKeys.map((w) => w.keyId))], [...new Set(projectKeys.map((w) => w.projectId))])
        : { usage: [], costs: [] };
    for (const w of watched) {
        if (records.failed.has(w.keyId)) {
            outcomes.push({ issue: w.issue.number, type: 'skipped', reason: 'the organization could not be read' });
            continue;
        }
        const previous = w.facts.watch;
        const exists = records.has(w.keyId);
        const use = w.projectId ? (0,exposure_exposure/* useOf */.jj)(read, { keyId: w.keyId, projectId: w.projectId }, { start: w.from, end: now }) : undefined;
        // A deleted record no longer tells its last use: keep what was last seen.
        const recordUse = exists ? records.get(w.keyId) ?? null : null;
        const lastUsed = recordUse !== null ? (0,exposure_exposure/* iso */.KH)(recordUse) : (previous?.lastUsedAt ?? w.facts.exposure?.lastUsedAt ?? null);
        // Last seen in use: its `last_used_at`, the end of its last day with requests, or an earlier check's.
        const seen = [lastUsed, previous?.lastActiveAt].filter((t) => !!t).map((t) => Date.parse(t) / 1000);
        if (use?.lastActiveDay != null)
            seen.push(Math.min(use.lastActiveDay + watch_DAY, now));
        const lastActive = seen.length ? Math.max(...seen) : null;
        const closable = !exists && (lastActive === null || now - lastActive >= settings.quietDays * watch_DAY);
        const watch = { checkedAt: (0,exposure_exposure/* iso */.KH)(now), recordExists: exists, lastUsedAt: lastUsed, from: (0,exposure_exposure/* iso */.KH)(w.from), requests: use?.requests ?? 0, lastActiveAt: lastActive === null ? null : (0,exposure_exposure/* iso */.KH)(lastActive), closable, quietDays: settings.quietDays };
        const before = previous ?? (w.facts.exposure ? { requests: w.facts.exposure.requests, lastUsedAt: w.facts.exposure.lastUsedAt, recordExists: true, closable: false } : undefined);
        // ISO 8601 strings of one format compare as the times they name.
        const used = before !== undefined && (watch.requests > before.requests || (lastUsed !== null && (before.lastUsedAt === null || lastUsed > before.lastUsedAt)));
        const news = !before || used || exists !== before.recordExists || closable !== before.closable;
        if (!news) {
            outcomes.push({ issue: w.issue.number, type: 'unchanged', keyId: w.keyId, watch: previous ?? watch });
            continue;
        }
        const exposure = w.facts.exposure && use ? { ...w.facts.exposure, ...(0,exposure_exposure/* totals */.Sd)(use), until: (0,exposure_exposure/* iso */.KH)(now), lastUsedAt: lastUsed } : w.facts.exposure;
        let body = (0,leak_issue/* withSection */.iG)(w.issue.body, 'watch', (0,leak_issue/* watchText */.Vn)(watch));
        if (exposure)
            body = (0,leak_issue/* withSection */.iG)(body, 'exposure', `### Use since exposure\n\n${(0,exposure_render/* exposureTable */.k)(exposure)}`);
        body = (0,leak_issue/* withFacts */.Qj)(body, { ...w.facts, ...(exposure ? { exposure } : {}), watch });
        const key = `${(0,markdown/* code */.a)(w.keyId)}${w.projectId ? ` of ${(0,markdown/* code */.a)(w.projectId)}` : ''}`;
        const since = previous?.checkedAt ?? w.facts.exposure?.until;
        const comment = used
            ? `${settings.mention ? `${settings.mention} ` : ''}keyguard leak watch: key ${key} was used since the last check${since ? ` (${since.slice(0, 10)})` : ''}: ${(watch.requests - (before?.requests ?? 0)).toLocaleString('en-US')} more requests (${watch.requests.toLocaleString('en-US')} since ${watch.from.slice(0, 10)}), last used ${lastUsed ? lastUsed.slice(0, 10) : 'unknown'}. ${exists ? 'The key still exists: revoke it.' : 'Its record is gone, yet usage was counted: check the project.'}`
            : closable && !before?.closable
                ? `keyguard leak watch: key ${key} is revoked and has not been used for at least ${settings.quietDays} days. This issue can be closed once the checklist is done.`
                : undefined;
        await (0,issue_writer/* writeMarked */.S)(tracker, (0,marker/* markerOf */.we)(w.issue.body), () => ({ title: w.issue.title, body, ...(comment ? { comment } : {}) }), WATCH_POLICY);
        outcomes.push({ issue: w.issue.number, type: used ? 'used' : closable ? 'closable' : 'updated', keyId: w.keyId, watch });
    }
    return outcomes;
}

;// CONCATENATED MODULE: ./src/watch/command.ts







/** Validates the watch's settings (named as the user sets them) and runs it with the context's admin key and token. */
async function watchCommand(o, name, ctx) {
    const { logger, adminKey } = ctx;
    if (!adminKey)
        throw new errors/* ConfigurationError */.j1(`watch needs an OpenAI admin key (${name('openai-admin-key')}): it reads key records and usage`);
    const target = (0,context/* issueTarget */.Xp)(ctx, o.repository, name, 'watch');
    const quietDays = o.quietDays?.trim() ? Number(o.quietDays) : 30;
    if (!Number.isInteger(quietDays) || quietDays < 1 || quietDays > 3650)
        throw new errors/* ConfigurationError */.j1(`${name('quiet-days')}: expected a whole number of days from 1 to 3650, got "${o.quietDays}"`);
    const mention = o.mention?.trim() || o.config.issues.mention;
    if (mention && !/^@[A-Za-z0-9-]+(\/[A-Za-z0-9._-]+)?$/.test(mention))
        throw new errors/* ConfigurationError */.j1(`${name('issue-mention')}: expected @user or @org/team, got "${mention}"`);
    logger.mask(adminKey);
    logger.mask(target.token);
    const admin = new admin_client/* OpenAIAdmin */.Kd({ adminKey, baseURL: o.openaiBaseUrl, logger });
    const tracker = new issue_tracker/* GitHubIssueTracker */.zo(await (0,context/* githubClient */.$f)(ctx, target.token), { owner: target.owner, repo: target.repo }, (o.labels?.length ? o.labels : o.config.issues.labels)[0]);
    const outcomes = await watchLeaks(tracker, admin, { mention, quietDays }, logger, ctx.now());
    return { outcomes, requests: admin.requests, repository: target.repository };
}
const WHAT = {
    unchanged: 'nothing new',
    updated: 'facts updated',
    used: '**used since the last check** (commented)',
    closable: 'revoked and quiet: can be closed',
    skipped: 'skipped',
};
/** The job summary (and `keyguard watch`'s output): one row per open leak issue. */
function renderWatch(outcomes, repository) {
    const rows = outcomes.map((o) => `| #${o.issue} | ${'keyId' in o ? (0,markdown/* code */.a)(o.keyId) : ''} | ${WHAT[o.type]}${'reason' in o ? `: ${(0,markdown/* escapeMarkdown */.F)(o.reason)}` : ''} | ${'watch' in o ? `${o.watch.recordExists ? 'exists' : 'gone'}; ${o.watch.lastActiveAt ? `last used ${o.watch.lastActiveAt.slice(0, 10)}` : 'no use seen'}; ${o.watch.requests.toLocaleString('en-US')} requests since ${o.watch.from.slice(0, 10)}` : ''} |`);
    return [`## keyguard watch`, '', `${(0,count/* count */.U)(outcomes.length, 'open leak issue')} in ${(0,markdown/* code */.a)(repository)}.`, ...(rows.length ? ['', '| Issue | Key record | This run | Record, last use, requests |', '| --- | --- | --- | --- |', ...rows] : []), ''].join('\n');
}

;// CONCATENATED MODULE: ./src/cli-commands.ts
// The CLI's sub-commands other than scan, loaded on demand by cli.ts (they bring the OpenAI and
// GitHub clients, which a plain scan does not need).



















/** `keyguard audit [PATH]`: repository rules always; organization rules with OPENAI_ADMIN_KEY. */
async function audit(values, target, stdout, ctx) {
    const { logger } = ctx;
    const format = (0,formats/* chooseFormat */.H8)('audit', values.format, src_options/* cliName */._t);
    const failOn = parseAuditFailOn(values['fail-on'], '--fail-on');
    const { root, files } = await (0,settings/* resolveTargets */.h5)(target ? [target] : [], ctx.cwd);
    if (files)
        throw new errors/* ConfigurationError */.j1(`PATH ${target} is a file: audit checks a repository directory`);
    const options = await (0,settings/* resolveScanOptions */.Sm)({ output: values.output, config: values.config, path: root }, src_options/* cliName */._t, ctx.cwd);
    const { result, issue } = await auditCommand({ root: options.root, config: options.config, openaiBaseUrl: values['openai-base-url'], issue: values.issues ? {} : null }, src_options/* cliName */._t, ctx);
    if (issue && issue.action !== 'none')
        logger.info(`keyguard: audit issue #${issue.number} ${issue.action}`);
    await (0,cli_context/* emit */.I)(await (0,formats/* render */.XX)(format, { result }), options.output, stdout, logger);
    return (0,finding/* auditShouldFail */.bQ)(result.findings, failOn) ? 1 : 0;
}
/** `keyguard report`: per-project usage and cost for a period, as Markdown or JSON, and optionally an issue. */
async function report(values, stdout, ctx) {
    const { logger } = ctx;
    const format = (0,formats/* chooseFormat */.H8)('report', values.format, src_options/* cliName */._t);
    const { config } = await (0,src_config/* loadConfig */.Z9)(ctx.cwd, values.config ? external_node_path_default().resolve(values.config) : undefined);
    const { report: r, requests, issue } = await reportCommand({ period: values.period, since: values.since, until: values.until, openaiBaseUrl: values['openai-base-url'], config, issue: values.issue ? { closePrevious: values['close-previous'] === true } : null }, src_options/* cliName */._t, ctx);
    logger.info(`keyguard: report built with ${requests} requests${issue ? `; issue #${issue.number} ${issue.action}${issue.closedPrevious ? `, closed #${issue.closedPrevious}` : ''}` : ''}`);
    await (0,cli_context/* emit */.I)(await (0,formats/* render */.XX)(format, { report: r }), values.output, stdout, logger);
    return 0;
}
/** A GitHub client for the organization-wide commands, which cannot work without a token. */
function github(ctx, what) {
    if (!ctx.githubToken)
        throw new errors/* ConfigurationError */.j1(`${what} needs GITHUB_TOKEN (a token that can read the organization's repositories)`);
    return (0,context/* githubClient */.$f)(ctx, ctx.githubToken);
}
/** `keyguard discover --org NAME [--output FILE]`: the repositories to scan and the batch matrix; FILE gets the list. */
async function discoverCommand(values, stdout, ctx) {
    if (!values.org || !/^[A-Za-z0-9-]+$/.test(values.org))
        throw new errors/* ConfigurationError */.j1(`--org: expected an organization login such as acme, got "${values.org ?? ''}"`);
    const found = await discover(await github(ctx, 'discover'), ctx.githubToken, { org: values.org, includeArchived: values['include-archived'] === true, includeForks: values['include-forks'] === true });
    if (values.output)
        await (0,promises_.writeFile)(values.output, found.repositories.map((r) => `${r}\n`).join(''));
    const matrix = { batch: Array.from({ length: found.batches }, (_, i) => `${i}/${found.batches}`) };
    stdout.write(`${JSON.stringify({ repositories: found.repositories.length, source: found.source, skipped: found.skipped, batches: found.batches, matrix }, null, 2)}\n`);
    return 0;
}
/** `keyguard scan-batch LIST --batch I/K [--output DIR]`: one job's share of an org-wide run. */
async function scanBatchCommand(values, list, ctx) {
    const { logger } = ctx;
    const { index, batches } = parseBatch(values.batch, '--batch');
    const repositories = await readRepositoryList(list);
    const { config } = await (0,src_config/* loadConfig */.Z9)(ctx.cwd, values.config ? external_node_path_default().resolve(values.config) : undefined);
    const respond = {
        ...(0,settings/* resolveRespondOptions */.UA)((0,args/* given */.gI)(values, 'verify', 'revoke', 'dry-run', 'openai-base-url'), src_options/* cliName */._t, { adminKey: ctx.adminKey, githubToken: undefined, repository: undefined }, config, { verify: false }),
        inventoryFile: values.inventory ? external_node_path_default().resolve(values.inventory) : undefined,
    };
    const out = await scanBatch({ repositories, index, batches, serverUrl: ctx.serverUrl, token: ctx.githubToken, outDir: external_node_path_default().resolve(values.output ?? 'keyguard-reports'), config, respond }, logger);
    logger.info(`keyguard: ${out.scanned.length} repositories scanned, ${out.keys} distinct keys, ${out.failed.length} not scanned`);
    return out.failed.length > 0 ? 2 : out.keys > 0 ? 1 : 0;
}
/** `keyguard aggregate DIR --issues`: one issue per key from an org-wide run's scan reports. */
async function aggregateCommand(values, dir, stdout, ctx) {
    const { logger } = ctx;
    const { groups, reports } = await readScanReports(external_node_path_default().resolve(dir));
    stdout.write(`${reports} reports, ${groups.length} distinct keys\n`);
    if (!values.issues)
        return groups.length > 0 ? 1 : 0;
    const { repository } = ctx;
    if (!repository)
        throw new errors/* ConfigurationError */.j1('--issues needs GITHUB_REPOSITORY (the security team\'s repository)');
    const { config } = await (0,src_config/* loadConfig */.Z9)(ctx.cwd);
    const [owner, repo] = repository.split('/');
    const tracker = new issue_tracker/* GitHubIssueTracker */.zo(await github(ctx, 'aggregate --issues'), { owner, repo }, config.issues.labels[0]);
    const out = await aggregateIssues(groups, tracker, { labels: config.issues.labels, assignees: config.issues.assignees, mention: config.issues.mention, maxNew: config.issues.maxPerRun, repo: { serverUrl: ctx.serverUrl, repository: undefined, sha: undefined } }, logger);
    stdout.write(`issues: ${out.opened} opened, ${out.updated} updated, ${out.deferred} deferred\n`);
    return groups.length > 0 ? 1 : 0;
}
/** `keyguard watch`: the open leak issues of GITHUB_REPOSITORY revisited; prints one row per issue. */
async function watch(values, stdout, ctx) {
    const { logger } = ctx;
    const { config } = await (0,src_config/* loadConfig */.Z9)(ctx.cwd, values.config ? external_node_path_default().resolve(values.config) : undefined);
    const { outcomes, requests, repository } = await watchCommand({ openaiBaseUrl: values['openai-base-url'], repository: undefined, labels: undefined, mention: undefined, quietDays: values['quiet-days'], config }, src_options/* cliName */._t, ctx);
    logger.info(`keyguard: watched ${(0,count/* count */.U)(outcomes.length, 'open leak issue')} with ${(0,count/* count */.U)(requests, 'OpenAI request')}`);
    stdout.write(renderWatch(outcomes, repository));
    return 0;
}


/***/ })

};
