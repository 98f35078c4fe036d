import type { Logger } from '../logger.ts';
import type { ScanScope } from '../scan/index.ts';
import { git } from '../sources/git.ts';
import { haveCommit, remoteBranch } from '../sources/range.ts';
import { rangeFromEvent } from './event.ts';

export type ScopeChoice = { readonly scope: ScanScope; readonly note?: string } | { readonly scope: undefined; readonly note: string };

const RANGE_EVENTS = new Set(['push', 'pull_request', 'pull_request_target', 'merge_group']);
const HISTORY_EVENTS = new Set(['schedule', 'workflow_dispatch']);

/**
 * The scope of `scan-scope: auto|range`: the event's commits on push and pull requests, the whole
 * history on schedule and manual runs, else the working tree.
 */
export async function scopeForEvent(requested: 'auto' | 'range', eventName: string, payload: object, root: string, logger: Logger): Promise<ScopeChoice> {
  if (requested === 'auto' && HISTORY_EVENTS.has(eventName)) return { scope: { type: 'history' } };
  if (requested === 'auto' && !RANGE_EVENTS.has(eventName)) return { scope: { type: 'worktree' } };
  const range = rangeFromEvent(eventName, payload);
  switch (range.type) {
    case 'none':
      return requested === 'auto' ? { scope: undefined, note: `Nothing to scan: ${range.reason}.` } : { scope: undefined, note: `scan-scope range: ${range.reason}.` };
    case 'range': {
      // After a force push the old tip may be gone: then scan like a new branch.
      const ref = range.ref ? { ref: range.ref } : {};
      if (!range.forced || (await haveCommit(root, range.base)) || (await fetchCommit(root, range.base))) return { scope: { type: 'range', base: range.base, head: range.head, ...ref } };
      logger.warning(`keyguard: the commit before the force push (${range.base}) is gone; scanning what the branch adds to the default branch`);
      return newBranch(root, range.head, (payload as { repository?: { default_branch?: string } }).repository?.default_branch, false, logger, range.ref);
    }
    case 'new-branch':
      return newBranch(root, range.head, range.defaultBranch, range.isDefault, logger, range.ref);
  }
}

/** Fetches one commit into a shallow clone; false when origin does not give it. */
export async function fetchCommit(root: string, sha: string): Promise<boolean> {
  try {
    await git(root, ['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', sha]);
    return true;
  } catch {
    return false;
  }
}

/** A new branch brings what is not on the default branch; the default branch's first push brings all. */
async function newBranch(root: string, head: string, defaultBranch: string | undefined, isDefault: boolean, logger: Logger, pushedTo?: string): Promise<ScopeChoice> {
  const ref = pushedTo ? { ref: pushedTo } : {};
  if (!isDefault && defaultBranch) {
    const remote = await remoteBranch(root, defaultBranch);
    if (remote) {
      const base = (await git(root, ['rev-parse', `${remote}^{commit}`])).trim();
      return { scope: { type: 'range', base, head, ...ref }, note: `New branch: scanning the commits not on ${defaultBranch}.` };
    }
    logger.warning(`keyguard: cannot fetch the default branch ${defaultBranch}; scanning the whole history of ${head}`);
  }
  return { scope: { type: 'range', base: undefined, head, ...ref }, note: `Scanning the whole history of ${head.slice(0, 12)}.` };
}
