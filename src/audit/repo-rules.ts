import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml';
import { detectKeys, kindLabel } from '../detect/index.ts';
import type { Finding } from '../scan/finding.ts';
import type { AuditHit, RuleSpec } from './finding.ts';

/*
 * Repository rules: how code and workflows get their OpenAI keys. Pure: file text in, findings
 * out. Messages never quote the literal: it may be a key.
 */

const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|ipynb)$/i;
const ENV_FILE = /(?:^|\/)\.env(?:\.[^/]*)?$/;
const ENV_EXAMPLE = /\.(?:example|sample|template|dist|defaults?)$/i;

/** The files a file rule reads. */
export const FILE_KINDS = {
  code: (path: string) => CODE_FILE.test(path),
  workflow: (path: string) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path),
  env: (path: string) => ENV_FILE.test(path),
} as const;

/** What the repository rules know of the repository as a whole. */
export interface RepoFacts {
  readonly inGit: boolean;
  /** Whether git (or, outside a repository, the root .gitignore) ignores a `.env` file. */
  readonly envIgnored: boolean;
  /** The keys the scan of the working tree found. */
  readonly keys: readonly Finding[];
}

/**
 * A sample repository for a rule's test: path → content, where `{n}`, `{~n}` and `{M}` make a key at
 * run time (as in the key kind samples), so that no source line holds one.
 */
export type RepoSample = Readonly<Record<string, string>>;

/** A repository rule: over each file of a kind (text in), or over the repository's facts. */
export type RepoRule = RuleSpec<RepoSample> &
  (
    | { readonly appliesTo: keyof typeof FILE_KINDS; readonly check: (file: string, text: string, repo: RepoFacts) => readonly AuditHit[] }
    | { readonly appliesTo: 'repository'; readonly check: (repo: RepoFacts) => readonly AuditHit[] }
  );

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

const SECRET_EXPR = /\$\{\{\s*secrets\.[A-Za-z0-9_]+\s*\}\}/;

type Walked = { node: Scalar<string>; key: string; under: string[] };

/** A workflow's string values with their key and the path of keys above them; undefined when it does not parse. */
function workflowValues(text: string): { values: Walked[]; lineOf: (n: Node) => number; doc: ReturnType<typeof parseDocument> } | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) return undefined;
  const values: Walked[] = [];
  const walk = (node: unknown, key: string | undefined, under: string[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        walk(pair.value, String(pair.key.value), [...under, String(pair.key.value)]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item) => walk(item, key, under));
    } else if (isScalar(node) && typeof node.value === 'string' && key) {
      values.push({ node: node as Scalar<string>, key, under });
    }
  };
  walk(doc.contents, undefined, []);
  return { values, lineOf: (n) => (n.range ? lines.linePos(n.range[0]).line : 1), doc };
}

const at = (file: string, line: number) => ({ target: `${file}:${line}`, file, line });

const WORKFLOW_GOOD = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n    steps:\n      - run: node app.js\n';

/**
 * The repository rules, in README's order. A new rule is an entry here; README's table and the
 * generic test (test/audit-rules.test.ts) follow.
 */
