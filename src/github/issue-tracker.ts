import { fitBody } from '../text/body-limit.ts';
import { markerOf } from '../text/marker.ts';
import { ownLogin } from './identity.ts';
import type { GitHubClient } from './octokit.ts';

export interface TrackedIssue {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly state: 'open' | 'closed';
  readonly url: string;
}

export interface NewIssue {
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly assignees: readonly string[];
}

/**
 * What leak response needs of an issue tracker; tests use an in-memory one that keeps state.
 * Issues are found by the hidden marker keyguard writes on the first line of their body, and only
 * among the issues keyguard itself opened: anyone can write a marker.
 */
export interface IssueTracker {
  findByMarker(marker: string): Promise<TrackedIssue | undefined>;
  create(issue: NewIssue): Promise<TrackedIssue>;
  update(number: number, change: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<void>;
  comment(number: number, body: string): Promise<void>;
  ensureLabel(name: string, color: string, description: string): Promise<void>;
}

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

/**
 * Issues through the REST API. Existing issues are found by listing the keyguard label with
 * `state=all` once per run (paginated) and parsing markers, not through search: the search API
 * lags behind writes and allows 30 requests a minute. Only issues opened by the identity keyguard
 * runs as count: a labelled issue with a forged marker is neither adopted nor edited.
 */
export class GitHubIssueTracker implements IssueTracker {
  readonly #octokit: GitHubClient;
  readonly #repo: RepoRef;
  readonly #label: string;
  #index: Map<string, TrackedIssue> | undefined;
  #author: Promise<string> | undefined;

  constructor(octokit: GitHubClient, repo: RepoRef, label: string) {
    this.#octokit = octokit;
    this.#repo = repo;
    this.#label = label;
  }

  async #load(fresh = false): Promise<Map<string, TrackedIssue>> {
    if (this.#index && !fresh) return this.#index;
    this.#author ??= ownLogin(this.#octokit);
    const author = await this.#author;
    const index = new Map<string, TrackedIssue>();
    const issues = await this.#octokit.paginate(this.#octokit.rest.issues.listForRepo, { ...this.#repo, labels: this.#label, state: 'all', per_page: 100 });
    for (const i of issues) {
      if (i.pull_request || i.user?.login !== author) continue;
      const marker = markerOf(i.body);
      // The oldest issue wins if a marker ever appears twice (listing is newest first).
      if (marker) index.set(marker, { number: i.number, title: i.title, body: i.body ?? '', state: i.state === 'closed' ? 'closed' : 'open', url: i.html_url });
    }
    this.#index = index;
    return index;
  }

  async findByMarker(marker: string): Promise<TrackedIssue | undefined> {
    return (await this.#load()).get(marker);
  }

  /** Every issue keyguard's identity wrote with a marker of `kind` (forged markers left out, as above). */
  async list(kind: 'leak' | 'audit' | 'report' | 'pr'): Promise<TrackedIssue[]> {
    return [...(await this.#load()).entries()].filter(([m]) => m.startsWith(`<!-- keyguard:v1 ${kind} `)).map(([, i]) => i);
  }

  /**
   * Creates once: GitHub may have processed a create whose answer was lost (a 502, a dropped
   * connection), so creates are never retried blindly (see octokit.ts); after a failure the
   * issues are listed again, and the one that did get created is adopted.
   */
  async create(issue: NewIssue): Promise<TrackedIssue> {
    const marker = markerOf(issue.body);
    try {
      const { data } = await this.#octokit.rest.issues.create({ ...this.#repo, title: issue.title, body: fitBody(issue.body), labels: [...issue.labels], ...(issue.assignees.length ? { assignees: [...issue.assignees] } : {}) });
      const tracked: TrackedIssue = { number: data.number, title: data.title, body: data.body ?? '', state: 'open', url: data.html_url };
      if (marker) (await this.#load()).set(marker, tracked);
      return tracked;
    } catch (e) {
      const landed = marker ? (await this.#load(true).catch(() => undefined))?.get(marker) : undefined;
      if (landed) return landed;
      throw e;
    }
  }

  async update(number: number, change: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<void> {
    await this.#octokit.rest.issues.update({ ...this.#repo, issue_number: number, ...change, ...(change.body !== undefined ? { body: fitBody(change.body) } : {}) });
  }

  async comment(number: number, body: string): Promise<void> {
    await this.#octokit.rest.issues.createComment({ ...this.#repo, issue_number: number, body: fitBody(body) });
  }

  async ensureLabel(name: string, color: string, description: string): Promise<void> {
    try {
      await this.#octokit.rest.issues.getLabel({ ...this.#repo, name });
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
      try {
        await this.#octokit.rest.issues.createLabel({ ...this.#repo, name, color, description });
      } catch (err) {
        // Created meanwhile by a parallel job: that is what we wanted.
        if ((err as { status?: number }).status !== 422) throw err;
      }
    }
  }
}

/**
 * Creates or updates (in place) the one keyguard comment on a pull request: the comment with the
 * marker that keyguard's own identity wrote; a comment anyone else wrote with the marker is left
 * alone. `updateOnly`: only an earlier comment is updated (a clean pull request stays quiet).
 */
export async function upsertPullRequestComment(octokit: GitHubClient, repo: RepoRef, pullNumber: number, body: string, updateOnly = false): Promise<'created' | 'updated' | 'none'> {
  const marker = markerOf(body);
  if (!marker) throw new Error('bug: a keyguard comment must start with its marker');
  const author = await ownLogin(octokit);
  const find = async () => (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pullNumber, per_page: 100 })).find((c) => c.user?.login === author && markerOf(c.body) === marker);
  const mine = await find();
  if (mine) {
    await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body: fitBody(body) });
    return 'updated';
  }
  if (updateOnly) return 'none';
  try {
    await octokit.rest.issues.createComment({ ...repo, issue_number: pullNumber, body: fitBody(body) });
  } catch (e) {
    // The comment may exist though its answer was lost: look before reporting a failure.
    if (!(await find().catch(() => undefined))) throw e;
  }
  return 'created';
}
