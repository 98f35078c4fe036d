import type { CostBucket, UsageBucket } from '../openai/admin-client.ts';
import type { Period } from './period.ts';

/** Usage and cost of one project over one period. */
export interface Totals {
  readonly costUsd: number;
  readonly requests: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cachedTokens: number;
}

export type Flag =
  | { readonly type: 'over-budget'; readonly budgetUsd: number }
  | { readonly type: 'spike'; readonly metric: 'cost' | 'tokens'; readonly percent: number }
  | { readonly type: 'no-members' }
  | { readonly type: 'flagged-keys'; readonly keyIds: readonly string[] };

/** Requests and tokens (input + output) of one API key or user of a project in the period. */
export interface Spender {
  /** Key or user id; null for usage the API attributes to no user (service account keys). */
  readonly id: string | null;
  /** The key's or user's name, from the inventory; null when unknown. */
  readonly name: string | null;
  /** Keys only: the API's redacted form (`sk-abc...def`), never the key. */
  readonly redacted?: string | null;
  readonly requests: number;
  readonly tokens: number;
}

export interface ProjectReport extends Totals {
  readonly id: string;
  readonly name: string | null;
  readonly archived: boolean;
  readonly topModels: readonly { readonly model: string; readonly requests: number; readonly tokens: number }[];
  /** The project's top API keys and users in the period, by tokens then requests. */
  readonly topKeys: readonly Spender[];
  readonly topUsers: readonly Spender[];
  /** Cost per day of the period, aligned with `Report.daily`. */
  readonly dailyCostUsd: readonly number[];
  readonly previous: Totals;
  readonly flags: readonly Flag[];
}

export interface Report {
  readonly period: Period;
  readonly previousPeriod: Period;
  readonly projects: readonly ProjectReport[];
  readonly totals: Totals & { readonly previous: Totals };
  /** Total cost per day of the period, for the trend chart. */
  readonly daily: readonly { readonly day: number; readonly costUsd: number }[];
  /** Names and redacted values of the keys that spent, where the inventory was read (by key id). */
  readonly keyLabels: ReadonlyMap<string, KeyLabel>;
}

export interface KeyLabel {
  readonly name: string | null;
  readonly redacted: string | null;
}

export interface ReportPolicy {
  /** USD per period, by project id or name. */
  readonly budgets: Readonly<Record<string, number>>;
  readonly spikePercent: number;
  /** Below these, a rise is noise, not a spike. */
  readonly minSpikeBaseUsd: number;
  readonly minSpikeBaseTokens: number;
}

export interface ReportInput {
  readonly period: Period;
  readonly previous: Period;
  /** Buckets spanning both periods (usage grouped by project and model, costs by project). */
  readonly usage: readonly UsageBucket[];
  readonly costs: readonly CostBucket[];
  /**
   * Usage of the period grouped by project, API key and user: the top keys and users of each
   * project, and the flagged-keys flag (project → key ids that spent).
   */
  readonly keyUsage?: readonly UsageBucket[];
  /** Key names and redacted values, by key id (the keys of the projects that spent). */
  readonly keyLabels?: ReadonlyMap<string, KeyLabel>;
  /** User names, by user id. */
  readonly userNames?: ReadonlyMap<string, string>;
  readonly projects: readonly { id: string; name: string | null; archived: boolean }[];
  /** Projects with members; undefined when unknown. */
  readonly members?: ReadonlyMap<string, readonly string[]>;
  /** Keys the audit flags (by key id). */
  readonly flaggedKeys?: ReadonlySet<string>;
}

const zero = (): { -readonly [K in keyof Totals]: Totals[K] } => ({ costUsd: 0, requests: 0, inputTokens: 0, outputTokens: 0, cachedTokens: 0 });
const round2 = (n: number) => Math.round(n * 100) / 100;
const TOP_SPENDERS = 3;

/**
 * Per-project usage and cost for a period and the one before, with flags. Pure: buckets and
 * policy in, report out. Projects with no activity in either period are left out; deleted
 * projects that still show in usage are kept by id.
 */
