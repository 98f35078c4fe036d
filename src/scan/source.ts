import type { Match, SecretValue } from '../detect/index.ts';
import type { Logger } from '../logger.ts';
import type { AlertRef, Coverage, Finding, KeySource, SkippedFile } from './finding.ts';

/**
 * A finding source reads keys out of one place (the working tree, git's history, range or staged
 * changes, GitHub's secret scanning alerts) and hands each key it meets to the collector, with
 * where it was. The collector alone masks the key, applies the allow rules and the baseline and
 * builds the `Finding`: a source never builds one itself, so no source can forget a step.
 *
 * To add a source (two files):
 * 1. A module in src/scan/ exporting a function that returns a `FindingSource`. Its `scan` reads,
 *    skips paths `collector.pathAllowed` rejects before reading them, passes every key to
 *    `collector.take(match, place)` and keeps the findings that returns (it may regroup them, as
 *    the git source does per key, but from those findings only).
 * 2. Its registration in `SOURCES` (src/scan/index.ts): `open` returns the source when the scan
 *    request asks for it (a scope of its type, or an option of the request, as GitHub's alerts
 *    are chosen by `alerts`). `runScan` runs every source a request selects through one collector.
 * test/sources.test.ts then asks for a sample of it (a test checks every registration has one) and
 * checks that allow rules and the baseline drop its keys and that its output never holds a whole key.
 */
export interface FindingSource {
  scan(collector: Sink, deps: SourceDeps): Promise<SourceOutput>;
}

/** What a source sees of the collector (src/scan/collect.ts). */
export interface Sink {
  /** allow.paths excludes the file: skip it before reading. */
  pathAllowed(file: string): boolean;
  /** The finding of one key at one place, or undefined when it is allowed or baselined (and counted). */
  take(key: Key, place: Place): Finding | undefined;
}

export interface SourceDeps {
  readonly logger: Logger;
  readonly now: () => number;
}

/**
 * A key as the detector gives it. `secret` may be the bare string a worker thread sent back (a
 * SecretValue does not survive the trip): the collector wraps it before anything else sees it.
 */
export type Key = Pick<Match, 'kind' | 'encoding' | 'allowedInline'> & { readonly secret: SecretValue | string };

/** Where a source saw a key. A line or column it does not know is 0. */
export interface Place {
  /** Relative to the scanned path, with `/`; '' when the key is in no file (an alert on an issue). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  /** The commit that holds it; null for the working tree and the index. */
  readonly commit: string | null;
  /** In a commit or tag message: not a path, so allow.paths does not apply. */
  readonly source?: KeySource;
  readonly alert?: AlertRef;
  /** In a file inside the archive `file` (zip, gzip, tar): its path there, each level after a `!`; line and column are in it. */
  readonly entry?: string;
}

/** What a source read; the collector adds what it dropped, the time and memory. */
export interface SourceOutput {
  /** In the order they are reported. */
  readonly findings: readonly Finding[];
  readonly skipped?: readonly SkippedFile[];
  readonly unreadable?: readonly string[];
  readonly coverage?: Coverage;
  readonly filesScanned: number;
  readonly bytesScanned: number;
  readonly commitsScanned?: number;
  readonly threads?: number;
  /** What it could not read or left out, for the person running the scan (the response summary shows them). */
  readonly notes?: readonly string[];
}
