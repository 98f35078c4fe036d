/** The kinds of OpenAI secret key, named as in the JSON contract of DESIGN.md. */
export type KeyKind = 'legacy' | 'project' | 'service_account' | 'admin' | 'user';

export const KEY_KINDS: readonly KeyKind[] = ['legacy', 'project', 'service_account', 'admin', 'user'];

/** `T3BlbkFJ` is base64 of "OpenAI"; every OpenAI secret key carries it between its two halves. */
export const MARKER = 'T3BlbkFJ';

export interface KindSpec {
  readonly kind: KeyKind;
  /** What follows `sk-` before the first half (`proj-`, …; empty for legacy keys). */
  readonly prefix: string;
  /** Half lengths seen in the wild; each key has two halves of the same length around the marker. */
  readonly halves: readonly number[];
  readonly label: string;
}

/*
 * Shapes from OpenAI keys seen in public scanners' tests (gitleaks, trufflehog, secretlint) and
 * public code; see README "What is detected". The 20-character halves are alphanumeric, the long
 * ones use A-Za-z0-9_- . Order matters: longer prefixes first so `sk-svcacct-` is never read as legacy.
 */
export const KIND_SPECS: readonly KindSpec[] = [
  { kind: 'service_account', prefix: 'svcacct-', halves: [46, 74], label: 'service-account key' },
  { kind: 'service_account', prefix: 'service-', halves: [], label: 'service-account key' },
  { kind: 'project', prefix: 'proj-', halves: [20, 58, 74], label: 'project key' },
  { kind: 'admin', prefix: 'admin-', halves: [58], label: 'admin key' },
  { kind: 'user', prefix: 'None-', halves: [20], label: 'user key (sk-None-)' },
  { kind: 'legacy', prefix: '', halves: [20], label: 'legacy user key' },
];

export function kindLabel(kind: KeyKind): string {
  return KIND_SPECS.find((s) => s.kind === kind)?.label ?? kind;
}

/** The printable prefix of a key of this kind, as shown in redacted forms: from its first spec. */
export function kindPrefix(kind: KeyKind): string {
  return `sk-${KIND_SPECS.find((s) => s.kind === kind)!.prefix}`;
}

/**
 * The known prefixes a redacted key keeps (`sk-proj-`), longest first; any other key keeps `sk-`
 * alone (a named key's name is the account's, and is not shown). Derived from KIND_SPECS, so a new
 * kind is redacted with its prefix without another list to update.
 */
export const REDACTED_PREFIXES: readonly string[] = [...new Set(KIND_SPECS.map((s) => `sk-${s.prefix}`))].sort((a, b) => b.length - a.length);
