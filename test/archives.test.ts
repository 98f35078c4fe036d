import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectInFile, EntryCache } from '../src/detect/index.ts';
import { DEFAULT_CONFIG } from '../src/config.ts';
import { parseConfig } from '../src/config-file.ts';
import { silentLogger } from '../src/logger.ts';
import { renderSummary } from '../src/output/summary.ts';
import { scanGit } from '../src/scan/git-scan.ts';
import { scanWorktree } from '../src/scan/worktree-scan.ts';
import { makeTar, makeZip } from './helpers/archive.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { runCli } from './helpers/run.ts';

const scan = (root: string, config = DEFAULT_CONFIG) => scanWorktree({ root, config }, { logger: silentLogger });
const key = () => makeKey(shapeByName('project 164'));
const places = (findings: readonly { file: string; entry?: string; line: number; secret: { reveal(): string } }[]) =>
  findings.map((f) => [f.file, f.entry, f.line, f.secret.reveal()]).sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));

describe('keys inside archives', () => {
  it('finds keys in zip, docx, jar-in-zip, tar.gz and .gz files, at their entry and line, large archives too', async () => {
    const k = Array.from({ length: 8 }, key);
    const root = tempDir();
    write(root, 'release.zip', makeZip([{ name: 'README.txt', data: 'hello\n' }, { name: 'config/.env', data: `# prod\nOPENAI_API_KEY=${k[0]}\n` }]));
    write(root, 'docs/spec.docx', makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: `<w:t>use ${k[1]} for now</w:t>` }]));
    write(root, 'nested.zip', makeZip([{ name: 'lib/inner.jar', data: makeZip([{ name: 'app.properties', data: `a=1\nb=2\nopenai.key=${k[2]}\n` }]) }]));
    write(root, 'backup.tar.gz', gzipSync(makeTar([{ name: 'app/settings.py', data: `import os\n\nKEY = "${k[3]}"\n` }])));
    write(root, 'logs/app.log.gz', gzipSync(`GET /\nAuthorization: Bearer ${k[4]}\n`));
    // Stored uncompressed, the key is in the zip's own bytes as well: one finding, at its entry.
    write(root, 'stored.zip', makeZip([{ name: 'key.txt', data: k[5]!, method: 0 }]));
    // Over the 1 MiB packing buffer: read in windows, then whole for its entries.
    write(root, 'big.zip', makeZip([{ name: 'noise.bin', data: randomBytes(3 << 20), method: 0 }, { name: 'deploy/values.yaml', data: `openai:\n  key: ${k[6]}\n` }]));
    write(root, 'plain.txt', `not an archive ${k[7]}\n`);

    const result = await scan(root);
    expect(places(result.findings)).toEqual([
      ['backup.tar.gz', 'backup.tar!app/settings.py', 3, k[3]],
      ['big.zip', 'deploy/values.yaml', 2, k[6]],
      ['docs/spec.docx', 'word/document.xml', 1, k[1]],
      ['logs/app.log.gz', 'app.log', 2, k[4]],
      ['nested.zip', 'lib/inner.jar!app.properties', 3, k[2]],
      ['plain.txt', undefined, 1, k[7]],
      ['release.zip', 'config/.env', 2, k[0]],
      ['stored.zip', 'key.txt', 1, k[5]],
    ]);
    expect(result.skipped).toEqual([]);
    expect(result.findings.find((f) => f.entry === 'config/.env')).toMatchObject({ column: 16 });
  });

  it('reads the zip, tar and tar.gz that git archive writes (a real tool, not this test helper)', async () => {
    const k = key();
    const repo = gitRepo({ 'src/settings.py': `import os\n\nKEY = "${k}"\n`, [`docs/${'d'.repeat(120)}.md`]: `${k}\n` });
    const root = tempDir();
    for (const format of ['zip', 'tar', 'tar.gz']) git(repo, 'archive', `--format=${format}`, '--prefix=app/', '-o', path.join(root, `release.${format}`), 'HEAD');
    const long = `app/docs/${'d'.repeat(120)}.md`;
    expect(places((await scan(root)).findings)).toEqual([
      ['release.tar', long, 1, k],
      ['release.tar', 'app/src/settings.py', 3, k],
      ['release.tar.gz', `release.tar!${long}`, 1, k],
      ['release.tar.gz', 'release.tar!app/src/settings.py', 3, k],
      ['release.zip', long, 1, k],
      ['release.zip', 'app/src/settings.py', 3, k],
    ]);
  });

  it('reads zip64 archives and gzip streams that store their name', async () => {
    const k = [key(), key()];
    const root = tempDir();
    write(root, 'stream.zip', makeZip([{ name: 'a/b.env', data: `K=${k[0]}\n` }], { zip64: true }));
    // gzip's FNAME field (gzip -N): the entry is the stored name, not the file's.
    const named = gzipSync(`x\n${k[1]}\n`);
    const header = Buffer.from(named.subarray(0, 10));
    header[3] = 0x08;
    write(root, 'dump.bin', Buffer.concat([header, Buffer.from('original.sql\0', 'latin1'), named.subarray(10)]));
    expect(places((await scan(root)).findings)).toEqual([
      ['dump.bin', 'original.sql', 2, k[1]],
      ['stream.zip', 'a/b.env', 1, k[0]],
    ]);
  });

  it('a zip bomb, a header that lies, deep nesting, encryption and damage are named, and the rest is still read', async () => {
    const k = Array.from({ length: 4 }, key);
    const root = tempDir();
    const config = parseConfig('scan:\n  maxFileSize: 1MB\n', '.keyguard.yml');
    // 8 MB of zeros deflates to 8 KB: the zip may expand to 100 times its size, 0.8 MB. Listed
    // first, the bomb is read last, after the small entry.
    write(root, 'bomb.gz', gzipSync(Buffer.alloc(8 << 20)));
    write(root, 'bomb.zip', makeZip([{ name: 'zeros.bin', data: Buffer.alloc(8 << 20) }, { name: 'after.env', data: `K=${k[0]}\n` }]));
    const lying = makeZip([{ name: 'small.txt', data: Buffer.alloc(4 << 20) }, { name: 'ok.env', data: `K=${k[1]}\n` }]);
    // The central directory says small.txt is 100 bytes.
    lying.writeUInt32LE(100, lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    write(root, 'lying.zip', lying);
    let deep = makeZip([{ name: 'level4.env', data: `K=${k[2]}\n` }]);
    for (const level of [3, 2, 1]) deep = makeZip([{ name: `level${level}.zip`, data: deep }]);
    write(root, 'deep.zip', deep);
    write(root, 'locked.zip', makeZip([{ name: 'secret.env', data: 'x', encrypted: true }, { name: 'odd.bz2', data: 'x', method: 12 }]));
    // Cut in half: no central directory; the stored entry is still in the raw bytes.
    const whole = makeZip([{ name: 'stored.env', data: `K=${k[3]}\n`, method: 0 }, { name: 'pad.bin', data: randomBytes(4096), method: 0 }]);
    write(root, 'truncated.zip', whole.subarray(0, whole.length >> 1));

    const result = await scan(root, config);
    expect(places(result.findings)).toEqual([
      ['bomb.zip', 'after.env', 1, k[0]],
      ['lying.zip', 'ok.env', 1, k[1]],
      // Its line counts the newlines of the zip's own bytes before it.
      ['truncated.zip', undefined, expect.any(Number), k[3]],
    ]);
    expect(result.skipped.map((s) => [s.path, s.reason, s.detail])).toEqual([
      ['bomb.gz', 'archive-entry', "its gzip stream: expands past what it may (the size limit, or 100 times the archive's size if less); not scanned"],
      ['bomb.zip', 'archive-entry', "zeros.bin: 8388608 bytes, past what the archive may still expand to (the size limit, or 100 times the archive's size if less); not read"],
      ['deep.zip', 'archive-entry', 'level1.zip!level2.zip!level3.zip: an archive nested more than 3 deep, not opened'],
      ['locked.zip', 'archive-entry', 'secret.env: encrypted, not read'],
      ['locked.zip', 'archive-entry', 'odd.bz2: compression method 12 not read'],
      ['lying.zip', 'archive-entry', 'small.txt: expands past the 100 bytes its header gives; not scanned'],
      ['truncated.zip', 'archive-entry', 'not read as a zip: no central directory (truncated?); its raw bytes were scanned'],
    ]);
    expect(renderSummary(result)).toContain('<details><summary>7 files inside archives not read</summary>');
  });

  it('an entry named after a key is redacted, and the bundled CLI reports entries in text and JSON', () => {
    const k = key();
    const root = tempDir();
    write(root, 'a.zip', makeZip([{ name: `keys/${k}.txt`, data: `k=${k}\n` }, { name: '[x](y) @team.env', data: `\n${k}\n` }, { name: `locked/${k}.env`, data: 'x', encrypted: true }]));
    const text = runCli(['scan', root, '--fail-on', 'none']);
    expect(text.stdout).toMatch(/^a\.zip!\[x\]\(y\) @team\.env:2:1 {2}project key/m);
    const out = path.join(tempDir(), 'r.json');
    runCli(['scan', root, '--format', 'json', '--output', out, '--fail-on', 'none']);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: { file: string; entry?: string; line: number; source?: string }[] };
    expect(report.findings.map((f) => [f.file, f.entry, f.line, f.source])).toEqual([
      ['a.zip', '[x](y) @team.env', 2, undefined],
      ['a.zip', `keys/sk-proj-…${k.slice(-4)}.txt`, 1, undefined],
      ['a.zip', `keys/sk-proj-…${k.slice(-4)}.txt`, 1, 'file-name'],
    ]);
    const history = gitRepo({ 'a.zip': readFileSync(path.join(root, 'a.zip')) });
    const inHistory = JSON.parse(runCli(['scan', history, '--history', '--format', 'json', '--fail-on', 'none']).stdout) as { findings: { entry?: string; source?: string; occurrences: number }[] };
    // One key: in two entries' text and in one entry's name, three places.
    expect(inHistory.findings).toEqual([expect.objectContaining({ occurrences: 3 })]);
    expectNoKey([k], { text: text.stdout + text.stderr, json: readFileSync(out, 'utf8') });
  });
});

