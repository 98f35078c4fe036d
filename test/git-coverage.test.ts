import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../src/detect/index.ts';
import { makeKey, shapeByName } from './helpers/keygen.ts';
import { expectNoKey } from './helpers/leaks.ts';
import { git, gitRepo, write } from './helpers/repo.ts';
import { runCli } from './helpers/run.ts';

const legacy = () => makeKey(shapeByName('legacy 51'));

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  commit: string | null;
  fingerprint: string;
  source?: string;
  presentAtHead: boolean;
  presentIn: { ref: string; file: string; line: number }[];
  refsHolding: number;
  firstAdded: { commit: string; file: string; line: number };
}
interface Json {
  findings: JsonFinding[];
  skipped: { path: string; reason: string; detail?: string }[];
}

function scanJson(root: string, ...args: string[]): { json: Json; stdout: string; stderr: string } {
  const r = runCli(['scan', root, '--format', 'json', '--fail-on', 'none', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as Json, stdout: r.stdout, stderr: r.stderr };
}
const byFp = (json: Json) => new Map(json.findings.map((f) => [f.fingerprint, f]));

describe('what history and range scans read', () => {
  it('binary and -diff files, UTF-16 files, commit and annotated tag messages, base64 wrapped over lines', () => {
    const k = { lock: legacy(), nul: legacy(), utf16: legacy(), message: legacy(), tag: legacy(), wrapped: makeKey(shapeByName('project 164')) };
    const root = gitRepo({ '.gitattributes': '*.lock -diff\nbundle.js binary\n' });
    write(root, 'deps.lock', `resolved: x\ntoken: ${k.lock}\n`);
    write(root, 'data.bin', Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.from(`\n${k.nul}\n`)]));
    write(root, 'settings.ps1', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`$k = "${k.utf16}"\r\n`, 'utf16le')]));
    const b64 = Buffer.from(`OPENAI_API_KEY=${k.wrapped}\n`).toString('base64');
    write(root, 'secret.yaml', `apiVersion: v1\nkind: Secret\ndata:\n  env: |\n${b64.match(/.{1,76}/g)!.map((l) => `    ${l}`).join('\n')}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', `add files\n\nUse ${k.message} for the demo`);
    const head = git(root, 'rev-parse', 'HEAD').trim();
    git(root, 'tag', '-a', 'v1', '-m', `release notes\nkey: ${k.tag}`);

    const { json, stdout } = scanJson(root, '--history');
    const f = byFp(json);
    expect(f.get(fingerprint(k.lock))).toMatchObject({ file: 'deps.lock', line: 2, column: 8 });
    expect(f.get(fingerprint(k.nul))).toMatchObject({ file: 'data.bin', line: 2 });
    expect(f.get(fingerprint(k.utf16))).toMatchObject({ file: 'settings.ps1', line: 1, column: 7 });
    expect(f.get(fingerprint(k.wrapped))).toMatchObject({ file: 'secret.yaml', presentAtHead: true });
    expect(f.get(fingerprint(k.message))).toMatchObject({ file: '(commit message)', line: 3, column: 5, commit: head, source: 'commit-message' });
    expect(f.get(fingerprint(k.tag))).toMatchObject({ file: '(tag message: v1)', line: 2, source: 'tag-message', commit: head });
    expect(json.findings).toHaveLength(6);
    expectNoKey(Object.values(k), { stdout });

    // A range scan reads the same: the commit's binary blobs and its message.
    const range = byFp(scanJson(root, '--range', `${head}~1..${head}`).json);
    expect([...range.keys()].sort()).toEqual([k.lock, k.nul, k.utf16, k.message, k.wrapped].map(fingerprint).sort());
    const text = runCli(['scan', root, '--history', '--fail-on', 'none']).stdout;
    expect(text).toMatch(/\(commit message\):3:5 .* in the commit message of [0-9a-f]{12}/);
  });

  it('applies the size limit to binary blobs and added lines, lists what it skipped, and stays linear on a huge line', () => {
    const k = { small: legacy(), big: legacy(), long: legacy() };
    const root = gitRepo({ 'README.md': 'x\n' });
    write(root, 'small.bin', Buffer.concat([Buffer.from([0]), Buffer.from(k.small)]));
    write(root, 'big.bin', Buffer.concat([Buffer.from([0]), Buffer.alloc(3 << 20), Buffer.from(k.big)]));
    // 12 MB of the marker on one line, then a key: the old reader was quadratic on both counts.
    const marker = ['T3Bl', 'bkFJ'].join('');
    write(root, 'minified.js', `${marker.repeat(1_500_000)} ${k.long}\nnext line\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'big things');
    const { json } = scanJson(root, '--history', '--max-file-size', '2MiB');
    expect(json.findings.map((f) => f.fingerprint)).toEqual([fingerprint(k.small)]);
    expect(json.skipped).toEqual([
      { path: 'big.bin', reason: 'too-large', detail: expect.stringMatching(/^3145780 bytes, binary, in [0-9a-f]{12}$/) },
      { path: 'minified.js', reason: 'line-too-large', detail: expect.stringMatching(/^a line of 12000052 bytes added in [0-9a-f]{12}$/) },
    ]);
    // Under a limit that admits them, both are read (the long line in linear time).
    const all = scanJson(root, '--history', '--max-file-size', '64MiB').json;
    expect(new Set(all.findings.map((f) => f.fingerprint))).toEqual(new Set(Object.values(k).map(fingerprint)));
  });
});

