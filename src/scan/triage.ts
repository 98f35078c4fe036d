import ignore from 'ignore';
import type { Config } from '../config.ts';

export type Verdict = 'report' | 'allowed' | 'baselined';

/** Decides what is not reported: allowed paths, known fingerprints, inline allow comments, the baseline. */
export interface Triage {
  pathAllowed(file: string): boolean;
  verdict(fingerprint: string, allowedInline: boolean): Verdict;
}

export function triageFrom(config: Config, baseline: ReadonlySet<string> = new Set()): Triage {
  const paths = ignore().add(config.allow.paths);
  const fingerprints = new Set(config.allow.fingerprints);
  return {
    // `ignore` caches every path it is asked about: skip it entirely when there are no patterns.
    pathAllowed: config.allow.paths.length === 0 ? () => false : (file) => paths.ignores(file),
    verdict: (fp, inline) => (inline || fingerprints.has(fp) ? 'allowed' : baseline.has(fp) ? 'baselined' : 'report'),
  };
}
