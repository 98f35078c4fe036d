// `npm run bench`: each case prints keyguard's numbers beside a baseline run on the same data in
// the same script, as a ratio, so the figures survive a noisy machine. Runs the committed bundle.
import { benchAdversarial } from './adversarial.ts';
import { benchExposure } from './exposure.ts';
import { benchHistory } from './history.ts';
import { benchOpenAI } from './openai.ts';
import { benchOrg } from './org.ts';
import { benchRange } from './range.ts';
import { benchReport } from './report.ts';
import { benchStartup } from './startup.ts';
import { benchWorktree } from './worktree.ts';
import { count } from '../src/text/count.ts';
import { machineNote, mergeTable, recordedRows } from './table.ts';
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const readme = args.includes('--readme');
const only = args.find((a) => !a.startsWith('--'));
const cases: Record<string, () => void | Promise<void>> = { startup: benchStartup, worktree: benchWorktree, history: benchHistory, range: benchRange, adversarial: benchAdversarial, openai: benchOpenAI, report: benchReport, org: benchOrg, exposure: benchExposure };
if (only && !(only in cases)) throw new Error(`no bench case ${only}: one of ${Object.keys(cases).join(', ')}`);
for (const [name, run] of Object.entries(cases)) if (!only || only === name) await run();
// --readme: the rows just measured go into README.md's table (a failed recall check writes nothing).
if (readme && !process.exitCode) {
  writeFileSync('README.md', mergeTable(readFileSync('README.md', 'utf8'), recordedRows(), machineNote()));
  console.log(`README.md: ${count(recordedRows().length, 'row')} of the benchmark table written`);
} else if (readme) console.log('README.md not written: a case did not find every planted key');
