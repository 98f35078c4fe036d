import type { IssueTracker, NewIssue, TrackedIssue } from '../../src/github/issue-tracker.ts';
import { markerOf } from '../../src/text/marker.ts';

/** An issue tracker that keeps its issues in memory: tests assert on state, not on calls. */
export class MemoryTracker implements IssueTracker {
  readonly issues: (TrackedIssue & { labels: readonly string[]; assignees: readonly string[]; comments: string[] })[] = [];
  readonly labels = new Set<string>();

  async findByMarker(marker: string) {
    return this.issues.find((i) => markerOf(i.body) === marker);
  }
  async create(issue: NewIssue) {
    const created = { number: this.issues.length + 1, title: issue.title, body: issue.body, state: 'open' as const, url: `https://github.test/o/r/issues/${this.issues.length + 1}`, labels: issue.labels, assignees: issue.assignees, comments: [] };
    this.issues.push(created);
    return created;
  }
  async update(number: number, change: { title?: string; body?: string; state?: 'open' | 'closed' }) {
    const i = this.issues.findIndex((x) => x.number === number);
    this.issues[i] = { ...this.issues[i]!, ...change };
  }
  async comment(number: number, body: string) {
    this.issues.find((x) => x.number === number)!.comments.push(body);
  }
  async ensureLabel(name: string) {
    this.labels.add(name);
  }
}
