import { ARCHIVE_DEPTH, countNewlines, decodeBytes, detectInFile, detectKeys, isArchive, LITERAL_SEARCHES, mayContainKey, sniffEncoding, unmarkedUtf16, utf16Mark, type ArchiveLimits, type FileMatch, type TextEncoding } from '../detect/index.ts';
import { DIRECTORY, OVERLAP, PACK, type FileReader, type SkipReason, type Window } from '../sources/file-reader.ts';
import { walk } from '../sources/walk.ts';

/** A match as it crosses a thread boundary: structured clone keeps fields, not SecretValue. */
export type WireMatch = Omit<FileMatch, 'secret'> & { readonly key: string; readonly source?: 'file-name' };

/** Matches ready for the trip back from a worker. */
function toWire(matches: readonly FileMatch[], source?: 'file-name'): WireMatch[] {
  return matches.map(({ secret, ...m }) => ({ ...m, key: secret.reveal(), ...(source ? { source } : {}) }));
}

/** What scanning one listed path gave. Plain data, so a worker thread can send it back. */
export type FileOutcome =
  | { readonly kind: 'scanned'; readonly path: string; readonly bytes: number; readonly matches: readonly WireMatch[] }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: SkipReason; readonly detail?: string }
  | { readonly kind: 'gone'; readonly path: string };

/**
 * Detects keys in a file's successive windows (see FileReader.readWindows), with lines and columns
 * counted from the start of the file. A window's last OVERLAP bytes are read again at the start of
 * the next one, so a match that starts there is left to the next window, where it is whole.
 */
export class WindowScanner {
  #encoding: TextEncoding = 'utf8';
  /** The file starts like an archive: its entries are read once it is whole (see scanFile). */
  archive = false;
  /** Lines before the current window, and characters of its first line that came before it. */
  #lines = 0;
  #column = 0;
  readonly matches: WireMatch[] = [];

