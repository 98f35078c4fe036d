import path from 'node:path';
import { z } from 'zod';
import { byteSize, loadConfig, type Config } from './config.js';
import { ConfigurationError } from './errors.js';
import type { FailOn } from './scan/finding.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** Raw options as strings, from action inputs or CLI flags; empty means not given. */
export type RawOptions = Record<string, string | undefined>;

/** Everything a scan run needs, validated: built once per entry, from inputs or flags. */
export interface ScanOptions {
  /** Absolute directory to scan. */
  readonly root: string;
  readonly format: OutputFormat;
  readonly output: string | undefined;
  readonly failOn: FailOn;
  readonly config: Config;
  readonly configFile: string | undefined;
}

const fields = {
  format: { schema: z.enum(['text', 'json', 'sarif']).default('text'), expected: 'one of text, json, sarif' },
  'fail-on': { schema: z.enum(['none', 'any']).default('any'), expected: 'one of none, any' },
  'max-file-size': { schema: byteSize.optional(), expected: 'a size such as 10485760, "500KB" or "10MiB"' },
};

/** Validates one raw option; the error names it the way the user wrote it (`--fail-on`, input `fail-on`). */
function field<K extends keyof typeof fields>(raw: RawOptions, key: K, name: (k: string) => string): z.output<(typeof fields)[K]['schema']> {
  const value = raw[key]?.trim() || undefined;
  const result = fields[key].schema.safeParse(value);
  if (result.success) return result.data as z.output<(typeof fields)[K]['schema']>;
  throw new ConfigurationError(`${name(key)}: expected ${fields[key].expected}, got "${value}"`);
}

export async function resolveScanOptions(raw: RawOptions, name: (k: string) => string, cwd = process.cwd()): Promise<ScanOptions> {
  const format = field(raw, 'format', name);
  const failOn = field(raw, 'fail-on', name);
  const maxFileSize = field(raw, 'max-file-size', name);
  const root = path.resolve(cwd, raw.path?.trim() || '.');
  const { config, file } = await loadConfig(root, raw.config?.trim() ? path.resolve(cwd, raw.config.trim()) : undefined);
  return {
    root,
    format,
    output: raw.output?.trim() || undefined,
    failOn,
    config: maxFileSize === undefined ? config : { ...config, scan: { ...config.scan, maxFileSize } },
    configFile: file,
  };
}
