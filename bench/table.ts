// The README's benchmark table: each case records a row as it runs; `npm run bench -- --readme`
// writes the rows between the markers, replacing the rows of the cases that ran and keeping the
// others (one case can be measured again on its own).
import { cpus, loadavg } from 'node:os';
import { fmtSpread, type Spread } from './util.ts';

export const TABLE_START = '<!-- bench-table:start (npm run bench -- --readme) -->';
export const TABLE_END = '<!-- bench-table:end -->';

export interface Row {
  /** The first cell, and the row's identity when the table is merged. */
  readonly name: string;
  readonly keyguard: Spread;
  /** What keyguard is measured against, and its times. */
  readonly baseline: string;
  readonly baselineSpread: Spread;
  /** The goal for the ratio of medians, as the issue states it (`≤ 1.5x`), or `—`. */
  readonly goal: string;
  /** Planted keys found, e.g. `300/300`, or `—` where nothing is planted. */
  readonly recall: string;
  /** How the ratio is shown: times (`2.1x`) or milliseconds over the baseline (start-up). */
  readonly ratio?: 'times' | 'extra-ms';
}

const recorded: Row[] = [];

/** `+9 ms`, `-2 ms`, `+0 ms`: seconds over a baseline, as whole milliseconds with their sign. */
export function fmtExtraMs(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return `${ms < 0 ? '-' : '+'}${Math.abs(ms)} ms`;
}

export function record(row: Row): void {
  recorded.push(row);
}

export function recordedRows(): readonly Row[] {
  return recorded;
}

const HEADER = ['case', 'time: median (min–max)', 'baseline', 'baseline: median (min–max)', 'ratio of medians', 'goal', 'keys found'];

function cells(row: Row): string[] {
  const digits = row.ratio === 'extra-ms' ? 3 : 2;
  const ratio = row.ratio === 'extra-ms' ? fmtExtraMs(row.keyguard.median - row.baselineSpread.median) : `${(row.keyguard.median / row.baselineSpread.median).toFixed(2)}x`;
  return [row.name, fmtSpread(row.keyguard, digits), row.baseline, fmtSpread(row.baselineSpread, digits), ratio, row.goal, row.recall];
}

const line = (c: readonly string[]) => `| ${c.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`;

/** The first cell of a Markdown table row, unescaped. */
const rowName = (l: string) => l.split(/(?<!\\)\|/)[1]?.trim().replace(/\\\|/g, '|');

/**
 * The README with the table between the markers: the rows of `rows` replace rows of the same case
 * (or are added after them), other rows stay, in the order they were. Throws when a marker is missing:
 * the table must not land elsewhere.
 */
export function mergeTable(readme: string, rows: readonly Row[], measuredOn: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md has no benchmark table markers (${TABLE_START} … ${TABLE_END})`);
  const old = readme
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| case |') && !l.startsWith('| ---'));
  const fresh = new Map(rows.map((r) => [r.name, line(cells(r))]));
  const merged = old.map((l) => fresh.get(rowName(l) ?? '') ?? l);
  for (const [name, l] of fresh) if (!old.some((o) => rowName(o) === name)) merged.push(l);
  const table = [line(HEADER), line(HEADER.map(() => '---')), ...merged].join('\n');
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n\n${measuredOn}\n${readme.slice(end)}`;
}

const loadAtStart = loadavg()[0]!;

/** The note under the table: when and on what the rows just written were measured. */
export function machineNote(now = new Date()): string {
  return `Rows last written ${now.toISOString().slice(0, 10)} by \`npm run bench -- --readme\` on ${cpus().length} cores (load average ${loadAtStart.toFixed(1)} when it started, ${loadavg()[0]!.toFixed(1)} when it ended), Node ${process.versions.node}; each row is the program measured and its baseline, run turn about.`;
}
