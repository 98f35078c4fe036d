import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { KEY_KINDS } from '../detect/index.ts';
import { ConfigurationError } from '../errors.ts';
import type { ScanResult } from './finding.ts';

/**
 * A baseline records the keys known today — by fingerprint, never the key — with where they were,
 * so later scans report only new ones. It is meant to be committed: nothing in it is secret.
 */
const BaselineSchema = z.strictObject({
  version: z.literal(1),
  keys: z.array(
    z.strictObject({
      fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
      kind: z.enum(KEY_KINDS as [string, ...string[]]),
      redacted: z.string(),
      file: z.string(),
      line: z.number().int().nonnegative(),
      commit: z.string().nullable(),
      date: z.string().nullable(),
    }),
  ),
});

export type Baseline = z.output<typeof BaselineSchema>;

export function renderBaseline(result: ScanResult): string {
  const seen = new Set<string>();
  const keys: Baseline['keys'] = [];
  for (const f of result.findings) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    keys.push({ fingerprint: f.fingerprint, kind: f.kind, redacted: f.redacted, file: f.file, line: f.line, commit: f.commit, date: f.git?.authorDate ?? null });
  }
  keys.sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
  return `${JSON.stringify({ version: 1, keys } satisfies Baseline, null, 2)}\n`;
}

/** The fingerprints of a baseline file; errors name the file and what is wrong. */
export async function readBaseline(file: string, shownAs = file): Promise<ReadonlySet<string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigurationError(`cannot read baseline ${shownAs}: ${(e as NodeJS.ErrnoException).code ?? e}. Create one with: keyguard scan --history --write-baseline ${shownAs}`);
  }
  return parseBaseline(text, shownAs);
}

/** The fingerprints of a baseline's text. */
export function parseBaseline(text: string, shownAs: string): ReadonlySet<string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigurationError(`baseline ${shownAs} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = BaselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigurationError(`baseline ${shownAs}: ${issue.path.join('.') || '(top level)'}: ${issue.message}; expected the form written by --write-baseline`);
  }
  return new Set(parsed.data.keys.map((k) => k.fingerprint));
}
