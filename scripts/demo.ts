// `npm run demo`: the whole flow on an embedded example, against the loopback fakes of OpenAI's
// organization API and of GitHub. It builds a repository whose history leaks keys of a seeded
// organization (planted at run time), runs the bundled action as the Actions runner does, twice,
// then the CLI, then the audit and the weekly report, and prints what happened. Nothing leaves
// this machine. With KEYGUARD_DEMO_BODIES=DIR it also writes the leak, audit and report issue
// bodies there (`npm run screenshots` renders them).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeGitHub } from '../test/fakes/github-server.ts';
import { startFakeOpenAI } from '../test/fakes/openai-server.ts';
import { seedOrganization } from '../test/fakes/openai-seed.ts';
import { MARKER, makeKey, randomString, shapeByName } from '../test/helpers/keygen.ts';
import { spawnAsync } from '../test/helpers/run.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = mkdtempSync(path.join(tmpdir(), 'keyguard-demo-'));
const repo = path.join(work, 'repo');

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv) => spawnAsync(cmd, args, { cwd: repo, env });

const put = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), text);
};
// The story is dated: the key leaked eight days ago, so its use since exposure has days to show.
let when: Record<string, string> = {};
const on = (daysAgo: number) => {
  const date = `${Math.floor(Date.now() / 1000) - daysAgo * 86_400} +0000`;
  when = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
};
const gitc = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.test', ...args], { cwd: repo, stdio: 'pipe', env: { ...process.env, ...when } });

