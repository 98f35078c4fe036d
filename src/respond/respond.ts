import type { KeyKind, SecretValue } from '../detect/index.ts';
import type { ExposedKey, Exposure } from '../exposure/exposure.ts';
import { moreInReport } from '../text/body-limit.ts';
import type { IssueTracker } from '../github/issue-tracker.ts';
import { ensureLabels, writeMarked, type WritePolicy } from '../github/issue-writer.ts';
import { markerLine } from '../text/marker.ts';
import type { Logger } from '../logger.ts';
import { matchKey } from '../openai/match.ts';
import type { Proof } from '../openai/proof.ts';
import type { KeyRevoker } from '../openai/revoke.ts';
import type { Inventory, KeyMatch, KeyRecord, Liveness, RevokeOutcome } from '../openai/types.ts';
import type { Finding, KeyResponse, KeyStatus, MatchSummary, ScanResult } from '../scan/finding.ts';
import { renderLeakIssue, type LeakGroup, type RepoContext } from './leak-issue.ts';
import { count } from '../text/count.ts';

export type RevokePolicy = 'off' | 'live';

export interface RespondSettings {
  readonly verify: boolean;
  readonly revoke: RevokePolicy;
  readonly dryRun: boolean;
  readonly issues: {
    readonly labels: readonly string[];
    readonly assignees: readonly string[];
    readonly mention: string | undefined;
    /** Issues opened at most per run; the rest are deferred to the next run and said so. */
    readonly maxNew: number;
  } | null;
  readonly repo: RepoContext;
}

/** The outside world leak response talks to; each part is optional and absent means "not enabled". */
export interface RespondDeps {
  readonly logger: Logger;
  readonly liveness?: (secret: SecretValue, kind: KeyKind) => Promise<Liveness>;
  /**
   * The organization, read once, lazily; the proof that a found key is one of its records (made
   * with the found key itself); and a revoker over it.
   */
  readonly openai?: { inventory(): Promise<Inventory>; prove(secret: SecretValue, kind: KeyKind, candidates: readonly KeyRecord[]): Promise<Proof>; revoker(inventory: Inventory): KeyRevoker };
  readonly tracker?: IssueTracker;
  /** Usage since exposure of the keys matched to project key records (admin key only), in one read. */
  readonly exposure?: (keys: readonly ExposedKey[]) => Promise<Map<string, Exposure>>;
  /** Unix seconds; the exposure of a key found only in the working tree starts now. */
  readonly now?: () => number;
}

export interface RespondSummary {
  readonly keys: number;
  readonly live: number;
  readonly revoked: number;
  readonly issuesOpened: number;
  readonly issuesDeferred: number;
  /** Secret scanning alerts resolved as revoked, when alerts were read. */
  readonly alertsResolved?: number;
  readonly notes: readonly string[];
}

/** Leak issues' labels: red, as a leak is. */
export const leakLabels = (names: readonly string[]): NonNullable<WritePolicy['labels']> => ({ names, color: 'b60205', description: 'Raised by keyguard: a leaked OpenAI API key' });

function summarize(m: KeyMatch, inventory: Inventory, proven?: string): MatchSummary {
  if (m.type === 'not-found') return m;
  if (m.type === 'ambiguous') return { type: 'ambiguous', keyIds: m.records.map((r) => r.id) };
  const r = m.record;
  const how = proven ? { proven } : {};
  if (r.type === 'admin_key') return { type: 'matched', recordType: 'admin_key', keyId: r.id, projectId: null, projectName: null, owner: r.ownerName ?? 'unknown', ...how };
  const project = inventory.projects.find((p) => p.id === r.projectId);
  return {
    type: 'matched',
    recordType: 'project_key',
    keyId: r.id,
    projectId: r.projectId,
    projectName: project?.name ?? null,
    owner: r.owner.type === 'user' ? `${r.owner.name} (user${r.ownerHasAccess ? '' : ', no longer in the project'})` : `${r.owner.name} (service account)`,
    ...how,
  };
}

/**
 * Leak response for what a scan found, one key at a time: is it live, whose is it, revoke it
 * (only when asked, only a key proven live and to be one exact record), and one issue per key,
 * found again by its marker.
 * Returns the result with every finding's `status` and `response` filled in.
 */
