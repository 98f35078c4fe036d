import type { Inventory } from '../openai/types.ts';
import type { AuditFinding } from './finding.ts';

/** The organization policy, from `audit:` in `.keyguard.yml`. */
export interface AuditPolicy {
  readonly maxKeyAgeDays: number;
  readonly maxIdleDays: number;
  readonly neverUsedGraceDays: number;
  readonly maxAdminKeys: number;
  /** Project ids or names where keys should belong to service accounts, not people. */
  readonly productionProjects: readonly string[];
}

const DAY = 86_400;
const days = (seconds: number) => Math.floor(seconds / DAY);

/**
 * Hygiene rules over the organization's keys. Pure: the inventory and the clock come in.
 * Each key is judged on age, use, owner and project; admin keys on count, age and use.
 */
export function auditOrganization(inv: Inventory, policy: AuditPolicy, now: number): AuditFinding[] {
  const out: AuditFinding[] = [];
  const projects = new Map(inv.projects.map((p) => [p.id, p]));
  const production = (id: string) => {
    const p = projects.get(id);
    return policy.productionProjects.includes(id) || (p?.name != null && policy.productionProjects.includes(p.name));
  };
  for (const k of inv.projectKeys) {
    const project = projects.get(k.projectId);
    const target = `${k.projectId}/${k.id}`;
    const who = k.owner.type === 'user' ? `${k.owner.name || k.owner.id} (user)` : `${k.owner.name} (service account)`;
    const age = days(now - k.createdAt);
    if (project?.archived) {
      out.push({ rule: 'key-in-archived-project', severity: 'high', target, message: `Key "${k.name}" of ${who} is still enabled in archived project ${project.name ?? k.projectId}.`, fix: 'Delete the key; an archived project should hold no usable keys.' });
    }
    if (!k.ownerHasAccess) {
      out.push({ rule: 'key-owner-without-access', severity: 'high', target, message: `Key "${k.name}" belongs to ${who}, who no longer has access to the project, yet the key is enabled.`, fix: 'Delete the key, or move the workload to a service account.' });
    }
    if (k.owner.type === 'user' && production(k.projectId)) {
      out.push({ rule: 'user-key-in-production', severity: 'medium', target, message: `Production project ${project?.name ?? k.projectId} uses key "${k.name}" owned by a person (${who}).`, fix: 'Use a service-account key, so the workload does not depend on one person\'s account.' });
    }
    if (age > policy.maxKeyAgeDays) {
      out.push({ rule: 'key-too-old', severity: 'medium', target, message: `Key "${k.name}" of ${who} is ${age} days old (policy: rotate within ${policy.maxKeyAgeDays}).`, fix: 'Create a new key, switch the secret, delete this one.' });
    }
    if (k.lastUsedAt === null) {
      if (age > policy.neverUsedGraceDays) out.push({ rule: 'key-never-used', severity: 'low', target, message: `Key "${k.name}" of ${who} was created ${age} days ago and never used.`, fix: 'Delete it: an unused key is only risk.' });
    } else if (days(now - k.lastUsedAt) > policy.maxIdleDays) {
      out.push({ rule: 'key-idle', severity: 'low', target, message: `Key "${k.name}" of ${who} was last used ${days(now - k.lastUsedAt)} days ago (policy: ${policy.maxIdleDays}).`, fix: 'Delete it if nothing needs it any more.' });
    }
  }
  if (inv.adminKeys.length > policy.maxAdminKeys) {
    out.push({ rule: 'too-many-admin-keys', severity: 'high', target: 'organization', message: `The organization has ${inv.adminKeys.length} admin keys (policy: at most ${policy.maxAdminKeys}): ${inv.adminKeys.map((k) => k.id).join(', ')}.`, fix: 'Delete admin keys that no automation needs; each one can manage every key of the organization.' });
  }
  for (const k of inv.adminKeys) {
    const target = `admin key ${k.id}`;
    const age = days(now - k.createdAt);
    if (age > policy.maxKeyAgeDays) out.push({ rule: 'admin-key-too-old', severity: 'high', target, message: `Admin key "${k.name ?? k.id}" is ${age} days old (policy: ${policy.maxKeyAgeDays}).`, fix: 'Rotate it: create a new admin key, update the secret, delete this one.' });
    if (k.lastUsedAt === null ? age > policy.neverUsedGraceDays : days(now - k.lastUsedAt) > policy.maxIdleDays) {
      out.push({ rule: 'admin-key-unused', severity: 'medium', target, message: `Admin key "${k.name ?? k.id}" ${k.lastUsedAt === null ? 'has never been used' : `was last used ${days(now - k.lastUsedAt)} days ago`}.`, fix: 'Delete it if no automation needs it.' });
    }
  }
  return out;
}
