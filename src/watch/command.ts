import type { Config } from '../config.ts';
import { ConfigurationError } from '../errors.ts';
import { GitHubIssueTracker } from '../github/issue-tracker.ts';
import { githubClient, issueTarget, type Context } from '../context.ts';
import type { Namer } from '../options.ts';
import { OpenAIAdmin } from '../openai/admin-client.ts';
import { code, escapeMarkdown } from '../text/markdown.ts';
import { watchLeaks, type WatchOutcome } from './watch.ts';
import { count } from '../text/count.ts';

export interface WatchSettings {
  readonly openaiBaseUrl: string | undefined;
  /** The repository of the leak issues; default the context's. */
  readonly repository: string | undefined;
  readonly labels: readonly string[] | undefined;
  readonly mention: string | undefined;
  readonly quietDays: string | undefined;
  readonly config: Config;
}

/** Validates the watch's settings (named as the user sets them) and runs it with the context's admin key and token. */
export async function watchCommand(o: WatchSettings, name: Namer, ctx: Context): Promise<{ outcomes: WatchOutcome[]; requests: number; repository: string }> {
  const { logger, adminKey } = ctx;
  if (!adminKey) throw new ConfigurationError(`watch needs an OpenAI admin key (${name('openai-admin-key')}): it reads key records and usage`);
  const target = issueTarget(ctx, o.repository, name, 'watch');
  const quietDays = o.quietDays?.trim() ? Number(o.quietDays) : 30;
  if (!Number.isInteger(quietDays) || quietDays < 1 || quietDays > 3650) throw new ConfigurationError(`${name('quiet-days')}: expected a whole number of days from 1 to 3650, got "${o.quietDays}"`);
  const mention = o.mention?.trim() || o.config.issues.mention;
  if (mention && !/^@[A-Za-z0-9-]+(\/[A-Za-z0-9._-]+)?$/.test(mention)) throw new ConfigurationError(`${name('issue-mention')}: expected @user or @org/team, got "${mention}"`);
  logger.mask(adminKey);
  logger.mask(target.token);
  const admin = new OpenAIAdmin({ adminKey, baseURL: o.openaiBaseUrl, logger });
  const tracker = new GitHubIssueTracker(await githubClient(ctx, target.token), { owner: target.owner, repo: target.repo }, (o.labels?.length ? o.labels : o.config.issues.labels)[0]!);
  const outcomes = await watchLeaks(tracker, admin, { mention, quietDays }, logger, ctx.now());
  return { outcomes, requests: admin.requests, repository: target.repository };
}

const WHAT: Record<WatchOutcome['type'], string> = {
  unchanged: 'nothing new',
  updated: 'facts updated',
  used: '**used since the last check** (commented)',
  closable: 'revoked and quiet: can be closed',
  skipped: 'skipped',
};

/** The job summary (and `keyguard watch`'s output): one row per open leak issue. */
export function renderWatch(outcomes: readonly WatchOutcome[], repository: string): string {
  const rows = outcomes.map((o) => `| #${o.issue} | ${'keyId' in o ? code(o.keyId) : ''} | ${WHAT[o.type]}${'reason' in o ? `: ${escapeMarkdown(o.reason)}` : ''} | ${'watch' in o ? `${o.watch.recordExists ? 'exists' : 'gone'}; ${o.watch.lastActiveAt ? `last used ${o.watch.lastActiveAt.slice(0, 10)}` : 'no use seen'}; ${o.watch.requests.toLocaleString('en-US')} requests since ${o.watch.from.slice(0, 10)}` : ''} |`);
  return [`## keyguard watch`, '', `${count(outcomes.length, 'open leak issue')} in ${code(repository)}.`, ...(rows.length ? ['', '| Issue | Key record | This run | Record, last use, requests |', '| --- | --- | --- | --- |', ...rows] : []), ''].join('\n');
}
