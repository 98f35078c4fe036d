import { closeSync, openSync, symlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.ts';
import { parseConfig } from '../src/config-file.ts';
import { silentLogger } from '../src/logger.ts';
import { scanBatch, scanFile, type FileOutcome } from '../src/scan/file-scan.ts';
import { scanWorktree } from '../src/scan/worktree-scan.ts';
import { FileReader } from '../src/sources/file-reader.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { runCli } from './helpers/run.ts';

const scan = (root: string, config = DEFAULT_CONFIG) => scanWorktree({ root, config }, { logger: silentLogger });
const legacy = () => makeKey(shapeByName('legacy 51'));

describe('git working tree', () => {
  it('scans tracked and untracked files and binaries (by their bytes), not ignored ones, large files or links out', async () => {
    const keys = { tracked: legacy(), untracked: legacy(), ignored: legacy(), binary: legacy(), large: legacy(), outside: legacy(), nested: legacy() };
    const root = gitRepo({
      '.gitignore': 'secret.env\n',
      'src/app.py': `openai.api_key = "${keys.tracked}"\n`,
      'sub dir/deep/ä file.txt': `k=${keys.nested}\n`,
      'deleted.txt': `k=${legacy()}\n`,
    });
    write(root, 'notes.md', `key ${keys.untracked}\n`);
    write(root, 'secret.env', `OPENAI_API_KEY=${keys.ignored}\n`);
    write(root, 'image.bin', Buffer.concat([Buffer.from([0x89, 0x50, 0, 1]), Buffer.from(keys.binary)]));
    write(root, 'big.log', `${'x'.repeat(2000)}\n${keys.large}\n`);
    const outside = tempDir();
    write(outside, 'leak.txt', keys.outside);
    symlinkSync(path.join(outside, 'leak.txt'), path.join(root, 'link.txt'));
    git(root, 'rm', '-q', '--cached', 'deleted.txt');
    git(root, 'commit', '-qm', 'rm');
    // Deleted from the index but still in the work tree as an untracked file: still scanned.
    const config = parseConfig('scan:\n  maxFileSize: 1KB\n', '.keyguard.yml');

    const result = await scan(root, config);
    const found = result.findings.map((f) => [f.file, f.secret.reveal()]);
    expect(found).toEqual([
      ['deleted.txt', expect.any(String)],
      ['image.bin', keys.binary],
      ['notes.md', keys.untracked],
      ['src/app.py', keys.tracked],
      ['sub dir/deep/ä file.txt', keys.nested],
    ]);
    expect(result.findings.every((f) => f.commit === null && f.status === 'unverified')).toBe(true);
    expect(result.skipped).toEqual([
      { path: 'big.log', reason: 'too-large', detail: expect.stringMatching(/bytes$/) },
      { path: 'link.txt', reason: 'symlink' },
    ]);
  });

  it('gives paths relative to a scanned sub-directory', async () => {
    const root = gitRepo({ 'pkg/a/config.json': `{"k":"${legacy()}"}`, 'other.txt': legacy() });
    const result = await scan(path.join(root, 'pkg'));
    expect(result.findings.map((f) => f.file)).toEqual(['a/config.json']);
  });

  it("a sub-directory deep in a repository, or in a linked worktree (.git a file), follows the repository's ignore rules", async () => {
    // git is asked only when a .git is in the directory or above it: one found on the way up still counts.
    const root = gitRepo({ '.gitignore': 'secret.txt\n', 'a/b/c/kept.txt': `${legacy()}\n` });
    write(root, 'a/b/c/secret.txt', `${legacy()}\n`);
    expect((await scan(path.join(root, 'a/b/c'))).findings.map((f) => f.file)).toEqual(['kept.txt']);
    const linked = path.join(tempDir(), 'linked');
    git(root, 'worktree', 'add', '-q', linked);
    write(linked, 'a/b/c/secret.txt', `${legacy()}\n`);
    expect((await scan(path.join(linked, 'a/b'))).findings.map((f) => f.file)).toEqual(['c/kept.txt']);
  });

  it('skips a file git lists but the work tree no longer has', async () => {
    const root = gitRepo({ 'gone.txt': legacy(), 'kept.txt': 'nothing' });
    git(root, 'rm', '-q', '--cached', 'kept.txt');
    const { rmSync } = await import('node:fs');
    rmSync(path.join(root, 'gone.txt'));
    const result = await scan(root);
    expect(result.findings).toEqual([]);
    expect(result.skipped).toEqual([]);
  });

  it('scans the checked-out files of submodules and of nested repositories, which git lists as one path', async () => {
    const keys = { submodule: legacy(), nested: legacy(), ignored: legacy(), named: legacy(), deep: legacy() };
    const lib = gitRepo({ 'config.env': `KEY=${keys.submodule}\n`, '.gitignore': 'local.env\n', 'sub/deep.txt': `\n${keys.deep}\n` });
    const root = gitRepo({ 'README.md': '# app\n' });
    git(root, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'vendor/lib');
    git(root, 'commit', '-qm', 'submodule');
    write(root, 'vendor/lib/local.env', `KEY=${keys.ignored}\n`);
    write(root, `vendor/lib/${keys.named}.txt`, 'x\n');
    // An untracked repository inside the tree: git lists it as `tools/`.
    const tools = gitRepo({ 'run.sh': `export OPENAI_API_KEY=${keys.nested}\n` });
    const { renameSync } = await import('node:fs');
    renameSync(tools, path.join(root, 'tools'));

    // allow.paths reaches inside: neither a key there nor a file too large to read is reported.
    const big = write(root, 'vendor/lib/sub/big.bin', 'x'.repeat(4096));
    const named = write(root, `vendor/lib/sub/${legacy()}.txt`, 'x\n');
    const allowed = await scan(root, parseConfig('allow:\n  paths: [vendor/lib/sub/]\nscan:\n  maxFileSize: 1KB\n', '.keyguard.yml'));
    expect(allowed.findings.filter((f) => f.file.startsWith('vendor/lib/sub/'))).toEqual([]);
    expect(allowed.skipped).toEqual([]);
    const { rmSync } = await import('node:fs');
    rmSync(big);
    rmSync(named);

    for (const threads of [0, 2]) {
      const result = await scanWorktree({ root, config: DEFAULT_CONFIG, threads }, { logger: silentLogger });
      expect(result.findings.map((f) => [f.file, f.line, f.source ?? 'text']), `threads ${threads}`).toEqual([
        ['tools/run.sh', 1, 'text'],
        ['vendor/lib/config.env', 1, 'text'],
        [`vendor/lib/sk-…${keys.named.slice(-4)}.txt`, 1, 'file-name'],
        ['vendor/lib/sub/deep.txt', 2, 'text'],
      ]);
      expect(result.skipped).toEqual([]);
    }
  });
});

describe('plain directory', () => {
  it('walks every file, honouring nested .gitignore files', async () => {
    const root = tempDir();
    const k = { top: legacy(), deep: legacy(), ignoredTop: legacy(), ignoredDeep: legacy() };
    write(root, '.gitignore', 'build/\n*.log\n');
    write(root, 'a.txt', k.top);
    write(root, 'build/out.js', k.ignoredTop);
    write(root, 'x.log', k.ignoredTop);
    write(root, 'lib/.gitignore', 'local.cfg\n');
    write(root, 'lib/local.cfg', k.ignoredDeep);
    write(root, 'lib/src/b.ts', k.deep);
    const result = await scan(root);
    expect(result.findings.map((f) => [f.file, f.secret.reveal()])).toEqual([
      ['a.txt', k.top],
      ['lib/src/b.ts', k.deep],
    ]);
  });
});

describe('allowlists', () => {
  it('drops allowed paths, allowed fingerprints and inline keyguard:allow lines, and counts them', async () => {
    const [fixture, known, inline, real] = [legacy(), legacy(), legacy(), legacy()];
    const root = gitRepo({
      'test/fixtures/keys.txt': fixture,
      'docs/known.md': known,
      'src/a.ts': `const k = "${inline}"; // keyguard:allow\nconst j = "${real}";\n`,
    });
    const result = await scan(root);
    expect(result.findings).toHaveLength(3); // the inline allow needs no config
    const { fingerprint } = await import('../src/detect/index.ts');
    const config = parseConfig(`allow:\n  paths: ["test/fixtures/"]\n  fingerprints: ["${fingerprint(known)}"]\n`, '.keyguard.yml');
    const allowed = await scan(root, config);
    expect(allowed.findings.map((f) => f.secret.reveal())).toEqual([real]);
    expect(allowed.stats.allowed).toBe(2);
  });
});

describe('worker threads', () => {
  it('scan a large tree with the same findings and counts as one thread; a small tree stays on the main thread', async () => {
    const keys = Array.from({ length: 40 }, legacy);
    // More files than the main thread takes on its own (4,096), so the pool runs.
    const root = tempDir();
    for (let i = 0; i < 5000; i++) write(root, `d${i % 9}/f${i}.txt`, i % 17 === 0 ? `k=${keys[i % 40]}\n` : `line ${i}\n`);
    write(root, 'bin.dat', Buffer.from([0, 1, 2]));
    const one = await scanWorktree({ root, config: DEFAULT_CONFIG, threads: 0 }, { logger: silentLogger });
    const pool = await scanWorktree({ root, config: DEFAULT_CONFIG, threads: 2 }, { logger: silentLogger });
    const view = (r: typeof one) => ({ findings: r.findings.map((f) => `${f.file}:${f.line}:${f.fingerprint}`), skipped: r.skipped, files: r.stats.filesScanned, bytes: r.stats.bytesScanned });
    expect(view(pool)).toEqual(view(one));
    expect(one.findings).toHaveLength(295);
    expect([one.stats.threads, pool.stats.threads]).toEqual([0, 2]);
    const small = JSON.parse(runCli(['scan', gitRepo({ 'a.txt': 'a\n' }), '--format', 'json']).stdout);
    expect(small.stats.threads).toBe(0);
  });
});

describe('what a working-tree scan reads', () => {
  it('binary files by their bytes, UTF-16 files decoded, and large files window by window with true lines and columns', async () => {
    const keys = { png: legacy(), utf16: makeKey(shapeByName('project 164')), edge: legacy(), far: legacy() };
    const root = gitRepo({ 'README.md': 'app\n' });
    write(root, 'logo.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), Buffer.alloc(5000), Buffer.from(`tEXt key=${keys.png}`), Buffer.alloc(100)]));
    write(root, 'settings.ps1', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`# settings\r\n$env:OPENAI_API_KEY = "${keys.utf16}"\r\n`, 'utf16le')]));
    // 8 MiB windows overlapping by 64 KiB: one key straddles the first window's end, one is far
    // on a 20 MB line (the column counts across windows).
    const window = 8 << 20;
    const filler = 'abc def\n'.repeat(Math.floor((window - 30) / 8));
    write(root, 'big.txt', `${filler}K=${keys.edge}\n${'z'.repeat(20_000_000)} ${keys.far}\n`);
    const config = parseConfig('scan:\n  maxFileSize: 100MB\n', '.keyguard.yml');
    const result = await scan(root, config);
    const at = Object.fromEntries(result.findings.map((f) => [f.secret.reveal(), [f.file, f.line, f.column]]));
    const fillerLines = filler.split('\n').length - 1;
    expect(at).toEqual({
      [keys.png]: ['logo.png', 1, 5018],
      [keys.utf16]: ['settings.ps1', 2, 24],
      [keys.edge]: ['big.txt', fillerLines + 1, 3],
      [keys.far]: ['big.txt', fillerLines + 2, 20_000_002],
    });
    expect(result.skipped).toEqual([]);
  });
});

