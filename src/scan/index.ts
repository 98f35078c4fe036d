import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { secretScanningSource, type AlertsRequest } from './alert-source.ts';
import { collect } from './collect.ts';
import type { ScanResult } from './finding.ts';
export { describeCoverage } from './coverage.ts';
import { gitSource, type GitTarget } from './git-scan.ts';
import type { FindingSource } from './source.ts';
import { worktreeSource } from './worktree-scan.ts';

/** What a scan reads: the files as they are, or what git says commits added. */
export type ScanScope = { readonly type: 'worktree' } | GitTarget;
export type ScopeType = ScanScope['type'];
type ScopeOf<T extends ScopeType> = Extract<ScanScope, { type: T }>;

export interface ScanRequest {
  readonly root: string;
  readonly config: Config;
  /** Undefined: no files or commits to read (an event without commits); the other sources still run. */
  readonly scope?: ScanScope;
  readonly baseline?: ReadonlySet<string>;
  /** For the working tree: only these files (relative to root), as a pre-commit framework names them. */
  readonly files?: readonly string[];
  /** Also read the repository's open GitHub secret scanning alerts for OpenAI keys. */
  readonly alerts?: AlertsRequest;
}

/** A finding source, and when a request selects it: `open` returns the source, or undefined. */
interface Registration {
  readonly open: (request: ScanRequest) => FindingSource | undefined;
}

/**
 * A source selected by the request's scope type, and how messages name what it reads. The scope
 * type is also the action's `scan-scope` value and the CLI flag that selects it (a scope-group row
 * of the option table named like it).
 */
interface ScopeRegistration<T extends ScopeType> extends Registration {
  readonly scope: T;
  readonly describe: (scope: ScopeOf<T>) => string;
  /** What its PATH must be when it is not a directory or files (`a git repository`); undefined: files are fine too. */
  readonly reads?: string;
}

const scoped = <T extends ScopeType>(scope: T, describe: (s: ScopeOf<T>) => string, open: (r: ScanRequest, s: ScopeOf<T>) => FindingSource, reads?: string): ScopeRegistration<T> => ({
  scope,
  describe,
  reads,
  open: (r) => (r.scope?.type === scope ? open(r, r.scope as ScopeOf<T>) : undefined),
});

const REPOSITORY = 'a git repository';

const fromGit = (r: ScanRequest, scope: GitTarget) => gitSource({ root: r.root, config: r.config, target: scope }, describeScope(scope));

/** The finding sources (see FindingSource to add one); their findings are reported in this order. */
const SOURCES: { readonly [T in ScopeType]: ScopeRegistration<T> } & { readonly alerts: Registration } = {
  worktree: scoped('worktree', () => 'working tree', (r) => worktreeSource({ root: r.root, config: r.config, files: r.files, threads: 'auto' })),
  range: scoped('range', (s) => (s.base ? `commits ${s.base.slice(0, 12)}..${s.head.slice(0, 12)}` : `history of ${s.head.slice(0, 12)}`), fromGit, REPOSITORY),
  history: scoped('history', () => 'full git history', fromGit, REPOSITORY),
  staged: scoped('staged', () => 'staged changes', fromGit, REPOSITORY),
  alerts: { open: (r) => (r.alerts ? secretScanningSource(r.alerts) : undefined) },
};

/** Every registered source, for the test that runs each through its checks. */
export const SOURCE_NAMES = Object.keys(SOURCES) as readonly (keyof typeof SOURCES)[];

const SCOPES = Object.values(SOURCES).flatMap((r: Registration) => ('scope' in r ? [r as ScopeRegistration<ScopeType>] : []));

/** The scope types that select a source: the action's `scan-scope` values (besides `auto`) and the CLI's scope flags. */
export const SCOPE_TYPES: readonly ScopeType[] = SCOPES.map((r) => r.scope);

export const isScopeType = (name: string): name is ScopeType => (SCOPE_TYPES as readonly string[]).includes(name);

/** What a scope's PATH must be when file names will not do (`a git repository`); undefined when they will. */
export const scopeReads = (type: ScopeType): string | undefined => SCOPES.find((r) => r.scope === type)?.reads;

export function describeScope(scope: ScanScope): string {
  return (SOURCES[scope.type] as { describe: (s: ScanScope) => string }).describe(scope);
}

/** Runs one scan: every source the request selects, through one collector; the entries call only this. */
export function runScan(request: ScanRequest, deps: { logger: Logger }): Promise<ScanResult> {
  const sources = Object.values(SOURCES).flatMap((r: Registration) => r.open(request) ?? []);
  if (sources.length === 0) return Promise.resolve({ target: request.root, findings: [], skipped: [], stats: { filesScanned: 0, bytesScanned: 0, filesSkipped: 0, allowed: 0, baselined: 0, durationMs: 0 } });
  return collect(sources, request.root, request, deps);
}
