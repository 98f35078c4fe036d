import type { Config } from '../config.ts';
import { ConfigurationError } from '../errors.ts';
import { GitHubIssueTracker, type IssueTracker } from '../github/issue-tracker.ts';
import { markerLine } from '../text/marker.ts';
import { moreInReport } from '../text/body-limit.ts';
import { writeMarked, type WritePolicy } from '../github/issue-writer.ts';
import { createOctokit } from '../github/octokit.ts';
import type { Logger } from '../logger.ts';
import { OpenAIAdmin } from '../openai/admin-client.ts';
import { SEVERITIES, type AuditFailOn } from './finding.ts';
import { renderAuditIssue } from './render.ts';
import { runAudit, type AuditResult } from './run.ts';

export function parseAuditFailOn(raw: string | undefined, name: string): AuditFailOn {
  const v = raw?.trim() || 'high';
  if (v === 'none' || v === 'any' || (SEVERITIES as readonly string[]).includes(v)) return v as AuditFailOn;
  throw new ConfigurationError(`${name}: expected one of none, any, ${SEVERITIES.join(', ')}, got "${raw}"`);
}

export interface AuditIssueTarget {
  readonly tracker: IssueTracker;
  /** The audited repository, as the marker id (`owner:name`). */
  readonly repoId: string;
  readonly labels: readonly string[];
}

/** Opened when there is something to say, reopened when there is again, closed when all is fixed; retitled with the count. */
export function auditIssuePolicy(labels: readonly string[], findings: boolean): WritePolicy {
  return {
    open: findings,
    labels: { names: labels, color: 'fbca04', description: 'keyguard key-hygiene audit' },
    retitle: true,
    state: findings ? 'open' : 'closed',
    // A large organization's audit is longer than an issue holds: the rest is in the JSON report.
    more: (n) => moreInReport(n),
  };
}

/** Keeps the repository's one audit issue up to date, as `auditIssuePolicy` says. */
export async function fileAuditIssue(result: AuditResult, target: AuditIssueTarget): Promise<{ number: number; action: 'created' | 'updated' | 'unchanged' | 'none' }> {
  const out = await writeMarked(target.tracker, markerLine('audit', target.repoId), (previous) => renderAuditIssue(result, target.repoId, previous?.body), auditIssuePolicy(target.labels, result.findings.length > 0));
  if (!out.issue) return { number: 0, action: 'none' };
  return { number: out.issue.number, action: out.action === 'commented' ? 'updated' : out.action };
}

/** The audit as both entries run it: repository rules, organization rules with an admin key, the issue. */
export async function auditCommand(
  settings: { root: string; config: Config; adminKey: string | undefined; openaiBaseUrl: string | undefined; now: number; issue: { token: string; repository: string; apiUrl: string | undefined; labels: readonly string[]; writeIntervalMs?: number } | null },
  logger: Logger,
): Promise<{ result: AuditResult; issue?: { number: number; action: string } }> {
  if (settings.adminKey) logger.mask(settings.adminKey);
  const admin = settings.adminKey ? new OpenAIAdmin({ adminKey: settings.adminKey, baseURL: settings.openaiBaseUrl, logger }) : undefined;
  const result = await runAudit({ root: settings.root, config: settings.config, now: settings.now }, { logger, ...(admin ? { inventory: () => admin.inventory() } : {}) });
  if (!settings.issue) return { result };
  const [owner, repo] = settings.issue.repository.split('/') as [string, string];
  const tracker = new GitHubIssueTracker(createOctokit({ token: settings.issue.token, baseUrl: settings.issue.apiUrl, logger, writeIntervalMs: settings.issue.writeIntervalMs }), { owner, repo }, settings.issue.labels[0]!);
  const issue = await fileAuditIssue(result, { tracker, repoId: settings.issue.repository.replace('/', ':'), labels: settings.issue.labels });
  return { result, issue };
}
