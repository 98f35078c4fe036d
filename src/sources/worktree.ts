import { existsSync } from 'node:fs';
import path from 'node:path';
import { gitStream, nulSeparated } from './git.ts';
import { walk } from './walk.ts';

/**
 * The files of a working tree, relative to `root` with `/` separators, in batches (one async step
 * a batch, not a path: on 20,000 files the per-item cost showed in profiles). In a git repository:
 * tracked files plus untracked ones git does not ignore (what a commit could pick up). Elsewhere:
 * every file below root, honouring .gitignore files on the way down.
 */
export async function* listWorktree(root: string): AsyncGenerator<string[]> {
  if (mayBeInGitRepository(root)) {
    // Run from root, ls-files prints paths relative to it and only below it. It is also the
    // question "is this a work tree": git refusing before it lists anything (no repository, a .git
    // or bare directory, no git at all) means a walk, with no second git asked first.
    let listed = false;
    try {
      for await (const batch of nulSeparated(gitStream(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate']))) {
        listed = true;
        yield batch;
      }
      return;
    } catch (e) {
      if (listed) throw e;
    }
  }
  yield* walk(root);
}

/**
 * False when git could not find a repository for `dir`: no `.git` in it or above it, and no
 * GIT_DIR. Asking git itself costs a process start (about a tenth of a small tree's scan).
 */
function mayBeInGitRepository(dir: string): boolean {
  if (process.env.GIT_DIR) return true;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return true;
    if (path.dirname(d) === d) return false;
  }
}
