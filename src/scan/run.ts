import { detectKeys, mayContainKey } from '../detect/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { listWorktree, readListed } from '../sources/worktree.js';
import type { Finding, ScanResult, SkippedFile } from './finding.js';
import { allowlistFrom } from './triage.js';

export interface ScanSettings {
  /** The directory scanned; findings' paths are relative to it. */
  readonly root: string;
  readonly config: Config;
  /** Files read at once. */
  readonly concurrency?: number;
}

export interface ScanDeps {
  readonly logger: Logger;
  readonly now?: () => number;
}

const PROGRESS_EVERY_MS = 250;

/** Scans the working tree under `settings.root`. */
export async function scanWorktree(settings: ScanSettings, deps: ScanDeps): Promise<ScanResult> {
  const { logger } = deps;
  const now = deps.now ?? Date.now;
  const started = now();
  const allow = allowlistFrom(settings.config);
  const findings: Finding[] = [];
  const skipped: SkippedFile[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  let allowed = 0;
  let lastProgress = started;

  const paths = listWorktree(settings.root);
  const worker = async () => {
    for (;;) {
      const next = await paths.next();
      if (next.done) return;
      const rel = next.value;
      if (allow.pathAllowed(rel)) continue;
      const read = await readListed(settings.root, rel, settings.config.scan.maxFileSize);
      if (read.kind === 'gone') continue;
      if (read.kind === 'skipped') {
        skipped.push({ path: read.path, reason: read.reason, ...(read.detail ? { detail: read.detail } : {}) });
        continue;
      }
      filesScanned++;
      bytesScanned += read.data.length;
      if (mayContainKey(read.data)) {
        for (const m of detectKeys(read.data.toString('utf8'))) {
          // Mask first: nothing about this key may be logged before the runner knows to hide it.
          logger.mask(m.secret.reveal());
          if (m.allowedInline || allow.fingerprintAllowed(m.secret.fingerprint)) {
            allowed++;
            continue;
          }
          findings.push({
            file: rel,
            line: m.line,
            column: m.column,
            endColumn: m.endColumn,
            commit: null,
            kind: m.kind,
            fingerprint: m.secret.fingerprint,
            redacted: m.secret.redacted,
            encoding: m.encoding,
            status: 'unverified',
            secret: m.secret,
          });
        }
      }
      const t = now();
      if (t - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = t;
        logger.progress(`keyguard: ${filesScanned} files, ${(bytesScanned / 1e6).toFixed(1)} MB, ${findings.length} findings`);
      }
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency ?? 16 }, worker));

  findings.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
  skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    target: settings.root,
    findings,
    skipped,
    stats: { filesScanned, bytesScanned, filesSkipped: skipped.length, allowed, durationMs: now() - started },
  };
}
