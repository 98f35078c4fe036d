// Extracts the part of OpenAI's and GitHub's published OpenAPI descriptions that keyguard and its
// fakes use into test/fixtures/openapi/, for the contract tests (test/contract.test.ts). Re-run it
// when a description is updated:
//
//   node scripts/vendor-openapi.ts <openai-openapi.yaml> <api.github.com.json>
//
// The GitHub description is `generated/api.github.com.json` of the npm package @octokit/openapi
// (install it with `npm install --no-save @octokit/openapi`: it is 385 MB, too big to depend on).
// Each subset keeps whole path items (every method of a kept path) and every component they
// reference, transitively; documentation-only keys (examples, x-oaiMeta) are dropped.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';

/** Paths of OpenAI's API (under /v1) that keyguard calls or its fake serves. */
export const OPENAI_PATHS = [
  '/models',
  '/organization/projects',
  '/organization/projects/{project_id}',
  '/organization/projects/{project_id}/api_keys',
  '/organization/projects/{project_id}/api_keys/{api_key_id}',
  '/organization/projects/{project_id}/service_accounts',
  '/organization/projects/{project_id}/service_accounts/{service_account_id}',
  '/organization/projects/{project_id}/users',
  '/organization/users',
  '/organization/admin_api_keys',
  '/organization/admin_api_keys/{key_id}',
  '/organization/costs',
  '/organization/usage/audio_speeches',
  '/organization/usage/audio_transcriptions',
  '/organization/usage/code_interpreter_sessions',
  '/organization/usage/completions',
  '/organization/usage/embeddings',
  '/organization/usage/file_search_calls',
  '/organization/usage/images',
  '/organization/usage/moderations',
  '/organization/usage/vector_stores',
  '/organization/usage/web_search_calls',
];

/** GitHub REST paths that keyguard calls or its fake serves. */
export const GITHUB_PATHS = [
  '/user',
  '/orgs/{org}/repos',
  '/installation/repositories',
  '/repos/{owner}/{repo}/labels',
  '/repos/{owner}/{repo}/labels/{name}',
  '/repos/{owner}/{repo}/issues',
  '/repos/{owner}/{repo}/issues/{issue_number}',
  '/repos/{owner}/{repo}/issues/{issue_number}/comments',
  '/repos/{owner}/{repo}/issues/comments/{comment_id}',
  '/repos/{owner}/{repo}/secret-scanning/alerts',
  '/repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}',
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const DROP = new Set(['examples', 'example', 'x-oaiMeta']);

/** A copy without documentation-only keys (a property named `example` is kept). */
function strip(node: Json, inProperties = false): Json {
  if (Array.isArray(node)) return node.map((x) => strip(x));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).filter(([k]) => inProperties || !DROP.has(k)).map(([k, v]) => [k, strip(v, !inProperties && k === 'properties')]));
  return node;
}

function pointer(doc: Json, ref: string): Json {
  let node = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) {
    node = (node as Record<string, Json>)[part.replace(/~1/g, '/').replace(/~0/g, '~')]!;
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return node;
}

/** The description reduced to `paths`, with every component they reference. */
export function subset(doc: Record<string, Json>, paths: readonly string[], source: Record<string, string>): Record<string, Json> {
  const docPaths = doc.paths as Record<string, Json>;
  const kept: Record<string, Json> = {};
  for (const p of paths) {
    if (!docPaths[p]) throw new Error(`${source.file}: no path ${p}`);
    kept[p] = strip(docPaths[p]);
  }
  const components: Record<string, Record<string, Json>> = {};
  const pending = [kept as Json];
  while (pending.length) {
    const node = pending.pop()!;
    if (Array.isArray(node)) pending.push(...node);
    else if (node && typeof node === 'object') {
      const ref = node.$ref;
      if (typeof ref === 'string') {
        const [, kind, name] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref) ?? [];
        if (!kind || !name) throw new Error(`unexpected $ref ${ref}`);
        if (!components[kind]?.[name]) {
          const target = strip(pointer(doc, ref));
          (components[kind] ??= {})[name] = target;
          pending.push(target);
        }
      }
      pending.push(...Object.values(node));
    }
  }
  const sorted = Object.fromEntries(Object.entries(components).sort().map(([k, v]) => [k, Object.fromEntries(Object.entries(v).sort())]));
  const info = doc.info as Record<string, Json>;
  return { openapi: doc.openapi!, info: { title: info.title!, version: info.version!, 'x-keyguard-subset': source }, servers: doc.servers ?? [], paths: kept, components: sorted };
}

function write(out: string, spec: Record<string, Json>, licence: string) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(spec, null, 1)}\n`);
  writeFileSync(out.replace(/\.json$/, '.LICENSE'), readFileSync(licence));
  console.log(`${out}: ${Object.keys(spec.paths as object).length} paths, ${Object.values(spec.components as object).reduce((n, c) => n + Object.keys(c).length, 0)} components`);
}

if (import.meta.main) {
  const [openaiYaml, githubJson] = process.argv.slice(2);
  if (!openaiYaml || !githubJson) {
    console.error('usage: node scripts/vendor-openapi.ts <openai-openapi.yaml> <api.github.com.json>');
    process.exit(2);
  }
  const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'openapi');
  const openai = parse(readFileSync(openaiYaml, 'utf8'), { maxAliasCount: -1 }) as Record<string, Json>;
  write(join(dir, 'openai.json'), subset(openai, OPENAI_PATHS, { file: basename(openaiYaml), publisher: 'OpenAI (github.com/openai/openai-openapi)', licence: 'MIT' }), join(dirname(openaiYaml), basename(openaiYaml).replace(/\.ya?ml$/, '.LICENSE')));
  const github = JSON.parse(readFileSync(githubJson, 'utf8')) as Record<string, Json>;
  const pkg = JSON.parse(readFileSync(join(dirname(githubJson), '..', 'package.json'), 'utf8')) as { name: string; version: string };
  write(join(dir, 'github.json'), subset(github, GITHUB_PATHS, { file: `${pkg.name}@${pkg.version}/generated/${basename(githubJson)}`, publisher: 'GitHub (github.com/github/rest-api-description), packaged by Octokit', licence: 'MIT' }), join(dirname(githubJson), '..', 'LICENSE'));
}
