import { describe, expect, it } from 'vitest';
import { chosenScope } from '../src/cli.ts';
import { FLAGS, inputName, type OptionValues } from '../src/options.ts';
import { isScopeType, SCOPE_TYPES, scopeReads } from '../src/scan/index.ts';
import { resolveScanOptions } from '../src/settings.ts';
import { gitRepo } from './helpers/repo.ts';
import { runCli } from './helpers/run.ts';

// A new finding source is its module and one SOURCES entry (src/scan/index.ts); its CLI flag is one
// option-table row named like its scope type. Nothing else may list the scopes by hand.
const SCOPE_FLAGS = FLAGS.filter((o) => o.group === 'scope');
const given = (o: (typeof SCOPE_FLAGS)[number]) => (o.type === 'boolean' ? [`--${o.flag}`] : [`--${o.flag}`, 'HEAD..HEAD']);

describe('scan scopes come from the registered finding sources', () => {
  it('every scope flag of the option table is a registered scope type, and selects it', () => {
    expect(SCOPE_FLAGS.map((o) => o.flag)).toEqual(expect.arrayContaining(['history', 'range', 'staged']));
    expect(chosenScope({})).toBe('worktree');
    for (const o of SCOPE_FLAGS) {
      expect(isScopeType(o.flag), o.flag).toBe(true);
      expect(chosenScope({ [o.flag]: o.type === 'boolean' ? true : 'main..HEAD' } as OptionValues)).toBe(o.flag);
    }
  });

  it("the action's scan-scope accepts every registered scope type and auto, and names them all when it refuses", async () => {
    const root = gitRepo({ 'a.txt': 'nothing\n' });
    for (const type of SCOPE_TYPES) {
      const { scope } = await resolveScanOptions({ 'scan-scope': type, path: root }, inputName, root);
      // `range` without a range is the event's commits, which the action works out.
      expect(scope.type, type).toBe(type === 'range' ? 'event' : type);
    }
    expect((await resolveScanOptions({ 'scan-scope': 'auto', path: root }, inputName, root)).scope.type).toBe('event');
    await expect(resolveScanOptions({ 'scan-scope': 'everything', path: root }, inputName, root)).rejects.toThrow(`input scan-scope: expected one of auto, ${SCOPE_TYPES.join(', ')}, got "everything"`);
  });

  it('the CLI names the scope flag at fault: file names where a directory is read, two scopes at once, --fetch without --history', () => {
    const root = gitRepo({ 'b.env': 'nothing\n' });
    for (const o of SCOPE_FLAGS) {
      const reads = scopeReads(o.flag as (typeof SCOPE_TYPES)[number]);
      if (!reads) continue;
      const r = runCli(['scan', 'b.env', ...given(o)], root);
      expect(r.code, o.flag).toBe(2);
      expect(r.stderr).toContain(`--${o.flag} reads ${reads}: give it a directory PATH, not file names`);
    }
    for (const [i, a] of SCOPE_FLAGS.entries()) {
      for (const b of SCOPE_FLAGS.slice(i + 1)) {
        const r = runCli(['scan', root, ...given(a), ...given(b)]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`--${a.flag} and --${b.flag} cannot be combined: choose one of ${SCOPE_FLAGS.map((o) => `--${o.flag}`).join(', ')}`);
      }
    }
    for (const o of SCOPE_FLAGS.filter((o) => o.flag !== 'history')) expect(runCli(['scan', root, ...given(o), '--fetch']).stderr).toContain('--fetch goes with --history');
    const help = runCli(['help', 'scan']).stdout.replace(/\s+/g, ' ');
    for (const o of SCOPE_FLAGS) expect(help).toMatch(new RegExp(`Without [^.]*--${o.flag}\\b[^.]*, the files of the working tree are scanned`));
  });
});
