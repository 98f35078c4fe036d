import type { Config } from '../config.ts';
import { ConfigurationError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { gitTopLevel } from '../sources/git.ts';
import { prepareHistory } from '../sources/history.ts';
import { prepareRange } from '../sources/range.ts';
import { peakRssMb, type ScanResult } from './finding.ts';
export { describeCoverage } from './coverage.ts';
import { scanGit, type GitTarget } from './git-scan.ts';
import { scanWorktree } from './worktree-scan.ts';

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

export function describeScope(scope: ScanScope): string {
  switch (scope.type) {
    case 'worktree':
      return 'working tree';
    case 'history':
      return 'full git history';
    case 'staged':
      return 'staged changes';
    case 'range':
      return scope.base ? `commits ${scope.base.slice(0, 12)}..${scope.head.slice(0, 12)}` : `history of ${scope.head.slice(0, 12)}`;
  }
}

/** Runs one scan of any scope; the entries call only this. */
export async function runScan(request: ScanRequest, deps: { logger: Logger }): Promise<ScanResult> {
  const { root, config, baseline, scope, files } = request;
  if (scope.type === 'worktree') return scanWorktree({ root, config, baseline, files, threads: 'auto' }, deps);
  if (!(await gitTopLevel(root))) throw new ConfigurationError(`${describeScope(scope)} needs a git repository, and ${root} is not in one`);
  if (scope.type === 'range') await prepareRange(root, scope.base, scope.head, deps.logger);
  if (scope.type !== 'history') return scanGit({ root, config, baseline, target: scope }, deps);
  const coverage = await prepareHistory(root, { fetch: scope.fetch ?? false, pullRequests: scope.pullRequests ?? false }, deps.logger);
  if (coverage.type === 'empty') {
    deps.logger.info('keyguard: the repository has no commits: nothing to scan');
    return { target: root, coverage, findings: [], skipped: [], stats: { filesScanned: 0, bytesScanned: 0, filesSkipped: 0, allowed: 0, baselined: 0, commitsScanned: 0, durationMs: 0, peakRssMb: peakRssMb() } };
  }
  const result = await scanGit({ root, config, baseline, target: scope }, deps);
  return { ...result, coverage: { type: 'refs', refs: coverage.refs, commits: (await coverage.commits) ?? result.stats.commitsScanned ?? 0 } };
}

