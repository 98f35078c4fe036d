import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
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
 * Scans paths on `threads` worker threads, handing each batch's result to `onBatch` on this thread.
 * Listing runs ahead by at most DEPTH batches per worker, so memory stays flat on any tree.
 */
export async function scanInPool(paths: AsyncIterable<readonly string[]>, threads: number, init: WorkerInit, onBatch: (r: BatchResult) => void): Promise<void> {
  const lanes: Lane[] = Array.from({ length: threads }, () => {
    const lane: Lane = { worker: new Worker(workerUrl(), { workerData: init }), pending: [] };
    lane.worker.on('message', (out: BatchResult) => lane.pending.shift()?.resolve(out));
    lane.worker.on('error', (e) => lane.pending.splice(0).forEach((p) => p.reject(e)));
    return lane;
  });
  const inflight = new Set<Promise<void>>();
  const send = (batch: string[]) => {
    const lane = lanes.reduce((a, b) => (b.pending.length < a.pending.length ? b : a));
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
        send(batch);
        batch = [];
        if (inflight.size >= threads * DEPTH) await Promise.race(inflight);
      }
    }
    if (batch.length) send(batch);
    await Promise.all(inflight);
  } finally {
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }
}
