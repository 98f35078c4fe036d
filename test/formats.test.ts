import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runAudit } from '../src/audit/run.ts';
import { DEFAULT_CONFIG } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { OpenAIAdmin } from '../src/openai/admin-client.ts';
import { ACTION_INPUT_DEFAULTS, ACTION_OUTPUTS, cliName, COMMANDS, inputName, optionsOf } from '../src/options.ts';
import { chooseFormat, fileOutputs, FORMATS, formatNames, render, RESULT_TYPES, type ResultType, type ViewOf } from '../src/output/formats.ts';
import { buildReport } from '../src/report/command.ts';
import { lastFullPeriod } from '../src/report/period.ts';
import { runScan } from '../src/scan/index.ts';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/openai-server.ts';
import { seedOrganization } from './fakes/openai-seed.ts';
import { oneOfEach } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { gitRepo } from './helpers/repo.ts';
import { REPO_ROOT, runCli } from './helpers/run.ts';

const NOW = Date.UTC(2026, 10, 26, 12) / 1000;
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A real result of each type: a scan and an audit of a repository with keys, a report from the fake organization. */
async function samples(): Promise<{ keys: string[]; views: { [T in ResultType]: ViewOf<T> } }> {
  const keys = oneOfEach().map((p) => p.key);
  const root = gitRepo({ ...Object.fromEntries(keys.map((k, i) => [`src/conf${i}.ts`, `const client = new OpenAI({ apiKey: "${k}" });\n`])), '.env': `OPENAI_API_KEY=${keys[0]}\n` });
  const scan = await runScan({ root, config: DEFAULT_CONFIG, scope: { type: 'worktree' } }, { logger: silentLogger });
  const audit = await runAudit({ root, config: DEFAULT_CONFIG, now: NOW }, { logger: silentLogger });
  const org = seedOrganization({ now: NOW, projects: 3, days: 20 });
  // Someone named a project after a key: the API returns it, and every report quotes names.
  const pasted = oneOfEach()[1]!.key;
  org.projects[1]!.name = `staging ${pasted}`;
  fake = await startFakeOpenAI(org, {}, () => NOW);
  const admin = new OpenAIAdmin({ adminKey: org.adminKeys[0]!.secret, baseURL: fake.baseURL, logger: silentLogger });
  const { report } = await buildReport(admin, lastFullPeriod('week', NOW), DEFAULT_CONFIG, NOW, silentLogger);
  expect(scan.findings.length).toBe(keys.length + 1);
  expect(audit.findings.length).toBeGreaterThan(0);
  expect(report.projects.length).toBeGreaterThan(0);
  return { keys: [...keys, pasted], views: { scan: { result: scan, pathPrefix: 'sub/', repository: 'acme/app' }, audit: { result: audit, pathPrefix: 'sub/' }, report: { report } } };
}

