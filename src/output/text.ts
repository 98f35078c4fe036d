import { kindLabel } from '../detect/index.ts';
import { exposureLine } from '../exposure/render.ts';
import { liveStatus, UNPROVEN } from '../respond/leak-issue.ts';
import type { Finding, ScanResult } from '../scan/finding.ts';

/** `  [live; revoked: delete project key …; issue #12]`, after leak response. */
export function responseNote(f: Finding): string {
  const r = f.response;
  if (!r) return '';
  const parts: string[] = [];
  if (r.liveness) parts.push(liveStatus(r));
  if (r.match?.type === 'matched') parts.push(`${r.match.projectId ? `${r.match.projectId}/` : ''}${r.match.keyId}`);
  if (r.match?.type === 'ambiguous') parts.push(`ambiguous: ${r.match.keyIds.length} keys match`);
  const o = r.revocation;
  if (o) parts.push(o.type === 'refused' ? `not revoked: ${o.reason}` : o.type === 'unproven' ? `${UNPROVEN} (${o.reason})` : o.type === 'failed' ? `revocation failed: ${o.error}` : `${o.type}: ${o.action}`);
  if (r.issue) parts.push(r.issue.number ? `issue #${r.issue.number} ${r.issue.action}` : `issue ${r.issue.action}`);
  return parts.length ? `  [${parts.join('; ')}]` : '';
}

/** `  first in abc1234 (2024-05-01), added 3 times, removed since`, for findings from git. */
export function gitNote(f: Finding): string {
  if (!f.git) return '';
  const where = f.commit ? `first in ${f.commit.slice(0, 12)}${f.git.authorDate ? ` (${f.git.authorDate.slice(0, 10)})` : ''}` : 'staged';
  const times = f.git.occurrences > 1 ? `, added ${f.git.occurrences} times` : '';
  const head = f.commit ? (f.git.presentAtHead ? ', still present' : ', removed since') : '';
  return `  ${where}${times}${head}`;
}

/** One line a finding, for terminals and logs: `path:line:col  kind  redacted  fingerprint`. */
export function renderText(result: ScanResult): string {
  const shown = new Set<string>();
  const lines = result.findings.flatMap((f) => {
    const line = `${f.alert ? `GitHub alert #${f.alert.number} ` : ''}${f.file || '(not in a file)'}:${f.line}:${f.column}  ${kindLabel(f.kind)}${f.encoding === 'base64' ? ' (base64)' : ''}  ${f.redacted}  ${f.fingerprint}${gitNote(f)}${responseNote(f)}`;
    // A key's use since exposure, once, under its first finding.
    const e = f.response?.exposure;
    if (!e || shown.has(f.fingerprint)) return [line];
    shown.add(f.fingerprint);
    return [line, `  ${f.redacted} used ${exposureLine(e)}`];
  });
  for (const s of result.skipped.filter((s) => s.reason === 'too-large' || s.reason === 'unreadable')) {
    lines.push(`skipped ${s.path}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`);
  }
  const { stats } = result;
  const keys = new Set(result.findings.map((f) => f.fingerprint)).size;
  lines.push(
    `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} (${keys} distinct key${keys === 1 ? '' : 's'}) in ` +
      (stats.commitsScanned !== undefined ? `${stats.commitsScanned} commits` : `${stats.filesScanned} files`) +
      `, ${(stats.bytesScanned / 1e6).toFixed(1)} MB, ${stats.filesSkipped} skipped, ${stats.allowed} allowed, ${stats.baselined} in baseline, ${(stats.durationMs / 1000).toFixed(2)} s`,
  );
  return `${lines.join('\n')}\n`;
}
