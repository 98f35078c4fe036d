import { groupsBy, USAGE_ENDPOINTS, type CostBucket, type TimeRange, type UsageBucket, type UsageEndpoint, type UsageGrouping } from '../openai/admin-client.ts';
import { ENDPOINT_UNITS } from '../report/aggregate.ts';

const DAY = 86_400;

/** A leaked key matched to a project key record, and when it was exposed (Unix seconds). */
export interface ExposedKey {
  readonly keyId: string;
  readonly projectId: string;
  readonly since: number;
  readonly lastUsedAt: number | null;
}

export interface ModelUse {
  readonly model: string;
  readonly requests: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export interface UseTotals {
  /** ISO 8601: the window's first UTC day. */
  readonly from: string;
  readonly requests: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly byModel: readonly ModelUse[];
  /** The whole project's cost over the window: costs are grouped by project, not by key. Null: no cost rows. */
  readonly projectCostUsd: number | null;
}

/**
 * What a key did from its exposure to now (counted from the UTC day of exposure, the usage API's
 * buckets being days), and over the same number of days just before, so a jump stands out.
 */
export interface Exposure extends UseTotals {
  /** ISO 8601: the author date of the first commit that added the key, or the scan time. */
  readonly since: string;
  /** ISO 8601: until when the figures count. */
  readonly until: string;
  readonly lastUsedAt: string | null;
  readonly before: UseTotals;
}

/** What exposure reads: the admin client's usage and costs. */
export interface UsageSource {
  usage(endpoint: UsageEndpoint, range: TimeRange, groupBy: UsageGrouping[], projectIds?: string[], apiKeyIds?: string[]): Promise<UsageBucket[]>;
  costs(range: TimeRange, groupBy: ('project_id' | 'line_item' | 'api_key_id')[], projectIds?: string[]): Promise<CostBucket[]>;
}

/**
 * The endpoints a key's requests and tokens come from: those that group by `api_key_id` and whose
 * model requests count (web and file search calls are made within requests the others count).
 */
export const KEY_ENDPOINTS = USAGE_ENDPOINTS.filter((e) => groupsBy(e, 'api_key_id') && ENDPOINT_UNITS[e].requests);

export const iso = (t: number) => new Date(t * 1000).toISOString();

/** A key's windows in whole UTC days: after = [day of exposure, now), before = the same days just before. */
export function windowsOf(since: number, now: number): { after: TimeRange; before: TimeRange } {
  const start = Math.floor(Math.min(since, now) / DAY) * DAY;
  const days = Math.max(1, Math.ceil((now - start) / DAY));
  return { after: { start, end: now }, before: { start: start - days * DAY, end: start } };
}

interface Tally {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  models: Map<string, { requests: number; inputTokens: number; outputTokens: number }>;
  costUsd: number | null;
}

const inside = (t: number, r: TimeRange) => t >= r.start && t < r.end;

/** The usage and costs of some keys over one range: one read per endpoint, grouped by key. */
export interface KeyUsage {
  readonly usage: readonly UsageBucket[];
  readonly costs: readonly CostBucket[];
}

/**
 * Ids a filter sends at most: each goes into the URL (`api_key_ids[]=key_…`, ~30 bytes), and
 * servers refuse long request lines (Node answers 431 past 16 KiB; many proxies stop at 8 KiB).
 * More ids than this read everything grouped by key instead: pages count buckets, not rows, so
 * that is no more requests, only bigger answers.
 */
export const MAX_FILTER_IDS = 100;

export async function readKeyUsage(source: UsageSource, range: TimeRange, keyIds: readonly string[], projectIds: readonly string[]): Promise<KeyUsage> {
  const keys = keyIds.length <= MAX_FILTER_IDS ? [...keyIds] : undefined;
  const projects = projectIds.length <= MAX_FILTER_IDS ? [...projectIds] : undefined;
  const [usage, costs] = await Promise.all([
    Promise.all(KEY_ENDPOINTS.map((e) => source.usage(e, range, groupsBy(e, 'model') ? ['api_key_id', 'model'] : ['api_key_id'], undefined, keys))).then((b) => b.flat()),
    source.costs(range, ['project_id'], projects),
  ]);
  return { usage, costs };
}

/** One key's use within `range` (buckets counted by their start), and its project's cost. */
export function useOf(read: KeyUsage, key: { keyId: string; projectId: string }, range: TimeRange): UseTotals & { lastActiveDay: number | null } {
  const t: Tally = { requests: 0, inputTokens: 0, outputTokens: 0, models: new Map(), costUsd: null };
  let lastActiveDay: number | null = null;
  for (const b of read.usage) {
    if (!inside(b.start, range)) continue;
    for (const r of b.results) {
      if (r.apiKeyId !== key.keyId) continue;
      t.requests += r.requests;
      t.inputTokens += r.inputTokens;
      t.outputTokens += r.outputTokens;
      if (r.requests > 0) lastActiveDay = Math.max(lastActiveDay ?? 0, b.start);
      const model = r.model ?? 'unknown model';
      const m = t.models.get(model) ?? t.models.set(model, { requests: 0, inputTokens: 0, outputTokens: 0 }).get(model)!;
      m.requests += r.requests;
      m.inputTokens += r.inputTokens;
      m.outputTokens += r.outputTokens;
    }
  }
  for (const b of read.costs) {
    if (!inside(b.start, range)) continue;
    for (const r of b.results) if (r.projectId === key.projectId && r.usd !== null) t.costUsd = (t.costUsd ?? 0) + r.usd;
  }
  const byModel = [...t.models].map(([model, m]) => ({ model, ...m })).sort((a, b) => b.requests - a.requests || b.inputTokens - a.inputTokens || a.model.localeCompare(b.model));
  return { from: iso(range.start), requests: t.requests, inputTokens: t.inputTokens, outputTokens: t.outputTokens, byModel, projectCostUsd: t.costUsd === null ? null : Math.round(t.costUsd * 100) / 100, lastActiveDay };
}

export const totals = ({ lastActiveDay: _, ...t }: ReturnType<typeof useOf>): UseTotals => t;

/**
 * Usage since exposure of every key at once: one read per endpoint over the union of the keys'
 * windows, grouped by key and model and filtered to the keys, plus one costs read by project.
 * Requests grow with the pages of the longest window, not with the number of keys.
 */
export async function measureExposure(keys: readonly ExposedKey[], source: UsageSource, now: number): Promise<Map<string, Exposure>> {
  if (keys.length === 0) return new Map();
  const exposureOf = await readExposure(keys, source, now);
  return new Map(keys.map((k) => [k.keyId, exposureOf(k)]));
}

/**
 * The one read of `measureExposure`, answering for any of `keys`: the same key exposed at
 * different times (in several repositories) keeps each exposure's own window.
 */
export async function readExposure(keys: readonly ExposedKey[], source: UsageSource, now: number): Promise<(key: ExposedKey) => Exposure> {
  const union: TimeRange = { start: Math.min(...keys.map((k) => windowsOf(k.since, now).before.start)), end: now };
  const read = await readKeyUsage(source, union, [...new Set(keys.map((k) => k.keyId))], [...new Set(keys.map((k) => k.projectId))]);
  return (k) => {
    const w = windowsOf(k.since, now);
    return { since: iso(k.since), until: iso(now), lastUsedAt: k.lastUsedAt === null ? null : iso(k.lastUsedAt), ...totals(useOf(read, k, w.after)), before: totals(useOf(read, k, w.before)) };
  };
}
