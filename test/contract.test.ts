/*
 * The fakes against the published API descriptions (vendored subsets in test/fixtures/openapi/,
 * made by scripts/vendor-openapi.ts): keyguard's real clients drive every route each fake serves,
 * the fakes record what they were sent and what they answered, and every exchange is checked
 * against the description: the route and method exist, parameters and bodies are valid, and every
 * answer, errors included, matches the schema of its status.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SecretValue } from '../src/detect/index.ts';
import { upsertPullRequestComment, GitHubIssueTracker } from '../src/github/issue-tracker.ts';
import { createOctokit } from '../src/github/octokit.ts';
import { listOpenAIAlerts, resolveAlertRevoked } from '../src/github/secret-alerts.ts';
import type { Logger } from '../src/logger.ts';
import { openaiSdk } from '../src/openai/sdk.ts';
import { OpenAIAdmin } from '../src/openai/admin-client.ts';
import { checkLiveness } from '../src/openai/liveness.ts';
import { measureExposure } from '../src/exposure/exposure.ts';
import { discover } from '../src/org/discover.ts';
import { DEFAULT_CONFIG } from '../src/config.ts';
import { parseConfig } from '../src/config-file.ts';
import { buildReport } from '../src/report/command.ts';
import { customPeriod } from '../src/report/period.ts';
import { renderReportMarkdown } from '../src/report/render.ts';
import { startFakeGitHub, type FakeGitHub, type GitHubRequest } from './fakes/github-server.ts';
import { startFakeOpenAI, type FakeKnobs, type FakeOpenAI, type RequestRecord } from './fakes/openai-server.ts';
import { seedOrganization } from './fakes/openai-seed.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { Contract, type Exchange } from './helpers/contract.ts';
import { subset } from '../scripts/vendor-openapi.ts';
import { count } from '../src/text/count.ts';

const logger: Logger = { info() {}, warning() {}, error() {}, mask() {}, progress() {} };
const NOW = Date.UTC(2026, 10, 26, 15) / 1000;
const openai = new Contract('openai.json', { fallbackError: 'ErrorResponse', bracketArrays: true });
const github = new Contract('github.json', { fallbackError: 'basic-error' });

/** The routes each fake serves. The tests below drive every one, so a route added here is checked. */
const OPENAI_ROUTES = [
  'GET /models',
  'GET /organization/projects',
  'GET /organization/projects/{project_id}',
  'GET /organization/projects/{project_id}/api_keys',
  'GET /organization/projects/{project_id}/api_keys/{api_key_id}',
  'DELETE /organization/projects/{project_id}/api_keys/{api_key_id}',
  'GET /organization/projects/{project_id}/service_accounts',
  'DELETE /organization/projects/{project_id}/service_accounts/{service_account_id}',
  'GET /organization/projects/{project_id}/users',
  'GET /organization/users',
  'GET /organization/admin_api_keys',
  'GET /organization/admin_api_keys/{key_id}',
  'DELETE /organization/admin_api_keys/{key_id}',
  'GET /organization/costs',
  ...['audio_speeches', 'audio_transcriptions', 'code_interpreter_sessions', 'completions', 'embeddings', 'file_search_calls', 'images', 'moderations', 'vector_stores', 'web_search_calls'].map((e) => `GET /organization/usage/${e}`),
];
const GITHUB_ROUTES = [
  'GET /orgs/{org}/repos',
  'GET /installation/repositories',
  'POST /repos/{owner}/{repo}/labels',
  'GET /repos/{owner}/{repo}/labels/{name}',
  'GET /repos/{owner}/{repo}/issues',
  'POST /repos/{owner}/{repo}/issues',
  'GET /repos/{owner}/{repo}/issues/{issue_number}',
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'GET /repos/{owner}/{repo}/secret-scanning/alerts',
  'PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}',
];

export function openaiExchange(r: RequestRecord): Exchange {
  const query: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(r.search)) (query[k] ??= []).push(v);
  return { method: r.method, path: r.path.replace(/^\/v1/, ''), query, body: r.body, status: r.status, response: r.response };
}
const githubExchange = (r: GitHubRequest): Exchange => ({ method: r.method, path: r.path, query: r.query, body: r.body, status: r.status, response: r.response });
/** The REST exchanges: GraphQL (keyguard's one `viewer` query) has no REST description to check. */
const restOnly = (log: GitHubRequest[]) => log.filter((r) => r.path !== '/graphql');

