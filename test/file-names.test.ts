// File names are bytes, and a name that is not UTF-8 (a Latin-1 `café`) once hid a key from every
// working-tree scan: listed, decoded with U+FFFD, then never opened. These tests plant keys in
// such files and read the bundled CLI's reports.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFileName, encodeFileNameComponent, fileNameBytes, showEscapedBytes } from '../src/text/file-name.ts';
import { makeKey, redacted as redact, SHAPES } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { commitFile, git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { runCli } from './helpers/run.ts';

const LATIN1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x6a, 0x73]); // `café.js` in Latin-1
const DIR = Buffer.from([0x64, 0xef, 0x72]); // `dïr`
const FILE = Buffer.from([0xff, 0x2e, 0x74, 0x78, 0x74]); // a byte no UTF-8 has, then `.txt`
const REPLACEMENT = Buffer.from('x\uFFFD.js'); // a real U+FFFD in a name: EF BF BD
const bytesPath = (root: string, ...parts: Buffer[]) => Buffer.concat([Buffer.from(`${root}/`), ...parts.flatMap((p, i) => (i ? [Buffer.from('/'), p] : [p]))]);

/** A tree with one key in each oddly named file, and the same key in a plain one. */
function plant(root: string, key: string): void {
  const line = `const apiKey = "${key}";\n`;
  writeFileSync(bytesPath(root, LATIN1), line);
  mkdirSync(bytesPath(root, DIR));
  writeFileSync(bytesPath(root, DIR, FILE), `\n\n${line}`);
  writeFileSync(bytesPath(root, REPLACEMENT), line);
  writeFileSync(`${root}/plain.js`, line);
}

