import { BASE64_PIECES } from './base64.ts';
import { MARKER } from './kinds.ts';

/** Every literal that any detectable key (plain, escaped, or base64-encoded, wrapped or not) must contain. */
export const PREFILTER_LITERALS: readonly string[] = [MARKER, ...BASE64_PIECES];

/**
 * True when the bytes or text may hold a key. Text with no candidate costs one search per literal
 * (Buffer.indexOf is a memmem over the raw bytes: no decoding, no regex).
 */
export function mayContainKey(data: Uint8Array | string): boolean {
  if (typeof data === 'string') return PREFILTER_LITERALS.some((l) => data.includes(l));
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return LITERAL_BYTES.some((l) => buf.indexOf(l) !== -1);
}

const LITERAL_BYTES = PREFILTER_LITERALS.map((l) => Buffer.from(l, 'latin1'));
