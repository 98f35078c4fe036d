import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { decodeFileName, fileNameBytes } from '../text/file-name.ts';

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

/**
 * Every file below `root` (paths relative to it), honouring the .gitignore files on the way down,
 * in batches of a directory's files. Symlinks are listed (to be skipped), never followed.
 */
export function* walk(root: string): Generator<string[]> {
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
