import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * One long-lived `git cat-file --batch` for reading blobs by `rev:path`, so looking up a few
 * hundred files costs one process, not one each. Requests are answered in order.
 */
export class BlobReader {
  readonly #child: ChildProcessWithoutNullStreams;
  #buf: Buffer = Buffer.alloc(0);
  readonly #waiting: { resolve: (b: Buffer | undefined) => void; reject: (e: Error) => void }[] = [];
  #failed: Error | undefined;

  constructor(cwd: string) {
    // -z: paths may hold newlines. Needs git 2.38 or later.
    this.#child = spawn('git', ['cat-file', '--batch', '-z'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child.stdout.on('data', (d: Buffer) => {
      this.#buf = this.#buf.length ? Buffer.concat([this.#buf, d]) : d;
      this.#drain();
    });
    let stderr = '';
    this.#child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const fail = (e: Error) => {
      this.#failed = e;
      for (const w of this.#waiting.splice(0)) w.reject(e);
    };
    this.#child.on('error', fail);
    this.#child.on('close', (code) => code && fail(new Error(`git cat-file failed (exit ${code}): ${stderr.trim()}`)));
  }

  /** The blob at `spec` (`<commit>:<path>`, `:<path>` for the index), or undefined when missing. */
  read(spec: string): Promise<Buffer | undefined> {
    if (this.#failed) return Promise.reject(this.#failed);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#child.stdin.write(`${spec}\0`);
    });
  }

  #drain(): void {
    for (;;) {
      const nl = this.#buf.indexOf(0x0a);
      if (nl === -1 || this.#waiting.length === 0) return;
      const header = this.#buf.toString('utf8', 0, nl);
      if (/ (missing|ambiguous)$/.test(header)) {
        this.#buf = this.#buf.subarray(nl + 1);
        this.#waiting.shift()!.resolve(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.#buf.length < nl + 1 + size + 1) return;
      const blob = Buffer.from(this.#buf.subarray(nl + 1, nl + 1 + size));
      this.#buf = this.#buf.subarray(nl + 1 + size + 1);
      const type = header.split(' ')[1];
      this.#waiting.shift()!.resolve(type === 'blob' ? blob : undefined);
    }
  }

  close(): void {
    this.#child.stdin.end();
  }
}

/** What `git cat-file --batch-check` says of one object name. */
export type ObjectInfo = { readonly oid: string; readonly type: string; readonly size: number } | undefined;

/**
 * Looks up many object names (`<rev>:<path>`, blob ids) in one `git cat-file --batch-check`;
 * answers in the order asked, undefined for a name that does not exist.
 */
export async function checkObjects(cwd: string, names: readonly string[]): Promise<ObjectInfo[]> {
  if (names.length === 0) return [];
  const child = spawn('git', ['cat-file', '--batch-check', '-z'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
  child.stdin.end(names.map((n) => `${n}\0`).join(''));
  const code = await closed;
  if (code !== 0) throw new Error(`git cat-file --batch-check failed (exit ${code}): ${stderr.trim()}`);
  const lines = Buffer.concat(out).toString('utf8').split('\n');
  return names.map((_, i) => {
    const m = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(lines[i] ?? '');
    return m ? { oid: m[1]!, type: m[2]!, size: Number(m[3]) } : undefined;
  });
}
