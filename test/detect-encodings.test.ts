import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectInBytes, detectKeys, mayContainKey } from '../src/detect/index.ts';
import { MARKER, makeKey, randomString, shapeByName } from './helpers/keygen.ts';
import { git, gitRepo } from './helpers/repo.ts';
import { runCli } from './helpers/run.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const keysIn = (text: string) => detectKeys(text).map((m) => m.secret.reveal());
/** `base64`'s default output: 76 columns a line. */
const wrap76 = (s: string, indent = '') => (s.match(/.{1,76}/g) ?? []).map((l) => indent + l).join('\n');

describe('named service-account keys: sk-<name>- + 20 + marker + 20', () => {
  for (const name of ['mybot', 'ci-runner', 'data_pipeline', 'service-worker']) {
    it(`finds sk-${name}-…`, () => {
      const key = `sk-${name}-${randomString(20, ALNUM)}${MARKER}${randomString(20, ALNUM)}`;
      const [m, ...rest] = detectKeys(`OPENAI_API_KEY=${key}\n`);
      expect(rest).toEqual([]);
      expect(m?.secret.reveal()).toBe(key);
      expect(m).toMatchObject({ kind: 'service_account', column: 16 });
    });
  }
  it('not when a half is not 20 alphanumerics, nor for other vendors', () => {
    expect(keysIn(`sk-bot-${randomString(19, ALNUM)}${MARKER}${randomString(20, ALNUM)}`)).toEqual([]);
    expect(keysIn(`sk-ant-${randomString(20, ALNUM)}${MARKER}${randomString(20, ALNUM)}`)).toEqual([]);
  });
});

describe('JSON \\u escapes', () => {
  it('finds a key whose dashes are written \\u002d, at the escaped text', () => {
    const key = makeKey(shapeByName('project 164'));
    const escaped = key.replace(/-/g, '\\u002d');
    const text = `{"a": 1,\n "key": "${escaped}"}`;
    expect(mayContainKey(Buffer.from(text))).toBe(true);
    const [m, ...rest] = detectKeys(text);
    expect(rest).toEqual([]);
    expect(m?.secret.reveal()).toBe(key);
    expect(m).toMatchObject({ encoding: 'escaped', line: 2, column: 10, endColumn: 10 + escaped.length });
  });
  it('finds a legacy key behind \\u002d and ignores escapes that are not part of a key', () => {
    const key = makeKey(shapeByName('legacy 51'));
    expect(keysIn(`"x\\u0041": "sk\\u002d${key.slice(3)}"`)).toEqual([key]);
  });
});

describe('wrapped base64', () => {
  const key = makeKey(shapeByName('service account 167'));
  // Every byte offset of the key in the blob, so that the line break falls inside the encoded marker too.
  for (let pad = 0; pad < 12; pad++) {
    it(`76-column base64 (offset ${pad}) and an indented YAML block scalar`, () => {
      const b64 = Buffer.from(`${'p'.repeat(pad)}OPENAI_API_KEY=${key}\nOTHER=1\n`).toString('base64');
      const plainWrapped = `${wrap76(b64)}\n`;
      expect(mayContainKey(Buffer.from(plainWrapped))).toBe(true);
      expect(keysIn(plainWrapped)).toEqual([key]);
      const yaml = `apiVersion: v1\nkind: Secret\ndata:\n  env: |\n${wrap76(b64, '    ')}\n  other: eA==\n`;
      expect(mayContainKey(Buffer.from(yaml))).toBe(true);
      const [m, ...rest] = detectKeys(yaml);
      expect(rest).toEqual([]);
      expect(m?.secret.reveal()).toBe(key);
      expect(m).toMatchObject({ encoding: 'base64' });
      expect(m!.line).toBeGreaterThanOrEqual(5);
    });
  }
});

