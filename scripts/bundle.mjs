// Builds the action (dist/index.js) and the CLI (dist/cli/index.js) with @vercel/ncc.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const ncc = (entry, out) => execFileSync('ncc', ['build', entry, '-o', out, '--minify', '--no-source-map-register', '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });
ncc('src/index.ts', 'dist');
ncc('src/cli-entry.ts', 'dist/cli');
chmodSync('dist/cli/index.js', 0o755);
// The scan worker thread, beside each entry that starts it (src/scan/pool.ts).
ncc('src/scan/worker.ts', 'dist/.worker');
for (const dir of ['dist', 'dist/cli']) copyFileSync('dist/.worker/index.js', `${dir}/scan-worker.js`);
rmSync('dist/.worker', { recursive: true });
