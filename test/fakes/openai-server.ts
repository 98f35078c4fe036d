/*
 * A loopback fake of OpenAI's organization API (admin keys, projects, project keys, service
 * accounts, usage, costs) and of `GET /v1/models` for liveness. Shapes follow OpenAI's OpenAPI
 * description as the `openai` SDK types mirror it (see ../shared/reference/openai-admin-api.md):
 * list endpoints page with `limit`/`after` and answer `{object:"list", data, first_id, last_id,
 * has_more}`; usage and costs page with `page`/`next_page` over time buckets; errors are
 * `{"error":{"message","type","param","code"}}` with an `x-request-id` on every response.
 *
 * Knobs for tests: latency, a rate of 5xx answers, 429s with `retry-after`, fields left out or
 * null where the description allows it, and a request log with the answers.
 * Erasable TypeScript only, so `node scripts/demo.ts` can run it directly.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REDACTED_PREFIXES } from '../../src/detect/kinds.ts';

export type KeyState = 'live' | 'revoked' | 'restricted' | 'no_quota';

export interface FakeUser {
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'member';
  created_at: number;
}

export interface FakeServiceAccount {
  id: string;
  project_id: string;
  name: string;
  role: 'owner' | 'member';
  created_at: number;
}

export interface FakeProject {
  id: string;
  name: string;
  created_at: number;
  archived_at: number | null;
  /** Member user ids. */
  members: string[];
}

/** A project API key. `secret` is the whole key: held in memory here only, to answer liveness. */
export interface FakeProjectKey {
  id: string;
  project_id: string;
  name: string;
  secret: string;
  owner: { type: 'user'; user_id: string } | { type: 'service_account'; service_account_id: string };
  owner_project_access: 'active' | 'inactive';
  created_at: number;
  last_used_at: number | null;
  state: KeyState;
}

export interface FakeAdminKey {
  id: string;
  name: string;
  secret: string;
  owner_user_id: string;
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
  state: KeyState;
}

/** The usage endpoints (`/organization/usage/{kind}`) of OpenAI's description. */
export type UsageKind = 'completions' | 'embeddings' | 'moderations' | 'images' | 'audio_speeches' | 'audio_transcriptions' | 'vector_stores' | 'code_interpreter_sessions' | 'file_search_calls' | 'web_search_calls';

/**
 * One day of usage of one model by one key in one project. `quantity` is the endpoint's own unit:
 * images, characters, seconds, bytes stored, sessions or tool calls (unused by token endpoints).
 */
export interface FakeUsage {
  kind: UsageKind;
  day: number;
  project_id: string;
  api_key_id: string;
  user_id: string | null;
  model: string;
  input_tokens: number;
  output_tokens: number;
  input_cached_tokens: number;
  num_model_requests: number;
  quantity?: number;
}

/** One day of cost of one line item in one project (`null`: a cost no project carries). */
export interface FakeCost {
  day: number;
  project_id: string | null;
  api_key_id: string | null;
  line_item: string;
  usd: number;
}

/**
 * A live key of another organization: it answers `GET /v1/models` (and, for an admin key, lists
 * its own organization's admin keys, which are not ours), so only the organization and project
 * headers tell it apart from ours.
 */
export interface FakeStranger {
  id: string;
  kind: 'project' | 'admin';
  secret: string;
  organization: string;
  project_id: string | null;
}

export interface FakeOrganization {
  /** `org-…`: what `OpenAI-Organization` must name for this organization's keys. */
  id?: string;
  /** Live keys of other organizations. */
  strangers?: FakeStranger[];
  users: FakeUser[];
  projects: FakeProject[];
  serviceAccounts: FakeServiceAccount[];
  keys: FakeProjectKey[];
  adminKeys: FakeAdminKey[];
  usage: FakeUsage[];
  costs: FakeCost[];
}