describe('the format registry', () => {
  it('every registered format of each result type renders a real result, without a key', async () => {
    const { keys, views } = await samples();
    for (const type of RESULT_TYPES) {
      for (const name of formatNames(type)) {
        const text = await render(chooseFormat(type, name, cliName), views[type] as never);
        expect(text.length, `${type} ${name}`).toBeGreaterThan(100);
        expect(text.endsWith('\n'), `${type} ${name} ends its last line`).toBe(true);
        if (name === 'json' || name === 'sarif') expect(() => JSON.parse(text), `${type} ${name} parses`).not.toThrow();
        if (name === 'sarif') expect(JSON.parse(text).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^sub\//);
        expectNoKey(keys, { [`${type} ${name}`]: text });
      }
    }
  });

  it('the commands that take --format are exactly the result types, and each default is its first format', () => {
    expect(COMMANDS.filter((c) => optionsOf(c).some((o) => o.flag === 'format'))).toEqual(RESULT_TYPES);
    expect(chooseFormat('report', undefined, cliName)).toBe(FORMATS.report.markdown);
    expect(chooseFormat('scan', '  ', cliName)).toBe(FORMATS.scan.text);
  });

  it('a format a result type cannot render is an error naming the accepted ones, from the CLI or an input', () => {
    for (const type of RESULT_TYPES) {
      const accepted = formatNames(type).join(', ');
      // The other types' formats, an unknown one, and names an object has without owning them.
      const foreign = [...new Set(RESULT_TYPES.flatMap(formatNames))].filter((f) => !formatNames(type).includes(f));
      for (const bad of [...foreign, 'no-such-format', 'constructor', '__proto__']) {
        expect(() => chooseFormat(type, bad, cliName)).toThrow(`--format: expected one of ${accepted}, got "${bad}"`);
        expect(() => chooseFormat(type, bad, inputName)).toThrow(`input format: expected one of ${accepted}, got "${bad}"`);
      }
    }
  });

  it('keyguard scan, audit and report reject a format they cannot render, before any work; help lists each command its own formats', () => {
    const expected = (type: ResultType, bad: string) => `--format: expected one of ${formatNames(type).join(', ')}, got "${bad}"`;
    const audit = runCli(['audit', '--format', 'markdown']);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain(expected('audit', 'markdown'));
    // Before the admin key check: the format is the first thing wrong.
    const report = runCli(['report', '--format', 'sarif'], REPO_ROOT, { OPENAI_ADMIN_KEY: '' });
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(expected('report', 'sarif'));
    expect(runCli(['scan', '--format', 'markdown']).stderr).toContain(expected('scan', 'markdown'));
    for (const type of RESULT_TYPES) {
      const names = formatNames(type);
      expect(runCli(['help', type]).stdout).toMatch(new RegExp(`--format ${names.join('\\|')} +output format \\(default ${names[0]}\\)`));
    }
  });

  it('keyguard scan and audit accept every format of their registry', () => {
    const root = gitRepo({ 'a.txt': 'nothing here\n' });
    for (const type of ['scan', 'audit'] as const) {
      for (const name of formatNames(type)) {
        const r = runCli([type, root, '--format', name]);
        expect(r.code, `${type} --format ${name}: ${r.stderr}`).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(0);
      }
    }
  });
});

describe("the action's metadata", () => {
  const meta = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; outputs: Record<string, { description: string }> };

  it("action.yml's input defaults are the table's, which the action applies when the runner passes none", () => {
    // A workflow expression (the job's token) is the runner's to fill in; the action falls back to GITHUB_TOKEN.
    const declared = Object.entries(meta.inputs).flatMap(([name, i]) => (i.default !== undefined && !String(i.default).startsWith('${{') ? [[name, String(i.default)]] : []));
    expect(declared).toEqual(Object.entries(ACTION_INPUT_DEFAULTS));
  });

  it("action.yml's outputs are the table's and the formats' files, with their descriptions", () => {
    const expected = [...Object.entries(ACTION_OUTPUTS).map(([name, about]) => [name, about]), ...fileOutputs().map((o) => [o.name, o.about])];
    expect(Object.entries(meta.outputs).map(([name, o]) => [name, o.description])).toEqual(expected);
  });

  it('each format the action writes has its own file name, and an output named like the others (NAME-file)', () => {
    const files = RESULT_TYPES.flatMap((t) => Object.values(FORMATS[t] as Record<string, { action?: { file: string; output: string } }>).flatMap((f) => (f.action ? [f.action] : [])));
    expect(new Set(files.map((f) => f.file)).size).toBe(files.length);
    for (const f of files) expect(f.output).toMatch(/^[a-z]+-file$/);
  });

  it('main.ts sets outputs only through the typed table or the formats, never by a bare name', () => {
    const main = readFileSync(path.join(REPO_ROOT, 'src/main.ts'), 'utf8');
    expect([...main.matchAll(/core\.setOutput\(\s*['"`]/g)]).toEqual([]);
  });
});
