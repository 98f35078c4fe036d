// The CLI's sub-commands other than scan, loaded on demand by cli.ts (they bring the OpenAI and
// GitHub clients, which a plain scan does not need).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auditCommand, parseAuditFailOn } from './audit/command.ts';
import { auditShouldFail } from './audit/finding.ts';
import { renderAuditJson, renderAuditSarif, renderAuditText } from './audit/render.ts';
import { loadConfig } from './config.ts';
import { ConfigurationError } from './errors.ts';
import { GitHubIssueTracker } from './github/issue-tracker.ts';
import { createOctokit } from './github/octokit.ts';
import { consoleLogger, type ConsoleLogger } from './logger.ts';
import { aggregateIssues, readScanReports } from './org/aggregate.ts';
import { discover } from './org/discover.ts';
import { parseBatch, readRepositoryList, scanBatch } from './org/batch.ts';
import { reportCommand } from './report/command.ts';
import { renderReportJson, renderReportMarkdown } from './report/render.ts';
import { cliName, type OptionValues } from './options.ts';
import { count } from './text/count.ts';
import { resolveRespondOptions, resolveScanOptions, resolveTargets } from './settings.ts';
import { renderWatch, watchCommand } from './watch/command.ts';

/** `keyguard audit [PATH]`: repository rules always; organization rules with OPENAI_ADMIN_KEY. */
export async function audit(values: OptionValues, target: string | undefined, stdout: NodeJS.WritableStream, logger: ConsoleLogger): Promise<number> {
  const failOn = parseAuditFailOn(values['fail-on'], '--fail-on');
  const { root, files } = await resolveTargets(target ? [target] : [], process.cwd());
  if (files) throw new ConfigurationError(`PATH ${target} is a file: audit checks a repository directory`);
  const options = await resolveScanOptions({ format: values.format, output: values.output, config: values.config, path: root }, cliName);
  const repository = process.env.GITHUB_REPOSITORY;
  if (values.issues && (!process.env.GITHUB_TOKEN || !repository)) throw new ConfigurationError('--issues needs GITHUB_TOKEN and GITHUB_REPOSITORY');
  const { result, issue } = await auditCommand(
    {
      root: options.root,
      config: options.config,
      adminKey: process.env.OPENAI_ADMIN_KEY || undefined,
      openaiBaseUrl: values['openai-base-url'],
      now: Math.floor(Date.now() / 1000),
      issue: values.issues ? { token: process.env.GITHUB_TOKEN!, repository: repository!, apiUrl: process.env.GITHUB_API_URL || undefined, labels: ['keyguard-audit'] } : null,
    },
    logger,
  );
  if (issue && issue.action !== 'none') logger.info(`keyguard: audit issue #${issue.number} ${issue.action}`);
  const rendered = options.format === 'json' ? renderAuditJson(result) : options.format === 'sarif' ? renderAuditSarif(result) : renderAuditText(result);
  if (options.output) {
    await mkdir(path.dirname(path.resolve(options.output)), { recursive: true });
    await writeFile(options.output, rendered);
  } else {
    logger.clear();
    stdout.write(rendered);
  }
  return auditShouldFail(result.findings, failOn) ? 1 : 0;
}

