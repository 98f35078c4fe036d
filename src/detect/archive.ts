import { createRequire } from 'node:module';
import { detectInBytes } from './bytes.ts';
import { detectKeys, type Match } from './detect.ts';
import { mayContainKey } from './prefilter.ts';
import { sha256Hex } from './hash.ts';

/**
 * Archives are opened by their bytes, not their names: a zip (also .jar, .docx, .xlsx, .apk,
 * .whl, .nupkg), a gzip stream (.gz, .tgz) and a ustar or GNU tar. Their files are scanned like
 * any other, by default to this many levels (a zip in a zip in a zip).
 */
export const ARCHIVE_DEPTH = 3;

/** How far archives are read: `scan.maxFileSize` and `scan.archiveDepth` of the config (0: not opened). */
export interface ArchiveLimits {
  readonly maxFileSize: number;
  readonly archiveDepth: number;
  /** Zip entries read before in this scan (see EntryCache). */
  readonly cache?: EntryCache;
}

/**
 * The keys of zip entries read whole before, by the SHA-256 of their compressed bytes (with their
 * method, size, depth and name's last part, which decide what reading them gives): a history of a
 * rebuilt jar holds the same entries version after version, and each is then read once. Only
 * entries read without a problem are kept, so a hit gives what reading it again would.
 */
export class EntryCache {
  readonly #entries = new Map<string, readonly FileMatch[]>();

  get(key: string): readonly FileMatch[] | undefined {
    return this.#entries.get(key);
  }

