import { ConfigurationError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { git } from './git.ts';

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

/** What prepareHistory found: the refs (their commits are counted as the scan reads them). */
export type PreparedHistory = { readonly type: 'empty' } | { readonly type: 'refs'; readonly refs: readonly string[] };

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
 * other branches and tags. Returns the refs a history scan will cover.
 */
export async function prepareHistory(root: string, options: HistoryOptions, logger: Logger): Promise<PreparedHistory> {
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
  const refs = (await git(root, ['for-each-ref', '--format=%(refname)'])).split('\n').filter(Boolean);
  return refs.length === 0 ? { type: 'empty' } : { type: 'refs', refs };
}
