export const id = 217;
export const ids = [217];
export const modules = {

/***/ 2902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tc: () => (/* binding */ sortFindings),
/* harmony export */   WX: () => (/* binding */ findingsOf),
/* harmony export */   bQ: () => (/* binding */ auditShouldFail),
/* harmony export */   oC: () => (/* binding */ SEVERITIES)
/* harmony export */ });
/** Audit severities, most serious first. */
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
/** A rule's hits as findings: its id, and its usual severity unless the hit says another. */
function findingsOf(rule, hits) {
    return hits.map((h) => ({ rule: rule.id, severity: h.severity ?? rule.severity[0], ...h }));
}
function auditShouldFail(findings, failOn) {
    if (failOn === 'none')
        return false;
    if (failOn === 'any')
        return findings.length > 0;
    const limit = SEVERITIES.indexOf(failOn);
    return findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit);
}
function sortFindings(findings) {
    return findings.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.rule.localeCompare(b.rule) || a.target.localeCompare(b.target));
}


/***/ }),

/***/ 6339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderAuditIssue: () => (/* binding */ renderAuditIssue),
/* harmony export */   renderAuditJson: () => (/* binding */ renderAuditJson),
/* harmony export */   renderAuditSarif: () => (/* binding */ renderAuditSarif),
/* harmony export */   renderAuditSummary: () => (/* binding */ renderAuditSummary),
/* harmony export */   renderAuditText: () => (/* binding */ renderAuditText)
/* harmony export */ });
/* harmony import */ var _text_body_limit_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2305);
/* harmony import */ var _text_marker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4777);
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6590);
/* harmony import */ var _text_count_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(896);
/* harmony import */ var _text_printable_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8572);
/* harmony import */ var _detect_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1457);
/* harmony import */ var _finding_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2902);







const findingId = (f) => (0,_detect_index_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Hex */ .fg)(`${f.rule}\0${f.target}`).slice(0, 12);
function counts(findings) {
    const parts = _finding_js__WEBPACK_IMPORTED_MODULE_4__/* .SEVERITIES */ .oC.map((s) => [s, findings.filter((f) => f.severity === s).length]).filter(([, n]) => n > 0);
    return parts.length ? parts.map(([s, n]) => `${n} ${s}`).join(', ') : 'none';
}
function renderAuditText(result) {
    // Targets and messages carry file names from the repository: control characters are escaped.
    const lines = result.findings.map((f) => `${f.severity.padEnd(8)} ${f.rule}  ${(0,_text_printable_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g)(f.target)}\n         ${(0,_text_printable_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g)(f.message)}\n         fix: ${f.fix}`);
    const org = result.stats.organization;
    lines.push(`${(0,_text_count_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U)(result.findings.length, 'audit finding')} (${counts(result.findings)}); ${(0,_text_count_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U)(result.stats.filesChecked, 'file')} and ${(0,_text_count_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U)(result.stats.workflows, 'workflow')} checked; ` +
        (org ? `organization: ${(0,_text_count_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U)(org.projects, 'project')}, ${(0,_text_count_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U)(org.keys, 'project key')}, ${(0,_text_count_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U)(org.adminKeys, 'admin key')}` : 'organization rules skipped (no OPENAI_ADMIN_KEY)'));
    return `${lines.join('\n')}\n`;
}
/** DESIGN.md's audit JSON: `{"findings":[{"rule","severity","target","message"}]}`, plus the fix and stats. */
function renderAuditJson(result) {
    return `${JSON.stringify({ findings: result.findings.map((f) => ({ rule: f.rule, severity: f.severity, target: f.target, message: f.message, fix: f.fix, ...(f.file ? { file: f.file } : {}), ...(f.line ? { line: f.line } : {}) })), stats: result.stats }, null, 2)}\n`;
}
const SARIF_LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
const SARIF_SEVERITY = { critical: '9.5', high: '7.5', medium: '5.0', low: '2.0' };
/** SARIF for code scanning. Only findings with a file: organization findings have no place in a repository. */
function renderAuditSarif(result, pathPrefix = '') {
    const located = result.findings.filter((f) => f.file);
    const ruleIds = [...new Set(located.map((f) => f.rule))].sort();
    const rules = ruleIds.map((id) => {
        const f = located.find((x) => x.rule === id);
        return { id: `keyguard-audit/${id}`, name: id, shortDescription: { text: id.replace(/-/g, ' ') }, help: { text: f.fix }, defaultConfiguration: { level: SARIF_LEVEL[f.severity] }, properties: { tags: ['security', 'openai'], 'security-severity': SARIF_SEVERITY[f.severity] } };
    });
    const results = located.map((f) => ({
        ruleId: `keyguard-audit/${f.rule}`,
        ruleIndex: ruleIds.indexOf(f.rule),
        level: SARIF_LEVEL[f.severity],
        message: { text: `${f.message} Fix: ${f.fix}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: pathPrefix + f.file, uriBaseId: '%SRCROOT%' }, region: { startLine: f.line ?? 1 } } }],
        partialFingerprints: { 'keyguardAudit/v1': findingId(f) },
    }));
    return `${JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [{ tool: { driver: { name: 'keyguard-audit', rules } }, results }] }, null, 2)}\n`;
}
/** Rows of the full list at most: 5,000 findings of a large organization stay well within an issue's 65,536 characters. */
const MAX_ROWS = 150;
const SEVERITY_MARK = { critical: '\u{1F534}', high: '\u{1F7E0}', medium: '\u{1F7E1}', low: '\u{26AA}' }; // red, orange, yellow, white circles
const severityCell = (s) => `${SEVERITY_MARK[s]}\u00a0${s === 'critical' || s === 'high' ? `**${s}**` : s}`;
/** One row of the full list; the hidden id in its last cell finds it again in the next run's body. */
function row(f) {
    return `| ${severityCell(f.severity)} | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .a)(f.rule)} | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .a)(f.target)} | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .F)(f.message)} <!-- k:${findingId(f)} --> |`;
}
const LIST_HEAD = ['| Severity | Rule | Target | Finding |', '| --- | --- | --- | --- |'];
/**
 * What to do, one row per rule, most serious first: 82 findings are rarely more than ten rules,
 * and one fix each. Rules whose fix names a file show the first one.
 */
function byRule(findings) {
    const groups = new Map();
    for (const f of findings)
        (groups.get(`${f.severity} ${f.rule}`) ?? groups.set(`${f.severity} ${f.rule}`, []).get(`${f.severity} ${f.rule}`)).push(f);
    return [
        '| Severity | Open | Rule: fix |',
        '| --- | ---: | --- |',
        ...[...groups.values()].map((g) => {
            const fixes = new Set(g.map((f) => f.fix));
            return `| ${severityCell(g[0].severity)} | ${g.length} | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .a)(g[0].rule)}: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .F)(g[0].fix)}${fixes.size > 1 ? ' (and likewise for the others)' : ''} |`;
        }),
    ];
}
/** The decision first (how many, how serious, which rules and their fixes), then every finding, folded. */
function findingsBody(findings) {
    if (findings.length === 0)
        return [':white_check_mark: No open findings.', ''];
    const shown = findings.slice(0, MAX_ROWS);
    return [
        ...byRule(findings),
        '',
        '<details>',
        `<summary>All ${findings.length} findings${findings.length > shown.length ? ` (the first ${shown.length} here)` : ''}</summary>`,
        '',
        ...LIST_HEAD,
        ...shown.map(row),
        '',
        // The same note as every cut body: where the rest is.
        ...(findings.length > shown.length ? [(0,_text_body_limit_js__WEBPACK_IMPORTED_MODULE_6__/* .moreInReport */ .h6)(findings.length - shown.length), ''] : []),
        '</details>',
        '',
    ];
}
function headline(findings) {
    if (findings.length === 0)
        return 'nothing open';
    const serious = findings.some((f) => f.severity === 'critical' || f.severity === 'high');
    return `${serious ? ':rotating_light: ' : ''}${findings.length} open (${counts(findings)})`;
}
function renderAuditSummary(result) {
    const out = [`## keyguard audit: ${headline(result.findings)}`, '', ...findingsBody(result.findings)];
    if (!result.stats.organization)
        out.push('Organization rules were skipped: no OpenAI admin key was given.', '');
    return `${out.join('\n')}\n`;
}
/** Rows of an earlier body, by hidden id: this version's rows, and the six-column rows of earlier versions. */
function previousRows(body) {
    const rows = new Map();
    for (const l of body.split('\n')) {
        const m = /^\| (.*) ?<!-- k:([0-9a-f]{12}) --> ?\|?$/.exec(l);
        if (!m)
            continue;
        const cells = m[1].split(' | ').map((c) => c.trim());
        // Before: | severity | rule | target | message | fix | <!-- k --> ; now: | severity | rule | target | message <!-- k --> |
        const [severity, rule, target, message] = cells;
        if (severity && rule && target && message !== undefined)
            rows.set(m[2], `| ${severity} | ${rule} | ${target} | ${message} |`);
    }
    return rows;
}
/**
 * The one audit issue of a repository, kept up to date in place: what is open now, and what was
 * fixed since the last run (rows of the previous body that are gone).
 */
function renderAuditIssue(result, repoId, previous) {
    const ids = new Set(result.findings.map(findingId));
    const fixed = [...previousRows(previous ?? '')].filter(([id]) => !ids.has(id)).map(([, r]) => r);
    const body = [
        (0,_text_marker_js__WEBPACK_IMPORTED_MODULE_0__/* .markerLine */ .B_)('audit', repoId),
        `## keyguard audit: ${headline(result.findings)}`,
        '',
        ...findingsBody(result.findings),
        ...(fixed.length ? ['<details>', `<summary>Fixed since the last run (${fixed.length})</summary>`, '', ...LIST_HEAD, ...fixed.slice(0, MAX_ROWS), '', '</details>', ''] : []),
        result.stats.organization ? `Organization: ${result.stats.organization.projects} projects, ${result.stats.organization.keys} project keys, ${result.stats.organization.adminKeys} admin keys.` : 'Organization rules skipped: no OpenAI admin key.',
    ].join('\n');
    return { title: `keyguard audit: ${result.findings.length ? `${result.findings.length} open key-hygiene findings` : 'no open findings'}`, body };
}


/***/ }),

/***/ 6116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: chosenScope

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/detect/index.ts + 2 modules
var detect = __webpack_require__(1457);
;// CONCATENATED MODULE: ./src/logger.ts

const silentLogger = {
    info() { },
    warning() { },
    error() { },
    mask() { },
    progress() { },
};
/**
 * Logs to stderr, so stdout stays the report. Progress only when stderr is a terminal; `clear()`
 * erases it before the report is printed on the same terminal.
 */
function consoleLogger(stream = process.stderr) {
    const tty = stream.isTTY === true;
    let progressShown = false;
    const clear = () => {
        if (progressShown)
            stream.write('\r\x1b[K');
        progressShown = false;
    };
    return {
        clear,
        // Messages may quote what a user wrote (a config key, a path) or a server said: a key in them
        // is redacted here, whoever wrote the message.
        info: (m) => (clear(), stream.write(`${(0,detect/* scrubSecrets */.Zg)(m)}\n`)),
        warning: (m) => (clear(), stream.write(`warning: ${(0,detect/* scrubSecrets */.Zg)(m)}\n`)),
        error: (m) => (clear(), stream.write(`error: ${(0,detect/* scrubSecrets */.Zg)(m)}\n`)),
        mask() { },
        progress(m) {
            if (!tty)
                return;
            stream.write(`\r\x1b[K${(0,detect/* scrubSecrets */.Zg)(m)}`);
            progressShown = true;
        },
    };
}

// EXTERNAL MODULE: ./src/output/formats.ts
var formats = __webpack_require__(3709);
// EXTERNAL MODULE: ./src/text/count.ts
var count = __webpack_require__(896);
// EXTERNAL MODULE: ./src/scan/finding.ts
var finding = __webpack_require__(1164);
// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(788);
// EXTERNAL MODULE: ./src/settings.ts
var src_settings = __webpack_require__(8750);
// EXTERNAL MODULE: ./src/scan/index.ts + 7 modules
var scan = __webpack_require__(8042);
;// CONCATENATED MODULE: ./src/scan/command.ts



/**
 * The scan as both entries run it: the scan, then the leak response when one is asked for. The
 * entries resolve the settings before (a typo fails at once, not after an hour of history) and
 * render after. The leak response is loaded on demand: a plain scan starts without the OpenAI and
 * GitHub clients.
 */
async function scanCommand(settings, ctx) {
    const { root, config, scope, baseline, files } = settings;
    const alerts = settings.respond?.alerts;
    if (alerts)
        ctx.logger.mask(alerts.token);
    const result = await (0,scan/* runScan */.Hk)({ root, config, scope, baseline, files, ...(alerts ? { alerts: { repository: alerts.repository, client: () => (0,context/* githubClient */.$f)(ctx, alerts.token) } } : {}) }, { logger: ctx.logger });
    if (!settings.respond || !(0,src_settings/* responds */.j2)(settings.respond))
        return { result };
    const { runLeakResponse } = await Promise.all(/* import() */[__webpack_require__.e(167), __webpack_require__.e(930), __webpack_require__.e(582)]).then(__webpack_require__.bind(__webpack_require__, 8582));
    const responded = await runLeakResponse(result, settings.respond, {
        logger: ctx.logger,
        repo: { serverUrl: ctx.serverUrl, repository: settings.repository, sha: settings.sha },
        githubApiUrl: ctx.githubApiUrl,
        writeIntervalMs: ctx.writeIntervalMs,
    });
    return responded ?? { result };
}

// EXTERNAL MODULE: ./src/cli/args.ts + 1 modules
var args = __webpack_require__(6890);
// EXTERNAL MODULE: ./src/cli/context.ts
var cli_context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/help.ts
var help = __webpack_require__(7911);
// EXTERNAL MODULE: ./src/options.ts
var src_options = __webpack_require__(8381);
// EXTERNAL MODULE: ./src/sources/git.ts
var git = __webpack_require__(8022);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
;// CONCATENATED MODULE: ./src/cli.ts















/** Runs the CLI; returns the exit code. Streams are parameters so tests can run it in-process. */
async function main(argv, stdout = process.stdout, stderr = process.stderr) {
    const logger = consoleLogger(stderr);
    try {
        const invocation = (0,args/* parseCommandLine */.Du)(argv);
        if (invocation.type === 'version') {
            stdout.write(`${package_0/* version */.rE}\n`);
            return 0;
        }
        if (invocation.type === 'help') {
            // Bare `keyguard` is a usage error that shows the commands; asking for help is not.
            (argv.length ? stdout : stderr).write(invocation.command ? (0,help/* commandHelp */.bD)(invocation.command) : (0,help/* globalHelp */.zx)(package_0/* version */.rE));
            return argv.length ? 0 : 2;
        }
        return await HANDLERS[invocation.command](invocation.values, invocation.positionals, stdout, (0,cli_context/* cliContext */.o)(logger));
    }
    catch (e) {
        logger.error(`${(0,errors/* errorMessage */.gJ)(e)}${e instanceof errors/* ConfigurationError */.j1 ? `\nRun keyguard help${named(argv)} for usage.` : ''}`);
        return 2;
    }
}
// The other commands load the OpenAI and GitHub clients; a plain scan (a pre-commit hook)
// starts without them, which halves its start-up time.
const commands = () => Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(167), __webpack_require__.e(930), __webpack_require__.e(815), __webpack_require__.e(582), __webpack_require__.e(161)]).then(__webpack_require__.bind(__webpack_require__, 6161));
/** One handler per command of the option table: a command added there does not compile without one. */
const HANDLERS = {
    scan: cli_scan,
    audit: async (values, [target], stdout, ctx) => (await commands()).audit(values, target, stdout, ctx),
    report: async (values, _, stdout, ctx) => (await commands()).report(values, stdout, ctx),
    discover: async (values, _, stdout, ctx) => (await commands()).discoverCommand(values, stdout, ctx),
    'scan-batch': async (values, [list], _, ctx) => (await commands()).scanBatchCommand(values, list, ctx),
    aggregate: async (values, [dir], stdout, ctx) => (await commands()).aggregateCommand(values, dir, stdout, ctx),
    watch: async (values, _, stdout, ctx) => (await commands()).watch(values, stdout, ctx),
};
/** `keyguard scan [PATH...]`: the working tree, files, a range, staged changes or the history; then the leak response. */
async function cli_scan(values, positionals, stdout, ctx) {
    const { logger } = ctx;
    const format = (0,formats/* chooseFormat */.H8)('scan', values.format, src_options/* cliName */._t);
    const scope = chosenScope(values);
    const { root, files } = await (0,src_settings/* resolveTargets */.h5)(positionals, ctx.cwd);
    const reads = (0,scan/* scopeReads */.u8)(scope);
    if (files && reads)
        throw new errors/* ConfigurationError */.j1(`--${scope} reads ${reads}: give it a directory PATH, not file names`);
    const { output, config, range, baseline } = values;
    const options = await (0,src_settings/* resolveScanOptions */.Sm)({ output, config, range, baseline, 'fail-on': values['fail-on'], 'max-file-size': values['max-file-size'], 'write-baseline': values['write-baseline'], 'scan-scope': scope, path: root }, src_options/* cliName */._t, ctx.cwd);
    if (options.scope.type === 'event')
        throw new errors/* ConfigurationError */.j1('--range needs a range such as main..HEAD');
    const respond = (0,src_settings/* resolveRespondOptions */.UA)((0,args/* given */.gI)(values, 'verify', 'revoke', 'dry-run', 'issues', 'openai-base-url', 'secret-scanning-alerts'), src_options/* cliName */._t, ctx, options.config, { verify: false });
    // Settings are all checked before the scan: a typo fails at once, not after an hour of history.
    const gitScope = options.scope.type === 'history' ? { ...options.scope, fetch: values.fetch === true, pullRequests: values['pull-refs'] === true } : options.scope;
    if (values['pull-refs'] && !values.fetch)
        throw new errors/* ConfigurationError */.j1('--pull-refs goes with --history --fetch: pull request heads are fetched from origin');
    if (values.fetch && scope !== 'history')
        throw new errors/* ConfigurationError */.j1('--fetch goes with --history');
    const { result, summary } = await scanCommand({ root: options.root, config: options.config, scope: gitScope, baseline: options.baseline, files, respond, repository: ctx.repository, sha: (0,src_settings/* responds */.j2)(respond) ? (ctx.sha ?? (await (0,git/* headCommit */.Qo)(options.root))) : undefined }, ctx);
    for (const note of summary?.notes ?? [])
        logger.warning(note);
    if (options.writeBaseline) {
        const { renderBaseline } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(758)]).then(__webpack_require__.bind(__webpack_require__, 6758));
        await (0,promises_.writeFile)(options.writeBaseline, renderBaseline(result));
        logger.info(`keyguard: baseline of ${(0,count/* count */.U)(new Set(result.findings.map((f) => f.fingerprint)).size, 'key')} written to ${options.writeBaseline}`);
    }
    const written = await (0,cli_context/* emit */.I)(await (0,formats/* render */.XX)(format, { result, summary, repository: ctx.repository }), options.output, stdout, logger);
    if (written)
        logger.info(`keyguard: ${(0,count/* count */.U)(result.findings.length, 'finding')} in ${result.stats.commitsScanned !== undefined ? (0,count/* count */.U)(result.stats.commitsScanned, 'commit') : (0,count/* count */.U)(result.stats.filesScanned, 'file')}; report written to ${written}`);
    // What was found is written above; a scan that could not read everything is still an error.
    for (const what of result.unreadable ?? [])
        logger.error(`keyguard: could not read ${what}`);
    if (result.unreadable?.length)
        return 2;
    // Recording a baseline is the point of that run, not a failure.
    return !options.writeBaseline && (0,finding/* shouldFail */.W9)(result, options.failOn) ? 1 : 0;
}
/**
 * The scope a scan's flags select: the scope-group flag given (the parser refused two), which is
 * named like its scope type; none is the working tree.
 */
function chosenScope(values) {
    const flag = src_options/* FLAGS */.Wg.find((o) => o.group === 'scope' && values[o.flag] !== undefined)?.flag ?? 'worktree';
    // A scope flag without a registered source is a bug in the option table, caught by the test over every scope flag.
    if (!(0,scan/* isScopeType */.j)(flag))
        throw new Error(`--${flag} is a scope flag, but no finding source has the scope "${flag}"`);
    return flag;
}
const named = (argv) => {
    const command = argv.find((a) => src_options/* COMMANDS */.Lo.includes(a));
    return command ? ` ${command}` : '';
};


/***/ }),

/***/ 5217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ emit),
/* harmony export */   o: () => (/* binding */ cliContext)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(788);



/** The CLI's context: the current directory and the variables (credentials never come from flags). */
const cliContext = (logger) => ({ ...(0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .contextFrom */ .qs)(process.env, { cwd: process.cwd(), logger, adminKey: process.env.OPENAI_ADMIN_KEY || undefined }), logger });
/** Writes a command's rendered result to `--output FILE` (its directory made) or stdout; returns the file written. */
async function emit(rendered, output, stdout, logger) {
    if (!output) {
        logger.clear();
        stdout.write(rendered);
        return undefined;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(output)), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(output, rendered);
    return output;
}


/***/ }),

/***/ 2973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z9: () => (/* binding */ loadConfig)
/* harmony export */ });
/* unused harmony exports CONFIG_FILE, DEFAULT_CONFIG */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
// The configuration a run uses: the defaults, or `.keyguard.yml`. Its schema and the YAML parser
// (src/config-file.ts) load only when there is a file to read, so a scan of a repository without
// one starts without either.



const CONFIG_FILE = '.keyguard.yml';
/**
 * What an empty `.keyguard.yml` means, written out rather than parsed: the schema's defaults
 * (test/config.test.ts holds the two equal).
 */
const DEFAULT_CONFIG = {
    allow: { paths: [], fingerprints: [] },
    issues: { labels: ['keyguard', 'leaked-secret'], assignees: [], maxPerRun: 20 },
    audit: { maxKeyAgeDays: 90, maxIdleDays: 30, neverUsedGraceDays: 7, maxAdminKeys: 2, productionProjects: [] },
    report: { budgets: {}, spikePercent: 50, minSpikeBaseUsd: 1, minSpikeBaseTokens: 100_000, flagKeys: true },
    scan: { maxFileSize: 10 * 1024 * 1024, archiveDepth: 3 },
};
/** Loads `.keyguard.yml` (or an explicit file); a missing default file means the defaults. */
async function loadConfig(root, explicit) {
    const file = explicit ? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(explicit) : node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, CONFIG_FILE);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (e) {
        if (!explicit && e.code === 'ENOENT')
            return { config: DEFAULT_CONFIG };
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`cannot read config file ${explicit ?? CONFIG_FILE}: ${e.code ?? e}`);
    }
    const { parseConfig } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(815), __webpack_require__.e(660)]).then(__webpack_require__.bind(__webpack_require__, 4660));
    return { config: parseConfig(text, explicit ?? CONFIG_FILE), file };
}


/***/ }),

/***/ 788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ githubClient),
/* harmony export */   Xp: () => (/* binding */ issueTarget),
/* harmony export */   qs: () => (/* binding */ contextFrom)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// The surroundings every command runs in, read once per entry: the credentials, the repository
// and the APIs. The action builds it from its inputs and the runner's variables, the CLI from the
// variables alone (credentials never come from flags); commands read it, never process.env.


/**
 * The context from the environment. The admin key is the entry's to give (a variable for the CLI,
 * an input for the action, which never reads OPENAI_ADMIN_KEY); a given GitHub token wins over
 * GITHUB_TOKEN.
 */
function contextFrom(env, given) {
    const v = (name) => env[name] || undefined;
    return {
        cwd: given.cwd,
        adminKey: given.adminKey,
        githubToken: given.githubToken ?? v('GITHUB_TOKEN'),
        repository: v('GITHUB_REPOSITORY'),
        sha: v('GITHUB_SHA'),
        serverUrl: v('GITHUB_SERVER_URL') ?? 'https://github.com',
        githubApiUrl: v('GITHUB_API_URL'),
        writeIntervalMs: writeInterval(v('KEYGUARD_GITHUB_WRITE_INTERVAL_MS')),
        tempDir: v('RUNNER_TEMP') ?? node_os__WEBPACK_IMPORTED_MODULE_0___default().tmpdir(),
        logger: given.logger,
        now: () => Math.floor(Date.now() / 1000),
    };
}
/** GitHub asks for ~1 s between writes; only runs against the loopback fakes shorten it. */
function writeInterval(raw) {
    const v = Number(raw);
    return raw && Number.isFinite(v) && v >= 0 ? v : undefined;
}
/**
 * A GitHub client at the context's API. Loaded on demand: a plain
 * scan never needs octokit, and not loading it halves the CLI's start-up.
 */
async function githubClient(ctx, token) {
    const { createOctokit } = await Promise.all(/* import() */[__webpack_require__.e(167), __webpack_require__.e(702)]).then(__webpack_require__.bind(__webpack_require__, 6702));
    return createOctokit({ token, baseUrl: ctx.githubApiUrl, logger: ctx.logger, writeIntervalMs: ctx.writeIntervalMs });
}
/**
 * Where a command's issue goes: the given repository, else the context's, written with the
 * context's token. Checked before any work, naming each missing part as the user sets it.
 */
function issueTarget(ctx, given, name, what) {
    const repository = given?.trim() || ctx.repository;
    if (!repository || !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${name('issue-repository')}: expected owner/name, got "${repository ?? ''}"`);
    if (!ctx.githubToken)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} needs a GitHub token with issues: write (${name('github-token')})`);
    const [owner, repo] = repository.split('/');
    return { repository, owner, repo, token: ctx.githubToken };
}


/***/ }),

/***/ 7864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ah: () => (/* binding */ BASE64_PIECES),
/* harmony export */   M8: () => (/* binding */ BASE64_MARKERS),
/* harmony export */   am: () => (/* binding */ decodeRun),
/* harmony export */   mj: () => (/* binding */ base64RunAround)
/* harmony export */ });
/* unused harmony export B64_REACH */
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9328);

/**
 * The base64 text that encodes MARKER at each of the three byte alignments, keeping only the
 * characters whose six bits all come from the marker (ten characters each).
 */
function markerEncodings() {
    const marker = Buffer.from(_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .MARKER */ .tl, 'latin1');
    const out = [];
    for (let align = 0; align < 3; align++) {
        const bytes = Buffer.concat([Buffer.alloc(align), marker, Buffer.alloc(3)]);
        const encoded = bytes.toString('base64');
        const first = Math.ceil((align * 8) / 6);
        const last = Math.floor(((align + marker.length) * 8) / 6); // exclusive
        out.push(encoded.slice(first, last));
    }
    return out;
}
const BASE64_MARKERS = markerEncodings();
/**
 * What base64 wrapped over lines (the `base64` tool's 76 columns, a YAML block scalar) must contain:
 * a line break may split an encoded marker, but one side of it keeps its first or its last five
 * characters. Each encoded marker holds both halves, so these find unwrapped base64 too.
 */
const BASE64_PIECES = BASE64_MARKERS.flatMap((m) => [m.slice(0, 5), m.slice(5)]);
function isB64(c) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
}
/** What may separate the lines of wrapped base64: line breaks and the indentation after them. */
function isWrap(c) {
    return c === 10 || c === 13 || c === 32 || c === 9;
}
/** Base64 characters decoded around a hit: enough for the longest key and its prefix. */
const WINDOW = 320;
/** Text read around a hit, wrapping included. */
const B64_REACH = WINDOW * 2;
/**
 * The run of base64 characters (line breaks and indentation skipped) around offset `at`: a
 * hit's reach to the left, three to the right (so that the hits of the next two reaches are
 * covered by this run), or to the first character that is neither.
 */
function base64RunAround(text, at) {
    let from = at;
    let count = 0;
    while (from > 0 && at - from < B64_REACH && count < WINDOW) {
        const c = text.charCodeAt(from - 1);
        if (isB64(c))
            count++;
        else if (!isWrap(c))
            break;
        from--;
    }
    const origin = [];
    let chars = '';
    let i = from;
    let broke = false;
    for (count = 0; i < text.length && i - at < 3 * B64_REACH && count < 5 * WINDOW; i++) {
        const c = text.charCodeAt(i);
        if (isB64(c)) {
            chars += text[i];
            origin.push(i);
            count++;
        }
        else if (!isWrap(c)) {
            broke = true;
            break;
        }
    }
    origin.push(i);
    // Runs are at most 5 windows long; a hit within 2 reaches of the start has its right reach here.
    const coveredTo = broke || i === text.length ? i : Math.min(i - B64_REACH, at + 2 * B64_REACH);
    return { chars, origin, coveredTo: Math.max(coveredTo, at + 1) };
}
/**
 * Decodes a run at each of the four character alignments (the blob may be preceded by characters
 * that look like base64, e.g. `\n` before it).
 */
function decodeRun(chars) {
    const out = [];
    for (let a = 0; a < 4; a++) {
        // No flooring to whole groups: Node decodes a trailing partial group, which holds a key's
        // last bytes when the blob's padding was cut off or the window ends mid-blob.
        if (chars.length - a < 16)
            continue;
        out.push({ start: a, decoded: Buffer.from(chars.slice(a), 'base64').toString('latin1') });
    }
    return out;
}


/***/ }),

/***/ 9165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ detectKeys)
});

// EXTERNAL MODULE: ./src/detect/base64.ts
var base64 = __webpack_require__(7864);
// EXTERNAL MODULE: ./src/detect/kinds.ts
var kinds = __webpack_require__(9328);
;// CONCATENATED MODULE: ./src/detect/placeholder.ts
/*
 * A candidate with the right shape is dropped as a placeholder when either half
 *   - has a Shannon entropy below ENTROPY_MIN bits per character (random halves of 20 characters
 *     score about 4.0, of 58-74 about 5.5; `aaaa…`, `XXXX…`, `abab…` score 0-1), or
 *   - holds a run of RUN_MIN identical characters, or an ascending/descending run of RUN_MIN
 *     (`abcdef`, `123456`, `zyxwvu`), or
 *   - contains a placeholder word (PLACEHOLDER_WORDS, any case).
 * For a random key each test has a false-negative chance well under one in a million; words are
 * five letters or more for the same reason.
 */
const ENTROPY_MIN = 3.0;
const RUN_MIN = 6;
const PLACEHOLDER_WORDS = ['example', 'placeholder', 'redacted', 'dummy', 'sample', 'yourkey', 'your_key', 'your-key', 'insert', 'replace', 'changeme', 'notarealkey', 'fakekey'];
function shannonEntropy(s) {
    if (s.length === 0)
        return 0;
    const counts = new Map();
    // Characters are code points: an astral one is one character, not its two UTF-16 halves.
    let length = 0;
    for (const ch of s) {
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
        length++;
    }
    let h = 0;
    for (const n of counts.values()) {
        const p = n / length;
        h -= p * Math.log2(p);
    }
    return h;
}
function hasRun(s) {
    let same = 1;
    let up = 1;
    let down = 1;
    for (let i = 1; i < s.length; i++) {
        const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
        same = d === 0 ? same + 1 : 1;
        up = d === 1 ? up + 1 : 1;
        down = d === -1 ? down + 1 : 1;
        if (same >= RUN_MIN || up >= RUN_MIN || down >= RUN_MIN)
            return true;
    }
    return false;
}
/** Why a key-shaped string is not a real key, or undefined when it looks real. */
function placeholderReason(halves) {
    for (const half of halves) {
        if (shannonEntropy(half) < ENTROPY_MIN)
            return 'low entropy';
        if (hasRun(half))
            return 'repeated or sequential run';
        const lower = half.toLowerCase();
        const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
        if (word)
            return `placeholder word "${word}"`;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/detect/secret.ts
var secret = __webpack_require__(2751);
;// CONCATENATED MODULE: ./src/detect/detect.ts




/** Characters of the long key forms; the 20-character halves use only the alphanumerics. */
function isKeyChar(c) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95;
}
function isAlnum(c) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
function allAlnum(s) {
    for (let i = 0; i < s.length; i++)
        if (!isAlnum(s.charCodeAt(i)))
            return false;
    return true;
}
const HALF_MIN = 20;
const HALF_MAX = 128;
/** How far left of a marker a key's start can be: `sk-` + the longest prefix + the longest half. */
const LEFT_REACH = HALF_MAX + 32;
/**
 * Reads the key around a marker at `m`. No regex: a bounded walk left and right over key
 * characters, so every input costs linear time (no backtracking to exploit).
 *
 * The key starts at an `sk-` in the run of key characters before the marker, the leftmost one that
 * gives a known shape (so `\nsk-…` or `%20sk-…` still yield the key, not `nsk-…`). The second
 * half is as long as the first when that length is a known one (which cuts `…_prod` from a
 * 20-character legacy key), and otherwise the whole run of key characters.
 */
function candidateAt(text, m) {
    let left = m;
    while (left > 0 && m - left < LEFT_REACH && isKeyChar(text.charCodeAt(left - 1)))
        left--;
    let right = m + kinds/* MARKER */.tl.length;
    while (right < text.length && right - m < LEFT_REACH && isKeyChar(text.charCodeAt(right)))
        right++;
    const rightRun = text.slice(m + kinds/* MARKER */.tl.length, right);
    // Search only the run before the marker: an unbounded indexOf would read to the end of the text
    // for every marker, quadratic on a text of repeated markers.
    const run = text.slice(left, m);
    for (let i = run.indexOf('sk-'); i !== -1; i = run.indexOf('sk-', i + 1)) {
        const s = left + i;
        const body = run.slice(i + 3);
        const shaped = shapeOf(body, rightRun);
        if (shaped)
            return { start: s, end: m + kinds/* MARKER */.tl.length + shaped.rightLength, kind: shaped.kind };
    }
    return undefined;
}
function shapeOf(body, rightRun) {
    for (const spec of kinds/* KEY_FORMS */.uQ) {
        if (!body.startsWith(spec.prefix))
            continue;
        const half = body.slice(spec.prefix.length);
        if (half.length < HALF_MIN || half.length > HALF_MAX)
            return undefined;
        // Legacy keys are alphanumeric throughout; anything else after a bare `sk-` (`sk-ant-…`,
        // `sk-or-v1-…`) belongs to another vendor.
        if (spec.prefix === '' && !allAlnum(half))
            return namedShape(body, rightRun);
        if (spec.halves.includes(half.length) && rightRun.length >= half.length) {
            const second = rightRun.slice(0, half.length);
            if (half.length === 20 && !(allAlnum(half) && allAlnum(second)))
                return undefined;
            return { kind: spec.kind, rightLength: half.length };
        }
        if (rightRun.length >= HALF_MIN && rightRun.length <= HALF_MAX)
            return { kind: spec.kind, rightLength: rightRun.length };
        return undefined;
    }
    return namedShape(body, rightRun);
}
/** A name of lowercase letters, digits, `-` and `_` (as GitGuardian's and detect-secrets' detectors document). */
const NAMED = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}-[A-Za-z0-9]{20}$/;
/** `sk-` prefixes of other vendors' keys (Anthropic, OpenRouter), which are never a name. */
const OTHER_VENDORS = ['ant-', 'or-'];
/**
 * Older service-account keys carry the account's name: `sk-<name>-` + 20 alphanumerics + marker +
 * 20 alphanumerics. Only reached when no known prefix fits.
 */
