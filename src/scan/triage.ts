import ignore from 'ignore';
import type { Config } from '../config.ts';

type Verdict = 'report' | 'allowed' | 'baselined';

/** Decides what is not reported: allowed paths, known fingerprints, inline allow comments, the baseline. */
export interface Triage {
  pathAllowed(file: string): boolean;
  /** True when a match is to be reported; otherwise counts it as allowed or baselined. */
  admit(fingerprint: string, allowedInline: boolean): boolean;
  readonly counts: { readonly allowed: number; readonly baselined: number };
}

export function triageFrom(config: Config, baseline: ReadonlySet<string> = new Set()): Triage {
  const paths = ignore().add(config.allow.paths);
  const fingerprints = new Set(config.allow.fingerprints);
  const counts = { allowed: 0, baselined: 0 };
  const verdict = (fp: string, inline: boolean): Verdict => (inline || fingerprints.has(fp) ? 'allowed' : baseline.has(fp) ? 'baselined' : 'report');
  return {
    // `ignore` caches every path it is asked about: skip it entirely when there are no patterns.
    pathAllowed: config.allow.paths.length === 0 ? () => false : (file) => paths.ignores(file),
    admit(fp, inline) {
      const v = verdict(fp, inline);
      if (v !== 'report') counts[v]++;
      return v === 'report';
    },
    counts,
  };
}
