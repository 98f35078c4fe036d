import type { Config } from '../config.ts';
import { ConfigurationError } from '../errors.ts';
import { GitHubIssueTracker, type IssueTracker } from '../github/issue-tracker.ts';
import { markerLine } from '../text/marker.ts';
import { moreInReport } from '../text/body-limit.ts';
import { writeMarked, type WritePolicy } from '../github/issue-writer.ts';
import { githubClient, issueTarget, type Context } from '../context.ts';
import type { Namer } from '../options.ts';
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

export interface AuditSettings {
  readonly root: string;
  readonly config: Config;
  readonly openaiBaseUrl: string | undefined;
  /** The audit issue, or null for none: its repository (default the context's) and labels (default `keyguard-audit`). */
  readonly issue: { readonly repository?: string; readonly labels?: readonly string[] } | null;
}

/** The audit as both entries run it: repository rules, organization rules with the context's admin key, the issue. */
export async function auditCommand(settings: AuditSettings, name: Namer, ctx: Context): Promise<{ result: AuditResult; issue?: { number: number; action: string } }> {
  const { logger, adminKey } = ctx;
  const target = settings.issue && issueTarget(ctx, settings.issue.repository, name, 'the audit issue');
  if (adminKey) logger.mask(adminKey);
  const admin = adminKey ? new OpenAIAdmin({ adminKey, baseURL: settings.openaiBaseUrl, logger }) : undefined;
  const result = await runAudit({ root: settings.root, config: settings.config, now: ctx.now() }, { logger, ...(admin ? { inventory: () => admin.inventory() } : {}) });
  if (!target) return { result };
  const labels = settings.issue?.labels?.length ? settings.issue.labels : ['keyguard-audit'];
  const tracker = new GitHubIssueTracker(await githubClient(ctx, target.token), { owner: target.owner, repo: target.repo }, labels[0]!);
  const issue = await fileAuditIssue(result, { tracker, repoId: `${target.owner}:${target.repo}`, labels });
  return { result, issue };
}
