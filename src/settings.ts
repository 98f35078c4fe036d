import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, type Config } from './config.ts';
import { ConfigurationError } from './errors.ts';
import type { Namer } from './options.ts';
import type { FailOn } from './scan/finding.ts';
import { SCOPE_TYPES, type ScanScope } from './scan/index.ts';
import { git } from './sources/git.ts';
import { parseByteSize } from './text/byte-size.ts';

/** Raw options as strings, from action inputs or CLI flags; empty means not given. */
export type RawOptions = Record<string, string | undefined>;

/** Everything a scan run needs, validated: built once per entry, from inputs or flags. */
export interface ScanOptions {
  /** Absolute directory to scan. */
  readonly root: string;
  readonly output: string | undefined;
  readonly failOn: FailOn;
  readonly config: Config;
  readonly configFile: string | undefined;
  /** `event`: the action derives the scope from the triggering event (push and pull_request ranges). */
  readonly scope: ScanScope | { readonly type: 'event' };
  readonly baseline: ReadonlySet<string> | undefined;
  /** The size limit given as a flag or input (it wins over the config file's). */
  readonly maxFileSizeInput: number | undefined;
  /** The baseline's file, when there is one (absolute). */
  readonly baselineFile: string | undefined;
  /** Write the fingerprints of what is found to this file. */
  readonly writeBaseline: string | undefined;
}

/** `A..B`, `A..` (up to HEAD), `..B`, or `A...B` (from the merge base of A and B to B); the two ends of a range. */
export function parseRange(text: string, name: string): { base: string | undefined; head: string; mergeBase: boolean } {
  const m = /^([^.\s](?:[^\s]*?[^.\s])?)?(\.\.\.?)([^.\s][^\s]*)?$/.exec(text.trim());
  if (!m || (!m[1] && !m[3]) || (m[2] === '...' && !m[1])) throw new ConfigurationError(`${name}: expected a commit range such as main..HEAD, abc123..def456 or main...feature, got "${text}"`);
  return { base: m[1], head: m[3] ?? 'HEAD', mergeBase: m[2] === '...' };
}

/** As git reads `A...B` for a pull request: what B adds since it branched from A. */
async function rangeBase(root: string, range: ReturnType<typeof parseRange>, name: string): Promise<string | undefined> {
  if (!range.mergeBase) return range.base;
  try {
    return (await git(root, ['merge-base', range.base!, range.head])).trim();
  } catch {
    throw new ConfigurationError(`${name}: ${range.base} and ${range.head} have no merge base in ${root} (is each a commit, and the clone deep enough?)`);
  }
}

/**
 * PATH arguments: one directory, or file names (pre-commit frameworks pass the files to check),
 * which are scanned from the current directory.
 */
export async function resolveTargets(paths: readonly string[], cwd: string): Promise<{ root: string; files: readonly string[] | undefined }> {
  const given = paths.length ? paths : ['.'];
  const found = await Promise.all(given.map(async (p) => ({ p, st: await stat(path.resolve(cwd, p)).catch(() => undefined) })));
  const missing = found.find((f) => !f.st);
  if (missing) throw new ConfigurationError(`PATH ${missing.p} does not exist`);
  const dir = found.find((f) => f.st!.isDirectory());
  if (!dir) return { root: cwd, files: given.map((p) => path.relative(cwd, path.resolve(cwd, p)).split(path.sep).join('/')) };
  if (given.length > 1) throw new ConfigurationError(`PATH ${dir.p} is a directory: give one directory, or only file names`);
  return { root: path.resolve(cwd, dir.p), files: undefined };
}

const oneOf =
  <T extends string>(...values: T[]) =>
  (v: string): T | undefined =>
    (values as string[]).includes(v) ? (v as T) : undefined;

// Checked by hand, not with zod: a plain scan loads no schema library (src/config.ts).
const fields = {
  'fail-on': { parse: oneOf('none', 'any'), fallback: 'any', expected: 'one of none, any' },
  // A bare number from a flag or an input was meant in MB more often than in bytes: a unit is required.
  'max-file-size': {
    parse: (v: string) => {
      const bytes = /[a-z]\s*$/i.test(v) ? parseByteSize(v) : undefined;
      return bytes !== undefined && bytes > 0 ? bytes : undefined;
    },
    fallback: undefined,
    expected: 'a size with a unit, at least one byte, such as 500KB or 10MiB',
  },
  // The registered scope types, so a new finding source is a scan-scope value without an edit here.
  'scan-scope': { parse: oneOf('auto', ...SCOPE_TYPES), fallback: 'worktree', expected: `one of ${['auto', ...SCOPE_TYPES].join(', ')}` },
} as const;

