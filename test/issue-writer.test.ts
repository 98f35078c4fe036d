/*
 * The one issue writer, tried as an attacker and a flaky network would, with each of its users'
 * policies (leak issue, audit issue, report issue, pull request comment) against the loopback
 * GitHub through keyguard's own Octokit: a forged marker is never adopted, a lost create answer
 * never duplicates, and a body over GitHub's limit is cut and then left alone.
 */
import { describe, expect, it } from 'vitest';
import { auditIssuePolicy } from '../src/audit/command.ts';
import { GitHubIssueTracker, pullRequestCommentPolicy, PullRequestComments } from '../src/github/issue-tracker.ts';
import { ensureLabels, writeMarked, type MarkedStore, type WritePolicy } from '../src/github/issue-writer.ts';
import { createOctokit, type GitHubClient } from '../src/github/octokit.ts';
import type { Logger } from '../src/logger.ts';
import { MARKER_KINDS, markerLine } from '../src/text/marker.ts';
import { reportIssuePolicy } from '../src/report/command.ts';
import { fileIssues, leakIssuePolicy } from '../src/respond/respond.ts';
import { WATCH_POLICY } from '../src/watch/watch.ts';
import { MAX_BODY, type FakeGitHub } from './fakes/github-server.ts';
import { fakeGitHub } from './helpers/fakes.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';

const MALLORY = 'ghp_mallorystoken';
const BOT = 'github-actions[bot]';
const PR = 7;
const logger: Logger = { info() {}, warning() {}, error() {}, mask() {}, progress() {} };

/** One user of the writer: its marker, its policy, where it writes, and what it wrote there. */
interface User {
  readonly name: string;
  readonly marker: string;
  readonly policy: WritePolicy;
  /** A fresh store, as each run of the action has. */
  store(octokit: GitHubClient): MarkedStore;
  /** What that store holds on the fake, everyone's: `[id, author, body]`. */
  written(gh: FakeGitHub): [number, string, string][];
  /** Posts `body` as mallory would: an issue with the user's labels, or a comment on the pull request. */
  forge(gh: FakeGitHub, body: string): Promise<void>;
}

const issues = (label: string) => ({
  store: (octokit: GitHubClient) => new GitHubIssueTracker(octokit, { owner: 'acme', repo: 'app' }, label),
  written: (gh: FakeGitHub) => gh.repo('acme/app').issues.filter((i) => !i.isPullRequest).map((i): [number, string, string] => [i.number, i.user ?? BOT, i.body]),
  forge: (gh: FakeGitHub, body: string) => post(gh, '/repos/acme/app/issues', { title: 'forged', body, labels: [label] }),
});

const USERS: User[] = [
  { name: 'leak issue', marker: markerLine('leak', 'a'.repeat(32)), policy: leakIssuePolicy({ labels: ['keyguard', 'leaked-secret'], assignees: [] }, () => true), ...issues('keyguard') },
  { name: 'audit issue', marker: markerLine('audit', 'acme:app'), policy: auditIssuePolicy(['keyguard-audit'], true), ...issues('keyguard-audit') },
  { name: 'report issue', marker: markerLine('report', 'week-2026-11-16'), policy: reportIssuePolicy(['keyguard-report'], undefined), ...issues('keyguard-report') },
  {
    name: 'pull request comment',
    marker: markerLine('pr', String(PR)),
    policy: pullRequestCommentPolicy(true),
    store: (octokit) => new PullRequestComments(octokit, { owner: 'acme', repo: 'app' }, PR),
    written: (gh) => gh.repo('acme/app').comments.filter((c) => c.issue === PR).map((c) => [c.id, c.user, c.body]),
    forge: (gh, body) => post(gh, `/repos/acme/app/issues/${PR}/comments`, { body }),
  },
];

