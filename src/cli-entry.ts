#!/usr/bin/env node
// The CLI's entry. `--version` and help come from the option table alone (a few kilobytes);
// everything else loads the rest of the bundle on demand, so `keyguard --help` starts about as
// fast as Node itself.
import { parseCommandLine } from './cli/args.ts';
import { commandHelp, globalHelp } from './cli/help.ts';
import { errorMessage } from './errors.ts';
import pkg from '../package.json' with { type: 'json' };

/** The answer to `--version` and `help` (not to a bare `keyguard`, a usage error), or undefined. */
function quickAnswer(argv: string[]): string | undefined {
  if (argv.length === 0) return undefined;
  try {
    const invocation = parseCommandLine(argv);
    if (invocation.type === 'version') return `${pkg.version}\n`;
    if (invocation.type === 'help') return invocation.command ? commandHelp(invocation.command) : globalHelp(pkg.version);
  } catch {
    // A usage error: the full CLI reports it, with its hints.
  }
  return undefined;
}

const argv = process.argv.slice(2);
const quick = quickAnswer(argv);
if (quick !== undefined) process.stdout.write(quick);
else {
  try {
    // One chunk with the renderers (src/output/formats.ts): a scan loads this and the scanner.
    const { main } = await import(/* webpackChunkName: "commands" */ './cli.ts');
    process.exitCode = await main(argv);
  } catch (e) {
    process.stderr.write(`keyguard: internal error: ${errorMessage(e)}\n`);
    process.exitCode = 2;
  }
}
