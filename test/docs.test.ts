import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/run.ts';

it('README inputs and outputs match action.yml, and its command-line section the CLI help', () => {
  const r = spawnSync(process.execPath, ['scripts/docs.ts', '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
