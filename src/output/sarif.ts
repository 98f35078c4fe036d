import { KEY_KINDS, kindLabel, kindPrefix, kindSpec, type KeyKind } from '../detect/index.ts';
import type { Finding, ScanResult } from '../scan/finding.ts';
import { entryNote, gitNote } from './text.ts';
import { percentEscapedBytes } from '../text/file-name.ts';
import pkg from '../../package.json' with { type: 'json' };

/** Stable rule ids (code scanning keys alerts on them): one per key kind. */
export function ruleId(kind: KeyKind): string {
  return `openai-${kind.replace('_', '-')}-key`;
}

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it. `pathPrefix` makes paths relative to the
 * repository root when a sub-directory was scanned. No snippet and no key in any message: only the
 * redacted form and the fingerprint.
 */
export function renderSarif(result: ScanResult, pathPrefix = ''): string {
  const rules = KEY_KINDS.map((kind) => ({
    id: ruleId(kind),
    name: `OpenAI${kind.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase())}KeyLeak`,
    shortDescription: { text: `OpenAI ${kindLabel(kind)} committed` },
    fullDescription: { text: `An OpenAI ${kindLabel(kind)} (${kindPrefix(kind)}…) is present in the repository. Anyone who can read the repository can use it.` },
    help: {
      text: 'Revoke the key in the OpenAI dashboard, replace it with a new one stored as a secret and read from the environment (OPENAI_API_KEY), and remove it from git history.',
      markdown: 'Revoke the key in the OpenAI dashboard, replace it with a new one stored as a secret and read from the environment (`OPENAI_API_KEY`), and remove it from git history (`git filter-repo`).',
    },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['security', 'secret', 'openai'], precision: 'very-high', 'security-severity': kindSpec(kind).severity },
  }));
  // Code scanning shows files as they are at the analysed commit, and rejects a result without a
  // file and line: a key that is not in the scanned tree (removed, only on another branch, in a
  // message) would sit on an innocent line there. Such keys go in the run's properties bag with
  // the commit that holds them, not in the results. GitHub's own secret scanning alerts are in its
  // security tab already: code scanning gets keyguard's findings only.
  const own = result.findings.filter((f) => !f.alert);
  const inTree = (f: Finding) => !f.source && (!f.git || f.git.presentAtHead);
  const results = own.filter(inTree).map((f) => ({
    ruleId: ruleId(f.kind),
    ruleIndex: KEY_KINDS.indexOf(f.kind),
    level: 'error',
    message: { text: `OpenAI ${kindLabel(f.kind)} ${f.redacted}${entryNote(f)} (fingerprint ${f.fingerprint})${f.encoding !== 'plain' ? `, ${f.encoding}` : ''}${gitNote(f).replace(/^ +/, '; ')}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathPrefix + percentEscapedBytes(f.file), uriBaseId: '%SRCROOT%' },
          // Inside an archive the line is the entry's: the archive itself is marked at its start.
          region: f.entry !== undefined ? { startLine: 1 } : { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column), endColumn: Math.max(2, f.endColumn) },
        },
      },
    ],
    // The key's hash, not the line's: the alert follows the key when lines around it move.
    partialFingerprints: { 'keyguardKey/v1': `${f.fingerprint}:${pathPrefix + percentEscapedBytes(f.file)}` },
    properties: { fingerprint: f.fingerprint, kind: f.kind, ...(f.commit ? { commit: f.commit, firstSeen: f.git?.authorDate, occurrences: f.git?.occurrences, presentAtHead: f.git?.presentAtHead } : {}) },
  }));
  const notInTree = own.filter((f) => !inTree(f)).map((f) => ({
    ruleId: ruleId(f.kind),
    fingerprint: f.fingerprint,
    redacted: f.redacted,
    commit: f.commit,
    file: f.source && f.source !== 'file-name' ? null : pathPrefix + percentEscapedBytes(f.file),
    ...(f.entry !== undefined ? { entry: f.entry } : {}),
    line: f.line,
    source: f.source ?? 'file',
    firstSeen: f.git?.authorDate ?? null,
    occurrences: f.git?.occurrences ?? 1,
    refsHolding: (f.git?.presentIn ?? []).map((p) => p.ref),
  }));
  return `${JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'keyguard', semanticVersion: pkg.version, rules } },
          results,
          columnKind: 'utf16CodeUnits',
          ...(notInTree.length ? { properties: { keysNotInScannedTree: notInTree } } : {}),
        },
      ],
    },
    null,
    2,
  )}\n`;
}