export const REPO_RULES: readonly RepoRule[] = [
  {
    id: 'literal-key',
    severity: ['critical'],
    doc: 'an OpenAI key committed in the working tree (the scan\'s findings)',
    appliesTo: 'repository',
    check: (repo) => repo.keys.map((f) => ({ ...at(f.file, f.line), message: `An OpenAI ${kindLabel(f.kind)} ${f.redacted} is committed (fingerprint ${f.fingerprint}).`, fix: 'Revoke it, store the new key as a secret, read it from OPENAI_API_KEY, and purge it from history (keyguard scan --history).' })),
    samples: { positive: [{ 'config.json': '{"key": "sk-proj-{20}{M}{20}"}' }], negative: [{ 'config.json': '{"key": "sk-proj-{X*20}{M}{X*20}"}' }] },
  },
  {
    id: 'client-literal-api-key',
    severity: ['critical', 'medium'],
    doc: '`new OpenAI({ apiKey: "…" })`, Python `OpenAI(api_key="…")` or `openai.api_key = "…"` given a string literal (critical when it is a key) instead of reading `OPENAI_API_KEY`',
    appliesTo: 'code',
    check: (file, text) => {
      if (!/openai/i.test(text)) return [];
      const out: AuditHit[] = [];
      for (const re of LITERAL_PATTERNS) {
        for (const m of text.matchAll(re)) {
          const value = m[2]!;
          // Empty strings, template literals that read the environment and bare ellipses (documentation)
          // are not literals of a key.
          if (value === '' || value.includes('${') || /^(?:\.{3}|…)$/.test(value)) continue;
          const isKey = detectKeys(value).length > 0;
          out.push({
            severity: isKey ? 'critical' : 'medium',
            ...at(file, lineAt(text, m.index)),
            message: isKey ? 'An OpenAI client is built with a literal key.' : 'An OpenAI client is built with a literal string as its API key (a placeholder today is a key tomorrow).',
            fix: 'Read the key from the environment: OpenAI() with no apiKey reads OPENAI_API_KEY (Python: os.environ["OPENAI_API_KEY"]); set it from a secret.',
          });
        }
      }
      return out;
    },
    samples: {
      // The quotes are templates (`{'*1}`: one quote) as the keys are: written out, this file would
      // be a client built with a literal, and keyguard's own audit would report it.
      positive: [{ 'app.ts': "import OpenAI from 'openai';\nconst c = new OpenAI({ apiKey: {'*1}not-set-yet{'*1} });\n" }, { 'app.py': 'from openai import OpenAI\nclient = OpenAI(api_key={"*1}sk-{20}{M}{20}{"*1})\n' }],
      negative: [{ 'app.ts': "import OpenAI from 'openai';\nconst c = new OpenAI({ apiKey: `${process.env.KEY}` });\n", 'b.py': 'import openai\nopenai.api_key = ""\n' }],
    },
  },
  {
    id: 'env-file-tracked',
    severity: ['high', 'medium'],
    doc: 'a `.env`-style file tracked by git (high when it sets an OpenAI key); `.env.example` and the like are fine',
    appliesTo: 'env',
    check: (file, text, repo) => {
      if (!repo.inGit || ENV_EXAMPLE.test(file)) return [];
      const assigns = /^\s*(?:export\s+)?OPENAI_[A-Z_]*KEY\s*=\s*['"]?[^\s'"#]+/m.exec(text);
      return [
        {
          severity: assigns ? 'high' : 'medium',
          target: file,
          file,
          ...(assigns ? { line: lineAt(text, assigns.index) } : {}),
          message: assigns ? `${file} is tracked by git and sets an OpenAI key.` : `${file} is tracked by git; .env files hold secrets.`,
          fix: `git rm --cached ${file}, add it to .gitignore, and keep a ${file}.example with empty values instead.`,
        },
      ];
    },
    samples: { positive: [{ '.env': 'OPENAI_API_KEY=not-a-key\n' }, { 'web/.env.local': 'PORT=1\n' }], negative: [{ '.env.example': 'OPENAI_API_KEY=\n' }] },
  },
  {
    id: 'gitignore-missing-env',
    severity: ['medium'],
    doc: '`.gitignore` (as git reads it) does not ignore `.env`',
    appliesTo: 'repository',
    check: (repo) => (repo.envIgnored ? [] : [{ target: '.gitignore', file: '.gitignore', message: '.gitignore does not ignore .env files, so a local .env can be committed by accident.', fix: 'Add the lines .env* and !.env.example to .gitignore.' }]),
    samples: { positive: [{ '.gitignore': 'node_modules\n' }], negative: [{ '.gitignore': '.env*\n!.env.example\n' }] },
  },
  {
    id: 'workflow-literal-key',
    severity: ['critical', 'high'],
    doc: 'a workflow sets an OpenAI key (`env:` or `with:`) to a literal instead of `${{ secrets.… }}`',
    appliesTo: 'workflow',
    check: (file, text) => {
      const w = workflowValues(text);
      if (!w) return [];
      return w.values.flatMap(({ node, key, under }) => {
        const parent = under.at(-2);
        const keyish = /openai.*(?:key|token)|api[_-]?key/i.test(key);
        if ((parent !== 'env' && parent !== 'with') || !keyish || node.value.trim() === '' || node.value.includes('${{')) return [];
        const isKey = detectKeys(node.value).length > 0;
        return [{ severity: isKey ? 'critical' : 'high', ...at(file, w.lineOf(node)), message: `${key} is set to a literal in the workflow, not from a secret.`, fix: `Store the key as a repository or organization secret and use ${'${{ secrets.OPENAI_API_KEY }}'}.` } as const];
      });
    },
    samples: { positive: [{ '.github/workflows/ci.yml': WORKFLOW_GOOD.replace('${{ secrets.OPENAI_API_KEY }}', 'sk-{20}{M}{20}') }], negative: [{ '.github/workflows/ci.yml': WORKFLOW_GOOD }] },
  },
  {
    id: 'workflow-echoes-secret',
    severity: ['high'],
    doc: 'a `run:` step prints a secret, or a variable set from one',
    appliesTo: 'workflow',
    check: (file, text) => {
      const w = workflowValues(text);
      if (!w) return [];
      // Names of environment variables set from secrets anywhere in the workflow (a step may echo a
      // variable that a job-level env defines further down the file).
      const secretVars = w.values.filter(({ node, under }) => under.at(-2) === 'env' && SECRET_EXPR.test(node.value)).map((v) => v.key);
      return w.values.flatMap(({ node, key }) => {
        if (key !== 'run') return [];
        const runLine = w.lineOf(node);
        return node.value.split('\n').flatMap((l, i) => {
          const echoes = /\b(?:echo|printf|print|cat\s*<<)\b/.test(l);
          const mentionsSecret = SECRET_EXPR.test(l) || secretVars.some((v) => new RegExp(`\\$\\{?${v}\\b`).test(l));
          if (!echoes || !mentionsSecret || />>\s*"?\$GITHUB_(?:ENV|OUTPUT)/.test(l) || /::add-mask::/.test(l)) return [];
          const line = runLine + i + (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 1 : 0);
          return [{ ...at(file, line), message: 'A run step prints a secret; masking hides exact matches only, and transformed values leak.', fix: 'Do not print secrets; pass them to the program through env: and let it read them.' }];
        });
      });
    },
    samples: { positive: [{ '.github/workflows/ci.yml': WORKFLOW_GOOD.replace('node app.js', 'echo "$OPENAI_API_KEY" | base64') }], negative: [{ '.github/workflows/ci.yml': WORKFLOW_GOOD.replace('node app.js', 'echo "::add-mask::$OPENAI_API_KEY"') }] },
  },
  {
    id: 'pwn-request',
    severity: ['critical'],
    doc: 'a `pull_request_target` workflow checks out the pull request head and exposes an OpenAI secret',
    appliesTo: 'workflow',
    check: (file, text) => {
      // pull_request_target runs with secrets; checking out the PR head there runs untrusted code with them.
      const w = workflowValues(text);
      if (!w) return [];
      const on = w.doc.get('on');
      const triggers = isMap(on) ? on.items.map((p) => String((p.key as { value?: unknown })?.value)) : isSeq(on) ? on.items.map((i) => String((i as { value?: unknown }).value)) : [String(on ?? '')];
      if (!triggers.includes('pull_request_target') || !/secrets\.[A-Za-z0-9_]*OPENAI|OPENAI_[A-Z_]*KEY/i.test(text)) return [];
      const headRef = /\$\{\{\s*github\.(?:event\.pull_request\.head\.(?:sha|ref)|head_ref)\s*\}\}|refs\/pull\//;
      return [...text.matchAll(/uses:\s*actions\/checkout@[\s\S]*?ref:\s*([^\n]+)/g)]
        .filter((m) => headRef.test(m[1]!))
        .map((m) => ({ ...at(file, lineAt(text, m.index)), message: 'A pull_request_target workflow checks out the pull request head and exposes an OpenAI secret: the PR author\'s code runs with it.', fix: 'Use the pull_request event for untrusted code, or never check out the head in pull_request_target; keep secrets out of that job.' }));
    },
    samples: {
      positive: [{ '.github/workflows/pr.yml': WORKFLOW_GOOD.replace('on: push', 'on: pull_request_target').replace('      - run: node app.js', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: node app.js') }],
      negative: [{ '.github/workflows/pr.yml': WORKFLOW_GOOD.replace('on: push', 'on: pull_request_target').replace('      - run: node app.js', '      - uses: actions/checkout@v4\n      - run: node app.js') }],
    },
  },
];

/** The rules a file of this path is read for. */
export const rulesForFile = (path: string) => REPO_RULES.flatMap((r) => (r.appliesTo !== 'repository' && FILE_KINDS[r.appliesTo](path) ? [r] : []));