type Field<K extends keyof typeof fields> = NonNullable<ReturnType<(typeof fields)[K]['parse']>> | (typeof fields)[K]['fallback'];

/** Validates one raw option; the error names it the way the user wrote it (`--fail-on`, input `fail-on`). */
function field<K extends keyof typeof fields>(raw: RawOptions, key: K, name: Namer): Field<K> {
  const value = raw[key]?.trim() || undefined;
  if (value === undefined) return fields[key].fallback;
  const parsed = fields[key].parse(value) as Field<K> | undefined;
  if (parsed !== undefined) return parsed;
  throw new ConfigurationError(`${name(key)}: expected ${fields[key].expected}, got "${value}"`);
}

export async function resolveScanOptions(raw: RawOptions, name: Namer, cwd = process.cwd()): Promise<ScanOptions> {
  const failOn = field(raw, 'fail-on', name);
  const maxFileSize = field(raw, 'max-file-size', name);
  const root = path.resolve(cwd, raw.path?.trim() || '.');
  const { config, file } = await loadConfig(root, raw.config?.trim() ? path.resolve(cwd, raw.config.trim()) : undefined);
  const scopeName = field(raw, 'scan-scope', name);
  const range = scopeName === 'range' && raw.range?.trim() ? parseRange(raw.range, name('range')) : undefined;
  const scope: ScanOptions['scope'] =
    scopeName === 'auto' || (scopeName === 'range' && !range)
      ? { type: 'event' }
      : range
        ? { type: 'range', base: await rangeBase(root, range, name('range')), head: range.head }
        : ({ type: scopeName } as ScanScope);
  const writeBaseline = raw['write-baseline']?.trim() || undefined;
  // The baseline: the flag or input wins; else `baseline:` in the config, relative to that file.
  const baselinePath = raw.baseline?.trim() ? path.resolve(cwd, raw.baseline.trim()) : config.baseline && file ? path.resolve(path.dirname(file), config.baseline) : undefined;
  const baselineShown = raw.baseline?.trim() || config.baseline;
  // Writing a baseline records everything found today, so an older baseline must not hide keys.
  const baseline = baselinePath && !writeBaseline ? await (await import('./scan/baseline.ts')).readBaseline(baselinePath, baselineShown) : undefined;
  return {
    root,
    output: raw.output?.trim() || undefined,
    failOn,
    config: maxFileSize === undefined ? config : { ...config, scan: { ...config.scan, maxFileSize } },
    configFile: file,
    scope,
    baseline,
    baselineFile: baselinePath,
    maxFileSizeInput: maxFileSize,
    writeBaseline,
  };
}

export type RevokePolicy = 'off' | 'live';

/** Leak response settings: what to do about what a scan found. */
export interface RespondOptions {
  readonly verify: boolean;
  readonly revoke: RevokePolicy;
  readonly dryRun: boolean;
  /** OpenAI admin key (`OPENAI_ADMIN_KEY`): matching found keys to projects, and revocation. */
  readonly adminKey: string | undefined;
  readonly openaiBaseUrl: string | undefined;
  /** The org-wide run's saved inventory (discover wrote it), read instead of the organization when nothing is revoked. */
  readonly inventoryFile?: string;
  readonly issues: { readonly repository: string; readonly token: string; readonly labels: readonly string[]; readonly assignees: readonly string[]; readonly mention: string | undefined; readonly maxNew: number } | null;
  /** Also respond to the repository's GitHub secret scanning alerts for OpenAI keys. */
  readonly alerts?: { readonly repository: string; readonly token: string } | null;
}

/** Whether the options ask for any leak response at all (else the scan is all there is). */
export const responds = (o: RespondOptions): boolean => o.verify || o.adminKey !== undefined || o.inventoryFile !== undefined || o.issues !== null || o.alerts != null;

