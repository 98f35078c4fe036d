import type { RepoRef } from '../github/issue-tracker.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { resolveAlertRevoked } from '../github/secret-alerts.ts';
import type { Logger } from '../logger.ts';
import type { ScanResult } from '../scan/finding.ts';

/**
 * Resolves as `revoked` each alert whose key keyguard revoked in this run, with a comment naming
 * what it deleted and the leak issue. A failure is a note: the key is revoked either way.
 */
export async function resolveRevokedAlerts(result: ScanResult, octokit: GitHubClient, repo: RepoRef, logger: Logger, notes: string[]): Promise<number> {
  let resolved = 0;
  for (const f of result.findings) {
    const o = f.response?.revocation;
    if (!f.alert || o?.type !== 'revoked') continue;
    const issue = f.response?.issue?.number ? ` Leak issue: #${f.response.issue.number}.` : '';
    try {
      await resolveAlertRevoked(octokit, repo, f.alert.number, `keyguard revoked this key (${o.action}) after proving it live and the organization's.${issue}`);
      resolved++;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      notes.push(`Secret scanning alert #${f.alert.number} could not be resolved as revoked: ${message}`);
      logger.warning(`keyguard: ${notes.at(-1)}`);
    }
  }
  return resolved;
}
