import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { git, gitRepo, tempDir } from './helpers/repo.ts';
import { runCliAsync } from './helpers/run.ts';

/*
 * Each git a scan starts is a few milliseconds of fixed cost. The bundled CLI runs with a `git` on
 * PATH that logs its arguments and runs the real git: what a scan starts, observed, not assumed.
 */

/** The real git, found on PATH before the wrapper is put in front. */
const realGit = (process.env.PATH ?? '')
  .split(path.delimiter)
  .map((dir) => path.join(dir, 'git'))
  .find((p) => {
    try {
      return readFileSync(p).length > 0;
    } catch {
      return false;
    }
  })!;

/** The first executable `name` on PATH. */
const onPath = (name: string) =>
  (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, name))
    .find((p) => {
      try {
        return readFileSync(p).length > 0;
      } catch {
        return false;
      }
    });

/**
 * Runs the CLI with wrappers in front of PATH that log each call: git, and stdbuf when the machine
 * has one; what a `cat-file` is asked on its stdin too (`requests`, NUL-separated). `only`: PATH
 * is the wrappers' folder alone (a system without stdbuf).
 */
async function gitCalls(args: string[], { only = false, brokenStdbuf = false } = {}): Promise<{ code: number; stdout: string; calls: string[]; requests: string[] }> {
  const dir = tempDir();
  const log = path.join(dir, 'calls.log');
  const stdin = path.join(dir, 'stdin.log');
  writeFileSync(log, '');
  writeFileSync(stdin, '');
  const tee = onPath('tee')!;
  const wrap = (name: string, real: string) => {
    const asked = name === 'git' ? `if [ "$1" = cat-file ]; then '${tee}' -a '${stdin}' | '${real}' "$@"; exit $?; fi\n` : '';
    writeFileSync(path.join(dir, name), `#!/bin/sh\nprintf '%s\\n' "${name === 'git' ? '' : `${name} `}$*" >> '${log}'\n${asked}exec '${real}' "$@"\n`);
    chmodSync(path.join(dir, name), 0o755);
  };
  wrap('git', realGit);
  const stdbuf = onPath('stdbuf');
  // A stdbuf that cannot run (its library missing): exits 125, as coreutils' does.
  const broken = path.join(dir, 'broken-stdbuf');
  writeFileSync(broken, `#!/bin/sh\necho "stdbuf: failed to find 'libstdbuf.so'" >&2\nexit 125\n`);
  chmodSync(broken, 0o755);
  if (stdbuf && !only) wrap('stdbuf', brokenStdbuf ? broken : stdbuf);
  const r = await runCliAsync(args, { PATH: only ? dir : `${dir}${path.delimiter}${process.env.PATH}` });
  return { code: r.code, stdout: r.stdout, calls: readFileSync(log, 'utf8').split('\n').filter(Boolean), requests: readFileSync(stdin, 'utf8').split('\0').filter(Boolean) };
}

/** Each call's git command and its first option's name (`log --all`, `cat-file --batch-command`). */
const commands = (calls: string[]) => calls.filter((c) => !c.startsWith('stdbuf ')).map((c) => c.replace(/^(\S+)( --?[a-z-]+)?.*$/s, '$1$2'));
const tipLookups = (requests: string[]) => requests.filter((c) => c.startsWith('info '));
const refLists = (calls: string[]) => calls.filter((c) => c.startsWith('for-each-ref'));

