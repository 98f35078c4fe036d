import { fitBody } from '../text/body-limit.ts';
import { markerOf, type MarkerKind } from '../text/marker.ts';
import { ownLogin } from './identity.ts';
import { writeMarked, type IssueChange, type MarkedStore, type NewIssue, type TrackedIssue, type WritePolicy } from './issue-writer.ts';
import type { GitHubClient } from './octokit.ts';

export type { IssueChange, NewIssue, TrackedIssue } from './issue-writer.ts';

/**
 * What leak response needs of an issue tracker; tests use an in-memory one that keeps state.
 * Issues are found by the hidden marker keyguard writes on the first line of their body, and only
 * among the issues keyguard itself opened: anyone can write a marker.
 */
export interface IssueTracker extends MarkedStore {
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
  /** Labels made sure of in this run: one look each, however many issues are opened. */
  readonly #labels = new Set<string>();

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

  async findByMarker(marker: string, options: { fresh?: boolean } = {}): Promise<TrackedIssue | undefined> {
    return (await this.#load(options.fresh)).get(marker);
  }

  /** Every issue keyguard's identity wrote with a marker of `kind` (forged markers left out, as above). */
  async list(kind: MarkerKind): Promise<TrackedIssue[]> {
    return [...(await this.#load()).entries()].filter(([m]) => m.startsWith(`<!-- keyguard:v1 ${kind} `)).map(([, i]) => i);
  }

  /** One request, never retried (octokit.ts): the issue writer looks for a lost answer's issue. */
  async create(issue: NewIssue): Promise<TrackedIssue> {
    const { data } = await this.#octokit.rest.issues.create({ ...this.#repo, title: issue.title, body: fitBody(issue.body), labels: [...issue.labels], ...(issue.assignees.length ? { assignees: [...issue.assignees] } : {}) });
    const tracked: TrackedIssue = { number: data.number, title: data.title, body: data.body ?? '', state: 'open', url: data.html_url };
    const marker = markerOf(issue.body);
    if (marker) (await this.#load()).set(marker, tracked);
    return tracked;
  }

  async update(number: number, change: IssueChange): Promise<void> {
    await this.#octokit.rest.issues.update({ ...this.#repo, issue_number: number, ...change, ...(change.body !== undefined ? { body: fitBody(change.body) } : {}) });
  }

  async comment(number: number, body: string): Promise<void> {
    await this.#octokit.rest.issues.createComment({ ...this.#repo, issue_number: number, body: fitBody(body) });
  }

  async ensureLabel(name: string, color: string, description: string): Promise<void> {
    if (this.#labels.has(name)) return;
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
    this.#labels.add(name);
  }
}

/**
 * The comments of one pull request (conversation comments are issue comments), as a store for the
 * issue writer: only comments keyguard's own identity wrote count, listed afresh on each look. A
 * comment has no title and no state: its id stands for the number.
 */
export class PullRequestComments implements MarkedStore {
  readonly #octokit: GitHubClient;
  readonly #repo: RepoRef;
  readonly #pullNumber: number;
  #author: Promise<string> | undefined;

  constructor(octokit: GitHubClient, repo: RepoRef, pullNumber: number) {
    this.#octokit = octokit;
    this.#repo = repo;
    this.#pullNumber = pullNumber;
  }

  async findByMarker(marker: string): Promise<TrackedIssue | undefined> {
    this.#author ??= ownLogin(this.#octokit);
    const author = await this.#author;
    const comments = await this.#octokit.paginate(this.#octokit.rest.issues.listComments, { ...this.#repo, issue_number: this.#pullNumber, per_page: 100 });
    const mine = comments.find((c) => c.user?.login === author && markerOf(c.body) === marker);
    return mine && { number: mine.id, title: '', body: mine.body ?? '', state: 'open', url: mine.html_url };
  }

  async create(comment: NewIssue): Promise<TrackedIssue> {
    const { data } = await this.#octokit.rest.issues.createComment({ ...this.#repo, issue_number: this.#pullNumber, body: fitBody(comment.body) });
    return { number: data.id, title: '', body: data.body ?? '', state: 'open', url: data.html_url };
  }

  async update(commentId: number, change: IssueChange): Promise<void> {
    if (change.body !== undefined) await this.#octokit.rest.issues.updateComment({ ...this.#repo, comment_id: commentId, body: fitBody(change.body) });
  }
}

/** Opened only when there is something to say; rewritten on every run, unchanged or not: its edit time shows the latest check. */
export const pullRequestCommentPolicy = (open: boolean): WritePolicy => ({ open, always: true });

/**
 * Creates or updates (in place) the one keyguard comment on a pull request: the comment with the
 * marker that keyguard's own identity wrote; a comment anyone else wrote with the marker is left
 * alone. `updateOnly`: only an earlier comment is updated (a clean pull request stays quiet).
 */
export async function upsertPullRequestComment(octokit: GitHubClient, repo: RepoRef, pullNumber: number, body: string, updateOnly = false): Promise<'created' | 'updated' | 'none'> {
  const marker = markerOf(body);
  if (!marker) throw new Error('bug: a keyguard comment must start with its marker');
  const out = await writeMarked(new PullRequestComments(octokit, repo, pullNumber), marker, () => ({ title: '', body }), pullRequestCommentPolicy(!updateOnly));
  return out.action === 'created' ? 'created' : out.action === 'none' ? 'none' : 'updated';
}
