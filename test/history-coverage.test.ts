import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { runAction, runCli, runnerFiles } from './helpers/run.ts';

const legacy = () => makeKey(shapeByName('legacy 51'));

/**
 * An origin whose keys sit where a depth-1 checkout of main cannot see them: in main's past, on
 * another branch, only in a tag, and only in a pull request head. The workspace is that checkout.
 */
function originWithHiddenKeys() {
  const keys = { past: legacy(), branch: legacy(), tag: legacy(), pull: legacy() };
  const src = gitRepo({ 'README.md': '# app\n' });
  write(src, 'old.env', `K=${keys.past}\n`);
  git(src, 'add', '-A');
  git(src, 'commit', '-qm', 'old key');
  git(src, 'rm', '-q', 'old.env');
  git(src, 'commit', '-qm', 'removed');
  git(src, 'checkout', '-q', '-b', 'feature');
  write(src, 'feature.env', `K=${keys.branch}\n`);
  git(src, 'add', '-A');
  git(src, 'commit', '-qm', 'feature');
  git(src, 'checkout', '-q', '--detach', 'main');
  write(src, 'release.env', `K=${keys.tag}\n`);
  git(src, 'add', '-A');
  git(src, 'commit', '-qm', 'release build');
  git(src, 'tag', '-a', 'v1.0', '-m', 'release');
  git(src, 'checkout', '-q', '--detach', 'main');
  write(src, 'pr.env', `K=${keys.pull}\n`);
  git(src, 'add', '-A');
  git(src, 'commit', '-qm', 'unmerged pull request');
  git(src, 'update-ref', 'refs/pull/7/head', 'HEAD');
  git(src, 'checkout', '-q', 'main');
  const dir = tempDir();
  git(dir, 'clone', '-q', '--bare', src, 'origin.git');
  git(`${dir}/origin.git`, 'update-ref', 'refs/pull/7/head', git(src, 'rev-parse', 'refs/pull/7/head').trim());
  git(dir, 'clone', '-q', '--depth=1', '--no-tags', `file://${dir}/origin.git`, 'ws');
  return { ws: `${dir}/ws`, origin: `${dir}/origin.git`, keys };
}

function scheduledRun(ws: string, inputs: Record<string, string> = {}) {
  const r0 = runnerFiles(ws, tempDir());
  r0.event('schedule', { schedule: '0 3 * * *' });
  const r = runAction({ 'fail-on': 'none', ...inputs }, r0.env);
  const json = JSON.parse(readFileSync(`${r0.env.RUNNER_TEMP}/keyguard.json`, 'utf8')) as { findings: { fingerprint: string }[]; coverage: { type: string; refs: string[]; commits: number } };
  return { r, json, summary: r0.summary() };
}

describe('history scans cover the whole history or refuse', () => {
  it('the action on a depth-1 checkout fetches every branch and tag, and says what it covered', () => {
    const { ws, keys } = originWithHiddenKeys();
    const { r, json, summary } = scheduledRun(ws);
    expect(r.code).toBe(0);
    expect(json.findings).toHaveLength(3);
    expect(json.coverage).toMatchObject({ type: 'refs', commits: 5 });
    expect(json.coverage.refs).toEqual(expect.arrayContaining(['refs/remotes/origin/main', 'refs/remotes/origin/feature', 'refs/tags/v1.0']));
    expect(summary).toMatch(/Scanned: full git history: 5 commits from \d+ refs \(.*origin\/feature.*v1\.0/);
    expectNoKey(Object.values(keys), { stdout: r.stdout, summary });
  });

  it('scan-pull-refs also fetches the heads of pull requests', () => {
    const { ws } = originWithHiddenKeys();
    const { json } = scheduledRun(ws, { 'scan-pull-refs': 'true' });
    expect(json.findings).toHaveLength(4);
    expect(json.coverage.refs).toContain('refs/remotes/origin/pull/7');
  });

  it('a shallow clone whose history cannot be fetched stops the action with one message', () => {
    const { ws } = originWithHiddenKeys();
    git(ws, 'remote', 'set-url', 'origin', `${ws}/no-such-origin.git`);
    const r0 = runnerFiles(ws, tempDir());
    r0.event('schedule', { schedule: '0 3 * * *' });
    const r = runAction({}, r0.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::history scan: this clone is shallow .*Set `fetch-depth: 0` on actions\/checkout/);
    expect(r.stdout).not.toContain('full git history');
  });

  it('the CLI refuses a shallow clone, and --fetch completes it', () => {
    const { ws, keys } = originWithHiddenKeys();
    const refused = runCli(['scan', ws, '--history']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('this clone is shallow');
    expect(refused.stderr).toContain('fetch-depth: 0');
    const fetched = runCli(['scan', ws, '--history', '--fetch', '--fail-on', 'none']);
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toMatch(/^history: 5 commits from \d+ refs/m);
    expect(fetched.stdout).toMatch(/^3 findings/m);
    expectNoKey(Object.values(keys), { stdout: fetched.stdout, stderr: fetched.stderr });
  });

  it('a repository with no commits: nothing to scan, exit 0', () => {
    const root = tempDir();
    git(root, 'init', '-q', '-b', 'main');
    write(root, 'untracked.env', `K=${legacy()}\n`);
    const text = runCli(['scan', root, '--history']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('history: nothing to scan: the repository has no commits');
    const json = runCli(['scan', root, '--history', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ coverage: { type: 'empty' }, findings: [] });
  });
});
