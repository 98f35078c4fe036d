import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import type { Logger } from '../logger.ts';
import { connectionCause } from '../errors.ts';

/** One Octokit stack for the action and the CLI: REST methods, GitHub's throttling, bounded retries. */
export const KeyguardOctokit = Octokit.plugin(throttling, retry);
export type GitHubClient = InstanceType<typeof KeyguardOctokit>;

export interface OctokitOptions {
  readonly token: string;
  /** `GITHUB_API_URL` on Actions (GitHub Enterprise Server has its own). */
  readonly baseUrl?: string;
  readonly logger: Logger;
  /**
   * Pause between content-creating requests. GitHub asks for writes one at a time and about a
   * second apart (at most 80 a minute); the throttling plugin's write group does exactly that.
   * Only tests against the loopback fake shorten it.
   */
  readonly writeIntervalMs?: number;
}

const MAX_RATE_LIMIT_RETRIES = 2;

/** Issue and comment creation: not idempotent, so never retried by the retry plugin. */
const CREATES = /^(?:POST )?\/repos\/\{owner\}\/\{repo\}\/issues(?:\/\{issue_number\}\/comments)?$/;

export function createOctokit(options: OctokitOptions): GitHubClient {
  const { logger } = options;
  const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
  const octokit = new KeyguardOctokit({
    auth: options.token,
    baseUrl,
    userAgent: 'keyguard',
    // Failed requests are thrown to the caller, which says what they meant: an expected 404 (a
    // label not created yet) is no warning, and a real failure is reported once, not per retry.
    log: { debug() {}, info() {}, warn: (m: string) => logger.warning(m), error() {} },
    throttle: {
      // Issues and comments also go through the plugin's notifications group (3 s apart).
      ...(options.writeIntervalMs !== undefined
        ? { write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs }), notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs }) }
        : {}),
      onRateLimit: (retryAfter: number, req: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        logger.warning(`GitHub rate limit reached on ${req.method} ${req.url}; ${retryCount < MAX_RATE_LIMIT_RETRIES ? `retrying in ${retryAfter} s` : 'giving up'}`);
        return retryCount < MAX_RATE_LIMIT_RETRIES;
      },
      onSecondaryRateLimit: (retryAfter: number, req: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        logger.warning(`GitHub secondary rate limit on ${req.method} ${req.url}; ${retryCount < MAX_RATE_LIMIT_RETRIES ? `retrying in ${retryAfter} s` : 'giving up'}`);
        return retryCount < MAX_RATE_LIMIT_RETRIES;
      },
    },
    retry: {
      // Server errors and network failures are retried; answers that a retry cannot change are
      // not: bad request, bad credentials, not found, gone, validation failed, legal block. 403
      // and 429 are left to the throttling plugin, which knows rate limits from permissions.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
  });
  // A create that GitHub processed but answered 502 (or whose connection dropped) would become a
  // second issue if retried: the caller lists by marker instead (issue-tracker.ts).
  octokit.hook.before('request', (req) => {
    if (req.method === 'POST' && CREATES.test(req.url)) req.request = { ...req.request, retries: 0 };
  });
  // Octokit reports a request that got no answer as "HTTP 500": say it never connected, and where.
  octokit.hook.error('request', (error: Error & { status?: number; response?: unknown }, req) => {
    if (error.status === 500 && !error.response) {
      throw new Error(`could not connect to ${baseUrl} (GITHUB_API_URL) for ${req.method} ${req.url}: ${connectionCause(error)}`);
    }
    throw error;
  });
  return octokit;
}
