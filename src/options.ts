// The one table of keyguard's commands, options and environment variables. The CLI parses each
// command's flags from it, prints each command's help from it, and the README's command-line
// section is generated from that help (scripts/docs.ts): adding a command or a flag is one entry.

export interface CommandSpec {
  readonly name: string;
  /** One line, for the list of commands. */
  readonly summary: string;
  /** The positional arguments, as the usage line shows them. */
  readonly args: string;
  /** How many positional arguments it takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  /** What the command does beyond its one line; wrapped text. */
  readonly about?: string;
  readonly examples: readonly string[];
  /** What its exit codes 0 and 1 mean (2 is always a usage, config or runtime error). */
  readonly exit: string;
}

export const COMMAND_SPECS = [
  {
    name: 'scan',
    exit: '0 nothing to fail on, 1 keys found (with --fail-on any)',
    summary: 'find OpenAI keys in files, a commit range, staged changes or the whole history',
    args: '[PATH...]',
    positionals: { min: 0, max: Infinity },
    about:
      'PATH is a directory (default: the current one) or one or more files, as pre-commit passes them. Without --history, --range or --staged, the files of the working tree are scanned.',
    examples: ['keyguard scan --staged', 'keyguard scan --history --format json --output keys.json'],
  },
  {
    name: 'audit',
    exit: '0 nothing to fail on, 1 findings at or above --fail-on',
    summary: "check how a repository handles keys and, with OPENAI_ADMIN_KEY, the organization's keys",
    args: '[PATH]',
    positionals: { min: 0, max: 1 },
    about:
      "Repository rules always: how the repository's files hold and pass OpenAI keys. With OPENAI_ADMIN_KEY, organization rules: the keys, owners and projects of the organization. README's \"Key hygiene audit\" lists every rule; --format json names the rule of each finding.",
    examples: ['keyguard audit', 'keyguard audit --format sarif --output audit.sarif --fail-on critical'],
  },
  {
    name: 'report',
    exit: '0 the report was built',
    summary: 'per-project usage and cost for a period against the period before (OPENAI_ADMIN_KEY)',
    args: '',
    positionals: { min: 0, max: 0 },
    about: 'The last full UTC day, week (default) or month, or --since/--until (until exclusive).',
    examples: ['keyguard report --period month', 'keyguard report --since 2026-01-01 --until 2026-02-01 --format json'],
  },
  {
    name: 'discover',
    exit: '0 the list was written',
    summary: "list an organization's repositories as a job matrix of at most 256 batches (GITHUB_TOKEN)",
    args: '',
    positionals: { min: 0, max: 0 },
    about: 'With an App installation token, the repositories the installation can reach.',
    examples: ['keyguard discover --org acme --output repositories.txt'],
  },
  {
    name: 'scan-batch',
    exit: '0 no key found, 1 keys found (2 also when a repository could not be scanned)',
    summary: 'clone and scan batch I of K of the list that discover wrote, one JSON report per repository',
    args: 'LIST',
    positionals: { min: 1, max: 1 },
    examples: ['keyguard scan-batch repositories.txt --batch 0/4 --output reports'],
  },
  {
    name: 'aggregate',
    exit: '0 no key in the reports, 1 keys found',
    summary: 'count the keys in the reports of scan-batch and file one issue per key (--issues)',
    args: 'DIR',
    positionals: { min: 1, max: 1 },
    examples: ['keyguard aggregate reports', 'GITHUB_REPOSITORY=acme/security keyguard aggregate reports --issues'],
  },
  {
    name: 'watch',
    exit: '0 the open leak issues were revisited',
    summary: 'revisit the open leak issues keyguard wrote, without rescanning (OPENAI_ADMIN_KEY, GITHUB_TOKEN)',
    args: '',
    positionals: { min: 0, max: 0 },
    about:
      'For each open leak issue in GITHUB_REPOSITORY: whether its key record still exists, its last use and its usage since the last check. It comments when a key was used, and says when a revoked key has been unused for --quiet-days days.',
    examples: ['GITHUB_REPOSITORY=acme/app keyguard watch', 'keyguard watch --quiet-days 14'],
  },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMAND_SPECS)[number]['name'];
export const COMMANDS: readonly CommandName[] = COMMAND_SPECS.map((c) => c.name);
export const commandSpec = (name: CommandName): CommandSpec => COMMAND_SPECS.find((c) => c.name === name)!;


