import { KEY_KINDS, kindLabel, kindPrefix, type KeyKind } from '../detect/index.ts';
import type { ScanResult } from '../scan/finding.ts';
import { gitNote } from './text.ts';
import pkg from '../../package.json' with { type: 'json' };

/** Stable rule ids (code scanning keys alerts on them): one per key kind. */
export function ruleId(kind: KeyKind): string {
  return `openai-${kind.replace('_', '-')}-key`;
}

const SEVERITY: Record<KeyKind, string> = { admin: '10.0', service_account: '9.0', project: '9.0', user: '9.0', legacy: '9.0' };

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
    properties: { tags: ['security', 'secret', 'openai'], precision: 'very-high', 'security-severity': SEVERITY[kind] },
  }));
  // GitHub's own alerts are in its security tab already: code scanning gets keyguard's findings only.
  const results = result.findings.filter((f) => !f.alert).map((f) => {
    // Code scanning shows files as they are at the analysed commit: point there while the key is.
    const loc = f.git?.atHead ?? { file: f.file, line: f.line, column: f.column };
    const end = f.git?.atHead ? loc.column + (f.endColumn - f.column) : f.endColumn;
    return {
    ruleId: ruleId(f.kind),
    ruleIndex: KEY_KINDS.indexOf(f.kind),
    level: 'error',
    message: { text: `OpenAI ${kindLabel(f.kind)} ${f.redacted} (fingerprint ${f.fingerprint})${f.encoding === 'base64' ? ', base64-encoded' : ''}${gitNote(f).replace(/^ +/, '; ')}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathPrefix + loc.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column), endColumn: Math.max(2, end) },
        },
      },
    ],
    // The key's hash, not the line's: the alert follows the key when lines around it move.
    partialFingerprints: { 'keyguardKey/v1': `${f.fingerprint}:${pathPrefix + f.file}` },
    properties: { fingerprint: f.fingerprint, kind: f.kind, ...(f.commit ? { commit: f.commit, firstSeen: f.git?.authorDate, occurrences: f.git?.occurrences, presentAtHead: f.git?.presentAtHead } : {}) },
    };
  });
  return `${JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'keyguard', semanticVersion: pkg.version, rules } },
          results,
          columnKind: 'utf16CodeUnits',
        },
      ],
    },
    null,
    2,
  )}\n`;
}
