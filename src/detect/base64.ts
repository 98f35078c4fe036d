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

/**
 * What base64 wrapped over lines (the `base64` tool's 76 columns, a YAML block scalar) must contain:
 * a line break may split an encoded marker, but one side of it keeps its first or its last five
 * characters. Each encoded marker holds both halves, so these find unwrapped base64 too.
 */
export const BASE64_PIECES: readonly string[] = BASE64_MARKERS.flatMap((m) => [m.slice(0, 5), m.slice(5)]);

function isB64(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
}
/** What may separate the lines of wrapped base64: line breaks and the indentation after them. */
function isWrap(c: number): boolean {
  return c === 10 || c === 13 || c === 32 || c === 9;
}

/** Base64 characters decoded around a hit: enough for the longest key and its prefix. */
const WINDOW = 320;
/** Text read around a hit, wrapping included. */
export const B64_REACH = WINDOW * 2;

export interface Base64Run {
  /** The base64 characters around the hit, wrapping removed. */
  readonly chars: string;
  /** `origin[i]` is the offset in the text of `chars[i]`; one more entry for the end. */
  readonly origin: readonly number[];
  /** Hits before this offset have their whole reach inside this run: reading them again adds nothing. */
  readonly coveredTo: number;
}

/**
 * The run of base64 characters (line breaks and indentation skipped) around offset `at`: a
 * hit's reach to the left, three to the right (so that the hits of the next two reaches are
 * covered by this run), or to the first character that is neither.
 */
export function base64RunAround(text: string, at: number): Base64Run {
  let from = at;
  let count = 0;
  while (from > 0 && at - from < B64_REACH && count < WINDOW) {
    const c = text.charCodeAt(from - 1);
    if (isB64(c)) count++;
    else if (!isWrap(c)) break;
    from--;
  }
  const origin: number[] = [];
  let chars = '';
  let i = from;
  let broke = false;
  for (count = 0; i < text.length && i - at < 3 * B64_REACH && count < 5 * WINDOW; i++) {
    const c = text.charCodeAt(i);
    if (isB64(c)) {
      chars += text[i];
      origin.push(i);
      count++;
    } else if (!isWrap(c)) {
      broke = true;
      break;
    }
  }
  origin.push(i);
  // Runs are at most 5 windows long; a hit within 2 reaches of the start has its right reach here.
  const coveredTo = broke || i === text.length ? i : Math.min(i - B64_REACH, at + 2 * B64_REACH);
  return { chars, origin, coveredTo: Math.max(coveredTo, at + 1) };
}

export interface DecodedWindow {
  /** Index in the run's characters of the first one decoded. */
  readonly start: number;
  readonly decoded: string;
}

/**
 * Decodes a run at each of the four character alignments (the blob may be preceded by characters
 * that look like base64, e.g. `\n` before it).
 */
export function decodeRun(chars: string): DecodedWindow[] {
  const out: DecodedWindow[] = [];
  for (let a = 0; a < 4; a++) {
    // No flooring to whole groups: Node decodes a trailing partial group, which holds a key's
    // last bytes when the blob's padding was cut off or the window ends mid-blob.
    if (chars.length - a < 16) continue;
    out.push({ start: a, decoded: Buffer.from(chars.slice(a), 'base64').toString('latin1') });
  }
  return out;
}
