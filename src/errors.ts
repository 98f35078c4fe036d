/** Something the user can fix: a bad input, flag or config value. Exit code 2, shown with its hint. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Normalises anything thrown into a message, for the outermost catch of each entry. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The reason under "fetch failed" (octokit and the SDK wrap it again): ECONNREFUSED, ENOTFOUND, a TLS error. */
export function connectionCause(e: unknown): string {
  let at = e as { cause?: unknown; code?: unknown; message?: string } | undefined;
  while (at?.cause && typeof at.cause === 'object') at = at.cause as typeof at;
  return typeof at?.code === 'string' ? at.code : (at?.message ?? String(e));
}
