import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * One long-lived `git cat-file --batch` for reading blobs by `rev:path`, so looking up a few
 * hundred files costs one process, not one each. Requests are answered in order. git starts at the
 * first read: a scan that finds nothing to read (a history without keys) starts no process.
 */
export class BlobReader {
  readonly #cwd: string;
  #started: ChildProcessWithoutNullStreams | undefined;
  /** Output not yet consumed, joined only when a whole answer is there (joining per chunk was quadratic on a large blob). */
  #chunks: Buffer[] = [];
  #length = 0;
  /** The header of the answer being read, once seen. */
  #expect: { size: number; type: string } | undefined;
  readonly #waiting: { resolve: (b: Buffer | undefined) => void; reject: (e: Error) => void }[] = [];
  #failed: Error | undefined;

  constructor(cwd: string) {
    this.#cwd = cwd;
  }

  get #child(): ChildProcessWithoutNullStreams {
    return (this.#started ??= this.#start());
  }

  #start(): ChildProcessWithoutNullStreams {
    // -z: paths may hold newlines. Needs git 2.38 or later.
    const child = spawn('git', ['cat-file', '--batch', '-z'], { cwd: this.#cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => {
      this.#chunks.push(d);
      this.#length += d.length;
      this.#drain();
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const fail = (e: Error) => {
      this.#failed = e;
      for (const w of this.#waiting.splice(0)) w.reject(e);
    };
    child.on('error', fail);
    child.on('close', (code) => code && fail(new Error(`git cat-file failed (exit ${code}): ${stderr.trim()}`)));
    return child;
  }

  /** The blob at `spec` (`<commit>:<path>`, `:<path>` for the index), or undefined when missing. */
  read(spec: string): Promise<Buffer | undefined> {
    if (this.#failed) return Promise.reject(this.#failed);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#child.stdin.write(`${spec}\0`);
    });
  }

  /** The unconsumed output as one buffer. */
  #flat(): Buffer {
    if (this.#chunks.length > 1) this.#chunks = [Buffer.concat(this.#chunks)];
    return this.#chunks[0] ?? Buffer.alloc(0);
  }

  #consume(n: number): void {
    const rest = this.#flat().subarray(n);
    this.#chunks = rest.length ? [rest] : [];
    this.#length = rest.length;
  }

  #drain(): void {
    while (this.#waiting.length > 0) {
      if (!this.#expect) {
        const buf = this.#flat();
        const nl = buf.indexOf(0x0a);
        if (nl === -1) return;
        const header = buf.toString('utf8', 0, nl);
        this.#consume(nl + 1);
        if (/ (missing|ambiguous)$/.test(header)) {
          this.#waiting.shift()!.resolve(undefined);
          continue;
        }
        const [, type, size] = header.split(' ');
        this.#expect = { size: Number(size), type: type ?? '' };
      }
      const { size, type } = this.#expect;
      if (this.#length < size + 1) return;
      const blob = Buffer.from(this.#flat().subarray(0, size));
      this.#consume(size + 1);
      this.#expect = undefined;
      this.#waiting.shift()!.resolve(type === 'blob' ? blob : undefined);
    }
  }

  close(): void {
    this.#started?.stdin.end();
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
