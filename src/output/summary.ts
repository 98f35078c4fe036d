import { kindLabel } from '../detect/index.js';
import type { ScanResult } from '../scan/finding.js';
import { code, escapeMarkdown } from './markdown.js';

/** The job summary: a headline and a table of redacted findings. */
export function renderSummary(result: ScanResult, pathPrefix = ''): string {
  const { findings, stats } = result;
  const keys = new Set(findings.map((f) => f.fingerprint)).size;
  const out: string[] = ['## keyguard scan', ''];
  if (findings.length === 0) {
    out.push(`No OpenAI keys found in ${stats.filesScanned} files (${(stats.bytesScanned / 1e6).toFixed(1)} MB).`);
  } else {
    out.push(`:rotating_light: **${findings.length} OpenAI key finding${findings.length === 1 ? '' : 's'}** (${keys} distinct key${keys === 1 ? '' : 's'}) in ${stats.filesScanned} files.`, '');
    out.push('| Location | Kind | Key | Fingerprint |', '| --- | --- | --- | --- |');
    for (const f of findings) {
      out.push(`| ${code(`${pathPrefix}${f.file}:${f.line}`)} | ${kindLabel(f.kind)}${f.encoding === 'base64' ? ' (base64)' : ''} | ${code(f.redacted)} | ${code(f.fingerprint.slice(0, 12))} |`);
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
  return `${out.join('\n')}\n`;
}
