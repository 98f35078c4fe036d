#!/usr/bin/env node
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError, errorMessage } from './errors.ts';
import { consoleLogger } from './logger.ts';
import { renderJson } from './output/json.ts';
import { renderSarif } from './output/sarif.ts';
import { renderText } from './output/text.ts';
import { shouldFail } from './scan/finding.ts';
import { renderBaseline } from './scan/baseline.ts';
import { runScan } from './scan/index.ts';
import { resolveRespondOptions, resolveScanOptions } from './settings.ts';
import { git } from './sources/git.ts';
import pkg from '../package.json' with { type: 'json' };

const USAGE = `keyguard ${pkg.version}: find leaked OpenAI API keys

Usage:
  keyguard scan [PATH] [--history | --range A..B | --staged] [options]
  keyguard audit [PATH] [--format text|json|sarif] [--output FILE] [--fail-on none|any|critical|high|medium|low] [--issues]
  keyguard report [--period day|week|month | --since DATE --until DATE] [--format markdown|json] [--output FILE] [--issue [--close-previous]]
  keyguard discover --org NAME [--include-archived] [--include-forks] [--output LIST]
  keyguard scan-batch LIST --batch I/K [--output DIR] [--verify] [--revoke off|live] [--dry-run] [--inventory FILE]
                      [--openai-base-url URL]
  keyguard aggregate DIR [--issues]
  keyguard watch [--quiet-days N] [--openai-base-url URL]

What to scan (default: the files of the working tree):
  --history                  every commit reachable from any ref
  --range A..B               what the commits of A..B add (A.. means up to HEAD)
  --staged                   what git diff --cached adds (for a pre-commit hook)

Options:
  --format text|json|sarif   output format (default text)
  --output FILE              write the report to FILE instead of stdout
  --fail-on none|any         exit 1 when keys are found (default any)
  --config FILE              config file (default PATH/.keyguard.yml)
  --max-file-size SIZE       skip larger files, e.g. 10MiB (default from config, 10MiB)
  --baseline FILE            do not report keys recorded in FILE
  --verify                   check whether each key found is live (GET /v1/models; no tokens spent)
  --revoke off|live          live: revoke, through the OpenAI admin key in OPENAI_ADMIN_KEY, each
                             key found live and proven to be one exact record (default off)
  --dry-run                  with --revoke, say what would be revoked and revoke nothing
  --issues                   open one GitHub issue per key in GITHUB_REPOSITORY (token: GITHUB_TOKEN)
  --secret-scanning-alerts   also respond to GITHUB_REPOSITORY's open GitHub secret scanning alerts for
                             OpenAI keys (token: GITHUB_TOKEN, secret scanning alerts permission)
  --write-baseline FILE      record the keys found (fingerprints, never keys) in FILE
  --openai-base-url URL      OpenAI API base URL (default https://api.openai.com/v1; the
                             OPENAI_BASE_URL variable is ignored: found keys go nowhere else)
  -h, --help                 this help
  -v, --version              the version

audit checks how the repository handles keys (literal keys, clients given literals, tracked .env
files, .gitignore, workflows) and, with OPENAI_ADMIN_KEY, the organization's keys (age, use,
owners, projects, admin keys). Its --fail-on defaults to high.

discover lists an organization's repositories (with an App installation token, those the installation
can reach) and splits them into at most 256 batches; scan-batch clones and scans batch I of K of the
list, one JSON report per repository; aggregate files one issue per key, in GITHUB_REPOSITORY, from
those reports.

watch revisits the open leak issues keyguard wrote in GITHUB_REPOSITORY (GITHUB_TOKEN, OPENAI_ADMIN_KEY):
whether each key record still exists, its last use and usage since the last check; it comments when
a key was used and says when a revoked key has been quiet --quiet-days days (default 30).

report reads per-project usage and cost (OPENAI_ADMIN_KEY) for the last full UTC day, week
(default) or month, or --since/--until (until exclusive), against the period before.

Exit codes: 0 nothing to fail on, 1 findings at or above --fail-on, 2 usage, config or runtime error.
`;

