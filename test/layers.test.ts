import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/run.ts';

/*
 * The layers of src/, lowest first. A module may import (values or types, statically or
 * dynamically) only from its own layer or below, and the rooms (directories; a top-level file is a
 * room of its own) import one another without a cycle. The most specific entry names a module's
 * layer: a file, a `*\/name.ts` pattern, then its directory.
 */
const LAYERS: readonly { readonly name: string; readonly modules: readonly string[] }[] = [
  { name: 'pure core and pure text', modules: ['detect/', 'text/', 'errors.ts'] },
  { name: 'config, logger, option table', modules: ['config.ts', 'config-file.ts', 'logger.ts', 'options.ts'] },
  { name: 'adapters', modules: ['sources/', 'openai/', 'github/', 'types/'] },
  { name: 'domain', modules: ['scan/', 'exposure/', 'audit/', 'report/', 'respond/', 'watch/', 'org/', 'settings.ts'] },
  { name: 'renderers', modules: ['output/', 'audit/render.ts', 'report/render.ts'] },
  { name: 'commands and entries', modules: ['*/command.ts', 'org/batch.ts', 'context.ts', 'main.ts', 'index.ts', 'cli.ts', 'cli-commands.ts', 'cli-entry.ts', 'cli/', 'action/'] },
];

const SRC = path.join(REPO_ROOT, 'src');

/** The layer of a module (`audit/run.ts`, relative to src/), or -1 when the table does not name it. */
function layerOf(rel: string): number {
  const exact = LAYERS.findIndex((l) => l.modules.includes(rel));
  if (exact !== -1) return exact;
  const pattern = LAYERS.findIndex((l) => l.modules.some((m) => m.startsWith('*/') && rel.endsWith(m.slice(1))));
  if (pattern !== -1) return pattern;
  return LAYERS.findIndex((l) => l.modules.some((m) => m.endsWith('/') && rel.startsWith(m)));
}

/**
 * `audit/run.ts` lives in room `audit`; `main.ts` is a room of its own, and so is a module of
 * another layer than its directory's (`audit/command.ts`, `audit/render.ts`).
 */
function roomOf(rel: string): string {
  const dir = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel;
  return dir !== rel && layerOf(rel) === layerOf(`${dir}/`) ? dir : rel;
}

type Graph = ReadonlyMap<string, readonly string[]>;

/** Every module of src/ with the src/ modules it imports: static, `export … from`, `import type` and `import()`. */
function importGraph(): Graph {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (e.name.endsWith('.ts')) {
        const specs = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
        graph.set(
          path.relative(SRC, file).split(path.sep).join('/'),
          // Data files outside src/ (package.json) are no modules.
          specs.filter((s) => s.startsWith('.')).map((s) => path.relative(SRC, path.resolve(dir, s)).split(path.sep).join('/')).filter((s) => !s.startsWith('../')),
        );
      }
    }
  };
  walk(SRC);
  return graph;
}

/** A cycle in the graph, as the nodes along it, or undefined. */
function findCycle(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...trail.slice(trail.indexOf(n)), n];
    state.set(n, 'open');
    trail.push(n);
    for (const m of edges.get(n) ?? []) {
      const cycle = visit(m);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of edges.keys()) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return undefined;
}

/** What breaks the layering: modules without a layer, imports from a layer above, cycles of modules or of rooms. */
function layerViolations(graph: Graph): string[] {
  const out: string[] = [];
  const modules = new Map<string, Set<string>>();
  const rooms = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    if (layerOf(from) === -1) out.push(`${from} has no layer: add it to LAYERS in test/layers.test.ts`);
    modules.set(from, new Set(targets));
    for (const to of targets) {
      if (!graph.has(to)) out.push(`${from} imports ${to}, which is not a module of src/`);
      else if (layerOf(to) > layerOf(from)) out.push(`${from} (${LAYERS[layerOf(from)]?.name}) imports ${to} (${LAYERS[layerOf(to)]?.name}), a layer above`);
      if (roomOf(from) !== roomOf(to)) {
        const set = rooms.get(roomOf(from)) ?? new Set();
        rooms.set(roomOf(from), set.add(roomOf(to)));
      }
    }
  }
  const moduleCycle = findCycle(modules);
  if (moduleCycle) out.push(`import cycle of modules: ${moduleCycle.join(' → ')}`);
  const roomCycle = findCycle(rooms);
  if (roomCycle) {
    const via = roomCycle.slice(1).map((to, i) => {
      const from = roomCycle[i]!;
      const edge = [...graph].find(([f, ts]) => roomOf(f) === from && ts.some((t) => roomOf(t) === to));
      return `${edge![0]} → ${edge![1].find((t) => roomOf(t) === to)}`;
    });
    out.push(`import cycle of rooms: ${roomCycle.join(' → ')} (${via.join('; ')})`);
  }
  return out;
}

describe('the import graph of src/ follows the layers', () => {
  const graph = importGraph();

  it('reads the imports of every module, also type-only and dynamic ones', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('index.ts')).toEqual(['main.ts']);
    // Type-only and dynamic imports count: they are dependencies all the same.
    expect(graph.get('scan/finding.ts')).toContain('openai/types.ts');
    const dynamic = [...graph].filter(([f]) => /\bimport\(\s*['"]\./.test(readFileSync(path.join(SRC, f), 'utf8')));
    expect(dynamic.length).toBeGreaterThan(0);
  });

  it('no module imports from a layer above its own, and there is no import cycle', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('fails on an injected upward import, an unknown module and a cycle (the check can fail)', () => {
    const upward = new Map(graph);
    upward.set('detect/kinds.ts', [...graph.get('detect/kinds.ts')!, 'output/text.ts']);
    expect(layerViolations(upward)).toContain('detect/kinds.ts (pure core and pure text) imports output/text.ts (renderers), a layer above');

    const unknown = new Map(graph).set('newdir/thing.ts', []);
    expect(layerViolations(unknown)).toEqual(['newdir/thing.ts has no layer: add it to LAYERS in test/layers.test.ts']);

    // Two domain rooms importing each other: each import is within the layer, the cycle is not.
    const cycle = new Map(graph);
    cycle.set('exposure/exposure.ts', [...graph.get('exposure/exposure.ts')!, 'scan/finding.ts']);
    cycle.set('scan/finding.ts', [...graph.get('scan/finding.ts')!, 'exposure/exposure.ts']);
    expect(layerViolations(cycle).join('\n')).toMatch(/import cycle of modules: .*exposure\/exposure\.ts/);
    const roomsOnly = new Map(graph).set('exposure/render.ts', [...graph.get('exposure/render.ts')!, 'scan/finding.ts']);
    expect(layerViolations(roomsOnly).join('\n')).toMatch(/import cycle of rooms: .*(?:scan → exposure|exposure → scan)/);
  });
});
