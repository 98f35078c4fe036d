import { LITERAL_SEARCHES, mayContainKey } from '../detect/index.ts';
import { decodeFileName } from '../text/file-name.ts';

/**
 * Reads the output of `git log -p -U0 --format=%x00%H %at %P` (or `git diff -U0`) as it streams and
 * hands back only the added lines that may hold a key, with their commit and file. Whole-history
 * output runs to gigabytes, so nothing is parsed line by line: each chunk costs a few byte searches
 * (the key markers, the last commit header, the last file header), and only lines around a marker
 * are decoded. Memory is one chunk plus the longest line. The log's commit messages
 * (`%n%B%x00` after the header) are taken out of each chunk first, by LogMessages.
 */

/** One commit header, from the NUL-led format line keyguard asks git for. */
export interface CommitInfo {
  readonly sha: string;
  /** Author date, unix seconds. */
  readonly authorTime: number;
  readonly parents: number;
}

/**
 * A file git shows as `Binary files … differ` (a NUL byte, a `-diff` or `binary` attribute, or
 * UTF-16): its new blob is read whole and scanned by its bytes.
 */
export interface BinaryChange {
  readonly commit: CommitInfo | null;
  readonly file: string;
  /** The new blob's id (from the `index` line; needs --full-index). */
  readonly blob: string;
}

/** An added line longer than the size limit: not scanned, and reported. */
export interface SkippedLine {
  readonly commit: CommitInfo | null;
  readonly file: string | undefined;
  readonly bytes: number;
}

/** An added line holding a key marker. */
export interface AddedLine {
  /** Null for `git diff --cached` (the index has no commit). */
  readonly commit: CommitInfo | null;
  readonly file: string;
  /** The line's text without the diff prefix column(s). */
  readonly text: string;
  /**
   * The line with up to six added lines on each side that came in the same chunk (best effort),
   * for base64 wrapped over lines; the same as `text` when there are none.
   */
  readonly around: string;
  /** Not a line of the file: its name, which a commit gave it (a new file, a rename or a copy). `text` is the path. */
  readonly name?: true;
}

const NL = 0x0a;
const SPACE = 0x20;
const DIFF_HEADER = Buffer.from('\ndiff ');
const HUNK = Buffer.from('\n@@');
const BINARY = Buffer.from('\nBinary files ');

/** Parses a NUL-led header line: `\0<sha> <author time> <parent> <parent>…`. Anything else is not one. */
function parseCommit(line: string): CommitInfo | undefined {
  const m = /^([0-9a-f]{40,64}) (\d+)((?: [0-9a-f]{40,64})*) ?$/.exec(line); // a root commit ends in a space
  if (!m) return undefined;
  return { sha: m[1]!, authorTime: Number(m[2]), parents: m[3]!.trim() ? m[3]!.trim().split(' ').length : 0 };
}

/** Git's C-style quoting of unusual paths (`"a\tb"`, octal escapes for raw bytes). */
export function unquoteGitPath(p: string): string {
  if (!p.startsWith('"') || !p.endsWith('"')) return p;
  const bytes: number[] = [];
  const body = Buffer.from(p.slice(1, -1), 'utf8');
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== 0x5c) {
      bytes.push(body[i]!);
      continue;
    }
    const c = String.fromCharCode(body[i + 1]!);
    if (/[0-7]/.test(c)) {
      bytes.push(parseInt(body.subarray(i + 1, i + 4).toString('latin1'), 8));
      i += 3;
    } else {
      bytes.push(simple[c] ?? body[i + 1]!);
      i += 1;
    }
  }
  return decodeFileName(Buffer.from(bytes));
}

/** A file header's first line (a regular expression: git's flag, not keyguard's). */
const DIFF_GIT = /^diff --git /;
/** A merge's file header in a combined diff: one path, no `a/` or `b/`. */
const DIFF_CC = /^diff --(?:cc|combined) /;
/** Either. */
const FILE_HEADER = /^diff --(?:git|cc|combined) /;