function namedShape(body, rightRun) {
    if (OTHER_VENDORS.some((p) => body.startsWith(p)) || !NAMED.test(body) || rightRun.length < 20 || !allAlnum(rightRun.slice(0, 20)))
        return undefined;
    return { kind: kinds/* NAMED_KIND */.DH, rightLength: 20 };
}
/** Splits a key into the two halves around its marker (for the placeholder test). */
function halvesOf(key) {
    const m = key.lastIndexOf(kinds/* MARKER */.tl);
    const body = key.slice(3, m);
    const spec = kinds/* KEY_FORMS */.uQ.find((s) => body.startsWith(s.prefix));
    // A named key's first half follows its name (the legacy spec's empty prefix matched it).
    const first = spec.prefix === '' ? body.slice(body.lastIndexOf('-') + 1) : body.slice(spec.prefix.length);
    return [first, key.slice(m + kinds/* MARKER */.tl.length)];
}
/** Keys in plain text, as [start, end, kind] offsets; placeholders dropped. */
function plainCandidates(text) {
    const out = [];
    let lastEnd = -1;
    // The last `sk-` before the marker, found by one forward walk over the text: a marker with none
    // within reach to its left is no key's, and costs nothing more (a text of markers alone is read
    // at memchr speed).
    let lastSk = -1;
    let nextSk = text.indexOf('sk-');
    for (let m = text.indexOf(kinds/* MARKER */.tl); m !== -1; m = text.indexOf(kinds/* MARKER */.tl, m + 1)) {
        if (m < lastEnd)
            continue; // a marker inside the key just read
        while (nextSk !== -1 && nextSk < m) {
            lastSk = nextSk;
            nextSk = text.indexOf('sk-', nextSk + 1);
        }
        if (lastSk === -1 || m - lastSk > LEFT_REACH)
            continue;
        const c = candidateAt(text, m);
        if (!c)
            continue;
        lastEnd = c.end;
        if (placeholderReason(halvesOf(text.slice(c.start, c.end))))
            continue;
        out.push(c);
    }
    return out;
}
/** Maps offsets to 1-based lines and columns; offsets must be asked in increasing order. */
class LineIndex {
    #line = 1;
    #lineStart = 0;
    #pos = 0;
    text;
    constructor(text) {
        this.text = text;
    }
    at(offset) {
        if (offset < this.#pos) {
            this.#line = 1;
            this.#lineStart = 0;
            this.#pos = 0;
        }
        for (let i = this.text.indexOf('\n', this.#pos); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) {
            this.#line++;
            this.#lineStart = i + 1;
        }
        this.#pos = offset;
        return { line: this.#line, column: offset - this.#lineStart + 1, lineStart: this.#lineStart };
    }
}
const ALLOW_COMMENT = 'keyguard:allow';
/**
 * Whether the line at each asked offset carries an allow comment. Lines must be asked in
 * increasing order; the next comment's offset is remembered, so a text costs one pass however many
 * keys it holds (searching from each line to the end of the text was quadratic).
 */
class AllowIndex {
    #next = -2;
    text;
    constructor(text) {
        this.text = text;
    }
    onLine(lineStart) {
        if (this.#next !== -1 && this.#next < lineStart)
            this.#next = this.text.indexOf(ALLOW_COMMENT, lineStart);
        if (this.#next === -1)
            return false;
        const end = this.text.indexOf('\n', lineStart);
        return end === -1 || this.#next < end;
    }
}
/** JSON `\u00XX` escapes of ASCII (`sk\u002dproj\u002d…`), which the marker search sees only in part. */
const ESCAPE = /\\u00([0-7][0-9a-fA-F])/g;
/** Context kept around a marker to unescape: the longest key with every character escaped. */
const ESCAPED_REACH = LEFT_REACH * 6;
/**
 * Keys with `\u00XX` escapes: the text around each marker that holds an escape is unescaped and
 * read again. Windows overlap by at most half, so each character is unescaped at most twice.
 */
function escapedCandidates(text) {
    const out = [];
    let doneTo = -1;
    for (let m = text.indexOf(kinds/* MARKER */.tl); m !== -1; m = text.indexOf(kinds/* MARKER */.tl, m + 1)) {
        // The last window read holds this marker's whole reach: its keys were read there.
        if (m + ESCAPED_REACH <= doneTo)
            continue;
        const from = Math.max(0, m - ESCAPED_REACH);
        // Three reaches to the right, so the markers of the next two are covered by this window.
        const to = Math.min(text.length, m + 3 * ESCAPED_REACH);
        doneTo = to;
        const window = text.slice(from, to);
        if (!window.includes('\\u00'))
            continue;
        // Offsets in the unescaped text map back through `origin` (original offset of each character).
        const origin = [];
        let plain = '';
        let last = 0;
        for (const e of window.matchAll(ESCAPE)) {
            for (let i = last; i < e.index; i++)
                origin.push(from + i);
            plain += window.slice(last, e.index) + String.fromCharCode(parseInt(e[1], 16));
            origin.push(from + e.index);
            last = e.index + e[0].length;
        }
        for (let i = last; i < window.length; i++)
            origin.push(from + i);
        plain += window.slice(last);
        origin.push(to);
        for (const c of plainCandidates(plain)) {
            const offset = origin[c.start];
            const length = origin[c.end] - offset;
            if (length !== c.end - c.start)
                out.push({ offset, length, key: plain.slice(c.start, c.end), kind: c.kind, encoding: 'escaped' });
        }
    }
    return out;
}
/**
 * Keys in base64, also wrapped over lines: the run of base64 characters around each hit of an
 * encoded marker's piece is joined, checked for a whole encoded marker, and decoded. A hit whose
 * reach lies inside the last run read is skipped, and runs reach three times as far right as a
 * hit needs, so each character is decoded a bounded number of times whatever the input.
 */
function base64Candidates(text) {
    const hits = [];
    for (const piece of base64/* BASE64_PIECES */.Ah)
        for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1))
            hits.push(at);
    hits.sort((a, b) => a - b);
    const out = [];
    let doneTo = -1;
    for (const at of hits) {
        if (at < doneTo)
            continue;
        const run = (0,base64/* base64RunAround */.mj)(text, at);
        doneTo = run.coveredTo;
        if (!base64/* BASE64_MARKERS */.M8.some((m) => run.chars.includes(m)))
            continue;
        for (const w of (0,base64/* decodeRun */.am)(run.chars)) {
            for (const c of plainCandidates(w.decoded)) {
                const first = w.start + Math.floor((c.start * 4) / 3);
                const last = Math.min(w.start + Math.ceil((c.end * 4) / 3), run.chars.length);
                out.push({ offset: run.origin[first], length: run.origin[last - 1] + 1 - run.origin[first], key: w.decoded.slice(c.start, c.end), kind: c.kind, encoding: 'base64' });
            }
        }
    }
    return out;
}
/**
 * Finds every OpenAI key in `text`, plain, base64-encoded (also wrapped over lines) or with JSON
 * escapes. Pure: no I/O, no clock. Callers should check `mayContainKey` first on raw bytes; this
 * re-checks nothing.
 */
function detectKeys(text) {
    const found = [];
    for (const c of plainCandidates(text)) {
        found.push({ offset: c.start, length: c.end - c.start, key: text.slice(c.start, c.end), kind: c.kind, encoding: 'plain' });
    }
    if (text.includes('\\u00'))
        found.push(...escapedCandidates(text));
    found.push(...base64Candidates(text));
    found.sort((a, b) => a.offset - b.offset);
    const seen = new Set();
    const lines = new LineIndex(text);
    const allow = new AllowIndex(text);
    const out = [];
    for (const f of found) {
        const id = `${f.offset}:${f.key}`;
        if (seen.has(id))
            continue;
        seen.add(id);
        const pos = lines.at(f.offset);
        out.push({
            secret: new secret/* SecretValue */.iJ(f.key),
            kind: f.kind,
            offset: f.offset,
            line: pos.line,
            column: pos.column,
            endColumn: pos.column + f.length,
            encoding: f.encoding,
            allowedInline: allow.onLine(pos.lineStart),
        });
    }
    return out;
}


/***/ }),

/***/ 5995:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);

let crypto;
/**
 * SHA-256 of a string (UTF-8), in hex. node:crypto is loaded on the first call, not with the
 * module: a scan that finds nothing never hashes, and loading it cost about 4 ms of a scan's
 * start-up (test/entries.test.ts). No I/O: node:module serves only to load node:crypto
 * (test/boundary.test.ts).
 */
function sha256Hex(text) {
    crypto ??= (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(import.meta.url)('node:crypto');
    return (typeof text === 'string' ? crypto.createHash('sha256').update(text, 'utf8') : crypto.createHash('sha256').update(text)).digest('hex');
}


/***/ }),

/***/ 1457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vq: () => (/* reexport */ ARCHIVE_DEPTH),
  P4: () => (/* reexport */ BINARY_SNIFF),
  bU: () => (/* reexport */ EntryCache),
  A3: () => (/* reexport */ kinds/* KEY_KINDS */.A3),
  l0: () => (/* reexport */ prefilter/* LITERAL_SEARCHES */.l0),
  iJ: () => (/* reexport */ secret/* SecretValue */.iJ),
  Dn: () => (/* reexport */ countNewlines),
  yj: () => (/* reexport */ decodeBytes),
  df: () => (/* reexport */ detectInFile),
  c8: () => (/* reexport */ detect/* detectKeys */.c),
  tc: () => (/* reexport */ isArchive),
  tf: () => (/* reexport */ kinds/* kindLabel */.tf),
  TK: () => (/* reexport */ kinds/* kindPrefix */.TK),
  KS: () => (/* reexport */ kinds/* kindSpec */.KS),
  FY: () => (/* reexport */ prefilter/* mayContainKey */.FY),
  Zg: () => (/* reexport */ scrub.scrubSecrets),
  fg: () => (/* reexport */ hash/* sha256Hex */.f),
  OB: () => (/* reexport */ sniffEncoding),
  o9: () => (/* reexport */ unmarkedUtf16),
  QB: () => (/* reexport */ utf16Mark)
});

// UNUSED EXPORTS: ENTROPY_MIN, KEY_FORMS, KIND_SPECS, MARKER, PREFILTER_LITERALS, REDACTED_PREFIXES, RUN_MIN, detectInBytes, fingerprint, placeholderReason, redact

// EXTERNAL MODULE: ./src/detect/detect.ts + 1 modules
var detect = __webpack_require__(9165);
// EXTERNAL MODULE: ./src/detect/prefilter.ts
var prefilter = __webpack_require__(3768);
;// CONCATENATED MODULE: ./src/detect/bytes.ts


/** How many leading bytes decide whether a file is binary (git's own rule looks at 8,000). */
const BINARY_SNIFF = 8192;
/**
 * The encoding of a file from its first bytes: UTF-16 when it starts with a byte-order mark
 * (Windows tools write one by default), binary when a NUL is in the first 8 KiB, else UTF-8.
 */
function sniffEncoding(head) {
    return utf16Mark(head, 0) ?? (head.subarray(0, BINARY_SNIFF).includes(0) ? 'binary' : 'utf8');
}
/** The UTF-16 encoding whose byte-order mark is at `at`, if one is. */
function utf16Mark(bytes, at) {
    if (bytes[at] === 0xff && bytes[at + 1] === 0xfe)
        return 'utf16le';
    if (bytes[at] === 0xfe && bytes[at + 1] === 0xff)
        return 'utf16be';
    return undefined;
}
function asBuffer(data) {
    return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
/**
 * The text of bytes in an encoding. Binary is read as latin1: one character a byte, so a key
 * (ASCII) among other bytes reads as itself and columns count bytes. `atStart`: the bytes begin
 * the file (a UTF-16 byte-order mark there is dropped).
 */
function decodeBytes(data, encoding, atStart = true) {
    // A UTF-16 file's byte-order mark is not text: columns count from after it.
    const bom = atStart && (encoding === 'utf16le' || encoding === 'utf16be') ? 2 : 0;
    const buf = asBuffer(data).subarray(bom);
    switch (encoding) {
        case 'utf8':
            return buf.toString('utf8');
        case 'binary':
            return buf.toString('latin1');
        case 'utf16le':
            return buf.toString('utf16le', 0, buf.length & ~1);
        case 'utf16be': {
            const swapped = Buffer.from(buf.subarray(0, buf.length & ~1));
            return swapped.swap16().toString('utf16le');
        }
    }
}
/**
 * Every key in some bytes of a file, given its encoding (`sniffEncoding` of its first bytes).
 * UTF-8 and binary bytes go through the byte prefilter before anything is decoded; UTF-16 is
 * decoded first, as its bytes never hold the ASCII markers.
 */
function detectInBytes(data, encoding = sniffEncoding(data)) {
    if (encoding === 'utf16le' || encoding === 'utf16be') {
        const text = decodeBytes(data, encoding);
        return (0,prefilter/* mayContainKey */.FY)(text) ? (0,detect/* detectKeys */.c)(text) : [];
    }
    if (!(0,prefilter/* mayContainKey */.FY)(data))
        return [];
    const found = (0,detect/* detectKeys */.c)(decodeBytes(data, encoding));
    const unmarked = encoding === 'binary' ? unmarkedUtf16(data) : undefined;
    return unmarked ? [...found, ...(0,detect/* detectKeys */.c)(decodeBytes(data, unmarked, false))] : found;
}
/**
 * The UTF-16 of binary bytes that hold the marker in UTF-16 with no byte-order mark (.NET's
 * Encoding.Unicode, some Windows tools): little-endian when its first character is at an even
 * offset, big-endian when at an odd one. Bytes read from a file's start or any even offset.
 */
function unmarkedUtf16(data) {
    const at = prefilter/* UTF16_MARKER */.yu.indexIn(asBuffer(data));
    return at === -1 ? undefined : at % 2 === 0 ? 'utf16le' : 'utf16be';
}
/**
 * The number of `\n` bytes, four at a time (a zero-byte test on each 32-bit word after xor with
 * the newline): a large file's lines are counted in every window before any key is found, and one
 * Buffer.indexOf call per line cost more than reading the file (500 MB: 0.21 s against 0.10 s).
 */
function countNewlines(data) {
    let n = 0;
    // Int32Array needs an aligned start: the bytes before it and after the last word, one by one.
    const head = Math.min(data.length, (4 - (data.byteOffset % 4)) % 4);
    const wordCount = (data.length - head) >> 2;
    for (let i = 0; i < head; i++)
        if (data[i] === 0x0a)
            n++;
    for (let i = head + wordCount * 4; i < data.length; i++)
        if (data[i] === 0x0a)
            n++;
    if (wordCount === 0)
        return n;
    const words = new Int32Array(data.buffer, data.byteOffset + head, wordCount);
    for (let w = 0; w < words.length; w++) {
        const v = words[w] ^ 0x0a0a0a0a;
        // The high bit of each byte of `zero` is set exactly where v's byte is zero (no carry between bytes).
        const zero = ~(((v & 0x7f7f7f7f) + 0x7f7f7f7f) | v) & 0x80808080;
        if (zero !== 0)
            n += Math.imul(zero >>> 7, 0x01010101) >>> 24;
    }
    return n;
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: ./src/detect/hash.ts
var hash = __webpack_require__(5995);
;// CONCATENATED MODULE: ./src/detect/archive.ts





/**
 * Archives are opened by their bytes, not their names: a zip (also .jar, .docx, .xlsx, .apk,
 * .whl, .nupkg), a gzip stream (.gz, .tgz) and a ustar or GNU tar. Their files are scanned like
 * any other, by default to this many levels (a zip in a zip in a zip).
 */
const ARCHIVE_DEPTH = 3;
/**
 * The keys of zip entries read whole before, by the SHA-256 of their compressed bytes (with their
 * method, size, depth and name's last part, which decide what reading them gives): a history of a
 * rebuilt jar holds the same entries version after version, and each is then read once. Only
 * entries read without a problem are kept, so a hit gives what reading it again would.
 */
class EntryCache {
    #entries = new Map();
    get(key) {
        return this.#entries.get(key);
    }
    set(key, matches) {
        // Bounded: past it, the cache starts again (a miss only costs the read).
        if (this.#entries.size >= 100_000)
            this.#entries.clear();
        this.#entries.set(key, matches);
    }
}
let zlib;
/** node:zlib, loaded at the first archive (about 2 ms of start-up otherwise, on every thread). Decompression only: no I/O. */
function loadZlib() {
    return (zlib ??= (0,external_node_module_.createRequire)(import.meta.url)('node:zlib'));
}
/**
 * An archive expands to at most this many times its own size (and never past the size limit):
 * text compresses 5 to 20 times, a zip bomb 1,000 times. A pull request of bombs costs no more
 * to scan than a hundred times its bytes.
 */
const EXPANSION_RATIO = 100;
/** What even a tiny archive may expand to. */
const EXPANSION_FLOOR = 64 << 10;
/**
 * Whether the bytes from `at` to `end` start like a zip, a gzip stream or a tar (the prefilter
 * cannot see into the first two). Byte compares only: it runs on every file of a tree.
 */
function isArchive(data, at = 0, end = data.length) {
    return archiveType(data, at, end) !== undefined;
}
const USTAR = [0x75, 0x73, 0x74, 0x61, 0x72];
function archiveType(data, at = 0, end = data.length) {
    if (end - at >= 4 && data[at] === 0x50 && data[at + 1] === 0x4b && data[at + 2] === 0x03 && data[at + 3] === 0x04)
        return 'zip';
    if (end - at >= 3 && data[at] === 0x1f && data[at + 1] === 0x8b && data[at + 2] === 0x08)
        return 'gzip';
    // "ustar\0" (POSIX) or "ustar " (GNU) at 257 of the first header.
    if (end - at >= 512 && USTAR.every((b, i) => data[at + 257 + i] === b))
        return 'tar';
    return undefined;
}
/**
 * The keys in a file's bytes: its own bytes as text (a key stored uncompressed in an archive, or
 * outside its entries, is found there), and when it is an archive, in each file inside it, to
 * `archiveDepth` levels. At most `maxFileSize` bytes, or EXPANSION_RATIO times its size if less,
 * are decompressed in all (a zip bomb stops there, and says so). `name` is the file's own name: a
 * gzip stream without a stored name holds what gunzip would call it.
 */
function detectInFile(data, name, limits) {
    const unread = [];
    const budget = { left: Math.min(limits.maxFileSize, Math.max(EXPANSION_FLOOR, data.length * EXPANSION_RATIO)), depth: limits.archiveDepth, cache: limits.cache };
    return { matches: keysIn(data, baseName(name), limits.archiveDepth, budget, (why) => unread.push(why)), unread };
}
const LIMIT_RULE = `the size limit, or ${EXPANSION_RATIO} times the archive's size if less`;
/**
 * The keys in some bytes and, when they are an archive `depth` still lets open, in its entries,
 * each named by its path inside. A key found in an entry is placed there, not in the archive's
 * own bytes, where it also is when stored uncompressed or in a tar.
 */
function keysIn(bytes, name, depth, budget, problem) {
    const inner = [];
    const type = depth > 0 ? archiveType(bytes) : undefined;
    if (type) {
        // An entry's keys, and those in its name: read for each entry, as the cache knows contents, not names.
        const place = (entry, found) => {
            for (const m of found)
                inner.push({ ...m, entry: m.entry === undefined ? entry : `${entry}!${m.entry}` });
            if ((0,prefilter/* mayContainKey */.FY)(entry))
                for (const m of (0,detect/* detectKeys */.c)(entry))
                    inner.push({ ...m, entry, source: 'file-name' });
        };
        const visit = (entry, data) => {
            const opens = depth > 1 || !archiveType(data);
            if (!opens)
                problem(`${entry}: an archive nested more than ${budget.depth} deep, not opened`);
            let clean = opens;
            const found = keysIn(data, baseName(entry), opens ? depth - 1 : 0, budget, (why) => {
                clean = false;
                problem(`${entry}!${why}`);
            });
            place(entry, found);
            return clean ? found : undefined;
        };
        const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        if (type === 'zip')
            readZip(buf, depth, budget, visit, place, problem);
        else if (type === 'gzip')
            readGzip(buf, name, budget, visit, problem);
        else
            readTar(buf, visit, problem);
    }
    const nested = new Set(inner.map((m) => m.secret.fingerprint));
    return [...detectInBytes(bytes).filter((m) => !nested.has(m.secret.fingerprint)), ...inner];
}
/**
 * Decompresses at most `cap` bytes (the budget left, or less), which count against the budget
 * whether or not they come out whole; past the cap, nothing, and `overflow` says why.
 */
function inflate(run, cap, budget, what, overflow, problem) {
    if (budget.left <= 0) {
        problem(`${what}: not decompressed, the archive already expanded as far as it may (${LIMIT_RULE})`);
        return undefined;
    }
    cap = Math.max(1, Math.min(cap, budget.left));
    try {
        const out = run(cap);
        budget.left -= out.length;
        return out;
    }
    catch (e) {
        budget.left -= cap;
        problem(`${what}: ${e.code === 'ERR_BUFFER_TOO_LARGE' ? overflow : `damaged (${e.message})`}; not scanned`);
        return undefined;
    }
}
/**
 * A zip by its central directory (APPNOTE.TXT 4.3.12–4.3.16), zip64 included: stored and deflated
 * entries are read; other methods and encrypted entries are named as unread. The smallest entries
 * are read first, and none past the size its header gives: a bomb among them is read last, and a
 * header that lies about its size costs no more than it says.
 */
function readZip(buf, depth, budget, visit, replay, problem) {
    const end = findEndOfCentralDirectory(buf);
    if (!end)
        return problem('not read as a zip: no central directory (truncated?); its raw bytes were scanned');
    const entries = [];
    for (let i = 0, offset = end.offset; i < end.count; i++) {
        if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) {
            problem(`central directory damaged at entry ${i + 1} of ${end.count}`);
            break;
        }
        const flags = buf.readUInt16LE(offset + 8);
        const nameLength = buf.readUInt16LE(offset + 28);
        const extraLength = buf.readUInt16LE(offset + 30);
        const e = {
            name: buf.toString(flags & 0x800 ? 'utf8' : 'latin1', offset + 46, offset + 46 + nameLength),
            flags,
            method: buf.readUInt16LE(offset + 10),
            compressed: buf.readUInt32LE(offset + 20),
            size: buf.readUInt32LE(offset + 24),
            local: buf.readUInt32LE(offset + 42),
        };
        // Zip64: the 32-bit fields that overflowed are in the 0x0001 extra field, in this order.
        const zip64 = extraField(buf.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength), 0x0001);
        if (zip64) {
            let at = 0;
            const next = () => (at + 8 <= zip64.length ? Number(zip64.readBigUInt64LE((at += 8) - 8)) : undefined);
            if (e.size === 0xffffffff)
                e.size = next() ?? e.size;
            if (e.compressed === 0xffffffff)
                e.compressed = next() ?? e.compressed;
            if (e.local === 0xffffffff)
                e.local = next() ?? e.local;
        }
        offset += 46 + nameLength + extraLength + buf.readUInt16LE(offset + 32);
        if (!e.name.endsWith('/'))
            entries.push(e);
    }
    for (const e of entries.sort((a, b) => a.size - b.size)) {
        if (e.flags & 0x1) {
            problem(`${e.name}: encrypted, not read`);
            continue;
        }
        if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== 0x04034b50) {
            problem(`${e.name}: damaged (no local header)`);
            continue;
        }
        const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
        const raw = buf.subarray(start, start + e.compressed);
        if (e.method !== 0 && e.method !== 8) {
            problem(`${e.name}: compression method ${e.method} not read`);
            continue;
        }
        // What reading an entry gives depends on these alone (the name's last part names a gzip inside).
        const key = budget.cache && `${e.method} ${e.size} ${depth} ${baseName(e.name)} ${(0,hash/* sha256Hex */.f)(raw)}`;
        const known = key ? budget.cache.get(key) : undefined;
        if (known) {
            replay(e.name, known);
            continue;
        }
        let data = raw;
        if (e.method === 8) {
            if (e.size > budget.left) {
                problem(`${e.name}: ${e.size} bytes, past what the archive may still expand to (${LIMIT_RULE}); not read`);
                continue;
            }
            data = inflate((cap) => loadZlib().inflateRawSync(raw, { maxOutputLength: cap }), e.size, budget, e.name, `expands past the ${e.size} bytes its header gives`, problem);
        }
        const found = data && visit(e.name, data);
        if (key && found)
            budget.cache.set(key, found);
    }
}
function findEndOfCentralDirectory(buf) {
    // The record is 22 bytes and its comment at most 65,535: it starts in the last 65,557 bytes.
    for (let at = buf.length - 22; at >= Math.max(0, buf.length - 65_557); at--) {
        if (buf.readUInt32LE(at) !== 0x06054b50)
            continue;
        let count = buf.readUInt16LE(at + 10);
        let offset = buf.readUInt32LE(at + 16);
        if ((count === 0xffff || offset === 0xffffffff) && at >= 20 && buf.readUInt32LE(at - 20) === 0x07064b50) {
            const z = Number(buf.readBigUInt64LE(at - 12));
            if (z + 56 <= buf.length && buf.readUInt32LE(z) === 0x06064b50) {
                count = Number(buf.readBigUInt64LE(z + 32));
                offset = Number(buf.readBigUInt64LE(z + 48));
            }
        }
        return offset < buf.length ? { offset, count } : undefined;
    }
    return undefined;
}
function extraField(extra, id) {
    for (let at = 0; at + 4 <= extra.length;) {
        const size = extra.readUInt16LE(at + 2);
        if (extra.readUInt16LE(at) === id)
            return extra.subarray(at + 4, at + 4 + size);
        at += 4 + size;
    }
    return undefined;
}
/** A gzip stream (RFC 1952), every member; its entry is named by the stored name, else as gunzip would name it. */
function readGzip(buf, name, budget, visit, problem) {
    const data = inflate((cap) => loadZlib().gunzipSync(buf, { maxOutputLength: cap }), budget.left, budget, 'its gzip stream', `expands past what it may (${LIMIT_RULE})`, problem);
    if (data)
        visit(gzipName(buf) ?? gunzippedName(name), data);
}
/** FNAME of a gzip header (flag 0x08), after FEXTRA when present. */
function gzipName(buf) {
    const flags = buf[3];
    if (!(flags & 0x08))
        return undefined;
    let at = 10;
    if (flags & 0x04)
        at += 2 + (buf.length >= 12 ? buf.readUInt16LE(10) : 0);
    const end = buf.indexOf(0, at);
    return end === -1 ? undefined : buf.toString('latin1', at, end) || undefined;
}
function gunzippedName(name) {
    return name.endsWith('.tgz') ? `${name.slice(0, -4)}.tar` : /\.gz(ip)?$/i.test(name) ? name.replace(/\.gz(ip)?$/i, '') : `${name} (gunzipped)`;
}
/** A ustar or GNU tar: regular files, named by prefix and name, GNU long names and pax `path`. */
function readTar(buf, visit, problem) {
    let longName;
    for (let at = 0; at + 512 <= buf.length;) {
        const header = buf.subarray(at, at + 512);
        if (header.every((b) => b === 0))
            return;
        const size = tarNumber(header.subarray(124, 136));
        if (size === undefined)
            return problem(`tar header at byte ${at} damaged`);
        const type = String.fromCharCode(header[156]);
        const data = buf.subarray(at + 512, at + 512 + size);
        const field = (from, to) => {
            const f = header.subarray(from, to);
            const nul = f.indexOf(0);
            return f.toString('utf8', 0, nul === -1 ? f.length : nul);
        };
        at += 512 + Math.ceil(size / 512) * 512;
        if (type === 'L') {
            longName = data.toString('utf8').replace(/\0+$/, '');
            continue;
        }
        if (type === 'x') {
            longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1] ?? longName;
            continue;
        }
        const prefix = field(345, 500);
        const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
        longName = undefined;
        if (type === '0' || type === '\0' || type === '7')
            visit(name, data);
    }
}
/** A tar size: octal digits, or base-256 when the first byte's high bit is set. */
function tarNumber(field) {
    if (field[0] & 0x80) {
        let n = 0;
        for (let i = 1; i < field.length; i++)
            n = n * 256 + field[i];
        return n;
    }
    const text = field.toString('latin1').replace(/[\0 ]+$/, '').trim();
    return /^[0-7]*$/.test(text) ? parseInt(text || '0', 8) : undefined;
}
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}

// EXTERNAL MODULE: ./src/detect/secret.ts
var secret = __webpack_require__(2751);
// EXTERNAL MODULE: ./src/detect/kinds.ts
var kinds = __webpack_require__(9328);
// EXTERNAL MODULE: ./src/detect/scrub.ts
var scrub = __webpack_require__(7732);
;// CONCATENATED MODULE: ./src/detect/index.ts











/***/ }),

/***/ 9328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ KEY_KINDS),
/* harmony export */   DH: () => (/* binding */ NAMED_KIND),
/* harmony export */   KS: () => (/* binding */ kindSpec),
/* harmony export */   TK: () => (/* binding */ kindPrefix),
/* harmony export */   e5: () => (/* binding */ REDACTED_PREFIXES),
/* harmony export */   tf: () => (/* binding */ kindLabel),
/* harmony export */   tl: () => (/* binding */ MARKER),
/* harmony export */   uQ: () => (/* binding */ KEY_FORMS)
/* harmony export */ });
/* unused harmony export KIND_SPECS */
/** `T3BlbkFJ` is base64 of "OpenAI"; every OpenAI secret key carries it between its two halves. */
const MARKER = 'T3BlbkFJ';
/*
 * Shapes from OpenAI keys seen in public scanners' tests (gitleaks, trufflehog, secretlint) and
 * public code; see README "What is detected". The 20-character halves are alphanumeric, the long
 * ones use A-Za-z0-9_- . The order is the SARIF rules' order; detection tries longer prefixes first.
 */
