import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { KEY_KINDS, type KeyKind } from '../detect/index.ts';
import { ConfigurationError } from '../errors.ts';
import type { IssueTracker } from '../github/issue-tracker.ts';
import type { Logger } from '../logger.ts';
import { ensureLabels } from '../github/issue-writer.ts';
import { fileIssues, leakLabels } from '../respond/respond.ts';
import type { LeakGroup, LeakPlace, RepoContext } from '../respond/leak-issue.ts';
import { SOURCE_LABEL, type KeyResponse, type KeySource } from '../scan/finding.ts';
import { count } from '../text/count.ts';

/** The fields of a scan's JSON report that aggregation reads (the report holds no key). */
const ReportSchema = z.object({
  repository: z.string().optional(),
  findings: z.array(
    z.object({
      file: z.string(),
      entry: z.string().optional(),
      source: z.enum(Object.keys(SOURCE_LABEL) as [KeySource, ...KeySource[]]).optional(),
      line: z.number(),
      commit: z.string().nullable(),
      kind: z.enum(KEY_KINDS as [KeyKind, ...KeyKind[]]),
      fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
      redacted: z.string(),
      date: z.string().nullable().optional(),
      occurrences: z.number().optional(),
      presentAtHead: z.boolean().optional(),
      presentIn: z.array(z.object({ ref: z.string(), file: z.string(), line: z.number() })).optional(),
      refsHolding: z.number().optional(),
      liveness: z.object({ status: z.enum(['live', 'revoked', 'unknown']), rule: z.string(), reason: z.string().optional() }).nullable().optional(),
      match: z.any().optional(),
      revocation: z.any().optional(),
      exposure: z.any().optional(),
    }),
  ),
});

async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await jsonFiles(p)));
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

/** Reads every scan report under `dir` (artifacts of an org-wide run) and groups findings by key. */
export async function readScanReports(dir: string): Promise<{ groups: LeakGroup[]; reports: number }> {
  let files: string[];
  try {
    files = await jsonFiles(dir);
  } catch (e) {
    throw new ConfigurationError(`cannot read reports from ${dir}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  const groups = new Map<string, { kind: KeyKind; redacted: string; places: LeakPlace[]; response: KeyResponse }>();
  for (const file of files) {
    let parsed;
    try {
      parsed = ReportSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    } catch (e) {
      throw new ConfigurationError(`${file}: not JSON (${(e as Error).message})`);
    }
    if (!parsed.success) throw new ConfigurationError(`${file}: not a keyguard scan report (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
    for (const f of parsed.data.findings) {
      const g = groups.get(f.fingerprint) ?? groups.set(f.fingerprint, { kind: f.kind, redacted: f.redacted, places: [], response: {} }).get(f.fingerprint)!;
      g.places.push({
        file: f.file,
        ...(f.entry !== undefined ? { entry: f.entry } : {}),
        ...(f.source ? { source: f.source } : {}),
        line: f.line,
        commit: f.commit,
        ...(parsed.data.repository ? { repository: parsed.data.repository } : {}),
        ...(f.occurrences !== undefined ? { git: { authorDate: f.date ?? null, occurrences: f.occurrences, presentAtHead: f.presentAtHead ?? true, atHead: null, locations: [], ...(f.presentIn ? { presentIn: f.presentIn } : {}), ...(f.refsHolding !== undefined ? { refsHolding: f.refsHolding } : {}) } } : {}),
      });
      // What any repository's job learnt about the key (it is the same key everywhere).
      if (f.liveness && (!g.response.liveness || f.liveness.status === 'live')) g.response = { ...g.response, liveness: f.liveness };
      if (f.match && (!g.response.match || g.response.match.type !== 'matched')) g.response = { ...g.response, match: f.match };
      if (f.revocation && (!g.response.revocation || f.revocation.type === 'revoked')) g.response = { ...g.response, revocation: f.revocation };
      // The same key in several repositories: its use counts from the earliest exposure.
      if (f.exposure && (!g.response.exposure || f.exposure.since < g.response.exposure.since)) g.response = { ...g.response, exposure: f.exposure };
    }
  }
  return { groups: [...groups].map(([fingerprint, g]) => ({ fingerprint, kind: g.kind, redacted: g.redacted, findings: g.places, response: g.response })), reports: files.length };
}

/** Files one issue per key for an org-wide run, in the security team's repository. */
export async function aggregateIssues(
  groups: readonly LeakGroup[],
  tracker: IssueTracker,
  options: { labels: readonly string[]; assignees: readonly string[]; mention: string | undefined; maxNew: number; repo: RepoContext },
  logger: Logger,
): Promise<{ opened: number; deferred: number; updated: number }> {
  await ensureLabels(tracker, { labels: leakLabels(options.labels) });
  const { issues, opened, deferred } = await fileIssues(tracker, groups, options, options.repo, logger);
  const updated = [...issues.values()].filter((i) => i.action === 'updated' || i.action === 'commented').length;
  if (deferred) logger.warning(`keyguard: ${count(deferred, 'issue')} deferred to the next run (at most ${options.maxNew} new issues a run)`);
  return { opened, deferred, updated };
}
