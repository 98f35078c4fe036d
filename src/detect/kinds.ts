/** `T3BlbkFJ` is base64 of "OpenAI"; every OpenAI secret key carries it between its two halves. */
export const MARKER = 'T3BlbkFJ';

/** One written form of a kind: `sk-` + prefix + half + marker + half. */
export interface KeyForm {
  /** What follows `sk-` before the first half (`proj-`, …; empty for legacy keys). */
  readonly prefix: string;
  /** Half lengths seen in the wild; each key has two halves of the same length around the marker. */
  readonly halves: readonly number[];
}

/**
 * Everything keyguard knows about one kind of key. A new key form is an entry here and nowhere
 * else: detection, redaction, labels, SARIF rules, inventory matching, probes, the README table
 * and the generic test (test/kind-specs.test.ts) all read this list.
 */
export interface KindSpec {
  /** The name in the JSON contract of DESIGN.md (`kind` of a finding); SARIF rule ids derive from it. */
  readonly kind: string;
  readonly label: string;
  readonly forms: readonly KeyForm[];
  /**
   * Also older keys that carry a name: `sk-<name>-` + 20 + marker + 20 (service accounts). A new
   * kind's prefix takes such keys named like it (`sk-org-` + 20 + marker + 20 was a named
   * service-account key before an `org-` kind), so its samples should cover that length.
   */
  readonly named?: boolean;
  /** SARIF `security-severity` (0.0–10.0) of a leak of this kind. */
  readonly severity: string;
  /** Which records of the organization's inventory a found key can be: admin keys, project keys of people or of service accounts. */
  readonly inventory: 'admin' | 'project-user' | 'project-service-account' | 'none';
  /** The liveness probe: `GET /models` (under `OpenAI-Project` to prove a project key) or the admin keys list. */
  readonly probe: 'models' | 'admin-keys';
  /**
   * Samples for the generic test, as templates so that no source line holds a key: `{n}` is n
   * random alphanumerics, `{~n}` n random characters of `A-Za-z0-9_-`, `{c*n}` c n times, `{M}` the
   * marker. Positive samples are keys of this kind; negative ones must not be found at all.
   */
  readonly samples: { readonly positive: readonly string[]; readonly negative: readonly string[] };
}

/*
 * Shapes from OpenAI keys seen in public scanners' tests (gitleaks, trufflehog, secretlint) and
 * public code; see README "What is detected". The 20-character halves are alphanumeric, the long
 * ones use A-Za-z0-9_- . The order is the SARIF rules' order; detection tries longer prefixes first.
 */
const SPECS = [
  {
    kind: 'legacy',
    label: 'legacy user key',
    forms: [{ prefix: '', halves: [20] }],
    severity: '9.0',
    inventory: 'project-user',
    probe: 'models',
    samples: { positive: ['sk-{20}{M}{20}', 'sk-{33}{M}{33}'], negative: ['sk-{19}{M}{19}', 'sk-{a*20}{M}{a*20}', 'pk-{20}{M}{20}', 'sk-ant-api03-{20}{M}{20}'] },
  },
  {
    kind: 'project',
    label: 'project key',
    forms: [{ prefix: 'proj-', halves: [20, 58, 74] }],
    severity: '9.0',
    inventory: 'project-user',
    probe: 'models',
    samples: { positive: ['sk-proj-{20}{M}{20}', 'sk-proj-{~58}{M}{~58}', 'sk-proj-{~74}{M}{~74}'], negative: ['sk-proj-{X*74}{M}{X*74}', 'sk-proj-{12}{M}{12}', 'sk-proj-abc…wxyz'] },
  },
  {
    kind: 'service_account',
    label: 'service-account key',
    forms: [
      { prefix: 'svcacct-', halves: [46, 74] },
      { prefix: 'service-', halves: [] },
    ],
    named: true,
    severity: '9.0',
    inventory: 'project-service-account',
    probe: 'models',
    samples: { positive: ['sk-svcacct-{~46}{M}{~46}', 'sk-svcacct-{~74}{M}{~74}', 'sk-service-{~40}{M}{~40}', 'sk-ci-bot-{20}{M}{20}'], negative: ['sk-svcacct-{a*46}{M}{a*46}', 'sk-or-v1-{20}{M}{20}'] },
  },
  {
    kind: 'admin',
    label: 'admin key',
    forms: [{ prefix: 'admin-', halves: [58] }],
    severity: '10.0',
    inventory: 'admin',
    probe: 'admin-keys',
    samples: { positive: ['sk-admin-{~58}{M}{~58}'], negative: ['sk-admin-{0*58}{M}{0*58}', 'sk-admin-{~58}'] },
  },
  {
    kind: 'user',
    label: 'user key (sk-None-)',
    forms: [{ prefix: 'None-', halves: [20] }],
    severity: '9.0',
    inventory: 'project-user',
    probe: 'models',
    samples: { positive: ['sk-None-{20}{M}{20}'], negative: ['sk-None-{9}{M}{9}'] },
  },
] as const satisfies readonly KindSpec[];

export type KeyKind = (typeof SPECS)[number]['kind'];

export const KIND_SPECS: readonly (KindSpec & { readonly kind: KeyKind })[] = SPECS;

export const KEY_KINDS: readonly KeyKind[] = KIND_SPECS.map((s) => s.kind);

/** Every form with its kind, longer prefixes first, so that `sk-svcacct-` is never read as legacy. */
export const KEY_FORMS: readonly (KeyForm & { readonly kind: KeyKind })[] = KIND_SPECS.flatMap((s) => s.forms.map((f) => ({ ...f, kind: s.kind }))).sort((a, b) => b.prefix.length - a.prefix.length);

/** The kind of the older keys that carry a name (`sk-<name>-…`). */
export const NAMED_KIND: KeyKind = KIND_SPECS.find((s) => s.named)!.kind;

export function kindSpec(kind: KeyKind): KindSpec & { readonly kind: KeyKind } {
  return KIND_SPECS.find((s) => s.kind === kind)!;
}

export function kindLabel(kind: KeyKind): string {
  return kindSpec(kind).label;
}

/** The printable prefix of a key of this kind, as shown in redacted forms: from its first form. */
export function kindPrefix(kind: KeyKind): string {
  return `sk-${kindSpec(kind).forms[0]!.prefix}`;
}

/**
 * The known prefixes a redacted key keeps (`sk-proj-`), longest first; any other key keeps `sk-`
 * alone (a named key's name is the account's, and is not shown). Derived from KIND_SPECS, so a new
 * kind is redacted with its prefix without another list to update.
 */
export const REDACTED_PREFIXES: readonly string[] = [...new Set(KEY_FORMS.map((f) => `sk-${f.prefix}`))];
