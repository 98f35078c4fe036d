// Regenerates the inputs and outputs tables in README.md from action.yml (between the usage
// markers), so the two cannot drift. `--check` exits 1 instead of writing when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Meta {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const START = '<!-- start usage -->';
const END = '<!-- end usage -->';
const cell = (s: string) => s.trim().replace(/\n+/g, ' ').replace(/\|/g, '\\|');

export function renderUsage(meta: Meta): string {
  const rows = ['| Input | Default | Description |', '| --- | --- | --- |'];
  for (const [name, i] of Object.entries(meta.inputs)) rows.push(`| \`${name}\` | ${i.default !== undefined ? `\`${i.default}\`` : ''} | ${cell(i.description)} |`);
  rows.push('', '| Output | Description |', '| --- | --- |');
  for (const [name, o] of Object.entries(meta.outputs)) rows.push(`| \`${name}\` | ${cell(o.description)} |`);
  return rows.join('\n');
}

const meta = parse(readFileSync('action.yml', 'utf8')) as Meta;
const readme = readFileSync('README.md', 'utf8');
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a < 0 || b < a) {
  console.error(`README.md lacks the ${START} / ${END} markers`);
  process.exit(1);
}
const next = `${readme.slice(0, a + START.length)}\n${renderUsage(meta)}\n${readme.slice(b)}`;
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md inputs/outputs are out of date with action.yml: run `npm run docs`');
    process.exit(1);
  }
} else {
  writeFileSync('README.md', next);
}
