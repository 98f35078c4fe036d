// Adversarial benchmark: inputs built to stall a scanner, timed beside ripgrep (or GNU grep when rg
// is missing) counting the marker in the same bytes, and `git log -p` for the history case. keyguard must stay linear: its ratio to the baseline should
// not grow with the input.
//   - a 9.4 MB file of the marker repeated (the detector used to be quadratic here: 60 s);
//   - a 500 MB file with one key at the end (the inline-allow search used to read to the end of
//     the file per key, and the whole file was held in memory: 6 s, 1.5 GB);
//   - a history whose one commit adds a 40 MB line of markers (under a 64 MiB size limit);
//   - 1,000 zip bombs of 16 KB, each a 16 MiB entry of zeros and one whose header says it is 600 KB
//     (keyguard expands an archive to at most 100 times its size: the first is not read, the
//     second stops at its 600 KB), and one key in a small entry of the last.
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeZip } from '../test/helpers/archive.ts';
import { MARKER, SHAPES, makeKey } from '../test/helpers/keygen.ts';
import { record } from './table.ts';
import { CLI_BUNDLE, fmt, fmtSpread, hasCommand, interleaved, timed } from './util.ts';

const DIR = path.join(tmpdir(), 'keyguard-bench-adversarial-v2');

function prepare(): void {
  if (existsSync(path.join(DIR, 'done'))) return;
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(path.join(DIR, 'markers'), { recursive: true });
  writeFileSync(path.join(DIR, 'markers', 'markers.txt'), MARKER.repeat(1_175_000));
  mkdirSync(path.join(DIR, 'huge'));
  const fd = openSync(path.join(DIR, 'huge', 'dump.sql'), 'w');
  const block = Buffer.from('INSERT INTO t VALUES (1, "abcdefghij", "klmnopqrst");\n'.repeat(20_000));
  for (let n = 0; n < 500e6; n += block.length) writeSync(fd, block);
  writeSync(fd, `-- ${makeKey(SHAPES[0]!)}\n`);
  closeSync(fd);
  mkdirSync(path.join(DIR, 'bombs'));
  const zeros = Buffer.alloc(16 << 20);
  for (let i = 0; i < 1000; i++) {
    const bomb = makeZip([{ name: 'zeros.bin', data: zeros }, { name: 'liar.bin', data: zeros }, ...(i === 999 ? [{ name: 'config.env', data: `KEY=${makeKey(SHAPES[0]!)}\n` }] : [])]);
    // liar.bin's central directory entry says 600 KB (the second entry's size field).
    const second = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 1);
    bomb.writeUInt32LE(600_000, second + 24);
    writeFileSync(path.join(DIR, 'bombs', `bomb-${i}.zip`), bomb);
  }
  const repo = path.join(DIR, 'history');
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  writeFileSync(path.join(repo, 'min.js'), `${MARKER.repeat(5_000_000)} ${makeKey(SHAPES[0]!)}\n`);
  execFileSync('git', ['add', '-A'], { cwd: repo });
  execFileSync('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.test', 'commit', '-qm', 'long line'], { cwd: repo });
  writeFileSync(path.join(DIR, 'done'), '');
}

/** `planted`: keys the input holds; finding fewer (or more) fails the bench. */
function compare(name: string, planted: number, kgArgs: string[], baseline: [string, string[]]): void {
  const r = interleaved(5, () => timed(process.execPath, [CLI_BUNDLE, 'scan', ...kgArgs, '--format', 'json', '--fail-on', 'none']), () => timed(baseline[0], baseline[1]));
  if (r.last.status !== 0) throw new Error(`keyguard failed on ${name}: ${r.last.stderr}`);
  const report = JSON.parse(r.last.stdout) as { findings: unknown[]; stats: { peakRssMb?: number } };
  if (report.findings.length !== planted) process.exitCode = 1;
  record({ name, keyguard: r.keyguard, baseline: baseline[0] === 'git' ? '`git log -p`' : `\`${baseline[0]}\`, counting the marker`, baselineSpread: r.baseline, goal: '—', recall: `${report.findings.length}/${planted}` });
  console.log(`  ${name}: keyguard ${fmtSpread(r.keyguard)} (peak RSS ${report.stats.peakRssMb ?? 'n/a'} MB, ${report.findings.length}/${planted} keys found), ${baseline[0]} ${fmtSpread(r.baseline)}, ratio ${fmt(r.ratio)}x`);
}

export function benchAdversarial(): void {
  prepare();
  console.log(`adversarial: at ${DIR} (CLI ${CLI_BUNDLE})`);
  const rg = hasCommand('rg');
  const search = (target: string): [string, string[]] => (rg ? ['rg', ['-c', '--no-ignore', '-uu', '-F', MARKER, target]] : ['grep', ['-r', '-c', '-F', MARKER, target]]);
  compare('9.4 MB of the marker', 0, [path.join(DIR, 'markers')], search(path.join(DIR, 'markers')));
  compare('500 MB file, key at the end', 1, [path.join(DIR, 'huge'), '--max-file-size', '1GiB'], search(path.join(DIR, 'huge')));
  compare('1,000 zip bombs (16 KB, 16 MiB of zeros each)', 1, [path.join(DIR, 'bombs')], search(path.join(DIR, 'bombs')));
  compare('history with a 40 MB line of markers', 1, [path.join(DIR, 'history'), '--history', '--max-file-size', '64MiB'], ['git', ['-C', path.join(DIR, 'history'), 'log', '-p', '--all']]);
}
