import * as core from '@actions/core';
import type { Logger } from '../logger.ts';

const PROGRESS_EVERY_MS = 10_000;

/** The Actions logger: masks through core.setSecret; progress at most every 10 s (logs are not a TTY). */
export function actionsLogger(now: () => number = Date.now): Logger {
  let last = now();
  return {
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
    mask: (s) => core.setSecret(s),
    progress(m) {
      if (now() - last < PROGRESS_EVERY_MS) return;
      last = now();
      core.info(m);
    },
  };
}
