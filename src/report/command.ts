import pLimit from 'p-limit';
import { ConfigurationError } from '../errors.ts';
import type { Namer } from '../options.ts';
import { GitHubIssueTracker, type IssueTracker } from '../github/issue-tracker.ts';
import { moreInReport } from '../text/body-limit.ts';
import { writeMarked, type WritePolicy } from '../github/issue-writer.ts';
import { githubClient, issueTarget, type Context } from '../context.ts';
import { OpenAIAdmin as AdminClient } from '../openai/admin-client.ts';
import { customPeriod, lastFullPeriod } from './period.ts';
import { auditOrganization } from '../audit/org-rules.ts';
import type { Config } from '../config.ts';
import { markerLine } from '../text/marker.ts';
import type { Logger } from '../logger.ts';
import { groupsBy, USAGE_ENDPOINTS, type OpenAIAdmin, type TimeRange, type UsageEndpoint, type UsageGrouping } from '../openai/admin-client.ts';
import type { ProjectKeyRecord } from '../openai/types.ts';
import { aggregate, type KeyLabel, type Report } from './aggregate.ts';
import { describePeriod, periodId, previousPeriod, type Period } from './period.ts';
import { renderReportMarkdown } from './render.ts';
import { count } from '../text/count.ts';

/**
 * Reads what a report needs with as few requests as grouping allows: projects and members (a few
 * pages each), costs by project and usage of every usage endpoint by project (and model, where
 * the endpoint has models) over both periods (one page each for up to 31 days), usage of the period
 * by project, API key and user (one page per endpoint that has keys, for every project at once),
 * and, to name keys and flag spend from keys the audit flags, the keys of projects that spent. When
 * the users come without their projects, the members of the projects that spent are read from each
 * project's users instead.
 */
export async function buildReport(admin: OpenAIAdmin, period: Period, config: Config, now: number, logger: Logger): Promise<{ report: Report; requests: number }> {
  const before = admin.requests;
  const previous = previousPeriod(period);
  const span = { start: previous.start, end: period.end };
  const all = (range: TimeRange, endpoints: readonly UsageEndpoint[], groupBy: (e: UsageEndpoint) => UsageGrouping[]) =>
    Promise.all(endpoints.map((e) => admin.usage(e, range, groupBy(e)))).then((b) => b.flat());
  const [projects, users, costs, usage, keyUsage] = await Promise.all([
    admin.projects(),
    admin.projectMembers(),
    admin.costs(span, ['project_id']),
    all(span, USAGE_ENDPOINTS, (e) => (groupsBy(e, 'model') ? ['project_id', 'model'] : ['project_id'])),
    // Every endpoint that meters keys also meters users (vector stores and code interpreter do neither).
    all(period, USAGE_ENDPOINTS.filter((e) => groupsBy(e, 'api_key_id')), () => ['project_id', 'api_key_id', 'user_id']),
  ]);
  const limit = pLimit(8);
  let flaggedKeys: Set<string> | undefined;
  let keyLabels: Map<string, KeyLabel> | undefined;
  if (config.report.flagKeys) {
    const spent = [...new Set(keyUsage.flatMap((b) => b.results.filter((r) => r.requests > 0 && r.projectId).map((r) => r.projectId!)))].filter((id) => projects.some((p) => p.id === id));
    const keys: ProjectKeyRecord[] = (await Promise.all(spent.map((id) => limit(() => admin.projectKeys(id))))).flat();
    keyLabels = new Map(keys.map((k) => [k.id, { name: k.name, redacted: k.redactedValue }]));
    const findings = auditOrganization({ projects, projectKeys: keys, serviceAccounts: [], adminKeys: [], requests: 0 }, config.audit, now);
    flaggedKeys = new Set(findings.filter((f) => f.target.includes('/')).map((f) => f.target.split('/')[1]!));
    logger.info(`keyguard: checked the keys of the ${count(spent.length, 'project')} that spent`);
  }
  const input = { period, previous, usage, costs, keyUsage, keyLabels, userNames: users.userNames, projects, flaggedKeys };
  const policy = { budgets: config.report.budgets, spikePercent: config.report.spikePercent, minSpikeBaseUsd: config.report.minSpikeBaseUsd, minSpikeBaseTokens: config.report.minSpikeBaseTokens };
  let members = users.members;
  if (!members) {
    // Only projects that spent can be flagged for having no members: read those (deleted ones have none to read).
    const spent = aggregate(input, policy).projects.filter((p) => (p.costUsd > 0 || p.requests > 0) && projects.some((x) => x.id === p.id));
    members = new Map(await Promise.all(spent.map((p) => limit(async () => [p.id, await admin.projectUsers(p.id)] as const))));
    logger.info(`keyguard: the organization's users came without their projects; read the members of the ${count(spent.length, 'project')} that spent`);
  }
  return { report: aggregate({ ...input, members }, policy), requests: admin.requests - before };
}

