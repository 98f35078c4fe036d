// The configuration a run uses: the defaults, or `.keyguard.yml`. Its schema and the YAML parser
// (src/config-file.ts) load only when there is a file to read, so a scan of a repository without
// one starts without either.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config-file.ts';
import { ConfigurationError } from './errors.ts';

export type { Config };

export const CONFIG_FILE = '.keyguard.yml';

/**
 * What an empty `.keyguard.yml` means, written out rather than parsed: the schema's defaults
 * (test/config.test.ts holds the two equal).
 */
export const DEFAULT_CONFIG: Config = {
  allow: { paths: [], fingerprints: [] },
  issues: { labels: ['keyguard', 'leaked-secret'], assignees: [], maxPerRun: 20 },
  audit: { maxKeyAgeDays: 90, maxIdleDays: 30, neverUsedGraceDays: 7, maxAdminKeys: 2, productionProjects: [] },
  report: { budgets: {}, spikePercent: 50, minSpikeBaseUsd: 1, minSpikeBaseTokens: 100_000, flagKeys: true },
  scan: { maxFileSize: 10 * 1024 * 1024, archiveDepth: 3 },
};

/** Loads `.keyguard.yml` (or an explicit file); a missing default file means the defaults. */
export async function loadConfig(root: string, explicit?: string): Promise<{ config: Config; file?: string }> {
  const file = explicit ? path.resolve(explicit) : path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (!explicit && (e as NodeJS.ErrnoException).code === 'ENOENT') return { config: DEFAULT_CONFIG };
    throw new ConfigurationError(`cannot read config file ${explicit ?? CONFIG_FILE}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  const { parseConfig } = await import('./config-file.ts');
  return { config: parseConfig(text, explicit ?? CONFIG_FILE), file };
}
