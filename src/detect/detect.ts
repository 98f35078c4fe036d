import { B64_REACH, BASE64_MARKERS, BASE64_PIECES, base64RunAround, decodeRun } from './base64.ts';
import { KEY_FORMS, MARKER, NAMED_KIND, type KeyKind } from './kinds.ts';
import { placeholderReason } from './placeholder.ts';
import { SecretValue } from './secret.ts';

/** How the key was written: as is, base64-encoded, or with JSON `\u00XX` escapes. */
export type Encoding = 'plain' | 'base64' | 'escaped';

/** One key found in a text. Holds the key only inside `secret`, which never prints whole. */
export interface Match {
  readonly secret: SecretValue;
  readonly kind: KeyKind;
  /** Offset of the match in the text (UTF-16 code units). */
  readonly offset: number;
  /** 1-based line and column (UTF-16 code units, as SARIF's default columnKind). */
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly encoding: Encoding;
  /** The line carries a `keyguard:allow` comment. */
  readonly allowedInline: boolean;
}

/** Characters of the long key forms; the 20-character halves use only the alphanumerics. */
function isKeyChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95;
}
function isAlnum(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
function allAlnum(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isAlnum(s.charCodeAt(i))) return false;
  return true;
}

const HALF_MIN = 20;
const HALF_MAX = 128;
/** How far left of a marker a key's start can be: `sk-` + the longest prefix + the longest half. */
const LEFT_REACH = HALF_MAX + 32;

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly kind: KeyKind;
}

/**
 * Reads the key around a marker at `m`. No regex: a bounded walk left and right over key
 * characters, so every input costs linear time (no backtracking to exploit).
 *
 * The key starts at an `sk-` in the run of key characters before the marker, the leftmost one that
 * gives a known shape (so `\nsk-…` or `%20sk-…` still yield the key, not `nsk-…`). The second
 * half is as long as the first when that length is a known one (which cuts `…_prod` from a
 * 20-character legacy key), and otherwise the whole run of key characters.
 */
function candidateAt(text: string, m: number): Candidate | undefined {
  let left = m;
  while (left > 0 && m - left < LEFT_REACH && isKeyChar(text.charCodeAt(left - 1))) left--;
  let right = m + MARKER.length;
  while (right < text.length && right - m < LEFT_REACH && isKeyChar(text.charCodeAt(right))) right++;
  const rightRun = text.slice(m + MARKER.length, right);

  // Search only the run before the marker: an unbounded indexOf would read to the end of the text
  // for every marker, quadratic on a text of repeated markers.
  const run = text.slice(left, m);
  for (let i = run.indexOf('sk-'); i !== -1; i = run.indexOf('sk-', i + 1)) {
    const s = left + i;
    const body = run.slice(i + 3);
    const shaped = shapeOf(body, rightRun);
    if (shaped) return { start: s, end: m + MARKER.length + shaped.rightLength, kind: shaped.kind };
  }
  return undefined;
}

function shapeOf(body: string, rightRun: string): { kind: KeyKind; rightLength: number } | undefined {
  for (const spec of KEY_FORMS) {
    if (!body.startsWith(spec.prefix)) continue;
    const half = body.slice(spec.prefix.length);
    if (half.length < HALF_MIN || half.length > HALF_MAX) return undefined;
    // Legacy keys are alphanumeric throughout; anything else after a bare `sk-` (`sk-ant-…`,
    // `sk-or-v1-…`) belongs to another vendor.
    if (spec.prefix === '' && !allAlnum(half)) return namedShape(body, rightRun);
    if (spec.halves.includes(half.length) && rightRun.length >= half.length) {
      const second = rightRun.slice(0, half.length);
      if (half.length === 20 && !(allAlnum(half) && allAlnum(second))) return undefined;
      return { kind: spec.kind, rightLength: half.length };
    }
    if (rightRun.length >= HALF_MIN && rightRun.length <= HALF_MAX) return { kind: spec.kind, rightLength: rightRun.length };
    return undefined;
  }
  return namedShape(body, rightRun);
}

/** A name of lowercase letters, digits, `-` and `_` (as GitGuardian's and detect-secrets' detectors document). */
const NAMED = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}-[A-Za-z0-9]{20}$/;

