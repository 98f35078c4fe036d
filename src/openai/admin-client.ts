import type OpenAI from 'openai';
import pLimit from 'p-limit';
import type { Logger } from '../logger.ts';
import { ApiError, call } from './errors.ts';
import { openaiSdk } from './sdk.ts';
import type { AdminKeyRecord, Inventory, KeyOwner, ProjectKeyRecord, ProjectRecord, ServiceAccountRecord } from './types.ts';

export interface AdminClientOptions {
  readonly adminKey: string;
  /** The `openai-base-url` input or flag; default `https://api.openai.com/v1`, never the environment. */
  readonly baseURL?: string;
  /** Per request; default 30 s. */
  readonly timeoutMs?: number;
  /** Retries on 408, 409, 429 and 5xx with backoff, honouring `retry-after`; default 3. */
  readonly maxRetries?: number;
  /** Projects read at once; default 8. */
  readonly concurrency?: number;
  readonly logger: Logger;
}

type Sdk = InstanceType<typeof OpenAI>;

/** Unix seconds: start inclusive, end exclusive, as the usage and costs APIs take them. */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

/** The usage endpoints of the organization API (`/organization/usage/{endpoint}`). */
export const USAGE_ENDPOINTS = ['completions', 'embeddings', 'moderations', 'images', 'audio_speeches', 'audio_transcriptions', 'vector_stores', 'code_interpreter_sessions', 'file_search_calls', 'web_search_calls'] as const;
export type UsageEndpoint = (typeof USAGE_ENDPOINTS)[number];

export type UsageGrouping = 'project_id' | 'model' | 'api_key_id' | 'user_id';
const BY_USER: readonly UsageGrouping[] = ['project_id', 'user_id', 'api_key_id', 'model'];

/**
 * Each endpoint's SDK method, the groupings it takes (of those keyguard uses), and the result field
 * that counts in the endpoint's own unit (none where tokens are the unit).
 */
const ENDPOINT: Record<UsageEndpoint, { method: 'completions' | 'embeddings' | 'moderations' | 'images' | 'audioSpeeches' | 'audioTranscriptions' | 'vectorStores' | 'codeInterpreterSessions' | 'fileSearchCalls' | 'webSearchCalls'; groupBy: readonly UsageGrouping[]; quantity: string | null }> = {
  completions: { method: 'completions', groupBy: BY_USER, quantity: null },
  embeddings: { method: 'embeddings', groupBy: BY_USER, quantity: null },
  moderations: { method: 'moderations', groupBy: BY_USER, quantity: null },
  images: { method: 'images', groupBy: BY_USER, quantity: 'images' },
  audio_speeches: { method: 'audioSpeeches', groupBy: BY_USER, quantity: 'characters' },
  audio_transcriptions: { method: 'audioTranscriptions', groupBy: BY_USER, quantity: 'seconds' },
  vector_stores: { method: 'vectorStores', groupBy: ['project_id'], quantity: 'usage_bytes' },
  code_interpreter_sessions: { method: 'codeInterpreterSessions', groupBy: ['project_id'], quantity: 'num_sessions' },
  file_search_calls: { method: 'fileSearchCalls', groupBy: ['project_id', 'user_id', 'api_key_id'], quantity: 'num_requests' },
  web_search_calls: { method: 'webSearchCalls', groupBy: BY_USER, quantity: 'num_requests' },
};

/** Whether an endpoint's usage can be grouped by `grouping` (vector stores and code interpreter: by project only). */
export const groupsBy = (endpoint: UsageEndpoint, grouping: UsageGrouping) => ENDPOINT[endpoint].groupBy.includes(grouping);

export interface UsageResult {
  readonly projectId: string | null;
  readonly model: string | null;
  readonly apiKeyId: string | null;
  readonly userId: string | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cachedTokens: number;
  /** `num_model_requests` (0 where the endpoint has none). */
  readonly requests: number;
  /** The endpoint's own unit: images, characters, seconds, bytes stored, sessions or calls; 0 for token endpoints. */
  readonly quantity: number;
}

export interface UsageBucket {
  readonly endpoint: UsageEndpoint;
  readonly start: number;
  readonly end: number;
  readonly results: readonly UsageResult[];
}

export interface CostBucket {
  readonly start: number;
  readonly end: number;
  /** `usd` null: the row came without an amount (the description makes it optional). */
  readonly results: readonly { projectId: string | null; lineItem: string | null; apiKeyId: string | null; usd: number | null; currency: string }[];
}

/**
 * The organization API through the `openai` SDK's typed admin methods. The admin key lives in a
 * private field and in the SDK instance, which this class never exposes.
 */
export class OpenAIAdmin {
  readonly #sdk: Sdk;
  readonly #adminKey: string;
  readonly #concurrency: number;
  readonly #logger: Logger;
  #requests = 0;

