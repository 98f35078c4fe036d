import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, KEY_KINDS } from '../src/detect/index.ts';
import { formatNames } from '../src/output/formats.ts';
import { makeKey, oneOfEach, redacted, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { gitRepo, tempDir, write } from './helpers/repo.ts';
import { CLI, runCli } from './helpers/run.ts';

function plantedRepo() {
  const planted = oneOfEach();
  const files: Record<string, string> = {};
  planted.forEach(({ shape, key }, i) => (files[`src/file${i}.env`] = `# ${shape.name}\nOPENAI_API_KEY=${key}\n`));
  files['k8s/secret.yaml'] = `data:\n  key: ${Buffer.from(planted[0]!.key).toString('base64')}\n`;
  return { root: gitRepo(files), keys: planted.map((p) => p.key), planted };
}

describe('keyguard scan (bundled CLI)', () => {
  it('prints the JSON contract and exits 1 on findings', () => {
    const { root, planted } = plantedRepo();
    const r = runCli(['scan', root, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings).toHaveLength(planted.length + 1);
    planted.forEach(({ shape, key }, i) => {
      expect(out.findings).toContainEqual({
        file: `src/file${i}.env`,
        line: 2,
        column: 16,
        commit: null,
        kind: shape.kind,
        fingerprint: fingerprint(key),
        redacted: redacted(key),
        status: 'unverified',
        encoding: 'plain',
      });
    });
    expect(out.findings).toContainEqual(expect.objectContaining({ file: 'k8s/secret.yaml', line: 2, encoding: 'base64', fingerprint: fingerprint(planted[0]!.key) }));
    expect(out.stats).toMatchObject({ filesScanned: planted.length + 1, filesSkipped: 0, allowed: 0 });
  });

  it('exits 0 on a clean tree and with --fail-on none', () => {
    const clean = gitRepo({ 'a.py': 'import os\nkey = os.environ["OPENAI_API_KEY"]\n' });
    expect(runCli(['scan', clean]).code).toBe(0);
    const { root, planted } = plantedRepo();
    const r = runCli(['scan', root, '--fail-on', 'none']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${planted.length + 1} findings (${planted.length} distinct keys)`);
  });

  it('writes SARIF 2.1.0 that code scanning accepts', () => {
    const { root, planted } = plantedRepo();
    const file = path.join(tempDir(), 'out/results.sarif');
    const r = runCli(['scan', root, '--format', 'sarif', '--output', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(file, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('keyguard');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    // Code scanning keys alerts on these ids: the known ones never change, a new kind adds its own.
    expect(ruleIds.slice(0, 5)).toEqual(['openai-legacy-key', 'openai-project-key', 'openai-service-account-key', 'openai-admin-key', 'openai-user-key']);
    expect(ruleIds).toEqual(KEY_KINDS.map((k) => `openai-${k.replace('_', '-')}-key`));
    expect(run.results).toHaveLength(planted.length + 1);
    for (const res of run.results) {
      expect(ruleIds[res.ruleIndex]).toBe(res.ruleId);
      expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
      expect(res.partialFingerprints['keyguardKey/v1']).toMatch(/^[0-9a-f]{32}:/);
      expect(res.message.text).toMatch(/…/);
    }
  });

  it('fails with exit 2 and a message naming the file and line of a bad config', () => {
    const root = gitRepo({ '.keyguard.yml': 'allow:\n  paths: ["a"]\n  fingerprint: []\n' });
    const r = runCli(['scan', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.keyguard.yml:3:3: unknown setting allow.fingerprint (expected one of: paths, fingerprints)');
  });

  it('never echoes a key pasted into the config', () => {
    const key = makeKey(shapeByName('project 164'));
    const root = gitRepo({ '.keyguard.yml': `allow:\n  fingerprints: ["${key}"]\n` });
    const r = runCli(['scan', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.keyguard.yml:2:18: allow.fingerprints[0]: expected a 32-character');
    expectNoKey([key], { stderr: r.stderr, stdout: r.stdout });
  });

  it('rejects bad usage with exit 2', () => {
    expect(runCli(['scan', '--format', 'xml']).stderr).toContain(`--format: expected one of ${formatNames('scan').join(', ')}, got "xml"`);
    expect(runCli(['scan', '--bogus']).code).toBe(2);
    expect(runCli(['frobnicate']).code).toBe(2);
    expect(runCli(['scan', '/nonexistent/dir']).stderr).toContain('PATH /nonexistent/dir does not exist');
    expect(runCli(['--help']).code).toBe(0);
  });

  it('never prints a key in any format, to stdout, stderr or files', () => {
    const { root, keys } = plantedRepo();
    write(root, 'README.md', 'plain text'); // the scanned tree itself is the only place keys may be
    const dir = tempDir();
    const texts: Record<string, string> = {};
    for (const format of ['text', 'json', 'sarif']) {
      const r = runCli(['scan', root, '--format', format]);
      texts[`${format} stdout`] = r.stdout;
      texts[`${format} stderr`] = r.stderr;
      const file = path.join(dir, `out.${format}`);
      const w = runCli(['scan', root, '--format', format, '--output', file]);
      texts[`${format} file`] = readFileSync(file, 'utf8');
      texts[`${format} --output stderr`] = w.stderr + w.stdout;
    }
    expect(texts['json stdout']).toContain('"redacted"');
    expectNoKey(keys, texts);
  });
});

describe('keyguard start-up', () => {
  it('answers --version and help from the small entry, and loads the rest only for real work', () => {
    // The entry holds the option table and help; the scanner, zod, the clients live in chunks.
    const entry = readFileSync(path.join(path.dirname(CLI), 'index.js'));
    expect(entry.length).toBeLessThan(64 * 1024);
    expect(entry.toString()).not.toContain('T3BlbkFJ');
    expect(runCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(runCli(['help', 'scan']).stdout).toContain('Usage: keyguard scan');
    const bad = runCli(['scan', '--histroy']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean --history?');
    expect(runCli(['scan', tempDir()]).code).toBe(0);
  });
});
