import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countNewlines, detectKeys, fingerprint, KEY_FORMS, KIND_SPECS, kindPrefix, kindSpec, LITERAL_SEARCHES, mayContainKey, redact, REDACTED_PREFIXES } from '../src/detect/index.ts';
import { shannonEntropy } from '../src/detect/placeholder.ts';
import { MARKER, SHAPES, makeKey, oneOfEach, randomString, shapeByName } from './helpers/keygen.ts';

const keysIn = (text: string) => detectKeys(text).map((m) => m.secret.reveal());

describe('every key shape', () => {
  for (const shape of SHAPES) {
    it(`finds ${shape.name} with kind ${shape.kind}`, () => {
      const key = makeKey(shape);
      expect(key).toHaveLength(shape.length);
      const [m, ...rest] = detectKeys(`OPENAI_API_KEY="${key}"\n`);
      expect(rest).toEqual([]);
      expect(m?.secret.reveal()).toBe(key);
      expect(m).toMatchObject({ kind: shape.kind, line: 1, column: 17, endColumn: 17 + key.length, encoding: 'plain' });
    });
  }
});

describe('every kind spec (KIND_SPECS): one list drives detection, labels and redaction', () => {
  for (const spec of KEY_FORMS) {
    for (const half of spec.halves) {
      it(`sk-${spec.prefix} with halves of ${half}: kind ${spec.kind}, redacted to its prefix and last four`, () => {
        const alphabet = half === 20 ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
        const key = `sk-${spec.prefix}${randomString(half, alphabet)}${MARKER}${randomString(half, alphabet)}`;
        const [m, ...rest] = detectKeys(`k = "${key}"`);
        expect(rest).toEqual([]);
        expect(m?.kind).toBe(spec.kind);
        expect(m?.secret.redacted).toBe(`sk-${spec.prefix}…${key.slice(-4)}`);
        expect(key.startsWith(kindPrefix(spec.kind)) || spec.prefix !== kindSpec(spec.kind).forms[0]!.prefix).toBe(true);
      });
    }
  }
});

describe('contexts a real key turns up in', () => {
  const key = makeKey(shapeByName('project 164'));
  const legacy = makeKey(shapeByName('legacy 51'));
  const cases: { name: string; text: string; expected: string[] }[] = [
    { name: 'bare', text: key, expected: [key] },
    { name: 'single quotes', text: `key = '${key}'`, expected: [key] },
    { name: 'JSON-escaped, followed by \\n', text: `{"env":"OPENAI_API_KEY=${key}\\nOTHER=1"}`, expected: [key] },
    { name: 'JSON-escaped, followed by \\"', text: `{"cmd":"export K=\\"${key}\\""}`, expected: [key] },
    { name: 'JSON-escaped, preceded by \\n', text: `"a\\n${legacy}\\n"`, expected: [legacy] },
    { name: 'URL query', text: `https://x.test/api?key=${key}&user=1`, expected: [key] },
    { name: 'URL-encoded space before', text: `Authorization=Bearer%20${legacy}&x=1`, expected: [legacy] },
    { name: 'Markdown backticks', text: `use \`${key}\` here`, expected: [key] },
    { name: 'parentheses', text: `client(${legacy})`, expected: [legacy] },
    { name: 'end of file, no newline', text: `K=${legacy}`, expected: [legacy] },
    { name: 'CRLF', text: `a\r\nK=${key}\r\nb\r\n`, expected: [key] },
    { name: 'legacy then underscore suffix', text: `${legacy}_prod`, expected: [legacy] },
    { name: 'long form then dash suffix', text: `${key}-backup`, expected: [key] },
    { name: 'two keys on one line', text: `${legacy},${key}`, expected: [legacy, key] },
    { name: 'notebook cell', text: JSON.stringify({ cells: [{ source: [`import openai\n`, `openai.api_key = "${key}"\n`] }] }), expected: [key] },
    { name: 'very long minified line', text: `${'var a=1;'.repeat(50_000)}k="${key}";${'b();'.repeat(50_000)}`, expected: [key] },
  ];
  for (const c of cases) {
    it(c.name, () => expect(keysIn(c.text)).toEqual(c.expected));
  }

  it('reports line and column in CRLF and multi-line text', () => {
    const [m] = detectKeys(`one\r\ntwo\r\n  ${key}\r\n`);
    expect(m).toMatchObject({ line: 3, column: 3 });
  });
});

