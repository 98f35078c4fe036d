import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import { actionsLogger } from './action/logger.ts';
import { annotateFindings } from './action/annotate.ts';
import { scopeForEvent } from './action/scope.ts';
import { untrustedPullRequest, type PullRequestPayload } from './action/trust.ts';
import { auditCommand, parseAuditFailOn } from './audit/command.ts';
import { auditShouldFail } from './audit/finding.ts';
import { renderAuditJson, renderAuditSarif, renderAuditSummary } from './audit/render.ts';
import type { AuditResult } from './audit/run.ts';
import { loadConfig } from './config.ts';
import type { Report } from './report/aggregate.ts';
import { reportCommand } from './report/command.ts';
import { renderReportJson, renderReportMarkdown } from './report/render.ts';
import { kindLabel } from './detect/index.ts';
import { ConfigurationError, errorMessage } from './errors.ts';
import { fitBody, MAX_SUMMARY_BYTES, moreInReport } from './text/body-limit.ts';
import { createOctokit } from './github/octokit.ts';
import type { Logger } from './logger.ts';
import { renderJson } from './output/json.ts';
import { renderSarif } from './output/sarif.ts';
import { renderSummary } from './output/summary.ts';
import { count } from './text/count.ts';
import { gitNote, printable } from './output/text.ts';
import { writePullRequestComment } from './respond/pr-comment-writer.ts';
import type { RespondSummary } from './respond/respond.ts';
import { runLeakResponse } from './respond/wire.ts';
import { shouldFail, type ScanResult } from './scan/finding.ts';
import { describeCoverage, describeScope, runScan, type ScanScope } from './scan/index.ts';
import { inputName, type ActionInput } from './options.ts';
import { resolveRespondOptions, resolveScanOptions } from './settings.ts';
import { git } from './sources/git.ts';
import { GitHubIssueTracker } from './github/issue-tracker.ts';
import { code, escapeMarkdown } from './text/markdown.ts';
import { aggregateIssues, readScanReports } from './org/aggregate.ts';
import { discover } from './org/discover.ts';
import { parseBatch, readRepositoryList, scanBatch } from './org/batch.ts';
import { OpenAIAdmin } from './openai/admin-client.ts';
import { writeInventoryFile } from './openai/inventory-file.ts';
import { renderWatch, watchCommand } from './watch/command.ts';

const MODES = ['scan', 'audit', 'report', 'discover', 'scan-batch', 'aggregate', 'watch'] as const;

export type ActionResult =
  | { readonly ok: true; readonly mode: 'scan'; readonly result: ScanResult; readonly failed: boolean }
  | { readonly ok: true; readonly mode: 'audit'; readonly audit: AuditResult; readonly failed: boolean }
  | { readonly ok: true; readonly mode: 'report'; readonly report: Report; readonly failed: false }
  | { readonly ok: true; readonly mode: 'discover' | 'scan-batch' | 'aggregate' | 'watch'; readonly failed: boolean }
  | { readonly ok: false; readonly error: string };

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

