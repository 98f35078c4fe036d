import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { oneOfEach } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { gitRepo, tempDir } from './helpers/repo.ts';
import { runAction, runnerFiles } from './helpers/run.ts';

function runner(workspace: string) {
  return runnerFiles(workspace, tempDir('keyguard-runner-'));
}

describe('the bundled action, as the runner starts it', () => {
  it('annotates each finding, writes summary, SARIF and outputs, masks first and fails the step', () => {
    const planted = oneOfEach();
    const keys = planted.map((p) => p.key);
    const ws = gitRepo(Object.fromEntries(planted.map(({ key }, i) => [`app/conf${i}.py`, `\n\nclient = OpenAI(api_key="${key}")\n`])));
    const r0 = runner(ws);
    const r = runAction({ path: 'app' }, r0.env);
    expect(r.code).toBe(1);

    // Every key is masked before anything else mentions it.
    const lines = r.stdout.split('\n');
    const firstAnnotation = lines.findIndex((l) => l.startsWith('::error'));
    for (const key of keys) {
      const maskAt = lines.indexOf(`::add-mask::${key}`);
      expect(maskAt, 'mask line present').toBeGreaterThanOrEqual(0);
      expect(maskAt).toBeLessThan(firstAnnotation);
    }
    const annotations = lines.filter((l) => l.startsWith('::error title=Leaked OpenAI key'));
    expect(annotations).toHaveLength(keys.length);
    expect(annotations[0]).toMatch(/file=app\/conf0\.py,line=3,col=26,endColumn=77::OpenAI .* sk-…/);
    expect(r.stdout).toContain(`::error::keyguard found ${keys.length} OpenAI key findings`);

    const outputs = r0.outputs();
    expect(outputs).toMatchObject({ findings: String(keys.length), keys: String(keys.length) });
    const sarif = JSON.parse(readFileSync(outputs['sarif-file']!, 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('app/conf0.py');
    const json = JSON.parse(readFileSync(outputs['json-file']!, 'utf8'));
    expect(json.findings).toHaveLength(keys.length);
    const summary = readFileSync(r0.files.summary, 'utf8');
    expect(summary).toContain(`**${keys.length} OpenAI key findings** (${keys.length} distinct keys)`);
    expect(summary).toContain('| `app/conf0.py:3` |');

    expectNoKey(keys, { stdout: r.stdout, stderr: r.stderr, summary, sarif: JSON.stringify(sarif), json: JSON.stringify(json), outputs: readFileSync(r0.files.output, 'utf8') });
  });

  it('a file named after a key: annotated once as a name, never printed whole', () => {
    const key = oneOfEach()[0]!.key;
    const ws = gitRepo({ 'README.md': '# app\n', [`notes-${key}.txt`]: 'x\n' });
    const r0 = runner(ws);
    const r = runAction({}, r0.env);
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error title=Leaked OpenAI key'));
    expect(annotations).toHaveLength(1);
    // Not on a line of the file (the name is the leak), and where it is said once.
    expect(annotations[0]).toMatch(/^::error title=Leaked OpenAI key::OpenAI .* is committed \(fingerprint [0-9a-f]{32}; in the file name\)\. Revoke it/);
    expect(r0.summary()).toContain('(its name)');
    expectNoKey([key], { stdout: r.stdout, stderr: r.stderr, summary: r0.summary() });
  });

  it('passes on a clean workspace and reports with fail-on none', () => {
    const ws = gitRepo({ 'a.py': 'import os\n' });
    const r0 = runner(ws);
    const r = runAction({ 'fail-on': 'none' }, r0.env);
    expect(r.code).toBe(0);
    expect(r0.outputs()).toMatchObject({ findings: '0', keys: '0' });
    expect(readFileSync(r0.files.summary, 'utf8')).toContain(':white_check_mark: No OpenAI keys found in 1 file');
  });

  it('fails with one clear message on a bad input', () => {
    const ws = gitRepo({ 'a.py': 'x\n' });
    const r = runAction({ 'fail-on': 'sometimes' }, runner(ws).env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::input fail-on: expected one of none, any, got "sometimes"');
    expect(runAction({ mode: 'report' }, runner(ws).env).stdout).toContain('::error::the report needs an OpenAI admin key (input openai-admin-key)');
    expect(runAction({ mode: 'discover' }, runner(ws).env).stdout).toContain('::error::input org: expected an organization login');
    expect(runAction({ mode: 'nap' }, runner(ws).env).stdout).toContain('input mode: expected one of scan, audit, report, discover, scan-batch, aggregate, watch, got "nap"');
  });

  it("names a missing token or repository of the audit, report and watch issues as the action's inputs, before any work", () => {
    const ws = gitRepo({ 'a.py': 'x\n' });
    const admin = { 'openai-admin-key': 'x' };
    const cases: [Record<string, string>, Record<string, string>, string][] = [
      [{ mode: 'audit', issues: 'true' }, { GITHUB_REPOSITORY: 'acme/app' }, '::error::the audit issue needs a GitHub token with issues: write (input github-token)'],
      [{ mode: 'audit', issues: 'true', 'github-token': 't', 'issue-repository': 'acme' }, {}, '::error::input issue-repository: expected owner/name, got "acme"'],
      [{ mode: 'report', issues: 'true', ...admin }, { GITHUB_REPOSITORY: 'acme/app' }, '::error::the report issue needs a GitHub token with issues: write (input github-token)'],
      [{ mode: 'report', issues: 'true', ...admin, 'github-token': 't' }, {}, '::error::input issue-repository: expected owner/name, got ""'],
      [{ mode: 'watch', ...admin }, { GITHUB_REPOSITORY: 'acme/app' }, '::error::watch needs a GitHub token with issues: write (input github-token)'],
    ];
    for (const [inputs, env, message] of cases) {
      const r0 = runner(ws);
      const r = runAction(inputs, { ...r0.env, ...env });
      expect(r.code, JSON.stringify(inputs)).toBe(1);
      expect(r.stdout).toContain(message);
      // Before any work: no audit ran, no summary was written.
      expect(readFileSync(r0.files.summary, 'utf8')).toBe('');
    }
  });

  it('a switch input is true or false (as YAML writes them), never a silent off', () => {
    const ws = gitRepo({ 'a.py': 'x\n' });
    const cases: [Record<string, string>, string][] = [
      [{ 'pr-comment': 'no' }, 'input pr-comment: expected true or false, got "no"'],
      [{ 'scan-pull-refs': 'yes' }, 'input scan-pull-refs: expected true or false, got "yes"'],
      [{ mode: 'discover', org: 'acme', 'github-token': 't', 'include-forks': 'on' }, 'input include-forks: expected true or false, got "on"'],
      [{ mode: 'report', 'openai-admin-key': 'x', issues: 'true', 'close-previous': '1' }, 'input close-previous: expected true or false, got "1"'],
    ];
    for (const [inputs, message] of cases) {
      const r = runAction(inputs, runner(ws).env);
      expect(r.code, JSON.stringify(inputs)).toBe(1);
      expect(r.stdout).toContain(`::error::${message}`);
    }
    expect(runAction({ 'pr-comment': 'False', 'scan-pull-refs': 'TRUE' }, runner(ws).env).code).toBe(0);
  });
});

describe('annotations', () => {
  it('redact a key whatever put it in the message, title or file, past the limit too', async () => {
    const { annotateFindings, ANNOTATIONS_PER_LEVEL } = await import('../src/action/annotate.ts');
    const key = oneOfEach()[1]!.key;
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      annotateFindings(
        Array.from({ length: ANNOTATIONS_PER_LEVEL + 2 }, () => ({ level: 'warning' as const, group: `project ${key}`, message: `project "${key}" spends`, properties: { title: `keyguard-audit/${key}`, file: `cfg/${key}.yml` } })),
      );
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toContain(`project "sk-proj-…${key.slice(-4)}" spends`);
    expectNoKey([key], { annotations: written.join('') });
  });
});
