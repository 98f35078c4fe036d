import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import { actionsLogger } from './action/logger.ts';
import { scopeForEvent } from './action/scope.ts';
import { kindLabel } from './detect/index.ts';
import { ConfigurationError, errorMessage } from './errors.ts';
import { renderJson } from './output/json.ts';
import { renderSarif } from './output/sarif.ts';
import { renderSummary } from './output/summary.ts';
import { gitNote } from './output/text.ts';
import { shouldFail, type ScanResult } from './scan/finding.ts';
import { describeScope, runScan, type ScanScope } from './scan/index.ts';
import { resolveScanOptions } from './settings.ts';

const MODES = ['scan'] as const;

export type ActionResult =
  | { readonly ok: true; readonly result: ScanResult; readonly failed: boolean }
  | { readonly ok: false; readonly error: string };

/** The action: inputs in, outputs, annotations and summary out. The only reader of core.getInput. */
export async function run(): Promise<ActionResult> {
  const logger = actionsLogger();
  try {
    const mode = core.getInput('mode') || 'scan';
    if (!(MODES as readonly string[]).includes(mode)) throw new ConfigurationError(`input mode: expected one of ${MODES.join(', ')}, got "${mode}"`);
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const input = (name: string) => core.getInput(name) || undefined;
    const options = await resolveScanOptions(
      {
        path: input('path'),
        config: input('config'),
        'fail-on': input('fail-on'),
        'max-file-size': input('max-file-size'),
        'scan-scope': input('scan-scope') ?? 'auto',
        baseline: input('baseline'),
      },
      (k) => `input ${k}`,
      workspace,
    );
    const notes: string[] = [];
    let scope: ScanScope | undefined;
    if (options.scope.type === 'event') {
      const requested = (input('scan-scope') ?? 'auto') as 'auto' | 'range';
      const choice = await scopeForEvent(requested, context.eventName, context.payload, options.root, logger);
      if (choice.note) notes.push(choice.note);
      if (!choice.scope && requested === 'range') throw new ConfigurationError(choice.note);
      scope = choice.scope;
    } else {
      scope = options.scope;
    }
    const result: ScanResult = scope
      ? await runScan({ root: options.root, config: options.config, scope, baseline: options.baseline }, { logger })
      : { target: options.root, findings: [], skipped: [], stats: { filesScanned: 0, bytesScanned: 0, filesSkipped: 0, allowed: 0, baselined: 0, durationMs: 0 } };
    core.info(`keyguard: scanned the ${scope ? describeScope(scope) : 'nothing'}`);

    // Annotations and SARIF name paths from the repository root, whatever sub-directory was scanned.
    const rel = path.relative(workspace, options.root).split(path.sep).join('/');
    const prefix = rel && !rel.startsWith('..') ? `${rel}/` : '';
    for (const f of result.findings) {
      // Annotate where the key is now when it still is; else where it was first committed.
      const at = f.git?.atHead ?? f;
      core.error(`OpenAI ${kindLabel(f.kind)} ${f.redacted} is committed here (fingerprint ${f.fingerprint}${gitNote(f).replace(/^ +/, '; ')}). Revoke it and read the key from a secret instead.`, {
        title: 'Leaked OpenAI key',
        file: prefix + at.file,
        startLine: at.line,
        startColumn: at.column,
        endColumn: at.column + (f.endColumn - f.column),
      });
    }
    const outDir = process.env.RUNNER_TEMP || os.tmpdir();
    const sarifFile = input('sarif-file') ?? path.join(outDir, 'keyguard.sarif');
    const jsonFile = path.join(outDir, 'keyguard.json');
    await writeFile(sarifFile, renderSarif(result, prefix));
    await writeFile(jsonFile, renderJson(result));
    await core.summary.addRaw(renderSummary(result, prefix, scope ? describeScope(scope) : 'nothing', notes)).write();

    core.setOutput('findings', result.findings.length);
    core.setOutput('keys', new Set(result.findings.map((f) => f.fingerprint)).size);
    core.setOutput('sarif-file', sarifFile);
    core.setOutput('json-file', jsonFile);
    const failed = shouldFail(result, options.failOn);
    if (failed) core.setFailed(`keyguard found ${result.findings.length} OpenAI key finding(s); see the annotations and the job summary.`);
    else core.info(`keyguard: ${result.findings.length} findings in ${result.stats.filesScanned} files.`);
    return { ok: true, result, failed };
  } catch (e) {
    const message = e instanceof ConfigurationError ? `${e.message}\nSee the inputs in the README.` : `keyguard failed: ${errorMessage(e)}`;
    core.setFailed(message);
    return { ok: false, error: message };
  }
}
