import { iso, readKeyUsage, totals, useOf, type UsageSource } from '../exposure/exposure.ts';
import { exposureTable } from '../exposure/render.ts';
import type { TrackedIssue } from '../github/issue-tracker.ts';
import { writeMarked, type MarkedStore, type WritePolicy } from '../github/issue-writer.ts';
import { markerOf } from '../text/marker.ts';
import type { Logger } from '../logger.ts';
import { code } from '../text/markdown.ts';
import { factsOf, watchText, withFacts, withSection, type Facts, type WatchFacts } from '../respond/leak-issue.ts';

const DAY = 86_400;
const ID = /^[A-Za-z0-9_-]{1,100}$/;

/** The watch revisits keyguard's own leak issues (listed by marker and author): it never opens one, and keeps the title. */
export const WATCH_POLICY: WritePolicy = { open: false };

/** What the watch needs of the issue tracker: keyguard's own leak issues, and the issue writer's store. */
export interface WatchTracker extends MarkedStore {
  list(kind: 'leak'): Promise<TrackedIssue[]>;
}

/** What the watch needs of the organization: whether records exist and their `last_used_at`. */
export interface WatchOrganization extends UsageSource {
  projectKeys(projectId: string): Promise<readonly { id: string; lastUsedAt: number | null }[]>;
  adminKeys(): Promise<readonly { id: string; lastUsedAt: number | null }[]>;
}

export interface WatchSettings {
  readonly mention: string | undefined;
  /** Days a revoked key must stay unused before its issue is called closable. */
  readonly quietDays: number;
}

export type WatchOutcome =
  | { readonly issue: number; readonly type: 'unchanged' | 'updated' | 'used' | 'closable'; readonly keyId: string; readonly watch: WatchFacts }
  | { readonly issue: number; readonly type: 'skipped'; readonly reason: string };

interface Watched {
  readonly issue: TrackedIssue;
  readonly facts: Facts;
  readonly keyId: string;
  readonly projectId: string | null;
  /** Unix seconds: counting starts on this UTC day. */
  readonly from: number;
}

/** Record id → `last_used_at` of the records that still exist; `failed`: ids whose records could not be read this run. */
async function recordsOf(org: WatchOrganization, watched: readonly Watched[], logger: Logger): Promise<Map<string, number | null> & { failed: Set<string> }> {
  const out = Object.assign(new Map<string, number | null>(), { failed: new Set<string>() });
  const read = async (what: string, ids: readonly string[], fn: () => Promise<readonly { id: string; lastUsedAt: number | null }[]>) => {
    try {
      for (const r of await fn()) out.set(r.id, r.lastUsedAt);
    } catch (e) {
      // A deleted project answers 404: its keys are gone. Anything else is not known this run.
      if ((e as { status?: number }).status === 404) return;
      logger.warning(`keyguard: watch could not read ${what}: ${e instanceof Error ? e.message : String(e)}`);
      for (const id of ids) out.failed.add(id);
    }
  };
  const projects = new Map<string, string[]>();
  for (const w of watched) if (w.projectId) (projects.get(w.projectId) ?? projects.set(w.projectId, []).get(w.projectId)!).push(w.keyId);
  const admin = watched.filter((w) => !w.projectId).map((w) => w.keyId);
  await Promise.all([...[...projects].map(([p, ids]) => read(`the keys of ${p}`, ids, () => org.projectKeys(p))), ...(admin.length ? [read('the admin keys', admin, () => org.adminKeys())] : [])]);
  return out;
}

/**
 * Leak watch: revisits every open leak issue keyguard wrote, from the record ids in its hidden
 * facts (never the key, never a rescan). Writes only when something is new: the key was used since
 * the last check (one comment, with the mention), its record disappeared or came back, or it became
 * closable (revoked and quiet for `quietDays`). A run with nothing new sends no write.
 */
