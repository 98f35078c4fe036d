/*
 * Test keys are made here at run time from their published shapes, never committed as literals:
 * a committed key-shaped string would make keyguard (and every other scanner) flag this repository.
 * Erasable TypeScript only, so that `node bench/…ts` and `node scripts/…ts` can import it directly.
 */
import { randomInt } from 'node:crypto';
import { KIND_SPECS, REDACTED_PREFIXES, type KeyKind } from '../../src/detect/kinds.ts';

export interface KeyShape {
  readonly name: string;
  readonly kind: KeyKind;
  readonly prefix: string;
  readonly half: number;
  readonly length: number;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = ALNUM + '_-';
// Built from parts so that no source line of this repository holds the marker.
export const MARKER = ['T3Bl', 'bkFJ'].join('');

/** One shape per form and half length of the kind specs, named `project 164` (kind and length). */
export const SHAPES: readonly KeyShape[] = KIND_SPECS.flatMap(({ kind, forms }) =>
  forms.flatMap((f) =>
    f.halves.map((half) => {
      const prefix = `sk-${f.prefix}`;
      const length = prefix.length + 2 * half + MARKER.length;
      return { name: `${kind.replace('_', ' ')} ${length}`, kind, prefix, half, length };
    }),
  ),
);

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
  const prefix = REDACTED_PREFIXES.find((p) => key.startsWith(p)) ?? 'sk-';
  return `${prefix}…${key.slice(-4)}`;
}

const ALPHABETS: Record<string, string> = { '': ALNUM, '~': URLSAFE };

/**
 * A text from a kind spec's sample template (src/detect/kinds.ts): `{n}` n random alphanumerics,
 * `{~n}` n random characters of `A-Za-z0-9_-`, `{c*n}` c repeated n times, `{M}` the marker.
 */
export function fromTemplate(template: string): string {
  return template.replace(/\{(?:(~?)(\d+)|(.)\*(\d+)|M)\}/g, (_m, tilde: string | undefined, n: string | undefined, c: string | undefined, times: string | undefined) => {
    if (n !== undefined) return randomString(Number(n), ALPHABETS[tilde ?? '']!);
    if (c !== undefined) return c.repeat(Number(times));
    return MARKER;
  });
}