/** The action: inputs in, outputs, annotations and summary out. The only reader of core.getInput. */
export async function run(): Promise<ActionResult> {
  const logger = actionsLogger();
  try {
    const input = (name: ActionInput) => core.getInput(name) || undefined;
    const mode = input('mode') ?? 'scan';
    if (!(MODES as readonly string[]).includes(mode)) throw new ConfigurationError(`input mode: expected one of ${MODES.join(', ')}, got "${mode}"`);
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const name = inputName;
    if (mode === 'audit') return await runAuditMode(input, workspace, logger);
    if (mode === 'report') return await runReportMode(input, workspace, logger);
    if (mode === 'discover') return await runDiscoverMode(input, logger);
    if (mode === 'scan-batch') return await runScanBatchMode(input, workspace, logger);
    if (mode === 'aggregate') return await runAggregateMode(input, workspace, logger);
    if (mode === 'watch') return await runWatchMode(input, workspace, logger);
    const options = await resolveScanOptions(
      { path: input('path'), config: input('config'), 'fail-on': input('fail-on'), 'max-file-size': input('max-file-size'), 'scan-scope': input('scan-scope') ?? 'auto', baseline: input('baseline') },
      name,
      workspace,
    );
    const untrusted = untrustedPullRequest(context.eventName, context.payload.pull_request as PullRequestPayload | undefined);
    // Fork pull requests get no secrets, so a workflow's `revoke: live` arrives without its admin
    // key there: leak-response settings are not even read, rather than failing every fork PR.
    const respondOptions = untrusted
      ? undefined
      : resolveRespondOptions(
      {
        verify: input('verify'),
        revoke: input('revoke'),
        'dry-run': input('dry-run'),
        issues: input('issues'),
        'issue-repository': input('issue-repository'),
        'issue-labels': input('issue-labels'),
        'issue-assignees': input('issue-assignees'),
        'issue-mention': input('issue-mention'),
        'max-issues': input('max-issues'),
        'openai-base-url': input('openai-base-url'),
        'secret-scanning-alerts': input('secret-scanning-alerts'),
      },
      name,
      { adminKey: input('openai-admin-key'), githubToken: input('github-token') ?? process.env.GITHUB_TOKEN, repository: process.env.GITHUB_REPOSITORY },
      options.config,
      { verify: true },
    );
    if (respondOptions?.adminKey) core.setSecret(respondOptions.adminKey);
    await refusePwnRequest(options.root);

    // Org-wide runs scan another repository than the workflow's own: input repository names it.
    const scanned = input('repository') ?? process.env.GITHUB_REPOSITORY;
    const scannedSha = input('repository') ? await git(options.root, ['rev-parse', 'HEAD']).then((s) => s.trim(), () => undefined) : process.env.GITHUB_SHA || undefined;
    const notes: string[] = [];
    let scope: ScanScope | undefined = options.scope.type === 'event' ? undefined : options.scope;
    if (options.scope.type === 'event') {
      const requested = (input('scan-scope') ?? 'auto') as 'auto' | 'range';
      const choice = await scopeForEvent(requested, context.eventName, context.payload, options.root, logger);
      if (choice.note) notes.push(choice.note);
      if (!choice.scope && requested === 'range') throw new ConfigurationError(choice.note);
      scope = choice.scope;
    }
    // On a runner the clone is actions/checkout's: the history scan fetches what it lacks.
    if (scope?.type === 'history') scope = { ...scope, fetch: true, pullRequests: input('scan-pull-refs') === 'true' };
    let result: ScanResult = scope
      ? await runScan({ root: options.root, config: options.config, scope, baseline: options.baseline }, { logger })
      : { target: options.root, findings: [], skipped: [], stats: { filesScanned: 0, bytesScanned: 0, filesSkipped: 0, allowed: 0, baselined: 0, durationMs: 0 } };
    core.info(`keyguard: scanned the ${scope ? describeScope(scope) : 'nothing'}`);

    // Annotations and SARIF name paths from the repository root, whatever sub-directory was scanned.
    const rel = path.relative(workspace, options.root).split(path.sep).join('/');
    const prefix = rel && !rel.startsWith('..') ? `${rel}/` : '';

    let summary: RespondSummary | undefined;
    if (!respondOptions) {
      if (result.findings.length > 0) notes.push(`Verification, revocation, issues and the pull request comment were skipped: ${untrusted}.`);
    } else {
      const responded = await runLeakResponse(result, respondOptions, {
        logger,
        filter: options,
        repo: { serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com', repository: scanned, sha: scannedSha },
        githubApiUrl: process.env.GITHUB_API_URL || undefined,
        writeIntervalMs: writeInterval(),
      });
      if (responded) {
        result = responded.result;
        summary = responded.summary;
        notes.push(...summary.notes);
      }
      await commentOnPullRequest(result, prefix, input('pr-comment') !== 'false', input('github-token') ?? process.env.GITHUB_TOKEN, logger, notes);
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
          message: `OpenAI ${kindLabel(f.kind)} ${f.redacted} is committed ${inTree ? 'here' : `in ${f.source ? 'a message' : `${f.file}:${f.line}`}`} (fingerprint ${f.fingerprint}${gitNote(f).replace(/^ +/, '; ')}). Revoke it and read the key from a secret instead.`,
          properties: { title: 'Leaked OpenAI key', ...(inTree ? { file: printable(prefix + f.file), startLine: f.line, startColumn: f.column, endColumn: f.endColumn } : {}) },
        };
      }),
    );
    const outDir = process.env.RUNNER_TEMP || os.tmpdir();
    const sarifFile = input('sarif-file') ?? path.join(outDir, 'keyguard.sarif');
    const jsonFile = path.join(outDir, 'keyguard.json');
    await writeFile(sarifFile, renderSarif(result, prefix));
    await writeFile(jsonFile, renderJson(result, summary, scanned));
    for (const what of result.unreadable ?? []) notes.push(`Incomplete: git could not read ${what}.`);
    const scopeText = scope ? `${describeScope(scope)}${result.coverage ? `: ${describeCoverage(result.coverage)}` : ''}` : 'nothing';
    await core.summary.addRaw(fitSummary(renderSummary(result, prefix, scopeText, notes))).write();

    core.setOutput('findings', result.findings.length);
    core.setOutput('keys', new Set(result.findings.map((f) => f.fingerprint)).size);
    core.setOutput('live', summary?.live ?? 0);
    core.setOutput('revoked', summary?.revoked ?? 0);
    core.setOutput('issues-opened', summary?.issuesOpened ?? 0);
    if (summary?.alertsResolved !== undefined) core.setOutput('alerts-resolved', summary.alertsResolved);
    core.setOutput('sarif-file', sarifFile);
    core.setOutput('json-file', jsonFile);
    const failed = shouldFail(result, options.failOn) || (result.unreadable?.length ?? 0) > 0;
    for (const what of result.unreadable ?? []) core.error(`keyguard could not read ${what}; the scan is incomplete.`);
    if (result.unreadable?.length) core.setFailed(`keyguard could not read all of the repository (${count(result.unreadable.length, 'part')}); what it found is reported, the rest was not scanned.`);
    else if (failed) core.setFailed(`keyguard found ${count(result.findings.length, 'OpenAI key finding')}; see the annotations and the job summary.`);
    else core.info(`keyguard: ${count(result.findings.length, 'finding')}.`);
    return { ok: true, mode: 'scan', result, failed };
  } catch (e) {
    const message = e instanceof ConfigurationError ? `${e.message}\nSee the inputs in the README.` : `keyguard failed: ${errorMessage(e)}`;
    core.setFailed(message);
    return { ok: false, error: message };
  }
}