describe('true facts about where a key still is', () => {
  it('lists the branches and tags whose tips hold a key; removed only when none does; SARIF places only keys in the scanned tree', () => {
    const k = { tagged: legacy(), branch: legacy(), gone: legacy(), head: legacy() };
    const root = gitRepo({ 'app.env': `A=${k.tagged}\nB=${k.gone}\n`, 'main.txt': `x\n${k.head}\n` });
    git(root, 'tag', 'v1.0');
    git(root, 'checkout', '-q', '-b', 'feature');
    write(root, 'feature.env', `K=${k.branch}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'feature');
    git(root, 'checkout', '-q', 'main');
    write(root, 'app.env', 'A=from-secret\n');
    git(root, 'commit', '-qam', 'remove keys');
    git(root, 'branch', '-q', '-D', 'feature');
    git(root, 'update-ref', 'refs/heads/feature', git(root, 'rev-parse', 'main~1').trim());

    const { json } = scanJson(root, '--history');
    const f = byFp(json);
    // app.env at v1.0 (and feature, branched before the removal) still holds the "removed" keys.
    expect(f.get(fingerprint(k.tagged))).toMatchObject({ presentAtHead: false, refsHolding: 2, presentIn: [{ ref: 'refs/heads/feature', file: 'app.env', line: 1 }, { ref: 'refs/tags/v1.0', file: 'app.env', line: 1 }] });
    expect(f.get(fingerprint(k.head))).toMatchObject({ file: 'main.txt', line: 2, presentAtHead: true });

    git(root, 'tag', '-d', 'v1.0');
    git(root, 'branch', '-q', '-D', 'feature');
    const after = byFp(scanJson(root, '--history').json);
    expect(after.get(fingerprint(k.gone))).toMatchObject({ presentAtHead: false, refsHolding: 0, presentIn: [] });

    const sarif = JSON.parse(runCli(['scan', root, '--history', '--format', 'sarif', '--fail-on', 'none']).stdout);
    const run = sarif.runs[0];
    // Only the key in today's tree is a code-scanning result, at its own line; the removed ones
    // are in the properties bag with their commit, never on today's (innocent) line 1 of app.env.
    expect(run.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine])).toEqual([['main.txt', 2]]);
    expect(run.properties.keysNotInScannedTree.map((p: { fingerprint: string; commit: string; file: string }) => [p.fingerprint, p.file, p.commit.length]).sort()).toEqual(
      [[fingerprint(k.gone), 'app.env', 40], [fingerprint(k.tagged), 'app.env', 40]].sort(),
    );
  });
});

describe('every place a key appears', () => {
  it('is counted, listed up to a bound, and all formats agree on the primary place', () => {
    const key = legacy();
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`conf/app${String(i).padStart(2, '0')}.env`] = `K=${key}\n`;
    const root = gitRepo(files);
    const text = runCli(['scan', root, '--history', '--fail-on', 'none']).stdout;
    expect(text).toMatch(/^conf\/app00\.env:1:3 .*added 12 times, still in main$/m);
    expect(text).toMatch(/^ {4}added in: conf\/app00\.env \([0-9a-f]{12}\), (conf\/app\d\d\.env \([0-9a-f]{12}\), ){9}and 2 more$/m);
    const [f] = scanJson(root, '--history').json.findings as (JsonFinding & { occurrences: number; locations: unknown[] })[];
    expect(f).toMatchObject({ file: 'conf/app00.env', line: 1, column: 3, occurrences: 12 });
    expect(f!.locations).toHaveLength(12);
    const sarif = JSON.parse(runCli(['scan', root, '--history', '--format', 'sarif', '--fail-on', 'none']).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'conf/app00.env' }, region: { startLine: 1, startColumn: 3 } });
    expectNoKey([key], { text });
  });
});

describe('a damaged clone', () => {
  it('reports what it scanned, names what git could not read, and exits 2', () => {
    const k = { newer: legacy(), older: legacy() };
    const root = gitRepo({ 'old.txt': `K=${k.older}\nunreadable soon\n` });
    const lost = git(root, 'rev-parse', 'HEAD:old.txt').trim();
    write(root, 'new.txt', `K=${k.newer}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'newer');
    git(root, 'rm', '-q', 'old.txt');
    git(root, 'commit', '-qm', 'drop old');
    // A partial clone or a disk error: the blob of the oldest commit is gone.
    rmSync(path.join(root, '.git/objects', lost.slice(0, 2), lost.slice(2)));
    const r = runCli(['scan', root, '--history', '--format', 'json', '--fail-on', 'none']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as Json & { unreadable: string[] };
    expect(json.findings.map((f) => f.fingerprint)).toEqual([fingerprint(k.newer)]);
    expect(json.unreadable).toEqual([expect.stringMatching(new RegExp(`^blob ${lost} of old\\.txt in [0-9a-f]{12}: missing$`))]);
    expect(r.stderr).toContain(`could not read blob ${lost} of old.txt`);
    expectNoKey(Object.values(k), { stdout: r.stdout, stderr: r.stderr });
  });
});
