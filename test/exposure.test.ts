import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeGitHub, fakeOpenAI } from './helpers/fakes.ts';
import type { FakeGitHub } from './fakes/github-server.ts';
import type { FakeOpenAI } from './fakes/openai-server.ts';
import { seedLeakUsage, seedOrganization } from './fakes/openai-seed.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { runActionAsync, runCliAsync, runnerFiles } from './helpers/run.ts';
import { measureExposure, MAX_FILTER_IDS } from '../src/exposure/exposure.ts';
import { OpenAIAdmin } from '../src/openai/admin-client.ts';
import type { Logger } from '../src/logger.ts';

const DAY = 86_400;
let openai: FakeOpenAI | undefined;
let github: FakeGitHub | undefined;

/** A leak committed one hour into the day ten days ago; the key was quiet before and busy after. */
function leakSetup() {
  const now = Math.floor(Date.now() / 1000);
  const org = seedOrganization({ now });
  const today = Math.floor(now / DAY) * DAY;
  const exposedAt = today - 10 * DAY + 3600;
  const key = org.keys.find((k) => k.id === 'key_proj_0001_5')!;
  seedLeakUsage(org, key.id, exposedAt, { before: 2, after: 50 }, now);
  const ws = gitRepo({ 'README.md': '# app\n' });
  write(ws, 'config/prod.env', `OPENAI_API_KEY=${key.secret}\n`);
  git(ws, 'add', '-A');
  git(ws, 'commit', '-qm', 'config', `--date=@${exposedAt}`);
  // The project's cost over the 11 days from the exposure day, and the 11 days before.
  const cost = (from: number, to: number) => Math.round(org.costs.filter((c) => c.project_id === 'proj_0001' && c.day >= from && c.day < to).reduce((n, c) => n + c.usd, 0) * 100) / 100;
  return { org, key, ws, exposedAt, today, costAfter: cost(today - 10 * DAY, now), costBefore: cost(today - 21 * DAY, today - 10 * DAY) };
}

const usageRequests = (o: FakeOpenAI) => o.log.filter((r) => r.path.includes('/organization/usage/'));
const costRequests = (o: FakeOpenAI) => o.log.filter((r) => r.path.includes('/organization/costs'));

