import { kindLabel } from '../detect/index.js';
import type { ScanResult } from '../scan/finding.js';

/** One line a finding, for terminals and logs: `path:line:col  kind  redacted  fingerprint`. */
export function renderText(result: ScanResult): string {
  const lines = result.findings.map(
    (f) => `${f.file}:${f.line}:${f.column}  ${kindLabel(f.kind)}${f.encoding === 'base64' ? ' (base64)' : ''}  ${f.redacted}  ${f.fingerprint}`,
  );
  for (const s of result.skipped.filter((s) => s.reason === 'too-large' || s.reason === 'unreadable')) {
    lines.push(`skipped ${s.path}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`);
  }
  const { stats } = result;
  const keys = new Set(result.findings.map((f) => f.fingerprint)).size;
  lines.push(
    `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} (${keys} distinct key${keys === 1 ? '' : 's'}) in ${stats.filesScanned} files, ` +
      `${(stats.bytesScanned / 1e6).toFixed(1)} MB, ${stats.filesSkipped} skipped, ${stats.allowed} allowed, ${(stats.durationMs / 1000).toFixed(2)} s`,
  );
  return `${lines.join('\n')}\n`;
}