function check(contract: Contract, exchanges: Exchange[], routes: string[]) {
  const problems = exchanges.flatMap((x) => [...contract.checkRequest(x), ...contract.checkResponse(x)]);
  const served = new Set(exchanges.map((x) => contract.operation(x.method, x.path)).filter((op) => op !== undefined).map((op) => `${op.method} ${op.template}`));
  return { problems: [...new Set(problems)], served, statuses: new Set(exchanges.map((x) => x.status)) };
}

let fakes: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
});

/** Drives every route of the OpenAI fake through keyguard's clients, errors included. */
async function driveOpenAI(knobs: Partial<FakeKnobs> = {}): Promise<FakeOpenAI> {
  const org = seedOrganization({ now: NOW, projects: 3, days: 10 });
  const fake = await startFakeOpenAI(org, knobs, () => NOW);
  fakes.push(fake);
  const admin = new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: fake.baseURL, logger, maxRetries: 2 });
  const inventory = await admin.inventory();
  await buildReport(admin, customPeriod('2026-11-16', '2026-11-23'), DEFAULT_CONFIG, NOW, logger);
  const key = inventory.projectKeys.find((k) => k.owner.type === 'user')!;
  // Usage since exposure: every endpoint that groups by key, filtered with api_key_ids; costs by project.
  await measureExposure([{ keyId: key.id, projectId: key.projectId, since: NOW - 3 * 86_400, lastUsedAt: key.lastUsedAt }], admin, NOW);
  const svcKey = inventory.projectKeys.find((k) => k.owner.type === 'service_account')!;
  // keyguard's own SDK factory: the hostile OPENAI_* variables tests run with must not reach the fake.
  const raw = openaiSdk({ key: org.adminKeys[0]!.secret, admin: true, baseURL: fake.baseURL, timeoutMs: 30_000, maxRetries: 0 });
  // Routes keyguard does not call itself but the fake serves: through the same SDK.
  await raw.admin.organization.projects.retrieve(key.projectId);
  await raw.admin.organization.projects.apiKeys.retrieve(key.id, { project_id: key.projectId });
  await raw.admin.organization.adminAPIKeys.retrieve(org.adminKeys[1]!.id);
  for await (const _ of raw.admin.organization.projects.users.list(key.projectId, { limit: 2 }));
  // Deletions, and their errors: 400 (a service account's key), 404 (already gone).
  await admin.deleteProjectKey(key.projectId, key.id);
  await admin.deleteProjectKey(key.projectId, key.id).catch(() => undefined);
  await admin.deleteProjectKey(svcKey.projectId, svcKey.id).catch(() => undefined);
  await admin.deleteServiceAccount(svcKey.projectId, svcKey.owner.id);
  await admin.deleteAdminKey(org.adminKeys[1]!.id);
  // Liveness: 200, 401 (revoked, restricted), 429 (no quota); a bad admin key: 401.
  const [a, b, c] = org.keys;
  b!.state = 'restricted';
  c!.state = 'no_quota';
  for (const k of [a, b, c]) await checkLiveness(new SecretValue(k!.secret), 'project', { baseURL: fake.baseURL });
  await checkLiveness(new SecretValue(key.id), 'project', { baseURL: fake.baseURL });
  await new OpenAIAdmin({ adminKey: 'sk-admin-wrong', baseURL: fake.baseURL, logger, maxRetries: 0 }).projects().catch(() => undefined);
  // 400 on a bad parameter, 429 with retry-after then success, 500 then success.
  await raw.admin.organization.usage.costs({ start_time: NOW - 86_400, limit: 1000 }).catch(() => undefined);
  fake.knobs.rateLimitNext = 1;
  fake.knobs.retryAfterSeconds = 0;
  await admin.adminKeys();
  fake.knobs.faultRate = 1;
  await admin.adminKeys().catch(() => undefined);
  fake.knobs.faultRate = 0;
  return fake;
}

