import { opendir, readFile } from 'node:fs/promises';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { gitStream, gitTopLevel, nulSeparated } from './git.js';

export type SkipReason = 'too-large' | 'binary' | 'symlink' | 'not-a-file' | 'unreadable';

/** What reading one listed path gave: its bytes, or why it was not scanned. */
export type FileRead =
  | { readonly kind: 'file'; readonly path: string; readonly data: Buffer }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: SkipReason; readonly detail?: string }
  | { readonly kind: 'gone'; readonly path: string };

/**
 * The files of a working tree, relative to `root` with `/` separators. In a git repository:
 * tracked files plus untracked ones git does not ignore (what a commit could pick up). Elsewhere:
 * every file below root, honouring .gitignore files on the way down.
 */
export async function* listWorktree(root: string): AsyncGenerator<string> {
  if (await gitTopLevel(root)) {
    // Run from root, ls-files prints paths relative to it and only below it.
    yield* nulSeparated(gitStream(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate']));
    return;
  }
  yield* walk(root, '', []);
}

async function* walk(root: string, rel: string, rules: { base: string; ig: Ignore }[]): AsyncGenerator<string> {
  const dir = path.join(root, rel);
  const here = [...rules];
  try {
    const text = await readFile(path.join(dir, '.gitignore'), 'utf8');
    here.push({ base: rel, ig: ignore().add(text) });
  } catch {
    // no .gitignore here
  }
  const ignored = (p: string, isDir: boolean) =>
    here.some(({ base, ig }) => {
      const sub = base ? p.slice(base.length + 1) : p;
      return ig.ignores(isDir ? `${sub}/` : sub);
    });
  const entries = [];
  for await (const e of await opendir(dir)) entries.push(e);
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.name === '.git' || ignored(p, e.isDirectory())) continue;
    if (e.isDirectory()) yield* walk(root, p, here);
    else yield p;
  }
}

const BINARY_SNIFF = 8192;

/**
 * Reads one listed file. Symlinks are never followed (a link could lead out of the root, and a
 * link inside it points at a file scanned on its own). Binary means a NUL in the first 8 KiB.
 */
export async function readListed(root: string, rel: string, maxFileSize: number): Promise<FileRead> {
  const abs = path.join(root, rel);
  let st;
  try {
    st = await lstat(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Listed by git but deleted in the work tree: nothing to scan.
    if (code === 'ENOENT') return { kind: 'gone', path: rel };
    return { kind: 'skipped', path: rel, reason: 'unreadable', detail: code ?? String(e) };
  }
  if (st.isSymbolicLink()) return { kind: 'skipped', path: rel, reason: 'symlink' };
  if (!st.isFile()) return { kind: 'skipped', path: rel, reason: 'not-a-file' };
  if (st.size > maxFileSize) return { kind: 'skipped', path: rel, reason: 'too-large', detail: `${st.size} bytes` };
  let data: Buffer;
  try {
    data = await readFile(abs);
  } catch (e) {
    return { kind: 'skipped', path: rel, reason: 'unreadable', detail: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  if (data.subarray(0, BINARY_SNIFF).includes(0)) return { kind: 'skipped', path: rel, reason: 'binary' };
  return { kind: 'file', path: rel, data };
}
