import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { gitRepo, tempDir } from './helpers/repo.ts';
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

async function gitCalls(args: string[]): Promise<{ code: number; stdout: string; calls: string[] }> {
  const dir = tempDir();
  const log = path.join(dir, 'calls.log');
  writeFileSync(log, '');
  writeFileSync(path.join(dir, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
  chmodSync(path.join(dir, 'git'), 0o755);
  const r = await runCliAsync(args, { PATH: `${dir}${path.delimiter}${process.env.PATH}` });
  return { code: r.code, stdout: r.stdout, calls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const tipLookups = (calls: string[]) => calls.filter((c) => c.startsWith('cat-file --batch-check'));
const refLists = (calls: string[]) => calls.filter((c) => c.startsWith('for-each-ref --format=%(refname)'));

describe('git processes of a history scan', () => {
  it('a history without keys looks nothing up at the ref tips, reads no blob, and checks the repository with one rev-parse', async () => {
    const root = gitRepo({ 'README.md': '# clean\n', 'src/app.ts': 'export const x = 1;\n' });
    const r = await gitCalls(['scan', root, '--history', '--format', 'json']);
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(tipLookups(r.calls)).toEqual([]);
    expect(r.calls.filter((c) => c.startsWith('cat-file'))).toEqual([]);
    expect(refLists(r.calls)).toHaveLength(1);
    expect(r.calls.filter((c) => c.startsWith('rev-parse'))).toEqual(['rev-parse --show-toplevel --is-shallow-repository']);
  });

  it('a history with a key looks its place up at the tips (the check above can fail), from the refs listed once', async () => {
    const root = gitRepo({ 'config/prod.env': `OPENAI_API_KEY=${makeKey(shapeByName('project 164'))}\n` });
    const r = await gitCalls(['scan', root, '--history', '--format', 'json']);
    expect(r.code).toBe(1);
    const [finding] = JSON.parse(r.stdout).findings;
    expect(finding).toMatchObject({ file: 'config/prod.env', presentAtHead: true });
    expect(tipLookups(r.calls).length).toBeGreaterThan(0);
    expect(r.calls).toContain('cat-file --batch -z');
    expect(refLists(r.calls)).toHaveLength(1);
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
