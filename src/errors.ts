/** Something the user can fix: a bad input, flag or config value. Exit code 2, shown with its hint. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Normalises anything thrown into a message, for the outermost catch of each entry. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
