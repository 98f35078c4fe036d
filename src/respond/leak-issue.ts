import { kindLabel, sha256Hex, type KeyKind } from '../detect/index.ts';
import { moreInReport } from '../text/body-limit.ts';
import { encodeFileNameComponent } from '../text/file-name.ts';
import { markerLine } from '../text/marker.ts';
import { exposureTable } from '../exposure/render.ts';
import { code, escapeMarkdown } from '../text/markdown.ts';
import { placePath, type Finding, type KeyResponse, type KeySource } from '../scan/finding.ts';

/** Where a report's links point: `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY` and, for the working tree, `GITHUB_SHA`. */
export interface RepoContext {
  readonly serverUrl: string;
  /** owner/name; without it places are not linked. */
  readonly repository: string | undefined;
  readonly sha: string | undefined;
}

/** Where a key was found; `repository` when the places span several repositories (org-wide runs). */
export type LeakPlace = Pick<Finding, 'file' | 'entry' | 'line' | 'commit' | 'git' | 'alert' | 'source'> & { readonly repository?: string };

/** One leaked key: every place it was found in this run, and what was done about it. */
export interface LeakGroup {
  readonly fingerprint: string;
  readonly kind: KeyKind;
  readonly redacted: string;
  readonly findings: readonly LeakPlace[];
  readonly response: KeyResponse;
}

interface Place {
  readonly id: string;
  readonly line: string;
}

export const section = (name: string, text: string) => `<!-- keyguard:v1 ${name} -->\n${text}\n<!-- /keyguard:v1 ${name} -->`;

export function sectionOf(body: string, name: string): string | undefined {
  const start = `<!-- keyguard:v1 ${name} -->\n`;
  const a = body.indexOf(start);
  const b = body.indexOf(`\n<!-- /keyguard:v1 ${name} -->`, a);
  return a === -1 || b === -1 ? undefined : body.slice(a + start.length, b);
}

