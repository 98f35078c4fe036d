import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import { actionsLogger } from './action/logger.ts';
import { annotateFindings } from './action/annotate.ts';
import { governingSettings, PULL_REQUEST_EVENTS, type Governing } from './action/base-settings.ts';
import { scopeForEvent } from './action/scope.ts';
import { untrustedPullRequest, type PullRequestPayload } from './action/trust.ts';
import { auditCommand, parseAuditFailOn } from './audit/command.ts';
import { auditShouldFail } from './audit/finding.ts';
import { renderAuditSummary } from './audit/render.ts';
import type { AuditResult } from './audit/run.ts';
import { loadConfig, type Config } from './config.ts';
import { contextFrom, githubClient, type Context } from './context.ts';
import type { Report } from './report/aggregate.ts';
import { reportCommand } from './report/command.ts';
import { renderReportMarkdown } from './report/render.ts';
import { kindLabel, scrubSecrets } from './detect/index.ts';
import { ConfigurationError, errorMessage } from './errors.ts';
import { fitBody, MAX_SUMMARY_BYTES, moreInReport } from './text/body-limit.ts';
import { actionFiles, render, type ResultType, type ViewOf } from './output/formats.ts';
import { renderSummary } from './output/summary.ts';
import { count } from './text/count.ts';
import { entryNote, gitNote } from './output/text.ts';
import { printable } from './text/printable.ts';
import { writePullRequestComment } from './respond/pr-comment-writer.ts';
import { scanCommand } from './scan/command.ts';
import { placePath, shouldFail, type ScanResult } from './scan/finding.ts';
import { describeCoverage, describeScope, type ScanScope } from './scan/index.ts';
import { ACTION_INPUT_DEFAULTS, inputName, type ActionInput, type ActionOutput, type SwitchInput } from './options.ts';
import { resolveRespondOptions, resolveScanOptions, type RawOptions } from './settings.ts';
import { git, headCommit } from './sources/git.ts';
import { GitHubIssueTracker } from './github/issue-tracker.ts';
import { code, escapeMarkdown } from './text/markdown.ts';
import { aggregateIssues, readScanReports } from './org/aggregate.ts';
import { discover } from './org/discover.ts';
import { parseBatch, readRepositoryList, scanBatch } from './org/batch.ts';
import { OpenAIAdmin } from './openai/admin-client.ts';
import { writeInventoryFile } from './openai/inventory-file.ts';
import { renderWatch, watchCommand } from './watch/command.ts';

export type ActionResult =
  | { readonly ok: true; readonly mode: 'scan'; readonly result: ScanResult; readonly failed: boolean }
  | { readonly ok: true; readonly mode: 'audit'; readonly audit: AuditResult; readonly failed: boolean }
  | { readonly ok: true; readonly mode: 'report'; readonly report: Report; readonly failed: false }
  | { readonly ok: true; readonly mode: 'discover' | 'scan-batch' | 'aggregate' | 'watch'; readonly failed: boolean }
  | { readonly ok: false; readonly error: string };

/** An input as given, else its default from the table; main.ts is the only reader of core.getInput. */
const input = (name: ActionInput): string | undefined => core.getInput(name) || ACTION_INPUT_DEFAULTS[name];

/** Inputs as given, by name, for the settings resolvers. */
const inputs = (...names: ActionInput[]): RawOptions => Object.fromEntries(names.map((n) => [n, input(n)]));

/** A switch input, `true` or `false` in any case as YAML writes them; anything else is an error, not off. */
function isOn(name: SwitchInput): boolean {
  const raw = input(name);
  const v = raw?.trim().toLowerCase();
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  throw new ConfigurationError(`input ${name}: expected true or false, got "${raw}"`);
}

/** The action's outputs are named in the option table; the report files' come with their formats. */
const output = (name: ActionOutput, value: string | number) => core.setOutput(name, value);

/** One handler per mode: inputs in, the command, then outputs, files and the job summary out. */
const MODES: Record<string, (ctx: Context) => Promise<ActionResult>> = {
  scan: scanMode,
  audit: auditMode,
  report: reportMode,
  discover: discoverMode,
  'scan-batch': scanBatchMode,
  aggregate: aggregateMode,
  watch: watchMode,
};

