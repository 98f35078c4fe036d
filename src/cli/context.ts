import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contextFrom, type Context } from '../context.ts';
import type { ConsoleLogger } from '../logger.ts';

/** The CLI's context, with a console logger (it clears progress before a report on the terminal). */
export type CliContext = Context & { readonly logger: ConsoleLogger };

/** The CLI's context: the current directory and the variables (credentials never come from flags). */
export const cliContext = (logger: ConsoleLogger): CliContext => ({ ...contextFrom(process.env, { cwd: process.cwd(), logger, adminKey: process.env.OPENAI_ADMIN_KEY || undefined }), logger });

/** Writes a command's rendered result to `--output FILE` (its directory made) or stdout; returns the file written. */
export async function emit(rendered: string, output: string | undefined, stdout: NodeJS.WritableStream, logger: ConsoleLogger): Promise<string | undefined> {
  if (!output) {
    logger.clear();
    stdout.write(rendered);
    return undefined;
  }
  await mkdir(path.dirname(path.resolve(output)), { recursive: true });
  await writeFile(output, rendered);
  return output;
}
