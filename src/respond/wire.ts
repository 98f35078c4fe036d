import { createOctokit } from '../github/octokit.ts';
import { GitHubIssueTracker } from '../github/issue-tracker.ts';
import type { Logger } from '../logger.ts';
import { OpenAIAdmin } from '../openai/admin-client.ts';
import { adminKeyIdsListedBy, checkLiveness } from '../openai/liveness.ts';
import { proveRecord } from '../openai/proof.ts';
import { OpenAIRevoker } from '../openai/revoke.ts';
import type { ScanResult } from '../scan/finding.ts';
import type { RespondOptions } from '../settings.ts';
import type { RepoContext } from './leak-issue.ts';
import { respond, type RespondDeps, type RespondSummary } from './respond.ts';

/** The organization through the admin key; proofs are made with the found key itself, at the same base URL. */
export function organizationDeps(admin: OpenAIAdmin, baseURL: string | undefined): NonNullable<RespondDeps['openai']> {
  return {
    inventory: () => admin.inventory(),
    prove: (s, k, candidates) => proveRecord(candidates, { inProject: (project) => checkLiveness(s, k, { baseURL, project }), adminKeyIds: () => adminKeyIdsListedBy(s, { baseURL }) }),
    revoker: (inv) => new OpenAIRevoker(admin, inv),
  };
}

/** Builds leak response's adapters from validated options (the same for the action and the CLI). */
export async function runLeakResponse(
  result: ScanResult,
  options: RespondOptions,
  ctx: { logger: Logger; repo: RepoContext; githubApiUrl?: string; writeIntervalMs?: number },
): Promise<{ result: ScanResult; summary: RespondSummary } | undefined> {
  const { logger } = ctx;
  const enabled = options.verify || options.adminKey || options.issues;
  if (!enabled || result.findings.length === 0) return undefined;
  if (options.adminKey) logger.mask(options.adminKey);
  if (options.issues) logger.mask(options.issues.token);
  const baseURL = options.openaiBaseUrl;
  const admin = options.adminKey ? new OpenAIAdmin({ adminKey: options.adminKey, baseURL, logger }) : undefined;
  const [owner, repo] = options.issues ? options.issues.repository.split('/') : [];
  const deps: RespondDeps = {
    logger,
    ...(options.verify ? { liveness: (s, k) => checkLiveness(s, k, { baseURL }) } : {}),
    ...(admin ? { openai: organizationDeps(admin, baseURL) } : {}),
    ...(options.issues
      ? {
          tracker: new GitHubIssueTracker(
            createOctokit({ token: options.issues.token, baseUrl: ctx.githubApiUrl, logger, writeIntervalMs: ctx.writeIntervalMs }),
            { owner: owner!, repo: repo! },
            options.issues.labels[0]!,
          ),
        }
      : {}),
  };
  return respond(
    result,
    {
      verify: options.verify,
      revoke: options.revoke,
      dryRun: options.dryRun,
      issues: options.issues ? { labels: options.issues.labels, assignees: options.issues.assignees, mention: options.issues.mention, maxNew: options.issues.maxNew } : null,
      repo: ctx.repo,
    },
    deps,
  );
}
