/** Audit severities, most serious first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One audit finding: which rule, how serious, on what, and how to fix it. Never a key. */
export interface AuditFinding {
  readonly rule: string;
  readonly severity: Severity;
  /** `proj_abc/key_xyz`, `admin key key_abc`, or `path:line` for the repository rules. */
  readonly target: string;
  readonly message: string;
  readonly fix: string;
  readonly file?: string;
  readonly line?: number;
}

/** What a rule's check reports; the runner adds the rule's id, and its first severity unless the hit says another. */
export type AuditHit = Omit<AuditFinding, 'rule' | 'severity'> & { readonly severity?: Severity };

/** What every audit rule carries: README's table and the generic test (test/audit-rules.test.ts) read it. */
export interface RuleSpec<Sample> {
  readonly id: string;
  /** The severities it reports, the usual one first. */
  readonly severity: readonly Severity[];
  /** What it finds, for README's table (Markdown). */
  readonly doc: string;
  /** Inputs it must report on (positive) and must not (negative). */
  readonly samples: { readonly positive: readonly Sample[]; readonly negative: readonly Sample[] };
}

/** A rule's hits as findings: its id, and its usual severity unless the hit says another. */
export function findingsOf(rule: Pick<RuleSpec<unknown>, 'id' | 'severity'>, hits: readonly AuditHit[]): AuditFinding[] {
  return hits.map((h) => ({ rule: rule.id, severity: h.severity ?? rule.severity[0]!, ...h }));
}

export type AuditFailOn = 'none' | 'any' | Severity;

export function auditShouldFail(findings: readonly AuditFinding[], failOn: AuditFailOn): boolean {
  if (failOn === 'none') return false;
  if (failOn === 'any') return findings.length > 0;
  const limit = SEVERITIES.indexOf(failOn);
  return findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit);
}

export function sortFindings(findings: AuditFinding[]): AuditFinding[] {
  return findings.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.rule.localeCompare(b.rule) || a.target.localeCompare(b.target));
}
