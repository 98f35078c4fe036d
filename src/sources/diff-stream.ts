import { PREFILTER_LITERALS } from '../detect/index.ts';

/**
 * Reads the output of `git log -p -U0 --format=%x00%H %at %P` (or `git diff -U0`) as it streams and
 * hands back only the added lines that may hold a key, with their commit and file. Whole-history
 * output runs to gigabytes, so nothing is parsed line by line: each chunk costs a few byte searches
 * (the key markers, the last commit header, the last file header), and only lines around a marker
 * are decoded. Memory is one chunk plus the longest line.
 */

/** One commit header, from the NUL-led format line keyguard asks git for. */
export interface CommitInfo {
  readonly sha: string;
  /** Author date, unix seconds. */
  readonly authorTime: number;
  readonly parents: number;
}

/** An added line holding a key marker. */
export interface AddedLine {
  /** Null for `git diff --cached` (the index has no commit). */
  readonly commit: CommitInfo | null;
  readonly file: string;
  /** The line's text without the diff prefix column(s). */
  readonly text: string;
}

const LITERALS = PREFILTER_LITERALS.map((l) => Buffer.from(l, 'latin1'));
const NL = 0x0a;
const DIFF_HEADER = Buffer.from('\ndiff ');
const HUNK = Buffer.from('\n@@');

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
  return Buffer.from(bytes).toString('utf8');
}

/** The new-side path of a file header block (`+++ b/path`), or undefined for a deletion or no content. */
function pathFromHeader(block: string): string | undefined {
  const m = /^\+\+\+ (.*)$/m.exec(block);
  if (!m || m[1] === '/dev/null') return undefined;
  // Git ends the name with a tab when it holds a space; a real tab would have been quoted.
  const p = unquoteGitPath(m[1]!.replace(/\t$/, ''));
  return p.startsWith('b/') ? p.slice(2) : p;
}

export class DiffStreamScanner {
  #carry: Buffer = Buffer.alloc(0);
  #commit: CommitInfo | null;
  #file: string | undefined;
  /** The end of the current file's header block has been seen (we are in its hunks). */
  #inHunks = false;

  /** `commit` is the commit every line belongs to when the stream has no headers (git diff --cached). */
  constructor(commit: CommitInfo | null = null) {
    this.#commit = commit;
  }

  /** Feeds one chunk; returns the added lines in it that hold a marker. */
  push(chunk: Buffer): AddedLine[] {
    const buf = this.#carry.length ? Buffer.concat([this.#carry, chunk]) : chunk;
    let end = buf.lastIndexOf(NL) + 1;
    // Keep an unfinished file header block for the next chunk, so its `+++` line is read whole.
    const lastDiff = lastHeaderStart(buf, end);
    if (lastDiff !== -1 && buf.indexOf(HUNK, lastDiff) === -1 && !endsHeaderBlock(buf, lastDiff, end)) end = lastDiff;
    const out = this.#scan(buf, end);
    this.#carry = Buffer.from(buf.subarray(end));
    return out;
  }

  /** Flushes what is left at the end of the stream. */
  end(): AddedLine[] {
    const buf = this.#carry;
    this.#carry = Buffer.alloc(0);
    if (buf.length === 0) return [];
    const full = buf[buf.length - 1] === NL ? buf : Buffer.concat([buf, Buffer.from('\n')]);
    return this.#scan(full, full.length);
  }

  #scan(buf: Buffer, end: number): AddedLine[] {
    const hits: number[] = [];
    for (const lit of LITERALS) {
      for (let at = buf.indexOf(lit); at !== -1 && at < end; at = buf.indexOf(lit, at + 1)) hits.push(at);
    }
    hits.sort((a, b) => a - b);
    const out: AddedLine[] = [];
    let lastLine = -1;
    for (const h of hits) {
      const lineStart = buf.lastIndexOf(NL, h) + 1;
      if (lineStart === lastLine) continue; // several markers on one line: read it once
      lastLine = lineStart;
      const ctx = this.#contextAt(buf, lineStart);
      if (!ctx.file || !ctx.inHunks) continue;
      const columns = Math.max(1, ctx.commit?.parents ?? 1);
      let i = 0;
      while (i < columns && buf[lineStart + i] === 0x2b) i++;
      // Added means `+` in every parent column: in a merge's combined diff, ` +` came from a parent.
      if (i < columns) continue;
      const lineEnd = buf.indexOf(NL, h);
      out.push({ commit: ctx.commit, file: ctx.file, text: buf.toString('utf8', lineStart + columns, lineEnd === -1 ? end : lineEnd) });
    }
    this.#advance(buf, end);
    return out;
  }

  /** The commit, file and header/hunk state in force at `pos`, from the nearest headers before it. */
  #contextAt(buf: Buffer, pos: number): { commit: CommitInfo | null; file: string | undefined; inHunks: boolean } {
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
    const ctx = this.#contextAt(buf, end);
    this.#commit = ctx.commit;
    this.#file = ctx.file;
    this.#inHunks = ctx.inHunks;
  }
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
