import { upsertPullRequestComment } from '../github/issue-tracker.ts';
import { createOctokit } from '../github/octokit.ts';
import type { Logger } from '../logger.ts';
import type { ScanResult } from '../scan/finding.ts';
import { renderPullRequestComment } from './pr-comment.ts';

export interface PullRequestTarget {
  /** owner/name */
  readonly repository: string;
  readonly pullNumber: number;
  readonly token: string;
  readonly apiUrl: string | undefined;
  readonly writeIntervalMs: number | undefined;
}

/**
 * The pull request's one keyguard comment: created when keys are found, updated in place after;
 * quiet on a clean pull request, where only keyguard's earlier warning is updated to say it is resolved.
 */
export async function writePullRequestComment(result: ScanResult, pathPrefix: string, target: PullRequestTarget, logger: Logger): Promise<'created' | 'updated' | 'none'> {
  const [owner, repo] = target.repository.split('/') as [string, string];
  const octokit = createOctokit({ token: target.token, baseUrl: target.apiUrl, logger, writeIntervalMs: target.writeIntervalMs });
  return upsertPullRequestComment(octokit, { owner, repo }, target.pullNumber, renderPullRequestComment(result, target.pullNumber, pathPrefix), result.findings.length === 0);
}
