import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { decodeFileName, fileNameBytes } from '../text/file-name.ts';
import { gitStream, nulSeparated } from './git.ts';

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

interface Rules {
  readonly base: string;
  readonly ig: Ignore;
}

type Entry = Pick<Dirent, 'isDirectory' | 'isFile' | 'isSymbolicLink'> & { readonly name: string };

/**
 * A directory's entries. Node decodes names as UTF-8, a byte that is not becoming U+FFFD: such a
 * directory is read again as bytes, and its names kept exact (decodeFileName), so they can be opened.
 */
function readDir(dir: string): readonly Entry[] {
  const entries = readdirSync(fileNameBytes(dir), { withFileTypes: true });
  if (!entries.some((e) => e.name.includes('\uFFFD'))) return entries;
  return readdirSync(fileNameBytes(dir), { withFileTypes: true, encoding: 'buffer' }).map((e) => ({
    name: decodeFileName(e.name),
    isDirectory: () => e.isDirectory(),
    isFile: () => e.isFile(),
    isSymbolicLink: () => e.isSymbolicLink(),
  }));
}

function* walk(root: string): Generator<string[]> {
  const stack: { rel: string; rules: readonly Rules[] }[] = [{ rel: '', rules: [] }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { rel } = top;
    const entries = readDir(rel ? `${root}${path.sep}${rel}` : root);
    let rules = top.rules;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      rules = [...rules, { base: rel, ig: ignore().add(readFileSync(fileNameBytes(path.join(root, rel, '.gitignore')), 'utf8')) }];
    }
    const ignored = (p: string, isDir: boolean) =>
      rules.some(({ base, ig }) => {
        const sub = base ? p.slice(base.length + 1) : p;
        return ig.ignores(isDir ? `${sub}/` : sub);
      });
    const files: string[] = [];
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      const isDir = e.isDirectory();
      if (e.name === '.git' || (rules.length > 0 && ignored(p, isDir))) continue;
      if (isDir) stack.push({ rel: p, rules });
      else if (e.isFile() || e.isSymbolicLink()) files.push(p); // symlinks, to be reported as skipped
    }
    if (files.length > 0) yield files;
  }
}
