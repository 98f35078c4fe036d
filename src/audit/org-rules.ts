import type { AdminKeyRecord, Inventory, ProjectKeyRecord } from '../openai/types.ts';
import { findingsOf, type AuditFinding, type AuditHit, type RuleSpec } from './finding.ts';

/** The organization policy, from `audit:` in `.keyguard.yml`. */
export interface AuditPolicy {
  readonly maxKeyAgeDays: number;
  readonly maxIdleDays: number;
  readonly neverUsedGraceDays: number;
  readonly maxAdminKeys: number;
  /** Project ids or names where keys should belong to service accounts, not people. */
  readonly productionProjects: readonly string[];
}

/** What an organization rule reads. Pure: the inventory and the clock come in. */
export interface Organization {
  readonly inv: Inventory;
  readonly policy: AuditPolicy;
  readonly now: number;
}

/**
 * A sample organization for a rule's test: keys with their age and idle days (null: never used);
 * anything not given is healthy (a service account's fresh key in an ordinary project, used today).
 */
export interface OrgSample {
  readonly keys?: readonly { readonly ageDays?: number; readonly idleDays?: number | null; readonly owner?: 'user' | 'service_account'; readonly ownerHasAccess?: boolean; readonly project?: 'archived' | 'production' }[];
  readonly adminKeys?: readonly { readonly ageDays?: number; readonly idleDays?: number | null }[];
}

export type OrgRule = RuleSpec<OrgSample> & { readonly appliesTo: 'organization'; readonly check: (org: Organization) => readonly AuditHit[] };

const DAY = 86_400;
const days = (seconds: number) => Math.floor(seconds / DAY);

/** Each project key with what its messages say of it: its target, owner, project and age. */
function projectKeys({ inv, now }: Organization) {
  const projects = new Map(inv.projects.map((p) => [p.id, p]));
  return inv.projectKeys.map((k) => ({
    k,
    project: projects.get(k.projectId),
    target: `${k.projectId}/${k.id}`,
    who: k.owner.type === 'user' ? `${k.owner.name || k.owner.id} (user)` : `${k.owner.name} (service account)`,
    age: days(now - k.createdAt),
  }));
}

type KeyView = ReturnType<typeof projectKeys>[number];

/** A rule over each project key: `hit` says what is wrong with one key, or nothing. */
const perKey = (hit: (key: KeyView, org: Organization) => Omit<AuditHit, 'target' | 'severity'> | undefined) => (org: Organization) =>
  projectKeys(org).flatMap((key) => {
    const h = hit(key, org);
    return h ? [{ target: key.target, ...h }] : [];
  });

/** A rule over each admin key. */
const perAdminKey = (hit: (k: AdminKeyRecord, age: number, org: Organization) => Omit<AuditHit, 'target' | 'severity'> | undefined) => (org: Organization) =>
  org.inv.adminKeys.flatMap((k) => {
    const h = hit(k, days(org.now - k.createdAt), org);
    return h ? [{ target: `admin key ${k.id}`, ...h }] : [];
  });

const production = ({ inv, policy }: Organization, k: ProjectKeyRecord) => {
  const name = inv.projects.find((p) => p.id === k.projectId)?.name;
  return policy.productionProjects.includes(k.projectId) || (name != null && policy.productionProjects.includes(name));
};

/**
 * Hygiene rules over the organization's keys: each key on age, use, owner and project; admin keys
 * on count, age and use. A new rule is an entry here; README's table and the generic test
 * (test/audit-rules.test.ts) follow.
 */
