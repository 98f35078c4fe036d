// History benchmark: `keyguard scan --history` against `git log -p --all` writing to /dev/null,
// runs interleaved, on generated repositories of 10,000 commits over 300 files, and of 20,000 and
// 60,000 small commits (keys planted in a few, half deleted later).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fingerprint } from '../src/detect/secret.ts';
import { SHAPES, makeKey } from '../test/helpers/keygen.ts';
import { record } from './table.ts';
import { CLI_BUNDLE, fmt, fmtSpread, interleaved, prng, timed } from './util.ts';

interface Shape {
  readonly commits: number;
  readonly files: number;
  /** Lines of a file: `lines` plus up to `spread` more. */
  readonly lines: number;
  readonly spread: number;
}
const SHAPES_OF_HISTORY: readonly Shape[] = [
  { commits: 10_000, files: 300, lines: 100, spread: 300 },
  { commits: 20_000, files: 300, lines: 10, spread: 40 },
  { commits: 60_000, files: 300, lines: 10, spread: 40 },
];
const PLANTED = 24;

/** Builds the repository through `git fast-import`: seconds instead of minutes of `git commit`. */
function generate({ commits: COMMITS, files: FILES, lines: LINES, spread: SPREAD }: Shape, REPO: string, MANIFEST: string): string[] {
  rmSync(REPO, { recursive: true, force: true });
  execFileSync('git', ['init', '-q', '-b', 'main', REPO]);
  const rand = prng(7);
  const word = () => Math.floor(rand() * 36 ** 6).toString(36);
  const files = Array.from({ length: FILES }, (_, i) => ({
    path: `src/mod${i % 20}/file${i}.${['ts', 'py', 'go', 'md'][i % 4]}`,
    lines: Array.from({ length: LINES + Math.floor(rand() * SPREAD) }, () => `  ${word()}(${word()}, ${word()}); // ${word()} ${word()}`),
  }));
  const plantAt = new Map<number, number>(); // commit -> key index
  while (plantAt.size < PLANTED) plantAt.set(50 + Math.floor(rand() * (COMMITS - 100)), plantAt.size);
  const planted: { fingerprint: string; file: number; line: number; deleteAt: number | undefined }[] = [];
  // The stream goes to a file as it is made: 60,000 commits would not fit in one string.
  const streamFile = `${REPO}.fast-import`;
  const fd = openSync(streamFile, 'w');
  const parts = { push: (...text: string[]) => text.forEach((t) => writeSync(fd, t)) };
  const blob = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let c = 1; c <= COMMITS; c++) {
    // Every 500 commits a side branch of 5 commits, merged back, so --all and merges are exercised.
    const branch = c % 500 >= 495 ? 'refs/heads/side' : 'refs/heads/main';
    const changes: string[] = [];
    const touched = new Set<number>();
    for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
      const f = Math.floor(rand() * FILES);
      touched.add(f);
      const lines = files[f]!.lines;
      for (let k = 0; k < 3; k++) lines[Math.floor(rand() * lines.length)] = `  ${word()}(${word()}); // changed in ${c}`;
    }
    const k = plantAt.get(c);
    if (k !== undefined) {
      const f = Math.floor(rand() * FILES);
      touched.add(f);
      const key = makeKey(SHAPES[k % SHAPES.length]!);
      const line = Math.floor(rand() * files[f]!.lines.length);
      files[f]!.lines.splice(line, 0, `  const apiKey = "${key}";`);
      planted.push({ fingerprint: fingerprint(key), file: f, line, deleteAt: k % 2 === 0 ? c + 20 : undefined });
    }
    for (const p of planted) {
      if (p.deleteAt !== c) continue;
      const lines = files[p.file]!.lines;
      const i = lines.findIndex((l) => l.includes('const apiKey'));
      if (i !== -1) lines.splice(i, 1);
      touched.add(p.file);
    }
    for (const f of touched) changes.push(`M 100644 inline ${files[f]!.path}\n${blob(files[f]!.lines.join('\n') + '\n')}`);
    const when = 1_600_000_000 + c * 600;
    parts.push(`commit ${branch}\nmark :${c}\nauthor Bench <bench@example.test> ${when} +0000\ncommitter Bench <bench@example.test> ${when} +0000\n${blob(`commit ${c}`)}`);
    if (c > 1) parts.push(`from :${branch === 'refs/heads/side' && c % 500 === 495 ? c - 1 : c - 1}\n`);
    if (branch === 'refs/heads/main' && c % 500 === 0 && c > 500) parts.push(`merge :${c - 1}\n`);
    parts.push(changes.join(''), '\n');
  }
  // Commits on main and side interleave by mark: `from :c-1` keeps one line of history; the merges
  // join side back. This is enough shape for the benchmark; it does not model a real team.
  closeSync(fd);
  const r = spawnSync('sh', ['-c', `git fast-import --quiet < '${streamFile}'`], { cwd: REPO });
  rmSync(streamFile, { force: true });
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
  // fast-import packs loosely; a real repository is delta-compressed (110 MB -> 11 MB here).
  execFileSync('git', ['repack', '-adfq', '--window=10', '--depth=50'], { cwd: REPO });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: REPO });
  writeFileSync(MANIFEST, JSON.stringify(planted.map((p) => p.fingerprint)));
  return planted.map((p) => p.fingerprint);
}

