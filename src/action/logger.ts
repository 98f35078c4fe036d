import * as core from '@actions/core';
import { scrubSecrets } from '../detect/index.ts';
import type { Logger } from '../logger.ts';

const PROGRESS_EVERY_MS = 10_000;

/**
 * The Actions logger: masks through core.setSecret; progress at most every 10 s (logs are not a
 * TTY). A key in a message (a path, a config key, a server's words) is redacted before it is
 * written: the runner masks only the keys the scan found.
 */
export function actionsLogger(now: () => number = Date.now): Logger {
  let last = now();
  return {
    info: (m) => core.info(scrubSecrets(m)),
    warning: (m) => core.warning(scrubSecrets(m)),
    error: (m) => core.error(scrubSecrets(m)),
    mask: (s) => core.setSecret(s),
    progress(m) {
      if (now() - last < PROGRESS_EVERY_MS) return;
      last = now();
      core.info(scrubSecrets(m));
    },
  };
}
