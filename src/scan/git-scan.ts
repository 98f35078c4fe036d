import { detectInFile, detectKeys, EntryCache, mayContainKey, scrubSecrets, type ArchiveLimits, type Encoding, type FileMatch, type Match } from '../detect/index.ts';
import type { Config } from '../config.ts';
import { ConfigurationError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { BlobReader, readAhead } from '../sources/cat-file.ts';
import { DiffStreamScanner, LogMessages, type AddedLine, type BinaryChange, type CommitMessage } from '../sources/diff-stream.ts';
import { git, gitStream, gitWorkTree } from '../sources/git.ts';
import { listRefs, prepareHistory } from '../sources/history.ts';
import { prepareRange } from '../sources/range.ts';
import { printable } from '../text/printable.ts';
import { collect } from './collect.ts';
import type { Finding, GitLocation, KeySource, ScanResult, SkippedFile } from './finding.ts';
import { keysAtTips, TipTrees, type TipPlace } from './presence.ts';
import type { FindingSource, Sink, SourceDeps, SourceOutput } from './source.ts';

/** What part of a repository's git data to scan. */
export type GitTarget =
  /** Every commit reachable from any ref; `fetch` first fetches every branch and tag of origin. */
  | { readonly type: 'history'; readonly fetch?: boolean; readonly pullRequests?: boolean }
  /**
   * What the commits of `A..B` add (`A` may be absent: all of B's history). `ref`: the branch they
   * were pushed to, when known (the action's push and pull request events), whose name is read too.
   */
  | { readonly type: 'range'; readonly base: string | undefined; readonly head: string; readonly ref?: string }
  /** What `git diff --cached` adds: the next commit, for a pre-commit hook. */
  | { readonly type: 'staged' };

export interface GitScanSettings {
  readonly root: string;
  readonly config: Config;
  /** Fingerprints of known keys (a baseline file): counted, not reported. */
  readonly baseline?: ReadonlySet<string>;
  readonly target: GitTarget;
}

/** Locations kept per key (all are counted); enough for an issue, bounded for memory. */
const MAX_LOCATIONS = 50;

/*
 * Flags that make git's output the same whatever the user's config: no colour, pager, external
 * diff or textconv, standard a/ b/ prefixes, no signatures, paths relative to the scanned folder.
 * -U0: only changed lines, as only added lines matter. Merges show a dense combined diff, so a key
 * introduced while resolving a merge is found too. --full-index: binary files' blob ids, whole.
 * --no-renames: a moved file shows as added under its new name, so every path that ever held a
 * key is known (presence at the tips looks only at those).
 * The format: a NUL, the commit's header line, its message, a NUL (see LogMessages): messages come
 * with the diffs, from the one git process. --encoding=UTF-8: whatever i18n.logOutputEncoding says
 * (UTF-16 would put NULs in every line).
 */
const DIFF_FLAGS = ['-p', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--relative', '--full-index', '--no-renames'];
const LOG_FLAGS = [...DIFF_FLAGS, '--format=%x00%H %at %P%n%B%x00', '--encoding=UTF-8', '--no-show-signature', '--diff-merges=dense-combined'];

function gitArgs(target: GitTarget): string[] {
  switch (target.type) {
    case 'history':
      return ['log', '--all', ...LOG_FLAGS];
    case 'range':
      return ['log', ...LOG_FLAGS, target.base ? `${target.base}..${target.head}` : target.head, '--'];
    case 'staged':
      return ['diff', '--cached', ...DIFF_FLAGS, '--'];
  }
}

/** Where a key was seen: a file of a commit (or the index), a message, or a file's name. */
interface Place {
  readonly commit: string | null;
  readonly authorTime: number;
  readonly file: string;
  readonly source?: KeySource;
  /** Known when the whole text was read (binary blobs, messages); else found by reading the blob again. */
  readonly pos?: Pos;
}

interface Pos {
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly encoding: Encoding;
  /** Inside an archive: the path there (see detectInFile). */
  readonly entry?: string;
}

interface KeyState {
  /** The collector's finding where the key was first seen: its kind, fingerprint and secret. */
  readonly found: Finding;
  first: Place;
  occurrences: number;
  readonly locations: GitLocation[];
}

const location = (at: Place): GitLocation => ({ commit: at.commit, file: at.file, ...(at.source ? { source: at.source } : {}) });

/** Refs listed per key (all are counted). */
const MAX_REFS = 20;
/** Files looked at for presence at the tips: the files where keys were added, up to this many. */
const MAX_PRESENCE_FILES = 5000;

/** Scans what git says commits added (see gitChanges), as the tests call it: no fetch, no checks. */
export function scanGit(settings: GitScanSettings, deps: { logger: Logger; now?: () => number }): Promise<ScanResult> {
  return collect(gitChanges(settings), settings.root, settings, deps);
}

/**
 * The git source as the entries use it: the repository is checked, and what the scope lacks is
 * fetched first (a range's commits; for history, every ref, when asked); then gitChanges.
 */
export function gitSource(settings: Omit<GitScanSettings, 'baseline'>, described: string): FindingSource {
  const { root, target } = settings;
  return {
    async scan(collector, deps) {
      const repo = await gitWorkTree(root);
      if (!repo) throw new ConfigurationError(`${described} needs a git repository, and ${root} is not in one`);
      if (target.type === 'range') await prepareRange(root, target.base, target.head, deps.logger, repo.shallow);
      if (target.type === 'history') await prepareHistory(root, { fetch: target.fetch ?? false, pullRequests: target.pullRequests ?? false, shallow: repo.shallow }, deps.logger);
      const out = await gitChanges(settings).scan(collector, deps);
      if (out.coverage?.type === 'empty') deps.logger.info('keyguard: the repository has no commits: nothing to scan');
      return out;
    },
  };
}

/**
 * What git says commits added: the added lines of text files, the new blobs of binary files
 * (read whole, by their bytes), and commit and annotated tag messages. Each key found becomes one
 * finding: where it is at the scanned tip when it is there, else where it was first added; how
 * often it was added; and which refs' tips still hold it. A history scan also says what it
 * covered: every ref, and the commits reachable from them (git log shows each once; a damaged
 * clone: as listed).
 */
export function gitChanges(settings: ChangesSettings): FindingSource {
  return { scan: (collector, deps) => scanChanges(settings, collector, deps) };
}

type ChangesSettings = Omit<GitScanSettings, 'baseline'>;

async function scanChanges(settings: ChangesSettings, allow: Sink, deps: SourceDeps): Promise<SourceOutput> {
  // One cat-file for every lookup and blob read, started at the first key (see TipTrees), ended
  // however the scan ends (a process left running would keep Node from exiting).
  const blobs = new BlobReader(settings.root);
  try {
    return await readChanges(settings, allow, deps, blobs);
  } finally {
    blobs.close();
  }
}

async function readChanges(settings: ChangesSettings, allow: Sink, deps: SourceDeps, blobs: BlobReader): Promise<SourceOutput> {
  const { logger, now } = deps;
  const started = now();
  const maxSize = settings.config.scan.maxFileSize;
  // One cache of zip entries for the scan: a rebuilt jar's unchanged entries are read once.
  const limits: ArchiveLimits = { ...settings.config.scan, cache: new EntryCache() };
  const keys = new Map<string, KeyState>();
  const files = new Set<string>();
  const skipped: SkippedFile[] = [];
  let bytesScanned = 0;
  let commitsScanned = 0;
  let lastProgress = started;
  const tip = settings.target.type === 'history' ? 'HEAD' : settings.target.type === 'range' ? settings.target.head : undefined;
  // A history's refs (the tips to look keys up at, and its coverage) and tag messages: listed by
  // a second git while the first one writes the log, which starts at once.
  const listing = settings.target.type === 'history' ? listRefs(settings.root) : undefined;
  listing?.catch(() => undefined); // awaited below; a failure is the scan's
  const tipTrees = new TipTrees(blobs, async () => (listing ? ['HEAD', ...tipRefs((await listing).refs)] : tip ? [tip] : []));

  // Per key, from the collector's findings: how often and where it was added, and the first place.
  const record = (m: Match, at: Place) => {
    const entry = at.pos?.entry;
    const found = allow.take(m, { file: at.file, line: at.pos?.line ?? 0, column: at.pos?.column ?? 0, endColumn: at.pos?.endColumn ?? 0, commit: at.commit, ...(at.source ? { source: at.source } : {}), ...(entry !== undefined ? { entry } : {}) });
    if (!found) return;
    if (!at.source && files.size < MAX_PRESENCE_FILES) {
      files.add(at.file);
      // Where keys are at the tips is looked at only for keys in files.
      tipTrees.start();
    }
    const state = keys.get(found.fingerprint);
    if (!state) {
      keys.set(found.fingerprint, { found, first: at, occurrences: 1, locations: [location(at)] });
      return;
    }
    state.occurrences++;
    // git log lists newer commits first: an equal date later in the stream is the older commit.
    // Within one commit, the first file (git's path order) stays.
    if (at.authorTime < state.first.authorTime || (at.authorTime === state.first.authorTime && at.commit !== state.first.commit)) state.first = at;
    if (state.locations.length < MAX_LOCATIONS && !state.locations.some((l) => l.commit === at.commit && l.file === at.file)) {
      state.locations.push(location(at));
    }
  };

  const onLine = (line: AddedLine) => {
    if (allow.pathAllowed(line.file)) return;
    const at = { commit: line.commit?.sha ?? null, authorTime: line.commit?.authorTime ?? 0, file: line.file };
    if (line.name) {
      for (const m of detectKeys(line.text)) record(m, { ...at, source: 'file-name', pos: m });
      return;
    }
    const matches = detectKeys(line.text);
    const seen = new Set(matches.map((m) => m.secret.fingerprint));
    // Base64 wrapped over lines is only whole with the lines around it.
    if (line.around !== line.text) matches.push(...detectKeys(line.around).filter((m) => m.encoding === 'base64' && !seen.has(m.secret.fingerprint)));
    for (const m of matches) record(m, at);
  };

  const scanner = new DiffStreamScanner(null, maxSize);
  const binaries: BinaryChange[] = [];
  // A damaged or partial clone stops git part way: keep what was read, and say what was not.
  const unreadable: string[] = [];
  const attempt = async (what: () => string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (e) {
      unreadable.push(`${what()}: ${(e as Error).message}`);
    }
  };
  // Commit messages come in the diff stream, before each commit's diff; their matches are recorded
  // after the diffs' and binaries', in stream order, so which commit counts as first stays what it
  // was when a second git read them. A commit read again after a failure (below) is taken once.
  const fromMessages: [Match, Place][] = [];
  let lastMessage: string | undefined;
  const onMessage = ({ commit, text }: CommitMessage) => {
    if (commit.sha === lastMessage) return;
    lastMessage = commit.sha;
    for (const m of detectKeys(text)) fromMessages.push([m, { commit: commit.sha, authorTime: commit.authorTime, file: '(commit message)', source: 'commit-message', pos: m }]);
  };
  const readDiffs = async (args: string[], large = false) => {
    const messages = new LogMessages();
    for await (const chunk of gitStream(settings.root, args, { large })) {
      bytesScanned += chunk.length;
      const before = messages.commits;
      // First: it blanks the messages in the chunk, so the diff scanner reads no author's text.
      for (const m of messages.push(chunk)) onMessage(m);
      commitsScanned += messages.commits - before;
      for (const line of scanner.push(chunk)) onLine(line);
      binaries.push(...scanner.takeBinaries().filter((b) => !allow.pathAllowed(b.file)));
      if (now() - lastProgress >= 250) {
        lastProgress = now();
        logger.progress(`keyguard: ${commitsScanned} commits, ${(bytesScanned / 1e6).toFixed(0)} MB of diffs, ${keys.size} keys`);
      }
    }
  };
  try {
    // A whole history's log is the output worth writing in large blocks (see gitStream).
    await readDiffs(gitArgs(settings.target), settings.target.type === 'history');
  } catch (e) {
    if (settings.target.type === 'staged') unreadable.push(`the staged changes: ${(e as Error).message}`);
    // git log stops at the first object it cannot read: go on commit by commit from there (the
    // same order), and read a commit that fails again from its tree, naming the missing blobs.
    else commitsScanned = await readRestOneByOne(settings.root, settings.target, commitsScanned, limits, readDiffs, unreadable, (m, at) => !allow.pathAllowed(at.file) && record(m, at));
  }
  for (const line of scanner.end()) onLine(line);
  binaries.push(...scanner.takeBinaries().filter((b) => !allow.pathAllowed(b.file)));
  for (const s of scanner.skipped) {
    if (s.file && !allow.pathAllowed(s.file)) skipped.push({ path: s.file, reason: 'line-too-large', detail: `a line of ${s.bytes - 1} bytes added${s.commit ? ` in ${s.commit.sha.slice(0, 12)}` : ''}` });
  }

  await attempt(() => 'binary files', async () => (bytesScanned += await scanBinaries(binaries, blobs, limits, skipped, unreadable, record)));
  for (const [m, at] of fromMessages) record(m, at);
  const refs = await listing;
  for (const t of refs?.tags ?? []) {
    for (const m of detectKeys(t.text)) record(m, { commit: t.peeled, authorTime: t.time, file: `(tag message: ${t.name})`, source: 'tag-message', pos: m });
  }
  bytesScanned += refs?.bytes ?? 0;
  // A branch or tag named after a key: GitHub lists ref names to anyone who can read the repository.
  // A history scan reads every ref's name; a range, the name of the ref it was pushed to.
  const named = refs?.refs ?? (settings.target.type === 'range' && settings.target.ref ? [settings.target.ref] : []);
  for (const ref of named.filter((r) => mayContainKey(r))) {
    const matches = detectKeys(ref);
    if (matches.length === 0) continue;
    const tipOf = settings.target.type === 'range' ? settings.target.head : ref;
    const [sha, time] = (await git(settings.root, ['log', '-1', '--format=%H %at', tipOf, '--']).catch(() => '')).trim().split(' ');
    for (const m of matches) record(m, { commit: sha || null, authorTime: Number(time) || 0, file: `(ref name: ${ref})`, source: 'ref-name', pos: m });
  }

  let atTips = new Map<string, TipPlace[]>();
  await attempt(() => 'where the keys are at the ref tips', async () => {
    const found = await keysAtTips(tipTrees, [...files], new Set(keys.keys()), blobs, limits);
    atTips = found.places;
    if (found.treesLeftOut) logger.warning(`keyguard: ${found.treesLeftOut} ref tips with distinct trees were not checked for the keys (too many refs times files); which refs hold a key is a lower bound`);
  });
  // All at once: the blob reads for the first places go to git in one batch.
  const findings = await Promise.all([...keys.values()].map((k) => toFinding(k, atTips.get(k.found.fingerprint) ?? [], tip, blobs, logger, limits)));
  findings.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
  // git log --all reads HEAD too: a detached HEAD in a clone without refs is what was covered.
  const covered = refs && (refs.refs.length > 0 ? refs.refs : commitsScanned > 0 ? ['HEAD'] : []);
  const coverage = covered && (covered.length > 0 ? { type: 'refs' as const, refs: covered, commits: commitsScanned } : { type: 'empty' as const });
  return { findings, skipped, unreadable, filesScanned: 0, bytesScanned, commitsScanned, ...(coverage ? { coverage } : {}) };
}

/** The finding of one key: placed at the scanned tip when it is there, else where first added. */
async function toFinding(k: KeyState, places: readonly TipPlace[], tip: string | undefined, blobs: BlobReader, logger: Logger, limits: ArchiveLimits): Promise<Finding> {
  const first = k.first;
  let pos = first.pos;
  if (!pos) {
    pos = await locate(blobs, first.commit, first.file, k.found.fingerprint, limits);
    if (!pos) logger.warning(`keyguard: could not find ${k.found.redacted} again in ${printable(scrubSecrets(first.file))} at ${first.commit ?? 'the index'}; line unknown`);
  }
  // Where it was first added, when the tip still has it there; else wherever the tip has it.
  const atTip = places.find((p) => p.ref === tip && p.file === first.file) ?? places.find((p) => p.ref === tip);
  const held = places.filter((p) => p.ref !== 'HEAD' || tip !== 'HEAD').sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const primary: Omit<TipPlace, 'ref'> = atTip ?? { file: first.file, line: pos?.line ?? 0, column: pos?.column ?? 0, endColumn: pos?.endColumn ?? 0, encoding: pos?.encoding ?? 'plain', ...(pos?.entry !== undefined ? { entry: pos.entry } : {}) };
  return {
    file: primary.file,
    line: primary.line,
    column: primary.column,
    endColumn: primary.endColumn,
    commit: first.commit,
    kind: k.found.kind,
    fingerprint: k.found.fingerprint,
    redacted: k.found.redacted,
    encoding: primary.encoding,
    status: k.found.status,
    secret: k.found.secret,
    ...(primary.entry !== undefined ? { entry: primary.entry } : {}),
    ...(first.source && !atTip ? { source: first.source } : {}),
    git: {
      authorDate: first.commit ? new Date(first.authorTime * 1000).toISOString() : null,
      occurrences: k.occurrences,
      locations: k.locations,
      atHead: atTip ? { file: atTip.file, ...(atTip.entry !== undefined ? { entry: atTip.entry } : {}), line: atTip.line, column: atTip.column } : null,
      // Staged changes are in the index by definition.
      presentAtHead: tip ? atTip !== undefined : true,
      presentIn: held.slice(0, MAX_REFS).map((p) => ({ ref: p.ref, file: p.file, line: p.line })),
      refsHolding: new Set(held.map((p) => p.ref)).size,
      firstAdded: { commit: first.commit, file: first.file, ...(pos?.entry !== undefined ? { entry: pos.entry } : {}), line: pos?.line ?? 0, column: pos?.column ?? 0 },
    },
  };
}

/**
 * After git log failed part way: the commits from the one it failed on, each read on its own; a
 * commit whose diff git cannot produce is read from its changed files' new blobs, whole. Returns
 * how many commits there are (the failed one was counted twice).
 */
async function readRestOneByOne(
  root: string,
  target: Exclude<GitTarget, { type: 'staged' }>,
  from: number,
  limits: ArchiveLimits,
  readDiffs: (args: string[]) => Promise<void>,
  unreadable: string[],
  record: (m: Match, at: Place) => void,
): Promise<number> {
  const revs = target.type === 'history' ? ['--all'] : [target.base ? `${target.base}..${target.head}` : target.head];
  const commits = (await git(root, ['rev-list', ...revs, '--'])).split('\n').filter(Boolean);
  for (const sha of commits.slice(Math.max(0, from - 1))) {
    try {
      await readDiffs(['log', '--no-walk', ...LOG_FLAGS, sha, '--']);
    } catch {
      await readFromTree(root, sha, limits, unreadable, record);
    }
  }
  return commits.length;
}

/** The new blobs of a commit's changed files, read whole; what git cannot read is named. */
async function readFromTree(root: string, sha: string, limits: ArchiveLimits, unreadable: string[], record: (m: Match, at: Place) => void): Promise<void> {
  const time = Number((await git(root, ['log', '-1', '--format=%at', sha])).trim());
  const raw = (await git(root, ['diff-tree', '-r', '-z', '--no-renames', '--root', '-m', '--first-parent', '--relative', sha])).split('\0');
  const blobs = new BlobReader(root);
  try {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const m = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([AMT])/.exec(raw[i]!);
      if (!m) {
        if (/^[0-9a-f]{40,64}$/.test(raw[i]!)) i--; // the commit id diff-tree prints first
        continue;
      }
      const file = raw[i + 1]!;
      const data = await blobs.read(m[1]!);
      if (!data) {
        unreadable.push(`blob ${m[1]} of ${file} in ${sha.slice(0, 12)}: missing`);
        continue;
      }
      const { matches, unread } = detectInFile(data, file, limits);
      for (const found of matches) record(found, { commit: sha, authorTime: time, file, pos: found, ...(found.source ? { source: found.source } : {}) });
      for (const why of unread) unreadable.push(`${file} in ${sha.slice(0, 12)}, inside: ${why}`);
    }
  } finally {
    blobs.close();
  }
}

/** The refs whose tips may hold keys: not the stash, not symbolic `…/HEAD` (its target is listed). */
const tipRefs = (refs: readonly string[]) => refs.filter((r) => r !== 'refs/stash' && !r.endsWith('/HEAD'));

/** Reads the new blob of each binary change once, by its bytes; blobs over the size limit are listed as skipped. */
async function scanBinaries(
  changes: readonly BinaryChange[],
  blobs: BlobReader,
  limits: ArchiveLimits,
  skipped: SkippedFile[],
  unreadable: string[],
  record: (m: Match, at: Place) => void,
): Promise<number> {
  const byBlob = new Map<string, BinaryChange[]>();
  for (const c of changes) byBlob.set(c.blob, [...(byBlob.get(c.blob) ?? []), c]);
  const ids = [...byBlob.keys()];
  const info = await blobs.info(ids);
  const toRead: { spec: string; size: number; uses: BinaryChange[] }[] = [];
  ids.forEach((id, i) => {
    const uses = byBlob.get(id)!;
    const size = info[i]?.size;
    if (size === undefined) for (const c of uses) unreadable.push(`blob ${id} of ${c.file} in ${c.commit?.sha.slice(0, 12) ?? 'the index'}: missing`);
    else if (size > limits.maxFileSize) for (const c of uses) skipped.push({ path: c.file, reason: 'too-large', detail: `${size} bytes, binary, in ${c.commit?.sha.slice(0, 12) ?? 'the index'}` });
    else toRead.push({ spec: id, size, uses });
  });
  let bytes = 0;
  for await (const [{ uses }, data] of readAhead(blobs, toRead)) {
    if (!data) continue;
    bytes += data.length;
    const { matches, unread } = detectInFile(data, uses[0]!.file, limits);
    for (const m of matches) {
      for (const c of uses) record(m, { commit: c.commit?.sha ?? null, authorTime: c.commit?.authorTime ?? 0, file: c.file, pos: m, ...(m.source ? { source: m.source } : {}) });
    }
    for (const why of unread) for (const c of uses) skipped.push({ path: c.file, reason: 'archive-entry', detail: `${why}, in ${c.commit?.sha.slice(0, 12) ?? 'the index'}` });
  }
  return bytes;
}

/** Where a key sits in a file at a commit, or in the index (the first place, if several). */
async function locate(blobs: BlobReader, commit: string | null, file: string, fingerprint: string, limits: ArchiveLimits): Promise<FileMatch | undefined> {
  const blob = await blobs.read(`${commit ?? ''}:./${file}`);
  if (!blob) return undefined;
  return detectInFile(blob, file, limits).matches.find((m) => m.secret.fingerprint === fingerprint);
}
