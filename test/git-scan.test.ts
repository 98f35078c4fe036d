import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { scanGit, type GitTarget } from '../src/scan/git-scan.ts';
import { DiffStreamScanner } from '../src/sources/diff-stream.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';

const legacy = () => makeKey(shapeByName('legacy 51'));
const project = () => makeKey(shapeByName('project 164'));
const scan = (root: string, target: GitTarget = { type: 'history' }) => scanGit({ root, config: DEFAULT_CONFIG, target }, { logger: silentLogger });

/** Commits with a fixed author date, so first-seen order is under the test's control. */
function commitAt(root: string, message: string, unix: number) {
  const date = `${unix} +0000`;
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
    cwd: root,
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.test', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  return git(root, 'rev-parse', 'HEAD').trim();
}

describe('history', () => {
  it('finds keys deleted later, on other branches, and counts repeats as one finding', async () => {
    const k = { deleted: legacy(), branch: project(), repeated: legacy(), kept: legacy() };
    const root = gitRepo();
    write(root, 'config/app.env', `A=1\nOPENAI_API_KEY=${k.deleted}\n`);
    write(root, 'src/main.py', `print(1)\nprint(2)\nkey = "${k.repeated}"\n`);
    git(root, 'add', '-A');
    const c1 = commitAt(root, 'first', 1_700_000_000);
    write(root, 'config/app.env', 'A=1\n');
    write(root, 'src/copy.py', `key = "${k.repeated}"\n`);
    git(root, 'add', '-A');
    commitAt(root, 'remove the key, copy the other', 1_700_000_100);
    write(root, 'notes.md', `# notes\n\n${k.kept}\n`);
    git(root, 'add', '-A');
    const c3 = commitAt(root, 'kept', 1_700_000_200);
    git(root, 'checkout', '-q', '-b', 'feature');
    write(root, 'feature.ts', `export const k = '${k.branch}';\n`);
    git(root, 'add', '-A');
    const c4 = commitAt(root, 'feature', 1_700_000_300);
    git(root, 'checkout', '-q', 'main');

    const result = await scan(root);
    const byKey = new Map(result.findings.map((f) => [f.secret.reveal(), f]));
    expect(byKey.size).toBe(4);
    expect(byKey.get(k.deleted)).toMatchObject({ file: 'config/app.env', line: 2, column: 16, commit: c1, git: { occurrences: 1, presentAtHead: false, atHead: null, authorDate: '2023-11-14T22:13:20.000Z' } });
    expect(byKey.get(k.repeated)).toMatchObject({ file: 'src/main.py', line: 3, commit: c1, git: { occurrences: 2, presentAtHead: true } });
    expect(byKey.get(k.repeated)?.git?.locations).toHaveLength(2);
    expect(byKey.get(k.kept)).toMatchObject({ file: 'notes.md', line: 3, commit: c3, git: { presentAtHead: true, atHead: { file: 'notes.md', line: 3 } } });
    expect(byKey.get(k.branch)).toMatchObject({ file: 'feature.ts', commit: c4, git: { presentAtHead: false, refsHolding: 1, presentIn: [{ ref: 'refs/heads/feature', file: 'feature.ts', line: 1 }] } });
    expect(byKey.get(k.deleted)?.git).toMatchObject({ refsHolding: 0, presentIn: [] });
    expect(byKey.get(k.kept)?.git?.presentIn?.map((p) => p.ref)).toEqual(['refs/heads/feature', 'refs/heads/main']);
    expect(result.stats.commitsScanned).toBe(4);
  });

  it('copes with merges, renames, binaries, non-UTF-8, odd paths, huge diffs and submodules', async () => {
    const k = { evil: legacy(), merged: legacy(), renamed: legacy(), binary: legacy(), latin1: legacy(), odd: legacy(), huge: project() };
    const root = gitRepo({ 'base.txt': 'base\n' });
    git(root, 'checkout', '-q', '-b', 'side');
    write(root, 'side.txt', `k=${k.merged}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'side');
    git(root, 'checkout', '-q', 'main');
    write(root, 'main.txt', 'main\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'main');
    git(root, 'merge', '-q', '--no-commit', 'side');
    // An "evil merge": the resolution adds a key no parent had.
    write(root, 'base.txt', `base\nk=${k.evil}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'merge');
    write(root, 'old name.txt', `k=${k.renamed}\n`);
    write(root, 'blob.bin', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(k.binary)]));
    write(root, 'latin1.txt', Buffer.concat([Buffer.from('caf\xe9 ', 'latin1'), Buffer.from(`${k.latin1}\n`)]));
    write(root, 'dir/tab\there "quoted" é.txt', `k=${k.odd}\n`);
    write(root, 'big.txt', `${'line of filler text\n'.repeat(250_000)}k=${k.huge}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'many');
    git(root, 'mv', 'old name.txt', 'new name.txt');
    const sub = gitRepo({ 'x.txt': 'sub\n' });
    git(root, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/sub');
    git(root, 'commit', '-qm', 'rename and submodule');

    const result = await scan(root);
    const byKey = new Map(result.findings.map((f) => [f.secret.reveal(), f]));
    expect(byKey.get(k.evil)).toMatchObject({ file: 'base.txt', line: 2, git: { occurrences: 1 } });
    expect(byKey.get(k.merged)).toMatchObject({ file: 'side.txt', git: { occurrences: 1 } });
    // Placed where the scanned tip has it; where it was first added is kept beside.
    expect(byKey.get(k.renamed)).toMatchObject({ file: 'new name.txt', git: { occurrences: 2, atHead: { file: 'new name.txt' }, firstAdded: { file: 'old name.txt', line: 1 } } });
    expect(byKey.get(k.latin1)).toMatchObject({ file: 'latin1.txt', line: 1 });
    expect(byKey.get(k.odd)).toMatchObject({ file: 'dir/tab\there "quoted" é.txt', line: 1 });
    expect(byKey.get(k.huge)).toMatchObject({ file: 'big.txt', line: 250_001 });
    // Git shows the file as "Binary files … differ"; its blob is read by its bytes.
    expect(byKey.get(k.binary)).toMatchObject({ file: 'blob.bin', line: 1, column: 4 });
    expect(byKey.size).toBe(7);
  });
});

describe('range and staged', () => {
  it('--range A..B reports only what those commits add', async () => {
    const [old, added] = [legacy(), legacy()];
    const root = gitRepo({ 'a.txt': `k=${old}\n` });
    const a = git(root, 'rev-parse', 'HEAD').trim();
    write(root, 'b.txt', `x\nk=${added}\n`);
    write(root, 'a.txt', `k=${old}\nmore\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'add');
    const result = await scan(root, { type: 'range', base: a, head: 'HEAD' });
    expect(result.findings.map((f) => [f.secret.reveal(), f.file, f.line])).toEqual([[added, 'b.txt', 2]]);
    expect(result.findings[0]?.git?.presentAtHead).toBe(true);
  });

  it('--staged reports what the next commit would add, with index line numbers', async () => {
    const [committed, staged, unstaged] = [legacy(), legacy(), legacy()];
    const root = gitRepo({ 'a.txt': `k=${committed}\n` });
    write(root, 'a.txt', `k=${committed}\nnew=${staged}\n`);
    git(root, 'add', 'a.txt');
    write(root, 'b.txt', `k=${unstaged}\n`);
    const result = await scan(root, { type: 'staged' });
    expect(result.findings.map((f) => [f.secret.reveal(), f.file, f.line, f.commit])).toEqual([[staged, 'a.txt', 2, null]]);
  });

  it('a scanned sub-directory gives paths relative to it and only its changes', async () => {
    const [inside, outside] = [legacy(), legacy()];
    const root = gitRepo({ 'pkg/x/a.txt': `k=${inside}\n`, 'other/b.txt': `k=${outside}\n` });
    const result = await scan(`${root}/pkg`);
    expect(result.findings.map((f) => [f.secret.reveal(), f.file, f.line, f.git?.presentAtHead])).toEqual([[inside, 'x/a.txt', 1, true]]);
  });
});

