// The one table of keyguard's commands and settings (flags, action inputs, environment variables).
// The CLI parses each command's flags from it and prints each command's help from it; the action
// reads only its inputs; `npm run docs` writes action.yml's inputs and the README's input table and
// command-line reference from it (scripts/docs.ts): adding a command, a flag or an input is one entry.

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
    // A getter: the scope flags are rows of OPTIONS below, so a new one shows up here too.
    get about() {
      return `PATH is a directory (default: the current one) or one or more files, as pre-commit passes them. Without ${scopeFlags()}, the files of the working tree are scanned.`;
    },
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


/**
 * One setting, however the user sets it: a flag of some commands, an input of the action, an
 * environment variable of the command line, or several of these where they are the same setting
 * (`--fail-on` and input `fail-on`; input `openai-admin-key` and OPENAI_ADMIN_KEY). The CLI parses
 * and documents its flags and variables from these rows, the action reads only their inputs, and
 * `npm run docs` writes action.yml's inputs and the README from them.
 */
export interface OptionSpec {
  /** The long flag without its dashes; also the key the command reads. */
  readonly flag?: string;
  /** The action input. */
  readonly input?: string;
  /** The environment variable the command line reads it from (credentials: never a flag). */
  readonly env?: string;
  /** Where the command line sets it when it is neither a flag nor a variable (errors name it so). */
  readonly elsewhere?: string;
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** The value's placeholder (`FILE`, `text|json|sarif`), for string options. */
  readonly value?: string;
  /** The commands that take the flag or read the variable. */
  readonly commands?: readonly CommandName[] | 'all';
  /**
   * The help text, for the command line and, unless `action` says otherwise, the action input's
   * description. `{name}` names another setting: `--name` on the command line, `name` in action.yml.
   */
  readonly help: string;
  /** The action input's description where the command line's wording does not fit the action. */
  readonly action?: string;
  /** The action input's default, which action.yml declares and main.ts applies when it is empty. */
  readonly default?: string;
  /** A default that only the runner can fill in (a workflow expression): action.yml's alone. */
  readonly runnerDefault?: string;
  /** What differs for some commands: another placeholder or help text. */
  readonly per?: Partial<Record<CommandName, { readonly value?: string; readonly help?: string }>>;
  /** The scan scopes exclude each other: options of one group cannot be combined. */
  readonly group?: 'scope';
}

const RESPOND: CommandName[] = ['scan', 'scan-batch'];
const CONFIGURED: CommandName[] = ['scan', 'audit', 'report', 'scan-batch', 'watch'];

