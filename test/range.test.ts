import { describe, expect, it } from 'vitest';
import { rangeFromEvent } from '../src/action/event.ts';
import { DEFAULT_CONFIG } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { runScan } from '../src/scan/index.ts';
import { prepareRange } from '../src/sources/range.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { git, gitRepo, tempDir, write } from './helpers/repo.ts';

const Z = '0'.repeat(40);
const legacy = () => makeKey(shapeByName('legacy 51'));

describe('ranges from events', () => {
  const cases: { name: string; event: string; payload: object; expected: unknown }[] = [
    { name: 'push', event: 'push', payload: { before: 'a'.repeat(40), after: 'b'.repeat(40) }, expected: { type: 'range', base: 'a'.repeat(40), head: 'b'.repeat(40), forced: false } },
    { name: 'force push', event: 'push', payload: { before: 'a'.repeat(40), after: 'b'.repeat(40), forced: true }, expected: { type: 'range', forced: true } },
    {
      name: 'new branch',
      event: 'push',
      payload: { before: Z, after: 'b'.repeat(40), ref: 'refs/heads/topic', repository: { default_branch: 'main' } },
      expected: { type: 'new-branch', head: 'b'.repeat(40), defaultBranch: 'main', isDefault: false },
    },
    { name: 'first push of the default branch', event: 'push', payload: { before: Z, after: 'b'.repeat(40), ref: 'refs/heads/main', repository: { default_branch: 'main' } }, expected: { type: 'new-branch', isDefault: true } },
    { name: 'deleted branch', event: 'push', payload: { before: 'a'.repeat(40), after: Z, deleted: true }, expected: { type: 'none' } },
    { name: 'pull request', event: 'pull_request', payload: { pull_request: { base: { sha: 'c'.repeat(40) }, head: { sha: 'd'.repeat(40) } } }, expected: { type: 'range', base: 'c'.repeat(40), head: 'd'.repeat(40) } },
    { name: 'merge queue', event: 'merge_group', payload: { merge_group: { base_sha: 'e'.repeat(40), head_sha: 'f'.repeat(40) } }, expected: { type: 'range', base: 'e'.repeat(40) } },
    { name: 'other event', event: 'release', payload: {}, expected: { type: 'none' } },
  ];
  for (const c of cases) it(c.name, () => expect(rangeFromEvent(c.event, c.payload)).toMatchObject(c.expected as object));
});

/** An origin with a linear history, and a shallow clone of it (depth 1), as actions/checkout makes. */
function originAndShallowClone(commits: number, keyAt: Record<number, string>) {
  const src = gitRepo();
  const shas: string[] = [];
  for (let i = 1; i <= commits; i++) {
    write(src, `f${i}.txt`, keyAt[i] ? `k=${keyAt[i]}\n` : `${i}\n`);
    git(src, 'add', '-A');
    git(src, 'commit', '-qm', `c${i}`);
    shas.push(git(src, 'rev-parse', 'HEAD').trim());
  }
  const dir = tempDir();
  git(dir, 'clone', '-q', '--bare', src, 'origin.git');
  git(dir, 'clone', '-q', '--depth=1', `file://${dir}/origin.git`, 'work');
  return { work: `${dir}/work`, shas };
}

describe('ranges in shallow clones', () => {
  it('deepens until the range is whole, so old keys are not taken for new ones', async () => {
    const [old, fresh] = [legacy(), legacy()];
    const { work, shas } = originAndShallowClone(8, { 2: old, 7: fresh });
    expect(git(work, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const result = await runScan({ root: work, config: DEFAULT_CONFIG, scope: { type: 'range', base: shas[4]!, head: shas[7]! } }, { logger: silentLogger });
    expect(result.findings.map((f) => [f.secret.reveal(), f.file, f.commit])).toEqual([[fresh, 'f7.txt', shas[6]]]);
  });

  it('fails with one clear message when the commits cannot be had', async () => {
    const { work } = originAndShallowClone(3, {});
    await expect(prepareRange(work, 'deadbeef'.repeat(5), 'HEAD', silentLogger)).rejects.toThrow(/not in this shallow clone and could not be fetched\. Set `fetch-depth: 0` on actions\/checkout/);
  });

  it('names a missing commit in a full clone', async () => {
    const root = gitRepo({ 'a.txt': 'a\n' });
    await expect(prepareRange(root, 'deadbeef'.repeat(5), 'HEAD', silentLogger)).rejects.toThrow(/commit deadbeef.* is not in this repository/);
  });
});
