import { describe, expect, it } from 'vitest';
import { fakeGitHub, fakeOpenAI } from './helpers/fakes.ts';
import type { FakeGitHub } from './fakes/github-server.ts';
import type { FakeOpenAI } from './fakes/openai-server.ts';
import { seedOrganization } from './fakes/openai-seed.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { commitFile, git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { runActionAsync as runAction, runnerFiles } from './helpers/run.ts';

let openai: FakeOpenAI | undefined;
let github: FakeGitHub | undefined;

async function fakes() {
  const org = seedOrganization({ now: Math.floor(Date.now() / 1000) });
  openai = await fakeOpenAI(org);
  github = await fakeGitHub({ repos: ['acme/app', 'acme/security'] });
  return { org, openai, github };
}

/** What the runner and the workflow give the step: the fakes' URLs, the repository, the token. */
function env(r0: ReturnType<typeof runnerFiles>, o: FakeOpenAI, g: FakeGitHub) {
  return { ...r0.env, 'INPUT_OPENAI-BASE-URL': o.baseURL, GITHUB_API_URL: g.url, GITHUB_SERVER_URL: 'https://github.test', GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: 'f'.repeat(40), KEYGUARD_GITHUB_WRITE_INTERVAL_MS: '0' };
}

/** Every whole key must stay out of every output, file and request body. */
function allSecrets(org: ReturnType<typeof seedOrganization>, extra: string[] = []) {
  return [...org.keys.map((k) => k.secret), ...org.adminKeys.slice(1).map((k) => k.secret), ...extra];
}

