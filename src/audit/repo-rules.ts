import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml';
import { detectKeys } from '../detect/index.ts';
import type { AuditFinding } from './finding.ts';

/*
 * Repository rules: how code and workflows get their OpenAI keys. Pure: file text in, findings
 * out. Messages never quote the literal: it may be a key.
 */

const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|ipynb)$/i;
const ENV_FILE = /(?:^|\/)\.env(?:\.[^/]*)?$/;
const ENV_EXAMPLE = /\.(?:example|sample|template|dist|defaults?)$/i;

export const isCodeFile = (path: string) => CODE_FILE.test(path);
export const isWorkflowFile = (path: string) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A JS/TS `apiKey` property, a Python client's `api_key` argument, or `openai.api_key`, given a string literal. */
const LITERAL_PATTERNS: readonly RegExp[] = [
  /\bapiKey\s*:\s*(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g,
  /\b(?:Async|Azure)?OpenAI\s*\([^)]*?\bapi_key\s*=\s*(["'])((?:(?!\1)[^\\\n]|\\.)*)\1/g,
  /\bopenai\.api_key\s*=\s*(["'])((?:(?!\1)[^\\\n]|\\.)*)\1/g,
];

export function clientLiteralRule(file: string, text: string): AuditFinding[] {
  if (!/openai/i.test(text)) return [];
  const out: AuditFinding[] = [];
  for (const re of LITERAL_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const value = m[2]!;
      // Empty strings, template literals that read the environment and bare ellipses (documentation)
      // are not literals of a key.
      if (value === '' || value.includes('${') || /^(?:\.{3}|…)$/.test(value)) continue;
      const line = lineAt(text, m.index!);
      const isKey = detectKeys(value).length > 0;
      out.push({
        rule: 'client-literal-api-key',
        severity: isKey ? 'critical' : 'medium',
        target: `${file}:${line}`,
        file,
        line,
        message: isKey ? 'An OpenAI client is built with a literal key.' : 'An OpenAI client is built with a literal string as its API key (a placeholder today is a key tomorrow).',
        fix: 'Read the key from the environment: OpenAI() with no apiKey reads OPENAI_API_KEY (Python: os.environ["OPENAI_API_KEY"]); set it from a secret.',
      });
    }
  }
  return out;
}

export function trackedEnvFileRule(file: string, text: string): AuditFinding[] {
  if (!ENV_FILE.test(file) || ENV_EXAMPLE.test(file)) return [];
  const assigns = /^\s*(?:export\s+)?OPENAI_[A-Z_]*KEY\s*=\s*['"]?[^\s'"#]+/m.exec(text);
  return [
    {
      rule: 'env-file-tracked',
      severity: assigns ? 'high' : 'medium',
      target: file,
      file,
      ...(assigns ? { line: lineAt(text, assigns.index) } : {}),
      message: assigns ? `${file} is tracked by git and sets an OpenAI key.` : `${file} is tracked by git; .env files hold secrets.`,
      fix: `git rm --cached ${file}, add it to .gitignore, and keep a ${file}.example with empty values instead.`,
    },
  ];
}

export function gitignoreEnvRule(envIgnored: boolean): AuditFinding[] {
  if (envIgnored) return [];
  return [{ rule: 'gitignore-missing-env', severity: 'medium', target: '.gitignore', file: '.gitignore', message: '.gitignore does not ignore .env files, so a local .env can be committed by accident.', fix: 'Add the lines .env* and !.env.example to .gitignore.' }];
}

const SECRET_EXPR = /\$\{\{\s*secrets\.[A-Za-z0-9_]+\s*\}\}/;

/** Workflow rules: literal keys in env and inputs, secrets echoed in `run:`, pwn requests. */
export function workflowRules(file: string, text: string): AuditFinding[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) return [];
  const out: AuditFinding[] = [];
  const lineOf = (n: Node | null | undefined) => (n?.range ? lines.linePos(n.range[0]).line : 1);
  const push = (f: Omit<AuditFinding, 'target' | 'file'> & { line: number }) => out.push({ ...f, target: `${file}:${f.line}`, file });

  /** Calls `onValue` for every string value with its key and the path of keys above it. */
  const walk = (node: unknown, key: string | undefined, under: string[], onValue: (node: Scalar<string>, key: string, under: string[]) => void) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        walk(pair.value, String(pair.key.value), [...under, String(pair.key.value)], onValue);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item) => walk(item, key, under, onValue));
    } else if (isScalar(node) && typeof node.value === 'string' && key) {
      onValue(node as Scalar<string>, key, under);
    }
  };
  // Names of environment variables set from secrets anywhere in the workflow (a step may echo a
  // variable that a job-level env defines further down the file).
  const secretVars = new Set<string>();
  walk(doc.contents, undefined, [], (node, key, under) => {
    if (under.at(-2) === 'env' && SECRET_EXPR.test(node.value)) secretVars.add(key);
  });
  walk(doc.contents, undefined, [], (node, key, under) => {
    const value = node.value;
    const parent = under.at(-2);
    const keyish = /openai.*(?:key|token)|api[_-]?key/i.test(key);
    if ((parent === 'env' || parent === 'with') && keyish && value.trim() !== '' && !value.includes('${{')) {
      const isKey = detectKeys(value).length > 0;
      push({ rule: 'workflow-literal-key', severity: isKey ? 'critical' : 'high', line: lineOf(node), message: `${key} is set to a literal in the workflow, not from a secret.`, fix: `Store the key as a repository or organization secret and use ${'${{ secrets.OPENAI_API_KEY }}'}.` });
    }
    if (key === 'run') {
      const runLine = lineOf(node);
      value.split('\n').forEach((l, i) => {
        const echoes = /\b(?:echo|printf|print|cat\s*<<)\b/.test(l);
        const mentionsSecret = SECRET_EXPR.test(l) || [...secretVars].some((v) => new RegExp(`\\$\\{?${v}\\b`).test(l));
        if (echoes && mentionsSecret && !/>>\s*"?\$GITHUB_(?:ENV|OUTPUT)/.test(l) && !/::add-mask::/.test(l)) {
          push({ rule: 'workflow-echoes-secret', severity: 'high', line: runLine + i + (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 1 : 0), message: 'A run step prints a secret; masking hides exact matches only, and transformed values leak.', fix: 'Do not print secrets; pass them to the program through env: and let it read them.' });
        }
      });
    }
  });

  // pull_request_target runs with secrets; checking out the PR head there runs untrusted code with them.
  const on = doc.get('on');
  const triggers = isMap(on) ? on.items.map((p) => String((p.key as { value?: unknown })?.value)) : isSeq(on) ? on.items.map((i) => String((i as { value?: unknown }).value)) : [String(on ?? '')];
  if (triggers.includes('pull_request_target')) {
    const headRef = /\$\{\{\s*github\.(?:event\.pull_request\.head\.(?:sha|ref)|head_ref)\s*\}\}|refs\/pull\//;
    const checkout = /uses:\s*actions\/checkout@[\s\S]*?ref:\s*([^\n]+)/g;
    for (const m of text.matchAll(checkout)) {
      if (!headRef.test(m[1]!)) continue;
      if (!/secrets\.[A-Za-z0-9_]*OPENAI|OPENAI_[A-Z_]*KEY/i.test(text)) continue;
      push({ rule: 'pwn-request', severity: 'critical', line: lineAt(text, m.index!), message: 'A pull_request_target workflow checks out the pull request head and exposes an OpenAI secret: the PR author\'s code runs with it.', fix: 'Use the pull_request event for untrusted code, or never check out the head in pull_request_target; keep secrets out of that job.' });
    }
  }
  return out;
}
