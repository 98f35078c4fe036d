import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedOrganization } from './fakes/openai-seed.ts';
import { fakeOpenAI } from './helpers/fakes.ts';
import { gitRepo, tempDir } from './helpers/repo.ts';
import { CLI, HOSTILE_OPENAI_ENV, runAction, runActionAsync, runCliAsync, runnerFiles } from './helpers/run.ts';

/**
 * The bundled CLI run with a module hook that prints every file it loads: the chunks a command
 * really needs, whatever the bundler named them.
 */
function chunksLoaded(args: string[]): { code: number; chunks: string[] } {
  const hook = path.join(tempDir(), 'hook.mjs');
  writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); if (r.url.startsWith('file:')) process.stderr.write('LOADED ' + r.url + '\\n'); return r; } });
`,
  );
  const r = spawnSync(process.execPath, ['--import', hook, CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...HOSTILE_OPENAI_ENV } });
  const chunks = [...r.stderr.matchAll(/^LOADED file:\/\/(.+)$/gm)].map((m) => m[1]!).filter((f) => f.startsWith(path.dirname(CLI)));
  return { code: r.status ?? -1, chunks };
}

/** Text only the OpenAI SDK and octokit carry, whatever chunk holds them. */
const CLIENTS = [/x-stainless-/, /octokit-core\.js/];

describe('entries', () => {
  it('--version and a plain scan load neither the OpenAI nor the GitHub client; a scan with --verify does', () => {
    const root = gitRepo({ 'a.txt': 'nothing here\n' });
    const heavy = (chunks: string[]) => chunks.filter((c) => CLIENTS.some((re) => re.test(readFileSync(c, 'utf8')))).map((c) => path.basename(c));
    const version = chunksLoaded(['--version']);
    expect(version.code).toBe(0);
    expect(version.chunks.map((c) => path.basename(c))).toEqual(['index.js']);
    const scan = chunksLoaded(['scan', root]);
    expect(scan.code).toBe(0);
    // The entry, the commands with their renderers, the scanner: each more file is more start-up.
    expect(scan.chunks.length).toBeGreaterThan(1);
    expect(scan.chunks.length).toBeLessThanOrEqual(3);
    expect(heavy(scan.chunks)).toEqual([]);
    for (const format of ['json', 'sarif']) expect(heavy(chunksLoaded(['scan', root, '--format', format]).chunks)).toEqual([]);
    // The check can fail: a run that responds to leaks loads the OpenAI client.
    const verify = chunksLoaded(['scan', root, '--verify']);
    expect(verify.code).toBe(0);
    expect(heavy(verify.chunks).length).toBeGreaterThan(0);
  });

  it("the action's mode is one of its modes, not any name an object has", () => {
    const ws = gitRepo({ 'a.txt': 'nothing here\n' });
    for (const mode of ['constructor', '__proto__', 'toString', 'scna']) {
      const r = runAction({ mode }, runnerFiles(ws, tempDir()).env);
      expect(r.code, mode).toBe(1);
      expect(r.stdout).toContain(`::error::input mode: expected one of scan, audit, report, discover, scan-batch, aggregate, watch, got "${mode}"`);
    }
  });

  it("the action takes the admin key from its input alone; the CLI from OPENAI_ADMIN_KEY", async () => {
    const org = seedOrganization({ projects: 2 });
    const openai = await fakeOpenAI(org);
    const ws = gitRepo({ 'a.txt': 'nothing here\n' });
    const r0 = runnerFiles(ws, tempDir());
    // A runner whose environment holds an admin key the workflow did not give keyguard.
    const action = await runActionAsync({ mode: 'audit', 'openai-base-url': openai.baseURL }, { ...r0.env, OPENAI_ADMIN_KEY: org.adminKeys[0]!.secret });
    expect(action.code, action.stdout).toBe(0);
    expect(openai.log).toHaveLength(0);
    const cli = await runCliAsync(['audit', ws, '--fail-on', 'none', '--openai-base-url', openai.baseURL], { OPENAI_ADMIN_KEY: org.adminKeys[0]!.secret });
    expect(cli.code, cli.stderr).toBe(0);
    expect(openai.log.length).toBeGreaterThan(0);
  });
});