  set(key: string, matches: readonly FileMatch[]): void {
    // Bounded: past it, the cache starts again (a miss only costs the read).
    if (this.#entries.size >= 100_000) this.#entries.clear();
    this.#entries.set(key, matches);
  }
}

type Zlib = typeof import('node:zlib');
let zlib: Zlib | undefined;

/** node:zlib, loaded at the first archive (about 2 ms of start-up otherwise, on every thread). Decompression only: no I/O. */
function loadZlib(): Zlib {
  return (zlib ??= createRequire(import.meta.url)('node:zlib') as Zlib);
}

/**
 * An archive expands to at most this many times its own size (and never past the size limit):
 * text compresses 5 to 20 times, a zip bomb 1,000 times. A pull request of bombs costs no more
 * to scan than a hundred times its bytes.
 */
export const EXPANSION_RATIO = 100;
/** What even a tiny archive may expand to. */
const EXPANSION_FLOOR = 64 << 10;

/**
 * A key in a file's bytes; `entry` is the path inside an archive, each level after a `!`. A key in
 * an entry's name (anyone who opens the archive reads it) has `source` `file-name`.
 */
export type FileMatch = Match & { readonly entry?: string; readonly source?: 'file-name' };

/** Every key a file's bytes hold, and what of them could not be read (an encrypted or damaged entry, a limit reached). */
export interface FileScan {
  readonly matches: FileMatch[];
  readonly unread: string[];
}

/**
 * Whether the bytes from `at` to `end` start like a zip, a gzip stream or a tar (the prefilter
 * cannot see into the first two). Byte compares only: it runs on every file of a tree.
 */
export function isArchive(data: Uint8Array, at = 0, end = data.length): boolean {
  return archiveType(data, at, end) !== undefined;
}

const USTAR = [0x75, 0x73, 0x74, 0x61, 0x72];

function archiveType(data: Uint8Array, at = 0, end = data.length): 'zip' | 'gzip' | 'tar' | undefined {
  if (end - at >= 4 && data[at] === 0x50 && data[at + 1] === 0x4b && data[at + 2] === 0x03 && data[at + 3] === 0x04) return 'zip';
  if (end - at >= 3 && data[at] === 0x1f && data[at + 1] === 0x8b && data[at + 2] === 0x08) return 'gzip';
  // "ustar\0" (POSIX) or "ustar " (GNU) at 257 of the first header.
  if (end - at >= 512 && USTAR.every((b, i) => data[at + 257 + i] === b)) return 'tar';
  return undefined;
}

/**
 * The keys in a file's bytes: its own bytes as text (a key stored uncompressed in an archive, or
 * outside its entries, is found there), and when it is an archive, in each file inside it, to
 * `archiveDepth` levels. At most `maxFileSize` bytes, or EXPANSION_RATIO times its size if less,
 * are decompressed in all (a zip bomb stops there, and says so). `name` is the file's own name: a
 * gzip stream without a stored name holds what gunzip would call it.
 */
export function detectInFile(data: Uint8Array, name: string, limits: ArchiveLimits): FileScan {
  const unread: string[] = [];
  const budget = { left: Math.min(limits.maxFileSize, Math.max(EXPANSION_FLOOR, data.length * EXPANSION_RATIO)), depth: limits.archiveDepth, cache: limits.cache };
  return { matches: keysIn(data, baseName(name), limits.archiveDepth, budget, (why) => unread.push(why)), unread };
}

const LIMIT_RULE = `the size limit, or ${EXPANSION_RATIO} times the archive's size if less`;

interface Budget {
  left: number;
  /** The configured depth, for messages. */
  readonly depth: number;
  readonly cache: EntryCache | undefined;
}

/**
 * The keys in some bytes and, when they are an archive `depth` still lets open, in its entries,
 * each named by its path inside. A key found in an entry is placed there, not in the archive's
 * own bytes, where it also is when stored uncompressed or in a tar.
 */
function keysIn(bytes: Uint8Array, name: string, depth: number, budget: Budget, problem: (why: string) => void): FileMatch[] {
  const inner: FileMatch[] = [];
  const type = depth > 0 ? archiveType(bytes) : undefined;
  if (type) {
    // An entry's keys, and those in its name: read for each entry, as the cache knows contents, not names.
    const place = (entry: string, found: readonly FileMatch[]) => {
      for (const m of found) inner.push({ ...m, entry: m.entry === undefined ? entry : `${entry}!${m.entry}` });
      if (mayContainKey(entry)) for (const m of detectKeys(entry)) inner.push({ ...m, entry, source: 'file-name' });
    };
    const visit: Visit = (entry, data) => {
      const opens = depth > 1 || !archiveType(data);
      if (!opens) problem(`${entry}: an archive nested more than ${budget.depth} deep, not opened`);
      let clean = opens;
      const found = keysIn(data, baseName(entry), opens ? depth - 1 : 0, budget, (why) => {
        clean = false;
        problem(`${entry}!${why}`);
      });
      place(entry, found);
      return clean ? found : undefined;
    };
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (type === 'zip') readZip(buf, depth, budget, visit, place, problem);
    else if (type === 'gzip') readGzip(buf, name, budget, visit, problem);
    else readTar(buf, visit, problem);
  }
  const nested = new Set(inner.map((m) => m.secret.fingerprint));
  return [...detectInBytes(bytes).filter((m) => !nested.has(m.secret.fingerprint)), ...inner];
}

/** Reads an entry's bytes; what it found when nothing in it went unread. */
type Visit = (entry: string, bytes: Uint8Array) => readonly FileMatch[] | undefined;

/**
 * Decompresses at most `cap` bytes (the budget left, or less), which count against the budget
 * whether or not they come out whole; past the cap, nothing, and `overflow` says why.
 */
function inflate(run: (cap: number) => Buffer, cap: number, budget: Budget, what: string, overflow: string, problem: (why: string) => void): Buffer | undefined {
  if (budget.left <= 0) {
    problem(`${what}: not decompressed, the archive already expanded as far as it may (${LIMIT_RULE})`);
    return undefined;
  }
  cap = Math.max(1, Math.min(cap, budget.left));
  try {
    const out = run(cap);
    budget.left -= out.length;
    return out;
  } catch (e) {
    budget.left -= cap;
    problem(`${what}: ${(e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? overflow : `damaged (${(e as Error).message})`}; not scanned`);
    return undefined;
  }
}

/**
 * A zip by its central directory (APPNOTE.TXT 4.3.12–4.3.16), zip64 included: stored and deflated
 * entries are read; other methods and encrypted entries are named as unread. The smallest entries
 * are read first, and none past the size its header gives: a bomb among them is read last, and a
 * header that lies about its size costs no more than it says.
 */
function readZip(buf: Buffer, depth: number, budget: Budget, visit: Visit, replay: (entry: string, found: readonly FileMatch[]) => void, problem: (why: string) => void): void {
  const end = findEndOfCentralDirectory(buf);
  if (!end) return problem('not read as a zip: no central directory (truncated?); its raw bytes were scanned');
  const entries: { name: string; flags: number; method: number; compressed: number; size: number; local: number }[] = [];
  for (let i = 0, offset = end.offset; i < end.count; i++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) {
      problem(`central directory damaged at entry ${i + 1} of ${end.count}`);
      break;
    }
    const flags = buf.readUInt16LE(offset + 8);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const e = {
      name: buf.toString(flags & 0x800 ? 'utf8' : 'latin1', offset + 46, offset + 46 + nameLength),
      flags,
      method: buf.readUInt16LE(offset + 10),
      compressed: buf.readUInt32LE(offset + 20),
      size: buf.readUInt32LE(offset + 24),
      local: buf.readUInt32LE(offset + 42),
    };
    // Zip64: the 32-bit fields that overflowed are in the 0x0001 extra field, in this order.
    const zip64 = extraField(buf.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength), 0x0001);
    if (zip64) {
      let at = 0;
      const next = () => (at + 8 <= zip64.length ? Number(zip64.readBigUInt64LE((at += 8) - 8)) : undefined);
      if (e.size === 0xffffffff) e.size = next() ?? e.size;
      if (e.compressed === 0xffffffff) e.compressed = next() ?? e.compressed;
      if (e.local === 0xffffffff) e.local = next() ?? e.local;
    }
    offset += 46 + nameLength + extraLength + buf.readUInt16LE(offset + 32);
    if (!e.name.endsWith('/')) entries.push(e);
  }
  for (const e of entries.sort((a, b) => a.size - b.size)) {
    if (e.flags & 0x1) {
      problem(`${e.name}: encrypted, not read`);
      continue;
    }
    if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== 0x04034b50) {
      problem(`${e.name}: damaged (no local header)`);
      continue;
    }
    const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
    const raw = buf.subarray(start, start + e.compressed);
    if (e.method !== 0 && e.method !== 8) {
      problem(`${e.name}: compression method ${e.method} not read`);
      continue;
    }
    // What reading an entry gives depends on these alone (the name's last part names a gzip inside).
    const key = budget.cache && `${e.method} ${e.size} ${depth} ${baseName(e.name)} ${sha256Hex(raw)}`;
    const known = key ? budget.cache!.get(key) : undefined;
    if (known) {
      replay(e.name, known);
      continue;
    }
    let data: Buffer | undefined = raw;
    if (e.method === 8) {
      if (e.size > budget.left) {
        problem(`${e.name}: ${e.size} bytes, past what the archive may still expand to (${LIMIT_RULE}); not read`);
        continue;
      }
      data = inflate((cap) => loadZlib().inflateRawSync(raw, { maxOutputLength: cap }), e.size, budget, e.name, `expands past the ${e.size} bytes its header gives`, problem);
    }
    const found = data && visit(e.name, data);
    if (key && found) budget.cache!.set(key, found);
  }
}

