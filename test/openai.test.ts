import { afterEach, describe, expect, it } from 'vitest';
import { SecretValue } from '../src/detect/index.ts';
import type { Logger } from '../src/logger.ts';
import { OpenAIAdmin } from '../src/openai/admin-client.ts';
import { ApiError } from '../src/openai/errors.ts';
import { adminKeyIdsListedBy, checkLiveness } from '../src/openai/liveness.ts';
import { proveRecord } from '../src/openai/proof.ts';
import { matchKey, parseRedacted } from '../src/openai/match.ts';
import { OpenAIRevoker } from '../src/openai/revoke.ts';
import type { Inventory } from '../src/openai/types.ts';
import { startFakeOpenAI, type FakeKnobs, type FakeOpenAI, type FakeOrganization, type FakeProjectKey } from './fakes/openai-server.ts';
import { seedOrganization } from './fakes/openai-seed.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';

const NOW = 1_790_000_000;
const messages: string[] = [];
const logger: Logger = { info: (m) => messages.push(m), warning: (m) => messages.push(m), error: (m) => messages.push(m), mask() {}, progress: (m) => messages.push(m) };

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(org: FakeOrganization = seedOrganization({ now: NOW }), knobs: Partial<FakeKnobs> = {}) {
  fake = await startFakeOpenAI(org, knobs, () => NOW);
  const admin = new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: fake.baseURL, logger, maxRetries: 3 });
  return { fake, org, admin };
}

/** The record a key matches by its visible characters (these tests revoke keys known to be the org's). */
function matchedRecord(secret: string, kind: Parameters<typeof matchKey>[1], inv: Inventory) {
  const m = matchKey(secret, kind, inv);
  if (m.type !== 'matched') throw new Error(`expected one match, got ${m.type}`);
  return m.record;
}

/** Every secret of the organization: none may appear in any error, log or request the test sees. */
function secretsOf(org: FakeOrganization): string[] {
  return [...org.keys.map((k) => k.secret), ...org.adminKeys.map((k) => k.secret)];
}

describe('inventory through the real SDK', () => {
  it('reads every project (archived too), every key of every owner, across pages', async () => {
    const { admin, org, fake } = await start(seedOrganization({ now: NOW, projects: 230 }));
    const inv = await admin.inventory();
    expect(inv.projects).toHaveLength(230);
    expect(inv.projects.filter((p) => p.archived)).toHaveLength(23);
    expect(inv.projectKeys).toHaveLength(230 * 5);
    expect(inv.projectKeys.filter((k) => !k.ownerHasAccess)).toHaveLength(230);
    expect(inv.serviceAccounts).toHaveLength(230 - 23);
    expect(inv.adminKeys.map((k) => k.id)).toEqual(['key_admin_ci', 'key_admin_old']);
    // Projects: 3 pages of 100; per project one keys page, one service-account page (not for archived).
    const projectPages = fake.log.filter((r) => r.path === '/v1/organization/projects');
    expect(projectPages.map((r) => r.query.after?.[0] ?? null)).toEqual([null, 'proj_0099', 'proj_0199']);
    expect(projectPages.every((r) => r.query.include_archived?.[0] === 'true')).toBe(true);
    expect(fake.log.filter((r) => r.path.endsWith('/api_keys')).every((r) => r.query.owner_project_access?.[0] === 'any')).toBe(true);
    expect(inv.requests).toBe(fake.log.length);
    expect(inv.requests).toBe(3 + 1 + 230 + 207);
    const record = inv.projectKeys.find((k) => k.id === 'key_proj_0001_3')!;
    expect(record).toMatchObject({ projectId: 'proj_0001', owner: { type: 'service_account', id: 'svc_acct_1' }, ownerHasAccess: true });
    expect(JSON.stringify(inv)).not.toMatch(new RegExp(secretsOf(org).map((s) => s.slice(-12)).join('|')));
  });

  it('retries 429s (honouring retry-after) and 5xx, then succeeds', async () => {
    const { admin, fake } = await start(seedOrganization({ now: NOW, projects: 3 }), { rateLimitNext: 1, retryAfterSeconds: 1 });
    fake.knobs.faultRate = 0.2;
    const inv = await admin.inventory();
    expect(inv.projects).toHaveLength(3);
    expect(fake.log[0]).toMatchObject({ status: 429 });
    expect(fake.log.filter((r) => r.status === 500).length).toBeGreaterThan(0);
    expect(inv.requests).toBe(fake.log.length);
  });

  it('errors name the endpoint, status and request id, never the key', async () => {
    const { admin, org } = await start();
    org.adminKeys[0]!.state = 'revoked';
    const err = await admin.projects().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e).toMatchObject({ endpoint: 'GET /organization/projects', status: 401, code: 'invalid_api_key' });
    expect(e.requestId).toMatch(/^req_/);
    expect(e.message).toMatch(/^GET \/organization\/projects: HTTP 401 \(invalid_api_key\): Incorrect API key provided/);
    for (const s of secretsOf(org)) expect(e.message.includes(s)).toBe(false);
  });
});

