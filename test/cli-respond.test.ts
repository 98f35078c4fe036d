import { afterEach, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './fakes/github-server.ts';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server.ts';
import { seedOrganization } from './fakes/openai-seed.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { gitRepo } from './helpers/repo.ts';
import { runCliAsync } from './helpers/run.ts';

let openai: FakeOpenAI | undefined;
let github: FakeGitHub | undefined;
afterEach(async () => {
  await openai?.close();
  await github?.close();
});

const cli = runCliAsync;

it('keyguard scan --verify --revoke live --issues: the same leak response as the action', async () => {
  const org = seedOrganization({ now: Math.floor(Date.now() / 1000) });
  openai = await startFakeOpenAI(org);
  github = await startFakeGitHub({ repos: ['acme/sec'] });
  const key = org.keys.find((k) => k.id === 'key_proj_0003_2')!;
  const root = gitRepo({ 'app.env': `OPENAI_API_KEY=${key.secret}\n` });
  const env = { OPENAI_ADMIN_KEY: org.adminKeys[0]!.secret, GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: 'acme/sec', GITHUB_API_URL: github.url };

  const dry = await cli(['scan', root, '--verify', '--revoke', 'live', '--dry-run', '--openai-base-url', openai.baseURL], env);
  expect(dry.code).toBe(1);
  expect(dry.stdout).toMatch(/app\.env:1:16 .* \[live; proj_0003\/key_proj_0003_2; would-revoke: delete project key key_proj_0003_2 of proj_0003\]/);
  expect(key.state).toBe('live');

  const r = await cli(['scan', root, '--verify', '--revoke', 'live', '--issues', '--format', 'json', '--openai-base-url', openai.baseURL], env);
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout);
  expect(out.findings[0]).toMatchObject({ status: 'revoked', match: { type: 'matched', keyId: 'key_proj_0003_2' }, revocation: { type: 'revoked' }, issue: { number: 1, action: 'created' } });
  expect(out.response).toMatchObject({ keys: 1, revoked: 1, issuesOpened: 1 });
  expect(github.repo('acme/sec').issues).toHaveLength(1);
  expect(key.state).toBe('revoked');

  const bad = await cli(['scan', root, '--revoke', 'live'], {});
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--revoke live needs an OpenAI admin key');
  expectNoKey([key.secret, org.adminKeys[0]!.secret], { dry: dry.stdout + dry.stderr, json: r.stdout + r.stderr, github: JSON.stringify(github.log) });
});
