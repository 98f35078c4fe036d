// Working-tree benchmark: keyguard's bundled CLI against ripgrep with an equivalent search, runs
// interleaved, on generated trees of 2,000 files (20 MB) and 20,000 files (200 MB) with planted keys.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fingerprint } from '../src/detect/secret.ts';
import { MARKER, SHAPES, makeKey } from '../test/helpers/keygen.ts';
import { record } from './table.ts';
import { CLI_BUNDLE, fmt, fmtSpread, hasCommand, interleaved, prng, timed } from './util.ts';

interface Size {
  readonly files: number;
  readonly bytes: number;
  readonly planted: number;
  /** The goal for the ratio of medians against ripgrep. */
  readonly goal: number;
}
const SIZES: readonly Size[] = [
  { files: 2_000, bytes: 20 * 1024 * 1024, planted: 30, goal: 2 },
  { files: 20_000, bytes: 200 * 1024 * 1024, planted: 300, goal: 1.5 },
];

function generate({ files: FILES, bytes: TARGET_BYTES, planted: PLANTED }: Size, TREE: string, MANIFEST: string): string[] {
  rmSync(TREE, { recursive: true, force: true });
  const rand = prng(42);
  const word = () => Math.floor(rand() * 36 ** 6).toString(36);
  // Code-like lines, including near misses that a scanner must look at and reject.
  const pool: string[] = [];
  for (let i = 0; i < 400; i++) {
    const kind = i % 10;
    if (kind === 0) pool.push(`const ${word()} = process.env.OPENAI_API_KEY ?? "sk-your-key-here";`);
    else if (kind === 1) pool.push(`  ${word()}: "${Buffer.from(word() + word() + word()).toString('base64')}",`);
    else if (kind === 2) pool.push(`// see https://example.test/${word()}/${word()}?q=${word()}&sk-${word()}`);
    else if (kind === 3) pool.push(`${'x'.repeat(0)}var ${word()}=function(${word()}){return ${word()}.${word()}(${word()},${Math.floor(rand() * 1e6)})};`.repeat(8));
    else pool.push(`    ${word()}.${word()}(${word()}, ${word()}) // ${word()} ${word()} ${word()}`);
  }
  const avg = TARGET_BYTES / FILES;
  const planted: { file: string; fingerprint: string }[] = [];
  const plantAt = new Set<number>();
  while (plantAt.size < PLANTED) plantAt.add(Math.floor(rand() * FILES));
  for (let f = 0; f < FILES; f++) {
    const dir = path.join(TREE, `pkg${f % 50}`, `mod${f % 7}`);
    const rel = path.relative(TREE, path.join(dir, `file${f}.ts`)).split(path.sep).join('/');
    const size = Math.floor(avg * (0.2 + rand() * 1.6));
    const lines: string[] = [];
    let n = 0;
    while (n < size) {
      const line = pool[Math.floor(rand() * pool.length)]!;
      lines.push(line);
      n += line.length + 1;
    }
    if (plantAt.has(f)) {
      const key = makeKey(SHAPES[f % SHAPES.length]!);
      const asBase64 = f % 5 === 0;
      lines.splice(Math.floor(rand() * lines.length), 0, asBase64 ? `  OPENAI_API_KEY: ${Buffer.from(key).toString('base64')}` : `const apiKey = "${key}";`);
      planted.push({ file: rel, fingerprint: fingerprint(key) });
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(TREE, rel), lines.join('\n') + '\n');
  }
  writeFileSync(MANIFEST, JSON.stringify(planted));
  return planted.map((p) => p.fingerprint);
}

export function benchWorktree(): void {
  for (const size of SIZES) benchTree(size);
}

