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

/** Each call's git command and the first word after it (`log --all`, `cat-file --batch-check`). */
const commands = (calls: string[]) => calls.map((c) => c.split(' ').slice(0, 2).join(' '));
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
    // Four in all: commit messages come with the diffs (a second git log read them), and the
    // commits are counted as they stream (a rev-list counted them). Tag messages: for-each-ref.
    expect(commands(r.calls).sort()).toEqual(['for-each-ref --format=%(refname)', 'for-each-ref refs/tags', 'log --all', 'rev-parse --show-toplevel']);
    expect(JSON.parse(r.stdout).coverage).toMatchObject({ commits: 1 });
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
    // Seven in all: the four above, the tips' trees and the key's file at them, the blob read.
    expect(commands(r.calls).sort()).toEqual(['cat-file --batch', 'cat-file --batch-check', 'cat-file --batch-check', 'for-each-ref --format=%(refname)', 'for-each-ref refs/tags', 'log --all', 'rev-parse --show-toplevel']);
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