describe('leak response end to end (bundled action, both fakes)', () => {
  it('one issue and one revocation; a rerun adds neither; a push with a new leak adds one issue', async () => {
    const { org, openai, github } = await fakes();
    const live = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    const ws = gitRepo({ 'config/prod.env': `OPENAI_API_KEY=${live.secret}\n`, 'README.md': '# app\n' });
    const inputs = { issues: 'true', revoke: 'live', 'openai-admin-key': org.adminKeys[0]!.secret, 'github-token': github.token, 'issue-mention': '@acme/security' };
    const r0 = runnerFiles(ws, tempDir());
    r0.event('workflow_dispatch', {});
    const first = await runAction(inputs, env(r0, openai, github));
    expect(first.code).toBe(1);
    expect(r0.outputs()).toMatchObject({ findings: '1', keys: '1', live: '1', revoked: '1', 'issues-opened': '1' });
    expect(live.state).toBe('revoked');
    const repo = github.repo('acme/app');
    expect(repo.issues).toHaveLength(1);
    expect(repo.issues[0]!.labels).toEqual(['keyguard', 'leaked-secret']);
    expect(repo.issues[0]!.body).toContain('| keyguard did | **revoked** (delete project key key_proj_0001_1 of proj_0001) |');
    expect(repo.labels.map((l) => l.name)).toEqual(['keyguard', 'leaked-secret']);
    expect(r0.summary()).toMatch(/\| live → revoked \| \*\*revoked\*\* .* \| \[#1\]\(https:\/\/github\.test\/acme\/app\/issues\/1\) created \|/);
    // The verdict first; the table keeps to six columns; fingerprints and history are folded.
    const [main, folded] = r0.summary().split('<details><summary>Fingerprints and history</summary>');
    expect(main).toMatch(/^## keyguard scan\n\n:rotating_light: \*\*1 OpenAI key finding\*\*/);
    for (const row of main!.split('\n').filter((l) => l.startsWith('| '))) expect(row.split(' | ').length, row).toBeLessThanOrEqual(6);
    expect(folded).toMatch(/\| `[0-9a-f]{12}` \|/);

    const r1 = runnerFiles(ws, tempDir());
    r1.event('workflow_dispatch', {});
    const second = await runAction(inputs, env(r1, openai, github));
    expect(second.code).toBe(1);
    expect(r1.outputs()).toMatchObject({ revoked: '0', 'issues-opened': '0' });
    expect(repo.issues).toHaveLength(1);
    expect(openai.log.filter((r) => r.method === 'DELETE')).toHaveLength(1);

    // A push that leaks another key: only the pushed commit is scanned, and one issue is added.
    const before = git(ws, 'rev-parse', 'HEAD').trim();
    const other = org.keys.find((k) => k.id === 'key_proj_0002_1')!;
    write(ws, 'src/client.ts', `export const client = new OpenAI({ apiKey: "${other.secret}" });\n`);
    git(ws, 'add', '-A');
    git(ws, 'commit', '-qm', 'client');
    const after = git(ws, 'rev-parse', 'HEAD').trim();
    const r2 = runnerFiles(ws, tempDir());
    r2.event('push', { before, after, ref: 'refs/heads/main', repository: { default_branch: 'main' } });
    const third = await runAction(inputs, env(r2, openai, github));
    expect(third.code).toBe(1);
    expect(r2.outputs()).toMatchObject({ findings: '1', revoked: '1', 'issues-opened': '1' });
    expect(repo.issues).toHaveLength(2);

    const secrets = allSecrets(org);
    for (const [name, run, r] of [['first', first, r0], ['second', second, r1], ['third', third, r2]] as const) {
      expectNoKey(secrets, { [`${name} stdout`]: run.stdout, [`${name} stderr`]: run.stderr, [`${name} summary`]: r.summary(), [`${name} outputs`]: JSON.stringify(r.outputs()) });
    }
    expectNoKey([...secrets, org.adminKeys[0]!.secret], { 'github requests': JSON.stringify(github.log), issues: JSON.stringify(repo.issues), 'openai request bodies': openai.log.map((r) => r.body).join('\n') });
  });

  it('pull requests: one comment updated in place; forks get no secrets and are told why', async () => {
    const { org, openai, github } = await fakes();
    const key = makeKey(shapeByName('project 164'));
    const src = gitRepo({ 'README.md': '# app\n' });
    const { before: base, after: head } = commitFile(src, 'app.py', `key = "${key}"\n`, 'leak');
    const pr = (fork: boolean) => ({
      number: 7,
      head: { sha: head, repo: { full_name: fork ? 'someone/app' : 'acme/app', fork } },
      base: { sha: base, repo: { full_name: 'acme/app' } },
    });
    const repo = github.repo('acme/app');
    repo.issues.push({ id: 1, number: 7, title: 'PR', body: '', state: 'open', labels: [], assignees: [], isPullRequest: true, created_at: '', updated_at: '', closed_at: null });

    for (let run = 0; run < 2; run++) {
      const r0 = runnerFiles(src, tempDir());
      r0.event('pull_request', { pull_request: pr(false) });
      const r = await runAction({ 'github-token': github.token }, env(r0, openai, github));
      expect(r.code).toBe(1);
    }
    expect(repo.comments).toHaveLength(1);
    expect(repo.comments[0]!.body).toMatch(/^<!-- keyguard:v1 pr 7 -->\n### :rotating_light: keyguard: 1 OpenAI key in this pull request\n\n\*\*Do not merge as is\.\*\* Revoke the key/);
    expect(github.log.filter((r) => r.method === 'PATCH' && r.path.includes('/issues/comments/'))).toHaveLength(1);

    const requests = github.log.length + openai.log.length;
    const f0 = runnerFiles(src, tempDir());
    f0.event('pull_request', { pull_request: pr(true) });
    // As a fork PR runs it: the workflow asks for revocation, but secrets come through empty.
    const forked = await runAction({ 'github-token': github.token, issues: 'true', revoke: 'live', 'openai-admin-key': '' }, env(f0, openai, github));
    expect(forked.code).toBe(1);
    expect(forked.stdout).toMatch(/::error title=Leaked OpenAI key,file=app\.py,line=1/);
    expect(f0.summary()).toContain('Verification, revocation, issues and the pull request comment were skipped: this pull request comes from a fork');
    expect(github.log.length + openai.log.length).toBe(requests);
    expectNoKey([key], { stdout: forked.stdout, summary: f0.summary(), comments: JSON.stringify(repo.comments) });
  });

  it('a pull request’s own .keyguard.yml does not choose its leak issue’s labels', async () => {
    const { openai, github } = await fakes();
    const key = makeKey(shapeByName('project 164'));
    const src = gitRepo({ 'README.md': '# app\n' });
    write(src, '.keyguard.yml', 'issues:\n  labels: [chosen-by-the-pr]\n');
    const { before: base, after: head } = commitFile(src, 'app.py', `key = "${key}"\n`, 'leak, with labels of its choosing');
    const r0 = runnerFiles(src, tempDir());
    r0.event('pull_request', { pull_request: { number: 7, head: { sha: head, repo: { full_name: 'acme/app', fork: false } }, base: { sha: base, repo: { full_name: 'acme/app' } } } });
    const r = await runAction({ 'github-token': github.token, issues: 'true' }, env(r0, openai, github));
    expect(r.code).toBe(1);
    const issues = github.repo('acme/app').issues.filter((i) => !i.isPullRequest);
    expect(issues.map((i) => i.labels)).toEqual([['keyguard', 'leaked-secret']]);
    expect(r0.summary()).toContain('This pull request changes .keyguard.yml: the scan used the base branch');
    expectNoKey([key], { stdout: r.stdout, summary: r0.summary(), issues: JSON.stringify(issues) });
  });

  it('refuses pull_request_target with the head checked out, and bad input combinations', async () => {
    const { github, openai } = await fakes();
    const ws = gitRepo({ 'a.txt': 'a\n' });
    const head = git(ws, 'rev-parse', 'HEAD').trim();
    const r0 = runnerFiles(ws, tempDir());
    r0.event('pull_request_target', { pull_request: { number: 1, head: { sha: head }, base: { sha: head } } });
    expect((await runAction({}, env(r0, openai, github))).stdout).toContain('::error::pull_request_target with the pull request head checked out');
    const r1 = runnerFiles(ws, tempDir());
    expect((await runAction({ revoke: 'live' }, env(r1, openai, github))).stdout).toContain('::error::input revoke live needs an OpenAI admin key');
    expect((await runAction({ revoke: 'sometimes' }, env(r1, openai, github))).stdout).toContain('::error::input revoke: expected one of off, live, got "sometimes"');
  });
  it('a key removed from main but still on another branch is "still in the repository", naming the branch', async () => {
    const { github, openai } = await fakes();
    const key = makeKey(shapeByName('project 164'));
    const ws = gitRepo({ 'cfg.env': `OPENAI_API_KEY=${key}\n` });
    git(ws, 'branch', 'release-1');
    git(ws, 'rm', '-q', 'cfg.env');
    git(ws, 'commit', '-qm', 'remove the key');
    const r0 = runnerFiles(ws, tempDir());
    r0.event('workflow_dispatch', {});
    const r = await runAction({ issues: 'true', verify: 'false', 'github-token': github.token }, env(r0, openai, github));
    expect(r.code).toBe(1);
    const [issue] = github.repo('acme/app').issues;
    expect(issue!.body).toContain('| Still in the repository | yes (`release-1`) |');
    expectNoKey([key], { body: issue!.body, stdout: r.stdout });
  });
});
