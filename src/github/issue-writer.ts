import { scrubSecrets } from '../detect/index.ts';
import { fitBody } from '../text/body-limit.ts';
import { markerOf } from '../text/marker.ts';

/** What keyguard wrote and finds again by its marker: an issue, or a comment (no title, always open). */
export interface TrackedIssue {
  /** The issue number; a comment's id. */
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

export interface IssueChange {
  readonly title?: string;
  readonly body?: string;
  readonly state?: 'open' | 'closed';
}

/**
 * Where keyguard's marked writing lives: a repository's issues, or one pull request's comments.
 * A store holds only what keyguard's own identity wrote (issue 11): anyone can write a marker, and
 * a forged one is neither found nor edited.
 */
export interface MarkedStore {
  /** `fresh`: ask GitHub again rather than what this run already listed (after a lost create answer). */
  findByMarker(marker: string, options?: { fresh?: boolean }): Promise<TrackedIssue | undefined>;
  create(issue: NewIssue): Promise<TrackedIssue>;
  update(number: number, change: IssueChange): Promise<void>;
  comment?(number: number, body: string): Promise<void>;
  ensureLabel?(name: string, color: string, description: string): Promise<void>;
}

/** What a caller renders, given what keyguard wrote before under the marker (if anything). */
export interface Rendered {
  readonly title: string;
  readonly body: string;
  /** Said as a comment on an existing issue (a leak's new places): news people are notified of. Comments get none. */
  readonly comment?: string;
}

/** How one kind of issue or comment is kept: each caller's whole difference from the others. */
export interface WritePolicy {
  /** Open one when keyguard has none yet; false stays quiet (a clean audit, a clean pull request). */
  readonly open: boolean;
  /** Asked just before opening one: false defers it to the next run (a per-run budget). */
  readonly budget?: () => boolean;
  /** Labels of a new issue, created first with this colour and description when missing. */
  readonly labels?: { readonly names: readonly string[]; readonly color: string; readonly description: string };
  readonly assignees?: readonly string[];
  /** An existing one gets the new title too; otherwise the title its team may have edited stays. */
  readonly retitle?: boolean;
  /** The state an existing one is set to: `open` reopens, `closed` closes; unset leaves it. */
  readonly state?: 'open' | 'closed';
  /** Write an unchanged body too (the pull request comment: its edit time shows the latest run). */
  readonly always?: boolean;
  /** The note that ends a body cut to GitHub's limit (default: lines left out). */
  readonly more?: (omitted: number) => string;
  /** The marker of an earlier one to close once this one is written (last period's report). */
  readonly closes?: string;
}

/** `none`: nothing to say and nothing said before; `deferred`: over the run's budget. `closed`: the earlier one closed. */
export type WriteOutcome<R extends Rendered> = (
  | { readonly action: 'created' | 'updated' | 'commented' | 'unchanged'; readonly issue: TrackedIssue; readonly rendered: R }
  | { readonly action: 'none' | 'deferred'; readonly issue?: undefined }
) & { readonly closed?: number };

/** The labels of `policy`, made sure of: before any create, and up front by a run that should fail early. */
export async function ensureLabels(store: MarkedStore, policy: Pick<WritePolicy, 'labels'>): Promise<void> {
  for (const name of policy.labels?.names ?? []) await store.ensureLabel?.(name, policy.labels!.color, policy.labels!.description);
}

/**
 * The one issue writer: finds keyguard's own issue or comment by `marker`, renders it (with the
 * earlier body, if any), fits the body within GitHub's limit, and creates or updates it as
 * `policy` says. A create is never retried blindly: GitHub may have processed one whose answer
 * was lost (a 502, a dropped connection), so after a failed create the store is asked again by
 * marker and what did land is adopted (octokit.ts turns the retry plugin off for creates).
 */
export async function writeMarked<R extends Rendered>(store: MarkedStore, marker: string, render: (previous: TrackedIssue | undefined) => R, policy: WritePolicy): Promise<WriteOutcome<R>> {
  const existing = await store.findByMarker(marker);
  const draw = () => {
    // Text from elsewhere goes into bodies (paths, project and key names from the API): the last
    // word on keys is here, where every issue and comment leaves for GitHub.
    const drawn = render(existing);
    const rendered = { ...drawn, title: scrubSecrets(drawn.title), ...(drawn.comment !== undefined ? { comment: scrubSecrets(drawn.comment) } : {}) };
    const body = fitBody(scrubSecrets(drawn.body), policy.more ? { more: policy.more } : {});
    if (markerOf(body) !== marker) throw new Error(`bug: a keyguard body must start with its marker ${marker}`);
    return { rendered, body };
  };
  let outcome: WriteOutcome<R>;
  if (!existing) {
    if (!policy.open) outcome = { action: 'none' };
    else if (policy.budget && !policy.budget()) outcome = { action: 'deferred' };
    else {
      const { rendered, body } = draw();
      outcome = { action: 'created', issue: await createOnce(store, marker, { title: rendered.title, body, labels: policy.labels?.names ?? [], assignees: policy.assignees ?? [] }, policy), rendered };
    }
  } else {
    const { rendered, body } = draw();
    const change: IssueChange = { ...(policy.retitle ? { title: rendered.title } : {}), body, ...(policy.state ? { state: policy.state } : {}) };
    const same = existing.body === body && (!policy.retitle || existing.title === rendered.title) && (!policy.state || existing.state === policy.state);
    let action: 'updated' | 'commented' | 'unchanged' = 'unchanged';
    if (!same || policy.always) {
      await store.update(existing.number, change);
      action = 'updated';
    }
    if (rendered.comment && store.comment) {
      await store.comment(existing.number, rendered.comment);
      action = 'commented';
    }
    outcome = { action, issue: existing, rendered };
  }
  const closed = policy.closes ? await closeEarlier(store, policy.closes) : undefined;
  return closed === undefined ? outcome : { ...outcome, closed };
}

async function createOnce(store: MarkedStore, marker: string, issue: NewIssue, policy: WritePolicy): Promise<TrackedIssue> {
  await ensureLabels(store, policy);
  try {
    return await store.create(issue);
  } catch (e) {
    const landed = await store.findByMarker(marker, { fresh: true }).catch(() => undefined);
    if (landed) return landed;
    throw e;
  }
}

async function closeEarlier(store: MarkedStore, marker: string): Promise<number | undefined> {
  const earlier = await store.findByMarker(marker);
  if (earlier?.state !== 'open') return undefined;
  await store.update(earlier.number, { state: 'closed' });
  return earlier.number;
}
