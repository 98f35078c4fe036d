// `npm run demo`: the whole flow on an embedded example. Builds a small repository with keys of
// every format planted at run time (plus placeholders and other vendors' keys that must NOT be
// reported), then runs the bundled CLI and the bundled action on it, the way users and the
// Actions runner do, and prints what happened.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MARKER, oneOfEach, randomString } from '../test/helpers/keygen.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'keyguard-demo-'));
const put = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), text);
};
try {
  const planted = oneOfEach();
  planted.forEach(({ shape, key }, i) => put(`services/svc${i}/.env.production`, `# ${shape.name}\nOPENAI_API_KEY=${key}\n`));
  put('deploy/secret.yaml', `apiVersion: v1\nkind: Secret\ndata:\n  OPENAI_API_KEY: ${Buffer.from(planted[3]!.key).toString('base64')}\n`);
  put('docs/setup.md', 'Set `OPENAI_API_KEY=sk-...` or `sk-proj-XXXX…` in your shell.\n');
  put('docs/fake.md', `sk-proj-${'a'.repeat(74)}${MARKER}${'a'.repeat(74)}\n`);
  put('other/vendors.txt', `sk-ant-api03-${randomString(95, 'abcdefghijklmnopqrstuvwxyz0123456789')}\nsk-or-v1-${randomString(64, '0123456789abcdef')}\n`);
  put('src/app.py', 'import os\nfrom openai import OpenAI\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n');
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  execFileSync('git', ['add', '-A'], { cwd: repo });
  execFileSync('git', ['-c', 'user.name=demo', '-c', 'user.email=demo@example.test', 'commit', '-qm', 'demo'], { cwd: repo });

  console.log(`Demo repository: ${planted.length} keys planted (one per format) and one base64-encoded in a Kubernetes Secret;`);
  console.log('placeholders, a no-entropy key shape and other vendors\' sk- keys that must not be reported.\n');

  console.log('$ keyguard scan <demo repo>');
  const cli = spawnSync(process.execPath, ['dist/cli/index.js', 'scan', repo], { encoding: 'utf8' });
  process.stdout.write(cli.stdout + cli.stderr);
  console.log(`(exit code ${cli.status}: 1 means keys were found)\n`);

  console.log('$ the action, as the runner starts it (node dist/index.js with INPUT_* variables)');
  const runnerTemp = mkdtempSync(path.join(tmpdir(), 'keyguard-demo-runner-'));
  const outputFile = path.join(runnerTemp, 'output');
  const summaryFile = path.join(runnerTemp, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const action = spawnSync(process.execPath, ['dist/index.js'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repo, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, INPUT_MODE: 'scan', 'INPUT_FAIL-ON': 'any' },
  });
  // The runner hides ::add-mask:: lines; so does the demo.
  const visible = action.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
  console.log(visible.slice(0, 4).join('\n'));
  if (visible.length > 5) console.log(`… ${visible.length - 4} more lines`);
  console.log(`(step ${action.status === 0 ? 'passed' : 'failed'}, as it should with keys present)\n`);
  const outputs = [...readFileSync(outputFile, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map((m) => `${m[1]}=${m[3]}`);
  console.log(`Outputs: ${outputs.join('  ')}`);
  console.log('\nJob summary:\n' + readFileSync(summaryFile, 'utf8'));

  const everything = cli.stdout + cli.stderr + visible.join('\n') + readFileSync(summaryFile, 'utf8');
  const leaked = planted.filter(({ key }) => everything.includes(key)).length;
  const expected = planted.length + 1;
  const found = (cli.stdout.match(/^\S+:\d+:\d+ /gm) ?? []).length;
  console.log(`Found ${found} of ${expected} planted findings; whole keys printed: ${leaked}.`);
  rmSync(runnerTemp, { recursive: true, force: true });
  process.exitCode = found === expected && leaked === 0 && cli.status === 1 ? 0 : 1;
} finally {
  rmSync(repo, { recursive: true, force: true });
}