describe('base64-encoded keys', () => {
  for (const pad of ['', 'x', 'xy']) {
    it(`finds a key encoded at byte offset ${pad.length}`, () => {
      const key = makeKey(shapeByName('service account 167'));
      const b64 = Buffer.from(`${pad}OPENAI_API_KEY=${key}\n`).toString('base64');
      const text = `apiVersion: v1\nkind: Secret\ndata:\n  env: ${b64}\n`;
      expect(mayContainKey(Buffer.from(text))).toBe(true);
      const [m, ...rest] = detectKeys(text);
      expect(rest).toEqual([]);
      expect(m).toMatchObject({ encoding: 'base64', kind: 'service_account', line: 4 });
      expect(m?.secret.reveal()).toBe(key);
    });
  }
  it('finds a bare base64 key value', () => {
    const key = makeKey(shapeByName('legacy 51'));
    expect(keysIn(`OPENAI_API_KEY: ${Buffer.from(key).toString('base64')}`)).toEqual([key]);
  });
});

describe('not reported', () => {
  const half20 = () => randomString(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
  const cases: { name: string; text: string }[] = [
    { name: 'sk-... placeholder', text: 'OPENAI_API_KEY=sk-...' },
    { name: 'sk-your-key', text: 'OPENAI_API_KEY=sk-your-key-here' },
    { name: 'sk-proj-XXXX…', text: `sk-proj-${'X'.repeat(74)}${MARKER}${'X'.repeat(74)}` },
    { name: 'redacted display', text: 'key: sk-proj-abc…wxyz' },
    { name: 'no entropy', text: `sk-proj-${'a'.repeat(74)}${MARKER}${'a'.repeat(74)}` },
    { name: 'sequential', text: `sk-${'abcdefghijklmnopqrst'}${MARKER}${'ABCDEFGHIJKLMNOPQRST'}` },
    { name: 'placeholder word', text: `sk-${half20().slice(0, 13)}EXAMPLE${MARKER}${half20()}` },
    { name: 'Anthropic', text: `sk-ant-api03-${randomString(93, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_-')}AA` },
    { name: 'Anthropic with the marker by chance', text: `sk-ant-api03-${half20()}${MARKER}${half20()}` },
    { name: 'Stripe', text: `sk_live_${half20()}${half20()}` },
    { name: 'OpenRouter', text: `sk-or-v1-${randomString(64, '0123456789abcdef')}` },
    { name: '48-character sk- key without the marker', text: `sk-${randomString(48, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}` },
    { name: 'one character short', text: `sk-${half20().slice(1)}${MARKER}${half20().slice(1)}` },
    { name: 'wrong prefix', text: `pk-${half20()}${MARKER}${half20()}` },
    { name: 'marker alone', text: `${MARKER} is base64 for OpenAI` },
  ];
  for (const c of cases) {
    it(c.name, () => expect(detectKeys(c.text)).toEqual([]));
  }
});

describe('redaction, fingerprints and inline allow', () => {
  it('redacts to prefix and last four and never holds the key in strings or JSON', () => {
    for (const { key } of oneOfEach()) {
      const [m] = detectKeys(key);
      expect(m?.secret.redacted).toBe(redact(key));
      expect(REDACTED_PREFIXES.some((p) => redact(key) === `${p}…${key.slice(-4)}`)).toBe(true);
      expect(String(m?.secret)).not.toContain(key);
      expect(JSON.stringify(m)).not.toContain(key);
      expect(`${m?.secret}`).toBe(redact(key));
    }
  });
  it('fingerprints are stable and differ per key', () => {
    const a = makeKey(shapeByName('admin 133'));
    const b = makeKey(shapeByName('admin 133'));
    expect(detectKeys(a)[0]?.secret.fingerprint).toBe(fingerprint(a));
    expect(fingerprint(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint(a)).not.toBe(fingerprint(b));
  });
  it('marks keys on a line with keyguard:allow', () => {
    const k1 = makeKey(shapeByName('legacy 51'));
    const k2 = makeKey(shapeByName('legacy 51'));
    const ms = detectKeys(`a = "${k1}" # keyguard:allow\nb = "${k2}"\n`);
    expect(ms.map((m) => m.allowedInline)).toEqual([true, false]);
  });
});

describe('prefilter and robustness', () => {
  it('text without a candidate is rejected by the prefilter', () => {
    expect(mayContainKey(Buffer.from('const x = process.env.OPENAI_API_KEY;\n'.repeat(1000)))).toBe(false);
    expect(mayContainKey(`x=${makeKey(shapeByName('project 56'))}`)).toBe(true);
  });

  it('finds exactly the planted keys in random noise (property)', () => {
    const tokens = ['sk-', 'proj-', MARKER, '-', '_', 'a', 'Z', '9', ' ', '\n', '"', '\\n', '=', 'sk-None-', 'VDNCbGJrRk'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 200 }), fc.array(fc.constantFrom(...SHAPES), { maxLength: 3 }), (noise, shapes) => {
        const keys = shapes.map(makeKey);
        const text = [noise.join(''), ...keys].join('\n');
        const found = keysIn(text);
        for (const k of keys) expect(found).toContain(k);
        for (const f of found) expect(f).toMatch(new RegExp(`^sk-[A-Za-z0-9_-]+${MARKER}[A-Za-z0-9_-]+$`));
      }),
      { numRuns: 300 },
    );
  });

  it('the anchored literal search finds what a plain search finds, decoys and all (property)', () => {
    // Each literal is searched by its tail from a rare character, then its head is checked: the
    // tokens are the literals, their tails and heads alone, and bytes to put anywhere between.
    const literals = LITERAL_SEARCHES.map((s) => s.literal.toString('latin1'));
    const pieces = literals.flatMap((l) => [l, l.slice(1), l.slice(2), l.slice(-2), l.slice(-3), l.slice(0, -1)]);
    const tokens = [...pieces, 'x', 'Z', 'K', '\n', 'B', 'J', '\0'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 60 }), fc.nat(3), (parts, skip) => {
        const buf = Buffer.from(parts.join(''), 'latin1').subarray(skip);
        for (const search of LITERAL_SEARCHES) for (const from of [0, 1, 7]) expect(search.indexIn(buf, from)).toBe(buf.indexOf(search.literal, from));
        expect(mayContainKey(buf)).toBe(literals.some((l) => buf.includes(l, 0, 'latin1')));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts newlines four bytes at a time like one at a time, at any alignment and length (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(7), fc.nat(7), (bytes, start, cut) => {
        // Newlines made common, and 0x8a/0x0b (one bit from a newline) kept as decoys.
        const data = Buffer.from(bytes.map((b) => (b % 3 === 0 ? 0x0a : b)));
        const view = data.subarray(Math.min(start, data.length), Math.max(Math.min(start, data.length), data.length - cut));
        expect(countNewlines(view)).toBe([...view].filter((b) => b === 0x0a).length);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on adversarial input (no backtracking to exploit)', () => {
    // A safety fuse, not a timing test: a quadratic detector would take minutes here.
    const evil = `sk-${'sk-a'.repeat(20_000)}${MARKER}`.repeat(20) + `${MARKER}-`.repeat(100_000);
    expect(detectKeys(evil)).toEqual([]);
  });
});

describe('entropy of a half', () => {
  // The textbook definition over code points, as the placeholder test reads it.
  const reference = (s: string) => {
    const counts = new Map<string, number>();
    for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const n = [...s].length;
    return [...counts.values()].reduce((h, c) => h - (c / n) * Math.log2(c / n), 0);
  };

  it('is Shannon entropy in bits per character, over code points', () => {
    expect([shannonEntropy(''), shannonEntropy('aaaa'), shannonEntropy('abab'), shannonEntropy('abcd')]).toEqual([0, 0, 1, 2]);
    // Astral characters count once (not as two surrogates), other non-ASCII ones too.
    expect(shannonEntropy('😀😀ab')).toBeCloseTo(1.5, 12);
    expect(shannonEntropy('ééab')).toBeCloseTo(1.5, 12);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => Math.abs(shannonEntropy(s) - reference(s)) < 1e-9));
  });
});