export const OPTIONS = [
  {
    input: 'mode',
    type: 'string',
    default: 'scan',
    help: "What to run. `scan` finds OpenAI keys in the repository (and responds to leaks); `audit` checks key hygiene: the repository's code and workflows, and with `openai-admin-key` the organization's keys; `report` posts per-project usage and cost (needs `openai-admin-key`); `discover` lists an organization's repositories and splits them into at most 256 batch jobs; `scan-batch` scans one batch (clone, whole history, leak response); `aggregate` files one issue per key from the scan reports of an org-wide run; `watch` revisits the open leak issues keyguard wrote (needs `openai-admin-key`), without rescanning.",
  },
  {
    input: 'scan-scope',
    get elsewhere() {
      return scopeFlags();
    },
    type: 'string',
    default: 'auto',
    help: 'What to scan. `auto`: on push, pull_request and merge_group the commits the event brings (`range`), on schedule and workflow_dispatch the full history (`history`), otherwise the working tree (`worktree`). Range and history scans need the history: see `fetch-depth`. A history scan fetches every branch and tag of origin first, and stops with an error when the clone stays shallow.',
  },
  { flag: 'history', type: 'boolean', commands: ['scan'], group: 'scope', help: 'every commit reachable from any ref (refuses a shallow clone)' },
  { flag: 'range', type: 'string', value: 'A..B', commands: ['scan'], group: 'scope', help: 'what the commits of A..B add (A.. means up to HEAD; A...B from their merge base)' },
  { flag: 'staged', type: 'boolean', commands: ['scan'], group: 'scope', help: 'what the staged changes add (for a pre-commit hook)' },
  { flag: 'fetch', type: 'boolean', commands: ['scan'], help: 'with --history: first fetch every branch and tag of origin (unshallowing the clone)' },
  {
    flag: 'pull-refs',
    input: 'scan-pull-refs',
    type: 'boolean',
    default: 'false',
    commands: ['scan'],
    help: 'with --history --fetch: pull request heads too (refs/pull/*/head)',
    action: 'History scans: also fetch and scan the heads of pull requests (`refs/pull/*/head`), which GitHub keeps fetchable after a branch is deleted or never merged.',
  },
  { input: 'path', type: 'string', default: '.', help: 'Directory to scan, relative to the workspace.' },
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
  { input: 'sarif-file', type: 'string', help: 'Where to write the SARIF report. Defaults to `$RUNNER_TEMP/keyguard.sarif`.' },
  {
    flag: 'fail-on',
    input: 'fail-on',
    type: 'string',
    value: 'none|any',
    commands: ['scan', 'audit'],
    help: 'exit 1 when keys are found (default any)',
    per: { audit: { value: 'none|any|critical|high|medium|low', help: 'exit 1 on findings of this severity or above (default high)' } },
    action: 'When the step fails. scan: `any` (default) when a key is found, `none` never. audit: the lowest severity that fails, `critical`, `high` (default), `medium` or `low`, or `any`/`none`.',
  },
  {
    flag: 'config',
    input: 'config',
    type: 'string',
    value: 'FILE',
    commands: CONFIGURED,
    help: 'config file (default PATH/.keyguard.yml)',
    per: { report: { help: 'config file (default ./.keyguard.yml)' }, 'scan-batch': { help: 'config file (default ./.keyguard.yml)' }, watch: { help: 'config file (default ./.keyguard.yml)' } },
    action: 'Config file. Defaults to `.keyguard.yml` in `path` when it exists.',
  },
  {
    flag: 'max-file-size',
    input: 'max-file-size',
    type: 'string',
    value: 'SIZE',
    commands: ['scan'],
    help: 'skip larger files; a number and a unit: 500KB, 10MiB (default 10MiB)',
    action: 'Skip (and report) files larger than this, a number and a unit (`500KB`, `10MiB`; a bare number is an error). Defaults to `scan.maxFileSize` in the config, else 10MiB.',
  },
  {
    flag: 'baseline',
    input: 'baseline',
    type: 'string',
    value: 'FILE',
    commands: ['scan'],
    help: 'do not report the keys recorded in FILE',
    action: 'Baseline file (from `keyguard scan --history --write-baseline`), relative to the workspace; keys in it are not reported. Defaults to `baseline` in the config.',
  },
  { flag: 'write-baseline', type: 'string', value: 'FILE', commands: ['scan'], help: 'record the keys found (fingerprints, never keys) in FILE; exits 0' },
  {
    flag: 'verify',
    input: 'verify',
    type: 'boolean',
    default: 'true',
    commands: RESPOND,
    help: 'check whether each key found is live (GET /v1/models; no tokens spent)',
    action: 'Check whether each key found is live, with `GET /v1/models` (no tokens spent; an admin key is checked with the admin keys list). Skipped on pull requests from forks.',
  },
  {
    flag: 'revoke',
    input: 'revoke',
    type: 'string',
    value: 'off|live',
    default: 'off',
    commands: RESPOND,
    help: 'live: revoke each key found live and proven to be one exact record of the organization, through OPENAI_ADMIN_KEY (default off)',
    action: 'Revoke found keys through `openai-admin-key`: `off` (default) or `live`: a key found live and proven to be one exact record of the organization (see Leak response). `all` was removed: it is an error.',
  },
  { flag: 'dry-run', input: 'dry-run', type: 'boolean', default: 'false', commands: RESPOND, help: 'with {revoke} live, say what would be revoked and revoke nothing' },
  {
    input: 'openai-admin-key',
    env: 'OPENAI_ADMIN_KEY',
    type: 'string',
    commands: CONFIGURED,
    help: 'OpenAI admin key: matching found keys to projects and their use since exposure, revocation, the org audit, the report, the watch',
    action: 'OpenAI admin key (`sk-admin-…`, from a secret) to match found keys to their project and key id, and to revoke. Not needed to scan or to verify.',
  },
  {
    flag: 'openai-base-url',
    input: 'openai-base-url',
    type: 'string',
    value: 'URL',
    commands: CONFIGURED,
    help: 'OpenAI API base URL (default https://api.openai.com/v1; OPENAI_BASE_URL is ignored, so found keys go nowhere else)',
  },
  {
    flag: 'inventory',
    input: 'inventory-file',
    type: 'string',
    value: 'FILE',
    commands: ['scan-batch'],
    help: "the organization's key records saved by the discover job, read instead of the organization",
    action: "scan-batch: the organization's key records discover saved, to match found keys without reading the organization again. Ignored when `revoke` is on: revocation reads the organization as it is now.",
  },
  {
    flag: 'issues',
    input: 'issues',
    type: 'boolean',
    default: 'false',
    commands: ['scan', 'audit', 'aggregate'],
    help: 'open one GitHub issue per key in GITHUB_REPOSITORY (GITHUB_TOKEN)',
    per: { audit: { help: 'open or update the audit issue in GITHUB_REPOSITORY (GITHUB_TOKEN)' } },
    action: 'scan: open one issue per leaked key (found again by a hidden marker, never duplicated). audit: keep one audit issue for the repository up to date. report: one issue per period, updated in place. Needs `issues write`.',
  },
  {
    input: 'issue-repository',
    env: 'GITHUB_REPOSITORY',
    type: 'string',
    commands: ['scan', 'audit', 'report', 'aggregate', 'watch'],
    help: 'owner/name: where issues go; heads the JSON report',
    action: 'Where leak issues go (`owner/name`). Defaults to this repository; another needs a token that can write there.',
  },
  {
    input: 'issue-labels',
    elsewhere: 'issues.labels in .keyguard.yml',
    type: 'string',
    help: 'Labels of leak issues, comma-separated; the first one finds them again. Defaults to `issues.labels` in the config, else `keyguard,leaked-secret`.',
  },
  { input: 'issue-assignees', elsewhere: 'issues.assignees in .keyguard.yml', type: 'string', help: 'Logins to assign leak issues to, comma-separated.' },
  { input: 'issue-mention', elsewhere: 'issues.mention in .keyguard.yml', type: 'string', help: 'A user or team to mention in each new leak issue, e.g. `@org/security`.' },
  {
    input: 'max-issues',
    elsewhere: 'issues.maxPerRun in .keyguard.yml',
    type: 'string',
    help: 'New issues opened at most per run (default 20); the rest are opened by later runs, as the summary says.',
  },
  {
    flag: 'secret-scanning-alerts',
    input: 'secret-scanning-alerts',
    type: 'boolean',
    default: 'false',
    commands: ['scan'],
    help: "also respond to GITHUB_REPOSITORY's open GitHub secret scanning alerts for OpenAI keys (GITHUB_TOKEN with the secret scanning alerts permission)",
    action:
      'scan: also respond to this repository\'s open GitHub secret scanning alerts for OpenAI keys (verify, match, issue, revocation), and resolve as revoked each alert whose key keyguard revoked. The workflow\'s GITHUB_TOKEN cannot read these alerts: give `github-token` a GitHub App installation token (or a fine-grained token) with the repository permission "Secret scanning alerts": read to list them and their secret, write to resolve them.',
  },
  {
    flag: 'period',
    input: 'period',
    type: 'string',
    value: 'day|week|month',
    commands: ['report'],
    help: 'the last full UTC period (default week)',
    action: 'report: `day`, `week` (default) or `month`: the last full one, in UTC.',
  },
  { flag: 'since', input: 'since', type: 'string', value: 'DATE', commands: ['report'], help: 'start of a custom period, such as 2026-11-01 (with {until})' },
  { flag: 'until', input: 'until', type: 'string', value: 'DATE', commands: ['report'], help: 'end of a custom period, exclusive: the day after its last day (with {since})' },
  { flag: 'issue', type: 'boolean', commands: ['report'], help: 'open or update the report issue of the period in GITHUB_REPOSITORY (GITHUB_TOKEN)' },
  {
    flag: 'close-previous',
    input: 'close-previous',
    type: 'boolean',
    default: 'false',
    commands: ['report'],
    help: "with --issue, close the previous period's issue",
    action: "report: with `issues`, close the previous period's report issue.",
  },
  {
    input: 'repository',
    type: 'string',
    help: 'scan: the repository being scanned (`owner/name`), when it is not the workflow\'s own, as in org-wide runs; it names the findings in the JSON report and links in issues.',
  },
  { flag: 'org', input: 'org', type: 'string', value: 'NAME', commands: ['discover'], help: 'the organization whose repositories to list (required)' },
  { flag: 'include-archived', input: 'include-archived', type: 'boolean', default: 'false', commands: ['discover'], help: 'list archived repositories too' },
  { flag: 'include-forks', input: 'include-forks', type: 'boolean', default: 'false', commands: ['discover'], help: 'list forks too' },
  {
    flag: 'batch',
    input: 'batch',
    type: 'string',
    value: 'I/K',
    commands: ['scan-batch'],
    help: 'which batch of how many (from the discover matrix; required)',
    action: "scan-batch: which batch to scan, `I/K` (batch I of K, from 0), as discover's `matrix` gives it.",
  },
  {
    input: 'repositories-file',
    type: 'string',
    default: 'keyguard-repositories.txt',
    help: 'scan-batch: the repository list discover wrote (one `owner/name` a line).',
  },
  {
    input: 'reports',
    type: 'string',
    default: 'keyguard-reports',
    help: 'scan-batch: directory to write one JSON report per repository to. aggregate: directory holding the JSON scan reports of an org-wide run (searched recursively).',
  },
  {
    flag: 'quiet-days',
    input: 'quiet-days',
    type: 'string',
    value: 'N',
    default: '30',
    commands: ['watch'],
    help: 'days a revoked key must stay unused before its leak issue is said to be closable (default 30)',
  },
  {
    input: 'pr-comment',
    type: 'boolean',
    default: 'true',
    help: 'On pull requests, keep one comment summarising the findings (updated in place). Needs `pull-requests write`.',
  },
  {
    input: 'github-token',
    env: 'GITHUB_TOKEN',
    type: 'string',
    runnerDefault: '${{ github.token }}',
    commands: ['scan', 'audit', 'report', 'discover', 'scan-batch', 'aggregate', 'watch'],
    help: 'GitHub token: issues (issues: write), discovery, cloning',
    action: 'Token for issues and pull request comments; discover: to list the repositories (an App installation token lists those the installation can reach); scan-batch: to clone them.',
  },
  { env: 'GITHUB_API_URL', type: 'string', commands: ['scan', 'audit', 'report', 'discover', 'aggregate', 'watch'], help: 'GitHub API URL (default https://api.github.com)' },
  { flag: 'help', type: 'boolean', short: 'h', commands: 'all', help: 'this help' },
  { flag: 'version', type: 'boolean', short: 'v', commands: 'all', help: 'the version' },
] as const satisfies readonly OptionSpec[];

