import { describe, expect, it } from 'vitest';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { runAction, runnerFiles } from './helpers/run.ts';

const legacy = () => makeKey(shapeByName('legacy 51'));

/** An origin repository, and a depth-1 clone of it as actions/checkout leaves the workspace. */
function pushedRepo() {
  const keys = { old: legacy(), removed: legacy(), pushed: legacy() };
  const src = gitRepo({ 'README.md': '# app\n' });
  write(src, 'old.env', `K=${keys.old}\n`);
  git(src, 'add', '-A');
  git(src, 'commit', '-qm', 'old key, long ago');
  write(src, 'tmp.env', `K=${keys.removed}\n`);
  git(src, 'add', '-A');
  git(src, 'commit', '-qm', 'added');
  git(src, 'rm', '-q', 'tmp.env');
  git(src, 'commit', '-qm', 'removed');
  const before = git(src, 'rev-parse', 'HEAD').trim();
  write(src, 'src/new.ts', `\nexport const key = "${keys.pushed}";\n`);
  git(src, 'add', '-A');
  git(src, 'commit', '-qm', 'pushed');
  const after = git(src, 'rev-parse', 'HEAD').trim();
  const dir = tempDir();
  git(dir, 'clone', '-q', '--bare', src, 'origin.git');
  git(dir, 'clone', '-q', '--depth=1', `file://${dir}/origin.git`, 'ws');
  return { ws: `${dir}/ws`, keys, before, after };
}

describe('the bundled action on events', () => {
  it('push: scans the pushed commits only, deepening the shallow checkout', () => {
    const { ws, keys, before, after } = pushedRepo();
    const r0 = runnerFiles(ws, tempDir());
    r0.event('push', { before, after, ref: 'refs/heads/main', repository: { default_branch: 'main' } });
    const r = runAction({ 'scan-scope': 'auto' }, r0.env);
    expect(r.code).toBe(1);
    expect(r0.outputs()).toMatchObject({ findings: '1', keys: '1' });
    expect(r.stdout).toContain(`keyguard: scanned the commits ${before.slice(0, 12)}..${after.slice(0, 12)}`);
    expect(r.stdout).toMatch(/::error title=Leaked OpenAI key,file=src\/new\.ts,line=2,col=21,/);
    expect(r0.summary()).toContain(`| \`src/new.ts:2\` | legacy user key |`);
    expectNoKey(Object.values(keys), { stdout: r.stdout, stderr: r.stderr, summary: r0.summary() });
  });

  it('schedule: scans the whole history and finds the key deleted since', () => {
    const { ws, keys } = pushedRepo();
    git(ws, 'fetch', '-q', '--unshallow');
    const r0 = runnerFiles(ws, tempDir());
    r0.event('schedule', { schedule: '0 3 * * *' });
    const r = runAction({}, r0.env);
    expect(r.code).toBe(1);
    expect(r0.outputs()).toMatchObject({ findings: '3', keys: '3' });
    const summary = r0.summary();
    expect(summary).toMatch(/Scanned: full git history: 5 commits from 3 refs \(main, origin\/HEAD, origin\/main\)\./);
    expect(summary).toContain('| `tmp.env:1` (removed since) | legacy user key | `sk-…');
    expect(summary.split('<summary>Fingerprints and history</summary>')[1]).toMatch(/\| `tmp\.env:1` \| `[0-9a-f]{12}` \| `[0-9a-f]{12}` \d{4}-\d\d-\d\d \| 1× \| no \|/);
    expectNoKey(Object.values(keys), { stdout: r.stdout, summary });
  });

  it('pull_request: scans from the merge base to the head', () => {
    const { ws, keys, before, after } = pushedRepo();
    const r0 = runnerFiles(ws, tempDir());
    r0.event('pull_request', { pull_request: { base: { sha: before }, head: { sha: after } } });
    const r = runAction({ baseline: '' }, r0.env);
    expect(r0.outputs()).toMatchObject({ findings: '1' });
    expectNoKey(Object.values(keys), { stdout: r.stdout });
  });

  it('a deleted branch has nothing to scan and passes', () => {
    const { ws, before } = pushedRepo();
    const r0 = runnerFiles(ws, tempDir());
    r0.event('push', { before, after: '0'.repeat(40), deleted: true });
    const r = runAction({}, r0.env);
    expect(r.code).toBe(0);
    expect(r0.summary()).toContain('Nothing to scan: the push deleted a branch or tag.');
  });
});
