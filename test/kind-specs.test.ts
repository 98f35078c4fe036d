import { describe, expect, it } from 'vitest';
import { detectKeys, KEY_FORMS, KIND_SPECS, kindPrefix, REDACTED_PREFIXES, SecretValue } from '../src/detect/index.ts';
import { checkLiveness } from '../src/openai/liveness.ts';
import { matchKey } from '../src/openai/match.ts';
import type { Inventory, KeyOwner } from '../src/openai/types.ts';
import { renderSarif } from '../src/output/sarif.ts';
import { seedOrganization } from './fakes/openai-seed.ts';
import { fakeOpenAI } from './helpers/fakes.ts';
import { fromTemplate } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { tempDir, write } from './helpers/repo.ts';
import { runCli } from './helpers/run.ts';

/*
 * One generic test over the key kind specs (src/detect/kinds.ts): every spec's samples, expanded at
 * run time, through detection, redaction, the inventory match and the bundled CLI. A new kind is
 * tested by adding its spec, with nothing to write here.
 */

/** What a redacted key shows: the form's prefix the sample starts with, else `sk-` alone (a named key hides its name). */
function shown(template: string, key: string): string {
  const head = template.slice(0, template.indexOf('{'));
  return `${KEY_FORMS.some((f) => `sk-${f.prefix}` === head) ? head : 'sk-'}…${key.slice(-4)}`;
}

const contexts: Record<string, (key: string) => string> = {
  bare: (k) => k,
  assignment: (k) => `OPENAI_API_KEY="${k}"\n`,
  'JSON-escaped': (k) => JSON.stringify({ env: `K=${k}\nX=1` }).replace(/-/g, '\\u002d'),
  base64: (k) => `data:\n  key: ${Buffer.from(`K=${k}\n`).toString('base64')}\n`,
};

describe.each(KIND_SPECS.map((spec) => [spec.kind, spec] as const))('kind spec %s', (_kind, spec) => {
  it('has samples of each of its forms, and negative samples', () => {
    for (const f of spec.forms) expect(spec.samples.positive.some((t) => t.startsWith(`sk-${f.prefix}{`)), `a positive sample of sk-${f.prefix}`).toBe(true);
    expect(spec.samples.negative.length).toBeGreaterThan(0);
    expect(kindPrefix(spec.kind)).toBe(`sk-${spec.forms[0]!.prefix}`);
  });

  for (const template of spec.samples.positive) {
    for (const [name, wrap] of Object.entries(contexts)) {
      it(`finds ${template} (${name}) as ${spec.kind}, redacted, never whole in its printed forms`, () => {
        const key = fromTemplate(template);
        const [m, ...rest] = detectKeys(wrap(key));
        expect(rest).toEqual([]);
        expect(m?.kind).toBe(spec.kind);
        expect(m?.secret.reveal() === key, 'the whole key is found').toBe(true);
        expect(m?.secret.redacted).toBe(shown(template, key));
        expectNoKey([key], { string: String(m?.secret), json: JSON.stringify(m), redacted: m!.secret.redacted });
      });
    }
  }

  for (const template of spec.samples.negative) {
    it(`does not find ${template}`, () => {
      const text = fromTemplate(template);
      for (const wrap of Object.values(contexts)) expect(detectKeys(wrap(text))).toEqual([]);
    });
  }

  it(`matches only ${spec.inventory} records`, () => {
    const key = fromTemplate(spec.samples.positive[0]!);
    const redactedValue = `${key.slice(0, 11)}...${key.slice(-3)}`;
    const owner = (type: KeyOwner['type']): KeyOwner => (type === 'user' ? { type, id: 'user_1', name: 'a', email: 'a@example.com' } : { type, id: 'svc_1', name: 'ci' });
    const projectKey = (id: string, type: KeyOwner['type']) => ({ type: 'project_key' as const, id, projectId: 'proj_1', name: id, redactedValue, owner: owner(type), ownerHasAccess: true, createdAt: 0, lastUsedAt: null });
    const inventory: Inventory = {
      projects: [],
      projectKeys: [projectKey('key_user', 'user'), projectKey('key_svc', 'service_account')],
      adminKeys: [{ type: 'admin_key', id: 'key_admin', name: null, redactedValue, ownerName: null, createdAt: 0, lastUsedAt: null, expiresAt: null }],
      serviceAccounts: [],
      requests: 0,
    };
    const expected = { admin: 'key_admin', 'project-user': 'key_user', 'project-service-account': 'key_svc', none: undefined }[spec.inventory];
    const m = matchKey(key, spec.kind, inventory);
    expect(m.type === 'matched' ? m.record.id : undefined).toBe(expected);
  });

  it(`is probed with ${spec.probe === 'admin-keys' ? 'the admin keys list' : 'GET /models'}, as its spec says`, async () => {
    const fake = await fakeOpenAI(seedOrganization());
    const liveness = await checkLiveness(new SecretValue(fromTemplate(spec.samples.positive[0]!)), spec.kind, { baseURL: fake.baseURL });
    expect(liveness.status).toBe('revoked'); // a key the organization does not know
    expect(fake.log.map((r) => r.path)).toEqual([spec.probe === 'admin-keys' ? '/v1/organization/admin_api_keys' : '/v1/models']);
  });

  it('has its SARIF rule with its label and severity', () => {
    const rules = JSON.parse(renderSarif({ findings: [], stats: {} } as never)).runs[0].tool.driver.rules as { id: string; shortDescription: { text: string }; properties: Record<string, string> }[];
    const rule = rules[KIND_SPECS.indexOf(spec)]!;
    expect(rule.shortDescription.text).toContain(spec.label);
    expect(rule.properties['security-severity']).toBe(spec.severity);
  });
});

it('redacted prefixes are the forms\' prefixes, longest first', () => {
  expect(REDACTED_PREFIXES).toEqual([...new Set(KEY_FORMS.map((f) => `sk-${f.prefix}`))].sort((a, b) => b.length - a.length));
});

it('the bundled CLI finds every positive sample with its kind and prints none whole (text, JSON, SARIF)', () => {
  const root = tempDir();
  const planted = KIND_SPECS.flatMap((spec) => spec.samples.positive.map((template) => ({ spec, template, key: fromTemplate(template) })));
  planted.forEach((p, i) => write(root, `k${i}.env`, `OPENAI_API_KEY=${p.key}\n`));
  for (let i = 0; i < planted.length; i++) write(root, `n${i}.txt`, KIND_SPECS.flatMap((s) => s.samples.negative).map(fromTemplate).join('\n'));
  const runs = Object.fromEntries(['text', 'json', 'sarif'].map((format) => [format, runCli(['scan', root, '--format', format])]));
  for (const [format, r] of Object.entries(runs)) {
    expect(r.code, format).toBe(1);
    expectNoKey(planted.map((p) => p.key), { [`${format} stdout`]: r.stdout, [`${format} stderr`]: r.stderr });
  }
  const findings = JSON.parse(runs.json!.stdout).findings as { file: string; kind: string; redacted: string }[];
  expect(findings).toHaveLength(planted.length);
  planted.forEach((p, i) => expect(findings).toContainEqual(expect.objectContaining({ file: `k${i}.env`, kind: p.spec.kind, redacted: shown(p.template, p.key) })));
  for (const p of planted) expect(runs.text!.stdout).toContain(shown(p.template, p.key));
});