/** Always opened, updated in place, retitled; `closes`: the previous period's, once this one is written. */
export function reportIssuePolicy(labels: readonly string[], closes: string | undefined): WritePolicy {
  return { open: true, labels: { names: labels, color: '0e8a16', description: 'keyguard usage and cost report' }, retitle: true, more: (n) => moreInReport(n), ...(closes ? { closes } : {}) };
}

/** One issue per period, found again by its marker and updated in place; optionally closes the previous period's. */
export async function fileReportIssue(report: Report, tracker: IssueTracker, options: { labels: readonly string[]; closePrevious: boolean }): Promise<{ number: number; action: 'created' | 'updated' | 'unchanged'; closedPrevious?: number }> {
  const out = await writeMarked(
    tracker,
    markerLine('report', periodId(report.period)),
    () => ({ title: `OpenAI usage and cost: ${describePeriod(report.period)}`, body: renderReportMarkdown(report, { marker: true }) }),
    reportIssuePolicy(options.labels, options.closePrevious ? markerLine('report', periodId(report.previousPeriod)) : undefined),
  );
  if (!out.issue) throw new Error('bug: a report issue is always opened');
  const result = { number: out.issue.number, action: out.action === 'commented' ? 'updated' : out.action } as const;
  return out.closed === undefined ? result : { ...result, closedPrevious: out.closed };
}

export interface ReportSettings {
  readonly period: string | undefined;
  readonly since: string | undefined;
  readonly until: string | undefined;
  readonly openaiBaseUrl: string | undefined;
  readonly config: Config;
  /** The period's issue, or null for none: its repository (default the context's) and labels (default `keyguard-report`). */
  readonly issue: { readonly repository?: string; readonly labels?: readonly string[]; readonly closePrevious: boolean } | null;
}

/** Which period: `--since`/`--until` (both), or `--period` (default the last full week). */
export function choosePeriod(settings: Pick<ReportSettings, 'period' | 'since' | 'until'>, now: number, name: Namer): Period {
  if (settings.since || settings.until) {
    if (!settings.since || !settings.until) throw new ConfigurationError(`${name('since')} and ${name('until')} go together`);
    if (settings.period) throw new ConfigurationError(`${name('period')} or ${name('since')}/${name('until')}, not both`);
    return customPeriod(settings.since, settings.until);
  }
  const kind = settings.period?.trim() || 'week';
  if (kind !== 'day' && kind !== 'week' && kind !== 'month') throw new ConfigurationError(`${name('period')}: expected one of day, week, month, got "${settings.period}"`);
  return lastFullPeriod(kind, now);
}

/** The report as both entries run it, with the context's admin key. */
export async function reportCommand(settings: ReportSettings, name: Namer, ctx: Context): Promise<{ report: Report; requests: number; issue?: { number: number; action: string; closedPrevious?: number } }> {
  const { logger, adminKey } = ctx;
  const now = ctx.now();
  const period = choosePeriod(settings, now, name);
  if (!adminKey) throw new ConfigurationError(`the report needs an OpenAI admin key (${name('openai-admin-key')}): usage and costs come from the organization API`);
  const target = settings.issue && issueTarget(ctx, settings.issue.repository, name, 'the report issue');
  logger.mask(adminKey);
  const admin = new AdminClient({ adminKey, baseURL: settings.openaiBaseUrl, logger });
  const { report, requests } = await buildReport(admin, period, settings.config, now, logger);
  if (!target || !settings.issue) return { report, requests };
  const labels = settings.issue.labels?.length ? settings.issue.labels : ['keyguard-report'];
  const tracker = new GitHubIssueTracker(await githubClient(ctx, target.token), { owner: target.owner, repo: target.repo }, labels[0]!);
  const issue = await fileReportIssue(report, tracker, { labels, closePrevious: settings.issue.closePrevious });
  return { report, requests, issue };
}
