import type { KeyKind, SecretValue } from '../detect/index.ts';
import type { IssueTracker } from '../github/issue-tracker.ts';
import type { Logger } from '../logger.ts';
import { matchKey } from '../openai/match.ts';
import type { KeyRevoker } from '../openai/revoke.ts';
import type { Inventory, KeyMatch, Liveness } from '../openai/types.ts';
import type { Finding, KeyResponse, KeyStatus, MatchSummary, ScanResult } from '../scan/finding.ts';
import { renderLeakIssue, type LeakGroup, type RepoContext } from './leak-issue.ts';

export type RevokePolicy = 'off' | 'live' | 'all';

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
  /** The organization, read once, lazily, and a revoker over it. */
  readonly openai?: { inventory(): Promise<Inventory>; revoker(inventory: Inventory): KeyRevoker };
  readonly tracker?: IssueTracker;
}

export interface RespondSummary {
  readonly keys: number;
  readonly live: number;
  readonly revoked: number;
  readonly issuesOpened: number;
  readonly issuesDeferred: number;
  readonly notes: readonly string[];
}

const LABEL_COLOR = 'b60205';

function summarize(m: KeyMatch, inventory: Inventory): MatchSummary {
  if (m.type === 'not-found') return m;
  if (m.type === 'ambiguous') return { type: 'ambiguous', keyIds: m.records.map((r) => r.id) };
  const r = m.record;
  if (r.type === 'admin_key') return { type: 'matched', recordType: 'admin_key', keyId: r.id, projectId: null, projectName: null, owner: r.ownerName ?? 'unknown' };
  const project = inventory.projects.find((p) => p.id === r.projectId);
  return {
    type: 'matched',
    recordType: 'project_key',
    keyId: r.id,
    projectId: r.projectId,
    projectName: project?.name ?? null,
    owner: r.owner.type === 'user' ? `${r.owner.name} (user${r.ownerHasAccess ? '' : ', no longer in the project'})` : `${r.owner.name} (service account)`,
  };
}

/**
 * Leak response for what a scan found, one key at a time: is it live, whose is it, revoke it
 * (only when asked, only a matched key), and one issue per key, found again by its marker.
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

  if (settings.issues && deps.tracker && groups.size > 0) {
    for (const label of settings.issues.labels) await deps.tracker.ensureLabel(label, LABEL_COLOR, 'Raised by keyguard: a leaked OpenAI API key');
  }

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
        const eligible = settings.revoke === 'all' || (settings.revoke === 'live' && response.liveness?.status === 'live');
        if (settings.revoke !== 'off' && response.liveness?.status === 'revoked') {
          response = { ...response, revocation: { type: 'already-gone', action: 'the key no longer works' } };
        } else if (eligible) {
          const outcome = await deps.openai.revoker(inv).revoke(secret.reveal(), match, { dryRun: settings.dryRun });
          response = { ...response, revocation: outcome };
          if (outcome.type === 'revoked') {
            revoked++;
            response = { ...response, liveness: { status: 'revoked', rule: `revoked by keyguard (${outcome.action})` } };
          }
          logger.info(`keyguard: ${redacted}: ${outcome.type}${'action' in outcome ? ` (${outcome.action})` : 'reason' in outcome ? ` (${outcome.reason})` : ` (${outcome.error})`}`);
        } else if (settings.revoke === 'live') {
          response = { ...response, revocation: { type: 'refused', reason: response.liveness ? `it is ${response.liveness.status}, and revoke is set to live keys only` : 'liveness was not checked (verify is off), and revoke is set to live keys only' } };
        }
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        logger.warning(`keyguard: could not look up or revoke ${redacted}: ${message}`);
        if (settings.revoke !== 'off') response = { ...response, revocation: { type: 'failed', error: message } };
      }
    }
    if (settings.issues && deps.tracker) {
      response = { ...response, issue: await fileIssue(deps.tracker, { fingerprint, kind, redacted, findings, response }, settings, () => opened < settings.issues!.maxNew, logger) };
      if (response.issue?.action === 'created') opened++;
      if (response.issue?.action === 'deferred') deferred++;
    }
    responses.set(fingerprint, response);
  }
  if (deferred > 0) notes.push(`${deferred} issue(s) not opened this run: at most ${settings.issues?.maxNew} new issues a run (GitHub limits content creation); the next run opens them.`);

  const findings = result.findings.map((f) => {
    const response = responses.get(f.fingerprint)!;
    const status: KeyStatus = response.liveness?.status ?? 'unverified';
    return { ...f, status, response };
  });
  const live = [...responses.values()].filter((r) => r.liveness?.status === 'live').length;
  return { result: { ...result, findings }, summary: { keys: groups.size, live, revoked, issuesOpened: opened, issuesDeferred: deferred, notes } };
}

export async function fileIssue(tracker: IssueTracker, group: LeakGroup, settings: Pick<RespondSettings, 'issues' | 'repo'>, mayOpen: () => boolean, logger: Logger): Promise<NonNullable<KeyResponse['issue']>> {
  const issues = settings.issues!;
  try {
    const marker = renderLeakIssue(group, settings.repo, issues.mention).body.split('\n', 1)[0]!;
    const existing = await tracker.findByMarker(marker);
    if (!existing) {
      if (!mayOpen()) return { number: null, url: null, action: 'deferred' };
      const { title, body } = renderLeakIssue(group, settings.repo, issues.mention);
      const created = await tracker.create({ title, body, labels: issues.labels, assignees: issues.assignees });
      logger.info(`keyguard: opened issue #${created.number} for ${group.redacted}`);
      return { number: created.number, url: created.url, action: 'created' };
    }
    const next = renderLeakIssue(group, settings.repo, issues.mention, existing.body);
    let action: 'updated' | 'commented' | 'unchanged' = 'unchanged';
    if (next.body !== existing.body) {
      await tracker.update(existing.number, { body: next.body });
      action = 'updated';
    }
    if (next.newPlaces.length > 0) {
      await tracker.comment(existing.number, [`keyguard found ${group.redacted} again, in ${next.newPlaces.length} new place${next.newPlaces.length === 1 ? '' : 's'}:`, '', ...next.newPlaces].join('\n'));
      action = 'commented';
    }
    return { number: existing.number, url: existing.url, action };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    logger.warning(`keyguard: could not file the issue for ${group.redacted}: ${message}`);
    return { number: null, url: null, action: 'failed', error: message };
  }
}
