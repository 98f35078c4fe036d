import { detectInFile, type ArchiveLimits, type Encoding } from '../detect/index.ts';
import { readAhead, type BlobReader, type ObjectInfo } from '../sources/cat-file.ts';

/** Path lookups per presence check: tens of thousands of trees and files take a few seconds. */
const MAX_LOOKUPS = 500_000;

/** Where a key is in the tree of a ref's tip. */
export interface TipPlace {
  readonly ref: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly encoding: Encoding;
  /** Inside the archive `file`: the path there. */
  readonly entry?: string;
}

/**
 * The trees of the ref tips, looked up from `start` on: at the first key found, so the lookups
 * (and the start of the scan's cat-file) happen while the rest of the diffs stream instead of
 * after them, and a history without keys never runs them. A failure is kept for `get`.
 */
export class TipTrees {
  readonly #reader: BlobReader;
  readonly #tips: () => Promise<readonly string[]>;
  #result: Promise<{ tips: readonly string[]; trees: ObjectInfo[] } | { error: unknown }> | undefined;

  constructor(reader: BlobReader, tips: () => Promise<readonly string[]>) {
    this.#reader = reader;
    this.#tips = tips;
  }

  /** Starts the lookups, once. */
  start(): void {
    this.#result ??= (async () => {
      const names = await this.#tips();
      return { tips: names, trees: await this.#reader.info(names.map((t) => `${t}^{tree}`)) };
    })().catch((error: unknown) => ({ error }));
  }

  async get(): Promise<{ tips: readonly string[]; trees: ObjectInfo[] }> {
    this.start();
    const r = await this.#result!;
    if ('error' in r) throw r.error;
    return r;
  }
}

/**
 * Which of `fingerprints` the trees of the tips hold, and where. Only `files` are looked at (a key
 * at a tip was added there by some commit the scan read, so it is in one of the files where keys
 * were found): one batch of lookups resolves every tip and path, each distinct blob is read once,
 * and tips that share a tree share the work. Blobs over the size limit are not read.
 */
export async function keysAtTips(
  tipTrees: TipTrees,
  files: readonly string[],
  fingerprints: ReadonlySet<string>,
  blobs: BlobReader,
  limits: ArchiveLimits,
): Promise<{ places: Map<string, TipPlace[]>; treesLeftOut: number }> {
  const out = new Map<string, TipPlace[]>();
  if (files.length === 0 || fingerprints.size === 0) return { places: out, treesLeftOut: 0 };
  const { tips, trees } = await tipTrees.get();
  const tipsOfTree = new Map<string, string[]>();
  tips.forEach((tip, i) => {
    const tree = trees[i]?.oid;
    if (tree) tipsOfTree.set(tree, [...(tipsOfTree.get(tree) ?? []), tip]);
  });
  // Thousands of tags times thousands of files would be millions of lookups: the trees of the
  // first tips (HEAD, then branches, then tags, by name) up to a budget; the caller says so.
  const budget = Math.max(1, Math.floor(MAX_LOOKUPS / files.length));
  const distinct = [...tipsOfTree.keys()];
  const specs: { tree: string; file: string }[] = [];
  for (const tree of distinct.slice(0, budget)) for (const file of files) specs.push({ tree, file });
  const found = await blobs.info(specs.map((s) => `${s.tree}:./${s.file}`));
  const placesOfBlob = new Map<string, { spec: string; size: number; places: { tree: string; file: string }[] }>();
  specs.forEach((s, i) => {
    const o = found[i];
    if (o?.type === 'blob' && o.size <= limits.maxFileSize) {
      const blob = placesOfBlob.get(o.oid) ?? placesOfBlob.set(o.oid, { spec: o.oid, size: o.size, places: [] }).get(o.oid)!;
      blob.places.push(s);
    }
  });
  for await (const [{ places }, data] of readAhead(blobs, [...placesOfBlob.values()])) {
    if (!data) continue;
    // The file's name is only for a gzip stream's entry: the first place's is as good as any.
    for (const m of detectInFile(data, places[0]!.file, limits).matches) {
      if (!fingerprints.has(m.secret.fingerprint)) continue;
      const list = out.get(m.secret.fingerprint) ?? [];
      for (const { tree, file } of places) {
        for (const ref of tipsOfTree.get(tree)!) {
          if (!list.some((p) => p.ref === ref && p.file === file)) list.push({ ref, file, line: m.line, column: m.column, endColumn: m.endColumn, encoding: m.encoding, ...(m.entry !== undefined ? { entry: m.entry } : {}) });
        }
      }
      out.set(m.secret.fingerprint, list);
    }
  }
  return { places: out, treesLeftOut: Math.max(0, distinct.length - budget) };
}