const SPECS = [
    {
        kind: 'legacy',
        label: 'legacy user key',
        forms: [{ prefix: '', halves: [20] }],
        severity: '9.0',
        inventory: 'project-user',
        probe: 'models',
        samples: { positive: ['sk-{20}{M}{20}', 'sk-{33}{M}{33}'], negative: ['sk-{19}{M}{19}', 'sk-{a*20}{M}{a*20}', 'pk-{20}{M}{20}', 'sk-ant-api03-{20}{M}{20}'] },
    },
    {
        kind: 'project',
        label: 'project key',
        forms: [{ prefix: 'proj-', halves: [20, 58, 74] }],
        severity: '9.0',
        inventory: 'project-user',
        probe: 'models',
        samples: { positive: ['sk-proj-{20}{M}{20}', 'sk-proj-{~58}{M}{~58}', 'sk-proj-{~74}{M}{~74}'], negative: ['sk-proj-{X*74}{M}{X*74}', 'sk-proj-{12}{M}{12}', 'sk-proj-abc…wxyz'] },
    },
    {
        kind: 'service_account',
        label: 'service-account key',
        forms: [
            { prefix: 'svcacct-', halves: [46, 74] },
            { prefix: 'service-', halves: [] },
        ],
        named: true,
        severity: '9.0',
        inventory: 'project-service-account',
        probe: 'models',
        samples: { positive: ['sk-svcacct-{~46}{M}{~46}', 'sk-svcacct-{~74}{M}{~74}', 'sk-service-{~40}{M}{~40}', 'sk-ci-bot-{20}{M}{20}'], negative: ['sk-svcacct-{a*46}{M}{a*46}', 'sk-or-v1-{20}{M}{20}'] },
    },
    {
        kind: 'admin',
        label: 'admin key',
        forms: [{ prefix: 'admin-', halves: [58] }],
        severity: '10.0',
        inventory: 'admin',
        probe: 'admin-keys',
        samples: { positive: ['sk-admin-{~58}{M}{~58}'], negative: ['sk-admin-{0*58}{M}{0*58}', 'sk-admin-{~58}'] },
    },
    {
        kind: 'user',
        label: 'user key (sk-None-)',
        forms: [{ prefix: 'None-', halves: [20] }],
        severity: '9.0',
        inventory: 'project-user',
        probe: 'models',
        samples: { positive: ['sk-None-{20}{M}{20}'], negative: ['sk-None-{9}{M}{9}'] },
    },
];
const KIND_SPECS = SPECS;
const KEY_KINDS = KIND_SPECS.map((s) => s.kind);
/** Every form with its kind, longer prefixes first, so that `sk-svcacct-` is never read as legacy. */
const KEY_FORMS = KIND_SPECS.flatMap((s) => s.forms.map((f) => ({ ...f, kind: s.kind }))).sort((a, b) => b.prefix.length - a.prefix.length);
/** The kind of the older keys that carry a name (`sk-<name>-…`). */
const NAMED_KIND = KIND_SPECS.find((s) => s.named).kind;
function kindSpec(kind) {
    return KIND_SPECS.find((s) => s.kind === kind);
}
function kindLabel(kind) {
    return kindSpec(kind).label;
}
/** The printable prefix of a key of this kind, as shown in redacted forms: from its first form. */
function kindPrefix(kind) {
    return `sk-${kindSpec(kind).forms[0].prefix}`;
}
/**
 * The known prefixes a redacted key keeps (`sk-proj-`), longest first; any other key keeps `sk-`
 * alone (a named key's name is the account's, and is not shown). Derived from KIND_SPECS, so a new
 * kind is redacted with its prefix without another list to update.
 */
const REDACTED_PREFIXES = [...new Set(KEY_FORMS.map((f) => `sk-${f.prefix}`))];


/***/ }),

/***/ 3768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FY: () => (/* binding */ mayContainKey),
/* harmony export */   l0: () => (/* binding */ LITERAL_SEARCHES),
/* harmony export */   yu: () => (/* binding */ UTF16_MARKER)
/* harmony export */ });
/* unused harmony exports PREFILTER_LITERALS, LiteralSearch */
/* harmony import */ var _base64_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7864);
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9328);


/** Every literal that any detectable key (plain, escaped, or base64-encoded, wrapped or not) must contain. */
const PREFILTER_LITERALS = [_kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER */ .tl, ..._base64_js__WEBPACK_IMPORTED_MODULE_0__/* .BASE64_PIECES */ .Ah];
/**
 * Base64 characters from the rarest to the most common in source text and prose (counted over
 * 14,000 files of code, docs and data). A byte search runs at memchr speed on its needle's first
 * byte and stops at every occurrence of it: starting on a common letter (`ia0ZK` on `i`) made one
 * search of a minified bundle 100 times slower than starting on a rare one.
 */
const RARITY = 'ZXQYJKVWHG79U+8zqB65j43MFODLINC2RAPSEkTw1x0v/ybgfhmpudclasionrte';
/**
 * A literal searched by its tail from its rarest character (at least two bytes), each hit then
 * checked against the literal's head. Node's Buffer.indexOf uses Boyer-Moore-Horspool for needles
 * of eight bytes or more: the marker itself searched 40 times slower than its last six bytes.
 */
class LiteralSearch {
    literal;
    #head;
    #anchor;
    constructor(literal) {
        this.literal = Buffer.from(literal, 'latin1');
        let best = 0;
        for (let i = 1; i <= literal.length - 2; i++)
            if (rank(literal[i]) < rank(literal[best]))
                best = i;
        this.#head = best;
        this.#anchor = this.literal.subarray(best);
    }
    /** The offset of the literal's first occurrence at or after `from`, or -1. */
    indexIn(buf, from = 0) {
        const head = this.#head;
        for (let at = buf.indexOf(this.#anchor, from + head); at !== -1; at = buf.indexOf(this.#anchor, at + 1)) {
            if (head === 0 || buf.compare(this.literal, 0, head, at - head, at) === 0)
                return at - head;
        }
        return -1;
    }
}
/**
 * Characters of the marker rank after all others: a text dense with markers (a minified bundle of
 * keys, an adversarial line) would stop a base64 piece's search at every marker otherwise.
 */
function rank(c) {
    const r = RARITY.indexOf(c);
    return (r === -1 ? RARITY.length : r) + (_kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER */ .tl.includes(c) ? RARITY.length + 1 : 0);
}
/**
 * The marker as UTF-16 writes it without a byte-order mark, little- or big-endian alike: its
 * characters with a NUL between each (LE ends on one, BE starts on one; neither is kept). Such
 * a file has NUL bytes, so it is read as binary, where the ASCII literals never match.
 */
const UTF16_MARKER = new LiteralSearch([..._kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER */ .tl].join('\0'));
/** The byte searches of the prefilter: every literal, and the marker in UTF-16. */
const LITERAL_SEARCHES = [...PREFILTER_LITERALS.map((l) => new LiteralSearch(l)), UTF16_MARKER];
/**
 * True when the bytes or text may hold a key. Text with no candidate costs one search per literal
 * (a memchr-speed search over the raw bytes: no decoding, no regex).
 */
function mayContainKey(data) {
    if (typeof data === 'string')
        return PREFILTER_LITERALS.some((l) => data.includes(l));
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return LITERAL_SEARCHES.some((l) => l.indexIn(buf) !== -1);
}


/***/ }),

/***/ 7732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scrubSecrets: () => (/* binding */ scrubSecrets)
/* harmony export */ });
/* harmony import */ var _detect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9165);
/* harmony import */ var _prefilter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3768);


/**
 * Replaces every key in a text by its redacted form. For text keyguard did not write itself
 * (error messages from an API, a server's response) before it is logged or shown, and for paths:
 * a file can be named after a key (`> $OPENAI_API_KEY`, a typo, writes a file of that name).
 */
function scrubSecrets(text) {
    if (!(0,_prefilter_js__WEBPACK_IMPORTED_MODULE_1__/* .mayContainKey */ .FY)(text))
        return text;
    let out = text;
    for (const m of (0,_detect_js__WEBPACK_IMPORTED_MODULE_0__/* .detectKeys */ .c)(text))
        out = out.split(m.secret.reveal()).join(m.secret.redacted);
    return out;
}


/***/ }),

/***/ 2751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iJ: () => (/* binding */ SecretValue)
/* harmony export */ });
/* unused harmony exports fingerprint, redact */
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5995);
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9328);


/**
 * A whole key, held so that it cannot be printed by accident: string conversion, JSON and
 * util.inspect all give the redacted form. Only `reveal()` gives the key, for masking
 * (core.setSecret), liveness checks and hashing.
 */
class SecretValue {
    #value;
    redacted;
    fingerprint;
    constructor(value) {
        this.#value = value;
        this.redacted = redact(value);
        this.fingerprint = fingerprint(value);
    }
    reveal() {
        return this.#value;
    }
    toString() {
        return this.redacted;
    }
    toJSON() {
        return this.redacted;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return `SecretValue(${this.redacted})`;
    }
}
/**
 * A stable hash of the whole key: the same key gives the same fingerprint in every run, repo and
 * tool (`printf %s "$KEY" | sha256sum | cut -c1-32`). 128 bits of SHA-256 keep it short in issue
 * titles; the key itself has 200+ bits of entropy, so the hash gives nothing away.
 */
function fingerprint(key) {
    return (0,_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .f)(key).slice(0, 32);
}
/** `sk-proj-…a1B2`: the kind's prefix and the last four characters, never more. */
function redact(key) {
    const prefix = _kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .REDACTED_PREFIXES */ .e5.find((p) => key.startsWith(p)) ?? key.slice(0, 3);
    return `${prefix}…${key.slice(-4)}`;
}


/***/ }),

/***/ 3741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ exposureLine),
/* harmony export */   k: () => (/* binding */ exposureTable)
/* harmony export */ });
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6590);

const n = (x) => x.toLocaleString('en-US');
const usd = (x) => (x === null ? 'no cost rows' : `$${x.toFixed(2)}`);
const day = (iso) => iso.slice(0, 10);
function change(now, before) {
    if (now === before)
        return '';
    if (before === 0)
        return ' (new)';
    const pct = Math.round(((now - before) / before) * 100);
    return ` (${pct > 0 ? '+' : ''}${pct}%)`;
}
function models(t) {
    if (t.byModel.length === 0)
        return 'none';
    const shown = t.byModel.slice(0, 5).map((m) => `${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .a)(m.model)} ${n(m.requests)}`);
    return `${shown.join(', ')}${t.byModel.length > 5 ? `, ${t.byModel.length - 5} more` : ''}`;
}
/** The Markdown table of a key's use since exposure against the same number of days before. */
function exposureTable(e) {
    return [
        `Exposed since ${day(e.since)}; counted by UTC day from ${day(e.from)} to ${day(e.until)}, against the same number of days before (from ${day(e.before.from)}). Last used: ${e.lastUsedAt ? day(e.lastUsedAt) : 'never'} (the key record's \`last_used_at\`).`,
        '',
        '| | since exposure | same time before |',
        '| --- | --- | --- |',
        `| Requests | ${n(e.requests)}${change(e.requests, e.before.requests)} | ${n(e.before.requests)} |`,
        `| Input tokens | ${n(e.inputTokens)}${change(e.inputTokens, e.before.inputTokens)} | ${n(e.before.inputTokens)} |`,
        `| Output tokens | ${n(e.outputTokens)}${change(e.outputTokens, e.before.outputTokens)} | ${n(e.before.outputTokens)} |`,
        `| Requests by model | ${models(e)} | ${models(e.before)} |`,
        `| Project cost (the whole project: costs are grouped by project, not by key) | ${usd(e.projectCostUsd)} | ${usd(e.before.projectCostUsd)} |`,
    ].join('\n');
}
/** One line for terminals and logs. */
function exposureLine(e) {
    return `since ${day(e.since)}: ${n(e.requests)} requests (before: ${n(e.before.requests)}), ${n(e.inputTokens)} in / ${n(e.outputTokens)} out tokens, project cost ${usd(e.projectCostUsd)} (whole project), last used ${e.lastUsedAt ? day(e.lastUsedAt) : 'never'}`;
}


/***/ }),

/***/ 2319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LQ: () => (/* binding */ resolveAlertRevoked),
/* harmony export */   oh: () => (/* binding */ listOpenAIAlerts)
/* harmony export */ });
/* unused harmony export OPENAI_SECRET_TYPES */
/**
 * GitHub's secret types for OpenAI keys ("Supported secret scanning patterns": provider OpenAI,
 * token `openai_api_key`, which covers every format keyguard knows). keyguard also runs its own
 * detector on each alert's secret, so a type GitHub adds later is classified by keyguard, not trusted.
 */
const OPENAI_SECRET_TYPES = ['openai_api_key'];
/**
 * The repository's open alerts of the OpenAI secret types, every page. Needs the "Secret scanning
 * alerts" repository permission (read), which also lets the answer carry the secret itself.
 */
async function listOpenAIAlerts(octokit, repo) {
    try {
        const alerts = await octokit.paginate(octokit.rest.secretScanning.listAlertsForRepo, { ...repo, state: 'open', secret_type: OPENAI_SECRET_TYPES.join(','), per_page: 100 });
        const out = [];
        let withoutSecret = 0;
        for (const a of alerts) {
            if (a.number === undefined || !a.secret) {
                withoutSecret++;
                continue;
            }
            const l = a.first_location_detected;
            out.push({
                number: a.number,
                url: a.html_url ?? '',
                createdAt: a.created_at ?? new Date(0).toISOString(),
                secret: a.secret,
                location: l?.path && l.commit_sha ? { path: l.path.replace(/^\//, ''), line: l.start_line ?? 0, column: Math.max(1, l.start_column ?? 1), endColumn: (l.end_column ?? 0) + 1, commit: l.commit_sha } : null,
                moreLocations: a.has_more_locations === true,
            });
        }
        return { type: 'ok', alerts: out, withoutSecret };
    }
    catch (e) {
        const status = e.status;
        if (status === 404)
            return { type: 'unavailable', reason: 'secret scanning is disabled on the repository, or the token lacks the secret scanning alerts permission (GitHub answers 404 to both)' };
        throw e;
    }
}
/** Resolves an alert as revoked, saying why; needs the "Secret scanning alerts" permission (write). */
async function resolveAlertRevoked(octokit, repo, alertNumber, comment) {
    await octokit.rest.secretScanning.updateAlert({ ...repo, alert_number: alertNumber, state: 'resolved', resolution: 'revoked', resolution_comment: comment });
}


/***/ }),

/***/ 7711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderJson: () => (/* binding */ renderJson)
/* harmony export */ });
/** The JSON contract of DESIGN.md; fields are picked one by one so no secret can slip in. */
function renderJson(result, response, repository) {
    return `${JSON.stringify({
        ...(repository ? { repository } : {}),
        ...(result.coverage ? { coverage: result.coverage } : {}),
        findings: result.findings.map((f) => ({
            file: f.file,
            ...(f.entry !== undefined ? { entry: f.entry } : {}),
            line: f.line,
            column: f.column,
            commit: f.commit,
            kind: f.kind,
            fingerprint: f.fingerprint,
            redacted: f.redacted,
            status: f.status,
            encoding: f.encoding,
            ...(f.source ? { source: f.source } : {}),
            ...(f.alert ? { alert: f.alert } : {}),
            ...(f.git
                ? {
                    date: f.git.authorDate,
                    occurrences: f.git.occurrences,
                    presentAtHead: f.git.presentAtHead,
                    atHead: f.git.atHead,
                    presentIn: f.git.presentIn ?? [],
                    refsHolding: f.git.refsHolding ?? 0,
                    firstAdded: f.git.firstAdded ?? null,
                    locations: f.git.locations,
                }
                : {}),
            ...(f.response
                ? {
                    liveness: f.response.liveness ?? null,
                    match: f.response.match ?? null,
                    revocation: f.response.revocation ?? null,
                    issue: f.response.issue ?? null,
                    exposure: f.response.exposure ?? null,
                }
                : {}),
        })),
        skipped: result.skipped,
        ...(result.unreadable ? { unreadable: result.unreadable } : {}),
        stats: result.stats,
        ...(response ? { response } : {}),
    }, null, 2)}\n`;
}


/***/ }),

/***/ 324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderSarif: () => (/* binding */ renderSarif),
/* harmony export */   ruleId: () => (/* binding */ ruleId)
/* harmony export */ });
/* harmony import */ var _detect_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1457);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4820);
/* harmony import */ var _text_file_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9633);
/* harmony import */ var _package_json__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8330);




/** Stable rule ids (code scanning keys alerts on them): one per key kind. */
function ruleId(kind) {
    return `openai-${kind.replace('_', '-')}-key`;
}
/**
 * SARIF 2.1.0 as GitHub code scanning accepts it. `pathPrefix` makes paths relative to the
 * repository root when a sub-directory was scanned. No snippet and no key in any message: only the
 * redacted form and the fingerprint.
 */
function renderSarif(result, pathPrefix = '') {
    const rules = _detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .KEY_KINDS */ .A3.map((kind) => ({
        id: ruleId(kind),
        name: `OpenAI${kind.replace(/(^|_)(\w)/g, (_m, _u, c) => c.toUpperCase())}KeyLeak`,
        shortDescription: { text: `OpenAI ${(0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .kindLabel */ .tf)(kind)} committed` },
        fullDescription: { text: `An OpenAI ${(0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .kindLabel */ .tf)(kind)} (${(0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .kindPrefix */ .TK)(kind)}…) is present in the repository. Anyone who can read the repository can use it.` },
        help: {
            text: 'Revoke the key in the OpenAI dashboard, replace it with a new one stored as a secret and read from the environment (OPENAI_API_KEY), and remove it from git history.',
            markdown: 'Revoke the key in the OpenAI dashboard, replace it with a new one stored as a secret and read from the environment (`OPENAI_API_KEY`), and remove it from git history (`git filter-repo`).',
        },
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['security', 'secret', 'openai'], precision: 'very-high', 'security-severity': (0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .kindSpec */ .KS)(kind).severity },
    }));
    // Code scanning shows files as they are at the analysed commit, and rejects a result without a
    // file and line: a key that is not in the scanned tree (removed, only on another branch, in a
    // message) would sit on an innocent line there. Such keys go in the run's properties bag with
    // the commit that holds them, not in the results. GitHub's own secret scanning alerts are in its
    // security tab already: code scanning gets keyguard's findings only.
    const own = result.findings.filter((f) => !f.alert);
    const inTree = (f) => !f.source && (!f.git || f.git.presentAtHead);
    const results = own.filter(inTree).map((f) => ({
        ruleId: ruleId(f.kind),
        ruleIndex: _detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .KEY_KINDS */ .A3.indexOf(f.kind),
        level: 'error',
        message: { text: `OpenAI ${(0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .kindLabel */ .tf)(f.kind)} ${f.redacted}${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__.entryNote)(f)} (fingerprint ${f.fingerprint})${f.encoding !== 'plain' ? `, ${f.encoding}` : ''}${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__.gitNote)(f).replace(/^ +/, '; ')}` },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: pathPrefix + (0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_2__/* .percentEscapedBytes */ .Y0)(f.file), uriBaseId: '%SRCROOT%' },
                    // Inside an archive the line is the entry's: the archive itself is marked at its start.
                    region: f.entry !== undefined ? { startLine: 1 } : { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column), endColumn: Math.max(2, f.endColumn) },
                },
            },
        ],
        // The key's hash, not the line's: the alert follows the key when lines around it move.
        partialFingerprints: { 'keyguardKey/v1': `${f.fingerprint}:${pathPrefix + (0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_2__/* .percentEscapedBytes */ .Y0)(f.file)}` },
        properties: { fingerprint: f.fingerprint, kind: f.kind, ...(f.commit ? { commit: f.commit, firstSeen: f.git?.authorDate, occurrences: f.git?.occurrences, presentAtHead: f.git?.presentAtHead } : {}) },
    }));
    const notInTree = own.filter((f) => !inTree(f)).map((f) => ({
        ruleId: ruleId(f.kind),
        fingerprint: f.fingerprint,
        redacted: f.redacted,
        commit: f.commit,
        file: f.source && f.source !== 'file-name' ? null : pathPrefix + (0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_2__/* .percentEscapedBytes */ .Y0)(f.file),
        ...(f.entry !== undefined ? { entry: f.entry } : {}),
        line: f.line,
        source: f.source ?? 'file',
        firstSeen: f.git?.authorDate ?? null,
        occurrences: f.git?.occurrences ?? 1,
        refsHolding: (f.git?.presentIn ?? []).map((p) => p.ref),
    }));
    return `${JSON.stringify({
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'keyguard', semanticVersion: _package_json__WEBPACK_IMPORTED_MODULE_3__/* .version */ .rE, rules } },
                results,
                columnKind: 'utf16CodeUnits',
                ...(notInTree.length ? { properties: { keysNotInScannedTree: notInTree } } : {}),
            },
        ],
    }, null, 2)}\n`;
}


/***/ }),

/***/ 4820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  entryNote: () => (/* binding */ entryNote),
  gitNote: () => (/* binding */ gitNote),
  refsHolding: () => (/* binding */ refsHolding),
  renderText: () => (/* binding */ renderText),
  responseNote: () => (/* binding */ responseNote),
  shortRef: () => (/* binding */ shortRef),
  worthReporting: () => (/* binding */ worthReporting)
});

// EXTERNAL MODULE: ./src/detect/index.ts + 2 modules
var detect = __webpack_require__(1457);
// EXTERNAL MODULE: ./src/exposure/render.ts
var render = __webpack_require__(3741);
// EXTERNAL MODULE: ./src/respond/leak-issue.ts
var leak_issue = __webpack_require__(8280);
// EXTERNAL MODULE: ./src/scan/finding.ts
var finding = __webpack_require__(1164);
// EXTERNAL MODULE: ./src/text/count.ts
var count = __webpack_require__(896);
// EXTERNAL MODULE: ./src/text/printable.ts
var printable = __webpack_require__(8572);
;// CONCATENATED MODULE: ./src/scan/coverage.ts

/** What a history scan covered, in words: `412 commits from 3 refs (main, v1.0, …)`. */
function describeCoverage(coverage, shown = 10) {
    if (coverage.type === 'empty')
        return 'nothing to scan: the repository has no commits';
    const names = coverage.refs.map((r) => r.replace(/^refs\/(heads|tags|remotes)\//, ''));
    const more = names.length > shown ? `, and ${names.length - shown} more` : '';
    return `${(0,count/* count */.U)(coverage.commits, 'commit')} from ${(0,count/* count */.U)(names.length, 'ref')} (${names.slice(0, shown).join(', ')}${more})`;
}

;// CONCATENATED MODULE: ./src/output/text.ts







/** `  [live; revoked: delete project key …; issue #12]`, after leak response. */
function responseNote(f) {
    const r = f.response;
    if (!r)
        return '';
    const parts = [];
    // Unknown says why (a network failure, a 5xx, a rate limit): the reader decides what to retry.
    if (r.liveness)
        parts.push(r.liveness.status === 'unknown' ? `unknown (${r.liveness.rule}: ${r.liveness.reason})` : (0,leak_issue/* liveStatus */.VQ)(r));
    if (r.match?.type === 'matched')
        parts.push(`${r.match.projectId ? `${r.match.projectId}/` : ''}${r.match.keyId}`);
    if (r.match?.type === 'ambiguous')
        parts.push(`ambiguous: ${r.match.keyIds.length} keys match`);
    const o = r.revocation;
    if (o)
        parts.push(o.type === 'refused' ? `not revoked: ${o.reason}` : o.type === 'unproven' ? `${leak_issue/* UNPROVEN */.EO} (${o.reason})` : o.type === 'failed' ? `revocation failed: ${o.error}` : `${o.type}: ${o.action}`);
    if (r.issue)
        parts.push(r.issue.number ? `issue #${r.issue.number} ${r.issue.action}` : `issue ${r.issue.action}`);
    return parts.length ? `  [${parts.join('; ')}]` : '';
}
/** Skips a reader should hear of: content that was there and not scanned (not symlinks or devices). */
function worthReporting(s) {
    return s.reason === 'too-large' || s.reason === 'line-too-large' || s.reason === 'unreadable' || s.reason === 'archive-entry';
}
/** Ref names as people say them: `main`, `v1.0`, `origin/feature`. */
function shortRef(ref) {
    return /^[0-9a-f]{40,64}$/.test(ref) ? ref.slice(0, 12) : ref.replace(/^refs\/(heads|tags|remotes)\//, '');
}
/** Which refs still hold the key: `main, v1.0 and 3 more`, or undefined when none does. */
function refsHolding(f, shown = 3) {
    const refs = [...new Set((f.git?.presentIn ?? []).map((p) => shortRef(p.ref)))];
    const total = f.git?.refsHolding ?? refs.length;
    if (total === 0)
        return undefined;
    const more = total - Math.min(shown, refs.length);
    return `${refs.slice(0, shown).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
/** ` in config/.env:3 inside this archive`, for a key in an archive's entry (its line is the entry's); '' otherwise. */
function entryNote(f) {
    return f.entry === undefined ? '' : ` in ${(0,printable/* printable */.g)(f.entry)}:${f.line} inside this archive`;
}
/** `  first in abc1234 (2024-05-01), added 3 times, still in main, feature`, for findings from git. */
function gitNote(f) {
    if (!f.git)
        return f.source === 'file-name' ? `  in the ${finding/* SOURCE_LABEL */.Rc[f.source]}` : '';
    const date = f.git.authorDate ? ` (${f.git.authorDate.slice(0, 10)})` : '';
    if (f.source)
        return `  in the ${finding/* SOURCE_LABEL */.Rc[f.source]} ${f.commit ? `of ${f.commit.slice(0, 12)}` : 'staged'}${date}`;
    const first = f.git.firstAdded;
    const moved = first && first.file !== f.file ? ` as ${(0,printable/* printable */.g)(first.file)}:${first.line}` : '';
    const where = f.commit ? `first in ${f.commit.slice(0, 12)}${moved}${date}` : 'staged';
    const times = f.git.occurrences > 1 ? `, added ${f.git.occurrences} times` : '';
    const refs = refsHolding(f);
    const head = !f.commit ? '' : refs ? `, still in ${refs}` : f.git.presentAtHead ? ', still present' : ', removed from every ref';
    return `  ${where}${times}${head}`;
}
/** Skipped files listed in the text report; the JSON report lists every one. */
const SKIPPED_SHOWN = 20;
/** Every place commits added the key (the first ten, then a count), when there is more than one. */
function placesNote(f, shown = 10) {
    const places = f.git?.locations ?? [];
    if ((f.git?.occurrences ?? 0) < 2 || places.length < 2)
        return [];
    const listed = places.slice(0, shown).map((l) => `${(0,printable/* printable */.g)(l.file)}${l.commit ? ` (${l.commit.slice(0, 12)})` : ''}`);
    const more = f.git.occurrences - listed.length;
    return [`    added in: ${listed.join(', ')}${more > 0 ? `, and ${more} more` : ''}`];
}
/** One line a finding, for terminals and logs: `path:line:col  kind  redacted  fingerprint`. */
function renderText(result) {
    const shown = new Set();
    const lines = result.findings.flatMap((f) => {
        const line = `${f.alert ? `GitHub alert #${f.alert.number} ` : ''}${f.file ? (0,printable/* printable */.g)((0,finding/* placePath */.F7)(f)) : '(not in a file)'}:${f.line}:${f.column}  ${(0,detect/* kindLabel */.tf)(f.kind)}${f.encoding !== 'plain' ? ` (${f.encoding})` : ''}  ${f.redacted}  ${f.fingerprint}${gitNote(f)}${responseNote(f)}`;
        // A key's use since exposure, once, under its first finding.
        const e = f.response?.exposure;
        const first = e && !shown.has(f.fingerprint);
        if (first)
            shown.add(f.fingerprint);
        return [line, ...placesNote(f), ...(first ? [`  ${f.redacted} used ${(0,render/* exposureLine */.Q)(e)}`] : [])];
    });
    for (const s of result.skipped.slice(0, SKIPPED_SHOWN))
        lines.push(`skipped ${(0,printable/* printable */.g)(s.path)}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`);
    if (result.skipped.length > SKIPPED_SHOWN)
        lines.push(`skipped ${(0,count/* count */.U)(result.skipped.length - SKIPPED_SHOWN, 'more file')} (--format json lists them all)`);
    const { stats } = result;
    if (result.coverage)
        lines.push(`history: ${describeCoverage(result.coverage)}`);
    const keys = new Set(result.findings.map((f) => f.fingerprint)).size;
    // In history mode, what was read is commits; the files of each diff are no count a reader can check.
    const where = stats.commitsScanned !== undefined
        ? `${(0,count/* count */.U)(stats.commitsScanned, 'commit')} scanned (${(0,count/* count */.U)(new Set(result.findings.flatMap((f) => f.git?.locations.map((l) => l.commit) ?? [])).size, 'commit')} added keys), ${(stats.bytesScanned / 1e6).toFixed(1)} MB of diffs`
        : `${(0,count/* count */.U)(stats.filesScanned, 'file')}, ${(stats.bytesScanned / 1e6).toFixed(1)} MB`;
    lines.push(`${(0,count/* count */.U)(result.findings.length, 'finding')} (${(0,count/* count */.U)(keys, 'distinct key')}) in ${where}; ` +
        `${(0,count/* count */.U)(stats.filesSkipped, 'file')} skipped, ${stats.allowed} allowed, ${stats.baselined} in baseline, ${(stats.durationMs / 1000).toFixed(2)} s`);
    return `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 8105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ ENDPOINT_UNITS),
/* harmony export */   Q: () => (/* binding */ aggregate)
/* harmony export */ });
/**
 * Each usage endpoint's unit, and whether its `num_model_requests` count as requests. Web search
 * and file search calls are made within model requests the other endpoints count already.
 */
const ENDPOINT_UNITS = {
    completions: { unit: 'tokens', requests: true },
    embeddings: { unit: 'tokens', requests: true },
    moderations: { unit: 'tokens', requests: true },
    images: { unit: 'images', requests: true },
    audio_speeches: { unit: 'characters', requests: true },
    audio_transcriptions: { unit: 'seconds', requests: true },
    // Bytes stored, per daily bucket: summed over the days, byte-days (storage is billed per GB-day).
    vector_stores: { unit: 'byte-days', requests: false },
    code_interpreter_sessions: { unit: 'sessions', requests: false },
    file_search_calls: { unit: 'calls', requests: false },
    web_search_calls: { unit: 'calls', requests: false },
};
const USAGE_ORDER = Object.keys(ENDPOINT_UNITS);
const zero = () => ({ costUsd: 0, requests: 0, inputTokens: 0, outputTokens: 0, cachedTokens: 0 });
const round2 = (n) => Math.round(n * 100) / 100;
const TOP_SPENDERS = 3;
/** The key under which rows without a project are summed (no project id is empty). */
const NO_PROJECT = '';
/**
 * Per-project usage and cost for a period and the one before, with flags. Pure: buckets and
 * policy in, report out. Projects with no activity in either period are left out; deleted
 * projects that still show in usage are kept by id.
 */
function aggregate(input, policy) {
    const { period, previous } = input;
    const cur = new Map();
    const prev = new Map();
    const models = new Map();
    const daily = new Map();
    const projectDaily = new Map();
    const slot = (t) => (t >= period.start && t < period.end ? cur : t >= previous.start && t < previous.end ? prev : undefined);
    const get = (m, id) => m.get(id) ?? m.set(id, zero()).get(id);
    const endpoints = new Map();
    let withoutAmount = 0;
    for (const b of input.costs) {
        const target = slot(b.start);
        for (const r of b.results) {
            if (!target)
                continue;
            if (r.usd === null) {
                if (target === cur)
                    withoutAmount++;
                continue;
            }
            const project = r.projectId ?? NO_PROJECT;
            get(target, project).costUsd += r.usd;
            if (target === cur) {
                const day = Math.floor(b.start / 86_400) * 86_400;
                daily.set(day, (daily.get(day) ?? 0) + r.usd);
                const pd = projectDaily.get(project) ?? projectDaily.set(project, new Map()).get(project);
                pd.set(day, (pd.get(day) ?? 0) + r.usd);
            }
        }
    }
    for (const b of input.usage) {
        const target = slot(b.start);
        const { unit, requests: countsRequests } = ENDPOINT_UNITS[b.endpoint];
        for (const r of b.results) {
            if (!target)
                continue;
            const requests = countsRequests ? r.requests : 0;
            const t = get(target, r.projectId ?? NO_PROJECT);
            t.requests += requests;
            t.inputTokens += r.inputTokens;
            t.outputTokens += r.outputTokens;
            t.cachedTokens += r.cachedTokens;
            if (target === cur) {
                const e = endpoints.get(b.endpoint) ?? endpoints.set(b.endpoint, { endpoint: b.endpoint, unit, requests: 0, inputTokens: 0, outputTokens: 0, quantity: 0 }).get(b.endpoint);
                e.requests += requests;
                e.inputTokens += r.inputTokens;
                e.outputTokens += r.outputTokens;
                e.quantity += r.quantity;
            }
            if (target === cur && r.model && r.projectId) {
                const pm = models.get(r.projectId) ?? models.set(r.projectId, new Map()).get(r.projectId);
                const m = pm.get(r.model) ?? pm.set(r.model, { requests: 0, tokens: 0 }).get(r.model);
                m.requests += requests;
                m.tokens += r.inputTokens + r.outputTokens;
            }
        }
    }
    // project → key or user id → requests and tokens ('' stands for usage of no user).
    const byKey = new Map();
    const byUser = new Map();
    const add = (m, project, id, requests, tokens) => {
        const pm = m.get(project) ?? m.set(project, new Map()).get(project);
        const x = pm.get(id) ?? pm.set(id, { requests: 0, tokens: 0 }).get(id);
        x.requests += requests;
        x.tokens += tokens;
    };
    for (const b of input.keyUsage ?? []) {
        if (slot(b.start) !== cur)
            continue;
        const countsRequests = ENDPOINT_UNITS[b.endpoint].requests;
        for (const r of b.results) {
            const requests = countsRequests ? r.requests : 0;
            const tokens = r.inputTokens + r.outputTokens;
            if (!r.projectId || (requests === 0 && tokens === 0))
                continue;
            if (r.apiKeyId)
                add(byKey, r.projectId, r.apiKeyId, requests, tokens);
            add(byUser, r.projectId, r.userId ?? '', requests, tokens);
        }
    }
    const top = (m, label) => [...(m ?? [])]
        .sort(([a, x], [b, y]) => y.tokens - x.tokens || y.requests - x.requests || a.localeCompare(b))
        .slice(0, TOP_SPENDERS)
        .map(([id, n]) => ({ ...label(id), ...n }));
    const keyLabel = (id) => ({ id, name: input.keyLabels?.get(id)?.name ?? null, redacted: input.keyLabels?.get(id)?.redacted ?? null });
    const userLabel = (id) => ({ id: id || null, name: id ? (input.userNames?.get(id) ?? null) : null });
    const days = [];
    for (let d = Math.floor(period.start / 86_400) * 86_400; d < period.end; d += 86_400)
        days.push(d);
    const known = new Map(input.projects.map((p) => [p.id, p]));
    const ids = [...new Set([...cur.keys(), ...prev.keys()])].filter((id) => id !== NO_PROJECT);
    const projects = ids.map((id) => {
        const c = cur.get(id) ?? zero();
        const p = prev.get(id) ?? zero();
        const project = known.get(id);
        const flags = [];
        const budget = policy.budgets[id] ?? (project?.name ? policy.budgets[project.name] : undefined);
        if (budget !== undefined && c.costUsd > budget)
            flags.push({ type: 'over-budget', budgetUsd: budget });
        const rise = (now, before) => (before > 0 ? ((now - before) / before) * 100 : 0);
        if (p.costUsd >= policy.minSpikeBaseUsd && rise(c.costUsd, p.costUsd) > policy.spikePercent)
            flags.push({ type: 'spike', metric: 'cost', percent: Math.round(rise(c.costUsd, p.costUsd)) });
        else if (p.inputTokens + p.outputTokens >= policy.minSpikeBaseTokens && rise(c.inputTokens + c.outputTokens, p.inputTokens + p.outputTokens) > policy.spikePercent) {
            flags.push({ type: 'spike', metric: 'tokens', percent: Math.round(rise(c.inputTokens + c.outputTokens, p.inputTokens + p.outputTokens)) });
        }
        const spent = c.costUsd > 0 || c.requests > 0;
        if (spent && input.members && (input.members.get(id)?.length ?? 0) === 0)
            flags.push({ type: 'no-members' });
        const flaggedSpenders = [...(byKey.get(id)?.keys() ?? [])].filter((k) => input.flaggedKeys?.has(k)).sort();
        if (flaggedSpenders.length)
            flags.push({ type: 'flagged-keys', keyIds: flaggedSpenders });
        const topModels = [...(models.get(id) ?? new Map())].map(([model, m]) => ({ model, ...m })).sort((a, b) => b.tokens - a.tokens).slice(0, 3);
        const topKeys = top(byKey.get(id), keyLabel);
        const topUsers = top(byUser.get(id), userLabel);
        const dailyCostUsd = days.map((d) => round2(projectDaily.get(id)?.get(d) ?? 0));
        return { id, name: project?.name ?? null, archived: project?.archived ?? false, ...c, costUsd: round2(c.costUsd), topModels, topKeys, topUsers, dailyCostUsd, previous: { ...p, costUsd: round2(p.costUsd) }, flags };
    });
    projects.sort((a, b) => b.costUsd - a.costUsd || b.requests - a.requests || a.id.localeCompare(b.id));
    // Totals from the unrounded sums: rounding each project first could miss the bill by cents.
    const sum = (list) => [...list].reduce((t, x) => ({ costUsd: t.costUsd + x.costUsd, requests: t.requests + x.requests, inputTokens: t.inputTokens + x.inputTokens, outputTokens: t.outputTokens + x.outputTokens, cachedTokens: t.cachedTokens + x.cachedTokens }), zero());
    const rounded = (t) => ({ ...t, costUsd: round2(t.costUsd) });
    const withPrevious = (c, p) => ({ ...rounded(c), previous: rounded(p) });
    return {
        period,
        previousPeriod: previous,
        projects,
        unattributed: withPrevious(cur.get(NO_PROJECT) ?? zero(), prev.get(NO_PROJECT) ?? zero()),
        totals: withPrevious(sum(cur.values()), sum(prev.values())),
        usage: USAGE_ORDER.flatMap((e) => endpoints.get(e) ?? []),
        costRowsWithoutAmount: withoutAmount,
        daily: days.map((d) => ({ day: d, costUsd: round2(daily.get(d) ?? 0) })),
        keyLabels: input.keyLabels ?? new Map(),
    };
}


/***/ }),