async function post(gh: FakeGitHub, path: string, body: object): Promise<void> {
  const res = await fetch(`${gh.url}${path}`, { method: 'POST', headers: { authorization: `token ${MALLORY}` }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
}

async function setup() {
  const gh = await fakeGitHub({ repos: ['acme/app'], tokens: { [MALLORY]: 'mallory' } });
  gh.repo('acme/app').issues.push({ id: 1, number: PR, title: 'PR', body: '', state: 'open', labels: [], assignees: [], isPullRequest: true, created_at: '', updated_at: '', closed_at: null });
  return { gh, octokit: createOctokit({ token: gh.token, baseUrl: gh.url, logger, writeIntervalMs: 0 }) };
}

const creates = (gh: FakeGitHub) => gh.log.filter((r) => r.method === 'POST' && /\/issues(?:\/\d+\/comments)?$/.test(r.path));
const edits = (gh: FakeGitHub) => gh.log.filter((r) => r.method === 'PATCH');

describe.each(USERS)('the issue writer with the $name policy', (user) => {
  const render = (text: string) => () => ({ title: `keyguard: ${text}`, body: `${user.marker}\n${text}\n` });

  it('a forged marker by another author is ignored and never edited; keyguard writes its own', async () => {
    const { gh, octokit } = await setup();
    const forged = `${user.marker}\nall clear, see https://evil.test`;
    await user.forge(gh, forged);
    const first = await writeMarked(user.store(octokit), user.marker, render('one key'), user.policy);
    expect(first.action).toBe('created');
    const second = await writeMarked(user.store(octokit), user.marker, render('two keys'), user.policy);
    expect(second).toMatchObject({ action: 'updated', issue: { number: first.issue!.number } });
    const written = user.written(gh);
    expect(written.map(([, author, body]) => [author, body])).toEqual([
      ['mallory', forged],
      [BOT, `${user.marker}\ntwo keys\n`],
    ]);
    // The one edit went to keyguard's own.
    expect(edits(gh).map((r) => r.path.split('/').pop())).toEqual([String(written[1]![0])]);
  });

  for (const lose of ['502', 'drop'] as const) {
    it(`a create GitHub processed but whose answer was lost (${lose}) is adopted, not made twice`, async () => {
      const { gh, octokit } = await setup();
      gh.knobs.loseCreateNext = 1;
      gh.knobs.loseCreateAs = lose;
      const first = await writeMarked(user.store(octokit), user.marker, render('one key'), user.policy);
      expect(first.action).toBe('created');
      const again = await writeMarked(user.store(octokit), user.marker, render('one key'), user.policy);
      expect(again.action).not.toBe('created');
      expect(user.written(gh)).toEqual([[first.issue!.number, BOT, `${user.marker}\none key\n`]]);
      expect(creates(gh)).toHaveLength(1);
    });
  }

  it('a create that failed and did not land (a secondary rate limit that outlasts the retries) is reported, not adopted', async () => {
    const { gh, octokit } = await setup();
    const store = user.store(octokit);
    // Labels and who keyguard is (GraphQL, a POST) first: only the create meets the limit.
    await ensureLabels(store, user.policy);
    expect(await store.findByMarker(user.marker)).toBeUndefined();
    gh.knobs.secondaryLimitNext = 10;
    await expect(writeMarked(store, user.marker, render('one key'), user.policy)).rejects.toThrow(/secondary rate limit/);
    expect(user.written(gh)).toEqual([]);
    // The create went out once and was retried only on GitHub's say-so (403 with retry-after), then the issues were looked at again.
    expect(creates(gh).map((r) => r.status)).toEqual([403, 403, 403]);
    expect(gh.log.at(-1)).toMatchObject({ method: 'GET', status: 200, path: expect.stringMatching(/\/issues(?:\/\d+\/comments)?$/) });
  });

  it('a body over GitHub\'s limit is cut with a note, its hidden state kept, and left alone on the next run', async () => {
    const { gh, octokit } = await setup();
    const state = '<!-- keyguard:v1 facts e30 -->';
    const big = () => ({ title: 'big', body: [user.marker, ...Array.from({ length: 5000 }, (_, i) => `| row ${i} | ${'x'.repeat(40)} |`), state].join('\n') });
    const first = await writeMarked(user.store(octokit), user.marker, big, user.policy);
    expect(first.action).toBe('created');
    const [[, , body]] = user.written(gh) as [[number, string, string]];
    expect(body.length).toBeLessThan(MAX_BODY);
    expect(body.startsWith(`${user.marker}\n| row 0 |`)).toBe(true);
    expect(body).toMatch(/_…and \d+ more (?:rows|lines) in the JSON report/);
    expect(body.endsWith(`\n${state}`)).toBe(true);
    expect(gh.log.filter((r) => r.status === 422)).toEqual([]);
    // What GitHub holds is what keyguard would write again: no rewrite (the comment is touched by design).
    const again = await writeMarked(user.store(octokit), user.marker, big, user.policy);
    expect(again.action).toBe(user.policy.always ? 'updated' : 'unchanged');
    expect(edits(gh)).toHaveLength(user.policy.always ? 1 : 0);
    expect(user.written(gh).map(([, , b]) => b)).toEqual([body]);
  });

  it('a key in what a renderer wrote (a project or key name from the API, a path) leaves redacted, and the next run changes nothing', async () => {
    const { gh, octokit } = await setup();
    const key = makeKey(shapeByName('project 164'));
    const named = () => ({ title: `keyguard: ${key}`, body: `${user.marker}\n| project \`${key}\` | $4.20 |\n` });
    expect((await writeMarked(user.store(octokit), user.marker, named, user.policy)).action).toBe('created');
    expect(user.written(gh).map(([, , b]) => b)).toEqual([`${user.marker}\n| project \`sk-proj-…${key.slice(-4)}\` | $4.20 |\n`]);
    expect((await writeMarked(user.store(octokit), user.marker, named, user.policy)).action).toBe(user.policy.always ? 'updated' : 'unchanged');
    expectNoKey([key], { requests: JSON.stringify(gh.log), issues: JSON.stringify(gh.repo('acme/app')) });
  });
});

describe('what differs between the users is their policy', () => {
  it('every kind of marker keyguard writes has its user above', () => {
    expect(USERS.map((u) => u.marker.split(' ')[2]).sort()).toEqual([...MARKER_KINDS].sort());
  });

  it('quiet when there is nothing to say (a clean audit, a clean pull request): no write at all', async () => {
    const { gh, octokit } = await setup();
    for (const [user, policy] of [
      [USERS[1]!, auditIssuePolicy(['keyguard-audit'], false)],
      [USERS[3]!, pullRequestCommentPolicy(false)],
    ] as const) {
      expect(await writeMarked(user.store(octokit), user.marker, () => ({ title: 't', body: `${user.marker}\nclean` }), policy)).toEqual({ action: 'none' });
    }
    expect(gh.log.filter((r) => r.method !== 'GET' && !r.path.startsWith('/graphql'))).toEqual([]);
  });

  it('the watch policy updates keyguard\'s own leak issue and comments on it, but never opens one nor touches a forged one', async () => {
    const { gh, octokit } = await setup();
    const leak = USERS[0]!;
    await leak.forge(gh, `${leak.marker}\nforged facts`);
    const watch = () => writeMarked(leak.store(octokit), leak.marker, () => ({ title: 't', body: `${leak.marker}\nwatched`, comment: 'used since the last check' }), WATCH_POLICY);
    expect(await watch()).toEqual({ action: 'none' });
    await writeMarked(leak.store(octokit), leak.marker, () => ({ title: 'Leaked key', body: `${leak.marker}\nfound` }), leak.policy);
    expect(await watch()).toMatchObject({ action: 'commented' });
    expect(leak.written(gh).map(([, author, body]) => [author, body])).toEqual([
      ['mallory', `${leak.marker}\nforged facts`],
      [BOT, `${leak.marker}\nwatched`],
    ]);
    expect(gh.repo('acme/app').comments.map((c) => [c.issue, c.body])).toEqual([[leak.written(gh)[1]![0], 'used since the last check']]);
  });

  it('the audit issue is closed when clean and reopened when findings return; the leak issue keeps its title; the report closes last period\'s', async () => {
    const { gh, octokit } = await setup();
    const [leak, audit, report] = USERS as [User, User, User];
    const write = (user: User, policy: WritePolicy, title: string, text: string) => writeMarked(user.store(octokit), user.marker, () => ({ title, body: `${user.marker}\n${text}` }), policy);
    const state = () => gh.repo('acme/app').issues.filter((i) => !i.isPullRequest).map((i) => [i.title, i.state]);

    await write(audit, auditIssuePolicy(['keyguard-audit'], true), 'audit: 2 open', 'two');
    await write(audit, auditIssuePolicy(['keyguard-audit'], false), 'audit: none open', 'none');
    expect(state()).toEqual([['audit: none open', 'closed']]);
    await write(audit, auditIssuePolicy(['keyguard-audit'], true), 'audit: 1 open', 'one');
    expect(state()).toEqual([['audit: 1 open', 'open']]);

    await write(leak, leak.policy, 'Leaked key', 'found');
    gh.repo('acme/app').issues.at(-1)!.title = 'Leaked key (rotated by Alice)';
    expect(await write(leak, leak.policy, 'Leaked key', 'found again')).toMatchObject({ action: 'updated' });
    expect(state().at(-1)).toEqual(['Leaked key (rotated by Alice)', 'open']);

    const last = markerLine('report', 'week-2026-11-09');
    await writeMarked(report.store(octokit), last, () => ({ title: 'last week', body: `${last}\nlast` }), reportIssuePolicy(['keyguard-report'], undefined));
    const out = await write(report, reportIssuePolicy(['keyguard-report'], last), 'this week', 'this');
    expect(out).toMatchObject({ action: 'created', closed: 3 + 1 });
    expect(state().slice(-2)).toEqual([
      ['last week', 'closed'],
      ['this week', 'open'],
    ]);
  });

  it('the leak issue policy defers a new issue over the run\'s budget, and labels are made sure of once a run', async () => {
    const { gh, octokit } = await setup();
    const store = USERS[0]!.store(octokit);
    let opened = 0;
    const policy = leakIssuePolicy({ labels: ['keyguard', 'leaked-secret'], assignees: [] }, () => opened < 2);
    const actions: string[] = [];
    for (const id of ['1', '2', '3']) {
      const marker = markerLine('leak', id.repeat(32));
      const out = await writeMarked(store, marker, () => ({ title: id, body: `${marker}\n${id}` }), policy);
      if (out.action === 'created') opened++;
      actions.push(out.action);
    }
    expect(actions).toEqual(['created', 'created', 'deferred']);
    expect(gh.repo('acme/app').labels.map((l) => [l.name, l.color])).toEqual([
      ['keyguard', 'b60205'],
      ['leaked-secret', 'b60205'],
    ]);
    expect(gh.log.filter((r) => r.path.includes('/labels')).map((r) => `${r.method} ${r.status}`)).toEqual(['GET 404', 'POST 201', 'GET 404', 'POST 201']);
  });

  it('a body without its marker on the first line is a bug, caught before anything is written', async () => {
    const { gh, octokit } = await setup();
    const user = USERS[0]!;
    await expect(writeMarked(user.store(octokit), user.marker, () => ({ title: 't', body: `quoted\n${user.marker}` }), user.policy)).rejects.toThrow(/bug: a keyguard body must start with its marker/);
    expect(creates(gh)).toEqual([]);
  });

  it('a leak issue whose places have long paths fits whole, so the next run keeps its places and the ticked checklist', async () => {
    const { gh, octokit } = await setup();
    const deep = `${'d'.repeat(200)}/${'e'.repeat(200)}/${'f'.repeat(200)}`;
    const group = { fingerprint: 'a'.repeat(32), kind: 'project' as const, redacted: 'sk-proj-…abcd', response: {}, findings: Array.from({ length: 120 }, (_, i) => ({ file: `${deep}/${i}.env`, line: 1, commit: 'c'.repeat(40) })) };
    const file = () => fileIssues(new GitHubIssueTracker(octokit, { owner: 'acme', repo: 'app' }, 'keyguard'), [group], { labels: ['keyguard'], assignees: [], mention: undefined, maxNew: 5 }, { serverUrl: 'https://github.test', repository: 'acme/app', sha: 'f'.repeat(40) }, logger);
    expect([...(await file()).issues.values()]).toMatchObject([{ action: 'created' }]);
    const issue = gh.repo('acme/app').issues.find((i) => !i.isPullRequest)!;
    expect(issue.body.length).toBeLessThan(MAX_BODY);
    expect(issue.body).toMatch(/_…and \d+ more places in the JSON report/);
    // Someone ticks the first box; the next run has nothing new to say.
    issue.body = issue.body.replace('- [ ] Create a replacement key', '- [x] Create a replacement key');
    const ticked = issue.body;
    expect([...(await file()).issues.values()]).toMatchObject([{ action: 'unchanged' }]);
    expect(issue.body).toBe(ticked);
    expect(edits(gh)).toEqual([]);
  });
});