  push(w: Window): void {
    if (w.first) {
      this.#encoding = sniffEncoding(w.data);
      this.archive = isArchive(w.data);
    }
    const utf16 = this.#encoding === 'utf16le' || this.#encoding === 'utf16be';
    const cut = w.last ? w.data.length : w.data.length - OVERLAP;
    // Bytes are checked for the markers before anything is decoded (UTF-16 must be decoded first).
    if (utf16 || mayContainKey(w.data)) {
      const head = decodeBytes(w.data.subarray(0, cut), this.#encoding, w.first);
      const text = w.last ? head : head + decodeBytes(w.data.subarray(cut), this.#encoding, false);
      if (!utf16 || mayContainKey(text)) {
        for (const { secret, ...m } of detectKeys(text)) {
          if (m.offset >= head.length) continue;
          const shifted = m.line === 1 ? { column: m.column + this.#column, endColumn: m.endColumn + this.#column } : {};
          this.matches.push({ ...m, ...shifted, line: m.line + this.#lines, key: secret.reveal() });
        }
      }
      if (!w.last && utf16) this.#advance(head);
      if (this.#encoding === 'binary') this.#unmarkedUtf16(w, cut);
    }
    if (!w.last && !utf16) {
      // Lines are counted on the bytes; only the part of the last line is decoded, for its width.
      const bytes = w.data.subarray(0, cut);
      const lastNl = bytes.lastIndexOf(0x0a);
      this.#lines += countNewlines(bytes);
      const tail = decodeBytes(bytes.subarray(lastNl + 1), this.#encoding, false).length;
      this.#column = lastNl === -1 ? this.#column + tail : tail;
    }
  }

  /** Keys in a binary window that holds the marker in UTF-16 without a byte-order mark (see unmarkedUtf16). */
  #unmarkedUtf16(w: Window, cut: number): void {
    const encoding = unmarkedUtf16(w.data);
    if (!encoding) return;
    // Windows start at even offsets (WINDOW and OVERLAP are), so the parity is the file's.
    for (const { secret, ...m } of detectKeys(decodeBytes(w.data, encoding, false))) {
      if (!w.last && m.offset * 2 >= cut) continue;
      this.matches.push({ ...m, line: m.line + this.#lines, key: secret.reveal() });
    }
  }

  #advance(head: string): void {
    const lastNl = head.lastIndexOf('\n');
    for (let i = head.indexOf('\n'); i !== -1; i = head.indexOf('\n', i + 1)) this.#lines++;
    this.#column = lastNl === -1 ? this.#column + head.length : head.length - lastNl - 1;
  }
}

/**
 * Reads one file window by window; only windows the prefilter passes are decoded and searched. An
 * archive (at most the size limit, as every file) is then read whole, for its entries.
 */
export function scanFile(reader: FileReader, rel: string, archiveDepth = ARCHIVE_DEPTH): FileOutcome[] {
  const scanner = new WindowScanner();
  const read = reader.readWindows(rel, (w) => scanner.push(w));
  if (read.kind !== 'file') return [read];
  if (scanner.archive && archiveDepth > 0) {
    const whole = reader.read(rel, { binary: true });
    return whole.kind === 'file' ? scanArchive(rel, whole.data, { maxFileSize: reader.maxFileSize, archiveDepth }) : [whole];
  }
  return [{ kind: 'scanned', path: rel, bytes: read.bytes, matches: scanner.matches }];
}

/** The keys in an archive's bytes and its entries', and an outcome for each entry that could not be read. */
function scanArchive(rel: string, data: Uint8Array, limits: ArchiveLimits): FileOutcome[] {
  const { matches, unread } = detectInFile(data, rel, limits);
  return [
    { kind: 'scanned', path: rel, bytes: data.length, matches: toWire(matches) },
    ...unread.map((detail) => ({ kind: 'skipped' as const, path: rel, reason: 'archive-entry' as const, detail })),
  ];
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

/** The least room left in a pack worth a read: a larger file is read on its own more often than not. */
const MIN_ROOM = 256 << 10;

/**
 * Scans a batch of paths. Small files are read back to back into one buffer, a newline after each
 * (no literal spans two files), and the buffer is searched once per prefilter literal: searching
 * each file on its own cost a native call per literal and file, a third of a 20,000-file scan.
 * Only the files a literal hits, and UTF-16 ones (their bytes never hold the ASCII literals), are
 * scanned whole; a file that does not fit is read window by window on its own.
 */
export function scanBatch(reader: FileReader, paths: readonly string[], archiveDepth = ARCHIVE_DEPTH): BatchResult {
  let filesScanned = 0;
  let bytesScanned = 0;
  const notable: Exclude<FileOutcome, { kind: 'gone' }>[] = [];
  const pack = reader.pack;
  const packed: { path: string; start: number; end: number }[] = [];
  // Git lists a submodule or a nested repository as one path: its files are walked after the batch.
  const directories: string[] = [];
  let used = 0;
  const take = (o: FileOutcome) => {
    if (o.kind === 'gone') return;
    if (o.kind === 'scanned') {
      filesScanned++;
      bytesScanned += o.bytes;
      if (o.matches.length === 0) return;
    }
    notable.push(o);
  };
  // Keys in text that is not a file's content: a symlink's target, a file's name.
  const found = (path: string, text: string, source?: 'file-name') => {
    const matches = mayContainKey(text) ? toWire(detectKeys(text), source) : [];
    if (matches.length > 0) notable.push({ kind: 'scanned', path, bytes: 0, matches });
  };
  // A file named after a key is a leak of its own: one search of the batch's names, most find nothing.
  if (mayContainKey(paths.join('\n'))) for (const rel of paths) found(rel, rel, 'file-name');
  const flush = () => {
    for (const i of filesHit(pack, used, packed, archiveDepth > 0)) {
      const { path, start, end } = packed[i]!;
      if (archiveDepth > 0 && isArchive(pack, start, end)) {
        const [scanned, ...unread] = scanArchive(path, pack.subarray(start, end), { maxFileSize: reader.maxFileSize, archiveDepth });
        if (scanned?.kind === 'scanned' && scanned.matches.length > 0) notable.push(scanned);
        for (const o of unread) take(o);
        continue;
      }
      const scanner = new WindowScanner();
      scanner.push({ data: pack.subarray(start, end), first: true, last: true });
      if (scanner.matches.length > 0) notable.push({ kind: 'scanned', path, bytes: end - start, matches: scanner.matches });
    }
    for (const p of packed) bytesScanned += p.end - p.start;
    filesScanned += packed.length;
    packed.length = 0;
    used = 0;
  };
  for (const rel of paths) {
    if (PACK - used < MIN_ROOM) flush();
    const read = reader.readInto(rel, pack, used, PACK - used - 1);
    if (read.kind === 'fits') {
      packed.push({ path: rel, start: used, end: used + read.bytes });
      used += read.bytes;
      pack[used++] = 0x0a;
    } else if (read.kind === 'too-big') {
      for (const o of scanFile(reader, rel, archiveDepth)) take(o);
    } else if (read.kind === 'skipped' && read.detail === DIRECTORY) {
      directories.push(rel.replace(/\/$/, '')); // an untracked repository is listed as `dir/`
    } else {
      take(read);
      // A symlink is not followed, but its target is text git commits as the link's content.
      if (read.kind === 'skipped' && read.reason === 'symlink') {
        const target = reader.linkTarget(rel);
        if (target !== undefined) found(rel, target);
      }
    }
  }
  flush();
  for (const dir of directories) {
    try {
      for (const files of walk(`${reader.root}/${dir}`)) {
        const more = scanBatch(reader, files.map((f) => `${dir}/${f}`), archiveDepth);
        filesScanned += more.filesScanned;
        bytesScanned += more.bytesScanned;
        notable.push(...more.notable);
      }
    } catch (e) {
      take({ kind: 'skipped', path: dir, reason: 'unreadable', detail: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
  }
  return { filesScanned, bytesScanned, notable };
}

/**
 * Indices of the packed files that a prefilter literal hits, or that start with a UTF-16
 * byte-order mark or, when `archives` are read, like an archive. Past a hit the search goes on from the next file: a file full of markers costs
 * one hit per literal.
 */
function filesHit(pack: Buffer, used: number, packed: readonly { start: number; end: number }[], archives: boolean): Set<number> {
  const hit = new Set<number>();
  packed.forEach((p, i) => {
    if (utf16Mark(pack, p.start) || (archives && isArchive(pack, p.start, p.end))) hit.add(i);
  });
  const data = pack.subarray(0, used);
  for (const literal of LITERAL_SEARCHES) {
    let file = 0;
    for (let at = literal.indexIn(data); at !== -1; ) {
      while (packed[file]!.end <= at) file++;
      hit.add(file);
      at = literal.indexIn(data, packed[file]!.end);
    }
  }
  return hit;
}