/***/ 9061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dn: () => (/* binding */ periodId),
/* harmony export */   Pl: () => (/* binding */ describePeriod),
/* harmony export */   jB: () => (/* binding */ previousPeriod),
/* harmony export */   kh: () => (/* binding */ isoDay),
/* harmony export */   nr: () => (/* binding */ lastFullPeriod),
/* harmony export */   pP: () => (/* binding */ customPeriod)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const DAY = 86_400;
const midnight = (t) => Math.floor(t / DAY) * DAY;
/**
 * The last full period before `now`, in UTC: yesterday, last Monday-to-Sunday week, or last
 * calendar month. Pure: the clock comes in.
 */
function lastFullPeriod(kind, now) {
    const today = midnight(now);
    if (kind === 'day')
        return { kind, start: today - DAY, end: today };
    if (kind === 'week') {
        const weekday = (new Date(today * 1000).getUTCDay() + 6) % 7; // Monday = 0
        const thisMonday = today - weekday * DAY;
        return { kind, start: thisMonday - 7 * DAY, end: thisMonday };
    }
    const d = new Date(today * 1000);
    const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1) / 1000;
    return { kind, start, end };
}
/** `--since 2026-11-01 --until 2026-11-08`: whole UTC days, `until` exclusive. */
function customPeriod(since, until) {
    const parse = (s, name) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(s))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name}: expected a date such as 2026-11-01, got "${s}"`);
        const t = Date.parse(`${s}T00:00:00Z`) / 1000;
        if (!Number.isFinite(t))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name}: ${s} is not a date`);
        return t;
    };
    const start = parse(since, '--since');
    const end = parse(until, '--until');
    if (end <= start)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--until (${until}) must be after --since (${since})`);
    return { kind: 'custom', start, end };
}
/** The period of the same length just before. */
function previousPeriod(p) {
    if (p.kind === 'month') {
        const d = new Date(p.start * 1000);
        return { kind: 'month', start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1) / 1000, end: p.start };
    }
    return { kind: p.kind, start: p.start - (p.end - p.start), end: p.start };
}
const isoDay = (t) => new Date(t * 1000).toISOString().slice(0, 10);
/** `week-2026-11-16`: names the period in issue markers (safe characters only). */
function periodId(p) {
    return `${p.kind}-${isoDay(p.start)}${p.kind === 'custom' ? `-${isoDay(p.end)}` : ''}`;
}
function describePeriod(p) {
    const last = isoDay(p.end - DAY);
    return p.end - p.start === DAY ? isoDay(p.start) : `${isoDay(p.start)} to ${last}`;
}


/***/ }),

/***/ 6340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COLUMNS: () => (/* binding */ COLUMNS),
/* harmony export */   change: () => (/* binding */ change),
/* harmony export */   formatCompact: () => (/* binding */ formatCompact),
/* harmony export */   formatInt: () => (/* binding */ formatInt),
/* harmony export */   formatUsd: () => (/* binding */ formatUsd),
/* harmony export */   renderReportJson: () => (/* binding */ renderReportJson),
/* harmony export */   renderReportMarkdown: () => (/* binding */ renderReportMarkdown)
/* harmony export */ });
/* harmony import */ var _text_marker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4777);
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6590);
/* harmony import */ var _aggregate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8105);
/* harmony import */ var _period_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9061);
/* harmony import */ var _text_count_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(896);





const int = new Intl.NumberFormat('en-US');
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const formatUsd = (n) => usd.format(n);
const formatInt = (n) => int.format(Math.round(n));
/** `12.3M`, `950K`, `812`: token counts, where the digits past the third do not matter to a reader. */
const formatCompact = (n) => compact.format(Math.round(n));
/** `+12.5%`, `-3.0%`, `new` (nothing before), `–` (nothing either time). */
function change(now, before) {
    if (before === 0)
        return now === 0 ? '–' : 'new';
    const pct = ((now - before) / before) * 100;
    return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}
/** Limits, so that 1,000 projects with long names stay far below GitHub's 65,536-character body. */
const LIMITS = { chartProjects: 8, dailyLines: 5, attention: 10, rows: 100, spenderProjects: 25, nameChars: 32, labelChars: 22 };
/**
 * Chart colours, set through Mermaid's init directive (Mermaid's defaults include pale ones that
 * vanish on white): GitHub's own blue, orange, green, purple and red. The legend under the daily
 * chart names them in words, since not every Mermaid version draws a legend.
 */
const PALETTE = [
    ['#0969da', 'blue'],
    ['#bc4c00', 'orange'],
    ['#1a7f37', 'green'],
    ['#8250df', 'purple'],
    ['#cf222e', 'red'],
];
const truncate = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const projectLabel = (p) => p.name || p.id;
/** A project as a table cell or list item: its name (shortened, escaped), else its id. */
const projectCell = (p) => `${p.name ? (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .F)(truncate(p.name, LIMITS.nameChars)) : (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .a)(p.id)}${p.archived ? ' (archived)' : ''}`;
const tokens = (t) => t.inputTokens + t.outputTokens;
/** A key by name and the redacted value the API lists (never the key), else by id. */
function keyCell(k) {
    return [k.name ? (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .F)(truncate(k.name, LIMITS.nameChars)) : undefined, k.redacted ? (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .a)(k.redacted) : undefined].filter(Boolean).join(' ') || (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .a)(k.id ?? '?');
}
/** The short form, for the table's Flags column. */
function flagShort(f) {
    switch (f.type) {
        case 'over-budget':
            return 'over budget';
        case 'spike':
            return `spike +${f.percent}%`;
        case 'no-members':
            return 'no members';
        case 'flagged-keys':
            return 'flagged keys';
    }
}
/** The long form, saying why, for the list of what needs attention. */
function flagReason(f, p, report) {
    switch (f.type) {
        case 'over-budget':
            return `over budget: ${formatUsd(p.costUsd)} of ${formatUsd(f.budgetUsd)}`;
        case 'spike':
            return f.metric === 'cost'
                ? `cost spike +${f.percent}% (${formatUsd(p.costUsd)}, was ${formatUsd(p.previous.costUsd)})`
                : `token spike +${f.percent}% (${formatCompact(tokens(p))}, was ${formatCompact(tokens(p.previous))})`;
        case 'no-members':
            return 'spend with no members';
        case 'flagged-keys': {
            const shown = f.keyIds.slice(0, 3).map((id) => keyCell({ id, ...report.keyLabels.get(id) }));
            return `spend from keys the audit flags: ${shown.join(', ')}${f.keyIds.length > 3 ? ` and ${f.keyIds.length - 3} more` : ''}`;
        }
    }
}
/** Mermaid strings are quoted: no quotes, brackets or newlines may get through, and labels stay short. */
function mermaidLabel(s) {
    const clean = s.replace(/["`[\]{}<>\\;#%:]/g, ' ').replace(/\s+/g, ' ').trim();
    return truncate(clean, LIMITS.labelChars) || '?';
}
/** Chart labels of projects, made unique: Mermaid draws two equal categories as one. */
function chartLabels(projects) {
    const seen = new Map();
    return projects.map((p) => {
        const label = mermaidLabel(projectLabel(p));
        const n = (seen.get(label) ?? 0) + 1;
        seen.set(label, n);
        return n === 1 ? label : `${label} (${n})`;
    });
}
const init = (colours, extra = '') => `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${colours.join(', ')}"}}${extra}}}%%`;
/** A y-axis top a little above the largest value, rounded to a number a reader can take in. */
const axisTop = (max) => {
    if (max <= 0)
        return 1;
    const step = 10 ** Math.floor(Math.log10(max * 1.1));
    return Math.ceil((max * 1.1) / step) * step;
};
/**
 * The top projects by cost as horizontal bars (names read across, never overlap), the rest named
 * in a sentence rather than drawn as one bar that would dwarf them; then the daily cost of the top
 * projects, one line each, so a rise shows where it happens.
 */
function charts(report) {
    const spenders = report.projects.filter((p) => p.costUsd > 0);
    if (spenders.length === 0)
        return [];
    const top = spenders.slice(0, LIMITS.chartProjects);
    const rest = spenders.slice(LIMITS.chartProjects);
    const restUsd = rest.reduce((n, p) => n + p.costUsd, 0);
    const out = [
        '```mermaid',
        init([PALETTE[0][0]], ', "xyChart": {"showDataLabel": true}'),
        'xychart-beta horizontal',
        `  title "Top ${(0,_text_count_js__WEBPACK_IMPORTED_MODULE_3__/* .count */ .U)(top.length, 'project')} by cost (USD)"`,
        `  x-axis [${chartLabels(top).map((l) => `"${l}"`).join(', ')}]`,
        `  y-axis "USD" 0 --> ${axisTop(top[0].costUsd)}`,
        `  bar [${top.map((p) => p.costUsd.toFixed(2)).join(', ')}]`,
        '```',
        '',
    ];
    if (rest.length > 0)
        out.push(`The other ${(0,_text_count_js__WEBPACK_IMPORTED_MODULE_3__/* .count */ .U)(rest.length, 'project')} spent ${formatUsd(restUsd)} together (${Math.round((restUsd / report.totals.costUsd) * 100)}% of the total).`, '');
    if (report.daily.length > 1) {
        // Spiking projects first, wherever they rank by cost: the chart is there to show change.
        const spiking = report.projects.filter((p) => p.flags.some((f) => f.type === 'spike'));
        const lines = [...new Set([...spiking, ...top])].slice(0, LIMITS.dailyLines);
        const max = Math.max(...lines.flatMap((p) => p.dailyCostUsd));
        // A week reads best as `MM-DD` labels; past that they collide, so the axis counts days instead.
        const xAxis = report.daily.length > 8
            ? `  x-axis "Day of the period (day 1 is ${(0,_period_js__WEBPACK_IMPORTED_MODULE_4__/* .isoDay */ .kh)(report.daily[0].day)})" 1 --> ${report.daily.length}`
            : `  x-axis [${report.daily.map((d) => `"${(0,_period_js__WEBPACK_IMPORTED_MODULE_4__/* .isoDay */ .kh)(d.day).slice(5)}"`).join(', ')}]`;
        out.push('```mermaid', init(lines.map((_, i) => PALETTE[i][0])), 'xychart-beta', '  title "Daily cost per project (USD)"', xAxis, `  y-axis "USD" 0 --> ${axisTop(max)}`, ...chartLabels(lines).map((label, i) => `  line "${label}" [${lines[i].dailyCostUsd.map((c) => c.toFixed(2)).join(', ')}]`), '```', '', `Lines: ${lines.map((p, i) => `${PALETTE[i][1]} ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .F)(truncate(projectLabel(p), LIMITS.nameChars))}`).join(' · ')}. The whole organization: ${dailyRange(report.daily)}.`, '');
    }
    return out;
}
/** `$141.48 to $148.77 a day, most on 2026-11-19`: the whole organization's days in a phrase. */
function dailyRange(daily) {
    const costs = daily.map((d) => d.costUsd);
    const top = daily.reduce((a, b) => (b.costUsd > a.costUsd ? b : a));
    return `${formatUsd(Math.min(...costs))} to ${formatUsd(Math.max(...costs))} a day, most on ${(0,_period_js__WEBPACK_IMPORTED_MODULE_4__/* .isoDay */ .kh)(top.day)}`;
}
/** What needs attention, first: each flagged project by name with its reasons. */
function attention(report) {
    const flagged = report.projects.filter((p) => p.flags.length > 0);
    if (flagged.length === 0)
        return [':white_check_mark: **Nothing needs attention**: no project is over budget, spiking, spending with no members or from keys the audit flags.', ''];
    const shown = flagged.slice(0, LIMITS.attention);
    return [
        `### :warning: ${flagged.length} project${flagged.length === 1 ? ' needs' : 's need'} attention`,
        '',
        ...shown.map((p) => `- **${projectCell(p)}**: ${p.flags.map((f) => flagReason(f, p, report)).join('; ')}`),
        ...(flagged.length > shown.length ? [`- and ${flagged.length - shown.length} more: see the Flags column below.`] : []),
        '',
    ];
}
function details(summary, body) {
    return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}
const hasActivity = (t) => [t, t.previous].some((x) => x.costUsd !== 0 || x.requests > 0 || x.inputTokens > 0 || x.outputTokens > 0);
const ENDPOINT_NAMES = {
    completions: 'Completions',
    embeddings: 'Embeddings',
    moderations: 'Moderations',
    images: 'Images',
    audio_speeches: 'Audio speeches',
    audio_transcriptions: 'Audio transcriptions',
    vector_stores: 'Vector stores',
    code_interpreter_sessions: 'Code interpreter',
    file_search_calls: 'File search',
    web_search_calls: 'Web search',
};
/** An endpoint's own unit: `1,024 images`, `3.50 GiB-days` (storage is billed by the GB-day). */
function quantity(u) {
    if (u.unit === 'tokens')
        return '';
    if (u.unit === 'byte-days')
        return `${(u.quantity / 2 ** 30).toFixed(2)} GiB-days`;
    return `${formatInt(u.quantity)} ${u.unit}`;
}
/** Usage per endpoint, each in its own unit where tokens do not apply. */
function usageTable(report) {
    if (report.usage.length === 0)
        return [];
    return details('Usage by endpoint, each in its own unit', [
        '| Usage by endpoint | Requests | Input tokens | Output tokens | Other units |',
        '| --- | ---: | ---: | ---: | ---: |',
        ...report.usage.map((u) => `| ${ENDPOINT_NAMES[u.endpoint]} | ${_aggregate_js__WEBPACK_IMPORTED_MODULE_2__/* .ENDPOINT_UNITS */ .G[u.endpoint].requests ? formatInt(u.requests) : ''} | ${u.unit === 'tokens' ? formatInt(u.inputTokens) : ''} | ${u.endpoint === 'completions' ? formatInt(u.outputTokens) : ''} | ${quantity(u)} |`),
    ]);
}
/** Ids, the kinds of tokens and the top models: for whoever digs in, folded. */
function idsAndModels(rows) {
    return details('Project ids, tokens by kind and top models', [
        '| Project | Id | Input | Output | Cached | Top models |',
        '| --- | --- | ---: | ---: | ---: | --- |',
        ...rows.map((p) => `| ${projectCell(p)} | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .a)(p.id)} | ${formatCompact(p.inputTokens)} | ${formatCompact(p.outputTokens)} | ${formatCompact(p.cachedTokens)} | ${p.topModels.map((m) => (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .a)(m.model)).join('<br>')} |`),
    ]);
}
/** Each project's top API keys and users by tokens and requests, folded. */
function spenders(report) {
    const metered = report.projects.filter((p) => p.topKeys.length > 0 || p.topUsers.length > 0);
    const shown = metered.slice(0, LIMITS.spenderProjects);
    if (shown.length === 0)
        return [];
    const table = (head, pick, cell) => [
        `| Project | ${head} | Requests | Tokens |`,
        '| --- | --- | ---: | ---: |',
        ...shown.flatMap((p) => pick(p).map((s, i) => `| ${i === 0 ? projectCell(p) : ''} | ${cell(s)} | ${formatInt(s.requests)} | ${formatCompact(s.tokens)} |`)),
    ];
    return details(`Top API keys and users of each project${metered.length > shown.length ? ` (the first ${shown.length} by cost)` : ''}`, [
        ...table('API key', (p) => p.topKeys, keyCell),
        '',
        ...table('User', (p) => p.topUsers, (u) => (u.id ? (u.name ? (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .F)(truncate(u.name, LIMITS.nameChars)) : (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .a)(u.id)) : 'no user (service account keys)')),
        '',
        'Keys show their name and the redacted value the API lists, never the key.',
    ]);
}
/**
 * The columns of the project table, left to right: a new column is one entry here, and README's
 * table of them follows (`npm run docs`). A cell of `undefined` is left blank (`| |`), as the lines
 * that are not a project's leave their flags. A cell sees only its own line: a column that needs
 * the report's total (a share of it) wants the total added to TableLine first.
 */
const COLUMNS = [
    { header: 'Project', doc: `the project's name (cut to ${LIMITS.nameChars} characters, \`(archived)\` when it is), else its id`, cell: ({ project, total }) => (project ? projectCell(project) : total ? '**Total**' : '*Not attributed to a project*') },
    { header: 'Cost', doc: 'cost of the period, USD', right: true, cell: ({ totals, total }) => (total ? `**${formatUsd(totals.costUsd)}**` : formatUsd(totals.costUsd)) },
    { header: 'Change', doc: 'cost against the previous period (`new` when it cost nothing then)', right: true, cell: ({ totals }) => change(totals.costUsd, totals.previous.costUsd) },
    { header: 'Requests', doc: 'model requests', right: true, cell: ({ totals }) => formatInt(totals.requests) },
    { header: 'Tokens', doc: 'input and output tokens (`1.8M`)', right: true, cell: ({ totals }) => formatCompact(tokens(totals)) },
    { header: 'Flags', doc: 'the flags, short (`spike +56%`)', cell: ({ project }) => project?.flags.map(flagShort).join(', ') },
];
const tableRow = (cells) => `|${cells.map((c) => (c === undefined ? ' |' : ` ${c} |`)).join('')}`;
/**
 * The report for people, in the order they read it: the total and its change, what needs
 * attention, the charts, the project table (COLUMNS; `npm run screenshots` fails when it is wider
 * than an issue, about 900 px) with what no project carries above the total, then folded details:
 * usage by endpoint, ids, token kinds, models, top keys and users.
 */
function renderReportMarkdown(report, options = {}) {
    const { totals } = report;
    const out = [];
    // In an issue the title already says it: the body starts with the numbers.
    if (options.marker)
        out.push((0,_text_marker_js__WEBPACK_IMPORTED_MODULE_0__/* .markerLine */ .B_)('report', (0,_period_js__WEBPACK_IMPORTED_MODULE_4__/* .periodId */ .Dn)(report.period)));
    else
        out.push(`## OpenAI usage and cost: ${(0,_period_js__WEBPACK_IMPORTED_MODULE_4__/* .describePeriod */ .Pl)(report.period)}`, '');
    if (report.projects.length === 0 && !hasActivity(report.unattributed)) {
        out.push(`No usage and no cost in this period or the one before (${(0,_period_js__WEBPACK_IMPORTED_MODULE_4__/* .describePeriod */ .Pl)(report.previousPeriod)}).`, '');
        return `${out.join('\n')}\n`;
    }
    const active = report.projects.filter((p) => p.costUsd > 0 || p.requests > 0).length;
    out.push(...(report.costRowsWithoutAmount ? [`:warning: ${(0,_text_count_js__WEBPACK_IMPORTED_MODULE_3__/* .count */ .U)(report.costRowsWithoutAmount, 'cost row')} of the period came without an amount and ${report.costRowsWithoutAmount === 1 ? 'is' : 'are'} not in these totals.`, ''] : []), `**${formatUsd(totals.costUsd)}**, ${change(totals.costUsd, totals.previous.costUsd)} against ${(0,_period_js__WEBPACK_IMPORTED_MODULE_4__/* .describePeriod */ .Pl)(report.previousPeriod)} (${formatUsd(totals.previous.costUsd)}) · ${(0,_text_count_js__WEBPACK_IMPORTED_MODULE_3__/* .count */ .U)(active, 'active project')} · ${formatInt(totals.requests)} requests · ${formatCompact(tokens(totals))} tokens`, '', ...attention(report), ...charts(report), tableRow(COLUMNS.map((c) => c.header)), tableRow(COLUMNS.map((c) => (c.right ? '---:' : '---'))));
    const rows = report.projects.slice(0, options.maxRows ?? LIMITS.rows);
    for (const p of rows)
        out.push(tableRow(COLUMNS.map((c) => c.cell({ totals: p, project: p }))));
    if (report.projects.length > rows.length)
        out.push(tableRow([`… ${report.projects.length - rows.length} more projects (see the JSON report)`, ...COLUMNS.slice(1).map(() => undefined)]));
    const u = report.unattributed;
    if (hasActivity(u))
        out.push(tableRow(COLUMNS.map((c) => c.cell({ totals: u }))));
    out.push(tableRow(COLUMNS.map((c) => c.cell({ totals, total: true }))), '');
    out.push(...usageTable(report), ...idsAndModels(rows), ...spenders(report));
    return `${out.join('\n')}\n`;
}
/** DESIGN.md's report JSON. */
function renderReportJson(report) {
    return `${JSON.stringify({
        period: { start: new Date(report.period.start * 1000).toISOString(), end: new Date(report.period.end * 1000).toISOString(), kind: report.period.kind },
        previousPeriod: { start: new Date(report.previousPeriod.start * 1000).toISOString(), end: new Date(report.previousPeriod.end * 1000).toISOString() },
        projects: report.projects,
        unattributed: report.unattributed,
        totals: report.totals,
        usage: report.usage,
        costRowsWithoutAmount: report.costRowsWithoutAmount,
        daily: report.daily.map((d) => ({ day: (0,_period_js__WEBPACK_IMPORTED_MODULE_4__/* .isoDay */ .kh)(d.day), costUsd: d.costUsd })),
    }, null, 2)}\n`;
}


/***/ }),

/***/ 8280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EO: () => (/* binding */ UNPROVEN),
/* harmony export */   Qj: () => (/* binding */ withFacts),
/* harmony export */   VQ: () => (/* binding */ liveStatus),
/* harmony export */   Vn: () => (/* binding */ watchText),
/* harmony export */   XX: () => (/* binding */ renderLeakIssue),
/* harmony export */   iG: () => (/* binding */ withSection),
/* harmony export */   xS: () => (/* binding */ factsOf)
/* harmony export */ });
/* unused harmony exports section, sectionOf, describeLiveness, describeMatch, describeRevocation, decision, factsLine, mergeFacts */
/* harmony import */ var _detect_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1457);
/* harmony import */ var _text_body_limit_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2305);
/* harmony import */ var _text_file_name_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9633);
/* harmony import */ var _text_marker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4777);
/* harmony import */ var _exposure_render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3741);
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6590);
/* harmony import */ var _scan_finding_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1164);







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
        .map((s) => (0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeFileNameComponent */ .rZ)(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
    return `${ctx.serverUrl}/${repository}/blob/${commit}/${path}${line > 0 ? `#L${line}` : ''}`;
}
function placesOf(group, ctx) {
    const out = new Map();
    const add = (id, line) => out.set(id, { id, line });
    for (const f of group.findings) {
        const repository = f.repository ?? ctx.repository;
        const here = !f.repository || f.repository === ctx.repository;
        // The id of a finding's own place is what every earlier issue remembered: kept, so an issue
        // written before places were listed from history gets no comment about old news.
        const id = (0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .fg)(`${f.repository ?? ''}\0${f.commit ?? ''}\0${f.file}\0${f.line}${f.alert ? `\0alert ${f.alert.number}` : ''}`).slice(0, 12);
        if (f.alert) {
            add(id, `- ${alertLink(f.alert)}${f.file ? `: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(`${f.file}:${f.line}`)}${f.commit ? ` in commit ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(f.commit.slice(0, 12))}` : ''}` : ' (not in a file: an issue, pull request, discussion or wiki)'}`);
            continue;
        }
        // Inside an archive the line is the entry's: the link opens the archive. A message or a ref's
        // name is no file of the commit: the link opens the commit.
        const at = (commit, file, line, entry, source) => {
            const shown = `${f.repository ? `${f.repository}: ` : ''}${(0,_scan_finding_js__WEBPACK_IMPORTED_MODULE_5__/* .placePath */ .F7)({ file, entry })}${line > 0 ? `:${line}` : ''}`;
            if (!commit || !repository)
                return (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(shown);
            const link = source && source !== 'file-name' ? `${ctx.serverUrl}/${repository}/commit/${commit}` : permalink(ctx, repository, commit, file, entry === undefined ? line : 0);
            return `[${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(shown)}](${link})`;
        };
        if (!f.commit || !f.git) {
            add(id, `- ${at(f.commit ?? (here ? ctx.sha : undefined), f.file, f.line, f.entry)}${f.commit ? ` in commit ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(f.commit.slice(0, 12))}` : ' in the working tree'}`);
            continue;
        }
        // A key still in the scanned tree is placed there, which may be another file than the one its
        // first commit added it to: that commit has no such file, so the tree's commit is linked.
        const first = f.git.firstAdded ? { ...f.git.firstAdded, commit: f.commit } : { commit: f.commit, file: f.file, entry: f.entry, line: f.line };
        const date = f.git.authorDate ? ` (${f.git.authorDate.slice(0, 10)})` : '';
        const inTree = f.git.atHead !== null && (first.file !== f.file || first.entry !== f.entry || first.line !== f.line);
        if (inTree)
            add(id, `- ${at(here ? ctx.sha : undefined, f.file, f.line, f.entry)} in the scanned tree`);
        const firstId = inTree ? (0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .fg)(`${f.repository ?? ''}\0${first.commit}\0${first.file}\0${first.line}`).slice(0, 12) : id;
        const more = f.git.occurrences - Math.max(f.git.locations.length, 1);
        const firstSource = f.git.locations.find((l) => l.commit === first.commit && l.file === first.file)?.source ?? f.source;
        add(firstId, `- ${at(first.commit, first.file, first.line, first.entry, firstSource)} in commit ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(first.commit.slice(0, 12))}${f.git.occurrences > 1 ? `, where it was first added${date}` : date}${more > 0 ? `; added ${f.git.occurrences} times in all` : ''}`);
        for (const l of f.git.locations) {
            if (!l.commit || (l.commit === first.commit && l.file === first.file))
                continue;
            add((0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .fg)(`${f.repository ?? ''}\0${l.commit}\0${l.file}\0`).slice(0, 12), `- ${at(l.commit, l.file, 0, undefined, l.source)} in commit ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(l.commit.slice(0, 12))}`);
        }
    }
    return [...out.values()];
}
/** A link to the alert when GitHub gave a plain https URL; its number alone otherwise. */
function alertLink(a) {
    const text = `GitHub secret scanning alert #${a.number}`;
    return /^https:\/\/[^\s()<>\[\]]+$/.test(a.url) ? `[${text}](${a.url})` : text;
}
/** `live → revoked` when keyguard revoked a key it found live: it was live, and that is what counts. */
function liveStatus(r) {
    if (!r?.liveness)
        return 'not checked';
    return r.liveness.status === 'live' && r.revocation?.type === 'revoked' ? 'live → revoked' : r.liveness.status;
}
function describeLiveness(r) {
    if (!r.liveness)
        return 'not checked';
    const l = r.liveness;
    return `**${liveStatus(r)}** (${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .F)(l.rule)}${l.reason ? `: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .F)(l.reason)}` : ''})`;
}
function describeMatch(r) {
    const m = r.match;
    if (!m)
        return 'not looked up (no admin key)';
    if (m.type === 'not-found')
        return 'no key of the organization matches';
    if (m.type === 'ambiguous')
        return `ambiguous: ${m.keyIds.map((k) => (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(k)).join(', ')} all match`;
    const project = m.projectId ? `${m.projectName ? `${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .F)(m.projectName)} ` : ''}(${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(m.projectId)}), ` : '';
    return `${project}${m.recordType === 'admin_key' ? 'admin key' : 'key'} ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(m.keyId)}, owner ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .F)(m.owner)}${m.proven ? ` (proven: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .F)(m.proven)})` : ' (by its visible characters)'}`;
}
/** What an issue says of a key that showed a record's visible characters but was not proven to be it. */
const UNPROVEN = 'matched by its visible characters only; not revoked';
function describeRevocation(r) {
    const o = r.revocation;
    if (!o)
        return 'nothing: revocation is off (`revoke: off`)';
    switch (o.type) {
        case 'revoked':
            return `**revoked** (${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .F)(o.action)})`;
        case 'already-gone':
            return `nothing to do: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .F)(o.action)}`;
        case 'would-revoke':
            return `dry run: would ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .F)(o.action)}`;
        case 'refused':
            return `not revoked: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .F)(o.reason)}`;
        case 'unproven':
            // Reason and confirmation are keyguard's own text (ids, header names), not user input.
            return `${UNPROVEN} (${o.reason}). To confirm it as an admin: ${o.confirm}`;
        case 'failed':
            return `revocation **failed**: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .F)(o.error)}`;
    }
}
/** The one line a reader needs first: is the key still a danger, and what to do now. */
function decision(r, still) {
    const history = still ? 'remove it from the repository and its history' : 'remove it from git history';
    if (r.revocation?.type === 'revoked')
        return `**keyguard revoked this key.** Replace it where it was used and ${history}.`;
    if (r.liveness?.status === 'revoked')
        return `**This key no longer works.** Nothing is at risk from it now; ${history}.`;
    if (r.liveness?.status === 'live')
        return `**This key is live: anyone who read the repository can use it.** Revoke it now, replace it, and ${history}.`;
    return `**Whether this key works is not known: treat it as live.** Revoke it, replace it, and ${history}.`;
}
const TODO = [
    '- [ ] Create a replacement key and update every place that used this one (GitHub secrets, deployment environments).',
    '- [ ] Revoke this key in the OpenAI dashboard, unless keyguard revoked it above.',
    '- [ ] Remove it from git history (`git filter-repo --replace-text`), force-push, and ask collaborators to re-clone.',
    '- [ ] Review the usage of its project from when it was first committed until it was revoked.',
].join('\n');
function watchText(w) {
    const state = w.recordExists ? 'the key record still exists' : 'the key record is gone (revoked or deleted)';
    const active = w.lastActiveAt ? `last used ${w.lastActiveAt.slice(0, 10)}` : 'no use seen';
    return `**Leak watch** (last checked ${w.checkedAt.slice(0, 10)}): ${state}; ${active}; ${w.requests.toLocaleString('en-US')} requests since ${w.from.slice(0, 10)}.${w.closable ? ` Revoked and quiet for at least ${w.quietDays} days: this issue can be closed.` : ''}`;
}
/** The hidden line that holds an issue's facts. */
const factsLine = (f) => `<!-- keyguard:v1 facts ${Buffer.from(JSON.stringify(f)).toString('base64url')} -->`;
/** `body` with section `name` replaced by `text`, or added at the end of the state section. */
function withSection(body, name, text) {
    const old = sectionOf(body, name);
    if (old !== undefined)
        return body.replace(section(name, old), () => section(name, text));
    const end = '\n<!-- /keyguard:v1 state -->';
    return body.includes(end) ? body.replace(end, () => `\n\n${section(name, text)}${end}`) : `${body}\n${section(name, text)}`;
}
function withFacts(body, facts) {
    return /^<!-- keyguard:v1 facts [A-Za-z0-9_-]+ -->$/m.test(body) ? body.replace(/^<!-- keyguard:v1 facts [A-Za-z0-9_-]+ -->$/m, () => factsLine(facts)) : `${body}\n${factsLine(facts)}`;
}
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
    // Usage is read only for a key matched now: after revocation the record is gone, the figures stay.
    const keepExposure = previous.exposure && !now.exposure;
    // A key keyguard revoked was live when found: the issue keeps saying "live → revoked".
    const revokedByUs = previous.liveness?.status === 'live' && previous.revocation?.type === 'revoked' && now.liveness?.status === 'revoked';
    const sameStatus = (previous.liveness && now.liveness && previous.liveness.status === now.liveness.status) || revokedByUs;
    return {
        ...now,
        ...(sameStatus ? { liveness: previous.liveness } : {}),
        ...(keepMatch ? { match: previous.match } : {}),
        ...(keepRevocation ? { revocation: previous.revocation } : {}),
        ...(keepExposure ? { exposure: previous.exposure } : {}),
        ...(previous.watch ? { watch: previous.watch } : {}),
    };
}
/**
 * The issue for one leaked key. On a later run `previous` is the issue's body: its list of places,
 * checklist (ticks and all), seen-places and facts are kept; new places are appended and returned
 * so the caller can comment on them.
 */
