import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedOrganization } from './fakes/openai-seed.ts';
import { fakeOpenAI } from './helpers/fakes.ts';
import { SHAPES, makeKey } from './helpers/keygen.ts';
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

  it('a scan without .keyguard.yml loads neither the YAML parser nor zod; with one or --config it does, and errors still name file:line', () => {
    // Text only the yaml package and zod carry, whatever chunk holds them.
    const parsers = (chunks: string[]) => ({
      yaml: chunks.some((c) => readFileSync(c, 'utf8').includes('tag:yaml.org,2002')),
      zod: chunks.some((c) => readFileSync(c, 'utf8').includes('$ZodType')),
    });
    const plain = gitRepo({ 'a.txt': 'nothing here\n' });
    const none = chunksLoaded(['scan', plain, '--fail-on', 'any', '--max-file-size', '1MiB']);
    expect(none.code).toBe(0);
    expect(parsers(none.chunks)).toEqual({ yaml: false, zod: false });
    // The check can fail: a configuration file is read with both, and applied.
    const configured = gitRepo({ '.keyguard.yml': 'scan:\n  maxFileSize: 1KB\n', 'big.txt': 'x'.repeat(2000) });
    const withFile = chunksLoaded(['scan', configured, '--format', 'json']);
    expect(withFile.code).toBe(0);
    expect(parsers(withFile.chunks)).toEqual({ yaml: true, zod: true });
    const json = JSON.parse(spawnSync(process.execPath, [CLI, 'scan', configured, '--format', 'json'], { encoding: 'utf8' }).stdout);
    expect(json.stats.filesSkipped).toBe(1);
    const explicit = path.join(tempDir(), 'strict.yml');
    writeFileSync(explicit, 'allow:\n  paths: [\n');
    const broken = chunksLoaded(['scan', plain, '--config', explicit]);
    expect(broken.code).toBe(2);
    expect(parsers(broken.chunks)).toEqual({ yaml: true, zod: true });
    const stderr = spawnSync(process.execPath, [CLI, 'scan', plain, '--config', explicit], { encoding: 'utf8' }).stderr;
    expect(stderr).toContain(`${explicit}:3:1: not valid YAML (`);
    const typo = gitRepo({ '.keyguard.yml': 'scan:\n  maxFileSize: 1KB\nalow: {}\n' });
    expect(spawnSync(process.execPath, [CLI, 'scan', typo], { encoding: 'utf8' }).stderr).toContain('.keyguard.yml:3:1: unknown setting alow (expected one of: allow, baseline, issues, audit, report, scan)');
  });

  it('a scan that finds nothing never loads node:crypto; one that finds a key fingerprints it as sha256sum does', () => {
    // Node's own list of the built-in modules it loaded, at exit: whoever required them.
    const preload = path.join(tempDir(), 'builtins.cjs');
    writeFileSync(preload, `process.on('exit', () => process.stderr.write('BUILTINS ' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)).join(' ') + '\\n'));\n`);
    const scan = (root: string) => {
      const r = spawnSync(process.execPath, ['--require', preload, CLI, 'scan', root, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return { builtins: /^BUILTINS (.*)$/m.exec(r.stderr)![1]!.split(' '), findings: JSON.parse(r.stdout).findings as { fingerprint: string }[] };
    };
    for (const root of [gitRepo({ 'a.txt': 'nothing here\n' }), tempDir()]) expect(scan(root).builtins).not.toContain('crypto');
    const key = makeKey(SHAPES[0]!);
    const found = scan(gitRepo({ 'a.txt': `key = "${key}"\n` }));
    expect(found.builtins).toContain('crypto');
    expect(found.findings.map((f) => f.fingerprint)).toEqual([createHash('sha256').update(key).digest('hex').slice(0, 32)]);
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
