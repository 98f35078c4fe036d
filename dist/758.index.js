export const id = 758;
export const ids = [758];
export const modules = {

/***/ 6758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseBaseline: () => (/* binding */ parseBaseline),
/* harmony export */   readBaseline: () => (/* binding */ readBaseline),
/* harmony export */   renderBaseline: () => (/* binding */ renderBaseline)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _detect_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1457);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);




/**
 * A baseline records the keys known today — by fingerprint, never the key — with where they were,
 * so later scans report only new ones. It is meant to be committed: nothing in it is secret.
 */
const BaselineSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(1),
    keys: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        fingerprint: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^[0-9a-f]{32}$/),
        kind: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(_detect_index_js__WEBPACK_IMPORTED_MODULE_1__/* .KEY_KINDS */ .A3),
        redacted: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        file: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        line: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative(),
        commit: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
        date: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
    })),
});
function renderBaseline(result) {
    const seen = new Set();
    const keys = [];
    for (const f of result.findings) {
        if (seen.has(f.fingerprint))
            continue;
        seen.add(f.fingerprint);
        keys.push({ fingerprint: f.fingerprint, kind: f.kind, redacted: f.redacted, file: f.file, line: f.line, commit: f.commit, date: f.git?.authorDate ?? null });
    }
    keys.sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
    return `${JSON.stringify({ version: 1, keys }, null, 2)}\n`;
}
/** The fingerprints of a baseline file; errors name the file and what is wrong. */
async function readBaseline(file, shownAs = file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`cannot read baseline ${shownAs}: ${e.code ?? e}. Create one with: keyguard scan --history --write-baseline ${shownAs}`);
    }
    return parseBaseline(text, shownAs);
}
/** The fingerprints of a baseline's text. */
function parseBaseline(text, shownAs) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`baseline ${shownAs} is not valid JSON: ${e.message}`);
    }
    const parsed = BaselineSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`baseline ${shownAs}: ${issue.path.join('.') || '(top level)'}: ${issue.message}; expected the form written by --write-baseline`);
    }
    return new Set(parsed.data.keys.map((k) => k.fingerprint));
}


/***/ })

};
