// File names are bytes. A name that is not UTF-8 (a Latin-1 `café`) decoded as UTF-8 gets U+FFFD
// for its stray bytes and no longer names its file: it was listed, never opened, and a key in it
// was never found. Here a stray byte becomes a lone surrogate U+DC80–U+DCFF (Python's
// "surrogateescape"), which no UTF-8 decodes to: the string maps back to the exact bytes.

/** A file name's bytes as text, each byte that is not part of valid UTF-8 escaped. */
export function decodeFileName(buf: Buffer, start = 0, end = buf.length): string {
  const text = buf.toString('utf8', start, end);
  if (!text.includes('\uFFFD')) return text;
  let out = '';
  let run = start;
  for (let i = start; i < end; ) {
    const n = sequenceLength(buf, i, end);
    if (n > 0) {
      i += n;
      continue;
    }
    out += buf.toString('utf8', run, i) + String.fromCharCode(0xdc00 + buf[i]!);
    run = ++i;
  }
  return out + buf.toString('utf8', run, end);
}

/** The length of the valid UTF-8 sequence at `i`, or 0 (RFC 3629: no overlong forms, no surrogates). */
function sequenceLength(b: Buffer, i: number, end: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > end) return 0;
  for (let k = 1; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 0;
  const c1 = b[i + 1]!;
  if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 >= 0xa0) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 >= 0x90)) return 0;
  return n;
}

/** Lone surrogates only (the u flag keeps a pair's low half out). */
const ESCAPED = /[\uDC80-\uDCFF]/gu;

/** Text and escaped bytes, alternately, text first (the capture group keeps the escapes). */
const PIECES = new RegExp(`(${ESCAPED.source})`, 'u');
const pieces = (name: string) => name.split(PIECES);

/** The byte an escape stands for. */
const byte = (escape: string) => escape.charCodeAt(0) - 0xdc00;

/** The byte an escape stands for, as two upper-case hex digits. */
const hex = (escape: string) => byte(escape).toString(16).toUpperCase();

/** What to hand the file system for a decoded name: the exact bytes when some were escaped. */
export function fileNameBytes(name: string): string | Buffer {
  if (name.search(ESCAPED) === -1) return name;
  return Buffer.concat(pieces(name).map((p, i) => (i % 2 ? Buffer.of(byte(p)) : Buffer.from(p, 'utf8'))));
}

/** A decoded name with each escaped byte written as `\xE9`: text that shows the same anywhere. */
export const showEscapedBytes = (name: string) => name.replace(ESCAPED, (c) => `\\x${hex(c)}`);

/** A decoded name in a URI reference: each escaped byte as its %XX, the rest as it is. */
export const percentEscapedBytes = (name: string) => name.replace(ESCAPED, (c) => `%${hex(c)}`);

/** encodeURIComponent for a decoded name: an escaped byte is its own %XX (encodeURIComponent throws on it). */
export const encodeFileNameComponent = (name: string) => pieces(name).map((p, i) => (i % 2 ? `%${hex(p)}` : encodeURIComponent(p))).join('');
