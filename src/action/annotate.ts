import * as core from '@actions/core';
import { scrubSecrets } from '../detect/index.ts';

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  /** What the summary of the rest counts by (a rule, a key kind), with the file. */
  readonly group: string;
  readonly message: string;
  readonly properties: core.AnnotationProperties;
}

/** GitHub shows at most 10 annotations of each level per step (and 50 per job). */
export const ANNOTATIONS_PER_LEVEL = 10;

/**
 * The first 10 annotations of each level, then one notice that counts the rest by group and file
 * and points to the job summary, the SARIF file and the JSON report, which hold every finding:
 * past GitHub's limit, annotations are silently dropped. Like every other output, redacted here
 * whatever put a key in the text (a project name from the API, a path).
 */
export function annotateFindings(annotations: readonly Annotation[]): void {
  const shown = { error: 0, warning: 0, notice: 0 };
  const rest = new Map<string, number>();
  for (const a of annotations) {
    if (shown[a.level]++ < ANNOTATIONS_PER_LEVEL) {
      const { title, file } = a.properties;
      core[a.level](scrubSecrets(a.message), { ...a.properties, ...(title !== undefined ? { title: scrubSecrets(title) } : {}), ...(file !== undefined ? { file: scrubSecrets(file) } : {}) });
      continue;
    }
    const key = `${a.group} in ${a.properties.file ?? 'the organization'}`;
    rest.set(key, (rest.get(key) ?? 0) + 1);
  }
  if (rest.size === 0) return;
  const total = [...rest.values()].reduce((n, c) => n + c, 0);
  const top = [...rest].sort((a, b) => b[1] - a[1]).slice(0, 10);
  core.notice(scrubSecrets(`${total} more findings are not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} of each level per step): ${top.map(([k, n]) => `${n} ${k}`).join('; ')}${rest.size > top.length ? `; and ${rest.size - top.length} more groups` : ''}. The SARIF file and the JSON report list every one.`), { title: 'keyguard: more findings' });
}
