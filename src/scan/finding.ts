import type { Encoding, KeyKind, SecretValue } from '../detect/index.ts';
import type { Exposure } from '../exposure/exposure.ts';
import type { RevokeOutcome } from '../openai/types.ts';
import type { HistoryCoverage } from '../sources/history.ts';
import type { SkipReason } from '../sources/file-reader.ts';

/** Liveness of a found key; `unverified` until leak response checks it. */
export type KeyStatus = 'unverified' | 'live' | 'revoked' | 'unknown';

/** The found key against the organization's records, without the records' secrets (they have none). */
export type MatchSummary =
  /** `proven`: how the key was proven to be this record (see openai/proof.ts); absent, it only shows its visible characters. */
  | { readonly type: 'matched'; readonly recordType: 'project_key' | 'admin_key'; readonly keyId: string; readonly projectId: string | null; readonly projectName: string | null; readonly owner: string; readonly proven?: string }
  | { readonly type: 'ambiguous'; readonly keyIds: readonly string[] }
  | { readonly type: 'not-found' };

export type IssueAction = 'created' | 'updated' | 'commented' | 'unchanged' | 'deferred' | 'failed';

/** What leak response did about one key (every finding of the key carries the same). */
export interface KeyResponse {
  readonly liveness?: { readonly status: 'live' | 'revoked' | 'unknown'; readonly rule: string; readonly reason?: string };
  readonly match?: MatchSummary;
  readonly revocation?: RevokeOutcome;
  readonly issue?: { readonly number: number | null; readonly url: string | null; readonly action: IssueAction; readonly error?: string };
  /** Usage since exposure, for a key matched to a project key record (with an admin key). */
  readonly exposure?: Exposure;
}

/** One place a key was found. `secret` prints redacted; renderers pick fields explicitly. */
export interface Finding {
  /** Relative to the scanned path, with `/`. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  /** The commit that holds it; null for the working tree. */
  readonly commit: string | null;
  readonly kind: KeyKind;
  readonly fingerprint: string;
  readonly redacted: string;
  readonly encoding: Encoding;
  readonly status: KeyStatus;
  readonly secret: SecretValue;
  /** In a file inside the archive `file` (zip, gzip, tar): its path there, each level after a `!`; line and column are in it. */
  readonly entry?: string;
  /** Set when the key is not in a file's text: in a commit or annotated tag's message, or in a file's name. */
  readonly source?: KeySource;
  /** For history, range and staged scans: where and how often git saw the key. */
  readonly git?: GitFacts;
  /** Set by leak response (verification, matching, revocation, issues). */
  readonly response?: KeyResponse;
  /** Found by GitHub secret scanning, not by keyguard's scan: the alert it came from. */
  readonly alert?: AlertRef;
}

/** A GitHub secret scanning alert; `createdAt` (ISO 8601) is when GitHub detected the key. */
export interface AlertRef {
  readonly number: number;
  readonly url: string;
  readonly createdAt: string;
}

export interface GitLocation {
  readonly commit: string | null;
  readonly file: string;
  /** Not in a file's text (a message, a ref's name): `file` names what it is in. */
  readonly source?: KeySource;
}

export interface GitFacts {
  /** Author date of the first commit that added the key (ISO 8601); null for staged changes. */
  readonly authorDate: string | null;
  /** How many times commits added it (every commit and file). */
  readonly occurrences: number;
  /** Where it was added, oldest not guaranteed first; at most 50. */
  readonly locations: readonly GitLocation[];
  /** Whether the key is in the scanned tip (HEAD for history, the range's end). */
  readonly presentAtHead: boolean;
  /** Where it is at the tip, when it is there. */
  readonly atHead: { readonly file: string; readonly entry?: string; readonly line: number; readonly column: number } | null;
  /**
   * The refs whose tip still holds the key (history: every branch, tag and remote branch; range:
   * its end), at most 20 listed; `refsHolding` counts them all. Empty: no ref's tip holds it.
   */
  readonly presentIn?: readonly { readonly ref: string; readonly file: string; readonly line: number }[];
  readonly refsHolding?: number;
  /** Where the key was first added. The finding's own file and line are where it is at the tip when it is there. */
  readonly firstAdded?: { readonly commit: string | null; readonly file: string; readonly entry?: string; readonly line: number; readonly column: number };
}

/** A place's file as people read it: `bundle.zip!config/.env` for a file inside an archive. */
export function placePath(p: { readonly file: string; readonly entry?: string }): string {
  return p.entry === undefined ? p.file : `${p.file}!${p.entry}`;
}

/** Where a key is when it is not in a file's text. A file, branch or tag named after a key is a leak of its own (`> $OPENAI_API_KEY`, `git push origin HEAD:$KEY`). */
export type KeySource = 'commit-message' | 'tag-message' | 'file-name' | 'ref-name';

/** How a reader names a key source: `commit message`. */
export const SOURCE_LABEL: Record<KeySource, string> = { 'commit-message': 'commit message', 'tag-message': 'tag message', 'file-name': 'file name', 'ref-name': 'ref name' };

export interface SkippedFile {
  readonly path: string;
  readonly reason: SkipReason;
  readonly detail?: string;
}

export interface ScanStats {
  readonly filesScanned: number;
  readonly bytesScanned: number;
  readonly filesSkipped: number;
  /** Findings dropped by allow.paths, allow.fingerprints or a keyguard:allow comment. */
  readonly allowed: number;
  /** Findings of keys in the baseline. */
  readonly baselined: number;
  /** Commits read, for history and range scans. */
  readonly commitsScanned?: number;
  /** Worker threads a working-tree scan used (0: a small tree, scanned on the main thread). */
  readonly threads?: number;
  readonly durationMs: number;
  /** The largest resident memory of this process so far (worker threads included, git not). */
  readonly peakRssMb?: number;
}

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** What a history scan covered: the refs and commits, or nothing when the repository has no commit. */
export type Coverage = HistoryCoverage;

export interface ScanResult {
  readonly target: string;
  /** For history scans. */
  readonly coverage?: Coverage;
  /**
   * What git could not read (a damaged or partial clone): the scan is incomplete, and says so.
   * The entries exit 2 after writing what was found.
   */
  readonly unreadable?: readonly string[];
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedFile[];
  readonly stats: ScanStats;
  /** What a source could not read or left out (GitHub's alerts unreadable, say); the response summary leads with them. */
  readonly notes?: readonly string[];
}

export type FailOn = 'none' | 'any';

/** The exit decision of DESIGN.md: 1 when findings reach `fail-on`, else 0. */
export function shouldFail(result: ScanResult, failOn: FailOn): boolean {
  return failOn === 'any' && result.findings.length > 0;
}
