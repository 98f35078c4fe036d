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

const only = process.argv[2];
const cases: Record<string, () => void | Promise<void>> = { startup: benchStartup, worktree: benchWorktree, history: benchHistory, range: benchRange, adversarial: benchAdversarial, openai: benchOpenAI, report: benchReport, org: benchOrg, exposure: benchExposure };
for (const [name, run] of Object.entries(cases)) if (!only || only === name) await run();