export async function watchLeaks(tracker: WatchTracker, org: WatchOrganization, settings: WatchSettings, logger: Logger, now: number): Promise<WatchOutcome[]> {
  const outcomes: WatchOutcome[] = [];
  const watched: Watched[] = [];
  const today = Math.floor(now / DAY) * DAY;
  for (const issue of (await tracker.list('leak')).filter((i) => i.state === 'open')) {
    const facts = factsOf(issue.body);
    const m = facts?.match;
    if (!facts || m?.type !== 'matched') {
      outcomes.push({ issue: issue.number, type: 'skipped', reason: 'no OpenAI record is known for this key' });
      continue;
    }
    // Whoever may edit issues can edit keyguard's hidden facts: ids go into request paths only in their own shape.
    if (!ID.test(m.keyId) || (m.projectId !== null && !ID.test(m.projectId))) {
      outcomes.push({ issue: issue.number, type: 'skipped', reason: 'its facts do not hold a record id' });
      continue;
    }
    const from = facts.watch ? Date.parse(facts.watch.from) / 1000 : facts.exposure ? Date.parse(facts.exposure.from) / 1000 : today;
    watched.push({ issue, facts, keyId: m.keyId, projectId: m.projectId, from });
  }
  if (watched.length === 0) return outcomes;

  const records = await recordsOf(org, watched, logger);
  const projectKeys = watched.filter((w) => w.projectId);
  const read = projectKeys.length
    ? await readKeyUsage(org, { start: Math.min(...projectKeys.map((w) => w.from)), end: now }, [...new Set(projectKeys.map((w) => w.keyId))], [...new Set(projectKeys.map((w) => w.projectId!))])
    : { usage: [], costs: [] };

  for (const w of watched) {
    if (records.failed.has(w.keyId)) {
      outcomes.push({ issue: w.issue.number, type: 'skipped', reason: 'the organization could not be read' });
      continue;
    }
    const previous = w.facts.watch;
    const exists = records.has(w.keyId);
    const use = w.projectId ? useOf(read, { keyId: w.keyId, projectId: w.projectId }, { start: w.from, end: now }) : undefined;
    // A deleted record no longer tells its last use: keep what was last seen.
    const recordUse = exists ? records.get(w.keyId) ?? null : null;
    const lastUsed = recordUse !== null ? iso(recordUse) : (previous?.lastUsedAt ?? w.facts.exposure?.lastUsedAt ?? null);
    // Last seen in use: its `last_used_at`, the end of its last day with requests, or an earlier check's.
    const seen = [lastUsed, previous?.lastActiveAt].filter((t): t is string => !!t).map((t) => Date.parse(t) / 1000);
    if (use?.lastActiveDay != null) seen.push(Math.min(use.lastActiveDay + DAY, now));
    const lastActive = seen.length ? Math.max(...seen) : null;
    const closable = !exists && (lastActive === null || now - lastActive >= settings.quietDays * DAY);
    const watch: WatchFacts = { checkedAt: iso(now), recordExists: exists, lastUsedAt: lastUsed, from: iso(w.from), requests: use?.requests ?? 0, lastActiveAt: lastActive === null ? null : iso(lastActive), closable, quietDays: settings.quietDays };

    const before = previous ?? (w.facts.exposure ? { requests: w.facts.exposure.requests, lastUsedAt: w.facts.exposure.lastUsedAt, recordExists: true, closable: false } : undefined);
    // ISO 8601 strings of one format compare as the times they name.
    const used = before !== undefined && (watch.requests > before.requests || (lastUsed !== null && (before.lastUsedAt === null || lastUsed > before.lastUsedAt)));
    const news = !before || used || exists !== before.recordExists || closable !== before.closable;
    if (!news) {
      outcomes.push({ issue: w.issue.number, type: 'unchanged', keyId: w.keyId, watch: previous ?? watch });
      continue;
    }
    const exposure = w.facts.exposure && use ? { ...w.facts.exposure, ...totals(use), until: iso(now), lastUsedAt: lastUsed } : w.facts.exposure;
    let body = withSection(w.issue.body, 'watch', watchText(watch));
    if (exposure) body = withSection(body, 'exposure', `### Use since exposure\n\n${exposureTable(exposure)}`);
    body = withFacts(body, { ...w.facts, ...(exposure ? { exposure } : {}), watch });
    const key = `${code(w.keyId)}${w.projectId ? ` of ${code(w.projectId)}` : ''}`;
    const since = previous?.checkedAt ?? w.facts.exposure?.until;
    const comment = used
      ? `${settings.mention ? `${settings.mention} ` : ''}keyguard leak watch: key ${key} was used since the last check${since ? ` (${since.slice(0, 10)})` : ''}: ${(watch.requests - (before?.requests ?? 0)).toLocaleString('en-US')} more requests (${watch.requests.toLocaleString('en-US')} since ${watch.from.slice(0, 10)}), last used ${lastUsed ? lastUsed.slice(0, 10) : 'unknown'}. ${exists ? 'The key still exists: revoke it.' : 'Its record is gone, yet usage was counted: check the project.'}`
      : closable && !before?.closable
        ? `keyguard leak watch: key ${key} is revoked and has not been used for at least ${settings.quietDays} days. This issue can be closed once the checklist is done.`
        : undefined;
    await writeMarked(tracker, markerOf(w.issue.body)!, () => ({ title: w.issue.title, body, ...(comment ? { comment } : {}) }), WATCH_POLICY);
    outcomes.push({ issue: w.issue.number, type: used ? 'used' : closable ? 'closable' : 'updated', keyId: w.keyId, watch });
  }
  return outcomes;
}
