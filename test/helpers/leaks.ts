import { expect } from 'vitest';

/**
 * Asserts that no key appears whole in any of the texts. The one exception is the runner's own
 * `::add-mask::` command, which is how a key is masked and which the runner never displays.
 */
export function expectNoKey(keys: readonly string[], texts: Record<string, string>): void {
  for (const [name, text] of Object.entries(texts)) {
    const visible = text
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const key of keys) {
      // Reported by index, never by value: a failing assertion must not print the key either.
      expect(visible.includes(key), `${name} holds key #${keys.indexOf(key)} whole`).toBe(false);
    }
  }
}
