// Range benchmark: `keyguard scan --range HEAD~1..HEAD` on a repository of 20,000 files (200 MB) where the
// last commit changes one file (with a key), against `git log -p -1 > /dev/null` on the same
// repository. A range scan checks presence only for the paths where it found keys, so its time
// should not grow with the size of the tree.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHAPES, makeKey } from '../test/helpers/keygen.ts';
import { record } from './table.ts';
import { CLI_BUNDLE, fmt, fmtSpread, interleaved, timed } from './util.ts';

const FILES = 20_000;
const REPO = path.join(tmpdir(), 'keyguard-bench-range-v2');

function generate(): void {
  rmSync(REPO, { recursive: true, force: true });
  execFileSync('git', ['init', '-q', '-b', 'main', REPO]);
  const parts: string[] = [];
  const blob = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const files: string[] = [];
  // About 10 KB a file, 200 MB in all: the size of tree that `git grep` over it used to cost.
  const line = (f: number, i: number) => `export const value${f}_${i} = compute(${f * 7919 + i}, "${(f * 104729 + i * 31).toString(36)}"); // ${'lorem ipsum dolor sit amet '.repeat(6)}\n`;
  for (let f = 0; f < FILES; f++) files.push(`M 100644 inline pkg${f % 50}/mod${f % 7}/file${f}.ts\n${blob(Array.from({ length: 50 }, (_, i) => line(f, i)).join(''))}`);
  const who = 'Bench <bench@example.test> 1600000000 +0000';
  parts.push(`commit refs/heads/main\nmark :1\nauthor ${who}\ncommitter ${who}\n${blob('tree')}`, files.join(''), '\n');
  parts.push(`commit refs/heads/main\nmark :2\nauthor ${who}\ncommitter ${who}\n${blob('one change')}from :1\n`);
  parts.push(`M 100644 inline pkg0/mod0/file0.ts\n${blob(`export const apiKey = "${makeKey(SHAPES[2]!)}";\n`)}\n`);
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: REPO, input: parts.join('') });
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: REPO });
}

export function benchRange(): void {
  if (!existsSync(path.join(REPO, '.git'))) generate();
  console.log(`range: one commit on a tree of ${FILES} files at ${REPO} (CLI ${CLI_BUNDLE})`);
  const r = interleaved(
    5,
    () => timed(process.execPath, [CLI_BUNDLE, 'scan', REPO, '--range', 'HEAD~1..HEAD', '--format', 'json', '--fail-on', 'none']),
    () => timed('sh', ['-c', 'git log -p -1 > /dev/null'], { cwd: REPO }),
  );
  if (r.last.status !== 0) throw new Error(`keyguard failed: ${r.last.stderr}`);
  const found = (JSON.parse(r.last.stdout) as { findings: unknown[] }).findings.length;
  console.log(`  keyguard --range HEAD~1..HEAD  ${fmtSpread(r.keyguard)}  (${found} finding; goal under 0.2 s)`);
  console.log(`  git log -p -1 > /dev/null      ${fmtSpread(r.baseline)}`);
  console.log(`  ratio keyguard/git (medians): ${fmt(r.ratio)}x`);
  record({ name: `range, one commit on ${FILES.toLocaleString('en')} files`, keyguard: r.keyguard, baseline: '`git log -p -1`', baselineSpread: r.baseline, goal: 'under 0.2 s', recall: `${found}/1` });
  if (found !== 1) process.exitCode = 1;
}
