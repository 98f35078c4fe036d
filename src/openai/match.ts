import { kindSpec, type KeyKind } from '../detect/index.ts';
import type { Inventory, KeyMatch, KeyRecord } from './types.ts';

/**
 * The visible parts of a `redacted_value`. OpenAI documents only examples (`sk-abc...def`,
 * `sk-admin...def`), not how many characters are shown, so this reads whatever is there: the
 * text before the mask (`...`, `…` or a run of `*`) and the text after it.
 */
export function parseRedacted(value: string): { prefix: string; suffix: string } | undefined {
  const m = /^(.*?)(?:\.{3,}|…|\*{2,})(.*)$/.exec(value);
  if (!m) return undefined;
  return { prefix: m[1]!.replace(/[*.…]+$/, ''), suffix: m[2]!.replace(/^[*.…]+/, '') };
}

/** Which records a key of this kind can belong to (its spec says): admin keys only among admin keys, and so on. */
function candidates(kind: KeyKind, inventory: Inventory): readonly KeyRecord[] {
  const records = kindSpec(kind).inventory;
  if (records === 'none') return [];
  if (records === 'admin') return inventory.adminKeys;
  const owner = records === 'project-service-account' ? 'service_account' : 'user';
  return inventory.projectKeys.filter((k) => k.owner.type === owner);
}

/**
 * Finds the record of a found key. No endpoint takes a secret, so the key is compared with each
 * record's visible prefix and suffix; more than one record that fits is `ambiguous`, never a guess.
 */
export function matchKey(secret: string, kind: KeyKind, inventory: Inventory): KeyMatch {
  const fits = candidates(kind, inventory).filter((r) => {
    const shown = parseRedacted(r.redactedValue);
    return shown !== undefined && shown.suffix.length > 0 && secret.startsWith(shown.prefix) && secret.endsWith(shown.suffix);
  });
  if (fits.length === 0) return { type: 'not-found' };
  if (fits.length === 1) return { type: 'matched', record: fits[0]! };
  return { type: 'ambiguous', records: fits };
}
