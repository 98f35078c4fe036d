import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh temp directory, removed after the test file. */
export function tempDir(prefix = 'keyguard-'): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export function write(root: string, rel: string, content: string | Buffer): string {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.test', GIT_CONFIG_NOSYSTEM: '1', HOME: cwd },
  });
}

/** A real git repository with the given files committed. */
export function gitRepo(files: Record<string, string | Buffer> = {}): string {
  const root = tempDir('keyguard-repo-');
  git(root, 'init', '-q', '-b', 'main');
  for (const [rel, content] of Object.entries(files)) write(root, rel, content);
  if (Object.keys(files).length > 0) {
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'initial');
  }
  return root;
}

/** Commits one file on the current branch: the commit before it and the new one. */
export function commitFile(root: string, rel: string, content: string, message = 'change'): { before: string; after: string } {
  const before = git(root, 'rev-parse', 'HEAD').trim();
  write(root, rel, content);
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', message);
  return { before, after: git(root, 'rev-parse', 'HEAD').trim() };
}
