import { afterEach, describe, expect, it } from 'vitest';
import { GitHubIssueTracker, upsertPullRequestComment } from '../src/github/issue-tracker.ts';
import { markerLine, markerOf } from '../src/text/marker.ts';
import { createOctokit } from '../src/github/octokit.ts';
import type { Logger } from '../src/logger.ts';
import { startFakeGitHub, type FakeGitHub } from './fakes/github-server.ts';

const warnings: string[] = [];
const logger: Logger = { info() {}, warning: (m) => warnings.push(m), error: (m) => warnings.push(m), mask() {}, progress() {} };
let gh: FakeGitHub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

async function setup() {
  gh = await startFakeGitHub({ repos: ['acme/sec'] });
  const octokit = createOctokit({ token: gh.token, baseUrl: gh.url, logger, writeIntervalMs: 0 });
  return { gh, octokit, tracker: new GitHubIssueTracker(octokit, { owner: 'acme', repo: 'sec' }, 'keyguard') };
}

describe('GitHub issues through octokit with throttling and retry', () => {
  it('finds an issue by its marker across Link-paginated pages, closed ones too, ignoring planted markers', async () => {
    const { gh, tracker } = await setup();
    const repo = gh.repo('acme/sec');
    for (let i = 1; i <= 230; i++) {
      const body = i === 5 ? `${markerLine('leak', 'f'.repeat(32))}\nbody` : i === 9 ? `quoted text\n${markerLine('leak', 'e'.repeat(32))}` : `${markerLine('leak', i.toString(16).padStart(32, '0'))}\nbody`;
      repo.issues.push({ id: i, number: i, title: `t${i}`, body, state: i % 3 ? 'open' : 'closed', labels: ['keyguard'], assignees: [], isPullRequest: false, created_at: '', updated_at: '', closed_at: null });
    }
    expect(await tracker.findByMarker(markerLine('leak', 'f'.repeat(32)))).toMatchObject({ number: 5 });
    expect(await tracker.findByMarker(markerLine('leak', (3).toString(16).padStart(32, '0')))).toMatchObject({ number: 3, state: 'closed' });
    // A marker anywhere but the first line is not keyguard's.
    expect(await tracker.findByMarker(markerLine('leak', 'e'.repeat(32)))).toBeUndefined();
    const lists = gh.log.filter((r) => r.method === 'GET' && r.path === '/repos/acme/sec/issues');
    expect(lists.map((r) => [r.query.state, r.query.labels, r.query.page ?? '1'])).toEqual([
      ['all', 'keyguard', '1'],
      ['all', 'keyguard', '2'],
      ['all', 'keyguard', '3'],
    ]);
    await tracker.findByMarker('anything');
    expect(gh.log.filter((r) => r.path === '/repos/acme/sec/issues')).toHaveLength(3); // listed once a run
  });

  it('waits out a secondary rate limit (403 with retry-after) and creates labels once', async () => {
    const { gh, tracker } = await setup();
    await tracker.ensureLabel('keyguard', 'b60205', 'leaks');
    await tracker.ensureLabel('keyguard', 'b60205', 'leaks');
    expect(gh.repo('acme/sec').labels.map((l) => l.name)).toEqual(['keyguard']);
    gh.knobs.secondaryLimitNext = 1;
    const created = await tracker.create({ title: 'x', body: `${markerLine('leak', 'a'.repeat(32))}\nx`, labels: ['keyguard'], assignees: [] });
    expect(created.number).toBe(1);
    expect(gh.log.filter((r) => r.method === 'POST' && r.path === '/repos/acme/sec/issues').map((r) => r.status)).toEqual([403, 201]);
    expect(warnings.some((w) => /secondary rate limit on POST/.test(w))).toBe(true);
  });

  it('keeps one pull request comment, found by its marker', async () => {
    const { gh, octokit } = await setup();
    const repo = gh.repo('acme/sec');
    repo.issues.push({ id: 1, number: 4, title: 'PR', body: '', state: 'open', labels: [], assignees: [], isPullRequest: true, created_at: '', updated_at: '', closed_at: null });
    repo.comments.push({ id: 1, issue: 4, body: `someone quoting:\n${markerLine('pr', '4')}`, user: 'mallory', created_at: '', updated_at: '' });
    expect(await upsertPullRequestComment(octokit, { owner: 'acme', repo: 'sec' }, 4, `${markerLine('pr', '4')}\nfirst`)).toBe('created');
    expect(await upsertPullRequestComment(octokit, { owner: 'acme', repo: 'sec' }, 4, `${markerLine('pr', '4')}\nsecond`)).toBe('updated');
    expect(repo.comments.map((c) => c.body)).toEqual([`someone quoting:\n${markerLine('pr', '4')}`, `${markerLine('pr', '4')}\nsecond`]);
  });

  it('markers are strict', () => {
    expect(markerOf(`${markerLine('leak', 'ab')}\nrest`)).toBe('<!-- keyguard:v1 leak ab -->');
    expect(markerOf(' <!-- keyguard:v1 leak ab --> trailing')).toBeUndefined();
    expect(() => markerLine('leak', 'a b -->')).toThrow(/unsafe/);
  });
});
