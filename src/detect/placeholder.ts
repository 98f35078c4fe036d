/*
 * A candidate with the right shape is dropped as a placeholder when either half
 *   - has a Shannon entropy below ENTROPY_MIN bits per character (random halves of 20 characters
 *     score about 4.0, of 58-74 about 5.5; `aaaa…`, `XXXX…`, `abab…` score 0-1), or
 *   - holds a run of RUN_MIN identical characters, or an ascending/descending run of RUN_MIN
 *     (`abcdef`, `123456`, `zyxwvu`), or
 *   - contains a placeholder word (PLACEHOLDER_WORDS, any case).
 * For a random key each test has a false-negative chance well under one in a million; words are
 * five letters or more for the same reason.
 */
export const ENTROPY_MIN = 3.0;
export const RUN_MIN = 6;
const PLACEHOLDER_WORDS = ['example', 'placeholder', 'redacted', 'dummy', 'sample', 'yourkey', 'your_key', 'your-key', 'insert', 'replace', 'changeme', 'notarealkey', 'fakekey'];

export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  // Characters are code points: an astral one is one character, not its two UTF-16 halves.
  let length = 0;
  for (const ch of s) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
    length++;
  }
  let h = 0;
  for (const n of counts.values()) {
    const p = n / length;
    h -= p * Math.log2(p);
  }
  return h;
}

function hasRun(s: string): boolean {
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    same = d === 0 ? same + 1 : 1;
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (same >= RUN_MIN || up >= RUN_MIN || down >= RUN_MIN) return true;
  }
  return false;
}

/** Why a key-shaped string is not a real key, or undefined when it looks real. */
export function placeholderReason(halves: readonly [string, string]): string | undefined {
  for (const half of halves) {
    if (shannonEntropy(half) < ENTROPY_MIN) return 'low entropy';
    if (hasRun(half)) return 'repeated or sequential run';
    const lower = half.toLowerCase();
    const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
    if (word) return `placeholder word "${word}"`;
  }
  return undefined;
}