/**
 * `pull_request_target` runs with secrets and a write token on the base branch. A workflow that
 * checks out the pull request's head there hands both to code the PR author controls (a "pwn
 * request"); keyguard refuses to take part rather than to look like a safe step in it.
 */
async function refusePwnRequest(root: string): Promise<void> {
  if (context.eventName !== 'pull_request_target') return;
  const headSha = (context.payload.pull_request as PullRequestPayload | undefined)?.head?.sha;
  // The head itself, or a merge of it (refs/pull/N/merge): either runs the author's code.
  const checkedOut = await git(root, ['rev-list', '--parents', '-n', '1', 'HEAD']).then((s) => s.trim().split(' '), (): string[] => []);
  if (headSha && checkedOut.includes(headSha)) {
    throw new ConfigurationError(
      'pull_request_target with the pull request head checked out (or a merge of it): untrusted code would run with secrets and a write token. Use the pull_request event to scan pull requests.',
    );
  }
}

/** The action: inputs in, outputs, annotations and summary out. */
export async function run(): Promise<ActionResult> {
  const logger = actionsLogger();
  try {
    const mode = input('mode')!;
    const handler = Object.hasOwn(MODES, mode) ? MODES[mode] : undefined;
    if (!handler) throw new ConfigurationError(`input mode: expected one of ${Object.keys(MODES).join(', ')}, got "${mode}"`);
    // The admin key comes from its input alone: a runner's OPENAI_ADMIN_KEY variable is no input.
    const ctx = contextFrom(process.env, { cwd: process.env.GITHUB_WORKSPACE || process.cwd(), logger, adminKey: input('openai-admin-key'), githubToken: input('github-token') });
    return await handler(ctx);
  } catch (e) {
    const message = scrubSecrets(e instanceof ConfigurationError ? `${e.message}\nSee the inputs in the README.` : `keyguard failed: ${errorMessage(e)}`);
    core.setFailed(message);
    return { ok: false, error: message };
  }
}