function benchTree(size: Size): void {
  const TREE = path.join(tmpdir(), `keyguard-bench-worktree-${size.files}-v1`);
  const MANIFEST = `${TREE}.planted.json`;
  const t0 = Date.now();
  const planted = existsSync(MANIFEST) && existsSync(TREE) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { fingerprint: string }[]).map((p) => p.fingerprint) : generate(size, TREE, MANIFEST);
  console.log(`worktree: tree of ${size.files} files, ~${size.bytes >> 20} MB, ${planted.length} planted keys at ${TREE} (ready in ${fmt((Date.now() - t0) / 1000, 1)} s)`);

  const out = path.join(tmpdir(), 'keyguard-bench-worktree.json');
  const keyguard = () => timed(process.execPath, [CLI_BUNDLE, 'scan', TREE, '--format', 'json', '--output', out, '--fail-on', 'none']);
  const kg = keyguard();
  if (kg.status !== 0) throw new Error(`keyguard failed: ${kg.stderr}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: { fingerprint: string }[]; stats: { bytesScanned: number; filesScanned: number } };
  const found = new Set(report.findings.map((f) => f.fingerprint));
  const missed = planted.filter((fp) => !found.has(fp)).length;
  const extra = [...found].filter((fp) => !planted.includes(fp)).length;
  const mb = report.stats.bytesScanned / 1e6;
  console.log(`  planted keys found ${planted.length - missed}/${planted.length}, unexpected ${extra}`);
  if (missed > 0) process.exitCode = 1;

  if (!hasCommand('rg')) {
    console.log(`  keyguard  ${fmt(kg.seconds)} s; ripgrep not found (apt-get install ripgrep): no baseline ratio`);
    return;
  }
  // The same search: plain keys, any of the marker's three base64 encodings, or the marker in UTF-16.
  const plain = `sk-[A-Za-z0-9_-]{20,160}${MARKER}[A-Za-z0-9_-]{20,128}`;
  const b64 = [0, 1, 2].map((align) => {
    // The base64 characters fully determined by the marker at each byte alignment.
    const enc = Buffer.concat([Buffer.alloc(align), Buffer.from(MARKER)]).toString('base64');
    return enc.slice(Math.ceil((align * 8) / 6), Math.floor(((align + MARKER.length) * 8) / 6));
  });
  const utf16 = [...MARKER].join('\\x00'); // the marker in UTF-16 without a byte-order mark
  const rg = () => timed('rg', ['--no-config', '-c', '-e', plain, ...b64.flatMap((p) => ['-e', p]), '-e', utf16, TREE]);
  const r = interleaved(7, keyguard, rg);
  console.log(`  keyguard  ${fmtSpread(r.keyguard)}  ${fmt(mb / r.keyguard.median, 0)} MB/s  peak RSS ${r.last.maxRssMb ? `${fmt(r.last.maxRssMb, 0)} MB` : 'n/a (no /usr/bin/time)'}  files ${report.stats.filesScanned}`);
  console.log(`  ripgrep   ${fmtSpread(r.baseline)}  ${fmt(mb / r.baseline.median, 0)} MB/s`);
  console.log(`  ratio keyguard/ripgrep (medians): ${fmt(r.ratio)}x (goal: within ${size.goal}x)`);
  record({ name: `worktree, ${size.files.toLocaleString('en')} files / ${size.bytes >> 20} MB`, keyguard: r.keyguard, baseline: 'ripgrep, the same search', baselineSpread: r.baseline, goal: `≤ ${size.goal}x`, recall: `${planted.length - missed}/${planted.length}` });

  // What no Node.js scanner can beat: Node itself listing the tree and reading each file once,
  // with no search, on one thread and on every core (the better of the two).
  const floors = [1, availableParallelism()].map((threads) => ({ threads, ...interleaved(7, () => timed(process.execPath, [FLOOR, TREE, String(threads)]), rg) }));
  const floor = floors.reduce((a, b) => (b.keyguard.median < a.keyguard.median ? b : a));
  console.log(`  Node floor (read every file, no search; ${floors.map((f) => `${f.threads} thread${f.threads > 1 ? 's' : ''} ${fmt(f.keyguard.median, 3)} s`).join(', ')})`);
  console.log(`  ratio floor/ripgrep (medians): ${fmt(floor.ratio)}x; keyguard/floor: ${fmt(r.keyguard.median / floor.keyguard.median)}x`);
  record({ name: `worktree floor, ${size.files.toLocaleString('en')} files: Node reads them, no search`, keyguard: floor.keyguard, baseline: 'ripgrep, the same search', baselineSpread: floor.baseline, goal: '—', recall: '—' });
}

/** The floor program (plain JavaScript: no type stripping to load). */
const FLOOR = path.join(import.meta.dirname, 'read-floor.mjs');
