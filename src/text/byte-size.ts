/** `10485760`, `10MiB`, `500 KB`: a byte count as a limit is written in YAML or a flag. */
export const BYTE_SIZE = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*$/i;

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** The bytes a size names, rounded to a whole byte; undefined when the text is no size. */
export function parseByteSize(text: string): number | undefined {
  const m = BYTE_SIZE.exec(text);
  return m ? Math.round(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]!) : undefined;
}