/** `mode: scan`: the scope from the event, the scan and the leak response; annotations, files, summary and outputs. */
async function scanMode(ctx: Context): Promise<ActionResult> {
  const { logger } = ctx;
  const options = await resolveScanOptions(
    inputs('path', 'config', 'fail-on', 'max-file-size', 'scan-scope', 'baseline'),
    inputName,
    ctx.cwd,
  );
  // Switches are read first: a typo fails at once, not after an hour of history.
  const comment = isOn('pr-comment');
  const pullRefs = isOn('scan-pull-refs');
  const untrusted = untrustedPullRequest(context.eventName, context.payload.pull_request as PullRequestPayload | undefined);
  // Fork pull requests get no secrets, so a workflow's `revoke: live` arrives without its admin
  // key there: leak-response settings are not even read, rather than failing every fork PR.
  const respondBy = (config: Config) =>
    untrusted
      ? undefined
      : resolveRespondOptions(
          inputs('verify', 'revoke', 'dry-run', 'issues', 'issue-repository', 'issue-labels', 'issue-assignees', 'issue-mention', 'max-issues', 'openai-base-url', 'secret-scanning-alerts'),
          inputName,
          ctx,
          config,
          { verify: true },
        );
  let respond = respondBy(options.config);
  if (respond?.adminKey) core.setSecret(respond.adminKey);
  await refusePwnRequest(options.root);

  // Org-wide runs scan another repository than the workflow's own: input repository names it.
  const scanned = input('repository') ?? ctx.repository;
  const scannedSha = input('repository') ? await headCommit(options.root) : ctx.sha;
  const notes: string[] = [];
  let scope: ScanScope | undefined = options.scope.type === 'event' ? undefined : options.scope;
  if (options.scope.type === 'event') {
    const requested = input('scan-scope') as 'auto' | 'range';
    const choice = await scopeForEvent(requested, context.eventName, context.payload, options.root, logger);
    if (choice.note) notes.push(choice.note);
    if (!choice.scope && requested === 'range') throw new ConfigurationError(choice.note);
    scope = choice.scope;
  }
  // On a runner the clone is actions/checkout's: the history scan fetches what it lacks.
  if (scope?.type === 'history') scope = { ...scope, fetch: true, pullRequests: pullRefs };
  // A pull request is checked by the base branch's allow rules and baseline, not by its own.
  const governing: Governing = PULL_REQUEST_EVENTS.has(context.eventName) && scope?.type === 'range' && scope.base ? await governingSettings(options.root, scope.base, options, options.maxFileSizeInput) : options;
  if (governing.note) notes.push(governing.note);
  // The issues' labels, assignees and limit too: a pull request must not turn off its own leak issue.
  if (governing.config !== options.config) respond = respondBy(governing.config);
  const { result, summary } = await scanCommand({ root: options.root, config: governing.config, scope, baseline: governing.baseline, respond, repository: scanned, sha: scannedSha }, ctx);
  core.info(`keyguard: scanned the ${scope ? describeScope(scope) : 'nothing'}`);

  const prefix = pathPrefix(ctx, options.root);
  if (!respond) {
    if (result.findings.length > 0) notes.push(`Verification, revocation, issues and the pull request comment were skipped: ${untrusted}.`);
  } else {
    notes.push(...(summary?.notes ?? []));
    if (comment) await commentOnPullRequest(result, prefix, ctx, notes);
  }

  annotateFindings(
    // GitHub shows its own secret scanning alerts; annotations are for what keyguard found.
    result.findings.filter((f) => !f.alert).map((f) => {
      // Annotate the line only while the scanned tree holds the key there: a removed key (or one
      // in a message, or only on another branch) would mark an innocent line.
      const inTree = !f.source && (!f.git || f.git.presentAtHead);
      return {
        level: 'error' as const,
        group: `${kindLabel(f.kind)} key`,
        // A key in a message or a name: the note after the fingerprint says where.
        message: `OpenAI ${kindLabel(f.kind)} ${f.redacted} is committed${inTree ? entryNote(f) || ' here' : f.source ? '' : ` in ${printable(placePath(f))}:${f.line}`} (fingerprint ${f.fingerprint}${gitNote(f).replace(/^ +/, '; ')}). Revoke it and read the key from a secret instead.`,
        properties: { title: 'Leaked OpenAI key', ...(inTree ? { file: printable(prefix + f.file), ...(f.entry !== undefined ? { startLine: 1 } : { startLine: f.line, startColumn: f.column, endColumn: f.endColumn }) } : {}) },
      };
    }),
  );
  await writeReports(ctx, 'scan', { result, summary, repository: scanned, pathPrefix: prefix });
  for (const what of result.unreadable ?? []) notes.push(`Incomplete: git could not read ${what}.`);
  const scopeText = scope ? `${describeScope(scope)}${result.coverage ? `: ${describeCoverage(result.coverage)}` : ''}` : 'nothing';
  await core.summary.addRaw(fitSummary(renderSummary(result, prefix, scopeText, notes))).write();

  output('findings', result.findings.length);
  output('keys', new Set(result.findings.map((f) => f.fingerprint)).size);
  output('live', summary?.live ?? 0);
  output('revoked', summary?.revoked ?? 0);
  output('issues-opened', summary?.issuesOpened ?? 0);
  if (summary?.alertsResolved !== undefined) output('alerts-resolved', summary.alertsResolved);
  const failed = shouldFail(result, options.failOn) || (result.unreadable?.length ?? 0) > 0;
  for (const what of result.unreadable ?? []) core.error(`keyguard could not read ${what}; the scan is incomplete.`);
  if (result.unreadable?.length) core.setFailed(`keyguard could not read all of the repository (${count(result.unreadable.length, 'part')}); what it found is reported, the rest was not scanned.`);
  else if (failed) core.setFailed(`keyguard found ${count(result.findings.length, 'OpenAI key finding')}; see the annotations and the job summary.`);
  else core.info(`keyguard: ${count(result.findings.length, 'finding')}.`);
  return { ok: true, mode: 'scan', result, failed };
}

/** Annotations and SARIF name paths from the repository root, whatever sub-directory was scanned. */
function pathPrefix(ctx: Context, root: string): string {
  const rel = path.relative(ctx.cwd, root).split(path.sep).join('/');
  return rel && !rel.startsWith('..') ? `${rel}/` : '';
}

