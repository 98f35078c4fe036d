// @vitest-environment happy-dom
// Mermaid sanitises labels with DOMPurify, which needs a DOM: happy-dom is the lightest that works.
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import type { UsageBucket, CostBucket } from '../src/openai/admin-client.ts';
import { aggregate } from '../src/report/aggregate.ts';
import { customPeriod, lastFullPeriod, previousPeriod, type Period } from '../src/report/period.ts';
import { renderReportMarkdown } from '../src/report/render.ts';

const DAY = 86_400;
const NOW = Date.UTC(2026, 10, 26, 15) / 1000;
const POLICY = { budgets: {}, spikePercent: 50, minSpikeBaseUsd: 1, minSpikeBaseTokens: 100_000 };

/** Names a hostile or careless admin could give a project: each would break an unquoted chart. */
const NASTY = ['a "quoted" name', 'brackets [x] {y} (z)', 'arrow --> and ;semi#colon', '%%{init: {"theme":"dark"}}%%', 'back`tick\\slash', 'new\nline', 'ünïcødé ✓ 项目', 'x'.repeat(300), '', '<script>alert(1)</script>', 'comma, separated', "it's"];

function report(period: Period, names: readonly (string | null)[], cost: (i: number, day: number) => number) {
  const previous = previousPeriod(period);
  const costs: CostBucket[] = [];
  const usage: UsageBucket[] = [];
  for (let t = previous.start; t < period.end; t += DAY) {
    // Each day also carries a cost no project carries, and image usage in its own unit.
    costs.push({ start: t, end: t + DAY, results: [...names.map((_, i) => ({ projectId: `proj_${i}`, lineItem: null, apiKeyId: null, usd: cost(i, t), currency: 'usd' })), { projectId: null, lineItem: 'organization-level charge', apiKeyId: null, usd: 0.25, currency: 'usd' }] });
    usage.push({ endpoint: 'completions', start: t, end: t + DAY, results: names.map((_, i) => ({ projectId: `proj_${i}`, model: 'gpt-4o-mini', apiKeyId: null, userId: null, inputTokens: 1000 * (i + 1), outputTokens: 10, cachedTokens: 0, requests: 3, quantity: 0 })) });
    usage.push({ endpoint: 'images', start: t, end: t + DAY, results: [{ projectId: 'proj_0', model: 'gpt-image-1', apiKeyId: null, userId: null, inputTokens: 0, outputTokens: 0, cachedTokens: 0, requests: 1, quantity: 2 }] });
  }
  const projects = names.map((name, i) => ({ id: `proj_${i}`, name, archived: i % 2 === 1 }));
  return aggregate({ period, previous, usage, costs, projects }, POLICY);
}

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

describe('every Mermaid block keyguard writes parses with Mermaid itself', () => {
  it('fails on a broken block (the check can fail)', async () => {
    await expect(mermaid.parse('xychart-beta\n  x-axis ["a", "b]\n  bar [1, 2]\n')).rejects.toThrow();
  });

  it('a month counts days on its axis (31 labels of MM-DD collide at 900 px)', () => {
    const md = renderReportMarkdown(report(customPeriod('2026-10-01', '2026-11-01'), ['one', 'two'], (i) => i + 1));
    expect(md).toContain('  x-axis "Day of the period (day 1 is 2026-10-01)" 1 --> 31');
    expect(md).toMatch(/The whole organization: \$3\.25 to \$3\.25 a day, most on 2026-10-01\./);
    expect(md).toContain('| *Not attributed to a project* | $7.75 |');
  });

  const cases: [string, () => string][] = [
    ['a week of 30 projects with hostile names', () => renderReportMarkdown(report(lastFullPeriod('week', NOW), Array.from({ length: 30 }, (_, i) => NASTY[i % NASTY.length]!), (i, t) => (i + 1) * (t >= lastFullPeriod('week', NOW).start + 3 * DAY && i === 4 ? 3 : 1)))],
    ['a month (31 daily labels)', () => renderReportMarkdown(report(customPeriod('2026-10-01', '2026-11-01'), ['one', 'two', null], (i) => i + 0.5))],
    ['a single day (no daily chart)', () => renderReportMarkdown(report(lastFullPeriod('day', NOW), ['only'], () => 0.01))],
    ['one project', () => renderReportMarkdown(report(lastFullPeriod('week', NOW), [null], () => 12345.678))],
    ['1,000 projects, costs from cents to millions', () => renderReportMarkdown(report(lastFullPeriod('week', NOW), Array.from({ length: 1000 }, (_, i) => `project ${i}`), (i) => 10 ** ((i % 9) - 2)))],
    ['projects named alike, or cut to the same label', () => renderReportMarkdown(report(lastFullPeriod('week', NOW), ['same', 'same', `${'long '.repeat(10)}a`, `${'long '.repeat(10)}b`, '"same"'], (i) => i + 1))],
    ['usage but no cost', () => renderReportMarkdown(report(lastFullPeriod('week', NOW), ['free'], () => 0))],
  ];
  for (const [name, render] of cases) {
    it(name, async () => {
      const blocks = mermaidBlocks(render());
      for (const block of blocks) {
        await expect(mermaid.parse(block), block).resolves.toBeTruthy();
        // Mermaid draws equal categories as one bar: every label must be distinct.
        const labels = [...(/x-axis \[(.*)\]/.exec(block)?.[1] ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1]);
        expect(new Set(labels).size, block).toBe(labels.length);
      }
      if (name !== 'a single day (no daily chart)' && name !== 'usage but no cost') expect(blocks.length).toBeGreaterThan(0);
    });
  }
});