/** `sk-` prefixes of other vendors' keys (Anthropic, OpenRouter), which are never a name. */
const OTHER_VENDORS = ['ant-', 'or-'];

/**
 * Older service-account keys carry the account's name: `sk-<name>-` + 20 alphanumerics + marker +
 * 20 alphanumerics. Only reached when no known prefix fits.
 */
function namedShape(body: string, rightRun: string): { kind: KeyKind; rightLength: number } | undefined {
  if (OTHER_VENDORS.some((p) => body.startsWith(p)) || !NAMED.test(body) || rightRun.length < 20 || !allAlnum(rightRun.slice(0, 20))) return undefined;
  return { kind: NAMED_KIND, rightLength: 20 };
}

/** Splits a key into the two halves around its marker (for the placeholder test). */
function halvesOf(key: string): [string, string] {
  const m = key.lastIndexOf(MARKER);
  const body = key.slice(3, m);
  const spec = KEY_FORMS.find((s) => body.startsWith(s.prefix))!;
  // A named key's first half follows its name (the legacy spec's empty prefix matched it).
  const first = spec.prefix === '' ? body.slice(body.lastIndexOf('-') + 1) : body.slice(spec.prefix.length);
  return [first, key.slice(m + MARKER.length)];
}

/** Keys in plain text, as [start, end, kind] offsets; placeholders dropped. */
function plainCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  let lastEnd = -1;
  // The last `sk-` before the marker, found by one forward walk over the text: a marker with none
  // within reach to its left is no key's, and costs nothing more (a text of markers alone is read
  // at memchr speed).
  let lastSk = -1;
  let nextSk = text.indexOf('sk-');
  for (let m = text.indexOf(MARKER); m !== -1; m = text.indexOf(MARKER, m + 1)) {
    if (m < lastEnd) continue; // a marker inside the key just read
    while (nextSk !== -1 && nextSk < m) {
      lastSk = nextSk;
      nextSk = text.indexOf('sk-', nextSk + 1);
    }
    if (lastSk === -1 || m - lastSk > LEFT_REACH) continue;
    const c = candidateAt(text, m);
    if (!c) continue;
    lastEnd = c.end;
    if (placeholderReason(halvesOf(text.slice(c.start, c.end)))) continue;
    out.push(c);
  }
  return out;
}

