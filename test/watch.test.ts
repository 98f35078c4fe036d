import { expect, it } from 'vitest';
import type { FakeGitHub } from './fakes/github-server.ts';
import type { FakeOpenAI } from './fakes/openai-server.ts';
import { seedLeakUsage, seedOrganization } from './fakes/openai-seed.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { runActionAsync, runCliAsync, runnerFiles } from './helpers/run.ts';
import { fakeGitHub, fakeOpenAI } from './helpers/fakes.ts';

const DAY = 86_400;
let openai: FakeOpenAI | undefined;
let github: FakeGitHub | undefined;

const writes = (g: FakeGitHub, from: number) => g.log.slice(from).filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/graphql'));

it('leak watch (bundled action and CLI): comments once when a leaked key is used, says when a revoked one is quiet, and a run with nothing new writes nothing', async () => {
  const now = Math.floor(Date.now() / 1000);
  const today = Math.floor(now / DAY) * DAY;
  const org = seedOrganization({ now });
  // A: leaked ten days ago and busy since. B: leaked twenty days ago, last used ten days ago.
  const a = org.keys.find((k) => k.id === 'key_proj_0001_5')!;
  const b = org.keys.find((k) => k.id === 'key_proj_0002_5')!;
  seedLeakUsage(org, a.id, today - 10 * DAY + 3600, { before: 2, after: 50 }, now);
  b.last_used_at = now - 10 * DAY;
  const ws = gitRepo({ 'README.md': '# app\n' });
  for (const [file, key, at] of [['a.env', a, today - 10 * DAY + 3600], ['b.env', b, today - 20 * DAY]] as const) {
    write(ws, file, `OPENAI_API_KEY=${key.secret}\n`);
    git(ws, 'add', '-A');
    git(ws, 'commit', '-qm', file, `--date=@${at}`);
  }
  openai = await fakeOpenAI(org);
  github = await fakeGitHub({ repos: ['acme/app'] });
  const env = (r: ReturnType<typeof runnerFiles>) => ({ ...r.env, GITHUB_API_URL: github!.url, GITHUB_SERVER_URL: 'https://github.test', GITHUB_REPOSITORY: 'acme/app', KEYGUARD_GITHUB_WRITE_INTERVAL_MS: '0' });
  const admin = org.adminKeys[0]!.secret;
  const scan = runnerFiles(ws, tempDir());
  scan.event('workflow_dispatch', {});
  const scanned = await runActionAsync({ 'scan-scope': 'history', issues: 'true', 'openai-admin-key': admin, 'github-token': github.token, 'openai-base-url': openai.baseURL, 'issue-mention': '@acme/security' }, env(scan));
  expect(scanned.code, scanned.stderr + scanned.stdout).toBe(1);
  const repo = github.repo('acme/app');
  expect(repo.issues).toHaveLength(2);
  // Someone else's copy of a keyguard issue (marker, facts and all): never watched, never edited.
  const forgedBody = repo.issues[0]!.body;
  repo.issues.push({ ...repo.issues[0]!, id: 99, number: 99, user: 'mallory', body: forgedBody });

  const watch = async (inputs: Record<string, string> = {}) => {
    const r = runnerFiles(ws, tempDir());
    r.event('schedule', {});
    const from = github!.log.length;
    const run = await runActionAsync({ mode: 'watch', 'openai-admin-key': admin, 'github-token': github!.token, 'openai-base-url': openai!.baseURL, 'issue-mention': '@acme/security', 'quiet-days': '7', ...inputs }, env(r));
    expect(run.code, run.stderr + run.stdout).toBe(0);
    return { run, r, writes: writes(github!, from) };
  };

  // Nothing happened since the scan: no edit, no comment.
  const quiet = await watch();
  expect(quiet.writes).toEqual([]);
  expect(quiet.r.outputs()).toMatchObject({ watched: '2', used: '0', closable: '0' });

  // A is used today; B is revoked (its record deleted).
  org.usage.push({ kind: 'completions', day: today, project_id: a.project_id, api_key_id: a.id, user_id: null, model: 'gpt-4o', input_tokens: 100, output_tokens: 10, input_cached_tokens: 0, num_model_requests: 5 });
  a.last_used_at = now + 60;
  b.state = 'revoked';
  const busy = await watch();
  expect(busy.r.outputs()).toMatchObject({ watched: '2', used: '1', closable: '1' });
  const issueOf = (k: typeof a) => repo.issues.find((i) => i.user !== 'mallory' && i.body.includes(k.id))!;
  expect(busy.writes.map((w) => `${w.method} ${w.path}`).sort()).toEqual([
    `PATCH /repos/acme/app/issues/${issueOf(a).number}`,
    `PATCH /repos/acme/app/issues/${issueOf(b).number}`,
    `POST /repos/acme/app/issues/${issueOf(a).number}/comments`,
    `POST /repos/acme/app/issues/${issueOf(b).number}/comments`,
  ]);
  const comments = (k: typeof a) => repo.comments.filter((c) => c.issue === issueOf(k).number).map((c) => c.body);
  expect(comments(a)).toEqual([expect.stringMatching(/^@acme\/security keyguard leak watch: key `key_proj_0001_5` of `proj_0001` was used since the last check \(\d{4}-\d\d-\d\d\): 5 more requests \(566 since \d{4}-\d\d-\d\d\), last used \d{4}-.* The key still exists: revoke it\.$/)]);
  expect(comments(b)).toEqual([expect.stringContaining('key `key_proj_0002_5` of `proj_0002` is revoked and has not been used for at least 7 days')]);
  expect(issueOf(a).body).toContain('| Requests | 566 (+2473%) | 22 |');
  expect(issueOf(b).body).toMatch(/\*\*Leak watch\*\* \(last checked \d{4}-\d\d-\d\d\): the key record is gone \(revoked or deleted\); last used \d{4}-\d\d-\d\d; 0 requests since \d{4}-\d\d-\d\d\. Revoked and quiet for at least 7 days: this issue can be closed\./);
  expect(repo.issues.find((i) => i.number === 99)!.body).toBe(forgedBody);
  expect(repo.comments.some((c) => c.issue === 99)).toBe(false);
  expect(busy.r.summary()).toContain('**used since the last check** (commented)');

  // OpenAI cannot list the project's keys: not knowing is not "gone", and nothing is written.
  openai.knobs.faultPaths = ['/organization/projects/proj_0001/api_keys'];
  const flaky = await watch();
  expect(flaky.writes).toEqual([]);
  expect(flaky.r.summary()).toMatch(new RegExp(`\\| #${issueOf(a).number} \\|  \\| skipped: the organization could not be read \\|`));
  openai.knobs.faultPaths = [];

  // Nothing new again: zero writes, from the action and from the CLI.
  expect((await watch()).writes).toEqual([]);
  const from = github.log.length;
  const cli = await runCliAsync(['watch', '--quiet-days', '7', '--openai-base-url', openai.baseURL], { OPENAI_ADMIN_KEY: admin, GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: github.url });
  expect(cli.code, cli.stderr).toBe(0);
  expect(cli.stdout).toMatch(new RegExp(`\\| #${issueOf(b).number} \\| \`key_proj_0002_5\` \\| nothing new \\| gone; last used`));
  expect(writes(github, from)).toEqual([]);

  // A collaborator edits keyguard's hidden facts to name a path instead of a key id: skipped, nothing sent there.
  const tampered = issueOf(a);
  const facts = JSON.parse(Buffer.from(/^<!-- keyguard:v1 facts (\S+) -->$/m.exec(tampered.body)![1]!, 'base64url').toString());
  facts.match.projectId = '../../admin_api_keys';
  tampered.body = tampered.body.replace(/^<!-- keyguard:v1 facts \S+ -->$/m, `<!-- keyguard:v1 facts ${Buffer.from(JSON.stringify(facts)).toString('base64url')} -->`);
  const before = openai.log.length;
  const edited = await watch();
  expect(edited.writes).toEqual([]);
  expect(edited.r.summary()).toContain(`| #${tampered.number} |  | skipped: its facts do not hold a record id |`);
  expect(openai.log.slice(before).some((r) => r.path.includes('admin_api_keys'))).toBe(false);

  // The watch never holds a key: no request to OpenAI carries a leaked key, nothing prints one.
  expect(openai.log.slice(-30).every((r) => r.auth === 'key_admin_ci')).toBe(true);
  expectNoKey([a.secret, b.secret, admin], { cli: cli.stdout + cli.stderr, busy: busy.run.stdout + busy.r.summary(), issues: JSON.stringify(repo.issues) + JSON.stringify(repo.comments) });
});

it('watch refuses to run without an admin key or a repository, naming what is missing', async () => {
  const r = await runCliAsync(['watch'], { GITHUB_TOKEN: 'x', GITHUB_REPOSITORY: 'acme/app' });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('watch needs an OpenAI admin key (OPENAI_ADMIN_KEY)');
  const q = await runCliAsync(['watch', '--quiet-days', 'soon'], { OPENAI_ADMIN_KEY: 'x', GITHUB_TOKEN: 'x', GITHUB_REPOSITORY: 'acme/app' });
  expect(q.stderr).toContain('--quiet-days: expected a whole number of days from 1 to 3650, got "soon"');
});