describe('liveness', () => {
  const probe = (secret: string, kind: Parameters<typeof checkLiveness>[1], timeoutMs?: number) => checkLiveness(new SecretValue(secret), kind, { baseURL: fake!.baseURL, timeoutMs });

  it('maps every answer of the probe', async () => {
    const { org, fake } = await start();
    const [live, revoked, restricted, noQuota] = org.keys;
    revoked!.state = 'revoked';
    restricted!.state = 'restricted';
    noQuota!.state = 'no_quota';
    expect(await probe(live!.secret, 'project')).toEqual({ status: 'live', rule: '200 from GET /models' });
    expect(await probe(revoked!.secret, 'project')).toEqual({ status: 'revoked', rule: '401 invalid_api_key' });
    expect(await probe(makeKey(shapeByName('legacy 51')), 'legacy')).toEqual({ status: 'revoked', rule: '401 invalid_api_key' });
    expect(await probe(restricted!.secret, 'project')).toEqual({ status: 'live', rule: '401 missing scopes (restricted key)' });
    expect(await probe(noQuota!.secret, 'service_account')).toEqual({ status: 'live', rule: '429 insufficient_quota (authenticated, out of quota)' });
    expect(await probe(org.adminKeys[1]!.secret, 'admin')).toEqual({ status: 'live', rule: '200 from GET /organization/admin_api_keys' });
    fake.knobs.rateLimitNext = 1;
    expect(await probe(live!.secret, 'project')).toMatchObject({ status: 'unknown', rule: '429 rate limited' });
    fake.knobs.faultRate = 1;
    expect(await probe(live!.secret, 'project')).toMatchObject({ status: 'unknown', rule: '500 server error' });
    fake.knobs.faultRate = 0;
    fake.knobs.latencyMs = 300;
    expect(await probe(live!.secret, 'project', 50)).toMatchObject({ status: 'unknown', rule: 'timeout' });
    // A probe is one request: no retries on any answer.
    expect(fake.log.filter((r) => r.path === '/v1/models')).toHaveLength(8);
  });

  it('a network failure is unknown, with the reason', async () => {
    const { fake } = await start();
    const url = fake.baseURL;
    await fake.close();
    const r = await checkLiveness(new SecretValue(makeKey(shapeByName('project 56'))), 'project', { baseURL: url });
    expect(r).toMatchObject({ status: 'unknown', rule: 'network' });
  });
});