describe('file names that are not UTF-8', () => {
  it('decode to text that maps back to the same bytes, and no two names to the same text', () => {
    const seen = new Map<string, string>();
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 5000; n++) {
      // Bytes 1-255 except `/`: every name a Linux file system takes, valid UTF-8 or not.
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 12) }, () => [0x61, 0xc3, 0xa9, 0xe9, 0xed, 0xa0, 0xf0, 0x9f, 0x98, 0x80, 0xef, 0xbf, 0xbd, 0xff, 0x80, 0xf4, 0x90][Math.floor(rand() * 17)]!));
      const name = decodeFileName(bytes);
      expect(Buffer.from(fileNameBytes(name))).toEqual(bytes);
      if (!bytes.toString('utf8').includes('\uFFFD')) expect(name).toBe(bytes.toString('utf8'));
      const before = seen.get(name);
      if (before !== undefined) expect(before).toBe(bytes.toString('hex'));
      seen.set(name, bytes.toString('hex'));
    }
  });

  it('show their stray bytes as \\xNN, and as %NN in links', () => {
    const name = decodeFileName(Buffer.concat([DIR, Buffer.from('/'), FILE]));
    expect(showEscapedBytes(name)).toBe('d\\xEFr/\\xFF.txt');
    expect(encodeFileNameComponent(decodeFileName(LATIN1))).toBe('caf%E9.js');
    // A valid character outside the BMP (a surrogate pair) is not an escaped byte.
    expect(showEscapedBytes('a😀b')).toBe('a😀b');
  });

  for (const where of ['a repository', 'a plain directory'] as const) {
    it(`hide no key from a working-tree scan of ${where}`, () => {
      const key = makeKey(SHAPES[0]!);
      const root = where === 'a repository' ? gitRepo() : tempDir();
      plant(root, key);
      if (where === 'a repository') {
        git(root, 'add', '-A');
        git(root, 'commit', '-qm', 'odd names');
      }
      const json = runCli(['scan', root, '--format', 'json', '--fail-on', 'none']);
      expect(json.code, json.stderr).toBe(0);
      const files = (JSON.parse(json.stdout) as { findings: { file: string; line: number }[] }).findings.map((f) => `${f.file}:${f.line}`);
      expect(files.sort()).toEqual(['caf\udce9.js:1', 'd\udcefr/\udcff.txt:3', 'plain.js:1', 'x\uFFFD.js:1']);

      const text = runCli(['scan', root, '--format', 'text', '--fail-on', 'none']);
      expect(text.stdout).toContain('caf\\xE9.js:1:');
      expect(text.stdout).toContain('d\\xEFr/\\xFF.txt:3:');
      expect(text.stdout).toContain('in 4 files');
      const sarif = runCli(['scan', root, '--format', 'sarif', '--fail-on', 'none']);
      expect(sarif.stdout).toContain('"uri": "caf%E9.js"');
      expectNoKey([key], { json: json.stdout, text: text.stdout + text.stderr, sarif: sarif.stdout });
    });
  }

  it('are read on the worker threads of a large tree', () => {
    const key = makeKey(SHAPES[1]!);
    const root = tempDir();
    for (let i = 0; i < 4200; i++) writeFileSync(`${root}/f${i}.txt`, `line ${i}\n`);
    plant(root, key);
    const ran = runCli(['scan', root, '--format', 'json', '--fail-on', 'none']);
    const out = JSON.parse(ran.stdout) as { findings: { file: string }[]; stats: { filesScanned: number } };
    expect(out.findings.map((f) => f.file).sort()).toEqual(['caf\udce9.js', 'd\udcefr/\udcff.txt', 'plain.js', 'x\uFFFD.js']);
    expect(out.stats.filesScanned).toBe(4204);
  });

  it('are found again at their line in history, after the file is gone', () => {
    const key = makeKey(SHAPES[2]!);
    const root = gitRepo({ 'README.md': 'hello\n' });
    writeFileSync(bytesPath(root, LATIN1), `// one\nconst apiKey = "${key}";\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'add');
    git(root, 'rm', '-q', decodeFileName(LATIN1).replace('\udce9', '?'));
    git(root, 'commit', '-qm', 'remove');
    const ran = runCli(['scan', root, '--history', '--format', 'json', '--fail-on', 'none']);
    expect(ran.stderr).not.toContain('line unknown');
    const [finding] = (JSON.parse(ran.stdout) as { findings: { file: string; line: number }[] }).findings;
    expect(finding).toMatchObject({ file: 'caf\udce9.js', line: 2 });
  });
});

describe('keys in file names', () => {
  /** A repository with a file named after a key (empty), a key-named file holding it, and a plain one. */
  function named(key: string): string {
    const root = gitRepo({ 'README.md': 'hello\n' });
    writeFileSync(`${root}/notes-${key}.txt`, 'x\n');
    writeFileSync(`${root}/${key}`, `key = "${key}"\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'names');
    return root;
  }

  it('are findings of their own, and no report prints the name whole', () => {
    const key = makeKey(SHAPES[1]!);
    const root = named(key);
    const outs = Object.fromEntries(['text', 'json', 'sarif'].map((format) => [format, runCli(['scan', root, '--format', format, '--fail-on', 'none'])]));
    const findings = (JSON.parse(outs.json!.stdout) as { findings: { file: string; line: number; column: number; source?: string }[] }).findings;
    const redacted = `sk-proj-…${key.slice(-4)}`;
    expect(findings).toEqual([
      expect.objectContaining({ file: `notes-${redacted}.txt`, line: 1, column: 7, source: 'file-name' }),
      expect.objectContaining({ file: redacted, line: 1, column: 1, source: 'file-name' }),
      expect.objectContaining({ file: redacted, line: 1, column: 8 }),
    ]);
    expect(outs.text!.stdout).toContain('in the file name');
    expectNoKey([key], Object.fromEntries(Object.entries(outs).map(([f, r]) => [f, r.stdout + r.stderr])));
  });

  it('never print whole from a history scan', () => {
    const key = makeKey(SHAPES[0]!);
    const root = named(key);
    const ran = runCli(['scan', root, '--history', '--format', 'json', '--fail-on', 'none']);
    expect(ran.code, ran.stderr).toBe(0);
    expectNoKey([key], { out: ran.stdout, err: ran.stderr });
    // The key's own line, in the key-named file, still at the tip: not "removed" from a neighbour.
    const [finding] = (JSON.parse(ran.stdout) as { findings: { file: string; line: number; presentAtHead: boolean }[] }).findings;
    expect(finding).toMatchObject({ file: `sk-…${key.slice(-4)}`, line: 1, presentAtHead: true });
  });

  it('are found in history and ranges when a commit creates or renames the file, empty or not', () => {
    const key = makeKey(SHAPES[3]!);
    const root = gitRepo({ 'README.md': 'hello\n' });
    // `touch $OPENAI_API_KEY`: an empty file has no `+++` line; its `diff --git` line names it.
    writeFileSync(`${root}/${key}`, '');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'touch');
    git(root, 'mv', key, `old-${key}`);
    git(root, 'commit', '-qm', 'rename');
    writeFileSync(`${root}/old-${key}`, 'edited\n');
    git(root, 'commit', '-qam', 'edit: no new name');
    for (const scope of [['--history'], ['--range', 'HEAD~3..HEAD']]) {
      const ran = runCli(['scan', root, ...scope, '--format', 'json', '--fail-on', 'none']);
      expect(ran.code, ran.stderr).toBe(0);
      expectNoKey([key], { out: ran.stdout, err: ran.stderr });
      const findings = (JSON.parse(ran.stdout) as { findings: { source?: string; occurrences: number; locations: { file: string }[] }[] }).findings;
      expect(findings, scope.join(' ')).toHaveLength(1);
      expect(findings[0]).toMatchObject({ source: 'file-name', occurrences: 2 });
      expect(findings[0]!.locations.map((l) => l.file).sort()).toEqual([`old-${redact(key)}`, redact(key)]);
    }
  });

  it('in one diff header do not move the next file’s lines under its name (allow.paths cannot be steered)', () => {
    const key = makeKey(SHAPES[2]!);
    // An allowed fixture, then a key in a file whose name holds the marker: its header was read as a
    // line of the fixture, and its own lines with it, so the key was dropped as allowed.
    const root = gitRepo({ '.keyguard.yml': 'allow:\n  paths: ["fixtures/"]\n' });
    write(root, 'fixtures/0.txt', 'fixture\n');
    write(root, `src/a-${'T3BlbkFJ'}.js`, `export const apiKey = "${key}";\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'fixture and key');
    for (const scope of [['--history'], ['--range', 'HEAD~1..HEAD']]) {
      const ran = runCli(['scan', root, ...scope, '--format', 'json', '--fail-on', 'none']);
      const out = JSON.parse(ran.stdout) as { findings: { file: string; line: number }[]; stats: { allowed: number } };
      expect(out.findings.map((f) => `${f.file}:${f.line}`), scope.join(' ')).toEqual([`src/a-${'T3BlbkFJ'}.js:1`]);
      expect(out.stats.allowed).toBe(0);
    }
  });

  it('a symlink whose target holds a key is found in the working tree, as history finds it (git commits the target as the content)', () => {
    const key = makeKey(SHAPES[1]!);
    const root = gitRepo({ 'README.md': '# app\n' });
    symlinkSync(`../secrets/${key}.env`, `${root}/current.env`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'link');
    const where = (args: string[]) => (JSON.parse(runCli(['scan', root, ...args, '--format', 'json', '--fail-on', 'none']).stdout) as { findings: { file: string; line: number; column: number }[] }).findings.map((f) => `${f.file}:${f.line}:${f.column}`);
    expect(where([])).toEqual(['current.env:1:12']);
    expect(where(['--history'])).toEqual(['current.env:1:12']);
    expectNoKey([key], { text: runCli(['scan', root, '--fail-on', 'none']).stdout });
  });

  it('are found when a merge adds the file itself, empty or not (a combined diff header names it)', () => {
    const key = makeKey(SHAPES[1]!);
    const root = gitRepo({ 'a.txt': 'a\n' });
    git(root, 'checkout', '-qb', 'topic');
    commitFile(root, 'b.txt', 'b\n', 'topic');
    git(root, 'checkout', '-q', '-');
    commitFile(root, 'c.txt', 'c\n', 'main');
    git(root, 'merge', '-q', '--no-commit', 'topic');
    write(root, `notes-${key}.txt`, '');
    write(root, `"${key}".txt`, 'x\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'merge');
    const ran = runCli(['scan', root, '--history', '--format', 'json', '--fail-on', 'none']);
    const findings = (JSON.parse(ran.stdout) as { findings: { file: string; source?: string; occurrences: number }[] }).findings;
    expect(findings).toEqual([expect.objectContaining({ source: 'file-name', occurrences: 2 })]);
    expectNoKey([key], { out: ran.stdout, err: ran.stderr });
  });
});