  constructor(options: AdminClientOptions) {
    this.#adminKey = options.adminKey;
    this.#concurrency = options.concurrency ?? 8;
    this.#logger = options.logger;
    this.#sdk = openaiSdk({
      key: options.adminKey,
      admin: true,
      baseURL: options.baseURL,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 3,
      onRequest: () => this.#requests++,
    });
  }

  /** HTTP requests sent so far, retries included. */
  get requests(): number {
    return this.#requests;
  }

  /** Whether `secret` is the admin key this client uses (it must never revoke itself). */
  isOwnKey(secret: string): boolean {
    return secret === this.#adminKey;
  }

  async projects(): Promise<ProjectRecord[]> {
    return call('GET /organization/projects', async () => {
      const out: ProjectRecord[] = [];
      for await (const p of this.#sdk.admin.organization.projects.list({ limit: 100, include_archived: true })) {
        out.push({ id: p.id, name: p.name ?? null, createdAt: p.created_at, archived: p.archived_at != null || p.status === 'archived' });
      }
      return out;
    });
  }

  /** Every enabled key of a project, including those of owners who lost access (`owner_project_access=any`). */
  async projectKeys(projectId: string): Promise<ProjectKeyRecord[]> {
    return call(`GET /organization/projects/${projectId}/api_keys`, async () => {
      const out: ProjectKeyRecord[] = [];
      for await (const k of this.#sdk.admin.organization.projects.apiKeys.list(projectId, { limit: 100, owner_project_access: 'any' })) {
        const owner: KeyOwner =
          k.owner.type === 'service_account' && k.owner.service_account
            ? { type: 'service_account', id: k.owner.service_account.id, name: k.owner.service_account.name }
            : { type: 'user', id: k.owner.user?.id ?? '', name: k.owner.user?.name ?? '', email: k.owner.user?.email ?? '' };
        out.push({ type: 'project_key', id: k.id, projectId, name: k.name, redactedValue: k.redacted_value, owner, ownerHasAccess: k.owner_project_access !== 'inactive', createdAt: k.created_at, lastUsedAt: k.last_used_at });
      }
      return out;
    });
  }

  async serviceAccounts(projectId: string): Promise<ServiceAccountRecord[]> {
    return call(`GET /organization/projects/${projectId}/service_accounts`, async () => {
      const out: ServiceAccountRecord[] = [];
      for await (const s of this.#sdk.admin.organization.projects.serviceAccounts.list(projectId, { limit: 100 })) out.push({ id: s.id, projectId, name: s.name });
      return out;
    });
  }

  async adminKeys(): Promise<AdminKeyRecord[]> {
    return call('GET /organization/admin_api_keys', async () => {
      const out: AdminKeyRecord[] = [];
      for await (const k of this.#sdk.admin.organization.adminAPIKeys.list({ limit: 100 })) {
        out.push({ type: 'admin_key', id: k.id, name: k.name ?? null, redactedValue: k.redacted_value, ownerName: k.owner.name ?? null, createdAt: k.created_at, lastUsedAt: k.last_used_at ?? null, expiresAt: k.expires_at });
      }
      return out;
    });
  }

  /**
   * Project id → member user ids, from the organization's users (each lists its projects), and
   * user id → name. `members` is `undefined` when a user comes without `projects`: the description
   * makes the field optional ("if included"), and a missing list is not an empty one.
   */
  async projectMembers(): Promise<{ members: Map<string, string[]> | undefined; userNames: Map<string, string> }> {
    return call('GET /organization/users', async () => {
      const members = new Map<string, string[]>();
      const userNames = new Map<string, string>();
      let complete = true;
      for await (const u of this.#sdk.admin.organization.users.list({ limit: 100 })) {
        if (u.name) userNames.set(u.id, u.name);
        if (!u.projects) complete = false;
        for (const p of u.projects?.data ?? []) if (p.id) (members.get(p.id) ?? members.set(p.id, []).get(p.id)!).push(u.id);
      }
      return { members: complete ? members : undefined, userNames };
    });
  }

  /** The user ids of one project's members. */
  async projectUsers(projectId: string): Promise<string[]> {
    return call(`GET /organization/projects/${projectId}/users`, async () => {
      const out: string[] = [];
      for await (const u of this.#sdk.admin.organization.projects.users.list(projectId, { limit: 100 })) out.push(u.id);
      return out;
    });
  }

  /**
   * Every project (archived included), every project key, service account and admin key. Projects
   * are read `concurrency` at a time: an org of 1,000 projects is not 1,000 round trips in a row.
   */
  async inventory(): Promise<Inventory> {
    const before = this.#requests;
    const [projects, adminKeys] = await Promise.all([this.projects(), this.adminKeys()]);
    const limit = pLimit(this.#concurrency);
    let done = 0;
    const perProject = await Promise.all(
      projects.map((p) =>
        limit(async () => {
          // The API answers 400 for the service accounts of an archived project.
          const [keys, accounts] = await Promise.all([this.projectKeys(p.id), p.archived ? Promise.resolve([]) : this.serviceAccounts(p.id)]);
          if (++done % 50 === 0) this.#logger.progress(`keyguard: read ${done}/${projects.length} projects`);
          return { keys, accounts };
        }),
      ),
    );
    return {
      projects,
      projectKeys: perProject.flatMap((p) => p.keys),
      serviceAccounts: perProject.flatMap((p) => p.accounts),
      adminKeys,
      requests: this.#requests - before,
    };
  }

  /**
   * Usage buckets of one day each, every page: these endpoints page with `page`/`next_page` and
   * their `limit` counts buckets (at most 31 a page for `1d`), so the loop is ours. `groupBy` takes
   * only the groupings the endpoint has (see `groupsBy`); `apiKeyIds` only where it groups by
   * `api_key_id`.
   */
  async usage(endpoint: UsageEndpoint, range: TimeRange, groupBy: UsageGrouping[], projectIds?: string[], apiKeyIds?: string[]): Promise<UsageBucket[]> {
    const { method, quantity } = ENDPOINT[endpoint];
    const out: UsageBucket[] = [];
    let page: string | undefined;
    do {
      const query = { start_time: range.start, end_time: range.end, bucket_width: '1d' as const, group_by: groupBy as 'project_id'[], limit: 31, ...(projectIds ? { project_ids: projectIds } : {}), ...(apiKeyIds ? { api_key_ids: apiKeyIds } : {}), ...(page ? { page } : {}) };
      const res = await call(`GET /organization/usage/${endpoint}`, () => this.#sdk.admin.organization.usage[method](query));
      for (const b of res.data) {
        out.push({
          endpoint,
          start: b.start_time,
          end: b.end_time,
          results: b.results.map((r) => {
            const x = r as unknown as Record<string, unknown>;
            const n = (k: string | null) => (k !== null && typeof x[k] === 'number' ? (x[k] as number) : 0);
            const s = (k: string) => (typeof x[k] === 'string' ? (x[k] as string) : null);
            return { projectId: s('project_id'), model: s('model'), apiKeyId: s('api_key_id'), userId: s('user_id'), inputTokens: n('input_tokens'), outputTokens: n('output_tokens'), cachedTokens: n('input_cached_tokens'), requests: n('num_model_requests'), quantity: n(quantity) };
          }),
        });
      }
      page = res.next_page ?? undefined;
    } while (page);
    return out;
  }

  /** Cost buckets (USD) of one day each, every page (at most 180 buckets a page). */
  async costs(range: TimeRange, groupBy: ('project_id' | 'line_item' | 'api_key_id')[], projectIds?: string[]): Promise<CostBucket[]> {
    const out: CostBucket[] = [];
    let page: string | undefined;
    do {
      const query = { start_time: range.start, end_time: range.end, bucket_width: '1d' as const, group_by: groupBy, limit: 180, ...(projectIds ? { project_ids: projectIds } : {}), ...(page ? { page } : {}) };
      const res = await call('GET /organization/costs', () => this.#sdk.admin.organization.usage.costs(query));
      for (const b of res.data) {
        out.push({
          start: b.start_time,
          end: b.end_time,
          results: b.results.map((r) => {
            const x = r as { amount?: { value?: number; currency?: string }; project_id?: string | null; line_item?: string | null; api_key_id?: string | null };
            return { projectId: x.project_id ?? null, lineItem: x.line_item ?? null, apiKeyId: x.api_key_id ?? null, usd: x.amount?.value ?? null, currency: x.amount?.currency ?? 'usd' };
          }),
        });
      }
      page = res.next_page ?? undefined;
    } while (page);
    return out;
  }

  deleteProjectKey(projectId: string, keyId: string) {
    return call(`DELETE /organization/projects/${projectId}/api_keys/${keyId}`, () => this.#sdk.admin.organization.projects.apiKeys.delete(keyId, { project_id: projectId }));
  }

  deleteServiceAccount(projectId: string, serviceAccountId: string) {
    return call(`DELETE /organization/projects/${projectId}/service_accounts/${serviceAccountId}`, () =>
      this.#sdk.admin.organization.projects.serviceAccounts.delete(serviceAccountId, { project_id: projectId }),
    );
  }

  deleteAdminKey(keyId: string) {
    return call(`DELETE /organization/admin_api_keys/${keyId}`, () => this.#sdk.admin.organization.adminAPIKeys.delete(keyId));
  }
}

export { ApiError };
