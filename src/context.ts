// The surroundings every command runs in, read once per entry: the credentials, the repository
// and the APIs. The action builds it from its inputs and the runner's variables, the CLI from the
// variables alone (credentials never come from flags); commands read it, never process.env.
import os from 'node:os';
import { ConfigurationError } from './errors.ts';
import type { GitHubClient } from './github/octokit.ts';
import type { Logger } from './logger.ts';
import type { Namer } from './options.ts';

export interface Context {
  /** The directory relative paths start from: the workspace on a runner, else the current one. */
  readonly cwd: string;
  /** OpenAI admin key: matching, revocation, the organization audit, reports, the watch. */
  readonly adminKey: string | undefined;
  readonly githubToken: string | undefined;
  /** `owner/name` of the repository the run belongs to (GITHUB_REPOSITORY). */
  readonly repository: string | undefined;
  readonly sha: string | undefined;
  readonly serverUrl: string;
  readonly githubApiUrl: string | undefined;
  /** Pause between GitHub writes; undefined is GitHub's advice (about a second). */
  readonly writeIntervalMs: number | undefined;
  readonly logger: Logger;
  /** Where the action writes its report files (RUNNER_TEMP). */
  readonly tempDir: string;
  /** Seconds since the epoch, read once per command. */
  readonly now: () => number;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The context from the environment. The admin key is the entry's to give (a variable for the CLI,
 * an input for the action, which never reads OPENAI_ADMIN_KEY); a given GitHub token wins over
 * GITHUB_TOKEN.
 */
export function contextFrom(env: Env, given: { cwd: string; logger: Logger; adminKey: string | undefined; githubToken?: string }): Context {
  const v = (name: string) => env[name] || undefined;
  return {
    cwd: given.cwd,
    adminKey: given.adminKey,
    githubToken: given.githubToken ?? v('GITHUB_TOKEN'),
    repository: v('GITHUB_REPOSITORY'),
    sha: v('GITHUB_SHA'),
    serverUrl: v('GITHUB_SERVER_URL') ?? 'https://github.com',
    githubApiUrl: v('GITHUB_API_URL'),
    writeIntervalMs: writeInterval(v('KEYGUARD_GITHUB_WRITE_INTERVAL_MS')),
    tempDir: v('RUNNER_TEMP') ?? os.tmpdir(),
    logger: given.logger,
    now: () => Math.floor(Date.now() / 1000),
  };
}

/** GitHub asks for ~1 s between writes; only runs against the loopback fakes shorten it. */
function writeInterval(raw: string | undefined): number | undefined {
  const v = Number(raw);
  return raw && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/**
 * A GitHub client at the context's API. Loaded on demand: a plain
 * scan never needs octokit, and not loading it halves the CLI's start-up.
 */
export async function githubClient(ctx: Context, token: string): Promise<GitHubClient> {
  const { createOctokit } = await import('./github/octokit.ts');
  return createOctokit({ token, baseUrl: ctx.githubApiUrl, logger: ctx.logger, writeIntervalMs: ctx.writeIntervalMs });
}

/** A repository an issue goes to, and the token that writes there. */
export interface IssueTarget {
  readonly repository: string;
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
}

/**
 * Where a command's issue goes: the given repository, else the context's, written with the
 * context's token. Checked before any work, naming each missing part as the user sets it.
 */
export function issueTarget(ctx: Context, given: string | undefined, name: Namer, what: string): IssueTarget {
  const repository = given?.trim() || ctx.repository;
  if (!repository || !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository)) throw new ConfigurationError(`${name('issue-repository')}: expected owner/name, got "${repository ?? ''}"`);
  if (!ctx.githubToken) throw new ConfigurationError(`${what} needs a GitHub token with issues: write (${name('github-token')})`);
  const [owner, repo] = repository.split('/') as [string, string];
  return { repository, owner, repo, token: ctx.githubToken };
}
