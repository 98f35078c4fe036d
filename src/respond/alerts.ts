import { detectKeys, fingerprint, redact } from '../detect/index.ts';
import type { RepoRef } from '../github/issue-tracker.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { listOpenAIAlerts, resolveAlertRevoked, type SecretAlert } from '../github/secret-alerts.ts';
import type { Logger } from '../logger.ts';
import type { Finding, ScanResult } from '../scan/finding.ts';

/**
 * GitHub's alerts as findings, classified by keyguard's own detector (same kind and fingerprint as
 * when keyguard finds the key itself, so both land in one issue). A secret keyguard does not
 * recognise as an OpenAI key is left out and counted.
 */
export function alertFindings(alerts: readonly SecretAlert[]): { findings: Finding[]; unrecognised: number } {
  const findings: Finding[] = [];
  let unrecognised = 0;
  for (const a of alerts) {
    const m = detectKeys(a.secret).find((x) => x.secret.reveal() === a.secret.trim());
    if (!m) {
      unrecognised++;
      continue;
    }
    const key = m.secret.reveal();
    const l = a.location;
    findings.push({
      file: l?.path ?? '',
      line: l?.line ?? 0,
      column: l?.column ?? 0,
      endColumn: l ? l.endColumn : 0,
      commit: l?.commit ?? null,
      kind: m.kind,
      fingerprint: fingerprint(key),
      redacted: redact(key),
      encoding: 'plain',
      status: 'unverified',
      secret: m.secret,
      alert: { number: a.number, url: a.url, createdAt: a.createdAt },
    });
  }
  return { findings, unrecognised };
}

/** The scan's result with the repository's open OpenAI alerts added; notes say what was left out. */
export async function withAlerts(result: ScanResult, octokit: GitHubClient, repo: RepoRef, logger: Logger, notes: string[]): Promise<ScanResult> {
  const listed = await listOpenAIAlerts(octokit, repo);
  if (listed.type === 'unavailable') {
    notes.push(`GitHub secret scanning alerts were not read: ${listed.reason}.`);
    logger.warning(`keyguard: ${notes.at(-1)}`);
    return result;
  }
  const { findings, unrecognised } = alertFindings(listed.alerts);
  if (listed.withoutSecret > 0) notes.push(`${listed.withoutSecret} secret scanning alert(s) came without their secret and were left out (the token needs the secret scanning alerts permission).`);
  if (unrecognised > 0) notes.push(`${unrecognised} secret scanning alert(s) hold a secret keyguard does not recognise as an OpenAI key; they were left out.`);
  logger.info(`keyguard: ${listed.alerts.length} open OpenAI secret scanning alert(s) in ${repo.owner}/${repo.repo}`);
  return { ...result, findings: [...result.findings, ...findings] };
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
