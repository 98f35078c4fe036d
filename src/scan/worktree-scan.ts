import { availableParallelism } from 'node:os';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { FileReader } from '../sources/file-reader.ts';
import { listWorktree } from '../sources/worktree.ts';
import { collect } from './collect.ts';
import { scanBatch, type BatchResult } from './file-scan.ts';
import { BATCH, scanInPool } from './pool.ts';
import type { Finding, ScanResult, SkippedFile } from './finding.ts';
import type { FindingSource, Sink, SourceDeps, SourceOutput } from './source.ts';

export interface ScanSettings {
  /** The directory scanned; findings' paths are relative to it. */
  readonly root: string;
  readonly config: Config;
  /** Fingerprints of known keys (a baseline file): counted, not reported. */
  readonly baseline?: ReadonlySet<string>;
  /** Only these files, relative to root, instead of listing the tree. */
  readonly files?: readonly string[];
  /**
   * Threads that read and search, this one included (so 0 and 1 scan on this thread alone). The
   * entries use one per core (`'auto'`); in-process tests use 0, the bundled CLI and action the threads.
   */
  readonly threads?: number | 'auto';
}

export interface ScanDeps {
  readonly logger: Logger;
  readonly now?: () => number;
}

const PROGRESS_EVERY_MS = 250;

/** Scans the working tree under `settings.root`. */
export function scanWorktree(settings: ScanSettings, deps: ScanDeps): Promise<ScanResult> {
  return collect(worktreeSource(settings), settings.root, settings, deps);
}

/** The files of the working tree as they are (or the files given), read on worker threads when there are many. */
export function worktreeSource(settings: Omit<ScanSettings, 'baseline'>): FindingSource {
  return { scan: (collector, deps) => scanTree(settings, collector, deps) };
}

async function scanTree(settings: Omit<ScanSettings, 'baseline'>, collector: Sink, deps: SourceDeps): Promise<SourceOutput> {
  const { logger, now } = deps;
  const started = now();
  const findings: Finding[] = [];
  const skipped: SkippedFile[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  // Progress from the first batch: a terminal shows the scan started, and erases it before the report.
  let lastProgress = started - PROGRESS_EVERY_MS;

  // Workers send back only the files with matches: the collector runs here, over those few.
  const onBatch = (batch: BatchResult) => {
    filesScanned += batch.filesScanned;
    bytesScanned += batch.bytesScanned;
    for (const o of batch.notable) {
      if (o.kind === 'skipped') {
        // Files walked inside a submodule were not filtered by allow.paths before they were read.
        if (collector.pathAllowed(o.path)) continue;
        skipped.push({ path: o.path, reason: o.reason, ...(o.detail ? { detail: o.detail } : {}) });
        continue;
      }
      for (const { key, ...m } of o.matches) {
        const found = collector.take({ ...m, secret: key }, { file: o.path, line: m.line, column: m.column, endColumn: m.endColumn, commit: null, ...(m.entry !== undefined ? { entry: m.entry } : {}), ...(m.source ? { source: m.source } : {}) });
        if (found) findings.push(found);
      }
    }
    if (now() - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now();
      logger.progress(`keyguard: ${filesScanned} files, ${(bytesScanned / 1e6).toFixed(1)} MB, ${findings.length} findings`);
    }
  };

  const listed = filterAllowed(settings.files ? given(settings.files) : listWorktree(settings.root), (rel) => collector.pathAllowed(rel));
  const threads = settings.threads === 'auto' ? Math.min(availableParallelism(), 8) : (settings.threads ?? 0);
  // Starting worker threads costs more than a small tree takes to scan: the listing decides.
  const { head, rest } = await peek(listed, threads > 1 ? MAIN_THREAD_FILES : Infinity);
  const reader = new FileReader(settings.root, settings.config.scan.maxFileSize);
  const { maxFileSize, archiveDepth } = settings.config.scan;
  const local = (batch: readonly string[]) => scanBatch(reader, batch, archiveDepth);
  if (rest) await scanInPool(rest, threads - 1, { root: settings.root, maxFileSize, archiveDepth }, local, onBatch);
  else for (let i = 0; i < head.length; i += BATCH) onBatch(local(head.slice(i, i + BATCH)));

  // By file, then by entry inside an archive, then by place.
  const path = (f: Finding) => (f.entry === undefined ? [f.file] : [f.file, f.entry]);
  findings.sort((a, b) => compareArrays(path(a), path(b)) || a.line - b.line || a.column - b.column);
  skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { findings, skipped, filesScanned, bytesScanned, threads: rest ? threads : 0 };
}

function compareArrays(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

/** Trees of fewer files than this are scanned on the main thread. */
const MAIN_THREAD_FILES = 4096;

/**
 * Lists up to `limit` paths. A listing that ends there comes back whole (`head`); a longer one
 * comes back as `rest`, the same listing from its start, for the worker pool.
 */
async function peek(listed: AsyncIterable<string[]>, limit: number): Promise<{ head: string[]; rest?: AsyncIterable<string[]> }> {
  const it = listed[Symbol.asyncIterator]();
  const head: string[] = [];
  while (head.length < limit) {
    const next = await it.next();
    if (next.done) return { head };
    head.push(...next.value);
  }
  return {
    head,
    rest: (async function* () {
      yield head;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    })(),
  };
}

async function* given(files: readonly string[]): AsyncGenerator<string[]> {
  yield [...files];
}

async function* filterAllowed(batches: AsyncIterable<string[]>, allowed: (rel: string) => boolean): AsyncGenerator<string[]> {
  for await (const batch of batches) yield batch.filter((p) => !allowed(p));
}
