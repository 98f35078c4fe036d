import { kindLabel } from '../detect/index.ts';
import { exposureTable } from '../exposure/render.ts';
import { placePath, SOURCE_LABEL, type Finding, type ScanResult } from '../scan/finding.ts';
import { describeRevocation, liveStatus } from '../respond/leak-issue.ts';
import { code, escapeMarkdown } from '../text/markdown.ts';
import { count } from '../text/count.ts';
import { refsHolding, worthReporting } from './text.ts';

/** The job summary: a headline and a table of redacted findings. */
export function renderSummary(result: ScanResult, pathPrefix = '', scope = 'working tree', notes: readonly string[] = []): string {
  const { findings, stats } = result;
  const keys = new Set(findings.map((f) => f.fingerprint)).size;
  const what = stats.commitsScanned !== undefined ? count(stats.commitsScanned, 'commit') : count(stats.filesScanned, 'file');
  // The decision first (keys or none), then what was scanned and the notes, then the details.
  const out: string[] = ['## keyguard scan', ''];
  if (findings.length === 0) {
    out.push(`:white_check_mark: No OpenAI keys found in ${what} (${(stats.bytesScanned / 1e6).toFixed(1)} MB).`, '', `Scanned: ${escapeMarkdown(scope)}.`);
    for (const note of notes) out.push('', `> ${escapeMarkdown(note)}`);
  } else {
    out.push(`:rotating_light: **${count(findings.length, 'OpenAI key finding')}** (${count(keys, 'distinct key')}) in ${what}. Revoke each key, replace it with a secret read from the environment, and remove it from history.`, '', `Scanned: ${escapeMarkdown(scope)}.`, '');
    for (const note of notes) out.push(`> ${escapeMarkdown(note)}`, '');
    const fromGit = findings.some((f) => f.git);
    const responded = findings.some((f) => f.response);
    const where = (f: (typeof findings)[number]) =>
      f.alert ? `GitHub alert #${f.alert.number}${f.file ? ` ${code(`${f.file}:${f.line}`)}` : ''}` : f.source === 'file-name' ? `${code(`${pathPrefix}${placePath(f)}`)} (its name)` : code(`${pathPrefix}${placePath(f)}:${f.line}`);
    // At most six columns, so the table fits beside the run's log; fingerprints and history fold below.
    out.push(`| Where | Kind | Key |${responded ? ' Live | keyguard did | Issue |' : ''}`, `| --- | --- | --- |${responded ? ' --- | --- | --- |' : ''}`);
    for (const f of findings) {
      const row = `| ${where(f)}${!f.source && f.git && !f.git.presentAtHead ? ' (removed since)' : ''} | ${kindLabel(f.kind)}${f.encoding === 'base64' ? ' (base64)' : ''} | ${code(f.redacted)} |`;
      const r = f.response;
      const resp = responded
        ? ` ${liveStatus(r)} | ${r ? describeRevocation(r) : ''} | ${r?.issue?.url ? `[#${r.issue.number}](${r.issue.url}) ${r.issue.action}` : (r?.issue?.action ?? '')} |`
        : '';
      out.push(row + resp);
    }
    const exposure = exposureSummary(findings);
    if (exposure) out.push('', exposure);
    out.push('', '<details><summary>Fingerprints and history</summary>', '', `| Where | Fingerprint |${fromGit ? ' First seen | Added | Still present |' : ''}`, `| --- | --- |${fromGit ? ' --- | --- | --- |' : ''}`);
    for (const f of findings) {
      const git = f.git
        ? ` ${f.commit ? `${code(f.commit.slice(0, 12))}${f.git.authorDate ? ` ${f.git.authorDate.slice(0, 10)}` : ''}` : 'staged'} | ${f.git.occurrences}× | ${stillPresent(f)} |`
        : fromGit ? ' | | |' : '';
      out.push(`| ${where(f)} | ${code(f.fingerprint.slice(0, 12))} |${git}`);
    }
    out.push('', '</details>');
    out.push('', 'Keys are shown redacted; the fingerprint is a hash of the whole key.');
  }
  const notable = result.skipped.filter(worthReporting);
  if (notable.length > 0) {
    const entries = notable.filter((s) => s.reason === 'archive-entry').length;
    const what = [...(notable.length > entries ? [`${count(notable.length - entries, 'file')} not scanned`] : []), ...(entries ? [`${count(entries, 'file')} inside archives not read`] : [])];
    out.push('', `<details><summary>${what.join(', ')}</summary>`, '');
    for (const s of notable) out.push(`- ${code(s.path)}: ${s.reason}${s.detail ? ` (${escapeMarkdown(s.detail)})` : ''}`);
    out.push('', '</details>');
  }
  if (stats.allowed > 0) out.push('', `${count(stats.allowed, 'finding')} allowed by configuration.`);
  if (stats.baselined > 0) out.push('', `${count(stats.baselined, 'finding')} of keys already in the baseline.`);
  return `${out.join('\n')}\n`;
}

/** `yes: main, v1.0`, `no`, or where a key in a message is. */
function stillPresent(f: ScanResult['findings'][number]): string {
  if (f.source) return SOURCE_LABEL[f.source];
  const refs = refsHolding(f);
  if (refs) return `yes: ${escapeMarkdown(refs)}`;
  return f.git?.presentAtHead ? 'yes' : 'no';
}

/** The job summary's section, folded: one table per key that has figures. */
function exposureSummary(findings: readonly Finding[]): string {
  const keys = new Map(findings.filter((f) => f.response?.exposure).map((f) => [f.fingerprint, f]));
  if (keys.size === 0) return '';
  const tables = [...keys.values()].map((f) => `#### ${code(f.redacted)}\n\n${exposureTable(f.response!.exposure!)}\n`);
  return ['<details><summary>Use since exposure</summary>', '', ...tables, '</details>'].join('\n');
}