export interface FakeKnobs {
  /** Added to every response. */
  latencyMs: number;
  /** Fraction of requests answered 500 (seeded, so runs repeat). */
  faultRate: number;
  /** Requests whose path contains one of these are answered 500, every time: one endpoint down. */
  faultPaths: string[];
  /** Answer the next N requests with 429 and `retry-after: retryAfterSeconds`. */
  rateLimitNext: number;
  retryAfterSeconds: number;
  /**
   * Deleting a service account's key: `refuse` answers 400, as the OpenAPI description of
   * 2026-08 documents; `allow` deletes it, as later SDK releases describe.
   */
  serviceAccountKeyDelete: 'refuse' | 'allow';
  /** How `redacted_value` shows a key (the real count of visible characters is not documented). */
  redact: (secret: string) => string;
  /**
   * Fields the description lets be absent or null, as `object.field` (`organization.user.projects`):
   * `omit` leaves them out of every answer, `nullify` sends them as null. The contract tests refuse
   * either for a field the description requires.
   */
  omit: string[];
  nullify: string[];
}

export interface RequestRecord {
  method: string;
  path: string;
  /** `OpenAI-Organization` / `OpenAI-Project` as sent. */
  organization?: string;
  project?: string;
  query: Record<string, string[]>;
  status: number;
  /** Which credential was used: a key id, never the key. */
  auth: string;
  body: string;
  /** The query string as sent (`query` folds `a[]` into `a`). */
  search: string;
  /** The JSON answered, for the contract tests. */
  response: unknown;
}

/** `sk-abc...def`, as in the OpenAPI examples: the kind's prefix and three characters each side. */
export function redactLikeExamples(secret: string): string {
  const prefix = REDACTED_PREFIXES.find((p) => secret.startsWith(p)) ?? 'sk-';
  return `${secret.slice(0, prefix.length + 3)}...${secret.slice(-3)}`;
}

const DAY = 86_400;

type Sum = (f: keyof FakeUsage) => number;
const USER_GROUPS = ['project_id', 'user_id', 'api_key_id', 'model'];
/** Each usage endpoint's result object, as the description gives it: its fields and groupings. */
const USAGE: Record<UsageKind, { object: string; groupBy: string[]; groupFields: string[]; fields: (sum: Sum) => Record<string, number | null> }> = {
  completions: {
    object: 'organization.usage.completions.result',
    groupBy: [...USER_GROUPS, 'batch', 'service_tier'],
    groupFields: [...USER_GROUPS, 'batch', 'service_tier'],
    fields: (sum) => ({ input_tokens: sum('input_tokens'), output_tokens: sum('output_tokens'), input_cached_tokens: sum('input_cached_tokens'), input_audio_tokens: 0, output_audio_tokens: 0, num_model_requests: sum('num_model_requests') }),
  },
  embeddings: { object: 'organization.usage.embeddings.result', groupBy: USER_GROUPS, groupFields: USER_GROUPS, fields: (sum) => ({ input_tokens: sum('input_tokens'), num_model_requests: sum('num_model_requests') }) },
  moderations: { object: 'organization.usage.moderations.result', groupBy: USER_GROUPS, groupFields: USER_GROUPS, fields: (sum) => ({ input_tokens: sum('input_tokens'), num_model_requests: sum('num_model_requests') }) },
  images: { object: 'organization.usage.images.result', groupBy: [...USER_GROUPS, 'size', 'source'], groupFields: [...USER_GROUPS, 'size', 'source'], fields: (sum) => ({ images: sum('quantity'), num_model_requests: sum('num_model_requests') }) },
  audio_speeches: { object: 'organization.usage.audio_speeches.result', groupBy: USER_GROUPS, groupFields: USER_GROUPS, fields: (sum) => ({ characters: sum('quantity'), num_model_requests: sum('num_model_requests') }) },
  audio_transcriptions: { object: 'organization.usage.audio_transcriptions.result', groupBy: USER_GROUPS, groupFields: USER_GROUPS, fields: (sum) => ({ seconds: sum('quantity'), num_model_requests: sum('num_model_requests') }) },
  vector_stores: { object: 'organization.usage.vector_stores.result', groupBy: ['project_id'], groupFields: ['project_id'], fields: (sum) => ({ usage_bytes: sum('quantity') }) },
  code_interpreter_sessions: { object: 'organization.usage.code_interpreter_sessions.result', groupBy: ['project_id'], groupFields: ['project_id'], fields: (sum) => ({ num_sessions: sum('quantity') }) },
  file_search_calls: { object: 'organization.usage.file_searches.result', groupBy: ['project_id', 'user_id', 'api_key_id', 'vector_store_id'], groupFields: ['project_id', 'user_id', 'api_key_id', 'vector_store_id'], fields: (sum) => ({ num_requests: sum('quantity') }) },
  web_search_calls: { object: 'organization.usage.web_searches.result', groupBy: [...USER_GROUPS, 'context_level'], groupFields: [...USER_GROUPS, 'context_level'], fields: (sum) => ({ num_model_requests: sum('num_model_requests'), num_requests: sum('quantity') }) },
};

