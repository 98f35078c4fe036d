import { detectKeys, mayContainKey, type Match } from '../detect/index.ts';
import type { FileReader, SkipReason } from '../sources/worktree.ts';

/** A match as it crosses a thread boundary: structured clone keeps fields, not SecretValue. */
export type WireMatch = Omit<Match, 'secret'> & { readonly key: string };

/** What scanning one listed path gave. Plain data, so a worker thread can send it back. */
export type FileOutcome =
  | { readonly kind: 'scanned'; readonly path: string; readonly bytes: number; readonly matches: readonly WireMatch[] }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: SkipReason; readonly detail?: string }
  | { readonly kind: 'gone'; readonly path: string };

/** Reads one file, and detects only when the prefilter says the bytes may hold a key. */
export function scanFile(reader: FileReader, rel: string): FileOutcome {
  const read = reader.read(rel);
  if (read.kind !== 'file') return read;
  const matches: WireMatch[] = [];
  if (mayContainKey(read.data)) {
    for (const { secret, ...m } of detectKeys(read.data.toString('utf8'))) matches.push({ ...m, key: secret.reveal() });
  }
  return { kind: 'scanned', path: rel, bytes: read.data.length, matches };
}

/**
 * The outcome of a batch of paths, compact for the trip back from a worker: files without a match
 * are only counted (cloning 20,000 empty outcomes cost more than scanning them).
 */
export interface BatchResult {
  readonly filesScanned: number;
  readonly bytesScanned: number;
  /** Files with matches, and skipped files. */
  readonly notable: readonly Exclude<FileOutcome, { kind: 'gone' }>[];
}

export function scanBatch(reader: FileReader, paths: readonly string[]): BatchResult {
  let filesScanned = 0;
  let bytesScanned = 0;
  const notable: Exclude<FileOutcome, { kind: 'gone' }>[] = [];
  for (const rel of paths) {
    const o = scanFile(reader, rel);
    if (o.kind === 'gone') continue;
    if (o.kind === 'scanned') {
      filesScanned++;
      bytesScanned += o.bytes;
      if (o.matches.length === 0) continue;
    }
    notable.push(o);
  }
  return { filesScanned, bytesScanned, notable };
}
