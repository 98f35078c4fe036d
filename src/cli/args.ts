import { parseArgs } from 'node:util';
import { ConfigurationError } from '../errors.ts';
import { formatNames, RESULT_TYPES, type ResultType } from '../output/formats.ts';
import { commandSpec, COMMANDS, findOption, FLAGS, optionsOf, type CommandName, type CommandSpec, type Flag, type OptionSpec, type OptionValues } from '../options.ts';

/** What the command line asks for. */
export type Invocation =
  | { readonly type: 'help'; readonly command: CommandName | undefined }
  | { readonly type: 'version' }
  | { readonly type: 'run'; readonly command: CommandName; readonly values: OptionValues; readonly positionals: readonly string[] };

/** Flags as given, by name and as text, for the settings resolvers (which read inputs alike). */
export const given = (values: OptionValues, ...flags: Flag[]): Record<string, string | undefined> =>
  Object.fromEntries(flags.map((f) => [f, values[f] === undefined ? undefined : String(values[f])]));

/** Levenshtein distance, for "did you mean" (flags and commands are short). */
export function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest candidate within a third of the word's length (at least 2 edits), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distance(word, c);
    if (!best || d < best.d) best = { c, d };
  }
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.c : undefined;
}

const flagList = (options: ReturnType<typeof optionsOf>) => options.map((o) => `--${o.flag}`).join(', ');

/**
 * Parses a command line against the option table: each command accepts only its own options, a
 * value where the table says so, and its number of arguments. Node's parser only splits tokens
 * (`--a=b`, `-h`, `--`); every error is ours and names the command's real flags.
 */
export function parseCommandLine(argv: readonly string[]): Invocation {
  const { tokens } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: Object.fromEntries(FLAGS.map((o) => [o.flag, { type: o.type, ...(o.short ? { short: o.short } : {}) }])),
  });
  const words = tokens.filter((t) => t.kind === 'positional').map((t) => t.value);
  const first = words[0];
  const wantsHelp = tokens.some((t) => t.kind === 'option' && t.name === 'help');
  if (first === 'help') {
    const about = words[1];
    if (about !== undefined && !isCommand(about)) throw unknownCommand(about);
    return { type: 'help', command: about as CommandName | undefined };
  }
  if (first !== undefined && !isCommand(first)) throw unknownCommand(first);
  const command = first as CommandName | undefined;
  if (wantsHelp) return { type: 'help', command };
  if (tokens.some((t) => t.kind === 'option' && t.name === 'version')) return { type: 'version' };
  const stray = tokens.find((t) => t.kind === 'option');
  if (!command && stray) throw new ConfigurationError(`${stray.rawName} needs a command before it: keyguard COMMAND ${stray.rawName} (commands: ${COMMANDS.join(', ')})`);
  if (!command) return { type: 'help', command: undefined };

  const spec = commandSpec(command);
  const allowed = optionsOf(command);
  const values: Record<string, string | boolean> = {};
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const option = allowed.find((o) => o.flag === t.name);
    if (!option) throw notAnOption(t.rawName, t.name, spec, allowed);
    if (option.type === 'boolean') {
      if (t.value !== undefined) throw new ConfigurationError(`--${option.flag} takes no value (got "${t.value}"): it is a switch, given or not`);
      values[option.flag] = true;
      continue;
    }
    // `--format --history`: the value was forgotten, not a format named "--history".
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-'))) throw new ConfigurationError(`--${option.flag} needs a value: --${option.flag} ${valueOf(option, command)}`);
    if (values[option.flag] !== undefined && values[option.flag] !== t.value) throw new ConfigurationError(`--${option.flag} is given twice ("${values[option.flag]}" and "${t.value}"): give it once`);
    values[option.flag] = t.value;
  }
  const scopes = allowed.filter((o) => o.group === 'scope' && values[o.flag] !== undefined);
  if (scopes.length > 1) throw new ConfigurationError(`--${scopes[0]!.flag} and --${scopes[1]!.flag} cannot be combined: choose one of ${flagList(allowed.filter((o) => o.group === 'scope'))}`);
  const positionals = words.slice(1);
  const usage = `keyguard ${command}${spec.args ? ` ${spec.args}` : ''}`;
  if (positionals.length > spec.positionals.max) throw new ConfigurationError(`unexpected argument "${positionals[spec.positionals.max]}": ${spec.args ? `${command} takes ${spec.args}` : `${command} takes no argument`} (${usage})`);
  if (positionals.length < spec.positionals.min) throw new ConfigurationError(`${command} needs ${spec.args} (${usage})`);
  return { type: 'run', command, values: values as OptionValues, positionals };
}

const isCommand = (word: string): word is CommandName => (COMMANDS as readonly string[]).includes(word);

function unknownCommand(word: string): ConfigurationError {
  const near = closest(word, [...COMMANDS, 'help']);
  return new ConfigurationError(`unknown command "${word}"${near ? `: did you mean ${near}?` : ''} (commands: ${COMMANDS.join(', ')}, help)`);
}

/** The formats of a command that renders a result type (src/output/formats.ts), else undefined. */
export const formatsOf = (command: CommandName | undefined): string[] | undefined =>
  command && (RESULT_TYPES as readonly string[]).includes(command) ? formatNames(command as ResultType) : undefined;

/** A flag's placeholder for a command: `--format`'s lists that command's formats. */
export const valueOf = (option: OptionSpec, command: CommandName | undefined) =>
  (option.flag === 'format' && formatsOf(command)?.join('|')) || (command && option.per?.[command]?.value) || option.value || '';

function notAnOption(raw: string, name: string, spec: CommandSpec, allowed: ReturnType<typeof optionsOf>): ConfigurationError {
  const known = findOption(name);
  const near = closest(name, allowed.map((o) => o.flag));
  const hint = near ? `: did you mean --${near}?` : `; ${spec.name} takes ${flagList(allowed)}`;
  if (!known) return new ConfigurationError(`unknown option ${raw}${hint}`);
  const owners = (known.commands as readonly CommandName[]).map((c) => `keyguard ${c}`).join(', ');
  return new ConfigurationError(`${raw} is not an option of ${spec.name} (it belongs to ${owners})${hint}`);
}