describe('OpenAI fake against OpenAI\'s OpenAPI description', () => {
  it('serves only described routes; keyguard\'s requests and every answer, errors included, are valid', async () => {
    const fake = await driveOpenAI();
    const { problems, served, statuses } = check(openai, fake.log.map(openaiExchange), OPENAI_ROUTES);
    expect(problems).toEqual([]);
    expect([...served].sort()).toEqual([...OPENAI_ROUTES].sort());
    expect([...statuses].sort()).toEqual([200, 400, 401, 404, 429, 500]);
  });
});

/** Drives every route of the GitHub fake through keyguard's Octokit, errors included. */
async function driveGitHub(): Promise<FakeGitHub> {
  const gh = await startFakeGitHub({ repos: ['acme/app'] });
  fakes.push(gh);
  gh.orgs.set('acme', [
    { name: 'app', archived: false, fork: false, private: true, default_branch: 'main' },
    { name: 'old', archived: true, fork: true, private: false, default_branch: 'master' },
  ]);
  const octokit = createOctokit({ token: gh.token, baseUrl: gh.url, logger, writeIntervalMs: 0 });
  const repo = { owner: 'acme', repo: 'app' };
  const tracker = new GitHubIssueTracker(octokit, repo, 'keyguard');
  // An installation token lists what the installation reaches; another token, the organization.
  await discover(octokit, gh.token, { org: 'acme', includeArchived: true, includeForks: true });
  gh.tokens.set('github_pat_contract', 'security-lead');
  await discover(createOctokit({ token: 'github_pat_contract', baseUrl: gh.url, logger }), 'github_pat_contract', { org: 'acme', includeArchived: true, includeForks: true });
  await tracker.ensureLabel('keyguard', 'b60205', 'leaked keys'); // 404 then 201
  await tracker.ensureLabel('keyguard', 'b60205', 'leaked keys'); // 200
  await octokit.rest.issues.createLabel({ ...repo, name: 'keyguard', color: 'b60205' }).catch(() => undefined); // 422
  const issue = await tracker.create({ title: 'Leaked key', body: '<!-- keyguard:v1 leak x -->\nbody', labels: ['keyguard'], assignees: ['octocat'] });
  await tracker.findByMarker('<!-- keyguard:v1 leak x -->');
  await tracker.update(issue.number, { state: 'closed' });
  await tracker.comment(issue.number, 'seen again');
  await octokit.rest.issues.get({ ...repo, issue_number: issue.number });
  await octokit.rest.issues.get({ ...repo, issue_number: 999 }).catch(() => undefined); // 404
  await upsertPullRequestComment(octokit, repo, issue.number, '<!-- keyguard:v1 pr scan -->\nfirst');
  await upsertPullRequestComment(octokit, repo, issue.number, '<!-- keyguard:v1 pr scan -->\nsecond');
  gh.knobs.secondaryLimitNext = 1;
  gh.knobs.retryAfterSeconds = 1;
  await tracker.comment(issue.number, 'after a secondary limit'); // 403, then 201
  await createOctokit({ token: 'wrong', baseUrl: gh.url, logger }).rest.issues.get({ ...repo, issue_number: 1 }).catch(() => undefined); // 401
  // Secret scanning: off (404), then two pages of alerts, one without a file; resolved as revoked, and a resolution left out (422).
  await listOpenAIAlerts(octokit, repo);
  const secret = makeKey(shapeByName('project 164'));
  gh.repo('acme/app').alerts = Array.from({ length: 101 }, (_, i) => ({ number: i + 1, secret_type: 'openai_api_key', secret, state: 'open' as const, resolution: null, resolution_comment: null, resolved_by: null, resolved_at: null, created_at: '2026-11-01T08:00:00Z', validity: 'unknown' as const, location: i ? { path: `/a/${i}.env`, start_line: 1, start_column: 1, end_column: 60, commit_sha: 'c'.repeat(40) } : null }));
  await listOpenAIAlerts(octokit, repo);
  await resolveAlertRevoked(octokit, repo, 1, 'keyguard revoked this key');
  await octokit.rest.secretScanning.updateAlert({ ...repo, alert_number: 2, state: 'resolved' }).catch(() => undefined); // 422
  return gh;
}