export interface OptionSpec {
  /** The long flag without its dashes; also the key the command reads. */
  readonly flag: string;
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** The value's placeholder (`FILE`, `text|json|sarif`), for string options. */
  readonly value?: string;
  readonly commands: readonly CommandName[] | 'all';
  readonly help: string;
  /** What differs for some commands: another placeholder or help text. */
  readonly per?: Partial<Record<CommandName, { readonly value?: string; readonly help?: string }>>;
  /** The scan scopes exclude each other: options of one group cannot be combined. */
  readonly group?: 'scope';
}

const RESPOND: CommandName[] = ['scan', 'scan-batch'];

export const OPTIONS = [
  { flag: 'history', type: 'boolean', commands: ['scan'], group: 'scope', help: 'every commit reachable from any ref (refuses a shallow clone)' },
  { flag: 'range', type: 'string', value: 'A..B', commands: ['scan'], group: 'scope', help: 'what the commits of A..B add (A.. means up to HEAD; A...B from their merge base)' },
  { flag: 'staged', type: 'boolean', commands: ['scan'], group: 'scope', help: 'what the staged changes add (for a pre-commit hook)' },
  { flag: 'fetch', type: 'boolean', commands: ['scan'], help: 'with --history: first fetch every branch and tag of origin (unshallowing the clone)' },
  { flag: 'pull-refs', type: 'boolean', commands: ['scan'], help: 'with --history --fetch: pull request heads too (refs/pull/*/head)' },
  // Each command's formats and its default come from their registry, src/output/formats.ts.
  { flag: 'format', type: 'string', value: 'FORMAT', commands: ['scan', 'audit', 'report'], help: 'output format' },
  {
    flag: 'output',
    type: 'string',
    value: 'FILE',
    commands: ['scan', 'audit', 'report', 'discover', 'scan-batch'],
    help: 'write the report to FILE instead of stdout',
    per: { discover: { value: 'LIST', help: 'write the repository list to LIST, for scan-batch' }, 'scan-batch': { value: 'DIR', help: 'write the reports to DIR (default keyguard-reports)' } },
  },
  {
    flag: 'fail-on',
    type: 'string',
    value: 'none|any',
    commands: ['scan', 'audit'],
    help: 'exit 1 when keys are found (default any)',
    per: { audit: { value: 'none|any|critical|high|medium|low', help: 'exit 1 on findings of this severity or above (default high)' } },
  },
  {
    flag: 'config',
    type: 'string',
    value: 'FILE',
    commands: ['scan', 'audit', 'report', 'scan-batch', 'watch'],
    help: 'config file (default PATH/.keyguard.yml)',
    per: { report: { help: 'config file (default ./.keyguard.yml)' }, 'scan-batch': { help: 'config file (default ./.keyguard.yml)' }, watch: { help: 'config file (default ./.keyguard.yml)' } },
  },
  { flag: 'max-file-size', type: 'string', value: 'SIZE', commands: ['scan'], help: 'skip larger files; a number and a unit: 500KB, 10MiB (default 10MiB)' },
  { flag: 'baseline', type: 'string', value: 'FILE', commands: ['scan'], help: 'do not report the keys recorded in FILE' },
  { flag: 'write-baseline', type: 'string', value: 'FILE', commands: ['scan'], help: 'record the keys found (fingerprints, never keys) in FILE; exits 0' },
  { flag: 'verify', type: 'boolean', commands: RESPOND, help: 'check whether each key found is live (GET /v1/models; no tokens spent)' },
  { flag: 'revoke', type: 'string', value: 'off|live', commands: RESPOND, help: 'live: revoke each key found live and proven to be one exact record of the organization, through OPENAI_ADMIN_KEY (default off)' },
  { flag: 'dry-run', type: 'boolean', commands: RESPOND, help: 'with --revoke live, say what would be revoked and revoke nothing' },
  { flag: 'inventory', type: 'string', value: 'FILE', commands: ['scan-batch'], help: "the organization's key records saved by the discover job, read instead of the organization" },
  {
    flag: 'issues',
    type: 'boolean',
    commands: ['scan', 'audit', 'aggregate'],
    help: 'open one GitHub issue per key in GITHUB_REPOSITORY (GITHUB_TOKEN)',
    per: { audit: { help: 'open or update the audit issue in GITHUB_REPOSITORY (GITHUB_TOKEN)' } },
  },
  {
    flag: 'secret-scanning-alerts',
    type: 'boolean',
    commands: ['scan'],
    help: "also respond to GITHUB_REPOSITORY's open GitHub secret scanning alerts for OpenAI keys (GITHUB_TOKEN with the secret scanning alerts permission)",
  },
  { flag: 'period', type: 'string', value: 'day|week|month', commands: ['report'], help: 'the last full UTC period (default week)' },
  { flag: 'since', type: 'string', value: 'DATE', commands: ['report'], help: 'start of a custom period (with --until)' },
  { flag: 'until', type: 'string', value: 'DATE', commands: ['report'], help: 'end of a custom period, exclusive (with --since)' },
  { flag: 'issue', type: 'boolean', commands: ['report'], help: 'open or update the report issue of the period in GITHUB_REPOSITORY (GITHUB_TOKEN)' },
  { flag: 'close-previous', type: 'boolean', commands: ['report'], help: "with --issue, close the previous period's issue" },
  { flag: 'org', type: 'string', value: 'NAME', commands: ['discover'], help: 'the organization (required)' },
  { flag: 'include-archived', type: 'boolean', commands: ['discover'], help: 'list archived repositories too' },
  { flag: 'include-forks', type: 'boolean', commands: ['discover'], help: 'list forks too' },
  { flag: 'quiet-days', type: 'string', value: 'N', commands: ['watch'], help: 'days a revoked key must stay unused before its leak issue is said to be closable (default 30)' },
  { flag: 'batch', type: 'string', value: 'I/K', commands: ['scan-batch'], help: 'which batch of how many (from the discover matrix; required)' },
  {
    flag: 'openai-base-url',
    type: 'string',
    value: 'URL',
    commands: ['scan', 'audit', 'report', 'scan-batch', 'watch'],
    help: 'OpenAI API base URL (default https://api.openai.com/v1; OPENAI_BASE_URL is ignored, so found keys go nowhere else)',
  },
  { flag: 'help', type: 'boolean', short: 'h', commands: 'all', help: 'this help' },
  { flag: 'version', type: 'boolean', short: 'v', commands: 'all', help: 'the version' },
] as const satisfies readonly OptionSpec[];

