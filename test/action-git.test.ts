import { describe, expect, it } from 'vitest';
import { fingerprint } from '../src/detect/index.ts';
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

  it('push to a branch named after a key: the name is a finding, and no output prints it whole', () => {
    const { ws, keys, before, after } = pushedRepo();
    const named = legacy();
    const r0 = runnerFiles(ws, tempDir());
    r0.event('push', { before, after, ref: `refs/heads/wip-${named}`, repository: { default_branch: 'main' } });
    const r = runAction({ 'scan-scope': 'auto' }, r0.env);
    expect(r.code).toBe(1);
    expect(r0.outputs()).toMatchObject({ findings: '2', keys: '2' });
    expect(r0.summary()).toContain(`| \`(ref name: refs/heads/wip-sk-…${named.slice(-4)}):1\` | legacy user key |`);
    expectNoKey([...Object.values(keys), named], { stdout: r.stdout.replace(/^::add-mask::.*$/gm, ''), stderr: r.stderr, summary: r0.summary() });
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

  it('pull_request: the base branch’s allow rules and baseline govern, not those the pull request brings', () => {
    const key = legacy();
    const src = gitRepo({ 'README.md': '# app\n', '.keyguard.yml': 'baseline: .keyguard-baseline.json\n', '.keyguard-baseline.json': JSON.stringify({ version: 1, keys: [] }) });
    const base = git(src, 'rev-parse', 'HEAD').trim();
    const heads: Record<string, string> = {};
    // Three pull requests adding the same key: one allows its path, one baselines it, one does neither.
    const variants: Record<string, Record<string, string>> = {
      allows: { '.keyguard.yml': 'baseline: .keyguard-baseline.json\nallow:\n  paths: ["src/"]\n  fingerprints: [' + fingerprint(key) + ']\nscan:\n  maxFileSize: 1B\n' },
      baselines: { '.keyguard-baseline.json': JSON.stringify({ version: 1, keys: [{ fingerprint: fingerprint(key), kind: 'legacy', redacted: 'sk-…', file: 'src/new.ts', line: 1, commit: null, date: null }] }) },
      plain: {},
    };
    for (const [name, files] of Object.entries(variants)) {
      git(src, 'checkout', '-q', '-b', name, base);
      for (const [rel, text] of Object.entries({ 'src/new.ts': `export const key = "${key}";\n`, ...files })) write(src, rel, text);
      git(src, 'add', '-A');
      git(src, 'commit', '-qm', name);
      heads[name] = git(src, 'rev-parse', 'HEAD').trim();
    }
    for (const [name, head] of Object.entries(heads)) {
      const dir = tempDir();
      git(dir, 'clone', '-q', '--bare', src, 'origin.git');
      // actions/checkout: the pull request's head alone, one commit deep.
      git(dir, 'clone', '-q', '--depth=1', '--branch', name, `file://${dir}/origin.git`, 'ws');
      const r0 = runnerFiles(`${dir}/ws`, tempDir());
      r0.event('pull_request', { pull_request: { base: { sha: base }, head: { sha: head } } });
      const r = runAction({}, r0.env);
      expect(r0.outputs(), name).toMatchObject({ findings: '1' });
      expect(r.code, name).toBe(1);
      const note = r0.summary().includes('the scan used the base branch');
      expect(note, name).toBe(name !== 'plain');
      expectNoKey([key], { stdout: r.stdout, summary: r0.summary() });
    }
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