describe('GitHub fake against GitHub\'s REST description', () => {
  it('serves only described routes; keyguard\'s requests and every answer, errors included, are valid', async () => {
    const gh = await driveGitHub();
    const { problems, served, statuses } = check(github, restOnly(gh.log).map(githubExchange), GITHUB_ROUTES);
    expect(problems).toEqual([]);
    expect([...served].sort()).toEqual([...GITHUB_ROUTES].sort());
    expect([...statuses].sort()).toEqual([200, 201, 401, 403, 404, 422]);
  });
});

describe('the contract tests catch a drifting fake', () => {
  it('a required field left out, a field of the wrong type, an undescribed field, parameter or route', async () => {
    // The fake told to leave out a field the description requires.
    const fake = await driveOpenAI({ omit: ['organization.project.created_at'] });
    const problems = check(openai, fake.log.map(openaiExchange), OPENAI_ROUTES).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /^GET \/organization\/projects(\/\{project_id\})? → 200: (\/data\/\d+|\/) must have required property 'created_at'/.test(p))).toBe(true);
    const ok = fake.log.map(openaiExchange).find((x) => x.path === '/organization/usage/completions' && x.status === 200)!;
    expect(openai.checkResponse(ok)).toEqual([]);
    const broken = structuredClone(ok) as Exchange & { response: { data: { results: Record<string, unknown>[] }[] } };
    broken.response.data.find((b) => b.results.length)!.results[0]!.num_model_requests = 1.5;
    expect(openai.checkResponse(broken).join('\n')).toMatch(/num_model_requests must be integer/);
    expect(openai.checkResponse({ ...ok, response: { ...(ok.response as object), total_usd: 1 } })).toEqual([expect.stringContaining('must NOT have unevaluated properties {"unevaluatedProperty":"total_usd"}')]);
    expect(openai.checkRequest({ ...ok, query: { ...ok.query, granularity: ['day'] } })).toEqual(['GET /organization/usage/completions: query parameter "granularity" is not described']);
    expect(openai.checkRequest({ ...ok, query: { ...ok.query, limit: ['seven'] } }).join('\n')).toMatch(/\/limit must be integer/);
    expect(openai.checkRequest({ ...ok, method: 'POST' })).toEqual(['POST /organization/usage/completions: no such operation in openai.json']);

    const gh = await driveGitHub();
    const created = restOnly(gh.log).map(githubExchange).find((x) => x.method === 'POST' && /\/issues$/.test(x.path))!;
    expect(github.checkResponse(created)).toEqual([]);
    expect(github.checkResponse({ ...created, response: { ...(created.response as object), number: '1' } }).join('\n')).toMatch(/\/number must be integer/);
    const { user: _user, ...noUser } = created.response as Record<string, unknown>;
    expect(github.checkResponse({ ...created, response: noUser }).join('\n')).toMatch(/must have required property 'user'/);
    expect(github.checkRequest({ ...created, body: JSON.stringify({ title: 'x', labels: 'keyguard' }) }).join('\n')).toMatch(/body: \/labels must be array/);
    expect(github.checkRequest({ ...created, path: '/repos/acme/app/secrets' })).toEqual(['POST /repos/acme/app/secrets: no such operation in github.json']);
  });
});

/** `object.field` for every field the description lets be absent (and whether it may be null), by the object's `object` tag. */
function optionalFields(contract: Contract): { field: string; nullable: boolean }[] {
  const out = new Map<string, { field: string; nullable: boolean }>();
  for (const schema of Object.values((contract.doc.components as { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> }).schemas)) {
    const tag = (schema.properties?.object as { enum?: string[] } | undefined)?.enum;
    if (!schema.properties || tag?.length !== 1) continue;
    for (const [name, p] of Object.entries(schema.properties)) if (!schema.required?.includes(name)) out.set(`${tag[0]}.${name}`, { field: `${tag[0]}.${name}`, nullable: JSON.stringify(p).includes('"null"') });
  }
  return [...out.values()];
}