describe('damaged archives (property)', () => {
  it('a zip, tar or gzip with any bytes changed or cut never throws, and a key stored whole is still found', () => {
    const k = key();
    const plain = `K=${k}\n`;
    const inner = makeZip([{ name: 'in.env', data: plain }]);
    const samples = [
      makeZip([{ name: 'a.env', data: plain, method: 0 }, { name: 'b.zip', data: inner }, { name: 'c.txt', data: 'x'.repeat(5000) }], { comment: 'c' }),
      makeZip([{ name: 'a.env', data: plain, method: 0 }, { name: 'b.bin', data: randomBytes(2000) }], { zip64: true }),
      makeTar([{ name: 'a.env', data: plain }, { name: `d/${'n'.repeat(150)}`, data: gzipSync(plain) }]),
      gzipSync(makeTar([{ name: 'a.env', data: plain }])),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: samples.length - 1 }),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        (which, edits, cut) => {
          const bytes = Buffer.from(samples[which]!);
          for (const { at, byte } of edits) bytes[at % bytes.length] = byte;
          const data = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
          const { matches, unread } = detectInFile(data, 'sample', { maxFileSize: 1 << 20, archiveDepth: 3 });
          // Read again through a cache, twice: the same keys, the same places, the same problems.
          const cache = new EntryCache();
          for (let i = 0; i < 2; i++) {
            const cached = detectInFile(data, 'sample', { maxFileSize: 1 << 20, archiveDepth: 3, cache });
            expect(cached.matches.map((m) => [m.entry, m.line, m.column])).toEqual(matches.map((m) => [m.entry, m.line, m.column]));
            if (i === 0) expect(cached.unread).toEqual(unread);
          }
          // Stored uncompressed and untouched, the key is in the raw bytes whatever the damage.
          const stored = which !== 3 && data.includes(Buffer.from(plain));
          if (stored) expect(matches.some((m) => m.secret.reveal() === k)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('scan.archiveDepth', () => {
  it('0 reads an archive as bytes only; 1 opens the archive but not the ones inside it', async () => {
    const k = [key(), key()];
    const root = tempDir();
    write(root, 'release.zip', makeZip([{ name: 'config/.env', data: `K=${k[0]}\n` }]));
    write(root, 'nested.zip', makeZip([{ name: 'lib/inner.jar', data: makeZip([{ name: 'app.properties', data: `openai.key=${k[1]}\n` }]) }]));
    const at = (depth: number) => scan(root, parseConfig(`scan:\n  archiveDepth: ${depth}\n`, '.keyguard.yml'));
    const none = await at(0);
    expect(none.findings).toEqual([]);
    expect(none.skipped).toEqual([]);
    const one = await at(1);
    expect(places(one.findings)).toEqual([['release.zip', 'config/.env', 1, k[0]]]);
    expect(one.skipped).toEqual([{ path: 'nested.zip', reason: 'archive-entry', detail: 'lib/inner.jar: an archive nested more than 1 deep, not opened' }]);
    const history = gitRepo({ 'dist/release.zip': makeZip([{ name: 'config/.env', data: `K=${k[0]}\n` }]) });
    expect((await scanGit({ root: history, config: parseConfig('scan:\n  archiveDepth: 0\n', '.keyguard.yml'), target: { type: 'history' } }, { logger: silentLogger })).findings).toEqual([]);
  });
});

describe('archives on worker threads', () => {
  it('a tree large enough for worker threads reads its archives there, with the same entries', () => {
    const k = [key(), key()];
    const root = tempDir();
    for (let i = 0; i < 4200; i++) write(root, `f${i}.txt`, `line ${i}\n`);
    write(root, 'z/a.zip', makeZip([{ name: 'in/a.env', data: `K=${k[0]}\n` }]));
    write(root, 'z/b.tgz', gzipSync(makeTar([{ name: 'b.env', data: `\n${k[1]}\n` }])));
    const ran = runCli(['scan', root, '--format', 'json', '--fail-on', 'none']);
    const out = JSON.parse(ran.stdout) as { findings: { file: string; entry?: string; line: number }[]; stats: { threads: number } };
    // One core: no workers, and the same findings.
    expect(out.stats.threads).toBe(availableParallelism() > 1 ? Math.min(availableParallelism(), 8) : 0);
    expect(out.findings.map((f) => [f.file, f.entry, f.line])).toEqual([
      ['z/a.zip', 'in/a.env', 1],
      ['z/b.tgz', 'b.tar!b.env', 2],
    ]);
  });
});

describe('archives in git history', () => {
  it('finds a key in a committed zip at its entry, and knows when the tip no longer holds it', async () => {
    const k = key();
    const root = gitRepo({ 'README.md': '# app\n' });
    write(root, 'dist/bundle.zip', makeZip([{ name: 'config/app.env', data: `A=1\nOPENAI_API_KEY=${k}\n` }]));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'add bundle');
    const history = async () => (await scanGit({ root, config: DEFAULT_CONFIG, target: { type: 'history' } }, { logger: silentLogger })).findings;
    const [first] = await history();
    expect(first).toMatchObject({ file: 'dist/bundle.zip', entry: 'config/app.env', line: 2, git: { presentAtHead: true, atHead: { file: 'dist/bundle.zip', line: 2 } } });
    git(root, 'rm', '-q', 'dist/bundle.zip');
    git(root, 'commit', '-qm', 'drop bundle');
    const [gone] = await history();
    expect(gone).toMatchObject({ file: 'dist/bundle.zip', entry: 'config/app.env', line: 2, git: { presentAtHead: false } });
  });

  it('a rebuilt jar: an entry read in one version is read from the cache in the next, with the same findings', async () => {
    const k = key();
    const root = gitRepo({ 'README.md': '# app\n' });
    const commits: string[] = [];
    for (let v = 0; v < 3; v++) {
      write(root, 'app.jar', makeZip([{ name: 'config.properties', data: `openai.key=${k}\n` }, { name: `Build${v}.class`, data: randomBytes(500) }, { name: 'lib.zip', data: makeZip([{ name: 'x.env', data: `\nK=${k}\n` }]) }]));
      git(root, 'add', '-A');
      git(root, 'commit', '-qm', `v${v}`);
      commits.push(git(root, 'rev-parse', 'HEAD').trim());
    }
    const [found] = (await scanGit({ root, config: DEFAULT_CONFIG, target: { type: 'history' } }, { logger: silentLogger })).findings;
    expect(found).toMatchObject({ file: 'app.jar', entry: 'config.properties', line: 1, commit: commits[0], git: { occurrences: 6, presentAtHead: true } });
    expect(found!.git!.locations.map((l) => l.commit).sort()).toEqual([...commits].sort());
    // The cache knows contents, not names: the same entry under a directory named after another key is found by its name.
    const other = key();
    write(root, 'app.jar', makeZip([{ name: 'config.properties', data: `openai.key=${k}\n` }, { name: `${other}/config.properties`, data: `openai.key=${k}\n` }]));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'v3');
    const again = (await scanGit({ root, config: DEFAULT_CONFIG, target: { type: 'history' } }, { logger: silentLogger })).findings;
    expect(again.find((f) => f.secret.reveal() === other)).toMatchObject({ file: 'app.jar', entry: `sk-proj-…${other.slice(-4)}/config.properties` });
  });

  it('a staged archive and a range that adds one are read the same way (the pre-commit hook and pull requests)', () => {
    const k = key();
    const root = gitRepo({ 'README.md': '# app\n' });
    const before = git(root, 'rev-parse', 'HEAD').trim();
    write(root, 'backup.tgz', gzipSync(makeTar([{ name: 'db/seed.sql', data: `-- ${k}\n` }])));
    git(root, 'add', 'backup.tgz');
    const found = (args: string[]) => (JSON.parse(runCli(['scan', root, ...args, '--format', 'json', '--fail-on', 'none']).stdout) as { findings: { file: string; entry?: string; line: number }[] }).findings.map((f) => [f.file, f.entry, f.line]);
    expect(found(['--staged'])).toEqual([['backup.tgz', 'backup.tar!db/seed.sql', 1]]);
    git(root, 'commit', '-qm', 'backup');
    expect(found(['--range', `${before}..HEAD`])).toEqual([['backup.tgz', 'backup.tar!db/seed.sql', 1]]);
  });
});
