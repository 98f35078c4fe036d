import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { gitRepo, write } from './helpers/repo.ts';
import { CLI, REPO_ROOT } from './helpers/run.ts';

describe('pre-commit hooks', () => {
  it('a plain git hook running `keyguard scan --staged` blocks a commit that adds a key', () => {
    const root = gitRepo({ 'README.md': '# x\n' });
    // The hook the README documents, pointing at this checkout's CLI.
    write(root, '.git/hooks/pre-commit', `#!/bin/sh\nexec "${process.execPath}" "${CLI}" scan --staged\n`);
    chmodSync(path.join(root, '.git/hooks/pre-commit'), 0o755);
    const commit = () =>
      spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.test', 'commit', '-qm', 'change'], { cwd: root, encoding: 'utf8' });

    write(root, 'ok.txt', 'no key here\n');
    spawnSync('git', ['add', '-A'], { cwd: root });
    expect(commit().status).toBe(0);

    const key = makeKey(shapeByName('project 132'));
    write(root, 'app.env', `OPENAI_API_KEY=${key}\n`);
    spawnSync('git', ['add', '-A'], { cwd: root });
    const blocked = commit();
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toMatch(/app\.env:1:16 +project key +sk-proj-…/);
    expectNoKey([key], { output: blocked.stdout + blocked.stderr });
  });

  it('.pre-commit-hooks.yaml runs the staged scan through the package bin', () => {
    const hooks = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; pass_filenames: boolean }[];
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(hooks).toEqual([expect.objectContaining({ id: 'keyguard', entry: 'keyguard scan --staged', pass_filenames: false })]);
    expect(Object.keys(pkg.bin)).toEqual(['keyguard']);
    expect(readFileSync(path.join(REPO_ROOT, pkg.bin.keyguard!), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