const org = seedOrganization({ projects: 12 });
const openai = await startFakeOpenAI(org);
const github = await startFakeGitHub({ repos: ['acme/app'] });
try {
  const liveKey = org.keys.find((k) => k.id === 'key_proj_0001_1')!;
  const saKey = org.keys.find((k) => k.id === 'key_proj_0002_3')!;
  const deadKey = makeKey(shapeByName('legacy 51'));
  const adminKey = org.adminKeys[0]!.secret;

  mkdirSync(repo);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  put('README.md', '# app\n\nSet `OPENAI_API_KEY=sk-...` in your shell.\n');
  put('src/app.py', 'import os\nfrom openai import OpenAI\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n');
  put('docs/fake.md', `not a key: sk-proj-${'a'.repeat(74)}${MARKER}${'a'.repeat(74)}\nnor: sk-ant-api03-${randomString(90, 'abcdefghij0123456789')}\n`);
  on(20);
  gitc('add', '-A');
  gitc('commit', '-qm', 'initial');
  put('.env.production', `OPENAI_API_KEY=${liveKey.secret}\n`);
  put('deploy/secret.yaml', `apiVersion: v1\nkind: Secret\ndata:\n  OPENAI_API_KEY: ${Buffer.from(saKey.secret).toString('base64')}\n`);
  put('notes.txt', `old key, long revoked: ${deadKey}\n`);
  on(8);
  gitc('add', '-A');
  gitc('commit', '-qm', 'config for prod');
  rmSync(path.join(repo, '.env.production'));
  on(6);
  gitc('add', '-A');
  gitc('commit', '-qm', 'remove the env file (the key stays in history)');

  console.log('Demo: a repository whose history leaks three keys, against loopback fakes of OpenAI and GitHub.');
  console.log(`  - a live project key of the organization (in a commit, deleted since)`);
  console.log(`  - a live service-account key, base64-encoded in a Kubernetes Secret`);
  console.log(`  - an old legacy key that no longer works`);
  console.log('  plus placeholders and another vendor\'s sk- key, which must not be reported.\n');

  const runnerEnv = (temp: string) => {
    mkdirSync(temp, { recursive: true });
    for (const f of ['output', 'summary.md']) writeFileSync(path.join(temp, f), '');
    writeFileSync(path.join(temp, 'event.json'), '{}');
    return {
      PATH: process.env.PATH,
      HOME: work,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo,
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: path.join(temp, 'output'),
      GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md'),
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: path.join(temp, 'event.json'),
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SERVER_URL: 'https://github.test',
      GITHUB_API_URL: github.url,
      GITHUB_SHA: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim(),
      'INPUT_OPENAI-BASE-URL': openai.baseURL,
      KEYGUARD_GITHUB_WRITE_INTERVAL_MS: '0',
      INPUT_ISSUES: 'true',
      INPUT_REVOKE: 'live',
      'INPUT_OPENAI-ADMIN-KEY': adminKey,
      'INPUT_GITHUB-TOKEN': github.token,
      'INPUT_ISSUE-MENTION': '@acme/security',
    };
  };
  const outputsOf = (temp: string) =>
    Object.fromEntries([...readFileSync(path.join(temp, 'output'), 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map((m) => [m[1]!, m[3]!]));

  const shown: string[] = [];
  for (const [n, label] of [[1, 'first run'], [2, 'second run, nothing changed']] as const) {
    const temp = path.join(work, `runner${n}`);
    const deletesBefore = openai.log.filter((r) => r.method === 'DELETE').length;
    const issuesBefore = github.repo('acme/app').issues.length;
    const r = await run(process.execPath, [path.join(root, 'dist/index.js')], runnerEnv(temp));
    // The runner hides ::add-mask:: lines; so does the demo.
    const visible = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    shown.push(visible.join('\n'), readFileSync(path.join(temp, 'summary.md'), 'utf8'));
    console.log(`$ the action, ${label} (workflow_dispatch: full history; verify, revoke: live, issues: true)`);
    for (const line of visible.filter((l) => l.startsWith('keyguard:') || l.startsWith('::error title'))) console.log(`  ${line.length > 150 ? `${line.slice(0, 147)}...` : line}`);
    console.log(`  outputs: ${JSON.stringify(outputsOf(temp))}`);
    console.log(`  step ${r.code === 0 ? 'passed' : 'failed'}; OpenAI DELETE requests this run: ${openai.log.filter((x) => x.method === 'DELETE').length - deletesBefore}; issues opened this run: ${github.repo('acme/app').issues.length - issuesBefore}\n`);
    if (n === 1) {
      console.log('Job summary of the first run:\n');
      console.log(readFileSync(path.join(temp, 'summary.md'), 'utf8').replace(/^/gm, '  '));
    }
  }
  const issues = github.repo('acme/app').issues;
  console.log(`Issues in acme/app (${issues.length}):`);
  for (const i of issues) console.log(`  #${i.number} ${i.title} [${i.labels.join(', ')}]`);
  console.log('\nThe first issue, as the security team reads it:\n');
  console.log(issues[0]!.body.replace(/^/gm, '  '));

  console.log('$ keyguard scan --history (the CLI, same engine)');
  const cli = await run(process.execPath, [path.join(root, 'dist/cli/index.js'), 'scan', repo, '--history'], { PATH: process.env.PATH });
  console.log(cli.stdout.replace(/^/gm, '  '));
  shown.push(cli.stdout, cli.stderr, JSON.stringify(issues), JSON.stringify(github.log), openai.log.map((x) => x.body).join('\n'));

  // The audit and the weekly report, each one issue, with a budget the organization overspends.
  put('.keyguard.yml', 'report:\n  budgets: { "project 5": 60 }\n');
  const leakIssues = issues.length;
  for (const mode of ['audit', 'report'] as const) {
    const temp = path.join(work, `runner-${mode}`);
    const r = await run(process.execPath, [path.join(root, 'dist/index.js')], { ...runnerEnv(temp), INPUT_MODE: mode, 'INPUT_FAIL-ON': 'none', INPUT_PERIOD: mode === 'report' ? 'week' : '' });
    shown.push(r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), r.stderr, readFileSync(path.join(temp, 'summary.md'), 'utf8'));
    console.log(`$ the action, mode: ${mode}, issues: true: step ${r.code === 0 ? 'passed' : 'failed'}; outputs: ${JSON.stringify(outputsOf(temp))}`);
  }
  const [auditIssue, reportIssue] = github.repo('acme/app').issues.slice(leakIssues);
  console.log(`  #${auditIssue?.number} ${auditIssue?.title}\n  #${reportIssue?.number} ${reportIssue?.title}\n`);
  console.log('The weekly report, as finance reads it:\n');
  console.log(reportIssue?.body.replace(/^/gm, '  '));
  shown.push(JSON.stringify(github.repo('acme/app').issues));
  const bodies = process.env.KEYGUARD_DEMO_BODIES;
  if (bodies) {
    mkdirSync(bodies, { recursive: true });
    const live = issues.find((i) => i.body.includes('**live**')) ?? issues[0]!;
    for (const [name, issue] of [['leak-issue', live], ['audit-issue', auditIssue], ['report-issue', reportIssue]] as const) writeFileSync(path.join(bodies, `${name}.md`), `# ${issue!.title}\n\n${issue!.body}`);
    writeFileSync(path.join(bodies, 'scan-summary.md'), shown[1]!);
  }

  const secrets = [liveKey.secret, saKey.secret, deadKey, adminKey];
  const leaked = secrets.filter((s) => shown.some((t) => t.includes(s))).length;
  const ok = leakIssues === 3 && auditIssue !== undefined && reportIssue !== undefined && openai.log.filter((x) => x.method === 'DELETE').length >= 1 && leaked === 0 && cli.code === 1;
  console.log(`Checks: 3 leak issues (one per key) ${leakIssues === 3 ? 'yes' : 'NO'}; an audit and a report issue ${auditIssue && reportIssue ? 'yes' : 'NO'}; live keys revoked once ${liveKey.state === 'revoked' && saKey.state === 'revoked' ? 'yes' : 'NO'}; whole keys printed anywhere: ${leaked}.`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await openai.close();
  await github.close();
  rmSync(work, { recursive: true, force: true });
}