export const ORG_RULES: readonly OrgRule[] = [
  {
    id: 'key-in-archived-project',
    appliesTo: 'organization',
    severity: ['high'],
    doc: 'an enabled key in an archived project',
    check: perKey(({ k, project, who }) => (project?.archived ? { message: `Key "${k.name}" of ${who} is still enabled in archived project ${project.name ?? k.projectId}.`, fix: 'Delete the key; an archived project should hold no usable keys.' } : undefined)),
    samples: { positive: [{ keys: [{ project: 'archived' }] }], negative: [{ keys: [{}] }] },
  },
  {
    id: 'key-owner-without-access',
    appliesTo: 'organization',
    severity: ['high'],
    doc: 'an enabled key whose owner no longer has access to the project',
    check: perKey(({ k, who }) => (!k.ownerHasAccess ? { message: `Key "${k.name}" belongs to ${who}, who no longer has access to the project, yet the key is enabled.`, fix: 'Delete the key, or move the workload to a service account.' } : undefined)),
    samples: { positive: [{ keys: [{ owner: 'user', ownerHasAccess: false }] }], negative: [{ keys: [{ owner: 'user' }] }] },
  },
  {
    id: 'user-key-in-production',
    appliesTo: 'organization',
    severity: ['medium'],
    doc: 'a person\'s key in a project listed in `audit.productionProjects` (service accounts expected)',
    check: perKey(({ k, project, who }, org) => (k.owner.type === 'user' && production(org, k) ? { message: `Production project ${project?.name ?? k.projectId} uses key "${k.name}" owned by a person (${who}).`, fix: 'Use a service-account key, so the workload does not depend on one person\'s account.' } : undefined)),
    samples: { positive: [{ keys: [{ owner: 'user', project: 'production' }] }], negative: [{ keys: [{ owner: 'service_account', project: 'production' }, { owner: 'user' }] }] },
  },
  {
    id: 'key-too-old',
    appliesTo: 'organization',
    severity: ['medium'],
    doc: 'older than `audit.maxKeyAgeDays` (90)',
    check: perKey(({ k, who, age }, { policy }) => (age > policy.maxKeyAgeDays ? { message: `Key "${k.name}" of ${who} is ${age} days old (policy: rotate within ${policy.maxKeyAgeDays}).`, fix: 'Create a new key, switch the secret, delete this one.' } : undefined)),
    samples: { positive: [{ keys: [{ ageDays: 91 }] }], negative: [{ keys: [{ ageDays: 90 }] }] },
  },
  {
    id: 'key-idle',
    appliesTo: 'organization',
    severity: ['low'],
    doc: 'unused for longer than `audit.maxIdleDays` (30), from `last_used_at`',
    check: perKey(({ k, who }, { policy, now }) => (k.lastUsedAt !== null && days(now - k.lastUsedAt) > policy.maxIdleDays ? { message: `Key "${k.name}" of ${who} was last used ${days(now - k.lastUsedAt)} days ago (policy: ${policy.maxIdleDays}).`, fix: 'Delete it if nothing needs it any more.' } : undefined)),
    samples: { positive: [{ keys: [{ ageDays: 60, idleDays: 31 }] }], negative: [{ keys: [{ ageDays: 60, idleDays: 30 }, { ageDays: 60, idleDays: null }] }] },
  },
  {
    id: 'key-never-used',
    appliesTo: 'organization',
    severity: ['low'],
    doc: 'never used, and older than `audit.neverUsedGraceDays` (7)',
    check: perKey(({ k, who, age }, { policy }) => (k.lastUsedAt === null && age > policy.neverUsedGraceDays ? { message: `Key "${k.name}" of ${who} was created ${age} days ago and never used.`, fix: 'Delete it: an unused key is only risk.' } : undefined)),
    samples: { positive: [{ keys: [{ ageDays: 8, idleDays: null }] }], negative: [{ keys: [{ ageDays: 7, idleDays: null }, { ageDays: 60, idleDays: 59 }] }] },
  },
  {
    id: 'too-many-admin-keys',
    appliesTo: 'organization',
    severity: ['high'],
    doc: 'more admin keys than `audit.maxAdminKeys` (2)',
    check: ({ inv, policy }) => (inv.adminKeys.length > policy.maxAdminKeys ? [{ target: 'organization', message: `The organization has ${inv.adminKeys.length} admin keys (policy: at most ${policy.maxAdminKeys}): ${inv.adminKeys.map((k) => k.id).join(', ')}.`, fix: 'Delete admin keys that no automation needs; each one can manage every key of the organization.' }] : []),
    samples: { positive: [{ adminKeys: [{}, {}, {}] }], negative: [{ adminKeys: [{}, {}] }] },
  },
  {
    id: 'admin-key-too-old',
    appliesTo: 'organization',
    severity: ['high'],
    doc: 'an admin key older than `audit.maxKeyAgeDays`',
    check: perAdminKey((k, age, { policy }) => (age > policy.maxKeyAgeDays ? { message: `Admin key "${k.name ?? k.id}" is ${age} days old (policy: ${policy.maxKeyAgeDays}).`, fix: 'Rotate it: create a new admin key, update the secret, delete this one.' } : undefined)),
    samples: { positive: [{ adminKeys: [{ ageDays: 91 }] }], negative: [{ adminKeys: [{ ageDays: 90 }] }] },
  },
  {
    id: 'admin-key-unused',
    appliesTo: 'organization',
    severity: ['medium'],
    doc: 'an admin key idle for longer than `audit.maxIdleDays`, or never used past `audit.neverUsedGraceDays`',
    check: perAdminKey((k, age, { policy, now }) =>
      (k.lastUsedAt === null ? age > policy.neverUsedGraceDays : days(now - k.lastUsedAt) > policy.maxIdleDays)
        ? { message: `Admin key "${k.name ?? k.id}" ${k.lastUsedAt === null ? 'has never been used' : `was last used ${days(now - k.lastUsedAt)} days ago`}.`, fix: 'Delete it if no automation needs it.' }
        : undefined,
    ),
    samples: { positive: [{ adminKeys: [{ ageDays: 40, idleDays: 31 }] }, { adminKeys: [{ ageDays: 8, idleDays: null }] }], negative: [{ adminKeys: [{ ageDays: 40, idleDays: 30 }, { ageDays: 7, idleDays: null }] }] },
  },
];

/** Every organization rule over the inventory. */
export function auditOrganization(inv: Inventory, policy: AuditPolicy, now: number): AuditFinding[] {
  return ORG_RULES.flatMap((rule) => findingsOf(rule, rule.check({ inv, policy, now })));
}
