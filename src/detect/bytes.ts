import { detectKeys, type Match } from './detect.ts';
import { mayContainKey, UTF16_MARKER } from './prefilter.ts';

/** How a file's bytes become text. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'binary';

/** How many leading bytes decide whether a file is binary (git's own rule looks at 8,000). */
export const BINARY_SNIFF = 8192;

/**
 * The encoding of a file from its first bytes: UTF-16 when it starts with a byte-order mark
 * (Windows tools write one by default), binary when a NUL is in the first 8 KiB, else UTF-8.
 */
export function sniffEncoding(head: Uint8Array): TextEncoding {
  return utf16Mark(head, 0) ?? (head.subarray(0, BINARY_SNIFF).includes(0) ? 'binary' : 'utf8');
}

/** The UTF-16 encoding whose byte-order mark is at `at`, if one is. */
export function utf16Mark(bytes: Uint8Array, at: number): 'utf16le' | 'utf16be' | undefined {
  if (bytes[at] === 0xff && bytes[at + 1] === 0xfe) return 'utf16le';
  if (bytes[at] === 0xfe && bytes[at + 1] === 0xff) return 'utf16be';
  return undefined;
}

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The text of bytes in an encoding. Binary is read as latin1: one character a byte, so a key
 * (ASCII) among other bytes reads as itself and columns count bytes. `atStart`: the bytes begin
 * the file (a UTF-16 byte-order mark there is dropped).
 */
export function decodeBytes(data: Uint8Array, encoding: TextEncoding, atStart = true): string {
  // A UTF-16 file's byte-order mark is not text: columns count from after it.
  const bom = atStart && (encoding === 'utf16le' || encoding === 'utf16be') ? 2 : 0;
  const buf = asBuffer(data).subarray(bom);
  switch (encoding) {
    case 'utf8':
      return buf.toString('utf8');
    case 'binary':
      return buf.toString('latin1');
    case 'utf16le':
      return buf.toString('utf16le', 0, buf.length & ~1);
    case 'utf16be': {
      const swapped = Buffer.from(buf.subarray(0, buf.length & ~1));
      return swapped.swap16().toString('utf16le');
    }
  }
}

/**
 * Every key in some bytes of a file, given its encoding (`sniffEncoding` of its first bytes).
 * UTF-8 and binary bytes go through the byte prefilter before anything is decoded; UTF-16 is
 * decoded first, as its bytes never hold the ASCII markers.
 */
export function detectInBytes(data: Uint8Array, encoding: TextEncoding = sniffEncoding(data)): Match[] {
  if (encoding === 'utf16le' || encoding === 'utf16be') {
    const text = decodeBytes(data, encoding);
    return mayContainKey(text) ? detectKeys(text) : [];
  }
  if (!mayContainKey(data)) return [];
  const found = detectKeys(decodeBytes(data, encoding));
  const unmarked = encoding === 'binary' ? unmarkedUtf16(data) : undefined;
  return unmarked ? [...found, ...detectKeys(decodeBytes(data, unmarked, false))] : found;
}

/**
 * The UTF-16 of binary bytes that hold the marker in UTF-16 with no byte-order mark (.NET's
 * Encoding.Unicode, some Windows tools): little-endian when its first character is at an even
 * offset, big-endian when at an odd one. Bytes read from a file's start or any even offset.
 */
export function unmarkedUtf16(data: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  const at = UTF16_MARKER.indexIn(asBuffer(data));
  return at === -1 ? undefined : at % 2 === 0 ? 'utf16le' : 'utf16be';
}

/**
 * The number of `\n` bytes, four at a time (a zero-byte test on each 32-bit word after xor with
 * the newline): a large file's lines are counted in every window before any key is found, and one
 * Buffer.indexOf call per line cost more than reading the file (500 MB: 0.21 s against 0.10 s).
 */
export function countNewlines(data: Uint8Array): number {
  let n = 0;
  // Int32Array needs an aligned start: the bytes before it and after the last word, one by one.
  const head = Math.min(data.length, (4 - (data.byteOffset % 4)) % 4);
  const wordCount = (data.length - head) >> 2;
  for (let i = 0; i < head; i++) if (data[i] === 0x0a) n++;
  for (let i = head + wordCount * 4; i < data.length; i++) if (data[i] === 0x0a) n++;
  if (wordCount === 0) return n;
  const words = new Int32Array(data.buffer, data.byteOffset + head, wordCount);
  for (let w = 0; w < words.length; w++) {
    const v = words[w]! ^ 0x0a0a0a0a;
    // The high bit of each byte of `zero` is set exactly where v's byte is zero (no carry between bytes).
    const zero = ~(((v & 0x7f7f7f7f) + 0x7f7f7f7f) | v) & 0x80808080;
    if (zero !== 0) n += Math.imul(zero >>> 7, 0x01010101) >>> 24;
  }
  return n;
}
