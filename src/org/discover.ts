import type { GitHubClient } from '../github/octokit.ts';

/** GitHub Actions runs at most 256 jobs from one matrix. */
export const MAX_MATRIX_JOBS = 256;

export interface DiscoverOptions {
  readonly org: string;
  readonly includeArchived: boolean;
  readonly includeForks: boolean;
}

/** Where the list came from: what an App installation can reach, or every repository of the org. */
export type RepositorySource = 'installation' | 'organization';

export interface Discovery {
  readonly repositories: readonly string[];
  readonly source: RepositorySource;
  readonly skipped: { readonly archived: number; readonly forks: number };
  /** Jobs of the one scan matrix: each scans `batchOf(repositories, i, batches)`. */
  readonly batches: number;
}

interface RepoFields {
  readonly full_name: string;
  readonly archived?: boolean;
  readonly fork: boolean;
  readonly owner: { readonly login: string };
}

/**
 * A GitHub App installation token (`ghs_`, GitHub's documented prefix; GITHUB_TOKEN is one too)
 * reaches only the repositories the installation was granted: listing the whole organization
 * would hand the scan jobs repositories they cannot clone.
 */
export const isInstallationToken = (token: string): boolean => token.startsWith('ghs_');

/** Lists the repositories to scan (every page) and how many scan jobs share them. */
export async function discover(octokit: GitHubClient, token: string, options: DiscoverOptions): Promise<Discovery> {
  const source: RepositorySource = isInstallationToken(token) ? 'installation' : 'organization';
  const repos: readonly RepoFields[] =
    source === 'installation'
      ? (await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 })).filter((r) => r.owner.login.toLowerCase() === options.org.toLowerCase())
      : await octokit.paginate(octokit.rest.repos.listForOrg, { org: options.org, type: 'all', per_page: 100 });
  let archived = 0;
  let forks = 0;
  const kept: string[] = [];
  for (const r of repos) {
    if (r.archived && !options.includeArchived) archived++;
    else if (r.fork && !options.includeForks) forks++;
    else kept.push(r.full_name);
  }
  kept.sort((a, b) => a.localeCompare(b));
  return { repositories: kept, source, skipped: { archived, forks }, batches: Math.min(MAX_MATRIX_JOBS, kept.length) };
}

/**
 * Batch `index` of `batches` (0-based): contiguous, sizes differ by at most one, none empty while
 * there are at least as many repositories as batches. Every repository is in exactly one batch.
 */
export function batchOf<T>(list: readonly T[], index: number, batches: number): T[] {
  return list.slice(Math.floor((index * list.length) / batches), Math.floor(((index + 1) * list.length) / batches));
}