export async function respond(result: ScanResult, settings: RespondSettings, deps: RespondDeps): Promise<{ result: ScanResult; summary: RespondSummary }> {
  const { logger } = deps;
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) (groups.get(f.fingerprint) ?? groups.set(f.fingerprint, []).get(f.fingerprint)!).push(f);
  let inventory: Promise<Inventory> | undefined;
  const responses = new Map<string, KeyResponse>();
  const notes: string[] = [];
  let opened = 0;
  let deferred = 0;
  let revoked = 0;
  const now = Math.floor(deps.now?.() ?? Date.now() / 1000);
  const exposed: (ExposedKey & { fingerprint: string })[] = [];

  // Before any key is acted on: an unreachable GitHub fails the run first.
  if (settings.issues && deps.tracker && groups.size > 0) await ensureLabels(deps.tracker, { labels: leakLabels(settings.issues.labels) });

  for (const [fingerprint, findings] of groups) {
    const { secret, kind, redacted } = findings[0]!;
    let response: KeyResponse = {};
    if (settings.verify && deps.liveness) {
      const l = await deps.liveness(secret, kind);
      response = { ...response, liveness: l.status === 'unknown' ? { status: l.status, rule: l.rule, reason: l.reason } : { status: l.status, rule: l.rule } };
    }
    if (deps.openai) {
      try {
        inventory ??= deps.openai.inventory();
        const inv = await inventory;
        const match = matchKey(secret.reveal(), kind, inv);
        response = { ...response, match: summarize(match, inv) };
        let record = match.type === 'matched' ? match.record : undefined;
        if (settings.revoke === 'live') {
          const decided = await revokeIfProven(secret, kind, match, response.liveness, settings.dryRun, inv, deps.openai);
          if (decided.proven) response = { ...response, match: summarize({ type: 'matched', record: decided.proven.record }, inv, decided.proven.rule) };
          if (decided.proven) record = decided.proven.record;
          response = { ...response, revocation: decided.outcome };
          if (decided.outcome.type === 'revoked') revoked++;
          const o = decided.outcome;
          logger.info(`keyguard: ${redacted}: ${o.type}${'action' in o ? ` (${o.action})` : 'reason' in o ? ` (${o.reason})` : ` (${o.error})`}`);
        }
        // The usage API knows project keys by id; admin keys make no model requests.
        if (record?.type === 'project_key') exposed.push({ fingerprint, keyId: record.id, projectId: record.projectId, since: exposedSince(findings, now), lastUsedAt: record.lastUsedAt });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        logger.warning(`keyguard: could not look up or revoke ${redacted}: ${message}`);
        if (settings.revoke !== 'off') response = { ...response, revocation: { type: 'failed', error: message } };
      }
    }
    responses.set(fingerprint, response);
  }

  if (deps.exposure && exposed.length > 0) {
    try {
      const measured = await deps.exposure(exposed);
      for (const e of exposed) {
        const m = measured.get(e.keyId);
        if (m) responses.set(e.fingerprint, { ...responses.get(e.fingerprint)!, exposure: m });
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      logger.warning(`keyguard: could not read the usage since exposure: ${message}`);
      notes.push(`Usage since exposure could not be read: ${message}`);
    }
  }

  if (settings.issues && deps.tracker) {
    const leaks = [...groups].map(([fingerprint, findings]) => ({ fingerprint, kind: findings[0]!.kind, redacted: findings[0]!.redacted, findings, response: responses.get(fingerprint)! }));
    const filed = await fileIssues(deps.tracker, leaks, settings.issues, settings.repo, logger);
    for (const [fingerprint, issue] of filed.issues) responses.set(fingerprint, { ...responses.get(fingerprint)!, issue });
    ({ opened, deferred } = filed);
  }
  if (deferred > 0) notes.push(`${count(deferred, 'issue')} not opened this run: at most ${settings.issues?.maxNew} new issues a run (GitHub limits content creation); the next run opens them.`);

  const findings = result.findings.map((f) => {
    const response = responses.get(f.fingerprint)!;
    // Live stays live in `response.liveness` (it was live when found); the finding says what it is now.
    const status: KeyStatus = response.revocation?.type === 'revoked' ? 'revoked' : (response.liveness?.status ?? 'unverified');
    return { ...f, status, response };
  });
  const live = [...responses.values()].filter((r) => r.liveness?.status === 'live').length;
  return { result: { ...result, findings }, summary: { keys: groups.size, live, revoked, issuesOpened: opened, issuesDeferred: deferred, notes } };
}

