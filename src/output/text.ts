import { kindLabel } from '../detect/index.ts';
import { liveStatus, UNPROVEN } from '../respond/leak-issue.ts';
import type { Finding, ScanResult } from '../scan/finding.ts';

/** `  [live; revoked: delete project key …; issue #12]`, after leak response. */
export function responseNote(f: Finding): string {
  const r = f.response;
  if (!r) return '';
  const parts: string[] = [];
  // Unknown says why (a network failure, a 5xx, a rate limit): the reader decides what to retry.
  if (r.liveness) parts.push(r.liveness.status === 'unknown' ? `unknown (${r.liveness.rule}: ${r.liveness.reason})` : liveStatus(r));
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

/** `1 commit`, `2 commits`. */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A path as a terminal line may show it: control characters (a newline that forges a line, ESC
 * that moves the cursor, BEL) and bidirectional overrides written as escapes, as git quotes them.
 */
export const printable = (s: string) =>
  s.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );

/** Skipped files listed in the text report; the JSON report lists every one. */
const SKIPPED_SHOWN = 20;

/** One line a finding, for terminals and logs: `path:line:col  kind  redacted  fingerprint`. */
export function renderText(result: ScanResult): string {
  const lines = result.findings.map((f) => `${printable(f.file)}:${f.line}:${f.column}  ${kindLabel(f.kind)}${f.encoding === 'base64' ? ' (base64)' : ''}  ${f.redacted}  ${f.fingerprint}${gitNote(f)}${responseNote(f)}`);
  for (const s of result.skipped.slice(0, SKIPPED_SHOWN)) lines.push(`skipped ${printable(s.path)}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`);
  if (result.skipped.length > SKIPPED_SHOWN) lines.push(`skipped ${count(result.skipped.length - SKIPPED_SHOWN, 'more file')} (--format json lists them all)`);
  const { stats } = result;
  const keys = new Set(result.findings.map((f) => f.fingerprint)).size;
  // In history mode, what was read is commits; the files of each diff are no count a reader can check.
  const where =
    stats.commitsScanned !== undefined
      ? `${count(stats.commitsScanned, 'commit')} scanned (${count(new Set(result.findings.flatMap((f) => f.git?.locations.map((l) => l.commit) ?? [])).size, 'commit')} added keys), ${(stats.bytesScanned / 1e6).toFixed(1)} MB of diffs`
      : `${count(stats.filesScanned, 'file')}, ${(stats.bytesScanned / 1e6).toFixed(1)} MB`;
  lines.push(
    `${count(result.findings.length, 'finding')} (${count(keys, 'distinct key')}) in ${where}; ` +
      `${count(stats.filesSkipped, 'file')} skipped, ${stats.allowed} allowed, ${stats.baselined} in baseline, ${(stats.durationMs / 1000).toFixed(2)} s`,
  );
  return `${lines.join('\n')}\n`;
}
