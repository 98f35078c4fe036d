import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { collect } from './collect.ts';
import type { ScanResult } from './finding.ts';
export { describeCoverage } from './coverage.ts';
import { gitSource, type GitTarget } from './git-scan.ts';
import type { FindingSource } from './source.ts';
import { worktreeSource } from './worktree-scan.ts';

/** What a scan reads: the files as they are, or what git says commits added. */
export type ScanScope = { readonly type: 'worktree' } | GitTarget;

export interface ScanRequest {
  readonly root: string;
  readonly config: Config;
  readonly scope: ScanScope;
  readonly baseline?: ReadonlySet<string>;
  /** For the working tree: only these files (relative to root), as a pre-commit framework names them. */
  readonly files?: readonly string[];
}

/** A scope's source, and how messages name what it reads. */
interface Registration<S extends ScanScope> {
  readonly describe: (scope: S) => string;
  readonly open: (request: ScanRequest, scope: S) => FindingSource;
}

const fromGit = (r: ScanRequest, scope: GitTarget) => gitSource({ root: r.root, config: r.config, target: scope }, describeScope(scope));

/** The finding sources, by the scope type that selects them (see FindingSource to add one). */
const SOURCES: { readonly [T in ScanScope['type']]: Registration<Extract<ScanScope, { type: T }>> } = {
  worktree: { describe: () => 'working tree', open: (r) => worktreeSource({ root: r.root, config: r.config, files: r.files, threads: 'auto' }) },
  history: { describe: () => 'full git history', open: fromGit },
  staged: { describe: () => 'staged changes', open: fromGit },
  range: { describe: (scope) => (scope.base ? `commits ${scope.base.slice(0, 12)}..${scope.head.slice(0, 12)}` : `history of ${scope.head.slice(0, 12)}`), open: fromGit },
};

/** The scope types that select a source, for the test that runs every source through its checks. */
export const SCOPE_TYPES = Object.keys(SOURCES) as readonly ScanScope['type'][];

const registration = (scope: ScanScope) => SOURCES[scope.type] as Registration<ScanScope>;

export function describeScope(scope: ScanScope): string {
  return registration(scope).describe(scope);
}

/** Runs one scan of any scope through its source and the collector; the entries call only this. */
export function runScan(request: ScanRequest, deps: { logger: Logger }): Promise<ScanResult> {
  return collect(registration(request.scope).open(request, request.scope), request.root, request, deps);
}