function findEndOfCentralDirectory(buf: Buffer): { offset: number; count: number } | undefined {
  // The record is 22 bytes and its comment at most 65,535: it starts in the last 65,557 bytes.
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 65_557); at--) {
    if (buf.readUInt32LE(at) !== 0x06054b50) continue;
    let count = buf.readUInt16LE(at + 10);
    let offset = buf.readUInt32LE(at + 16);
    if ((count === 0xffff || offset === 0xffffffff) && at >= 20 && buf.readUInt32LE(at - 20) === 0x07064b50) {
      const z = Number(buf.readBigUInt64LE(at - 12));
      if (z + 56 <= buf.length && buf.readUInt32LE(z) === 0x06064b50) {
        count = Number(buf.readBigUInt64LE(z + 32));
        offset = Number(buf.readBigUInt64LE(z + 48));
      }
    }
    return offset < buf.length ? { offset, count } : undefined;
  }
  return undefined;
}

function extraField(extra: Buffer, id: number): Buffer | undefined {
  for (let at = 0; at + 4 <= extra.length; ) {
    const size = extra.readUInt16LE(at + 2);
    if (extra.readUInt16LE(at) === id) return extra.subarray(at + 4, at + 4 + size);
    at += 4 + size;
  }
  return undefined;
}

/** A gzip stream (RFC 1952), every member; its entry is named by the stored name, else as gunzip would name it. */
function readGzip(buf: Buffer, name: string, budget: Budget, visit: Visit, problem: (why: string) => void): void {
  const data = inflate((cap) => loadZlib().gunzipSync(buf, { maxOutputLength: cap }), budget.left, budget, 'its gzip stream', `expands past what it may (${LIMIT_RULE})`, problem);
  if (data) visit(gzipName(buf) ?? gunzippedName(name), data);
}

/** FNAME of a gzip header (flag 0x08), after FEXTRA when present. */
function gzipName(buf: Buffer): string | undefined {
  const flags = buf[3]!;
  if (!(flags & 0x08)) return undefined;
  let at = 10;
  if (flags & 0x04) at += 2 + (buf.length >= 12 ? buf.readUInt16LE(10) : 0);
  const end = buf.indexOf(0, at);
  return end === -1 ? undefined : buf.toString('latin1', at, end) || undefined;
}

function gunzippedName(name: string): string {
  return name.endsWith('.tgz') ? `${name.slice(0, -4)}.tar` : /\.gz(ip)?$/i.test(name) ? name.replace(/\.gz(ip)?$/i, '') : `${name} (gunzipped)`;
}

/** A ustar or GNU tar: regular files, named by prefix and name, GNU long names and pax `path`. */
function readTar(buf: Buffer, visit: Visit, problem: (why: string) => void): void {
  let longName: string | undefined;
  for (let at = 0; at + 512 <= buf.length; ) {
    const header = buf.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return;
    const size = tarNumber(header.subarray(124, 136));
    if (size === undefined) return problem(`tar header at byte ${at} damaged`);
    const type = String.fromCharCode(header[156]!);
    const data = buf.subarray(at + 512, at + 512 + size);
    const field = (from: number, to: number) => {
      const f = header.subarray(from, to);
      const nul = f.indexOf(0);
      return f.toString('utf8', 0, nul === -1 ? f.length : nul);
    };
    at += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'x') {
      longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1] ?? longName;
      continue;
    }
    const prefix = field(345, 500);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    if (type === '0' || type === '\0' || type === '7') visit(name, data);
  }
}

/** A tar size: octal digits, or base-256 when the first byte's high bit is set. */
function tarNumber(field: Buffer): number | undefined {
  if (field[0]! & 0x80) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i]!;
    return n;
  }
  const text = field.toString('latin1').replace(/[\0 ]+$/, '').trim();
  return /^[0-7]*$/.test(text) ? parseInt(text || '0', 8) : undefined;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
