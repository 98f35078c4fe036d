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
 * Issues are found by the hidden marker keyguard writes on the first line of their body.
 */
export interface IssueTracker {
  findByMarker(marker: string): Promise<TrackedIssue | undefined>;
  create(issue: NewIssue): Promise<TrackedIssue>;
  update(number: number, change: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<void>;
  comment(number: number, body: string): Promise<void>;
  ensureLabel(name: string, color: string, description: string): Promise<void>;
}

/** `<!-- keyguard:v1 leak 0123…cdef -->`: kind and id are keyguard's own, never user text. */
export function markerLine(kind: 'leak' | 'audit' | 'report' | 'pr', id: string): string {
  if (!/^[a-z0-9:._-]+$/i.test(id)) throw new Error(`bug: marker id ${JSON.stringify(id)} has unsafe characters`);
  return `<!-- keyguard:v1 ${kind} ${id} -->`;
}

/**
 * The marker of a body, read strictly from its first line only: bodies quote untrusted text
 * (paths, commit messages), and a marker planted further down must not hijack another issue.
 */
export function markerOf(body: string | null | undefined): string | undefined {
  const first = (body ?? '').split('\n', 1)[0]!.trim();
  return /^<!-- keyguard:v1 (?:leak|audit|report|pr) [a-z0-9:._-]+ -->$/i.test(first) ? first : undefined;
}

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

/**
 * Issues through the REST API. Existing issues are found by listing the keyguard label with
 * `state=all` once per run (paginated) and parsing markers, not through search: the search API
 * lags behind writes and allows 30 requests a minute.
 */
export class GitHubIssueTracker implements IssueTracker {
  readonly #octokit: GitHubClient;
  readonly #repo: RepoRef;
  readonly #label: string;
  #index: Map<string, TrackedIssue> | undefined;

  constructor(octokit: GitHubClient, repo: RepoRef, label: string) {
    this.#octokit = octokit;
    this.#repo = repo;
    this.#label = label;
  }

  async #load(): Promise<Map<string, TrackedIssue>> {
    if (this.#index) return this.#index;
    const index = new Map<string, TrackedIssue>();
    const issues = await this.#octokit.paginate(this.#octokit.rest.issues.listForRepo, { ...this.#repo, labels: this.#label, state: 'all', per_page: 100 });
    for (const i of issues) {
      if (i.pull_request) continue;
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

  async create(issue: NewIssue): Promise<TrackedIssue> {
    const { data } = await this.#octokit.rest.issues.create({ ...this.#repo, title: issue.title, body: issue.body, labels: [...issue.labels], ...(issue.assignees.length ? { assignees: [...issue.assignees] } : {}) });
    const tracked: TrackedIssue = { number: data.number, title: data.title, body: data.body ?? '', state: 'open', url: data.html_url };
    const marker = markerOf(issue.body);
    if (marker) (await this.#load()).set(marker, tracked);
    return tracked;
  }

  async update(number: number, change: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<void> {
    await this.#octokit.rest.issues.update({ ...this.#repo, issue_number: number, ...change });
  }

  async comment(number: number, body: string): Promise<void> {
    await this.#octokit.rest.issues.createComment({ ...this.#repo, issue_number: number, body });
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

/** Creates or updates (in place) the one keyguard comment on a pull request. */
export async function upsertPullRequestComment(octokit: GitHubClient, repo: RepoRef, pullNumber: number, body: string): Promise<'created' | 'updated'> {
  const marker = markerOf(body);
  if (!marker) throw new Error('bug: a keyguard comment must start with its marker');
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pullNumber, per_page: 100 });
  const mine = comments.find((c) => markerOf(c.body) === marker);
  if (mine) {
    await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
    return 'updated';
  }
  await octokit.rest.issues.createComment({ ...repo, issue_number: pullNumber, body });
  return 'created';
}
