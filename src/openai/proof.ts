import type { KeyRecord, Liveness } from './types.ts';

/**
 * Whether a found key is one exact record of the organization. Visible characters alone prove
 * nothing: anyone can make up a key that ends like one of ours, and a live key of another
 * organization can show the same characters. Only `proven` may be revoked.
 */
export type Proof =
  | { readonly type: 'proven'; readonly record: KeyRecord; readonly rule: string }
  /** `confirm` tells an admin how to check by hand. */
  | { readonly type: 'unproven'; readonly reason: string; readonly confirm: string };

/** The probes a proof needs, made with the found key itself. */
export interface Prober {
  /** `GET /v1/models` with `OpenAI-Project: projectId`. */
  inProject(projectId: string): Promise<Liveness>;
  /** The admin key ids the found (admin) key can list. */
  adminKeyIds(): Promise<{ ids: string[] } | { error: Liveness }>;
}

/** More candidate projects than this is not a leak we guess about: it is reported. */
export const MAX_PROJECT_PROBES = 5;

const MISMATCH = /^401 mismatched_(?:project|organization)$/;

/**
 * Proves which of the records that show the key's visible characters the key is:
 *  - a project key must answer `GET /v1/models` under `OpenAI-Project` of the record's project
 *    (OpenAI answers another project's key with 401 `mismatched_project`), in exactly one of the
 *    candidate projects, and exactly one candidate of that project may show its characters;
 *  - an admin key must list the record among its organization's admin keys.
 * Anything the probes cannot decide (429, 5xx, network) is unproven: the next run tries again.
 */
export async function proveRecord(candidates: readonly KeyRecord[], probe: Prober): Promise<Proof> {
  if (candidates.length === 0) return { type: 'unproven', reason: 'no key of the organization shows its visible characters', confirm: 'nothing to confirm: it is not a key of this organization' };
  if (candidates[0]!.type === 'admin_key') return proveAdminKey(candidates, probe);
  const projects = [...new Set(candidates.map((c) => (c.type === 'project_key' ? c.projectId : '')))];
  const confirm = `call \`GET /v1/models\` with the key and the header \`OpenAI-Project: ${projects.slice(0, MAX_PROJECT_PROBES).join('` (or `')}${projects.length > MAX_PROJECT_PROBES ? ', …' : ''}\`: 200 means it is a key of that project; then find it by its visible characters and last use in that project's API keys and revoke it there`;
  if (projects.length > MAX_PROJECT_PROBES) return { type: 'unproven', reason: `${projects.length} projects hold keys with its visible characters, more than the ${MAX_PROJECT_PROBES} keyguard probes`, confirm };
  const answering: string[] = [];
  for (const projectId of projects) {
    const l = await probe.inProject(projectId);
    if (l.status === 'live') answering.push(projectId);
    else if (l.status === 'unknown' && !MISMATCH.test(l.rule)) return { type: 'unproven', reason: `the probe under \`OpenAI-Project: ${projectId}\` did not decide (${l.rule})`, confirm };
  }
  if (answering.length === 0) return { type: 'unproven', reason: `it does not answer as a key of ${projects.map((p) => `\`${p}\``).join(', ')} (401 mismatched_project): it is another organization's or project's key`, confirm };
  if (answering.length > 1) return { type: 'unproven', reason: `it answers in ${answering.length} projects (a user key): not one record`, confirm };
  const inProject = candidates.filter((c) => c.type === 'project_key' && c.projectId === answering[0]);
  if (inProject.length > 1) return { type: 'unproven', reason: `${inProject.length} keys of \`${answering[0]}\` show its visible characters (${inProject.map((r) => r.id).join(', ')})`, confirm };
  return { type: 'proven', record: inProject[0]!, rule: `200 from GET /models with OpenAI-Project: ${answering[0]}; the only key of that project with its visible characters` };
}

async function proveAdminKey(candidates: readonly KeyRecord[], probe: Prober): Promise<Proof> {
  const confirm = `list admin keys with the found key (\`GET /v1/organization/admin_api_keys\`): if it lists ${candidates.map((c) => `\`${c.id}\``).join(' or ')}, it is this organization's key; then revoke it in the organization's admin keys`;
  const listed = await probe.adminKeyIds();
  if ('error' in listed) return { type: 'unproven', reason: `it could not list admin keys (${listed.error.rule})`, confirm };
  const mine = candidates.filter((c) => listed.ids.includes(c.id));
  if (mine.length === 1) return { type: 'proven', record: mine[0]!, rule: `it lists admin key ${mine[0]!.id} among its organization's keys` };
  return { type: 'unproven', reason: mine.length === 0 ? 'it lists none of the matching admin keys: it is another organization\'s key' : `it lists ${mine.length} admin keys with its visible characters`, confirm };
}
