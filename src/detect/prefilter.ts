import { BASE64_PIECES } from './base64.ts';
import { MARKER } from './kinds.ts';

/** Every literal that any detectable key (plain, escaped, or base64-encoded, wrapped or not) must contain. */
export const PREFILTER_LITERALS: readonly string[] = [MARKER, ...BASE64_PIECES];

/**
 * Base64 characters from the rarest to the most common in source text and prose (counted over
 * 14,000 files of code, docs and data). A byte search runs at memchr speed on its needle's first
 * byte and stops at every occurrence of it: starting on a common letter (`ia0ZK` on `i`) made one
 * search of a minified bundle 100 times slower than starting on a rare one.
 */
const RARITY = 'ZXQYJKVWHG79U+8zqB65j43MFODLINC2RAPSEkTw1x0v/ybgfhmpudclasionrte';

/**
 * A literal searched by its tail from its rarest character (at least two bytes), each hit then
 * checked against the literal's head. Node's Buffer.indexOf uses Boyer-Moore-Horspool for needles
 * of eight bytes or more: the marker itself searched 40 times slower than its last six bytes.
 */
export class LiteralSearch {
  readonly literal: Buffer;
  readonly #head: number;
  readonly #anchor: Buffer;

  constructor(literal: string) {
    this.literal = Buffer.from(literal, 'latin1');
    let best = 0;
    for (let i = 1; i <= literal.length - 2; i++) if (rank(literal[i]!) < rank(literal[best]!)) best = i;
    this.#head = best;
    this.#anchor = this.literal.subarray(best);
  }

  /** The offset of the literal's first occurrence at or after `from`, or -1. */
  indexIn(buf: Buffer, from = 0): number {
    const head = this.#head;
    for (let at = buf.indexOf(this.#anchor, from + head); at !== -1; at = buf.indexOf(this.#anchor, at + 1)) {
      if (head === 0 || buf.compare(this.literal, 0, head, at - head, at) === 0) return at - head;
    }
    return -1;
  }
}

/**
 * Characters of the marker rank after all others: a text dense with markers (a minified bundle of
 * keys, an adversarial line) would stop a base64 piece's search at every marker otherwise.
 */
function rank(c: string): number {
  const r = RARITY.indexOf(c);
  return (r === -1 ? RARITY.length : r) + (MARKER.includes(c) ? RARITY.length + 1 : 0);
}

/**
 * The marker as UTF-16 writes it without a byte-order mark, little- or big-endian alike: its
 * characters with a NUL between each (LE ends on one, BE starts on one; neither is kept). Such
 * a file has NUL bytes, so it is read as binary, where the ASCII literals never match.
 */
export const UTF16_MARKER = new LiteralSearch([...MARKER].join('\0'));

/** The byte searches of the prefilter: every literal, and the marker in UTF-16. */
export const LITERAL_SEARCHES: readonly LiteralSearch[] = [...PREFILTER_LITERALS.map((l) => new LiteralSearch(l)), UTF16_MARKER];

/**
 * True when the bytes or text may hold a key. Text with no candidate costs one search per literal
 * (a memchr-speed search over the raw bytes: no decoding, no regex).
 */
export function mayContainKey(data: Uint8Array | string): boolean {
  if (typeof data === 'string') return PREFILTER_LITERALS.some((l) => data.includes(l));
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return LITERAL_SEARCHES.some((l) => l.indexIn(buf) !== -1);
}
