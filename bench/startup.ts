// Start-up benchmark: `keyguard --version` and `keyguard --help` beside `node -e 0` (Node's own
// start-up, the floor), interleaved, on the bundled CLI.
import { fmtExtraMs, record } from './table.ts';
import { CLI_BUNDLE, fmtSpread, interleaved, timed } from './util.ts';

export function benchStartup(): void {
  const node = () => timed(process.execPath, ['-e', '0']);
  console.log('startup: the bundled CLI against node -e 0, 21 runs each, interleaved');
  for (const args of [['--version'], ['--help']]) {
    const r = interleaved(21, () => timed(process.execPath, [CLI_BUNDLE, ...args]), node);
    if (r.last.status !== 0) throw new Error(`keyguard ${args.join(' ')} exited ${r.last.status}: ${r.last.stderr}`);
    record({ name: `start-up, \`keyguard ${args.join(' ')}\``, keyguard: r.keyguard, baseline: '`node -e 0`', baselineSpread: r.baseline, goal: '≤ 40 ms in all', recall: '—', ratio: 'extra-ms' });
    console.log(`  keyguard ${args.join(' ')}  ${fmtSpread(r.keyguard, 3)}  node -e 0  ${fmtSpread(r.baseline, 3)}  ratio ${r.ratio.toFixed(2)}x, ${fmtExtraMs(r.keyguard.median - r.baseline.median)} (goal: 40 ms in all)`);
  }
}
