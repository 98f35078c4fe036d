// Reading `.keyguard.yml`: its schema and the parser. Loaded only when a configuration file exists
// (src/config.ts): with the schemas they build at load, they cost a scan without one about 25 ms of CPU.
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { ConfigurationError } from './errors.ts';
import { BYTE_SIZE, parseByteSize } from './text/byte-size.ts';

const byteSize = z.union([z.number().int().positive(), z.string().regex(BYTE_SIZE, 'a size such as 10485760, "500KB" or "10MiB"').transform((s) => parseByteSize(s)!)]);

const fingerprintSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'a 32-character lowercase hex fingerprint, as keyguard prints it (never the key itself)');

/** `.keyguard.yml`: every field optional; unknown keys are errors so typos do not pass silently. */
export const ConfigSchema = z.strictObject({
  allow: z
    .strictObject({
      /** gitignore-style patterns of paths never reported (test fixtures, vendored docs). */
      paths: z.array(z.string().min(1)).default([]),
      /** Fingerprints of keys already known and handled (revoked, or accepted test keys). */
      fingerprints: z.array(fingerprintSchema).default([]),
    })
    .prefault({}),
  /** A baseline file (from --write-baseline), relative to the config file: its keys are not reported. */
  baseline: z.string().min(1).optional(),
  /** Leak issues: how they are labelled and who hears of them. */
  issues: z
    .strictObject({
      labels: z.array(z.string().min(1).max(50)).min(1).default(['keyguard', 'leaked-secret']),
      assignees: z.array(z.string().regex(/^[A-Za-z0-9-]+$/, 'a GitHub login such as octocat')).default([]),
      /** A user or team to mention in each new leak issue: `@octocat` or `@org/team`. */
      mention: z.string().regex(/^@[A-Za-z0-9-]+(\/[A-Za-z0-9._-]+)?$/, 'a mention such as @octocat or @org/security').optional(),
      /** New issues opened at most per run; the rest wait for the next run (GitHub limits content creation). */
      maxPerRun: z.number().int().min(1).max(100).default(20),
    })
    .prefault({}),
  /** Key hygiene policy for `keyguard audit`. */
  audit: z
    .strictObject({
      maxKeyAgeDays: z.number().int().positive().default(90),
      maxIdleDays: z.number().int().positive().default(30),
      /** A key never used is flagged once it is older than this. */
      neverUsedGraceDays: z.number().int().nonnegative().default(7),
      maxAdminKeys: z.number().int().nonnegative().default(2),
      /** Project ids or names whose keys should belong to service accounts. */
      productionProjects: z.array(z.string().min(1)).default([]),
    })
    .prefault({}),
  /** Usage and cost reports. */
  report: z
    .strictObject({
      /** USD per report period, by project id or name. */
      budgets: z.record(z.string().min(1), z.number().nonnegative()).default({}),
      /** A rise of cost or tokens above this percentage, on a non-trivial base, is a spike. */
      spikePercent: z.number().positive().default(50),
      minSpikeBaseUsd: z.number().nonnegative().default(1),
      minSpikeBaseTokens: z.number().int().nonnegative().default(100_000),
      /** Flag spend from keys the audit would flag (reads the keys of projects that spent). */
      flagKeys: z.boolean().default(true),
    })
    .prefault({}),
  scan: z
    .strictObject({
      /** Files larger than this are skipped and reported as skipped. */
      maxFileSize: byteSize.default(10 * 1024 * 1024),
      /** Levels of archives opened (a jar in a zip is two); 0 reads an archive's bytes only. */
      archiveDepth: z.number().int().min(0).max(8).default(3),
    })
    .prefault({}),
});

export type Config = z.output<typeof ConfigSchema>;

/** Where a YAML path sits in the file, for error messages. */
function locate(doc: Document, lines: LineCounter, at: readonly PropertyKey[], key?: string): string {
  let node = doc.getIn(at as unknown[], true) as unknown;
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    node = pair?.key ?? node;
  }
  const range = (node as { range?: [number, number, number] } | undefined)?.range ?? (doc.contents as { range?: [number] } | null)?.range;
  if (!range) return '1:1';
  const pos = lines.linePos(range[0]);
  return `${pos.line}:${pos.col}`;
}

function dotted(p: readonly PropertyKey[]): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') || '(top level)';
}

/**
 * Parses config text. Errors name the file, line and column, the setting, and the form expected;
 * they never echo the value (a user may have pasted a key where a fingerprint belongs).
 */
export function parseConfig(text: string, file: string): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = lines.linePos(yamlError.pos[0]);
    throw new ConfigurationError(`${file}:${pos.line}:${pos.col}: not valid YAML (${yamlError.code})`);
  }
  const raw = doc.toJS() ?? {};
  const result = ConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      const known = Object.keys(knownShape(issue.path)).join(', ');
      return `${file}:${locate(doc, lines, issue.path, key)}: unknown setting ${dotted([...issue.path, key])}${known ? ` (expected one of: ${known})` : ''}`;
    }
    return `${file}:${locate(doc, lines, issue.path)}: ${dotted(issue.path)}: expected ${expectedForm(issue)}`;
  });
  throw new ConfigurationError(messages.join('\n'));
}

function expectedForm(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`;
  if (issue.code === 'invalid_union') return 'a size such as 10485760, "500KB" or "10MiB"';
  return issue.message.replace(/^Invalid string: must match pattern .*$/, 'a valid value');
}

function knownShape(at: readonly PropertyKey[]): Record<string, unknown> {
  let schema: z.ZodType = ConfigSchema;
  for (const key of at) {
    const inner = unwrap(schema);
    if (!(inner instanceof z.ZodObject)) return {};
    schema = inner.shape[key as string];
  }
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? inner.shape : {};
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  while ('unwrap' in s && typeof s.unwrap === 'function') s = s.unwrap() as z.ZodType;
  return s;
}
