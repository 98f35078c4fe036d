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

export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

const spread = (runs: readonly Timed[]): Spread => {
  const s = runs.map((r) => r.seconds).sort((x, y) => x - y);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s.at(-1)! };
};

/**
 * keyguard and its baseline run turn about (after one warm-up each), so a noisy stretch of the
 * machine falls on both rather than on one: min/median/max of each and the ratio of medians.
 */
export function interleaved(runs: number, keyguard: () => Timed, baseline: () => Timed): { keyguard: Spread; baseline: Spread; ratio: number; last: Timed } {
  keyguard();
  baseline();
  const k: Timed[] = [];
  const b: Timed[] = [];
  for (let i = 0; i < runs; i++) {
    k.push(keyguard());
    b.push(baseline());
  }
  const ks = spread(k);
  const bs = spread(b);
  return { keyguard: ks, baseline: bs, ratio: ks.median / bs.median, last: k.at(-1)! };
}

/** `0.31 s (0.29–0.40)`: the median, then the min and max. */
export const fmtSpread = (s: Spread, digits = 2) => `${s.median.toFixed(digits)} s (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

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
