import type { Config } from '../config.ts';
import { githubClient, type Context } from '../context.ts';
import type { RespondSummary } from '../respond/respond.ts';
import { responds, type RespondOptions } from '../settings.ts';
import type { ScanResult } from './finding.ts';
import { runScan, type ScanScope } from './index.ts';

export interface ScanSettings {
  readonly root: string;
  readonly config: Config;
  /** Undefined: nothing to scan (an event without commits to read); the result is empty. */
  readonly scope: ScanScope | undefined;
  readonly baseline?: ReadonlySet<string>;
  readonly files?: readonly string[];
  /** Undefined: no leak response (a fork pull request gets no secrets to respond with). */
  readonly respond: RespondOptions | undefined;
  /** The scanned repository and commit, as leak issues name and link them. */
  readonly repository: string | undefined;
  readonly sha: string | undefined;
}

/**
 * The scan as both entries run it: the scan, then the leak response when one is asked for. The
 * entries resolve the settings before (a typo fails at once, not after an hour of history) and
 * render after. The leak response is loaded on demand: a plain scan starts without the OpenAI and
 * GitHub clients.
 */
export async function scanCommand(settings: ScanSettings, ctx: Context): Promise<{ result: ScanResult; summary?: RespondSummary }> {
  const { root, config, scope, baseline, files } = settings;
  const alerts = settings.respond?.alerts;
  if (alerts) ctx.logger.mask(alerts.token);
  const result: ScanResult = await runScan(
    { root, config, scope, baseline, files, ...(alerts ? { alerts: { repository: alerts.repository, client: () => githubClient(ctx, alerts.token) } } : {}) },
    { logger: ctx.logger },
  );
  if (!settings.respond || !responds(settings.respond)) return { result };
  const { runLeakResponse } = await import('../respond/wire.ts');
  const responded = await runLeakResponse(result, settings.respond, {
    logger: ctx.logger,
    repo: { serverUrl: ctx.serverUrl, repository: settings.repository, sha: settings.sha },
    githubApiUrl: ctx.githubApiUrl,
    writeIntervalMs: ctx.writeIntervalMs,
  });
  return responded ?? { result };
}
