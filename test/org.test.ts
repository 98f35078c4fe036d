import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeGitHub, fakeOpenAI } from './helpers/fakes.ts';
import { parse } from 'yaml';
import fc from 'fast-check';
import { batchOf } from '../src/org/discover.ts';
import { seedLeakUsage, seedOrganization } from './fakes/openai-seed.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';
import { REPO_ROOT, runActionAsync, runCliAsync, runnerFiles } from './helpers/run.ts';


/** An organization of 600 repositories, some archived, some forks. */
async function bigOrg(token?: string) {
  const gh = await fakeGitHub({ repos: ['acme/security'], ...(token ? { token } : {}) });
  gh.orgs.set(
    'acme',
    Array.from({ length: 600 }, (_, i) => ({ name: `repo-${String(i).padStart(3, '0')}`, archived: i % 50 === 0, fork: i % 40 === 1, private: i % 2 === 0, default_branch: 'main' })),
  );
  return gh;
}

const cli = (args: string[], env: NodeJS.ProcessEnv) => runCliAsync(args, env, tempDir());

const DAY = 86_400;

/**
 * A batch of four repositories served from disk: one key leaked in two of them (committed 10 and
 * 3 days ago), another in a third (5 days ago), the fourth clean; the keys busy since.
 */
function leakingBatch() {
  const now = Math.floor(Date.now() / 1000);
  const today = Math.floor(now / DAY) * DAY;
  const org = seedOrganization({ now });
  const one = org.keys.find((k) => k.id === 'key_proj_0001_5')!;
  const two = org.keys.find((k) => k.id === 'key_proj_0002_5')!;
  const leaks = [
    { name: 'acme/web', key: one, at: today - 10 * DAY + 3600 },
    { name: 'acme/api', key: one, at: today - 3 * DAY + 3600 },
    { name: 'acme/jobs', key: two, at: today - 5 * DAY + 3600 },
  ] as const;
  seedLeakUsage(org, one.id, leaks[0].at, { before: 2, after: 50 }, now);
  seedLeakUsage(org, two.id, leaks[2].at, { before: 0, after: 3 }, now);
  const server = tempDir();
  git(server, 'clone', '-q', '--bare', gitRepo({ 'README.md': '# docs\n' }), 'acme/docs.git');
  for (const { name, key, at } of leaks) {
    const work = gitRepo({ 'README.md': `# ${name}\n` });
    write(work, 'cfg.env', `OPENAI_API_KEY=${key.secret}\n`);
    git(work, 'add', '-A');
    git(work, 'commit', '-qm', 'config', `--date=@${at}`);
    git(server, 'clone', '-q', '--bare', work, `${name}.git`);
  }
  const ws = tempDir();
  writeFileSync(path.join(ws, 'repos.txt'), 'acme/web\nacme/docs\nacme/api\nacme/jobs\n');
  return {
    org,
    today,
    leaks,
    scan: (baseURL: string) => runCliAsync(['scan-batch', 'repos.txt', '--batch', '0/1', '--output', 'reports', '--openai-base-url', baseURL], { OPENAI_ADMIN_KEY: org.adminKeys[0]!.secret, GITHUB_SERVER_URL: `file://${server}` }, ws),
    report: (name: string) => JSON.parse(readFileSync(path.join(ws, 'reports', `${name.replace('/', '__')}.json`), 'utf8')),
  };
}

