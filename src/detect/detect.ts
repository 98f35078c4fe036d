import { decodeAround } from './base64.ts';
import { BASE64_MARKERS } from './base64.ts';
import { KIND_SPECS, MARKER, type KeyKind } from './kinds.ts';
import { placeholderReason } from './placeholder.ts';
import { SecretValue } from './secret.ts';

/** One key found in a text. Holds the key only inside `secret`, which never prints whole. */
export interface Match {
  readonly secret: SecretValue;
  readonly kind: KeyKind;
  /** 1-based line and column (UTF-16 code units, as SARIF's default columnKind). */
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly encoding: 'plain' | 'base64';
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

  for (let s = text.indexOf('sk-', left); s !== -1 && s < m; s = text.indexOf('sk-', s + 1)) {
    const body = text.slice(s + 3, m);
    const shaped = shapeOf(body, rightRun);
    if (shaped) return { start: s, end: m + MARKER.length + shaped.rightLength, kind: shaped.kind };
  }
  return undefined;
}

function shapeOf(body: string, rightRun: string): { kind: KeyKind; rightLength: number } | undefined {
  for (const spec of KIND_SPECS) {
    if (!body.startsWith(spec.prefix)) continue;
    const half = body.slice(spec.prefix.length);
    if (half.length < HALF_MIN || half.length > HALF_MAX) return undefined;
    // Legacy keys are alphanumeric throughout; anything else after a bare `sk-` (`sk-ant-…`,
    // `sk-or-v1-…`) belongs to another vendor.
    if (spec.prefix === '' && !allAlnum(half)) return undefined;
    if (spec.halves.includes(half.length) && rightRun.length >= half.length) {
      const second = rightRun.slice(0, half.length);
      if (half.length === 20 && !(allAlnum(half) && allAlnum(second))) return undefined;
      return { kind: spec.kind, rightLength: half.length };
    }
    if (rightRun.length >= HALF_MIN && rightRun.length <= HALF_MAX) return { kind: spec.kind, rightLength: rightRun.length };
    return undefined;
  }
  return undefined;
}

/** Splits a key into the two halves around its marker (for the placeholder test). */
function halvesOf(key: string): [string, string] {
  const m = key.lastIndexOf(MARKER);
  const body = key.slice(3, m);
  const spec = KIND_SPECS.find((s) => body.startsWith(s.prefix));
  return [body.slice(spec?.prefix.length ?? 0), key.slice(m + MARKER.length)];
}

/** Keys in plain text, as [start, end, kind] offsets; placeholders dropped. */
function plainCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  let lastEnd = -1;
  for (let m = text.indexOf(MARKER); m !== -1; m = text.indexOf(MARKER, m + 1)) {
    if (m < lastEnd) continue; // a marker inside the key just read
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

function lineHasAllow(text: string, lineStart: number): boolean {
  let end = text.indexOf('\n', lineStart);
  if (end === -1) end = text.length;
  const i = text.indexOf(ALLOW_COMMENT, lineStart);
  return i !== -1 && i < end;
}

/**
 * Finds every OpenAI key in `text`, plain or base64-encoded. Pure: no I/O, no clock.
 * Callers should check `mayContainKey` first on raw bytes; this re-checks nothing.
 */
export function detectKeys(text: string): Match[] {
  const found: { offset: number; length: number; key: string; kind: KeyKind; encoding: 'plain' | 'base64' }[] = [];
  for (const c of plainCandidates(text)) {
    found.push({ offset: c.start, length: c.end - c.start, key: text.slice(c.start, c.end), kind: c.kind, encoding: 'plain' });
  }
  const seenB64 = new Set<string>();
  for (const marker of BASE64_MARKERS) {
    for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
      for (const w of decodeAround(text, at)) {
        for (const c of plainCandidates(w.decoded)) {
          const offset = w.start + Math.floor((c.start * 4) / 3);
          const key = w.decoded.slice(c.start, c.end);
          const id = `${offset}:${key.length}`;
          if (seenB64.has(id)) continue;
          seenB64.add(id);
          found.push({ offset, length: Math.ceil(((c.end - c.start) * 4) / 3), key, kind: c.kind, encoding: 'base64' });
        }
      }
    }
  }
  found.sort((a, b) => a.offset - b.offset);
  const lines = new LineIndex(text);
  return found.map((f) => {
    const pos = lines.at(f.offset);
    return {
      secret: new SecretValue(f.key),
      kind: f.kind,
      line: pos.line,
      column: pos.column,
      endColumn: pos.column + f.length,
      encoding: f.encoding,
      allowedInline: lineHasAllow(text, pos.lineStart),
    };
  });
}
