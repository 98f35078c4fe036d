import type { GitHubClient } from '../github/octokit.ts';

/** GitHub Actions runs at most 256 jobs from one matrix. */
export const MAX_MATRIX_JOBS = 256;

export interface DiscoverOptions {
  readonly org: string;
  readonly includeArchived: boolean;
  readonly includeForks: boolean;
}

export interface Discovery {
  readonly repositories: readonly string[];
  readonly skipped: { readonly archived: number; readonly forks: number };
  /** One matrix per chunk of at most 256 repositories: `{"include":[{"repository":"org/name"}]}`. */
  readonly matrices: readonly { readonly include: readonly { readonly repository: string }[] }[];
}

/** Lists an organization's repositories (every page) and splits them into job matrices. */
export async function discover(octokit: GitHubClient, options: DiscoverOptions): Promise<Discovery> {
  const repos = await octokit.paginate(octokit.rest.repos.listForOrg, { org: options.org, type: 'all', per_page: 100 });
  let archived = 0;
  let forks = 0;
  const kept: string[] = [];
  for (const r of repos) {
    if (r.archived && !options.includeArchived) archived++;
    else if (r.fork && !options.includeForks) forks++;
    else kept.push(r.full_name);
  }
  kept.sort((a, b) => a.localeCompare(b));
  const matrices = [];
  for (let i = 0; i < kept.length; i += MAX_MATRIX_JOBS) matrices.push({ include: kept.slice(i, i + MAX_MATRIX_JOBS).map((repository) => ({ repository })) });
  return { repositories: kept, skipped: { archived, forks }, matrices };
}
