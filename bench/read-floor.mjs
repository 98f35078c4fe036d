// The least a Node.js scanner of a tree can take: Node's start-up, listing the tree and reading
// every file once, with no search at all. `node bench/read-floor.mjs DIR THREADS`: with THREADS
// above 1, worker threads start before the listing and each reads its share of the files.
// Plain JavaScript, so no type stripping is loaded: the floor is as low as Node makes it.
import { closeSync, constants, openSync, readdirSync, readSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

function readAll(files) {
  const buf = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  for (const f of files) {
    const fd = openSync(f, FLAGS);
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) bytes += n;
    closeSync(fd);
  }
  return bytes;
}

if (isMainThread) {
  const [root, threads = '1'] = process.argv.slice(2);
  const workers = Array.from({ length: Number(threads) - 1 }, () => new Worker(new URL(import.meta.url)));
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push(p);
    }
  };
  walk(root);
  const share = Math.ceil(files.length / (workers.length + 1));
  const replies = workers.map((w, i) => new Promise((resolve) => {
    w.once('message', resolve);
    w.postMessage(files.slice((i + 1) * share, (i + 2) * share));
  }));
  const bytes = readAll(files.slice(0, share)) + (await Promise.all(replies)).reduce((a, b) => a + b, 0);
  await Promise.all(workers.map((w) => w.terminate()));
  process.stdout.write(`${files.length} files, ${bytes} bytes\n`);
} else {
  parentPort.once('message', (files) => parentPort.postMessage(readAll(files)));
}
