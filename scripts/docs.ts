// Regenerates action.yml's outputs from the option table and the format registry, the inputs and
// outputs tables in README.md from action.yml (between the usage markers) and the command-line
// reference from the CLI's option table (between the cli markers), so none can drift. `--check`
// exits 1 instead of writing when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { helpReference } from '../src/cli/help.ts';
import { ACTION_OUTPUTS } from '../src/options.ts';
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

/** action.yml with its outputs section (up to `runs:`) written from the table. */
function withOutputs(yml: string): string {
  const a = yml.indexOf('\noutputs:\n');
  const b = yml.indexOf('\nruns:\n');
  if (a < 0 || b < a) {
    console.error('action.yml lacks an outputs: section followed by runs:');
    process.exit(1);
  }
  // JSON strings are YAML double-quoted scalars.
  const outputs = actionOutputs().map((o) => `  ${o.name}:\n    description: ${JSON.stringify(o.about)}\n`);
  return `${yml.slice(0, a)}\noutputs:\n${outputs.join('')}${yml.slice(b + 1)}`;
}

const yml = readFileSync('action.yml', 'utf8');
const nextYml = withOutputs(yml);
const meta = parse(nextYml) as Meta;
const readme = readFileSync('README.md', 'utf8');
const next = between(between(between(readme, 'usage', renderUsage(meta)), 'formats', renderFormats()), 'cli', helpReference());
if (process.argv.includes('--check')) {
  if (next !== readme || nextYml !== yml) {
    console.error('README.md or action.yml is out of date with the option table, the formats or the CLI help: run `npm run docs`');
    process.exit(1);
  }
} else {
  writeFileSync('action.yml', nextYml);
  writeFileSync('README.md', next);
}
