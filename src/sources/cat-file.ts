import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileNameBytes } from '../text/file-name.ts';

const NUL = Buffer.of(0);
const FLUSH = Buffer.from('flush\0');
/** A name as git reads and echoes it (see fileNameBytes). */
const nameBytes = (name: string) => Buffer.from(fileNameBytes(name));

/** What git says of one object name: its id, type and size; undefined when it does not exist. */
export type ObjectInfo = { readonly oid: string; readonly type: string; readonly size: number } | undefined;

/** A request waiting for its answer: a batch of lookups (one entry, not one per name: there may be 500,000), or a blob. */
type Waiting = { readonly reject: (e: Error) => void } & (
  | { readonly kind: 'info'; readonly names: readonly string[]; readonly answers: ObjectInfo[]; readonly resolve: (o: ObjectInfo[]) => void }
  | { readonly kind: 'contents'; readonly name: string; readonly resolve: (b: Buffer | undefined) => void }
);

const INFO = /^([0-9a-f]{40,64}) (\w+) (\d+)$/;

/**
 * One long-lived `git cat-file --batch-command` for a scan's object lookups: what object names
 * (`<rev>:<path>`, ids) are, and blobs' bytes, so a scan with keys costs one process for all of
 * them (it was three: a batch-check for the tips' trees, one for the files at them, a batch for
 * the blobs). Requests are answered in order, and written in batches (`--buffer`, a `flush` per
 * tick), so many lookups cost a few writes. git starts at the first request: a scan that finds
 * nothing to look up (a history without keys) starts no process.
 */
export class BlobReader {
  readonly #cwd: string;
  #started: ChildProcessWithoutNullStreams | undefined;
  /** Output not yet consumed, joined only when a whole answer is there (joining per chunk was quadratic on a large blob). */
  #chunks: Buffer[] = [];
  #length = 0;
  /** The header of the blob being read, once seen. */
  #expect: { size: number; type: string } | undefined;
  readonly #waiting: Waiting[] = [];
  /** Commands not yet written: written together, with a flush, once this tick's requests are in. */
  #queued: Buffer[] = [];
  #failed: Error | undefined;
  #closed = false;

  constructor(cwd: string) {
    this.#cwd = cwd;
  }

  get #child(): ChildProcessWithoutNullStreams {
    return (this.#started ??= this.#start());
  }

  #start(): ChildProcessWithoutNullStreams {
    // -z: paths may hold newlines. Needs git 2.38 or later.
    const child = spawn('git', ['cat-file', '--batch-command', '--buffer', '-z'], { cwd: this.#cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => {
      this.#chunks.push(d);
      this.#length += d.length;
      this.#drain();
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => this.#fail(e));
    child.stdin.on('error', (e) => this.#fail(e));
    child.on('close', (code) => code && this.#fail(new Error(`git cat-file failed (exit ${code}): ${stderr.trim()}`)));
    return child;
  }

  #fail(e: Error): void {
    this.#failed ??= e;
    for (const w of this.#waiting.splice(0)) w.reject(e);
  }

  #send(w: Waiting): void {
    if (this.#failed || this.#closed) return w.reject(this.#failed ?? new Error('git cat-file: asked after close'));
    this.#waiting.push(w);
    if (this.#queued.length === 0) {
      queueMicrotask(() => {
        const commands = this.#queued.splice(0);
        if (!this.#failed) this.#child.stdin.write(Buffer.concat([...commands, FLUSH]));
      });
    }
    // Names as bytes: a path that is not UTF-8 (decodeFileName) must reach git as it is.
    for (const name of w.kind === 'info' ? w.names : [w.name]) this.#queued.push(Buffer.from(`${w.kind === 'info' ? 'info' : 'contents'} `), nameBytes(name), NUL);
  }

  /** What each name is (`<rev>:<path>`, `<rev>^{tree}`, an id), in the order asked. */
  info(names: readonly string[]): Promise<ObjectInfo[]> {
    if (names.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => this.#send({ kind: 'info', names, answers: [], resolve, reject }));
  }

  /** The blob at `spec` (`<commit>:<path>`, `:<path>` for the index, an id), or undefined when missing or not a blob. */
  read(spec: string): Promise<Buffer | undefined> {
    return new Promise((resolve, reject) => this.#send({ kind: 'contents', name: spec, resolve, reject }));
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
      const w = this.#waiting[0]!;
      if (!this.#expect) {
        const buf = this.#flat();
        const nl = buf.indexOf(0x0a);
        if (nl === -1) return;
        const m = INFO.exec(buf.toString('utf8', 0, nl));
        const name = w.kind === 'info' ? w.names[w.answers.length]! : w.name;
        if (!m) {
          // `<name> missing` or `<name> ambiguous`, the name as asked: it may hold a newline (a
          // path), so its length, not the first newline, says where the answer ends.
          const at = nameBytes(name).length + 1;
          const word = buf.toString('latin1', at, at + 10);
          const end = word.startsWith('missing\n') ? at + 8 : word === 'ambiguous\n' ? at + 10 : -1;
          if (end === -1) {
            if (word.length === 10) this.#fail(new Error(`git cat-file: unexpected answer for ${name}`));
            return; // else not all here yet
          }
          this.#consume(end);
          this.#answer(w, undefined);
          continue;
        }
        this.#consume(nl + 1);
        if (w.kind === 'info') {
          this.#answer(w, { oid: m[1]!, type: m[2]!, size: Number(m[3]) });
          continue;
        }
        this.#expect = { size: Number(m[3]), type: m[2]! };
      }
      const { size, type } = this.#expect;
      if (this.#length < size + 1) return;
      const blob = Buffer.from(this.#flat().subarray(0, size));
      this.#consume(size + 1);
      this.#expect = undefined;
      this.#waiting.shift();
      (w as Extract<Waiting, { kind: 'contents' }>).resolve(type === 'blob' ? blob : undefined);
    }
  }

  /** One answer for the first request: a lookup, or a missing blob. */
  #answer(w: Waiting, info: ObjectInfo): void {
    if (w.kind === 'contents') {
      this.#waiting.shift();
      return w.resolve(undefined);
    }
    w.answers.push(info);
    if (w.answers.length < w.names.length) return;
    this.#waiting.shift();
    w.resolve(w.answers);
  }

  close(): void {
    this.#closed = true;
    this.#started?.stdin.end();
  }
}

/** Blobs read ahead by readAhead: enough to cover the round trips, few enough for memory. */
const AHEAD = { count: 16, bytes: 16 << 20 };

/**
 * The blobs at `items` (sizes as `info` gave them), in order, with reads in flight ahead of the
 * one handed out (a round trip per blob, one after the other, was most of a scan's last
 * milliseconds), up to AHEAD blobs or bytes.
 */
export async function* readAhead<T extends { readonly spec: string; readonly size: number }>(reader: BlobReader, items: readonly T[]): AsyncGenerator<[T, Buffer | undefined]> {
  const inFlight: [T, Promise<Buffer | undefined>][] = [];
  let next = 0;
  let bytes = 0;
  const fill = () => {
    while (next < items.length && (inFlight.length === 0 || (inFlight.length < AHEAD.count && bytes + items[next]!.size <= AHEAD.bytes))) {
      const item = items[next++]!;
      const read = reader.read(item.spec);
      read.catch(() => undefined); // awaited in turn below; a failure is thrown there
      inFlight.push([item, read]);
      bytes += item.size;
    }
  };
  fill();
  while (inFlight.length > 0) {
    const [item, read] = inFlight.shift()!;
    const data = await read;
    bytes -= item.size;
    fill();
    yield [item, data];
  }
}
