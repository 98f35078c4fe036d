import { kindLabel } from '../detect/index.ts';
import { exposureLine } from '../exposure/render.ts';
import { liveStatus, UNPROVEN } from '../respond/leak-issue.ts';
import { placePath, SOURCE_LABEL, type Finding, type ScanResult, type SkippedFile } from '../scan/finding.ts';
import { count } from '../text/count.ts';
import { printable } from '../text/printable.ts';
import { describeCoverage } from '../scan/coverage.ts';

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

/** Skips a reader should hear of: content that was there and not scanned (not symlinks or devices). */
export function worthReporting(s: SkippedFile): boolean {
  return s.reason === 'too-large' || s.reason === 'line-too-large' || s.reason === 'unreadable' || s.reason === 'archive-entry';
}

/** Ref names as people say them: `main`, `v1.0`, `origin/feature`. */
export function shortRef(ref: string): string {
  return /^[0-9a-f]{40,64}$/.test(ref) ? ref.slice(0, 12) : ref.replace(/^refs\/(heads|tags|remotes)\//, '');
}

/** Which refs still hold the key: `main, v1.0 and 3 more`, or undefined when none does. */
export function refsHolding(f: Finding, shown = 3): string | undefined {
  const refs = [...new Set((f.git?.presentIn ?? []).map((p) => shortRef(p.ref)))];
  const total = f.git?.refsHolding ?? refs.length;
  if (total === 0) return undefined;
  const more = total - Math.min(shown, refs.length);
  return `${refs.slice(0, shown).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** ` in config/.env:3 inside this archive`, for a key in an archive's entry (its line is the entry's); '' otherwise. */
export function entryNote(f: Finding): string {
  return f.entry === undefined ? '' : ` in ${printable(f.entry)}:${f.line} inside this archive`;
}

/** `  first in abc1234 (2024-05-01), added 3 times, still in main, feature`, for findings from git. */
export function gitNote(f: Finding): string {
  if (!f.git) return f.source === 'file-name' ? `  in the ${SOURCE_LABEL[f.source]}` : '';
  const date = f.git.authorDate ? ` (${f.git.authorDate.slice(0, 10)})` : '';
  if (f.source) return `  in the ${SOURCE_LABEL[f.source]} ${f.commit ? `of ${f.commit.slice(0, 12)}` : 'staged'}${date}`;
  const first = f.git.firstAdded;
  const moved = first && first.file !== f.file ? ` as ${printable(first.file)}:${first.line}` : '';
  const where = f.commit ? `first in ${f.commit.slice(0, 12)}${moved}${date}` : 'staged';
  const times = f.git.occurrences > 1 ? `, added ${f.git.occurrences} times` : '';
  const refs = refsHolding(f);
  const head = !f.commit ? '' : refs ? `, still in ${refs}` : f.git.presentAtHead ? ', still present' : ', removed from every ref';
  return `  ${where}${times}${head}`;
}

/** Skipped files listed in the text report; the JSON report lists every one. */
const SKIPPED_SHOWN = 20;

/** Every place commits added the key (the first ten, then a count), when there is more than one. */
function placesNote(f: Finding, shown = 10): string[] {
  const places = f.git?.locations ?? [];
  if ((f.git?.occurrences ?? 0) < 2 || places.length < 2) return [];
  const listed = places.slice(0, shown).map((l) => `${printable(l.file)}${l.commit ? ` (${l.commit.slice(0, 12)})` : ''}`);
  const more = f.git!.occurrences - listed.length;
  return [`    added in: ${listed.join(', ')}${more > 0 ? `, and ${more} more` : ''}`];
}

/** One line a finding, for terminals and logs: `path:line:col  kind  redacted  fingerprint`. */
export function renderText(result: ScanResult): string {
  const shown = new Set<string>();
  const lines = result.findings.flatMap((f) => {
    const line = `${f.alert ? `GitHub alert #${f.alert.number} ` : ''}${f.file ? printable(placePath(f)) : '(not in a file)'}:${f.line}:${f.column}  ${kindLabel(f.kind)}${f.encoding !== 'plain' ? ` (${f.encoding})` : ''}  ${f.redacted}  ${f.fingerprint}${gitNote(f)}${responseNote(f)}`;
    // A key's use since exposure, once, under its first finding.
    const e = f.response?.exposure;
    const first = e && !shown.has(f.fingerprint);
    if (first) shown.add(f.fingerprint);
    return [line, ...placesNote(f), ...(first ? [`  ${f.redacted} used ${exposureLine(e)}`] : [])];
  });
  for (const s of result.skipped.slice(0, SKIPPED_SHOWN)) lines.push(`skipped ${printable(s.path)}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`);
  if (result.skipped.length > SKIPPED_SHOWN) lines.push(`skipped ${count(result.skipped.length - SKIPPED_SHOWN, 'more file')} (--format json lists them all)`);
  const { stats } = result;
  if (result.coverage) lines.push(`history: ${describeCoverage(result.coverage)}`);
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