type Row = (typeof OPTIONS)[number];
type FlagRow = Extract<Row, { flag: string }>;
type InputRow = Extract<Row, { input: string }>;

export type Flag = FlagRow['flag'];

/** Parsed flags: booleans for switches, strings for the rest; absent when not given. */
export type OptionValues = { readonly [O in FlagRow as O['flag']]?: O['type'] extends 'boolean' ? boolean : string };

const ROWS: readonly OptionSpec[] = OPTIONS;

/** The scope flags as help and messages list them (`--history, --range or --staged`); each is named like its scope type. */
function scopeFlags(): string {
  const flags = ROWS.flatMap((o) => (o.group === 'scope' && o.flag ? [`--${o.flag}`] : []));
  return flags.length > 1 ? `${flags.slice(0, -1).join(', ')} or ${flags.at(-1)}` : flags.join('');
}

export const takes = (o: OptionSpec, command: CommandName) => o.commands === 'all' || (o.commands?.includes(command) ?? false);

/** Every flag of every command. */
export const FLAGS = ROWS.filter((o): o is OptionSpec & { flag: string } => o.flag !== undefined);

/** A command's flags, in the table's order. */
export const optionsOf = (command: CommandName): readonly (OptionSpec & { flag: string })[] => FLAGS.filter((o) => takes(o, command));

