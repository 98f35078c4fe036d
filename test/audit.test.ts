import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { fileAuditIssue } from '../src/audit/command.ts';
import type { AuditFinding } from '../src/audit/finding.ts';
import { renderAuditIssue } from '../src/audit/render.ts';
import { auditOrganization } from '../src/audit/org-rules.ts';
import { runAudit } from '../src/audit/run.ts';
import { DEFAULT_CONFIG } from '../src/config.ts';
import { parseConfig } from '../src/config-file.ts';
import type { Logger } from '../src/logger.ts';
import { OpenAIAdmin } from '../src/openai/admin-client.ts';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server.ts';
import { seedOrganization } from './fakes/openai-seed.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { MemoryTracker } from './helpers/memory-tracker.ts';
import { git, gitRepo, write } from './helpers/repo.ts';
import { runCli } from './helpers/run.ts';

const logger: Logger = { info() {}, warning() {}, error() {}, mask() {}, progress() {} };
const NOW = 1_790_000_000;
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const WORKFLOW_BAD = `name: ci
on:
  pull_request_target:
env:
  OPENAI_API_KEY: sk-this-is-not-a-secret
jobs:
  test:
    runs-on: ubuntu-latest
    env:
      TOKEN: \${{ secrets.OPENAI_API_KEY }}
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: |
          npm ci
          echo "key is $TOKEN"
      - run: echo \${{ secrets.OPENAI_API_KEY }} | base64
`;

const WORKFLOW_GOOD = `name: ok
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    env:
      OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
    steps:
      - run: npm test
      - run: echo "::add-mask::$OPENAI_API_KEY"
`;

function badRepo() {
  const key = makeKey(shapeByName('project 164'));
  const root = gitRepo({
    '.gitignore': 'node_modules/\n',
    'src/literal.ts': `import OpenAI from 'openai';\n\nconst client = new OpenAI({ apiKey: "${key}" });\n`,
    'src/placeholder.ts': `import OpenAI from 'openai';\nexport const c = new OpenAI({ apiKey: 'sk-replace-me' });\n`,
    'src/good.ts': `import OpenAI from 'openai';\nexport const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nexport const d = new OpenAI({ apiKey: \`\${process.env.KEY}\` });\n`,
    'app/main.py': `import openai\nfrom openai import OpenAI\nclient = OpenAI(api_key="not-from-env")\nopenai.api_key = "also-literal"\nok = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n`,
    '.env': 'OPENAI_API_KEY=abc123\n',
    '.env.example': 'OPENAI_API_KEY=\n',
    '.github/workflows/bad.yml': WORKFLOW_BAD,
    '.github/workflows/good.yml': WORKFLOW_GOOD,
  });
  return { root, key };
}

describe('repository rules', () => {
  it('finds literal keys, clients given literals, tracked .env, a .gitignore without .env, and unsafe workflows', async () => {
    const { root, key } = badRepo();
    const result = await runAudit({ root, config: DEFAULT_CONFIG, now: NOW }, { logger });
    const got = result.findings.map((f) => `${f.severity} ${f.rule} ${f.target}`);
    expect(got).toEqual([
      'critical client-literal-api-key src/literal.ts:3',
      'critical literal-key src/literal.ts:3',
      'critical pwn-request .github/workflows/bad.yml:12',
      'high env-file-tracked .env',
      'high workflow-echoes-secret .github/workflows/bad.yml:17',
      'high workflow-echoes-secret .github/workflows/bad.yml:18',
      'high workflow-literal-key .github/workflows/bad.yml:5',
      'medium client-literal-api-key app/main.py:3',
      'medium client-literal-api-key app/main.py:4',
      'medium client-literal-api-key src/placeholder.ts:2',
      'medium gitignore-missing-env .gitignore',
    ]);
    expect(result.stats).toMatchObject({ workflows: 2, organization: null });
    expectNoKey([key], { findings: JSON.stringify(result) });
  });

  it('a clean repository has nothing to say', async () => {
    const root = gitRepo({ '.gitignore': '.env*\n!.env.example\n', 'src/a.ts': "import OpenAI from 'openai';\nnew OpenAI();\n", '.github/workflows/ok.yml': WORKFLOW_GOOD });
    expect((await runAudit({ root, config: DEFAULT_CONFIG, now: NOW }, { logger })).findings).toEqual([]);
  });
});

