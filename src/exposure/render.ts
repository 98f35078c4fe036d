import { code } from '../text/markdown.ts';
import type { Exposure, UseTotals } from './exposure.ts';

const n = (x: number) => x.toLocaleString('en-US');
const usd = (x: number | null) => (x === null ? 'no cost rows' : `$${x.toFixed(2)}`);
const day = (iso: string) => iso.slice(0, 10);

function change(now: number, before: number): string {
  if (now === before) return '';
  if (before === 0) return ' (new)';
  const pct = Math.round(((now - before) / before) * 100);
  return ` (${pct > 0 ? '+' : ''}${pct}%)`;
}

function models(t: UseTotals): string {
  if (t.byModel.length === 0) return 'none';
  const shown = t.byModel.slice(0, 5).map((m) => `${code(m.model)} ${n(m.requests)}`);
  return `${shown.join(', ')}${t.byModel.length > 5 ? `, ${t.byModel.length - 5} more` : ''}`;
}

/** The Markdown table of a key's use since exposure against the same number of days before. */
export function exposureTable(e: Exposure): string {
  return [
    `Exposed since ${day(e.since)}; counted by UTC day from ${day(e.from)} to ${day(e.until)}, against the same number of days before (from ${day(e.before.from)}). Last used: ${e.lastUsedAt ? day(e.lastUsedAt) : 'never'} (the key record's \`last_used_at\`).`,
    '',
    '| | since exposure | same time before |',
    '| --- | --- | --- |',
    `| Requests | ${n(e.requests)}${change(e.requests, e.before.requests)} | ${n(e.before.requests)} |`,
    `| Input tokens | ${n(e.inputTokens)}${change(e.inputTokens, e.before.inputTokens)} | ${n(e.before.inputTokens)} |`,
    `| Output tokens | ${n(e.outputTokens)}${change(e.outputTokens, e.before.outputTokens)} | ${n(e.before.outputTokens)} |`,
    `| Requests by model | ${models(e)} | ${models(e.before)} |`,
    `| Project cost (the whole project: costs are grouped by project, not by key) | ${usd(e.projectCostUsd)} | ${usd(e.before.projectCostUsd)} |`,
  ].join('\n');
}

/** One line for terminals and logs. */
export function exposureLine(e: Exposure): string {
  return `since ${day(e.since)}: ${n(e.requests)} requests (before: ${n(e.before.requests)}), ${n(e.inputTokens)} in / ${n(e.outputTokens)} out tokens, project cost ${usd(e.projectCostUsd)} (whole project), last used ${e.lastUsedAt ? day(e.lastUsedAt) : 'never'}`;
}