export const findOption = (flag: string): (OptionSpec & { flag: string }) | undefined => FLAGS.find((o) => o.flag === flag);

export interface EnvironmentSpec {
  readonly name: string;
  readonly commands: readonly CommandName[];
  readonly help: string;
}

/** Credentials come from variables, never flags (other users of the machine can read a command line). */
export const ENVIRONMENT: readonly EnvironmentSpec[] = ROWS.flatMap((o) => (o.env ? [{ name: o.env, commands: o.commands as readonly CommandName[], help: o.help }] : []));

/** The action's inputs, named once (main.ts reads only these, through a reader that takes an `ActionInput`). */
export type ActionInput = InputRow['input'];
/** The inputs that are switches: `true` or `false`. */
export type SwitchInput = Extract<InputRow, { type: 'boolean' }>['input'];
export const ACTION_INPUTS: readonly ActionInput[] = OPTIONS.flatMap((o) => ('input' in o ? [o.input] : []));

/**
 * The inputs' defaults, which main.ts applies when an input is empty (the runner passes action.yml's
 * defaults, a test of the bundle passes none). `github-token` defaults to the workflow's token in
 * action.yml and to GITHUB_TOKEN here.
 */
export const ACTION_INPUT_DEFAULTS: Readonly<Partial<Record<ActionInput, string>>> = Object.fromEntries(
  OPTIONS.flatMap((o) => ('input' in o && 'default' in o ? [[o.input, o.default]] : [])),
);

