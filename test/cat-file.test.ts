import { describe, expect, it } from 'vitest';
import { BlobReader, readAhead } from '../src/sources/cat-file.ts';
import { git, gitRepo } from './helpers/repo.ts';

/*
 * One `git cat-file --batch-command` answers a scan's lookups and blob reads in order. Its answers
 * echo the name asked when it is missing, and a path may hold a newline or the words git answers
 * with: the reader must stay in step whatever the names.
 */
describe('one cat-file for lookups and blobs', () => {
  it('answers lookups and reads in order, with names that hold newlines, spaces and "missing", and large blobs', async () => {
    const big = Buffer.alloc(3 << 20, 'x');
    const root = gitRepo({ 'a.txt': 'a\n', 'odd\nname missing\n1234 blob 5': 'odd\n', 'big.bin': big, 'dir/b.txt': 'b\n' });
    const head = git(root, 'rev-parse', 'HEAD').trim();
    const tree = git(root, 'rev-parse', 'HEAD^{tree}').trim();
    const reader = new BlobReader(root);
    try {
      const [info, a, odd, gone, bigRead, dir, more] = await Promise.all([
        reader.info([`${tree}:./a.txt`, `${tree}:./odd\nname missing\n1234 blob 5`, `${tree}:./no\nsuch missing`, 'HEAD^{tree}', `${tree}:./dir`]),
        reader.read(`${head}:./a.txt`),
        reader.read(`${head}:./odd\nname missing\n1234 blob 5`),
        reader.read(`${head}:./gone\nmissing`),
        reader.read(`${head}:./big.bin`),
        reader.read(`${head}:./dir`),
        reader.info([`${tree}:./dir/b.txt`]),
      ]);
      expect(info.map((o) => o?.type)).toEqual(['blob', 'blob', undefined, 'tree', 'tree']);
      expect(info[3]?.oid).toBe(tree);
      expect(a?.toString()).toBe('a\n');
      expect(odd?.toString()).toBe('odd\n');
      expect(gone).toBeUndefined();
      expect(bigRead?.equals(big)).toBe(true);
      expect(dir).toBeUndefined(); // a tree is not a blob
      expect(more[0]).toMatchObject({ type: 'blob', size: 2 });
      const ahead = [];
      for await (const [item, data] of readAhead(reader, [...Array(40).keys()].map((i) => ({ spec: i % 2 ? `${head}:./a.txt` : `${head}:./nope${i}`, size: 2, i })))) ahead.push(`${item.i}:${data?.toString() ?? '-'}`);
      expect(ahead).toEqual([...Array(40).keys()].map((i) => `${i}:${i % 2 ? 'a\n' : '-'}`));
    } finally {
      reader.close();
    }
  });

  it('starts no git until asked, and fails every request when git cannot run', async () => {
    const reader = new BlobReader('/nonexistent-keyguard-dir');
    await expect(reader.info(['HEAD^{tree}'])).rejects.toThrow();
    await expect(reader.read('HEAD:a')).rejects.toThrow();
    reader.close();
    const idle = new BlobReader(gitRepo({ 'a.txt': 'a\n' }));
    idle.close();
    await expect(idle.read('HEAD:a.txt')).rejects.toThrow(/after close/);
  });
});