function renderLeakIssue(group, ctx, mention, previous) {
    // An alert gives a commit without its date: dated commits sort first.
    const first = [...group.findings].filter((f) => f.commit).sort((a, b) => (a.git?.authorDate ?? '9').localeCompare(b.git?.authorDate ?? '9'))[0];
    // Removed only when no ref's tip holds it: a key on another branch or in a tag is still there.
    // GitHub's alerts say where a key was, not whether a ref holds it now: only keyguard's scan does.
    const scanned = group.findings.filter((f) => !f.alert);
    const refs = [...new Set(scanned.flatMap((f) => (f.git?.presentIn ?? []).map((p) => p.ref.replace(/^refs\/(heads|tags|remotes)\//, ''))))];
    // Places that are no file: a ref named after the key is there until deleted; a message stays in history.
    const sources = new Set(scanned.flatMap((f) => [f.source, ...(f.git?.locations ?? []).map((l) => l.source)]));
    const named = sources.has('ref-name');
    const still = scanned.length === 0 || refs.length > 0 || named || scanned.some((f) => (f.git ? f.git.presentAtHead || (f.git.refsHolding ?? 0) > 0 : true));
    const heldBy = [...(refs.length ? [`${refs.slice(0, 5).map(_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a).join(', ')}${refs.length > 5 ? ` and ${refs.length - 5} more refs` : ''}`] : []), ...(named ? ['a branch or tag is named after it'] : [])];
    const gone = sources.has('commit-message') || sources.has('tag-message') ? 'no file holds it: it is in a commit or tag message, which stays in git history' : 'no: no branch or tag holds it (it stays in git history)';
    const r = mergeFacts(factsOf(previous), group.response);
    const state = [
        `## :rotating_light: Leaked OpenAI ${(0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .kindLabel */ .tf)(group.kind)} ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(group.redacted)}`,
        '',
        decision(r, still),
        '',
        ...(mention ? [`cc ${mention}`, ''] : []),
        '| | |',
        '| --- | --- |',
        `| Key | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(group.redacted)} (${(0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .kindLabel */ .tf)(group.kind)}; the whole key is never shown) |`,
        `| Fingerprint | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(group.fingerprint)} |`,
        `| Live | ${describeLiveness(r)} |`,
        `| OpenAI record | ${describeMatch(r)} |`,
        ...(first?.commit ? [`| First committed | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .a)(first.commit.slice(0, 12))}${first.git?.authorDate ? ` on ${first.git.authorDate.slice(0, 10)}` : ''} |`] : []),
        `| Still in the repository | ${scanned.length === 0 ? 'unknown: only GitHub secret scanning reported it' : still ? `yes${heldBy.length ? ` (${heldBy.join('; ')})` : ''}` : gone} |`,
        `| keyguard did | ${describeRevocation(r)} |`,
        ...(r.exposure ? ['', section('exposure', `### Use since exposure\n\n${(0,_exposure_render_js__WEBPACK_IMPORTED_MODULE_3__/* .exposureTable */ .k)(r.exposure)}`)] : []),
        ...(r.watch ? ['', section('watch', watchText(r.watch))] : []),
    ].join('\n');
    const places = placesOf(group, ctx);
    const seenBefore = new Set((previous ? /<!-- keyguard:v1 seen ([0-9a-f,]*) -->/.exec(previous)?.[1] ?? '' : '').split(',').filter(Boolean));
    // Once the seen list is full, places beyond it are not news: no comment every run about them.
    const fresh = seenBefore.size >= MAX_SEEN ? [] : places.filter((p) => !seenBefore.has(p.id));
    const oldWhere = (previous ? sectionOf(previous, 'where') : undefined)?.split('\n').filter((l) => l.startsWith('- ')) ?? [];
    const seen = [...new Set([...seenBefore, ...places.map((p) => p.id)])].slice(0, MAX_SEEN);
    const listed = [...oldWhere, ...fresh.map((p) => p.line)];
    // Bounded in characters too (paths may be long): a body cut to GitHub's limit would lose the
    // sections the next run reads back, and with them the places and the ticked checklist.
    let shown = 0;
    for (let chars = 0; shown < Math.min(listed.length, MAX_PLACES) && (chars += listed[shown].length + 1) <= MAX_WHERE_CHARS;)
        shown++;
    const omitted = Math.max(listed.length, seen.length, places.length) - shown;
    const where = [...listed.slice(0, shown), ...(omitted > 0 ? ['', (0,_text_body_limit_js__WEBPACK_IMPORTED_MODULE_6__/* .moreInReport */ .h6)(omitted, 'place')] : [])].join('\n');
    const body = [
        // The marker holds the fingerprint, a hash: anyone who can read the repository reads the
        // issue, and the hash still finds the same key again across runs and repositories.
        (0,_text_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .markerLine */ .B_)('leak', group.fingerprint),
        section('state', state),
        '',
        '### Where it was found',
        section('where', where),
        '',
        '### What to do',
        section('todo', (previous ? sectionOf(previous, 'todo') : undefined) ?? TODO),
        '',
        `<!-- keyguard:v1 seen ${seen.join(',')} -->`,
        factsLine({ liveness: r.liveness, match: r.match, revocation: r.revocation, exposure: r.exposure, watch: r.watch }),
    ].join('\n');
    return {
        title: `Leaked OpenAI ${(0,_detect_index_js__WEBPACK_IMPORTED_MODULE_0__/* .kindLabel */ .tf)(group.kind)} ${group.redacted} (${group.fingerprint.slice(0, 8)})`,
        body,
        newPlaces: previous ? fresh.map((p) => p.line) : [],
    };
}
/** The places an issue lists; the JSON report has them all (an issue body holds 65,536 characters). */
const MAX_PLACES = 100;
/** Characters of the places listed: with the seen line (up to 19,500) and the rest, the body stays within 65,536. */
const MAX_WHERE_CHARS = 30_000;
/** Place ids an issue remembers (13 characters each). */
const MAX_SEEN = 1500;


/***/ }),

/***/ 2595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ collect)
/* harmony export */ });
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(298);
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ignore__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _detect_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1457);
/* harmony import */ var _finding_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1164);
/* harmony import */ var _triage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1713);




/**
 * The one way from a key a source found to a finding: masks the key, drops what allow.paths,
 * allow.fingerprints, a `keyguard:allow` comment or the baseline excludes (and counts it), and
 * builds the finding, which holds the key only inside its SecretValue.
 */
class Collector {
    #triage;
    #logger;
    constructor(filter, logger) {
        this.#triage = (0,_triage_js__WEBPACK_IMPORTED_MODULE_3__/* .triageFrom */ .b)(filter.config, filter.baseline);
        this.#logger = logger;
    }
    pathAllowed(file) {
        return this.#triage.pathAllowed(file);
    }
    get counts() {
        return this.#triage.counts;
    }
    take(key, place) {
        // Mask first: nothing about this key may be logged before the runner knows to hide it.
        this.#logger.mask(typeof key.secret === 'string' ? key.secret : key.secret.reveal());
        const secret = typeof key.secret === 'string' ? new _detect_index_js__WEBPACK_IMPORTED_MODULE_1__/* .SecretValue */ .iJ(key.secret) : key.secret;
        const inAllowedPath = (!place.source || place.source === 'file-name') && place.file !== '' && ignore__WEBPACK_IMPORTED_MODULE_0___default().isPathValid(place.file) && this.#triage.pathAllowed(place.file);
        if (!this.#triage.admit(secret.fingerprint, key.allowedInline || inAllowedPath))
            return undefined;
        return {
            file: place.file,
            line: place.line,
            column: place.column,
            endColumn: place.endColumn,
            commit: place.commit,
            kind: key.kind,
            fingerprint: secret.fingerprint,
            redacted: secret.redacted,
            encoding: key.encoding,
            status: 'unverified',
            secret,
            ...(place.entry !== undefined ? { entry: place.entry } : {}),
            ...(place.source ? { source: place.source } : {}),
            ...(place.alert ? { alert: place.alert } : {}),
        };
    }
}
/**
 * Runs sources through one collector, at the same time (a scan's own source waits on git or the
 * disk, GitHub's alerts on the network): the scan's result, their findings in the order given,
 * with what was dropped counted once for all.
 */
async function collect(sources, target, filter, deps) {
    const now = deps.now ?? Date.now;
    const started = now();
    const collector = new Collector(filter, deps.logger);
    const outs = await Promise.all([sources].flat().map((s) => s.scan(collector, { logger: deps.logger, now })));
    const all = (pick) => outs.flatMap((o) => pick(o) ?? []);
    const first = (key) => outs.find((o) => o[key] !== undefined)?.[key];
    // Paths leave the scan with any key in them redacted: every report prints them.
    const skipped = all((o) => o.skipped).map((s) => ({ ...s, path: (0,_detect_index_js__WEBPACK_IMPORTED_MODULE_1__/* .scrubSecrets */ .Zg)(s.path), ...(s.detail !== undefined ? { detail: (0,_detect_index_js__WEBPACK_IMPORTED_MODULE_1__/* .scrubSecrets */ .Zg)(s.detail) } : {}) }));
    const unreadable = all((o) => o.unreadable).map(_detect_index_js__WEBPACK_IMPORTED_MODULE_1__/* .scrubSecrets */ .Zg);
    const notes = all((o) => o.notes).map(_detect_index_js__WEBPACK_IMPORTED_MODULE_1__/* .scrubSecrets */ .Zg);
    // A branch or tag may be named after a key: every report lists the refs.
    const covered = first('coverage');
    const coverage = covered?.type === 'refs' ? { ...covered, refs: covered.refs.map(_detect_index_js__WEBPACK_IMPORTED_MODULE_1__/* .scrubSecrets */ .Zg) } : covered;
    const commitsScanned = first('commitsScanned');
    const threads = first('threads');
    return {
        target,
        ...(coverage ? { coverage } : {}),
        findings: all((o) => o.findings).map(maskPaths),
        skipped,
        ...(unreadable.length ? { unreadable } : {}),
        stats: {
            filesScanned: outs.reduce((n, o) => n + o.filesScanned, 0),
            bytesScanned: outs.reduce((n, o) => n + o.bytesScanned, 0),
            filesSkipped: skipped.length,
            ...collector.counts,
            ...(commitsScanned !== undefined ? { commitsScanned } : {}),
            durationMs: now() - started,
            peakRssMb: (0,_finding_js__WEBPACK_IMPORTED_MODULE_2__/* .peakRssMb */ .le)(),
            ...(threads !== undefined ? { threads } : {}),
        },
        ...(notes.length ? { notes } : {}),
    };
}
/** A finding with any key in its paths (a file, entry or ref named after a key) redacted. */
function maskPaths(f) {
    const g = f.git;
    if (!g)
        return masked(f);
    return {
        ...masked(f),
        git: {
            ...g,
            locations: g.locations.map(masked),
            atHead: g.atHead && masked(g.atHead),
            ...(g.presentIn ? { presentIn: g.presentIn.map((p) => ({ ...masked(p), ref: (0,_detect_index_js__WEBPACK_IMPORTED_MODULE_1__/* .scrubSecrets */ .Zg)(p.ref) })) } : {}),
            ...(g.firstAdded ? { firstAdded: masked(g.firstAdded) } : {}),
        },
    };
}
/** A place with its file, and its entry inside an archive, redacted. */
function masked(p) {
    return { ...p, file: (0,_detect_index_js__WEBPACK_IMPORTED_MODULE_1__/* .scrubSecrets */ .Zg)(p.file), ...(p.entry !== undefined ? { entry: (0,_detect_index_js__WEBPACK_IMPORTED_MODULE_1__/* .scrubSecrets */ .Zg)(p.entry) } : {}) };
}


/***/ }),

/***/ 1164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F7: () => (/* binding */ placePath),
/* harmony export */   Rc: () => (/* binding */ SOURCE_LABEL),
/* harmony export */   W9: () => (/* binding */ shouldFail),
/* harmony export */   le: () => (/* binding */ peakRssMb)
/* harmony export */ });
/** A place's file as people read it: `bundle.zip!config/.env` for a file inside an archive. */
function placePath(p) {
    return p.entry === undefined ? p.file : `${p.file}!${p.entry}`;
}
/** How a reader names a key source: `commit message`. */
const SOURCE_LABEL = { 'commit-message': 'commit message', 'tag-message': 'tag message', 'file-name': 'file name', 'ref-name': 'ref name' };
function peakRssMb() {
    return Math.round(process.resourceUsage().maxRSS / 1024);
}
/** The exit decision of DESIGN.md: 1 when findings reach `fail-on`, else 0. */
function shouldFail(result, failOn) {
    return failOn === 'any' && result.findings.length > 0;
}


/***/ }),

/***/ 8042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $h: () => (/* binding */ SCOPE_TYPES),
  j: () => (/* binding */ isScopeType),
  Hk: () => (/* binding */ runScan),
  u8: () => (/* binding */ scopeReads)
});

// UNUSED EXPORTS: SOURCE_NAMES, describeCoverage, describeScope

// EXTERNAL MODULE: ./src/detect/index.ts + 2 modules
var detect = __webpack_require__(1457);
// EXTERNAL MODULE: ./src/github/secret-alerts.ts
var secret_alerts = __webpack_require__(2319);
// EXTERNAL MODULE: ./src/text/count.ts
var count = __webpack_require__(896);
;// CONCATENATED MODULE: ./src/scan/alert-source.ts



/**
 * The repository's open GitHub secret scanning alerts for OpenAI keys, as a source. An alert list
 * GitHub refuses (404: secret scanning off, or the token may not see alerts) is a note, not a
 * failure; so are alerts that came without their secret or with one keyguard does not recognise.
 */
function secretScanningSource(request) {
    return {
        async scan(collector, deps) {
            const [owner, repo] = request.repository.split('/');
            const listed = await (0,secret_alerts/* listOpenAIAlerts */.oh)(await request.client(), { owner, repo });
            if (listed.type === 'unavailable') {
                const note = `GitHub secret scanning alerts were not read: ${listed.reason}.`;
                deps.logger.warning(`keyguard: ${note}`);
                return { findings: [], filesScanned: 0, bytesScanned: 0, notes: [note] };
            }
            const source = alertSource(listed.alerts);
            const out = await source.scan(collector, deps);
            const notes = [];
            if (listed.withoutSecret > 0)
                notes.push(`${(0,count/* count */.U)(listed.withoutSecret, 'secret scanning alert')} came without ${listed.withoutSecret === 1 ? 'its' : 'their'} secret and ${listed.withoutSecret === 1 ? 'was' : 'were'} left out (the token needs the secret scanning alerts permission).`);
            if (source.unrecognised > 0)
                notes.push(`${(0,count/* count */.U)(source.unrecognised, 'secret scanning alert')} ${source.unrecognised === 1 ? 'holds' : 'hold'} a secret keyguard does not recognise as an OpenAI key; ${source.unrecognised === 1 ? 'it was' : 'they were'} left out.`);
            deps.logger.info(`keyguard: ${(0,count/* count */.U)(listed.alerts.length, 'open OpenAI secret scanning alert')} in ${request.repository}`);
            return { ...out, notes };
        },
    };
}
/**
 * Listed alerts as a source, classified by keyguard's own detector (same kind and fingerprint as
 * when keyguard finds the key itself, so both land in one issue). A secret keyguard does not
 * recognise as an OpenAI key is left out and counted.
 */
function alertSource(alerts) {
    let unrecognised = 0;
    return {
        get unrecognised() {
            return unrecognised;
        },
        async scan(collector) {
            const findings = [];
            for (const a of alerts) {
                const m = (0,detect/* detectKeys */.c8)(a.secret).find((x) => x.secret.reveal() === a.secret.trim());
                if (!m) {
                    unrecognised++;
                    continue;
                }
                const l = a.location;
                const place = { file: l?.path ?? '', line: l?.line ?? 0, column: l?.column ?? 0, endColumn: l?.endColumn ?? 0, commit: l?.commit ?? null, alert: { number: a.number, url: a.url, createdAt: a.createdAt } };
                // GitHub gives the secret alone: no line text, so no inline allow comment, and as written.
                const found = collector.take({ secret: m.secret, kind: m.kind, encoding: 'plain', allowedInline: false }, place);
                if (found)
                    findings.push(found);
            }
            return { findings, filesScanned: 0, bytesScanned: 0 };
        },
    };
}

// EXTERNAL MODULE: ./src/scan/collect.ts
var scan_collect = __webpack_require__(2595);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/text/file-name.ts
var file_name = __webpack_require__(9633);
;// CONCATENATED MODULE: ./src/sources/cat-file.ts


const NUL = Buffer.of(0);
const FLUSH = Buffer.from('flush\0');
/** A name as git reads and echoes it (see fileNameBytes). */
const nameBytes = (name) => Buffer.from((0,file_name/* fileNameBytes */.fo)(name));
const INFO = /^([0-9a-f]{40,64}) (\w+) (\d+)$/;
/**
 * One long-lived `git cat-file --batch-command` for a scan's object lookups: what object names
 * (`<rev>:<path>`, ids) are, and blobs' bytes, so a scan with keys costs one process for all of
 * them (it was three: a batch-check for the tips' trees, one for the files at them, a batch for
 * the blobs). Requests are answered in order, and written in batches (`--buffer`, a `flush` per
 * tick), so many lookups cost a few writes. git starts at the first request: a scan that finds
 * nothing to look up (a history without keys) starts no process.
 */
