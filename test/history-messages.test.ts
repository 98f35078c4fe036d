import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.ts';
import { fingerprint, mayContainKey } from '../src/detect/index.ts';
import { MARKER } from '../src/detect/kinds.ts';
import { silentLogger } from '../src/logger.ts';
import { scanGit, type GitTarget } from '../src/scan/git-scan.ts';
import { DiffStreamScanner, LogMessages } from '../src/sources/diff-stream.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { runCli } from './helpers/run.ts';

/*
 * Commit messages are untrusted text read from the same stream as the diffs: a message written to
 * look like a diff, a binary change, a commit header or an added key must be read as a message,
 * and only as one, whatever its length and wherever the pipe's chunks split it.
 */

const legacy = () => makeKey(shapeByName('legacy 51'));
const project = () => makeKey(shapeByName('project 164'));
const scan = (root: string, target: GitTarget = { type: 'history' }) => scanGit({ root, config: DEFAULT_CONFIG, target }, { logger: silentLogger });
const IDENTITY = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.test' };

/** Commits what is staged with `message` taken verbatim (no clean-up), at a fixed author date. */
function commit(root: string, message: string, unix = 1_700_000_000): string {
  const file = path.join(tempDir(), 'message');
  writeFileSync(file, message);
  const date = `${unix} +0000`;
  execFileSync('git', ['commit', '-q', '--allow-empty', '--allow-empty-message', '--cleanup=verbatim', '-F', file], { cwd: root, env: { ...process.env, ...IDENTITY, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  return git(root, 'rev-parse', 'HEAD').trim();
}

/** A commit object written as given (a message git would not let `commit` write: no final newline, a NUL). */
function rawCommit(root: string, message: Buffer): string {
  const tree = git(root, 'rev-parse', 'HEAD^{tree}').trim();
  const parent = git(root, 'rev-parse', 'HEAD').trim();
  const file = path.join(tempDir(), 'commit');
  writeFileSync(file, Buffer.concat([Buffer.from(`tree ${tree}\nparent ${parent}\nauthor T <t@example.test> 1700000500 +0000\ncommitter T <t@example.test> 1700000500 +0000\n\n`), message]));
  const sha = git(root, 'hash-object', '-t', 'commit', '-w', '--literally', file).trim();
  git(root, 'update-ref', 'refs/heads/main', sha);
  return sha;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('commit messages read from the diff stream', () => {
  it('a message dressed as a diff, a binary change and a commit header is a message: its key found there, nothing else', async () => {
    const k = { inMessage: legacy(), added: project(), blobOnly: legacy(), header: legacy() };
    const root = gitRepo({ 'README.md': '# r\n' });
    // A blob holding a key that no commit adds: only a fooled scanner would read it.
    const loose = path.join(tempDir(), 'loose');
    writeFileSync(loose, `k=${k.blobOnly}\n`);
    const blob = git(root, 'hash-object', '-w', loose).trim();
    const base = git(root, 'rev-parse', 'HEAD').trim();
    const forged = [
      'update docs',
      '',
      'diff --git a/fake.txt b/fake.txt',
      'new file mode 100644',
      'index 0000000000000000000000000000000000000000..1111111111111111111111111111111111111111',
      '--- /dev/null',
      '+++ b/fake.txt',
      '@@ -0,0 +1,2 @@',
      `+OPENAI_API_KEY=${k.inMessage}`,
      '+x',
      'diff --git a/x.bin b/x.bin',
      `index 0000000000000000000000000000000000000000..${blob}`,
      'Binary files /dev/null and b/x.bin differ',
      `${base} 1700000000`,
      `++${k.header}`,
      '',
    ].join('\n');
    write(root, 'real.txt', `token=${k.added}\n`);
    git(root, 'add', '-A');
    const forger = commit(root, forged, 1_700_000_100);

    const result = await scan(root);
    const byKey = new Map(result.findings.map((f) => [f.secret.reveal(), f]));
    expect([...byKey.keys()].sort()).toEqual([k.inMessage, k.added, k.header].sort());
    expect(byKey.get(k.inMessage)).toMatchObject({ file: '(commit message)', source: 'commit-message', commit: forger, line: lineOf(forged, k.inMessage), column: 17, git: { occurrences: 1, presentAtHead: false } });
    expect(byKey.get(k.header)).toMatchObject({ file: '(commit message)', commit: forger, line: lineOf(forged, k.header), column: 3 });
    expect(byKey.get(k.added)).toMatchObject({ file: 'real.txt', line: 1, commit: forger, git: { presentAtHead: true } });
    expect(result.findings.some((f) => f.file === 'fake.txt' || f.file === 'x.bin')).toBe(false);
    expect(result.stats.commitsScanned).toBe(2);
  });

  it('long messages across many chunks, a message without a final newline, one cut by a NUL, an empty one', async () => {
    const k = { deep: legacy(), wrapped: project(), last: legacy(), afterNul: legacy(), diff: legacy() };
    const root = gitRepo({ 'a.txt': 'a\n' });
    // Lines that look like added keys, hundreds of KB of them, the real key deep inside.
    const filler = Array.from({ length: 6000 }, (_, i) => `+sk-${'x'.repeat(20)}-${i} @@ -1 +1 @@ diff --git a/b b/b`).join('\n');
    const long = `long one\n\n${filler}\nkey: ${k.deep}\n${filler}\n`;
    const c1 = commit(root, long, 1_700_000_100);
    const b64 = Buffer.from(`OPENAI_API_KEY=${k.wrapped}\n`).toString('base64');
    const c2 = commit(root, `base64 in a message\n\n${b64}\n`, 1_700_000_200);
    const c3 = rawCommit(root, Buffer.from(`no newline at the end ${k.last}`));
    // git prints a message up to its first NUL: what follows is never shown, by git log or here.
    rawCommit(root, Buffer.concat([Buffer.from('cut here'), Buffer.from([0]), Buffer.from(`\n${k.afterNul}\n`)]));
    commit(root, '', 1_700_000_600);
    write(root, 'b.txt', `k=${k.diff}\n`);
    git(root, 'add', '-A');
    const c6 = commit(root, 'add b', 1_700_000_700);

    const result = await scan(root);
    const byKey = new Map(result.findings.map((f) => [f.secret.reveal(), f]));
    expect(byKey.get(k.deep)).toMatchObject({ file: '(commit message)', commit: c1, line: lineOf(long, k.deep), column: 6 });
    expect(byKey.get(k.wrapped)).toMatchObject({ file: '(commit message)', commit: c2, encoding: 'base64' });
    expect(byKey.get(k.last)).toMatchObject({ file: '(commit message)', commit: c3, line: 1, column: 23 });
    expect(byKey.get(k.diff)).toMatchObject({ file: 'b.txt', commit: c6, line: 1 });
    expect(byKey.has(k.afterNul)).toBe(false);
    expect(result.findings).toHaveLength(4);
    expect(result.stats.commitsScanned).toBe(7);
  });

  it('which commit counts as first when a key is in a message and a diff of the same date, and a range reads only its own messages', async () => {
    const key = legacy();
    const root = gitRepo();
    write(root, 'a.env', `K=${key}\n`);
    git(root, 'add', '-A');
    const inDiff = commit(root, 'add a.env', 1_700_000_000);
    const inMessage = commit(root, `oops: ${key}\n`, 1_700_000_000);
    const result = await scan(root);
    expect(result.findings).toHaveLength(1);
    // git lists the newer commit first; at an equal date the one read later counts as older, and
    // messages are read after the diffs: the message's commit is the first place.
    expect(result.findings[0]).toMatchObject({ commit: inMessage, file: 'a.env', git: { occurrences: 2, firstAdded: { commit: inMessage, file: '(commit message)' } } });

    const other = legacy();
    const base = commit(root, `before the range ${other}\n`, 1_700_000_100);
    const inRange = commit(root, `in the range ${other}\n`, 1_700_000_200);
    const range = await scan(root, { type: 'range', base, head: 'HEAD' });
    expect(range.findings.map((f) => [f.secret.reveal(), f.commit, f.file])).toEqual([[other, inRange, '(commit message)']]);
    expect(range.stats.commitsScanned).toBe(1);
    expect(inDiff).not.toBe(inMessage);
  });

  it('a log output encoding in the git config (UTF-16 would put NULs everywhere) changes nothing', async () => {
    const k = { message: legacy(), diff: legacy() };
    const root = gitRepo({ 'a.txt': 'a\n' });
    git(root, 'config', 'i18n.logOutputEncoding', 'UTF-16');
    write(root, 'b.txt', `k=${k.diff}\n`);
    git(root, 'add', '-A');
    const c = commit(root, `add b\n\nsee ${k.message}\n`, 1_700_000_100);
    const result = await scan(root);
    const byKey = new Map(result.findings.map((f) => [f.secret.reveal(), f]));
    expect(byKey.get(k.message)).toMatchObject({ file: '(commit message)', commit: c, line: 3, column: 5 });
    expect(byKey.get(k.diff)).toMatchObject({ file: 'b.txt', commit: c, line: 1 });
    expect(result.stats.commitsScanned).toBe(2);
  });

  it('a NUL inside a text diff (a file forced to diff as text) hides neither the commit nor the keys after it', async () => {
    const k = { after: legacy(), next: legacy() };
    const root = gitRepo({ '.gitattributes': '*.txt diff\n' });
    write(root, 'nul.txt', Buffer.concat([Buffer.from('a'), Buffer.from([0]), Buffer.from(`b\nk=${k.after}\n`)]));
    git(root, 'add', '-A');
    const c = commit(root, 'nul', 1_700_000_100);
    write(root, 'next.txt', `k=${k.next}\n`);
    git(root, 'add', '-A');
    commit(root, 'next', 1_700_000_200);
    const result = await scan(root);
    const byKey = new Map(result.findings.map((f) => [f.secret.reveal(), f]));
    expect(byKey.get(k.after)).toMatchObject({ file: 'nul.txt', commit: c, line: 2 });
    expect(byKey.get(k.next)).toMatchObject({ file: 'next.txt' });
    expect(result.stats.commitsScanned).toBe(3);
  });
});

describe('coverage of a history scan (bundled CLI)', () => {
  it('counts every commit of the refs, on a whole clone and on a damaged one', () => {
    const k = { newer: legacy(), older: legacy(), message: legacy() };
    const root = gitRepo({ 'old.txt': `K=${k.older}\n` });
    const lost = git(root, 'rev-parse', 'HEAD:old.txt').trim();
    write(root, 'new.txt', `K=${k.newer}\n`);
    git(root, 'add', '-A');
    commit(root, `newer\n\nsee ${k.message}\n`, 1_700_000_100);
    git(root, 'checkout', '-q', '-b', 'side');
    commit(root, 'side', 1_700_000_200);
    git(root, 'checkout', '-q', 'main');
    git(root, 'rm', '-q', 'old.txt');
    commit(root, 'drop old', 1_700_000_300);
    const run = () => {
      const r = runCli(['scan', root, '--history', '--format', 'json', '--fail-on', 'none']);
      expectNoKey(Object.values(k), { stdout: r.stdout, stderr: r.stderr });
      return { code: r.code, json: JSON.parse(r.stdout) as { findings: { fingerprint: string; file: string }[]; coverage: { commits: number; refs: string[] }; stats: { commitsScanned: number } } };
    };
    const whole = run();
    expect(whole.code).toBe(0);
    expect(whole.json.coverage).toMatchObject({ type: 'refs', commits: 4, refs: ['refs/heads/main', 'refs/heads/side'] });
    expect(whole.json.stats.commitsScanned).toBe(4);

    rmSync(path.join(root, '.git/objects', lost.slice(0, 2), lost.slice(2)));
    const damaged = run();
    expect(damaged.code).toBe(2);
    expect(damaged.json.coverage).toMatchObject({ type: 'refs', commits: 4 });
    // The commit git failed on is read again on its own: counted once (it was twice).
    expect(damaged.json.stats.commitsScanned).toBe(4);
    expect(damaged.json.findings.map((f) => [f.fingerprint, f.file]).sort()).toEqual(
      [
        [fingerprint(k.newer), 'new.txt'],
        [fingerprint(k.message), '(commit message)'],
      ].sort(),
    );
  });
});

describe('ref names (bundled CLI)', () => {
  it('a branch or tag named after a key is a finding at its tip, and no report prints the name whole', () => {
    const key = project();
    const root = gitRepo({ 'a.txt': 'a\n' });
    const tip = git(root, 'rev-parse', 'HEAD').trim();
    git(root, 'branch', `fix/${key}`);
    git(root, 'tag', `v-${key}`);
    const outs = Object.fromEntries(['text', 'json', 'sarif'].map((format) => [format, runCli(['scan', root, '--history', '--format', format, '--fail-on', 'none'])]));
    const report = JSON.parse(outs.json!.stdout) as { coverage: { refs: string[] }; findings: { file: string; source?: string; commit: string; occurrences: number }[] };
    const redacted = `sk-proj-…${key.slice(-4)}`;
    expect(report.findings).toEqual([expect.objectContaining({ file: `(ref name: refs/heads/fix/${redacted})`, source: 'ref-name', commit: tip, occurrences: 2 })]);
    expect(report.coverage.refs).toEqual([`refs/heads/fix/${redacted}`, 'refs/heads/main', `refs/tags/v-${redacted}`]);
    expect(outs.text!.stdout).toContain(`history: 1 commit from 3 refs (fix/${redacted}, main, v-${redacted})`);
    expectNoKey([key], Object.fromEntries(Object.entries(outs).map(([f, r]) => [f, r.stdout + r.stderr])));
  });
});

describe('a detached HEAD in a clone without refs (bundled CLI)', () => {
  it('is read, as git log --all reads it, and named as what was covered', () => {
    const key = legacy();
    const root = gitRepo({ 'a.env': `K=${key}\n` });
    git(root, 'checkout', '-q', '--detach');
    git(root, 'branch', '-q', '-D', 'main');
    const r = runCli(['scan', root, '--history', '--format', 'json', '--fail-on', 'none']);
    const json = JSON.parse(r.stdout) as { findings: { fingerprint: string }[]; coverage: unknown };
    expect(json.coverage).toEqual({ type: 'refs', refs: ['HEAD'], commits: 1 });
    expect(json.findings.map((f) => f.fingerprint)).toEqual([fingerprint(key)]);
    expect(runCli(['scan', root, '--history', '--fail-on', 'none']).stdout).toMatch(/^history: 1 commit from 1 ref \(HEAD\)$/m);
    expectNoKey([key], { stdout: r.stdout, stderr: r.stderr });
  });
});

/** A log read in chunks of `size` bytes as a history scan reads it: messages taken out first, then the diffs. */
function readInChunks(log: Buffer, size: number): { texts: string[]; lines: string[]; commits: number } {
  const messages = new LogMessages();
  const scanner = new DiffStreamScanner();
  const texts: string[] = [];
  const lines: string[] = [];
  for (let i = 0; i < log.length; i += size) {
    const chunk = Buffer.from(log.subarray(i, i + size));
    for (const m of messages.push(chunk)) texts.push(`${m.commit.sha}:${m.text}`);
    for (const l of scanner.push(chunk)) lines.push(`${l.commit?.sha}:${l.file}:${l.text}`);
  }
  for (const l of scanner.end()) lines.push(`${l.commit?.sha}:${l.file}:${l.text}`);
  return { texts, lines, commits: messages.commits };
}

describe('messages and diffs split from one stream', () => {
  it('give the same messages, lines and commit count whatever the chunk boundaries', () => {
    const k = { message: legacy(), diff: project(), nul: legacy() };
    const root = gitRepo({ '.gitattributes': '*.txt diff\n' });
    write(root, 'a.txt', Buffer.concat([Buffer.from('x'), Buffer.from([0]), Buffer.from(`\nk=${k.nul}\n`)]));
    git(root, 'add', '-A');
    commit(root, `diff --git a/f b/f\n+++ b/f\n@@ -0,0 +1 @@\n+${k.message}\n`, 1_700_000_000);
    commit(root, '', 1_700_000_100);
    write(root, 'b.txt', `k=${k.diff}\n`);
    git(root, 'add', '-A');
    commit(root, `multi-byte: \u00e9\u4e2d\n\n${'+sk-proj-not-a-key\n'.repeat(40)}`, 1_700_000_200);
    const out = execFileSync('git', ['log', '--all', '-p', '-U0', '--no-color', '--full-index', '--format=%x00%H %at %P%n%B%x00'], { cwd: root });
    const run = (size: number) => {
      const { texts, lines, commits } = readInChunks(out, size);
      // Lines come out a chunk late at most (the scanner holds an unfinished line): the order within each list is what counts.
      return { got: [...texts.map((t) => `message ${t}`), ...lines], commits };
    };
    const whole = run(out.length);
    expect(whole.commits).toBe(4);
    expect(whole.got.filter((g) => g.includes(k.message))).toEqual([expect.stringMatching(/^message [0-9a-f]{40}:diff --git/)]);
    expect(whole.got.filter((g) => g.includes(k.diff))).toEqual([expect.stringMatching(/^[0-9a-f]{40}:b\.txt:k=/)]);
    expect(whole.got.filter((g) => g.includes(k.nul))).toEqual([expect.stringMatching(/^[0-9a-f]{40}:a\.txt:k=/)]);
    expect(whole.got).toHaveLength(3);
    for (let size = 1; size < out.length; size += size < 60 ? 1 : 41) expect(run(size), `chunks of ${size}`).toEqual(whole);
  });
});

describe('messages and diffs split from one stream, by property', () => {
  it('any message (diff-like lines, headers, markers, multi-byte text) comes back whole and hides no added line, whatever the chunks', () => {
    const piece = fc.oneof(
      fc.constantFrom('\n', 'diff --git a/x b/x\n', '+++ b/x\n', '@@ -0,0 +1 @@\n', `+k=${MARKER}\n`, 'Binary files /dev/null and b/x differ\n', `${'a'.repeat(40)} 1700000000\n`, '\u00e9\u4e2d', MARKER),
      fc.string({ unit: 'binary', maxLength: 30 }).map((t) => t.replaceAll('\0', '')),
    );
    const message = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 97 }), (messages, size) => {
        const sha = (i: number) => i.toString(16).padStart(40, '0');
        const log = Buffer.from(
          messages
            .map((m, i) => `\0${sha(i + 1)} 1700000000 ${sha(i + 100)}\n${m}\0\n\ndiff --git a/f${i} b/f${i}\n--- /dev/null\n+++ b/f${i}\n@@ -0,0 +1 @@\n+k=${MARKER}${i}\n`)
            .join(''),
        );
        const { texts, lines, commits } = readInChunks(log, size);
        expect(commits).toBe(messages.length);
        expect(texts).toEqual(messages.flatMap((m, i) => (mayContainKey(m) ? [`${sha(i + 1)}:${m}`] : [])));
        expect(lines).toEqual(messages.map((_, i) => `${sha(i + 1)}:f${i}:k=${MARKER}${i}`));
      }),
      { numRuns: 300 },
    );
  });
});
