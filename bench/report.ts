// Report benchmark: a weekly report of an organization of 1,000 projects from the fake with
// 20 ms latency per request, beside a per-project loop (costs and usage asked project by project,
// with `project_ids`) on 100 projects, scaled, as the baseline keyguard's grouping avoids.
import type { Logger } from '../src/logger.ts';
import { OpenAIAdmin, USAGE_ENDPOINTS } from '../src/openai/admin-client.ts';
import { buildReport } from '../src/report/command.ts';
import { lastFullPeriod, previousPeriod } from '../src/report/period.ts';
import { DEFAULT_CONFIG } from '../src/config.ts';
import { startFakeOpenAI } from '../test/fakes/openai-server.ts';
import { seedOrganization } from '../test/fakes/openai-seed.ts';
import { fmt } from './util.ts';

const quiet: Logger = { info() {}, warning() {}, error() {}, mask() {}, progress() {} };

export async function benchReport(): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const org = seedOrganization({ projects: 1000, days: 14, now });
  const fake = await startFakeOpenAI(org, { latencyMs: 20 });
  try {
    const admin = new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: fake.baseURL, logger: quiet });
    const week = lastFullPeriod('week', now);
    let t = process.hrtime.bigint();
    const grouped = await buildReport(admin, week, { ...DEFAULT_CONFIG, report: { ...DEFAULT_CONFIG.report, flagKeys: false } }, now, quiet);
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    t = process.hrtime.bigint();
    const full = await buildReport(admin, week, DEFAULT_CONFIG, now, quiet);
    const fullSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    console.log(`report: weekly report of 1,000 projects, 20 ms latency per request`);
    console.log(`  keyguard, usage and cost by group_by: ${fmt(seconds)} s, ${grouped.requests} requests (${grouped.report.projects.length} projects)`);
    console.log(`  keyguard with report.flagKeys (reads the keys of the ${full.requests - grouped.requests} projects that spent, 8 at a time): ${fmt(fullSeconds)} s, ${full.requests} requests`);

    // Baseline: what a per-project loop costs, on a tenth of the organization, scaled.
    const span = { start: previousPeriod(week).start, end: week.end };
    const before = admin.requests;
    t = process.hrtime.bigint();
    for (const p of org.projects.slice(0, 50)) {
      await Promise.all([admin.costs(span, ['project_id'], [p.id]), ...USAGE_ENDPOINTS.map((e) => admin.usage(e, span, [], [p.id]))]);
    }
    const loop = (Number(process.hrtime.bigint() - t) / 1e9) * 20;
    console.log(`  per-project loop (costs + ${USAGE_ENDPOINTS.length} usage endpoints each, 50 projects, x20): ${fmt(loop, 1)} s, ${(admin.requests - before) * 20} requests`);
    console.log(`  ratio keyguard (grouped)/loop: ${fmt(seconds / loop)}x`);
  } finally {
    await fake.close();
  }
}
