import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ACTION_INPUTS, cliHelp, cliName, COMMAND_SPECS, COMMANDS, ENVIRONMENT, findOption, inputDescription, inputName, OPTIONS, optionsOf, takes, type OptionSpec } from '../src/options.ts';
import { tempDir } from './helpers/repo.ts';
import { REPO_ROOT, runCli } from './helpers/run.ts';

/** Every string literal (and template part) of src/, with where it is. */
function sourceStrings(): { file: string; text: string; argv: boolean }[] {
  const out: { file: string; text: string; argv: boolean }[] = [];
  const dir = path.join(REPO_ROOT, 'src');
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    const file = `src/${rel}`;
    const visit = (n: ts.Node) => {
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
        // An element of an array literal is an argument handed to git, not text for a user.
        const argv = ts.isArrayLiteralExpression(n.parent) || (ts.isTemplateExpression(n.parent) && ts.isArrayLiteralExpression(n.parent.parent));
        out.push({ file, text: n.text, argv });
      }
      ts.forEachChild(n, visit);
    };
    visit(ts.createSourceFile(file, readFileSync(path.join(dir, rel), 'utf8'), ts.ScriptTarget.Latest, true));
  }
  return out;
}

const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

describe('the command line, from one option table', () => {
  it('every --flag named in any message or help text of src/ is a real flag of the table', () => {
    const named: string[] = [];
    const unknown: string[] = [];
    for (const { file, text, argv } of sourceStrings()) {
      if (argv) continue;
      for (const m of text.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)) {
        // `git rm --cached`, `git filter-repo --replace-text`: git's flags, quoted as advice.
        if (/\bgit(?: [\w./-]+)* $/.test(text.slice(0, m.index))) continue;
        named.push(m[1]!);
        if (!findOption(m[1]!)) unknown.push(`${file}: --${m[1]} in "${text.slice(0, 80)}"`);
      }
    }
    expect(unknown).toEqual([]);
    expect(named.length).toBeGreaterThan(30); // the scan does see the messages
  });

  it('every setting an error names resolves to a flag or a variable on the command line', () => {
    const keys = new Set<string>();
    const dir = path.join(REPO_ROOT, 'src');
    for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(path.join(dir, rel), 'utf8').matchAll(/\bname\('([a-z-]+)'/g)) keys.add(m[1]!);
    }
    expect(keys.size).toBeGreaterThan(10);
    for (const key of keys) {
      const shown = cliName(key, 'true');
      const real = shown.startsWith('--') ? shown.split(/[ ,]/)[0]!.slice(2) : undefined;
      if (real) expect(findOption(real), `${key} → ${shown}`).toBeDefined();
      else expect(shown, key).toMatch(/^[A-Z_]+$|\.keyguard\.yml$/);
      if (!real && /^[A-Z_]+$/.test(shown)) expect(ENVIRONMENT.map((e) => e.name)).toContain(shown);
    }
    // The messages of issue 14: flags that never existed are not suggested.
    expect(cliName('openai-admin-key')).toBe('OPENAI_ADMIN_KEY');
    expect(cliName('github-token')).toBe('GITHUB_TOKEN');
    expect(cliName('issue-repository')).toBe('GITHUB_REPOSITORY');
    expect(cliName('verify', 'true')).toBe('--verify');
  });

  it('the leak-response errors name real flags and the variables to set, never --openai-admin-key or --verify true', () => {
    const root = tempDir();
    const admin = { OPENAI_ADMIN_KEY: 'x' };
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [['scan', root, '--revoke', 'live'], {}, '--revoke live needs an OpenAI admin key (OPENAI_ADMIN_KEY)'],
      [['scan', root, '--revoke', 'live'], admin, '--revoke live needs --verify: only keys found live are revoked'],
      [['scan', root, '--revoke', 'all'], admin, '--revoke all was removed'],
      [['scan', root, '--issues'], { GITHUB_REPOSITORY: 'acme/sec', GITHUB_TOKEN: '' }, '--issues needs a GitHub token with issues: write (GITHUB_TOKEN)'],
      [['scan', root, '--issues'], { GITHUB_REPOSITORY: '', GITHUB_TOKEN: 't' }, 'GITHUB_REPOSITORY: expected owner/name, got ""'],
      [['scan', root, '--dry-run'], {}, '--dry-run needs --revoke live'],
      // Checked before scanning: root is no git repository, which the history scan would report first.
      [['scan', root, '--history', '--revoke', 'live'], {}, '--revoke live needs an OpenAI admin key (OPENAI_ADMIN_KEY)'],
    ];
    for (const [args, env, message] of cases) {
      const r = runCli(args, REPO_ROOT, { OPENAI_ADMIN_KEY: '', GITHUB_TOKEN: '', GITHUB_REPOSITORY: '', ...env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      for (const flag of r.stderr.matchAll(/--([a-z][a-z-]*)/g)) expect(findOption(flag[1]!), flag[0]).toBeDefined();
    }
  });

  it('audit --issues, report --issue and watch name the missing token or repository as variables, before any work', () => {
    const root = tempDir();
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [['audit', root, '--issues'], { GITHUB_REPOSITORY: 'acme/sec' }, 'the audit issue needs a GitHub token with issues: write (GITHUB_TOKEN)'],
      [['audit', root, '--issues'], { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'acme' }, 'GITHUB_REPOSITORY: expected owner/name, got "acme"'],
      [['report', '--issue'], { OPENAI_ADMIN_KEY: 'x', GITHUB_REPOSITORY: 'acme/sec' }, 'the report issue needs a GitHub token with issues: write (GITHUB_TOKEN)'],
      [['watch'], { OPENAI_ADMIN_KEY: 'x', GITHUB_TOKEN: 't' }, 'GITHUB_REPOSITORY: expected owner/name, got ""'],
    ];
    for (const [args, env, message] of cases) {
      const r = runCli(args, REPO_ROOT, { OPENAI_ADMIN_KEY: '', GITHUB_TOKEN: '', GITHUB_REPOSITORY: '', ...env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    }
  });

  it('an option of another command is an error naming the command and its real options', () => {
    const r = runCli(['audit', '--revoke', 'all', '--history', '--staged']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--revoke is not an option of audit (it belongs to keyguard scan, keyguard scan-batch)');
    const listed = /audit takes (.*)\n/.exec(r.stderr)![1]!.split(', ');
    expect(listed).toEqual(optionsOf('audit').map((o) => `--${o.flag}`));
    const help = runCli(['help', 'audit']).stdout;
    for (const flag of listed) expect(help).toContain(flag);
    expect(runCli(['report', '--verify']).stderr).toContain('--verify is not an option of report');
    expect(runCli(['report', '--issues']).stderr).toContain('--issues is not an option of report (it belongs to keyguard scan, keyguard audit, keyguard aggregate): did you mean --issue?');
    expect(runCli(['discover', '--org', 'acme', '--history']).stderr).toContain('--history is not an option of discover');
  });

  it('an unknown option or command gets the nearest real one, not the parser text', () => {
    const r = runCli(['scan', '--histroy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --histroy: did you mean --history?');
    expect(r.stderr).toContain('Run keyguard help scan for usage.');
    expect(r.stderr).not.toMatch(/positional|ERR_PARSE|'--/);
    expect(runCli(['scan', '--fail_on', 'none']).stderr).toContain('did you mean --fail-on?');
    expect(runCli(['audit', '--formt', 'json']).stderr).toContain('did you mean --format?');
    const far = runCli(['scan', '--zzzzzz']);
    expect(far.stderr).toContain('unknown option --zzzzzz; scan takes --history, --range, --staged');
    expect(runCli(['scna']).stderr).toContain('unknown command "scna": did you mean scan?');
    expect(runCli(['scan', '--format']).stderr).toContain('--format needs a value: --format text|json|sarif');
    expect(runCli(['scan', '--format', '--history']).stderr).toContain('--format needs a value');
    expect(runCli(['scan', '--verify=yes']).stderr).toContain('--verify takes no value');
    expect(runCli(['scan', '--history', '--staged']).stderr).toContain('--history and --staged cannot be combined');
    expect(runCli(['report', 'extra']).stderr).toContain('unexpected argument "extra": report takes no argument');
    expect(runCli(['aggregate']).stderr).toContain('aggregate needs DIR');
    const stray = runCli(['--history']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--history needs a command before it: keyguard COMMAND --history');
  });

  it('help, help COMMAND, COMMAND --help and -h print that command\'s usage, options and examples', () => {
    const global = runCli(['help']);
    expect(global.code).toBe(0);
    for (const c of COMMAND_SPECS) expect(global.stdout).toMatch(new RegExp(`^  ${c.name} +${c.summary.slice(0, 30).replace(/[()]/g, '\\$&')}`, 'm'));
    expect(runCli(['--help']).stdout).toBe(global.stdout);
    expect(runCli([]).code).toBe(2);
    expect(runCli([]).stderr).toBe(global.stdout);
    for (const command of COMMANDS) {
      const help = runCli(['help', command]);
      expect(help.code).toBe(0);
      expect(runCli([command, '--help']).stdout).toBe(help.stdout);
      expect(runCli([command, '-h']).stdout).toBe(help.stdout);
      expect(help.stdout).toContain(`Usage: keyguard ${command}`);
      for (const o of optionsOf(command)) expect(help.stdout).toContain(`--${o.flag}`);
      const examples = help.stdout.split('Examples:\n')[1]!.split('\n\n')[0]!.trim().split('\n');
      expect(examples.length).toBeGreaterThanOrEqual(1);
      for (const e of examples) expect(e).toContain(`keyguard ${command}`);
    }
    expect(runCli(['help', 'scna']).stderr).toContain('did you mean scan?');
  });

  it('the examples of every help page run without a usage error', () => {
    for (const c of COMMAND_SPECS) {
      for (const example of c.examples) {
        const args = example.replace(/^[A-Z_]+=\S+ /, '').split(' ').slice(1);
        // Parsing only: each example with --help appended must be accepted as that command's.
        expect(runCli([...args, '--help']).code, example).toBe(0);
      }
    }
  });

  it("the README's command-line section is the bundled CLI's help, word for word", () => {
    for (const command of COMMANDS) expect(README).toContain(runCli(['help', command]).stdout.trimEnd());
    expect(README).toContain(runCli(['help']).stdout.replace(/^keyguard [\d.]+:/, 'keyguard:').trimEnd());
  });

  it("the action's inputs are named once: the table's list is action.yml's, and the action reads each", () => {
    const declared = Object.keys((parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs);
    expect([...ACTION_INPUTS]).toEqual(declared);
    const main = readFileSync(path.join(REPO_ROOT, 'src/main.ts'), 'utf8');
    const read = new Set([
      ...[...main.matchAll(/\b(?:input|isOn)\('([a-z-]+)'\)/g)].map((m) => m[1]),
      ...[...main.matchAll(/\binputs\(([^)]*)\)/g)].flatMap((m) => [...m[1]!.matchAll(/'([a-z-]+)'/g)].map((n) => n[1])),
    ]);
    expect([...ACTION_INPUTS].filter((i) => !read.has(i))).toEqual([]);
  });

  it('every flag, input and variable has exactly one row of the table, with help text', () => {
    for (const key of ['flag', 'input', 'env'] as const) {
      const names = OPTIONS.flatMap((o) => (key in o ? [(o as Record<string, unknown>)[key] as string] : []));
      expect(names.length, key).toBeGreaterThan(3);
      expect(names.filter((n, i) => names.indexOf(n) !== i), `${key}s in two rows`).toEqual([]);
    }
    for (const o of OPTIONS as readonly OptionSpec[]) {
      const name = o.flag ?? o.input ?? o.env;
      expect(name, 'a row sets something').toBeDefined();
      expect(o.help.trim().length, `${name}: help`).toBeGreaterThan(5);
      // The command line reads flags and variables for the commands it names; an input alone names none.
      if (o.flag || o.env) expect(o.commands, `${name}: commands`).toBeDefined();
      if (o.input) expect(inputDescription(o).length, `${name}: description`).toBeGreaterThan(5);
      for (const command of COMMANDS) if (takes(o, command)) expect(cliHelp(o, command)).not.toMatch(/[{}]/);
    }
    // A flag and its input are one row where they are one setting, whatever their names.
    const linked = OPTIONS.filter((o) => 'flag' in o && 'input' in o).map((o) => `${(o as OptionSpec).flag}=${(o as OptionSpec).input}`);
    expect(linked).toEqual(expect.arrayContaining(['fail-on=fail-on', 'verify=verify', 'revoke=revoke', 'inventory=inventory-file', 'pull-refs=scan-pull-refs']));
    expect(inputName('inventory')).toBe('input inventory-file');
    expect(cliName('inventory-file', 'x')).toBe('--inventory x');
  });

  it('the action reads no input outside the table: one reader, typed by it, and the bundle asks for no other name', () => {
    const dir = path.join(REPO_ROOT, 'src');
    const readers = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/core\.getInput\(([^)]*)\)/g)].map((m) => `src/${f}: ${m[1]}`));
    expect(readers).toEqual(['src/main.ts: name']);
    expect(readFileSync(path.join(dir, 'main.ts'), 'utf8')).toMatch(/const input = \(name: ActionInput\)/);
    // What the runner would pass: INPUT_<NAME> variables. The bundle reads only the table's.
    const bundle = readFileSync(path.join(REPO_ROOT, 'dist/index.js'), 'utf8');
    const named = new Set([
      ...[...bundle.matchAll(/\b(?:input|isOn)\("([a-z-]+)"\)/g)].map((m) => m[1]!),
      ...[...bundle.matchAll(/\binputs\(([^)]*)\)/g)].flatMap((m) => [...m[1]!.matchAll(/"([a-z-]+)"/g)].map((n) => n[1]!)),
    ]);
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((n) => !(ACTION_INPUTS as readonly string[]).includes(n))).toEqual([]);
  });
});
