import type { Coverage } from './finding.ts';

/** What a history scan covered, in words: `412 commits from 3 refs (main, v1.0, …)`. */
export function describeCoverage(coverage: Coverage, shown = 10): string {
  if (coverage.type === 'empty') return 'nothing to scan: the repository has no commits';
  const names = coverage.refs.map((r) => r.replace(/^refs\/(heads|tags|remotes)\//, ''));
  const more = names.length > shown ? `, and ${names.length - shown} more` : '';
  return `${coverage.commits} commit${coverage.commits === 1 ? '' : 's'} from ${names.length} ref${names.length === 1 ? '' : 's'} (${names.slice(0, shown).join(', ')}${more})`;
}
