import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, DEFAULT_CONFIG, type Config } from '../config.ts';
import { git } from '../sources/git.ts';
import { haveCommit } from '../sources/range.ts';
import { fetchCommit } from './scope.ts';

/** What a pull request's scan goes by. */
export interface Governing {
  readonly config: Config;
  readonly baseline: ReadonlySet<string> | undefined;
  /** Set when the pull request changes them, or when the base's could not be read. */
  readonly note?: string;
}

export const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set(['pull_request', 'pull_request_target']);

/**
 * The allow rules, size limit and baseline a pull request's scan goes by: the base branch's. A
 * pull request that adds `allow: {paths: ["**"]}` to .keyguard.yml, sets `scan.maxFileSize` to one
 * byte, or puts its own key's fingerprint in the baseline would otherwise pass its own check; its
 * changes apply once reviewed and merged. A file outside the work tree (a `config` input elsewhere)
 * is the workflow's, not the pull request's. `maxFileSize`: the action's input, which still wins.
 */
export async function governingSettings(
  root: string,
  base: string,
  head: { config: Config; configFile: string | undefined; baseline: ReadonlySet<string> | undefined; baselineFile: string | undefined },
  maxFileSize: number | undefined,
): Promise<Governing> {
  const configFile = inTree(root, head.configFile ?? path.join(root, CONFIG_FILE));
  const baselineFile = head.baselineFile && inTree(root, head.baselineFile);
  if (!configFile && !baselineFile) return head;
  const short = base.slice(0, 12);
  if (!(await haveCommit(root, base)) && !(await fetchCommit(root, base))) {
    return { ...head, note: `The base commit ${short} could not be fetched: this scan used the pull request's own .keyguard.yml and baseline, which it may have changed.` };
  }
  const [config, baseline] = await Promise.all([configFile && changed(root, base, configFile), baselineFile && changed(root, base, baselineFile)]);
  if (!config && !baseline) return head;
  const { parseConfig } = await import('../config-file.ts');
  const { parseBaseline } = await import('../scan/baseline.ts');
  const baseConfig = config ? (config.atBase === undefined ? DEFAULT_CONFIG : parseConfig(config.atBase, `${config.rel} at ${short}`)) : head.config;
  const changedNames = [config && config.rel, baseline && baseline.rel].filter(Boolean).join(' and ');
  return {
    config: maxFileSize === undefined ? baseConfig : { ...baseConfig, scan: { ...baseConfig.scan, maxFileSize } },
    baseline: baseline ? (baseline.atBase === undefined ? undefined : parseBaseline(baseline.atBase, `${baseline.rel} at ${short}`)) : head.baseline,
    note: `This pull request changes ${changedNames}: the scan used the base branch's (${short}); the change applies once merged.`,
  };
}

/** `file` relative to root when it is inside the work tree below root; undefined for a file elsewhere. */
function inTree(root: string, file: string): string | undefined {
  const rel = path.relative(root, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : undefined;
}

/** The file's text at `base` (undefined when it did not exist there), when it differs from the work tree's. */
async function changed(root: string, base: string, rel: string): Promise<{ rel: string; atBase: string | undefined } | undefined> {
  const [atBase, atHead] = await Promise.all([git(root, ['cat-file', 'blob', `${base}:./${rel}`]).catch(() => undefined), readFile(path.join(root, rel), 'utf8').catch(() => undefined)]);
  return atBase === atHead ? undefined : { rel, atBase };
}
