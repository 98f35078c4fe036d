// Builds the action (dist/index.js) and the CLI (dist/cli/index.js) with @vercel/ncc.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const ncc = (entry, out) => execFileSync('ncc', ['build', entry, '-o', out, '--minify', '--no-source-map-register', '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });
ncc('src/index.ts', 'dist');
ncc('src/cli.ts', 'dist/cli');
chmodSync('dist/cli/index.js', 0o755);