/** When a key was exposed: the author date of the first commit that added it; else (working tree, staged) now. */
function exposedSince(findings: readonly Finding[], now: number): number {
  // An alert gives the commit but not its date: GitHub's detection time bounds the exposure instead.
  const dates = findings.map((f) => (f.commit && f.git?.authorDate ? Date.parse(f.git.authorDate) / 1000 : f.alert ? Date.parse(f.alert.createdAt) / 1000 : NaN)).filter((t) => Number.isFinite(t));
  return dates.length ? Math.floor(Math.min(...dates)) : now;
}

/**
 * `revoke: live`: only a key found live, and proven to be one exact record of the organization.
 * Unknown liveness (429, 5xx, network) never revokes: the next run tries again.
 */
async function revokeIfProven(
  secret: SecretValue,
  kind: KeyKind,
  match: KeyMatch,
  liveness: KeyResponse['liveness'],
  dryRun: boolean,
  inventory: Inventory,
  openai: NonNullable<RespondDeps['openai']>,
): Promise<{ outcome: RevokeOutcome; proven?: Extract<Proof, { type: 'proven' }> }> {
  if (liveness?.status === 'revoked') return { outcome: { type: 'already-gone', action: 'the key no longer works' } };
  if (liveness?.status !== 'live') return { outcome: { type: 'refused', reason: liveness ? `it is ${liveness.status}, and only a key found live is revoked (the next run checks again)` : 'liveness was not checked (verify is off), and only a key found live is revoked' } };
  if (match.type === 'not-found') return { outcome: { type: 'refused', reason: 'no key of the organization shows its visible characters' } };
  const proof = await openai.prove(secret, kind, match.type === 'matched' ? [match.record] : match.records);
  if (proof.type === 'unproven') return { outcome: { type: 'unproven', reason: proof.reason, confirm: proof.confirm } };
  return { outcome: await openai.revoker(inventory).revoke(secret.reveal(), proof.record, { dryRun }), proven: proof };
}

/** Opened within the run's budget, labelled and assigned; the title stays as its team may have edited it. */
export function leakIssuePolicy(issues: Pick<NonNullable<RespondSettings['issues']>, 'labels' | 'assignees'>, budget: () => boolean): WritePolicy {
  return { open: true, budget, labels: leakLabels(issues.labels), assignees: issues.assignees };
}

type IssueResult = NonNullable<KeyResponse['issue']>;

/**
 * One issue per leaked key, found again by its marker: opened (at most `maxNew` a run, the rest
 * deferred), its facts and places updated, and a comment when the key turns up in new places.
 */
export async function fileIssues(tracker: IssueTracker, groups: readonly LeakGroup[], issues: NonNullable<RespondSettings['issues']>, repo: RepoContext, logger: Logger): Promise<{ issues: Map<string, IssueResult>; opened: number; deferred: number }> {
  const filed = new Map<string, IssueResult>();
  let opened = 0;
  let deferred = 0;
  const policy = leakIssuePolicy(issues, () => opened < issues.maxNew);
  for (const group of groups) {
    const issue = await fileIssue(tracker, group, issues.mention, repo, policy, logger);
    if (issue.action === 'created') opened++;
    if (issue.action === 'deferred') deferred++;
    filed.set(group.fingerprint, issue);
  }
  return { issues: filed, opened, deferred };
}

async function fileIssue(tracker: IssueTracker, group: LeakGroup, mention: string | undefined, repo: RepoContext, policy: WritePolicy, logger: Logger): Promise<IssueResult> {
  try {
    const out = await writeMarked(
      tracker,
      markerLine('leak', group.fingerprint),
      (previous) => {
        const { title, body, newPlaces } = renderLeakIssue(group, repo, mention, previous?.body);
        return { title, body, ...(newPlaces.length ? { comment: foundAgain(group.redacted, newPlaces) } : {}) };
      },
      policy,
    );
    if (!out.issue) return { number: null, url: null, action: 'deferred' };
    if (out.action === 'created') logger.info(`keyguard: opened issue #${out.issue.number} for ${group.redacted}`);
    return { number: out.issue.number, url: out.issue.url, action: out.action };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    logger.warning(`keyguard: could not file the issue for ${group.redacted}: ${message}`);
    return { number: null, url: null, action: 'failed', error: message };
  }
}

function foundAgain(redacted: string, places: readonly string[]): string {
  const n = places.length;
  return [`keyguard found ${redacted} again, in ${count(n, 'new place')}:`, '', ...places.slice(0, 20), ...(n > 20 ? ['', moreInReport(n - 20, 'place')] : [])].join('\n');
}
