import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.ts';
import { parseConfig } from '../src/config-file.ts';
import type { Logger } from '../src/logger.ts';
import { OpenAIAdmin } from '../src/openai/admin-client.ts';
import { buildReport, fileReportIssue } from '../src/report/command.ts';
import { customPeriod, lastFullPeriod, periodId, previousPeriod } from '../src/report/period.ts';
import { change, COLUMNS, formatUsd, renderReportJson, renderReportMarkdown } from '../src/report/render.ts';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server.ts';
import { seedOrganization } from './fakes/openai-seed.ts';
import { MemoryTracker } from './helpers/memory-tracker.ts';

const logger: Logger = { info() {}, warning() {}, error() {}, mask() {}, progress() {} };
const DAY = 86_400;
// Thursday 2026-11-26 15:00 UTC.
const NOW = Date.UTC(2026, 10, 26, 15) / 1000;
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('periods', () => {
  it('last full day, week (Monday to Sunday) and month, in UTC, and the one before', () => {
    const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);
    const day = lastFullPeriod('day', NOW);
    expect([iso(day.start), iso(day.end)]).toEqual(['2026-11-25', '2026-11-26']);
    const week = lastFullPeriod('week', NOW);
    expect([iso(week.start), iso(week.end)]).toEqual(['2026-11-16', '2026-11-23']);
    expect(periodId(week)).toBe('week-2026-11-16');
    const prevWeek = previousPeriod(week);
    expect([iso(prevWeek.start), iso(prevWeek.end)]).toEqual(['2026-11-09', '2026-11-16']);
    const month = lastFullPeriod('month', NOW);
    expect([iso(month.start), iso(month.end)]).toEqual(['2026-10-01', '2026-11-01']);
    const prevMonth = previousPeriod(month);
    expect([iso(prevMonth.start), iso(prevMonth.end)]).toEqual(['2026-09-01', '2026-10-01']);
    expect(() => customPeriod('2026-11-08', '2026-11-01')).toThrow(/must be after/);
    expect(() => customPeriod('yesterday', '2026-11-01')).toThrow(/--since: expected a date such as 2026-11-01/);
  });
});

async function org(projects = 8) {
  const o = seedOrganization({ now: NOW, projects, days: 40 });
  fake = await startFakeOpenAI(o, {}, () => NOW);
  return { o, admin: new OpenAIAdmin({ adminKey: o.adminKeys[0]!.secret, baseURL: fake.baseURL, logger }) };
}

