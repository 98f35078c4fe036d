/*
 * Leak response, tried as an attacker would (issue 11): every test runs the bundled action or CLI
 * against the loopback fakes, with a hostile OpenAI environment (HOSTILE_OPENAI_ENV), and asserts
 * that nothing wrong is revoked, nothing forged is adopted and nothing is duplicated.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY, startFakeGitHub, type FakeGitHub } from './fakes/github-server.ts';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server.ts';
import { seedOrganization } from './fakes/openai-seed.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { commitFile, git, gitRepo, tempDir } from './helpers/repo.ts';
import { runActionAsync as runAction, runCliAsync as cli, runnerFiles } from './helpers/run.ts';

const MALLORY = 'ghp_mallorystoken';
let openai: FakeOpenAI | undefined;
let github: FakeGitHub | undefined;
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await openai?.close();
  await github?.close();
  for (const c of closers) await c();
  openai = github = undefined;
  closers = [];
});

async function fakes(options: { projects?: number } = {}) {
  const org = seedOrganization({ now: Math.floor(Date.now() / 1000), ...options });
  openai = await startFakeOpenAI(org);
  github = await startFakeGitHub({ repos: ['acme/app'], tokens: { [MALLORY]: 'mallory' } });
  return { org, openai, github };
}

function env(r0: ReturnType<typeof runnerFiles>, g: FakeGitHub, extra: Record<string, string> = {}) {
  return { ...r0.env, GITHUB_API_URL: g.url, GITHUB_SERVER_URL: 'https://github.test', GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: 'f'.repeat(40), KEYGUARD_GITHUB_WRITE_INTERVAL_MS: '0', ...extra };
}

/** A made-up key that shows the same visible characters as `real` in a `redacted_value`. */
function lookalike(real: string): string {
  const fresh = makeKey(shapeByName(real.startsWith('sk-admin-') ? 'admin 133' : 'project 164'));
  const prefix = /^sk-(?:proj|admin)-/.exec(real)![0].length + 3;
  return real.slice(0, prefix) + fresh.slice(prefix, -3) + real.slice(-3);
}

/** A server that records whatever reaches it: where a hijacked base URL would send keys. */
async function recorder(): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen };
}

async function dispatch(ws: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const r0 = runnerFiles(ws, tempDir());
  r0.event('workflow_dispatch', {});
  const run = await runAction({ 'openai-base-url': openai!.baseURL, 'github-token': github!.token, ...inputs }, env(r0, github!, extraEnv));
  return { run, r0 };
}

const deletes = () => openai!.log.filter((r) => r.method === 'DELETE');