/** `keyguard report`: per-project usage and cost for a period, as Markdown or JSON, and optionally an issue. */
export async function report(values: OptionValues, stdout: NodeJS.WritableStream, logger: ConsoleLogger): Promise<number> {
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw new ConfigurationError(`--format: expected one of markdown, json, got "${format}"`);
  const { config } = await loadConfig(process.cwd(), values.config ? path.resolve(values.config) : undefined);
  const repository = process.env.GITHUB_REPOSITORY;
  if (values.issue && (!process.env.GITHUB_TOKEN || !repository)) throw new ConfigurationError('--issue needs GITHUB_TOKEN and GITHUB_REPOSITORY');
  const { report: r, requests, issue } = await reportCommand(
    {
      period: values.period,
      since: values.since,
      until: values.until,
      adminKey: process.env.OPENAI_ADMIN_KEY || undefined,
      openaiBaseUrl: values['openai-base-url'],
      config,
      now: Math.floor(Date.now() / 1000),
      issue: values.issue ? { token: process.env.GITHUB_TOKEN!, repository: repository!, apiUrl: process.env.GITHUB_API_URL || undefined, labels: ['keyguard-report'], closePrevious: values['close-previous'] === true } : null,
    },
    cliName,
    logger,
  );
  logger.info(`keyguard: report built with ${requests} requests${issue ? `; issue #${issue.number} ${issue.action}${issue.closedPrevious ? `, closed #${issue.closedPrevious}` : ''}` : ''}`);
  const rendered = format === 'json' ? renderReportJson(r) : renderReportMarkdown(r);
  if (values.output) {
    await mkdir(path.dirname(path.resolve(values.output)), { recursive: true });
    await writeFile(values.output, rendered);
  } else {
    logger.clear();
    stdout.write(rendered);
  }
  return 0;
}

function githubFromEnv(logger: ConsoleLogger, what: string) {
  const token = process.env.GITHUB_TOKEN;
  if (!token) throw new ConfigurationError(`${what} needs GITHUB_TOKEN (a token that can read the organization's repositories)`);
  return createOctokit({ token, baseUrl: process.env.GITHUB_API_URL || undefined, logger });
}

/** `keyguard discover --org NAME [--output FILE]`: the repositories to scan and the batch matrix; FILE gets the list. */
export async function discoverCommand(values: OptionValues, stdout: NodeJS.WritableStream): Promise<number> {
  if (!values.org || !/^[A-Za-z0-9-]+$/.test(values.org)) throw new ConfigurationError(`--org: expected an organization login such as acme, got "${values.org ?? ''}"`);
  const logger = consoleLogger();
  const token = process.env.GITHUB_TOKEN;
  if (!token) throw new ConfigurationError("discover needs GITHUB_TOKEN (a token that can read the organization's repositories)");
  const found = await discover(createOctokit({ token, baseUrl: process.env.GITHUB_API_URL || undefined, logger }), token, { org: values.org, includeArchived: values['include-archived'] === true, includeForks: values['include-forks'] === true });
  if (values.output) await writeFile(values.output, found.repositories.map((r) => `${r}\n`).join(''));
  const matrix = { batch: Array.from({ length: found.batches }, (_, i) => `${i}/${found.batches}`) };
  stdout.write(`${JSON.stringify({ repositories: found.repositories.length, source: found.source, skipped: found.skipped, batches: found.batches, matrix }, null, 2)}\n`);
  return 0;
}

/** `keyguard scan-batch LIST --batch I/K [--output DIR]`: one job's share of an org-wide run. */
export async function scanBatchCommand(values: OptionValues, list: string, logger: ConsoleLogger): Promise<number> {
  const { index, batches } = parseBatch(values.batch, '--batch');
  const repositories = await readRepositoryList(list);
  const { config } = await loadConfig(process.cwd(), values.config ? path.resolve(values.config) : undefined);
  const respond = {
    ...resolveRespondOptions(
      { verify: String(values.verify ?? false), revoke: values.revoke, 'dry-run': String(values['dry-run'] ?? false), 'openai-base-url': values['openai-base-url'] },
      cliName,
      { adminKey: process.env.OPENAI_ADMIN_KEY || undefined, githubToken: undefined, repository: undefined },
      config,
      { verify: false },
    ),
    inventoryFile: values.inventory ? path.resolve(values.inventory) : undefined,
  };
  const out = await scanBatch({ repositories, index, batches, serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com', token: process.env.GITHUB_TOKEN || undefined, outDir: path.resolve(values.output ?? 'keyguard-reports'), config, respond }, logger);
  logger.info(`keyguard: ${out.scanned.length} repositories scanned, ${out.keys} distinct keys, ${out.failed.length} not scanned`);
  return out.failed.length > 0 ? 2 : out.keys > 0 ? 1 : 0;
}

/** `keyguard aggregate DIR --issues`: one issue per key from an org-wide run's scan reports. */
export async function aggregateCommand(values: OptionValues, dir: string, stdout: NodeJS.WritableStream, logger: ConsoleLogger): Promise<number> {
  const { groups, reports } = await readScanReports(path.resolve(dir));
  stdout.write(`${reports} reports, ${groups.length} distinct keys\n`);
  if (!values.issues) return groups.length > 0 ? 1 : 0;
  const repository = process.env.GITHUB_REPOSITORY;
  if (!repository) throw new ConfigurationError('--issues needs GITHUB_REPOSITORY (the security team\'s repository)');
  const { config } = await loadConfig(process.cwd());
  const [owner, repo] = repository.split('/') as [string, string];
  const tracker = new GitHubIssueTracker(githubFromEnv(logger, 'aggregate --issues'), { owner, repo }, config.issues.labels[0]!);
  const out = await aggregateIssues(groups, tracker, { labels: config.issues.labels, assignees: config.issues.assignees, mention: config.issues.mention, maxNew: config.issues.maxPerRun, repo: { serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com', repository: undefined, sha: undefined } }, logger);
  stdout.write(`issues: ${out.opened} opened, ${out.updated} updated, ${out.deferred} deferred\n`);
  return groups.length > 0 ? 1 : 0;
}

/** `keyguard watch`: the open leak issues of GITHUB_REPOSITORY revisited; prints one row per issue. */
export async function watch(values: OptionValues, stdout: NodeJS.WritableStream, logger: ConsoleLogger): Promise<number> {
  const { config } = await loadConfig(process.cwd(), values.config ? path.resolve(values.config) : undefined);
  const repository = process.env.GITHUB_REPOSITORY;
  const { outcomes, requests } = await watchCommand(
    { adminKey: process.env.OPENAI_ADMIN_KEY || undefined, openaiBaseUrl: values['openai-base-url'], token: process.env.GITHUB_TOKEN || undefined, repository, apiUrl: process.env.GITHUB_API_URL || undefined, labels: undefined, mention: undefined, quietDays: values['quiet-days'], config },
    cliName,
    logger,
  );
  logger.info(`keyguard: watched ${count(outcomes.length, 'open leak issue')} with ${count(requests, 'OpenAI request')}`);
  stdout.write(renderWatch(outcomes, repository ?? ''));
  return 0;
}