export type Flag = (typeof OPTIONS)[number]['flag'];

/** Parsed flags: booleans for switches, strings for the rest; absent when not given. */
export type OptionValues = { readonly [O in (typeof OPTIONS)[number] as O['flag']]?: O['type'] extends 'boolean' ? boolean : string };

export interface EnvironmentSpec {
  readonly name: string;
  readonly commands: readonly CommandName[];
  readonly help: string;
}

/** Credentials come from variables, never flags (other users of the machine can read a command line). */
export const ENVIRONMENT: readonly EnvironmentSpec[] = [
  { name: 'OPENAI_ADMIN_KEY', commands: ['scan', 'audit', 'report', 'scan-batch', 'watch'], help: 'OpenAI admin key: matching found keys to projects and their use since exposure, revocation, the org audit, the report, the watch' },
  { name: 'GITHUB_TOKEN', commands: ['scan', 'audit', 'report', 'discover', 'scan-batch', 'aggregate', 'watch'], help: 'GitHub token: issues (issues: write), discovery, cloning' },
  { name: 'GITHUB_REPOSITORY', commands: ['scan', 'audit', 'report', 'aggregate', 'watch'], help: 'owner/name: where issues go; heads the JSON report' },
  { name: 'GITHUB_API_URL', commands: ['scan', 'audit', 'report', 'discover', 'aggregate', 'watch'], help: 'GitHub API URL (default https://api.github.com)' },
];

export const optionsOf = (command: CommandName): readonly OptionSpec[] => (OPTIONS as readonly OptionSpec[]).filter((o) => o.commands === 'all' || o.commands.includes(command));

export const findOption = (flag: string): OptionSpec | undefined => (OPTIONS as readonly OptionSpec[]).find((o) => o.flag === flag);

/**
 * The action's inputs, named once: main.ts reads only these (its reader takes an `ActionInput`),
 * and a test holds the list equal to action.yml's.
 */
export const ACTION_INPUTS = [
  'mode', 'scan-scope', 'scan-pull-refs', 'path', 'config', 'fail-on', 'max-file-size', 'baseline', 'sarif-file', 'verify', 'revoke', 'dry-run',
  'openai-admin-key', 'openai-base-url', 'issues', 'issue-repository', 'issue-labels', 'issue-assignees', 'issue-mention', 'max-issues',
  'period', 'since', 'until', 'close-previous', 'repository', 'org', 'include-archived', 'include-forks', 'batch', 'repositories-file',
  'inventory-file', 'reports', 'secret-scanning-alerts', 'quiet-days', 'pr-comment', 'github-token',
] as const;
export type ActionInput = (typeof ACTION_INPUTS)[number];