describe('revoke only a key proven to be that exact record', () => {
  it('a made-up key with a real key\'s visible characters: revoke all is refused, with or without a 429', async () => {
    const { org } = await fakes();
    const real = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    const ws = gitRepo({ 'app.env': `OPENAI_API_KEY=${lookalike(real.secret)}\n` });
    const admin = org.adminKeys[0]!.secret;
    const unverified = await dispatch(ws, { revoke: 'all', verify: 'false', 'openai-admin-key': admin });
    openai!.knobs.rateLimitNext = 1;
    const rateLimited = await dispatch(ws, { revoke: 'all', 'openai-admin-key': admin });
    expect(deletes()).toEqual([]);
    expect(real.state).toBe('live');
    for (const { run } of [unverified, rateLimited]) expect(run.stdout).toContain('::error::input revoke all was removed');
  });

  it('unknown liveness never revokes, even for the organization\'s own key', async () => {
    const { org } = await fakes();
    const real = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    const ws = gitRepo({ 'app.env': `OPENAI_API_KEY=${real.secret}\n` });
    openai!.knobs.rateLimitNext = 1;
    const { r0 } = await dispatch(ws, { revoke: 'live', issues: 'true', 'openai-admin-key': org.adminKeys[0]!.secret });
    expect(deletes()).toEqual([]);
    expect(r0.outputs()).toMatchObject({ live: '0', revoked: '0' });
    expect(github!.repo('acme/app').issues[0]!.body).toContain('| Live | **unknown** (429 rate limited');
  });

  it('a live key of another organization with the same visible characters is reported, not revoked', async () => {
    const { org } = await fakes();
    const real = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    const theirs = lookalike(real.secret);
    org.strangers = [{ id: 'key_theirs', kind: 'project', secret: theirs, organization: 'org-someoneelse', project_id: 'proj_theirs' }];
    const ws = gitRepo({ 'app.env': `OPENAI_API_KEY=${theirs}\n` });
    const { run, r0 } = await dispatch(ws, { revoke: 'live', issues: 'true', 'openai-admin-key': org.adminKeys[0]!.secret });
    expect(run.code).toBe(1);
    expect(deletes()).toEqual([]);
    expect(real.state).toBe('live');
    expect(r0.outputs()).toMatchObject({ live: '1', revoked: '0' });
    const body = github!.repo('acme/app').issues[0]!.body;
    expect(body).toContain('matched by its visible characters only; not revoked');
    expect(body).toContain('OpenAI-Project: proj_0001');
    expectNoKey([theirs, real.secret], { body, stdout: run.stdout, summary: r0.summary() });
  });

  it('an admin key of another organization that looks like ours: what it lists proves it is not ours', async () => {
    const { org } = await fakes();
    const ours = org.adminKeys[1]!;
    const theirs = lookalike(ours.secret);
    org.strangers = [{ id: 'key_their_admin', kind: 'admin', secret: theirs, organization: 'org-someoneelse', project_id: null }];
    const ws = gitRepo({ 'ops.env': `OPENAI_ADMIN_KEY=${theirs}\n` });
    const { r0 } = await dispatch(ws, { revoke: 'live', 'openai-admin-key': org.adminKeys[0]!.secret });
    expect(deletes()).toEqual([]);
    expect(ours.state).toBe('live');
    expect(r0.summary()).toContain('matched by its visible characters only; not revoked');
  });

  it('the organization\'s own live key is proven with its project header and revoked; outputs say live → revoked', async () => {
    const { org } = await fakes();
    const real = org.keys.find((k) => k.id === 'key_proj_0002_1')!;
    const ws = gitRepo({ 'app.env': `OPENAI_API_KEY=${real.secret}\n` });
    const { r0 } = await dispatch(ws, { revoke: 'live', 'openai-admin-key': org.adminKeys[0]!.secret });
    expect(real.state).toBe('revoked');
    expect(openai!.log.some((r) => r.path === '/v1/models' && r.auth === real.id && r.project === 'proj_0002' && r.status === 200)).toBe(true);
    expect(r0.outputs()).toMatchObject({ live: '1', revoked: '1' });
    expect(r0.summary()).toContain('live → revoked');
  });
});

describe('the OpenAI clients read nothing from the job environment', () => {
  it('OPENAI_ORG_ID, OPENAI_PROJECT_ID, OPENAI_CUSTOM_HEADERS and OPENAI_BASE_URL are ignored (action)', async () => {
    const { org } = await fakes();
    const proxy = await recorder();
    const real = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    const ws = gitRepo({ 'app.env': `OPENAI_API_KEY=${real.secret}\n` });
    const { r0 } = await dispatch(ws, { revoke: 'live', 'openai-admin-key': org.adminKeys[0]!.secret }, { OPENAI_BASE_URL: proxy.url });
    expect(proxy.seen).toEqual([]);
    expect(openai!.log.filter((r) => r.organization !== undefined || (r.project !== undefined && r.project !== 'proj_0001'))).toEqual([]);
    expect(r0.outputs()).toMatchObject({ live: '1', revoked: '1' });
  });

  it('the CLI takes the base URL from --openai-base-url only', async () => {
    const { org } = await fakes();
    const proxy = await recorder();
    const real = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    const root = gitRepo({ 'app.env': `OPENAI_API_KEY=${real.secret}\n` });
    const r = await cli(['scan', root, '--verify', '--openai-base-url', openai!.baseURL, '--format', 'json'], { OPENAI_BASE_URL: proxy.url });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ status: 'live' });
    expect(proxy.seen).toEqual([]);
  });
});

