import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigSchema, type Config } from '../src/config-file.ts';
import { fingerprint } from '../src/detect/index.ts';
import { createOctokit } from '../src/github/octokit.ts';
import type { Logger } from '../src/logger.ts';
import { renderJson } from '../src/output/json.ts';
import { renderSarif } from '../src/output/sarif.ts';
import { renderText } from '../src/output/text.ts';
import { alertSource } from '../src/scan/alert-source.ts';
import { collect, type Filter } from '../src/scan/collect.ts';
import type { ScanResult } from '../src/scan/finding.ts';
import { runScan, SCOPE_TYPES, SOURCE_NAMES, type ScanScope } from '../src/scan/index.ts';
import type { FakeAlert } from './fakes/github-server.ts';
import { fakeGitHub } from './helpers/fakes.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { commitFile, git, gitRepo, write } from './helpers/repo.ts';

/*
 * Every finding source goes through the one collector: whichever source finds a key, the same allow
 * rules and baseline drop it, it is masked before anything is logged, and nothing it returns holds
 * the key whole. A source that built its findings itself would fail here.
 */

/** Three keys, each in its own file: `dropped` is the one the filters under test name. */
interface Planted {
  readonly dropped: string;
  readonly kept: string;
  /** On a line with a `keyguard:allow` comment (where the source reads lines). */
  readonly inline: string;
}

const FILES = (k: Planted) => ({ 'secrets/dropped.env': `OPENAI_API_KEY=${k.dropped}\n`, 'app/kept.env': `OPENAI_API_KEY=${k.kept}\n`, 'app/inline.env': `OPENAI_API_KEY=${k.inline} # keyguard:allow\n` });

/** Runs a source over the planted keys with a filter, as its registration runs it. */
type Run = (k: Planted, filter: Filter, logger: Logger) => Promise<ScanResult>;

const scope =
  <S extends ScanScope>(prepare: (k: Planted) => { root: string; scope: S }): Run =>
  async (k, filter, logger) => {
    const { root, scope } = prepare(k);
    return runScan({ root, scope, ...filter }, { logger });
  };

/** One sample per registered source (the type checker asks for a new scope's; a test below for any other's). */
const SAMPLES: { readonly [T in ScanScope['type']]: Run } & Record<string, Run> = {
  worktree: scope((k) => ({ root: gitRepo(FILES(k)), scope: { type: 'worktree' } })),
  history: scope((k) => ({ root: gitRepo(FILES(k)), scope: { type: 'history' } })),
  range: scope((k) => {
    const root = gitRepo({ 'README.md': 'hello\n' });
    for (const [file, text] of Object.entries(FILES(k))) write(root, file, text);
    const { before, after } = commitFile(root, 'app/more.txt', 'more\n');
    return { root, scope: { type: 'range', base: before, head: after } };
  }),
  staged: scope((k) => {
    const root = gitRepo({ 'README.md': 'hello\n' });
    for (const [file, text] of Object.entries(FILES(k))) write(root, file, text);
    git(root, 'add', '-A');
    return { root, scope: { type: 'staged' } };
  }),
  // GitHub's alerts carry no line text: the inline key is an alert on an issue, which the comment cannot allow.
  alerts: async (k, filter, logger) => {
    const github = await fakeGitHub({ repos: ['acme/app'] });
    const at = (path: string) => ({ path: `/${path}`, start_line: 1, start_column: 16, end_column: 70, commit_sha: 'c'.repeat(40) });
    github.repo('acme/app').alerts = [
      [k.dropped, at('secrets/dropped.env')],
      [k.kept, at('app/kept.env')],
    ].map(([secret, location], i) => ({ number: i + 1, secret_type: 'openai_api_key', secret: secret as string, state: 'open', resolution: null, resolution_comment: null, resolved_by: null, resolved_at: null, created_at: '2026-11-01T08:00:00Z', validity: 'unknown', location: location as ReturnType<typeof at> }));
    return runScan({ root: '.', ...filter, alerts: { repository: 'acme/app', client: async () => createOctokit({ token: github.token, baseUrl: github.url, logger }) } }, { logger });
  },
};

