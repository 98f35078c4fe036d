import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../src/detect/index.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { runCli } from './helpers/run.ts';

const legacy = () => makeKey(shapeByName('legacy 51'));

function historyRepo() {
  const [removed, kept] = [legacy(), legacy()];
  const root = gitRepo({ 'a.env': `K=${removed}\n` });
  const first = git(root, 'rev-parse', 'HEAD').trim();
  write(root, 'a.env', 'K=\n');
  write(root, 'b.py', `key = "${kept}"\n`);
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'second');
  return { root, removed, kept, first };
}

describe('keyguard scan --history / --range / --staged (bundled CLI)', () => {
  it('--history finds a key removed since, with its commit and whether it is still present', () => {
    const { root, removed, kept, first } = historyRepo();
    expect(runCli(['scan', root]).stdout).toMatch(/^1 finding/m); // the working tree has only one
    const r = runCli(['scan', root, '--history', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings).toEqual([
      expect.objectContaining({ file: 'a.env', line: 1, commit: first, fingerprint: fingerprint(removed), occurrences: 1, presentAtHead: false, atHead: null, date: expect.stringMatching(/^\d{4}-/) }),
      expect.objectContaining({ file: 'b.py', line: 1, fingerprint: fingerprint(kept), presentAtHead: true, atHead: { file: 'b.py', line: 1, column: 8 } }),
    ]);
    expect(out.stats.commitsScanned).toBe(2);
    const text = runCli(['scan', root, '--history']);
    expect(text.stdout).toMatch(new RegExp(`a\\.env:1:3 .* first in ${first.slice(0, 12)} \\(\\d{4}-\\d\\d-\\d\\d\\), removed from every ref`));
    expectNoKey([removed, kept], { json: r.stdout, text: text.stdout + text.stderr });
  });

  it('--range and --staged', () => {
    const { root, kept, first } = historyRepo();
    const r = runCli(['scan', root, '--range', `${first}..HEAD`, '--format', 'json']);
    expect(JSON.parse(r.stdout).findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual([fingerprint(kept)]);
    expect(runCli(['scan', root, '--range', 'nonsense']).stderr).toContain('--range: expected a commit range such as main..HEAD');
    expect(runCli(['scan', root, '--history', '--staged']).stderr).toContain('--history and --staged cannot be combined');

    const staged = legacy();
    write(root, 'c.txt', `x=${staged}\n`);
    git(root, 'add', 'c.txt');
    const s = runCli(['scan', root, '--staged', '--format', 'json']);
    expect(s.code).toBe(1);
    expect(JSON.parse(s.stdout).findings).toEqual([expect.objectContaining({ file: 'c.txt', line: 1, commit: null, fingerprint: fingerprint(staged) })]);
    expect(runCli(['scan', tempDir(), '--history']).stderr).toContain('full git history needs a git repository');
  });

  it('a baseline written today hides today\'s keys and still reports new ones', () => {
    const { root, removed, kept } = historyRepo();
    const baseline = path.join(root, '.keyguard-baseline.json');
    const w = runCli(['scan', root, '--history', '--write-baseline', baseline]);
    expect(w.code).toBe(0);
    const text = readFileSync(baseline, 'utf8');
    expectNoKey([removed, kept], { baseline: text });
    expect(JSON.parse(text).keys.map((k: { fingerprint: string }) => k.fingerprint).sort()).toEqual([fingerprint(removed), fingerprint(kept)].sort());

    expect(runCli(['scan', root, '--history', '--baseline', baseline]).code).toBe(0);
    const fresh = legacy();
    write(root, 'd.txt', `k=${fresh}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'new leak');
    // The baseline named in the config, relative to it.
    write(root, '.keyguard.yml', 'baseline: .keyguard-baseline.json\n');
    const r = runCli(['scan', root, '--history', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual([fingerprint(fresh)]);
    expect(out.stats.baselined).toBe(2);

    write(root, 'broken.json', '{"version":1,"keys":[{"fingerprint":"nope"}]}');
    expect(runCli(['scan', root, '--baseline', path.join(root, 'broken.json')]).stderr).toMatch(/baseline .*broken\.json: keys\.0\.fingerprint/);
  });
});
