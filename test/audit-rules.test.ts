import { describe, expect, it } from 'vitest';
import type { Severity } from '../src/audit/finding.ts';
import { auditOrganization, ORG_RULES, type OrgSample } from '../src/audit/org-rules.ts';
import { REPO_RULES, type RepoSample } from '../src/audit/repo-rules.ts';
import { runAudit } from '../src/audit/run.ts';
import { DEFAULT_CONFIG } from '../src/config.ts';
import type { Logger } from '../src/logger.ts';
import type { Inventory } from '../src/openai/types.ts';
import { fromTemplate } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { gitRepo } from './helpers/repo.ts';

/*
 * One generic test over the audit rules (src/audit/repo-rules.ts, src/audit/org-rules.ts): each
 * rule reports on each of its positive samples, with one of its severities, and stays silent on its
 * negative ones. Repository samples are real git repositories read by the real audit; a new rule
 * is tested by its samples, with nothing to write here.
 */

const logger: Logger = { info() {}, warning() {}, error() {}, mask() {}, progress() {} };
const NOW = 1_790_000_000;
const DAY = 86_400;
const POLICY = { ...DEFAULT_CONFIG.audit, productionProjects: ['proj_prod'] };

/** A repository sample's audit findings, and the keys its templates made. */
async function auditRepo(sample: RepoSample) {
  const files = Object.fromEntries(Object.entries(sample).map(([p, t]) => [p, fromTemplate(t)]));
  const keys = Object.values(files).filter((t, i) => t !== Object.values(sample)[i]);
  const { findings } = await runAudit({ root: gitRepo(files), config: DEFAULT_CONFIG, now: NOW }, { logger });
  return { findings, keys };
}

/** An organization from a sample: what the sample does not say is healthy. */
function inventoryOf(sample: OrgSample): Inventory {
  const ago = (d: number) => NOW - d * DAY;
  const lastUsed = (idle: number | null | undefined) => (idle === null ? null : ago(idle ?? 0));
  return {
    projects: [
      { id: 'proj_1', name: 'one', createdAt: ago(400), archived: false },
      { id: 'proj_old', name: 'old', createdAt: ago(400), archived: true },
      { id: 'proj_prod', name: 'prod', createdAt: ago(400), archived: false },
    ],
    projectKeys: (sample.keys ?? []).map((k, i) => ({
      type: 'project_key',
      id: `key_${i}`,
      projectId: k.project === 'archived' ? 'proj_old' : k.project === 'production' ? 'proj_prod' : 'proj_1',
      name: `key ${i}`,
      redactedValue: 'sk-proj-abc...xyz',
      owner: k.owner === 'user' ? { type: 'user', id: 'user_1', name: 'Ann', email: 'ann@example.com' } : { type: 'service_account', id: 'svc_1', name: 'ci' },
      ownerHasAccess: k.ownerHasAccess ?? true,
      createdAt: ago(k.ageDays ?? 10),
      lastUsedAt: lastUsed(k.idleDays),
    })),
    adminKeys: (sample.adminKeys ?? []).map((k, i) => ({ type: 'admin_key', id: `key_admin_${i}`, name: null, redactedValue: 'sk-admin...xyz', ownerName: null, createdAt: ago(k.ageDays ?? 10), lastUsedAt: lastUsed(k.idleDays), expiresAt: null })),
    serviceAccounts: [],
    requests: 0,
  };
}

function expectReported(rule: { id: string; severity: readonly Severity[] }, findings: readonly { rule: string; severity: Severity }[], positive: boolean) {
  const own = findings.filter((f) => f.rule === rule.id);
  if (positive) expect(own.length, `${rule.id} reports`).toBeGreaterThan(0);
  else expect(own, `${rule.id} stays silent`).toEqual([]);
  for (const f of own) expect(rule.severity).toContain(f.severity);
}

it('rule ids are unique, and every rule has samples both ways', () => {
  const rules = [...REPO_RULES, ...ORG_RULES];
  expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  for (const r of rules) {
    expect(r.samples.positive.length, r.id).toBeGreaterThan(0);
    expect(r.samples.negative.length, r.id).toBeGreaterThan(0);
  }
});

describe.each(REPO_RULES.map((r) => [r.id, r] as const))('repository rule %s', (_id, rule) => {
  rule.samples.positive.forEach((sample, i) => {
    it(`reports positive sample ${i + 1} (${Object.keys(sample).join(', ')}), never quoting a key`, async () => {
      const { findings, keys } = await auditRepo(sample);
      expectReported(rule, findings, true);
      expectNoKey(keys, { findings: JSON.stringify(findings) });
    });
  });
  rule.samples.negative.forEach((sample, i) => {
    it(`stays silent on negative sample ${i + 1} (${Object.keys(sample).join(', ')})`, async () => {
      expectReported(rule, (await auditRepo(sample)).findings, false);
    });
  });
});

describe.each(ORG_RULES.map((r) => [r.id, r] as const))('organization rule %s', (_id, rule) => {
  rule.samples.positive.forEach((sample, i) => {
    it(`reports positive sample ${i + 1}: ${JSON.stringify(sample)}`, () => expectReported(rule, auditOrganization(inventoryOf(sample), POLICY, NOW), true));
  });
  rule.samples.negative.forEach((sample, i) => {
    it(`stays silent on negative sample ${i + 1}: ${JSON.stringify(sample)}`, () => expectReported(rule, auditOrganization(inventoryOf(sample), POLICY, NOW), false));
  });
});