/** A link to a file at a commit, with every path segment encoded (paths are untrusted). */
function permalink(ctx: RepoContext, repository: string, commit: string, file: string, line: number): string {
  const path = file
    .split('/')
    .map((s) => encodeFileNameComponent(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `${ctx.serverUrl}/${repository}/blob/${commit}/${path}${line > 0 ? `#L${line}` : ''}`;
}

function placesOf(group: LeakGroup, ctx: RepoContext): Place[] {
  const out = new Map<string, Place>();
  const add = (id: string, line: string) => out.set(id, { id, line });
  for (const f of group.findings) {
    const repository = f.repository ?? ctx.repository;
    const here = !f.repository || f.repository === ctx.repository;
    // The id of a finding's own place is what every earlier issue remembered: kept, so an issue
    // written before places were listed from history gets no comment about old news.
    const id = sha256Hex(`${f.repository ?? ''}\0${f.commit ?? ''}\0${f.file}\0${f.line}${f.alert ? `\0alert ${f.alert.number}` : ''}`).slice(0, 12);
    if (f.alert) {
      add(id, `- ${alertLink(f.alert)}${f.file ? `: ${code(`${f.file}:${f.line}`)}${f.commit ? ` in commit ${code(f.commit.slice(0, 12))}` : ''}` : ' (not in a file: an issue, pull request, discussion or wiki)'}`);
      continue;
    }
    // Inside an archive the line is the entry's: the link opens the archive. A message or a ref's
    // name is no file of the commit: the link opens the commit.
    const at = (commit: string | undefined, file: string, line: number, entry?: string, source?: KeySource) => {
      const shown = `${f.repository ? `${f.repository}: ` : ''}${placePath({ file, entry })}${line > 0 ? `:${line}` : ''}`;
      if (!commit || !repository) return code(shown);
      const link = source && source !== 'file-name' ? `${ctx.serverUrl}/${repository}/commit/${commit}` : permalink(ctx, repository, commit, file, entry === undefined ? line : 0);
      return `[${code(shown)}](${link})`;
    };
    if (!f.commit || !f.git) {
      add(id, `- ${at(f.commit ?? (here ? ctx.sha : undefined), f.file, f.line, f.entry)}${f.commit ? ` in commit ${code(f.commit.slice(0, 12))}` : ' in the working tree'}`);
      continue;
    }
    // A key still in the scanned tree is placed there, which may be another file than the one its
    // first commit added it to: that commit has no such file, so the tree's commit is linked.
    const first = f.git.firstAdded ? { ...f.git.firstAdded, commit: f.commit } : { commit: f.commit, file: f.file, entry: f.entry, line: f.line };
    const date = f.git.authorDate ? ` (${f.git.authorDate.slice(0, 10)})` : '';
    const inTree = f.git.atHead !== null && (first.file !== f.file || first.entry !== f.entry || first.line !== f.line);
    if (inTree) add(id, `- ${at(here ? ctx.sha : undefined, f.file, f.line, f.entry)} in the scanned tree`);
    const firstId = inTree ? sha256Hex(`${f.repository ?? ''}\0${first.commit}\0${first.file}\0${first.line}`).slice(0, 12) : id;
    const more = f.git.occurrences - Math.max(f.git.locations.length, 1);
    const firstSource = f.git.locations.find((l) => l.commit === first.commit && l.file === first.file)?.source ?? f.source;
    add(firstId, `- ${at(first.commit, first.file, first.line, first.entry, firstSource)} in commit ${code(first.commit.slice(0, 12))}${f.git.occurrences > 1 ? `, where it was first added${date}` : date}${more > 0 ? `; added ${f.git.occurrences} times in all` : ''}`);
    for (const l of f.git.locations) {
      if (!l.commit || (l.commit === first.commit && l.file === first.file)) continue;
      add(sha256Hex(`${f.repository ?? ''}\0${l.commit}\0${l.file}\0`).slice(0, 12), `- ${at(l.commit, l.file, 0, undefined, l.source)} in commit ${code(l.commit.slice(0, 12))}`);
    }
  }
  return [...out.values()];
}

/** A link to the alert when GitHub gave a plain https URL; its number alone otherwise. */
function alertLink(a: NonNullable<LeakPlace['alert']>): string {
  const text = `GitHub secret scanning alert #${a.number}`;
  return /^https:\/\/[^\s()<>\[\]]+$/.test(a.url) ? `[${text}](${a.url})` : text;
}

/** `live → revoked` when keyguard revoked a key it found live: it was live, and that is what counts. */
export function liveStatus(r: KeyResponse | undefined): string {
  if (!r?.liveness) return 'not checked';
  return r.liveness.status === 'live' && r.revocation?.type === 'revoked' ? 'live → revoked' : r.liveness.status;
}

export function describeLiveness(r: KeyResponse): string {
  if (!r.liveness) return 'not checked';
  const l = r.liveness;
  return `**${liveStatus(r)}** (${escapeMarkdown(l.rule)}${l.reason ? `: ${escapeMarkdown(l.reason)}` : ''})`;
}

export function describeMatch(r: KeyResponse): string {
  const m = r.match;
  if (!m) return 'not looked up (no admin key)';
  if (m.type === 'not-found') return 'no key of the organization matches';
  if (m.type === 'ambiguous') return `ambiguous: ${m.keyIds.map((k) => code(k)).join(', ')} all match`;
  const project = m.projectId ? `${m.projectName ? `${escapeMarkdown(m.projectName)} ` : ''}(${code(m.projectId)}), ` : '';
  return `${project}${m.recordType === 'admin_key' ? 'admin key' : 'key'} ${code(m.keyId)}, owner ${escapeMarkdown(m.owner)}${m.proven ? ` (proven: ${escapeMarkdown(m.proven)})` : ' (by its visible characters)'}`;
}

/** What an issue says of a key that showed a record's visible characters but was not proven to be it. */
export const UNPROVEN = 'matched by its visible characters only; not revoked';

export function describeRevocation(r: KeyResponse): string {
  const o = r.revocation;
  if (!o) return 'nothing: revocation is off (`revoke: off`)';
  switch (o.type) {
    case 'revoked':
      return `**revoked** (${escapeMarkdown(o.action)})`;
    case 'already-gone':
      return `nothing to do: ${escapeMarkdown(o.action)}`;
    case 'would-revoke':
      return `dry run: would ${escapeMarkdown(o.action)}`;
    case 'refused':
      return `not revoked: ${escapeMarkdown(o.reason)}`;
    case 'unproven':
      // Reason and confirmation are keyguard's own text (ids, header names), not user input.
      return `${UNPROVEN} (${o.reason}). To confirm it as an admin: ${o.confirm}`;
    case 'failed':
      return `revocation **failed**: ${escapeMarkdown(o.error)}`;
  }
}

/** The one line a reader needs first: is the key still a danger, and what to do now. */
export function decision(r: KeyResponse, still: boolean): string {
  const history = still ? 'remove it from the repository and its history' : 'remove it from git history';
  if (r.revocation?.type === 'revoked') return `**keyguard revoked this key.** Replace it where it was used and ${history}.`;
  if (r.liveness?.status === 'revoked') return `**This key no longer works.** Nothing is at risk from it now; ${history}.`;
  if (r.liveness?.status === 'live') return `**This key is live: anyone who read the repository can use it.** Revoke it now, replace it, and ${history}.`;
  return `**Whether this key works is not known: treat it as live.** Revoke it, replace it, and ${history}.`;
}

const TODO = [
  '- [ ] Create a replacement key and update every place that used this one (GitHub secrets, deployment environments).',
  '- [ ] Revoke this key in the OpenAI dashboard, unless keyguard revoked it above.',
  '- [ ] Remove it from git history (`git filter-repo --replace-text`), force-push, and ask collaborators to re-clone.',
  '- [ ] Review the usage of its project from when it was first committed until it was revoked.',
].join('\n');

/** What an issue remembers of earlier runs, in a hidden line (base64 JSON: no text can break out). */
export type Facts = Pick<KeyResponse, 'liveness' | 'match' | 'revocation' | 'exposure'> & { readonly watch?: WatchFacts };

/** What the last leak watch saw (see watch/watch.ts). */
export interface WatchFacts {
  /** ISO 8601. */
  readonly checkedAt: string;
  readonly recordExists: boolean;
  readonly lastUsedAt: string | null;
  /** Requests counted from `from` (the UTC day of exposure, else of the first watch) to the check. */
  readonly from: string;
  readonly requests: number;
  /** When the key was last seen in use (its `last_used_at` or a day of usage), if ever. */
  readonly lastActiveAt: string | null;
  /** Revoked (its record gone) and quiet for the configured days: the team can close the issue. */
  readonly closable: boolean;
  readonly quietDays: number;
}

export function watchText(w: WatchFacts): string {
  const state = w.recordExists ? 'the key record still exists' : 'the key record is gone (revoked or deleted)';
  const active = w.lastActiveAt ? `last used ${w.lastActiveAt.slice(0, 10)}` : 'no use seen';
  return `**Leak watch** (last checked ${w.checkedAt.slice(0, 10)}): ${state}; ${active}; ${w.requests.toLocaleString('en-US')} requests since ${w.from.slice(0, 10)}.${w.closable ? ` Revoked and quiet for at least ${w.quietDays} days: this issue can be closed.` : ''}`;
}

/** The hidden line that holds an issue's facts. */
export const factsLine = (f: Facts) => `<!-- keyguard:v1 facts ${Buffer.from(JSON.stringify(f)).toString('base64url')} -->`;

/** `body` with section `name` replaced by `text`, or added at the end of the state section. */
export function withSection(body: string, name: string, text: string): string {
  const old = sectionOf(body, name);
  if (old !== undefined) return body.replace(section(name, old), () => section(name, text));
  const end = '\n<!-- /keyguard:v1 state -->';
  return body.includes(end) ? body.replace(end, () => `\n\n${section(name, text)}${end}`) : `${body}\n${section(name, text)}`;
}

export function withFacts(body: string, facts: Facts): string {
  return /^<!-- keyguard:v1 facts [A-Za-z0-9_-]+ -->$/m.test(body) ? body.replace(/^<!-- keyguard:v1 facts [A-Za-z0-9_-]+ -->$/m, () => factsLine(facts)) : `${body}\n${factsLine(facts)}`;
}

export function factsOf(body: string | undefined): Facts | undefined {
  const m = body ? /^<!-- keyguard:v1 facts ([A-Za-z0-9_-]+) -->$/m.exec(body) : null;
  if (!m) return undefined;
  try {
    return JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as Facts;
  } catch {
    return undefined;
  }
}

/**
 * Today's response, without forgetting what earlier runs learnt: once keyguard revoked a key, its
 * record is gone from the organization and a rerun sees only "not found, not live"; the issue
 * must still say whose key it was and that keyguard revoked it.
 */
export function mergeFacts(previous: Facts | undefined, now: KeyResponse): KeyResponse & Facts {
  if (!previous) return now;
  const keepMatch = previous.match?.type === 'matched' && (!now.match || now.match.type === 'not-found');
  const keepRevocation = previous.revocation?.type === 'revoked' && now.revocation?.type !== 'revoked';
  // Usage is read only for a key matched now: after revocation the record is gone, the figures stay.
  const keepExposure = previous.exposure && !now.exposure;
  // A key keyguard revoked was live when found: the issue keeps saying "live → revoked".
  const revokedByUs = previous.liveness?.status === 'live' && previous.revocation?.type === 'revoked' && now.liveness?.status === 'revoked';
  const sameStatus = (previous.liveness && now.liveness && previous.liveness.status === now.liveness.status) || revokedByUs;
  return {
    ...now,
    ...(sameStatus ? { liveness: previous.liveness } : {}),
    ...(keepMatch ? { match: previous.match } : {}),
    ...(keepRevocation ? { revocation: previous.revocation } : {}),
    ...(keepExposure ? { exposure: previous.exposure } : {}),
    ...(previous.watch ? { watch: previous.watch } : {}),
  };
}

/**
 * The issue for one leaked key. On a later run `previous` is the issue's body: its list of places,
 * checklist (ticks and all), seen-places and facts are kept; new places are appended and returned
 * so the caller can comment on them.
 */
export function renderLeakIssue(group: LeakGroup, ctx: RepoContext, mention: string | undefined, previous?: string): { title: string; body: string; newPlaces: string[] } {
  // An alert gives a commit without its date: dated commits sort first.
  const first = [...group.findings].filter((f) => f.commit).sort((a, b) => (a.git?.authorDate ?? '9').localeCompare(b.git?.authorDate ?? '9'))[0];
  // Removed only when no ref's tip holds it: a key on another branch or in a tag is still there.
  // GitHub's alerts say where a key was, not whether a ref holds it now: only keyguard's scan does.
  const scanned = group.findings.filter((f) => !f.alert);
  const refs = [...new Set(scanned.flatMap((f) => (f.git?.presentIn ?? []).map((p) => p.ref.replace(/^refs\/(heads|tags|remotes)\//, ''))))];
  // Places that are no file: a ref named after the key is there until deleted; a message stays in history.
  const sources = new Set(scanned.flatMap((f) => [f.source, ...(f.git?.locations ?? []).map((l) => l.source)]));
  const named = sources.has('ref-name');
  const still = scanned.length === 0 || refs.length > 0 || named || scanned.some((f) => (f.git ? f.git.presentAtHead || (f.git.refsHolding ?? 0) > 0 : true));
  const heldBy = [...(refs.length ? [`${refs.slice(0, 5).map(code).join(', ')}${refs.length > 5 ? ` and ${refs.length - 5} more refs` : ''}`] : []), ...(named ? ['a branch or tag is named after it'] : [])];
  const gone = sources.has('commit-message') || sources.has('tag-message') ? 'no file holds it: it is in a commit or tag message, which stays in git history' : 'no: no branch or tag holds it (it stays in git history)';
  const r = mergeFacts(factsOf(previous), group.response);
  const state = [
    `## :rotating_light: Leaked OpenAI ${kindLabel(group.kind)} ${code(group.redacted)}`,
    '',
    decision(r, still),
    '',
    ...(mention ? [`cc ${mention}`, ''] : []),
    '| | |',
    '| --- | --- |',
    `| Key | ${code(group.redacted)} (${kindLabel(group.kind)}; the whole key is never shown) |`,
    `| Fingerprint | ${code(group.fingerprint)} |`,
    `| Live | ${describeLiveness(r)} |`,
    `| OpenAI record | ${describeMatch(r)} |`,
    ...(first?.commit ? [`| First committed | ${code(first.commit.slice(0, 12))}${first.git?.authorDate ? ` on ${first.git.authorDate.slice(0, 10)}` : ''} |`] : []),
    `| Still in the repository | ${scanned.length === 0 ? 'unknown: only GitHub secret scanning reported it' : still ? `yes${heldBy.length ? ` (${heldBy.join('; ')})` : ''}` : gone} |`,
    `| keyguard did | ${describeRevocation(r)} |`,
    ...(r.exposure ? ['', section('exposure', `### Use since exposure\n\n${exposureTable(r.exposure)}`)] : []),
    ...(r.watch ? ['', section('watch', watchText(r.watch))] : []),
  ].join('\n');

  const places = placesOf(group, ctx);
  const seenBefore = new Set((previous ? /<!-- keyguard:v1 seen ([0-9a-f,]*) -->/.exec(previous)?.[1] ?? '' : '').split(',').filter(Boolean));
  // Once the seen list is full, places beyond it are not news: no comment every run about them.
  const fresh = seenBefore.size >= MAX_SEEN ? [] : places.filter((p) => !seenBefore.has(p.id));
  const oldWhere = (previous ? sectionOf(previous, 'where') : undefined)?.split('\n').filter((l) => l.startsWith('- ')) ?? [];
  const seen = [...new Set([...seenBefore, ...places.map((p) => p.id)])].slice(0, MAX_SEEN);
  const listed = [...oldWhere, ...fresh.map((p) => p.line)];
  // Bounded in characters too (paths may be long): a body cut to GitHub's limit would lose the
  // sections the next run reads back, and with them the places and the ticked checklist.
  let shown = 0;
  for (let chars = 0; shown < Math.min(listed.length, MAX_PLACES) && (chars += listed[shown]!.length + 1) <= MAX_WHERE_CHARS; ) shown++;
  const omitted = Math.max(listed.length, seen.length, places.length) - shown;
  const where = [...listed.slice(0, shown), ...(omitted > 0 ? ['', moreInReport(omitted, 'place')] : [])].join('\n');
  const body = [
    // The marker holds the fingerprint, a hash: anyone who can read the repository reads the
    // issue, and the hash still finds the same key again across runs and repositories.
    markerLine('leak', group.fingerprint),
    section('state', state),
    '',
    '### Where it was found',
    section('where', where),
    '',
    '### What to do',
    section('todo', (previous ? sectionOf(previous, 'todo') : undefined) ?? TODO),
    '',
    `<!-- keyguard:v1 seen ${seen.join(',')} -->`,
    factsLine({ liveness: r.liveness, match: r.match, revocation: r.revocation, exposure: r.exposure, watch: r.watch }),
  ].join('\n');
  return {
    title: `Leaked OpenAI ${kindLabel(group.kind)} ${group.redacted} (${group.fingerprint.slice(0, 8)})`,
    body,
    newPlaces: previous ? fresh.map((p) => p.line) : [],
  };
}

/** The places an issue lists; the JSON report has them all (an issue body holds 65,536 characters). */
const MAX_PLACES = 100;
/** Characters of the places listed: with the seen line (up to 19,500) and the rest, the body stays within 65,536. */
const MAX_WHERE_CHARS = 30_000;
/** Place ids an issue remembers (13 characters each). */
const MAX_SEEN = 1500;