describe('fields the description makes optional', () => {
  it('left out, or null where allowed: keyguard reads the same keys and the same totals, to the cent', async () => {
    const run = async (knobs: Partial<FakeKnobs>) => {
      const org = seedOrganization({ now: NOW, projects: 3, days: 10 });
      const fake = await startFakeOpenAI(org, knobs, () => NOW);
      try {
        const admin = new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: fake.baseURL, logger, maxRetries: 0 });
        const inventory = await admin.inventory();
        const { report } = await buildReport(admin, customPeriod('2026-11-16', '2026-11-23'), parseConfig('report:\n  flagKeys: false\n', 'x'), NOW, logger);
        const sent = new Set<string>();
        const visit = (n: unknown): void => {
          if (Array.isArray(n)) n.forEach(visit);
          else if (n && typeof n === 'object') for (const [k, v] of Object.entries(n)) (sent.add(`${(n as { object?: string }).object}.${k}`), visit(v));
        };
        fake.log.forEach((r) => visit(r.response));
        return {
          keys: [...inventory.projectKeys, ...inventory.adminKeys].map((k) => k.id).sort(),
          totals: { cents: Math.round(report.totals.costUsd * 100), requests: report.totals.requests, unattributedCents: Math.round(report.unattributed.costUsd * 100) + report.projects.reduce((n, p) => n + Math.round(p.costUsd * 100), 0) - Math.round(report.totals.costUsd * 100) },
          noMembers: report.projects.filter((p) => p.flags.some((f) => f.type === 'no-members')).map((p) => p.id),
          withoutAmount: report.costRowsWithoutAmount,
          warned: renderReportMarkdown(report).includes(`:warning: ${count(report.costRowsWithoutAmount, 'cost row')} of the period came without an amount and ${report.costRowsWithoutAmount === 1 ? 'is' : 'are'} not in these totals.`),
          // The report reads costs grouped by project: one row per project and day.
          costRows: new Set(org.costs.filter((c) => c.day >= report.period.start && c.day < report.period.end).map((c) => `${c.project_id}/${c.day}`)).size,
          problems: check(openai, fake.log.map(openaiExchange), OPENAI_ROUTES).problems,
          sent,
        };
      } finally {
        await fake.close();
      }
    };
    const base = await run({});
    // Only fields the fake sends can be left out. An admin key's owner is tagged `organization.user`
    // too, with fields that may not be null.
    const fields = optionalFields(openai).filter((f) => base.sent.has(f.field)).map((f) => (f.field.startsWith('organization.user.') ? { ...f, nullable: false } : f));
    expect(fields.length).toBeGreaterThan(20);
    for (const { field, nullable } of fields) {
      for (const knobs of [{ omit: [field] }, ...(nullable ? [{ nullify: [field] }] : [])]) {
        const r = await run(knobs);
        const what = `${JSON.stringify(knobs)}`;
        expect(r.problems, what).toEqual([]);
        expect(r.keys, what).toEqual(base.keys);
        // Without its amount a cost cannot be counted: the report says how many rows it missed.
        if (field === 'organization.costs.result.amount') expect([r.totals.cents, r.withoutAmount, r.warned], what).toEqual([0, base.costRows, true]);
        else expect([r.totals.cents, r.withoutAmount], what).toEqual([base.totals.cents, 0]);
        expect(r.totals.requests, what).toBe(base.totals.requests);
        expect(r.noMembers, what).toEqual(base.noMembers);
      }
    }
  });
});

/**
 * Bodies carry keyguard's markers. GitHub sends them always (null when empty), but the description
 * makes them optional: an issue or comment listed without its body would be taken for one without
 * a marker, and duplicated. Left to the issue tracker's owner (src/github/): read such an item alone.
 */
const BODY_READ = ['issue.body', 'issue-comment.body'];

