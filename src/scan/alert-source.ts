import { detectKeys } from '../detect/index.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { listOpenAIAlerts, type SecretAlert } from '../github/secret-alerts.ts';
import type { Finding } from './finding.ts';
import type { FindingSource } from './source.ts';
import { count } from '../text/count.ts';

/** What a scan request gives to read a repository's alerts. */
export interface AlertsRequest {
  /** `owner/name`. */
  readonly repository: string;
  /** Called only when the alerts are read: a scan without them never loads the GitHub client. */
  readonly client: () => Promise<GitHubClient>;
}

/**
 * The repository's open GitHub secret scanning alerts for OpenAI keys, as a source. An alert list
 * GitHub refuses (404: secret scanning off, or the token may not see alerts) is a note, not a
 * failure; so are alerts that came without their secret or with one keyguard does not recognise.
 */
export function secretScanningSource(request: AlertsRequest): FindingSource {
  return {
    async scan(collector, deps) {
      const [owner, repo] = request.repository.split('/') as [string, string];
      const listed = await listOpenAIAlerts(await request.client(), { owner, repo });
      if (listed.type === 'unavailable') {
        const note = `GitHub secret scanning alerts were not read: ${listed.reason}.`;
        deps.logger.warning(`keyguard: ${note}`);
        return { findings: [], filesScanned: 0, bytesScanned: 0, notes: [note] };
      }
      const source = alertSource(listed.alerts);
      const out = await source.scan(collector, deps);
      const notes: string[] = [];
      if (listed.withoutSecret > 0) notes.push(`${count(listed.withoutSecret, 'secret scanning alert')} came without ${listed.withoutSecret === 1 ? 'its' : 'their'} secret and ${listed.withoutSecret === 1 ? 'was' : 'were'} left out (the token needs the secret scanning alerts permission).`);
      if (source.unrecognised > 0) notes.push(`${count(source.unrecognised, 'secret scanning alert')} ${source.unrecognised === 1 ? 'holds' : 'hold'} a secret keyguard does not recognise as an OpenAI key; ${source.unrecognised === 1 ? 'it was' : 'they were'} left out.`);
      deps.logger.info(`keyguard: ${count(listed.alerts.length, 'open OpenAI secret scanning alert')} in ${request.repository}`);
      return { ...out, notes };
    },
  };
}

/** The alerts' keys, and how many alerts held a secret keyguard does not recognise (known after `scan`). */
export interface AlertSource extends FindingSource {
  readonly unrecognised: number;
}

/**
 * Listed alerts as a source, classified by keyguard's own detector (same kind and fingerprint as
 * when keyguard finds the key itself, so both land in one issue). A secret keyguard does not
 * recognise as an OpenAI key is left out and counted.
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
