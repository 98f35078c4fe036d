import ignore from 'ignore';
import type { Config } from '../config.js';

/** Decides what is not reported: allowed paths, known fingerprints and inline allow comments. */
export interface Allowlist {
  pathAllowed(file: string): boolean;
  fingerprintAllowed(fingerprint: string): boolean;
}

export function allowlistFrom(config: Config): Allowlist {
  const paths = ignore().add(config.allow.paths);
  const fingerprints = new Set(config.allow.fingerprints);
  return {
    // `ignore` caches every path it is asked about: skip it entirely when there are no patterns.
    pathAllowed: config.allow.paths.length === 0 ? () => false : (file) => paths.ignores(file),
    fingerprintAllowed: (fp) => fingerprints.has(fp),
  };
}
