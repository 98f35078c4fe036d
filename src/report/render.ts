import { markerLine } from '../text/marker.ts';
import { code, escapeMarkdown } from '../text/markdown.ts';
import { ENDPOINT_UNITS, type EndpointUsage, type Flag, type ProjectReport, type Report, type Spender, type Totals } from './aggregate.ts';
import { describePeriod, isoDay, periodId } from './period.ts';
import { count } from '../text/count.ts';

const int = new Intl.NumberFormat('en-US');
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const formatUsd = (n: number) => usd.format(n);
export const formatInt = (n: number) => int.format(Math.round(n));
/** `12.3M`, `950K`, `812`: token counts, where the digits past the third do not matter to a reader. */
export const formatCompact = (n: number) => compact.format(Math.round(n));

/** `+12.5%`, `-3.0%`, `new` (nothing before), `–` (nothing either time). */
export function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? '–' : 'new';
  const pct = ((now - before) / before) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

/** Limits, so that 1,000 projects with long names stay far below GitHub's 65,536-character body. */
const LIMITS = { chartProjects: 8, dailyLines: 5, attention: 10, rows: 100, spenderProjects: 25, nameChars: 32, labelChars: 22 };

/**
 * Chart colours, set through Mermaid's init directive (Mermaid's defaults include pale ones that
 * vanish on white): GitHub's own blue, orange, green, purple and red. The legend under the daily
 * chart names them in words, since not every Mermaid version draws a legend.
 */
const PALETTE = [
  ['#0969da', 'blue'],
  ['#bc4c00', 'orange'],
  ['#1a7f37', 'green'],
  ['#8250df', 'purple'],
  ['#cf222e', 'red'],
] as const;

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const projectLabel = (p: ProjectReport) => p.name || p.id;
/** A project as a table cell or list item: its name (shortened, escaped), else its id. */
const projectCell = (p: ProjectReport) => `${p.name ? escapeMarkdown(truncate(p.name, LIMITS.nameChars)) : code(p.id)}${p.archived ? ' (archived)' : ''}`;
const tokens = (t: Totals) => t.inputTokens + t.outputTokens;

/** A key by name and the redacted value the API lists (never the key), else by id. */
function keyCell(k: { id: string | null; name?: string | null; redacted?: string | null }): string {
  return [k.name ? escapeMarkdown(truncate(k.name, LIMITS.nameChars)) : undefined, k.redacted ? code(k.redacted) : undefined].filter(Boolean).join(' ') || code(k.id ?? '?');
}

/** The short form, for the table's Flags column. */
function flagShort(f: Flag): string {
  switch (f.type) {
    case 'over-budget':
      return 'over budget';
    case 'spike':
      return `spike +${f.percent}%`;
    case 'no-members':
      return 'no members';
    case 'flagged-keys':
      return 'flagged keys';
  }
}

/** The long form, saying why, for the list of what needs attention. */
function flagReason(f: Flag, p: ProjectReport, report: Report): string {
  switch (f.type) {
    case 'over-budget':
      return `over budget: ${formatUsd(p.costUsd)} of ${formatUsd(f.budgetUsd)}`;
    case 'spike':
      return f.metric === 'cost'
        ? `cost spike +${f.percent}% (${formatUsd(p.costUsd)}, was ${formatUsd(p.previous.costUsd)})`
        : `token spike +${f.percent}% (${formatCompact(tokens(p))}, was ${formatCompact(tokens(p.previous))})`;
    case 'no-members':
      return 'spend with no members';
    case 'flagged-keys': {
      const shown = f.keyIds.slice(0, 3).map((id) => keyCell({ id, ...report.keyLabels.get(id) }));
      return `spend from keys the audit flags: ${shown.join(', ')}${f.keyIds.length > 3 ? ` and ${f.keyIds.length - 3} more` : ''}`;
    }
  }
}

