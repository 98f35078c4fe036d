// Inventory benchmark: the admin client reading an organization of 1,000 projects from the
// loopback fake with 20 ms of latency per request, beside the same client at concurrency 1 on a
// tenth of it (the sequential baseline, scaled), as a ratio.
import type { Logger } from '../src/logger.ts';
import { OpenAIAdmin } from '../src/openai/admin-client.ts';
import { startFakeOpenAI } from '../test/fakes/openai-server.ts';
import { seedOrganization } from '../test/fakes/openai-seed.ts';
import { fmt } from './util.ts';

const quiet: Logger = { info() {}, warning() {}, error() {}, mask() {}, progress() {} };

async function inventory(projects: number, concurrency: number) {
  const org = seedOrganization({ projects, days: 1 });
  const fake = await startFakeOpenAI(org, { latencyMs: 20 });
  try {
    const admin = new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: fake.baseURL, logger: quiet, concurrency });
    const t = process.hrtime.bigint();
    const inv = await admin.inventory();
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    if (inv.projects.length !== projects) throw new Error(`read ${inv.projects.length} of ${projects} projects`);
    return { seconds, requests: inv.requests, keys: inv.projectKeys.length };
  } finally {
    await fake.close();
  }
}

export async function benchOpenAI(): Promise<void> {
  const big = await inventory(1000, 8);
  console.log(`inventory: 1,000 projects, 20 ms latency per request`);
  console.log(`  concurrency 8: ${fmt(big.seconds)} s, ${big.requests} requests, ${big.keys} keys (${fmt((big.requests * 0.02) / big.seconds, 1)} requests in flight on average)`);
  const seq = await inventory(100, 1);
  const seqScaled = seq.seconds * 10;
  console.log(`  concurrency 1 on 100 projects: ${fmt(seq.seconds)} s, ${seq.requests} requests (x10: ${fmt(seqScaled, 1)} s)`);
  console.log(`  ratio concurrent/sequential: ${fmt(big.seconds / seqScaled)}x`);
}