function errorBody(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

/** Parses `a=1&a=2` and `a[]=1&a[]=2` alike into arrays, as both encodings reach OpenAI. */
function parseQuery(search: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of search) (out[k.replace(/\[\]$/, '')] ??= []).push(v);
  return out;
}

interface Ctx {
  method: string;
  parts: string[];
  query: Record<string, string[]>;
  token: string | undefined;
  /** The `OpenAI-Organization` and `OpenAI-Project` request headers. */
  organization: string | undefined;
  project: string | undefined;
}

class HttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

const notFound = (what: string) => new HttpError(404, errorBody(`No such ${what}`, 'invalid_request_error', null));
const badRequest = (message: string, param: string | null = null) => new HttpError(400, errorBody(message, 'invalid_request_error', null, param));

export interface FakeOpenAI {
  /** The SDK's base URL: `http://127.0.0.1:PORT/v1`. */
  readonly baseURL: string;
  readonly org: FakeOrganization;
  readonly knobs: FakeKnobs;
  readonly log: RequestRecord[];
  close(): Promise<void>;
}

export async function startFakeOpenAI(org: FakeOrganization, knobs: Partial<FakeKnobs> = {}, now: () => number = () => Math.floor(Date.now() / 1000)): Promise<FakeOpenAI> {
  const k: FakeKnobs = { latencyMs: 0, faultRate: 0, faultPaths: [], rateLimitNext: 0, retryAfterSeconds: 1, serviceAccountKeyDelete: 'refuse', redact: redactLikeExamples, omit: [], nullify: [], ...knobs };
  const log: RequestRecord[] = [];
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);

  const user = (id: string) => org.users.find((u) => u.id === id);
  const keyJson = (key: FakeProjectKey) => ({
    object: 'organization.project.api_key',
    redacted_value: k.redact(key.secret),
    name: key.name,
    created_at: key.created_at,
    last_used_at: key.last_used_at,
    id: key.id,
    owner_project_access: key.owner_project_access,
    owner:
      key.owner.type === 'user'
        ? { type: 'user', user: (({ id, name, email, role, created_at }) => ({ id, name, email, role, created_at }))(user(key.owner.user_id)!) }
        : { type: 'service_account', service_account: (({ id, name, role, created_at }) => ({ id, name, role, created_at }))(org.serviceAccounts.find((s) => s.id === (key.owner as { service_account_id: string }).service_account_id)!) },
  });
  const projectJson = (p: FakeProject) => ({ id: p.id, object: 'organization.project', name: p.name, created_at: p.created_at, archived_at: p.archived_at, status: p.archived_at ? 'archived' : 'active' });
  const adminJson = (a: FakeAdminKey) => {
    const u = user(a.owner_user_id)!;
    return {
      object: 'organization.admin_api_key',
      id: a.id,
      name: a.name,
      redacted_value: k.redact(a.secret),
      created_at: a.created_at,
      expires_at: a.expires_at,
      last_used_at: a.last_used_at,
      owner: { type: 'user', object: 'organization.user', id: u.id, name: u.name, created_at: u.created_at, role: u.role },
    };
  };

  /** OpenAI's cursor lists: `limit` 1–100 (default 20), `after` an object id. */
  function list<T extends { id: string }>(items: T[], ctx: Ctx, render: (t: T) => unknown, order: 'asc' | 'desc' = 'asc') {
    const limit = Number(ctx.query.limit?.[0] ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badRequest(`Invalid limit: must be between 1 and 100`, 'limit');
    const sorted = order === 'asc' ? items : [...items].reverse();
    const after = ctx.query.after?.[0];
    let start = 0;
    if (after) {
      const i = sorted.findIndex((x) => x.id === after);
      if (i === -1) throw badRequest(`Invalid 'after': no object ${after}`, 'after');
      start = i + 1;
    }
    const page = sorted.slice(start, start + limit);
    return { object: 'list', data: page.map(render), first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null, has_more: start + limit < sorted.length };
  }

  const liveAdmin = (token: string | undefined) => org.adminKeys.find((a) => a.secret === token);
  const orgId = org.id ?? 'org-fakeorganization';

  /**
   * The organization and project a request names must be the key's own. OpenAI answers a mismatch
   * with 401 `mismatched_organization` / `mismatched_project` (messages as quoted in public code
   * handling them; see the README's notes on the OpenAI layer).
   */
  function checkScope(ctx: Ctx, organization: string, project: string | null) {
    if (ctx.organization !== undefined && ctx.organization !== organization) throw new HttpError(401, errorBody('OpenAI-Organization header should match organization for API key', 'invalid_request_error', 'mismatched_organization'));
    if (ctx.project !== undefined && ctx.project !== project) throw new HttpError(401, errorBody('OpenAI-Project header should match project for API key', 'invalid_request_error', 'mismatched_project'));
  }

  function requireAdmin(ctx: Ctx): FakeAdminKey {
    const admin = liveAdmin(ctx.token);
    if (!admin || admin.state === 'revoked') throw new HttpError(401, errorBody(`Incorrect API key provided: ${maskForMessage(ctx.token)}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', 'invalid_api_key'));
    checkScope(ctx, orgId, null);
    admin.last_used_at = now();
    return admin;
  }

  function project(id: string | undefined): FakeProject {
    const p = org.projects.find((x) => x.id === id);
    if (!p) throw notFound(`project ${id}`);
    return p;
  }

  /** Time buckets of `width` from start (inclusive) to end (exclusive); later ones on UTC midnight. */
  function buckets(ctx: Ctx, kind: 'usage' | 'costs') {
    const start = Number(ctx.query.start_time?.[0]);
    if (!Number.isInteger(start)) throw badRequest("Missing required parameter: 'start_time'.", 'start_time');
    const end = ctx.query.end_time ? Number(ctx.query.end_time[0]) : now();
    const width = ctx.query.bucket_width?.[0] ?? '1d';
    if (kind === 'costs' && width !== '1d') throw badRequest(`Invalid bucket_width: costs support only 1d`, 'bucket_width');
    if (width !== '1d') throw badRequest(`This fake serves bucket_width=1d only`, 'bucket_width');
    const max = kind === 'costs' ? 180 : 31;
    const limit = Number(ctx.query.limit?.[0] ?? 7);
    if (!Number.isInteger(limit) || limit < 1 || limit > max) throw badRequest(`Invalid limit: must be between 1 and ${max} for bucket_width 1d`, 'limit');
    const all: [number, number][] = [];
    for (let t = start; t < end; ) {
      const next = Math.min(end, (Math.floor(t / DAY) + 1) * DAY);
      all.push([t, next]);
      t = next;
    }
    const from = ctx.query.page ? Number(Buffer.from(ctx.query.page[0]!, 'base64url').toString()) : 0;
    if (!Number.isInteger(from) || from < 0) throw badRequest('Invalid page cursor', 'page');
    const page = all.slice(from, from + limit);
    const more = from + limit < all.length;
    return { page, next_page: more ? Buffer.from(String(from + limit)).toString('base64url') : null, has_more: more };
  }

  function groupRows<R>(rows: R[], groupBy: string[], keyOf: (r: R, field: string) => unknown): Map<string, R[]> {
    const groups = new Map<string, R[]>();
    for (const r of rows) {
      const key = JSON.stringify(groupBy.map((g) => keyOf(r, g)));
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
    }
    return groups;
  }

  function usage(ctx: Ctx, kind: UsageKind) {
    requireAdmin(ctx);
    const shape = USAGE[kind];
    const groupBy = ctx.query.group_by ?? [];
    for (const g of groupBy) if (!shape.groupBy.includes(g)) throw badRequest(`Invalid group_by value: ${g}`, 'group_by');
    const projectIds = ctx.query.project_ids;
    // The description lists `api_key_ids` on the endpoints that group by key, and only there.
    const keyIds = ctx.query.api_key_ids;
    if (keyIds && !shape.groupBy.includes('api_key_id')) throw badRequest('Unrecognized request argument supplied: api_key_ids', 'api_key_ids');
    const b = buckets(ctx, 'usage');
    const data = b.page.map(([s, e]) => {
      const rows = org.usage.filter((u) => u.kind === kind && u.day >= Math.floor(s / DAY) * DAY && u.day < e && (!projectIds || projectIds.includes(u.project_id)) && (!keyIds || keyIds.includes(u.api_key_id)));
      const results = [...groupRows(rows, groupBy, (r, f) => (r as unknown as Record<string, unknown>)[f]).values()].map((g) => {
        const sum = (f: keyof FakeUsage) => g.reduce((n, r) => n + ((r[f] as number | undefined) ?? 0), 0);
        // Every grouping field the result object has: the value when grouped by it, else null.
        const group = Object.fromEntries(shape.groupFields.map((f) => [f, groupBy.includes(f) ? (g[0] as unknown as Record<string, unknown>)[f] ?? null : null]));
        return { object: shape.object, ...shape.fields(sum), ...group };
      });
      return { object: 'bucket', start_time: s, end_time: e, results };
    });
    return { object: 'page', data, has_more: b.has_more, next_page: b.next_page };
  }

  function costs(ctx: Ctx) {
    requireAdmin(ctx);
    const groupBy = ctx.query.group_by ?? [];
    for (const g of groupBy) if (!['project_id', 'line_item', 'api_key_id'].includes(g)) throw badRequest(`Invalid group_by value: ${g}`, 'group_by');
    const projectIds = ctx.query.project_ids;
    const keyIds = ctx.query.api_key_ids;
    const b = buckets(ctx, 'costs');
    const data = b.page.map(([s, e]) => {
      const rows = org.costs.filter((c) => c.day >= Math.floor(s / DAY) * DAY && c.day < e && (!projectIds || (c.project_id !== null && projectIds.includes(c.project_id))) && (!keyIds || (c.api_key_id !== null && keyIds.includes(c.api_key_id))));
      const results = [...groupRows(rows, groupBy, (r, f) => (r as unknown as Record<string, unknown>)[f]).values()].map((g) => ({
        object: 'organization.costs.result',
        amount: { value: Math.round(g.reduce((n, r) => n + r.usd, 0) * 1e6) / 1e6, currency: 'usd' },
        line_item: groupBy.includes('line_item') ? g[0]!.line_item : null,
        project_id: groupBy.includes('project_id') ? g[0]!.project_id : null,
        api_key_id: groupBy.includes('api_key_id') ? g[0]!.api_key_id : null,
        quantity: null,
        quantity_unit: null,
      }));
      return { object: 'bucket', start_time: s, end_time: e, results };
    });
    return { object: 'page', data, has_more: b.has_more, next_page: b.next_page };
  }

  /** `GET /v1/models` with a found key: the liveness probe. */
  function models(ctx: Ctx) {
    const key = org.keys.find((x) => x.secret === ctx.token);
    const stranger = org.strangers?.find((x) => x.secret === ctx.token);
    if (stranger) {
      checkScope(ctx, stranger.organization, stranger.project_id);
      return { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }] };
    }
    if (key && key.state !== 'revoked') checkScope(ctx, orgId, key.project_id);
    const state = key?.state ?? (liveAdmin(ctx.token) ? 'restricted' : 'revoked');
    if (state === 'revoked') throw new HttpError(401, errorBody(`Incorrect API key provided: ${maskForMessage(ctx.token)}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', 'invalid_api_key'));
    if (state === 'restricted') throw new HttpError(401, errorBody('You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you\'re using a restricted API key, that it has the necessary scopes.', 'invalid_request_error', null));
    if (state === 'no_quota') throw new HttpError(429, errorBody('You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota', 'insufficient_quota'));
    return { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }] };
  }

  function route(ctx: Ctx): unknown {
    const [v1, a, b, c, d, e, f] = ctx.parts;
    if (v1 !== 'v1') throw notFound('route');
    if (a === 'models' && !b && ctx.method === 'GET') return models(ctx);
    if (a !== 'organization') throw notFound('route');
    const stranger = org.strangers?.find((x) => x.kind === 'admin' && x.secret === ctx.token);
    if (stranger && b === 'admin_api_keys' && !c && ctx.method === 'GET') {
      // Another organization's admin key lists that organization's admin keys: here, itself.
      checkScope(ctx, stranger.organization, null);
      const own = { id: stranger.id, name: 'their key', secret: stranger.secret, owner_user_id: org.users[0]!.id, created_at: 0, last_used_at: null, expires_at: null, state: 'live' as const };
      return list([own], ctx, adminJson);
    }
    requireAdmin(ctx);
    if (b === 'projects' && !c && ctx.method === 'GET') {
      const archived = ctx.query.include_archived?.[0] === 'true';
      return list(org.projects.filter((p) => archived || !p.archived_at), ctx, projectJson);
    }
    if (b === 'projects' && c && !d && ctx.method === 'GET') return projectJson(project(c));
    if (b === 'projects' && c && d === 'api_keys') {
      const p = project(c);
      if (!e && ctx.method === 'GET') {
        const access = ctx.query.owner_project_access?.[0];
        if (access && !['active', 'inactive', 'any'].includes(access)) throw badRequest(`Invalid owner_project_access: ${access}`, 'owner_project_access');
        // Without the parameter, the API applies membership-based visibility: keys of owners
        // without access are left out. That is why an audit must ask for `any`.
        const want = access ?? 'active';
        return list(org.keys.filter((x) => x.project_id === p.id && x.state !== 'revoked' && (want === 'any' || x.owner_project_access === want)), ctx, keyJson);
      }
      const key = org.keys.find((x) => x.id === e && x.project_id === p.id && x.state !== 'revoked');
      if (!key) throw notFound(`API key ${e}`);
      if (!f && ctx.method === 'GET') return keyJson(key);
      if (!f && ctx.method === 'DELETE') {
        if (key.owner.type === 'service_account' && k.serviceAccountKeyDelete === 'refuse') throw badRequest('API keys owned by service accounts cannot be deleted. Delete the service account instead.');
        key.state = 'revoked';
        return { object: 'organization.project.api_key.deleted', id: key.id, deleted: true };
      }
    }
    if (b === 'projects' && c && d === 'service_accounts') {
      const p = project(c);
      if (!e && ctx.method === 'GET') {
        if (p.archived_at) throw badRequest(`Project ${p.id} is archived`);
        return list(org.serviceAccounts.filter((s) => s.project_id === p.id), ctx, ({ project_id: _p, ...s }) => ({ object: 'organization.project.service_account', ...s }));
      }
      const sa = org.serviceAccounts.find((s) => s.id === e && s.project_id === p.id);
      if (!sa) throw notFound(`service account ${e}`);
      if (!f && ctx.method === 'DELETE') {
        if (p.archived_at) throw badRequest(`Project ${p.id} is archived`);
        org.serviceAccounts.splice(org.serviceAccounts.indexOf(sa), 1);
        for (const key of org.keys) if (key.owner.type === 'service_account' && key.owner.service_account_id === sa.id) key.state = 'revoked';
        return { object: 'organization.project.service_account.deleted', id: sa.id, deleted: true };
      }
    }
    if (b === 'projects' && c && d === 'users' && !e && ctx.method === 'GET') {
      const p = project(c);
      return list(org.users.filter((u) => p.members.includes(u.id)), ctx, (u) => ({ object: 'organization.project.user', id: u.id, name: u.name, email: u.email, role: u.role, added_at: u.created_at }));
    }
    if (b === 'users' && !c && ctx.method === 'GET') {
      // Each user lists the projects they belong to: project membership for the whole organization
      // in a few pages, without a request per project.
      return list(org.users, ctx, (u) => ({
        object: 'organization.user',
        id: u.id,
        name: u.name,
        email: u.email,
        role: u.role,
        added_at: u.created_at,
        projects: { object: 'list', data: org.projects.filter((p) => p.members.includes(u.id)).map((p) => ({ id: p.id, name: p.name, role: 'member' })) },
      }));
    }
    if (b === 'admin_api_keys') {
      if (!c && ctx.method === 'GET') return list(org.adminKeys.filter((x) => x.state !== 'revoked'), ctx, adminJson, ctx.query.order?.[0] === 'desc' ? 'desc' : 'asc');
      const key = org.adminKeys.find((x) => x.id === c && x.state !== 'revoked');
      if (!key) throw notFound(`admin API key ${c}`);
      if (!d && ctx.method === 'GET') return adminJson(key);
      if (!d && ctx.method === 'DELETE') {
        key.state = 'revoked';
        return { id: key.id, object: 'organization.admin_api_key.deleted', deleted: true };
      }
    }
    if (b === 'usage' && c && Object.hasOwn(USAGE, c) && !d && ctx.method === 'GET') return usage(ctx, c as UsageKind);
    if (b === 'costs' && !c && ctx.method === 'GET') return costs(ctx);
    throw notFound('route');
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
      const ctx: Ctx = { method: req.method ?? 'GET', parts: url.pathname.split('/').filter(Boolean), query: parseQuery(url.searchParams), token, organization: header('openai-organization'), project: header('openai-project') };
      let status = 200;
      let payload: unknown;
      let headers: Record<string, string> = {};
      if (k.rateLimitNext > 0) {
        k.rateLimitNext--;
        status = 429;
        headers = { 'retry-after': String(k.retryAfterSeconds) };
        payload = errorBody('Rate limit reached for requests', 'requests', 'rate_limit_exceeded');
      } else if ((k.faultRate > 0 && random() < k.faultRate) || k.faultPaths.some((p) => url.pathname.includes(p))) {
        status = 500;
        payload = errorBody('The server had an error while processing your request. Sorry about that!', 'server_error', null);
      } else {
        try {
          payload = route(ctx);
        } catch (err) {
          if (!(err instanceof HttpError)) throw err;
          status = err.status;
          payload = err.body;
          headers = err.headers;
        }
      }
      if (k.omit.length || k.nullify.length) payload = leaveOut(payload, k.omit, k.nullify);
      const authId = org.keys.find((x) => x.secret === token)?.id ?? org.adminKeys.find((x) => x.secret === token)?.id ?? org.strangers?.find((x) => x.secret === token)?.id ?? (token ? 'unknown-key' : 'none');
      log.push({ method: ctx.method, path: url.pathname, query: ctx.query, status, auth: authId, body, search: url.search, response: payload, ...(ctx.organization !== undefined ? { organization: ctx.organization } : {}), ...(ctx.project !== undefined ? { project: ctx.project } : {}) });
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${randomUUID().replace(/-/g, '')}`, ...headers });
        res.end(JSON.stringify(payload));
      }, k.latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    org,
    knobs: k,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** OpenAI's own error messages show a key as `sk-S9NAd***...50D7`; so does the fake. */
function maskForMessage(token: string | undefined): string {
  if (!token) return '(none)';
  return `${token.slice(0, 8)}***...${token.slice(-4)}`;
}

/** The answer with the `object.field`s named left out or set to null, at any depth. */
function leaveOut(node: unknown, omit: readonly string[], nullify: readonly string[]): unknown {
  if (Array.isArray(node)) return node.map((x) => leaveOut(x, omit, nullify));
  if (!node || typeof node !== 'object') return node;
  const type = (node as { object?: unknown }).object;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(node)) {
    if (omit.includes(`${type}.${field}`)) continue;
    out[field] = nullify.includes(`${type}.${field}`) ? null : leaveOut(value, omit, nullify);
  }
  return out;
}
