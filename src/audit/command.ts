import type { Config } from '../config.ts';
import { ConfigurationError } from '../errors.ts';
import { GitHubIssueTracker, type IssueTracker } from '../github/issue-tracker.ts';
import { markerLine } from '../text/marker.ts';
import { fitBody, moreInReport } from '../text/body-limit.ts';
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

/** Keeps the repository's one audit issue up to date: created when there is something to say, closed when all is fixed. */
export async function fileAuditIssue(result: AuditResult, target: AuditIssueTarget): Promise<{ number: number; action: 'created' | 'updated' | 'unchanged' | 'none' }> {
  const existing = await target.tracker.findByMarker(markerLine('audit', target.repoId));
  const rendered = renderAuditIssue(result, target.repoId, existing?.body);
  const { title } = rendered;
  // A large organization's audit is longer than an issue holds: the rest is in the JSON report.
  const body = fitBody(rendered.body, { more: (n) => moreInReport(n) });
  if (!existing) {
    if (result.findings.length === 0) return { number: 0, action: 'none' };
    for (const l of target.labels) await target.tracker.ensureLabel(l, 'fbca04', 'keyguard key-hygiene audit');
    const created = await target.tracker.create({ title, body, labels: target.labels, assignees: [] });
    return { number: created.number, action: 'created' };
  }
  const state = result.findings.length ? 'open' : 'closed';
  if (existing.body === body && existing.title === title && existing.state === state) return { number: existing.number, action: 'unchanged' };
  await target.tracker.update(existing.number, { title, body, state });
  return { number: existing.number, action: 'updated' };
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