/** Fills `{name}` references with how the reader sets that setting; a name of no row is a bug. */
function references(text: string, name: (o: OptionSpec) => string): string {
  return text.replace(/\{([a-z-]+)\}/g, (_, key: string) => {
    const o = ROWS.find((r) => r.flag === key || r.input === key);
    if (!o) throw new Error(`bug: the option table's text names {${key}}, which is no setting`);
    return name(o);
  });
}

/** A row's help on the command line, for one command. */
export const cliHelp = (o: OptionSpec, command?: CommandName): string => references((command && o.per?.[command]?.help) ?? o.help, (r) => (r.flag ? `--${r.flag}` : (r.env ?? r.input!)));

/** An input's description in action.yml: its own, else the command line's help as a sentence. */
export function inputDescription(o: OptionSpec): string {
  if (o.action) return o.action;
  const text = `${references(o.help, (r) => `\`${r.input ?? r.flag}\``)}${o.help.endsWith('.') ? '' : '.'}`;
  // A setting of one mode says which, as the other inputs' descriptions do; scan is the default mode.
  const only = Array.isArray(o.commands) && o.commands.length === 1 && o.commands[0] !== 'scan' ? o.commands[0] : undefined;
  return only ? `${only}: ${text}` : `${text[0]!.toUpperCase()}${text.slice(1)}`;
}

/** The action's inputs as action.yml declares them, in the table's order. */
export const actionInputs = (): { name: ActionInput; description: string; default?: string }[] =>
  OPTIONS.flatMap((o) => ('input' in o ? [{ name: o.input, description: inputDescription(o), ...('default' in o ? { default: o.default } : 'runnerDefault' in o ? { default: o.runnerDefault } : {}) }] : []));

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
 * The key is a flag or an input of the table.
 */
export type Namer = (key: string, value?: string) => string;

const row = (key: string): OptionSpec | undefined => findOption(key) ?? ROWS.find((o) => o.input === key);

export const cliName: Namer = (key, value) => {
  const o = row(key);
  // A key named nowhere is a bug in the caller, caught by the test over every name() call.
  if (!o) throw new Error(`no flag or variable sets "${key}"`);
  if (o.flag) return o.type === 'boolean' || value === undefined ? `--${o.flag}` : `--${o.flag} ${value}`;
  const elsewhere = o.env ?? o.elsewhere;
  if (!elsewhere) throw new Error(`no flag or variable sets "${key}"`);
  return elsewhere;
};

export const inputName: Namer = (key, value) => `input ${row(key)?.input ?? key}${value === undefined ? '' : ` ${value}`}`;