/** `mode: audit`: the repository's key handling, and the organization's keys with an admin key. */
async function runAuditMode(input: (name: ActionInput) => string | undefined, workspace: string, logger: Logger): Promise<ActionResult> {
  const failOn = parseAuditFailOn(input('fail-on'), 'input fail-on');
  const options = await resolveScanOptions({ path: input('path'), config: input('config') }, inputName, workspace);
  const adminKey = input('openai-admin-key');
  if (adminKey) core.setSecret(adminKey);
  const wantIssue = input('issues') === 'true';
  const repository = input('issue-repository') ?? process.env.GITHUB_REPOSITORY;
  const token = input('github-token') ?? process.env.GITHUB_TOKEN;
  if (wantIssue && (!repository || !token)) throw new ConfigurationError('input issues true needs input github-token (issues: write) and a repository');
  const { result, issue } = await auditCommand(
    {
      root: options.root,
      config: options.config,
      adminKey,
      openaiBaseUrl: input('openai-base-url'),
      now: Math.floor(Date.now() / 1000),
      issue: wantIssue ? { token: token!, repository: repository!, apiUrl: process.env.GITHUB_API_URL || undefined, labels: input('issue-labels')?.split(',').map((l) => l.trim()).filter(Boolean) ?? ['keyguard-audit'], writeIntervalMs: writeInterval() } : null,
    },
    logger,
  );
  const rel = path.relative(workspace, options.root).split(path.sep).join('/');
  const prefix = rel && !rel.startsWith('..') ? `${rel}/` : '';
  annotateFindings(
    result.findings.map((f) => ({
      level: f.severity === 'critical' || f.severity === 'high' ? ('error' as const) : f.severity === 'medium' ? ('warning' as const) : ('notice' as const),
      group: f.rule,
      message: `${f.message} Fix: ${f.fix}`,
      properties: { title: `keyguard-audit/${f.rule}`, ...(f.file ? { file: printable(prefix + f.file), startLine: f.line ?? 1 } : {}) },
    })),
  );
  const outDir = process.env.RUNNER_TEMP || os.tmpdir();
  const sarifFile = input('sarif-file') ?? path.join(outDir, 'keyguard-audit.sarif');
  const jsonFile = path.join(outDir, 'keyguard-audit.json');
  await writeFile(sarifFile, renderAuditSarif(result, prefix));
  await writeFile(jsonFile, renderAuditJson(result));
  await core.summary.addRaw(fitSummary(renderAuditSummary(result)) + (issue && issue.action !== 'none' ? `\nAudit issue #${issue.number}: ${issue.action}.\n` : '')).write();
  core.setOutput('findings', result.findings.length);
  core.setOutput('sarif-file', sarifFile);
  core.setOutput('json-file', jsonFile);
  const failed = auditShouldFail(result.findings, failOn);
  if (failed) core.setFailed(`keyguard audit: ${count(result.findings.length, 'finding')}, some at or above ${failOn}; see the job summary.`);
  return { ok: true, mode: 'audit', audit: result, failed };
}