describe('GitHub fields the description makes optional', () => {
  it('left out, or null where allowed: the same issues, comments and repositories', async () => {
    const run = async (knobs: { omit?: string[]; nullify?: string[] }) => {
      const gh = await startFakeGitHub({ repos: ['acme/app'], knobs: { ...knobs, retryAfterSeconds: 1 } });
      try {
        gh.orgs.set('acme', [
          { name: 'app', archived: false, fork: false, private: true, default_branch: 'main' },
          { name: 'old', archived: true, fork: false, private: false, default_branch: 'main' },
          { name: 'copy', archived: false, fork: true, private: false, default_branch: 'main' },
        ]);
        const octokit = createOctokit({ token: gh.token, baseUrl: gh.url, logger, writeIntervalMs: 0 });
        const repo = { owner: 'acme', repo: 'app' };
        gh.tokens.set('github_pat_contract', 'security-lead');
        const found = await discover(createOctokit({ token: 'github_pat_contract', baseUrl: gh.url, logger }), 'github_pat_contract', { org: 'acme', includeArchived: false, includeForks: false });
        for (const pass of [1, 2]) {
          // A fresh tracker each pass, as each run of the action is: it finds its issue by marker.
          const tracker = new GitHubIssueTracker(octokit, repo, 'keyguard');
          await tracker.ensureLabel('keyguard', 'b60205', 'leaked keys');
          const marker = '<!-- keyguard:v1 leak k1 -->';
          const existing = await tracker.findByMarker(marker);
          if (existing) await tracker.update(existing.number, { body: `${marker}\nseen ${pass} times` });
          else await tracker.create({ title: 'Leaked key', body: `${marker}\nseen once`, labels: ['keyguard'], assignees: [] });
          await upsertPullRequestComment(octokit, repo, 1, `<!-- keyguard:v1 pr scan -->\npass ${pass}`);
        }
        const r = gh.repo('acme/app');
        return {
          state: { repositories: found.repositories, skipped: found.skipped, issues: r.issues.map((i) => [i.title, i.body, i.state, i.labels]), comments: r.comments.map((c) => c.body), labels: r.labels.map((l) => l.name) },
          problems: check(github, restOnly(gh.log).map(githubExchange), GITHUB_ROUTES).problems,
          sent: new Set(gh.log.flatMap((x) => (x.status < 300 ? [x.response].flat() : []).flatMap((o) => Object.keys(o as object)))),
        };
      } finally {
        await gh.close();
      }
    };
    const base = await run({});
    expect(base.problems).toEqual([]);
    const schemas = github.doc.components as { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    const fields = ['issue', 'issue-comment', 'label', 'minimal-repository'].flatMap((name) =>
      Object.entries(schemas.schemas[name]!.properties)
        .filter(([f]) => !schemas.schemas[name]!.required?.includes(f) && base.sent.has(f) && !BODY_READ.includes(`${name}.${f}`))
        .map(([f, p]) => ({ field: `${name}.${f}`, nullable: JSON.stringify(p).includes('"null"') })),
    );
    expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(['issue.assignees', 'minimal-repository.archived']));
    for (const { field, nullable } of fields) {
      for (const knobs of [{ omit: [field] }, ...(nullable ? [{ nullify: [field] }] : [])]) {
        const r = await run(knobs);
        expect(r.problems, JSON.stringify(knobs)).toEqual([]);
        // A repository not known to be archived is scanned: more work, never a missed leak.
        const expected = field === 'minimal-repository.archived' ? { ...base.state, repositories: ['acme/app', 'acme/old'], skipped: { archived: 0, forks: 1 } } : base.state;
        expect(r.state, JSON.stringify(knobs)).toEqual(expected);
      }
    }
  });
});

describe('scripts/vendor-openapi.ts', () => {
  it('keeps the paths asked for and every component they reach, transitively, and no documentation-only keys', () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/a': { get: { responses: { '200': { $ref: '#/components/responses/Ok' } }, 'x-oaiMeta': { examples: {} } } },
        '/b': { get: { responses: { '200': { description: 'unused path' } } } },
      },
      components: {
        responses: { Ok: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } },
        schemas: {
          A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' }, example: { type: 'string' } }, example: { b: {} } },
          B: { type: 'array', items: { $ref: '#/components/schemas/A' } },
          Unused: { type: 'string' },
        },
      },
    };
    const out = subset(doc, ['/a'], { file: 't.yaml' }) as { paths: object; components: { schemas: Record<string, { properties?: object; example?: unknown }> } };
    expect(Object.keys(out.paths)).toEqual(['/a']);
    expect(Object.keys(out.components.schemas)).toEqual(['A', 'B']);
    expect(out.components.schemas.A!.example).toBeUndefined();
    expect(Object.keys(out.components.schemas.A!.properties!)).toEqual(['b', 'example']);
    expect(JSON.stringify(out)).not.toContain('x-oaiMeta');
    expect(() => subset(doc, ['/missing'], { file: 't.yaml' })).toThrow('t.yaml: no path /missing');
  });
});
