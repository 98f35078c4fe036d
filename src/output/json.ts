import type { RespondSummary } from '../respond/respond.ts';
import type { ScanResult } from '../scan/finding.ts';

/** The JSON contract of DESIGN.md; fields are picked one by one so no secret can slip in. */
export function renderJson(result: ScanResult, response?: RespondSummary, repository?: string): string {
  return `${JSON.stringify(
    {
      ...(repository ? { repository } : {}),
      ...(result.coverage ? { coverage: result.coverage } : {}),
      findings: result.findings.map((f) => ({
        file: f.file,
        ...(f.entry !== undefined ? { entry: f.entry } : {}),
        line: f.line,
        column: f.column,
        commit: f.commit,
        kind: f.kind,
        fingerprint: f.fingerprint,
        redacted: f.redacted,
        status: f.status,
        encoding: f.encoding,
        ...(f.source ? { source: f.source } : {}),
        ...(f.alert ? { alert: f.alert } : {}),
        ...(f.git
          ? {
              date: f.git.authorDate,
              occurrences: f.git.occurrences,
              presentAtHead: f.git.presentAtHead,
              atHead: f.git.atHead,
              presentIn: f.git.presentIn ?? [],
              refsHolding: f.git.refsHolding ?? 0,
              firstAdded: f.git.firstAdded ?? null,
              locations: f.git.locations,
            }
          : {}),
        ...(f.response
          ? {
              liveness: f.response.liveness ?? null,
              match: f.response.match ?? null,
              revocation: f.response.revocation ?? null,
              issue: f.response.issue ?? null,
              exposure: f.response.exposure ?? null,
            }
          : {}),
      })),
      skipped: result.skipped,
      ...(result.unreadable ? { unreadable: result.unreadable } : {}),
      stats: result.stats,
      ...(response ? { response } : {}),
    },
    null,
    2,
  )}\n`;
}