describe('matching a found key to its record', () => {
  const inventoryOf = async () => {
    const s = await start();
    return { ...s, inv: await s.admin.inventory() };
  };

  it('matches one record, by kind, whatever the redaction style', async () => {
    for (const redact of [(k: string) => `${k.slice(0, 11)}...${k.slice(-3)}`, (k: string) => `${k.slice(0, 8)}${'*'.repeat(20)}${k.slice(-4)}`, (k: string) => `sk-…${k.slice(-6)}`]) {
      const { org, admin } = await start(seedOrganization({ now: NOW }), { redact });
      const inv = await admin.inventory();
      const key = org.keys.find((k) => k.id === 'key_proj_0002_1')!;
      expect(matchKey(key.secret, 'project', inv)).toEqual({ type: 'matched', record: expect.objectContaining({ id: key.id, projectId: 'proj_0002' }) });
      const sa = org.keys.find((k) => k.id === 'key_proj_0002_3')!;
      expect(matchKey(sa.secret, 'service_account', inv)).toMatchObject({ type: 'matched', record: { id: sa.id } });
      expect(matchKey(org.adminKeys[1]!.secret, 'admin', inv)).toMatchObject({ type: 'matched', record: { id: 'key_admin_old' } });
      // An admin key is only ever compared with admin keys.
      expect(matchKey(org.adminKeys[1]!.secret, 'project', inv)).toEqual({ type: 'not-found' });
      await fake!.close();
      fake = undefined;
    }
  });

  it('reports ambiguous and not-found, never a guess', async () => {
    const { org, inv } = await inventoryOf();
    const a = org.keys[0]!;
    const twin: Inventory = { ...inv, projectKeys: [...inv.projectKeys, { ...inv.projectKeys.find((k) => k.id === a.id)!, id: 'key_twin', projectId: 'proj_0003' }] };
    expect(matchKey(a.secret, 'project', twin)).toMatchObject({ type: 'ambiguous', records: [{ id: a.id }, { id: 'key_twin' }] });
    expect(matchKey(makeKey(shapeByName('project 164')), 'project', inv)).toEqual({ type: 'not-found' });
  });

  it('reads redacted values of every documented and plausible form', () => {
    expect(parseRedacted('sk-abc...def')).toEqual({ prefix: 'sk-abc', suffix: 'def' });
    expect(parseRedacted('sk-admin...def')).toEqual({ prefix: 'sk-admin', suffix: 'def' });
    expect(parseRedacted('sk-proj-ab**********wxyz')).toEqual({ prefix: 'sk-proj-ab', suffix: 'wxyz' });
    expect(parseRedacted('sk-S9NAd***...50D7')).toEqual({ prefix: 'sk-S9NAd', suffix: '50D7' });
    expect(parseRedacted('sk-…wxyz')).toEqual({ prefix: 'sk-', suffix: 'wxyz' });
    expect(parseRedacted('no mask here')).toBeUndefined();
  });
});

