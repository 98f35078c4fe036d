import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { BatchResult } from './file-scan.ts';
import type { WorkerInit } from './worker.ts';

/** Paths per message, and messages queued per worker: enough that workers never wait on this thread. */
export const BATCH = 256;
const DEPTH = 2;

/**
 * The worker's bundle, which `npm run bundle` writes beside each entry bundle; run from source
 * (Node 24 strips types), the worker's own module. Named through joins so ncc's asset relocator
 * leaves them alone (it would copy the TypeScript source into dist/).
 */
export function workerUrl(base: string | URL = import.meta.url): URL {
  const bundled = new URL(['.', 'scan-worker.js'].join('/'), base);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL(['.', 'worker.ts'].join('/'), base);
}

interface Lane {
  readonly worker: Worker;
  /** Replies come in the order the batches were sent. */
  readonly pending: { resolve: (o: BatchResult) => void; reject: (e: unknown) => void }[];
}

/**
 * Scans paths on `workers` worker threads and on this one: a batch goes to the least busy worker
 * while one has room, else this thread scans it itself (`local`) and lets the workers' replies in.
 * On two cores a worker beside this thread beat two workers with this one waiting: a worker takes
 * tens of milliseconds to start, which this thread spends scanning. Each batch's result goes to
 * `onBatch` on this thread. Listing runs ahead by at most DEPTH batches per worker, so memory stays
 * flat on any tree.
 */
export async function scanInPool(paths: AsyncIterable<readonly string[]>, workers: number, init: WorkerInit, local: (batch: string[]) => BatchResult, onBatch: (r: BatchResult) => void): Promise<void> {
  // Loaded here, not with the module: history, range and small-tree scans never start a worker.
  const { Worker } = await import('node:worker_threads');
  const lanes: Lane[] = Array.from({ length: workers }, () => {
    const lane: Lane = { worker: new Worker(workerUrl(), { workerData: init }), pending: [] };
    lane.worker.on('message', (out: BatchResult) => lane.pending.shift()?.resolve(out));
    lane.worker.on('error', (e) => lane.pending.splice(0).forEach((p) => p.reject(e)));
    return lane;
  });
  const inflight = new Set<Promise<void>>();
  const dispatch = async (batch: string[]) => {
    const lane = lanes.reduce<Lane | undefined>((a, b) => (!a || b.pending.length < a.pending.length ? b : a), undefined);
    if (!lane || lane.pending.length >= DEPTH) {
      onBatch(local(batch));
      // A macrotask turn: the workers' replies (message events) are taken only between tasks.
      await new Promise((resolve) => setImmediate(resolve));
      return;
    }
    const reply = new Promise<BatchResult>((resolve, reject) => lane.pending.push({ resolve, reject }));
    lane.worker.postMessage(batch);
    const done = reply.then(onBatch);
    inflight.add(done);
    void done.then(
      () => inflight.delete(done),
      () => undefined,
    );
  };
  try {
    let batch: string[] = [];
    for await (const listed of paths) {
      for (const rel of listed) {
        batch.push(rel);
        if (batch.length < BATCH) continue;
        await dispatch(batch);
        batch = [];
      }
    }
    if (batch.length) await dispatch(batch);
    await Promise.all(inflight);
  } finally {
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }
}
