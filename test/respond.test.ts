import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.ts';
import type { Logger } from '../src/logger.ts';
import { OpenAIAdmin } from '../src/openai/admin-client.ts';
import { checkLiveness } from '../src/openai/liveness.ts';
import { respond, type RespondSettings } from '../src/respond/respond.ts';
import { organizationDeps } from '../src/respond/wire.ts';
import { scanGit } from '../src/scan/git-scan.ts';
import { scanWorktree } from '../src/scan/worktree-scan.ts';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server.ts';
import { seedOrganization } from './fakes/openai-seed.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { MemoryTracker } from './helpers/memory-tracker.ts';
import { commitFile, git, gitRepo, write } from './helpers/repo.ts';

const logged: string[] = [];
const logger: Logger = { info: (m) => logged.push(m), warning: (m) => logged.push(m), error: (m) => logged.push(m), mask() {}, progress() {} };
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const settings = (over: Partial<RespondSettings> = {}): RespondSettings => ({
  verify: true,
  revoke: 'live',
  dryRun: false,
  issues: { labels: ['keyguard', 'security'], assignees: ['sec-oncall'], mention: '@acme/security', maxNew: 10 },
  repo: { serverUrl: 'https://github.test', repository: 'acme/app', sha: 'c0ffee'.repeat(6) + 'c0ff' },
  ...over,
});

async function world() {
  const org = seedOrganization({ now: 1_790_000_000 });
  fake = await startFakeOpenAI(org);
  const admin = new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: fake.baseURL, logger });
  const deps = (tracker: MemoryTracker) => ({
    logger,
    liveness: (s: Parameters<typeof checkLiveness>[0], k: Parameters<typeof checkLiveness>[1]) => checkLiveness(s, k, { baseURL: fake!.baseURL }),
    openai: organizationDeps(admin, fake!.baseURL, () => admin.inventory()),
    tracker,
  });
  return { org, fake, deps };
}

const scan = (root: string) => scanWorktree({ root, config: DEFAULT_CONFIG }, { logger });

