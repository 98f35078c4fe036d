import ignore from 'ignore';
import type { Config } from '../config.ts';
import { scrubSecrets, SecretValue } from '../detect/index.ts';
import type { Logger } from '../logger.ts';
import { peakRssMb, type Finding, type ScanResult } from './finding.ts';
import type { FindingSource, Key, Place, Sink, SourceOutput } from './source.ts';
import { triageFrom, type Triage } from './triage.ts';

/** What decides which keys are not reported: the allow rules of the config, and a baseline's fingerprints. */
export interface Filter {
  readonly config: Config;
  readonly baseline?: ReadonlySet<string>;
}

/**
 * The one way from a key a source found to a finding: masks the key, drops what allow.paths,
 * allow.fingerprints, a `keyguard:allow` comment or the baseline excludes (and counts it), and
 * builds the finding, which holds the key only inside its SecretValue.
 */
class Collector implements Sink {
  readonly #triage: Triage;
  readonly #logger: Logger;

  constructor(filter: Filter, logger: Logger) {
    this.#triage = triageFrom(filter.config, filter.baseline);
    this.#logger = logger;
  }

  pathAllowed(file: string): boolean {
    return this.#triage.pathAllowed(file);
  }

  get counts(): { readonly allowed: number; readonly baselined: number } {
    return this.#triage.counts;
  }

  take(key: Key, place: Place): Finding | undefined {
    // Mask first: nothing about this key may be logged before the runner knows to hide it.
    this.#logger.mask(typeof key.secret === 'string' ? key.secret : key.secret.reveal());
    const secret = typeof key.secret === 'string' ? new SecretValue(key.secret) : key.secret;
    const inAllowedPath = (!place.source || place.source === 'file-name') && place.file !== '' && ignore.isPathValid(place.file) && this.#triage.pathAllowed(place.file);
    if (!this.#triage.admit(secret.fingerprint, key.allowedInline || inAllowedPath)) return undefined;
    return {
      file: place.file,
      line: place.line,
      column: place.column,
      endColumn: place.endColumn,
      commit: place.commit,
      kind: key.kind,
      fingerprint: secret.fingerprint,
      redacted: secret.redacted,
      encoding: key.encoding,
      status: 'unverified',
      secret,
      ...(place.entry !== undefined ? { entry: place.entry } : {}),
      ...(place.source ? { source: place.source } : {}),
      ...(place.alert ? { alert: place.alert } : {}),
    };
  }
}

/**
 * Runs sources through one collector, at the same time (a scan's own source waits on git or the
 * disk, GitHub's alerts on the network): the scan's result, their findings in the order given,
 * with what was dropped counted once for all.
 */
export async function collect(sources: FindingSource | readonly FindingSource[], target: string, filter: Filter, deps: { logger: Logger; now?: () => number }): Promise<ScanResult> {
  const now = deps.now ?? Date.now;
  const started = now();
  const collector = new Collector(filter, deps.logger);
  const outs = await Promise.all([sources].flat().map((s) => s.scan(collector, { logger: deps.logger, now })));
  const all = <T>(pick: (o: SourceOutput) => readonly T[] | undefined) => outs.flatMap((o) => pick(o) ?? []);
  const first = <K extends keyof SourceOutput>(key: K) => outs.find((o) => o[key] !== undefined)?.[key];
  // Paths leave the scan with any key in them redacted: every report prints them.
  const skipped = all((o) => o.skipped).map((s) => ({ ...s, path: scrubSecrets(s.path), ...(s.detail !== undefined ? { detail: scrubSecrets(s.detail) } : {}) }));
  const unreadable = all((o) => o.unreadable).map(scrubSecrets);
  const notes = all((o) => o.notes).map(scrubSecrets);
  // A branch or tag may be named after a key: every report lists the refs.
  const covered = first('coverage');
  const coverage = covered?.type === 'refs' ? { ...covered, refs: covered.refs.map(scrubSecrets) } : covered;
  const commitsScanned = first('commitsScanned');
  const threads = first('threads');
  return {
    target,
    ...(coverage ? { coverage } : {}),
    findings: all((o) => o.findings).map(maskPaths),
    skipped,
    ...(unreadable.length ? { unreadable } : {}),
    stats: {
      filesScanned: outs.reduce((n, o) => n + o.filesScanned, 0),
      bytesScanned: outs.reduce((n, o) => n + o.bytesScanned, 0),
      filesSkipped: skipped.length,
      ...collector.counts,
      ...(commitsScanned !== undefined ? { commitsScanned } : {}),
      durationMs: now() - started,
      peakRssMb: peakRssMb(),
      ...(threads !== undefined ? { threads } : {}),
    },
    ...(notes.length ? { notes } : {}),
  };
}

/** A finding with any key in its paths (a file, entry or ref named after a key) redacted. */
function maskPaths(f: Finding): Finding {
  const g = f.git;
  if (!g) return masked(f);
  return {
    ...masked(f),
    git: {
      ...g,
      locations: g.locations.map(masked),
      atHead: g.atHead && masked(g.atHead),
      ...(g.presentIn ? { presentIn: g.presentIn.map((p) => ({ ...masked(p), ref: scrubSecrets(p.ref) })) } : {}),
      ...(g.firstAdded ? { firstAdded: masked(g.firstAdded) } : {}),
    },
  };
}

/** A place with its file, and its entry inside an archive, redacted. */
function masked<P extends { readonly file: string; readonly entry?: string }>(p: P): P {
  return { ...p, file: scrubSecrets(p.file), ...(p.entry !== undefined ? { entry: scrubSecrets(p.entry) } : {}) };
}
