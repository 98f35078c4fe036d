import { readFileSync, writeFileSync } from 'node:fs';
import { fingerprint } from '../src/detect/index.ts';
import { expect, it } from 'vitest';
import { type FakeAlert, type FakeGitHub } from './fakes/github-server.ts';
import type { FakeOpenAI } from './fakes/openai-server.ts';
import { seedOrganization } from './fakes/openai-seed.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { gitRepo, tempDir } from './helpers/repo.ts';
import { runActionAsync, runCliAsync, runnerFiles } from './helpers/run.ts';
import { fakeGitHub, fakeOpenAI } from './helpers/fakes.ts';

let openai: FakeOpenAI | undefined;
let github: FakeGitHub | undefined;

const alert = (number: number, secret: string, extra: Partial<FakeAlert> = {}): FakeAlert => ({
  number,
  secret_type: 'openai_api_key',
  secret,
  state: 'open',
  resolution: null,
  resolution_comment: null,
  resolved_by: null,
  resolved_at: null,
  created_at: '2026-11-01T08:00:00Z',
  validity: 'active',
  location: null,
  ...extra,
});

it('GitHub secret scanning alerts as a source (bundled action): same issue as keyguard\'s own finding, revocation under the same proof, alerts resolved as revoked', async () => {
  const org = seedOrganization({ now: Math.floor(Date.now() / 1000) });
  const a = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
  const b = org.keys.find((k) => k.id === 'key_proj_0002_1')!;
  openai = await fakeOpenAI(org);
  github = await fakeGitHub({ repos: ['acme/app'] });
  const repo = github.repo('acme/app');
  repo.alerts = [
    // Key A, which keyguard also finds in the working tree, in 101 alerts: two pages of 100.
    ...Array.from({ length: 101 }, (_, i) => alert(i + 1, a.secret, { location: { path: `/deploy/${i}.env`, start_line: 3, start_column: 16, end_column: 16 + a.secret.length - 1, commit_sha: 'c'.repeat(40) } })),
    // Key B, only in an issue body (no file), which keyguard cannot scan.
    alert(102, b.secret),
    // Something GitHub took for an OpenAI key that keyguard does not recognise, and another provider's secret.
    alert(103, `sk-${'x'.repeat(12)}`),
    alert(104, `ghp_${'A1b2'.repeat(9)}`, { secret_type: 'github_personal_access_token' }),
  ];
  const ws = gitRepo({ 'config/prod.env': `OPENAI_API_KEY=${a.secret}\n` });
  const inputs = { 'scan-scope': 'worktree', issues: 'true', revoke: 'live', 'secret-scanning-alerts': 'true', 'openai-admin-key': org.adminKeys[0]!.secret, 'github-token': github.token, 'openai-base-url': openai.baseURL };
  const env = (r: ReturnType<typeof runnerFiles>) => ({ ...r.env, GITHUB_API_URL: github!.url, GITHUB_SERVER_URL: 'https://github.test', GITHUB_REPOSITORY: 'acme/app', KEYGUARD_GITHUB_WRITE_INTERVAL_MS: '0' });
  const r0 = runnerFiles(ws, tempDir());
  r0.event('workflow_dispatch', {});
  const run = await runActionAsync(inputs, env(r0));
  expect(run.code, run.stderr + run.stdout).toBe(1);

  const lists = github.log.filter((x) => x.method === 'GET' && x.path === '/repos/acme/app/secret-scanning/alerts');
  expect(lists.map((x) => [x.query.state, x.query.secret_type, x.query.page ?? '1'])).toEqual([['open', 'openai_api_key', '1'], ['open', 'openai_api_key', '2']]);
  // One issue per key: A's lists keyguard's place and GitHub's; B's, the alert without a file.
  expect(repo.issues).toHaveLength(2);
  const issueA = repo.issues.find((i) => i.body.includes('key_proj_0001_1'))!;
  const issueB = repo.issues.find((i) => i.body.includes('key_proj_0002_1'))!;
  expect(issueA.body).toContain('config/prod.env:1');
  // GitHub lists newest first; the issue shows the first 100 places and counts the rest.
  expect(issueA.body).toContain('[GitHub secret scanning alert #101](https://github.test/acme/app/security/secret-scanning/101): `deploy/100.env:3` in commit `cccccccccccc`');
  expect(issueA.body).toMatch(/and 2 more places? in the JSON report/);
  expect(issueB.body).toContain('GitHub secret scanning alert #102](https://github.test/acme/app/security/secret-scanning/102) (not in a file: an issue, pull request, discussion or wiki)');
  expect(issueB.body).toContain('| Still in the repository | unknown: only GitHub secret scanning reported it |');
  expect(openai.log.filter((x) => x.method === 'DELETE').map((x) => x.path).sort()).toEqual(['/v1/organization/projects/proj_0001/api_keys/key_proj_0001_1', '/v1/organization/projects/proj_0002/api_keys/key_proj_0002_1']);
  // Every alert of a revoked key is resolved as revoked, with why; the others stay open.
  const resolved = repo.alerts.filter((x) => x.state === 'resolved');
  expect(resolved.map((x) => x.number).sort((x, y) => x - y)).toEqual([...Array.from({ length: 101 }, (_, i) => i + 1), 102]);
  expect(resolved.every((x) => x.resolution === 'revoked' && /^keyguard revoked this key \(delete project key key_proj_000[12]_1 of proj_000[12]\) after proving it live and the organization's\. Leak issue: #[12]\.$/.test(x.resolution_comment ?? ''))).toBe(true);
  expect(repo.alerts.filter((x) => x.state === 'open').map((x) => x.number)).toEqual([103, 104]);
  expect(r0.outputs()).toMatchObject({ keys: '2', revoked: '2', 'issues-opened': '2', 'alerts-resolved': '102' });
  expect(r0.summary()).toContain('1 secret scanning alert holds a secret keyguard does not recognise as an OpenAI key; it was left out.');
  // GitHub's alerts stay out of annotations and SARIF: code scanning would show them twice.
  expect(run.stdout.match(/::error title=Leaked OpenAI key/g)).toHaveLength(1);
  const sarif = JSON.parse(readFileSync(r0.outputs()['sarif-file']!, 'utf8'));
  expect(sarif.runs[0].results).toHaveLength(1);
  expect(sarif.runs[0].properties?.keysNotInScannedTree).toBeUndefined();
  const report = JSON.parse(readFileSync(r0.outputs()['json-file']!, 'utf8'));
  expect(report.findings.filter((f: { alert?: unknown }) => f.alert)).toHaveLength(102);

  // A rerun: the resolved alerts are no longer listed, nothing is revoked or resolved again.
  const before = github.log.length;
  const r1 = runnerFiles(ws, tempDir());
  r1.event('workflow_dispatch', {});
  await runActionAsync(inputs, env(r1));
  expect(github.log.slice(before).filter((x) => x.method === 'PATCH' && x.path.includes('/secret-scanning/'))).toEqual([]);
  expect(openai.log.filter((x) => x.method === 'DELETE')).toHaveLength(2);
  expect(repo.issues).toHaveLength(2);

  expectNoKey([a.secret, b.secret, org.adminKeys[0]!.secret], { stdout: run.stdout + run.stderr, summary: r0.summary(), issues: JSON.stringify(repo.issues) + JSON.stringify(repo.comments), json: JSON.stringify(report), alerts: JSON.stringify(repo.alerts.map((x) => x.resolution_comment)) });
});

it('CLI --secret-scanning-alerts: a repository without secret scanning is a note, not a failure; without a token it is a usage error', async () => {
  const org = seedOrganization({ now: Math.floor(Date.now() / 1000) });
  openai = await fakeOpenAI(org);
  github = await fakeGitHub({ repos: ['acme/app'] });
  const ws = gitRepo({ 'README.md': '# clean\n' });
  const r = await runCliAsync(['scan', ws, '--secret-scanning-alerts', '--format', 'json'], { GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: github.url });
  expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout).response.notes).toEqual([expect.stringContaining('GitHub secret scanning alerts were not read: secret scanning is disabled on the repository, or the token lacks the secret scanning alerts permission')]);

  github.repo('acme/app').alerts = [alert(7, org.keys.find((k) => k.id === 'key_proj_0003_1')!.secret)];
  const found = await runCliAsync(['scan', ws, '--secret-scanning-alerts', '--verify', '--openai-base-url', openai.baseURL], { GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: github.url });
  expect(found.code).toBe(1);
  expect(found.stdout).toMatch(/^GitHub alert #7 \(not in a file\):0:0 {2}project key {2}sk-proj-…\S+ {2}[0-9a-f]+ {2}\[live\]/m);
  const bad = await runCliAsync(['scan', ws, '--secret-scanning-alerts'], { GITHUB_REPOSITORY: 'acme/app' });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--secret-scanning-alerts needs a GitHub token with the secret scanning alerts permission (GITHUB_TOKEN)');
});

it("alerts go through the scan's allow rules and baseline (CLI and action): allowed and baselined keys are counted, not reported", async () => {
  const [allowed, known, reported] = [makeKey(shapeByName('project 56')), makeKey(shapeByName('legacy 51')), makeKey(shapeByName('service account 111'))];
  github = await fakeGitHub({ repos: ['acme/app'] });
  github.repo('acme/app').alerts = [alert(1, allowed), alert(2, known), alert(3, reported, { location: { path: '/fixtures/demo.env', start_line: 1, start_column: 1, end_column: 60, commit_sha: 'c'.repeat(40) } })];
  const baseline = { version: 1, keys: [{ fingerprint: fingerprint(known), kind: 'legacy', redacted: 'sk-…', file: 'x', line: 1, commit: null, date: null }] };
  const ws = gitRepo({ '.keyguard.yml': `allow:\n  fingerprints: [${fingerprint(allowed)}]\n`, '.keyguard-baseline.json': JSON.stringify(baseline) });
  const env = { GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: github.url };

  const cli = await runCliAsync(['scan', ws, '--secret-scanning-alerts', '--baseline', `${ws}/.keyguard-baseline.json`, '--format', 'json'], env);
  expect(cli.code, cli.stderr).toBe(1);
  const report = JSON.parse(cli.stdout);
  expect(report.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual([fingerprint(reported)]);
  expect(report.stats).toMatchObject({ allowed: 1, baselined: 1 });

  // allow.paths judges an alert's place like a file's.
  writeFileSync(`${ws}/.keyguard.yml`, `allow:\n  fingerprints: [${fingerprint(allowed)}]\n  paths: [fixtures/]\n`);
  const r = runnerFiles(ws, tempDir());
  r.event('workflow_dispatch', {});
  const run = await runActionAsync({ 'scan-scope': 'worktree', 'secret-scanning-alerts': 'true', baseline: '.keyguard-baseline.json', 'github-token': github.token }, { ...r.env, GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/app' });
  expect(run.code, run.stderr + run.stdout).toBe(0);
  const json = JSON.parse(readFileSync(r.outputs()['json-file']!, 'utf8'));
  expect(json.findings, JSON.stringify(json.stats) + run.stdout).toEqual([]);
  expect(json.stats).toMatchObject({ allowed: 2, baselined: 1 });
  expectNoKey([allowed, known, reported], { cli: cli.stdout + cli.stderr, action: run.stdout + run.stderr, summary: r.summary() });
});
