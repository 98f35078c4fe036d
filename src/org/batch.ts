import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.ts';
import { ConfigurationError, errorMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { readExposure, type ExposedKey, type UsageSource } from '../exposure/exposure.ts';
import { OpenAIAdmin } from '../openai/admin-client.ts';
import { renderJson } from '../output/json.ts';
import type { RespondSummary } from '../respond/respond.ts';
import { runLeakResponse } from '../respond/wire.ts';
import type { ScanResult } from '../scan/finding.ts';
import { runScan } from '../scan/index.ts';
import type { RespondOptions } from '../settings.ts';
import { git, headCommit } from '../sources/git.ts';
import { MAX_MATRIX_JOBS, batchOf } from './discover.ts';
import { count } from '../text/count.ts';

const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** Reads the list discover wrote (one `owner/name` a line), refusing anything else by line number. */
export async function readRepositoryList(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigurationError(`${file}: cannot read the repository list (${(e as NodeJS.ErrnoException).code ?? errorMessage(e)})`);
  }
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const name = line.trim();
    if (!name) return;
    // Names become clone URLs and paths: `..` or a leading `-` must never reach git.
    if (!REPOSITORY.test(name) || name.split('/').some((p) => p === '.' || p === '..')) throw new ConfigurationError(`${file}:${i + 1}: expected owner/name, got "${name.slice(0, 100)}"`);
    out.push(name);
  });
  return out;
}

/** `I/K` (0-based batch I of K), as the scan matrix passes it. */
export function parseBatch(text: string | undefined, name: string): { index: number; batches: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text?.trim() ?? '');
  const index = Number(m?.[1]);
  const batches = Number(m?.[2]);
  if (!m || batches < 1 || batches > MAX_MATRIX_JOBS || index >= batches) throw new ConfigurationError(`${name}: expected I/K with 0 <= I < K <= ${MAX_MATRIX_JOBS} (batch I of K), got "${text ?? ''}"`);
  return { index, batches };
}

export interface BatchRequest {
  readonly repositories: readonly string[];
  readonly index: number;
  readonly batches: number;
  /** `GITHUB_SERVER_URL`: clones come from `<server>/<owner>/<name>.git`. */
  readonly serverUrl: string;
  readonly token: string | undefined;
  readonly outDir: string;
  readonly config: Config;
  readonly respond: RespondOptions;
}

export interface BatchResult {
  readonly scanned: readonly { readonly repository: string; readonly commits: number; readonly keys: number; readonly seconds: number }[];
  readonly failed: readonly { readonly repository: string; readonly error: string }[];
  readonly keys: number;
}

/** The checkout action's way to authenticate git over HTTPS, for this one command only. */
const authConfig = (token: string | undefined) => (token ? ['-c', `http.extraheader=AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`] : []);

/** A report written before the batch's one read of the use since exposure, rewritten after it. */
interface AwaitingExposure {
  readonly file: string;
  readonly repository: string;
  readonly result: ScanResult;
  readonly summary: RespondSummary | undefined;
  readonly keys: readonly ExposedKey[];
}

/**
 * Scans batch `index` of `batches`: each repository is cloned (every branch and tag), its whole
 * history scanned, the leak response run (verify, match, opt-in revocation; issues are the
 * aggregate job's), and its JSON report written to `outDir`. With the admin key, the use since
 * exposure of every key the batch matched is read once at the end (a read per repository cost 7
 * requests each) and the reports holding them rewritten. A repository that cannot be cloned or
 * scanned is reported and the rest go on; the caller fails the job when any did.
 */
export async function scanBatch(request: BatchRequest, logger: Logger): Promise<BatchResult> {
  const mine = batchOf(request.repositories, request.index, request.batches);
  if (request.token) logger.mask(request.token);
  await mkdir(request.outDir, { recursive: true });
  const scanned: BatchResult['scanned'][number][] = [];
  const failed: BatchResult['failed'][number][] = [];
  const awaiting: AwaitingExposure[] = [];
  let keys = 0;
  logger.info(`keyguard: batch ${request.index + 1} of ${request.batches}: ${mine.length} of ${request.repositories.length} repositories`);
  for (const [i, repository] of mine.entries()) {
    const started = Date.now();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'keyguard-batch-'));
    try {
      const url = `${request.serverUrl.replace(/\/+$/, '')}/${repository}.git`;
      await git(dir, [...authConfig(request.token), 'clone', '--quiet', '--no-checkout', '--', url, 'repo']);
      const root = path.join(dir, 'repo');
      let result: ScanResult = await runScan({ root, config: request.config, scope: { type: 'history' } }, { logger });
      const sha = await headCommit(root);
      // Leak response hands over the keys it matched; their figures come from the batch's one read.
      const exposed: ExposedKey[] = [];
      const exposure = async (found: readonly ExposedKey[]) => {
        exposed.push(...found);
        return new Map();
      };
      const responded = await runLeakResponse(result, request.respond, { logger, repo: { serverUrl: request.serverUrl, repository, sha }, exposure });
      if (responded) result = responded.result;
      const file = path.join(request.outDir, `${repository.replace('/', '__')}.json`);
      await writeFile(file, renderJson(result, responded?.summary, repository));
      if (exposed.length) awaiting.push({ file, repository, result, summary: responded?.summary, keys: exposed });
      const found = new Set(result.findings.map((f) => f.fingerprint)).size;
      keys += found;
      const seconds = (Date.now() - started) / 1000;
      const commits = result.stats.commitsScanned ?? 0;
      scanned.push({ repository, commits, keys: found, seconds });
      logger.info(`keyguard: [${i + 1}/${mine.length}] ${repository}: ${count(found, 'key')} in ${count(commits, 'commit')} (${seconds.toFixed(1)} s)`);
    } catch (e) {
      const error = errorMessage(e);
      failed.push({ repository, error });
      logger.error(`keyguard: [${i + 1}/${mine.length}] ${repository}: not scanned: ${error}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const { adminKey, openaiBaseUrl } = request.respond;
  if (awaiting.length && adminKey) await addExposure(awaiting, new OpenAIAdmin({ adminKey, baseURL: openaiBaseUrl, logger }), logger);
  return { scanned, failed, keys };
}

/** One read for every repository's keys; each key's figures count from its own repository's exposure. */
async function addExposure(awaiting: readonly AwaitingExposure[], source: UsageSource, logger: Logger): Promise<void> {
  let exposureOf: Awaited<ReturnType<typeof readExposure>> | undefined;
  let note: string | undefined;
  try {
    exposureOf = await readExposure(awaiting.flatMap((a) => a.keys), source, Math.floor(Date.now() / 1000));
  } catch (e) {
    const message = errorMessage(e);
    logger.warning(`keyguard: could not read the usage since exposure: ${message}`);
    note = `Usage since exposure could not be read: ${message}`;
  }
  for (const { file, repository, result, summary, keys } of awaiting) {
    const byId = new Map(keys.map((k) => [k.keyId, exposureOf?.(k)]));
    const findings = result.findings.map((f) => {
      const match = f.response?.match;
      const exposure = match?.type === 'matched' ? byId.get(match.keyId) : undefined;
      return exposure ? { ...f, response: { ...f.response, exposure } } : f;
    });
    await writeFile(file, renderJson({ ...result, findings }, summary && note ? { ...summary, notes: [...summary.notes, note] } : summary, repository));
  }
}
