import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { actionInputs, OPTIONS } from '../src/options.ts';
import { tempDir } from './helpers/repo.ts';
import { REPO_ROOT } from './helpers/run.ts';

const check = (cwd: string) => spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/docs.ts'), '--check'], { cwd, encoding: 'utf8' });

it('README inputs and outputs match action.yml, and its command-line section the CLI help', () => {
  const r = check(REPO_ROOT);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

it("action.yml's inputs are the option table's: names, descriptions, defaults, in its order", () => {
  const meta = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { description: string; required: boolean; default?: string }> };
  expect(Object.entries(meta.inputs).map(([name, i]) => ({ name, description: i.description, ...(i.default !== undefined ? { default: i.default } : {}) }))).toEqual(actionInputs());
  for (const i of Object.values(meta.inputs)) expect(i.required).toBe(false);
  // A flag and its input that share a row share its text where the action has no wording of its own.
  const shared = OPTIONS.find((o) => 'flag' in o && o.flag === 'dry-run')!;
  expect(meta.inputs['dry-run']!.description).toBe('With `revoke` live, say what would be revoked and revoke nothing.');
  expect(shared.help).toContain('{revoke}');
});

it('the docs check fails when action.yml or the README was edited by hand, even both alike', () => {
  // Editing action.yml and its README row together was how an input changed before the table wrote them.
  const edits: [string[], (s: string) => string][] = [
    [['action.yml', 'README.md'], (s) => s.replace('Directory to scan, relative to the workspace.', 'Directory to scan.')],
    [['action.yml'], (s) => s.replace(/(  quiet-days:\n(?:    .*\n)*?    default: )"30"/, '$1"31"')],
    [['action.yml'], (s) => s.replace('  pr-comment:\n', '  pr-comments:\n')],
    [['README.md'], (s) => s.replace('| `path` | `.` |', '| `path` | `./` |')],
  ];
  for (const [files, edit] of edits) {
    const dir = tempDir();
    for (const f of ['action.yml', 'README.md']) copyFileSync(path.join(REPO_ROOT, f), path.join(dir, f));
    expect(check(dir).status, 'an unedited copy passes').toBe(0);
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const edited = edit(text);
      expect(edited, `the edit applies to ${file}`).not.toBe(text);
      writeFileSync(path.join(dir, file), edited);
    }
    const r = check(dir);
    expect(r.status, `${files.join(' and ')} edited`).toBe(1);
    expect(r.stderr).toContain('out of date');
  }
});