/**
 * The inputs' defaults, which main.ts applies when an input is empty (the runner passes action.yml's
 * defaults, a test of the bundle passes none): a test holds action.yml's equal to these.
 * `github-token` defaults to the workflow's token in action.yml and to GITHUB_TOKEN here.
 */
export const ACTION_INPUT_DEFAULTS: Readonly<Partial<Record<ActionInput, string>>> = {
  mode: 'scan',
  'scan-scope': 'auto',
  'scan-pull-refs': 'false',
  path: '.',
  verify: 'true',
  revoke: 'off',
  'dry-run': 'false',
  issues: 'false',
  'close-previous': 'false',
  'include-archived': 'false',
  'include-forks': 'false',
  'repositories-file': 'keyguard-repositories.txt',
  reports: 'keyguard-reports',
  'secret-scanning-alerts': 'false',
  'quiet-days': '30',
  'pr-comment': 'true',
};

/**
 * The action's outputs, named and described once: main.ts sets only these (and the report files'
 * outputs, which come with their formats in src/output/formats.ts); `npm run docs` writes
 * action.yml's outputs from both, and a test holds them equal.
 */
export const ACTION_OUTPUTS = {
  findings: 'Number of findings (places where a key was found).',
  keys: 'Number of distinct keys found.',
  live: 'Number of distinct keys found live, including those keyguard then revoked.',
  revoked: 'Number of keys revoked by this run.',
  'issues-opened': 'Number of leak issues opened by this run.',
  matrix: 'discover: the scan matrix, `{"batch": ["0/K", …]}`, at most 256 jobs whatever the number of repositories.',
  batches: 'discover: number of batch jobs (0 when there is nothing to scan).',
  repositories: 'discover: number of repositories.',
  'repositories-file': 'discover: path of the repository list, one `owner/name` a line (too long for an output in large organizations).',
  'inventory-file': "discover, with `openai-admin-key`: path of the organization's saved key records (ids and redacted values; no secret).",
  reports: 'scan-batch: directory of the per-repository JSON reports.',
  'cost-usd': 'report: total cost of the period in USD.',
  projects: 'report: number of projects in the report.',
  'issue-number': "report: number of the period's report issue.",
  'alerts-resolved': 'scan, with secret-scanning-alerts: number of secret scanning alerts resolved as revoked.',
  watched: 'watch: number of open leak issues revisited.',
  used: 'watch: number of leaked keys used since the last check.',
  closable: 'watch: number of leak issues whose key is revoked and quiet for quiet-days.',
} as const;
export type ActionOutput = keyof typeof ACTION_OUTPUTS;

/**
 * How an error names a setting where the user sets it: `name('revoke', 'live')` is `--revoke live`
 * on the command line and `input revoke live` in the action. A switch turned on is just its flag.
 */
export type Namer = (key: string, value?: string) => string;

/**
 * Settings that are no flag: credentials (read from variables) and what only .keyguard.yml
 * sets on the command line.
 */
const CLI_ELSEWHERE: Readonly<Record<string, string>> = {
  'scan-scope': '--history, --range or --staged',
  'openai-admin-key': 'OPENAI_ADMIN_KEY',
  'github-token': 'GITHUB_TOKEN',
  'issue-repository': 'GITHUB_REPOSITORY',
  'issue-mention': 'issues.mention in .keyguard.yml',
  'max-issues': 'issues.maxPerRun in .keyguard.yml',
  'issue-labels': 'issues.labels in .keyguard.yml',
  'issue-assignees': 'issues.assignees in .keyguard.yml',
};

export const cliName: Namer = (key, value) => {
  const option = findOption(key);
  if (option) return option.type === 'boolean' || value === undefined ? `--${key}` : `--${key} ${value}`;
  const elsewhere = CLI_ELSEWHERE[key];
  // A key named nowhere is a bug in the caller, caught by the test over every name() call.
  if (!elsewhere) throw new Error(`no flag or variable sets "${key}"`);
  return elsewhere;
};

export const inputName: Namer = (key, value) => `input ${key}${value === undefined ? '' : ` ${value}`}`;