describe('usage since exposure', () => {
  it('the action: JSON, leak issue and job summary show the key\'s use since its first commit against the days before', async () => {
    const s = leakSetup();
    openai = await fakeOpenAI(s.org);
    github = await fakeGitHub({ repos: ['acme/app'] });
    const r0 = runnerFiles(s.ws, tempDir());
    r0.event('workflow_dispatch', {});
    const run = await runActionAsync(
      { 'scan-scope': 'history', issues: 'true', 'openai-admin-key': s.org.adminKeys[0]!.secret, 'github-token': github.token, 'openai-base-url': openai.baseURL },
      { ...r0.env, GITHUB_API_URL: github.url, GITHUB_SERVER_URL: 'https://github.test', GITHUB_REPOSITORY: 'acme/app', KEYGUARD_GITHUB_WRITE_INTERVAL_MS: '0' },
    );
    expect(run.code, run.stderr + run.stdout).toBe(1);
    const report = JSON.parse(readFileSync(r0.outputs()['json-file']!, 'utf8'));
    // 11 days from the exposure day through today: 50 gpt-4o requests and 1 embeddings request a day.
    expect(report.findings[0].exposure).toEqual({
      since: new Date(s.exposedAt * 1000).toISOString(),
      until: expect.any(String),
      from: new Date((s.today - 10 * DAY) * 1000).toISOString(),
      requests: 11 * 51,
      inputTokens: 11 * (50 * 20 + 8),
      outputTokens: 11 * 50 * 4,
      byModel: [
        { model: 'gpt-4o', requests: 550, inputTokens: 11_000, outputTokens: 2_200 },
        { model: 'text-embedding-3-small', requests: 11, inputTokens: 88, outputTokens: 0 },
      ],
      projectCostUsd: s.costAfter,
      lastUsedAt: expect.stringMatching(new RegExp(`^${new Date(s.today * 1000).toISOString().slice(0, 10)}`)),
      before: { from: new Date((s.today - 21 * DAY) * 1000).toISOString(), requests: 22, inputTokens: 440, outputTokens: 88, byModel: [{ model: 'gpt-4o-mini', requests: 22, inputTokens: 440, outputTokens: 88 }], projectCostUsd: s.costBefore },
    });
    const issue = github.repo('acme/app').issues[0]!;
    expect(issue.body).toContain('### Use since exposure');
    expect(issue.body).toContain('| Requests | 561 (+2450%) | 22 |');
    expect(issue.body).toContain(`| Project cost (the whole project: costs are grouped by project, not by key) | $${s.costAfter.toFixed(2)} | $${s.costBefore.toFixed(2)} |`);
    expect(r0.summary()).toContain('| Requests | 561 (+2450%) | 22 |');
    // The summary's verdict stays first: the figures are folded under the findings, in tables of at most six columns.
    const summary = r0.summary();
    expect(summary).toMatch(/^## keyguard scan\n\n:rotating_light: /);
    expect(summary.indexOf('<details><summary>Use since exposure</summary>')).toBeGreaterThan(summary.indexOf('| Where | Kind | Key |'));
    expect(summary.indexOf('<details><summary>Use since exposure</summary>')).toBeLessThan(summary.indexOf('| Requests | 561'));
    for (const row of summary.split('\n').filter((l) => l.startsWith('| '))) expect(row.split(' | ').length, row).toBeLessThanOrEqual(6);
    // One read per usage endpoint that groups by key (a page each: 22 days), one costs read.
    expect(usageRequests(openai).map((r) => r.path.split('/').pop()).sort()).toEqual(['audio_speeches', 'audio_transcriptions', 'completions', 'embeddings', 'images', 'moderations']);
    expect(usageRequests(openai).every((r) => r.query.api_key_ids?.join() === 'key_proj_0001_5')).toBe(true);
    expect(costRequests(openai)).toHaveLength(1);
    expectNoKey([s.key.secret, s.org.adminKeys[0]!.secret], { stdout: run.stdout, summary: r0.summary(), issues: JSON.stringify(github.repo('acme/app').issues), json: JSON.stringify(report) });
  });

  it('the CLI: one grouped read serves every key of the run; text shows a line per key', async () => {
    const s = leakSetup();
    // A second leaked key, exposed 40 days ago: its window sets the pages, not the number of keys.
    const other = s.org.keys.find((k) => k.id === 'key_proj_0002_5')!;
    seedLeakUsage(s.org, other.id, s.today - 40 * DAY, { before: 0, after: 3 }, Math.floor(Date.now() / 1000));
    write(s.ws, 'src/client.ts', `const k = "${other.secret}";\n`);
    git(s.ws, 'add', '-A');
    git(s.ws, 'commit', '-qm', 'client', `--date=@${s.today - 40 * DAY}`);
    openai = await fakeOpenAI(s.org);
    const env = { OPENAI_ADMIN_KEY: s.org.adminKeys[0]!.secret };
    const json = await runCliAsync(['scan', s.ws, '--history', '--format', 'json', '--openai-base-url', openai.baseURL], env);
    expect(json.code, json.stderr).toBe(1);
    const out = JSON.parse(json.stdout);
    const by = (id: string) => out.findings.find((f: { match: { keyId: string } }) => f.match.keyId === id).exposure;
    expect(by('key_proj_0001_5')).toMatchObject({ requests: 561, before: { requests: 22 } });
    expect(by('key_proj_0002_5')).toMatchObject({ requests: 41 * 4, before: { requests: 0 }, byModel: [{ model: 'gpt-4o', requests: 123 }, { model: 'text-embedding-3-small', requests: 41 }] });
    // 82 days at 31 buckets a page: 3 pages for each of 6 endpoints, and 1 costs page, for both keys.
    expect(usageRequests(openai)).toHaveLength(18);
    expect(costRequests(openai)).toHaveLength(1);

    const text = await runCliAsync(['scan', s.ws, '--history', '--openai-base-url', openai.baseURL], env);
    expect(text.stdout).toMatch(/ used since \d{4}-\d\d-\d\d: 561 requests \(before: 22\), 11,088 in \/ 2,200 out tokens, project cost \$[\d.]+ \(whole project\), last used \d{4}-/);
    expectNoKey([s.key.secret, other.secret, s.org.adminKeys[0]!.secret], { json: json.stdout + json.stderr, text: text.stdout + text.stderr });
  });

  it('a key found only in the working tree is exposed from the scan; without an admin key nothing is read', async () => {
    const s = leakSetup();
    openai = await fakeOpenAI(s.org);
    const plain = tempDir();
    write(plain, '.env', `OPENAI_API_KEY=${s.key.secret}\n`);
    const started = Date.now();
    const r = await runCliAsync(['scan', plain, '--format', 'json', '--openai-base-url', openai.baseURL], { OPENAI_ADMIN_KEY: s.org.adminKeys[0]!.secret });
    const e = JSON.parse(r.stdout).findings[0].exposure;
    expect(Date.parse(e.since)).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    // From today's start: today's 51 requests, against yesterday's (after the exposure day: 51).
    expect(e).toMatchObject({ requests: 51, before: { requests: 51 } });
    const requests = openai.log.length;
    const none = await runCliAsync(['scan', plain, '--format', 'json', '--verify', '--openai-base-url', openai.baseURL], {});
    expect(JSON.parse(none.stdout).findings[0].exposure).toBeNull();
    expect(openai.log.slice(requests).some((x) => x.path.includes('/organization/'))).toBe(false);
  });

  it('org-wide: aggregate keeps the earliest exposure of a key found in several repositories', async () => {
    const s = leakSetup();
    openai = await fakeOpenAI(s.org);
    github = await fakeGitHub({ repos: ['acme/security'] });
    // The same key committed later in a second repository: its own report counts from its commit.
    const later = gitRepo({ 'README.md': '# api\n' });
    write(later, 'cfg.env', `K=${s.key.secret}\n`);
    git(later, 'add', '-A');
    git(later, 'commit', '-qm', 'cfg', `--date=@${s.today - 3 * DAY}`);
    const reports = tempDir();
    for (const [name, ws] of [['web', s.ws], ['api', later]] as const) {
      const r = await runCliAsync(['scan', ws, '--history', '--format', 'json', '--openai-base-url', openai.baseURL], { OPENAI_ADMIN_KEY: s.org.adminKeys[0]!.secret });
      mkdirSync(path.join(reports, name));
      writeFileSync(path.join(reports, name, 'keyguard.json'), r.stdout);
    }
    const a = await runCliAsync(['aggregate', reports, '--issues'], { GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: 'acme/security', GITHUB_API_URL: github.url, KEYGUARD_GITHUB_WRITE_INTERVAL_MS: '0' });
    expect(a.code, a.stderr).toBe(1);
    const body = github.repo('acme/security').issues[0]!.body;
    expect(body).toContain(`Exposed since ${new Date(s.exposedAt * 1000).toISOString().slice(0, 10)};`);
    expect(body).toContain('| Requests | 561 (+2450%) | 22 |');
  });

  it('a usage endpoint that keeps failing costs the figures, not the leak response: the issue is filed and the summary says why', async () => {
    const s = leakSetup();
    openai = await fakeOpenAI(s.org, { faultPaths: ['/organization/usage/embeddings'] });
    github = await fakeGitHub({ repos: ['acme/app'] });
    const r0 = runnerFiles(s.ws, tempDir());
    r0.event('workflow_dispatch', {});
    const run = await runActionAsync(
      { 'scan-scope': 'history', issues: 'true', revoke: 'live', 'openai-admin-key': s.org.adminKeys[0]!.secret, 'github-token': github.token, 'openai-base-url': openai.baseURL },
      { ...r0.env, GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/app', KEYGUARD_GITHUB_WRITE_INTERVAL_MS: '0' },
    );
    expect(run.code, run.stderr + run.stdout).toBe(1);
    expect(r0.outputs()).toMatchObject({ revoked: '1', 'issues-opened': '1' });
    expect(github.repo('acme/app').issues[0]!.body).not.toContain('Use since exposure');
    expect(r0.summary()).toMatch(/Usage since exposure could not be read: GET \/organization\/usage\/embeddings: HTTP 500/);
    expect(JSON.parse(readFileSync(r0.outputs()['json-file']!, 'utf8')).findings[0].exposure).toBeNull();
  });

  it('more keys than a filter carries (1,000 ids made a 431 request line): everything is read grouped by key, with the same figures and no more requests', async () => {
    const now = Math.floor(Date.now() / 1000);
    const org = seedOrganization({ now, projects: 30, days: 10 });
    openai = await fakeOpenAI(org);
    const quiet: Logger = { info() {}, warning() {}, error() {}, mask() {}, progress() {} };
    const admin = new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: openai.baseURL, logger: quiet });
    const keys = org.keys.map((k) => ({ keyId: k.id, projectId: k.project_id, since: now - 5 * DAY, lastUsedAt: k.last_used_at }));
    expect(keys.length).toBeGreaterThan(MAX_FILTER_IDS);
    const all = await measureExposure(keys, admin, now);
    expect(openai.log.every((r) => r.status === 200 && !r.query.api_key_ids)).toBe(true);
    expect(openai.log).toHaveLength(6 + 1);
    const one = await measureExposure([keys[7]!], admin, now);
    expect(openai.log.at(-2)!.query.api_key_ids).toEqual([keys[7]!.keyId]);
    expect(all.get(keys[7]!.keyId)).toEqual(one.get(keys[7]!.keyId));
    expect(one.get(keys[7]!.keyId)!.requests).toBeGreaterThan(0);
  });
});