describe('org-wide runs', () => {
  it('discover lists every page of an organization and spreads any number of repositories over at most 256 batch jobs', async () => {
    const g = await bigOrg('github_pat_finegrained');
    const list = path.join(tempDir(), 'repos.txt');
    const r = await cli(['discover', '--org', 'acme', '--output', list], { GITHUB_TOKEN: g.token, GITHUB_API_URL: g.url });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ repositories: 573, source: 'organization', skipped: { archived: 12, forks: 15 }, batches: 256 });
    expect(out.matrix.batch).toHaveLength(256);
    expect(out.matrix.batch[0]).toBe('0/256');
    const names = readFileSync(list, 'utf8').trim().split('\n');
    expect(names).toHaveLength(573);
    expect(names[0]).toBe('acme/repo-002');
    expect(g.log.filter((x) => x.path === '/orgs/acme/repos').map((x) => x.query.page ?? '1')).toEqual(['1', '2', '3', '4', '5', '6']);
    const all = await cli(['discover', '--org', 'acme', '--include-archived', '--include-forks'], { GITHUB_TOKEN: g.token, GITHUB_API_URL: g.url });
    expect(JSON.parse(all.stdout).repositories).toBe(600);
    expect((await cli(['discover'], { GITHUB_TOKEN: g.token })).stderr).toContain('--org: expected an organization login');
  });

  it('with an App installation token, discover lists only what the installation can reach', async () => {
    const g = await bigOrg();
    g.orgs.set('other', [{ name: 'elsewhere', archived: false, fork: false, private: true, default_branch: 'main' }]);
    g.installation.repositories = ['acme/repo-003', 'acme/repo-004', 'acme/repo-050', 'other/elsewhere'];
    const r = await cli(['discover', '--org', 'acme'], { GITHUB_TOKEN: g.token, GITHUB_API_URL: g.url });
    expect(r.code).toBe(0);
    // repo-050 is archived; other/elsewhere belongs to another account of the installation.
    expect(JSON.parse(r.stdout)).toMatchObject({ repositories: 2, source: 'installation', skipped: { archived: 1, forks: 0 }, batches: 2 });
    expect(g.log.map((x) => x.path)).toEqual(['/installation/repositories']);
  });

  it('mode: discover writes the list, the batch matrix and, with an admin key, the inventory; an empty org gives zero batches', async () => {
    const g = await bigOrg();
    const o = await fakeOpenAI(seedOrganization({ projects: 3 }));
    g.orgs.set('empty', []);
    const r0 = runnerFiles(tempDir(), tempDir());
    const r = await runActionAsync({ mode: 'discover', org: 'acme', 'github-token': g.token, 'openai-admin-key': o.org.adminKeys[0]!.secret, 'openai-base-url': o.baseURL }, { ...r0.env, GITHUB_API_URL: g.url });
    expect(r.code).toBe(0);
    const outputs = r0.outputs();
    expect(outputs).toMatchObject({ batches: '256', repositories: '573' });
    expect(JSON.parse(outputs.matrix!).batch).toHaveLength(256);
    expect(readFileSync(outputs['repositories-file']!, 'utf8').trim().split('\n')).toHaveLength(573);
    const inventory = JSON.parse(readFileSync(outputs['inventory-file']!, 'utf8'));
    expect(inventory.projectKeys).toHaveLength(15);
    expectNoKey([...o.org.keys.map((k) => k.secret), ...o.org.adminKeys.map((k) => k.secret)], { inventory: JSON.stringify(inventory), stdout: r.stdout });
    const e0 = runnerFiles(tempDir(), tempDir());
    await runActionAsync({ mode: 'discover', org: 'empty', 'github-token': g.token }, { ...e0.env, GITHUB_API_URL: g.url });
    expect(e0.outputs()).toMatchObject({ batches: '0', repositories: '0', matrix: '{"batch":[]}' });
    expect(e0.outputs()['inventory-file']).toBeUndefined();
  });

  it('batches cover every repository exactly once, whatever the sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (n) => {
        const list = Array.from({ length: n }, (_, i) => i);
        const k = Math.min(256, n);
        const seen = Array.from({ length: k }, (_, i) => batchOf(list, i, k));
        expect(seen.flat()).toEqual(list);
        if (n > 0) expect(Math.max(...seen.map((b) => b.length)) - Math.min(...seen.map((b) => b.length))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('mode: scan-batch clones and scans each repository of its batch, and fails loudly, after the rest, on one it cannot clone', async () => {
    const leak = makeKey(shapeByName('project 164'));
    const server = tempDir();
    const names = ['acme/a', 'acme/b', 'acme/c', 'acme/gone'];
    for (const [i, name] of names.slice(0, 3).entries()) {
      const work = gitRepo({ 'README.md': `# ${name}\n`, ...(i === 1 ? { 'app.env': `OPENAI_API_KEY=${leak}\n` } : {}) });
      if (i === 1) {
        git(work, 'rm', '-q', 'app.env');
        git(work, 'commit', '-q', '-m', 'remove the key');
        git(work, 'checkout', '-q', '-b', 'feature');
      }
      git(server, 'clone', '-q', '--bare', work, `${name}.git`);
    }
    const ws = tempDir();
    writeFileSync(path.join(ws, 'repos.txt'), names.join('\n') + '\n');
    const env = (r0: ReturnType<typeof runnerFiles>) => ({ ...r0.env, GITHUB_SERVER_URL: `file://${server}` });
    const b0 = runnerFiles(ws, tempDir());
    const first = await runActionAsync({ mode: 'scan-batch', batch: '0/2', 'repositories-file': 'repos.txt', verify: 'false', 'github-token': 'ghs_cloningtoken' }, env(b0));
    expect(first.code).toBe(0);
    expect(b0.outputs()).toMatchObject({ keys: '1' });
    const report = JSON.parse(readFileSync(path.join(ws, 'keyguard-reports', 'acme__b.json'), 'utf8'));
    expect(report).toMatchObject({ repository: 'acme/b', findings: [{ file: 'app.env', line: 1, presentAtHead: false }] });
    expect(JSON.parse(readFileSync(path.join(ws, 'keyguard-reports', 'acme__a.json'), 'utf8')).findings).toEqual([]);
    const b1 = runnerFiles(ws, tempDir());
    const second = await runActionAsync({ mode: 'scan-batch', batch: '1/2', 'repositories-file': 'repos.txt', verify: 'false' }, env(b1));
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('could not scan 1 of 2 repositories of this batch: acme/gone');
    expect(b1.summary()).toContain('**1 not scanned**');
    expect(JSON.parse(readFileSync(path.join(ws, 'keyguard-reports', 'acme__c.json'), 'utf8')).repository).toBe('acme/c');
    expectNoKey([leak], { first: first.stdout + first.stderr, second: second.stdout, summary: b0.summary() + b1.summary(), report: JSON.stringify(report) });
  });

  it('scan-batch refuses a list line that could reach git as an option or a path, naming the line', async () => {
    const ws = tempDir();
    writeFileSync(path.join(ws, 'repos.txt'), 'acme/ok\n--upload-pack=touch /tmp/x\n');
    const r0 = runnerFiles(ws, tempDir());
    const r = await runActionAsync({ mode: 'scan-batch', batch: '0/1', 'repositories-file': 'repos.txt' }, r0.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('repos.txt:2: expected owner/name');
    const bad = await runActionAsync({ mode: 'scan-batch', batch: '2/2', 'repositories-file': 'repos.txt' }, r0.env);
    expect(bad.stdout).toContain('input batch: expected I/K');
  });

  it('scan jobs match found keys against the inventory discover saved, without reading the organization again', async () => {
    const o = await fakeOpenAI(seedOrganization({ projects: 3 }));
    const leaked = o.org.keys.find((k) => k.id === 'key_proj_0001_1')!;
    const server = tempDir();
    git(server, 'clone', '-q', '--bare', gitRepo({ 'cfg.py': `KEY = "${leaked.secret}"\n` }), 'acme/app.git');
    const ws = tempDir();
    writeFileSync(path.join(ws, 'repos.txt'), 'acme/app\n');
    const admin = o.org.adminKeys[0]!.secret;
    const d0 = runnerFiles(ws, tempDir());
    const g = await bigOrg();
    await runActionAsync({ mode: 'discover', org: 'acme', 'github-token': g.token, 'openai-admin-key': admin, 'openai-base-url': o.baseURL }, { ...d0.env, GITHUB_API_URL: g.url });
    const inventoryRequests = o.log.length;
    expect(inventoryRequests).toBeGreaterThan(3);
    const b0 = runnerFiles(ws, tempDir());
    const r = await runActionAsync(
      { mode: 'scan-batch', batch: '0/1', 'repositories-file': 'repos.txt', 'inventory-file': d0.outputs()['inventory-file']!, verify: 'false', 'openai-base-url': o.baseURL },
      { ...b0.env, GITHUB_SERVER_URL: `file://${server}` },
    );
    expect(r.code).toBe(0);
    expect(o.log.length).toBe(inventoryRequests);
    const report = JSON.parse(readFileSync(path.join(ws, 'keyguard-reports', 'acme__app.json'), 'utf8'));
    expect(report.findings[0].match).toMatchObject({ type: 'matched', keyId: 'key_proj_0001_1', projectId: 'proj_0001' });
  });

  it('scan-batch reads the use since exposure once for all the keys of its repositories, each report counting from its own commit', async () => {
    const b = leakingBatch();
    const o = await fakeOpenAI(b.org);
    const r = await b.scan(o.baseURL);
    expect(r.code, r.stderr).toBe(1);
    // One read for the batch: each usage endpoint once (22 days: one page), filtered to both keys, and one costs read.
    const usage = o.log.filter((x) => x.path.includes('/organization/usage/'));
    expect(usage.map((x) => x.path.split('/').pop()).sort()).toEqual(['audio_speeches', 'audio_transcriptions', 'completions', 'embeddings', 'images', 'moderations']);
    expect(usage.every((x) => [...(x.query.api_key_ids ?? [])].sort().join() === 'key_proj_0001_5,key_proj_0002_5')).toBe(true);
    expect(o.log.filter((x) => x.path.includes('/organization/costs'))).toHaveLength(1);
    const iso = (t: number) => new Date(t * 1000).toISOString();
    const [web, api, jobs] = b.leaks;
    expect(b.report('acme/web').findings[0].exposure).toMatchObject({ since: iso(web.at), from: iso(b.today - 10 * DAY), requests: 11 * 51, before: { requests: 22 } });
    expect(b.report('acme/api').findings[0].exposure).toMatchObject({ since: iso(api.at), from: iso(b.today - 3 * DAY), requests: 4 * 51, before: { requests: 4 * 51 } });
    expect(b.report('acme/jobs').findings[0].exposure).toMatchObject({ since: iso(jobs.at), requests: 6 * 4, before: { requests: 0 } });
    expect(b.report('acme/docs').findings).toEqual([]);
    expectNoKey([web.key.secret, jobs.key.secret, b.org.adminKeys[0]!.secret], { stdout: r.stdout + r.stderr, reports: JSON.stringify(b.leaks.map((l) => b.report(l.name))) });
  });

  it('scan-batch: a usage endpoint that keeps failing costs the figures of the batch, said in every report that lacks them', async () => {
    const b = leakingBatch();
    const o = await fakeOpenAI(b.org, { faultPaths: ['/organization/usage/embeddings'] });
    const r = await b.scan(o.baseURL);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('could not read the usage since exposure: GET /organization/usage/embeddings: HTTP 500');
    for (const { name } of b.leaks) {
      const report = b.report(name);
      expect(report.findings[0]).toMatchObject({ match: { type: 'matched' }, exposure: null });
      expect(report.response.notes).toContainEqual(expect.stringMatching(/^Usage since exposure could not be read: GET \/organization\/usage\/embeddings: HTTP 500/));
    }
    expect(b.report('acme/docs').response).toBeUndefined();
  });

  it('mode: aggregate files one issue per key across repositories, in the security repository', async () => {
    const g = await bigOrg();
    const shared = makeKey(shapeByName('project 164'));
    const own = makeKey(shapeByName('legacy 51'));
    const inMessage = makeKey(shapeByName('project 132'));
    const reports = tempDir();
    // Two repositories' scans (as the org workflow's jobs upload them), one key in both.
    for (const [repo, files] of [['acme/web', { 'app.env': `K=${shared}\n` }], ['acme/api', { 'cfg.py': `a = "${shared}"\nb = "${own}"\n` }]] as const) {
      const ws = gitRepo(files);
      if (repo === 'acme/web') git(ws, 'commit', '-q', '--allow-empty', '-m', `rotate ${inMessage}`);
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
    expect(a0.outputs()).toMatchObject({ keys: '3', 'issues-opened': '3' });
    const issues = g.repo('acme/security').issues;
    expect(issues).toHaveLength(3);
    // A key in a commit message links to the commit, not to a file of it.
    expect(issues.find((i) => i.title.includes(inMessage.slice(-4)))!.body).toMatch(/\[`acme\/web: \(commit message\):1`\]\(https:\/\/github\.test\/acme\/web\/commit\/[0-9a-f]{40}\)/);
    const sharedIssue = issues.find((i) => i.title.startsWith('Leaked OpenAI project key'))!;
    expect(sharedIssue.body).toMatch(/\[`acme\/web: app\.env:1`\]\(https:\/\/github\.test\/acme\/web\/blob\/[0-9a-f]{40}\/app\.env#L1\)/);
    expect(sharedIssue.body).toMatch(/\[`acme\/api: cfg\.py:1`\]\(https:\/\/github\.test\/acme\/api\/blob\//);
    await runActionAsync({ mode: 'aggregate', reports, 'github-token': g.token }, env);
    expect(g.repo('acme/security').issues).toHaveLength(3);
    expectNoKey([shared, own, inMessage], { issues: JSON.stringify(issues), requests: JSON.stringify(g.log), stdout: a.stdout });
  });

  it('the reusable workflow runs one matrix of batch jobs, pins third-party actions by SHA, and aggregates once', () => {
    const wf = parse(readFileSync(path.join(REPO_ROOT, '.github/workflows/org-scan.yml'), 'utf8')) as { on: { workflow_call: { inputs: Record<string, unknown>; secrets: Record<string, unknown> } }; jobs: Record<string, { if?: string; needs?: string | string[]; strategy?: { matrix: string }; steps: { uses?: string; with?: Record<string, unknown> }[]; permissions?: Record<string, string> }> };
    expect(Object.keys(wf.on.workflow_call.inputs)).toEqual(expect.arrayContaining(['org', 'keyguard-repository', 'keyguard-ref']));
    expect(Object.keys(wf.on.workflow_call.secrets)).toEqual(['app-private-key', 'token', 'openai-admin-key']);
    expect(Object.keys(wf.jobs)).toEqual(['discover', 'scan', 'aggregate']);
    const scan = wf.jobs.scan!;
    expect(scan.if).toBe("needs.discover.outputs.batches != '0'");
    expect(scan.strategy!.matrix).toBe('${{ fromJSON(needs.discover.outputs.matrix) }}');
    expect(scan.steps.find((s) => s.uses === './.keyguard-action')!.with).toMatchObject({ mode: 'scan-batch', batch: '${{ matrix.batch }}' });
    expect(scan.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs.aggregate!.needs).toEqual(['discover', 'scan']);
    expect(wf.jobs.aggregate!.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(wf.jobs.aggregate!.steps.at(-1)!.with).toMatchObject({ mode: 'aggregate' });
    // Every action from another repository is pinned to a full commit SHA, here and in the README.
    const uses = [...Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses ?? '')), ...[...readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').matchAll(/uses: (\S+)/g)].map((m) => m[1]!)];
    const thirdParty = uses.filter((u) => u && !u.startsWith('./') && !u.startsWith('OWNER/keyguard'));
    expect(thirdParty.length).toBeGreaterThan(5);
    for (const u of thirdParty) expect(u).toMatch(/@[0-9a-f]{40}$/);
  });
});
