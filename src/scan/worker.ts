/**
 * A scan worker thread: receives batches of paths, answers with their outcomes. Reading and
 * searching is CPU and syscall bound, so spreading it over the machine's cores is what brings a
 * tree scan near ripgrep's speed (see README, Benchmarks).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileReader } from '../sources/file-reader.ts';
import { scanBatch } from './file-scan.ts';

export interface WorkerInit {
  readonly root: string;
  readonly maxFileSize: number;
  readonly archiveDepth: number;
}

const init = workerData as WorkerInit;
const reader = new FileReader(init.root, init.maxFileSize);
parentPort!.on('message', (batch: string[]) => {
  parentPort!.postMessage(scanBatch(reader, batch, init.archiveDepth));
});
