export const id = 217;
export const ids = [217];
export const modules = {

/***/ 4455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderSarif: () => (/* binding */ renderSarif),
  ruleId: () => (/* binding */ ruleId)
});

// EXTERNAL MODULE: ./src/detect/index.ts + 2 modules
var detect = __webpack_require__(1457);
// EXTERNAL MODULE: ./src/output/text.ts
var output_text = __webpack_require__(7837);
// EXTERNAL MODULE: ./src/text/file-name.ts
var file_name = __webpack_require__(9633);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/output/sarif.ts




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
    const rules = detect/* KEY_KINDS */.A3.map((kind) => ({
        id: ruleId(kind),
        name: `OpenAI${kind.replace(/(^|_)(\w)/g, (_m, _u, c) => c.toUpperCase())}KeyLeak`,
        shortDescription: { text: `OpenAI ${(0,detect/* kindLabel */.tf)(kind)} committed` },
        fullDescription: { text: `An OpenAI ${(0,detect/* kindLabel */.tf)(kind)} (${(0,detect/* kindPrefix */.TK)(kind)}…) is present in the repository. Anyone who can read the repository can use it.` },
        help: {
            text: 'Revoke the key in the OpenAI dashboard, replace it with a new one stored as a secret and read from the environment (OPENAI_API_KEY), and remove it from git history.',
            markdown: 'Revoke the key in the OpenAI dashboard, replace it with a new one stored as a secret and read from the environment (`OPENAI_API_KEY`), and remove it from git history (`git filter-repo`).',
        },
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['security', 'secret', 'openai'], precision: 'very-high', 'security-severity': (0,detect/* kindSpec */.KS)(kind).severity },
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
        ruleIndex: detect/* KEY_KINDS */.A3.indexOf(f.kind),
        level: 'error',
        message: { text: `OpenAI ${(0,detect/* kindLabel */.tf)(f.kind)} ${f.redacted}${(0,output_text.entryNote)(f)} (fingerprint ${f.fingerprint})${f.encoding !== 'plain' ? `, ${f.encoding}` : ''}${(0,output_text.gitNote)(f).replace(/^ +/, '; ')}` },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: pathPrefix + (0,file_name/* percentEscapedBytes */.Y0)(f.file), uriBaseId: '%SRCROOT%' },
                    // Inside an archive the line is the entry's: the archive itself is marked at its start.
                    region: f.entry !== undefined ? { startLine: 1 } : { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column), endColumn: Math.max(2, f.endColumn) },
                },
            },
        ],
        // The key's hash, not the line's: the alert follows the key when lines around it move.
        partialFingerprints: { 'keyguardKey/v1': `${f.fingerprint}:${pathPrefix + (0,file_name/* percentEscapedBytes */.Y0)(f.file)}` },
        properties: { fingerprint: f.fingerprint, kind: f.kind, ...(f.commit ? { commit: f.commit, firstSeen: f.git?.authorDate, occurrences: f.git?.occurrences, presentAtHead: f.git?.presentAtHead } : {}) },
    }));
    const notInTree = own.filter((f) => !inTree(f)).map((f) => ({
        ruleId: ruleId(f.kind),
        fingerprint: f.fingerprint,
        redacted: f.redacted,
        commit: f.commit,
        file: f.source && f.source !== 'file-name' ? null : pathPrefix + (0,file_name/* percentEscapedBytes */.Y0)(f.file),
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
                tool: { driver: { name: 'keyguard', semanticVersion: package_namespaceObject.rE, rules } },
                results,
                columnKind: 'utf16CodeUnits',
                ...(notInTree.length ? { properties: { keysNotInScannedTree: notInTree } } : {}),
            },
        ],
    }, null, 2)}\n`;
}


/***/ })

};