describe('diff stream parsing', () => {
  it('gives the same lines whatever the chunk boundaries', () => {
    const keys = [legacy(), project(), legacy()];
    const root = tempDir();
    git(root, 'init', '-q', '-b', 'main');
    write(root, 'a.txt', `${'x\n'.repeat(50)}k=${keys[0]}\n`);
    write(root, 'bin.dat', Buffer.from([0, 1, 2, 3]));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'one');
    write(root, 'b c.txt', `+++ b/fake\n@@ -1 +1 @@\nk=${keys[1]}\n`);
    write(root, 'a.txt', `k=${keys[2]}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'two');
    const out = execFileSync('git', ['log', '--all', '-p', '-U0', '--no-color', '--format=%x00%H %at %P'], { cwd: root });
    const whole = new DiffStreamScanner();
    const expected = [...whole.push(out), ...whole.end()].map((l) => `${l.commit?.sha}:${l.file}:${l.text}`);
    expect(expected).toHaveLength(3);
    for (let size = 1; size < out.length; size += size < 40 ? 1 : 37) {
      const s = new DiffStreamScanner();
      const got = [];
      for (let i = 0; i < out.length; i += size) got.push(...s.push(out.subarray(i, i + size)));
      got.push(...s.end());
      expect(got.map((l) => `${l.commit?.sha}:${l.file}:${l.text}`), `chunks of ${size}`).toEqual(expected);
    }
  });
});

describe('diff stream limits', () => {
  it('skips added lines over the limit and reads binary changes, whatever the chunk boundaries', () => {
    const keys = [legacy(), legacy()];
    const root = tempDir();
    git(root, 'init', '-q', '-b', 'main');
    write(root, 'a.txt', `short\n${'x'.repeat(300)}\nk=${keys[0]}\n`);
    write(root, 'bin.dat', Buffer.from([0, 1, 2, 3]));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'one');
    write(root, 'b.txt', `${'y'.repeat(500)} k=${keys[1]}\nk=${keys[1]}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'two');
    const out = execFileSync('git', ['log', '--all', '-p', '-U0', '--no-color', '--full-index', '--format=%x00%H %at %P'], { cwd: root });
    const run = (size: number) => {
      const s = new DiffStreamScanner(null, 200);
      const lines = [];
      const binaries = [];
      for (let i = 0; i < out.length; i += size) {
        lines.push(...s.push(out.subarray(i, i + size)));
        binaries.push(...s.takeBinaries());
      }
      lines.push(...s.end());
      binaries.push(...s.takeBinaries());
      return { lines: lines.map((l) => `${l.file}:${l.text}`), binaries: binaries.map((b) => b.file), skipped: s.skipped.map((l) => `${l.file}:${l.bytes}`) };
    };
    const whole = run(out.length);
    expect(whole).toEqual({ lines: [`b.txt:k=${keys[1]}`, `a.txt:k=${keys[0]}`], binaries: ['bin.dat'], skipped: ['b.txt:555', 'a.txt:301'] });
    for (let size = 1; size < out.length; size += size < 40 ? 1 : 53) expect(run(size), `chunks of ${size}`).toEqual(whole);
  });
});