describe('git processes of a history scan', () => {
  it('a history without keys looks nothing up at the ref tips, reads no blob, and checks the repository with one rev-parse', async () => {
    const root = gitRepo({ 'README.md': '# clean\n', 'src/app.ts': 'export const x = 1;\n' });
    const r = await gitCalls(['scan', root, '--history', '--format', 'json']);
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(tipLookups(r.requests)).toEqual([]);
    expect(r.calls.filter((c) => c.startsWith('cat-file'))).toEqual([]);
    expect(refLists(r.calls)).toHaveLength(1);
    expect(r.calls.filter((c) => c.startsWith('rev-parse'))).toEqual(['rev-parse --show-toplevel --is-shallow-repository']);
    // Three in all (six before): commit messages come with the diffs (a second git log read them),
    // the commits are counted as they stream (a rev-list counted them), and one for-each-ref lists
    // the refs and the tags' messages (two did), while the log runs.
    expect(commands(r.calls).sort()).toEqual(['for-each-ref --format', 'log --all', 'rev-parse --show-toplevel']);
    expect(JSON.parse(r.stdout).coverage).toMatchObject({ commits: 1 });
  });

  it('a history with a key looks its place up at the tips (the check above can fail), from the refs listed once', async () => {
    const root = gitRepo({ 'config/prod.env': `OPENAI_API_KEY=${makeKey(shapeByName('project 164'))}\n` });
    const r = await gitCalls(['scan', root, '--history', '--format', 'json']);
    expect(r.code).toBe(1);
    const [finding] = JSON.parse(r.stdout).findings;
    expect(finding).toMatchObject({ file: 'config/prod.env', presentAtHead: true });
    const commit = git(root, 'rev-parse', 'HEAD').trim();
    const tree = git(root, 'rev-parse', 'HEAD^{tree}').trim();
    const blob = git(root, 'rev-parse', 'HEAD:config/prod.env').trim();
    // The tips' trees, the key's file at each distinct one, its blob, and the first place's blob.
    expect(r.requests.filter((q) => q !== 'flush').sort()).toEqual(['info HEAD^{tree}', 'info refs/heads/main^{tree}', `info ${tree}:./config/prod.env`, `contents ${blob}`, `contents ${commit}:./config/prod.env`].sort());
    expect(refLists(r.calls)).toHaveLength(1);
    // Four in all: the three above and one cat-file for every lookup and read (three did: a
    // batch-check for the tips' trees, one for the files at them, a batch for the blobs).
    expect(commands(r.calls).sort()).toEqual(['cat-file --batch-command', 'for-each-ref --format', 'log --all', 'rev-parse --show-toplevel']);
  });

  it('the log is written in 64 KB blocks through stdbuf where the system has it (Linux), and scans the same without it', async () => {
    const root = gitRepo({ 'a.env': `K=${makeKey(shapeByName('project 164'))}\n` });
    git(root, 'commit', '-q', '--allow-empty', '-m', `note ${makeKey(shapeByName('legacy 51'))}`);
    const plain = await gitCalls(['scan', root, '--history', '--format', 'json'], { only: true });
    expect(plain.calls.filter((c) => c.startsWith('stdbuf'))).toEqual([]);
    expect(plain.calls.filter((c) => c.startsWith('log --all'))).toHaveLength(1);
    const findings = (stdout: string) => JSON.parse(stdout).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`);
    expect(findings(plain.stdout)).toEqual(['(commit message):1', 'a.env:1']);
    if (process.platform !== 'linux' || !onPath('stdbuf')) return;
    const buffered = await gitCalls(['scan', root, '--history', '--format', 'json']);
    // Only the log: each small git would pay one more program start for nothing.
    expect(buffered.calls.filter((c) => c.startsWith('stdbuf'))).toEqual([expect.stringMatching(/^stdbuf -o 64K git log --all /)]);
    expect(buffered.calls.filter((c) => c.startsWith('log --all'))).toHaveLength(1);
    expect(findings(buffered.stdout)).toEqual(findings(plain.stdout));
    // A stdbuf that cannot run: the log runs again without it, read whole, not commit by commit.
    const broken = await gitCalls(['scan', root, '--history', '--format', 'json'], { brokenStdbuf: true });
    expect(findings(broken.stdout)).toEqual(findings(plain.stdout));
    expect(commands(broken.calls).filter((c) => c.startsWith('log') || c.startsWith('rev-list'))).toEqual(['log --all']);
    expect(broken.calls.filter((c) => c.startsWith('stdbuf'))).toHaveLength(1);
  });

  it('a shallow clone is still refused, from the same one rev-parse', async () => {
    const origin = gitRepo({ 'a.txt': 'one\n' });
    const clone = path.join(tempDir(), 'clone');
    const { execFileSync } = await import('node:child_process');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
    const r = await gitCalls(['scan', clone, '--history']);
    expect(r.code).toBe(2);
    expect(r.calls.filter((c) => c.startsWith('rev-parse'))).toEqual(['rev-parse --show-toplevel --is-shallow-repository']);
  });
});

describe('git processes of a working-tree scan', () => {
  it('a repository is listed by one git (ls-files answers "is this a work tree" too); a plain directory by none, a .git directory by one refusal, then a walk', async () => {
    const key = makeKey(shapeByName('project 164'));
    const root = gitRepo({ 'src/app.ts': `const k = "${key}";\n` });
    const repo = await gitCalls(['scan', root, '--format', 'json']);
    expect(JSON.parse(repo.stdout).findings).toMatchObject([{ file: 'src/app.ts' }]);
    expect(repo.calls).toEqual(['ls-files -z --cached --others --exclude-standard --deduplicate']);

    const plain = tempDir();
    writeFileSync(path.join(plain, 'a.txt'), `k=${key}\n`);
    const walked = await gitCalls(['scan', plain, '--format', 'json']);
    expect(JSON.parse(walked.stdout).findings).toMatchObject([{ file: 'a.txt' }]);
    expect(walked.calls).toEqual([]);

    // Inside .git, git refuses to list (no work tree): the directory is walked, as any other.
    const inGitDir = await gitCalls(['scan', path.join(root, '.git'), '--format', 'json']);
    expect(inGitDir.code).toBe(0);
    expect(inGitDir.calls).toEqual(['ls-files -z --cached --others --exclude-standard --deduplicate']);
    expect(JSON.parse(inGitDir.stdout).stats.filesScanned).toBeGreaterThan(0);
  });
});