describe('leak response', () => {
  it('revokes a live matched key once, opens one issue per key, and is quiet the third time', async () => {
    const { org, fake, deps } = await world();
    const live = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    const stranger = makeKey(shapeByName('legacy 51'));
    const root = gitRepo({ 'config/app.env': `OPENAI_API_KEY=${live.secret}\n`, 'notes.md': `old key ${stranger}\n` });
    const tracker = new MemoryTracker();

    const first = await respond(await scan(root), settings(), deps(tracker));
    expect(first.summary).toMatchObject({ keys: 2, live: 1, revoked: 1, issuesOpened: 2 });
    expect(live.state).toBe('revoked');
    const byFile = Object.fromEntries(first.result.findings.map((f) => [f.file, f]));
    expect(byFile['config/app.env']).toMatchObject({
      status: 'revoked',
      response: { match: { type: 'matched', keyId: 'key_proj_0001_1', projectId: 'proj_0001' }, revocation: { type: 'revoked', action: 'delete project key key_proj_0001_1 of proj_0001' }, issue: { number: 1, action: 'created' } },
    });
    expect(byFile['notes.md']).toMatchObject({ status: 'revoked', response: { liveness: { rule: '401 invalid_api_key' }, match: { type: 'not-found' }, issue: { number: 2 } } });
    expect(tracker.labels).toEqual(new Set(['keyguard', 'security']));
    const issue = tracker.issues[0]!;
    expect(issue).toMatchObject({ labels: ['keyguard', 'security'], assignees: ['sec-oncall'] });
    expect(issue.title).toMatch(/^Leaked OpenAI project key sk-proj-….{4} \([0-9a-f]{8}\)$/);
    expect(issue.body.split('\n')[0]).toBe(`<!-- keyguard:v1 leak ${byFile['config/app.env']!.fingerprint} -->`);
    expect(issue.body).toContain('cc @acme/security');
    // The decision comes right under the heading, before the table of facts.
    expect(issue.body).toMatch(/^## :rotating_light: Leaked OpenAI project key `sk-proj-….{4}`\n\n\*\*keyguard revoked this key\.\*\* Replace it where it was used and remove it from the repository and its history\.\n/m);
    expect(tracker.issues[1]!.body).toContain('**This key no longer works.**');
    expect(issue.body).toContain('| keyguard did | **revoked** (delete project key key_proj_0001_1 of proj_0001) |');
    expect(issue.body).toContain('[`config/app.env:1`](https://github.test/acme/app/blob/c0ffee');
    expect(issue.body).toContain('- [ ] Remove it from git history');

    const deletes = () => fake.log.filter((r) => r.method === 'DELETE').length;
    const second = await respond(await scan(root), settings(), deps(tracker));
    expect(second.summary).toMatchObject({ revoked: 0, issuesOpened: 0 });
    expect(deletes()).toBe(1);
    expect(tracker.issues).toHaveLength(2);
    expect(second.result.findings.find((f) => f.file === 'config/app.env')!.response).toMatchObject({ revocation: { type: 'already-gone' }, issue: { action: 'unchanged' } });

    // The issue still says whose key it was and that keyguard revoked it, though the record is gone now.
    expect(tracker.issues[0]!.body).toContain('| keyguard did | **revoked** (delete project key key_proj_0001_1 of proj_0001) |');
    expect(tracker.issues[0]!.body).toContain('| OpenAI record | project 1 (`proj_0001`), key `key_proj_0001_1`, owner Dev Eloper (user) (proven: 200 from GET /models with OpenAI-Project: proj_0001;');
    expect(tracker.issues[0]!.body).toContain('| Live | **live → revoked** (200 from GET /models) |');
    const third = await respond(await scan(root), settings(), deps(tracker));
    expect(third.result.findings.map((f) => f.response?.issue?.action)).toEqual(['unchanged', 'unchanged']);
    expectNoKey([live.secret, stranger], { issues: JSON.stringify(tracker.issues), logs: logged.join('\n'), requests: JSON.stringify(fake.log) });
  });

  it('comments once on new places, keeping the checklist as people ticked it', async () => {
    const { deps } = await world();
    const key = makeKey(shapeByName('project 132'));
    const root = gitRepo({ 'a.txt': key });
    const tracker = new MemoryTracker();
    await respond(await scan(root), settings({ revoke: 'off' }), deps(tracker));
    await tracker.update(1, { body: tracker.issues[0]!.body.replace('- [ ] Create a replacement key', '- [x] Create a replacement key') });
    write(root, 'deploy/b.yaml', `key: ${key}\n`);
    await respond(await scan(root), settings({ revoke: 'off' }), deps(tracker));
    const issue = tracker.issues[0]!;
    expect(tracker.issues).toHaveLength(1);
    expect(issue.comments).toEqual([expect.stringMatching(/^keyguard found sk-proj-….{4} again, in 1 new place:\n\n- \[`deploy\/b\.yaml:1`\]/)]);
    expect(issue.body).toContain('- [x] Create a replacement key');
    expect(issue.body.match(/^- \[`/gm)).toHaveLength(2);
    await respond(await scan(root), settings({ revoke: 'off' }), deps(tracker));
    expect(issue.comments).toHaveLength(1);
  });

  it('lists every place history added the key, each linked at a commit that holds it', async () => {
    const { deps } = await world();
    const key = makeKey(shapeByName('project 132'));
    const root = gitRepo({ 'README.md': '# app\n' });
    const first = commitFile(root, 'a.py', `k = "${key}"\n`, 'add a').after;
    const second = commitFile(root, 'lib/b.py', `\nK = "${key}"\n`, 'add b').after;
    git(root, 'rm', '-q', 'a.py');
    git(root, 'commit', '-qm', 'drop a');
    const tip = git(root, 'rev-parse', 'HEAD').trim();
    const result = await scanGit({ root, config: DEFAULT_CONFIG, target: { type: 'history' } }, { logger });
    const tracker = new MemoryTracker();
    await respond(result, settings({ revoke: 'off', repo: { serverUrl: 'https://github.test', repository: 'acme/app', sha: tip } }), deps(tracker));
    const body = tracker.issues[0]!.body;
    const where = body.slice(body.indexOf('### Where'), body.indexOf('### What')).split('\n').filter((l) => l.startsWith('- '));
    expect(where).toEqual([
      `- [\`lib/b.py:2\`](https://github.test/acme/app/blob/${tip}/lib/b.py#L2) in the scanned tree`,
      `- [\`a.py:1\`](https://github.test/acme/app/blob/${first}/a.py#L1) in commit \`${first.slice(0, 12)}\`, where it was first added (${result.findings[0]!.git!.authorDate!.slice(0, 10)})`,
      `- [\`lib/b.py\`](https://github.test/acme/app/blob/${second}/lib/b.py) in commit \`${second.slice(0, 12)}\``,
    ]);
    // A second run finds the same places: no comment.
    await respond(await scanGit({ root, config: DEFAULT_CONFIG, target: { type: 'history' } }, { logger }), settings({ revoke: 'off', repo: { serverUrl: 'https://github.test', repository: 'acme/app', sha: tip } }), deps(tracker));
    expect(tracker.issues[0]!.comments).toEqual([]);
  });

  it('a key in a commit message or a branch name links to the commit, not to a file the commit does not have', async () => {
    const { deps } = await world();
    const key = makeKey(shapeByName('project 132'));
    const root = gitRepo({ 'README.md': '# app\n' });
    git(root, 'commit', '-q', '--allow-empty', '-m', `rotate: old key was ${key}`);
    const sha = git(root, 'rev-parse', 'HEAD').trim();
    git(root, 'branch', `hotfix-${key}`);
    const result = await scanGit({ root, config: DEFAULT_CONFIG, target: { type: 'history' } }, { logger });
    const tracker = new MemoryTracker();
    await respond(result, settings({ revoke: 'off', repo: { serverUrl: 'https://github.test', repository: 'acme/app', sha } }), deps(tracker));
    const body = tracker.issues[0]!.body;
    const where = body.slice(body.indexOf('### Where'), body.indexOf('### What')).split('\n').filter((l) => l.startsWith('- '));
    expect(where).toEqual([
      expect.stringMatching(new RegExp(`^- \\[\`\\(commit message\\):1\`\\]\\(https://github\\.test/acme/app/commit/${sha}\\) in commit`)),
      expect.stringMatching(new RegExp(`^- \\[\`\\(ref name: refs/heads/hotfix-sk-proj-….{4}\\)\`\\]\\(https://github\\.test/acme/app/commit/${sha}\\) in commit`)),
    ]);
    expect(body).toContain('| Still in the repository | yes (a branch or tag is named after it) |');
    expectNoKey([key], { body });

    // In a message only: no file holds it, and the message stays in history.
    git(root, 'branch', '-D', `hotfix-${key}`);
    const messageOnly = new MemoryTracker();
    await respond(await scanGit({ root, config: DEFAULT_CONFIG, target: { type: 'history' } }, { logger }), settings({ revoke: 'off', repo: { serverUrl: 'https://github.test', repository: 'acme/app', sha } }), deps(messageOnly));
    expect(messageOnly.issues[0]!.body).toContain('| Still in the repository | no file holds it: it is in a commit or tag message, which stays in git history |');
  });

  it('escapes untrusted paths: no mentions, links, HTML or a second marker', async () => {
    const { deps } = await world();
    const key = makeKey(shapeByName('legacy 51'));
    const evil = 'x @octocat [click](javascript:alert) <img src=x> --> <!-- keyguard:v1 leak 00000000000000000000000000000000 -->.txt';
    const root = gitRepo({ [evil]: key });
    const tracker = new MemoryTracker();
    await respond(await scan(root), settings({ revoke: 'off' }), deps(tracker));
    const body = tracker.issues[0]!.body;
    const where = body.slice(body.indexOf('### Where'), body.indexOf('### What'));
    expect(where).toContain('[`x @octocat [click](javascript:alert) <img src=x> --> <!-- keyguard:v1 leak 00000000000000000000000000000000 -->.txt:1`]');
    expect(where).toContain('%5Bclick%5D%28javascript%3Aalert%29');
    expect(body.split('\n').filter((l) => l.startsWith('<!-- keyguard:v1 leak'))).toHaveLength(1);
  });

  it('caps new issues per run and says what it deferred; dry run revokes nothing', async () => {
    const { org, fake, deps } = await world();
    const keys = org.keys.slice(0, 3);
    const root = gitRepo(Object.fromEntries(keys.map((k, i) => [`k${i}.env`, k.secret])));
    const tracker = new MemoryTracker();
    const out = await respond(await scan(root), settings({ dryRun: true, issues: { ...settings().issues!, maxNew: 2 } }), deps(tracker));
    expect(out.summary).toMatchObject({ issuesOpened: 2, issuesDeferred: 1, revoked: 0 });
    expect(out.summary.notes[0]).toMatch(/^1 issue not opened this run: at most 2 /);
    expect(out.result.findings.map((f) => f.response?.revocation?.type)).toEqual(['would-revoke', 'would-revoke', 'would-revoke']);
    expect(fake.log.some((r) => r.method === 'DELETE')).toBe(false);
    expect(keys.every((k) => k.state === 'live')).toBe(true);
  });
});

describe('markdown helpers', () => {
  it('code spans survive backticks and pipes; escaped text opens nothing', async () => {
    const { code, escapeMarkdown } = await import('../src/text/markdown.ts');
    expect(code('a`b``c|d')).toBe('``` a`b``c\\|d ```');
    expect(code('plain')).toBe('`plain`');
    expect(escapeMarkdown('@team [x](y) <b> #12 a|b')).toBe('@\u200bteam &#91;x&#93;(y) &#60;b&#62; &#35;12 a&#124;b');
  });
});
