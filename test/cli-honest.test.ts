import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../src/detect/index.ts';
import { startFakeGitHub, type FakeGitHub } from './fakes/github-server.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { CLI, runAction, runCli, runCliAsync, runnerFiles } from './helpers/run.ts';

const key = () => makeKey(shapeByName('project 164'));

/** A loopback port nothing listens on (port 9 is one fetch refuses to dial at all). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

describe('PATH, sizes and flags that cannot mean what was typed', () => {
  it('PATH may be one or more files, as pre-commit passes them; a missing one "does not exist"', () => {
    const [a, b, c] = [key(), key(), key()];
    const root = gitRepo({ 'src/a.env': `K=${a}\n`, 'b.env': `K=${b}\n`, 'c.env': `K=${c}\n` });
    const r = runCli(['scan', 'src/a.env', 'b.env', '--format', 'json'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: { file: string; fingerprint: string }) => [f.file, f.fingerprint])).toEqual([
      ['b.env', fingerprint(b)],
      ['src/a.env', fingerprint(a)],
    ]);
    expect(out.stats.filesScanned).toBe(2);
    const one = runCli(['scan', path.join(root, 'c.env')], tempDir());
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('1 finding (1 distinct key) in 1 file,');
    const missing = runCli(['scan', 'b.env', 'nope.env'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('PATH nope.env does not exist');
    expect(runCli(['scan', 'b.env', 'src'], root).stderr).toContain('PATH src is a directory: give one directory, or only file names');
    expect(runCli(['scan', 'b.env', '--history'], root).stderr).toContain('--history reads a git repository: give it a directory PATH, not file names');
    expect(runCli(['audit', 'nowhere'], root).stderr).toContain('PATH nowhere does not exist');
    expectNoKey([a, b, c], { r: r.stdout + r.stderr, one: one.stdout });
  });

  it('--max-file-size needs a unit and at least one byte; --dry-run needs --revoke', () => {
    const root = gitRepo({ 'a.env': `K=${key()}\n` });
    for (const size of ['10', '0.1', '0.4b', '0KB']) {
      const r = runCli(['scan', root, '--max-file-size', size]);
      expect(r.code, size).toBe(2);
      expect(r.stderr).toContain(`--max-file-size: expected a size with a unit, at least one byte, such as 500KB or 10MiB, got "${size}"`);
    }
    expect(runCli(['scan', root, '--max-file-size', '10KB']).code).toBe(1);
    const small = runCli(['scan', root, '--max-file-size', '10b']);
    expect(small.code).toBe(0);
    expect(small.stdout).toMatch(/^skipped a\.env: too-large \(\d+ bytes\)$/m);
    const dry = runCli(['scan', root, '--dry-run']);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain('--dry-run needs --revoke live');
  });

  it('--range A...B scans what B adds since its merge base with A, as git means it', () => {
    const [onMain, onFeature] = [key(), key()];
    const root = gitRepo({ 'README.md': '# app\n' });
    git(root, 'checkout', '-qb', 'feature');
    write(root, 'feature.env', `K=${onFeature}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'feature');
    git(root, 'checkout', '-q', 'main');
    write(root, 'main.env', `K=${onMain}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'main moves on');
    const three = runCli(['scan', root, '--range', 'main...feature', '--format', 'json']);
    expect(three.stderr).toBe('');
    expect(JSON.parse(three.stdout).findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual([fingerprint(onFeature)]);
    const bad = runCli(['scan', root, '--range', 'main...nosuchbranch']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--range: main and nosuchbranch have no merge base');
    expect(runCli(['scan', root, '--range', '...feature']).stderr).toContain('--range: expected a commit range');
  });
});

describe('errors that quote what the user wrote', () => {
  it('a key pasted into .keyguard.yml or a baseline path is redacted in the CLI and the action errors', () => {
    const k = key();
    const root = gitRepo({ 'README.md': '# app\n' });
    write(root, '.keyguard.yml', `allow:\n  ${k}: x\n`);
    const unknown = runCli(['scan', root]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`unknown setting allow.sk-proj-…${k.slice(-4)}`);
    write(root, '.keyguard.yml', `baseline: ${k}.json\n`);
    const baseline = runCli(['scan', root]);
    expect(baseline.stderr).toContain(`cannot read baseline sk-proj-…${k.slice(-4)}.json`);
    const r0 = runnerFiles(root, tempDir());
    r0.event('workflow_dispatch', {});
    const action = runAction({ 'scan-scope': 'worktree' }, r0.env);
    expect(action.code).toBe(1);
    expect(action.stdout).toContain(`cannot read baseline sk-proj-…${k.slice(-4)}.json`);
    expectNoKey([k], { unknown: unknown.stdout + unknown.stderr, baseline: baseline.stdout + baseline.stderr, action: action.stdout + action.stderr });
  });
});

describe('network failures say where they could not connect, and who set that', () => {
  it('OpenAI: unknown liveness shows its reason, the URL and the flag; a GitHub API URL that refuses names GITHUB_API_URL', async () => {
    const k = key();
    const root = gitRepo({ 'app.env': `K=${k}\n` });
    const port = await closedPort();
    const r = await runCliAsync(['scan', root, '--verify', '--openai-base-url', `http://127.0.0.1:${port}/v1`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`[unknown (network: could not connect to http://127.0.0.1:${port}/v1/models (set by --openai-base-url, or input openai-base-url): ECONNREFUSED)]`);
    const report = await runCliAsync(['report', '--openai-base-url', `http://127.0.0.1:${port}/v1`], { OPENAI_ADMIN_KEY: makeKey(shapeByName('admin 133')) });
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(new RegExp(`could not connect to http://127\\.0\\.0\\.1:${port}/v1/organization/\\S+ \\(set by --openai-base-url, or input openai-base-url\\): ECONNREFUSED`));
    const gh = await runCliAsync(['scan', root, '--issues'], { GITHUB_TOKEN: 'ghs_test', GITHUB_REPOSITORY: 'acme/sec', GITHUB_API_URL: `http://127.0.0.1:${port}` });
    expect(gh.code).toBe(2);
    expect(gh.stderr).toContain(`could not connect to http://127.0.0.1:${port} (GITHUB_API_URL) for GET /repos/{owner}/{repo}/labels/{name}: ECONNREFUSED`);
    for (const out of [r, report, gh]) expect(out.stdout + out.stderr).not.toMatch(/HTTP 500|- 500 with id|Connection error\./);
    expectNoKey([k], { r: r.stdout + r.stderr, gh: gh.stdout + gh.stderr });
  }, 60_000);

  it('a label not created yet (an expected 404) is no warning', async () => {
    github = await startFakeGitHub({ repos: ['acme/sec'] });
    const root = gitRepo({ 'app.env': `K=${key()}\n` });
    const r = await runCliAsync(['scan', root, '--issues'], { GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: 'acme/sec', GITHUB_API_URL: github.url, KEYGUARD_GITHUB_WRITE_INTERVAL_MS: '0' });
    expect(r.code).toBe(1);
    expect(github.log.some((q) => q.status === 404)).toBe(true);
    expect(r.stderr).not.toMatch(/warning|404/);
    expect(github.repo('acme/sec').issues).toHaveLength(1);
  });
});

describe('honest, readable output', () => {
  it('counts say what they count, with plurals: files, or commits scanned and commits that added keys', () => {
    const k = key();
    const root = gitRepo({ 'one.env': `K=${k}\n` });
    expect(runCli(['scan', root]).stdout).toMatch(/^1 finding \(1 distinct key\) in 1 file, 0\.0 MB; 0 files skipped, 0 allowed, 0 in baseline, /m);
    write(root, 'two.env', 'nothing\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'second');
    write(root, 'three.env', `again ${k}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'third');
    const h = runCli(['scan', root, '--history']);
    expect(h.stdout).toMatch(/^1 finding \(1 distinct key\) in 3 commits scanned \(2 commits added keys\), [\d.]+ MB of diffs; 0 files skipped/m);
    const clean = gitRepo({ 'a.txt': 'x\n' });
    expect(runCli(['scan', clean, '--history']).stdout).toMatch(/^0 findings \(0 distinct keys\) in 1 commit scanned \(0 commits added keys\)/m);
  });

  it("the CLI's JSON has the action's top-level fields, repository included", () => {
    const root = gitRepo({ 'app.env': `K=${key()}\n` });
    const cli = JSON.parse(runCli(['scan', root, '--format', 'json'], undefined, { GITHUB_REPOSITORY: 'acme/app' }).stdout);
    expect(cli.repository).toBe('acme/app');
    const runner = runnerFiles(root, tempDir());
    const run = runAction({ 'scan-scope': 'worktree', verify: 'false' }, { ...runner.env, GITHUB_REPOSITORY: 'acme/app' });
    expect(run.stdout).toContain('::error::keyguard found 1 OpenAI key finding; see');
    const action = JSON.parse(readFileSync(runner.outputs()['json-file']!, 'utf8'));
    expect(Object.keys(cli)).toEqual(Object.keys(action));
    expect(Object.keys(JSON.parse(runCli(['scan', root, '--format', 'json'], undefined, { GITHUB_REPOSITORY: '' }).stdout))).toEqual(['findings', 'skipped', 'stats']);
  });

  it('the text report lists every skipped file, up to 20 and then a count', () => {
    const files: Record<string, string | Buffer> = {};
    // Binary files are scanned by their bytes now: files over the size limit are what is skipped.
    for (let i = 0; i < 25; i++) files[`big/f${String(i).padStart(2, '0')}.dat`] = 'x'.repeat(2048);
    const root = gitRepo(files);
    const r = runCli(['scan', root, '--max-file-size', '1KiB']);
    const skipped = r.stdout.split('\n').filter((l) => l.startsWith('skipped '));
    expect(skipped.slice(0, 20).map((l) => l.replace(/ \(.*\)$/, ''))).toEqual(Array.from({ length: 20 }, (_, i) => `skipped big/f${String(i).padStart(2, '0')}.dat: too-large`));
    expect(skipped[20]).toBe('skipped 5 more files (--format json lists them all)');
    expect(r.stdout).toContain('25 files skipped');
  });

  it('file names with a newline, ESC or BEL are escaped in the text report and in annotations', () => {
    const k = key();
    const names = ['evil\nfake.env:1:1  project key  sk-proj-…AAAA', 'esc\x1b[2Jclear.env', 'bell\x07.env'];
    const root = gitRepo(Object.fromEntries(names.map((n) => [n, `K=${k}\n`])));
    const r = runCli(['scan', root]);
    expect(r.stdout).not.toMatch(/[\x07\x1b]/);
    expect(r.stdout).toContain('evil\\nfake.env:1:1  project key  sk-proj-…AAAA:1:3');
    expect(r.stdout).toContain('esc\\u{1b}[2Jclear.env:1:3');
    expect(r.stdout).toContain('bell\\u{7}.env:1:3');
    const findingLines = r.stdout.split('\n').filter((l) => l.includes(fingerprint(k)));
    expect(findingLines).toHaveLength(3);
    const runner = runnerFiles(root, tempDir());
    const a = runAction({ 'scan-scope': 'worktree', verify: 'false' }, runner.env);
    const annotations = a.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toHaveLength(3);
    for (const line of annotations) expect(line).not.toMatch(/[\x07\x1b]/);
    expect(a.stdout).toContain('file=esc\\u{1b}[2Jclear.env');
    // The audit names the same files: its text report escapes them too, and counts in words.
    const audit = runCli(['audit', root]);
    expect(audit.stdout).not.toMatch(/[\x07\x1b]/);
    expect(audit.stdout).toContain('esc\\u{1b}[2Jclear.env');
    expect(audit.stdout).not.toMatch(/\b1 (files|workflows|projects)\b/);
  });

  it('on a terminal the progress line is erased before the report; off a terminal there is none', () => {
    const root = tempDir();
    for (let i = 0; i < 2_000; i++) write(root, `d${i % 20}/f${i}.txt`, 'x'.repeat(1000));
    const tty = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" scan "${root}"`, '/dev/null'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const out = tty.stdout;
    const lastProgress = out.lastIndexOf('\r\x1b[Kkeyguard: ');
    expect(lastProgress, 'a terminal shows progress from the first batch').toBeGreaterThanOrEqual(0);
    const report = out.indexOf('0 findings (0 distinct keys)');
    expect(report).toBeGreaterThan(lastProgress);
    expect(out.slice(lastProgress + 4, report)).toMatch(/^keyguard: [^\r\n]*\r\x1b\[K$/);
    const piped = runCli(['scan', root]);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toMatch(/^0 findings \(0 distinct keys\) in 2000 files/);
  });
});