describe('small files searched together', () => {
  it('a batch read back to back into one buffer finds what each file read on its own finds, at pack edges too', () => {
    // Sizes around the 1 MiB pack and its 256 KiB least room: files that fill it, one that does
    // not fit the room left (read on its own), one over the size limit, UTF-16, empty, binary,
    // and keys on the first and last bytes of files, so a key beside the newline between two
    // files or at a pack's end shows.
    const root = tempDir();
    const paths: string[] = [];
    const add = (rel: string, content: string | Buffer) => {
      write(root, rel, content);
      paths.push(rel);
    };
    const pad = (n: number) => 'x'.repeat(n);
    add('first.txt', `${legacy()}`);
    add('empty.txt', '');
    const fill = () => `${legacy()}${pad(225_000)}${legacy()}`;
    for (let i = 0; i < 3; i++) add(`fill${i}.txt`, fill());
    // 675 KB used: 349 KB of room, worth a read, and too little for this file.
    add('over-room.txt', `${pad(400_000)}${legacy()}`);
    add('fill3.txt', fill());
    add('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`k=${legacy()}`, 'utf16le')]));
    add('binary.dat', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(legacy())]));
    add('too-large.txt', `${pad(3_000_000)}${legacy()}`);
    for (let i = 0; i < 50; i++) add(`small${i}.txt`, i % 7 === 0 ? `${legacy()}\n${pad(i * 1000)}` : pad(i * 1000));
    add('last.txt', `${pad(10)}${legacy()}`);
    add('missing.txt', 'gone');
    paths.push('never-there.txt');
    const reader = new FileReader(root, 2_900_000);
    const batch = scanBatch(reader, paths);
    const alone = paths.flatMap((p) => scanFile(new FileReader(root, 2_900_000), p)).filter((o): o is Exclude<FileOutcome, { kind: 'gone' }> => o.kind !== 'gone');
    const notable = alone.filter((o) => o.kind === 'skipped' || o.matches.length > 0);
    const sorted = (os: readonly FileOutcome[]) => [...os].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(sorted(batch.notable)).toEqual(sorted(notable));
    expect(batch.filesScanned).toBe(alone.filter((o) => o.kind === 'scanned').length);
    expect(batch.bytesScanned).toBe(alone.reduce((n, o) => n + (o.kind === 'scanned' ? o.bytes : 0), 0));
    expect(notable.map((o) => o.path)).toEqual(expect.arrayContaining(['first.txt', 'fill3.txt', 'over-room.txt', 'utf16.txt', 'binary.dat', 'too-large.txt', 'last.txt']));
    expect(notable.find((o) => o.path === 'fill3.txt')).toMatchObject({ matches: [{ column: 1 }, { column: 225_052 }] });
  });
});

describe('memory', () => {
  it('the bundled CLI scans a 300 MB file in bounded memory and finds the key at its end', () => {
    const key = legacy();
    const root = tempDir();
    const fd = openSync(path.join(root, 'dump.sql'), 'w');
    const block = Buffer.from(`${'INSERT INTO t VALUES (1, "abcdefghij");\n'.repeat(25_000)}`);
    for (let written = 0; written < 300e6; written += block.length) writeSync(fd, block);
    writeSync(fd, `-- K=${key}\n`);
    closeSync(fd);
    const r = runCli(['scan', root, '--format', 'json', '--max-file-size', '1GiB', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { findings: { file: string; line: number }[]; stats: { peakRssMb: number } };
    expect(json.findings).toMatchObject([{ file: 'dump.sql' }]);
    expect(json.stats.peakRssMb).toBeLessThan(200);
  });
});
