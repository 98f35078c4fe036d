import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './helpers/run.ts';

/*
 * keyguard's own repository passes keyguard, through the bundled CLI: nothing key-shaped is
 * committed (test keys are generated at run time from templates) and no OpenAI client is built
 * with a literal, the audit rules' own samples included (their quotes are templates too).
 */
it('keyguard scans its own working tree and history clean, and its own audit finds nothing', () => {
  const findings = (args: string[]) => {
    const r = runCli([...args, '--format', 'json']);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return (JSON.parse(r.stdout) as { findings: { file: string; line: number }[] }).findings.map((f) => `${f.file}:${f.line}`);
  };
  expect(findings(['scan', REPO_ROOT])).toEqual([]);
  expect(findings(['audit', REPO_ROOT])).toEqual([]);
  // A shallow checkout holds no history to scan (keyguard refuses it, rightly).
  if (execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() === 'false') expect(findings(['scan', REPO_ROOT, '--history'])).toEqual([]);
});