/** `mode: report`: per-project usage and cost for the period, in the job summary and optionally an issue. */
async function runReportMode(input: (name: ActionInput) => string | undefined, workspace: string, logger: Logger): Promise<ActionResult> {
  const { config } = await loadConfig(workspace, input('config') ? path.resolve(workspace, input('config')!) : undefined);
  const wantIssue = input('issues') === 'true';
  const repository = input('issue-repository') ?? process.env.GITHUB_REPOSITORY;
  const token = input('github-token') ?? process.env.GITHUB_TOKEN;
  if (wantIssue && (!repository || !token)) throw new ConfigurationError('input issues true needs input github-token (issues: write) and a repository');
  const { report, requests, issue } = await reportCommand(
    {
      period: input('period'),
      since: input('since'),
      until: input('until'),
      adminKey: input('openai-admin-key'),
      openaiBaseUrl: input('openai-base-url'),
      config,
      now: Math.floor(Date.now() / 1000),
      issue: wantIssue
        ? { token: token!, repository: repository!, apiUrl: process.env.GITHUB_API_URL || undefined, labels: input('issue-labels')?.split(',').map((l) => l.trim()).filter(Boolean) ?? ['keyguard-report'], closePrevious: input('close-previous') === 'true', writeIntervalMs: writeInterval() }
        : null,
    },
    inputName,
    logger,
  );
  const outDir = process.env.RUNNER_TEMP || os.tmpdir();
  const reportFile = path.join(outDir, 'keyguard-report.md');
  const jsonFile = path.join(outDir, 'keyguard-report.json');
  const markdown = renderReportMarkdown(report);
  await writeFile(reportFile, markdown);
  await writeFile(jsonFile, renderReportJson(report));
  await core.summary.addRaw(fitSummary(markdown) + (issue ? `\nReport issue #${issue.number}: ${issue.action}${issue.closedPrevious ? `; closed the previous period's #${issue.closedPrevious}` : ''}.\n` : '')).write();
  core.info(`keyguard: report of ${report.projects.length} projects from ${requests} requests`);
  core.setOutput('cost-usd', report.totals.costUsd.toFixed(2));
  core.setOutput('projects', report.projects.length);
  core.setOutput('report-file', reportFile);
  core.setOutput('json-file', jsonFile);
  if (issue) core.setOutput('issue-number', issue.number);
  return { ok: true, mode: 'report', report, failed: false };
}

/**
 * `mode: discover`: the repositories to scan, written to a file (an org's list outgrows a job
 * output's 1 MB), and one matrix of at most 256 batch jobs (`I/K`) that share them. With an
 * admin key it also saves the organization's key records once for the whole run.
 */
async function runDiscoverMode(input: (name: ActionInput) => string | undefined, logger: Logger): Promise<ActionResult> {
  const org = input('org');
  if (!org || !/^[A-Za-z0-9-]+$/.test(org)) throw new ConfigurationError(`input org: expected an organization login such as acme, got "${org ?? ''}"`);
  const token = input('github-token') ?? process.env.GITHUB_TOKEN;
  if (!token) throw new ConfigurationError('input github-token: discover needs a token that can read the organization (a GitHub App installation token or a fine-grained token)');
  const found = await discover(createOctokit({ token, baseUrl: process.env.GITHUB_API_URL || undefined, logger }), token, { org, includeArchived: input('include-archived') === 'true', includeForks: input('include-forks') === 'true' });
  const outDir = process.env.RUNNER_TEMP || os.tmpdir();
  const listFile = path.join(outDir, 'keyguard-repositories.txt');
  await writeFile(listFile, found.repositories.map((r) => `${r}\n`).join(''));
  const adminKey = input('openai-admin-key');
  if (adminKey) {
    core.setSecret(adminKey);
    const admin = new OpenAIAdmin({ adminKey, baseURL: input('openai-base-url'), logger });
    const inventoryFile = path.join(outDir, 'keyguard-inventory.json');
    const inventory = await admin.inventory();
    await writeInventoryFile(inventoryFile, inventory, Math.floor(Date.now() / 1000));
    core.info(`keyguard: saved the organization's ${inventory.projectKeys.length + inventory.adminKeys.length} key records (${inventory.requests} requests) for the scan jobs`);
    core.setOutput('inventory-file', inventoryFile);
  }
  const batches = Array.from({ length: found.batches }, (_, i) => `${i}/${found.batches}`);
  core.setOutput('matrix', JSON.stringify({ batch: batches }));
  core.setOutput('batches', found.batches);
  core.setOutput('repositories', found.repositories.length);
  core.setOutput('repositories-file', listFile);
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
async function runScanBatchMode(input: (name: ActionInput) => string | undefined, workspace: string, logger: Logger): Promise<ActionResult> {
  const { index, batches } = parseBatch(input('batch'), 'input batch');
  const repositories = await readRepositoryList(path.resolve(workspace, input('repositories-file') ?? 'keyguard-repositories.txt'));
  const { config } = await loadConfig(workspace, input('config') ? path.resolve(workspace, input('config')!) : undefined);
  const inventoryFile = input('inventory-file') ? path.resolve(workspace, input('inventory-file')!) : undefined;
  const respond = {
    ...resolveRespondOptions(
      { verify: input('verify'), revoke: input('revoke'), 'dry-run': input('dry-run'), 'openai-base-url': input('openai-base-url') },
      inputName,
      { adminKey: input('openai-admin-key'), githubToken: undefined, repository: undefined },
      config,
      { verify: true },
    ),
    inventoryFile,
  };
  const outDir = path.resolve(workspace, input('reports') ?? 'keyguard-reports');
  const token = input('github-token') ?? process.env.GITHUB_TOKEN;
  const out = await scanBatch({ repositories, index, batches, serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com', token, outDir, config, respond }, logger);
  core.setOutput('keys', out.keys);
  core.setOutput('reports', outDir);
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
async function runAggregateMode(input: (name: ActionInput) => string | undefined, workspace: string, logger: Logger): Promise<ActionResult> {
  const dir = path.resolve(workspace, input('reports') ?? 'keyguard-reports');
  const { groups, reports } = await readScanReports(dir);
  const { config } = await loadConfig(workspace, input('config') ? path.resolve(workspace, input('config')!) : undefined);
  const respondOptions = resolveRespondOptions(
    { issues: 'true', verify: 'false', 'issue-repository': input('issue-repository'), 'issue-labels': input('issue-labels'), 'issue-assignees': input('issue-assignees'), 'issue-mention': input('issue-mention'), 'max-issues': input('max-issues') },
    inputName,
    { adminKey: undefined, githubToken: input('github-token') ?? process.env.GITHUB_TOKEN, repository: process.env.GITHUB_REPOSITORY },
    config,
    { verify: false },
  );
  const issues = respondOptions.issues!;
  const [owner, repo] = issues.repository.split('/') as [string, string];
  const tracker = new GitHubIssueTracker(createOctokit({ token: issues.token, baseUrl: process.env.GITHUB_API_URL || undefined, logger, writeIntervalMs: writeInterval() }), { owner, repo }, issues.labels[0]!);
  const out = await aggregateIssues(groups, tracker, { ...issues, repo: { serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com', repository: undefined, sha: undefined } }, logger);
  core.setOutput('keys', groups.length);
  core.setOutput('issues-opened', out.opened);
  await core.summary.addRaw(`## keyguard aggregate\n\n${reports} scan reports, ${groups.length} distinct leaked keys: ${out.opened} issues opened, ${out.updated} updated${out.deferred ? `, ${out.deferred} deferred to the next run` : ''}.\n`).write();
  return { ok: true, mode: 'aggregate', failed: false };
}

/** `mode: watch`: revisits keyguard's open leak issues from their record ids; writes only what is new. */
async function runWatchMode(input: (name: ActionInput) => string | undefined, workspace: string, logger: Logger): Promise<ActionResult> {
  const { config } = await loadConfig(workspace, input('config') ? path.resolve(workspace, input('config')!) : undefined);
  const repository = input('issue-repository') ?? process.env.GITHUB_REPOSITORY;
  const { outcomes, requests } = await watchCommand(
    {
      adminKey: input('openai-admin-key'),
      openaiBaseUrl: input('openai-base-url'),
      token: input('github-token') ?? process.env.GITHUB_TOKEN,
      repository,
      apiUrl: process.env.GITHUB_API_URL || undefined,
      labels: input('issue-labels')?.split(',').map((l) => l.trim()).filter(Boolean),
      mention: input('issue-mention'),
      quietDays: input('quiet-days'),
      config,
      writeIntervalMs: writeInterval(),
    },
    inputName,
    logger,
  );
  await core.summary.addRaw(fitSummary(renderWatch(outcomes, repository!))).write();
  core.info(`keyguard: watched ${count(outcomes.length, 'open leak issue')} with ${count(requests, 'OpenAI request')}`);
  core.setOutput('watched', outcomes.length);
  core.setOutput('used', outcomes.filter((o) => o.type === 'used').length);
  core.setOutput('closable', outcomes.filter((o) => 'watch' in o && o.watch.closable).length);
  return { ok: true, mode: 'watch', failed: false };
}

/** The job summary within GitHub's 1 MiB; the JSON report and SARIF file hold every row. */
const fitSummary = (markdown: string) => fitBody(markdown, { limit: MAX_SUMMARY_BYTES - 4096, size: (s) => Buffer.byteLength(s), more: (n) => moreInReport(n) });

/** GitHub asks for ~1 s between writes; only runs against the loopback fakes shorten it. */
function writeInterval(): number | undefined {
  const v = Number(process.env.KEYGUARD_GITHUB_WRITE_INTERVAL_MS);
  return Number.isFinite(v) && v >= 0 && process.env.KEYGUARD_GITHUB_WRITE_INTERVAL_MS ? v : undefined;
}

/** On a pull request: one comment, created when keys are found and updated in place after. */
async function commentOnPullRequest(result: ScanResult, prefix: string, enabled: boolean, token: string | undefined, logger: Logger, notes: string[]): Promise<void> {
  const pr = context.payload.pull_request as PullRequestPayload | undefined;
  if (!enabled || context.eventName !== 'pull_request' || !pr?.number || !token || !process.env.GITHUB_REPOSITORY) return;
  try {
    await writePullRequestComment(result, prefix, { repository: process.env.GITHUB_REPOSITORY, pullNumber: pr.number, token, apiUrl: process.env.GITHUB_API_URL || undefined, writeIntervalMs: writeInterval() }, logger);
  } catch (e) {
    // A token without pull-requests: write cannot comment; the check and annotations still say it all.
    notes.push(`The pull request comment could not be written: ${errorMessage(e)}`);
    logger.warning(`keyguard: could not comment on the pull request: ${errorMessage(e)}`);
  }
}
