import { writeFile } from 'node:fs/promises';
import { ConfigurationError, errorMessage } from './errors.ts';
import { consoleLogger } from './logger.ts';
import { chooseFormat, render } from './output/formats.ts';
import { count } from './text/count.ts';
import { shouldFail } from './scan/finding.ts';
import { scanCommand } from './scan/command.ts';
import { isScopeType, scopeReads, type ScopeType } from './scan/index.ts';
import { given, parseCommandLine } from './cli/args.ts';
import { cliContext, emit, type CliContext } from './cli/context.ts';
import { commandHelp, globalHelp } from './cli/help.ts';
import { cliName, COMMANDS, FLAGS, type CommandName, type OptionValues } from './options.ts';
import { resolveRespondOptions, resolveScanOptions, resolveTargets, responds } from './settings.ts';
import { headCommit } from './sources/git.ts';
import pkg from '../package.json' with { type: 'json' };

/** Runs the CLI; returns the exit code. Streams are parameters so tests can run it in-process. */
export async function main(argv: string[], stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Promise<number> {
  const logger = consoleLogger(stderr);
  try {
    const invocation = parseCommandLine(argv);
    if (invocation.type === 'version') {
      stdout.write(`${pkg.version}\n`);
      return 0;
    }
    if (invocation.type === 'help') {
      // Bare `keyguard` is a usage error that shows the commands; asking for help is not.
      (argv.length ? stdout : stderr).write(invocation.command ? commandHelp(invocation.command) : globalHelp(pkg.version));
      return argv.length ? 0 : 2;
    }
    return await HANDLERS[invocation.command](invocation.values, invocation.positionals, stdout, cliContext(logger));
  } catch (e) {
    logger.error(`${errorMessage(e)}${e instanceof ConfigurationError ? `\nRun keyguard help${named(argv)} for usage.` : ''}`);
    return 2;
  }
}

type Handler = (values: OptionValues, positionals: readonly string[], stdout: NodeJS.WritableStream, ctx: CliContext) => Promise<number>;

// The other commands load the OpenAI and GitHub clients; a plain scan (a pre-commit hook)
// starts without them, which halves its start-up time.
const commands = () => import('./cli-commands.ts');

/** One handler per command of the option table: a command added there does not compile without one. */
const HANDLERS: Record<CommandName, Handler> = {
  scan,
  audit: async (values, [target], stdout, ctx) => (await commands()).audit(values, target, stdout, ctx),
  report: async (values, _, stdout, ctx) => (await commands()).report(values, stdout, ctx),
  discover: async (values, _, stdout, ctx) => (await commands()).discoverCommand(values, stdout, ctx),
  'scan-batch': async (values, [list], _, ctx) => (await commands()).scanBatchCommand(values, list!, ctx),
  aggregate: async (values, [dir], stdout, ctx) => (await commands()).aggregateCommand(values, dir!, stdout, ctx),
  watch: async (values, _, stdout, ctx) => (await commands()).watch(values, stdout, ctx),
};

/** `keyguard scan [PATH...]`: the working tree, files, a range, staged changes or the history; then the leak response. */
async function scan(values: OptionValues, positionals: readonly string[], stdout: NodeJS.WritableStream, ctx: CliContext): Promise<number> {
  const { logger } = ctx;
  const format = chooseFormat('scan', values.format, cliName);
  const scope = chosenScope(values);
  const { root, files } = await resolveTargets(positionals, ctx.cwd);
  const reads = scopeReads(scope);
  if (files && reads) throw new ConfigurationError(`--${scope} reads ${reads}: give it a directory PATH, not file names`);
  const { output, config, range, baseline } = values;
  const options = await resolveScanOptions(
    { output, config, range, baseline, 'fail-on': values['fail-on'], 'max-file-size': values['max-file-size'], 'write-baseline': values['write-baseline'], 'scan-scope': scope, path: root },
    cliName,
    ctx.cwd,
  );
  if (options.scope.type === 'event') throw new ConfigurationError('--range needs a range such as main..HEAD');
  const respond = resolveRespondOptions(
    given(values, 'verify', 'revoke', 'dry-run', 'issues', 'openai-base-url', 'secret-scanning-alerts'),
    cliName,
    ctx,
    options.config,
    { verify: false },
  );
  // Settings are all checked before the scan: a typo fails at once, not after an hour of history.
  const gitScope = options.scope.type === 'history' ? { ...options.scope, fetch: values.fetch === true, pullRequests: values['pull-refs'] === true } : options.scope;
  if (values['pull-refs'] && !values.fetch) throw new ConfigurationError('--pull-refs goes with --history --fetch: pull request heads are fetched from origin');
  if (values.fetch && scope !== 'history') throw new ConfigurationError('--fetch goes with --history');
  const { result, summary } = await scanCommand(
    { root: options.root, config: options.config, scope: gitScope, baseline: options.baseline, files, respond, repository: ctx.repository, sha: responds(respond) ? (ctx.sha ?? (await headCommit(options.root))) : undefined },
    ctx,
  );
  for (const note of summary?.notes ?? []) logger.warning(note);
  if (options.writeBaseline) {
    const { renderBaseline } = await import('./scan/baseline.ts');
    await writeFile(options.writeBaseline, renderBaseline(result));
    logger.info(`keyguard: baseline of ${count(new Set(result.findings.map((f) => f.fingerprint)).size, 'key')} written to ${options.writeBaseline}`);
  }
  const written = await emit(await render(format, { result, summary, repository: ctx.repository }), options.output, stdout, logger);
  if (written) logger.info(`keyguard: ${count(result.findings.length, 'finding')} in ${result.stats.commitsScanned !== undefined ? count(result.stats.commitsScanned, 'commit') : count(result.stats.filesScanned, 'file')}; report written to ${written}`);
  // What was found is written above; a scan that could not read everything is still an error.
  for (const what of result.unreadable ?? []) logger.error(`keyguard: could not read ${what}`);
  if (result.unreadable?.length) return 2;
  // Recording a baseline is the point of that run, not a failure.
  return !options.writeBaseline && shouldFail(result, options.failOn) ? 1 : 0;
}

/**
 * The scope a scan's flags select: the scope-group flag given (the parser refused two), which is
 * named like its scope type; none is the working tree.
 */
export function chosenScope(values: OptionValues): ScopeType {
  const flag = FLAGS.find((o) => o.group === 'scope' && (values as Record<string, unknown>)[o.flag] !== undefined)?.flag ?? 'worktree';
  // A scope flag without a registered source is a bug in the option table, caught by the test over every scope flag.
  if (!isScopeType(flag)) throw new Error(`--${flag} is a scope flag, but no finding source has the scope "${flag}"`);
  return flag;
}

const named = (argv: readonly string[]) => {
  const command = argv.find((a) => (COMMANDS as readonly string[]).includes(a));
  return command ? ` ${command}` : '';
};