describe('UTF-16 with a byte-order mark', () => {
  it('decodes little- and big-endian files', () => {
    const key = makeKey(shapeByName('project 56'));
    const text = `# config\r\nOPENAI_API_KEY=${key}\r\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    for (const bytes of [le, be]) {
      const [m, ...rest] = detectInBytes(bytes);
      expect(rest).toEqual([]);
      expect(m?.secret.reveal()).toBe(key);
      expect(m).toMatchObject({ line: 2, column: 16 });
    }
  });
});

describe('UTF-16 without a byte-order mark', () => {
  // .NET's Encoding.Unicode and some Windows tools write none: NUL bytes make the file binary,
  // where the ASCII literals never match; the marker's UTF-16 form says which byte order it is.
  const key = makeKey(shapeByName('project 56'));
  const text = `# config\r\nOPENAI_API_KEY=${key}\r\n`;
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();

  it('is found little- and big-endian, whole or in windows', async () => {
    const { WindowScanner } = await import('../src/scan/file-scan.ts');
    for (const bytes of [le, be]) {
      const [m, ...rest] = detectInBytes(bytes);
      expect(rest).toEqual([]);
      expect(m?.secret.reveal()).toBe(key);
      expect(m).toMatchObject({ line: 2, column: 16 });
      const scanner = new WindowScanner();
      scanner.push({ data: bytes, first: true, last: true });
      expect(scanner.matches.map((w) => [w.key, w.line])).toEqual([[key, 2]]);
    }
  });

  it('is found by the bundled CLI in a working tree and in history (git diffs it as binary)', () => {
    const root = gitRepo({ 'README.md': 'hello\n' });
    writeFileSync(`${root}/settings.txt`, le);
    writeFileSync(`${root}/settings-be.txt`, be);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'utf-16');
    for (const scope of [[], ['--history']]) {
      const ran = runCli(['scan', root, ...scope, '--format', 'json', '--fail-on', 'none']);
      const found = (JSON.parse(ran.stdout) as { findings: { file: string; line: number; locations?: { file: string }[] }[] }).findings;
      const files = found.flatMap((f) => f.locations?.map((l) => l.file) ?? [f.file]).sort();
      expect(files, scope.join(' ') || 'worktree').toEqual(['settings-be.txt', 'settings.txt']);
      expect(found.map((f) => f.line)).toEqual(found.map(() => 2));
    }
  });

  it('costs nothing on UTF-16 without the marker, and ASCII with it is still read as ASCII', () => {
    expect(detectInBytes(Buffer.from('# config\r\nno key here\r\n', 'utf16le'))).toEqual([]);
    expect(detectInBytes(Buffer.from(`\0binary\0${key}\n`)).map((m) => m.secret.reveal())).toEqual([key]);
  });
});

/** Median wall time of detecting on `text`, in ms. */
function cost(text: string): number {
  // The fastest of five: a busy machine only ever adds time, and a ratio of medians flaked under load.
  const runs = [0, 1, 2, 3, 4].map(() => {
    const t = performance.now();
    detectKeys(text);
    return performance.now() - t;
  });
  return Math.min(...runs);
}

describe('linear time on adversarial input', () => {
  // Shapes that defeat a naive reader: repeated markers (plain and encoded pieces), `sk-` runs,
  // escapes, allow comments that never come, whitespace that wrapping would skip.
  const pieces = [MARKER, 'sk-', 'sk-proj-', 'VDNCbGJr', 'RkVENC', 'bkFJ', 'U9wZW5BSQ', '\\u002d', '\n', '    ', 'a', 'Z9', '-', 'keyguard', ':allow'];
  it('time grows in proportion to the input, for any mix of adversarial pieces (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (unit) => {
        // Every unit holds the marker: that is what sends a reader searching.
        const u = MARKER + unit.join('');
        const small = u.repeat(Math.ceil(100_000 / u.length));
        const large = small.repeat(8);
        // Linear: about 8x; quadratic: about 64x (the old reader: seconds). Allowance for a shared
        // machine and the JIT: 24x, plus 50 ms.
        expect(cost(large)).toBeLessThan(24 * cost(small) + 50);
      }),
      { numRuns: 12 },
    );
  });

  it('a text of nothing but the marker, 4 MB, costs about as much as reading it', () => {
    const small = MARKER.repeat(64_000);
    const large = MARKER.repeat(512_000);
    expect(detectKeys(large)).toEqual([]);
    expect(cost(large)).toBeLessThan(24 * cost(small) + 5);
  });
});
