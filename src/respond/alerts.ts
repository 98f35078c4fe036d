import type { RepoRef } from '../github/issue-tracker.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { listOpenAIAlerts, resolveAlertRevoked } from '../github/secret-alerts.ts';
import type { Logger } from '../logger.ts';
import { alertSource } from '../scan/alert-source.ts';
import { collect, type Filter } from '../scan/collect.ts';
import type { ScanResult } from '../scan/finding.ts';

/**
 * The scan's result with the repository's open OpenAI alerts added, through the same collector as
 * the scan's own sources (masking, allow rules and the baseline of the scan); notes say what was left out.
 */
export async function withAlerts(result: ScanResult, octokit: GitHubClient, repo: RepoRef, filter: Filter, logger: Logger, notes: string[]): Promise<ScanResult> {
  const listed = await listOpenAIAlerts(octokit, repo);
  if (listed.type === 'unavailable') {
    notes.push(`GitHub secret scanning alerts were not read: ${listed.reason}.`);
    logger.warning(`keyguard: ${notes.at(-1)}`);
    return result;
  }
  const source = alertSource(listed.alerts);
  const { findings, stats } = await collect(source, result.target, filter, { logger });
  if (listed.withoutSecret > 0) notes.push(`${listed.withoutSecret} secret scanning alert(s) came without their secret and were left out (the token needs the secret scanning alerts permission).`);
  if (source.unrecognised > 0) notes.push(`${source.unrecognised} secret scanning alert(s) hold a secret keyguard does not recognise as an OpenAI key; they were left out.`);
  logger.info(`keyguard: ${listed.alerts.length} open OpenAI secret scanning alert(s) in ${repo.owner}/${repo.repo}`);
  return { ...result, findings: [...result.findings, ...findings], stats: { ...result.stats, allowed: result.stats.allowed + stats.allowed, baselined: result.stats.baselined + stats.baselined } };
}

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
