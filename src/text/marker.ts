// The hidden first line by which keyguard finds its own issues and comments again. Pure text:
// renderers write it, the GitHub adapter reads it, and neither depends on the other.

/** What keyguard writes and finds again: a new kind of issue or comment starts here. */
export const MARKER_KINDS = ['leak', 'audit', 'report', 'pr'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

const MARKER = new RegExp(`^<!-- keyguard:v1 (?:${MARKER_KINDS.join('|')}) [a-z0-9:._-]+ -->$`, 'i');

/** `<!-- keyguard:v1 leak 0123…cdef -->`: kind and id are keyguard's own, never user text. */
export function markerLine(kind: MarkerKind, id: string): string {
  if (!/^[a-z0-9:._-]+$/i.test(id)) throw new Error(`bug: marker id ${JSON.stringify(id)} has unsafe characters`);
  return `<!-- keyguard:v1 ${kind} ${id} -->`;
}

/**
 * The marker of a body, read strictly from its first line only: bodies quote untrusted text
 * (paths, commit messages), and a marker planted further down must not hijack another issue.
 */
export function markerOf(body: string | null | undefined): string | undefined {
  const first = (body ?? '').split('\n', 1)[0]!.trim();
  return MARKER.test(first) ? first : undefined;
}
