/*
 * Seeds a fake OpenAI organization: projects (some archived), users and service accounts, keys of
 * every owner kind and age (fresh, old, idle, never used, owner without access), admin keys, and
 * usage and cost buckets. Secrets are generated at run time from their shapes (never committed).
 * Deterministic apart from the secrets, for a given `now` and sizes.
 */
import { makeKey, shapeByName } from '../helpers/keygen.ts';
import type { FakeAdminKey, FakeCost, FakeOrganization, FakeProject, FakeProjectKey, FakeServiceAccount, FakeUsage, FakeUser } from './openai-server.ts';

const DAY = 86_400;

export interface SeedOptions {
  projects?: number;
  /** Days of usage and costs before `now`. */
  days?: number;
  now?: number;
}

export const MODELS = ['gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small'];

export function seedOrganization(options: SeedOptions = {}): FakeOrganization {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const nProjects = options.projects ?? 4;
  const days = options.days ?? 30;
  const today = Math.floor(now / DAY) * DAY;
  const lastWeek = today - (((new Date(today * 1000).getUTCDay() + 6) % 7) + 7) * DAY; // last week's Monday
  const users: FakeUser[] = [
    { id: 'user_owner', name: 'Olga Owner', email: 'olga@example.test', role: 'owner', created_at: now - 400 * DAY },
    { id: 'user_dev', name: 'Dev Eloper', email: 'dev@example.test', role: 'member', created_at: now - 300 * DAY },
    { id: 'user_gone', name: 'Former Member', email: 'gone@example.test', role: 'member', created_at: now - 500 * DAY },
  ];
  const projects: FakeProject[] = [];
  const serviceAccounts: FakeServiceAccount[] = [];
  const keys: FakeProjectKey[] = [];
  const usage: FakeUsage[] = [];
  const costs: FakeCost[] = [];
  for (let i = 0; i < nProjects; i++) {
    const id = `proj_${String(i).padStart(4, '0')}`;
    projects.push({ id, name: i === 0 ? 'Default project' : `project ${i}`, created_at: now - (200 + i) * DAY, archived_at: i % 10 === 9 ? now - 10 * DAY : null, members: i % 7 === 6 ? [] : ['user_owner', 'user_dev'] });
    const sa = { id: `svc_acct_${i}`, project_id: id, name: `deploy-${i}`, role: 'member' as const, created_at: now - 100 * DAY };
    serviceAccounts.push(sa);
    const mk = (n: number, shape: string, owner: FakeProjectKey['owner'], createdDaysAgo: number, lastUsedDaysAgo: number | null, access: 'active' | 'inactive' = 'active'): FakeProjectKey => ({
      id: `key_${id}_${n}`,
      project_id: id,
      name: `key ${n} of ${id}`,
      secret: makeKey(shapeByName(shape)),
      owner,
      owner_project_access: access,
      created_at: now - createdDaysAgo * DAY,
      last_used_at: lastUsedDaysAgo === null ? null : now - lastUsedDaysAgo * DAY,
      state: 'live',
    });
    keys.push(
      mk(1, 'project 164', { type: 'user', user_id: 'user_dev' }, 10, 1),
      mk(2, 'project 164', { type: 'user', user_id: 'user_owner' }, 200, 60),
      mk(3, 'service account 167', { type: 'service_account', service_account_id: sa.id }, 30, 0),
      mk(4, 'project 164', { type: 'user', user_id: 'user_gone' }, 150, 100, 'inactive'),
      mk(5, 'project 164', { type: 'user', user_id: 'user_dev' }, 20, null),
    );
    // Each day's usage is metered per key, and so per user: mostly a developer's key, then the
    // service account's (no user); in every fifth project the owner's 200-day-old key (which the
    // audit flags) takes a share too. "project 3" doubles from last week's Thursday on (+57% on the week).
    const shares: [FakeProjectKey, number][] = i % 5 === 0 ? [[keys.at(-5)!, 0.6], [keys.at(-3)!, 0.3], [keys.at(-4)!, 0.1]] : [[keys.at(-5)!, 0.7], [keys.at(-3)!, 0.3]];
    for (let d = days; d >= 1; d--) {
      const day = today - d * DAY;
      const surge = i === 3 && day >= lastWeek + 3 * DAY ? 2 : 1;
      for (const [m, model] of MODELS.entries()) {
        const base = Math.round(((i + 1) * (m + 1) * 1000 + d * 10) * surge);
        const embeddings = model.startsWith('text-embedding');
        // Shares of each total, the last key taking what rounding leaves, so sums stay exact.
        const split = (x: number) => {
          const parts = shares.map(([, share]) => Math.round(x * share));
          parts[parts.length - 1] = x - parts.slice(0, -1).reduce((n, v) => n + v, 0);
          return parts;
        };
        const [input, output, cached, requests] = [split(base * 3), split(embeddings ? 0 : base), split(base), split(Math.round(base / 100))];
        for (const [n, [key]] of shares.entries()) {
          usage.push({ kind: embeddings ? 'embeddings' : 'completions', day, project_id: id, api_key_id: key.id, user_id: key.owner.type === 'user' ? key.owner.user_id : null, model, input_tokens: input[n]!, output_tokens: output[n]!, input_cached_tokens: cached[n]!, num_model_requests: requests[n]! });
        }
        costs.push({ day, project_id: id, api_key_id: shares[0]![0].id, line_item: `${model}, input`, usd: Math.round(base * 0.0003 * 100) / 100 });
      }
      // The first two projects also use the other endpoints, each in its own unit.
      if (i < 2) {
        const key = keys.at(-5)!;
        const row = (kind: FakeUsage['kind'], model: string, requests: number, quantity: number, inputTokens = 0): FakeUsage => ({ kind, day, project_id: id, api_key_id: key.id, user_id: 'user_dev', model, input_tokens: inputTokens, output_tokens: 0, input_cached_tokens: 0, num_model_requests: requests, quantity });
        usage.push(
          row('moderations', 'omni-moderation-latest', 5 + d, 0, 400 + d),
          row('images', 'gpt-image-1', 2, 3 + (d % 2)),
          row('audio_speeches', 'gpt-4o-mini-tts', 3, 1200 + d),
          row('audio_transcriptions', 'gpt-4o-transcribe', 4, 95 + d),
          row('vector_stores', '', 0, 5 * 2 ** 20 + d),
          row('code_interpreter_sessions', '', 0, 1 + (d % 3)),
          row('file_search_calls', '', 0, 7),
          row('web_search_calls', 'gpt-4o', 6, 6),
        );
      }
    }
  }
  // Costs no project carries, as the costs endpoint returns them with `project_id: null`.
  for (let d = days; d >= 1; d--) costs.push({ day: today - d * DAY, project_id: null, api_key_id: null, line_item: 'organization-level charge', usd: 0.37 + (d % 5) / 100 });
  const adminKeys: FakeAdminKey[] = [
    { id: 'key_admin_ci', name: 'keyguard CI', secret: makeKey(shapeByName('admin 133')), owner_user_id: 'user_owner', created_at: now - 40 * DAY, last_used_at: now - DAY, expires_at: null, state: 'live' },
    { id: 'key_admin_old', name: 'old script', secret: makeKey(shapeByName('admin 133')), owner_user_id: 'user_owner', created_at: now - 400 * DAY, last_used_at: null, expires_at: null, state: 'live' },
  ];
  return { id: 'org-keyguardtest', users, projects, serviceAccounts, keys, adminKeys, usage, costs };
}