/** Maps offsets to 1-based lines and columns; offsets must be asked in increasing order. */
class LineIndex {
  #line = 1;
  #lineStart = 0;
  #pos = 0;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  at(offset: number): { line: number; column: number; lineStart: number } {
    if (offset < this.#pos) {
      this.#line = 1;
      this.#lineStart = 0;
      this.#pos = 0;
    }
    for (let i = this.text.indexOf('\n', this.#pos); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      this.#line++;
      this.#lineStart = i + 1;
    }
    this.#pos = offset;
    return { line: this.#line, column: offset - this.#lineStart + 1, lineStart: this.#lineStart };
  }
}

const ALLOW_COMMENT = 'keyguard:allow';

/**
 * Whether the line at each asked offset carries an allow comment. Lines must be asked in
 * increasing order; the next comment's offset is remembered, so a text costs one pass however many
 * keys it holds (searching from each line to the end of the text was quadratic).
 */
class AllowIndex {
  #next = -2;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  onLine(lineStart: number): boolean {
    if (this.#next !== -1 && this.#next < lineStart) this.#next = this.text.indexOf(ALLOW_COMMENT, lineStart);
    if (this.#next === -1) return false;
    const end = this.text.indexOf('\n', lineStart);
    return end === -1 || this.#next < end;
  }
}

interface Found {
  readonly offset: number;
  readonly length: number;
  readonly key: string;
  readonly kind: KeyKind;
  readonly encoding: Encoding;
}

/** JSON `\u00XX` escapes of ASCII (`sk\u002dproj\u002d…`), which the marker search sees only in part. */
const ESCAPE = /\\u00([0-7][0-9a-fA-F])/g;
/** Context kept around a marker to unescape: the longest key with every character escaped. */
const ESCAPED_REACH = LEFT_REACH * 6;

/**
 * Keys with `\u00XX` escapes: the text around each marker that holds an escape is unescaped and
 * read again. Windows overlap by at most half, so each character is unescaped at most twice.
 */
function escapedCandidates(text: string): Found[] {
  const out: Found[] = [];
  let doneTo = -1;
  for (let m = text.indexOf(MARKER); m !== -1; m = text.indexOf(MARKER, m + 1)) {
    // The last window read holds this marker's whole reach: its keys were read there.
    if (m + ESCAPED_REACH <= doneTo) continue;
    const from = Math.max(0, m - ESCAPED_REACH);
    // Three reaches to the right, so the markers of the next two are covered by this window.
    const to = Math.min(text.length, m + 3 * ESCAPED_REACH);
    doneTo = to;
    const window = text.slice(from, to);
    if (!window.includes('\\u00')) continue;
    // Offsets in the unescaped text map back through `origin` (original offset of each character).
    const origin: number[] = [];
    let plain = '';
    let last = 0;
    for (const e of window.matchAll(ESCAPE)) {
      for (let i = last; i < e.index; i++) origin.push(from + i);
      plain += window.slice(last, e.index) + String.fromCharCode(parseInt(e[1]!, 16));
      origin.push(from + e.index);
      last = e.index + e[0].length;
    }
    for (let i = last; i < window.length; i++) origin.push(from + i);
    plain += window.slice(last);
    origin.push(to);
    for (const c of plainCandidates(plain)) {
      const offset = origin[c.start]!;
      const length = origin[c.end]! - offset;
      if (length !== c.end - c.start) out.push({ offset, length, key: plain.slice(c.start, c.end), kind: c.kind, encoding: 'escaped' });
    }
  }
  return out;
}

/**
 * Keys in base64, also wrapped over lines: the run of base64 characters around each hit of an
 * encoded marker's piece is joined, checked for a whole encoded marker, and decoded. A hit whose
 * reach lies inside the last run read is skipped, and runs reach three times as far right as a
 * hit needs, so each character is decoded a bounded number of times whatever the input.
 */
function base64Candidates(text: string): Found[] {
  const hits: number[] = [];
  for (const piece of BASE64_PIECES) for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) hits.push(at);
  hits.sort((a, b) => a - b);
  const out: Found[] = [];
  let doneTo = -1;
  for (const at of hits) {
    if (at < doneTo) continue;
    const run = base64RunAround(text, at);
    doneTo = run.coveredTo;
    if (!BASE64_MARKERS.some((m) => run.chars.includes(m))) continue;
    for (const w of decodeRun(run.chars)) {
      for (const c of plainCandidates(w.decoded)) {
        const first = w.start + Math.floor((c.start * 4) / 3);
        const last = Math.min(w.start + Math.ceil((c.end * 4) / 3), run.chars.length);
        out.push({ offset: run.origin[first]!, length: run.origin[last - 1]! + 1 - run.origin[first]!, key: w.decoded.slice(c.start, c.end), kind: c.kind, encoding: 'base64' });
      }
    }
  }
  return out;
}

/**
 * Finds every OpenAI key in `text`, plain, base64-encoded (also wrapped over lines) or with JSON
 * escapes. Pure: no I/O, no clock. Callers should check `mayContainKey` first on raw bytes; this
 * re-checks nothing.
 */
export function detectKeys(text: string): Match[] {
  const found: Found[] = [];
  for (const c of plainCandidates(text)) {
    found.push({ offset: c.start, length: c.end - c.start, key: text.slice(c.start, c.end), kind: c.kind, encoding: 'plain' });
  }
  if (text.includes('\\u00')) found.push(...escapedCandidates(text));
  found.push(...base64Candidates(text));
  found.sort((a, b) => a.offset - b.offset);
  const seen = new Set<string>();
  const lines = new LineIndex(text);
  const allow = new AllowIndex(text);
  const out: Match[] = [];
  for (const f of found) {
    const id = `${f.offset}:${f.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const pos = lines.at(f.offset);
    out.push({
      secret: new SecretValue(f.key),
      kind: f.kind,
      offset: f.offset,
      line: pos.line,
      column: pos.column,
      endColumn: pos.column + f.length,
      encoding: f.encoding,
      allowedInline: allow.onLine(pos.lineStart),
    });
  }
  return out;
}