describe('organization rules', () => {
  it('flags old, idle, unused, orphaned and archived keys, user keys in production, and admin keys', async () => {
    const org = seedOrganization({ now: NOW, projects: 10 });
    fake = await startFakeOpenAI(org, {}, () => NOW);
    const inv = await new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: fake.baseURL, logger }).inventory();
    const config = parseConfig('audit:\n  productionProjects: [proj_0001, "project 2"]\n  maxAdminKeys: 1\n', '.keyguard.yml');
    const findings = auditOrganization(inv, config.audit, NOW);
    const rules = (target: string) => findings.filter((f) => f.target === target).map((f) => f.rule).sort();
    expect(rules('proj_0001/key_proj_0001_1')).toEqual(['user-key-in-production']);
    expect(rules('proj_0001/key_proj_0001_2')).toEqual(['key-idle', 'key-too-old', 'user-key-in-production']);
    expect(rules('proj_0001/key_proj_0001_3')).toEqual([]); // a service account's fresh key
    expect(rules('proj_0001/key_proj_0001_4')).toEqual(['key-idle', 'key-owner-without-access', 'key-too-old', 'user-key-in-production']);
    expect(rules('proj_0001/key_proj_0001_5')).toEqual(['key-never-used', 'user-key-in-production']);
    expect(rules('proj_0002/key_proj_0002_1')).toEqual(['user-key-in-production']);
    expect(rules('proj_0003/key_proj_0003_1')).toEqual([]);
    expect(rules('proj_0009/key_proj_0009_1')).toEqual(['key-in-archived-project']);
    expect(rules('organization')).toEqual(['too-many-admin-keys']);
    expect(rules('admin key key_admin_old')).toEqual(['admin-key-too-old', 'admin-key-unused']);
    expect(rules('admin key key_admin_ci')).toEqual([]);
    expectNoKey([...org.keys, ...org.adminKeys].map((k) => k.secret), { findings: JSON.stringify(findings) });
  });
});

