import { cliHelp, COMMAND_SPECS, commandSpec, ENVIRONMENT, optionsOf, type CommandName } from '../options.ts';
import { formatsOf, valueOf } from './args.ts';

const WIDTH = 100;

/** Greedy word wrap; `indent` starts every line after the first. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${indent}`);
}

/** `  left   text`, the text wrapped under itself. */
function rows(items: readonly (readonly [string, string])[]): string {
  const col = Math.max(...items.map(([l]) => l.length)) + 4;
  return items.map(([left, text]) => `  ${left.padEnd(col - 2)}${wrap(text, WIDTH - col, ' '.repeat(col))}`).join('\n');
}

const EXIT = 'Exit codes: 0 nothing to fail on, 1 keys or findings to fail on, 2 a usage, config or runtime error.';

/** The list of commands, one line each. */
export function globalHelp(version?: string): string {
  return `keyguard${version ? ` ${version}` : ''}: find leaked OpenAI API keys, respond to leaks, audit key hygiene, report usage

Usage: keyguard COMMAND [ARGS] [options]

Commands:
${rows([...COMMAND_SPECS.map((c) => [c.name, c.summary] as const), ['help [COMMAND]', 'this help, or the options and examples of COMMAND']])}

Run keyguard help COMMAND or keyguard COMMAND --help for its options and examples.
${EXIT}
`;
}

/** One command's usage, options, environment variables and examples, all from the option table. */
export function commandHelp(name: CommandName): string {
  const spec = commandSpec(name);
  const options = optionsOf(name);
  const flags = rows(
    options.map((o) => {
      const value = valueOf(o, name);
      const help = cliHelp(o, name);
      const formats = o.flag === 'format' ? formatsOf(name) : undefined;
      return [`${o.short ? `-${o.short}, ` : ''}--${o.flag}${value ? ` ${value}` : ''}`, formats ? `${help} (default ${formats[0]})` : help] as const;
    }),
  );
  const env = ENVIRONMENT.filter((e) => e.commands.includes(name));
  return [
    `keyguard ${name}: ${spec.summary}`,
    '',
    `Usage: keyguard ${name}${spec.args ? ` ${spec.args}` : ''} [options]`,
    ...(spec.about ? ['', wrap(spec.about, WIDTH, '')] : []),
    '',
    'Options:',
    flags,
    ...(env.length ? ['', 'Environment:', rows(env.map((e) => [e.name, e.help] as const))] : []),
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
    '',
    `Exit codes: ${spec.exit}, 2 a usage, config or runtime error.`,
    '',
  ].join('\n');
}

/** The README's command-line reference: the global help, then each command's. */
export function helpReference(): string {
  const block = (text: string) => `\`\`\`text\n${text.trimEnd()}\n\`\`\``;
  return [block(globalHelp()), ...COMMAND_SPECS.map((c) => `#### \`keyguard ${c.name}\`\n\n${block(commandHelp(c.name))}`)].join('\n\n');
}
