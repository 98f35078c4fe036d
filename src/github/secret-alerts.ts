import type { GitHubClient } from './octokit.ts';
import type { RepoRef } from './issue-tracker.ts';

/**
 * GitHub's secret types for OpenAI keys ("Supported secret scanning patterns": provider OpenAI,
 * token `openai_api_key`, which covers every format keyguard knows). keyguard also runs its own
 * detector on each alert's secret, so a type GitHub adds later is classified by keyguard, not trusted.
 */
export const OPENAI_SECRET_TYPES = ['openai_api_key'] as const;

/** An open alert for an OpenAI key, as keyguard uses it. `secret` is the whole key: never print it. */
export interface SecretAlert {
  readonly number: number;
  readonly url: string;
  readonly createdAt: string;
  readonly secret: string;
  /**
   * `first_location_detected` when it is a commit; issues, pull requests and wikis have no file.
   * Columns are 1-based with an inclusive end in GitHub's examples (1 to 64 for a 64-character
   * secret); keyguard's end column is exclusive.
   */
  readonly location: { readonly path: string; readonly line: number; readonly column: number; readonly endColumn: number; readonly commit: string } | null;
  readonly moreLocations: boolean;
}

export type AlertsResult =
  | { readonly type: 'ok'; readonly alerts: readonly SecretAlert[]; readonly withoutSecret: number }
  /** 404: secret scanning is off, or the token may not see alerts (GitHub answers the same). */
  | { readonly type: 'unavailable'; readonly reason: string };

/**
 * The repository's open alerts of the OpenAI secret types, every page. Needs the "Secret scanning
 * alerts" repository permission (read), which also lets the answer carry the secret itself.
 */
export async function listOpenAIAlerts(octokit: GitHubClient, repo: RepoRef): Promise<AlertsResult> {
  try {
    const alerts = await octokit.paginate(octokit.rest.secretScanning.listAlertsForRepo, { ...repo, state: 'open', secret_type: OPENAI_SECRET_TYPES.join(','), per_page: 100 });
    const out: SecretAlert[] = [];
    let withoutSecret = 0;
    for (const a of alerts) {
      if (a.number === undefined || !a.secret) {
        withoutSecret++;
        continue;
      }
      const l = a.first_location_detected as { path?: string; start_line?: number; start_column?: number; end_column?: number; commit_sha?: string } | null | undefined;
      out.push({
        number: a.number,
        url: a.html_url ?? '',
        createdAt: a.created_at ?? new Date(0).toISOString(),
        secret: a.secret,
        location: l?.path && l.commit_sha ? { path: l.path.replace(/^\//, ''), line: l.start_line ?? 0, column: Math.max(1, l.start_column ?? 1), endColumn: (l.end_column ?? 0) + 1, commit: l.commit_sha } : null,
        moreLocations: a.has_more_locations === true,
      });
    }
    return { type: 'ok', alerts: out, withoutSecret };
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 404) return { type: 'unavailable', reason: 'secret scanning is disabled on the repository, or the token lacks the secret scanning alerts permission (GitHub answers 404 to both)' };
    throw e;
  }
}

/** Resolves an alert as revoked, saying why; needs the "Secret scanning alerts" permission (write). */
export async function resolveAlertRevoked(octokit: GitHubClient, repo: RepoRef, alertNumber: number, comment: string): Promise<void> {
  await octokit.rest.secretScanning.updateAlert({ ...repo, alert_number: alertNumber, state: 'resolved', resolution: 'revoked', resolution_comment: comment });
}
