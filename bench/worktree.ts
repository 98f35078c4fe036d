// Working-tree benchmark: keyguard's bundled CLI against ripgrep with an equivalent search, on a
// generated tree of about 200 MB in 20,000 files with a few hundred planted keys.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fingerprint } from '../src/detect/secret.ts';
import { MARKER, SHAPES, makeKey } from '../test/helpers/keygen.ts';
import { CLI_BUNDLE, fmt, hasCommand, median, prng, timed } from './util.ts';

const FILES = 20_000;
const TARGET_BYTES = 200 * 1024 * 1024;
const PLANTED = 300;
const TREE = path.join(tmpdir(), 'keyguard-bench-worktree-v1');
const MANIFEST = path.join(TREE, '..', 'keyguard-bench-worktree-v1.planted.json');

function generate(): string[] {
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
  const t0 = Date.now();
  const planted = existsSync(MANIFEST) && existsSync(TREE) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { fingerprint: string }[]).map((p) => p.fingerprint) : generate();
  console.log(`worktree: tree of ${FILES} files, ~${TARGET_BYTES >> 20} MB, ${planted.length} planted keys at ${TREE} (ready in ${fmt((Date.now() - t0) / 1000, 1)} s)`);

  const out = path.join(tmpdir(), 'keyguard-bench-worktree.json');
  const kg = median(5, () => timed(process.execPath, [CLI_BUNDLE, 'scan', TREE, '--format', 'json', '--output', out, '--fail-on', 'none']));
  if (kg.status !== 0) throw new Error(`keyguard failed: ${kg.stderr}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: { fingerprint: string }[]; stats: { bytesScanned: number; filesScanned: number } };
  const found = new Set(report.findings.map((f) => f.fingerprint));
  const missed = planted.filter((fp) => !found.has(fp)).length;
  const extra = [...found].filter((fp) => !planted.includes(fp)).length;
  const mb = report.stats.bytesScanned / 1e6;
  console.log(`  keyguard  ${fmt(kg.seconds)} s  ${fmt(mb / kg.seconds, 0)} MB/s  peak RSS ${kg.maxRssMb ? `${fmt(kg.maxRssMb, 0)} MB` : 'n/a (no /usr/bin/time)'}  files ${report.stats.filesScanned}`);
  console.log(`  planted keys found ${planted.length - missed}/${planted.length}, unexpected ${extra}`);

  if (!hasCommand('rg')) {
    console.log('  ripgrep not found (apt-get install ripgrep): no baseline ratio');
    return;
  }
  // The same search: plain keys, or any of the marker's three base64 encodings.
  const plain = `sk-[A-Za-z0-9_-]{20,160}${MARKER}[A-Za-z0-9_-]{20,128}`;
  const b64 = [0, 1, 2].map((align) => {
    // The base64 characters fully determined by the marker at each byte alignment.
    const enc = Buffer.concat([Buffer.alloc(align), Buffer.from(MARKER)]).toString('base64');
    return enc.slice(Math.ceil((align * 8) / 6), Math.floor(((align + MARKER.length) * 8) / 6));
  });
  const rg = median(5, () => timed('rg', ['--no-config', '-c', '-e', plain, ...b64.flatMap((p) => ['-e', p]), TREE]));
  console.log(`  ripgrep   ${fmt(rg.seconds)} s  ${fmt(mb / rg.seconds, 0)} MB/s  peak RSS ${rg.maxRssMb ? `${fmt(rg.maxRssMb, 0)} MB` : 'n/a'}  files with matches ${rg.stdout.trim().split('\n').filter(Boolean).length}`);
  console.log(`  ratio keyguard/ripgrep: ${fmt(kg.seconds / rg.seconds)}x (goal: within 3x)`);
  if (missed > 0) process.exitCode = 1;
}