/** Runs the CLI; returns the exit code. Streams are parameters so tests can run it in-process. */
export async function main(argv: string[], stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Promise<number> {
  const logger = consoleLogger(stderr);
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string' },
        'fail-on': { type: 'string' },
        config: { type: 'string' },
        'max-file-size': { type: 'string' },
        history: { type: 'boolean' },
        range: { type: 'string' },
        staged: { type: 'boolean' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        verify: { type: 'boolean' },
        revoke: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'openai-base-url': { type: 'string' },
        issues: { type: 'boolean' },
        issue: { type: 'boolean' },
        period: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        'close-previous': { type: 'boolean' },
        org: { type: 'string' },
        'include-archived': { type: 'boolean' },
        'include-forks': { type: 'boolean' },
        batch: { type: 'string' },
        inventory: { type: 'string' },
        'quiet-days': { type: 'string' },
        'secret-scanning-alerts': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    if (values.version) {
      stdout.write(`${pkg.version}\n`);
      return 0;
    }
    const [command, target, ...extra] = positionals;
    if (values.help || !command) {
      (values.help ? stdout : stderr).write(USAGE);
      return values.help ? 0 : 2;
    }
    if (extra.length > 0) throw new ConfigurationError(`unexpected argument "${extra[0]}": ${command} takes one PATH`);
    // The other commands load the OpenAI and GitHub clients; a plain scan (a pre-commit hook)
    // starts without them, which halves its start-up time.
    if (command === 'audit') return await (await import('./cli-commands.ts')).audit(values, target, stdout, logger);
    if (command === 'report') return await (await import('./cli-commands.ts')).report(values, target, stdout, logger);
    if (command === 'discover') return await (await import('./cli-commands.ts')).discoverCommand(values, target, stdout);
    if (command === 'scan-batch') return await (await import('./cli-commands.ts')).scanBatchCommand(values, target, logger);
    if (command === 'aggregate') return await (await import('./cli-commands.ts')).aggregateCommand(values, target, stdout, logger);
    if (command === 'watch') return await (await import('./cli-commands.ts')).watch(values, target, stdout, logger);
    if (command !== 'scan') throw new ConfigurationError(`unknown command "${command}" (expected: scan, audit, report, discover, scan-batch, aggregate, watch)`);
    const scopes = (['history', 'range', 'staged'] as const).filter((k) => values[k] !== undefined && values[k] !== false);
    if (scopes.length > 1) throw new ConfigurationError(`--${scopes[0]} and --${scopes[1]} cannot be combined: choose one scope`);
    const { format, output, config, range, baseline } = values;
    const options = await resolveScanOptions(
      { format, output, config, range, baseline, 'fail-on': values['fail-on'], 'max-file-size': values['max-file-size'], 'write-baseline': values['write-baseline'], 'scan-scope': scopes[0] ?? 'worktree', path: target },
      (k) => `--${k}`,
    );
    const st = await stat(options.root).catch(() => undefined);
    if (!st?.isDirectory()) throw new ConfigurationError(`PATH ${target ?? '.'} is not a directory`);

    if (options.scope.type === 'event') throw new ConfigurationError('--range needs a range such as main..HEAD');
    let result = await runScan({ root: options.root, config: options.config, scope: options.scope, baseline: options.baseline }, { logger });
    const respondOptions = resolveRespondOptions(
      { verify: String(values.verify ?? false), revoke: values.revoke, 'dry-run': String(values['dry-run'] ?? false), issues: String(values.issues ?? false), 'openai-base-url': values['openai-base-url'], 'secret-scanning-alerts': String(values['secret-scanning-alerts'] ?? false) },
      (k) => `--${k}`,
      { adminKey: process.env.OPENAI_ADMIN_KEY || undefined, githubToken: process.env.GITHUB_TOKEN || undefined, repository: process.env.GITHUB_REPOSITORY || undefined },
      options.config,
      { verify: false },
    );
    const responding = respondOptions.verify || respondOptions.adminKey !== undefined || respondOptions.issues !== null || !!respondOptions.alerts;
    const responded = !responding
      ? undefined
      : await (await import('./respond/wire.ts')).runLeakResponse(result, respondOptions, {
      logger,
      repo: { serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com', repository: process.env.GITHUB_REPOSITORY || undefined, sha: process.env.GITHUB_SHA || (await headSha(options.root)) },
      githubApiUrl: process.env.GITHUB_API_URL || undefined,
    });
    if (responded) {
      result = responded.result;
      for (const note of responded.summary.notes) logger.warning(note);
    }
    if (options.writeBaseline) {
      await writeFile(options.writeBaseline, renderBaseline(result));
      logger.info(`keyguard: baseline of ${new Set(result.findings.map((f) => f.fingerprint)).size} keys written to ${options.writeBaseline}`);
    }
    const rendered = options.format === 'json' ? renderJson(result, responded?.summary) : options.format === 'sarif' ? renderSarif(result) : renderText(result);
    if (options.output) {
      await mkdir(path.dirname(path.resolve(options.output)), { recursive: true });
      await writeFile(options.output, rendered);
      logger.info(`keyguard: ${result.findings.length} findings in ${result.stats.filesScanned} files; report written to ${options.output}`);
    } else {
      stdout.write(rendered);
    }
    // Recording a baseline is the point of that run, not a failure.
    return !options.writeBaseline && shouldFail(result, options.failOn) ? 1 : 0;
  } catch (e) {
    const usage = e instanceof ConfigurationError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    logger.error(`${errorMessage(e)}${usage ? '\nRun keyguard --help for usage.' : ''}`);
    return 2;
  }
}

async function headSha(root: string): Promise<string | undefined> {
  try {
    return (await git(root, ['rev-parse', 'HEAD'])).trim();
  } catch {
    return undefined;
  }
}

// Run only as the entry, not when imported by tests.
if (process.argv[1] && /(?:cli\.ts|cli[/\\]index\.js|keyguard)$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`keyguard: internal error: ${errorMessage(e)}\n`);
      process.exitCode = 2;
    },
  );
}