/** Records what is logged and what is masked. */
function recorder() {
  const lines: string[] = [];
  const masked = new Set<string>();
  const logger: Logger = { info: (m) => lines.push(m), warning: (m) => lines.push(m), error: (m) => lines.push(m), progress: (m) => lines.push(m), mask: (s) => masked.add(s) };
  return { logger, lines, masked };
}

const config = (allow: { paths?: string[]; fingerprints?: string[] }): Config => ConfigSchema.parse({ allow });
const found = (r: ScanResult) => new Set(r.findings.map((f) => f.fingerprint));

it('every scope type the scan can select has a sample here', () => {
  expect(SCOPE_TYPES.every((t) => t in SAMPLES)).toBe(true);
  expect(SCOPE_TYPES.length).toBeGreaterThanOrEqual(4);
});

it('every registered source has a sample here, and every sample is a registered source', () => {
  expect([...SOURCE_NAMES].sort()).toEqual(Object.keys(SAMPLES).sort());
  expect(SOURCE_NAMES).toContain('alerts');
});

describe.each(Object.keys(SAMPLES))('finding source: %s', (name) => {
  const run = SAMPLES[name]!;
  const legacy = shapeByName('legacy 51');
  const plant = (): Planted => ({ dropped: makeKey(shapeByName('project 164')), kept: makeKey(legacy), inline: makeKey(shapeByName('service account 111')) });

  it('masks every key it met and returns none whole, in any format', async () => {
    const k = plant();
    const { logger, lines, masked } = recorder();
    const result = await run(k, { config: config({}) }, logger);
    expect(found(result)).toContain(fingerprint(k.kept));
    expect(found(result)).toContain(fingerprint(k.dropped));
    // Masked, the keys reported and the one allowed inline alike: the collector masks before it filters.
    expect(masked).toContain(k.kept);
    expect(masked).toContain(k.dropped);
    if (name !== 'alerts') expect(masked).toContain(k.inline);
    expect(result.findings.every((f) => f.redacted !== '' && f.secret.reveal() !== f.redacted)).toBe(true);
    expectNoKey([k.dropped, k.kept, k.inline], { json: renderJson(result), text: renderText(result), sarif: renderSarif(result), inspect: inspect(result, { depth: 10 }), stringify: JSON.stringify(result), log: lines.join('\n') });
  });

  it('allow.fingerprints drops the named key and counts it', async () => {
    const k = plant();
    const result = await run(k, { config: config({ fingerprints: [fingerprint(k.dropped)] }) }, recorder().logger);
    expect(found(result)).not.toContain(fingerprint(k.dropped));
    expect(found(result)).toContain(fingerprint(k.kept));
    expect(result.stats.allowed).toBeGreaterThanOrEqual(1);
    expect(result.stats.baselined).toBe(0);
  });

  it('the baseline drops the named key and counts it', async () => {
    const k = plant();
    const result = await run(k, { config: config({}), baseline: new Set([fingerprint(k.dropped)]) }, recorder().logger);
    expect(found(result)).not.toContain(fingerprint(k.dropped));
    expect(found(result)).toContain(fingerprint(k.kept));
    expect(result.stats.baselined).toBeGreaterThanOrEqual(1);
  });

  it('allow.paths drops what is in the allowed paths', async () => {
    const k = plant();
    const result = await run(k, { config: config({ paths: ['secrets/'] }) }, recorder().logger);
    expect(found(result)).not.toContain(fingerprint(k.dropped));
    expect(found(result)).toContain(fingerprint(k.kept));
  });

  it('a keyguard:allow comment on the line drops the key there', async () => {
    const k = plant();
    const result = await run(k, { config: config({}) }, recorder().logger);
    expect(found(result)).not.toContain(fingerprint(k.inline));
    if (name !== 'alerts') expect(result.stats.allowed).toBeGreaterThanOrEqual(1);
  });
});

