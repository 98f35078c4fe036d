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
type ScopeType = ScanScope['type'];
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

/** A source selected by the request's scope type, and how messages name what it reads. */
interface ScopeRegistration<T extends ScopeType> extends Registration {
  readonly scope: T;
  readonly describe: (scope: ScopeOf<T>) => string;
}

const scoped = <T extends ScopeType>(scope: T, describe: (s: ScopeOf<T>) => string, open: (r: ScanRequest, s: ScopeOf<T>) => FindingSource): ScopeRegistration<T> => ({
  scope,
  describe,
  open: (r) => (r.scope?.type === scope ? open(r, r.scope as ScopeOf<T>) : undefined),
});

const fromGit = (r: ScanRequest, scope: GitTarget) => gitSource({ root: r.root, config: r.config, target: scope }, describeScope(scope));

/** The finding sources (see FindingSource to add one); their findings are reported in this order. */
const SOURCES: { readonly [T in ScopeType]: ScopeRegistration<T> } & { readonly alerts: Registration } = {
  worktree: scoped('worktree', () => 'working tree', (r) => worktreeSource({ root: r.root, config: r.config, files: r.files, threads: 'auto' })),
  history: scoped('history', () => 'full git history', fromGit),
  staged: scoped('staged', () => 'staged changes', fromGit),
  range: scoped('range', (s) => (s.base ? `commits ${s.base.slice(0, 12)}..${s.head.slice(0, 12)}` : `history of ${s.head.slice(0, 12)}`), fromGit),
  alerts: { open: (r) => (r.alerts ? secretScanningSource(r.alerts) : undefined) },
};

/** Every registered source, for the test that runs each through its checks. */
export const SOURCE_NAMES = Object.keys(SOURCES) as readonly (keyof typeof SOURCES)[];

/** The scope types that select a source. */
export const SCOPE_TYPES: readonly ScopeType[] = Object.values(SOURCES).flatMap((r: Registration) => ('scope' in r ? [(r as ScopeRegistration<ScopeType>).scope] : []));

export function describeScope(scope: ScanScope): string {
  return (SOURCES[scope.type] as { describe: (s: ScanScope) => string }).describe(scope);
}

/** Runs one scan: every source the request selects, through one collector; the entries call only this. */
export function runScan(request: ScanRequest, deps: { logger: Logger }): Promise<ScanResult> {
  const sources = Object.values(SOURCES).flatMap((r: Registration) => r.open(request) ?? []);
  if (sources.length === 0) return Promise.resolve({ target: request.root, findings: [], skipped: [], stats: { filesScanned: 0, bytesScanned: 0, filesSkipped: 0, allowed: 0, baselined: 0, durationMs: 0 } });
  return collect(sources, request.root, request, deps);
}