/**
 * Writes each format the action keeps of a result (src/output/formats.ts) to the runner's temp
 * directory, input sarif-file moving the SARIF file, and names each in its output.
 */
async function writeReports<T extends ResultType>(ctx: Context, type: T, view: ViewOf<T>): Promise<void> {
  const moved: Readonly<Record<string, string | undefined>> = { 'sarif-file': input('sarif-file') };
  for (const f of actionFiles(type)) {
    const file = moved[f.output] ?? path.join(ctx.tempDir, f.file);
    await writeFile(file, await render(f.format, view));
    core.setOutput(f.output, file);
  }
}

/** `mode: audit`: the repository's key handling, and the organization's keys with an admin key. */
async function auditMode(ctx: Context): Promise<ActionResult> {
  const failOn = parseAuditFailOn(input('fail-on'), 'input fail-on');
  const options = await resolveScanOptions(inputs('path', 'config'), inputName, ctx.cwd);
  if (ctx.adminKey) core.setSecret(ctx.adminKey);
  const { result, issue } = await auditCommand({ root: options.root, config: options.config, openaiBaseUrl: input('openai-base-url'), issue: issueInputs() }, inputName, ctx);
  const prefix = pathPrefix(ctx, options.root);
  annotateFindings(
    result.findings.map((f) => ({
      level: f.severity === 'critical' || f.severity === 'high' ? ('error' as const) : f.severity === 'medium' ? ('warning' as const) : ('notice' as const),
      group: f.rule,
      message: `${f.message} Fix: ${f.fix}`,
      properties: { title: `keyguard-audit/${f.rule}`, ...(f.file ? { file: printable(prefix + f.file), startLine: f.line ?? 1 } : {}) },
    })),
  );
  await writeReports(ctx, 'audit', { result, pathPrefix: prefix });
  await core.summary.addRaw(fitSummary(renderAuditSummary(result)) + (issue && issue.action !== 'none' ? `\nAudit issue #${issue.number}: ${issue.action}.\n` : '')).write();
  output('findings', result.findings.length);
  const failed = auditShouldFail(result.findings, failOn);
  if (failed) core.setFailed(`keyguard audit: ${count(result.findings.length, 'finding')}, some at or above ${failOn}; see the job summary.`);
  return { ok: true, mode: 'audit', audit: result, failed };
}

/** A comma-separated list input, or undefined when not given. */
const labels = (raw: string | undefined) => raw?.split(',').map((l) => l.trim()).filter(Boolean);

/** The audit's or report's issue, when input issues asks for it: where it goes and its labels. */
const issueInputs = () => (isOn('issues') ? { repository: input('issue-repository'), labels: labels(input('issue-labels')) } : null);

/** The config file of the modes that read no directory: input config, else the workspace's .keyguard.yml. */
const workspaceConfig = (ctx: Context) => loadConfig(ctx.cwd, input('config') ? path.resolve(ctx.cwd, input('config')!) : undefined).then((c) => c.config);

