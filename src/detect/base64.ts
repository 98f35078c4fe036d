import { MARKER } from './kinds.ts';

/**
 * The base64 text that encodes MARKER at each of the three byte alignments, keeping only the
 * characters whose six bits all come from the marker (ten characters each).
 */
function markerEncodings(): string[] {
  const marker = Buffer.from(MARKER, 'latin1');
  const out: string[] = [];
  for (let align = 0; align < 3; align++) {
    const bytes = Buffer.concat([Buffer.alloc(align), marker, Buffer.alloc(3)]);
    const encoded = bytes.toString('base64');
    const first = Math.ceil((align * 8) / 6);
    const last = Math.floor(((align + marker.length) * 8) / 6); // exclusive
    out.push(encoded.slice(first, last));
  }
  return out;
}

export const BASE64_MARKERS: readonly string[] = markerEncodings();

function isB64(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
}

/** How far around a marker hit to decode: enough for the longest key and its prefix. */
const WINDOW = 320;

export interface DecodedWindow {
  /** Offset in the text of the first base64 character decoded. */
  readonly start: number;
  readonly decoded: string;
}

/**
 * Decodes the base64 around a marker hit at `at`, at each of the four character alignments
 * (the blob may be preceded by characters that look like base64, e.g. `\n` before it).
 */
export function decodeAround(text: string, at: number): DecodedWindow[] {
  let runStart = at;
  while (runStart > 0 && at - runStart < WINDOW && isB64(text.charCodeAt(runStart - 1))) runStart--;
  let runEnd = at;
  while (runEnd < text.length && runEnd - at < WINDOW && isB64(text.charCodeAt(runEnd))) runEnd++;
  const out: DecodedWindow[] = [];
  for (let a = 0; a < 4; a++) {
    const start = runStart + a;
    // No flooring to whole groups: Node decodes a trailing partial group, which holds a key's
    // last bytes when the blob's padding was cut off or the window ends mid-blob.
    if (runEnd - start < 16) continue;
    const decoded = Buffer.from(text.slice(start, runEnd), 'base64').toString('latin1');
    out.push({ start, decoded });
  }
  return out;
}