describe('revocation', () => {
  async function setup(knobs: Partial<FakeKnobs> = {}) {
    const s = await start(seedOrganization({ now: NOW }), knobs);
    const inv = await s.admin.inventory();
    const revoker = new OpenAIRevoker(s.admin, inv);
    const revoke = (secret: string, kind: Parameters<typeof matchKey>[1], dryRun = false) => revoker.revoke(secret, matchedRecord(secret, kind, inv), { dryRun });
    return { ...s, inv, revoke };
  }

  it('deletes a user key, and a second time finds it already gone', async () => {
    const { org, fake, revoke } = await setup();
    const key = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    expect(await revoke(key.secret, 'project', true)).toEqual({ type: 'would-revoke', action: 'delete project key key_proj_0001_1 of proj_0001' });
    expect(fake.log.some((r) => r.method === 'DELETE')).toBe(false);
    expect(await revoke(key.secret, 'project')).toEqual({ type: 'revoked', action: 'delete project key key_proj_0001_1 of proj_0001' });
    expect(key.state).toBe('revoked');
    expect(await checkLiveness(new SecretValue(key.secret), 'project', { baseURL: fake.baseURL })).toMatchObject({ status: 'revoked' });
    expect(await revoke(key.secret, 'project')).toEqual({ type: 'already-gone', action: 'delete project key key_proj_0001_1 of proj_0001 answered 404: already revoked' });
  });

  it('deletes a service account only when the API refuses the key and the account has no other key', async () => {
    const { org, fake, revoke } = await setup({ serviceAccountKeyDelete: 'refuse' });
    const key = org.keys.find((k) => k.id === 'key_proj_0001_3')!;
    expect(await revoke(key.secret, 'service_account')).toEqual({ type: 'revoked', action: 'delete service account svc_acct_1 of proj_0001 (its only key leaked)' });
    expect(fake.log.filter((r) => r.method === 'DELETE').map((r) => [r.path, r.status])).toEqual([
      ['/v1/organization/projects/proj_0001/api_keys/key_proj_0001_3', 400],
      ['/v1/organization/projects/proj_0001/service_accounts/svc_acct_1', 200],
    ]);
    expect(key.state).toBe('revoked');
  });

  it('refuses to delete a service account that holds other keys', async () => {
    const org = seedOrganization({ now: NOW });
    const sibling = { ...org.keys.find((k) => k.id === 'key_proj_0001_3')!, id: 'key_sibling', secret: makeKey(shapeByName('service account 167')) };
    org.keys.push(sibling);
    fake = await startFakeOpenAI(org, { serviceAccountKeyDelete: 'refuse' }, () => NOW);
    const admin = new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: fake.baseURL, logger });
    const inv = await admin.inventory();
    const key = org.keys.find((k) => k.id === 'key_proj_0001_3')!;
    const out = await new OpenAIRevoker(admin, inv).revoke(key.secret, matchedRecord(key.secret, 'service_account', inv), { dryRun: false });
    expect(out).toEqual({ type: 'refused', reason: expect.stringContaining('service account svc_acct_1 holds 1 other key: key_sibling') });
    expect(key.state).toBe('live');
    expect(fake.log.filter((r) => r.path.includes('/service_accounts/'))).toEqual([]);
  });

  it('deletes a service-account key directly where the API allows it', async () => {
    const { org, revoke } = await setup({ serviceAccountKeyDelete: 'allow' });
    const key = org.keys.find((k) => k.id === 'key_proj_0002_3')!;
    expect(await revoke(key.secret, 'service_account')).toEqual({ type: 'revoked', action: 'delete service-account key key_proj_0002_3 of proj_0002' });
    expect(org.serviceAccounts.some((s) => s.id === 'svc_acct_2')).toBe(true);
  });

  it('deletes a leaked admin key but never the one in use', async () => {
    const { org, revoke, fake } = await setup();
    expect(await revoke(org.adminKeys[1]!.secret, 'admin')).toEqual({ type: 'revoked', action: 'delete admin key key_admin_old' });
    expect(await revoke(org.adminKeys[0]!.secret, 'admin')).toEqual({ type: 'refused', reason: expect.stringContaining('the admin key keyguard is using') });
    expect(fake.log.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });
});

describe('proof that a found key is one exact record', () => {
  const prober = (secret: string, kind: Parameters<typeof matchKey>[1]) => ({
    inProject: (project: string) => checkLiveness(new SecretValue(secret), kind, { baseURL: fake!.baseURL, project }),
    adminKeyIds: () => adminKeyIdsListedBy(new SecretValue(secret), { baseURL: fake!.baseURL }),
  });
  /** A key of proj_0002 that shows the same visible characters as `key`. */
  const twinOf = (key: FakeProjectKey): FakeProjectKey => ({ ...key, id: 'key_twin', project_id: 'proj_0002', secret: key.secret.slice(0, 11) + makeKey(shapeByName('project 164')).slice(11, -3) + key.secret.slice(-3) });

  it('two projects hold keys with the same visible characters: the project header tells which one it is', async () => {
    const org = seedOrganization({ now: NOW });
    const key = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    org.keys.push(twinOf(key));
    const { admin } = await start(org);
    const inv = await admin.inventory();
    const m = matchKey(key.secret, 'project', inv);
    expect(m).toMatchObject({ type: 'ambiguous' });
    const proof = await proveRecord(m.type === 'ambiguous' ? m.records : [], prober(key.secret, 'project'));
    expect(proof).toMatchObject({ type: 'proven', record: { id: key.id, projectId: 'proj_0001' }, rule: expect.stringContaining('OpenAI-Project: proj_0001') });
    expect(fake!.log.filter((r) => r.path === '/v1/models').map((r) => [r.project, r.status])).toEqual([['proj_0001', 200], ['proj_0002', 401]]);
  });

  it('a probe that cannot decide (429) proves nothing; neither do two keys of one project', async () => {
    const org = seedOrganization({ now: NOW });
    const key = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    const twin = { ...twinOf(key), project_id: 'proj_0001' };
    org.keys.push(twin);
    const { admin, fake: f } = await start(org);
    const inv = await admin.inventory();
    const candidates = inv.projectKeys.filter((k) => k.id === key.id || k.id === twin.id);
    f.knobs.rateLimitNext = 1;
    expect(await proveRecord(candidates, prober(key.secret, 'project'))).toMatchObject({ type: 'unproven', reason: expect.stringContaining('429 rate limited') });
    expect(await proveRecord(candidates, prober(key.secret, 'project'))).toMatchObject({ type: 'unproven', reason: expect.stringContaining('2 keys of `proj_0001`') });
  });

  it('an admin key is proven by what it lists itself', async () => {
    const { admin, org } = await start();
    const inv = await admin.inventory();
    const ours = org.adminKeys[1]!;
    expect(await proveRecord(inv.adminKeys.filter((k) => k.id === ours.id), prober(ours.secret, 'admin'))).toMatchObject({ type: 'proven', record: { id: ours.id } });
    const made = makeKey(shapeByName('admin 133'));
    expect(await proveRecord(inv.adminKeys.filter((k) => k.id === ours.id), prober(made, 'admin'))).toMatchObject({ type: 'unproven', reason: 'it could not list admin keys (401 invalid_api_key)' });
  });
});

