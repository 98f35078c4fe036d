// Shared helpers for the benchmarks: timing a command, its peak RSS, and a seeded PRNG.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Timed {
  readonly seconds: number;
  readonly maxRssMb: number | undefined;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command once; peak RSS comes from GNU time when the machine has it. */
export function timed(cmd: string, args: readonly string[], opts: { cwd?: string } = {}): Timed {
  const withTime = existsSync(GNU_TIME);
  const start = process.hrtime.bigint();
  const r = withTime
    ? spawnSync(GNU_TIME, ['-f', '__maxrss_kb=%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 256 << 20, ...opts })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20, ...opts });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = /__maxrss_kb=(\d+)/.exec(r.stderr ?? '');
  return { seconds, maxRssMb: m ? Number(m[1]) / 1024 : undefined, status: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '').replace(/__maxrss_kb=\d+\n?/, '') };
}

/** The median of several runs, after one warm-up run that fills the page cache. */
export function median(runs: number, run: () => Timed): Timed {
  run();
  const all = Array.from({ length: runs }, run).sort((a, b) => a.seconds - b.seconds);
  return all[Math.floor(all.length / 2)]!;
}

/** mulberry32: the same tree every time for the same seed (keys themselves are random). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hasCommand(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);

/**
 * The CLI bundle a bench runs: the working copy's dist/, or KEYGUARD_BENCH_CLI (e.g. an older
 * build extracted with `git archive`) for before/after figures on the same machine.
 */
export const CLI_BUNDLE = process.env.KEYGUARD_BENCH_CLI || 'dist/cli/index.js';
