import { detectKeys, PREFILTER_LITERALS, SecretValue, type Match } from '../detect/index.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { BlobReader } from '../sources/cat-file.ts';
import { DiffStreamScanner, type AddedLine } from '../sources/diff-stream.ts';
import { git, gitStream } from '../sources/git.ts';
import type { Finding, GitLocation, ScanResult } from './finding.ts';
import { triageFrom } from './triage.ts';
import { peakRssMb } from './finding.ts';

/** What part of a repository's git data to scan. */
export type GitTarget =
  /** Every commit reachable from any ref; `fetch` first fetches every branch and tag of origin. */
  | { readonly type: 'history'; readonly fetch?: boolean; readonly pullRequests?: boolean }
  /** What the commits of `A..B` add (`A` may be absent: all of B's history). */
  | { readonly type: 'range'; readonly base: string | undefined; readonly head: string }
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
 * introduced while resolving a merge is found too.
 */
const DIFF_FLAGS = ['-p', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--relative'];
const LOG_FLAGS = [...DIFF_FLAGS, '--format=%x00%H %at %P', '--no-show-signature', '--diff-merges=dense-combined'];

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

interface KeyState {
  readonly secret: SecretValue;
  readonly kind: Match['kind'];
  first: { commit: string | null; authorTime: number; file: string };
  occurrences: number;
  readonly locations: GitLocation[];
}

/**
 * Scans what git says commits added. Each key found becomes one finding: where it was first seen
 * (oldest author date), how often it was added, and whether it is still present at the tip.
 */
export async function scanGit(settings: GitScanSettings, deps: { logger: Logger; now?: () => number }): Promise<ScanResult> {
  const { logger } = deps;
  const now = deps.now ?? Date.now;
  const started = now();
  const allow = triageFrom(settings.config, settings.baseline);
  const keys = new Map<string, KeyState>();
  let bytesScanned = 0;
  let commitsScanned = 0;
  let lastProgress = started;

  const onLine = (line: AddedLine) => {
    if (allow.pathAllowed(line.file)) return;
    for (const m of detectKeys(line.text)) {
      // Mask first: nothing about this key may be logged before the runner knows to hide it.
      logger.mask(m.secret.reveal());
      if (!allow.admit(m.secret.fingerprint, m.allowedInline)) continue;
      const at = { commit: line.commit?.sha ?? null, authorTime: line.commit?.authorTime ?? 0, file: line.file };
      const state = keys.get(m.secret.fingerprint);
      if (!state) {
        keys.set(m.secret.fingerprint, { secret: m.secret, kind: m.kind, first: at, occurrences: 1, locations: [{ commit: at.commit, file: at.file }] });
        continue;
      }
      state.occurrences++;
      // git log lists newer commits first: an equal date later in the stream is the older commit.
      if (at.authorTime <= state.first.authorTime) state.first = at;
      if (state.locations.length < MAX_LOCATIONS && !state.locations.some((l) => l.commit === at.commit && l.file === at.file)) {
        state.locations.push({ commit: at.commit, file: at.file });
      }
    }
  };

  const scanner = new DiffStreamScanner();
  for await (const chunk of gitStream(settings.root, gitArgs(settings.target))) {
    bytesScanned += chunk.length;
    for (let i = chunk.indexOf(0); i !== -1; i = chunk.indexOf(0, i + 1)) commitsScanned++;
    for (const line of scanner.push(chunk)) onLine(line);
    if (now() - lastProgress >= 250) {
      lastProgress = now();
      logger.progress(`keyguard: ${commitsScanned} commits, ${(bytesScanned / 1e6).toFixed(0)} MB of diffs, ${keys.size} keys`);
    }
  }
  for (const line of scanner.end()) onLine(line);

  const blobs = new BlobReader(settings.root);
  try {
    const tip = settings.target.type === 'history' ? 'HEAD' : settings.target.type === 'range' ? settings.target.head : undefined;
    const atHead = tip ? await keysAtHead(settings.root, tip, blobs) : undefined;
    const findings = await Promise.all(
      [...keys.values()].map(async (k): Promise<Finding> => {
        const spec = `${k.first.commit ?? ''}:./${k.first.file}`;
        const pos = await locate(blobs, spec, k.secret.fingerprint);
        if (!pos) logger.warning(`keyguard: could not find ${k.secret.redacted} again in ${k.first.file} at ${k.first.commit ?? 'the index'}; line unknown`);
        const tipAt = atHead?.get(k.secret.fingerprint);
        return {
          file: k.first.file,
          line: pos?.line ?? 0,
          column: pos?.column ?? 0,
          endColumn: pos?.endColumn ?? 0,
          commit: k.first.commit,
          kind: k.kind,
          fingerprint: k.secret.fingerprint,
          redacted: k.secret.redacted,
          encoding: pos?.encoding ?? 'plain',
          status: 'unverified',
          secret: k.secret,
          git: {
            authorDate: k.first.commit ? new Date(k.first.authorTime * 1000).toISOString() : null,
            occurrences: k.occurrences,
            locations: k.locations,
            atHead: tipAt ?? null,
            presentAtHead: tip ? tipAt !== undefined : true,
          },
        };
      }),
    );
    findings.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
    return {
      target: settings.root,
      findings,
      skipped: [],
      stats: { filesScanned: 0, bytesScanned, filesSkipped: 0, ...allow.counts, commitsScanned, durationMs: now() - started, peakRssMb: peakRssMb() },
    };
  } finally {
    blobs.close();
  }
}

/** Where a key sits in a blob (the first place, if several). */
async function locate(blobs: BlobReader, spec: string, fingerprint: string) {
  const blob = await blobs.read(spec);
  if (!blob) return undefined;
  return detectKeys(blob.toString('utf8')).find((m) => m.secret.fingerprint === fingerprint);
}

/**
 * The keys present at `tip` and where: `git grep` for the markers (not secret, so safe on a command
 * line) finds the candidate files quickly, and only those are read and detected.
 */
async function keysAtHead(root: string, tip: string, blobs: BlobReader): Promise<Map<string, { file: string; line: number; column: number }>> {
  const out = new Map<string, { file: string; line: number; column: number }>();
  let listing: string;
  try {
    listing = await git(root, ['grep', '-z', '-l', '-F', ...PREFILTER_LITERALS.flatMap((l) => ['-e', l]), tip, '--']);
  } catch (e) {
    // git grep exits 1 when nothing matches; a tip that does not exist (unborn HEAD) has no keys either.
    if (/exit 1\b/.test(String(e)) || /unknown revision|bad revision|ambiguous argument/.test(String(e))) return out;
    throw e;
  }
  const files = listing.split('\0').filter(Boolean).map((entry) => entry.slice(tip.length + 1));
  await Promise.all(
    files.map(async (file) => {
      const blob = await blobs.read(`${tip}:./${file}`);
      if (!blob) return;
      for (const m of detectKeys(blob.toString('utf8'))) if (!out.has(m.secret.fingerprint)) out.set(m.secret.fingerprint, { file, line: m.line, column: m.column });
    }),
  );
  return out;
}