class BlobReader {
    #cwd;
    #started;
    /** Output not yet consumed, joined only when a whole answer is there (joining per chunk was quadratic on a large blob). */
    #chunks = [];
    #length = 0;
    /** The header of the blob being read, once seen. */
    #expect;
    #waiting = [];
    /** Commands not yet written: written together, with a flush, once this tick's requests are in. */
    #queued = [];
    #failed;
    #closed = false;
    constructor(cwd) {
        this.#cwd = cwd;
    }
    get #child() {
        return (this.#started ??= this.#start());
    }
    #start() {
        // -z: paths may hold newlines. Needs git 2.38 or later.
        const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch-command', '--buffer', '-z'], { cwd: this.#cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        child.stdout.on('data', (d) => {
            this.#chunks.push(d);
            this.#length += d.length;
            this.#drain();
        });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d.toString()));
        child.on('error', (e) => this.#fail(e));
        child.stdin.on('error', (e) => this.#fail(e));
        child.on('close', (code) => code && this.#fail(new Error(`git cat-file failed (exit ${code}): ${stderr.trim()}`)));
        return child;
    }
    #fail(e) {
        this.#failed ??= e;
        for (const w of this.#waiting.splice(0))
            w.reject(e);
    }
    #send(w) {
        if (this.#failed || this.#closed)
            return w.reject(this.#failed ?? new Error('git cat-file: asked after close'));
        this.#waiting.push(w);
        if (this.#queued.length === 0) {
            queueMicrotask(() => {
                const commands = this.#queued.splice(0);
                if (!this.#failed)
                    this.#child.stdin.write(Buffer.concat([...commands, FLUSH]));
            });
        }
        // Names as bytes: a path that is not UTF-8 (decodeFileName) must reach git as it is.
        for (const name of w.kind === 'info' ? w.names : [w.name])
            this.#queued.push(Buffer.from(`${w.kind === 'info' ? 'info' : 'contents'} `), nameBytes(name), NUL);
    }
    /** What each name is (`<rev>:<path>`, `<rev>^{tree}`, an id), in the order asked. */
    info(names) {
        if (names.length === 0)
            return Promise.resolve([]);
        return new Promise((resolve, reject) => this.#send({ kind: 'info', names, answers: [], resolve, reject }));
    }
    /** The blob at `spec` (`<commit>:<path>`, `:<path>` for the index, an id), or undefined when missing or not a blob. */
    read(spec) {
        return new Promise((resolve, reject) => this.#send({ kind: 'contents', name: spec, resolve, reject }));
    }
    /** The unconsumed output as one buffer. */
    #flat() {
        if (this.#chunks.length > 1)
            this.#chunks = [Buffer.concat(this.#chunks)];
        return this.#chunks[0] ?? Buffer.alloc(0);
    }
    #consume(n) {
        const rest = this.#flat().subarray(n);
        this.#chunks = rest.length ? [rest] : [];
        this.#length = rest.length;
    }
    #drain() {
        while (this.#waiting.length > 0) {
            const w = this.#waiting[0];
            if (!this.#expect) {
                const buf = this.#flat();
                const nl = buf.indexOf(0x0a);
                if (nl === -1)
                    return;
                const m = INFO.exec(buf.toString('utf8', 0, nl));
                const name = w.kind === 'info' ? w.names[w.answers.length] : w.name;
                if (!m) {
                    // `<name> missing` or `<name> ambiguous`, the name as asked: it may hold a newline (a
                    // path), so its length, not the first newline, says where the answer ends.
                    const at = nameBytes(name).length + 1;
                    const word = buf.toString('latin1', at, at + 10);
                    const end = word.startsWith('missing\n') ? at + 8 : word === 'ambiguous\n' ? at + 10 : -1;
                    if (end === -1) {
                        if (word.length === 10)
                            this.#fail(new Error(`git cat-file: unexpected answer for ${name}`));
                        return; // else not all here yet
                    }
                    this.#consume(end);
                    this.#answer(w, undefined);
                    continue;
                }
                this.#consume(nl + 1);
                if (w.kind === 'info') {
                    this.#answer(w, { oid: m[1], type: m[2], size: Number(m[3]) });
                    continue;
                }
                this.#expect = { size: Number(m[3]), type: m[2] };
            }
            const { size, type } = this.#expect;
            if (this.#length < size + 1)
                return;
            const blob = Buffer.from(this.#flat().subarray(0, size));
            this.#consume(size + 1);
            this.#expect = undefined;
            this.#waiting.shift();
            w.resolve(type === 'blob' ? blob : undefined);
        }
    }
    /** One answer for the first request: a lookup, or a missing blob. */
    #answer(w, info) {
        if (w.kind === 'contents') {
            this.#waiting.shift();
            return w.resolve(undefined);
        }
        w.answers.push(info);
        if (w.answers.length < w.names.length)
            return;
        this.#waiting.shift();
        w.resolve(w.answers);
    }
    close() {
        this.#closed = true;
        this.#started?.stdin.end();
    }
}
/** Blobs read ahead by readAhead: enough to cover the round trips, few enough for memory. */
const AHEAD = { count: 16, bytes: 16 << 20 };
/**
 * The blobs at `items` (sizes as `info` gave them), in order, with reads in flight ahead of the
 * one handed out (a round trip per blob, one after the other, was most of a scan's last
 * milliseconds), up to AHEAD blobs or bytes.
 */
async function* readAhead(reader, items) {
    const inFlight = [];
    let next = 0;
    let bytes = 0;
    const fill = () => {
        while (next < items.length && (inFlight.length === 0 || (inFlight.length < AHEAD.count && bytes + items[next].size <= AHEAD.bytes))) {
            const item = items[next++];
            const read = reader.read(item.spec);
            read.catch(() => undefined); // awaited in turn below; a failure is thrown there
            inFlight.push([item, read]);
            bytes += item.size;
        }
    };
    fill();
    while (inFlight.length > 0) {
        const [item, read] = inFlight.shift();
        const data = await read;
        bytes -= item.size;
        fill();
        yield [item, data];
    }
}

;// CONCATENATED MODULE: ./src/sources/diff-stream.ts


const NL = 0x0a;
const SPACE = 0x20;
const DIFF_HEADER = Buffer.from('\ndiff ');
const HUNK = Buffer.from('\n@@');
const BINARY = Buffer.from('\nBinary files ');
/** Parses a NUL-led header line: `\0<sha> <author time> <parent> <parent>…`. Anything else is not one. */
function parseCommit(line) {
    const m = /^([0-9a-f]{40,64}) (\d+)((?: [0-9a-f]{40,64})*) ?$/.exec(line); // a root commit ends in a space
    if (!m)
        return undefined;
    return { sha: m[1], authorTime: Number(m[2]), parents: m[3].trim() ? m[3].trim().split(' ').length : 0 };
}
/** Git's C-style quoting of unusual paths (`"a\tb"`, octal escapes for raw bytes). */
function unquoteGitPath(p) {
    if (!p.startsWith('"') || !p.endsWith('"'))
        return p;
    const bytes = [];
    const body = Buffer.from(p.slice(1, -1), 'utf8');
    const simple = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
    for (let i = 0; i < body.length; i++) {
        if (body[i] !== 0x5c) {
            bytes.push(body[i]);
            continue;
        }
        const c = String.fromCharCode(body[i + 1]);
        if (/[0-7]/.test(c)) {
            bytes.push(parseInt(body.subarray(i + 1, i + 4).toString('latin1'), 8));
            i += 3;
        }
        else {
            bytes.push(simple[c] ?? body[i + 1]);
            i += 1;
        }
    }
    return (0,file_name/* decodeFileName */.qL)(Buffer.from(bytes));
}
/** A file header's first line (a regular expression: git's flag, not keyguard's). */
const DIFF_GIT = /^diff --git /;
/** A merge's file header in a combined diff: one path, no `a/` or `b/`. */
const DIFF_CC = /^diff --(?:cc|combined) /;
/** Either. */
const FILE_HEADER = /^diff --(?:git|cc|combined) /;
/**
 * The path a file header block at `start` gives a file (a new file, a rename or a copy), from its
 * `diff --git` line; undefined when the block only changes a file that had the name already. An
 * empty new file (`touch $OPENAI_API_KEY`) has no `+++` line: this line is the only one naming it.
 */
function namedPath(buf, start, lineEnd, end) {
    const stops = [buf.indexOf(HUNK, lineEnd), buf.indexOf(DIFF_HEADER, lineEnd), end].filter((i) => i !== -1 && i <= end);
    const block = buf.toString('utf8', lineEnd, Math.min(...stops));
    if (!/\n(?:new file mode|rename to|copy to) /.test(block))
        return undefined;
    const line = buf.toString('utf8', start, lineEnd);
    // A merge that adds a file neither parent has (`new file mode` in the combined diff).
    if (DIFF_CC.test(line)) {
        const name = line.replace(DIFF_CC, '');
        return name.startsWith('"') ? unquoteGitPath(name) : name;
    }
    const rest = line.replace(DIFF_GIT, '');
    // `a/P b/P` for a new file; a rename's `b/` side is after the last ` b/` (or quoted: ` "b/`).
    const half = (rest.length - 1) / 2;
    if (rest.startsWith('a/') && rest.slice(half) === ` b/${rest.slice(2, half)}`)
        return rest.slice(2, half);
    const quoted = rest.lastIndexOf(' "b/');
    if (quoted !== -1 && rest.endsWith('"'))
        return unquoteGitPath(rest.slice(quoted + 1)).slice(2);
    const plain = rest.lastIndexOf(' b/');
    return plain === -1 ? undefined : rest.slice(plain + 3);
}
/** The new-side path of a file header block (`+++ b/path`), or undefined for a deletion or no content. */
function pathFromHeader(block) {
    const m = /^\+\+\+ (.*)$/m.exec(block);
    if (!m || m[1] === '/dev/null')
        return undefined;
    // Git ends the name with a tab when it holds a space; a real tab would have been quoted.
    const p = unquoteGitPath(m[1].replace(/\t$/, ''));
    return p.startsWith('b/') ? p.slice(2) : p;
}
/**
 * Takes the commit messages out of `git log -p --format=%x00%H %at %P%n%B%x00` as it streams,
 * before DiffStreamScanner reads the same chunks: each message's bytes (and the NUL that ends it)
 * are overwritten with spaces in place, so the scanner sees the header line and the diff and no
 * text an author wrote (a message can be written to look like a diff, a binary change or a
 * header). A commit's NUL is the first byte of a line; every line of a diff starts with git's own
 * prefix, so a NUL anywhere else is a file's text (a file with a NUL that .gitattributes makes
 * diff as text) and becomes a space too: taken for a header, it hid the lines after it. Only
 * messages that may hold a key are decoded. One instance reads one git process's output.
 */
class LogMessages {
    /** Commit headers read so far. */
    commits = 0;
    #state = 'diff';
    /** The chunk before ended a line (a stream starts with one). */
    #lineStart = true;
    /** The header line, or the message, so far, when they run across chunks (copies: chunks are blanked). */
    #parts = [];
    #commit;
    /** Blanks the messages in `chunk` and returns those that ended in it and may hold a key. */
    push(chunk) {
        /** Message bytes of this chunk, blanked once searched. */
        const blank = [];
        const ended = [];
        for (let pos = 0; pos < chunk.length;) {
            if (this.#state === 'diff') {
                const nul = chunk.indexOf(0, pos);
                if (nul === -1)
                    break;
                pos = nul + 1;
                if (nul === 0 ? this.#lineStart : chunk[nul - 1] === NL) {
                    this.commits++;
                    this.#state = 'header';
                }
                else
                    chunk[nul] = SPACE;
            }
            else if (this.#state === 'header') {
                const nl = chunk.indexOf(NL, pos);
                if (nl === -1) {
                    this.#parts.push(Buffer.from(chunk.subarray(pos)));
                    break;
                }
                const line = this.#parts.length ? Buffer.concat([...this.#parts, chunk.subarray(pos, nl)]) : chunk.subarray(pos, nl);
                this.#parts = [];
                this.#commit = parseCommit(line.toString('utf8'));
                this.#state = 'message';
                pos = nl + 1;
            }
            else {
                const nul = chunk.indexOf(0, pos);
                const end = nul === -1 ? chunk.length : nul;
                blank.push([pos, end]);
                if (nul === -1 || this.#parts.length)
                    this.#parts.push(Buffer.from(chunk.subarray(pos, end)));
                if (nul === -1)
                    break;
                ended.push({ region: blank.length - 1, commit: this.#commit, whole: this.#parts.length ? Buffer.concat(this.#parts) : undefined });
                this.#parts = [];
                this.#state = 'diff';
                pos = nul + 1;
            }
        }
        this.#lineStart = chunk.length > 0 ? chunk[chunk.length - 1] === NL : this.#lineStart;
        const marked = markedRegions(chunk, blank);
        const out = [];
        for (const { region, commit, whole } of ended) {
            const [start, end] = blank[region];
            if (commit && (whole ? (0,detect/* mayContainKey */.FY)(whole) : marked[region]))
                out.push({ commit, text: whole ? whole.toString('utf8') : chunk.toString('utf8', start, end) });
        }
        // The message's end NUL too: the scanner takes the last NUL before a line for its commit's header.
        for (const [start, end] of blank)
            chunk.fill(SPACE, start, Math.min(chunk.length, end + 1));
        return out;
    }
}
/**
 * Which regions (in order, not overlapping) of `buf` hold a key literal whole: a search per literal
 * over the chunk, each jumping to the next region, so a chunk costs a few searches however many
 * messages it holds (a search per message would be tens of thousands of calls per history).
 */
function markedRegions(buf, regions) {
    const marked = regions.map(() => false);
    if (regions.length === 0)
        return marked;
    for (const lit of detect/* LITERAL_SEARCHES */.l0) {
        let hit = -1;
        for (let r = 0; r < regions.length; r++) {
            const [start, end] = regions[r];
            if (hit < start)
                hit = lit.indexIn(buf, start);
            if (hit === -1)
                break;
            if (hit + lit.literal.length <= end)
                marked[r] = true;
        }
    }
    return marked;
}
class DiffStreamScanner {
    #carry = Buffer.alloc(0);
    /** Bytes of the unfinished line at the end of the carry. */
    #carryLine = 0;
    /** Chunks of one unfinished line, joined once its end arrives (joining at each chunk was quadratic). */
    #pending = [];
    #pendingBytes = 0;
    /** Dropping the rest of a line longer than maxLine (`file` undefined: not an added line). */
    #skipping;
    #commit;
    #file;
    /** The end of the current file's header block has been seen (we are in its hunks). */
    #inHunks = false;
    #maxLine;
    /** Binary files seen so far; the caller takes them with `takeBinaries`. */
    #binaries = [];
    /** Added lines over the size limit. */
    skipped = [];
    /**
     * `commit` is the commit every line belongs to when the stream has no headers (git diff
     * --cached); lines longer than `maxLine` bytes are skipped and listed in `skipped`.
     */
    constructor(commit = null, maxLine = Number.MAX_SAFE_INTEGER) {
        this.#commit = commit;
        this.#maxLine = maxLine;
    }
    /** Feeds one chunk; returns the added lines in it that hold a marker. */
    push(chunk) {
        if (this.#skipping) {
            const nl = chunk.indexOf(NL);
            if (nl === -1) {
                this.#skipping.bytes += chunk.length;
                return [];
            }
            if (this.#skipping.file)
                this.skipped.push({ ...this.#skipping, bytes: this.#skipping.bytes + nl });
            this.#skipping = undefined;
            chunk = chunk.subarray(nl + 1);
        }
        if (chunk.indexOf(NL) === -1) {
            this.#pending.push(chunk);
            this.#pendingBytes += chunk.length;
            const lineBytes = this.#carryLine + this.#pendingBytes;
            if (lineBytes > this.#maxLine)
                this.#startSkipping(lineBytes);
            return [];
        }
        const buf = this.#carry.length || this.#pending.length ? Buffer.concat([this.#carry, ...this.#pending, chunk]) : chunk;
        this.#pending = [];
        this.#pendingBytes = 0;
        let end = buf.lastIndexOf(NL) + 1;
        // Keep an unfinished file header block for the next chunk, so its `+++` line is read whole.
        const lastDiff = lastHeaderStart(buf, end);
        if (lastDiff !== -1 && buf.indexOf(HUNK, lastDiff) === -1 && !endsHeaderBlock(buf, lastDiff, end))
            end = lastDiff;
        const out = this.#scan(buf, end);
        this.#carry = Buffer.from(buf.subarray(end));
        this.#carryLine = this.#carry.length - (this.#carry.lastIndexOf(NL) + 1);
        return out;
    }
    /** The line being read is over the limit: note it, process what came before it, drop the rest. */
    #startSkipping(lineBytes) {
        const buf = Buffer.concat([this.#carry, ...this.#pending]);
        const lineStart = buf.length - lineBytes;
        this.#early.push(...this.#scan(buf, lineStart));
        const added = this.#inHunks && isAdded(buf, lineStart, Math.max(1, this.#commit?.parents ?? 1));
        this.#carry = Buffer.alloc(0);
        this.#carryLine = 0;
        this.#pending = [];
        this.#pendingBytes = 0;
        // Only an added line is worth reporting; a removed or header line is dropped all the same.
        this.#skipping = { commit: this.#commit, file: added ? this.#file : undefined, bytes: lineBytes };
    }
    /** Lines found while starting to skip a long line, handed out with the next chunk's. */
    #early = [];
    /** The binary files seen since the last call. */
    takeBinaries() {
        const out = this.#binaries;
        this.#binaries = [];
        return out;
    }
    /** Flushes what is left at the end of the stream. */
    end() {
        if (this.#skipping?.file)
            this.skipped.push(this.#skipping);
        this.#skipping = undefined;
        const buf = Buffer.concat([this.#carry, ...this.#pending]);
        this.#carry = Buffer.alloc(0);
        this.#pending = [];
        if (buf.length === 0)
            return this.#early.splice(0);
        const full = buf[buf.length - 1] === NL ? buf : Buffer.concat([buf, Buffer.from('\n')]);
        return this.#scan(full, full.length);
    }
    #scan(buf, end) {
        const out = this.#early.splice(0);
        this.#findBinaries(buf, end);
        const hits = [];
        for (const lit of detect/* LITERAL_SEARCHES */.l0) {
            // One hit a line is enough (the line is read whole): go on from the line's end, so a line of
            // a million markers costs one search, not a million entries to sort.
            for (let at = lit.indexIn(buf); at !== -1 && at < end;) {
                hits.push(at);
                const nl = buf.indexOf(NL, at);
                at = nl === -1 ? -1 : lit.indexIn(buf, nl + 1);
            }
        }
        hits.sort((a, b) => a - b);
        let lineEnd = -1;
        const ctx = new ContextCache(this, buf);
        // A line over the limit that ended inside this buffer (one that runs across chunks is dropped
        // as it streams): skipped the same way. Only a buffer longer than the limit can hold one.
        const tooLong = buf.length > this.#maxLine ? this.#longLines(buf, end) : [];
        for (const h of hits) {
            if (h < lineEnd)
                continue; // several markers on one line: read it once
            const lineStart = buf.lastIndexOf(NL, h) + 1;
            lineEnd = buf.indexOf(NL, h);
            if (lineEnd === -1)
                lineEnd = end;
            if (tooLong.includes(lineStart))
                continue;
            const c = ctx.at(lineStart);
            if (FILE_HEADER.test(buf.toString('latin1', lineStart, lineStart + 16))) {
                const named = namedPath(buf, lineStart, lineEnd, end);
                if (named)
                    out.push({ commit: c.commit, file: named, text: named, around: named, name: true });
                continue;
            }
            if (!c.file || !c.inHunks)
                continue;
            const columns = Math.max(1, c.commit?.parents ?? 1);
            if (!isAdded(buf, lineStart, columns))
                continue;
            // Wrapped base64 spans lines: the added lines around this one come along (findings are
            // placed by reading the blob again, so the extra text changes no position).
            const text = buf.toString('utf8', lineStart + columns, lineEnd);
            out.push({ commit: c.commit, file: c.file, text, around: addedAround(buf, lineStart, lineEnd, end, columns) ?? text });
        }
        this.#advance(buf, end);
        return out;
    }
    /** Starts of the added lines longer than the limit in `buf` before `end`, each listed in `skipped`. */
    #longLines(buf, end) {
        const out = [];
        for (let start = 0; start < end;) {
            let stop = buf.indexOf(NL, start);
            if (stop === -1 || stop > end)
                stop = end;
            if (stop - start > this.#maxLine) {
                const c = this.contextAt(buf, start);
                if (c.file && c.inHunks && isAdded(buf, start, Math.max(1, c.commit?.parents ?? 1))) {
                    out.push(start);
                    this.skipped.push({ commit: c.commit, file: c.file, bytes: stop - start });
                }
            }
            start = stop + 1;
        }
        return out;
    }
    /** `Binary files a/x and b/y differ` lines: the new blob of each, from its header block. */
    #findBinaries(buf, end) {
        for (let at = buf.indexOf(BINARY); at !== -1 && at < end; at = buf.indexOf(BINARY, at + 1)) {
            const lineEnd = buf.indexOf(NL, at + 1);
            const d = lastHeaderStart(buf, at + 1);
            if (d === -1 || lineEnd === -1)
                continue;
            const block = buf.toString('utf8', d, lineEnd);
            const blob = /^index (?:[0-9a-f]+,)*[0-9a-f]+\.\.([0-9a-f]{40,64})/m.exec(block)?.[1];
            const names = /^Binary files (.*) and (.*) differ$/m.exec(block);
            if (!blob || !names || names[2] === '/dev/null' || /^0+$/.test(blob))
                continue;
            const p = unquoteGitPath(names[2]);
            this.#binaries.push({ commit: this.contextAt(buf, at + 1).commit, file: p.startsWith('b/') ? p.slice(2) : p, blob });
        }
    }
    /** The commit, file and header/hunk state in force at `pos`, from the nearest headers before it. */
    contextAt(buf, pos) {
        const c = buf.lastIndexOf(0, pos);
        const d = lastHeaderStart(buf, pos);
        let commit = this.#commit;
        if (c !== -1)
            commit = parseCommit(buf.toString('utf8', c + 1, buf.indexOf(NL, c))) ?? commit;
        if (d === -1 || d < c) {
            // No file header since the last commit header in this chunk: carried state, unless a commit began here.
            return c === -1 ? { commit, file: this.#file, inHunks: this.#inHunks } : { commit, file: undefined, inHunks: false };
        }
        const hunk = buf.indexOf(HUNK, d);
        const inHunks = hunk !== -1 && hunk < pos;
        const block = buf.toString('utf8', d, inHunks ? hunk : pos);
        return { commit, file: pathFromHeader(block), inHunks };
    }
    /** Carries the last commit and file headers of the processed part into the next chunk. */
    #advance(buf, end) {
        const ctx = this.contextAt(buf, end);
        this.#commit = ctx.commit;
        this.#file = ctx.file;
        this.#inHunks = ctx.inHunks;
    }
}
/**
 * Context for the lines of one buffer, asked in increasing order: it is looked up again only
 * when a commit header, file header or hunk lies between the last line asked and this one, so
 * many marked lines in one file cost one lookup, not a backward search each.
 */
class ContextCache {
    #pos = -1;
    #ctx;
    #nextEvent = -1;
    #scanner;
    #buf;
    constructor(scanner, buf) {
        this.#scanner = scanner;
        this.#buf = buf;
    }
    at(pos) {
        if (this.#ctx && this.#ctx.inHunks && (this.#nextEvent === -1 || this.#nextEvent >= pos))
            return this.#ctx;
        this.#ctx = this.#scanner.contextAt(this.#buf, pos);
        this.#pos = pos;
        this.#nextEvent = nextEvent(this.#buf, this.#pos, this.#ctx.inHunks);
        return this.#ctx;
    }
}
/**
 * The first commit header or file header at or after `pos` (or hunk, while in a header block), or
 * -1. Both markers of a line start with the newline before it: searched from `pos`, a header line
 * that was itself asked about (a file named with a marker) was missed, and that file's lines were
 * taken for the file before it's, allow.paths and all.
 */
function nextEvent(buf, pos, inHunks) {
    const from = Math.max(0, pos - 1);
    const found = [buf.indexOf(0, pos), buf.indexOf(DIFF_HEADER, from), inHunks ? -1 : buf.indexOf(HUNK, from)].filter((i) => i !== -1);
    return found.length ? Math.min(...found) : -1;
}
/** Added means `+` in every parent column: in a merge's combined diff, ` +` came from a parent. */
function isAdded(buf, lineStart, columns) {
    for (let i = 0; i < columns; i++)
        if (buf[lineStart + i] !== 0x2b)
            return false;
    return true;
}
/** How many added lines around a marked one are joined to it, for base64 wrapped over lines. */
const WRAP_LINES = 6;
/**
 * The marked line's text with up to WRAP_LINES added lines (of base64 width) on each side, prefix
 * columns removed; undefined when there are none.
 */
function addedAround(buf, lineStart, lineEnd, end, columns) {
    let from = lineStart;
    for (let n = 0; n < WRAP_LINES && from > 0; n++) {
        const prev = buf.lastIndexOf(NL, from - 2) + 1;
        if (!isAdded(buf, prev, columns) || from - prev > 200)
            break;
        from = prev;
    }
    let to = lineEnd;
    for (let n = 0; n < WRAP_LINES && to < end; n++) {
        const next = buf.indexOf(NL, to + 1);
        if (next === -1 || next > end || !isAdded(buf, to + 1, columns) || next - to > 200)
            break;
        to = next;
    }
    if (from === lineStart && to === lineEnd)
        return undefined;
    const lines = [];
    for (let s = from; s < to;) {
        const e = buf.indexOf(NL, s);
        const stop = e === -1 || e > to ? to : e;
        lines.push(buf.toString('utf8', s + columns, stop));
        s = stop + 1;
    }
    return lines.join('\n');
}
/** Start of the last `diff …` header line before `pos` (0 when the buffer starts with one). */
function lastHeaderStart(buf, pos) {
    // (A negative offset would make lastIndexOf count from the end.)
    const i = pos >= DIFF_HEADER.length ? buf.lastIndexOf(DIFF_HEADER, pos - DIFF_HEADER.length) : -1;
    if (i !== -1)
        return i + 1;
    return buf.subarray(0, 5).toString('latin1') === 'diff ' && pos > 0 ? 0 : -1;
}
/** A header block with no hunks yet (binary, rename, mode change) is over once a commit follows it. */
function endsHeaderBlock(buf, start, end) {
    const c = buf.indexOf(0, start);
    return c !== -1 && c < end;
}

// EXTERNAL MODULE: ./src/sources/git.ts
var git = __webpack_require__(8022);
;// CONCATENATED MODULE: ./src/sources/history.ts



const SET_FETCH_DEPTH = 'Set `fetch-depth: 0` on actions/checkout (or run `git fetch --unshallow --tags origin`) so the whole history is there.';
async function attempt(root, args) {
    try {
        await (0,git/* git */.$Y)(root, args);
        return undefined;
    }
    catch (e) {
        return e.message;
    }
}
const hasOrigin = async (root) => (await attempt(root, ['remote', 'get-url', 'origin'])) === undefined;
/**
 * Makes the whole history available, or refuses: a shallow clone (actions/checkout's default
 * depth 1) holds one grafted commit whose diff looks like it adds the whole tree, and none of the
 * other branches and tags. The refs are listed by listRefs, while the history is read.
 */
async function prepareHistory(root, options, logger) {
    let shallow = options.shallow;
    if (options.fetch && (await hasOrigin(root))) {
        const refspecs = ['+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*', ...(options.pullRequests ? ['+refs/pull/*/head:refs/remotes/origin/pull/*'] : [])];
        logger.info(`keyguard: fetching every branch and tag${options.pullRequests ? ' and pull request head' : ''} of origin${shallow ? ' (unshallowing the clone)' : ''}`);
        const failed = await attempt(root, ['fetch', '--quiet', '--no-write-fetch-head', ...(shallow ? ['--unshallow'] : []), 'origin', ...refspecs]);
        if (failed && !shallow)
            logger.warning(`keyguard: could not fetch from origin (${failed}); scanning the refs already here`);
        if (failed && shallow)
            throw new errors/* ConfigurationError */.j1(`history scan: this clone is shallow and the rest of the history could not be fetched from origin (${failed}). ${SET_FETCH_DEPTH}`);
        // Fetched with --unshallow: the whole history is here now.
        shallow = false;
    }
    if (shallow)
        throw new errors/* ConfigurationError */.j1(`history scan: this clone is shallow, so only part of the history is here. ${SET_FETCH_DEPTH}`);
}
/**
 * Every ref, and the messages of the annotated tags under refs/tags: one git (a ref name holds no
 * space or newline; a message holds no NUL, so NUL-led records split them safely).
 */
async function listRefs(root) {
    const refs = [];
    const tags = [];
    let bytes = 0;
    const format = '%00%(refname)%(if:equals=tag)%(objecttype)%(then) %(refname:short) %(*objectname) %(taggerdate:unix)%0a%(contents)%(end)';
    const counted = async function* () {
        for await (const chunk of (0,git/* gitStream */.dP)(root, ['for-each-ref', `--format=${format}`])) {
            bytes += chunk.length;
            yield chunk;
        }
    };
    for await (const records of (0,git/* nulSeparated */.sk)(counted())) {
        for (const rec of records) {
            const nl = rec.indexOf('\n');
            if (nl === -1)
                continue;
            const [ref, name, peeled, time] = rec.slice(0, nl).split(' ');
            refs.push(ref);
            if (name !== undefined && ref.startsWith('refs/tags/') && (0,detect/* mayContainKey */.FY)(rec))
                tags.push({ name, peeled: peeled || null, time: Number(time) || 0, text: rec.slice(nl + 1) });
        }
    }
    return { refs, tags, bytes };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/sources/range.ts



/** Depths tried, in turn, when a shallow clone lacks the commits a range needs. */
const DEEPEN_STEPS = [50, 250, 1000, 5000];
const range_SET_FETCH_DEPTH = 'Set `fetch-depth: 0` on actions/checkout so the history is there.';
async function ok(root, args) {
    try {
        await (0,git/* git */.$Y)(root, args);
        return true;
    }
    catch {
        return false;
    }
}
const haveCommit = (root, rev) => ok(root, ['cat-file', '-e', `${rev}^{commit}`]);
const isShallow = async (root) => (await (0,git/* git */.$Y)(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
async function shallowCommits(root) {
    const file = (await (0,git/* git */.$Y)(root, ['rev-parse', '--git-path', 'shallow'])).trim();
    try {
        return new Set((await (0,promises_.readFile)(file.startsWith('/') ? file : `${root}/${file}`, 'utf8')).split('\n').filter(Boolean));
    }
    catch {
        return new Set();
    }
}
/**
 * Whether `base..head` can be read as it really is: both commits present, and no commit of the
 * range cut off by a shallow clone. A cut commit would diff as if it added its whole tree, so
 * every old key would look new.
 */
async function complete(root, base, head, shallowClone) {
    if (!(await haveCommit(root, head)))
        return false;
    if (base !== undefined && !(await haveCommit(root, base)))
        return false;
    if (!shallowClone)
        return true;
    const shallow = await shallowCommits(root);
    if (shallow.size === 0)
        return true;
    const commits = (await (0,git/* git */.$Y)(root, ['rev-list', base ? `${base}..${head}` : head])).split('\n').filter(Boolean);
    // A base in another line of history still needs a merge base reachable from head.
    if (base !== undefined && !(await ok(root, ['merge-base', base, head])))
        return false;
    return !commits.some((c) => shallow.has(c));
}
/**
 * Makes sure a range's commits are in the clone, fetching and deepening a shallow clone from
 * `origin` as far as needed. Fails with one clear message when that is not enough. `shallow`: what
 * the repository check already found (gitWorkTree), so a full clone costs no further git to ask.
 */
async function prepareRange(root, base, head, logger, shallow) {
    const shallowClone = shallow ?? (await isShallow(root));
    if (await complete(root, base, head, shallowClone))
        return;
    if (!shallowClone) {
        const missing = !(await haveCommit(root, head)) ? head : base;
        throw new errors/* ConfigurationError */.j1(`commit ${missing} is not in this repository. Fetch it first (git fetch origin ${missing}).`);
    }
    const revs = [head, ...(base ? [base] : [])];
    for (const depth of DEEPEN_STEPS) {
        logger.info(`keyguard: shallow clone; fetching ${depth} commits of history for ${base ? `${base}..` : ''}${head}`);
        // Fetching by commit id works on GitHub for any commit reachable from the repository's refs.
        if (!(await ok(root, ['fetch', '--no-tags', '--quiet', `--depth=${depth}`, 'origin', ...revs]))) {
            await ok(root, ['fetch', '--no-tags', '--quiet', `--deepen=${depth}`, 'origin']);
        }
        const still = await isShallow(root);
        if (await complete(root, base, head, still))
            return;
        if (!still)
            break;
    }
    if (await complete(root, base, head, await isShallow(root)))
        return;
    throw new errors/* ConfigurationError */.j1(`the history of ${base ? `${base}..` : ''}${head} is not in this shallow clone and could not be fetched. ${range_SET_FETCH_DEPTH}`);
}
/** Fetches a branch of origin as refs/remotes/origin/NAME when missing; returns that ref, or undefined. */
async function remoteBranch(root, branch) {
    const ref = `refs/remotes/origin/${branch}`;
    if (await haveCommit(root, ref))
        return ref;
    if (await ok(root, ['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', `+refs/heads/${branch}:${ref}`]))
        return ref;
    return undefined;
}


// EXTERNAL MODULE: ./src/text/printable.ts
var printable = __webpack_require__(8572);
;// CONCATENATED MODULE: ./src/scan/presence.ts


/** Path lookups per presence check: tens of thousands of trees and files take a few seconds. */
const MAX_LOOKUPS = 500_000;
/**
 * The trees of the ref tips, looked up from `start` on: at the first key found, so the lookups
 * (and the start of the scan's cat-file) happen while the rest of the diffs stream instead of
 * after them, and a history without keys never runs them. A failure is kept for `get`.
 */
class TipTrees {
    #reader;
    #tips;
    #result;
    constructor(reader, tips) {
        this.#reader = reader;
        this.#tips = tips;
    }
    /** Starts the lookups, once. */
    start() {
        this.#result ??= (async () => {
            const names = await this.#tips();
            return { tips: names, trees: await this.#reader.info(names.map((t) => `${t}^{tree}`)) };
        })().catch((error) => ({ error }));
    }
    async get() {
        this.start();
        const r = await this.#result;
        if ('error' in r)
            throw r.error;
        return r;
    }
}
/**
 * Which of `fingerprints` the trees of the tips hold, and where. Only `files` are looked at (a key
 * at a tip was added there by some commit the scan read, so it is in one of the files where keys
 * were found): one batch of lookups resolves every tip and path, each distinct blob is read once,
 * and tips that share a tree share the work. Blobs over the size limit are not read.
 */
async function keysAtTips(tipTrees, files, fingerprints, blobs, limits) {
    const out = new Map();
    if (files.length === 0 || fingerprints.size === 0)
        return { places: out, treesLeftOut: 0 };
    const { tips, trees } = await tipTrees.get();
    const tipsOfTree = new Map();
    tips.forEach((tip, i) => {
        const tree = trees[i]?.oid;
        if (tree)
            tipsOfTree.set(tree, [...(tipsOfTree.get(tree) ?? []), tip]);
    });
    // Thousands of tags times thousands of files would be millions of lookups: the trees of the
    // first tips (HEAD, then branches, then tags, by name) up to a budget; the caller says so.
    const budget = Math.max(1, Math.floor(MAX_LOOKUPS / files.length));
    const distinct = [...tipsOfTree.keys()];
    const specs = [];
    for (const tree of distinct.slice(0, budget))
        for (const file of files)
            specs.push({ tree, file });
    const found = await blobs.info(specs.map((s) => `${s.tree}:./${s.file}`));
    const placesOfBlob = new Map();
    specs.forEach((s, i) => {
        const o = found[i];
        if (o?.type === 'blob' && o.size <= limits.maxFileSize) {
            const blob = placesOfBlob.get(o.oid) ?? placesOfBlob.set(o.oid, { spec: o.oid, size: o.size, places: [] }).get(o.oid);
            blob.places.push(s);
        }
    });
    for await (const [{ places }, data] of readAhead(blobs, [...placesOfBlob.values()])) {
        if (!data)
            continue;
        // The file's name is only for a gzip stream's entry: the first place's is as good as any.
        for (const m of (0,detect/* detectInFile */.df)(data, places[0].file, limits).matches) {
            if (!fingerprints.has(m.secret.fingerprint))
                continue;
            const list = out.get(m.secret.fingerprint) ?? [];
            for (const { tree, file } of places) {
                for (const ref of tipsOfTree.get(tree)) {
                    if (!list.some((p) => p.ref === ref && p.file === file))
                        list.push({ ref, file, line: m.line, column: m.column, endColumn: m.endColumn, encoding: m.encoding, ...(m.entry !== undefined ? { entry: m.entry } : {}) });
                }
            }
            out.set(m.secret.fingerprint, list);
        }
    }
    return { places: out, treesLeftOut: Math.max(0, distinct.length - budget) };
}

;// CONCATENATED MODULE: ./src/scan/git-scan.ts










/** Locations kept per key (all are counted); enough for an issue, bounded for memory. */
const MAX_LOCATIONS = 50;
/*
 * Flags that make git's output the same whatever the user's config: no colour, pager, external
 * diff or textconv, standard a/ b/ prefixes, no signatures, paths relative to the scanned folder.
 * -U0: only changed lines, as only added lines matter. Merges show a dense combined diff, so a key
 * introduced while resolving a merge is found too. --full-index: binary files' blob ids, whole.
 * --no-renames: a moved file shows as added under its new name, so every path that ever held a
 * key is known (presence at the tips looks only at those).
 * The format: a NUL, the commit's header line, its message, a NUL (see LogMessages): messages come
 * with the diffs, from the one git process. --encoding=UTF-8: whatever i18n.logOutputEncoding says
 * (UTF-16 would put NULs in every line).
 */
const DIFF_FLAGS = ['-p', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--relative', '--full-index', '--no-renames'];
const LOG_FLAGS = [...DIFF_FLAGS, '--format=%x00%H %at %P%n%B%x00', '--encoding=UTF-8', '--no-show-signature', '--diff-merges=dense-combined'];
function gitArgs(target) {
    switch (target.type) {
        case 'history':
            return ['log', '--all', ...LOG_FLAGS];
        case 'range':
            return ['log', ...LOG_FLAGS, target.base ? `${target.base}..${target.head}` : target.head, '--'];
        case 'staged':
            return ['diff', '--cached', ...DIFF_FLAGS, '--'];
    }
}
const git_scan_location = (at) => ({ commit: at.commit, file: at.file, ...(at.source ? { source: at.source } : {}) });
/** Refs listed per key (all are counted). */
const MAX_REFS = 20;
/** Files looked at for presence at the tips: the files where keys were added, up to this many. */
const MAX_PRESENCE_FILES = 5000;
/** Scans what git says commits added (see gitChanges), as the tests call it: no fetch, no checks. */
function scanGit(settings, deps) {
    return collect(gitChanges(settings), settings.root, settings, deps);
}
/**
 * The git source as the entries use it: the repository is checked, and what the scope lacks is
 * fetched first (a range's commits; for history, every ref, when asked); then gitChanges.
 */
function gitSource(settings, described) {
    const { root, target } = settings;
    return {
        async scan(collector, deps) {
            const repo = await (0,git/* gitWorkTree */.M8)(root);
            if (!repo)
                throw new errors/* ConfigurationError */.j1(`${described} needs a git repository, and ${root} is not in one`);
            if (target.type === 'range')
                await prepareRange(root, target.base, target.head, deps.logger, repo.shallow);
            if (target.type === 'history')
                await prepareHistory(root, { fetch: target.fetch ?? false, pullRequests: target.pullRequests ?? false, shallow: repo.shallow }, deps.logger);
            const out = await gitChanges(settings).scan(collector, deps);
            if (out.coverage?.type === 'empty')
                deps.logger.info('keyguard: the repository has no commits: nothing to scan');
            return out;
        },
    };
}
/**
 * What git says commits added: the added lines of text files, the new blobs of binary files
 * (read whole, by their bytes), and commit and annotated tag messages. Each key found becomes one
 * finding: where it is at the scanned tip when it is there, else where it was first added; how
 * often it was added; and which refs' tips still hold it. A history scan also says what it
 * covered: every ref, and the commits reachable from them (git log shows each once; a damaged
 * clone: as listed).
 */
function gitChanges(settings) {
    return { scan: (collector, deps) => scanChanges(settings, collector, deps) };
}
async function scanChanges(settings, allow, deps) {
    // One cat-file for every lookup and blob read, started at the first key (see TipTrees), ended
    // however the scan ends (a process left running would keep Node from exiting).
    const blobs = new BlobReader(settings.root);
    try {
        return await readChanges(settings, allow, deps, blobs);
    }
    finally {
        blobs.close();
    }
}
async function readChanges(settings, allow, deps, blobs) {
    const { logger, now } = deps;
    const started = now();
    const maxSize = settings.config.scan.maxFileSize;
    // One cache of zip entries for the scan: a rebuilt jar's unchanged entries are read once.
    const limits = { ...settings.config.scan, cache: new detect/* EntryCache */.bU() };
    const keys = new Map();
    const files = new Set();
    const skipped = [];
    let bytesScanned = 0;
    let commitsScanned = 0;
    let lastProgress = started;
    const tip = settings.target.type === 'history' ? 'HEAD' : settings.target.type === 'range' ? settings.target.head : undefined;
    // A history's refs (the tips to look keys up at, and its coverage) and tag messages: listed by
    // a second git while the first one writes the log, which starts at once.
    const listing = settings.target.type === 'history' ? listRefs(settings.root) : undefined;
    listing?.catch(() => undefined); // awaited below; a failure is the scan's
    const tipTrees = new TipTrees(blobs, async () => (listing ? ['HEAD', ...tipRefs((await listing).refs)] : tip ? [tip] : []));
    // Per key, from the collector's findings: how often and where it was added, and the first place.
    const record = (m, at) => {
        const entry = at.pos?.entry;
        const found = allow.take(m, { file: at.file, line: at.pos?.line ?? 0, column: at.pos?.column ?? 0, endColumn: at.pos?.endColumn ?? 0, commit: at.commit, ...(at.source ? { source: at.source } : {}), ...(entry !== undefined ? { entry } : {}) });
        if (!found)
            return;
        if (!at.source && files.size < MAX_PRESENCE_FILES) {
            files.add(at.file);
            // Where keys are at the tips is looked at only for keys in files.
            tipTrees.start();
        }
        const state = keys.get(found.fingerprint);
        if (!state) {
            keys.set(found.fingerprint, { found, first: at, occurrences: 1, locations: [git_scan_location(at)] });
            return;
        }
        state.occurrences++;
        // git log lists newer commits first: an equal date later in the stream is the older commit.
        // Within one commit, the first file (git's path order) stays.
        if (at.authorTime < state.first.authorTime || (at.authorTime === state.first.authorTime && at.commit !== state.first.commit))
            state.first = at;
        if (state.locations.length < MAX_LOCATIONS && !state.locations.some((l) => l.commit === at.commit && l.file === at.file)) {
            state.locations.push(git_scan_location(at));
        }
    };
    const onLine = (line) => {
        if (allow.pathAllowed(line.file))
            return;
        const at = { commit: line.commit?.sha ?? null, authorTime: line.commit?.authorTime ?? 0, file: line.file };
        if (line.name) {
            for (const m of (0,detect/* detectKeys */.c8)(line.text))
                record(m, { ...at, source: 'file-name', pos: m });
            return;
        }
        const matches = (0,detect/* detectKeys */.c8)(line.text);
        const seen = new Set(matches.map((m) => m.secret.fingerprint));
        // Base64 wrapped over lines is only whole with the lines around it.
        if (line.around !== line.text)
            matches.push(...(0,detect/* detectKeys */.c8)(line.around).filter((m) => m.encoding === 'base64' && !seen.has(m.secret.fingerprint)));
        for (const m of matches)
            record(m, at);
    };
    const scanner = new DiffStreamScanner(null, maxSize);
    const binaries = [];
    // A damaged or partial clone stops git part way: keep what was read, and say what was not.
    const unreadable = [];
    const attempt = async (what, run) => {
        try {
            await run();
        }
        catch (e) {
            unreadable.push(`${what()}: ${e.message}`);
        }
    };
    // Commit messages come in the diff stream, before each commit's diff; their matches are recorded
    // after the diffs' and binaries', in stream order, so which commit counts as first stays what it
    // was when a second git read them. A commit read again after a failure (below) is taken once.
    const fromMessages = [];
    let lastMessage;
    const onMessage = ({ commit, text }) => {
        if (commit.sha === lastMessage)
            return;
        lastMessage = commit.sha;
        for (const m of (0,detect/* detectKeys */.c8)(text))
            fromMessages.push([m, { commit: commit.sha, authorTime: commit.authorTime, file: '(commit message)', source: 'commit-message', pos: m }]);
    };
    const readDiffs = async (args, large = false) => {
        const messages = new LogMessages();
        for await (const chunk of (0,git/* gitStream */.dP)(settings.root, args, { large })) {
            bytesScanned += chunk.length;
            const before = messages.commits;
            // First: it blanks the messages in the chunk, so the diff scanner reads no author's text.
            for (const m of messages.push(chunk))
                onMessage(m);
            commitsScanned += messages.commits - before;
            for (const line of scanner.push(chunk))
                onLine(line);
            binaries.push(...scanner.takeBinaries().filter((b) => !allow.pathAllowed(b.file)));
            if (now() - lastProgress >= 250) {
                lastProgress = now();
                logger.progress(`keyguard: ${commitsScanned} commits, ${(bytesScanned / 1e6).toFixed(0)} MB of diffs, ${keys.size} keys`);
            }
        }
    };
    try {
        // A whole history's log is the output worth writing in large blocks (see gitStream).
        await readDiffs(gitArgs(settings.target), settings.target.type === 'history');
    }
    catch (e) {
        if (settings.target.type === 'staged')
            unreadable.push(`the staged changes: ${e.message}`);
        // git log stops at the first object it cannot read: go on commit by commit from there (the
        // same order), and read a commit that fails again from its tree, naming the missing blobs.
        else
            commitsScanned = await readRestOneByOne(settings.root, settings.target, commitsScanned, limits, readDiffs, unreadable, (m, at) => !allow.pathAllowed(at.file) && record(m, at));
    }
    for (const line of scanner.end())
        onLine(line);
    binaries.push(...scanner.takeBinaries().filter((b) => !allow.pathAllowed(b.file)));
    for (const s of scanner.skipped) {
        if (s.file && !allow.pathAllowed(s.file))
            skipped.push({ path: s.file, reason: 'line-too-large', detail: `a line of ${s.bytes - 1} bytes added${s.commit ? ` in ${s.commit.sha.slice(0, 12)}` : ''}` });
    }
    await attempt(() => 'binary files', async () => (bytesScanned += await scanBinaries(binaries, blobs, limits, skipped, unreadable, record)));
    for (const [m, at] of fromMessages)
        record(m, at);
    const refs = await listing;
    for (const t of refs?.tags ?? []) {
        for (const m of (0,detect/* detectKeys */.c8)(t.text))
            record(m, { commit: t.peeled, authorTime: t.time, file: `(tag message: ${t.name})`, source: 'tag-message', pos: m });
    }
    bytesScanned += refs?.bytes ?? 0;
    // A branch or tag named after a key: GitHub lists ref names to anyone who can read the repository.
    // A history scan reads every ref's name; a range, the name of the ref it was pushed to.
    const named = refs?.refs ?? (settings.target.type === 'range' && settings.target.ref ? [settings.target.ref] : []);
    for (const ref of named.filter((r) => (0,detect/* mayContainKey */.FY)(r))) {
        const matches = (0,detect/* detectKeys */.c8)(ref);
        if (matches.length === 0)
            continue;
        const tipOf = settings.target.type === 'range' ? settings.target.head : ref;
        const [sha, time] = (await (0,git/* git */.$Y)(settings.root, ['log', '-1', '--format=%H %at', tipOf, '--']).catch(() => '')).trim().split(' ');
        for (const m of matches)
            record(m, { commit: sha || null, authorTime: Number(time) || 0, file: `(ref name: ${ref})`, source: 'ref-name', pos: m });
    }
    let atTips = new Map();
    await attempt(() => 'where the keys are at the ref tips', async () => {
        const found = await keysAtTips(tipTrees, [...files], new Set(keys.keys()), blobs, limits);
        atTips = found.places;
        if (found.treesLeftOut)
            logger.warning(`keyguard: ${found.treesLeftOut} ref tips with distinct trees were not checked for the keys (too many refs times files); which refs hold a key is a lower bound`);
    });
    // All at once: the blob reads for the first places go to git in one batch.
    const findings = await Promise.all([...keys.values()].map((k) => toFinding(k, atTips.get(k.found.fingerprint) ?? [], tip, blobs, logger, limits)));
    findings.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
    skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
    // git log --all reads HEAD too: a detached HEAD in a clone without refs is what was covered.
    const covered = refs && (refs.refs.length > 0 ? refs.refs : commitsScanned > 0 ? ['HEAD'] : []);
    const coverage = covered && (covered.length > 0 ? { type: 'refs', refs: covered, commits: commitsScanned } : { type: 'empty' });
    return { findings, skipped, unreadable, filesScanned: 0, bytesScanned, commitsScanned, ...(coverage ? { coverage } : {}) };
}
/** The finding of one key: placed at the scanned tip when it is there, else where first added. */
async function toFinding(k, places, tip, blobs, logger, limits) {
    const first = k.first;
    let pos = first.pos;
    if (!pos) {
        pos = await locate(blobs, first.commit, first.file, k.found.fingerprint, limits);
        if (!pos)
            logger.warning(`keyguard: could not find ${k.found.redacted} again in ${(0,printable/* printable */.g)((0,detect/* scrubSecrets */.Zg)(first.file))} at ${first.commit ?? 'the index'}; line unknown`);
    }
    // Where it was first added, when the tip still has it there; else wherever the tip has it.
    const atTip = places.find((p) => p.ref === tip && p.file === first.file) ?? places.find((p) => p.ref === tip);
    const held = places.filter((p) => p.ref !== 'HEAD' || tip !== 'HEAD').sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    const primary = atTip ?? { file: first.file, line: pos?.line ?? 0, column: pos?.column ?? 0, endColumn: pos?.endColumn ?? 0, encoding: pos?.encoding ?? 'plain', ...(pos?.entry !== undefined ? { entry: pos.entry } : {}) };
    return {
        file: primary.file,
        line: primary.line,
        column: primary.column,
        endColumn: primary.endColumn,
        commit: first.commit,
        kind: k.found.kind,
        fingerprint: k.found.fingerprint,
        redacted: k.found.redacted,
        encoding: primary.encoding,
        status: k.found.status,
        secret: k.found.secret,
        ...(primary.entry !== undefined ? { entry: primary.entry } : {}),
        ...(first.source && !atTip ? { source: first.source } : {}),
        git: {
            authorDate: first.commit ? new Date(first.authorTime * 1000).toISOString() : null,
            occurrences: k.occurrences,
            locations: k.locations,
            atHead: atTip ? { file: atTip.file, ...(atTip.entry !== undefined ? { entry: atTip.entry } : {}), line: atTip.line, column: atTip.column } : null,
            // Staged changes are in the index by definition.
            presentAtHead: tip ? atTip !== undefined : true,
            presentIn: held.slice(0, MAX_REFS).map((p) => ({ ref: p.ref, file: p.file, line: p.line })),
            refsHolding: new Set(held.map((p) => p.ref)).size,
            firstAdded: { commit: first.commit, file: first.file, ...(pos?.entry !== undefined ? { entry: pos.entry } : {}), line: pos?.line ?? 0, column: pos?.column ?? 0 },
        },
    };
}
/**
 * After git log failed part way: the commits from the one it failed on, each read on its own; a
 * commit whose diff git cannot produce is read from its changed files' new blobs, whole. Returns
 * how many commits there are (the failed one was counted twice).
 */
async function readRestOneByOne(root, target, from, limits, readDiffs, unreadable, record) {
    const revs = target.type === 'history' ? ['--all'] : [target.base ? `${target.base}..${target.head}` : target.head];
    const commits = (await (0,git/* git */.$Y)(root, ['rev-list', ...revs, '--'])).split('\n').filter(Boolean);
    for (const sha of commits.slice(Math.max(0, from - 1))) {
        try {
            await readDiffs(['log', '--no-walk', ...LOG_FLAGS, sha, '--']);
        }
        catch {
            await readFromTree(root, sha, limits, unreadable, record);
        }
    }
    return commits.length;
}
/** The new blobs of a commit's changed files, read whole; what git cannot read is named. */
async function readFromTree(root, sha, limits, unreadable, record) {
    const time = Number((await (0,git/* git */.$Y)(root, ['log', '-1', '--format=%at', sha])).trim());
    const raw = (await (0,git/* git */.$Y)(root, ['diff-tree', '-r', '-z', '--no-renames', '--root', '-m', '--first-parent', '--relative', sha])).split('\0');
    const blobs = new BlobReader(root);
    try {
        for (let i = 0; i + 1 < raw.length; i += 2) {
            const m = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([AMT])/.exec(raw[i]);
            if (!m) {
                if (/^[0-9a-f]{40,64}$/.test(raw[i]))
                    i--; // the commit id diff-tree prints first
                continue;
            }
            const file = raw[i + 1];
            const data = await blobs.read(m[1]);
            if (!data) {
                unreadable.push(`blob ${m[1]} of ${file} in ${sha.slice(0, 12)}: missing`);
                continue;
            }
            const { matches, unread } = (0,detect/* detectInFile */.df)(data, file, limits);
            for (const found of matches)
                record(found, { commit: sha, authorTime: time, file, pos: found, ...(found.source ? { source: found.source } : {}) });
            for (const why of unread)
                unreadable.push(`${file} in ${sha.slice(0, 12)}, inside: ${why}`);
        }
    }
    finally {
        blobs.close();
    }
}
/** The refs whose tips may hold keys: not the stash, not symbolic `…/HEAD` (its target is listed). */
const tipRefs = (refs) => refs.filter((r) => r !== 'refs/stash' && !r.endsWith('/HEAD'));
/** Reads the new blob of each binary change once, by its bytes; blobs over the size limit are listed as skipped. */
async function scanBinaries(changes, blobs, limits, skipped, unreadable, record) {
    const byBlob = new Map();
    for (const c of changes)
        byBlob.set(c.blob, [...(byBlob.get(c.blob) ?? []), c]);
    const ids = [...byBlob.keys()];
    const info = await blobs.info(ids);
    const toRead = [];
    ids.forEach((id, i) => {
        const uses = byBlob.get(id);
        const size = info[i]?.size;
        if (size === undefined)
            for (const c of uses)
                unreadable.push(`blob ${id} of ${c.file} in ${c.commit?.sha.slice(0, 12) ?? 'the index'}: missing`);
        else if (size > limits.maxFileSize)
            for (const c of uses)
                skipped.push({ path: c.file, reason: 'too-large', detail: `${size} bytes, binary, in ${c.commit?.sha.slice(0, 12) ?? 'the index'}` });
        else
            toRead.push({ spec: id, size, uses });
    });
    let bytes = 0;
    for await (const [{ uses }, data] of readAhead(blobs, toRead)) {
        if (!data)
            continue;
        bytes += data.length;
        const { matches, unread } = (0,detect/* detectInFile */.df)(data, uses[0].file, limits);
        for (const m of matches) {
            for (const c of uses)
                record(m, { commit: c.commit?.sha ?? null, authorTime: c.commit?.authorTime ?? 0, file: c.file, pos: m, ...(m.source ? { source: m.source } : {}) });
        }
        for (const why of unread)
            for (const c of uses)
                skipped.push({ path: c.file, reason: 'archive-entry', detail: `${why}, in ${c.commit?.sha.slice(0, 12) ?? 'the index'}` });
    }
    return bytes;
}
/** Where a key sits in a file at a commit, or in the index (the first place, if several). */
async function locate(blobs, commit, file, fingerprint, limits) {
    const blob = await blobs.read(`${commit ?? ''}:./${file}`);
    if (!blob)
        return undefined;
    return (0,detect/* detectInFile */.df)(blob, file, limits).matches.find((m) => m.secret.fingerprint === fingerprint);
}

// EXTERNAL MODULE: ./src/scan/worktree-scan.ts + 2 modules
var worktree_scan = __webpack_require__(7690);
;// CONCATENATED MODULE: ./src/scan/index.ts





const scoped = (scope, describe, open, reads) => ({
    scope,
    describe,
    reads,
    open: (r) => (r.scope?.type === scope ? open(r, r.scope) : undefined),
});
const REPOSITORY = 'a git repository';
const fromGit = (r, scope) => gitSource({ root: r.root, config: r.config, target: scope }, describeScope(scope));
/** The finding sources (see FindingSource to add one); their findings are reported in this order. */
const SOURCES = {
    worktree: scoped('worktree', () => 'working tree', (r) => (0,worktree_scan/* worktreeSource */.H)({ root: r.root, config: r.config, files: r.files, threads: 'auto' })),
    range: scoped('range', (s) => (s.base ? `commits ${s.base.slice(0, 12)}..${s.head.slice(0, 12)}` : `history of ${s.head.slice(0, 12)}`), fromGit, REPOSITORY),
    history: scoped('history', () => 'full git history', fromGit, REPOSITORY),
    staged: scoped('staged', () => 'staged changes', fromGit, REPOSITORY),
    alerts: { open: (r) => (r.alerts ? secretScanningSource(r.alerts) : undefined) },
};
/** Every registered source, for the test that runs each through its checks. */
const SOURCE_NAMES = Object.keys(SOURCES);
const SCOPES = Object.values(SOURCES).flatMap((r) => ('scope' in r ? [r] : []));
/** The scope types that select a source: the action's `scan-scope` values (besides `auto`) and the CLI's scope flags. */
const SCOPE_TYPES = SCOPES.map((r) => r.scope);
const isScopeType = (name) => SCOPE_TYPES.includes(name);
/** What a scope's PATH must be when file names will not do (`a git repository`); undefined when they will. */
const scopeReads = (type) => SCOPES.find((r) => r.scope === type)?.reads;
function describeScope(scope) {
    return SOURCES[scope.type].describe(scope);
}
/** Runs one scan: every source the request selects, through one collector; the entries call only this. */
function runScan(request, deps) {
    const sources = Object.values(SOURCES).flatMap((r) => r.open(request) ?? []);
    if (sources.length === 0)
        return Promise.resolve({ target: request.root, findings: [], skipped: [], stats: { filesScanned: 0, bytesScanned: 0, filesSkipped: 0, allowed: 0, baselined: 0, durationMs: 0 } });
    return (0,scan_collect/* collect */.F)(sources, request.root, request, deps);
}


/***/ }),

/***/ 1713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ triageFrom)
/* harmony export */ });
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(298);
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ignore__WEBPACK_IMPORTED_MODULE_0__);

function triageFrom(config, baseline = new Set()) {
    const paths = ignore__WEBPACK_IMPORTED_MODULE_0___default()().add(config.allow.paths);
    const fingerprints = new Set(config.allow.fingerprints);
    const counts = { allowed: 0, baselined: 0 };
    const verdict = (fp, inline) => (inline || fingerprints.has(fp) ? 'allowed' : baseline.has(fp) ? 'baselined' : 'report');
    return {
        // `ignore` caches every path it is asked about: skip it entirely when there are no patterns.
        pathAllowed: config.allow.paths.length === 0 ? () => false : (file) => paths.ignores(file),
        admit(fp, inline) {
            const v = verdict(fp, inline);
            if (v !== 'report')
                counts[v]++;
            return v === 'report';
        },
        counts,
    };
}


/***/ }),

/***/ 7690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ scanWorktree),
  H: () => (/* binding */ worktreeSource)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/sources/file-reader.ts
var file_reader = __webpack_require__(6280);
// EXTERNAL MODULE: ./src/sources/worktree.ts
var worktree = __webpack_require__(7821);
// EXTERNAL MODULE: ./src/scan/collect.ts
var collect = __webpack_require__(2595);
// EXTERNAL MODULE: ./src/detect/index.ts + 2 modules
var detect = __webpack_require__(1457);
// EXTERNAL MODULE: ./src/sources/walk.ts
var walk = __webpack_require__(5389);
;// CONCATENATED MODULE: ./src/scan/file-scan.ts



/** Matches ready for the trip back from a worker. */
function toWire(matches, source) {
    return matches.map(({ secret, ...m }) => ({ ...m, key: secret.reveal(), ...(source ? { source } : {}) }));
}
/**
 * Detects keys in a file's successive windows (see FileReader.readWindows), with lines and columns
 * counted from the start of the file. A window's last OVERLAP bytes are read again at the start of
 * the next one, so a match that starts there is left to the next window, where it is whole.
 */
class WindowScanner {
    #encoding = 'utf8';
    /** The file starts like an archive: its entries are read once it is whole (see scanFile). */
    archive = false;
    /** Lines before the current window, and characters of its first line that came before it. */
    #lines = 0;
    #column = 0;
    matches = [];
    push(w) {
        if (w.first) {
            this.#encoding = (0,detect/* sniffEncoding */.OB)(w.data);
            this.archive = (0,detect/* isArchive */.tc)(w.data);
        }
        const utf16 = this.#encoding === 'utf16le' || this.#encoding === 'utf16be';
        const cut = w.last ? w.data.length : w.data.length - file_reader/* OVERLAP */.sH;
        // Bytes are checked for the markers before anything is decoded (UTF-16 must be decoded first).
        if (utf16 || (0,detect/* mayContainKey */.FY)(w.data)) {
            const head = (0,detect/* decodeBytes */.yj)(w.data.subarray(0, cut), this.#encoding, w.first);
            const text = w.last ? head : head + (0,detect/* decodeBytes */.yj)(w.data.subarray(cut), this.#encoding, false);
            if (!utf16 || (0,detect/* mayContainKey */.FY)(text)) {
                for (const { secret, ...m } of (0,detect/* detectKeys */.c8)(text)) {
                    if (m.offset >= head.length)
                        continue;
                    const shifted = m.line === 1 ? { column: m.column + this.#column, endColumn: m.endColumn + this.#column } : {};
                    this.matches.push({ ...m, ...shifted, line: m.line + this.#lines, key: secret.reveal() });
                }
            }
            if (!w.last && utf16)
                this.#advance(head);
            if (this.#encoding === 'binary')
                this.#unmarkedUtf16(w, cut);
        }
        if (!w.last && !utf16) {
            // Lines are counted on the bytes; only the part of the last line is decoded, for its width.
            const bytes = w.data.subarray(0, cut);
            const lastNl = bytes.lastIndexOf(0x0a);
            this.#lines += (0,detect/* countNewlines */.Dn)(bytes);
            const tail = (0,detect/* decodeBytes */.yj)(bytes.subarray(lastNl + 1), this.#encoding, false).length;
            this.#column = lastNl === -1 ? this.#column + tail : tail;
        }
    }
    /** Keys in a binary window that holds the marker in UTF-16 without a byte-order mark (see unmarkedUtf16). */
    #unmarkedUtf16(w, cut) {
        const encoding = (0,detect/* unmarkedUtf16 */.o9)(w.data);
        if (!encoding)
            return;
        // Windows start at even offsets (WINDOW and OVERLAP are), so the parity is the file's.
        for (const { secret, ...m } of (0,detect/* detectKeys */.c8)((0,detect/* decodeBytes */.yj)(w.data, encoding, false))) {
            if (!w.last && m.offset * 2 >= cut)
                continue;
            this.matches.push({ ...m, line: m.line + this.#lines, key: secret.reveal() });
        }
    }
    #advance(head) {
        const lastNl = head.lastIndexOf('\n');
        for (let i = head.indexOf('\n'); i !== -1; i = head.indexOf('\n', i + 1))
            this.#lines++;
        this.#column = lastNl === -1 ? this.#column + head.length : head.length - lastNl - 1;
    }
}
/**
 * Reads one file window by window; only windows the prefilter passes are decoded and searched. An
 * archive (at most the size limit, as every file) is then read whole, for its entries.
 */
function scanFile(reader, rel, archiveDepth = detect/* ARCHIVE_DEPTH */.vq) {
    const scanner = new WindowScanner();
    const read = reader.readWindows(rel, (w) => scanner.push(w));
    if (read.kind !== 'file')
        return [read];
    if (scanner.archive && archiveDepth > 0) {
        const whole = reader.read(rel, { binary: true });
        return whole.kind === 'file' ? scanArchive(rel, whole.data, { maxFileSize: reader.maxFileSize, archiveDepth }) : [whole];
    }
    return [{ kind: 'scanned', path: rel, bytes: read.bytes, matches: scanner.matches }];
}
/** The keys in an archive's bytes and its entries', and an outcome for each entry that could not be read. */
function scanArchive(rel, data, limits) {
    const { matches, unread } = (0,detect/* detectInFile */.df)(data, rel, limits);
    return [
        { kind: 'scanned', path: rel, bytes: data.length, matches: toWire(matches) },
        ...unread.map((detail) => ({ kind: 'skipped', path: rel, reason: 'archive-entry', detail })),
    ];
}
/** The least room left in a pack worth a read: a larger file is read on its own more often than not. */
const MIN_ROOM = 256 << 10;
/**
 * Scans a batch of paths. Small files are read back to back into one buffer, a newline after each
 * (no literal spans two files), and the buffer is searched once per prefilter literal: searching
 * each file on its own cost a native call per literal and file, a third of a 20,000-file scan.
 * Only the files a literal hits, and UTF-16 ones (their bytes never hold the ASCII literals), are
 * scanned whole; a file that does not fit is read window by window on its own.
 */
function scanBatch(reader, paths, archiveDepth = detect/* ARCHIVE_DEPTH */.vq) {
    let filesScanned = 0;
    let bytesScanned = 0;
    const notable = [];
    const pack = reader.pack;
    const packed = [];
    // Git lists a submodule or a nested repository as one path: its files are walked after the batch.
    const directories = [];
    let used = 0;
    const take = (o) => {
        if (o.kind === 'gone')
            return;
        if (o.kind === 'scanned') {
            filesScanned++;
            bytesScanned += o.bytes;
            if (o.matches.length === 0)
                return;
        }
        notable.push(o);
    };
    // Keys in text that is not a file's content: a symlink's target, a file's name.
    const found = (path, text, source) => {
        const matches = (0,detect/* mayContainKey */.FY)(text) ? toWire((0,detect/* detectKeys */.c8)(text), source) : [];
        if (matches.length > 0)
            notable.push({ kind: 'scanned', path, bytes: 0, matches });
    };
    // A file named after a key is a leak of its own: one search of the batch's names, most find nothing.
    if ((0,detect/* mayContainKey */.FY)(paths.join('\n')))
        for (const rel of paths)
            found(rel, rel, 'file-name');
    const flush = () => {
        for (const i of filesHit(pack, used, packed, archiveDepth > 0)) {
            const { path, start, end } = packed[i];
            if (archiveDepth > 0 && (0,detect/* isArchive */.tc)(pack, start, end)) {
                const [scanned, ...unread] = scanArchive(path, pack.subarray(start, end), { maxFileSize: reader.maxFileSize, archiveDepth });
                if (scanned?.kind === 'scanned' && scanned.matches.length > 0)
                    notable.push(scanned);
                for (const o of unread)
                    take(o);
                continue;
            }
            const scanner = new WindowScanner();
            scanner.push({ data: pack.subarray(start, end), first: true, last: true });
            if (scanner.matches.length > 0)
                notable.push({ kind: 'scanned', path, bytes: end - start, matches: scanner.matches });
        }
        for (const p of packed)
            bytesScanned += p.end - p.start;
        filesScanned += packed.length;
        packed.length = 0;
        used = 0;
    };
    for (const rel of paths) {
        if (file_reader/* PACK */.YT - used < MIN_ROOM)
            flush();
        const read = reader.readInto(rel, pack, used, file_reader/* PACK */.YT - used - 1);
        if (read.kind === 'fits') {
            packed.push({ path: rel, start: used, end: used + read.bytes });
            used += read.bytes;
            pack[used++] = 0x0a;
        }
        else if (read.kind === 'too-big') {
            for (const o of scanFile(reader, rel, archiveDepth))
                take(o);
        }
        else if (read.kind === 'skipped' && read.detail === file_reader/* DIRECTORY */.Md) {
            directories.push(rel.replace(/\/$/, '')); // an untracked repository is listed as `dir/`
        }
        else {
            take(read);
            // A symlink is not followed, but its target is text git commits as the link's content.
            if (read.kind === 'skipped' && read.reason === 'symlink') {
                const target = reader.linkTarget(rel);
                if (target !== undefined)
                    found(rel, target);
            }
        }
    }
    flush();
    for (const dir of directories) {
        try {
            for (const files of (0,walk/* walk */.G)(`${reader.root}/${dir}`)) {
                const more = scanBatch(reader, files.map((f) => `${dir}/${f}`), archiveDepth);
                filesScanned += more.filesScanned;
                bytesScanned += more.bytesScanned;
                notable.push(...more.notable);
            }
        }
        catch (e) {
            take({ kind: 'skipped', path: dir, reason: 'unreadable', detail: e.code ?? String(e) });
        }
    }
    return { filesScanned, bytesScanned, notable };
}
/**
 * Indices of the packed files that a prefilter literal hits, or that start with a UTF-16
 * byte-order mark or, when `archives` are read, like an archive. Past a hit the search goes on from the next file: a file full of markers costs
 * one hit per literal.
 */
function filesHit(pack, used, packed, archives) {
    const hit = new Set();
    packed.forEach((p, i) => {
        if ((0,detect/* utf16Mark */.QB)(pack, p.start) || (archives && (0,detect/* isArchive */.tc)(pack, p.start, p.end)))
            hit.add(i);
    });
    const data = pack.subarray(0, used);
    for (const literal of detect/* LITERAL_SEARCHES */.l0) {
        let file = 0;
        for (let at = literal.indexIn(data); at !== -1;) {
            while (packed[file].end <= at)
                file++;
            hit.add(file);
            at = literal.indexIn(data, packed[file].end);
        }
    }
    return hit;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/scan/pool.ts


/** Paths per message, and messages queued per worker: enough that workers never wait on this thread. */
const BATCH = 256;
const DEPTH = 2;
/**
 * The worker's bundle, which `npm run bundle` writes beside each entry bundle; run from source
 * (Node 24 strips types), the worker's own module. Named through joins so ncc's asset relocator
 * leaves them alone (it would copy the TypeScript source into dist/).
 */
function workerUrl(base = import.meta.url) {
    const bundled = new URL(['.', 'scan-worker.js'].join('/'), base);
    return (0,external_node_fs_.existsSync)((0,external_node_url_.fileURLToPath)(bundled)) ? bundled : new URL(['.', 'worker.ts'].join('/'), base);
}
/**
 * Scans paths on `workers` worker threads and on this one: a batch goes to the least busy worker
 * while one has room, else this thread scans it itself (`local`) and lets the workers' replies in.
 * On two cores a worker beside this thread beat two workers with this one waiting: a worker takes
 * tens of milliseconds to start, which this thread spends scanning. Each batch's result goes to
 * `onBatch` on this thread. Listing runs ahead by at most DEPTH batches per worker, so memory stays
 * flat on any tree.
 */
async function scanInPool(paths, workers, init, local, onBatch) {
    // Loaded here, not with the module: history, range and small-tree scans never start a worker.
    const { Worker } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 5919, 23));
    const lanes = Array.from({ length: workers }, () => {
        const lane = { worker: new Worker(workerUrl(), { workerData: init }), pending: [] };
        lane.worker.on('message', (out) => lane.pending.shift()?.resolve(out));
        lane.worker.on('error', (e) => lane.pending.splice(0).forEach((p) => p.reject(e)));
        return lane;
    });
    const inflight = new Set();
    const dispatch = async (batch) => {
        const lane = lanes.reduce((a, b) => (!a || b.pending.length < a.pending.length ? b : a), undefined);
        if (!lane || lane.pending.length >= DEPTH) {
            onBatch(local(batch));
            // A macrotask turn: the workers' replies (message events) are taken only between tasks.
            await new Promise((resolve) => setImmediate(resolve));
            return;
        }
        const reply = new Promise((resolve, reject) => lane.pending.push({ resolve, reject }));
        lane.worker.postMessage(batch);
        const done = reply.then(onBatch);
        inflight.add(done);
        void done.then(() => inflight.delete(done), () => undefined);
    };
    try {
        let batch = [];
        for await (const listed of paths) {
            for (const rel of listed) {
                batch.push(rel);
                if (batch.length < BATCH)
                    continue;
                await dispatch(batch);
                batch = [];
            }
        }
        if (batch.length)
            await dispatch(batch);
        await Promise.all(inflight);
    }
    finally {
        await Promise.all(lanes.map((l) => l.worker.terminate()));
    }
}

;// CONCATENATED MODULE: ./src/scan/worktree-scan.ts






const PROGRESS_EVERY_MS = 250;
/** Scans the working tree under `settings.root`. */
function scanWorktree(settings, deps) {
    return (0,collect/* collect */.F)(worktreeSource(settings), settings.root, settings, deps);
}
/** The files of the working tree as they are (or the files given), read on worker threads when there are many. */
function worktreeSource(settings) {
    return { scan: (collector, deps) => scanTree(settings, collector, deps) };
}
async function scanTree(settings, collector, deps) {
    const { logger, now } = deps;
    const started = now();
    const findings = [];
    const skipped = [];
    let filesScanned = 0;
    let bytesScanned = 0;
    // Progress from the first batch: a terminal shows the scan started, and erases it before the report.
    let lastProgress = started - PROGRESS_EVERY_MS;
    // Workers send back only the files with matches: the collector runs here, over those few.
    const onBatch = (batch) => {
        filesScanned += batch.filesScanned;
        bytesScanned += batch.bytesScanned;
        for (const o of batch.notable) {
            if (o.kind === 'skipped') {
                // Files walked inside a submodule were not filtered by allow.paths before they were read.
                if (collector.pathAllowed(o.path))
                    continue;
                skipped.push({ path: o.path, reason: o.reason, ...(o.detail ? { detail: o.detail } : {}) });
                continue;
            }
            for (const { key, ...m } of o.matches) {
                const found = collector.take({ ...m, secret: key }, { file: o.path, line: m.line, column: m.column, endColumn: m.endColumn, commit: null, ...(m.entry !== undefined ? { entry: m.entry } : {}), ...(m.source ? { source: m.source } : {}) });
                if (found)
                    findings.push(found);
            }
        }
        if (now() - lastProgress >= PROGRESS_EVERY_MS) {
            lastProgress = now();
            logger.progress(`keyguard: ${filesScanned} files, ${(bytesScanned / 1e6).toFixed(1)} MB, ${findings.length} findings`);
        }
    };
    const listed = filterAllowed(settings.files ? given(settings.files) : (0,worktree/* listWorktree */.S)(settings.root), (rel) => collector.pathAllowed(rel));
    const threads = settings.threads === 'auto' ? Math.min((0,external_node_os_.availableParallelism)(), 8) : (settings.threads ?? 0);
    // Starting worker threads costs more than a small tree takes to scan: the listing decides.
    const { head, rest } = await peek(listed, threads > 1 ? MAIN_THREAD_FILES : Infinity);
    const reader = new file_reader/* FileReader */.qg(settings.root, settings.config.scan.maxFileSize);
    const { maxFileSize, archiveDepth } = settings.config.scan;
    const local = (batch) => scanBatch(reader, batch, archiveDepth);
    if (rest)
        await scanInPool(rest, threads - 1, { root: settings.root, maxFileSize, archiveDepth }, local, onBatch);
    else
        for (let i = 0; i < head.length; i += BATCH)
            onBatch(local(head.slice(i, i + BATCH)));
    // By file, then by entry inside an archive, then by place.
    const path = (f) => (f.entry === undefined ? [f.file] : [f.file, f.entry]);
    findings.sort((a, b) => compareArrays(path(a), path(b)) || a.line - b.line || a.column - b.column);
    skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
    return { findings, skipped, filesScanned, bytesScanned, threads: rest ? threads : 0 };
}
function compareArrays(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++)
        if (a[i] !== b[i])
            return a[i] < b[i] ? -1 : 1;
    return a.length - b.length;
}
/** Trees of fewer files than this are scanned on the main thread. */
const MAIN_THREAD_FILES = 4096;
/**
 * Lists up to `limit` paths. A listing that ends there comes back whole (`head`); a longer one
 * comes back as `rest`, the same listing from its start, for the worker pool.
 */
async function peek(listed, limit) {
    const it = listed[Symbol.asyncIterator]();
    const head = [];
    while (head.length < limit) {
        const next = await it.next();
        if (next.done)
            return { head };
        head.push(...next.value);
    }
    return {
        head,
        rest: (async function* () {
            yield head;
            for (let next = await it.next(); !next.done; next = await it.next())
                yield next.value;
        })(),
    };
}
async function* given(files) {
    yield [...files];
}
async function* filterAllowed(batches, allowed) {
    for await (const batch of batches)
        yield batch.filter((p) => !allowed(p));
}


/***/ }),

/***/ 8750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sm: () => (/* binding */ resolveScanOptions),
/* harmony export */   UA: () => (/* binding */ resolveRespondOptions),
/* harmony export */   h5: () => (/* binding */ resolveTargets),
/* harmony export */   j2: () => (/* binding */ responds)
/* harmony export */ });
/* unused harmony export parseRange */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2973);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3916);
/* harmony import */ var _scan_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8042);
/* harmony import */ var _sources_git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8022);
/* harmony import */ var _text_byte_size_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2703);







/** `A..B`, `A..` (up to HEAD), `..B`, or `A...B` (from the merge base of A and B to B); the two ends of a range. */
function parseRange(text, name) {
    const m = /^([^.\s](?:[^\s]*?[^.\s])?)?(\.\.\.?)([^.\s][^\s]*)?$/.exec(text.trim());
    if (!m || (!m[1] && !m[3]) || (m[2] === '...' && !m[1]))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name}: expected a commit range such as main..HEAD, abc123..def456 or main...feature, got "${text}"`);
    return { base: m[1], head: m[3] ?? 'HEAD', mergeBase: m[2] === '...' };
}
/** As git reads `A...B` for a pull request: what B adds since it branched from A. */
async function rangeBase(root, range, name) {
    if (!range.mergeBase)
        return range.base;
    try {
        return (await (0,_sources_git_js__WEBPACK_IMPORTED_MODULE_4__/* .git */ .$Y)(root, ['merge-base', range.base, range.head])).trim();
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name}: ${range.base} and ${range.head} have no merge base in ${root} (is each a commit, and the clone deep enough?)`);
    }
}
/**
 * PATH arguments: one directory, or file names (pre-commit frameworks pass the files to check),
 * which are scanned from the current directory.
 */
async function resolveTargets(paths, cwd) {
    const given = paths.length ? paths : ['.'];
    const found = await Promise.all(given.map(async (p) => ({ p, st: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, p)).catch(() => undefined) })));
    const missing = found.find((f) => !f.st);
    if (missing)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`PATH ${missing.p} does not exist`);
    const dir = found.find((f) => f.st.isDirectory());
    if (!dir)
        return { root: cwd, files: given.map((p) => node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(cwd, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, p)).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/')) };
    if (given.length > 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`PATH ${dir.p} is a directory: give one directory, or only file names`);
    return { root: node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, dir.p), files: undefined };
}
const oneOf = (...values) => (v) => values.includes(v) ? v : undefined;
// Checked by hand, not with zod: a plain scan loads no schema library (src/config.ts).
const fields = {
    'fail-on': { parse: oneOf('none', 'any'), fallback: 'any', expected: 'one of none, any' },
    // A bare number from a flag or an input was meant in MB more often than in bytes: a unit is required.
    'max-file-size': {
        parse: (v) => {
            const bytes = /[a-z]\s*$/i.test(v) ? (0,_text_byte_size_js__WEBPACK_IMPORTED_MODULE_5__/* .parseByteSize */ .n)(v) : undefined;
            return bytes !== undefined && bytes > 0 ? bytes : undefined;
        },
        fallback: undefined,
        expected: 'a size with a unit, at least one byte, such as 500KB or 10MiB',
    },
    // The registered scope types, so a new finding source is a scan-scope value without an edit here.
    'scan-scope': { parse: oneOf('auto', ..._scan_index_js__WEBPACK_IMPORTED_MODULE_3__/* .SCOPE_TYPES */ .$h), fallback: 'worktree', expected: `one of ${['auto', ..._scan_index_js__WEBPACK_IMPORTED_MODULE_3__/* .SCOPE_TYPES */ .$h].join(', ')}` },
};
/** Validates one raw option; the error names it the way the user wrote it (`--fail-on`, input `fail-on`). */
function field(raw, key, name) {
    const value = raw[key]?.trim() || undefined;
    if (value === undefined)
        return fields[key].fallback;
    const parsed = fields[key].parse(value);
    if (parsed !== undefined)
        return parsed;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name(key)}: expected ${fields[key].expected}, got "${value}"`);
}
async function resolveScanOptions(raw, name, cwd = process.cwd()) {
    const failOn = field(raw, 'fail-on', name);
    const maxFileSize = field(raw, 'max-file-size', name);
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, raw.path?.trim() || '.');
    const { config, file } = await (0,_config_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z9)(root, raw.config?.trim() ? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, raw.config.trim()) : undefined);
    const scopeName = field(raw, 'scan-scope', name);
    const range = scopeName === 'range' && raw.range?.trim() ? parseRange(raw.range, name('range')) : undefined;
    const scope = scopeName === 'auto' || (scopeName === 'range' && !range)
        ? { type: 'event' }
        : range
            ? { type: 'range', base: await rangeBase(root, range, name('range')), head: range.head }
            : { type: scopeName };
    const writeBaseline = raw['write-baseline']?.trim() || undefined;
    // The baseline: the flag or input wins; else `baseline:` in the config, relative to that file.
    const baselinePath = raw.baseline?.trim() ? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, raw.baseline.trim()) : config.baseline && file ? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), config.baseline) : undefined;
    const baselineShown = raw.baseline?.trim() || config.baseline;
    // Writing a baseline records everything found today, so an older baseline must not hide keys.
    const baseline = baselinePath && !writeBaseline ? await (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(758)]).then(__webpack_require__.bind(__webpack_require__, 6758))).readBaseline(baselinePath, baselineShown) : undefined;
    return {
        root,
        output: raw.output?.trim() || undefined,
        failOn,
        config: maxFileSize === undefined ? config : { ...config, scan: { ...config.scan, maxFileSize } },
        configFile: file,
        scope,
        baseline,
        baselineFile: baselinePath,
        maxFileSizeInput: maxFileSize,
        writeBaseline,
    };
}
/** Whether the options ask for any leak response at all (else the scan is all there is). */
const responds = (o) => o.verify || o.adminKey !== undefined || o.inventoryFile !== undefined || o.issues !== null || o.alerts != null;
const bool = (raw, name, fallback) => {
    const v = raw?.trim().toLowerCase();
    if (!v)
        return fallback;
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name}: expected true or false, got "${raw}"`);
};
const list = (raw) => raw
    ?.split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
