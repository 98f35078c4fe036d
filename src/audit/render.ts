import { createHash } from 'node:crypto';
import { markerLine } from '../github/issue-tracker.ts';
import { code, escapeMarkdown } from '../output/markdown.ts';
import { SEVERITIES, type AuditFinding } from './finding.ts';
import type { AuditResult } from './run.ts';

const findingId = (f: AuditFinding) => createHash('sha256').update(`${f.rule}\0${f.target}`).digest('hex').slice(0, 12);

function counts(findings: readonly AuditFinding[]): string {
  const parts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return parts.length ? parts.map(([s, n]) => `${n} ${s}`).join(', ') : 'none';
}

export function renderAuditText(result: AuditResult): string {
  const lines = result.findings.map((f) => `${f.severity.padEnd(8)} ${f.rule}  ${f.target}\n         ${f.message}\n         fix: ${f.fix}`);
  const org = result.stats.organization;
  lines.push(
    `${result.findings.length} audit findings (${counts(result.findings)}); ${result.stats.filesChecked} files and ${result.stats.workflows} workflows checked; ` +
      (org ? `organization: ${org.projects} projects, ${org.keys} project keys, ${org.adminKeys} admin keys` : 'organization rules skipped (no OPENAI_ADMIN_KEY)'),
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

function row(f: AuditFinding): string {
  return `| ${f.severity} | ${code(f.rule)} | ${code(f.target)} | ${escapeMarkdown(f.message)} | ${escapeMarkdown(f.fix)} | <!-- k:${findingId(f)} -->`;
}

function table(findings: readonly AuditFinding[]): string[] {
  return ['| Severity | Rule | Target | Finding | Fix | |', '| --- | --- | --- | --- | --- | --- |', ...findings.map(row)];
}

export function renderAuditSummary(result: AuditResult): string {
  const out = ['## keyguard audit', '', `${result.findings.length} findings: ${counts(result.findings)}.`, ''];
  if (result.findings.length) out.push(...table(result.findings), '');
  if (!result.stats.organization) out.push('Organization rules were skipped: no OpenAI admin key was given.', '');
  return `${out.join('\n')}\n`;
}

/**
 * The one audit issue of a repository, kept up to date in place: what is open now, and what was
 * fixed since the last run (rows of the previous body that are gone).
 */
export function renderAuditIssue(result: AuditResult, repoId: string, previous?: string): { title: string; body: string } {
  const ids = new Set(result.findings.map(findingId));
  const fixed = (previous ?? '')
    .split('\n')
    .filter((l) => /^\| (?:critical|high|medium|low) \|.*<!-- k:([0-9a-f]{12}) -->$/.test(l))
    .filter((l) => !ids.has(/<!-- k:([0-9a-f]{12}) -->$/.exec(l)![1]!))
    .map((l) => l.replace(/ \| <!-- k:[0-9a-f]{12} -->$/, ' |'));
  const body = [
    markerLine('audit', repoId),
    `## keyguard audit: ${result.findings.length ? `${result.findings.length} open (${counts(result.findings)})` : 'nothing open'}`,
    '',
    ...(result.findings.length ? table(result.findings) : ['No open findings.']),
    '',
    ...(fixed.length ? ['### Fixed since the last run', '', '| Severity | Rule | Target | Finding | Fix |', '| --- | --- | --- | --- | --- |', ...fixed, ''] : []),
    result.stats.organization ? `Organization: ${result.stats.organization.projects} projects, ${result.stats.organization.keys} project keys, ${result.stats.organization.adminKeys} admin keys.` : 'Organization rules skipped: no OpenAI admin key.',
  ].join('\n');
  return { title: `keyguard audit: ${result.findings.length ? `${result.findings.length} open key-hygiene findings` : 'no open findings'}`, body };
}
