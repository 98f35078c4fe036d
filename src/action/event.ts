/**
 * Which commits an event brings, read from its payload (pure: the payload in, a range out).
 * GitHub's webhook fields: push `before`/`after`/`created`/`deleted`/`forced`, pull_request
 * `pull_request.base.sha`/`head.sha`, merge_group `merge_group.base_sha`/`head_sha`.
 */
export type EventRange =
  | { readonly type: 'range'; readonly base: string; readonly head: string; readonly forced: boolean; readonly ref?: string }
  /** A new branch: everything not already on the default branch. */
  | { readonly type: 'new-branch'; readonly head: string; readonly defaultBranch: string | undefined; readonly isDefault: boolean; readonly ref?: string }
  | { readonly type: 'none'; readonly reason: string };

const ZERO = /^0+$/;

interface Payload {
  before?: string;
  after?: string;
  ref?: string;
  deleted?: boolean;
  forced?: boolean;
  repository?: { default_branch?: string };
  pull_request?: { base?: { sha?: string }; head?: { sha?: string; ref?: string } };
  merge_group?: { base_sha?: string; head_sha?: string };
}

export function rangeFromEvent(eventName: string, payload: Payload): EventRange {
  switch (eventName) {
    case 'push': {
      const { before, after } = payload;
      if (!after || ZERO.test(after) || payload.deleted) return { type: 'none', reason: 'the push deleted a branch or tag' };
      const defaultBranch = payload.repository?.default_branch;
      // The pushed ref's name is public too: it is read for keys (see GitTarget).
      const ref = payload.ref ? { ref: payload.ref } : {};
      if (!before || ZERO.test(before)) return { type: 'new-branch', head: after, defaultBranch, isDefault: payload.ref === `refs/heads/${defaultBranch}`, ...ref };
      return { type: 'range', base: before, head: after, forced: payload.forced === true, ...ref };
    }
    case 'pull_request':
    case 'pull_request_target': {
      const base = payload.pull_request?.base?.sha;
      const head = payload.pull_request?.head?.sha;
      if (!base || !head) return { type: 'none', reason: 'the pull_request payload has no base or head commit' };
      const branch = payload.pull_request?.head?.ref;
      return { type: 'range', base, head, forced: false, ...(branch ? { ref: `refs/heads/${branch}` } : {}) };
    }
    case 'merge_group': {
      const base = payload.merge_group?.base_sha;
      const head = payload.merge_group?.head_sha;
      if (!base || !head) return { type: 'none', reason: 'the merge_group payload has no base or head commit' };
      return { type: 'range', base, head, forced: false };
    }
    default:
      return { type: 'none', reason: `a ${eventName} event brings no commit range` };
  }
}