/**
 * Validates leak-response options. Combinations that cannot work fail here, with one message:
 * revocation without an admin key, issues without a token or repository.
 */
function resolveRespondOptions(raw, name, secrets, config, defaults) {
    const revoke = (raw.revoke?.trim() || 'off');
    if (revoke === 'all') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name('revoke', 'all')} was removed: it revoked keys that were not proven live or to be this organization's (a made-up key ending like a real one got the real one deleted). Use ${name('revoke', 'live')}: keyguard revokes a key only when it is live and proven to be one exact record of the organization.`);
    }
    if (!['off', 'live'].includes(revoke))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name('revoke')}: expected one of off, live, got "${raw.revoke}"`);
    const verify = bool(raw.verify, name('verify'), defaults.verify);
    const dryRun = bool(raw['dry-run'], name('dry-run'), false);
    const wantIssues = bool(raw.issues, name('issues'), false);
    if (revoke !== 'off' && !secrets.adminKey) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name('revoke', revoke)} needs an OpenAI admin key (${name('openai-admin-key')}): revocation goes through the organization API`);
    }
    if (revoke === 'live' && !verify)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name('revoke', 'live')} needs ${name('verify', 'true')}: only keys found live are revoked`);
    if (dryRun && revoke === 'off')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name('dry-run', 'true')} needs ${name('revoke', 'live')}: without revocation there is nothing to rehearse`);
    let issues = null;
    if (wantIssues) {
        const repository = raw['issue-repository']?.trim() || secrets.repository;
        if (!repository || !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name('issue-repository')}: expected owner/name, got "${repository ?? ''}"`);
        if (!secrets.githubToken)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name('issues', 'true')} needs a GitHub token with issues: write (${name('github-token')})`);
        const mention = raw['issue-mention']?.trim() || config.issues.mention;
        if (mention && !/^@[A-Za-z0-9-]+(\/[A-Za-z0-9._-]+)?$/.test(mention))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name('issue-mention')}: expected @user or @org/team, got "${mention}"`);
        const max = raw['max-issues']?.trim() ? Number(raw['max-issues']) : config.issues.maxPerRun;
        if (!Number.isInteger(max) || max < 1 || max > 100)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name('max-issues')}: expected a whole number from 1 to 100, got "${raw['max-issues']}"`);
        issues = {
            repository,
            token: secrets.githubToken,
            labels: list(raw['issue-labels']) ?? config.issues.labels,
            assignees: list(raw['issue-assignees']) ?? config.issues.assignees,
            mention,
            maxNew: max,
        };
    }
    let alerts = null;
    if (bool(raw['secret-scanning-alerts'], name('secret-scanning-alerts'), false)) {
        const repository = secrets.repository;
        if (!repository || !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name('secret-scanning-alerts', 'true')} needs the repository (GITHUB_REPOSITORY), got "${repository ?? ''}"`);
        if (!secrets.githubToken)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${name('secret-scanning-alerts', 'true')} needs a GitHub token with the secret scanning alerts permission (${name('github-token')})`);
        alerts = { repository, token: secrets.githubToken };
    }
    return { verify, revoke, dryRun, adminKey: secrets.adminKey, openaiBaseUrl: raw['openai-base-url']?.trim() || undefined, issues, alerts };
}


