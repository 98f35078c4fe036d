import { kindLabel } from '../detect/index.ts';
import type { ScanResult } from '../scan/finding.ts';
import { describeRevocation, liveStatus } from '../respond/leak-issue.ts';
import { code, escapeMarkdown } from './markdown.ts';

/** The job summary: a headline and a table of redacted findings. */
export function renderSummary(result: ScanResult, pathPrefix = '', scope = 'working tree', notes: readonly string[] = []): string {
  const { findings, stats } = result;
  const keys = new Set(findings.map((f) => f.fingerprint)).size;
  const what = stats.commitsScanned !== undefined ? `${stats.commitsScanned} commits` : `${stats.filesScanned} files`;
  const out: string[] = ['## keyguard scan', '', `Scanned: ${escapeMarkdown(scope)}.`, ''];
  for (const note of notes) out.push(`> ${escapeMarkdown(note)}`, '');
  if (findings.length === 0) {
    out.push(`No OpenAI keys found in ${what} (${(stats.bytesScanned / 1e6).toFixed(1)} MB).`);
  } else {
    out.push(`:rotating_light: **${findings.length} OpenAI key finding${findings.length === 1 ? '' : 's'}** (${keys} distinct key${keys === 1 ? '' : 's'}) in ${what}.`, '');
    const fromGit = findings.some((f) => f.git);
    const responded = findings.some((f) => f.response);
    out.push(
      `| Location | Kind | Key | Fingerprint |${fromGit ? ' First seen | Added | Still present |' : ''}${responded ? ' Live | Revocation | Issue |' : ''}`,
      `| --- | --- | --- | --- |${fromGit ? ' --- | --- | --- |' : ''}${responded ? ' --- | --- | --- |' : ''}`,
    );
    for (const f of findings) {
      const where = f.alert ? `GitHub alert #${f.alert.number}${f.file ? ` ${code(`${f.file}:${f.line}`)}` : ''}` : code(`${pathPrefix}${f.file}:${f.line}`);
      const row = `| ${where} | ${kindLabel(f.kind)}${f.encoding === 'base64' ? ' (base64)' : ''} | ${code(f.redacted)} | ${code(f.fingerprint.slice(0, 12))} |`;
      const git = f.git
        ? ` ${f.commit ? `${code(f.commit.slice(0, 12))}${f.git.authorDate ? ` ${f.git.authorDate.slice(0, 10)}` : ''}` : 'staged'} | ${f.git.occurrences}× | ${f.git.presentAtHead ? 'yes' : 'no'} |`
        : fromGit ? ' | | |' : '';
      const r = f.response;
      const resp = responded
        ? ` ${liveStatus(r)} | ${r ? describeRevocation(r) : ''} | ${r?.issue?.url ? `[#${r.issue.number}](${r.issue.url}) ${r.issue.action}` : (r?.issue?.action ?? '')} |`
        : '';
      out.push(row + git + resp);
    }
    out.push('', 'Revoke each key, replace it with a secret read from the environment, and remove it from history. Keys are shown redacted; the fingerprint is a hash of the whole key.');
  }
  const notable = result.skipped.filter((s) => s.reason === 'too-large' || s.reason === 'unreadable');
  if (notable.length > 0) {
    out.push('', `<details><summary>${notable.length} file${notable.length === 1 ? '' : 's'} not scanned</summary>`, '');
    for (const s of notable) out.push(`- ${code(s.path)}: ${s.reason}${s.detail ? ` (${escapeMarkdown(s.detail)})` : ''}`);
    out.push('', '</details>');
  }
  if (stats.allowed > 0) out.push('', `${stats.allowed} finding${stats.allowed === 1 ? '' : 's'} allowed by configuration.`);
  if (stats.baselined > 0) out.push('', `${stats.baselined} finding${stats.baselined === 1 ? '' : 's'} of keys already in the baseline.`);
  return `${out.join('\n')}\n`;
}
