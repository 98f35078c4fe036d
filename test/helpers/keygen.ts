/*
 * Test keys are made here at run time from their published shapes, never committed as literals:
 * a committed key-shaped string would make keyguard (and every other scanner) flag this repository.
 * Erasable TypeScript only, so that `node bench/…ts` and `node scripts/…ts` can import it directly.
 */
import { randomInt } from 'node:crypto';

export type GenKind = 'legacy' | 'project' | 'service_account' | 'admin' | 'user';

export interface KeyShape {
  readonly name: string;
  readonly kind: GenKind;
  readonly prefix: string;
  readonly half: number;
  readonly length: number;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = ALNUM + '_-';
// Built from parts so that no source line of this repository holds the marker.
export const MARKER = ['T3Bl', 'bkFJ'].join('');

export const SHAPES: readonly KeyShape[] = [
  { name: 'legacy 51', kind: 'legacy', prefix: 'sk-', half: 20, length: 51 },
  { name: 'project 56', kind: 'project', prefix: 'sk-proj-', half: 20, length: 56 },
  { name: 'project 132', kind: 'project', prefix: 'sk-proj-', half: 58, length: 132 },
  { name: 'project 164', kind: 'project', prefix: 'sk-proj-', half: 74, length: 164 },
  { name: 'service account 111', kind: 'service_account', prefix: 'sk-svcacct-', half: 46, length: 111 },
  { name: 'service account 167', kind: 'service_account', prefix: 'sk-svcacct-', half: 74, length: 167 },
  { name: 'admin 133', kind: 'admin', prefix: 'sk-admin-', half: 58, length: 133 },
  { name: 'None 56', kind: 'user', prefix: 'sk-None-', half: 20, length: 56 },
];

export function randomString(n: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

export function makeKey(shape: KeyShape): string {
  const alphabet = shape.half === 20 ? ALNUM : URLSAFE;
  return shape.prefix + randomString(shape.half, alphabet) + MARKER + randomString(shape.half, alphabet);
}

export function shapeByName(name: string): KeyShape {
  const s = SHAPES.find((x) => x.name === name);
  if (!s) throw new Error(`no key shape ${name}`);
  return s;
}

/** One fresh key of every shape. */
export function oneOfEach(): { shape: KeyShape; key: string }[] {
  return SHAPES.map((shape) => ({ shape, key: makeKey(shape) }));
}

export function redacted(key: string): string {
  const prefix = /^sk-(?:(?:proj|svcacct|admin|None)-)?/.exec(key)?.[0] ?? 'sk-';
  return `${prefix}…${key.slice(-4)}`;
}
