// Regenerates what other files already say: action.yml's inputs and outputs from the option table
// and the format registry, and the parts of README.md between `<!-- start NAME -->` and
// `<!-- end NAME -->`: the inputs and outputs tables from action.yml (usage), the formats of each
// command (formats), the command-line reference from the option table (cli), the detected key shapes from the kind specs
// (kinds), the audit rules tables from the rule specs (repo-rules, org-rules) and the report's
// project table from its column list (report-columns), so none can drift.
// `--check` exits 1 instead of writing when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { helpReference } from '../src/cli/help.ts';
import { ORG_RULES } from '../src/audit/org-rules.ts';
import { REPO_RULES } from '../src/audit/repo-rules.ts';
import { KIND_SPECS, MARKER } from '../src/detect/kinds.ts';
import { ACTION_OUTPUTS, actionInputs } from '../src/options.ts';
import { COLUMNS } from '../src/report/render.ts';
import { actionFiles, fileOutputs, formatNames, RESULT_TYPES } from '../src/output/formats.ts';

interface Meta {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (s: string) => s.trim().replace(/\n+/g, ' ').replace(/\|/g, '\\|');

export function renderUsage(meta: Meta): string {
  const rows = ['| Input | Default | Description |', '| --- | --- | --- |'];
  for (const [name, i] of Object.entries(meta.inputs)) rows.push(`| \`${name}\` | ${i.default !== undefined ? `\`${i.default}\`` : ''} | ${cell(i.description)} |`);
  rows.push('', '| Output | Description |', '| --- | --- |');
  for (const [name, o] of Object.entries(meta.outputs)) rows.push(`| \`${name}\` | ${cell(o.description)} |`);
  return rows.join('\n');
}

/** The "What is detected" table, from the key kind specs: known lengths first, then open ones. */
export function renderKinds(): string {
  const known: string[] = [];
  const open: string[] = [];
  const named: string[] = [];
  const unknown: string[] = [];
  const alphabet = (half: number) => (half === 20 ? 'alphanumeric' : '`A-Za-z0-9_-`');
  const row = (kind: string, shape: string, length = '') => `| \`${kind}\` | ${shape} |${length ? ` ${length} ` : ' '}|`;
  for (const { kind, forms, label, named: hasNamed } of KIND_SPECS) {
    for (const f of forms) {
      const prefix = `sk-${f.prefix}`;
      for (const a of new Set(f.halves.map(alphabet))) {
        const halves = f.halves.filter((h) => alphabet(h) === a);
        const shape = halves.length === 1 ? `+ ${halves[0]} + \`${MARKER}\` + ${halves[0]}` : `+ ${halves.join(' / ')} on each side`;
        known.push(row(kind, `\`${prefix}\` ${shape}, ${a}`, halves.map((h) => prefix.length + 2 * h + MARKER.length).join(' / ')));
      }
      if (f.prefix === '') unknown.push(row(kind, `\`sk-\` + 20–128 alphanumeric + \`${MARKER}\` + 20–128 (an unknown length)`));
      else if (f.halves.length === 0) open.push(row(kind, `\`${prefix}\` + 20–128 + \`${MARKER}\` + 20–128, \`A-Za-z0-9_-\``));
    }
    if (hasNamed) named.push(row(kind, `\`sk-<name>-\` + 20 + \`${MARKER}\` + 20, alphanumeric; \`<name>\` 1–64 of \`A-Za-z0-9_-\`, starting with a letter or digit (older ${label}s carry the account's name)`));
  }
  return ['| kind | shape | length |', '| --- | --- | --- |', ...known, ...open, ...named, ...unknown].join('\n');
}

/** An audit rules table, from the rule specs. */
export function renderRules(rules: readonly { id: string; severity: readonly string[]; doc: string }[]): string {
  return ['| rule | severity | what |', '| --- | --- | --- |', ...rules.map((r) => `| \`${r.id}\` | ${r.severity.join(' / ')} | ${cell(r.doc)} |`)].join('\n');
}

/** The report's project table, a row per column, from the column list. */
export function renderColumns(): string {
  return ['| column | what |', '| --- | --- |', ...COLUMNS.map((c) => `| ${c.header} | ${cell(c.doc)} |`)].join('\n');
}

