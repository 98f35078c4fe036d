/** The parts of a pull_request / pull_request_target payload that decide trust. */
export interface PullRequestPayload {
  number?: number;
  user?: { login?: string } | null;
  head?: { sha?: string; repo?: { full_name?: string; fork?: boolean } | null };
  base?: { sha?: string; repo?: { full_name?: string } };
}

const DEPENDABOT = 'dependabot[bot]';

/**
 * Why a pull request run must not use secrets or write to GitHub (pure: the event in, a reason
 * out). The pull request's head is the author's code whatever is checked out, so trust is decided
 * from the payload alone:
 *  - a head in another repository (a fork), or in none (`head.repo` null: the fork was deleted);
 *  - a pull request Dependabot opened, recognised by its author: whoever re-runs the job;
 * both on `pull_request` and `pull_request_target`. A same-repository pull request is trusted,
 * even when that repository is itself a fork of another (`head.repo.fork` says nothing then).
 */
export function untrustedPullRequest(eventName: string, pr: PullRequestPayload | undefined): string | undefined {
  if (!pr || (eventName !== 'pull_request' && eventName !== 'pull_request_target')) return undefined;
  const head = pr.head?.repo?.full_name;
  if (!head || head !== pr.base?.repo?.full_name) return 'this pull request comes from a fork (or a fork since deleted): its code is untrusted, so no secret is used and nothing is written';
  if (pr.user?.login === DEPENDABOT) return 'Dependabot pull requests run without the repository secrets';
  return undefined;
}
