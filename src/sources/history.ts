import { ConfigurationError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { mayContainKey } from '../detect/index.ts';
import { git, gitStream, nulSeparated } from './git.ts';

export interface HistoryOptions {
  /** Fetch every branch and tag of `origin` first (the action does; the CLI with --fetch). */
  readonly fetch: boolean;
  /** Also fetch `refs/pull/*\/head`: GitHub keeps unmerged pull request heads fetchable. */
  readonly pullRequests: boolean;
  /** Whether the clone is shallow, as the repository check found it (see gitWorkTree). */
  readonly shallow: boolean;
}

/** What a history scan covers: every ref, and the commits reachable from them. */
export type HistoryCoverage = { readonly type: 'empty' } | { readonly type: 'refs'; readonly refs: readonly string[]; readonly commits: number };

/** The refs of a repository, and the messages of its annotated tags that may hold a key. */
export interface RefListing {
  /** Every ref: branches, tags, remote branches, pull request heads fetched. */
  readonly refs: readonly string[];
  readonly tags: readonly TagMessage[];
  /** Bytes git wrote. */
  readonly bytes: number;
}

/** An annotated tag's message (`%(contents)`), with the commit the tag points at. */
export interface TagMessage {
  /** `%(refname:short)`, as a finding names it: `(tag message: v1)`. */
  readonly name: string;
  readonly peeled: string | null;
  /** Tagger date, unix seconds (0 when it has none). */
  readonly time: number;
  readonly text: string;
}

const SET_FETCH_DEPTH = 'Set `fetch-depth: 0` on actions/checkout (or run `git fetch --unshallow --tags origin`) so the whole history is there.';

async function attempt(root: string, args: string[]): Promise<string | undefined> {
  try {
    await git(root, args);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const hasOrigin = async (root: string) => (await attempt(root, ['remote', 'get-url', 'origin'])) === undefined;

/**
 * Makes the whole history available, or refuses: a shallow clone (actions/checkout's default
 * depth 1) holds one grafted commit whose diff looks like it adds the whole tree, and none of the
 * other branches and tags. The refs are listed by listRefs, while the history is read.
 */
export async function prepareHistory(root: string, options: HistoryOptions, logger: Logger): Promise<void> {
  let shallow = options.shallow;
  if (options.fetch && (await hasOrigin(root))) {
    const refspecs = ['+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*', ...(options.pullRequests ? ['+refs/pull/*/head:refs/remotes/origin/pull/*'] : [])];
    logger.info(`keyguard: fetching every branch and tag${options.pullRequests ? ' and pull request head' : ''} of origin${shallow ? ' (unshallowing the clone)' : ''}`);
    const failed = await attempt(root, ['fetch', '--quiet', '--no-write-fetch-head', ...(shallow ? ['--unshallow'] : []), 'origin', ...refspecs]);
    if (failed && !shallow) logger.warning(`keyguard: could not fetch from origin (${failed}); scanning the refs already here`);
    if (failed && shallow) throw new ConfigurationError(`history scan: this clone is shallow and the rest of the history could not be fetched from origin (${failed}). ${SET_FETCH_DEPTH}`);
    // Fetched with --unshallow: the whole history is here now.
    shallow = false;
  }
  if (shallow) throw new ConfigurationError(`history scan: this clone is shallow, so only part of the history is here. ${SET_FETCH_DEPTH}`);
}

/**
 * Every ref, and the messages of the annotated tags under refs/tags: one git (a ref name holds no
 * space or newline; a message holds no NUL, so NUL-led records split them safely).
 */
export async function listRefs(root: string): Promise<RefListing> {
  const refs: string[] = [];
  const tags: TagMessage[] = [];
  let bytes = 0;
  const format = '%00%(refname)%(if:equals=tag)%(objecttype)%(then) %(refname:short) %(*objectname) %(taggerdate:unix)%0a%(contents)%(end)';
  const counted = async function* () {
    for await (const chunk of gitStream(root, ['for-each-ref', `--format=${format}`])) {
      bytes += chunk.length;
      yield chunk;
    }
  };
  for await (const records of nulSeparated(counted())) {
    for (const rec of records) {
      const nl = rec.indexOf('\n');
      if (nl === -1) continue;
      const [ref, name, peeled, time] = rec.slice(0, nl).split(' ');
      refs.push(ref!);
      if (name !== undefined && ref!.startsWith('refs/tags/') && mayContainKey(rec)) tags.push({ name, peeled: peeled || null, time: Number(time) || 0, text: rec.slice(nl + 1) });
    }
  }
  return { refs, tags, bytes };
}
