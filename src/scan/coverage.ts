import type { Coverage } from './finding.ts';
import { count } from '../text/count.ts';

/** What a history scan covered, in words: `412 commits from 3 refs (main, v1.0, …)`. */
export function describeCoverage(coverage: Coverage, shown = 10): string {
  if (coverage.type === 'empty') return 'nothing to scan: the repository has no commits';
  const names = coverage.refs.map((r) => r.replace(/^refs\/(heads|tags|remotes)\//, ''));
  const more = names.length > shown ? `, and ${names.length - shown} more` : '';
  return `${count(coverage.commits, 'commit')} from ${count(names.length, 'ref')} (${names.slice(0, shown).join(', ')}${more})`;
}