describe('report', () => {
  it('per-project numbers match what was seeded, with change, flags and top models', async () => {
    const { o, admin } = await org();
    const week = lastFullPeriod('week', NOW);
    // A spike in project 3 and a budget for project 1.
    for (const c of o.costs) if (c.project_id === 'proj_0003' && c.day >= week.start) c.usd *= 3;
    const config = parseConfig('report:\n  budgets: { proj_0001: 5, "project 2": 100000 }\n', '.keyguard.yml');
    const { report, requests } = await buildReport(admin, week, config, NOW, logger);

    const inWeek = (d: number, p: { start: number; end: number }) => d >= p.start && d < p.end;
    for (const p of report.projects) {
      const cost = o.costs.filter((c) => c.project_id === p.id && inWeek(c.day, week)).reduce((n, c) => n + c.usd, 0);
      const prevCost = o.costs.filter((c) => c.project_id === p.id && inWeek(c.day, previousPeriod(week))).reduce((n, c) => n + c.usd, 0);
      const tokens = o.usage.filter((u) => u.project_id === p.id && inWeek(u.day, week)).reduce((n, u) => n + u.input_tokens, 0);
      expect(p.costUsd).toBeCloseTo(cost, 2);
      expect(p.previous.costUsd).toBeCloseTo(prevCost, 2);
      expect(p.inputTokens).toBe(tokens);
    }
    expect(report.projects.map((p) => p.costUsd)).toEqual([...report.projects.map((p) => p.costUsd)].sort((a, b) => b - a));
    const byId = Object.fromEntries(report.projects.map((p) => [p.id, p]));
    expect(byId.proj_0001!.flags).toContainEqual({ type: 'over-budget', budgetUsd: 5 });
    expect(byId.proj_0002!.flags.some((f) => f.type === 'over-budget')).toBe(false);
    expect(byId.proj_0003!.flags).toContainEqual({ type: 'spike', metric: 'cost', percent: expect.any(Number) });
    expect(byId.proj_0006!.flags).toContainEqual({ type: 'no-members' });
    // In every fifth project the seed's usage comes partly from key 2, 200 days old, which the audit flags.
    expect(byId.proj_0000!.flags).toContainEqual({ type: 'flagged-keys', keyIds: ['key_proj_0000_2'] });
    expect(byId.proj_0000!.topModels.map((m) => m.model)).toEqual(['text-embedding-3-small', 'gpt-4o-mini', 'gpt-4o']);
    expect(report.daily).toHaveLength(7);
    expect(report.totals.costUsd).toBeCloseTo(report.projects.reduce((n, p) => n + p.costUsd, report.unattributed.costUsd), 2);
    // Projects, users, costs, 10 usage endpoints, 8 by key and user (those that meter keys): one page each; then keys of projects that spent.
    expect(requests).toBe(21 + report.projects.length);

    const md = renderReportMarkdown(report);
    expect(md).toMatch(/^## OpenAI usage and cost: 2026-11-16 to 2026-11-22\n\n\*\*\$[\d,]+\.\d\d\*\*, [+-]\d+\.\d% against 2026-11-09 to 2026-11-15 \(\$[\d,.]+\) · 8 active projects/);
    expect(md).toContain('xychart-beta horizontal\n  title "Top 8 projects by cost (USD)"');
    expect(md).toContain('  title "Daily cost per project (USD)"');
    const row = md.split('\n').find((l) => l.startsWith('| project 3 |'))!;
    expect(row).toContain(formatUsd(byId.proj_0003!.costUsd));
    expect(row).toContain('spike +');
    const json = JSON.parse(renderReportJson(report));
    expect(json.period).toEqual({ start: '2026-11-16T00:00:00.000Z', end: '2026-11-23T00:00:00.000Z', kind: 'week' });
    expect(json.projects[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), costUsd: expect.any(Number), requests: expect.any(Number), inputTokens: expect.any(Number), outputTokens: expect.any(Number), previous: expect.any(Object), flags: expect.any(Array) });
  });

  it('renders an empty period, zero costs and 1,000 projects sensibly', async () => {
    const { admin } = await org(3);
    const empty = await buildReport(admin, customPeriod('2020-01-01', '2020-01-08'), DEFAULT_CONFIG, NOW, logger);
    expect(renderReportMarkdown(empty.report)).toContain('No usage and no cost in this period or the one before');
    await fake!.close();
    const big = await org(1000);
    const { report, requests } = await buildReport(big.admin, lastFullPeriod('day', NOW), parseConfig('report:\n  flagKeys: false\n', 'x'), NOW, logger);
    expect(report.projects).toHaveLength(1000);
    expect(requests).toBe(10 + 1 + 1 + 10 + 8); // projects: 10 pages of 100; users; costs; 10 usage endpoints; 8 of them by key and user
    const md = renderReportMarkdown(report);
    expect(md).toContain('The other 992 projects spent $');
    expect(md).toContain('| … 900 more projects (see the JSON report) |');
    expect(change(0, 0)).toBe('–');
    expect(change(5, 0)).toBe('new');
    expect(formatUsd(1234567.891)).toBe('$1,234,567.89');
  });

  it('the first screen names each flagged project and why; the table has a cell per column, blank or not; ids and models are folded', async () => {
    const { admin } = await org(12);
    const config = parseConfig('report:\n  budgets: { "project 5": 60 }\n', '.keyguard.yml');
    const { report } = await buildReport(admin, lastFullPeriod('week', NOW), config, NOW, logger);
    const md = renderReportMarkdown(report, { marker: true });
    const firstScreen = md.slice(0, md.indexOf('```mermaid'));
    expect(firstScreen).toMatch(/^- \*\*project 3\*\*: cost spike \+5\d% \(\$[\d.]+, was \$[\d.]+\)$/m);
    expect(firstScreen).toMatch(/^- \*\*project 5\*\*: over budget: \$[\d.]+ of \$60\.00; spend from keys the audit flags: key 2 of proj_0005 `sk-proj-.{3}\.\.\..{3}`$/m);
    expect(firstScreen).toContain('- **project 6**: spend with no members');
    expect(firstScreen).toContain('### :warning: 6 projects need attention');
    // The rest of the projects is a sentence, not a bar that dwarfs the others.
    expect(md).toMatch(/\nThe other 4 projects spent \$[\d,.]+ together \(\d+% of the total\)\.\n/);
    expect(md).toContain('%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0969da, #bc4c00');
    // The daily chart draws the spiking project first, whatever its rank by cost.
    expect(md).toMatch(/title "Daily cost per project \(USD\)"\n.*\n.*\n  line "project 3" \[/);
    const [main] = md.split('<details>');
    const table = main!.split('\n').filter((l) => l.startsWith('|'));
    // Cells between unescaped pipes (a name may hold `\|`), so a blank cell counts as one.
    const cells = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    expect(cells(table[0]!)).toEqual(COLUMNS.map((c) => c.header));
    for (const row of table) expect(cells(row).length, row).toBe(COLUMNS.length);
    expect(main).not.toMatch(/proj_\d{4}`? \|/);
    expect(md).toContain('| project 3 | `proj_0003` |');
    // What no project carries is a row of the same columns, above the total.
    expect(main).toMatch(/\n\| \*Not attributed to a project\* \| \$[\d.]+ \| .*\n\| \*\*Total\*\* \|/);
  });

  it('top API keys and users of each project from one grouped read, named and redacted, never whole', async () => {
    const { o, admin } = await org(30);
    const week = lastFullPeriod('week', NOW);
    const { report } = await buildReport(admin, week, DEFAULT_CONFIG, NOW, logger);
    const grouped = fake!.log.filter((r) => r.path.startsWith('/v1/organization/usage/') && r.query.group_by?.includes('api_key_id'));
    // Every endpoint that meters keys (all but vector stores and code interpreter sessions): one page each for 30 projects, not one per project.
    const keyed = ['completions', 'embeddings', 'moderations', 'images', 'audio_speeches', 'audio_transcriptions', 'file_search_calls', 'web_search_calls'];
    expect(grouped.map((r) => [r.path, r.query.group_by]).sort()).toEqual(keyed.map((e) => [`/v1/organization/usage/${e}`, ['project_id', 'api_key_id', 'user_id']]).sort());
    const p0 = report.projects.find((p) => p.id === 'proj_0000')!;
    // Requests count as the totals count them (search calls' model requests are counted by the model endpoints).
    const requestKinds = ['completions', 'embeddings', 'moderations', 'images', 'audio_speeches', 'audio_transcriptions'];
    const seeded = (keyId: string) =>
      o.usage.filter((u) => u.api_key_id === keyId && u.day >= week.start && u.day < week.end).reduce((n, u) => ({ requests: n.requests + (requestKinds.includes(u.kind) ? u.num_model_requests : 0), tokens: n.tokens + u.input_tokens + u.output_tokens }), { requests: 0, tokens: 0 });
    // proj_0000's developer key also uses the other endpoints: their requests and tokens are the key's too.
    expect(o.usage.some((u) => u.api_key_id === 'key_proj_0000_1' && u.kind === 'moderations')).toBe(true);
    expect(p0.topKeys.map((k) => k.id)).toEqual(['key_proj_0000_1', 'key_proj_0000_3', 'key_proj_0000_2']);
    for (const k of p0.topKeys) expect(k).toMatchObject({ ...seeded(k.id!), name: `key ${k.id!.at(-1)} of proj_0000`, redacted: expect.stringMatching(/^sk-(proj|svcacct)-.{3}\.\.\..{3}$/) });
    expect(p0.topUsers).toEqual([
      { id: 'user_dev', name: 'Dev Eloper', ...seeded('key_proj_0000_1') },
      { id: null, name: null, ...seeded('key_proj_0000_3') },
      { id: 'user_owner', name: 'Olga Owner', ...seeded('key_proj_0000_2') },
    ]);
    const md = renderReportMarkdown(report);
    const folded = md.slice(md.indexOf('<summary>Top API keys and users of each project'));
    expect(folded).toMatch(/\| project 25 \| key 1 of proj_0025 `sk-proj-.{3}\.\.\..{3}` \| [\d,]+ \| [\d.]+[KM] \|/);
    expect(folded).toContain('| no user (service account keys) |');
    expect(folded).toContain('(the first 25 by cost)');
    for (const k of o.keys) expect(md).not.toContain(k.secret);
  });

  it('1,000 projects with long names full of Markdown stay within an issue body (65,536 characters)', async () => {
    const { o, admin } = await org(1000);
    for (const p of o.projects) p.name = `${p.id} <b>|</b> & [link](x) @team ${'ü'.repeat(200)}`;
    for (const c of o.costs) if (c.project_id && Number(c.project_id.slice(5)) % 2 === 0) c.usd *= 3; // every other project spikes: 500 flags
    const { report } = await buildReport(admin, lastFullPeriod('week', NOW), DEFAULT_CONFIG, NOW, logger);
    const md = renderReportMarkdown(report, { marker: true });
    expect(md.length).toBeLessThan(65_536);
    expect(md).toContain('- and ');
    expect(md).not.toMatch(/<b>|@team/);
  });

  it('totals match the bill to the cent: unattributed costs and every usage endpoint, each in its unit', async () => {
    const o = seedOrganization({ now: NOW, projects: 5, days: 20 });
    fake = await startFakeOpenAI(o, {}, () => NOW);
    const admin = new OpenAIAdmin({ adminKey: o.adminKeys[0]!.secret, baseURL: fake.baseURL, logger });
    const week = lastFullPeriod('week', NOW);
    const { report, requests } = await buildReport(admin, week, parseConfig('report:\n  flagKeys: false\n', 'x'), NOW, logger);
    const inWeek = (d: number) => d >= week.start && d < week.end;
    const cents = (usd: number) => Math.round(usd * 100);
    const costs = o.costs.filter((c) => inWeek(c.day));
    expect(costs.some((c) => c.project_id === null)).toBe(true);
    expect(cents(report.totals.costUsd)).toBe(cents(costs.reduce((n, c) => n + c.usd, 0)));
    expect(cents(report.unattributed.costUsd)).toBe(cents(costs.filter((c) => c.project_id === null).reduce((n, c) => n + c.usd, 0)));
    const usage = o.usage.filter((u) => inWeek(u.day));
    const requestKinds = ['completions', 'embeddings', 'moderations', 'images', 'audio_speeches', 'audio_transcriptions'];
    expect(new Set(usage.map((u) => u.kind)).size).toBe(10);
    expect(report.totals.requests).toBe(usage.filter((u) => requestKinds.includes(u.kind)).reduce((n, u) => n + u.num_model_requests, 0));
    expect(report.totals.inputTokens).toBe(usage.reduce((n, u) => n + u.input_tokens, 0));
    expect(report.totals.outputTokens).toBe(usage.reduce((n, u) => n + u.output_tokens, 0));
    const seeded = (kind: string, f: 'quantity' | 'num_model_requests') => usage.filter((u) => u.kind === kind).reduce((n, u) => n + (u[f] ?? 0), 0);
    expect(Object.fromEntries(report.usage.map((u) => [u.endpoint, [u.unit, u.unit === 'tokens' ? u.inputTokens : u.quantity]]))).toEqual({
      completions: ['tokens', usage.filter((u) => u.kind === 'completions').reduce((n, u) => n + u.input_tokens, 0)],
      embeddings: ['tokens', usage.filter((u) => u.kind === 'embeddings').reduce((n, u) => n + u.input_tokens, 0)],
      moderations: ['tokens', usage.filter((u) => u.kind === 'moderations').reduce((n, u) => n + u.input_tokens, 0)],
      images: ['images', seeded('images', 'quantity')],
      audio_speeches: ['characters', seeded('audio_speeches', 'quantity')],
      audio_transcriptions: ['seconds', seeded('audio_transcriptions', 'quantity')],
      vector_stores: ['byte-days', seeded('vector_stores', 'quantity')],
      code_interpreter_sessions: ['sessions', seeded('code_interpreter_sessions', 'quantity')],
      file_search_calls: ['calls', seeded('file_search_calls', 'quantity')],
      web_search_calls: ['calls', seeded('web_search_calls', 'quantity')],
    });
    expect(report.usage.find((u) => u.endpoint === 'images')!.requests).toBe(seeded('images', 'num_model_requests'));
    // Still one page per endpoint: O(pages), not O(projects) or O(days).
    expect(requests).toBe(1 + 1 + 1 + 10 + 8);

    const md = renderReportMarkdown(report);
    expect(md).toContain(`| *Not attributed to a project* | ${formatUsd(report.unattributed.costUsd)} |`);
    expect(md).toContain(`| **Total** | **${formatUsd(report.totals.costUsd)}** |`);
    expect(md).toContain(`| Images | ${seeded('images', 'num_model_requests')} |  |  | ${seeded('images', 'quantity')} images |`);
    expect(md).toContain(`| Vector stores |  |  |  | ${(seeded('vector_stores', 'quantity') / 2 ** 30).toFixed(2)} GiB-days |`);
    expect(JSON.parse(renderReportJson(report)).unattributed.costUsd).toBe(report.unattributed.costUsd);
  });

  it('users without their projects (optional, or null): members are read per project that spent, and only the memberless are flagged', async () => {
    for (const knobs of [{ omit: ['organization.user.projects'] }, { nullify: ['organization.user.projects'] }]) {
      const o = seedOrganization({ now: NOW, projects: 8, days: 20 });
      fake = await startFakeOpenAI(o, knobs, () => NOW);
      const admin = new OpenAIAdmin({ adminKey: o.adminKeys[0]!.secret, baseURL: fake.baseURL, logger });
      const { report, requests } = await buildReport(admin, lastFullPeriod('week', NOW), parseConfig('report:\n  flagKeys: false\n', 'x'), NOW, logger);
      const noMembers = report.projects.filter((p) => p.flags.some((f) => f.type === 'no-members')).map((p) => p.id);
      expect(noMembers).toEqual(['proj_0006']);
      expect(fake.log.filter((r) => /\/projects\/[^/]+\/users$/.test(r.path))).toHaveLength(report.projects.length);
      expect(requests).toBe(21 + report.projects.length);
      await fake.close();
      fake = undefined;
    }
  });

  it('one issue per period, updated in place; closes the previous period\'s', async () => {
    const { admin } = await org(3);
    const tracker = new MemoryTracker();
    const prev = await buildReport(admin, previousPeriod(lastFullPeriod('week', NOW)), DEFAULT_CONFIG, NOW, logger);
    expect(await fileReportIssue(prev.report, tracker, { labels: ['keyguard-report'], closePrevious: false })).toMatchObject({ number: 1, action: 'created' });
    const cur = await buildReport(admin, lastFullPeriod('week', NOW), DEFAULT_CONFIG, NOW, logger);
    expect(await fileReportIssue(cur.report, tracker, { labels: ['keyguard-report'], closePrevious: true })).toEqual({ number: 2, action: 'created', closedPrevious: 1 });
    expect(await fileReportIssue(cur.report, tracker, { labels: ['keyguard-report'], closePrevious: true })).toEqual({ number: 2, action: 'unchanged' });
    expect(tracker.issues.map((i) => [i.title, i.state])).toEqual([
      ['OpenAI usage and cost: 2026-11-09 to 2026-11-15', 'closed'],
      ['OpenAI usage and cost: 2026-11-16 to 2026-11-22', 'open'],
    ]);
    expect(tracker.issues[1]!.body.split('\n')[0]).toBe('<!-- keyguard:v1 report week-2026-11-16 -->');
  });
});

describe('keyguard report (bundled CLI and action)', () => {
  it('CLI prints Markdown or JSON; the action writes the summary and one issue per period', async () => {
    const { runActionAsync, runCliAsync, runnerFiles } = await import('./helpers/run.ts');
    const { tempDir } = await import('./helpers/repo.ts');
    const { startFakeGitHub } = await import('./fakes/github-server.ts');
    const now = Math.floor(Date.now() / 1000);
    const o = seedOrganization({ now, projects: 4, days: 20 });
    fake = await startFakeOpenAI(o);
    const run = async (args: string[], env: NodeJS.ProcessEnv) => {
      const r = await runCliAsync(args, env, tempDir());
      return { code: r.code, out: r.stdout, err: r.stderr };
    };
    const env = { OPENAI_ADMIN_KEY: o.adminKeys[0]!.secret };
    const at = ['--openai-base-url', fake.baseURL];
    const md = await run(['report', '--period', 'week', ...at], env);
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^## OpenAI usage and cost: \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/);
    const json = await run(['report', '--since', '2026-01-01', '--until', '2026-01-02', '--format', 'json', ...at], env);
    expect(JSON.parse(json.out).period).toEqual({ start: '2026-01-01T00:00:00.000Z', end: '2026-01-02T00:00:00.000Z', kind: 'custom' });
    expect((await run(['report'], {})).err).toContain('the report needs an OpenAI admin key');

    const gh = await startFakeGitHub({ repos: ['acme/finance'] });
    try {
      for (let i = 0; i < 2; i++) {
        const r0 = runnerFiles(tempDir(), tempDir());
        const r = await runActionAsync({ mode: 'report', period: 'week', issues: 'true', 'openai-admin-key': o.adminKeys[0]!.secret, 'github-token': gh.token }, { ...r0.env, 'INPUT_OPENAI-BASE-URL': fake.baseURL, GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/finance', KEYGUARD_GITHUB_WRITE_INTERVAL_MS: '0' });
        expect(r.code).toBe(0);
        expect(r0.summary()).toContain('```mermaid');
        expect(r0.outputs()).toMatchObject({ projects: '4', 'issue-number': '1' });
      }
      expect(gh.repo('acme/finance').issues).toHaveLength(1);
      expect(gh.repo('acme/finance').issues[0]!.labels).toEqual(['keyguard-report']);
    } finally {
      await gh.close();
    }
  });
});
