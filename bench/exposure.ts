// Usage since exposure: OpenAI requests and time for 1,000 leaked keys of 200 projects, exposed
// 1 to 90 days ago, read once for the run (grouped by key, filtered with api_key_ids) against the
// per-key baseline in the same script (each key's usage and cost read over its own windows alone).
import type { Logger } from '../src/logger.ts';
import { OpenAIAdmin } from '../src/openai/admin-client.ts';
import { measureExposure, type ExposedKey } from '../src/exposure/exposure.ts';
import { startFakeOpenAI } from '../test/fakes/openai-server.ts';
import { seedOrganization } from '../test/fakes/openai-seed.ts';
import { fmt } from './util.ts';

const DAY = 86_400;
const quiet: Logger = { info() {}, warning() {}, error() {}, mask() {}, progress() {} };

export async function benchExposure(): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const org = seedOrganization({ projects: 200, days: 90, now });
  const fake = await startFakeOpenAI(org);
  try {
    const keys: ExposedKey[] = org.keys.map((k, i) => ({ keyId: k.id, projectId: k.project_id, since: now - (1 + (i % 90)) * DAY, lastUsedAt: k.last_used_at }));
    const run = async (batches: ExposedKey[][]) => {
      const admin = new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: fake.baseURL, logger: quiet });
      const start = process.hrtime.bigint();
      for (const b of batches) await measureExposure(b, admin, now);
      return { requests: admin.requests, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
    };
    const once = await run([keys]);
    // The baseline on the first 100 keys only (it is slow), scaled to 1,000.
    const sample = await run(keys.slice(0, 100).map((k) => [k]));
    const perKey = { requests: (sample.requests * keys.length) / 100, seconds: (sample.seconds * keys.length) / 100 };
    console.log(`exposure: ${keys.length} keys, exposed 1-90 days ago`);
    console.log(`  one grouped read: ${once.requests} requests, ${fmt(once.seconds)} s`);
    console.log(`  per key (100 measured, x10): ${perKey.requests} requests, ${fmt(perKey.seconds)} s`);
    console.log(`  ratio: ${fmt(perKey.requests / once.requests)}x fewer requests, ${fmt(perKey.seconds / once.seconds)}x faster`);
  } finally {
    await fake.close();
  }
}