/**
 * The path a file header block at `start` gives a file (a new file, a rename or a copy), from its
 * `diff --git` line; undefined when the block only changes a file that had the name already. An
 * empty new file (`touch $OPENAI_API_KEY`) has no `+++` line: this line is the only one naming it.
 */
function namedPath(buf: Buffer, start: number, lineEnd: number, end: number): string | undefined {
  const stops = [buf.indexOf(HUNK, lineEnd), buf.indexOf(DIFF_HEADER, lineEnd), end].filter((i) => i !== -1 && i <= end);
  const block = buf.toString('utf8', lineEnd, Math.min(...stops));
  if (!/\n(?:new file mode|rename to|copy to) /.test(block)) return undefined;
  const line = buf.toString('utf8', start, lineEnd);
  // A merge that adds a file neither parent has (`new file mode` in the combined diff).
  if (DIFF_CC.test(line)) {
    const name = line.replace(DIFF_CC, '');
    return name.startsWith('"') ? unquoteGitPath(name) : name;
  }
  const rest = line.replace(DIFF_GIT, '');
  // `a/P b/P` for a new file; a rename's `b/` side is after the last ` b/` (or quoted: ` "b/`).
  const half = (rest.length - 1) / 2;
  if (rest.startsWith('a/') && rest.slice(half) === ` b/${rest.slice(2, half)}`) return rest.slice(2, half);
  const quoted = rest.lastIndexOf(' "b/');
  if (quoted !== -1 && rest.endsWith('"')) return unquoteGitPath(rest.slice(quoted + 1)).slice(2);
  const plain = rest.lastIndexOf(' b/');
  return plain === -1 ? undefined : rest.slice(plain + 3);
}

/** The new-side path of a file header block (`+++ b/path`), or undefined for a deletion or no content. */
function pathFromHeader(block: string): string | undefined {
  const m = /^\+\+\+ (.*)$/m.exec(block);
  if (!m || m[1] === '/dev/null') return undefined;
  // Git ends the name with a tab when it holds a space; a real tab would have been quoted.
  const p = unquoteGitPath(m[1]!.replace(/\t$/, ''));
  return p.startsWith('b/') ? p.slice(2) : p;
}

/** A commit's message as git printed it (`%B`: up to its first NUL, if it has one). */
export interface CommitMessage {
  readonly commit: CommitInfo;
  readonly text: string;
}

/**
 * Takes the commit messages out of `git log -p --format=%x00%H %at %P%n%B%x00` as it streams,
 * before DiffStreamScanner reads the same chunks: each message's bytes (and the NUL that ends it)
 * are overwritten with spaces in place, so the scanner sees the header line and the diff and no
 * text an author wrote (a message can be written to look like a diff, a binary change or a
 * header). A commit's NUL is the first byte of a line; every line of a diff starts with git's own
 * prefix, so a NUL anywhere else is a file's text (a file with a NUL that .gitattributes makes
 * diff as text) and becomes a space too: taken for a header, it hid the lines after it. Only
 * messages that may hold a key are decoded. One instance reads one git process's output.
 */
export class LogMessages {
  /** Commit headers read so far. */
  commits = 0;
  #state: 'diff' | 'header' | 'message' = 'diff';
  /** The chunk before ended a line (a stream starts with one). */
  #lineStart = true;
  /** The header line, or the message, so far, when they run across chunks (copies: chunks are blanked). */
  #parts: Buffer[] = [];
  #commit: CommitInfo | undefined;

