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
