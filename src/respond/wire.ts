import { createOctokit } from '../github/octokit.ts';
import { GitHubIssueTracker } from '../github/issue-tracker.ts';
import type { Logger } from '../logger.ts';
import { OpenAIAdmin } from '../openai/admin-client.ts';
import { adminKeyIdsListedBy, checkLiveness } from '../openai/liveness.ts';
import { proveRecord } from '../openai/proof.ts';
import { readInventoryFile } from '../openai/inventory-file.ts';
import { measureExposure } from '../exposure/exposure.ts';
import { OpenAIRevoker } from '../openai/revoke.ts';
import type { Inventory } from '../openai/types.ts';
import type { ScanResult } from '../scan/finding.ts';
import type { RespondOptions } from '../settings.ts';
import type { RepoContext } from './leak-issue.ts';
import { resolveRevokedAlerts } from './alerts.ts';
import { respond, type RespondDeps, type RespondSummary } from './respond.ts';

/**
 * Matching, proof and revocation over an inventory source: the organization read now (with the
 * admin key, which revocation needs) or the run's saved inventory (matching and proof only: proof
 * asks the found key itself, and a run over a saved inventory never revokes).
 */
export function organizationDeps(admin: OpenAIAdmin | undefined, baseURL: string | undefined, inventory: () => Promise<Inventory>): NonNullable<RespondDeps['openai']> {
  return {
    inventory,
    prove: (s, k, candidates) => proveRecord(candidates, { inProject: (project) => checkLiveness(s, k, { baseURL, project }), adminKeyIds: () => adminKeyIdsListedBy(s, { baseURL }) }),
    revoker: (inv) => {
      if (!admin) throw new Error('bug: revocation over a saved inventory');
      return new OpenAIRevoker(admin, inv);
    },
  };
}

/**
 * Builds leak response's adapters from validated options (the same for the action and the CLI).
 * The scan's notes (what a source could not read) lead the summary's.
 */
export async function runLeakResponse(
  result: ScanResult,
  options: RespondOptions,
  ctx: {
    logger: Logger;
    repo: RepoContext;
    githubApiUrl?: string;
    writeIntervalMs?: number;
    /** With the admin key, reads the use since exposure instead of this run (a batch reads once for all its repositories). */
    exposure?: RespondDeps['exposure'];
  },
): Promise<{ result: ScanResult; summary: RespondSummary } | undefined> {
  const { logger } = ctx;
  const enabled = options.verify || options.adminKey || options.inventoryFile || options.issues || options.alerts;
  if (!enabled) return undefined;
  if (options.adminKey) logger.mask(options.adminKey);
  if (options.issues) logger.mask(options.issues.token);
  const scanNotes = result.notes ?? [];
  // A run that read GitHub's alerts says so (or why it could not), even with nothing to respond to.
  if (result.findings.length === 0) return options.alerts ? { result, summary: { keys: 0, live: 0, revoked: 0, issuesOpened: 0, issuesDeferred: 0, notes: scanNotes } } : undefined;
  const baseURL = options.openaiBaseUrl;
  const admin = options.adminKey ? new OpenAIAdmin({ adminKey: options.adminKey, baseURL, logger }) : undefined;
  const [owner, repo] = options.issues ? options.issues.repository.split('/') : [];
  // A revoking run acts on the organization as it is now, never on a snapshot taken hours before.
  const snapshot = options.revoke === 'off' ? options.inventoryFile : undefined;
  const deps: RespondDeps = {
    logger,
    ...(options.verify ? { liveness: (s, k) => checkLiveness(s, k, { baseURL }) } : {}),
    ...(admin ? { exposure: ctx.exposure ?? ((keys) => measureExposure(keys, admin, Math.floor(Date.now() / 1000))) } : {}),
    ...(snapshot ? { openai: organizationDeps(undefined, baseURL, () => readInventoryFile(snapshot)) } : admin ? { openai: organizationDeps(admin, baseURL, () => admin.inventory()) } : {}),
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
  const responded = await respond(
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
  const alertNotes: string[] = [];
  const alerts = options.alerts;
  const alertsResolved = alerts
    ? await resolveRevokedAlerts(responded.result, createOctokit({ token: alerts.token, baseUrl: ctx.githubApiUrl, logger, writeIntervalMs: ctx.writeIntervalMs }), repoRef(alerts.repository), logger, alertNotes)
    : 0;
  return { result: responded.result, summary: { ...responded.summary, notes: [...scanNotes, ...alertNotes, ...responded.summary.notes], ...(alerts ? { alertsResolved } : {}) } };
}

function repoRef(fullName: string): { owner: string; repo: string } {
  const [owner, repo] = fullName.split('/') as [string, string];
  return { owner, repo };
}