export function aggregate(input: ReportInput, policy: ReportPolicy): Report {
  const { period, previous } = input;
  const cur = new Map<string, ReturnType<typeof zero>>();
  const prev = new Map<string, ReturnType<typeof zero>>();
  const models = new Map<string, Map<string, { requests: number; tokens: number }>>();
  const daily = new Map<number, number>();
  const projectDaily = new Map<string, Map<number, number>>();
  const slot = (t: number) => (t >= period.start && t < period.end ? cur : t >= previous.start && t < previous.end ? prev : undefined);
  const get = (m: Map<string, ReturnType<typeof zero>>, id: string) => m.get(id) ?? m.set(id, zero()).get(id)!;

  for (const b of input.costs) {
    const target = slot(b.start);
    for (const r of b.results) {
      if (!target || !r.projectId) continue;
      get(target, r.projectId).costUsd += r.usd;
      if (target === cur) {
        const day = Math.floor(b.start / 86_400) * 86_400;
        daily.set(day, (daily.get(day) ?? 0) + r.usd);
        const pd = projectDaily.get(r.projectId) ?? projectDaily.set(r.projectId, new Map()).get(r.projectId)!;
        pd.set(day, (pd.get(day) ?? 0) + r.usd);
      }
    }
  }
  for (const b of input.usage) {
    const target = slot(b.start);
    for (const r of b.results) {
      if (!target || !r.projectId) continue;
      const t = get(target, r.projectId);
      t.requests += r.requests;
      t.inputTokens += r.inputTokens;
      t.outputTokens += r.outputTokens;
      t.cachedTokens += r.cachedTokens;
      if (target === cur && r.model) {
        const pm = models.get(r.projectId) ?? models.set(r.projectId, new Map()).get(r.projectId)!;
        const m = pm.get(r.model) ?? pm.set(r.model, { requests: 0, tokens: 0 }).get(r.model)!;
        m.requests += r.requests;
        m.tokens += r.inputTokens + r.outputTokens;
      }
    }
  }
  // project → key or user id → requests and tokens ('' stands for usage of no user).
  const byKey = new Map<string, Map<string, { requests: number; tokens: number }>>();
  const byUser = new Map<string, Map<string, { requests: number; tokens: number }>>();
  const add = (m: Map<string, Map<string, { requests: number; tokens: number }>>, project: string, id: string, requests: number, tokens: number) => {
    const pm = m.get(project) ?? m.set(project, new Map()).get(project)!;
    const x = pm.get(id) ?? pm.set(id, { requests: 0, tokens: 0 }).get(id)!;
    x.requests += requests;
    x.tokens += tokens;
  };
  for (const b of input.keyUsage ?? []) {
    if (slot(b.start) !== cur) continue;
    for (const r of b.results) {
      if (!r.projectId || (r.requests === 0 && r.inputTokens + r.outputTokens === 0)) continue;
      if (r.apiKeyId) add(byKey, r.projectId, r.apiKeyId, r.requests, r.inputTokens + r.outputTokens);
      add(byUser, r.projectId, r.userId ?? '', r.requests, r.inputTokens + r.outputTokens);
    }
  }
  const top = (m: Map<string, { requests: number; tokens: number }> | undefined, label: (id: string) => Omit<Spender, 'requests' | 'tokens'>): Spender[] =>
    [...(m ?? [])]
      .sort(([a, x], [b, y]) => y.tokens - x.tokens || y.requests - x.requests || a.localeCompare(b))
      .slice(0, TOP_SPENDERS)
      .map(([id, n]) => ({ ...label(id), ...n }));
  const keyLabel = (id: string) => ({ id, name: input.keyLabels?.get(id)?.name ?? null, redacted: input.keyLabels?.get(id)?.redacted ?? null });
  const userLabel = (id: string) => ({ id: id || null, name: id ? (input.userNames?.get(id) ?? null) : null });
  const days: number[] = [];
  for (let d = Math.floor(period.start / 86_400) * 86_400; d < period.end; d += 86_400) days.push(d);

  const known = new Map(input.projects.map((p) => [p.id, p]));
  const ids = [...new Set([...cur.keys(), ...prev.keys()])];
  const projects: ProjectReport[] = ids.map((id) => {
    const c = cur.get(id) ?? zero();
    const p = prev.get(id) ?? zero();
    const project = known.get(id);
    const flags: Flag[] = [];
    const budget = policy.budgets[id] ?? (project?.name ? policy.budgets[project.name] : undefined);
    if (budget !== undefined && c.costUsd > budget) flags.push({ type: 'over-budget', budgetUsd: budget });
    const rise = (now: number, before: number) => (before > 0 ? ((now - before) / before) * 100 : 0);
    if (p.costUsd >= policy.minSpikeBaseUsd && rise(c.costUsd, p.costUsd) > policy.spikePercent) flags.push({ type: 'spike', metric: 'cost', percent: Math.round(rise(c.costUsd, p.costUsd)) });
    else if (p.inputTokens + p.outputTokens >= policy.minSpikeBaseTokens && rise(c.inputTokens + c.outputTokens, p.inputTokens + p.outputTokens) > policy.spikePercent) {
      flags.push({ type: 'spike', metric: 'tokens', percent: Math.round(rise(c.inputTokens + c.outputTokens, p.inputTokens + p.outputTokens)) });
    }
    const spent = c.costUsd > 0 || c.requests > 0;
    if (spent && input.members && (input.members.get(id)?.length ?? 0) === 0) flags.push({ type: 'no-members' });
    const flaggedSpenders = [...(byKey.get(id)?.keys() ?? [])].filter((k) => input.flaggedKeys?.has(k)).sort();
    if (flaggedSpenders.length) flags.push({ type: 'flagged-keys', keyIds: flaggedSpenders });
    const topModels = [...(models.get(id) ?? new Map<string, { requests: number; tokens: number }>())].map(([model, m]) => ({ model, ...m })).sort((a, b) => b.tokens - a.tokens).slice(0, 3);
    const topKeys = top(byKey.get(id), keyLabel);
    const topUsers = top(byUser.get(id), userLabel);
    const dailyCostUsd = days.map((d) => round2(projectDaily.get(id)?.get(d) ?? 0));
    return { id, name: project?.name ?? null, archived: project?.archived ?? false, ...c, costUsd: round2(c.costUsd), topModels, topKeys, topUsers, dailyCostUsd, previous: { ...p, costUsd: round2(p.costUsd) }, flags };
  });
  projects.sort((a, b) => b.costUsd - a.costUsd || b.requests - a.requests || a.id.localeCompare(b.id));
  const sum = (list: readonly Totals[]) => list.reduce((t, x) => ({ costUsd: t.costUsd + x.costUsd, requests: t.requests + x.requests, inputTokens: t.inputTokens + x.inputTokens, outputTokens: t.outputTokens + x.outputTokens, cachedTokens: t.cachedTokens + x.cachedTokens }), zero());
  const total = sum(projects);
  const totalPrev = sum(projects.map((p) => p.previous));
  return {
    period,
    previousPeriod: previous,
    projects,
    totals: { ...total, costUsd: round2(total.costUsd), previous: { ...totalPrev, costUsd: round2(totalPrev.costUsd) } },
    daily: days.map((d) => ({ day: d, costUsd: round2(daily.get(d) ?? 0) })),
    keyLabels: input.keyLabels ?? new Map(),
  };
}
