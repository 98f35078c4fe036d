// The CLI's sub-commands other than scan, loaded on demand by cli.ts (they bring the OpenAI and
// GitHub clients, which a plain scan does not need).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auditCommand, parseAuditFailOn } from './audit/command.ts';
import { auditShouldFail } from './audit/finding.ts';
import { given } from './cli/args.ts';
import { emit, type CliContext } from './cli/context.ts';
import { loadConfig } from './config.ts';
import { githubClient, type Context } from './context.ts';
import { ConfigurationError } from './errors.ts';
import { GitHubIssueTracker } from './github/issue-tracker.ts';
import { aggregateIssues, readScanReports } from './org/aggregate.ts';
import { discover } from './org/discover.ts';
import { parseBatch, readRepositoryList, scanBatch } from './org/batch.ts';
import { reportCommand } from './report/command.ts';
import { cliName, type OptionValues } from './options.ts';
import { count } from './text/count.ts';
import { chooseFormat, render } from './output/formats.ts';
import { resolveRespondOptions, resolveScanOptions, resolveTargets } from './settings.ts';
import { renderWatch, watchCommand } from './watch/command.ts';

/** `keyguard audit [PATH]`: repository rules always; organization rules with OPENAI_ADMIN_KEY. */
export async function audit(values: OptionValues, target: string | undefined, stdout: NodeJS.WritableStream, ctx: CliContext): Promise<number> {
  const { logger } = ctx;
  const format = chooseFormat('audit', values.format, cliName);
  const failOn = parseAuditFailOn(values['fail-on'], '--fail-on');
  const { root, files } = await resolveTargets(target ? [target] : [], ctx.cwd);
  if (files) throw new ConfigurationError(`PATH ${target} is a file: audit checks a repository directory`);
  const options = await resolveScanOptions({ output: values.output, config: values.config, path: root }, cliName, ctx.cwd);
  const { result, issue } = await auditCommand({ root: options.root, config: options.config, openaiBaseUrl: values['openai-base-url'], issue: values.issues ? {} : null }, cliName, ctx);
  if (issue && issue.action !== 'none') logger.info(`keyguard: audit issue #${issue.number} ${issue.action}`);
  await emit(await render(format, { result }), options.output, stdout, logger);
  return auditShouldFail(result.findings, failOn) ? 1 : 0;
}

