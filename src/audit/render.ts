import { moreInReport } from '../text/body-limit.ts';
import { markerLine } from '../text/marker.ts';
import { code, escapeMarkdown } from '../text/markdown.ts';
import { count } from '../text/count.ts';
import { printable } from '../text/printable.ts';
import { sha256Hex } from '../detect/index.ts';
import { SEVERITIES, type AuditFinding } from './finding.ts';
import type { AuditResult } from './run.ts';

const findingId = (f: AuditFinding) => sha256Hex(`${f.rule}\0${f.target}`).slice(0, 12);

function counts(findings: readonly AuditFinding[]): string {
  const parts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return parts.length ? parts.map(([s, n]) => `${n} ${s}`).join(', ') : 'none';
}

export function renderAuditText(result: AuditResult): string {
  // Targets and messages carry file names from the repository: control characters are escaped.
  const lines = result.findings.map((f) => `${f.severity.padEnd(8)} ${f.rule}  ${printable(f.target)}\n         ${printable(f.message)}\n         fix: ${f.fix}`);
  const org = result.stats.organization;
  lines.push(
    `${count(result.findings.length, 'audit finding')} (${counts(result.findings)}); ${count(result.stats.filesChecked, 'file')} and ${count(result.stats.workflows, 'workflow')} checked; ` +
      (org ? `organization: ${count(org.projects, 'project')}, ${count(org.keys, 'project key')}, ${count(org.adminKeys, 'admin key')}` : 'organization rules skipped (no OPENAI_ADMIN_KEY)'),
  );
  return `${lines.join('\n')}\n`;
}

/** DESIGN.md's audit JSON: `{"findings":[{"rule","severity","target","message"}]}`, plus the fix and stats. */
export function renderAuditJson(result: AuditResult): string {
  return `${JSON.stringify({ findings: result.findings.map((f) => ({ rule: f.rule, severity: f.severity, target: f.target, message: f.message, fix: f.fix, ...(f.file ? { file: f.file } : {}), ...(f.line ? { line: f.line } : {}) })), stats: result.stats }, null, 2)}\n`;
}

const SARIF_LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'note' } as const;
const SARIF_SEVERITY = { critical: '9.5', high: '7.5', medium: '5.0', low: '2.0' } as const;

/** SARIF for code scanning. Only findings with a file: organization findings have no place in a repository. */
export function renderAuditSarif(result: AuditResult, pathPrefix = ''): string {
  const located = result.findings.filter((f) => f.file);
  const ruleIds = [...new Set(located.map((f) => f.rule))].sort();
  const rules = ruleIds.map((id) => {
    const f = located.find((x) => x.rule === id)!;
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
const SEVERITY_MARK = { critical: '\u{1F534}', high: '\u{1F7E0}', medium: '\u{1F7E1}', low: '\u{26AA}' } as const; // red, orange, yellow, white circles
const severityCell = (s: AuditFinding['severity']) => `${SEVERITY_MARK[s]}\u00a0${s === 'critical' || s === 'high' ? `**${s}**` : s}`;

/** One row of the full list; the hidden id in its last cell finds it again in the next run's body. */
function row(f: AuditFinding): string {
  return `| ${severityCell(f.severity)} | ${code(f.rule)} | ${code(f.target)} | ${escapeMarkdown(f.message)} <!-- k:${findingId(f)} --> |`;
}

const LIST_HEAD = ['| Severity | Rule | Target | Finding |', '| --- | --- | --- | --- |'];

/**
 * What to do, one row per rule, most serious first: 82 findings are rarely more than ten rules,
 * and one fix each. Rules whose fix names a file show the first one.
 */
function byRule(findings: readonly AuditFinding[]): string[] {
  const groups = new Map<string, AuditFinding[]>();
  for (const f of findings) (groups.get(`${f.severity} ${f.rule}`) ?? groups.set(`${f.severity} ${f.rule}`, []).get(`${f.severity} ${f.rule}`)!).push(f);
  return [
    '| Severity | Open | Rule: fix |',
    '| --- | ---: | --- |',
    ...[...groups.values()].map((g) => {
      const fixes = new Set(g.map((f) => f.fix));
      return `| ${severityCell(g[0]!.severity)} | ${g.length} | ${code(g[0]!.rule)}: ${escapeMarkdown(g[0]!.fix)}${fixes.size > 1 ? ' (and likewise for the others)' : ''} |`;
    }),
  ];
}

/** The decision first (how many, how serious, which rules and their fixes), then every finding, folded. */
function findingsBody(findings: readonly AuditFinding[]): string[] {
  if (findings.length === 0) return [':white_check_mark: No open findings.', ''];
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
    ...(findings.length > shown.length ? [moreInReport(findings.length - shown.length), ''] : []),
    '</details>',
    '',
  ];
}

function headline(findings: readonly AuditFinding[]): string {
  if (findings.length === 0) return 'nothing open';
  const serious = findings.some((f) => f.severity === 'critical' || f.severity === 'high');
  return `${serious ? ':rotating_light: ' : ''}${findings.length} open (${counts(findings)})`;
}

export function renderAuditSummary(result: AuditResult): string {
  const out = [`## keyguard audit: ${headline(result.findings)}`, '', ...findingsBody(result.findings)];
  if (!result.stats.organization) out.push('Organization rules were skipped: no OpenAI admin key was given.', '');
  return `${out.join('\n')}\n`;
}

/** Rows of an earlier body, by hidden id: this version's rows, and the six-column rows of earlier versions. */
function previousRows(body: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const l of body.split('\n')) {
    const m = /^\| (.*) ?<!-- k:([0-9a-f]{12}) --> ?\|?$/.exec(l);
    if (!m) continue;
    const cells = m[1]!.split(' | ').map((c) => c.trim());
    // Before: | severity | rule | target | message | fix | <!-- k --> ; now: | severity | rule | target | message <!-- k --> |
    const [severity, rule, target, message] = cells;
    if (severity && rule && target && message !== undefined) rows.set(m[2]!, `| ${severity} | ${rule} | ${target} | ${message} |`);
  }
  return rows;
}

/**
 * The one audit issue of a repository, kept up to date in place: what is open now, and what was
 * fixed since the last run (rows of the previous body that are gone).
 */
export function renderAuditIssue(result: AuditResult, repoId: string, previous?: string): { title: string; body: string } {
  const ids = new Set(result.findings.map(findingId));
  const fixed = [...previousRows(previous ?? '')].filter(([id]) => !ids.has(id)).map(([, r]) => r);
  const body = [
    markerLine('audit', repoId),
    `## keyguard audit: ${headline(result.findings)}`,
    '',
    ...findingsBody(result.findings),
    ...(fixed.length ? ['<details>', `<summary>Fixed since the last run (${fixed.length})</summary>`, '', ...LIST_HEAD, ...fixed.slice(0, MAX_ROWS), '', '</details>', ''] : []),
    result.stats.organization ? `Organization: ${result.stats.organization.projects} projects, ${result.stats.organization.keys} project keys, ${result.stats.organization.adminKeys} admin keys.` : 'Organization rules skipped: no OpenAI admin key.',
  ].join('\n');
  return { title: `keyguard audit: ${result.findings.length ? `${result.findings.length} open key-hygiene findings` : 'no open findings'}`, body };
}
