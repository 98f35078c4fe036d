export const id = 660;
export const ids = [660];
export const modules = {

/***/ 9898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseConfig: () => (/* binding */ parseConfig)
/* harmony export */ });
/* unused harmony export ConfigSchema */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _text_byte_size_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2703);
// Reading `.keyguard.yml`: its schema and the parser. Loaded only when a configuration file exists
// (src/config.ts): with the schemas they build at load, they cost a scan without one about 25 ms of CPU.




const byteSize = zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(_text_byte_size_js__WEBPACK_IMPORTED_MODULE_1__/* .BYTE_SIZE */ .T, 'a size such as 10485760, "500KB" or "10MiB"').transform((s) => (0,_text_byte_size_js__WEBPACK_IMPORTED_MODULE_1__/* .parseByteSize */ .n)(s))]);
const fingerprintSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .regex(/^[0-9a-f]{32}$/, 'a 32-character lowercase hex fingerprint, as keyguard prints it (never the key itself)');
/** `.keyguard.yml`: every field optional; unknown keys are errors so typos do not pass silently. */
const ConfigSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    allow: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        /** gitignore-style patterns of paths never reported (test fixtures, vendored docs). */
        paths: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1)).default([]),
        /** Fingerprints of keys already known and handled (revoked, or accepted test keys). */
        fingerprints: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(fingerprintSchema).default([]),
    })
        .prefault({}),
    /** A baseline file (from --write-baseline), relative to the config file: its keys are not reported. */
    baseline: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional(),
    /** Leak issues: how they are labelled and who hears of them. */
    issues: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        labels: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).max(50)).min(1).default(['keyguard', 'leaked-secret']),
        assignees: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^[A-Za-z0-9-]+$/, 'a GitHub login such as octocat')).default([]),
        /** A user or team to mention in each new leak issue: `@octocat` or `@org/team`. */
        mention: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^@[A-Za-z0-9-]+(\/[A-Za-z0-9._-]+)?$/, 'a mention such as @octocat or @org/security').optional(),
        /** New issues opened at most per run; the rest wait for the next run (GitHub limits content creation). */
        maxPerRun: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(1).max(100).default(20),
    })
        .prefault({}),
    /** Key hygiene policy for `keyguard audit`. */
    audit: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        maxKeyAgeDays: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive().default(90),
        maxIdleDays: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive().default(30),
        /** A key never used is flagged once it is older than this. */
        neverUsedGraceDays: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative().default(7),
        maxAdminKeys: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative().default(2),
        /** Project ids or names whose keys should belong to service accounts. */
        productionProjects: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1)).default([]),
    })
        .prefault({}),
    /** Usage and cost reports. */
    report: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        /** USD per report period, by project id or name. */
        budgets: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().nonnegative()).default({}),
        /** A rise of cost or tokens above this percentage, on a non-trivial base, is a spike. */
        spikePercent: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive().default(50),
        minSpikeBaseUsd: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().nonnegative().default(1),
        minSpikeBaseTokens: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative().default(100_000),
        /** Flag spend from keys the audit would flag (reads the keys of projects that spent). */
        flagKeys: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(true),
    })
        .prefault({}),
    scan: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        /** Files larger than this are skipped and reported as skipped. */
        maxFileSize: byteSize.default(10 * 1024 * 1024),
        /** Levels of archives opened (a jar in a zip is two); 0 reads an archive's bytes only. */
        archiveDepth: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(0).max(8).default(3),
    })
        .prefault({}),
});
/** Where a YAML path sits in the file, for error messages. */
function locate(doc, lines, at, key) {
    let node = doc.getIn(at, true);
    if (key !== undefined && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
        const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && String(p.key.value) === key);
        node = pair?.key ?? node;
    }
    const range = node?.range ?? doc.contents?.range;
    if (!range)
        return '1:1';
    const pos = lines.linePos(range[0]);
    return `${pos.line}:${pos.col}`;
}
function dotted(p) {
    return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') || '(top level)';
}
/**
 * Parses config text. Errors name the file, line and column, the setting, and the form expected;
 * they never echo the value (a user may have pasted a key where a fingerprint belongs).
 */
function parseConfig(text, file) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false });
    const yamlError = doc.errors[0];
    if (yamlError) {
        const pos = lines.linePos(yamlError.pos[0]);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file}:${pos.line}:${pos.col}: not valid YAML (${yamlError.code})`);
    }
    const raw = doc.toJS() ?? {};
    const result = ConfigSchema.safeParse(raw);
    if (result.success)
        return result.data;
    const messages = result.error.issues.map((issue) => {
        if (issue.code === 'unrecognized_keys') {
            const key = issue.keys[0];
            const known = Object.keys(knownShape(issue.path)).join(', ');
            return `${file}:${locate(doc, lines, issue.path, key)}: unknown setting ${dotted([...issue.path, key])}${known ? ` (expected one of: ${known})` : ''}`;
        }
        return `${file}:${locate(doc, lines, issue.path)}: ${dotted(issue.path)}: expected ${expectedForm(issue)}`;
    });
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(messages.join('\n'));
}
function expectedForm(issue) {
    if (issue.code === 'invalid_type')
        return issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`;
    if (issue.code === 'invalid_union')
        return 'a size such as 10485760, "500KB" or "10MiB"';
    return issue.message.replace(/^Invalid string: must match pattern .*$/, 'a valid value');
}
function knownShape(at) {
    let schema = ConfigSchema;
    for (const key of at) {
        const inner = unwrap(schema);
        if (!(inner instanceof zod__WEBPACK_IMPORTED_MODULE_2__/* .ZodObject */ .bvH))
            return {};
        schema = inner.shape[key];
    }
    const inner = unwrap(schema);
    return inner instanceof zod__WEBPACK_IMPORTED_MODULE_2__/* .ZodObject */ .bvH ? inner.shape : {};
}
function unwrap(schema) {
    let s = schema;
    while ('unwrap' in s && typeof s.unwrap === 'function')
        s = s.unwrap();
    return s;
}


/***/ })

};