/***/ }),

/***/ 6280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Md: () => (/* binding */ DIRECTORY),
/* harmony export */   YT: () => (/* binding */ PACK),
/* harmony export */   qg: () => (/* binding */ FileReader),
/* harmony export */   sH: () => (/* binding */ OVERLAP)
/* harmony export */ });
/* unused harmony export WINDOW */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _detect_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1457);
/* harmony import */ var _text_file_name_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9633);




/** Bytes scanned at a time in a large file, and how much of each window the next one reads again. */
const WINDOW = 8 << 20;
const OVERLAP = 64 << 10;
/**
 * Bytes of small files read back to back (`readInto`) before they are searched. Seven searches of
 * a pack stay in the cache at 1 MiB: 4 MiB packs took 5% longer on 20,000 files, 64 KiB ones 10%
 * (more calls).
 */
const PACK = 1 << 20;
/**
 * Reads listed files synchronously into one reused buffer. Measured on 20,000 cached files: about
 * 3x faster than fs.promises.readFile (no thread-pool round trips, no allocation per file), which
 * is most of a scan's time. The returned `data` is a view that is valid until the next `read`.
 *
 * Symlinks are never followed (a link could lead out of the root, and a link inside it points at a
 * file scanned on its own). Binary means a NUL in the first 8 KiB.
 */
class FileReader {
    #scratch = Buffer.allocUnsafe(256 << 10);
    #window;
    #pack;
    root;
    maxFileSize;
    constructor(root, maxFileSize) {
        this.root = root;
        this.maxFileSize = maxFileSize;
    }
    /** A whole file, up to the size limit; a binary one is skipped unless `binary` (an archive is read for its entries). */
    read(rel, { binary = false } = {}) {
        return withListed(this.root, rel, (fd) => {
            // Read to EOF without an fstat first (one syscall less per file); stat only what is too large.
            let n = 0;
            for (;;) {
                if (n === this.#scratch.length) {
                    if (n > this.maxFileSize)
                        return { kind: 'skipped', path: rel, reason: 'too-large', detail: `${(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).size} bytes` };
                    const grown = Buffer.allocUnsafe(Math.min(n * 2, this.maxFileSize + 1));
                    this.#scratch.copy(grown, 0, 0, n);
                    this.#scratch = grown;
                }
                const got = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, this.#scratch, n, this.#scratch.length - n, null);
                if (got === 0)
                    break;
                n += got;
            }
            if (n > this.maxFileSize)
                return { kind: 'skipped', path: rel, reason: 'too-large', detail: `${(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).size} bytes` };
            const data = this.#scratch.subarray(0, n);
            if (!binary && data.subarray(0, _detect_index_js__WEBPACK_IMPORTED_MODULE_2__/* .BINARY_SNIFF */ .P4).includes(0))
                return { kind: 'skipped', path: rel, reason: 'binary' };
            return { kind: 'file', path: rel, data };
        });
    }
    /** What a symlink points at, as git would commit it (its content); undefined when it is gone or not a link. */
    linkTarget(rel) {
        try {
            return (0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeFileName */ .qL)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(under(this.root, rel), { encoding: 'buffer' }));
        }
        catch {
            return undefined;
        }
    }
    /** The buffer small files are packed into, PACK bytes, reused. */
    get pack() {
        return (this.#pack ??= Buffer.allocUnsafe(PACK));
    }
    /**
     * Reads a whole file into `buf` from `at`, using at most `room` bytes: `fits` with its length,
     * `too-big` when it holds more than `room` bytes (nothing else is to be trusted in `buf` then),
     * or why it was not read. Many small files read back to back into one buffer are searched with
     * one call per literal instead of one per file (src/scan/file-scan.ts).
     */
    readInto(rel, buf, at, room) {
        // A file over the size limit comes back too big, and its own read reports it as too large.
        room = Math.min(room, this.maxFileSize + 1);
        return withListed(this.root, rel, (fd) => {
            let n = 0;
            for (;;) {
                const got = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, at + n, room - n, null);
                if (got === 0)
                    break;
                n += got;
                // Full: one byte more says whether the file goes on (to a window read of its own).
                if (n === room)
                    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, this.#scratch, 0, 1, null) === 0 ? { kind: 'fits', bytes: n } : { kind: 'too-big' };
            }
            return { kind: 'fits', bytes: n };
        });
    }
    /**
     * Reads a file in windows of WINDOW bytes, each starting with the last OVERLAP bytes of the one
     * before, into one buffer allocated once: memory stays the same whatever the file's size.
     * The outcome is what `read` gives, without the data (and no file is skipped as binary).
     */
    readWindows(rel, onWindow) {
        const buf = (this.#window ??= Buffer.allocUnsafe(WINDOW + OVERLAP));
        return withListed(this.root, rel, (fd) => {
            let total = 0;
            let filled = 0;
            let first = true;
            for (;;) {
                let eof = false;
                while (filled < buf.length) {
                    const got = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, filled, buf.length - filled, null);
                    if (got === 0) {
                        eof = true;
                        break;
                    }
                    filled += got;
                    total += got;
                }
                if (total > this.maxFileSize)
                    return { kind: 'skipped', path: rel, reason: 'too-large', detail: `${(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).size} bytes` };
                if (eof || filled < buf.length) {
                    onWindow({ data: buf.subarray(0, filled), first, last: true });
                    return { kind: 'file', path: rel, bytes: total };
                }
                onWindow({ data: buf, first, last: false });
                first = false;
                buf.copyWithin(0, buf.length - OVERLAP);
                filled = OVERLAP;
            }
        });
    }
}
/** The detail of a listed path that is a directory. */
const DIRECTORY = 'a directory';
/**
 * `root/rel` without path.join's normalising, which cost about as much as the open itself on a
 * tree of small files. A path that climbs (`..`) or is absolute is joined as before: the kernel
 * would resolve `link/..` through the link, path.join does not.
 */
function under(root, rel) {
    return (0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_3__/* .fileNameBytes */ .fo)(rel.startsWith('/') || rel.startsWith('..') || rel.includes('/..') || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel) ? node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, rel) : `${root}${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}${rel}`);
}
/** Opens a listed path without following a symlink; why it cannot be read otherwise. */
function openListed(root, rel) {
    try {
        // O_NONBLOCK: a FIFO in the tree must not hang the scan; it changes nothing for files.
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(under(root, rel), node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (e) {
        const code = e.code;
        // Listed by git but deleted in the work tree: nothing to scan.
        if (code === 'ENOENT')
            return { kind: 'gone', path: rel };
        if (code === 'ELOOP')
            return { kind: 'skipped', path: rel, reason: 'symlink' };
        return { kind: 'skipped', path: rel, reason: 'unreadable', detail: code ?? String(e) };
    }
}
/** Runs `body` on a listed path's open file, and closes it; why the path could not be read otherwise. */
function withListed(root, rel, body) {
    const fd = openListed(root, rel);
    if (typeof fd !== 'number')
        return fd;
    try {
        return body(fd);
    }
    catch (e) {
        return readFailed(rel, e);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function readFailed(rel, e) {
    const code = e.code;
    // A directory (a submodule or a nested repository, which git lists as one path; see scanBatch).
    if (code === 'EISDIR')
        return { kind: 'skipped', path: rel, reason: 'not-a-file', detail: DIRECTORY };
    // A device: not a file to scan.
    if (code === 'EAGAIN' || code === 'EINVAL')
        return { kind: 'skipped', path: rel, reason: 'not-a-file' };
    return { kind: 'skipped', path: rel, reason: 'unreadable', detail: code ?? String(e) };
}


/***/ }),

/***/ 8022:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ git),
/* harmony export */   M8: () => (/* binding */ gitWorkTree),
/* harmony export */   Qo: () => (/* binding */ headCommit),
/* harmony export */   dP: () => (/* binding */ gitStream),
/* harmony export */   oB: () => (/* binding */ gitTopLevel),
/* harmony export */   sk: () => (/* binding */ nulSeparated)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _text_file_name_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9633);




/** Runs git and returns its stdout; a non-zero exit becomes an error naming the command and stderr. */
async function git(cwd, args) {
    const chunks = [];
    for await (const chunk of gitStream(cwd, args))
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}
/**
 * Streams git's stdout; throws after the stream ends when git failed. `large`: output of many
 * megabytes (a whole history's log), written in 64 KB blocks where the system can (see stdbuf).
 */
async function* gitStream(cwd, args, options = {}) {
    // git log flushes after every commit when stdout is a pipe: tens of thousands of tiny writes
    // that stall git on the pipe and wake Node for each. GIT_FLUSH=0 lets stdio buffer fill.
    const through = options.large ? stdbuf() : undefined;
    const [command, argv] = through ? [through, ['-o', '64K', 'git', ...args]] : ['git', args];
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_FLUSH: '0' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    const exit = new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('close', (code) => resolve(code ?? 1));
    });
    let wrote = false;
    try {
        for await (const chunk of child.stdout) {
            wrote = true;
            yield chunk;
        }
    }
    finally {
        if (child.exitCode === null)
            child.kill();
    }
    const code = await exit;
    // 125-127: stdbuf itself failed (its library missing, say), not git: without it from now on.
    if (through && !wrote && code >= 125 && code <= 127) {
        found = null;
        yield* gitStream(cwd, args);
        return;
    }
    if (code !== 0)
        throw new Error(`git ${args[0]} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`);
}
let found;
/**
 * GNU coreutils' `stdbuf` (absolute path), when on PATH on Linux. stdio buffers a pipe in 4 KB
 * writes, each waking the reader: a 20,000-commit log took 0.85 s to read against 0.79 s to
 * /dev/null; in 64 KB writes (stdbuf sets git's stdout buffer) 0.79 s, 320 reads instead of 5,000.
 * Elsewhere (macOS, Windows, no coreutils) git runs as it is.
 */
function stdbuf() {
    if (found === undefined) {
        found = null;
        // Only absolute PATH entries: a relative one would run whatever the scanned folder holds.
        const dirs = process.platform === 'linux' ? (process.env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_2___default().delimiter)).filter((d) => node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(d)) : [];
        for (const dir of dirs) {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'stdbuf'), node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
                found = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'stdbuf');
                break;
            }
            catch {
                // not in this one
            }
        }
    }
    return found ?? undefined;
}
/**
 * Splits a NUL-separated stream into its entries, a batch per chunk read. Entries that are not
 * UTF-8 keep their bytes (decodeFileName): a path git lists must name the same file when opened.
 */
async function* nulSeparated(stream) {
    let rest = Buffer.alloc(0);
    for await (const chunk of stream) {
        // Split on bytes, not after decoding: a chunk may end inside a multi-byte character.
        const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
        const end = buf.lastIndexOf(0);
        if (end === -1) {
            rest = buf;
            continue;
        }
        const text = buf.toString('utf8', 0, end);
        yield text.includes('\uFFFD') ? splitNames(buf, end) : text.split('\0');
        rest = buf.subarray(end + 1);
    }
    if (rest.length)
        yield [(0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeFileName */ .qL)(rest)];
}
/** The NUL-separated entries of `buf` up to `end`, each decoded as a file name (see decodeFileName). */
function splitNames(buf, end) {
    const names = [];
    for (let start = 0;;) {
        const nul = buf.indexOf(0, start);
        const stop = nul === -1 || nul > end ? end : nul;
        names.push((0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeFileName */ .qL)(buf, start, stop));
        if (stop === end)
            return names;
        start = stop + 1;
    }
}
/** The commit HEAD names, or undefined (a repository without commits, or none at all). */
async function headCommit(root) {
    return (await git(root, ['rev-parse', 'HEAD']).catch(() => '')).trim() || undefined;
}
/** The top of the work tree holding `dir`, or undefined when it is not in a git repository. */
async function gitTopLevel(dir) {
    return (await gitWorkTree(dir))?.top;
}
/**
 * The top of the work tree holding `dir` and whether the clone is shallow, from one git (each
 * start is a few milliseconds of a scan's fixed cost); undefined when it is not in a git repository.
 */
async function gitWorkTree(dir) {
    try {
        const [top, shallow] = (await git(dir, ['rev-parse', '--show-toplevel', '--is-shallow-repository'])).split('\n');
        return top ? { top, shallow: shallow === 'true' } : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 5389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ walk)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(298);
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(ignore__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _text_file_name_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9633);




/**
 * A directory's entries. Node decodes names as UTF-8, a byte that is not becoming U+FFFD: such a
 * directory is read again as bytes, and its names kept exact (decodeFileName), so they can be opened.
 */
function readDir(dir) {
    const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_3__/* .fileNameBytes */ .fo)(dir), { withFileTypes: true });
    if (!entries.some((e) => e.name.includes('\uFFFD')))
        return entries;
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_3__/* .fileNameBytes */ .fo)(dir), { withFileTypes: true, encoding: 'buffer' }).map((e) => ({
        name: (0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeFileName */ .qL)(e.name),
        isDirectory: () => e.isDirectory(),
        isFile: () => e.isFile(),
        isSymbolicLink: () => e.isSymbolicLink(),
    }));
}
/**
 * Every file below `root` (paths relative to it), honouring the .gitignore files on the way down,
 * in batches of a directory's files. Symlinks are listed (to be skipped), never followed.
 */
function* walk(root) {
    const stack = [{ rel: '', rules: [] }];
    for (let top = stack.pop(); top; top = stack.pop()) {
        const { rel } = top;
        const entries = readDir(rel ? `${root}${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}${rel}` : root);
        let rules = top.rules;
        if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
            rules = [...rules, { base: rel, ig: ignore__WEBPACK_IMPORTED_MODULE_2___default()().add((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,_text_file_name_js__WEBPACK_IMPORTED_MODULE_3__/* .fileNameBytes */ .fo)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, rel, '.gitignore')), 'utf8')) }];
        }
        const ignored = (p, isDir) => rules.some(({ base, ig }) => {
            const sub = base ? p.slice(base.length + 1) : p;
            return ig.ignores(isDir ? `${sub}/` : sub);
        });
        const files = [];
        for (const e of entries) {
            const p = rel ? `${rel}/${e.name}` : e.name;
            const isDir = e.isDirectory();
            if (e.name === '.git' || (rules.length > 0 && ignored(p, isDir)))
                continue;
            if (isDir)
                stack.push({ rel: p, rules });
            else if (e.isFile() || e.isSymbolicLink())
                files.push(p); // symlinks, to be reported as skipped
        }
        if (files.length > 0)
            yield files;
    }
}


/***/ }),

/***/ 7821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ listWorktree)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8022);
/* harmony import */ var _walk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5389);




/**
 * The files of a working tree, relative to `root` with `/` separators, in batches (one async step
 * a batch, not a path: on 20,000 files the per-item cost showed in profiles). In a git repository:
 * tracked files plus untracked ones git does not ignore (what a commit could pick up). Elsewhere:
 * every file below root, honouring .gitignore files on the way down.
 */
async function* listWorktree(root) {
    if (mayBeInGitRepository(root)) {
        // Run from root, ls-files prints paths relative to it and only below it. It is also the
        // question "is this a work tree": git refusing before it lists anything (no repository, a .git
        // or bare directory, no git at all) means a walk, with no second git asked first.
        let listed = false;
        try {
            for await (const batch of (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .nulSeparated */ .sk)((0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .gitStream */ .dP)(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate']))) {
                listed = true;
                yield batch;
            }
            return;
        }
        catch (e) {
            if (listed)
                throw e;
        }
    }
    yield* (0,_walk_js__WEBPACK_IMPORTED_MODULE_3__/* .walk */ .G)(root);
}
/**
 * False when git could not find a repository for `dir`: no `.git` in it or above it, and no
 * GIT_DIR. Asking git itself costs a process start (about a tenth of a small tree's scan).
 */
function mayBeInGitRepository(dir) {
    if (process.env.GIT_DIR)
        return true;
    for (let d = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir);; d = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(d)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(d, '.git')))
            return true;
        if (node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(d) === d)
            return false;
    }
}


/***/ }),

/***/ 2305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KM: () => (/* binding */ fitBody),
/* harmony export */   h6: () => (/* binding */ moreInReport)
/* harmony export */ });
/* unused harmony exports MAX_BODY, MAX_SUMMARY_BYTES, openDetails */
/* harmony import */ var _count_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(896);

/** GitHub refuses issue and comment bodies longer than this (422 "body is too long"). */
const MAX_BODY = 65_536;
/** A step's job summary may be at most 1 MiB. */
const MAX_SUMMARY_BYTES = (/* unused pure expression or super */ null && (1 << 20));
/** Where a cut body sends readers: the workflow's artifacts hold every row. */
const moreInReport = (n, what = 'row') => `_…and ${(0,_count_js__WEBPACK_IMPORTED_MODULE_0__/* .count */ .U)(n, `more ${what}`)} in the JSON report (and the SARIF file): upload them as workflow artifacts._`;
/** keyguard's hidden state lines (facts, seen places): kept at the end whatever is cut. */
const HIDDEN = /^<!-- keyguard:v1 [a-z]+ [^\n]*-->$/;
/**
 * A body that fits `limit` (by `size`, characters unless told): whole lines from the top, then a
 * note saying how many lines were left out, then the hidden state lines of the end. Cuts at a
 * line, closes an open code fence and open `<details>` sections, and ends a table before the note. One place for every writer:
 * leak issues, the audit and report issues, the pull request comment and the job summary.
 */
function fitBody(body, options = {}) {
    const limit = options.limit ?? MAX_BODY - 1;
    const size = options.size ?? ((s) => s.length);
    if (size(body) <= limit)
        return body;
    const more = options.more ?? ((n) => moreInReport(n, 'line'));
    const lines = body.split('\n');
    let tailStart = lines.length;
    while (tailStart > 0 && HIDDEN.test(lines[tailStart - 1]))
        tailStart--;
    const tail = lines.slice(tailStart);
    const head = lines.slice(0, tailStart);
    // Reserve room for the note (at its longest), a closing fence and the tail.
    let budget = limit - size(`\n\n\`\`\`\n\n${more(head.length)}\n${tail.join('\n')}\n`);
    const kept = [];
    for (const line of head) {
        const cost = size(line) + 1;
        if (cost > budget)
            break;
        kept.push(line);
        budget -= cost;
    }
    // A cut inside a folded section would hide the note in the fold: close what is open first.
    const cut = () => {
        const fenceOpen = kept.filter((l) => l.trimStart().startsWith('```')).length % 2 === 1;
        return [...kept, ...(fenceOpen ? ['```'] : []), ...Array(openDetails(kept)).fill('</details>'), '', more(head.length - kept.length), ...tail].join('\n');
    };
    let out = cut();
    while (size(out) > limit && kept.length > 0) {
        kept.pop();
        out = cut();
    }
    return out;
}
/** How many `<details>` sections the lines leave open (keyguard writes each tag on its own line). */
function openDetails(lines) {
    let depth = 0;
    for (const l of lines) {
        if (l.trimStart().startsWith('<details'))
            depth++;
        else if (l.trim() === '</details>' && depth > 0)
            depth--;
    }
    return depth;
}


/***/ }),

/***/ 2703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ BYTE_SIZE),
/* harmony export */   n: () => (/* binding */ parseByteSize)
/* harmony export */ });
/** `10485760`, `10MiB`, `500 KB`: a byte count as a limit is written in YAML or a flag. */
const BYTE_SIZE = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*$/i;
const UNITS = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };
/** The bytes a size names, rounded to a whole byte; undefined when the text is no size. */
function parseByteSize(text) {
    const m = BYTE_SIZE.exec(text);
    return m ? Math.round(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]) : undefined;
}


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ count)
/* harmony export */ });
/** `1 commit`, `2 commits`: a number and its noun, in the right form. */
const count = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;


/***/ }),

/***/ 9633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y0: () => (/* binding */ percentEscapedBytes),
/* harmony export */   fo: () => (/* binding */ fileNameBytes),
/* harmony export */   q0: () => (/* binding */ showEscapedBytes),
/* harmony export */   qL: () => (/* binding */ decodeFileName),
/* harmony export */   rZ: () => (/* binding */ encodeFileNameComponent)
/* harmony export */ });
// File names are bytes. A name that is not UTF-8 (a Latin-1 `café`) decoded as UTF-8 gets U+FFFD
// for its stray bytes and no longer names its file: it was listed, never opened, and a key in it
// was never found. Here a stray byte becomes a lone surrogate U+DC80–U+DCFF (Python's
// "surrogateescape"), which no UTF-8 decodes to: the string maps back to the exact bytes.
/** A file name's bytes as text, each byte that is not part of valid UTF-8 escaped. */
function decodeFileName(buf, start = 0, end = buf.length) {
    const text = buf.toString('utf8', start, end);
    if (!text.includes('\uFFFD'))
        return text;
    let out = '';
    let run = start;
    for (let i = start; i < end;) {
        const n = sequenceLength(buf, i, end);
        if (n > 0) {
            i += n;
            continue;
        }
        out += buf.toString('utf8', run, i) + String.fromCharCode(0xdc00 + buf[i]);
        run = ++i;
    }
    return out + buf.toString('utf8', run, end);
}
/** The length of the valid UTF-8 sequence at `i`, or 0 (RFC 3629: no overlong forms, no surrogates). */
function sequenceLength(b, i, end) {
    const c = b[i];
    if (c < 0x80)
        return 1;
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > end)
        return 0;
    for (let k = 1; k < n; k++)
        if ((b[i + k] & 0xc0) !== 0x80)
            return 0;
    const c1 = b[i + 1];
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 >= 0xa0) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 >= 0x90))
        return 0;
    return n;
}
/** Lone surrogates only (the u flag keeps a pair's low half out). */
const ESCAPED = /[\uDC80-\uDCFF]/gu;
/** Text and escaped bytes, alternately, text first (the capture group keeps the escapes). */
const PIECES = new RegExp(`(${ESCAPED.source})`, 'u');
const pieces = (name) => name.split(PIECES);
/** The byte an escape stands for. */
const byte = (escape) => escape.charCodeAt(0) - 0xdc00;
/** The byte an escape stands for, as two upper-case hex digits. */
const hex = (escape) => byte(escape).toString(16).toUpperCase();
/** What to hand the file system for a decoded name: the exact bytes when some were escaped. */
function fileNameBytes(name) {
    if (name.search(ESCAPED) === -1)
        return name;
    return Buffer.concat(pieces(name).map((p, i) => (i % 2 ? Buffer.of(byte(p)) : Buffer.from(p, 'utf8'))));
}
/** A decoded name with each escaped byte written as `\xE9`: text that shows the same anywhere. */
const showEscapedBytes = (name) => name.replace(ESCAPED, (c) => `\\x${hex(c)}`);
/** A decoded name in a URI reference: each escaped byte as its %XX, the rest as it is. */
const percentEscapedBytes = (name) => name.replace(ESCAPED, (c) => `%${hex(c)}`);
/** encodeURIComponent for a decoded name: an escaped byte is its own %XX (encodeURIComponent throws on it). */
const encodeFileNameComponent = (name) => pieces(name).map((p, i) => (i % 2 ? `%${hex(p)}` : encodeURIComponent(p))).join('');


/***/ }),

/***/ 6590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ escapeMarkdown),
/* harmony export */   a: () => (/* binding */ code)
/* harmony export */ });
/* harmony import */ var _file_name_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9633);

/**
 * Escapes untrusted text (paths, commit messages, author names) for GitHub Markdown: it cannot
 * open links or images, HTML or comments, code spans, mentions (`@team`) or issue references, nor
 * break a table cell. Emphasis characters are left alone: at worst they make text bold.
 */
function escapeMarkdown(text) {
    return (0,_file_name_js__WEBPACK_IMPORTED_MODULE_0__/* .showEscapedBytes */ .q0)(text)
        .replace(/[\\`[\]<>#|&]/g, (c) => `&#${c.charCodeAt(0)};`)
        .replace(/@/g, '@\u200b')
        .replace(/\r?\n/g, ' ');
}
/** Inline code for untrusted text: the fence is longer than any run of backticks inside it. */
function code(text) {
    const clean = (0,_file_name_js__WEBPACK_IMPORTED_MODULE_0__/* .showEscapedBytes */ .q0)(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
    const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    const pad = longest > 0 ? ' ' : '';
    return `${fence}${pad}${clean}${pad}${fence}`;
}


/***/ }),

/***/ 4777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ markerLine),
/* harmony export */   we: () => (/* binding */ markerOf)
/* harmony export */ });
/* unused harmony export MARKER_KINDS */
// The hidden first line by which keyguard finds its own issues and comments again. Pure text:
// renderers write it, the GitHub adapter reads it, and neither depends on the other.
/** What keyguard writes and finds again: a new kind of issue or comment starts here. */
const MARKER_KINDS = ['leak', 'audit', 'report', 'pr'];
const MARKER = new RegExp(`^<!-- keyguard:v1 (?:${MARKER_KINDS.join('|')}) [a-z0-9:._-]+ -->$`, 'i');
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
    return MARKER.test(first) ? first : undefined;
}


/***/ }),

/***/ 8572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ printable)
/* harmony export */ });
/* harmony import */ var _file_name_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9633);

/**
 * A path as a terminal line may show it: control characters (a newline that forges a line, ESC
 * that moves the cursor, BEL) and bidirectional overrides written as escapes, as git quotes them.
 */
const printable = (s) => (0,_file_name_js__WEBPACK_IMPORTED_MODULE_0__/* .showEscapedBytes */ .q0)(s).replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u{${c.codePointAt(0).toString(16)}}`);


/***/ })

};
