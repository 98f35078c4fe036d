import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startFakeGitHub, type FakeGitHub } from './fakes/github-server.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { gitRepo, tempDir } from './helpers/repo.ts';
import { REPO_ROOT, runActionAsync, runCliAsync, runnerFiles } from './helpers/run.ts';

let gh: FakeGitHub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

/** An organization of 600 repositories, some archived, some forks. */
async function bigOrg() {
  gh = await startFakeGitHub({ repos: ['acme/security'] });
  gh.orgs.set(
    'acme',
    Array.from({ length: 600 }, (_, i) => ({ name: `repo-${String(i).padStart(3, '0')}`, archived: i % 50 === 0, fork: i % 40 === 1, private: i % 2 === 0, default_branch: 'main' })),
  );
  return gh;
}

const cli = (args: string[], env: NodeJS.ProcessEnv) => runCliAsync(args, env, tempDir());

describe('org-wide runs', () => {
  it('discover lists every page of repositories and splits them into matrices of 256', async () => {
    const g = await bigOrg();
    const r = await cli(['discover', '--org', 'acme'], { GITHUB_TOKEN: g.token, GITHUB_API_URL: g.url });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.skipped).toEqual({ archived: 12, forks: 15 });
    expect(out.repositories).toBe(573);
    expect(out.matrices.map((m: { include: unknown[] }) => m.include.length)).toEqual([256, 256, 61]);
    expect(out.matrices[0].include[0]).toEqual({ repository: 'acme/repo-002' });
    expect(g.log.filter((x) => x.path === '/orgs/acme/repos').map((x) => x.query.page ?? '1')).toEqual(['1', '2', '3', '4', '5', '6']);
    const all = await cli(['discover', '--org', 'acme', '--include-archived', '--include-forks'], { GITHUB_TOKEN: g.token, GITHUB_API_URL: g.url });
    expect(JSON.parse(all.stdout).repositories).toBe(600);
    expect((await cli(['discover'], { GITHUB_TOKEN: g.token })).stderr).toContain('--org: expected an organization login');
  });

  it('mode: discover writes the matrix outputs; an empty org gives zero chunks', async () => {
    const g = await bigOrg();
    g.orgs.set('empty', []);
    const r0 = runnerFiles(tempDir(), tempDir());
    const r = await runActionAsync({ mode: 'discover', org: 'acme', 'github-token': g.token }, { ...r0.env, GITHUB_API_URL: g.url });
    expect(r.code).toBe(0);
    const outputs = r0.outputs();
    expect(outputs).toMatchObject({ chunks: '3', repositories: '573' });
    expect(JSON.parse(outputs.matrix!)).toHaveLength(3);
    const e0 = runnerFiles(tempDir(), tempDir());
    await runActionAsync({ mode: 'discover', org: 'empty', 'github-token': g.token }, { ...e0.env, GITHUB_API_URL: g.url });
    expect(e0.outputs()).toMatchObject({ chunks: '0', repositories: '0', matrix: '[]' });
  });

  it('mode: aggregate files one issue per key across repositories, in the security repository', async () => {
    const g = await bigOrg();
    const shared = makeKey(shapeByName('project 164'));
    const own = makeKey(shapeByName('legacy 51'));
    const reports = tempDir();
    // Two repositories' scans (as the org workflow's jobs upload them), one key in both.
    for (const [repo, files] of [['acme/web', { 'app.env': `K=${shared}\n` }], ['acme/api', { 'cfg.py': `a = "${shared}"\nb = "${own}"\n` }]] as const) {
      const ws = gitRepo(files);
      const r0 = runnerFiles(ws, tempDir());
      r0.event('schedule', {});
      const r = await runActionAsync({ repository: repo, verify: 'false', 'fail-on': 'none' }, r0.env);
      expect(r.code).toBe(0);
      mkdirSync(path.join(reports, `keyguard-report-${repo.replace('/', '__')}`));
      writeFileSync(path.join(reports, `keyguard-report-${repo.replace('/', '__')}`, 'keyguard.json'), readFileSync(r0.outputs()['json-file']!));
    }
    const a0 = runnerFiles(tempDir(), tempDir());
    const env = { ...a0.env, GITHUB_API_URL: g.url, GITHUB_REPOSITORY: 'acme/security', GITHUB_SERVER_URL: 'https://github.test', KEYGUARD_GITHUB_WRITE_INTERVAL_MS: '0' };
    const a = await runActionAsync({ mode: 'aggregate', reports, 'github-token': g.token }, env);
    expect(a.code).toBe(0);
    expect(a0.outputs()).toMatchObject({ keys: '2', 'issues-opened': '2' });
    const issues = g.repo('acme/security').issues;
    expect(issues).toHaveLength(2);
    const sharedIssue = issues.find((i) => i.title.startsWith('Leaked OpenAI project key'))!;
    expect(sharedIssue.body).toMatch(/\[`acme\/web: app\.env:1`\]\(https:\/\/github\.test\/acme\/web\/blob\/[0-9a-f]{40}\/app\.env#L1\)/);
    expect(sharedIssue.body).toMatch(/\[`acme\/api: cfg\.py:1`\]\(https:\/\/github\.test\/acme\/api\/blob\//);
    await runActionAsync({ mode: 'aggregate', reports, 'github-token': g.token }, env);
    expect(g.repo('acme/security').issues).toHaveLength(2);
    expectNoKey([shared, own], { issues: JSON.stringify(issues), requests: JSON.stringify(g.log), stdout: a.stdout });
  });

  it('the reusable workflow fans out one scan job per repository in chunks and aggregates once', () => {
    const wf = parse(readFileSync(path.join(REPO_ROOT, '.github/workflows/org-scan.yml'), 'utf8')) as { on: { workflow_call: { inputs: Record<string, unknown>; secrets: Record<string, unknown> } }; jobs: Record<string, { if?: string; needs?: string | string[]; strategy?: { matrix: string }; steps: { uses?: string; with?: Record<string, unknown> }[]; permissions?: Record<string, string> }> };
    expect(Object.keys(wf.on.workflow_call.inputs)).toEqual(expect.arrayContaining(['org', 'keyguard-repository', 'keyguard-ref']));
    expect(Object.keys(wf.on.workflow_call.secrets)).toEqual(['app-private-key', 'token', 'openai-admin-key']);
    for (let i = 0; i < 4; i++) {
      const job = wf.jobs[`scan-${i}`]!;
      expect(job.if).toBe(`fromJSON(needs.discover.outputs.chunks) > ${i}`);
      expect(job.strategy!.matrix).toBe(`\${{ fromJSON(needs.discover.outputs.matrix)[${i}] }}`);
      expect(job.steps.find((s) => s.uses === './.keyguard-action')!.with).toMatchObject({ repository: '${{ matrix.repository }}', 'scan-scope': 'history', 'fail-on': 'none' });
      expect(job.steps[0]).toMatchObject({ id: 'app', uses: 'actions/create-github-app-token@v2' });
      expect(job.permissions).toEqual({ contents: 'read' });
    }
    expect(wf.jobs.aggregate!.needs).toEqual(['discover', 'scan-0', 'scan-1', 'scan-2', 'scan-3']);
    expect(wf.jobs.aggregate!.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(wf.jobs.aggregate!.steps.at(-1)!.with).toMatchObject({ mode: 'aggregate' });
  });
});
