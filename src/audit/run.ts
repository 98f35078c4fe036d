import type { Config } from '../config.ts';
import { kindLabel } from '../detect/index.ts';
import type { Logger } from '../logger.ts';
import type { Inventory } from '../openai/types.ts';
import { scanWorktree } from '../scan/worktree-scan.ts';
import { git, gitTopLevel } from '../sources/git.ts';
import { FileReader, listWorktree } from '../sources/worktree.ts';
import { triageFrom } from '../scan/triage.ts';
import { sortFindings, type AuditFinding } from './finding.ts';
import { auditOrganization } from './org-rules.ts';
import { clientLiteralRule, gitignoreEnvRule, isCodeFile, isWorkflowFile, trackedEnvFileRule, workflowRules } from './repo-rules.ts';

export interface AuditResult {
  readonly findings: readonly AuditFinding[];
  readonly stats: { readonly filesChecked: number; readonly workflows: number; readonly organization: { readonly projects: number; readonly keys: number; readonly adminKeys: number; readonly requests: number } | null };
}

/** Whether git (or, outside a repository, the root .gitignore) ignores a `.env` file. */
async function envIgnored(root: string, inGit: boolean, reader: FileReader): Promise<boolean> {
  if (inGit) {
    try {
      await git(root, ['check-ignore', '-q', '--no-index', '.env']);
      return true;
    } catch {
      return false;
    }
  }
  const read = reader.read('.gitignore');
  if (read.kind !== 'file') return false;
  const { default: ignore } = await import('ignore');
  return ignore().add(read.data.toString('utf8')).ignores('.env');
}

/**
 * The audit: repository rules always (literal keys, clients given literals, tracked .env files,
 * .gitignore, workflows), organization rules when an inventory source is given (an admin key).
 */
export async function runAudit(settings: { root: string; config: Config; now: number }, deps: { logger: Logger; inventory?: () => Promise<Inventory> }): Promise<AuditResult> {
  const { root, config } = settings;
  const findings: AuditFinding[] = [];

  const scan = await scanWorktree({ root, config, threads: 'auto' }, deps);
  for (const f of scan.findings) {
    findings.push({ rule: 'literal-key', severity: 'critical', target: `${f.file}:${f.line}`, file: f.file, line: f.line, message: `An OpenAI ${kindLabel(f.kind)} ${f.redacted} is committed (fingerprint ${f.fingerprint}).`, fix: 'Revoke it, store the new key as a secret, read it from OPENAI_API_KEY, and purge it from history (keyguard scan --history).' });
  }

  const allowed = triageFrom(config);
  const inGit = (await gitTopLevel(root)) !== undefined;
  const reader = new FileReader(root, config.scan.maxFileSize);
  let filesChecked = 0;
  let workflows = 0;
  for await (const batch of listWorktree(root)) {
    for (const file of batch) {
      if (allowed.pathAllowed(file)) continue;
      const code = isCodeFile(file);
      const workflow = isWorkflowFile(file);
      const env = /(?:^|\/)\.env(?:\.[^/]*)?$/.test(file);
      if (!code && !workflow && !env) continue;
      const read = reader.read(file);
      if (read.kind !== 'file') continue;
      const text = read.data.toString('utf8');
      filesChecked++;
      if (code) findings.push(...clientLiteralRule(file, text));
      if (env && inGit) findings.push(...trackedEnvFileRule(file, text));
      if (workflow) {
        workflows++;
        findings.push(...workflowRules(file, text));
      }
    }
  }
  findings.push(...gitignoreEnvRule(await envIgnored(root, inGit, reader)));

  let organization: AuditResult['stats']['organization'] = null;
  if (deps.inventory) {
    const inv = await deps.inventory();
    findings.push(...auditOrganization(inv, config.audit, settings.now));
    organization = { projects: inv.projects.length, keys: inv.projectKeys.length, adminKeys: inv.adminKeys.length, requests: inv.requests };
  }
  return { findings: sortFindings(findings), stats: { filesChecked, workflows, organization } };
}