  /** Blanks the messages in `chunk` and returns those that ended in it and may hold a key. */
  push(chunk: Buffer): CommitMessage[] {
    /** Message bytes of this chunk, blanked once searched. */
    const blank: [start: number, end: number][] = [];
    const ended: { region: number; commit: CommitInfo | undefined; whole: Buffer | undefined }[] = [];
    for (let pos = 0; pos < chunk.length; ) {
      if (this.#state === 'diff') {
        const nul = chunk.indexOf(0, pos);
        if (nul === -1) break;
        pos = nul + 1;
        if (nul === 0 ? this.#lineStart : chunk[nul - 1] === NL) {
          this.commits++;
          this.#state = 'header';
        } else chunk[nul] = SPACE;
      } else if (this.#state === 'header') {
        const nl = chunk.indexOf(NL, pos);
        if (nl === -1) {
          this.#parts.push(Buffer.from(chunk.subarray(pos)));
          break;
        }
        const line = this.#parts.length ? Buffer.concat([...this.#parts, chunk.subarray(pos, nl)]) : chunk.subarray(pos, nl);
        this.#parts = [];
        this.#commit = parseCommit(line.toString('utf8'));
        this.#state = 'message';
        pos = nl + 1;
      } else {
        const nul = chunk.indexOf(0, pos);
        const end = nul === -1 ? chunk.length : nul;
        blank.push([pos, end]);
        if (nul === -1 || this.#parts.length) this.#parts.push(Buffer.from(chunk.subarray(pos, end)));
        if (nul === -1) break;
        ended.push({ region: blank.length - 1, commit: this.#commit, whole: this.#parts.length ? Buffer.concat(this.#parts) : undefined });
        this.#parts = [];
        this.#state = 'diff';
        pos = nul + 1;
      }
    }
    this.#lineStart = chunk.length > 0 ? chunk[chunk.length - 1] === NL : this.#lineStart;
    const marked = markedRegions(chunk, blank);
    const out: CommitMessage[] = [];
    for (const { region, commit, whole } of ended) {
      const [start, end] = blank[region]!;
      if (commit && (whole ? mayContainKey(whole) : marked[region])) out.push({ commit, text: whole ? whole.toString('utf8') : chunk.toString('utf8', start, end) });
    }
    // The message's end NUL too: the scanner takes the last NUL before a line for its commit's header.
    for (const [start, end] of blank) chunk.fill(SPACE, start, Math.min(chunk.length, end + 1));
    return out;
  }
}

/**
 * Which regions (in order, not overlapping) of `buf` hold a key literal whole: a search per literal
 * over the chunk, each jumping to the next region, so a chunk costs a few searches however many
 * messages it holds (a search per message would be tens of thousands of calls per history).
 */
function markedRegions(buf: Buffer, regions: readonly (readonly [number, number])[]): boolean[] {
  const marked = regions.map(() => false);
  if (regions.length === 0) return marked;
  for (const lit of LITERAL_SEARCHES) {
    let hit = -1;
    for (let r = 0; r < regions.length; r++) {
      const [start, end] = regions[r]!;
      if (hit < start) hit = lit.indexIn(buf, start);
      if (hit === -1) break;
      if (hit + lit.literal.length <= end) marked[r] = true;
    }
  }
  return marked;
}

export class DiffStreamScanner {
  #carry: Buffer = Buffer.alloc(0);
  /** Bytes of the unfinished line at the end of the carry. */
  #carryLine = 0;
  /** Chunks of one unfinished line, joined once its end arrives (joining at each chunk was quadratic). */
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  /** Dropping the rest of a line longer than maxLine (`file` undefined: not an added line). */
  #skipping: { commit: CommitInfo | null; file: string | undefined; bytes: number } | undefined;
  #commit: CommitInfo | null;
  #file: string | undefined;
  /** The end of the current file's header block has been seen (we are in its hunks). */
  #inHunks = false;
  readonly #maxLine: number;
  /** Binary files seen so far; the caller takes them with `takeBinaries`. */
  #binaries: BinaryChange[] = [];
  /** Added lines over the size limit. */
  readonly skipped: SkippedLine[] = [];

  /**
   * `commit` is the commit every line belongs to when the stream has no headers (git diff
   * --cached); lines longer than `maxLine` bytes are skipped and listed in `skipped`.
   */
  constructor(commit: CommitInfo | null = null, maxLine = Number.MAX_SAFE_INTEGER) {
    this.#commit = commit;
    this.#maxLine = maxLine;
  }

  /** Feeds one chunk; returns the added lines in it that hold a marker. */
  push(chunk: Buffer): AddedLine[] {
    if (this.#skipping) {
      const nl = chunk.indexOf(NL);
      if (nl === -1) {
        this.#skipping.bytes += chunk.length;
        return [];
      }
      if (this.#skipping.file) this.skipped.push({ ...this.#skipping, bytes: this.#skipping.bytes + nl });
      this.#skipping = undefined;
      chunk = chunk.subarray(nl + 1);
    }
    if (chunk.indexOf(NL) === -1) {
      this.#pending.push(chunk);
      this.#pendingBytes += chunk.length;
      const lineBytes = this.#carryLine + this.#pendingBytes;
      if (lineBytes > this.#maxLine) this.#startSkipping(lineBytes);
      return [];
    }
    const buf = this.#carry.length || this.#pending.length ? Buffer.concat([this.#carry, ...this.#pending, chunk]) : chunk;
    this.#pending = [];
    this.#pendingBytes = 0;
    let end = buf.lastIndexOf(NL) + 1;
    // Keep an unfinished file header block for the next chunk, so its `+++` line is read whole.
    const lastDiff = lastHeaderStart(buf, end);
    if (lastDiff !== -1 && buf.indexOf(HUNK, lastDiff) === -1 && !endsHeaderBlock(buf, lastDiff, end)) end = lastDiff;
    const out = this.#scan(buf, end);
    this.#carry = Buffer.from(buf.subarray(end));
    this.#carryLine = this.#carry.length - (this.#carry.lastIndexOf(NL) + 1);
    return out;
  }

  /** The line being read is over the limit: note it, process what came before it, drop the rest. */
  #startSkipping(lineBytes: number): void {
    const buf = Buffer.concat([this.#carry, ...this.#pending]);
    const lineStart = buf.length - lineBytes;
    this.#early.push(...this.#scan(buf, lineStart));
    const added = this.#inHunks && isAdded(buf, lineStart, Math.max(1, this.#commit?.parents ?? 1));
    this.#carry = Buffer.alloc(0);
    this.#carryLine = 0;
    this.#pending = [];
    this.#pendingBytes = 0;
    // Only an added line is worth reporting; a removed or header line is dropped all the same.
    this.#skipping = { commit: this.#commit, file: added ? this.#file : undefined, bytes: lineBytes };
  }

  /** Lines found while starting to skip a long line, handed out with the next chunk's. */
  #early: AddedLine[] = [];

  /** The binary files seen since the last call. */
  takeBinaries(): BinaryChange[] {
    const out = this.#binaries;
    this.#binaries = [];
    return out;
  }

  /** Flushes what is left at the end of the stream. */
  end(): AddedLine[] {
    if (this.#skipping?.file) this.skipped.push(this.#skipping);
    this.#skipping = undefined;
    const buf = Buffer.concat([this.#carry, ...this.#pending]);
    this.#carry = Buffer.alloc(0);
    this.#pending = [];
    if (buf.length === 0) return this.#early.splice(0);
    const full = buf[buf.length - 1] === NL ? buf : Buffer.concat([buf, Buffer.from('\n')]);
    return this.#scan(full, full.length);
  }

  #scan(buf: Buffer, end: number): AddedLine[] {
    const out: AddedLine[] = this.#early.splice(0);
    this.#findBinaries(buf, end);
    const hits: number[] = [];
    for (const lit of LITERAL_SEARCHES) {
      // One hit a line is enough (the line is read whole): go on from the line's end, so a line of
      // a million markers costs one search, not a million entries to sort.
      for (let at = lit.indexIn(buf); at !== -1 && at < end; ) {
        hits.push(at);
        const nl = buf.indexOf(NL, at);
        at = nl === -1 ? -1 : lit.indexIn(buf, nl + 1);
      }
    }
    hits.sort((a, b) => a - b);
    let lineEnd = -1;
    const ctx = new ContextCache(this, buf);
    // A line over the limit that ended inside this buffer (one that runs across chunks is dropped
    // as it streams): skipped the same way. Only a buffer longer than the limit can hold one.
    const tooLong = buf.length > this.#maxLine ? this.#longLines(buf, end) : [];
    for (const h of hits) {
      if (h < lineEnd) continue; // several markers on one line: read it once
      const lineStart = buf.lastIndexOf(NL, h) + 1;
      lineEnd = buf.indexOf(NL, h);
      if (lineEnd === -1) lineEnd = end;
      if (tooLong.includes(lineStart)) continue;
      const c = ctx.at(lineStart);
      if (FILE_HEADER.test(buf.toString('latin1', lineStart, lineStart + 16))) {
        const named = namedPath(buf, lineStart, lineEnd, end);
        if (named) out.push({ commit: c.commit, file: named, text: named, around: named, name: true });
        continue;
      }
      if (!c.file || !c.inHunks) continue;
      const columns = Math.max(1, c.commit?.parents ?? 1);
      if (!isAdded(buf, lineStart, columns)) continue;
      // Wrapped base64 spans lines: the added lines around this one come along (findings are
      // placed by reading the blob again, so the extra text changes no position).
      const text = buf.toString('utf8', lineStart + columns, lineEnd);
      out.push({ commit: c.commit, file: c.file, text, around: addedAround(buf, lineStart, lineEnd, end, columns) ?? text });
    }
    this.#advance(buf, end);
    return out;
  }

  /** Starts of the added lines longer than the limit in `buf` before `end`, each listed in `skipped`. */
  #longLines(buf: Buffer, end: number): number[] {
    const out: number[] = [];
    for (let start = 0; start < end; ) {
      let stop = buf.indexOf(NL, start);
      if (stop === -1 || stop > end) stop = end;
      if (stop - start > this.#maxLine) {
        const c = this.contextAt(buf, start);
        if (c.file && c.inHunks && isAdded(buf, start, Math.max(1, c.commit?.parents ?? 1))) {
          out.push(start);
          this.skipped.push({ commit: c.commit, file: c.file, bytes: stop - start });
        }
      }
      start = stop + 1;
    }
    return out;
  }

  /** `Binary files a/x and b/y differ` lines: the new blob of each, from its header block. */
  #findBinaries(buf: Buffer, end: number): void {
    for (let at = buf.indexOf(BINARY); at !== -1 && at < end; at = buf.indexOf(BINARY, at + 1)) {
      const lineEnd = buf.indexOf(NL, at + 1);
      const d = lastHeaderStart(buf, at + 1);
      if (d === -1 || lineEnd === -1) continue;
      const block = buf.toString('utf8', d, lineEnd);
      const blob = /^index (?:[0-9a-f]+,)*[0-9a-f]+\.\.([0-9a-f]{40,64})/m.exec(block)?.[1];
      const names = /^Binary files (.*) and (.*) differ$/m.exec(block);
      if (!blob || !names || names[2] === '/dev/null' || /^0+$/.test(blob)) continue;
      const p = unquoteGitPath(names[2]!);
      this.#binaries.push({ commit: this.contextAt(buf, at + 1).commit, file: p.startsWith('b/') ? p.slice(2) : p, blob });
    }
  }

  /** The commit, file and header/hunk state in force at `pos`, from the nearest headers before it. */
  contextAt(buf: Buffer, pos: number): Context {
    const c = buf.lastIndexOf(0, pos);
    const d = lastHeaderStart(buf, pos);
    let commit = this.#commit;
    if (c !== -1) commit = parseCommit(buf.toString('utf8', c + 1, buf.indexOf(NL, c))) ?? commit;
    if (d === -1 || d < c) {
      // No file header since the last commit header in this chunk: carried state, unless a commit began here.
      return c === -1 ? { commit, file: this.#file, inHunks: this.#inHunks } : { commit, file: undefined, inHunks: false };
    }
    const hunk = buf.indexOf(HUNK, d);
    const inHunks = hunk !== -1 && hunk < pos;
    const block = buf.toString('utf8', d, inHunks ? hunk : pos);
    return { commit, file: pathFromHeader(block), inHunks };
  }

  /** Carries the last commit and file headers of the processed part into the next chunk. */
  #advance(buf: Buffer, end: number): void {
    const ctx = this.contextAt(buf, end);
    this.#commit = ctx.commit;
    this.#file = ctx.file;
    this.#inHunks = ctx.inHunks;
  }
}

interface Context {
  readonly commit: CommitInfo | null;
  readonly file: string | undefined;
  readonly inHunks: boolean;
}

/**
 * Context for the lines of one buffer, asked in increasing order: it is looked up again only
 * when a commit header, file header or hunk lies between the last line asked and this one, so
 * many marked lines in one file cost one lookup, not a backward search each.
 */
class ContextCache {
  #pos = -1;
  #ctx: Context | undefined;
  #nextEvent = -1;
  readonly #scanner: DiffStreamScanner;
  readonly #buf: Buffer;
  constructor(scanner: DiffStreamScanner, buf: Buffer) {
    this.#scanner = scanner;
    this.#buf = buf;
  }
  at(pos: number): Context {
    if (this.#ctx && this.#ctx.inHunks && (this.#nextEvent === -1 || this.#nextEvent >= pos)) return this.#ctx;
    this.#ctx = this.#scanner.contextAt(this.#buf, pos);
    this.#pos = pos;
    this.#nextEvent = nextEvent(this.#buf, this.#pos, this.#ctx.inHunks);
    return this.#ctx;
  }
}

/**
 * The first commit header or file header at or after `pos` (or hunk, while in a header block), or
 * -1. Both markers of a line start with the newline before it: searched from `pos`, a header line
 * that was itself asked about (a file named with a marker) was missed, and that file's lines were
 * taken for the file before it's, allow.paths and all.
 */
function nextEvent(buf: Buffer, pos: number, inHunks: boolean): number {
  const from = Math.max(0, pos - 1);
  const found = [buf.indexOf(0, pos), buf.indexOf(DIFF_HEADER, from), inHunks ? -1 : buf.indexOf(HUNK, from)].filter((i) => i !== -1);
  return found.length ? Math.min(...found) : -1;
}

/** Added means `+` in every parent column: in a merge's combined diff, ` +` came from a parent. */
function isAdded(buf: Buffer, lineStart: number, columns: number): boolean {
  for (let i = 0; i < columns; i++) if (buf[lineStart + i] !== 0x2b) return false;
  return true;
}

/** How many added lines around a marked one are joined to it, for base64 wrapped over lines. */
const WRAP_LINES = 6;

/**
 * The marked line's text with up to WRAP_LINES added lines (of base64 width) on each side, prefix
 * columns removed; undefined when there are none.
 */
function addedAround(buf: Buffer, lineStart: number, lineEnd: number, end: number, columns: number): string | undefined {
  let from = lineStart;
  for (let n = 0; n < WRAP_LINES && from > 0; n++) {
    const prev = buf.lastIndexOf(NL, from - 2) + 1;
    if (!isAdded(buf, prev, columns) || from - prev > 200) break;
    from = prev;
  }
  let to = lineEnd;
  for (let n = 0; n < WRAP_LINES && to < end; n++) {
    const next = buf.indexOf(NL, to + 1);
    if (next === -1 || next > end || !isAdded(buf, to + 1, columns) || next - to > 200) break;
    to = next;
  }
  if (from === lineStart && to === lineEnd) return undefined;
  const lines: string[] = [];
  for (let s = from; s < to; ) {
    const e = buf.indexOf(NL, s);
    const stop = e === -1 || e > to ? to : e;
    lines.push(buf.toString('utf8', s + columns, stop));
    s = stop + 1;
  }
  return lines.join('\n');
}

/** Start of the last `diff …` header line before `pos` (0 when the buffer starts with one). */
function lastHeaderStart(buf: Buffer, pos: number): number {
  // (A negative offset would make lastIndexOf count from the end.)
  const i = pos >= DIFF_HEADER.length ? buf.lastIndexOf(DIFF_HEADER, pos - DIFF_HEADER.length) : -1;
  if (i !== -1) return i + 1;
  return buf.subarray(0, 5).toString('latin1') === 'diff ' && pos > 0 ? 0 : -1;
}

/** A header block with no hunks yet (binary, rename, mode change) is over once a commit follows it. */
function endsHeaderBlock(buf: Buffer, start: number, end: number): boolean {
  const c = buf.indexOf(0, start);
  return c !== -1 && c < end;
}
