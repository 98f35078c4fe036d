import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/run.ts';

/**
 * The pure core may import only itself and node:module, to load node:crypto (hashing) and
 * node:zlib (decompressing archives) on first use: neither does I/O. Nothing else.
 */
const PURE = { dir: 'src/detect', allowed: [/^\.\.?\//, /^node:(crypto|zlib)$/, /^node:module$/] };

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('module boundaries', () => {
  it(`${PURE.dir} is pure: no I/O, network, clock or Actions imports`, () => {
    const dir = path.join(REPO_ROOT, PURE.dir);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      for (const spec of importsOf(path.join(dir, f))) {
        expect(PURE.allowed.some((re) => re.test(spec)), `${f} imports ${spec}`).toBe(true);
        if (spec.startsWith('.')) expect(path.resolve(dir, spec).startsWith(dir), `${f} imports ${spec} outside ${PURE.dir}`).toBe(true);
      }
      expect(text, `${f} reads the clock`).not.toMatch(/\bDate\.now\(|new Date\(|performance\.now\(/);
      expect(text, `${f} touches process`).not.toMatch(/\bprocess\./);
      if (importsOf(path.join(dir, f)).includes('node:module')) {
        const loads = [...text.matchAll(/\bcreateRequire\([^)]*\)\(\s*(['"])([^'"]*)\1\s*\)/g)].map((m) => m[2]);
        expect(loads, `${f} loads more than node:crypto or node:zlib through node:module`).toEqual([expect.stringMatching(/^node:(crypto|zlib)$/)]);
        expect(text.match(/\bcreateRequire\b/g), `${f} uses createRequire otherwise`).toHaveLength(2);
      }
    }
  });

  it('the pure parts of audit/ and report/ (rules, aggregation, rendering) do no I/O and read no clock', () => {
    const pure = ['src/audit/org-rules.ts', 'src/audit/repo-rules.ts', 'src/audit/render.ts', 'src/report/aggregate.ts', 'src/report/period.ts', 'src/report/render.ts', 'src/respond/leak-issue.ts', 'src/respond/pr-comment.ts'];
    for (const rel of pure) {
      const file = path.join(REPO_ROOT, rel);
      const text = readFileSync(file, 'utf8');
      for (const spec of importsOf(file)) {
        expect(/^(?:@actions\/|openai$|@octokit\/|node:(?:fs|child_process|http|https|net|worker_threads))/.test(spec), `${rel} imports ${spec}`).toBe(false);
      }
      expect(text, `${rel} reads the clock`).not.toMatch(/\bDate\.now\(|new Date\(\)|performance\.now\(/);
    }
  });

  it('renderers never import the GitHub or OpenAI adapters (types aside): they turn data into text', () => {
    const renderers = [...readdirSync(path.join(REPO_ROOT, 'src/output')).map((f) => `src/output/${f}`), 'src/audit/render.ts', 'src/report/render.ts', 'src/respond/leak-issue.ts', 'src/respond/pr-comment.ts', 'src/exposure/render.ts'];
    for (const rel of renderers) {
      const text = readFileSync(path.join(REPO_ROOT, rel), 'utf8');
      const valueImports = [...text.matchAll(/^import (?!type\b)[^;]*?from ['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
      for (const spec of valueImports) expect(/(?:^|\/)(?:github|openai)\//.test(spec), `${rel} imports ${spec}`).toBe(false);
    }
  });

  it('only the entries read Actions inputs or fail the step', () => {
    const offenders: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/core\.(getInput|setFailed)\(/.test(readFileSync(p, 'utf8'))) offenders.push(path.relative(REPO_ROOT, p));
      }
    };
    walk(path.join(REPO_ROOT, 'src'));
    expect(offenders).toEqual(['src/main.ts']);
  });
});
