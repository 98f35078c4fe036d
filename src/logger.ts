import { scrubSecrets } from './detect/index.ts';

/**
 * How the core and the adapters speak: built once per entry (Actions or console) and passed in,
 * so tests can record every message and assert that none holds a key.
 */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Registers a value that must never be printed (core.setSecret on Actions). */
  mask(secret: string): void;
  /** Transient progress for long work; a no-op when nobody is watching. */
  progress(message: string): void;
}

export const silentLogger: Logger = {
  info() {},
  warning() {},
  error() {},
  mask() {},
  progress() {},
};

export type ConsoleLogger = Logger & { clear(): void };

/**
 * Logs to stderr, so stdout stays the report. Progress only when stderr is a terminal; `clear()`
 * erases it before the report is printed on the same terminal.
 */
export function consoleLogger(stream: NodeJS.WriteStream = process.stderr): ConsoleLogger {
  const tty = stream.isTTY === true;
  let progressShown = false;
  const clear = () => {
    if (progressShown) stream.write('\r\x1b[K');
    progressShown = false;
  };
  return {
    clear,
    // Messages may quote what a user wrote (a config key, a path) or a server said: a key in them
    // is redacted here, whoever wrote the message.
    info: (m) => (clear(), stream.write(`${scrubSecrets(m)}\n`)),
    warning: (m) => (clear(), stream.write(`warning: ${scrubSecrets(m)}\n`)),
    error: (m) => (clear(), stream.write(`error: ${scrubSecrets(m)}\n`)),
    mask() {},
    progress(m) {
      if (!tty) return;
      stream.write(`\r\x1b[K${scrubSecrets(m)}`);
      progressShown = true;
    },
  };
}