const bool = (raw: string | undefined, name: string, fallback: boolean): boolean => {
  const v = raw?.trim().toLowerCase();
  if (!v) return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new ConfigurationError(`${name}: expected true or false, got "${raw}"`);
};

const list = (raw: string | undefined) =>
  raw
    ?.split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Validates leak-response options. Combinations that cannot work fail here, with one message:
 * revocation without an admin key, issues without a token or repository.
 */
export function resolveRespondOptions(
  raw: RawOptions,
  name: Namer,
  secrets: { adminKey: string | undefined; githubToken: string | undefined; repository: string | undefined },
  config: Config,
  defaults: { verify: boolean },
): RespondOptions {
  const revoke = (raw.revoke?.trim() || 'off') as RevokePolicy;
  if (revoke === ('all' as string)) {
    throw new ConfigurationError(
      `${name('revoke', 'all')} was removed: it revoked keys that were not proven live or to be this organization's (a made-up key ending like a real one got the real one deleted). Use ${name('revoke', 'live')}: keyguard revokes a key only when it is live and proven to be one exact record of the organization.`,
    );
  }
  if (!['off', 'live'].includes(revoke)) throw new ConfigurationError(`${name('revoke')}: expected one of off, live, got "${raw.revoke}"`);
  const verify = bool(raw.verify, name('verify'), defaults.verify);
  const dryRun = bool(raw['dry-run'], name('dry-run'), false);
  const wantIssues = bool(raw.issues, name('issues'), false);
  if (revoke !== 'off' && !secrets.adminKey) {
    throw new ConfigurationError(`${name('revoke', revoke)} needs an OpenAI admin key (${name('openai-admin-key')}): revocation goes through the organization API`);
  }
  if (revoke === 'live' && !verify) throw new ConfigurationError(`${name('revoke', 'live')} needs ${name('verify', 'true')}: only keys found live are revoked`);
  if (dryRun && revoke === 'off') throw new ConfigurationError(`${name('dry-run', 'true')} needs ${name('revoke', 'live')}: without revocation there is nothing to rehearse`);
  let issues: RespondOptions['issues'] = null;
  if (wantIssues) {
    const repository = raw['issue-repository']?.trim() || secrets.repository;
    if (!repository || !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository)) throw new ConfigurationError(`${name('issue-repository')}: expected owner/name, got "${repository ?? ''}"`);
    if (!secrets.githubToken) throw new ConfigurationError(`${name('issues', 'true')} needs a GitHub token with issues: write (${name('github-token')})`);
    const mention = raw['issue-mention']?.trim() || config.issues.mention;
    if (mention && !/^@[A-Za-z0-9-]+(\/[A-Za-z0-9._-]+)?$/.test(mention)) throw new ConfigurationError(`${name('issue-mention')}: expected @user or @org/team, got "${mention}"`);
    const max = raw['max-issues']?.trim() ? Number(raw['max-issues']) : config.issues.maxPerRun;
    if (!Number.isInteger(max) || max < 1 || max > 100) throw new ConfigurationError(`${name('max-issues')}: expected a whole number from 1 to 100, got "${raw['max-issues']}"`);
    issues = {
      repository,
      token: secrets.githubToken,
      labels: list(raw['issue-labels']) ?? config.issues.labels,
      assignees: list(raw['issue-assignees']) ?? config.issues.assignees,
      mention,
      maxNew: max,
    };
  }
  let alerts: RespondOptions['alerts'] = null;
  if (bool(raw['secret-scanning-alerts'], name('secret-scanning-alerts'), false)) {
    const repository = secrets.repository;
    if (!repository || !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository)) throw new ConfigurationError(`${name('secret-scanning-alerts', 'true')} needs the repository (GITHUB_REPOSITORY), got "${repository ?? ''}"`);
    if (!secrets.githubToken) throw new ConfigurationError(`${name('secret-scanning-alerts', 'true')} needs a GitHub token with the secret scanning alerts permission (${name('github-token')})`);
    alerts = { repository, token: secrets.githubToken };
  }
  return { verify, revoke, dryRun, adminKey: secrets.adminKey, openaiBaseUrl: raw['openai-base-url']?.trim() || undefined, issues, alerts };
}