it('an alert whose path allow.paths cannot judge (outside the tree, or none) is kept, not a crash', async () => {
  const keys = [makeKey(shapeByName('legacy 51')), makeKey(shapeByName('project 56')), makeKey(shapeByName('admin 133'))];
  const alerts = keys.map((secret, i) => ({ number: i + 1, url: `https://github.test/a/${i}`, createdAt: '2026-11-01T08:00:00Z', secret, moreLocations: false, location: i === 2 ? null : { path: ['../outside.env', './odd.env'][i]!, line: 1, column: 1, endColumn: 10, commit: 'c'.repeat(40) } }));
  const result = await collect(alertSource(alerts), '.', { config: config({ paths: ['*.env'] }) }, { logger: recorder().logger });
  expect(result.findings.map((f) => f.fingerprint)).toEqual(keys.map(fingerprint));
});

describe('GitHub secret scanning alerts, chosen by the scan request', () => {
  const alertOf = (number: number, secret: string): FakeAlert => ({ number, secret_type: 'openai_api_key', secret, state: 'open', resolution: null, resolution_comment: null, resolved_by: null, resolved_at: null, created_at: '2026-11-01T08:00:00Z', validity: 'unknown', location: null });

  it('with `alerts`, one scan reads the scope and the alerts through one collector: findings in source order, counts shared', async () => {
    const [inTree, inAlert, allowed] = [makeKey(shapeByName('legacy 51')), makeKey(shapeByName('project 164')), makeKey(shapeByName('admin 133'))];
    const github = await fakeGitHub({ repos: ['acme/app'] });
    github.repo('acme/app').alerts = [alertOf(1, inAlert), alertOf(2, allowed)];
    const root = gitRepo({ 'app/a.env': `OPENAI_API_KEY=${inTree}\n`, 'app/b.env': `OPENAI_API_KEY=${allowed}\n` });
    const { logger } = recorder();
    let clients = 0;
    const client = async () => (clients++, createOctokit({ token: github.token, baseUrl: github.url, logger }));
    const result = await runScan({ root, config: config({ fingerprints: [fingerprint(allowed)] }), scope: { type: 'worktree' }, alerts: { repository: 'acme/app', client } }, { logger });
    expect(result.findings.map((f) => [f.fingerprint, f.alert?.number ?? null])).toEqual([
      [fingerprint(inTree), null],
      [fingerprint(inAlert), 1],
    ]);
    // The allowed key, once in the tree and once as an alert: both dropped, both counted.
    expect(result.stats.allowed).toBe(2);
    expect(result.stats.filesScanned).toBe(2);
    expect(clients).toBe(1);
    expect(github.log.filter((x) => x.path === '/repos/acme/app/secret-scanning/alerts')).toHaveLength(1);
  });

  it('without `alerts`, no GitHub client is made and GitHub is not asked', async () => {
    const github = await fakeGitHub({ repos: ['acme/app'] });
    github.repo('acme/app').alerts = [alertOf(1, makeKey(shapeByName('legacy 51')))];
    const root = gitRepo({ 'README.md': 'clean\n' });
    const result = await runScan({ root, config: config({}), scope: { type: 'worktree' } }, { logger: recorder().logger });
    expect(result.findings).toEqual([]);
    expect(github.log).toEqual([]);
  });

  it('with no scope (an event without commits), the alerts are still read; an unreadable list is a note, not a failure', async () => {
    const key = makeKey(shapeByName('service account 111'));
    const github = await fakeGitHub({ repos: ['acme/app', 'acme/off'] });
    github.repo('acme/app').alerts = [alertOf(5, key)];
    const { logger, lines } = recorder();
    const client = async () => createOctokit({ token: github.token, baseUrl: github.url, logger });
    const read = await runScan({ root: '.', config: config({}), alerts: { repository: 'acme/app', client } }, { logger });
    expect(read.findings.map((f) => f.fingerprint)).toEqual([fingerprint(key)]);
    expect(read.notes).toBeUndefined();
    const off = await runScan({ root: '.', config: config({}), alerts: { repository: 'acme/off', client } }, { logger });
    expect(off.findings).toEqual([]);
    expect(off.notes).toEqual([expect.stringMatching(/^GitHub secret scanning alerts were not read: secret scanning is disabled/)]);
    expect(lines).toContainEqual(expect.stringContaining('keyguard: GitHub secret scanning alerts were not read'));
  });
});