describe('trust only what keyguard wrote', () => {
  async function fingerprintOf(root: string): Promise<string> {
    const r = await cli(['scan', root, '--format', 'json']);
    return JSON.parse(r.stdout).findings[0].fingerprint as string;
  }

  it('a forged leak issue (marker, "revoked" fact, emptied checklist) is ignored and never edited', async () => {
    await fakes();
    const key = makeKey(shapeByName('project 164'));
    const ws = gitRepo({ 'app.env': `OPENAI_API_KEY=${key}\n` });
    const fingerprint = await fingerprintOf(ws);
    const facts = Buffer.from(JSON.stringify({ revocation: { type: 'revoked', action: 'delete project key key_x of proj_x' } })).toString('base64url');
    const forged = `<!-- keyguard:v1 leak ${fingerprint} -->\nAll handled, see [the fix](https://evil.test) @mallory\n<!-- keyguard:v1 facts ${facts} -->`;
    const res = await fetch(`${github!.url}/repos/acme/app/issues`, { method: 'POST', headers: { authorization: `token ${MALLORY}` }, body: JSON.stringify({ title: 'Leaked key (handled)', body: forged, labels: ['keyguard', 'leaked-secret'] }) });
    expect(res.status).toBe(201);
    await dispatch(ws, { issues: 'true', verify: 'false' });
    const issues = github!.repo('acme/app').issues;
    expect(issues.map((i) => [i.number, i.user])).toEqual([[1, 'mallory'], [2, 'github-actions[bot]']]);
    expect(issues[0]!.body).toBe(forged);
    expect(issues[1]!.body).not.toContain('key_x');
    expect(issues[1]!.body).not.toContain('evil.test');
    expect(issues[1]!.body).toContain('- [ ] Revoke this key');
    expect(github!.log.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('a forged pull request comment is never edited; keyguard writes its own', async () => {
    await fakes();
    const key = makeKey(shapeByName('project 164'));
    const src = gitRepo({ 'README.md': '# app\n' });
    const { before: base, after: head } = commitFile(src, 'app.py', `key = "${key}"\n`, 'leak');
    const repo = github!.repo('acme/app');
    repo.issues.push({ id: 1, number: 7, title: 'PR', body: '', state: 'open', labels: [], assignees: [], isPullRequest: true, created_at: '', updated_at: '', closed_at: null });
    repo.comments.push({ id: 99, issue: 7, body: '<!-- keyguard:v1 pr 7 -->\nkeyguard: all clear, merge away', user: 'mallory', created_at: '', updated_at: '' });
    const r0 = runnerFiles(src, tempDir());
    r0.event('pull_request', { pull_request: { number: 7, user: { login: 'dev' }, head: { sha: head, repo: { full_name: 'acme/app', fork: false } }, base: { sha: base, repo: { full_name: 'acme/app' } } } });
    await runAction({ 'github-token': github!.token }, env(r0, github!));
    expect(repo.comments.map((c) => [c.id, c.user])).toEqual([[99, 'mallory'], [expect.any(Number), 'github-actions[bot]']]);
    expect(repo.comments[0]!.body).toBe('<!-- keyguard:v1 pr 7 -->\nkeyguard: all clear, merge away');
  });

  for (const lose of ['502', 'drop'] as const) {
    it(`one issue per key when GitHub processes a create but the answer is lost (${lose})`, async () => {
      await fakes();
      const key = makeKey(shapeByName('project 164'));
      const ws = gitRepo({ 'app.env': `OPENAI_API_KEY=${key}\n` });
      github!.knobs.loseCreateNext = 1;
      github!.knobs.loseCreateAs = lose;
      await dispatch(ws, { issues: 'true', verify: 'false' });
      await dispatch(ws, { issues: 'true', verify: 'false' });
      expect(github!.repo('acme/app').issues).toHaveLength(1);
      expect(github!.log.filter((r) => r.method === 'POST' && r.path === '/repos/acme/app/issues')).toHaveLength(1);
    });
  }
});

describe('pull request events: whose code and whose secrets', () => {
  async function prRun(event: string, pr: object, checkout: 'base' | 'merge', extraEnv: Record<string, string> = {}) {
    const { org } = await fakes();
    const real = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    const ws = gitRepo({ 'README.md': '# app\n' });
    git(ws, 'checkout', '-qb', 'feature');
    const { before: base, after: head } = commitFile(ws, 'app.py', `key = "${lookalike(real.secret)}"\n`, 'leak');
    git(ws, 'checkout', '-q', 'main');
    if (checkout === 'merge') git(ws, 'merge', '-q', '--no-ff', '-m', 'merge', head);
    const repo = github!.repo('acme/app');
    repo.issues.push({ id: 1, number: 7, title: 'PR', body: '', state: 'open', labels: [], assignees: [], isPullRequest: true, created_at: '', updated_at: '', closed_at: null });
    const r0 = runnerFiles(ws, tempDir());
    r0.event(event, { pull_request: { number: 7, ...pr, head: { sha: head, ...(pr as { head?: object }).head }, base: { sha: base, repo: { full_name: 'acme/app' } } } });
    const before = openai!.log.length + github!.log.length;
    const run = await runAction({ 'openai-base-url': openai!.baseURL, 'github-token': github!.token, issues: 'true', revoke: 'live', 'openai-admin-key': org.adminKeys[0]!.secret }, env(r0, github!, extraEnv));
    return { run, r0, requests: openai!.log.length + github!.log.length - before, real, repo };
  }

  it('pull_request_target from a fork, base checked out: the head is untrusted, no secret is used', async () => {
    const { run, r0, requests } = await prRun('pull_request_target', { user: { login: 'mallory' }, head: { repo: { full_name: 'mallory/app', fork: true } } }, 'base');
    expect(run.code).toBe(1);
    expect(requests).toBe(0);
    expect(r0.summary()).toContain('were skipped: this pull request comes from a fork');
  });

  it('pull_request_target with the merge ref checked out is refused like the head', async () => {
    const { run, requests } = await prRun('pull_request_target', { user: { login: 'mallory' }, head: { repo: { full_name: 'mallory/app', fork: true } } }, 'merge');
    expect(run.stdout).toContain('::error::pull_request_target with the pull request head checked out');
    expect(requests).toBe(0);
  });

  it('a pull request whose fork was deleted (head.repo null) is untrusted', async () => {
    const { run, requests } = await prRun('pull_request_target', { user: { login: 'mallory' }, head: { repo: null } }, 'base');
    expect(run.code).toBe(1);
    expect(requests).toBe(0);
  });

  it('Dependabot is recognised by the pull request author, not by who re-ran the job', async () => {
    const { r0, requests } = await prRun('pull_request', { user: { login: 'dependabot[bot]' }, head: { repo: { full_name: 'acme/app', fork: false } } }, 'base', { GITHUB_ACTOR: 'maintainer' });
    expect(requests).toBe(0);
    expect(r0.summary()).toContain('Dependabot pull requests run without the repository secrets');
  });

  it('a same-repository pull request inside a forked repository is trusted', async () => {
    const { requests, repo } = await prRun('pull_request', { user: { login: 'dev' }, head: { repo: { full_name: 'acme/app', fork: true } } }, 'base');
    expect(requests).toBeGreaterThan(0);
    expect(repo.comments).toHaveLength(1);
  });
});

describe('stay inside GitHub\'s limits', () => {
  it('an audit of 100 projects fits one issue and points to the artifact for the rest', async () => {
    const { org } = await fakes({ projects: 100 });
    const ws = gitRepo({ 'README.md': '# app\n' });
    const r0 = runnerFiles(ws, tempDir());
    r0.event('schedule', {});
    const run = await runAction({ mode: 'audit', issues: 'true', 'fail-on': 'none', 'openai-base-url': openai!.baseURL, 'github-token': github!.token, 'openai-admin-key': org.adminKeys[0]!.secret }, env(r0, github!));
    expect(run.stdout).not.toContain('::error::');
    const [issue] = github!.repo('acme/app').issues;
    expect(issue!.body.length).toBeLessThan(MAX_BODY);
    expect(issue!.body).toMatch(/more rows? in the JSON report/);
  });

  it('one key in 1,500 places: the leak issue fits', async () => {
    await fakes();
    const key = makeKey(shapeByName('project 164'));
    const ws = gitRepo(Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`svc${i}/app.env`, `OPENAI_API_KEY=${key}\n`])));
    await dispatch(ws, { issues: 'true', verify: 'false', 'scan-scope': 'worktree' });
    const [issue] = github!.repo('acme/app').issues;
    expect(issue!.body.length).toBeLessThan(MAX_BODY);
    expect(issue!.body).toMatch(/more places? in the JSON report/);
  });

  it('16,000 findings: the job summary stays under 1 MiB and the annotations within 10 errors', { timeout: 60_000 }, async () => {
    await fakes();
    const ws = gitRepo({ 'dump.txt': Array.from({ length: 16_000 }, () => makeKey(shapeByName('project 164'))).join('\n') });
    const r0 = runnerFiles(ws, tempDir());
    r0.event('workflow_dispatch', {});
    // The working tree: a history scan of thousands of keys in one commit takes minutes today (see the report).
    const run = await runAction({ verify: 'false', 'scan-scope': 'worktree' }, env(r0, github!));
    expect(run.code).toBe(1);
    expect(Buffer.byteLength(r0.summary())).toBeLessThan(1 << 20);
    expect(r0.summary()).toMatch(/more rows? in the JSON report/);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error ')).length).toBeLessThanOrEqual(10);
    expect(JSON.parse(readFileSync(r0.outputs()['json-file']!, 'utf8')).findings).toHaveLength(Number(r0.outputs().findings));
    expect(Number(r0.outputs().findings)).toBeGreaterThan(15_000);
  });
});