/** `keyguard report`: per-project usage and cost for a period, as Markdown or JSON, and optionally an issue. */
export async function report(values: OptionValues, stdout: NodeJS.WritableStream, ctx: CliContext): Promise<number> {
  const { logger } = ctx;
  const format = chooseFormat('report', values.format, cliName);
  const { config } = await loadConfig(ctx.cwd, values.config ? path.resolve(values.config) : undefined);
  const { report: r, requests, issue } = await reportCommand(
    { period: values.period, since: values.since, until: values.until, openaiBaseUrl: values['openai-base-url'], config, issue: values.issue ? { closePrevious: values['close-previous'] === true } : null },
    cliName,
    ctx,
  );
  logger.info(`keyguard: report built with ${requests} requests${issue ? `; issue #${issue.number} ${issue.action}${issue.closedPrevious ? `, closed #${issue.closedPrevious}` : ''}` : ''}`);
  await emit(await render(format, { report: r }), values.output, stdout, logger);
  return 0;
}

/** A GitHub client for the organization-wide commands, which cannot work without a token. */
function github(ctx: Context, what: string) {
  if (!ctx.githubToken) throw new ConfigurationError(`${what} needs GITHUB_TOKEN (a token that can read the organization's repositories)`);
  return githubClient(ctx, ctx.githubToken);
}

/** `keyguard discover --org NAME [--output FILE]`: the repositories to scan and the batch matrix; FILE gets the list. */
export async function discoverCommand(values: OptionValues, stdout: NodeJS.WritableStream, ctx: CliContext): Promise<number> {
  if (!values.org || !/^[A-Za-z0-9-]+$/.test(values.org)) throw new ConfigurationError(`--org: expected an organization login such as acme, got "${values.org ?? ''}"`);
  const found = await discover(await github(ctx, 'discover'), ctx.githubToken!, { org: values.org, includeArchived: values['include-archived'] === true, includeForks: values['include-forks'] === true });
  if (values.output) await writeFile(values.output, found.repositories.map((r) => `${r}\n`).join(''));
  const matrix = { batch: Array.from({ length: found.batches }, (_, i) => `${i}/${found.batches}`) };
  stdout.write(`${JSON.stringify({ repositories: found.repositories.length, source: found.source, skipped: found.skipped, batches: found.batches, matrix }, null, 2)}\n`);
  return 0;
}

/** `keyguard scan-batch LIST --batch I/K [--output DIR]`: one job's share of an org-wide run. */
export async function scanBatchCommand(values: OptionValues, list: string, ctx: CliContext): Promise<number> {
  const { logger } = ctx;
  const { index, batches } = parseBatch(values.batch, '--batch');
  const repositories = await readRepositoryList(list);
  const { config } = await loadConfig(ctx.cwd, values.config ? path.resolve(values.config) : undefined);
  const respond = {
    ...resolveRespondOptions(
      given(values, 'verify', 'revoke', 'dry-run', 'openai-base-url'),
      cliName,
      { adminKey: ctx.adminKey, githubToken: undefined, repository: undefined },
      config,
      { verify: false },
    ),
    inventoryFile: values.inventory ? path.resolve(values.inventory) : undefined,
  };
  const out = await scanBatch({ repositories, index, batches, serverUrl: ctx.serverUrl, token: ctx.githubToken, outDir: path.resolve(values.output ?? 'keyguard-reports'), config, respond }, logger);
  logger.info(`keyguard: ${out.scanned.length} repositories scanned, ${out.keys} distinct keys, ${out.failed.length} not scanned`);
  return out.failed.length > 0 ? 2 : out.keys > 0 ? 1 : 0;
}

/** `keyguard aggregate DIR --issues`: one issue per key from an org-wide run's scan reports. */
export async function aggregateCommand(values: OptionValues, dir: string, stdout: NodeJS.WritableStream, ctx: CliContext): Promise<number> {
  const { logger } = ctx;
  const { groups, reports } = await readScanReports(path.resolve(dir));
  stdout.write(`${reports} reports, ${groups.length} distinct keys\n`);
  if (!values.issues) return groups.length > 0 ? 1 : 0;
  const { repository } = ctx;
  if (!repository) throw new ConfigurationError('--issues needs GITHUB_REPOSITORY (the security team\'s repository)');
  const { config } = await loadConfig(ctx.cwd);
  const [owner, repo] = repository.split('/') as [string, string];
  const tracker = new GitHubIssueTracker(await github(ctx, 'aggregate --issues'), { owner, repo }, config.issues.labels[0]!);
  const out = await aggregateIssues(groups, tracker, { labels: config.issues.labels, assignees: config.issues.assignees, mention: config.issues.mention, maxNew: config.issues.maxPerRun, repo: { serverUrl: ctx.serverUrl, repository: undefined, sha: undefined } }, logger);
  stdout.write(`issues: ${out.opened} opened, ${out.updated} updated, ${out.deferred} deferred\n`);
  return groups.length > 0 ? 1 : 0;
}

/** `keyguard watch`: the open leak issues of GITHUB_REPOSITORY revisited; prints one row per issue. */
export async function watch(values: OptionValues, stdout: NodeJS.WritableStream, ctx: CliContext): Promise<number> {
  const { logger } = ctx;
  const { config } = await loadConfig(ctx.cwd, values.config ? path.resolve(values.config) : undefined);
  const { outcomes, requests, repository } = await watchCommand(
    { openaiBaseUrl: values['openai-base-url'], repository: undefined, labels: undefined, mention: undefined, quietDays: values['quiet-days'], config },
    cliName,
    ctx,
  );
  logger.info(`keyguard: watched ${count(outcomes.length, 'open leak issue')} with ${count(requests, 'OpenAI request')}`);
  stdout.write(renderWatch(outcomes, repository));
  return 0;
}
