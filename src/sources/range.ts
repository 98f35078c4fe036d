import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { git } from './git.ts';

/** Depths tried, in turn, when a shallow clone lacks the commits a range needs. */
const DEEPEN_STEPS = [50, 250, 1000, 5000];

const SET_FETCH_DEPTH = 'Set `fetch-depth: 0` on actions/checkout so the history is there.';

async function ok(root: string, args: string[]): Promise<boolean> {
  try {
    await git(root, args);
    return true;
  } catch {
    return false;
  }
}

const haveCommit = (root: string, rev: string) => ok(root, ['cat-file', '-e', `${rev}^{commit}`]);
const isShallow = async (root: string) => (await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';

async function shallowCommits(root: string): Promise<Set<string>> {
  const file = (await git(root, ['rev-parse', '--git-path', 'shallow'])).trim();
  try {
    return new Set((await readFile(file.startsWith('/') ? file : `${root}/${file}`, 'utf8')).split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

/**
 * Whether `base..head` can be read as it really is: both commits present, and no commit of the
 * range cut off by a shallow clone. A cut commit would diff as if it added its whole tree, so
 * every old key would look new.
 */
async function complete(root: string, base: string | undefined, head: string, shallowClone: boolean): Promise<boolean> {
  if (!(await haveCommit(root, head))) return false;
  if (base !== undefined && !(await haveCommit(root, base))) return false;
  if (!shallowClone) return true;
  const shallow = await shallowCommits(root);
  if (shallow.size === 0) return true;
  const commits = (await git(root, ['rev-list', base ? `${base}..${head}` : head])).split('\n').filter(Boolean);
  // A base in another line of history still needs a merge base reachable from head.
  if (base !== undefined && !(await ok(root, ['merge-base', base, head]))) return false;
  return !commits.some((c) => shallow.has(c));
}

/**
 * Makes sure a range's commits are in the clone, fetching and deepening a shallow clone from
 * `origin` as far as needed. Fails with one clear message when that is not enough. `shallow`: what
 * the repository check already found (gitWorkTree), so a full clone costs no further git to ask.
 */
export async function prepareRange(root: string, base: string | undefined, head: string, logger: Logger, shallow?: boolean): Promise<void> {
  const shallowClone = shallow ?? (await isShallow(root));
  if (await complete(root, base, head, shallowClone)) return;
  if (!shallowClone) {
    const missing = !(await haveCommit(root, head)) ? head : base;
    throw new ConfigurationError(`commit ${missing} is not in this repository. Fetch it first (git fetch origin ${missing}).`);
  }
  const revs = [head, ...(base ? [base] : [])];
  for (const depth of DEEPEN_STEPS) {
    logger.info(`keyguard: shallow clone; fetching ${depth} commits of history for ${base ? `${base}..` : ''}${head}`);
    // Fetching by commit id works on GitHub for any commit reachable from the repository's refs.
    if (!(await ok(root, ['fetch', '--no-tags', '--quiet', `--depth=${depth}`, 'origin', ...revs]))) {
      await ok(root, ['fetch', '--no-tags', '--quiet', `--deepen=${depth}`, 'origin']);
    }
    const still = await isShallow(root);
    if (await complete(root, base, head, still)) return;
    if (!still) break;
  }
  if (await complete(root, base, head, await isShallow(root))) return;
  throw new ConfigurationError(`the history of ${base ? `${base}..` : ''}${head} is not in this shallow clone and could not be fetched. ${SET_FETCH_DEPTH}`);
}

/** Fetches a branch of origin as refs/remotes/origin/NAME when missing; returns that ref, or undefined. */
export async function remoteBranch(root: string, branch: string): Promise<string | undefined> {
  const ref = `refs/remotes/origin/${branch}`;
  if (await haveCommit(root, ref)) return ref;
  if (await ok(root, ['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', `+refs/heads/${branch}:${ref}`])) return ref;
  return undefined;
}

export { haveCommit };
