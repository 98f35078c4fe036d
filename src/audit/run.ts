import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Inventory } from '../openai/types.ts';
import { scanWorktree } from '../scan/worktree-scan.ts';
import { git, gitTopLevel } from '../sources/git.ts';
import { FileReader } from '../sources/file-reader.ts';
import { listWorktree } from '../sources/worktree.ts';
import { triageFrom } from '../scan/triage.ts';
import { findingsOf, sortFindings, type AuditFinding } from './finding.ts';
import { auditOrganization } from './org-rules.ts';
import { FILE_KINDS, REPO_RULES, rulesForFile, type RepoFacts } from './repo-rules.ts';

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
 * The audit: the repository rules (REPO_RULES) always, the organization rules (ORG_RULES) when an
 * inventory source is given (an admin key).
 */
export async function runAudit(settings: { root: string; config: Config; now: number }, deps: { logger: Logger; inventory?: () => Promise<Inventory> }): Promise<AuditResult> {
  const { root, config } = settings;
  const findings: AuditFinding[] = [];

  const scan = await scanWorktree({ root, config, threads: 'auto' }, deps);
  const allowed = triageFrom(config);
  const inGit = (await gitTopLevel(root)) !== undefined;
  const reader = new FileReader(root, config.scan.maxFileSize);
  const repo: RepoFacts = { inGit, envIgnored: await envIgnored(root, inGit, reader), keys: scan.findings };
  let filesChecked = 0;
  let workflows = 0;
  // File by file: a file's text is dropped once its rules have read it.
  for await (const batch of listWorktree(root)) {
    for (const file of batch) {
      const rules = allowed.pathAllowed(file) ? [] : rulesForFile(file);
      if (rules.length === 0) continue;
      const read = reader.read(file);
      if (read.kind !== 'file') continue;
      const text = read.data.toString('utf8');
      filesChecked++;
      if (FILE_KINDS.workflow(file)) workflows++;
      for (const rule of rules) findings.push(...findingsOf(rule, rule.check(file, text, repo)));
    }
  }
  for (const rule of REPO_RULES) if (rule.appliesTo === 'repository') findings.push(...findingsOf(rule, rule.check(repo)));

  let organization: AuditResult['stats']['organization'] = null;
  if (deps.inventory) {
    const inv = await deps.inventory();
    findings.push(...auditOrganization(inv, config.audit, settings.now));
    organization = { projects: inv.projects.length, keys: inv.projectKeys.length, adminKeys: inv.adminKeys.length, requests: inv.requests };
  }
  return { findings: sortFindings(findings), stats: { filesChecked, workflows, organization } };
}