/** Mermaid strings are quoted: no quotes, brackets or newlines may get through, and labels stay short. */
function mermaidLabel(s: string): string {
  const clean = s.replace(/["`[\]{}<>\\;#%:]/g, ' ').replace(/\s+/g, ' ').trim();
  return truncate(clean, LIMITS.labelChars) || '?';
}

/** Chart labels of projects, made unique: Mermaid draws two equal categories as one. */
function chartLabels(projects: readonly ProjectReport[]): string[] {
  const seen = new Map<string, number>();
  return projects.map((p) => {
    const label = mermaidLabel(projectLabel(p));
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
}

const init = (colours: readonly string[], extra = '') =>
  `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${colours.join(', ')}"}}${extra}}}%%`;
/** A y-axis top a little above the largest value, rounded to a number a reader can take in. */
const axisTop = (max: number) => {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max * 1.1));
  return Math.ceil((max * 1.1) / step) * step;
};

/**
 * The top projects by cost as horizontal bars (names read across, never overlap), the rest named
 * in a sentence rather than drawn as one bar that would dwarf them; then the daily cost of the top
 * projects, one line each, so a rise shows where it happens.
 */
function charts(report: Report): string[] {
  const spenders = report.projects.filter((p) => p.costUsd > 0);
  if (spenders.length === 0) return [];
  const top = spenders.slice(0, LIMITS.chartProjects);
  const rest = spenders.slice(LIMITS.chartProjects);
  const restUsd = rest.reduce((n, p) => n + p.costUsd, 0);
  const out = [
    '```mermaid',
    init([PALETTE[0][0]], ', "xyChart": {"showDataLabel": true}'),
    'xychart-beta horizontal',
    `  title "Top ${count(top.length, 'project')} by cost (USD)"`,
    `  x-axis [${chartLabels(top).map((l) => `"${l}"`).join(', ')}]`,
    `  y-axis "USD" 0 --> ${axisTop(top[0]!.costUsd)}`,
    `  bar [${top.map((p) => p.costUsd.toFixed(2)).join(', ')}]`,
    '```',
    '',
  ];
  if (rest.length > 0) out.push(`The other ${count(rest.length, 'project')} spent ${formatUsd(restUsd)} together (${Math.round((restUsd / report.totals.costUsd) * 100)}% of the total).`, '');
  if (report.daily.length > 1) {
    // Spiking projects first, wherever they rank by cost: the chart is there to show change.
    const spiking = report.projects.filter((p) => p.flags.some((f) => f.type === 'spike'));
    const lines = [...new Set([...spiking, ...top])].slice(0, LIMITS.dailyLines);
    const max = Math.max(...lines.flatMap((p) => p.dailyCostUsd));
    // A week reads best as `MM-DD` labels; past that they collide, so the axis counts days instead.
    const xAxis =
      report.daily.length > 8
        ? `  x-axis "Day of the period (day 1 is ${isoDay(report.daily[0]!.day)})" 1 --> ${report.daily.length}`
        : `  x-axis [${report.daily.map((d) => `"${isoDay(d.day).slice(5)}"`).join(', ')}]`;
    out.push(
      '```mermaid',
      init(lines.map((_, i) => PALETTE[i]![0])),
      'xychart-beta',
      '  title "Daily cost per project (USD)"',
      xAxis,
      `  y-axis "USD" 0 --> ${axisTop(max)}`,
      ...chartLabels(lines).map((label, i) => `  line "${label}" [${lines[i]!.dailyCostUsd.map((c) => c.toFixed(2)).join(', ')}]`),
      '```',
      '',
      `Lines: ${lines.map((p, i) => `${PALETTE[i]![1]} ${escapeMarkdown(truncate(projectLabel(p), LIMITS.nameChars))}`).join(' · ')}. The whole organization: ${dailyRange(report.daily)}.`,
      '',
    );
  }
  return out;
}

/** `$141.48 to $148.77 a day, most on 2026-11-19`: the whole organization's days in a phrase. */
function dailyRange(daily: Report['daily']): string {
  const costs = daily.map((d) => d.costUsd);
  const top = daily.reduce((a, b) => (b.costUsd > a.costUsd ? b : a));
  return `${formatUsd(Math.min(...costs))} to ${formatUsd(Math.max(...costs))} a day, most on ${isoDay(top.day)}`;
}

/** What needs attention, first: each flagged project by name with its reasons. */
function attention(report: Report): string[] {
  const flagged = report.projects.filter((p) => p.flags.length > 0);
  if (flagged.length === 0) return [':white_check_mark: **Nothing needs attention**: no project is over budget, spiking, spending with no members or from keys the audit flags.', ''];
  const shown = flagged.slice(0, LIMITS.attention);
  return [
    `### :warning: ${flagged.length} project${flagged.length === 1 ? ' needs' : 's need'} attention`,
    '',
    ...shown.map((p) => `- **${projectCell(p)}**: ${p.flags.map((f) => flagReason(f, p, report)).join('; ')}`),
    ...(flagged.length > shown.length ? [`- and ${flagged.length - shown.length} more: see the Flags column below.`] : []),
    '',
  ];
}

function details(summary: string, body: string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}

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
  return details('Usage by endpoint, each in its own unit', [
    '| Usage by endpoint | Requests | Input tokens | Output tokens | Other units |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...report.usage.map((u) => `| ${ENDPOINT_NAMES[u.endpoint]} | ${ENDPOINT_UNITS[u.endpoint].requests ? formatInt(u.requests) : ''} | ${u.unit === 'tokens' ? formatInt(u.inputTokens) : ''} | ${u.endpoint === 'completions' ? formatInt(u.outputTokens) : ''} | ${quantity(u)} |`),
  ]);
}

/** Ids, the kinds of tokens and the top models: for whoever digs in, folded. */
function idsAndModels(rows: readonly ProjectReport[]): string[] {
  return details('Project ids, tokens by kind and top models', [
    '| Project | Id | Input | Output | Cached | Top models |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...rows.map((p) => `| ${projectCell(p)} | ${code(p.id)} | ${formatCompact(p.inputTokens)} | ${formatCompact(p.outputTokens)} | ${formatCompact(p.cachedTokens)} | ${p.topModels.map((m) => code(m.model)).join('<br>')} |`),
  ]);
}

/** Each project's top API keys and users by tokens and requests, folded. */
function spenders(report: Report): string[] {
  const metered = report.projects.filter((p) => p.topKeys.length > 0 || p.topUsers.length > 0);
  const shown = metered.slice(0, LIMITS.spenderProjects);
  if (shown.length === 0) return [];
  const table = (head: string, pick: (p: ProjectReport) => readonly Spender[], cell: (s: Spender) => string) => [
    `| Project | ${head} | Requests | Tokens |`,
    '| --- | --- | ---: | ---: |',
    ...shown.flatMap((p) => pick(p).map((s, i) => `| ${i === 0 ? projectCell(p) : ''} | ${cell(s)} | ${formatInt(s.requests)} | ${formatCompact(s.tokens)} |`)),
  ];
  return details(`Top API keys and users of each project${metered.length > shown.length ? ` (the first ${shown.length} by cost)` : ''}`, [
    ...table('API key', (p) => p.topKeys, keyCell),
    '',
    ...table('User', (p) => p.topUsers, (u) => (u.id ? (u.name ? escapeMarkdown(truncate(u.name, LIMITS.nameChars)) : code(u.id)) : 'no user (service account keys)')),
    '',
    'Keys show their name and the redacted value the API lists, never the key.',
  ]);
}

/** One line of the project table: a project's, the unattributed usage's, or the total's. */
interface TableLine {
  readonly totals: Totals & { readonly previous: Totals };
  readonly project?: ProjectReport;
  readonly total?: boolean;
}

/**
 * The columns of the project table, left to right: a new column is one entry here, and README's
 * table of them follows (`npm run docs`). A cell of `undefined` is left blank (`| |`), as the lines
 * that are not a project's leave their flags. A cell sees only its own line: a column that needs
 * the report's total (a share of it) wants the total added to TableLine first.
 */
export const COLUMNS: readonly { readonly header: string; readonly doc: string; readonly right?: boolean; readonly cell: (line: TableLine) => string | undefined }[] = [
  { header: 'Project', doc: `the project's name (cut to ${LIMITS.nameChars} characters, \`(archived)\` when it is), else its id`, cell: ({ project, total }) => (project ? projectCell(project) : total ? '**Total**' : '*Not attributed to a project*') },
  { header: 'Cost', doc: 'cost of the period, USD', right: true, cell: ({ totals, total }) => (total ? `**${formatUsd(totals.costUsd)}**` : formatUsd(totals.costUsd)) },
  { header: 'Change', doc: 'cost against the previous period (`new` when it cost nothing then)', right: true, cell: ({ totals }) => change(totals.costUsd, totals.previous.costUsd) },
  { header: 'Requests', doc: 'model requests', right: true, cell: ({ totals }) => formatInt(totals.requests) },
  { header: 'Tokens', doc: 'input and output tokens (`1.8M`)', right: true, cell: ({ totals }) => formatCompact(tokens(totals)) },
  { header: 'Flags', doc: 'the flags, short (`spike +56%`)', cell: ({ project }) => project?.flags.map(flagShort).join(', ') },
];

const tableRow = (cells: readonly (string | undefined)[]) => `|${cells.map((c) => (c === undefined ? ' |' : ` ${c} |`)).join('')}`;

/**
 * The report for people, in the order they read it: the total and its change, what needs
 * attention, the charts, the project table (COLUMNS; `npm run screenshots` fails when it is wider
 * than an issue, about 900 px) with what no project carries above the total, then folded details:
 * usage by endpoint, ids, token kinds, models, top keys and users.
 */
export function renderReportMarkdown(report: Report, options: { marker?: boolean; maxRows?: number } = {}): string {
  const { totals } = report;
  const out: string[] = [];
  // In an issue the title already says it: the body starts with the numbers.
  if (options.marker) out.push(markerLine('report', periodId(report.period)));
  else out.push(`## OpenAI usage and cost: ${describePeriod(report.period)}`, '');
  if (report.projects.length === 0 && !hasActivity(report.unattributed)) {
    out.push(`No usage and no cost in this period or the one before (${describePeriod(report.previousPeriod)}).`, '');
    return `${out.join('\n')}\n`;
  }
  const active = report.projects.filter((p) => p.costUsd > 0 || p.requests > 0).length;
  out.push(
    ...(report.costRowsWithoutAmount ? [`:warning: ${count(report.costRowsWithoutAmount, 'cost row')} of the period came without an amount and ${report.costRowsWithoutAmount === 1 ? 'is' : 'are'} not in these totals.`, ''] : []),
    `**${formatUsd(totals.costUsd)}**, ${change(totals.costUsd, totals.previous.costUsd)} against ${describePeriod(report.previousPeriod)} (${formatUsd(totals.previous.costUsd)}) · ${count(active, 'active project')} · ${formatInt(totals.requests)} requests · ${formatCompact(tokens(totals))} tokens`,
    '',
    ...attention(report),
    ...charts(report),
    tableRow(COLUMNS.map((c) => c.header)),
    tableRow(COLUMNS.map((c) => (c.right ? '---:' : '---'))),
  );
  const rows = report.projects.slice(0, options.maxRows ?? LIMITS.rows);
  for (const p of rows) out.push(tableRow(COLUMNS.map((c) => c.cell({ totals: p, project: p }))));
  if (report.projects.length > rows.length) out.push(tableRow([`… ${report.projects.length - rows.length} more projects (see the JSON report)`, ...COLUMNS.slice(1).map(() => undefined)]));
  const u = report.unattributed;
  if (hasActivity(u)) out.push(tableRow(COLUMNS.map((c) => c.cell({ totals: u }))));
  out.push(tableRow(COLUMNS.map((c) => c.cell({ totals, total: true }))), '');
  out.push(...usageTable(report), ...idsAndModels(rows), ...spenders(report));
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
