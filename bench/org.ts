// Org-wide benchmark: OpenAI requests of an org-wide run over 1,000 repositories (50 of which leak
// a key of the organization), with the inventory saved once by discover, against the previous
// design's baseline in the same script: each repository that finds a key reads the organization
// itself (run here on the 50 leaking repositories, the only ones that talk to OpenAI).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../src/logger.ts';
import { OpenAIAdmin } from '../src/openai/admin-client.ts';
import { writeInventoryFile } from '../src/openai/inventory-file.ts';
import { startFakeOpenAI } from '../test/fakes/openai-server.ts';
import { seedOrganization } from '../test/fakes/openai-seed.ts';
import { fmt } from './util.ts';

const REPOS = 1000;
const LEAKING = 50;
const quiet: Logger = { info() {}, warning() {}, error() {}, mask() {}, progress() {} };
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.test', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@example.test' };

function template(dir: string, files: Record<string, string>): void {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
  execFileSync('git', ['add', '-A'], { cwd: dir });
  execFileSync('git', ['commit', '-q', '-m', 'initial'], { cwd: dir, env: gitEnv });
}

export async function benchOrg(): Promise<void> {
  const root = path.join(tmpdir(), 'keyguard-bench-org');
  rmSync(root, { recursive: true, force: true });
  const server = path.join(root, 'server');
  mkdirSync(path.join(server, 'acme'), { recursive: true });
  const org = seedOrganization({ projects: 100, days: 1 });
  const fake = await startFakeOpenAI(org);
  try {
    const clean = path.join(root, 'clean');
    template(clean, { 'README.md': '# service\n', 'main.py': 'import os\nkey = os.environ["OPENAI_API_KEY"]\n' });
    const names: string[] = [];
    for (let i = 0; i < REPOS; i++) {
      const name = `acme/service-${String(i).padStart(4, '0')}`;
      let source = clean;
      if (i % (REPOS / LEAKING) === 0) {
        source = path.join(root, `leak-${i}`);
        template(source, { 'settings.py': `OPENAI_API_KEY = "${org.keys[(i / (REPOS / LEAKING)) * 5]!.secret}"\n` });
      }
      execFileSync('git', ['clone', '-q', '--bare', source, path.join(server, `${name}.git`)]);
      names.push(name);
    }
    const list = path.join(root, 'repositories.txt');
    writeFileSync(list, names.map((n) => `${n}\n`).join(''));
    const leaking = path.join(root, 'leaking.txt');
    writeFileSync(leaking, names.filter((_, i) => i % (REPOS / LEAKING) === 0).map((n) => `${n}\n`).join(''));

    // discover's part: the organization read once, saved for every scan job.
    const inventoryFile = path.join(root, 'inventory.json');
    const before = fake.log.length;
    const inventory = await new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: fake.baseURL, logger: quiet }).inventory();
    await writeInventoryFile(inventoryFile, inventory, Math.floor(Date.now() / 1000));
    const inventoryRequests = fake.log.length - before;

    const env = { ...process.env, GITHUB_SERVER_URL: server, OPENAI_ADMIN_KEY: org.adminKeys[0]!.secret };
    // Not spawnSync: the fake serves from this process, so it must keep running while the CLI asks.
    const scan = (listFile: string, out: string, extra: string[]) =>
      new Promise<{ seconds: number; requests: number; exposure: number }>((resolve, reject) => {
        const start = fake.log.length;
        const t = process.hrtime.bigint();
        const child = spawn(process.execPath, ['dist/cli/index.js', 'scan-batch', listFile, '--batch', '0/1', '--output', path.join(root, out), '--verify', '--openai-base-url', fake.baseURL, ...extra], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
        const exposure = () => fake.log.slice(start).filter((r) => r.path.includes('/organization/usage/') || r.path.includes('/organization/costs')).length;
        child.on('close', (code) => (code === 1 ? resolve({ seconds: Number(process.hrtime.bigint() - t) / 1e9, requests: fake.log.length - start, exposure: exposure() }) : reject(new Error(`scan-batch exited ${code}: ${stderr}`))));
      });
    const now = await scan(list, 'reports', ['--inventory', inventoryFile]);
    const old = await scan(leaking, 'reports-old', []);
    console.log(`org: ${REPOS} repositories, ${LEAKING} leaking a key of an organization of ${inventory.projects.length} projects (${inventoryRequests} requests to read it)`);
    console.log(`  inventory saved once: ${inventoryRequests + now.requests} OpenAI requests (${inventoryRequests} inventory + ${now.requests - now.exposure} liveness + ${now.exposure} usage since exposure, read once for the batch); ${fmt(now.seconds, 1)} s for ${REPOS} repositories, ${fmt((now.seconds / REPOS) * 1000, 0)} ms each`);
    console.log(`  baseline, each leaking repository reads the organization: ${old.requests} OpenAI requests`);
    console.log(`  ratio requests now/baseline: ${fmt((inventoryRequests + now.requests) / old.requests, 3)}x`);
  } finally {
    await fake.close();
    rmSync(root, { recursive: true, force: true });
  }
}