/** `mode: report`: per-project usage and cost for the period, in the job summary and optionally an issue. */
async function reportMode(ctx: Context): Promise<ActionResult> {
  const config = await workspaceConfig(ctx);
  const wanted = issueInputs();
  const { report, requests, issue } = await reportCommand(
    { period: input('period'), since: input('since'), until: input('until'), openaiBaseUrl: input('openai-base-url'), config, issue: wanted && { ...wanted, closePrevious: isOn('close-previous') } },
    inputName,
    ctx,
  );
  await writeReports(ctx, 'report', { report });
  await core.summary.addRaw(fitSummary(renderReportMarkdown(report)) + (issue ? `\nReport issue #${issue.number}: ${issue.action}${issue.closedPrevious ? `; closed the previous period's #${issue.closedPrevious}` : ''}.\n` : '')).write();
  core.info(`keyguard: report of ${report.projects.length} projects from ${requests} requests`);
  output('cost-usd', report.totals.costUsd.toFixed(2));
  output('projects', report.projects.length);
  if (issue) output('issue-number', issue.number);
  return { ok: true, mode: 'report', report, failed: false };
}

/**
 * `mode: discover`: the repositories to scan, written to a file (an org's list outgrows a job
 * output's 1 MB), and one matrix of at most 256 batch jobs (`I/K`) that share them. With an
 * admin key it also saves the organization's key records once for the whole run.
 */
async function discoverMode(ctx: Context): Promise<ActionResult> {
  const { logger } = ctx;
  const org = input('org');
  if (!org || !/^[A-Za-z0-9-]+$/.test(org)) throw new ConfigurationError(`input org: expected an organization login such as acme, got "${org ?? ''}"`);
  const token = ctx.githubToken;
  if (!token) throw new ConfigurationError('input github-token: discover needs a token that can read the organization (a GitHub App installation token or a fine-grained token)');
  const found = await discover(await githubClient(ctx, token), token, { org, includeArchived: isOn('include-archived'), includeForks: isOn('include-forks') });
  const listFile = path.join(ctx.tempDir, 'keyguard-repositories.txt');
  await writeFile(listFile, found.repositories.map((r) => `${r}\n`).join(''));
  const { adminKey } = ctx;
  if (adminKey) {
    core.setSecret(adminKey);
    const admin = new OpenAIAdmin({ adminKey, baseURL: input('openai-base-url'), logger });
    const inventoryFile = path.join(ctx.tempDir, 'keyguard-inventory.json');
    const inventory = await admin.inventory();
    await writeInventoryFile(inventoryFile, inventory, ctx.now());
    core.info(`keyguard: saved the organization's ${inventory.projectKeys.length + inventory.adminKeys.length} key records (${inventory.requests} requests) for the scan jobs`);
    output('inventory-file', inventoryFile);
  }
  const batches = Array.from({ length: found.batches }, (_, i) => `${i}/${found.batches}`);
  output('matrix', JSON.stringify({ batch: batches }));
  output('batches', found.batches);
  output('repositories', found.repositories.length);
  output('repositories-file', listFile);
  const per = found.batches ? Math.ceil(found.repositories.length / found.batches) : 0;
  await core.summary
    .addRaw(
      `## keyguard discover\n\n${found.repositories.length} repositories of ${code(org)} (${found.source === 'installation' ? 'those the App installation can reach' : 'every repository of the organization'}; skipped ${found.skipped.archived} archived, ${found.skipped.forks} forks), in ${count(found.batches, 'scan job')} of at most ${per}.\n`,
    )
    .write();
  return { ok: true, mode: 'discover', failed: false };
}

/**
 * `mode: scan-batch`: one job of an org-wide run scans its batch of the list (clone, whole history,
 * leak response without issues) and writes one JSON report per repository for the aggregate job.
 * Fails after the whole batch when any repository could not be scanned: none is skipped silently.
 */
async function scanBatchMode(ctx: Context): Promise<ActionResult> {
  const { index, batches } = parseBatch(input('batch'), 'input batch');
  const repositories = await readRepositoryList(path.resolve(ctx.cwd, input('repositories-file')!));
  const config = await workspaceConfig(ctx);
  const inventoryFile = input('inventory-file') ? path.resolve(ctx.cwd, input('inventory-file')!) : undefined;
  const respond = {
    ...resolveRespondOptions(
      inputs('verify', 'revoke', 'dry-run', 'openai-base-url'),
      inputName,
      { adminKey: ctx.adminKey, githubToken: undefined, repository: undefined },
      config,
      { verify: true },
    ),
    inventoryFile,
  };
  const outDir = path.resolve(ctx.cwd, input('reports')!);
  const out = await scanBatch({ repositories, index, batches, serverUrl: ctx.serverUrl, token: ctx.githubToken, outDir, config, respond }, ctx.logger);
  output('keys', out.keys);
  output('reports', outDir);
  const rows = out.failed.map((f) => `| ${code(f.repository)} | ${escapeMarkdown(f.error)} |`);
  await core.summary
    .addRaw(
      `## keyguard scan-batch ${index + 1} of ${batches}\n\n${out.scanned.length} repositories scanned, ${out.keys} distinct keys found${out.failed.length ? `, **${out.failed.length} not scanned**` : ''}.\n` +
        (rows.length ? `\n| repository | why it was not scanned |\n| --- | --- |\n${rows.slice(0, 100).join('\n')}\n` : ''),
    )
    .write();
  const failed = out.failed.length > 0;
  if (failed) core.setFailed(`keyguard could not scan ${out.failed.length} of ${out.scanned.length + out.failed.length} repositories of this batch: ${out.failed.map((f) => f.repository).slice(0, 10).join(', ')}${out.failed.length > 10 ? ', …' : ''}`);
  return { ok: true, mode: 'scan-batch', failed };
}

/** `mode: aggregate`: one issue per key, in this repository, from the scan reports of an org-wide run. */
async function aggregateMode(ctx: Context): Promise<ActionResult> {
  const { groups, reports } = await readScanReports(path.resolve(ctx.cwd, input('reports')!));
  const config = await workspaceConfig(ctx);
  const respondOptions = resolveRespondOptions(
    { ...inputs('issue-repository', 'issue-labels', 'issue-assignees', 'issue-mention', 'max-issues'), issues: 'true', verify: 'false' },
    inputName,
    { adminKey: undefined, githubToken: ctx.githubToken, repository: ctx.repository },
    config,
    { verify: false },
  );
  const issues = respondOptions.issues!;
  const [owner, repo] = issues.repository.split('/') as [string, string];
  const tracker = new GitHubIssueTracker(await githubClient(ctx, issues.token), { owner, repo }, issues.labels[0]!);
  const out = await aggregateIssues(groups, tracker, { ...issues, repo: { serverUrl: ctx.serverUrl, repository: undefined, sha: undefined } }, ctx.logger);
  output('keys', groups.length);
  output('issues-opened', out.opened);
  await core.summary.addRaw(`## keyguard aggregate\n\n${reports} scan reports, ${groups.length} distinct leaked keys: ${out.opened} issues opened, ${out.updated} updated${out.deferred ? `, ${out.deferred} deferred to the next run` : ''}.\n`).write();
  return { ok: true, mode: 'aggregate', failed: false };
}

/** `mode: watch`: revisits keyguard's open leak issues from their record ids; writes only what is new. */
async function watchMode(ctx: Context): Promise<ActionResult> {
  const config = await workspaceConfig(ctx);
  const { outcomes, requests, repository } = await watchCommand(
    { openaiBaseUrl: input('openai-base-url'), repository: input('issue-repository'), labels: labels(input('issue-labels')), mention: input('issue-mention'), quietDays: input('quiet-days'), config },
    inputName,
    ctx,
  );
  await core.summary.addRaw(fitSummary(renderWatch(outcomes, repository))).write();
  core.info(`keyguard: watched ${count(outcomes.length, 'open leak issue')} with ${count(requests, 'OpenAI request')}`);
  output('watched', outcomes.length);
  output('used', outcomes.filter((o) => o.type === 'used').length);
  output('closable', outcomes.filter((o) => 'watch' in o && o.watch.closable).length);
  return { ok: true, mode: 'watch', failed: false };
}

/** The job summary within GitHub's 1 MiB; the JSON report and SARIF file hold every row. */
const fitSummary = (markdown: string) => fitBody(scrubSecrets(markdown), { limit: MAX_SUMMARY_BYTES - 4096, size: (s) => Buffer.byteLength(s), more: (n) => moreInReport(n) });

/** On a pull request: one comment, created when keys are found and updated in place after. */
async function commentOnPullRequest(result: ScanResult, prefix: string, ctx: Context, notes: string[]): Promise<void> {
  const pr = context.payload.pull_request as PullRequestPayload | undefined;
  const { githubToken: token, repository, logger } = ctx;
  if (context.eventName !== 'pull_request' || !pr?.number || !token || !repository) return;
  try {
    await writePullRequestComment(result, prefix, { repository, pullNumber: pr.number, token, apiUrl: ctx.githubApiUrl, writeIntervalMs: ctx.writeIntervalMs }, logger);
  } catch (e) {
    // A token without pull-requests: write cannot comment; the check and annotations still say it all.
    notes.push(`The pull request comment could not be written: ${errorMessage(e)}`);
    logger.warning(`keyguard: could not comment on the pull request: ${errorMessage(e)}`);
  }
}