/**
 * Usage of one key around a leak: `before` requests a day on the days before the exposure day
 * (as many days as since it), `after` a day from the exposure day through today, and `last_used_at`
 * set to now when used after. gpt-4o rows carry 20 input and 4 output tokens a request; each day
 * after also brings one embeddings request (8 tokens), so the figures span two endpoints.
 */
export function seedLeakUsage(org: FakeOrganization, keyId: string, exposedAt: number, perDay: { before: number; after: number }, now: number): void {
  const key = org.keys.find((k) => k.id === keyId);
  if (!key) throw new Error(`no key ${keyId}`);
  const first = Math.floor(exposedAt / DAY) * DAY;
  const days = Math.ceil((now - first) / DAY);
  const row = (day: number, kind: FakeUsage['kind'], model: string, requests: number, output: boolean): FakeUsage => ({ kind, day, project_id: key.project_id, api_key_id: key.id, user_id: key.owner.type === 'user' ? key.owner.user_id : null, model, input_tokens: requests * (output ? 20 : 8), output_tokens: output ? requests * 4 : 0, input_cached_tokens: 0, num_model_requests: requests });
  for (let d = 1; d <= days; d++) if (perDay.before) org.usage.push(row(first - d * DAY, 'completions', 'gpt-4o-mini', perDay.before, true));
  for (let d = 0; d < days; d++) {
    if (!perDay.after) continue;
    org.usage.push(row(first + d * DAY, 'completions', 'gpt-4o', perDay.after, true), row(first + d * DAY, 'embeddings', 'text-embedding-3-small', 1, false));
  }
  if (perDay.after) key.last_used_at = now;
}
