import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(REPO_ROOT, 'dist/cli/index.js');
export const ACTION = path.join(REPO_ROOT, 'dist/index.js');

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * What a hostile job environment sets for the `openai` SDK, which reads these by default: every
 * run of the action and the CLI in tests has them, and keyguard must ignore all four. The base
 * URL is a closed loopback port: a request sent there fails, and the test with it.
 */
export const HOSTILE_OPENAI_ENV = {
  OPENAI_ORG_ID: 'org-hostile',
  OPENAI_PROJECT_ID: 'proj_hostile',
  OPENAI_CUSTOM_HEADERS: 'OpenAI-Organization: org-hostile\nX-Forward-To: attacker.test',
  OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
} as const;

/** Runs the bundled CLI as a user would. */
export function runCli(args: string[], cwd = REPO_ROOT, env: NodeJS.ProcessEnv = {}): Ran {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...HOSTILE_OPENAI_ENV, ...env }, maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Environment variables that the Actions runner sets, without any of the host's INPUT_ or GITHUB_. */
export function runnerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && !k.startsWith('RUNNER_')));
  return { ...base, ...HOSTILE_OPENAI_ENV, ...extra };
}

const inputEnv = (inputs: Record<string, string>) => Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));

/** Runs the bundled action the way the runner starts it: `node dist/index.js` with INPUT_* variables. */
export function runAction(inputs: Record<string, string>, env: Record<string, string>): Ran {
  const r = spawnSync(process.execPath, [ACTION], { cwd: env.GITHUB_WORKSPACE, encoding: 'utf8', env: runnerEnv({ ...env, ...inputEnv(inputs) }), maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same, without blocking this process: needed when the fakes the action talks to run in
 * this process too (a blocking spawn would starve them).
 */
export function runActionAsync(inputs: Record<string, string>, env: Record<string, string>): Promise<Ran> {
  return spawnAsync(process.execPath, [ACTION], { cwd: env.GITHUB_WORKSPACE, env: runnerEnv({ ...env, ...inputEnv(inputs) }) });
}

/** The bundled CLI, without blocking this process; only PATH and `env` from the environment. */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<Ran> {
  return spawnAsync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...HOSTILE_OPENAI_ENV, ...env }, ...(cwd ? { cwd } : {}) });
}

/** A child process, collected: exit code, stdout and stderr. */
export function spawnAsync(cmd: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The files and variables the runner provides to a step, and readers for what the step wrote. */
export function runnerFiles(workspace: string, tempDir: string) {
  const files = { output: `${tempDir}/output`, summary: `${tempDir}/summary.md`, event: `${tempDir}/event.json` };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, '{}');
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: tempDir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_ACTIONS: 'true',
    // Verification is on by default: the input points it at a closed loopback port unless a test
    // gives the fake's URL (inputs given to runAction override this one).
    'INPUT_OPENAI-BASE-URL': 'http://127.0.0.1:9/v1',
  };
  const outputs = () => {
    const out: Record<string, string> = {};
    // The runner's heredoc format: name<<DELIM \n value \n DELIM
    for (const m of readFileSync(files.output, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
    return out;
  };
  const event = (name: string, payload: object) => {
    writeFileSync(files.event, JSON.stringify(payload));
    env.GITHUB_EVENT_NAME = name;
  };
  return { env, files, outputs, event, summary: () => readFileSync(files.summary, 'utf8') };
}
