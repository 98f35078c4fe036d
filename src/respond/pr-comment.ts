import { kindLabel } from '../detect/index.ts';
import { markerLine } from '../text/marker.ts';
import { code } from '../text/markdown.ts';
import { placePath, type ScanResult } from '../scan/finding.ts';
import { count } from '../text/count.ts';

/** The one keyguard comment on a pull request, updated in place on every run. */
export function renderPullRequestComment(result: ScanResult, pullNumber: number, pathPrefix = ''): string {
  const marker = markerLine('pr', String(pullNumber));
  if (result.findings.length === 0) return `${marker}\n### :white_check_mark: keyguard: no OpenAI keys in this pull request any more\n`;
  const keys = new Set(result.findings.map((f) => f.fingerprint)).size;
  const rows = result.findings.map((f) => {
    const at = f.git?.atHead ?? f;
    return `| ${code(`${pathPrefix}${placePath(at)}:${at.line}`)} | ${kindLabel(f.kind)} | ${code(f.redacted)} | ${f.response?.liveness?.status ?? 'not checked'} |`;
  });
  return [
    marker,
    `### :rotating_light: keyguard: ${count(keys, 'OpenAI key')} in this pull request`,
    '',
    `**Do not merge as is.** Revoke ${keys === 1 ? 'the key' : 'the keys'}, remove ${keys === 1 ? 'it' : 'them'} from the branch (rewrite its commits: a later commit that deletes a key leaves it in history), and read keys from a secret or \`OPENAI_API_KEY\` instead.`,
    '',
    '| Where | Kind | Key | Live |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    'Keys are shown redacted.',
    '',
  ].join('\n');
}
