import type { CostBucket, UsageBucket, UsageEndpoint } from '../openai/admin-client.ts';
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

/** What an endpoint counts besides tokens: the unit its usage is reported in. */
export type UsageUnit = 'tokens' | 'images' | 'characters' | 'seconds' | 'byte-days' | 'sessions' | 'calls';

/**
 * Each usage endpoint's unit, and whether its `num_model_requests` count as requests. Web search
 * and file search calls are made within model requests the other endpoints count already.
 */
export const ENDPOINT_UNITS: Readonly<Record<UsageEndpoint, { unit: UsageUnit; requests: boolean }>> = {
  completions: { unit: 'tokens', requests: true },
  embeddings: { unit: 'tokens', requests: true },
  moderations: { unit: 'tokens', requests: true },
  images: { unit: 'images', requests: true },
  audio_speeches: { unit: 'characters', requests: true },
  audio_transcriptions: { unit: 'seconds', requests: true },
  // Bytes stored, per daily bucket: summed over the days, byte-days (storage is billed per GB-day).
  vector_stores: { unit: 'byte-days', requests: false },
  code_interpreter_sessions: { unit: 'sessions', requests: false },
  file_search_calls: { unit: 'calls', requests: false },
  web_search_calls: { unit: 'calls', requests: false },
};

const USAGE_ORDER = Object.keys(ENDPOINT_UNITS) as UsageEndpoint[];

/** The organization's usage of one endpoint in the period, attributed or not. */
export interface EndpointUsage {
  readonly endpoint: UsageEndpoint;
  readonly unit: UsageUnit;
  readonly requests: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** In `unit`, where it is not tokens; else 0. */
  readonly quantity: number;
}

export interface Report {
  readonly period: Period;
  readonly previousPeriod: Period;
  readonly projects: readonly ProjectReport[];
  /** Cost and usage that no project carries (`project_id` null): part of the totals. */
  readonly unattributed: Totals & { readonly previous: Totals };
  /** Totals over projects and unattributed rows, from unrounded amounts: what the bill says. */
  readonly totals: Totals & { readonly previous: Totals };
  /** Usage per endpoint in the period, in each endpoint's own unit; endpoints with none are left out. */
  readonly usage: readonly EndpointUsage[];
  /** Cost rows of the period that came without an amount: the totals cannot include them. */
  readonly costRowsWithoutAmount: number;
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
  /** Buckets spanning both periods (usage of every endpoint grouped by project and model, costs by project). */
  readonly usage: readonly UsageBucket[];
  readonly costs: readonly CostBucket[];
  /**
   * Usage of the period grouped by project, API key and user, from every endpoint that meters keys:
   * the top keys and users of each project, and the flagged-keys flag (project → key ids that spent).
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
/** The key under which rows without a project are summed (no project id is empty). */
const NO_PROJECT = '';

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

  const endpoints = new Map<UsageEndpoint, { -readonly [K in keyof EndpointUsage]: EndpointUsage[K] }>();
  let withoutAmount = 0;
  for (const b of input.costs) {
    const target = slot(b.start);
    for (const r of b.results) {
      if (!target) continue;
      if (r.usd === null) {
        if (target === cur) withoutAmount++;
        continue;
      }
      const project = r.projectId ?? NO_PROJECT;
      get(target, project).costUsd += r.usd;
      if (target === cur) {
        const day = Math.floor(b.start / 86_400) * 86_400;
        daily.set(day, (daily.get(day) ?? 0) + r.usd);
        const pd = projectDaily.get(project) ?? projectDaily.set(project, new Map()).get(project)!;
        pd.set(day, (pd.get(day) ?? 0) + r.usd);
      }
    }
  }
  for (const b of input.usage) {
    const target = slot(b.start);
    const { unit, requests: countsRequests } = ENDPOINT_UNITS[b.endpoint];
    for (const r of b.results) {
      if (!target) continue;
      const requests = countsRequests ? r.requests : 0;
      const t = get(target, r.projectId ?? NO_PROJECT);
      t.requests += requests;
      t.inputTokens += r.inputTokens;
      t.outputTokens += r.outputTokens;
      t.cachedTokens += r.cachedTokens;
      if (target === cur) {
        const e = endpoints.get(b.endpoint) ?? endpoints.set(b.endpoint, { endpoint: b.endpoint, unit, requests: 0, inputTokens: 0, outputTokens: 0, quantity: 0 }).get(b.endpoint)!;
        e.requests += requests;
        e.inputTokens += r.inputTokens;
        e.outputTokens += r.outputTokens;
        e.quantity += r.quantity;
      }
      if (target === cur && r.model && r.projectId) {
        const pm = models.get(r.projectId) ?? models.set(r.projectId, new Map()).get(r.projectId)!;
        const m = pm.get(r.model) ?? pm.set(r.model, { requests: 0, tokens: 0 }).get(r.model)!;
        m.requests += requests;
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
    const countsRequests = ENDPOINT_UNITS[b.endpoint].requests;
    for (const r of b.results) {
      const requests = countsRequests ? r.requests : 0;
      const tokens = r.inputTokens + r.outputTokens;
      if (!r.projectId || (requests === 0 && tokens === 0)) continue;
      if (r.apiKeyId) add(byKey, r.projectId, r.apiKeyId, requests, tokens);
      add(byUser, r.projectId, r.userId ?? '', requests, tokens);
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
  const ids = [...new Set([...cur.keys(), ...prev.keys()])].filter((id) => id !== NO_PROJECT);
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
  // Totals from the unrounded sums: rounding each project first could miss the bill by cents.
  const sum = (list: Iterable<Totals>) => [...list].reduce((t, x) => ({ costUsd: t.costUsd + x.costUsd, requests: t.requests + x.requests, inputTokens: t.inputTokens + x.inputTokens, outputTokens: t.outputTokens + x.outputTokens, cachedTokens: t.cachedTokens + x.cachedTokens }), zero());
  const rounded = (t: Totals) => ({ ...t, costUsd: round2(t.costUsd) });
  const withPrevious = (c: Totals, p: Totals) => ({ ...rounded(c), previous: rounded(p) });
  return {
    period,
    previousPeriod: previous,
    projects,
    unattributed: withPrevious(cur.get(NO_PROJECT) ?? zero(), prev.get(NO_PROJECT) ?? zero()),
    totals: withPrevious(sum(cur.values()), sum(prev.values())),
    usage: USAGE_ORDER.flatMap((e) => endpoints.get(e) ?? []),
    costRowsWithoutAmount: withoutAmount,
    daily: days.map((d) => ({ day: d, costUsd: round2(daily.get(d) ?? 0) })),
    keyLabels: input.keyLabels ?? new Map(),
  };
}