describe('keyguard audit', () => {
  it('CLI: JSON of DESIGN.md, exit code by severity, SARIF for located findings', () => {
    const { root } = badRepo();
    const r = runCli(['audit', root, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings[0]).toEqual({ rule: 'client-literal-api-key', severity: 'critical', target: 'src/literal.ts:3', message: expect.any(String), fix: expect.any(String), file: 'src/literal.ts', line: 3 });
    const clean = gitRepo({ '.gitignore': '.env\n', 'a.py': 'x = 1\n' });
    expect(runCli(['audit', clean]).code).toBe(0);
    const mediumOnly = gitRepo({ 'a.py': 'x = 1\n' }); // only gitignore-missing-env, medium
    expect(runCli(['audit', mediumOnly]).code).toBe(0);
    expect(runCli(['audit', mediumOnly, '--fail-on', 'medium']).code).toBe(1);
    expect(runCli(['audit', mediumOnly, '--fail-on', 'severe']).stderr).toContain('--fail-on: expected one of none, any, critical, high, medium, low');
    const sarif = JSON.parse(runCli(['audit', root, '--format', 'sarif']).stdout);
    expect(sarif.runs[0].results.every((x: { locations: unknown[] }) => x.locations.length === 1)).toBe(true);
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('keyguard-audit/pwn-request');
  });

  it('one audit issue per repository, updated in place with what was fixed, closed when all is', async () => {
    const { root } = badRepo();
    const tracker = new MemoryTracker();
    const target = { tracker, repoId: 'acme:app', labels: ['keyguard-audit'] };
    const first = await fileAuditIssue(await runAudit({ root, config: DEFAULT_CONFIG, now: NOW }, { logger }), target);
    expect(first).toEqual({ number: 1, action: 'created' });
    expect(await fileAuditIssue(await runAudit({ root, config: DEFAULT_CONFIG, now: NOW }, { logger }), target)).toEqual({ number: 1, action: 'unchanged' });
    git(root, 'rm', '-q', '--cached', '.env');
    write(root, '.gitignore', '.env\n');
    const third = await fileAuditIssue(await runAudit({ root, config: DEFAULT_CONFIG, now: NOW }, { logger }), target);
    expect(third.action).toBe('updated');
    const body = tracker.issues[0]!.body;
    const fixed = body.split('<summary>Fixed since the last run (2)</summary>')[1]!;
    expect(fixed).toMatch(/\| \u{1F7E0}\u00a0\*\*high\*\* \| `env-file-tracked` \| `\.env` \|/u);
    expect(fixed).toMatch(/`gitignore-missing-env`/);
    // The decision first: the headline, then one row per rule with its fix; every finding folded below.
    const [head, folded] = body.split('<details>');
    expect(head).toMatch(/^<!-- keyguard:v1 audit acme:app -->\n## keyguard audit: :rotating_light: \d+ open \(\d+ critical, \d+ high/);
    expect(head).toContain('| Severity | Open | Rule: fix |');
    expect(head).not.toMatch(/<!-- k:/);
    expect(folded).toMatch(/<!-- k:[0-9a-f]{12} --> \|$/m);
    expect(tracker.issues).toHaveLength(1);
    const clean = gitRepo({ '.gitignore': '.env\n' });
    await fileAuditIssue(await runAudit({ root: clean, config: DEFAULT_CONFIG, now: NOW }, { logger }), target);
    expect(tracker.issues[0]).toMatchObject({ state: 'closed', title: 'keyguard audit: no open findings' });
  });
});

describe('the audit issue a person reads', () => {
  const stats = { filesChecked: 1, workflows: 0, organization: { projects: 1000, keys: 5000, adminKeys: 2, requests: 0 } };
  const finding = (i: number): AuditFinding => ({ rule: ['key-idle', 'key-too-old', 'key-never-used'][i % 3]!, severity: i % 3 === 1 ? 'medium' : 'low', target: `proj_${i}/key_${'x'.repeat(40)}${i}`, message: `Key "a long key name with <markup> & | pipes ${i}" of someone was last used long ago.`, fix: 'Delete it.' });

  it('5,000 findings: one row per rule, the list folded and cut, within GitHub\'s 65,536 characters', () => {
    const findings = Array.from({ length: 5000 }, (_, i) => finding(i));
    const { body } = renderAuditIssue({ findings, stats }, 'acme:app');
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('| \u{26AA}\u00a0low | 1667 | `key-idle`: Delete it. |');
    expect(body).toContain('<summary>All 5000 findings (the first 150 here)</summary>');
    expect(body).toContain('_…and 4850 more rows in the JSON report (and the SARIF file): upload them as workflow artifacts._');
    expect(body.split('\n').filter((l) => l.includes('<!-- k:'))).toHaveLength(150);
  });

  it('reads what was fixed from a body an earlier version wrote (six columns, the id in its own cell)', () => {
    const gone = { rule: 'gitignore-missing-env', target: '.gitignore' };
    const id = createHash('sha256').update(`${gone.rule}\0${gone.target}`).digest('hex').slice(0, 12);
    const old = ['<!-- keyguard:v1 audit acme:app -->', '## keyguard audit: 1 open (1 medium)', '', '| Severity | Rule | Target | Finding | Fix | |', '| --- | --- | --- | --- | --- | --- |', `| medium | \`${gone.rule}\` | \`${gone.target}\` | .gitignore does not ignore .env files. | Add &#96;.env*&#96;. | <!-- k:${id} -->`].join('\n');
    const { body } = renderAuditIssue({ findings: [finding(0)], stats }, 'acme:app', old);
    expect(body).toContain('<summary>Fixed since the last run (1)</summary>');
    expect(body).toContain('| medium | `gitignore-missing-env` | `.gitignore` | .gitignore does not ignore .env files. |');
    // And the next run still knows it as fixed only once: the fixed list is not read back as open.
    const again = renderAuditIssue({ findings: [finding(0)], stats }, 'acme:app', body).body;
    expect(again).not.toContain('Fixed since the last run');
  });
});

describe('mode: audit (bundled action)', () => {
  it('annotates by severity, writes summary, JSON and SARIF, and fails on high', async () => {
    const { runAction, runnerFiles } = await import('./helpers/run.ts');
    const { tempDir } = await import('./helpers/repo.ts');
    const { root, key } = badRepo();
    const r0 = runnerFiles(root, tempDir());
    const r = runAction({ mode: 'audit' }, r0.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error title=keyguard-audit\/pwn-request,file=\.github\/workflows\/bad\.yml,line=12::/);
    expect(r.stdout).toMatch(/::warning title=keyguard-audit\/gitignore-missing-env,file=\.gitignore,line=1::/);
    expect(r0.outputs()).toMatchObject({ findings: '11' });
    expect(r0.summary()).toContain('## keyguard audit: :rotating_light: 11 open (3 critical, 4 high, 4 medium)');
    expect(r0.summary()).toContain('Organization rules were skipped: no OpenAI admin key was given.');
    expectNoKey([key], { stdout: r.stdout, summary: r0.summary() });
    expect(runAction({ mode: 'audit', 'fail-on': 'none' }, runnerFiles(root, tempDir()).env).code).toBe(0);
  });
});
