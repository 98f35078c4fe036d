import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { decodeFileName } from '../text/file-name.ts';

/** Runs git and returns its stdout; a non-zero exit becomes an error naming the command and stderr. */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of gitStream(cwd, args)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Streams git's stdout; throws after the stream ends when git failed. `large`: output of many
 * megabytes (a whole history's log), written in 64 KB blocks where the system can (see stdbuf).
 */
export async function* gitStream(cwd: string, args: readonly string[], options: { large?: boolean } = {}): AsyncGenerator<Buffer> {
  // git log flushes after every commit when stdout is a pipe: tens of thousands of tiny writes
  // that stall git on the pipe and wake Node for each. GIT_FLUSH=0 lets stdio buffer fill.
  const through = options.large ? stdbuf() : undefined;
  const [command, argv] = through ? [through, ['-o', '64K', 'git', ...args]] : ['git', args];
  const child = spawn(command, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_FLUSH: '0' } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
  const exit = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
  let wrote = false;
  try {
    for await (const chunk of child.stdout) {
      wrote = true;
      yield chunk as Buffer;
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exit;
  // 125-127: stdbuf itself failed (its library missing, say), not git: without it from now on.
  if (through && !wrote && code >= 125 && code <= 127) {
    found = null;
    yield* gitStream(cwd, args);
    return;
  }
  if (code !== 0) throw new Error(`git ${args[0]} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`);
}

let found: string | null | undefined;

/**
 * GNU coreutils' `stdbuf` (absolute path), when on PATH on Linux. stdio buffers a pipe in 4 KB
 * writes, each waking the reader: a 20,000-commit log took 0.85 s to read against 0.79 s to
 * /dev/null; in 64 KB writes (stdbuf sets git's stdout buffer) 0.79 s, 320 reads instead of 5,000.
 * Elsewhere (macOS, Windows, no coreutils) git runs as it is.
 */
function stdbuf(): string | undefined {
  if (found === undefined) {
    found = null;
    // Only absolute PATH entries: a relative one would run whatever the scanned folder holds.
    const dirs = process.platform === 'linux' ? (process.env.PATH ?? '').split(path.delimiter).filter((d) => path.isAbsolute(d)) : [];
    for (const dir of dirs) {
      try {
        accessSync(path.join(dir, 'stdbuf'), constants.X_OK);
        found = path.join(dir, 'stdbuf');
        break;
      } catch {
        // not in this one
      }
    }
  }
  return found ?? undefined;
}

/**
 * Splits a NUL-separated stream into its entries, a batch per chunk read. Entries that are not
 * UTF-8 keep their bytes (decodeFileName): a path git lists must name the same file when opened.
 */
export async function* nulSeparated(stream: AsyncIterable<Buffer>): AsyncGenerator<string[]> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    // Split on bytes, not after decoding: a chunk may end inside a multi-byte character.
    const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    const end = buf.lastIndexOf(0);
    if (end === -1) {
      rest = buf;
      continue;
    }
    const text = buf.toString('utf8', 0, end);
    yield text.includes('\uFFFD') ? splitNames(buf, end) : text.split('\0');
    rest = buf.subarray(end + 1);
  }
  if (rest.length) yield [decodeFileName(rest)];
}

/** The NUL-separated entries of `buf` up to `end`, each decoded as a file name (see decodeFileName). */
function splitNames(buf: Buffer, end: number): string[] {
  const names: string[] = [];
  for (let start = 0; ; ) {
    const nul = buf.indexOf(0, start);
    const stop = nul === -1 || nul > end ? end : nul;
    names.push(decodeFileName(buf, start, stop));
    if (stop === end) return names;
    start = stop + 1;
  }
}

/** The commit HEAD names, or undefined (a repository without commits, or none at all). */
export async function headCommit(root: string): Promise<string | undefined> {
  return (await git(root, ['rev-parse', 'HEAD']).catch(() => '')).trim() || undefined;
}

/** The top of the work tree holding `dir`, or undefined when it is not in a git repository. */
export async function gitTopLevel(dir: string): Promise<string | undefined> {
  return (await gitWorkTree(dir))?.top;
}

/**
 * The top of the work tree holding `dir` and whether the clone is shallow, from one git (each
 * start is a few milliseconds of a scan's fixed cost); undefined when it is not in a git repository.
 */
export async function gitWorkTree(dir: string): Promise<{ top: string; shallow: boolean } | undefined> {
  try {
    const [top, shallow] = (await git(dir, ['rev-parse', '--show-toplevel', '--is-shallow-repository'])).split('\n');
    return top ? { top, shallow: shallow === 'true' } : undefined;
  } catch {
    return undefined;
  }
}