/** Each command's formats and what the action writes of them, from the format registry. */
export function renderFormats(): string {
  const list = (items: string[]) => items.map((i) => `\`${i}\``).join(', ');
  const rows = ['| Command | Formats (the first is the default) | The action writes (output: file in `$RUNNER_TEMP`) |', '| --- | --- | --- |'];
  for (const type of RESULT_TYPES) rows.push(`| \`${type}\` | ${list(formatNames(type))} | ${actionFiles(type).map((f) => `\`${f.output}\`: \`${f.file}\``).join(', ')} |`);
  return rows.join('\n');
}

/** README with the text between `<!-- start NAME -->` and `<!-- end NAME -->` replaced. */
function between(readme: string, name: string, text: string): string {
  const start = `<!-- start ${name} -->`;
  const a = readme.indexOf(start);
  const b = readme.indexOf(`<!-- end ${name} -->`);
  if (a < 0 || b < a) {
    console.error(`README.md lacks the ${start} / <!-- end ${name} --> markers`);
    process.exit(1);
  }
  return `${readme.slice(0, a + start.length)}\n${text}\n${readme.slice(b)}`;
}

/** Every output of the action, in action.yml's order: the table's, then the report files'. */
export const actionOutputs = (): { name: string; about: string }[] => [...Object.entries(ACTION_OUTPUTS).map(([name, about]) => ({ name, about })), ...fileOutputs()];

/** Greedy word wrap to `width` columns. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** `key: "text"` when it fits on one line, else a folded block (JSON strings are YAML double-quoted scalars). */
function scalar(indent: string, key: string, text: string): string {
  const line = `${indent}${key}: ${JSON.stringify(text)}`;
  if (line.length <= 100 || /\s{2}|\n/.test(text)) return `${line}\n`;
  return `${indent}${key}: >-\n${wrap(text, 100 - indent.length - 2).map((l) => `${indent}  ${l}\n`).join('')}`;
}

/** action.yml with its inputs and outputs (everything from `inputs:` up to `runs:`) written from the table. */
function withMetadata(yml: string): string {
  const a = yml.indexOf('\ninputs:\n');
  const b = yml.indexOf('\nruns:\n');
  if (a < 0 || b < a) {
    console.error('action.yml lacks an inputs: section followed by outputs: and runs:');
    process.exit(1);
  }
  const inputs = actionInputs().map((i) => `  ${i.name}:\n${scalar('    ', 'description', i.description)}    required: false\n${i.default !== undefined ? `    default: ${JSON.stringify(i.default)}\n` : ''}`);
  const outputs = actionOutputs().map((o) => `  ${o.name}:\n    description: ${JSON.stringify(o.about)}\n`);
  return `${yml.slice(0, a)}\ninputs:\n${inputs.join('')}outputs:\n${outputs.join('')}${yml.slice(b + 1)}`;
}

const yml = readFileSync('action.yml', 'utf8');
const nextYml = withMetadata(yml);
const meta = parse(nextYml) as Meta;
// The YAML written must read back as the table says, folding and quoting included.
for (const i of actionInputs()) {
  const read = meta.inputs[i.name];
  if (read?.description !== i.description || read.default !== i.default) throw new Error(`bug: action.yml's input ${i.name} does not read back as the table's`);
}
const readme = readFileSync('README.md', 'utf8');
const generated: [string, string][] = [
  ['usage', renderUsage(meta)],
  ['formats', renderFormats()],
  ['cli', helpReference()],
  ['kinds', renderKinds()],
  ['repo-rules', renderRules(REPO_RULES)],
  ['org-rules', renderRules(ORG_RULES)],
  ['report-columns', renderColumns()],
];
const next = generated.reduce((text, [name, part]) => between(text, name, part), readme);
if (process.argv.includes('--check')) {
  if (next !== readme || nextYml !== yml) {
    console.error('README.md or action.yml is out of date with the option table, the formats, the CLI help, the key kind specs or the audit rules: run `npm run docs`');
    process.exit(1);
  }
} else {
  writeFileSync('action.yml', nextYml);
  writeFileSync('README.md', next);
}