export function benchHistory(): void {
  for (const shape of SHAPES_OF_HISTORY) benchRepository(shape);
}

function benchRepository(shape: Shape): void {
  const REPO = path.join(tmpdir(), `keyguard-bench-history-${shape.commits}-v3`);
  const MANIFEST = `${REPO}.planted.json`;
  const t0 = Date.now();
  const planted = existsSync(MANIFEST) && existsSync(REPO) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as string[]) : generate(shape, REPO, MANIFEST);
  const commits = execFileSync('git', ['rev-list', '--all', '--count'], { cwd: REPO, encoding: 'utf8' }).trim();
  console.log(`history: ${commits} commits over ${shape.files} files of ${shape.lines}–${shape.lines + shape.spread} lines, ${planted.length} planted keys (half deleted later) at ${REPO} (ready in ${fmt((Date.now() - t0) / 1000, 1)} s)`);

  const out = path.join(tmpdir(), 'keyguard-bench-history.json');
  const keyguard = () => timed(process.execPath, [CLI_BUNDLE, 'scan', REPO, '--history', '--format', 'json', '--output', out, '--fail-on', 'none']);
  // The baseline, as the issue states it: git's own diff generation for every commit, to /dev/null.
  const gitLog = () => timed('sh', ['-c', 'git log -p --all > /dev/null'], { cwd: REPO });
  const r = interleaved(5, keyguard, gitLog);
  if (r.last.status !== 0) throw new Error(`keyguard failed: ${r.last.stderr}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: { fingerprint: string; presentAtHead: boolean }[]; stats: { bytesScanned: number; commitsScanned: number; peakRssMb: number } };
  const found = new Set(report.findings.map((f) => f.fingerprint));
  const missed = planted.filter((fp) => !found.has(fp)).length;
  const removed = report.findings.filter((f) => !f.presentAtHead).length;
  console.log(`  keyguard  ${fmtSpread(r.keyguard)}  ${report.stats.commitsScanned} commits  ${fmt(report.stats.bytesScanned / 1e6, 0)} MB of diffs read  peak RSS ${report.stats.peakRssMb} MB`);
  console.log(`  git log -p --all > /dev/null  ${fmtSpread(r.baseline)}`);
  console.log(`  planted keys found ${planted.length - missed}/${planted.length} (${removed} no longer at HEAD), unexpected ${[...found].filter((f) => !planted.includes(f)).length}`);
  console.log(`  ratio keyguard/git (medians): ${fmt(r.ratio)}x (goal: within 1.1x; peak RSS under 200 MB)`);
  record({ name: `history, ${Number(commits).toLocaleString('en')} commits${shape.lines >= 100 ? ' over larger files' : ''}`, keyguard: r.keyguard, baseline: '`git log -p --all`', baselineSpread: r.baseline, goal: '≤ 1.1x', recall: `${planted.length - missed}/${planted.length}` });
  if (missed > 0) process.exitCode = 1;
}
