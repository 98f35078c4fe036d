import { detectKeys } from '../detect/index.ts';
import type { SecretAlert } from '../github/secret-alerts.ts';
import type { Finding } from './finding.ts';
import type { FindingSource } from './source.ts';

/** The alerts' keys, and how many alerts held a secret keyguard does not recognise (known after `scan`). */
export interface AlertSource extends FindingSource {
  readonly unrecognised: number;
}

/**
 * GitHub's secret scanning alerts as a source, classified by keyguard's own detector (same kind and
 * fingerprint as when keyguard finds the key itself, so both land in one issue). A secret keyguard
 * does not recognise as an OpenAI key is left out and counted. The alerts are already listed: a
 * source reads, the listing (and its token) stays with leak response.
 */
export function alertSource(alerts: readonly SecretAlert[]): AlertSource {
  let unrecognised = 0;
  return {
    get unrecognised() {
      return unrecognised;
    },
    async scan(collector) {
      const findings: Finding[] = [];
      for (const a of alerts) {
        const m = detectKeys(a.secret).find((x) => x.secret.reveal() === a.secret.trim());
        if (!m) {
          unrecognised++;
          continue;
        }
        const l = a.location;
        const place = { file: l?.path ?? '', line: l?.line ?? 0, column: l?.column ?? 0, endColumn: l?.endColumn ?? 0, commit: l?.commit ?? null, alert: { number: a.number, url: a.url, createdAt: a.createdAt } };
        // GitHub gives the secret alone: no line text, so no inline allow comment, and as written.
        const found = collector.take({ secret: m.secret, kind: m.kind, encoding: 'plain', allowedInline: false }, place);
        if (found) findings.push(found);
      }
      return { findings, filesScanned: 0, bytesScanned: 0 };
    },
  };
}
