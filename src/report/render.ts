import { markerLine } from '../github/issue-tracker.ts';
import { code, escapeMarkdown } from '../output/markdown.ts';
import { ENDPOINT_UNITS, type EndpointUsage, type Flag, type ProjectReport, type Report, type Totals } from './aggregate.ts';
import { describePeriod, isoDay, periodId } from './period.ts';

const int = new Intl.NumberFormat('en-US');
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatUsd = (n: number) => usd.format(n);
export const formatInt = (n: number) => int.format(Math.round(n));

/** `+12.5%`, `-3.0%`, `new` (nothing before), `–` (nothing either time). */
export function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? '–' : 'new';
  const pct = ((now - before) / before) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

function flagText(f: Flag): string {
  switch (f.type) {
    case 'over-budget':
      return `over budget (${formatUsd(f.budgetUsd)})`;
    case 'spike':
      return `${f.metric} spike +${f.percent}%`;
    case 'no-members':
      return 'spend with no members';
    case 'flagged-keys':
      return `spend from keys the audit flags (${f.keyIds.join(', ')})`;
  }
}

const projectLabel = (p: ProjectReport) => p.name ?? p.id;

/** Mermaid strings are quoted: no quotes, brackets or newlines may get through, and labels stay short. */
function mermaidLabel(s: string): string {
  const clean = s.replace(/["`[\]{}<>\\;#]/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > 24 ? `${clean.slice(0, 23)}…` : clean || '?';
}

const CHART_PROJECTS = 10;

function charts(report: Report): string[] {
  const spenders = report.projects.filter((p) => p.costUsd > 0);
  if (spenders.length === 0) return [];
  const top = spenders.slice(0, CHART_PROJECTS);
  const rest = spenders.slice(CHART_PROJECTS).reduce((n, p) => n + p.costUsd, 0);
  const bars = [...top.map((p) => ({ label: mermaidLabel(projectLabel(p)), value: p.costUsd })), ...(rest > 0 ? [{ label: `${spenders.length - CHART_PROJECTS} others`, value: Math.round(rest * 100) / 100 }] : [])];
  const max = Math.max(...bars.map((b) => b.value), ...report.daily.map((d) => d.costUsd));
  const out = [
    '```mermaid',
    'xychart-beta',
    '  title "Cost per project (USD)"',
    `  x-axis [${bars.map((b) => `"${b.label}"`).join(', ')}]`,
    `  y-axis "USD" 0 --> ${Math.ceil(max * 1.1) || 1}`,
    `  bar [${bars.map((b) => b.value.toFixed(2)).join(', ')}]`,
    '```',
  ];
  if (report.daily.length > 1) {
    out.push(
      '',
      '```mermaid',
      'xychart-beta',
      '  title "Daily cost (USD)"',
      `  x-axis [${report.daily.map((d) => `"${isoDay(d.day).slice(5)}"`).join(', ')}]`,
      `  y-axis "USD" 0 --> ${Math.ceil(Math.max(...report.daily.map((d) => d.costUsd)) * 1.1) || 1}`,
      `  line [${report.daily.map((d) => d.costUsd.toFixed(2)).join(', ')}]`,
      '```',
    );
  }
  return out;
}

const totalsCells = (t: Totals, prev: Totals) => `${formatUsd(t.costUsd)} | ${change(t.costUsd, prev.costUsd)} | ${formatInt(t.requests)} | ${formatInt(t.inputTokens)} | ${formatInt(t.outputTokens)} | ${formatInt(t.cachedTokens)}`;

const hasActivity = (t: Totals & { previous: Totals }) => [t, t.previous].some((x) => x.costUsd !== 0 || x.requests > 0 || x.inputTokens > 0 || x.outputTokens > 0);

const ENDPOINT_NAMES: Record<EndpointUsage['endpoint'], string> = {
  completions: 'Completions',
  embeddings: 'Embeddings',
  moderations: 'Moderations',
  images: 'Images',
  audio_speeches: 'Audio speeches',
  audio_transcriptions: 'Audio transcriptions',
  vector_stores: 'Vector stores',
  code_interpreter_sessions: 'Code interpreter',
  file_search_calls: 'File search',
  web_search_calls: 'Web search',
};

/** An endpoint's own unit: `1,024 images`, `3.50 GiB-days` (storage is billed by the GB-day). */
function quantity(u: EndpointUsage): string {
  if (u.unit === 'tokens') return '';
  if (u.unit === 'byte-days') return `${(u.quantity / 2 ** 30).toFixed(2)} GiB-days`;
  return `${formatInt(u.quantity)} ${u.unit}`;
}

/** Usage per endpoint, each in its own unit where tokens do not apply. */
function usageTable(report: Report): string[] {
  if (report.usage.length === 0) return [];
  return [
    '| Usage by endpoint | Requests | Input tokens | Output tokens | Other units |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...report.usage.map((u) => `| ${ENDPOINT_NAMES[u.endpoint]} | ${ENDPOINT_UNITS[u.endpoint].requests ? formatInt(u.requests) : ''} | ${u.unit === 'tokens' ? formatInt(u.inputTokens) : ''} | ${u.endpoint === 'completions' ? formatInt(u.outputTokens) : ''} | ${quantity(u)} |`),
    '',
  ];
}

/** The report for people: a summary line, charts, then the table sorted by cost. */
export function renderReportMarkdown(report: Report, options: { marker?: boolean; maxRows?: number } = {}): string {
  const { totals } = report;
  const flagged = report.projects.filter((p) => p.flags.length > 0);
  const out: string[] = [];
  if (options.marker) out.push(markerLine('report', periodId(report.period)));
  out.push(`## OpenAI usage and cost: ${describePeriod(report.period)}`, '');
  if (report.projects.length === 0 && !hasActivity(report.unattributed)) {
    out.push(`No usage and no cost in this period or the one before (${describePeriod(report.previousPeriod)}).`, '');
    return `${out.join('\n')}\n`;
  }
  out.push(
    ...(report.costRowsWithoutAmount ? [`:warning: ${report.costRowsWithoutAmount} cost row(s) of the period came without an amount and are not in these totals.`, ''] : []),
    `**${formatUsd(totals.costUsd)}** across ${report.projects.filter((p) => p.costUsd > 0 || p.requests > 0).length} active project(s), ${change(totals.costUsd, totals.previous.costUsd)} against ${describePeriod(report.previousPeriod)} (${formatUsd(totals.previous.costUsd)}); ${formatInt(totals.requests)} requests. ${flagged.length ? `:warning: ${flagged.length} project(s) flagged.` : 'No flags.'}`,
    '',
    ...charts(report),
    '',
    '| Project | Cost | Change | Requests | Input tokens | Output tokens | Cached tokens | Top models | Flags |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  );
  const rows = report.projects.slice(0, options.maxRows ?? 200);
  for (const p of rows) {
    const name = `${p.name ? escapeMarkdown(p.name) : code(p.id)}${p.name ? ` ${code(p.id)}` : ''}${p.archived ? ' (archived)' : ''}`;
    out.push(`| ${name} | ${totalsCells(p, p.previous)} | ${p.topModels.map((m) => code(m.model)).join(', ')} | ${p.flags.map(flagText).map(escapeMarkdown).join('; ')} |`);
  }
  if (report.projects.length > rows.length) out.push(`| … ${report.projects.length - rows.length} more projects (see the JSON report) | | | | | | | | |`);
  if (hasActivity(report.unattributed)) out.push(`| *Not attributed to a project* | ${totalsCells(report.unattributed, report.unattributed.previous)} | | |`);
  out.push(`| **Total** | ${totalsCells(totals, totals.previous)} | | |`, '', ...usageTable(report));
  return `${out.join('\n')}\n`;
}

/** DESIGN.md's report JSON. */
export function renderReportJson(report: Report): string {
  return `${JSON.stringify(
    {
      period: { start: new Date(report.period.start * 1000).toISOString(), end: new Date(report.period.end * 1000).toISOString(), kind: report.period.kind },
      previousPeriod: { start: new Date(report.previousPeriod.start * 1000).toISOString(), end: new Date(report.previousPeriod.end * 1000).toISOString() },
      projects: report.projects,
      unattributed: report.unattributed,
      totals: report.totals,
      usage: report.usage,
      costRowsWithoutAmount: report.costRowsWithoutAmount,
      daily: report.daily.map((d) => ({ day: isoDay(d.day), costUsd: d.costUsd })),
    },
    null,
    2,
  )}\n`;
}
