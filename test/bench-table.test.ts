import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fmtExtraMs, mergeTable, TABLE_END, TABLE_START, type Row } from '../bench/table.ts';
import { REPO_ROOT } from './helpers/run.ts';

const spread = (median: number) => ({ min: median * 0.9, median, max: median * 1.2 });
const row = (name: string, k: number, b: number): Row => ({ name, keyguard: spread(k), baseline: 'ripgrep', baselineSpread: spread(b), goal: '≤ 1.5x', recall: '3/3' });
const readme = (rows: string[]) => `# x\n\n${TABLE_START}\n| case | old header |\n| --- | --- |\n${rows.join('\n')}\n\nold note\n${TABLE_END}\n\nafter\n`;
const tableOf = (text: string) => text.slice(text.indexOf(TABLE_START), text.indexOf(TABLE_END));

describe("the README's benchmark table (npm run bench -- --readme)", () => {
  it('is in the README between its markers, with a row per speed case of the issue', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(text.indexOf(TABLE_START)).toBeGreaterThan(-1);
    expect(text.indexOf(TABLE_END)).toBeGreaterThan(text.indexOf(TABLE_START));
    const table = tableOf(text);
    for (const name of ['start-up', 'worktree, 2,000 files', 'worktree, 20,000 files', '500 MB file', 'history, 20,000 commits', 'history, 60,000 commits', 'range, one commit']) expect(table).toContain(`| ${name}`);
  });

  it('replaces the rows of the cases measured again and keeps the others in their place', () => {
    const before = readme(['| a | 1 | x | 1 | 1x | — | — |', '| b | 2 | x | 2 | 1x | — | — |', '| c | 3 | x | 3 | 1x | — | — |']);
    const after = mergeTable(before, [row('b', 0.3, 0.1), row('d', 0.2, 0.1)], 'measured today');
    const lines = tableOf(after).split('\n').filter((l) => l.startsWith('| '));
    expect(lines.map((l) => l.split(' | ')[0])).toEqual(['| case', '| ---', '| a', '| b', '| c', '| d']);
    expect(lines[3]).toBe('| b | 0.30 s (0.27–0.36) | ripgrep | 0.10 s (0.09–0.12) | 3.00x | ≤ 1.5x | 3/3 |');
    expect(after).toContain('measured today');
    expect(after).not.toContain('old note');
    expect(after.endsWith(`${TABLE_END}\n\nafter\n`)).toBe(true);
  });

  it('keeps a pipe in a case name inside its cell, and finds that row again', () => {
    const once = mergeTable(readme([]), [row('a|b', 1, 1)], '');
    const twice = mergeTable(once, [row('a|b', 2, 1)], '');
    const rows = tableOf(twice).split('\n').filter((l) => l.startsWith('| a'));
    expect(rows).toEqual(['| a\\|b | 2.00 s (1.80–2.40) | ripgrep | 1.00 s (0.90–1.20) | 2.00x | ≤ 1.5x | 3/3 |']);
  });

  it('shows start-up as milliseconds over Node with their sign, never "+-0 ms"', () => {
    expect([0.0094, -0.0004, -0.0021, 0].map(fmtExtraMs)).toEqual(['+9 ms', '+0 ms', '-2 ms', '+0 ms']);
  });

  it('refuses a README without its markers rather than writing the table elsewhere', () => {
    expect(() => mergeTable('# x\n', [row('a', 1, 1)], '')).toThrow(/markers/);
    expect(() => mergeTable(`${TABLE_END}\n${TABLE_START}\n`, [row('a', 1, 1)], '')).toThrow(/markers/);
  });
});
