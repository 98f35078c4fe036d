import { detectKeys, type Match } from './detect.ts';
import { mayContainKey } from './prefilter.ts';

/** How a file's bytes become text. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'binary';

/** How many leading bytes decide whether a file is binary (git's own rule looks at 8,000). */
export const BINARY_SNIFF = 8192;

/**
 * The encoding of a file from its first bytes: UTF-16 when it starts with a byte-order mark
 * (Windows tools write one by default), binary when a NUL is in the first 8 KiB, else UTF-8.
 */
export function sniffEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  return head.subarray(0, BINARY_SNIFF).includes(0) ? 'binary' : 'utf8';
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
  return mayContainKey(data) ? detectKeys(decodeBytes(data, encoding)) : [];
}
