import { count } from './count.ts';
/** GitHub refuses issue and comment bodies longer than this (422 "body is too long"). */
export const MAX_BODY = 65_536;
/** A step's job summary may be at most 1 MiB. */
export const MAX_SUMMARY_BYTES = 1 << 20;

/** Where a cut body sends readers: the workflow's artifacts hold every row. */
export const moreInReport = (n: number, what = 'row') => `_…and ${count(n, `more ${what}`)} in the JSON report (and the SARIF file): upload them as workflow artifacts._`;

/** keyguard's hidden state lines (facts, seen places): kept at the end whatever is cut. */
const HIDDEN = /^<!-- keyguard:v1 [a-z]+ [^\n]*-->$/;

/**
 * A body that fits `limit` (by `size`, characters unless told): whole lines from the top, then a
 * note saying how many lines were left out, then the hidden state lines of the end. Cuts at a
 * line, closes an open code fence and open `<details>` sections, and ends a table before the note. One place for every writer:
 * leak issues, the audit and report issues, the pull request comment and the job summary.
 */
export function fitBody(body: string, options: { limit?: number; size?: (s: string) => number; more?: (omitted: number) => string } = {}): string {
  const limit = options.limit ?? MAX_BODY - 1;
  const size = options.size ?? ((s: string) => s.length);
  if (size(body) <= limit) return body;
  const more = options.more ?? ((n: number) => moreInReport(n, 'line'));
  const lines = body.split('\n');
  let tailStart = lines.length;
  while (tailStart > 0 && HIDDEN.test(lines[tailStart - 1]!)) tailStart--;
  const tail = lines.slice(tailStart);
  const head = lines.slice(0, tailStart);
  // Reserve room for the note (at its longest), a closing fence and the tail.
  let budget = limit - size(`\n\n\`\`\`\n\n${more(head.length)}\n${tail.join('\n')}\n`);
  const kept: string[] = [];
  for (const line of head) {
    const cost = size(line) + 1;
    if (cost > budget) break;
    kept.push(line);
    budget -= cost;
  }
  // A cut inside a folded section would hide the note in the fold: close what is open first.
  const cut = () => {
    const fenceOpen = kept.filter((l) => l.trimStart().startsWith('```')).length % 2 === 1;
    return [...kept, ...(fenceOpen ? ['```'] : []), ...Array<string>(openDetails(kept)).fill('</details>'), '', more(head.length - kept.length), ...tail].join('\n');
  };
  let out = cut();
  while (size(out) > limit && kept.length > 0) {
    kept.pop();
    out = cut();
  }
  return out;
}

/** How many `<details>` sections the lines leave open (keyguard writes each tag on its own line). */
export function openDetails(lines: readonly string[]): number {
  let depth = 0;
  for (const l of lines) {
    if (l.trimStart().startsWith('<details')) depth++;
    else if (l.trim() === '</details>' && depth > 0) depth--;
  }
  return depth;
}