describe('usage and costs', () => {
  it('follows next_page across pages and sums what was seeded', async () => {
    const { admin, org, fake } = await start(seedOrganization({ now: NOW, projects: 3, days: 70 }));
    const DAY = 86_400;
    const end = Math.floor(NOW / DAY) * DAY;
    const range = { start: end - 70 * DAY, end };
    const usage = await admin.usage('completions', range, ['project_id', 'model']);
    expect(usage).toHaveLength(70);
    expect(fake.log.filter((r) => r.path === '/v1/organization/usage/completions').map((r) => r.query.limit?.[0])).toEqual(['31', '31', '31']);
    const seeded = org.usage.filter((u) => u.kind === 'completions').reduce((n, u) => n + u.input_tokens, 0);
    expect(usage.flatMap((b) => b.results).reduce((n, r) => n + r.inputTokens, 0)).toBe(seeded);
    expect(usage[0]!.results[0]).toMatchObject({ projectId: 'proj_0000', model: expect.any(String) });
    const costs = await admin.costs(range, ['project_id', 'line_item']);
    expect(costs).toHaveLength(70);
    const cents = (n: number) => Math.round(n * 100);
    expect(cents(costs.flatMap((b) => b.results).reduce((n, r) => n + (r.usd ?? 0), 0))).toBe(cents(org.costs.reduce((n, c) => n + c.usd, 0)));
    // The SDK sends arrays as group_by[]=…; the fake, like the API, also takes group_by=a&group_by=b.
    expect(fake.log.find((r) => r.path === '/v1/organization/costs')!.query.group_by).toEqual(['project_id', 'line_item']);
    const raw = await fetch(`${fake.baseURL}/organization/costs?start_time=${range.start}&end_time=${range.start + 2 * DAY}&group_by=project_id&group_by=line_item`, { headers: { authorization: `Bearer ${org.adminKeys[0]!.secret}` } });
    const body = (await raw.json()) as { object: string; data: { results: { project_id: string; line_item: string }[] }[]; next_page: null };
    expect(body).toMatchObject({ object: 'page', has_more: false, next_page: null });
    expect(body.data[0]!.results[0]).toMatchObject({ project_id: 'proj_0000', line_item: expect.any(String) });
  });

  it('answers bad parameters as the API does', async () => {
    const { org, fake } = await start();
    const res = await fetch(`${fake.baseURL}/organization/costs?start_time=1&bucket_width=1h`, { headers: { authorization: `Bearer ${org.adminKeys[0]!.secret}` } });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await res.json()).toEqual({ error: { message: expect.stringContaining('bucket_width'), type: 'invalid_request_error', param: 'bucket_width', code: null } });
  });
});
